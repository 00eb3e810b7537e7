import { LABELS, VELERO_SCHEDULE_NAMES, type BackupType } from '../k8s/names';
import type { VeleroBackup } from '../k8s/types';
import {
  activationRecords,
  backupPhaseInfo,
  backupRow,
  backupRows,
  backupTimestampOf,
  backupTypeOf,
  filterBackups,
  groupBackupSets,
  latestPerType,
  newestGoodBackupPerType,
  rpoRuleExplanation,
  rpoSeverity,
  sortBackups,
  timestampSuffix,
  type BackupRow,
} from './backups';

const HUB_A = 'aaaa-1111';
const HUB_B = 'bbbb-2222';
const HOUR = 3600_000;

type Opts = {
  phase?: string;
  start?: string;
  completion?: string;
  writer?: string | null;
  labels?: Record<string, string> | null;
  errors?: number;
  warnings?: number;
  expiration?: string;
  items?: [number, number];
  deleting?: boolean;
};

/** A Velero Backup of `type` as the operator labels it; `ts` is the name's timestamp suffix. */
const scheduled = (type: BackupType, ts: string, opts: Opts = {}): VeleroBackup =>
  named(`${VELERO_SCHEDULE_NAMES[type]}-${ts}`, {
    ...opts,
    labels:
      opts.labels === null
        ? null
        : {
            [LABELS.scheduleType]: type,
            [LABELS.veleroScheduleName]: VELERO_SCHEDULE_NAMES[type],
            ...(opts.labels ?? {}),
          },
  });

const named = (name: string, opts: Opts = {}): VeleroBackup => {
  const labels: Record<string, string> = { ...(opts.labels ?? {}) };
  if (opts.writer !== null) labels[LABELS.backupCluster] = opts.writer ?? HUB_A;
  const b: VeleroBackup = {
    apiVersion: 'velero.io/v1',
    kind: 'Backup',
    metadata: { name, namespace: 'open-cluster-management-backup', labels },
    status: { phase: opts.phase ?? 'Completed' },
  };
  if (opts.labels === null && opts.writer === null) delete b.metadata!.labels;
  if (opts.start) b.status!.startTimestamp = opts.start;
  if (opts.completion) b.status!.completionTimestamp = opts.completion;
  if (opts.errors !== undefined) b.status!.errors = opts.errors;
  if (opts.warnings !== undefined) b.status!.warnings = opts.warnings;
  if (opts.expiration) b.status!.expiration = opts.expiration;
  if (opts.items) b.status!.progress = { itemsBackedUp: opts.items[0], totalItems: opts.items[1] };
  if (opts.deleting) b.metadata!.deletionTimestamp = '2025-03-05T00:00:00Z';
  return b;
};

const names = (list: (VeleroBackup | undefined)[]) => list.map((b) => b?.metadata?.name);

describe('backupTypeOf', () => {
  it('reads the backup-schedule-type label first', () => {
    for (const type of ['credentials', 'resources', 'resourcesGeneric', 'managedClusters', 'validation'] as const) {
      expect(backupTypeOf(scheduled(type, '20250301020000'))).toBe(type);
    }
    // The label wins over a misleading name.
    expect(backupTypeOf(named('acm-resources-schedule-20250301020000', { labels: { [LABELS.scheduleType]: 'validation' } }))).toBe(
      'validation',
    );
  });

  it('falls back to the velero.io/schedule-name label, then to the name prefix', () => {
    expect(
      backupTypeOf(named('renamed-20250301020000', { labels: { [LABELS.veleroScheduleName]: 'acm-managed-clusters-schedule' } })),
    ).toBe('managedClusters');
    expect(backupTypeOf(named('acm-resources-generic-schedule-20250301020000', { labels: null, writer: null }))).toBe('resourcesGeneric');
    expect(backupTypeOf(named('acm-resources-schedule-20250301020000', { labels: null, writer: null }))).toBe('resources');
    // An unknown label value (the README's spelling) does not hide the schedule name.
    expect(
      backupTypeOf(named('acm-managed-clusters-schedule-20250301020000', { labels: { [LABELS.scheduleType]: 'acm-managed-clusters' } })),
    ).toBe('managedClusters');
  });

  it('counts the ACM 2.5–2.6 credentials schedules as credentials', () => {
    expect(backupTypeOf(named('acm-credentials-hive-schedule-20220301020000', { labels: null }))).toBe('credentials');
    expect(
      backupTypeOf(
        named('acm-credentials-cluster-schedule-20220301020000', {
          labels: { [LABELS.veleroScheduleName]: 'acm-credentials-cluster-schedule', [LABELS.scheduleType]: 'credentialsCluster' },
        }),
      ),
    ).toBe('credentials');
  });

  it('recognises activation records by name or label, and other backups', () => {
    expect(backupTypeOf(named('acm-restore-clusters-20250301020000'))).toBe('activationRecord');
    expect(backupTypeOf(named('whatever', { labels: { [LABELS.restoreCluster]: HUB_B } }))).toBe('activationRecord');
    expect(backupTypeOf(named('my-manual-backup'))).toBe('other');
    expect(backupTypeOf({ metadata: {} })).toBe('other');
  });
});

