import type * as SDK from '@openshift-console/dynamic-plugin-sdk';
import { createContext, useCallback, useContext, useState } from 'react';
import { createStore, useStore } from './store';

/** The console's key for "all namespaces". */
export const ALL_NAMESPACES_KEY = '#ALL_NS#';

export const activeNamespaceStore = createStore<string>(ALL_NAMESPACES_KEY);

export const useActiveNamespace: typeof SDK.useActiveNamespace = () => [useStore(activeNamespaceStore, (ns) => ns), activeNamespaceStore.set];

export const PerspectiveContext: typeof SDK.PerspectiveContext = createContext<SDK.PerspectiveContextType>({});

export const useActivePerspective: typeof SDK.useActivePerspective = () => {
  const { activePerspective, setActivePerspective } = useContext(PerspectiveContext);
  return [activePerspective ?? 'admin', useCallback((perspective: string) => setActivePerspective?.(perspective), [setActivePerspective])];
};

const SETTINGS_PREFIX = 'harness/user-settings/';

const readSetting = <T,>(key: string, fallback: T): T => {
  const stored = window.localStorage.getItem(SETTINGS_PREFIX + key);
  return stored === null ? fallback : (JSON.parse(stored) as T);
};

/** The console keeps user settings in a ConfigMap; the harness keeps them in localStorage. */
export const useUserSettings: typeof SDK.useUserSettings = <T,>(key: string, defaultValue?: T) => {
  const [value, setValue] = useState<T>(() => readSetting(key, defaultValue as T));
  const set = useCallback(
    (next: T | ((previous: T) => T)) =>
      setValue((previous) => {
        const resolved = typeof next === 'function' ? (next as (p: T) => T)(previous) : next;
        window.localStorage.setItem(SETTINGS_PREFIX + key, JSON.stringify(resolved));
        return resolved;
      }),
    [key],
  );
  return [value, set, true];
};
