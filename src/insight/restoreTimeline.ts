/**
 * One time-ordered story of a Restore, merged from what the cluster still shows: the Restore
 * (creation, current status, completion time), its Kubernetes events, the Velero restores it
 * created and the post-restore auto-import messages (§2, §5). Only the current status is
 * visible, so earlier phases are not reconstructed; an entry without a time of its own is placed
 * where the evidence puts it and keeps `time` undefined.
 */
import { msg, type Message } from '../k8s/message';
import { ANNOTATIONS, RESTORE_EVENT_REASONS } from '../k8s/names';
import type { KubeEvent, Restore, VeleroBackup, VeleroRestore } from '../k8s/types';
import { ACTIVATION_ACTION } from '../operand/restore';
import type { DescribableKind } from './ocCommands';
import { restoreIntent } from './restoreIntent';
import {
  backupNameFromVeleroRestoreName,
  isActivationVeleroRestore,
  parseTime,
  restoredTypeOfBackupName,
  veleroRestoresOf,
  type RestoredType,
} from './restoreObjects';
import { diagnoseVeleroRestore, restorePhaseInfo, type RestoreSeverity, type VeleroRestoreDiagnosis } from './restorePhase';

// Plain code-point order: the same on every browser and locale.
const byName = (a = '', b = ''): number => (a < b ? -1 : a > b ? 1 : 0);

export type TimelineSeverity = RestoreSeverity | 'info';
export type TimelineKind = 'phase' | 'event' | 'veleroRestore' | 'postRestore';
export type TimelineRef = { kind: DescribableKind; name: string; namespace?: string };

export type AutoImportOutcome = 'created' | 'available' | 'noServerUrl' | 'noMsaSecret' | 'invalidToken' | 'failed' | 'deletedSecret' | 'other';

export type AutoImportResult = {
  cluster?: string;
  outcome: AutoImportOutcome;
  message: Message;
  severity: TimelineSeverity;
  check?: Message;
  /** The MSA token secret the operator skipped. */
  secret?: string;
  /** 2.14 and earlier report expired tokens this way; later ones stay silent (§5). */
  expired?: boolean;
  raw: string;
};

export type VeleroRestoreSummary = {
  name: string;
  namespace?: string;
  backupName?: string;
  backupType?: RestoredType;
  /** `-active`: only the `cluster-activation` resources of the backup (§2). */
  activation: boolean;
  phase?: string;
  started?: Date;
  completed?: Date;
  /** completed − started, or now − started while it runs. */
  durationMs?: number;
  itemsRestored?: number;
  totalItems?: number;
  warnings: number;
  errors: number;
  diagnosis: VeleroRestoreDiagnosis;
};

export type TimelineEntry = {
  id: string;
  time?: Date;
  kind: TimelineKind;
  severity: TimelineSeverity;
  title: Message;
  detail?: Message;
  check?: Message;
  ref?: TimelineRef;
  /** The operator's or Kubernetes' own text, untranslated. */
  raw?: string;
  /** Repeated events: how often, and when last. */
  count?: number;
  lastTime?: Date;
  /** The entry that shows the Restore's current status. */
  current?: boolean;
  veleroRestore?: VeleroRestoreSummary;
  autoImport?: AutoImportResult;
};

export type RestoreTimelineInput = {
  restore: Restore;
  /** core/v1 and events.k8s.io/v1 Events, in any mix; the same event seen through both counts once. */
  events?: readonly KubeEvent[];
  veleroRestores?: readonly VeleroRestore[];
  /** Lets PartiallyFailed Velero restores of empty backups be recognised (§2). */
  backups?: readonly VeleroBackup[];
  now: Date;
};

// ---- Post-restore messages (§5) --------------------------------------------------------------

type AutoImportForm = [RegExp, (m: RegExpExecArray, raw: string) => AutoImportResult];

