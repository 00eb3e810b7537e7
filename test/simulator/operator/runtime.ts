/**
 * The small controller runtime the emulated controllers share: timers in simulated time (real
 * delay = simulated delay / timeScale), a de-duplicating work queue drained soon after changes,
 * and write helpers that skip no-op updates (so reconciles settle instead of feeding on their
 * own change notifications). Everything is stoppable and every loop is bounded.
 */
import type { K8sObject, OwnerReference } from '../../../src/k8s/types';
import type { Cluster, KindRef, WatchEventType } from '../cluster';

type Timer = { at: number; seq: number; key: string; fn: () => void };

/** Work items drained per pass; more waits for the next pass, so one burst cannot starve timers. */
const MAX_ITEMS_PER_DRAIN = 2000;
/** Timers fired per wake-up, for the same reason. */
const MAX_TIMERS_PER_WAKE = 5000;
/** setTimeout's ceiling (about 24.8 days). */
const MAX_REAL_DELAY = 2 ** 31 - 1;

const unref = (t: unknown): void => {
  const u = (t as { unref?: () => void } | undefined)?.unref;
  if (typeof u === 'function') u.call(t);
};

export class Runtime {
  private readonly timers = new Map<string, Timer>();
  private seq = 0;
  private realTimer: ReturnType<typeof setTimeout> | undefined;
  private armedFor = Infinity;
  private readonly queue = new Map<string, () => void>();
  private drainTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly unsubscribers: (() => void)[] = [];
  private stopped = false;

  constructor(
    readonly cluster: Cluster,
    readonly timeScale: number,
    readonly log: (line: string) => void = (line) => console.warn(line),
  ) {}

  nowMs(): number {
    return this.cluster.now().getTime();
  }

  isStopped(): boolean {
    return this.stopped;
  }

  /** Runs `fn` at simulated time `at`; a timer with the same key is replaced. */
  at(key: string, at: number, fn: () => void): void {
    if (this.stopped) return;
    this.timers.set(key, { at, seq: this.seq++, key, fn });
    this.arm();
  }

  /** Runs `fn` after `delayMs` of simulated time. */
  after(key: string, delayMs: number, fn: () => void): void {
    this.at(key, this.nowMs() + Math.max(0, delayMs), fn);
  }

  /** Keeps an earlier timer with the same key instead of postponing it. */
  atMost(key: string, at: number, fn: () => void): void {
    const existing = this.timers.get(key);
    if (existing && existing.at <= at) return;
    this.at(key, at, fn);
  }

  cancel(key: string): void {
    this.timers.delete(key);
  }

  cancelPrefix(prefix: string): void {
    for (const k of [...this.timers.keys()]) if (k.startsWith(prefix)) this.timers.delete(k);
  }

  hasTimer(key: string): boolean {
    return this.timers.has(key);
  }

  /** Queues `fn` under `key` (once, however often it is enqueued before the drain). */
  enqueue(key: string, fn: () => void): void {
    if (this.stopped) return;
    this.queue.set(key, fn);
    if (this.drainTimer === undefined) {
      this.drainTimer = setTimeout(() => this.drain(), 0);
      unref(this.drainTimer);
    }
  }

  watch(listener: (type: WatchEventType, obj: K8sObject) => void): void {
    this.unsubscribers.push(
      this.cluster.onChange((type, obj) => {
        if (this.stopped) return;
        try {
          listener(type, obj);
        } catch (e) {
          this.log(`operator emulation: watch handler failed: ${(e as Error).stack ?? e}`);
        }
      }),
    );
  }

  stop(): void {
    this.stopped = true;
    for (const u of this.unsubscribers.splice(0)) u();
    if (this.realTimer !== undefined) clearTimeout(this.realTimer);
    if (this.drainTimer !== undefined) clearTimeout(this.drainTimer);
    this.realTimer = undefined;
    this.drainTimer = undefined;
    this.timers.clear();
    this.queue.clear();
  }

  private run(what: string, fn: () => void): void {
    try {
      fn();
    } catch (e) {
      this.log(`operator emulation: ${what} failed: ${(e as Error).stack ?? e}`);
    }
  }

  private drain(): void {
    this.drainTimer = undefined;
    if (this.stopped) return;
    let n = 0;
    for (const [key, fn] of this.queue) {
      if (n++ >= MAX_ITEMS_PER_DRAIN) break;
      this.queue.delete(key);
      this.run(key, fn);
      if (this.stopped) return;
    }
    if (this.queue.size > 0 && this.drainTimer === undefined) {
      this.drainTimer = setTimeout(() => this.drain(), 0);
      unref(this.drainTimer);
    }
  }

