import {
  Alert,
  AlertActionCloseButton,
  Breadcrumb,
  BreadcrumbItem,
  Tab,
  TabTitleText,
  Tabs,
} from '@patternfly/react-core';
import { BackupScheduleModel } from '../../k8s/models';
import { BACKUP_NAMESPACE } from '../../k8s/names';
import { PluginPage } from '../../components/PluginPage';
import { EmptyMessage, LoadErrorState, LoadingState } from '../../components/PageStates';
import { usePluginTranslation } from '../../i18n';
import { Link, useLocation, useNavigate } from '../../router';
import { BackupsTab } from './BackupsTab';
import { schedulePaths, viewOf } from './paths';
import { ScheduleForm, type ScheduleFormResult } from './ScheduleForm';
import { ScheduleTab } from './ScheduleTab';
import { loadError, useScheduleData, type ScheduleData } from './useScheduleData';

/** Set on navigation after a save, so the schedule view can say what happened. */
type SavedState = { saved?: ScheduleFormResult & { mode: 'create' | 'edit' } };

const SavedNotice = ({ saved }: { saved: NonNullable<SavedState['saved']> }) => {
  const { t } = usePluginTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  return (
    <Alert
      variant={saved.droppedFields.length ? 'warning' : 'success'}
      isInline
      className="pf-v6-u-mb-md"
      title={
        saved.mode === 'create'
          ? t('BackupSchedule {{name}} was created.', { name: saved.name })
          : t('BackupSchedule {{name}} was saved.', { name: saved.name })
      }
      actionClose={<AlertActionCloseButton onClose={() => navigate(location.pathname, { replace: true, state: null })} />}
      data-testid="saved-notice"
    >
      {saved.droppedFields.length > 0
        ? t(
            'The API server dropped these fields because the backup operator on this hub is too old to know them: {{fields}}. They have no effect.',
            { fields: saved.droppedFields.join(', ') },
          )
        : saved.mode === 'create'
          ? t('The operator now creates the five Velero schedules; the first backups follow within a minute unless they were turned off.')
          : t('The operator applies the change to the Velero schedules at its next reconcile.')}
    </Alert>
  );
};

const FormView = ({ data, mode, name }: { data: ScheduleData; mode: 'create' | 'edit'; name?: string }) => {
  const { t } = usePluginTranslation();
  const navigate = useNavigate();
  const { schedules, restores } = data;
  const back = () => navigate(schedulePaths.schedule);
  const done = (result: ScheduleFormResult) => navigate(schedulePaths.schedule, { state: { saved: { ...result, mode } } satisfies SavedState });
  let body;
  if (schedules.error) {
    body = <LoadErrorState error={loadError(schedules.error)} context={{ verb: 'list', model: BackupScheduleModel, namespace: BACKUP_NAMESPACE }} />;
  } else if (!schedules.loaded || (!restores.loaded && !restores.error)) {
    body = <LoadingState />;
  } else if (mode === 'edit') {
    const existing = schedules.data.find((s) => s.metadata?.name === name);
    body = existing ? (
      <ScheduleForm mode="edit" existing={existing} schedules={schedules.data} restores={restores.data} onDone={done} onCancel={back} />
    ) : (
      <EmptyMessage title={t('BackupSchedule {{name}} was not found', { name: name ?? '' })} action={<Link to={schedulePaths.schedule}>{t('Back to backup schedules')}</Link>}>
        {t('It may have been deleted meanwhile.')}
      </EmptyMessage>
    );
  } else {
    body = (
      <>
        {Boolean(restores.error) && (
          <Alert variant="warning" isInline className="pf-v6-u-mb-md" title={t('Active restores could not be checked')}>
            {t('The operator refuses a new schedule while a Restore is active; if one is, the schedule will show that reason.')}
          </Alert>
        )}
        <ScheduleForm mode="create" schedules={schedules.data} restores={restores.data} onDone={done} onCancel={back} />
      </>
    );
  }
  return (
    <PluginPage title={mode === 'create' ? t('Create backup schedule') : t('Edit backup schedule {{name}}', { name: name ?? '' })}>
      <Breadcrumb className="pf-v6-u-mb-md">
        <BreadcrumbItem>
          <Link to={schedulePaths.schedule}>{t('Backup schedules')}</Link>
        </BreadcrumbItem>
        <BreadcrumbItem isActive>{mode === 'create' ? t('Create') : t('Edit')}</BreadcrumbItem>
      </Breadcrumb>
      {body}
    </PluginPage>
  );
};

const SchedulesPage = () => {
  const { t } = usePluginTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const data = useScheduleData();
  const view = viewOf(location.pathname);

  if (view.view === 'create') return <FormView data={data} mode="create" />;
  if (view.view === 'edit') return <FormView data={data} mode="edit" name={view.name} />;

  const saved = (location.state as SavedState | null)?.saved;
  const activeKey = view.view === 'backups' ? 'backups' : 'schedule';
  return (
    <PluginPage title={t('Backup schedules')}>
      {saved && <SavedNotice saved={saved} />}
      <Tabs
        activeKey={activeKey}
        onSelect={(_e, key) => navigate(key === 'backups' ? schedulePaths.backups : schedulePaths.schedule)}
        aria-label={t('Backup schedules')}
        mountOnEnter
        unmountOnExit
      >
        <Tab eventKey="schedule" title={<TabTitleText>{t('Schedule')}</TabTitleText>} data-testid="tab-schedule">
          <div className="pf-v6-u-pt-md">{activeKey === 'schedule' && <ScheduleTab data={data} />}</div>
        </Tab>
        <Tab eventKey="backups" title={<TabTitleText>{t('Backups')}</TabTitleText>} data-testid="tab-backups">
          <div className="pf-v6-u-pt-md">{activeKey === 'backups' && <BackupsTab data={data} />}</div>
        </Tab>
      </Tabs>
    </PluginPage>
  );
};

export default SchedulesPage;
