import { List, ListItem, Content } from '@patternfly/react-core';
import { describeCron, nextRuns } from '../../insight/cron';
import { useFormatters } from '../../components/format';
import { usePluginTranslation } from '../../i18n';

const NEXT_RUN_COUNT = 5;

/** The user's own zone, named, because run times are shown in it while the cron is not. */
const browserTimeZone = (): string => {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
};

/** The sentence for a cron expression in the UI language, or undefined when there is none. */
export const useCronText = () => {
  const { tm } = usePluginTranslation();
  const { locale } = useFormatters();
  const cronLocale = locale.toLowerCase().startsWith('ja') ? 'ja' : 'en';
  return (expr: string): string | undefined => {
    const d = describeCron(expr, cronLocale);
    if (!d) return undefined;
    return d.kind === 'text' ? d.text : tm(d.message);
  };
};

type CronSummaryProps = {
  expr: string;
  paused?: boolean;
  now: Date;
  /** The Velero schedule's last backup: `@every` counts from it. */
  lastRun?: Date;
  /** Why no run is listed when backups are stopped for another reason than a pause (translated). */
  stoppedText?: string;
};

/**
 * The schedule in words and its next runs in the user's time zone. A cron without a zone prefix
 * runs in the Velero pod's zone, UTC in the OADP images, so that is said next to the sentence.
 */
export const CronSummary = ({ expr, paused, now, lastRun, stoppedText }: CronSummaryProps) => {
  const { t } = usePluginTranslation();
  const { dateTime, relative } = useFormatters();
  const text = useCronText()(expr);
  const zone = describeCron(expr, 'en')?.timeZone;
  const runs = nextRuns(expr, { count: NEXT_RUN_COUNT, now, paused: paused || Boolean(stoppedText), lastRun });
  return (
    <div data-testid="cron-summary">
      <Content component="p" data-testid="cron-text">
        {text ?? t('This expression is valid but has no readable description.')}{' '}
        <small>
          {zone
            ? t('(times in {{zone}})', { zone })
            : t('(times in UTC, the time zone of the Velero pod, unless it sets another)')}
        </small>
      </Content>
      {stoppedText ? (
        <Content component="p" data-testid="next-runs-stopped">
          {stoppedText}
        </Content>
      ) : paused ? (
        <Content component="p" data-testid="next-runs-paused">
          {t('No backups run while the schedule is paused.')}
        </Content>
      ) : runs.length === 0 ? (
        <Content component="p">{t('This schedule does not run in the next five years.')}</Content>
      ) : (
        <>
          <Content component="p">{t('Next runs, in your time zone ({{zone}}):', { zone: browserTimeZone() })}</Content>
          <List isPlain data-testid="next-runs">
            {runs.map((run) => (
              <ListItem key={run.getTime()}>
                {dateTime(run)} <small>({relative(run, now)})</small>
              </ListItem>
            ))}
          </List>
        </>
      )}
    </div>
  );
};
