import { Fragment } from 'react';
import { Button, Content, Label, Tooltip } from '@patternfly/react-core';
import { TrashIcon } from '@patternfly/react-icons';
import { ExpandableRowContent, InnerScrollContainer, Table, Tbody, Td, Th, Thead, Tr, type ThProps } from '@patternfly/react-table';
import { backupPhaseInfo, type BackupRow, type BackupSet, type BackupSortKey } from '../../insight/backups';
import { SeverityLabel } from '../../components/SeverityLabel';
import { useFormatters } from '../../components/format';
import { usePluginTranslation } from '../../i18n';
import { BackupPhaseCell, useBackupCellText, WriterCell } from './BackupCells';
import { useBackupKindLabel } from './labels';

export type RowActions = {
  /** Why deleting is not possible for anyone (no permission), or undefined. */
  deleteReason?: string;
  onDelete: (row: BackupRow) => void;
  requested: ReadonlySet<string>;
};

type Sort = { key: BackupSortKey; direction: 'asc' | 'desc' };

type Column = {
  /** Columns without a key do not sort: the table is wide, and sort buttons take room. */
  key?: BackupSortKey;
  label: (t: (k: string) => string) => string;
  info?: (t: (k: string) => string) => string;
};

const COLUMNS: Column[] = [
  // The type is the first line of the name cell: the names start with the schedule, so sorting by
  // name groups by type, and the table keeps room for every other column.
  { key: 'name', label: (t) => t('Backup') },
  { key: 'phase', label: (t) => t('Phase') },
  { key: 'start', label: (t) => t('Started') },
  { key: 'duration', label: (t) => t('Duration') },
  { label: (t) => t('Items'), info: (t) => t('Items backed up / total items Velero found for this backup.') },
  {
    key: 'errors',
    label: (t) => t('Errors'),
    info: (t) => t('Errors / warnings Velero counted. A backup with errors is PartiallyFailed: usable, but some items are missing.'),
  },
  { key: 'expiresIn', label: (t) => t('Expires in') },
  {
    label: (t) => t('Written by'),
    info: (t) => t('The hub whose schedule made the backup (backup-cluster label). Two hubs in one storage location is a collision.'),
  },
];

type BackupRowsTableProps = {
  rows: readonly BackupRow[];
  now: Date;
  actions: RowActions;
  sort?: Sort;
  onSort?: (sort: Sort) => void;
  testId?: string;
  ariaLabel: string;
};

/** One backup per row, every column the admin compares backups by. */
export const BackupRowsTable = ({ rows, now, actions, sort, onSort, testId, ariaLabel }: BackupRowsTableProps) => {
  const { t } = usePluginTranslation();
  const kindLabel = useBackupKindLabel();
  const text = useBackupCellText(now);
  const sortParams = (key: BackupSortKey | undefined, index: number): ThProps['sort'] | undefined =>
    sort && onSort && key
      ? {
          columnIndex: index,
          sortBy: { index: COLUMNS.findIndex((c) => c.key === sort.key), direction: sort.direction },
          onSort: (_e, _i, direction) => onSort({ key, direction }),
        }
      : undefined;
  return (
    <InnerScrollContainer>
      <Table variant="compact" aria-label={ariaLabel} data-testid={testId}>
        <Thead>
          <Tr>
            {COLUMNS.map((c, i) => (
              <Th
                key={i}
                sort={sortParams(c.key, i)}
                modifier="wrap"
                info={c.info ? { popover: c.info(t), ariaLabel: c.info(t) } : undefined}
              >
                {c.label(t)}
              </Th>
            ))}
            <Th screenReaderText={t('Actions')} />
          </Tr>
        </Thead>
        <Tbody>
          {rows.map((row) => (
            <BackupRowCells key={row.name} row={row} kindLabel={kindLabel} text={text} actions={actions} />
          ))}
        </Tbody>
      </Table>
    </InnerScrollContainer>
  );
};

