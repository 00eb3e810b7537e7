import { msg, type Message } from '../k8s/message';
import {
  BACKUP_TYPES,
  LABELS,
  LEGACY_CREDENTIALS_SCHEDULE_NAMES,
  RESTORE_CLUSTERS_BACKUP_PREFIX,
  VELERO_SCHEDULE_NAMES,
  type BackupType,
} from '../k8s/names';
import type { VeleroBackup } from '../k8s/types';
import { formatDurationShort } from './format';
import { isStuckInProgress, MIN_STUCK_THRESHOLD_MS } from './stuck';

/**
 * The Velero Backups of the backup namespace, read the way the operator writes them (§1, §2):
 * which schedule made each one, which backup set it belongs to, which hub wrote it, how old the
 * newest usable one of each type is, and flat rows a table can sort and filter quickly.
 */

// ---- kind ---------------------------------------------------------------------------------------

/**
 * A backup's kind: one of the five schedule types, the activation record a restore writes
 * (`acm-restore-clusters-*`, §2: not a restore point), or `other` (a backup the operator did not
 * make, for example one created by hand in the same namespace).
 */
export type BackupKind = BackupType | 'activationRecord' | 'other';

export const BACKUP_KINDS: readonly BackupKind[] = [...BACKUP_TYPES, 'activationRecord', 'other'];

const KIND_ORDER: Record<string, number> = Object.fromEntries(BACKUP_KINDS.map((k, i) => [k, i]));

const TYPE_VALUES: ReadonlySet<string> = new Set(BACKUP_TYPES);

const SCHEDULE_TO_TYPE = new Map<string, BackupType>([
  ...BACKUP_TYPES.map((t): [string, BackupType] => [VELERO_SCHEDULE_NAMES[t], t]),
  // ACM 2.5–2.6 split credentials over two schedules; both are credentials backups (§1).
  ...LEGACY_CREDENTIALS_SCHEDULE_NAMES.map((n): [string, BackupType] => [n, 'credentials']),
]);

// The trailing dash keeps `acm-resources-schedule-` from matching `acm-resources-generic-schedule-…`.
const NAME_PREFIXES: readonly [string, BackupType][] = [...SCHEDULE_TO_TYPE].map(([name, type]) => [`${name}-`, type]);

export const isBackupType = (kind: string): kind is BackupType => TYPE_VALUES.has(kind);

/**
 * The kind of a backup, from the most to the least explicit evidence: the activation record's
 * label or name, the operator's `backup-schedule-type` label, Velero's `schedule-name` label,
 * then the schedule-name prefix of the backup's name (backups synced back from storage by an
 * older Velero may carry no labels, §8).
 */
export const backupTypeOf = (backup: VeleroBackup): BackupKind => {
  const labels = backup.metadata?.labels;
  const name = backup.metadata?.name ?? '';
  if ((labels && labels[LABELS.restoreCluster] !== undefined) || name.startsWith(RESTORE_CLUSTERS_BACKUP_PREFIX)) {
    return 'activationRecord';
  }
  const typeLabel = labels?.[LABELS.scheduleType];
  if (typeLabel !== undefined && TYPE_VALUES.has(typeLabel)) return typeLabel as BackupType;
  const scheduleName = labels?.[LABELS.veleroScheduleName];
  if (scheduleName !== undefined) {
    const type = SCHEDULE_TO_TYPE.get(scheduleName);
    if (type) return type;
  }
  for (const [prefix, type] of NAME_PREFIXES) if (name.startsWith(prefix)) return type;
  return 'other';
};

// ---- time ---------------------------------------------------------------------------------------

