/**
 * Injected trouble: slow responses, a share of requests failing with 503, and watches dropped
 * after a while. The failures come from a seeded PRNG so a run can be repeated exactly.
 */

export type FaultOptions = {
  /** Added before every HTTP response (and before a watch starts). */
  latencyMs?: number;
  /** Share (0..1) of non-watch requests answered `503 ServiceUnavailable`. */
  errorRate?: number;
  /** Every watch is cut this many seconds after it opened. */
  dropWatchEverySeconds?: number;
  /** PRNG seed for `errorRate`. */
  seed?: number;
};

/** mulberry32: small, fast, and the same sequence on every platform for a given seed. */
export const seededRandom = (seed: number): (() => number) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

export class Faults {
  private opts: FaultOptions = {};
  private random: () => number = seededRandom(1);

  constructor(opts: FaultOptions = {}) {
    this.set(opts);
  }

  /** Replaces the fault settings (the PRNG restarts from the seed). */
  set(opts: FaultOptions): void {
    const rate = opts.errorRate ?? 0;
    if (rate < 0 || rate > 1) throw new Error(`errorRate must be between 0 and 1, got ${rate}`);
    this.opts = { ...opts };
    this.random = seededRandom(opts.seed ?? 1);
  }

  get(): FaultOptions {
    return { ...this.opts };
  }

  async delay(): Promise<void> {
    const ms = this.opts.latencyMs ?? 0;
    if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
  }

  /** Draws once per non-watch request, whether or not a rate is set, so sequences stay aligned. */
  shouldFail(): boolean {
    const draw = this.random();
    return draw < (this.opts.errorRate ?? 0);
  }

  /** Milliseconds a new watch may live, or undefined for no limit. */
  watchLifetimeMs(): number | undefined {
    const s = this.opts.dropWatchEverySeconds;
    return s && s > 0 ? s * 1000 : undefined;
  }
}
