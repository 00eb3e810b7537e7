/**
 * Builders for the objects the operator, Velero and OADP write, shared by the scenarios (which
 * seed history) and the emulated controllers (which add to it), so both produce the same shapes:
 * names and labels of §1, Velero restore naming and options of §2, event spellings of §2.
 */
import { BACKUP_NAMESPACE, LABELS, LOCAL_CLUSTER_NAME, VELERO_SCHEDULE_NAMES } from '../../../src/k8s/names';
import type { BackupType } from '../../../src/k8s/names';
import type { BackupSchedule, KubeEvent, LabelSelector, Restore, VeleroBackup, VeleroRestore, VeleroSchedule } from '../../../src/k8s/types';
import { cronInterval } from './cron';
import { ownerRef } from './runtime';
import { formatGoDuration, iso, microTime, MINUTE, parseGoDuration, veleroTimestamp } from './time';
import type { Features } from './version';

/** The storage location OADP creates from DataProtectionApplication `dpa-sample` (`<dpa>-<n>`). */
export const DPA_NAME = 'dpa-sample';
export const BSL_NAME = `${DPA_NAME}-1`;

/** Velero's default `ttl` (720h) in its serialized form. */
export const DEFAULT_TTL_MS = 720 * 60 * MINUTE;

/** Kubernetes version of the simulated hub (OpenShift 4.19), as Velero records it on backups. */
const KUBE = { gitVersion: 'v1.32.7', major: '1', minor: '32' };

/** §1: the operator creates the schedules in this order (sorted, then resources swapped last). */
export const SCHEDULE_CREATION_ORDER: readonly BackupType[] = ['credentials', 'managedClusters', 'resourcesGeneric', 'resources', 'validation'];

export const typeOfScheduleName = (name: string): BackupType | undefined =>
  (Object.keys(VELERO_SCHEDULE_NAMES) as BackupType[]).find((t) => VELERO_SCHEDULE_NAMES[t] === name);

/** The backup type of a Velero backup: its schedule-name label, else its name prefix. */
export const typeOfBackup = (b: VeleroBackup): BackupType | undefined => {
  const byLabel = typeOfScheduleName(b.metadata?.labels?.[LABELS.veleroScheduleName] ?? '');
  if (byLabel) return byLabel;
  const name = b.metadata?.name ?? '';
  // Longest prefix first: `acm-resources-generic-schedule` also starts with `acm-resources-`.
  return (Object.keys(VELERO_SCHEDULE_NAMES) as BackupType[])
    .sort((a, c) => VELERO_SCHEDULE_NAMES[c].length - VELERO_SCHEDULE_NAMES[a].length)
    .find((t) => name.startsWith(`${VELERO_SCHEDULE_NAMES[t]}-`));
};

const ACTIVATION_KINDS = [
  'managedcluster.cluster.open-cluster-management.io',
  'klusterletaddonconfig.agent.open-cluster-management.io',
  'managedclusteraddon.addon.open-cluster-management.io',
  'managedclusterset.cluster.open-cluster-management.io',
  'managedclustersetbinding.cluster.open-cluster-management.io',
  'clusterdeployment.hive.openshift.io',
  'machinepool.hive.openshift.io',
  'clusterpool.hive.openshift.io',
  'clusterclaim.hive.openshift.io',
  'clustercurator.cluster.open-cluster-management.io',
  'clustersync.hiveinternal.openshift.io',
  'imagecontentsourcepolicy.operator.openshift.io',
];

const RESOURCE_KINDS = [
  'placement.cluster.open-cluster-management.io',
  'placementdecision.cluster.open-cluster-management.io',
  'policy.policy.open-cluster-management.io',
  'placementbinding.policy.open-cluster-management.io',
  'policyset.policy.open-cluster-management.io',
  'policyautomation.policy.open-cluster-management.io',
  'channel.apps.open-cluster-management.io',
  'subscription.apps.open-cluster-management.io',
  'placementrule.apps.open-cluster-management.io',
  'gitopscluster.apps.open-cluster-management.io',
  'application.app.k8s.io',
  'applicationset.argoproj.io',
  'appproject.argoproj.io',
  'argocd.argoproj.io',
  'multiclusterobservability.observability.open-cluster-management.io',
  'discoveryconfig.discovery.open-cluster-management.io',
  'clusterimageset.hive.openshift.io',
  'hiveconfig.hive.openshift.io',
];

