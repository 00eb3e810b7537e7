import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, type Problems, type TrackedPage } from './browser';
import { startScenario, type ScenarioHarness } from './harness';

/**
 * Every page in the plugin's nav renders in English and in Japanese, with no page error, no
 * console error and no failed request, on a healthy primary hub and on a hub without the backup
 * operator. The nav is what `console-extensions.json` declares for the Fleet Management
 * perspective; the expected texts are the plugin's own locales.
 */
const ROOT = path.resolve(__dirname, '../..');
const NAMESPACE = 'plugin__acm-business-continuity';

type Dictionary = Record<string, string>;
const locale = (language: string): Dictionary =>
  JSON.parse(fs.readFileSync(path.join(ROOT, 'locales', language, `${NAMESPACE}.json`), 'utf8'));
const EN = locale('en');
const JA = locale('ja');

type NavExtension = {
  type: string;
  properties: { id: string; href: string; name: string; perspective?: string; model?: { kind: string } ; flag?: string };
  flags?: { required?: string[] };
};
const EXTENSIONS = JSON.parse(fs.readFileSync(path.join(ROOT, 'console-extensions.json'), 'utf8')) as NavExtension[];
const navOf = (perspective: string) =>
  EXTENSIONS.filter((e) => e.type === 'console.navigation/href' && (e.properties.perspective ?? 'admin') === perspective);
const NAV: { id: string; href: string; key: string }[] = navOf('acm').map(({ properties: { id, href, name } }) => ({
  id,
  href,
  key: name.replace(new RegExp(`^%${NAMESPACE}~(.*)%$`), '$1'),
}));
/** Flags the plugin derives from a served kind (`console.flag/model`), by flag name. */
const MODEL_FLAGS = new Map(EXTENSIONS.filter((e) => e.type === 'console.flag/model').map((e) => [e.properties.flag as string, e.properties.model?.kind]));

/** A translation that exists: an empty or missing one shows the reader nothing (or English). */
const translation = (dictionary: Dictionary, language: string, key: string): string => {
  const value = dictionary[key];
  if (!value) throw new Error(`locales/${language}/${NAMESPACE}.json has no translation for "${key}"`);
  return value;
};

/** What a hub without the cluster-backup operator must show: how to install it, not an error. */
const NOT_INSTALLED = '[data-testid="install-operator"], [data-testid="not-installed"]';

type Scenario = {
  name: string;
  /** Nav ids of the pages that must show the not-installed state; all others must not. */
  notInstalled: string[];
  /** Kinds the scenario's API server serves, of those behind the plugin's model flags. */
  servedFlagKinds: string[];
};

const SCENARIOS: Scenario[] = [
  { name: 'primary-healthy', notInstalled: [], servedFlagKinds: ['BackupSchedule'] },
  // TODO(lead): validation and volsync are not asserted here: say what they must show on a hub
  // without the backup operator once those pages exist (volsync is still a placeholder).
  {
    name: 'no-operator',
    notInstalled: ['business-continuity-overview', 'business-continuity-schedules', 'business-continuity-restores'],
    servedFlagKinds: [],
  },
];

const noProblems = (problems: Problems) => ({ pageErrors: problems.pageErrors, consoleErrors: problems.consoleErrors, failedRequests: problems.failedRequests });
const clearProblems = (problems: Problems) => {
  problems.pageErrors.length = 0;
  problems.consoleErrors.length = 0;
  problems.failedRequests.length = 0;
};

/** Waits until the page shows its heading and nothing is loading any more; returns the heading. */
const renderedHeading = async (page: Page): Promise<string> => {
  const heading = page.locator('[data-test="page-heading"]').first();
  await heading.waitFor({ state: 'visible', timeout: 30_000 });
  await page.waitForFunction(() => !document.querySelector('.pf-v6-c-spinner, [data-test="page-error"]'), null, { timeout: 30_000 }).catch(() => undefined);
  expect(await page.locator('[data-test="page-error"]').allTextContents()).toEqual([]);
  expect(await page.locator('.pf-v6-c-spinner').count()).toBe(0);
  return (await heading.innerText()).trim();
};

const navLink = (page: Page, id: string) => page.locator(`nav[aria-label="Navigation"] a[data-test-id="${id}"]`);

