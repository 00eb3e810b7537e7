import { useMemo } from 'react';
import { isSettled } from '../../components/apiState';
import { useNow } from '../../components/useNow';
import { hubClusterId } from '../../insight/hubIdentity';
import {
  promotionPlan,
  promotionPreflight,
  promotionState,
  type Preflight,
  type PromotionAccess,
  type PromotionInput,
  type PromotionPlan,
  type PromotionState,
} from '../../insight/promotion';
import { useCanI } from '../../k8s/access';
import { useWatchList } from '../../k8s/hooks';
import { BackupScheduleModel, EventModel, EventsV1EventModel, RestoreModel } from '../../k8s/models';
import { BACKUP_NAMESPACE } from '../../k8s/names';
import type { KubeEvent } from '../../k8s/types';
import { useHubState, type HubState } from '../../k8s/useHubState';
import { useMsaTokenSecrets } from './useMsaTokenSecrets';

export type PromotionData = {
  hub: HubState;
  now: Date;
  thisHubId?: string;
  /** Restores and schedules have answered: the page knows which view to show. */
  settled: boolean;
  preflight: Preflight;
  plan: PromotionPlan;
  state: PromotionState;
  access: {
    patchRestores: { allowed: boolean; loading: boolean };
    createRestores: { allowed: boolean; loading: boolean };
    createBackupSchedules: { allowed: boolean; loading: boolean };
  };
};

const answer = (p: { allowed: boolean; loading: boolean }): boolean | undefined => (p.loading ? undefined : p.allowed);

/** Everything the promotion reads, and what `insight/promotion` derives from it. */
export const usePromotionData = (): PromotionData => {
  const hub = useHubState({
    include: { managedServiceAccounts: true },
    skip: { rootPolicies: true, replicatedPolicies: true, dataProtectionApplications: true },
  });
  // Ages and the heartbeat's expiry move with the clock even when nothing in the cluster changes.
  const now = useNow(15_000);
  const { schedules, restores, backups, storageLocations, managedClusters, managedServiceAccounts, veleroRestores, veleroSchedules, clusterVersions } = hub;
  const thisHubId = useMemo(
    () => hubClusterId({ managedClusters: managedClusters.data, clusterVersion: clusterVersions.data[0] }),
    [managedClusters.data, clusterVersions.data],
  );

  const msaTokenSecrets = useMsaTokenSecrets();
  const patchRestores = useCanI('patch', RestoreModel, BACKUP_NAMESPACE);
  const createRestores = useCanI('create', RestoreModel, BACKUP_NAMESPACE);
  const createBackupSchedules = useCanI('create', BackupScheduleModel, BACKUP_NAMESPACE);
  const access: PromotionAccess = {
    patchRestores: answer(patchRestores),
    createRestores: answer(createRestores),
    createBackupSchedules: answer(createBackupSchedules),
  };

  const input: PromotionInput = {
    now,
    thisHubId,
    schedules,
    restores,
    backups,
    storageLocations,
    managedClusters,
    managedServiceAccounts,
    msaTokenSecrets,
    veleroRestores,
    veleroSchedules,
    access,
  };
  // The watch results are new objects on every render; their data arrays are what changes.
  const deps = [
    now,
    thisHubId,
    access.patchRestores,
    access.createRestores,
    access.createBackupSchedules,
    ...[schedules, restores, backups, storageLocations, managedClusters, managedServiceAccounts, msaTokenSecrets, veleroSchedules].flatMap((w) => [w.data, w.loaded, w.error]),
  ];
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const preflight = useMemo(() => promotionPreflight(input), deps);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const plan = useMemo(() => promotionPlan(input), deps);
  const state = useMemo(
    () =>
      promotionState({
        restores: restores.data,
        schedules: schedules.data,
        backups: backups.error ? [] : backups.data,
        managedClusters: managedClusters.error ? [] : managedClusters.data,
        thisHubId,
        now,
      }),
    [restores.data, schedules.data, backups.data, backups.error, managedClusters.data, managedClusters.error, thisHubId, now],
  );

  return {
    hub,
    now,
    thisHubId,
    settled: isSettled(restores) && isSettled(schedules),
    preflight,
    plan,
    state,
    access: { patchRestores, createRestores, createBackupSchedules },
  };
};

/**
 * Events about one Restore. The operator writes core/v1 Events up to 2.17 and events.k8s.io/v1
 * Events later (§2); both are watched, each with the field that names the object in its API.
 */
export const useRestoreEvents = (name: string | undefined): KubeEvent[] => {
  const core = useWatchList<KubeEvent>(EventModel, { namespace: BACKUP_NAMESPACE, fieldSelector: `involvedObject.name=${name}`, skip: !name });
  const v1 = useWatchList<KubeEvent>(EventsV1EventModel, { namespace: BACKUP_NAMESPACE, fieldSelector: `regarding.name=${name}`, skip: !name });
  return useMemo(() => [...core.data, ...v1.data], [core.data, v1.data]);
};
