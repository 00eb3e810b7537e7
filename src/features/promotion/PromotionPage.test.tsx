import * as fs from 'fs';
import * as path from 'path';
import * as yaml from 'js-yaml';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { k8sCreate, k8sGet, k8sPatch, sdkMock } from '../../../test/mocks/sdk';
import { SHARED_DIR } from '../../../test/support/crds';
import { PROMOTION_ACTION } from '../../insight/promotion';
import { BackupScheduleModel, gvkOf, RestoreModel } from '../../k8s/models';
import { ANNOTATIONS, BACKUP_NAMESPACE } from '../../k8s/names';
import type { Restore, RestoreSpec } from '../../k8s/types';
import { buildRestore, presetInput } from '../../operand/restore';
import { escapePointerSegment } from '../../operand/patch';
import { SCHEDULE_ANNOTATION } from './manifests';
import {
  aManagedCluster,
  aRestore,
  aSchedule,
  aSyncRestore,
  pageAt,
  primaryBackups,
  renderPage,
  seedHub,
  seedPassiveHub,
  THIS_HUB,
} from './testing';

const create = k8sCreate as jest.Mock;
const patch = k8sPatch as jest.Mock;
const get = k8sGet as jest.Mock;

const USER = 'alice@example.com';

/** The API server answers the SelfSubjectReview with the user; everything else is echoed back. */
const answerWhoAmI = () =>
  create.mockImplementation(async ({ model, data }: { model: { kind: string }; data: unknown }) =>
    model.kind === 'SelfSubjectReview' ? { status: { userInfo: { username: USER } } } : data,
  );

const createCallsOf = (kind: string) => create.mock.calls.filter(([arg]) => arg.model.kind === kind).map(([arg]) => arg);

const apiError = (code: number, reason: string, message: string) => ({ message, response: { status: code }, json: { kind: 'Status', code, reason, message } });

const flush = () => act(() => new Promise((r) => setTimeout(r, 0)));
const promoteButton = () => screen.getByTestId('promote-button');
const modal = () => screen.getByRole('dialog');
const modalPromote = () => within(modal()).getByRole('button', { name: 'Promote' });
const typeConfirm = (text: string) => fireEvent.change(document.getElementById('typed-confirm-input') as HTMLElement, { target: { value: text } });

const openModal = async () => {
  fireEvent.click(promoteButton());
  await screen.findByRole('dialog');
  // The user's name is asked for when the dialog opens.
  await waitFor(() => expect(screen.getByTestId('promote-recorded-as')).toHaveTextContent(USER));
};

/** The sample's spec (DESIGN §2) when the samples are beside the repository, else the operand's own. */
const activationSampleSpec = (): RestoreSpec => {
  const file = SHARED_DIR ? path.join(SHARED_DIR, 'samples', 'cluster-backup-operator', 'cluster_v1beta1_restore_passive_activate.yaml') : undefined;
  if (file && fs.existsSync(file)) return (yaml.load(fs.readFileSync(file, 'utf8')) as Restore).spec;
  return buildRestore(presetInput('activation')).spec;
};

beforeEach(() => answerWhoAmI());

describe('confirmation', () => {
  it('requires this hub\'s cluster id typed exactly', async () => {
    seedPassiveHub();
    renderPage();
    expect(promoteButton()).not.toHaveAttribute('aria-disabled', 'true');
    await openModal();
    expect(screen.getByTestId('promote-hub')).toHaveTextContent(THIS_HUB);
    expect(modalPromote()).toBeDisabled();
    // Every hub has a local-cluster: the name is not what is asked for.
    typeConfirm('local-cluster');
    expect(modalPromote()).toBeDisabled();
    typeConfirm(THIS_HUB.slice(0, -1));
    expect(modalPromote()).toBeDisabled();
    typeConfirm(THIS_HUB);
    expect(modalPromote()).toBeEnabled();
    expect(patch).not.toHaveBeenCalled();
  });

  it('lists the five steps in order, with the schedule as edited', async () => {
    seedPassiveHub();
    renderPage();
    fireEvent.change(document.getElementById('promotion-schedule-cron') as HTMLElement, { target: { value: '30 */2 * * *' } });
    await openModal();
    const items = within(screen.getByTestId('consequences')).getAllByRole('listitem');
    expect(items).toHaveLength(5);
    expect(screen.getByTestId('consequences').tagName).toBe('OL');
    expect(items[0]).toHaveTextContent('Set veleroManagedClustersBackupName to latest on restore restore-acm-passive-sync');
    expect(items[3]).toHaveTextContent('Create BackupSchedule schedule-acm (30 */2 * * *, backups kept 120h)');
  });
});