const AUTO_IMPORT_FORMS: AutoImportForm[] = [
  [
    /^managed cluster (\S+) already available$/,
    (m, raw) => ({ cluster: m[1], outcome: 'available', severity: 'healthy', raw, message: msg('{{cluster}} was already available: no import needed.', { cluster: m[1] }) }),
  ],
  [
    /^Cannot reimport cluster (\S+), no serverUrl property$/,
    (m, raw) => ({
      cluster: m[1],
      outcome: 'noServerUrl',
      severity: 'warning',
      raw,
      message: msg('{{cluster}} cannot be imported automatically: its ManagedCluster has no API server URL.', { cluster: m[1] }),
      check: msg('Import the cluster manually, or create an auto-import-secret in its namespace on this hub.'),
    }),
  ],
  [
    /^No suitable MSA secret found for cluster \((.+)\)$/,
    (m, raw) => ({
      cluster: m[1],
      outcome: 'noMsaSecret',
      severity: 'warning',
      raw,
      message: msg('{{cluster}} has no usable ManagedServiceAccount token, so it cannot be imported automatically.', { cluster: m[1] }),
      check: msg('Import the cluster manually. Tokens exist only for clusters that were reachable while the primary hub ran a BackupSchedule with useManagedServiceAccount.'),
    }),
  ],
  [
    /^Skip MSA access token for cluster \((.+)\) - invalid token data in secret \((.+)\)$/,
    (m, raw) => ({
      cluster: m[1],
      secret: m[2],
      outcome: 'invalidToken',
      severity: 'warning',
      raw,
      message: msg('The ManagedServiceAccount token of {{cluster}} in secret {{secret}} holds invalid data and was skipped.', { cluster: m[1], secret: m[2] }),
      check: msg('If the cluster does not reconnect, import it manually.'),
    }),
  ],
  [
    // The typo is the operator's own (2.14 and earlier).
    /^Skip MSA access token for secret \(([^:()]+):([^()]+)\) no lo(?:n)?ger valid!?$/,
    (m, raw) => ({
      cluster: m[1],
      secret: m[2],
      expired: true,
      outcome: 'invalidToken',
      severity: 'warning',
      raw,
      message: msg('The ManagedServiceAccount token of {{cluster}} in secret {{secret}} has expired and was skipped.', { cluster: m[1], secret: m[2] }),
      check: msg('If the cluster does not reconnect, import it manually.'),
    }),
  ],
  [
    /^deleted auto-import-secret from namespace (\S+)$/,
    (m, raw) => ({
      cluster: m[1],
      outcome: 'deletedSecret',
      severity: 'info',
      raw,
      message: msg('Removed the auto-import-secret an earlier restore left for {{cluster}}.', { cluster: m[1] }),
    }),
  ],
  [
    /^failed to delete the auto-import-secret from namespace (\S+)$/,
    (m, raw) => ({
      cluster: m[1],
      outcome: 'failed',
      severity: 'warning',
      raw,
      message: msg('Could not remove the old auto-import-secret of {{cluster}}.', { cluster: m[1] }),
      check: msg('Delete the auto-import-secret in namespace {{cluster}} and let the import controller retry.', { cluster: m[1] }),
    }),
  ],
  [
    /^Created auto-import-secret for \((.+)\)$/,
    (m, raw) => ({
      cluster: m[1],
      outcome: 'created',
      severity: 'healthy',
      raw,
      message: msg('Created an auto-import-secret for {{cluster}}: it reconnects to this hub once the import finishes.', { cluster: m[1] }),
    }),
  ],
  [
    /^Failed to create auto-import-secret for \((.+)\)$/,
    (m, raw) => ({
      cluster: m[1],
      outcome: 'failed',
      severity: 'critical',
      raw,
      message: msg('Could not create the auto-import-secret for {{cluster}}: it will not reconnect on its own.', { cluster: m[1] }),
      check: msg('Import the cluster manually, or create an auto-import-secret in its namespace on this hub.'),
    }),
  ],
];

/** One `status.messages` entry, in the exact formats of §5. */
export const parseAutoImportMessage = (text: string): AutoImportResult => {
  const raw = text;
  const trimmed = text.trim();
  for (const [re, build] of AUTO_IMPORT_FORMS) {
    const m = re.exec(trimmed);
    if (m) return build(m, raw);
  }
  return { outcome: 'other', severity: 'info', raw, message: msg('Message from the operator after the restore.') };
};

// ---- Events -----------------------------------------------------------------------------------

type EventLike = KubeEvent & {
  deprecatedCount?: number;
  series?: { count?: number; lastObservedTime?: string };
};

type EventRef = { kind?: string; name?: string; namespace?: string; uid?: string; apiVersion?: string };

