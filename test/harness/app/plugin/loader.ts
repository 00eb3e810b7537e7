import type { Extension, LoadedExtension } from '@openshift-console/dynamic-plugin-sdk/lib/types';
import type { ShareScope } from './share-scope';

/**
 * Loads a plugin the way the console does: its manifest from `/api/plugins/<name>/`, its entry
 * script(s) through `<script>` tags, the entry's `window.loadPluginEntry(pluginID, container)`
 * callback, `container.init(shareScope)`, and code references resolved through `container.get`.
 */
type PluginManifest = {
  name: string;
  version: string;
  loadScripts: string[];
  extensions: Extension[];
  dependencies?: Record<string, string>;
};

type Container = {
  init(scope: ShareScope): void | Promise<void>;
  get(module: string): Promise<() => Record<string, unknown>>;
};

const entryCallbacks = new Map<string, (container: Container) => void>();

export const installEntryCallback = () => {
  window.loadPluginEntry = (pluginID, container) => {
    const deliver = entryCallbacks.get(pluginID);
    if (!deliver) {
      console.error(`Entry callback from a plugin that was not requested: ${pluginID}`);
      return;
    }
    entryCallbacks.delete(pluginID);
    deliver(container as Container);
  };
};

const injectScript = (url: string) =>
  new Promise<void>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = url;
    script.async = true;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`Could not load ${url}`));
    document.head.appendChild(script);
  });

/** `>=X.Y.Z` ranges only, which is what `@console/pluginAPI` uses; anything else is not judged. */
const satisfies = (version: string, range: string): boolean | undefined => {
  const match = /^>=\s*(\d+)\.(\d+)\.(\d+)/.exec(range.trim());
  if (!match) return undefined;
  const have = version.split(/[.-]/).slice(0, 3).map(Number);
  const need = match.slice(1, 4).map(Number);
  for (let i = 0; i < 3; i++) if (have[i] !== need[i]) return have[i] > need[i];
  return true;
};

const checkDependencies = ({ name, dependencies = {} }: PluginManifest) => {
  const range = dependencies['@console/pluginAPI'];
  if (!range) return;
  const ok = satisfies(window.SERVER_FLAGS.releaseVersion, range);
  if (ok === false) throw new Error(`${name} requires @console/pluginAPI ${range}; this console is ${window.SERVER_FLAGS.releaseVersion}`);
  if (ok === undefined) console.warn(`${name}: the harness cannot evaluate @console/pluginAPI range ${range}`);
};

const codeRef = (container: Container, ref: string) => {
  const [moduleName, exportName = 'default'] = ref.split('.');
  let resolved: Promise<unknown> | undefined;
  return () =>
    (resolved ??= container.get(moduleName).then((factory) => {
      const module = factory();
      if (!(exportName in module)) throw new Error(`Module '${moduleName}' has no export '${exportName}'`);
      return module[exportName];
    }));
};

const withCodeRefs = (value: unknown, container: Container): unknown => {
  if (Array.isArray(value)) return value.map((v) => withCodeRefs(v, container));
  if (value && typeof value === 'object') {
    const ref = (value as { $codeRef?: unknown }).$codeRef;
    if (typeof ref === 'string') return codeRef(container, ref);
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withCodeRefs(v, container)]));
  }
  return value;
};

export const loadPlugin = async (name: string, shareScope: ShareScope): Promise<LoadedExtension[]> => {
  const base = `${window.SERVER_FLAGS.basePath}api/plugins/${name}/`;
  const response = await fetch(`${base}plugin-manifest.json`, { cache: 'no-cache' });
  if (!response.ok) throw new Error(`${base}plugin-manifest.json answered HTTP ${response.status}`);
  const manifest: PluginManifest = await response.json();
  checkDependencies(manifest);
  const pluginID = `${manifest.name}@${manifest.version}`;
  let container: Container | undefined;
  entryCallbacks.set(pluginID, (c) => (container = c));
  await Promise.all(manifest.loadScripts.map((script) => injectScript(base + script)));
  if (!container) {
    entryCallbacks.delete(pluginID);
    throw new Error(`${name}: the entry script ran but never called window.loadPluginEntry('${pluginID}', …)`);
  }
  const loaded: Container = container;
  await loaded.init(shareScope);
  return manifest.extensions.map((extension, index) => ({
    ...extension,
    properties: withCodeRefs(extension.properties, loaded) as Extension['properties'],
    pluginID,
    pluginName: manifest.name,
    uid: `${pluginID}[${index}]`,
  }));
};
