import { isNotInstalledError } from '../../components/apiState';
import { useHubState } from '../../k8s/useHubState';
import { hubClusterId } from '../../insight/hubIdentity';

/**
 * What the restore pages read: restores, schedules, backups and Velero restores of the backup
 * namespace, plus this hub's id to tell its own backups from another hub's. Policies, storage
 * locations and Velero schedules are not watched: nothing here uses them.
 */
export const useRestoreHub = () => {
  const hub = useHubState({
    skip: { rootPolicies: true, replicatedPolicies: true, dataProtectionApplications: true, veleroSchedules: true, storageLocations: true },
  });
  const hubId = hubClusterId({ managedClusters: hub.managedClusters.data, clusterVersion: hub.clusterVersions.data[0] });
  return { ...hub, hubId };
};

export type RestoreHub = ReturnType<typeof useRestoreHub>;

/** The console reports "no error" as `''` (undefined in some versions and in the jest stand-in). */
export const failed = (error: unknown): boolean => Boolean(error);

/**
 * The console answers a watch of a kind it does not serve with "Model does not exist" rather than
 * an HTTP 404; the shared error states read the 404 form, so the former is shown as the latter.
 */
export const asLoadError = (error: unknown): unknown =>
  isNotInstalledError(error) ? { response: { status: 404 }, json: { code: 404, message: 'the server could not find the requested resource' } } : error;
