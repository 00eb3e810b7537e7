import { spawnSync } from 'child_process';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../..');

describe('locales', () => {
  it('are up to date with the source and translated into Japanese', () => {
    const res = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/i18n.ts', '--check'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    // The script prints which keys to add, remove or translate.
    expect(res.stderr.trim()).toBe('');
    expect(res.status).toBe(0);
  }, 60_000);
});
