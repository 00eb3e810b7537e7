import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { USER_COOKIE } from '../harness/server';
import { launchBrowser, openPage, type Problems, type TrackedPage } from './browser';
import { startScenario, type ScenarioHarness } from './harness';

/**
 * Promotion in the console harness against the hub simulator: a passive hub promoted with the one
 * button, every step followed to the end (time-scaled) and the new schedule checked in the API; a
 * hub that cannot be promoted, and a user who may not, shown why; a promotion under way picked up
 * again after a reload, from the cluster alone.
 */

const PROMOTION = '/business-continuity/promotion';
const ROOT = path.resolve(__dirname, '../..');
const JA: Record<string, string> = JSON.parse(fs.readFileSync(path.join(ROOT, 'locales/ja/plugin__acm-business-continuity.json'), 'utf8'));
const STEPS = ['activate', 'restore', 'reconnect', 'schedule', 'verify'];


const seen = (problems: Problems) => {
  const copy = {
    pageErrors: [...problems.pageErrors],
    consoleErrors: [...problems.consoleErrors],
    failedRequests: [...problems.failedRequests],
  };
  problems.pageErrors.length = 0;
  problems.consoleErrors.length = 0;
  problems.failedRequests.length = 0;
  return copy;
};

type Setup = { harness?: ScenarioHarness; browser?: Browser; tab?: TrackedPage };

const useScenario = (scenario: string, timeScale?: number, extra: { oldPrimaryKeepsWriting?: boolean } = {}): Setup => {
  const setup: Setup = {};
  beforeAll(async () => {
    [setup.harness, setup.browser] = await Promise.all([startScenario(scenario, { ...(timeScale ? { timeScale } : {}), ...extra }), launchBrowser()]);
    setup.tab = await openPage(setup.browser, setup.harness.url);
  }, 120_000);
  afterAll(async () => {
    await setup.browser?.close();
    await setup.harness?.close();
  });
  afterEach(() => {
    if (setup.tab) expect(seen(setup.tab.problems)).toEqual({ pageErrors: [], consoleErrors: [], failedRequests: [] });
  });
  return setup;
};

const openPromotion = async (page: Page) => {
  await page.goto(PROMOTION);
  await page.locator('[data-testid="promotion-setup"], [data-testid="promotion-progress"]').first().waitFor({ timeout: 30_000 });
  // The checks settle once every watch has answered.
  await page.waitForFunction(() => !document.querySelector('[data-testid="preflight"] [data-status="unknown"][data-level="blocker"]'), null, { timeout: 30_000 });
};

const apiGet = async (harness: ScenarioHarness, apiPath: string) => {
  const response = await fetch(`${harness.simulator?.url}${apiPath}`);
  expect(response.status).toBe(200);
  return response.json();
};

const trainStatuses = (page: Page) =>
  page.locator('[data-testid="progress-train"] [data-testid^="train-step-"]').evaluateAll((steps) => steps.map((s) => s.getAttribute('data-status')));

