/**
 * Building blocks of the scenarios: the hub every scenario but `no-operator` starts from (§1–§3:
 * namespace, identity, managed clusters, OADP, storage location, validation policy), backup
 * history as Velero leaves it, restores with their Velero restores and events, and the policy
 * status that follows from all of it.
 */
import { BACKUP_NAMESPACE, BACKUP_TYPES, LABELS, LATEST, LOCAL_CLUSTER_NAME, SKIP, VELERO_SCHEDULE_NAMES } from '../../../src/k8s/names';
import type { BackupType } from '../../../src/k8s/names';
import type { BackupSchedule, ComplianceState, K8sObject, Policy, PolicyHistoryEntry, Restore, VeleroBackup, VeleroRestore } from '../../../src/k8s/types';
import type { Cluster } from '../cluster';
import { nextRun } from '../operator/cron';
import { hubProfile, type InventoryCluster, itemsFor, localClusterObject, managedClusterObject, restoreDuration, THIS_HUB_ID, veleroDuration } from '../operator/inventory';
import { msaSetFor } from '../operator/msa';
import {
  addRestoreRequirement,
  backupFromSchedule,
  BSL_NAME,
  DPA_NAME,
  processedBackup,
  processedRestore,
  restoreCreatedEvent,
  typeOfBackup,
  veleroRestoreObject,
  veleroScheduleObject,
} from '../operator/objects';
import {
  complianceEvent,
  configurationPolicyObject,
  evaluatePolicy,
  HISTORY_LIMIT,
  historyEntry,
  overallCompliance,
  placementObjects,
  replicatedPolicyObject,
  rootPolicyObject,
  rootStatus,
} from '../operator/policy';
import { complianceMessage, type PolicyDef, validationPolicies } from '../operator/policy-templates';
import { REFS } from '../operator/refs';
import { clusterDeploymentObject, hiveSecrets, namespaceObject, passiveDataFor } from '../operator/restored-data';
import { hash32, nameOf } from '../operator/runtime';
import { DAY, durationOr, HOUR, iso, MINUTE, ms, SECOND, timestampOfName } from '../operator/time';
import type { Features } from '../operator/version';
import { Loader } from './kit';

/** OpenShift keeps events for three hours (`--event-ttl`); older events are gone. */
export const EVENT_TTL = 3 * HOUR;
/** Velero's schedule controller lag after the cron instant. */
const LAG = 3 * SECOND;

export type ScenarioCtx = {
  cluster: Cluster;
  loader: Loader;
  now: number;
  acmVersion: string;
  features: Features;
};

const acmRelease = (acmVersion: string): string => {
  if (acmVersion === 'main') return '5.3.0';
  return /^\d+\.\d+$/.test(acmVersion) ? `${acmVersion}.0` : acmVersion;
};

// ---- the hub itself ----

const b64 = (s: string) => Buffer.from(s).toString('base64');

const pod = (name: string, labels: Record<string, string>, at: string, annotations?: Record<string, string>): K8sObject =>
  ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: BACKUP_NAMESPACE, labels, ...(annotations ? { annotations } : {}), creationTimestamp: at },
    spec: { containers: [{ name: labels['app.kubernetes.io/name'] ?? labels.app ?? 'manager', image: 'registry.redhat.io/placeholder:latest' }] },
    status: { phase: 'Running', startTime: at, conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: at }] },
  }) as K8sObject;

/** The hub's managed clusters as they exist on it: namespaces, Hive objects, MSA objects (when used). */
export const managedFleet = (clusters: InventoryCluster[], at: number, opts: { msaValidityMs?: number; pairFor?: string[]; now?: number } = {}): K8sObject[] =>
  clusters.flatMap((c) => [
    namespaceObject(c.name, { 'cluster.open-cluster-management.io/managedCluster': c.name }),
    managedClusterObject(c, { state: 'available', at: iso(at) }),
    ...(c.origin === 'hive' ? [clusterDeploymentObject(c), ...hiveSecrets(c)] : []),
    ...(c.origin === 'imported' && opts.msaValidityMs
      ? // Tokens rotate well before they expire: the last refresh is within the first half of the validity.
        msaSetFor(c, opts.msaValidityMs, Math.max(at, (opts.now ?? at) - (hash32(c.name) % Math.floor(opts.msaValidityMs / 2))), opts.pairFor?.includes(c.name) ?? false)
      : []),
  ]);

