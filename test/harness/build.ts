import * as fs from 'node:fs';
import * as path from 'node:path';
import webpack, { type Configuration, type Stats } from 'webpack';
import harnessConfig, { HARNESS_APP_DIST } from './webpack.config';

/** Builds of the harness page and, for `npm start`, of the plugin in watch mode. */
const ROOT = path.resolve(__dirname, '../..');
export const PLUGIN_DIST = path.join(ROOT, 'dist');
/** `npm start` builds the plugin in development mode here, leaving the production `dist/` alone. */
export const PLUGIN_DEV_DIST = path.join(__dirname, 'dist/plugin');

const newestChange = (entry: string): number => {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...fs.readdirSync(entry).map((name) => newestChange(path.join(entry, name))));
};

const failure = (stats: Stats) => new Error(stats.toString({ all: false, errors: true, colors: false }));

const run = (config: Configuration) =>
  new Promise<Stats>((resolve, reject) =>
    webpack(config, (err, stats) => {
      if (err || !stats) reject(err ?? new Error('webpack gave no result'));
      else if (stats.hasErrors()) reject(failure(stats));
      else resolve(stats);
    }),
  );

/** Builds the harness page unless its bundle is newer than every source it comes from. */
export const ensureHarnessApp = async (log: (line: string) => void = () => undefined): Promise<void> => {
  const bundle = path.join(HARNESS_APP_DIST, 'harness.js');
  const built = fs.existsSync(bundle) ? fs.statSync(bundle).mtimeMs : 0;
  const sources = Math.max(
    newestChange(path.join(__dirname, 'app')),
    newestChange(path.join(__dirname, 'webpack.config.ts')),
    newestChange(path.join(ROOT, 'package-lock.json')),
  );
  if (built > sources) return;
  const started = Date.now();
  await run(harnessConfig);
  log(`harness page built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
};

/** Whether `dist/` is missing or older than anything the production build reads. */
export const pluginBuildIsStale = (): boolean => {
  const manifest = path.join(PLUGIN_DIST, 'plugin-manifest.json');
  if (!fs.existsSync(manifest)) return true;
  const built = fs.statSync(manifest).mtimeMs;
  const inputs = ['src', 'locales', 'console-extensions.json', 'package.json', 'package-lock.json', 'webpack.config.ts', 'tsconfig.json'];
  return inputs.some((input) => newestChange(path.join(ROOT, input)) > built);
};

export type PluginWatch = { close(): Promise<void> };

/**
 * Builds the plugin in development mode into PLUGIN_DEV_DIST and rebuilds on every change.
 * Resolves after the first build; a failing rebuild is reported and the previous one stays served.
 */
export const watchPlugin = async (log: (line: string) => void): Promise<PluginWatch> => {
  // The plugin's config picks hashed production names when NODE_ENV says production.
  process.env.NODE_ENV = 'development';
  const { default: base } = (await import('../../webpack.config')) as { default: Configuration };
  const config: Configuration = {
    ...base,
    mode: 'development',
    output: { ...base.output, path: PLUGIN_DEV_DIST },
    optimization: { ...base.optimization, minimize: false },
    devtool: 'eval-cheap-module-source-map',
  };
  const compiler = webpack(config);
  let first = true;
  return new Promise<PluginWatch>((resolve, reject) => {
    const watching = compiler.watch({ aggregateTimeout: 300 }, (err, stats) => {
      const took = stats ? `${((stats.endTime - stats.startTime) / 1000).toFixed(1)} s` : '';
      if (err || !stats || stats.hasErrors()) {
        const message = err?.message ?? (stats ? failure(stats).message : 'no result');
        if (first) {
          first = false;
          watching.close(() => reject(new Error(`the plugin build failed:\n${message}`)));
          return;
        }
        log(`plugin rebuild failed; still serving the previous build:\n${message}`);
        return;
      }
      log(first ? `plugin built in ${took} (development mode, watching for changes)` : `plugin rebuilt in ${took}`);
      if (first) {
        first = false;
        resolve({ close: () => new Promise<void>((done) => watching.close(() => done())) });
      }
    });
  });
};
