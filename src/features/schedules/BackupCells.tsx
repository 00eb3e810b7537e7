import { useMemo } from 'react';
import { Button, Content, Flex, FlexItem, Label, Popover, Tooltip } from '@patternfly/react-core';
import { backupPhaseInfo, type BackupRow } from '../../insight/backups';
import { stuckExplanation } from '../../insight/stuck';
import { SeverityLabel } from '../../components/SeverityLabel';
import { useFormatters } from '../../components/format';
import { usePluginTranslation } from '../../i18n';

/** Velero's phase in words; a stuck backup says so, with why and what to do (§8). */
export const BackupPhaseCell = ({ row, deletionRequested }: { row: BackupRow; deletionRequested?: boolean }) => {
  const { t, tm } = usePluginTranslation();
  const info = backupPhaseInfo(row.phase);
  const stuck = stuckExplanation();
  return (
    <Flex spaceItems={{ default: 'spaceItemsXs' }} direction={{ default: 'column' }}>
      <FlexItem>
        <SeverityLabel severity={info.severity}>{tm(info.label)}</SeverityLabel>
      </FlexItem>
      {row.isStuck && (
        <FlexItem>
          <Popover
            headerContent={t('Stuck backup')}
            bodyContent={
              <>
                <Content component="p">{tm(stuck.reason)}</Content>
                <Content component="p">
                  <strong>{t('What to do:')}</strong> {tm(stuck.remedy)}
                </Content>
              </>
            }
          >
            <Button variant="link" isInline data-testid={`stuck-${row.name}`}>
              <SeverityLabel severity="critical">{t('Stuck')}</SeverityLabel>
            </Button>
          </Popover>
        </FlexItem>
      )}
      {deletionRequested && row.phase !== 'Deleting' && (
        <FlexItem>
          <Label isCompact color="grey">
            {t('Deletion requested')}
          </Label>
        </FlexItem>
      )}
    </Flex>
  );
};

/** A hub id is a long UUID: its start identifies it, the whole is on hover. */
export const WriterCell = ({ hubId, isThisHub }: { hubId?: string; isThisHub: boolean }) => {
  const { t } = usePluginTranslation();
  if (!hubId) return <span>{t('Not labelled')}</span>;
  const short = hubId.length > 13 ? `${hubId.slice(0, 8)}…` : hubId;
  return (
    <Tooltip content={hubId}>
      <span tabIndex={0}>
        {isThisHub ? (
          <Label isCompact color="blue" data-testid="this-hub">
            {t('This hub')}
          </Label>
        ) : (
          <code>{short}</code>
        )}
      </span>
    </Tooltip>
  );
};

export const useBackupCellText = (now: Date) => {
  const { t } = usePluginTranslation();
  const { dateTime, duration, locale } = useFormatters();
  const year = now.getFullYear();
  // Tables show thousands of times side by side: month, day and time, the year only when it differs.
  const short = useMemo(
    () => ({
      thisYear: new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' }),
      otherYear: new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' }),
      timeOnly: new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' }),
    }),
    [locale],
  );
  return {
    time: (ms?: number) => (ms === undefined ? '—' : dateTime(ms)),
    shortTime: (ms: number) => (new Date(ms).getFullYear() === year ? short.thisYear : short.otherYear).format(ms),
    /** `ms` as a time of day when it falls on the same day as `sameDayAs`. */
    timeAfter: (ms: number, sameDayAs?: number) =>
      sameDayAs !== undefined && new Date(ms).toDateString() === new Date(sameDayAs).toDateString()
        ? short.timeOnly.format(ms)
        : (new Date(ms).getFullYear() === year ? short.thisYear : short.otherYear).format(ms),
    duration: (row: BackupRow) => {
      if (row.durationMs !== undefined) return duration(row.durationMs);
      if (row.startMs !== undefined && row.phaseGroup === 'running') {
        return t('running for {{duration}}', { duration: duration(now.getTime() - row.startMs) });
      }
      return '—';
    },
    items: (row: BackupRow) =>
      row.itemsBackedUp === undefined && row.totalItems === undefined ? '—' : `${row.itemsBackedUp ?? '?'} / ${row.totalItems ?? '?'}`,
    expiresIn: (row: BackupRow) => {
      if (row.expiresInMs === undefined) return '—';
      return row.expiresInMs <= 0 ? t('Expired, awaiting removal') : duration(row.expiresInMs);
    },
  };
};
