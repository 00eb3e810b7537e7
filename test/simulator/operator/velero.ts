/**
 * Velero, as far as the operator and the plugin observe it (§8): schedules fire on their cron and
 * create timestamped backups; backups go InProgress → Completed with progress, start, completion
 * and expiration; expired backups are garbage-collected hourly; a DeleteBackupRequest deletes its
 * backup (and the restores made from it) and ends `Processed`; restores go InProgress → Completed,
 * or PartiallyFailed when the backup is empty.
 */
import { LABELS } from '../../../src/k8s/names';
import type { DeleteBackupRequest, K8sObject, VeleroBackup, VeleroRestore, VeleroSchedule } from '../../../src/k8s/types';
import type { Ctx } from './context';
import { hubIdOf, veleroNamespaces } from './context';
import { parseStandard, nextActivation, CronError } from './cron';
import { hubProfile, itemsFor, restoreDuration, veleroDuration } from './inventory';
import { backupFromSchedule, DEFAULT_TTL_MS, processedBackup, processedRestore, typeOfBackup } from './objects';
import { REFS, sameKind } from './refs';
import { createIfAbsent, labelsOf, nameOf, nsOf, removeIfPresent, safeGet, safeList, updateIfChanged } from './runtime';
import { restoreCredentials, restoreManagedClusters } from './restored-data';
import { durationOr, HOUR, iso, ms, SECOND } from './time';

/** Velero's schedule controller runs on a periodic resync, so backups start a few seconds after the cron time. */
export const SCHEDULE_LAG_MS = 3 * SECOND;
/** `--garbage-collection-frequency` default. */
const GC_INTERVAL = HOUR;
/** A backup still InProgress this long after it should have ended was interrupted. */
const STUCK_AFTER = 30 * 60 * SECOND;
/** How long Velero takes to delete a backup's data from object storage. */
const DELETION_MS = 4 * SECOND;

const k = (o: K8sObject) => `${nsOf(o) ?? ''}/${nameOf(o)}`;

/** Items in a backup Velero is about to run (the world model sizes ACM backups by their hub). */
const itemsOfNewBackup = (ctx: Ctx, b: VeleroBackup): number => {
  const type = typeOfBackup(b);
  if (nameOf(b).startsWith('acm-restore-clusters-')) return 2;
  if (!type) return 120;
  return itemsFor(type, hubProfile(labelsOf(b)[LABELS.backupCluster] ?? hubIdOf(ctx.cluster)));
};

const durationOf = (b: VeleroBackup, items: number): number => veleroDuration(typeOfBackup(b) ?? 'resources', items);

export type Velero = {
  /** Re-examines every Velero object (startup). */
  resync(): void;
};

