import { msg, type Message } from '../k8s/message';
import { AUTO_IMPORT_POLICY_NAME, VALIDATION_POLICY_NAME } from '../k8s/names';
import type { ConfigurationPolicy, Policy } from '../k8s/types';
import { parseTime } from './restoreObjects';

export type TemplateCompliance = 'Compliant' | 'NonCompliant' | 'Pending' | 'Unknown';

export type TemplateInfo = {
  /** What the template checks, in the admin's words. */
  title: Message;
  /** What to do when it is not compliant. */
  remedy: Message;
  /** The severity the chart gives it, used when the policy does not say. */
  severity: 'high' | 'medium';
  /** The ACM release that introduced it, when newer than the policy itself. */
  since?: string;
  /** The policy that carried it up to 2.15 (§3). */
  policy?: 'backup-restore-auto-import';
};

/**
 * Every template of the validation policies (§3), in the chart's order. Templates that exist
 * only in newer releases (`since`) are listed here but shown only when a policy reports them.
 */
export const TEMPLATE_INFO: Readonly<Record<string, TemplateInfo>> = {
  'acm-cluster-backup-enabled': {
    title: msg('The cluster-backup component is enabled in the MultiClusterHub'),
    remedy: msg('Enable the cluster-backup component in the MultiClusterHub (spec.overrides.components: name cluster-backup, enabled: true).'),
    severity: 'high',
    since: '2.16',
  },
  'auto-import-backup-label': {
    title: msg('Auto-import tokens of imported clusters are included in backups'),
    remedy: msg(
      'The policy labels the auto-import token Secrets itself. If it stays non-compliant, check that the policy controller may update Secrets in the managed cluster namespaces.',
    ),
    severity: 'medium',
    policy: 'backup-restore-auto-import',
  },
  'auto-import-account-secret': {
    title: msg('Each auto-import ManagedServiceAccount has its token Secret'),
    remedy: msg(
      'A token is created only while the cluster is connected: check that the managed-serviceaccount add-on is available on the clusters listed in the message and that they are reachable.',
    ),
    severity: 'medium',
    policy: 'backup-restore-auto-import',
  },
  'vm-config-setup': {
    title: msg('The virtual machine DR ConfigMaps exist'),
    remedy: msg(
      'The policy creates the ConfigMaps acm-dr-virt-config, acm-dr-virt-restore-config and acm-dr-virt-schedule-cron itself. If it stays non-compliant, check the policy controller\'s permissions in the backup namespace.',
    ),
    severity: 'high',
    since: '2.13',
  },
  'acm-backup-pod-running': {
    title: msg('The cluster backup operator pod is running'),
    remedy: msg(
      'Check the cluster-backup pod in open-cluster-management-backup (events and logs), and that the cluster-backup component is enabled in the MultiClusterHub.',
    ),
    severity: 'high',
  },
  'oadp-pod-running': {
    title: msg('The OADP operator pod is running'),
    remedy: msg('Check the OADP operator pod in open-cluster-management-backup (events and logs) and the status of its Subscription and ClusterServiceVersion.'),
    severity: 'high',
  },
  'velero-pod-running': {
    title: msg('The Velero pod is running'),
    remedy: msg('Velero runs only when a DataProtectionApplication exists: create or fix it, then check the velero pod\'s events and logs.'),
    severity: 'high',
  },
  'data-protection-application-available': {
    title: msg('A DataProtectionApplication exists'),
    remedy: msg('Create a DataProtectionApplication in open-cluster-management-backup that points at your object storage bucket and its credentials.'),
    severity: 'high',
  },
  'backup-storage-location-available': {
    title: msg('The backup storage location is available'),
    remedy: msg('Check the BackupStorageLocation\'s credentials and bucket; its status message says what failed.'),
    severity: 'high',
  },
  'backup-schedule-cron-enabled': {
    title: msg('Backups are running on schedule (heartbeat backup present)'),
    remedy: msg(
      'No recent heartbeat backup from acm-validation-policy-schedule: the primary hub has no running BackupSchedule. Create or resume it; a new schedule reports compliant after its first run.',
    ),
    severity: 'high',
  },
  'acm-managed-clusters-schedule-backups-available': {
    title: msg('A completed managed clusters backup exists'),
    remedy: msg('Check that the BackupSchedule is Enabled, then read the errors of the latest acm-managed-clusters-schedule backups.'),
    severity: 'high',
  },
  'acm-resources-schedule-backups-available': {
    title: msg('A completed hub resources backup exists'),
    remedy: msg('Check that the BackupSchedule is Enabled, then read the errors of the latest acm-resources-schedule backups.'),
    severity: 'high',
  },
  'acm-backup-in-progress-report': {
    title: msg('No backup is stuck in progress'),
    remedy: msg(
      'A backup is InProgress. That is normal while a backup runs; if it lasts, the velero pod may have restarted and the backup cannot resume: delete it.',
    ),
    severity: 'medium',
  },
  'acm-backup-clusters-collision-report': {
    title: msg('No other hub writes to the same storage location (no backup collision)'),
    remedy: msg(
      'Decide which hub is the primary, delete or pause the BackupSchedule on the other hub, then delete this hub\'s BackupSchedule and recreate it.',
    ),
    severity: 'high',
  },
  'acm-backup-phase-validation': {
    title: msg('No BackupSchedule or Restore has failed'),
    remedy: msg('Open the BackupSchedule in FailedValidation or Failed, or the Restore in Error, and read its status message.'),
    severity: 'high',
  },
  'oadp-operator-exists': {
    title: msg('The OADP operator is installed'),
    remedy: msg('Install the OADP operator (Subscription redhat-oadp-operator) in open-cluster-management-backup; enabling cluster-backup normally installs it.'),
    severity: 'high',
  },
  'oadp-channel-validation': {
    title: msg('The OADP operator is on the channel this ACM release expects'),
    remedy: msg('Update the redhat-oadp-operator Subscription to the channel named in the message.'),
    severity: 'high',
  },
  'custom-oadp-channel-validation': {
    title: msg('OADP installed in other namespaces uses the same channel'),
    remedy: msg('Align the channel of the OADP Subscriptions in other namespaces with the one in open-cluster-management-backup.'),
    severity: 'high',
  },
};

