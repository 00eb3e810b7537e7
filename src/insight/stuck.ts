import { msg, type Message } from '../k8s/message';
import type { VeleroBackup } from '../k8s/types';

/**
 * Backups that are running far longer than they should. Velero cannot resume a backup whose
 * process died (pod restarted, OOM-killed: §8, §9): the object stays in a running phase forever,
 * and "in progress" would hide that this restore point will never exist.
 */

/** The phases in which Velero is actively working on a backup (§8). */
export const RUNNING_BACKUP_PHASES: ReadonlySet<string> = new Set([
  'InProgress',
  'WaitingForPluginOperations',
  'WaitingForPluginOperationsPartiallyFailed',
  'Finalizing',
  'FinalizingPartiallyFailed',
]);

const HOUR = 3600_000;

/** Below an hour, a slow backup of a large hub is normal. */
export const MIN_STUCK_THRESHOLD_MS = HOUR;

/**
 * How long a backup may run before it is called stuck: one schedule interval (the next run would
 * start by then), but never less than an hour. An unknown interval falls back to the hour.
 */
export const stuckThresholdMs = (intervalMs?: number): number =>
  intervalMs !== undefined && Number.isFinite(intervalMs) && intervalMs > MIN_STUCK_THRESHOLD_MS ? intervalMs : MIN_STUCK_THRESHOLD_MS;

const parseTime = (value: string | undefined): number | undefined => {
  if (!value) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
};

/**
 * True when the backup is in a running phase and started more than `thresholdMs` before `now`
 * (default `MIN_STUCK_THRESHOLD_MS`). Without a start or creation time it cannot be judged, and
 * is not flagged.
 */
export const isStuckInProgress = (backup: VeleroBackup, opts: { now: Date; thresholdMs?: number }): boolean => {
  const phase = backup.status?.phase;
  if (!phase || !RUNNING_BACKUP_PHASES.has(phase)) return false;
  const started = parseTime(backup.status?.startTimestamp) ?? parseTime(backup.metadata?.creationTimestamp);
  if (started === undefined) return false;
  const threshold = opts.thresholdMs ?? MIN_STUCK_THRESHOLD_MS;
  return opts.now.getTime() - started > threshold;
};

/** Why a backup gets stuck and what to do, for the flag's popover. */
export const stuckExplanation = (): { reason: Message; remedy: Message } => ({
  reason: msg(
    'This backup has been running far longer than a backup of this hub should. This usually means the Velero pod was restarted or killed (for example out of memory) while the backup ran: Velero cannot resume such a backup, so it stays in progress and never completes.',
  ),
  remedy: msg(
    'Check the Velero pod in the OADP namespace for restarts and OOMKilled events, and give it more memory if needed. Then delete this backup through a DeleteBackupRequest; the next scheduled run creates a fresh backup.',
  ),
});
