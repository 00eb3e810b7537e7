import { describeApiError } from '../k8s/errors';

/**
 * Whether a watch failed because the API server does not serve the kind. The console answers such
 * a watch with a `NoModelError` ("Model does not exist") as soon as discovery has loaded, not with
 * an HTTP 404, so both forms mean "the operator providing it is not installed".
 */
export const isNotInstalledError = (error: unknown): boolean => {
  if (!error) return false;
  const e = error as { name?: string; message?: string };
  if (e.name === 'NoModelError' || e.message === 'Model does not exist') return true;
  return describeApiError(error).kind === 'notInstalled';
};

export const isForbiddenError = (error: unknown): boolean => Boolean(error) && describeApiError(error).kind === 'forbidden';

/** A watch has answered, with data or with an error: what it says will not change by waiting. */
export const isSettled = (w: { loaded: boolean; error?: unknown }): boolean => w.loaded || Boolean(w.error);

/** A watch whose data can be trusted. */
export const isUsable = (w: { loaded: boolean; error?: unknown }): boolean => w.loaded && !w.error;

/**
 * Whether the kind is served: false on "not installed", true once the watch loaded, undefined
 * while unknown (still loading, or another error such as forbidden says nothing about it).
 */
export const servedFrom = (w: { loaded: boolean; error?: unknown }): boolean | undefined => {
  if (isNotInstalledError(w.error)) return false;
  if (isUsable(w)) return true;
  return undefined;
};
