import { BACKUP_NAMESPACE, LABELS } from '../../../src/k8s/names';
import type { DeleteBackupRequest, VeleroBackup, VeleroRestore } from '../../../src/k8s/types';
import { boot, type Harness, REFS } from './harness';
import { startOperator } from './index';
import { THIS_HUB_ID } from './inventory';
import { processedBackup } from './objects';
import { HOUR, MINUTE, SECOND, veleroTimestamp } from './time';

const NS = BACKUP_NAMESPACE;

const dbr = (name: string, backupName: string): DeleteBackupRequest => ({
  apiVersion: 'velero.io/v1',
  kind: 'DeleteBackupRequest',
  metadata: { name, namespace: NS },
  spec: { backupName },
});

describe('Velero', () => {
  let h: Harness;
  afterEach(() => {
    const problems = [...h.schemaProblems, ...h.logs];
    h.stop();
    expect(problems).toEqual([]);
  });

  it('processes a DeleteBackupRequest: the backup goes Deleting, then away; the request ends Processed', () => {
    h = boot('primary-healthy', { acmVersion: '2.15' });
    const victim = h.list<VeleroBackup>(REFS.veleroBackup, NS).find((b) => b.status?.phase === 'Completed')!;
    const name = victim.metadata!.name!;
    h.store.create(dbr(name, name));
    h.advance(SECOND);
    expect(h.get<VeleroBackup>(REFS.veleroBackup, NS, name)!.status!.phase).toBe('Deleting');
    expect(h.get<DeleteBackupRequest>(REFS.dbr, NS, name)!.status!.phase).toBe('InProgress');
    expect(h.get<DeleteBackupRequest>(REFS.dbr, NS, name)!.metadata!.labels![LABELS.veleroBackupName]).toBe(name);
    h.advance(10 * SECOND);
    expect(h.get(REFS.veleroBackup, NS, name)).toBeUndefined();
    expect(h.get<DeleteBackupRequest>(REFS.dbr, NS, name)!.status).toEqual({ phase: 'Processed' });
  });

  it('reports a request for a backup that does not exist', () => {
    h = boot('fresh', { acmVersion: '2.15' });
    h.store.create(dbr('nothing-here', 'nothing-here'));
    h.advance(5 * SECOND);
    expect(h.get<DeleteBackupRequest>(REFS.dbr, NS, 'nothing-here')!.status).toEqual({ phase: 'Processed', errors: ['backup not found'] });
  });

  it('deletes the restores made from a deleted backup', () => {
    h = boot('passive-sync', { acmVersion: '2.15' });
    const vr = h.list<VeleroRestore>(REFS.veleroRestore, NS)[0];
    const backup = vr.spec!.backupName!;
    h.store.create(dbr(backup, backup));
    h.advance(10 * SECOND);
    expect(h.get(REFS.veleroRestore, NS, vr.metadata!.name!)).toBeUndefined();
  });

  it('garbage-collects expired backups within the hour', () => {
    h = boot('fresh', { acmVersion: '2.15' });
    const start = h.store.now().getTime() - 2 * HOUR;
    const b = processedBackup(
      {
        apiVersion: 'velero.io/v1',
        kind: 'Backup',
        metadata: { name: `manual-${veleroTimestamp(start)}`, namespace: NS, labels: { [LABELS.backupCluster]: THIS_HUB_ID } },
        spec: {},
      },
      { phase: 'Completed', start, end: start + MINUTE, items: 10, ttlMs: HOUR + 30 * MINUTE },
    );
    h.store.create(b);
    h.advance(HOUR + MINUTE);
    expect(h.get(REFS.veleroBackup, NS, b.metadata!.name!)).toBeUndefined();
  });

  it('marks a backup found InProgress long after it should have ended as Failed (Velero restart)', () => {
    const start = Date.parse('2025-06-09T10:00:03Z');
    const name = `acm-credentials-schedule-${veleroTimestamp(start)}`;
    h = boot('fresh', { acmVersion: '2.15' });
    h.op.stop();
    h.store.create(
      processedBackup({ apiVersion: 'velero.io/v1', kind: 'Backup', metadata: { name, namespace: NS }, spec: {} }, { phase: 'InProgress', start, items: 40, ttlMs: 120 * HOUR }),
    );
    const op = startOperator(h.store, { acmVersion: '2.15', timeScale: h.timeScale });
    h.advance(SECOND);
    const b = h.get<VeleroBackup>(REFS.veleroBackup, NS, name)!;
    expect(b.status!.phase).toBe('Failed');
    expect(b.status!.failureReason).toBe('found a backup with status "InProgress" during the server starting, mark it as "Failed"');
    op.stop();
  });
});
