/**
 * The checks run before a Restore is created, in a fixed order: errors are what would make the
 * operator ignore or fail the restore (§2 Rules, backup lookup), warnings are what would let it
 * succeed at doing something the admin probably does not want. Pure, like the insight layer.
 */
import { msg, type Message } from '../../k8s/message';
import { LABELS, LATEST, SKIP, VELERO_SCHEDULE_NAMES } from '../../k8s/names';
import type { BackupSchedule, Restore, VeleroBackup } from '../../k8s/types';
import { normalizeBackupName } from '../../operand/resourceNames';
import type { RestoreFormInput } from '../../operand/restore';
import { goodBackups, rpoSeverity } from '../../insight/backups';
import { formatDurationShort } from '../../insight/format';
import { isRestoreActive, isRestoreSyncing } from '../../insight/restorePhase';
import { backupTime, findByName, latestBackupOfType, type RestoredType } from '../../insight/restoreObjects';

export type BackupField = 'veleroManagedClustersBackupName' | 'veleroCredentialsBackupName' | 'veleroResourcesBackupName';

/** The three backup names a Restore takes, in the order the form shows them. */
export const BACKUP_FIELDS: readonly { field: BackupField; type: Exclude<RestoredType, 'resourcesGeneric'> }[] = [
  { field: 'veleroCredentialsBackupName', type: 'credentials' },
  { field: 'veleroResourcesBackupName', type: 'resources' },
  { field: 'veleroManagedClustersBackupName', type: 'managedClusters' },
];

export type ResolvedBackup = {
  field: BackupField;
  type: Exclude<RestoredType, 'resourcesGeneric'>;
  /** `latest`, or the backup name asked for. */
  requested: string;
  backup?: VeleroBackup;
  name?: string;
  time?: Date;
  writer?: string;
};

export type PreflightStatus = 'pass' | 'warning' | 'error';

export type PreflightCheck = { id: string; status: PreflightStatus; message: Message };

export type Preflight = {
  checks: PreflightCheck[];
  /** Any error: the restore must not be created. */
  blocked: boolean;
  /** What each backup name resolves to now (skipped types are left out). */
  resolved: ResolvedBackup[];
};

export type PreflightInput = {
  input: RestoreFormInput;
  schedules: readonly BackupSchedule[];
  restores: readonly Restore[];
  /** Undefined when the backups could not be read: the checks that need them are left out. */
  backups: readonly VeleroBackup[] | undefined;
  /** This hub's cluster id (§1), when known. */
  hubId?: string;
  now: Date;
};

const SCHEDULE_NOT_BLOCKING = ['Paused', 'BackupCollision'];

/** Backups of one schedule run within a minute of each other are one run, not a cadence. */
const SAME_RUN_MS = 60_000;

/**
 * How often a hub wrote backups of a type, read from the backups themselves: the schedule that
 * wrote them usually lives on another hub, so its cron expression is not visible here. The
 * median gap resists the odd missed or extra backup; undefined with fewer than two runs.
 */
export const backupCadenceMs = (backups: readonly VeleroBackup[], type: string, writer?: string): number | undefined => {
  const times = goodBackups(backups)
    .filter((g) => g.type === type && (writer === undefined || g.writer === writer))
    .map((g) => g.time.getTime());
  const gaps: number[] = [];
  for (let i = 1; i < times.length; i++) {
    const gap = times[i] - times[i - 1];
    if (gap > SAME_RUN_MS) gaps.push(gap);
  }
  if (gaps.length === 0) return undefined;
  gaps.sort((a, b) => a - b);
  return gaps[Math.floor(gaps.length / 2)];
};


/** What each backup name of the form would restore if the Restore were created now. */
export const resolveBackups = (input: RestoreFormInput, backups: readonly VeleroBackup[]): ResolvedBackup[] =>
  BACKUP_FIELDS.flatMap(({ field, type }) => {
    const requested = normalizeBackupName(input[field] ?? '');
    if (requested === SKIP || requested === '') return [];
    const backup = requested === LATEST ? latestBackupOfType(backups, type) : findByName(backups, requested);
    const resolved: ResolvedBackup = { field, type, requested };
    if (backup) {
      resolved.backup = backup;
      resolved.name = backup.metadata?.name;
      const time = backupTime(backup);
      if (time) resolved.time = time;
      const writer = backup.metadata?.labels?.[LABELS.backupCluster];
      if (writer) resolved.writer = writer;
    }
    return [resolved];
  });

