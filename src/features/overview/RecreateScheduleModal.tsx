import { useRef, useState } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  Form,
  FormGroup,
  FormHelperText,
  HelperText,
  HelperTextItem,
  List,
  ListComponent,
  ListItem,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
  OrderType,
  TextInput,
} from '@patternfly/react-core';
import { k8sCreate, k8sDelete } from '@openshift-console/dynamic-plugin-sdk';
import { BackupScheduleModel } from '../../k8s/models';
import { describeApiError } from '../../k8s/errors';
import type { BackupSchedule } from '../../k8s/types';
import { buildBackupSchedule, formFromBackupSchedule } from '../../operand/backupSchedule';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { YamlPreview } from '../../components/YamlPreview';
import { usePluginTranslation } from '../../i18n';

type Step =
  | { step: 'confirm' }
  | { step: 'deleting' }
  | { step: 'creating' }
  | { step: 'done' }
  | { step: 'deleteFailed'; error: unknown }
  | { step: 'createFailed'; error: unknown };

/** While the old object is still terminating the name is taken: wait for it rather than fail. */
const NAME_TAKEN_RETRIES = 10;
const NAME_TAKEN_DELAY_MS = 1000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const createSchedule = async (manifest: BackupSchedule) => {
  for (let attempt = 0; ; attempt++) {
    try {
      return await k8sCreate({ model: BackupScheduleModel, data: manifest });
    } catch (e) {
      if (describeApiError(e).kind !== 'alreadyExists' || attempt >= NAME_TAKEN_RETRIES) throw e;
      await sleep(NAME_TAKEN_DELAY_MS);
    }
  }
};

type RecreateScheduleModalProps = {
  /** The collided schedule, captured when the dialog opened: it disappears from the watch once deleted. */
  schedule: BackupSchedule;
  thisHubId?: string;
  otherHubIds: string[];
  onClose: () => void;
};

/**
 * Delete this hub's BackupSchedule and create it again with the same spec: the only way out of
 * BackupCollision (§1). Two requests, so the dialog says exactly which one failed; after a failed
 * create the old schedule is already gone, which the admin must know, and the create can be retried.
 */
