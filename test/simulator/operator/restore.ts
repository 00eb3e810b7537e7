/**
 * The Restore controller (§2, CBO `controllers/restore_controller.go`, `restore.go`,
 * `restore_post.go`): the one-active-thing rules, backup resolution, Velero restores in the
 * documented order and naming, phases and messages, events in the release's spelling, passive
 * sync, activation, and the post-restore tasks (activation record, auto-import, §5).
 */
import { ANNOTATIONS, LABELS, LATEST, LOCAL_CLUSTER_NAME, RESTORE_CLUSTERS_BACKUP_PREFIX, SKIP, VELERO_SCHEDULE_NAMES } from '../../../src/k8s/names';
import type { BackupType } from '../../../src/k8s/names';
import type { BackupSchedule, BackupStorageLocation, DeleteBackupRequest, K8sObject, ManagedCluster, Restore, VeleroBackup, VeleroRestore } from '../../../src/k8s/types';
import type { Ctx } from './context';
import { hubIdOf, validStorageLocation } from './context';
import { addRestoreRequirement, hooksWarningEvent, restoreClustersRecord, restoreCreatedEvent, veleroRestoreName, veleroRestoreObject } from './objects';
import { REFS, sameKind } from './refs';
import { controllerOf, createIfAbsent, labelsOf, nameOf, nsOf, removeIfPresent, safeGet, safeList, updateIfChanged } from './runtime';
import { isAvailable, msaSecrets, onAutoImportSecret } from './restored-data';
import { durationOr, iso, MINUTE, ms, SECOND, timestampOfName } from './time';

export const RESTORE_MESSAGES = {
  prepare: 'Prepare to restore, cleaning up resources',
  started: (restore: string) => `Restore ${restore} started`,
  completed: (restore: string) => `Restore ${restore} completed`,
  veleroStarted: (v: string) => `Velero restore ${v} has started`,
  waiting: (v: string) => `waiting for restore to complete ${v}`,
  running: (v: string) => `Velero restore ${v} is currently executing`,
  failed: (v: string) => `Velero restore ${v} has failed validation or encountered errors`,
  unknown: (v: string) => `Unknown status for Velero restore ${v}`,
  enabled: 'Velero restores have run to completion, restore will continue to sync with new backups',
  finishedWithErrors: 'Velero restores have run to completion but encountered 1+ errors',
  finished: 'All Velero restores have run successfully',
  nothingToDo: (restore: string) => `Nothing to do for restore ${restore}`,
  backupNotFound: (backup: string, type: string) => `Backup ${backup} Not found for resource type: ${type}`,
  backupNameNotFound: (type: string) => `Backup name not found for resource type: ${type}`,
  noStorageLocation:
    'velero.io.BackupStorageLocation resources not found. Verify you have created a konveyor.openshift.io.Velero or oadp.openshift.io.DataProtectionApplications resource.',
  storageUnavailable: (ns: string) => `Backup storage location not available in namespace ${ns}. Check velero.io.BackupStorageLocation and validate storage credentials.`,
  syncIgnored: (reason: string) => ` ; SyncRestoreWithNewBackups option is ignored because ${reason}`,
  scheduleActive: (name: string) =>
    `This resource is ignored because BackupSchedule resource ${name} is currently active, before creating another resource verify that any active resources are removed.`,
  restoreActive: (name: string) =>
    `This resource is ignored because Restore resource ${name} is currently active, before creating another resource verify that any active resources are removed.`,
  cleanupAllUnconfirmed:
    'cleanupBeforeRestore=CleanupAll requires the cluster.open-cluster-management.io/restore-cleanup-all-confirmed=true annotation on the Restore resource to confirm mass deletion of ACM-scoped hub resources',
};

export const AUTO_IMPORT_MESSAGES = {
  available: (c: string) => `managed cluster ${c} already available`,
  noServerUrl: (c: string) => `Cannot reimport cluster ${c}, no serverUrl property`,
  noMsaSecret: (c: string) => `No suitable MSA secret found for cluster (${c})`,
  deleted: (ns: string) => `deleted auto-import-secret from namespace ${ns}`,
  created: (c: string) => `Created auto-import-secret for (${c})`,
  expiredLegacy: (ns: string, name: string) => `Skip MSA access token for secret (${ns}:${name}) no loger valid!`,
};

