/**
 * `npx tsx test/simulator/cli.ts --scenario <name> [--port 8001] [--host 127.0.0.1]
 *   [--time-scale 60] [--acm-version 2.14] [--latency-ms 200] [--error-rate 0.1]
 *   [--drop-watch-every 30] [--quiet]`
 */
import { startSimulator } from './index';

const USAGE =
  'usage: tsx test/simulator/cli.ts --scenario <name> [--port N] [--host H] [--time-scale X] [--acm-version V] ' +
  '[--latency-ms N] [--error-rate R] [--drop-watch-every S] [--quiet]';

const parseArgs = (argv: string[]): Map<string, string> => {
  const args = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) throw new Error(`unexpected argument "${a}"\n${USAGE}`);
    const eq = a.indexOf('=');
    if (eq > 0) args.set(a.slice(2, eq), a.slice(eq + 1));
    else if (a === '--quiet' || a === '--help') args.set(a.slice(2), 'true');
    else args.set(a.slice(2), argv[++i] ?? '');
  }
  return args;
};

const num = (args: Map<string, string>, name: string): number | undefined => {
  const v = args.get(name);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new Error(`--${name} must be a number, got "${v}"`);
  return n;
};

const main = async (): Promise<void> => {
  const args = parseArgs(process.argv.slice(2));
  if (args.has('help')) {
    console.log(USAGE);
    return;
  }
  const quiet = args.get('quiet') === 'true';
  const sim = await startSimulator({
    scenario: args.get('scenario') ?? 'empty',
    port: num(args, 'port') ?? 8001,
    host: args.get('host'),
    timeScale: num(args, 'time-scale'),
    acmVersion: args.get('acm-version'),
    faults: {
      latencyMs: num(args, 'latency-ms'),
      errorRate: num(args, 'error-rate'),
      dropWatchEverySeconds: num(args, 'drop-watch-every'),
    },
    log: quiet ? () => undefined : (line) => console.log(line),
  });
  console.log(`hub simulator listening on ${sim.url} (API also under ${sim.url}/api/kubernetes); ${sim.store.count()} objects`);
  const shutdown = () => {
    sim.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
};

main().catch((err: unknown) => {
  console.error((err as Error).message ?? err);
  process.exit(1);
});
