/**
 * The simulator's object store: every object of every kind, with the bookkeeping an API server
 * does on write (uid, resourceVersion, generation, creationTimestamp, finalizers, garbage
 * collection of controlled objects) and a bounded change history that watches resume from.
 *
 * Objects held here are never mutated in place: every write stores a fresh copy, so history
 * entries and list results can share them safely. The `Cluster` methods hand out clones; the
 * `*Raw`/`query` methods hand out the stored objects for read-only use (serialization).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { ALL_MODELS } from '../../src/k8s/models';
import type { K8sObject, ObjectMeta } from '../../src/k8s/types';
import type { Cluster, KindRef, WatchEventType } from './cluster';
import { convertTo } from './convert';
import { equalityRequirements, matchesFields, matchesLabels, type FieldRequirement, type LabelRequirement } from './selectors';

/** `<group>/<Kind>`; the core group is the empty string (`/Secret`). Versions share one store. */
export type KindKey = string;

export const groupOf = (apiVersion: string | undefined): string => {
  const v = apiVersion ?? '';
  const slash = v.indexOf('/');
  return slash < 0 ? '' : v.slice(0, slash);
};

/** `events.k8s.io` Events share storage with core Events (served in either form, see convert.ts). */
const SHARED_STORAGE: ReadonlyMap<string, KindKey> = new Map([['events.k8s.io/Event', '/Event']]);

export const kindKeyOf = (group: string, kind: string): KindKey => {
  const key = `${group}/${kind}`;
  return SHARED_STORAGE.get(key) ?? key;
};
export const kindKeyOfRef = (ref: KindRef): KindKey => kindKeyOf(groupOf(ref.apiVersion), ref.kind);
export const kindKeyOfObject = (obj: K8sObject): KindKey => kindKeyOf(groupOf(obj.apiVersion), obj.kind ?? '');

/** What the store needs to know about a kind; unknown kinds keep whatever namespace they carry. */
export type KindTraits = { namespaced: boolean };

/** The plugin's own kinds, so a store built without a registry still scopes them right. */
const DEFAULT_TRAITS: ReadonlyMap<KindKey, KindTraits> = new Map([
  ...ALL_MODELS.map((m): [KindKey, KindTraits] => [kindKeyOf(m.apiGroup ?? '', m.kind), { namespaced: m.namespaced !== false }]),
  [kindKeyOf('', 'Namespace'), { namespaced: false }],
]);

export type Change = {
  rv: number;
  type: WatchEventType;
  kind: KindKey;
  obj: K8sObject;
  /** The stored object before a MODIFIED change: lets selector-filtered watches see objects leave. */
  prev?: K8sObject;
};

export type StoreErrorReason = 'NotFound' | 'AlreadyExists' | 'Conflict' | 'BadRequest';

export class StoreError extends Error {
  constructor(
    readonly reason: StoreErrorReason,
    readonly kind: KindKey,
    readonly name: string,
    message?: string,
  ) {
    super(message ?? `${reason}: ${kind} "${name}"`);
  }
}

export type StoreOptions = {
  /** Simulated seconds per real second. */
  timeScale?: number;
  /** Simulated time at construction. */
  startTime?: Date;
  /** Changes kept for watch resume. */
  historySize?: number;
  traitsOf?: (kind: KindKey) => KindTraits | undefined;
  /** Checks objects written through the `Cluster` methods; a message is logged, the write proceeds. */
  validate?: (obj: K8sObject) => string | undefined;
  log?: (line: string) => void;
};

export type QueryOptions = {
  namespace?: string;
  labels?: readonly LabelRequirement[];
  fields?: readonly FieldRequirement[];
  /** The form field selectors see (a kind served in two shapes is filtered in the shape asked for). */
  view?: (obj: K8sObject) => K8sObject;
};

type Bucket = {
  objects: Map<string, K8sObject>;
  byNamespace: Map<string, Set<string>>;
  /** `key=value` → object keys: equality selectors (the common case) skip the scan. */
  byLabel: Map<string, Set<string>>;
  sortedAll: string[] | null;
  sortedByNamespace: Map<string, string[]>;
};

