/**
 * What the promotion writes: the activation (a patch of the sync restore or a new activation
 * restore) and the BackupSchedule, each carrying the audit annotations. Plain functions over plain
 * objects, so the page and its tests agree on exactly what is sent.
 */
import { dump } from 'js-yaml';
import { ocResourceOf } from '../../insight/ocCommands';
import { PROMOTION_ACTION } from '../../insight/promotion';
import { ANNOTATIONS, BACKUP_NAMESPACE } from '../../k8s/names';
import { UNKNOWN_USER } from '../../k8s/currentUser';
import type { BackupSchedule, K8sObject, Restore } from '../../k8s/types';
import { buildBackupSchedule, validateBackupScheduleForm, type BackupScheduleFormInput } from '../../operand/backupSchedule';
import { setAnnotationsOps, type JsonPatchOp } from '../../operand/patch';
import { activateSyncRestoreOps, buildRestore, presetInput } from '../../operand/restore';

/**
 * The schedule the admin chose before starting, kept on the activation restore as JSON. The
 * browser may be closed between activation and step 4; keeping the values in the cluster lets any
 * admin who opens the page later create exactly the schedule that was confirmed.
 */
export const SCHEDULE_ANNOTATION = ANNOTATIONS.promotionSchedule;

/** Recorded when the user's name cannot be read (no SelfSubjectReview API, or it failed). */


export type Audit = { reason?: string; user: string; time: string };

/** The fields of the schedule form a promotion stores; anything else in the annotation is ignored. */
const STORED_FIELDS = ['name', 'namespace', 'veleroSchedule', 'veleroTtl', 'useManagedServiceAccount', 'managedServiceAccountTTL'] as const;

export const encodeSchedule = (form: BackupScheduleFormInput): string => {
  const kept: Record<string, unknown> = {};
  for (const key of STORED_FIELDS) if (form[key] !== undefined) kept[key] = form[key];
  return JSON.stringify(kept);
};

export type StoredSchedule = { ok: true; form: BackupScheduleFormInput } | { ok: false; reason: 'missing' | 'unreadable' | 'invalid' };

/**
 * The schedule stored on the activation restore. Hand-edited or truncated values are refused
 * rather than guessed: the page then asks for the values again.
 */
export const decodeSchedule = (restore: Restore | undefined): StoredSchedule => {
  const raw = restore?.metadata?.annotations?.[SCHEDULE_ANNOTATION];
  if (!raw) return { ok: false, reason: 'missing' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
  if (!parsed || typeof parsed !== 'object') return { ok: false, reason: 'unreadable' };
  const obj = parsed as Record<string, unknown>;
  const form: BackupScheduleFormInput = { name: '', veleroSchedule: '' };
  for (const key of STORED_FIELDS) {
    const v = obj[key];
    if (v === undefined) continue;
    const boolField = key === 'useManagedServiceAccount';
    if (boolField ? typeof v !== 'boolean' : typeof v !== 'string') return { ok: false, reason: 'unreadable' };
    (form as Record<string, unknown>)[key] = v;
  }
  if (!form.name || !form.veleroSchedule) return { ok: false, reason: 'unreadable' };
  if (Object.keys(validateBackupScheduleForm(form)).length > 0) return { ok: false, reason: 'invalid' };
  return { ok: true, form };
};

export const auditAnnotations = (audit: Audit): Record<string, string> => ({
  [ANNOTATIONS.action]: PROMOTION_ACTION,
  [ANNOTATIONS.actionUser]: audit.user,
  [ANNOTATIONS.actionTime]: audit.time,
  ...(audit.reason?.trim() ? { [ANNOTATIONS.actionReason]: audit.reason.trim() } : {}),
});

/** The request recorded on an object this promotion wrote, to copy onto what it writes next. */
export const auditOf = (o: K8sObject | undefined): Audit | undefined => {
  const a = o?.metadata?.annotations;
  if (a?.[ANNOTATIONS.action] !== PROMOTION_ACTION) return undefined;
  return {
    user: a[ANNOTATIONS.actionUser] || UNKNOWN_USER,
    time: a[ANNOTATIONS.actionTime] ?? '',
    ...(a[ANNOTATIONS.actionReason] ? { reason: a[ANNOTATIONS.actionReason] } : {}),
  };
};

export const isPromotionObject = (o: K8sObject | undefined): boolean => o?.metadata?.annotations?.[ANNOTATIONS.action] === PROMOTION_ACTION;

/**
 * Activation of the sync restore (§2): the operand's `test` + `replace` of the managed-clusters
 * backup, so a second click or tab fails instead of activating twice. Its annotations record an
 * activation; a promotion is recorded as such instead (the hub role reads it) with the schedule
 * to create, all in the same patch so they cannot be separated.
 */
export const activationPatch = (restore: Restore, audit: Audit, schedule: BackupScheduleFormInput): JsonPatchOp[] => [
  ...activateSyncRestoreOps(restore, audit).filter((op) => !op.path.startsWith('/metadata/annotations')),
  ...setAnnotationsOps(restore.metadata?.annotations, { ...auditAnnotations(audit), [SCHEDULE_ANNOTATION]: encodeSchedule(schedule) }),
];

/** The sample's activation restore (§4 step 1) on top of a one-time passive restore. */
export const activationRestore = (name: string, audit: Audit, schedule: BackupScheduleFormInput, now: Date): Restore =>
  buildRestore(
    presetInput('activation', { name, annotations: { ...auditAnnotations(audit), [SCHEDULE_ANNOTATION]: encodeSchedule(schedule) } }, now),
  );

/** The new primary's schedule (§4 step 3), recording the same request as the activation. */
export const promotionSchedule = (form: BackupScheduleFormInput, audit: Audit): BackupSchedule => {
  const built = buildBackupSchedule(form);
  return { ...built, metadata: { ...built.metadata, annotations: auditAnnotations(audit) } };
};

// ---- The same writes as `oc` commands, to finish by hand what the page could not ----

const shellQuote = (value: string): string => `'${value.replace(/'/g, `'\\''`)}'`;

const applyCommand = (object: K8sObject): string => [`cat <<'EOF' | oc create -f -`, dump(object, { noRefs: true, lineWidth: -1 }).trimEnd(), 'EOF'].join('\n');

/** Step 1 by hand: the same JSON patch (with its `test`), or the same activation restore. */
export const activationCommand = (
  activation: { kind: 'patchSync'; restore: Restore; restoreName: string } | { kind: 'create'; restoreName: string },
  audit: Audit,
  schedule: BackupScheduleFormInput,
  now: Date,
): string =>
  activation.kind === 'patchSync'
    ? [
        'oc patch',
        ocResourceOf('Restore'),
        activation.restoreName,
        '-n',
        activation.restore.metadata?.namespace || BACKUP_NAMESPACE,
        '--type json -p',
        shellQuote(JSON.stringify(activationPatch(activation.restore, audit, schedule))),
      ].join(' ')
    : applyCommand(activationRestore(activation.restoreName, audit, schedule, now));

/** Step 4 by hand: the same BackupSchedule. */
export const scheduleCommand = (form: BackupScheduleFormInput, audit: Audit): string => applyCommand(promotionSchedule(form, audit));
