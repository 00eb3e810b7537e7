import * as fs from 'fs';
import * as path from 'path';
import * as yaml from 'js-yaml';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { k8sCreate, sdkMock } from '../../../test/mocks/sdk';
import { SHARED_DIR } from '../../../test/support/crds';
import { BackupScheduleModel, gvkOf, ManagedClusterModel, RestoreModel, VeleroBackupModel, VeleroRestoreModel } from '../../k8s/models';
import { ANNOTATIONS, BACKUP_NAMESPACE } from '../../k8s/names';
import type { Restore, RestoreSpec } from '../../k8s/types';
import { buildRestore, presetInput, RESTORE_PRESETS, type RestorePreset } from '../../operand/restore';
import { aBackupSet, aRestore, aSchedule, OTHER_HUB, renderAt, THIS_HUB } from './testing';

const mock = sdkMock;
const create = k8sCreate as jest.Mock;

const HOUR = 3600_000;
const SAMPLES = SHARED_DIR ? path.join(SHARED_DIR, 'samples', 'cluster-backup-operator') : undefined;

/**
 * The spec a preset must send: the operator's sample when the samples are beside the repository
 * (DESIGN §2), else what the operand layer builds for it (its own contract tests hold it to the samples).
 */
const expectedSpec = (preset: RestorePreset): RestoreSpec => {
  const file = RESTORE_PRESETS[preset].sample?.file ?? 'cluster_v1beta1_restore.yaml';
  if (SAMPLES && fs.existsSync(path.join(SAMPLES, file))) {
    const sample = yaml.load(fs.readFileSync(path.join(SAMPLES, file), 'utf8')) as Restore;
    const spec = { ...sample.spec } as Record<string, unknown>;
    for (const field of RESTORE_PRESETS[preset].sample?.userFields ?? []) delete spec[field];
    return spec as RestoreSpec;
  }
  return buildRestore(presetInput(preset)).spec;
};

/** Hourly backup sets from the other hub, the newest three hours old: the old primary has stopped. */
const seedBackups = (newestAgeMs = 3 * HOUR, writer = OTHER_HUB) => {
  const now = Date.now();
  const backups = [0, 1, 2, 3].flatMap((i) => aBackupSet(new Date(now - newestAgeMs - i * HOUR), { writer }));
  mock.setResources(gvkOf(VeleroBackupModel), backups);
  return backups;
};

const thisHubIs = (id: string) =>
  mock.setResources(gvkOf(ManagedClusterModel), [
    { metadata: { name: 'local-cluster', labels: { 'local-cluster': 'true' } }, status: { clusterClaims: [{ name: 'id.openshift.io', value: id }] } } as never,
  ]);

const pickPreset = (preset: RestorePreset) => fireEvent.click(document.getElementById(`restore-preset-${preset}`) as HTMLElement);
const button = (name: string) => screen.getByRole('button', { name });
const next = () => fireEvent.click(button('Next'));
const createButton = () => within(screen.getByTestId('restore-wizard')).getByRole('button', { name: /Create/ });
const select = (field: string, value: string) => fireEvent.change(screen.getByTestId(`backup-${field}`), { target: { value } });
const typeInto = (id: string, value: string) => fireEvent.change(document.getElementById(id) as HTMLElement, { target: { value } });
const flush = () => act(() => new Promise((r) => setTimeout(r, 0)));

beforeEach(() => {
  mock.setResources(gvkOf(RestoreModel), []);
  mock.setResources(gvkOf(BackupScheduleModel), []);
  mock.setResources(gvkOf(VeleroRestoreModel), []);
  thisHubIs(THIS_HUB);
  seedBackups();
});

