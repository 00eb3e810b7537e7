import { msg, type Message } from '../k8s/message';
import { BACKUP_TYPES, LABELS, VELERO_DEFAULT_TTL, VELERO_SCHEDULE_NAMES, type BackupType } from '../k8s/names';
import type { BackupSchedule, Restore, VeleroSchedule } from '../k8s/types';
import { durationToMs } from '../operand/duration';
import { formatGoDuration } from './format';

/**
 * The BackupSchedule as an admin reads it (§1): its phase in plain words with what to do, the five
 * Velero schedules it owns, its effective TTLs, and whether a new one may be created right now.
 */

// ---- phase --------------------------------------------------------------------------------------

export type SchedulePhaseSeverity = 'healthy' | 'warning' | 'critical' | 'unknown' | 'paused' | 'progress';

export type SchedulePhaseInfo = { severity: SchedulePhaseSeverity; label: Message; explanation: Message };

const PHASE_INFO: Record<string, () => SchedulePhaseInfo> = {
  // No status yet: the operator has not reconciled the object. A transition, not an unknown.
  '': () => ({
    severity: 'progress',
    label: msg('Waiting for the operator'),
    explanation: msg(
      'The backup operator has not processed this schedule yet. If this lasts more than a few minutes, check that the cluster-backup operator is running (MultiClusterHub component cluster-backup).',
    ),
  }),
  New: () => ({
    severity: 'progress',
    label: msg('Starting'),
    explanation: msg(
      'The operator created the Velero schedules and is waiting for Velero to accept them. This normally takes a few seconds.',
    ),
  }),
  Enabled: () => ({
    severity: 'healthy',
    label: msg('Backing up'),
    explanation: msg('All Velero schedules are enabled: backups run on the schedule below.'),
  }),
  FailedValidation: () => ({
    severity: 'critical',
    label: msg('Not running: configuration problem'),
    explanation: msg(
      'The operator refused to run this schedule. The message says why: an invalid cron expression, a Restore that is still active, a missing or unavailable backup storage location, or managed service accounts requested while that component is disabled. Fix the cause; the operator checks again every minute.',
    ),
  }),
  Failed: () => ({
    severity: 'critical',
    label: msg('Not running: creation failed'),
    explanation: msg(
      'The operator could not create the Velero schedules. The message shows the error. Check the operator and Velero logs; the operator retries on its next reconcile.',
    ),
  }),
  Unknown: () => ({
    severity: 'warning',
    label: msg('Not all enabled'),
    explanation: msg(
      'Some Velero schedules are not enabled yet. If this does not change, check that the Velero pod is running and that a DataProtectionApplication exists in the OADP namespace.',
    ),
  }),
  BackupCollision: () => ({
    severity: 'critical',
    label: msg('Stopped: backup collision'),
    explanation: msg(
      'Another hub wrote newer backups to the same storage location, or ran a restore that activated the managed clusters, so this hub stopped backing up to avoid overwriting that hub\'s backups. The operator ignores this schedule from now on: decide which hub is primary, then delete this BackupSchedule and create a new one on the primary hub only.',
    ),
  }),
  Paused: () => ({
    severity: 'paused',
    label: msg('Paused'),
    explanation: msg(
      'No new backups are made until the schedule is resumed. Existing backups still expire when their TTL runs out, so restore points disappear while the schedule stays paused.',
    ),
  }),
};

/** A BackupSchedule phase in plain words, with what it means and what to do. */
export const schedulePhaseInfo = (phase: string | undefined): SchedulePhaseInfo => {
  const known = PHASE_INFO[phase ?? ''];
  if (known) return known();
  return {
    severity: 'unknown',
    label: msg('Unrecognized status "{{phase}}"', { phase: phase ?? '' }),
    explanation: msg(
      'This console does not know this status, which may come from a newer operator. Read the operator\'s message for details.',
    ),
  };
};

// ---- owned Velero schedules ---------------------------------------------------------------------

export type OwnedVeleroSchedule = {
  type: BackupType;
  /** The fixed name the operator gives this type's schedule (§1). */
  name: string;
  schedule?: VeleroSchedule;
  missing: boolean;
  /** Known only from the BackupSchedule's status copy (credentials, managed clusters, resources). */
  fromStatusCopy: boolean;
  /** The `backup-schedule-name` label names a different BackupSchedule. */
  ownedByOther: boolean;
  phase?: string;
  paused: boolean;
  lastBackup?: Date;
  /** Why it is missing, when that is expected or needs an action. */
  note?: Message;
};

