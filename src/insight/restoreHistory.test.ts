import type { Restore, RestoreSpec, VeleroBackup, VeleroRestore } from '../k8s/types';
import { canActivate, isRestoreActive, restoreRow, restoreRows, sortRestoresNewestFirst } from './restoreHistory';

const NS = 'open-cluster-management-backup';
const NOW = new Date('2025-03-01T12:00:00Z');

const PASSIVE_SYNC: RestoreSpec = {
  syncRestoreWithNewBackups: true,
  restoreSyncInterval: '10m',
  cleanupBeforeRestore: 'CleanupRestored',
  veleroManagedClustersBackupName: 'skip',
  veleroCredentialsBackupName: 'latest',
  veleroResourcesBackupName: 'latest',
};
const FULL: RestoreSpec = {
  cleanupBeforeRestore: 'CleanupRestored',
  veleroManagedClustersBackupName: 'latest',
  veleroCredentialsBackupName: 'latest',
  veleroResourcesBackupName: 'latest',
};

const mkRestore = (name: string, spec: RestoreSpec, status: Restore['status'], meta: Partial<Restore['metadata']> = {}): Restore => ({
  metadata: { name, namespace: NS, uid: `uid-${name}`, creationTimestamp: '2025-03-01T10:00:00Z', ...meta },
  spec,
  status,
});

const owner = (name: string) => [{ apiVersion: 'cluster.open-cluster-management.io/v1beta1', kind: 'Restore', name, uid: `uid-${name}`, controller: true }];

const mkVr = (restore: string, backupName: string, status: VeleroRestore['status'], suffix = ''): VeleroRestore => ({
  metadata: { name: `${restore}-${backupName}${suffix}`, namespace: NS, ownerReferences: owner(restore) },
  spec: { backupName },
  status,
});

const mkBackup = (name: string, phase = 'Completed', start?: string): VeleroBackup => ({
  metadata: { name, namespace: NS, labels: {} },
  status: { phase, ...(start ? { startTimestamp: start } : {}) },
});

const TS = (t: string) => t.replace(/[-:TZ]/g, '').slice(0, 14);
const creds = (t: string) => `acm-credentials-schedule-${TS(t)}`;
const res = (t: string) => `acm-resources-schedule-${TS(t)}`;
const gen = (t: string) => `acm-resources-generic-schedule-${TS(t)}`;
const mc = (t: string) => `acm-managed-clusters-schedule-${TS(t)}`;

