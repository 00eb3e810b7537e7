import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { Content } from '@patternfly/react-core';
import { LABELS } from '../../k8s/names';
import type { OwnedVeleroSchedule } from '../../insight/schedule';
import { SeverityLabel, type Severity } from '../../components/SeverityLabel';
import { useFormatters } from '../../components/format';
import { usePluginTranslation } from '../../i18n';
import { useBackupKindLabel } from './labels';

/** The five Velero schedules a BackupSchedule owns (§1), each with its state. */
type VeleroSchedulesTableProps = {
  owned: OwnedVeleroSchedule[];
  /** The BackupSchedule's phase: whether a missing Velero schedule is expected. */
  schedulePhase?: string;
  now: Date;
};

export const VeleroSchedulesTable = ({ owned, schedulePhase, now }: VeleroSchedulesTableProps) => {
  const { t, tm } = usePluginTranslation();
  const { dateTime, relative } = useFormatters();
  const kindLabel = useBackupKindLabel();

  const phaseOf = (o: OwnedVeleroSchedule): { severity: Severity; text: string } => {
    if (o.missing) {
      // Pausing on ACM 2.12–2.14 and a collision before 2.15 remove the Velero schedules (§1).
      if (schedulePhase === 'Paused') return { severity: 'paused', text: t('Removed while paused') };
      if (schedulePhase === 'BackupCollision') return { severity: 'critical', text: t('Removed by the collision') };
      if (!schedulePhase || schedulePhase === 'New' || schedulePhase === 'FailedValidation' || schedulePhase === 'Failed') {
        return { severity: 'unknown', text: t('Not created yet') };
      }
      return { severity: 'warning', text: t('Missing') };
    }
    if (o.paused) return { severity: 'paused', text: t('Paused') };
    switch (o.phase) {
      case 'Enabled':
        return { severity: 'healthy', text: t('Enabled') };
      case 'New':
        return { severity: 'progress', text: t('New') };
      case 'FailedValidation':
        return { severity: 'critical', text: t('Failed validation') };
      case undefined:
        return { severity: 'unknown', text: t('No status yet') };
      default:
        return { severity: 'unknown', text: o.phase };
    }
  };

  return (
    <Table variant="compact" aria-label={t('Velero schedules')} data-testid="velero-schedules">
      <Thead>
        <Tr>
          <Th>{t('Velero schedule')}</Th>
          <Th>{t('Backs up')}</Th>
          <Th width={40}>{t('State')}</Th>
          <Th modifier="nowrap">{t('Last backup')}</Th>
        </Tr>
      </Thead>
      <Tbody>
        {owned.map((o) => {
          const phase = phaseOf(o);
          const errors = o.schedule?.status?.validationErrors ?? [];
          return (
            <Tr key={o.name} data-testid={`velero-schedule-${o.type}`}>
              <Td dataLabel={t('Velero schedule')}>
                {o.name}
                {o.fromStatusCopy && (
                  <Content component="small" className="pf-v6-u-display-block">
                    {t('As last copied into the BackupSchedule status: you cannot read Velero schedules directly.')}
                  </Content>
                )}
                {o.ownedByOther && (
                  <Content component="small" className="pf-v6-u-display-block">
                    {t('Labelled as owned by BackupSchedule {{owner}}.', { owner: o.schedule?.metadata?.labels?.[LABELS.scheduleName] ?? '' })}
                  </Content>
                )}
              </Td>
              <Td dataLabel={t('Backs up')}>{kindLabel(o.type)}</Td>
              <Td dataLabel={t('State')}>
                <SeverityLabel severity={phase.severity}>{phase.text}</SeverityLabel>
                {o.note && <Content component="small" className="pf-v6-u-display-block">{tm(o.note)}</Content>}
                {errors.map((e) => (
                  <Content key={e} component="small" className="pf-v6-u-display-block pf-v6-u-danger-color-100">
                    {e}
                  </Content>
                ))}
              </Td>
              <Td dataLabel={t('Last backup')} modifier="nowrap">
                {o.lastBackup ? (
                  <span title={dateTime(o.lastBackup)}>
                    {relative(o.lastBackup, now)}
                  </span>
                ) : (
                  t('None yet')
                )}
              </Td>
            </Tr>
          );
        })}
      </Tbody>
    </Table>
  );
};
