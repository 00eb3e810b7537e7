import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, type TrackedPage } from './browser';
import { startScenario, type ScenarioHarness } from './harness';

/**
 * The overview, the collision banner and view, and the validation page, through the harness and
 * the hub simulator: what an admin sees on a healthy primary, on a hub in collision, on a passive
 * hub and on a hub without the backup operator.
 */
const ROOT = path.resolve(__dirname, '../..');
const NAV: { id: string; href: string }[] = (
  JSON.parse(fs.readFileSync(path.join(ROOT, 'console-extensions.json'), 'utf8')) as { type: string; properties: { id: string; href: string; perspective?: string } }[]
)
  .filter((e) => e.type === 'console.navigation/href' && e.properties.perspective === 'acm')
  .map(({ properties: { id, href } }) => ({ id, href }));

const navLink = (page: Page, id: string) => page.locator(`nav[aria-label="Navigation"] a[data-test-id="${id}"]`);

/** The page has its heading and nothing is loading any more. */
const settled = async (page: Page) => {
  await page.locator('[data-test="page-heading"]').first().waitFor({ state: 'visible', timeout: 30_000 });
  await page.waitForFunction(() => !document.querySelector('.pf-v6-c-spinner'), null, { timeout: 30_000 });
};

const checks = (page: Page) =>
  page.locator('[data-testid="readiness-check"]').evaluateAll((rows) =>
    rows.map((r) => ({
      id: r.getAttribute('data-check-id'),
      status: r.getAttribute('data-status'),
      items: r.querySelector('[data-testid="check-items"]')?.textContent ?? '',
    })),
  );

const withScenario = (scenario: string, body: (ctx: () => { tab: TrackedPage; harness: ScenarioHarness }) => void) =>
  describe(`scenario ${scenario}`, () => {
    let harness: ScenarioHarness | undefined;
    let browser: Browser | undefined;
    let tab: TrackedPage | undefined;
    beforeAll(async () => {
      [harness, browser] = await Promise.all([startScenario(scenario), launchBrowser()]);
      tab = await openPage(browser, harness.url);
    }, 120_000);
    afterAll(async () => {
      await browser?.close();
      await harness?.close();
    });
    afterEach(() => {
      if (!tab) return;
      const seen = { pageErrors: [...tab.problems.pageErrors], consoleErrors: [...tab.problems.consoleErrors] };
      tab.problems.pageErrors.length = 0;
      tab.problems.consoleErrors.length = 0;
      expect(seen).toEqual({ pageErrors: [], consoleErrors: [] });
    });
    body(() => ({ tab: tab as TrackedPage, harness: harness as ScenarioHarness }));
  });

withScenario('primary-healthy', (ctx) => {
  test('the overview shows a primary hub that is ready to recover', async () => {
    const { page } = ctx().tab;
    await page.goto('/business-continuity/overview');
    await settled(page);
    await page.locator('[data-testid="readiness-verdict"]').waitFor();
    expect(await page.locator('[data-testid="hub-role"]').getAttribute('data-role')).toBe('primary');
    expect(await page.locator('[data-testid="hub-cluster-id"]').innerText()).toMatch(/^[0-9a-f-]{36}$/);
    const all = await checks(page);
    expect(all.filter((c) => c.status !== 'pass' && c.status !== 'notApplicable')).toEqual([]);
    // The EKS cluster has no server URL: named for the runbook, but no backup setting can fix it.
    expect(all.find((c) => c.id === 'autoImport')).toEqual({ id: 'autoImport', status: 'pass', items: 'eks-analytics' });
    expect(await page.locator('[data-testid="readiness-verdict"]').getAttribute('data-verdict')).toBe('ready');
    expect(await page.locator('[data-testid="collision-banner"]').count()).toBe(0);
    expect(await page.locator('[data-testid="latest-backups"] tbody tr').count()).toBeGreaterThan(0);
    await ctx().tab.screenshot('overview-primary-healthy-en');
  });

  test('the validation page lists the policy templates, all compliant', async () => {
    const { page } = ctx().tab;
    await navLink(page, 'business-continuity-validation').click();
    await settled(page);
    expect(await page.locator('[data-testid="policy-state"]').getAttribute('data-state')).toBe('compliant');
    const states = await page.locator('[data-testid="template-row"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-compliance')));
    expect(states.length).toBeGreaterThan(10);
    expect(new Set(states)).toEqual(new Set(['Compliant']));
    await ctx().tab.screenshot('validation-primary-healthy-en');
  });
});