/**
 * Velero's `<schedule>-<timestamp>` names are long: the line may break only before the timestamp,
 * so the schedule part stays readable in a narrow column.
 */
const BackupName = ({ name }: { name: string }) => {
  const m = /^(.*-)(\d{14})$/.exec(name);
  if (!m) return <span style={{ wordBreak: 'break-word' }}>{name}</span>;
  return (
    <>
      <span style={{ whiteSpace: 'nowrap' }}>{m[1]}</span>
      <wbr />
      <span style={{ whiteSpace: 'nowrap' }}>{m[2]}</span>
    </>
  );
};

/** Compact time in the cell, the full date on hover. */
const When = ({ ms, text }: { ms?: number; text: ReturnType<typeof useBackupCellText> }) =>
  ms === undefined ? <>—</> : <span title={text.time(ms)}>{text.shortTime(ms)}</span>;

const BackupRowCells = ({
  row,
  kindLabel,
  text,
  actions,
}: {
  row: BackupRow;
  kindLabel: (k: BackupRow['kind']) => string;
  text: ReturnType<typeof useBackupCellText>;
  actions: RowActions;
}) => {
  const { t } = usePluginTranslation();
  const requested = actions.requested.has(row.name);
  const reason =
    actions.deleteReason ??
    (row.phase === 'Deleting' ? t('Velero is already deleting this backup.') : requested ? t('Deletion already requested.') : undefined);
  return (
    <Tr data-testid={`backup-row-${row.name}`}>
      <Td dataLabel={t('Backup')}>
        <strong>{kindLabel(row.kind)}</strong>
        <Content component="small" className="pf-v6-u-display-block">
          <BackupName name={row.name} />
        </Content>
      </Td>
      <Td dataLabel={t('Phase')}>
        <BackupPhaseCell row={row} deletionRequested={requested} />
      </Td>
      <Td dataLabel={t('Started')} modifier="nowrap">
        <When ms={row.startMs} text={text} />
        {row.completionMs !== undefined && (
          <Content component="small" className="pf-v6-u-display-block">
            {t('completed {{time}}', { time: text.timeAfter(row.completionMs, row.startMs) })}
          </Content>
        )}
      </Td>
      <Td dataLabel={t('Duration')}>{text.duration(row)}</Td>
      <Td dataLabel={t('Items')} modifier="nowrap">
        {text.items(row)}
      </Td>
      <Td dataLabel={t('Errors')} modifier="nowrap">
        <span className={row.errors > 0 ? 'pf-v6-u-danger-color-100' : undefined}>{row.errors}</span> / {row.warnings}
      </Td>
      <Td dataLabel={t('Expires in')}>{text.expiresIn(row)}</Td>
      <Td dataLabel={t('Written by')}>
        <WriterCell hubId={row.writerHub} isThisHub={row.isThisHub} />
      </Td>
      <Td isActionCell>
        <Tooltip content={reason ?? t('Delete backup {{name}}', { name: row.name })}>
          <Button
            variant="plain"
            icon={<TrashIcon />}
            isAriaDisabled={Boolean(reason)}
            onClick={() => actions.onDelete(row)}
            aria-label={t('Delete backup {{name}}', { name: row.name })}
            data-disabled-reason={reason}
            data-testid={`delete-backup-${row.name}`}
          />
        </Tooltip>
      </Td>
    </Tr>
  );
};

type BackupSetsTableProps = {
  sets: readonly BackupSet[];
  /** Rows of the members that pass the filters, by backup name. */
  rowsByName: ReadonlyMap<string, BackupRow>;
  expanded: ReadonlySet<string>;
  onToggle: (key: string) => void;
  direction: 'asc' | 'desc';
  onDirection: (direction: 'asc' | 'desc') => void;
  now: Date;
  actions: RowActions;
};

/**
 * One row per backup set: the backups the five Velero schedules made at the same moment (§1),
 * which together are one restore point. Expanding a set shows its members.
 */
