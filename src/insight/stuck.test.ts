import type { VeleroBackup } from '../k8s/types';
import { isStuckInProgress, MIN_STUCK_THRESHOLD_MS, stuckExplanation, stuckThresholdMs } from './stuck';

const HOUR = 3600_000;
const now = new Date('2025-03-10T12:00:00Z');

const backup = (phase: string | undefined, start?: string, created?: string): VeleroBackup => ({
  metadata: { name: 'acm-resources-schedule-20250310090000', ...(created ? { creationTimestamp: created } : {}) },
  status: { ...(phase ? { phase } : {}), ...(start ? { startTimestamp: start } : {}) },
});

describe('isStuckInProgress', () => {
  it.each(['InProgress', 'WaitingForPluginOperations', 'WaitingForPluginOperationsPartiallyFailed', 'Finalizing', 'FinalizingPartiallyFailed'])(
    'flags %s running longer than the threshold',
    (phase) => {
      expect(isStuckInProgress(backup(phase, '2025-03-10T10:00:00Z'), { now, thresholdMs: HOUR })).toBe(true);
      expect(isStuckInProgress(backup(phase, '2025-03-10T11:30:00Z'), { now, thresholdMs: HOUR })).toBe(false);
    },
  );

  it('is strictly beyond the threshold', () => {
    expect(isStuckInProgress(backup('InProgress', '2025-03-10T11:00:00Z'), { now, thresholdMs: HOUR })).toBe(false);
    expect(isStuckInProgress(backup('InProgress', '2025-03-10T10:59:59Z'), { now, thresholdMs: HOUR })).toBe(true);
  });

  it('defaults to one hour', () => {
    expect(isStuckInProgress(backup('InProgress', '2025-03-10T10:30:00Z'), { now })).toBe(true);
    expect(isStuckInProgress(backup('InProgress', '2025-03-10T11:30:00Z'), { now })).toBe(false);
  });

  it.each(['Completed', 'PartiallyFailed', 'Failed', 'FailedValidation', 'New', 'Queued', 'Deleting', undefined])(
    'never flags %s',
    (phase) => {
      expect(isStuckInProgress(backup(phase, '2025-01-01T00:00:00Z'), { now, thresholdMs: HOUR })).toBe(false);
    },
  );

  it('uses the creation time when Velero wrote no start, and cannot judge without either', () => {
    expect(isStuckInProgress(backup('InProgress', undefined, '2025-03-10T08:00:00Z'), { now })).toBe(true);
    expect(isStuckInProgress(backup('InProgress'), { now })).toBe(false);
    expect(isStuckInProgress(backup('InProgress', 'not a date'), { now })).toBe(false);
  });
});

describe('stuckThresholdMs', () => {
  it('is one interval, never below an hour', () => {
    expect(stuckThresholdMs(6 * HOUR)).toBe(6 * HOUR);
    expect(stuckThresholdMs(15 * 60_000)).toBe(MIN_STUCK_THRESHOLD_MS);
    expect(stuckThresholdMs(undefined)).toBe(HOUR);
    expect(stuckThresholdMs(NaN)).toBe(HOUR);
  });
});

describe('stuckExplanation', () => {
  it('names the cause and the remedy', () => {
    const { reason, remedy } = stuckExplanation();
    expect(reason.key).toMatch(/Velero pod was restarted or killed/);
    expect(remedy.key).toMatch(/DeleteBackupRequest/);
    expect(remedy.key).toMatch(/next scheduled run/);
  });
});
