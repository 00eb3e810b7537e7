/**
 * A Restore's phase and last message in plain words, with what to check (§2 phases and
 * `lastMessage` strings), and whether a PartiallyFailed Velero restore is the benign "empty
 * backup" case the operator's README warns about.
 */
import { msg, type Message } from '../k8s/message';
import { ANNOTATIONS, BACKUP_NAMESPACE, DEFAULT_RESTORE_SYNC_INTERVAL } from '../k8s/names';
import type { Restore, VeleroBackup, VeleroRestore } from '../k8s/types';
import { findByName, veleroRestoresOf } from './restoreObjects';

export type RestoreSeverity = 'healthy' | 'warning' | 'critical' | 'unknown' | 'progress';

/** Which of the operator's `lastMessage` forms the status carries. */
export type RestoreMessageCause =
  | 'preparing'
  | 'started'
  | 'veleroRestoreCreated'
  | 'waitingForRestore'
  | 'waitingForPvc'
  | 'running'
  | 'veleroRestoreFailed'
  | 'syncEnabled'
  | 'completedWithErrors'
  | 'completed'
  | 'alreadyRestored'
  | 'nothingToDo'
  | 'backupNotFound'
  | 'backupNameMissing'
  | 'noBackups'
  | 'storageLocationMissing'
  | 'storageLocationUnavailable'
  | 'blockedBySchedule'
  | 'blockedByRestore'
  | 'cleanupAllNotConfirmed'
  | 'invalidCleanup'
  | 'veleroStatusUnknown'
  | 'other'
  | 'none';

/** What the status message names, for links and commands. */
export type RestoreMessageSubjects = {
  veleroRestore?: string;
  backup?: string;
  resourceType?: string;
  blocker?: string;
  namespace?: string;
  pvcs?: string;
};

export type VeleroRestoreVerdict = 'ok' | 'inProgress' | 'emptyBackup' | 'errors' | 'failed' | 'undetermined';

export type VeleroRestoreDiagnosis = {
  name: string;
  backupName?: string;
  phase?: string;
  verdict: VeleroRestoreVerdict;
  severity: RestoreSeverity;
  explanation: Message;
  check?: Message;
  /** Items in the backup when the backup is visible and reports them. */
  backupItems?: number;
};

export type RestorePhaseInfo = {
  /** The raw phase; empty when the operator has not set one. */
  phase: string;
  severity: RestoreSeverity;
  label: Message;
  explanation: Message;
  check?: Message;
  /** §2 Rules: anything not Finished/FinishedWithErrors blocks other restores and schedules. */
  isActive: boolean;
  /** `Enabled`/`EnabledWithErrors`: a passive-sync restore still restoring new backups. */
  isSyncing: boolean;
  cause: RestoreMessageCause;
  subjects: RestoreMessageSubjects;
  /** The operator appended "SyncRestoreWithNewBackups option is ignored because …". */
  syncIgnored?: Message;
  /** The operator's own text, untranslated, for "show details". */
  lastMessage?: string;
  /** For FinishedWithErrors (and sync errors): each PartiallyFailed or failed Velero restore, judged. */
  veleroDiagnoses?: VeleroRestoreDiagnosis[];
};

export type RestorePhaseContext = {
  veleroRestores?: readonly VeleroRestore[];
  backups?: readonly VeleroBackup[];
};

const FINISHED = ['Finished', 'FinishedWithErrors'];

/** The operator's own test (`isOtherRestoresRunning`, §2 Rules). */
export const isRestoreActive = (restore: Restore): boolean => !FINISHED.includes(restore.status?.phase ?? '');

/** `Restore.IsPhaseEnabled()` (§2). */
export const isRestoreSyncing = (restore: Restore): boolean => {
  const phase = restore.status?.phase ?? '';
  return phase === 'Enabled' || phase === 'EnabledWithErrors';
};

// ---- Velero restores -------------------------------------------------------------------------

const IN_PROGRESS_VELERO = [
  'New',
  'InProgress',
  'WaitingForPluginOperations',
  'WaitingForPluginOperationsPartiallyFailed',
  'Finalizing',
  'FinalizingPartiallyFailed',
];

