import { isModelFeatureFlag } from '@openshift-console/dynamic-plugin-sdk/lib/extensions';
import { discoveryStore, findModel } from '../sdk/discovery';
import { addExtensions, extensionStore } from '../sdk/extensions';
import { setFlags } from '../sdk/flags';
import { createStore } from '../sdk/store';
import { installEntryCallback, loadPlugin } from './loader';
import { createShareScope } from './share-scope';

export type PluginState = { pending: number; errors: string[] };

export const pluginState = createStore<PluginState>({ pending: 0, errors: [] });

/** Loads every plugin in `SERVER_FLAGS.consolePlugins`; a failing plugin leaves the others running. */
export const loadConsolePlugins = async () => {
  installEntryCallback();
  const scope = createShareScope();
  const names = window.SERVER_FLAGS.consolePlugins;
  pluginState.set({ pending: names.length, errors: [] });
  await Promise.all(
    names.map(async (name) => {
      try {
        addExtensions(await loadPlugin(name, scope));
      } catch (e) {
        console.error(`Plugin ${name} failed to load`, e);
        pluginState.update((s) => ({ ...s, errors: [...s.errors, `${name}: ${e instanceof Error ? e.message : String(e)}`] }));
      } finally {
        pluginState.update((s) => ({ ...s, pending: s.pending - 1 }));
      }
    }),
  );
};

/** `console.flag/model`: the flag is true exactly when API discovery serves the model. */
export const followModelFlags = () => {
  const update = () => {
    const { loaded, models } = discoveryStore.get();
    if (!loaded) return;
    const flags: Record<string, boolean> = {};
    for (const extension of extensionStore.get()) {
      if (isModelFeatureFlag(extension)) flags[extension.properties.flag] = Boolean(findModel(models, extension.properties.model));
    }
    setFlags(flags);
  };
  discoveryStore.subscribe(update);
  extensionStore.subscribe(update);
  update();
};
