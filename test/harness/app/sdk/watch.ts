import type { K8sModel, K8sResourceCommon, Selector } from '@openshift-console/dynamic-plugin-sdk';
import { k8sBasePath, k8sGet, listResources, resourcePath, selectorToString } from './k8s';

/**
 * Live Kubernetes data the way the console keeps it: a list is read page by page, then followed
 * through a websocket watch from the list's resourceVersion; one object is read every 30 s and
 * followed through a watch on its name. Identical watches are shared and counted, as the console
 * does with its redux store.
 */
export type WatchQuery = {
  ns?: string;
  name?: string;
  labelSelector?: Selector;
  fieldSelector?: string;
  limit?: number;
};

/** What the hooks hand out: `loadError` is `''` until something fails, as in the console. */
export type WatchSnapshot = { data: unknown; loaded: boolean; loadError: unknown };

type WatchEvent = {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';
  object: K8sResourceCommon & { code?: number; message?: string };
};

/** The console applies watch events in batches every half second. */
const FLUSH_MS = 500;
/** After a failed list the console lists again 15 s later. */
const RELIST_MS = 15_000;
/** Besides its watch, one object is read again every 30 s. */
const OBJECT_POLL_MS = 30_000;
const MAX_BACKOFF_MS = 30_000;
/** A refused websocket upgrade shows the browser no status: after a few, list again to learn why. */
const FAILED_OPENS_BEFORE_RELIST = 3;
const PAGE_SIZE = 250;