export const startVelero = (ctx: Ctx): Velero => {
  const { cluster, rt } = ctx;
  /** Restores are processed one after another: the end of the last one queued. */
  let restoreBusyUntil = 0;

  // ---- schedules ----

  const reconcileSchedule = (ns: string | undefined, name: string) => {
    const timerKey = `velero-schedule:${ns}/${name}`;
    const s = safeGet<VeleroSchedule>(cluster, REFS.veleroSchedule, ns, name);
    if (!s) return rt.cancel(timerKey);
    if (!s.status?.phase) {
      try {
        parseStandard(s.spec?.schedule ?? '');
        s.status = { ...(s.status ?? {}), phase: 'Enabled' };
      } catch (e) {
        s.status = { phase: 'FailedValidation', validationErrors: [`invalid schedule: ${e instanceof CronError ? e.message : String(e)}`] };
      }
      updateIfChanged(cluster, s);
      return; // the status write comes back as a change
    }
    if (s.status.phase !== 'Enabled' || s.spec?.paused) return rt.cancel(timerKey);
    let cron;
    try {
      cron = parseStandard(s.spec?.schedule ?? '');
    } catch {
      return rt.cancel(timerKey);
    }
    const from = ms(s.status.lastBackup) || ms(s.metadata?.creationTimestamp) || rt.nowMs();
    const next = nextActivation(cron, from);
    if (next === undefined) return rt.cancel(timerKey);
    const fireAt = next + SCHEDULE_LAG_MS;
    // The scheduled instant names the backup (so the five ACM schedules share a timestamp), unless
    // a whole period was missed: Velero does not catch up, it runs once, now.
    const after = nextActivation(cron, next);
    rt.at(timerKey, fireAt, () => fire(ns, name, after !== undefined && after + SCHEDULE_LAG_MS <= rt.nowMs() ? rt.nowMs() : fireAt));
  };

  const fire = (ns: string | undefined, name: string, at: number) => {
    const s = safeGet<VeleroSchedule>(cluster, REFS.veleroSchedule, ns, name);
    if (!s || s.spec?.paused || s.status?.phase !== 'Enabled') return;
    const at1 = Math.floor(at / SECOND) * SECOND;
    createIfAbsent(cluster, backupFromSchedule(s, at1));
    s.status = { ...s.status, lastBackup: iso(at1) };
    updateIfChanged(cluster, s);
    reconcileSchedule(ns, name);
  };

  // ---- backups ----

  const completeBackup = (ns: string | undefined, name: string) => {
    const b = safeGet<VeleroBackup>(cluster, REFS.veleroBackup, ns, name);
    if (!b || b.status?.phase !== 'InProgress') return;
    const items = b.status.progress?.totalItems ?? 0;
    const start = ms(b.status.startTimestamp);
    updateIfChanged(
      cluster,
      processedBackup(b, { phase: 'Completed', start, end: rt.nowMs(), items, ttlMs: ms(b.status.expiration) - start }),
    );
  };

  const reconcileBackup = (ns: string | undefined, name: string) => {
    const b = safeGet<VeleroBackup>(cluster, REFS.veleroBackup, ns, name);
    if (!b || !veleroNamespaces(cluster).has(ns ?? '')) return;
    const phase = b.status?.phase ?? '';
    const key = `velero-backup:${ns}/${name}`;
    if (phase === '' || phase === 'New') {
      const items = itemsOfNewBackup(ctx, b);
      const now = rt.nowMs();
      const ttlMs = durationOr(b.spec?.ttl, DEFAULT_TTL_MS);
      updateIfChanged(cluster, processedBackup(b, { phase: 'InProgress', start: now, items, ttlMs }));
      const d = durationOf(b, items);
      rt.at(`${key}:progress`, now + d / 2, () => progressBackup(ns, name));
      rt.at(key, now + d, () => completeBackup(ns, name));
    } else if (phase === 'InProgress' && !rt.hasTimer(key)) {
      const d = durationOf(b, b.status?.progress?.totalItems ?? 0);
      const start = ms(b.status?.startTimestamp);
      if (start + d + STUCK_AFTER < rt.nowMs()) {
        // Velero marks backups it finds InProgress when its server starts as Failed (§8, velero #4503).
        updateIfChanged(
          cluster,
          processedBackup(b, {
            phase: 'Failed',
            start,
            end: rt.nowMs(),
            items: b.status?.progress?.totalItems ?? 0,
            ttlMs: ms(b.status?.expiration) - start,
            failureReason: 'found a backup with status "InProgress" during the server starting, mark it as "Failed"',
          }),
        );
        return;
      }
      // Found running (a loaded scenario): finish it when its run would have ended.
      rt.at(key, Math.max(start + d, rt.nowMs() + SECOND), () => completeBackup(ns, name));
    } else if (phase === 'Deleting' && !rt.hasTimer(`${key}:delete`)) {
      rt.after(`${key}:delete`, DELETION_MS, () => deleteBackupData(ns, name));
    }
  };

  const progressBackup = (ns: string | undefined, name: string) => {
    const b = safeGet<VeleroBackup>(cluster, REFS.veleroBackup, ns, name);
    if (!b || b.status?.phase !== 'InProgress' || !b.status.progress) return;
    b.status.progress = { ...b.status.progress, itemsBackedUp: Math.floor((b.status.progress.totalItems ?? 0) * 0.6) };
    updateIfChanged(cluster, b);
  };

  /** Velero's backup deletion: the data and the restores made from the backup go with it. */
  const deleteBackupData = (ns: string | undefined, name: string) => {
    for (const r of safeList<VeleroRestore>(cluster, REFS.veleroRestore, ns)) {
      if (r.spec?.backupName === name) removeIfPresent(cluster, REFS.veleroRestore, ns, nameOf(r));
    }
    removeIfPresent(cluster, REFS.veleroBackup, ns, name);
  };

  const markDeleting = (b: VeleroBackup) => {
    if (b.status?.phase === 'Deleting') return;
    b.status = { ...(b.status ?? {}), phase: 'Deleting' };
    updateIfChanged(cluster, b);
  };

  const gc = () => {
    const now = rt.nowMs();
    for (const ns of veleroNamespaces(cluster)) {
      for (const b of safeList<VeleroBackup>(cluster, REFS.veleroBackup, ns)) {
        const exp = ms(b.status?.expiration);
        if (Number.isNaN(exp) || exp > now || b.status?.phase === 'InProgress' || b.status?.phase === 'Deleting') continue;
        markDeleting(b);
        rt.after(`velero-backup:${ns}/${nameOf(b)}:delete`, DELETION_MS, () => deleteBackupData(ns, nameOf(b)));
      }
    }
    rt.after('velero-gc', GC_INTERVAL, gc);
  };

  // ---- delete backup requests ----

  const reconcileDbr = (ns: string | undefined, name: string) => {
    const d = safeGet<DeleteBackupRequest>(cluster, REFS.dbr, ns, name);
    if (!d || d.status?.phase === 'Processed' || !veleroNamespaces(cluster).has(ns ?? '')) return;
    const backupName = d.spec?.backupName ?? '';
    const b = safeGet<VeleroBackup>(cluster, REFS.veleroBackup, ns, backupName);
    if (!b) {
      d.status = { phase: 'Processed', errors: ['backup not found'] };
      updateIfChanged(cluster, d);
      return;
    }
    if (d.status?.phase !== 'InProgress') {
      d.metadata = {
        ...d.metadata,
        labels: { ...(d.metadata?.labels ?? {}), [LABELS.veleroBackupName]: backupName, 'velero.io/backup-uid': b.metadata?.uid ?? '' },
      };
      d.status = { phase: 'InProgress' };
      updateIfChanged(cluster, d);
      markDeleting(b);
    }
    rt.at(`velero-dbr:${ns}/${name}`, rt.nowMs() + DELETION_MS, () => {
      deleteBackupData(ns, backupName);
      const cur = safeGet<DeleteBackupRequest>(cluster, REFS.dbr, ns, name);
      if (cur) {
        cur.status = { phase: 'Processed' };
        updateIfChanged(cluster, cur);
      }
    });
  };

  // ---- restores ----

  const restoreSideEffects = (r: VeleroRestore, b: VeleroBackup, stage: 'start' | 'end') => {
    const type = typeOfBackup(b);
    const source = labelsOf(b)[LABELS.backupCluster];
    if (!type || !source || source === hubIdOf(cluster)) return;
    const hub = hubProfile(source);
    const by = { backup: nameOf(b), restore: nameOf(r) };
    if (type === 'managedClusters' && stage === 'start') restoreManagedClusters(ctx, hub, by);
    if (type === 'credentials' && stage === 'end') {
      const activationOnly = JSON.stringify(r.spec?.labelSelector ?? r.spec?.orLabelSelectors ?? {}).includes('"operator":"In"');
      if (!activationOnly) {
        const start = ms(b.status?.startTimestamp);
        restoreCredentials(ctx, hub, by, iso(start + 2 * durationOr(b.spec?.ttl, DEFAULT_TTL_MS)));
      }
    }
  };

  const completeRestore = (ns: string | undefined, name: string) => {
    const r = safeGet<VeleroRestore>(cluster, REFS.veleroRestore, ns, name);
    if (!r || r.status?.phase !== 'InProgress') return;
    const b = safeGet<VeleroBackup>(cluster, REFS.veleroBackup, ns, r.spec?.backupName ?? '');
    const items = r.status.progress?.totalItems ?? 0;
    const start = ms(r.status.startTimestamp);
    // §2 caveat: Velero marks the restore of an empty backup PartiallyFailed.
    const outcome = items === 0 ? { phase: 'PartiallyFailed' as const, errors: 1 } : { phase: 'Completed' as const };
    updateIfChanged(cluster, processedRestore(r, { ...outcome, start, end: rt.nowMs(), items }));
    if (b) restoreSideEffects(r, b, 'end');
  };

  const reconcileRestore = (ns: string | undefined, name: string) => {
    const r = safeGet<VeleroRestore>(cluster, REFS.veleroRestore, ns, name);
    if (!r || !veleroNamespaces(cluster).has(ns ?? '')) return;
    const phase = r.status?.phase ?? '';
    const key = `velero-restore:${ns}/${name}`;
    if (phase === '' || phase === 'New') {
      const b = safeGet<VeleroBackup>(cluster, REFS.veleroBackup, ns, r.spec?.backupName ?? '');
      const now = rt.nowMs();
      if (!b) {
        updateIfChanged(
          cluster,
          processedRestore(r, { phase: 'FailedValidation', start: now, items: 0, validationErrors: [`Error retrieving backup: backups.velero.io "${r.spec?.backupName}" not found`] }),
        );
        return;
      }
      const items = b.status?.progress?.totalItems ?? 0;
      const end = Math.max(now, restoreBusyUntil) + restoreDuration(typeOfBackup(b) ?? 'resources', items);
      restoreBusyUntil = end;
      updateIfChanged(cluster, processedRestore(r, { phase: 'InProgress', start: now, items }));
      restoreSideEffects(r, b, 'start');
      rt.at(key, end, () => completeRestore(ns, name));
    } else if (phase === 'InProgress' && !rt.hasTimer(key)) {
      const b = safeGet<VeleroBackup>(cluster, REFS.veleroBackup, ns, r.spec?.backupName ?? '');
      const d = restoreDuration((b && typeOfBackup(b)) ?? 'resources', r.status?.progress?.totalItems ?? 0);
      const end = Math.max(ms(r.status?.startTimestamp) + d, rt.nowMs() + 5 * SECOND);
      restoreBusyUntil = Math.max(restoreBusyUntil, end);
      // Objects the run restored so far are there; what comes next is scheduled again.
      if (b) restoreSideEffects(r, b, 'start');
      rt.at(key, end, () => completeRestore(ns, name));
    }
  };

  rt.watch((type, obj) => {
    if (type === 'DELETED') {
      if (sameKind(obj, REFS.veleroSchedule)) rt.cancel(`velero-schedule:${k(obj)}`);
      return;
    }
    const ns = nsOf(obj);
    const name = nameOf(obj);
    if (sameKind(obj, REFS.veleroSchedule)) rt.enqueue(`velero-schedule:${k(obj)}`, () => reconcileSchedule(ns, name));
    else if (sameKind(obj, REFS.veleroBackup)) {
      const phase = (obj as VeleroBackup).status?.phase ?? '';
      if (phase === '' || phase === 'New' || phase === 'Deleting') rt.enqueue(`velero-backup:${k(obj)}`, () => reconcileBackup(ns, name));
    } else if (sameKind(obj, REFS.veleroRestore)) {
      const phase = (obj as VeleroRestore).status?.phase ?? '';
      if (phase === '' || phase === 'New') rt.enqueue(`velero-restore:${k(obj)}`, () => reconcileRestore(ns, name));
    } else if (sameKind(obj, REFS.dbr)) rt.enqueue(`velero-dbr:${k(obj)}`, () => reconcileDbr(ns, name));
  });

  rt.after('velero-gc', 10 * SECOND, gc);

  return {
    resync() {
      for (const s of safeList<VeleroSchedule>(cluster, REFS.veleroSchedule)) reconcileSchedule(nsOf(s), nameOf(s));
      for (const b of safeList<VeleroBackup>(cluster, REFS.veleroBackup)) {
        const p = b.status?.phase ?? '';
        if (p === '' || p === 'New' || p === 'InProgress' || p === 'Deleting') reconcileBackup(nsOf(b), nameOf(b));
      }
      for (const r of safeList<VeleroRestore>(cluster, REFS.veleroRestore)) {
        const p = r.status?.phase ?? '';
        if (p === '' || p === 'New' || p === 'InProgress') reconcileRestore(nsOf(r), nameOf(r));
      }
      for (const d of safeList<DeleteBackupRequest>(cluster, REFS.dbr)) reconcileDbr(nsOf(d), nameOf(d));
    },
  };
};