type NormalEvent = {
  key: string;
  reason: string;
  text: string;
  type: string;
  first?: Date;
  last?: Date;
  count?: number;
};

const latestOf = (...dates: (Date | undefined)[]): Date | undefined => {
  const ts = dates.filter((d): d is Date => d !== undefined).map((d) => d.getTime());
  return ts.length ? new Date(Math.max(...ts)) : undefined;
};

const earliestOf = (...dates: (Date | undefined)[]): Date | undefined => {
  const ts = dates.filter((d): d is Date => d !== undefined).map((d) => d.getTime());
  return ts.length ? new Date(Math.min(...ts)) : undefined;
};

const isAboutRestore = (e: KubeEvent, restore: Restore): boolean => {
  const ref: EventRef | undefined = e.regarding ?? e.involvedObject;
  const meta = restore.metadata ?? {};
  if (!ref || ref.kind !== 'Restore' || ref.name !== meta.name) return false;
  // Velero's Restore has the same kind; its events must not land here.
  if (ref.apiVersion && !ref.apiVersion.startsWith('cluster.open-cluster-management.io/')) return false;
  const ns = ref.namespace ?? e.metadata?.namespace;
  if (ns && meta.namespace && ns !== meta.namespace) return false;
  // A Restore deleted and created again under the same name must not inherit the old events.
  if (ref.uid && meta.uid && ref.uid !== meta.uid) return false;
  return true;
};

/**
 * core/v1 and events.k8s.io/v1 are two views of one stored object (same uid and name), so the
 * same event read through both merges into one, each field taken from whichever view has it.
 */
const normaliseEvents = (events: readonly KubeEvent[], restore: Restore): NormalEvent[] => {
  const byKey = new Map<string, NormalEvent>();
  for (const raw of events) {
    if (!isAboutRestore(raw, restore)) continue;
    const e = raw as EventLike;
    const text = (e.note ?? e.message ?? '').trim();
    const reason = (e.reason ?? '').trim();
    const first = earliestOf(parseTime(e.firstTimestamp), parseTime(e.deprecatedFirstTimestamp), parseTime(e.eventTime)) ?? parseTime(e.metadata?.creationTimestamp);
    const last = latestOf(parseTime(e.lastTimestamp), parseTime(e.deprecatedLastTimestamp), parseTime(e.series?.lastObservedTime));
    const count = e.count ?? e.deprecatedCount ?? e.series?.count;
    const key =
      e.metadata?.uid ??
      (e.metadata?.name ? `${e.metadata.namespace ?? ''}/${e.metadata.name}` : `${reason}|${text}|${first?.toISOString() ?? ''}`);
    const seen = byKey.get(key);
    if (seen) {
      seen.first = earliestOf(seen.first, first);
      seen.last = latestOf(seen.last, last);
      seen.count = Math.max(seen.count ?? 0, count ?? 0) || undefined;
      if (!seen.text) seen.text = text;
      continue;
    }
    byKey.set(key, { key, reason, text, type: e.type ?? 'Normal', ...(first ? { first } : {}), ...(last ? { last } : {}), ...(count ? { count } : {}) });
  }
  return [...byKey.values()];
};

const hasReason = (list: readonly string[], reason: string) => list.includes(reason);

type ClassifiedEvent = { title: Message; detail?: Message; check?: Message; severity: TimelineSeverity; ref?: TimelineRef; announces?: string };

