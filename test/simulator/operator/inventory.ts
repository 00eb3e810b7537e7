/**
 * What the simulated world knows that a real hub keeps only in object storage: which hubs write
 * to the shared storage location, and which managed clusters each hub's backups hold. Restores
 * read it when they "restore" a backup (namespaces, secrets, ManagedClusters appear), the
 * other-hub writer reads it to size its backups. Everything is derived from the hub id, so the
 * scenarios and the operator emulation agree without sharing state.
 */
import { CLUSTER_ID_CLAIM, LABELS, LOCAL_CLUSTER_NAME } from '../../../src/k8s/names';
import type { BackupType } from '../../../src/k8s/names';
import type { Condition, ManagedCluster } from '../../../src/k8s/types';
import { hash32 } from './runtime';

/** This hub: the simulated cluster's own `ClusterVersion` id. */
export const THIS_HUB_ID = '5f0e8c3a-9b2d-4e71-8c46-2a7d1b9e3f60';
/** The primary whose backups `passive-sync`, `promotion-in-progress` and `collision` see. */
export const PRIMARY_HUB_ID = 'a83c2f17-4d5e-46b9-b0e2-7c9d1f4a6e25';
/** The hub whose daily backups `new-hub` and `restore-failed` restore (its generic backups are empty). */
export const SOURCE_HUB_ID = 'c47d9a02-6e1b-4d85-a3f7-0b8e5c2d9164';
/** The hub `large-hub` took over from a month ago. */
export const OLD_PRIMARY_HUB_ID = 'd2b94e61-0c7a-4f38-9e15-6b3a8c2d7f49';

export type ClusterOrigin = 'hive' | 'imported';

export type InventoryCluster = {
  name: string;
  clusterId: string;
  origin: ClusterOrigin;
  /** `spec.managedClusterClientConfigs[0].url`; absent for clusters the hub cannot reach back (§5). */
  url?: string;
  platform: 'AWS' | 'Azure' | 'GCP' | 'VSphere' | 'BareMetal' | 'EKS';
  region: string;
  /** OpenShift version, or the Kubernetes version of a non-OpenShift cluster. */
  version: string;
};

export type HubProfile = {
  id: string;
  clusters: InventoryCluster[];
  /** Items in an `acm-resources-generic-schedule` backup; 0 makes every restore of it PartiallyFailed (§2 caveat). */
  genericItems: number;
  /** The hub's BackupSchedule has `useManagedServiceAccount: true`, so its backups carry MSA tokens (§5). */
  usesMsa: boolean;
};

