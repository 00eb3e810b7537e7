import { PluginPage } from '../../components/PluginPage';
import { SectionPlaceholder } from '../../components/SectionPlaceholder';
import { usePluginTranslation } from '../../i18n';

const ValidationPage = () => {
  const { t } = usePluginTranslation();
  return (
    <PluginPage title={t('Validation policy')}>
      <SectionPlaceholder
        headline={t('Does the backup validation policy agree?')}
        body={t('This page will show the backup-restore-enabled policy, template by template, with the remedy for each violation.')}
      />
    </PluginPage>
  );
};

export default ValidationPage;
