import { msg, type Message } from '../k8s/message';
import { LATEST, SKIP, VELERO_SCHEDULE_NAMES, LEGACY_CREDENTIALS_SCHEDULE_NAMES } from '../k8s/names';
import type { LabelSelector, RestoreSpec } from '../k8s/types';
import { parseGoDuration, validateDuration } from './duration';
import { normalizeBackupName, validateBackupNameValue, validateNamespaceName } from './resourceNames';

/**
 * What the cluster-backup-operator (its validating webhook and its controller, §2) and Velero
 * would refuse or silently ignore in a Restore spec, found before anything is sent. Errors are
 * what the API server or Velero rejects or what makes the restore fail; warnings are accepted but
 * probably not what the user wants.
 */

export type Severity = 'error' | 'warning';

/** `field` is the API server's path (`spec.veleroCredentialsBackupName`), or `spec` for the whole spec. */
export type ValidationIssue = { field: string; message: Message; severity: Severity };

export type RestoreOperation = 'create' | 'update';

const BACKUP_NAME_FIELDS = ['veleroManagedClustersBackupName', 'veleroCredentialsBackupName', 'veleroResourcesBackupName'] as const;
type BackupNameField = (typeof BACKUP_NAME_FIELDS)[number];

const CLEANUP_VALUES = ['None', 'CleanupRestored', 'CleanupAll'];

// Which Velero schedules make backups of each type; a name from another schedule restores the
// wrong content (the operator does not check).
const OWN_SCHEDULES: Record<BackupNameField, string[]> = {
  veleroManagedClustersBackupName: [VELERO_SCHEDULE_NAMES.managedClusters],
  veleroCredentialsBackupName: [VELERO_SCHEDULE_NAMES.credentials, ...LEGACY_CREDENTIALS_SCHEDULE_NAMES],
  veleroResourcesBackupName: [VELERO_SCHEDULE_NAMES.resources],
};
const ALL_SCHEDULES = [...Object.values(VELERO_SCHEDULE_NAMES), ...LEGACY_CREDENTIALS_SCHEDULE_NAMES];

const wrongTypeMessage: Record<BackupNameField, (value: string) => Message> = {
  veleroManagedClustersBackupName: (value) =>
    msg('"{{value}}" is not a managed-clusters backup. Choose a backup of acm-managed-clusters-schedule, or "latest".', { value }),
  veleroCredentialsBackupName: (value) =>
    msg('"{{value}}" is not a credentials backup. Choose a backup of acm-credentials-schedule, or "latest".', { value }),
  veleroResourcesBackupName: (value) =>
    msg('"{{value}}" is not a resources backup. Choose a backup of acm-resources-schedule, or "latest".', { value }),
};

const scheduleOf = (backupName: string): string | undefined =>
  // Longest first: "acm-resources-generic-schedule" must not be read as "acm-resources-…".
  [...ALL_SCHEDULES].sort((a, b) => b.length - a.length).find((s) => backupName.startsWith(`${s}-`));

/** Velero namespaces lists also accept `*` and glob patterns; anything else must be a namespace name. */
const isNamespacePattern = (ns: string) => /[*?[\]{}!]/.test(ns);

/** Velero `collections.ValidateIncludesExcludes`; the Velero restore ends `FailedValidation` otherwise. */
const includesExcludesIssues = (
  kind: 'namespaces' | 'resources',
  includes: string[] | undefined,
  excludes: string[] | undefined,
): ValidationIssue[] => {
  const issues: ValidationIssue[] = [];
  const inc = new Set(includes ?? []);
  const exc = new Set(excludes ?? []);
  const incField = kind === 'namespaces' ? 'spec.includedNamespaces' : 'spec.includedResources';
  const excField = kind === 'namespaces' ? 'spec.excludedNamespaces' : 'spec.excludedResources';
  if (inc.size > 1 && inc.has('*')) {
    issues.push({
      field: incField,
      severity: 'error',
      message: msg('"*" already includes everything: use "*" alone or list the items without it.'),
    });
  }
  if (exc.has('*')) {
    issues.push({ field: excField, severity: 'error', message: msg('An exclude list cannot contain "*": that would exclude everything.') });
  }
  for (const item of exc) {
    if (inc.has(item)) {
      issues.push({
        field: excField,
        severity: 'error',
        message: msg('"{{item}}" is both included and excluded. Remove it from one of the two lists.', { item }),
      });
    }
  }
  return issues;
};

const SELECTOR_OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'];

