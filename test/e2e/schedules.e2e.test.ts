import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, type Problems, type TrackedPage } from './browser';
import { startScenario, type ScenarioHarness } from './harness';

/**
 * The backup schedule and backups pages in a browser, through the harness and the simulator:
 * a schedule is created through the form on a fresh hub, its Velero schedules and first backups
 * appear, it is paused and deleted; thousands of backups are filtered, sorted and paged.
 */

const SCHEDULES = '/business-continuity/schedules';
const BACKUPS = `${SCHEDULES}/backups`;

const seen = (problems: Problems) => {
  const copy = { pageErrors: [...problems.pageErrors], consoleErrors: [...problems.consoleErrors], failedRequests: [...problems.failedRequests] };
  problems.pageErrors.length = 0;
  problems.consoleErrors.length = 0;
  problems.failedRequests.length = 0;
  return copy;
};

const NO_PROBLEMS = { pageErrors: [], consoleErrors: [], failedRequests: [] };

const byTestId = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`);

describe('backup schedule lifecycle, scenario fresh', () => {
  let harness: ScenarioHarness | undefined;
  let browser: Browser | undefined;
  let tab: TrackedPage;

  beforeAll(async () => {
    // The operator looks at a new schedule again after 5 minutes (§1): ten times faster, 30 s.
    [harness, browser] = await Promise.all([startScenario('fresh', { timeScale: 10 }), launchBrowser()]);
    tab = await openPage(browser, harness.url);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await harness?.close();
  });

  afterEach(() => expect(seen(tab.problems)).toEqual(NO_PROBLEMS));

  test('creates a schedule through the form; the five Velero schedules and the first backups appear', async () => {
    const page = tab.page;
    await page.goto(SCHEDULES);
    await byTestId(page, 'empty-state').waitFor();
    await byTestId(page, 'create-schedule').click();
    await page.waitForURL(`**${SCHEDULES}/create`);

    await page.getByRole('button', { name: 'Every 2 hours' }).click();
    await page.locator('#schedule-ttl').fill('72h');
    expect(await byTestId(page, 'cron-text').innerText()).toMatch(/every 2 hours/i);
    expect(await byTestId(page, 'next-runs').locator('li').count()).toBe(5);
    const yaml = await byTestId(page, 'yaml-preview').innerText();
    expect(yaml).toContain('veleroSchedule: 0 */2 * * *');
    expect(yaml).toContain('veleroTtl: 72h');
    await tab.screenshot('schedules-fresh-create-form');

    await byTestId(page, 'submit').click();
    await page.waitForURL((url) => url.pathname === SCHEDULES);
    await byTestId(page, 'saved-notice').waitFor();

    const table = byTestId(page, 'velero-schedules');
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="velero-schedules"] tbody tr [data-severity="healthy"]').length === 5,
      null,
      { timeout: 90_000 },
    );
    expect(await table.locator('tbody tr').count()).toBe(5);
    await page.getByText('Backing up').first().waitFor({ timeout: 90_000 });
    await tab.screenshot('schedules-fresh-created');

    await page.getByRole('tab', { name: 'Backups' }).click();
    await page.waitForURL(`**${BACKUPS}`);
    // The operator's immediate backup: one per schedule, one shared timestamp.
    await page.waitForFunction(() => /5 of 5/.test(document.querySelector('[data-testid="backup-sets"] tbody tr')?.textContent ?? ''), null, {
      timeout: 90_000,
    });
    await tab.screenshot('schedules-fresh-first-backups');
  });

  test('pauses the schedule: no next runs, the phase says Paused', async () => {
    const page = tab.page;
    await page.getByRole('tab', { name: 'Schedule' }).click();
    await byTestId(page, 'pause-schedule').click();
    await byTestId(page, 'pause-consequences').waitFor();
    await byTestId(page, 'pause-confirm').click();
    await byTestId(page, 'next-runs-paused').waitFor({ timeout: 60_000 });
    await page.locator('[data-severity="paused"]').first().waitFor({ timeout: 60_000 });
    expect(await byTestId(page, 'pause-schedule').innerText()).toBe('Resume');
    await tab.screenshot('schedules-fresh-paused');
  });

  test('deletes the schedule after its name is typed', async () => {
    const page = tab.page;
    await byTestId(page, 'delete-schedule').click();
    const dialog = page.getByRole('dialog');
    const confirm = dialog.getByRole('button', { name: 'Delete' });
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByRole('textbox').fill('schedule-acm');
    await confirm.click();
    await byTestId(page, 'empty-state').waitFor({ timeout: 60_000 });
    await byTestId(page, 'deleted-notice').waitFor();
  });
});

describe('backups of a large hub, scenario large-hub', () => {
  let harness: ScenarioHarness | undefined;
  let browser: Browser | undefined;
  let tab: TrackedPage;

  beforeAll(async () => {
    [harness, browser] = await Promise.all([startScenario('large-hub'), launchBrowser()]);
    tab = await openPage(browser, harness.url);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await harness?.close();
  });

  afterEach(() => expect(seen(tab.problems)).toEqual(NO_PROBLEMS));

  const count = async (page: Page) => {
    const text = await byTestId(page, 'backup-count').innerText();
    const m = /^(\d+) of (\d+) backups match/.exec(text);
    if (!m) throw new Error(`unexpected count text: ${text}`);
    return { shown: Number(m[1]), total: Number(m[2]) };
  };

  test('filters, sorts and pages thousands of backups', async () => {
    const page = tab.page;
    await page.goto(`${BACKUPS}?view=all`);
    await byTestId(page, 'backups-table').waitFor({ timeout: 60_000 });
    // The list arrives in pages, as from the console: wait for all of them.
    await page.waitForFunction(
      () => Number(/of (\d+) backups match/.exec(document.querySelector('[data-testid="backup-count"]')?.textContent ?? '')?.[1] ?? 0) > 3000,
      null,
      { timeout: 90_000 },
    );
    await page.waitForTimeout(2000);
    const all = await count(page);
    expect(all.total).toBeGreaterThan(3000);
    expect(await byTestId(page, 'backups-table').locator('tbody tr').count()).toBe(20);

    const started = Date.now();
    await byTestId(page, 'filter-type').click();
    await page.getByRole('menuitem', { name: /^Credentials/ }).getByRole('checkbox').check();
    await page.waitForURL((url) => url.search.includes('type=credentials'));
    await page.waitForFunction((total) => !document.querySelector('[data-testid="backup-count"]')?.textContent?.startsWith(`${total} of`), all.total);
    const filterMs = Date.now() - started;
    const credentials = await count(page);
    expect(credentials.shown).toBeGreaterThan(0);
    expect(credentials.shown).toBeLessThan(all.total);
    const names = await byTestId(page, 'backups-table').locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-testid')));
    expect(names.every((n) => n?.startsWith('backup-row-acm-credentials-schedule-'))).toBe(true);
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Backup', exact: true }).click();
    await page.waitForURL((url) => url.search.includes('sort=name'));
    const ascending = await byTestId(page, 'backups-table').locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-testid') ?? ''));
    expect([...ascending].sort()).toEqual(ascending);

    await page.getByRole('button', { name: 'Go to next page' }).first().click();
    await page.waitForURL((url) => url.search.includes('page=2'));
    const second = await byTestId(page, 'backups-table').locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-testid') ?? ''));
    expect(second).toHaveLength(20);
    expect(second[0] > ascending[ascending.length - 1]).toBe(true);

    // Generous on a shared two-core machine: what matters is that it is not seconds of work.
    expect(filterMs).toBeLessThan(3000);
    await tab.screenshot('schedules-large-hub-backups-filtered');
  });
});

describe('a read-only viewer, scenario primary-healthy', () => {
  let harness: ScenarioHarness | undefined;
  let browser: Browser | undefined;
  let tab: TrackedPage;

  beforeAll(async () => {
    [harness, browser] = await Promise.all([startScenario('primary-healthy'), launchBrowser()]);
    tab = await openPage(browser, harness.url);
    await tab.context.addCookies([{ name: 'harness-user', value: 'viewer', url: harness.url }]);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await harness?.close();
  });

  afterEach(() => expect(seen(tab.problems)).toEqual(NO_PROBLEMS));

  test('sees the schedule with every action disabled and the reason', async () => {
    const page = tab.page;
    await page.goto(SCHEDULES);
    await byTestId(page, 'schedule-schedule-acm').waitFor({ timeout: 60_000 });
    for (const id of ['edit-schedule', 'pause-schedule', 'delete-schedule']) {
      await page.waitForFunction((i) => document.querySelector(`[data-testid="${i}"]`)?.getAttribute('aria-disabled') === 'true', id);
      expect(await byTestId(page, id).getAttribute('data-disabled-reason')).toMatch(/^You do not have permission/);
    }
    await tab.screenshot('schedules-viewer-schedule');
    await page.goto(`${BACKUPS}?view=all`);
    await byTestId(page, 'backups-table').waitFor({ timeout: 60_000 });
    const first = byTestId(page, 'backups-table').locator('tbody tr').first().locator('[data-testid^="delete-backup-"]');
    await page.waitForFunction(() => document.querySelector('[data-testid^="delete-backup-"]')?.getAttribute('aria-disabled') === 'true');
    expect(await first.getAttribute('data-disabled-reason')).toMatch(/permission to create DeleteBackupRequests/);
  });
});
