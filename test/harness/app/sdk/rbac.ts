import type * as SDK from '@openshift-console/dynamic-plugin-sdk';
import type { AccessReviewResourceAttributes, K8sModel, SelfSubjectAccessReviewKind } from '@openshift-console/dynamic-plugin-sdk';
import { useEffect, useState } from 'react';
import { k8sCreate } from './k8s';

const SelfSubjectAccessReviewModel: K8sModel = {
  apiGroup: 'authorization.k8s.io',
  apiVersion: 'v1',
  kind: 'SelfSubjectAccessReview',
  plural: 'selfsubjectaccessreviews',
  abbr: 'SSAR',
  label: 'SelfSubjectAccessReview',
  labelPlural: 'SelfSubjectAccessReviews',
  namespaced: false,
};

/** Answers are kept for the page's life, as in the console (switching user reloads the page). */
const answers = new Map<string, Promise<SelfSubjectAccessReviewKind>>();

const review = (attributes: Required<AccessReviewResourceAttributes>): Promise<SelfSubjectAccessReviewKind> => {
  const key = Object.values(attributes).join('~');
  let answer = answers.get(key);
  if (!answer) {
    // Projects are reviewed in the namespace of the project itself.
    const namespace =
      attributes.group === 'project.openshift.io' && attributes.resource === 'projects' ? attributes.name : attributes.namespace;
    answer = k8sCreate<SelfSubjectAccessReviewKind>({
      model: SelfSubjectAccessReviewModel,
      data: {
        apiVersion: 'authorization.k8s.io/v1',
        kind: 'SelfSubjectAccessReview',
        spec: { resourceAttributes: { ...attributes, namespace } },
      },
    });
    // A failed review is asked again next time rather than remembered.
    answer.catch(() => answers.delete(key));
    answers.set(key, answer);
  }
  return answer;
};

const withDefaults = ({ group = '', resource = '', subresource = '', verb = '' as never, name = '', namespace = '' }: AccessReviewResourceAttributes = {}) => ({
  group,
  resource,
  subresource,
  verb,
  name,
  namespace,
});

export const checkAccess: typeof SDK.checkAccess = (resourceAttributes) => review(withDefaults(resourceAttributes));

/** `[allowed, loading]`. A review that fails allows the action, as in the console: the API server still decides. */
export const useAccessReview: typeof SDK.useAccessReview = (resourceAttributes, _impersonate, noCheckForEmptyGroupAndResource) => {
  const attributes = withDefaults(resourceAttributes);
  const { group, resource, subresource, verb, name, namespace } = attributes;
  const skip = Boolean(noCheckForEmptyGroupAndResource) && !group && !resource;
  const [state, setState] = useState<[boolean, boolean]>([false, true]);
  useEffect(() => {
    let current = true;
    const settle = (allowed: boolean) => current && setState([allowed, false]);
    if (skip) settle(false);
    else
      review({ group, resource, subresource, verb, name, namespace }).then(
        (result) => settle(Boolean(result.status?.allowed)),
        (e) => {
          console.warn('SelfSubjectAccessReview failed', e);
          settle(true);
        },
      );
    return () => {
      current = false;
    };
  }, [group, resource, subresource, verb, name, namespace, skip]);
  return state;
};

export const useAccessReviewAllowed: typeof SDK.useAccessReviewAllowed = (resourceAttributes, impersonate) =>
  useAccessReview(resourceAttributes, impersonate)[0];