describe('restoreRow', () => {
  const t1 = '2025-03-01T09:00:00Z';
  const done = { phase: 'Completed', startTimestamp: '2025-03-01T10:00:05Z', completionTimestamp: '2025-03-01T10:01:00Z' };

  it('reads a finished full restore: intent, phase, times and backups per type', () => {
    const r = mkRestore('restore-acm', FULL, {
      phase: 'Finished',
      lastMessage: 'All Velero restores have run successfully',
      veleroCredentialsRestoreName: `restore-acm-${creds(t1)}`,
      veleroResourcesRestoreName: `restore-acm-${res(t1)}`,
      veleroGenericResourcesRestoreName: `restore-acm-${gen(t1)}`,
      veleroManagedClustersRestoreName: `restore-acm-${mc(t1)}`,
      completionTimestamp: '2025-03-01T10:05:00Z',
    });
    const vrs = [creds(t1), res(t1), gen(t1), mc(t1)].map((b) => mkVr('restore-acm', b, done));
    const row = restoreRow(r, { veleroRestores: vrs, backups: [mkBackup(res(t1), 'Completed', '2025-03-01T09:00:02Z')], now: NOW });
    expect(row).toMatchObject({
      name: 'restore-acm',
      namespace: NS,
      started: new Date('2025-03-01T10:00:00Z'),
      completed: new Date('2025-03-01T10:05:00Z'),
      completedFrom: 'status',
      durationMs: 5 * 60_000,
      ongoing: false,
    });
    expect(row.intent.id).toBe('full');
    expect(row.phase.severity).toBe('healthy');
    expect(row.backupsUsed.map((b) => [b.type, b.backupName, b.activation, b.veleroRestoreFound])).toEqual([
      ['credentials', creds(t1), false, true],
      ['resources', res(t1), false, true],
      ['resourcesGeneric', gen(t1), false, true],
      ['managedClusters', mc(t1), false, true],
    ]);
    // The backup's start time when visible, else the name's timestamp.
    expect(row.backupsUsed[1].backupTime).toEqual(new Date('2025-03-01T09:00:02Z'));
    expect(row.backupsUsed[0].backupTime).toEqual(new Date(t1));
    expect(row.passiveData).toBeUndefined();
  });

  it('takes the completion from the Velero restores before ACM 2.12, only once all of them are done', () => {
    const status = {
      phase: 'Finished',
      veleroCredentialsRestoreName: `restore-acm-${creds(t1)}`,
      veleroResourcesRestoreName: `restore-acm-${res(t1)}`,
    };
    const vrs = [
      mkVr('restore-acm', creds(t1), { ...done, completionTimestamp: '2025-03-01T10:00:30Z' }),
      mkVr('restore-acm', res(t1), { ...done, completionTimestamp: '2025-03-01T10:02:00Z' }),
    ];
    const row = restoreRow(mkRestore('restore-acm', FULL, status), { veleroRestores: vrs, now: NOW });
    expect(row).toMatchObject({ completed: new Date('2025-03-01T10:02:00Z'), completedFrom: 'veleroRestores', durationMs: 120_000 });

    const running = restoreRow(mkRestore('restore-acm', FULL, { ...status, phase: 'Running' }), {
      veleroRestores: [vrs[0], mkVr('restore-acm', res(t1), { phase: 'InProgress', startTimestamp: '2025-03-01T10:01:00Z' })],
      now: NOW,
    });
    expect(running.completed).toBeUndefined();
    expect(running).toMatchObject({ ongoing: true, durationMs: 2 * 3600_000 });
  });

  it('reads the backup from the Velero restore name when the Velero restore is gone, including activation restores', () => {
    const r = mkRestore('restore-acm-passive-sync', { ...PASSIVE_SYNC, veleroManagedClustersBackupName: 'latest' }, {
      phase: 'Finished',
      veleroCredentialsRestoreName: `restore-acm-passive-sync-${creds(t1)}-active`,
      veleroManagedClustersRestoreName: `restore-acm-passive-sync-${mc(t1)}`,
    });
    const row = restoreRow(r, { veleroRestores: [], now: NOW });
    expect(row.intent.id).toBe('activatedSync');
    expect(row.backupsUsed).toEqual([
      { type: 'credentials', veleroRestoreName: `restore-acm-passive-sync-${creds(t1)}-active`, backupName: creds(t1), backupTime: new Date(t1), activation: true, veleroRestoreFound: false },
      { type: 'managedClusters', veleroRestoreName: `restore-acm-passive-sync-${mc(t1)}`, backupName: mc(t1), backupTime: new Date(t1), activation: false, veleroRestoreFound: false },
    ]);
    expect(row.passiveData).toBeUndefined();
    expect(row.completed).toBeUndefined();
    expect(row.durationMs).toBeUndefined();
  });

  describe('passive data of a sync restore', () => {
    const used = '2025-03-01T10:00:00Z';
    const status = (t: string): Restore['status'] => ({
      phase: 'Enabled',
      veleroCredentialsRestoreName: `restore-acm-passive-sync-${creds(t)}`,
      veleroResourcesRestoreName: `restore-acm-passive-sync-${res(t)}`,
      completionTimestamp: '2025-03-01T10:03:00Z',
    });
    const sync = mkRestore('restore-acm-passive-sync', PASSIVE_SYNC, status(used));
    const vrsFor = (t: string) => [creds(t), res(t)].map((b) => mkVr('restore-acm-passive-sync', b, done));
    const backupsAt = (...times: string[]) => times.flatMap((t) => [mkBackup(creds(t), 'Completed', t), mkBackup(res(t), 'Completed', t)]);

    it('is up to date when the restored backups are the newest', () => {
      const row = restoreRow(sync, { veleroRestores: vrsFor(used), backups: backupsAt('2025-03-01T09:00:00Z', used), now: NOW });
      expect(row.passiveData).toMatchObject({ asOf: new Date(used), lagMs: 0, freshness: 'upToDate', syncInterval: '10m' });
      expect(row.passiveData?.perType.map((p) => p.newerBackups)).toEqual([0, 0]);
      expect(row.ongoing).toBe(false);
      expect(row.phase.isSyncing).toBe(true);
    });

    it('measures the lag behind the newest backup and counts the newer ones', () => {
      const newer = ['2025-03-01T11:00:00Z', '2025-03-01T11:55:00Z'];
      const row = restoreRow(sync, { veleroRestores: vrsFor(used), backups: backupsAt(used, ...newer), now: NOW });
      expect(row.passiveData).toMatchObject({ lagMs: 115 * 60_000, freshness: 'behind' });
      expect(row.passiveData?.perType).toEqual([
        expect.objectContaining({ type: 'credentials', backupName: creds(used), newestBackupName: creds(newer[1]), newerBackups: 2, lagMs: 115 * 60_000 }),
        expect.objectContaining({ type: 'resources', backupName: res(used), newestBackupName: res(newer[1]), newerBackups: 2 }),
      ]);
      expect(row.passiveData?.message.params).toEqual({ interval: '10m' });
    });

    it('ignores newer backups a restore could not use', () => {
      const row = restoreRow(sync, {
        veleroRestores: vrsFor(used),
        backups: [...backupsAt(used), mkBackup(res('2025-03-01T11:00:00Z'), 'Failed', '2025-03-01T11:00:00Z'), mkBackup(res('2025-03-01T11:30:00Z'), 'InProgress', '2025-03-01T11:30:00Z')],
        now: NOW,
      });
      expect(row.passiveData?.freshness).toBe('upToDate');
    });

    it('is overdue when a newer backup has waited longer than the sync interval', () => {
      const row = restoreRow(sync, { veleroRestores: vrsFor(used), backups: backupsAt(used, '2025-03-01T11:40:00Z'), now: NOW });
      expect(row.passiveData?.freshness).toBe('overdue');
      // 12 minutes: past the 10m interval, but within the few minutes Velero needs to list a new backup.
      expect(restoreRow(sync, { veleroRestores: vrsFor(used), backups: backupsAt(used, '2025-03-01T11:48:00Z'), now: NOW }).passiveData?.freshness).toBe('behind');
      // 20 minutes is well within the default 30m interval.
      const slow = mkRestore('restore-acm-passive-sync', { ...PASSIVE_SYNC, restoreSyncInterval: undefined }, status(used));
      expect(restoreRow(slow, { veleroRestores: vrsFor(used), backups: backupsAt(used, '2025-03-01T11:40:00Z'), now: NOW }).passiveData).toMatchObject({
        freshness: 'behind',
        syncInterval: '30m',
      });
    });

    it('says so when it cannot tell', () => {
      const noBackups = restoreRow(sync, { veleroRestores: vrsFor(used), backups: [], now: NOW });
      expect(noBackups.passiveData?.freshness).toBe('unknown');
      expect(noBackups.passiveData?.asOf).toEqual(new Date(used));
      const notYet = restoreRow(mkRestore('restore-acm-passive-sync', PASSIVE_SYNC, { phase: 'Started' }), { veleroRestores: [], backups: backupsAt(used), now: NOW });
      expect(notYet.passiveData).toMatchObject({ freshness: 'unknown' });
      expect(notYet.passiveData?.asOf).toBeUndefined();
      expect(notYet.passiveData?.message.key).toMatch(/has not restored/);
    });
  });

  it('does not claim Velero restores of a restore whose name extends this one', () => {
    const r = mkRestore('restore-acm', FULL, { phase: 'FinishedWithErrors', lastMessage: 'Velero restores have run to completion but encountered 1+ errors' });
    const foreign: VeleroRestore = {
      metadata: { name: `restore-acm-passive-${creds(t1)}`, namespace: NS },
      spec: { backupName: creds(t1) },
      status: { phase: 'PartiallyFailed', errors: 5 },
    };
    const row = restoreRow(r, { veleroRestores: [foreign], backups: [], now: NOW });
    expect(row.phase.veleroDiagnoses).toEqual([]);
  });
});