describe('backupTimestampOf', () => {
  it('reads the suffix as UTC', () => {
    expect(backupTimestampOf('acm-resources-schedule-20250301020304')?.toISOString()).toBe('2025-03-01T02:03:04.000Z');
    expect(backupTimestampOf('acm-restore-clusters-20241231235959')?.toISOString()).toBe('2024-12-31T23:59:59.000Z');
  });

  it('rejects names without a valid timestamp', () => {
    expect(backupTimestampOf('acm-resources-schedule')).toBeUndefined();
    expect(backupTimestampOf('acm-resources-schedule-2025030102030')).toBeUndefined();
    expect(backupTimestampOf('acm-resources-schedule-20250231020304')).toBeUndefined();
    expect(backupTimestampOf('acm-resources-schedule-20251301020304')).toBeUndefined();
    expect(backupTimestampOf('acm-resources-schedule-20250301250304')).toBeUndefined();
    expect(backupTimestampOf('x20250301020304')).toBeUndefined();
  });

  it('round-trips with timestampSuffix', () => {
    expect(timestampSuffix(backupTimestampOf('a-20250301020304')!)).toBe('20250301020304');
  });
});

describe('groupBackupSets', () => {
  const initial = '20250301000000';
  const backups: VeleroBackup[] = [
    // The initial set: one shared timestamp (§1).
    ...(['credentials', 'resources', 'resourcesGeneric', 'managedClusters', 'validation'] as const).map((t) =>
      scheduled(t, initial, { start: '2025-03-01T00:00:01Z', completion: '2025-03-01T00:00:30Z' }),
    ),
    // A cron set: each schedule stamped a few seconds apart, one member still running, one partial.
    scheduled('credentials', '20250301020001', { start: '2025-03-01T02:00:02Z', completion: '2025-03-01T02:00:20Z' }),
    scheduled('resources', '20250301020003', { phase: 'PartiallyFailed', start: '2025-03-01T02:00:04Z', completion: '2025-03-01T02:01:00Z' }),
    scheduled('managedClusters', '20250301020002', { phase: 'InProgress', start: '2025-03-01T02:00:03Z' }),
    // A legacy credentials backup from an older hub, and records that are not restore points.
    named('acm-credentials-hive-schedule-20220101000000', { labels: null, writer: HUB_B }),
    named('acm-restore-clusters-20250301020002', { labels: { [LABELS.restoreCluster]: HUB_B } }),
    named('my-manual-backup-20250301020002'),
  ];

  it('groups by the shared timestamp, tolerating seconds of difference, newest first', () => {
    const sets = groupBackupSets(backups);
    expect(sets.map((s) => s.key)).toEqual(['20250301020001', initial, '20220101000000']);
    const [cron, first, legacy] = sets;
    expect(Object.keys(cron.members).sort()).toEqual(['credentials', 'managedClusters', 'resources']);
    expect(cron.missingTypes).toEqual(['resourcesGeneric', 'validation']);
    expect(first.missingTypes).toEqual([]);
    expect(names(first.backups)).toEqual([
      'acm-credentials-schedule-20250301000000',
      'acm-resources-schedule-20250301000000',
      'acm-resources-generic-schedule-20250301000000',
      'acm-managed-clusters-schedule-20250301000000',
      'acm-validation-policy-schedule-20250301000000',
    ]);
    expect(legacy.members.credentials?.metadata?.name).toBe('acm-credentials-hive-schedule-20220101000000');
    expect(legacy.writers).toEqual([HUB_B]);
  });

  it('reports the worst member phase and leaves the end open while a member runs', () => {
    const [cron, first] = groupBackupSets(backups);
    expect(cron.phase).toBe('PartiallyFailed');
    expect(cron.phaseGroup).toBe('partiallyFailed');
    expect(cron.start?.toISOString()).toBe('2025-03-01T02:00:02.000Z');
    expect(cron.end).toBeUndefined();
    expect(first.phase).toBe('Completed');
    expect(first.end?.toISOString()).toBe('2025-03-01T00:00:30.000Z');
    const failed = groupBackupSets([...backups, scheduled('validation', '20250301020005', { phase: 'Failed' })])[0];
    expect(failed.phase).toBe('Failed');
  });

  it('lists every writer, so two hubs writing at once are visible', () => {
    const sets = groupBackupSets([
      scheduled('credentials', '20250301040000', { writer: HUB_A }),
      scheduled('resources', '20250301040001', { writer: HUB_B }),
    ]);
    expect(sets).toHaveLength(1);
    expect(sets[0].writers).toEqual([HUB_A, HUB_B]);
  });

  it('starts a new set beyond 30 s or when a type repeats', () => {
    const sets = groupBackupSets([
      scheduled('credentials', '20250301040000'),
      scheduled('resources', '20250301040031'),
      scheduled('credentials', '20250301040100'),
      scheduled('credentials', '20250301040110'),
    ]);
    expect(sets.map((s) => s.key)).toEqual(['20250301040110', '20250301040031', '20250301040000']);
    expect(Object.keys(sets[1].members).sort()).toEqual(['credentials', 'resources']);
  });

  it('returns nothing for no backups', () => {
    expect(groupBackupSets([])).toEqual([]);
  });
});

