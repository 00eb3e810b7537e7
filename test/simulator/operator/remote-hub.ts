/**
 * The other hubs that share the storage location. A hub whose backups are in storage and whose
 * newest set is recent keeps writing on its cadence; its backups appear here the way Velero's
 * storage sync brings them (complete, a little after they finish). It stops the way its own
 * operator would stop it (§1 collision rules seen from its side): when this hub writes newer
 * resources backups, or records an activation after the other hub started writing.
 */
import { BACKUP_TYPES, LABELS, VELERO_SCHEDULE_NAMES } from '../../../src/k8s/names';
import type { BackupType } from '../../../src/k8s/names';
import type { VeleroBackup } from '../../../src/k8s/types';
import type { Ctx } from './context';
import { hubIdOf, veleroNamespaces } from './context';
import { hubProfile, itemsFor, veleroDuration } from './inventory';
import { processedBackup, typeOfBackup } from './objects';
import { REFS, sameKind } from './refs';
import { createIfAbsent, labelsOf, nameOf, safeList } from './runtime';
import { durationOr, HOUR, MINUTE, ms, SECOND, timestampOfName, veleroTimestamp } from './time';

/** Velero's `backupSyncPeriod`: a finished backup shows up on other hubs within a minute. */
const SYNC_LAG = 40 * SECOND;
const CHECK_INTERVAL = 5 * MINUTE;

type Stream = { ns: string; hubId: string; byType: Map<BackupType, VeleroBackup[]> };

const tsOf = (b: VeleroBackup): number => timestampOfName(nameOf(b)) ?? (ms(b.status?.startTimestamp) || 0);

export type RemoteHubs = { resync(): void };

export const startRemoteHubs = (ctx: Ctx): RemoteHubs => {
  const { cluster, rt } = ctx;
  const stopped = new Set<string>();

  const streams = (): Stream[] => {
    const thisId = hubIdOf(cluster);
    const out = new Map<string, Stream>();
    for (const ns of veleroNamespaces(cluster)) {
      for (const b of safeList<VeleroBackup>(cluster, REFS.veleroBackup, ns)) {
        const hubId = labelsOf(b)[LABELS.backupCluster];
        const type = typeOfBackup(b);
        if (!hubId || hubId === thisId || !type || !labelsOf(b)[LABELS.veleroScheduleName]) continue;
        const key = `${ns}/${hubId}`;
        let s = out.get(key);
        if (!s) out.set(key, (s = { ns, hubId, byType: new Map() }));
        const list = s.byType.get(type) ?? [];
        list.push(b);
        s.byType.set(type, list);
      }
    }
    for (const s of out.values()) for (const list of s.byType.values()) list.sort((a, b) => tsOf(a) - tsOf(b));
    return [...out.values()];
  };

  /** Whether the other hub's operator would have stopped it by now. */
  const stillWriting = (s: Stream, last: number, interval: number): boolean => {
    if (rt.nowMs() - last > 2 * interval + 10 * MINUTE) return false; // no longer running
    if (ctx.oldPrimaryKeepsWriting) return true;
    const newestResources = safeList<VeleroBackup>(cluster, REFS.veleroBackup, s.ns, { [LABELS.veleroScheduleName]: VELERO_SCHEDULE_NAMES.resources })
      .filter((b) => b.status?.phase !== 'Deleting')
      .sort((a, b) => (ms(b.status?.startTimestamp) || 0) - (ms(a.status?.startTimestamp) || 0))[0];
    if (newestResources && labelsOf(newestResources)[LABELS.backupCluster] !== s.hubId && tsOf(newestResources) > last) return false;
    const first = Math.min(...[...s.byType.values()].flat().map(tsOf));
    const takeover = safeList<VeleroBackup>(cluster, REFS.veleroBackup, s.ns).some((b) => {
      const by = labelsOf(b)[LABELS.restoreCluster];
      return by !== undefined && by !== s.hubId && ms(b.metadata?.creationTimestamp) > first;
    });
    return !takeover;
  };

  const plan = () => {
    for (const s of streams()) {
      const key = `remote:${s.ns}/${s.hubId}`;
      if (stopped.has(key)) continue;
      const resources = s.byType.get('resources') ?? [];
      if (resources.length === 0) continue;
      const last = tsOf(resources[resources.length - 1]);
      const prev = resources.length > 1 ? tsOf(resources[resources.length - 2]) : last - HOUR;
      const interval = last - prev > 0 ? last - prev : HOUR;
      if (!stillWriting(s, last, interval)) {
        stopped.add(key);
        rt.cancel(key);
        continue;
      }
      const next = last + interval;
      if (!rt.hasTimer(key)) rt.at(key, Math.max(next + SYNC_LAG + 60 * SECOND, rt.nowMs()), () => write(s, next));
    }
  };

  const write = (s: Stream, at: number) => {
    const key = `remote:${s.ns}/${s.hubId}`;
    const fresh = streams().find((x) => x.ns === s.ns && x.hubId === s.hubId);
    const resources = fresh?.byType.get('resources') ?? [];
    if (!fresh || resources.length === 0) return;
    const last = tsOf(resources[resources.length - 1]);
    if (!stillWriting(fresh, last, Math.max(at - last, MINUTE))) {
      stopped.add(key);
      return;
    }
    const hub = hubProfile(s.hubId);
    for (const type of BACKUP_TYPES) {
      const template = fresh.byType.get(type)?.slice(-1)[0] ?? resources[resources.length - 1];
      if (!template) continue;
      const items = itemsFor(type, hub);
      const ttlMs = durationOr(template.spec?.ttl, 720 * HOUR);
      const backup: VeleroBackup = {
        apiVersion: 'velero.io/v1',
        kind: 'Backup',
        metadata: {
          name: `${VELERO_SCHEDULE_NAMES[type]}-${veleroTimestamp(at)}`,
          namespace: s.ns,
          labels: { ...labelsOf(template), [LABELS.scheduleType]: type, [LABELS.veleroScheduleName]: VELERO_SCHEDULE_NAMES[type] },
        },
        spec: { ...(template.spec ?? {}) },
      };
      createIfAbsent(cluster, processedBackup(backup, { phase: 'Completed', start: at, end: at + veleroDuration(type, items), items, ttlMs }));
    }
    plan();
  };

  rt.watch((type, obj) => {
    if (type !== 'ADDED' || !sameKind(obj, REFS.veleroBackup)) return;
    const l = labelsOf(obj);
    // This hub writing resources backups, or an activation record, can stop another hub.
    if (l[LABELS.restoreCluster] !== undefined || l[LABELS.veleroScheduleName] === VELERO_SCHEDULE_NAMES.resources) rt.enqueue('remote:plan', plan);
  });

  const periodic = () => {
    plan();
    rt.after('remote:check', CHECK_INTERVAL, periodic);
  };

  return {
    resync() {
      periodic();
    },
  };
};
