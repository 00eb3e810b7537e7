/**
 * `KindRef`s for every kind the scenarios and the operator emulation read or write. The plugin's
 * own kinds come from its models; the rest (core, OLM, hive, MultiClusterHub, governance
 * helpers) are local because the plugin never touches them.
 */
import type { K8sModel } from '@openshift-console/dynamic-plugin-sdk';
import {
  apiVersionOf,
  BackupScheduleModel,
  BackupStorageLocationModel,
  ClusterVersionModel,
  ConfigurationPolicyModel,
  DataProtectionApplicationModel,
  DeleteBackupRequestModel,
  EventModel,
  EventsV1EventModel,
  ManagedClusterAddOnModel,
  ManagedClusterModel,
  ManagedServiceAccountModel,
  ManifestWorkModel,
  PolicyModel,
  RestoreModel,
  SecretModel,
  VeleroBackupModel,
  VeleroRestoreModel,
  VeleroScheduleModel,
} from '../../../src/k8s/models';
import type { K8sObject } from '../../../src/k8s/types';
import type { KindRef } from '../cluster';

const of = (m: K8sModel): KindRef => ({ apiVersion: apiVersionOf(m), kind: m.kind });

export const REFS = {
  backupSchedule: of(BackupScheduleModel),
  restore: of(RestoreModel),
  veleroBackup: of(VeleroBackupModel),
  veleroRestore: of(VeleroRestoreModel),
  veleroSchedule: of(VeleroScheduleModel),
  bsl: of(BackupStorageLocationModel),
  dbr: of(DeleteBackupRequestModel),
  dpa: of(DataProtectionApplicationModel),
  policy: of(PolicyModel),
  configurationPolicy: of(ConfigurationPolicyModel),
  managedCluster: of(ManagedClusterModel),
  addon: of(ManagedClusterAddOnModel),
  manifestWork: of(ManifestWorkModel),
  msa: of(ManagedServiceAccountModel),
  event: of(EventModel),
  eventV1: of(EventsV1EventModel),
  clusterVersion: of(ClusterVersionModel),
  secret: of(SecretModel),
  namespace: { apiVersion: 'v1', kind: 'Namespace' },
  pod: { apiVersion: 'v1', kind: 'Pod' },
  configMap: { apiVersion: 'v1', kind: 'ConfigMap' },
  subscription: { apiVersion: 'operators.coreos.com/v1alpha1', kind: 'Subscription' },
  multiClusterHub: { apiVersion: 'operator.open-cluster-management.io/v1', kind: 'MultiClusterHub' },
  clusterDeployment: { apiVersion: 'hive.openshift.io/v1', kind: 'ClusterDeployment' },
  policySet: { apiVersion: 'policy.open-cluster-management.io/v1beta1', kind: 'PolicySet' },
  placementBinding: { apiVersion: 'policy.open-cluster-management.io/v1', kind: 'PlacementBinding' },
  placement: { apiVersion: 'cluster.open-cluster-management.io/v1beta1', kind: 'Placement' },
} as const satisfies Record<string, KindRef>;

export const refOf = (obj: K8sObject): KindRef => ({ apiVersion: obj.apiVersion ?? '', kind: obj.kind ?? '' });

export const sameKind = (obj: K8sObject, ref: KindRef): boolean => {
  if (obj.kind !== ref.kind) return false;
  const g = (v: string | undefined) => ((v ?? '').includes('/') ? (v ?? '').split('/')[0] : '');
  return g(obj.apiVersion) === g(ref.apiVersion);
};
