import { LABELS, VELERO_SCHEDULE_NAMES, type BackupType } from '../k8s/names';
import type {
  BackupSchedule,
  BackupStorageLocation,
  DataProtectionApplication,
  K8sObject,
  ManagedCluster,
  ManagedServiceAccount,
  Restore,
  VeleroBackup,
} from '../k8s/types';
import type { PolicyHealth, TemplateHealth } from './policyHealth';
import {
  clusterReconnection,
  drReadiness,
  primaryIntervalMs,
  restoredBackupName,
  verdictOf,
  type ReadinessCheck,
  type ReadinessCheckId,
  type ReadinessInput,
  type Watched,
} from './readiness';

const NOW = new Date('2025-06-01T12:30:00Z');
const ME = 'hub-a-id';
const OTHER = 'hub-b-id';

const ok = <T>(data: T): Watched<T> => ({ data, loaded: true });
const loading = <T>(data: T): Watched<T> => ({ data, loaded: false });
const failed = <T>(data: T): Watched<T> => ({ data, loaded: true, error: { code: 403 } });

const iso = (ts: string) => `${ts.slice(0, 4)}-${ts.slice(4, 6)}-${ts.slice(6, 8)}T${ts.slice(8, 10)}:${ts.slice(10, 12)}:${ts.slice(12, 14)}Z`;

const backup = (type: BackupType, ts: string, hub = ME, phase = 'Completed', ttl?: string): VeleroBackup => ({
  metadata: {
    name: `${VELERO_SCHEDULE_NAMES[type]}-${ts}`,
    labels: {
      [LABELS.veleroScheduleName]: VELERO_SCHEDULE_NAMES[type],
      [LABELS.scheduleType]: type,
      [LABELS.backupCluster]: hub,
      [LABELS.scheduleName]: 'schedule-acm',
    },
  },
  spec: ttl ? { ttl } : {},
  status: { phase, startTimestamp: iso(ts) },
});

const backupSet = (ts: string, hub = ME, types: BackupType[] = ['credentials', 'resources', 'resourcesGeneric', 'managedClusters']) =>
  types.map((t) => backup(t, ts, hub));

const schedule = (phase: string, opts: { paused?: boolean; cron?: string; msa?: boolean; message?: string } = {}): BackupSchedule => ({
  metadata: { name: 'schedule-acm', creationTimestamp: '2025-05-01T00:00:00Z' },
  spec: {
    veleroSchedule: opts.cron ?? '0 */1 * * *',
    ...(opts.paused ? { paused: true } : {}),
    ...(opts.msa ? { useManagedServiceAccount: true } : {}),
  },
  status: {
    phase,
    lastMessage: opts.message,
    veleroScheduleResources: {
      metadata: { name: VELERO_SCHEDULE_NAMES.resources, creationTimestamp: '2025-05-01T00:00:00Z', labels: { [LABELS.backupCluster]: ME } },
    },
  },
});

const syncRestore = (phase: string, restored?: string, extra: Partial<Restore['spec']> = {}): Restore => ({
  metadata: { name: 'restore-acm-passive-sync', creationTimestamp: '2025-05-01T00:00:00Z' },
  spec: {
    cleanupBeforeRestore: 'CleanupRestored',
    veleroManagedClustersBackupName: 'skip',
    veleroCredentialsBackupName: 'latest',
    veleroResourcesBackupName: 'latest',
    syncRestoreWithNewBackups: true,
    restoreSyncInterval: '10m',
    ...extra,
  },
  status: {
    phase,
    ...(restored
      ? {
          veleroResourcesRestoreName: `restore-acm-passive-sync-acm-resources-schedule-${restored}`,
          veleroCredentialsRestoreName: `restore-acm-passive-sync-acm-credentials-schedule-${restored}`,
        }
      : {}),
  },
});

const bsl = (phase = 'Available'): BackupStorageLocation => ({ metadata: { name: 'default' }, status: { phase, message: phase === 'Available' ? undefined : 'bucket not found' } });
const dpa = (reconciled = 'True'): DataProtectionApplication => ({
  metadata: { name: 'dpa' },
  status: { conditions: [{ type: 'Reconciled', status: reconciled, reason: reconciled === 'True' ? 'Complete' : 'Error', message: 'secret missing' }] },
});

