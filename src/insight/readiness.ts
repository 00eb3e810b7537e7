import { msg, type Message } from '../k8s/message';
import { BACKUP_NAMESPACE, LABELS, MSA_ACCOUNT_NAMES, type BackupType } from '../k8s/names';
import type {
  BackupSchedule,
  BackupStorageLocation,
  DataProtectionApplication,
  K8sObject,
  ManagedCluster,
  ManagedServiceAccount,
  Restore,
  VeleroBackup,
  VeleroRestore,
} from '../k8s/types';
import { durationToMs } from '../operand/duration';
import { backupTimeOf, backupTypeOf, newestGoodBackupPerType, rpoSeverity, type GoodBackup, type RpoAssessment } from './backups';
import { detectCollision, type Collision } from './collision';
import { cronIntervalMs } from './cron';
import { formatDurationShort } from './format';
import { isLocalCluster } from './hubIdentity';
import { hubRole, isScheduleLive, isSchedulePaused, restoreKind, type HubRole } from './hubRole';
import { templateCompliance, type PolicyHealth } from './policyHealth';
import { restoreRow } from './restoreHistory';
import { backupNameFromVeleroRestoreName, parseTime } from './restoreObjects';

/** A watched source as the k8s hooks return it: `error` set (e.g. forbidden) makes it unreadable. */
export type Watched<T> = { data: T; loaded: boolean; error?: unknown };

const usable = <T>(w: Watched<T> | undefined): w is Watched<T> => Boolean(w && w.loaded && !w.error);

/** The cluster state the overview and the promotion read, fed straight from watches. */
export type HubSnapshot = {
  now: Date;
  /** This hub's cluster id (`hubClusterId`). */
  thisHubId?: string;
  schedules: Watched<BackupSchedule[]>;
  restores: Watched<Restore[]>;
  backups: Watched<VeleroBackup[]>;
  storageLocations: Watched<BackupStorageLocation[]>;
  managedClusters: Watched<ManagedCluster[]>;
  /** ManagedServiceAccounts of all namespaces (§5). */
  managedServiceAccounts?: Watched<ManagedServiceAccount[]>;
  /** Hive ClusterDeployments (metadata is enough): their namespace names a Hive-created cluster. */
  clusterDeployments?: Watched<K8sObject[]>;
  /** Secrets labeled `hive.openshift.io/secret-type` (metadata only): the operator's own Hive test. */
  hiveSecrets?: Watched<K8sObject[]>;
  /** The MSA token Secrets `auto-import-account*` (metadata only): on a passive hub, MSA status is not restored. */
  msaTokenSecrets?: Watched<K8sObject[]>;
  veleroRestores?: Watched<VeleroRestore[]>;
};

export type ReadinessInput = HubSnapshot & {
  /** Whether discovery serves the kind; undefined while discovery has not answered. */
  crdServed: { backupSchedule?: boolean; dataProtectionApplication?: boolean; managedServiceAccount?: boolean };
  dataProtectionApplications: Watched<DataProtectionApplication[]>;
  /** `policyHealth(...)`; undefined while the policy is not read. */
  policy?: PolicyHealth;
};

export type CheckStatus = 'pass' | 'warn' | 'fail' | 'unknown' | 'notApplicable';
export type FixPage = 'overview' | 'schedules' | 'restores' | 'validation' | 'volsync' | 'promotion';
export type ReadinessCheckId =
  | 'operator'
  | 'oadpVelero'
  | 'dataProtectionApplication'
  | 'storageLocation'
  | 'schedule'
  | 'backupFreshness'
  | 'syncRestore'
  | 'passiveFreshness'
  | 'collision'
  | 'policy'
  | 'autoImport';

export type ReadinessCheck = {
  id: ReadinessCheckId;
  title: Message;
  status: CheckStatus;
  detail: Message;
  fixPage: FixPage;
  /** A `fail` here means the hub cannot be recovered at all ("Not protected"), not only "At risk". */
  blocking: boolean;
  /** Names the detail refers to (clusters, templates), for a list under it. */
  items?: string[];
};

export type Verdict = 'ready' | 'atRisk' | 'notProtected' | 'unknown';

export type BackupAge = { type: BackupType; newest?: GoodBackup; rpo: RpoAssessment };

export type Readiness = {
  verdict: Verdict;
  verdictLabel: Message;
  checks: ReadinessCheck[];
  role?: HubRole;
  collision?: Collision;
  /** Per backup type, for the coverage card (primary hub only). */
  backupAges: BackupAge[];
};

