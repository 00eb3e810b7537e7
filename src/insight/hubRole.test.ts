import { ANNOTATIONS } from '../k8s/names';
import type { BackupSchedule, Restore } from '../k8s/types';
import { currentSchedule, hubRole, PROMOTION_ACTION, restoreKind } from './hubRole';

const schedule = (
  name: string,
  phase: string | undefined,
  opts: { paused?: boolean; created?: string; deleting?: boolean; message?: string } = {},
): BackupSchedule => ({
  metadata: {
    name,
    creationTimestamp: opts.created ?? '2025-06-01T10:00:00Z',
    ...(opts.deleting ? { deletionTimestamp: '2025-06-01T11:00:00Z' } : {}),
  },
  spec: { veleroSchedule: '0 */1 * * *', ...(opts.paused !== undefined ? { paused: opts.paused } : {}) },
  status: phase === undefined ? undefined : { phase, lastMessage: opts.message },
});

const restore = (
  name: string,
  phase: string | undefined,
  opts: { mc?: string; creds?: string; res?: string; sync?: boolean; created?: string; annotations?: Record<string, string> } = {},
): Restore => ({
  metadata: { name, creationTimestamp: opts.created ?? '2025-06-01T09:00:00Z', annotations: opts.annotations },
  spec: {
    cleanupBeforeRestore: 'CleanupRestored',
    veleroManagedClustersBackupName: opts.mc ?? 'skip',
    veleroCredentialsBackupName: opts.creds ?? 'latest',
    veleroResourcesBackupName: opts.res ?? 'latest',
    ...(opts.sync ? { syncRestoreWithNewBackups: true } : {}),
  },
  status: phase === undefined ? undefined : { phase },
});

describe('restoreKind', () => {
  it('tells sync, one-time passive, activation and full restores apart', () => {
    expect(restoreKind(restore('r', 'Enabled', { sync: true }))).toBe('sync');
    expect(restoreKind(restore('r', 'Finished'))).toBe('passive');
    expect(restoreKind(restore('r', 'Running', { mc: 'latest', creds: 'skip', res: 'skip' }))).toBe('activation');
    expect(restoreKind(restore('r', 'Enabled', { sync: true, mc: 'Latest ' }))).toBe('activation');
    expect(restoreKind(restore('r', 'Running', { mc: 'latest' }))).toBe('full');
  });
});

