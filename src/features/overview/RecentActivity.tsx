import { useMemo } from 'react';
import { Card, CardBody, CardTitle, Grid, GridItem, Label, Title } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import type { Restore, VeleroBackup, VeleroRestore } from '../../k8s/types';
import { backupPhaseInfo, groupBackupSets } from '../../insight/backups';
import { lastActivation } from '../../insight/collision';
import { restoreRow, sortRestoresNewestFirst } from '../../insight/restoreHistory';
import { SeverityLabel } from '../../components/SeverityLabel';
import { useFormatters } from '../../components/format';
import { usePluginTranslation } from '../../i18n';
import { Link } from '../../router';
import { BACKUPS_PATH, FIX_PAGE_PATHS, restoreDetailsPath } from './paths';
import { notFuture } from './time';

const SHOWN = 5;

const When = ({ date, now }: { date?: Date; now: Date }) => {
  const { t } = usePluginTranslation();
  const { dateTime, relative } = useFormatters();
  if (!date) return <>{t('Not recorded')}</>;
  return (
    <time dateTime={date.toISOString()} title={dateTime(date)}>
      {relative(notFuture(date, now), now)}
    </time>
  );
};

const HubId = ({ id, thisHubId }: { id?: string; thisHubId?: string }) => {
  const { t } = usePluginTranslation();
  if (!id) return <>{t('Unknown hub')}</>;
  return (
    <>
      <code>{id}</code>
      {id === thisHubId && (
        <>
          {' '}
          <Label isCompact color="green">
            {t('this hub')}
          </Label>
        </>
      )}
    </>
  );
};