const template = (name: string, compliance: TemplateHealth['compliance']): TemplateHealth => ({
  name,
  title: { key: name },
  compliance,
  history: [],
  remedy: { key: 'remedy' },
  known: true,
  policy: 'backup-restore-enabled',
});
const policy = (state: PolicyHealth['state'] = 'compliant', templates: TemplateHealth[] = [template('oadp-pod-running', 'Compliant'), template('velero-pod-running', 'Compliant')]): PolicyHealth => ({
  state,
  templates,
});

const cluster = (name: string, opts: { url?: boolean; available?: boolean; hive?: boolean; local?: boolean } = {}): ManagedCluster => ({
  metadata: {
    name,
    labels: opts.local ? { 'local-cluster': 'true' } : {},
    annotations: opts.hive ? { 'open-cluster-management/created-via': 'hive' } : {},
  },
  spec: opts.url === false ? {} : { managedClusterClientConfigs: [{ url: `https://api.${name}:6443` }] },
  status: { conditions: [{ type: 'ManagedClusterConditionAvailable', status: opts.available === false ? 'Unknown' : 'True' }] },
});
const msa = (namespace: string, opts: { token?: boolean; expires?: string } = {}): ManagedServiceAccount => ({
  metadata: { name: 'auto-import-account', namespace },
  status: {
    ...(opts.token === false ? {} : { tokenSecretRef: { name: 'auto-import-account' } }),
    ...(opts.expires ? { expirationTimestamp: opts.expires } : {}),
  },
});

/** A primary that writes hourly backups, the last set at 12:00, with everything in place. */
const healthyPrimary = (): ReadinessInput => ({
  now: NOW,
  thisHubId: ME,
  crdServed: { backupSchedule: true, dataProtectionApplication: true, managedServiceAccount: true },
  schedules: ok([schedule('Enabled', { msa: true })]),
  restores: ok([]),
  backups: ok([...backupSet('20250601110000'), ...backupSet('20250601120000')]),
  storageLocations: ok([bsl()]),
  dataProtectionApplications: ok([dpa()]),
  policy: policy(),
  managedClusters: ok([cluster('local-cluster', { local: true }), cluster('imported-1'), cluster('hive-1', { hive: true })]),
  managedServiceAccounts: ok([msa('imported-1')]),
});

/** A passive hub syncing from the other hub, up to date. */
const healthyPassive = (): ReadinessInput => ({
  ...healthyPrimary(),
  thisHubId: ME,
  schedules: ok([]),
  restores: ok([syncRestore('Enabled', '20250601120000')]),
  backups: ok([...backupSet('20250601100000', OTHER), ...backupSet('20250601110000', OTHER), ...backupSet('20250601120000', OTHER)]),
  managedClusters: ok([cluster('local-cluster', { local: true })]),
  managedServiceAccounts: ok([]),
});

const byId = (checks: ReadinessCheck[], id: ReadinessCheckId) => {
  const c = checks.find((x) => x.id === id);
  if (!c) throw new Error(`no check ${id}`);
  return c;
};

const run = (patch: Partial<ReadinessInput> = {}, base = healthyPrimary()) => drReadiness({ ...base, ...patch });

describe('drReadiness — a healthy primary', () => {
  it('is ready, with every check passing in the documented order', () => {
    const r = run();
    expect(r.checks.map((c) => c.id)).toEqual([
      'operator',
      'oadpVelero',
      'dataProtectionApplication',
      'storageLocation',
      'schedule',
      'backupFreshness',
      'collision',
      'policy',
      'autoImport',
    ]);
    expect(r.checks.filter((c) => c.status !== 'pass')).toEqual([]);
    expect(r.verdict).toBe('ready');
    expect(r.verdictLabel.key).toBe('Ready to recover');
    expect(r.role?.role).toBe('primary');
    expect(r.backupAges.map((a) => [a.type, a.rpo.severity])).toEqual([
      ['credentials', 'healthy'],
      ['resources', 'healthy'],
      ['resourcesGeneric', 'healthy'],
      ['managedClusters', 'healthy'],
    ]);
    expect(byId(r.checks, 'schedule').fixPage).toBe('schedules');
    expect(byId(r.checks, 'policy').fixPage).toBe('validation');
  });
});

