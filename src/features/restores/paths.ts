/**
 * The URLs of this feature. Every view has its own URL so that browser back, reload and shared
 * links land on the same view; the console mounts the page for everything under the base path.
 */
export const RESTORES_BASE = '/business-continuity/restores';

export const restorePaths = {
  history: RESTORES_BASE,
  create: `${RESTORES_BASE}/create`,
  details: (name: string) => `${RESTORES_BASE}/${encodeURIComponent(name)}`,
} as const;

/** The ACM console's page of one managed cluster (its namespace carries the cluster's name). */
export const managedClusterPath = (cluster: string): string =>
  `/multicloud/infrastructure/clusters/details/${encodeURIComponent(cluster)}/${encodeURIComponent(cluster)}/overview`;

export type RestoresView = { view: 'history' } | { view: 'create' } | { view: 'details'; name: string } | { view: 'unknown' };

/**
 * Which view a pathname asks for. The console may serve under a base path, so the part after
 * the feature's base is what counts. A Restore literally named `create` is reachable from the
 * history's link only through its details URL, which this reads as the wizard: such a name is
 * not worth a less readable URL scheme.
 */
export const viewOf = (pathname: string): RestoresView => {
  const at = pathname.indexOf(RESTORES_BASE);
  if (at < 0) return { view: 'history' };
  const rest = pathname
    .slice(at + RESTORES_BASE.length)
    .split('/')
    .filter(Boolean);
  if (rest.length === 0) return { view: 'history' };
  if (rest.length === 1 && rest[0] === 'create') return { view: 'create' };
  if (rest.length === 1) return { view: 'details', name: decodeURIComponent(rest[0]) };
  return { view: 'unknown' };
};