const TEMPLATE_ORDER = Object.keys(TEMPLATE_INFO);

export const templateInfo = (name: string): TemplateInfo & { known: boolean } => {
  const info = TEMPLATE_INFO[name];
  if (info) return { ...info, known: true };
  return {
    title: msg('{{name}}', { name }),
    remedy: msg('Read the template\'s latest message and the ConfigurationPolicy {{name}} in the hub\'s cluster namespace.', { name }),
    severity: 'medium',
    known: false,
  };
};

export type HistoryEntry = { time?: Date; compliance?: TemplateCompliance; kind?: string; text: string };

export type TemplateHealth = {
  name: string;
  title: Message;
  severity?: string;
  compliance: TemplateCompliance;
  latestMessage?: string;
  history: HistoryEntry[];
  remedy: Message;
  known: boolean;
  /** Which policy reported it (the auto-import templates lived in their own policy up to 2.15). */
  policy: string;
};

export type PolicyState = 'compliant' | 'noncompliant' | 'pending' | 'missing' | 'unknown';

export type PolicyHealth = {
  state: PolicyState;
  missingReason?: Message;
  templates: TemplateHealth[];
};

/** What the MultiClusterHub says, for explaining a missing policy. */
export type MultiClusterHubLike = {
  spec?: {
    disableHubSelfManagement?: boolean;
    overrides?: { components?: { name: string; enabled?: boolean }[] };
  };
};

const toCompliance = (v: string | undefined): TemplateCompliance =>
  v === 'Compliant' || v === 'NonCompliant' || v === 'Pending' ? v : 'Unknown';

const HISTORY_FORM = /^\s*(Compliant|NonCompliant|Pending)\s*;\s*(?:(notification|violation)\s+-\s+)?([\s\S]*)$/;

/** `<Compliant|NonCompliant>; <notification|violation> - <text>` (§3); anything else is kept as text. */
export const parseHistoryMessage = (message: string | undefined): { compliance?: TemplateCompliance; kind?: string; text: string } => {
  const m = HISTORY_FORM.exec(message ?? '');
  if (!m) return { text: (message ?? '').trim() };
  return { compliance: toCompliance(m[1]), kind: m[2], text: m[3].trim() };
};

type Source = {
  policyName: string;
  compliance?: TemplateCompliance;
  history: HistoryEntry[];
  severity?: string;
};

const templatesFromSpec = (policy: Policy | undefined): Map<string, string | undefined> => {
  const out = new Map<string, string | undefined>();
  for (const t of policy?.spec?.['policy-templates'] ?? []) {
    const name = t.objectDefinition?.metadata?.name;
    if (name) out.set(name, (t.objectDefinition.spec as { severity?: string } | undefined)?.severity);
  }
  return out;
};

