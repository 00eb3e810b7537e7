import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { k8sDelete, k8sPatch, sdkMock } from '../../../test/mocks/sdk';
import { BackupScheduleModel, gvkOf, RestoreModel, VeleroScheduleModel } from '../../k8s/models';
import { BACKUP_NAMESPACE, LABELS, VELERO_SCHEDULE_NAMES } from '../../k8s/names';
import type { VeleroSchedule } from '../../k8s/types';
import { aRestore, aSchedule, renderAt } from './testing';

const mock = sdkMock;
const patch = k8sPatch as jest.Mock;
const remove = k8sDelete as jest.Mock;

const veleroSchedule = (type: keyof typeof VELERO_SCHEDULE_NAMES, over: Partial<VeleroSchedule> = {}): VeleroSchedule => ({
  apiVersion: 'velero.io/v1',
  kind: 'Schedule',
  metadata: {
    name: VELERO_SCHEDULE_NAMES[type],
    namespace: BACKUP_NAMESPACE,
    labels: { [LABELS.scheduleName]: 'schedule-acm', [LABELS.scheduleType]: type },
  },
  spec: { schedule: '0 */1 * * *' },
  status: { phase: 'Enabled', lastBackup: new Date(Date.now() - 20 * 60_000).toISOString() },
  ...over,
});

const PAGE = '/business-continuity/schedules';