export const RecreateScheduleModal = ({ schedule, thisHubId, otherHubIds, onClose }: RecreateScheduleModalProps) => {
  const { t } = usePluginTranslation();
  const name = schedule.metadata?.name ?? '';
  const namespace = schedule.metadata?.namespace ?? '';
  const manifest = useRef(buildBackupSchedule(formFromBackupSchedule(schedule))).current;
  const [confirmed, setConfirmed] = useState(false);
  const [typed, setTyped] = useState('');
  const [state, setState] = useState<Step>({ step: 'confirm' });
  const running = state.step === 'deleting' || state.step === 'creating';
  // State updates land after the click handler returns: a ref stops a double click sending twice.
  const inFlight = useRef(false);
  const others = otherHubIds.length ? otherHubIds.join(', ') : t('the other hub');
  const thisHub = thisHubId ?? t('unknown id');

  const createStep = async () => {
    setState({ step: 'creating' });
    try {
      await createSchedule(manifest);
      setState({ step: 'done' });
    } catch (e) {
      setState({ step: 'createFailed', error: e });
    }
  };

  const retryCreate = async () => {
    if (inFlight.current) return;
    inFlight.current = true;
    try {
      await createStep();
    } finally {
      inFlight.current = false;
    }
  };

  const run = async () => {
    if (inFlight.current || !confirmed || typed.trim() !== name) return;
    inFlight.current = true;
    try {
      setState({ step: 'deleting' });
      try {
        await k8sDelete({ model: BackupScheduleModel, resource: schedule });
      } catch (e) {
        // Someone else deleted it meanwhile: the end state is the same, go on.
        if (describeApiError(e, { name }).kind !== 'notFound') {
          setState({ step: 'deleteFailed', error: e });
          return;
        }
      }
      await createStep();
    } finally {
      inFlight.current = false;
    }
  };

  const canRun = confirmed && typed.trim() === name && !running;
  const close = running ? undefined : onClose;

  return (
    <Modal variant="medium" isOpen onClose={close} aria-labelledby="recreate-schedule-title" data-testid="recreate-modal">
      <ModalHeader title={t('Recreate BackupSchedule {{name}}', { name })} labelId="recreate-schedule-title" titleIconVariant="warning" />
      <ModalBody>
        {(state.step === 'confirm' || running || state.step === 'deleteFailed') && (
          <>
            <p>{t('This will, on this hub ({{id}}):', { id: thisHub })}</p>
            <List component={ListComponent.ol} type={OrderType.number} data-testid="consequences">
              <ListItem>
                {t('Delete BackupSchedule {{name}} in {{scheduleNamespace}}. The operator removes its Velero schedules; backups already in storage stay.', {
                  name,
                  scheduleNamespace: namespace,
                })}
              </ListItem>
              <ListItem>
                {t('Create BackupSchedule {{name}} again with the same settings (below). The operator starts it and, unless the settings say otherwise, writes a first backup from this hub at once.', {
                  name,
                })}
              </ListItem>
              <ListItem>
                {t('From then on this hub\'s backups are the newest in storage. If hub {{others}} still has a BackupSchedule, its operator stops it with BackupCollision; passive hubs restore this hub\'s data.', {
                  others,
                })}
              </ListItem>
            </List>
            <p className="pf-v6-u-mt-md">{t('The BackupSchedule that will be created:')}</p>
            <YamlPreview object={manifest} id="recreate-schedule-manifest" />
            <Form
              className="pf-v6-u-mt-md"
              onSubmit={(e) => {
                e.preventDefault();
                void run();
              }}
            >
              <Checkbox
                id="recreate-confirm-primary"
                isChecked={confirmed}
                onChange={(_e, v) => setConfirmed(v)}
                isDisabled={running}
                label={t('I confirmed that this hub ({{id}}) is the primary hub, and that hub {{others}} no longer writes to this storage location (its BackupSchedule is deleted or paused).', {
                  id: thisHub,
                  others,
                })}
              />
              <FormGroup label={t('Type {{text}} to confirm', { text: name })} fieldId="recreate-typed-name" isRequired>
                <TextInput id="recreate-typed-name" value={typed} onChange={(_e, v) => setTyped(v)} autoComplete="off" isDisabled={running} />
                <FormHelperText>
                  <HelperText>
                    <HelperTextItem>{t('The action stays disabled until the box is ticked and the name matches exactly.')}</HelperTextItem>
                  </HelperText>
                </FormHelperText>
              </FormGroup>
            </Form>
          </>
        )}
        {state.step === 'deleteFailed' && (
          <div data-testid="recreate-delete-failed">
            <Alert variant="danger" isInline title={t('Nothing was changed: BackupSchedule {{name}} could not be deleted.', { name })} />
            <ApiErrorAlert error={state.error} context={{ verb: 'delete', model: BackupScheduleModel, name, namespace }} />
          </div>
        )}
        {state.step === 'createFailed' && (
          <div data-testid="recreate-create-failed">
            <Alert
              variant="danger"
              isInline
              title={t('BackupSchedule {{name}} was deleted, but creating the new one failed.', { name })}
            >
              {t('This hub has no BackupSchedule now and writes no backups. Retry the creation, or create the schedule below by hand.')}
            </Alert>
            <ApiErrorAlert error={state.error} context={{ verb: 'create', model: BackupScheduleModel, name, namespace }} />
            <YamlPreview object={manifest} id="recreate-schedule-manual" />
          </div>
        )}
        {state.step === 'done' && (
          <Alert variant="success" isInline title={t('BackupSchedule {{name}} was recreated.', { name })} data-testid="recreate-done">
            {t('The operator sets up its Velero schedules within a minute. The collision warning disappears once this hub\'s new backup is the newest in storage.')}
          </Alert>
        )}
      </ModalBody>
      <ModalFooter>
        {(state.step === 'confirm' || running) && (
          <Button variant="danger" onClick={() => void run()} isDisabled={!canRun} isLoading={running} data-testid="recreate-submit">
            {state.step === 'deleting' ? t('Deleting…') : state.step === 'creating' ? t('Creating…') : t('Delete and recreate')}
          </Button>
        )}
        {state.step === 'deleteFailed' && (
          <Button variant="danger" onClick={() => void run()} isDisabled={!canRun} data-testid="recreate-retry-delete">
            {t('Try again')}
          </Button>
        )}
        {state.step === 'createFailed' && (
          <Button variant="primary" onClick={() => void retryCreate()} data-testid="recreate-retry-create">
            {t('Retry creating the schedule')}
          </Button>
        )}
        <Button variant="link" onClick={onClose} isDisabled={running}>
          {state.step === 'done' ? t('Close') : state.step === 'createFailed' ? t('Close without a schedule') : t('Cancel')}
        </Button>
      </ModalFooter>
    </Modal>
  );
};