/** Template names and severities from the policy's spec, status from its replicated copy. */
const addPolicy = (policyName: string, root: Policy | undefined, replicated: Policy | undefined, into: Map<string, Source>): void => {
  const severities = new Map([...templatesFromSpec(root), ...templatesFromSpec(replicated)]);
  for (const [name, severity] of severities) {
    if (!into.has(name)) into.set(name, { policyName, history: [], severity });
  }
  for (const d of replicated?.status?.details ?? []) {
    const name = d.templateMeta?.name;
    if (!name) continue;
    const history = (d.history ?? []).map((h) => ({ time: parseTime(h.lastTimestamp), ...parseHistoryMessage(h.message) }));
    into.set(name, {
      policyName,
      compliance: toCompliance(d.compliant ?? history[0]?.compliance),
      history,
      severity: severities.get(name) ?? into.get(name)?.severity,
    });
  }
};

const fromConfigurationPolicy = (cp: ConfigurationPolicy): Pick<Source, 'compliance' | 'history'> => ({
  compliance: cp.status?.compliant ? toCompliance(cp.status.compliant) : undefined,
  history: (cp.status?.compliancyDetails ?? [])
    .flatMap((d) => d.conditions ?? [])
    .map((c) => ({
      time: parseTime(c.lastTransitionTime),
      compliance: (c.type === 'violation' ? 'NonCompliant' : c.type === 'notification' ? 'Compliant' : undefined) as TemplateCompliance | undefined,
      kind: c.type,
      text: (c.message ?? '').trim(),
    }))
    .sort((a, b) => (b.time?.getTime() ?? 0) - (a.time?.getTime() ?? 0)),
});

/**
 * ConfigurationPolicies fill in templates the replicated policy does not report (yet). The hub's
 * cluster namespace may hold unrelated ones: only listed or known template names are read.
 */
const addConfigurationPolicies = (cps: readonly ConfigurationPolicy[], into: Map<string, Source>): void => {
  for (const cp of cps) {
    const name = cp.metadata?.name;
    if (!name) continue;
    const entry = into.get(name);
    if (!entry) {
      if (!(name in TEMPLATE_INFO)) continue;
      into.set(name, {
        policyName: TEMPLATE_INFO[name].policy ?? VALIDATION_POLICY_NAME,
        severity: cp.spec?.severity,
        ...fromConfigurationPolicy(cp),
      });
      continue;
    }
    if (entry.compliance !== undefined) continue;
    into.set(name, { ...entry, ...fromConfigurationPolicy(cp), severity: entry.severity ?? cp.spec?.severity });
  }
};

const policyCompliance = (root: Policy | undefined, replicated: Policy | undefined, localNamespace?: string): TemplateCompliance | undefined => {
  if (replicated?.status?.compliant) return toCompliance(replicated.status.compliant);
  // The root's overall status may be about other hubs it is placed on: only this hub's row counts.
  if (localNamespace) {
    const local = (root?.status?.status ?? []).find((s) => s.clusternamespace === localNamespace || s.clustername === localNamespace);
    return local?.compliant ? toCompliance(local.compliant) : undefined;
  }
  return root?.status?.compliant ? toCompliance(root.status.compliant) : undefined;
};

const RANK: Record<TemplateCompliance, number> = { NonCompliant: 3, Pending: 2, Unknown: 1, Compliant: 0 };
const worst = (values: TemplateCompliance[]): TemplateCompliance | undefined =>
  values.length ? values.reduce((a, b) => (RANK[b] > RANK[a] ? b : a)) : undefined;

const STATE: Record<TemplateCompliance, PolicyState> = {
  Compliant: 'compliant',
  NonCompliant: 'noncompliant',
  Pending: 'pending',
  Unknown: 'unknown',
};

const missingReasonFor = (mch: MultiClusterHubLike | undefined, rootExists: boolean, disabled: boolean): Message => {
  if (disabled) {
    return msg('The backup-restore-enabled policy is disabled (spec.disabled is true), so nothing is checked. Enable it again to see the checks.');
  }
  const component = mch?.spec?.overrides?.components?.find((c) => c.name === 'cluster-backup');
  if (component && component.enabled === false) {
    return msg(
      'The cluster-backup component is disabled in the MultiClusterHub, so neither the backup operator nor its validation policy is installed. Enable cluster-backup to protect this hub.',
    );
  }
  if (mch?.spec?.disableHubSelfManagement) {
    return msg(
      'This hub does not manage itself (disableHubSelfManagement is true in the MultiClusterHub), so the validation policy is not placed on it and reports nothing. Nothing is checked on this hub.',
    );
  }
  if (rootExists) {
    return msg(
      'The backup-restore-enabled policy exists but is not placed on this hub: the hub is probably not self-managed (disableHubSelfManagement), or its placement does not select the local cluster.',
    );
  }
  return msg(
    'The backup-restore-enabled validation policy was not found. It is installed with the cluster-backup component of the MultiClusterHub and placed only on a self-managed hub (disableHubSelfManagement false).',
  );
};

