import type { BackupScheduleSpec, K8sStatus } from '../../k8s/types';

/**
 * An edit that lost a race: the API server answers a stale `resourceVersion` with 409, and a
 * JSON patch whose `test` op on it failed with 422 (the patch library's "testing value … failed").
 */
export const isStaleEditError = (error: unknown): boolean => {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { code?: number; status?: number; response?: { status?: number }; json?: K8sStatus; message?: string };
  const status = e.response?.status ?? e.json?.code ?? e.code ?? e.status;
  if (status === 409 && e.json?.reason !== 'AlreadyExists') return true;
  if (status !== 422) return false;
  const texts = [e.json?.message, e.message, ...(e.json?.details?.causes ?? []).map((c) => c.message)];
  return texts.some((s) => typeof s === 'string' && /testing value \/metadata\/resourceVersion failed|test failed/i.test(s));
};

/**
 * Spec fields that were sent but did not come back. An API server prunes fields its CRD schema
 * does not know, silently: this is how an operator older than a field shows itself (`paused`
 * before ACM 2.12, `skipImmediately` and `useOwnerReferencesInBackup` before 2.13).
 */
export const droppedSpecFields = (sent: Partial<BackupScheduleSpec> | undefined, returned: unknown): string[] => {
  if (!sent || typeof returned !== 'object' || returned === null) return [];
  const spec = (returned as { spec?: Record<string, unknown> }).spec;
  if (!spec || typeof spec !== 'object') return [];
  return Object.keys(sent).filter((k) => !(k in spec));
};

export type SpecChange = { field: string; before?: unknown; after?: unknown };

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Which spec fields an edit changes, for the summary above the patch preview. */
export const specChanges = (before: Record<string, unknown>, after: Record<string, unknown>): SpecChange[] => {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return keys.filter((k) => !same(before[k], after[k])).map((field) => ({ field, before: before[field], after: after[field] }));
};

/**
 * A checkbox for an optional boolean: ticking writes `true`; unticking writes `false` only where
 * the schedule already had the field, so a new schedule carries no fields the user never touched.
 */
export const checkboxValue = (checked: boolean, initial: boolean | undefined): boolean | undefined =>
  checked ? true : initial !== undefined ? false : undefined;

/** `a, b c` → `['a', 'b', 'c']`: the form edits a list of names in one text field. */
export const splitList = (text: string): string[] =>
  text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * Three-way merge for a form whose object changed underneath it: fields the user edited keep the
 * user's value, every other field takes the newest version's value, so reloading neither loses
 * the user's work nor reverts what someone else changed.
 */
export const rebaseInput = <T extends object>(oldBase: T, newBase: T, user: T): T => {
  const keys = new Set([...Object.keys(oldBase), ...Object.keys(newBase), ...Object.keys(user)]) as Set<keyof T>;
  const out = {} as T;
  for (const k of keys) {
    const value = same(user[k], oldBase[k]) ? newBase[k] : user[k];
    if (value !== undefined) out[k] = value;
  }
  return out;
};
