import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { k8sDelete, k8sPatch, sdkMock, TEST_USER } from '../../../test/mocks/sdk';
import { EventModel, EventsV1EventModel, gvkOf, RestoreModel, VeleroBackupModel, VeleroRestoreModel } from '../../k8s/models';
import { activateSyncRestoreOps } from '../../operand/restore';
import { aBackup, aCoreEvent, aRestore, aV1Event, aVeleroRestore, pageAt, renderAt, suffix } from './testing';

const mock = sdkMock;
const patch = k8sPatch as jest.Mock;
const del = k8sDelete as jest.Mock;

const T0 = Date.UTC(2025, 5, 1, 10, 0, 0);
const at = (s: number) => new Date(T0 + s * 1000).toISOString();

const titles = () => within(screen.getByTestId('timeline')).getAllByTestId('timeline-item').map((li) => li.querySelector('.bc-timeline__title')?.textContent);

/**
 * A full restore on a hub that went through an operator upgrade mid-way: its first Velero restore
 * was announced with a core/v1 Event (2.8–2.17 spelling), the next ones with events.k8s.io/v1
 * Events (main/5.x spelling), and the auto-import results came last.
 */
const seedFullRestore = () => {
  const backupAt = new Date(T0 - 3600_000);
  const creds = aBackup('credentials', backupAt);
  const res = aBackup('resources', backupAt);
  const mc = aBackup('managedClusters', backupAt);
  const restore = aRestore(
    'restore-acm',
    { veleroManagedClustersBackupName: 'latest', hooks: { resources: [] } as never },
    {
      phase: 'Finished',
      lastMessage: 'All Velero restores have run successfully',
      completionTimestamp: at(60),
      veleroCredentialsRestoreName: `restore-acm-${creds.metadata?.name}`,
      veleroResourcesRestoreName: `restore-acm-${res.metadata?.name}`,
      veleroManagedClustersRestoreName: `restore-acm-${mc.metadata?.name}`,
      messages: ['Created auto-import-secret for (cluster-east)', 'Cannot reimport cluster cluster-eks, no serverUrl property'],
    },
    at(0),
  );
  const vr = (b: typeof creds, start: number, end: number) =>
    aVeleroRestore(restore, b.metadata?.name as string, {
      phase: 'Completed',
      startTimestamp: at(start),
      completionTimestamp: at(end),
      progress: { itemsRestored: 10, totalItems: 10 },
    });
  mock.setResources(gvkOf(RestoreModel), [restore]);
  mock.setResources(gvkOf(VeleroBackupModel), [creds, res, mc]);
  mock.setResources(gvkOf(VeleroRestoreModel), [vr(creds, 3, 10), vr(res, 11, 30), vr(mc, 32, 50)]);
  mock.setResources(gvkOf(EventModel), [
    aCoreEvent(restore, 'RestoreHooksNotSupported', 'spec.hooks is specified but is not propagated to the underlying Velero restore for security reasons', at(1), 'e1'),
    aCoreEvent(restore, 'Velero restore created:', `restore-acm-${creds.metadata?.name}`, at(2), 'e2'),
  ]);
  mock.setResources(gvkOf(EventsV1EventModel), [
    // events.k8s.io carries microseconds.
    aV1Event(restore, 'VeleroRestoreCreated', `Velero restore created: restore-acm-${res.metadata?.name}`, at(2).replace('.000Z', '.500000Z'), 'e3'),
    aV1Event(restore, 'VeleroRestoreCreated', `Velero restore created: restore-acm-${mc.metadata?.name}`, at(31), 'e4'),
  ]);
  return { restore, stamp: suffix(backupAt) };
};

