import { PluginPage } from '../../components/PluginPage';
import { SectionPlaceholder } from '../../components/SectionPlaceholder';
import { usePluginTranslation } from '../../i18n';

const RestoresPage = () => {
  const { t } = usePluginTranslation();
  return (
    <PluginPage title={t('Restores')}>
      <SectionPlaceholder
        headline={t('What was restored, and when?')}
        body={t('This page will guide you through creating a restore and show the restore history with an events timeline for each restore.')}
      />
    </PluginPage>
  );
};

export default RestoresPage;
