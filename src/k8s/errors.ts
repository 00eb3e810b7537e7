import type { K8sModel } from '@openshift-console/dynamic-plugin-sdk';
import { msg, type Message } from './message';
import type { K8sStatus } from './types';

/** What the request was trying to do, so a 403 can name the verb and the resource. */
export type ApiErrorContext = {
  verb?: 'get' | 'list' | 'watch' | 'create' | 'update' | 'patch' | 'delete';
  model?: Pick<K8sModel, 'kind' | 'plural' | 'apiGroup'>;
  name?: string;
  namespace?: string;
};

export type ApiErrorKind =
  | 'unauthorized'
  | 'forbidden'
  | 'notInstalled'
  | 'notFound'
  | 'alreadyExists'
  | 'conflict'
  | 'invalid'
  | 'server'
  | 'network'
  | 'unknown';

export type DescribedApiError = {
  kind: ApiErrorKind;
  status?: number;
  title: Message;
  detail?: Message;
  /** Field-level reasons from a 422, e.g. `spec.veleroSchedule: Required value`. */
  causes: { field?: string; message: string }[];
};

/** The shapes an error takes when it reaches a page: the console's fetch errors, a Status, or a TypeError. */
type ErrorLike = {
  message?: string;
  name?: string;
  code?: number;
  status?: number;
  response?: { status?: number };
  json?: K8sStatus;
};

const statusOf = (e: ErrorLike): number | undefined => e.response?.status ?? e.json?.code ?? e.code ?? e.status;

const resourceLabel = (ctx: ApiErrorContext): string => {
  if (!ctx.model) return '';
  return ctx.model.apiGroup ? `${ctx.model.plural}.${ctx.model.apiGroup}` : ctx.model.plural;
};

const VERB_DEFAULT = 'access';

const notInstalled = (resource: string, causes: DescribedApiError['causes']): DescribedApiError => ({
  kind: 'notInstalled',
  title: msg('{{resource}} is not installed on this cluster.', { resource: resource || 'This API' }),
  detail: msg('The API server does not serve this resource, so the operator that provides it is not installed or not enabled.'),
  causes,
});

/**
 * Turns any API error into a human explanation. Pure: the UI translates the returned messages.
 * A 404 without an object name in the Status means the API server does not serve the resource
 * at all, which for a custom resource means its operator is not installed.
 */
export const describeApiError = (error: unknown, ctx: ApiErrorContext = {}): DescribedApiError => {
  const e: ErrorLike = (typeof error === 'object' && error !== null ? error : { message: String(error) }) as ErrorLike;
  const status = statusOf(e);
  const body = e.json;
  const serverMessage = body?.message || e.message || '';
  const kind = ctx.model?.kind ?? '';
  const name = ctx.name ?? body?.details?.name ?? '';
  const resource = resourceLabel(ctx);
  const causes = (body?.details?.causes ?? []).map((c) => ({ field: c.field, message: c.message ?? c.reason ?? '' }));

  // The console answers a watch of a kind that discovery does not list with a NoModelError
  // instead of sending a request: the same meaning as a 404 on the kind.
  if (status === undefined && (e.name === 'NoModelError' || serverMessage === 'Model does not exist')) {
    return notInstalled(resource || kind, causes);
  }
  if (status === undefined) {
    const looksLikeNetwork = e.name === 'TypeError' || /fetch|network|ECONNREFUSED|Failed to fetch/i.test(serverMessage);
    return looksLikeNetwork
      ? {
          kind: 'network',
          title: msg('The console could not reach the cluster API.'),
          detail: msg('Check your network connection and that the API server is up. The page keeps retrying.'),
          causes,
        }
      : { kind: 'unknown', title: msg('Something went wrong: {{message}}', { message: serverMessage || 'unknown error' }), causes };
  }
  if (status === 401) {
    return {
      kind: 'unauthorized',
      status,
      title: msg('Your session has expired.'),
      detail: msg('Log in to the console again, then retry.'),
      causes,
    };
  }
  if (status === 403) {
    const verb = ctx.verb ?? VERB_DEFAULT;
    return {
      kind: 'forbidden',
      status,
      title: ctx.namespace
        ? msg('You do not have permission to {{verb}} {{resource}} in namespace {{namespaceName}}.', { verb, resource: resource || kind, namespaceName: ctx.namespace })
        : msg('You do not have permission to {{verb}} {{resource}}.', { verb, resource: resource || kind }),
      detail: msg('Ask a cluster administrator for access. The API server said: {{message}}', { message: serverMessage }),
      causes,
    };
  }
  if (status === 404) {
    const objectMissing = Boolean(body?.details?.name) || (Boolean(ctx.name) && !/could not find the requested resource/i.test(serverMessage));
    if (objectMissing) {
      return {
        kind: 'notFound',
        status,
        title: msg('{{kind}} {{name}} was not found.', { kind: kind || 'The resource', name }),
        detail: msg('It may have been deleted. Go back to the list to see what exists now.'),
        causes,
      };
    }
    return { ...notInstalled(resource || kind, causes), status };
  }
  if (status === 409) {
    if (body?.reason === 'AlreadyExists') {
      return {
        kind: 'alreadyExists',
        status,
        title: msg('A {{kind}} named {{name}} already exists.', { kind: kind || 'resource', name }),
        detail: msg('Choose another name, or open the existing one.'),
        causes,
      };
    }
    return {
      kind: 'conflict',
      status,
      title: msg('{{kind}} {{name}} was changed by someone else since you opened it.', { kind: kind || 'The resource', name }),
      detail: msg('Nothing was saved. Reload to see the latest version, then apply your change again.'),
      causes,
    };
  }
  if (status === 422) {
    return {
      kind: 'invalid',
      status,
      title: msg('The API server rejected {{kind}} {{name}}.', { kind: kind || 'the resource', name }),
      detail: msg('Nothing was saved. The server said: {{message}}', { message: serverMessage }),
      causes,
    };
  }
  if (status >= 500) {
    return {
      kind: 'server',
      status,
      title: msg('The cluster API failed to answer (HTTP {{status}}).', { status }),
      detail: msg('This is usually temporary: try again. If it persists, check the API server. The server said: {{message}}', { message: serverMessage || '—' }),
      causes,
    };
  }
  return {
    kind: 'unknown',
    status,
    title: msg('The request failed (HTTP {{status}}).', { status }),
    detail: msg('The server said: {{message}}', { message: serverMessage || '—' }),
    causes,
  };
};

/** Shown when a live watch was cut and the page keeps the last data while it reconnects. */
export const WATCH_DROPPED = msg('The live connection to the cluster was interrupted. Showing the last known data while reconnecting.');
