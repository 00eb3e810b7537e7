import { useRef, useState } from 'react';
import { k8sDelete, k8sPatch } from '@openshift-console/dynamic-plugin-sdk';
import { Button, List, ListItem, Modal, ModalBody, ModalFooter, ModalHeader } from '@patternfly/react-core';
import { BackupScheduleModel } from '../../k8s/models';
import { VELERO_SCHEDULE_NAMES, BACKUP_TYPES } from '../../k8s/names';
import type { BackupSchedule } from '../../k8s/types';
import { pauseScheduleOps } from '../../operand/backupSchedule';
import { scheduleTtlInfo } from '../../insight/schedule';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { TypedConfirmModal } from '../../components/TypedConfirmModal';
import { usePluginTranslation } from '../../i18n';

/** What a pause attempt found out: whether the operator's CRD kept the field. */
export type PauseOutcome = { paused: boolean; supported: boolean };

type PauseModalProps = {
  schedule: BackupSchedule;
  /** true: pause; false: resume. */
  pause: boolean;
  onClose: () => void;
  onDone: (outcome: PauseOutcome) => void;
};

/**
 * Pause or resume. Not typed-confirmed: nothing is deleted and it is undone with one click, but
 * the consequences differ between releases (§1), so they are listed before the change is sent.
 */
export const PauseModal = ({ schedule, pause, onClose, onDone }: PauseModalProps) => {
  const { t } = usePluginTranslation();
  const [pending, setPending] = useState(false);
  const pendingRef = useRef(false);
  const [error, setError] = useState<unknown>();
  const name = schedule.metadata?.name ?? '';
  const ttl = scheduleTtlInfo(schedule).veleroTtl;
  const skipImmediately = schedule.spec?.skipImmediately === true;

  const confirm = async () => {
    if (pendingRef.current) return;
    pendingRef.current = true;
    setPending(true);
    setError(undefined);
    try {
      const result = (await k8sPatch({ model: BackupScheduleModel, resource: schedule, data: pauseScheduleOps(schedule, pause) })) as
        | BackupSchedule
        | undefined;
      // An API server whose CRD predates `paused` (ACM 2.12) prunes the field and answers 200.
      const kept = result?.spec ? result.spec.paused === pause : true;
      pendingRef.current = false;
      onDone({ paused: pause, supported: kept });
    } catch (e) {
      pendingRef.current = false;
      setPending(false);
      setError(e);
    }
  };

  const consequences = pause
    ? [
        t('No new backups are made until the schedule is resumed.'),
        t('Existing backups keep expiring after their TTL ({{ttl}}): if the schedule stays paused that long, no restore point is left.', { ttl }),
        t('The backup validation policy reports the missing recent backups.'),
        t('ACM 2.15 and later pause the five Velero schedules; ACM 2.12 to 2.14 delete them and create them again on resume.'),
        t('Pausing needs ACM 2.12 or later. On an older hub the API server drops the field and nothing changes; this page then says so.'),
        ...(schedule.spec?.useOwnerReferencesInBackup === true
          ? [t('This schedule deletes backups with their Velero schedules (useOwnerReferencesInBackup): on ACM 2.12 to 2.14, pausing deletes every backup they made.')]
          : []),
      ]
    : [
        t('Backups start again on the schedule.'),
        skipImmediately
          ? t('The backup that would be due at once is skipped (skip immediately is set); the first backup runs at the next scheduled time.')
          : t('Velero may take a backup at once if one was due while the schedule was paused.'),
      ];

  return (
    <Modal variant="small" isOpen onClose={pending ? undefined : onClose} aria-labelledby="pause-modal-title">
      <ModalHeader
        labelId="pause-modal-title"
        title={pause ? t('Pause BackupSchedule {{name}}?', { name }) : t('Resume BackupSchedule {{name}}?', { name })}
        titleIconVariant={pause ? 'warning' : undefined}
      />
      <ModalBody>
        <p>{t('This will:')}</p>
        <List data-testid="pause-consequences">
          {consequences.map((c) => (
            <ListItem key={c}>{c}</ListItem>
          ))}
        </List>
        {error !== undefined && (
          <ApiErrorAlert error={error} context={{ verb: 'patch', model: BackupScheduleModel, name, namespace: schedule.metadata?.namespace }} />
        )}
      </ModalBody>
      <ModalFooter>
        <Button variant="primary" onClick={() => void confirm()} isLoading={pending} isDisabled={pending} data-testid="pause-confirm">
          {pause ? t('Pause') : t('Resume')}
        </Button>
        <Button variant="link" onClick={onClose} isDisabled={pending}>
          {t('Cancel')}
        </Button>
      </ModalFooter>
    </Modal>
  );
};

type DeleteScheduleModalProps = {
  schedule: BackupSchedule;
  /** Kept mounted while closed: the shared modal finishes its own state updates after closing. */
  isOpen: boolean;
  onClose: () => void;
  onDeleted: () => void;
};

/** Deleting a schedule stops this hub's backups: typed confirmation, consequences first. */
export const DeleteScheduleModal = ({ schedule, isOpen, onClose, onDeleted }: DeleteScheduleModalProps) => {
  const { t } = usePluginTranslation();
  const name = schedule.metadata?.name ?? '';
  const ttl = scheduleTtlInfo(schedule).veleroTtl;
  const ownerRefs = schedule.spec?.useOwnerReferencesInBackup === true;
  const names = BACKUP_TYPES.map((type) => VELERO_SCHEDULE_NAMES[type]).join(', ');
  const consequences = [
    schedule.status?.phase === 'BackupCollision'
      ? t('The operator removes what is left of its Velero schedules ({{names}}); the collision already stopped the backups.', { names })
      : t('The operator deletes the five Velero schedules it owns ({{names}}): this hub stops backing up.', { names }),
    ownerRefs
      ? t('This schedule sets useOwnerReferencesInBackup: Velero deletes every backup those schedules made. All restore points are lost.')
      : t('Backups already in storage stay until their TTL ({{ttl}}) runs out; restores can still use them.', { ttl }),
    t('The backup validation policy reports that no BackupSchedule exists until a new one is created.'),
    t('Afterwards another hub may start backing up to this storage location; create its schedule only once this one is gone, so that two hubs never write there at once.'),
  ];
  return (
    <TypedConfirmModal
      isOpen={isOpen}
      title={t('Delete BackupSchedule {{name}}?', { name })}
      consequences={consequences}
      confirmText={name}
      confirmLabel={t('Delete')}
      onConfirm={async () => {
        await k8sDelete({ model: BackupScheduleModel, resource: schedule });
        onDeleted();
      }}
      onClose={onClose}
      errorContext={{ verb: 'delete', model: BackupScheduleModel, name, namespace: schedule.metadata?.namespace }}
    />
  );
};