describe('schedule tab', () => {
  beforeEach(() => {
    mock.setResources(gvkOf(RestoreModel), []);
  });

  it('shows the empty state with a Create button when there is no schedule', () => {
    mock.setResources(gvkOf(BackupScheduleModel), []);
    renderAt(PAGE);
    expect(screen.getByTestId('empty-state')).toHaveTextContent('This hub has no backup schedule');
    fireEvent.click(screen.getByTestId('create-schedule'));
    expect(screen.getByTestId('location')).toHaveTextContent('/business-continuity/schedules/create');
    expect(screen.getByTestId('schedule-form')).toBeInTheDocument();
  });

  it('disables Create with the operator reason while a restore is active', () => {
    mock.setResources(gvkOf(BackupScheduleModel), []);
    mock.setResources(gvkOf(RestoreModel), [aRestore('restore-passive', 'Enabled')]);
    renderAt(PAGE);
    expect(screen.getByTestId('create-schedule')).toHaveAttribute(
      'data-disabled-reason',
      'Restore resource restore-passive is currently active, verify that any active restores are removed.',
    );
  });

  it('reads the console\'s NoModelError as "operator not installed"', () => {
    mock.setWatchError(gvkOf(BackupScheduleModel), Object.assign(new Error('Model does not exist'), { name: 'NoModelError' }));
    renderAt(PAGE);
    expect(screen.getByTestId('not-installed')).toBeInTheDocument();
  });

  it('tells "operator not installed" from "forbidden"', () => {
    mock.setWatchError(gvkOf(BackupScheduleModel), { response: { status: 404 }, json: { code: 404, message: 'the server could not find the requested resource' } });
    const { unmount } = renderAt(PAGE);
    expect(screen.getByTestId('not-installed')).toBeInTheDocument();
    unmount();
    mock.setWatchError(gvkOf(BackupScheduleModel), { response: { status: 403 }, json: { code: 403, message: 'forbidden' } });
    renderAt(PAGE);
    expect(screen.getByTestId('forbidden')).toBeInTheDocument();
  });

  it('shows phase, operator message, cron, TTL default and the five Velero schedules', () => {
    mock.setResources(gvkOf(BackupScheduleModel), [aSchedule({ spec: { veleroSchedule: '0 */1 * * *', veleroTtl: undefined } })]);
    mock.setResources(gvkOf(VeleroScheduleModel), [veleroSchedule('credentials'), veleroSchedule('resources')]);
    renderAt(PAGE);
    const card = screen.getByTestId('schedule-schedule-acm');
    expect(within(card).getByText('Backing up')).toBeInTheDocument();
    expect(within(card).getByTestId('last-message')).toHaveTextContent('Velero schedules are enabled');
    expect(within(card).getByTestId('cron-text')).toHaveTextContent('Every hour');
    expect(within(card).getAllByTestId('next-runs')).toHaveLength(1);
    expect(within(card).getByTestId('ttl')).toHaveTextContent('720h');
    expect(within(card).getByTestId('ttl')).toHaveTextContent('Velero default');
    const table = within(card).getByTestId('velero-schedules');
    expect(within(table).getAllByRole('row')).toHaveLength(6);
    expect(within(table).getByTestId('velero-schedule-credentials')).toHaveTextContent('Enabled');
    expect(within(table).getByTestId('velero-schedule-validation')).toHaveTextContent('Missing');
  });

  it('lists no next runs while paused', () => {
    mock.setResources(gvkOf(BackupScheduleModel), [
      aSchedule({ spec: { paused: true }, status: { phase: 'Paused', lastMessage: 'BackupSchedule is paused.' } }),
    ]);
    renderAt(PAGE);
    expect(screen.getByTestId('next-runs-paused')).toBeInTheDocument();
    expect(screen.queryByTestId('next-runs')).toBeNull();
    expect(screen.getByTestId('pause-schedule')).toHaveTextContent('Resume');
  });

  it('pauses through a JSON patch', async () => {
    mock.setResources(gvkOf(BackupScheduleModel), [aSchedule()]);
    patch.mockImplementation(async ({ resource }) => ({ ...resource, spec: { ...resource.spec, paused: true } }));
    renderAt(PAGE);
    fireEvent.click(screen.getByTestId('pause-schedule'));
    expect(screen.getByTestId('pause-consequences')).toHaveTextContent('No new backups are made');
    fireEvent.click(screen.getByTestId('pause-confirm'));
    await waitFor(() => expect(patch).toHaveBeenCalledTimes(1));
    expect(patch.mock.calls[0][0].model).toBe(BackupScheduleModel);
    expect(patch.mock.calls[0][0].data).toEqual([{ op: 'add', path: '/spec/paused', value: true }]);
    await waitFor(() => expect(screen.queryByTestId('pause-consequences')).toBeNull());
    expect(screen.queryByTestId('pause-unsupported')).toBeNull();
  });

  it('says so when the API server drops paused (operator older than 2.12)', async () => {
    mock.setResources(gvkOf(BackupScheduleModel), [aSchedule()]);
    patch.mockImplementation(async ({ resource }) => resource);
    renderAt(PAGE);
    fireEvent.click(screen.getByTestId('pause-schedule'));
    fireEvent.click(screen.getByTestId('pause-confirm'));
    expect(await screen.findByTestId('pause-unsupported')).toBeInTheDocument();
  });

  it('deletes only after the name is typed, listing the consequences', async () => {
    const schedule = aSchedule();
    mock.setResources(gvkOf(BackupScheduleModel), [schedule]);
    renderAt(PAGE);
    fireEvent.click(screen.getByTestId('delete-schedule'));
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).getByTestId('consequences')).toHaveTextContent('deletes the five Velero schedules');
    expect(within(dialog).getByTestId('consequences')).toHaveTextContent('stay until their TTL (120h)');
    const confirm = within(dialog).getByRole('button', { name: 'Delete' });
    expect(confirm).toBeDisabled();
    fireEvent.change(within(dialog).getByRole('textbox'), { target: { value: 'schedule-ac' } });
    expect(confirm).toBeDisabled();
    fireEvent.change(within(dialog).getByRole('textbox'), { target: { value: 'schedule-acm' } });
    expect(confirm).toBeEnabled();
    fireEvent.click(confirm);
    await waitFor(() => expect(remove).toHaveBeenCalledTimes(1));
    expect(remove.mock.calls[0][0]).toEqual({ model: BackupScheduleModel, resource: schedule });
    expect(await screen.findByTestId('deleted-notice')).toBeInTheDocument();
  });

  it('warns that backups go with the schedule when owner references are on', () => {
    mock.setResources(gvkOf(BackupScheduleModel), [aSchedule({ spec: { useOwnerReferencesInBackup: true } })]);
    renderAt(PAGE);
    fireEvent.click(screen.getByTestId('delete-schedule'));
    expect(screen.getByTestId('consequences')).toHaveTextContent('All restore points are lost');
  });

  it('gives a viewer disabled actions with the reason', () => {
    mock.setResources(gvkOf(BackupScheduleModel), [aSchedule()]);
    mock.setAccess(({ verb }) => verb === 'get' || verb === 'list' || verb === 'watch');
    renderAt(PAGE);
    for (const id of ['edit-schedule', 'pause-schedule', 'delete-schedule']) {
      expect(screen.getByTestId(id)).toHaveAttribute('aria-disabled', 'true');
      expect(screen.getByTestId(id).getAttribute('data-disabled-reason')).toMatch(/^You do not have permission/);
    }
    fireEvent.click(screen.getByTestId('delete-schedule'));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('explains a backup collision and the only way out', () => {
    mock.setResources(gvkOf(BackupScheduleModel), [
      aSchedule({
        status: {
          phase: 'BackupCollision',
          lastMessage:
            'Backup acm-resources-schedule-20250101010000, from cluster with id [hub-b] is using the same storage location. This is a backup collision with current cluster [hub-a] backup. Review and resolve the collision then create a new BackupSchedule resource to  resume backups from this cluster.',
        },
      }),
    ]);
    renderAt(PAGE);
    const card = screen.getByTestId('schedule-schedule-acm');
    expect(card).toHaveTextContent('Stopped: backup collision');
    expect(card).toHaveTextContent('delete this BackupSchedule and create a new one on the primary hub only');
    expect(within(card).getByTestId('next-runs-stopped')).toBeInTheDocument();
    expect(screen.getByTestId('pause-schedule')).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByTestId('delete-schedule')).not.toHaveAttribute('aria-disabled');
  });

  it('shows every schedule when several exist and says which one is active', () => {
    mock.setResources(gvkOf(BackupScheduleModel), [
      aSchedule({ metadata: { name: 'schedule-old', uid: 'u0', creationTimestamp: '2024-01-01T00:00:00Z' } }),
      aSchedule({ metadata: { name: 'schedule-acm', uid: 'u1' } }),
    ]);
    mock.setResources(gvkOf(VeleroScheduleModel), [veleroSchedule('resources')]);
    renderAt(PAGE);
    expect(screen.getByTestId('several-schedules')).toHaveTextContent('only schedule-acm owns them');
    expect(within(screen.getByTestId('schedule-schedule-acm')).getByTestId('active-schedule')).toBeInTheDocument();
    expect(within(screen.getByTestId('schedule-schedule-old')).getByTestId('inactive-schedule')).toBeInTheDocument();
  });

  it('links tabs to URLs', () => {
    mock.setResources(gvkOf(BackupScheduleModel), [aSchedule()]);
    renderAt(PAGE);
    fireEvent.click(screen.getByRole('tab', { name: 'Backups' }));
    expect(screen.getByTestId('location')).toHaveTextContent(/^\/business-continuity\/schedules\/backups$/);
    fireEvent.click(screen.getByRole('tab', { name: 'Schedule' }));
    expect(screen.getByTestId('location')).toHaveTextContent(/^\/business-continuity\/schedules$/);
  });
});
