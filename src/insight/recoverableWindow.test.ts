import { LABELS, VELERO_SCHEDULE_NAMES, type BackupType } from '../k8s/names';
import type { VeleroBackup } from '../k8s/types';
import { recoverableWindow } from './recoverableWindow';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const now = new Date('2025-03-10T12:00:00Z');

const at = (hoursAgo: number) => new Date(now.getTime() - hoursAgo * HOUR);
const suffix = (d: Date) => d.toISOString().replace(/[-:T]/g, '').slice(0, 14);

const backup = (type: BackupType, hoursAgo: number, opts: { phase?: string; expiresInHours?: number; writer?: string } = {}): VeleroBackup => {
  const time = at(hoursAgo);
  const b: VeleroBackup = {
    metadata: {
      name: `${VELERO_SCHEDULE_NAMES[type]}-${suffix(time)}`,
      labels: { [LABELS.scheduleType]: type, [LABELS.backupCluster]: opts.writer ?? 'hub-a' },
    },
    status: { phase: opts.phase ?? 'Completed', startTimestamp: time.toISOString() },
  };
  if (opts.expiresInHours !== undefined) b.status!.expiration = new Date(now.getTime() + opts.expiresInHours * HOUR).toISOString();
  return b;
};

const fullSet = (hoursAgo: number, phases: Partial<Record<BackupType, string>> = {}) =>
  (['credentials', 'resources', 'resourcesGeneric', 'managedClusters', 'validation'] as const).map((t) =>
    backup(t, hoursAgo, { phase: phases[t] }),
  );

describe('recoverableWindow', () => {
  it('lists restore points per type, oldest first, within the TTL', () => {
    const w = recoverableWindow([...fullSet(2), ...fullSet(26), ...fullSet(50), backup('resources', 24 * 40)], {
      now,
      ttlMs: 30 * DAY,
    });
    expect(w.perType.resources.map((p) => p.time.toISOString())).toEqual([at(50), at(26), at(2)].map((d) => d.toISOString()));
    expect(w.perType.credentials).toHaveLength(3);
    expect(w.missingTypes).toEqual([]);
    expect(w.to).toEqual(now);
    expect(w.from).toEqual(new Date(now.getTime() - 30 * DAY));
  });

  it('spans from the newest of the oldest points to the newest point', () => {
    const w = recoverableWindow(
      [backup('credentials', 10), backup('credentials', 70), backup('resources', 30), backup('resources', 3), backup('managedClusters', 50)],
      { now, ttlMs: 30 * DAY },
    );
    expect(w.window).toEqual({ start: at(30), end: at(3) });
  });

  it('has no window when a restore type has no point', () => {
    const w = recoverableWindow([backup('credentials', 1), backup('resources', 1)], { now, ttlMs: 30 * DAY });
    expect(w.window).toBeUndefined();
    expect(w.missingTypes).toEqual(['managedClusters']);
    expect(w.consistentPoints).toEqual([]);
  });

  it('leaves out failed, running and expired backups', () => {
    const w = recoverableWindow(
      [
        backup('resources', 1, { phase: 'Failed' }),
        backup('resources', 2, { phase: 'InProgress' }),
        backup('resources', 3, { expiresInHours: -1 }),
        backup('resources', 4, { phase: 'PartiallyFailed' }),
        backup('resources', 24 * 31),
      ],
      { now, ttlMs: 30 * DAY },
    );
    expect(w.perType.resources.map((p) => [p.time.toISOString(), p.partial])).toEqual([[at(4).toISOString(), true]]);
  });

  it('trusts a backup\'s own expiration over the current TTL', () => {
    const w = recoverableWindow([backup('resources', 24 * 40, { expiresInHours: 24 * 20 })], { now, ttlMs: 30 * DAY });
    expect(w.perType.resources).toHaveLength(1);
    expect(w.from).toEqual(at(24 * 40));
  });

  it('lists the consistent points: sets whose three restore types are all good', () => {
    const w = recoverableWindow([...fullSet(2, { managedClusters: 'Failed' }), ...fullSet(26, { credentials: 'PartiallyFailed' }), ...fullSet(50)], {
      now,
      ttlMs: 30 * DAY,
    });
    expect(w.consistentPoints.map((p) => [p.time.toISOString(), p.partial])).toEqual([
      [at(26).toISOString(), true],
      [at(50).toISOString(), false],
    ]);
    expect(w.consistentPoints[1].backups.managedClusters.name).toBe(`acm-managed-clusters-schedule-${suffix(at(50))}`);
    expect(w.consistentPoints[1].writers).toEqual(['hub-a']);
  });

  it('is empty for no backups', () => {
    const w = recoverableWindow([], { now, ttlMs: 30 * DAY });
    expect(w.perType).toEqual({ credentials: [], resources: [], managedClusters: [] });
    expect(w.missingTypes).toEqual(['credentials', 'resources', 'managedClusters']);
    expect(w.window).toBeUndefined();
  });
});
