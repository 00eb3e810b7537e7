import { useState } from 'react';
import { Alert, Flex, FlexItem, HelperText, HelperTextItem, List, ListComponent, ListItem, OrderType, Stack, StackItem, Title } from '@patternfly/react-core';
import { GuardedButton } from '../../components/GuardedButton';
import { usePluginTranslation } from '../../i18n';
import { validateBackupScheduleForm, type BackupScheduleFormInput } from '../../operand/backupSchedule';
import { Link } from '../../router';
import { OVERVIEW_PATH } from './paths';
import { PreflightList } from './PreflightList';
import { PromoteModal } from './PromoteModal';
import { ScheduleFields } from './ScheduleFields';
import type { PromotionData } from './usePromotionData';

/**
 * Before the promotion: the ordered checks, the schedule step 4 will create, what will happen, and
 * the one button, disabled with the reason while any required check fails or is still unknown.
 */
export const PromotionSetup = ({ data }: { data: PromotionData }) => {
  const { t, tm } = usePluginTranslation();
  const { preflight, plan } = data;
  const [edited, setEdited] = useState<BackupScheduleFormInput>();
  const [open, setOpen] = useState(false);
  const [submitted, setSubmitted] = useState(false);
  const role = preflight.role;
  const passive = role?.role === 'passive';
  // The suggestion comes from the backups, which may load after the page; edits win once made.
  const schedule = edited ?? plan.schedule?.form;
  const errors = schedule ? validateBackupScheduleForm(schedule) : {};
  const invalid = Object.keys(errors).length > 0;

  const blockers = preflight.checks.filter((c) => c.level === 'blocker');
  const failing = blockers.filter((c) => c.status === 'fail');
  const unknown = blockers.filter((c) => c.status === 'unknown');
  const warnings = preflight.checks.filter((c) => c.level === 'warning' && c.status === 'fail');
  const names = (cs: typeof blockers) => cs.map((c) => tm(c.title)).join('; ');
  const disabledReason = submitted
    ? t('The promotion has started; this page follows it as soon as the cluster reports it.')
    : failing.length
      ? t('Promotion is blocked; these required checks fail: {{checks}}.', { checks: names(failing) })
      : unknown.length
        ? t('Still checking: {{checks}}.', { checks: names(unknown) })
        : !schedule
          ? t('The schedule to create is not known yet.')
          : invalid
            ? t('Correct the schedule to create first.')
            : undefined;

  return (
    <Stack hasGutter data-testid="promotion-setup">
      {role && !passive && (
        <StackItem>
          <Alert variant="info" isInline title={t('Promotion does not apply to this hub')} data-testid="promotion-not-applicable">
            <p>{tm(role.reason)}</p>
            <p>{t('Only a passive hub, one that restores the primary hub\'s backups without managing its clusters, can be promoted.')}</p>
            <p>
              <Link to={OVERVIEW_PATH}>{t('See this hub\'s role and protection on the overview')}</Link>
            </p>
          </Alert>
        </StackItem>
      )}
      <StackItem>
        <Title headingLevel="h2" size="lg" className="pf-v6-u-mb-sm">
          {t('Checks before promotion')}
        </Title>
        {passive ? (
          <p className="pf-v6-u-mb-sm">{t('Required checks must pass; advice informs but does not block.')}</p>
        ) : (
          <p className="pf-v6-u-mb-sm">{t('The required checks only: the advice is about a passive hub and its old primary, so it does not apply here.')}</p>
        )}
        <PreflightList checks={passive ? preflight.checks : blockers} />
      </StackItem>
      {passive && schedule && (
        <StackItem>
          <Title headingLevel="h2" size="lg" className="pf-v6-u-mb-sm">
            {t('The backup schedule this hub will create')}
          </Title>
          <ScheduleFields form={schedule} errors={errors} onChange={setEdited} note={plan.schedule ? tm(plan.schedule.note) : undefined} />
        </StackItem>
      )}
      {passive && (
        <StackItem>
          <Title headingLevel="h2" size="lg" className="pf-v6-u-mb-sm">
            {t('What will happen')}
          </Title>
          <List component={ListComponent.ol} type={OrderType.number} data-testid="promotion-plan">
            {plan.steps.map((s) => (
              <ListItem key={s.id}>
                <strong>{tm(s.title)}.</strong> {tm(s.description)}
              </ListItem>
            ))}
          </List>
        </StackItem>
      )}
      <StackItem>
        <Flex direction={{ default: 'column' }} spaceItems={{ default: 'spaceItemsSm' }}>
          <FlexItem>
            <GuardedButton variant="primary" onClick={() => setOpen(true)} disabledReason={disabledReason} data-testid="promote-button">
              {t('Promote this hub to primary…')}
            </GuardedButton>
          </FlexItem>
          {disabledReason && (
            <FlexItem>
              <HelperText>
                <HelperTextItem variant={failing.length ? 'error' : 'default'} data-testid="promote-disabled-reason">
                  {disabledReason}
                </HelperTextItem>
              </HelperText>
            </FlexItem>
          )}
        </Flex>
      </StackItem>
      {schedule && (
        <PromoteModal
          isOpen={open}
          onClose={() => setOpen(false)}
          onStarted={() => setSubmitted(true)}
          plan={plan}
          schedule={schedule}
          warnings={warnings}
          thisHubId={data.thisHubId}
          localClusterName={data.hub.localClusterName}
        />
      )}
    </Stack>
  );
};
