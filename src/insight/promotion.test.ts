import { ANNOTATIONS, LABELS, VELERO_SCHEDULE_NAMES, type BackupType } from '../k8s/names';
import type { BackupSchedule, ManagedCluster, ManagedServiceAccount, Restore, VeleroBackup, VeleroSchedule } from '../k8s/types';
import { validateCron } from '../operand/cron';
import { PROMOTION_ACTION } from './hubRole';
import {
  ACTIVATION_RESTORE_NAME,
  cronFromRuns,
  findActivationRestore,
  lastKnownSchedule,
  planActivation,
  promotionPlan,
  promotionPreflight,
  promotionState,
  type PreflightCheck,
  type PreflightId,
  type PromotionInput,
} from './promotion';
import type { Watched } from './readiness';

const NOW = new Date('2025-06-01T11:20:00Z');
const ME = 'hub-b-id';
const OLD = 'hub-a-id';

const ok = <T>(data: T): Watched<T> => ({ data, loaded: true });
const failed = <T>(data: T): Watched<T> => ({ data, loaded: true, error: { code: 403 } });

const iso = (ts: string) => `${ts.slice(0, 4)}-${ts.slice(4, 6)}-${ts.slice(6, 8)}T${ts.slice(8, 10)}:${ts.slice(10, 12)}:${ts.slice(12, 14)}Z`;

const backup = (type: BackupType, ts: string, hub = OLD, opts: { phase?: string; ttl?: string; expiration?: string; schedule?: string } = {}): VeleroBackup => ({
  metadata: {
    name: `${VELERO_SCHEDULE_NAMES[type]}-${ts}`,
    labels: {
      [LABELS.veleroScheduleName]: VELERO_SCHEDULE_NAMES[type],
      [LABELS.scheduleType]: type,
      [LABELS.backupCluster]: hub,
      [LABELS.scheduleName]: opts.schedule ?? 'schedule-acm-msa',
    },
  },
  spec: opts.ttl ? { ttl: opts.ttl } : {},
  status: { phase: opts.phase ?? 'Completed', startTimestamp: iso(ts), ...(opts.expiration ? { expiration: opts.expiration } : {}) },
});

/** The old primary's hourly sets at minute 0, kept 120h; its heartbeat expired when `heartbeatFresh` is false. */
const primaryBackups = (hours: string[], hub = OLD): VeleroBackup[] =>
  hours.flatMap((h) => (['credentials', 'resources', 'resourcesGeneric', 'managedClusters'] as const).map((t) => backup(t, `20250601${h}0000`, hub, { ttl: '120h0m0s' })));

const heartbeat = (ts: string, hub = OLD) => backup('validation', ts, hub, { ttl: '1h5m0s' });

const restore = (
  name: string,
  phase: string | undefined,
  opts: { mc?: string; creds?: string; res?: string; sync?: boolean; created?: string; restored?: string; annotations?: Record<string, string>; messages?: string[]; lastMessage?: string } = {},
): Restore => ({
  metadata: { name, creationTimestamp: opts.created ?? '2025-05-01T00:00:00Z', annotations: opts.annotations },
  spec: {
    cleanupBeforeRestore: 'CleanupRestored',
    veleroManagedClustersBackupName: opts.mc ?? 'skip',
    veleroCredentialsBackupName: opts.creds ?? 'latest',
    veleroResourcesBackupName: opts.res ?? 'latest',
    ...(opts.sync ? { syncRestoreWithNewBackups: true, restoreSyncInterval: '10m' } : {}),
  },
  status:
    phase === undefined
      ? undefined
      : {
          phase,
          lastMessage: opts.lastMessage,
          messages: opts.messages,
          ...(opts.restored
            ? {
                veleroResourcesRestoreName: `${name}-acm-resources-schedule-${opts.restored}`,
                veleroCredentialsRestoreName: `${name}-acm-credentials-schedule-${opts.restored}`,
              }
            : {}),
        },
});

const syncRestore = (phase = 'Enabled', restored = '20250601100000') => restore('restore-acm-passive-sync', phase, { sync: true, restored });

