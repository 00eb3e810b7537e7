import { useMemo, useState } from 'react';
import {
  Alert,
  Card,
  CardBody,
  CardTitle,
  Content,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  ExpandableSection,
  Flex,
  FlexItem,
  Grid,
  GridItem,
  List,
  ListItem,
} from '@patternfly/react-core';
import { CopyCommand } from '../../components/CopyCommand';
import { GuardedButton } from '../../components/GuardedButton';
import { EmptyMessage, LoadErrorState, LoadingState } from '../../components/PageStates';
import { SeverityLabel } from '../../components/SeverityLabel';
import { useFormatters } from '../../components/format';
import { usePluginTranslation } from '../../i18n';
import { WATCH_DROPPED } from '../../k8s/errors';
import { useWatchList, useWatchObject } from '../../k8s/hooks';
import { EventModel, EventsV1EventModel, RestoreModel } from '../../k8s/models';
import { BACKUP_NAMESPACE } from '../../k8s/names';
import type { KubeEvent, Restore } from '../../k8s/types';
import { Link, useNavigate } from '../../router';
import { formatDurationShort } from '../../insight/format';
import { ocDescribeCommand } from '../../insight/ocCommands';
import { canActivate, restoreRow, type RestoreRow } from '../../insight/restoreHistory';
import { veleroRestoresOf } from '../../insight/restoreObjects';
import { restoreTimeline, type VeleroRestoreSummary } from '../../insight/restoreTimeline';
import { useTypeLabels } from './labels';
import { restorePaths } from './paths';
import { ActivateRestoreModal, DeleteRestoreModal } from './RestoreActionModals';
import { RestoreTimelineSection } from './RestoreTimelineSection';
import { asLoadError, failed, type RestoreHub } from './useRestoreHub';
import { useRestorePermissions } from './usePermissions';
import { When } from './When';

/**
 * Events about one Restore. The operator writes core/v1 Events up to 2.17 and events.k8s.io/v1
 * Events on later releases (§2); both are watched, each with the field that names the object in
 * its own API, and the timeline merges the two views of the same event.
 */
const useRestoreEvents = (name: string, namespace: string) => {
  const core = useWatchList<KubeEvent>(EventModel, { namespace, fieldSelector: `involvedObject.name=${name}` });
  const v1 = useWatchList<KubeEvent>(EventsV1EventModel, { namespace, fieldSelector: `regarding.name=${name}` });
  const events = useMemo(() => [...core.data, ...v1.data], [core.data, v1.data]);
  // One readable API is enough: both carry the same events.
  const error = failed(core.error) && failed(v1.error) ? core.error : undefined;
  return { events, error };
};

const VeleroRestoreItem = ({ s }: { s: VeleroRestoreSummary }) => {
  const { t, tm } = usePluginTranslation();
  const { duration } = useFormatters();
  const typeLabels = useTypeLabels();
  return (
    <ListItem data-testid={`velero-restore-${s.name}`}>
      <Flex spaceItems={{ default: 'spaceItemsSm' }} alignItems={{ default: 'alignItemsCenter' }}>
        <FlexItem>
          <code>{s.name}</code>
        </FlexItem>
        <FlexItem>
          <SeverityLabel severity={s.diagnosis.severity}>{s.phase ?? t('No status yet')}</SeverityLabel>
        </FlexItem>
      </Flex>
      <Content component="small">
        <div>
          {s.backupType ? (s.activation ? t('{{type}} (activation)', { type: typeLabels[s.backupType] }) : typeLabels[s.backupType]) : t('Unknown type')}
          {s.backupName ? ` · ${s.backupName}` : ''}
          {s.durationMs !== undefined ? ` · ${duration(s.durationMs)}` : ''}
        </div>
        <div>
          {t('Items restored: {{restored}} of {{total}}. Warnings: {{warnings}}. Errors: {{errors}}.', {
            restored: s.itemsRestored ?? 0,
            total: s.totalItems ?? 0,
            warnings: s.warnings,
            errors: s.errors,
          })}
        </div>
        {s.diagnosis.verdict !== 'ok' && s.diagnosis.verdict !== 'inProgress' && <div>{tm(s.diagnosis.explanation)}</div>}
      </Content>
      <CopyCommand command={ocDescribeCommand('VeleroRestore', s.name, s.namespace)} label={t('oc describe command for {{name}}', { name: s.name })} />
    </ListItem>
  );
};

