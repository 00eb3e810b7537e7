import { LABELS, VELERO_SCHEDULE_NAMES, type BackupType } from '../k8s/names';
import type { BackupSchedule, VeleroBackup } from '../k8s/types';
import { detectCollision, lastActivation, parseCollisionMessage, writerLanes } from './collision';

const NOW = new Date('2025-06-01T12:00:00Z');
const ME = 'hub-a-id';
const OTHER = 'hub-b-id';

const iso = (ts: string) => `${ts.slice(0, 4)}-${ts.slice(4, 6)}-${ts.slice(6, 8)}T${ts.slice(8, 10)}:${ts.slice(10, 12)}:${ts.slice(12, 14)}Z`;

const backup = (type: BackupType, ts: string, hub: string, phase = 'Completed'): VeleroBackup => ({
  metadata: {
    name: `${VELERO_SCHEDULE_NAMES[type]}-${ts}`,
    labels: {
      [LABELS.veleroScheduleName]: VELERO_SCHEDULE_NAMES[type],
      [LABELS.scheduleType]: type,
      [LABELS.backupCluster]: hub,
      [LABELS.scheduleName]: 'schedule-acm',
    },
  },
  status: { phase, startTimestamp: iso(ts) },
});

/** An activation record as §2 describes it: `restore-cluster` = who activated, `backup-cluster` = whose backup. */
const record = (ts: string, restoringHub: string, sourceHub: string, restoreName = 'restore-acm-passive-activate'): VeleroBackup => ({
  metadata: {
    name: `acm-restore-clusters-${ts}`,
    creationTimestamp: iso(ts),
    labels: {
      [LABELS.restoreCluster]: restoringHub,
      [LABELS.backupCluster]: sourceHub,
      [LABELS.acmHubDr]: 'true',
      [LABELS.acmRestoreName]: restoreName,
      [VELERO_SCHEDULE_NAMES.managedClusters]: `acm-managed-clusters-schedule-${ts}`,
    },
  },
  status: { phase: 'Completed' },
});

const schedule = (phase: string, opts: { message?: string; veleroCreated?: string; paused?: boolean; hubLabel?: string } = {}): BackupSchedule => ({
  metadata: { name: 'schedule-acm', creationTimestamp: '2025-06-01T08:00:00Z' },
  spec: { veleroSchedule: '0 */1 * * *', ...(opts.paused ? { paused: true } : {}) },
  status: {
    phase,
    lastMessage: opts.message,
    veleroScheduleResources: {
      metadata: {
        name: VELERO_SCHEDULE_NAMES.resources,
        creationTimestamp: opts.veleroCreated ?? '2025-06-01T08:00:00Z',
        labels: { [LABELS.backupCluster]: opts.hubLabel ?? ME },
      },
    },
  },
});

const FORM_1 = (backupName: string, other: string, me: string) =>
  `Backup ${backupName}, from cluster with id [${other}] is using the same storage location. This is a backup collision with current cluster [${me}] backup. Review and resolve the collision then create a new BackupSchedule resource to  resume backups from this cluster.`;
const FORM_2 = (other: string, rec: string) =>
  `Hub with id [${other}] had run a restore managed cluster operation, see [${rec}]. Current hub is no longer the active cluster so the BackupSchedule is set to backup collision. Review and resolve the collision then create a new BackupSchedule resource  from this hub, or from the [${other}] hub.`;