const schedule = (phase: string, opts: { created?: string; paused?: boolean; message?: string } = {}): BackupSchedule => ({
  metadata: { name: 'schedule-acm-msa', creationTimestamp: opts.created ?? '2025-06-01T12:05:00Z' },
  spec: { veleroSchedule: '0 */1 * * *', ...(opts.paused ? { paused: true } : {}) },
  status: {
    phase,
    lastMessage: opts.message,
    veleroScheduleResources: {
      metadata: { name: VELERO_SCHEDULE_NAMES.resources, creationTimestamp: opts.created ?? '2025-06-01T12:05:00Z', labels: { [LABELS.backupCluster]: ME } },
    },
  },
});

const cluster = (name: string, opts: { url?: boolean; available?: boolean; local?: boolean } = {}): ManagedCluster => ({
  metadata: { name, labels: opts.local ? { 'local-cluster': 'true' } : {} },
  spec: opts.url === false ? {} : { managedClusterClientConfigs: [{ url: `https://api.${name}:6443` }] },
  status: { conditions: [{ type: 'ManagedClusterConditionAvailable', status: opts.available === false ? 'Unknown' : 'True' }] },
});
const msa = (namespace: string, token = true): ManagedServiceAccount => ({
  metadata: { name: 'auto-import-account', namespace },
  status: token ? { tokenSecretRef: { name: 'auto-import-account' } } : {},
});

/**
 * A passive hub at 11:20, after the old primary died at about 10:30: its last backups are from
 * 10:00, this hub restored them, and the heartbeat (TTL 1h5m) expired at 11:05.
 */
const passiveHub = (): PromotionInput => ({
  now: NOW,
  thisHubId: ME,
  schedules: ok([]),
  restores: ok([syncRestore()]),
  backups: ok([...primaryBackups(['08', '09', '10']), heartbeat('20250601100000')]),
  storageLocations: ok([{ metadata: { name: 'default' }, status: { phase: 'Available' } }]),
  managedClusters: ok([cluster('local-cluster', { local: true })]),
  managedServiceAccounts: ok([msa('imported-1')]),
  clusterDeployments: ok([{ metadata: { name: 'hive-1', namespace: 'hive-1' } }]),
  access: { patchRestores: true, createRestores: true, createBackupSchedules: true },
});

const byId = (checks: PreflightCheck[], id: PreflightId) => {
  const c = checks.find((x) => x.id === id);
  if (!c) throw new Error(`no check ${id}`);
  return c;
};
const preflight = (patch: Partial<PromotionInput> = {}) => promotionPreflight({ ...passiveHub(), ...patch });