describe('passive-sync: promote with the one button and follow every step', () => {
  // Twenty simulated seconds per second: slow enough to see the steps, fast enough for a test.
  const setup = useScenario('passive-sync', 20);

  test('the checks pass, the confirmation names this hub, and the steps complete in order', async () => {
    const tab = setup.tab as TrackedPage;
    const { page } = tab;
    await openPromotion(page);
    expect(await page.locator('[data-testid="preflight"] [data-level="blocker"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status')))).toEqual([
      'pass',
      'pass',
      'pass',
      'pass',
      'pass',
    ]);
    expect(await page.locator('#promotion-schedule-cron').inputValue()).toBe('0 */1 * * *');
    await page.locator('#promotion-schedule-ttl').fill('96h');
    await tab.screenshot('promotion-passive-sync-en-setup');

    await page.getByTestId('promote-button').click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    const hub = await page.getByTestId('promote-hub').innerText();
    const id = /cluster id ([0-9a-f-]{36})/.exec(hub)?.[1];
    expect(id).toBeDefined();
    expect(await dialog.getByTestId('consequences').locator('li').count()).toBe(5);
    const promote = dialog.getByRole('button', { name: 'Promote', exact: true });
    await page.locator('#typed-confirm-input').fill('local-cluster');
    expect(await promote.isDisabled()).toBe(true);
    await page.locator('#promotion-reason').fill('Region outage drill');
    await page.locator('#typed-confirm-input').fill(id as string);
    await tab.screenshot('promotion-passive-sync-en-confirm');
    await promote.click();
    await dialog.waitFor({ state: 'detached' });

    // Follow it without a reload: every step reported by the cluster, to the end.
    const progress = page.getByTestId('promotion-progress');
    await progress.waitFor({ timeout: 30_000 });
    const visited: string[] = [];
    const deadline = Date.now() + 150_000;
    for (;;) {
      const current = (await progress.getAttribute('data-current')) ?? '';
      if (visited[visited.length - 1] !== current) visited.push(current);
      if (current === 'done' || Date.now() > deadline) break;
      if (current === 'restore' && !visited.includes('shot')) {
        await tab.screenshot('promotion-passive-sync-en-restoring');
        visited.push('shot');
      }
      await page.waitForTimeout(500);
    }
    const order = visited.filter((v) => v !== 'shot');
    expect(order[order.length - 1]).toBe('done');
    // The steps came in order (some may pass between two looks, none goes back).
    const ranks = order.map((v) => (v === 'done' ? STEPS.length : STEPS.indexOf(v)));
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
    expect(await trainStatuses(page)).toEqual(['done', 'done', 'done', 'done', 'done']);
    await page.getByTestId('promotion-done').waitFor();
    expect(await page.getByTestId('promotion-request').innerText()).toContain('Region outage drill');
    await tab.screenshot('promotion-passive-sync-en-done');

    // The schedule in the API: the values chosen before the start, and the audit record.
    const schedules = await apiGet(setup.harness as ScenarioHarness, '/apis/cluster.open-cluster-management.io/v1beta1/namespaces/open-cluster-management-backup/backupschedules');
    expect(schedules.items).toHaveLength(1);
    const [schedule] = schedules.items;
    expect(schedule.metadata.name).toBe('schedule-acm');
    expect(schedule.spec).toMatchObject({ veleroSchedule: '0 */1 * * *', veleroTtl: '96h' });
    expect(schedule.metadata.annotations).toMatchObject({
      'business-continuity.open-cluster-management.io/action': 'promote-to-primary',
      'business-continuity.open-cluster-management.io/reason': 'Region outage drill',
    });
    // The harness signs in as the simulator's admin; the audit names that user.
    expect(schedule.metadata.annotations['business-continuity.open-cluster-management.io/requested-by']).toBe('admin');
    expect(schedule.status.phase).toBe('Enabled');
    const restore = await apiGet(
      setup.harness as ScenarioHarness,
      '/apis/cluster.open-cluster-management.io/v1beta1/namespaces/open-cluster-management-backup/restores/restore-acm-passive-sync',
    );
    expect(restore.spec.veleroManagedClustersBackupName).toBe('latest');
    expect(restore.metadata.annotations['business-continuity.open-cluster-management.io/action']).toBe('promote-to-primary');
    expect(['Finished', 'FinishedWithErrors']).toContain(restore.status.phase);

    // A reload shows the same finished promotion, read from the cluster.
    await page.reload();
    await page.getByTestId('promotion-done').waitFor({ timeout: 30_000 });
  });
});

describe('passive-sync with an old primary that keeps writing: the new schedule reports the collision', () => {
  // The old primary was neither shut down nor paused (the preflight warned about it).
  const setup = useScenario('passive-sync', 120, { oldPrimaryKeepsWriting: true });

  test('after the promotion, this hub\'s BackupSchedule goes BackupCollision and every page says so', async () => {
    const tab = setup.tab as TrackedPage;
    const { page } = tab;
    const harness = setup.harness as ScenarioHarness;
    await openPromotion(page);
    expect(await page.getByTestId('preflight-oldPrimaryStopped').getAttribute('data-status')).toBe('fail');
    // At the old primary's own minute both hubs would write backups of the same names; half past
    // keeps them apart, so the old primary's next hourly backup is the newest in storage.
    await page.locator('#promotion-schedule-cron').fill('30 */1 * * *');
    await page.getByTestId('promote-button').click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    const id = /cluster id ([0-9a-f-]{36})/.exec(await page.getByTestId('promote-hub').innerText())?.[1];
    await page.locator('#typed-confirm-input').fill(id as string);
    await dialog.getByRole('button', { name: 'Promote', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });

    // The schedule is created by the promotion, then the operator finds the old primary's newer backups.
    const schedulesPath = '/apis/cluster.open-cluster-management.io/v1beta1/namespaces/open-cluster-management-backup/backupschedules';
    const deadline = Date.now() + 150_000;
    let phase = '';
    while (Date.now() < deadline) {
      const { items } = await apiGet(harness, schedulesPath);
      phase = items[0]?.status?.phase ?? '';
      if (phase === 'BackupCollision') break;
      await page.waitForTimeout(1_000);
    }
    expect(phase).toBe('BackupCollision');

    for (const route of ['/business-continuity/overview', '/business-continuity/schedules', '/business-continuity/promotion']) {
      await page.goto(route);
      const banner = page.getByTestId('collision-banner');
      await banner.waitFor({ timeout: 30_000 });
      expect(await banner.innerText()).toContain(id as string);
    }
    await tab.screenshot('promotion-passive-sync-old-primary-collision-en');
  });
});

