/**
 * Test helpers of this feature: the page as the console mounts it, and a passive hub whose old
 * primary stopped writing, built the way the operator and Velero would leave it (§1, §2).
 */
import { render } from '@testing-library/react';
// The console provides the router; tests stand in for it with an in-memory one.
// eslint-disable-next-line @typescript-eslint/no-restricted-imports
import { MemoryRouter } from 'react-router-dom-v5-compat';
import { sdkMock } from '../../../test/mocks/sdk';
import {
  BackupScheduleModel,
  BackupStorageLocationModel,
  gvkOf,
  ManagedClusterModel,
  RestoreModel,
  VeleroBackupModel,
  VeleroRestoreModel,
} from '../../k8s/models';
import { BACKUP_NAMESPACE, LABELS, VELERO_SCHEDULE_NAMES, type BackupType } from '../../k8s/names';
import type { BackupSchedule, ManagedCluster, Restore, RestoreSpec, VeleroBackup } from '../../k8s/types';
import PromotionPage from './PromotionPage';
import { PROMOTION_PATH } from './paths';
import { timestampSuffix } from '../../insight/backups';

export const OLD_PRIMARY = 'aaaaaaaa-1111-2222-3333-444444444444';
export const THIS_HUB = 'bbbbbbbb-5555-6666-7777-888888888888';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Velero's timestamp suffix, as the schedules name their backups (§1). */
const stamp = timestampSuffix;

export const pageAt = () => (
  <MemoryRouter initialEntries={[PROMOTION_PATH]}>
    <PromotionPage />
  </MemoryRouter>
);
export const renderPage = () => render(pageAt());

export const aBackup = (type: BackupType, at: Date, opts: { writer?: string; ttl?: string } = {}): VeleroBackup => ({
  apiVersion: 'velero.io/v1',
  kind: 'Backup',
  metadata: {
    name: `${VELERO_SCHEDULE_NAMES[type]}-${stamp(at)}`,
    namespace: BACKUP_NAMESPACE,
    creationTimestamp: at.toISOString(),
    labels: {
      [LABELS.veleroScheduleName]: VELERO_SCHEDULE_NAMES[type],
      [LABELS.scheduleType]: type,
      [LABELS.backupCluster]: opts.writer ?? OLD_PRIMARY,
      [LABELS.scheduleName]: 'schedule-acm',
    },
  },
  spec: { ttl: opts.ttl ?? (type === 'validation' ? '1h5m0s' : '120h0m0s') },
  status: { phase: 'Completed', startTimestamp: at.toISOString(), completionTimestamp: new Date(at.getTime() + MINUTE).toISOString() },
});

/** Hourly sets of the old primary at minute 0; the newest `newestAgo` old, its heartbeat expired. */
export const primaryBackups = (now: Date, newestAgo = 50 * MINUTE): { backups: VeleroBackup[]; newest: Date } => {
  const newest = new Date(Math.floor((now.getTime() - newestAgo) / HOUR) * HOUR);
  const sets = [0, 1, 2, 3].map((i) => new Date(newest.getTime() - i * HOUR));
  const backups = sets.flatMap((at) => (['credentials', 'resources', 'resourcesGeneric', 'managedClusters'] as const).map((type) => aBackup(type, at)));
  // Written with the set three hours before the newest: its one-interval TTL ran out long ago.
  backups.push(aBackup('validation', sets[3]));
  return { backups, newest };
};

export const aRestore = (name: string, spec: Partial<RestoreSpec>, status: Restore['status'], extra: { annotations?: Record<string, string>; created?: string } = {}): Restore => ({
  apiVersion: 'cluster.open-cluster-management.io/v1beta1',
  kind: 'Restore',
  metadata: {
    name,
    namespace: BACKUP_NAMESPACE,
    uid: `uid-${name}`,
    resourceVersion: '100',
    creationTimestamp: extra.created ?? new Date(Date.now() - 3 * 24 * HOUR).toISOString(),
    ...(extra.annotations ? { annotations: extra.annotations } : {}),
  },
  spec: {
    cleanupBeforeRestore: 'CleanupRestored',
    veleroManagedClustersBackupName: 'skip',
    veleroCredentialsBackupName: 'latest',
    veleroResourcesBackupName: 'latest',
    ...spec,
  },
  ...(status ? { status } : {}),
});

