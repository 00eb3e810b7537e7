/**
 * Kinds served under two API groups from one storage, as the API server does: an Event recorded
 * through `v1` is listed and watched through `events.k8s.io/v1` too, with its fields renamed.
 */
import type { K8sObject } from '../../src/k8s/types';

type Fields = Record<string, unknown>;

/** `v1` Event field → `events.k8s.io/v1` Event field (the API server's conversion). */
const CORE_TO_V1: ReadonlyArray<[string, string]> = [
  ['involvedObject', 'regarding'],
  ['message', 'note'],
  ['source', 'deprecatedSource'],
  ['firstTimestamp', 'deprecatedFirstTimestamp'],
  ['lastTimestamp', 'deprecatedLastTimestamp'],
  ['count', 'deprecatedCount'],
  ['reportingComponent', 'reportingController'],
];

/** Fields with the same name in both forms. */
const SHARED = ['metadata', 'eventTime', 'series', 'reportingInstance', 'action', 'reason', 'related', 'type'];

const rename = (obj: K8sObject, apiVersion: string, pairs: ReadonlyArray<[string, string]>): K8sObject => {
  const src = obj as Fields;
  const out: Fields = { apiVersion, kind: 'Event' };
  for (const k of SHARED) if (src[k] !== undefined) out[k] = src[k];
  for (const [from, to] of pairs) if (src[from] !== undefined) out[to] = src[from];
  return out as K8sObject;
};

const V1_TO_CORE = CORE_TO_V1.map(([a, b]): [string, string] => [b, a]);

const isV1Event = (obj: K8sObject): boolean => (obj.apiVersion ?? '').startsWith('events.k8s.io/');

/** The object as a client of `apiVersion` sees it; only Events change shape. */
export const convertTo = (apiVersion: string, obj: K8sObject): K8sObject => {
  if (obj.apiVersion === apiVersion) return obj;
  if (obj.kind === 'Event') {
    const wantV1 = apiVersion.startsWith('events.k8s.io/');
    if (wantV1 && !isV1Event(obj)) return rename(obj, apiVersion, CORE_TO_V1);
    if (!wantV1 && isV1Event(obj)) return rename(obj, apiVersion, V1_TO_CORE);
  }
  return { ...obj, apiVersion };
};
