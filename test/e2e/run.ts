import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { ensureHarnessApp, pluginBuildIsStale } from '../harness/build';

/**
 * `npm run test:e2e [-- jest args]`: the production plugin build when `dist/` is missing or older
 * than the sources, the harness page when stale, then jest with the e2e config.
 */
const ROOT = path.resolve(__dirname, '../..');

const main = async () => {
  if (pluginBuildIsStale()) {
    console.log('e2e: dist/ is missing or older than the sources: npm run build');
    const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  await ensureHarnessApp((line) => console.log(`e2e: ${line}`));
  const jest = spawnSync(process.execPath, [require.resolve('jest/bin/jest'), '--config', 'jest.e2e.config.ts', ...process.argv.slice(2)], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  process.exit(jest.status ?? 1);
};

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