describe('drReadiness — each rule', () => {
  it('operator: missing API → not protected; unknown discovery → unknown', () => {
    const missing = run({ crdServed: { backupSchedule: false, dataProtectionApplication: true } });
    expect(byId(missing.checks, 'operator')).toMatchObject({ status: 'fail', blocking: true, fixPage: 'overview' });
    expect(byId(missing.checks, 'schedule').status).toBe('notApplicable');
    expect(missing.verdict).toBe('notProtected');
    const pending = run({ crdServed: { dataProtectionApplication: true, managedServiceAccount: true } });
    expect(byId(pending.checks, 'operator').status).toBe('unknown');
    expect(pending.verdict).toBe('unknown');
  });

  it('OADP and Velero pods: read through the policy templates', () => {
    const down = run({ policy: policy('noncompliant', [template('oadp-pod-running', 'Compliant'), template('velero-pod-running', 'NonCompliant')]) });
    expect(byId(down.checks, 'oadpVelero')).toMatchObject({ status: 'fail', blocking: true });
    expect(byId(down.checks, 'oadpVelero').detail.params).toEqual({ pods: 'Velero' });
    expect(down.verdict).toBe('notProtected');
    expect(byId(run({ policy: { state: 'missing', templates: [] } }).checks, 'oadpVelero').status).toBe('unknown');
    expect(byId(run({ policy: policy('pending', [template('oadp-pod-running', 'Pending')]) }).checks, 'oadpVelero').status).toBe('unknown');
  });

  it('DataProtectionApplication: absent, not served, failing, unreadable', () => {
    expect(byId(run({ dataProtectionApplications: ok([]) }).checks, 'dataProtectionApplication')).toMatchObject({ status: 'fail', blocking: true });
    expect(byId(run({ crdServed: { backupSchedule: true, dataProtectionApplication: false } }).checks, 'dataProtectionApplication').status).toBe('fail');
    const warn = run({ dataProtectionApplications: ok([dpa('False')]) });
    expect(byId(warn.checks, 'dataProtectionApplication').status).toBe('warn');
    expect(warn.verdict).toBe('atRisk');
    expect(byId(run({ dataProtectionApplications: failed([]) }).checks, 'dataProtectionApplication').status).toBe('unknown');
  });

  it('storage location: Available passes, anything else blocks, loading is unknown', () => {
    expect(byId(run({ storageLocations: ok([bsl('Unavailable')]) }).checks, 'storageLocation')).toMatchObject({ status: 'fail', blocking: true });
    expect(byId(run({ storageLocations: ok([]) }).checks, 'storageLocation').status).toBe('fail');
    expect(byId(run({ storageLocations: ok([bsl('Unavailable'), bsl()]) }).checks, 'storageLocation').status).toBe('pass');
    const l = run({ storageLocations: loading([]) });
    expect(byId(l.checks, 'storageLocation').status).toBe('unknown');
    expect(l.verdict).toBe('unknown');
  });

  it('schedule: none on a standalone hub is not protected', () => {
    const r = run({ schedules: ok([]) });
    expect(byId(r.checks, 'schedule')).toMatchObject({ status: 'fail', blocking: true });
    expect(byId(r.checks, 'backupFreshness').status).toBe('notApplicable');
    expect(r.verdict).toBe('notProtected');
  });

  it('schedule: paused is a warning, failing and collided are blockers, new is a transition', () => {
    expect(byId(run({ schedules: ok([schedule('Paused', { paused: true })]) }).checks, 'schedule').status).toBe('warn');
    expect(byId(run({ schedules: ok([schedule('FailedValidation', { message: 'x' })]) }).checks, 'schedule')).toMatchObject({ status: 'fail', blocking: true });
    expect(byId(run({ schedules: ok([schedule('BackupCollision')]) }).checks, 'schedule')).toMatchObject({ status: 'fail', blocking: true });
    const fresh = run({ schedules: ok([schedule('New')]) });
    expect(byId(fresh.checks, 'schedule').status).toBe('warn');
    expect(fresh.role?.role).toBe('transition');
  });

  it('schedule: unreadable schedules make the role, and the checks that need it, unknown', () => {
    const r = run({ schedules: failed([]) });
    expect(['schedule', 'backupFreshness', 'collision', 'autoImport'].map((id) => byId(r.checks, id as ReadinessCheckId).status)).toEqual([
      'unknown',
      'unknown',
      'unknown',
      'unknown',
    ]);
    expect(r.verdict).toBe('unknown');
  });

  it('backup freshness: 2× the interval warns, 3× fails without blocking, a missing type blocks', () => {
    const twoHours = run({ now: new Date('2025-06-01T14:10:00Z') });
    expect(byId(twoHours.checks, 'backupFreshness').status).toBe('warn');
    expect(twoHours.verdict).toBe('atRisk');
    const threeHours = run({ now: new Date('2025-06-01T15:10:00Z') });
    expect(byId(threeHours.checks, 'backupFreshness')).toMatchObject({ status: 'fail', blocking: false });
    expect(threeHours.verdict).toBe('atRisk');
    const noClusters = run({ backups: ok([...backupSet('20250601120000', ME, ['credentials', 'resources'])]) });
    expect(byId(noClusters.checks, 'backupFreshness')).toMatchObject({ status: 'fail', blocking: true, items: ['managedClusters'] });
    expect(noClusters.verdict).toBe('notProtected');
  });

  it('backup freshness: only this hub\'s backups count, the interval comes from the cron, unreadable cron is unknown', () => {
    const othersOnly = run({ backups: ok(backupSet('20250601120000', OTHER)) });
    expect(byId(othersOnly.checks, 'backupFreshness').status).toBe('fail');
    // every 6 hours: a backup 3h old is fine
    const sixHourly = run({ schedules: ok([schedule('Enabled', { cron: '0 */6 * * *', msa: true })]), now: new Date('2025-06-01T15:00:00Z') });
    expect(byId(sixHourly.checks, 'backupFreshness').status).toBe('pass');
    expect(byId(run({ schedules: ok([schedule('Enabled', { cron: 'not a cron', msa: true })]) }).checks, 'backupFreshness').status).toBe('unknown');
  });

  it('backup freshness: the first backups of a new schedule are awaited, not a blocker', () => {
    const r = run({ schedules: ok([schedule('New')]), backups: ok([]) });
    expect(byId(r.checks, 'backupFreshness').status).toBe('warn');
  });

  it('collision: another hub wrote the newest backup', () => {
    const r = run({ backups: ok([...backupSet('20250601110000'), backup('resources', '20250601120000', OTHER), ...backupSet('20250601120000', ME, ['credentials', 'managedClusters'])]) });
    expect(byId(r.checks, 'collision')).toMatchObject({ status: 'fail', items: [OTHER] });
    expect(r.collision?.source).toBe('storage');
    expect(r.verdict).toBe('atRisk');
  });

  it('collision: unreadable backups leave it unknown', () => {
    const r = run({ backups: failed([]) });
    expect(byId(r.checks, 'collision').status).toBe('unknown');
    expect(byId(r.checks, 'backupFreshness').status).toBe('unknown');
  });

  it('collision: the operator\'s BackupCollision is reported and the hub is not protected', () => {
    const r = run({ schedules: ok([schedule('BackupCollision', { message: 'Backup acm-resources-schedule-20250601120000, from cluster with id [hub-b-id] is using the same storage location. This is a backup collision with current cluster [hub-a-id] backup.' })]) });
    expect(byId(r.checks, 'collision').status).toBe('fail');
    expect(r.collision).toMatchObject({ source: 'operator', otherHubIds: [OTHER] });
    expect(r.verdict).toBe('notProtected');
  });

  it('validation policy: non-compliant and missing warn (never healthy), unread is unknown', () => {
    const nc = run({ policy: policy('noncompliant', [template('oadp-pod-running', 'Compliant'), template('velero-pod-running', 'Compliant'), template('backup-schedule-cron-enabled', 'NonCompliant')]) });
    expect(byId(nc.checks, 'policy')).toMatchObject({ status: 'warn', items: ['backup-schedule-cron-enabled'] });
    const missing = run({ policy: { state: 'missing', missingReason: { key: 'not self-managed' }, templates: [] } });
    expect(byId(missing.checks, 'policy')).toMatchObject({ status: 'warn', detail: { key: 'not self-managed' } });
    expect(missing.verdict).not.toBe('ready');
    expect(byId(run({ policy: undefined }).checks, 'policy').status).toBe('unknown');
  });

  it('auto-import: imported clusters without a token or a server URL are counted and named', () => {
    const r = run({
      managedClusters: ok([cluster('local-cluster', { local: true }), cluster('imported-1'), cluster('imported-2'), cluster('eks-1', { url: false }), cluster('hive-1', { hive: true })]),
    });
    const c = byId(r.checks, 'autoImport');
    expect(c).toMatchObject({ status: 'warn', items: ['imported-2', 'eks-1'] });
    expect(c.detail.params).toMatchObject({ count: 2, imported: 3, noToken: 1, noUrl: 1 });
    expect(r.verdict).toBe('atRisk');
  });

  it('auto-import: clusters without a server URL are named but do not put the hub at risk', () => {
    const r = run({
      managedClusters: ok([cluster('local-cluster', { local: true }), cluster('imported-1'), cluster('eks-1', { url: false }), cluster('hive-1', { hive: true })]),
    });
    const c = byId(r.checks, 'autoImport');
    expect(c).toMatchObject({ status: 'pass', items: ['eks-1'] });
    expect(c.detail.params).toEqual({ noUrl: 1 });
    expect(r.verdict).toBe('ready');
  });

  it('auto-import: an expired token does not count, a token secret does', () => {
    const expired = run({ managedServiceAccounts: ok([msa('imported-1', { expires: '2025-05-01T00:00:00Z' })]) });
    expect(byId(expired.checks, 'autoImport').status).toBe('warn');
    const secret: K8sObject = { metadata: { name: 'auto-import-account', namespace: 'imported-1' } };
    const viaSecret = run({ managedServiceAccounts: ok([]), msaTokenSecrets: ok([secret]) });
    expect(byId(viaSecret.checks, 'autoImport').status).toBe('pass');
  });

  it('auto-import: suggests useManagedServiceAccount when the schedule does not use it', () => {
    const r = run({ schedules: ok([schedule('Enabled')]), managedServiceAccounts: ok([]) });
    expect(byId(r.checks, 'autoImport').detail.key).toMatch(/Turn on useManagedServiceAccount/);
  });

  it('auto-import: Hive only passes, no clusters is not applicable, unreadable MSAs are unknown', () => {
    expect(byId(run({ managedClusters: ok([cluster('local-cluster', { local: true }), cluster('hive-1', { hive: true })]) }).checks, 'autoImport').status).toBe('pass');
    // A ClusterDeployment in the cluster's namespace marks it Hive-created too.
    const cd = run({ managedClusters: ok([cluster('local-cluster', { local: true }), cluster('cd-1')]), clusterDeployments: ok([{ metadata: { name: 'cd-1', namespace: 'cd-1' } }]) });
    expect(byId(cd.checks, 'autoImport').status).toBe('pass');
    expect(byId(run({ managedClusters: ok([cluster('local-cluster', { local: true })]) }).checks, 'autoImport').status).toBe('notApplicable');
    expect(byId(run({ managedServiceAccounts: failed([]) }).checks, 'autoImport').status).toBe('unknown');
    expect(byId(run({ managedClusters: loading([]) }).checks, 'autoImport').status).toBe('unknown');
  });

  it('auto-import: without the MSA component every imported cluster needs a manual import', () => {
    const r = run({ crdServed: { backupSchedule: true, dataProtectionApplication: true, managedServiceAccount: false }, managedServiceAccounts: failed([]) });
    expect(byId(r.checks, 'autoImport')).toMatchObject({ status: 'warn', items: ['imported-1'] });
  });
});

