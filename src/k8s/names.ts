/**
 * Every name, label and annotation the cluster-backup-operator, Velero, the policy framework and
 * VolSync use, in one place. Sections refer to `operator-behaviour.md`.
 * Pure constants: importable from the operand and insight layers and from the hub simulator.
 */

/** §1: the chart installs the operator and its CRs here; the samples use it too. */
export const BACKUP_NAMESPACE = 'open-cluster-management-backup';

/** §1: the name the operator's samples give the hub's BackupSchedule. */
export const DEFAULT_SCHEDULE_NAME = 'schedule-acm';
export const DEFAULT_MSA_SCHEDULE_NAME = 'schedule-acm-msa';

/** §1: the value of the `backup-schedule-type` label, one per Velero schedule. */
export type BackupType = 'credentials' | 'resources' | 'resourcesGeneric' | 'managedClusters' | 'validation';

export const BACKUP_TYPES: readonly BackupType[] = [
  'credentials',
  'resources',
  'resourcesGeneric',
  'managedClusters',
  'validation',
];

/** §1: the fixed Velero schedule names (CBO `veleroScheduleNames`). */
export const VELERO_SCHEDULE_NAMES: Readonly<Record<BackupType, string>> = {
  credentials: 'acm-credentials-schedule',
  resources: 'acm-resources-schedule',
  resourcesGeneric: 'acm-resources-generic-schedule',
  managedClusters: 'acm-managed-clusters-schedule',
  validation: 'acm-validation-policy-schedule',
};

/** §1: ACM 2.5–2.6 split credentials in two schedules; restores still understand these names. */
export const LEGACY_CREDENTIALS_SCHEDULE_NAMES: readonly string[] = [
  'acm-credentials-hive-schedule',
  'acm-credentials-cluster-schedule',
];

/** §2: the activation record (a dummy Velero Backup) is named `acm-restore-clusters-<timestamp>`. */
export const RESTORE_CLUSTERS_BACKUP_PREFIX = 'acm-restore-clusters-';

/** §2: Restore spec values with a special meaning. */
export const LATEST = 'latest';
export const SKIP = 'skip';

/** §2: default `restoreSyncInterval` when a sync restore does not set one. */
export const DEFAULT_RESTORE_SYNC_INTERVAL = '30m';

/** §1: Velero's TTL when `veleroTtl` is empty. */
export const VELERO_DEFAULT_TTL = '720h';

/** Labels written by the operator and Velero (§1, §2). */
export const LABELS = {
  scheduleName: 'cluster.open-cluster-management.io/backup-schedule-name',
  scheduleType: 'cluster.open-cluster-management.io/backup-schedule-type',
  backupCluster: 'cluster.open-cluster-management.io/backup-cluster',
  restoreCluster: 'cluster.open-cluster-management.io/restore-cluster',
  acmHubDr: 'cluster.open-cluster-management.io/acm-hub-dr',
  acmRestoreName: 'cluster.open-cluster-management.io/acm-restore-name',
  backup: 'cluster.open-cluster-management.io/backup',
  veleroScheduleName: 'velero.io/schedule-name',
  veleroBackupName: 'velero.io/backup-name',
  veleroRestoreName: 'velero.io/restore-name',
  excludeFromBackup: 'velero.io/exclude-from-backup',
  clusterId: 'clusterID',
  localCluster: 'local-cluster',
  volsyncAddon: 'addons.open-cluster-management.io/volsync',
} as const;

/** Annotations the operator reads, and those this plugin writes for auditing. */
export const ANNOTATIONS = {
  /** §2: required on `main`/5.x for `cleanupBeforeRestore: CleanupAll`. */
  cleanupAllConfirmed: 'cluster.open-cluster-management.io/restore-cleanup-all-confirmed',
  /** §4: stops the old primary reclaiming clusters. */
  disableAutoImport: 'import.open-cluster-management.io/disable-auto-import',
  immediateImport: 'import.open-cluster-management.io/immediate-import',
  /** Written by this plugin on objects created or patched by a guided action. */
  actionReason: 'business-continuity.open-cluster-management.io/reason',
  actionUser: 'business-continuity.open-cluster-management.io/requested-by',
  actionTime: 'business-continuity.open-cluster-management.io/requested-at',
  action: 'business-continuity.open-cluster-management.io/action',
  /** The BackupSchedule chosen when a promotion started, so a reload can finish it (JSON). */
  promotionSchedule: 'business-continuity.open-cluster-management.io/promotion-schedule',
} as const;

/** §1: the hub publishes its id as this cluster claim on its own ManagedCluster. */
export const CLUSTER_ID_CLAIM = 'id.openshift.io';
export const LOCAL_CLUSTER_NAME = 'local-cluster';

/** §3: the validation policy, its older companion, and how the propagator names replicas. */
export const VALIDATION_POLICY_NAME = 'backup-restore-enabled';
export const AUTO_IMPORT_POLICY_NAME = 'backup-restore-auto-import';
export const replicatedPolicyName = (rootName: string, rootNamespace = BACKUP_NAMESPACE): string =>
  `${rootNamespace}.${rootName}`;

/** §5: MSA auto-import objects in each imported cluster's namespace. */
export const MSA_ACCOUNT_NAMES: readonly string[] = ['auto-import-account', 'auto-import-account-pair'];
export const MSA_ADDON_NAME = 'managed-serviceaccount';

/** §6: the VolSync addon name and PSK secret key. */
export const VOLSYNC_ADDON_NAME = 'volsync';
export const VOLSYNC_PSK_KEY = 'psk.txt';

/** §2: event reasons differ between ACM releases; match all of them. */
export const RESTORE_EVENT_REASONS = {
  veleroRestoreCreated: ['VeleroRestoreCreated', 'Velero restore created:'],
  hooksNotSupported: ['RestoreHooksNotSupported'],
  legacy: ['Prepare to restore:', 'Velero restore already exists:'],
} as const;