/** Items the backup holds, when it says: Velero omits zero counters, so `progress: {}` means none. */
const backupItemCount = (backup: VeleroBackup | undefined): number | undefined => {
  const p = backup?.status?.progress;
  if (!p) return undefined;
  return Math.min(p.totalItems ?? 0, p.itemsBackedUp ?? p.totalItems ?? 0);
};

/**
 * Judges one Velero restore. Velero keeps only the counts of errors and warnings in the object;
 * their text is in the restore's results in object storage. So an empty backup is recognised
 * from the evidence around it: the backup reports zero items, and the restore has at most the
 * one error (older Velero: `directory "resources" does not exist`, PartiallyFailed) or only
 * warnings (newer Velero: `zero items to be restored`, Completed). Without the backup's item
 * count the verdict stays undetermined.
 */
export const diagnoseVeleroRestore = (vr: VeleroRestore, backups?: readonly VeleroBackup[]): VeleroRestoreDiagnosis => {
  const name = vr.metadata?.name ?? '';
  const backupName = vr.spec?.backupName;
  const phase = vr.status?.phase ?? '';
  const errors = vr.status?.errors ?? 0;
  const warnings = vr.status?.warnings ?? 0;
  const backup = findByName(backups, backupName);
  const items = backupItemCount(backup);
  const base = { name, ...(backupName ? { backupName } : {}), ...(phase ? { phase } : {}), ...(items !== undefined ? { backupItems: items } : {}) };
  const details = msg('Run the Velero restore details command to read the errors and warnings: the restore object keeps only their counts.');

  if (phase === '') {
    return {
      ...base,
      verdict: 'undetermined',
      severity: 'unknown',
      explanation: msg('Velero restore {{name}} has no status yet.', { name }),
      check: msg('If this lasts more than a minute, check that the Velero pod is running in the backup namespace.'),
    };
  }
  if (IN_PROGRESS_VELERO.includes(phase)) {
    return { ...base, verdict: 'inProgress', severity: 'progress', explanation: msg('Velero restore {{name}} is in progress ({{phase}}).', { name, phase }) };
  }
  if (phase === 'Completed') {
    if (warnings > 0 && items === 0) {
      return {
        ...base,
        verdict: 'emptyBackup',
        severity: 'healthy',
        explanation: msg('Velero restore {{name}} completed with warnings because backup {{backup}} holds no items; nothing is missing.', {
          name,
          backup: backupName ?? '',
        }),
      };
    }
    return {
      ...base,
      verdict: 'ok',
      severity: warnings > 0 ? 'warning' : 'healthy',
      explanation:
        warnings > 0
          ? msg('Velero restore {{name}} completed with {{warnings}} warnings.', { name, warnings })
          : msg('Velero restore {{name}} completed.', { name }),
      ...(warnings > 0 ? { check: details } : {}),
    };
  }
  if (phase === 'PartiallyFailed') {
    if (!backupName || !backup) {
      return {
        ...base,
        verdict: 'undetermined',
        severity: 'warning',
        explanation: msg(
          'Velero restore {{name}} ended PartiallyFailed with {{errors}} errors. Velero also does this when the backup is empty, which is harmless, but backup {{backup}} is not visible here, so this cannot be confirmed.',
          { name, errors, backup: backupName ?? '' },
        ),
        check: details,
      };
    }
    if (items === undefined) {
      return {
        ...base,
        verdict: 'undetermined',
        severity: 'warning',
        explanation: msg(
          'Velero restore {{name}} ended PartiallyFailed with {{errors}} errors. Backup {{backup}} does not report how many items it holds, so an empty backup (harmless) cannot be told apart from real errors.',
          { name, errors, backup: backupName },
        ),
        check: details,
      };
    }
    if (items === 0 && errors <= 1) {
      return {
        ...base,
        verdict: 'emptyBackup',
        severity: 'healthy',
        explanation: msg(
          'Velero restore {{name}} ended PartiallyFailed only because backup {{backup}} holds no items: Velero reports restoring an empty backup as an error. Nothing is missing.',
          { name, backup: backupName },
        ),
      };
    }
    return {
      ...base,
      verdict: 'errors',
      severity: 'warning',
      explanation:
        items === 0
          ? msg('Velero restore {{name}} ended PartiallyFailed with {{errors}} errors, more than an empty backup explains: some resources may not have been restored.', {
              name,
              errors,
            })
          : msg('Velero restore {{name}} ended PartiallyFailed with {{errors}} errors while restoring {{items}} items from backup {{backup}}: some resources were not restored.', {
              name,
              errors,
              items,
              backup: backupName,
            }),
      check: details,
    };
  }
  if (phase === 'Failed' || phase === 'FailedValidation') {
    const reason = vr.status?.failureReason || (vr.status?.validationErrors ?? []).join('; ');
    return {
      ...base,
      verdict: 'failed',
      severity: 'critical',
      explanation: reason
        ? phase === 'FailedValidation'
          ? msg('Velero restore {{name}} failed validation: {{reason}}', { name, reason })
          : msg('Velero restore {{name}} failed: {{reason}}', { name, reason })
        : phase === 'FailedValidation'
          ? msg('Velero restore {{name}} failed validation.', { name })
          : msg('Velero restore {{name}} failed.', { name }),
      check: phase === 'FailedValidation' ? msg('Check the backup name and the restore filters; Velero refuses filters that contradict each other.') : details,
    };
  }
  return {
    ...base,
    verdict: 'undetermined',
    severity: 'unknown',
    explanation: msg('Velero restore {{name}} is in a phase this console does not know: {{phase}}.', { name, phase }),
  };
};

