import { msg, type Message } from '../k8s/message';
import { ANNOTATIONS, BACKUP_NAMESPACE, LATEST, SKIP } from '../k8s/names';
import type { CleanupType, LabelSelector, Restore, RestoreSpec } from '../k8s/types';
import { setAnnotationsOps, type JsonPatchOp } from './patch';
import { normalizeBackupName, validateNamespaceName, validateOperatorResourceName } from './resourceNames';
import { validateRestoreSpec, type RestoreOperation, type Severity } from './restoreRules';

export const RESTORE_API_VERSION = 'cluster.open-cluster-management.io/v1beta1';

export type RestorePreset = 'passive' | 'passiveSync' | 'activation' | 'full' | 'managedClustersOnly' | 'byBackupName' | 'custom';

export const RESTORE_PRESET_IDS: readonly RestorePreset[] = [
  'passive',
  'passiveSync',
  'activation',
  'full',
  'managedClustersOnly',
  'byBackupName',
  'custom',
];

export type RestorePresetDefinition = {
  title: Message;
  description: Message;
  /** Start of the default Restore name, before the timestamp. */
  namePrefix: string;
  veleroManagedClustersBackupName: string;
  veleroCredentialsBackupName: string;
  veleroResourcesBackupName: string;
  cleanupBeforeRestore: CleanupType;
  syncRestoreWithNewBackups: boolean;
  /** Only with sync; empty means the operator's default (30m). */
  restoreSyncInterval: string;
  /**
   * The operator sample (path under `samples/cluster-backup-operator/`) whose spec this preset
   * produces, and the spec fields of that sample the preset leaves to the user (filters).
   */
  sample?: { file: string; userFields?: (keyof RestoreSpec)[] };
};

/**
 * The starting points the restore form offers, each the spec of one of the operator's own samples.
 *
 * - `managedClustersOnly` is `usecases/move-clusters/move-managed-clusters-step2.yaml`, the step
 *   that moves managed clusters onto a hub that already has the hub data: creds and resources
 *   `skip`, managed clusters `latest`, cleanup `None`. The sample's `includedResources` and
 *   `orLabelSelectors` pick particular clusters; they are the user's choice, so the preset
 *   starts without them and the form's filters add them. Cleanup stays `None` as in the sample:
 *   that hub manages other clusters, and CleanupRestored would remove what an earlier restore
 *   brought. (`activation` differs only in cleanup: it finishes a passive restore of this hub.)
 * - `byBackupName` is `cluster_v1beta1_restore.yaml` with chosen Velero backups instead of
 *   `latest`, so its names start empty and the user must pick them.
 * - `custom` starts from the full restore and lets every field be edited.
 */
