/**
 * Jest stand-in for `@openshift-console/dynamic-plugin-sdk`, whose runtime exists only inside
 * the console. Tests seed watched objects with `sdkMock.setResources` and read what the UI
 * sent through the `k8s*` jest functions.
 */
import type { ReactNode } from 'react';
import type { K8sGroupVersionKind, K8sModel, WatchK8sResource } from '@openshift-console/dynamic-plugin-sdk';

type Obj = { metadata?: { name?: string; namespace?: string; labels?: Record<string, string> } };
type WatchState = { data: Obj[]; loaded: boolean; error?: unknown };

const keyOf = (gvk?: K8sGroupVersionKind): string => (gvk ? `${gvk.group ?? ''}~${gvk.version}~${gvk.kind}` : '');

const state = {
  watches: new Map<string, WatchState>(),
  access: (_attrs: { verb?: string; resource?: string; group?: string; namespace?: string }) => true,
  flags: new Map<string, boolean>(),
};

const matchesSelector = (obj: Obj, selector?: WatchK8sResource['selector']): boolean => {
  const labels = obj.metadata?.labels ?? {};
  return Object.entries(selector?.matchLabels ?? {}).every(([k, v]) => labels[k] === v);
};

const watchResult = (res: WatchK8sResource | null | undefined): [unknown, boolean, unknown] => {
  if (!res) return [undefined, true, undefined];
  const w = state.watches.get(keyOf(res.groupVersionKind)) ?? { data: [], loaded: true };
  if (w.error) return [res.isList ? [] : undefined, false, w.error];
  const items = w.data.filter(
    (o) =>
      (!res.namespace || o.metadata?.namespace === res.namespace) &&
      (!res.name || o.metadata?.name === res.name) &&
      matchesSelector(o, res.selector),
  );
  return [res.isList ? items : items[0], w.loaded, undefined];
};

/** The user the API server names in a SelfSubjectReview. */
export const TEST_USER = 'test-admin';

/** Echoes created objects back, and answers "who am I" like the API server. */
const createAnswer = async ({ model, data }: { model?: { kind?: string }; data: unknown }) =>
  model?.kind === 'SelfSubjectReview' ? { ...(data as object), status: { userInfo: { username: TEST_USER } } } : data;

export const sdkMock = {
  /** Objects a watch of this kind returns (all namespaces; the hook filters). */
  setResources(gvk: K8sGroupVersionKind, data: Obj[], extra: Partial<WatchState> = {}) {
    state.watches.set(keyOf(gvk), { data, loaded: true, ...extra });
  },
  setWatchError(gvk: K8sGroupVersionKind, error: unknown) {
    state.watches.set(keyOf(gvk), { data: [], loaded: false, error });
  },
  setAccess(fn: typeof state.access) {
    state.access = fn;
  },
  setFlag(flag: string, value: boolean) {
    state.flags.set(flag, value);
  },
  reset() {
    state.watches.clear();
    state.access = () => true;
    state.flags.clear();
    [k8sCreate, k8sPatch, k8sUpdate, k8sDelete, k8sGet, consoleFetchJSON].forEach((fn) => fn.mockReset());
    k8sCreate.mockImplementation(createAnswer);
    k8sUpdate.mockImplementation(async ({ data }: { data: unknown }) => data);
    k8sPatch.mockImplementation(async ({ resource }: { resource: unknown }) => resource);
    k8sDelete.mockImplementation(async () => ({}));
  },
};

export const useK8sWatchResource = (res: WatchK8sResource | null) => watchResult(res);
export const useK8sWatchResources = (resources: Record<string, WatchK8sResource>) =>
  Object.fromEntries(
    Object.entries(resources).map(([k, r]) => {
      const [data, loaded, loadError] = watchResult(r);
      return [k, { data, loaded, loadError }];
    }),
  );

export const k8sCreate = jest.fn(createAnswer);
export const k8sUpdate = jest.fn(async ({ data }: { data: unknown }) => data);
export const k8sPatch = jest.fn(async ({ resource }: { resource: unknown }) => resource);
export const k8sDelete = jest.fn(async () => ({}));
export const k8sGet = jest.fn();
export const consoleFetchJSON = jest.fn();

export const useAccessReview = (attrs: { verb?: string; resource?: string; group?: string; namespace?: string }) => [
  state.access(attrs),
  false,
];
export const useFlag = (flag: string) => state.flags.get(flag) ?? true;
export const getGroupVersionKindForModel = (m: K8sModel): K8sGroupVersionKind => ({
  group: m.apiGroup,
  version: m.apiVersion,
  kind: m.kind,
});

export const ResourceLink = ({ name, children }: { name?: string; children?: ReactNode }) => (
  <a data-testid="resource-link">
    {name}
    {children}
  </a>
);
export const Timestamp = ({ timestamp }: { timestamp?: string | number }) => <span>{String(timestamp ?? '')}</span>;
export const ListPageHeader = ({ title, children }: { title: string; children?: ReactNode }) => (
  <div>
    <h1>{title}</h1>
    {children}
  </div>
);
export const DocumentTitle = () => null;