describe('latestPerType and newestGoodBackupPerType', () => {
  const backups = [
    scheduled('credentials', '20250301000000', { start: '2025-03-01T00:00:00Z' }),
    scheduled('credentials', '20250301020000', { phase: 'PartiallyFailed', start: '2025-03-01T02:00:00Z', errors: 2, warnings: 7 }),
    scheduled('resources', '20250301000000', { start: '2025-03-01T00:00:00Z' }),
    scheduled('resources', '20250301020000', { phase: 'Failed', start: '2025-03-01T02:00:00Z' }),
    scheduled('managedClusters', '20250301000000', { start: '2025-03-01T00:00:00Z' }),
    scheduled('managedClusters', '20250301020000', { phase: 'InProgress', start: '2025-03-01T02:00:00Z' }),
    scheduled('resourcesGeneric', '20250301000000', { start: '2025-03-01T00:00:00Z', writer: HUB_B }),
    scheduled('resourcesGeneric', '20250301020000', { start: '2025-03-01T02:00:00Z', deleting: true }),
    scheduled('validation', '20250301020000', { phase: 'Deleting', start: '2025-03-01T02:00:00Z' }),
  ];

  it('latest is the newest whatever its phase', () => {
    const latest = latestPerType(backups);
    expect(latest.resources?.status?.phase).toBe('Failed');
    expect(latest.managedClusters?.status?.phase).toBe('InProgress');
    expect(latestPerType([]).credentials).toBeUndefined();
  });

  it('newest good counts PartiallyFailed with its counts, never Failed, running, Deleting or deleted', () => {
    const good = newestGoodBackupPerType(backups);
    expect(good.credentials).toMatchObject({
      name: 'acm-credentials-schedule-20250301020000',
      phase: 'PartiallyFailed',
      partial: true,
      errors: 2,
      warnings: 7,
      writer: HUB_A,
    });
    expect(good.credentials?.time.toISOString()).toBe('2025-03-01T02:00:00.000Z');
    expect(good.resources?.name).toBe('acm-resources-schedule-20250301000000');
    expect(good.resources?.partial).toBe(false);
    expect(good.managedClusters?.name).toBe('acm-managed-clusters-schedule-20250301000000');
    expect(good.resourcesGeneric?.name).toBe('acm-resources-generic-schedule-20250301000000');
    expect(good.validation).toBeUndefined();
  });

  it('can be limited to one writer', () => {
    const good = newestGoodBackupPerType(backups, { writer: HUB_A });
    expect(good.resourcesGeneric).toBeUndefined();
    expect(good.resources?.name).toBe('acm-resources-schedule-20250301000000');
  });

  it('orders by start time, falling back to the name timestamp', () => {
    const good = newestGoodBackupPerType([
      scheduled('resources', '20250301030000'),
      scheduled('resources', '20250301010000', { start: '2025-03-01T04:00:00Z' }),
    ]);
    expect(good.resources?.name).toBe('acm-resources-schedule-20250301010000');
  });
});

