import { useMemo } from 'react';
import { useHubState, type HubState } from '../../k8s/useHubState';
import { useWatchList } from '../../k8s/hooks';
import { SecretModel } from '../../k8s/models';
import { LABELS } from '../../k8s/names';
import type { K8sObject } from '../../k8s/types';
import { hubClusterId } from '../../insight/hubIdentity';
import { hubRole } from '../../insight/hubRole';
import { drReadiness, type Readiness } from '../../insight/readiness';
import type { PolicyHealth } from '../../insight/policyHealth';
import { isSettled, isUsable, servedFrom } from '../../components/apiState';
import { useNow } from '../../components/useNow';
import { useValidationPolicyHealth } from '../../components/validationPolicy';

export type OverviewData = {
  hub: HubState;
  now: Date;
  thisHubId?: string;
  /** Every source has answered (with data or an error): the verdict will not flip by waiting. */
  settled: boolean;
  /** False when the BackupSchedule API is not served (operator not installed). */
  operatorServed?: boolean;
  policy: PolicyHealth;
  readiness: Readiness;
};

/** Everything the overview reads, and the answers derived from it. */
export const useOverviewData = (): OverviewData => {
  const hub = useHubState({ include: { managedServiceAccounts: true, configurationPolicies: true } });
  const now = useNow(30_000);
  const {
    schedules,
    restores,
    backups,
    veleroRestores,
    storageLocations,
    dataProtectionApplications,
    managedClusters,
    clusterVersions,
    rootPolicies,
    replicatedPolicies,
    managedServiceAccounts,
    configurationPolicies,
    localClusterName,
  } = hub;

  const thisHubId = useMemo(
    () => hubClusterId({ managedClusters: managedClusters.data, clusterVersion: clusterVersions.data[0] }),
    [managedClusters.data, clusterVersions.data],
  );

  // A passive hub holds restored MSA token Secrets but not the MSAs' status (§5): only there are
  // the Secrets needed to count the clusters that would reconnect, so only there are they watched.
  const passive = useMemo(
    () =>
      isUsable(schedules) && isUsable(restores) && hubRole({ schedules: schedules.data, restores: restores.data }).role === 'passive',
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [schedules.data, schedules.loaded, schedules.error, restores.data, restores.loaded, restores.error],
  );
  const msaTokenSecrets = useWatchList<K8sObject>(SecretModel, { selector: { matchLabels: { [LABELS.backup]: 'msa' } }, skip: !passive });

  const policy = useValidationPolicyHealth({ rootPolicies, replicatedPolicies, configurationPolicies, localClusterName });

  const operatorServed = servedFrom(schedules) === false || servedFrom(restores) === false ? false : servedFrom(schedules);

  const readiness = useMemo(
    () =>
      drReadiness({
        now,
        thisHubId,
        schedules,
        restores,
        backups,
        storageLocations,
        managedClusters,
        managedServiceAccounts,
        ...(passive ? { msaTokenSecrets } : {}),
        veleroRestores,
        dataProtectionApplications,
        crdServed: {
          backupSchedule: operatorServed,
          dataProtectionApplication: servedFrom(dataProtectionApplications),
          managedServiceAccount: servedFrom(managedServiceAccounts),
        },
        policy,
      }),
    // The watch results are new objects on every render; their parts are stable.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [
      now,
      thisHubId,
      operatorServed,
      policy,
      schedules.data,
      schedules.loaded,
      schedules.error,
      restores.data,
      restores.loaded,
      restores.error,
      backups.data,
      backups.loaded,
      backups.error,
      storageLocations.data,
      storageLocations.loaded,
      storageLocations.error,
      managedClusters.data,
      managedClusters.loaded,
      managedClusters.error,
      managedServiceAccounts.data,
      managedServiceAccounts.loaded,
      managedServiceAccounts.error,
      veleroRestores.data,
      veleroRestores.loaded,
      veleroRestores.error,
      dataProtectionApplications.data,
      dataProtectionApplications.loaded,
      dataProtectionApplications.error,
      passive,
      msaTokenSecrets.data,
      msaTokenSecrets.loaded,
      msaTokenSecrets.error,
    ],
  );

  const settled = [
    schedules,
    restores,
    backups,
    veleroRestores,
    storageLocations,
    dataProtectionApplications,
    managedClusters,
    clusterVersions,
    rootPolicies,
    replicatedPolicies,
    managedServiceAccounts,
    msaTokenSecrets,
  ].every(isSettled);

  return { hub, now, thisHubId, settled, operatorServed, policy, readiness };
};
