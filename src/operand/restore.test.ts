import { ANNOTATIONS, BACKUP_NAMESPACE } from '../k8s/names';
import type { Restore } from '../k8s/types';
import {
  ACTIVATION_ACTION,
  RESTORE_PRESETS,
  RESTORE_PRESET_IDS,
  activateSyncRestoreOps,
  buildRestore,
  defaultRestoreName,
  presetInput,
  validateRestoreForm,
  type RestorePreset,
} from './restore';
import { validateOperatorResourceName } from './resourceNames';
import { validateRestoreSpec } from './restoreRules';

const NOW = new Date(Date.UTC(2026, 10, 25, 19, 3, 59));

describe('defaultRestoreName', () => {
  it('is the preset prefix and a UTC minute timestamp, lowercase', () => {
    expect(defaultRestoreName('passiveSync', NOW)).toBe('restore-acm-passive-sync-20261125t1903');
    expect(defaultRestoreName('full', new Date(Date.UTC(2027, 0, 2, 3, 4)))).toBe('restore-acm-20270102t0304');
  });

  it.each(RESTORE_PRESET_IDS.map((p) => [p]))('is a valid Restore name for %s', (preset) => {
    expect(validateOperatorResourceName(defaultRestoreName(preset, NOW))).toBeUndefined();
  });

  it('differs between presets so two kinds of restore never collide', () => {
    expect(new Set(RESTORE_PRESET_IDS.map((p) => defaultRestoreName(p, NOW))).size).toBe(RESTORE_PRESET_IDS.length);
  });
});

describe('RESTORE_PRESETS', () => {
  it.each([
    ['passive', 'skip', 'latest', 'latest', 'CleanupRestored', false],
    ['passiveSync', 'skip', 'latest', 'latest', 'CleanupRestored', true],
    ['activation', 'latest', 'skip', 'skip', 'CleanupRestored', false],
    ['full', 'latest', 'latest', 'latest', 'CleanupRestored', false],
    ['managedClustersOnly', 'latest', 'skip', 'skip', 'None', false],
  ] as const)('%s restores managed clusters=%s, credentials=%s, resources=%s with %s, sync %s', (preset, mc, creds, res, cleanup, sync) => {
    expect(RESTORE_PRESETS[preset]).toMatchObject({
      veleroManagedClustersBackupName: mc,
      veleroCredentialsBackupName: creds,
      veleroResourcesBackupName: res,
      cleanupBeforeRestore: cleanup,
      syncRestoreWithNewBackups: sync,
    });
  });

  it('makes the user choose the backups of a by-name restore', () => {
    const input = presetInput('byBackupName', {}, NOW);
    const errors = validateRestoreForm(input).filter((i) => i.severity === 'error');
    expect(errors.map((e) => e.field)).toEqual(['veleroManagedClustersBackupName', 'veleroCredentialsBackupName', 'veleroResourcesBackupName']);
  });

  it.each(RESTORE_PRESET_IDS.filter((p) => p !== 'byBackupName').map((p) => [p]))('%s starts without errors', (preset) => {
    expect(validateRestoreForm(presetInput(preset as RestorePreset, {}, NOW)).filter((i) => i.severity === 'error')).toEqual([]);
  });
});

describe('presetInput', () => {
  it('fills the preset values, a timestamped name and the backup namespace', () => {
    expect(presetInput('passiveSync', {}, NOW)).toStrictEqual({
      name: 'restore-acm-passive-sync-20261125t1903',
      namespace: BACKUP_NAMESPACE,
      preset: 'passiveSync',
      veleroManagedClustersBackupName: 'skip',
      veleroCredentialsBackupName: 'latest',
      veleroResourcesBackupName: 'latest',
      cleanupBeforeRestore: 'CleanupRestored',
      syncRestoreWithNewBackups: true,
      restoreSyncInterval: '10m',
    });
  });

  it('keeps what the user already entered, but not a different preset', () => {
    const input = presetInput('full', { name: 'my-restore', includedNamespaces: ['app'], preset: 'custom' }, NOW);
    expect(input).toMatchObject({ name: 'my-restore', includedNamespaces: ['app'], preset: 'full' });
  });
});

