/**
 * How a Restore relates to the Velero objects around it (§2): which Velero restores it created,
 * which backup each restored, and when a backup was taken. Shared by the restore phase, history
 * and timeline modules.
 */
import type { BackupType } from '../k8s/names';
import type { Restore, VeleroBackup, VeleroRestore } from '../k8s/types';
import { normalizeBackupName } from '../operand/resourceNames';
import { backupTimeOf, backupTimestampOf, backupTypeOf, goodBackups, newestGoodBackupPerType } from './backups';

/** The four kinds of Velero restore a Restore tracks in its status (§2). */
export type RestoredType = Exclude<BackupType, 'validation'>;

/** Velero restore order (`ResourceTypePriority`, §2): also the order of the status fields below. */
export const RESTORED_TYPES: readonly RestoredType[] = ['credentials', 'resources', 'resourcesGeneric', 'managedClusters'];

export const STATUS_RESTORE_NAME_FIELD = {
  credentials: 'veleroCredentialsRestoreName',
  resources: 'veleroResourcesRestoreName',
  resourcesGeneric: 'veleroGenericResourcesRestoreName',
  managedClusters: 'veleroManagedClustersRestoreName',
} as const satisfies Record<RestoredType, keyof NonNullable<Restore['status']>>;

/** Kubernetes timestamps; `eventTime` carries microseconds, which not every Date parser accepts. */
export const parseTime = (s: string | null | undefined): Date | undefined => {
  if (!s) return undefined;
  const t = Date.parse(s.replace(/(\.\d{3})\d+/, '$1'));
  return Number.isNaN(t) ? undefined : new Date(t);
};

/** When a backup was taken; the name's timestamp when the backup itself is not visible. */
export const backupTime = (backup: VeleroBackup | undefined, name?: string): Date | undefined =>
  (backup ? backupTimeOf(backup) : undefined) ?? (name ? backupTimestampOf(name) : undefined);

const RESTORED: ReadonlySet<string> = new Set<string>(['credentials', 'resources', 'resourcesGeneric', 'managedClusters']);

/** The backup type of a Velero backup name (`acm-resources-schedule-20250101120000` → resources). */
export const restoredTypeOfBackupName = (name: string | undefined): RestoredType | undefined => {
  if (!name) return undefined;
  const kind = backupTypeOf({ metadata: { name } });
  return RESTORED.has(kind) ? (kind as RestoredType) : undefined;
};

const ACM_GROUP = 'cluster.open-cluster-management.io/';

/**
 * The Velero restores a Restore created: those it owns, those its status names, and, for
 * objects read without owner references, those named `<restore>-<backup>` (§2 naming) where the
 * rest of the name is an ACM backup. A Velero restore owned by another Restore never counts,
 * and `restore-acm` does not claim the Velero restores of `restore-acm-passive`.
 */
export const veleroRestoresOf = (restore: Restore, veleroRestores: readonly VeleroRestore[] | undefined): VeleroRestore[] => {
  const name = restore.metadata?.name;
  const namespace = restore.metadata?.namespace;
  const uid = restore.metadata?.uid;
  if (!name) return [];
  const tracked = new Set(
    RESTORED_TYPES.map((t) => restore.status?.[STATUS_RESTORE_NAME_FIELD[t]]).filter((n): n is string => Boolean(n)),
  );
  return (veleroRestores ?? []).filter((vr) => {
    const meta = vr.metadata ?? {};
    if (namespace && meta.namespace && meta.namespace !== namespace) return false;
    const owner = (meta.ownerReferences ?? []).find((o) => o.kind === 'Restore' && o.apiVersion.startsWith(ACM_GROUP));
    if (owner) return owner.name === name && (!uid || !owner.uid || owner.uid === uid);
    if (meta.name && tracked.has(meta.name)) return true;
    return backupNameFromVeleroRestoreName(name, meta.name) !== undefined;
  });
};

/**
 * The backup a Velero restore named `<restore>-<backup>[-active]` restored, read from its name
 * (for when the Velero restore or its `spec.backupName` is not visible).
 */
export const backupNameFromVeleroRestoreName = (restoreName: string, veleroRestoreName: string | undefined): string | undefined => {
  const prefix = `${restoreName}-`;
  if (!veleroRestoreName?.startsWith(prefix)) return undefined;
  const rest = veleroRestoreName.slice(prefix.length).replace(/-active$/, '');
  return restoredTypeOfBackupName(rest) ? rest : undefined;
};

/** Activation restores of credentials and generic resources carry an `-active` suffix (§2). */
export const isActivationVeleroRestore = (vr: VeleroRestore): boolean => /-active$/.test(vr.metadata?.name ?? '');

export type BackupName = 'latest' | 'skip' | 'named' | 'empty';

/** What a backup-name field asks for, read the way the operator reads it (trimmed, lower-cased). */
export const backupNameKind = (value: string | undefined): BackupName => {
  const v = normalizeBackupName(value ?? '');
  if (v === '') return 'empty';
  if (v === 'latest') return 'latest';
  if (v === 'skip') return 'skip';
  return 'named';
};

/**
 * The backup `latest` resolves to for a type (§2: newest Completed or PartiallyFailed), and how
 * many such backups are newer than a given instant.
 */
export const latestBackupOfType = (backups: readonly VeleroBackup[] | undefined, type: RestoredType): VeleroBackup | undefined =>
  newestGoodBackupPerType(backups ?? [])[type]?.backup;

export const goodBackupsNewerThan = (backups: readonly VeleroBackup[] | undefined, type: RestoredType, after: Date): number =>
  goodBackups(backups ?? []).filter((b) => b.type === type && b.time.getTime() > after.getTime()).length;

export const findByName = <T extends { metadata?: { name?: string } }>(items: readonly T[] | undefined, name: string | undefined): T | undefined =>
  name ? (items ?? []).find((i) => i.metadata?.name === name) : undefined;