const STATUS_COPY: Partial<Record<BackupType, keyof NonNullable<BackupSchedule['status']>>> = {
  credentials: 'veleroScheduleCredentials',
  managedClusters: 'veleroScheduleManagedClusters',
  resources: 'veleroScheduleResources',
};

const missingNote = (phase: string | undefined): Message => {
  switch (phase) {
    case 'Paused':
      return msg('Missing while paused: ACM 2.12 to 2.14 delete the Velero schedules on pause and create them again on resume.');
    case 'BackupCollision':
      return msg('Removed because of the backup collision: ACM 2.5 to 2.14 delete the Velero schedules, later releases pause them.');
    case undefined:
    case '':
    case 'New':
    case 'FailedValidation':
    case 'Failed':
      return msg('Not created yet: the operator creates the Velero schedules once the schedule passes its checks.');
    default:
      return msg(
        'Missing: when a Velero schedule is deleted, the operator deletes and re-creates all of them within about 5 minutes. If it stays missing, check the operator logs.',
      );
  }
};

const parseTime = (value: string | undefined): Date | undefined => {
  if (!value) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : new Date(ms);
};

/**
 * The five Velero schedules the BackupSchedule should own, in schedule-type order, each with what
 * was found in the BackupSchedule's namespace. With `useStatusCopies` (for a user who may not list
 * Velero schedules), the copies the operator keeps in the status fill in three of them; they are
 * snapshots from the last reconcile, so they are marked.
 */
export const ownedVeleroSchedules = (
  bs: BackupSchedule,
  veleroSchedules: readonly VeleroSchedule[],
  opts: { useStatusCopies?: boolean } = {},
): OwnedVeleroSchedule[] => {
  const namespace = bs.metadata?.namespace;
  const byName = new Map<string, VeleroSchedule>();
  for (const vs of veleroSchedules) {
    const name = vs.metadata?.name;
    if (!name) continue;
    if (namespace !== undefined && vs.metadata?.namespace !== undefined && vs.metadata.namespace !== namespace) continue;
    byName.set(name, vs);
  }
  const phase = bs.status?.phase;
  return BACKUP_TYPES.map((type) => {
    const name = VELERO_SCHEDULE_NAMES[type];
    let schedule = byName.get(name);
    let fromStatusCopy = false;
    const copyKey = STATUS_COPY[type];
    if (!schedule && copyKey && opts.useStatusCopies) {
      const copy = bs.status?.[copyKey] as VeleroSchedule | undefined;
      if (copy) {
        schedule = copy;
        fromStatusCopy = true;
      }
    }
    const owner = schedule?.metadata?.labels?.[LABELS.scheduleName];
    const entry: OwnedVeleroSchedule = {
      type,
      name,
      missing: !schedule,
      fromStatusCopy,
      ownedByOther: owner !== undefined && bs.metadata?.name !== undefined && owner !== bs.metadata.name,
      paused: schedule?.spec?.paused === true,
    };
    if (schedule) {
      entry.schedule = schedule;
      if (schedule.status?.phase !== undefined) entry.phase = schedule.status.phase;
      const last = parseTime(schedule.status?.lastBackup);
      if (last) entry.lastBackup = last;
    } else {
      entry.note = missingNote(phase);
    }
    return entry;
  });
};

// ---- TTLs ---------------------------------------------------------------------------------------

export type ScheduleTtlInfo = {
  /** The TTL each backup gets: `spec.veleroTtl`, or Velero's default. */
  veleroTtl: string;
  /** Undefined when the value cannot be parsed. */
  veleroTtlMs?: number;
  veleroTtlIsDefault: boolean;
  veleroTtlExplanation: Message;
  /** Whether managed service account tokens are created at all. */
  msaEnabled: boolean;
  /** The token validity the operator uses (§1, `prepareImportedClusters`). */
  msaTtl: string;
  msaTtlMs?: number;
  msaTtlIsDefault: boolean;
  msaTtlExplanation: Message;
};

const DEFAULT_TTL_MS = durationToMs(VELERO_DEFAULT_TTL) as number;