describe('promotionPreflight', () => {
  it('lets a healthy passive hub be promoted, blockers first', () => {
    const p = preflight();
    expect(p.checks.map((c) => [c.id, c.level])).toEqual([
      ['passive', 'blocker'],
      ['storageLocation', 'blocker'],
      ['managedClustersBackup', 'blocker'],
      ['noOtherRestore', 'blocker'],
      ['permissions', 'blocker'],
      ['newestBackup', 'warning'],
      ['oldPrimaryStopped', 'warning'],
      ['clustersReconnect', 'warning'],
      ['passiveFresh', 'warning'],
    ]);
    expect(p.checks.filter((c) => c.level === 'blocker').map((c) => c.status)).toEqual(['pass', 'pass', 'pass', 'pass', 'pass']);
    expect(p.canPromote).toBe(true);
    expect(p.activation).toMatchObject({ kind: 'patchSync', restoreName: 'restore-acm-passive-sync' });
    expect(byId(p.checks, 'oldPrimaryStopped').status).toBe('pass');
    expect(byId(p.checks, 'passiveFresh').status).toBe('pass');
  });

  describe('blockers', () => {
    it('a hub that already has a schedule is not passive', () => {
      const p = preflight({ restores: ok([]), schedules: ok([schedule('Enabled')]) });
      expect(byId(p.checks, 'passive')).toMatchObject({ status: 'fail' });
      expect(byId(p.checks, 'passive').detail.key).toMatch(/already the primary/);
      expect(p.canPromote).toBe(false);
    });

    it('a schedule next to the sync restore blocks, with the fix', () => {
      const p = preflight({ schedules: ok([schedule('FailedValidation')]) });
      expect(byId(p.checks, 'passive').status).toBe('fail');
      expect(byId(p.checks, 'passive').fix?.key).toMatch(/Delete BackupSchedule/);
    });

    it('a standalone hub has nothing to activate', () => {
      const p = preflight({ restores: ok([]) });
      expect(byId(p.checks, 'passive').status).toBe('fail');
      expect(p.canPromote).toBe(false);
    });

    it('a sync restore that cannot be activated (still on its first restore) blocks with the reason', () => {
      const p = preflight({ restores: ok([syncRestore('Running')]) });
      expect(byId(p.checks, 'passive').status).toBe('fail');
      expect(p.activation?.kind).toBe('none');
    });

    it('the storage location must be Available', () => {
      const p = preflight({ storageLocations: ok([{ metadata: { name: 'default' }, status: { phase: 'Unavailable' } }]) });
      expect(byId(p.checks, 'storageLocation').status).toBe('fail');
      expect(byId(p.checks, 'storageLocation').fix).toBeDefined();
      expect(p.canPromote).toBe(false);
    });

    it('a completed managed clusters backup must exist', () => {
      const noMc = passiveHub().backups.data.filter((b) => !b.metadata?.name?.startsWith('acm-managed-clusters'));
      expect(byId(preflight({ backups: ok(noMc) }).checks, 'managedClustersBackup').status).toBe('fail');
      const partial = [...noMc, backup('managedClusters', '20250601100000', OLD, { phase: 'PartiallyFailed' })];
      const p = preflight({ backups: ok(partial) });
      expect(byId(p.checks, 'managedClustersBackup').detail.key).toMatch(/Only partially failed/);
      expect(p.canPromote).toBe(false);
    });

    it('no other restore may be running', () => {
      const other = restore('restore-acm-manual', 'Running', { created: '2025-06-01T12:00:00Z' });
      const p = preflight({ restores: ok([syncRestore(), other]) });
      expect(byId(p.checks, 'noOtherRestore').status).toBe('fail');
      expect(byId(p.checks, 'noOtherRestore').detail.params?.names).toBe('restore-acm-manual (Running)');
      expect(p.canPromote).toBe(false);
    });

    it('the user must be allowed to patch restores (or create them) and create schedules', () => {
      expect(byId(preflight({ access: { patchRestores: false, createBackupSchedules: true } }).checks, 'permissions').status).toBe('fail');
      expect(byId(preflight({ access: { patchRestores: true, createBackupSchedules: false } }).checks, 'permissions').status).toBe('fail');
      // A one-time passive copy is activated by creating a restore: patch rights do not matter.
      const once = restore('restore-acm-passive', 'Finished', { restored: '20250601100000' });
      expect(byId(preflight({ restores: ok([once]), access: { patchRestores: false, createRestores: true, createBackupSchedules: true } }).checks, 'permissions').status).toBe('pass');
      expect(byId(preflight({ restores: ok([once]), access: { patchRestores: true, createRestores: false, createBackupSchedules: true } }).checks, 'permissions').status).toBe('fail');
    });

    it('an unknown blocker disables the action too', () => {
      const pending = preflight({ access: { createBackupSchedules: true } });
      expect(byId(pending.checks, 'permissions').status).toBe('unknown');
      expect(pending.canPromote).toBe(false);
      const unread = preflight({ storageLocations: failed([]) });
      expect(byId(unread.checks, 'storageLocation').status).toBe('unknown');
      expect(unread.canPromote).toBe(false);
    });
  });

  describe('warnings (never block)', () => {
    it('the newest backup was written by a hub other than the expected primary', () => {
      const stranger = [...passiveHub().backups.data, backup('resources', '20250601110000', 'hub-c-id')];
      const p = preflight({ backups: ok(stranger) });
      expect(byId(p.checks, 'newestBackup')).toMatchObject({ status: 'fail', level: 'warning' });
      expect(byId(p.checks, 'newestBackup').detail.params).toMatchObject({ writer: 'hub-c-id', expected: OLD });
      expect(p.canPromote).toBe(true);
    });

    it('the newest backup is old against the primary\'s interval', () => {
      const p = preflight({ now: new Date('2025-06-01T13:30:00Z') });
      expect(byId(p.checks, 'newestBackup').status).toBe('fail');
      expect(byId(p.checks, 'newestBackup').detail.params).toMatchObject({ age: '3h 30m', interval: '1h' });
      expect(byId(preflight().checks, 'newestBackup').status).toBe('pass');
    });

    it('the old primary may still be writing: a fresh heartbeat', () => {
      const alive = [...passiveHub().backups.data, heartbeat('20250601110000')];
      const p = preflight({ backups: ok(alive) });
      expect(byId(p.checks, 'oldPrimaryStopped')).toMatchObject({ status: 'fail', level: 'warning' });
      expect(byId(p.checks, 'oldPrimaryStopped').fix?.key).toMatch(/pause its BackupSchedule/);
      expect(p.canPromote).toBe(true);
    });

    it('the old primary may still be writing: backups newer than this hub\'s last sync', () => {
      const p = preflight({ restores: ok([syncRestore('Enabled', '20250601090000')]) });
      expect(byId(p.checks, 'oldPrimaryStopped').status).toBe('fail');
      expect(byId(p.checks, 'oldPrimaryStopped').detail.params).toMatchObject({ count: 1, restored: 'acm-resources-schedule-20250601090000' });
    });

    it('lists the clusters that will not reconnect by themselves, with the fix', () => {
      const p = preflight({
        managedServiceAccounts: ok([msa('imported-1'), msa('imported-2', false)]),
      });
      expect(byId(p.checks, 'clustersReconnect')).toMatchObject({ status: 'fail', clusters: ['imported-2'] });
      expect(byId(p.checks, 'clustersReconnect').fix?.key).toMatch(/auto-import-secret/);
      const visible = preflight({ managedClusters: ok([cluster('local-cluster', { local: true }), cluster('eks-1', { url: false, available: false })]) });
      expect(byId(visible.checks, 'clustersReconnect').clusters).toEqual(['eks-1']);
    });

    it('leaves out the clusters this hub already manages: they are connected here, not moving', () => {
      const own = preflight({
        managedClusters: ok([cluster('local-cluster', { local: true }), cluster('own-eks', { url: false }), cluster('eks-1', { url: false, available: false })]),
      });
      expect(byId(own.checks, 'clustersReconnect').clusters).toEqual(['eks-1']);
    });

    it('says what it cannot know about clusters before activation', () => {
      expect(byId(preflight().checks, 'clustersReconnect').status).toBe('unknown');
      expect(byId(preflight().checks, 'clustersReconnect').detail.params).toEqual({ hive: 1, tokens: 1 });
    });

    it('stale passive data', () => {
      const p = preflight({ restores: ok([syncRestore('Enabled', '20250601080000')]) });
      expect(byId(p.checks, 'passiveFresh')).toMatchObject({ status: 'fail', level: 'warning' });
    });
  });
});

