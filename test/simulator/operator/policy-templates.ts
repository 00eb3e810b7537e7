/**
 * §3: the ConfigurationPolicy templates of the MultiClusterHub-installed `backup-restore-enabled`
 * policy (and, before 2.16, `backup-restore-auto-import`), and how each one evaluates against the
 * hub. Custom messages are the chart's; default messages follow the config-policy-controller's
 * wording. Evaluation reads the cluster, so scenarios and the emulation share one truth.
 */
import { BACKUP_NAMESPACE, LABELS, LOCAL_CLUSTER_NAME, MSA_ACCOUNT_NAMES, VELERO_SCHEDULE_NAMES } from '../../../src/k8s/names';
import type { BackupSchedule, BackupStorageLocation, ClusterVersion, K8sObject, ManagedServiceAccount, Restore, VeleroBackup } from '../../../src/k8s/types';
import type { Cluster, KindRef } from '../cluster';
import { REFS } from './refs';
import { labelsOf, nameOf, nsOf, safeList } from './runtime';
import type { Features } from './version';

export type Evaluation = {
  compliant: 'Compliant' | 'NonCompliant';
  /** The text after `<Compliance>; <notification|violation> - `. */
  message: string;
  related: { ref: KindRef; name: string; namespace?: string; found: boolean }[];
};

export type TemplateDef = {
  name: string;
  severity: 'high' | 'medium' | 'low';
  remediationAction: 'inform' | 'enforce';
  /** The ConfigurationPolicy spec as the chart writes it (abridged object templates). */
  spec: Record<string, unknown>;
  customMessage?: { compliant?: string; noncompliant?: string };
  evaluate(c: Cluster): Evaluation;
};

const NS = BACKUP_NAMESPACE;

// The chart's block scalars, with line-end spaces trimmed.
const text = (lines: string[]): string => lines.map((l) => l.trimEnd()).join('\n');

const found = (plural: string, names: string[], ns: string) => `${plural} [${names.join(', ')}] found as specified in namespace ${ns}`;
const noInstances = (plural: string, ns: string) => `No instances of \`${plural}\` found as specified in namespace ${ns}`;
const foundViolation = (plural: string, names: string[], ns: string) => `${plural} [${names.join(', ')}] found in namespace ${ns}`;
const namedMissing = (plural: string, names: string[], ns: string) => `${plural} [${names.join(', ')}] not found in namespace ${ns}`;

const objTemplate = (complianceType: 'musthave' | 'mustnothave', objectDefinition: Record<string, unknown>) => ({ complianceType, objectDefinition });

const rel = (ref: KindRef, objs: K8sObject[], isFound: boolean) => objs.map((o) => ({ ref, name: nameOf(o), namespace: nsOf(o), found: isFound }));

/** Result of a `musthave` template over the objects that match it. */
const mustHave = (ref: KindRef, plural: string, matches: K8sObject[], ns = NS): Evaluation =>
  matches.length > 0
    ? { compliant: 'Compliant', message: found(plural, matches.map(nameOf).sort(), ns), related: rel(ref, matches, true) }
    : { compliant: 'NonCompliant', message: noInstances(plural, ns), related: [] };

/** Result of a `mustnothave` template over the objects that match it. */
const mustNotHave = (ref: KindRef, plural: string, matches: K8sObject[], ns = NS): Evaluation =>
  matches.length === 0
    ? { compliant: 'Compliant', message: noInstances(plural, ns), related: [] }
    : { compliant: 'NonCompliant', message: foundViolation(plural, matches.map(nameOf).sort(), ns), related: rel(ref, matches, true) };

const podsRunning = (c: Cluster, match: (p: K8sObject) => boolean): K8sObject[] =>
  safeList(c, REFS.pod, NS).filter((p) => match(p) && (p as { status?: { phase?: string } }).status?.phase === 'Running');

const backupsBy = (c: Cluster, schedule: string, phase?: string): VeleroBackup[] =>
  safeList<VeleroBackup>(c, REFS.veleroBackup, NS, { [LABELS.veleroScheduleName]: schedule }).filter((b) => !phase || b.status?.phase === phase);

