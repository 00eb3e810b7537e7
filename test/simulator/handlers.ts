/**
 * The REST verbs on resources (everything but watch): read, create, update, patch and delete,
 * with the API server's checks in its order: authorization, request shape, existence, schema,
 * optimistic concurrency.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { K8sObject } from '../../src/k8s/types';
import { convertTo } from './convert';
import type { KindRegistry, Resource } from './discovery';
import {
  alreadyExists,
  ApiError,
  badRequest,
  conflict,
  expired,
  forbidden,
  invalid,
  methodNotAllowed,
  notFound,
  notFoundPath,
  patchNotApplicable,
  unsupportedMediaType,
} from './errors';
import { jsonPatch, mergePatch, PatchError } from './patch';
import { Rbac, type Attributes, type User } from './rbac';
import type { ApiPath } from './routes';
import { parseFieldSelector, parseLabelSelector, SelectorError } from './selectors';
import { StoreError, type Store } from './store';

export type ResourceRoute = Extract<ApiPath, { type: 'resource' }>;

export type ApiContext = { store: Store; registry: KindRegistry; rbac: Rbac };

export type ApiRequest = {
  method: string;
  route: ResourceRoute;
  query: URLSearchParams;
  user: User;
  contentType: string;
  /** Raw body text; parsed by the verbs that take one. */
  body: string;
};

export type ApiResponse = { code: number; body: unknown };

/** Resolves the route's resource, rejecting paths an API server would not serve (404). */
export const resolveResource = (registry: KindRegistry, route: ResourceRoute): Resource => {
  const r = registry.resource(route.group, route.version, route.plural);
  if (!r) throw notFoundPath();
  if (route.namespace !== undefined && !r.namespaced) throw notFoundPath();
  if (route.subresource !== undefined && (route.subresource !== 'status' || !r.statusSubresource)) throw notFoundPath();
  return r;
};

export const apiVersionOf = (r: Resource): string => (r.group ? `${r.group}/${r.version}` : r.version);

/** The object as served in the request's group and version. */
export const present = (r: Resource, obj: K8sObject): K8sObject => convertTo(apiVersionOf(r), obj);

export const authorize = (rbac: Rbac, user: User, r: Resource, a: Omit<Attributes, 'group' | 'resource'>): void => {
  const attrs: Attributes = { ...a, group: r.group, resource: r.plural };
  if (!rbac.authorize(user, attrs).allowed) throw forbidden(r, a.name, Rbac.denial(user, attrs));
};

export const parseSelectors = (query: URLSearchParams) => {
  try {
    return { labels: parseLabelSelector(query.get('labelSelector')), fields: parseFieldSelector(query.get('fieldSelector')) };
  } catch (err) {
    if (err instanceof SelectorError) throw badRequest(err.message);
    throw err;
  }
};

const storeError = (r: Resource, err: unknown): unknown => {
  if (!(err instanceof StoreError)) return err;
  switch (err.reason) {
    case 'NotFound':
      return notFound(r, err.name);
    case 'AlreadyExists':
      return alreadyExists(r, err.name);
    case 'Conflict':
      return conflict(r, err.name);
    default:
      return badRequest(err.message);
  }
};

