import { useState } from 'react';
import {
  Alert,
  Card,
  CardBody,
  CardHeader,
  CardTitle,
  CodeBlock,
  CodeBlockCode,
  Content,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  Flex,
  FlexItem,
  Label,
  Title,
} from '@patternfly/react-core';
import { BackupScheduleModel } from '../../k8s/models';
import type { BackupSchedule, VeleroSchedule } from '../../k8s/types';
import { useCanI } from '../../k8s/access';
import { isSchedulePaused } from '../../insight/hubRole';
import { ownedVeleroSchedules, schedulePhaseInfo, scheduleTtlInfo } from '../../insight/schedule';
import { GuardedButton } from '../../components/GuardedButton';
import { SeverityLabel } from '../../components/SeverityLabel';
import { useFormatters } from '../../components/format';
import { usePluginTranslation } from '../../i18n';
import { useNavigate } from '../../router';
import { CronSummary } from './CronSummary';
import { schedulePaths } from './paths';
import { DeleteScheduleModal, PauseModal, type PauseOutcome } from './ScheduleModals';
import { VeleroSchedulesTable } from './VeleroSchedulesTable';

type ScheduleDetailsProps = {
  schedule: BackupSchedule;
  /** Several schedules exist: say whether this one is the one running. */
  several: boolean;
  isActive: boolean;
  veleroSchedules: readonly VeleroSchedule[];
  /** Velero schedules could not be listed (e.g. forbidden): fall back to the status copies. */
  veleroSchedulesUnreadable: boolean;
  now: Date;
  onDeleted: (name: string) => void;
};