// ---- The Restore's own status -----------------------------------------------------------------

const SYNC_IGNORED_SEPARATOR = ' ; SyncRestoreWithNewBackups option is ignored because ';

const SYNC_IGNORED_REASONS: Record<string, Message> = {
  'Some Velero backup names are not set.': msg('Sync is off: all three backup names must be set.'),
  'VeleroManagedClustersBackupName should be set to skip or latest.': msg('Sync is off: managed clusters must be set to skip (or latest, to activate).'),
  'VeleroCredentialsBackupName should be set to latest.': msg('Sync is off: credentials must be set to latest.'),
  'VeleroResourcesBackupName should be set to latest.': msg('Sync is off: resources must be set to latest.'),
};

type Parsed = { cause: RestoreMessageCause; subjects: RestoreMessageSubjects };

/** The §2 `lastMessage` forms; the operator builds them with Sprintf, so each is matched as a whole. */
const MESSAGE_FORMS: [RegExp, RestoreMessageCause, (m: RegExpExecArray) => RestoreMessageSubjects][] = [
  [/^Prepare to restore, cleaning up resources$/, 'preparing', () => ({})],
  [/^Restore (\S+) started$/, 'started', () => ({})],
  [/^Restore (\S+) completed$/, 'alreadyRestored', () => ({})],
  [/^Velero restore (\S+) has started$/, 'veleroRestoreCreated', (m) => ({ veleroRestore: m[1] })],
  [/^waiting for restore to complete (\S+)$/, 'waitingForRestore', (m) => ({ veleroRestore: m[1] })],
  [/^waiting for PVC (.+)$/, 'waitingForPvc', (m) => ({ pvcs: m[1] })],
  [/^Velero restore (\S+) is currently executing$/, 'running', (m) => ({ veleroRestore: m[1] })],
  [/^Velero restore (\S+) has failed validation or encountered errors$/, 'veleroRestoreFailed', (m) => ({ veleroRestore: m[1] })],
  [/^Velero restores have run to completion, restore will continue to sync with new backups$/, 'syncEnabled', () => ({})],
  [/^Velero restores have run to completion but encountered 1\+ errors$/, 'completedWithErrors', () => ({})],
  [/^All Velero restores have run successfully$/, 'completed', () => ({})],
  [/^Nothing to do for restore (\S+)$/, 'nothingToDo', () => ({})],
  [/^Backup (\S+) Not found for resource type: (\S+)$/, 'backupNotFound', (m) => ({ backup: m[1], resourceType: m[2] })],
  // Later operators overwrite the message above with the lookup error itself.
  [/^cannot find (\S+) Velero Backup(?: for resourceType (\S+))?/, 'backupNotFound', (m) => ({ backup: m[1], ...(m[2] ? { resourceType: m[2] } : {}) })],
  [/^Backup name not found for resource type: (\S+)$/, 'backupNameMissing', (m) => ({ resourceType: m[1] })],
  [/^backup name not found$/, 'backupNameMissing', () => ({})],
  [/^no (?:velero )?backups found$/, 'noBackups', () => ({})],
  [/^velero\.io\.BackupStorageLocation resources not found\./, 'storageLocationMissing', () => ({})],
  [/^Backup storage location not available in namespace (\S+?)\./, 'storageLocationUnavailable', (m) => ({ namespace: m[1] })],
  [/^This resource is ignored because BackupSchedule resource (\S+) is currently active/, 'blockedBySchedule', (m) => ({ blocker: m[1] })],
  [/^This resource is ignored because Restore resource (\S+) is currently active/, 'blockedByRestore', (m) => ({ blocker: m[1] })],
  [/^cleanupBeforeRestore=CleanupAll requires the \S+ annotation/, 'cleanupAllNotConfirmed', () => ({})],
  [/^invalid CleanupBeforeRestore value ?: ?(.*)$/, 'invalidCleanup', () => ({})],
  [/^Unknown status for Velero restore (\S+)$/, 'veleroStatusUnknown', (m) => ({ veleroRestore: m[1] })],
];