const Summary = ({ restore, row, velero, now }: { restore: Restore; row: RestoreRow; velero: VeleroRestoreSummary[]; now: Date }) => {
  const { t, tm } = usePluginTranslation();
  const { duration, relative } = useFormatters();
  const typeLabels = useTypeLabels();
  const name = restore.metadata?.name ?? '';
  const phase = row.phase;
  const diagnoses = (phase.veleroDiagnoses ?? []).filter((d) => d.verdict !== 'emptyBackup');
  // The status names the Velero restores of the latest run; a sync restore leaves one set per sync before it.
  const named = new Set(row.backupsUsed.map((b) => b.veleroRestoreName));
  const current = named.size > 0 ? velero.filter((s) => named.has(s.name)) : velero;
  const earlier = named.size > 0 ? velero.filter((s) => !named.has(s.name)).reverse() : [];
  return (
    <DescriptionList isCompact data-testid="restore-summary">
      <DescriptionListGroup>
        <DescriptionListTerm>{t('Intent')}</DescriptionListTerm>
        <DescriptionListDescription>
          <strong>{tm(row.intent.label)}</strong>
          <div>{tm(row.intent.effect)}</div>
          {row.intent.notes.length > 0 && (
            <List>
              {row.intent.notes.map((n) => (
                <ListItem key={n.key}>{tm(n)}</ListItem>
              ))}
            </List>
          )}
        </DescriptionListDescription>
      </DescriptionListGroup>
      <DescriptionListGroup>
        <DescriptionListTerm>{t('Phase')}</DescriptionListTerm>
        <DescriptionListDescription data-testid="restore-phase">
          <SeverityLabel severity={phase.severity}>{tm(phase.label)}</SeverityLabel>
          <div>{tm(phase.explanation)}</div>
          {phase.check && (
            <div>
              <strong>{t('What to check:')}</strong> {tm(phase.check)}
            </div>
          )}
          {phase.syncIgnored && <Alert variant="warning" isInline isPlain title={tm(phase.syncIgnored)} />}
          {/* Empty-backup verdicts are already named in the explanation above. */}
          {diagnoses.length > 0 && (
            <List>
              {diagnoses.map((d) => (
                <ListItem key={d.name}>
                  {tm(d.explanation)}
                  {d.check && <> {tm(d.check)}</>}
                </ListItem>
              ))}
            </List>
          )}
          {phase.lastMessage && (
            <ExpandableSection toggleText={t('Operator message')}>
              <code>{phase.lastMessage}</code>
            </ExpandableSection>
          )}
        </DescriptionListDescription>
      </DescriptionListGroup>
      <DescriptionListGroup>
        <DescriptionListTerm>{t('Started')}</DescriptionListTerm>
        <DescriptionListDescription>
          <When date={row.started} now={now} />
        </DescriptionListDescription>
      </DescriptionListGroup>
      <DescriptionListGroup>
        <DescriptionListTerm>{t('Completed')}</DescriptionListTerm>
        <DescriptionListDescription>
          {phase.isSyncing ? (
            <>
              {t('Keeps syncing')}
              {row.completed && (
                <div>
                  {t('Last sync finished')} <When date={row.completed} now={now} />
                </div>
              )}
            </>
          ) : row.completed ? (
            <When date={row.completed} now={now} />
          ) : row.ongoing ? (
            t('Running')
          ) : (
            '—'
          )}
          {row.durationMs !== undefined && !phase.isSyncing && (
            <div>
              {row.ongoing ? t('{{duration}} so far', { duration: duration(row.durationMs) }) : t('Took {{duration}}', { duration: duration(row.durationMs) })}
            </div>
          )}
        </DescriptionListDescription>
      </DescriptionListGroup>
      <DescriptionListGroup>
        <DescriptionListTerm>{t('Backups used')}</DescriptionListTerm>
        <DescriptionListDescription>
          {row.backupsUsed.length === 0 ? (
            t('None yet')
          ) : (
            <List isPlain>
              {row.backupsUsed.map((b) => (
                <ListItem key={b.veleroRestoreName}>
                  {b.activation ? t('{{type}} (activation)', { type: typeLabels[b.type] }) : typeLabels[b.type]}: <code>{b.backupName ?? t('unknown backup')}</code>
                  {b.backupTime && <> ({relative(b.backupTime, now)})</>}
                </ListItem>
              ))}
            </List>
          )}
        </DescriptionListDescription>
      </DescriptionListGroup>
      {row.passiveData && (
        <DescriptionListGroup>
          <DescriptionListTerm>{t('Passive data')}</DescriptionListTerm>
          <DescriptionListDescription data-testid="passive-data">
            <div>
              {t('Passive data as of')} <When date={row.passiveData.asOf} now={now} />
              {row.passiveData.lagMs !== undefined &&
                row.passiveData.lagMs > 0 &&
                ` · ${t('{{lag}} behind the newest backup', { lag: formatDurationShort(row.passiveData.lagMs) })}`}
            </div>
            <div>{tm(row.passiveData.message)}</div>
          </DescriptionListDescription>
        </DescriptionListGroup>
      )}
      <DescriptionListGroup>
        <DescriptionListTerm>{t('Velero restores')}</DescriptionListTerm>
        <DescriptionListDescription>
          {velero.length === 0 ? (
            t('None yet')
          ) : (
            <>
              <List isPlain isBordered>
                {current.map((s) => (
                  <VeleroRestoreItem key={s.name} s={s} />
                ))}
              </List>
              {earlier.length > 0 && (
                <ExpandableSection toggleText={t('Earlier Velero restores ({{count}})', { count: earlier.length })}>
                  <List isPlain isBordered>
                    {earlier.map((s) => (
                      <VeleroRestoreItem key={s.name} s={s} />
                    ))}
                  </List>
                </ExpandableSection>
              )}
            </>
          )}
        </DescriptionListDescription>
      </DescriptionListGroup>
      <DescriptionListGroup>
        <DescriptionListTerm>{t('Inspect with oc')}</DescriptionListTerm>
        <DescriptionListDescription>
          <CopyCommand command={ocDescribeCommand('Restore', name, restore.metadata?.namespace)} label={t('oc describe command for {{name}}', { name })} />
        </DescriptionListDescription>
      </DescriptionListGroup>
    </DescriptionList>
  );
};

