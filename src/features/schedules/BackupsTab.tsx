import { useCallback, useMemo, useState } from 'react';
import {
  Alert,
  AlertActionLink,
  Button,
  Content,
  Pagination,
  SearchInput,
  Title,
  ToggleGroup,
  ToggleGroupItem,
  Toolbar,
  ToolbarContent,
  ToolbarFilter,
  ToolbarItem,
} from '@patternfly/react-core';
import { DeleteBackupRequestModel, VeleroBackupModel } from '../../k8s/models';
import { BACKUP_NAMESPACE, BACKUP_TYPES, VELERO_DEFAULT_TTL } from '../../k8s/names';
import { useCanI } from '../../k8s/access';
import { durationToMs } from '../../operand/duration';
import { cronIntervalMs } from '../../insight/cron';
import { isSchedulePaused } from '../../insight/hubRole';
import { scheduleTtlInfo } from '../../insight/schedule';
import { stuckExplanation, stuckThresholdMs } from '../../insight/stuck';
import {
  BACKUP_KINDS,
  backupRows,
  filterBackups,
  groupBackupSets,
  latestPerType,
  newestGoodBackupPerType,
  sortBackups,
  type BackupKind,
  type BackupPhaseGroup,
  type BackupRow,
} from '../../insight/backups';
import { recoverableWindow } from '../../insight/recoverableWindow';
import { EmptyMessage, LoadErrorState, LoadingState } from '../../components/PageStates';
import { usePluginTranslation } from '../../i18n';
import { useSearchParams } from '../../router';
import { BackupAgeCards } from './BackupAgeCards';
import { BackupRowsTable, BackupSetsTable, type RowActions } from './BackupTables';
import {
  hasActiveFilter,
  parseBackupsQuery,
  PER_PAGE_OPTIONS,
  PHASE_GROUPS,
  serializeBackupsQuery,
  type BackupsQuery,
  type BackupsViewMode,
} from './backupsQuery';
import { CheckboxSelect } from './CheckboxSelect';
import { DeleteBackupModal } from './DeleteBackupModal';
import { useBackupKindLabel } from './labels';
import { RecoverableWindowChart } from './RecoverableWindowChart';
import { CreateScheduleButton } from './ScheduleTab';
import { loadError, type ScheduleData } from './useScheduleData';
import { useNow } from '../../components/useNow';

const DEFAULT_TTL_MS = durationToMs(VELERO_DEFAULT_TTL) as number;

const usePhaseGroupLabel = () => {
  const { t } = usePluginTranslation();
  return useMemo(() => {
    const labels: Record<BackupPhaseGroup, string> = {
      completed: t('Completed'),
      partiallyFailed: t('Partially failed'),
      failed: t('Failed'),
      running: t('In progress'),
      pending: t('Waiting to start'),
      deleting: t('Deleting'),
      unknown: t('Unknown phase'),
    };
    return (g: BackupPhaseGroup) => labels[g];
  }, [t]);
};

const toggleIn = <T,>(list: readonly T[], value: T): T[] => (list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);

