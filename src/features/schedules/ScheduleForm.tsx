import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { k8sCreate, k8sPatch } from '@openshift-console/dynamic-plugin-sdk';
import {
  ActionGroup,
  Alert,
  AlertActionLink,
  Button,
  Checkbox,
  Content,
  ExpandableSection,
  Form,
  FormGroup,
  FormHelperText,
  FormSection,
  Grid,
  GridItem,
  HelperText,
  HelperTextItem,
  List,
  ListItem,
  TextInput,
  Title,
  ToggleGroup,
  ToggleGroupItem,
} from '@patternfly/react-core';
import { BackupScheduleModel } from '../../k8s/models';
import { BACKUP_NAMESPACE, DEFAULT_SCHEDULE_NAME, VELERO_DEFAULT_TTL } from '../../k8s/names';
import type { BackupSchedule, Restore } from '../../k8s/types';
import { useCanI } from '../../k8s/access';
import {
  buildBackupSchedule,
  formFromBackupSchedule,
  updateScheduleOps,
  validateBackupScheduleForm,
  type BackupScheduleFormInput,
} from '../../operand/backupSchedule';
import { durationToMs } from '../../operand/duration';
import { canCreateSchedule } from '../../insight/schedule';
import { formatGoDuration } from '../../insight/format';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { GuardedButton } from '../../components/GuardedButton';
import { YamlPreview } from '../../components/YamlPreview';
import { useFormatters } from '../../components/format';
import { usePluginTranslation } from '../../i18n';
import { CronSummary } from './CronSummary';
import { checkboxValue, droppedSpecFields, isStaleEditError, rebaseInput, specChanges, splitList } from './formLogic';
import { useNow } from '../../components/useNow';

/** The presets the issue asks for; the first is the operator's own sample. */
const CRON_PRESETS = [
  { id: 'hourly', cron: '0 */1 * * *' },
  { id: 'two-hours', cron: '0 */2 * * *' },
  { id: 'daily', cron: '0 0 * * *' },
] as const;

/** The operator's sample (`cluster_v1beta1_backupschedule.yaml`): hourly, kept five days. */
const NEW_SCHEDULE: BackupScheduleFormInput = {
  name: DEFAULT_SCHEDULE_NAME,
  namespace: BACKUP_NAMESPACE,
  veleroSchedule: CRON_PRESETS[0].cron,
  veleroTtl: '120h',
};

export type ScheduleFormResult = { name: string; droppedFields: string[] };

type ScheduleFormProps = {
  mode: 'create' | 'edit';
  /** The live object when editing. */
  existing?: BackupSchedule;
  schedules: readonly BackupSchedule[];
  restores: readonly Restore[];
  onDone: (result: ScheduleFormResult) => void;
  onCancel: () => void;
};

type Field = keyof BackupScheduleFormInput;

