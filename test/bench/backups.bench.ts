/**
 * How long the backups page's pure work takes on a large hub: 3,600 Velero Backups (720 hourly
 * backup sets of five types, 30 days at the default TTL). Prints figures; never fails on speed.
 *
 *   npx tsx test/bench/backups.bench.ts
 */
import { performance } from 'node:perf_hooks';
import { BACKUP_TYPES, LABELS, VELERO_SCHEDULE_NAMES } from '../../src/k8s/names';
import type { VeleroBackup } from '../../src/k8s/types';
import {
  backupRows,
  filterBackups,
  groupBackupSets,
  newestGoodBackupPerType,
  sortBackups,
  timestampSuffix,
  type BackupSortKey,
} from '../../src/insight/backups';
import { recoverableWindow } from '../../src/insight/recoverableWindow';

const SETS = 720;
const HOUR = 3600_000;
const now = new Date('2025-03-31T00:30:00Z');
const HUBS = ['3f1c2a9e-hub-a', '8b7d4e10-hub-b'];

// Deterministic pseudo-randomness so runs are comparable.
let seed = 42;
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};

const synthesize = (): VeleroBackup[] => {
  const backups: VeleroBackup[] = [];
  for (let s = 0; s < SETS; s++) {
    const setMs = now.getTime() - (SETS - s) * HOUR;
    const writer = s > SETS - 50 && s % 7 === 0 ? HUBS[1] : HUBS[0];
    for (const type of BACKUP_TYPES) {
      const startMs = setMs + Math.floor(random() * 5) * 1000;
      const roll = random();
      const phase = s === SETS - 1 ? 'InProgress' : roll < 0.02 ? 'Failed' : roll < 0.07 ? 'PartiallyFailed' : 'Completed';
      const total = 100 + Math.floor(random() * 5000);
      backups.push({
        apiVersion: 'velero.io/v1',
        kind: 'Backup',
        metadata: {
          name: `${VELERO_SCHEDULE_NAMES[type]}-${timestampSuffix(new Date(startMs))}`,
          namespace: 'open-cluster-management-backup',
          labels: {
            [LABELS.scheduleType]: type,
            [LABELS.veleroScheduleName]: VELERO_SCHEDULE_NAMES[type],
            [LABELS.backupCluster]: writer,
            [LABELS.scheduleName]: 'schedule-acm',
          },
        },
        status: {
          phase,
          startTimestamp: new Date(startMs).toISOString(),
          ...(phase === 'InProgress' ? {} : { completionTimestamp: new Date(startMs + 20_000 + random() * 200_000).toISOString() }),
          expiration: new Date(startMs + 720 * HOUR).toISOString(),
          errors: phase === 'Completed' ? 0 : Math.floor(random() * 10),
          warnings: Math.floor(random() * 3),
          progress: { itemsBackedUp: phase === 'Failed' ? Math.floor(total / 2) : total, totalItems: total },
        },
      });
    }
  }
  return backups;
};

const time = (label: string, fn: () => unknown, runs = 20): void => {
  fn(); // warm-up
  const samples: number[] = [];
  let size = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const result = fn();
    samples.push(performance.now() - t0);
    if (Array.isArray(result)) size = result.length;
  }
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)];
  const max = samples[samples.length - 1];
  console.log(`${label.padEnd(44)} median ${median.toFixed(2).padStart(7)} ms   max ${max.toFixed(2).padStart(7)} ms   (${size} results)`);
};

const backups = synthesize();
console.log(`${backups.length} synthetic backups, ${SETS} sets, ${HUBS.length} writers\n`);

time('groupBackupSets', () => groupBackupSets(backups));
time('backupRows', () => backupRows(backups, { thisHubId: HUBS[0], now }));
time('newestGoodBackupPerType', () => Object.values(newestGoodBackupPerType(backups)));
time('recoverableWindow (720h)', () => recoverableWindow(backups, { now, ttlMs: 720 * HOUR }).consistentPoints);

const rows = backupRows(backups, { thisHubId: HUBS[0], now });
time('filter: type resources', () => filterBackups(rows, { types: ['resources'] }));
time('filter: phases Failed+PartiallyFailed', () => filterBackups(rows, { phases: ['Failed', 'PartiallyFailed'] }));
time('filter: writer hub-b', () => filterBackups(rows, { writers: [HUBS[1]] }));
time('filter: text "managed 202503"', () => filterBackups(rows, { text: 'managed 202503' }));
time('filter: all combined', () =>
  filterBackups(rows, { types: ['credentials', 'managedClusters'], phaseGroups: ['completed', 'partiallyFailed'], writers: [HUBS[0]], text: '2025' }),
);

for (const key of ['start', 'name', 'phase', 'duration', 'writer'] as BackupSortKey[]) {
  time(`sort: ${key} desc`, () => sortBackups(rows, { key, direction: 'desc' }));
}

// The page's worst case on each keystroke: filter then sort a larger list.
const big = [...rows, ...rows.slice(0, 1400)];
time(`filter+sort ${big.length} rows (text, start desc)`, () =>
  sortBackups(filterBackups(big, { text: 'schedule' }), { key: 'start', direction: 'desc' }),
);