const classifyEvent = (e: NormalEvent, namespace: string | undefined): ClassifiedEvent => {
  const warning = e.type === 'Warning';
  const vrRef = (name: string): TimelineRef => ({ kind: 'VeleroRestore', name, ...(namespace ? { namespace } : {}) });
  if (hasReason(RESTORE_EVENT_REASONS.veleroRestoreCreated, e.reason)) {
    // 2.8–2.17: the message is the name; main/5.x: the note reads "Velero restore created: <name>".
    const name = e.text.replace(/^Velero restore created:\s*/, '').trim();
    return { title: msg('Velero restore {{name}} created', { name }), severity: 'info', ref: vrRef(name), announces: name };
  }
  if (hasReason(RESTORE_EVENT_REASONS.hooksNotSupported, e.reason)) {
    return {
      title: msg('Restore hooks ignored'),
      detail: msg('spec.hooks is set, but the operator does not pass hooks to Velero, for security reasons (ACM 2.11 and later).'),
      check: msg('Run the hook actions yourself after the restore, and leave spec.hooks out of future restores.'),
      severity: 'warning',
    };
  }
  if (e.reason.startsWith('Prepare to restore')) {
    const backup = e.text.replace(/^Cleaning up resources for backup:?\s*/i, '').trim();
    return {
      title: backup ? msg('Preparing to restore backup {{backup}}: cleaning up resources', { backup }) : msg('Preparing to restore: cleaning up resources'),
      severity: 'info',
      ...(backup && !/\s/.test(backup) ? { ref: { kind: 'VeleroBackup' as const, name: backup, ...(namespace ? { namespace } : {}) } } : {}),
    };
  }
  if (e.reason === 'Velero restore already exists:') {
    const name = e.text.trim();
    return { title: msg('Velero restore {{name}} already exists', { name }), severity: 'info', ref: vrRef(name), announces: name };
  }
  if (e.reason === 'Processing restore request') {
    if (e.text === 'Restore sync found new backups') return { title: msg('Sync check found new backups'), severity: 'info' };
    if (e.text === 'Restore sync found no new backups') return { title: msg('Sync check found no new backups'), severity: 'info' };
  }
  return { title: msg('Event {{reason}}', { reason: e.reason || '-' }), severity: warning ? 'warning' : 'info' };
};

// ---- Velero restores --------------------------------------------------------------------------

// Velero runs them in this order (`ResourceTypePriority`, §2), one after another.
const veleroOrder = (vr: VeleroRestore, restoreName: string): number => {
  const backup = vr.spec?.backupName || backupNameFromVeleroRestoreName(restoreName, vr.metadata?.name);
  const type = restoredTypeOfBackupName(backup);
  const active = isActivationVeleroRestore(vr);
  switch (type) {
    case 'credentials':
      return active ? 4 : 0;
    case 'resources':
      return 1;
    case 'resourcesGeneric':
      return active ? 3 : 2;
    case 'managedClusters':
      return 5;
    default:
      return 6;
  }
};

const VELERO_RUNNING = ['New', 'InProgress', 'WaitingForPluginOperations', 'WaitingForPluginOperationsPartiallyFailed', 'Finalizing', 'FinalizingPartiallyFailed'];

const summarise = (vr: VeleroRestore, restoreName: string, backups: readonly VeleroBackup[] | undefined, now: Date): VeleroRestoreSummary => {
  const name = vr.metadata?.name ?? '';
  const backupName = vr.spec?.backupName || backupNameFromVeleroRestoreName(restoreName, name);
  const backupType = restoredTypeOfBackupName(backupName);
  const started = parseTime(vr.status?.startTimestamp);
  const completed = parseTime(vr.status?.completionTimestamp);
  const phase = vr.status?.phase || undefined;
  const running = VELERO_RUNNING.includes(phase ?? 'New');
  let durationMs: number | undefined;
  if (started && completed) durationMs = Math.max(0, completed.getTime() - started.getTime());
  else if (started && running) durationMs = Math.max(0, now.getTime() - started.getTime());
  const progress = vr.status?.progress;
  return {
    name,
    ...(vr.metadata?.namespace ? { namespace: vr.metadata.namespace } : {}),
    ...(backupName ? { backupName } : {}),
    ...(backupType ? { backupType } : {}),
    activation: isActivationVeleroRestore(vr),
    ...(phase ? { phase } : {}),
    ...(started ? { started } : {}),
    ...(completed ? { completed } : {}),
    ...(durationMs !== undefined ? { durationMs } : {}),
    ...(progress?.itemsRestored !== undefined ? { itemsRestored: progress.itemsRestored } : {}),
    ...(progress?.totalItems !== undefined ? { totalItems: progress.totalItems } : {}),
    warnings: vr.status?.warnings ?? 0,
    errors: vr.status?.errors ?? 0,
    diagnosis: diagnoseVeleroRestore(vr, backups),
  };
};

