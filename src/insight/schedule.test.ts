import { LABELS } from '../k8s/names';
import type { BackupSchedule, Restore, VeleroSchedule } from '../k8s/types';
import { canCreateSchedule, ownedVeleroSchedules, schedulePhaseInfo, scheduleTtlInfo } from './schedule';

const NS = 'open-cluster-management-backup';

const bs = (spec: Partial<BackupSchedule['spec']> = {}, phase?: string, name = 'schedule-acm'): BackupSchedule => ({
  metadata: { name, namespace: NS },
  spec: { veleroSchedule: '0 */2 * * *', ...spec },
  ...(phase !== undefined ? { status: { phase } } : {}),
});

const vs = (name: string, opts: { phase?: string; paused?: boolean; lastBackup?: string; owner?: string; namespace?: string } = {}): VeleroSchedule => ({
  metadata: { name, namespace: opts.namespace ?? NS, labels: { [LABELS.scheduleName]: opts.owner ?? 'schedule-acm' } },
  spec: { schedule: '0 */2 * * *', ...(opts.paused !== undefined ? { paused: opts.paused } : {}) },
  status: { ...(opts.phase ? { phase: opts.phase } : {}), ...(opts.lastBackup ? { lastBackup: opts.lastBackup } : {}) },
});

const restore = (name: string, phase?: string, namespace = NS): Restore => ({
  metadata: { name, namespace },
  spec: {
    cleanupBeforeRestore: 'None',
    veleroManagedClustersBackupName: 'skip',
    veleroCredentialsBackupName: 'latest',
    veleroResourcesBackupName: 'latest',
  },
  ...(phase ? { status: { phase } } : {}),
});

describe('schedulePhaseInfo', () => {
  it.each([
    ['New', 'progress'],
    ['Enabled', 'healthy'],
    ['FailedValidation', 'critical'],
    ['Failed', 'critical'],
    ['Unknown', 'warning'],
    ['BackupCollision', 'critical'],
    ['Paused', 'paused'],
    [undefined, 'progress'],
    ['', 'progress'],
    ['SomethingNewer', 'unknown'],
  ])('%s → %s, with a label and an explanation', (phase, severity) => {
    const info = schedulePhaseInfo(phase);
    expect(info.severity).toBe(severity);
    expect(info.label.key.length).toBeGreaterThan(0);
    expect(info.explanation.key.length).toBeGreaterThan(20);
  });

  it('never calls an unrecognised status healthy, and names it', () => {
    const info = schedulePhaseInfo('EnabledWithWarnings');
    expect(info.severity).toBe('unknown');
    expect(info.label.params).toEqual({ phase: 'EnabledWithWarnings' });
  });

  it('says what to do for a collision and while paused', () => {
    expect(schedulePhaseInfo('BackupCollision').explanation.key).toMatch(/delete this BackupSchedule and create a new one/);
    expect(schedulePhaseInfo('Paused').explanation.key).toMatch(/expire/);
    expect(schedulePhaseInfo('FailedValidation').explanation.key).toMatch(/Restore that is still active/);
  });
});

describe('ownedVeleroSchedules', () => {
  it('lists the five expected schedules in type order, with phase, pause and last backup', () => {
    const owned = ownedVeleroSchedules(bs({}, 'Enabled'), [
      vs('acm-credentials-schedule', { phase: 'Enabled', lastBackup: '2025-03-10T10:00:00Z' }),
      vs('acm-resources-schedule', { phase: 'Enabled', paused: true }),
      vs('acm-resources-generic-schedule', { phase: 'Enabled' }),
      vs('acm-managed-clusters-schedule', { phase: 'New' }),
      vs('some-other-schedule', { phase: 'Enabled' }),
    ]);
    expect(owned.map((o) => [o.type, o.name, o.missing])).toEqual([
      ['credentials', 'acm-credentials-schedule', false],
      ['resources', 'acm-resources-schedule', false],
      ['resourcesGeneric', 'acm-resources-generic-schedule', false],
      ['managedClusters', 'acm-managed-clusters-schedule', false],
      ['validation', 'acm-validation-policy-schedule', true],
    ]);
    expect(owned[0].lastBackup?.toISOString()).toBe('2025-03-10T10:00:00.000Z');
    expect(owned[1].paused).toBe(true);
    expect(owned[0].paused).toBe(false);
    expect(owned[3].phase).toBe('New');
    expect(owned[4].note?.key).toMatch(/re-creates all of them/);
    expect(owned[0].note).toBeUndefined();
  });

  it('ignores other namespaces and flags a schedule labelled for another BackupSchedule', () => {
    const owned = ownedVeleroSchedules(bs({}, 'Enabled'), [
      vs('acm-credentials-schedule', { namespace: 'elsewhere' }),
      vs('acm-resources-schedule', { owner: 'old-schedule' }),
    ]);
    expect(owned[0].missing).toBe(true);
    expect(owned[1]).toMatchObject({ missing: false, ownedByOther: true });
  });

  it('explains why schedules are missing while paused or after a collision', () => {
    expect(ownedVeleroSchedules(bs({ paused: true }, 'Paused'), [])[0].note?.key).toMatch(/2\.12 to 2\.14/);
    expect(ownedVeleroSchedules(bs({}, 'BackupCollision'), [])[0].note?.key).toMatch(/collision/);
    expect(ownedVeleroSchedules(bs(), [])[0].note?.key).toMatch(/Not created yet/);
  });

  it('uses the status copies only when asked to', () => {
    const schedule = bs({}, 'Enabled');
    schedule.status!.veleroScheduleResources = vs('acm-resources-schedule', { phase: 'Enabled', lastBackup: '2025-03-10T10:00:00Z' });
    expect(ownedVeleroSchedules(schedule, [])[1].missing).toBe(true);
    const owned = ownedVeleroSchedules(schedule, [], { useStatusCopies: true });
    expect(owned[1]).toMatchObject({ missing: false, fromStatusCopy: true, phase: 'Enabled' });
    expect(owned[4].missing).toBe(true);
  });
});