export const RESTORE_PRESETS: Readonly<Record<RestorePreset, RestorePresetDefinition>> = {
  passive: {
    title: msg('Passive restore'),
    description: msg('Restore hub data (credentials and resources) once, without managed clusters: this hub stays passive and the clusters stay connected to the primary hub.'),
    namePrefix: 'restore-acm-passive',
    veleroManagedClustersBackupName: SKIP,
    veleroCredentialsBackupName: LATEST,
    veleroResourcesBackupName: LATEST,
    cleanupBeforeRestore: 'CleanupRestored',
    syncRestoreWithNewBackups: false,
    restoreSyncInterval: '',
    sample: { file: 'cluster_v1beta1_restore_passive.yaml' },
  },
  passiveSync: {
    title: msg('Passive restore, kept in sync'),
    description: msg('Restore hub data without managed clusters and keep restoring each new backup, so this hub is ready to take over. Activate it later to move the managed clusters here.'),
    namePrefix: 'restore-acm-passive-sync',
    veleroManagedClustersBackupName: SKIP,
    veleroCredentialsBackupName: LATEST,
    veleroResourcesBackupName: LATEST,
    cleanupBeforeRestore: 'CleanupRestored',
    syncRestoreWithNewBackups: true,
    restoreSyncInterval: '10m',
    sample: { file: 'cluster_v1beta1_restore_passive_sync.yaml' },
  },
  activation: {
    title: msg('Activate managed clusters'),
    description: msg('Restore only the managed-cluster activation data after a passive restore: the managed clusters reconnect to this hub and it becomes the primary hub.'),
    namePrefix: 'restore-acm-passive-activate',
    veleroManagedClustersBackupName: LATEST,
    veleroCredentialsBackupName: SKIP,
    veleroResourcesBackupName: SKIP,
    cleanupBeforeRestore: 'CleanupRestored',
    syncRestoreWithNewBackups: false,
    restoreSyncInterval: '',
    sample: { file: 'cluster_v1beta1_restore_passive_activate.yaml' },
  },
  full: {
    title: msg('Full restore'),
    description: msg('Restore everything from the latest backups, managed clusters included: this hub becomes the primary hub.'),
    namePrefix: 'restore-acm',
    veleroManagedClustersBackupName: LATEST,
    veleroCredentialsBackupName: LATEST,
    veleroResourcesBackupName: LATEST,
    cleanupBeforeRestore: 'CleanupRestored',
    syncRestoreWithNewBackups: false,
    restoreSyncInterval: '',
    sample: { file: 'cluster_v1beta1_restore.yaml' },
  },
  managedClustersOnly: {
    title: msg('Move managed clusters'),
    description: msg('Restore only managed-cluster activation data onto a hub that already has the hub data, without cleaning anything up. Add filters to move only some clusters.'),
    namePrefix: 'restore-acm-managed-clusters',
    veleroManagedClustersBackupName: LATEST,
    veleroCredentialsBackupName: SKIP,
    veleroResourcesBackupName: SKIP,
    cleanupBeforeRestore: 'None',
    syncRestoreWithNewBackups: false,
    restoreSyncInterval: '',
    sample: {
      file: 'usecases/move-clusters/move-managed-clusters-step2.yaml',
      userFields: ['includedResources', 'orLabelSelectors'],
    },
  },
  byBackupName: {
    title: msg('Restore specific backups'),
    description: msg('Restore everything from backups you choose by name instead of the latest ones, for example to go back to a known good point.'),
    namePrefix: 'restore-acm-from-backups',
    veleroManagedClustersBackupName: '',
    veleroCredentialsBackupName: '',
    veleroResourcesBackupName: '',
    cleanupBeforeRestore: 'CleanupRestored',
    syncRestoreWithNewBackups: false,
    restoreSyncInterval: '',
    sample: { file: 'cluster_v1beta1_restore.yaml' },
  },
  custom: {
    title: msg('Custom restore'),
    description: msg('Set every option yourself, including the filters that restore only part of a backup.'),
    namePrefix: 'restore-acm-custom',
    veleroManagedClustersBackupName: LATEST,
    veleroCredentialsBackupName: LATEST,
    veleroResourcesBackupName: LATEST,
    cleanupBeforeRestore: 'CleanupRestored',
    syncRestoreWithNewBackups: false,
    restoreSyncInterval: '',
  },
};

