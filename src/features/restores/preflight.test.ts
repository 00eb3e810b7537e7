import { BACKUP_NAMESPACE, LABELS, VELERO_SCHEDULE_NAMES, type BackupType } from '../../k8s/names';
import type { BackupSchedule, Restore, VeleroBackup } from '../../k8s/types';
import { presetInput, type RestoreFormInput } from '../../operand/restore';
import { backupCadenceMs, oldPrimaryCheck, resolveBackups, restorePreflight } from './preflight';
import { timestampSuffix } from '../../insight/backups';

const HOUR = 3600_000;
const NOW = new Date(Date.UTC(2025, 5, 1, 12, 0, 0));
const OTHER = 'hub-old';
const THIS = 'hub-new';

/** Velero's timestamp suffix, as the schedules name their backups (§1). */
const suffix = timestampSuffix;

const backup = (type: BackupType, at: Date, writer = OTHER, phase = 'Completed'): VeleroBackup => ({
  metadata: {
    name: `${VELERO_SCHEDULE_NAMES[type]}-${suffix(at)}`,
    namespace: BACKUP_NAMESPACE,
    labels: { [LABELS.veleroScheduleName]: VELERO_SCHEDULE_NAMES[type], [LABELS.scheduleType]: type, [LABELS.backupCluster]: writer },
  },
  status: { phase, startTimestamp: at.toISOString() },
});

/** Hourly backup sets of every type, the newest `newestAgeMs` before NOW. */
const hourly = (count: number, newestAgeMs: number, writer = OTHER): VeleroBackup[] => {
  const out: VeleroBackup[] = [];
  for (let i = 0; i < count; i++) {
    const at = new Date(NOW.getTime() - newestAgeMs - i * HOUR);
    for (const type of ['credentials', 'resources', 'resourcesGeneric', 'managedClusters', 'validation'] as BackupType[]) out.push(backup(type, at, writer));
  }
  return out;
};

const schedule = (phase: string): BackupSchedule => ({ metadata: { name: 'schedule-acm', namespace: BACKUP_NAMESPACE }, spec: { veleroSchedule: '0 * * * *' }, status: { phase } });
const restore = (name: string, phase: string, spec: Partial<Restore['spec']> = {}): Restore => ({
  metadata: { name, namespace: BACKUP_NAMESPACE },
  spec: { cleanupBeforeRestore: 'CleanupRestored', veleroManagedClustersBackupName: 'skip', veleroCredentialsBackupName: 'latest', veleroResourcesBackupName: 'latest', ...spec },
  status: { phase },
});

const run = (input: RestoreFormInput, over: Partial<Parameters<typeof restorePreflight>[0]> = {}) =>
  restorePreflight({ input, schedules: [], restores: [], backups: hourly(5, 10 * 60_000), hubId: THIS, now: NOW, ...over });

const statusOf = (p: ReturnType<typeof run>, id: string) => p.checks.filter((c) => c.id === id).map((c) => c.status);

describe('backupCadenceMs', () => {
  it('is the median gap between runs of one type and writer', () => {
    const backups = [...hourly(4, 0), backup('resources', new Date(NOW.getTime() - 30 * 60_000))];
    expect(backupCadenceMs(backups, 'resources', OTHER)).toBe(HOUR);
  });

  it('ignores backups of one run a few seconds apart, and needs two runs', () => {
    expect(backupCadenceMs([backup('resources', NOW), backup('resources', new Date(NOW.getTime() - 20_000))], 'resources')).toBeUndefined();
    expect(backupCadenceMs(hourly(1, 0), 'resources')).toBeUndefined();
  });

  it('counts only the given writer', () => {
    expect(backupCadenceMs([...hourly(3, 0, OTHER), ...hourly(1, 0, THIS)], 'resources', THIS)).toBeUndefined();
  });
});

describe('resolveBackups', () => {
  it('resolves latest as the operator does and leaves skipped types out', () => {
    const backups = [...hourly(2, 0), backup('credentials', new Date(NOW.getTime() + 1000), OTHER, 'Failed')];
    const resolved = resolveBackups(presetInput('passive', {}, NOW), backups);
    expect(resolved.map((r) => [r.type, r.name])).toEqual([
      ['credentials', `acm-credentials-schedule-${suffix(NOW)}`],
      ['resources', `acm-resources-schedule-${suffix(NOW)}`],
    ]);
  });
});

