import { type ReactNode, useCallback, useMemo, useState } from 'react';
import { PerspectiveContext } from '../sdk/console-state';

const PERSPECTIVE_KEY = 'harness/perspective';

/** The console's perspectives that matter here: ACM's Fleet Management (`acm`) and Administrator. */
export const PERSPECTIVES = [
  { id: 'acm', name: 'Fleet Management' },
  { id: 'admin', name: 'Administrator' },
] as const;

/** The perspective an extension without one belongs to. */
export const DEFAULT_PERSPECTIVE = 'admin';

export const PerspectiveProvider = ({ children }: { children: ReactNode }) => {
  const [activePerspective, setPerspective] = useState(() => window.localStorage.getItem(PERSPECTIVE_KEY) ?? 'acm');
  const setActivePerspective = useCallback((next: string | ((current: string) => string)) => {
    setPerspective((current) => {
      const id = typeof next === 'function' ? next(current) : next;
      window.localStorage.setItem(PERSPECTIVE_KEY, id);
      return id;
    });
  }, []);
  const value = useMemo(() => ({ activePerspective, setActivePerspective }), [activePerspective, setActivePerspective]);
  return <PerspectiveContext.Provider value={value}>{children}</PerspectiveContext.Provider>;
};