export const ScheduleForm = ({ mode, existing, schedules, restores, onDone, onCancel }: ScheduleFormProps) => {
  const { t, tm } = usePluginTranslation();
  const { duration } = useFormatters();
  const now = useNow(60_000);
  const isEdit = mode === 'edit';

  // The version the edit started from: the patch tests its resourceVersion, so a change made
  // meanwhile by someone else fails instead of being overwritten.
  const [base, setBase] = useState<BackupSchedule | undefined>(existing);
  const baseInput = useMemo(() => (base ? formFromBackupSchedule(base) : NEW_SCHEDULE), [base]);
  const [input, setInput] = useState<BackupScheduleFormInput>(baseInput);
  const [vslText, setVslText] = useState((baseInput.volumeSnapshotLocations ?? []).join(', '));
  const [touched, setTouched] = useState<Partial<Record<Field, boolean>>>({});
  const [attempted, setAttempted] = useState(false);
  const [pending, setPending] = useState(false);
  const pendingRef = useRef(false);
  const [error, setError] = useState<unknown>();
  const [advancedOpen, setAdvancedOpen] = useState(
    Boolean(
      baseInput.paused ||
        baseInput.noBackupOnStart ||
        baseInput.skipImmediately ||
        baseInput.useOwnerReferencesInBackup ||
        baseInput.volumeSnapshotLocations?.length,
    ),
  );

  const namespace = input.namespace ?? BACKUP_NAMESPACE;
  const name = isEdit ? (base?.metadata?.name ?? '') : input.name;
  const createAccess = useCanI('create', BackupScheduleModel, namespace);
  const patchAccess = useCanI('patch', BackupScheduleModel, namespace, isEdit ? name : undefined);
  const access = isEdit ? patchAccess : createAccess;

  const errors = validateBackupScheduleForm(input);
  const shownError = (field: Field) => (touched[field] || attempted ? errors[field] : undefined);
  const hasErrors = Object.keys(errors).length > 0;

  const refusal = isEdit ? undefined : canCreateSchedule({ schedules, restores, namespace, paused: input.paused });
  const refused = refusal && !refusal.allowed ? refusal : undefined;

  const manifest = useMemo(() => buildBackupSchedule(input), [input]);
  const patchOps = useMemo(() => (isEdit && base ? updateScheduleOps(base, input) : []), [isEdit, base, input]);
  const changes = useMemo(
    () => (isEdit && base ? specChanges((base.spec ?? {}) as Record<string, unknown>, manifest.spec as Record<string, unknown>) : []),
    [isEdit, base, manifest],
  );
  // The operator rewrites the status after every backup; that changes the resourceVersion but not
  // the generation (status is a subresource). Only a spec change by someone else is a conflict: a
  // status change just moves the base forward, so the patch's test does not fail for nothing.
  const sameSpecNewerVersion =
    isEdit &&
    existing !== undefined &&
    base !== undefined &&
    base.metadata?.generation !== undefined &&
    existing.metadata?.generation === base.metadata.generation &&
    existing.metadata?.resourceVersion !== base.metadata?.resourceVersion;
  useEffect(() => {
    if (sameSpecNewerVersion && !pendingRef.current) setBase(existing);
  }, [sameSpecNewerVersion, existing]);
  const changedMeanwhile =
    isEdit &&
    existing !== undefined &&
    base !== undefined &&
    (base.metadata?.generation !== undefined
      ? existing.metadata?.generation !== base.metadata.generation
      : existing.metadata?.resourceVersion !== base.metadata?.resourceVersion);

  const set = <K extends Field>(field: K, value: BackupScheduleFormInput[K]) => {
    setInput((prev) => {
      const next = { ...prev };
      if (value === undefined) delete next[field];
      else next[field] = value;
      return next;
    });
    setTouched((prev) => ({ ...prev, [field]: true }));
  };

  const rebase = () => {
    if (!existing) return;
    const merged = rebaseInput(baseInput, formFromBackupSchedule(existing), input);
    setBase(existing);
    setInput(merged);
    setVslText((merged.volumeSnapshotLocations ?? []).join(', '));
    setError(undefined);
  };

  const disabledReason = (() => {
    if (access.loading) return t('Checking your permissions…');
    if (!access.allowed) {
      return isEdit
        ? t('You do not have permission to change BackupSchedules in namespace {{namespaceName}}.', { namespaceName: namespace })
        : t('You do not have permission to create BackupSchedules in namespace {{namespaceName}}.', { namespaceName: namespace });
    }
    if (refused) return tm(refused.reason);
    if (isEdit && existing?.status?.phase === 'BackupCollision') {
      return t('The operator ignores a schedule in backup collision: delete it and create a new one on the primary hub.');
    }
    if (attempted && hasErrors) return t('Fix the fields marked in red first.');
    if (isEdit && changes.length === 0) return t('Nothing has changed yet.');
    return undefined;
  })();

  const submit = async () => {
    setAttempted(true);
    // The same reasons that disable the button also stop Enter in a field from submitting.
    if (pendingRef.current || hasErrors || disabledReason || (isEdit && !base)) return;
    pendingRef.current = true;
    setPending(true);
    setError(undefined);
    try {
      let result: unknown;
      if (isEdit && base) {
        result = await k8sPatch({ model: BackupScheduleModel, resource: base, data: patchOps });
      } else {
        result = await k8sCreate({ model: BackupScheduleModel, data: manifest });
      }
      pendingRef.current = false;
      onDone({ name: manifest.metadata?.name ?? name, droppedFields: droppedSpecFields(manifest.spec, result) });
    } catch (e) {
      pendingRef.current = false;
      setPending(false);
      setError(e);
    }
  };

  const ttlMs = input.veleroTtl?.trim() ? durationToMs(input.veleroTtl) : durationToMs(VELERO_DEFAULT_TTL);
  const msaDefault = ttlMs !== undefined && ttlMs > 0 ? formatGoDuration(2 * ttlMs) : undefined;
  const msaTurnedOff = isEdit && baseInput.useManagedServiceAccount === true && input.useManagedServiceAccount !== true;

  const helper = (field: Field, normal: ReactNode) => {
    const e = shownError(field);
    return (
      <FormHelperText>
        <HelperText>
          {e ? (
            <HelperTextItem variant="error" data-testid={`${field}-error`}>
              {tm(e)}
            </HelperTextItem>
          ) : (
            <HelperTextItem>{normal}</HelperTextItem>
          )}
        </HelperText>
      </FormHelperText>
    );
  };

  return (
    <Grid hasGutter>
      <GridItem lg={7}>
        <Form
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
          data-testid="schedule-form"
        >
          {refused && (
            <Alert variant="danger" isInline title={t('A new schedule cannot be created now')} data-testid="create-refused">
              <p>{tm(refused.reason)}</p>
              <p>{tm(refused.remedy)}</p>
            </Alert>
          )}
          {!access.loading && !access.allowed && (
            <Alert variant="info" isInline title={disabledReason ?? ''} data-testid="no-permission">
              {t('You can still fill in the form and copy the YAML for an administrator.')}
            </Alert>
          )}
          {changedMeanwhile && (
            <Alert
              variant="warning"
              isInline
              title={t('Someone changed this schedule while you were editing it')}
              actionLinks={<AlertActionLink onClick={rebase}>{t('Load their changes')}</AlertActionLink>}
              data-testid="changed-meanwhile"
            >
              {t('Saving now would fail. Loading their changes keeps every field you edited and takes the rest from the current version.')}
            </Alert>
          )}

          <FormGroup label={t('Name')} fieldId="schedule-name" isRequired={!isEdit}>
            <TextInput
              id="schedule-name"
              value={isEdit ? name : input.name}
              isDisabled={isEdit}
              validated={shownError('name') ? 'error' : 'default'}
              onChange={(_e, v) => set('name', v)}
            />
            {helper(
              'name',
              isEdit
                ? t('The name cannot be changed. Namespace: {{namespaceName}}.', { namespaceName: namespace })
                : t('Created in namespace {{namespaceName}}, where the backup operator runs. The Velero schedules are labelled with this name.', {
                    namespaceName: namespace,
                  }),
            )}
          </FormGroup>

          <FormGroup label={t('Backup schedule (cron)')} fieldId="schedule-cron" isRequired>
            <ToggleGroup aria-label={t('Schedule presets')} className="pf-v6-u-mb-sm">
              {CRON_PRESETS.map((p) => (
                <ToggleGroupItem
                  key={p.id}
                  buttonId={`preset-${p.id}`}
                  text={p.id === 'hourly' ? t('Every hour') : p.id === 'two-hours' ? t('Every 2 hours') : t('Daily')}
                  isSelected={input.veleroSchedule.trim() === p.cron}
                  onChange={() => set('veleroSchedule', p.cron)}
                />
              ))}
            </ToggleGroup>
            <TextInput
              id="schedule-cron"
              value={input.veleroSchedule}
              validated={errors.veleroSchedule && (touched.veleroSchedule || attempted) ? 'error' : 'default'}
              onChange={(_e, v) => set('veleroSchedule', v)}
              aria-describedby="schedule-cron-help"
            />
            {/* The cron is checked as it is typed: the operator would otherwise fail it later (§1). */}
            <div id="schedule-cron-help">
              {errors.veleroSchedule ? (
                helper('veleroSchedule', t('Five fields: minute, hour, day of month, month, day of week.'))
              ) : (
                <CronSummary expr={input.veleroSchedule} paused={input.paused} now={now} />
              )}
            </div>
          </FormGroup>

          <FormGroup label={t('Keep each backup for (TTL)')} fieldId="schedule-ttl">
            <TextInput
              id="schedule-ttl"
              value={input.veleroTtl ?? ''}
              placeholder={VELERO_DEFAULT_TTL}
              validated={shownError('veleroTtl') ? 'error' : 'default'}
              onChange={(_e, v) => set('veleroTtl', v === '' ? undefined : v)}
            />
            {helper(
              'veleroTtl',
              <>
                {input.veleroTtl?.trim() && ttlMs !== undefined
                  ? t('Velero deletes each backup {{duration}} after it was made.', { duration: duration(ttlMs) })
                  : t('Empty: Velero keeps each backup for its default of 720h (30 days).')}{' '}
                {t('Written as a duration such as 120h or 72h30m.')}
                {isEdit && ` ${t('A change applies to new backups; existing ones keep their expiry.')}`}
              </>,
            )}
          </FormGroup>

          <FormSection title={t('Automatic reconnection of imported clusters')} titleElement="h3">
            <Checkbox
              id="schedule-msa"
              label={t('Use managed service accounts')}
              description={t(
                'Creates a token for each imported cluster and keeps it in the backups, so that those clusters reconnect to a restore hub by themselves. Needs the managedserviceaccount component of the multicluster engine.',
              )}
              isChecked={input.useManagedServiceAccount === true}
              onChange={(_e, checked) => set('useManagedServiceAccount', checkboxValue(checked, baseInput.useManagedServiceAccount))}
            />
            {input.useManagedServiceAccount === true && (
              <FormGroup label={t('Token validity (TTL)')} fieldId="schedule-msa-ttl">
                <TextInput
                  id="schedule-msa-ttl"
                  value={input.managedServiceAccountTTL ?? ''}
                  placeholder={msaDefault}
                  validated={shownError('managedServiceAccountTTL') ? 'error' : 'default'}
                  onChange={(_e, v) => set('managedServiceAccountTTL', v === '' ? undefined : v)}
                />
                {helper(
                  'managedServiceAccountTTL',
                  msaDefault
                    ? t('Empty: twice the backup TTL ({{ttl}}), so every kept backup holds a token that still works.', { ttl: msaDefault })
                    : t('Empty: twice the backup TTL, so every kept backup holds a token that still works.'),
                )}
              </FormGroup>
            )}
            {(input.useManagedServiceAccount === true || msaTurnedOff) && (
              <Alert
                variant={msaTurnedOff ? 'danger' : 'warning'}
                isInline
                isPlain={!msaTurnedOff}
                title={msaTurnedOff ? t('Turning this off deletes the tokens') : t('Before changing these settings later')}
                data-testid="msa-warning"
              >
                <List>
                  <ListItem>
                    {t(
                      'Turning managed service accounts off deletes, for every imported cluster, its accounts, their token Secrets and the ManifestWorks that granted them access. Backups taken afterwards cannot reconnect those clusters automatically.',
                    )}
                  </ListItem>
                  <ListItem>
                    {t(
                      'A token only works until it expires. Keep the token validity longer than the backup TTL, or a restored backup may hold expired tokens and its clusters must be imported again by hand.',
                    )}
                  </ListItem>
                  <ListItem>
                    {t('Tokens are created only for clusters that are reachable; a backup taken before a cluster got its token cannot reconnect it.')}
                  </ListItem>
                </List>
              </Alert>
            )}
          </FormSection>

          <ExpandableSection
            toggleText={t('Advanced options')}
            isExpanded={advancedOpen}
            onToggle={(_e, open) => setAdvancedOpen(open)}
            data-testid="advanced-options"
          >
            <Checkbox
              id="schedule-paused"
              label={t('Paused')}
              description={t('No backups run until the schedule is resumed. ACM 2.12 and later.')}
              isChecked={input.paused === true}
              onChange={(_e, checked) => set('paused', checkboxValue(checked, baseInput.paused))}
            />
            <Checkbox
              id="schedule-no-backup-on-start"
              label={t('No backup on start')}
              description={t('Skip the backup the operator takes right away when the schedule is created; the first backup runs at the next scheduled time.')}
              isChecked={input.noBackupOnStart === true}
              onChange={(_e, checked) => set('noBackupOnStart', checkboxValue(checked, baseInput.noBackupOnStart))}
              body={
                input.noBackupOnStart === true && (
                  <Alert variant="warning" isInline isPlain title={t('Until the first scheduled backup')} data-testid="no-backup-on-start-warning">
                    {t(
                      'The backup validation policy reports a violation, and if another hub wrote newer backups to this storage location the operator may stop this schedule with a backup collision.',
                    )}
                  </Alert>
                )
              }
            />
            <Checkbox
              id="schedule-skip-immediately"
              label={t('Skip immediately due backup')}
              description={t(
                'When the schedule starts or is resumed, skip the backup that would run at once and wait for the next scheduled time. ACM 2.13 and later.',
              )}
              isChecked={input.skipImmediately === true}
              onChange={(_e, checked) => set('skipImmediately', checkboxValue(checked, baseInput.skipImmediately))}
            />
            <Checkbox
              id="schedule-owner-references"
              label={t('Delete backups with their schedule')}
              description={t('Velero makes each Velero schedule the owner of its backups (useOwnerReferencesInBackup). ACM 2.13 and later.')}
              isChecked={input.useOwnerReferencesInBackup === true}
              onChange={(_e, checked) => set('useOwnerReferencesInBackup', checkboxValue(checked, baseInput.useOwnerReferencesInBackup))}
              body={
                input.useOwnerReferencesInBackup === true && (
                  <Alert variant="warning" isInline isPlain title={t('Backups are then deleted with the schedule')} data-testid="owner-references-warning">
                    {t(
                      'Deleting this BackupSchedule, or recreating it after a collision, deletes the Velero schedules and with them every backup they made: all restore points are lost. On ACM 2.12 to 2.14 pausing deletes the Velero schedules too.',
                    )}
                  </Alert>
                )
              }
            />
            <FormGroup label={t('Volume snapshot locations')} fieldId="schedule-vsl">
              <TextInput
                id="schedule-vsl"
                value={vslText}
                validated={shownError('volumeSnapshotLocations') ? 'error' : 'default'}
                onChange={(_e, v) => {
                  setVslText(v);
                  const list = splitList(v);
                  set('volumeSnapshotLocations', list.length > 0 || baseInput.volumeSnapshotLocations ? list : undefined);
                }}
              />
              {helper(
                'volumeSnapshotLocations',
                t('Names of Velero VolumeSnapshotLocations for volume snapshots, separated by commas. Empty: Velero\'s default.'),
              )}
            </FormGroup>
          </ExpandableSection>

          {error !== undefined &&
            (isStaleEditError(error) ? (
              <Alert
                variant="danger"
                isInline
                title={t('The schedule changed while you were editing it')}
                actionLinks={<AlertActionLink onClick={rebase}>{t('Load their changes')}</AlertActionLink>}
                data-testid="stale-edit"
              >
                {t('Nothing was saved. Load their changes: every field you edited keeps your value, then save again.')}
              </Alert>
            ) : (
              <ApiErrorAlert
                error={error}
                context={{ verb: isEdit ? 'patch' : 'create', model: BackupScheduleModel, name: manifest.metadata?.name, namespace }}
              />
            ))}

          <ActionGroup>
            <GuardedButton variant="primary" type="submit" isLoading={pending} disabledReason={pending ? t('Saving…') : disabledReason} data-testid="submit">
              {isEdit ? t('Save') : t('Create')}
            </GuardedButton>
            <Button variant="link" onClick={onCancel} isDisabled={pending}>
              {t('Cancel')}
            </Button>
          </ActionGroup>
        </Form>
      </GridItem>
      <GridItem lg={5}>
        <Title headingLevel="h3" className="pf-v6-u-mb-sm">
          {isEdit ? t('What will be sent: a JSON patch') : t('What will be sent')}
        </Title>
        {isEdit && (
          <Content component="p" data-testid="changes">
            {changes.length === 0
              ? t('No changes yet.')
              : t('Changes: {{fields}}. The first operation makes the patch fail if someone else changed the schedule meanwhile.', {
                  fields: changes.map((c) => c.field).join(', '),
                })}
          </Content>
        )}
        <YamlPreview object={isEdit ? patchOps : manifest} id="schedule-yaml" />
      </GridItem>
    </Grid>
  );
};