/**
 * §1–§3 installed on this hub: namespace, ClusterVersion, MultiClusterHub, local-cluster and the
 * managed clusters, OADP (Subscription, pods, DataProtectionApplication `dpa-sample`, its
 * Available BackupStorageLocation `dpa-sample-1`). The validation policy comes last (`finishPolicies`).
 */
export const loadBase = (
  s: ScenarioCtx,
  opts: { clusters: InventoryCluster[]; installedAt: number; backupEnabledAt?: number; msaValidityMs?: number; pairFor?: string[] },
): void => {
  const at = iso(opts.installedAt);
  const joined = Math.min(opts.installedAt + DAY, s.now - 2 * HOUR);
  const { loader } = s;
  loader.add(
    namespaceObject(BACKUP_NAMESPACE, { 'openshift.io/cluster-monitoring': 'true' }),
    namespaceObject('open-cluster-management', { 'openshift.io/cluster-monitoring': 'true' }),
    namespaceObject(LOCAL_CLUSTER_NAME),
    {
      apiVersion: 'config.openshift.io/v1',
      kind: 'ClusterVersion',
      metadata: { name: 'version', creationTimestamp: iso(opts.installedAt - 30 * DAY) },
      spec: { clusterID: THIS_HUB_ID, channel: 'stable-4.19' },
      status: {
        desired: { version: '4.19.9', image: 'quay.io/openshift-release-dev/ocp-release@sha256:5f0e' },
        history: [{ state: 'Completed', version: '4.19.9', startedTime: iso(opts.installedAt - 30 * DAY), completionTime: iso(opts.installedAt - 30 * DAY + HOUR), verified: true }],
      },
    } as K8sObject,
    {
      apiVersion: 'operator.open-cluster-management.io/v1',
      kind: 'MultiClusterHub',
      metadata: { name: 'multiclusterhub', namespace: 'open-cluster-management', creationTimestamp: at },
      spec: {
        availabilityConfig: 'High',
        overrides: { components: [{ name: 'cluster-backup', enabled: true }, { name: 'console', enabled: true }, { name: 'grc', enabled: true }] },
      },
      status: { phase: 'Running', currentVersion: acmRelease(s.acmVersion), desiredVersion: acmRelease(s.acmVersion) },
    } as K8sObject,
    localClusterObject(THIS_HUB_ID, at),
    ...managedFleet(opts.clusters, joined, { msaValidityMs: opts.msaValidityMs, pairFor: opts.pairFor, now: s.now }),
  );
  loadOadp(s, opts.backupEnabledAt ?? opts.installedAt);
};

