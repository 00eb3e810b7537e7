/**
 * The named hub states. Each loader stores what the operator, Velero, OADP and the policy
 * framework would have left on this hub by `cluster.now()`; the operator emulation then carries
 * it on (backups on the cron, the other hub's backups, sync restores, the activation in flight).
 */
import { BACKUP_NAMESPACE, DEFAULT_SCHEDULE_NAME, LABELS, LATEST, SKIP, VELERO_SCHEDULE_NAMES } from '../../../src/k8s/names';
import type { BackupType } from '../../../src/k8s/names';
import type { K8sObject } from '../../../src/k8s/types';
import type { Cluster } from '../cluster';
import { MESSAGES } from '../operator/backup-schedule';
import { hubProfile, localClusterObject, managedClusterObject, PRIMARY_HUB_ID, restoreDuration, SOURCE_HUB_ID, THIS_HUB_CLUSTERS, THIS_HUB_ID } from '../operator/inventory';
import { RESTORE_MESSAGES } from '../operator/restore';
import { clusterDeploymentObject, namespaceObject } from '../operator/restored-data';
import { nameOf, spread } from '../operator/runtime';
import { DAY, HOUR, iso, MINUTE, ms, SECOND, veleroTimestamp } from '../operator/time';
import { featuresOf } from '../operator/version';
import {
  backupScheduleObject,
  backupStream,
  statusNames,
  syncHistory,
  syncSpec,
  enabledSchedule,
  finishPolicies,
  lastSetTime,
  latestOf,
  loadBase,
  passiveData,
  restoreEvents,
  restoreObject,
  type RunStep,
  type ScenarioCtx,
  veleroRestores,
} from './build';
import { Loader } from './kit';
import { loadLargeHub } from './large-hub';

export type ScenarioOptions = { acmVersion: string; bulk: (objs: K8sObject[]) => void };

export type Scenario = {
  description: string;
  /** `group/Kind` the API does not serve in this scenario (CRDs not installed). */
  omitKinds?: string[];
  load(cluster: Cluster, opts: ScenarioOptions): void;
};

const ctxOf = (cluster: Cluster, opts: ScenarioOptions): ScenarioCtx => ({
  cluster,
  loader: new Loader(cluster, opts.bulk),
  now: cluster.now().getTime(),
  acmVersion: opts.acmVersion,
  features: featuresOf(opts.acmVersion),
});

/** ACM was installed two months ago on every hub that has history. */
const INSTALLED = 62 * DAY;
const HOURLY = '0 */1 * * *';

const schedule = (created: number, spec: Partial<Parameters<typeof backupScheduleObject>[1]> = {}) =>
  backupScheduleObject(DEFAULT_SCHEDULE_NAME, { veleroSchedule: HOURLY, veleroTtl: '120h', ...spec }, created);

/** The other hub's own BackupSchedule (it never appears here: only its labels do). */
const foreignSchedule = (created: number, cron = HOURLY, ttl = '120h') => backupScheduleObject(DEFAULT_SCHEDULE_NAME, { veleroSchedule: cron, veleroTtl: ttl, useManagedServiceAccount: true }, created);

// ---- the scenarios ----

const fresh = (cluster: Cluster, opts: ScenarioOptions): void => {
  const s = ctxOf(cluster, opts);
  const enabled = s.now - 3 * MINUTE;
  loadBase(s, { clusters: THIS_HUB_CLUSTERS, installedAt: s.now - INSTALLED, backupEnabledAt: enabled });
  s.loader.flush();
  // Placed a minute ago: the channel checks (hub-template lookups) have not reported yet.
  finishPolicies(s, { placedAt: enabled + MINUTE, pending: ['oadp-channel-validation', 'custom-oadp-channel-validation'] });
  s.loader.flush();
};

const newHub = (cluster: Cluster, opts: ScenarioOptions): void => {
  const s = ctxOf(cluster, opts);
  const enabled = s.now - 2 * DAY;
  loadBase(s, { clusters: THIS_HUB_CLUSTERS, installedAt: s.now - 20 * DAY, backupEnabledAt: enabled });
  // The other hub backs up daily at 02:00 and keeps five days.
  const theirs = backupStream({ hubId: SOURCE_HUB_ID, schedule: foreignSchedule(s.now - 40 * DAY, '0 2 * * *'), from: s.now - 6 * DAY, to: s.now, now: s.now });
  s.loader.add(...theirs);
  s.loader.flush();
  finishPolicies(s, { placedAt: enabled + MINUTE, backups: theirs });
  s.loader.flush();
};