const restoresWhat = (s: VeleroRestoreSummary): Message => {
  const backup = s.backupName ?? '';
  if (!backup) return msg('The backup it restores is not known.');
  switch (s.backupType) {
    case 'credentials':
      return s.activation
        ? msg('Restores the activation part of credentials backup {{backup}}.', { backup })
        : msg('Restores credentials backup {{backup}}.', { backup });
    case 'resources':
      return msg('Restores resources backup {{backup}}.', { backup });
    case 'resourcesGeneric':
      return s.activation
        ? msg('Restores the activation part of generic resources backup {{backup}}.', { backup })
        : msg('Restores generic resources backup {{backup}}.', { backup });
    case 'managedClusters':
      return msg('Restores managed clusters backup {{backup}}.', { backup });
    default:
      return msg('Restores backup {{backup}}.', { backup });
  }
};

const counts = (s: VeleroRestoreSummary): Message =>
  s.itemsRestored !== undefined || s.totalItems !== undefined
    ? msg('Items restored: {{restored}} of {{total}}. Warnings: {{warnings}}. Errors: {{errors}}.', {
        restored: s.itemsRestored ?? 0,
        total: s.totalItems ?? 0,
        warnings: s.warnings,
        errors: s.errors,
      })
    : msg('Warnings: {{warnings}}. Errors: {{errors}}.', { warnings: s.warnings, errors: s.errors });

const endTitle = (s: VeleroRestoreSummary): Message => {
  switch (s.phase) {
    case 'Completed':
      return msg('Velero restore {{name}} completed', { name: s.name });
    case 'PartiallyFailed':
      return msg('Velero restore {{name}} partially failed', { name: s.name });
    case 'FailedValidation':
      return msg('Velero restore {{name}} failed validation', { name: s.name });
    case 'Failed':
      return msg('Velero restore {{name}} failed', { name: s.name });
    default:
      return msg('Velero restore {{name}} ended: {{phase}}', { name: s.name, phase: s.phase ?? '' });
  }
};

// ---- Ordering ---------------------------------------------------------------------------------

/**
 * Sort position. Kubernetes times have one-second resolution (events may carry microseconds), so
 * entries are compared by second first; inside one second the order is what the operator does:
 * the Restore is created, it emits events as it creates Velero restores, Velero runs them in
 * order, post-restore tasks run, the final status is written.
 */
type Position = { sec: number; rank: number; sub: number; ms: number };

const RANK = { created: 0, event: 1, velero: 2, post: 3, status: 4 } as const;

const at = (date: Date, rank: number, sub = 0): Position => ({ sec: Math.floor(date.getTime() / 1000), rank, sub, ms: date.getTime() });

/** Never before `floor`: an entry cannot precede what it depends on, whatever the clocks say. */
const notBefore = (p: Position, floor: Position | undefined): Position =>
  floor && floor.sec > p.sec ? { ...p, sec: floor.sec, ms: Math.max(p.ms, floor.ms) } : p;

// Infinities stand for "before everything" and "after everything"; plain subtraction would give NaN.
const cmp = (x: number, y: number): number => (x < y ? -1 : x > y ? 1 : 0);
const compare = (a: Position, b: Position): number => cmp(a.sec, b.sec) || cmp(a.rank, b.rank) || cmp(a.sub, b.sub) || cmp(a.ms, b.ms);

const latestPosition = (ps: (Position | undefined)[]): Position | undefined =>
  ps.filter((p): p is Position => p !== undefined).reduce<Position | undefined>((best, p) => (!best || compare(p, best) > 0 ? p : best), undefined);

const START: Position = { sec: -Infinity, rank: 0, sub: 0, ms: -Infinity };
const END = (rank: number): Position => ({ sec: Infinity, rank, sub: 0, ms: Infinity });

// ---- The timeline -------------------------------------------------------------------------