describe('hubRole', () => {
  it('standalone with neither schedule nor restore', () => {
    const r = hubRole({ schedules: [], restores: [] });
    expect(r.role).toBe('standalone');
    expect(r.flag).toBeUndefined();
    expect(r.reason.key).toMatch(/Standalone hub/);
  });

  it('primary with an Enabled schedule', () => {
    const r = hubRole({ schedules: [schedule('schedule-acm', 'Enabled')], restores: [] });
    expect(r).toMatchObject({ role: 'primary', schedule: { metadata: { name: 'schedule-acm' } } });
    expect(r.flag).toBeUndefined();
    expect(r.reason.params).toEqual({ name: 'schedule-acm' });
  });

  it('a paused schedule keeps the primary role but is flagged', () => {
    expect(hubRole({ schedules: [schedule('s', 'Paused', { paused: true })], restores: [] })).toMatchObject({ role: 'primary', flag: 'paused' });
    // spec.paused set, operator not yet reconciled
    expect(hubRole({ schedules: [schedule('s', 'Enabled', { paused: true })], restores: [] })).toMatchObject({ role: 'primary', flag: 'paused' });
  });

  it('a schedule in FailedValidation is a primary that is not backing up', () => {
    const r = hubRole({ schedules: [schedule('s', 'FailedValidation', { message: 'Backup storage location is not available.' })], restores: [] });
    expect(r).toMatchObject({ role: 'primary', flag: 'failing' });
    expect(r.reason.params).toMatchObject({ phase: 'FailedValidation', message: 'Backup storage location is not available.' });
  });

  it('a schedule in BackupCollision leaves the hub standalone, flagged', () => {
    const r = hubRole({ schedules: [schedule('s', 'BackupCollision')], restores: [] });
    expect(r).toMatchObject({ role: 'standalone', flag: 'collision' });
  });

  it('a live schedule wins over a collided one', () => {
    const old = schedule('old', 'BackupCollision', { created: '2025-06-01T11:00:00Z' });
    const fresh = schedule('new', 'Enabled', { created: '2025-06-01T10:00:00Z' });
    expect(currentSchedule([old, fresh])).toBe(fresh);
  });

  it('ignores a schedule being deleted', () => {
    expect(hubRole({ schedules: [schedule('s', 'Enabled', { deleting: true })], restores: [] }).role).toBe('standalone');
  });

  it('passive with a sync restore and no schedule', () => {
    const r = hubRole({ schedules: [], restores: [restore('restore-acm-passive-sync', 'Enabled', { sync: true })] });
    expect(r).toMatchObject({ role: 'passive', restore: { metadata: { name: 'restore-acm-passive-sync' } } });
    expect(r.flag).toBeUndefined();
    expect(r.reason.params).toMatchObject({ interval: '30m' });
  });

  it('passive but failing when the sync restore errored or had errors', () => {
    expect(hubRole({ schedules: [], restores: [restore('r', 'Error', { sync: true })] })).toMatchObject({ role: 'passive', flag: 'failing' });
    expect(hubRole({ schedules: [], restores: [restore('r', 'EnabledWithErrors', { sync: true })] })).toMatchObject({ role: 'passive', flag: 'failing' });
  });

  it('passive with a one-time copy when a passive restore finished', () => {
    expect(hubRole({ schedules: [], restores: [restore('restore-acm-passive', 'Finished')] })).toMatchObject({ role: 'passive', flag: 'oneTimeCopy' });
  });

  it('transition while an activation restore runs', () => {
    const passive = restore('passive', 'Finished', { created: '2025-06-01T08:00:00Z' });
    const activate = restore('restore-acm-passive-activate', 'Running', { mc: 'latest', creds: 'skip', res: 'skip', created: '2025-06-01T11:00:00Z' });
    const r = hubRole({ schedules: [], restores: [passive, activate] });
    expect(r).toMatchObject({ role: 'transition', restore: activate });
    expect(r.reason.params).toMatchObject({ phase: 'Running' });
  });

  it('transition as soon as a sync restore is patched to activate', () => {
    expect(hubRole({ schedules: [], restores: [restore('sync', 'Enabled', { sync: true, mc: 'latest' })] }).role).toBe('transition');
  });

  it('transition, failing, when the activation restore errored', () => {
    expect(hubRole({ schedules: [], restores: [restore('a', 'Error', { mc: 'latest', creds: 'skip', res: 'skip' })] })).toMatchObject({
      role: 'transition',
      flag: 'failing',
    });
  });

  it('transition when a schedule was just created after activation', () => {
    const activated = restore('sync', 'Finished', { sync: true, mc: 'latest' });
    const r = hubRole({ schedules: [schedule('schedule-acm', 'New')], restores: [activated] });
    expect(r.role).toBe('transition');
    expect(r.reason.key).toMatch(/activated by restore/);
  });

  it('standalone and unprotected after an activation without a schedule, unless a promotion is under way', () => {
    const done = restore('restore-acm', 'Finished', { mc: 'latest' });
    expect(hubRole({ schedules: [], restores: [done] })).toMatchObject({ role: 'standalone', flag: 'unprotected' });
    const promoted = restore('restore-acm-passive-activate', 'Finished', {
      mc: 'latest',
      creds: 'skip',
      res: 'skip',
      annotations: { [ANNOTATIONS.action]: PROMOTION_ACTION },
    });
    expect(hubRole({ schedules: [], restores: [promoted] }).role).toBe('transition');
  });

  it('a schedule next to an active sync restore is a conflict the operator will not run', () => {
    const r = hubRole({ schedules: [schedule('s', 'FailedValidation')], restores: [restore('sync', 'Enabled', { sync: true })] });
    expect(r).toMatchObject({ role: 'passive', flag: 'conflict' });
  });

  it('a paused schedule next to a sync restore is allowed by the operator and stays passive', () => {
    const r = hubRole({ schedules: [schedule('s', 'Paused', { paused: true })], restores: [restore('sync', 'Enabled', { sync: true })] });
    expect(r.role).toBe('passive');
    expect(r.flag).toBeUndefined();
  });
});