describe('each preset sends its sample', () => {
  it.each([['passive'], ['passiveSync'], ['activation'], ['full'], ['managedClustersOnly'], ['custom']] as [RestorePreset][])(
    '%s',
    async (preset) => {
      renderAt('/business-continuity/restores/create');
      pickPreset(preset);
      next();
      next();
      fireEvent.click(createButton());
      await waitFor(() => expect(create).toHaveBeenCalledTimes(1));
      const { model, data } = create.mock.calls[0][0];
      expect(model).toBe(RestoreModel);
      expect(data.spec).toStrictEqual(preset === 'custom' ? expectedSpec('full') : expectedSpec(preset));
      expect(data.metadata.namespace).toBe(BACKUP_NAMESPACE);
      expect(data.metadata.name).toMatch(new RegExp(`^${RESTORE_PRESETS[preset].namePrefix}-\\d{8}t\\d{4}$`));
      expect(data.metadata).not.toHaveProperty('annotations');
      // Then the new restore's details.
      await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(`/business-continuity/restores/${data.metadata.name}`));
    },
  );

  it('byBackupName sends the backups chosen from the lists of Completed backups', async () => {
    const backups = seedBackups();
    const names = (prefix: string) => backups.map((b) => b.metadata?.name as string).filter((n) => n.startsWith(prefix)).sort();
    const [creds, res, mc] = [names('acm-credentials-schedule-')[1], names('acm-resources-schedule-')[1], names('acm-managed-clusters-schedule-')[1]];
    renderAt('/business-continuity/restores/create');
    pickPreset('byBackupName');
    next();
    // Nothing chosen yet: the form says so and cannot go on.
    expect(button('Next')).toBeDisabled();
    select('veleroCredentialsBackupName', creds);
    select('veleroResourcesBackupName', res);
    select('veleroManagedClustersBackupName', mc);
    next();
    fireEvent.click(createButton());
    await waitFor(() => expect(create).toHaveBeenCalledTimes(1));
    expect(create.mock.calls[0][0].data.spec).toStrictEqual({
      ...expectedSpec('byBackupName'),
      veleroCredentialsBackupName: creds,
      veleroResourcesBackupName: res,
      veleroManagedClustersBackupName: mc,
    });
  });

  it('offers only Completed backups of the type, with their age and writer', () => {
    renderAt('/business-continuity/restores/create');
    pickPreset('byBackupName');
    next();
    const options = within(screen.getByTestId('backup-veleroResourcesBackupName')).getAllByRole('option').map((o) => o.textContent ?? '');
    const specific = options.filter((o) => o.startsWith('acm-'));
    expect(specific).toHaveLength(4);
    expect(specific.every((o) => o.startsWith('acm-resources-schedule-'))).toBe(true);
    expect(specific[0]).toMatch(/3 hours ago — written by hub hub-a-0000-1111$/);
  });

  it('managedClustersOnly with the sample\'s filters typed in sends the whole move-clusters sample', async () => {
    renderAt('/business-continuity/restores/create');
    pickPreset('managedClustersOnly');
    next();
    fireEvent.click(screen.getByRole('button', { name: /Advanced: restore only part of the backups/ }));
    typeInto('filter-includedResources', 'ManagedCluster');
    typeInto('filter-orLabelSelectors', 'name in (vb-managed-cls-2)');
    next();
    fireEvent.click(createButton());
    await waitFor(() => expect(create).toHaveBeenCalledTimes(1));
    expect(create.mock.calls[0][0].data.spec).toStrictEqual({
      ...expectedSpec('managedClustersOnly'),
      includedResources: ['ManagedCluster'],
      orLabelSelectors: [{ matchExpressions: [{ key: 'name', operator: 'In', values: ['vb-managed-cls-2'] }] }],
    });
  });
});