withScenario('collision', (ctx) => {
  test('the collision banner is on every page of the nav, naming this hub and the other one', async () => {
    const { page } = ctx().tab;
    await page.goto('/business-continuity/overview');
    await settled(page);
    const thisHub = (await page.locator('[data-testid="hub-cluster-id"]').innerText()).trim();
    for (const { id, href } of NAV) {
      await navLink(page, id).click();
      await page.waitForURL((url) => url.pathname.startsWith(href));
      await settled(page);
      const banner = page.locator('[data-testid="collision-banner"]');
      await banner.waitFor({ timeout: 30_000 });
      expect(await banner.count()).toBe(1);
      expect(await banner.locator('[data-testid="collision-this-hub"]').innerText()).toContain(thisHub);
      expect((await banner.locator('[data-testid="collision-other-hubs"]').innerText()).trim()).toMatch(/^[0-9a-f-]{36}$/);
      await ctx().tab.screenshot(`collision-banner-${id.replace(/^business-continuity-/, '')}`);
    }
  });

  test('the collision view draws one lane per writing hub and shows who wrote last', async () => {
    const { page } = ctx().tab;
    await page.locator('[data-testid="collision-banner"] [data-testid="collision-view-link"]').click();
    await page.waitForURL((url) => url.pathname === '/business-continuity/overview/collision');
    await page.locator('[data-testid="writer-lanes"]').waitFor();
    // Under load the chart can paint before the last watch event: wait for both hubs' lanes.
    await page.locator('[data-testid="writer-lane"]').nth(1).waitFor({ timeout: 30_000 });
    const lanes = await page.locator('[data-testid="writer-lane"]').evaluateAll((ls) =>
      ls.map((l) => ({ thisHub: l.getAttribute('data-this-hub'), wroteLast: l.getAttribute('data-wrote-last') })),
    );
    expect(lanes).toEqual([
      { thisHub: 'true', wroteLast: 'false' },
      { thisHub: 'false', wroteLast: 'true' },
    ]);
    // The banner stays, without a link to the page it is on.
    expect(await page.locator('[data-testid="collision-view-link"]').count()).toBe(0);
    await ctx().tab.screenshot('collision-view-en');
  });

  test('the viewer sees both actions disabled, with the reason', async () => {
    const { harness, tab } = ctx();
    await tab.context.addCookies([{ name: 'harness-user', value: 'viewer', url: harness.url }]);
    await tab.page.reload();
    const recreate = tab.page.locator('[data-testid="recreate-schedule"]');
    await recreate.waitFor();
    await tab.page.waitForFunction(() => document.querySelector('[data-testid="recreate-schedule"]')?.getAttribute('data-disabled-reason')?.includes('permission'));
    expect(await tab.page.locator('[data-testid="delete-schedule"]').getAttribute('data-disabled-reason')).toContain('permission');
    await tab.context.addCookies([{ name: 'harness-user', value: 'admin', url: harness.url }]);
    await tab.page.reload();
  });

  test('the admin recreates the collided schedule: it is deleted, then created again with the same spec', async () => {
    const { page } = ctx().tab;
    const calls: string[] = [];
    page.on('request', (r) => {
      if (/\/backupschedules/.test(r.url()) && r.method() !== 'GET') calls.push(`${r.method()} ${r.postData() ?? ''}`);
    });
    const button = page.locator('[data-testid="recreate-schedule"]');
    await page.waitForFunction(() => !document.querySelector('[data-testid="recreate-schedule"]')?.getAttribute('data-disabled-reason'));
    await button.click();
    await page.locator('#recreate-confirm-primary').check();
    await page.locator('#recreate-typed-name').fill('schedule-acm');
    await page.locator('[data-testid="recreate-submit"]').click();
    await page.locator('[data-testid="recreate-done"]').waitFor({ timeout: 30_000 });
    expect(calls.map((c) => c.split(' ')[0])).toEqual(['DELETE', 'POST']);
    const created = JSON.parse(calls[1].slice('POST '.length));
    expect(created).toMatchObject({ kind: 'BackupSchedule', metadata: { name: 'schedule-acm', namespace: 'open-cluster-management-backup' } });
    expect(created.spec.veleroSchedule).toBeTruthy();
    expect(created.status).toBeUndefined();
  });
});

withScenario('passive-sync', (ctx) => {
  test('the overview shows a passive hub kept in sync, and no collision', async () => {
    const { page } = ctx().tab;
    await page.goto('/business-continuity/overview');
    await settled(page);
    await page.locator('[data-testid="hub-role"]').waitFor();
    expect(await page.locator('[data-testid="hub-role"]').getAttribute('data-role')).toBe('passive');
    expect(await page.locator('[data-testid="hub-role-reason"]').innerText()).toContain('restore-acm-passive-sync');
    const all = await checks(page);
    expect(all.find((c) => c.id === 'syncRestore')?.status).toBe('pass');
    expect(all.find((c) => c.id === 'schedule')).toBeUndefined();
    expect(await page.locator('[data-testid="collision-banner"]').count()).toBe(0);
    await ctx().tab.screenshot('overview-passive-sync-en');
  });
});

withScenario('no-operator', (ctx) => {
  test('the overview explains what to install, not an error', async () => {
    const { page } = ctx().tab;
    await page.goto('/business-continuity/overview');
    await settled(page);
    const install = page.locator('[data-testid="install-operator"]');
    await install.waitFor();
    const text = await install.innerText();
    expect(text).toContain('cluster-backup');
    expect(text).toContain('MultiClusterHub');
    expect(text).toContain('DataProtectionApplication');
    expect(await page.locator('.pf-v6-c-alert.pf-m-danger').count()).toBe(0);
    await ctx().tab.screenshot('overview-no-operator-en');
  });

  test('the validation page says the policy is missing because the operator is not installed', async () => {
    const { page } = ctx().tab;
    await navLink(page, 'business-continuity-validation').click();
    await settled(page);
    expect(await page.locator('[data-testid="policy-missing"]').getAttribute('data-reason')).toBe('operator-not-installed');
    expect(await page.locator('[data-testid="policy-state"]').getAttribute('data-state')).toBe('missing');
  });
});
