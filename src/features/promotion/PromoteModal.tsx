import { useState } from 'react';
import { Alert, ExpandableSection, FormGroup, FormHelperText, HelperText, HelperTextItem, List, ListItem, TextArea } from '@patternfly/react-core';
import { CommandBlock } from '../../components/CommandBlock';
import { TypedConfirmModal } from '../../components/TypedConfirmModal';
import { usePluginTranslation } from '../../i18n';
import type { PreflightCheck, PromotionPlan } from '../../insight/promotion';
import { RestoreModel } from '../../k8s/models';
import { BACKUP_NAMESPACE, VELERO_DEFAULT_TTL } from '../../k8s/names';
import type { BackupScheduleFormInput } from '../../operand/backupSchedule';
import { activate } from './actions';
import { activationCommand, type Audit } from './manifests';
import { useCurrentUser, whoAmI } from '../../k8s/currentUser';

type Props = {
  isOpen: boolean;
  onClose: () => void;
  onStarted: () => void;
  plan: PromotionPlan;
  schedule: BackupScheduleFormInput;
  /** Warnings that did not pass: the admin confirms knowing them. */
  warnings: PreflightCheck[];
  thisHubId?: string;
  localClusterName: string;
};

/**
 * What the promotion will do, in order, on this hub, confirmed by typing this hub's cluster id:
 * every hub calls its own cluster `local-cluster`, so only the id tells this hub from the old
 * primary — and it is the id the backups and collision messages name.
 */
export const PromoteModal = ({ isOpen, onClose, onStarted, plan, schedule, warnings, thisHubId, localClusterName }: Props) => {
  const { t, tm } = usePluginTranslation();
  const [reason, setReason] = useState('');
  const user = useCurrentUser(isOpen);
  const activation = plan.activation;
  if (activation.kind !== 'patchSync' && activation.kind !== 'create') return null;

  const confirmText = thisHubId ?? localClusterName;
  const ttl = schedule.veleroTtl?.trim() || VELERO_DEFAULT_TTL;
  const scheduleStep = schedule.useManagedServiceAccount
    ? t(
        'Create BackupSchedule {{name}} ({{cron}}, backups kept {{ttl}}, auto-import tokens on) to the same storage location, as soon as the restore has finished.',
        { name: schedule.name, cron: schedule.veleroSchedule, ttl },
      )
    : t('Create BackupSchedule {{name}} ({{cron}}, backups kept {{ttl}}) to the same storage location, as soon as the restore has finished.', {
        name: schedule.name,
        cron: schedule.veleroSchedule,
        ttl,
      });
  const consequences = plan.steps.map((step) => (step.id === 'schedule' ? scheduleStep : tm(step.description)));
  const previewAudit: Audit = { user: user ?? '…', time: new Date().toISOString(), reason };

  const confirm = async () => {
    const audit: Audit = { user: user ?? (await whoAmI()), time: new Date().toISOString(), ...(reason.trim() ? { reason: reason.trim() } : {}) };
    await activate(activation, audit, schedule, new Date());
    onStarted();
  };

  return (
    <TypedConfirmModal
      isOpen={isOpen}
      onClose={onClose}
      title={t('Promote this hub to primary')}
      variant="warning"
      ordered
      intro={
        <p data-testid="promote-hub">
          {thisHubId
            ? t('On this hub — {{name}}, cluster id {{id}} — in namespace {{namespaceName}}, in this order:', {
                name: localClusterName,
                id: thisHubId,
                namespaceName: BACKUP_NAMESPACE,
              })
            : t('On this hub — {{name}}, cluster id unknown — in namespace {{namespaceName}}, in this order:', {
                name: localClusterName,
                namespaceName: BACKUP_NAMESPACE,
              })}
        </p>
      }
      consequences={consequences}
      confirmText={confirmText}
      confirmLabel={t('Promote')}
      onConfirm={confirm}
      errorContext={{ verb: activation.kind === 'patchSync' ? 'patch' : 'create', model: RestoreModel, name: activation.restoreName, namespace: BACKUP_NAMESPACE }}
    >
      {warnings.length > 0 && (
        <Alert variant="warning" isInline title={t('You are promoting despite these warnings')} className="pf-v6-u-mb-md" data-testid="promote-warnings">
          <List>
            {warnings.map((w) => (
              <ListItem key={w.id}>
                <strong>{tm(w.title)}:</strong> {tm(w.detail)}
              </ListItem>
            ))}
          </List>
        </Alert>
      )}
      <p>
        {thisHubId
          ? t('Type this hub\'s cluster id below. Every hub names its own cluster {{name}}, so the name does not tell this hub from the old primary; the id does, and the backups name it.', {
              name: localClusterName,
            })
          : t('This hub\'s cluster id cannot be read, so type its local cluster name below. Make sure you are on the hub you mean to promote.')}
      </p>
      <FormGroup label={t('Reason (optional)')} fieldId="promotion-reason">
        <TextArea
          id="promotion-reason"
          value={reason}
          onChange={(_e, v) => setReason(v)}
          resizeOrientation="vertical"
          aria-describedby="promotion-reason-help"
        />
        <FormHelperText>
          <HelperText id="promotion-reason-help">
            <HelperTextItem data-testid="promote-recorded-as">
              {user === undefined
                ? t('Recorded on the restore and the schedule with your user name and the time.')
                : t('Recorded on the restore and the schedule, with your user name ({{user}}) and the time.', { user })}
            </HelperTextItem>
          </HelperText>
        </FormHelperText>
      </FormGroup>
      <ExpandableSection toggleText={t('Show the equivalent oc command for step 1')} className="pf-v6-u-mb-md">
        <CommandBlock command={activationCommand(activation, previewAudit, schedule, new Date())} id="promote-command" label={t('Copy the command for step 1')} />
      </ExpandableSection>
    </TypedConfirmModal>
  );
};