const loadOadp = (s: ScenarioCtx, installedAt: number): void => {
  const at = iso(installedAt);
  const dpa = {
    apiVersion: 'oadp.openshift.io/v1alpha1',
    kind: 'DataProtectionApplication',
    metadata: { name: DPA_NAME, namespace: BACKUP_NAMESPACE, creationTimestamp: iso(installedAt + 10 * MINUTE) },
    spec: {
      backupLocations: [
        {
          velero: {
            provider: 'aws',
            default: true,
            credential: { name: 'cloud-credentials', key: 'cloud' },
            objectStorage: { bucket: 'acm-hub-backups', prefix: 'hub-dr' },
            config: { region: 'us-east-1', profile: 'default' },
          },
        },
      ],
      configuration: { velero: { defaultPlugins: ['openshift', 'aws', 'csi'] }, nodeAgent: { enable: false, uploaderType: 'kopia' } },
    },
    status: { conditions: [{ type: 'Reconciled', status: 'True', reason: 'Complete', message: 'Reconcile complete', lastTransitionTime: iso(installedAt + 11 * MINUTE) }] },
  } as K8sObject;
  s.loader.add(dpa);
  s.loader.add(
    {
      apiVersion: 'velero.io/v1',
      kind: 'BackupStorageLocation',
      metadata: {
        name: BSL_NAME,
        namespace: BACKUP_NAMESPACE,
        creationTimestamp: iso(installedAt + 11 * MINUTE),
        labels: {
          'app.kubernetes.io/component': 'bsl',
          'app.kubernetes.io/instance': BSL_NAME,
          'app.kubernetes.io/managed-by': 'oadp-operator',
          'app.kubernetes.io/name': 'oadp-operator-velero',
          'openshift.io/oadp': 'True',
          'openshift.io/oadp-registry': 'True',
        },
        ownerReferences: [{ apiVersion: dpa.apiVersion!, kind: dpa.kind!, name: DPA_NAME, uid: dpa.metadata!.uid!, controller: true, blockOwnerDeletion: true }],
      },
      spec: {
        provider: 'aws',
        default: true,
        credential: { name: 'cloud-credentials', key: 'cloud' },
        objectStorage: { bucket: 'acm-hub-backups', prefix: 'hub-dr' },
        config: { region: 'us-east-1', profile: 'default' },
      },
      status: { phase: 'Available', lastSyncedTime: iso(s.now - 40 * SECOND), lastValidationTime: iso(s.now - 25 * SECOND) },
    } as K8sObject,
    {
      apiVersion: 'operators.coreos.com/v1alpha1',
      kind: 'Subscription',
      metadata: {
        name: 'redhat-oadp-operator',
        namespace: BACKUP_NAMESPACE,
        creationTimestamp: at,
        labels: { 'installer.name': 'multiclusterhub', 'installer.namespace': 'open-cluster-management', 'operators.coreos.com/redhat-oadp-operator.open-cluster-management-backup': '' },
      },
      spec: { channel: 'stable', installPlanApproval: 'Automatic', name: 'redhat-oadp-operator', source: 'redhat-operators', sourceNamespace: 'openshift-marketplace' },
      status: { state: 'AtLatestKnown', currentCSV: 'oadp-operator.v1.5.2', installedCSV: 'oadp-operator.v1.5.2' },
    } as K8sObject,
    {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'cloud-credentials', namespace: BACKUP_NAMESPACE, creationTimestamp: at },
      type: 'Opaque',
      data: { cloud: b64('[default]\naws_access_key_id=AKIAEXAMPLE\naws_secret_access_key=example\n') },
    } as K8sObject,
    pod('cluster-backup-chart-clusterbackup-7c9f8d6b5-kq2xw', { app: 'cluster-backup-chart', 'pod-template-hash': '7c9f8d6b5' }, at),
    pod('openshift-adp-controller-manager-6b7d9c8f4-x9zlp', { 'control-plane': 'controller-manager', 'pod-template-hash': '6b7d9c8f4' }, at, {
      repository: 'https://github.com/openshift/oadp-operator',
    }),
    pod('velero-5d8f7b9c6-p4m2n', { 'app.kubernetes.io/name': 'velero', component: 'velero', deploy: 'velero', 'pod-template-hash': '5d8f7b9c6' }, iso(installedAt + 11 * MINUTE)),
  );
  if (s.features.vmConfigTemplate) {
    const cm = (name: string, data: Record<string, string>): K8sObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: BACKUP_NAMESPACE, creationTimestamp: at }, data } as K8sObject);
    s.loader.add(
      cm('acm-dr-virt-config', { backupNS: BACKUP_NAMESPACE, credentials_name: 'cloud-credentials', dpa_name: 'dpa-vm-policy', scheduleTTL: '120h' }),
      cm('acm-dr-virt-restore-config', { clusterID_restoreName: '', clusterID_vmsUID: 'uid1 uid2', clusterID_backupName: 'backupName' }),
      cm('acm-dr-virt-schedule-cron', { hourly: '0 */1 * * *', daily_8am: '0 8 * * *', every_sunday: '0 0 * * 0' }),
    );
  }
};

// ---- BackupSchedules and backup history (§1) ----

export const backupScheduleObject = (name: string, spec: BackupSchedule['spec'], created: number): BackupSchedule => ({
  apiVersion: 'cluster.open-cluster-management.io/v1beta1',
  kind: 'BackupSchedule',
  metadata: { name, namespace: BACKUP_NAMESPACE, creationTimestamp: iso(created) },
  spec,
});

export type Outcome = Partial<{ phase: 'Completed' | 'PartiallyFailed' | 'Failed' | 'InProgress'; warnings: number; errors: number; items: number; failureReason: string }>;

export type StreamOpts = {
  hubId: string;
  schedule: BackupSchedule;
  /** First activation strictly after this instant… */
  from: number;
  /** …up to and including this one. */
  to: number;
  now: number;
  /** The operator's initial set at schedule creation (no Velero lag, one timestamp). */
  initialAt?: number;
  outcome?: (type: BackupType, setIndex: number, at: number) => Outcome | undefined;
};

