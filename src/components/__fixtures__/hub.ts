/**
 * Cluster objects for the UI tests of the overview, validation and collision banner, shaped as
 * §1–§3 describe them. Times are relative to the real clock: pages read `new Date()`.
 */
import { sdkMock } from '../../../test/mocks/sdk';
import {
  BackupScheduleModel,
  BackupStorageLocationModel,
  ClusterVersionModel,
  DataProtectionApplicationModel,
  gvkOf,
  ManagedClusterModel,
  PolicyModel,
  RestoreModel,
  VeleroBackupModel,
} from '../../k8s/models';
import { BACKUP_NAMESPACE, CLUSTER_ID_CLAIM, LABELS, VELERO_SCHEDULE_NAMES, type BackupType } from '../../k8s/names';
import type {
  BackupSchedule,
  BackupStorageLocation,
  ClusterVersion,
  DataProtectionApplication,
  ManagedCluster,
  Policy,
  Restore,
  VeleroBackup,
} from '../../k8s/types';

export const mock = sdkMock;

export const ME = 'a1b2c3d4-this-hub';
export const OTHER = 'f9e8d7c6-other-hub';
export const HOUR = 3_600_000;

const pad = (n: number) => String(n).padStart(2, '0');
/** Velero's name suffix for a moment `msAgo` before now, rounded to the minute. */
export const stamp = (msAgo: number): string => {
  const d = new Date(Math.floor((Date.now() - msAgo) / 60_000) * 60_000);
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}00`;
};
const iso = (ts: string) => `${ts.slice(0, 4)}-${ts.slice(4, 6)}-${ts.slice(6, 8)}T${ts.slice(8, 10)}:${ts.slice(10, 12)}:${ts.slice(12, 14)}Z`;

export const backup = (type: BackupType, ts: string, hub: string, phase = 'Completed'): VeleroBackup => ({
  apiVersion: 'velero.io/v1',
  kind: 'Backup',
  metadata: {
    name: `${VELERO_SCHEDULE_NAMES[type]}-${ts}`,
    namespace: BACKUP_NAMESPACE,
    creationTimestamp: iso(ts),
    labels: {
      [LABELS.veleroScheduleName]: VELERO_SCHEDULE_NAMES[type],
      [LABELS.scheduleType]: type,
      [LABELS.backupCluster]: hub,
      [LABELS.scheduleName]: 'schedule-acm',
    },
  },
  status: { phase, startTimestamp: iso(ts), completionTimestamp: iso(ts) },
});

export const backupSet = (msAgo: number, hub: string): VeleroBackup[] =>
  (['credentials', 'resources', 'resourcesGeneric', 'managedClusters', 'validation'] as BackupType[]).map((t) => backup(t, stamp(msAgo), hub));

export const activationRecord = (msAgo: number, restoringHub: string, sourceHub: string): VeleroBackup => {
  const ts = stamp(msAgo);
  return {
    metadata: {
      name: `acm-restore-clusters-${ts}`,
      namespace: BACKUP_NAMESPACE,
      creationTimestamp: iso(ts),
      labels: {
        [LABELS.restoreCluster]: restoringHub,
        [LABELS.backupCluster]: sourceHub,
        [LABELS.acmHubDr]: 'true',
        [LABELS.acmRestoreName]: 'restore-acm-passive-sync',
        [VELERO_SCHEDULE_NAMES.managedClusters]: `acm-managed-clusters-schedule-${ts}`,
      },
    },
    status: { phase: 'Completed' },
  };
};

export const schedule = (phase: string, opts: { message?: string; createdMsAgo?: number; spec?: Partial<BackupSchedule['spec']> } = {}): BackupSchedule => {
  const created = new Date(Date.now() - (opts.createdMsAgo ?? 48 * HOUR)).toISOString();
  return {
    apiVersion: 'cluster.open-cluster-management.io/v1beta1',
    kind: 'BackupSchedule',
    metadata: { name: 'schedule-acm', namespace: BACKUP_NAMESPACE, creationTimestamp: created, uid: 'uid-1', resourceVersion: '42' },
    spec: { veleroSchedule: '0 */1 * * *', veleroTtl: '120h', useManagedServiceAccount: true, ...opts.spec },
    status: {
      phase,
      lastMessage: opts.message,
      veleroScheduleResources: {
        metadata: { name: VELERO_SCHEDULE_NAMES.resources, creationTimestamp: created, labels: { [LABELS.backupCluster]: ME } },
      },
    },
  };
};

export const collisionMessage = (backupName: string) =>
  `Backup ${backupName}, from cluster with id [${OTHER}] is using the same storage location. This is a backup collision with current cluster [${ME}] backup. Review and resolve the collision then create a new BackupSchedule resource to  resume backups from this cluster.`;

export const localCluster = (id = ME): ManagedCluster => ({
  metadata: { name: 'local-cluster', labels: { [LABELS.localCluster]: 'true', [LABELS.clusterId]: id } },
  status: { clusterClaims: [{ name: CLUSTER_ID_CLAIM, value: id }] },
});

export const hiveCluster = (name: string): ManagedCluster => ({
  metadata: { name, annotations: { 'open-cluster-management/created-via': 'hive' } },
  spec: { managedClusterClientConfigs: [{ url: `https://api.${name}.example.com:6443` }] },
});

