import { useState } from 'react';
import { k8sDelete, k8sPatch } from '@openshift-console/dynamic-plugin-sdk';
import { Alert, FormGroup, TextInput } from '@patternfly/react-core';
import { TypedConfirmModal } from '../../components/TypedConfirmModal';
import { usePluginTranslation } from '../../i18n';
import { RestoreModel } from '../../k8s/models';
import type { Restore, VeleroBackup } from '../../k8s/types';
import { activateSyncRestoreOps } from '../../operand/restore';
import { useCurrentUser, whoAmI } from '../../k8s/currentUser';
import { canActivate } from '../../insight/restoreHistory';
import { isRestoreActive, isRestoreSyncing } from '../../insight/restorePhase';
import { oldPrimaryCheck } from './preflight';

type ActivateProps = {
  isOpen: boolean;
  restore: Restore;
  backups: readonly VeleroBackup[];
  hubId?: string;
  onClose: () => void;
  onActivated?: () => void;
};

/*
 * Both modals stay mounted after closing (isOpen false) until the next one replaces them: the
 * confirmation modal still updates its own state right after it calls onClose.
 */

/**
 * Activation of a syncing passive restore (§2 "Activating a passive-sync restore"): the one edit
 * that moves the managed clusters to this hub. The consequences come first, then the live
 * warnings (an old primary still writing backups), then the typed name.
 */
export const ActivateRestoreModal = ({ isOpen, restore, backups, hubId, onClose, onActivated }: ActivateProps) => {
  const { t, tm } = usePluginTranslation();
  const [reason, setReason] = useState('');
  const user = useCurrentUser(isOpen);
  const name = restore.metadata?.name ?? '';
  const check = canActivate(restore);
  const primary = oldPrimaryCheck({ backups, hubId, now: new Date() });
  return (
    <TypedConfirmModal
      isOpen={isOpen}
      title={t('Activate restore {{name}}?', { name })}
      variant="warning"
      confirmText={name}
      confirmLabel={t('Activate')}
      consequences={[
        t('The operator restores the newest managed-clusters backup: the managed clusters move to this hub, which becomes the primary hub. Clusters created by Hive reconnect on their own; imported clusters reconnect through ManagedServiceAccount auto-import, or need to be imported again.'),
        t('The old primary hub must already be shut down, or its BackupSchedule paused and auto-import disabled on its managed clusters; otherwise both hubs try to manage the same clusters.'),
        t('Syncing stops: this restore ends Finished and no longer restores new backups. It cannot be undone; to go back, the clusters must be moved again from a backup.'),
        t('This hub is not backed up until you create a BackupSchedule on it.'),
      ]}
      onConfirm={async () => {
        await k8sPatch({
          model: RestoreModel,
          resource: restore,
          data: activateSyncRestoreOps(restore, { reason, user: user ?? (await whoAmI()), time: new Date().toISOString() }),
        });
        onActivated?.();
      }}
      onClose={onClose}
      errorContext={{ verb: 'patch', model: RestoreModel, name, namespace: restore.metadata?.namespace }}
    >
      {check.allowed && check.warning && <Alert variant="warning" isInline title={tm(check.warning)} />}
      {primary?.status === 'warning' && <Alert variant="warning" isInline title={tm(primary.message)} data-testid="primary-warning" />}
      <FormGroup label={t('Reason (recorded on the restore)')} fieldId="activate-reason">
        <TextInput id="activate-reason" value={reason} onChange={(_e, v) => setReason(v)} placeholder={t('For example: primary hub lost in region outage')} />
      </FormGroup>
    </TypedConfirmModal>
  );
};

/**
 * Deleting a Restore removes the record, not what it restored; for a syncing restore it also
 * ends the sync, which is the point the admin must not miss.
 */
export const DeleteRestoreModal = ({
  isOpen,
  restore,
  onClose,
  onDeleted,
}: {
  isOpen: boolean;
  restore: Restore;
  onClose: () => void;
  onDeleted?: () => void;
}) => {
  const { t } = usePluginTranslation();
  const name = restore.metadata?.name ?? '';
  const syncing = isRestoreSyncing(restore);
  const consequences = [
    t('The Restore {{name}} and the Velero restores it created are deleted.', { name }),
    t('Nothing it restored is removed: hub resources and managed clusters it brought back stay on this hub. Deleting a restore does not undo it.'),
  ];
  if (syncing) {
    consequences.push(t('Syncing stops: new backups from the primary hub are no longer restored, so the passive data on this hub gets older.'));
  }
  if (isRestoreActive(restore)) {
    consequences.push(t('Once no restore is active on this hub, a BackupSchedule can be created on it.'));
  }
  return (
    <TypedConfirmModal
      isOpen={isOpen}
      title={t('Delete restore {{name}}?', { name })}
      variant="danger"
      confirmText={name}
      confirmLabel={t('Delete')}
      consequences={consequences}
      onConfirm={async () => {
        await k8sDelete({ model: RestoreModel, resource: restore });
        onDeleted?.();
      }}
      onClose={onClose}
      errorContext={{ verb: 'delete', model: RestoreModel, name, namespace: restore.metadata?.namespace }}
    />
  );
};
