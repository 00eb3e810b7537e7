import type * as SDK from '@openshift-console/dynamic-plugin-sdk';
import type { K8sGroupVersionKind, K8sModel, K8sVerb } from '@openshift-console/dynamic-plugin-sdk';
import { useMemo } from 'react';
import { consoleFetchJSON } from './fetch';
import { k8sBasePath } from './k8s';
import { createStore, useStore } from './store';

/**
 * API discovery, as the console does it at start-up: every group version the API server lists
 * becomes a set of models. A kind that discovery does not list has no model, and the console's
 * watch hooks then answer with `NoModelError` without sending any request.
 */
export type Discovery = { loaded: boolean; models: ReadonlyMap<string, K8sModel> };

export const discoveryStore = createStore<Discovery>({ loaded: false, models: new Map() });

/** `group~version~kind`, with `core` for the core group: the console's model reference. */
export const referenceFor = ({ group, version, kind }: K8sGroupVersionKind): string => [group || 'core', version, kind].join('~');

export const referenceForModel = (model: K8sModel): string =>
  referenceFor({ group: model.apiGroup, version: model.apiVersion, kind: model.kind });

/** A reference or, for the deprecated string form, a bare kind of the core group. */
export const findModel = (models: ReadonlyMap<string, K8sModel>, ref: string | K8sGroupVersionKind | undefined): K8sModel | undefined => {
  if (!ref) return undefined;
  if (typeof ref !== 'string') return models.get(referenceFor(ref));
  return models.get(ref) ?? models.get(`core~v1~${ref}`);
};

type APIResource = { name: string; singularName?: string; namespaced: boolean; kind: string; verbs: K8sVerb[]; shortNames?: string[] };
type APIResourceList = { groupVersion: string; resources: APIResource[] };
type APIGroupList = { groups: { name: string; versions: { groupVersion: string }[] }[] };

const abbreviate = (kind: string) => (kind.replace(/[^A-Z]/g, '') || kind.toUpperCase()).slice(0, 4);

const modelsOf = ({ groupVersion, resources }: APIResourceList): K8sModel[] => {
  const [group, version] = groupVersion.includes('/') ? groupVersion.split('/') : ['', groupVersion];
  return resources
    .filter((r) => !r.name.includes('/'))
    .map((r) => ({
      kind: r.kind,
      ...(group ? { apiGroup: group } : {}),
      apiVersion: version,
      plural: r.name,
      namespaced: r.namespaced,
      verbs: r.verbs,
      shortNames: r.shortNames,
      abbr: abbreviate(r.kind),
      label: r.kind,
      labelPlural: `${r.kind}s`,
      id: r.singularName || r.name,
      crd: Boolean(group),
    }));
};

const discover = async (): Promise<Map<string, K8sModel>> => {
  const base = k8sBasePath();
  const [core, groups] = (await Promise.all([consoleFetchJSON(`${base}/api/v1`), consoleFetchJSON(`${base}/apis`)])) as [APIResourceList, APIGroupList];
  const groupVersions = groups.groups.flatMap((g) => g.versions.map((v) => v.groupVersion));
  // An aggregated API that is down must not hide every other group, as in the console.
  const lists = await Promise.all(
    groupVersions.map((gv) => (consoleFetchJSON(`${base}/apis/${gv}`) as Promise<APIResourceList>).catch(() => undefined)),
  );
  const models = new Map<string, K8sModel>();
  for (const list of [core, ...lists]) {
    for (const model of list ? modelsOf(list) : []) models.set(referenceForModel(model), model);
  }
  return models;
};

const REDISCOVER_MS = 5 * 60 * 1000;
const RETRY_MS = 5000;

let started = false;

/** Runs discovery now and again every few minutes, so CRDs installed later show up. */
export const startDiscovery = () => {
  if (started) return;
  started = true;
  const run = async () => {
    try {
      const models = await discover();
      discoveryStore.set({ loaded: true, models });
      setTimeout(run, REDISCOVER_MS);
    } catch (e) {
      console.warn('API discovery failed; retrying', e);
      setTimeout(run, RETRY_MS);
    }
  };
  void run();
};

/** `[model, inFlight]`; the harness reports in-flight until the first discovery has finished. */
export const useK8sModel: typeof SDK.useK8sModel = (groupVersionKind) => {
  const model = useStore(discoveryStore, (d) => findModel(d.models, groupVersionKind));
  const loaded = useStore(discoveryStore, (d) => d.loaded);
  return [model as K8sModel, !loaded];
};

export const useK8sModels: typeof SDK.useK8sModels = () => {
  const { models, loaded } = useStore(discoveryStore, (d) => d);
  return [useMemo(() => Object.fromEntries(models), [models]), !loaded];
};
