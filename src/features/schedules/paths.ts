/**
 * The URLs of this feature. Every view has its own URL so that browser back, reload and shared
 * links land on the same view; the console mounts the page for everything under the base path.
 */
export const SCHEDULES_BASE = '/business-continuity/schedules';

export const schedulePaths = {
  schedule: SCHEDULES_BASE,
  backups: `${SCHEDULES_BASE}/backups`,
  create: `${SCHEDULES_BASE}/create`,
  edit: (name: string) => `${SCHEDULES_BASE}/edit/${encodeURIComponent(name)}`,
} as const;

export type SchedulesView =
  | { view: 'schedule' }
  | { view: 'backups' }
  | { view: 'create' }
  | { view: 'edit'; name: string }
  | { view: 'unknown' };

/**
 * Which view a pathname asks for. The console may serve under a base path, so the part after
 * the feature's base is what counts.
 */
export const viewOf = (pathname: string): SchedulesView => {
  const at = pathname.indexOf(SCHEDULES_BASE);
  if (at < 0) return { view: 'schedule' };
  const rest = pathname
    .slice(at + SCHEDULES_BASE.length)
    .split('/')
    .filter(Boolean);
  if (rest.length === 0) return { view: 'schedule' };
  if (rest[0] === 'backups' && rest.length === 1) return { view: 'backups' };
  if (rest[0] === 'create' && rest.length === 1) return { view: 'create' };
  if (rest[0] === 'edit' && rest.length === 2) return { view: 'edit', name: decodeURIComponent(rest[1]) };
  return { view: 'unknown' };
};
