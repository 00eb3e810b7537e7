import * as fs from 'node:fs';
import * as path from 'node:path';
import { PLUGIN_DIST } from '../harness/build';
import { startHarness, type Harness, type HarnessOptions } from '../harness/start';

/**
 * The simulator and the harness for one scenario, on free ports, serving the production build in
 * `dist/` (`npm run test:e2e` builds it first when it is missing or older than the sources).
 */
export type ScenarioHarness = Harness & {
  /** What the simulator and the harness logged: printed when a test fails to start. */
  logs: string[];
};

export const startScenario = async (scenario: string, options: Omit<HarnessOptions, 'scenario' | 'port' | 'build'> = {}): Promise<ScenarioHarness> => {
  const pluginDist = options.pluginDist ?? PLUGIN_DIST;
  if (!fs.existsSync(path.join(pluginDist, 'plugin-manifest.json'))) {
    throw new Error(`no plugin build in ${pluginDist}: run the e2e tests with \`npm run test:e2e\`, which builds it`);
  }
  const logs: string[] = [];
  const harness = await startHarness({ ...options, scenario, port: 0, build: false, pluginDist, log: (line) => logs.push(line) });
  return Object.assign(harness, { logs });
};