describe('activating the sync restore', () => {
  it('patches managed clusters to latest with the test, and records reason, user, time, action and the schedule', async () => {
    seedPassiveHub();
    renderPage();
    fireEvent.change(document.getElementById('promotion-schedule-ttl') as HTMLElement, { target: { value: '72h' } });
    await openModal();
    fireEvent.change(document.getElementById('promotion-reason') as HTMLElement, { target: { value: 'Primary data center lost' } });
    typeConfirm(THIS_HUB);
    const before = Date.now();
    fireEvent.click(modalPromote());
    await waitFor(() => expect(patch).toHaveBeenCalledTimes(1));
    const { model, resource, data } = patch.mock.calls[0][0];
    expect(model).toBe(RestoreModel);
    expect(resource.metadata.name).toBe('restore-acm-passive-sync');
    expect(data.slice(0, 2)).toEqual([
      { op: 'test', path: '/spec/veleroManagedClustersBackupName', value: 'skip' },
      { op: 'replace', path: '/spec/veleroManagedClustersBackupName', value: 'latest' },
    ]);
    // The restore had no annotations: one `add` of the whole map.
    expect(data).toHaveLength(3);
    expect(data[2].op).toBe('add');
    expect(data[2].path).toBe('/metadata/annotations');
    const annotations = data[2].value as Record<string, string>;
    expect(annotations[ANNOTATIONS.action]).toBe(PROMOTION_ACTION);
    expect(annotations[ANNOTATIONS.actionReason]).toBe('Primary data center lost');
    expect(annotations[ANNOTATIONS.actionUser]).toBe(USER);
    const time = Date.parse(annotations[ANNOTATIONS.actionTime]);
    expect(time).toBeGreaterThanOrEqual(before - 1000);
    expect(time).toBeLessThanOrEqual(Date.now());
    expect(JSON.parse(annotations[SCHEDULE_ANNOTATION])).toEqual({
      name: 'schedule-acm',
      namespace: BACKUP_NAMESPACE,
      veleroSchedule: '0 */1 * * *',
      veleroTtl: '72h',
    });
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    // Until the watch reports it, the button stays disabled: a second promotion cannot start.
    expect(promoteButton()).toHaveAttribute('aria-disabled', 'true');
    expect(createCallsOf('Restore')).toHaveLength(0);
    expect(createCallsOf('BackupSchedule')).toHaveLength(0);
  });

  it('adds to existing annotations without dropping them, and leaves out an empty reason', async () => {
    const { backups, newest } = primaryBackups(new Date());
    seedHub({ restores: [aSyncRestore(newest, {}, {}, { 'example.com/owner': 'dr-team' })], backups });
    renderPage();
    await openModal();
    typeConfirm(THIS_HUB);
    fireEvent.click(modalPromote());
    await waitFor(() => expect(patch).toHaveBeenCalledTimes(1));
    const ops = patch.mock.calls[0][0].data as { op: string; path: string; value: string }[];
    const paths = ops.map((o) => o.path);
    expect(paths).not.toContain('/metadata/annotations');
    expect(paths).toContain(`/metadata/annotations/${escapePointerSegment(ANNOTATIONS.action)}`);
    expect(paths).toContain(`/metadata/annotations/${escapePointerSegment(ANNOTATIONS.actionUser)}`);
    expect(paths).not.toContain(`/metadata/annotations/${escapePointerSegment(ANNOTATIONS.actionReason)}`);
  });

  it('treats a failed test as done when the restore was activated meanwhile (second tab)', async () => {
    seedPassiveHub();
    patch.mockRejectedValue(apiError(422, 'Invalid', 'the server rejected our request due to an error in our request'));
    get.mockResolvedValue({ ...aSyncRestore(new Date(), { veleroManagedClustersBackupName: 'latest' }) });
    renderPage();
    await openModal();
    typeConfirm(THIS_HUB);
    fireEvent.click(modalPromote());
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(patch).toHaveBeenCalledTimes(1);
  });

  it('shows the reason when the patch fails for another cause, and keeps the dialog open', async () => {
    seedPassiveHub();
    patch.mockRejectedValue(apiError(403, 'Forbidden', 'restores.cluster.open-cluster-management.io is forbidden'));
    get.mockResolvedValue(aSyncRestore(new Date()));
    renderPage();
    await openModal();
    typeConfirm(THIS_HUB);
    fireEvent.click(modalPromote());
    expect(await within(modal()).findByText(/You do not have permission to patch restores.cluster.open-cluster-management.io/)).toBeInTheDocument();
  });
});

