import { msg, type Message } from '../k8s/message';
import { LABELS, VELERO_SCHEDULE_NAMES } from '../k8s/names';
import type { BackupSchedule, VeleroBackup } from '../k8s/types';
import { activationRecords, backupTimeOf, backupTimestampOf, backupTypeOf } from './backups';
import { isSchedulePaused } from './hubRole';
import { parseTime } from './restoreObjects';

// ---- Activation records (§2 "Recording the activation") ----

/** "Hub X activated the managed clusters at T", read from an `acm-restore-clusters-*` record. */
export type Activation = {
  /** The record's (a Velero Backup) name. */
  name: string;
  /** The hub that activated the managed clusters (`restore-cluster` label). */
  hubId?: string;
  /** The Restore on that hub that did it. */
  restoreName?: string;
  time?: Date;
  /** The hub whose backup was restored (`backup-cluster` label). */
  sourceHubId?: string;
  /** The managed-clusters backup that was restored (label keyed by the schedule name). */
  restoredBackup?: string;
  backup: VeleroBackup;
};

export const isActivationRecord = (b: VeleroBackup): boolean => backupTypeOf(b) === 'activationRecord';

/** Activation records in storage, newest first. */
export const activations = (backups: readonly VeleroBackup[]): Activation[] =>
  activationRecords(backups).map((r) => ({
    name: r.name,
    hubId: r.restoringHub || undefined,
    restoreName: r.restoreName || undefined,
    time: r.time,
    sourceHubId: r.sourceHub || undefined,
    restoredBackup: r.restoredBackup || undefined,
    backup: r.backup,
  }));

/**
 * The last activation recorded in storage. The operator deletes older records after writing a new
 * one, so this is usually the only one; the newest wins while a deletion is pending.
 */
export const lastActivation = (backups: readonly VeleroBackup[]): Activation | undefined => activations(backups)[0];

// ---- Collision (§1 "Collision detection") ----

export type CollisionRule = 'foreignBackup' | 'foreignActivation' | 'unparsed';

export type Collision = {
  /** `operator`: the schedule is in BackupCollision. `storage`: seen in storage before the operator's next check. */
  source: 'operator' | 'storage';
  rule: CollisionRule;
  thisHubId?: string;
  otherHubIds: string[];
  since?: Date;
  latestForeignBackup?: VeleroBackup;
  activationRecord?: Activation;
  scheduleName?: string;
  message: Message;
  steps: Message[];
};

const BACKUP_FORM =
  /Backup (\S+), from cluster with id \[([^\]]*)\] is using the same storage location\. This is a backup collision with current cluster \[([^\]]*)\] backup\./;
const RESTORE_FORM = /Hub with id \[([^\]]*)\] had run a restore managed cluster operation, see \[([^\]]*)\]\./;

export type ParsedCollisionMessage =
  | { rule: 'foreignBackup'; backupName: string; otherHubId: string; thisHubId: string }
  | { rule: 'foreignActivation'; otherHubId: string; recordName: string };

/** The two exact message forms of §1 (the pause-error suffix and spacing quirks are tolerated). */
export const parseCollisionMessage = (text: string | undefined): ParsedCollisionMessage | undefined => {
  if (!text) return undefined;
  const b = BACKUP_FORM.exec(text);
  if (b) return { rule: 'foreignBackup', backupName: b[1], otherHubId: b[2], thisHubId: b[3] };
  const r = RESTORE_FORM.exec(text);
  if (r) return { rule: 'foreignActivation', otherHubId: r[1], recordName: r[2] };
  return undefined;
};

const isResourcesBackup = (b: VeleroBackup): boolean =>
  b.metadata?.labels?.[LABELS.veleroScheduleName] === VELERO_SCHEDULE_NAMES.resources;

const writerOf = (b: VeleroBackup): string | undefined => b.metadata?.labels?.[LABELS.backupCluster] || undefined;

const time = (b: VeleroBackup): number => backupTimeOf(b)?.getTime() ?? 0;

/**
 * The operator sorts by `status.startTimestamp` only (a missing one counts as the epoch); the
 * name's timestamp is the same moment for scheduled backups and keeps synced copies in order.
 */
const newestResourcesBackup = (backups: readonly VeleroBackup[]): VeleroBackup | undefined =>
  backups
    .filter((b) => isResourcesBackup(b) && b.status?.phase !== 'Deleting')
    .reduce<VeleroBackup | undefined>((best, b) => (!best || time(b) > time(best) ? b : best), undefined);

/** The id the operator compares with: this hub's, as written on its own Velero schedules. */
const scheduleHubId = (schedule: BackupSchedule | undefined): string | undefined =>
  schedule?.status?.veleroScheduleResources?.metadata?.labels?.[LABELS.backupCluster] ||
  schedule?.status?.veleroScheduleManagedClusters?.metadata?.labels?.[LABELS.backupCluster] ||
  schedule?.status?.veleroScheduleCredentials?.metadata?.labels?.[LABELS.backupCluster] ||
  undefined;