/** The passive-sync restore, Enabled, having restored the set of `restored`. */
export const aSyncRestore = (restored: Date, over: Partial<RestoreSpec> = {}, status: Restore['status'] = {}, annotations?: Record<string, string>): Restore => {
  const name = 'restore-acm-passive-sync';
  return aRestore(
    name,
    { syncRestoreWithNewBackups: true, restoreSyncInterval: '10m', ...over },
    {
      phase: 'Enabled',
      lastMessage: 'Velero restores have run to completion, restore will continue to sync with new backups',
      veleroCredentialsRestoreName: `${name}-${VELERO_SCHEDULE_NAMES.credentials}-${stamp(restored)}`,
      veleroResourcesRestoreName: `${name}-${VELERO_SCHEDULE_NAMES.resources}-${stamp(restored)}`,
      ...status,
    },
    annotations ? { annotations } : {},
  );
};

export const aLocalCluster = (): ManagedCluster => ({
  apiVersion: 'cluster.open-cluster-management.io/v1',
  kind: 'ManagedCluster',
  metadata: { name: 'local-cluster', labels: { 'local-cluster': 'true', clusterID: THIS_HUB } },
  status: { clusterClaims: [{ name: 'id.openshift.io', value: THIS_HUB }], conditions: [{ type: 'ManagedClusterConditionAvailable', status: 'True' }] },
} as ManagedCluster);

export const aManagedCluster = (name: string, available: boolean): ManagedCluster => ({
  apiVersion: 'cluster.open-cluster-management.io/v1',
  kind: 'ManagedCluster',
  metadata: { name, labels: {} },
  spec: { managedClusterClientConfigs: [{ url: `https://api.${name}.example.com:6443` }] },
  status: { conditions: [{ type: 'ManagedClusterConditionAvailable', status: available ? 'True' : 'Unknown' }] },
} as ManagedCluster);

export const aSchedule = (name: string, phase: string, annotations?: Record<string, string>): BackupSchedule => ({
  apiVersion: 'cluster.open-cluster-management.io/v1beta1',
  kind: 'BackupSchedule',
  metadata: { name, namespace: BACKUP_NAMESPACE, creationTimestamp: new Date(Date.now() - HOUR).toISOString(), ...(annotations ? { annotations } : {}) },
  spec: { veleroSchedule: '0 */1 * * *', veleroTtl: '120h' },
  status: { phase },
});

type HubSeed = {
  restores: Restore[];
  schedules?: BackupSchedule[];
  backups?: VeleroBackup[];
  clusters?: ManagedCluster[];
  storage?: 'Available' | 'Unavailable';
};

export const seedHub = ({ restores, schedules = [], backups, clusters = [], storage = 'Available' }: HubSeed) => {
  sdkMock.setResources(gvkOf(RestoreModel), restores);
  sdkMock.setResources(gvkOf(BackupScheduleModel), schedules);
  sdkMock.setResources(gvkOf(VeleroBackupModel), backups ?? primaryBackups(new Date()).backups);
  sdkMock.setResources(gvkOf(VeleroRestoreModel), []);
  sdkMock.setResources(gvkOf(ManagedClusterModel), [aLocalCluster(), ...clusters]);
  sdkMock.setResources(gvkOf(BackupStorageLocationModel), [
    { apiVersion: 'velero.io/v1', kind: 'BackupStorageLocation', metadata: { name: 'dpa-1', namespace: BACKUP_NAMESPACE }, status: { phase: storage } } as never,
  ]);
};

/** A passive hub following the old primary, which stopped writing 50 minutes ago. */
export const seedPassiveHub = (over: Partial<HubSeed> = {}) => {
  const { backups, newest } = primaryBackups(new Date());
  seedHub({ restores: [aSyncRestore(newest)], backups, ...over });
  return { backups, newest };
};
