/**
 * What a Velero restore puts on the hub, as far as the plugin can see it: the managed-cluster
 * namespaces and their Hive and MSA secrets (credentials backup: the passive data of a hub), and
 * the ManagedClusters themselves (managed-clusters backup: activation), which then reconnect
 * the way §4 and §5 describe: Hive-created clusters by themselves, imported ones only through an
 * `auto-import-secret`, clusters without a server URL never.
 */
import { LABELS, MSA_ACCOUNT_NAMES } from '../../../src/k8s/names';
import type { K8sObject, ManagedCluster } from '../../../src/k8s/types';
import type { Cluster } from '../cluster';
import type { Ctx } from './context';
import { clusterConditions, type HubProfile, type InventoryCluster, managedClusterObject } from './inventory';
import { REFS } from './refs';
import { createIfAbsent, safeGet, safeList, spread, updateIfChanged } from './runtime';
import { iso, SECOND } from './time';

export type RestoredBy = { backup: string; restore: string };

const b64 = (s: string): string => Buffer.from(s).toString('base64');

const restoredLabels = (by: RestoredBy | undefined): Record<string, string> =>
  by ? { [LABELS.veleroBackupName]: by.backup, [LABELS.veleroRestoreName]: by.restore } : {};

export const namespaceObject = (name: string, labels: Record<string, string> = {}): K8sObject => ({
  apiVersion: 'v1',
  kind: 'Namespace',
  metadata: { name, labels: { 'kubernetes.io/metadata.name': name, ...labels } },
  spec: { finalizers: ['kubernetes'] },
  status: { phase: 'Active' },
} as K8sObject);

/** Hive's secrets in a Hive-created cluster's namespace (how the operator tells Hive clusters apart, CBO `isHiveCreatedCluster`). */
export const hiveSecrets = (c: InventoryCluster, by?: RestoredBy): K8sObject[] => [
  {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: {
      name: `${c.name}-admin-kubeconfig`,
      namespace: c.name,
      labels: { 'hive.openshift.io/cluster-deployment-name': c.name, 'hive.openshift.io/secret-type': 'kubeconfig', ...restoredLabels(by) },
    },
    type: 'Opaque',
    data: { kubeconfig: b64(`apiVersion: v1\nkind: Config\nclusters:\n- cluster:\n    server: ${c.url ?? ''}\n  name: ${c.name}\n`) },
  } as K8sObject,
  {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: {
      name: `${c.name}-admin-password`,
      namespace: c.name,
      labels: { 'hive.openshift.io/cluster-deployment-name': c.name, 'hive.openshift.io/secret-type': 'kubeadminpassword', ...restoredLabels(by) },
    },
    type: 'Opaque',
    data: { username: b64('kubeadmin'), password: b64(`pw-${c.clusterId.slice(0, 8)}`) },
  } as K8sObject,
];

/** §5: the MSA token Secret, labelled for backup, with the `expirationTimestamp` annotation read at restore. */
export const msaTokenSecret = (c: InventoryCluster, name: string, expiration: string, by?: RestoredBy): K8sObject =>
  ({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: {
      name,
      namespace: c.name,
      labels: { 'authentication.open-cluster-management.io/is-managed-serviceaccount': 'true', [LABELS.backup]: 'msa', ...restoredLabels(by) },
      annotations: { expirationTimestamp: expiration },
    },
    type: 'Opaque',
    data: { 'ca.crt': b64('-----BEGIN CERTIFICATE-----\n'), token: b64(`eyJhbGciOiJSUzI1NiJ9.${c.name}.${name}`) },
  }) as K8sObject;

export const clusterDeploymentObject = (c: InventoryCluster, by?: RestoredBy): K8sObject =>
  ({
    apiVersion: 'hive.openshift.io/v1',
    kind: 'ClusterDeployment',
    metadata: {
      name: c.name,
      namespace: c.name,
      labels: { 'hive.openshift.io/cluster-platform': c.platform.toLowerCase(), 'hive.openshift.io/cluster-region': c.region, ...restoredLabels(by) },
    },
    spec: {
      baseDomain: 'example.com',
      clusterName: c.name,
      installed: true,
      platform: { [c.platform.toLowerCase()]: { region: c.region, credentialsSecretRef: { name: `${c.name}-${c.platform.toLowerCase()}-creds` } } },
      clusterMetadata: {
        clusterID: c.clusterId,
        infraID: `${c.name}-${c.clusterId.slice(0, 5)}`,
        adminKubeconfigSecretRef: { name: `${c.name}-admin-kubeconfig` },
        adminPasswordSecretRef: { name: `${c.name}-admin-password` },
      },
    },
    status: { apiURL: c.url, installedTimestamp: '2025-01-15T10:00:00Z' },
  }) as K8sObject;