const primaryHealthy = (cluster: Cluster, opts: ScenarioOptions): void => {
  const s = ctxOf(cluster, opts);
  const installed = s.now - INSTALLED;
  loadBase(s, { clusters: THIS_HUB_CLUSTERS, installedAt: installed, msaValidityMs: 240 * HOUR, pairFor: ['edge-rhel-retail-07'] });
  const created = s.now - 50 * HOUR - 17 * MINUTE;
  const bs = schedule(created, { useManagedServiceAccount: true });
  // Sets that would still be running this very minute start when the emulation takes over.
  const ours = backupStream({
    hubId: THIS_HUB_ID,
    schedule: bs,
    from: created,
    to: s.now - MINUTE,
    now: s.now,
    initialAt: created + 2 * SECOND,
    outcome: (type, i) => (type === 'resources' && i === 33 ? { phase: 'PartiallyFailed', warnings: 4, errors: 1 } : undefined),
  });
  enabledSchedule(s, bs, lastSetTime(ours));
  s.loader.add(...ours);
  s.loader.flush();
  finishPolicies(s, {
    placedAt: installed + 20 * MINUTE,
    backups: ours,
    past: {
      'backup-schedule-cron-enabled': [{ at: installed + 21 * MINUTE, compliant: 'NonCompliant', message: '' }],
    },
    since: { 'backup-schedule-cron-enabled': created + 10 * SECOND, 'acm-backup-phase-validation': installed + 21 * MINUTE },
  });
  s.loader.flush();
};

/** The primary's stream as a passive or colliding hub sees it in storage. */
const primaryBackups = (s: ScenarioCtx, until: number, since = s.now - 6 * DAY) =>
  backupStream({ hubId: PRIMARY_HUB_ID, schedule: foreignSchedule(s.now - 30 * DAY), from: since, to: until, now: s.now }).filter(
    // Storage sync brings backups over once they are complete.
    (b) => b.status?.phase !== 'InProgress',
  );

const passiveSync = (cluster: Cluster, opts: ScenarioOptions): void => {
  const s = ctxOf(cluster, opts);
  loadBase(s, { clusters: THIS_HUB_CLUSTERS, installedAt: s.now - INSTALLED });
  const theirs = primaryBackups(s, s.now - MINUTE);
  s.loader.add(...theirs);
  const created = s.now - 2 * DAY - 3 * HOUR - 17 * MINUTE;
  const acm = restoreObject('restore-acm-passive-sync', syncSpec(), created);
  s.loader.add(acm);
  const sync = syncHistory(s, acm, theirs, created, 10 * MINUTE, s.now);
  acm.status = {
    phase: 'Enabled',
    lastMessage: RESTORE_MESSAGES.enabled,
    ...statusNames(s, sync.runs, sync.current),
    ...(s.features.completionTimestamp ? { completionTimestamp: iso(sync.lastEnabled) } : {}),
  };
  s.loader.add(...sync.runs, ...restoreEvents(s, acm, sync.runs));
  const creds = theirs.find((b) => nameOf(b) === sync.current.credentials)!;
  s.loader.add(...passiveData(PRIMARY_HUB_ID, creds, sync.runs.filter((r) => r.spec?.backupName === nameOf(creds)).map(nameOf).pop() ?? ''));
  s.loader.flush();
  finishPolicies(s, { placedAt: s.now - INSTALLED + 20 * MINUTE, backups: theirs });
  s.loader.flush();
};

