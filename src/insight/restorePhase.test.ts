import type { Restore, RestoreSpec, VeleroBackup, VeleroRestore } from '../k8s/types';
import { diagnoseVeleroRestore, isRestoreActive, isRestoreSyncing, restorePhaseInfo } from './restorePhase';

const NS = 'open-cluster-management-backup';
const SPEC: RestoreSpec = {
  cleanupBeforeRestore: 'CleanupRestored',
  veleroManagedClustersBackupName: 'latest',
  veleroCredentialsBackupName: 'latest',
  veleroResourcesBackupName: 'latest',
};

const restore = (phase: string | undefined, lastMessage?: string, spec: Partial<RestoreSpec> = {}): Restore => ({
  metadata: { name: 'restore-acm', namespace: NS, uid: 'r-1' },
  spec: { ...SPEC, ...spec },
  status: { ...(phase !== undefined ? { phase } : {}), ...(lastMessage ? { lastMessage } : {}) },
});

const owned = { apiVersion: 'cluster.open-cluster-management.io/v1beta1', kind: 'Restore', name: 'restore-acm', uid: 'r-1', controller: true };

const vr = (backupName: string, status: VeleroRestore['status']): VeleroRestore => ({
  metadata: { name: `restore-acm-${backupName}`, namespace: NS, ownerReferences: [owned] },
  spec: { backupName },
  status,
});

const backup = (name: string, progress?: { totalItems?: number; itemsBackedUp?: number }): VeleroBackup => ({
  metadata: { name, namespace: NS },
  status: { phase: 'Completed', startTimestamp: '2025-01-01T12:00:00Z', ...(progress ? { progress } : {}) },
});

describe('restorePhaseInfo: phases', () => {
  it.each([
    ['Started', 'progress', 'Started', true, false],
    ['Running', 'progress', 'Running', true, false],
    ['Finished', 'healthy', 'Finished', false, false],
    ['FinishedWithErrors', 'warning', 'Finished with errors', false, false],
    ['Error', 'critical', 'Failed', true, false],
    ['Unknown', 'unknown', 'Unknown', true, false],
    ['Enabled', 'healthy', 'Syncing', true, true],
    ['EnabledWithErrors', 'warning', 'Syncing, last attempt failed', true, true],
  ])('%s', (phase, severity, label, active, syncing) => {
    const info = restorePhaseInfo(restore(phase));
    expect(info).toMatchObject({ phase, severity, isActive: active, isSyncing: syncing, cause: 'none' });
    expect(info.label.key).toBe(label);
    expect(info.explanation.key).toBeTruthy();
  });

  it('treats a restore the operator has not processed as active and unknown, never healthy', () => {
    for (const r of [restore(undefined), restore('')]) {
      const info = restorePhaseInfo(r);
      expect(info).toMatchObject({ phase: '', severity: 'unknown', isActive: true, isSyncing: false });
      expect(info.check?.key).toMatch(/operator pod is running/);
    }
  });

  it('names an unrecognised phase instead of guessing', () => {
    const info = restorePhaseInfo(restore('Paused'));
    expect(info.severity).toBe('unknown');
    expect(info.label).toEqual({ key: 'Unrecognised phase {{phase}}', params: { phase: 'Paused' } });
    expect(info.isActive).toBe(true);
  });

  it('follows the operator: only Finished and FinishedWithErrors are inactive', () => {
    expect(['Finished', 'FinishedWithErrors'].map((p) => isRestoreActive(restore(p)))).toEqual([false, false]);
    expect(['Started', 'Running', 'Error', 'Unknown', 'Enabled', 'EnabledWithErrors', ''].map((p) => isRestoreActive(restore(p)))).toEqual(
      Array(7).fill(true),
    );
    expect(isRestoreSyncing(restore('EnabledWithErrors'))).toBe(true);
    expect(isRestoreSyncing(restore('Finished'))).toBe(false);
  });
});

