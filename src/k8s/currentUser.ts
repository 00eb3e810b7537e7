import { useEffect, useState } from 'react';
import { k8sCreate } from '@openshift-console/dynamic-plugin-sdk';
import { SelfSubjectReviewModel } from './models';

/** Recorded in audit annotations when the API server does not say who the user is. */
export const UNKNOWN_USER = 'unknown user';

/**
 * SDK 4.19 exposes no supported hook for the logged-in user (its user selector is internal), so
 * the API server is asked who the request comes from: a SelfSubjectReview (GA in Kubernetes 1.28,
 * OpenShift 4.15) is created, not stored, and every authenticated user may create one.
 */

type SelfSubjectReview = { status?: { userInfo?: { username?: string } } };

export const whoAmI = async (): Promise<string> => {
  try {
    const review = (await k8sCreate({
      model: SelfSubjectReviewModel,
      data: { apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview' },
    })) as SelfSubjectReview;
    return review?.status?.userInfo?.username?.trim() || UNKNOWN_USER;
  } catch {
    return UNKNOWN_USER;
  }
};

/** The user's name for the audit annotations; undefined while the API server is asked. */
export const useCurrentUser = (enabled: boolean): string | undefined => {
  const [user, setUser] = useState<string>();
  useEffect(() => {
    if (!enabled || user !== undefined) return undefined;
    let current = true;
    void whoAmI().then((name) => current && setUser(name));
    return () => {
      current = false;
    };
  }, [enabled, user]);
  return user;
};