const restoresManagedClusters = (input: RestoreFormInput): boolean => {
  const mc = normalizeBackupName(input.veleroManagedClustersBackupName ?? '');
  return mc !== SKIP && mc !== '';
};

const restoresHubData = (r: Restore): boolean =>
  [r.spec?.veleroCredentialsBackupName, r.spec?.veleroResourcesBackupName].some((v) => {
    const n = normalizeBackupName(v ?? '');
    return n !== '' && n !== SKIP;
  });

/**
 * Whether the hub that wrote the newest backups still writes them (§4: it must be shut down, or
 * paused with auto-import disabled, before its managed clusters move). Undefined when no other
 * hub's backup is visible.
 */
export const oldPrimaryCheck = ({ backups, hubId, now }: { backups: readonly VeleroBackup[]; hubId?: string; now: Date }): PreflightCheck | undefined => {
  const foreign = goodBackups(backups).filter((g) => g.writer !== undefined && g.writer !== hubId);
  const newest = foreign[foreign.length - 1];
  if (!newest) return undefined;
  const cadence = backupCadenceMs(backups, newest.type, newest.writer);
  // Without a cadence (a single run), an hour is as long as anyone schedules ACM backups in practice.
  const window = cadence !== undefined ? 2 * cadence : 60 * 60_000;
  const ageMs = now.getTime() - newest.time.getTime();
  if (ageMs < window) {
    return {
      id: 'primary',
      status: 'warning',
      message: msg(
        'Hub {{hub}} wrote backup {{name}} {{age}} ago, so it may still be running. Before moving its managed clusters here, shut it down, or pause its BackupSchedule and disable auto-import on its managed clusters; otherwise both hubs try to manage them.',
        { hub: newest.writer ?? '', name: newest.name, age: formatDurationShort(Math.max(0, ageMs)) },
      ),
    };
  }
  return {
    id: 'primary',
    status: 'pass',
    message: msg('Hub {{hub}}, which wrote these backups, has written none for {{age}}: it appears to be stopped.', {
      hub: newest.writer ?? '',
      age: formatDurationShort(ageMs),
    }),
  };
};