describe('restorePreflight', () => {
  it('passes a passive restore on a clean hub', () => {
    const p = run(presetInput('passiveSync', {}, NOW));
    expect(p.blocked).toBe(false);
    expect(p.checks.map((c) => [c.id, c.status])).toEqual([
      ['schedule', 'pass'],
      ['restore', 'pass'],
      ['backups', 'pass'],
    ]);
  });

  it.each([['Enabled'], ['New'], ['FailedValidation'], ['']])('refuses while a BackupSchedule is %s, naming it', (phase) => {
    const p = run(presetInput('full', {}, NOW), { schedules: [schedule(phase)] });
    expect(p.blocked).toBe(true);
    expect(p.checks[0]).toMatchObject({ id: 'schedule', status: 'error', message: { params: { name: 'schedule-acm' } } });
  });

  it.each([['Paused'], ['BackupCollision']])('does not mind a BackupSchedule in %s', (phase) => {
    expect(statusOf(run(presetInput('full', {}, NOW), { schedules: [schedule(phase)] }), 'schedule')).toEqual(['pass']);
  });

  it.each([['Started'], ['Running'], ['Enabled'], ['EnabledWithErrors'], ['Error'], ['']])('refuses while another restore is %s', (phase) => {
    const p = run(presetInput('passive', {}, NOW), { restores: [restore('restore-other', phase)] });
    expect(p.blocked).toBe(true);
    expect(statusOf(p, 'restore')).toEqual(['error']);
  });

  it('points a second restore next to a syncing one to activation instead', () => {
    const p = run(presetInput('activation', {}, NOW), { restores: [restore('restore-sync', 'Enabled', { syncRestoreWithNewBackups: true })] });
    expect(p.checks.find((c) => c.id === 'restore')?.message.key).toMatch(/activate \{\{name\}\} from the restore history/);
  });

  it.each([['Finished'], ['FinishedWithErrors']])('lets a new restore follow one that is %s', (phase) => {
    expect(statusOf(run(presetInput('passive', {}, NOW), { restores: [restore('restore-old', phase)] }), 'restore')).toEqual(['pass']);
  });

  it('refuses a name that exists', () => {
    const p = run(presetInput('passive', { name: 'restore-old' }, NOW), { restores: [restore('restore-old', 'Finished')] });
    expect(statusOf(p, 'name')).toEqual(['error']);
  });

  it('refuses when latest finds no usable backup of a type', () => {
    const p = run(presetInput('full', {}, NOW), { backups: hourly(3, 0).filter((b) => !b.metadata?.name?.startsWith('acm-managed-clusters')) });
    expect(p.blocked).toBe(true);
    expect(p.checks.find((c) => c.id === 'backup-managedClusters')?.message.params).toEqual({ schedule: 'acm-managed-clusters-schedule' });
  });

  it('refuses a named backup that is gone or not restorable', () => {
    const failed = backup('resources', new Date(NOW.getTime() - 90 * 60_000), OTHER, 'Failed');
    const input = presetInput('byBackupName', {
      veleroCredentialsBackupName: 'acm-credentials-schedule-20200101000000',
      veleroResourcesBackupName: failed.metadata?.name,
      veleroManagedClustersBackupName: 'skip',
    }, NOW);
    const p = run(input, { backups: [...hourly(2, 0), failed] });
    expect(statusOf(p, 'backup-credentials')).toEqual(['error']);
    expect(statusOf(p, 'backup-resources')).toEqual(['error']);
  });

  it('warns when the backups were written by this hub', () => {
    const p = run(presetInput('passive', {}, NOW), { backups: hourly(3, 0, THIS) });
    expect(statusOf(p, 'own-credentials')).toEqual(['warning']);
    expect(p.blocked).toBe(false);
  });

  it('warns when the backups are old against the interval their hub wrote them at', () => {
    const p = run(presetInput('passive', {}, NOW), { backups: hourly(4, 5 * HOUR) });
    expect(statusOf(p, 'age-resources')).toEqual(['warning']);
    expect(p.checks.find((c) => c.id === 'age-resources')?.message.params).toMatchObject({ age: '5h', interval: '1h', ratio: 5 });
    expect(statusOf(run(presetInput('passive', {}, NOW), { backups: hourly(4, 30 * 60_000) }), 'age-resources')).toEqual([]);
  });

  it('warns when managed clusters move while the old primary still writes backups', () => {
    const p = run(presetInput('activation', {}, NOW), { backups: hourly(4, 10 * 60_000), restores: [restore('restore-passive', 'Finished')] });
    expect(statusOf(p, 'primary')).toEqual(['warning']);
    expect(p.checks.find((c) => c.id === 'primary')?.message.params).toMatchObject({ hub: OTHER, age: '10m' });
    // Passive data exists, so no warning about it.
    expect(statusOf(p, 'passive-data')).toEqual([]);
  });

  it('says the old primary looks stopped when it has been silent for two intervals', () => {
    const p = run(presetInput('full', {}, NOW), { backups: hourly(4, 3 * HOUR) });
    expect(statusOf(p, 'primary')).toEqual(['pass']);
  });

  it('does not look for an old primary when the managed clusters stay', () => {
    expect(statusOf(run(presetInput('passive', {}, NOW)), 'primary')).toEqual([]);
  });

  it('leaves out the checks that need the backups when they could not be read', () => {
    const p = run(presetInput('full', {}, NOW), { backups: undefined });
    expect(p.checks.map((c) => c.id)).toEqual(['schedule', 'restore']);
    expect(p.blocked).toBe(false);
  });

  it('warns about activating managed clusters on a hub that has no passive data', () => {
    expect(statusOf(run(presetInput('activation', {}, NOW)), 'passive-data')).toEqual(['warning']);
    expect(statusOf(run(presetInput('activation', {}, NOW), { restores: [restore('restore-failed', 'Error')] }), 'passive-data')).toEqual(['warning']);
  });

  it('counts a syncing restore as passive data on this hub', () => {
    const p = run(presetInput('activation', {}, NOW), { restores: [restore('restore-sync', 'Enabled', { syncRestoreWithNewBackups: true })] });
    expect(statusOf(p, 'passive-data')).toEqual([]);
  });
});

describe('oldPrimaryCheck', () => {
  it('ignores this hub\'s own backups', () => {
    expect(oldPrimaryCheck({ backups: hourly(3, 0, THIS), hubId: THIS, now: NOW })).toBeUndefined();
  });

  it('falls back to an hour when the cadence is unknown', () => {
    expect(oldPrimaryCheck({ backups: hourly(1, 50 * 60_000), hubId: THIS, now: NOW })?.status).toBe('warning');
    expect(oldPrimaryCheck({ backups: hourly(1, 70 * 60_000), hubId: THIS, now: NOW })?.status).toBe('pass');
  });
});
