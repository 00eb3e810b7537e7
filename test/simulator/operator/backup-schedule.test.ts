import { BACKUP_NAMESPACE, BACKUP_TYPES, LABELS, VELERO_SCHEDULE_NAMES } from '../../../src/k8s/names';
import type { BackupSchedule, BackupStorageLocation, VeleroBackup, VeleroSchedule } from '../../../src/k8s/types';
import { boot, type Harness, REFS } from './harness';
import { PRIMARY_HUB_ID, THIS_HUB_ID } from './inventory';
import { processedBackup } from './objects';
import { HOUR, MINUTE, SECOND, timestampOfName, veleroTimestamp } from './time';

const NS = BACKUP_NAMESPACE;

const createSchedule = (h: Harness, spec: Partial<BackupSchedule['spec']> = {}, name = 'schedule-acm'): BackupSchedule =>
  h.store.create<BackupSchedule>({
    apiVersion: 'cluster.open-cluster-management.io/v1beta1',
    kind: 'BackupSchedule',
    metadata: { name, namespace: NS },
    spec: { veleroSchedule: '0 */1 * * *', veleroTtl: '120h', ...spec },
  });

const schedule = (h: Harness, name = 'schedule-acm') => h.get<BackupSchedule>(REFS.backupSchedule, NS, name)!;
const veleroSchedules = (h: Harness) => h.list<VeleroSchedule>(REFS.veleroSchedule, NS);
const backups = (h: Harness) => h.list<VeleroBackup>(REFS.veleroBackup, NS);
const sets = (bs: VeleroBackup[]) => {
  const by = new Map<string, VeleroBackup[]>();
  for (const b of bs) {
    const ts = b.metadata!.name!.slice(-14);
    by.set(ts, [...(by.get(ts) ?? []), b]);
  }
  return by;
};

