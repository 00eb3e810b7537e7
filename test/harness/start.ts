import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { startSimulator, type Simulator } from '../simulator';
import { ensureHarnessApp, PLUGIN_DEV_DIST, PLUGIN_DIST, watchPlugin, type PluginWatch } from './build';
import { startHarnessServer, type HarnessServer } from './server';
import { HARNESS_APP_DIST } from './webpack.config';

/**
 * `npm start`: the plugin inside a stand-in console, against the hub simulator or a real API.
 * Also `startHarness()` for tests, which serve an existing build instead of watching sources.
 */
export type HarnessOptions = {
  /** Default 9000; 0 picks a free port. */
  port?: number;
  host?: string;
  /** Simulator scenario; default `primary-healthy`. Not with `api`. */
  scenario?: string;
  timeScale?: number;
  acmVersion?: string;
  latencyMs?: number;
  errorRate?: number;
  dropWatchEverySeconds?: number;
  /** The simulator's other hubs keep writing to the shared storage whatever this hub does. */
  oldPrimaryKeepsWriting?: boolean;
  /** A real API server instead of the simulator, e.g. `kubectl proxy`'s `http://127.0.0.1:8001`. */
  api?: string;
  /** Build the plugin in development mode and rebuild on change (default false: serve `pluginDist`). */
  build?: boolean;
  /** The plugin build to serve when not building; default the production `dist/`. */
  pluginDist?: string;
  log?: (line: string) => void;
};

export type Harness = {
  url: string;
  port: number;
  scenario?: string;
  simulator?: Simulator;
  close(): Promise<void>;
};

export const DEFAULT_SCENARIO = 'primary-healthy';
export const DEFAULT_PORT = 9000;

/** A problem with the options or the machine, worth one line to the user rather than a stack. */
export class HarnessError extends Error {}

export const startHarness = async (opts: HarnessOptions = {}): Promise<Harness> => {
  const log = opts.log ?? ((line: string) => console.log(line));
  if (opts.api && (opts.scenario || opts.timeScale || opts.acmVersion || opts.latencyMs || opts.errorRate || opts.dropWatchEverySeconds || opts.oldPrimaryKeepsWriting)) {
    throw new HarnessError('--scenario, --time-scale, --acm-version and the fault options drive the simulator; they do not apply with --api');
  }
  const scenario = opts.api ? undefined : opts.scenario ?? DEFAULT_SCENARIO;
  const closers: (() => Promise<void>)[] = [];
  const close = async () => {
    for (const closer of closers.splice(0).reverse()) await closer().catch(() => undefined);
  };
  try {
    let simulator: Simulator | undefined;
    if (scenario) {
      try {
        simulator = await startSimulator({
          port: 0,
          host: '127.0.0.1',
          scenario,
          timeScale: opts.timeScale,
          acmVersion: opts.acmVersion,
          faults: { latencyMs: opts.latencyMs, errorRate: opts.errorRate, dropWatchEverySeconds: opts.dropWatchEverySeconds },
          oldPrimaryKeepsWriting: opts.oldPrimaryKeepsWriting,
          log: (line) => log(`[simulator] ${line}`),
        });
      } catch (e) {
        throw new HarnessError((e as Error).message);
      }
      const started = simulator;
      closers.push(() => started.close());
    }
    const pluginDist = opts.build ? PLUGIN_DEV_DIST : opts.pluginDist ?? PLUGIN_DIST;
    let server: HarnessServer;
    try {
      server = await startHarnessServer({
        port: opts.port ?? DEFAULT_PORT,
        host: opts.host,
        api: simulator ? { url: simulator.url, userTokens: true } : { url: opts.api as string, userTokens: false },
        pluginDist,
        appDist: HARNESS_APP_DIST,
        scenario,
        log,
      });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE') throw new HarnessError(`port ${opts.port ?? DEFAULT_PORT} is already in use; choose another with --port`);
      if (code === 'EACCES') throw new HarnessError(`port ${opts.port ?? DEFAULT_PORT} cannot be opened here; choose another with --port`);
      throw e;
    }
    const serving = server;
    closers.push(() => serving.close());
    await ensureHarnessApp(log);
    if (opts.build) {
      let watch: PluginWatch;
      try {
        watch = await watchPlugin(log);
      } catch (e) {
        throw new HarnessError((e as Error).message);
      }
      closers.push(() => watch.close());
    } else if (!fs.existsSync(path.join(pluginDist, 'plugin-manifest.json'))) {
      throw new HarnessError(`no plugin build in ${pluginDist}: run \`npm run build\` first`);
    }
    return { url: server.url, port: server.port, scenario, simulator, close };
  } catch (e) {
    await close();
    throw e;
  }
};