describe('buildRestore', () => {
  it('writes only what is set, with names trimmed and lowercased as the operator reads them', () => {
    const restore = buildRestore({
      ...presetInput('byBackupName', {}, NOW),
      name: ' restore-one ',
      veleroManagedClustersBackupName: ' ACM-Managed-Clusters-Schedule-20261125180000 ',
      veleroCredentialsBackupName: 'Latest',
      veleroResourcesBackupName: 'skip',
      includedNamespaces: [' ', ''],
      labelSelector: { matchLabels: {}, matchExpressions: [] },
      orLabelSelectors: [{}],
      namespaceMapping: { ' ': 'x', a: ' ' },
      restoreStatus: { includedResources: [] },
      annotations: {},
    });
    expect(restore).toStrictEqual({
      apiVersion: 'cluster.open-cluster-management.io/v1beta1',
      kind: 'Restore',
      metadata: { name: 'restore-one', namespace: BACKUP_NAMESPACE },
      spec: {
        cleanupBeforeRestore: 'CleanupRestored',
        veleroManagedClustersBackupName: 'acm-managed-clusters-schedule-20261125180000',
        veleroCredentialsBackupName: 'latest',
        veleroResourcesBackupName: 'skip',
      },
    });
  });

  it('drops the sync interval when sync is off, and keeps it with sync', () => {
    expect(buildRestore(presetInput('full', { restoreSyncInterval: '5m' }, NOW)).spec).not.toHaveProperty('restoreSyncInterval');
    expect(buildRestore(presetInput('passiveSync', { restoreSyncInterval: ' 15m ' }, NOW)).spec).toMatchObject({
      syncRestoreWithNewBackups: true,
      restoreSyncInterval: '15m',
    });
    expect(buildRestore(presetInput('passiveSync', { restoreSyncInterval: '' }, NOW)).spec).not.toHaveProperty('restoreSyncInterval');
  });

  it('writes restorePVs and preserveNodePorts when chosen, false included (false changes Velero behaviour)', () => {
    const spec = buildRestore(presetInput('full', { restorePVs: false, preserveNodePorts: true }, NOW)).spec;
    expect(spec.restorePVs).toBe(false);
    expect(spec.preserveNodePorts).toBe(true);
  });

  it('writes the filters, cleaned of empty entries', () => {
    const spec = buildRestore(
      presetInput(
        'custom',
        {
          cleanupBeforeRestore: 'None',
          includedResources: [' ManagedCluster ', ''],
          excludedNamespaces: ['tmp'],
          orLabelSelectors: [{ matchExpressions: [{ key: ' name ', operator: 'In', values: [' a ', ''] }, { key: '', operator: 'Exists' }] }],
          namespaceMapping: { ' app ': ' app-copy ' },
        },
        NOW,
      ),
    ).spec;
    expect(spec).toMatchObject({
      includedResources: ['ManagedCluster'],
      excludedNamespaces: ['tmp'],
      orLabelSelectors: [{ matchExpressions: [{ key: 'name', operator: 'In', values: ['a'] }] }],
      namespaceMapping: { app: 'app-copy' },
    });
  });

  it('adds the CleanupAll confirmation annotation only when CleanupAll was confirmed', () => {
    const confirmed = buildRestore(presetInput('full', { cleanupBeforeRestore: 'CleanupAll', cleanupAllConfirmed: true }, NOW));
    expect(confirmed.metadata?.annotations).toEqual({ [ANNOTATIONS.cleanupAllConfirmed]: 'true' });
    expect(buildRestore(presetInput('full', { cleanupBeforeRestore: 'CleanupAll' }, NOW)).metadata).not.toHaveProperty('annotations');
    expect(buildRestore(presetInput('full', { cleanupBeforeRestore: 'CleanupRestored', cleanupAllConfirmed: true }, NOW)).metadata).not.toHaveProperty(
      'annotations',
    );
  });

  it('keeps the caller\'s annotations next to the confirmation', () => {
    const restore = buildRestore(
      presetInput('full', { cleanupBeforeRestore: 'CleanupAll', cleanupAllConfirmed: true, annotations: { [ANNOTATIONS.actionReason]: 'DR test' } }, NOW),
    );
    expect(restore.metadata?.annotations).toEqual({ [ANNOTATIONS.actionReason]: 'DR test', [ANNOTATIONS.cleanupAllConfirmed]: 'true' });
  });

  it('defaults the namespace to the backup namespace', () => {
    expect(buildRestore(presetInput('full', { namespace: '  ' }, NOW)).metadata?.namespace).toBe(BACKUP_NAMESPACE);
    expect(buildRestore(presetInput('full', { namespace: 'other' }, NOW)).metadata?.namespace).toBe('other');
  });
});