const parseMessage = (text: string | undefined): Parsed => {
  if (!text) return { cause: 'none', subjects: {} };
  for (const [re, cause, subjects] of MESSAGE_FORMS) {
    const m = re.exec(text);
    if (m) return { cause, subjects: subjects(m) };
  }
  return { cause: 'other', subjects: {} };
};

const PHASE_LABELS: Record<string, Message> = {
  Started: msg('Started'),
  Running: msg('Running'),
  Finished: msg('Finished'),
  FinishedWithErrors: msg('Finished with errors'),
  Error: msg('Failed'),
  Unknown: msg('Unknown'),
  Enabled: msg('Syncing'),
  EnabledWithErrors: msg('Syncing, last attempt failed'),
};

const PHASE_SEVERITY: Record<string, RestoreSeverity> = {
  Started: 'progress',
  Running: 'progress',
  Finished: 'healthy',
  FinishedWithErrors: 'warning',
  Error: 'critical',
  Unknown: 'unknown',
  Enabled: 'healthy',
  EnabledWithErrors: 'warning',
};

const PHASE_EXPLANATIONS: Record<string, Message> = {
  Started: msg('The operator has started the restore.'),
  Running: msg('Velero is restoring the backups.'),
  Finished: msg('The restore finished.'),
  FinishedWithErrors: msg('The restore finished, but reported errors.'),
  Error: msg('The restore failed.'),
  Unknown: msg('The operator cannot tell the state of its Velero restores.'),
  Enabled: msg('Passive data is restored and the restore keeps restoring new backups.'),
  EnabledWithErrors: msg('The last attempt to restore new backups failed; the restore keeps retrying.'),
};

const CHECK_OPERATOR = msg('Check that the cluster-backup operator pod is running in the backup namespace.');
const CHECK_VELERO = msg('Check that the Velero pod is running in the backup namespace.');

type Explained = { explanation: Message; check?: Message; severity?: RestoreSeverity };

const syncIntervalOf = (restore: Restore): string => restore.spec?.restoreSyncInterval?.trim() || DEFAULT_RESTORE_SYNC_INTERVAL;