// ---- Auto-import (§5) ----

const CREATED_VIA = 'open-cluster-management/created-via';

export type ReconnectReason = 'noServerUrl' | 'noToken' | 'tokenExpired';

export type ClusterReconnect = {
  name: string;
  /** How it reconnects to a new hub after activation (§4 step 2, §5). */
  how: 'hive' | 'msa' | 'none';
  reason?: ReconnectReason;
  /** False when only the restored data names the cluster (a passive hub sees no ManagedClusters). */
  visible: boolean;
};

export type Reconnection = {
  clusters: ClusterReconnect[];
  imported: number;
  hive: number;
  wontReconnect: ClusterReconnect[];
};

const namespaceSet = (w: Watched<K8sObject[]> | undefined): Set<string> =>
  new Set(usable(w) ? w.data.map((o) => o.metadata?.namespace).filter((n): n is string => Boolean(n)) : []);

/**
 * Which managed clusters would reconnect by themselves after activation on another hub: Hive-
 * created ones do; imported ones only through an MSA auto-import token and a known API server URL
 * (§5 `postRestoreActivation`). Hive-created means the operator's test (a Hive secret in the
 * cluster namespace) or its evidence: a ClusterDeployment there, or the console's `created-via`
 * annotation. On a passive hub ManagedClusters are not restored yet, so the clusters named by
 * restored MSAs and ClusterDeployments are listed too.
 */
export const clusterReconnection = ({
  managedClusters,
  managedServiceAccounts,
  clusterDeployments,
  hiveSecrets,
  msaTokenSecrets,
  now,
}: Pick<HubSnapshot, 'managedClusters' | 'managedServiceAccounts' | 'clusterDeployments' | 'hiveSecrets' | 'msaTokenSecrets' | 'now'>): Reconnection => {
  const hiveNamespaces = new Set([...namespaceSet(clusterDeployments), ...namespaceSet(hiveSecrets)]);
  const msas = usable(managedServiceAccounts)
    ? managedServiceAccounts.data.filter((m) => MSA_ACCOUNT_NAMES.includes(m.metadata?.name ?? ''))
    : [];
  const tokenSecrets = usable(msaTokenSecrets)
    ? msaTokenSecrets.data.filter((s) => MSA_ACCOUNT_NAMES.includes(s.metadata?.name ?? ''))
    : [];

  const tokenState = (cluster: string): 'valid' | 'expired' | 'none' => {
    const own = msas.filter((m) => m.metadata?.namespace === cluster);
    const withToken = own.filter((m) => m.status?.tokenSecretRef?.name);
    // The MSA's own expiry is authoritative. A bare token Secret (a passive hub restores Secrets but
    // not MSA status) counts as valid: the operator tries it anyway (§5).
    const valid = withToken.some((m) => {
      const exp = parseTime(m.status?.expirationTimestamp);
      return !exp || exp.getTime() > now.getTime();
    });
    if (valid || tokenSecrets.some((s) => s.metadata?.namespace === cluster)) return 'valid';
    return withToken.length ? 'expired' : 'none';
  };

  const clusters: ClusterReconnect[] = [];
  const seen = new Set<string>();
  for (const mc of usable(managedClusters) ? managedClusters.data : []) {
    const name = mc.metadata?.name;
    if (!name || isLocalCluster(mc)) continue;
    seen.add(name);
    if (hiveNamespaces.has(name) || mc.metadata?.annotations?.[CREATED_VIA] === 'hive') {
      clusters.push({ name, how: 'hive', visible: true });
      continue;
    }
    if (!mc.spec?.managedClusterClientConfigs?.[0]?.url) {
      clusters.push({ name, how: 'none', reason: 'noServerUrl', visible: true });
      continue;
    }
    const token = tokenState(name);
    clusters.push(
      token === 'valid'
        ? { name, how: 'msa', visible: true }
        : { name, how: 'none', reason: token === 'expired' ? 'tokenExpired' : 'noToken', visible: true },
    );
  }
  const restoredNames = [...new Set([...msas.map((m) => m.metadata?.namespace), ...hiveNamespaces])].filter(
    (n): n is string => Boolean(n) && !seen.has(n as string),
  );
  for (const name of restoredNames.sort()) {
    if (hiveNamespaces.has(name)) {
      clusters.push({ name, how: 'hive', visible: false });
      continue;
    }
    const token = tokenState(name);
    clusters.push(
      token === 'valid'
        ? { name, how: 'msa', visible: false }
        : { name, how: 'none', reason: token === 'expired' ? 'tokenExpired' : 'noToken', visible: false },
    );
  }
  const hive = clusters.filter((c) => c.how === 'hive').length;
  return { clusters, hive, imported: clusters.length - hive, wontReconnect: clusters.filter((c) => c.how === 'none') };
};

