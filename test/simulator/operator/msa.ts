/**
 * §5: the ManagedServiceAccount objects the backup controller keeps for each imported cluster
 * when `useManagedServiceAccount` is set, and the token the MSA agent reports back.
 */
import { MSA_ACCOUNT_NAMES, MSA_ADDON_NAME } from '../../../src/k8s/names';
import type { K8sObject, ManagedServiceAccount, ManifestWork } from '../../../src/k8s/types';
import type { InventoryCluster } from './inventory';
import { msaTokenSecret } from './restored-data';
import { formatGoDuration, iso } from './time';

export const MSA_LABEL = 'authentication.open-cluster-management.io/is-managed-serviceaccount';
export const MSA_INSTALL_NAMESPACE = 'open-cluster-management-agent-addon';

export const msaAddon = (cluster: string, at: string): K8sObject =>
  ({
    apiVersion: 'addon.open-cluster-management.io/v1alpha1',
    kind: 'ManagedClusterAddOn',
    metadata: { name: MSA_ADDON_NAME, namespace: cluster },
    spec: { installNamespace: MSA_INSTALL_NAMESPACE },
    status: {
      namespace: MSA_INSTALL_NAMESPACE,
      conditions: [
        { type: 'Available', status: 'True', reason: 'ManagedClusterAddOnLeaseUpdated', message: `${MSA_ADDON_NAME} add-on is available.`, lastTransitionTime: at },
      ],
    },
  }) as K8sObject;

/** An `auto-import-account` MSA; `token` describes the Secret the agent reported, if any. */
export const msaObject = (cluster: string, name: string, validityMs: number, token?: { refreshed: number; expires: number }): ManagedServiceAccount => ({
  apiVersion: 'authentication.open-cluster-management.io/v1beta1',
  kind: 'ManagedServiceAccount',
  metadata: { name, namespace: cluster, labels: { [MSA_LABEL]: MSA_ACCOUNT_NAMES[0] } },
  spec: { rotation: { enabled: true, validity: formatGoDuration(validityMs) } },
  ...(token
    ? {
        status: {
          conditions: [
            { type: 'TokenReported', status: 'True', reason: 'TokenReported', message: 'Token is reported', lastTransitionTime: iso(token.refreshed) },
            { type: 'SecretCreated', status: 'True', reason: 'SecretCreated', message: 'Secret is created', lastTransitionTime: iso(token.refreshed) },
          ],
          tokenSecretRef: { name, lastRefreshTimestamp: iso(token.refreshed) },
          expirationTimestamp: iso(token.expires),
        },
      }
    : {}),
});

export const msaImportWork = (cluster: string, at: string, name = 'addon-managed-serviceaccount-import', account = MSA_ACCOUNT_NAMES[0]): ManifestWork => ({
  apiVersion: 'work.open-cluster-management.io/v1',
  kind: 'ManifestWork',
  metadata: { name, namespace: cluster },
  spec: {
    workload: {
      manifests: [
        {
          apiVersion: 'rbac.authorization.k8s.io/v1',
          kind: 'ClusterRoleBinding',
          metadata: { name: account === MSA_ACCOUNT_NAMES[0] ? 'managedserviceaccount-import' : 'managedserviceaccount-import-pair' },
          roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'klusterlet-bootstrap-kubeconfig' },
          subjects: [{ kind: 'ServiceAccount', name: account, namespace: MSA_INSTALL_NAMESPACE }],
        } as K8sObject,
      ],
    },
  },
  status: {
    conditions: [
      { type: 'Applied', status: 'True', reason: 'AppliedManifestWorkComplete', message: 'Apply manifest work complete', lastTransitionTime: at },
      { type: 'Available', status: 'True', reason: 'ResourcesAvailable', message: 'All resources are available', lastTransitionTime: at },
    ],
  },
});

/** The whole set for one imported cluster, token already issued at `refreshed`. */
export const msaSetFor = (c: InventoryCluster, validityMs: number, refreshed: number, withPair = false): K8sObject[] => {
  const names = withPair ? MSA_ACCOUNT_NAMES : MSA_ACCOUNT_NAMES.slice(0, 1);
  const expires = refreshed + validityMs;
  return [
    msaAddon(c.name, iso(refreshed)),
    ...names.flatMap((n) => [msaObject(c.name, n, validityMs, { refreshed, expires }), msaTokenSecret(c, n, iso(expires))]),
    msaImportWork(c.name, iso(refreshed)),
    ...(withPair ? [msaImportWork(c.name, iso(refreshed), 'addon-managed-serviceaccount-import-pair', MSA_ACCOUNT_NAMES[1])] : []),
  ];
};