export const ScheduleDetails = ({
  schedule,
  several,
  isActive,
  veleroSchedules,
  veleroSchedulesUnreadable,
  now,
  onDeleted,
}: ScheduleDetailsProps) => {
  const { t, tm } = usePluginTranslation();
  const { dateTime } = useFormatters();
  const navigate = useNavigate();
  const name = schedule.metadata?.name ?? '';
  const namespace = schedule.metadata?.namespace;
  const phase = schedule.status?.phase;
  const info = schedulePhaseInfo(phase);
  const ttl = scheduleTtlInfo(schedule);
  const paused = isSchedulePaused(schedule);
  const collided = phase === 'BackupCollision';
  const owned = ownedVeleroSchedules(schedule, veleroSchedules, { useStatusCopies: veleroSchedulesUnreadable });
  const lastRun = owned.reduce<Date | undefined>((latest, o) => (o.lastBackup && (!latest || o.lastBackup > latest) ? o.lastBackup : latest), undefined);

  const patch = useCanI('patch', BackupScheduleModel, namespace, name);
  const remove = useCanI('delete', BackupScheduleModel, namespace, name);
  const [pauseOpen, setPauseOpen] = useState(false);
  const [deleteOpen, setDeleteOpen] = useState(false);
  const [pauseOutcome, setPauseOutcome] = useState<PauseOutcome>();

  const permissionReason = (access: { allowed: boolean; loading: boolean }, verb: 'change' | 'delete') => {
    if (access.loading) return t('Checking your permissions…');
    if (access.allowed) return undefined;
    return verb === 'change'
      ? t('You do not have permission to change BackupSchedules in namespace {{namespaceName}}.', { namespaceName: namespace })
      : t('You do not have permission to delete BackupSchedules in namespace {{namespaceName}}.', { namespaceName: namespace });
  };
  const collidedReason = t('The operator ignores a schedule in backup collision: delete it and create a new one on the primary hub.');
  const editReason = permissionReason(patch, 'change') ?? (collided ? collidedReason : undefined);
  const pauseReason = permissionReason(patch, 'change') ?? (collided ? collidedReason : undefined);
  const deleteReason = permissionReason(remove, 'delete');

  const options: { term: string; value: string }[] = [];
  const yes = t('Yes');
  const no = t('No');
  if (schedule.spec?.paused !== undefined) options.push({ term: t('Paused'), value: schedule.spec.paused ? yes : no });
  if (schedule.spec?.noBackupOnStart !== undefined) options.push({ term: t('No backup on start'), value: schedule.spec.noBackupOnStart ? yes : no });
  if (schedule.spec?.skipImmediately !== undefined) options.push({ term: t('Skip immediately due backup'), value: schedule.spec.skipImmediately ? yes : no });
  if (schedule.spec?.useOwnerReferencesInBackup !== undefined) {
    options.push({ term: t('Delete backups with their schedule'), value: schedule.spec.useOwnerReferencesInBackup ? yes : no });
  }
  if (schedule.spec?.volumeSnapshotLocations?.length) {
    options.push({ term: t('Volume snapshot locations'), value: schedule.spec.volumeSnapshotLocations.join(', ') });
  }

  return (
    <Card data-testid={`schedule-${name}`} className="pf-v6-u-mb-md">
      <CardHeader
        actions={{
          actions: (
            <Flex spaceItems={{ default: 'spaceItemsSm' }}>
              <FlexItem>
                <GuardedButton variant="secondary" disabledReason={editReason} onClick={() => navigate(schedulePaths.edit(name))} data-testid="edit-schedule">
                  {t('Edit')}
                </GuardedButton>
              </FlexItem>
              <FlexItem>
                <GuardedButton variant="secondary" disabledReason={pauseReason} onClick={() => setPauseOpen(true)} data-testid="pause-schedule">
                  {paused ? t('Resume') : t('Pause')}
                </GuardedButton>
              </FlexItem>
              <FlexItem>
                <GuardedButton variant="danger" disabledReason={deleteReason} onClick={() => setDeleteOpen(true)} data-testid="delete-schedule">
                  {t('Delete')}
                </GuardedButton>
              </FlexItem>
            </Flex>
          ),
          hasNoOffset: false,
        }}
      >
        <CardTitle>
          <Flex spaceItems={{ default: 'spaceItemsSm' }} alignItems={{ default: 'alignItemsCenter' }}>
            <FlexItem>
              <Title headingLevel="h2">{name}</Title>
            </FlexItem>
            <FlexItem>
              <SeverityLabel severity={info.severity}>{tm(info.label)}</SeverityLabel>
            </FlexItem>
            {several && (
              <FlexItem>
                {isActive ? (
                  <Label color="blue" data-testid="active-schedule">
                    {t('Active')}
                  </Label>
                ) : (
                  <Label color="grey" data-testid="inactive-schedule">
                    {t('Not active')}
                  </Label>
                )}
              </FlexItem>
            )}
          </Flex>
        </CardTitle>
      </CardHeader>
      <CardBody>
        {pauseOutcome && !pauseOutcome.supported && (
          <Alert variant="warning" isInline title={t('Pausing is not supported by the backup operator on this hub')} data-testid="pause-unsupported" className="pf-v6-u-mb-md">
            {t(
              'The API server dropped the paused field, so nothing changed: the operator is older than ACM 2.12. To stop backups on this release, delete the BackupSchedule and create it again later.',
            )}
          </Alert>
        )}
        <Content component="p">{tm(info.explanation)}</Content>
        {schedule.status?.lastMessage && (
          <>
            <Content component="p">
              <strong>{t('The operator says:')}</strong>
            </Content>
            <CodeBlock className="pf-v6-u-mb-md">
              <CodeBlockCode data-testid="last-message">{schedule.status.lastMessage}</CodeBlockCode>
            </CodeBlock>
          </>
        )}
        <DescriptionList isHorizontal isCompact columnModifier={{ lg: '2Col' }}>
          <DescriptionListGroup>
            <DescriptionListTerm>{t('Schedule')}</DescriptionListTerm>
            <DescriptionListDescription>
              <code>{schedule.spec?.veleroSchedule}</code>
              <CronSummary
                expr={schedule.spec?.veleroSchedule ?? ''}
                paused={paused}
                now={now}
                lastRun={lastRun}
                stoppedText={collided ? t('No backups run: the operator stopped this schedule because of the backup collision.') : undefined}
              />
            </DescriptionListDescription>
          </DescriptionListGroup>
          <DescriptionListGroup>
            <DescriptionListTerm>{t('Backup TTL')}</DescriptionListTerm>
            <DescriptionListDescription data-testid="ttl">
              <code>{ttl.veleroTtl}</code> {ttl.veleroTtlIsDefault && <Label isCompact>{t('Velero default')}</Label>}
              <Content component="small" className="pf-v6-u-display-block">
                {tm(ttl.veleroTtlExplanation)}
              </Content>
            </DescriptionListDescription>
          </DescriptionListGroup>
          <DescriptionListGroup>
            <DescriptionListTerm>{t('Managed service accounts')}</DescriptionListTerm>
            <DescriptionListDescription data-testid="msa">
              {ttl.msaEnabled ? (
                <>
                  {t('On: imported clusters reconnect to a restore hub by themselves.')}
                  <Content component="small" className="pf-v6-u-display-block">
                    {t('Token validity:')} <code>{ttl.msaTtl || '—'}</code>. {tm(ttl.msaTtlExplanation)}
                  </Content>
                </>
              ) : (
                t('Off: after a restore, imported clusters must be imported again by hand; clusters created by the hub reconnect by themselves.')
              )}
            </DescriptionListDescription>
          </DescriptionListGroup>
          {options.map((o) => (
            <DescriptionListGroup key={o.term}>
              <DescriptionListTerm>{o.term}</DescriptionListTerm>
              <DescriptionListDescription>{o.value}</DescriptionListDescription>
            </DescriptionListGroup>
          ))}
          {schedule.metadata?.creationTimestamp && (
            <DescriptionListGroup>
              <DescriptionListTerm>{t('Created')}</DescriptionListTerm>
              <DescriptionListDescription>{dateTime(schedule.metadata.creationTimestamp)}</DescriptionListDescription>
            </DescriptionListGroup>
          )}
          <DescriptionListGroup>
            <DescriptionListTerm>{t('Namespace')}</DescriptionListTerm>
            <DescriptionListDescription>{namespace}</DescriptionListDescription>
          </DescriptionListGroup>
        </DescriptionList>
        <Title headingLevel="h3" className="pf-v6-u-mt-lg pf-v6-u-mb-sm">
          {t('Velero schedules')}
        </Title>
        <VeleroSchedulesTable owned={owned} schedulePhase={phase} now={now} />
      </CardBody>
      {pauseOpen && (
        <PauseModal
          schedule={schedule}
          pause={!paused}
          onClose={() => setPauseOpen(false)}
          onDone={(outcome) => {
            setPauseOpen(false);
            setPauseOutcome(outcome);
          }}
        />
      )}
      <DeleteScheduleModal schedule={schedule} isOpen={deleteOpen} onClose={() => setDeleteOpen(false)} onDeleted={() => onDeleted(name)} />
    </Card>
  );
};
