import { useState } from 'react';
import { Alert, AlertActionCloseButton, Content } from '@patternfly/react-core';
import { BackupScheduleModel } from '../../k8s/models';
import { BACKUP_NAMESPACE } from '../../k8s/names';
import { useCanI } from '../../k8s/access';
import { canCreateSchedule } from '../../insight/schedule';
import { EmptyMessage, LoadErrorState, LoadingState } from '../../components/PageStates';
import { GuardedButton } from '../../components/GuardedButton';
import { usePluginTranslation } from '../../i18n';
import { useNavigate } from '../../router';
import { schedulePaths } from './paths';
import { ScheduleDetails } from './ScheduleDetails';
import { loadError, type ScheduleData } from './useScheduleData';
import { useNow } from '../../components/useNow';

/** The Create button wherever it appears: disabled, with the reason, when it cannot succeed. */
export const CreateScheduleButton = ({ data }: { data: ScheduleData }) => {
  const { t, tm } = usePluginTranslation();
  const navigate = useNavigate();
  const access = useCanI('create', BackupScheduleModel, BACKUP_NAMESPACE);
  const check = canCreateSchedule({ schedules: data.schedules.data, restores: data.restores.data, namespace: BACKUP_NAMESPACE });
  const reason = access.loading
    ? t('Checking your permissions…')
    : !access.allowed
      ? t('You do not have permission to create BackupSchedules in namespace {{namespaceName}}.', { namespaceName: BACKUP_NAMESPACE })
      : !check.allowed
        ? tm(check.reason)
        : undefined;
  return (
    <GuardedButton variant="primary" disabledReason={reason} onClick={() => navigate(schedulePaths.create)} data-testid="create-schedule">
      {t('Create backup schedule')}
    </GuardedButton>
  );
};

export const ScheduleTab = ({ data }: { data: ScheduleData }) => {
  const { t } = usePluginTranslation();
  const now = useNow();
  const [deleted, setDeleted] = useState<string>();
  const { schedules } = data;

  if (schedules.error) {
    return (
      <LoadErrorState error={loadError(schedules.error)} context={{ verb: 'list', model: BackupScheduleModel, namespace: BACKUP_NAMESPACE }} />
    );
  }
  if (!schedules.loaded) return <LoadingState />;

  const deletedNotice = deleted && (
    <Alert
      variant="success"
      isInline
      title={t('BackupSchedule {{name}} was deleted.', { name: deleted })}
      actionClose={<AlertActionCloseButton onClose={() => setDeleted(undefined)} />}
      className="pf-v6-u-mb-md"
      data-testid="deleted-notice"
    >
      {t('The operator removes its Velero schedules. Backups already in storage stay until they expire.')}
    </Alert>
  );

  const visible = [...schedules.data].sort((a, b) => (a === data.active ? -1 : b === data.active ? 1 : 0));
  if (visible.length === 0) {
    return (
      <>
        {deletedNotice}
        <EmptyMessage title={t('This hub has no backup schedule')} action={<CreateScheduleButton data={data} />}>
          {t(
            'Without a BackupSchedule in {{namespaceName}} this hub is not backed up: if it is lost, its policies, applications and managed clusters cannot be restored on another hub.',
            { namespaceName: BACKUP_NAMESPACE },
          )}
        </EmptyMessage>
      </>
    );
  }

  const several = visible.length > 1;
  const veleroError = data.veleroSchedules.error;
  return (
    <>
      {deletedNotice}
      {several && (
        <Alert variant="warning" isInline title={t('Several BackupSchedules exist in {{namespaceName}}: {{number}}', { number: visible.length, namespaceName: BACKUP_NAMESPACE })} className="pf-v6-u-mb-md" data-testid="several-schedules">
          <Content component="p">
            {data.active
              ? t(
                  'The operator runs one schedule per namespace: the Velero schedules have fixed names, so only {{name}} owns them. Delete the others; they only produce failures and confuse the validation policy.',
                  { name: data.active.metadata?.name ?? '' },
                )
              : t('The operator runs one schedule per namespace. Delete all but one.')}
          </Content>
        </Alert>
      )}
      {visible.map((s) => (
        <ScheduleDetails
          key={s.metadata?.uid ?? s.metadata?.name}
          schedule={s}
          several={several}
          isActive={s === data.active}
          veleroSchedules={data.veleroSchedules.data}
          veleroSchedulesUnreadable={Boolean(veleroError)}
          now={now}
          onDeleted={setDeleted}
        />
      ))}
    </>
  );
};