  private arm(): void {
    if (this.stopped) return;
    let next: Timer | undefined;
    for (const t of this.timers.values()) if (!next || t.at < next.at || (t.at === next.at && t.seq < next.seq)) next = t;
    if (!next) {
      if (this.realTimer !== undefined) clearTimeout(this.realTimer);
      this.realTimer = undefined;
      this.armedFor = Infinity;
      return;
    }
    if (this.realTimer !== undefined && this.armedFor <= next.at) return;
    if (this.realTimer !== undefined) clearTimeout(this.realTimer);
    const delay = Math.min(MAX_REAL_DELAY, Math.max(0, Math.ceil((next.at - this.nowMs()) / this.timeScale)));
    this.armedFor = next.at;
    this.realTimer = setTimeout(() => this.wake(), delay);
    unref(this.realTimer);
  }

  private wake(): void {
    this.realTimer = undefined;
    this.armedFor = Infinity;
    if (this.stopped) return;
    // One real millisecond of slack: a timer may fire a hair before the simulated instant.
    const now = this.nowMs() + this.timeScale;
    const due = [...this.timers.values()].filter((t) => t.at <= now).sort((a, b) => a.at - b.at || a.seq - b.seq);
    for (const t of due.slice(0, MAX_TIMERS_PER_WAKE)) {
      if (this.timers.get(t.key) !== t) continue;
      this.timers.delete(t.key);
      this.run(t.key, t.fn);
      if (this.stopped) return;
    }
    this.arm();
  }
}

// ---- object helpers ----

export const nameOf = (o: K8sObject | undefined): string => o?.metadata?.name ?? '';
export const nsOf = (o: K8sObject | undefined): string | undefined => o?.metadata?.namespace;
export const labelsOf = (o: K8sObject | undefined): Record<string, string> => o?.metadata?.labels ?? {};
export const keyOf = (o: K8sObject): string => `${o.apiVersion}/${o.kind}/${nsOf(o) ?? ''}/${nameOf(o)}`;

export const controllerOf = (o: K8sObject): OwnerReference | undefined => o.metadata?.ownerReferences?.find((r) => r.controller === true);

export const ownerRef = (owner: K8sObject, controller = true): OwnerReference => ({
  apiVersion: owner.apiVersion ?? '',
  kind: owner.kind ?? '',
  name: nameOf(owner),
  uid: owner.metadata?.uid ?? '',
  ...(controller ? { controller: true, blockOwnerDeletion: true } : {}),
});

const stable = (v: unknown): string => JSON.stringify(v);

/** Lists a kind, treating a kind the API does not serve as empty. */
export const safeList = <T extends K8sObject>(c: Cluster, ref: KindRef, ns?: string, labels?: Record<string, string>): T[] => {
  try {
    return c.list<T>(ref, ns, labels);
  } catch {
    return [];
  }
};

export const safeGet = <T extends K8sObject>(c: Cluster, ref: KindRef, ns: string | undefined, name: string): T | undefined => {
  try {
    return c.get<T>(ref, ns, name);
  } catch {
    return undefined;
  }
};

/** Writes `next` unless it equals the stored object (ignoring server-owned metadata). */
export const updateIfChanged = <T extends K8sObject>(c: Cluster, next: T): T | undefined => {
  const current = safeGet<T>(c, { apiVersion: next.apiVersion ?? '', kind: next.kind ?? '' }, nsOf(next), nameOf(next));
  if (!current) return undefined;
  const strip = (o: K8sObject) => ({ ...o, metadata: { ...o.metadata, resourceVersion: undefined, generation: undefined } });
  if (stable(strip(current)) === stable(strip(next))) return current;
  try {
    return c.update(next);
  } catch {
    return undefined;
  }
};

/** Creates `obj`; an existing object of that name is left alone and returned. */
export const createIfAbsent = <T extends K8sObject>(c: Cluster, obj: T): { obj: T; created: boolean } => {
  const ref = { apiVersion: obj.apiVersion ?? '', kind: obj.kind ?? '' };
  const existing = safeGet<T>(c, ref, nsOf(obj), nameOf(obj));
  if (existing) return { obj: existing, created: false };
  try {
    return { obj: c.create(obj), created: true };
  } catch {
    return { obj: safeGet<T>(c, ref, nsOf(obj), nameOf(obj)) ?? obj, created: false };
  }
};

export const removeIfPresent = (c: Cluster, ref: KindRef, ns: string | undefined, name: string): boolean => {
  try {
    c.remove(ref, ns, name);
    return true;
  } catch {
    return false;
  }
};

/** A deterministic 32-bit hash of a string (FNV-1a), for per-object jitter that survives restarts. */
export const hash32 = (s: string): number => {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
};

/** A number in [lo, hi] derived from `seed`. */
export const spread = (seed: string, lo: number, hi: number): number => lo + (hash32(seed) % (hi - lo + 1));
