import { msg, type Message } from '../k8s/message';
import { ANNOTATIONS, BACKUP_NAMESPACE, DEFAULT_SCHEDULE_NAME, LABELS, MSA_ACCOUNT_NAMES } from '../k8s/names';
import type { BackupSchedule, ManagedCluster, Restore, VeleroBackup, VeleroSchedule } from '../k8s/types';
import type { BackupScheduleFormInput } from '../operand/backupSchedule';
import { validateCron } from '../operand/cron';
import { durationToMs } from '../operand/duration';
import { defaultRestoreName } from '../operand/restore';
import { backupTimeOf, backupTimestampOf, backupTypeOf, newestGoodBackupPerType, rpoSeverity } from './backups';
import { detectCollision } from './collision';
import { formatDurationShort, formatGoDuration } from './format';
import { isLocalCluster } from './hubIdentity';
import {
  currentSchedule,
  hubRole,
  isDeleting,
  isScheduleLive,
  isSchedulePaused,
  PROMOTION_ACTION,
  restoreActivates,
  restoreKind,
  type HubRole,
} from './hubRole';
import { ocDescribeCommand, ocResourceOf } from './ocCommands';
import {
  clusterReconnection,
  passiveFreshnessCheck,
  primaryIntervalMs,
  restoredBackupName,
  type HubSnapshot,
  type Watched,
} from './readiness';
import { canActivate } from './restoreHistory';
import { isRestoreActive } from './restorePhase';
import { parseTime } from './restoreObjects';

export { PROMOTION_ACTION };

/** The sample's name for the one-shot activation restore (§4 step 1). */
export const ACTIVATION_RESTORE_NAME = 'restore-acm-passive-activate';

/** The operator's sample schedule (§1 samples), proposed when nothing better is known. */
export const SAMPLE_CRON = '0 */1 * * *';
export const SAMPLE_TTL = '120h';

const usable = <T>(w: Watched<T> | undefined): w is Watched<T> => Boolean(w && w.loaded && !w.error);
const nameOf = (o: { metadata?: { name?: string } } | undefined): string => o?.metadata?.name ?? '';
const created = (o: { metadata?: { creationTimestamp?: string } }): number => parseTime(o.metadata?.creationTimestamp)?.getTime() ?? 0;

// ---- Activation: which object the first step patches or creates ----

export type ActivationStep =
  | { kind: 'patchSync'; restoreName: string; restore: Restore; warning?: Message }
  | { kind: 'create'; restoreName: string }
  | { kind: 'existing'; restoreName: string; restore: Restore }
  | { kind: 'none'; reason: Message };

/**
 * The activation restore of the current promotion: one this plugin annotated, or one that
 * activates managed clusters and is newer than the newest passive restore (a patched sync restore
 * is both). An activation from an earlier cycle, older than the current passive data, does not
 * count — otherwise a hub that was failed back could never be promoted again.
 */
export const findActivationRestore = (restores: readonly Restore[]): Restore | undefined => {
  const visible = restores.filter((r) => !isDeleting(r));
  const newestPassive = Math.max(0, ...visible.filter((r) => ['sync', 'passive'].includes(restoreKind(r))).map(created));
  return visible
    .filter((r) => restoreActivates(r))
    .filter((r) => Boolean(r.metadata?.annotations?.[ANNOTATIONS.action]) || created(r) >= newestPassive)
    .sort((a, b) => created(b) - created(a))[0];
};

/**
 * What step 1 does (§4): patch the syncing passive restore, or — when the passive data was restored
 * once — create the activation restore. Never a second activation when one exists.
 */
export const planActivation = (restores: readonly Restore[], now: Date): ActivationStep => {
  const existing = findActivationRestore(restores);
  if (existing) return { kind: 'existing', restoreName: nameOf(existing), restore: existing };
  const visible = restores.filter((r) => !isDeleting(r)).sort((a, b) => created(b) - created(a));
  const sync = visible.find((r) => restoreKind(r) === 'sync');
  if (sync) {
    const can = canActivate(sync);
    if (can.allowed) return { kind: 'patchSync', restoreName: nameOf(sync), restore: sync, ...(can.warning ? { warning: can.warning } : {}) };
    return { kind: 'none', reason: can.reason };
  }
  const passive = visible.find((r) => restoreKind(r) === 'passive');
  if (passive && !isRestoreActive(passive)) {
    const taken = restores.some((r) => nameOf(r) === ACTIVATION_RESTORE_NAME);
    return { kind: 'create', restoreName: taken ? defaultRestoreName('activation', now) : ACTIVATION_RESTORE_NAME };
  }
  if (passive) {
    return { kind: 'none', reason: msg('Restore {{name}} is still restoring the passive data; activation is possible once it has finished.', { name: nameOf(passive) }) };
  }
  return { kind: 'none', reason: msg('This hub holds no passive copy of the primary hub\'s data (no sync or passive restore), so there is nothing to activate.') };
};

// ---- The schedule to create (step 4) ----

export type SuggestedSchedule = {
  form: BackupScheduleFormInput;
  derivedFrom: 'veleroSchedule' | 'backups' | 'default';
  note: Message;
};