/** OADP channel the chart expects: `stable` on OpenShift 4.19+ (or unknown), else `stable-1.4`. */
const expectedOadpChannel = (c: Cluster): string => {
  const cv = safeList<ClusterVersion & { status?: { history?: { version?: string }[] } }>(c, REFS.clusterVersion)[0];
  const history = cv?.status?.history ?? [];
  const ocp = history.length > 0 ? (history[history.length - 1].version ?? '') : '';
  return ocp === '' || ocp.startsWith('4.19') || ocp.startsWith('4.2') ? 'stable' : 'stable-1.4';
};

const oadpSubscriptions = (c: Cluster, ns?: string) =>
  safeList<K8sObject & { spec?: { name?: string; channel?: string } }>(c, REFS.subscription, ns).filter((s) => s.spec?.name === 'redhat-oadp-operator');

const clusterNamespacesWithMsa = (c: Cluster): string[] =>
  [...new Set(safeList<ManagedServiceAccount>(c, REFS.msa).filter((m) => MSA_ACCOUNT_NAMES.includes(nameOf(m))).map((m) => nsOf(m) ?? ''))]
    .filter((ns) => ns !== LOCAL_CLUSTER_NAME)
    .sort();

// ---- the templates ----

const clusterBackupEnabled: TemplateDef = {
  name: 'acm-cluster-backup-enabled',
  severity: 'high',
  remediationAction: 'inform',
  spec: {
    'object-templates': [
      objTemplate('musthave', {
        apiVersion: 'operator.open-cluster-management.io/v1',
        kind: 'MultiClusterHub',
        spec: { overrides: { components: [{ name: 'cluster-backup', enabled: true }] } },
      }),
    ],
  },
  evaluate(c) {
    const mchs = safeList<K8sObject & { spec?: { overrides?: { components?: { name: string; enabled: boolean }[] } } }>(c, REFS.multiClusterHub);
    const ok = mchs.filter((m) => m.spec?.overrides?.components?.some((x) => x.name === 'cluster-backup' && x.enabled));
    const ns = nsOf(mchs[0]) ?? 'open-cluster-management';
    if (ok.length > 0) return mustHave(REFS.multiClusterHub, 'multiclusterhubs', ok, ns);
    return {
      compliant: 'NonCompliant',
      message: mchs.length ? `multiclusterhubs [${mchs.map(nameOf).join(', ')}] found but not as specified in namespace ${ns}` : noInstances('multiclusterhubs', ns),
      related: rel(REFS.multiClusterHub, mchs, true),
    };
  },
};

const autoImportBackupLabel: TemplateDef = {
  name: 'auto-import-backup-label',
  severity: 'medium',
  remediationAction: 'enforce',
  spec: { 'object-templates-raw': '{{- /* every auto-import-account* Secret outside the local cluster namespace gets the msa backup label */ -}}' },
  evaluate(c) {
    const secrets = safeList(c, REFS.secret, undefined, { 'authentication.open-cluster-management.io/is-managed-serviceaccount': 'true' }).filter(
      (s) => MSA_ACCOUNT_NAMES.includes(nameOf(s)) && nsOf(s) !== LOCAL_CLUSTER_NAME,
    );
    if (secrets.length === 0) return { compliant: 'Compliant', message: noInstances('secrets', LOCAL_CLUSTER_NAME), related: [] };
    // Enforced: the label is added where missing, so the template reports the secrets as found.
    const byNs = new Map<string, string[]>();
    for (const s of secrets) byNs.set(nsOf(s) ?? '', [...(byNs.get(nsOf(s) ?? '') ?? []), nameOf(s)]);
    const message = [...byNs.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([ns, names]) => found('secrets', names.sort(), ns))
      .join('; ');
    return { compliant: 'Compliant', message, related: rel(REFS.secret, secrets, true) };
  },
};

