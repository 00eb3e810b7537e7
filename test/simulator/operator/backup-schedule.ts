/**
 * The BackupSchedule controller (§1, CBO `controllers/schedule_controller.go`): validation, the
 * five Velero schedules and the initial backup set, phase and status copies, pause, collision
 * detection on the 5-minute requeue, and the MSA objects for imported clusters (§5).
 */
import { BACKUP_TYPES, LABELS, LOCAL_CLUSTER_NAME, MSA_ACCOUNT_NAMES, RESTORE_CLUSTERS_BACKUP_PREFIX, VELERO_SCHEDULE_NAMES } from '../../../src/k8s/names';
import type { BackupSchedule, BackupStorageLocation, ManagedCluster, ManagedServiceAccount, Restore, VeleroBackup, VeleroSchedule } from '../../../src/k8s/types';
import type { Ctx } from './context';
import { hubIdOf, validStorageLocation } from './context';
import { validateVeleroSchedule } from './cron';
import { DEFAULT_TTL_MS, backupFromSchedule, normalizedTtl, SCHEDULE_CREATION_ORDER, typeOfScheduleName, validationTtl, veleroScheduleObject } from './objects';
import { MSA_LABEL, msaAddon, msaImportWork, msaObject } from './msa';
import { REFS, sameKind } from './refs';
import { controllerOf, createIfAbsent, nameOf, nsOf, removeIfPresent, safeGet, safeList, spread, updateIfChanged } from './runtime';
import { isAvailable, msaTokenSecret } from './restored-data';
import { durationOr, iso, MINUTE, ms, SECOND } from './time';

/** CBO `collisionControlInterval` and `failureInterval`. */
export const COLLISION_CONTROL_INTERVAL = 5 * MINUTE;
export const FAILURE_INTERVAL = 60 * SECOND;

export const MESSAGES = {
  new: 'Velero schedules are initialized',
  enabled: 'Velero schedules are enabled',
  unknown:
    "Some Velero schedules are not enabled. If the status doesn't change check the velero pod is running and that you have created a Velero resource as documented in the install guide.",
  failedValidation: 'Velero schedules initialization failed',
  paused: 'BackupSchedule is paused.',
  restoreActive: (restore: string) => `Restore resource ${restore} is currently active, verify that any active restores are removed.`,
  noStorageLocation:
    'velero.io.BackupStorageLocation resources not found. Verify you have created a konveyor.openshift.io.Velero or oadp.openshift.io.DataProtectionApplications resource.',
  storageUnavailable: 'Backup storage location is not available. Check velero.io.BackupStorageLocation and validate storage credentials.',
  // The operator concatenates "... resource to " and " resume ...": the double space is real.
  collisionBackup: (backup: string, otherId: string, thisId: string) =>
    `Backup ${backup}, from cluster with id [${otherId}] is using the same storage location. This is a backup collision with current cluster [${thisId}] backup. Review and resolve the collision then create a new BackupSchedule resource to  resume backups from this cluster.`,
  collisionRestore: (hubId: string, record: string) =>
    `Hub with id [${hubId}] had run a restore managed cluster operation, see [${record}]. Current hub is no longer the active cluster so the BackupSchedule is set to backup collision. Review and resolve the collision then create a new BackupSchedule resource  from this hub, or from the [${hubId}] hub.`,
};

const STATUS_FIELD = {
  credentials: 'veleroScheduleCredentials',
  managedClusters: 'veleroScheduleManagedClusters',
  resources: 'veleroScheduleResources',
} as const;

const startOf = (b: VeleroBackup): number => ms(b.status?.startTimestamp) || 0;

export type BackupSchedules = { resync(): void };

