/**
 * What every emulated controller needs: the cluster, the runtime, the release's behaviour, and
 * the hub's identity as the operator reads it.
 */
import { BACKUP_NAMESPACE } from '../../../src/k8s/names';
import type { BackupStorageLocation, ClusterVersion } from '../../../src/k8s/types';
import type { Cluster } from '../cluster';
import { REFS } from './refs';
import { Runtime, safeList } from './runtime';
import type { Features } from './version';

export type Ctx = {
  cluster: Cluster;
  rt: Runtime;
  acmVersion: string;
  features: Features;
  /** See `OperatorOptions.oldPrimaryKeepsWriting`. */
  oldPrimaryKeepsWriting?: boolean;
};

/** CBO `getHubIdentification`: the first ClusterVersion's `spec.clusterID`, or `unknown` (§1). */
export const hubIdOf = (c: Cluster): string => safeList<ClusterVersion>(c, REFS.clusterVersion)[0]?.spec?.clusterID ?? 'unknown';

/** Namespaces where Velero runs: those with a BackupStorageLocation. */
export const veleroNamespaces = (c: Cluster): Set<string> =>
  new Set(safeList<BackupStorageLocation>(c, REFS.bsl).map((b) => b.metadata?.namespace ?? BACKUP_NAMESPACE));

/** CBO `isValidStorageLocationDefined`: an Available BSL in `ns` owned by something (OADP's DPA). */
export const validStorageLocation = (c: Cluster, ns: string): boolean =>
  safeList<BackupStorageLocation>(c, REFS.bsl, ns).some(
    (b) => b.status?.phase === 'Available' && (b.metadata?.ownerReferences ?? []).some((r) => r.kind !== ''),
  );