describe('restorePhaseInfo: last messages (§2)', () => {
  it.each([
    ['Started', 'Prepare to restore, cleaning up resources', 'preparing', {}],
    ['Started', 'Restore restore-acm started', 'started', {}],
    ['Finished', 'Restore restore-acm completed', 'alreadyRestored', {}],
    ['Started', 'Velero restore restore-acm-acm-credentials-schedule-20250101120000 has started', 'veleroRestoreCreated', { veleroRestore: 'restore-acm-acm-credentials-schedule-20250101120000' }],
    ['Started', 'waiting for restore to complete restore-acm-acm-credentials-schedule-20250101120000', 'waitingForRestore', { veleroRestore: 'restore-acm-acm-credentials-schedule-20250101120000' }],
    ['Started', 'waiting for PVC pvc-a:ns-a, pvc-b:ns-b', 'waitingForPvc', { pvcs: 'pvc-a:ns-a, pvc-b:ns-b' }],
    ['Running', 'Velero restore restore-acm-acm-resources-schedule-20250101120000 is currently executing', 'running', { veleroRestore: 'restore-acm-acm-resources-schedule-20250101120000' }],
    ['Finished', 'All Velero restores have run successfully', 'completed', {}],
    ['Finished', 'Nothing to do for restore restore-acm', 'nothingToDo', {}],
    ['Error', 'Backup acm-resources-schedule-20250101120000 Not found for resource type: resources', 'backupNotFound', { backup: 'acm-resources-schedule-20250101120000', resourceType: 'resources' }],
    ['Error', 'cannot find acm-resources-schedule-2025 Velero Backup: backups.velero.io "acm-resources-schedule-2025" not found', 'backupNotFound', { backup: 'acm-resources-schedule-2025' }],
    ['Error', 'Backup name not found for resource type: managedClusters', 'backupNameMissing', { resourceType: 'managedClusters' }],
    ['Error', 'no velero backups found', 'noBackups', {}],
    ['Error', 'no backups found', 'noBackups', {}],
    ['Unknown', 'Unknown status for Velero restore restore-acm-x', 'veleroStatusUnknown', { veleroRestore: 'restore-acm-x' }],
  ])('%s: %s', (phase, lastMessage, cause, subjects) => {
    const info = restorePhaseInfo(restore(phase, lastMessage));
    expect(info.cause).toBe(cause);
    expect(info.subjects).toEqual(subjects);
    expect(info.lastMessage).toBe(lastMessage);
    expect(info.explanation.key).not.toBe('');
  });

  it('explains a missing latest backup differently from a missing named one', () => {
    const latest = restorePhaseInfo(restore('Error', 'Backup latest Not found for resource type: managedClusters'));
    expect(latest.explanation).toEqual({ key: 'No Completed backup of type {{type}} was found in the storage location.', params: { type: 'managedClusters' } });
    const named = restorePhaseInfo(restore('Error', 'Backup acm-x-1 Not found for resource type: credentials'));
    expect(named.explanation.params).toEqual({ backup: 'acm-x-1', type: 'credentials' });
    expect(named.check?.params).toEqual({ backup: 'acm-x-1', backupNamespace: NS });
    expect(named.severity).toBe('critical');
  });

  it('explains a refused restore as critical with the blocker and what to do', () => {
    const bySchedule = restorePhaseInfo(
      restore(
        'FinishedWithErrors',
        'This resource is ignored because BackupSchedule resource schedule-acm is currently active, before creating another resource verify that any active resources are removed.',
      ),
    );
    expect(bySchedule).toMatchObject({ cause: 'blockedBySchedule', severity: 'critical', subjects: { blocker: 'schedule-acm' }, isActive: false });
    expect(bySchedule.check?.key).toMatch(/pause or delete BackupSchedule/);

    const byRestore = restorePhaseInfo(
      restore(
        'FinishedWithErrors',
        'This resource is ignored because Restore resource restore-acm-passive-sync is currently active, before creating another resource verify that any active resources are removed.',
      ),
    );
    expect(byRestore).toMatchObject({ cause: 'blockedByRestore', severity: 'critical', subjects: { blocker: 'restore-acm-passive-sync' } });
  });

  it('explains the CleanupAll confirmation refusal with the annotation to add', () => {
    const info = restorePhaseInfo(
      restore(
        'FinishedWithErrors',
        'cleanupBeforeRestore=CleanupAll requires the cluster.open-cluster-management.io/restore-cleanup-all-confirmed=true annotation on the Restore resource to confirm mass deletion of ACM-scoped hub resources',
        { cleanupBeforeRestore: 'CleanupAll' },
      ),
    );
    expect(info).toMatchObject({ cause: 'cleanupAllNotConfirmed', severity: 'critical' });
    expect(info.check?.params).toEqual({ annotation: 'cluster.open-cluster-management.io/restore-cleanup-all-confirmed' });
  });

  it('recognises both storage location errors and says the operator retries', () => {
    const missing = restorePhaseInfo(
      restore('Error', 'velero.io.BackupStorageLocation resources not found. Verify you have created a konveyor.openshift.io.Velero or oadp.openshift.io.DataProtectionApplications resource.'),
    );
    expect(missing.cause).toBe('storageLocationMissing');
    expect(missing.check?.key).toMatch(/retries every minute/);
    const unavailable = restorePhaseInfo(
      restore('EnabledWithErrors', 'Backup storage location not available in namespace open-cluster-management-backup. Check velero.io.BackupStorageLocation and validate storage credentials.'),
    );
    expect(unavailable).toMatchObject({ cause: 'storageLocationUnavailable', subjects: { namespace: NS }, severity: 'warning', isSyncing: true });
    expect(unavailable.check?.key).toMatch(/retries every minute/);
  });

  it('tells a failed Velero restore in a one-shot restore from one in a syncing restore', () => {
    const msgText = 'Velero restore restore-acm-acm-resources-schedule-1 has failed validation or encountered errors';
    const once = restorePhaseInfo(restore('Error', msgText));
    expect(once.explanation.key).toMatch(/so the restore stopped/);
    expect(once.check?.key).toMatch(/create a new restore/);
    const sync = restorePhaseInfo(restore('EnabledWithErrors', msgText, { syncRestoreWithNewBackups: true, restoreSyncInterval: '10m' }));
    expect(sync.explanation.params).toEqual({ veleroRestore: 'restore-acm-acm-resources-schedule-1', interval: '10m' });
  });

  it('names the sync interval, defaulting to 30m', () => {
    const text = 'Velero restores have run to completion, restore will continue to sync with new backups';
    expect(restorePhaseInfo(restore('Enabled', text, { syncRestoreWithNewBackups: true })).explanation.params).toEqual({ interval: '30m' });
    expect(restorePhaseInfo(restore('Enabled', text, { restoreSyncInterval: '10m' })).explanation.params).toEqual({ interval: '10m' });
  });

  it('splits off the "sync ignored" suffix and still reads the message before it', () => {
    const info = restorePhaseInfo(
      restore(
        'Finished',
        'All Velero restores have run successfully ; SyncRestoreWithNewBackups option is ignored because VeleroManagedClustersBackupName should be set to skip or latest.',
      ),
    );
    expect(info.cause).toBe('completed');
    expect(info.syncIgnored?.key).toMatch(/managed clusters must be set to skip/);
  });

  it('keeps an unknown message as "other" with the phase explanation and the raw text', () => {
    const info = restorePhaseInfo(restore('Error', 'something new the operator says'));
    expect(info).toMatchObject({ cause: 'other', lastMessage: 'something new the operator says', severity: 'critical' });
    expect(info.explanation.key).toBe('The restore failed.');
  });
});

