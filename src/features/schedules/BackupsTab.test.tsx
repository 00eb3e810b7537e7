import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { k8sCreate, k8sDelete, sdkMock } from '../../../test/mocks/sdk';
import { BackupScheduleModel, DeleteBackupRequestModel, gvkOf, ManagedClusterModel, RestoreModel, VeleroBackupModel } from '../../k8s/models';
import { BACKUP_NAMESPACE, CLUSTER_ID_CLAIM } from '../../k8s/names';
import { aBackup, aBackupSet, aSchedule, renderAt } from './testing';

const mock = sdkMock;
const create = k8sCreate as jest.Mock;
const remove = k8sDelete as jest.Mock;

const PAGE = '/business-continuity/schedules/backups';
const HOUR = 3600_000;
const ago = (ms: number) => new Date(Math.floor((Date.now() - ms) / 1000) * 1000);

beforeEach(() => {
  mock.setResources(gvkOf(BackupScheduleModel), [aSchedule()]);
  mock.setResources(gvkOf(RestoreModel), []);
  mock.setResources(gvkOf(ManagedClusterModel), [
    {
      metadata: { name: 'local-cluster', labels: { 'local-cluster': 'true' } },
      status: { clusterClaims: [{ name: CLUSTER_ID_CLAIM, value: 'hub-a-0000-1111' }] },
    } as never,
  ]);
});