describe.each(SCENARIOS)('nav pages, scenario $name', ({ name: scenario, notInstalled, servedFlagKinds }) => {
  let harness: ScenarioHarness | undefined;
  let browser: Browser | undefined;
  let tab: TrackedPage;
  /** English heading of each page, by nav id, for the Japanese pass. */
  const headings = new Map<string, string>();

  beforeAll(async () => {
    [harness, browser] = await Promise.all([startScenario(scenario), launchBrowser()]);
    tab = await openPage(browser, harness.url);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await harness?.close();
  });

  afterEach(() => {
    // Everything the browser saw during the test, so one bad page fails the language pass.
    const seen = noProblems(tab.problems);
    clearProblems(tab.problems);
    expect(seen).toEqual({ pageErrors: [], consoleErrors: [], failedRequests: [] });
  });

  const visitAll = async (language: 'en' | 'ja') => {
    const page = tab.page;
    const dictionary = language === 'en' ? EN : JA;
    for (const { id, href, key } of NAV) {
      expect(await navLink(page, id).innerText()).toBe(translation(dictionary, language, key));
      // The Japanese heading is the translation of the English one seen in the first pass.
      const expectedHeading = language === 'ja' ? translation(JA, 'ja', headings.get(id) as string) : undefined;
      await navLink(page, id).click();
      await page.waitForURL((url) => url.pathname.startsWith(href));
      const heading = await renderedHeading(page);
      if (expectedHeading) expect(heading).toBe(expectedHeading);
      else headings.set(id, heading);
      const showsNotInstalled = (await page.locator(NOT_INSTALLED).count()) > 0;
      if (showsNotInstalled !== notInstalled.includes(id)) {
        const main = (await page.locator('main').innerText()).replace(/\s+/g, ' ').slice(0, 400);
        throw new Error(`${id}: the not-installed state is ${showsNotInstalled ? 'shown' : 'missing'} in scenario ${scenario}; the page shows: ${main}`);
      }
      if (scenario === 'primary-healthy') {
        // A healthy hub gives no page a reason for a danger alert.
        expect(await page.locator('.pf-v6-c-alert.pf-m-danger').allInnerTexts()).toEqual([]);
      }
      await tab.screenshot(`nav-${scenario}-${language}-${id.replace(/^business-continuity-/, '')}`);
    }
  };

  const navIds = (page: Page) =>
    page.locator('nav[aria-label="Navigation"] a[data-test-id]').evaluateAll((links) => links.map((l) => l.getAttribute('data-test-id')));

  test('the nav lists what console-extensions.json declares, and every page renders in English', async () => {
    await tab.page.goto('/');
    await tab.page.locator('nav[aria-label="Navigation"] a').first().waitFor();
    expect(await navIds(tab.page)).toEqual(NAV.map((n) => n.id));
    await visitAll('en');
    // As in the console, the plugin got React, react-i18next, the SDK and PatternFly from the page.
    const taken = await tab.page.evaluate(() => window.harnessSharedModulesTaken?.() ?? []);
    expect(taken).toEqual(expect.arrayContaining(['@openshift-console/dynamic-plugin-sdk', 'react', 'react-i18next']));
    expect(taken.filter((m) => m.startsWith('@patternfly/react-core/dist/dynamic/')).length).toBeGreaterThan(0);
  });

  test('the Administrator perspective shows the nav items whose model flags the API serves', async () => {
    const page = tab.page;
    const expected = navOf('admin')
      .filter((e) => (e.flags?.required ?? []).every((flag) => servedFlagKinds.includes(MODEL_FLAGS.get(flag) ?? '')))
      .map((e) => e.properties.id);
    await page.getByRole('combobox', { name: 'Perspective' }).selectOption('admin');
    // Flags are decided once discovery has answered: give the nav the time to settle.
    await page.waitForFunction((count) => document.querySelectorAll('nav[aria-label="Navigation"] a[data-test-id]').length === count, expected.length);
    expect(await navIds(page)).toEqual(expected);
    await page.getByRole('combobox', { name: 'Perspective' }).selectOption('acm');
    await page.locator(`nav[aria-label="Navigation"] a[data-test-id="${NAV[0].id}"]`).waitFor();
  });

  test('switched to Japanese in the masthead, every page renders in Japanese, and the choice survives a reload', async () => {
    const page = tab.page;
    await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: '日本語' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'ja');
    await visitAll('ja');
    await page.reload();
    await page.waitForFunction(() => document.documentElement.lang === 'ja');
    expect(await navLink(page, NAV[0].id).innerText()).toBe(translation(JA, 'ja', NAV[0].key));
  });
});