describe('drReadiness — a passive hub', () => {
  it('is judged on its sync restore and the freshness of its copy', () => {
    const r = run({}, healthyPassive());
    expect(r.role?.role).toBe('passive');
    expect(r.checks.map((c) => c.id)).toEqual([
      'operator',
      'oadpVelero',
      'dataProtectionApplication',
      'storageLocation',
      'syncRestore',
      'passiveFreshness',
      'collision',
      'policy',
      'autoImport',
    ]);
    expect(byId(r.checks, 'syncRestore').status).toBe('pass');
    expect(byId(r.checks, 'passiveFreshness').status).toBe('pass');
    expect(byId(r.checks, 'collision').status).toBe('notApplicable');
    expect(byId(r.checks, 'autoImport').status).toBe('notApplicable');
    expect(r.verdict).toBe('ready');
  });

  it('sync restore: errors block, errors-with-retry and one-time copies warn', () => {
    expect(byId(run({ restores: ok([syncRestore('Error', '20250601120000')]) }, healthyPassive()).checks, 'syncRestore')).toMatchObject({ status: 'fail', blocking: true });
    expect(byId(run({ restores: ok([syncRestore('EnabledWithErrors', '20250601120000')]) }, healthyPassive()).checks, 'syncRestore').status).toBe('warn');
    const once = syncRestore('Finished', '20250601120000', { syncRestoreWithNewBackups: false });
    expect(byId(run({ restores: ok([once]) }, healthyPassive()).checks, 'syncRestore').status).toBe('warn');
  });

  it('passive data: behind for longer than the sync interval warns', () => {
    const behind = run({ restores: ok([syncRestore('Enabled', '20250601110000')]) }, healthyPassive());
    expect(byId(behind.checks, 'passiveFreshness').status).toBe('warn');
    // Within the sync interval the next sync picks the new backups up.
    const soon = run({ restores: ok([syncRestore('Enabled', '20250601110000')]), now: new Date('2025-06-01T12:05:00Z') }, healthyPassive());
    expect(byId(soon.checks, 'passiveFreshness').status).toBe('pass');
  });

  it('passive data: a primary that stopped writing is reported with its age', () => {
    const later = run({ now: new Date('2025-06-01T14:30:00Z') }, healthyPassive());
    expect(byId(later.checks, 'passiveFreshness').status).toBe('warn');
    expect(byId(later.checks, 'passiveFreshness').detail.params).toMatchObject({ age: '2h 30m', interval: '1h' });
    const muchLater = run({ now: new Date('2025-06-01T16:00:00Z') }, healthyPassive());
    expect(byId(muchLater.checks, 'passiveFreshness')).toMatchObject({ status: 'fail', blocking: false });
  });

  it('a schedule next to the sync restore is a blocking conflict', () => {
    const r = run({ schedules: ok([schedule('FailedValidation')]) }, healthyPassive());
    expect(byId(r.checks, 'syncRestore')).toMatchObject({ status: 'fail', blocking: true });
    expect(r.verdict).toBe('notProtected');
  });
});

