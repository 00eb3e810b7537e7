import type { ConfigurationPolicy, Policy } from '../k8s/types';
import { parseHistoryMessage, policyHealth, TEMPLATE_INFO, templateInfo } from './policyHealth';

type Detail = { name: string; compliant?: string; history?: { lastTimestamp?: string; message?: string }[] };

const root = (templates: { name: string; severity?: string }[], status?: Policy['status'], disabled = false): Policy => ({
  metadata: { name: 'backup-restore-enabled', namespace: 'open-cluster-management-backup' },
  spec: {
    disabled,
    'policy-templates': templates.map((t) => ({
      objectDefinition: { kind: 'ConfigurationPolicy', metadata: { name: t.name }, spec: t.severity ? { severity: t.severity } : {} },
    })),
  },
  status,
});

const replicated = (compliant: string | undefined, details: Detail[], name = 'open-cluster-management-backup.backup-restore-enabled'): Policy => ({
  metadata: { name, namespace: 'local-cluster' },
  spec: {},
  status: {
    compliant,
    details: details.map((d) => ({ compliant: d.compliant, templateMeta: { name: d.name }, history: d.history })),
  },
});

describe('parseHistoryMessage', () => {
  it('splits compliance, kind and text', () => {
    expect(parseHistoryMessage('NonCompliant; violation - pods not found: [velero] in namespace open-cluster-management-backup missing')).toEqual({
      compliance: 'NonCompliant',
      kind: 'violation',
      text: 'pods not found: [velero] in namespace open-cluster-management-backup missing',
    });
    expect(parseHistoryMessage('Compliant; notification - backupstoragelocations [default] found as specified')).toMatchObject({
      compliance: 'Compliant',
      kind: 'notification',
    });
  });

  it('keeps a custom message without the kind part, and any other text as is', () => {
    expect(parseHistoryMessage('Compliant; The OADP pod is running')).toEqual({ compliance: 'Compliant', kind: undefined, text: 'The OADP pod is running' });
    expect(parseHistoryMessage('template-error; bad')).toEqual({ text: 'template-error; bad' });
  });
});

describe('templateInfo / TEMPLATE_INFO', () => {
  it('covers every template of the validation policies', () => {
    expect(Object.keys(TEMPLATE_INFO).sort()).toEqual(
      [
        'acm-cluster-backup-enabled',
        'auto-import-backup-label',
        'auto-import-account-secret',
        'vm-config-setup',
        'acm-backup-pod-running',
        'oadp-pod-running',
        'velero-pod-running',
        'data-protection-application-available',
        'backup-storage-location-available',
        'backup-schedule-cron-enabled',
        'acm-managed-clusters-schedule-backups-available',
        'acm-resources-schedule-backups-available',
        'acm-backup-in-progress-report',
        'acm-backup-clusters-collision-report',
        'acm-backup-phase-validation',
        'oadp-operator-exists',
        'oadp-channel-validation',
        'custom-oadp-channel-validation',
      ].sort(),
    );
  });

  it('maps a known template to its plain-language title and remedy', () => {
    const info = templateInfo('backup-storage-location-available');
    expect(info.known).toBe(true);
    expect(info.title.key).toBe('The backup storage location is available');
    expect(info.remedy.key).toMatch(/credentials and bucket/);
  });

  it('handles an unknown template with its name as title and a generic remedy', () => {
    const info = templateInfo('some-future-template');
    expect(info.known).toBe(false);
    expect(info.title).toEqual({ key: '{{name}}', params: { name: 'some-future-template' } });
    expect(info.remedy.params).toEqual({ name: 'some-future-template' });
  });
});

