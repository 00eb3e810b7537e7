/**
 * One row per Restore for the history table: intent, phase, timing, the backups it restored and,
 * for passive-sync restores, how far the passive data lags behind the newest backups (§2).
 */
import { msg, type Message } from '../k8s/message';
import { DEFAULT_RESTORE_SYNC_INTERVAL, SKIP } from '../k8s/names';
import type { Restore, VeleroBackup, VeleroRestore } from '../k8s/types';
import { durationToMs } from '../operand/duration';
import { normalizeBackupName } from '../operand/resourceNames';
import { restoreIntent, type RestoreIntent } from './restoreIntent';
import {
  backupNameFromVeleroRestoreName,
  backupTime,
  findByName,
  goodBackupsNewerThan,
  latestBackupOfType,
  parseTime,
  RESTORED_TYPES,
  STATUS_RESTORE_NAME_FIELD,
  veleroRestoresOf,
  type RestoredType,
} from './restoreObjects';
import { restorePhaseInfo, type RestorePhaseInfo } from './restorePhase';

export { isRestoreActive, isRestoreSyncing } from './restorePhase';

// Plain code-point order: the same on every browser and locale.
const byName = (a = '', b = ''): number => (a < b ? -1 : a > b ? 1 : 0);

export type BackupUsed = {
  type: RestoredType;
  /** The Velero restore the status names for this type. */
  veleroRestoreName: string;
  /** From the Velero restore's `spec.backupName`, else read from the Velero restore's name. */
  backupName?: string;
  backupTime?: Date;
  /** An activation restore (`-active`): only the `cluster-activation` part of the backup. */
  activation: boolean;
  /** False when the Velero restore is gone (deleted, or cleaned up with its expired backup). */
  veleroRestoreFound: boolean;
};

export type PassiveFreshness = 'upToDate' | 'behind' | 'overdue' | 'unknown';

export type PassiveDataType = {
  type: 'credentials' | 'resources';
  backupName?: string;
  backupTime?: Date;
  newestBackupName?: string;
  newestBackupTime?: Date;
  /** Newest backup time minus restored backup time; 0 when up to date. */
  lagMs?: number;
  /** How many newer backups of this type wait to be restored. */
  newerBackups?: number;
};

export type PassiveData = {
  /** The older of the restored credentials and resources backups: the data is at least this fresh. */
  asOf?: Date;
  lagMs?: number;
  freshness: PassiveFreshness;
  message: Message;
  syncInterval: string;
  perType: PassiveDataType[];
};

export type RestoreRow = {
  name: string;
  namespace?: string;
  intent: RestoreIntent;
  phase: RestorePhaseInfo;
  /** `metadata.creationTimestamp`. */
  started?: Date;
  /** `status.completionTimestamp` (2.12+), else when the last of its Velero restores finished. */
  completed?: Date;
  completedFrom?: 'status' | 'veleroRestores';
  /** completed − started; for a restore still running, now − started (see `ongoing`). */
  durationMs?: number;
  ongoing: boolean;
  backupsUsed: BackupUsed[];
  /** Only for passive-sync restores that have not been activated. */
  passiveData?: PassiveData;
};

export type RestoreRowContext = {
  veleroRestores?: readonly VeleroRestore[];
  backups?: readonly VeleroBackup[];
  now: Date;
};

const VELERO_DONE = ['Completed', 'PartiallyFailed', 'Failed', 'FailedValidation'];

/** Backups named in the status, in restore order; activation restores after the passive ones of the same type. */
const backupsUsedOf = (restore: Restore, veleroRestores: readonly VeleroRestore[], backups: readonly VeleroBackup[] | undefined): BackupUsed[] => {
  const restoreName = restore.metadata?.name ?? '';
  const used: BackupUsed[] = [];
  for (const type of RESTORED_TYPES) {
    const vrName = restore.status?.[STATUS_RESTORE_NAME_FIELD[type]];
    if (!vrName) continue;
    const vr = findByName(veleroRestores, vrName);
    const backupName = vr?.spec?.backupName || backupNameFromVeleroRestoreName(restoreName, vrName);
    const time = backupName ? backupTime(findByName(backups, backupName), backupName) : undefined;
    used.push({
      type,
      veleroRestoreName: vrName,
      ...(backupName ? { backupName } : {}),
      ...(time ? { backupTime: time } : {}),
      activation: /-active$/.test(vrName),
      veleroRestoreFound: Boolean(vr),
    });
  }
  return used;
};