const exists = (key: string): LabelSelector['matchExpressions'] => [{ key, operator: 'Exists' }];

/** The backup template of each Velero schedule (CBO `setCredsBackupInfo`, `setManagedClustersBackupInfo`, ...). */
export const scheduleTemplate = (type: BackupType, bs: BackupSchedule, from?: number): NonNullable<VeleroSchedule['spec']>['template'] & Record<string, unknown> => {
  const ns = bs.metadata?.namespace ?? BACKUP_NAMESPACE;
  const base: Record<string, unknown> = {};
  switch (type) {
    case 'credentials':
      Object.assign(base, {
        includedResources: ['secret', 'configmap'],
        includeClusterResources: false,
        orLabelSelectors: [
          { matchExpressions: exists('cluster.open-cluster-management.io/type') },
          { matchExpressions: exists('hive.openshift.io/secret-type') },
          { matchExpressions: exists(LABELS.backup) },
        ],
        excludedNamespaces: [LOCAL_CLUSTER_NAME],
      });
      break;
    case 'managedClusters':
      Object.assign(base, {
        includedResources: ACTIVATION_KINDS,
        excludedNamespaces: [LOCAL_CLUSTER_NAME],
        includeClusterResources: true,
      });
      break;
    case 'resources':
      Object.assign(base, {
        includedResources: RESOURCE_KINDS,
        excludedNamespaces: [LOCAL_CLUSTER_NAME],
        includeClusterResources: true,
        labelSelector: {
          matchExpressions: [
            { key: 'policy.open-cluster-management.io/root-policy', operator: 'DoesNotExist' },
            { key: LABELS.backup, operator: 'DoesNotExist' },
          ],
        },
      });
      break;
    case 'resourcesGeneric':
      Object.assign(base, {
        excludedResources: ['secret', 'configmap', 'managedcluster.cluster.open-cluster-management.io', ...RESOURCE_KINDS.slice(0, 4)],
        includeClusterResources: true,
        labelSelector: { matchExpressions: exists(LABELS.backup) },
      });
      break;
    case 'validation':
      Object.assign(base, {
        includedNamespaces: [ns],
        includedResources: ['backupschedule.cluster.open-cluster-management.io'],
        ttl: validationTtl(bs, from),
      });
      break;
  }
  if (type !== 'validation' && bs.spec.veleroTtl) base.ttl = normalizedTtl(bs.spec.veleroTtl);
  if (bs.spec.volumeSnapshotLocations?.length) base.volumeSnapshotLocations = bs.spec.volumeSnapshotLocations;
  return base;
};

/** A `metav1.Duration` as Go serializes it (`120h` → `120h0m0s`); invalid strings pass through. */
export const normalizedTtl = (ttl: string): string => {
  try {
    return formatGoDuration(parseGoDuration(ttl));
  } catch {
    return ttl;
  }
};

/** §1: the validation schedule's TTL is one cron interval plus 5 minutes (`getValidationBackupTTL`). */
export const validationTtl = (bs: BackupSchedule, from: number = Date.now()): string => {
  const interval = cronInterval(bs.spec.veleroSchedule, from);
  return formatGoDuration((interval ?? 60 * MINUTE) + 5 * MINUTE);
};

/** §1: one Velero Schedule of a BackupSchedule, with the operator's labels and controller reference. */
export const veleroScheduleObject = (bs: BackupSchedule, type: BackupType, hubId: string, from?: number): VeleroSchedule => {
  const template = scheduleTemplate(type, bs, from);
  return {
    apiVersion: 'velero.io/v1',
    kind: 'Schedule',
    metadata: {
      name: VELERO_SCHEDULE_NAMES[type],
      namespace: bs.metadata?.namespace ?? BACKUP_NAMESPACE,
      labels: {
        [LABELS.scheduleName]: bs.metadata?.name ?? '',
        [LABELS.scheduleType]: type,
        [LABELS.backupCluster]: hubId,
      },
      ownerReferences: [ownerRef(bs)],
    },
    spec: {
      schedule: bs.spec.veleroSchedule,
      template,
      ...(bs.spec.useOwnerReferencesInBackup ? { useOwnerReferencesInBackup: true } : {}),
      ...(bs.spec.skipImmediately ? { skipImmediately: true } : {}),
    },
  };
};