const veleroScheduleCreated = (schedule: BackupSchedule): Date | undefined =>
  parseTime(schedule.status?.veleroScheduleResources?.metadata?.creationTimestamp) ??
  parseTime(schedule.status?.veleroScheduleManagedClusters?.metadata?.creationTimestamp) ??
  parseTime(schedule.metadata?.creationTimestamp);

/** When the other hub started writing: its first resources backup after this hub's last one. */
const foreignSince = (backups: readonly VeleroBackup[], thisHubId: string | undefined, fallback?: Date): Date | undefined => {
  const resources = backups.filter((b) => isResourcesBackup(b) && writerOf(b)).sort((a, b) => time(a) - time(b));
  const lastOwn = thisHubId ? Math.max(0, ...resources.filter((b) => writerOf(b) === thisHubId).map(time)) : 0;
  const first = resources.find((b) => writerOf(b) !== thisHubId && time(b) > lastOwn);
  return first ? backupTimeOf(first) : fallback;
};

/** Every hub other than this one that wrote resources backups since this hub's last own backup. */
const otherWritersSince = (backups: readonly VeleroBackup[], thisHubId: string | undefined): string[] => {
  const resources = backups.filter((b) => isResourcesBackup(b) && writerOf(b));
  const lastOwn = thisHubId ? Math.max(0, ...resources.filter((b) => writerOf(b) === thisHubId).map(time)) : 0;
  return [...new Set(resources.filter((b) => writerOf(b) !== thisHubId && time(b) > lastOwn).map((b) => writerOf(b) as string))];
};

const unique = (ids: (string | undefined)[], thisHubId: string | undefined): string[] =>
  [...new Set(ids.filter((id): id is string => Boolean(id) && id !== thisHubId))];

const resolutionSteps = (source: 'operator' | 'storage', rule: CollisionRule, scheduleName: string, others: string): Message[] => {
  const steps: Message[] = [];
  if (rule === 'foreignActivation') {
    steps.push(
      msg(
        'Hub {{others}} activated the managed clusters after this hub\'s schedule started: it now manages them. Unless you are moving the clusters back here, that hub is the primary.',
        { others },
      ),
    );
  } else {
    steps.push(msg('Decide which hub is the primary. Only one hub may write backups to a storage location.'));
  }
  steps.push(
    msg('If this hub stays primary: on hub {{others}}, delete its BackupSchedule or pause it, so that it stops writing to this storage location.', {
      others,
    }),
  );
  if (source === 'operator') {
    steps.push(
      msg(
        'Delete this hub\'s BackupSchedule {{name}}: the operator never resumes a schedule in BackupCollision.',
        { name: scheduleName },
      ),
    );
    steps.push(
      msg(
        'Create a new BackupSchedule on this hub only once it is confirmed as the primary; otherwise leave it without one, or make it passive with a sync restore.',
      ),
    );
  } else {
    steps.push(
      msg(
        'If the other hub is the primary: delete this hub\'s BackupSchedule {{name}} and make this hub passive. Otherwise the operator stops it with BackupCollision at its next check (within 5 minutes).',
        { name: scheduleName },
      ),
    );
  }
  return steps;
};

const joinIds = (ids: string[]): string => (ids.length ? ids.join(', ') : '?');

/**
 * Whether another hub writes to this hub's storage location, and what to do about it.
 *
 * `operator`: the schedule is in BackupCollision; the ids come from its message (§1, two forms).
 * `storage`: the operator's two rules applied to what is in storage now, so the admin sees the
 * collision before the operator's next check (every 5 minutes):
 *  1. the newest `acm-resources-schedule` backup (ignoring Deleting) was written by another hub —
 *     skipped, as in 2.17, when this hub ran the latest activation after that backup (failback);
 *  2. otherwise, the newest activation record was written by another hub after this hub's Velero
 *     schedules were created.
 * Like the operator, only an Enabled (or Unknown) schedule older than 5 seconds is checked.
 */