describe('sortRestoresNewestFirst', () => {
  it('orders by creation, newest first, unsaved on top, ties by name, without touching the input', () => {
    const a = mkRestore('a', FULL, {}, { creationTimestamp: '2025-01-01T00:00:00Z' });
    const b = mkRestore('b', FULL, {}, { creationTimestamp: '2025-02-01T00:00:00Z' });
    const c = mkRestore('c', FULL, {}, { creationTimestamp: '2025-02-01T00:00:00Z' });
    const d = mkRestore('d', FULL, {}, { creationTimestamp: undefined });
    const input = [a, c, d, b];
    expect(sortRestoresNewestFirst(input).map((r) => r.metadata?.name)).toEqual(['d', 'b', 'c', 'a']);
    expect(input.map((r) => r.metadata?.name)).toEqual(['a', 'c', 'd', 'b']);
  });

  it('builds rows in that order', () => {
    const rows = restoreRows(
      [mkRestore('old', FULL, {}, { creationTimestamp: '2025-01-01T00:00:00Z' }), mkRestore('new', FULL, {}, { creationTimestamp: '2025-02-01T00:00:00Z' })],
      { now: NOW },
    );
    expect(rows.map((r) => r.name)).toEqual(['new', 'old']);
  });
});

describe('isRestoreActive', () => {
  it('is re-exported for the history page', () => {
    expect(isRestoreActive(mkRestore('x', FULL, { phase: 'Enabled' }))).toBe(true);
    expect(isRestoreActive(mkRestore('x', FULL, { phase: 'FinishedWithErrors' }))).toBe(false);
  });
});