describe('diagnoseVeleroRestore', () => {
  const name = 'acm-credentials-schedule-20250101120000';

  it('recognises a PartiallyFailed restore of an empty backup as benign', () => {
    for (const progress of [{}, { totalItems: 0 }, { totalItems: 0, itemsBackedUp: 0 }]) {
      const d = diagnoseVeleroRestore(vr(name, { phase: 'PartiallyFailed', errors: 1 }), [backup(name, progress)]);
      expect(d).toMatchObject({ verdict: 'emptyBackup', severity: 'healthy', backupItems: 0 });
    }
  });

  it('recognises the newer Velero form: Completed with only warnings on an empty backup', () => {
    const d = diagnoseVeleroRestore(vr(name, { phase: 'Completed', warnings: 1 }), [backup(name, {})]);
    expect(d.verdict).toBe('emptyBackup');
  });

  it('does not excuse more errors than an empty backup explains', () => {
    const d = diagnoseVeleroRestore(vr(name, { phase: 'PartiallyFailed', errors: 3 }), [backup(name, {})]);
    expect(d).toMatchObject({ verdict: 'errors', severity: 'warning' });
  });

  it('reports errors when the backup had items', () => {
    const d = diagnoseVeleroRestore(vr(name, { phase: 'PartiallyFailed', errors: 1 }), [backup(name, { totalItems: 40, itemsBackedUp: 40 })]);
    expect(d).toMatchObject({ verdict: 'errors', backupItems: 40 });
    expect(d.explanation.params).toMatchObject({ items: 40, errors: 1 });
    expect(d.check?.key).toMatch(/details command/);
  });

  it('says it cannot tell when the backup is not visible or does not report its items', () => {
    expect(diagnoseVeleroRestore(vr(name, { phase: 'PartiallyFailed', errors: 1 }), []).verdict).toBe('undetermined');
    expect(diagnoseVeleroRestore(vr(name, { phase: 'PartiallyFailed', errors: 1 })).verdict).toBe('undetermined');
    const noProgress = diagnoseVeleroRestore(vr(name, { phase: 'PartiallyFailed', errors: 1 }), [backup(name)]);
    expect(noProgress.verdict).toBe('undetermined');
    expect(noProgress.explanation.key).toMatch(/cannot be told apart/);
  });

  it('reports failures with Velero\'s reason', () => {
    const failed = diagnoseVeleroRestore(vr(name, { phase: 'FailedValidation', validationErrors: ['a', 'b'] }));
    expect(failed).toMatchObject({ verdict: 'failed', severity: 'critical' });
    expect(failed.explanation.params).toEqual({ name: `restore-acm-${name}`, reason: 'a; b' });
    expect(diagnoseVeleroRestore(vr(name, { phase: 'Failed', failureReason: 'boom' })).explanation.params).toMatchObject({ reason: 'boom' });
  });

  it('classifies running, finished and status-less restores', () => {
    expect(diagnoseVeleroRestore(vr(name, { phase: 'InProgress' })).verdict).toBe('inProgress');
    expect(diagnoseVeleroRestore(vr(name, { phase: 'FinalizingPartiallyFailed' })).verdict).toBe('inProgress');
    expect(diagnoseVeleroRestore(vr(name, { phase: 'Completed' }))).toMatchObject({ verdict: 'ok', severity: 'healthy' });
    expect(diagnoseVeleroRestore(vr(name, { phase: 'Completed', warnings: 2 }), [backup(name, { totalItems: 5 })])).toMatchObject({
      verdict: 'ok',
      severity: 'warning',
    });
    expect(diagnoseVeleroRestore(vr(name, {})).severity).toBe('unknown');
  });
});

