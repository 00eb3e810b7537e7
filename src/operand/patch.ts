/**
 * JSON Patch (RFC 6902) operations, the body the console SDK's `k8sPatch` sends with
 * `Content-Type: application/json-patch+json`.
 */
export type JsonPatchOp =
  | { op: 'add' | 'replace' | 'test'; path: string; value: unknown }
  | { op: 'remove'; path: string };

/** RFC 6901: `~` and `/` inside one key, e.g. an annotation key with a prefix. */
export const escapePointerSegment = (key: string): string => key.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * Ops that set annotations without dropping the others. `add` of the whole map is only used when
 * the object has none, because adding a member that exists replaces it.
 */
export const setAnnotationsOps = (
  current: Record<string, string> | undefined,
  annotations: Record<string, string>,
): JsonPatchOp[] => {
  if (Object.keys(annotations).length === 0) return [];
  if (!current) return [{ op: 'add', path: '/metadata/annotations', value: { ...annotations } }];
  return Object.entries(annotations).map(([key, value]) => ({
    op: 'add' as const,
    path: `/metadata/annotations/${escapePointerSegment(key)}`,
    value,
  }));
};