/** Cron instants in (from, to]. */
export const activations = (cron: string, from: number, to: number): number[] => {
  const out: number[] = [];
  let t = nextRun(cron, from);
  while (t !== undefined && t <= to && out.length < 50_000) {
    out.push(t);
    t = nextRun(cron, t);
  }
  return out;
};

/** Backups a hub's schedule left in storage: one per type per activation, expired ones gone (§1, §8). */
export const backupStream = (o: StreamOpts): VeleroBackup[] => {
  const hub = hubProfile(o.hubId);
  const times = [...(o.initialAt !== undefined ? [o.initialAt] : []), ...activations(o.schedule.spec.veleroSchedule, o.from, o.to).map((t) => t + LAG)];
  const out: VeleroBackup[] = [];
  times.forEach((at, i) => {
    for (const type of BACKUP_TYPES) {
      const vs = veleroScheduleObject(o.schedule, type, o.hubId, at);
      const b = backupFromSchedule(vs, at);
      b.metadata!.creationTimestamp = iso(at);
      const over = o.outcome?.(type, i, at) ?? {};
      const items = over.items ?? itemsFor(type, hub);
      const ttlMs = durationOr(vs.spec?.template?.ttl, 720 * HOUR);
      if (at + ttlMs <= o.now) continue;
      const duration = Math.round(veleroDuration(type, items) * (0.9 + (hash32(nameOf(b)) % 20) / 100));
      const running = at + duration > o.now;
      const phase = over.phase ?? (running ? 'InProgress' : 'Completed');
      out.push(
        processedBackup(b, {
          phase,
          start: at,
          end: phase === 'InProgress' ? undefined : at + duration,
          items,
          ttlMs,
          warnings: over.warnings,
          errors: over.errors,
          failureReason: over.failureReason,
        }),
      );
    }
  });
  return out;
};

/** The newest backup set's instant in a stream (Velero Schedules' `status.lastBackup`). */
export const lastSetTime = (backups: VeleroBackup[]): number | undefined =>
  backups.reduce<number | undefined>((m, b) => {
    const t = timestampOfName(nameOf(b));
    return t !== undefined && (m === undefined || t > m) ? t : m;
  }, undefined);

/** A BackupSchedule with its five Velero schedules as the operator leaves them (`Enabled`, status copies). */
export const enabledSchedule = (
  s: ScenarioCtx,
  bs: BackupSchedule,
  lastBackup: number | undefined,
  opts: { phase?: string; lastMessage?: string; paused?: boolean } = {},
): { bs: BackupSchedule; schedules: K8sObject[] } => {
  const created = ms(bs.metadata?.creationTimestamp);
  s.loader.add(bs);
  const schedules = BACKUP_TYPES.map((type) => {
    const vs = veleroScheduleObject(bs, type, THIS_HUB_ID, created);
    vs.metadata!.creationTimestamp = iso(created + SECOND);
    if (opts.paused) vs.spec = { ...vs.spec, paused: true };
    vs.status = { phase: 'Enabled', ...(lastBackup !== undefined ? { lastBackup: iso(lastBackup) } : {}) };
    return vs;
  });
  s.loader.add(...schedules);
  const copy = (type: BackupType) => structuredClone(schedules[BACKUP_TYPES.indexOf(type)]);
  bs.status = {
    phase: opts.phase ?? 'Enabled',
    lastMessage: opts.lastMessage ?? 'Velero schedules are enabled',
    veleroScheduleCredentials: copy('credentials'),
    veleroScheduleManagedClusters: copy('managedClusters'),
    veleroScheduleResources: copy('resources'),
  };
  // The status copies carry the stored schedules (their uids), as the operator's deep copies do.
  s.loader.afterFlush(() => {
    const stored = s.cluster.get<BackupSchedule>(REFS.backupSchedule, BACKUP_NAMESPACE, nameOf(bs));
    if (!stored?.status) return;
    const get = (type: BackupType) => s.cluster.get(REFS.veleroSchedule, BACKUP_NAMESPACE, VELERO_SCHEDULE_NAMES[type]);
    stored.status = {
      ...stored.status,
      ...(get('credentials') ? { veleroScheduleCredentials: get('credentials') } : {}),
      ...(get('managedClusters') ? { veleroScheduleManagedClusters: get('managedClusters') } : {}),
      ...(get('resources') ? { veleroScheduleResources: get('resources') } : {}),
    } as BackupSchedule['status'];
    s.cluster.update(stored);
  });
  return { bs, schedules };
};

