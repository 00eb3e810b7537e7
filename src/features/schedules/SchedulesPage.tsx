import { PluginPage } from '../../components/PluginPage';
import { SectionPlaceholder } from '../../components/SectionPlaceholder';
import { usePluginTranslation } from '../../i18n';

const SchedulesPage = () => {
  const { t } = usePluginTranslation();
  return (
    <PluginPage title={t('Backup schedules')}>
      <SectionPlaceholder
        headline={t('Is this hub backing up?')}
        body={t('This page will show the hub BackupSchedule, the Velero schedules it owns and the backups they produce.')}
      />
    </PluginPage>
  );
};

export default SchedulesPage;
