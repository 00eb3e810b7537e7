import type { Browser, Page } from 'playwright-core';
import { USER_COOKIE } from '../harness/server';
import { launchBrowser, openPage, type Problems, type TrackedPage } from './browser';
import { startScenario, type ScenarioHarness } from './harness';

/**
 * The restore pages in the console harness against the hub simulator: a full restore created
 * with the wizard on a new hub, its timeline filling in while the operator works; a passive sync
 * restore picking up new backups as the primary writes them (time-scaled); failed and partially
 * failed restores explained; and a read-only user kept from every action.
 */

const RESTORES = '/business-continuity/restores';

/**
 * PatternFly's WizardBody (6.2) debounces a resize handler by 250 ms and does not cancel it on
 * unmount. React 17 runs effect cleanups after the DOM is gone, so the removal itself can trigger
 * the handler, and leaving the wizard then logs this development-build warning. Production React
 * prints nothing and React 18 dropped the warning; every other console error still fails a test.
 */
const KNOWN_UPSTREAM_WARNING = /^Warning: Can't perform a React state update on an unmounted component\.[\s\S]*\bat WizardBody\b/;

const seen = (problems: Problems) => {
  const copy = {
    pageErrors: [...problems.pageErrors],
    consoleErrors: problems.consoleErrors.filter((e) => !KNOWN_UPSTREAM_WARNING.test(e)),
    failedRequests: [...problems.failedRequests],
  };
  problems.pageErrors.length = 0;
  problems.consoleErrors.length = 0;
  problems.failedRequests.length = 0;
  return copy;
};

const timelineTitles = (page: Page) => page.locator('[data-testid="timeline-item"] .bc-timeline__title').allInnerTexts();

/** The newest timeline entry: the restore's current status once it has one. */
const currentStatus = (page: Page) => page.locator('[data-testid="timeline-item"]').last().locator('.bc-timeline__title').innerText();

type Setup = { harness?: ScenarioHarness; browser?: Browser; tab?: TrackedPage };