const selectorIssues = (selector: LabelSelector, field: string): ValidationIssue[] => {
  const issues: ValidationIssue[] = [];
  (selector.matchExpressions ?? []).forEach((expr, i) => {
    const at = `${field}.matchExpressions[${i}]`;
    if (!expr.key) {
      issues.push({ field: `${at}.key`, severity: 'error', message: msg('Enter the label key this expression tests.') });
    }
    if (!SELECTOR_OPERATORS.includes(expr.operator)) {
      issues.push({
        field: `${at}.operator`,
        severity: 'error',
        message: msg('"{{operator}}" is not a label selector operator. Use In, NotIn, Exists or DoesNotExist.', { operator: expr.operator ?? '' }),
      });
    } else if ((expr.operator === 'In' || expr.operator === 'NotIn') && !(expr.values && expr.values.length > 0)) {
      issues.push({
        field: `${at}.values`,
        severity: 'error',
        message: msg('{{operator}} needs at least one value.', { operator: expr.operator }),
      });
    } else if ((expr.operator === 'Exists' || expr.operator === 'DoesNotExist') && expr.values && expr.values.length > 0) {
      issues.push({
        field: `${at}.values`,
        severity: 'error',
        message: msg('{{operator}} takes no values: remove them, or use In or NotIn.', { operator: expr.operator }),
      });
    }
  });
  return issues;
};

const RESERVED_TARGET = /^(default|openshift|kube-.*|openshift-.*)$/;

const hasFilters = (spec: Partial<RestoreSpec>): boolean =>
  Boolean(
    spec.includedNamespaces?.length ||
      spec.includedResources?.length ||
      spec.excludedNamespaces?.length ||
      spec.excludedResources?.length ||
      spec.labelSelector ||
      spec.orLabelSelectors?.length,
  );

/**
 * All issues of a Restore spec, checked from the spec alone (no cluster state). `operation`
 * matters for passive sync: the webhook wants managed clusters `skip` when the Restore is
 * created, and allows `latest` only as the later edit that activates them (§2).
 */