const mode = (values: number[]): number | undefined => {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: number | undefined;
  let bestCount = 0;
  for (const [v, c] of counts) if (c > bestCount || (c === bestCount && best !== undefined && v < best)) [best, bestCount] = [v, c];
  return best;
};

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * A cron expression that fires every `intervalMs` at the same clock positions as the given run
 * times (UTC, the Velero pod's zone): the most common minute (and hour offset) wins, so the
 * operator's immediate first backup, taken off-schedule, does not skew it. Undefined for intervals
 * a 5-field cron cannot express evenly.
 */
export const cronFromRuns = (intervalMs: number, runs: readonly Date[]): string | undefined => {
  if (!runs.length || intervalMs <= 0 || intervalMs % MINUTE !== 0) return undefined;
  const minute = mode(runs.map((d) => d.getUTCMinutes())) ?? 0;
  if (intervalMs % HOUR === 0) {
    const hours = intervalMs / HOUR;
    if (hours === 24) return `${minute} ${mode(runs.map((d) => d.getUTCHours())) ?? 0} * * *`;
    if (hours === 168) return `${minute} ${mode(runs.map((d) => d.getUTCHours())) ?? 0} * * ${mode(runs.map((d) => d.getUTCDay())) ?? 0}`;
    if (24 % hours !== 0) return undefined;
    const offset = mode(runs.map((d) => d.getUTCHours() % hours)) ?? 0;
    return `${minute} ${offset === 0 ? `*/${hours}` : `${offset}-23/${hours}`} * * *`;
  }
  const minutes = intervalMs / MINUTE;
  if (minutes >= 60 || 60 % minutes !== 0) return undefined;
  const offset = mode(runs.map((d) => d.getUTCMinutes() % minutes)) ?? 0;
  return `${offset === 0 ? `*/${minutes}` : `${offset}-59/${minutes}`} * * * *`;
};

const goDuration = (value: string | undefined): string | undefined => {
  const ms = value ? durationToMs(value) : undefined;
  return ms !== undefined && ms > 0 ? formatGoDuration(ms) : undefined;
};

/**
 * The old primary's schedule, as far as this hub can know it: its Velero schedule if one is
 * visible, else rebuilt from its backups (the `backup-schedule-name` label for the name, the
 * backups' TTL, the heartbeat TTL or the spacing of its backups for the cron), else the operator's
 * sample (hourly, 120h). The admin edits it before the action starts.
 */
export const lastKnownSchedule = ({
  backups,
  veleroSchedules = [],
  writer,
  useManagedServiceAccount,
}: {
  backups: readonly VeleroBackup[];
  veleroSchedules?: readonly VeleroSchedule[];
  /** The old primary's id; all writers when undefined. */
  writer?: string;
  /** Whether the old primary used MSA auto-import (its MSAs or tokens are in the restored data). */
  useManagedServiceAccount?: boolean;
}): SuggestedSchedule => {
  const own = backups.filter((b) => writer === undefined || b.metadata?.labels?.[LABELS.backupCluster] === writer);
  const byTimeDesc = [...own].sort((a, b) => (backupTimeOf(b)?.getTime() ?? 0) - (backupTimeOf(a)?.getTime() ?? 0));
  const name = byTimeDesc.find((b) => b.metadata?.labels?.[LABELS.scheduleName])?.metadata?.labels?.[LABELS.scheduleName] || DEFAULT_SCHEDULE_NAME;
  const msa = useManagedServiceAccount ? { useManagedServiceAccount: true } : {};
  const base = { name, namespace: BACKUP_NAMESPACE, ...msa };

  const vs = veleroSchedules.find(
    (s) => s.spec?.schedule && (writer === undefined || s.metadata?.labels?.[LABELS.backupCluster] === writer) && backupTypeOfSchedule(s) === 'resources',
  ) ?? veleroSchedules.find((s) => s.spec?.schedule && (writer === undefined || s.metadata?.labels?.[LABELS.backupCluster] === writer));
  if (vs?.spec?.schedule && !validateCron(vs.spec.schedule)) {
    const ttl = goDuration(vs.spec.template?.ttl);
    return {
      form: { ...base, name: vs.metadata?.labels?.[LABELS.scheduleName] || name, veleroSchedule: vs.spec.schedule, ...(ttl ? { veleroTtl: ttl } : {}) },
      derivedFrom: 'veleroSchedule',
      note: msg('Copied from Velero schedule {{name}} of the old primary hub.', { name: nameOf(vs) }),
    };
  }

  const resources = byTimeDesc.filter((b) => backupTypeOf(b) === 'resources');
  const interval = primaryIntervalMs(own, undefined);
  const runs = resources.map((b) => backupTimestampOf(nameOf(b)) ?? backupTimeOf(b)).filter((d): d is Date => Boolean(d));
  const cron = interval !== undefined ? cronFromRuns(interval, runs) : undefined;
  const ttl = goDuration(resources.find((b) => b.spec?.ttl)?.spec?.ttl);
  if (cron && !validateCron(cron)) {
    return {
      form: { ...base, veleroSchedule: cron, veleroTtl: ttl ?? SAMPLE_TTL },
      derivedFrom: 'backups',
      note: msg(
        'Rebuilt from the old primary hub\'s backups: one every {{interval}}, kept {{ttl}}. Check it against the schedule the old primary used.',
        { interval: formatDurationShort(interval as number), ttl: ttl ?? SAMPLE_TTL },
      ),
    };
  }
  return {
    form: { ...base, veleroSchedule: SAMPLE_CRON, veleroTtl: ttl ?? SAMPLE_TTL },
    derivedFrom: 'default',
    note: msg('The old primary hub\'s schedule cannot be read from its backups: the operator\'s sample (every hour, backups kept 120h) is proposed. Adjust it before starting.'),
  };
};

const backupTypeOfSchedule = (s: VeleroSchedule): string | undefined => s.metadata?.labels?.[LABELS.scheduleType];

// ---- Preflight (§4 "Preconditions") ----

export type PromotionAccess = {
  /** SelfSubjectAccessReview: patch Restores in the backup namespace. */
  patchRestores?: boolean;
  /** create Restores in the backup namespace. */
  createRestores?: boolean;
  /** create BackupSchedules in the backup namespace. */
  createBackupSchedules?: boolean;
};

export type PromotionInput = HubSnapshot & {
  access: PromotionAccess;
  /** The primary this passive hub follows; by default the writer of the backup it last restored. */
  expectedPrimaryId?: string;
  crdServed?: { managedServiceAccount?: boolean };
  veleroSchedules?: Watched<VeleroSchedule[]>;
};

export type PreflightId =
  | 'passive'
  | 'storageLocation'
  | 'managedClustersBackup'
  | 'noOtherRestore'
  | 'permissions'
  | 'newestBackup'
  | 'oldPrimaryStopped'
  | 'clustersReconnect'
  | 'passiveFresh';

export type PreflightCheck = {
  id: PreflightId;
  level: 'blocker' | 'warning';
  status: 'pass' | 'fail' | 'unknown';
  title: Message;
  detail: Message;
  fix?: Message;
  clusters?: string[];
};

export type Preflight = {
  checks: PreflightCheck[];
  /** Every blocker passes: an unknown blocker disables the action too. */
  canPromote: boolean;
  role?: HubRole;
  activation?: ActivationStep;
};

const TITLES: Record<PreflightId, Message> = {
  passive: msg('This hub is passive'),
  storageLocation: msg('Storage location available'),
  managedClustersBackup: msg('A completed managed clusters backup exists'),
  noOtherRestore: msg('No other restore running'),
  permissions: msg('You may activate restores and create schedules'),
  newestBackup: msg('Newest backup is recent and from the expected primary'),
  oldPrimaryStopped: msg('The old primary hub has stopped'),
  clustersReconnect: msg('Managed clusters reconnect by themselves'),
  passiveFresh: msg('Passive data up to date'),
};

const BLOCKERS: readonly PreflightId[] = ['passive', 'storageLocation', 'managedClustersBackup', 'noOtherRestore', 'permissions'];

const item = (
  id: PreflightId,
  status: PreflightCheck['status'],
  detail: Message,
  extra: { fix?: Message; clusters?: string[] } = {},
): PreflightCheck => ({
  id,
  level: BLOCKERS.includes(id) ? 'blocker' : 'warning',
  status,
  title: TITLES[id],
  detail,
  ...(extra.fix && status !== 'pass' ? { fix: extra.fix } : {}),
  ...(extra.clusters && extra.clusters.length ? { clusters: extra.clusters } : {}),
});

const unread = (id: PreflightId, w: Watched<unknown> | undefined): PreflightCheck =>
  item(id, 'unknown', w?.error ? msg('Could not be read (you may lack permission), so this is unknown.') : msg('Not read yet.'));

const passiveCheck = (role: HubRole): PreflightCheck => {
  const restore = nameOf(role.restore);
  const schedule = nameOf(role.schedule);
  if (role.role === 'passive' && role.flag !== 'conflict') {
    return item('passive', 'pass', msg('Restore {{name}} holds the primary hub\'s data, and this hub has no active BackupSchedule.', { name: restore }));
  }
  if (role.flag === 'conflict') {
    return item('passive', 'fail', msg('BackupSchedule {{schedule}} exists next to restore {{restore}}.', { schedule, restore }), {
      fix: msg('Delete BackupSchedule {{schedule}} on this hub first: a hub being promoted must not write backups yet.', { schedule }),
    });
  }
  if (role.role === 'primary') {
    return item('passive', 'fail', msg('This hub is already the primary: BackupSchedule {{schedule}} exists.', { schedule }));
  }
  if (role.role === 'transition') {
    return role.restore && !role.schedule
      ? item('passive', 'fail', msg('An activation is already under way on this hub (restore {{restore}}): follow its progress instead of starting another.', { restore }))
      : item('passive', 'fail', msg('This hub is already becoming primary: BackupSchedule {{schedule}} exists.', { schedule }));
  }
  return item('passive', 'fail', msg('This hub holds no passive copy of the primary hub\'s data: no sync or passive restore.'), {
    fix: msg('Create a passive sync restore first and wait until it is Enabled; then this hub can be promoted.'),
  });
};

const storageLocationCheck = (input: PromotionInput): PreflightCheck => {
  const w = input.storageLocations;
  if (!usable(w)) return unread('storageLocation', w);
  const available = w.data.find((b) => b.status?.phase === 'Available');
  if (available) return item('storageLocation', 'pass', msg('BackupStorageLocation {{name}} is Available.', { name: nameOf(available) }));
  return item(
    'storageLocation',
    'fail',
    w.data.length
      ? msg('BackupStorageLocation {{name}} is {{phase}}: the backups cannot be read.', { name: nameOf(w.data[0]), phase: w.data[0].status?.phase || 'not validated' })
      : msg('No BackupStorageLocation exists on this hub.'),
    { fix: msg('Point this hub\'s DataProtectionApplication at the same bucket as the old primary, with valid credentials.') },
  );
};

const managedClustersBackupCheck = (input: PromotionInput): PreflightCheck => {
  if (!usable(input.backups)) return unread('managedClustersBackup', input.backups);
  const completed = input.backups.data
    .filter((b) => backupTypeOf(b) === 'managedClusters' && b.status?.phase === 'Completed' && !isDeleting(b))
    .sort((a, b) => (backupTimeOf(b)?.getTime() ?? 0) - (backupTimeOf(a)?.getTime() ?? 0));
  if (completed.length) {
    const newest = completed[0];
    return item('managedClustersBackup', 'pass', msg('Newest: {{name}}, written by hub {{hub}}.', {
      name: nameOf(newest),
      hub: newest.metadata?.labels?.[LABELS.backupCluster] ?? '?',
    }));
  }
  const partial = input.backups.data.some((b) => backupTypeOf(b) === 'managedClusters' && b.status?.phase === 'PartiallyFailed');
  return item(
    'managedClustersBackup',
    'fail',
    partial
      ? msg('Only partially failed managed clusters backups exist: activating from one may leave clusters behind.')
      : msg('No completed managed clusters backup is in the storage location: there is nothing to activate.'),
    { fix: msg('Check that this hub\'s storage location is the old primary\'s bucket, and that Velero has synced its backups.') },
  );
};

const noOtherRestoreCheck = (input: PromotionInput, activation: ActivationStep): PreflightCheck => {
  if (!usable(input.restores)) return unread('noOtherRestore', input.restores);
  const patched = activation.kind === 'patchSync' ? activation.restoreName : undefined;
  const running = input.restores.data.filter((r) => !isDeleting(r) && isRestoreActive(r) && nameOf(r) !== patched);
  if (!running.length) return item('noOtherRestore', 'pass', msg('No restore other than the passive one is active.'));
  return item(
    'noOtherRestore',
    'fail',
    msg('The operator runs one restore at a time, and these are not finished: {{names}}.', {
      names: running.map((r) => `${nameOf(r)} (${r.status?.phase || 'new'})`).join(', '),
    }),
    { fix: msg('Wait for them to finish, or delete those in Error after reading their status.') },
  );
};

const permissionsCheck = (access: PromotionAccess, activation: ActivationStep): PreflightCheck => {
  const restoreVerb =
    activation.kind === 'patchSync' ? access.patchRestores : activation.kind === 'create' ? access.createRestores : true;
  const needed: [boolean | undefined, string][] = [
    [restoreVerb, activation.kind === 'patchSync' ? 'patch restores' : 'create restores'],
    [access.createBackupSchedules, 'create backupschedules'],
  ];
  const denied = needed.filter(([ok]) => ok === false).map(([, what]) => what);
  if (denied.length) {
    return item('permissions', 'fail', msg('You may not: {{actions}} in {{namespaceName}}.', { actions: denied.join(', '), namespaceName: BACKUP_NAMESPACE }), {
      fix: msg('Ask a cluster administrator for these permissions in the backup namespace.'),
    });
  }
  if (needed.some(([ok]) => ok === undefined)) return item('permissions', 'unknown', msg('Your permissions are being checked.'));
  return item('permissions', 'pass', msg('You may activate the restore and create the BackupSchedule.'));
};

/** The primary this hub follows: the writer of the backup its passive restore last restored. */
export const expectedPrimary = (restores: readonly Restore[], backups: readonly VeleroBackup[]): string | undefined => {
  const passive = restores
    .filter((r) => ['sync', 'passive', 'activation'].includes(restoreKind(r)))
    .sort((a, b) => created(b) - created(a));
  for (const r of passive) {
    for (const field of ['veleroResourcesRestoreName', 'veleroCredentialsRestoreName'] as const) {
      const restored = restoredBackupName(r, field);
      const writer = backups.find((b) => nameOf(b) === restored)?.metadata?.labels?.[LABELS.backupCluster];
      if (writer) return writer;
    }
  }
  return undefined;
};

const newestBackupCheck = (input: PromotionInput, expected: string | undefined): PreflightCheck => {
  if (!usable(input.backups)) return unread('newestBackup', input.backups);
  const newest = newestGoodBackupPerType(input.backups.data).resources;
  if (!newest) return item('newestBackup', 'unknown', msg('No completed resources backup is visible.'));
  const writer = newest.writer;
  if (expected && writer && writer !== input.thisHubId && writer !== expected) {
    return item(
      'newestBackup',
      'fail',
      msg('The newest backup, {{name}}, was written by hub {{writer}}, not by {{expected}}, the primary this hub follows: another hub writes to this storage location.', {
        name: newest.name,
        writer,
        expected,
      }),
      { fix: msg('Find out which hub {{writer}} is before promoting: promoting now would take over the clusters from it.', { writer }) },
    );
  }
  const interval = primaryIntervalMs(input.backups.data, writer);
  const rpo = rpoSeverity({ newestGood: newest, intervalMs: interval, now: input.now });
  if (rpo.severity === 'warning' || rpo.severity === 'critical') {
    return item(
      'newestBackup',
      'fail',
      msg('The newest backup is {{age}} old, while the primary wrote one every {{interval}}: changes made on the primary since then are not in it and will be lost.', {
        age: formatDurationShort(rpo.ageMs ?? 0),
        interval: formatDurationShort(interval ?? 0),
      }),
    );
  }
  return item(
    'newestBackup',
    rpo.severity === 'unknown' ? 'unknown' : 'pass',
    msg('The newest backup, {{name}}, is {{age}} old, written by hub {{writer}}.', {
      name: newest.name,
      age: formatDurationShort(Math.max(0, input.now.getTime() - newest.time.getTime())),
      writer: writer ?? '?',
    }),
  );
};

const oldPrimaryCheck = (input: PromotionInput, expected: string | undefined, role: HubRole | undefined): PreflightCheck => {
  if (!usable(input.backups)) return unread('oldPrimaryStopped', input.backups);
  const backups = input.backups.data;
  const fromOld = (b: VeleroBackup) => {
    const w = b.metadata?.labels?.[LABELS.backupCluster];
    return w !== undefined && w !== input.thisHubId && (expected === undefined || w === expected);
  };
  const hub = expected ?? '?';
  const fix = msg(
    'On the old primary hub, pause its BackupSchedule (spec.paused: true) and annotate its ManagedClusters with import.open-cluster-management.io/disable-auto-import, or shut it down. Otherwise both hubs manage the same clusters.',
  );

  const heartbeat = backups
    .filter((b) => fromOld(b) && backupTypeOf(b) === 'validation')
    .sort((a, b) => (backupTimeOf(b)?.getTime() ?? 0) - (backupTimeOf(a)?.getTime() ?? 0))[0];
  if (heartbeat) {
    // The heartbeat lives one cron interval plus 5 minutes (§1): unexpired means the primary's cron ran recently.
    const expires = parseTime(heartbeat.status?.expiration)?.getTime() ??
      (backupTimeOf(heartbeat)?.getTime() ?? 0) + (durationToMs(heartbeat.spec?.ttl ?? '') ?? 0);
    if (expires > input.now.getTime()) {
      return item(
        'oldPrimaryStopped',
        'fail',
        msg('Hub {{hub}} may still be running: its heartbeat backup {{name}} is {{age}} old, so its schedule ran within the last interval.', {
          hub,
          name: nameOf(heartbeat),
          age: formatDurationShort(Math.max(0, input.now.getTime() - (backupTimeOf(heartbeat)?.getTime() ?? 0))),
        }),
        { fix },
      );
    }
  }

  const restore = role?.restore;
  const restored = restore ? restoredBackupName(restore, 'veleroResourcesRestoreName') : undefined;
  const restoredAt = restored ? backupTimestampOf(restored) ?? backupTimeOf(backups.find((b) => nameOf(b) === restored) ?? {}) : undefined;
  if (restoredAt) {
    const newer = backups.filter(
      (b) => fromOld(b) && backupTypeOf(b) === 'resources' && (backupTimeOf(b)?.getTime() ?? 0) > restoredAt.getTime(),
    );
    if (newer.length) {
      return item(
        'oldPrimaryStopped',
        'fail',
        msg('Hub {{hub}} may still be running: it wrote {{count}} backups after the one this hub last restored ({{restored}}).', {
          hub,
          count: newer.length,
          restored: restored ?? '',
        }),
        { fix },
      );
    }
  }
  if (!heartbeat && !restoredAt) {
    return item('oldPrimaryStopped', 'unknown', msg('Neither a heartbeat backup nor the last restored backup is visible, so whether hub {{hub}} still runs is unknown.', { hub }), { fix });
  }
  return item('oldPrimaryStopped', 'pass', msg('Hub {{hub}} has written no backup since this hub\'s last sync, and its heartbeat has expired.', { hub }));
};

const reconnectCheck = (input: PromotionInput): PreflightCheck => {
  if (!usable(input.managedClusters)) return unread('clustersReconnect', input.managedClusters);
  const r = clusterReconnection(input);
  // Clusters already connected to this hub are its own, not the old primary's: they stay.
  const connectedHere = new Set(input.managedClusters.data.filter(isAvailable).map(nameOf));
  const fromPrimary = r.clusters.filter((c) => !(c.visible && connectedHere.has(c.name)));
  const fix = msg(
    'After activation, import these clusters again: create an auto-import-secret (kubeconfig, or token and server) in each cluster\'s namespace, or import them from the console. To avoid it next time, turn on useManagedServiceAccount in the BackupSchedule.',
  );
  const wont = r.wontReconnect.filter((c) => fromPrimary.includes(c)).map((c) => c.name);
  if (wont.length) {
    return item(
      'clustersReconnect',
      'fail',
      msg('{{count}} imported clusters will not reconnect by themselves (no auto-import token, or no server URL).', { count: wont.length }),
      { fix, clusters: wont },
    );
  }
  if (!fromPrimary.some((c) => c.visible)) {
    return item(
      'clustersReconnect',
      'unknown',
      msg(
        'Managed clusters appear on this hub only when activated. The restored data shows {{hive}} Hive-created clusters and {{tokens}} with an auto-import token: these reconnect by themselves. Any cluster imported without a token is not visible yet and will need a manual import.',
        { hive: r.hive, tokens: fromPrimary.filter((c) => c.how === 'msa').length },
      ),
    );
  }
  return item('clustersReconnect', 'pass', msg('All {{count}} managed clusters reconnect by themselves.', { count: fromPrimary.length }));
};

/**
 * The ordered checks before promoting this passive hub (§4): blockers first, then warnings that
 * inform without blocking. Nothing unknown lets a blocker pass.
 */
export const promotionPreflight = (input: PromotionInput): Preflight => {
  const roleKnown = usable(input.schedules) && usable(input.restores);
  const role = roleKnown ? hubRole({ schedules: input.schedules.data, restores: input.restores.data }) : undefined;
  const activation = usable(input.restores) ? planActivation(input.restores.data, input.now) : undefined;
  const expected =
    input.expectedPrimaryId ?? (usable(input.restores) && usable(input.backups) ? expectedPrimary(input.restores.data, input.backups.data) : undefined);

  const checks: PreflightCheck[] = [
    role ? passiveCheck(role) : unread('passive', usable(input.schedules) ? input.restores : input.schedules),
    storageLocationCheck(input),
    managedClustersBackupCheck(input),
    activation ? noOtherRestoreCheck(input, activation) : unread('noOtherRestore', input.restores),
    activation ? permissionsCheck(input.access, activation) : unread('permissions', input.restores),
    newestBackupCheck(input, expected),
    oldPrimaryCheck(input, expected, role),
    reconnectCheck(input),
  ];
  if (role?.role === 'passive' && role.restore) {
    // The primary's own silence is the `newestBackup` warning; here only this hub's lag counts.
    const fresh = passiveFreshnessCheck(input, role, { primaryAge: false });
    checks.push(
      item('passiveFresh', fresh.status === 'pass' ? 'pass' : fresh.status === 'warn' || fresh.status === 'fail' ? 'fail' : 'unknown', fresh.detail, {
        fix: msg('Activation with a sync restore restores the newest backups anyway; with a one-time passive copy, older hub data is activated.'),
      }),
    );
  } else {
    checks.push(unread('passiveFresh', input.restores));
  }
  if (activation?.kind === 'none' && checks[0].status === 'pass') {
    checks[0] = item('passive', 'fail', activation.reason);
  }
  const canPromote = checks.every((c) => c.level !== 'blocker' || c.status === 'pass');
  return { checks, canPromote, ...(role ? { role } : {}), ...(activation ? { activation } : {}) };
};

// ---- Plan ----

export type PromotionStepId = 'activate' | 'restore' | 'reconnect' | 'schedule' | 'verify';

export const PROMOTION_STEPS: readonly PromotionStepId[] = ['activate', 'restore', 'reconnect', 'schedule', 'verify'];

export type PlannedStep = { id: PromotionStepId; title: Message; description: Message; done: boolean };

export type PromotionPlan = {
  activation: ActivationStep;
  /** The schedule to create; undefined when one already exists. */
  schedule?: SuggestedSchedule;
  existingSchedule?: BackupSchedule;
  steps: PlannedStep[];
};

const STEP_TITLES: Record<PromotionStepId, Message> = {
  activate: msg('Activate the managed clusters'),
  restore: msg('Restore the managed clusters'),
  reconnect: msg('Managed clusters reconnect'),
  schedule: msg('Create the backup schedule'),
  verify: msg('Verify the new primary'),
};

/** The promotion's steps in order, on this hub, with what each will do. */
export const promotionPlan = (input: PromotionInput): PromotionPlan => {
  const restores = usable(input.restores) ? input.restores.data : [];
  const schedules = usable(input.schedules) ? input.schedules.data : [];
  const backups = usable(input.backups) ? input.backups.data : [];
  const activation = planActivation(restores, input.now);
  const live = currentSchedule(schedules);
  const existingSchedule = live && isScheduleLive(live) ? live : undefined;
  const writer = input.expectedPrimaryId ?? expectedPrimary(restores, backups);
  const reconnection = clusterReconnection(input);
  const usedMsa =
    (usable(input.managedServiceAccounts) && input.managedServiceAccounts.data.some((m) => MSA_ACCOUNT_NAMES.includes(nameOf(m)))) ||
    (usable(input.msaTokenSecrets) && input.msaTokenSecrets.data.some((s) => MSA_ACCOUNT_NAMES.includes(nameOf(s))));
  const schedule = existingSchedule
    ? undefined
    : lastKnownSchedule({
        backups,
        veleroSchedules: usable(input.veleroSchedules) ? input.veleroSchedules.data : [],
        writer,
        useManagedServiceAccount: usedMsa,
      });

  const restoreName = activation.kind === 'none' ? '' : activation.restoreName;
  const activate: Message =
    activation.kind === 'patchSync'
      ? msg('Set veleroManagedClustersBackupName to latest on restore {{name}}: the operator restores the newest managed clusters backup and the clusters move to this hub. Syncing stops.', { name: restoreName })
      : activation.kind === 'create'
        ? msg('Create restore {{name}} (managed clusters: latest, credentials and resources: skip, cleanup: CleanupRestored) on top of the passive data already on this hub.', { name: restoreName })
        : activation.kind === 'existing'
          ? msg('Already done: restore {{name}} activates the managed clusters.', { name: restoreName })
          : activation.reason;
  const manual = reconnection.wontReconnect.length;
  const steps: PlannedStep[] = [
    { id: 'activate', title: STEP_TITLES.activate, description: activate, done: activation.kind === 'existing' },
    {
      id: 'restore',
      title: STEP_TITLES.restore,
      description: msg('Watch the restore until it is Finished (or FinishedWithErrors); its status lists what auto-import did for each cluster.'),
      done: activation.kind === 'existing' && !isRestoreActive(activation.restore),
    },
    {
      id: 'reconnect',
      title: STEP_TITLES.reconnect,
      description: manual
        ? msg('Hive-created clusters reconnect by themselves and imported ones through their auto-import token; {{count}} clusters will need a manual import.', { count: manual })
        : msg('Hive-created clusters reconnect by themselves and imported ones through their auto-import token.'),
      done: false,
    },
    {
      id: 'schedule',
      title: STEP_TITLES.schedule,
      description: existingSchedule
        ? msg('Already done: BackupSchedule {{name}} exists.', { name: nameOf(existingSchedule) })
        : msg('Create BackupSchedule {{name}} ({{cron}}, backups kept {{ttl}}) to the same storage location, so this hub\'s backups follow the old primary\'s.', {
            name: schedule?.form.name ?? DEFAULT_SCHEDULE_NAME,
            cron: schedule?.form.veleroSchedule ?? SAMPLE_CRON,
            ttl: schedule?.form.veleroTtl ?? SAMPLE_TTL,
          }),
      done: Boolean(existingSchedule),
    },
    {
      id: 'verify',
      title: STEP_TITLES.verify,
      description: msg('Check that the schedule is Enabled, that a backup written by this hub appears, and that no collision is reported.'),
      done: false,
    },
  ];
  return { activation, ...(schedule ? { schedule } : {}), ...(existingSchedule ? { existingSchedule } : {}), steps };
};

// ---- State, derived from the cluster only (resumable) ----

export type StepStatus = 'pending' | 'active' | 'done' | 'failed';

export type PromotionStepState = { id: PromotionStepId; status: StepStatus; detail?: Message };

export type PromotionFailure = { step: PromotionStepId; reason: Message; manualCommand: string };

export type PromotionState = {
  started: boolean;
  /** The first step not done; `done` once verified. */
  current: PromotionStepId | 'done';
  steps: PromotionStepState[];
  activationRestore?: Restore;
  schedule?: BackupSchedule;
  clusters: { total: number; available: number; waiting: string[]; needManualImport: string[] };
  /** The restore has finished and no schedule exists yet: step 4 may run (clusters still reconnecting do not hold it). */
  canCreateSchedule: boolean;
  failed?: PromotionFailure;
};

const isAvailable = (mc: ManagedCluster): boolean =>
  Boolean(mc.status?.conditions?.some((c) => c.type === 'ManagedClusterConditionAvailable' && c.status === 'True'));

const MANUAL_IMPORT_MESSAGES = [/^Cannot reimport cluster (\S+), no serverUrl property/, /^No suitable MSA secret found for cluster \((\S+)\)/, /^Failed to create auto-import-secret for \((\S+)\)/];

const ns = `-n ${BACKUP_NAMESPACE}`;

const activationRestoreYaml = (name: string): string =>
  [
    `cat <<'EOF' | oc apply -f -`,
    'apiVersion: cluster.open-cluster-management.io/v1beta1',
    'kind: Restore',
    'metadata:',
    `  name: ${name}`,
    `  namespace: ${BACKUP_NAMESPACE}`,
    'spec:',
    '  cleanupBeforeRestore: CleanupRestored',
    '  veleroManagedClustersBackupName: latest',
    '  veleroCredentialsBackupName: skip',
    '  veleroResourcesBackupName: skip',
    'EOF',
  ].join('\n');

/**
 * Where the promotion stands, from the cluster objects alone, so that reopening the page resumes
 * it and a second tab never repeats a step:
 * 1 activate — done once a sync restore asks for managed clusters `latest`, or an activation
 *   restore exists (see `findActivationRestore`);
 * 2 restore — done at Finished/FinishedWithErrors, failed at Error;
 * 3 reconnect — done when every managed cluster is Available or is one the operator reported it
 *   cannot import (its status messages);
 * 4 schedule — done once a BackupSchedule exists;
 * 5 verify — done when it is Enabled and this hub has completed a backup since it was created;
 *   failed on a collision or a Failed schedule.
 */
export const promotionState = ({
  restores,
  schedules,
  backups,
  managedClusters,
  thisHubId,
  now,
}: {
  restores: readonly Restore[];
  schedules: readonly BackupSchedule[];
  backups: readonly VeleroBackup[];
  managedClusters: readonly ManagedCluster[];
  thisHubId?: string;
  now: Date;
}): PromotionState => {
  const activationRestore = findActivationRestore(restores);
  const schedule = currentSchedule(schedules);
  const clustersAll = managedClusters.filter((mc) => !isLocalCluster(mc));
  const manualFromMessages = new Set(
    (activationRestore?.status?.messages ?? [])
      .map((m) => MANUAL_IMPORT_MESSAGES.map((re) => re.exec(m)?.[1]).find(Boolean))
      .filter((n): n is string => Boolean(n)),
  );
  const waiting = clustersAll.filter((mc) => !isAvailable(mc)).map(nameOf);
  const clusters = {
    total: clustersAll.length,
    available: clustersAll.length - waiting.length,
    waiting: waiting.filter((n) => !manualFromMessages.has(n)),
    needManualImport: waiting.filter((n) => manualFromMessages.has(n)),
  };

  const steps: Record<PromotionStepId, PromotionStepState> = {
    activate: { id: 'activate', status: 'pending' },
    restore: { id: 'restore', status: 'pending' },
    reconnect: { id: 'reconnect', status: 'pending' },
    schedule: { id: 'schedule', status: 'pending' },
    verify: { id: 'verify', status: 'pending' },
  };
  let failed: PromotionFailure | undefined;
  const fail = (step: PromotionStepId, reason: Message, manualCommand: string) => {
    steps[step] = { id: step, status: 'failed', detail: reason };
    failed ??= { step, reason, manualCommand };
  };

  let restoreDone = false;
  if (activationRestore) {
    const name = nameOf(activationRestore);
    const phase = activationRestore.status?.phase ?? '';
    steps.activate = { id: 'activate', status: 'done', detail: msg('Restore {{name}} activates the managed clusters.', { name }) };
    if (phase === 'Finished' || phase === 'FinishedWithErrors') {
      restoreDone = true;
      steps.restore = {
        id: 'restore',
        status: 'done',
        detail:
          phase === 'Finished'
            ? msg('Restore {{name}} finished.', { name })
            : msg('Restore {{name}} finished with errors; Velero also reports an empty backup this way. Read its Velero restores before relying on it.', { name }),
      };
    } else if (phase === 'Error') {
      fail(
        'restore',
        msg('Restore {{name}} stopped with an error: {{message}}', { name, message: activationRestore.status?.lastMessage || '—' }),
        [
          ocDescribeCommand('Restore', name),
          '# Once the cause is fixed, activate again with a new restore:',
          `oc delete ${ocResourceOf('Restore')} ${name} ${ns}`,
          activationRestoreYaml(ACTIVATION_RESTORE_NAME === name ? defaultRestoreName('activation', now) : ACTIVATION_RESTORE_NAME),
        ].join('\n'),
      );
    } else {
      const waitingForOperator = phase === 'Enabled' || phase === 'EnabledWithErrors' || phase === '';
      steps.restore = {
        id: 'restore',
        status: 'active',
        detail: waitingForOperator
          ? msg('Waiting for the operator to start activating with restore {{name}}.', { name })
          : msg('Restore {{name}} is {{phase}}.', { name, phase }),
      };
    }
  }

  const liveSchedule = schedule && isScheduleLive(schedule) ? schedule : undefined;
  const collidedSchedule = schedule && schedule.status?.phase === 'BackupCollision' ? schedule : undefined;

  if (restoreDone) {
    const pending = clusters.waiting.length;
    steps.reconnect =
      pending === 0
        ? {
            id: 'reconnect',
            status: 'done',
            detail: clusters.needManualImport.length
              ? msg('{{available}} of {{total}} clusters are available; these need a manual import: {{names}}.', {
                  available: clusters.available,
                  total: clusters.total,
                  names: clusters.needManualImport.join(', '),
                })
              : clusters.total === 0
                ? msg('This hub manages no cluster other than itself: nothing to reconnect.')
                : msg('All {{total}} managed clusters are available.', { total: clusters.total }),
          }
        : {
            id: 'reconnect',
            status: 'active',
            detail: msg('{{available}} of {{total}} managed clusters are available; waiting for: {{names}}.', {
              available: clusters.available,
              total: clusters.total,
              names: clusters.waiting.join(', '),
            }),
          };
  }

  if (liveSchedule || collidedSchedule) {
    const s = (liveSchedule ?? collidedSchedule) as BackupSchedule;
    steps.schedule = { id: 'schedule', status: 'done', detail: msg('BackupSchedule {{name}} exists.', { name: nameOf(s) }) };
  } else if (restoreDone) {
    steps.schedule = { id: 'schedule', status: 'active', detail: msg('Ready to create the BackupSchedule.') };
  }

  if (collidedSchedule || liveSchedule) {
    const s = (liveSchedule ?? collidedSchedule) as BackupSchedule;
    const name = nameOf(s);
    const phase = s.status?.phase ?? '';
    const collision = detectCollision({ schedule: s, backups, thisHubId, now });
    const writerId = thisHubId ?? s.status?.veleroScheduleResources?.metadata?.labels?.[LABELS.backupCluster];
    const since = parseTime(s.metadata?.creationTimestamp)?.getTime() ?? 0;
    const ownBackup = writerId
      ? backups.find(
          (b) =>
            b.metadata?.labels?.[LABELS.backupCluster] === writerId &&
            backupTypeOf(b) !== 'activationRecord' &&
            (b.status?.phase === 'Completed' || b.status?.phase === 'PartiallyFailed') &&
            (backupTimeOf(b)?.getTime() ?? 0) >= since,
        )
      : undefined;
    if (collision) {
      fail(
        'verify',
        collision.message,
        [
          '# On the other hub, stop its backups (pause or delete its BackupSchedule), for example:',
          `# oc patch ${ocResourceOf('BackupSchedule')} <name> ${ns} --type merge -p '{"spec":{"paused":true}}'`,
          '# Then, on this hub, recreate the schedule (a schedule in BackupCollision is never resumed):',
          `oc get ${ocResourceOf('BackupSchedule')} ${name} ${ns} -o yaml > ${name}.yaml`,
          `oc delete ${ocResourceOf('BackupSchedule')} ${name} ${ns}`,
          `# remove status and metadata other than name and namespace from ${name}.yaml, then:`,
          `oc create -f ${name}.yaml`,
        ].join('\n'),
      );
    } else if (phase === 'Failed') {
      fail(
        'verify',
        msg('BackupSchedule {{name}} failed: {{message}}', { name, message: s.status?.lastMessage || '—' }),
        [ocDescribeCommand('BackupSchedule', name), '# Fix the cause, then delete and recreate the BackupSchedule.'].join('\n'),
      );
    } else if (phase === 'Enabled' && ownBackup) {
      steps.verify = { id: 'verify', status: 'done', detail: msg('BackupSchedule {{name}} is Enabled and this hub wrote backup {{backup}}.', { name, backup: nameOf(ownBackup) }) };
    } else {
      steps.verify = {
        id: 'verify',
        status: 'active',
        detail: isSchedulePaused(s)
          ? msg('BackupSchedule {{name}} is paused: resume it so this hub writes backups.', { name })
          : phase === 'Enabled'
            ? msg('BackupSchedule {{name}} is Enabled; waiting for this hub\'s first completed backup.', { name })
            : phase === 'FailedValidation'
              ? msg('BackupSchedule {{name}} is not running yet; the operator retries every minute. It says: {{message}}', { name, message: s.status?.lastMessage || '—' })
              : msg('BackupSchedule {{name}} is being set up ({{phase}}).', { name, phase: phase || 'New' }),
      };
    }
  }

  const ordered = PROMOTION_STEPS.map((id) => steps[id]);
  // Clusters still reconnecting do not hold the schedule back: once it exists, the flow moves on.
  const current =
    ordered.find((s) => s.status !== 'done' && !(s.id === 'reconnect' && steps.schedule.status === 'done'))?.id ?? 'done';
  return {
    started: Boolean(activationRestore),
    current,
    steps: ordered,
    ...(activationRestore ? { activationRestore } : {}),
    ...(schedule ? { schedule } : {}),
    clusters,
    canCreateSchedule: restoreDone && !liveSchedule && !collidedSchedule,
    ...(failed ? { failed } : {}),
  };
};
