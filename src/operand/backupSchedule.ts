import type { Message } from '../k8s/message';
import { BACKUP_NAMESPACE } from '../k8s/names';
import type { BackupSchedule, BackupScheduleSpec } from '../k8s/types';
import { validateCron } from './cron';
import { validateTtl } from './duration';
import type { JsonPatchOp } from './patch';
import { validateDnsSubdomain, validateNamespaceName, validateOperatorResourceName } from './resourceNames';

export const BACKUP_SCHEDULE_API_VERSION = 'cluster.open-cluster-management.io/v1beta1';

/**
 * What the schedule form edits. Booleans left undefined are not written (the operator's default
 * applies); `false` is written, because the operator's own MSA sample writes `paused: false`.
 */
export type BackupScheduleFormInput = {
  name: string;
  /** Defaults to the namespace the backup chart installs into (§1). */
  namespace?: string;
  veleroSchedule: string;
  veleroTtl?: string;
  useManagedServiceAccount?: boolean;
  managedServiceAccountTTL?: string;
  noBackupOnStart?: boolean;
  volumeSnapshotLocations?: string[];
  paused?: boolean;
  useOwnerReferencesInBackup?: boolean;
  skipImmediately?: boolean;
};

const SPEC_KEYS: readonly (keyof BackupScheduleSpec)[] = [
  'veleroSchedule',
  'veleroTtl',
  'useManagedServiceAccount',
  'managedServiceAccountTTL',
  'noBackupOnStart',
  'volumeSnapshotLocations',
  'paused',
  'useOwnerReferencesInBackup',
  'skipImmediately',
];

const trimmed = (v: string | undefined): string | undefined => {
  const t = v?.trim();
  return t ? t : undefined;
};

const buildSpec = (input: BackupScheduleFormInput): BackupScheduleSpec => {
  const spec: BackupScheduleSpec = { veleroSchedule: input.veleroSchedule.trim() };
  const ttl = trimmed(input.veleroTtl);
  if (ttl) spec.veleroTtl = ttl;
  if (input.useManagedServiceAccount !== undefined) spec.useManagedServiceAccount = input.useManagedServiceAccount;
  // The operator reads the token TTL only when MSA is on; writing it otherwise would suggest it matters.
  const msaTtl = trimmed(input.managedServiceAccountTTL);
  if (msaTtl && input.useManagedServiceAccount === true) spec.managedServiceAccountTTL = msaTtl;
  if (input.noBackupOnStart !== undefined) spec.noBackupOnStart = input.noBackupOnStart;
  const vsl = (input.volumeSnapshotLocations ?? []).map((l) => l.trim()).filter(Boolean);
  if (vsl.length > 0) spec.volumeSnapshotLocations = vsl;
  if (input.paused !== undefined) spec.paused = input.paused;
  if (input.useOwnerReferencesInBackup !== undefined) spec.useOwnerReferencesInBackup = input.useOwnerReferencesInBackup;
  if (input.skipImmediately !== undefined) spec.skipImmediately = input.skipImmediately;
  return spec;
};

/** The BackupSchedule to create: only the fields the user set, strings trimmed. */
export const buildBackupSchedule = (input: BackupScheduleFormInput): BackupSchedule => ({
  apiVersion: BACKUP_SCHEDULE_API_VERSION,
  kind: 'BackupSchedule',
  metadata: {
    name: input.name.trim(),
    namespace: trimmed(input.namespace) ?? BACKUP_NAMESPACE,
  },
  spec: buildSpec(input),
});

/** The form's values for editing an existing BackupSchedule. */
export const formFromBackupSchedule = (bs: BackupSchedule): BackupScheduleFormInput => {
  const spec: Partial<BackupScheduleSpec> = bs.spec ?? {};
  const input: BackupScheduleFormInput = {
    name: bs.metadata?.name ?? '',
    namespace: bs.metadata?.namespace ?? BACKUP_NAMESPACE,
    veleroSchedule: spec.veleroSchedule ?? '',
  };
  if (spec.veleroTtl !== undefined) input.veleroTtl = spec.veleroTtl;
  if (spec.useManagedServiceAccount !== undefined) input.useManagedServiceAccount = spec.useManagedServiceAccount;
  if (spec.managedServiceAccountTTL !== undefined) input.managedServiceAccountTTL = spec.managedServiceAccountTTL;
  if (spec.noBackupOnStart !== undefined) input.noBackupOnStart = spec.noBackupOnStart;
  if (spec.volumeSnapshotLocations !== undefined) input.volumeSnapshotLocations = [...spec.volumeSnapshotLocations];
  if (spec.paused !== undefined) input.paused = spec.paused;
  if (spec.useOwnerReferencesInBackup !== undefined) input.useOwnerReferencesInBackup = spec.useOwnerReferencesInBackup;
  if (spec.skipImmediately !== undefined) input.skipImmediately = spec.skipImmediately;
  return input;
};

export type BackupScheduleFormErrors = Partial<Record<keyof BackupScheduleFormInput, Message>>;

/** One message per invalid field; an empty object means the form can be submitted. */
export const validateBackupScheduleForm = (input: BackupScheduleFormInput): BackupScheduleFormErrors => {
  const errors: BackupScheduleFormErrors = {};
  const name = validateOperatorResourceName(input.name ?? '');
  if (name) errors.name = name;
  if (trimmed(input.namespace)) {
    const ns = validateNamespaceName(input.namespace as string);
    if (ns) errors.namespace = ns;
  }
  const cron = validateCron(input.veleroSchedule ?? '');
  if (cron) errors.veleroSchedule = cron;
  if (trimmed(input.veleroTtl)) {
    const ttl = validateTtl(input.veleroTtl as string);
    if (ttl) errors.veleroTtl = ttl;
  }
  if (input.useManagedServiceAccount === true && trimmed(input.managedServiceAccountTTL)) {
    const ttl = validateTtl(input.managedServiceAccountTTL as string);
    if (ttl) errors.managedServiceAccountTTL = ttl;
  }
  for (const location of (input.volumeSnapshotLocations ?? []).map((l) => l.trim()).filter(Boolean)) {
    const invalid = validateDnsSubdomain(location);
    if (invalid) {
      errors.volumeSnapshotLocations = invalid;
      break;
    }
  }
  return errors;
};

/** Pause or resume: the operator pauses (2.15+) or deletes (2.12–2.14) the Velero schedules (§1). */
export const pauseScheduleOps = (bs: BackupSchedule, paused: boolean): JsonPatchOp[] => [
  { op: bs.spec?.paused === undefined ? 'add' : 'replace', path: '/spec/paused', value: paused },
];

/**
 * Replace the spec with the form's. The `test` on resourceVersion makes the patch fail (422) if
 * the object changed since it was read, so an edit never silently overwrites someone else's.
 * Spec fields this form does not know (from a newer operator) are carried over untouched.
 */
export const updateScheduleOps = (existing: BackupSchedule, input: BackupScheduleFormInput): JsonPatchOp[] => {
  const known = new Set<string>(SPEC_KEYS);
  const carried = Object.fromEntries(Object.entries(existing.spec ?? {}).filter(([k]) => !known.has(k)));
  const ops: JsonPatchOp[] = [];
  const rv = existing.metadata?.resourceVersion;
  if (rv) ops.push({ op: 'test', path: '/metadata/resourceVersion', value: rv });
  ops.push({ op: 'replace', path: '/spec', value: { ...carried, ...buildSpec(input) } });
  return ops;
};