/** The checks, in the order an admin reads them: can it run at all, then is it what they want. */
export const restorePreflight = ({ input, schedules, restores, backups, hubId, now }: PreflightInput): Preflight => {
  const checks: PreflightCheck[] = [];
  const add = (id: string, status: PreflightStatus, message: Message) => checks.push({ id, status, message });
  const name = input.name.trim();
  const namespace = input.namespace?.trim();
  const inNamespace = <T extends { metadata?: { namespace?: string } }>(items: readonly T[]) =>
    items.filter((o) => !namespace || !o.metadata?.namespace || o.metadata.namespace === namespace);

  // 1. The name: a Restore runs once, so a second one of the same name is a mistake.
  if (name && inNamespace(restores).some((r) => r.metadata?.name === name)) {
    add('name', 'error', msg('A restore named {{name}} already exists. A restore runs only once: choose another name.', { name }));
  }

  // 2. §2 Rules: any BackupSchedule that is not Paused or BackupCollision makes the operator ignore the restore.
  const activeSchedules = inNamespace(schedules).filter((s) => !SCHEDULE_NOT_BLOCKING.includes(s.status?.phase ?? ''));
  if (activeSchedules.length > 0) {
    for (const s of activeSchedules) {
      add(
        'schedule',
        'error',
        msg(
          'BackupSchedule {{name}} is active (phase {{phase}}): the operator would ignore this restore and report "This resource is ignored because BackupSchedule resource {{name}} is currently active". Pause or delete the schedule first; a hub that writes backups cannot restore.',
          { name: s.metadata?.name ?? '', phase: s.status?.phase || '-' },
        ),
      );
    }
  } else {
    add('schedule', 'pass', msg('No BackupSchedule is active on this hub.'));
  }

  // 3. §2 Rules: only one restore at a time; anything not Finished/FinishedWithErrors counts.
  const running = inNamespace(restores).filter((r) => r.metadata?.name !== name && isRestoreActive(r));
  if (running.length > 0) {
    for (const r of running) {
      const phase = r.status?.phase ?? '';
      const syncing = phase === 'Enabled' || phase === 'EnabledWithErrors';
      add(
        'restore',
        'error',
        syncing
          ? msg(
              'Restore {{name}} keeps syncing passive data ({{phase}}) and counts as running: the operator would ignore this restore. To move the managed clusters here, activate {{name}} from the restore history instead; otherwise delete it first.',
              { name: r.metadata?.name ?? '', phase },
            )
          : msg(
              'Restore {{name}} is still running ({{phase}}): only one restore runs at a time, and the operator would ignore this one. Wait for it to finish, or delete it.',
              { name: r.metadata?.name ?? '', phase: phase || '-' },
            ),
      );
    }
  } else {
    add('restore', 'pass', msg('No other restore is running on this hub.'));
  }

  if (!backups) return { checks, blocked: checks.some((c) => c.status === 'error'), resolved: [] };

  // 4. The backups must exist, or the operator ends the restore in Error.
  const resolved = resolveBackups(input, backups);
  let missing = false;
  for (const r of resolved) {
    const schedule = VELERO_SCHEDULE_NAMES[r.type];
    if (!r.backup) {
      missing = true;
      add(
        `backup-${r.type}`,
        'error',
        r.requested === LATEST
          ? msg(
              'No usable backup of {{schedule}} is visible on this hub, so "latest" finds nothing and the restore would fail. Check that the backup storage location points at the primary hub\'s backups and is Available; Velero lists them within a minute or so.',
              { schedule },
            )
          : msg('Backup {{name}} is not on this hub: it may have expired. Choose another backup.', { name: r.requested }),
      );
      continue;
    }
    const phase = r.backup.status?.phase ?? '';
    if (phase !== 'Completed' && phase !== 'PartiallyFailed') {
      missing = true;
      add(`backup-${r.type}`, 'error', msg('Backup {{name}} is {{phase}}: Velero restores only Completed or PartiallyFailed backups.', { name: r.name ?? '', phase: phase || '-' }));
    } else if (phase === 'PartiallyFailed') {
      add(
        `backup-${r.type}`,
        'warning',
        msg('Backup {{name}} partially failed ({{errors}} errors): it can be restored, but some items are missing from it.', {
          name: r.name ?? '',
          errors: r.backup.status?.errors ?? 0,
        }),
      );
    }
  }
  if (resolved.length > 0 && !missing) add('backups', 'pass', msg('Every backup this restore needs is on this hub.'));

  // 5. A hub restoring its own backups goes back in time instead of taking over another hub.
  if (hubId) {
    const own = resolved.filter((r) => r.writer === hubId);
    for (const r of own) {
      add(
        `own-${r.type}`,
        'warning',
        msg('Backup {{name}} was written by this hub ({{hub}}): restoring it brings back this hub\'s own earlier state, not another hub\'s data.', {
          name: r.name ?? '',
          hub: hubId,
        }),
      );
    }
  }

  // 6. Old backups: the lag rule, against how often their hub wrote that type.
  for (const r of resolved) {
    if (!r.time) continue;
    const cadence = backupCadenceMs(backups, r.type, r.writer);
    const age = rpoSeverity({ newestGood: { time: r.time }, intervalMs: cadence, now });
    if (age.severity === 'warning' || age.severity === 'critical') {
      add(
        `age-${r.type}`,
        'warning',
        msg('Backup {{name}} is {{age}} old, {{ratio}}× the interval of {{interval}} at which its hub wrote backups of {{schedule}}: changes made since then will not be restored.', {
          name: r.name ?? '',
          age: formatDurationShort(age.ageMs ?? 0),
          ratio: Math.floor((age.ratio ?? 0) * 10) / 10,
          interval: formatDurationShort(cadence ?? 0),
          schedule: VELERO_SCHEDULE_NAMES[r.type],
        }),
      );
    }
  }

  // 7. Moving the managed clusters while their hub still runs makes two hubs fight over them (§4).
  if (restoresManagedClusters(input)) {
    const primary = oldPrimaryCheck({ backups, hubId, now });
    if (primary) checks.push(primary);
    const onlyActivation = [input.veleroCredentialsBackupName, input.veleroResourcesBackupName].every((v) => normalizeBackupName(v ?? '') === SKIP);
    // A syncing restore has restored the hub data too, even though it still counts as running.
    const hasHubData = inNamespace(restores).some(
      (r) => r.metadata?.name !== name && restoresHubData(r) && (!isRestoreActive(r) || isRestoreSyncing(r)),
    );
    if (onlyActivation && !hasHubData) {
      add(
        'passive-data',
        'warning',
        msg(
          'No restore on this hub has restored the hub data (credentials and resources). Activating only the managed clusters without it leaves them without their policies, applications and credentials: run a passive restore first, or choose a full restore.',
        ),
      );
    }
  }

  return { checks, blocked: checks.some((c) => c.status === 'error'), resolved };
};
