/**
 * The governance framework around the validation policy (§3): the root Policy with its
 * PolicySet/Placement binding, the replicated Policy in the hub's own cluster namespace with
 * per-template `details[]` (history newest first, at most 10), the ConfigurationPolicy objects,
 * and the compliance events the history entries point at.
 */
import { BACKUP_NAMESPACE, LABELS, LOCAL_CLUSTER_NAME, replicatedPolicyName } from '../../../src/k8s/names';
import type { ComplianceState, ConfigurationPolicy, K8sObject, Policy, PolicyHistoryEntry } from '../../../src/k8s/types';
import type { Cluster } from '../cluster';
import type { Ctx } from './context';
import { eventName } from './objects';
import { complianceMessage, type Evaluation, type PolicyDef, type TemplateDef, validationPolicies } from './policy-templates';
import { REFS, sameKind } from './refs';
import { nameOf, ownerRef, safeGet, updateIfChanged } from './runtime';
import { iso, SECOND } from './time';

export const POLICY_SET = 'acm-hub-backup';
export const HISTORY_LIMIT = 10;
/** Kubernetes keeps event messages short; the status sync copies them as they are. */
const MESSAGE_LIMIT = 1024;

const CHART_LABELS: Record<string, string> = {
  app: 'cluster-backup-chart',
  chart: 'cluster-backup-chart',
  release: 'cluster-backup-chart',
  heritage: 'Helm',
  'app.kubernetes.io/instance': 'cluster-backup-chart',
  'app.kubernetes.io/managed-by': 'Helm',
  'app.kubernetes.io/name': 'cluster-backup-chart',
  'helm.sh/chart': 'cluster-backup-chart',
  [LABELS.excludeFromBackup]: 'true',
  component: 'policy',
};

const POLICY_ANNOTATIONS: Record<string, string> = {
  'policy.open-cluster-management.io/categories': 'PR.IP Information Protection Processes and Procedures',
  'policy.open-cluster-management.io/controls': 'PR.IP-4 Backups of information are conducted maintained and tested',
  'policy.open-cluster-management.io/standards': 'NIST-CSF',
  'policy.open-cluster-management.io/source': 'system',
};

export const truncateMessage = (m: string): string => (m.length > MESSAGE_LIMIT ? `${m.slice(0, MESSAGE_LIMIT - 3)}...` : m);

const templateObject = (t: TemplateDef) => ({
  objectDefinition: {
    apiVersion: 'policy.open-cluster-management.io/v1',
    kind: 'ConfigurationPolicy',
    metadata: { name: t.name },
    spec: {
      ...t.spec,
      remediationAction: t.remediationAction,
      severity: t.severity,
      ...(t.customMessage ? { customMessage: t.customMessage } : {}),
    },
  },
});

export const rootPolicyObject = (def: PolicyDef): Policy => ({
  apiVersion: 'policy.open-cluster-management.io/v1',
  kind: 'Policy',
  metadata: { name: def.name, namespace: BACKUP_NAMESPACE, labels: { ...CHART_LABELS }, annotations: { ...POLICY_ANNOTATIONS } },
  spec: { disabled: false, 'policy-templates': def.templates.map(templateObject) } as Policy['spec'],
});

export const replicatedPolicyObject = (def: PolicyDef): Policy => {
  const root = rootPolicyObject(def);
  const full = replicatedPolicyName(def.name);
  return {
    ...root,
    metadata: {
      name: full,
      namespace: LOCAL_CLUSTER_NAME,
      labels: {
        ...CHART_LABELS,
        'policy.open-cluster-management.io/cluster-name': LOCAL_CLUSTER_NAME,
        'policy.open-cluster-management.io/cluster-namespace': LOCAL_CLUSTER_NAME,
        'policy.open-cluster-management.io/root-policy': full,
      },
      annotations: { ...POLICY_ANNOTATIONS },
    },
  };
};

