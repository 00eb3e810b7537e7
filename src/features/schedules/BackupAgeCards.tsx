import { Card, CardBody, CardFooter, CardTitle, Content, Flex, FlexItem, Gallery, Tooltip } from '@patternfly/react-core';
import { OutlinedQuestionCircleIcon } from '@patternfly/react-icons';
import { BACKUP_TYPES, type BackupType } from '../../k8s/names';
import { rpoRuleExplanation, rpoSeverity, type GoodBackup } from '../../insight/backups';
import { SeverityLabel } from '../../components/SeverityLabel';
import { useFormatters } from '../../components/format';
import { usePluginTranslation } from '../../i18n';
import { useBackupKindDescription, useBackupKindLabel } from './labels';

type BackupAgeCardsProps = {
  newestGood: Record<BackupType, GoodBackup | undefined>;
  /** The schedule's interval; undefined without a schedule, so every age is unknown. */
  intervalMs?: number;
  paused: boolean;
  thisHubId?: string;
  now: Date;
};

/** "How old is my newest usable backup of each kind?" against the schedule interval (lag rule). */
export const BackupAgeCards = ({ newestGood, intervalMs, paused, thisHubId, now }: BackupAgeCardsProps) => {
  const { t, tm } = usePluginTranslation();
  const { relative, dateTime } = useFormatters();
  const kindLabel = useBackupKindLabel();
  const kindDescription = useBackupKindDescription();
  const rule = tm(rpoRuleExplanation());
  const severityText = {
    healthy: t('Fresh'),
    warning: t('Late'),
    critical: t('Very late'),
    unknown: t('Unknown'),
  } as const;

  return (
    <Gallery hasGutter minWidths={{ default: '200px' }} data-testid="age-cards">
      {BACKUP_TYPES.map((type) => {
        const good = newestGood[type];
        const assessment = rpoSeverity({ newestGood: good, intervalMs, now });
        return (
          <Card key={type} isCompact data-testid={`age-${type}`} data-severity={assessment.severity}>
            <CardTitle>
              <Flex spaceItems={{ default: 'spaceItemsSm' }} alignItems={{ default: 'alignItemsCenter' }}>
                <FlexItem>
                  <Tooltip content={kindDescription(type)}>
                    <span tabIndex={0}>{kindLabel(type)}</span>
                  </Tooltip>
                </FlexItem>
                <FlexItem>
                  <Tooltip content={rule}>
                    <OutlinedQuestionCircleIcon aria-label={rule} tabIndex={0} />
                  </Tooltip>
                </FlexItem>
              </Flex>
            </CardTitle>
            <CardBody>
              <Content component="p">
                <SeverityLabel severity={assessment.severity}>{severityText[assessment.severity]}</SeverityLabel>
              </Content>
              <Content component="p" data-testid={`age-${type}-value`}>
                {good ? (
                  // A backup stamped a moment ahead of this browser's clock is "now", not "in 2 seconds".
                  <span title={dateTime(good.time)}>
                    {t('Newest good backup {{when}}', { when: relative(good.time > now ? now : good.time, now) })}
                  </span>
                ) : (
                  t('No good backup')
                )}
              </Content>
              <Content component="small">{tm(assessment.reason)}</Content>
              {assessment.note && (
                <Content component="small" className="pf-v6-u-display-block">
                  {tm(assessment.note)}
                </Content>
              )}
              {paused && (
                <Content component="small" className="pf-v6-u-display-block">
                  {t('The schedule is paused: this age only grows until it is resumed.')}
                </Content>
              )}
            </CardBody>
            {good && (
              <CardFooter>
                <Content component="small">
                  {good.name}
                  {good.writer && thisHubId && good.writer !== thisHubId && ` · ${t('written by another hub')}`}
                </Content>
              </CardFooter>
            )}
          </Card>
        );
      })}
    </Gallery>
  );
};
