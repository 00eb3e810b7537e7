import type * as SDK from '@openshift-console/dynamic-plugin-sdk';
import type { K8sModel, K8sResourceCommon, Selector } from '@openshift-console/dynamic-plugin-sdk';
import { k8sFetchJSON } from './fetch';

/** Console-style API URLs: everything goes through the console's proxy at `/api/kubernetes`. */
export const k8sBasePath = () => `${window.SERVER_FLAGS.basePath}api/kubernetes`;

export type ResourcePathOptions = {
  ns?: string;
  name?: string;
  path?: string;
  queryParams?: Record<string, string | undefined>;
};

export const resourcePath = (model: K8sModel, { ns, name, path, queryParams }: ResourcePathOptions): string => {
  const legacy = !model.apiGroup || model.apiGroup === 'core';
  let url = legacy ? `/api/${model.apiVersion}` : `/apis/${model.apiGroup}/${model.apiVersion}`;
  if (ns) url += `/namespaces/${ns}`;
  url += `/${model.plural}`;
  if (name) url += `/${encodeURIComponent(name)}`;
  if (path) url += `/${path}`;
  const query = Object.entries(queryParams ?? {}).filter(([, v]) => v !== undefined);
  if (query.length) url += `?${query.map(([k, v]) => `${k}=${v}`).join('&')}`;
  return url;
};

export const resourceURL = (model: K8sModel, options: ResourcePathOptions) => `${k8sBasePath()}${resourcePath(model, options)}`;

type Requirement = { key: string; operator: string; values?: string[] };

const requirementToString = ({ key, operator, values = [] }: Requirement): string => {
  switch (operator) {
    case 'Equals':
      return `${key}=${values[0]}`;
    case 'NotEquals':
      return `${key}!=${values[0]}`;
    case 'Exists':
      return key;
    case 'DoesNotExist':
      return `!${key}`;
    case 'In':
      return `${key} in (${values.join(',')})`;
    case 'NotIn':
      return `${key} notin (${values.join(',')})`;
    case 'GreaterThan':
      return `${key} > ${values[0]}`;
    case 'LessThan':
      return `${key} < ${values[0]}`;
    default:
      return '';
  }
};

/** `{matchLabels, matchExpressions}`, or a bare label map as older callers pass it. */
export const selectorToString = (selector: Selector | Record<string, string> = {}): string => {
  const s = selector as Selector;
  const bare = !s.matchLabels && !s.matchExpressions;
  const labels = (bare ? selector : s.matchLabels ?? {}) as Record<string, string>;
  const requirements: Requirement[] = [
    ...Object.keys(labels)
      .sort()
      .map((key) => ({ key, operator: 'Equals', values: [labels[key]] })),
    ...((s.matchExpressions ?? []) as Requirement[]),
  ];
  return requirements.map(requirementToString).join(',');
};

type ListResult = K8sResourceCommon & { items: K8sResourceCommon[]; metadata: { resourceVersion?: string; continue?: string } };

/** Lists and stamps each item with `kind`/`apiVersion`, which list items lack. */
export const listResources = async (model: K8sModel, queryParams: Record<string, unknown> = {}, requestInit?: RequestInit): Promise<ListResult> => {
  const { ns, ...params } = queryParams;
  const query = Object.entries(params)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(k === 'labelSelector' ? selectorToString(v as Selector) : String(v))}`)
    .join('&');
  const result = (await k8sFetchJSON(`${resourceURL(model, { ns: ns as string | undefined })}?${query}`, 'GET', requestInit)) as ListResult;
  return { ...result, items: (result.items ?? []).map((item) => ({ kind: model.kind, apiVersion: result.apiVersion, ...item })) };
};

export const k8sGet: typeof SDK.k8sGet = ({ model, name, ns, path, queryParams, requestInit }) =>
  k8sFetchJSON(resourceURL(model, { ns, name, path, queryParams }), 'GET', requestInit) as Promise<never>;

export const k8sCreate: typeof SDK.k8sCreate = ({ model, data, ns, name, path, queryParams }) =>
  k8sFetchJSON.send(resourceURL(model, { ns: ns ?? data?.metadata?.namespace, name, path, queryParams }), 'POST', data) as Promise<never>;

export const k8sUpdate: typeof SDK.k8sUpdate = ({ model, data, ns, name, path, queryParams }) =>
  k8sFetchJSON.send(
    resourceURL(model, { ns: ns || data.metadata?.namespace, name: name || data.metadata?.name, path, queryParams }),
    'PUT',
    data,
  ) as Promise<never>;

/** JSON patch (`application/json-patch+json`); an empty patch sends nothing, as in the console. */
export const k8sPatch: typeof SDK.k8sPatch = async ({ model, resource, data, ns, name, path, queryParams }) => {
  const patches = (data ?? []).filter(Boolean);
  if (patches.length === 0) return resource;
  return k8sFetchJSON.send(
    resourceURL(model, { ns: ns ?? resource.metadata?.namespace, name: name ?? resource.metadata?.name, path, queryParams }),
    'PATCH',
    patches,
  ) as Promise<never>;
};

export const k8sDelete: typeof SDK.k8sDelete = ({ model, resource, requestInit, json, ns, name, path, queryParams }) => {
  const body = json ?? (model.propagationPolicy && { kind: 'DeleteOptions', apiVersion: 'v1', propagationPolicy: model.propagationPolicy });
  const url = resourceURL(model, { ns: ns ?? resource.metadata?.namespace, name: name ?? resource.metadata?.name, path, queryParams });
  return (body ? k8sFetchJSON.send(url, 'DELETE', body, requestInit) : k8sFetchJSON(url, 'DELETE', requestInit)) as Promise<never>;
};

/** Items only, unless `raw` is passed (the console's adapter forwards it although the type omits it). */
export const k8sList: typeof SDK.k8sList = async (options) => {
  const { model, queryParams, requestInit, raw } = options as typeof options & { raw?: boolean };
  const result = await listResources(model, queryParams, requestInit);
  return (raw ? result : result.items) as never;
};

export const k8sListItems: typeof SDK.k8sListItems = async (options) => {
  const result = await k8sList(options);
  return (Array.isArray(result) ? result : result.items) as never;
};

export const getAPIVersionForModel: typeof SDK.getAPIVersionForModel = (model) =>
  model.apiGroup ? `${model.apiGroup}/${model.apiVersion}` : model.apiVersion;

export const getGroupVersionKindForModel: typeof SDK.getGroupVersionKindForModel = ({ apiGroup, apiVersion, kind }) => ({
  ...(apiGroup ? { group: apiGroup } : {}),
  version: apiVersion,
  kind,
});

export const getGroupVersionKindForResource: typeof SDK.getGroupVersionKindForResource = (resource) => {
  const { apiVersion, kind } = resource ?? {};
  if (!apiVersion || !kind) return undefined as never;
  const parts = apiVersion.split('/');
  if (parts.length > 2) throw new Error('Provided resource has invalid apiVersion.');
  return parts.length === 2 ? { group: parts[0], version: parts[1], kind } : { version: apiVersion, kind };
};