const watchURL = (model: K8sModel, query: WatchQuery & { resourceVersion?: string }) => {
  const queryParams: Record<string, string> = { watch: 'true' };
  const labelSelector = query.labelSelector && selectorToString(query.labelSelector);
  if (labelSelector) queryParams.labelSelector = encodeURIComponent(labelSelector);
  if (query.fieldSelector) queryParams.fieldSelector = encodeURIComponent(query.fieldSelector);
  if (query.resourceVersion) queryParams.resourceVersion = encodeURIComponent(query.resourceVersion);
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${window.location.host}${k8sBasePath()}${resourcePath(model, { ns: query.ns, queryParams })}`;
};

/** One watch websocket that reconnects with growing delays until closed. */
class WatchSocket {
  private ws?: WebSocket;
  private timer?: number;
  private attempt = 0;
  private failedOpens = 0;
  private closed = false;

  constructor(
    private readonly url: () => string,
    private readonly onEvent: (event: WatchEvent) => void,
    private readonly onNeverOpens?: () => void,
  ) {
    this.connect();
  }

  private connect() {
    const ws = new WebSocket(this.url());
    this.ws = ws;
    let opened = false;
    ws.onopen = () => {
      opened = true;
      this.attempt = 0;
      this.failedOpens = 0;
    };
    ws.onmessage = (message) => this.ws === ws && this.onEvent(JSON.parse(message.data));
    ws.onclose = () => {
      if (this.closed || this.ws !== ws) return;
      this.ws = undefined;
      if (!opened && this.onNeverOpens && ++this.failedOpens >= FAILED_OPENS_BEFORE_RELIST) {
        this.closed = true;
        this.onNeverOpens();
        return;
      }
      const delay = Math.min(1000 * 1.5 ** this.attempt++, MAX_BACKOFF_MS);
      this.timer = window.setTimeout(() => this.connect(), delay);
    };
  }

  close() {
    this.closed = true;
    window.clearTimeout(this.timer);
    const ws = this.ws;
    this.ws = undefined;
    if (!ws) return;
    ws.onmessage = null;
    ws.onclose = null;
    // Closing a socket that is still connecting makes the browser log an error: wait for it.
    if (ws.readyState === WebSocket.CONNECTING) ws.onopen = () => ws.close();
    else ws.close();
  }
}

const qualifiedName = ({ metadata }: K8sResourceCommon) => `${metadata?.namespace ? `(${metadata.namespace})-` : ''}${metadata?.name}`;

/** The console keeps the newer of two versions of an object. */
const isNewer = (next: K8sResourceCommon, current: K8sResourceCommon | undefined) => {
  if (!current) return true;
  const a = next.metadata ?? {};
  const b = current.metadata ?? {};
  if (a.uid !== b.uid) return new Date(a.creationTimestamp ?? 0) > new Date(b.creationTimestamp ?? 0);
  return parseInt(a.resourceVersion ?? '0', 10) > parseInt(b.resourceVersion ?? '0', 10);
};

abstract class Watch {
  snapshot: WatchSnapshot;
  protected loaded = false;
  protected loadError: unknown = '';
  protected stopped = false;
  private pending: WatchEvent[] = [];
  private flushTimer?: number;

  constructor(
    protected readonly model: K8sModel,
    protected readonly query: WatchQuery,
    private readonly publish: () => void,
    initialData: unknown,
  ) {
    this.snapshot = { data: initialData, loaded: false, loadError: '' };
  }

  start() {
    this.flushTimer = window.setInterval(() => this.flush(), FLUSH_MS);
  }

  stop() {
    this.stopped = true;
    window.clearInterval(this.flushTimer);
  }

  protected queue(event: WatchEvent) {
    this.pending.push(event);
  }

  protected dropQueued() {
    this.pending = [];
  }

  private flush() {
    if (this.pending.length === 0) return;
    this.apply(this.pending.splice(0));
    this.emit();
  }

  protected emit() {
    this.snapshot = { data: this.data(), loaded: this.loaded, loadError: this.loadError };
    this.publish();
  }

  protected abstract apply(events: WatchEvent[]): void;
  protected abstract data(): unknown;
}

class ListWatch extends Watch {
  private items = new Map<string, K8sResourceCommon>();
  private resourceVersion?: string;
  private socket?: WatchSocket;
  private relistTimer?: number;
  private run = 0;

  constructor(model: K8sModel, query: WatchQuery, publish: () => void) {
    super(model, query, publish, []);
  }

  start() {
    super.start();
    void this.listAndWatch();
  }

  stop() {
    super.stop();
    window.clearTimeout(this.relistTimer);
    this.socket?.close();
  }

  private async listAndWatch() {
    const run = ++this.run;
    this.socket?.close();
    this.socket = undefined;
    this.dropQueued();
    try {
      this.resourceVersion = await this.list(run);
    } catch (e) {
      if (run !== this.run || this.stopped) return;
      // Stale data stays visible beside the error, as in the console.
      this.loadError = e;
      this.emit();
      this.relistTimer = window.setTimeout(() => void this.listAndWatch(), RELIST_MS);
      return;
    }
    if (run !== this.run || this.stopped) return;
    this.socket = new WatchSocket(
      () => watchURL(this.model, { ...this.query, resourceVersion: this.resourceVersion }),
      (event) => this.receive(event),
      () => {
        this.relistTimer = window.setTimeout(() => void this.listAndWatch(), RELIST_MS);
      },
    );
  }

  private async list(run: number): Promise<string | undefined> {
    let continueToken: string | undefined;
    let first = true;
    let resourceVersion: string | undefined;
    do {
      const page = await listResources(this.model, {
        limit: PAGE_SIZE,
        ...this.query,
        ...(continueToken ? { continue: continueToken } : {}),
      });
      if (run !== this.run || this.stopped) return undefined;
      if (first) this.replace(page.items);
      else page.items.forEach((item) => this.items.set(qualifiedName(item), item));
      first = false;
      this.loaded = true;
      this.loadError = '';
      this.emit();
      continueToken = page.metadata?.continue;
      resourceVersion = page.metadata?.resourceVersion;
    } while (continueToken);
    return resourceVersion;
  }

  private replace(items: K8sResourceCommon[]) {
    const gone = new Set(this.items.keys());
    for (const item of items) {
      const key = qualifiedName(item);
      gone.delete(key);
      if (isNewer(item, this.items.get(key))) this.items.set(key, item);
    }
    gone.forEach((key) => this.items.delete(key));
  }

  private receive(event: WatchEvent) {
    if (event.type === 'ERROR') {
      // The resourceVersion is older than the server keeps: only a new list can catch up.
      if (event.object?.code === 410) void this.listAndWatch();
      else console.warn(`watch error on ${this.model.plural}: ${event.object?.message}`);
      return;
    }
    const resourceVersion = event.object?.metadata?.resourceVersion;
    if (resourceVersion) this.resourceVersion = resourceVersion;
    if (event.type !== 'BOOKMARK') this.queue(event);
  }

  protected apply(events: WatchEvent[]) {
    for (const { type, object } of events) {
      const key = qualifiedName(object);
      if (type === 'DELETED') this.items.delete(key);
      else if (isNewer(object, this.items.get(key))) this.items.set(key, object);
    }
  }

  protected data() {
    return [...this.items.values()];
  }
}

class ObjectWatch extends Watch {
  private object: K8sResourceCommon | null = null;
  private socket?: WatchSocket;
  private pollTimer?: number;

  constructor(model: K8sModel, query: WatchQuery, publish: () => void) {
    super(model, query, publish, null);
  }

  start() {
    super.start();
    void this.poll();
    this.pollTimer = window.setInterval(() => void this.poll(), OBJECT_POLL_MS);
    const { ns, name, labelSelector } = this.query;
    if (this.model.namespaced && !ns) {
      console.error('Namespace required to watch namespaced resource: ', this.model.kind, name);
      return;
    }
    this.socket = new WatchSocket(
      () => watchURL(this.model, { ns, labelSelector, fieldSelector: `metadata.name=${name}` }),
      (event) => event.type !== 'ERROR' && event.type !== 'BOOKMARK' && this.queue(event),
    );
  }

  stop() {
    super.stop();
    window.clearInterval(this.pollTimer);
    this.socket?.close();
  }

  private async poll() {
    try {
      const object = await k8sGet({ model: this.model, name: this.query.name as string, ns: this.query.ns });
      if (this.stopped) return;
      this.object = object;
      this.loaded = true;
      this.loadError = '';
    } catch (e) {
      if (this.stopped) return;
      this.loadError = e;
    }
    this.emit();
  }

  /**
   * Every event, DELETED included, replaces the object: the console keeps showing a deleted
   * object until its next read reports 404 in `loadError`.
   */
  protected apply(events: WatchEvent[]) {
    this.object = events[events.length - 1].object;
    this.loaded = true;
    this.loadError = '';
  }

  protected data() {
    return this.object;
  }
}

type Entry = { watch: Watch; refs: number; listeners: Set<() => void> };

const registry = new Map<string, Entry>();

export const snapshotOf = (key: string): WatchSnapshot | undefined => registry.get(key)?.watch.snapshot;

/** Follows the watch `key`, starting it for the first follower; returns the release function. */
export const retainWatch = (key: string, model: K8sModel, query: WatchQuery, isList: boolean, listener: () => void): (() => void) => {
  let entry = registry.get(key);
  if (!entry) {
    const listeners = new Set<() => void>();
    const publish = () => listeners.forEach((l) => l());
    const watch = isList ? new ListWatch(model, query, publish) : new ObjectWatch(model, query, publish);
    entry = { watch, refs: 0, listeners };
    registry.set(key, entry);
    watch.start();
  }
  const current = entry;
  current.refs += 1;
  current.listeners.add(listener);
  return () => {
    current.listeners.delete(listener);
    current.refs -= 1;
    if (current.refs === 0) {
      current.watch.stop();
      registry.delete(key);
    }
  };
};