describe('refusals', () => {
  it('refuses while a BackupSchedule is active, with the operator\'s reason, and sends nothing', async () => {
    mock.setResources(gvkOf(BackupScheduleModel), [aSchedule('Enabled')]);
    renderAt('/business-continuity/restores/create');
    next();
    next();
    const check = within(screen.getByTestId('preflight'))
      .getAllByRole('listitem')
      .find((li) => li.getAttribute('data-check') === 'schedule');
    expect(check).toHaveAttribute('data-status', 'error');
    expect(check).toHaveTextContent('This resource is ignored because BackupSchedule resource schedule-acm is currently active');
    expect(createButton()).toBeDisabled();
    fireEvent.click(createButton());
    await flush();
    expect(create).not.toHaveBeenCalled();
  });

  it('allows it once the schedule is paused', async () => {
    mock.setResources(gvkOf(BackupScheduleModel), [aSchedule('Paused')]);
    renderAt('/business-continuity/restores/create');
    next();
    next();
    expect(createButton()).toBeEnabled();
  });

  it('refuses while another restore is running', async () => {
    mock.setResources(gvkOf(RestoreModel), [aRestore('restore-acm-passive-sync', { syncRestoreWithNewBackups: true }, { phase: 'Enabled' })]);
    renderAt('/business-continuity/restores/create');
    pickPreset('activation');
    next();
    next();
    expect(screen.getByTestId('preflight')).toHaveTextContent('Restore restore-acm-passive-sync keeps syncing passive data (Enabled) and counts as running');
    fireEvent.click(createButton());
    await flush();
    expect(create).not.toHaveBeenCalled();
  });

  it('says which checks could not run when a list is forbidden, without holding Create back', () => {
    mock.setWatchError(gvkOf(VeleroBackupModel), { response: { status: 403 }, json: { code: 403, message: 'forbidden' } });
    renderAt('/business-continuity/restores/create');
    pickPreset('passive');
    next();
    next();
    const unreadable = within(screen.getByTestId('preflight'))
      .getAllByRole('listitem')
      .find((li) => li.getAttribute('data-check') === 'backups-unreadable');
    expect(unreadable).toHaveAttribute('data-status', 'warning');
    // The checks that need the backups are left out rather than failed.
    expect(screen.getByTestId('preflight')).not.toHaveTextContent('No usable backup');
    expect(createButton()).toBeEnabled();
  });

  it('warns, without refusing, when the backups are this hub\'s own', () => {
    thisHubIs(OTHER_HUB);
    renderAt('/business-continuity/restores/create');
    pickPreset('passive');
    next();
    next();
    const own = within(screen.getByTestId('preflight'))
      .getAllByRole('listitem')
      .filter((li) => li.getAttribute('data-check')?.startsWith('own-'));
    expect(own).toHaveLength(2);
    expect(own[0]).toHaveAttribute('data-status', 'warning');
    expect(createButton()).toBeEnabled();
  });

  it('warns when activating while the old primary still writes backups', () => {
    seedBackups(10 * 60_000);
    renderAt('/business-continuity/restores/create');
    pickPreset('full');
    next();
    next();
    const primary = within(screen.getByTestId('preflight'))
      .getAllByRole('listitem')
      .find((li) => li.getAttribute('data-check') === 'primary');
    expect(primary).toHaveAttribute('data-status', 'warning');
    expect(primary).toHaveTextContent(`Hub ${OTHER_HUB} wrote backup`);
  });
});

