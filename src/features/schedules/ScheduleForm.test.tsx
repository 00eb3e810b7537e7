import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { k8sCreate, k8sPatch, sdkMock } from '../../../test/mocks/sdk';
import { BackupScheduleModel, gvkOf, RestoreModel } from '../../k8s/models';
import { BACKUP_NAMESPACE } from '../../k8s/names';
import { aRestore, aSchedule, renderAt } from './testing';

const mock = sdkMock;
const create = k8sCreate as jest.Mock;
const patch = k8sPatch as jest.Mock;

const submit = () => fireEvent.click(screen.getByTestId('submit'));
const typeInto = (id: string, value: string) => fireEvent.change(document.getElementById(id) as HTMLElement, { target: { value } });

describe('create form', () => {
  beforeEach(() => {
    mock.setResources(gvkOf(BackupScheduleModel), []);
    mock.setResources(gvkOf(RestoreModel), []);
  });

  it('sends exactly the manifest built from the form', async () => {
    renderAt('/business-continuity/schedules/create');
    fireEvent.click(screen.getByRole('button', { name: 'Every 2 hours' }));
    typeInto('schedule-ttl', '240h');
    fireEvent.click(screen.getByLabelText('Use managed service accounts'));
    typeInto('schedule-msa-ttl', '720h');
    submit();
    await waitFor(() => expect(create).toHaveBeenCalledTimes(1));
    expect(create.mock.calls[0][0].model).toBe(BackupScheduleModel);
    expect(create.mock.calls[0][0].data).toEqual({
      apiVersion: 'cluster.open-cluster-management.io/v1beta1',
      kind: 'BackupSchedule',
      metadata: { name: 'schedule-acm', namespace: BACKUP_NAMESPACE },
      spec: { veleroSchedule: '0 */2 * * *', veleroTtl: '240h', useManagedServiceAccount: true, managedServiceAccountTTL: '720h' },
    });
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(/^\/business-continuity\/schedules$/));
    expect(screen.getByTestId('saved-notice')).toHaveTextContent('BackupSchedule schedule-acm was created.');
  });

  it('shows the cron in words and the next five runs as the user types', () => {
    renderAt('/business-continuity/schedules/create');
    typeInto('schedule-cron', '30 2 * * *');
    expect(screen.getByTestId('cron-text')).toHaveTextContent('At 02:30');
    expect(within(screen.getByTestId('next-runs')).getAllByRole('listitem')).toHaveLength(5);
  });

  it('says why an invalid cron is wrong and sends nothing', async () => {
    renderAt('/business-continuity/schedules/create');
    typeInto('schedule-cron', '0 */2 * *');
    expect(screen.getByTestId('veleroSchedule-error')).toHaveTextContent('has 4 fields');
    expect(screen.queryByTestId('next-runs')).toBeNull();
    submit();
    await new Promise((r) => setTimeout(r, 0));
    expect(create).not.toHaveBeenCalled();
  });

  it('refuses up front while a Restore is active, with the operator reason', async () => {
    mock.setResources(gvkOf(RestoreModel), [aRestore('restore-acm', 'Started')]);
    renderAt('/business-continuity/schedules/create');
    expect(screen.getByTestId('create-refused')).toHaveTextContent(
      'Restore resource restore-acm is currently active, verify that any active restores are removed.',
    );
    const button = screen.getByTestId('submit');
    expect(button).toHaveAttribute('aria-disabled', 'true');
    submit();
    await new Promise((r) => setTimeout(r, 0));
    expect(create).not.toHaveBeenCalled();
  });

  it('allows creating once the Restore has finished', async () => {
    mock.setResources(gvkOf(RestoreModel), [aRestore('restore-acm', 'Finished')]);
    renderAt('/business-continuity/schedules/create');
    expect(screen.queryByTestId('create-refused')).toBeNull();
    submit();
    await waitFor(() => expect(create).toHaveBeenCalledTimes(1));
  });

  it('keeps a viewer from creating, saying why', async () => {
    mock.setAccess(() => false);
    renderAt('/business-continuity/schedules/create');
    const button = screen.getByTestId('submit');
    expect(button).toHaveAttribute('aria-disabled', 'true');
    expect(button).toHaveAttribute('data-disabled-reason', `You do not have permission to create BackupSchedules in namespace ${BACKUP_NAMESPACE}.`);
    submit();
    await new Promise((r) => setTimeout(r, 0));
    expect(create).not.toHaveBeenCalled();
  });

  it('sends once however often the button is pressed while pending', async () => {
    let resolve: (v: unknown) => void = () => undefined;
    create.mockImplementation(() => new Promise((r) => (resolve = r)));
    renderAt('/business-continuity/schedules/create');
    submit();
    submit();
    submit();
    expect(create).toHaveBeenCalledTimes(1);
    resolve(create.mock.calls[0][0].data);
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(/^\/business-continuity\/schedules$/));
  });

  it('keeps the values and explains a server rejection', async () => {
    create.mockRejectedValue({
      message: 'invalid',
      response: { status: 422 },
      json: {
        kind: 'Status',
        code: 422,
        reason: 'Invalid',
        message: 'BackupSchedule.cluster.open-cluster-management.io "schedule-acm" is invalid: spec.veleroTtl: Invalid value',
        details: { causes: [{ field: 'spec.veleroTtl', message: 'Invalid value' }] },
      },
    });
    renderAt('/business-continuity/schedules/create');
    typeInto('schedule-ttl', '96h');
    submit();
    expect(await screen.findByText('spec.veleroTtl: Invalid value')).toBeInTheDocument();
    expect(document.getElementById('schedule-ttl')).toHaveValue('96h');
    expect(screen.getByTestId('location')).toHaveTextContent('/business-continuity/schedules/create');
  });

  it('warns about noBackupOnStart and owner references in the advanced options', () => {
    renderAt('/business-continuity/schedules/create');
    fireEvent.click(screen.getByRole('button', { name: 'Advanced options' }));
    fireEvent.click(screen.getByLabelText('No backup on start'));
    expect(screen.getByTestId('no-backup-on-start-warning')).toHaveTextContent('validation policy reports a violation');
    fireEvent.click(screen.getByLabelText('Delete backups with their schedule'));
    expect(screen.getByTestId('owner-references-warning')).toHaveTextContent('all restore points are lost');
    expect(screen.getByTestId('yaml-preview')).toHaveTextContent('useOwnerReferencesInBackup: true');
    expect(screen.getByTestId('yaml-preview')).toHaveTextContent('noBackupOnStart: true');
  });

  it('reports fields the API server dropped (operator too old)', async () => {
    create.mockImplementation(async ({ data }: { data: { spec: Record<string, unknown> } }) => {
      const { paused: _dropped, ...spec } = data.spec;
      return { ...data, spec };
    });
    renderAt('/business-continuity/schedules/create');
    fireEvent.click(screen.getByRole('button', { name: 'Advanced options' }));
    fireEvent.click(screen.getByLabelText('Paused'));
    submit();
    expect(await screen.findByTestId('saved-notice')).toHaveTextContent('too old to know them: paused');
  });
});