/** The cause-specific words; undefined leaves the phase's generic explanation. */
const explainCause = (restore: Restore, phase: string, { cause, subjects }: Parsed): Explained | undefined => {
  const syncing = phase === 'Enabled' || phase === 'EnabledWithErrors';
  const ns = restore.metadata?.namespace || BACKUP_NAMESPACE;
  switch (cause) {
    case 'preparing':
      return { explanation: msg('The operator accepted the restore and is preparing the Velero restores.') };
    case 'started':
      return { explanation: msg('The operator created the Velero restores; Velero runs them one after another.') };
    case 'alreadyRestored':
      return { explanation: msg('No new Velero restore was needed: the Velero restores for these backups already existed.') };
    case 'veleroRestoreCreated':
      return { explanation: msg('Velero restore {{veleroRestore}} is waiting for Velero to start it.', { veleroRestore: subjects.veleroRestore ?? '' }), check: CHECK_VELERO };
    case 'waitingForRestore':
      return {
        explanation: msg('Waiting for Velero restore {{veleroRestore}} to finish before the managed clusters are restored.', {
          veleroRestore: subjects.veleroRestore ?? '',
        }),
      };
    case 'waitingForPvc':
      return {
        explanation: msg('Waiting for persistent volume claims to exist before the managed clusters are restored: {{pvcs}}.', { pvcs: subjects.pvcs ?? '' }),
        check: msg('These claims are created on this hub from the backup-pvc ConfigMaps restored with the credentials; check whatever creates them (usually a policy) and their storage class.'),
      };
    case 'running':
      return { explanation: msg('Velero is restoring {{veleroRestore}}.', { veleroRestore: subjects.veleroRestore ?? '' }) };
    case 'veleroRestoreFailed':
      return syncing
        ? {
            explanation: msg('Velero restore {{veleroRestore}} failed or failed validation; the restore tries again at the next sync, every {{interval}}.', {
              veleroRestore: subjects.veleroRestore ?? '',
              interval: syncIntervalOf(restore),
            }),
            check: msg('Describe Velero restore {{veleroRestore}} to read its failure reason or validation errors.', { veleroRestore: subjects.veleroRestore ?? '' }),
          }
        : {
            explanation: msg('Velero restore {{veleroRestore}} failed or failed validation, so the restore stopped.', { veleroRestore: subjects.veleroRestore ?? '' }),
            check: msg('Describe Velero restore {{veleroRestore}} to read its failure reason or validation errors, fix the cause, then create a new restore: this one does not run again.', {
              veleroRestore: subjects.veleroRestore ?? '',
            }),
          };
    case 'syncEnabled':
      return {
        explanation: msg('Passive data is restored. Every {{interval}} the restore checks for newer backups and restores them; the managed clusters stay with the primary hub until you activate this restore.', {
          interval: syncIntervalOf(restore),
        }),
      };
    case 'completedWithErrors':
      return {
        explanation: msg('All Velero restores ran, but at least one ended PartiallyFailed. Velero also reports an empty backup that way, which is harmless.'),
        check: msg('Look at each Velero restore of this restore to see which one failed and why.'),
      };
    case 'completed':
      return { explanation: msg('All Velero restores completed successfully.') };
    case 'nothingToDo':
      return { explanation: msg('Every backup type was set to skip, so nothing was restored.') };
    case 'backupNotFound':
      return subjects.backup === 'latest'
        ? {
            explanation: subjects.resourceType
              ? msg('No Completed backup of type {{type}} was found in the storage location.', { type: subjects.resourceType })
              : msg('No Completed backup of this type was found in the storage location.'),
            check: msg('Check that the storage location points at the primary hub\'s backups and is Available, and wait for Velero to list them on this hub; then create a new restore.'),
          }
        : {
            explanation: subjects.resourceType
              ? msg('Backup {{backup}} was not found for type {{type}}.', { backup: subjects.backup ?? '', type: subjects.resourceType })
              : msg('Backup {{backup}} was not found.', { backup: subjects.backup ?? '' }),
            // Not `namespace`: the string extractor reads that option as an i18n namespace.
            check: msg('Check that backup {{backup}} exists in namespace {{backupNamespace}} and has not expired; then create a new restore with an existing backup or latest.', {
              backup: subjects.backup ?? '',
              backupNamespace: ns,
            }),
          };
    case 'backupNameMissing':
      return {
        explanation: subjects.resourceType
          ? msg('The restore names no backup for type {{type}}.', { type: subjects.resourceType })
          : msg('The restore leaves a backup name empty.'),
        check: msg('Set each backup name to latest, skip or the name of a backup, in a new restore.'),
      };
    case 'noBackups':
      return {
        explanation: msg('No Velero backups are visible on this hub.'),
        check: msg('Check that the storage location points at the primary hub\'s bucket and is Available; Velero lists the stored backups on this hub within a minute or so.'),
      };
    case 'storageLocationMissing':
      return {
        explanation: msg('No Velero backup storage location exists on this hub.'),
        check: msg('Create a DataProtectionApplication pointing at the backup storage. The operator retries every minute and continues on its own once a storage location exists.'),
      };
    case 'storageLocationUnavailable':
      return {
        explanation: msg('The backup storage location in namespace {{backupNamespace}} is not available.', { backupNamespace: subjects.namespace ?? ns }),
        check: msg('Check the BackupStorageLocation status and the storage credentials. The operator retries every minute and continues on its own once the location is Available.'),
      };
    case 'blockedBySchedule':
      return {
        severity: 'critical',
        explanation: msg('The operator ignored this restore and restored nothing: BackupSchedule {{name}} is active in this namespace, and a hub cannot restore while it writes backups.', {
          name: subjects.blocker ?? '',
        }),
        check: msg('If this hub should not write backups, pause or delete BackupSchedule {{name}}; then create a new restore, because this one will not run again.', {
          name: subjects.blocker ?? '',
        }),
      };
    case 'blockedByRestore':
      return {
        severity: 'critical',
        explanation: msg('The operator ignored this restore and restored nothing: restore {{name}} was still active, and only one restore runs at a time.', {
          name: subjects.blocker ?? '',
        }),
        check: msg('Wait for restore {{name}} to finish, or delete it (a syncing restore stays active until it is activated or deleted); then create a new restore.', {
          name: subjects.blocker ?? '',
        }),
      };
    case 'cleanupAllNotConfirmed':
      return {
        severity: 'critical',
        explanation: msg('The operator refused CleanupAll and restored nothing: the restore lacks the annotation that confirms mass deletion of hub resources.'),
        check: msg('If deleting every ACM resource that is not in the backup is intended, create a new restore with the annotation {{annotation}} set to "true".', {
          annotation: ANNOTATIONS.cleanupAllConfirmed,
        }),
      };
    case 'invalidCleanup':
      return {
        severity: 'critical',
        explanation: msg('The operator refused the restore: cleanupBeforeRestore is not None, CleanupRestored or CleanupAll.'),
        check: msg('Create a new restore with a valid cleanup option.'),
      };
    case 'veleroStatusUnknown':
      return {
        explanation: msg('Velero restore {{veleroRestore}} has no status.', { veleroRestore: subjects.veleroRestore ?? '' }),
        check: CHECK_VELERO,
      };
    default:
      return undefined;
  }
};