const objectKey = (namespace: string | undefined, name: string): string => `${namespace ?? ''}/${name}`;

const GENERATE_NAME_CHARS = 'bcdfghjklmnpqrstvwxz2456789';
const randomSuffix = (): string => {
  const bytes = randomBytes(5);
  let s = '';
  for (const b of bytes) s += GENERATE_NAME_CHARS[b % GENERATE_NAME_CHARS.length];
  return s;
};

const clone = <T>(obj: T): T => structuredClone(obj);

/** Structural equality of JSON values, blind to key order. */
export const sameJson = (a: unknown, b: unknown): boolean => {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => sameJson(x, bb[i]));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const keys = Object.keys(ao).filter((k) => ao[k] !== undefined);
  if (keys.length !== Object.keys(bo).filter((k) => bo[k] !== undefined).length) return false;
  return keys.every((k) => sameJson(ao[k], bo[k]));
};

const MAX_VALIDATION_WARNINGS = 20;

export class Store implements Cluster {
  private readonly buckets = new Map<KindKey, Bucket>();
  /** owner uid → global keys of objects that name it in an ownerReference. */
  private readonly dependents = new Map<string, Set<string>>();
  private rv = 0;
  private history: Change[] = [];
  /** Changes up to and including this resourceVersion are no longer in `history`. */
  private compactedRv = 0;
  private readonly historySize: number;
  private readonly listeners = new Set<(change: Change) => void>();
  private readonly pending: Change[] = [];
  private dispatching = false;
  private readonly realStart = performance.now();
  private readonly simStart: number;
  private readonly timeScale: number;
  private validationWarnings = 0;

  constructor(private readonly opts: StoreOptions = {}) {
    this.timeScale = opts.timeScale ?? 1;
    this.simStart = (opts.startTime ?? new Date()).getTime();
    this.historySize = opts.historySize ?? 50_000;
  }

  // ---- Cluster ----

  now(): Date {
    return new Date(this.simStart + (performance.now() - this.realStart) * this.timeScale);
  }

  get<T extends K8sObject>(ref: KindRef, namespace: string | undefined, name: string): T | undefined {
    const obj = this.getRaw(kindKeyOfRef(ref), this.namespaceFor(kindKeyOfRef(ref), namespace), name);
    return obj ? (clone(convertTo(ref.apiVersion, obj)) as T) : undefined;
  }

  list<T extends K8sObject>(ref: KindRef, namespace?: string, labelSelector?: Record<string, string>): T[] {
    return this.query(kindKeyOfRef(ref), { namespace, labels: equalityRequirements(labelSelector) }).map((o) => clone(convertTo(ref.apiVersion, o)) as T);
  }

  create<T extends K8sObject>(obj: T): T {
    this.checkControllerWrite(obj);
    return clone(this.insert(obj, { trusted: true })) as T;
  }

  update<T extends K8sObject>(obj: T): T {
    this.checkControllerWrite(obj);
    return clone(this.replace(obj)) as T;
  }

  remove(ref: KindRef, namespace: string | undefined, name: string): void {
    const kind = kindKeyOfRef(ref);
    this.delete(kind, this.namespaceFor(kind, namespace), name);
  }

  onChange(listener: (type: WatchEventType, obj: K8sObject) => void): () => void {
    return this.subscribe((c) => listener(c.type, clone(c.obj)));
  }

