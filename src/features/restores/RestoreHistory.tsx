import { useMemo, useState } from 'react';
import { Alert, AlertActionCloseButton, Content, Flex, FlexItem, Label, List, ListItem } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { GuardedButton } from '../../components/GuardedButton';
import { EmptyMessage, LoadErrorState, LoadingState } from '../../components/PageStates';
import { SeverityLabel, type Severity } from '../../components/SeverityLabel';
import { useFormatters } from '../../components/format';
import { usePluginTranslation } from '../../i18n';
import { RestoreModel } from '../../k8s/models';
import { WATCH_DROPPED } from '../../k8s/errors';
import { BACKUP_NAMESPACE } from '../../k8s/names';
import type { Restore } from '../../k8s/types';
import { Link, useNavigate } from '../../router';
import { formatDurationShort } from '../../insight/format';
import { canActivate, restoreRows, type PassiveData, type RestoreRow } from '../../insight/restoreHistory';
import { useTypeLabels } from './labels';
import { restorePaths } from './paths';
import { ActivateRestoreModal, DeleteRestoreModal } from './RestoreActionModals';
import { asLoadError, failed, type RestoreHub } from './useRestoreHub';
import { useRestorePermissions } from './usePermissions';
import { When } from './When';

const FRESHNESS_SEVERITY: Record<PassiveData['freshness'], Severity> = {
  upToDate: 'healthy',
  behind: 'info',
  overdue: 'warning',
  unknown: 'unknown',
};

const PassiveDataCell = ({ data, now }: { data: PassiveData; now: Date }) => {
  const { t, tm } = usePluginTranslation();
  const freshness: Record<PassiveData['freshness'], string> = {
    upToDate: t('Up to date'),
    behind: t('{{lag}} behind the newest backup', { lag: formatDurationShort(data.lagMs ?? 0) }),
    overdue: t('{{lag}} behind the newest backup', { lag: formatDurationShort(data.lagMs ?? 0) }),
    unknown: t('Freshness unknown'),
  };
  return (
    <div data-testid="passive-data">
      <div>
        {t('Passive data as of')} <When date={data.asOf} now={now} />
      </div>
      <SeverityLabel severity={FRESHNESS_SEVERITY[data.freshness]}>{freshness[data.freshness]}</SeverityLabel>
      <Content component="small">
        <div>{tm(data.message)}</div>
      </Content>
    </div>
  );
};

/** Backups of one set share a time: one line per time keeps the column short. */
const BackupsUsedCell = ({ row, now }: { row: RestoreRow; now: Date }) => {
  const { t } = usePluginTranslation();
  const { relative, locale } = useFormatters();
  const typeLabels = useTypeLabels();
  if (row.backupsUsed.length === 0 && !row.passiveData) return <>—</>;
  const groups = new Map<string, { when: string; names: string[]; types: string[] }>();
  for (const b of row.backupsUsed) {
    const when: string = b.backupTime ? relative(b.backupTime, now) : (b.backupName ?? String(t('unknown backup')));
    const key = b.backupTime ? String(b.backupTime.getTime()) : when;
    const group = groups.get(key) ?? { when, names: [] as string[], types: [] as string[] };
    group.types.push(b.activation ? String(t('{{type}} (activation)', { type: typeLabels[b.type] })) : typeLabels[b.type]);
    if (b.backupName) group.names.push(b.backupName);
    groups.set(key, group);
  }
  const list = new Intl.ListFormat(locale, { style: 'short', type: 'unit' });
  return (
    <>
      {groups.size > 0 && (
        <List isPlain>
          {[...groups.entries()].map(([key, g]) => (
            <ListItem key={key}>
              <span title={g.names.join('\n')}>
                {list.format(g.types)}: {g.when}
              </span>
            </ListItem>
          ))}
        </List>
      )}
      {row.passiveData && <PassiveDataCell data={row.passiveData} now={now} />}
    </>
  );
};

type RowActionsProps = {
  restore: Restore;
  permissions: ReturnType<typeof useRestorePermissions>;
  onActivate: () => void;
  onDelete: () => void;
};

const RowActions = ({ restore, permissions, onActivate, onDelete }: RowActionsProps) => {
  const { t, tm } = usePluginTranslation();
  const activation = canActivate(restore);
  const isSync = restore.spec?.syncRestoreWithNewBackups === true;
  const deleting = Boolean(restore.metadata?.deletionTimestamp);
  return (
    <Flex spaceItems={{ default: 'spaceItemsSm' }} flexWrap={{ default: 'nowrap' }}>
      {isSync && (
        <FlexItem>
          <GuardedButton
            variant="secondary"
            size="sm"
            onClick={onActivate}
            disabledReason={!activation.allowed ? tm(activation.reason) : permissions.patch.reason}
          >
            {t('Activate')}
          </GuardedButton>
        </FlexItem>
      )}
      <FlexItem>
        <GuardedButton
          variant="link"
          isDanger
          size="sm"
          onClick={onDelete}
          disabledReason={deleting ? t('This restore is being deleted.') : permissions.delete.reason}
        >
          {t('Delete')}
        </GuardedButton>
      </FlexItem>
    </Flex>
  );
};

type Modal = { kind: 'activate' | 'delete'; restore: Restore; open: boolean; id: number } | undefined;

