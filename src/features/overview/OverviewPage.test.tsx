import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
// Tests provide the router the console provides in production.
// eslint-disable-next-line @typescript-eslint/no-restricted-imports
import { MemoryRouter } from 'react-router-dom-v5-compat';
import { k8sCreate, k8sDelete } from '@openshift-console/dynamic-plugin-sdk';
import {
  BackupScheduleModel,
  BackupStorageLocationModel,
  DataProtectionApplicationModel,
  gvkOf,
  RestoreModel,
  VeleroBackupModel,
} from '../../k8s/models';
import { BACKUP_NAMESPACE } from '../../k8s/names';
import type { Restore } from '../../k8s/types';
import { buildBackupSchedule, formFromBackupSchedule } from '../../operand/backupSchedule';
import {
  activationRecord,
  backupSet,
  HOUR,
  ME,
  mock,
  OTHER,
  schedule,
  seedCollision,
  seedHealthyPrimary,
} from '../../components/__fixtures__/hub';
import OverviewPage from './OverviewPage';

const renderAt = (url = '/business-continuity/overview') =>
  render(
    <MemoryRouter initialEntries={[url]} future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
      <OverviewPage />
    </MemoryRouter>,
  );

const checkRow = (id: string) => screen.getAllByTestId('readiness-check').find((el) => el.getAttribute('data-check-id') === id) as HTMLElement;

const notFound = () => Object.assign(new Error('the server could not find the requested resource'), { response: { status: 404 }, json: { code: 404, reason: 'NotFound' } });
const serverError = () =>
  Object.assign(new Error('etcdserver: request timed out'), { response: { status: 500 }, json: { code: 500, message: 'etcdserver: request timed out' } });

describe('OverviewPage — readiness', () => {
  it('says "Ready to recover" for a healthy primary hub, with its role and cluster id', () => {
    seedHealthyPrimary();
    renderAt();
    expect(screen.getByTestId('readiness-verdict')).toHaveTextContent('Ready to recover');
    expect(screen.getByTestId('hub-role')).toHaveAttribute('data-role', 'primary');
    expect(screen.getByTestId('hub-role-reason')).toHaveTextContent('schedule-acm');
    expect(screen.getByTestId('hub-cluster-id')).toHaveTextContent(ME);
    expect(screen.queryByTestId('readiness-blockers')).not.toBeInTheDocument();
    expect(screen.queryAllByTestId('fix-link')).toHaveLength(0);
  });

  it('names the blockers in order and links each to the page that fixes it', () => {
    seedHealthyPrimary();
    mock.setResources(gvkOf(DataProtectionApplicationModel), []);
    mock.setResources(gvkOf(BackupStorageLocationModel), [{ metadata: { name: 'dpa-1', namespace: BACKUP_NAMESPACE }, status: { phase: 'Unavailable', message: 'access denied' } } as object]);
    renderAt();
    expect(screen.getByTestId('readiness-verdict')).toHaveTextContent('Not protected');
    expect(screen.getByTestId('readiness-blockers')).toHaveTextContent('DataProtectionApplication present, Backup storage location available');
    const ids = screen.getAllByTestId('readiness-check').map((el) => el.getAttribute('data-check-id'));
    expect(ids.indexOf('dataProtectionApplication')).toBeLessThan(ids.indexOf('storageLocation'));
    expect(within(checkRow('storageLocation')).getByText(/access denied/)).toBeInTheDocument();
    expect(within(checkRow('storageLocation')).getByTestId('fix-link')).toHaveAttribute('href', '/business-continuity/validation');
    expect(within(checkRow('dataProtectionApplication')).getByTestId('fix-link')).toHaveAttribute('href', '/business-continuity/validation');
  });

  it('says "At risk" when backups are late, and links to the schedules page', () => {
    seedHealthyPrimary({ backups: [...backupSet(30 * HOUR, ME), ...backupSet(29 * HOUR, ME)] });
    renderAt();
    expect(screen.getByTestId('readiness-verdict')).toHaveTextContent('At risk');
    expect(checkRow('backupFreshness')).toHaveAttribute('data-status', 'fail');
    expect(within(checkRow('backupFreshness')).getByTestId('fix-link')).toHaveAttribute('href', '/business-continuity/schedules');
  });

  it('never says ready while a source is still loading', () => {
    seedHealthyPrimary();
    mock.setResources(gvkOf(VeleroBackupModel), [], { loaded: false });
    renderAt();
    expect(screen.queryByTestId('readiness-verdict')).not.toBeInTheDocument();
    expect(screen.getByRole('progressbar')).toBeInTheDocument();
  });

  it('shows a passive hub with its sync restore', () => {
    const sync: Restore = {
      metadata: { name: 'restore-acm-passive-sync', namespace: BACKUP_NAMESPACE, creationTimestamp: new Date(Date.now() - 5 * HOUR).toISOString() },
      spec: {
        cleanupBeforeRestore: 'CleanupRestored',
        veleroManagedClustersBackupName: 'skip',
        veleroCredentialsBackupName: 'latest',
        veleroResourcesBackupName: 'latest',
        syncRestoreWithNewBackups: true,
        restoreSyncInterval: '10m',
      },
      status: { phase: 'Enabled', lastMessage: 'Velero restores have run to completion, restore will continue to sync with new backups' },
    };
    seedHealthyPrimary({ schedules: [], restores: [sync], backups: [...backupSet(HOUR, OTHER), ...backupSet(10 * 60_000, OTHER)] });
    renderAt();
    expect(screen.getByTestId('hub-role')).toHaveAttribute('data-role', 'passive');
    expect(screen.getByTestId('hub-role-reason')).toHaveTextContent('restore-acm-passive-sync');
    expect(checkRow('syncRestore')).toHaveAttribute('data-status', 'pass');
    expect(screen.queryByTestId('collision-banner')).not.toBeInTheDocument();
  });

  it('shows the latest backups and restores, and the last activation recorded in storage', () => {
    seedHealthyPrimary({ backups: [...backupSet(HOUR, ME), activationRecord(3 * HOUR, ME, OTHER)] });
    renderAt();
    expect(screen.getByTestId('latest-backups')).toHaveTextContent(ME);
    expect(screen.getByTestId('no-restores')).toBeInTheDocument();
    const activation = screen.getByTestId('last-activation');
    expect(activation).toHaveTextContent(`Hub ${ME} activated the managed clusters`);
    expect(activation).toHaveTextContent('this hub');
    expect(activation).toHaveTextContent(OTHER);
  });

  it('explains what to install when the backup operator is not installed, instead of an error', () => {
    seedHealthyPrimary();
    mock.setWatchError(gvkOf(BackupScheduleModel), Object.assign(new Error('Model does not exist'), { name: 'NoModelError' }));
    mock.setWatchError(gvkOf(RestoreModel), Object.assign(new Error('Model does not exist'), { name: 'NoModelError' }));
    renderAt();
    const install = screen.getByTestId('install-operator');
    expect(install).toHaveTextContent('cluster-backup');
    expect(install).toHaveTextContent('MultiClusterHub');
    expect(install).toHaveTextContent('DataProtectionApplication');
    expect(screen.queryByTestId('readiness-verdict')).not.toBeInTheDocument();
  });
});

