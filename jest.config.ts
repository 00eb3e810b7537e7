import type { Config } from 'jest';

const tsTransform: Config['transform'] = {
  // Transpile only: type checking runs once, through `tsc --noEmit`.
  '^.+\\.(ts|tsx)$': ['ts-jest', { tsconfig: { isolatedModules: true, jsx: 'react-jsx', module: 'commonjs', moduleResolution: 'node', esModuleInterop: true } }],
};

const common: Partial<Config> = {
  transform: tsTransform,
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  moduleNameMapper: {
    // The SDK package holds types and build tooling only: its runtime lives inside the console.
    '^@openshift-console/dynamic-plugin-sdk$': '<rootDir>/test/mocks/sdk.tsx',
    '\\.(css|scss)$': '<rootDir>/test/mocks/style.ts',
  },
};

const config: Config = {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/src/**/*.test.ts', '<rootDir>/test/{contract,simulator,chart,config,i18n,harness}/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'ui',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/src/**/*.test.tsx'],
      setupFilesAfterEnv: ['<rootDir>/test/mocks/setup-ui.ts'],
    },
  ],
};

export default config;