/** A UUID-shaped id derived from a string (managed cluster ids, object uids in scenarios). */
export const uuidFrom = (seed: string): string => {
  const h = [0, 1, 2, 3].map((i) => hash32(`${seed}#${i}`).toString(16).padStart(8, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[hash32(seed) % 4]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

const cluster = (name: string, origin: ClusterOrigin, platform: InventoryCluster['platform'], region: string, withUrl = true, version = '4.18.14'): InventoryCluster => ({
  name,
  clusterId: uuidFrom(`cluster:${name}`),
  origin,
  ...(withUrl ? { url: `https://api.${name}.${platform === 'EKS' ? 'eks.amazonaws.com' : 'example.com'}:${platform === 'EKS' ? 443 : 6443}` } : {}),
  platform,
  region,
  version: platform === 'EKS' ? 'v1.31.7-eks-bcf3d70' : version,
});

/** The managed clusters of this hub in every scenario but `large-hub`. */
export const THIS_HUB_CLUSTERS: InventoryCluster[] = [
  cluster('prod-aws-east-1', 'hive', 'AWS', 'us-east-1'),
  cluster('prod-azure-westeu', 'hive', 'Azure', 'westeurope'),
  cluster('staging-gcp-central', 'hive', 'GCP', 'us-central1', true, '4.19.9'),
  cluster('edge-rhel-retail-07', 'imported', 'BareMetal', 'store-07'),
  cluster('dev-ocp-imported', 'imported', 'VSphere', 'dc-berlin', true, '4.17.30'),
  cluster('eks-analytics', 'imported', 'EKS', 'eu-central-1', false),
];

const PRIMARY_CLUSTERS: InventoryCluster[] = [
  cluster('aws-prod-use1', 'hive', 'AWS', 'us-east-1'),
  cluster('aws-prod-euw1', 'hive', 'AWS', 'eu-west-1'),
  cluster('azure-prod-eastus', 'hive', 'Azure', 'eastus'),
  cluster('gcp-staging-usc1', 'hive', 'GCP', 'us-central1', true, '4.19.9'),
  cluster('ocp-onprem-dc1', 'imported', 'VSphere', 'dc1'),
  cluster('ocp-onprem-dc2', 'imported', 'VSphere', 'dc2'),
  cluster('rosa-analytics', 'imported', 'AWS', 'us-west-2'),
  cluster('eks-payments', 'imported', 'EKS', 'us-east-2', false),
];

const SOURCE_CLUSTERS: InventoryCluster[] = [
  cluster('retail-hub-aws-01', 'hive', 'AWS', 'ca-central-1'),
  cluster('retail-hub-aws-02', 'hive', 'AWS', 'ca-central-1'),
  cluster('store-fleet-east', 'imported', 'BareMetal', 'toronto'),
  cluster('store-fleet-west', 'imported', 'BareMetal', 'vancouver'),
  cluster('eks-loyalty', 'imported', 'EKS', 'ca-central-1', false),
];

const PLATFORMS: [InventoryCluster['platform'], string[]][] = [
  ['AWS', ['us-east-1', 'us-west-2', 'eu-west-1', 'ap-southeast-2']],
  ['Azure', ['eastus', 'westeurope', 'japaneast']],
  ['GCP', ['us-central1', 'europe-west4']],
  ['VSphere', ['dc-frankfurt', 'dc-dallas']],
  ['BareMetal', ['edge-site']],
];

/**
 * A large fleet: mostly Hive-created, a third imported, one in twenty without a server URL (EKS).
 * Names sort by index, so a UI test can find `fleet-0001`.
 */
export const generateFleet = (prefix: string, count: number): InventoryCluster[] =>
  Array.from({ length: count }, (_, i) => {
    const name = `${prefix}-${String(i + 1).padStart(4, '0')}`;
    if (i % 20 === 19) return cluster(name, 'imported', 'EKS', 'us-east-1', false);
    const [platform, regions] = PLATFORMS[hash32(name) % PLATFORMS.length];
    const region = regions[hash32(`${name}/r`) % regions.length];
    const origin: ClusterOrigin = i % 3 === 2 ? 'imported' : 'hive';
    const version = ['4.16.40', '4.17.30', '4.18.14', '4.19.9'][hash32(`${name}/v`) % 4];
    return cluster(name, origin, origin === 'hive' && platform === 'BareMetal' ? 'AWS' : platform, region, true, version);
  });

export const LARGE_FLEET_SIZE = 2000;
const largeFleet = (() => {
  let cached: InventoryCluster[] | undefined;
  return () => (cached ??= generateFleet('fleet', LARGE_FLEET_SIZE));
})();

const KNOWN: Record<string, () => HubProfile> = {
  [THIS_HUB_ID]: () => ({ id: THIS_HUB_ID, clusters: THIS_HUB_CLUSTERS, genericItems: 14, usesMsa: true }),
  [PRIMARY_HUB_ID]: () => ({ id: PRIMARY_HUB_ID, clusters: PRIMARY_CLUSTERS, genericItems: 23, usesMsa: true }),
  [SOURCE_HUB_ID]: () => ({ id: SOURCE_HUB_ID, clusters: SOURCE_CLUSTERS, genericItems: 0, usesMsa: true }),
  [OLD_PRIMARY_HUB_ID]: () => ({ id: OLD_PRIMARY_HUB_ID, clusters: largeFleet(), genericItems: 40, usesMsa: true }),
};

/** The hub that wrote backups labelled with `hubId`; hubs no scenario names get a small generated fleet. */
export const hubProfile = (hubId: string): HubProfile =>
  KNOWN[hubId]?.() ?? {
    id: hubId,
    clusters: generateFleet(`hub-${hubId.slice(0, 4)}-cluster`, 3),
    genericItems: 5,
    usesMsa: false,
  };

/** This hub's fleet in `large-hub` (the same clusters it restored from the old primary). */
export const largeHubFleet = (): InventoryCluster[] => largeFleet();

/** Items a backup of each type holds for a hub (Velero `progress.totalItems`). */
export const itemsFor = (type: BackupType, hub: HubProfile): number => {
  const hive = hub.clusters.filter((c) => c.origin === 'hive').length;
  const imported = hub.clusters.length - hive;
  switch (type) {
    case 'credentials':
      return 9 + hive * 4 + (hub.usesMsa ? imported : 0);
    case 'resources':
      return 214 + hub.clusters.length * 11;
    case 'resourcesGeneric':
      return hub.genericItems;
    case 'managedClusters':
      return 31 + hive * 17 + imported * 9;
    case 'validation':
      return 1;
  }
};

/** Simulated milliseconds Velero spends on a backup of `items` items. */
export const veleroDuration = (type: BackupType, items: number): number => {
  const base = { credentials: 4000, resources: 15000, resourcesGeneric: 3000, managedClusters: 9000, validation: 1500 }[type];
  return base + items * (type === 'resources' ? 45 : 25);
};

/** Simulated milliseconds Velero spends restoring `items` items (restores create objects one by one). */
export const restoreDuration = (type: BackupType, items: number): number => {
  const [base, perItem] = { credentials: [8000, 50], resources: [30000, 100], resourcesGeneric: [5000, 100], managedClusters: [20000, 400], validation: [2000, 50] }[type];
  return base + items * perItem;
};

// ---- managed clusters as the registration agent reports them ----

const CLOUD_LABEL: Record<InventoryCluster['platform'], string> = {
  AWS: 'Amazon',
  Azure: 'Azure',
  GCP: 'Google',
  VSphere: 'VSphere',
  BareMetal: 'BareMetal',
  EKS: 'Amazon',
};

const isOpenShift = (c: InventoryCluster): boolean => c.platform !== 'EKS';

export type Availability = 'available' | 'pending-import' | 'lease-stopped';

/** The `ManagedClusterConditionAvailable` family of conditions for a state. */
export const clusterConditions = (state: Availability, at: string): Condition[] => {
  const accepted = { type: 'HubAcceptedManagedCluster', status: 'True', reason: 'HubClusterAdminAccepted', message: 'Accepted by hub cluster admin', lastTransitionTime: at };
  if (state === 'available') {
    return [
      accepted,
      { type: 'ManagedClusterJoined', status: 'True', reason: 'ManagedClusterJoined', message: 'Managed cluster joined', lastTransitionTime: at },
      { type: 'ManagedClusterConditionAvailable', status: 'True', reason: 'ManagedClusterAvailable', message: 'Managed cluster is available', lastTransitionTime: at },
      { type: 'ManagedClusterImportSucceeded', status: 'True', reason: 'ManagedClusterImported', message: 'Import succeeded', lastTransitionTime: at },
    ];
  }
  if (state === 'lease-stopped') {
    return [
      accepted,
      { type: 'ManagedClusterJoined', status: 'True', reason: 'ManagedClusterJoined', message: 'Managed cluster joined', lastTransitionTime: at },
      {
        type: 'ManagedClusterConditionAvailable',
        status: 'Unknown',
        reason: 'ManagedClusterLeaseUpdateStopped',
        message: 'Registration agent stopped updating its lease.',
        lastTransitionTime: at,
      },
    ];
  }
  return [
    accepted,
    { type: 'ManagedClusterImportSucceeded', status: 'False', reason: 'ManagedClusterWaitForImporting', message: 'Wait for importing', lastTransitionTime: at },
  ];
};

export const managedClusterObject = (
  c: InventoryCluster,
  opts: { state: Availability; at: string; extraLabels?: Record<string, string>; annotations?: Record<string, string> },
): ManagedCluster => {
  const ocp = isOpenShift(c);
  const major = c.version.split('.')[0];
  const labels: Record<string, string> = {
    cloud: CLOUD_LABEL[c.platform],
    vendor: ocp ? 'OpenShift' : 'EKS',
    name: c.name,
    'cluster.open-cluster-management.io/clusterset': 'default',
    ...(ocp
      ? {
          [LABELS.clusterId]: c.clusterId,
          openshiftVersion: c.version,
          'openshiftVersion-major': major,
          'openshiftVersion-major-minor': c.version.split('.').slice(0, 2).join('.'),
        }
      : {}),
    ...(opts.extraLabels ?? {}),
  };
  const kube = ocp ? `v1.${Number(c.version.split('.')[1]) + 13}.9` : c.version;
  const claims = [
    { name: 'id.k8s.io', value: c.clusterId },
    ...(ocp ? [{ name: CLUSTER_ID_CLAIM, value: c.clusterId }] : []),
    { name: 'kubeversion.open-cluster-management.io', value: kube },
    { name: 'name', value: c.name },
    { name: 'platform.open-cluster-management.io', value: c.platform === 'EKS' ? 'AWS' : c.platform },
    { name: 'product.open-cluster-management.io', value: ocp ? 'OpenShift' : 'EKS' },
    { name: 'region.open-cluster-management.io', value: c.region },
    ...(ocp ? [{ name: 'version.openshift.io', value: c.version }] : []),
  ];
  const reported = opts.state !== 'pending-import';
  return {
    apiVersion: 'cluster.open-cluster-management.io/v1',
    kind: 'ManagedCluster',
    metadata: {
      name: c.name,
      labels,
      annotations: { 'open-cluster-management/created-via': c.origin === 'hive' ? 'hive' : 'other', ...(opts.annotations ?? {}) },
    },
    spec: {
      hubAcceptsClient: true,
      ...(c.url ? { managedClusterClientConfigs: [{ url: c.url, caBundle: 'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCg==' }] } : {}),
      leaseDurationSeconds: 60,
    } as ManagedCluster['spec'],
    status: {
      conditions: clusterConditions(opts.state, opts.at),
      ...(reported ? { clusterClaims: claims, version: { kubernetes: kube } } : {}),
    },
  };
};

/** The hub's own ManagedCluster: label `local-cluster: "true"`, claim `id.openshift.io` = hub id (§1). */
export const localClusterObject = (hubId: string, at: string): ManagedCluster => {
  const mc = managedClusterObject(
    { name: LOCAL_CLUSTER_NAME, clusterId: hubId, origin: 'imported', platform: 'AWS', region: 'us-east-2', version: '4.19.9', url: 'https://api.hub.example.com:6443' },
    {
      state: 'available',
      at,
      extraLabels: { [LABELS.localCluster]: 'true', [LABELS.excludeFromBackup]: 'true', 'feature.open-cluster-management.io/addon-cluster-proxy': 'available' },
    },
  );
  mc.metadata!.annotations = { 'open-cluster-management/created-via': 'other' };
  return mc;
};

/** The namespaces a restore of a hub's credentials backup brings back (one per managed cluster). */
export const clusterNamespaces = (hub: HubProfile): string[] => hub.clusters.map((c) => c.name);
