import { isNotInstalledError } from '../../components/apiState';
import { PluginPage } from '../../components/PluginPage';
import { GuardedButton } from '../../components/GuardedButton';
import { EmptyMessage } from '../../components/PageStates';
import { usePluginTranslation } from '../../i18n';
import { Link, useLocation, useNavigate } from '../../router';
import { CreateRestoreWizard } from './CreateRestoreWizard';
import { RestoreDetails } from './RestoreDetails';
import { RestoreHistory } from './RestoreHistory';
import { restorePaths, viewOf } from './paths';
import { useNow } from '../../components/useNow';
import { useRestoreHub } from './useRestoreHub';
import { useRestorePermissions } from './usePermissions';

/**
 * Everything under /business-continuity/restores: the history, the creation wizard and one
 * restore's details. One route serves them all so the watches stay open while moving between them.
 */
const RestoresPage = () => {
  const { t } = usePluginTranslation();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const hub = useRestoreHub();
  // Running durations and backup ages move while the page is open.
  const now = useNow(15_000);
  const permissions = useRestorePermissions();
  const view = viewOf(pathname);

  switch (view.view) {
    case 'create':
      return (
        <PluginPage title={t('Create restore')}>
          <CreateRestoreWizard hub={hub} now={now} />
        </PluginPage>
      );
    case 'details':
      return (
        <PluginPage title={t('Restore {{name}}', { name: view.name })}>
          <RestoreDetails hub={hub} now={now} name={view.name} />
        </PluginPage>
      );
    case 'unknown':
      return (
        <PluginPage title={t('Restores')}>
          <EmptyMessage title={t('This page does not exist')} action={<Link to={restorePaths.history}>{t('Back to restores')}</Link>} />
        </PluginPage>
      );
    default:
      return (
        <PluginPage
          title={t('Restores')}
          actions={
            <GuardedButton
              variant="primary"
              onClick={() => navigate(restorePaths.create)}
              disabledReason={
                isNotInstalledError(hub.restores.error) ? t('This hub does not serve the Restore API: enable the cluster-backup component first.') : permissions.create.reason
              }
            >
              {t('Create restore')}
            </GuardedButton>
          }
        >
          <RestoreHistory hub={hub} now={now} />
        </PluginPage>
      );
  }
};

export default RestoresPage;