describe('OverviewPage — collision view', () => {
  it('draws one lane per writing hub, marks this hub and the last writer', () => {
    seedCollision();
    renderAt('/business-continuity/overview/collision');
    const lanes = screen.getAllByTestId('writer-lane');
    expect(lanes.map((l) => l.getAttribute('data-hub-id'))).toEqual([ME, OTHER]);
    expect(lanes[0]).toHaveAttribute('data-this-hub', 'true');
    expect(lanes[1]).toHaveAttribute('data-wrote-last', 'true');
    // The banner stays, without a link to the page it is on.
    expect(screen.getByTestId('collision-banner')).toBeInTheDocument();
    expect(screen.queryByTestId('collision-view-link')).not.toBeInTheDocument();
  });

  it('shows a spinner, not an empty chart, while the backups load', () => {
    seedHealthyPrimary();
    mock.setResources(gvkOf(VeleroBackupModel), [], { loaded: false });
    renderAt('/business-continuity/overview/collision');
    expect(screen.queryByTestId('writer-lanes')).not.toBeInTheDocument();
    expect(screen.getByRole('progressbar')).toBeInTheDocument();
  });

  it('draws activation markers', () => {
    seedHealthyPrimary({ backups: [...backupSet(3 * HOUR, OTHER), activationRecord(2 * HOUR, ME, OTHER), ...backupSet(HOUR, ME)] });
    renderAt('/business-continuity/overview/collision');
    expect(screen.getAllByTestId('activation-marker')).toHaveLength(1);
    expect(screen.getByTestId('no-collision')).toBeInTheDocument();
  });

  it('deletes this hub\'s BackupSchedule only after its name is typed', async () => {
    seedCollision();
    renderAt('/business-continuity/overview/collision');
    fireEvent.click(screen.getByTestId('delete-schedule'));
    const dialog = screen.getByRole('dialog');
    const confirm = within(dialog).getByRole('button', { name: 'Delete' });
    expect(confirm).toBeDisabled();
    fireEvent.change(within(dialog).getByRole('textbox'), { target: { value: 'schedule-acm' } });
    fireEvent.click(confirm);
    await waitFor(() => expect(k8sDelete).toHaveBeenCalledTimes(1));
    expect(k8sDelete).toHaveBeenCalledWith(
      expect.objectContaining({ model: BackupScheduleModel, resource: expect.objectContaining({ metadata: expect.objectContaining({ name: 'schedule-acm' }) }) }),
    );
    expect(k8sCreate).not.toHaveBeenCalled();
  });

  const openRecreate = () => {
    renderAt('/business-continuity/overview/collision');
    fireEvent.click(screen.getByTestId('recreate-schedule'));
    const dialog = screen.getByTestId('recreate-modal');
    const submit = within(dialog).getByTestId('recreate-submit');
    fireEvent.change(within(dialog).getByRole('textbox'), { target: { value: 'schedule-acm' } });
    expect(submit).toBeDisabled();
    fireEvent.click(within(dialog).getByRole('checkbox'));
    expect(submit).toBeEnabled();
    return { dialog, submit };
  };

  it('recreates the schedule: deletes it, then creates one with the same spec', async () => {
    seedCollision();
    const old = schedule('BackupCollision');
    const { submit } = openRecreate();
    fireEvent.click(submit);
    await screen.findByTestId('recreate-done');
    expect(k8sDelete).toHaveBeenCalledTimes(1);
    expect(k8sCreate).toHaveBeenCalledTimes(1);
    expect((k8sDelete as jest.Mock).mock.invocationCallOrder[0]).toBeLessThan((k8sCreate as jest.Mock).mock.invocationCallOrder[0]);
    const created = (k8sCreate as jest.Mock).mock.calls[0][0];
    expect(created.model).toBe(BackupScheduleModel);
    expect(created.data).toEqual(buildBackupSchedule(formFromBackupSchedule(old)));
    expect(created.data).toEqual({
      apiVersion: 'cluster.open-cluster-management.io/v1beta1',
      kind: 'BackupSchedule',
      metadata: { name: 'schedule-acm', namespace: BACKUP_NAMESPACE },
      spec: { veleroSchedule: '0 */1 * * *', veleroTtl: '120h', useManagedServiceAccount: true },
    });
  });

  it('says exactly what happened when the delete succeeded but the create failed, and retries the create', async () => {
    seedCollision();
    (k8sCreate as jest.Mock).mockRejectedValueOnce(serverError());
    const { submit } = openRecreate();
    fireEvent.click(submit);
    const failure = await screen.findByTestId('recreate-create-failed');
    expect(failure).toHaveTextContent('BackupSchedule schedule-acm was deleted, but creating the new one failed.');
    expect(failure).toHaveTextContent('This hub has no BackupSchedule now');
    expect(k8sDelete).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByTestId('recreate-retry-create'));
    await screen.findByTestId('recreate-done');
    expect(k8sDelete).toHaveBeenCalledTimes(1);
    expect(k8sCreate).toHaveBeenCalledTimes(2);
  });

  it('creates nothing when the delete fails', async () => {
    seedCollision();
    (k8sDelete as jest.Mock).mockRejectedValueOnce(serverError());
    const { submit } = openRecreate();
    fireEvent.click(submit);
    expect(await screen.findByTestId('recreate-delete-failed')).toHaveTextContent('Nothing was changed');
    expect(k8sCreate).not.toHaveBeenCalled();
  });

  it('goes on to create when the schedule was already deleted by someone else', async () => {
    seedCollision();
    (k8sDelete as jest.Mock).mockRejectedValueOnce(
      Object.assign(notFound(), { json: { code: 404, reason: 'NotFound', details: { name: 'schedule-acm' } } }),
    );
    const { submit } = openRecreate();
    fireEvent.click(submit);
    await screen.findByTestId('recreate-done');
    expect(k8sCreate).toHaveBeenCalledTimes(1);
  });

  it('disables both actions, with the reason, for a user who may not delete schedules', () => {
    seedCollision();
    mock.setAccess((a) => a.verb !== 'delete' && a.verb !== 'create');
    renderAt('/business-continuity/overview/collision');
    expect(screen.getByTestId('delete-schedule')).toHaveAttribute('data-disabled-reason', expect.stringContaining('permission to delete'));
    expect(screen.getByTestId('recreate-schedule')).toHaveAttribute('data-disabled-reason', expect.stringContaining('permission to delete'));
    fireEvent.click(screen.getByTestId('delete-schedule'));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });
});
