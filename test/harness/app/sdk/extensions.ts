import type * as SDK from '@openshift-console/dynamic-plugin-sdk';
import type { CodeRef, Extension, LoadedExtension } from '@openshift-console/dynamic-plugin-sdk/lib/types';
import { useEffect, useMemo, useState } from 'react';
import { flagStore } from './flags';
import { createStore, useStore } from './store';

/** Every extension of every loaded plugin, code references already turned into functions. */
export const extensionStore = createStore<readonly LoadedExtension[]>([]);

export const addExtensions = (extensions: LoadedExtension[]) => extensionStore.update((current) => [...current, ...extensions]);

/**
 * The console's rule: an extension is in use when every required flag is true and every
 * disallowed flag is false; a flag not decided yet keeps it out either way.
 */
export const isInUse = (extension: Extension, flags: Readonly<Record<string, boolean>>) =>
  (extension.flags?.required ?? []).every((f) => flags[f] === true) && (extension.flags?.disallowed ?? []).every((f) => flags[f] === false);

/** Extensions in use that pass one of the type guards. */
export const useExtensions = <E extends Extension>(...typeGuards: ((e: Extension) => e is E)[]): LoadedExtension<E>[] => {
  const all = useStore(extensionStore, (e) => e);
  const flags = useStore(flagStore, (f) => f);
  return useMemo(
    () => all.filter((e): e is LoadedExtension<E> => isInUse(e, flags) && typeGuards.some((guard) => guard(e))),
    // Type guards are usually module-level functions; compare them by identity.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [all, flags, ...typeGuards],
  );
};

const isCodeRef = (value: unknown): value is CodeRef => typeof value === 'function';

const resolveProperties = async (value: unknown): Promise<unknown> => {
  if (isCodeRef(value)) return value();
  if (Array.isArray(value)) return Promise.all((value as unknown[]).map(resolveProperties));
  if (value && typeof value === 'object') {
    const entries = await Promise.all(Object.entries(value).map(async ([k, v]) => [k, await resolveProperties(v)] as const));
    return Object.fromEntries(entries);
  }
  return value;
};

export const useResolvedExtensions: typeof SDK.useResolvedExtensions = (...typeGuards) => {
  const extensions = useExtensions(...(typeGuards as unknown as ((e: Extension) => e is Extension)[]));
  const [state, setState] = useState<[unknown[], boolean, unknown[]]>([[], false, []]);
  useEffect(() => {
    let current = true;
    const errors: unknown[] = [];
    Promise.all(
      extensions.map((e) =>
        (resolveProperties(e.properties) as Promise<object>).then(
          (properties) => ({ ...e, properties }),
          (error) => {
            errors.push(error);
            return undefined;
          },
        ),
      ),
    ).then((resolved) => current && setState([resolved.filter(Boolean), true, errors]));
    return () => {
      current = false;
    };
  }, [extensions]);
  return state as never;
};