/**
 * The phase and last message of a Restore in plain words. With the Velero restores and backups
 * (optional), FinishedWithErrors and failed sync attempts are judged per Velero restore, and a
 * restore whose only failures are empty backups is reported as healthy.
 */
export const restorePhaseInfo = (restore: Restore, context: RestorePhaseContext = {}): RestorePhaseInfo => {
  const phase = restore.status?.phase ?? '';
  const raw = restore.status?.lastMessage;
  let main = raw;
  let syncIgnored: Message | undefined;
  const cut = raw?.indexOf(SYNC_IGNORED_SEPARATOR) ?? -1;
  if (raw && cut >= 0) {
    main = raw.slice(0, cut);
    const reason = raw.slice(cut + SYNC_IGNORED_SEPARATOR.length).trim();
    syncIgnored = SYNC_IGNORED_REASONS[reason] ?? msg('Sync is off: the operator ignores syncRestoreWithNewBackups for this spec.');
  }
  const parsed = parseMessage(main);
  const isActive = isRestoreActive(restore);
  const isSyncing = isRestoreSyncing(restore);

  let severity: RestoreSeverity;
  let label: Message;
  let explanation: Message;
  let check: Message | undefined;
  if (phase === '') {
    severity = 'unknown';
    label = msg('Waiting for the operator');
    explanation = msg('The operator has not processed this restore yet.');
    check = CHECK_OPERATOR;
  } else if (PHASE_LABELS[phase]) {
    severity = PHASE_SEVERITY[phase];
    label = PHASE_LABELS[phase];
    explanation = PHASE_EXPLANATIONS[phase];
  } else {
    severity = 'unknown';
    label = msg('Unrecognised phase {{phase}}', { phase });
    explanation = msg('The operator reports a phase this console does not know: {{phase}}.', { phase });
  }
  const specific = explainCause(restore, phase, parsed);
  if (specific) {
    explanation = specific.explanation;
    check = specific.check ?? check;
    if (specific.severity && phase !== '' && PHASE_LABELS[phase]) severity = specific.severity;
  } else if (phase === 'Unknown') {
    check = CHECK_VELERO;
  }

  let veleroDiagnoses: VeleroRestoreDiagnosis[] | undefined;
  if (context.veleroRestores && (phase === 'FinishedWithErrors' || phase === 'EnabledWithErrors' || phase === 'Error' || parsed.cause === 'completedWithErrors')) {
    veleroDiagnoses = veleroRestoresOf(restore, context.veleroRestores)
      .map((vr) => diagnoseVeleroRestore(vr, context.backups))
      .filter((d) => d.verdict !== 'ok' && d.verdict !== 'inProgress');
    if (parsed.cause === 'completedWithErrors') {
      const judged = judgePartialFailures(veleroDiagnoses);
      explanation = judged.explanation;
      check = judged.check;
      severity = judged.severity;
    }
  }

  return {
    phase,
    severity,
    label,
    explanation,
    ...(check ? { check } : {}),
    isActive,
    isSyncing,
    cause: parsed.cause,
    subjects: parsed.subjects,
    ...(syncIgnored ? { syncIgnored } : {}),
    ...(raw ? { lastMessage: raw } : {}),
    ...(veleroDiagnoses ? { veleroDiagnoses } : {}),
  };
};