describe('planActivation and findActivationRestore', () => {
  it('patches an Enabled sync restore', () => {
    expect(planActivation([syncRestore()], NOW)).toMatchObject({ kind: 'patchSync', restoreName: 'restore-acm-passive-sync' });
    expect(planActivation([syncRestore('EnabledWithErrors')], NOW)).toMatchObject({ kind: 'patchSync', warning: expect.anything() });
  });

  it('creates restore-acm-passive-activate after a one-time passive restore, another name if that one is taken', () => {
    const once = restore('restore-acm-passive', 'Finished', { created: '2025-05-20T00:00:00Z' });
    expect(planActivation([once], NOW)).toEqual({ kind: 'create', restoreName: ACTIVATION_RESTORE_NAME });
    // A leftover of an earlier cycle, older than the current passive data, is not the current activation.
    const leftover = restore(ACTIVATION_RESTORE_NAME, 'Finished', { mc: 'latest', creds: 'skip', res: 'skip', created: '2025-05-01T00:00:00Z' });
    const plan = planActivation([once, leftover], NOW);
    expect(plan.kind).toBe('create');
    expect(plan.kind === 'create' && plan.restoreName).toMatch(/^restore-acm-passive-activate-20250601t1120$/);
  });

  it('never plans a second activation when one exists (idempotent)', () => {
    const once = restore('restore-acm-passive', 'Finished', { created: '2025-05-20T00:00:00Z' });
    const mine = restore(ACTIVATION_RESTORE_NAME, 'Running', { mc: 'latest', creds: 'skip', res: 'skip', created: '2025-06-01T12:10:00Z' });
    expect(planActivation([once, mine], NOW)).toMatchObject({ kind: 'existing', restoreName: ACTIVATION_RESTORE_NAME });
    const patched = restore('restore-acm-passive-sync', 'Enabled', { sync: true, mc: 'latest' });
    expect(planActivation([patched], NOW)).toMatchObject({ kind: 'existing', restoreName: 'restore-acm-passive-sync' });
  });

  it('an annotated activation counts even when older than the passive restore', () => {
    const annotated = restore('by-plugin', 'Finished', { mc: 'latest', creds: 'skip', res: 'skip', created: '2025-04-01T00:00:00Z', annotations: { [ANNOTATIONS.action]: PROMOTION_ACTION } });
    expect(findActivationRestore([syncRestore(), annotated])).toBe(annotated);
  });

  it('has nothing to activate without passive data', () => {
    expect(planActivation([], NOW).kind).toBe('none');
    expect(planActivation([restore('restore-acm-passive', 'Running')], NOW).kind).toBe('none');
  });
});

