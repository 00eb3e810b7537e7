import { useEffect, useReducer, useRef } from 'react';

/**
 * A value that React components can follow. The console keeps this state in redux; a plain
 * observable is enough here and keeps redux out of the harness.
 */
export type Store<T> = {
  get(): T;
  set(next: T): void;
  update(change: (current: T) => T): void;
  subscribe(listener: () => void): () => void;
};

export const createStore = <T,>(initial: T): Store<T> => {
  let value = initial;
  const listeners = new Set<() => void>();
  const set = (next: T) => {
    if (Object.is(next, value)) return;
    value = next;
    listeners.forEach((listener) => listener());
  };
  return {
    get: () => value,
    set,
    update: (change) => set(change(value)),
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
};

/** Re-renders when `select(value)` changes (by `Object.is`). */
export const useStore = <T, S>(store: Store<T>, select: (value: T) => S): S => {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const selected = select(store.get());
  const latest = useRef({ select, selected });
  latest.current = { select, selected };
  useEffect(() => {
    const check = () => {
      const { select: current, selected: shown } = latest.current;
      if (!Object.is(current(store.get()), shown)) rerender();
    };
    // The value may have changed between render and subscription.
    check();
    return store.subscribe(check);
  }, [store]);
  return selected;
};