/** Velero's defaults for a backup spec (OADP sets no fs-backup default). */
export const withBackupDefaults = (spec: VeleroBackup['spec'] & Record<string, unknown>): VeleroBackup['spec'] & Record<string, unknown> => ({
  csiSnapshotTimeout: '10m0s',
  defaultVolumesToFsBackup: false,
  hooks: {},
  itemOperationTimeout: '4h0m0s',
  metadata: {},
  snapshotMoveData: false,
  storageLocation: BSL_NAME,
  ...spec,
  ttl: spec.ttl ?? formatGoDuration(DEFAULT_TTL_MS),
});

export const VELERO_BACKUP_ANNOTATIONS: Record<string, string> = {
  'velero.io/resource-timeout': '10m0s',
  'velero.io/source-cluster-k8s-gitversion': KUBE.gitVersion,
  'velero.io/source-cluster-k8s-major-version': KUBE.major,
  'velero.io/source-cluster-k8s-minor-version': KUBE.minor,
};

/** §1: a backup as Velero (or the operator's initial backup) creates it from a schedule: `<schedule>-<YYYYMMDDHHMMSS>`, the schedule's labels plus `velero.io/schedule-name`. */
export const backupFromSchedule = (schedule: VeleroSchedule, at: number): VeleroBackup => ({
  apiVersion: 'velero.io/v1',
  kind: 'Backup',
  metadata: {
    name: `${schedule.metadata?.name}-${veleroTimestamp(at)}`,
    namespace: schedule.metadata?.namespace,
    labels: { ...(schedule.metadata?.labels ?? {}), [LABELS.veleroScheduleName]: schedule.metadata?.name ?? '' },
    ...(schedule.spec?.useOwnerReferencesInBackup ? { ownerReferences: [ownerRef(schedule)] } : {}),
  },
  spec: { ...(schedule.spec?.template ?? {}) },
});

export type BackupOutcome = {
  phase: 'InProgress' | 'Completed' | 'PartiallyFailed' | 'Failed';
  start: number;
  end?: number;
  items: number;
  ttlMs: number;
  warnings?: number;
  errors?: number;
  failureReason?: string;
};

/** A backup in the state Velero leaves it: defaults filled, storage-location label, status. */
export const processedBackup = (b: VeleroBackup, o: BackupOutcome): VeleroBackup => {
  const done = o.phase !== 'InProgress';
  return {
    ...b,
    metadata: {
      ...b.metadata,
      labels: { ...(b.metadata?.labels ?? {}), 'velero.io/storage-location': BSL_NAME },
      annotations: { ...VELERO_BACKUP_ANNOTATIONS, ...(b.metadata?.annotations ?? {}) },
    },
    spec: withBackupDefaults({ ...(b.spec ?? {}), ttl: formatGoDuration(o.ttlMs) }),
    status: {
      phase: o.phase,
      version: 1,
      formatVersion: '1.1.0',
      startTimestamp: iso(o.start),
      expiration: iso(o.start + o.ttlMs),
      ...(done && o.end !== undefined ? { completionTimestamp: iso(o.end) } : {}),
      progress: { totalItems: o.items, itemsBackedUp: done ? o.items : Math.floor(o.items / 3) },
      ...(o.warnings ? { warnings: o.warnings } : {}),
      ...(o.errors ? { errors: o.errors } : {}),
      ...(o.failureReason ? { failureReason: o.failureReason } : {}),
      hookStatus: {},
    } as NonNullable<VeleroBackup['status']>,
  };
};

// ---- restores (§2) ----

/** §2: `<acm-restore-name>-<velero-backup-name>`, truncated to 252 characters. */
export const veleroRestoreName = (restoreName: string, backupName: string): string => `${restoreName}-${backupName}`.slice(0, 252);

/** Kinds every Velero restore excludes; 2.11+ adds cluster RBAC and admission webhooks (security backport). */
export const restoreExcludedResources = (features: Features): string[] =>
  features.hooksWarning
    ? ['CustomResourceDefinition', 'ClusterRole', 'ClusterRoleBinding', 'MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration', 'ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding']
    : ['CustomResourceDefinition'];