/** FinishedWithErrors, told apart: only empty backups (benign), real errors, or not enough evidence. */
const judgePartialFailures = (diagnoses: VeleroRestoreDiagnosis[]): Explained & { severity: RestoreSeverity } => {
  const partial = diagnoses.filter((d) => d.phase === 'PartiallyFailed');
  if (partial.length === 0) {
    return {
      severity: 'warning',
      explanation: msg('All Velero restores ran, but at least one ended PartiallyFailed; none of the Velero restores visible here shows it.'),
      check: msg('The Velero restore may have been deleted since. Describe this restore to see which Velero restores it created.'),
    };
  }
  const benign = partial.filter((d) => d.verdict === 'emptyBackup');
  const real = partial.filter((d) => d.verdict === 'errors');
  if (benign.length === partial.length) {
    return {
      severity: 'healthy',
      explanation: msg('All Velero restores ran. Those marked PartiallyFailed ({{names}}) restored backups that hold no items, which Velero reports as an error: nothing is missing.', {
        names: benign.map((d) => d.name).join(', '),
      }),
    };
  }
  if (real.length > 0) {
    return {
      severity: 'warning',
      explanation: msg('Velero restores {{names}} ended with errors: some resources may not have been restored.', { names: real.map((d) => d.name).join(', ') }),
      check: msg('Run the Velero restore details command for each of them to read the errors.'),
    };
  }
  return {
    severity: 'warning',
    explanation: msg('Velero restores {{names}} ended PartiallyFailed. This is harmless when their backups are empty, but the backups do not show how many items they hold, so this cannot be confirmed.', {
      names: partial.filter((d) => d.verdict !== 'emptyBackup').map((d) => d.name).join(', '),
    }),
    check: msg('Run the Velero restore details command for each of them to read the errors.'),
  };
};