export const scheduleTtlInfo = (bs: BackupSchedule): ScheduleTtlInfo => {
  const spec = bs.spec ?? ({} as BackupSchedule['spec']);
  const set = spec.veleroTtl?.trim();
  // A zero duration is "unset" for the operator (it compares Duration to 0).
  const setMs = set ? durationToMs(set) : undefined;
  const veleroTtlIsDefault = !set || setMs === 0;
  const veleroTtl = veleroTtlIsDefault ? VELERO_DEFAULT_TTL : (set as string);
  const veleroTtlMs = veleroTtlIsDefault ? DEFAULT_TTL_MS : setMs;
  const veleroTtlExplanation = veleroTtlIsDefault
    ? msg('No TTL is set, so Velero keeps each backup for its default of {{ttl}} (30 days), then deletes it.', { ttl: VELERO_DEFAULT_TTL })
    : msg('Velero deletes each backup {{ttl}} after it was made. The validation backup is kept for one schedule interval plus 5 minutes.', {
        ttl: veleroTtl,
      });

  const msaSet = spec.managedServiceAccountTTL?.trim();
  const msaSetMs = msaSet ? durationToMs(msaSet) : undefined;
  const msaTtlIsDefault = !msaSet || msaSetMs === 0;
  let msaTtl: string;
  let msaTtlMs: number | undefined;
  let msaTtlExplanation: Message;
  if (!msaTtlIsDefault) {
    msaTtl = msaSet as string;
    msaTtlMs = msaSetMs;
    msaTtlExplanation = msg(
      'Tokens are valid for {{ttl}}. A token that expires before a backup is restored cannot reconnect its cluster: keep this at least as long as the backup TTL.',
      { ttl: msaTtl },
    );
  } else if (veleroTtlMs !== undefined) {
    msaTtlMs = 2 * veleroTtlMs;
    msaTtl = formatGoDuration(msaTtlMs);
    msaTtlExplanation = msg('Not set: tokens are valid for twice the backup TTL ({{ttl}}), so every kept backup holds a usable token.', {
      ttl: msaTtl,
    });
  } else {
    msaTtl = '';
    msaTtlExplanation = msg('Not set: tokens are valid for twice the backup TTL, which cannot be read here.');
  }
  const info: ScheduleTtlInfo = {
    veleroTtl,
    veleroTtlIsDefault,
    veleroTtlExplanation,
    msaEnabled: spec.useManagedServiceAccount === true,
    msaTtl,
    msaTtlIsDefault,
    msaTtlExplanation,
  };
  if (veleroTtlMs !== undefined) info.veleroTtlMs = veleroTtlMs;
  if (msaTtlMs !== undefined) info.msaTtlMs = msaTtlMs;
  return info;
};

// ---- may a schedule be created ------------------------------------------------------------------

export type CanCreateSchedule = { allowed: true } | { allowed: false; reason: Message; remedy: Message };

const inNamespace = (namespace: string | undefined) => (o: { metadata?: { namespace?: string } }) =>
  namespace === undefined || o.metadata?.namespace === undefined || o.metadata.namespace === namespace;

/**
 * Whether a new BackupSchedule would run. Refused when:
 * - a Restore in the namespace is not Finished/FinishedWithErrors (§2 Rules): the operator would set
 *   the schedule FailedValidation with exactly this reason. A paused schedule is the exception,
 *   as in the operator.
 * - a BackupSchedule already exists there: the Velero schedules have fixed names (§1), so a second
 *   one cannot own them and would fail.
 */
export const canCreateSchedule = (input: {
  schedules: readonly BackupSchedule[];
  restores: readonly Restore[];
  namespace?: string;
  /** The new schedule is created paused. */
  paused?: boolean;
}): CanCreateSchedule => {
  const { namespace } = input;
  const existing = input.schedules.find(inNamespace(namespace));
  if (existing) {
    const name = existing.metadata?.name ?? '';
    if (existing.status?.phase === 'BackupCollision') {
      return {
        allowed: false,
        reason: msg('BackupSchedule {{name}} already exists in this namespace and is stopped by a backup collision.', { name }),
        remedy: msg(
          'Decide which hub is primary. On the primary hub only, delete BackupSchedule {{name}} and then create a new one.',
          { name },
        ),
      };
    }
    return {
      allowed: false,
      reason: msg('BackupSchedule {{name}} already exists in this namespace. The operator runs one schedule per namespace.', { name }),
      remedy: msg('Edit BackupSchedule {{name}} instead, or delete it first.', { name }),
    };
  }
  if (!input.paused) {
    const active = input.restores.find(
      (r) => inNamespace(namespace)(r) && r.status?.phase !== 'Finished' && r.status?.phase !== 'FinishedWithErrors',
    );
    if (active) {
      const name = active.metadata?.name ?? '';
      return {
        allowed: false,
        reason: msg('Restore resource {{name}} is currently active, verify that any active restores are removed.', { name }),
        remedy: msg(
          'Wait until restore {{name}} finishes, or delete it. A restore that keeps syncing with new backups (phase Enabled) stays active until it is activated or deleted.',
          { name },
        ),
      };
    }
  }
  return { allowed: true };
};