export type RestoreFormInput = {
  name: string;
  namespace?: string;
  preset: RestorePreset;
  /** Each: `latest`, `skip` or a Velero Backup name. */
  veleroManagedClustersBackupName: string;
  veleroCredentialsBackupName: string;
  veleroResourcesBackupName: string;
  cleanupBeforeRestore: CleanupType;
  syncRestoreWithNewBackups: boolean;
  restoreSyncInterval?: string;
  restorePVs?: boolean;
  preserveNodePorts?: boolean;
  restoreStatus?: { includedResources?: string[]; excludedResources?: string[] };
  /** Velero filters, ACM 2.12+. */
  includedNamespaces?: string[];
  includedResources?: string[];
  excludedNamespaces?: string[];
  excludedResources?: string[];
  labelSelector?: LabelSelector;
  orLabelSelectors?: LabelSelector[];
  namespaceMapping?: Record<string, string>;
  /** The user typed the confirmation CleanupAll asks for. */
  cleanupAllConfirmed?: boolean;
  annotations?: Record<string, string>;
};

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * e.g. `restore-acm-passive-sync-20261125t1903`. A Restore runs once and a new one is needed
 * for every attempt (§2), so names carry the time (UTC, like Velero's backup timestamps), in
 * lowercase so the name is a valid object name.
 */
export const defaultRestoreName = (preset: RestorePreset, now: Date): string =>
  `${RESTORE_PRESETS[preset].namePrefix}-${now.getUTCFullYear()}${pad(now.getUTCMonth() + 1)}${pad(now.getUTCDate())}t${pad(
    now.getUTCHours(),
  )}${pad(now.getUTCMinutes())}`;

/** The form's starting values for a preset; `overrides` keep what the user already entered. */
export const presetInput = (preset: RestorePreset, overrides: Partial<RestoreFormInput> = {}, now: Date = new Date()): RestoreFormInput => {
  const p = RESTORE_PRESETS[preset];
  return {
    name: defaultRestoreName(preset, now),
    namespace: BACKUP_NAMESPACE,
    veleroManagedClustersBackupName: p.veleroManagedClustersBackupName,
    veleroCredentialsBackupName: p.veleroCredentialsBackupName,
    veleroResourcesBackupName: p.veleroResourcesBackupName,
    cleanupBeforeRestore: p.cleanupBeforeRestore,
    syncRestoreWithNewBackups: p.syncRestoreWithNewBackups,
    restoreSyncInterval: p.restoreSyncInterval,
    ...overrides,
    preset,
  };
};

const cleanList = (list: string[] | undefined): string[] | undefined => {
  const items = (list ?? []).map((s) => s.trim()).filter(Boolean);
  return items.length > 0 ? items : undefined;
};

const cleanSelector = (selector: LabelSelector | undefined): LabelSelector | undefined => {
  if (!selector) return undefined;
  const out: LabelSelector = {};
  const labels = Object.entries(selector.matchLabels ?? {})
    .map(([k, v]) => [k.trim(), v.trim()] as const)
    .filter(([k]) => k);
  if (labels.length > 0) out.matchLabels = Object.fromEntries(labels);
  const exprs = (selector.matchExpressions ?? [])
    .filter((e) => e.key.trim())
    .map((e) => {
      const values = cleanList(e.values);
      return { key: e.key.trim(), operator: e.operator, ...(values ? { values } : {}) };
    });
  if (exprs.length > 0) out.matchExpressions = exprs;
  return out.matchLabels || out.matchExpressions ? out : undefined;
};

/** The spec from the form, trimmed, keeping the sync interval even without sync so validation can see it. */
const specFromInput = (input: RestoreFormInput): RestoreSpec => {
  const spec = {} as RestoreSpec;
  if (input.syncRestoreWithNewBackups) spec.syncRestoreWithNewBackups = true;
  const interval = input.restoreSyncInterval?.trim();
  if (interval) spec.restoreSyncInterval = interval;
  spec.cleanupBeforeRestore = input.cleanupBeforeRestore;
  spec.veleroManagedClustersBackupName = normalizeBackupName(input.veleroManagedClustersBackupName ?? '');
  spec.veleroCredentialsBackupName = normalizeBackupName(input.veleroCredentialsBackupName ?? '');
  spec.veleroResourcesBackupName = normalizeBackupName(input.veleroResourcesBackupName ?? '');
  if (input.restorePVs !== undefined) spec.restorePVs = input.restorePVs;
  if (input.preserveNodePorts !== undefined) spec.preserveNodePorts = input.preserveNodePorts;
  const statusIncluded = cleanList(input.restoreStatus?.includedResources);
  const statusExcluded = cleanList(input.restoreStatus?.excludedResources);
  if (statusIncluded || statusExcluded) {
    spec.restoreStatus = {
      ...(statusIncluded ? { includedResources: statusIncluded } : {}),
      ...(statusExcluded ? { excludedResources: statusExcluded } : {}),
    };
  }
  const lists = ['includedNamespaces', 'includedResources', 'excludedNamespaces', 'excludedResources'] as const;
  for (const key of lists) {
    const list = cleanList(input[key]);
    if (list) spec[key] = list;
  }
  const selector = cleanSelector(input.labelSelector);
  if (selector) spec.labelSelector = selector;
  const orSelectors = (input.orLabelSelectors ?? []).map(cleanSelector).filter((s): s is LabelSelector => s !== undefined);
  if (orSelectors.length > 0) spec.orLabelSelectors = orSelectors;
  const mapping = Object.entries(input.namespaceMapping ?? {})
    .map(([k, v]) => [k.trim(), v.trim()] as const)
    .filter(([k, v]) => k && v);
  if (mapping.length > 0) spec.namespaceMapping = Object.fromEntries(mapping);
  return spec;
};

/**
 * The Restore to create. Only fields the user set are written. The operator lower-cases and
 * trims the backup names anyway (§2); doing it here makes the preview show what it will read.
 */
export const buildRestore = (input: RestoreFormInput): Restore => {
  const spec = specFromInput(input);
  // restoreSyncInterval means nothing without sync; leaving it out keeps the manifest honest.
  if (!spec.syncRestoreWithNewBackups) delete spec.restoreSyncInterval;
  const annotations: Record<string, string> = {};
  for (const [k, v] of Object.entries(input.annotations ?? {})) {
    if (k.trim()) annotations[k.trim()] = v;
  }
  // On main/5.x the operator refuses CleanupAll without this annotation (§2); older ones ignore it.
  if (input.cleanupBeforeRestore === 'CleanupAll' && input.cleanupAllConfirmed) {
    annotations[ANNOTATIONS.cleanupAllConfirmed] = 'true';
  }
  return {
    apiVersion: RESTORE_API_VERSION,
    kind: 'Restore',
    metadata: {
      name: input.name.trim(),
      namespace: input.namespace?.trim() || BACKUP_NAMESPACE,
      ...(Object.keys(annotations).length > 0 ? { annotations } : {}),
    },
    spec,
  };
};

export type RestoreFormIssue = { field: keyof RestoreFormInput | 'form'; message: Message; severity: Severity };

/**
 * Everything the form should show: name and namespace, the spec rules, and the CleanupAll
 * confirmation. Fields are the form's (spec paths are mapped to the input that holds them).
 */
export const validateRestoreForm = (input: RestoreFormInput, operation: RestoreOperation = 'create'): RestoreFormIssue[] => {
  const issues: RestoreFormIssue[] = [];
  const name = validateOperatorResourceName(input.name ?? '');
  if (name) issues.push({ field: 'name', message: name, severity: 'error' });
  if (input.namespace?.trim()) {
    const ns = validateNamespaceName(input.namespace);
    if (ns) issues.push({ field: 'namespace', message: ns, severity: 'error' });
  }
  for (const issue of validateRestoreSpec(specFromInput(input), { operation })) {
    const key = issue.field === 'spec' ? 'form' : (issue.field.replace(/^spec\./, '').split(/[.[]/)[0] as keyof RestoreFormInput);
    issues.push({ field: key, message: issue.message, severity: issue.severity });
  }
  if (input.cleanupBeforeRestore === 'CleanupAll' && !input.cleanupAllConfirmed) {
    issues.push({
      field: 'cleanupAllConfirmed',
      severity: 'error',
      message: msg('Confirm CleanupAll before creating the restore: it deletes hub resources that are not in the backup, and current operators refuse it unconfirmed.'),
    });
  }
  return issues;
};

/** The value the action annotation records for an activation. */
export const ACTIVATION_ACTION = 'activate-managed-clusters';

/**
 * Activate a passive-sync Restore: set managed clusters to `latest` (§2 "Activating a
 * passive-sync restore"). The `test` on `skip` makes a second click, or an activation already
 * done by someone else, fail (422) instead of being applied twice. There is deliberately no test
 * on resourceVersion: the operator updates a syncing Restore's status all the time.
 */
export const activateSyncRestoreOps = (
  restore: Restore,
  audit: { reason?: string; user?: string; time?: string } = {},
): JsonPatchOp[] => {
  const path = '/spec/veleroManagedClustersBackupName';
  const annotations: Record<string, string> = { [ANNOTATIONS.action]: ACTIVATION_ACTION };
  if (audit.reason?.trim()) annotations[ANNOTATIONS.actionReason] = audit.reason.trim();
  if (audit.user) annotations[ANNOTATIONS.actionUser] = audit.user;
  if (audit.time) annotations[ANNOTATIONS.actionTime] = audit.time;
  return [
    { op: 'test', path, value: SKIP },
    { op: 'replace', path, value: LATEST },
    ...setAnnotationsOps(restore.metadata?.annotations, annotations),
  ];
};
