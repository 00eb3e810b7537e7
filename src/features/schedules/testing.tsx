/**
 * Test helpers of this feature: render the page at a URL, as the console would mount it, and
 * build the objects the operator and Velero would create.
 */
import { render } from '@testing-library/react';
// The console provides the router; tests stand in for it with an in-memory one.
// eslint-disable-next-line @typescript-eslint/no-restricted-imports
import { MemoryRouter, useLocation } from 'react-router-dom-v5-compat';
import { BACKUP_NAMESPACE, LABELS, VELERO_SCHEDULE_NAMES, type BackupType } from '../../k8s/names';
import type { BackupSchedule, Restore, VeleroBackup } from '../../k8s/types';
import SchedulesPage from './SchedulesPage';
import { timestampSuffix } from '../../insight/backups';

/** Shows the current URL so tests can assert navigation. */
const LocationProbe = () => {
  const location = useLocation();
  return <div data-testid="location">{`${location.pathname}${location.search}`}</div>;
};

/**
 * Renders the page at `path`. `refresh()` renders it again, as a watch update would: the SDK
 * stand-in is read on render, so objects changed with `setResources` show up then.
 */
export const renderAt = (path: string) => {
  // A new element each time: React skips an identical one without rendering it again.
  const tree = () => (
    <MemoryRouter initialEntries={[path]} future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
      <SchedulesPage />
      <LocationProbe />
    </MemoryRouter>
  );
  const result = render(tree());
  return { ...result, refresh: () => result.rerender(tree()) };
};

export const aSchedule = (over: Omit<Partial<BackupSchedule>, 'spec'> & { spec?: Partial<BackupSchedule['spec']> } = {}): BackupSchedule => ({
  apiVersion: 'cluster.open-cluster-management.io/v1beta1',
  kind: 'BackupSchedule',
  ...over,
  metadata: {
    name: 'schedule-acm',
    namespace: BACKUP_NAMESPACE,
    uid: 'uid-1',
    resourceVersion: '42',
    creationTimestamp: '2025-01-01T00:00:00Z',
    ...over.metadata,
  },
  spec: { veleroSchedule: '0 */1 * * *', veleroTtl: '120h', ...over.spec },
  status: over.status ?? { phase: 'Enabled', lastMessage: 'Velero schedules are enabled' },
});

export const aRestore = (name: string, phase: string): Restore => ({
  apiVersion: 'cluster.open-cluster-management.io/v1beta1',
  kind: 'Restore',
  metadata: { name, namespace: BACKUP_NAMESPACE },
  spec: {
    cleanupBeforeRestore: 'None',
    veleroManagedClustersBackupName: 'skip',
    veleroCredentialsBackupName: 'latest',
    veleroResourcesBackupName: 'latest',
  },
  status: { phase },
});

/** Velero's timestamp suffix, as the schedules name their backups (§1). */
const suffix = timestampSuffix;

/** A Velero backup as a schedule of this hub makes it (§1): name, labels, status. */
export const aBackup = (
  type: BackupType,
  at: Date,
  over: { phase?: string; writer?: string; completedAfterMs?: number; errors?: number; warnings?: number } = {},
): VeleroBackup => {
  const schedule = VELERO_SCHEDULE_NAMES[type];
  const phase = over.phase ?? 'Completed';
  const done = phase === 'Completed' || phase === 'PartiallyFailed' || phase === 'Failed';
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
        [LABELS.scheduleName]: 'schedule-acm',
        [LABELS.backupCluster]: over.writer ?? 'hub-a-0000-1111',
      },
    },
    spec: { ttl: '120h0m0s' },
    status: {
      phase,
      startTimestamp: at.toISOString(),
      ...(done ? { completionTimestamp: new Date(at.getTime() + (over.completedAfterMs ?? 60_000)).toISOString() } : {}),
      expiration: new Date(at.getTime() + 120 * 3600_000).toISOString(),
      errors: over.errors ?? 0,
      warnings: over.warnings ?? 0,
      progress: { itemsBackedUp: 10, totalItems: 10 },
    },
  };
};

/** One backup set: the five schedules' backups at one moment. */
export const aBackupSet = (at: Date, over: Parameters<typeof aBackup>[2] = {}): VeleroBackup[] =>
  (Object.keys(VELERO_SCHEDULE_NAMES) as BackupType[]).map((type) => aBackup(type, at, over));
