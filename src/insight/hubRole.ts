import { msg, type Message } from '../k8s/message';
import { ANNOTATIONS, DEFAULT_RESTORE_SYNC_INTERVAL, SKIP } from '../k8s/names';
import type { BackupSchedule, Restore } from '../k8s/types';
import { isRestoreActive } from './restorePhase';
import { parseTime } from './restoreObjects';

/**
 * Value of `ANNOTATIONS.action` on the objects the guided promotion creates or patches. Lives
 * here rather than in promotion.ts because the role derivation reads it too.
 */
export const PROMOTION_ACTION = 'promote-to-primary';

export type HubRoleName = 'primary' | 'passive' | 'standalone' | 'transition';

/**
 * What qualifies the role. A role alone would hide facts an admin must see: a primary whose
 * schedule is paused writes no backups, a passive hub with a one-time copy is not refreshed.
 */
export type HubRoleFlag =
  | 'paused'
  | 'failing'
  | 'collision'
  | 'conflict'
  | 'unprotected'
  | 'oneTimeCopy';

export type HubRole = {
  role: HubRoleName;
  reason: Message;
  flag?: HubRoleFlag;
  schedule?: BackupSchedule;
  restore?: Restore;
};

/**
 * How a Restore relates to the hub's role (§2, §4):
 * - `sync`: keeps restoring new backups, managed clusters skipped — the passive hub's restore;
 * - `passive`: restored hub data once, managed clusters skipped;
 * - `activation`: restores managed clusters only (the activation sample), or a sync restore
 *   whose managed-clusters backup was switched to `latest`;
 * - `full`: restores everything, managed clusters included.
 */
export type RestoreKind = 'sync' | 'passive' | 'activation' | 'full';

const backupName = (v: string | undefined): string => (v ?? '').trim().toLowerCase();

export const restoreActivates = (r: Restore): boolean => {
  const mc = backupName(r.spec?.veleroManagedClustersBackupName);
  return mc !== '' && mc !== SKIP;
};

export const restoreKind = (r: Restore): RestoreKind => {
  const activates = restoreActivates(r);
  if (r.spec?.syncRestoreWithNewBackups === true) return activates ? 'activation' : 'sync';
  if (!activates) return 'passive';
  const others = [r.spec?.veleroCredentialsBackupName, r.spec?.veleroResourcesBackupName].map(backupName);
  return others.every((v) => v === SKIP) ? 'activation' : 'full';
};

export const isDeleting = (o: { metadata?: { deletionTimestamp?: string } }): boolean => Boolean(o.metadata?.deletionTimestamp);

const created = (o: { metadata?: { creationTimestamp?: string } }): number =>
  parseTime(o.metadata?.creationTimestamp)?.getTime() ?? 0;

const newestFirst = <T extends { metadata?: { creationTimestamp?: string; name?: string } }>(items: readonly T[]): T[] =>
  [...items].sort((a, b) => created(b) - created(a) || (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? ''));

export const isSchedulePaused = (s: BackupSchedule): boolean => s.status?.phase === 'Paused' || s.spec?.paused === true;

/**
 * A schedule the operator still acts on: `BackupCollision` is terminal (the operator ignores it
 * until it is deleted, §1) and a schedule being deleted is on its way out.
 */
export const isScheduleLive = (s: BackupSchedule): boolean => s.status?.phase !== 'BackupCollision' && !isDeleting(s);

/** The schedule that defines this hub's role: the newest live one, else the newest collided one. */
export const currentSchedule = (schedules: readonly BackupSchedule[]): BackupSchedule | undefined => {
  const visible = schedules.filter((s) => !isDeleting(s));
  return newestFirst(visible.filter(isScheduleLive))[0] ?? newestFirst(visible)[0];
};

/**
 * The restore that defines this hub's role: one still running wins (the operator allows only one
 * at a time, §2 Rules), otherwise the newest.
 */
export const currentRestore = (restores: readonly Restore[]): Restore | undefined => {
  const visible = restores.filter((r) => !isDeleting(r));
  return newestFirst(visible.filter(isRestoreActive))[0] ?? newestFirst(visible)[0];
};

