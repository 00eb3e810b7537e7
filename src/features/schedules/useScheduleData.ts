import { useMemo } from 'react';
import { LABELS } from '../../k8s/names';
import type { BackupSchedule } from '../../k8s/types';
import { useHubState, type HubState } from '../../k8s/useHubState';
import { isNotInstalledError } from '../../components/apiState';
import { hubClusterId } from '../../insight/hubIdentity';
import { currentSchedule, isDeleting } from '../../insight/hubRole';

export type ScheduleData = HubState & {
  /** This hub's cluster id (§1), undefined when it cannot be read. */
  thisHubId?: string;
  /** The schedule that owns the Velero schedules, or the one the operator would act on. */
  active?: BackupSchedule;
};

/**
 * The live objects the schedule and backups views read. Watches the console already holds for
 * other pages are shared, so this costs no extra connection there.
 */
export const useScheduleData = (): ScheduleData => {
  const hub = useHubState({
    skip: { veleroRestores: true, storageLocations: true, dataProtectionApplications: true, rootPolicies: true, replicatedPolicies: true },
  });
  const schedules = hub.schedules.data;
  const veleroSchedules = hub.veleroSchedules.data;
  const thisHubId = useMemo(
    () => hubClusterId({ managedClusters: hub.managedClusters.data, clusterVersion: hub.clusterVersions.data[0] }),
    [hub.managedClusters.data, hub.clusterVersions.data],
  );
  const active = useMemo(() => {
    // The Velero schedules carry their owner's name (§1): that owner is the schedule really running.
    const owners = new Set(veleroSchedules.map((vs) => vs.metadata?.labels?.[LABELS.scheduleName]).filter(Boolean));
    const owning = schedules.filter((s) => !isDeleting(s) && owners.has(s.metadata?.name));
    return owning.length === 1 ? owning[0] : currentSchedule(schedules);
  }, [schedules, veleroSchedules]);
  return { ...hub, thisHubId, active };
};

/**
 * A watch error as the page states read it. The console reports a kind it does not serve as a
 * `NoModelError` rather than an HTTP 404; both mean the operator is not installed.
 */
export const loadError = (error: unknown): unknown =>
  isNotInstalledError(error) ? { response: { status: 404 }, json: { code: 404, message: 'the server could not find the requested resource' } } : error;
