import { useMemo } from 'react';
import { AUTO_IMPORT_POLICY_NAME, BACKUP_NAMESPACE, replicatedPolicyName, VALIDATION_POLICY_NAME } from '../k8s/names';
import type { HubState } from '../k8s/useHubState';
import { policyHealth, type PolicyHealth } from '../insight/policyHealth';

type PolicySources = Pick<HubState, 'rootPolicies' | 'replicatedPolicies' | 'localClusterName'> &
  Partial<Pick<HubState, 'configurationPolicies'>>;

const byName = <T extends { metadata?: { name?: string; namespace?: string } }>(items: readonly T[], name: string, namespace?: string) =>
  items.find((p) => p.metadata?.name === name && (!namespace || p.metadata?.namespace === namespace));

/**
 * The validation policy's health (§3) from the hub's policy watches: the root policies in the
 * backup namespace and their replicas in the hub's own cluster namespace, plus ConfigurationPolicies
 * when the caller watches them.
 */
export const validationPolicyHealth = (hub: PolicySources): PolicyHealth => {
  const roots = hub.rootPolicies.data;
  const replicas = hub.replicatedPolicies.data;
  const configurationPolicies = hub.configurationPolicies && !hub.configurationPolicies.error ? hub.configurationPolicies.data : [];
  return policyHealth({
    rootPolicy: byName(roots, VALIDATION_POLICY_NAME, BACKUP_NAMESPACE),
    replicatedPolicy: byName(replicas, replicatedPolicyName(VALIDATION_POLICY_NAME)),
    autoImportPolicy: byName(roots, AUTO_IMPORT_POLICY_NAME, BACKUP_NAMESPACE),
    replicatedAutoImportPolicy: byName(replicas, replicatedPolicyName(AUTO_IMPORT_POLICY_NAME)),
    configurationPolicies,
    localClusterNamespace: hub.localClusterName,
    loaded: hub.rootPolicies.loaded && hub.replicatedPolicies.loaded,
    error: hub.rootPolicies.error || hub.replicatedPolicies.error || undefined,
  });
};

/** `validationPolicyHealth`, recomputed only when a policy watch changes. */
export const useValidationPolicyHealth = ({ rootPolicies, replicatedPolicies, configurationPolicies, localClusterName }: PolicySources): PolicyHealth =>
  useMemo(
    () => validationPolicyHealth({ rootPolicies, replicatedPolicies, configurationPolicies, localClusterName }),
    // The watch results are new objects on every render; their parts are stable.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [
      rootPolicies.data,
      rootPolicies.loaded,
      rootPolicies.error,
      replicatedPolicies.data,
      replicatedPolicies.loaded,
      replicatedPolicies.error,
      configurationPolicies?.data,
      configurationPolicies?.error,
      localClusterName,
    ],
  );
