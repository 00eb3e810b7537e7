import type { K8sGroupVersionKind, K8sModel } from '@openshift-console/dynamic-plugin-sdk';

/**
 * K8sModel constants for every kind the plugin reads or writes. Watches use the matching
 * `groupVersionKind` (never a string kind: that form is deprecated in the SDK).
 */
type ModelSpec = {
  group: string;
  version: string;
  kind: string;
  plural: string;
  abbr: string;
  namespaced?: boolean;
  crd?: boolean;
  label?: string;
  labelPlural?: string;
};

const model = ({ group, version, kind, plural, abbr, namespaced = true, crd = true, label, labelPlural }: ModelSpec): K8sModel => ({
  apiGroup: group || undefined,
  apiVersion: version,
  kind,
  plural,
  abbr,
  namespaced,
  crd,
  label: label ?? kind,
  labelPlural: labelPlural ?? `${label ?? kind}s`,
  id: plural,
});

export const gvkOf = (m: K8sModel): K8sGroupVersionKind => ({
  group: m.apiGroup || undefined,
  version: m.apiVersion,
  kind: m.kind,
});

/** `apiVersion` as written in a manifest: `group/version`, or `version` for the core group. */
export const apiVersionOf = (m: K8sModel): string => (m.apiGroup ? `${m.apiGroup}/${m.apiVersion}` : m.apiVersion);

const CBO = 'cluster.open-cluster-management.io';
const VELERO = 'velero.io';

// cluster-backup-operator (§1, §2)
export const BackupScheduleModel = model({ group: CBO, version: 'v1beta1', kind: 'BackupSchedule', plural: 'backupschedules', abbr: 'BSCH' });
export const RestoreModel = model({ group: CBO, version: 'v1beta1', kind: 'Restore', plural: 'restores', abbr: 'CRST' });

// Velero / OADP (§8)
export const VeleroBackupModel = model({ group: VELERO, version: 'v1', kind: 'Backup', plural: 'backups', abbr: 'VB', label: 'Velero Backup' });
export const VeleroRestoreModel = model({ group: VELERO, version: 'v1', kind: 'Restore', plural: 'restores', abbr: 'VR', label: 'Velero Restore' });
export const VeleroScheduleModel = model({ group: VELERO, version: 'v1', kind: 'Schedule', plural: 'schedules', abbr: 'VS', label: 'Velero Schedule' });
export const BackupStorageLocationModel = model({ group: VELERO, version: 'v1', kind: 'BackupStorageLocation', plural: 'backupstoragelocations', abbr: 'BSL' });
export const DeleteBackupRequestModel = model({ group: VELERO, version: 'v1', kind: 'DeleteBackupRequest', plural: 'deletebackuprequests', abbr: 'DBR' });
export const DataProtectionApplicationModel = model({ group: 'oadp.openshift.io', version: 'v1alpha1', kind: 'DataProtectionApplication', plural: 'dataprotectionapplications', abbr: 'DPA' });

// Governance (§3)
export const PolicyModel = model({ group: 'policy.open-cluster-management.io', version: 'v1', kind: 'Policy', plural: 'policies', abbr: 'P', labelPlural: 'Policies' });
export const ConfigurationPolicyModel = model({ group: 'policy.open-cluster-management.io', version: 'v1', kind: 'ConfigurationPolicy', plural: 'configurationpolicies', abbr: 'CP', labelPlural: 'ConfigurationPolicies' });

// Cluster lifecycle and hub-to-cluster APIs (§5, §7)
export const ManagedClusterModel = model({ group: 'cluster.open-cluster-management.io', version: 'v1', kind: 'ManagedCluster', plural: 'managedclusters', abbr: 'MC', namespaced: false });
export const ManagedClusterAddOnModel = model({ group: 'addon.open-cluster-management.io', version: 'v1alpha1', kind: 'ManagedClusterAddOn', plural: 'managedclusteraddons', abbr: 'MCA' });
export const ManifestWorkModel = model({ group: 'work.open-cluster-management.io', version: 'v1', kind: 'ManifestWork', plural: 'manifestworks', abbr: 'MW' });
export const ManagedClusterViewModel = model({ group: 'view.open-cluster-management.io', version: 'v1beta1', kind: 'ManagedClusterView', plural: 'managedclusterviews', abbr: 'MCV' });
export const ManagedServiceAccountModel = model({ group: 'authentication.open-cluster-management.io', version: 'v1beta1', kind: 'ManagedServiceAccount', plural: 'managedserviceaccounts', abbr: 'MSA' });

// VolSync (§6)
export const ReplicationSourceModel = model({ group: 'volsync.backube', version: 'v1alpha1', kind: 'ReplicationSource', plural: 'replicationsources', abbr: 'RS' });
export const ReplicationDestinationModel = model({ group: 'volsync.backube', version: 'v1alpha1', kind: 'ReplicationDestination', plural: 'replicationdestinations', abbr: 'RD' });

// Core and platform
export const EventModel = model({ group: '', version: 'v1', kind: 'Event', plural: 'events', abbr: 'E', crd: false });
export const EventsV1EventModel = model({ group: 'events.k8s.io', version: 'v1', kind: 'Event', plural: 'events', abbr: 'E', crd: false });
export const ClusterVersionModel = model({ group: 'config.openshift.io', version: 'v1', kind: 'ClusterVersion', plural: 'clusterversions', abbr: 'CV', namespaced: false, crd: false });
export const SecretModel = model({ group: '', version: 'v1', kind: 'Secret', plural: 'secrets', abbr: 'S', crd: false });
export const SelfSubjectReviewModel = model({ group: 'authentication.k8s.io', version: 'v1', kind: 'SelfSubjectReview', plural: 'selfsubjectreviews', abbr: 'SSR', namespaced: false, crd: false });
export const SelfSubjectAccessReviewModel = model({ group: 'authorization.k8s.io', version: 'v1', kind: 'SelfSubjectAccessReview', plural: 'selfsubjectaccessreviews', abbr: 'SSAR', namespaced: false, crd: false });

/** Every model, for discovery checks and for the simulator's API registry. */
export const ALL_MODELS: readonly K8sModel[] = [
  BackupScheduleModel,
  RestoreModel,
  VeleroBackupModel,
  VeleroRestoreModel,
  VeleroScheduleModel,
  BackupStorageLocationModel,
  DeleteBackupRequestModel,
  DataProtectionApplicationModel,
  PolicyModel,
  ConfigurationPolicyModel,
  ManagedClusterModel,
  ManagedClusterAddOnModel,
  ManifestWorkModel,
  ManagedClusterViewModel,
  ManagedServiceAccountModel,
  ReplicationSourceModel,
  ReplicationDestinationModel,
  EventModel,
  EventsV1EventModel,
  ClusterVersionModel,
  SecretModel,
];
