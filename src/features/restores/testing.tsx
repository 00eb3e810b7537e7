/**
 * Test helpers of this feature: render the page at a URL, as the console would mount it, and
 * build the objects the operator and Velero would create (§1, §2).
 */
import { render } from '@testing-library/react';
// The console provides the router; tests stand in for it with an in-memory one.
// eslint-disable-next-line @typescript-eslint/no-restricted-imports
import { MemoryRouter, useLocation } from 'react-router-dom-v5-compat';
import { BACKUP_NAMESPACE, LABELS, VELERO_SCHEDULE_NAMES, type BackupType } from '../../k8s/names';
import type { BackupSchedule, KubeEvent, Restore, RestoreSpec, VeleroBackup, VeleroRestore } from '../../k8s/types';
import RestoresPage from './RestoresPage';
import { timestampSuffix } from '../../insight/backups';

/** Shows the current URL so tests can assert navigation. */
const LocationProbe = () => {
  const location = useLocation();
  return <div data-testid="location">{location.pathname}</div>;
};

/** The page as the console mounts it at `path`; render it again to make the mocked watches report new data. */
export const pageAt = (path: string) => (
  <MemoryRouter initialEntries={[path]}>
    <RestoresPage />
    <LocationProbe />
  </MemoryRouter>
);

export const renderAt = (path: string) => render(pageAt(path));

export const OTHER_HUB = 'hub-a-0000-1111';
export const THIS_HUB = 'hub-b-2222-3333';

/** Velero's timestamp suffix, as the schedules name their backups (§1). */
export const suffix = timestampSuffix;

/** A Velero backup as the primary hub's schedules make it (§1). */
export const aBackup = (type: BackupType, at: Date, over: { phase?: string; writer?: string; items?: number } = {}): VeleroBackup => {
  const schedule = VELERO_SCHEDULE_NAMES[type];
  const phase = over.phase ?? 'Completed';
  return {
    apiVersion: 'velero.io/v1',
    kind: 'Backup',
    metadata: {
      name: `${schedule}-${suffix(at)}`,
      namespace: BACKUP_NAMESPACE,
      creationTimestamp: at.toISOString(),
      labels: {
        [LABELS.veleroScheduleName]: schedule,
        [LABELS.scheduleType]: type,
        [LABELS.backupCluster]: over.writer ?? OTHER_HUB,
      },
    },
    status: {
      phase,
      startTimestamp: at.toISOString(),
      completionTimestamp: new Date(at.getTime() + 60_000).toISOString(),
      progress: { itemsBackedUp: over.items ?? 10, totalItems: over.items ?? 10 },
    },
  };
};

/** The backups of the five schedules at one moment. */
export const aBackupSet = (at: Date, over: Parameters<typeof aBackup>[2] = {}): VeleroBackup[] =>
  (Object.keys(VELERO_SCHEDULE_NAMES) as BackupType[]).map((type) => aBackup(type, at, over));

export const aSchedule = (phase: string, name = 'schedule-acm'): BackupSchedule => ({
  apiVersion: 'cluster.open-cluster-management.io/v1beta1',
  kind: 'BackupSchedule',
  metadata: { name, namespace: BACKUP_NAMESPACE, creationTimestamp: '2025-01-01T00:00:00Z' },
  spec: { veleroSchedule: '0 */1 * * *' },
  status: { phase },
});

export const aRestore = (
  name: string,
  spec: Partial<RestoreSpec>,
  status: Restore['status'] = {},
  created = '2025-06-01T10:00:00Z',
): Restore => ({
  apiVersion: 'cluster.open-cluster-management.io/v1beta1',
  kind: 'Restore',
  metadata: { name, namespace: BACKUP_NAMESPACE, uid: `uid-${name}`, creationTimestamp: created },
  spec: {
    cleanupBeforeRestore: 'CleanupRestored',
    veleroManagedClustersBackupName: 'skip',
    veleroCredentialsBackupName: 'latest',
    veleroResourcesBackupName: 'latest',
    ...spec,
  },
  status,
});

/** A Velero restore the operator created for `restore` from `backup` (§2 naming, owner reference). */
export const aVeleroRestore = (restore: Restore, backup: string, status: VeleroRestore['status'], suffixName = ''): VeleroRestore => ({
  apiVersion: 'velero.io/v1',
  kind: 'Restore',
  metadata: {
    name: `${restore.metadata?.name}-${backup}${suffixName}`,
    namespace: BACKUP_NAMESPACE,
    creationTimestamp: status?.startTimestamp,
    ownerReferences: [
      { apiVersion: 'cluster.open-cluster-management.io/v1beta1', kind: 'Restore', name: restore.metadata?.name ?? '', uid: restore.metadata?.uid ?? '', controller: true },
    ],
  },
  spec: { backupName: backup },
  status,
});

/** A core/v1 Event about a Restore, as ACM 2.8–2.17 write them (§2). */
export const aCoreEvent = (restore: Restore, reason: string, message: string, at: string, uid: string): KubeEvent => ({
  apiVersion: 'v1',
  kind: 'Event',
  metadata: { name: `${restore.metadata?.name}.${uid}`, namespace: BACKUP_NAMESPACE, uid },
  involvedObject: {
    kind: 'Restore',
    name: restore.metadata?.name,
    namespace: BACKUP_NAMESPACE,
    uid: restore.metadata?.uid,
  },
  reason,
  message,
  type: reason === 'RestoreHooksNotSupported' ? 'Warning' : 'Normal',
  firstTimestamp: at,
  lastTimestamp: at,
  count: 1,
  source: { component: 'Restore controller' },
});

/** An events.k8s.io/v1 Event about a Restore, as main/5.x write them (§2). */
export const aV1Event = (restore: Restore, reason: string, note: string, at: string, uid: string): KubeEvent => ({
  apiVersion: 'events.k8s.io/v1',
  kind: 'Event',
  metadata: { name: `${restore.metadata?.name}.${uid}`, namespace: BACKUP_NAMESPACE, uid },
  regarding: {
    kind: 'Restore',
    name: restore.metadata?.name,
    namespace: BACKUP_NAMESPACE,
    uid: restore.metadata?.uid,
  },
  reason,
  note,
  action: 'CreateRestore',
  type: 'Normal',
  eventTime: at,
  reportingController: 'restore-controller',
});