  recordEvent(event: K8sObject): void {
    const e = clone(event) as K8sObject & Record<string, unknown>;
    const subject = (e.involvedObject ?? e.regarding) as { name?: string; namespace?: string } | undefined;
    const meta: ObjectMeta = { ...(e.metadata ?? {}) };
    meta.namespace ??= subject?.namespace ?? 'default';
    // The API server's event recorder names events `<object>.<16 hex digits>`.
    meta.name ??= `${subject?.name ?? 'event'}.${randomBytes(8).toString('hex')}`;
    e.metadata = meta;
    e.apiVersion ??= 'v1';
    e.kind ??= 'Event';
    const now = this.now().toISOString();
    if (groupOf(e.apiVersion) === 'events.k8s.io') {
      e.eventTime ??= now.replace(/Z$/, '000Z');
    } else {
      e.firstTimestamp ??= now;
      e.lastTimestamp ??= e.firstTimestamp;
      e.count ??= 1;
    }
    this.insert(e, { trusted: true });
  }

  // ---- Bulk load ----

  /**
   * Stores many objects at once, before anyone watches: no change notifications and no history
   * (a watch from a resourceVersion inside the loaded range is answered `410 Expired`).
   */
  bulkLoad(objs: readonly K8sObject[]): void {
    for (const obj of objs) this.insert(obj, { silent: true, trusted: true });
    this.compactedRv = this.rv;
  }

  // ---- Read access for the API server ----

  currentResourceVersion(): number {
    return this.rv;
  }

  getRaw(kind: KindKey, namespace: string | undefined, name: string): K8sObject | undefined {
    return this.buckets.get(kind)?.objects.get(objectKey(namespace, name));
  }

  /** Matching objects sorted by namespace then name (the API server's key order). */
  query(kind: KindKey, q: QueryOptions = {}): K8sObject[] {
    return this.queryEntries(kind, q).map(([, o]) => o);
  }

  /** As `query`, with each object's store key (`<namespace>/<name>`), for pagination. */
  queryEntries(kind: KindKey, q: QueryOptions = {}): [string, K8sObject][] {
    const bucket = this.buckets.get(kind);
    if (!bucket) return [];
    const labels = q.labels ?? [];
    const fields = q.fields ?? [];
    let keys: readonly string[];
    const indexed = this.smallestLabelSet(bucket, labels);
    if (indexed) {
      const prefix = q.namespace !== undefined ? `${q.namespace}/` : undefined;
      keys = [...indexed].filter((k) => prefix === undefined || k.startsWith(prefix)).sort();
    } else if (q.namespace !== undefined) {
      keys = this.sortedKeys(bucket, q.namespace);
    } else {
      keys = this.sortedKeys(bucket);
    }
    const out: [string, K8sObject][] = [];
    for (const k of keys) {
      const o = bucket.objects.get(k)!;
      if (labels.length > 0 && !matchesLabels(o.metadata?.labels, labels)) continue;
      if (fields.length > 0 && !matchesFields(q.view ? q.view(o) : o, fields)) continue;
      out.push([k, o]);
    }
    return out;
  }

  count(kind?: KindKey): number {
    if (kind !== undefined) return this.buckets.get(kind)?.objects.size ?? 0;
    let n = 0;
    for (const b of this.buckets.values()) n += b.objects.size;
    return n;
  }

  kinds(): KindKey[] {
    return [...this.buckets.keys()];
  }

  // ---- Change stream ----