const useScenario = (scenario: string, timeScale?: number): Setup => {
  const setup: Setup = {};
  beforeAll(async () => {
    [setup.harness, setup.browser] = await Promise.all([startScenario(scenario, timeScale ? { timeScale } : {}), launchBrowser()]);
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

describe('new-hub: a full restore created with the wizard', () => {
  // Ten simulated seconds per second: the Velero restores of a full restore take minutes.
  const setup = useScenario('new-hub', 10);

  test('the wizard checks, creates, and the timeline fills in until the restore has finished', async () => {
    const { page } = setup.tab as TrackedPage;
    await page.goto(RESTORES);
    await page.getByTestId('empty-state').waitFor();
    await page.getByRole('button', { name: 'Create restore' }).first().click();
    await page.waitForURL(`**${RESTORES}/create`);

    await page.locator('#restore-preset-full').check();
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    // The other hub's backups are offered by name, with their age and writer.
    const options = await page.getByTestId('backup-veleroManagedClustersBackupName').locator('option').allInnerTexts();
    expect(options.filter((o) => o.startsWith('acm-managed-clusters-schedule-')).length).toBeGreaterThan(1);
    expect(options.find((o) => o.startsWith('acm-managed-clusters-schedule-'))).toMatch(/written by hub /);
    await page.getByRole('button', { name: 'Next', exact: true }).click();

    const preflight = page.getByTestId('preflight');
    await preflight.waitFor();
    expect(await preflight.locator('[data-status="error"]').count()).toBe(0);
    expect(await preflight.locator('[data-check="schedule"]').getAttribute('data-status')).toBe('pass');
    await expect(page.getByTestId('yaml-preview').innerText()).resolves.toContain('veleroManagedClustersBackupName: latest');
    await (setup.tab as TrackedPage).screenshot('restores-new-hub-review');
    await page.getByRole('button', { name: 'Create', exact: true }).click();

    await page.waitForURL(new RegExp(`${RESTORES}/restore-acm-\\d{8}t\\d{4}$`));
    await page.getByTestId('timeline').waitFor();
    const first = await timelineTitles(page);
    expect(first[0]).toMatch(/^Restore restore-acm-\d{8}t\d{4} created$/);

    // Live: the Velero restores appear, run and complete without a reload.
    await page.waitForFunction(
      () => /Finished/.test(document.querySelector('[data-testid="restore-phase"] .pf-v6-c-label')?.textContent ?? ''),
      null,
      { timeout: 150_000, polling: 1000 },
    );
    const last = await timelineTitles(page);
    expect(last.length).toBeGreaterThan(first.length);
    for (const schedule of ['acm-credentials-schedule', 'acm-resources-schedule', 'acm-managed-clusters-schedule']) {
      expect(last.some((t) => new RegExp(`^Velero restore restore-acm-\\d{8}t\\d{4}-${schedule}-\\d{14} (completed|partially failed)$`).test(t))).toBe(true);
    }
    expect(await currentStatus(page)).toMatch(/^Finished/);
    // Each Velero restore can be inspected with oc.
    const commands = await page.locator('[data-testid="copy-command"] input').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
    expect(commands.some((c) => /^oc describe restore\.cluster\.open-cluster-management\.io restore-acm-\d{8}t\d{4} -n open-cluster-management-backup$/.test(c))).toBe(true);
    expect(commands.filter((c) => c.startsWith('oc describe restore.velero.io ')).length).toBeGreaterThanOrEqual(3);
    await (setup.tab as TrackedPage).screenshot('restores-new-hub-finished');

    // The history now lists it, finished, with the backups it used.
    await page.getByRole('link', { name: 'Back to restores' }).click();
    const row = page.locator('[data-testid^="restore-row-restore-acm-"]');
    await row.waitFor();
    await expect(row.innerText()).resolves.toMatch(/Full restore[\s\S]*Finished/);
    await expect(row.innerText()).resolves.toMatch(/Managed clusters/);
  });
});

describe('passive-sync: the passive data follows the primary\'s new backups', () => {
  // The primary writes hourly and the restore syncs every 10 minutes: at 120× that is every 30 s and 5 s.
  const setup = useScenario('passive-sync', 120);

  const restoredCredentials = async (page: Page) =>
    (await page.getByTestId('restore-summary').innerText()).match(/Credentials: (acm-credentials-schedule-\d{14})/)?.[1];

  test('the credentials backup the restore used changes when a newer one appears', async () => {
    const { page } = setup.tab as TrackedPage;
    await page.goto(RESTORES);
    const row = page.getByTestId('restore-row-restore-acm-passive-sync');
    await row.waitFor();
    await expect(row.innerText()).resolves.toMatch(/Passive restore, kept in sync[\s\S]*Syncing[\s\S]*Passive data as of/);
    expect(await row.getByRole('button', { name: 'Activate' }).isEnabled()).toBe(true);

    await row.getByRole('link', { name: 'restore-acm-passive-sync' }).click();
    await page.getByTestId('restore-summary').waitFor();
    const before = await restoredCredentials(page);
    expect(before).toBeDefined();
    await page.waitForFunction(
      (name) => {
        const text = document.querySelector('[data-testid="restore-summary"]')?.textContent ?? '';
        const now = /Credentials: (acm-credentials-schedule-\d{14})/.exec(text)?.[1];
        return now !== undefined && now !== name;
      },
      before,
      { timeout: 120_000, polling: 1000 },
    );
    const after = await restoredCredentials(page);
    expect((after as string) > (before as string)).toBe(true);
    // While it restores the new backups the restore is Running; then it goes back to syncing.
    await page.waitForFunction(() => /Syncing/.test(document.querySelector('[data-testid="restore-phase"] .pf-v6-c-label')?.textContent ?? ''), null, {
      timeout: 60_000,
      polling: 500,
    });
    await (setup.tab as TrackedPage).screenshot('restores-passive-sync-resynced');
  });
});

describe('restore-failed: failures explained, and a read-only user', () => {
  const setup = useScenario('restore-failed');

  test('a restore in Error says what failed and what to check', async () => {
    const { page } = setup.tab as TrackedPage;
    await page.goto(RESTORES);
    const failed = page.getByTestId('restore-row-restore-acm-activate');
    await failed.waitFor();
    await expect(failed.locator('[data-severity]').first().getAttribute('data-severity')).resolves.toBe('critical');
    await expect(failed.innerText()).resolves.toMatch(/Failed[\s\S]*was not found for type managedClusters/);

    await failed.getByRole('link', { name: 'restore-acm-activate' }).click();
    const phase = page.getByTestId('restore-phase');
    await phase.waitFor();
    await expect(phase.innerText()).resolves.toMatch(/What to check:[\s\S]*has not expired/);
    await (setup.tab as TrackedPage).screenshot('restores-failed-error');
  });

  test('a PartiallyFailed Velero restore of an empty backup is explained as harmless', async () => {
    const { page } = setup.tab as TrackedPage;
    await page.goto(`${RESTORES}/restore-acm-passive`);
    const phase = page.getByTestId('restore-phase');
    await phase.waitFor();
    await expect(phase.innerText()).resolves.toMatch(/Finished with errors[\s\S]*hold no items[\s\S]*nothing is missing/);
    expect(await phase.locator('[data-severity]').first().getAttribute('data-severity')).toBe('healthy');
    await expect(timelineTitles(page)).resolves.toEqual(expect.arrayContaining([expect.stringMatching(/acm-resources-generic-schedule-\d{14} partially failed$/)]));
  });

  test('a read-only user sees every action disabled, with the reason', async () => {
    const tab = setup.tab as TrackedPage;
    await tab.context.addCookies([{ name: USER_COOKIE, value: 'viewer', url: (setup.harness as ScenarioHarness).url }]);
    await tab.page.goto(RESTORES);
    const row = tab.page.getByTestId('restore-row-restore-acm-passive');
    await row.waitFor();
    const remove = row.getByRole('button', { name: 'Delete' });
    await tab.page.waitForFunction(() => document.querySelector('[data-testid="restore-row-restore-acm-passive"] button[data-disabled-reason]') !== null);
    expect(await remove.getAttribute('aria-disabled')).toBe('true');
    expect(await remove.getAttribute('data-disabled-reason')).toBe('You do not have permission to delete restores in namespace open-cluster-management-backup.');
    expect(await tab.page.getByRole('button', { name: 'Create restore' }).getAttribute('aria-disabled')).toBe('true');
    await tab.screenshot('restores-viewer');
    await tab.context.clearCookies({ name: USER_COOKIE });
  });
});
