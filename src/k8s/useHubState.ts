import { BACKUP_NAMESPACE, LABELS, LOCAL_CLUSTER_NAME, replicatedPolicyName, VALIDATION_POLICY_NAME, AUTO_IMPORT_POLICY_NAME } from './names';
import {
  BackupScheduleModel,
  BackupStorageLocationModel,
  ClusterVersionModel,
  ConfigurationPolicyModel,
  DataProtectionApplicationModel,
  ManagedClusterModel,
  ManagedServiceAccountModel,
  PolicyModel,
  RestoreModel,
  VeleroBackupModel,
  VeleroRestoreModel,
  VeleroScheduleModel,
} from './models';
import { useWatchList, type WatchResult } from './hooks';
import type {
  BackupSchedule,
  BackupStorageLocation,
  ClusterVersion,
  ConfigurationPolicy,
  DataProtectionApplication,
  ManagedCluster,
  ManagedServiceAccount,
  Policy,
  Restore,
  VeleroBackup,
  VeleroRestore,
  VeleroSchedule,
} from './types';

export type HubState = {
  schedules: WatchResult<BackupSchedule[]>;
  restores: WatchResult<Restore[]>;
  backups: WatchResult<VeleroBackup[]>;
  veleroSchedules: WatchResult<VeleroSchedule[]>;
  veleroRestores: WatchResult<VeleroRestore[]>;
  storageLocations: WatchResult<BackupStorageLocation[]>;
  dataProtectionApplications: WatchResult<DataProtectionApplication[]>;
  managedClusters: WatchResult<ManagedCluster[]>;
  clusterVersions: WatchResult<ClusterVersion[]>;
  /** Root policies in the backup namespace (§3). */
  rootPolicies: WatchResult<Policy[]>;
  /** Replicated policies in the hub's own cluster namespace (§3), where per-template status lives. */
  replicatedPolicies: WatchResult<Policy[]>;
  /** Opt-in (`include`): ManagedServiceAccounts of every namespace, where the auto-import ones live (§5). */
  managedServiceAccounts: WatchResult<ManagedServiceAccount[]>;
  /** Opt-in (`include`): ConfigurationPolicies in the hub's own cluster namespace (§3). */
  configurationPolicies: WatchResult<ConfigurationPolicy[]>;
  /** The hub's own ManagedCluster name (`local-cluster` unless renamed). */
  localClusterName: string;
};

/** Sources few pages need: watched only when asked for, so existing callers pay nothing. */
type OptionalSource = 'managedServiceAccounts' | 'configurationPolicies';
type DefaultSource = Exclude<keyof HubState, 'localClusterName' | OptionalSource>;

type Options = {
  skip?: Partial<Record<DefaultSource, boolean>>;
  /**
   * Optional sources to watch. One left out reads as loaded and empty, like a skipped watch:
   * callers must not derive anything from a source they did not include.
   */
  include?: Partial<Record<OptionalSource, boolean>>;
};

/**
 * Live state of the hub's backup namespace and what the DR pages derive from it. The console
 * shares identical watches between components, so several pages and the collision banner using
 * this hook cost one websocket per kind.
 */
export const useHubState = ({ skip = {}, include = {} }: Options = {}): HubState => {
  const ns = BACKUP_NAMESPACE;
  const managedClusters = useWatchList<ManagedCluster>(ManagedClusterModel, { skip: skip.managedClusters });
  const localClusterName =
    managedClusters.data.find((mc) => mc.metadata?.labels?.[LABELS.localCluster] === 'true')?.metadata?.name ?? LOCAL_CLUSTER_NAME;
  return {
    managedClusters,
    localClusterName,
    schedules: useWatchList<BackupSchedule>(BackupScheduleModel, { namespace: ns, skip: skip.schedules }),
    restores: useWatchList<Restore>(RestoreModel, { namespace: ns, skip: skip.restores }),
    backups: useWatchList<VeleroBackup>(VeleroBackupModel, { namespace: ns, skip: skip.backups }),
    veleroSchedules: useWatchList<VeleroSchedule>(VeleroScheduleModel, { namespace: ns, skip: skip.veleroSchedules }),
    veleroRestores: useWatchList<VeleroRestore>(VeleroRestoreModel, { namespace: ns, skip: skip.veleroRestores }),
    storageLocations: useWatchList<BackupStorageLocation>(BackupStorageLocationModel, { namespace: ns, skip: skip.storageLocations }),
    dataProtectionApplications: useWatchList<DataProtectionApplication>(DataProtectionApplicationModel, {
      namespace: ns,
      skip: skip.dataProtectionApplications,
    }),
    clusterVersions: useWatchList<ClusterVersion>(ClusterVersionModel, { skip: skip.clusterVersions }),
    rootPolicies: useWatchList<Policy>(PolicyModel, { namespace: ns, skip: skip.rootPolicies }),
    replicatedPolicies: useWatchList<Policy>(PolicyModel, { namespace: localClusterName, skip: skip.replicatedPolicies }),
    managedServiceAccounts: useWatchList<ManagedServiceAccount>(ManagedServiceAccountModel, { skip: !include.managedServiceAccounts }),
    configurationPolicies: useWatchList<ConfigurationPolicy>(ConfigurationPolicyModel, {
      namespace: localClusterName,
      skip: !include.configurationPolicies,
    }),
  };
};

/** Names of the policy objects the validation view reads (root and replicated, §3). */
export const VALIDATION_POLICY_REFS = {
  root: { name: VALIDATION_POLICY_NAME, namespace: BACKUP_NAMESPACE },
  replicated: { name: replicatedPolicyName(VALIDATION_POLICY_NAME) },
  autoImportRoot: { name: AUTO_IMPORT_POLICY_NAME, namespace: BACKUP_NAMESPACE },
  autoImportReplicated: { name: replicatedPolicyName(AUTO_IMPORT_POLICY_NAME) },
} as const;