const USAGE = `usage: npm start -- [options]

Runs the plugin inside a stand-in OpenShift console, against the hub simulator (default) or a real
API server. The plugin is built in development mode and rebuilt on every change.

  --scenario <name>        simulator scenario (default ${DEFAULT_SCENARIO})
  --time-scale <n>         simulated seconds per real second (default 1)
  --acm-version <v>        ACM release the simulator imitates (e.g. 2.14)
  --latency <ms>           delay every simulated API answer
  --error-rate <0..1>      share of simulated API requests answered 503
  --drop-watch-every <s>   cut every watch after this many seconds
  --old-primary-keeps-writing
                           the other hubs in the scenario never stop writing to the shared
                           storage (a collision after a promotion)
  --api <url>              use this API server instead of the simulator (e.g. kubectl proxy:
                           http://127.0.0.1:8001); requests carry no user token
  --port <n>               port of the harness (default ${DEFAULT_PORT})
  --help                   this text`;

const number = (name: string, value: string | undefined, check: (n: number) => boolean = () => true) => {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || !check(n)) throw new HarnessError(`--${name} has an invalid value: "${value}"`);
  return n;
};

const optionsFrom = (argv: string[]): HarnessOptions | 'help' => {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        scenario: { type: 'string' },
        'time-scale': { type: 'string' },
        'acm-version': { type: 'string' },
        latency: { type: 'string' },
        'error-rate': { type: 'string' },
        'drop-watch-every': { type: 'string' },
        'old-primary-keeps-writing': { type: 'boolean' },
        api: { type: 'string' },
        port: { type: 'string' },
        help: { type: 'boolean' },
      },
    }));
  } catch (e) {
    throw new HarnessError(`${(e as Error).message} (see --help)`);
  }
  if (values.help) return 'help';
  if (values.api !== undefined && !/^https?:\/\//.test(values.api)) throw new HarnessError(`--api needs an http(s) URL, got "${values.api}"`);
  return {
    build: true,
    scenario: values.scenario,
    timeScale: number('time-scale', values['time-scale'], (n) => n > 0),
    acmVersion: values['acm-version'],
    latencyMs: number('latency', values.latency, (n) => n >= 0),
    errorRate: number('error-rate', values['error-rate'], (n) => n >= 0 && n <= 1),
    dropWatchEverySeconds: number('drop-watch-every', values['drop-watch-every'], (n) => n > 0),
    oldPrimaryKeepsWriting: values['old-primary-keeps-writing'],
    api: values.api,
    port: number('port', values.port, (n) => Number.isInteger(n) && n >= 0 && n < 65536),
  };
};

const main = async () => {
  const started = Date.now();
  let harness: Harness;
  let options: HarnessOptions | 'help';
  try {
    options = optionsFrom(process.argv.slice(2));
    if (options === 'help') {
      console.log(USAGE);
      return;
    }
    harness = await startHarness(options);
  } catch (e) {
    console.error(`error: ${e instanceof HarnessError ? e.message : (e as Error).stack ?? e}`);
    process.exit(1);
  }
  const against = harness.scenario ? `the hub simulator, scenario "${harness.scenario}"` : `the API at ${options.api}`;
  console.log(`\nConsole harness ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${harness.url}  (${against})\n`);
  const stop = () => {
    harness.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
};

if (require.main === module) void main();