export const detectCollision = ({
  schedule,
  backups,
  thisHubId,
  now,
}: {
  schedule?: BackupSchedule;
  backups: readonly VeleroBackup[];
  thisHubId?: string;
  now: Date;
}): Collision | undefined => {
  if (!schedule || schedule.metadata?.deletionTimestamp) return undefined;
  const scheduleName = schedule.metadata?.name ?? '';
  const phase = schedule.status?.phase ?? '';
  const hubId = thisHubId ?? scheduleHubId(schedule);

  if (phase === 'BackupCollision') {
    const parsed = parseCollisionMessage(schedule.status?.lastMessage);
    const me = hubId ?? (parsed?.rule === 'foreignBackup' ? parsed.thisHubId : undefined);
    if (parsed?.rule === 'foreignBackup') {
      const backup = backups.find((b) => b.metadata?.name === parsed.backupName);
      const otherHubIds = unique([parsed.otherHubId, ...otherWritersSince(backups, me)], me);
      const others = joinIds(otherHubIds);
      return {
        source: 'operator',
        rule: 'foreignBackup',
        thisHubId: me,
        otherHubIds,
        since: foreignSince(backups, me, backup ? backupTimeOf(backup) : backupTimestampOf(parsed.backupName)),
        latestForeignBackup: backup,
        scheduleName,
        message: msg(
          'Backup collision: hub {{others}} writes backups to the same storage location as this hub ({{thisHub}}); its backup {{backup}} is newer than this hub\'s. The operator stopped BackupSchedule {{name}}.',
          { others, thisHub: me ?? '?', backup: parsed.backupName, name: scheduleName },
        ),
        steps: resolutionSteps('operator', 'foreignBackup', scheduleName, others),
      };
    }
    if (parsed?.rule === 'foreignActivation') {
      const recordBackup = backups.find((b) => b.metadata?.name === parsed.recordName);
      const record = recordBackup ? activations([recordBackup])[0] : undefined;
      const otherHubIds = unique([parsed.otherHubId], me);
      const others = joinIds(otherHubIds);
      return {
        source: 'operator',
        rule: 'foreignActivation',
        thisHubId: me,
        otherHubIds,
        since: record?.time ?? backupTimestampOf(parsed.recordName),
        activationRecord: record,
        scheduleName,
        message: msg(
          'Backup collision: hub {{others}} activated the managed clusters (record {{record}}) while this hub ({{thisHub}}) was backing up. The operator stopped BackupSchedule {{name}}.',
          { others, record: parsed.recordName, thisHub: me ?? '?', name: scheduleName },
        ),
        steps: resolutionSteps('operator', 'foreignActivation', scheduleName, others),
      };
    }
    // A message from a release whose wording differs: the phase alone is authoritative.
    const latest = newestResourcesBackup(backups);
    const otherHubIds = unique([...otherWritersSince(backups, me), latest && writerOf(latest)], me);
    const others = joinIds(otherHubIds);
    return {
      source: 'operator',
      rule: 'unparsed',
      thisHubId: me,
      otherHubIds,
      since: foreignSince(backups, me),
      latestForeignBackup: latest && writerOf(latest) !== me ? latest : undefined,
      scheduleName,
      message: msg(
        'Backup collision: the operator stopped BackupSchedule {{name}} because another hub uses the same storage location. The operator says: {{message}}',
        { name: scheduleName, message: schedule.status?.lastMessage || '—' },
      ),
      steps: resolutionSteps('operator', 'unparsed', scheduleName, others),
    };
  }

  // The operator checks only running schedules: a paused one, a new one, or one that failed
  // validation (it returns before the check) is never flagged (§1).
  if ((phase !== 'Enabled' && phase !== 'Unknown') || isSchedulePaused(schedule)) return undefined;
  const veleroCreated = veleroScheduleCreated(schedule);
  if (veleroCreated && now.getTime() - veleroCreated.getTime() <= 5000) return undefined;
  if (!hubId) return undefined;

  const latest = newestResourcesBackup(backups);
  const latestWriter = latest ? writerOf(latest) : undefined;
  if (latest && latestWriter !== hubId) {
    const newestRecord = lastActivation(backups);
    const failback =
      newestRecord?.hubId === hubId && (newestRecord.time?.getTime() ?? 0) > time(latest);
    if (!failback) {
      const otherHubIds = unique([latestWriter, ...otherWritersSince(backups, hubId)], hubId);
      const others = joinIds(otherHubIds);
      return {
        source: 'storage',
        rule: 'foreignBackup',
        thisHubId: hubId,
        otherHubIds,
        since: foreignSince(backups, hubId, backupTimeOf(latest)),
        latestForeignBackup: latest,
        scheduleName,
        message: msg(
          'Another hub writes to this storage location: the newest backup, {{backup}}, was written by hub {{others}}, not by this hub ({{thisHub}}), while BackupSchedule {{name}} is active.',
          { backup: latest.metadata?.name ?? '', others, thisHub: hubId, name: scheduleName },
        ),
        steps: resolutionSteps('storage', 'foreignBackup', scheduleName, others),
      };
    }
    return undefined;
  }

  const record = lastActivation(backups);
  if (record && record.hubId && record.hubId !== hubId && record.time && veleroCreated && record.time > veleroCreated) {
    const others = record.hubId;
    return {
      source: 'storage',
      rule: 'foreignActivation',
      thisHubId: hubId,
      otherHubIds: [record.hubId],
      since: record.time,
      activationRecord: record,
      scheduleName,
      message: msg(
        'Hub {{others}} activated the managed clusters (record {{record}}) after this hub\'s BackupSchedule {{name}} started: this hub is no longer the active hub.',
        { others, record: record.name, name: scheduleName },
      ),
      steps: resolutionSteps('storage', 'foreignActivation', scheduleName, others),
    };
  }
  return undefined;
};