const isPromotionObject = (o: { metadata?: { annotations?: Record<string, string> } }): boolean =>
  o.metadata?.annotations?.[ANNOTATIONS.action] === PROMOTION_ACTION;

const nameOf = (o: { metadata?: { name?: string } } | undefined): string => o?.metadata?.name ?? '';

const roleFromRestoreOnly = (restore: Restore): HubRole => {
  const name = nameOf(restore);
  const phase = restore.status?.phase ?? '';
  const kind = restoreKind(restore);
  if (kind === 'sync') {
    if (phase === 'Error') {
      return {
        role: 'passive',
        flag: 'failing',
        restore,
        reason: msg(
          'Passive hub, but its sync restore {{name}} stopped with an error: this hub no longer receives new backups. Read the restore status, delete it and create a new sync restore.',
          { name },
        ),
      };
    }
    if (phase === 'EnabledWithErrors') {
      return {
        role: 'passive',
        flag: 'failing',
        restore,
        reason: msg(
          'Passive hub: restore {{name}} keeps restoring new backups from the primary, but its last attempt had errors. The operator retries on its own; read the restore status if it persists.',
          { name },
        ),
      };
    }
    return {
      role: 'passive',
      restore,
      reason: msg(
        'Passive hub: restore {{name}} restores the primary hub\'s new backups every {{interval}}, without taking over its managed clusters. This hub can be promoted if the primary is lost.',
        { name, interval: restore.spec?.restoreSyncInterval || DEFAULT_RESTORE_SYNC_INTERVAL },
      ),
    };
  }
  if (kind === 'passive') {
    if (phase === 'Error') {
      return {
        role: 'passive',
        flag: 'failing',
        restore,
        reason: msg('Passive restore {{name}} failed, so this hub may hold no usable copy of the primary hub\'s data. Read the restore status.', {
          name,
        }),
      };
    }
    if (isRestoreActive(restore)) {
      return {
        role: 'passive',
        restore,
        reason: msg('Passive hub: restore {{name}} is copying the primary hub\'s data once, without its managed clusters.', { name }),
      };
    }
    return {
      role: 'passive',
      flag: 'oneTimeCopy',
      restore,
      reason: msg(
        'Passive hub with a one-time copy: restore {{name}} restored the primary hub\'s data once and does not refresh it. Use a sync restore to keep this hub current.',
        { name },
      ),
    };
  }
  // An activation or full restore that has finished: this hub now manages the clusters.
  if (isPromotionObject(restore)) {
    return {
      role: 'transition',
      restore,
      reason: msg(
        'Promotion in progress: restore {{name}} activated the managed clusters on this hub. Create the BackupSchedule to finish making this hub the primary.',
        { name },
      ),
    };
  }
  return {
    role: 'standalone',
    flag: 'unprotected',
    restore,
    reason: msg(
      'Managed clusters were activated on this hub by restore {{name}}, but no BackupSchedule exists: this hub manages them without backing them up. Create a BackupSchedule to make it the primary hub.',
      { name },
    ),
  };
};

/**
 * This hub's disaster-recovery role, derived from the BackupSchedules and Restores in the backup
 * namespace (§1, §2, §4).
 *
 * - primary: a BackupSchedule the operator still acts on. A paused schedule keeps the role
 *   (resuming it needs no other change) but is flagged, because no backups are written; a schedule
 *   in FailedValidation/Failed/Unknown is flagged `failing` for the same reason.
 * - passive: a sync or one-time passive Restore and no schedule.
 * - standalone: neither. A schedule in `BackupCollision` leaves the hub here (flagged): the
 *   operator has stopped it for good, so this hub writes nothing until it is recreated.
 * - transition: an activation restore is running, a schedule has just been created and not yet
 *   enabled, or a promotion started by this plugin has activated clusters but not yet created the
 *   schedule — states that settle by themselves within minutes.
 */