describe('scheduleTtlInfo', () => {
  it('explains the Velero default when no TTL is set, and derives the MSA default from it', () => {
    const info = scheduleTtlInfo(bs({ useManagedServiceAccount: true }));
    expect(info).toMatchObject({
      veleroTtl: '720h',
      veleroTtlMs: 720 * 3600_000,
      veleroTtlIsDefault: true,
      msaEnabled: true,
      msaTtl: '1440h',
      msaTtlMs: 1440 * 3600_000,
      msaTtlIsDefault: true,
    });
    expect(info.veleroTtlExplanation.params).toEqual({ ttl: '720h' });
  });

  it('uses twice a set TTL for the token, unless the token TTL is set', () => {
    expect(scheduleTtlInfo(bs({ veleroTtl: '240h' }))).toMatchObject({ veleroTtl: '240h', veleroTtlIsDefault: false, msaTtl: '480h', msaEnabled: false });
    expect(scheduleTtlInfo(bs({ veleroTtl: '90m' })).msaTtl).toBe('3h');
    expect(scheduleTtlInfo(bs({ veleroTtl: '240h', managedServiceAccountTTL: '100h' }))).toMatchObject({
      msaTtl: '100h',
      msaTtlMs: 100 * 3600_000,
      msaTtlIsDefault: false,
    });
  });

  it('treats a zero TTL as unset, as the operator does', () => {
    expect(scheduleTtlInfo(bs({ veleroTtl: '0s' }))).toMatchObject({ veleroTtl: '720h', veleroTtlIsDefault: true, msaTtl: '1440h' });
  });

  it('leaves the milliseconds out when the value cannot be parsed', () => {
    const info = scheduleTtlInfo(bs({ veleroTtl: '30d' }));
    expect(info.veleroTtl).toBe('30d');
    expect(info.veleroTtlMs).toBeUndefined();
    expect(info.msaTtlMs).toBeUndefined();
  });
});

describe('canCreateSchedule', () => {
  it('allows creation when nothing is active', () => {
    expect(canCreateSchedule({ schedules: [], restores: [] })).toEqual({ allowed: true });
    expect(
      canCreateSchedule({ schedules: [], restores: [restore('done', 'Finished'), restore('done-errors', 'FinishedWithErrors')] }),
    ).toEqual({ allowed: true });
  });

  it.each(['Started', 'Running', 'Enabled', 'EnabledWithErrors', 'Error', 'Unknown', undefined])(
    'refuses with the operator\'s reason while a restore is %s',
    (phase) => {
      const r = canCreateSchedule({ schedules: [], restores: [restore('done', 'Finished'), restore('restore-acm-passive-sync', phase)] });
      expect(r.allowed).toBe(false);
      if (r.allowed) return;
      expect(r.reason).toEqual({
        key: 'Restore resource {{name}} is currently active, verify that any active restores are removed.',
        params: { name: 'restore-acm-passive-sync' },
      });
      expect(r.remedy.params).toEqual({ name: 'restore-acm-passive-sync' });
    },
  );

  it('allows a paused schedule during a restore, as the operator does', () => {
    expect(canCreateSchedule({ schedules: [], restores: [restore('r', 'Enabled')], paused: true })).toEqual({ allowed: true });
  });

  it('refuses a second schedule in the namespace', () => {
    const r = canCreateSchedule({ schedules: [bs({}, 'Enabled')], restores: [] });
    expect(r).toMatchObject({ allowed: false, reason: { params: { name: 'schedule-acm' } } });
    const paused = canCreateSchedule({ schedules: [bs({ paused: true }, 'Paused')], restores: [], paused: true });
    expect(paused.allowed).toBe(false);
  });

  it('tells how to leave a collision', () => {
    const r = canCreateSchedule({ schedules: [bs({}, 'BackupCollision')], restores: [] });
    expect(r.allowed).toBe(false);
    if (!r.allowed) expect(r.remedy.key).toMatch(/Decide which hub is primary/);
  });

  it('only looks at the given namespace', () => {
    const elsewhere = { ...bs({}, 'Enabled'), metadata: { name: 'x', namespace: 'other' } };
    expect(canCreateSchedule({ schedules: [elsewhere], restores: [restore('r', 'Running', 'other')], namespace: NS })).toEqual({
      allowed: true,
    });
    expect(canCreateSchedule({ schedules: [elsewhere], restores: [], namespace: 'other' }).allowed).toBe(false);
  });
});