const parseJson = (body: string): unknown => {
  try {
    return JSON.parse(body);
  } catch (err) {
    throw badRequest(`the object provided is unrecognized (must be of type JSON): ${(err as Error).message}`);
  }
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A write's body as an object of the route's kind in the route's namespace. */
const objectFromBody = (r: Resource, route: ResourceRoute, body: string): K8sObject & Record<string, unknown> => {
  const obj = parseJson(body);
  if (!isObject(obj)) throw badRequest('the body of the request must be a JSON object');
  const apiVersion = apiVersionOf(r);
  if (obj.kind !== undefined && obj.kind !== r.kind) {
    throw badRequest(`the API version in the data (${String(obj.apiVersion)}) does not match the expected API version (${apiVersion})`);
  }
  if (obj.apiVersion !== undefined && obj.apiVersion !== apiVersion) {
    throw badRequest(`the API version in the data (${String(obj.apiVersion)}) does not match the expected API version (${apiVersion})`);
  }
  const metadata = isObject(obj.metadata) ? { ...obj.metadata } : {};
  if (r.namespaced) {
    if (metadata.namespace !== undefined && metadata.namespace !== '' && metadata.namespace !== route.namespace) {
      throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
    }
    metadata.namespace = route.namespace;
  } else {
    delete metadata.namespace;
  }
  return { ...obj, apiVersion, kind: r.kind, metadata } as K8sObject & Record<string, unknown>;
};

const validate = (registry: KindRegistry, r: Resource, obj: K8sObject): void => {
  const errors = registry.validate(obj);
  if (errors.length > 0) throw invalid(r, obj.metadata?.name ?? '', errors);
};

const isDryRun = (query: URLSearchParams): boolean => query.getAll('dryRun').includes('All');

const GENERATE_NAME_CHARS = 'bcdfghjklmnpqrstvwxz2456789';
const generatedName = (prefix: string): string =>
  prefix + [...randomBytes(5)].map((b) => GENERATE_NAME_CHARS[b % GENERATE_NAME_CHARS.length]).join('');

// ---- list ----

type ContinueToken = { v: string; rv: number; start: string };

const encodeContinue = (rv: number, lastKey: string): string =>
  Buffer.from(JSON.stringify({ v: 'meta.k8s.io/v1', rv, start: `${lastKey}\u0000` } satisfies ContinueToken)).toString('base64url');

const decodeContinue = (token: string): ContinueToken => {
  try {
    const t = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as ContinueToken;
    if (t.v !== 'meta.k8s.io/v1' || typeof t.rv !== 'number' || typeof t.start !== 'string') throw new Error('unknown token');
    return t;
  } catch {
    throw badRequest('continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)');
  }
};

const list = (ctx: ApiContext, req: ApiRequest, r: Resource): ApiResponse => {
  const { route, query } = req;
  authorize(ctx.rbac, req.user, r, { verb: 'list', namespace: route.namespace });
  const { labels, fields } = parseSelectors(query);
  const entries = ctx.store.queryEntries(r.key, { namespace: route.namespace, labels, fields, view: (o) => present(r, o) });
  let listRv = ctx.store.currentResourceVersion();
  let start = 0;
  const token = query.get('continue');
  if (token) {
    const t = decodeContinue(token);
    if (t.rv < ctx.store.oldestResumableVersion()) {
      throw expired(
        'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.',
      );
    }
    listRv = t.rv;
    let lo = 0;
    let hi = entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (entries[mid][0] < t.start) lo = mid + 1;
      else hi = mid;
    }
    start = lo;
  }
  const limit = Number(query.get('limit') ?? '0');
  const end = Number.isInteger(limit) && limit > 0 ? Math.min(entries.length, start + limit) : entries.length;
  const metadata: Record<string, unknown> = { resourceVersion: String(listRv) };
  if (end < entries.length) {
    metadata.continue = encodeContinue(listRv, entries[end - 1][0]);
    metadata.remainingItemCount = entries.length - end;
  }
  // Lists of built-in kinds carry no per-item apiVersion/kind in JSON; custom resource lists do.
  const item = r.custom
    ? (o: K8sObject) => present(r, o)
    : (o: K8sObject) => {
        const { apiVersion: _a, kind: _k, ...rest } = present(r, o);
        return rest;
      };
  const items = new Array(end - start);
  for (let i = start; i < end; i++) items[i - start] = item(entries[i][1]);
  return { code: 200, body: { apiVersion: apiVersionOf(r), kind: `${r.kind}List`, metadata, items } };
};

// ---- get ----

const get = (ctx: ApiContext, req: ApiRequest, r: Resource, name: string): ApiResponse => {
  const { route } = req;
  authorize(ctx.rbac, req.user, r, { verb: 'get', namespace: route.namespace, name, subresource: route.subresource });
  const obj = ctx.store.getRaw(r.key, route.namespace, name);
  if (!obj) throw notFound(r, name);
  return { code: 200, body: present(r, obj) };
};

