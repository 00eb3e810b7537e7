/**
 * Kubernetes REST paths, with or without the console's `/api/kubernetes` proxy prefix.
 */

export const CONSOLE_PREFIX = '/api/kubernetes';

export type ApiPath =
  | { type: 'version' }
  | { type: 'discovery'; segments: string[] }
  | {
      type: 'resource';
      group: string;
      version: string;
      plural: string;
      /** Set when the path goes through `/namespaces/<ns>/`. */
      namespace?: string;
      name?: string;
      subresource?: string;
    };

export const stripPrefix = (pathname: string): string =>
  pathname === CONSOLE_PREFIX || pathname.startsWith(`${CONSOLE_PREFIX}/`) ? pathname.slice(CONSOLE_PREFIX.length) || '/' : pathname;

/** Undefined when the path is not an API path at all. */
export const parseApiPath = (pathname: string): ApiPath | undefined => {
  let segments: string[];
  try {
    segments = stripPrefix(pathname)
      .split('/')
      .filter((s) => s.length > 0)
      .map(decodeURIComponent);
  } catch {
    return undefined;
  }
  if (segments.length === 1 && segments[0] === 'version') return { type: 'version' };
  let group: string;
  let version: string;
  let rest: string[];
  if (segments[0] === 'api') {
    if (segments.length <= 2) return { type: 'discovery', segments };
    [group, version, rest] = ['', segments[1], segments.slice(2)];
  } else if (segments[0] === 'apis') {
    if (segments.length <= 3) return { type: 'discovery', segments };
    [group, version, rest] = [segments[1], segments[2], segments.slice(3)];
  } else {
    return undefined;
  }
  // `/api/v1/namespaces/<ns>/status` is the Namespace's own subresource, not a resource in <ns>.
  const namespaceSelf = group === '' && rest[0] === 'namespaces' && rest.length <= 3 && (rest.length < 3 || rest[2] === 'status' || rest[2] === 'finalize');
  if (rest[0] === 'namespaces' && !namespaceSelf) {
    if (rest.length > 5) return undefined;
    return { type: 'resource', group, version, namespace: rest[1], plural: rest[2], name: rest[3], subresource: rest[4] };
  }
  if (rest.length > 3) return undefined;
  return { type: 'resource', group, version, plural: rest[0], name: rest[1], subresource: rest[2] };
};