export const hubRole = ({
  schedules,
  restores,
}: {
  schedules: readonly BackupSchedule[];
  restores: readonly Restore[];
}): HubRole => {
  const schedule = currentSchedule(schedules);
  const live = schedule && isScheduleLive(schedule) ? schedule : undefined;
  const collided = schedule && !live ? schedule : undefined;
  const restore = currentRestore(restores);
  const kind = restore ? restoreKind(restore) : undefined;
  const restoreOpen = restore ? isRestoreActive(restore) : false;

  if (restore && (kind === 'activation' || kind === 'full') && restoreOpen) {
    const name = nameOf(restore);
    const phase = restore.status?.phase || 'Started';
    if (phase === 'Error') {
      return {
        role: 'transition',
        flag: 'failing',
        restore,
        schedule: live,
        reason: msg(
          'Activation stopped: restore {{name}} failed while moving the managed clusters to this hub. Read its status; the clusters may be split between hubs until it is fixed.',
          { name },
        ),
      };
    }
    return {
      role: 'transition',
      restore,
      schedule: live,
      reason: msg(
        'Becoming primary: restore {{name}} is activating the managed clusters on this hub ({{phase}}). When it finishes, create a BackupSchedule so this hub backs them up.',
        { name, phase },
      ),
    };
  }

  if (live) {
    const name = nameOf(live);
    const phase = live.status?.phase ?? '';
    if (restore && restoreOpen && (kind === 'sync' || kind === 'passive')) {
      if (isSchedulePaused(live)) {
        return {
          role: 'passive',
          restore,
          schedule: live,
          reason: msg(
            'Passive hub: restore {{restore}} keeps it passive. BackupSchedule {{name}} is paused and writes nothing until this hub becomes primary.',
            { restore: nameOf(restore), name },
          ),
        };
      }
      return {
        role: 'passive',
        flag: 'conflict',
        restore,
        schedule: live,
        reason: msg(
          'Conflicting setup: BackupSchedule {{name}} exists, but restore {{restore}} is still active, so the operator refuses to run the schedule and this hub writes no backups. Activate or delete the restore, or delete the schedule.',
          { name, restore: nameOf(restore) },
        ),
      };
    }
    if (isSchedulePaused(live)) {
      return {
        role: 'primary',
        flag: 'paused',
        schedule: live,
        restore,
        reason: msg(
          'Primary hub, paused: BackupSchedule {{name}} belongs to this hub but is paused, so no backups are written. Resume it to protect the hub again.',
          { name },
        ),
      };
    }
    if (phase === '' || phase === 'New') {
      const afterActivation = restore && !restoreOpen && (kind === 'activation' || kind === 'full');
      return {
        role: 'transition',
        schedule: live,
        restore,
        reason: afterActivation
          ? msg(
              'Becoming primary: managed clusters were activated by restore {{restore}} and BackupSchedule {{name}} was just created; the operator is starting its backups.',
              { name, restore: nameOf(restore) },
            )
          : msg('Becoming primary: BackupSchedule {{name}} was just created; the operator is setting up its Velero schedules.', { name }),
      };
    }
    if (phase === 'Enabled') {
      return {
        role: 'primary',
        schedule: live,
        restore,
        reason: msg('Primary hub: BackupSchedule {{name}} writes this hub\'s backups to the storage location.', { name }),
      };
    }
    return {
      role: 'primary',
      flag: 'failing',
      schedule: live,
      restore,
      reason: msg(
        'Primary hub, but not backing up: BackupSchedule {{name}} is {{phase}}. The operator says: {{message}}',
        { name, phase, message: live.status?.lastMessage || '—' },
      ),
    };
  }

  if (collided) {
    return {
      role: 'standalone',
      flag: 'collision',
      schedule: collided,
      restore,
      reason: msg(
        'Not backing up: BackupSchedule {{name}} stopped with a backup collision, because another hub writes to the same storage location. Decide which hub is primary before recreating it.',
        { name: nameOf(collided) },
      ),
    };
  }

  if (restore) return roleFromRestoreOnly(restore);

  return {
    role: 'standalone',
    reason: msg('Standalone hub: no BackupSchedule and no Restore. This hub neither writes backups nor keeps a copy of another hub\'s data.'),
  };
};