// ---- restores (§2) ----

export const restoreObject = (name: string, spec: Restore['spec'], created: number, annotations?: Record<string, string>): Restore => ({
  apiVersion: 'cluster.open-cluster-management.io/v1beta1',
  kind: 'Restore',
  metadata: { name, namespace: BACKUP_NAMESPACE, creationTimestamp: iso(created), ...(annotations ? { annotations } : {}) },
  spec,
});

export type RunStep = {
  type: BackupType;
  backup: VeleroBackup;
  /** When the operator created the Velero restore. */
  at: number;
  /** `In` for the activation (`-active`) restores, `NotIn` for passive ones, none otherwise. */
  activation?: 'In' | 'NotIn';
  /** Defaults to the outcome Velero gives this backup, finished by `now`. */
  phase?: 'InProgress' | 'Completed' | 'PartiallyFailed' | 'Failed';
};

/** Velero restores an ACM Restore created, with the outcome Velero gives them (§2, §8). */
export const veleroRestores = (s: ScenarioCtx, acm: Restore, steps: RunStep[]): VeleroRestore[] =>
  steps.map((st) => {
    const vr = veleroRestoreObject(acm, st.type, st.backup, s.features);
    if (st.activation) addRestoreRequirement(vr, st.activation);
    if (st.activation === 'In') vr.metadata!.name = `${vr.metadata!.name}-active`;
    vr.metadata!.creationTimestamp = iso(st.at);
    const items = st.backup.status?.progress?.totalItems ?? 0;
    const duration = restoreDuration(st.type, items);
    const phase = st.phase ?? (items === 0 ? 'PartiallyFailed' : 'Completed');
    return processedRestore(vr, {
      phase,
      start: st.at,
      end: phase === 'InProgress' ? undefined : st.at + duration,
      items,
      ...(phase === 'PartiallyFailed' ? { errors: 1 } : {}),
    });
  });

/** The "Velero restore created" events still within the event TTL. */
export const restoreEvents = (s: ScenarioCtx, acm: Restore, runs: VeleroRestore[]): K8sObject[] =>
  runs
    .map((r, i) => ({ r, at: ms(r.metadata?.creationTimestamp), i }))
    .filter(({ at }) => at > s.now - EVENT_TTL)
    .map(({ r, at, i }) => restoreCreatedEvent(s.features, acm, nameOf(r), at, i));

/** The passive data a restore of `hubId`'s credentials backup left (namespaces, Hive and MSA secrets). */
export const passiveData = (hubId: string, credsBackup: VeleroBackup, restoreName: string): K8sObject[] => {
  const start = ms(credsBackup.status?.startTimestamp);
  return passiveDataFor(
    hubProfile(hubId),
    { backup: nameOf(credsBackup), restore: restoreName },
    iso(start + 2 * durationOr(credsBackup.spec?.ttl, 720 * HOUR)),
  );
};

/** The newest Completed/PartiallyFailed backup of a type (`latest`, §2). */
export const latestOf = (backups: VeleroBackup[], type: BackupType, before = Infinity): VeleroBackup | undefined =>
  backups
    .filter((b) => typeOfBackup(b) === type && (b.status?.phase === 'Completed' || b.status?.phase === 'PartiallyFailed') && (ms(b.status?.completionTimestamp) || 0) <= before)
    .sort((a, b) => ms(b.status?.startTimestamp) - ms(a.status?.startTimestamp))[0];


// ---- passive sync history (§2) ----

export type SyncRun = { runs: VeleroRestore[]; current: Partial<Record<BackupType, string>>; lastEnabled: number };

/**
 * What a passive-sync Restore did from `created` to `until`: restore the latest backups, then on
 * each sync tick restore again when the resources or credentials backup is newer (CBO `isNewBackupAvailable`).
 */
