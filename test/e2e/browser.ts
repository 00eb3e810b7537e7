import * as fs from 'node:fs';
import * as path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

/**
 * Headless Chromium (Debian's) for the e2e tests, and per page a record of everything that went
 * wrong in it: uncaught errors, console errors, and failed requests and websockets.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = path.resolve(__dirname, '../../test-results/screenshots');

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Playwright starts the browser on a fresh, temporary user-data-dir of its own. */
export const launchBrowser = (): Promise<Browser> => chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });

export type Problems = {
  pageErrors: string[];
  consoleErrors: string[];
  /** `<status> <method> <url>` for answers >= 400, `<method> <url>: <reason>` for requests that got none. */
  failedRequests: string[];
};

export type TrackedPage = {
  page: Page;
  context: BrowserContext;
  problems: Problems;
  /** Full-page PNG in `test-results/screenshots/<name>.png`; returns the path. */
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
};

/**
 * A page in its own context (own cookies and storage) whose problems are recorded. Chromium also
 * logs a console error for every failed HTTP answer; those are recorded once, in `failedRequests`,
 * with their URL.
 */
export const openPage = async (browser: Browser, baseURL: string): Promise<TrackedPage> => {
  const context = await browser.newContext({ baseURL, viewport: { width: 1440, height: 900 }, locale: 'en-US' });
  const page = await context.newPage();
  const problems: Problems = { pageErrors: [], consoleErrors: [], failedRequests: [] };
  page.on('pageerror', (error) => problems.pageErrors.push(error.stack ?? error.message));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    if (message.text().startsWith('Failed to load resource:')) return;
    problems.consoleErrors.push(message.text());
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.failedRequests.push(`${response.status()} ${response.request().method()} ${response.url()}`);
  });
  page.on('requestfailed', (request) => problems.failedRequests.push(`${request.method()} ${request.url()}: ${request.failure()?.errorText}`));
  page.on('websocket', (socket) => socket.on('socketerror', (error) => problems.failedRequests.push(`websocket ${socket.url()}: ${error}`)));
  return {
    page,
    context,
    problems,
    screenshot: async (name) => {
      fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
      const file = path.join(SCREENSHOT_DIR, `${name.replace(/[^\w.-]+/g, '-')}.png`);
      await page.screenshot({ path: file, fullPage: true });
      return file;
    },
    close: () => context.close(),
  };
};