describe('verdictOf', () => {
  const c = (status: ReadinessCheck['status'], blocking = false): ReadinessCheck => ({
    id: 'operator',
    title: { key: 't' },
    status,
    detail: { key: 'd' },
    fixPage: 'overview',
    blocking: status === 'fail' && blocking,
  });
  it('orders not protected, at risk, unknown, ready', () => {
    expect(verdictOf([c('pass'), c('fail', true), c('warn'), c('unknown')])).toBe('notProtected');
    expect(verdictOf([c('pass'), c('fail'), c('unknown')])).toBe('atRisk');
    expect(verdictOf([c('pass'), c('warn')])).toBe('atRisk');
    expect(verdictOf([c('pass'), c('unknown'), c('notApplicable')])).toBe('unknown');
    expect(verdictOf([c('pass'), c('notApplicable')])).toBe('ready');
  });
});

describe('helpers', () => {
  it('primaryIntervalMs reads the heartbeat TTL, else the spacing of resources backups', () => {
    const heartbeat = backup('validation', '20250601120000', OTHER, 'Completed', '2h5m0s');
    expect(primaryIntervalMs([heartbeat], OTHER)).toBe(2 * 3600_000);
    const spaced = ['20250601060000', '20250601090000', '20250601120000', '20250601120013'].map((ts) => backup('resources', ts, OTHER));
    expect(primaryIntervalMs(spaced, OTHER)).toBe(3 * 3600_000);
    expect(primaryIntervalMs(spaced, ME)).toBeUndefined();
  });

  it('restoredBackupName reads `<restore>-<backup>[-active]`', () => {
    const r = syncRestore('Enabled', '20250601120000');
    expect(restoredBackupName(r, 'veleroResourcesRestoreName')).toBe('acm-resources-schedule-20250601120000');
    r.status = { veleroManagedClustersRestoreName: 'restore-acm-passive-sync-acm-managed-clusters-schedule-20250601120000-active' };
    expect(restoredBackupName(r, 'veleroManagedClustersRestoreName')).toBe('acm-managed-clusters-schedule-20250601120000');
    expect(restoredBackupName(r, 'veleroResourcesRestoreName')).toBeUndefined();
  });

  it('clusterReconnection lists clusters named only by restored data on a passive hub', () => {
    const r = clusterReconnection({
      now: NOW,
      managedClusters: ok([cluster('local-cluster', { local: true })]),
      managedServiceAccounts: ok([msa('imported-1'), msa('imported-2', { token: false })]),
      clusterDeployments: ok([{ metadata: { name: 'hive-1', namespace: 'hive-1' } }]),
    });
    expect(r.clusters.map((c) => [c.name, c.how, c.visible])).toEqual([
      ['hive-1', 'hive', false],
      ['imported-1', 'msa', false],
      ['imported-2', 'none', false],
    ]);
    expect(r).toMatchObject({ hive: 1, imported: 2 });
    expect(r.wontReconnect.map((c) => [c.name, c.reason])).toEqual([['imported-2', 'noToken']]);
  });
});