export const BackupsTab = ({ data }: { data: ScheduleData }) => {
  const { t, tm } = usePluginTranslation();
  const now = useNow();
  const kindLabel = useBackupKindLabel();
  const phaseLabel = usePhaseGroupLabel();
  const [searchParams, setSearchParams] = useSearchParams();
  const query = useMemo(() => parseBackupsQuery(searchParams), [searchParams]);
  const update = useCallback(
    (change: (q: BackupsQuery) => BackupsQuery, resetPage = true) => {
      const next = change(query);
      setSearchParams(serializeBackupsQuery(resetPage ? { ...next, page: 1 } : next), { replace: true });
    },
    [query, setSearchParams],
  );

  const backups = data.backups.data;
  const schedule = data.active;
  const paused = schedule ? isSchedulePaused(schedule) : false;
  const intervalMs = schedule?.spec?.veleroSchedule ? cronIntervalMs(schedule.spec.veleroSchedule, now) : undefined;
  const ttlMs = schedule ? (scheduleTtlInfo(schedule).veleroTtlMs ?? DEFAULT_TTL_MS) : DEFAULT_TTL_MS;
  const stuckAfter = stuckThresholdMs(intervalMs);

  // Minute resolution: ages and "stuck" do not need more, and the rows of thousands of backups
  // are rebuilt once a minute at most instead of on every render.
  const minute = Math.floor(now.getTime() / 60_000);
  const rows = useMemo(
    () => backupRows(backups, { thisHubId: data.thisHubId, now: new Date(minute * 60_000), stuckThresholdMs: stuckAfter }),
    [backups, data.thisHubId, minute, stuckAfter],
  );
  const sets = useMemo(() => groupBackupSets(backups), [backups]);
  const newestGood = useMemo(() => newestGoodBackupPerType(backups), [backups]);
  const recoverable = useMemo(() => recoverableWindow(backups, { now: new Date(minute * 60_000), ttlMs }), [backups, minute, ttlMs]);
  const filtered = useMemo(() => filterBackups(rows, query.filter), [rows, query.filter]);
  const sorted = useMemo(() => sortBackups(filtered, query.sort), [filtered, query.sort]);
  const stuckCount = useMemo(() => rows.reduce((n, r) => n + (r.isStuck ? 1 : 0), 0), [rows]);
  const writers = useMemo(() => [...new Set(rows.map((r) => r.writerHub ?? ''))].sort(), [rows]);

  const filteredByName = useMemo(() => new Map(filtered.map((r) => [r.name, r])), [filtered]);
  const visibleSets = useMemo(() => {
    const matching = sets.filter((s) => s.backups.some((b) => filteredByName.has(b.metadata?.name ?? '')));
    return query.sort.direction === 'asc' ? matching.reverse() : matching;
  }, [sets, filteredByName, query.sort.direction]);
  const latestRows = useMemo(() => {
    const latest = latestPerType(backups);
    const byName = new Map(rows.map((r) => [r.name, r]));
    return BACKUP_TYPES.map((type) => latest[type] && byName.get(latest[type]?.metadata?.name ?? '')).filter((r): r is BackupRow => Boolean(r));
  }, [backups, rows]);

  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [requested, setRequested] = useState<ReadonlySet<string>>(new Set());
  const [target, setTarget] = useState<BackupRow>();
  const [deleteOpen, setDeleteOpen] = useState(false);
  const createDbr = useCanI('create', DeleteBackupRequestModel, BACKUP_NAMESPACE);
  const actions: RowActions = {
    deleteReason: createDbr.loading
      ? t('Checking your permissions…')
      : createDbr.allowed
        ? undefined
        : t('You do not have permission to create DeleteBackupRequests in namespace {{namespaceName}}.', { namespaceName: BACKUP_NAMESPACE }),
    onDelete: (row) => {
      setTarget(row);
      setDeleteOpen(true);
    },
    requested,
  };

  if (data.backups.error) {
    return (
      <LoadErrorState
        error={loadError(data.backups.error)}
        context={{ verb: 'list', model: VeleroBackupModel, namespace: BACKUP_NAMESPACE }}
        notInstalledHelp={
          <p>
            {t(
              'Velero is installed by OADP, which the cluster-backup component of the MultiClusterHub installs in {{namespaceName}}. Enable that component, then create a DataProtectionApplication.',
              { namespaceName: BACKUP_NAMESPACE },
            )}
          </p>
        }
      />
    );
  }
  if (!data.backups.loaded) return <LoadingState />;

  const stuck = stuckExplanation();
  const isSets = query.view === 'sets';
  const isLatest = query.view === 'latest';
  const total = isSets ? visibleSets.length : sorted.length;
  const start = (query.page - 1) * query.perPage;
  const pageSets = isSets ? visibleSets.slice(start, start + query.perPage) : [];
  const pageRows = !isSets && !isLatest ? sorted.slice(start, start + query.perPage) : [];
  const outsideSets = rows.length - sets.reduce((n, s) => n + s.backups.length, 0);

  const hubLabel = (id: string) =>
    id === ''
      ? t('Not labelled')
      : id === data.thisHubId
        ? t('This hub ({{id}})', { id })
        : id;

  const pagination = (
    <Pagination
      itemCount={total}
      page={query.page}
      perPage={query.perPage}
      perPageOptions={PER_PAGE_OPTIONS.map((n) => ({ title: String(n), value: n }))}
      onSetPage={(_e, page) => update((q) => ({ ...q, page }), false)}
      onPerPageSelect={(_e, perPage) => update((q) => ({ ...q, perPage }))}
      titles={{
        ofWord: t('of'),
        perPageSuffix: t('per page'),
        items: isSets ? t('sets') : t('backups'),
        toFirstPageAriaLabel: t('Go to first page'),
        toPreviousPageAriaLabel: t('Go to previous page'),
        toNextPageAriaLabel: t('Go to next page'),
        toLastPageAriaLabel: t('Go to last page'),
        currPageAriaLabel: t('Current page'),
        paginationAriaLabel: t('Pagination'),
      }}
      isCompact
      data-testid="backups-pagination"
    />
  );

  if (backups.length === 0) {
    return (
      <EmptyMessage
        title={t('No backups in {{namespaceName}}', { namespaceName: BACKUP_NAMESPACE })}
        action={schedule ? undefined : <CreateScheduleButton data={data} />}
      >
        {schedule
          ? t('The first backups appear when the schedule runs. If none appear, check the schedule status and the Velero pod.')
          : t('This hub has no backup schedule. Create one: the operator then makes the first backups right away.')}
      </EmptyMessage>
    );
  }

  return (
    <>
      {!schedule && (
        <Alert variant="info" isInline className="pf-v6-u-mb-md" title={t('This hub has no backup schedule')} actionLinks={<CreateScheduleButton data={data} />}>
          {t('Without a schedule the age of backups cannot be judged: every age below shows as unknown.')}
        </Alert>
      )}
      <Title headingLevel="h2" className="pf-v6-u-mb-sm">
        {t('Newest good backup of each type')}
      </Title>
      <BackupAgeCards newestGood={newestGood} intervalMs={intervalMs} paused={paused} thisHubId={data.thisHubId} now={now} />

      <Title headingLevel="h2" className="pf-v6-u-mt-lg pf-v6-u-mb-sm">
        {t('Recoverable window')}
      </Title>
      <RecoverableWindowChart window={recoverable} />

      {stuckCount > 0 && (
        <Alert
          variant="danger"
          isInline
          className="pf-v6-u-mt-lg"
          title={t('Backups stuck in progress: {{number}}', { number: stuckCount })}
          actionLinks={
            <AlertActionLink onClick={() => update((q) => ({ ...q, view: 'all', filter: { ...q.filter, stuckOnly: true } }))}>
              {t('Show only stuck backups')}
            </AlertActionLink>
          }
          data-testid="stuck-alert"
        >
          <Content component="p">{tm(stuck.reason)}</Content>
          <Content component="p">{tm(stuck.remedy)}</Content>
        </Alert>
      )}

      <Title headingLevel="h2" className="pf-v6-u-mt-lg">
        {t('Backups')}
      </Title>
      <Toolbar
        clearAllFilters={() =>
          update((q) => ({ ...q, filter: { types: [], phaseGroups: [], writers: [], text: '', stuckOnly: false } }))
        }
        clearFiltersButtonText={t('Clear all filters')}
      >
        <ToolbarContent>
          <ToolbarItem>
            <ToggleGroup aria-label={t('How to list backups')}>
              {(
                [
                  ['sets', t('By backup set')],
                  ['all', t('All backups')],
                  ['latest', t('Latest per type')],
                ] as [BackupsViewMode, string][]
              ).map(([mode, label]) => (
                <ToggleGroupItem
                  key={mode}
                  text={label}
                  buttonId={`view-${mode}`}
                  isSelected={query.view === mode}
                  onChange={() => update((q) => ({ ...q, view: mode }))}
                />
              ))}
            </ToggleGroup>
          </ToolbarItem>
          {!isLatest && (
            <>
              <ToolbarItem>
                <SearchInput
                  placeholder={t('Filter by name')}
                  value={query.filter.text}
                  onChange={(_e, text) => update((q) => ({ ...q, filter: { ...q.filter, text } }))}
                  onClear={() => update((q) => ({ ...q, filter: { ...q.filter, text: '' } }))}
                  aria-label={t('Filter by name')}
                  data-testid="backup-search"
                />
              </ToolbarItem>
              <ToolbarFilter
                categoryName={t('Type')}
                labels={query.filter.types.map((k) => ({ key: k, node: kindLabel(k) }))}
                deleteLabel={(_c, label) =>
                  update((q) => ({ ...q, filter: { ...q.filter, types: q.filter.types.filter((k) => k !== (typeof label === 'string' ? label : label.key)) } }))
                }
                deleteLabelGroup={() => update((q) => ({ ...q, filter: { ...q.filter, types: [] } }))}
              >
                <CheckboxSelect
                  label={t('Type')}
                  testId="filter-type"
                  options={BACKUP_KINDS.map((k) => ({ value: k, label: kindLabel(k) }))}
                  selected={query.filter.types}
                  onToggle={(v) => update((q) => ({ ...q, filter: { ...q.filter, types: toggleIn(q.filter.types, v as BackupKind) } }))}
                />
              </ToolbarFilter>
              <ToolbarFilter
                categoryName={t('Phase')}
                labels={query.filter.phaseGroups.map((g) => ({ key: g, node: phaseLabel(g) }))}
                deleteLabel={(_c, label) =>
                  update((q) => ({
                    ...q,
                    filter: { ...q.filter, phaseGroups: q.filter.phaseGroups.filter((g) => g !== (typeof label === 'string' ? label : label.key)) },
                  }))
                }
                deleteLabelGroup={() => update((q) => ({ ...q, filter: { ...q.filter, phaseGroups: [] } }))}
              >
                <CheckboxSelect
                  label={t('Phase')}
                  testId="filter-phase"
                  options={PHASE_GROUPS.map((g) => ({ value: g, label: phaseLabel(g) }))}
                  selected={query.filter.phaseGroups}
                  onToggle={(v) =>
                    update((q) => ({ ...q, filter: { ...q.filter, phaseGroups: toggleIn(q.filter.phaseGroups, v as BackupPhaseGroup) } }))
                  }
                />
              </ToolbarFilter>
              <ToolbarFilter
                categoryName={t('Written by')}
                labels={query.filter.writers.map((w) => ({ key: w || 'none', node: hubLabel(w) }))}
                deleteLabel={(_c, label) => {
                  const key = typeof label === 'string' ? label : label.key;
                  update((q) => ({ ...q, filter: { ...q.filter, writers: q.filter.writers.filter((w) => (w || 'none') !== key) } }));
                }}
                deleteLabelGroup={() => update((q) => ({ ...q, filter: { ...q.filter, writers: [] } }))}
              >
                <CheckboxSelect
                  label={t('Written by')}
                  testId="filter-hub"
                  options={writers.map((w) => ({ value: w || 'none', label: hubLabel(w) }))}
                  selected={query.filter.writers.map((w) => w || 'none')}
                  onToggle={(v) => {
                    const w = v === 'none' ? '' : v;
                    update((q) => ({ ...q, filter: { ...q.filter, writers: toggleIn(q.filter.writers, w) } }));
                  }}
                />
              </ToolbarFilter>
              <ToolbarFilter
                categoryName={t('Stuck')}
                labels={query.filter.stuckOnly ? [{ key: 'stuck', node: t('Only stuck backups') }] : []}
                deleteLabel={() => update((q) => ({ ...q, filter: { ...q.filter, stuckOnly: false } }))}
              >
                {null}
              </ToolbarFilter>
              <ToolbarItem variant="pagination">{pagination}</ToolbarItem>
            </>
          )}
        </ToolbarContent>
      </Toolbar>
      {!isLatest && (
        <Content component="small" className="pf-v6-u-display-block pf-v6-u-mb-sm" data-testid="backup-count">
          {isSets
            ? t('{{shown}} of {{total}} backup sets match, from {{backups}} backups.', { shown: visibleSets.length, total: sets.length, backups: rows.length })
            : t('{{shown}} of {{total}} backups match.', { shown: sorted.length, total: rows.length })}
          {isSets && outsideSets > 0 && ` ${t('Backups outside any set (activation records, or backups made by hand): {{number}}. See All backups.', { number: outsideSets })}`}
        </Content>
      )}
      {isSets && (
        <BackupSetsTable
          sets={pageSets}
          rowsByName={filteredByName}
          expanded={expanded}
          onToggle={(key) =>
            setExpanded((prev) => {
              const next = new Set(prev);
              if (next.has(key)) next.delete(key);
              else next.add(key);
              return next;
            })
          }
          direction={query.sort.direction}
          onDirection={(direction) => update((q) => ({ ...q, sort: { key: 'start', direction } }))}
          now={now}
          actions={actions}
        />
      )}
      {query.view === 'all' && (
        <BackupRowsTable
          rows={pageRows}
          now={now}
          actions={actions}
          sort={query.sort}
          onSort={(sort) => update((q) => ({ ...q, sort }))}
          ariaLabel={t('Backups')}
          testId="backups-table"
        />
      )}
      {isLatest && (
        <>
          <Content component="p">{t('The newest backup made by each Velero schedule, whatever its phase.')}</Content>
          <BackupRowsTable rows={latestRows} now={now} actions={actions} ariaLabel={t('Latest per type')} testId="latest-table" />
        </>
      )}
      {!isLatest && total > query.perPage && <div className="pf-v6-u-mt-sm">{pagination}</div>}
      {!isLatest && total === 0 && hasActiveFilter(query.filter) && (
        <Button variant="link" onClick={() => update((q) => ({ ...q, filter: { types: [], phaseGroups: [], writers: [], text: '', stuckOnly: false } }))}>
          {t('Clear all filters')}
        </Button>
      )}
      {target && (
        <DeleteBackupModal
          key={target.name}
          backup={deleteOpen ? target.backup : undefined}
          isStuck={target.isStuck}
          isNewestGood={Object.values(newestGood).some((g) => g?.name === target.name)}
          onClose={() => setDeleteOpen(false)}
          onRequested={(name) => setRequested((prev) => new Set(prev).add(name))}
        />
      )}
    </>
  );
};