describe('schedule suggestion', () => {
  it('cronFromRuns rebuilds common crons from run times, ignoring an off-schedule first backup', () => {
    const at = (h: number, m: number) => new Date(Date.UTC(2025, 5, 1, h, m, 0));
    expect(cronFromRuns(3600_000, [at(8, 0), at(9, 0), at(10, 0), at(7, 42)])).toBe('0 */1 * * *');
    expect(cronFromRuns(2 * 3600_000, [at(1, 15), at(3, 15), at(5, 15)])).toBe('15 1-23/2 * * *');
    expect(cronFromRuns(6 * 3600_000, [at(0, 30), at(6, 30)])).toBe('30 */6 * * *');
    expect(cronFromRuns(24 * 3600_000, [at(2, 0)])).toBe('0 2 * * *');
    expect(cronFromRuns(15 * 60_000, [at(1, 0), at(1, 15), at(1, 30)])).toBe('*/15 * * * *');
    expect(cronFromRuns(5 * 3600_000, [at(1, 0)])).toBeUndefined();
    expect(cronFromRuns(3600_000, [])).toBeUndefined();
    for (const c of ['0 */1 * * *', '15 1-23/2 * * *', '*/15 * * * *']) expect(validateCron(c)).toBeUndefined();
  });

  it('rebuilds the old primary\'s schedule from its backups', () => {
    const s = lastKnownSchedule({ backups: passiveHub().backups.data, writer: OLD, useManagedServiceAccount: true });
    expect(s.derivedFrom).toBe('backups');
    expect(s.form).toMatchObject({ name: 'schedule-acm-msa', veleroSchedule: '0 */1 * * *', veleroTtl: '120h', useManagedServiceAccount: true });
  });

  it('copies a visible Velero schedule', () => {
    const vs: VeleroSchedule = {
      metadata: { name: 'acm-resources-schedule', labels: { [LABELS.backupCluster]: OLD, [LABELS.scheduleType]: 'resources', [LABELS.scheduleName]: 'my-schedule' } },
      spec: { schedule: '0 */4 * * *', template: { ttl: '72h0m0s' } },
    };
    const s = lastKnownSchedule({ backups: [], veleroSchedules: [vs], writer: OLD });
    expect(s).toMatchObject({ derivedFrom: 'veleroSchedule', form: { name: 'my-schedule', veleroSchedule: '0 */4 * * *', veleroTtl: '72h' } });
  });

  it('falls back to the operator\'s sample', () => {
    const s = lastKnownSchedule({ backups: [backup('resources', '20250601100000')], writer: OLD });
    expect(s).toMatchObject({ derivedFrom: 'default', form: { name: 'schedule-acm-msa', veleroSchedule: '0 */1 * * *', veleroTtl: '120h' } });
    expect(lastKnownSchedule({ backups: [] }).form.name).toBe('schedule-acm');
  });
});

