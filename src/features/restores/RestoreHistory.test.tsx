import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { k8sDelete, k8sPatch, sdkMock, TEST_USER } from '../../../test/mocks/sdk';
import { BackupScheduleModel, gvkOf, RestoreModel, VeleroBackupModel, VeleroRestoreModel } from '../../k8s/models';
import { ANNOTATIONS } from '../../k8s/names';
import { activateSyncRestoreOps } from '../../operand/restore';
import { aBackup, aBackupSet, aRestore, aVeleroRestore, renderAt } from './testing';

const mock = sdkMock;
const patch = k8sPatch as jest.Mock;
const del = k8sDelete as jest.Mock;

const HOUR = 3600_000;
const now = Date.now();
const at = (msAgo: number) => new Date(now - msAgo);
const iso = (msAgo: number) => at(msAgo).toISOString();

/** A passive hub: a finished one-time restore, then a sync restore that restored the backups of two hours ago. */
const seed = () => {
  const older = aBackupSet(at(2 * HOUR));
  const newer = aBackupSet(at(HOUR));
  const once = aRestore('restore-acm-passive', {}, { phase: 'Finished', lastMessage: 'All Velero restores have run successfully', completionTimestamp: iso(47 * HOUR) }, iso(48 * HOUR));
  const sync = aRestore(
    'restore-acm-passive-sync',
    { syncRestoreWithNewBackups: true, restoreSyncInterval: '10m' },
    {
      phase: 'Enabled',
      lastMessage: 'Velero restores have run to completion, restore will continue to sync with new backups',
      veleroCredentialsRestoreName: `restore-acm-passive-sync-${older[0].metadata?.name}`,
      veleroResourcesRestoreName: `restore-acm-passive-sync-${older[1].metadata?.name}`,
    },
    iso(3 * HOUR),
  );
  const vrs = [
    aVeleroRestore(sync, older[0].metadata?.name as string, { phase: 'Completed', startTimestamp: iso(2 * HOUR - 60_000), completionTimestamp: iso(2 * HOUR - 120_000) }),
    aVeleroRestore(sync, older[1].metadata?.name as string, { phase: 'Completed', startTimestamp: iso(2 * HOUR - 60_000), completionTimestamp: iso(2 * HOUR - 120_000) }),
  ];
  mock.setResources(gvkOf(RestoreModel), [once, sync]);
  mock.setResources(gvkOf(VeleroBackupModel), [...older, ...newer]);
  mock.setResources(gvkOf(VeleroRestoreModel), vrs);
  mock.setResources(gvkOf(BackupScheduleModel), []);
  return { once, sync };
};

const row = (name: string) => screen.getByTestId(`restore-row-${name}`);