const autoImportAccountSecret: TemplateDef = {
  name: 'auto-import-account-secret',
  severity: 'medium',
  remediationAction: 'inform',
  spec: { 'object-templates-raw': '{{- /* each auto-import-account* ManagedServiceAccount has its token Secret */ -}}' },
  evaluate(c) {
    const namespaces = clusterNamespacesWithMsa(c);
    if (namespaces.length === 0) return { compliant: 'Compliant', message: noInstances('secrets', LOCAL_CLUSTER_NAME), related: [] };
    const parts: string[] = [];
    const related: Evaluation['related'] = [];
    let ok = true;
    for (const ns of namespaces) {
      const accounts = safeList<ManagedServiceAccount>(c, REFS.msa, ns).filter((m) => MSA_ACCOUNT_NAMES.includes(nameOf(m)));
      const secrets = new Set(safeList(c, REFS.secret, ns).map(nameOf));
      const missing = accounts.filter((m) => !secrets.has(nameOf(m))).map(nameOf);
      const present = accounts.filter((m) => secrets.has(nameOf(m))).map(nameOf);
      if (missing.length) {
        ok = false;
        parts.push(namedMissing('secrets', missing.sort(), ns));
      } else parts.push(found('secrets', present.sort(), ns));
      for (const n of present) related.push({ ref: REFS.secret, name: n, namespace: ns, found: true });
      for (const n of missing) related.push({ ref: REFS.secret, name: n, namespace: ns, found: false });
    }
    return { compliant: ok ? 'Compliant' : 'NonCompliant', message: parts.join('; '), related };
  },
};

const VM_CONFIGMAPS = ['acm-dr-virt-config', 'acm-dr-virt-restore-config', 'acm-dr-virt-schedule-cron'];

const vmConfigSetup: TemplateDef = {
  name: 'vm-config-setup',
  severity: 'high',
  remediationAction: 'enforce',
  spec: {
    'object-templates': VM_CONFIGMAPS.map((name) => objTemplate('musthave', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: NS } })),
  },
  // Enforced: missing ConfigMaps are created, so the template settles compliant.
  evaluate: () => ({
    compliant: 'Compliant',
    message: VM_CONFIGMAPS.map((n) => found('configmaps', [n], NS)).join('; '),
    related: VM_CONFIGMAPS.map((n) => ({ ref: REFS.configMap, name: n, namespace: NS, found: true })),
  }),
};

const podTemplate = (name: string, match: (p: K8sObject) => boolean, definition: Record<string, unknown>, noncompliant: string): TemplateDef => ({
  name,
  severity: 'high',
  remediationAction: 'inform',
  spec: { 'object-templates': [objTemplate('musthave', { apiVersion: 'v1', kind: 'Pod', ...definition, status: { phase: 'Running' } })] },
  customMessage: { noncompliant },
  evaluate: (c) => mustHave(REFS.pod, 'pods', podsRunning(c, match)),
});

const backupPodRunning = podTemplate(
  'acm-backup-pod-running',
  (p) => labelsOf(p).app === 'cluster-backup-chart',
  { metadata: { labels: { app: 'cluster-backup-chart' }, namespace: NS } },
  'The cluster-backup-chart-clusterbackup pod is either not running in the open-cluster-management-backup namespace or there is an error.',
);

const oadpPodRunning = podTemplate(
  'oadp-pod-running',
  (p) => p.metadata?.annotations?.repository === 'https://github.com/openshift/oadp-operator',
  { metadata: { annotations: { repository: 'https://github.com/openshift/oadp-operator' }, namespace: NS } },
  text([
    'The openshift-adp-controller-manager pod is either not running in the open-cluster-management-backup namespace or there is an error. ',
    'If the openshift-adp-controller-manager pod is not running in the open-cluster-management-backup namespace, check the ',
    'multiclusterhub-operator pod for errors related to the OADP operator installation.',
  ]),
);

const veleroPodRunning = podTemplate(
  'velero-pod-running',
  (p) => labelsOf(p)['app.kubernetes.io/name'] === 'velero',
  { metadata: { labels: { 'app.kubernetes.io/name': 'velero' }, namespace: NS } },
  text([
    'The velero pod is either not running in the open-cluster-management-backup namespace or there is an error. ',
    'Velero is installed by the oadp.openshift.io.DataProtectionApplication resource, so if the pod is not running,',
    'verify that you have a valid oadp.openshift.io.DataProtectionApplication resource in the open-cluster-management-backup namespace.',
  ]),
);

