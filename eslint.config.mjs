import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import react from 'eslint-plugin-react';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const FEATURES = ['overview', 'schedules', 'backups', 'restores', 'validation', 'promotion', 'volsync'];
const ROUTER_MODULES = ['react-router', 'react-router-dom', 'react-router-dom-v5-compat'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test/harness/dist/**', 'test-results/**', 'coverage/**', 'charts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mjs,js}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { react, 'react-hooks': reactHooks },
    settings: { react: { version: '17.0' } },
    rules: {
      ...react.configs.recommended.rules,
      ...react.configs['jsx-runtime'].rules,
      ...reactHooks.configs.recommended.rules,
      'react/prop-types': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // Every router import goes through src/router.ts (DESIGN §3).
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/router.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: ROUTER_MODULES.map((name) => ({ name, message: 'Import router APIs from src/router.ts.' })),
          patterns: [
            {
              regex: `^\\.\\./(${FEATURES.join('|')})(/|$)`,
              message: 'A feature does not reach into another feature: move shared code to src/components, src/k8s or src/insight.',
            },
          ],
        },
      ],
    },
  },
  {
    // The pure layers: plain functions over plain objects, usable from the simulator and benchmarks.
    files: ['src/operand/**/*.ts', 'src/insight/**/*.ts', 'src/k8s/names.ts', 'src/k8s/types.ts', 'src/k8s/message.ts', 'src/k8s/errors.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            ...ROUTER_MODULES.map((name) => ({ name, message: 'The pure layers do not route.' })),
            { name: 'react', message: 'operand/ and insight/ stay free of React.' },
            { name: 'react-i18next', message: 'Return Message objects (src/k8s/message.ts); the UI translates them.' },
            { name: '@openshift-console/dynamic-plugin-sdk', message: 'operand/ and insight/ stay free of the SDK.', allowTypeImports: true },
          ],
          patterns: [{ group: ['@patternfly/*', '../features/*', '../components/*'], message: 'The pure layers import no UI.' }],
        },
      ],
    },
  },
  {
    files: ['test/**/*.{ts,tsx,mjs}', 'scripts/**/*.ts', '*.config.{ts,mjs,js}', 'webpack.config.ts'],
    rules: { 'no-console': 'off' },
  },
);
