/**
 * Types of the custom resources the plugin touches, limited to the fields it reads or writes.
 * Shapes follow the upstream CRDs in `shared/crds` and `operator-behaviour.md` (sections cited).
 * Plain types: the operand and insight layers and the hub simulator import them too.
 */

export type ObjectMeta = {
  name?: string;
  generateName?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  finalizers?: string[];
};

export type OwnerReference = {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
};

export type K8sObject = {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
};

export type Condition = {
  type: string;
  status: 'True' | 'False' | 'Unknown' | string;
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
};

// ---- cluster-backup-operator (§1) ----

export type BackupSchedulePhase =
  | 'New'
  | 'Enabled'
  | 'FailedValidation'
  | 'Failed'
  | 'Unknown'
  | 'BackupCollision'
  | 'Paused';

export type BackupScheduleSpec = {
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

export type BackupSchedule = K8sObject & {
  spec: BackupScheduleSpec;
  status?: {
    phase?: BackupSchedulePhase | string;
    lastMessage?: string;
    veleroScheduleCredentials?: VeleroSchedule;
    veleroScheduleManagedClusters?: VeleroSchedule;
    veleroScheduleResources?: VeleroSchedule;
  };
};

// ---- cluster-backup-operator (§2) ----

export type CleanupType = 'None' | 'CleanupRestored' | 'CleanupAll';

export type RestorePhase =
  | 'Started'
  | 'Running'
  | 'Finished'
  | 'FinishedWithErrors'
  | 'Error'
  | 'Unknown'
  | 'Enabled'
  | 'EnabledWithErrors';

export type LabelSelector = {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
};

export type RestoreSpec = {
  cleanupBeforeRestore: CleanupType;
  veleroManagedClustersBackupName: string;
  veleroCredentialsBackupName: string;
  veleroResourcesBackupName: string;
  syncRestoreWithNewBackups?: boolean;
  restoreSyncInterval?: string;
  restorePVs?: boolean;
  restoreStatus?: { includedResources?: string[]; excludedResources?: string[] };
  preserveNodePorts?: boolean;
  hooks?: Record<string, unknown>;
  excludedNamespaces?: string[];
  excludedResources?: string[];
  includedNamespaces?: string[];
  includedResources?: string[];
  labelSelector?: LabelSelector;
  orLabelSelectors?: LabelSelector[];
  namespaceMapping?: Record<string, string>;
};

export type Restore = K8sObject & {
  spec: RestoreSpec;
  status?: {
    phase?: RestorePhase | string;
    lastMessage?: string;
    veleroManagedClustersRestoreName?: string;
    veleroResourcesRestoreName?: string;
    veleroGenericResourcesRestoreName?: string;
    veleroCredentialsRestoreName?: string;
    messages?: string[];
    completionTimestamp?: string;
  };
};

// ---- Velero (§8) ----

export type VeleroBackupPhase =
  | 'New'
  | 'Queued'
  | 'ReadyToStart'
  | 'FailedValidation'
  | 'InProgress'
  | 'WaitingForPluginOperations'
  | 'WaitingForPluginOperationsPartiallyFailed'
  | 'Finalizing'
  | 'FinalizingPartiallyFailed'
  | 'Completed'
  | 'PartiallyFailed'
  | 'Failed'
  | 'Deleting';

export type VeleroBackup = K8sObject & {
  spec?: {
    ttl?: string;
    storageLocation?: string;
    includedNamespaces?: string[];
    includedResources?: string[];
    excludedResources?: string[];
    labelSelector?: LabelSelector;
    orLabelSelectors?: LabelSelector[];
    volumeSnapshotLocations?: string[];
    includeClusterResources?: boolean;
  };
  status?: {
    phase?: VeleroBackupPhase | string;
    startTimestamp?: string;
    completionTimestamp?: string;
    expiration?: string;
    errors?: number;
    warnings?: number;
    progress?: { itemsBackedUp?: number; totalItems?: number };
    validationErrors?: string[];
    failureReason?: string;
    version?: number;
    formatVersion?: string;
  };
};

export type VeleroRestorePhase =
  | 'New'
  | 'FailedValidation'
  | 'InProgress'
  | 'WaitingForPluginOperations'
  | 'WaitingForPluginOperationsPartiallyFailed'
  | 'Finalizing'
  | 'FinalizingPartiallyFailed'
  | 'Completed'
  | 'PartiallyFailed'
  | 'Failed';

export type VeleroRestore = K8sObject & {
  spec?: {
    backupName?: string;
    existingResourcePolicy?: string;
    includeClusterResources?: boolean;
    includedNamespaces?: string[];
    excludedNamespaces?: string[];
    includedResources?: string[];
    excludedResources?: string[];
    labelSelector?: LabelSelector;
    orLabelSelectors?: LabelSelector[];
    restorePVs?: boolean;
  };
  status?: {
    phase?: VeleroRestorePhase | string;
    startTimestamp?: string;
    completionTimestamp?: string;
    errors?: number;
    warnings?: number;
    progress?: { itemsRestored?: number; totalItems?: number };
    validationErrors?: string[];
    failureReason?: string;
  };
};

export type VeleroSchedule = K8sObject & {
  spec?: {
    schedule?: string;
    paused?: boolean;
    useOwnerReferencesInBackup?: boolean;
    skipImmediately?: boolean;
    template?: VeleroBackup['spec'];
  };
  status?: {
    phase?: 'New' | 'Enabled' | 'FailedValidation' | string;
    lastBackup?: string;
    lastSkipped?: string;
    validationErrors?: string[];
  };
};

export type BackupStorageLocation = K8sObject & {
  spec?: {
    provider?: string;
    default?: boolean;
    objectStorage?: { bucket?: string; prefix?: string };
    config?: Record<string, string>;
  };
  status?: {
    phase?: 'Available' | 'Unavailable' | string;
    lastSyncedTime?: string;
    lastValidationTime?: string;
    message?: string;
  };
};

export type DeleteBackupRequest = K8sObject & {
  spec: { backupName: string };
  status?: { phase?: 'New' | 'InProgress' | 'Processed' | string; errors?: string[] };
};

export type DataProtectionApplication = K8sObject & {
  spec?: Record<string, unknown>;
  status?: { conditions?: Condition[] };
};

// ---- Governance (§3) ----

export type ComplianceState = 'Compliant' | 'NonCompliant' | 'Pending' | string;

export type PolicyHistoryEntry = { lastTimestamp?: string; message?: string; eventName?: string };

export type Policy = K8sObject & {
  spec?: {
    disabled?: boolean;
    remediationAction?: string;
    'policy-templates'?: { objectDefinition: K8sObject & { spec?: Record<string, unknown> } }[];
  };
  status?: {
    compliant?: ComplianceState;
    status?: { clustername?: string; clusternamespace?: string; compliant?: ComplianceState }[];
    details?: {
      compliant?: ComplianceState;
      templateMeta?: { name?: string; creationTimestamp?: string | null };
      history?: PolicyHistoryEntry[];
    }[];
  };
};

export type ConfigurationPolicy = K8sObject & {
  spec?: { severity?: string; remediationAction?: string };
  status?: {
    compliant?: ComplianceState;
    compliancyDetails?: { conditions?: Condition[] }[];
    relatedObjects?: { object?: K8sObject; compliant?: string; reason?: string }[];
  };
};

// ---- Cluster lifecycle (§5, §7) ----

export type ManagedCluster = K8sObject & {
  spec?: {
    hubAcceptsClient?: boolean;
    managedClusterClientConfigs?: { url?: string; caBundle?: string }[];
  };
  status?: {
    conditions?: Condition[];
    clusterClaims?: { name: string; value: string }[];
    version?: { kubernetes?: string };
  };
};

export type ManagedClusterAddOn = K8sObject & {
  spec?: { installNamespace?: string; configs?: unknown[] };
  status?: { conditions?: Condition[]; namespace?: string };
};

export type ManagedServiceAccount = K8sObject & {
  spec?: { rotation?: { enabled?: boolean; validity?: string } };
  status?: {
    conditions?: Condition[];
    tokenSecretRef?: { name: string; lastRefreshTimestamp?: string };
    expirationTimestamp?: string;
  };
};

export type FeedbackValue = {
  name: string;
  fieldValue: { type: 'Integer' | 'String' | 'Boolean' | 'JsonRaw'; integer?: number; string?: string; boolean?: boolean; jsonRaw?: string };
};

export type ManifestWork = K8sObject & {
  spec?: {
    workload?: { manifests?: K8sObject[] };
    deleteOption?: { propagationPolicy?: string };
    manifestConfigs?: {
      resourceIdentifier: { group?: string; resource: string; name: string; namespace?: string };
      feedbackRules?: { type: 'WellKnownStatus' | 'JSONPaths'; jsonPaths?: { name: string; path: string; version?: string }[] }[];
      updateStrategy?: { type: 'Update' | 'CreateOnly' | 'ServerSideApply' | 'ReadOnly' };
    }[];
  };
  status?: {
    conditions?: Condition[];
    resourceStatus?: {
      manifests?: {
        resourceMeta?: { group?: string; kind?: string; name?: string; namespace?: string; resource?: string; version?: string };
        conditions?: Condition[];
        statusFeedback?: { values?: FeedbackValue[] };
      }[];
    };
  };
};

export type ManagedClusterView = K8sObject & {
  spec?: {
    scope: {
      apiGroup?: string;
      version?: string;
      kind?: string;
      resource?: string;
      name: string;
      namespace?: string;
      updateIntervalSeconds?: number;
    };
  };
  status?: { conditions?: Condition[]; result?: K8sObject & Record<string, unknown> };
};

// ---- VolSync (§6) ----

export type CopyMethod = 'Direct' | 'None' | 'Clone' | 'Snapshot';

export type VolSyncStatus = {
  lastSyncTime?: string;
  lastSyncStartTime?: string;
  lastSyncDuration?: string;
  nextSyncTime?: string;
  lastManualSync?: string;
  latestMoverStatus?: { result?: 'Successful' | 'Failed'; logs?: string };
  conditions?: Condition[];
};

export type ReplicationSource = K8sObject & {
  spec?: {
    sourcePVC?: string;
    trigger?: { schedule?: string; manual?: string };
    paused?: boolean;
    rsyncTLS?: { keySecret?: string; address?: string; port?: number; copyMethod?: CopyMethod };
    rsync?: { sshKeys?: string; address?: string; port?: number; copyMethod?: CopyMethod };
    restic?: { repository?: string; copyMethod?: CopyMethod };
    rclone?: { rcloneConfig?: string; rcloneConfigSection?: string; rcloneDestPath?: string; copyMethod?: CopyMethod };
  };
  status?: VolSyncStatus;
};

export type ReplicationDestination = K8sObject & {
  spec?: {
    trigger?: { schedule?: string; manual?: string };
    paused?: boolean;
    rsyncTLS?: { keySecret?: string; serviceType?: string; copyMethod?: CopyMethod; capacity?: string; accessModes?: string[] };
    rsync?: { sshKeys?: string; serviceType?: string; copyMethod?: CopyMethod; capacity?: string };
    restic?: { repository?: string; copyMethod?: CopyMethod; capacity?: string };
    rclone?: { rcloneConfig?: string; rcloneConfigSection?: string; rcloneDestPath?: string; copyMethod?: CopyMethod };
  };
  status?: VolSyncStatus & {
    latestImage?: { apiGroup?: string; kind: string; name: string };
    rsyncTLS?: { address?: string; port?: number; keySecret?: string };
  };
};

// ---- Core ----

/** A core/v1 Event or an events.k8s.io/v1 Event: the fields differ, both are read. */
export type KubeEvent = K8sObject & {
  involvedObject?: { kind?: string; name?: string; namespace?: string; uid?: string };
  regarding?: { kind?: string; name?: string; namespace?: string; uid?: string };
  reason?: string;
  message?: string;
  note?: string;
  action?: string;
  type?: 'Normal' | 'Warning' | string;
  count?: number;
  firstTimestamp?: string;
  lastTimestamp?: string;
  eventTime?: string;
  deprecatedFirstTimestamp?: string;
  deprecatedLastTimestamp?: string;
  reportingController?: string;
  source?: { component?: string };
};

export type ClusterVersion = K8sObject & {
  spec?: { clusterID?: string; channel?: string };
  status?: { desired?: { version?: string } };
};

/** The body of a Kubernetes API error (`Status`). */
export type K8sStatus = {
  kind?: 'Status';
  status?: 'Failure' | 'Success';
  message?: string;
  reason?: string;
  code?: number;
  details?: { name?: string; group?: string; kind?: string; causes?: { reason?: string; message?: string; field?: string }[] };
};
