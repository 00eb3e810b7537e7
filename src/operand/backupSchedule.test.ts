import { BACKUP_NAMESPACE } from '../k8s/names';
import type { BackupSchedule } from '../k8s/types';
import {
  buildBackupSchedule,
  formFromBackupSchedule,
  pauseScheduleOps,
  updateScheduleOps,
  validateBackupScheduleForm,
  type BackupScheduleFormInput,
} from './backupSchedule';

const full: BackupScheduleFormInput = {
  name: 'schedule-acm',
  namespace: 'acm-backup',
  veleroSchedule: '0 */2 * * *',
  veleroTtl: '240h',
  useManagedServiceAccount: true,
  managedServiceAccountTTL: '480h',
  noBackupOnStart: false,
  volumeSnapshotLocations: ['default'],
  paused: true,
  useOwnerReferencesInBackup: true,
  skipImmediately: false,
};

describe('buildBackupSchedule', () => {
  it('writes only the schedule for a minimal form, in the backup namespace', () => {
    expect(buildBackupSchedule({ name: ' schedule-acm ', veleroSchedule: ' 0 */1 * * * ', veleroTtl: '  ', volumeSnapshotLocations: [' ', ''] })).toStrictEqual({
      apiVersion: 'cluster.open-cluster-management.io/v1beta1',
      kind: 'BackupSchedule',
      metadata: { name: 'schedule-acm', namespace: BACKUP_NAMESPACE },
      spec: { veleroSchedule: '0 */1 * * *' },
    });
  });

  it('writes every field that is set, false booleans included', () => {
    expect(buildBackupSchedule(full)).toStrictEqual({
      apiVersion: 'cluster.open-cluster-management.io/v1beta1',
      kind: 'BackupSchedule',
      metadata: { name: 'schedule-acm', namespace: 'acm-backup' },
      spec: {
        veleroSchedule: '0 */2 * * *',
        veleroTtl: '240h',
        useManagedServiceAccount: true,
        managedServiceAccountTTL: '480h',
        noBackupOnStart: false,
        volumeSnapshotLocations: ['default'],
        paused: true,
        useOwnerReferencesInBackup: true,
        skipImmediately: false,
      },
    });
  });

  it('leaves out the token TTL when managed service accounts are off (the operator ignores it)', () => {
    const bs = buildBackupSchedule({ ...full, useManagedServiceAccount: false });
    expect(bs.spec.useManagedServiceAccount).toBe(false);
    expect(bs.spec).not.toHaveProperty('managedServiceAccountTTL');
  });

  it('trims volume snapshot location names and drops empty rows', () => {
    expect(buildBackupSchedule({ ...full, volumeSnapshotLocations: [' aws ', '', 'gcp'] }).spec.volumeSnapshotLocations).toEqual(['aws', 'gcp']);
  });
});

describe('formFromBackupSchedule', () => {
  it('round-trips every field', () => {
    expect(formFromBackupSchedule(buildBackupSchedule(full))).toStrictEqual(full);
  });

  it('leaves unset fields unset, so saving does not add them', () => {
    const bs = buildBackupSchedule({ name: 'schedule-acm', veleroSchedule: '@daily' });
    const form = formFromBackupSchedule(bs);
    expect(form).toStrictEqual({ name: 'schedule-acm', namespace: BACKUP_NAMESPACE, veleroSchedule: '@daily' });
    expect(buildBackupSchedule(form)).toStrictEqual(bs);
  });

  it('copies the list instead of sharing it with the watched object', () => {
    const bs = buildBackupSchedule(full);
    formFromBackupSchedule(bs).volumeSnapshotLocations?.push('other');
    expect(bs.spec.volumeSnapshotLocations).toEqual(['default']);
  });
});

describe('validateBackupScheduleForm', () => {
  it('accepts a complete, valid form', () => {
    expect(validateBackupScheduleForm(full)).toEqual({});
  });

  it('reports each invalid field with its own message', () => {
    const errors = validateBackupScheduleForm({
      name: 'Schedule ACM',
      namespace: 'ns.with.dots',
      veleroSchedule: '0 0 */2 * * *',
      veleroTtl: '5d',
      useManagedServiceAccount: true,
      managedServiceAccountTTL: '0s',
      volumeSnapshotLocations: ['ok', 'Not OK'],
    });
    expect(Object.keys(errors).sort()).toEqual(['managedServiceAccountTTL', 'name', 'namespace', 'veleroSchedule', 'veleroTtl', 'volumeSnapshotLocations']);
    expect(errors.veleroSchedule?.key).toMatch(/does not accept a seconds field/);
    expect(errors.veleroTtl?.params).toEqual({ value: '5d', hours: 120 });
    expect(errors.managedServiceAccountTTL?.key).toMatch(/longer than zero/);
    expect(errors.volumeSnapshotLocations?.params?.value).toBe('Not OK');
  });

  it('requires a name and a schedule but not the optional fields', () => {
    expect(Object.keys(validateBackupScheduleForm({ name: '', veleroSchedule: '' })).sort()).toEqual(['name', 'veleroSchedule']);
  });

  it('ignores the token TTL while managed service accounts are off', () => {
    expect(validateBackupScheduleForm({ ...full, useManagedServiceAccount: false, managedServiceAccountTTL: 'bad' })).toEqual({});
  });

  it('refuses names longer than a label value', () => {
    expect(validateBackupScheduleForm({ ...full, name: 's'.repeat(64) }).name?.key).toMatch(/at most 63 characters/);
  });
});

describe('pauseScheduleOps', () => {
  it('adds spec.paused when absent and replaces it when present', () => {
    const bs = buildBackupSchedule({ name: 'schedule-acm', veleroSchedule: '@hourly' });
    expect(pauseScheduleOps(bs, true)).toEqual([{ op: 'add', path: '/spec/paused', value: true }]);
    expect(pauseScheduleOps({ ...bs, spec: { ...bs.spec, paused: true } }, false)).toEqual([{ op: 'replace', path: '/spec/paused', value: false }]);
  });
});

describe('updateScheduleOps', () => {
  const existing: BackupSchedule = {
    ...buildBackupSchedule(full),
    metadata: { name: 'schedule-acm', namespace: 'acm-backup', resourceVersion: '4242' },
  };

  it('tests the resourceVersion first so a concurrent edit makes the patch fail', () => {
    const ops = updateScheduleOps(existing, { name: 'schedule-acm', veleroSchedule: '@daily' });
    expect(ops).toEqual([
      { op: 'test', path: '/metadata/resourceVersion', value: '4242' },
      { op: 'replace', path: '/spec', value: { veleroSchedule: '@daily' } },
    ]);
  });

  it('keeps spec fields the form does not know', () => {
    const withFuture = { ...existing, spec: { ...existing.spec, futureOption: 'x' } } as BackupSchedule;
    const [, replace] = updateScheduleOps(withFuture, { ...full, veleroTtl: '' });
    expect(replace).toEqual({ op: 'replace', path: '/spec', value: { ...buildBackupSchedule({ ...full, veleroTtl: '' }).spec, futureOption: 'x' } });
    expect((replace as { value: object }).value).not.toHaveProperty('veleroTtl');
  });

  it('has no test op when the object has no resourceVersion', () => {
    const ops = updateScheduleOps({ ...existing, metadata: { name: 'schedule-acm' } }, full);
    expect(ops.map((o) => o.op)).toEqual(['replace']);
  });
});