// ---- create ----

const selfSubjectAccessReview = (ctx: ApiContext, req: ApiRequest, r: Resource): ApiResponse => {
  const review = objectFromBody(r, req.route, req.body) as K8sObject & {
    spec?: { resourceAttributes?: Record<string, string | undefined>; nonResourceAttributes?: { path?: string; verb?: string } };
  };
  const ra = review.spec?.resourceAttributes;
  const nra = review.spec?.nonResourceAttributes;
  if (!ra && !nra) {
    throw invalid(r, '', [{ field: 'spec.resourceAttributes', message: 'Invalid value: "null": exactly one of nonResourceAttributes or resourceAttributes must be specified' }]);
  }
  const decision = ra
    ? ctx.rbac.authorize(req.user, {
        verb: ra.verb ?? '',
        group: ra.group ?? '',
        resource: ra.resource ?? '',
        subresource: ra.subresource || undefined,
        namespace: ra.namespace || undefined,
        name: ra.name || undefined,
      })
    : ctx.rbac.authorize(req.user, { verb: nra?.verb ?? '', group: '', resource: nra?.path ?? '' });
  return {
    code: 201,
    body: {
      apiVersion: apiVersionOf(r),
      kind: r.kind,
      metadata: { creationTimestamp: null },
      spec: review.spec,
      status: { allowed: decision.allowed, ...(decision.reason ? { reason: decision.reason } : {}) },
    },
  };
};

/** Who the caller is (`oc whoami` asks the same). Nothing is stored. */
const selfSubjectReview = (req: ApiRequest, r: Resource): ApiResponse => ({
  code: 201,
  body: {
    apiVersion: apiVersionOf(r),
    kind: r.kind,
    metadata: { creationTimestamp: null },
    status: { userInfo: { username: req.user.name, groups: req.user.groups } },
  },
});

const create = (ctx: ApiContext, req: ApiRequest, r: Resource): ApiResponse => {
  const { route } = req;
  if (r.namespaced && route.namespace === undefined) throw methodNotAllowed();
  authorize(ctx.rbac, req.user, r, { verb: 'create', namespace: route.namespace });
  if (r.kind === 'SelfSubjectAccessReview' && r.group === 'authorization.k8s.io') return selfSubjectAccessReview(ctx, req, r);
  if (r.kind === 'SelfSubjectReview' && r.group === 'authentication.k8s.io') return selfSubjectReview(req, r);
  const obj = objectFromBody(r, route, req.body);
  const meta = obj.metadata!;
  if (meta.resourceVersion) throw badRequest('resourceVersion should not be set on objects to be created');
  if (!meta.name && meta.generateName) {
    do meta.name = generatedName(meta.generateName);
    while (ctx.store.getRaw(r.key, meta.namespace, meta.name));
  }
  // With a status subresource, status is written only through it.
  if (r.statusSubresource) delete obj.status;
  validate(ctx.registry, r, obj);
  if (isDryRun(req.query)) {
    if (ctx.store.getRaw(r.key, meta.namespace, meta.name ?? '')) throw alreadyExists(r, meta.name ?? '');
    const now = ctx.store.now().toISOString().replace(/\.\d{3}Z$/, 'Z');
    return { code: 201, body: { ...obj, metadata: { ...meta, uid: randomUUID(), generation: 1, creationTimestamp: now } } };
  }
  try {
    return { code: 201, body: present(r, ctx.store.insert(obj)) };
  } catch (err) {
    throw storeError(r, err);
  }
};

// ---- update / patch ----

type StatusCarrier = K8sObject & { status?: unknown };

/** Builds the object to store from the requested one, keeping what the target endpoint may not change. */
const mergeForEndpoint = (r: Resource, route: ResourceRoute, stored: StatusCarrier, requested: StatusCarrier): StatusCarrier => {
  if (route.subresource === 'status') {
    // The status endpoint changes status only.
    const out: StatusCarrier = { ...stored, status: requested.status };
    if (requested.status === undefined) delete out.status;
    return out;
  }
  if (!r.statusSubresource) return requested;
  const out: StatusCarrier = { ...requested, status: stored.status };
  if (stored.status === undefined) delete out.status;
  return out;
};