  /** Every stored change, in resourceVersion order, delivered after the store is consistent. */
  subscribe(listener: (change: Change) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Changes after `rv` (oldest first), or `expired` when some of them left the history. */
  changesSince(rv: number): Change[] | 'expired' {
    if (rv < this.compactedRv) return 'expired';
    let lo = 0;
    let hi = this.history.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.history[mid].rv <= rv) lo = mid + 1;
      else hi = mid;
    }
    return this.history.slice(lo);
  }

  /** The oldest resourceVersion a watch can still resume from. */
  oldestResumableVersion(): number {
    return this.compactedRv;
  }

  // ---- Writes (shared by the Cluster methods and the API server) ----

  /**
   * Stores a new object; fills the server-owned metadata (`trusted`: only where missing).
   * Throws `AlreadyExists`.
   */
  insert(input: K8sObject, opts: { silent?: boolean; trusted?: boolean } = {}): K8sObject {
    const kind = kindKeyOfObject(input);
    const obj = clone(input);
    const meta: ObjectMeta = { ...(obj.metadata ?? {}) };
    meta.namespace = this.namespaceFor(kind, meta.namespace);
    if (this.traits(kind)?.namespaced && !meta.namespace) {
      throw new StoreError('BadRequest', kind, meta.name ?? '', 'the namespace of the object is required');
    }
    const bucket = this.bucket(kind);
    if (!meta.name && meta.generateName) {
      do meta.name = `${meta.generateName}${randomSuffix()}`;
      while (bucket.objects.has(objectKey(meta.namespace, meta.name)));
    }
    if (!meta.name) throw new StoreError('BadRequest', kind, '', 'name or generateName is required');
    const key = objectKey(meta.namespace, meta.name);
    if (bucket.objects.has(key)) throw new StoreError('AlreadyExists', kind, meta.name);
    // Scenario fixtures and controllers may bring their own identity and age (an object "created
    // three days ago"); the API server replaces whatever a client sends.
    const keep = opts.trusted === true;
    meta.uid = keep && meta.uid ? meta.uid : randomUUID();
    meta.resourceVersion = String(++this.rv);
    meta.generation = keep && meta.generation ? meta.generation : 1;
    meta.creationTimestamp = keep && meta.creationTimestamp ? meta.creationTimestamp : this.timestamp();
    delete meta.deletionTimestamp;
    if (meta.namespace === undefined) delete meta.namespace;
    obj.metadata = meta;
    this.put(kind, bucket, key, obj, undefined);
    if (!opts.silent) this.emit({ rv: this.rv, type: 'ADDED', kind, obj });
    return obj;
  }

  /**
   * Replaces a stored object. `expectResourceVersion` (when given) must equal the stored one, else
   * `Conflict`. Server-owned metadata is kept; generation grows when `spec` changes. An object
   * being deleted disappears once its last finalizer is removed.
   */
  replace(input: K8sObject, opts: { expectResourceVersion?: string } = {}): K8sObject {
    const kind = kindKeyOfObject(input);
    const name = input.metadata?.name ?? '';
    const namespace = this.namespaceFor(kind, input.metadata?.namespace);
    const bucket = this.buckets.get(kind);
    const key = objectKey(namespace, name);
    const prev = bucket?.objects.get(key);
    if (!bucket || !prev) throw new StoreError('NotFound', kind, name);
    if (opts.expectResourceVersion !== undefined && opts.expectResourceVersion !== prev.metadata!.resourceVersion) {
      throw new StoreError('Conflict', kind, name);
    }
    const obj = clone(input);
    const pm = prev.metadata!;
    const meta: ObjectMeta = {
      ...(obj.metadata ?? {}),
      name: pm.name,
      uid: pm.uid,
      creationTimestamp: pm.creationTimestamp,
      generation: pm.generation,
    };
    if (pm.namespace !== undefined) meta.namespace = pm.namespace;
    else delete meta.namespace;
    // Only a DELETE sets deletionTimestamp, and nothing clears it.
    if (pm.deletionTimestamp) meta.deletionTimestamp = pm.deletionTimestamp;
    else delete meta.deletionTimestamp;
    delete meta.generateName;
    if (pm.generateName) meta.generateName = pm.generateName;
    if (!sameJson((obj as { spec?: unknown }).spec, (prev as { spec?: unknown }).spec)) meta.generation = (pm.generation ?? 1) + 1;
    obj.metadata = meta;
    // The API server skips no-op writes: no new resourceVersion, no watch event.
    if (sameJson({ ...obj, metadata: { ...meta, resourceVersion: pm.resourceVersion } }, prev)) return prev;
    if (meta.deletionTimestamp && (meta.finalizers ?? []).length === 0) {
      meta.resourceVersion = pm.resourceVersion;
      this.drop(kind, bucket, key, obj);
      return obj;
    }
    meta.resourceVersion = String(++this.rv);
    this.put(kind, bucket, key, obj, prev);
    this.emit({ rv: this.rv, type: 'MODIFIED', kind, obj, prev });
    return obj;
  }

  /**
   * Deletes an object: at once when it has no finalizers (then its controlled dependents
   * follow), otherwise by marking it with `deletionTimestamp`. Returns the object as the API
   * server would (the last stored state, or the marked one).
   */
  delete(kind: KindKey, namespace: string | undefined, name: string, opts: { expectUid?: string; expectResourceVersion?: string } = {}): K8sObject {
    const bucket = this.buckets.get(kind);
    const key = objectKey(namespace, name);
    const prev = bucket?.objects.get(key);
    if (!bucket || !prev) throw new StoreError('NotFound', kind, name);
    if (opts.expectUid !== undefined && opts.expectUid !== prev.metadata!.uid) throw new StoreError('Conflict', kind, name);
    if (opts.expectResourceVersion !== undefined && opts.expectResourceVersion !== prev.metadata!.resourceVersion) {
      throw new StoreError('Conflict', kind, name);
    }
    if ((prev.metadata!.finalizers ?? []).length > 0) {
      if (prev.metadata!.deletionTimestamp) return prev;
      const obj = clone(prev);
      obj.metadata!.deletionTimestamp = this.timestamp();
      obj.metadata!.resourceVersion = String(++this.rv);
      this.put(kind, bucket, key, obj, prev);
      this.emit({ rv: this.rv, type: 'MODIFIED', kind, obj, prev });
      return obj;
    }
    this.drop(kind, bucket, key, prev);
    return prev;
  }

  // ---- Internals ----

  private drop(kind: KindKey, bucket: Bucket, key: string, last: K8sObject): void {
    const prev = bucket.objects.get(key)!;
    this.unindex(kind, bucket, key, prev);
    bucket.objects.delete(key);
    const ns = prev.metadata?.namespace ?? '';
    const inNs = bucket.byNamespace.get(ns);
    inNs?.delete(key);
    if (inNs && inNs.size === 0) bucket.byNamespace.delete(ns);
    bucket.sortedAll = null;
    bucket.sortedByNamespace.delete(ns);
    // A DELETED event carries the final state with a fresh resourceVersion, as the API server's does.
    const gone = { ...last, metadata: { ...last.metadata, resourceVersion: String(++this.rv) } };
    this.emit({ rv: this.rv, type: 'DELETED', kind, obj: gone });
    this.collectDependents(prev.metadata!.uid!);
  }

  private collectDependents(ownerUid: string): void {
    const deps = this.dependents.get(ownerUid);
    if (!deps) return;
    for (const globalKey of [...deps]) {
      const [kind, key] = globalKey.split('\u0000');
      const dep = this.buckets.get(kind)?.objects.get(key);
      if (!dep) continue;
      const controlled = (dep.metadata?.ownerReferences ?? []).some((r) => r.uid === ownerUid && r.controller === true);
      if (controlled) this.delete(kind, dep.metadata?.namespace, dep.metadata!.name!);
    }
    this.dependents.delete(ownerUid);
  }

  private put(kind: KindKey, bucket: Bucket, key: string, obj: K8sObject, prev: K8sObject | undefined): void {
    if (prev) this.unindex(kind, bucket, key, prev);
    else {
      const ns = obj.metadata?.namespace ?? '';
      let inNs = bucket.byNamespace.get(ns);
      if (!inNs) bucket.byNamespace.set(ns, (inNs = new Set()));
      inNs.add(key);
      bucket.sortedAll = null;
      bucket.sortedByNamespace.delete(ns);
    }
    bucket.objects.set(key, obj);
    for (const [k, v] of Object.entries(obj.metadata?.labels ?? {})) {
      const lk = `${k}=${v}`;
      let set = bucket.byLabel.get(lk);
      if (!set) bucket.byLabel.set(lk, (set = new Set()));
      set.add(key);
    }
    for (const ref of obj.metadata?.ownerReferences ?? []) {
      let set = this.dependents.get(ref.uid);
      if (!set) this.dependents.set(ref.uid, (set = new Set()));
      set.add(`${kind}\u0000${key}`);
    }
  }

  private unindex(kind: KindKey, bucket: Bucket, key: string, obj: K8sObject): void {
    for (const [k, v] of Object.entries(obj.metadata?.labels ?? {})) {
      const lk = `${k}=${v}`;
      const set = bucket.byLabel.get(lk);
      set?.delete(key);
      if (set && set.size === 0) bucket.byLabel.delete(lk);
    }
    for (const ref of obj.metadata?.ownerReferences ?? []) {
      const set = this.dependents.get(ref.uid);
      set?.delete(`${kind}\u0000${key}`);
      if (set && set.size === 0) this.dependents.delete(ref.uid);
    }
  }

  private smallestLabelSet(bucket: Bucket, labels: readonly LabelRequirement[]): Set<string> | undefined {
    let best: Set<string> | undefined;
    for (const r of labels) {
      if (r.op !== '=' && !(r.op === 'in' && r.values.length === 1)) continue;
      const set = bucket.byLabel.get(`${r.key}=${r.values[0]}`) ?? new Set<string>();
      if (!best || set.size < best.size) best = set;
    }
    return best;
  }

  private sortedKeys(bucket: Bucket, namespace?: string): readonly string[] {
    if (namespace === undefined) {
      bucket.sortedAll ??= [...bucket.objects.keys()].sort();
      return bucket.sortedAll;
    }
    let sorted = bucket.sortedByNamespace.get(namespace);
    if (!sorted) {
      sorted = [...(bucket.byNamespace.get(namespace) ?? [])].sort();
      bucket.sortedByNamespace.set(namespace, sorted);
    }
    return sorted;
  }

  private bucket(kind: KindKey): Bucket {
    let b = this.buckets.get(kind);
    if (!b) {
      b = { objects: new Map(), byNamespace: new Map(), byLabel: new Map(), sortedAll: null, sortedByNamespace: new Map() };
      this.buckets.set(kind, b);
    }
    return b;
  }

  private traits(kind: KindKey): KindTraits | undefined {
    return this.opts.traitsOf?.(kind) ?? DEFAULT_TRAITS.get(kind);
  }

  /** Cluster-scoped kinds ignore any namespace a caller passes, as the API server does. */
  private namespaceFor(kind: KindKey, namespace: string | undefined): string | undefined {
    if (this.traits(kind)?.namespaced === false) return undefined;
    return namespace || undefined;
  }

  private timestamp(): string {
    // Kubernetes timestamps have second precision.
    return this.now().toISOString().replace(/\.\d{3}Z$/, 'Z');
  }

  private checkControllerWrite(obj: K8sObject): void {
    if (!this.opts.validate) return;
    const problem = this.opts.validate(obj);
    if (problem && this.validationWarnings < MAX_VALIDATION_WARNINGS) {
      this.validationWarnings++;
      const last = this.validationWarnings === MAX_VALIDATION_WARNINGS ? ' (further schema warnings suppressed)' : '';
      (this.opts.log ?? console.warn)(`simulator: controller wrote an object its schema rejects: ${problem}${last}`);
    }
  }

  private emit(change: Change): void {
    this.history.push(change);
    if (this.history.length > this.historySize + Math.ceil(this.historySize / 10)) {
      const cut = this.history.length - this.historySize;
      this.compactedRv = this.history[cut - 1].rv;
      this.history = this.history.slice(cut);
    }
    // Listeners that write from inside a notification get their changes queued, so every
    // listener sees every change in resourceVersion order.
    this.pending.push(change);
    if (this.dispatching) return;
    this.dispatching = true;
    try {
      while (this.pending.length > 0) {
        const next = this.pending.shift()!;
        for (const l of [...this.listeners]) {
          try {
            l(next);
          } catch (err) {
            (this.opts.log ?? console.error)(`simulator: change listener failed: ${(err as Error).stack ?? err}`);
          }
        }
      }
    } finally {
      this.dispatching = false;
    }
  }
}