const dpaAvailable: TemplateDef = {
  name: 'data-protection-application-available',
  severity: 'high',
  remediationAction: 'inform',
  spec: { 'object-templates': [objTemplate('musthave', { apiVersion: 'oadp.openshift.io/v1alpha1', kind: 'DataProtectionApplication', metadata: { namespace: NS } })] },
  customMessage: {
    compliant: 'The oadp.openshift.io.DataProtectionApplication resource exists in the open-cluster-management-backup namespace.',
    noncompliant: text([
      'The oadp.openshift.io.DataProtectionApplication resource does not exist in the open-cluster-management-backup namespace. ',
      'You must create this resource to connect to the backup storage location.',
    ]),
  },
  evaluate: (c) => mustHave(REFS.dpa, 'dataprotectionapplications', safeList(c, REFS.dpa, NS)),
};

const bslAvailable: TemplateDef = {
  name: 'backup-storage-location-available',
  severity: 'high',
  remediationAction: 'inform',
  spec: {
    'object-templates': [objTemplate('musthave', { apiVersion: 'velero.io/v1', kind: 'BackupStorageLocation', metadata: { namespace: NS }, status: { phase: 'Available' } })],
  },
  customMessage: {
    compliant: 'The velero.io.BackupStorageLocation resource exists in the open-cluster-management-backup namespace and the phase is Available.',
    noncompliant: text([
      'The velero.io.BackupStorageLocation resource with a phase Available does not exist in the open-cluster-management-backup namespace. ',
      'This resource is created by the oadp.openshift.io.DataProtectionApplication resource, so verify that you have ',
      'a DataProtectionApplication resource in the open-cluster-management-backup namespace that has valid content.',
    ]),
  },
  evaluate: (c) => mustHave(REFS.bsl, 'backupstoragelocations', safeList<BackupStorageLocation>(c, REFS.bsl, NS).filter((b) => b.status?.phase === 'Available')),
};

const cronEnabled: TemplateDef = {
  name: 'backup-schedule-cron-enabled',
  severity: 'high',
  remediationAction: 'inform',
  spec: {
    'object-templates': [
      objTemplate('musthave', { apiVersion: 'velero.io/v1', kind: 'Backup', metadata: { labels: { [LABELS.veleroScheduleName]: VELERO_SCHEDULE_NAMES.validation }, namespace: NS } }),
    ],
  },
  customMessage: {
    compliant: 'The BackupSchedule resource is active and generating hub cluster backups at the specified storage location.',
    noncompliant: text([
      'There is no backup schedule actively running and generating hub cluster backups at the specified storage location.',
      'Verify that you have a hub cluster connected to the specified storage location, with a BackupSchedule resource active and generating hub cluster backup.',
    ]),
  },
  evaluate: (c) => mustHave(REFS.veleroBackup, 'backups', backupsBy(c, VELERO_SCHEDULE_NAMES.validation)),
};

const backupsAvailable = (name: string, schedule: string): TemplateDef => ({
  name,
  severity: 'high',
  remediationAction: 'inform',
  spec: {
    'object-templates': [
      objTemplate('musthave', { apiVersion: 'velero.io/v1', kind: 'Backup', metadata: { namespace: NS, labels: { [LABELS.veleroScheduleName]: schedule } }, status: { phase: 'Completed' } }),
    ],
  },
  evaluate: (c) => mustHave(REFS.veleroBackup, 'backups', backupsBy(c, schedule, 'Completed')),
});

const inProgressReport: TemplateDef = {
  name: 'acm-backup-in-progress-report',
  severity: 'medium',
  remediationAction: 'inform',
  spec: { 'object-templates': [objTemplate('mustnothave', { apiVersion: 'velero.io/v1', kind: 'Backup', metadata: { namespace: NS }, status: { phase: 'InProgress' } })] },
  customMessage: { compliant: 'The Backup resource with an InProgress status does not exist. This template is useful to identify incomplete backups.' },
  evaluate: (c) => mustNotHave(REFS.veleroBackup, 'backups', safeList<VeleroBackup>(c, REFS.veleroBackup, NS).filter((b) => b.status?.phase === 'InProgress')),
};

