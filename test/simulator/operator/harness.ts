/**
 * Test harness: a real simulator store on jest's fake clock, a scenario loaded into it, and the
 * operator emulation running against it. `advance` moves simulated time (and fires everything
 * that falls due on the way), so hours of operator behaviour take milliseconds.
 */
import type { K8sObject } from '../../../src/k8s/types';
import { createValidator, loadCrds, SHARED_DIR } from '../../support/crds';
import type { KindRef, WatchEventType } from '../cluster';
import { SCENARIOS } from '../scenarios';
import { Store } from '../store';
import { startOperator, type OperatorHandle } from './index';
import { REFS } from './refs';

export const START = new Date('2025-06-10T14:23:45Z');

export type Harness = {
  store: Store;
  op: OperatorHandle;
  timeScale: number;
  /** Moves simulated time forward by `simMs`, in steps, so timers fire at their instants. */
  advance(simMs: number): void;
  /** Every change seen since boot. */
  changes: { type: WatchEventType; obj: K8sObject }[];
  logs: string[];
  /** Objects the emulation wrote that the real CRD schemas reject (empty without `../shared/crds`). */
  schemaProblems: string[];
  list<T extends K8sObject>(ref: KindRef, ns?: string, labels?: Record<string, string>): T[];
  get<T extends K8sObject>(ref: KindRef, ns: string | undefined, name: string): T | undefined;
  stop(): void;
};

const validator = SHARED_DIR ? createValidator(loadCrds()) : undefined;

export const boot = (scenario: string | undefined, opts: { acmVersion: string; timeScale?: number; start?: Date }): Harness => {
  const timeScale = opts.timeScale ?? 60;
  jest.useFakeTimers({ now: opts.start ?? START });
  const schemaProblems: string[] = [];
  const store = new Store({
    timeScale,
    startTime: opts.start ?? START,
    validate: (obj) => {
      const errors = validator?.(obj) ?? [];
      return errors.length ? `${obj.kind} ${obj.metadata?.namespace ?? ''}/${obj.metadata?.name}: ${errors.map((e) => `${e.field} ${e.message}`).join('; ')}` : undefined;
    },
    log: (line) => schemaProblems.push(line),
  });
  if (scenario) SCENARIOS[scenario].load(store, { acmVersion: opts.acmVersion, bulk: (o) => store.bulkLoad(o) });
  const changes: Harness['changes'] = [];
  const unsubscribe = store.onChange((type, obj) => changes.push({ type, obj }));
  const logs: string[] = [];
  const op = startOperator(store, { acmVersion: opts.acmVersion, timeScale, log: (l) => logs.push(l) });
  const h: Harness = {
    store,
    op,
    timeScale,
    changes,
    logs,
    schemaProblems,
    advance(simMs: number) {
      // One real millisecond is `timeScale` simulated ones; step by at most a simulated minute.
      const step = Math.max(1, Math.floor(60_000 / timeScale));
      let left = Math.ceil(simMs / timeScale);
      while (left > 0) {
        const d = Math.min(step, left);
        jest.advanceTimersByTime(d);
        left -= d;
      }
      jest.advanceTimersByTime(0);
    },
    list: (ref, ns, labels) => store.list(ref, ns, labels),
    get: (ref, ns, name) => store.get(ref, ns, name),
    stop() {
      op.stop();
      unsubscribe();
      jest.useRealTimers();
    },
  };
  return h;
};

export { REFS };