/** The PolicySet, Placement and PlacementBinding that place the policy on the hub (§3). */
export const placementObjects = (defs: PolicyDef[]): K8sObject[] => [
  {
    apiVersion: 'policy.open-cluster-management.io/v1beta1',
    kind: 'PolicySet',
    metadata: { name: POLICY_SET, namespace: BACKUP_NAMESPACE, labels: { ...CHART_LABELS } },
    spec: { description: 'Policy set for the hub backup and restore validation.', policies: defs.map((d) => d.name) },
    status: { compliant: 'Compliant', placement: [{ placement: POLICY_SET, placementBinding: POLICY_SET }] },
  } as K8sObject,
  {
    apiVersion: 'cluster.open-cluster-management.io/v1beta1',
    kind: 'Placement',
    metadata: { name: POLICY_SET, namespace: BACKUP_NAMESPACE, labels: { ...CHART_LABELS } },
    spec: {
      predicates: [
        {
          requiredClusterSelector: {
            labelSelector: { matchExpressions: [{ key: LABELS.localCluster, operator: 'In', values: ['true'] }] },
          },
        },
      ],
      tolerations: [
        { key: 'cluster.open-cluster-management.io/unreachable', operator: 'Exists' },
        { key: 'cluster.open-cluster-management.io/unavailable', operator: 'Exists' },
      ],
    },
    status: { numberOfSelectedClusters: 1 },
  } as K8sObject,
  {
    apiVersion: 'policy.open-cluster-management.io/v1',
    kind: 'PlacementBinding',
    metadata: { name: POLICY_SET, namespace: BACKUP_NAMESPACE, labels: { ...CHART_LABELS } },
    placementRef: { apiGroup: 'cluster.open-cluster-management.io', kind: 'Placement', name: POLICY_SET },
    subjects: [{ apiGroup: 'policy.open-cluster-management.io', kind: 'PolicySet', name: POLICY_SET }],
  } as K8sObject,
];

export const overallCompliance = (states: ComplianceState[]): ComplianceState =>
  states.includes('NonCompliant') ? 'NonCompliant' : states.includes('Pending') ? 'Pending' : 'Compliant';

export const rootStatus = (compliant: ComplianceState): Policy['status'] & Record<string, unknown> => ({
  compliant,
  placement: [{ placement: POLICY_SET, placementBinding: POLICY_SET, policySet: POLICY_SET }],
  status: [{ clustername: LOCAL_CLUSTER_NAME, clusternamespace: LOCAL_CLUSTER_NAME, compliant }],
});

const CONDITION_REASON: Record<string, string> = {
  Compliant: 'K8s `must have` object already exists',
  NonCompliant: 'K8s missing a must have object',
};

/** A ConfigurationPolicy as the template-sync creates it, with the controller's last evaluation. */
export const configurationPolicyObject = (t: TemplateDef, replicated: Policy, e: Evaluation | undefined, at: string): ConfigurationPolicy => {
  const obj: ConfigurationPolicy & Record<string, unknown> = {
    apiVersion: 'policy.open-cluster-management.io/v1',
    kind: 'ConfigurationPolicy',
    metadata: {
      name: t.name,
      namespace: LOCAL_CLUSTER_NAME,
      labels: {
        'cluster-name': LOCAL_CLUSTER_NAME,
        'cluster-namespace': LOCAL_CLUSTER_NAME,
        'policy.open-cluster-management.io/cluster-name': LOCAL_CLUSTER_NAME,
        'policy.open-cluster-management.io/cluster-namespace': LOCAL_CLUSTER_NAME,
        'policy.open-cluster-management.io/policy': nameOf(replicated),
      },
      ...(replicated.metadata?.uid ? { ownerReferences: [ownerRef(replicated, false)] } : {}),
    },
    spec: templateObject(t).objectDefinition.spec as ConfigurationPolicy['spec'],
  };
  if (e) {
    const message = complianceMessage(t, e).replace(/^[A-Za-z]+; [a-z]+ - /, '');
    obj.status = {
      compliant: e.compliant,
      compliancyDetails: [
        {
          Compliant: e.compliant,
          Validity: {},
          conditions: [{ type: e.compliant === 'Compliant' ? 'notification' : 'violation', status: 'True', reason: CONDITION_REASON[e.compliant], message, lastTransitionTime: at }],
        } as NonNullable<NonNullable<ConfigurationPolicy['status']>['compliancyDetails']>[number],
      ],
      relatedObjects: e.related.map((r) => ({
        object: { apiVersion: r.ref.apiVersion, kind: r.ref.kind, metadata: { name: r.name, ...(r.namespace ? { namespace: r.namespace } : {}) } },
        compliant: r.found === (e.compliant === 'Compliant') ? 'Compliant' : 'NonCompliant',
        reason: r.found ? 'Resource found as expected' : 'Resource not found but should exist',
      })),
    };
    (obj.status as Record<string, unknown>).lastEvaluated = at;
  }
  return obj;
};

