/**
 * The operator emulation: the cluster-backup-operator, Velero/OADP, the governance framework's
 * view of the validation policy, and the other hubs sharing the storage location, as
 * `operator-behaviour.md` describes them. It reacts to changes and to timers in simulated time.
 */
import type { Cluster } from '../cluster';
import { startBackupSchedules } from './backup-schedule';
import type { Ctx } from './context';
import { startPolicies } from './policy';
import { startRemoteHubs } from './remote-hub';
import { startRestores } from './restore';
import { Runtime } from './runtime';
import { featuresOf } from './version';
import { startVelero } from './velero';

export type OperatorOptions = {
  /** `2.8` … `2.17`, `5.0` … `5.2`, or `main`. */
  acmVersion: string;
  /** Simulated seconds per real second (the store's clock runs at the same rate). */
  timeScale: number;
  /** Where failures inside a controller are reported (default: console.warn). */
  log?: (line: string) => void;
  /**
   * Other hubs keep writing whatever this hub does, as an old primary that was neither shut down
   * nor paused would until its own operator notices: the case a promotion must report as a
   * collision.
   */
  oldPrimaryKeepsWriting?: boolean;
};

export type OperatorHandle = { stop(): void };

export const startOperator = (cluster: Cluster, opts: OperatorOptions): OperatorHandle => {
  const timeScale = opts.timeScale > 0 ? opts.timeScale : 1;
  const rt = new Runtime(cluster, timeScale, opts.log);
  const features = featuresOf(opts.acmVersion);
  const ctx: Ctx = { cluster, rt, acmVersion: opts.acmVersion, features, oldPrimaryKeepsWriting: opts.oldPrimaryKeepsWriting === true };
  const controllers = [startVelero(ctx), startBackupSchedules(ctx), startRestores(ctx), startRemoteHubs(ctx), startPolicies(ctx)];
  // Like informers' initial list: pick up whatever the scenario left mid-flight.
  for (const c of controllers) c.resync();
  return { stop: () => rt.stop() };
};

export { featuresOf } from './version';
