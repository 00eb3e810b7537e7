import { PluginPage } from '../../components/PluginPage';
import { SectionPlaceholder } from '../../components/SectionPlaceholder';
import { usePluginTranslation } from '../../i18n';

const VolSyncPage = () => {
  const { t } = usePluginTranslation();
  return (
    <PluginPage title={t('VolSync')}>
      <SectionPlaceholder
        headline={t('Is application data replicated?')}
        body={t('This page will pair a persistent volume claim on one managed cluster with a destination on another and show each pair health.')}
      />
    </PluginPage>
  );
};

export default VolSyncPage;