describe('parseCollisionMessage', () => {
  it('reads the foreign-backup form, with or without the pause-error suffix', () => {
    const text = FORM_1('acm-resources-schedule-20250601110000', OTHER, ME);
    expect(parseCollisionMessage(text)).toEqual({
      rule: 'foreignBackup',
      backupName: 'acm-resources-schedule-20250601110000',
      otherHubId: OTHER,
      thisHubId: ME,
    });
    expect(parseCollisionMessage(`${text} (with 2 schedule pause errors)`)).toMatchObject({ rule: 'foreignBackup', otherHubId: OTHER });
  });

  it('reads the foreign-activation form', () => {
    expect(parseCollisionMessage(FORM_2(OTHER, 'acm-restore-clusters-20250601100000'))).toEqual({
      rule: 'foreignActivation',
      otherHubId: OTHER,
      recordName: 'acm-restore-clusters-20250601100000',
    });
  });

  it('returns undefined for other texts', () => {
    expect(parseCollisionMessage('Velero schedules are enabled')).toBeUndefined();
    expect(parseCollisionMessage(undefined)).toBeUndefined();
  });
});

describe('detectCollision — operator', () => {
  const backups = [
    backup('resources', '20250601090000', ME),
    backup('resources', '20250601100000', OTHER),
    backup('resources', '20250601110000', OTHER),
  ];

  it('reports the ids, the foreign backup and since when the other hub writes', () => {
    const c = detectCollision({
      schedule: schedule('BackupCollision', { message: FORM_1('acm-resources-schedule-20250601110000', OTHER, ME) }),
      backups,
      thisHubId: ME,
      now: NOW,
    });
    expect(c).toMatchObject({ source: 'operator', rule: 'foreignBackup', thisHubId: ME, otherHubIds: [OTHER], scheduleName: 'schedule-acm' });
    expect(c?.latestForeignBackup?.metadata?.name).toBe('acm-resources-schedule-20250601110000');
    // The first foreign backup after this hub's last own one.
    expect(c?.since?.toISOString()).toBe('2025-06-01T10:00:00.000Z');
    const keys = c?.steps.map((s) => s.key).join('\n') ?? '';
    expect(keys).toMatch(/Decide which hub is the primary/);
    expect(keys).toMatch(/delete its BackupSchedule or pause it/);
    expect(keys).toMatch(/never resumes a schedule in BackupCollision/);
    expect(keys).toMatch(/only once it is confirmed as the primary/);
  });

  it('takes this hub id from the message when none is known', () => {
    const c = detectCollision({
      schedule: schedule('BackupCollision', { message: FORM_1('acm-resources-schedule-20250601110000', OTHER, ME), hubLabel: '' }),
      backups,
      now: NOW,
    });
    expect(c?.thisHubId).toBe(ME);
  });

  it('reports the activation record of the other hub', () => {
    const rec = record('20250601100000', OTHER, ME);
    const c = detectCollision({
      schedule: schedule('BackupCollision', { message: FORM_2(OTHER, 'acm-restore-clusters-20250601100000') }),
      backups: [...backups, rec],
      thisHubId: ME,
      now: NOW,
    });
    expect(c).toMatchObject({ source: 'operator', rule: 'foreignActivation', otherHubIds: [OTHER] });
    expect(c?.activationRecord).toMatchObject({ hubId: OTHER, sourceHubId: ME, restoreName: 'restore-acm-passive-activate' });
    expect(c?.since?.toISOString()).toBe('2025-06-01T10:00:00.000Z');
    expect(c?.steps[0].key).toMatch(/activated the managed clusters after this hub's schedule started/);
  });

  it('still reports a collision whose message it cannot parse, from the phase', () => {
    const c = detectCollision({ schedule: schedule('BackupCollision', { message: 'something new' }), backups, thisHubId: ME, now: NOW });
    expect(c).toMatchObject({ source: 'operator', rule: 'unparsed', otherHubIds: [OTHER] });
    expect(c?.message.params).toMatchObject({ message: 'something new' });
  });
});

describe('detectCollision — storage', () => {
  const enabled = schedule('Enabled');

  it('rule 1: the newest resources backup was written by another hub', () => {
    const c = detectCollision({
      schedule: enabled,
      backups: [backup('resources', '20250601100000', ME), backup('resources', '20250601110000', OTHER)],
      thisHubId: ME,
      now: NOW,
    });
    expect(c).toMatchObject({ source: 'storage', rule: 'foreignBackup', otherHubIds: [OTHER] });
    expect(c?.steps.map((s) => s.key).join('\n')).toMatch(/within 5 minutes/);
  });

  it('rule 1 ignores Deleting backups and other backup types, like the operator', () => {
    expect(
      detectCollision({
        schedule: enabled,
        backups: [backup('resources', '20250601100000', ME), backup('resources', '20250601110000', OTHER, 'Deleting'), backup('credentials', '20250601113000', OTHER)],
        thisHubId: ME,
        now: NOW,
      }),
    ).toBeUndefined();
  });

  it('rule 1 is skipped (2.17) when this hub ran the latest activation after the foreign backup', () => {
    const backups = [backup('resources', '20250601100000', OTHER), record('20250601103000', ME, OTHER)];
    expect(detectCollision({ schedule: enabled, backups, thisHubId: ME, now: NOW })).toBeUndefined();
    // …but not when the foreign backup is newer than that activation.
    const later = [...backups, backup('resources', '20250601110000', OTHER)];
    expect(detectCollision({ schedule: enabled, backups: later, thisHubId: ME, now: NOW })).toMatchObject({ rule: 'foreignBackup' });
  });

  it('rule 2: another hub activated the managed clusters after this hub\'s schedules were created', () => {
    const backups = [backup('resources', '20250601110000', ME), record('20250601100000', OTHER, ME)];
    const c = detectCollision({ schedule: schedule('Enabled', { veleroCreated: '2025-06-01T08:00:00Z' }), backups, thisHubId: ME, now: NOW });
    expect(c).toMatchObject({ source: 'storage', rule: 'foreignActivation', otherHubIds: [OTHER] });
    expect(c?.activationRecord?.name).toBe('acm-restore-clusters-20250601100000');
  });

  it('rule 2 does not fire for an activation older than the schedule, or by this hub', () => {
    const older = [backup('resources', '20250601110000', ME), record('20250601070000', OTHER, ME)];
    expect(detectCollision({ schedule: enabled, backups: older, thisHubId: ME, now: NOW })).toBeUndefined();
    const own = [backup('resources', '20250601110000', ME), record('20250601100000', ME, OTHER)];
    expect(detectCollision({ schedule: enabled, backups: own, thisHubId: ME, now: NOW })).toBeUndefined();
  });

  it('is quiet for a paused, new or just-created schedule, like the operator', () => {
    const foreign = [backup('resources', '20250601110000', OTHER)];
    expect(detectCollision({ schedule: schedule('Paused', { paused: true }), backups: foreign, thisHubId: ME, now: NOW })).toBeUndefined();
    expect(detectCollision({ schedule: schedule('New'), backups: foreign, thisHubId: ME, now: NOW })).toBeUndefined();
    // FailedValidation: the operator returns before its collision check.
    expect(detectCollision({ schedule: schedule('FailedValidation'), backups: foreign, thisHubId: ME, now: NOW })).toBeUndefined();
    expect(
      detectCollision({ schedule: schedule('Enabled', { veleroCreated: '2025-06-01T11:59:58Z' }), backups: foreign, thisHubId: ME, now: NOW }),
    ).toBeUndefined();
  });

  it('uses the schedule\'s own hub label when this hub\'s id is not known', () => {
    const foreign = [backup('resources', '20250601110000', OTHER)];
    expect(detectCollision({ schedule: enabled, backups: foreign, now: NOW })).toMatchObject({ thisHubId: ME });
  });

  it('is quiet when this hub wrote the newest backup', () => {
    expect(
      detectCollision({
        schedule: enabled,
        backups: [backup('resources', '20250601100000', OTHER), backup('resources', '20250601110000', ME)],
        thisHubId: ME,
        now: NOW,
      }),
    ).toBeUndefined();
  });
});

describe('writerLanes', () => {
  it('merges consecutive backups per hub into spans and finds the last writer', () => {
    const backups = [
      backup('resources', '20250601010000', ME),
      backup('credentials', '20250601010000', ME),
      backup('resources', '20250601020000', ME),
      backup('resources', '20250601030000', ME),
      backup('resources', '20250601040000', OTHER),
      backup('resources', '20250601050000', OTHER),
      backup('resources', '20250601060000', ME),
      record('20250601033000', OTHER, ME),
    ];
    const lanes = writerLanes(backups, undefined, { thisHubId: ME });
    expect(lanes.lanes.map((l) => l.hubId)).toEqual([ME, OTHER]);
    const me = lanes.lanes[0];
    expect(me.isThisHub).toBe(true);
    expect(me.spans.map((s) => [s.start.toISOString(), s.end.toISOString(), s.backups])).toEqual([
      ['2025-06-01T01:00:00.000Z', '2025-06-01T03:00:00.000Z', 4],
      ['2025-06-01T06:00:00.000Z', '2025-06-01T06:00:00.000Z', 1],
    ]);
    expect(lanes.lanes[1].spans).toHaveLength(1);
    expect(lanes.lastWriter).toBe(ME);
    expect(me.wroteLast).toBe(true);
    expect(lanes.lanes[1].wroteLast).toBe(false);
    // The record carries the source hub's backup-cluster label but is not a write of that hub.
    expect(me.backups).toBe(5);
    expect(lanes.markers).toHaveLength(1);
    expect(lanes.markers[0]).toMatchObject({ hubId: OTHER, sourceHubId: ME, restoreName: 'restore-acm-passive-activate' });
    expect(lanes.markers[0].time?.toISOString()).toBe('2025-06-01T03:30:00.000Z');
    expect(lanes.start?.toISOString()).toBe('2025-06-01T01:00:00.000Z');
    expect(lanes.end?.toISOString()).toBe('2025-06-01T06:00:00.000Z');
  });

  it('splits a hub\'s span after a gap of more than 3 of its intervals', () => {
    const backups = [
      backup('resources', '20250601010000', ME),
      backup('resources', '20250601020000', ME),
      backup('resources', '20250601030000', ME),
      backup('resources', '20250601090000', ME),
    ];
    expect(writerLanes(backups).lanes[0].spans.map((s) => s.backups)).toEqual([3, 1]);
  });

  it('counts backups without a writer label apart', () => {
    const manual: VeleroBackup = { metadata: { name: 'my-manual-backup' }, status: { phase: 'Completed', startTimestamp: '2025-06-01T01:00:00Z' } };
    const lanes = writerLanes([manual, backup('resources', '20250601020000', ME)]);
    expect(lanes.unattributed).toBe(1);
    expect(lanes.lanes).toHaveLength(1);
  });

  it('takes activation records from the second argument when given', () => {
    const lanes = writerLanes([backup('resources', '20250601020000', ME)], [record('20250601030000', OTHER, ME)]);
    expect(lanes.markers.map((m) => m.hubId)).toEqual([OTHER]);
    expect(lanes.markers[0].message.params).toMatchObject({ hub: OTHER, source: ME });
  });
});

describe('lastActivation', () => {
  it('reads the newest activation record', () => {
    const a = lastActivation([record('20250601080000', ME, OTHER, 'old'), record('20250601100000', OTHER, ME, 'restore-acm-passive-sync'), backup('resources', '20250601110000', OTHER)]);
    expect(a).toMatchObject({
      name: 'acm-restore-clusters-20250601100000',
      hubId: OTHER,
      restoreName: 'restore-acm-passive-sync',
      sourceHubId: ME,
      restoredBackup: 'acm-managed-clusters-schedule-20250601100000',
    });
    expect(a?.time?.toISOString()).toBe('2025-06-01T10:00:00.000Z');
  });

  it('is undefined without records', () => {
    expect(lastActivation([backup('resources', '20250601110000', OTHER)])).toBeUndefined();
  });
});
