import { BACKUP_NAMESPACE, LOCAL_CLUSTER_NAME, replicatedPolicyName, VALIDATION_POLICY_NAME } from '../../../src/k8s/names';
import type { BackupSchedule, ConfigurationPolicy, KubeEvent, Policy } from '../../../src/k8s/types';
import { boot, type Harness, REFS } from './harness';
import { HOUR, MINUTE, SECOND } from './time';

const replicated = (h: Harness, root = VALIDATION_POLICY_NAME) => h.get<Policy>(REFS.policy, LOCAL_CLUSTER_NAME, replicatedPolicyName(root))!;
const detail = (h: Harness, template: string) => replicated(h).status!.details!.find((d) => d.templateMeta?.name === template)!;

const CRON_OK = 'Compliant; notification - The BackupSchedule resource is active and generating hub cluster backups at the specified storage location.';

describe('validation policy status', () => {
  let h: Harness;
  afterEach(() => {
    const problems = [...h.schemaProblems, ...h.logs];
    h.stop();
    expect(problems).toEqual([]);
  });

  it('follows a new BackupSchedule: cron and backups templates turn compliant, history newest first', () => {
    h = boot('fresh', { acmVersion: '2.16' });
    expect(detail(h, 'backup-schedule-cron-enabled').compliant).toBe('NonCompliant');
    expect(detail(h, 'acm-resources-schedule-backups-available').compliant).toBe('NonCompliant');
    expect(detail(h, 'oadp-channel-validation').compliant).toBe('Pending');
    h.advance(10 * SECOND);
    // The pending templates report on the first evaluation.
    expect(detail(h, 'oadp-channel-validation').compliant).toBe('Compliant');
    expect(detail(h, 'oadp-channel-validation').history).toHaveLength(1);

    h.store.create<BackupSchedule>({
      apiVersion: 'cluster.open-cluster-management.io/v1beta1',
      kind: 'BackupSchedule',
      metadata: { name: 'schedule-acm', namespace: BACKUP_NAMESPACE },
      spec: { veleroSchedule: '0 */1 * * *', veleroTtl: '120h' },
    });
    h.advance(8 * SECOND);
    // The initial backups are running.
    expect(detail(h, 'acm-backup-in-progress-report').compliant).toBe('NonCompliant');
    expect(detail(h, 'acm-backup-in-progress-report').history![0].message).toMatch(/^NonCompliant; violation - backups \[acm-.*\] found in namespace open-cluster-management-backup$/);
    h.advance(5 * MINUTE);
    const cron = detail(h, 'backup-schedule-cron-enabled');
    expect(cron.compliant).toBe('Compliant');
    expect(cron.history![0].message).toBe(CRON_OK);
    expect(cron.history![1].message).toMatch(/^NonCompliant; violation - There is no backup schedule actively running/);
    expect(Date.parse(cron.history![0].lastTimestamp!)).toBeGreaterThan(Date.parse(cron.history![1].lastTimestamp!));
    expect(detail(h, 'acm-resources-schedule-backups-available').compliant).toBe('Compliant');
    expect(detail(h, 'acm-backup-in-progress-report').history![0].message).toBe(
      'Compliant; notification - The Backup resource with an InProgress status does not exist. This template is useful to identify incomplete backups.',
    );
    expect(replicated(h).status!.compliant).toBe('Compliant');
    expect(h.get<Policy>(REFS.policy, BACKUP_NAMESPACE, VALIDATION_POLICY_NAME)!.status!.compliant).toBe('Compliant');
    expect(h.get<ConfigurationPolicy>(REFS.configurationPolicy, LOCAL_CLUSTER_NAME, 'backup-schedule-cron-enabled')!.status!.compliant).toBe('Compliant');
    // Each history entry names its compliance event.
    const events = h.list<KubeEvent>(REFS.event, LOCAL_CLUSTER_NAME);
    const entry = cron.history![0];
    expect(events.find((e) => e.metadata!.name === entry.eventName)).toMatchObject({ reason: 'policy: local-cluster/backup-schedule-cron-enabled', message: CRON_OK, type: 'Normal' });

    // Hourly backups keep adding entries; the history stays at ten.
    h.advance(14 * HOUR);
    const available = detail(h, 'acm-resources-schedule-backups-available').history!;
    expect(available).toHaveLength(10);
    const times = available.map((e) => Date.parse(e.lastTimestamp!));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it('reports a collision', () => {
    h = boot('collision', { acmVersion: '2.15' });
    const d = detail(h, 'acm-backup-clusters-collision-report');
    expect(d.compliant).toBe('NonCompliant');
    expect(d.history![0].message).toBe('NonCompliant; violation - backupschedules [schedule-acm] found in namespace open-cluster-management-backup');
    expect(replicated(h).status!.compliant).toBe('NonCompliant');
  });

  it('keeps the auto-import templates in their own policy before 2.16', () => {
    h = boot('primary-healthy', { acmVersion: '2.15' });
    const names = replicated(h).status!.details!.map((d) => d.templateMeta!.name);
    expect(names).not.toContain('auto-import-account-secret');
    const autoImport = replicated(h, 'backup-restore-auto-import');
    expect(autoImport.status!.details!.map((d) => d.templateMeta!.name)).toEqual(['auto-import-backup-label', 'auto-import-account-secret']);
    expect(autoImport.status!.compliant).toBe('Compliant');
  });
});
