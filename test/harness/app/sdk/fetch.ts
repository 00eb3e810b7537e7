import type * as SDK from '@openshift-console/dynamic-plugin-sdk';

/**
 * The console's fetch wrappers. Errors look like the console's: an `HttpError` whose message
 * comes from the Kubernetes `Status` body, with `code`, `response` and `json`.
 */
export class HttpError extends Error {
  constructor(
    message: string,
    readonly code?: number,
    readonly response?: Response,
    readonly json?: unknown,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export class TimeoutError extends Error {
  constructor(url: string, ms: number) {
    super(`Call to ${url} timed out after ${ms}ms.`);
    this.name = 'TimeoutError';
  }
}

class RetryError extends Error {}

export const getCSRFToken = (): string | undefined =>
  document.cookie
    .split(';')
    .map((c) => c.trim())
    .filter((c) => c.startsWith('csrf-token='))
    .map((c) => c.slice('csrf-token='.length))
    .pop();

type Status = { message?: string; error?: string; details?: { kind?: string; causes?: { message?: string; field?: string }[] } };

const validateStatus = async (response: Response, method: string, retry: boolean): Promise<Response> => {
  if (response.ok) return response;
  if (retry && response.status === 429) throw new RetryError();
  const contentType = response.headers.get('content-type');
  if (!contentType || !contentType.includes('json')) {
    throw new HttpError(response.statusText, response.status, response);
  }
  const json: Status = await response.json();
  if (response.status === 403) {
    throw new HttpError(json.message || 'Access denied due to cluster policy.', response.status, response, json);
  }
  // The console retries creates refused by a resource quota's optimistic lock.
  if (retry && method === 'POST' && response.status === 409 && ['resourcequotas', 'clusterresourcequotas'].includes(json.details?.kind ?? '')) {
    throw new RetryError();
  }
  const cause = json.details?.causes?.[0];
  const reason = (cause && `Error "${cause.message}" for field "${cause.field}".`) || json.message || json.error || response.statusText;
  throw new HttpError(reason, response.status, response, json);
};

const headersOf = (init?: HeadersInit | null): Record<string, string> => {
  if (!init) return {};
  if (init instanceof Headers) return Object.fromEntries(init.entries());
  if (Array.isArray(init)) return Object.fromEntries(init);
  return { ...init };
};

const fetchWithRetry = async (url: string, options: RequestInit): Promise<Response> => {
  const method = (options.method ?? 'GET').toUpperCase();
  const headers = headersOf(options.headers);
  // CSRF double-submit: the console's server compares this header with the `csrf-token` cookie.
  if (method !== 'GET') headers['X-CSRFToken'] = getCSRFToken() ?? '';
  // Never send credentials or the token to another origin.
  if (url.includes('://')) {
    delete headers.Authorization;
    delete headers['X-CSRFToken'];
  }
  const init: RequestInit = { credentials: 'same-origin', ...options, method, headers };
  for (let attempt = 1; ; attempt++) {
    try {
      return await validateStatus(await fetch(url, init), method, attempt < 3);
    } catch (e) {
      if (e instanceof RetryError) continue;
      console.warn(`consoleFetch failed for url ${url}`, e);
      throw e;
    }
  }
};

export const consoleFetch: typeof SDK.consoleFetch = (url, options = {}, timeout = 60000) => {
  const request = fetchWithRetry(url, options);
  // `k8s*` functions pass no timeout at all (null), as in the console.
  if (timeout == null || timeout <= 0) return request;
  const expired = new Promise<never>((_, reject) => setTimeout(() => reject(new TimeoutError(url, timeout)), timeout));
  return Promise.race([request, expired]);
};

const parseBody = async (response: Response): Promise<unknown> => {
  const text = await response.text();
  const isPlainText = response.headers.get('Content-Type') === 'text/plain';
  if (!text) return isPlainText ? '' : {};
  return isPlainText || !response.ok ? text : JSON.parse(text);
};

const fetchCommon = async (url: string, method: string, options: RequestInit | null | undefined, timeout?: number | null) => {
  const headers = { 'X-CSRFToken': getCSRFToken() ?? '', ...headersOf(options?.headers) };
  const response = await consoleFetch(url, { ...options, method, headers }, timeout as number);
  return parseBody(response);
};

const fetchJSON = (url: string, method = 'GET', options?: RequestInit | null, timeout?: number | null) =>
  fetchCommon(url, method, { ...options, headers: { Accept: 'application/json', ...headersOf(options?.headers) } }, timeout);

const sendJSON = (url: string, method: string, json: unknown, options?: RequestInit | null, timeout?: number | null) =>
  fetchJSON(
    url,
    method,
    {
      ...options,
      // As in the console, the caller cannot override the content type.
      headers: {
        ...headersOf(options?.headers),
        'Content-Type': `application/${method === 'PATCH' ? 'json-patch+json' : 'json'};charset=UTF-8`,
      },
      ...(json ? { body: JSON.stringify(json) } : {}),
    },
    timeout,
  );

export const consoleFetchJSON: typeof SDK.consoleFetchJSON = Object.assign(
  (url: string, method?: string, options?: RequestInit, timeout?: number) => fetchJSON(url, method, options, timeout),
  {
    delete: (url: string, json?: unknown, options?: RequestInit, timeout?: number) =>
      json ? sendJSON(url, 'DELETE', json, options, timeout) : fetchJSON(url, 'DELETE', options, timeout),
    post: (url: string, json: unknown, options?: RequestInit, timeout?: number) => sendJSON(url, 'POST', json, options, timeout),
    put: (url: string, json: unknown, options?: RequestInit, timeout?: number) => sendJSON(url, 'PUT', json, options, timeout),
    patch: (url: string, json: unknown, options?: RequestInit, timeout?: number) => sendJSON(url, 'PATCH', json, options, timeout),
  },
);

export const consoleFetchText: typeof SDK.consoleFetchText = (url, options, timeout) => fetchCommon(url, 'GET', options, timeout);

/** For the `k8s*` functions, which call the console's fetch with no timeout. */
export const k8sFetchJSON = Object.assign((url: string, method = 'GET', options?: RequestInit | null) => fetchJSON(url, method, options, null), {
  send: (url: string, method: string, json: unknown, options?: RequestInit | null) => sendJSON(url, method, json, options, null),
});
