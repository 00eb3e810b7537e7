import type { BackupType } from '../k8s/names';
import type { VeleroBackup } from '../k8s/types';
import { goodBackups, groupBackupSets, type GoodBackup } from './backups';

/**
 * "You can go back to any of these points": the restore points of each type that still exist,
 * and the span of time a restore can reach with all three types a Restore names (§2).
 */

/** The types a Restore names explicitly (§2); generic resources follow the resources backup. */
export const RESTORE_TYPES = ['credentials', 'resources', 'managedClusters'] as const satisfies readonly BackupType[];
export type RestoreType = (typeof RESTORE_TYPES)[number];

export type RestorePoint = Pick<GoodBackup, 'backup' | 'name' | 'time' | 'partial' | 'errors' | 'warnings' | 'writer' | 'expiresAt'>;

/** A backup set whose three restore types are all good: a restore to exactly that moment. */
export type ConsistentPoint = {
  key: string;
  time: Date;
  backups: Record<RestoreType, RestorePoint>;
  /** Any of the three is PartiallyFailed. */
  partial: boolean;
  writers: string[];
};

export type RecoverableWindow = {
  /** The timeline's axis: back one TTL from now, or further if older points still exist. */
  from: Date;
  to: Date;
  /** Restore points per type, oldest first. */
  perType: Record<RestoreType, RestorePoint[]>;
  /**
   * The span in which every time T can be restored, each type contributing its newest point at or
   * before T: from the moment the last type got its oldest point, to the newest point of any type.
   * Undefined when a type has no point at all.
   */
  window?: { start: Date; end: Date };
  /** Newest first. */
  consistentPoints: ConsistentPoint[];
  /** Restore types with no point: a restore now would fail for them. */
  missingTypes: RestoreType[];
};

const isRestoreType = (type: BackupType): type is RestoreType => (RESTORE_TYPES as readonly string[]).includes(type);

const toPoint = (g: GoodBackup): RestorePoint => {
  const point: RestorePoint = {
    backup: g.backup,
    name: g.name,
    time: g.time,
    partial: g.partial,
    errors: g.errors,
    warnings: g.warnings,
  };
  if (g.writer !== undefined) point.writer = g.writer;
  if (g.expiresAt !== undefined) point.expiresAt = g.expiresAt;
  return point;
};

/**
 * A backup counts while it exists and has not expired. Its own `expiration` decides when known
 * (a TTL change applies to new backups only); otherwise it must be younger than `ttlMs`.
 */
export const recoverableWindow = (
  backups: readonly VeleroBackup[],
  opts: { now: Date; ttlMs: number },
): RecoverableWindow => {
  const nowMs = opts.now.getTime();
  const ttlKnown = Number.isFinite(opts.ttlMs) && opts.ttlMs > 0;
  const oldestAllowed = ttlKnown ? nowMs - opts.ttlMs : -Infinity;

  const perType = { credentials: [], resources: [], managedClusters: [] } as Record<RestoreType, RestorePoint[]>;
  const byName = new Map<string, RestorePoint>();
  for (const good of goodBackups(backups)) {
    if (!isRestoreType(good.type)) continue;
    const alive = good.expiresAt !== undefined ? good.expiresAt.getTime() > nowMs : good.time.getTime() >= oldestAllowed;
    if (!alive) continue;
    const point = toPoint(good);
    perType[good.type].push(point);
    byName.set(good.name, point);
  }

  const missingTypes = RESTORE_TYPES.filter((t) => perType[t].length === 0);
  let window: RecoverableWindow['window'];
  if (missingTypes.length === 0) {
    let start = -Infinity;
    let end = -Infinity;
    for (const t of RESTORE_TYPES) {
      const points = perType[t];
      start = Math.max(start, points[0].time.getTime());
      end = Math.max(end, points[points.length - 1].time.getTime());
    }
    window = { start: new Date(start), end: new Date(end) };
  }

  const consistentPoints: ConsistentPoint[] = [];
  for (const set of groupBackupSets(backups)) {
    const chosen: Partial<Record<RestoreType, RestorePoint>> = {};
    let complete = true;
    for (const t of RESTORE_TYPES) {
      const point = set.members[t] && byName.get(set.members[t]?.metadata?.name ?? '');
      if (!point) {
        complete = false;
        break;
      }
      chosen[t] = point;
    }
    if (!complete) continue;
    const backupsOfSet = chosen as Record<RestoreType, RestorePoint>;
    consistentPoints.push({
      key: set.key,
      time: set.time,
      backups: backupsOfSet,
      partial: RESTORE_TYPES.some((t) => backupsOfSet[t].partial),
      writers: set.writers,
    });
  }

  let from = ttlKnown ? oldestAllowed : nowMs;
  for (const t of RESTORE_TYPES) if (perType[t].length > 0) from = Math.min(from, perType[t][0].time.getTime());

  const result: RecoverableWindow = { from: new Date(from), to: new Date(nowMs), perType, consistentPoints, missingTypes };
  if (window) result.window = window;
  return result;
};