const collisionReport: TemplateDef = {
  name: 'acm-backup-clusters-collision-report',
  severity: 'high',
  remediationAction: 'inform',
  spec: {
    'object-templates': [
      objTemplate('mustnothave', { apiVersion: 'cluster.open-cluster-management.io/v1beta1', kind: 'BackupSchedule', metadata: { namespace: NS }, status: { phase: 'BackupCollision' } }),
    ],
  },
  customMessage: { compliant: 'The BackupSchedule resource with a BackupCollision status does not exist.' },
  evaluate: (c) => mustNotHave(REFS.backupSchedule, 'backupschedules', safeList<BackupSchedule>(c, REFS.backupSchedule, NS).filter((s) => s.status?.phase === 'BackupCollision')),
};

const phaseValidation: TemplateDef = {
  name: 'acm-backup-phase-validation',
  severity: 'high',
  remediationAction: 'inform',
  spec: {
    'object-templates': [
      ...['FailedValidation', 'Failed', ''].map((phase) =>
        objTemplate('mustnothave', { apiVersion: 'cluster.open-cluster-management.io/v1beta1', kind: 'BackupSchedule', metadata: { namespace: NS }, status: { phase } }),
      ),
      ...['', 'Error'].map((phase) => objTemplate('mustnothave', { apiVersion: 'cluster.open-cluster-management.io/v1beta1', kind: 'Restore', metadata: { namespace: NS }, status: { phase } })),
    ],
  },
  customMessage: {
    compliant: text([
      'The BackupSchedule resource with a status of Failed, FailedValidation or empty value does not exist.',
      'The cluster.open-cluster-management.io.Restore resource with a status of Error or empty value also does not exist.',
    ]),
  },
  evaluate(c) {
    const schedules = safeList<BackupSchedule>(c, REFS.backupSchedule, NS).filter((s) => ['FailedValidation', 'Failed', ''].includes(s.status?.phase ?? ''));
    const restores = safeList<Restore>(c, REFS.restore, NS).filter((r) => ['', 'Error'].includes(r.status?.phase ?? ''));
    if (schedules.length === 0 && restores.length === 0) return { compliant: 'Compliant', message: noInstances('backupschedules', NS), related: [] };
    const parts = [
      ...(schedules.length ? [foundViolation('backupschedules', schedules.map(nameOf).sort(), NS)] : []),
      ...(restores.length ? [foundViolation('restores', restores.map(nameOf).sort(), NS)] : []),
    ];
    return { compliant: 'NonCompliant', message: parts.join('; '), related: [...rel(REFS.backupSchedule, schedules, true), ...rel(REFS.restore, restores, true)] };
  },
};

const oadpOperatorExists: TemplateDef = {
  name: 'oadp-operator-exists',
  severity: 'high',
  remediationAction: 'inform',
  spec: {
    'object-templates': [
      objTemplate('musthave', { apiVersion: 'operators.coreos.com/v1alpha1', kind: 'Subscription', metadata: { namespace: NS }, spec: { name: 'redhat-oadp-operator' } }),
    ],
  },
  customMessage: {
    noncompliant: text([
      'The redhat-oadp-operator subscription does not exist in the open-cluster-management-backup namespace.',
      'If this hub cluster does not have the AWS Security Token Service (STS) option enabled,',
      'OADP is installed by the MultiClusterHub resource when the cluster-backup option is set to true.',
      'Check the multiclusterhub-operator pod for errors related to the OADP operator installation. ',
      'For hub clusters where the STS option is enabled, you must manually install the OADP operator.',
    ]),
  },
  evaluate: (c) => mustHave(REFS.subscription, 'subscriptions', oadpSubscriptions(c, NS)),
};

