import { k8sCreate } from '@openshift-console/dynamic-plugin-sdk';
import { apiVersionOf, DeleteBackupRequestModel } from '../../k8s/models';
import type { DeleteBackupRequest, VeleroBackup } from '../../k8s/types';
import { TypedConfirmModal } from '../../components/TypedConfirmModal';
import { usePluginTranslation } from '../../i18n';

/**
 * A backup is deleted through a DeleteBackupRequest, named after the backup as the operator does
 * (§8). Deleting the Backup object would leave its data in storage, and Velero would bring the
 * object back at its next sync.
 */
export const deleteBackupRequest = (backup: VeleroBackup): DeleteBackupRequest => ({
  apiVersion: apiVersionOf(DeleteBackupRequestModel),
  kind: DeleteBackupRequestModel.kind,
  metadata: { name: backup.metadata?.name ?? '', namespace: backup.metadata?.namespace },
  spec: { backupName: backup.metadata?.name ?? '' },
});

const isAlreadyExists = (e: unknown): boolean => {
  const err = e as { json?: { reason?: string; code?: number }; response?: { status?: number } } | undefined;
  return err?.json?.reason === 'AlreadyExists';
};

type DeleteBackupModalProps = {
  backup?: VeleroBackup;
  isStuck: boolean;
  /** The newest good backup of its type: restores asking for `latest` fall back to an older one. */
  isNewestGood: boolean;
  onClose: () => void;
  onRequested: (name: string) => void;
};

export const DeleteBackupModal = ({ backup, isStuck, isNewestGood, onClose, onRequested }: DeleteBackupModalProps) => {
  const { t } = usePluginTranslation();
  const name = backup?.metadata?.name ?? '';
  const consequences = [
    t('Velero deletes the data of backup {{name}} from the storage location, and its volume snapshots, then the Backup object.', { name }),
    isNewestGood
      ? t('It is the newest good backup of its type: restores that ask for the latest backup use the previous one from now on.')
      : t('Restores can no longer use it.'),
    t('The other backups of its set stay: a restore to that moment lacks this part afterwards.'),
    ...(isStuck ? [t('It is stuck: Velero cannot resume it, so deleting it loses nothing; the next scheduled run makes a fresh backup.')] : []),
    t('This cannot be undone.'),
  ];
  return (
    <TypedConfirmModal
      isOpen={Boolean(backup)}
      title={t('Delete backup {{name}}?', { name })}
      consequences={consequences}
      confirmText={name}
      confirmLabel={t('Delete backup')}
      onConfirm={async () => {
        if (!backup) return;
        try {
          await k8sCreate({ model: DeleteBackupRequestModel, data: deleteBackupRequest(backup) });
        } catch (e) {
          // A request with this name exists: the deletion was asked for already and is in progress.
          if (!isAlreadyExists(e)) throw e;
        }
        onRequested(name);
      }}
      onClose={onClose}
      errorContext={{ verb: 'create', model: DeleteBackupRequestModel, name, namespace: backup?.metadata?.namespace }}
    />
  );
};