const write = (ctx: ApiContext, req: ApiRequest, r: Resource, obj: StatusCarrier, expectRv: string | undefined): ApiResponse => {
  validate(ctx.registry, r, obj);
  if (isDryRun(req.query)) {
    const stored = ctx.store.getRaw(r.key, req.route.namespace, obj.metadata?.name ?? '');
    if (expectRv !== undefined && stored?.metadata?.resourceVersion !== expectRv) throw conflict(r, obj.metadata?.name ?? '');
    return { code: 200, body: present(r, obj) };
  }
  try {
    return { code: 200, body: present(r, ctx.store.replace(obj, { expectResourceVersion: expectRv })) };
  } catch (err) {
    throw storeError(r, err);
  }
};

const update = (ctx: ApiContext, req: ApiRequest, r: Resource, name: string): ApiResponse => {
  const { route } = req;
  authorize(ctx.rbac, req.user, r, { verb: 'update', namespace: route.namespace, name, subresource: route.subresource });
  const requested = objectFromBody(r, route, req.body);
  if (requested.metadata!.name !== name) {
    throw badRequest(`the name of the object (${String(requested.metadata!.name ?? '')}) does not match the name on the URL (${name})`);
  }
  const stored = ctx.store.getRaw(r.key, route.namespace, name);
  if (!stored) throw notFound(r, name);
  const rv = requested.metadata!.resourceVersion;
  // Custom resources allow no unconditional update; built-in kinds do.
  if (!rv && r.custom) {
    throw invalid(r, name, [{ field: 'metadata.resourceVersion', message: 'Invalid value: 0x0: must be specified for an update' }]);
  }
  return write(ctx, req, r, mergeForEndpoint(r, route, stored, requested), rv || undefined);
};

const MERGE_PATCH = 'application/merge-patch+json';
const JSON_PATCH = 'application/json-patch+json';
const STRATEGIC_MERGE_PATCH = 'application/strategic-merge-patch+json';
const APPLY_PATCH = 'application/apply-patch+yaml';

const patch = (ctx: ApiContext, req: ApiRequest, r: Resource, name: string): ApiResponse => {
  const { route } = req;
  authorize(ctx.rbac, req.user, r, { verb: 'patch', namespace: route.namespace, name, subresource: route.subresource });
  const type = req.contentType.split(';')[0].trim().toLowerCase();
  // Strategic merge is for built-in kinds only; here it merges like a merge patch (no list keys).
  const accepted = r.custom ? [JSON_PATCH, MERGE_PATCH, APPLY_PATCH] : [JSON_PATCH, MERGE_PATCH, STRATEGIC_MERGE_PATCH, APPLY_PATCH];
  if (!accepted.includes(type) || type === APPLY_PATCH) throw unsupportedMediaType(accepted);
  const stored = ctx.store.getRaw(r.key, route.namespace, name);
  if (!stored) throw notFound(r, name);
  const doc = parseJson(req.body);
  let patched: unknown;
  try {
    patched = type === JSON_PATCH ? jsonPatch(stored, doc) : isObject(doc) ? mergePatch(stored, doc) : undefined;
  } catch (err) {
    if (err instanceof PatchError) throw err.kind === 'malformed' ? badRequest(err.message) : patchNotApplicable(err.message);
    throw err;
  }
  if (!isObject(patched)) throw badRequest('the patch must produce a JSON object');
  const obj = patched as StatusCarrier & Record<string, unknown>;
  obj.apiVersion = stored.apiVersion;
  obj.kind = stored.kind;
  const meta = { ...(isObject(obj.metadata) ? obj.metadata : {}) } as NonNullable<K8sObject['metadata']>;
  if (meta.name !== name) throw badRequest(`metadata.name: Invalid value: "${String(meta.name)}": field is immutable`);
  meta.namespace = stored.metadata?.namespace;
  if (meta.namespace === undefined) delete meta.namespace;
  obj.metadata = meta;
  // A patch that carries a resourceVersion is a precondition, as on the API server.
  if (meta.resourceVersion !== undefined && meta.resourceVersion !== stored.metadata?.resourceVersion) throw conflict(r, name);
  meta.resourceVersion = stored.metadata?.resourceVersion;
  const forEndpoint = mergeForEndpoint(r, route, stored, { ...obj, apiVersion: apiVersionOf(r) });
  return write(ctx, req, r, { ...forEndpoint, apiVersion: apiVersionOf(r) }, stored.metadata?.resourceVersion);
};