export const BackupSetsTable = ({ sets, rowsByName, expanded, onToggle, direction, onDirection, now, actions }: BackupSetsTableProps) => {
  const { t, tm } = usePluginTranslation();
  const { dateTime, duration } = useFormatters();
  const kindLabel = useBackupKindLabel();
  return (
    <Table variant="compact" aria-label={t('Backup sets')} data-testid="backup-sets">
      <Thead>
        <Tr>
          <Th screenReaderText={t('Expand')} />
          <Th sort={{ columnIndex: 1, sortBy: { index: 1, direction }, onSort: (_e, _i, d) => onDirection(d) }}>{t('Backup set')}</Th>
          <Th>{t('Phase')}</Th>
          <Th>{t('Backups')}</Th>
          <Th>{t('Duration')}</Th>
          <Th>{t('Written by')}</Th>
        </Tr>
      </Thead>
      {sets.map((set, rowIndex) => {
        const isExpanded = expanded.has(set.key);
        const memberRows = set.backups.map((b) => rowsByName.get(b.metadata?.name ?? '')).filter((r): r is BackupRow => Boolean(r));
        const stuck = memberRows.some((r) => r.isStuck);
        const phase = backupPhaseInfo(set.phase);
        const thisHub = memberRows.some((r) => r.isThisHub);
        // The validation backup lives one interval only (§1): its absence from older sets is normal.
        const missing = set.missingTypes.filter((k) => k !== 'validation');
        return (
          <Tbody key={set.key} isExpanded={isExpanded}>
            <Tr data-testid={`set-${set.key}`}>
              <Td expand={{ rowIndex, isExpanded, onToggle: () => onToggle(set.key), expandId: `set-${set.key}` }} />
              <Td dataLabel={t('Backup set')}>
                {dateTime(set.time)}
                <Content component="small" className="pf-v6-u-display-block">
                  <code>{set.key}</code>
                </Content>
              </Td>
              <Td dataLabel={t('Phase')}>
                <SeverityLabel severity={phase.severity}>{tm(phase.label)}</SeverityLabel>
                {stuck && (
                  <SeverityLabel severity="critical">
                    {t('Stuck')}
                  </SeverityLabel>
                )}
              </Td>
              <Td dataLabel={t('Backups')}>
                {t('{{present}} of {{total}}', { present: set.backups.length, total: set.backups.length + missing.length })}
                {missing.length > 0 && (
                  <Content component="small" className="pf-v6-u-display-block">
                    {t('Missing: {{types}}', { types: missing.map((k) => kindLabel(k)).join(', ') })}
                  </Content>
                )}
              </Td>
              <Td dataLabel={t('Duration')}>{set.start && set.end ? duration(set.end.getTime() - set.start.getTime()) : '—'}</Td>
              <Td dataLabel={t('Written by')}>
                {set.writers.length === 0
                  ? t('Not labelled')
                  : set.writers.length > 1
                    ? (
                        <SeverityLabel severity="critical">{t('Hubs: {{number}}', { number: set.writers.length })}</SeverityLabel>
                      )
                    : (
                        <WriterCell hubId={set.writers[0]} isThisHub={thisHub} />
                      )}
              </Td>
            </Tr>
            <Tr isExpanded={isExpanded}>
              <Td colSpan={6}>
                <ExpandableRowContent>
                  {isExpanded && (
                    <Fragment>
                      <BackupRowsTable rows={memberRows} now={now} actions={actions} ariaLabel={t('Backups of set {{set}}', { set: set.key })} testId={`set-members-${set.key}`} />
                    </Fragment>
                  )}
                </ExpandableRowContent>
              </Td>
            </Tr>
          </Tbody>
        );
      })}
      {sets.length === 0 && (
        <Tbody>
          <Tr>
            <Td colSpan={6}>
              <Label>{t('No backup set matches the filters.')}</Label>
            </Td>
          </Tr>
        </Tbody>
      )}
    </Table>
  );
};