describe('promotionPlan', () => {
  it('lists the five steps with the activation and the schedule to create', () => {
    const plan = promotionPlan(passiveHub());
    expect(plan.steps.map((s) => s.id)).toEqual(['activate', 'restore', 'reconnect', 'schedule', 'verify']);
    expect(plan.activation.kind).toBe('patchSync');
    expect(plan.steps[0].description.key).toMatch(/Set veleroManagedClustersBackupName to latest/);
    expect(plan.schedule?.form).toMatchObject({ veleroSchedule: '0 */1 * * *', useManagedServiceAccount: true });
    expect(plan.steps[3].description.params).toMatchObject({ name: 'schedule-acm-msa', cron: '0 */1 * * *', ttl: '120h' });
    expect(plan.steps.every((s) => !s.done)).toBe(true);
  });

  it('marks done what the cluster already shows, and plans no second restore or schedule', () => {
    const patched = restore('restore-acm-passive-sync', 'Finished', { sync: true, mc: 'latest', restored: '20250601100000' });
    const plan = promotionPlan({ ...passiveHub(), restores: ok([patched]), schedules: ok([schedule('New')]) });
    expect(plan.activation.kind).toBe('existing');
    expect(plan.schedule).toBeUndefined();
    expect(plan.existingSchedule?.metadata?.name).toBe('schedule-acm-msa');
    expect(plan.steps.filter((s) => s.done).map((s) => s.id)).toEqual(['activate', 'restore', 'schedule']);
  });
});