// ---- Intervals ----

const FIVE_MINUTES = 5 * 60_000;

const median = (values: number[]): number | undefined => {
  if (!values.length) return undefined;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

/**
 * The interval of a hub's BackupSchedule when only its backups are visible (a passive hub cannot
 * read the primary's schedule): the heartbeat backup's TTL is one cron interval plus 5 minutes
 * (§1), else the usual gap between its resources backups.
 */
export const primaryIntervalMs = (backups: readonly VeleroBackup[], writer?: string): number | undefined => {
  const own = backups.filter((b) => writer === undefined || b.metadata?.labels?.[LABELS.backupCluster] === writer);
  const heartbeat = own
    .filter((b) => backupTypeOf(b) === 'validation' && b.spec?.ttl)
    .sort((a, b) => (backupTimeOf(b)?.getTime() ?? 0) - (backupTimeOf(a)?.getTime() ?? 0))[0];
  const ttl = heartbeat?.spec?.ttl ? durationToMs(heartbeat.spec.ttl) : undefined;
  if (ttl !== undefined && ttl > FIVE_MINUTES) return ttl - FIVE_MINUTES;
  const times = [
    ...new Set(
      own
        .filter((b) => backupTypeOf(b) === 'resources')
        .map((b) => backupTimeOf(b)?.getTime())
        .filter((t): t is number => t !== undefined),
    ),
  ].sort((a, b) => a - b);
  const gaps = times.slice(1).map((t, i) => t - times[i]);
  // Two gaps at least, so the operator's immediate first backup alone does not set the interval.
  return gaps.length >= 2 ? median(gaps) : undefined;
};

/** The backup a Restore restored for a type, read from its status (`<restore>-<backup>[-active]`, §2). */
export const restoredBackupName = (
  restore: Restore,
  field: 'veleroResourcesRestoreName' | 'veleroManagedClustersRestoreName' | 'veleroCredentialsRestoreName',
): string | undefined => backupNameFromVeleroRestoreName(restore.metadata?.name ?? '', restore.status?.[field]);

// ---- Checks ----

const TITLES: Record<ReadinessCheckId, Message> = {
  operator: msg('Backup operator installed'),
  oadpVelero: msg('OADP and Velero running'),
  dataProtectionApplication: msg('DataProtectionApplication present'),
  storageLocation: msg('Backup storage location available'),
  schedule: msg('Backup schedule enabled'),
  backupFreshness: msg('Recent backups of every type'),
  syncRestore: msg('Passive sync restore enabled'),
  passiveFreshness: msg('Passive data up to date'),
  collision: msg('No other hub writing to the same storage'),
  policy: msg('Validation policy compliant'),
  autoImport: msg('Managed clusters reconnect by themselves'),
};

const FIX_PAGE: Record<ReadinessCheckId, FixPage> = {
  operator: 'overview',
  oadpVelero: 'validation',
  dataProtectionApplication: 'validation',
  storageLocation: 'validation',
  schedule: 'schedules',
  backupFreshness: 'schedules',
  syncRestore: 'restores',
  passiveFreshness: 'restores',
  collision: 'schedules',
  policy: 'validation',
  autoImport: 'schedules',
};

const check = (id: ReadinessCheckId, status: CheckStatus, detail: Message, opts: { blocking?: boolean; items?: string[] } = {}): ReadinessCheck => ({
  id,
  title: TITLES[id],
  status,
  detail,
  fixPage: FIX_PAGE[id],
  blocking: status === 'fail' && opts.blocking === true,
  ...(opts.items && opts.items.length ? { items: opts.items } : {}),
});

const notRead = (id: ReadinessCheckId, w: Watched<unknown> | undefined): ReadinessCheck =>
  check(
    id,
    'unknown',
    w?.error
      ? msg('Could not be read (you may lack permission), so this is unknown.')
      : msg('Not read yet.'),
  );

const needsOperator = (id: ReadinessCheckId): ReadinessCheck =>
  check(id, 'notApplicable', msg('Needs the backup operator, which is not installed.'));

const operatorCheck = (input: ReadinessInput): ReadinessCheck => {
  const served = input.crdServed.backupSchedule;
  if (served === undefined) return check('operator', 'unknown', msg('Not known yet whether the BackupSchedule API is served.'));
  if (!served) {
    return check(
      'operator',
      'fail',
      msg(
        'The cluster backup operator is not installed: the BackupSchedule API is not served. Enable the cluster-backup component in the MultiClusterHub (spec.overrides.components); it installs the operator and OADP in open-cluster-management-backup.',
      ),
      { blocking: true },
    );
  }
  return check('operator', 'pass', msg('The BackupSchedule and Restore APIs are served.'));
};

const podsCheck = (policy: PolicyHealth | undefined): ReadinessCheck => {
  if (!policy || policy.state === 'missing' || (policy.state === 'unknown' && !policy.templates.length)) {
    return check(
      'oadpVelero',
      'unknown',
      msg('The pods are checked through the validation policy, which is not available here, so their state is unknown.'),
    );
  }
  const oadp = templateCompliance(policy, 'oadp-pod-running');
  const velero = templateCompliance(policy, 'velero-pod-running');
  const down = [oadp === 'NonCompliant' ? 'OADP' : undefined, velero === 'NonCompliant' ? 'Velero' : undefined].filter(
    (x): x is string => Boolean(x),
  );
  if (down.length) {
    return check('oadpVelero', 'fail', msg('Not running according to the validation policy: {{pods}}. No backup or restore can run without them.', { pods: down.join(', ') }), {
      blocking: true,
    });
  }
  if (oadp === 'Compliant' && velero === 'Compliant') {
    return check('oadpVelero', 'pass', msg('The validation policy reports the OADP operator and Velero pods running.'));
  }
  return check('oadpVelero', 'unknown', msg('The validation policy has not reported the OADP and Velero pods yet.'));
};

const dpaCheck = (input: ReadinessInput): ReadinessCheck => {
  if (input.crdServed.dataProtectionApplication === false) {
    return check(
      'dataProtectionApplication',
      'fail',
      msg('OADP is not installed: the DataProtectionApplication API is not served. Enabling cluster-backup in the MultiClusterHub installs it.'),
      { blocking: true },
    );
  }
  const w = input.dataProtectionApplications;
  if (!usable(w)) return notRead('dataProtectionApplication', w);
  if (!w.data.length) {
    return check(
      'dataProtectionApplication',
      'fail',
      msg('No DataProtectionApplication in {{namespaceName}}: Velero is not configured, so no backup can be written. Create one that points at your storage bucket.', {
        namespaceName: BACKUP_NAMESPACE,
      }),
      { blocking: true },
    );
  }
  const failing = w.data.find((d) => d.status?.conditions?.some((c) => c.type === 'Reconciled' && c.status === 'False'));
  if (failing) {
    const cond = failing.status?.conditions?.find((c) => c.type === 'Reconciled');
    return check(
      'dataProtectionApplication',
      'warn',
      msg('DataProtectionApplication {{name}} reports an error: {{message}}', {
        name: failing.metadata?.name ?? '',
        message: cond?.message || cond?.reason || '—',
      }),
    );
  }
  return check('dataProtectionApplication', 'pass', msg('DataProtectionApplication {{name}} is present.', { name: w.data[0].metadata?.name ?? '' }));
};

const storageCheck = (w: Watched<BackupStorageLocation[]>): ReadinessCheck => {
  if (!usable(w)) return notRead('storageLocation', w);
  if (!w.data.length) {
    return check('storageLocation', 'fail', msg('No BackupStorageLocation exists: the DataProtectionApplication defines none, so backups have nowhere to go.'), {
      blocking: true,
    });
  }
  const available = w.data.find((b) => b.status?.phase === 'Available');
  if (available) return check('storageLocation', 'pass', msg('BackupStorageLocation {{name}} is Available.', { name: available.metadata?.name ?? '' }));
  const first = w.data[0];
  return check(
    'storageLocation',
    'fail',
    msg('BackupStorageLocation {{name}} is {{phase}}: {{message}} Check its credentials and bucket.', {
      name: first.metadata?.name ?? '',
      phase: first.status?.phase || 'not validated yet',
      message: first.status?.message || '',
    }),
    { blocking: true },
  );
};

const scheduleCheck = (role: HubRole): ReadinessCheck => {
  const name = role.schedule?.metadata?.name ?? '';
  switch (role.role) {
    case 'primary':
      if (role.flag === 'paused') {
        return check('schedule', 'warn', msg('BackupSchedule {{name}} is paused: no backups are written until it is resumed.', { name }));
      }
      if (role.flag === 'failing') {
        return check(
          'schedule',
          'fail',
          msg('BackupSchedule {{name}} is {{phase}}: {{message}}', {
            name,
            phase: role.schedule?.status?.phase ?? '',
            message: role.schedule?.status?.lastMessage || '—',
          }),
          { blocking: true },
        );
      }
      return check('schedule', 'pass', msg('BackupSchedule {{name}} is Enabled.', { name }));
    case 'transition':
      if (role.schedule) return check('schedule', 'warn', msg('BackupSchedule {{name}} was just created and is not enabled yet.', { name }));
      return check('schedule', 'warn', msg('Managed clusters are being activated on this hub; create a BackupSchedule once the activation finishes.'));
    case 'standalone':
      if (role.flag === 'collision') {
        return check(
          'schedule',
          'fail',
          msg('BackupSchedule {{name}} stopped with a backup collision and writes nothing. Resolve the collision, then recreate it.', { name }),
          { blocking: true },
        );
      }
      return check('schedule', 'fail', msg('No BackupSchedule: nothing on this hub is backed up. Create one to protect it.'), { blocking: true });
    default:
      return check('schedule', 'notApplicable', msg('A passive hub has no BackupSchedule.'));
  }
};

const REQUIRED_TYPES: readonly BackupType[] = ['credentials', 'resources', 'managedClusters'];

const freshnessCheck = (input: ReadinessInput, role: HubRole): { check: ReadinessCheck; ages: BackupAge[] } => {
  const schedule = role.schedule && isScheduleLive(role.schedule) ? role.schedule : undefined;
  if (!schedule) return { check: check('backupFreshness', 'notApplicable', msg('No active BackupSchedule, so no backups are expected from this hub.')), ages: [] };
  if (!usable(input.backups)) return { check: notRead('backupFreshness', input.backups), ages: [] };
  const intervalMs = cronIntervalMs(schedule.spec?.veleroSchedule ?? '', input.now);
  const newest = newestGoodBackupPerType(input.backups.data, input.thisHubId ? { writer: input.thisHubId } : {});
  const generic = input.backups.data.some((b) => backupTypeOf(b) === 'resourcesGeneric');
  const types = generic ? [...REQUIRED_TYPES.slice(0, 2), 'resourcesGeneric' as const, REQUIRED_TYPES[2]] : REQUIRED_TYPES;
  const ages: BackupAge[] = types.map((type) => ({
    type,
    ...(newest[type] ? { newest: newest[type] } : {}),
    rpo: rpoSeverity({ newestGood: newest[type], intervalMs, now: input.now }),
  }));
  if (intervalMs === undefined) {
    return { check: check('backupFreshness', 'unknown', msg('The schedule\'s cron expression cannot be read, so the age of the backups cannot be judged.')), ages };
  }
  const interval = formatDurationShort(intervalMs);
  const missing = ages.filter((a) => !a.newest).map((a) => a.type);
  const justCreated = role.role === 'transition' || (schedule.status?.phase ?? '') === '' || schedule.status?.phase === 'New';
  if (missing.length) {
    return {
      check: justCreated
        ? check('backupFreshness', 'warn', msg('The first backups have not completed yet for: {{types}}.', { types: missing.join(', ') }), { items: missing })
        : check(
            'backupFreshness',
            'fail',
            msg('This hub has no completed backup of these types: {{types}}. Nothing of them could be restored.', { types: missing.join(', ') }),
            { blocking: true, items: missing },
          ),
      ages,
    };
  }
  const critical = ages.filter((a) => a.rpo.severity === 'critical').map((a) => a.type);
  const warning = ages.filter((a) => a.rpo.severity === 'warning').map((a) => a.type);
  const unknown = ages.filter((a) => a.rpo.severity === 'unknown').map((a) => a.type);
  if (critical.length) {
    return {
      check: check(
        'backupFreshness',
        'fail',
        msg('Backups are late, 3 schedule intervals ({{interval}} each) or more: {{types}}. Several scheduled backups are missing or failed.', {
          interval,
          types: critical.join(', '),
        }),
        { items: critical },
      ),
      ages,
    };
  }
  if (warning.length) {
    return {
      check: check(
        'backupFreshness',
        'warn',
        msg('Backups are late, 2 schedule intervals ({{interval}} each) or more: {{types}}. At least one scheduled backup is missing or failed.', {
          interval,
          types: warning.join(', '),
        }),
        { items: warning },
      ),
      ages,
    };
  }
  if (unknown.length) {
    return { check: check('backupFreshness', 'unknown', msg('The age of these backups cannot be judged: {{types}}.', { types: unknown.join(', ') }), { items: unknown }), ages };
  }
  return { check: check('backupFreshness', 'pass', msg('The newest good backup of every type is less than 2 schedule intervals ({{interval}} each) old.', { interval })), ages };
};

const collisionCheck = (input: ReadinessInput, role: HubRole): { check: ReadinessCheck; collision?: Collision } => {
  const schedule = role.schedule;
  if (!schedule || role.role === 'passive') {
    return { check: check('collision', 'notApplicable', msg('This hub has no BackupSchedule, so it writes nothing that could collide.')) };
  }
  const collision = detectCollision({
    schedule,
    backups: usable(input.backups) ? input.backups.data : [],
    thisHubId: input.thisHubId,
    now: input.now,
  });
  if (collision) return { check: check('collision', 'fail', collision.message, { items: collision.otherHubIds }), collision };
  if (!usable(input.backups)) return { check: notRead('collision', input.backups) };
  if (isSchedulePaused(schedule)) {
    return { check: check('collision', 'notApplicable', msg('The schedule is paused; the operator checks for collisions when it runs.')) };
  }
  return { check: check('collision', 'pass', msg('The newest backups in the storage location were written by this hub.')) };
};

const policyCheck = (policy: PolicyHealth | undefined): ReadinessCheck => {
  if (!policy) return check('policy', 'unknown', msg('Not read yet.'));
  switch (policy.state) {
    case 'compliant':
      return check('policy', 'pass', msg('Every template of the validation policy is compliant.'));
    case 'noncompliant': {
      const names = policy.templates.filter((t) => t.compliance === 'NonCompliant').map((t) => t.name);
      return check('policy', 'warn', msg('Templates not compliant: {{templates}}.', { templates: names.join(', ') || '—' }), { items: names });
    }
    case 'pending':
      return check('policy', 'warn', msg('The validation policy reports some templates as pending.'));
    case 'missing':
      return check('policy', 'warn', policy.missingReason ?? msg('The validation policy is missing, so nothing checks this hub\'s backup configuration.'));
    default:
      return check('policy', 'unknown', policy.missingReason ?? msg('The validation policy has not reported a compliance state yet.'));
  }
};

const autoImportCheck = (input: ReadinessInput, role: HubRole): ReadinessCheck => {
  if (!usable(input.managedClusters)) return notRead('autoImport', input.managedClusters);
  const reconnection = clusterReconnection(input);
  const visible = reconnection.clusters.filter((c) => c.visible);
  if (role.role === 'passive') {
    const tokens = reconnection.clusters.filter((c) => c.how === 'msa').length;
    return check(
      'autoImport',
      'notApplicable',
      msg(
        'Checked on the primary hub: managed clusters appear on this hub only when they are activated. The restored data holds auto-import tokens for {{tokens}} clusters and {{hive}} Hive-created clusters.',
        { tokens, hive: reconnection.hive },
      ),
    );
  }
  if (!visible.length) return check('autoImport', 'notApplicable', msg('This hub manages no cluster other than itself.'));
  const imported = visible.filter((c) => c.how !== 'hive');
  if (!imported.length) {
    return check('autoImport', 'pass', msg('All {{count}} managed clusters were created by Hive and reconnect to a new hub by themselves.', { count: visible.length }));
  }
  const msaOn = role.schedule?.spec?.useManagedServiceAccount === true;
  const wont = imported.filter((c) => c.how === 'none');
  if (wont.length && input.crdServed.managedServiceAccount === false) {
    return check(
      'autoImport',
      'warn',
      msg(
        '{{count}} imported clusters would need a manual import after a restore: the managedserviceaccount component is not enabled, so no auto-import token exists. Enable it in the MultiClusterEngine, then turn on useManagedServiceAccount in the BackupSchedule.',
        { count: wont.length },
      ),
      { items: wont.map((c) => c.name) },
    );
  }
  if (wont.some((c) => c.reason !== 'noServerUrl') && !usable(input.managedServiceAccounts) && !usable(input.msaTokenSecrets)) {
    return notRead('autoImport', input.managedServiceAccounts);
  }
  if (!wont.length) {
    return check('autoImport', 'pass', msg('All {{count}} imported clusters have an auto-import token and a server URL, so they reconnect by themselves after a restore.', {
      count: imported.length,
    }));
  }
  const noUrl = wont.filter((c) => c.reason === 'noServerUrl').length;
  const noToken = wont.length - noUrl;
  if (noToken === 0) {
    // No backup setting can make these reconnect (the operator needs the URL to import them), so
    // they are listed for the runbook rather than counted as a risk of this hub's backups.
    return check(
      'autoImport',
      'pass',
      msg(
        'Every imported cluster that can reconnect by itself has an auto-import token. {{noUrl}} clusters have no server URL in their client config and must be imported again by hand after a restore, whatever the backup settings.',
        { noUrl },
      ),
      { items: wont.map((c) => c.name) },
    );
  }
  const detail = !msaOn && noToken
    ? msg(
        '{{count}} of {{imported}} imported clusters would not reconnect by themselves after a restore ({{noToken}} without an auto-import token, {{noUrl}} without a server URL). Turn on useManagedServiceAccount in the BackupSchedule so the operator creates tokens; clusters without a server URL must be imported again by hand.',
        { count: wont.length, imported: imported.length, noToken, noUrl },
      )
    : msg(
        '{{count}} of {{imported}} imported clusters would not reconnect by themselves after a restore ({{noToken}} without a valid auto-import token, {{noUrl}} without a server URL). Tokens are created only while a cluster is connected; clusters without a server URL must be imported again by hand.',
        { count: wont.length, imported: imported.length, noToken, noUrl },
      );
  return check('autoImport', 'warn', detail, { items: wont.map((c) => c.name) });
};

const syncRestoreCheck = (role: HubRole): ReadinessCheck => {
  const restore = role.restore;
  const name = restore?.metadata?.name ?? '';
  if (role.flag === 'conflict') {
    return check('syncRestore', 'fail', msg('Restore {{name}} and BackupSchedule {{schedule}} are both active: the operator runs neither properly. Keep only one.', {
      name,
      schedule: role.schedule?.metadata?.name ?? '',
    }), { blocking: true });
  }
  if (!restore) return check('syncRestore', 'fail', msg('No passive restore on this hub.'), { blocking: true });
  const phase = restore.status?.phase ?? '';
  if (phase === 'Error') {
    return check('syncRestore', 'fail', msg('Restore {{name}} stopped with an error: {{message}}', { name, message: restore.status?.lastMessage || '—' }), {
      blocking: true,
    });
  }
  if (restoreKind(restore) === 'passive') {
    return check(
      'syncRestore',
      'warn',
      msg('Restore {{name}} restored the primary hub\'s data once and does not refresh it. Use a sync restore (syncRestoreWithNewBackups) to keep this hub current.', { name }),
    );
  }
  if (phase === 'EnabledWithErrors') {
    return check('syncRestore', 'warn', msg('Restore {{name}} is syncing, but its last attempt had errors: {{message}}', { name, message: restore.status?.lastMessage || '—' }));
  }
  if (phase === 'Enabled') return check('syncRestore', 'pass', msg('Restore {{name}} restores new backups as the primary writes them.', { name }));
  return check('syncRestore', 'warn', msg('Restore {{name}} is restoring the passive data for the first time ({{phase}}).', { name, phase: phase || 'Started' }));
};

/** How fresh a passive hub's copy is; shared with the promotion preflight. */
export const passiveFreshnessCheck = (
  input: Pick<HubSnapshot, 'backups' | 'veleroRestores' | 'now'>,
  role: HubRole,
  options: { primaryAge?: boolean } = {},
): ReadinessCheck => {
  const restore = role.restore;
  if (!restore) return check('passiveFreshness', 'notApplicable', msg('No passive restore on this hub.'));
  if (!usable(input.backups)) return notRead('passiveFreshness', input.backups);
  const backups = input.backups.data;
  const newestResources = newestGoodBackupPerType(backups).resources;

  // The primary itself may have stopped writing: judge the newest backup in storage against its interval.
  const writer = newestResources?.writer;
  const primaryInterval = primaryIntervalMs(backups, writer);
  const storage = rpoSeverity({ newestGood: newestResources, intervalMs: primaryInterval, now: input.now });
  if (options.primaryAge !== false && newestResources && (storage.severity === 'critical' || storage.severity === 'warning')) {
    return check(
      'passiveFreshness',
      storage.severity === 'critical' ? 'fail' : 'warn',
      msg(
        'The primary hub has written no backup for {{age}} (it usually writes every {{interval}}): the passive data cannot be fresher. If the primary is down, promote this hub.',
        { age: formatDurationShort(storage.ageMs ?? 0), interval: formatDurationShort(primaryInterval ?? 0) },
      ),
    );
  }

  if (restoreKind(restore) === 'passive') {
    const restored = restoredBackupName(restore, 'veleroResourcesRestoreName');
    if (!restored) return check('passiveFreshness', 'unknown', msg('Restore {{name}} has not restored a resources backup yet.', { name: restore.metadata?.name ?? '' }));
    if (newestResources && newestResources.name !== restored) {
      return check('passiveFreshness', 'warn', msg('Newer backups exist than the one restored once ({{backup}}); this hub does not pick them up.', { backup: restored }));
    }
    return check('passiveFreshness', 'pass', msg('The restored data matches the newest backup, {{backup}}.', { backup: restored }));
  }
  const passive = restoreRow(restore, { backups, veleroRestores: usable(input.veleroRestores) ? input.veleroRestores.data : undefined, now: input.now }).passiveData;
  if (!passive) return check('passiveFreshness', 'unknown', msg('Not known: restore {{name}} is not a passive sync restore.', { name: restore.metadata?.name ?? '' }));
  switch (passive.freshness) {
    case 'upToDate':
    case 'behind':
      return check('passiveFreshness', 'pass', passive.message);
    case 'overdue':
      return check('passiveFreshness', 'warn', passive.message);
    default:
      return check('passiveFreshness', 'unknown', passive.message);
  }
};

const VERDICT_LABEL: Record<Verdict, Message> = {
  ready: msg('Ready to recover'),
  atRisk: msg('At risk'),
  notProtected: msg('Not protected'),
  unknown: msg('Unknown'),
};

/**
 * The verdict: a failing blocker means the hub could not be recovered ("Not protected"); any other
 * failure or warning means it could, with losses or manual work ("At risk"); anything still
 * unknown keeps the verdict "Unknown" — never "Ready" on missing facts.
 */
export const verdictOf = (checks: readonly ReadinessCheck[]): Verdict => {
  if (checks.some((c) => c.status === 'fail' && c.blocking)) return 'notProtected';
  if (checks.some((c) => c.status === 'fail' || c.status === 'warn')) return 'atRisk';
  if (checks.some((c) => c.status === 'unknown')) return 'unknown';
  return 'ready';
};

/**
 * One ordered checklist answering "am I protected?" for this hub's role. A primary (or a hub on its
 * way to becoming one) is judged on its schedule and backups; a passive hub on its sync restore and
 * the freshness of its copy. Every source that could not be read yields an `unknown` check.
 */
export const drReadiness = (input: ReadinessInput): Readiness => {
  const checks: ReadinessCheck[] = [];
  const operator = operatorCheck(input);
  checks.push(operator);
  checks.push(podsCheck(input.policy));
  checks.push(dpaCheck(input));
  checks.push(storageCheck(input.storageLocations));

  const operatorMissing = input.crdServed.backupSchedule === false;
  const roleKnown = usable(input.schedules) && usable(input.restores);
  const role = roleKnown ? hubRole({ schedules: input.schedules.data, restores: input.restores.data }) : undefined;
  let collision: Collision | undefined;
  let ages: BackupAge[] = [];

  if (operatorMissing) {
    checks.push(needsOperator('schedule'), needsOperator('backupFreshness'), needsOperator('collision'));
  } else if (!role) {
    const source = usable(input.schedules) ? input.restores : input.schedules;
    checks.push(notRead('schedule', source), notRead('backupFreshness', source), notRead('collision', source));
  } else if (role.role === 'passive') {
    checks.push(syncRestoreCheck(role), passiveFreshnessCheck(input, role));
    const c = collisionCheck(input, role);
    checks.push(c.check);
  } else {
    checks.push(scheduleCheck(role));
    const f = freshnessCheck(input, role);
    ages = f.ages;
    checks.push(f.check);
    const c = collisionCheck(input, role);
    collision = c.collision;
    checks.push(c.check);
  }
  checks.push(policyCheck(input.policy));
  checks.push(role ? autoImportCheck(input, role) : notRead('autoImport', usable(input.schedules) ? input.restores : input.schedules));

  const verdict = verdictOf(checks);
  return { verdict, verdictLabel: VERDICT_LABEL[verdict], checks, ...(role ? { role } : {}), ...(collision ? { collision } : {}), backupAges: ages };
};