describe('backups tab', () => {
  it('groups backups into sets by their shared timestamp', () => {
    const older = ago(2 * HOUR);
    const newer = ago(HOUR);
    mock.setResources(gvkOf(VeleroBackupModel), [...aBackupSet(older), ...aBackupSet(newer)]);
    renderAt(PAGE);
    const table = screen.getByTestId('backup-sets');
    const setRows = within(table).getAllByTestId(/^set-\d{14}$/);
    expect(setRows).toHaveLength(2);
    // Newest set first.
    expect(setRows[0]).toHaveTextContent('5 of 5');
    fireEvent.click(within(setRows[0]).getByRole('button'));
    const members = screen.getAllByTestId(/^backup-row-/);
    expect(members).toHaveLength(5);
    expect(members.every((m) => (m.getAttribute('data-testid') ?? '').endsWith(setRows[0].getAttribute('data-testid')?.slice(4) ?? 'x'))).toBe(true);
  });

  it('filters by type', async () => {
    mock.setResources(gvkOf(VeleroBackupModel), [...aBackupSet(ago(2 * HOUR)), ...aBackupSet(ago(HOUR))]);
    renderAt(`${PAGE}?view=all`);
    expect(screen.getAllByTestId(/^backup-row-/)).toHaveLength(10);
    fireEvent.click(screen.getByTestId('filter-type'));
    fireEvent.click(within(await screen.findByRole('menuitem', { name: /^Credentials/ })).getByRole('checkbox'));
    const rows = screen.getAllByTestId(/^backup-row-/);
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row.getAttribute('data-testid')).toMatch(/^backup-row-acm-credentials-schedule-/);
    expect(screen.getByTestId('location')).toHaveTextContent('type=credentials');
  });

  it('filters by writing hub and marks this hub', async () => {
    mock.setResources(gvkOf(VeleroBackupModel), [aBackup('resources', ago(HOUR)), aBackup('resources', ago(2 * HOUR), { writer: 'hub-b-2222-3333' })]);
    renderAt(`${PAGE}?view=all`);
    expect(screen.getAllByTestId('this-hub')).toHaveLength(1);
    fireEvent.click(screen.getByTestId('filter-hub'));
    fireEvent.click(within(await screen.findByRole('menuitem', { name: /hub-b-2222-3333/ })).getByRole('checkbox'));
    const rows = screen.getAllByTestId(/^backup-row-/);
    expect(rows).toHaveLength(1);
    expect(within(rows[0]).queryByTestId('this-hub')).toBeNull();
  });

  it('sorts and paginates thousands of backups', () => {
    const backups = [];
    for (let i = 0; i < 300; i++) backups.push(...aBackupSet(ago((i + 1) * HOUR)));
    mock.setResources(gvkOf(VeleroBackupModel), backups);
    renderAt(`${PAGE}?view=all`);
    expect(screen.getByTestId('backup-count')).toHaveTextContent('1500 of 1500 backups match.');
    expect(screen.getAllByTestId(/^backup-row-/)).toHaveLength(20);
    fireEvent.click(screen.getByRole('button', { name: 'Backup' }));
    const first = screen.getAllByTestId(/^backup-row-/)[0].getAttribute('data-testid');
    expect(first).toMatch(/^backup-row-acm-credentials-schedule-/);
    fireEvent.click(screen.getAllByRole('button', { name: 'Go to next page' })[0]);
    expect(screen.getByTestId('location')).toHaveTextContent('page=2');
    expect(screen.getAllByTestId(/^backup-row-/)[0].getAttribute('data-testid')).not.toBe(first);
  });

  it('flags a backup stuck in progress with the reason and what to do', () => {
    mock.setResources(gvkOf(VeleroBackupModel), [...aBackupSet(ago(HOUR)), aBackup('credentials', ago(5 * HOUR), { phase: 'InProgress' })]);
    renderAt(PAGE);
    const alert = screen.getByTestId('stuck-alert');
    expect(alert).toHaveTextContent('Backups stuck in progress: 1');
    expect(alert).toHaveTextContent('Velero pod was restarted');
    fireEvent.click(within(alert).getByRole('button', { name: 'Show only stuck backups' }));
    const rows = screen.getAllByTestId(/^backup-row-/);
    expect(rows).toHaveLength(1);
    expect(within(rows[0]).getByText('Stuck')).toBeInTheDocument();
  });

  it('deletes a backup through a DeleteBackupRequest, never by deleting the Backup', async () => {
    const backup = aBackup('resources', ago(HOUR));
    const name = backup.metadata?.name as string;
    mock.setResources(gvkOf(VeleroBackupModel), [backup]);
    renderAt(`${PAGE}?view=all`);
    fireEvent.click(screen.getByTestId(`delete-backup-${name}`));
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).getByTestId('consequences')).toHaveTextContent('newest good backup of its type');
    const confirm = within(dialog).getByRole('button', { name: 'Delete backup' });
    expect(confirm).toBeDisabled();
    fireEvent.change(within(dialog).getByRole('textbox'), { target: { value: name } });
    fireEvent.click(confirm);
    await waitFor(() => expect(create).toHaveBeenCalledTimes(1));
    expect(create.mock.calls[0][0]).toEqual({
      model: DeleteBackupRequestModel,
      data: {
        apiVersion: 'velero.io/v1',
        kind: 'DeleteBackupRequest',
        metadata: { name, namespace: BACKUP_NAMESPACE },
        spec: { backupName: name },
      },
    });
    expect(remove).not.toHaveBeenCalled();
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.getByText('Deletion requested')).toBeInTheDocument();
  });

  it('keeps a viewer from deleting backups', () => {
    mock.setAccess(({ verb }) => verb !== 'create');
    const backup = aBackup('resources', ago(HOUR));
    mock.setResources(gvkOf(VeleroBackupModel), [backup]);
    renderAt(`${PAGE}?view=all`);
    const button = screen.getByTestId(`delete-backup-${backup.metadata?.name}`);
    expect(button).toHaveAttribute('aria-disabled', 'true');
    expect(button.getAttribute('data-disabled-reason')).toMatch(/permission to create DeleteBackupRequests/);
  });

  it('judges the age of the newest good backup per type against the interval (2x / 3x)', () => {
    mock.setResources(gvkOf(VeleroBackupModel), [
      aBackup('credentials', ago(30 * 60_000)),
      aBackup('resources', ago(2.5 * HOUR)),
      aBackup('managedClusters', ago(4 * HOUR)),
      // A newer failed backup does not count: the PartiallyFailed one before it does.
      aBackup('resourcesGeneric', ago(20 * 60_000), { phase: 'Failed' }),
      aBackup('resourcesGeneric', ago(40 * 60_000), { phase: 'PartiallyFailed', errors: 2 }),
    ]);
    renderAt(PAGE);
    expect(screen.getByTestId('age-credentials')).toHaveAttribute('data-severity', 'healthy');
    expect(screen.getByTestId('age-resources')).toHaveAttribute('data-severity', 'warning');
    expect(screen.getByTestId('age-managedClusters')).toHaveAttribute('data-severity', 'critical');
    expect(screen.getByTestId('age-resourcesGeneric')).toHaveAttribute('data-severity', 'healthy');
    expect(screen.getByTestId('age-resourcesGeneric')).toHaveTextContent('partially failed (2 errors');
    expect(screen.getByTestId('age-validation')).toHaveAttribute('data-severity', 'unknown');
  });

  it('never shows ages as healthy without a schedule', () => {
    mock.setResources(gvkOf(BackupScheduleModel), []);
    mock.setResources(gvkOf(VeleroBackupModel), aBackupSet(ago(10 * 60_000)));
    renderAt(PAGE);
    for (const type of ['credentials', 'resources', 'resourcesGeneric', 'managedClusters', 'validation']) {
      expect(screen.getByTestId(`age-${type}`)).toHaveAttribute('data-severity', 'unknown');
    }
  });

  it('draws the recoverable window per type and says what is missing', () => {
    mock.setResources(gvkOf(VeleroBackupModel), [aBackup('credentials', ago(HOUR)), aBackup('resources', ago(HOUR))]);
    renderAt(PAGE);
    expect(screen.getByTestId('window-missing')).toHaveTextContent('Managed clusters');
    expect(screen.getByTestId('window-credentials').querySelectorAll('rect[y="2"]')).toHaveLength(1);
  });

  it('shows the newest backup of each type in the latest-per-type view', () => {
    mock.setResources(gvkOf(VeleroBackupModel), [...aBackupSet(ago(2 * HOUR)), ...aBackupSet(ago(HOUR))]);
    renderAt(`${PAGE}?view=latest`);
    expect(within(screen.getByTestId('latest-table')).getAllByTestId(/^backup-row-/)).toHaveLength(5);
  });

  it('says when Velero is not installed', () => {
    mock.setWatchError(gvkOf(VeleroBackupModel), { response: { status: 404 }, json: { code: 404, message: 'the server could not find the requested resource' } });
    renderAt(PAGE);
    expect(screen.getByTestId('not-installed')).toHaveTextContent('Velero is installed by OADP');
  });
});