export const restoreTimeline = ({ restore, events = [], veleroRestores = [], backups, now }: RestoreTimelineInput): TimelineEntry[] => {
  const meta = restore.metadata ?? {};
  const restoreName = meta.name ?? '';
  const namespace = meta.namespace;
  const restoreRef: TimelineRef = { kind: 'Restore', name: restoreName, ...(namespace ? { namespace } : {}) };
  const placed: { entry: TimelineEntry; pos: Position }[] = [];
  const put = (entry: TimelineEntry, pos: Position) => placed.push({ entry, pos });

  // The Restore was created.
  const created = parseTime(meta.creationTimestamp);
  const createdPos = created ? at(created, RANK.created) : START;
  const intent = restoreIntent(restore);
  put(
    {
      id: 'restore:created',
      ...(created ? { time: created } : {}),
      kind: 'phase',
      severity: 'info',
      title: msg('Restore {{name}} created', { name: restoreName }),
      detail: intent.effect,
      ref: restoreRef,
    },
    createdPos,
  );

  // Activation requested through this console (it records who and when; §2 activation is a spec edit).
  const annotations = meta.annotations ?? {};
  const activationTime = annotations[ANNOTATIONS.action] === ACTIVATION_ACTION ? parseTime(annotations[ANNOTATIONS.actionTime]) : undefined;
  if (activationTime) {
    const user = annotations[ANNOTATIONS.actionUser];
    put(
      {
        id: 'restore:activation',
        time: activationTime,
        kind: 'phase',
        severity: 'info',
        title: user ? msg('Activation of managed clusters requested by {{user}}', { user }) : msg('Activation of managed clusters requested'),
        ...(annotations[ANNOTATIONS.actionReason] ? { raw: annotations[ANNOTATIONS.actionReason] } : {}),
        ref: restoreRef,
      },
      notBefore(at(activationTime, RANK.event), createdPos),
    );
  }

  const own = veleroRestoresOf(restore, veleroRestores).sort(
    (a, b) => veleroOrder(a, restoreName) - veleroOrder(b, restoreName) || byName(a.metadata?.name, b.metadata?.name),
  );
  const veleroIndex = new Map(own.map((vr, i) => [vr.metadata?.name ?? '', i]));

  // Events; the first that names a Velero restore is its announcement. Announcements made in the
  // same second follow the order of the Velero restores they announce.
  const announced = new Map<string, Position>();
  for (const e of normaliseEvents(events, restore)) {
    const c = classifyEvent(e, namespace);
    const sub = c.announces !== undefined ? (veleroIndex.get(c.announces) ?? own.length) + 1 : 0;
    const pos = e.first ? notBefore(at(e.first, RANK.event, sub), createdPos) : { ...createdPos, rank: RANK.event, sub };
    const repeated = (e.count ?? 1) > 1;
    put(
      {
        id: `event:${e.key}`,
        ...(e.first ? { time: e.first } : {}),
        kind: 'event',
        severity: c.severity,
        title: c.title,
        ...(c.detail ? { detail: c.detail } : {}),
        ...(c.check ? { check: c.check } : {}),
        ...(c.ref ? { ref: c.ref } : {}),
        ...(e.text ? { raw: e.text } : {}),
        ...(repeated ? { count: e.count } : {}),
        ...(repeated && e.last ? { lastTime: e.last } : {}),
      },
      pos,
    );
    if (c.announces) {
      const before = announced.get(c.announces);
      if (!before || compare(pos, before) < 0) announced.set(c.announces, pos);
    }
  }

  // Velero restores, in the order Velero runs them.
  const veleroEnds: Position[] = [];
  own.forEach((vr, index) => {
    const s = summarise(vr, restoreName, backups, now);
    const vrNamespace = s.namespace ?? namespace;
    const ref: TimelineRef = { kind: 'VeleroRestore', name: s.name, ...(vrNamespace ? { namespace: vrNamespace } : {}) };
    const floor = latestPosition([createdPos, announced.get(s.name)]);
    const vrCreated = parseTime(vr.metadata?.creationTimestamp);
    const running = s.diagnosis.verdict === 'inProgress';
    const sub = index * 2;

    let startPos: Position | undefined;
    if (s.started) {
      startPos = notBefore(at(s.started, RANK.velero, sub), floor);
      put(
        {
          id: `vr:${s.name}:start`,
          time: s.started,
          kind: 'veleroRestore',
          severity: running ? 'progress' : 'info',
          title: msg('Velero restore {{name}} started', { name: s.name }),
          detail: running ? counts(s) : restoresWhat(s),
          ref,
          veleroRestore: s,
        },
        startPos,
      );
    } else if (running || !s.phase) {
      // Not started yet: after its announcement (or its own creation), with no time of its own.
      startPos = vrCreated ? notBefore(at(vrCreated, RANK.velero, sub), floor) : { ...(floor ?? createdPos), rank: RANK.velero, sub };
      put(
        {
          id: `vr:${s.name}:start`,
          kind: 'veleroRestore',
          severity: s.phase ? 'progress' : 'unknown',
          title: s.phase ? msg('Velero restore {{name}} is waiting to start', { name: s.name }) : msg('Velero restore {{name}} has no status yet', { name: s.name }),
          detail: restoresWhat(s),
          ref,
          veleroRestore: s,
        },
        startPos,
      );
    }

    if (!running && s.phase) {
      const base = startPos ?? latestPosition([floor, vrCreated ? at(vrCreated, RANK.velero, sub) : undefined]) ?? createdPos;
      const endPos = s.completed ? notBefore(at(s.completed, RANK.velero, sub + 1), base) : { ...base, rank: RANK.velero, sub: sub + 1 };
      const d = s.diagnosis;
      put(
        {
          id: `vr:${s.name}:end`,
          ...(s.completed ? { time: s.completed } : {}),
          kind: 'veleroRestore',
          severity: d.severity,
          title: endTitle(s),
          detail: d.verdict === 'ok' ? counts(s) : d.explanation,
          ...(d.check ? { check: d.check } : {}),
          ref,
          veleroRestore: s,
        },
        endPos,
      );
      veleroEnds.push(endPos);
    } else if (startPos) {
      veleroEnds.push(startPos);
    }
  });

  // Status: completion time, post-restore messages, current phase.
  const phase = restorePhaseInfo(restore, { veleroRestores: own, backups });
  const completion = parseTime(restore.status?.completionTimestamp);
  const terminal = phase.phase === 'Finished' || phase.phase === 'FinishedWithErrors' || phase.phase === 'Error';
  const lastVelero = latestPosition(veleroEnds);
  // A final status cannot precede the Velero restores it summarises; a syncing restore's can.
  const completionPos = completion
    ? notBefore(at(completion, RANK.status), terminal ? latestPosition([createdPos, lastVelero]) : createdPos)
    : undefined;

  const messages = restore.status?.messages ?? [];
  const postBase: Position = completionPos
    ? { ...completionPos, rank: RANK.post }
    : lastVelero
      ? { ...lastVelero, rank: RANK.post }
      : END(RANK.post);
  messages.forEach((text, i) => {
    const r = parseAutoImportMessage(text);
    put(
      {
        id: `post:${i}`,
        kind: 'postRestore',
        severity: r.severity,
        title: r.message,
        ...(r.check ? { check: r.check } : {}),
        ...(r.cluster ? { ref: { kind: 'ManagedCluster' as const, name: r.cluster } } : {}),
        raw: r.raw,
        autoImport: r,
      },
      { ...postBase, sub: i },
    );
  });

  const statusEntry = (id: string, time: Date | undefined, pos: Position): void => {
    put(
      {
        id,
        ...(time ? { time } : {}),
        kind: 'phase',
        severity: phase.severity,
        title: phase.label,
        detail: phase.explanation,
        ...(phase.check ? { check: phase.check } : {}),
        ...(phase.lastMessage ? { raw: phase.lastMessage } : {}),
        ref: restoreRef,
        current: true,
      },
      pos,
    );
  };

  if (terminal && completionPos) {
    statusEntry('restore:status', completion, completionPos);
  } else {
    if (completionPos && phase.isSyncing) {
      put(
        {
          id: 'restore:synced',
          time: completion,
          kind: 'phase',
          severity: 'info',
          title: msg('Passive data restored; syncing enabled'),
          ref: restoreRef,
        },
        completionPos,
      );
    }
    statusEntry('restore:status', undefined, END(RANK.status));
  }

  const deleting = parseTime(meta.deletionTimestamp);
  if (deleting) {
    put(
      { id: 'restore:deleting', time: deleting, kind: 'phase', severity: 'warning', title: msg('Deletion requested'), ref: restoreRef },
      notBefore(at(deleting, RANK.status, 1), createdPos),
    );
  }

  // The id breaks the remaining ties, so the order does not depend on the order of the inputs.
  return placed
    .sort((a, b) => compare(a.pos, b.pos) || (a.entry.id < b.entry.id ? -1 : a.entry.id > b.entry.id ? 1 : 0))
    .map((p) => p.entry);
};