// ---- Writer lanes ----

export type WriterSpan = { start: Date; end: Date; backups: number };

export type WriterLane = {
  hubId: string;
  isThisHub: boolean;
  spans: WriterSpan[];
  first: Date;
  last: Date;
  backups: number;
  wroteLast: boolean;
};

export type ActivationMarker = Activation & { message: Message };

export type WriterLanes = {
  /** Ordered by first write. */
  lanes: WriterLane[];
  /** Oldest first, for drawing on the same time axis. */
  markers: ActivationMarker[];
  lastWriter?: string;
  start?: Date;
  end?: Date;
  /** Backups without a `backup-cluster` label (made by hand): not attributable to a hub. */
  unattributed: number;
};

const median = (values: number[]): number => {
  const s = [...values].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : 0;
};

/**
 * Who wrote to the storage location, over time: per hub, the spans during which it wrote
 * (consecutive backups merged; a span ends when another hub writes in between, or after a gap of
 * more than 3× that hub's usual interval), plus the activation records as markers.
 * Activation records carry the *source* hub's `backup-cluster` label, so they are never counted as
 * writes.
 */
export const writerLanes = (
  backups: readonly VeleroBackup[],
  records?: readonly VeleroBackup[],
  options: { thisHubId?: string } = {},
): WriterLanes => {
  const writes = backups
    .filter((b) => !isActivationRecord(b))
    .map((b) => ({ hub: writerOf(b), at: backupTimeOf(b) }))
    .filter((w): w is { hub: string | undefined; at: Date } => Boolean(w.at));
  const attributed = writes.filter((w): w is { hub: string; at: Date } => Boolean(w.hub)).sort((a, b) => a.at.getTime() - b.at.getTime());

  const usualGap = new Map<string, number>();
  for (const hub of new Set(attributed.map((w) => w.hub))) {
    const times = [...new Set(attributed.filter((w) => w.hub === hub).map((w) => w.at.getTime()))];
    const gaps = times.slice(1).map((t, i) => t - times[i]);
    usualGap.set(hub, gaps.length >= 2 ? median(gaps) : 0);
  }

  const spansByHub = new Map<string, WriterSpan[]>();
  let current: { hub: string; span: WriterSpan } | undefined;
  for (const w of attributed) {
    const gap = usualGap.get(w.hub) ?? 0;
    const continues =
      current && current.hub === w.hub && (gap === 0 || w.at.getTime() - current.span.end.getTime() <= 3 * gap);
    if (current && continues) {
      current.span.end = w.at;
      current.span.backups += 1;
      continue;
    }
    const span: WriterSpan = { start: w.at, end: w.at, backups: 1 };
    spansByHub.set(w.hub, [...(spansByHub.get(w.hub) ?? []), span]);
    current = { hub: w.hub, span };
  }

  const lastWriter = attributed.length ? attributed[attributed.length - 1].hub : undefined;
  const lanes: WriterLane[] = [...spansByHub.entries()]
    .map(([hubId, spans]) => ({
      hubId,
      isThisHub: hubId === options.thisHubId,
      spans,
      first: spans[0].start,
      last: spans[spans.length - 1].end,
      backups: spans.reduce((n, s) => n + s.backups, 0),
      wroteLast: hubId === lastWriter,
    }))
    .sort((a, b) => a.first.getTime() - b.first.getTime());

  const markers: ActivationMarker[] = activations(records ?? backups)
    .sort((a, b) => (a.time?.getTime() ?? 0) - (b.time?.getTime() ?? 0))
    .map((r) => ({
      ...r,
      // The time is a field of its own, for the UI to format in the user's locale.
      message: msg('Hub {{hub}} activated the managed clusters (restore {{restore}}, from hub {{source}}\'s backup).', {
        hub: r.hubId ?? '?',
        restore: r.restoreName ?? '?',
        source: r.sourceHubId ?? '?',
      }),
    }));

  const times = [...attributed.map((w) => w.at.getTime()), ...markers.map((m) => m.time?.getTime()).filter((t): t is number => t !== undefined)];
  return {
    lanes,
    markers,
    lastWriter,
    start: times.length ? new Date(Math.min(...times)) : undefined,
    end: times.length ? new Date(Math.max(...times)) : undefined,
    unattributed: writes.length - attributed.length,
  };
};