export const syncHistory = (s: ScenarioCtx, acm: Restore, backups: VeleroBackup[], created: number, interval: number, until: number): SyncRun => {
  const runs: VeleroRestore[] = [];
  const current: Partial<Record<BackupType, string>> = {};
  let lastEnabled = created;
  const round = (t: number): number => {
    const types: BackupType[] = ['credentials', 'resources', 'resourcesGeneric'];
    const steps: RunStep[] = [];
    let at = t;
    for (const type of types) {
      const b = latestOf(backups, type, t);
      // A restore of the same backup already exists (the operator's create gets AlreadyExists).
      if (!b || current[type] === nameOf(b)) continue;
      steps.push({ type, backup: b, at, activation: type === 'resources' ? undefined : 'NotIn' });
      current[type] = nameOf(b);
      at += SECOND;
    }
    const made = veleroRestores(s, acm, steps);
    runs.push(...made);
    // Velero runs them one after another.
    return steps.reduce((end, st) => Math.max(end, st.at) + restoreDuration(st.type, st.backup.status?.progress?.totalItems ?? 0), t);
  };
  lastEnabled = round(created + 5 * SECOND);
  for (let tick = lastEnabled + interval; tick <= until; tick += interval) {
    const r = latestOf(backups, 'resources', tick);
    const c = latestOf(backups, 'credentials', tick);
    if ((r && nameOf(r) !== current.resources) || (c && nameOf(c) !== current.credentials)) {
      lastEnabled = round(tick);
      tick = lastEnabled;
    }
  }
  return { runs, current, lastEnabled };
};

export const syncSpec = (): Restore['spec'] => ({
  syncRestoreWithNewBackups: true,
  restoreSyncInterval: '10m',
  cleanupBeforeRestore: 'CleanupRestored',
  veleroManagedClustersBackupName: SKIP,
  veleroCredentialsBackupName: LATEST,
  veleroResourcesBackupName: LATEST,
});

export const statusNames = (s: ScenarioCtx, runs: VeleroRestore[], current: Partial<Record<BackupType, string>>) => {
  const nameFor = (type: BackupType) => runs.filter((r) => r.spec?.backupName === current[type]).map(nameOf).pop();
  return {
    veleroCredentialsRestoreName: nameFor('credentials'),
    veleroResourcesRestoreName: nameFor('resources'),
    ...(s.features.genericRestoreName ? { veleroGenericResourcesRestoreName: nameFor('resourcesGeneric') } : {}),
  };
};

// ---- the validation policy and its history (§3) ----

export type PastEntry = { at: number; compliant: 'Compliant' | 'NonCompliant'; message: string };

export type PolicyHints = {
  /** When the policy was placed (first evaluation). */
  placedAt: number;
  /** Explicit earlier states of a template, oldest first (before its current state). */
  past?: Record<string, PastEntry[]>;
  /** When each template reached its current state (default `placedAt` plus a minute). */
  since?: Record<string, number>;
  /** Templates not evaluated yet: `Pending` with no history (a policy placed moments ago). */
  pending?: string[];
  /** The backups in storage, to replay the hourly backup-driven history. */
  backups?: VeleroBackup[];
};

const BACKUP_TEMPLATES: Record<string, string> = {
  'acm-managed-clusters-schedule-backups-available': VELERO_SCHEDULE_NAMES.managedClusters,
  'acm-resources-schedule-backups-available': VELERO_SCHEDULE_NAMES.resources,
};

/**
 * History a template's status would show: replayed from the backups in storage for the
 * backup-driven templates, otherwise the scenario's explicit past plus the current state.
 */