describe('restore history', () => {
  it('lists the restores newest first, in plain words', () => {
    seed();
    renderAt('/business-continuity/restores');
    const rows = within(screen.getByTestId('restore-history')).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.getAttribute('data-testid'))).toEqual(['restore-row-restore-acm-passive-sync', 'restore-row-restore-acm-passive']);
    expect(row('restore-acm-passive-sync')).toHaveTextContent('Passive restore, kept in sync');
    expect(row('restore-acm-passive-sync')).toHaveTextContent('Syncing');
    expect(row('restore-acm-passive')).toHaveTextContent('Passive restore');
    expect(row('restore-acm-passive')).toHaveTextContent('Finished');
    expect(within(row('restore-acm-passive')).getByRole('link', { name: 'restore-acm-passive' })).toHaveAttribute(
      'href',
      '/business-continuity/restores/restore-acm-passive',
    );
  });

  it('says how old the passive data of a sync restore is and how far behind the newest backup', () => {
    seed();
    renderAt('/business-continuity/restores');
    const passive = within(row('restore-acm-passive-sync')).getByTestId('passive-data');
    expect(passive).toHaveTextContent('Passive data as of');
    expect(passive).toHaveTextContent('1h behind the newest backup');
    expect(within(row('restore-acm-passive')).queryByTestId('passive-data')).toBeNull();
  });

  it('activates a syncing restore with the operand\'s patch, after its name is typed', async () => {
    const { sync } = seed();
    renderAt('/business-continuity/restores');
    // Only sync restores can be activated in place.
    expect(within(row('restore-acm-passive')).queryByRole('button', { name: 'Activate' })).toBeNull();
    fireEvent.click(within(row('restore-acm-passive-sync')).getByRole('button', { name: 'Activate' }));
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).getByTestId('consequences')).toHaveTextContent('the managed clusters move to this hub');
    expect(within(dialog).getByTestId('consequences')).toHaveTextContent('Syncing stops');
    const confirm = within(dialog).getByRole('button', { name: 'Activate' });
    expect(confirm).toBeDisabled();
    fireEvent.change(within(dialog).getByLabelText(/^Type restore-acm-passive-sync to confirm/), { target: { value: 'restore-acm-passive-syn' } });
    expect(confirm).toBeDisabled();
    fireEvent.change(document.getElementById('activate-reason') as HTMLElement, { target: { value: 'primary lost' } });
    fireEvent.change(within(dialog).getByLabelText(/^Type restore-acm-passive-sync to confirm/), { target: { value: 'restore-acm-passive-sync' } });
    const before = Date.now();
    fireEvent.click(confirm);
    await waitFor(() => expect(patch).toHaveBeenCalledTimes(1));
    const { model, resource, data } = patch.mock.calls[0][0];
    expect(model).toBe(RestoreModel);
    expect(resource).toBe(sync);
    const time = data[2].value[ANNOTATIONS.actionTime] as string;
    expect(Date.parse(time)).toBeGreaterThanOrEqual(before - 1000);
    expect(data).toEqual(activateSyncRestoreOps(sync, { reason: 'primary lost', user: TEST_USER, time }));
    await waitFor(() => expect(screen.getByTestId('activation-requested')).toHaveTextContent('Activation of restore-acm-passive-sync requested.'));
  });

  it('does not offer activation of a sync restore that is not syncing yet, saying why', () => {
    mock.setResources(gvkOf(RestoreModel), [aRestore('restore-sync', { syncRestoreWithNewBackups: true }, { phase: 'Running' })]);
    renderAt('/business-continuity/restores');
    const activate = within(row('restore-sync')).getByRole('button', { name: 'Activate' });
    expect(activate).toHaveAttribute('aria-disabled', 'true');
    expect(activate.getAttribute('data-disabled-reason')).toMatch(/it is now Running/);
    fireEvent.click(activate);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('deletes a restore after its name is typed, saying that it does not undo the restore and stops syncing', async () => {
    const { sync } = seed();
    renderAt('/business-continuity/restores');
    fireEvent.click(within(row('restore-acm-passive-sync')).getByRole('button', { name: 'Delete' }));
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).getByTestId('consequences')).toHaveTextContent('Deleting a restore does not undo it.');
    expect(within(dialog).getByTestId('consequences')).toHaveTextContent('Syncing stops');
    fireEvent.change(within(dialog).getByLabelText(/^Type restore-acm-passive-sync to confirm/), { target: { value: 'restore-acm-passive-sync' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(del).toHaveBeenCalledTimes(1));
    expect(del.mock.calls[0][0]).toEqual({ model: RestoreModel, resource: sync });
  });

  it('keeps a delete that failed open with the reason', async () => {
    seed();
    del.mockRejectedValueOnce({ response: { status: 403 }, json: { code: 403, message: 'forbidden' } });
    renderAt('/business-continuity/restores');
    fireEvent.click(within(row('restore-acm-passive')).getByRole('button', { name: 'Delete' }));
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).getByTestId('consequences')).not.toHaveTextContent('Syncing stops');
    fireEvent.change(within(dialog).getByLabelText(/^Type restore-acm-passive to confirm/), { target: { value: 'restore-acm-passive' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(within(dialog).getByText(/You do not have permission to delete/)).toBeInTheDocument());
  });

  it('disables every action for a viewer, with the reason', () => {
    seed();
    mock.setAccess(({ verb }) => verb === 'get' || verb === 'list' || verb === 'watch');
    renderAt('/business-continuity/restores');
    const activate = within(row('restore-acm-passive-sync')).getByRole('button', { name: 'Activate' });
    const remove = within(row('restore-acm-passive-sync')).getByRole('button', { name: 'Delete' });
    const createButton = screen.getByRole('button', { name: 'Create restore' });
    expect(activate).toHaveAttribute('data-disabled-reason', 'You do not have permission to change restores in namespace open-cluster-management-backup.');
    expect(remove).toHaveAttribute('data-disabled-reason', 'You do not have permission to delete restores in namespace open-cluster-management-backup.');
    expect(createButton).toHaveAttribute('data-disabled-reason', 'You do not have permission to create restores in namespace open-cluster-management-backup.');
    fireEvent.click(activate);
    fireEvent.click(remove);
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

describe('history states', () => {
  it('shows loading until the restores are listed', () => {
    mock.setResources(gvkOf(RestoreModel), [], { loaded: false });
    renderAt('/business-continuity/restores');
    expect(screen.getByRole('progressbar', { name: 'Loading restores' })).toBeInTheDocument();
  });

  it('says so when there are none, with the way to create one', () => {
    mock.setResources(gvkOf(RestoreModel), []);
    renderAt('/business-continuity/restores');
    expect(screen.getByTestId('empty-state')).toHaveTextContent('No restores yet');
    expect(within(screen.getByTestId('empty-state')).getByRole('button', { name: 'Create restore' })).toBeEnabled();
  });

  it('says the operator is not installed when the kind is not served', () => {
    mock.setWatchError(gvkOf(RestoreModel), { response: { status: 404 }, json: { code: 404, message: 'the server could not find the requested resource' } });
    renderAt('/business-continuity/restores');
    expect(screen.getByTestId('not-installed')).toHaveTextContent('restores.cluster.open-cluster-management.io is not installed on this cluster.');
  });

  it('says the operator is not installed when the console has no model for the kind', () => {
    mock.setResources(gvkOf(RestoreModel), [], { error: Object.assign(new Error('Model does not exist'), { name: 'NoModelError' }), loaded: true });
    renderAt('/business-continuity/restores');
    expect(screen.getByTestId('not-installed')).toHaveTextContent('is not installed on this cluster');
    expect(screen.queryByTestId('empty-state')).toBeNull();
    expect(screen.getByRole('button', { name: 'Create restore' })).toHaveAttribute('aria-disabled', 'true');
  });

  it('says the user may not list restores', () => {
    mock.setWatchError(gvkOf(RestoreModel), { response: { status: 403 }, json: { code: 403, message: 'forbidden' } });
    renderAt('/business-continuity/restores');
    expect(screen.getByTestId('forbidden')).toHaveTextContent('You do not have permission to list restores.cluster.open-cluster-management.io');
  });

  it('flags a restore whose backup is gone without hiding the others', () => {
    const lone = aRestore('restore-old', {}, { phase: 'Finished', veleroResourcesRestoreName: 'restore-old-acm-resources-schedule-20200101000000' }, iso(100 * HOUR));
    mock.setResources(gvkOf(RestoreModel), [lone]);
    mock.setResources(gvkOf(VeleroBackupModel), [aBackup('resources', at(HOUR))]);
    renderAt('/business-continuity/restores');
    // The backup's time is read from its name when the backup itself has expired.
    expect(row('restore-old')).toHaveTextContent(/Resources:\s*[\d,]+ days ago/);
  });
});