/** Without `completionTimestamp` (before 2.12) the end is the last Velero restore's, once all of them are done. */
const completionOf = (restore: Restore, own: VeleroRestore[]): { time?: Date; from?: 'status' | 'veleroRestores' } => {
  const fromStatus = parseTime(restore.status?.completionTimestamp);
  if (fromStatus) return { time: fromStatus, from: 'status' };
  const phase = restore.status?.phase ?? '';
  if (!['Finished', 'FinishedWithErrors', 'Error', 'Enabled', 'EnabledWithErrors'].includes(phase) || own.length === 0) return {};
  if (own.some((vr) => !VELERO_DONE.includes(vr.status?.phase ?? ''))) return {};
  const ends = own.map((vr) => parseTime(vr.status?.completionTimestamp)?.getTime()).filter((t): t is number => t !== undefined);
  if (ends.length === 0) return {};
  return { time: new Date(Math.max(...ends)), from: 'veleroRestores' };
};

const passiveDataOf = (restore: Restore, used: BackupUsed[], backups: readonly VeleroBackup[] | undefined, now: Date): PassiveData => {
  const syncInterval = restore.spec?.restoreSyncInterval?.trim() || DEFAULT_RESTORE_SYNC_INTERVAL;
  const intervalMs = durationToMs(syncInterval) ?? 30 * 60_000;
  const perType: PassiveDataType[] = (['credentials', 'resources'] as const).map((type) => {
    const u = used.find((b) => b.type === type && !b.activation) ?? used.find((b) => b.type === type);
    const newest = latestBackupOfType(backups, type);
    const newestTime = newest ? backupTime(newest) : undefined;
    const entry: PassiveDataType = { type };
    if (u?.backupName) entry.backupName = u.backupName;
    if (u?.backupTime) entry.backupTime = u.backupTime;
    if (newest?.metadata?.name) entry.newestBackupName = newest.metadata.name;
    if (newestTime) entry.newestBackupTime = newestTime;
    if (u?.backupTime && newestTime) {
      const restoredAt = u.backupTime.getTime();
      entry.lagMs = Math.max(0, newestTime.getTime() - restoredAt);
      entry.newerBackups = goodBackupsNewerThan(backups, type, u.backupTime);
      if (entry.lagMs === 0 || newest?.metadata?.name === u.backupName) {
        entry.lagMs = 0;
        entry.newerBackups = 0;
      }
    }
    return entry;
  });

  const times = perType.map((t) => t.backupTime?.getTime()).filter((t): t is number => t !== undefined);
  const asOf = times.length === perType.length ? new Date(Math.min(...times)) : undefined;
  const known = perType.every((t) => t.lagMs !== undefined);
  const lagMs = known ? Math.max(...perType.map((t) => t.lagMs as number)) : undefined;

  let freshness: PassiveFreshness;
  let message: Message;
  if (!known || lagMs === undefined) {
    freshness = 'unknown';
    message =
      perType.some((t) => t.backupName === undefined)
        ? msg('Not known yet: this restore has not restored credentials and resources backups yet.')
        : msg('Not known: the backups this restore used, or the newest backups, are not visible on this hub.');
  } else if (lagMs === 0) {
    freshness = 'upToDate';
    message = msg('Up to date with the newest backups in the storage location.');
  } else {
    // The restore only looks for new backups once per interval; a newer backup older than one
    // interval (plus the Velero sync of the storage location, about a minute) should have been picked up.
    const newestMs = Math.max(...perType.map((t) => t.newestBackupTime?.getTime() ?? -Infinity));
    const waitingMs = now.getTime() - newestMs;
    if (waitingMs > intervalMs + 5 * 60_000) {
      freshness = 'overdue';
      message = msg('Behind the newest backups for longer than the sync interval ({{interval}}): check this restore\'s status and its Velero restores.', { interval: syncInterval });
    } else {
      freshness = 'behind';
      message = msg('Newer backups exist; the next sync check (every {{interval}}) restores them.', { interval: syncInterval });
    }
  }
  return { ...(asOf ? { asOf } : {}), ...(lagMs !== undefined ? { lagMs } : {}), freshness, message, syncInterval, perType };
};