describe('edit form', () => {
  beforeEach(() => {
    mock.setResources(gvkOf(BackupScheduleModel), [aSchedule()]);
    mock.setResources(gvkOf(RestoreModel), []);
  });

  it('sends the JSON patch with the resourceVersion test', async () => {
    renderAt('/business-continuity/schedules/edit/schedule-acm');
    expect(document.getElementById('schedule-ttl')).toHaveValue('120h');
    typeInto('schedule-ttl', '240h');
    expect(screen.getByTestId('changes')).toHaveTextContent('Changes: veleroTtl');
    submit();
    await waitFor(() => expect(patch).toHaveBeenCalledTimes(1));
    const call = patch.mock.calls[0][0];
    expect(call.model).toBe(BackupScheduleModel);
    expect(call.resource.metadata.name).toBe('schedule-acm');
    expect(call.data).toEqual([
      { op: 'test', path: '/metadata/resourceVersion', value: '42' },
      { op: 'replace', path: '/spec', value: { veleroSchedule: '0 */1 * * *', veleroTtl: '240h' } },
    ]);
  });

  it('does not send an edit that changes nothing', () => {
    renderAt('/business-continuity/schedules/edit/schedule-acm');
    expect(screen.getByTestId('submit')).toHaveAttribute('data-disabled-reason', 'Nothing has changed yet.');
  });

  it('explains a lost race (failed test op) and keeps the values', async () => {
    patch.mockRejectedValue({
      message: 'the server rejected our request due to an error in our request',
      response: { status: 422 },
      json: {
        kind: 'Status',
        code: 422,
        reason: 'Invalid',
        message: 'the server rejected our request due to an error in our request',
        details: { causes: [{ reason: 'UnexpectedServerResponse', message: 'testing value /metadata/resourceVersion failed: test failed' }] },
      },
    });
    renderAt('/business-continuity/schedules/edit/schedule-acm');
    typeInto('schedule-ttl', '240h');
    submit();
    expect(await screen.findByTestId('stale-edit')).toHaveTextContent('The schedule changed while you were editing it');
    expect(document.getElementById('schedule-ttl')).toHaveValue('240h');
  });

  it('keeps a viewer from saving', () => {
    mock.setAccess(({ verb }) => verb !== 'patch');
    renderAt('/business-continuity/schedules/edit/schedule-acm');
    typeInto('schedule-ttl', '240h');
    expect(screen.getByTestId('submit')).toHaveAttribute(
      'data-disabled-reason',
      `You do not have permission to change BackupSchedules in namespace ${BACKUP_NAMESPACE}.`,
    );
  });

  it('follows status-only updates silently, so the resourceVersion test does not fail for nothing', async () => {
    mock.setResources(gvkOf(BackupScheduleModel), [aSchedule({ metadata: { generation: 1, resourceVersion: '42' } })]);
    const { refresh } = renderAt('/business-continuity/schedules/edit/schedule-acm');
    // The operator writes the status after a backup: new resourceVersion, same generation.
    mock.setResources(gvkOf(BackupScheduleModel), [aSchedule({ metadata: { generation: 1, resourceVersion: '50' } })]);
    refresh();
    typeInto('schedule-ttl', '240h');
    expect(screen.queryByTestId('changed-meanwhile')).toBeNull();
    submit();
    await waitFor(() => expect(patch).toHaveBeenCalledTimes(1));
    expect(patch.mock.calls[0][0].data[0]).toEqual({ op: 'test', path: '/metadata/resourceVersion', value: '50' });
  });

  it('merges a spec change made meanwhile with the fields the user edited', async () => {
    mock.setResources(gvkOf(BackupScheduleModel), [aSchedule({ metadata: { generation: 1, resourceVersion: '42' } })]);
    const { refresh } = renderAt('/business-continuity/schedules/edit/schedule-acm');
    mock.setResources(gvkOf(BackupScheduleModel), [
      aSchedule({ metadata: { generation: 2, resourceVersion: '60' }, spec: { veleroSchedule: '0 */3 * * *' } }),
    ]);
    refresh();
    typeInto('schedule-ttl', '240h');
    const notice = screen.getByTestId('changed-meanwhile');
    fireEvent.click(within(notice).getByRole('button', { name: 'Load their changes' }));
    expect(screen.queryByTestId('changed-meanwhile')).toBeNull();
    expect(document.getElementById('schedule-ttl')).toHaveValue('240h');
    expect(document.getElementById('schedule-cron')).toHaveValue('0 */3 * * *');
    submit();
    await waitFor(() => expect(patch).toHaveBeenCalledTimes(1));
    expect(patch.mock.calls[0][0].data).toEqual([
      { op: 'test', path: '/metadata/resourceVersion', value: '60' },
      { op: 'replace', path: '/spec', value: { veleroSchedule: '0 */3 * * *', veleroTtl: '240h' } },
    ]);
  });

  it('does not send edits to a schedule the operator ignores (backup collision)', async () => {
    mock.setResources(gvkOf(BackupScheduleModel), [aSchedule({ status: { phase: 'BackupCollision', lastMessage: 'collision' } })]);
    renderAt('/business-continuity/schedules/edit/schedule-acm');
    typeInto('schedule-ttl', '240h');
    expect(screen.getByTestId('submit').getAttribute('data-disabled-reason')).toMatch(/ignores a schedule in backup collision/);
    fireEvent.submit(screen.getByTestId('schedule-form'));
    await new Promise((r) => setTimeout(r, 0));
    expect(patch).not.toHaveBeenCalled();
  });

  it('warns that turning managed service accounts off deletes the tokens', () => {
    mock.setResources(gvkOf(BackupScheduleModel), [aSchedule({ spec: { useManagedServiceAccount: true } })]);
    renderAt('/business-continuity/schedules/edit/schedule-acm');
    fireEvent.click(screen.getByLabelText('Use managed service accounts'));
    expect(screen.getByTestId('msa-warning')).toHaveTextContent('Turning this off deletes the tokens');
  });
});