/** The passive data a credentials restore brings back for `hub` (§4: restored, not activated). */
export const passiveDataFor = (hub: HubProfile, by: RestoredBy | undefined, tokenExpiry: string): K8sObject[] =>
  hub.clusters.flatMap((c) => [
    namespaceObject(c.name),
    ...(c.origin === 'hive' ? hiveSecrets(c, by) : []),
    ...(c.origin === 'imported' && hub.usesMsa ? [msaTokenSecret(c, MSA_ACCOUNT_NAMES[0], tokenExpiry, by)] : []),
  ]);

/** Applies the passive data of a credentials restore (objects that exist are left alone). */
export const restoreCredentials = (ctx: Ctx, hub: HubProfile, by: RestoredBy, tokenExpiry: string): void => {
  for (const o of passiveDataFor(hub, by, tokenExpiry)) createIfAbsent(ctx.cluster, o);
};

/** Hive-created clusters reconnect on their own a minute or two after the managed-clusters restore. */
const HIVE_RECONNECT = [25 * SECOND, 150 * SECOND] as const;
/** An imported cluster with an `auto-import-secret` joins after the import controller's round trip. */
const IMPORT_RECONNECT = [60 * SECOND, 180 * SECOND] as const;

const setAvailable = (c: Cluster, name: string, at: number): void => {
  const mc = safeGet<ManagedCluster>(c, REFS.managedCluster, undefined, name);
  if (!mc) return;
  if (mc.status?.conditions?.some((x) => x.type === 'ManagedClusterConditionAvailable' && x.status === 'True')) return;
  const inventoryLike = mc.status?.clusterClaims ? undefined : true;
  mc.status = { ...(mc.status ?? {}), conditions: clusterConditions('available', iso(at)) };
  if (inventoryLike) {
    // The agent reports its claims once it is connected.
    const id = mc.metadata?.labels?.[LABELS.clusterId];
    mc.status.clusterClaims = [{ name: 'id.k8s.io', value: id ?? name }, ...(id ? [{ name: 'id.openshift.io', value: id }] : [])];
  }
  updateIfChanged(c, mc);
};

/**
 * The managed-clusters restore creates each ManagedCluster (status empty until the registration
 * controller sees it) and schedules the reconnection of the Hive-created ones.
 */
export const restoreManagedClusters = (ctx: Ctx, hub: HubProfile, by: RestoredBy): void => {
  const now = ctx.rt.nowMs();
  for (const c of hub.clusters) {
    createIfAbsent(ctx.cluster, namespaceObject(c.name));
    const { created } = createIfAbsent(
      ctx.cluster,
      managedClusterObject(c, { state: 'pending-import', at: iso(now), extraLabels: restoredLabels(by) }),
    );
    if (c.origin === 'hive') {
      createIfAbsent(ctx.cluster, clusterDeploymentObject(c, by));
      const mc = created ? undefined : safeGet<ManagedCluster>(ctx.cluster, REFS.managedCluster, undefined, c.name);
      if (created || (mc && !isAvailable(mc))) {
        const delay = spread(`hive:${c.name}`, HIVE_RECONNECT[0], HIVE_RECONNECT[1]);
        ctx.rt.atMost(`import:${c.name}`, ctx.rt.nowMs() + delay, () => setAvailable(ctx.cluster, c.name, ctx.rt.nowMs()));
      }
    }
  }
};

/** The import controller: an `auto-import-secret` makes a pending cluster join after a while. */
export const onAutoImportSecret = (ctx: Ctx, clusterName: string): void => {
  const delay = spread(`import:${clusterName}`, IMPORT_RECONNECT[0], IMPORT_RECONNECT[1]);
  ctx.rt.atMost(`import:${clusterName}`, ctx.rt.nowMs() + delay, () => setAvailable(ctx.cluster, clusterName, ctx.rt.nowMs()));
};

export const isAvailable = (mc: ManagedCluster): boolean =>
  (mc.status?.conditions ?? []).some((x) => x.type === 'ManagedClusterConditionAvailable' && x.status === 'True');

/** Secrets in managed-cluster namespaces that hold MSA tokens (CBO `getMSASecrets`). */
export const msaSecrets = (c: Cluster, ns?: string): K8sObject[] =>
  safeList(c, REFS.secret, ns, { 'authentication.open-cluster-management.io/is-managed-serviceaccount': 'true' }).filter((s) =>
    MSA_ACCOUNT_NAMES.includes(s.metadata?.name ?? ''),
  );
