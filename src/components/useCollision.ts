import { useMemo } from 'react';
import { useHubState } from '../k8s/useHubState';
import type { BackupSchedule } from '../k8s/types';
import { detectCollision, type Collision } from '../insight/collision';
import { hubClusterId } from '../insight/hubIdentity';
import { currentSchedule } from '../insight/hubRole';
import { isSettled } from './apiState';
import { useNow } from './useNow';

export type CollisionState = {
  /** False until every source has answered: nothing is claimed before that, so nothing flashes. */
  settled: boolean;
  collision?: Collision;
  schedule?: BackupSchedule;
  thisHubId?: string;
};

/**
 * Whether another hub writes to this hub's storage location (§1), from the watches every page of
 * the plugin already holds: the console shares identical watches, so this costs no connection.
 */
export const useCollision = (): CollisionState => {
  const hub = useHubState({
    skip: {
      restores: true,
      veleroSchedules: true,
      veleroRestores: true,
      storageLocations: true,
      dataProtectionApplications: true,
      rootPolicies: true,
      replicatedPolicies: true,
    },
  });
  const now = useNow(60_000);
  const { schedules, backups, managedClusters, clusterVersions } = hub;
  const settled = [schedules, backups, managedClusters, clusterVersions].every(isSettled);
  const thisHubId = useMemo(
    () => hubClusterId({ managedClusters: managedClusters.data, clusterVersion: clusterVersions.data[0] }),
    [managedClusters.data, clusterVersions.data],
  );
  const schedule = useMemo(() => currentSchedule(schedules.data), [schedules.data]);
  const collision = useMemo(
    () =>
      settled && schedule
        ? detectCollision({ schedule, backups: backups.error ? [] : backups.data, thisHubId, now })
        : undefined,
    [settled, schedule, backups.data, backups.error, thisHubId, now],
  );
  return { settled, collision, schedule, thisHubId };
};
