import * as fs from 'node:fs';
import * as path from 'node:path';
import webpack, { type Configuration } from 'webpack';

/**
 * The harness page: the console's stand-in. Built on its own (never part of the plugin build),
 * served from `/static/`.
 */
const ROOT = path.resolve(__dirname, '../..');
export const HARNESS_APP_DIST = path.resolve(__dirname, 'dist/app');

/** Modules the harness shares with plugins, announced under their installed versions. */
const SHARED_PACKAGES = [
  'react',
  'react-i18next',
  'react-router',
  'react-router-dom',
  'react-router-dom-v5-compat',
  'react-redux',
  'redux',
  'redux-thunk',
  '@patternfly/react-core',
  '@patternfly/react-table',
  '@patternfly/react-icons',
];

const installedVersion = (pkg: string): string =>
  JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')).version;

const config: Configuration = {
  // Development React: its warnings about plugin code reach the e2e tests as console errors.
  mode: 'development',
  context: __dirname,
  entry: { harness: './app/index.tsx' },
  output: {
    path: HARNESS_APP_DIST,
    publicPath: '/static/',
    filename: '[name].js',
    chunkFilename: '[name].chunk.js',
    assetModuleFilename: 'assets/[name][ext]',
    clean: true,
  },
  resolve: { extensions: ['.ts', '.tsx', '.js'] },
  module: {
    rules: [
      {
        test: /\.tsx?$/,
        exclude: /node_modules/,
        loader: 'ts-loader',
        // Type checking runs once, in `npm run typecheck`.
        options: { transpileOnly: true, configFile: path.join(ROOT, 'tsconfig.json') },
      },
      { test: /\.css$/, use: ['style-loader', 'css-loader'] },
      { test: /\.(png|jpg|jpeg|gif|svg|woff2?|ttf|eot|otf)$/, type: 'asset/resource' },
    ],
  },
  plugins: [
    new webpack.DefinePlugin({
      __SHARED_VERSIONS__: JSON.stringify(Object.fromEntries(SHARED_PACKAGES.map((pkg) => [pkg, installedVersion(pkg)]))),
    }),
  ],
  devtool: false,
  performance: { hints: false },
  cache: {
    type: 'filesystem',
    cacheDirectory: path.join(ROOT, 'node_modules/.cache/harness-webpack'),
    buildDependencies: { config: [__filename] },
  },
  stats: 'errors-warnings',
};

export default config;
