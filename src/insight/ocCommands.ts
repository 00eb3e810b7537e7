/**
 * `oc` commands the UI offers to copy. Resources are always fully qualified: ACM and Velero both
 * have a kind called `Restore`, and a bare `oc describe restore` resolves to whichever group
 * discovery lists first.
 */
import { BACKUP_NAMESPACE } from '../k8s/names';

export type DescribableKind =
  | 'Restore'
  | 'BackupSchedule'
  | 'VeleroRestore'
  | 'VeleroBackup'
  | 'VeleroSchedule'
  | 'BackupStorageLocation'
  | 'DataProtectionApplication'
  | 'ManagedCluster'
  | 'Event';

const RESOURCES: Record<DescribableKind, { resource: string; namespaced: boolean }> = {
  Restore: { resource: 'restore.cluster.open-cluster-management.io', namespaced: true },
  BackupSchedule: { resource: 'backupschedule.cluster.open-cluster-management.io', namespaced: true },
  VeleroRestore: { resource: 'restore.velero.io', namespaced: true },
  VeleroBackup: { resource: 'backup.velero.io', namespaced: true },
  VeleroSchedule: { resource: 'schedule.velero.io', namespaced: true },
  BackupStorageLocation: { resource: 'backupstoragelocation.velero.io', namespaced: true },
  DataProtectionApplication: { resource: 'dataprotectionapplication.oadp.openshift.io', namespaced: true },
  ManagedCluster: { resource: 'managedcluster.cluster.open-cluster-management.io', namespaced: false },
  Event: { resource: 'event', namespaced: true },
};

/** The fully-qualified resource name `oc` accepts for a kind. */
export const ocResourceOf = (kind: DescribableKind): string => RESOURCES[kind].resource;

// Kubernetes names never need quoting; anything else pasted into a shell does.
const shellArg = (value: string): string => (/^[A-Za-z0-9._\-/:=@]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`);

/**
 * e.g. `oc describe restore.cluster.open-cluster-management.io restore-acm -n open-cluster-management-backup`.
 * Cluster-scoped kinds ignore the namespace; namespaced kinds default to the backup namespace.
 */
export const ocDescribeCommand = (kind: DescribableKind, name: string, namespace?: string): string => {
  const { resource, namespaced } = RESOURCES[kind];
  const parts = ['oc', 'describe', resource, shellArg(name)];
  if (namespaced) parts.push('-n', shellArg(namespace || BACKUP_NAMESPACE));
  return parts.join(' ');
};

/**
 * The errors and warnings of a Velero restore are not in its status (only their counts are);
 * the Velero CLI inside the OADP `velero` deployment reads them from the storage location.
 */
export const veleroRestoreDetailsCommand = (name: string, namespace?: string): string =>
  ['oc', '-n', shellArg(namespace || BACKUP_NAMESPACE), 'exec', 'deployment/velero', '-c', 'velero', '--', './velero', 'restore', 'describe', shellArg(name), '--details'].join(' ');

/** The Velero log of one restore, for errors the describe output only summarises. */
export const veleroRestoreLogsCommand = (name: string, namespace?: string): string =>
  ['oc', '-n', shellArg(namespace || BACKUP_NAMESPACE), 'exec', 'deployment/velero', '-c', 'velero', '--', './velero', 'restore', 'logs', shellArg(name)].join(' ');