/** Every Restore of the backup namespace, newest first, with what it did and what can still be done with it. */
export const RestoreHistory = ({ hub, now }: { hub: RestoreHub; now: Date }) => {
  const { t, tm } = usePluginTranslation();
  const { duration } = useFormatters();
  const navigate = useNavigate();
  const permissions = useRestorePermissions();
  const [modal, setModal] = useState<Modal>();
  const [activated, setActivated] = useState<string>();
  const close = () => setModal((m) => m && { ...m, open: false });
  const { restores, backups, veleroRestores } = hub;

  const rows = useMemo(
    () => restoreRows(restores.data, { veleroRestores: veleroRestores.data, backups: backups.data, now }),
    [restores.data, veleroRestores.data, backups.data, now],
  );
  const byName = useMemo(() => new Map(restores.data.map((r) => [r.metadata?.name ?? '', r])), [restores.data]);

  if (failed(restores.error) && (!restores.loaded || restores.data.length === 0)) {
    return <LoadErrorState error={asLoadError(restores.error)} context={{ verb: 'list', model: RestoreModel, namespace: BACKUP_NAMESPACE }} />;
  }
  if (!restores.loaded) return <LoadingState label={t('Loading restores')} />;
  if (rows.length === 0) {
    return (
      <EmptyMessage
        title={t('No restores yet')}
        action={
          <GuardedButton variant="primary" onClick={() => navigate(restorePaths.create)} disabledReason={permissions.create.reason}>
            {t('Create restore')}
          </GuardedButton>
        }
      >
        {t('A restore brings back hub data, and optionally the managed clusters, from the backups another hub wrote to the shared storage location. Create one to make this hub passive or to take over from a lost primary hub.')}
      </EmptyMessage>
    );
  }

  const cols = {
    name: t('Name'),
    intent: t('Intent'),
    phase: t('Phase'),
    started: t('Started'),
    completed: t('Completed'),
    duration: t('Duration'),
    backups: t('Backups used'),
  };

  return (
    <>
      {failed(restores.error) && <Alert variant="warning" isInline title={tm(WATCH_DROPPED)} />}
      {activated && (
        <Alert
          variant="info"
          isInline
          title={t('Activation of {{name}} requested.', { name: activated })}
          actionClose={<AlertActionCloseButton onClose={() => setActivated(undefined)} />}
          data-testid="activation-requested"
        >
          <Link to={restorePaths.details(activated)}>{t('Follow the activation in the restore timeline')}</Link>
        </Alert>
      )}
      <Table aria-label={t('Restore history')} variant="compact" gridBreakPoint="grid-lg" data-testid="restore-history">
        <Thead>
          <Tr>
            <Th modifier="wrap">{cols.name}</Th>
            <Th modifier="wrap">{cols.intent}</Th>
            <Th modifier="wrap">{cols.phase}</Th>
            <Th modifier="wrap">{cols.started}</Th>
            <Th modifier="wrap">{cols.completed}</Th>
            <Th modifier="wrap">{cols.duration}</Th>
            <Th modifier="wrap">{cols.backups}</Th>
            <Th screenReaderText={t('Actions')} />
          </Tr>
        </Thead>
        <Tbody>
          {rows.map((row) => {
            const restore = byName.get(row.name) as Restore;
            return (
              <Tr key={row.name} data-testid={`restore-row-${row.name}`}>
                <Td dataLabel={cols.name}>
                  <Link to={restorePaths.details(row.name)}>{row.name}</Link>
                </Td>
                <Td dataLabel={cols.intent}>
                  {tm(row.intent.label)}
                  {row.intent.filtered && (
                    <>
                      {' '}
                      <Label isCompact>{t('filtered')}</Label>
                    </>
                  )}
                </Td>
                <Td dataLabel={cols.phase}>
                  <SeverityLabel severity={row.phase.severity}>{tm(row.phase.label)}</SeverityLabel>
                  <Content component="small">
                    <div>{tm(row.phase.explanation)}</div>
                  </Content>
                </Td>
                <Td dataLabel={cols.started}>
                  <When date={row.started} now={now} />
                </Td>
                <Td dataLabel={cols.completed}>
                  {row.phase.isSyncing ? (
                    <>
                      {t('Keeps syncing')}
                      {row.completed && (
                        <Content component="small">
                          <div>
                            {t('Last sync finished')} <When date={row.completed} now={now} />
                          </div>
                        </Content>
                      )}
                    </>
                  ) : row.completed ? (
                    <When date={row.completed} now={now} />
                  ) : row.ongoing ? (
                    t('Running')
                  ) : (
                    '—'
                  )}
                </Td>
                <Td dataLabel={cols.duration}>
                  {/* A syncing restore never ends: the time to its last sync says nothing useful. */}
                  {row.durationMs === undefined || row.phase.isSyncing ? '—' : row.ongoing ? t('{{duration}} so far', { duration: duration(row.durationMs) }) : duration(row.durationMs)}
                </Td>
                <Td dataLabel={cols.backups}>
                  <BackupsUsedCell row={row} now={now} />
                </Td>
                <Td isActionCell>
                  {restore && (
                    <RowActions
                      restore={restore}
                      permissions={permissions}
                      onActivate={() => setModal((m) => ({ kind: 'activate', restore, open: true, id: (m?.id ?? 0) + 1 }))}
                      onDelete={() => setModal((m) => ({ kind: 'delete', restore, open: true, id: (m?.id ?? 0) + 1 }))}
                    />
                  )}
                </Td>
              </Tr>
            );
          })}
        </Tbody>
      </Table>
      {modal?.kind === 'activate' && (
        <ActivateRestoreModal
          key={modal.id}
          isOpen={modal.open}
          restore={modal.restore}
          backups={backups.data}
          hubId={hub.hubId}
          onClose={close}
          onActivated={() => setActivated(modal.restore.metadata?.name)}
        />
      )}
      {modal?.kind === 'delete' && <DeleteRestoreModal key={modal.id} isOpen={modal.open} restore={modal.restore} onClose={close} />}
    </>
  );
};