describe('BackupSchedule in a fresh hub', () => {
  let h: Harness;
  afterEach(() => {
    const problems = [...h.schemaProblems, ...h.logs];
    h.stop();
    expect(problems).toEqual([]);
  });

  it('creates the five Velero schedules with the operator names, labels and owner', () => {
    h = boot('fresh', { acmVersion: '2.14' });
    const bs = createSchedule(h);
    h.advance(5 * SECOND);
    const vs = veleroSchedules(h);
    expect(vs.map((s) => s.metadata!.name).sort()).toEqual(Object.values(VELERO_SCHEDULE_NAMES).sort());
    for (const s of vs) {
      const type = BACKUP_TYPES.find((t) => VELERO_SCHEDULE_NAMES[t] === s.metadata!.name)!;
      expect(s.metadata!.labels).toEqual({
        [LABELS.scheduleName]: 'schedule-acm',
        [LABELS.scheduleType]: type,
        [LABELS.backupCluster]: THIS_HUB_ID,
      });
      expect(s.metadata!.ownerReferences).toEqual([
        { apiVersion: 'cluster.open-cluster-management.io/v1beta1', kind: 'BackupSchedule', name: 'schedule-acm', uid: bs.metadata!.uid, controller: true, blockOwnerDeletion: true },
      ]);
      expect(s.spec!.schedule).toBe('0 */1 * * *');
      expect(s.spec!.template!.ttl).toBe(type === 'validation' ? '1h5m0s' : '120h0m0s');
      expect(s.status!.phase).toBe('Enabled');
    }
    const status = schedule(h).status!;
    expect(status.phase).toBe('New');
    expect(status.lastMessage).toBe('Velero schedules are initialized');
    expect(status.veleroScheduleCredentials?.metadata?.name).toBe('acm-credentials-schedule');
    expect(status.veleroScheduleManagedClusters?.metadata?.name).toBe('acm-managed-clusters-schedule');
    expect(status.veleroScheduleResources?.metadata?.name).toBe('acm-resources-schedule');
  });

  it('takes an initial backup set with one shared timestamp, then one per cron tick', () => {
    h = boot('fresh', { acmVersion: '2.15' });
    createSchedule(h);
    h.advance(2 * SECOND);
    const initial = backups(h);
    expect(initial).toHaveLength(5);
    const stamps = new Set(initial.map((b) => b.metadata!.name!.slice(-14)));
    expect(stamps.size).toBe(1);
    for (const b of initial) {
      const scheduleName = b.metadata!.labels![LABELS.veleroScheduleName];
      expect(b.metadata!.name).toBe(`${scheduleName}-${[...stamps][0]}`);
      expect(b.metadata!.labels![LABELS.scheduleName]).toBe('schedule-acm');
      expect(b.metadata!.labels![LABELS.backupCluster]).toBe(THIS_HUB_ID);
    }

    h.advance(5 * MINUTE);
    for (const b of backups(h)) {
      expect(b.status!.phase).toBe('Completed');
      expect(b.status!.progress!.itemsBackedUp).toBe(b.status!.progress!.totalItems);
      const ttl = b.metadata!.labels![LABELS.scheduleType] === 'validation' ? 65 * MINUTE : 120 * HOUR;
      expect(Date.parse(b.status!.expiration!) - Date.parse(b.status!.startTimestamp!)).toBe(ttl);
      expect(Date.parse(b.status!.completionTimestamp!)).toBeGreaterThan(Date.parse(b.status!.startTimestamp!));
    }
    // The 5-minute requeue finds the Velero schedules enabled.
    expect(schedule(h).status).toMatchObject({ phase: 'Enabled', lastMessage: 'Velero schedules are enabled' });

    h.advance(2 * HOUR + 5 * MINUTE);
    const bySet = sets(backups(h));
    const cronSets = [...bySet.keys()].filter((ts) => ts !== [...stamps][0]).sort();
    // 15:00 and 16:00, each Velero run a few seconds after the cron instant.
    expect(cronSets).toEqual(['20250610150003', '20250610160003']);
    const typesIn = (ts: string) => bySet.get(ts)!.map((b) => b.metadata!.labels![LABELS.veleroScheduleName]).sort();
    expect(typesIn('20250610160003')).toEqual(Object.values(VELERO_SCHEDULE_NAMES).sort());
    // The 15:00 validation backup lived one interval + 5 minutes; Velero's hourly GC removed it.
    expect(typesIn('20250610150003')).toEqual(Object.values(VELERO_SCHEDULE_NAMES).filter((n) => n !== 'acm-validation-policy-schedule').sort());
    const lastBackup = veleroSchedules(h).map((s) => s.status!.lastBackup);
    expect(new Set(lastBackup)).toEqual(new Set(['2025-06-10T16:00:03Z']));
  });

  it('shows a running backup as InProgress with progress before it completes', () => {
    h = boot('fresh', { acmVersion: '2.15' });
    createSchedule(h);
    h.advance(2 * SECOND);
    const resources = backups(h).find((b) => b.metadata!.labels![LABELS.veleroScheduleName] === 'acm-resources-schedule')!;
    expect(resources.status!.phase).toBe('InProgress');
    expect(resources.status!.progress!.totalItems).toBeGreaterThan(0);
    expect(resources.status!.completionTimestamp).toBeUndefined();
  });

  it('skips the initial set with noBackupOnStart', () => {
    h = boot('fresh', { acmVersion: '2.15' });
    createSchedule(h, { noBackupOnStart: true });
    h.advance(10 * MINUTE);
    expect(veleroSchedules(h)).toHaveLength(5);
    expect(backups(h)).toHaveLength(0);
  });

  it('fails validation on a cron robfig rejects', () => {
    h = boot('fresh', { acmVersion: '2.15' });
    createSchedule(h, { veleroSchedule: '0 */1 * *' });
    h.advance(5 * SECOND);
    expect(schedule(h).status).toMatchObject({ phase: 'FailedValidation', lastMessage: 'invalid schedule: expected exactly 5 fields, found 4: [0 */1 * *]' });
    expect(veleroSchedules(h)).toHaveLength(0);
  });

  it('fails validation while a Restore is active', () => {
    h = boot('restore-failed', { acmVersion: '2.15' });
    createSchedule(h);
    h.advance(5 * SECOND);
    expect(schedule(h).status).toMatchObject({
      phase: 'FailedValidation',
      lastMessage: 'Restore resource restore-acm-activate is currently active, verify that any active restores are removed.',
    });
    expect(veleroSchedules(h)).toHaveLength(0);
  });

  it('fails validation without an available storage location, and recovers', () => {
    h = boot('fresh', { acmVersion: '2.15' });
    const bsl = h.get<BackupStorageLocation>(REFS.bsl, NS, 'dpa-sample-1')!;
    h.store.update({ ...bsl, status: { ...bsl.status, phase: 'Unavailable' } });
    createSchedule(h);
    h.advance(5 * SECOND);
    expect(schedule(h).status).toMatchObject({
      phase: 'FailedValidation',
      lastMessage: 'Backup storage location is not available. Check velero.io.BackupStorageLocation and validate storage credentials.',
    });
    h.store.update({ ...h.get<BackupStorageLocation>(REFS.bsl, NS, 'dpa-sample-1')!, status: { ...bsl.status, phase: 'Available' } });
    h.advance(61 * SECOND);
    expect(schedule(h).status!.phase).toBe('New');
    h.store.remove(REFS.bsl, NS, 'dpa-sample-1');
    h.store.remove(REFS.backupSchedule, NS, 'schedule-acm');
    createSchedule(h, {}, 'schedule-two');
    h.advance(5 * SECOND);
    expect(schedule(h, 'schedule-two').status!.lastMessage).toBe(
      'velero.io.BackupStorageLocation resources not found. Verify you have created a konveyor.openshift.io.Velero or oadp.openshift.io.DataProtectionApplications resource.',
    );
  });

  it('does nothing once stopped', () => {
    h = boot('primary-healthy', { acmVersion: '2.15' });
    h.advance(10 * SECOND);
    const before = backups(h).map((b) => b.metadata!.name).sort();
    const changes = h.changes.length;
    h.op.stop();
    h.advance(3 * HOUR);
    expect(backups(h).map((b) => b.metadata!.name).sort()).toEqual(before);
    expect(h.changes.length).toBe(changes);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('removes the Velero schedules with the BackupSchedule and keeps the backups', () => {
    h = boot('fresh', { acmVersion: '2.15' });
    createSchedule(h);
    h.advance(MINUTE);
    expect(backups(h)).toHaveLength(5);
    h.store.remove(REFS.backupSchedule, NS, 'schedule-acm');
    h.advance(HOUR);
    expect(veleroSchedules(h)).toHaveLength(0);
    expect(backups(h)).toHaveLength(5);
  });
});

describe('pause and resume', () => {
  let h: Harness;
  afterEach(() => {
    const problems = [...h.schemaProblems, ...h.logs];
    h.stop();
    expect(problems).toEqual([]);
  });

  const pause = (paused: boolean) => {
    const bs = schedule(h);
    h.store.update({ ...bs, spec: { ...bs.spec, paused } });
  };

  it('2.15+: pauses the Velero schedules instead of deleting them', () => {
    h = boot('primary-healthy', { acmVersion: '2.15' });
    h.advance(10 * SECOND);
    const before = backups(h).length;
    pause(true);
    h.advance(5 * SECOND);
    expect(schedule(h).status).toMatchObject({ phase: 'Paused', lastMessage: 'BackupSchedule is paused.' });
    expect(veleroSchedules(h).map((s) => s.spec!.paused)).toEqual([true, true, true, true, true]);
    h.advance(2 * HOUR);
    // No new backups while paused (old ones may expire, none are added).
    const names = new Set(backups(h).map((b) => b.metadata!.name));
    expect([...names].filter((n) => (timestampOfName(n!) ?? 0) > Date.parse('2025-06-10T14:30:00Z'))).toEqual([]);
    expect(backups(h).length).toBeLessThanOrEqual(before);
    pause(false);
    h.advance(5 * SECOND);
    expect(schedule(h).status).toMatchObject({ phase: 'Enabled', lastMessage: 'Velero schedules are enabled' });
    expect(veleroSchedules(h).every((s) => !s.spec!.paused)).toBe(true);
    h.advance(HOUR);
    expect(backups(h).some((b) => (timestampOfName(b.metadata!.name!) ?? 0) > Date.parse('2025-06-10T16:30:00Z'))).toBe(true);
  });

  it('2.12–2.14: deletes the Velero schedules and recreates them on resume', () => {
    h = boot('primary-healthy', { acmVersion: '2.14' });
    h.advance(10 * SECOND);
    pause(true);
    h.advance(5 * SECOND);
    expect(schedule(h).status).toMatchObject({ phase: 'Paused', lastMessage: 'BackupSchedule is paused.' });
    expect(veleroSchedules(h)).toHaveLength(0);
    pause(false);
    h.advance(5 * SECOND);
    expect(veleroSchedules(h)).toHaveLength(5);
    expect(schedule(h).status).toMatchObject({ phase: 'New', lastMessage: 'Velero schedules are initialized' });
  });
});

describe('collision detection', () => {
  let h: Harness;
  afterEach(() => {
    const problems = [...h.schemaProblems, ...h.logs];
    h.stop();
    expect(problems).toEqual([]);
  });

  const foreignResourcesBackup = (at: number): VeleroBackup =>
    processedBackup(
      {
        apiVersion: 'velero.io/v1',
        kind: 'Backup',
        metadata: {
          name: `acm-resources-schedule-${veleroTimestamp(at)}`,
          namespace: NS,
          labels: {
            [LABELS.scheduleName]: 'schedule-acm',
            [LABELS.scheduleType]: 'resources',
            [LABELS.backupCluster]: PRIMARY_HUB_ID,
            [LABELS.veleroScheduleName]: 'acm-resources-schedule',
          },
        },
        spec: { ttl: '120h0m0s' },
      },
      { phase: 'Completed', start: at, end: at + 30 * SECOND, items: 300, ttlMs: 120 * HOUR },
    );

  it.each([
    ['2.15', true],
    ['2.14', false],
  ])('rule 1 on %s: another hub wrote the newest resources backup', (acmVersion, pausedNotDeleted) => {
    h = boot('primary-healthy', { acmVersion });
    h.advance(MINUTE);
    const foreign = foreignResourcesBackup(h.store.now().getTime() + 5 * SECOND);
    h.advance(10 * SECOND);
    h.store.create(foreign);
    h.advance(6 * MINUTE);
    expect(schedule(h).status!.phase).toBe('BackupCollision');
    expect(schedule(h).status!.lastMessage).toBe(
      `Backup ${foreign.metadata!.name}, from cluster with id [${PRIMARY_HUB_ID}] is using the same storage location. This is a backup collision with current cluster [${THIS_HUB_ID}] backup. Review and resolve the collision then create a new BackupSchedule resource to  resume backups from this cluster.`,
    );
    if (pausedNotDeleted) expect(veleroSchedules(h).map((s) => s.spec!.paused)).toEqual([true, true, true, true, true]);
    else expect(veleroSchedules(h)).toHaveLength(0);
    // Ignored from now on: even a spec change does not move it.
    const bs = schedule(h);
    h.store.update({ ...bs, spec: { ...bs.spec, veleroTtl: '240h' } });
    h.advance(11 * MINUTE);
    expect(schedule(h).status!.phase).toBe('BackupCollision');
  });

  it('rule 2: another hub recorded a managed-clusters restore after this schedule', () => {
    h = boot('primary-healthy', { acmVersion: '2.15' });
    h.advance(MINUTE);
    const at = h.store.now().getTime();
    h.store.create<VeleroBackup>(
      processedBackup(
        {
          apiVersion: 'velero.io/v1',
          kind: 'Backup',
          metadata: {
            name: `acm-restore-clusters-${veleroTimestamp(at)}`,
            namespace: NS,
            labels: {
              [LABELS.restoreCluster]: PRIMARY_HUB_ID,
              [LABELS.acmHubDr]: 'true',
              [LABELS.acmRestoreName]: 'restore-acm',
              [LABELS.backupCluster]: THIS_HUB_ID,
            },
          },
          spec: { includedNamespaces: [NS], includedResources: ['Restore'] },
        },
        { phase: 'Completed', start: at, end: at + 2 * SECOND, items: 2, ttlMs: 720 * HOUR },
      ),
    );
    h.advance(6 * MINUTE);
    const record = `acm-restore-clusters-${veleroTimestamp(at)}`;
    expect(schedule(h).status).toMatchObject({
      phase: 'BackupCollision',
      lastMessage: `Hub with id [${PRIMARY_HUB_ID}] had run a restore managed cluster operation, see [${record}]. Current hub is no longer the active cluster so the BackupSchedule is set to backup collision. Review and resolve the collision then create a new BackupSchedule resource  from this hub, or from the [${PRIMARY_HUB_ID}] hub.`,
    });
  });

  it('does not flag a schedule whose hub wrote the newest backups', () => {
    h = boot('primary-healthy', { acmVersion: '2.15' });
    h.advance(2 * HOUR);
    expect(schedule(h).status!.phase).toBe('Enabled');
  });
});
