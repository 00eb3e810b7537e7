import { useEffect, useState } from 'react';
import { k8sListItems } from '@openshift-console/dynamic-plugin-sdk';
import type { Watched } from '../../insight/readiness';
import { SecretModel } from '../../k8s/models';
import { LABELS } from '../../k8s/names';
import type { K8sObject } from '../../k8s/types';

/**
 * Metadata only: the API server then sends no `data`, so no token ever reaches the browser. A server
 * that cannot answer this way falls back to plain JSON, and the fields are dropped on arrival.
 */
const METADATA_ONLY = 'application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io,application/json';
const REFRESH_MS = 5 * 60_000;

const metadataOf = (o: K8sObject): K8sObject => ({ metadata: { name: o.metadata?.name, namespace: o.metadata?.namespace } });

/**
 * The MSA token Secrets a passive hub holds (§5: labelled `backup: msa`, restored with the
 * credentials). A passive hub restores the Secrets but not the ManagedServiceAccounts' status, so
 * these tell which imported clusters can auto-import and whether the old primary used MSA. Read by
 * request, not watched: they change with a sync, every few minutes at most.
 */
export const useMsaTokenSecrets = (): Watched<K8sObject[]> => {
  const [state, setState] = useState<Watched<K8sObject[]>>({ data: [], loaded: false });
  useEffect(() => {
    let current = true;
    // Started inside a promise so that any failure, even a synchronous one, reads as "unknown".
    const read = () =>
      Promise.resolve()
        .then(() =>
          k8sListItems<K8sObject & { metadata: { name?: string } }>({
            model: SecretModel,
            queryParams: { labelSelector: { matchLabels: { [LABELS.backup]: 'msa' } } },
            requestInit: { headers: { Accept: METADATA_ONLY } },
          }),
        )
        .then(
        (items) => current && setState({ data: items.map(metadataOf), loaded: true }),
        (error) => current && setState({ data: [], loaded: true, error }),
      );
    void read();
    const timer = window.setInterval(() => void read(), REFRESH_MS);
    return () => {
      current = false;
      window.clearInterval(timer);
    };
  }, []);
  return state;
};
