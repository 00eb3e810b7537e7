import { useK8sWatchResource, type K8sModel, type Selector } from '@openshift-console/dynamic-plugin-sdk';
import { gvkOf } from './models';
import type { K8sObject } from './types';

export type WatchResult<T> = {
  data: T;
  loaded: boolean;
  /** The console's fetch error (with `response.status` and `json`), undefined while fine. */
  error: unknown;
};

type ListOptions = {
  namespace?: string;
  selector?: Selector;
  fieldSelector?: string;
  /** Skip the watch entirely (e.g. the kind is known not to be served). */
  skip?: boolean;
};

/** A live list of one kind (websocket watch through the console). */
export const useWatchList = <T extends K8sObject>(model: K8sModel, options: ListOptions = {}): WatchResult<T[]> => {
  const { namespace, selector, fieldSelector, skip } = options;
  const [data, loaded, error] = useK8sWatchResource<T[]>(
    skip
      ? null
      : {
          groupVersionKind: gvkOf(model),
          isList: true,
          namespaced: model.namespaced,
          namespace,
          selector,
          fieldSelector,
        },
  );
  // The console reports "no error" as an empty string; callers compare with undefined.
  return { data: data ?? [], loaded: Boolean(loaded), error: error || undefined };
};

/** One live object; `data` is undefined until loaded or when it does not exist. */
export const useWatchObject = <T extends K8sObject>(
  model: K8sModel,
  name: string | undefined,
  namespace?: string,
): WatchResult<T | undefined> => {
  const [data, loaded, error] = useK8sWatchResource<T>(
    name ? { groupVersionKind: gvkOf(model), isList: false, name, namespace, namespaced: model.namespaced } : null,
  );
  return { data: data && Object.keys(data).length ? data : undefined, loaded: Boolean(loaded), error: error || undefined };
};
