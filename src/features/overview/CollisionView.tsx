import { useMemo, useState } from 'react';
import { Alert, Card, CardBody, CardTitle, Flex, Stack, StackItem } from '@patternfly/react-core';
import { k8sDelete } from '@openshift-console/dynamic-plugin-sdk';
import { BackupScheduleModel, VeleroBackupModel } from '../../k8s/models';
import { BACKUP_NAMESPACE } from '../../k8s/names';
import type { BackupSchedule, VeleroBackup } from '../../k8s/types';
import { useCanI } from '../../k8s/access';
import { writerLanes } from '../../insight/collision';
import { GuardedButton } from '../../components/GuardedButton';
import { LoadErrorState, LoadingState } from '../../components/PageStates';
import { TypedConfirmModal } from '../../components/TypedConfirmModal';
import { useCollision } from '../../components/useCollision';
import { usePluginTranslation } from '../../i18n';
import { RecreateScheduleModal } from './RecreateScheduleModal';
import { WriterLanesChart } from './WriterLanesChart';

type TFunc = (key: string, params?: Record<string, unknown>) => string;

const usePermissionReason = (verb: 'delete' | 'create'): string | undefined => {
  const { t } = usePluginTranslation();
  const { allowed, loading } = useCanI(verb, BackupScheduleModel, BACKUP_NAMESPACE);
  if (loading) return t('Checking your permissions…');
  if (allowed) return undefined;
  return verb === 'delete'
    ? t('You do not have permission to delete BackupSchedules in {{backupNamespace}}.', { backupNamespace: BACKUP_NAMESPACE })
    : t('You do not have permission to create BackupSchedules in {{backupNamespace}}.', { backupNamespace: BACKUP_NAMESPACE });
};

const deleteConsequences = (t: TFunc, schedule: BackupSchedule, thisHubId?: string): string[] => {
  const name = schedule.metadata?.name ?? '';
  const out = [
    t('Deletes BackupSchedule {{name}} on this hub ({{id}}); the operator removes its Velero schedules.', { name, id: thisHubId ?? t('unknown id') }),
    t('This hub writes no backups until a new BackupSchedule is created. Backups already in storage stay until they expire.'),
  ];
  if (schedule.spec?.useOwnerReferencesInBackup) {
    out.push(t('The schedule sets useOwnerReferencesInBackup, so the Backup objects it owns are deleted with it.'));
  }
  return out;
};

const CollisionActions = ({ schedule, thisHubId, otherHubIds, hasCollision }: { schedule?: BackupSchedule; thisHubId?: string; otherHubIds: string[]; hasCollision: boolean }) => {
  const { t } = usePluginTranslation();
  const deleteReason = usePermissionReason('delete');
  const createReason = usePermissionReason('create');
  const [deleting, setDeleting] = useState<BackupSchedule>();
  const [recreating, setRecreating] = useState<BackupSchedule>();

  if (!schedule && !recreating && !deleting) {
    return <p data-testid="no-schedule">{t('This hub has no BackupSchedule, so it writes nothing to this storage location and there is nothing to resolve here.')}</p>;
  }
  const name = schedule?.metadata?.name ?? recreating?.metadata?.name ?? '';
  const recreateReason = deleteReason ?? createReason ?? (hasCollision ? undefined : t('No collision is detected, so recreating the schedule would change nothing.'));
  return (
    <>
      <p>
        {t('Decide first which hub is the primary. Then, on this hub, either delete BackupSchedule {{name}} (this hub becomes passive or standalone), or, if this hub is the primary, recreate it so that it resumes writing backups.', {
          name,
        })}
      </p>
      <Flex className="pf-v6-u-mt-md">
        <GuardedButton variant="danger" disabledReason={schedule ? deleteReason : t('The schedule is already deleted.')} onClick={() => setDeleting(schedule)} data-testid="delete-schedule">
          {t('Delete BackupSchedule {{name}}', { name })}
        </GuardedButton>
        <GuardedButton
          variant="secondary"
          disabledReason={schedule ? recreateReason : undefined}
          onClick={() => schedule && setRecreating(schedule)}
          data-testid="recreate-schedule"
        >
          {t('Recreate it: this hub is the primary')}
        </GuardedButton>
      </Flex>
      {deleting && (
        <TypedConfirmModal
          isOpen
          title={t('Delete BackupSchedule {{name}}', { name: deleting.metadata?.name ?? '' })}
          consequences={deleteConsequences(t, deleting, thisHubId)}
          confirmText={deleting.metadata?.name ?? ''}
          confirmLabel={t('Delete')}
          onConfirm={() => k8sDelete({ model: BackupScheduleModel, resource: deleting })}
          onClose={() => setDeleting(undefined)}
          errorContext={{ verb: 'delete', model: BackupScheduleModel, name: deleting.metadata?.name, namespace: deleting.metadata?.namespace }}
        />
      )}
      {recreating && <RecreateScheduleModal schedule={recreating} thisHubId={thisHubId} otherHubIds={otherHubIds} onClose={() => setRecreating(undefined)} />}
    </>
  );
};

/**
 * Who writes to the storage location, over time, and the two ways out of a collision. The details
 * of a current collision are in the banner above the page.
 */
export const CollisionView = ({ backups, now }: { backups: { data: VeleroBackup[]; loaded: boolean; error?: unknown }; now: Date }) => {
  const { t } = usePluginTranslation();
  const { settled, collision, schedule, thisHubId } = useCollision();
  const lanes = useMemo(() => writerLanes(backups.data, undefined, { thisHubId }), [backups.data, thisHubId]);

  if (!settled) return <LoadingState />;
  const lastWriterIsOther = Boolean(lanes.lastWriter && thisHubId && lanes.lastWriter !== thisHubId);
  return (
    <Stack hasGutter data-testid="collision-view">
      <StackItem>
        {collision ? null : (
          <Alert
            variant={thisHubId ? 'info' : 'warning'}
            isInline
            data-testid="no-collision"
            title={
              !thisHubId
                ? t('This hub\'s cluster id could not be read, so backups written by another hub cannot be told apart.')
                : schedule
                  ? t('No collision: the newest backups in storage were written by this hub.')
                  : lastWriterIsOther
                    ? t('No collision: this hub has no BackupSchedule, and hub {{hub}} is the one writing backups.', { hub: lanes.lastWriter })
                    : t('No collision: this hub has no BackupSchedule.')
            }
          />
        )}
      </StackItem>
      <StackItem>
        <Card>
          <CardTitle>{t('Hubs writing to this storage location')}</CardTitle>
          <CardBody>
            <p className="pf-v6-u-mb-md">
              {t('Each backup carries the cluster id of the hub that wrote it. Only one hub should write at a time; a second lane overlapping the first is a collision. Dashed lines mark activations, when a hub took over the managed clusters.')}
            </p>
            {backups.error ? <LoadErrorState error={backups.error} context={{ verb: 'list', model: VeleroBackupModel, namespace: BACKUP_NAMESPACE }} /> : <WriterLanesChart lanes={lanes} now={now} />}
          </CardBody>
        </Card>
      </StackItem>
      <StackItem>
        <Card>
          <CardTitle>{t('Resolve the collision')}</CardTitle>
          <CardBody>
            <CollisionActions schedule={schedule} thisHubId={thisHubId} otherHubIds={collision?.otherHubIds ?? []} hasCollision={Boolean(collision)} />
          </CardBody>
        </Card>
      </StackItem>
    </Stack>
  );
};