const synthesizeHistory = (def: PolicyDef, template: string, current: { compliant: ComplianceState; message: string }, hints: PolicyHints, now: number, seq: { n: number }): PolicyHistoryEntry[] => {
  const t = def.templates.find((x) => x.name === template)!;
  // A past entry without a message has the template's custom message for its state.
  const entries: PastEntry[] = (hints.past?.[template] ?? []).map((e) => ({ ...e, message: e.message || complianceMessage(t, { compliant: e.compliant, message: '', related: [] }) }));
  const backups = hints.backups ?? [];
  const scheduleName = BACKUP_TEMPLATES[template];
  if (scheduleName) {
    const mine = backups.filter((b) => b.metadata?.labels?.[LABELS.veleroScheduleName] === scheduleName && b.status?.phase === 'Completed');
    const done = mine.map((b) => ms(b.status?.completionTimestamp)).filter((x) => x <= now).sort((a, b) => a - b).slice(-HISTORY_LIMIT);
    for (const at of done) {
      const names = mine.filter((b) => ms(b.status?.completionTimestamp) <= at).map(nameOf).sort();
      entries.push({ at: at + 4 * SECOND, compliant: 'Compliant', message: complianceMessage(t, { compliant: 'Compliant', message: `backups [${names.join(', ')}] found as specified in namespace ${BACKUP_NAMESPACE}`, related: [] }) });
    }
  }
  if (template === 'acm-backup-in-progress-report') {
    // Every backup run flips this template for a minute or so.
    const bySet = new Map<number, VeleroBackup[]>();
    for (const b of backups) {
      if (!b.metadata?.labels?.[LABELS.veleroScheduleName]) continue;
      const ts = timestampOfName(nameOf(b));
      if (ts !== undefined && b.metadata?.labels?.[LABELS.backupCluster] === THIS_HUB_ID) bySet.set(ts, [...(bySet.get(ts) ?? []), b]);
    }
    const sets = [...bySet.entries()].sort(([a], [b]) => a - b).slice(-6);
    for (const [ts, set] of sets) {
      const names = set.map(nameOf).sort();
      entries.push({ at: ts + 2 * SECOND, compliant: 'NonCompliant', message: complianceMessage(t, { compliant: 'NonCompliant', message: `backups [${names.join(', ')}] found in namespace ${BACKUP_NAMESPACE}`, related: [] }) });
      const end = Math.max(...set.map((b) => ms(b.status?.completionTimestamp) || 0));
      if (end > 0 && end <= now) entries.push({ at: end + 2 * SECOND, compliant: 'Compliant', message: complianceMessage(t, { compliant: 'Compliant', message: '', related: [] }) });
    }
  }
  const last = entries.sort((a, b) => a.at - b.at)[entries.length - 1];
  if (!last || last.message !== current.message || last.compliant !== current.compliant) {
    const at = Math.min(now - 20 * SECOND, Math.max(hints.since?.[template] ?? hints.placedAt + MINUTE, (last?.at ?? 0) + SECOND));
    entries.push({ at, compliant: current.compliant as 'Compliant' | 'NonCompliant', message: current.message });
  }
  // Consecutive identical reports collapse into one entry, as the status sync does.
  const collapsed = entries.filter((e, i) => i === 0 || e.message !== entries[i - 1].message || e.compliant !== entries[i - 1].compliant);
  return collapsed
    .slice(-HISTORY_LIMIT)
    .reverse()
    .map((e) => historyEntry(def, e.message, e.at, seq.n++));
};

/**
 * Places the validation policies (root, replicated, ConfigurationPolicies, PolicySet binding)
 * with a status evaluated against what the scenario stored. Call after everything else is flushed.
 */
export const finishPolicies = (s: ScenarioCtx, hints: PolicyHints): void => {
  const defs = validationPolicies(s.features);
  const seq = { n: 0 };
  s.loader.add(...placementObjects(defs).map((o) => ({ ...o, metadata: { ...o.metadata, creationTimestamp: iso(hints.placedAt) } })));
  for (const def of defs) {
    const results = evaluatePolicy(s.cluster, def);
    const root = rootPolicyObject(def);
    root.metadata!.creationTimestamp = iso(hints.placedAt);
    const replicated = replicatedPolicyObject(def);
    replicated.metadata!.creationTimestamp = iso(hints.placedAt + 5 * SECOND);
    const details = def.templates.map((t) => {
      if (hints.pending?.includes(t.name)) return { compliant: 'Pending' as ComplianceState, history: [], templateMeta: { creationTimestamp: null, name: t.name } };
      const e = results.get(t.name)!;
      const history = synthesizeHistory(def, t.name, { compliant: e.compliant, message: complianceMessage(t, e) }, hints, s.now, seq);
      return { compliant: e.compliant as ComplianceState, history, templateMeta: { creationTimestamp: null, name: t.name } };
    });
    const compliant = overallCompliance(details.map((d) => d.compliant!));
    root.status = rootStatus(compliant);
    replicated.status = { compliant, details } as Policy['status'];
    s.loader.add(root, replicated);
    for (const t of def.templates) {
      const e = hints.pending?.includes(t.name) ? undefined : results.get(t.name);
      const detail = details.find((d) => d.templateMeta.name === t.name)!;
      const cp = configurationPolicyObject(t, replicated, e, detail.history[0]?.lastTimestamp ?? iso(hints.placedAt));
      cp.metadata!.ownerReferences = [{ apiVersion: replicated.apiVersion!, kind: replicated.kind!, name: nameOf(replicated), uid: replicated.metadata!.uid ?? '' }];
      s.loader.add(cp);
      for (const h of detail.history) if (ms(h.lastTimestamp) > s.now - EVENT_TTL) s.loader.add(complianceEvent(replicated, t.name, h));
    }
  }
};

