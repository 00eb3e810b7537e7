/**
 * The share scope the console hands to each plugin's `container.init()`, in webpack's format:
 * `{ [module]: { [version]: { get, from, eager, loaded } } }`. The console provides React,
 * react-i18next, the routers, redux and its SDK as singletons that plugins never bundle, and
 * PatternFly one dynamic module at a time (plugins fall back to their own copy if a version does
 * not match). The SDK is the harness's implementation, reported as `0.0.0-fixed` like the
 * console's, which makes webpack warn once that it does not satisfy the plugin's range.
 */
type ShareEntry = { get: () => Promise<() => unknown>; from: string; eager: boolean; loaded?: 1 };
export type ShareScope = Record<string, Record<string, ShareEntry>>;

/** Which shared modules plugins actually took: tests check that the plugin uses the console's copies. */
const sharedModulesTaken = new Set<string>();
window.harnessSharedModulesTaken = () => [...sharedModulesTaken].sort();

const provide = (scope: ShareScope, name: string, version: string, load: () => Promise<unknown>, loaded: boolean) => {
  scope[name] = {
    [version]: {
      // On a version tie webpack keeps a loaded entry, and otherwise the `from` name that sorts
      // first: either way the console's copy wins over a plugin's fallback, as in the console.
      from: 'console',
      eager: false,
      ...(loaded ? { loaded: 1 as const } : {}),
      get: () => {
        sharedModulesTaken.add(name);
        return load().then((module) => () => module);
      },
    },
  };
};

const SINGLETONS: Record<string, () => Promise<unknown>> = {
  '@openshift-console/dynamic-plugin-sdk': () => import(/* webpackMode: "eager" */ '../sdk'),
  react: () => import(/* webpackMode: "eager" */ 'react'),
  'react-i18next': () => import(/* webpackMode: "eager" */ 'react-i18next'),
  'react-router': () => import(/* webpackMode: "eager" */ 'react-router'),
  'react-router-dom': () => import(/* webpackMode: "eager" */ 'react-router-dom'),
  'react-router-dom-v5-compat': () => import(/* webpackMode: "eager" */ 'react-router-dom-v5-compat'),
  'react-redux': () => import(/* webpackMode: "eager" */ 'react-redux'),
  redux: () => import(/* webpackMode: "eager" */ 'redux'),
  'redux-thunk': () => import(/* webpackMode: "eager" */ 'redux-thunk'),
};

/**
 * PatternFly's `dist/dynamic/<path>` modules are re-exports of `dist/esm/<path>(/index).js`.
 * react-core is in the harness bundle already (the shell uses it); table and the icons load in one
 * chunk each, the first time a plugin asks for one of them.
 */
const PATTERNFLY = [
  {
    pkg: '@patternfly/react-core',
    modules: import.meta.webpackContext('@patternfly/react-core/dist/esm', { recursive: true, regExp: /\.js$/, mode: 'eager' }),
    loaded: true,
  },
  {
    pkg: '@patternfly/react-table',
    modules: import.meta.webpackContext('@patternfly/react-table/dist/esm', { recursive: true, regExp: /\.js$/, mode: 'lazy-once' }),
    loaded: false,
  },
  {
    pkg: '@patternfly/react-icons',
    modules: import.meta.webpackContext('@patternfly/react-icons/dist/esm', { recursive: true, regExp: /\.js$/, mode: 'lazy-once' }),
    loaded: false,
  },
];

const dynamicPath = (key: string) => key.replace(/^\.\//, '').replace(/(\/index)?\.js$/, '');

export const createShareScope = (): ShareScope => {
  const scope: ShareScope = {};
  for (const [name, load] of Object.entries(SINGLETONS)) {
    const version = name === '@openshift-console/dynamic-plugin-sdk' ? '0.0.0-fixed' : __SHARED_VERSIONS__[name];
    provide(scope, name, version, load, true);
  }
  for (const { pkg, modules, loaded } of PATTERNFLY) {
    for (const key of modules.keys()) {
      provide(scope, `${pkg}/dist/dynamic/${dynamicPath(key)}`, __SHARED_VERSIONS__[pkg], () => modules(key) as Promise<unknown>, loaded);
    }
  }
  return scope;
};
