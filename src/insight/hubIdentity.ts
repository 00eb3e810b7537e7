import { CLUSTER_ID_CLAIM, LABELS, LOCAL_CLUSTER_NAME } from '../k8s/names';
import type { ClusterVersion, ManagedCluster } from '../k8s/types';

/**
 * The hub's own ManagedCluster. The label wins over the name because a hub may rename its local
 * cluster; the name is the fallback for releases that did not label it.
 */
export const isLocalCluster = (mc: ManagedCluster): boolean =>
  mc.metadata?.labels?.[LABELS.localCluster] === 'true' || mc.metadata?.name === LOCAL_CLUSTER_NAME;

export const findLocalCluster = (clusters: readonly ManagedCluster[] | undefined): ManagedCluster | undefined =>
  clusters?.find((mc) => mc.metadata?.labels?.[LABELS.localCluster] === 'true') ??
  clusters?.find((mc) => mc.metadata?.name === LOCAL_CLUSTER_NAME);

const nonEmpty = (v: string | undefined): string | undefined => {
  const t = v?.trim();
  return t ? t : undefined;
};

/**
 * The id the operator writes into every backup's `backup-cluster` label (§1). The operator reads
 * it from ClusterVersion; the local ManagedCluster publishes the same value, and most console
 * users can read ManagedClusters but not ClusterVersion, so it is tried first.
 * The operator writes `unknown` when it cannot read ClusterVersion: that is not an id.
 */
export const hubClusterId = ({
  localCluster,
  clusterVersion,
  managedClusters,
}: {
  localCluster?: ManagedCluster;
  clusterVersion?: ClusterVersion;
  managedClusters?: readonly ManagedCluster[];
}): string | undefined => {
  const local = localCluster ?? findLocalCluster(managedClusters);
  const claim = nonEmpty(local?.status?.clusterClaims?.find((c) => c.name === CLUSTER_ID_CLAIM)?.value);
  const label = nonEmpty(local?.metadata?.labels?.[LABELS.clusterId]);
  const fromVersion = nonEmpty(clusterVersion?.spec?.clusterID);
  const id = claim ?? label ?? fromVersion;
  return id === 'unknown' ? undefined : id;
};
