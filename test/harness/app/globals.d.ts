/** What the console's server writes into its page, and what the plugin loader adds to `window`. */
type ServerFlags = {
  basePath: string;
  consolePlugins: string[];
  releaseVersion: string;
  i18nNamespaces: string[];
  [flag: string]: unknown;
};

/** The harness's own page data: who is logged in and what the API behind the proxy is. */
type HarnessInfo = {
  users: string[];
  /** `simulator` or the URL given with `--api`. */
  api: string;
  scenario?: string;
};

interface Window {
  SERVER_FLAGS: ServerFlags;
  HARNESS: HarnessInfo;
  /** For tests: the shared modules plugins took from the harness, by name. */
  harnessSharedModulesTaken?: () => string[];
  loadPluginEntry?: (pluginID: string, container: unknown) => void;
}

interface ImportMeta {
  webpackContext(
    request: string,
    options: { recursive?: boolean; regExp?: RegExp; mode?: 'sync' | 'eager' | 'lazy' | 'lazy-once' },
  ): {
    (key: string): unknown;
    keys(): string[];
  };
}

declare const __SHARED_VERSIONS__: Record<string, string>;