export const validateRestoreSpec = (
  spec: Partial<RestoreSpec>,
  { operation }: { operation: RestoreOperation },
): ValidationIssue[] => {
  const issues: ValidationIssue[] = [];
  const add = (field: string, severity: Severity, message: Message) => issues.push({ field, severity, message });

  // Required fields and their values.
  if (spec.cleanupBeforeRestore === undefined || (spec.cleanupBeforeRestore as string) === '') {
    add('spec.cleanupBeforeRestore', 'error', msg('Choose what to clean up after the restore: None, CleanupRestored or CleanupAll.'));
  } else if (!CLEANUP_VALUES.includes(spec.cleanupBeforeRestore)) {
    add(
      'spec.cleanupBeforeRestore',
      'error',
      msg('"{{value}}" is not a cleanup option. Use None, CleanupRestored or CleanupAll.', { value: String(spec.cleanupBeforeRestore) }),
    );
  }
  const names = {} as Record<BackupNameField, string | undefined>;
  for (const field of BACKUP_NAME_FIELDS) {
    const raw = spec[field];
    names[field] = raw === undefined ? undefined : normalizeBackupName(raw);
    const invalid = validateBackupNameValue(raw);
    if (invalid) {
      add(`spec.${field}`, 'error', invalid);
      continue;
    }
    const value = names[field] as string;
    if (value !== LATEST && value !== SKIP) {
      const schedule = scheduleOf(value);
      if (schedule && !OWN_SCHEDULES[field].includes(schedule)) add(`spec.${field}`, 'warning', wrongTypeMessage[field](value));
    }
  }

  if (BACKUP_NAME_FIELDS.every((f) => names[f] === SKIP)) {
    add(
      'spec',
      'warning',
      msg('Every backup type is set to "skip", so nothing will be restored: the operator only reports "Nothing to do for restore". Set at least one type to "latest" or a backup name.'),
    );
  }

  // Passive sync: the webhook's rules on 2.16+; older operators accept the Restore but ignore
  // syncRestoreWithNewBackups, which is no better.
  if (spec.syncRestoreWithNewBackups === true) {
    const mc = names.veleroManagedClustersBackupName;
    const creds = names.veleroCredentialsBackupName;
    const res = names.veleroResourcesBackupName;
    if (mc === undefined || creds === undefined || res === undefined) {
      add('spec.syncRestoreWithNewBackups', 'error', msg('syncRestoreWithNewBackups requires all backup names to be set'));
    } else {
      if (mc !== SKIP && mc !== LATEST) {
        add(
          'spec.veleroManagedClustersBackupName',
          'error',
          msg("syncRestoreWithNewBackups requires veleroManagedClustersBackupName to be 'skip' or 'latest', got: {{value}}", { value: mc }),
        );
      } else if (operation === 'create' && mc !== SKIP) {
        add(
          'spec.veleroManagedClustersBackupName',
          'error',
          msg(
            "when syncRestoreWithNewBackups is true, veleroManagedClustersBackupName must initially be set to 'skip'. To activate managed clusters, edit the restore to set veleroManagedClustersBackupName to 'latest'",
          ),
        );
      }
      if (creds !== LATEST) {
        add(
          'spec.veleroCredentialsBackupName',
          'error',
          msg("syncRestoreWithNewBackups requires veleroCredentialsBackupName to be 'latest', got: {{value}}", { value: creds }),
        );
      }
      if (res !== LATEST) {
        add(
          'spec.veleroResourcesBackupName',
          'error',
          msg("syncRestoreWithNewBackups requires veleroResourcesBackupName to be 'latest', got: {{value}}", { value: res }),
        );
      }
    }
  }

  if (spec.restoreSyncInterval !== undefined && spec.restoreSyncInterval.trim() !== '') {
    const interval = spec.restoreSyncInterval.trim();
    const invalid = validateDuration(interval);
    const parsed = parseGoDuration(interval);
    if (invalid) add('spec.restoreSyncInterval', 'error', invalid);
    else if (parsed.ok && parsed.nanoseconds <= 0) {
      add('spec.restoreSyncInterval', 'error', msg('The sync interval must be longer than zero, for example 30m.'));
    } else if (spec.syncRestoreWithNewBackups !== true) {
      add(
        'spec.restoreSyncInterval',
        'warning',
        msg('The sync interval is only used when syncRestoreWithNewBackups is on; this restore runs once and ignores it.'),
      );
    }
  }

  if (spec.cleanupBeforeRestore === 'CleanupAll') {
    add(
      'spec.cleanupBeforeRestore',
      'warning',
      msg('CleanupAll deletes every ACM resource on this hub that is not in the restored backup, including resources created directly on this hub. Use CleanupRestored unless this hub must match the backup exactly.'),
    );
  }
  if (hasFilters(spec) && spec.cleanupBeforeRestore && spec.cleanupBeforeRestore !== 'None') {
    add(
      'spec.cleanupBeforeRestore',
      'warning',
      msg('This restore brings back only part of the backup, but cleanup {{cleanup}} can delete hub resources that your filters leave out. Use None when filtering, as the operator\'s samples do.', {
        cleanup: spec.cleanupBeforeRestore,
      }),
    );
  }

  // Velero's own restore validation (the Velero restore fails, so the ACM restore ends in Error).
  issues.push(...includesExcludesIssues('namespaces', spec.includedNamespaces, spec.excludedNamespaces));
  issues.push(...includesExcludesIssues('resources', spec.includedResources, spec.excludedResources));
  for (const key of ['includedNamespaces', 'excludedNamespaces'] as const) {
    (spec[key] ?? []).forEach((ns, i) => {
      if (isNamespacePattern(ns)) return;
      const invalid = validateNamespaceName(ns);
      if (invalid) add(`spec.${key}[${i}]`, 'error', invalid);
    });
  }
  for (const key of ['includedResources', 'excludedResources'] as const) {
    (spec[key] ?? []).forEach((r, i) => {
      if (r.trim() === '') add(`spec.${key}[${i}]`, 'error', msg('Enter a resource type, such as managedclusters or secrets, or remove the empty entry.'));
    });
  }
  if (spec.labelSelector && spec.orLabelSelectors && spec.orLabelSelectors.length > 0) {
    add(
      'spec.orLabelSelectors',
      'error',
      msg('Use either a label selector or a list of alternative (OR) label selectors, not both: Velero refuses a restore with both.'),
    );
  }
  if (spec.labelSelector) issues.push(...selectorIssues(spec.labelSelector, 'spec.labelSelector'));
  (spec.orLabelSelectors ?? []).forEach((s, i) => issues.push(...selectorIssues(s, `spec.orLabelSelectors[${i}]`)));

  // The webhook (2.16+) refuses mapping restored namespaces into the platform's own.
  const targets = new Map<string, string>();
  for (const [source, target] of Object.entries(spec.namespaceMapping ?? {})) {
    const field = `spec.namespaceMapping.${source}`;
    const sourceInvalid = validateNamespaceName(source);
    if (sourceInvalid) {
      add(field, 'error', sourceInvalid);
      continue;
    }
    const targetInvalid = validateNamespaceName(target);
    if (targetInvalid) {
      add(field, 'error', targetInvalid);
      continue;
    }
    if (RESERVED_TARGET.test(target)) {
      add(
        field,
        'error',
        msg('"{{target}}" is reserved: restored namespaces cannot be mapped to default, openshift, kube-* or openshift-* namespaces. Choose another target namespace.', {
          target,
        }),
      );
    } else if (source === target) {
      add(field, 'warning', msg('"{{source}}" is mapped to itself, which changes nothing. Remove this mapping.', { source }));
    } else if (targets.has(target)) {
      add(
        field,
        'warning',
        msg('"{{source}}" and "{{other}}" are both mapped to "{{target}}": their resources will be merged into one namespace.', {
          source,
          other: targets.get(target) as string,
          target,
        }),
      );
    }
    targets.set(target, source);
  }

  if (spec.hooks && Object.keys(spec.hooks).length > 0) {
    add(
      'spec.hooks',
      'warning',
      msg('Restore hooks are ignored: since ACM 2.11 the operator does not pass them to Velero, for security reasons.'),
    );
  }
  return issues;
};

/** Only the blocking issues. */
export const restoreErrors = (issues: ValidationIssue[]): ValidationIssue[] => issues.filter((i) => i.severity === 'error');