const collision = (cluster: Cluster, opts: ScenarioOptions): void => {
  const s = ctxOf(cluster, opts);
  const installed = s.now - INSTALLED;
  loadBase(s, { clusters: THIS_HUB_CLUSTERS, installedAt: installed });
  const created = s.now - 3 * DAY - 2 * HOUR - 41 * MINUTE;
  const bs = schedule(created);
  // The other hub's schedule was created 3h40m ago: its initial set, then hourly.
  const theirStart = s.now - 3 * HOUR - 40 * MINUTE;
  const theirs = backupStream({
    hubId: PRIMARY_HUB_ID,
    schedule: foreignSchedule(theirStart),
    from: theirStart,
    to: s.now - MINUTE,
    now: s.now,
    initialAt: theirStart,
  }).filter((b) => b.status?.phase !== 'InProgress');
  const firstForeign = theirs
    .filter((b) => b.metadata?.labels?.[LABELS.veleroScheduleName] === VELERO_SCHEDULE_NAMES.resources)
    .sort((a, b) => ms(a.status?.startTimestamp) - ms(b.status?.startTimestamp))[0];
  // Seen on the first 5-minute reconcile after it synced in.
  const detected = ms(firstForeign.status?.completionTimestamp) + 40 * SECOND + 4 * MINUTE;
  // Both hubs name backups after the same schedules and cron minute: where this hub's last run
  // and the other hub's first hourly run share a timestamp, storage holds one object, the newer.
  const foreignNames = new Set(theirs.map(nameOf));
  const ours = backupStream({ hubId: THIS_HUB_ID, schedule: bs, from: created, to: detected, now: s.now, initialAt: created + 2 * SECOND }).filter(
    (b) => !foreignNames.has(nameOf(b)),
  );
  const msg = MESSAGES.collisionBackup(nameOf(firstForeign), PRIMARY_HUB_ID, THIS_HUB_ID);
  const { bs: stored } = enabledSchedule(s, bs, lastSetTime(ours), { phase: 'BackupCollision', lastMessage: msg, paused: true });
  if (!s.features.pauseVeleroSchedules) {
    // Before 2.15 the collision deleted the Velero schedules and their status copies.
    s.loader.afterFlush(() => {
      for (const name of Object.values(VELERO_SCHEDULE_NAMES)) {
        try {
          s.cluster.remove({ apiVersion: 'velero.io/v1', kind: 'Schedule' }, BACKUP_NAMESPACE, name);
        } catch {
          /* already gone */
        }
      }
      const cur = s.cluster.get<typeof stored>({ apiVersion: stored.apiVersion!, kind: stored.kind! }, BACKUP_NAMESPACE, nameOf(stored));
      if (cur) s.cluster.update({ ...cur, status: { phase: 'BackupCollision', lastMessage: msg } });
    });
  }
  s.loader.add(...ours, ...theirs);
  s.loader.flush();
  finishPolicies(s, {
    placedAt: installed + 20 * MINUTE,
    backups: [...ours, ...theirs],
    since: { 'acm-backup-clusters-collision-report': detected, 'backup-schedule-cron-enabled': created + 10 * SECOND },
    past: {
      'acm-backup-clusters-collision-report': [{ at: installed + 21 * MINUTE, compliant: 'Compliant', message: '' }],
    },
  });
  s.loader.flush();
};

const restoreFailed = (cluster: Cluster, opts: ScenarioOptions): void => {
  const s = ctxOf(cluster, opts);
  const enabled = s.now - 3 * DAY;
  loadBase(s, { clusters: THIS_HUB_CLUSTERS, installedAt: s.now - 20 * DAY, backupEnabledAt: enabled });
  const theirs = backupStream({ hubId: SOURCE_HUB_ID, schedule: foreignSchedule(s.now - 40 * DAY, '0 2 * * *'), from: s.now - 6 * DAY, to: s.now, now: s.now }).filter(
    (b) => b.status?.phase !== 'InProgress',
  );
  s.loader.add(...theirs);

  // A passive restore: the generic backup is empty, Velero calls that PartiallyFailed (§2 caveat).
  const firstAt = s.now - 2 * HOUR - 10 * MINUTE;
  const passive = restoreObject('restore-acm-passive', { cleanupBeforeRestore: 'CleanupRestored', veleroManagedClustersBackupName: SKIP, veleroCredentialsBackupName: LATEST, veleroResourcesBackupName: LATEST }, firstAt);
  s.loader.add(passive);
  const steps: RunStep[] = (['credentials', 'resources', 'resourcesGeneric'] as BackupType[]).map((type, i) => ({
    type,
    backup: latestOf(theirs, type, firstAt)!,
    at: firstAt + 2 * SECOND + i * SECOND,
    activation: type === 'resources' ? undefined : 'NotIn',
  }));
  const runs = veleroRestores(s, passive, steps);
  const finished = Math.max(...runs.map((r) => ms(r.status?.completionTimestamp)));
  passive.status = {
    phase: 'FinishedWithErrors',
    lastMessage: RESTORE_MESSAGES.finishedWithErrors,
    veleroCredentialsRestoreName: nameOf(runs[0]),
    veleroResourcesRestoreName: nameOf(runs[1]),
    ...(s.features.genericRestoreName ? { veleroGenericResourcesRestoreName: nameOf(runs[2]) } : {}),
    ...(s.features.completionTimestamp ? { completionTimestamp: iso(finished) } : {}),
  };
  s.loader.add(...runs, ...restoreEvents(s, passive, runs));
  s.loader.add(...passiveData(SOURCE_HUB_ID, steps[0].backup, nameOf(runs[0])));

  // An activation naming a backup that expired days ago: Error before any Velero restore exists.
  const missing = `${VELERO_SCHEDULE_NAMES.managedClusters}-${veleroTimestamp(s.now - 8 * DAY - 22 * HOUR + 3 * SECOND)}`;
  const activate = restoreObject(
    'restore-acm-activate',
    { cleanupBeforeRestore: 'CleanupRestored', veleroManagedClustersBackupName: missing, veleroCredentialsBackupName: SKIP, veleroResourcesBackupName: SKIP },
    s.now - 40 * MINUTE,
  );
  activate.status = { phase: 'Error', lastMessage: RESTORE_MESSAGES.backupNotFound(missing, 'managedClusters') };
  s.loader.add(activate);
  s.loader.flush();
  finishPolicies(s, {
    placedAt: enabled + MINUTE,
    backups: theirs,
    since: { 'acm-backup-phase-validation': s.now - 40 * MINUTE + 5 * SECOND },
  });
  s.loader.flush();
};