describe('promotion-in-progress: a reload resumes where the cluster stands', () => {
  const setup = useScenario('promotion-in-progress');

  test('the activation started by hand is followed, before and after a reload', async () => {
    const tab = setup.tab as TrackedPage;
    const { page } = tab;
    await page.goto(PROMOTION);
    const progress = page.getByTestId('promotion-progress');
    await progress.waitFor({ timeout: 30_000 });
    const before = await progress.getAttribute('data-current');
    expect(['restore', 'reconnect']).toContain(before);
    expect(await page.getByTestId('train-step-activate').getAttribute('data-status')).toBe('done');
    expect(await page.getByTestId('promotion-request').innerText()).toContain('not started from this page');
    // Started by hand: nothing was confirmed here, so the schedule waits for the admin.
    await page.getByTestId('schedule-step-manual').waitFor();
    await tab.screenshot('promotion-in-progress-en');

    await page.reload();
    await progress.waitFor({ timeout: 30_000 });
    expect(await progress.getAttribute('data-current')).toBe(before);
    expect(await page.getByTestId('train-step-activate').getAttribute('data-status')).toBe('done');
    expect(await page.getByTestId('train-step-restore').getAttribute('data-status')).toBe('active');
  });
});

describe('blocked promotions show their reasons', () => {
  describe('primary-healthy', () => {
    const setup = useScenario('primary-healthy');

    test('a primary hub is told why promotion does not apply, in English and in Japanese', async () => {
      const tab = setup.tab as TrackedPage;
      const { page } = tab;
      await openPromotion(page);
      await page.getByTestId('promotion-not-applicable').waitFor();
      expect(await page.getByTestId('promotion-not-applicable').innerText()).toContain('Primary hub');
      expect(await page.getByTestId('promote-button').getAttribute('aria-disabled')).toBe('true');
      expect(await page.getByTestId('promote-disabled-reason').innerText()).toContain('This hub is passive');
      expect(await page.getByTestId('preflight-passive').getAttribute('data-status')).toBe('fail');
      await tab.screenshot('promotion-primary-healthy-en');

      // An empty translation would show an empty heading: say so rather than wait for it.
      expect({ key: 'Promote this hub to primary', ja: JA['Promote this hub to primary'] || undefined }).toEqual({ key: 'Promote this hub to primary', ja: expect.any(String) });
      await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: '日本語' }).click();
      await page.waitForFunction(() => document.documentElement.lang === 'ja');
      const heading = await page.locator('[data-test="page-heading"]').first().innerText();
      expect(heading.trim()).toBe(JA['Promote this hub to primary']);
      expect(await page.getByTestId('promote-button').getAttribute('aria-disabled')).toBe('true');
      await tab.screenshot('promotion-primary-healthy-ja');
      await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'English' }).click();
    });
  });

  describe('passive-sync as the read-only viewer', () => {
    const setup = useScenario('passive-sync');

    test('the checks are shown and the action is disabled for lack of permission', async () => {
      const tab = setup.tab as TrackedPage;
      const { page } = tab;
      await tab.context.addCookies([{ name: USER_COOKIE, value: 'viewer', url: (setup.harness as ScenarioHarness).url }]);
      await openPromotion(page);
      expect(await page.getByTestId('preflight-passive').getAttribute('data-status')).toBe('pass');
      expect(await page.getByTestId('preflight-permissions').getAttribute('data-status')).toBe('fail');
      expect(await page.getByTestId('promote-button').getAttribute('aria-disabled')).toBe('true');
      expect(await page.getByTestId('promote-disabled-reason').innerText()).toContain('You may activate restores and create schedules');
      await page.getByTestId('promote-button').click({ force: true });
      expect(await page.getByRole('dialog').count()).toBe(0);
      await tab.screenshot('promotion-passive-sync-viewer-en');
    });
  });
});