/** §2 `ResourceTypePriority`: credentials, resources, generic, managed clusters. */
const RESTORE_ORDER: readonly BackupType[] = ['credentials', 'resources', 'resourcesGeneric', 'managedClusters'];

const STATUS_NAME: Record<Exclude<BackupType, 'validation'>, keyof NonNullable<Restore['status']>> = {
  credentials: 'veleroCredentialsRestoreName',
  resources: 'veleroResourcesRestoreName',
  resourcesGeneric: 'veleroGenericResourcesRestoreName',
  managedClusters: 'veleroManagedClustersRestoreName',
};

const DEFAULT_SYNC_INTERVAL = 30 * MINUTE;
const FAILURE_INTERVAL = 60 * SECOND;
const ACM_RESTORE_API = 'cluster.open-cluster-management.io/v1beta1';

const norm = (v: string | undefined): string => (v ?? '').trim().toLowerCase();
const startOf = (b: VeleroBackup): number => ms(b.status?.startTimestamp) || 0;
const isEnabledPhase = (p: string | undefined): boolean => p === 'Enabled' || p === 'EnabledWithErrors';

/** CBO `isValidSyncOptions`: whether sync applies, and why not. */
export const syncOptions = (r: Restore): { valid: boolean; reason: string } => {
  if (!r.spec.syncRestoreWithNewBackups) return { valid: false, reason: '' };
  const mc = norm(r.spec.veleroManagedClustersBackupName);
  if (mc !== SKIP && mc !== LATEST) return { valid: false, reason: 'VeleroManagedClustersBackupName should be set to skip or latest.' };
  if (norm(r.spec.veleroCredentialsBackupName) !== LATEST) return { valid: false, reason: 'VeleroCredentialsBackupName should be set to latest.' };
  if (norm(r.spec.veleroResourcesBackupName) !== LATEST) return { valid: false, reason: 'VeleroResourcesBackupName should be set to latest.' };
  return { valid: true, reason: '' };
};

/** CBO `getVeleroBackupName`: the backup a restore of `type` uses for `name` (`latest` or a backup name). */
export const resolveBackup = (backups: VeleroBackup[], type: BackupType, name: string): VeleroBackup | undefined => {
  const prefix = VELERO_SCHEDULE_NAMES[type];
  if (name === LATEST) {
    return backups
      .filter((b) => nameOf(b).startsWith(prefix) && (b.status?.phase === 'Completed' || b.status?.phase === 'PartiallyFailed'))
      .sort((a, b) => startOf(b) - startOf(a))[0];
  }
  if (type === 'resourcesGeneric') {
    // Generic backups go with the resources backup of the same timestamp, else one within 30 s of it.
    const dash = name.lastIndexOf('-');
    const exact = dash >= 0 ? backups.find((b) => nameOf(b) === prefix + name.slice(dash)) : undefined;
    if (exact) return exact;
    const target = timestampOfName(name);
    if (target === undefined) return undefined;
    return backups.find((b) => nameOf(b).includes(prefix) && b.status?.startTimestamp && Math.abs(startOf(b) - target) <= 30 * SECOND);
  }
  return backups.find((b) => nameOf(b) === name);
};

type InitResult = { kind: 'error'; message: string } | { kind: 'wait'; message: string } | { kind: 'noop' } | { kind: 'done'; created: number };

export type Restores = { resync(): void };