describe('creating the activation restore after a one-time passive restore', () => {
  const seedOneTime = () => {
    const { backups } = primaryBackups(new Date());
    seedHub({ restores: [aRestore('restore-acm-passive', {}, { phase: 'Finished' })], backups });
  };

  it('creates the sample\'s restore with the audit annotations', async () => {
    seedOneTime();
    renderPage();
    await openModal();
    fireEvent.change(document.getElementById('promotion-reason') as HTMLElement, { target: { value: 'DR drill' } });
    typeConfirm(THIS_HUB);
    fireEvent.click(modalPromote());
    await waitFor(() => expect(createCallsOf('Restore')).toHaveLength(1));
    const { model, data } = createCallsOf('Restore')[0];
    expect(model).toBe(RestoreModel);
    expect(data.spec).toStrictEqual(activationSampleSpec());
    expect(data.metadata.name).toBe('restore-acm-passive-activate');
    expect(data.metadata.namespace).toBe(BACKUP_NAMESPACE);
    expect(data.metadata.annotations).toMatchObject({
      [ANNOTATIONS.action]: PROMOTION_ACTION,
      [ANNOTATIONS.actionReason]: 'DR drill',
      [ANNOTATIONS.actionUser]: USER,
    });
    expect(JSON.parse(data.metadata.annotations[SCHEDULE_ANNOTATION]).veleroSchedule).toBe('0 */1 * * *');
    expect(patch).not.toHaveBeenCalled();
  });

  it('treats AlreadyExists as done when the existing restore is this promotion\'s', async () => {
    seedOneTime();
    create.mockImplementation(async ({ model, data }: { model: { kind: string }; data: unknown }) => {
      if (model.kind === 'SelfSubjectReview') return { status: { userInfo: { username: USER } } };
      throw apiError(409, 'AlreadyExists', 'restores "restore-acm-passive-activate" already exists');
      return data;
    });
    get.mockResolvedValue(aRestore('restore-acm-passive-activate', { veleroManagedClustersBackupName: 'latest' }, undefined, { annotations: { [ANNOTATIONS.action]: PROMOTION_ACTION } }));
    renderPage();
    await openModal();
    typeConfirm(THIS_HUB);
    fireEvent.click(modalPromote());
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('refuses AlreadyExists when someone else\'s restore has the name', async () => {
    seedOneTime();
    create.mockImplementation(async ({ model }: { model: { kind: string } }) => {
      if (model.kind === 'SelfSubjectReview') return { status: { userInfo: { username: USER } } };
      throw apiError(409, 'AlreadyExists', 'restores "restore-acm-passive-activate" already exists');
    });
    get.mockResolvedValue(aRestore('restore-acm-passive-activate', {}, undefined));
    renderPage();
    await openModal();
    typeConfirm(THIS_HUB);
    fireEvent.click(modalPromote());
    expect(await within(modal()).findByText(/already exists/)).toBeInTheDocument();
  });
});

describe('preflight', () => {
  it('disables Promote with the reasons while a required check fails', async () => {
    seedPassiveHub({ storage: 'Unavailable' });
    sdkMock.setAccess((a) => a.verb !== 'create' && a.verb !== 'patch');
    renderPage();
    expect(promoteButton()).toHaveAttribute('aria-disabled', 'true');
    const reason = screen.getByTestId('promote-disabled-reason');
    expect(reason).toHaveTextContent('Storage location available');
    expect(reason).toHaveTextContent('You may activate restores and create schedules');
    expect(screen.getByTestId('preflight-storageLocation')).toHaveAttribute('data-status', 'fail');
    expect(within(screen.getByTestId('preflight-permissions')).getByTestId('preflight-detail')).toHaveTextContent(
      'You may not: patch restores, create backupschedules',
    );
    fireEvent.click(promoteButton());
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('keeps the checks in their fixed order, required ones first', () => {
    seedPassiveHub();
    renderPage();
    const ids = within(screen.getByTestId('preflight'))
      .getAllByRole('listitem')
      .map((li) => li.getAttribute('data-testid'));
    expect(ids.slice(0, 5)).toEqual(['preflight-passive', 'preflight-storageLocation', 'preflight-managedClustersBackup', 'preflight-noOtherRestore', 'preflight-permissions']);
  });

  it('does not open the confirmation while the schedule is invalid', () => {
    seedPassiveHub();
    renderPage();
    fireEvent.change(document.getElementById('promotion-schedule-cron') as HTMLElement, { target: { value: '61 * * * *' } });
    expect(screen.getByTestId('cron-error')).toBeInTheDocument();
    expect(promoteButton()).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByTestId('promote-disabled-reason')).toHaveTextContent('Correct the schedule');
  });

  it('explains that promotion does not apply on a primary hub, and links to the overview', () => {
    seedHub({ restores: [], schedules: [aSchedule('schedule-acm', 'Enabled')] });
    renderPage();
    const alert = screen.getByTestId('promotion-not-applicable');
    expect(alert).toHaveTextContent('Primary hub');
    expect(within(alert).getByRole('link')).toHaveAttribute('href', '/business-continuity/overview');
    expect(screen.queryByTestId('schedule-fields')).not.toBeInTheDocument();
    expect(promoteButton()).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByTestId('preflight-passive')).toHaveAttribute('data-status', 'fail');
    // Advice about an old primary means nothing on a primary hub.
    expect(screen.queryByTestId('preflight-oldPrimaryStopped')).not.toBeInTheDocument();
  });
});

describe('page states', () => {
  it('says the operator is not installed when the Restore API is not served', () => {
    seedPassiveHub();
    sdkMock.setWatchError(gvkOf(RestoreModel), apiError(404, 'NotFound', 'the server could not find the requested resource'));
    renderPage();
    expect(screen.getByTestId('not-installed')).toBeInTheDocument();
    expect(screen.queryByTestId('promote-button')).not.toBeInTheDocument();
  });

  it('says so when the user may not read restores, rather than showing checks it cannot make', () => {
    seedPassiveHub();
    sdkMock.setWatchError(gvkOf(RestoreModel), apiError(403, 'Forbidden', 'restores is forbidden'));
    renderPage();
    expect(screen.getByTestId('forbidden')).toBeInTheDocument();
    expect(screen.queryByTestId('preflight')).not.toBeInTheDocument();
  });
});

describe('resuming from the cluster state', () => {
  const stored = { name: 'schedule-acm', namespace: BACKUP_NAMESPACE, veleroSchedule: '15 */2 * * *', veleroTtl: '96h', useManagedServiceAccount: true };
  const requested = {
    [ANNOTATIONS.action]: PROMOTION_ACTION,
    [ANNOTATIONS.actionUser]: 'bob',
    [ANNOTATIONS.actionTime]: '2025-06-01T10:00:00Z',
    [ANNOTATIONS.actionReason]: 'region outage',
    [SCHEDULE_ANNOTATION]: JSON.stringify(stored),
  };
  const activated = (phase: string) =>
    aSyncRestore(new Date(), { veleroManagedClustersBackupName: 'latest' }, { phase, lastMessage: 'All Velero restores have run successfully' }, requested);

  it('shows step 4 as current and creates the stored schedule once', async () => {
    seedHub({ restores: [activated('Finished')], clusters: [aManagedCluster('prod-east', true), aManagedCluster('prod-west', true)] });
    const view = renderPage();
    expect(screen.getByTestId('promotion-progress')).toHaveAttribute('data-current', 'schedule');
    expect(screen.getByTestId('train-step-activate')).toHaveAttribute('data-status', 'done');
    expect(screen.getByTestId('train-step-restore')).toHaveAttribute('data-status', 'done');
    expect(screen.getByTestId('train-step-reconnect')).toHaveAttribute('data-status', 'done');
    expect(screen.getByTestId('train-step-schedule')).toHaveAttribute('data-status', 'active');
    expect(screen.getByTestId('promotion-request')).toHaveTextContent('requested by bob');
    expect(screen.getByTestId('promotion-request')).toHaveTextContent('region outage');
    await waitFor(() => expect(createCallsOf('BackupSchedule')).toHaveLength(1));
    await flush();
    const { model, data } = createCallsOf('BackupSchedule')[0];
    expect(model).toBe(BackupScheduleModel);
    expect(data.metadata).toEqual({
      name: 'schedule-acm',
      namespace: BACKUP_NAMESPACE,
      annotations: {
        [ANNOTATIONS.action]: PROMOTION_ACTION,
        [ANNOTATIONS.actionUser]: 'bob',
        [ANNOTATIONS.actionTime]: '2025-06-01T10:00:00Z',
        [ANNOTATIONS.actionReason]: 'region outage',
      },
    });
    expect(data.spec).toEqual({ veleroSchedule: '15 */2 * * *', veleroTtl: '96h', useManagedServiceAccount: true });
    // The watch reporting the restore again, as new objects, does not create it again.
    seedHub({ restores: [activated('Finished')], clusters: [aManagedCluster('prod-east', true), aManagedCluster('prod-west', true)] });
    view.rerender(pageAt());
    seedHub({ restores: [activated('Finished')], clusters: [aManagedCluster('prod-east', true), aManagedCluster('prod-west', true)] });
    view.rerender(pageAt());
    await flush();
    expect(createCallsOf('BackupSchedule')).toHaveLength(1);
  });

  it('creates the schedule while clusters are still reconnecting', async () => {
    seedHub({ restores: [activated('Finished')], clusters: [aManagedCluster('prod-east', true), aManagedCluster('prod-west', false)] });
    renderPage();
    expect(screen.getByTestId('promotion-progress')).toHaveAttribute('data-current', 'reconnect');
    expect(screen.getByTestId('train-step-reconnect')).toHaveAttribute('data-status', 'active');
    expect(screen.getByTestId('train-step-schedule')).toHaveAttribute('data-status', 'active');
    expect(screen.getByTestId('step-reconnect-detail')).toHaveTextContent('1 of 2 managed clusters are available; waiting for: prod-west.');
    await waitFor(() => expect(createCallsOf('BackupSchedule')).toHaveLength(1));
    await flush();
  });

  it('shows what auto-import did, and counts a cluster the operator cannot import as needing a manual import', async () => {
    const restore = activated('Finished');
    restore.status = { ...restore.status, messages: ['Cannot reimport cluster prod-west, no serverUrl property', 'Created auto-import-secret for (prod-east)'] };
    seedHub({ restores: [restore], clusters: [aManagedCluster('prod-east', true), aManagedCluster('prod-west', false)] });
    renderPage();
    expect(screen.getByTestId('train-step-reconnect')).toHaveAttribute('data-status', 'done');
    expect(screen.getByTestId('step-reconnect-detail')).toHaveTextContent('these need a manual import: prod-west');
    const results = within(screen.getByTestId('auto-import-messages')).getAllByRole('listitem');
    expect(results[0]).toHaveTextContent('prod-west cannot be imported automatically: its ManagedCluster has no API server URL.');
    expect(results[0]).toHaveTextContent('What to do:');
    expect(results[1]).toHaveTextContent('Created an auto-import-secret for prod-east');
    await waitFor(() => expect(createCallsOf('BackupSchedule')).toHaveLength(1));
    await flush();
  });

  it('waits for the restore to finish before creating the schedule', async () => {
    seedHub({ restores: [activated('Running')] });
    renderPage();
    expect(screen.getByTestId('promotion-progress')).toHaveAttribute('data-current', 'restore');
    expect(screen.getByTestId('train-step-restore')).toHaveAttribute('data-status', 'active');
    expect(screen.getByTestId('schedule-step-stored')).toHaveTextContent('15 */2 * * *');
    await flush();
    expect(createCallsOf('BackupSchedule')).toHaveLength(0);
  });

  it('treats AlreadyExists as done when the existing schedule is this promotion\'s', async () => {
    seedHub({ restores: [activated('Finished')] });
    create.mockImplementation(async ({ model }: { model: { kind: string } }) => {
      throw apiError(409, 'AlreadyExists', `backupschedules "schedule-acm" already exists (${model.kind})`);
    });
    get.mockResolvedValue(aSchedule('schedule-acm', 'New', { [ANNOTATIONS.action]: PROMOTION_ACTION }));
    renderPage();
    await waitFor(() => expect(get).toHaveBeenCalled());
    await flush();
    expect(screen.queryByTestId('schedule-step-failed')).not.toBeInTheDocument();
    expect(createCallsOf('BackupSchedule')).toHaveLength(1);
  });

  it('stops with the reason and the command when someone else\'s schedule has the name', async () => {
    seedHub({ restores: [activated('Finished')] });
    create.mockRejectedValue(apiError(409, 'AlreadyExists', 'backupschedules "schedule-acm" already exists'));
    get.mockResolvedValue(aSchedule('schedule-acm', 'Enabled'));
    renderPage();
    const failed = await screen.findByTestId('schedule-step-failed');
    expect(failed).toHaveTextContent('already exists');
    expect(screen.getByTestId('train-step-schedule')).toHaveAttribute('data-status', 'failed');
    expect(within(failed).getByTestId('command-block')).toHaveTextContent('kind: BackupSchedule');
  });

  it('does not create the schedule for a user who may not, and shows the command instead', async () => {
    seedHub({ restores: [activated('Finished')] });
    sdkMock.setAccess((a) => a.verb !== 'create');
    renderPage();
    expect(await screen.findByTestId('schedule-step-waiting-admin')).toBeInTheDocument();
    await flush();
    expect(createCallsOf('BackupSchedule')).toHaveLength(0);
  });

  it('stops at a failed restore with the command to continue', () => {
    seedHub({ restores: [aSyncRestore(new Date(), { veleroManagedClustersBackupName: 'latest' }, { phase: 'Error', lastMessage: 'Backup x Not found for resource type: managedClusters' }, requested)] });
    renderPage();
    const failed = screen.getByTestId('promotion-failed');
    expect(failed).toHaveTextContent('step 2');
    expect(failed).toHaveTextContent('Backup x Not found');
    expect(within(failed).getByTestId('command-block')).toHaveTextContent('oc describe restore.cluster.open-cluster-management.io restore-acm-passive-sync');
    expect(screen.getByTestId('train-step-restore')).toHaveAttribute('data-status', 'failed');
  });

  it('asks for the schedule when the activation was started elsewhere', async () => {
    const { backups } = primaryBackups(new Date());
    seedHub({ restores: [aSyncRestore(new Date(), { veleroManagedClustersBackupName: 'latest' }, { phase: 'Finished' })], backups });
    renderPage();
    expect(screen.getByTestId('schedule-step-manual')).toBeInTheDocument();
    await flush();
    expect(createCallsOf('BackupSchedule')).toHaveLength(0);
    fireEvent.click(within(screen.getByTestId('schedule-step-manual')).getByRole('button', { name: 'Create BackupSchedule' }));
    await waitFor(() => expect(createCallsOf('BackupSchedule')).toHaveLength(1));
    const { data } = createCallsOf('BackupSchedule')[0];
    expect(data.spec.veleroSchedule).toBe('0 */1 * * *');
    expect(data.metadata.annotations[ANNOTATIONS.actionUser]).toBe(USER);
    expect(data.metadata.annotations[ANNOTATIONS.action]).toBe(PROMOTION_ACTION);
  });

  it('shows the promotion as done once the schedule is Enabled and wrote a backup of this hub', () => {
    const { backups } = primaryBackups(new Date(Date.now() - 3 * 3600_000));
    const ownBackups = primaryBackups(new Date()).backups.map((b) => ({
      ...b,
      metadata: { ...b.metadata, labels: { ...b.metadata?.labels, 'cluster.open-cluster-management.io/backup-cluster': THIS_HUB } },
    }));
    const schedule = aSchedule('schedule-acm', 'Enabled', { [ANNOTATIONS.action]: PROMOTION_ACTION });
    schedule.metadata!.creationTimestamp = new Date(Date.now() - 2 * 3600_000).toISOString();
    seedHub({ restores: [activated('Finished')], schedules: [schedule], backups: [...backups, ...ownBackups] });
    renderPage();
    expect(screen.getByTestId('promotion-progress')).toHaveAttribute('data-current', 'done');
    expect(screen.getByTestId('promotion-done')).toBeInTheDocument();
  });
});