const promotionInProgress = (cluster: Cluster, opts: ScenarioOptions): void => {
  const s = ctxOf(cluster, opts);
  loadBase(s, { clusters: THIS_HUB_CLUSTERS, installedAt: s.now - INSTALLED });
  // The primary went down 2h40m ago; its last backups are in storage.
  const down = s.now - 2 * HOUR - 40 * MINUTE;
  const theirs = primaryBackups(s, down);
  s.loader.add(...theirs);
  const created = s.now - 4 * DAY - 5 * HOUR;
  const spec = syncSpec();
  const acm = restoreObject('restore-acm-passive-sync', spec, created);
  s.loader.add(acm);
  const sync = syncHistory(s, acm, theirs, created, 10 * MINUTE, s.now - 3 * MINUTE);
  acm.spec = { ...spec, veleroManagedClustersBackupName: LATEST };

  // Activation: credentials (-active) first, then generic (-active) and managed clusters (§2).
  const creds = latestOf(theirs, 'credentials')!;
  const generic = latestOf(theirs, 'resourcesGeneric')!;
  const mcBackup = latestOf(theirs, 'managedClusters')!;
  const credsItems = creds.status?.progress?.totalItems ?? 0;
  const genericItems = generic.status?.progress?.totalItems ?? 0;
  const mcItems = mcBackup.status?.progress?.totalItems ?? 0;
  const mcRun = restoreDuration('managedClusters', mcItems);
  const t0 = s.now - restoreDuration('credentials', credsItems) - restoreDuration('resourcesGeneric', genericItems) - Math.floor(mcRun * 0.45);
  const active = veleroRestores(s, acm, [
    { type: 'credentials', backup: creds, at: t0, activation: 'In' },
    { type: 'resourcesGeneric', backup: generic, at: t0 + SECOND, activation: 'In' },
    { type: 'managedClusters', backup: mcBackup, at: t0 + SECOND, phase: 'InProgress' },
  ]);
  // Velero works through them in order: the managed clusters restore started last.
  const mcStart = t0 + restoreDuration('credentials', credsItems) + restoreDuration('resourcesGeneric', genericItems);
  active[1].status = { ...active[1].status, startTimestamp: iso(t0 + restoreDuration('credentials', credsItems)), completionTimestamp: iso(mcStart) };
  active[2].status = { ...active[2].status, startTimestamp: iso(mcStart) };
  const passiveCredsRestore = sync.runs.filter((r) => r.spec?.backupName === nameOf(creds)).map(nameOf).pop();
  acm.status = {
    phase: 'Running',
    lastMessage: RESTORE_MESSAGES.running(nameOf(active[2])),
    ...statusNames(s, sync.runs, sync.current),
    veleroCredentialsRestoreName: passiveCredsRestore,
    ...(s.features.genericRestoreName ? { veleroGenericResourcesRestoreName: nameOf(active[1]) } : {}),
    veleroManagedClustersRestoreName: nameOf(active[2]),
    ...(s.features.completionTimestamp ? { completionTimestamp: iso(sync.lastEnabled) } : {}),
  };
  s.loader.add(...sync.runs, ...active, ...restoreEvents(s, acm, [...sync.runs, ...active]));
  s.loader.add(...passiveData(PRIMARY_HUB_ID, creds, passiveCredsRestore ?? ''));
  // The managed clusters restored so far, Hive-created ones reconnecting by themselves (§4).
  const primary = hubProfile(PRIMARY_HUB_ID);
  const restoredSoFar = primary.clusters.slice(0, Math.ceil(primary.clusters.length * 0.6));
  const by = { [LABELS.veleroBackupName]: nameOf(mcBackup), [LABELS.veleroRestoreName]: nameOf(active[2]) };
  for (const c of restoredSoFar) {
    const back = mcStart + spread(`hive:${c.name}`, 25, 150) * SECOND <= s.now && c.origin === 'hive';
    s.loader.add(managedClusterObject(c, { state: back ? 'available' : 'pending-import', at: iso(mcStart), extraLabels: by }));
    if (c.origin === 'hive') s.loader.add(clusterDeploymentObject(c, { backup: nameOf(mcBackup), restore: nameOf(active[2]) }));
  }
  s.loader.flush();
  // The primary's heartbeat (validation backup, one interval + 5 minutes) ran out after it went down.
  const lastHeartbeat = (lastSetTime(theirs) ?? down) + 65 * MINUTE + 17 * MINUTE;
  const placedAt = s.now - INSTALLED + 20 * MINUTE;
  finishPolicies(s, {
    placedAt,
    backups: theirs,
    past: { 'backup-schedule-cron-enabled': [{ at: placedAt + MINUTE, compliant: 'Compliant', message: '' }] },
    since: { 'backup-schedule-cron-enabled': lastHeartbeat },
  });
  s.loader.flush();
};

