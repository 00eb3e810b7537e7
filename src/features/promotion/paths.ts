/** The URL of this page, and of the pages it sends the admin to (a feature links, never imports, another). */
export const PROMOTION_PATH = '/business-continuity/promotion';
export const OVERVIEW_PATH = '/business-continuity/overview';
export const SCHEDULES_PATH = '/business-continuity/schedules';