/** §2: a Velero Restore for one backup type, owned by the ACM Restore, with the operator's options. */
export const veleroRestoreObject = (acm: Restore, type: BackupType, backup: VeleroBackup, features: Features, name = veleroRestoreName(acm.metadata?.name ?? '', backup.metadata?.name ?? '')): VeleroRestore & { spec: Record<string, unknown> } => {
  const s = acm.spec;
  const spec: Record<string, unknown> = {
    backupName: backup.metadata?.name,
    existingResourcePolicy: 'update',
    excludedResources: [...restoreExcludedResources(features), ...(s.excludedResources ?? [])],
    ...(type !== 'credentials' ? { includeClusterResources: true } : {}),
    ...(s.excludedNamespaces?.length ? { excludedNamespaces: [...s.excludedNamespaces] } : {}),
    ...(s.includedNamespaces?.length ? { includedNamespaces: [...s.includedNamespaces] } : {}),
    ...(s.includedResources?.length ? { includedResources: [...s.includedResources] } : {}),
    ...(s.labelSelector ? { labelSelector: structuredClone(s.labelSelector) } : {}),
    ...(s.orLabelSelectors?.length ? { orLabelSelectors: structuredClone(s.orLabelSelectors) } : {}),
    ...(s.namespaceMapping ? { namespaceMapping: { ...s.namespaceMapping } } : {}),
    ...(s.restorePVs !== undefined ? { restorePVs: s.restorePVs } : {}),
    ...(s.restoreStatus ? { restoreStatus: structuredClone(s.restoreStatus) } : {}),
    ...(s.preserveNodePorts !== undefined ? { preserveNodePorts: s.preserveNodePorts } : {}),
    // Before 2.11 hooks were passed through; since then they are dropped (§2).
    ...(!features.hooksWarning && s.hooks ? { hooks: structuredClone(s.hooks) } : {}),
    itemOperationTimeout: '4h0m0s',
  };
  const cluster = backup.metadata?.labels?.[LABELS.backupCluster];
  return {
    apiVersion: 'velero.io/v1',
    kind: 'Restore',
    metadata: {
      name,
      namespace: acm.metadata?.namespace,
      ...(cluster ? { labels: { [LABELS.backupCluster]: cluster } } : {}),
      ownerReferences: [ownerRef(acm)],
    },
    spec,
  };
};

const ACTIVATION_VALUE = 'cluster-activation';

/** CBO `addRestoreLabelSelector`: AND a requirement into the user's selectors (or make a selector of it). */
export const addRestoreRequirement = (vr: { spec: Record<string, unknown> }, operator: 'In' | 'NotIn'): void => {
  const req = { key: LABELS.backup, operator, values: [ACTIVATION_VALUE] };
  const or = vr.spec.orLabelSelectors as LabelSelector[] | undefined;
  const add = (sel: LabelSelector) => {
    sel.matchExpressions ??= [];
    if (!sel.matchExpressions.some((r) => r.key === req.key)) sel.matchExpressions.push({ ...req, values: [...req.values] });
  };
  if (or && or.length > 0) or.forEach(add);
  else {
    const sel = (vr.spec.labelSelector as LabelSelector | undefined) ?? {};
    add(sel);
    vr.spec.labelSelector = sel;
  }
};

export type RestoreOutcome = { phase: 'InProgress' | 'Completed' | 'PartiallyFailed' | 'Failed' | 'FailedValidation'; start: number; end?: number; items: number; warnings?: number; errors?: number; validationErrors?: string[]; failureReason?: string };

export const processedRestore = <T extends VeleroRestore>(r: T, o: RestoreOutcome): T => {
  const done = o.phase !== 'InProgress';
  return {
    ...r,
    status: {
      phase: o.phase,
      ...(o.phase !== 'FailedValidation' ? { startTimestamp: iso(o.start) } : {}),
      ...(done && o.end !== undefined ? { completionTimestamp: iso(o.end) } : {}),
      ...(o.phase !== 'FailedValidation' ? { progress: { totalItems: o.items, itemsRestored: done ? (o.phase === 'PartiallyFailed' && o.items === 0 ? 0 : o.items) : Math.floor(o.items / 2) } } : {}),
      ...(o.warnings ? { warnings: o.warnings } : {}),
      ...(o.errors ? { errors: o.errors } : {}),
      ...(o.validationErrors ? { validationErrors: o.validationErrors } : {}),
      ...(o.failureReason ? { failureReason: o.failureReason } : {}),
      ...(done && o.phase !== 'FailedValidation' ? { hookStatus: {} } : {}),
    },
  };
};