describe('rpoSeverity', () => {
  const now = new Date('2025-03-10T12:00:00Z');
  const interval = 2 * HOUR;
  const aged = (ratio: number) => ({ time: new Date(now.getTime() - ratio * interval) });

  it.each([
    [0, 'healthy'],
    [1.9, 'healthy'],
    [1.999, 'healthy'],
    [2, 'warning'],
    [2.9, 'warning'],
    [3, 'critical'],
    [10, 'critical'],
  ])('at %s× the interval it is %s', (ratio, severity) => {
    const r = rpoSeverity({ newestGood: aged(ratio), intervalMs: interval, now });
    expect(r.severity).toBe(severity);
    expect(r.ratio).toBeCloseTo(ratio, 6);
    expect(r.ageMs).toBe(Math.round(ratio * interval));
  });

  it('explains the numbers without rounding a healthy age up to the threshold', () => {
    const r = rpoSeverity({ newestGood: aged(1.999), intervalMs: interval, now });
    expect(r.reason.params).toEqual({ age: '3h 59m', interval: '2h', ratio: 1.9 });
    const w = rpoSeverity({ newestGood: aged(2.5), intervalMs: interval, now });
    expect(w.reason.key).toContain('at least one scheduled backup is missing');
    expect(w.reason.params?.ratio).toBe(2.5);
  });

  it('is unknown, never healthy, when it cannot be computed', () => {
    expect(rpoSeverity({ newestGood: aged(0.1), intervalMs: undefined, now })).toMatchObject({ severity: 'unknown', cause: 'noInterval' });
    expect(rpoSeverity({ newestGood: aged(0.1), intervalMs: 0, now }).severity).toBe('unknown');
    expect(rpoSeverity({ newestGood: aged(0.1), intervalMs: NaN, now }).severity).toBe('unknown');
    expect(rpoSeverity({ newestGood: undefined, intervalMs: interval, now })).toMatchObject({ severity: 'unknown', cause: 'noBackup' });
    expect(rpoSeverity({ newestGood: { time: new Date('garbage') }, intervalMs: interval, now })).toMatchObject({
      severity: 'unknown',
      cause: 'badTime',
    });
    const future = rpoSeverity({ newestGood: { time: new Date(now.getTime() + HOUR) }, intervalMs: interval, now });
    expect(future).toMatchObject({ severity: 'unknown', cause: 'future' });
    expect(future.reason.params).toEqual({ ahead: '1h' });
  });

  it('treats a few minutes of clock skew as a fresh backup', () => {
    const r = rpoSeverity({ newestGood: { time: new Date(now.getTime() + 60_000) }, intervalMs: interval, now });
    expect(r).toMatchObject({ severity: 'healthy', ageMs: 0, ratio: 0 });
  });

  it('adds a note for a PartiallyFailed backup without changing the severity', () => {
    const r = rpoSeverity({ newestGood: { ...aged(0.5), partial: true, errors: 3, warnings: 1 }, intervalMs: interval, now });
    expect(r.severity).toBe('healthy');
    expect(r.note?.params).toEqual({ errors: 3, warnings: 1 });
    expect(rpoSeverity({ newestGood: aged(0.5), intervalMs: interval, now }).note).toBeUndefined();
  });

  it('has a rule explanation for the tooltip', () => {
    expect(rpoRuleExplanation().key).toMatch(/below 2 intervals.*from 2.*from 3/);
  });
});

