import { useState } from 'react';
import {
  Checkbox,
  ExpandableSection,
  Form,
  FormGroup,
  FormHelperText,
  HelperText,
  HelperTextItem,
  TextInput,
} from '@patternfly/react-core';
import { YamlPreview } from '../../components/YamlPreview';
import { useFormatters } from '../../components/format';
import { usePluginTranslation } from '../../i18n';
import { describeCron } from '../../insight/cron';
import { VELERO_DEFAULT_TTL } from '../../k8s/names';
import { buildBackupSchedule, type BackupScheduleFormErrors, type BackupScheduleFormInput } from '../../operand/backupSchedule';
import './promotion.css';

/** The cron in words, in the UI language, with the zone it runs in. */
const CronText = ({ expr }: { expr: string }) => {
  const { t, tm } = usePluginTranslation();
  const { locale } = useFormatters();
  const d = describeCron(expr, locale.toLowerCase().startsWith('ja') ? 'ja' : 'en');
  if (!d) return null;
  const text = d.kind === 'text' ? d.text : tm(d.message);
  return (
    <span data-testid="cron-text">
      {text}{' '}
      {d.timeZone ? t('(times in {{zone}})', { zone: d.timeZone }) : t('(times in UTC, the time zone of the Velero pod, unless it sets another)')}
    </span>
  );
};

type Props = {
  form: BackupScheduleFormInput;
  errors: BackupScheduleFormErrors;
  onChange: (form: BackupScheduleFormInput) => void;
  /** Where the values came from (already translated). */
  note?: string;
};

/**
 * The few choices of the new primary's BackupSchedule, pre-filled from the old primary's backups.
 * Everything else keeps the operator's defaults; the schedules page edits the rest later.
 */
export const ScheduleFields = ({ form, errors, onChange, note }: Props) => {
  const { t, tm } = usePluginTranslation();
  const [showYaml, setShowYaml] = useState(false);
  const set = (patch: Partial<BackupScheduleFormInput>) => onChange({ ...form, ...patch });
  return (
    <Form onSubmit={(e) => e.preventDefault()} className="bc-promotion-schedule" data-testid="schedule-fields">
      {note && <p data-testid="schedule-note">{note}</p>}
      <FormGroup label={t('BackupSchedule name')} fieldId="promotion-schedule-name">
        <TextInput id="promotion-schedule-name" value={form.name} readOnlyVariant="default" aria-describedby="promotion-schedule-name-help" />
        <FormHelperText>
          <HelperText id="promotion-schedule-name-help">
            <HelperTextItem>{t('The old primary hub\'s name for its schedule, so the backups keep the same schedule label.')}</HelperTextItem>
          </HelperText>
        </FormHelperText>
      </FormGroup>
      <FormGroup label={t('Backup schedule (cron)')} fieldId="promotion-schedule-cron" isRequired>
        <TextInput
          id="promotion-schedule-cron"
          value={form.veleroSchedule}
          onChange={(_e, v) => set({ veleroSchedule: v })}
          validated={errors.veleroSchedule ? 'error' : 'default'}
          aria-describedby="promotion-schedule-cron-help"
          autoComplete="off"
        />
        <FormHelperText>
          <HelperText id="promotion-schedule-cron-help">
            {errors.veleroSchedule ? (
              <HelperTextItem variant="error" data-testid="cron-error">
                {tm(errors.veleroSchedule)}
              </HelperTextItem>
            ) : (
              <HelperTextItem>
                <CronText expr={form.veleroSchedule} />
              </HelperTextItem>
            )}
          </HelperText>
        </FormHelperText>
      </FormGroup>
      <FormGroup label={t('Keep each backup for')} fieldId="promotion-schedule-ttl">
        <TextInput
          id="promotion-schedule-ttl"
          value={form.veleroTtl ?? ''}
          onChange={(_e, v) => set({ veleroTtl: v })}
          validated={errors.veleroTtl ? 'error' : 'default'}
          aria-describedby="promotion-schedule-ttl-help"
          autoComplete="off"
        />
        <FormHelperText>
          <HelperText id="promotion-schedule-ttl-help">
            {errors.veleroTtl ? (
              <HelperTextItem variant="error" data-testid="ttl-error">
                {tm(errors.veleroTtl)}
              </HelperTextItem>
            ) : (
              <HelperTextItem>
                {t('A duration such as 120h or 72h30m. Empty: Velero keeps backups {{ttl}}.', { ttl: VELERO_DEFAULT_TTL })}
              </HelperTextItem>
            )}
          </HelperText>
        </FormHelperText>
      </FormGroup>
      <FormGroup fieldId="promotion-schedule-msa">
        <Checkbox
          id="promotion-schedule-msa"
          label={t('Create auto-import tokens (useManagedServiceAccount)')}
          description={t(
            'Imported clusters then reconnect by themselves to whichever hub restores these backups next. Needs the managedserviceaccount component of the multicluster engine.',
          )}
          isChecked={form.useManagedServiceAccount === true}
          onChange={(_e, checked) => set({ useManagedServiceAccount: checked })}
        />
      </FormGroup>
      <ExpandableSection
        toggleText={showYaml ? t('Hide the BackupSchedule to create') : t('Show the BackupSchedule to create')}
        isExpanded={showYaml}
        onToggle={(_e, open) => setShowYaml(open)}
      >
        <p>{t('The promotion adds the annotations that record who asked for it, when and why.')}</p>
        <YamlPreview object={buildBackupSchedule(form)} id="promotion-schedule-yaml" />
      </ExpandableSection>
    </Form>
  );
};