describe('validation as the user types', () => {
  it('shows the webhook rule for a sync restore that restores managed clusters, and sends nothing', async () => {
    renderAt('/business-continuity/restores/create');
    pickPreset('passiveSync');
    next();
    select('veleroManagedClustersBackupName', 'latest');
    expect(screen.getByTestId('issue-veleroManagedClustersBackupName')).toHaveTextContent(
      "when syncRestoreWithNewBackups is true, veleroManagedClustersBackupName must initially be set to 'skip'",
    );
    expect(button('Next')).toBeDisabled();
    // The review cannot be reached from the navigation either.
    expect(screen.getByRole('button', { name: 'Review' })).toBeDisabled();
    select('veleroManagedClustersBackupName', 'skip');
    expect(screen.queryByTestId('issue-veleroManagedClustersBackupName')).toBeNull();
    expect(button('Next')).toBeEnabled();
    expect(create).not.toHaveBeenCalled();
  });

  it('refuses a bad sync interval as it is typed', () => {
    renderAt('/business-continuity/restores/create');
    pickPreset('passiveSync');
    next();
    typeInto('restore-sync-interval', '10 minutes');
    expect(screen.getByTestId('issue-restoreSyncInterval')).toBeInTheDocument();
    expect(button('Next')).toBeDisabled();
  });

  it('refuses an invalid name in the first step', () => {
    renderAt('/business-continuity/restores/create');
    typeInto('restore-name', 'Restore ACM');
    expect(screen.getByTestId('issue-name')).toBeInTheDocument();
    expect(button('Next')).toBeDisabled();
  });

  it('needs CleanupAll typed before it lets the restore through, then adds the confirmation annotation', async () => {
    renderAt('/business-continuity/restores/create');
    pickPreset('full');
    next();
    fireEvent.click(document.getElementById('restore-cleanup-CleanupAll') as HTMLElement);
    expect(screen.getByTestId('issue-cleanupAllConfirmed')).toBeInTheDocument();
    expect(button('Next')).toBeDisabled();
    typeInto('cleanup-all-confirm', 'cleanupall');
    expect(button('Next')).toBeDisabled();
    typeInto('cleanup-all-confirm', 'CleanupAll');
    expect(screen.queryByTestId('issue-cleanupAllConfirmed')).toBeNull();
    next();
    expect(screen.getByTestId('yaml-preview')).toHaveTextContent(`${ANNOTATIONS.cleanupAllConfirmed}: 'true'`);
    fireEvent.click(createButton());
    await waitFor(() => expect(create).toHaveBeenCalledTimes(1));
    const { data } = create.mock.calls[0][0];
    expect(data.spec.cleanupBeforeRestore).toBe('CleanupAll');
    expect(data.metadata.annotations).toEqual({ [ANNOTATIONS.cleanupAllConfirmed]: 'true' });
  });

  it('says why a filter cannot be read', () => {
    renderAt('/business-continuity/restores/create');
    pickPreset('custom');
    next();
    fireEvent.click(screen.getByRole('button', { name: /Advanced: restore only part of the backups/ }));
    typeInto('filter-labelSelector', 'app=web, what is this');
    expect(screen.getByTestId('issue-labelSelector')).toHaveTextContent('"what is this" is not a label requirement');
    expect(button('Next')).toBeDisabled();
  });
});

describe('creating', () => {
  it('sends once however often Create is clicked', async () => {
    let resolve: (v: unknown) => void = () => undefined;
    create.mockImplementation(() => new Promise((r) => (resolve = r)));
    renderAt('/business-continuity/restores/create');
    next();
    next();
    fireEvent.click(createButton());
    fireEvent.click(createButton());
    fireEvent.click(createButton());
    await flush();
    expect(create).toHaveBeenCalledTimes(1);
    await act(async () => resolve(create.mock.calls[0][0].data));
  });

  it('shows an API error, keeps everything entered, and allows another try', async () => {
    create.mockRejectedValueOnce({ response: { status: 409 }, json: { reason: 'AlreadyExists', message: 'restores "x" already exists', code: 409 } });
    renderAt('/business-continuity/restores/create');
    typeInto('restore-name', 'restore-mine');
    next();
    typeInto('restore-sync-interval', '15m');
    next();
    fireEvent.click(createButton());
    await waitFor(() => expect(screen.getByTestId('create-error')).toHaveTextContent('A Restore named restore-mine already exists.'));
    expect(screen.getByTestId('location')).toHaveTextContent('/business-continuity/restores/create');
    fireEvent.click(button('Back'));
    expect(document.getElementById('restore-sync-interval')).toHaveValue('15m');
    next();
    fireEvent.click(createButton());
    await waitFor(() => expect(create).toHaveBeenCalledTimes(2));
    expect(create.mock.calls[1][0].data.metadata.name).toBe('restore-mine');
    expect(create.mock.calls[1][0].data.spec.restoreSyncInterval).toBe('15m');
  });

  it('keeps a viewer from creating, saying why', async () => {
    mock.setAccess(() => false);
    renderAt('/business-continuity/restores/create');
    expect(screen.getByTestId('create-forbidden')).toHaveTextContent('You do not have permission to create restores');
    next();
    next();
    expect(createButton()).toBeDisabled();
    fireEvent.click(createButton());
    await flush();
    expect(create).not.toHaveBeenCalled();
  });
});