describe('backupPhaseInfo', () => {
  it.each([
    ['Completed', 'completed', 'healthy'],
    ['PartiallyFailed', 'partiallyFailed', 'warning'],
    ['Failed', 'failed', 'critical'],
    ['FailedValidation', 'failed', 'critical'],
    ['New', 'pending', 'progress'],
    ['Queued', 'pending', 'progress'],
    ['ReadyToStart', 'pending', 'progress'],
    ['InProgress', 'running', 'progress'],
    ['WaitingForPluginOperations', 'running', 'progress'],
    ['WaitingForPluginOperationsPartiallyFailed', 'running', 'progress'],
    ['Finalizing', 'running', 'progress'],
    ['FinalizingPartiallyFailed', 'running', 'progress'],
    ['Deleting', 'deleting', 'info'],
    [undefined, 'pending', 'progress'],
    ['SomethingNew', 'unknown', 'unknown'],
  ])('%s', (phase, group, severity) => {
    const info = backupPhaseInfo(phase);
    expect(info.group).toBe(group);
    expect(info.severity).toBe(severity);
    expect(info.label.key).toBeTruthy();
  });
});

describe('activationRecords', () => {
  it('lists the records newest first with who restored what', () => {
    const records = activationRecords([
      named('acm-restore-clusters-20250301000000', {
        writer: HUB_A,
        labels: {
          [LABELS.restoreCluster]: HUB_B,
          [LABELS.acmRestoreName]: 'restore-acm',
          'acm-managed-clusters-schedule': 'acm-managed-clusters-schedule-20250228230000',
        },
      }),
      named('acm-restore-clusters-20250305000000', { labels: { [LABELS.restoreCluster]: HUB_A } }),
      scheduled('resources', '20250306000000'),
    ]);
    expect(records.map((r) => r.name)).toEqual(['acm-restore-clusters-20250305000000', 'acm-restore-clusters-20250301000000']);
    expect(records[1]).toMatchObject({
      restoringHub: HUB_B,
      sourceHub: HUB_A,
      restoreName: 'restore-acm',
      restoredBackup: 'acm-managed-clusters-schedule-20250228230000',
    });
    expect(records[1].time?.toISOString()).toBe('2025-03-01T00:00:00.000Z');
  });
});