export const startBackupSchedules = (ctx: Ctx): BackupSchedules => {
  const { cluster, rt, features } = ctx;
  const seenSpec = new Map<string, string>();

  const requeue = (ns: string | undefined, name: string, delay: number) => rt.after(`bsch:${ns}/${name}`, delay, () => reconcile(ns, name));

  const owned = (ns: string | undefined, name: string): VeleroSchedule[] =>
    safeList<VeleroSchedule>(cluster, REFS.veleroSchedule, ns).filter((s) => {
      const o = controllerOf(s);
      return o?.kind === 'BackupSchedule' && o.name === name;
    });

  const writeStatus = (bs: BackupSchedule, status: NonNullable<BackupSchedule['status']>) => {
    bs.status = status;
    updateIfChanged(cluster, bs);
  };

  const failValidation = (bs: BackupSchedule, msg: string) => {
    writeStatus(bs, { ...(bs.status ?? {}), phase: 'FailedValidation', lastMessage: msg });
    requeue(nsOf(bs), nameOf(bs), FAILURE_INTERVAL);
  };

  /** CBO `isRestoreRunning`: any Restore in the namespace that is not Finished/FinishedWithErrors. */
  const runningRestore = (ns: string | undefined): string | undefined =>
    safeList<Restore>(cluster, REFS.restore, ns).find((r) => r.status?.phase !== 'Finished' && r.status?.phase !== 'FinishedWithErrors')?.metadata?.name;

  /** Pauses (2.15+) or deletes the Velero schedules, then records the phase (CBO `updateBackupSchedulePhaseWhenPaused`). */
  const stopSchedules = (bs: BackupSchedule, schedules: VeleroSchedule[], phase: 'Paused' | 'BackupCollision', msg: string) => {
    const status = { ...(bs.status ?? {}), phase, lastMessage: msg };
    if (features.pauseVeleroSchedules) {
      for (const s of schedules) {
        if (s.spec?.paused) continue;
        s.spec = { ...s.spec, paused: true };
        updateIfChanged(cluster, s);
      }
    } else {
      for (const s of schedules) removeIfPresent(cluster, REFS.veleroSchedule, nsOf(s), nameOf(s));
      delete status.veleroScheduleCredentials;
      delete status.veleroScheduleManagedClusters;
      delete status.veleroScheduleResources;
    }
    writeStatus(bs, status);
  };

  /** Collision rule 1 (CBO `scheduleOwnsLatestStorageBackups`), with the 2.17 failback exception. */
  const rule1 = (schedule: VeleroSchedule): string => {
    const thisId = schedule.metadata?.labels?.[LABELS.backupCluster] ?? '';
    const backups = safeList<VeleroBackup>(cluster, REFS.veleroBackup, undefined, { [LABELS.veleroScheduleName]: VELERO_SCHEDULE_NAMES.resources })
      .filter((b) => b.status?.phase !== 'Deleting')
      .sort((a, b) => startOf(a) - startOf(b));
    const last = backups[backups.length - 1];
    if (!last) return '';
    const otherId = last.metadata?.labels?.[LABELS.backupCluster] ?? '';
    if (otherId === thisId) return '';
    if (features.failbackSkip) {
      const hubId = hubIdOf(cluster);
      const restoredAfter = safeList<VeleroBackup>(cluster, REFS.veleroBackup, nsOf(schedule), { [LABELS.restoreCluster]: hubId }).some(
        (r) => nameOf(r).startsWith(RESTORE_CLUSTERS_BACKUP_PREFIX) && ms(r.metadata?.creationTimestamp) > startOf(last),
      );
      if (restoredAfter) return '';
    }
    return MESSAGES.collisionBackup(nameOf(last), otherId, thisId);
  };

  /** Collision rule 2 (CBO `isRestoreHubAfterSchedule`). */
  const rule2 = (schedule: VeleroSchedule): string => {
    const records = safeList<VeleroBackup>(cluster, REFS.veleroBackup, nsOf(schedule))
      .filter((b) => b.metadata?.labels?.[LABELS.restoreCluster] !== undefined)
      .sort((a, b) => startOf(b) - startOf(a));
    const latest = records[0];
    if (!latest) return '';
    if (ms(schedule.metadata?.creationTimestamp) >= ms(latest.metadata?.creationTimestamp)) return '';
    const restoreHub = latest.metadata?.labels?.[LABELS.restoreCluster] ?? '';
    return restoreHub !== hubIdOf(cluster) ? MESSAGES.collisionRestore(restoreHub, nameOf(latest)) : '';
  };

  /** §5 `prepareImportedClusters` / `cleanupMSAForImportedClusters`. */
  const prepareMsa = (bs: BackupSchedule) => {
    const managed = safeList<ManagedCluster>(cluster, REFS.managedCluster).filter(
      (mc) => nameOf(mc) !== LOCAL_CLUSTER_NAME && mc.metadata?.labels?.[LABELS.localCluster] !== 'true',
    );
    const imported = managed.filter((mc) => safeList(cluster, REFS.secret, nameOf(mc)).every((s) => s.metadata?.labels?.['hive.openshift.io/secret-type'] === undefined));
    if (!bs.spec.useManagedServiceAccount) {
      for (const msa of safeList<ManagedServiceAccount>(cluster, REFS.msa, undefined, { [MSA_LABEL]: MSA_ACCOUNT_NAMES[0] })) {
        removeIfPresent(cluster, REFS.msa, nsOf(msa), nameOf(msa));
        removeIfPresent(cluster, REFS.secret, nsOf(msa), nameOf(msa));
        removeIfPresent(cluster, REFS.manifestWork, nsOf(msa), nameOf(msa) === MSA_ACCOUNT_NAMES[0] ? 'addon-managed-serviceaccount-import' : 'addon-managed-serviceaccount-import-pair');
      }
      return;
    }
    const validity = durationOr(bs.spec.managedServiceAccountTTL, 2 * durationOr(bs.spec.veleroTtl, DEFAULT_TTL_MS));
    const now = rt.nowMs();
    for (const mc of imported) {
      const ns = nameOf(mc);
      createIfAbsent(cluster, msaAddon(ns, iso(now)));
      const { obj: msa } = createIfAbsent(cluster, msaObject(ns, MSA_ACCOUNT_NAMES[0], validity));
      createIfAbsent(cluster, msaImportWork(ns, iso(now)));
      // The MSA agent issues the token only while the cluster is reachable (§5 limitations).
      if (!msa.status?.tokenSecretRef && isAvailable(mc)) {
        rt.after(`msa-token:${ns}`, spread(`msa:${ns}`, 5, 20) * SECOND, () => {
          const cur = safeGet<ManagedServiceAccount>(cluster, REFS.msa, ns, MSA_ACCOUNT_NAMES[0]);
          if (!cur || cur.status?.tokenSecretRef) return;
          const t = rt.nowMs();
          updateIfChanged(cluster, { ...msaObject(ns, MSA_ACCOUNT_NAMES[0], validity, { refreshed: t, expires: t + validity }), metadata: cur.metadata });
          const inv = { name: ns, clusterId: '', origin: 'imported' as const, platform: 'AWS' as const, region: '', version: '' };
          createIfAbsent(cluster, msaTokenSecret(inv, MSA_ACCOUNT_NAMES[0], iso(t + validity)));
        });
      }
    }
  };

  const initSchedules = (bs: BackupSchedule) => {
    const hubId = hubIdOf(cluster);
    const now = rt.nowMs();
    const status: NonNullable<BackupSchedule['status']> = { ...(bs.status ?? {}) };
    prepareMsa(bs);
    for (const type of SCHEDULE_CREATION_ORDER) {
      const { obj: vs } = createIfAbsent(cluster, veleroScheduleObject(bs, type, hubId, now));
      if (type in STATUS_FIELD) status[STATUS_FIELD[type as keyof typeof STATUS_FIELD]] = vs;
      // CBO `createInitialBackupForSchedule`: one backup per schedule, one shared timestamp.
      if (!bs.spec.noBackupOnStart && !bs.spec.skipImmediately) createIfAbsent(cluster, backupFromSchedule(vs, now));
    }
    writeStatus(bs, { ...status, phase: 'New', lastMessage: MESSAGES.new });
  };

  /** CBO `isScheduleSpecUpdated` plus the 2.15+ unpause: brings the Velero schedules in line with the BackupSchedule. */
  const syncSpecs = (bs: BackupSchedule, schedules: VeleroSchedule[]): boolean => {
    let changed = false;
    for (const s of schedules) {
      const next: VeleroSchedule = structuredClone(s);
      next.spec = { ...next.spec, schedule: bs.spec.veleroSchedule, template: { ...(next.spec?.template ?? {}) } };
      const type = typeOfScheduleName(nameOf(s));
      if (type === 'validation') next.spec.template!.ttl = validationTtl(bs, rt.nowMs());
      else if (bs.spec.veleroTtl) next.spec.template!.ttl = normalizedTtl(bs.spec.veleroTtl);
      else delete next.spec.template!.ttl;
      if (next.spec.paused) delete next.spec.paused;
      if (JSON.stringify(next.spec) !== JSON.stringify(s.spec)) {
        updateIfChanged(cluster, next);
        changed = true;
      }
    }
    return changed;
  };

  const setSchedulePhase = (schedules: VeleroSchedule[]): { phase: string; lastMessage: string } => {
    for (const s of schedules) {
      const p = s.status?.phase ?? '';
      if (p === '') return { phase: 'Unknown', lastMessage: MESSAGES.unknown };
      if (p === 'New') return { phase: 'New', lastMessage: MESSAGES.new };
      if (p === 'FailedValidation') return { phase: 'FailedValidation', lastMessage: MESSAGES.failedValidation };
    }
    return { phase: 'Enabled', lastMessage: MESSAGES.enabled };
  };

  const reconcile = (ns: string | undefined, name: string) => {
    const bs = safeGet<BackupSchedule>(cluster, REFS.backupSchedule, ns, name);
    if (!bs) return;
    const phase = bs.status?.phase ?? '';
    if (phase === 'BackupCollision') return; // "ignore resource in SchedulePhaseBackupCollision state"
    const paused = features.pausedField && bs.spec.paused === true;
    const restore = runningRestore(ns);
    if (restore && !paused) return failValidation(bs, MESSAGES.restoreActive(restore));
    if (safeList<BackupStorageLocation>(cluster, REFS.bsl).length === 0) return failValidation(bs, MESSAGES.noStorageLocation);
    if (!validStorageLocation(cluster, ns ?? '')) return failValidation(bs, MESSAGES.storageUnavailable);
    const cronErrors = validateVeleroSchedule(bs.spec.veleroSchedule);
    if (cronErrors.length > 0) return writeStatus(bs, { ...(bs.status ?? {}), phase: 'FailedValidation', lastMessage: cronErrors.join(',') });

    const schedules = owned(ns, name);
    if (paused) return stopSchedules(bs, schedules, 'Paused', MESSAGES.paused);

    let collision = '';
    const oldest = Math.min(...schedules.map((s) => ms(s.metadata?.creationTimestamp) || rt.nowMs()));
    if (schedules.length > 0 && rt.nowMs() - oldest > 5 * SECOND && phase !== '' && phase !== 'New') {
      collision = rule1(schedules[0]) || (features.collisionRestoreRule ? rule2(schedules[0]) : '');
      prepareMsa(bs);
    }
    if (collision) return stopSchedules(bs, schedules, 'BackupCollision', collision);

    if (schedules.length === 0) {
      initSchedules(bs);
      return requeue(ns, name, COLLISION_CONTROL_INTERVAL);
    }
    if (schedules.length < BACKUP_TYPES.length) {
      // A Velero schedule was deleted by hand: recreate them all so they share a due time.
      for (const s of schedules) removeIfPresent(cluster, REFS.veleroSchedule, nsOf(s), nameOf(s));
      const status = { ...(bs.status ?? {}), phase: 'New', lastMessage: MESSAGES.new };
      delete status.veleroScheduleCredentials;
      delete status.veleroScheduleManagedClusters;
      delete status.veleroScheduleResources;
      writeStatus(bs, status);
      return requeue(ns, name, COLLISION_CONTROL_INTERVAL);
    }
    const specChanged = syncSpecs(bs, schedules);
    if (specChanged && phase !== 'Paused') return requeue(ns, name, COLLISION_CONTROL_INTERVAL);
    const current = specChanged ? owned(ns, name) : schedules;
    const status: NonNullable<BackupSchedule['status']> = { ...(bs.status ?? {}) };
    for (const s of current) {
      const type = typeOfScheduleName(nameOf(s));
      if (type && type in STATUS_FIELD) status[STATUS_FIELD[type as keyof typeof STATUS_FIELD]] = s;
    }
    writeStatus(bs, { ...status, ...setSchedulePhase(current) });
    requeue(ns, name, COLLISION_CONTROL_INTERVAL);
  };

  rt.watch((type, obj) => {
    if (sameKind(obj, REFS.backupSchedule)) {
      const key = `${nsOf(obj)}/${nameOf(obj)}`;
      if (type === 'DELETED') {
        rt.cancel(`bsch:${key}`);
        seenSpec.delete(obj.metadata?.uid ?? '');
        return;
      }
      // The operator reconciles on generation changes only (its event filter), plus its requeues.
      const spec = JSON.stringify((obj as BackupSchedule).spec);
      if (seenSpec.get(obj.metadata?.uid ?? '') === spec) return;
      seenSpec.set(obj.metadata?.uid ?? '', spec);
      rt.enqueue(`bsch:${key}`, () => reconcile(nsOf(obj), nameOf(obj)));
    } else if (sameKind(obj, REFS.veleroSchedule) && type === 'DELETED') {
      const owner = controllerOf(obj);
      if (owner?.kind === 'BackupSchedule') rt.enqueue(`bsch:${nsOf(obj)}/${owner.name}`, () => reconcile(nsOf(obj), owner.name));
    }
  });

  return {
    resync() {
      for (const bs of safeList<BackupSchedule>(cluster, REFS.backupSchedule)) {
        seenSpec.set(bs.metadata?.uid ?? '', JSON.stringify(bs.spec));
        const phase = bs.status?.phase ?? '';
        // A loaded schedule resumes its cadence: Enabled ones are next looked at on the 5-minute requeue.
        const delay = phase === 'Enabled' || phase === 'Paused' || phase === 'BackupCollision' ? COLLISION_CONTROL_INTERVAL : 0;
        requeue(nsOf(bs), nameOf(bs), delay);
      }
    },
  };
};