const TIMESTAMP_SUFFIX = /-(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/;

/** Velero's `TimestampedName` suffix in ms; the pod's clock is UTC in the OADP images (§1). */
const suffixMs = (name: string): number | undefined => {
  const m = TIMESTAMP_SUFFIX.exec(name);
  if (!m) return undefined;
  const y = +m[1];
  const mo = +m[2];
  const d = +m[3];
  const h = +m[4];
  const mi = +m[5];
  const s = +m[6];
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return undefined;
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  // Rejects 20250231… rather than rolling it over into March.
  return new Date(ms).getUTCDate() === d ? ms : undefined;
};

/** The `YYYYMMDDHHMMSS` suffix of a backup name as a UTC instant, or undefined. */
export const backupTimestampOf = (name: string): Date | undefined => {
  const ms = suffixMs(name);
  return ms === undefined ? undefined : new Date(ms);
};

const pad = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/** The inverse of `backupTimestampOf`: the suffix Velero would write for this instant. */
export const timestampSuffix = (date: Date): string =>
  `${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}${pad(date.getUTCHours())}${pad(
    date.getUTCMinutes(),
  )}${pad(date.getUTCSeconds())}`;

const parseTime = (value: string | undefined): number | undefined => {
  if (!value) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
};

/**
 * The instant a backup captures, for ordering and age: when it started (what the operator sorts
 * by, §1), else its name's timestamp, else when the object was created.
 */
export const backupTimeOf = (backup: VeleroBackup): Date | undefined => {
  const ms =
    parseTime(backup.status?.startTimestamp) ?? suffixMs(backup.metadata?.name ?? '') ?? parseTime(backup.metadata?.creationTimestamp);
  return ms === undefined ? undefined : new Date(ms);
};

/** Everything read from one backup, computed once per call. */
type Facts = {
  backup: VeleroBackup;
  name: string;
  kind: BackupKind;
  phase: string;
  writer?: string;
  suffixMs?: number;
  startMs?: number;
  completionMs?: number;
  /** `backupTimeOf` in ms. */
  timeMs?: number;
  /** What groups it into a set: the name's timestamp, else `timeMs`. */
  setMs?: number;
};

const factsOf = (backup: VeleroBackup): Facts => {
  const name = backup.metadata?.name ?? '';
  const startMs = parseTime(backup.status?.startTimestamp);
  const sfx = suffixMs(name);
  const timeMs = startMs ?? sfx ?? parseTime(backup.metadata?.creationTimestamp);
  return {
    backup,
    name,
    kind: backupTypeOf(backup),
    phase: backup.status?.phase ?? '',
    writer: backup.metadata?.labels?.[LABELS.backupCluster],
    suffixMs: sfx,
    startMs,
    completionMs: parseTime(backup.status?.completionTimestamp),
    timeMs,
    setMs: sfx ?? timeMs,
  };
};

const compareNames = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

// ---- phase --------------------------------------------------------------------------------------

/** Velero backup phases (§8) folded into what an admin needs to know. */
export type BackupPhaseGroup = 'completed' | 'partiallyFailed' | 'failed' | 'running' | 'pending' | 'deleting' | 'unknown';

export type BackupPhaseInfo = {
  group: BackupPhaseGroup;
  severity: 'healthy' | 'warning' | 'critical' | 'progress' | 'info' | 'unknown';
  label: Message;
};

const PHASES: Record<string, { group: BackupPhaseGroup; rank: number; label: () => Message }> = {
  Completed: { group: 'completed', rank: 0, label: () => msg('Completed') },
  '': { group: 'pending', rank: 1, label: () => msg('Waiting for Velero') },
  New: { group: 'pending', rank: 1, label: () => msg('Waiting for Velero') },
  Queued: { group: 'pending', rank: 1, label: () => msg('Queued') },
  ReadyToStart: { group: 'pending', rank: 1, label: () => msg('Ready to start') },
  InProgress: { group: 'running', rank: 2, label: () => msg('In progress') },
  WaitingForPluginOperations: { group: 'running', rank: 2, label: () => msg('Waiting for plugin operations') },
  Finalizing: { group: 'running', rank: 2, label: () => msg('Finalizing') },
  Deleting: { group: 'deleting', rank: 3, label: () => msg('Deleting') },
  WaitingForPluginOperationsPartiallyFailed: {
    group: 'running',
    rank: 5,
    label: () => msg('Waiting for plugin operations, with errors'),
  },
  FinalizingPartiallyFailed: { group: 'running', rank: 5, label: () => msg('Finalizing, with errors') },
  PartiallyFailed: { group: 'partiallyFailed', rank: 6, label: () => msg('Partially failed') },
  FailedValidation: { group: 'failed', rank: 7, label: () => msg('Failed validation') },
  Failed: { group: 'failed', rank: 8, label: () => msg('Failed') },
};

/** An unrecognised phase ranks between the known-bad and the known-fine: it is not healthy. */
const UNKNOWN_PHASE_RANK = 4;

/** How bad a phase is, for "worst member" and for sorting: 0 is Completed, 8 is Failed. */
export const backupPhaseRank = (phase: string | undefined): number => PHASES[phase ?? '']?.rank ?? UNKNOWN_PHASE_RANK;

export const backupPhaseGroup = (phase: string | undefined): BackupPhaseGroup => PHASES[phase ?? '']?.group ?? 'unknown';

const GROUP_SEVERITY: Record<BackupPhaseGroup, BackupPhaseInfo['severity']> = {
  completed: 'healthy',
  partiallyFailed: 'warning',
  failed: 'critical',
  running: 'progress',
  pending: 'progress',
  deleting: 'info',
  unknown: 'unknown',
};

/** A phase in plain words, with its group and the severity to colour it with. */
export const backupPhaseInfo = (phase: string | undefined): BackupPhaseInfo => {
  const known = PHASES[phase ?? ''];
  if (known) return { group: known.group, severity: GROUP_SEVERITY[known.group], label: known.label() };
  return { group: 'unknown', severity: 'unknown', label: msg('Unknown phase "{{phase}}"', { phase: phase ?? '' }) };
};

// ---- backup sets --------------------------------------------------------------------------------

/**
 * Members of one set may differ by a few seconds: each Velero schedule stamps its backup with its
 * own clock reading. The operator matches companions within ±30 s of the resources backup (§2).
 */
export const BACKUP_SET_TOLERANCE_MS = 30_000;

export type BackupSet = {
  /** The earliest member's timestamp suffix, `YYYYMMDDHHMMSS`: stable while members arrive. */
  key: string;
  time: Date;
  /** One backup per type at most; a second backup of a type starts a new set. */
  members: Partial<Record<BackupType, VeleroBackup>>;
  /** The members in schedule-type order. */
  backups: VeleroBackup[];
  /** Distinct `backup-cluster` labels, sorted. More than one means two hubs wrote at once. */
  writers: string[];
  /** The worst member phase (`backupPhaseRank`), '' when the worst has none yet. */
  phase: string;
  phaseGroup: BackupPhaseGroup;
  /** Earliest member start. */
  start?: Date;
  /** Latest member completion; undefined while any member has not completed. */
  end?: Date;
  /** Schedule types with no member in this set. */
  missingTypes: BackupType[];
};

type SetBuilder = { anchorMs: number; members: Partial<Record<BackupType, Facts>> };

/**
 * Backups of the five schedule types grouped into sets by their shared timestamp, newest set
 * first. Activation records and foreign backups are not restore points and are left out.
 */
export const groupBackupSets = (backups: readonly VeleroBackup[]): BackupSet[] => {
  const items: (Facts & { setMs: number; kind: BackupType })[] = [];
  for (const backup of backups) {
    const f = factsOf(backup);
    if (isBackupType(f.kind) && f.setMs !== undefined) items.push(f as Facts & { setMs: number; kind: BackupType });
  }
  items.sort((a, b) => a.setMs - b.setMs || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || compareNames(a.name, b.name));

  const builders: SetBuilder[] = [];
  let current: SetBuilder | undefined;
  for (const item of items) {
    if (!current || item.setMs - current.anchorMs > BACKUP_SET_TOLERANCE_MS || current.members[item.kind]) {
      current = { anchorMs: item.setMs, members: {} };
      builders.push(current);
    }
    current.members[item.kind] = item;
  }

  const sets: BackupSet[] = new Array(builders.length);
  for (let i = 0; i < builders.length; i++) {
    const { anchorMs, members } = builders[i];
    const set: BackupSet = {
      key: timestampSuffix(new Date(anchorMs)),
      time: new Date(anchorMs),
      members: {},
      backups: [],
      writers: [],
      phase: '',
      phaseGroup: 'completed',
      missingTypes: [],
    };
    const writers = new Set<string>();
    let worstRank = -1;
    let startMs: number | undefined;
    let endMs: number | undefined;
    let allCompleted = true;
    for (const type of BACKUP_TYPES) {
      const f = members[type];
      if (!f) {
        set.missingTypes.push(type);
        continue;
      }
      set.members[type] = f.backup;
      set.backups.push(f.backup);
      if (f.writer !== undefined) writers.add(f.writer);
      const rank = backupPhaseRank(f.phase);
      if (rank > worstRank) {
        worstRank = rank;
        set.phase = f.phase;
      }
      if (f.startMs !== undefined && (startMs === undefined || f.startMs < startMs)) startMs = f.startMs;
      if (f.completionMs === undefined) allCompleted = false;
      else if (endMs === undefined || f.completionMs > endMs) endMs = f.completionMs;
    }
    set.writers = [...writers].sort();
    set.phaseGroup = backupPhaseGroup(set.phase);
    if (startMs !== undefined) set.start = new Date(startMs);
    if (allCompleted && endMs !== undefined) set.end = new Date(endMs);
    sets[builders.length - 1 - i] = set;
  }
  return sets;
};

// ---- latest and newest good ---------------------------------------------------------------------

const newer = (a: Facts, b: Facts | undefined): boolean =>
  !b || (a.timeMs ?? -Infinity) > (b.timeMs ?? -Infinity) || (a.timeMs === b.timeMs && a.name > b.name);

const emptyPerType = <T>(): Record<BackupType, T | undefined> =>
  Object.fromEntries(BACKUP_TYPES.map((t) => [t, undefined])) as Record<BackupType, T | undefined>;

/** The newest backup of each type whatever its phase: the "latest per type" view. */
export const latestPerType = (backups: readonly VeleroBackup[]): Record<BackupType, VeleroBackup | undefined> => {
  const best: Partial<Record<BackupType, Facts>> = {};
  for (const backup of backups) {
    const f = factsOf(backup);
    if (isBackupType(f.kind) && newer(f, best[f.kind])) best[f.kind] = f;
  }
  const out = emptyPerType<VeleroBackup>();
  for (const type of BACKUP_TYPES) out[type] = best[type]?.backup;
  return out;
};

/** A backup a restore may use (§2: `latest` picks Completed or PartiallyFailed). */
export type GoodBackup = {
  backup: VeleroBackup;
  name: string;
  type: BackupType;
  time: Date;
  phase: 'Completed' | 'PartiallyFailed';
  /** PartiallyFailed: usable, but some items were not backed up; show the counts. */
  partial: boolean;
  errors: number;
  warnings: number;
  writer?: string;
  expiresAt?: Date;
};

const isGoodFacts = (f: Facts): boolean =>
  (f.phase === 'Completed' || f.phase === 'PartiallyFailed') && !f.backup.metadata?.deletionTimestamp;

const toGood = (f: Facts & { timeMs: number }, type: BackupType): GoodBackup => {
  const good: GoodBackup = {
    backup: f.backup,
    name: f.name,
    type,
    time: new Date(f.timeMs),
    phase: f.phase as GoodBackup['phase'],
    partial: f.phase === 'PartiallyFailed',
    errors: f.backup.status?.errors ?? 0,
    warnings: f.backup.status?.warnings ?? 0,
  };
  if (f.writer !== undefined) good.writer = f.writer;
  const expiration = parseTime(f.backup.status?.expiration);
  if (expiration !== undefined) good.expiresAt = new Date(expiration);
  return good;
};

/** Every good backup of the five schedule types, oldest first, for timelines. */
export const goodBackups = (backups: readonly VeleroBackup[], opts: { writer?: string } = {}): GoodBackup[] => {
  const out: GoodBackup[] = [];
  for (const backup of backups) {
    const f = factsOf(backup);
    if (!isBackupType(f.kind) || !isGoodFacts(f) || f.timeMs === undefined) continue;
    if (opts.writer !== undefined && f.writer !== opts.writer) continue;
    out.push(toGood(f as Facts & { timeMs: number }, f.kind));
  }
  return out.sort((a, b) => a.time.getTime() - b.time.getTime() || compareNames(a.name, b.name));
};

/**
 * The newest backup of each type that a restore could use: Completed, or PartiallyFailed (flagged,
 * with its counts). Never Failed, running or Deleting ones, nor one being deleted. `writer`
 * limits the answer to one hub's backups.
 */
export const newestGoodBackupPerType = (
  backups: readonly VeleroBackup[],
  opts: { writer?: string } = {},
): Record<BackupType, GoodBackup | undefined> => {
  const best: Partial<Record<BackupType, Facts>> = {};
  for (const backup of backups) {
    const f = factsOf(backup);
    if (!isBackupType(f.kind) || !isGoodFacts(f) || f.timeMs === undefined) continue;
    if (opts.writer !== undefined && f.writer !== opts.writer) continue;
    if (newer(f, best[f.kind])) best[f.kind] = f;
  }
  const out = emptyPerType<GoodBackup>();
  for (const type of BACKUP_TYPES) {
    const f = best[type];
    if (f) out[type] = toGood(f as Facts & { timeMs: number }, type);
  }
  return out;
};

// ---- RPO ----------------------------------------------------------------------------------------

export const RPO_WARNING_RATIO = 2;
export const RPO_CRITICAL_RATIO = 3;
/** A backup dated slightly ahead of the browser's clock is fresh, not suspicious. */
export const CLOCK_SKEW_TOLERANCE_MS = 5 * 60_000;

export type RpoSeverity = 'healthy' | 'warning' | 'critical' | 'unknown';

export type RpoAssessment = {
  severity: RpoSeverity;
  ageMs?: number;
  /** age ÷ interval. */
  ratio?: number;
  /** Why this severity, in a sentence with the numbers. */
  reason: Message;
  /** Set when the newest good backup is PartiallyFailed. */
  note?: Message;
  /** Set when the severity is unknown. */
  cause?: 'noInterval' | 'noBackup' | 'badTime' | 'future';
};

/**
 * Age of the newest good backup against the schedule interval (the lag rule): healthy below 2×,
 * warning from 2×, critical from 3×. Unknown, never healthy, whenever an input is missing.
 */
export const rpoSeverity = (input: {
  newestGood?: Pick<GoodBackup, 'time'> & Partial<Pick<GoodBackup, 'partial' | 'errors' | 'warnings'>>;
  intervalMs?: number;
  now: Date;
}): RpoAssessment => {
  const { newestGood, intervalMs, now } = input;
  if (intervalMs === undefined || !Number.isFinite(intervalMs) || intervalMs <= 0) {
    return {
      severity: 'unknown',
      cause: 'noInterval',
      reason: msg('The schedule interval is not known, so the age of the backups cannot be judged.'),
    };
  }
  if (!newestGood) {
    return {
      severity: 'unknown',
      cause: 'noBackup',
      reason: msg('There is no completed backup of this type, so its age cannot be judged.'),
    };
  }
  const timeMs = newestGood.time?.getTime();
  if (timeMs === undefined || !Number.isFinite(timeMs) || !Number.isFinite(now.getTime())) {
    return { severity: 'unknown', cause: 'badTime', reason: msg('The time of the newest good backup cannot be read.') };
  }
  let ageMs = now.getTime() - timeMs;
  if (ageMs < -CLOCK_SKEW_TOLERANCE_MS) {
    return {
      severity: 'unknown',
      cause: 'future',
      ageMs,
      reason: msg(
        'The newest good backup is dated {{ahead}} in the future: the clocks of this browser and the cluster disagree, so its age cannot be judged.',
        { ahead: formatDurationShort(-ageMs) },
      ),
    };
  }
  ageMs = Math.max(0, ageMs);
  const ratio = ageMs / intervalMs;
  const params = {
    age: formatDurationShort(ageMs),
    interval: formatDurationShort(intervalMs),
    // Rounded down so that 1.99× never reads "2.0×" next to a healthy label.
    ratio: Math.floor(ratio * 10) / 10,
  };
  const note =
    newestGood.partial === true
      ? msg(
          'The newest good backup finished partially failed ({{errors}} errors, {{warnings}} warnings): a restore can use it, but some items are missing from it.',
          { errors: newestGood.errors ?? 0, warnings: newestGood.warnings ?? 0 },
        )
      : undefined;
  let assessment: RpoAssessment;
  if (ratio >= RPO_CRITICAL_RATIO) {
    assessment = {
      severity: 'critical',
      ageMs,
      ratio,
      reason: msg(
        'The newest good backup is {{age}} old, {{ratio}}× the schedule interval of {{interval}}: at least three intervals, so several scheduled backups are missing or failed.',
        params,
      ),
    };
  } else if (ratio >= RPO_WARNING_RATIO) {
    assessment = {
      severity: 'warning',
      ageMs,
      ratio,
      reason: msg(
        'The newest good backup is {{age}} old, {{ratio}}× the schedule interval of {{interval}}: at least one scheduled backup is missing or failed.',
        params,
      ),
    };
  } else {
    assessment = {
      severity: 'healthy',
      ageMs,
      ratio,
      reason: msg('The newest good backup is {{age}} old, {{ratio}}× the schedule interval of {{interval}}.', params),
    };
  }
  if (note) assessment.note = note;
  return assessment;
};

/** The rule, for the tooltip next to every age. */
export const rpoRuleExplanation = (): Message =>
  msg(
    'Age of the newest good backup (Completed, or PartiallyFailed) compared with the schedule interval: healthy below 2 intervals, warning from 2, critical from 3. Unknown when there is no schedule or no good backup yet.',
  );

// ---- activation records -------------------------------------------------------------------------

export type ActivationRecord = {
  backup: VeleroBackup;
  name: string;
  time?: Date;
  /** The hub that ran the activation (`restore-cluster` label). */
  restoringHub?: string;
  /** The hub whose backups were restored (`backup-cluster` label). */
  sourceHub?: string;
  restoreName?: string;
  /** The managed-clusters backup that was restored (label key = its schedule name, §2). */
  restoredBackup?: string;
};

/** The `acm-restore-clusters-*` records, newest first: "last activation: hub X at time T". */
export const activationRecords = (backups: readonly VeleroBackup[]): ActivationRecord[] => {
  const out: (ActivationRecord & { ms: number })[] = [];
  for (const backup of backups) {
    if (backupTypeOf(backup) !== 'activationRecord') continue;
    const labels = backup.metadata?.labels ?? {};
    const name = backup.metadata?.name ?? '';
    const ms = suffixMs(name) ?? parseTime(backup.metadata?.creationTimestamp) ?? parseTime(backup.status?.startTimestamp);
    const record: ActivationRecord & { ms: number } = { backup, name, ms: ms ?? -Infinity };
    if (ms !== undefined) record.time = new Date(ms);
    if (labels[LABELS.restoreCluster] !== undefined) record.restoringHub = labels[LABELS.restoreCluster];
    if (labels[LABELS.backupCluster] !== undefined) record.sourceHub = labels[LABELS.backupCluster];
    if (labels[LABELS.acmRestoreName] !== undefined) record.restoreName = labels[LABELS.acmRestoreName];
    const restored = labels[VELERO_SCHEDULE_NAMES.managedClusters];
    if (restored !== undefined) record.restoredBackup = restored;
    out.push(record);
  }
  out.sort((a, b) => b.ms - a.ms || compareNames(a.name, b.name));
  return out.map(({ ms: _ms, ...record }) => record);
};

// ---- table rows ---------------------------------------------------------------------------------

/** One backup as a flat table row. Times are epoch ms so sorting never parses a date. */
export type BackupRow = {
  backup: VeleroBackup;
  name: string;
  kind: BackupKind;
  /** '' when Velero has not set one yet. */
  phase: string;
  phaseGroup: BackupPhaseGroup;
  /** The name's timestamp suffix in ms, the set a backup belongs to. */
  timestampMs?: number;
  startMs?: number;
  completionMs?: number;
  /** completion − start, when both are known. */
  durationMs?: number;
  itemsBackedUp?: number;
  totalItems?: number;
  errors: number;
  warnings: number;
  expirationMs?: number;
  /** expiration − now; negative once expired and not yet garbage-collected. */
  expiresInMs?: number;
  writerHub?: string;
  isThisHub: boolean;
  isStuck: boolean;
  /** Precomputed keys: lower-cased name and search text, kind and phase ranks. */
  sortName: string;
  searchText: string;
  kindRank: number;
  phaseRank: number;
};

export type BackupRowOptions = {
  /** This hub's cluster id (§1), to mark its own backups; undefined marks none. */
  thisHubId?: string;
  now: Date;
  /** See `stuckThresholdMs`; defaults to one hour. */
  stuckThresholdMs?: number;
};

export const backupRow = (backup: VeleroBackup, opts: BackupRowOptions): BackupRow => {
  const f = factsOf(backup);
  const status = backup.status;
  const nowMs = opts.now.getTime();
  const expirationMs = parseTime(status?.expiration);
  const row: BackupRow = {
    backup,
    name: f.name,
    kind: f.kind,
    phase: f.phase,
    phaseGroup: backupPhaseGroup(f.phase),
    errors: status?.errors ?? 0,
    warnings: status?.warnings ?? 0,
    isThisHub: opts.thisHubId !== undefined && f.writer === opts.thisHubId,
    isStuck: isStuckInProgress(backup, { now: opts.now, thresholdMs: opts.stuckThresholdMs ?? MIN_STUCK_THRESHOLD_MS }),
    sortName: f.name.toLowerCase(),
    searchText: `${f.name} ${f.kind} ${f.phase} ${f.writer ?? ''}`.toLowerCase(),
    kindRank: KIND_ORDER[f.kind],
    phaseRank: backupPhaseRank(f.phase),
  };
  if (f.suffixMs !== undefined) row.timestampMs = f.suffixMs;
  if (f.startMs !== undefined) row.startMs = f.startMs;
  if (f.completionMs !== undefined) row.completionMs = f.completionMs;
  if (f.startMs !== undefined && f.completionMs !== undefined) row.durationMs = f.completionMs - f.startMs;
  if (status?.progress?.itemsBackedUp !== undefined) row.itemsBackedUp = status.progress.itemsBackedUp;
  if (status?.progress?.totalItems !== undefined) row.totalItems = status.progress.totalItems;
  if (expirationMs !== undefined) {
    row.expirationMs = expirationMs;
    row.expiresInMs = expirationMs - nowMs;
  }
  if (f.writer !== undefined) row.writerHub = f.writer;
  return row;
};

export const backupRows = (backups: readonly VeleroBackup[], opts: BackupRowOptions): BackupRow[] => {
  const rows: BackupRow[] = new Array(backups.length);
  for (let i = 0; i < backups.length; i++) rows[i] = backupRow(backups[i], opts);
  return rows;
};

/**
 * Filters. An absent or empty list does not filter (nothing ticked = everything shown). `writers`
 * matches `writerHub`, with '' for backups that carry no writer label. `text` matches when every
 * whitespace-separated word occurs in the name, kind, phase or writer.
 */
export type BackupFilter = {
  types?: readonly BackupKind[];
  phases?: readonly string[];
  phaseGroups?: readonly BackupPhaseGroup[];
  writers?: readonly string[];
  text?: string;
  stuckOnly?: boolean;
};

const asSet = <T>(list: readonly T[] | undefined): ReadonlySet<T> | undefined => (list && list.length > 0 ? new Set(list) : undefined);

export const filterBackups = (rows: readonly BackupRow[], filter: BackupFilter): BackupRow[] => {
  const types = asSet(filter.types);
  const phases = asSet(filter.phases);
  const groups = asSet(filter.phaseGroups);
  const writers = asSet(filter.writers);
  const words = (filter.text ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const stuckOnly = filter.stuckOnly === true;
  if (!types && !phases && !groups && !writers && words.length === 0 && !stuckOnly) return rows.slice();
  const out: BackupRow[] = [];
  for (const row of rows) {
    if (types && !types.has(row.kind)) continue;
    if (phases && !phases.has(row.phase)) continue;
    if (groups && !groups.has(row.phaseGroup)) continue;
    if (writers && !writers.has(row.writerHub ?? '')) continue;
    if (stuckOnly && !row.isStuck) continue;
    let matches = true;
    for (const word of words) {
      if (!row.searchText.includes(word)) {
        matches = false;
        break;
      }
    }
    if (matches) out.push(row);
  }
  return out;
};

export type BackupSortKey =
  | 'name'
  | 'type'
  | 'phase'
  | 'start'
  | 'completion'
  | 'duration'
  | 'items'
  | 'errors'
  | 'warnings'
  | 'expiresIn'
  | 'writer';

type SortValue = number | string | undefined;

const SORT_VALUE: Record<BackupSortKey, (row: BackupRow) => SortValue> = {
  name: (r) => r.sortName,
  // Schedule-type order, not the alphabet of a translated label.
  type: (r) => r.kindRank,
  // Best to worst: descending puts failures first.
  phase: (r) => r.phaseRank,
  start: (r) => r.startMs,
  completion: (r) => r.completionMs,
  duration: (r) => r.durationMs,
  items: (r) => r.itemsBackedUp,
  errors: (r) => r.errors,
  warnings: (r) => r.warnings,
  expiresIn: (r) => r.expirationMs,
  writer: (r) => r.writerHub,
};

/**
 * Sorted copy. Rows without a value sort last in both directions; equal values keep their input
 * order (stable), so sorting by type after sorting by start time keeps each type newest first.
 */
export const sortBackups = (
  rows: readonly BackupRow[],
  sort: { key: BackupSortKey; direction: 'asc' | 'desc' },
): BackupRow[] => {
  const value = SORT_VALUE[sort.key];
  const sign = sort.direction === 'desc' ? -1 : 1;
  const n = rows.length;
  const keys: SortValue[] = new Array(n);
  const index: number[] = new Array(n);
  for (let i = 0; i < n; i++) {
    keys[i] = value(rows[i]);
    index[i] = i;
  }
  index.sort((a, b) => {
    const ka = keys[a];
    const kb = keys[b];
    if (ka === kb) return a - b;
    if (ka === undefined) return 1;
    if (kb === undefined) return -1;
    return (ka < kb ? -1 : ka > kb ? 1 : 0) * sign || a - b;
  });
  const out: BackupRow[] = new Array(n);
  for (let i = 0; i < n; i++) out[i] = rows[index[i]];
  return out;
};
