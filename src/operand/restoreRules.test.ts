import type { RestoreSpec } from '../k8s/types';
import { restoreErrors, validateRestoreSpec, type ValidationIssue } from './restoreRules';

const base: RestoreSpec = {
  cleanupBeforeRestore: 'CleanupRestored',
  veleroManagedClustersBackupName: 'latest',
  veleroCredentialsBackupName: 'latest',
  veleroResourcesBackupName: 'latest',
};
const sync: RestoreSpec = { ...base, veleroManagedClustersBackupName: 'skip', syncRestoreWithNewBackups: true, restoreSyncInterval: '10m' };

const check = (spec: Partial<RestoreSpec>, operation: 'create' | 'update' = 'create') => validateRestoreSpec(spec, { operation });
const summary = (issues: ValidationIssue[]) => issues.map((i) => [i.field, i.severity]);

describe('validateRestoreSpec', () => {
  it('has nothing to say about the operator samples (full, passive, passive sync, activation)', () => {
    expect(check(base)).toEqual([]);
    expect(check({ ...base, veleroManagedClustersBackupName: 'skip' })).toEqual([]);
    expect(check(sync)).toEqual([]);
    expect(check({ ...base, veleroCredentialsBackupName: 'skip', veleroResourcesBackupName: 'skip' })).toEqual([]);
  });

  describe('required fields', () => {
    it('asks for cleanupBeforeRestore and the three backup names', () => {
      expect(summary(check({}))).toEqual([
        ['spec.cleanupBeforeRestore', 'error'],
        ['spec.veleroManagedClustersBackupName', 'error'],
        ['spec.veleroCredentialsBackupName', 'error'],
        ['spec.veleroResourcesBackupName', 'error'],
      ]);
    });

    it('refuses an unknown cleanup option and lists the valid ones', () => {
      const [issue] = check({ ...base, cleanupBeforeRestore: 'Everything' as RestoreSpec['cleanupBeforeRestore'] });
      expect(issue).toEqual({
        field: 'spec.cleanupBeforeRestore',
        severity: 'error',
        message: { key: '"{{value}}" is not a cleanup option. Use None, CleanupRestored or CleanupAll.', params: { value: 'Everything' } },
      });
    });

    it('refuses backup names that are neither latest, skip nor a Velero name', () => {
      expect(summary(check({ ...base, veleroResourcesBackupName: 'the newest one' }))).toEqual([['spec.veleroResourcesBackupName', 'error']]);
    });

    it('reads names like the operator: trimmed and lowercased', () => {
      expect(check({ ...base, veleroCredentialsBackupName: ' Latest ' })).toEqual([]);
    });
  });

  it('warns, with the operator\'s words, when every type is skip', () => {
    const issues = check({ ...base, veleroManagedClustersBackupName: 'skip', veleroCredentialsBackupName: 'skip', veleroResourcesBackupName: 'skip' });
    expect(summary(issues)).toEqual([['spec', 'warning']]);
    expect(issues[0].message.key).toContain('Nothing to do for restore');
    expect(restoreErrors(issues)).toEqual([]);
  });

  it('warns when a chosen backup belongs to another type\'s schedule', () => {
    const issues = check({
      ...base,
      veleroCredentialsBackupName: 'acm-resources-schedule-20250101120000',
      veleroResourcesBackupName: 'acm-resources-generic-schedule-20250101120000',
      veleroManagedClustersBackupName: 'acm-managed-clusters-schedule-20250101120000',
    });
    expect(summary(issues)).toEqual([
      ['spec.veleroCredentialsBackupName', 'warning'],
      ['spec.veleroResourcesBackupName', 'warning'],
    ]);
    expect(check({ ...base, veleroCredentialsBackupName: 'acm-credentials-hive-schedule-20220101120000' })).toEqual([]);
  });

  describe('passive sync (the webhook rules)', () => {
    it('needs all three names set', () => {
      const rest: Partial<RestoreSpec> = { ...sync };
      delete rest.veleroManagedClustersBackupName;
      const issues = check(rest);
      expect(issues).toContainEqual({
        field: 'spec.syncRestoreWithNewBackups',
        severity: 'error',
        message: { key: 'syncRestoreWithNewBackups requires all backup names to be set' },
      });
    });

    it('needs credentials and resources latest', () => {
      const issues = check({ ...sync, veleroCredentialsBackupName: 'skip', veleroResourcesBackupName: 'acm-resources-schedule-20250101120000' });
      expect(issues).toEqual([
        {
          field: 'spec.veleroCredentialsBackupName',
          severity: 'error',
          message: { key: "syncRestoreWithNewBackups requires veleroCredentialsBackupName to be 'latest', got: {{value}}", params: { value: 'skip' } },
        },
        {
          field: 'spec.veleroResourcesBackupName',
          severity: 'error',
          message: {
            key: "syncRestoreWithNewBackups requires veleroResourcesBackupName to be 'latest', got: {{value}}",
            params: { value: 'acm-resources-schedule-20250101120000' },
          },
        },
      ]);
    });

    it('needs managed clusters skip on create, and allows latest only as the activating edit', () => {
      const activating = { ...sync, veleroManagedClustersBackupName: 'latest' };
      const [onCreate] = check(activating, 'create');
      expect(onCreate.field).toBe('spec.veleroManagedClustersBackupName');
      expect(onCreate.message.key).toBe(
        "when syncRestoreWithNewBackups is true, veleroManagedClustersBackupName must initially be set to 'skip'. To activate managed clusters, edit the restore to set veleroManagedClustersBackupName to 'latest'",
      );
      expect(check(activating, 'update')).toEqual([]);
    });

    it('refuses a managed-clusters backup name, on update too', () => {
      const issues = check({ ...sync, veleroManagedClustersBackupName: 'acm-managed-clusters-schedule-20250101120000' }, 'update');
      expect(issues.map((i) => i.message.key)).toEqual([
        "syncRestoreWithNewBackups requires veleroManagedClustersBackupName to be 'skip' or 'latest', got: {{value}}",
      ]);
    });
  });

  describe('restoreSyncInterval', () => {
    it('must be a valid, positive duration', () => {
      expect(check({ ...sync, restoreSyncInterval: '10 minutes' })[0]).toMatchObject({ field: 'spec.restoreSyncInterval', severity: 'error' });
      expect(check({ ...sync, restoreSyncInterval: '0s' })[0]).toMatchObject({ field: 'spec.restoreSyncInterval', severity: 'error' });
    });

    it('is only a warning without sync, since it is ignored then', () => {
      expect(summary(check({ ...base, restoreSyncInterval: '5m' }))).toEqual([['spec.restoreSyncInterval', 'warning']]);
    });

    it('may be left out', () => {
      expect(check({ ...sync, restoreSyncInterval: undefined })).toEqual([]);
      expect(check({ ...sync, restoreSyncInterval: '' })).toEqual([]);
    });
  });

  it('warns about what CleanupAll deletes', () => {
    expect(summary(check({ ...base, cleanupBeforeRestore: 'CleanupAll' }))).toEqual([['spec.cleanupBeforeRestore', 'warning']]);
  });

  it('warns when filters are combined with a cleanup other than None', () => {
    const issues = check({ ...base, includedNamespaces: ['managed-cls-1'] });
    expect(summary(issues)).toEqual([['spec.cleanupBeforeRestore', 'warning']]);
    expect(issues[0].message.params).toEqual({ cleanup: 'CleanupRestored' });
    expect(check({ ...base, cleanupBeforeRestore: 'None', includedNamespaces: ['managed-cls-1'] })).toEqual([]);
  });

  describe('Velero filters', () => {
    const none = { ...base, cleanupBeforeRestore: 'None' as const };

    it('refuses an item both included and excluded, "*" with other items, and "*" excluded', () => {
      expect(summary(check({ ...none, includedNamespaces: ['a', 'b'], excludedNamespaces: ['b'] }))).toEqual([['spec.excludedNamespaces', 'error']]);
      expect(summary(check({ ...none, includedResources: ['*', 'secrets'] }))).toEqual([['spec.includedResources', 'error']]);
      expect(summary(check({ ...none, excludedResources: ['*'] }))).toEqual([['spec.excludedResources', 'error']]);
    });

    it('checks namespace names but lets glob patterns through', () => {
      expect(summary(check({ ...none, includedNamespaces: ['app-*', 'Bad_NS'] }))).toEqual([['spec.includedNamespaces[1]', 'error']]);
    });

    it('refuses empty resource entries', () => {
      expect(summary(check({ ...none, excludedResources: [' '] }))).toEqual([['spec.excludedResources[0]', 'error']]);
    });

    it('refuses labelSelector together with orLabelSelectors', () => {
      const issues = check({ ...none, labelSelector: { matchLabels: { a: 'b' } }, orLabelSelectors: [{ matchLabels: { c: 'd' } }] });
      expect(summary(issues)).toEqual([['spec.orLabelSelectors', 'error']]);
    });

    it('checks selector expressions: operator, and values only where they belong', () => {
      const issues = check({
        ...none,
        orLabelSelectors: [
          {
            matchExpressions: [
              { key: 'name', operator: 'In', values: ['vb-managed-cls-2'] },
              { key: 'name', operator: 'Equals', values: ['x'] },
              { key: 'name', operator: 'NotIn', values: [] },
              { key: 'name', operator: 'Exists', values: ['x'] },
              { key: '', operator: 'DoesNotExist' },
            ],
          },
        ],
      });
      expect(summary(issues)).toEqual([
        ['spec.orLabelSelectors[0].matchExpressions[1].operator', 'error'],
        ['spec.orLabelSelectors[0].matchExpressions[2].values', 'error'],
        ['spec.orLabelSelectors[0].matchExpressions[3].values', 'error'],
        ['spec.orLabelSelectors[0].matchExpressions[4].key', 'error'],
      ]);
    });
  });

  describe('namespaceMapping', () => {
    const none = { ...base, cleanupBeforeRestore: 'None' as const };

    it.each(['default', 'openshift', 'kube-system', 'kube-public', 'openshift-config'])('refuses mapping into %p', (target) => {
      const issues = check({ ...none, namespaceMapping: { app: target } });
      expect(issues).toEqual([expect.objectContaining({ field: 'spec.namespaceMapping.app', severity: 'error', message: expect.objectContaining({ params: { target } }) })]);
    });

    it.each(['openshiftish', 'my-kube', 'app-restored'])('allows %p', (target) => {
      expect(check({ ...none, namespaceMapping: { app: target } })).toEqual([]);
    });

    it('checks both names, and warns about no-op and merging mappings', () => {
      expect(summary(check({ ...none, namespaceMapping: { App: 'x', a: 'Y_' } }))).toEqual([
        ['spec.namespaceMapping.App', 'error'],
        ['spec.namespaceMapping.a', 'error'],
      ]);
      expect(summary(check({ ...none, namespaceMapping: { a: 'a' } }))).toEqual([['spec.namespaceMapping.a', 'warning']]);
      expect(summary(check({ ...none, namespaceMapping: { a: 't', b: 't' } }))).toEqual([['spec.namespaceMapping.b', 'warning']]);
    });
  });

  it('warns that hooks are not passed to Velero', () => {
    expect(summary(check({ ...base, hooks: { resources: [] } }))).toEqual([['spec.hooks', 'warning']]);
  });
});