describe('policyHealth', () => {
  it('reads each template from the replicated policy, in the chart\'s order, with history newest first', () => {
    const health = policyHealth({
      rootPolicy: root([{ name: 'velero-pod-running', severity: 'high' }, { name: 'backup-storage-location-available', severity: 'high' }]),
      replicatedPolicy: replicated('NonCompliant', [
        {
          name: 'backup-storage-location-available',
          compliant: 'NonCompliant',
          history: [
            { lastTimestamp: '2025-06-01T11:00:00Z', message: 'NonCompliant; violation - backupstoragelocations not found' },
            { lastTimestamp: '2025-06-01T10:00:00Z', message: 'Compliant; notification - backupstoragelocations [default] found as specified' },
          ],
        },
        { name: 'velero-pod-running', compliant: 'Compliant', history: [{ lastTimestamp: '2025-06-01T11:00:00Z', message: 'Compliant; notification - pods [velero-1] found' }] },
      ]),
    });
    expect(health.state).toBe('noncompliant');
    expect(health.templates.map((t) => t.name)).toEqual(['velero-pod-running', 'backup-storage-location-available']);
    const bsl = health.templates[1];
    expect(bsl).toMatchObject({ compliance: 'NonCompliant', severity: 'high', known: true, latestMessage: 'backupstoragelocations not found' });
    expect(bsl.history.map((h) => h.compliance)).toEqual(['NonCompliant', 'Compliant']);
    expect(bsl.history[0].time?.toISOString()).toBe('2025-06-01T11:00:00.000Z');
    expect(bsl.remedy.key).toMatch(/credentials and bucket/);
  });

  it('lists an unknown template after the known ones, gracefully', () => {
    const health = policyHealth({
      rootPolicy: root([{ name: 'zz-new-check' }, { name: 'oadp-pod-running' }]),
      replicatedPolicy: replicated('Compliant', [
        { name: 'zz-new-check', compliant: 'Compliant' },
        { name: 'oadp-pod-running', compliant: 'Compliant' },
      ]),
    });
    expect(health.templates.map((t) => [t.name, t.known])).toEqual([
      ['oadp-pod-running', true],
      ['zz-new-check', false],
    ]);
    expect(health.state).toBe('compliant');
  });

  it('shows templates of newer releases only when the policy has them', () => {
    const health = policyHealth({
      rootPolicy: root([{ name: 'oadp-pod-running' }]),
      replicatedPolicy: replicated('Compliant', [{ name: 'oadp-pod-running', compliant: 'Compliant' }]),
    });
    expect(health.templates.map((t) => t.name)).not.toContain('acm-cluster-backup-enabled');
    expect(health.templates.map((t) => t.name)).not.toContain('vm-config-setup');
  });

  it('trusts a non-compliant template over a stale Compliant on the policy', () => {
    const health = policyHealth({
      rootPolicy: root([{ name: 'oadp-pod-running' }]),
      replicatedPolicy: replicated('Compliant', [{ name: 'oadp-pod-running', compliant: 'NonCompliant' }]),
    });
    expect(health.state).toBe('noncompliant');
  });

  it('reports pending, and unknown when nothing was evaluated yet', () => {
    expect(
      policyHealth({ rootPolicy: root([{ name: 'a' }]), replicatedPolicy: replicated('Pending', [{ name: 'a', compliant: 'Pending' }]) }).state,
    ).toBe('pending');
    const fresh = policyHealth({ rootPolicy: root([{ name: 'oadp-pod-running' }]), replicatedPolicy: replicated(undefined, []) });
    expect(fresh.state).toBe('unknown');
    expect(fresh.templates).toMatchObject([{ name: 'oadp-pod-running', compliance: 'Unknown' }]);
  });

  it('falls back to the ConfigurationPolicy status for templates the replicated policy does not report', () => {
    const cp: ConfigurationPolicy = {
      metadata: { name: 'velero-pod-running', namespace: 'local-cluster' },
      spec: { severity: 'high' },
      status: {
        compliant: 'NonCompliant',
        compliancyDetails: [{ conditions: [{ type: 'violation', status: 'True', message: 'pods not found', lastTransitionTime: '2025-06-01T11:00:00Z' }] }],
      },
    };
    const unrelated: ConfigurationPolicy = { metadata: { name: 'someone-elses-policy' }, status: { compliant: 'NonCompliant' } };
    const health = policyHealth({
      rootPolicy: root([{ name: 'velero-pod-running' }]),
      replicatedPolicy: replicated(undefined, []),
      configurationPolicies: [cp, unrelated],
    });
    expect(health.templates).toHaveLength(1);
    expect(health.templates[0]).toMatchObject({ name: 'velero-pod-running', compliance: 'NonCompliant', latestMessage: 'pods not found', severity: 'high' });
    expect(health.templates[0].history[0]).toMatchObject({ compliance: 'NonCompliant', kind: 'violation' });
    expect(health.state).toBe('noncompliant');
  });

  it('merges the separate auto-import policy of older releases', () => {
    const health = policyHealth({
      rootPolicy: root([{ name: 'oadp-pod-running' }]),
      replicatedPolicy: replicated('Compliant', [{ name: 'oadp-pod-running', compliant: 'Compliant' }]),
      autoImportPolicy: { ...root([{ name: 'auto-import-account-secret' }]), metadata: { name: 'backup-restore-auto-import' } },
      replicatedAutoImportPolicy: replicated('NonCompliant', [{ name: 'auto-import-account-secret', compliant: 'NonCompliant' }], 'x.backup-restore-auto-import'),
    });
    expect(health.state).toBe('noncompliant');
    expect(health.templates.find((t) => t.name === 'auto-import-account-secret')).toMatchObject({ policy: 'backup-restore-auto-import', compliance: 'NonCompliant' });
  });

  describe('missing policy, never healthy', () => {
    it('explains a hub that does not manage itself', () => {
      const h = policyHealth({ multiClusterHub: { spec: { disableHubSelfManagement: true } } });
      expect(h.state).toBe('missing');
      expect(h.missingReason?.key).toMatch(/disableHubSelfManagement is true/);
      expect(h.templates).toEqual([]);
    });

    it('explains a disabled cluster-backup component', () => {
      const h = policyHealth({ multiClusterHub: { spec: { overrides: { components: [{ name: 'cluster-backup', enabled: false }] } } } });
      expect(h.state).toBe('missing');
      expect(h.missingReason?.key).toMatch(/cluster-backup component is disabled/);
    });

    it('explains a root policy not placed on this hub', () => {
      const h = policyHealth({ rootPolicy: root([{ name: 'oadp-pod-running' }]) });
      expect(h.state).toBe('missing');
      expect(h.missingReason?.key).toMatch(/exists but is not placed on this hub/);
    });

    it('ignores the root\'s compliance about other hubs, but reads this hub\'s row', () => {
      const onOthers = root([{ name: 'a' }], { compliant: 'Compliant', status: [{ clusternamespace: 'other-hub', compliant: 'Compliant' }] });
      expect(policyHealth({ rootPolicy: onOthers, localClusterNamespace: 'local-cluster' }).state).toBe('missing');
      const onThis = root([{ name: 'a' }], { compliant: 'Compliant', status: [{ clusternamespace: 'local-cluster', compliant: 'NonCompliant' }] });
      expect(policyHealth({ rootPolicy: onThis, localClusterNamespace: 'local-cluster' }).state).toBe('noncompliant');
    });

    it('explains a disabled policy', () => {
      const h = policyHealth({ rootPolicy: root([{ name: 'a' }], undefined, true), replicatedPolicy: replicated('Compliant', []) });
      expect(h.state).toBe('missing');
      expect(h.missingReason?.key).toMatch(/is disabled/);
    });

    it('gives the generic reason when nothing else is known', () => {
      const h = policyHealth({});
      expect(h.state).toBe('missing');
      expect(h.missingReason?.key).toMatch(/was not found/);
    });
  });

  it('is unknown, not missing, while loading or when the policies cannot be read', () => {
    expect(policyHealth({ loaded: false })).toEqual({ state: 'unknown', templates: [] });
    const forbidden = policyHealth({ error: { code: 403 } });
    expect(forbidden.state).toBe('unknown');
    expect(forbidden.missingReason?.key).toMatch(/could not be read/);
  });
});
