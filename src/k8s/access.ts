import { useAccessReview, type K8sModel } from '@openshift-console/dynamic-plugin-sdk';

export type Verb = 'get' | 'list' | 'watch' | 'create' | 'update' | 'patch' | 'delete';

/**
 * Whether the current user may do `verb` on a kind (SelfSubjectAccessReview through the console).
 * `loading` is true until the review answers; callers keep actions disabled meanwhile.
 */
export const useCanI = (verb: Verb, model: K8sModel, namespace?: string, name?: string): { allowed: boolean; loading: boolean } => {
  const [allowed, loading] = useAccessReview({
    group: model.apiGroup ?? '',
    resource: model.plural,
    verb,
    namespace: model.namespaced ? namespace : undefined,
    name,
  });
  return { allowed: Boolean(allowed), loading: Boolean(loading) };
};
