import { PluginPage } from '../../components/PluginPage';
import { SectionPlaceholder } from '../../components/SectionPlaceholder';
import { usePluginTranslation } from '../../i18n';

const OverviewPage = () => {
  const { t } = usePluginTranslation();
  return (
    <PluginPage title={t('Business continuity overview')}>
      <SectionPlaceholder
        headline={t('Is this hub protected?')}
        body={t('This page will show whether this hub is primary, passive or standalone, and a disaster-recovery readiness checklist.')}
      />
    </PluginPage>
  );
};

export default OverviewPage;