/**
 * The validation policy's health, template by template (§3). The replicated policy in the hub's
 * cluster namespace carries per-template status; the root policy carries the template list and
 * severities; ConfigurationPolicies are the fallback for templates the replicated policy does not
 * report. Up to 2.15 the auto-import templates came in a policy of their own: both are merged.
 * A missing or unreadable policy is never reported as healthy.
 */
export const policyHealth = ({
  rootPolicy,
  replicatedPolicy,
  autoImportPolicy,
  replicatedAutoImportPolicy,
  configurationPolicies = [],
  multiClusterHub,
  localClusterNamespace,
  loaded = true,
  error,
}: {
  rootPolicy?: Policy;
  replicatedPolicy?: Policy;
  autoImportPolicy?: Policy;
  replicatedAutoImportPolicy?: Policy;
  configurationPolicies?: readonly ConfigurationPolicy[];
  multiClusterHub?: MultiClusterHubLike;
  /** The hub's own cluster namespace, to pick its row in the root policy's per-cluster status. */
  localClusterNamespace?: string;
  /** False until the policy watches have answered. */
  loaded?: boolean;
  /** The policy watches' error, e.g. forbidden. */
  error?: unknown;
}): PolicyHealth => {
  if (error) {
    return {
      state: 'unknown',
      missingReason: msg('The validation policy could not be read (you may lack permission to read policies), so its state is unknown.'),
      templates: [],
    };
  }
  if (!loaded) return { state: 'unknown', templates: [] };

  const disabled = rootPolicy?.spec?.disabled === true;
  const reportedInRoot = policyCompliance(rootPolicy, undefined, localClusterNamespace) !== undefined;
  if ((!rootPolicy && !replicatedPolicy) || disabled || (!replicatedPolicy && !reportedInRoot && !configurationPolicies.length)) {
    return { state: 'missing', missingReason: missingReasonFor(multiClusterHub, Boolean(rootPolicy), disabled), templates: [] };
  }
  const autoExists = Boolean(autoImportPolicy || replicatedAutoImportPolicy);

  const sources = new Map<string, Source>();
  addPolicy(rootPolicy?.metadata?.name ?? VALIDATION_POLICY_NAME, rootPolicy, replicatedPolicy, sources);
  if (autoExists) addPolicy(autoImportPolicy?.metadata?.name ?? AUTO_IMPORT_POLICY_NAME, autoImportPolicy, replicatedAutoImportPolicy, sources);
  addConfigurationPolicies(configurationPolicies, sources);

  const order = (name: string) => {
    const i = TEMPLATE_ORDER.indexOf(name);
    return i < 0 ? TEMPLATE_ORDER.length : i;
  };
  const templates: TemplateHealth[] = [...sources.entries()]
    .sort(([a], [b]) => order(a) - order(b) || a.localeCompare(b))
    .map(([name, s]) => {
      const info = templateInfo(name);
      return {
        name,
        title: info.title,
        severity: s.severity ?? (info.known ? info.severity : undefined),
        compliance: s.compliance ?? 'Unknown',
        latestMessage: s.history[0]?.text || undefined,
        history: s.history,
        remedy: info.remedy,
        known: info.known,
        policy: s.policyName,
      };
    });

  const overall = worst(
    [
      policyCompliance(rootPolicy, replicatedPolicy, localClusterNamespace),
      autoExists ? policyCompliance(autoImportPolicy, replicatedAutoImportPolicy, localClusterNamespace) : undefined,
    ].filter((c): c is TemplateCompliance => c !== undefined),
  );
  // A policy that reports Compliant while a template says otherwise is mid-update: trust the worse.
  const fromTemplates = worst(templates.map((t) => t.compliance).filter((c) => c !== 'Unknown'));
  const state = worst([overall, fromTemplates].filter((c): c is TemplateCompliance => c !== undefined));
  return { state: state ? STATE[state] : 'unknown', templates };
};

/** The compliance of one template, or undefined when the policy does not report it. */
export const templateCompliance = (health: PolicyHealth | undefined, name: string): TemplateCompliance | undefined =>
  health?.templates.find((t) => t.name === name)?.compliance;
