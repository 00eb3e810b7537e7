/**
 * Helpers for the simulator's own tests: a bare API server over a fresh store, HTTP calls with
 * a token, and watch clients for both transports.
 */
import WebSocket from 'ws';
import { SHARED_DIR } from '../support/crds';
import { KindRegistry } from './discovery';
import { Faults, type FaultOptions } from './faults';
import { Rbac } from './rbac';
import { startApiServer } from './server';
import { Store } from './store';
import type { WatchEvent } from './watch';

export const HAVE_CRDS = SHARED_DIR !== undefined;

let skipNoticePrinted = false;
/** `describe` when ../shared is present; otherwise skips, saying so once. */
export const describeWithCrds = (name: string, fn: () => void): void => {
  if (HAVE_CRDS) {
    describe(name, fn);
    return;
  }
  if (!skipNoticePrinted) {
    skipNoticePrinted = true;
    console.log('simulator tests: ../shared/crds not found, skipping the tests that need the real CRD schemas');
  }
  describe.skip(name, fn);
};

// Tests read response bodies field by field; typing every Kubernetes shape here would add nothing.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Body = any;

export type TestApi = Awaited<ReturnType<typeof startTestApi>>;

export const startTestApi = async (opts: { omitKinds?: string[]; faults?: FaultOptions; historySize?: number; crdDir?: string | null } = {}) => {
  const log = () => undefined;
  const registry = new KindRegistry({ crdDir: opts.crdDir, omitKinds: opts.omitKinds, log });
  const store = new Store({ traitsOf: registry.traitsOf, historySize: opts.historySize });
  const faults = new Faults(opts.faults);
  const rbac = new Rbac();
  const api = await startApiServer({ store, registry, rbac, faults, log });
  /** The console-style base: `http://host:port/api/kubernetes`. */
  const base = `${api.url}/api/kubernetes`;
  const call = async (
    method: string,
    path: string,
    init: { body?: unknown; token?: string; contentType?: string } = {},
  ): Promise<{ status: number; body: Body; ms: number }> => {
    const headers: Record<string, string> = {};
    if (init.token) headers.Authorization = `Bearer ${init.token}`;
    if (init.body !== undefined) headers['Content-Type'] = init.contentType ?? 'application/json';
    const t0 = performance.now();
    const res = await fetch(`${base}${path}`, {
      method,
      headers,
      body: init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined, ms: performance.now() - t0 };
  };
  return { ...api, base, store, registry, faults, rbac, call };
};

export const waitFor = async (check: () => boolean, timeoutMs = 3000, what = 'condition'): Promise<void> => {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
};

export type WatchClient = {
  events: (WatchEvent & { object: Body })[];
  /** Resolves when the server ends or drops the stream. */
  closed: Promise<void>;
  isClosed(): boolean;
  close(): void;
};

/** A WebSocket watch as the console opens it (with an Origin). */
export const wsWatch = (url: string, opts: { origin?: string | null; protocols?: string[] } = {}): Promise<WatchClient> =>
  new Promise((resolve, reject) => {
    const headers: Record<string, string> = {};
    if (opts.origin !== null) headers.Origin = opts.origin ?? 'http://localhost';
    const ws = new WebSocket(url.replace(/^http/, 'ws'), opts.protocols ?? [], { headers });
    const events: WatchClient['events'] = [];
    let closed = false;
    const closedP = new Promise<void>((r) =>
      ws.on('close', () => {
        closed = true;
        r();
      }),
    );
    ws.on('message', (data, isBinary) => {
      const text = isBinary ? data.toString() : ws.protocol === 'base64.binary.k8s.io' ? Buffer.from(data.toString(), 'base64').toString() : data.toString();
      events.push(JSON.parse(text));
    });
    ws.on('open', () => resolve({ events, closed: closedP, isClosed: () => closed, close: () => ws.close() }));
    ws.on('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => reject(Object.assign(new Error(`upgrade refused: ${res.statusCode}`), { statusCode: res.statusCode, body })));
    });
    ws.on('error', (err) => reject(err));
  });

/** A chunked HTTP watch (one JSON event per line). */
export const httpWatch = async (url: string, token?: string): Promise<WatchClient> => {
  const controller = new AbortController();
  const res = await fetch(url, { signal: controller.signal, headers: token ? { Authorization: `Bearer ${token}` } : {} });
  if (!res.ok || !res.body) throw Object.assign(new Error(`watch failed: ${res.status}`), { statusCode: res.status, body: await res.text() });
  const events: WatchClient['events'] = [];
  let closed = false;
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  const closedP = (async () => {
    let buffer = '';
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let nl: number;
        while ((nl = buffer.indexOf('\n')) >= 0) {
          const line = buffer.slice(0, nl).trim();
          buffer = buffer.slice(nl + 1);
          if (line) events.push(JSON.parse(line));
        }
      }
    } catch {
      // Aborted or dropped: both end the stream.
    }
    closed = true;
  })();
  return { events, closed: closedP, isClosed: () => closed, close: () => controller.abort() };
};

export const NS = 'open-cluster-management-backup';
export const CBO = 'cluster.open-cluster-management.io/v1beta1';

export const backupSchedule = (name: string, spec: Record<string, unknown> = { veleroSchedule: '0 */6 * * *' }, labels?: Record<string, string>) => ({
  apiVersion: CBO,
  kind: 'BackupSchedule',
  metadata: { name, namespace: NS, ...(labels ? { labels } : {}) },
  spec,
});
