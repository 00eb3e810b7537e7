import { useMemo, useState } from 'react';
import { Content, ExpandableSection, Flex, FlexItem, List, ListItem } from '@patternfly/react-core';
import { SeverityLabel } from '../../components/SeverityLabel';
import { Timeline, type TimelineItem } from '../../components/Timeline';
import { usePluginTranslation } from '../../i18n';
import { restorePhaseInfo } from '../../insight/restorePhase';
import { parseAutoImportMessage, restoreTimeline, type TimelineEntry } from '../../insight/restoreTimeline';
import { parseTime } from '../../insight/restoreObjects';
import { ANNOTATIONS } from '../../k8s/names';
import type { Restore, VeleroBackup, VeleroRestore } from '../../k8s/types';
import { useRestoreEvents } from './usePromotionData';

const RECENT = 12;
const TOLERANCE_MS = 60_000;

/**
 * A sync restore carries days of syncing history; only what happened since the activation belongs
 * to the promotion. The activation moment is the recorded request, else the creation of the
 * managed-clusters Velero restore; without either, the last few entries.
 */
const sinceActivation = (entries: TimelineEntry[], restore: Restore, veleroRestores: readonly VeleroRestore[]): TimelineEntry[] => {
  const requested = parseTime(restore.metadata?.annotations?.[ANNOTATIONS.actionTime]);
  const mcRestore = veleroRestores.find((v) => v.metadata?.name === restore.status?.veleroManagedClustersRestoreName);
  // The operator creates all Velero restores of the activation in one pass, so they share its creation time.
  const since = requested ?? parseTime(mcRestore?.metadata?.creationTimestamp ?? mcRestore?.status?.startTimestamp);
  if (!since) return entries.slice(-RECENT);
  return entries.filter((e) => e.current || (e.time && e.time.getTime() >= since.getTime() - TOLERANCE_MS));
};

/** Step 2: the activation restore's phase and its story since activation. */
export const RestoreStepDetails = ({
  restore,
  veleroRestores,
  backups,
  now,
  collapsed,
}: {
  restore: Restore;
  veleroRestores: readonly VeleroRestore[];
  backups: readonly VeleroBackup[];
  now: Date;
  /** A finished step keeps its story one click away. */
  collapsed?: boolean;
}) => {
  const { t, tm } = usePluginTranslation();
  const [expanded, setExpanded] = useState<boolean>();
  const events = useRestoreEvents(restore.metadata?.name);
  const info = restorePhaseInfo(restore, { veleroRestores, backups });
  const entries = useMemo(
    () => sinceActivation(restoreTimeline({ restore, events, veleroRestores, backups, now }), restore, veleroRestores),
    [restore, events, veleroRestores, backups, now],
  );
  const items: TimelineItem[] = entries.map((e) => ({
    id: e.id,
    ...(e.time ? { time: e.time } : {}),
    severity: e.severity,
    title: tm(e.title),
    body: (
      <>
        {e.detail && <div>{tm(e.detail)}</div>}
        {e.check && (
          <div>
            <strong>{t('What to check:')}</strong> {tm(e.check)}
          </div>
        )}
        {e.raw && e.kind !== 'postRestore' && (
          <Content component="small">
            <div>
              {e.kind === 'event' ? t('Event message:') : t('Operator message:')} <code>{e.raw}</code>
            </div>
          </Content>
        )}
      </>
    ),
    ...(e.current ? { current: true } : {}),
  }));
  return (
    <div data-testid="restore-step-details">
      <Flex spaceItems={{ default: 'spaceItemsSm' }} alignItems={{ default: 'alignItemsCenter' }} className="pf-v6-u-mb-sm">
        <FlexItem>
          <code>{restore.metadata?.name}</code>
        </FlexItem>
        <FlexItem>
          <SeverityLabel severity={info.severity}>{tm(info.label)}</SeverityLabel>
        </FlexItem>
      </Flex>
      <p>{tm(info.explanation)}</p>
      <ExpandableSection
        toggleText={t('Timeline since the activation')}
        isExpanded={expanded ?? !collapsed}
        onToggle={(_e, open) => setExpanded(open)}
        data-testid="restore-timeline"
      >
        <Timeline items={items} ariaLabel={t('Activation timeline')} emptyText={t('The operator has not reported anything yet.')} />
      </ExpandableSection>
    </div>
  );
};

/** Step 3: what auto-import did for each cluster, in the operator's words (§5); the step's own line counts them. */
export const AutoImportResults = ({ restore }: { restore?: Restore }) => {
  const { t, tm } = usePluginTranslation();
  const results = (restore?.status?.messages ?? []).map(parseAutoImportMessage);
  if (results.length === 0) return null;
  return (
    <>
      <p className="pf-v6-u-mt-sm">{t('Auto-import, as the operator reported it:')}</p>
      <List isPlain data-testid="auto-import-messages">
        {results.map((r, i) => (
          <ListItem key={`${r.raw}-${i}`}>
            <SeverityLabel severity={r.severity}>{r.cluster ?? t('Cluster')}</SeverityLabel> {tm(r.message)}
            {r.check && (
              <div>
                <strong>{t('What to do:')}</strong> {tm(r.check)}
              </div>
            )}
          </ListItem>
        ))}
      </List>
    </>
  );
};
