import type { ReactNode } from 'react';
import { Alert, Card, CardBody, CardTitle, Content, Flex, FlexItem, Stack, StackItem } from '@patternfly/react-core';
import { CommandBlock } from '../../components/CommandBlock';
import { ProgressTrain, type TrainStep } from '../../components/ProgressTrain';
import { SeverityLabel, type Severity } from '../../components/SeverityLabel';
import { useFormatters } from '../../components/format';
import { usePluginTranslation } from '../../i18n';
import { PROMOTION_STEPS, type PromotionStepId, type StepStatus } from '../../insight/promotion';
import { Link } from '../../router';
import { auditOf } from './manifests';
import { OVERVIEW_PATH, SCHEDULES_PATH } from './paths';
import { AutoImportResults, RestoreStepDetails } from './RestoreStepDetails';
import { ScheduleStep, useScheduleCreation } from './ScheduleStep';
import type { PromotionData } from './usePromotionData';

const SEVERITY: Record<StepStatus, Severity> = { pending: 'unknown', active: 'progress', done: 'healthy', failed: 'critical' };

/** Who asked for the promotion, when and why, as recorded on the activation restore. */
const RequestSummary = ({ data }: { data: PromotionData }) => {
  const { t } = usePluginTranslation();
  const { dateTime } = useFormatters();
  const restore = data.state.activationRestore;
  const audit = auditOf(restore);
  if (!audit) {
    return (
      <Alert variant="info" isInline title={t('This activation was not started from this page')} data-testid="promotion-request">
        {t('Restore {{name}} activates the managed clusters on this hub; this page follows it and helps with the remaining steps.', {
          name: restore?.metadata?.name ?? '',
        })}
      </Alert>
    );
  }
  const when = audit.time && !Number.isNaN(Date.parse(audit.time)) ? dateTime(audit.time) : audit.time || '—';
  return (
    <Content component="p" data-testid="promotion-request">
      {t('Promotion of this hub ({{id}}) requested by {{user}} on {{time}}.', { id: data.thisHubId ?? data.hub.localClusterName, user: audit.user, time: when })}{' '}
      {audit.reason ? t('Reason: {{reason}}', { reason: audit.reason }) : t('No reason was given.')}
    </Content>
  );
};

const StepCard = ({ id, index, title, status, detail, children }: { id: PromotionStepId; index: number; title: string; status: StepStatus; detail?: string; children?: ReactNode }) => {
  const { t } = usePluginTranslation();
  const words: Record<StepStatus, string> = { pending: t('Not started'), active: t('In progress'), done: t('Done'), failed: t('Failed') };
  return (
    <Card isCompact data-testid={`step-${id}`} data-status={status}>
      <CardTitle>
        <Flex spaceItems={{ default: 'spaceItemsSm' }} alignItems={{ default: 'alignItemsCenter' }}>
          <FlexItem>{t('Step {{number}}: {{title}}', { number: index + 1, title })}</FlexItem>
          <FlexItem>
            <SeverityLabel severity={SEVERITY[status]}>{words[status]}</SeverityLabel>
          </FlexItem>
        </Flex>
      </CardTitle>
      <CardBody>
        {detail && <p data-testid={`step-${id}-detail`}>{detail}</p>}
        {children}
      </CardBody>
    </Card>
  );
};

/**
 * The promotion under way, or done: the train of the five steps and, under it, what each step is
 * doing, all derived from the cluster, so a reload or another tab shows the same.
 */
export const PromotionProgress = ({ data }: { data: PromotionData }) => {
  const { t, tm } = usePluginTranslation();
  const { state, plan, hub, now } = data;
  const titles = Object.fromEntries(plan.steps.map((s) => [s.id, tm(s.title)])) as Record<PromotionStepId, string>;
  const creation = useScheduleCreation(state, data.access.createBackupSchedules);
  const byId = Object.fromEntries(state.steps.map((s) => [s.id, s])) as Record<PromotionStepId, (typeof state.steps)[number]>;
  // Creating the schedule is the one step this page performs after the start: its failure is the page's to show.
  if (creation.run.status === 'failed' && byId.schedule.status !== 'done') byId.schedule = { ...byId.schedule, status: 'failed' };
  const train: TrainStep[] = PROMOTION_STEPS.map((id) => ({
    id,
    title: titles[id],
    // Clusters may still reconnect while the schedule step runs: two steps can be in progress at once.
    status: byId[id].status,
    ...(state.current === id && byId[id].detail ? { description: tm(byId[id].detail!) } : {}),
  }));
  const restore = state.activationRestore;
  const failedIndex = state.failed ? PROMOTION_STEPS.indexOf(state.failed.step) : -1;

  return (
    <Stack hasGutter data-testid="promotion-progress" data-current={state.current}>
      <StackItem>
        <RequestSummary data={data} />
      </StackItem>
      <StackItem>
        <ProgressTrain steps={train} ariaLabel={t('Promotion progress')} />
      </StackItem>
      {state.current === 'done' && (
        <StackItem>
          <Alert variant="success" isInline title={t('This hub is now the primary hub')} data-testid="promotion-done">
            <p>{t('Its BackupSchedule is Enabled and has written a backup. Other passive hubs now sync from this hub\'s backups.')}</p>
            <p>
              {t('On the old primary hub, once its managed clusters show Unknown, delete them there; never while they are Available, or their workloads are detached.')}
            </p>
            <p>
              <Link to={OVERVIEW_PATH}>{t('Go to the overview')}</Link> · <Link to={SCHEDULES_PATH}>{t('Open the backup schedules')}</Link>
            </p>
          </Alert>
        </StackItem>
      )}
      {state.failed && (
        <StackItem>
          <Alert
            variant="danger"
            isInline
            title={t('The promotion stopped at step {{number}}: {{title}}', { number: failedIndex + 1, title: titles[state.failed.step] })}
            data-testid="promotion-failed"
          >
            <p>{tm(state.failed.reason)}</p>
            <p className="pf-v6-u-mt-sm">{t('To continue by hand:')}</p>
            <CommandBlock command={state.failed.manualCommand} id="promotion-manual" label={t('Copy the commands to continue the promotion')} />
          </Alert>
        </StackItem>
      )}
      {PROMOTION_STEPS.map((id, index) => {
        const step = byId[id];
        const detail = step.detail ? tm(step.detail) : undefined;
        let body: ReactNode = null;
        if (id === 'restore' && restore && step.status !== 'pending') {
          body = (
            <RestoreStepDetails
              restore={restore}
              veleroRestores={hub.veleroRestores.data}
              backups={hub.backups.data}
              now={now}
              collapsed={step.status === 'done'}
            />
          );
        } else if (id === 'reconnect' && step.status !== 'pending') {
          body = <AutoImportResults restore={restore} />;
        } else if (id === 'schedule') {
          body = (
            <ScheduleStep
              state={state}
              creation={creation}
              suggested={plan.schedule?.form}
              suggestedNote={plan.schedule ? tm(plan.schedule.note) : undefined}
              mayCreate={data.access.createBackupSchedules}
            />
          );
        } else if (id === 'verify' && step.status !== 'pending') {
          body = (
            <p>
              <Link to={SCHEDULES_PATH}>{t('Open the backup schedules')}</Link>
            </p>
          );
        }
        return (
          <StackItem key={id}>
            <StepCard id={id} index={index} title={titles[id]} status={step.status} detail={detail}>
              {body}
            </StepCard>
          </StackItem>
        );
      })}
    </Stack>
  );
};