describe('backup rows', () => {
  const now = new Date('2025-03-10T12:00:00Z');

  it('flattens a backup into sortable columns', () => {
    const row = backupRow(
      scheduled('resources', '20250310100000', {
        start: '2025-03-10T10:00:05Z',
        completion: '2025-03-10T10:02:05Z',
        expiration: '2025-04-09T10:00:05Z',
        items: [120, 130],
        errors: 1,
        warnings: 4,
      }),
      { thisHubId: HUB_A, now },
    );
    expect(row).toMatchObject({
      name: 'acm-resources-schedule-20250310100000',
      kind: 'resources',
      phase: 'Completed',
      phaseGroup: 'completed',
      durationMs: 120_000,
      itemsBackedUp: 120,
      totalItems: 130,
      errors: 1,
      warnings: 4,
      writerHub: HUB_A,
      isThisHub: true,
      isStuck: false,
      timestampMs: Date.parse('2025-03-10T10:00:00Z'),
    });
    expect(row.expiresInMs).toBe(Date.parse('2025-04-09T10:00:05Z') - now.getTime());
  });

  it('marks other hubs, missing values and stuck backups', () => {
    const row = backupRow(named('my-backup', { phase: 'InProgress', start: '2025-03-10T09:00:00Z', writer: HUB_B }), {
      thisHubId: HUB_A,
      now,
    });
    expect(row).toMatchObject({ kind: 'other', isThisHub: false, isStuck: true, errors: 0, warnings: 0 });
    expect(row.durationMs).toBeUndefined();
    expect(row.expiresInMs).toBeUndefined();
    expect(backupRow(named('x', { phase: 'InProgress', start: '2025-03-10T09:00:00Z' }), { now, stuckThresholdMs: 4 * HOUR }).isStuck).toBe(
      false,
    );
    // Without a known hub id, nothing is "this hub".
    expect(backupRow(named('y'), { now }).isThisHub).toBe(false);
  });

  describe('filter and sort', () => {
    const rows: BackupRow[] = backupRows(
      [
        scheduled('resources', '20250310100000', { start: '2025-03-10T10:00:00Z', writer: HUB_A }),
        scheduled('credentials', '20250310100000', { start: '2025-03-10T10:00:00Z', phase: 'Failed', writer: HUB_A }),
        scheduled('resources', '20250310080000', { start: '2025-03-10T08:00:00Z', phase: 'PartiallyFailed', writer: HUB_B }),
        scheduled('managedClusters', '20250310120000', { phase: 'New', writer: null }),
        named('acm-restore-clusters-20250310090000', { labels: { [LABELS.restoreCluster]: HUB_B } }),
      ],
      { thisHubId: HUB_A, now },
    );
    const rowNames = (list: BackupRow[]) => list.map((r) => r.name);

    it('filters by type, phase, phase group, writer and text; empty lists do not filter', () => {
      expect(rowNames(filterBackups(rows, { types: ['resources'] }))).toEqual([
        'acm-resources-schedule-20250310100000',
        'acm-resources-schedule-20250310080000',
      ]);
      expect(rowNames(filterBackups(rows, { phases: ['Failed', 'PartiallyFailed'] }))).toHaveLength(2);
      expect(rowNames(filterBackups(rows, { phaseGroups: ['pending'] }))).toEqual(['acm-managed-clusters-schedule-20250310120000']);
      expect(rowNames(filterBackups(rows, { writers: [''] }))).toEqual(['acm-managed-clusters-schedule-20250310120000']);
      expect(filterBackups(rows, { writers: [HUB_B] })).toHaveLength(1);
      expect(rowNames(filterBackups(rows, { text: 'RESOURCES 0800' }))).toEqual(['acm-resources-schedule-20250310080000']);
      expect(rowNames(filterBackups(rows, { text: 'activationRecord' }))).toEqual(['acm-restore-clusters-20250310090000']);
      expect(filterBackups(rows, { types: [], phases: [], writers: [], text: '  ' })).toEqual(rows);
      expect(filterBackups(rows, { types: ['validation'] })).toEqual([]);
    });

    it('sorts by start with missing values last in both directions', () => {
      expect(rowNames(sortBackups(rows, { key: 'start', direction: 'asc' }))).toEqual([
        'acm-resources-schedule-20250310080000',
        'acm-resources-schedule-20250310100000',
        'acm-credentials-schedule-20250310100000',
        'acm-managed-clusters-schedule-20250310120000',
        'acm-restore-clusters-20250310090000',
      ]);
      expect(rowNames(sortBackups(rows, { key: 'start', direction: 'desc' }))).toEqual([
        'acm-resources-schedule-20250310100000',
        'acm-credentials-schedule-20250310100000',
        'acm-resources-schedule-20250310080000',
        'acm-managed-clusters-schedule-20250310120000',
        'acm-restore-clusters-20250310090000',
      ]);
    });

    it('is stable: equal keys keep their input order', () => {
      const byType = sortBackups(sortBackups(rows, { key: 'start', direction: 'desc' }), { key: 'type', direction: 'asc' });
      expect(rowNames(byType)).toEqual([
        'acm-credentials-schedule-20250310100000',
        'acm-resources-schedule-20250310100000',
        'acm-resources-schedule-20250310080000',
        'acm-managed-clusters-schedule-20250310120000',
        'acm-restore-clusters-20250310090000',
      ]);
    });

    it('puts failures first when sorting phase descending, and does not touch the input', () => {
      const before = rowNames(rows);
      const sorted = sortBackups(rows, { key: 'phase', direction: 'desc' });
      expect(sorted[0].phase).toBe('Failed');
      expect(sorted[1].phase).toBe('PartiallyFailed');
      expect(sorted[sorted.length - 1].phase).toBe('Completed');
      expect(rowNames(rows)).toEqual(before);
      expect(rowNames(sortBackups(rows, { key: 'name', direction: 'asc' }))[0]).toBe('acm-credentials-schedule-20250310100000');
    });

    it('sorts thousands of rows correctly', () => {
      const many = backupRows(
        Array.from({ length: 5000 }, (_, i) =>
          scheduled('resources', timestampSuffix(new Date(Date.UTC(2025, 0, 1) + ((i * 7919) % 5000) * 60_000)), {
            start: new Date(Date.UTC(2025, 0, 1) + ((i * 7919) % 5000) * 60_000).toISOString(),
          }),
        ),
        { now },
      );
      const sorted = sortBackups(many, { key: 'start', direction: 'desc' });
      for (let i = 1; i < sorted.length; i++) expect(sorted[i - 1].startMs! >= sorted[i].startMs!).toBe(true);
    });
  });
});