const noOperator = (cluster: Cluster, opts: ScenarioOptions): void => {
  const s = ctxOf(cluster, opts);
  const installed = s.now - INSTALLED;
  s.loader.add(
    namespaceObject('open-cluster-management'),
    namespaceObject('local-cluster'),
    {
      apiVersion: 'config.openshift.io/v1',
      kind: 'ClusterVersion',
      metadata: { name: 'version' },
      spec: { clusterID: THIS_HUB_ID, channel: 'stable-4.19' },
      status: { desired: { version: '4.19.9' }, history: [{ state: 'Completed', version: '4.19.9', verified: true }] },
    } as K8sObject,
    {
      apiVersion: 'operator.open-cluster-management.io/v1',
      kind: 'MultiClusterHub',
      metadata: { name: 'multiclusterhub', namespace: 'open-cluster-management' },
      spec: { availabilityConfig: 'High', overrides: { components: [{ name: 'cluster-backup', enabled: false }] } },
      status: { phase: 'Running' },
    } as K8sObject,
    localClusterObject(THIS_HUB_ID, iso(installed)),
    ...THIS_HUB_CLUSTERS.flatMap((c) => [namespaceObject(c.name), managedClusterObject(c, { state: 'available', at: iso(installed + DAY) })]),
  );
  s.loader.flush();
};

export const SCENARIOS: Record<string, Scenario> = {
  fresh: {
    description: 'Backup component just enabled: OADP and an Available storage location, no BackupSchedule, no Restore, empty storage.',
    load: fresh,
  },
  'new-hub': {
    description: "A hub about to restore: no schedule of its own; storage holds another hub's daily backups of the last five days.",
    load: newHub,
  },
  'primary-healthy': {
    description: 'Primary hub: schedule-acm Enabled (hourly, 120h, MSA), five Velero schedules, ~2 days of hourly backup sets (one PartiallyFailed), policy compliant.',
    load: primaryHealthy,
  },
  'passive-sync': {
    description: "Passive hub: restore-acm-passive-sync Enabled (every 10m), restoring the primary's hourly backups; the primary keeps writing.",
    load: passiveSync,
  },
  collision: {
    description: "schedule-acm in BackupCollision: another hub started writing newer backups to the same storage location 3h40m ago.",
    load: collision,
  },
  'restore-failed': {
    description: 'A passive restore FinishedWithErrors (empty generic backup, PartiallyFailed) and an activation in Error (named backup not found).',
    load: restoreFailed,
  },
  'promotion-in-progress': {
    description: 'The passive-sync restore was just activated (managed clusters: latest): Running, managed-clusters Velero restore InProgress.',
    load: promotionInProgress,
  },
  'no-operator': {
    description: 'Cluster backup component disabled: no BackupSchedule/Restore/Velero/OADP APIs, no validation policy.',
    omitKinds: [
      'cluster.open-cluster-management.io/BackupSchedule',
      'cluster.open-cluster-management.io/Restore',
      'velero.io/Backup',
      'velero.io/Restore',
      'velero.io/Schedule',
      'velero.io/BackupStorageLocation',
      'velero.io/DeleteBackupRequest',
      'velero.io/VolumeSnapshotLocation',
      'oadp.openshift.io/DataProtectionApplication',
    ],
    load: noOperator,
  },
  'large-hub': {
    description: 'Primary of 2,000 managed clusters, promoted 29 days ago: ~3,500 backups, ~500 Velero restores of the passive period, 20,000 events.',
    load: (cluster, opts) => loadLargeHub(ctxOf(cluster, opts)),
  },
};
