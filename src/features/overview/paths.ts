import { COLLISION_VIEW_PATH } from '../../components/CollisionBanner';
import type { FixPage } from '../../insight/readiness';

/**
 * The URLs of this feature. Every view has its own URL so that browser back, reload and shared
 * links land on the same view; the console mounts the page for everything under the base path.
 */
export const OVERVIEW_BASE = '/business-continuity/overview';

export const overviewPaths = {
  readiness: OVERVIEW_BASE,
  collision: COLLISION_VIEW_PATH,
} as const;

/** Where each readiness check is fixed. Promotion is a page of its own, built separately. */
export const FIX_PAGE_PATHS: Readonly<Record<FixPage, string>> = {
  overview: OVERVIEW_BASE,
  schedules: '/business-continuity/schedules',
  restores: '/business-continuity/restores',
  validation: '/business-continuity/validation',
  volsync: '/business-continuity/volsync',
  promotion: '/business-continuity/promotion',
};

export const BACKUPS_PATH = '/business-continuity/schedules/backups';
export const restoreDetailsPath = (name: string): string => `/business-continuity/restores/${encodeURIComponent(name)}`;

export type OverviewView = 'readiness' | 'collision';

/** Which view a pathname asks for; anything else under the base (or the bare section URL) is the readiness view. */
export const viewOf = (pathname: string): OverviewView => {
  const at = pathname.indexOf(OVERVIEW_BASE);
  if (at < 0) return 'readiness';
  const rest = pathname
    .slice(at + OVERVIEW_BASE.length)
    .split('/')
    .filter(Boolean);
  return rest[0] === 'collision' ? 'collision' : 'readiness';
};