const LatestBackups = ({ backups, thisHubId, now }: { backups: VeleroBackup[]; thisHubId?: string; now: Date }) => {
  const { t, tm } = usePluginTranslation();
  const sets = useMemo(() => groupBackupSets(backups).slice(0, SHOWN), [backups]);
  if (!sets.length) return <p data-testid="no-backups">{t('No backups in the storage location yet.')}</p>;
  return (
    <Table variant="compact" aria-label={t('Latest backups')} data-testid="latest-backups">
      <Thead>
        <Tr>
          <Th>{t('Taken')}</Th>
          <Th>{t('Status')}</Th>
          <Th>{t('Written by')}</Th>
        </Tr>
      </Thead>
      <Tbody>
        {sets.map((s) => (
          <Tr key={s.key}>
            <Td dataLabel={t('Taken')}>
              <When date={s.time} now={now} />
            </Td>
            <Td dataLabel={t('Status')}>
              <SeverityLabel severity={backupPhaseInfo(s.phase).severity}>{tm(backupPhaseInfo(s.phase).label)}</SeverityLabel>
            </Td>
            <Td dataLabel={t('Written by')}>
              {s.writers.length ? (
                s.writers.map((w, i) => (
                  <span key={w}>
                    {i > 0 && ', '}
                    <HubId id={w} thisHubId={thisHubId} />
                  </span>
                ))
              ) : (
                <HubId />
              )}
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};

const LatestRestores = ({
  restores,
  veleroRestores,
  backups,
  now,
}: {
  restores: Restore[];
  veleroRestores: VeleroRestore[];
  backups: VeleroBackup[];
  now: Date;
}) => {
  const { t, tm } = usePluginTranslation();
  const rows = useMemo(
    () => sortRestoresNewestFirst(restores).slice(0, SHOWN).map((r) => restoreRow(r, { veleroRestores, backups, now })),
    [restores, veleroRestores, backups, now],
  );
  if (!rows.length) return <p data-testid="no-restores">{t('No restore has been run on this hub.')}</p>;
  return (
    <Table variant="compact" aria-label={t('Latest restores')} data-testid="latest-restores">
      <Thead>
        <Tr>
          <Th>{t('Restore')}</Th>
          <Th>{t('Status')}</Th>
          <Th>{t('Started')}</Th>
        </Tr>
      </Thead>
      <Tbody>
        {rows.map((r) => (
          <Tr key={r.name}>
            <Td dataLabel={t('Restore')}>
              <Link to={restoreDetailsPath(r.name)}>{r.name}</Link>
              <div className="pf-v6-u-font-size-sm pf-v6-u-text-color-subtle">{tm(r.intent.label)}</div>
            </Td>
            <Td dataLabel={t('Status')}>
              <SeverityLabel severity={r.phase.severity}>{tm(r.phase.label)}</SeverityLabel>
            </Td>
            <Td dataLabel={t('Started')}>
              <When date={r.started} now={now} />
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};

const LastActivation = ({ backups, thisHubId, now }: { backups: VeleroBackup[]; thisHubId?: string; now: Date }) => {
  const { t } = usePluginTranslation();
  const { dateTime, relative } = useFormatters();
  const record = useMemo(() => lastActivation(backups), [backups]);
  if (!record) {
    return (
      <p data-testid="last-activation">
        {t('No activation is recorded in the storage location: no hub has taken over the managed clusters from these backups.')}
      </p>
    );
  }
  const hub = record.hubId ?? t('Unknown hub');
  return (
    <div data-testid="last-activation">
      <p>
        {record.time
          ? t('Hub {{hub}} activated the managed clusters on {{time}} ({{ago}}).', {
              hub,
              time: dateTime(record.time),
              ago: relative(notFuture(record.time, now), now),
            })
          : t('Hub {{hub}} activated the managed clusters (time not recorded).', { hub })}
        {record.hubId && record.hubId === thisHubId && (
          <>
            {' '}
            <Label isCompact color="green">
              {t('this hub')}
            </Label>
          </>
        )}
      </p>
      <p className="pf-v6-u-font-size-sm pf-v6-u-text-color-subtle">
        {t('Restore {{restore}} on that hub restored backup {{backup}} written by hub {{source}}. Record: {{record}}.', {
          restore: record.restoreName ?? '?',
          backup: record.restoredBackup ?? '?',
          source: record.sourceHubId ?? '?',
          record: record.name,
        })}
      </p>
    </div>
  );
};

/** What happened lately: the newest backups and restores, and the last activation recorded in storage (§2). */
export const RecentActivity = ({
  backups,
  restores,
  veleroRestores,
  thisHubId,
  now,
}: {
  backups: { data: VeleroBackup[]; error?: unknown };
  restores: { data: Restore[]; error?: unknown };
  veleroRestores: { data: VeleroRestore[]; error?: unknown };
  thisHubId?: string;
  now: Date;
}) => {
  const { t } = usePluginTranslation();
  const unreadable = <p>{t('Could not be read (you may lack permission).')}</p>;
  return (
    <Card data-testid="recent-activity">
      <CardTitle>{t('Recent activity')}</CardTitle>
      <CardBody>
        <Grid hasGutter>
          <GridItem xl={6}>
            <Title headingLevel="h3" size="md">
              {t('Latest backups')}
            </Title>
            {backups.error ? unreadable : <LatestBackups backups={backups.data} thisHubId={thisHubId} now={now} />}
            <Link to={BACKUPS_PATH} className="pf-v6-u-font-size-sm">
              {t('All backups')}
            </Link>
          </GridItem>
          <GridItem xl={6}>
            <Title headingLevel="h3" size="md">
              {t('Latest restores')}
            </Title>
            {restores.error ? (
              unreadable
            ) : (
              <LatestRestores restores={restores.data} veleroRestores={veleroRestores.error ? [] : veleroRestores.data} backups={backups.data} now={now} />
            )}
            <Link to={FIX_PAGE_PATHS.restores} className="pf-v6-u-font-size-sm">
              {t('All restores')}
            </Link>
          </GridItem>
          <GridItem>
            <Title headingLevel="h3" size="md">
              {t('Last activation')}
            </Title>
            {backups.error ? unreadable : <LastActivation backups={backups.data} thisHubId={thisHubId} now={now} />}
          </GridItem>
        </Grid>
      </CardBody>
    </Card>
  );
};