describe('canActivate', () => {
  const sync = (phase: string, spec: Partial<RestoreSpec> = {}, meta: Partial<Restore['metadata']> = {}) =>
    canActivate(mkRestore('restore-acm-passive-sync', { ...PASSIVE_SYNC, ...spec }, { phase }, meta));

  it('allows an Enabled passive-sync restore with managed clusters skipped', () => {
    expect(sync('Enabled')).toEqual({ allowed: true });
    expect(sync('Enabled', { veleroManagedClustersBackupName: ' SKIP ' })).toEqual({ allowed: true });
  });

  it('allows EnabledWithErrors with a warning', () => {
    const r = sync('EnabledWithErrors');
    expect(r.allowed).toBe(true);
    expect(r.allowed && r.warning?.key).toMatch(/last sync attempt failed/);
  });

  it.each([
    ['a restore that is not a sync restore', () => canActivate(mkRestore('r', { ...FULL, veleroManagedClustersBackupName: 'skip' }, { phase: 'Finished' })), /kept in sync can be activated/],
    ['an already activated sync restore', () => sync('Enabled', { veleroManagedClustersBackupName: 'latest' }), /already restores the managed clusters/],
    ['a finished sync restore', () => sync('Finished'), /has finished and will not run again/],
    ['a sync restore still starting', () => sync('Running'), /it is now \{\{phase\}\}/],
    ['a sync restore not processed yet', () => sync(''), /has not processed it yet/],
    ['a failed sync restore', () => sync('Error'), /it is now/],
    ['a restore being deleted', () => sync('Enabled', {}, { deletionTimestamp: '2025-03-01T11:00:00Z' }), /being deleted/],
  ])('refuses %s, with the reason', (_what, check, reason) => {
    const r = check();
    expect(r.allowed).toBe(false);
    expect(!r.allowed && r.reason.key).toMatch(reason);
  });
});