const isPassiveSync = (restore: Restore): boolean =>
  restore.spec?.syncRestoreWithNewBackups === true && normalizeBackupName(restore.spec?.veleroManagedClustersBackupName ?? '') === SKIP;

export const restoreRow = (restore: Restore, { veleroRestores, backups, now }: RestoreRowContext): RestoreRow => {
  const own = veleroRestoresOf(restore, veleroRestores);
  const phase = restorePhaseInfo(restore, { veleroRestores: own, backups });
  const started = parseTime(restore.metadata?.creationTimestamp);
  const { time: completed, from: completedFrom } = completionOf(restore, own);
  const ongoing = !completed && phase.isActive && !phase.isSyncing && phase.phase !== 'Error';
  let durationMs: number | undefined;
  if (started && completed) durationMs = Math.max(0, completed.getTime() - started.getTime());
  else if (started && ongoing) durationMs = Math.max(0, now.getTime() - started.getTime());
  const backupsUsed = backupsUsedOf(restore, veleroRestores ?? [], backups);
  return {
    name: restore.metadata?.name ?? '',
    ...(restore.metadata?.namespace ? { namespace: restore.metadata.namespace } : {}),
    intent: restoreIntent(restore),
    phase,
    ...(started ? { started } : {}),
    ...(completed ? { completed, completedFrom } : {}),
    ...(durationMs !== undefined ? { durationMs } : {}),
    ongoing,
    backupsUsed,
    ...(isPassiveSync(restore) ? { passiveData: passiveDataOf(restore, backupsUsed, backups, now) } : {}),
  };
};

/** Newest first by creation; objects not yet created on the server (no timestamp) on top; then by name. */
export const sortRestoresNewestFirst = <T extends { metadata?: { name?: string; creationTimestamp?: string } }>(restores: readonly T[]): T[] =>
  [...restores].sort((a, b) => {
    const ta = parseTime(a.metadata?.creationTimestamp)?.getTime() ?? Infinity;
    const tb = parseTime(b.metadata?.creationTimestamp)?.getTime() ?? Infinity;
    if (ta !== tb) return tb - ta;
    return byName(a.metadata?.name, b.metadata?.name);
  });

export type ActivationCheck = { allowed: true; warning?: Message } | { allowed: false; reason: Message };

/**
 * Activation is the edit of a syncing passive restore to managed clusters `latest` (§2
 * "Activating a passive-sync restore"); every other restore must be activated by a new Restore.
 */
export const canActivate = (restore: Restore): ActivationCheck => {
  const phase = restore.status?.phase ?? '';
  const mc = normalizeBackupName(restore.spec?.veleroManagedClustersBackupName ?? '');
  if (restore.metadata?.deletionTimestamp) {
    return { allowed: false, reason: msg('This restore is being deleted.') };
  }
  if (restore.spec?.syncRestoreWithNewBackups !== true) {
    return {
      allowed: false,
      reason: msg('Only a passive restore kept in sync can be activated in place. To move the managed clusters to this hub, create a new restore that activates them.'),
    };
  }
  if (mc !== SKIP) {
    return { allowed: false, reason: msg('This restore already restores the managed clusters (set to {{value}}).', { value: mc || '""' }) };
  }
  if (phase === 'Finished' || phase === 'FinishedWithErrors') {
    return {
      allowed: false,
      reason: msg('This restore has finished and will not run again. To move the managed clusters to this hub, create a new restore that activates them.'),
    };
  }
  if (phase === '') {
    return { allowed: false, reason: msg('Activation is possible once the passive data is restored and the restore is syncing; the operator has not processed it yet.') };
  }
  if (phase !== 'Enabled' && phase !== 'EnabledWithErrors') {
    return {
      allowed: false,
      reason: msg('Activation is possible once the passive data is restored and the restore is syncing; it is now {{phase}}.', { phase }),
    };
  }
  if (phase === 'EnabledWithErrors') {
    return {
      allowed: true,
      warning: msg('The last sync attempt failed: activation restores the newest backups the operator can read, which may be older than you expect.'),
    };
  }
  return { allowed: true };
};

/** Rows for every restore, newest first. */
export const restoreRows = (restores: readonly Restore[], context: RestoreRowContext): RestoreRow[] =>
  sortRestoresNewestFirst(restores).map((r) => restoreRow(r, context));
