/**
 * Watches, independent of transport (WebSocket or chunked HTTP): the initial state or a replay
 * from a resourceVersion, then live changes, filtered by namespace and selectors the way the
 * API server's watch cache filters them (an object that stops matching is sent as DELETED).
 */
import type { K8sObject } from '../../src/k8s/types';
import { expired } from './errors';
import { matchesFields, matchesLabels, type FieldRequirement, type LabelRequirement } from './selectors';
import type { Change, KindKey, Store } from './store';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'ERROR';

export type WatchEvent = { type: WatchEventType; object: unknown };

export type WatchFilter = {
  kind: KindKey;
  namespace?: string;
  labels: readonly LabelRequirement[];
  fields: readonly FieldRequirement[];
  /** The form field selectors see. */
  view?: (obj: K8sObject) => K8sObject;
};

export type WatchSink = {
  send(event: WatchEvent): void;
  /** Ends the stream (the watch stops itself first). */
  end(): void;
};

const matches = (f: WatchFilter, obj: K8sObject | undefined): boolean =>
  obj !== undefined &&
  (f.namespace === undefined || obj.metadata?.namespace === f.namespace) &&
  matchesLabels(obj.metadata?.labels, f.labels) &&
  (f.fields.length === 0 || matchesFields(f.view ? f.view(obj) : obj, f.fields));

/** The event a filtered watcher sees for a change, if any. */
export const eventFor = (f: WatchFilter, c: Change): WatchEventType | undefined => {
  if (c.kind !== f.kind) return undefined;
  const now = matches(f, c.obj);
  if (c.type !== 'MODIFIED') return now ? c.type : undefined;
  const before = matches(f, c.prev);
  if (now) return before ? 'MODIFIED' : 'ADDED';
  return before ? 'DELETED' : undefined;
};

/** `undefined` when the value is not a resourceVersion. */
export const parseResourceVersion = (rv: string | null | undefined): number | 'any' | undefined => {
  if (rv === null || rv === undefined || rv === '' || rv === '0') return 'any';
  return /^[0-9]+$/.test(rv) ? Number(rv) : undefined;
};

/**
 * Starts a watch. `resourceVersion` `any` sends every matching object as ADDED first (as the API
 * server does for an unset or `0` version); a number replays the changes after it, or sends a
 * 410 `Expired` ERROR and ends when those changes are no longer kept.
 * Returns a function that stops the watch without ending the sink.
 */
export const startWatch = (
  store: Store,
  filter: WatchFilter,
  resourceVersion: number | 'any',
  present: (obj: K8sObject) => unknown,
  sink: WatchSink,
): (() => void) => {
  let last = 0;
  const deliver = (c: Change): void => {
    if (c.rv <= last) return;
    last = c.rv;
    const type = eventFor(filter, c);
    if (type) sink.send({ type, object: present(c.obj) });
  };
  if (resourceVersion === 'any') {
    for (const obj of store.query(filter.kind, filter)) sink.send({ type: 'ADDED', object: present(obj) });
    last = store.currentResourceVersion();
  } else {
    const replay = store.changesSince(resourceVersion);
    if (replay === 'expired') {
      sink.send({
        type: 'ERROR',
        object: expired(`too old resource version: ${resourceVersion} (${store.oldestResumableVersion()})`).body,
      });
      sink.end();
      return () => undefined;
    }
    last = resourceVersion;
    replay.forEach(deliver);
  }
  // Subscribing in the same tick as the replay leaves no gap: the store emits synchronously.
  return store.subscribe(deliver);
};