describe('validateRestoreForm', () => {
  it('maps spec issues onto the form fields that hold them', () => {
    const issues = validateRestoreForm(
      presetInput('custom', { cleanupBeforeRestore: 'None', namespaceMapping: { app: 'kube-system' }, orLabelSelectors: [{ matchExpressions: [{ key: 'k', operator: 'Bad' }] }] }, NOW),
    );
    expect(issues.map((i) => [i.field, i.severity])).toEqual([
      ['orLabelSelectors', 'error'],
      ['namespaceMapping', 'error'],
    ]);
  });

  it('shows the sync interval warning although the manifest leaves the interval out', () => {
    const issues = validateRestoreForm(presetInput('full', { restoreSyncInterval: '5m' }, NOW));
    expect(issues.map((i) => [i.field, i.severity])).toEqual([['restoreSyncInterval', 'warning']]);
  });

  it('puts whole-spec warnings on the form', () => {
    const issues = validateRestoreForm(
      presetInput('custom', { veleroManagedClustersBackupName: 'skip', veleroCredentialsBackupName: 'skip', veleroResourcesBackupName: 'skip' }, NOW),
    );
    expect(issues.map((i) => [i.field, i.severity])).toEqual([['form', 'warning']]);
  });

  it('checks the name and namespace', () => {
    const issues = validateRestoreForm(presetInput('full', { name: 'Restore ACM', namespace: 'Bad NS' }, NOW));
    expect(issues.filter((i) => i.severity === 'error').map((i) => i.field)).toEqual(['name', 'namespace']);
  });

  it('requires the CleanupAll confirmation', () => {
    const unconfirmed = validateRestoreForm(presetInput('full', { cleanupBeforeRestore: 'CleanupAll' }, NOW));
    expect(unconfirmed.filter((i) => i.severity === 'error').map((i) => i.field)).toEqual(['cleanupAllConfirmed']);
    const confirmed = validateRestoreForm(presetInput('full', { cleanupBeforeRestore: 'CleanupAll', cleanupAllConfirmed: true }, NOW));
    expect(confirmed.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('applies the passive-sync create rule, and allows latest when updating', () => {
    const input = presetInput('passiveSync', { veleroManagedClustersBackupName: 'latest' }, NOW);
    expect(validateRestoreForm(input).map((i) => i.field)).toEqual(['veleroManagedClustersBackupName']);
    expect(validateRestoreForm(input, 'update')).toEqual([]);
  });
});

describe('activateSyncRestoreOps', () => {
  const syncRestore = (annotations?: Record<string, string>): Restore => {
    const r = buildRestore(presetInput('passiveSync', { name: 'restore-acm-passive-sync' }, NOW));
    return annotations ? { ...r, metadata: { ...r.metadata, annotations } } : r;
  };

  it('tests for skip, sets latest, and records the action, creating the annotations map', () => {
    const ops = activateSyncRestoreOps(syncRestore(), { reason: ' primary lost ', user: 'kube:admin', time: '2026-11-25T19:03:00Z' });
    expect(ops).toEqual([
      { op: 'test', path: '/spec/veleroManagedClustersBackupName', value: 'skip' },
      { op: 'replace', path: '/spec/veleroManagedClustersBackupName', value: 'latest' },
      {
        op: 'add',
        path: '/metadata/annotations',
        value: {
          [ANNOTATIONS.action]: ACTIVATION_ACTION,
          [ANNOTATIONS.actionReason]: 'primary lost',
          [ANNOTATIONS.actionUser]: 'kube:admin',
          [ANNOTATIONS.actionTime]: '2026-11-25T19:03:00Z',
        },
      },
    ]);
  });

  it('adds single annotations, with "/" escaped, when the map exists, keeping the others', () => {
    const ops = activateSyncRestoreOps(syncRestore({ 'example.com/owner': 'team-a' }), { user: 'dr-operator' });
    expect(ops.slice(2)).toEqual([
      { op: 'add', path: '/metadata/annotations/business-continuity.open-cluster-management.io~1action', value: ACTIVATION_ACTION },
      { op: 'add', path: '/metadata/annotations/business-continuity.open-cluster-management.io~1requested-by', value: 'dr-operator' },
    ]);
  });

  it('records only the action when no audit details are given', () => {
    expect(activateSyncRestoreOps(syncRestore()).slice(2)).toEqual([
      { op: 'add', path: '/metadata/annotations', value: { [ANNOTATIONS.action]: ACTIVATION_ACTION } },
    ]);
  });

  it('leaves a spec the webhook accepts on update', () => {
    const spec = { ...syncRestore().spec, veleroManagedClustersBackupName: 'latest' };
    expect(validateRestoreSpec(spec, { operation: 'update' })).toEqual([]);
  });
});