// ---- delete ----

const deleteOne = (ctx: ApiContext, req: ApiRequest, r: Resource, name: string): ApiResponse => {
  const { route } = req;
  authorize(ctx.rbac, req.user, r, { verb: 'delete', namespace: route.namespace, name });
  const stored = ctx.store.getRaw(r.key, route.namespace, name);
  if (!stored) throw notFound(r, name);
  const options = req.body.trim() ? parseJson(req.body) : {};
  const pre = isObject(options) && isObject(options.preconditions) ? options.preconditions : {};
  if (isDryRun(req.query)) return { code: 200, body: present(r, stored) };
  try {
    const result = ctx.store.delete(r.key, route.namespace, name, {
      expectUid: typeof pre.uid === 'string' ? pre.uid : undefined,
      expectResourceVersion: typeof pre.resourceVersion === 'string' ? pre.resourceVersion : undefined,
    });
    // 202 when finalizers keep the object around for now.
    const pending = ctx.store.getRaw(r.key, route.namespace, name) !== undefined;
    return { code: pending ? 202 : 200, body: present(r, result) };
  } catch (err) {
    throw storeError(r, err);
  }
};

const deleteCollection = (ctx: ApiContext, req: ApiRequest, r: Resource): ApiResponse => {
  const { route } = req;
  authorize(ctx.rbac, req.user, r, { verb: 'deletecollection', namespace: route.namespace });
  const { labels, fields } = parseSelectors(req.query);
  const victims = ctx.store.query(r.key, { namespace: route.namespace, labels, fields, view: (o) => present(r, o) });
  const items = isDryRun(req.query) ? victims : victims.map((o) => ctx.store.delete(r.key, o.metadata?.namespace, o.metadata!.name!));
  return {
    code: 200,
    body: { apiVersion: apiVersionOf(r), kind: `${r.kind}List`, metadata: { resourceVersion: String(ctx.store.currentResourceVersion()) }, items: items.map((o) => present(r, o)) },
  };
};

/** Every resource request but watches. */
export const handleResource = (ctx: ApiContext, req: ApiRequest): ApiResponse => {
  const r = resolveResource(ctx.registry, req.route);
  const { name } = req.route;
  // A namespaced object is addressed only through its namespace.
  if (name && r.namespaced && req.route.namespace === undefined) throw notFoundPath();
  const verbAllowed = (verb: string) => {
    if (!r.verbs.includes(verb)) throw methodNotAllowed();
  };
  switch (req.method) {
    case 'GET':
      verbAllowed(name ? 'get' : 'list');
      return name ? get(ctx, req, r, name) : list(ctx, req, r);
    case 'POST':
      verbAllowed('create');
      if (name) throw methodNotAllowed();
      return create(ctx, req, r);
    case 'PUT':
      verbAllowed('update');
      if (!name) throw methodNotAllowed();
      return update(ctx, req, r, name);
    case 'PATCH':
      verbAllowed('patch');
      if (!name) throw methodNotAllowed();
      return patch(ctx, req, r, name);
    case 'DELETE':
      if (!name) {
        verbAllowed('deletecollection');
        return deleteCollection(ctx, req, r);
      }
      verbAllowed('delete');
      return deleteOne(ctx, req, r, name);
    default:
      throw methodNotAllowed();
  }
};

export const asApiError = (err: unknown): ApiError | undefined => (err instanceof ApiError ? err : undefined);