export const evaluatePolicy = (c: Cluster, def: PolicyDef): Map<string, Evaluation> => new Map(def.templates.map((t) => [t.name, t.evaluate(c)]));

/** The event a history entry names: the config-policy-controller's compliance event on the replicated policy. */
export const complianceEvent = (replicated: Policy, template: string, entry: PolicyHistoryEntry): K8sObject =>
  ({
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: entry.eventName, namespace: LOCAL_CLUSTER_NAME },
    involvedObject: {
      apiVersion: 'policy.open-cluster-management.io/v1',
      kind: 'Policy',
      name: nameOf(replicated),
      namespace: LOCAL_CLUSTER_NAME,
      ...(replicated.metadata?.uid ? { uid: replicated.metadata.uid } : {}),
    },
    reason: `policy: ${LOCAL_CLUSTER_NAME}/${template}`,
    message: entry.message,
    source: { component: 'configuration-policy-controller', host: LOCAL_CLUSTER_NAME },
    type: (entry.message ?? '').startsWith('Compliant') ? 'Normal' : 'Warning',
    firstTimestamp: entry.lastTimestamp,
    lastTimestamp: entry.lastTimestamp,
    count: 1,
  }) as K8sObject;

export const historyEntry = (def: PolicyDef, message: string, at: number, seq: number): PolicyHistoryEntry => ({
  eventName: eventName(replicatedPolicyName(def.name), at, seq),
  lastTimestamp: iso(at),
  message: truncateMessage(message),
});

export type Policies = { resync(): void };

/** How soon after a change the controllers have evaluated and the status sync has reported. */
const EVALUATION_DELAY = 5 * SECOND;

export const startPolicies = (ctx: Ctx): Policies => {
  const { cluster, rt, features } = ctx;
  const defs = validationPolicies(features);
  let seq = 0;

  const evaluate = () => {
    const now = rt.nowMs();
    for (const def of defs) {
      const replicated = safeGet<Policy>(cluster, REFS.policy, LOCAL_CLUSTER_NAME, replicatedPolicyName(def.name));
      if (!replicated) continue; // not placed (no cluster-backup component, or hub not self-managed)
      const results = evaluatePolicy(cluster, def);
      const details = def.templates.map((t) => {
        const e = results.get(t.name)!;
        const message = truncateMessage(complianceMessage(t, e));
        const prev = replicated.status?.details?.find((d) => d.templateMeta?.name === t.name);
        const history = [...(prev?.history ?? [])];
        if (prev?.compliant !== e.compliant || history[0]?.message !== message) {
          const entry = historyEntry(def, message, now, seq++);
          history.unshift(entry);
          try {
            cluster.recordEvent(complianceEvent(replicated, t.name, entry));
          } catch {
            /* events are best effort, as in the framework */
          }
          const cp = safeGet<ConfigurationPolicy>(cluster, REFS.configurationPolicy, LOCAL_CLUSTER_NAME, t.name);
          if (cp) updateIfChanged(cluster, { ...configurationPolicyObject(t, replicated, e, iso(now)), metadata: cp.metadata });
        }
        return { compliant: e.compliant, history: history.slice(0, HISTORY_LIMIT), templateMeta: { creationTimestamp: null, name: t.name } };
      });
      const compliant = overallCompliance(details.map((d) => d.compliant));
      updateIfChanged(cluster, { ...replicated, status: { compliant, details } });
      const root = safeGet<Policy>(cluster, REFS.policy, BACKUP_NAMESPACE, def.name);
      if (root) updateIfChanged(cluster, { ...root, status: rootStatus(compliant) });
    }
  };

  const WATCHED = [REFS.veleroBackup, REFS.backupSchedule, REFS.restore, REFS.bsl, REFS.dpa, REFS.subscription, REFS.pod, REFS.msa, REFS.secret, REFS.configMap, REFS.multiClusterHub];
  rt.watch((_type, obj) => {
    if (!WATCHED.some((r) => sameKind(obj, r))) return;
    if (sameKind(obj, REFS.secret) && !(obj.metadata?.name ?? '').startsWith('auto-import-account')) return;
    rt.atMost('policy:evaluate', rt.nowMs() + EVALUATION_DELAY, evaluate);
  });

  return {
    resync() {
      rt.atMost('policy:evaluate', rt.nowMs() + EVALUATION_DELAY, evaluate);
    },
  };
};

