/**
 * The module the harness shares with plugins as `@openshift-console/dynamic-plugin-sdk`: the
 * console's runtime API, implemented over HTTP and WebSocket against `/api/kubernetes`.
 * Every export is typed by the real SDK's declaration, so an SDK upgrade that changes a signature
 * breaks this build (and `completeness.ts` fails when the SDK gains an export).
 */

// Extension type guards and enums are plain code in the SDK package itself: use its own.
export * from '@openshift-console/dynamic-plugin-sdk/lib/extensions';
export { Operator, PrometheusEndpoint } from '@openshift-console/dynamic-plugin-sdk/lib/api/common-types';

export { consoleFetch, consoleFetchJSON, consoleFetchText } from './fetch';
export {
  k8sGet,
  k8sCreate,
  k8sUpdate,
  k8sPatch,
  k8sDelete,
  k8sList,
  k8sListItems,
  getAPIVersionForModel,
  getGroupVersionKindForModel,
  getGroupVersionKindForResource,
} from './k8s';
export { useK8sModel, useK8sModels } from './discovery';
export { useK8sWatchResource, useK8sWatchResources } from './watch-hooks';
export { useFlag } from './flags';
export { checkAccess, useAccessReview, useAccessReviewAllowed } from './rbac';
export { useResolvedExtensions } from './extensions';
export { PerspectiveContext, useActiveNamespace, useActivePerspective, useUserSettings } from './console-state';
export {
  BlueInfoCircleIcon,
  DocumentTitle,
  ErrorStatus,
  GenericStatus,
  GreenCheckCircleIcon,
  InfoStatus,
  ListPageBody,
  ListPageHeader,
  ProgressStatus,
  RedExclamationCircleIcon,
  ResourceIcon,
  ResourceLink,
  StatusIconAndText,
  SuccessStatus,
  Timestamp,
  YellowExclamationTriangleIcon,
} from './components';
export * from './unsupported';
