/**
 * A moment for "… ago": the page's clock ticks every 30 s and hub clocks drift, so a backup
 * written seconds ago may look a little in the future; it is shown as "now", never "in 1 second".
 */
export const notFuture = (date: Date, now: Date): Date => (date.getTime() > now.getTime() ? now : date);
