import { execFileSync } from 'child_process';
import { PROMOTION_ACTION } from '../../insight/promotion';
import { ANNOTATIONS, BACKUP_NAMESPACE } from '../../k8s/names';
import type { Restore } from '../../k8s/types';
import type { BackupScheduleFormInput } from '../../operand/backupSchedule';
import { activationCommand, activationPatch, auditOf, decodeSchedule, encodeSchedule, SCHEDULE_ANNOTATION } from './manifests';

const form: BackupScheduleFormInput = { name: 'schedule-acm', namespace: BACKUP_NAMESPACE, veleroSchedule: '0 */1 * * *', veleroTtl: '120h', useManagedServiceAccount: true };
const withSchedule = (value: string): Restore => ({ metadata: { name: 'r', annotations: { [SCHEDULE_ANNOTATION]: value } }, spec: {} as Restore['spec'] });
const audit = { user: 'alice', time: '2025-06-01T10:00:00Z', reason: "it's down" };

describe('the stored schedule', () => {
  it('round-trips the fields a promotion keeps, and only those', () => {
    const stored = encodeSchedule({ ...form, paused: true, noBackupOnStart: true });
    expect(JSON.parse(stored)).toEqual(form);
    expect(decodeSchedule(withSchedule(stored))).toEqual({ ok: true, form });
  });

  it.each([
    ['missing', undefined, 'missing'],
    ['not JSON', '{"name":', 'unreadable'],
    ['a wrong type', JSON.stringify({ ...form, useManagedServiceAccount: 'yes' }), 'unreadable'],
    ['no cron', JSON.stringify({ name: 'schedule-acm' }), 'unreadable'],
    ['a cron the operator refuses', JSON.stringify({ ...form, veleroSchedule: '61 * * * *' }), 'invalid'],
    ['a zero TTL', JSON.stringify({ ...form, veleroTtl: '0s' }), 'invalid'],
  ])('refuses %s', (_what, value, reason) => {
    const restore: Restore | undefined = value === undefined ? { metadata: { name: 'r' }, spec: {} as Restore['spec'] } : withSchedule(value);
    expect(decodeSchedule(restore)).toEqual({ ok: false, reason });
  });
});

describe('the activation patch', () => {
  it('keeps the operand test and replace, then one annotation op per key when annotations exist', () => {
    const restore: Restore = { metadata: { name: 'r', annotations: { keep: 'me' } }, spec: { veleroManagedClustersBackupName: 'skip' } as Restore['spec'] };
    const ops = activationPatch(restore, audit, form);
    expect(ops[0]).toEqual({ op: 'test', path: '/spec/veleroManagedClustersBackupName', value: 'skip' });
    expect(ops[1]).toEqual({ op: 'replace', path: '/spec/veleroManagedClustersBackupName', value: 'latest' });
    expect(ops.slice(2).every((o) => o.op === 'add' && o.path.startsWith('/metadata/annotations/'))).toBe(true);
    const values = Object.fromEntries(ops.slice(2).map((o) => [o.path, (o as { value: string }).value]));
    expect(values['/metadata/annotations/business-continuity.open-cluster-management.io~1action']).toBe(PROMOTION_ACTION);
    expect(ops.some((o) => o.path === '/metadata/annotations')).toBe(false);
  });

  it('records the request so the schedule can copy it', () => {
    const restore: Restore = { metadata: { name: 'r' }, spec: { veleroManagedClustersBackupName: 'skip' } as Restore['spec'] };
    const annotations = (activationPatch(restore, audit, form)[2] as { value: Record<string, string> }).value;
    expect(auditOf({ metadata: { annotations } })).toEqual(audit);
    expect(auditOf({ metadata: { annotations: { ...annotations, [ANNOTATIONS.action]: 'activate-managed-clusters' } } })).toBeUndefined();
  });

  it('gives a shell command that survives a quote in the reason', () => {
    const restore: Restore = { metadata: { name: 'restore-acm-passive-sync', namespace: BACKUP_NAMESPACE }, spec: { veleroManagedClustersBackupName: 'skip' } as Restore['spec'] };
    const command = activationCommand({ kind: 'patchSync', restore, restoreName: 'restore-acm-passive-sync' }, audit, form, new Date());
    expect(command).toMatch(/^oc patch restore\.cluster\.open-cluster-management\.io restore-acm-passive-sync -n open-cluster-management-backup --type json -p '/);
    // The shell hands `oc` exactly the JSON of the patch.
    const patchArg = command.slice(command.indexOf(' -p ') + 4);
    const echoed = execFileSync('sh', ['-c', `printf %s ${patchArg}`], { encoding: 'utf8' });
    expect(JSON.parse(echoed)).toEqual(activationPatch(restore, audit, form));
  });
});
