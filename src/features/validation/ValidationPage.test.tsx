import { fireEvent, render, screen, within } from '@testing-library/react';
// Tests provide the router the console provides in production.
// eslint-disable-next-line @typescript-eslint/no-restricted-imports
import { MemoryRouter } from 'react-router-dom-v5-compat';
import { BackupScheduleModel, gvkOf, PolicyModel } from '../../k8s/models';
import { BACKUP_NAMESPACE } from '../../k8s/names';
import { HEALTHY_TEMPLATES, mock, seedHealthyPrimary, validationPolicies } from '../../components/__fixtures__/hub';
import ValidationPage from './ValidationPage';

const renderPage = () =>
  render(
    <MemoryRouter initialEntries={['/business-continuity/validation']} future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
      <ValidationPage />
    </MemoryRouter>,
  );

const row = (name: string) => screen.getAllByTestId('template-row').find((r) => r.getAttribute('data-template') === name) as HTMLElement;

describe('ValidationPage', () => {
  it('lists each template in plain words, with its state, latest message and history', () => {
    seedHealthyPrimary();
    renderPage();
    expect(screen.getByTestId('policy-state')).toHaveAttribute('data-state', 'compliant');
    const velero = row('velero-pod-running');
    expect(velero).toHaveAttribute('data-compliance', 'Compliant');
    expect(within(velero).getByText('The Velero pod is running')).toBeInTheDocument();
    expect(within(velero).getByText('pods [velero-123] found as specified')).toBeInTheDocument();
    // History and the remedy are one click away for a compliant template.
    expect(within(velero).queryByTestId('template-history')).not.toBeInTheDocument();
    fireEvent.click(within(velero).getByRole('button'));
    expect(within(velero).getByTestId('template-history')).toHaveTextContent('an older message');
    expect(within(velero).getByText(/Velero runs only when a DataProtectionApplication exists/)).toBeInTheDocument();
  });

  it('puts failing templates first, with their remedy shown', () => {
    seedHealthyPrimary();
    mock.setResources(
      gvkOf(PolicyModel),
      validationPolicies([
        ...HEALTHY_TEMPLATES,
        { name: 'backup-schedule-cron-enabled', compliant: 'NonCompliant', message: 'backups not found' },
        { name: 'acm-backup-clusters-collision-report', compliant: 'Pending', message: 'waiting' },
      ]),
    );
    renderPage();
    expect(screen.getByTestId('policy-state')).toHaveAttribute('data-state', 'noncompliant');
    const rows = screen.getAllByTestId('template-row');
    expect(rows[0]).toHaveAttribute('data-template', 'backup-schedule-cron-enabled');
    expect(rows[1]).toHaveAttribute('data-template', 'acm-backup-clusters-collision-report');
    expect(within(rows[0]).getByText('Not compliant')).toBeInTheDocument();
    expect(within(rows[0]).getByTestId('template-remedy')).toHaveTextContent('Create or resume it');
    expect(within(rows[1]).getByText('Pending')).toBeInTheDocument();
  });

  it('shows templates of newer releases only when the policy reports them', () => {
    seedHealthyPrimary();
    renderPage();
    expect(screen.queryByText('acm-cluster-backup-enabled')).not.toBeInTheDocument();
    expect(screen.queryByText('vm-config-setup')).not.toBeInTheDocument();
    expect(screen.getAllByTestId('template-row')).toHaveLength(HEALTHY_TEMPLATES.length);
  });

  it('shows an unknown template by its name rather than dropping it', () => {
    seedHealthyPrimary();
    mock.setResources(gvkOf(PolicyModel), validationPolicies([...HEALTHY_TEMPLATES, { name: 'acm-future-check', compliant: 'NonCompliant', message: 'something new' }]));
    renderPage();
    expect(within(row('acm-future-check')).getByTestId('template-remedy')).toHaveTextContent('ConfigurationPolicy acm-future-check');
  });

  it('explains a missing policy and never shows it as healthy', () => {
    seedHealthyPrimary();
    mock.setResources(gvkOf(PolicyModel), []);
    renderPage();
    expect(screen.getByTestId('policy-state')).toHaveAttribute('data-state', 'missing');
    expect(screen.getByTestId('policy-state')).toHaveTextContent('Not checked');
    expect(screen.getByTestId('policy-missing')).toHaveTextContent(/self-managed/);
    expect(screen.queryByTestId('template-table')).not.toBeInTheDocument();
  });

  it('says the policy is missing because the backup operator is not installed, and where to enable it', () => {
    seedHealthyPrimary();
    mock.setResources(gvkOf(PolicyModel), []);
    mock.setWatchError(gvkOf(BackupScheduleModel), Object.assign(new Error('Model does not exist'), { name: 'NoModelError' }));
    renderPage();
    const missing = screen.getByTestId('policy-missing');
    expect(missing).toHaveAttribute('data-reason', 'operator-not-installed');
    expect(within(missing).getByRole('link', { name: 'How to enable it' })).toHaveAttribute('href', '/business-continuity/overview');
    expect(screen.getByTestId('policy-state')).toHaveTextContent('Not checked');
  });

  it('explains a policy that exists but is not placed on this hub', () => {
    seedHealthyPrimary();
    const [root] = validationPolicies(HEALTHY_TEMPLATES);
    mock.setResources(gvkOf(PolicyModel), [{ ...root, status: {} } as object]);
    renderPage();
    expect(screen.getByTestId('policy-missing')).toHaveTextContent('not placed on this hub');
  });

  it('says the user may not read policies, distinct from a missing policy', () => {
    seedHealthyPrimary();
    mock.setWatchError(
      gvkOf(PolicyModel),
      Object.assign(new Error('forbidden'), { response: { status: 403 }, json: { code: 403, reason: 'Forbidden', message: 'policies is forbidden' } }),
    );
    renderPage();
    expect(screen.getByTestId('forbidden')).toHaveTextContent(`namespace ${BACKUP_NAMESPACE}`);
    expect(screen.queryByTestId('policy-missing')).not.toBeInTheDocument();
  });

  it('says when the Policy API itself is not served', () => {
    seedHealthyPrimary();
    mock.setWatchError(gvkOf(PolicyModel), Object.assign(new Error('Model does not exist'), { name: 'NoModelError' }));
    renderPage();
    expect(screen.getByTestId('not-installed')).toHaveTextContent('governance policy framework is not installed');
  });

  it('waits for the policies before saying anything', () => {
    seedHealthyPrimary();
    mock.setResources(gvkOf(PolicyModel), [], { loaded: false });
    renderPage();
    expect(screen.getByRole('progressbar')).toBeInTheDocument();
    expect(screen.queryByTestId('policy-state')).not.toBeInTheDocument();
  });
});