// ---- events (§2) ----

/** The operator pod, as it appears in events.k8s.io `reportingInstance`. */
const OPERATOR_POD = 'cluster-backup-chart-clusterbackup-7c9f8d6b5-kq2xw';

const involved = (restore: Restore) => ({
  apiVersion: restore.apiVersion,
  kind: restore.kind,
  name: restore.metadata?.name,
  namespace: restore.metadata?.namespace,
  uid: restore.metadata?.uid,
  ...(restore.metadata?.resourceVersion ? { resourceVersion: restore.metadata.resourceVersion } : {}),
});

/** Event names as client-go makes them: `<object>.<unix nanoseconds in hex>`. */
export const eventName = (objectName: string, at: number, seq = 0): string =>
  `${objectName}.${(BigInt(Math.floor(at)) * 1_000_000n + BigInt(seq % 1_000_000)).toString(16)}`;

type RestoreEventText = {
  type: 'Normal' | 'Warning';
  /** events.k8s.io/v1 reason, action and note (`main`/5.x). */
  v1: { reason: string; action: string; note: string };
  /** core/v1 reason and message (2.8–2.17). */
  core: { reason: string; message: string };
};

/** §2: an event about a Restore, shaped like the operator of that ACM release records it. */
const restoreEvent = (features: Features, restore: Restore, at: number, seq: number, text: RestoreEventText): KubeEvent & Record<string, unknown> => {
  const name = eventName(restore.metadata?.name ?? 'restore', at, seq);
  if (features.eventsV1) {
    return {
      apiVersion: 'events.k8s.io/v1',
      kind: 'Event',
      metadata: { name, namespace: restore.metadata?.namespace },
      eventTime: microTime(at),
      reportingController: 'restore-controller',
      reportingInstance: `restore-controller-${OPERATOR_POD}`,
      ...text.v1,
      regarding: involved(restore),
      type: text.type,
    };
  }
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name, namespace: restore.metadata?.namespace },
    involvedObject: involved(restore),
    ...text.core,
    source: { component: 'Restore controller' },
    firstTimestamp: iso(at),
    lastTimestamp: iso(at),
    count: 1,
    type: text.type,
    reportingComponent: 'Restore controller',
    reportingInstance: '',
  };
};

/** §2: the "Velero restore created" event, in the spelling of the ACM release. */
export const restoreCreatedEvent = (features: Features, restore: Restore, veleroRestore: string, at: number, seq = 0): KubeEvent & Record<string, unknown> =>
  restoreEvent(features, restore, at, seq, {
    type: 'Normal',
    v1: { reason: 'VeleroRestoreCreated', action: 'CreateRestore', note: `Velero restore created: ${veleroRestore}` },
    core: { reason: 'Velero restore created:', message: veleroRestore },
  });

export const HOOKS_NOTE =
  'spec.hooks is specified but is not propagated to the underlying Velero restore for security reasons. Restore hooks are not supported; remove spec.hooks from the Restore resource.';

/** §2: the Warning emitted when `spec.hooks` is set (2.11+). */
export const hooksWarningEvent = (features: Features, restore: Restore, at: number): KubeEvent & Record<string, unknown> =>
  restoreEvent(features, restore, at, 999_999, {
    type: 'Warning',
    v1: { reason: 'RestoreHooksNotSupported', action: 'RestoreHooksNotSupported', note: HOOKS_NOTE },
    core: { reason: 'RestoreHooksNotSupported', message: HOOKS_NOTE },
  });

// ---- the activation record (§2) ----

export const restoreClustersRecord = (ns: string, restoreName: string, thisHub: string, sourceHub: string | undefined, mcBackup: string, at: number): VeleroBackup => ({
  apiVersion: 'velero.io/v1',
  kind: 'Backup',
  metadata: {
    name: `acm-restore-clusters-${veleroTimestamp(at)}`,
    namespace: ns,
    labels: {
      ...(sourceHub ? { [LABELS.backupCluster]: sourceHub } : {}),
      [LABELS.acmHubDr]: 'true',
      [LABELS.acmRestoreName]: restoreName,
      [VELERO_SCHEDULE_NAMES.managedClusters]: mcBackup,
      [LABELS.restoreCluster]: thisHub,
    },
  },
  spec: { includedNamespaces: [ns], includedResources: ['Restore'] },
});