const detail = (name: string, compliant: string, message: string) => ({
  compliant,
  templateMeta: { name },
  history: [
    {
      lastTimestamp: new Date(Date.now() - 10 * 60_000).toISOString(),
      eventName: `open-cluster-management-backup.backup-restore-enabled.${name}`,
      message: `${compliant}; ${compliant === 'Compliant' ? 'notification' : 'violation'} - ${message}`,
    },
    {
      lastTimestamp: new Date(Date.now() - 3 * HOUR).toISOString(),
      eventName: `open-cluster-management-backup.backup-restore-enabled.${name}`,
      message: 'Compliant; notification - an older message',
    },
  ],
});

/** The root policy and its replica in the hub's cluster namespace (§3). */
export const validationPolicies = (details: { name: string; compliant: string; message: string }[]): Policy[] => {
  const overall = details.some((d) => d.compliant === 'NonCompliant') ? 'NonCompliant' : details.some((d) => d.compliant === 'Pending') ? 'Pending' : 'Compliant';
  const templates = details.map((d) => ({ objectDefinition: { kind: 'ConfigurationPolicy', metadata: { name: d.name }, spec: { severity: 'high' } } }));
  return [
    {
      metadata: { name: 'backup-restore-enabled', namespace: BACKUP_NAMESPACE },
      spec: { 'policy-templates': templates },
      status: { compliant: overall, status: [{ clustername: 'local-cluster', clusternamespace: 'local-cluster', compliant: overall }] },
    },
    {
      metadata: { name: 'open-cluster-management-backup.backup-restore-enabled', namespace: 'local-cluster' },
      spec: { 'policy-templates': templates },
      status: { compliant: overall, details: details.map((d) => detail(d.name, d.compliant, d.message)) },
    },
  ];
};

export const HEALTHY_TEMPLATES = [
  { name: 'acm-backup-pod-running', compliant: 'Compliant', message: 'pods [cluster-backup-chart-abc] found as specified' },
  { name: 'oadp-pod-running', compliant: 'Compliant', message: 'pods [openshift-adp-controller-manager-xyz] found as specified' },
  { name: 'velero-pod-running', compliant: 'Compliant', message: 'pods [velero-123] found as specified' },
  { name: 'backup-storage-location-available', compliant: 'Compliant', message: 'backupstoragelocations [dpa-1] found as specified' },
];

/** A primary hub whose every readiness check passes. */
export const seedHealthyPrimary = (overrides: { backups?: VeleroBackup[]; schedules?: BackupSchedule[]; restores?: Restore[] } = {}) => {
  mock.setResources(gvkOf(ManagedClusterModel), [localCluster(), hiveCluster('prod-east')]);
  const version: ClusterVersion = { metadata: { name: 'version' }, spec: { clusterID: ME } };
  mock.setResources(gvkOf(ClusterVersionModel), [version]);
  mock.setResources(gvkOf(BackupScheduleModel), overrides.schedules ?? [schedule('Enabled', { message: 'Velero schedules are enabled' })]);
  mock.setResources(gvkOf(RestoreModel), overrides.restores ?? []);
  mock.setResources(gvkOf(VeleroBackupModel), overrides.backups ?? [...backupSet(2 * HOUR, ME), ...backupSet(HOUR, ME), ...backupSet(10 * 60_000, ME)]);
  const bsl: BackupStorageLocation = {
    metadata: { name: 'dpa-1', namespace: BACKUP_NAMESPACE },
    status: { phase: 'Available', lastValidationTime: new Date().toISOString() },
  };
  mock.setResources(gvkOf(BackupStorageLocationModel), [bsl]);
  const dpa: DataProtectionApplication = {
    metadata: { name: 'dpa', namespace: BACKUP_NAMESPACE },
    status: { conditions: [{ type: 'Reconciled', status: 'True', reason: 'Complete' }] },
  };
  mock.setResources(gvkOf(DataProtectionApplicationModel), [dpa]);
  mock.setResources(gvkOf(PolicyModel), validationPolicies(HEALTHY_TEMPLATES));
};

/** This hub's schedule stopped with BackupCollision after another hub wrote newer backups (§1 rule 1). */
export const seedCollision = () => {
  const foreign = backupSet(20 * 60_000, OTHER);
  const resourcesName = foreign.find((b) => b.metadata?.labels?.[LABELS.scheduleType] === 'resources')?.metadata?.name ?? '';
  seedHealthyPrimary({
    schedules: [schedule('BackupCollision', { message: collisionMessage(resourcesName) })],
    backups: [...backupSet(3 * HOUR, ME), ...backupSet(2 * HOUR, ME), ...backupSet(HOUR, OTHER), ...foreign],
  });
  return { resourcesName };
};
