import type * as SDK from '@openshift-console/dynamic-plugin-sdk';
import type { K8sModel, WatchK8sResource } from '@openshift-console/dynamic-plugin-sdk';
import { useEffect, useMemo, useReducer, useRef } from 'react';
import { discoveryStore, findModel, referenceForModel } from './discovery';
import { useStore } from './store';
import { retainWatch, snapshotOf, type WatchQuery, type WatchSnapshot } from './watch';

/** What the console answers for a kind that API discovery does not list. */
export class NoModelError extends Error {
  constructor() {
    super('Model does not exist');
    this.name = 'NoModelError';
  }
}

type Target =
  | { state: 'watch'; key: string; model: K8sModel; query: WatchQuery; isList: boolean }
  | { state: 'no-model'; isList: boolean; error: NoModelError }
  | { state: 'discovering'; isList: boolean };

const isEmpty = (value: unknown) => value == null || value === '' || (typeof value === 'object' && Object.keys(value as object).length === 0);

/** The console's watch query: empty fields are left out so equal watches share one key. */
const queryOf = ({ namespace, selector, fieldSelector, name, limit }: WatchK8sResource): WatchQuery => ({
  ...(isEmpty(selector) ? {} : { labelSelector: selector }),
  ...(isEmpty(namespace) ? {} : { ns: namespace }),
  ...(isEmpty(name) ? {} : { name }),
  ...(fieldSelector ? { fieldSelector } : {}),
  ...(limit ? { limit } : {}),
});

const targetOf = (resource: WatchK8sResource, models: ReadonlyMap<string, K8sModel>, loaded: boolean): Target => {
  const isList = Boolean(resource.isList);
  if (!loaded) return { state: 'discovering', isList };
  const model = findModel(models, resource.groupVersionKind ?? resource.kind);
  if (!model) return { state: 'no-model', isList, error: new NoModelError() };
  const query = queryOf(resource);
  const key = `${referenceForModel(model)}---${isList ? 'list' : 'object'}---${JSON.stringify(query)}`;
  return { state: 'watch', key, model, query, isList };
};

/** Resource descriptions are usually fresh literals on every render: compare them by content. */
const useByContent = <T,>(value: T): T => {
  const ref = useRef<{ json: string; value: T }>();
  const json = JSON.stringify(value ?? null);
  if (!ref.current || ref.current.json !== json) ref.current = { json, value };
  return ref.current.value;
};

const placeholders = new WeakMap<Target, WatchSnapshot>();

/** Until a watch has data, the same placeholder per target, so results stay referentially stable. */
const placeholderOf = (target: Target): WatchSnapshot => {
  let placeholder = placeholders.get(target);
  if (!placeholder) {
    const data = target.isList ? [] : {};
    placeholder =
      target.state === 'no-model' ? { data, loaded: true, loadError: target.error } : { data, loaded: false, loadError: undefined };
    placeholders.set(target, placeholder);
  }
  return placeholder;
};

const resultOf = (target: Target): WatchSnapshot => (target.state === 'watch' && snapshotOf(target.key)) || placeholderOf(target);

const useWatchTargets = (resources: Record<string, WatchK8sResource>): Record<string, WatchSnapshot> => {
  const { models, loaded } = useStore(discoveryStore, (d) => d);
  const computed = Object.fromEntries(Object.entries(resources).map(([k, r]) => [k, targetOf(r, models, loaded)]));
  // Re-discovery yields new model objects: keep the targets (and the watches) while nothing changed.
  const targets = useByContent(computed);
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    const releases = Object.values(targets).flatMap((t) => (t.state === 'watch' ? [retainWatch(t.key, t.model, t.query, t.isList, rerender)] : []));
    return () => releases.forEach((release) => release());
  }, [targets]);

  const results = Object.fromEntries(Object.entries(targets).map(([k, t]) => [k, resultOf(t)]));
  const previous = useRef<Record<string, WatchSnapshot>>();
  const unchanged =
    previous.current &&
    Object.keys(results).length === Object.keys(previous.current).length &&
    Object.entries(results).every(([k, r]) => previous.current?.[k] === r);
  if (!unchanged) previous.current = results;
  return previous.current as Record<string, WatchSnapshot>;
};

export const useK8sWatchResources: typeof SDK.useK8sWatchResources = (initResources) => {
  const resources = useByContent(initResources as Record<string, WatchK8sResource>);
  return useWatchTargets(resources) as never;
};

export const useK8sWatchResource: typeof SDK.useK8sWatchResource = (initResource) => {
  const resource = useByContent(initResource);
  const results = useWatchTargets(useMemo((): Record<string, WatchK8sResource> => (resource ? { resource } : {}), [resource]));
  const snapshot = results.resource;
  return useMemo(
    () => (snapshot ? [snapshot.data, snapshot.loaded, snapshot.loadError] : [undefined, true, undefined]) as never,
    [snapshot],
  );
};