type Modal = { kind: 'activate' | 'delete'; open: boolean; id: number } | undefined;

/** One Restore: what it is for, where it stands, and everything that happened to it, live. */
export const RestoreDetails = ({ hub, now, name }: { hub: RestoreHub; now: Date; name: string }) => {
  const { t, tm } = usePluginTranslation();
  const navigate = useNavigate();
  const permissions = useRestorePermissions();
  const [modal, setModal] = useState<Modal>();
  const close = () => setModal((m) => m && { ...m, open: false });
  const namespace = BACKUP_NAMESPACE;
  const watched = useWatchObject<Restore>(RestoreModel, name, namespace);
  const { events, error: eventsError } = useRestoreEvents(name, namespace);
  const restore = watched.data;
  const veleroRestores = hub.veleroRestores.data;
  const backups = hub.backups.data;

  const own = useMemo(() => (restore ? veleroRestoresOf(restore, veleroRestores) : []), [restore, veleroRestores]);
  const row = useMemo(() => (restore ? restoreRow(restore, { veleroRestores: own, backups, now }) : undefined), [restore, own, backups, now]);
  const entries = useMemo(() => (restore ? restoreTimeline({ restore, events, veleroRestores: own, backups, now }) : []), [restore, events, own, backups, now]);
  // Each Velero restore appears in the timeline once or twice (start, end); the summary lists it once, in timeline order.
  const velero = useMemo(() => {
    const byName = new Map<string, VeleroRestoreSummary>();
    for (const e of entries) if (e.veleroRestore && !byName.has(e.veleroRestore.name)) byName.set(e.veleroRestore.name, e.veleroRestore);
    return [...byName.values()];
  }, [entries]);

  const back = (
    <Content component="p">
      <Link to={restorePaths.history}>{t('Back to restores')}</Link>
    </Content>
  );

  if (failed(watched.error) && (!watched.loaded || !restore)) {
    return (
      <>
        {back}
        <LoadErrorState error={asLoadError(watched.error)} context={{ verb: 'get', model: RestoreModel, name, namespace }} />
      </>
    );
  }
  if (!watched.loaded) return <LoadingState label={t('Loading restore {{name}}', { name })} />;
  if (!restore || !row) {
    return (
      <>
        {back}
        <EmptyMessage title={t('Restore {{name}} was not found', { name })}>
          {t('It may have been deleted. The restore history shows the restores that exist now.')}
        </EmptyMessage>
      </>
    );
  }

  const activation = canActivate(restore);
  const isSync = restore.spec?.syncRestoreWithNewBackups === true;
  const deleting = Boolean(restore.metadata?.deletionTimestamp);

  return (
    <>
      {back}
      <Flex spaceItems={{ default: 'spaceItemsSm' }} className="pf-v6-u-mb-md">
        {isSync && (
          <FlexItem>
            <GuardedButton variant="primary" onClick={() => setModal((m) => ({ kind: 'activate', open: true, id: (m?.id ?? 0) + 1 }))} disabledReason={!activation.allowed ? tm(activation.reason) : permissions.patch.reason}>
              {t('Activate')}
            </GuardedButton>
          </FlexItem>
        )}
        <FlexItem>
          <GuardedButton
            variant="secondary"
            isDanger
            onClick={() => setModal((m) => ({ kind: 'delete', open: true, id: (m?.id ?? 0) + 1 }))}
            disabledReason={deleting ? t('This restore is being deleted.') : permissions.delete.reason}
          >
            {t('Delete')}
          </GuardedButton>
        </FlexItem>
      </Flex>
      {failed(watched.error) && <Alert variant="warning" isInline title={tm(WATCH_DROPPED)} className="pf-v6-u-mb-md" />}
      <Grid hasGutter>
        <GridItem lg={5}>
          <Card>
            <CardTitle>{t('Summary')}</CardTitle>
            <CardBody>
              <Summary restore={restore} row={row} velero={velero} now={now} />
            </CardBody>
          </Card>
        </GridItem>
        <GridItem lg={7}>
          <Card>
            <CardTitle>{t('Timeline')}</CardTitle>
            <CardBody>
              {eventsError !== undefined && (
                <Alert variant="warning" isInline isPlain title={t('The events of this restore could not be read; the timeline shows its status and Velero restores only.')} className="pf-v6-u-mb-md" />
              )}
              <RestoreTimelineSection entries={entries} />
            </CardBody>
          </Card>
        </GridItem>
      </Grid>
      {modal?.kind === 'activate' && (
        <ActivateRestoreModal key={modal.id} isOpen={modal.open} restore={restore} backups={backups} hubId={hub.hubId} onClose={close} />
      )}
      {modal?.kind === 'delete' && (
        <DeleteRestoreModal
          key={modal.id}
          isOpen={modal.open}
          restore={restore}
          onClose={close}
          // After the modal has closed itself: navigating first would unmount it mid-update.
          onDeleted={() => window.setTimeout(() => navigate(restorePaths.history), 0)}
        />
      )}
    </>
  );
};
