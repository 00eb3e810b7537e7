import type { Config } from 'jest';

/**
 * Browser tests through the console harness and the hub simulator. Run them with
 * `npm run test:e2e`, which builds the plugin first when `dist/` is stale.
 */
const config: Config = {
  displayName: 'e2e',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/e2e/**/*.e2e.test.ts'],
  transform: {
    // Transpile only (tsconfig.json sets isolatedModules): type checking runs once, through `tsc --noEmit`.
    '^.+\\.ts$': ['ts-jest', { tsconfig: { module: 'commonjs', moduleResolution: 'node', esModuleInterop: true } }],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  // One browser and one simulator at a time: the machine has two cores, shared.
  maxWorkers: 1,
  testTimeout: 180_000,
  slowTestThreshold: 60,
};

export default config;
