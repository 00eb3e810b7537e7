import type * as SDK from '@openshift-console/dynamic-plugin-sdk';
import { createStore, useStore } from './store';

/** Feature flags by name; a flag nobody has decided yet is absent (`undefined`), as in the console. */
export const flagStore = createStore<Readonly<Record<string, boolean>>>({});

export const setFlags = (flags: Record<string, boolean>) => flagStore.update((current) => ({ ...current, ...flags }));

export const useFlag: typeof SDK.useFlag = (flag) => useStore(flagStore, (flags) => flags[flag]);