describe('restorePhaseInfo: FinishedWithErrors judged from the Velero restores', () => {
  const text = 'Velero restores have run to completion but encountered 1+ errors';
  const creds = 'acm-credentials-schedule-20250101120000';
  const res = 'acm-resources-schedule-20250101120000';

  it('calls it harmless when every PartiallyFailed restore restored an empty backup', () => {
    const info = restorePhaseInfo(restore('FinishedWithErrors', text), {
      veleroRestores: [vr(creds, { phase: 'PartiallyFailed', errors: 1 }), vr(res, { phase: 'Completed' })],
      backups: [backup(creds, {}), backup(res, { totalItems: 10 })],
    });
    expect(info.severity).toBe('healthy');
    expect(info.explanation.params).toEqual({ names: `restore-acm-${creds}` });
    expect(info.veleroDiagnoses?.map((d) => d.verdict)).toEqual(['emptyBackup']);
  });

  it('names the Velero restores with real errors', () => {
    const info = restorePhaseInfo(restore('FinishedWithErrors', text), {
      veleroRestores: [vr(creds, { phase: 'PartiallyFailed', errors: 1 }), vr(res, { phase: 'PartiallyFailed', errors: 4 })],
      backups: [backup(creds, {}), backup(res, { totalItems: 10 })],
    });
    expect(info.severity).toBe('warning');
    expect(info.explanation.params).toEqual({ names: `restore-acm-${res}` });
  });

  it('stays a warning when the evidence is missing', () => {
    const info = restorePhaseInfo(restore('FinishedWithErrors', text), { veleroRestores: [vr(creds, { phase: 'PartiallyFailed', errors: 1 })] });
    expect(info.severity).toBe('warning');
    expect(info.explanation.key).toMatch(/cannot be confirmed/);
  });

  it('does not judge Velero restores of another Restore', () => {
    const other: VeleroRestore = {
      metadata: { name: `restore-acm-passive-${creds}`, namespace: NS, ownerReferences: [{ ...owned, name: 'restore-acm-passive', uid: 'r-2' }] },
      spec: { backupName: creds },
      status: { phase: 'PartiallyFailed', errors: 1 },
    };
    const info = restorePhaseInfo(restore('FinishedWithErrors', text), { veleroRestores: [other], backups: [backup(creds, {})] });
    expect(info.veleroDiagnoses).toEqual([]);
    expect(info.severity).toBe('warning');
    expect(info.check?.key).toMatch(/may have been deleted/);
  });

  it('without context keeps the generic explanation and its caveat', () => {
    const info = restorePhaseInfo(restore('FinishedWithErrors', text));
    expect(info.severity).toBe('warning');
    expect(info.explanation.key).toMatch(/empty backup that way/);
    expect(info.veleroDiagnoses).toBeUndefined();
  });
});