const oadpChannelValidation: TemplateDef = {
  name: 'oadp-channel-validation',
  severity: 'high',
  remediationAction: 'inform',
  spec: { 'object-templates-raw': '{{- /* redhat-oadp-operator Subscription channel >= the chart default */ -}}' },
  customMessage: {
    compliant: text([
      'The redhat-oadp-operator subscription installation does not exist in the open-cluster-management-backup namespace, ',
      'or the installed version matches or exceeds the supported version set by the backup and restore operator Helm chart.',
    ]),
    noncompliant:
      'The version of the redhat-oadp-operator operator installed in the open-cluster-management-backup namespace is lower than the supported version set by the backup and restore operator Helm chart.',
  },
  evaluate(c) {
    const expected = expectedOadpChannel(c);
    const low = oadpSubscriptions(c, NS).filter((s) => (s.spec?.channel ?? '') < expected);
    return low.length
      ? { compliant: 'NonCompliant', message: namedMissing('subscriptions', low.map(nameOf), NS), related: rel(REFS.subscription, low, true) }
      : { compliant: 'Compliant', message: '', related: [] };
  },
};

const customOadpChannelValidation: TemplateDef = {
  name: 'custom-oadp-channel-validation',
  severity: 'high',
  remediationAction: 'inform',
  spec: { 'object-templates-raw': '{{- /* redhat-oadp-operator Subscriptions elsewhere use the backup namespace channel */ -}}' },
  customMessage: {
    compliant: text([
      'There is no redhat-oadp-operator subscription installed in a namespace other than the open-cluster-management-backup namespace,',
      'or a redhat-oadp-operator subscription is installed and matches the version of the redhat-oadp-operator subscription installed within the open-cluster-management-backup namespace.',
    ]),
    noncompliant: text([
      'There is a version of redhat-oadp-operator subscription installed in a namespace other than the open-cluster-management-backup namespace',
      "and this version doesn't match the version set by the backup and restore operator Helm chart.",
      "Alternatively, the version doesn't match the version of the redhat-oadp-operator subscription that is installed within the open-cluster-management-backup namespace.",
    ]),
  },
  evaluate(c) {
    const mine = oadpSubscriptions(c, NS)[0]?.spec?.channel;
    const others = mine ? oadpSubscriptions(c).filter((s) => nsOf(s) !== NS && s.spec?.channel !== mine) : [];
    return others.length
      ? { compliant: 'NonCompliant', message: '', related: rel(REFS.subscription, others, true) }
      : { compliant: 'Compliant', message: '', related: [] };
  },
};

export type PolicyDef = { name: string; templates: TemplateDef[] };

/** The validation policies a release installs (§3): one since 2.16, two before. */
export const validationPolicies = (features: Features): PolicyDef[] => {
  const autoImport = [autoImportBackupLabel, autoImportAccountSecret];
  const main: TemplateDef[] = [
    ...(features.clusterBackupEnabledTemplate ? [clusterBackupEnabled] : []),
    ...(features.mergedAutoImportPolicy ? autoImport : []),
    ...(features.vmConfigTemplate ? [vmConfigSetup] : []),
    backupPodRunning,
    oadpPodRunning,
    veleroPodRunning,
    dpaAvailable,
    bslAvailable,
    cronEnabled,
    backupsAvailable('acm-managed-clusters-schedule-backups-available', VELERO_SCHEDULE_NAMES.managedClusters),
    backupsAvailable('acm-resources-schedule-backups-available', VELERO_SCHEDULE_NAMES.resources),
    inProgressReport,
    collisionReport,
    phaseValidation,
    oadpOperatorExists,
    oadpChannelValidation,
    customOadpChannelValidation,
  ];
  return [
    { name: 'backup-restore-enabled', templates: main },
    ...(features.mergedAutoImportPolicy ? [] : [{ name: 'backup-restore-auto-import', templates: autoImport }]),
  ];
};

/** The history/status text for an evaluation: custom message when the chart has one, else the default. */
export const complianceMessage = (t: TemplateDef, e: Evaluation): string => {
  const custom = e.compliant === 'Compliant' ? t.customMessage?.compliant : t.customMessage?.noncompliant;
  const body = custom ?? e.message;
  return `${e.compliant}; ${e.compliant === 'Compliant' ? 'notification' : 'violation'} - ${body}`;
};