describe('restore details', () => {
  it('merges phases, both event spellings, Velero restores and auto-import results into one timeline, in time order', () => {
    const { stamp } = seedFullRestore();
    renderAt('/business-continuity/restores/restore-acm');
    expect(titles()).toEqual([
      'Restore restore-acm created',
      'Restore hooks ignored',
      `Velero restore restore-acm-acm-credentials-schedule-${stamp} created`,
      `Velero restore restore-acm-acm-resources-schedule-${stamp} created`,
      `Velero restore restore-acm-acm-credentials-schedule-${stamp} started`,
      `Velero restore restore-acm-acm-credentials-schedule-${stamp} completed`,
      `Velero restore restore-acm-acm-resources-schedule-${stamp} started`,
      `Velero restore restore-acm-acm-resources-schedule-${stamp} completed`,
      `Velero restore restore-acm-acm-managed-clusters-schedule-${stamp} created`,
      `Velero restore restore-acm-acm-managed-clusters-schedule-${stamp} started`,
      `Velero restore restore-acm-acm-managed-clusters-schedule-${stamp} completed`,
      'Created an auto-import-secret for cluster-east: it reconnects to this hub once the import finishes.',
      'cluster-eks cannot be imported automatically: its ManagedCluster has no API server URL.',
      'Finished',
    ]);
    const items = within(screen.getByTestId('timeline')).getAllByTestId('timeline-item');
    expect(items[1]).toHaveAttribute('data-severity', 'warning');
    expect(items[12]).toHaveAttribute('data-severity', 'warning');
    expect(within(items[12]).getByTestId('timeline-check')).toHaveTextContent('Import the cluster manually');
  });

  it('links each auto-imported cluster to its page in the ACM console', () => {
    seedFullRestore();
    renderAt('/business-continuity/restores/restore-acm');
    expect(screen.getByRole('link', { name: 'Open cluster cluster-east' })).toHaveAttribute(
      'href',
      '/multicloud/infrastructure/clusters/details/cluster-east/cluster-east/overview',
    );
  });

  it('offers oc describe commands for the Restore and each Velero restore, fully qualified', () => {
    const { stamp } = seedFullRestore();
    renderAt('/business-continuity/restores/restore-acm');
    const commands = screen.getAllByTestId('copy-command').map((c) => (c.querySelector('input') as HTMLInputElement).value);
    expect(commands).toContain('oc describe restore.cluster.open-cluster-management.io restore-acm -n open-cluster-management-backup');
    expect(commands).toContain(`oc describe restore.velero.io restore-acm-acm-managed-clusters-schedule-${stamp} -n open-cluster-management-backup`);
    expect(commands.every((c) => !/token|secret|password/i.test(c))).toBe(true);
  });

  it('summarises intent, phase, backups used and Velero restores', () => {
    seedFullRestore();
    renderAt('/business-continuity/restores/restore-acm');
    const summary = screen.getByTestId('restore-summary');
    expect(summary).toHaveTextContent('Full restore');
    expect(within(summary).getByTestId('restore-phase')).toHaveTextContent('All Velero restores completed successfully.');
    expect(summary).toHaveTextContent('Managed clusters: acm-managed-clusters-schedule-');
    expect(within(summary).getAllByTestId(/^velero-restore-/)).toHaveLength(3);
  });

  it('explains a PartiallyFailed caused by an empty backup as harmless', () => {
    const empty = aBackup('credentials', new Date(T0 - 3600_000), { items: 0 });
    const restore = aRestore(
      'restore-acm-passive',
      {},
      { phase: 'FinishedWithErrors', lastMessage: 'Velero restores have run to completion but encountered 1+ errors', veleroCredentialsRestoreName: `restore-acm-passive-${empty.metadata?.name}` },
      at(0),
    );
    mock.setResources(gvkOf(RestoreModel), [restore]);
    mock.setResources(gvkOf(VeleroBackupModel), [empty]);
    mock.setResources(gvkOf(VeleroRestoreModel), [
      aVeleroRestore(restore, empty.metadata?.name as string, { phase: 'PartiallyFailed', errors: 1, startTimestamp: at(1), completionTimestamp: at(2) }),
    ]);
    renderAt('/business-continuity/restores/restore-acm-passive');
    const phase = screen.getByTestId('restore-phase');
    expect(phase).toHaveTextContent('restored backups that hold no items');
    expect(phase).toHaveTextContent('nothing is missing');
    expect(within(phase).getByText('Finished with errors').closest('[data-severity]')).toHaveAttribute('data-severity', 'healthy');
  });

  it('explains a failed restore and what to check', () => {
    const restore = aRestore(
      'restore-acm',
      { veleroManagedClustersBackupName: 'latest' },
      { phase: 'Error', lastMessage: 'Backup latest Not found for resource type: managedClusters' },
      at(0),
    );
    mock.setResources(gvkOf(RestoreModel), [restore]);
    renderAt('/business-continuity/restores/restore-acm');
    const phase = screen.getByTestId('restore-phase');
    expect(phase).toHaveTextContent('Failed');
    expect(phase).toHaveTextContent('No Completed backup of type managedClusters was found in the storage location.');
    expect(phase).toHaveTextContent('What to check:');
  });

  it('updates live: a new Velero restore appears when its watch reports it', () => {
    const restore = aRestore('restore-acm-passive', {}, { phase: 'Started', lastMessage: 'Restore restore-acm-passive started' }, at(0));
    mock.setResources(gvkOf(RestoreModel), [restore]);
    const view = renderAt('/business-continuity/restores/restore-acm-passive');
    expect(titles()).toEqual(['Restore restore-acm-passive created', 'Started']);
    mock.setResources(gvkOf(VeleroRestoreModel), [
      aVeleroRestore(restore, 'acm-credentials-schedule-20250601090000', { phase: 'InProgress', startTimestamp: at(5), progress: { itemsRestored: 3, totalItems: 10 } }),
    ]);
    view.rerender(pageAt('/business-continuity/restores/restore-acm-passive'));
    expect(titles()).toEqual([
      'Restore restore-acm-passive created',
      'Velero restore restore-acm-passive-acm-credentials-schedule-20250601090000 started',
      'Started',
    ]);
    expect(screen.getByText('Items restored: 3 of 10. Warnings: 0. Errors: 0.', { selector: '.bc-timeline__body > div' })).toBeInTheDocument();
  });

  it('activates from the details page with the operand patch', async () => {
    const restore = aRestore('restore-sync', { syncRestoreWithNewBackups: true }, { phase: 'Enabled' }, at(0));
    mock.setResources(gvkOf(RestoreModel), [restore]);
    renderAt('/business-continuity/restores/restore-sync');
    fireEvent.click(screen.getByRole('button', { name: 'Activate' }));
    const dialog = screen.getByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText(/^Type restore-sync to confirm/), { target: { value: 'restore-sync' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Activate' }));
    await waitFor(() => expect(patch).toHaveBeenCalledTimes(1));
    const { data } = patch.mock.calls[0][0];
    expect(data).toEqual(activateSyncRestoreOps(restore, { user: TEST_USER, time: data[2].value['business-continuity.open-cluster-management.io/requested-at'] }));
  });

  it('returns to the history after a delete', async () => {
    const restore = aRestore('restore-acm', {}, { phase: 'Finished' }, at(0));
    mock.setResources(gvkOf(RestoreModel), [restore]);
    renderAt('/business-continuity/restores/restore-acm');
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    const dialog = screen.getByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText(/^Type restore-acm to confirm/), { target: { value: 'restore-acm' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(del).toHaveBeenCalledWith({ model: RestoreModel, resource: restore }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(/^\/business-continuity\/restores$/));
  });

  it('says when the restore does not exist', () => {
    mock.setResources(gvkOf(RestoreModel), []);
    renderAt('/business-continuity/restores/restore-gone');
    expect(screen.getByTestId('empty-state')).toHaveTextContent('Restore restore-gone was not found');
  });

  it('still shows the status and Velero restores when events cannot be read', () => {
    const restore = aRestore('restore-acm', {}, { phase: 'Finished' }, at(0));
    mock.setResources(gvkOf(RestoreModel), [restore]);
    mock.setWatchError(gvkOf(EventModel), { response: { status: 403 }, json: { code: 403 } });
    mock.setWatchError(gvkOf(EventsV1EventModel), { response: { status: 403 }, json: { code: 403 } });
    renderAt('/business-continuity/restores/restore-acm');
    expect(screen.getByText(/The events of this restore could not be read/)).toBeInTheDocument();
    expect(titles()).toContain('Finished');
  });
});