export const startRestores = (ctx: Ctx): Restores => {
  const { cluster, rt, features } = ctx;
  const seenSpec = new Map<string, string>();
  let eventSeq = 0;

  const owned = (r: Restore): VeleroRestore[] =>
    safeList<VeleroRestore>(cluster, REFS.veleroRestore, nsOf(r))
      .filter((v) => {
        const o = controllerOf(v);
        return o?.kind === 'Restore' && o.apiVersion === ACM_RESTORE_API && o.name === nameOf(r);
      })
      .sort((a, b) => nameOf(a).localeCompare(nameOf(b)));

  const write = (r: Restore, phase: string, lastMessage: string, extra: Partial<NonNullable<Restore['status']>> = {}) => {
    r.status = { ...(r.status ?? {}), ...extra, phase, lastMessage };
    updateIfChanged(cluster, r);
  };

  /** CBO `isOtherResourcesRunning`, as §2 "Rules" states it. */
  const otherActive = (r: Restore): string => {
    const schedule = safeList<BackupSchedule>(cluster, REFS.backupSchedule, nsOf(r)).find(
      (s) => s.status?.phase !== 'BackupCollision' && s.status?.phase !== 'Paused',
    );
    if (schedule) return RESTORE_MESSAGES.scheduleActive(nameOf(schedule));
    const other = safeList<Restore>(cluster, REFS.restore, nsOf(r)).find(
      (o) => nameOf(o) !== nameOf(r) && o.status?.phase !== 'Finished' && o.status?.phase !== 'FinishedWithErrors',
    );
    return other ? RESTORE_MESSAGES.restoreActive(nameOf(other)) : '';
  };

  const emit = (event: K8sObject) => {
    try {
      cluster.recordEvent(event);
    } catch (e) {
      rt.log(`operator emulation: event not recorded: ${String(e)}`);
    }
  };

  /** CBO `isNewBackupAvailable`. */
  const newBackupAvailable = (r: Restore, type: 'resources' | 'credentials', backups: VeleroBackup[]): boolean => {
    const newest = resolveBackup(backups, type, LATEST);
    if (!newest) return false;
    const current = r.status?.[STATUS_NAME[type]] as string | undefined;
    if (!current) return false;
    if (current === veleroRestoreName(nameOf(r), nameOf(newest))) return false;
    const vr = safeGet<VeleroRestore>(cluster, REFS.veleroRestore, nsOf(r), current);
    if (!vr) return true;
    if (vr.spec?.backupName === nameOf(newest)) return false;
    const used = backups.find((b) => nameOf(b) === vr.spec?.backupName);
    return !used || startOf(used) < startOf(newest);
  };

  const trackedMissing = (r: Restore, list: VeleroRestore[]): boolean => {
    const names = new Set(list.map(nameOf));
    return Object.values(STATUS_NAME).some((f) => {
      const n = r.status?.[f] as string | undefined;
      return !!n && !names.has(n);
    });
  };

  /** CBO `initVeleroRestores` with `retrieveRestoreDetails` and `updateLabelsForActiveResources`. */
  const initVeleroRestores = (r: Restore, sync: boolean, list: VeleroRestore[]): InitResult => {
    const ns = nsOf(r);
    const backups = safeList<VeleroBackup>(cluster, REFS.veleroBackup, ns);
    let onlyManagedClusters = false;
    if (sync) {
      const fresh = newBackupAvailable(r, 'resources', backups) || newBackupAvailable(r, 'credentials', backups);
      if (!fresh) {
        if (!r.status?.veleroManagedClustersRestoreName && norm(r.spec.veleroManagedClustersBackupName) === LATEST) onlyManagedClusters = true;
        else if (!trackedMissing(r, list)) return { kind: 'noop' };
      }
    }
    const keys = RESTORE_ORDER.filter((k) => !onlyManagedClusters || k !== 'resources');
    const toCreate = new Map<BackupType, ReturnType<typeof veleroRestoreObject>>();
    for (const key of keys) {
      let name =
        key === 'managedClusters'
          ? r.spec.veleroManagedClustersBackupName
          : key === 'credentials'
            ? r.spec.veleroCredentialsBackupName
            : r.spec.veleroResourcesBackupName;
      if (key === 'resourcesGeneric' && norm(name) === SKIP) name = r.spec.veleroManagedClustersBackupName;
      const wanted = norm(name);
      if (wanted === '') return { kind: 'error', message: RESTORE_MESSAGES.backupNameNotFound(key) };
      if (wanted === SKIP) continue;
      const backup = resolveBackup(backups, key, wanted);
      if (!backup) {
        if (key === 'resourcesGeneric') continue; // a missing generic backup is not an error
        return { kind: 'error', message: RESTORE_MESSAGES.backupNotFound(wanted, key) };
      }
      toCreate.set(key, veleroRestoreObject(r, key, backup, features));
    }
    if (toCreate.size === 0) return { kind: 'noop' };

    const isRealSyncMode = !!r.spec.syncRestoreWithNewBackups && r.status?.phase === 'Enabled';
    let created = 0;
    let hooksWarned = false;
    for (const key of RESTORE_ORDER) {
      const vr = toCreate.get(key);
      if (!vr) continue;
      if ((key === 'resourcesGeneric' || key === 'credentials') && !toCreate.has('managedClusters')) addRestoreRequirement(vr, 'NotIn');
      const credsWasSkip = key === 'credentials' && norm(r.spec.veleroCredentialsBackupName) === SKIP;
      const resourcesWasSkip = key === 'resourcesGeneric' && norm(r.spec.veleroResourcesBackupName) === SKIP;
      const credsActiveExists =
        key === 'resourcesGeneric' &&
        safeList<VeleroRestore>(cluster, REFS.veleroRestore, ns).some(
          (v) => nameOf(v).includes(nameOf(r)) && nameOf(v).includes('credentials') && nameOf(v).endsWith('-active'),
        );
      const activation =
        toCreate.has('managedClusters') &&
        ((key === 'resourcesGeneric' && (!toCreate.has('resources') || isRealSyncMode || resourcesWasSkip || credsActiveExists)) ||
          (key === 'credentials' && (isRealSyncMode || credsWasSkip)));
      if (activation) {
        addRestoreRequirement(vr, 'In');
        if ((key === 'resourcesGeneric' && norm(r.spec.veleroResourcesBackupName) !== SKIP) || (key === 'credentials' && norm(r.spec.veleroCredentialsBackupName) !== SKIP)) {
          vr.metadata!.name = `${vr.metadata!.name}-active`;
        }
      }
      const { obj, created: isNew } = createIfAbsent(cluster, vr);
      const field = STATUS_NAME[key as Exclude<BackupType, 'validation'>];
      const recordName = key !== 'resourcesGeneric' || features.genericRestoreName;
      if (isNew) {
        created++;
        const now = rt.nowMs();
        emit(restoreCreatedEvent(features, r, nameOf(obj), now, eventSeq++));
        if (features.hooksWarning && r.spec.hooks && Object.keys(r.spec.hooks).length > 0 && !hooksWarned) {
          hooksWarned = true;
          emit(hooksWarningEvent(features, r, now));
        }
        if (recordName) r.status = { ...(r.status ?? {}), [field]: nameOf(obj) };
      } else if ((key === 'credentials' || key === 'resourcesGeneric') && recordName) {
        r.status = { ...(r.status ?? {}), [field]: nameOf(obj) };
      }
      // Credentials go first when clusters are activated: wait for them (CBO `processRestoreWait`).
      if (key === 'credentials' && toCreate.has('managedClusters')) {
        const phase = obj.status?.phase ?? '';
        if (phase === '' || phase === 'New' || phase === 'InProgress') return { kind: 'wait', message: RESTORE_MESSAGES.waiting(nameOf(obj)) };
      }
    }
    return { kind: 'done', created };
  };

  /** CBO `setRestorePhase`; returns whether the restore just became Enabled (delta cleanup time). */
  const setRestorePhase = (r: Restore, list: VeleroRestore[]): boolean => {
    if (r.status?.phase === 'Enabled' && r.spec.syncRestoreWithNewBackups) return false;
    const set = (phase: string, msg: string) => {
      r.status = { ...(r.status ?? {}), phase, lastMessage: msg };
    };
    if (list.length === 0) {
      const skipAll = [r.spec.veleroManagedClustersBackupName, r.spec.veleroCredentialsBackupName, r.spec.veleroResourcesBackupName].every((n) => norm(n) === SKIP);
      if (skipAll) set('Finished', RESTORE_MESSAGES.nothingToDo(nameOf(r)));
      else set('Started', RESTORE_MESSAGES.started(nameOf(r)));
      return false;
    }
    let partiallyFailed = false;
    for (const v of list) {
      const p = v.status?.phase ?? '';
      if (p === '') return set('Unknown', RESTORE_MESSAGES.unknown(nameOf(v))), false;
      if (p === 'New') return set('Started', RESTORE_MESSAGES.veleroStarted(nameOf(v))), false;
      if (p === 'InProgress') return set('Running', RESTORE_MESSAGES.running(nameOf(v))), false;
      if (p === 'Failed' || p === 'FailedValidation') {
        const sticky = features.enabledWithErrors && syncOptions(r).valid && norm(r.spec.veleroManagedClustersBackupName) === SKIP;
        return set(sticky ? 'EnabledWithErrors' : 'Error', RESTORE_MESSAGES.failed(nameOf(v))), false;
      }
      if (p === 'PartiallyFailed') partiallyFailed = true;
    }
    if (syncOptions(r).valid && norm(r.spec.veleroManagedClustersBackupName) === SKIP) {
      set('Enabled', RESTORE_MESSAGES.enabled);
      return true;
    }
    set(partiallyFailed ? 'FinishedWithErrors' : 'Finished', partiallyFailed ? RESTORE_MESSAGES.finishedWithErrors : RESTORE_MESSAGES.finished);
    return false;
  };

  /** CBO `recordClustersRestoreOperation` and `deleteOlderRestoreClustersBackups`. */
  const recordActivation = (r: Restore) => {
    const ns = nsOf(r) ?? '';
    const mcRestore = safeGet<VeleroRestore>(cluster, REFS.veleroRestore, ns, r.status?.veleroManagedClustersRestoreName ?? '');
    const record = restoreClustersRecord(ns, nameOf(r), hubIdOf(cluster), labelsOf(mcRestore)[LABELS.backupCluster], mcRestore?.spec?.backupName ?? '', rt.nowMs());
    const { obj } = createIfAbsent(cluster, record);
    for (const old of safeList<VeleroBackup>(cluster, REFS.veleroBackup, ns)) {
      if (!nameOf(old).startsWith(RESTORE_CLUSTERS_BACKUP_PREFIX) || nameOf(old) === nameOf(obj)) continue;
      const dbr: DeleteBackupRequest = { apiVersion: 'velero.io/v1', kind: 'DeleteBackupRequest', metadata: { name: nameOf(old), namespace: ns }, spec: { backupName: nameOf(old) } };
      createIfAbsent(cluster, dbr);
    }
  };

  const autoImportSecret = (ns: string, url: string, token: string): K8sObject =>
    ({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: {
        name: 'auto-import-secret',
        namespace: ns,
        labels: { 'cluster.open-cluster-management.io/restore-auto-import-secret': 'true' },
        annotations: { 'managedcluster-import-controller.open-cluster-management.io/keeping-auto-import-secret': '' },
      },
      type: 'Opaque',
      data: { autoImportRetry: Buffer.from('5').toString('base64'), server: Buffer.from(url).toString('base64'), token },
    }) as K8sObject;

  const importCluster = (mc: ManagedCluster, url: string, secret: K8sObject, messages: string[]) => {
    const ns = nameOf(mc);
    const existing = safeGet(cluster, REFS.secret, ns, 'auto-import-secret');
    if (existing && labelsOf(existing)['cluster.open-cluster-management.io/restore-auto-import-secret'] === 'true') {
      if (removeIfPresent(cluster, REFS.secret, ns, 'auto-import-secret')) messages.push(AUTO_IMPORT_MESSAGES.deleted(ns));
      else messages.push(`failed to delete the auto-import-secret from namespace ${ns}`);
    }
    const token = ((secret as { data?: Record<string, string> }).data ?? {}).token ?? '';
    const { created } = createIfAbsent(cluster, autoImportSecret(ns, url, token));
    if (!created) {
      messages.push(`Failed to create auto-import-secret for (${ns})`);
      return;
    }
    messages.push(AUTO_IMPORT_MESSAGES.created(ns));
    mc.metadata = { ...mc.metadata, annotations: { ...(mc.metadata?.annotations ?? {}), [ANNOTATIONS.immediateImport]: '' } };
    updateIfChanged(cluster, mc);
    onAutoImportSecret(ctx, ns);
  };

  /** CBO `postRestoreActivation` (§5). */
  const autoImport = (): string[] => {
    const now = rt.nowMs();
    const messages: string[] = [];
    const clusters = safeList<ManagedCluster>(cluster, REFS.managedCluster).filter(
      (mc) => nameOf(mc) !== LOCAL_CLUSTER_NAME && labelsOf(mc)[LABELS.localCluster] !== 'true',
    );
    const urlOf = (mc: ManagedCluster) => mc.spec?.managedClusterClientConfigs?.[0]?.url ?? '';
    if (features.autoImportByCluster) {
      for (const mc of clusters) {
        if (isAvailable(mc)) messages.push(AUTO_IMPORT_MESSAGES.available(nameOf(mc)));
        else if (!urlOf(mc)) messages.push(AUTO_IMPORT_MESSAGES.noServerUrl(nameOf(mc)));
        else {
          const secrets = msaSecrets(cluster, nameOf(mc));
          // 2.15+ (PR #1414): one secret is used as is; of two, a non-expired one, else the newest.
          const pick =
            secrets.length <= 1
              ? secrets[0]
              : (secrets.find((s) => ms(s.metadata?.annotations?.expirationTimestamp) > now) ??
                [...secrets].sort((a, b) => ms(b.metadata?.creationTimestamp) - ms(a.metadata?.creationTimestamp))[0]);
          if (!pick) messages.push(AUTO_IMPORT_MESSAGES.noMsaSecret(nameOf(mc)));
          else importCluster(mc, urlOf(mc), pick, messages);
        }
      }
      return messages;
    }
    // Up to 2.14 the walk is over MSA secrets, and expired tokens are skipped with this text.
    const done = new Set<string>();
    for (const s of msaSecrets(cluster)) {
      const ns = nsOf(s) ?? '';
      if (done.has(ns) || ns === LOCAL_CLUSTER_NAME) continue;
      if (ms(s.metadata?.annotations?.expirationTimestamp) <= now) {
        messages.push(AUTO_IMPORT_MESSAGES.expiredLegacy(ns, nameOf(s)));
        continue;
      }
      done.add(ns);
      const mc = clusters.find((c) => nameOf(c) === ns);
      if (!mc) continue;
      if (isAvailable(mc)) messages.push(AUTO_IMPORT_MESSAGES.available(ns));
      else if (!urlOf(mc)) messages.push(AUTO_IMPORT_MESSAGES.noServerUrl(ns));
      else importCluster(mc, urlOf(mc), s, messages);
    }
    return messages;
  };

  const scheduleSync = (r: Restore) => {
    const key = `restore-sync:${nsOf(r)}/${nameOf(r)}`;
    if (r.spec.syncRestoreWithNewBackups && isEnabledPhase(r.status?.phase)) {
      const interval = durationOr(r.spec.restoreSyncInterval, DEFAULT_SYNC_INTERVAL) || DEFAULT_SYNC_INTERVAL;
      rt.after(key, interval, () => reconcile(nsOf(r), nameOf(r)));
    } else rt.cancel(key);
  };

  const reconcile = (ns: string | undefined, name: string) => {
    const r = safeGet<Restore>(cluster, REFS.restore, ns, name);
    if (!r) return;
    const phase = r.status?.phase ?? '';
    if (phase === 'Finished' || phase === 'FinishedWithErrors') return;

    const active = otherActive(r);
    if (active) return write(r, 'FinishedWithErrors', active);
    if (features.cleanupAllConfirmation && r.spec.cleanupBeforeRestore === 'CleanupAll' && r.metadata?.annotations?.[ANNOTATIONS.cleanupAllConfirmed] !== 'true') {
      return write(r, 'FinishedWithErrors', RESTORE_MESSAGES.cleanupAllUnconfirmed);
    }
    const storageMsg =
      safeList<BackupStorageLocation>(cluster, REFS.bsl).length === 0
        ? RESTORE_MESSAGES.noStorageLocation
        : !validStorageLocation(cluster, ns ?? '')
          ? RESTORE_MESSAGES.storageUnavailable(ns ?? '')
          : '';
    const sticky = features.enabledWithErrors && isEnabledPhase(phase) && syncOptions(r).valid;
    if (storageMsg) {
      write(r, sticky ? 'EnabledWithErrors' : 'Error', storageMsg);
      rt.after(`restore-retry:${ns}/${name}`, FAILURE_INTERVAL, () => reconcile(ns, name));
      return;
    }
    if (phase === 'EnabledWithErrors' && (r.status?.lastMessage ?? '').includes('BackupStorageLocation')) {
      setRestorePhase(r, owned(r));
      updateIfChanged(cluster, r);
      return scheduleSync(r);
    }
    if (r.spec.cleanupBeforeRestore !== 'None' && phase === '') write(r, 'Started', RESTORE_MESSAGES.prepare);

    const { valid: validSync, reason } = syncOptions(r);
    const sync = validSync && isEnabledPhase(r.status?.phase);
    const list = owned(r);
    const activeDataRequested = norm(r.spec.veleroManagedClustersBackupName) !== SKIP;
    const mcBackupPrefix = VELERO_SCHEDULE_NAMES.managedClusters;
    const pvcStep = activeDataRequested && !list.some((v) => (v.spec?.backupName ?? '').startsWith(mcBackupPrefix));
    const initCond = list.length === 0 || sync;
    let createdNow = false;
    if (initCond || pvcStep) {
      const res = initVeleroRestores(r, sync, list);
      if (res.kind === 'error') {
        write(r, sync && features.enabledWithErrors ? 'EnabledWithErrors' : 'Error', res.message);
        rt.after(`restore-retry:${ns}/${name}`, FAILURE_INTERVAL, () => reconcile(ns, name));
        return;
      }
      if (res.kind === 'wait') return write(r, 'Started', res.message);
      if (res.kind === 'noop' && !sync) return write(r, 'Finished', RESTORE_MESSAGES.nothingToDo(name));
      if (res.kind === 'done') {
        createdNow = res.created > 0;
        if (createdNow) r.status = { ...(r.status ?? {}), phase: 'Started', lastMessage: RESTORE_MESSAGES.started(name) };
        else if (!sync) r.status = { ...(r.status ?? {}), phase: 'Finished', lastMessage: RESTORE_MESSAGES.completed(name) };
      }
    }
    // Restores created in this pass have no status yet; Velero's first update brings us back.
    if (!initCond && !createdNow) {
      const becameEnabled = setRestorePhase(r, owned(r));
      const p = r.status?.phase ?? '';
      const completed = p === 'Finished' || p === 'FinishedWithErrors' || p === 'Error';
      if ((p === 'Finished' || p === 'FinishedWithErrors') && activeDataRequested) {
        recordActivation(r);
        r.status = { ...(r.status ?? {}), messages: autoImport() };
      }
      if (features.completionTimestamp && (becameEnabled || completed)) r.status = { ...(r.status ?? {}), completionTimestamp: iso(rt.nowMs()) };
    }
    if (r.spec.syncRestoreWithNewBackups && !validSync && r.status?.lastMessage && !r.status.lastMessage.endsWith(RESTORE_MESSAGES.syncIgnored(reason))) {
      r.status = { ...r.status, lastMessage: r.status.lastMessage + RESTORE_MESSAGES.syncIgnored(reason) };
    }
    updateIfChanged(cluster, r);
    scheduleSync(r);
  };

  rt.watch((type, obj) => {
    if (sameKind(obj, REFS.restore)) {
      const key = `${nsOf(obj)}/${nameOf(obj)}`;
      if (type === 'DELETED') {
        rt.cancelPrefix(`restore-sync:${key}`);
        rt.cancelPrefix(`restore-retry:${key}`);
        seenSpec.delete(obj.metadata?.uid ?? '');
        return;
      }
      // Spec edits (creation, activation) trigger a reconcile; its own status writes do not.
      const spec = JSON.stringify((obj as Restore).spec) + JSON.stringify(obj.metadata?.annotations ?? {});
      if (seenSpec.get(obj.metadata?.uid ?? '') === spec) return;
      seenSpec.set(obj.metadata?.uid ?? '', spec);
      rt.enqueue(`restore:${key}`, () => reconcile(nsOf(obj), nameOf(obj)));
    } else if (sameKind(obj, REFS.veleroRestore)) {
      const owner = controllerOf(obj);
      if (owner?.kind === 'Restore' && owner.apiVersion === ACM_RESTORE_API) {
        rt.enqueue(`restore:${nsOf(obj)}/${owner.name}`, () => reconcile(nsOf(obj), owner.name));
      }
    }
  });

  return {
    resync() {
      for (const r of safeList<Restore>(cluster, REFS.restore)) {
        seenSpec.set(r.metadata?.uid ?? '', JSON.stringify(r.spec) + JSON.stringify(r.metadata?.annotations ?? {}));
        const p = r.status?.phase ?? '';
        if (p === 'Finished' || p === 'FinishedWithErrors') continue;
        if (r.spec.syncRestoreWithNewBackups && isEnabledPhase(p)) scheduleSync(r);
        else if (p === 'Error') rt.after(`restore-retry:${nsOf(r)}/${nameOf(r)}`, FAILURE_INTERVAL, () => reconcile(nsOf(r), nameOf(r)));
        else rt.enqueue(`restore:${nsOf(r)}/${nameOf(r)}`, () => reconcile(nsOf(r), nameOf(r)));
      }
    },
  };
};