describe('promotionState', () => {
  const base = {
    restores: [syncRestore()],
    schedules: [] as BackupSchedule[],
    backups: passiveHub().backups.data,
    managedClusters: [cluster('local-cluster', { local: true })],
    thisHubId: ME,
    now: new Date('2025-06-01T12:20:00Z'),
  };
  const statuses = (s: ReturnType<typeof promotionState>) => s.steps.map((x) => x.status);

  it('has not started on a passive hub', () => {
    const s = promotionState(base);
    expect(s).toMatchObject({ started: false, current: 'activate', canCreateSchedule: false });
    expect(statuses(s)).toEqual(['pending', 'pending', 'pending', 'pending', 'pending']);
  });

  it('step 1 is done once the sync restore asks for managed clusters latest; step 2 waits for the operator', () => {
    const s = promotionState({ ...base, restores: [restore('restore-acm-passive-sync', 'Enabled', { sync: true, mc: 'latest' })] });
    expect(s.started).toBe(true);
    expect(s.current).toBe('restore');
    expect(statuses(s)).toEqual(['done', 'active', 'pending', 'pending', 'pending']);
    expect(s.steps[1].detail?.key).toMatch(/Waiting for the operator/);
  });

  it('step 2 follows the restore and fails on Error with the manual command', () => {
    const running = promotionState({ ...base, restores: [restore('restore-acm-passive-sync', 'Running', { sync: true, mc: 'latest' })] });
    expect(running.steps[1]).toMatchObject({ status: 'active', detail: { params: { phase: 'Running' } } });
    const error = promotionState({
      ...base,
      restores: [restore('restore-acm-passive-sync', 'Error', { sync: true, mc: 'latest', lastMessage: 'Backup storage location not available' })],
    });
    expect(error.failed?.step).toBe('restore');
    expect(error.failed?.reason.params).toMatchObject({ message: 'Backup storage location not available' });
    expect(error.failed?.manualCommand).toContain('oc describe restore.cluster.open-cluster-management.io restore-acm-passive-sync -n open-cluster-management-backup');
    expect(error.failed?.manualCommand).toContain(`name: ${ACTIVATION_RESTORE_NAME}`);
    expect(error.current).toBe('restore');
  });

  it('step 3: clusters reconnecting, and those the operator could not import', () => {
    const activated = restore('restore-acm-passive-sync', 'Finished', {
      sync: true,
      mc: 'latest',
      messages: ['Cannot reimport cluster eks-1, no serverUrl property', 'Created auto-import-secret for (imported-1)'],
    });
    const clusters = [cluster('local-cluster', { local: true }), cluster('imported-1', { available: false }), cluster('eks-1', { url: false, available: false }), cluster('hive-1')];
    const waiting = promotionState({ ...base, restores: [activated], managedClusters: clusters });
    expect(waiting.current).toBe('reconnect');
    expect(waiting.clusters).toEqual({ total: 3, available: 1, waiting: ['imported-1'], needManualImport: ['eks-1'] });
    expect(waiting.canCreateSchedule).toBe(true);
    expect(statuses(waiting)).toEqual(['done', 'done', 'active', 'active', 'pending']);

    const reconnected = promotionState({ ...base, restores: [activated], managedClusters: clusters.map((c) => (c.metadata?.name === 'imported-1' ? cluster('imported-1') : c)) });
    expect(reconnected.steps[2].status).toBe('done');
    expect(reconnected.steps[2].detail?.params).toMatchObject({ names: 'eks-1' });
    expect(reconnected.current).toBe('schedule');
  });

  it('step 4 is done once the schedule exists; clusters still reconnecting do not hold the flow', () => {
    const activated = restore('restore-acm-passive-sync', 'Finished', { sync: true, mc: 'latest' });
    const s = promotionState({
      ...base,
      restores: [activated],
      schedules: [schedule('New')],
      managedClusters: [cluster('local-cluster', { local: true }), cluster('imported-1', { available: false })],
    });
    expect(s.steps[3].status).toBe('done');
    expect(s.current).toBe('verify');
    expect(s.canCreateSchedule).toBe(false);
  });

  it('step 5 is verified by an Enabled schedule and a backup this hub wrote since', () => {
    const activated = restore('restore-acm-passive-sync', 'Finished', { sync: true, mc: 'latest' });
    const enabled = { ...base, restores: [activated], schedules: [schedule('Enabled')] };
    // The operator's immediate first backup is running: newest in storage, not yet proof.
    const running = backup('resources', '20250601121000', ME, { phase: 'InProgress' });
    const waiting = promotionState({ ...enabled, backups: [...base.backups, running] });
    expect(waiting.failed).toBeUndefined();
    expect(waiting.steps[4]).toMatchObject({ status: 'active' });
    expect(waiting.steps[4].detail?.key).toMatch(/waiting for this hub's first completed backup/);
    const mine = backup('resources', '20250601121000', ME);
    const done = promotionState({ ...enabled, backups: [...base.backups, mine] });
    expect(done.steps[4].status).toBe('done');
    expect(done.current).toBe('done');
    expect(done.failed).toBeUndefined();
  });

  it('step 5 fails on a collision, with the reason and the commands', () => {
    const activated = restore('restore-acm-passive-sync', 'Finished', { sync: true, mc: 'latest' });
    const oldKeepsWriting = [...base.backups, backup('resources', '20250601121000', ME), backup('resources', '20250601121500', OLD)];
    const s = promotionState({ ...base, restores: [activated], schedules: [schedule('Enabled', { created: '2025-06-01T12:05:00Z' })], backups: oldKeepsWriting });
    expect(s.failed?.step).toBe('verify');
    expect(s.failed?.reason.params).toMatchObject({ others: OLD });
    expect(s.failed?.manualCommand).toContain('oc delete backupschedule.cluster.open-cluster-management.io schedule-acm-msa -n open-cluster-management-backup');
    const byOperator = promotionState({ ...base, restores: [activated], schedules: [schedule('BackupCollision', { message: 'x' })] });
    expect(byOperator.failed?.step).toBe('verify');
    expect(byOperator.steps[3].status).toBe('done');
  });

  it('a Failed schedule fails step 5; FailedValidation is retried by the operator and stays active', () => {
    const activated = restore('restore-acm-passive-sync', 'Finished', { sync: true, mc: 'latest' });
    expect(promotionState({ ...base, restores: [activated], schedules: [schedule('Failed', { message: 'boom' })] }).failed?.step).toBe('verify');
    const fv = promotionState({ ...base, restores: [activated], schedules: [schedule('FailedValidation', { message: 'Backup storage location is not available.' })] });
    expect(fv.failed).toBeUndefined();
    expect(fv.steps[4].status).toBe('active');
  });

  it('a one-time activation restore created for the promotion is followed the same way', () => {
    const once = restore('restore-acm-passive', 'Finished', { created: '2025-05-20T00:00:00Z' });
    const act = restore(ACTIVATION_RESTORE_NAME, 'Started', { mc: 'latest', creds: 'skip', res: 'skip', created: '2025-06-01T12:10:00Z' });
    const s = promotionState({ ...base, restores: [once, act] });
    expect(s.activationRestore).toBe(act);
    expect(statuses(s).slice(0, 2)).toEqual(['done', 'active']);
  });
});
