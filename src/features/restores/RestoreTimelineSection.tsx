import { Content } from '@patternfly/react-core';
import { CopyCommand } from '../../components/CopyCommand';
import { Timeline, type TimelineItem } from '../../components/Timeline';
import { useFormatters } from '../../components/format';
import { usePluginTranslation } from '../../i18n';
import { Link } from '../../router';
import { ocDescribeCommand, veleroRestoreDetailsCommand } from '../../insight/ocCommands';
import type { TimelineEntry } from '../../insight/restoreTimeline';
import { managedClusterPath } from './paths';

/** What an entry needs beyond its title: why, what to check, the operator's own words, how to look closer. */
const EntryBody = ({ entry }: { entry: TimelineEntry }) => {
  const { t, tm } = usePluginTranslation();
  const { dateTime } = useFormatters();
  const ref = entry.ref;
  const isVeleroEnd = ref?.kind === 'VeleroRestore' && entry.id.endsWith(':end');
  const needsDetails = isVeleroEnd && entry.veleroRestore?.diagnosis.check !== undefined;
  return (
    <>
      {entry.detail && <div>{tm(entry.detail)}</div>}
      {entry.check && (
        <div data-testid="timeline-check">
          <strong>{t('What to check:')}</strong> {tm(entry.check)}
        </div>
      )}
      {entry.count !== undefined && (
        <Content component="small">
          <div>
            {entry.lastTime
              ? t('Seen {{count}} times, last at {{time}}.', { count: entry.count, time: dateTime(entry.lastTime) })
              : t('Seen {{count}} times.', { count: entry.count })}
          </div>
        </Content>
      )}
      {entry.raw && entry.kind !== 'postRestore' && !(ref && entry.raw.endsWith(ref.name)) && (
        <Content component="small">
          <div>
            {entry.kind === 'event' ? t('Event message:') : t('Operator message:')} <code>{entry.raw}</code>
          </div>
        </Content>
      )}
      {ref?.kind === 'ManagedCluster' && (
        <div>
          <Link to={managedClusterPath(ref.name)}>{t('Open cluster {{name}}', { name: ref.name })}</Link>
        </div>
      )}
      {isVeleroEnd && ref && <CopyCommand command={ocDescribeCommand('VeleroRestore', ref.name, ref.namespace)} label={t('oc describe command for {{name}}', { name: ref.name })} />}
      {needsDetails && ref && (
        <CopyCommand command={veleroRestoreDetailsCommand(ref.name, ref.namespace)} label={t('Velero restore details command for {{name}}', { name: ref.name })} />
      )}
    </>
  );
};

export const VISIBLE_AT_FIRST = 40;

/** The Restore's story in one vertical timeline: phases, events, Velero restores, auto-import results. */
export const RestoreTimelineSection = ({ entries }: { entries: readonly TimelineEntry[] }) => {
  const { t, tm } = usePluginTranslation();
  const items: TimelineItem[] = entries.map((entry) => ({
    id: entry.id,
    ...(entry.time ? { time: entry.time } : {}),
    severity: entry.severity,
    title: tm(entry.title),
    body: <EntryBody entry={entry} />,
    ...(entry.current ? { current: true } : {}),
  }));
  // A sync restore adds a few entries every interval: after days the older ones only bury the current state.
  return <Timeline items={items} ariaLabel={t('Restore events timeline')} visibleAtFirst={VISIBLE_AT_FIRST} />;
};
