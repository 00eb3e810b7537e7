import { useMemo } from 'react';
import {
  Checkbox,
  ExpandableSection,
  Form,
  FormAlert,
  FormGroup,
  FormSelect,
  FormSelectOption,
  FormSelectOptionGroup,
  Alert,
  Radio,
  Stack,
  TextArea,
  TextInput,
  Title,
} from '@patternfly/react-core';
import { useFormatters } from '../../../components/format';
import { usePluginTranslation } from '../../../i18n';
import { ANNOTATIONS, LABELS, LATEST, SKIP } from '../../../k8s/names';
import type { CleanupType, VeleroBackup } from '../../../k8s/types';
import type { RestoreFormInput } from '../../../operand/restore';
import { goodBackups } from '../../../insight/backups';
import { latestBackupOfType, backupTime } from '../../../insight/restoreObjects';
import { useTypeLabels } from '../labels';
import { BACKUP_FIELDS, type BackupField } from '../preflight';
import { FieldIssues, validatedOf, type FormIssue } from './FieldIssues';

/** The advanced filters as the admin typed them. */
export type FilterText = {
  includedNamespaces: string;
  excludedNamespaces: string;
  includedResources: string;
  excludedResources: string;
  labelSelector: string;
  orLabelSelectors: string;
  namespaceMapping: string;
  restoreStatusResources: string;
};

export const EMPTY_FILTERS: FilterText = {
  includedNamespaces: '',
  excludedNamespaces: '',
  includedResources: '',
  excludedResources: '',
  labelSelector: '',
  orLabelSelectors: '',
  namespaceMapping: '',
  restoreStatusResources: '',
};

/** The word to type before CleanupAll is accepted. */
export const CLEANUP_ALL_WORD = 'CleanupAll';

type BackupChoiceProps = {
  field: BackupField;
  type: (typeof BACKUP_FIELDS)[number]['type'];
  value: string;
  onChange: (value: string) => void;
  backups: readonly VeleroBackup[];
  hubId?: string;
  now: Date;
  issues: readonly FormIssue[];
};

/** `latest`, `skip`, or one Completed backup of the type, each named with its age and the hub that wrote it. */
const BackupChoice = ({ field, type, value, onChange, backups, hubId, now, issues }: BackupChoiceProps) => {
  const { t } = usePluginTranslation();
  const { relative } = useFormatters();
  const typeLabels = useTypeLabels();
  const choices = useMemo(
    () =>
      goodBackups(backups)
        .filter((g) => g.type === type && g.phase === 'Completed')
        .reverse(),
    [backups, type],
  );
  const writerWords = (writer?: string) =>
    writer === undefined ? t('writer unknown') : writer === hubId ? t('written by this hub') : t('written by hub {{hub}}', { hub: writer });
  const latest = latestBackupOfType(backups, type);
  const latestTime = latest ? backupTime(latest) : undefined;
  const normalized = value.trim().toLowerCase();
  const isNamed = normalized !== LATEST && normalized !== SKIP;
  const known = choices.some((c) => c.name === normalized);

  const what: Record<typeof type, string> = {
    credentials: t('Secrets and ConfigMaps the hub needs: cluster credentials, cloud provider and Ansible secrets.'),
    resources: t('Hub configuration: policies, applications, placements, cluster pools and other ACM resources. Generic resources labelled for backup come with it.'),
    managedClusters: t('Activation data: ManagedClusters and what connects them. Restoring it moves the managed clusters to this hub.'),
  };
  const latestHelp = latest
    ? t('Latest is now {{name}}, {{age}}, {{writer}}.', {
        name: latest.metadata?.name ?? '',
        age: latestTime ? relative(latestTime, now) : t('time unknown'),
        writer: writerWords(latest.metadata?.labels?.[LABELS.backupCluster]),
      })
    : t('No usable backup of this type is visible on this hub yet.');

  return (
    <FormGroup label={typeLabels[type]} fieldId={`backup-${field}`} isRequired>
      <FormSelect
        id={`backup-${field}`}
        value={normalized}
        onChange={(_e, v) => onChange(v)}
        validated={validatedOf(issues, [field])}
        aria-label={typeLabels[type]}
        data-testid={`backup-${field}`}
      >
        {isNamed && normalized === '' && <FormSelectOption value="" label={t('Choose a backup')} isPlaceholder isDisabled />}
        <FormSelectOption value={LATEST} label={t('latest: the newest usable backup when the restore runs')} />
        <FormSelectOption value={SKIP} label={t('skip: do not restore this type')} />
        {isNamed && normalized !== '' && !known && <FormSelectOption value={normalized} label={t('{{name}} (not on this hub)', { name: normalized })} />}
        <FormSelectOptionGroup label={t('A specific Completed backup')}>
          {choices.length === 0 ? (
            <FormSelectOption value="__none" label={t('No Completed backup of this type')} isDisabled />
          ) : (
            choices.map((c) => (
              <FormSelectOption key={c.name} value={c.name} label={`${c.name} — ${relative(c.time, now)} — ${writerWords(c.writer)}`} />
            ))
          )}
        </FormSelectOptionGroup>
      </FormSelect>
      <FieldIssues issues={issues} fields={[field]} help={`${what[type]} ${normalized === LATEST ? latestHelp : ''}`.trim()} />
    </FormGroup>
  );
};

type CleanupChoiceProps = {
  value: CleanupType;
  onChange: (value: CleanupType) => void;
  typed: string;
  onTyped: (typed: string) => void;
  issues: readonly FormIssue[];
};

const CleanupChoice = ({ value, onChange, typed, onTyped, issues }: CleanupChoiceProps) => {
  const { t } = usePluginTranslation();
  const options: { id: CleanupType; description: string }[] = [
    {
      id: 'None',
      description: t('Nothing is deleted: restored resources are added to this hub or update what is there. Use it when restoring only part of a backup, or onto a hub that already manages other clusters.'),
    },
    {
      id: 'CleanupRestored',
      description: t('After the restore, deletes what an earlier restore brought to this hub and these backups no longer hold, so the hub matches the backups. Resources created directly on this hub are kept.'),
    },
    {
      id: 'CleanupAll',
      description: t('After the restore, deletes every ACM resource on this hub that these backups do not hold, including resources created directly on this hub. Use it only when this hub must match the backups exactly.'),
    },
  ];
  return (
    <FormGroup role="radiogroup" isStack fieldId="restore-cleanup" label={t('Clean up after restoring')} isRequired>
      {options.map((o) => (
        <Radio
          key={o.id}
          id={`restore-cleanup-${o.id}`}
          name="restore-cleanup"
          isChecked={value === o.id}
          onChange={() => onChange(o.id)}
          label={o.id}
          description={o.description}
        />
      ))}
      {value === 'CleanupAll' && (
        <FormGroup label={t('Type {{word}} to confirm the deletion of hub resources missing from the backups', { word: CLEANUP_ALL_WORD })} fieldId="cleanup-all-confirm" isRequired>
          <TextInput
            id="cleanup-all-confirm"
            value={typed}
            onChange={(_e, v) => onTyped(v)}
            autoComplete="off"
            validated={validatedOf(issues, ['cleanupAllConfirmed'])}
          />
          <FieldIssues
            issues={issues}
            fields={['cleanupAllConfirmed']}
            help={t('The confirmation is also written on the restore as the annotation {{annotation}}: current operators refuse CleanupAll without it.', {
              annotation: ANNOTATIONS.cleanupAllConfirmed,
            })}
          />
        </FormGroup>
      )}
      <FieldIssues issues={issues} fields={['cleanupBeforeRestore']} />
    </FormGroup>
  );
};

type FilterFieldProps = {
  id: keyof FilterText;
  label: string;
  help: string;
  value: string;
  onChange: (value: string) => void;
  issues: readonly FormIssue[];
  issueFields: string[];
  multiline?: boolean;
};

const FilterField = ({ id, label, help, value, onChange, issues, issueFields, multiline }: FilterFieldProps) => (
  <FormGroup label={label} fieldId={`filter-${id}`}>
    {multiline ? (
      <TextArea id={`filter-${id}`} value={value} onChange={(_e, v) => onChange(v)} validated={validatedOf(issues, issueFields)} rows={2} resizeOrientation="vertical" />
    ) : (
      <TextInput id={`filter-${id}`} value={value} onChange={(_e, v) => onChange(v)} validated={validatedOf(issues, issueFields)} />
    )}
    <FieldIssues issues={issues} fields={issueFields} help={help} />
  </FormGroup>
);

export type BackupsStepProps = {
  input: RestoreFormInput;
  onInput: (patch: Partial<RestoreFormInput>) => void;
  cleanupTyped: string;
  onCleanupTyped: (typed: string) => void;
  filters: FilterText;
  onFilters: (patch: Partial<FilterText>) => void;
  advancedOpen: boolean;
  onAdvancedOpen: (open: boolean) => void;
  backups: readonly VeleroBackup[];
  hubId?: string;
  now: Date;
  issues: readonly FormIssue[];
};

/** Step 2: which backups, what to clean up, whether to keep syncing, and the optional filters. */
export const BackupsStep = (props: BackupsStepProps) => {
  const { input, onInput, filters, onFilters, issues } = props;
  const { t, tm } = usePluginTranslation();
  const formIssues = issues.filter((i) => i.field === 'form');
  const filterProps = (id: keyof FilterText, issueFields: string[]) => ({
    id,
    value: filters[id],
    onChange: (v: string) => onFilters({ [id]: v }),
    issues,
    issueFields,
  });

  return (
    <Form onSubmit={(e) => e.preventDefault()}>
      <Title headingLevel="h2">{t('What to restore')}</Title>
      {formIssues.length > 0 && (
        <FormAlert>
          {formIssues.map((i, n) => (
            <Alert key={n} variant={i.severity === 'error' ? 'danger' : 'warning'} isInline title={tm(i.message)} />
          ))}
        </FormAlert>
      )}
      {BACKUP_FIELDS.map(({ field, type }) => (
        <BackupChoice
          key={field}
          field={field}
          type={type}
          value={input[field]}
          onChange={(v) => onInput({ [field]: v })}
          backups={props.backups}
          hubId={props.hubId}
          now={props.now}
          issues={issues}
        />
      ))}

      <FormGroup fieldId="restore-sync" label={t('Keep in sync')}>
        <Checkbox
          id="restore-sync"
          isChecked={input.syncRestoreWithNewBackups}
          onChange={(_e, checked) => onInput({ syncRestoreWithNewBackups: checked })}
          label={t('Keep restoring new backups (passive sync)')}
          description={t('The restore checks for newer credentials and resources backups at every interval and restores them, so this hub stays ready to take over. Needs credentials and resources set to latest and managed clusters set to skip.')}
        />
        <FieldIssues issues={issues} fields={['syncRestoreWithNewBackups']} />
      </FormGroup>
      {input.syncRestoreWithNewBackups && (
        <FormGroup label={t('Sync interval')} fieldId="restore-sync-interval">
          <TextInput
            id="restore-sync-interval"
            value={input.restoreSyncInterval ?? ''}
            onChange={(_e, v) => onInput({ restoreSyncInterval: v })}
            validated={validatedOf(issues, ['restoreSyncInterval'])}
            placeholder="30m"
          />
          <FieldIssues
            issues={issues}
            fields={['restoreSyncInterval']}
            help={t('How often to look for new backups, as a duration such as 10m or 1h. Empty means the operator\'s default, 30m.')}
          />
        </FormGroup>
      )}

      <CleanupChoice
        value={input.cleanupBeforeRestore}
        onChange={(v) => onInput({ cleanupBeforeRestore: v })}
        typed={props.cleanupTyped}
        onTyped={props.onCleanupTyped}
        issues={issues}
      />

      <ExpandableSection
        toggleText={t('Advanced: restore only part of the backups (ACM 2.12 and later)')}
        isExpanded={props.advancedOpen}
        onToggle={(_e, open) => props.onAdvancedOpen(open)}
        data-testid="advanced-filters"
      >
        <Stack hasGutter>
          <Alert variant="info" isInline isPlain title={t('Filters narrow what Velero restores from each backup.')}>
            <p>
              {t('When filtering, the operator\'s sample advises cleanup None: CleanupRestored and CleanupAll can delete hub resources that your filters leave out. Operators older than ACM 2.12 do not know these fields and restore everything.')}
            </p>
          </Alert>
          <FilterField
            {...filterProps('includedNamespaces', ['includedNamespaces'])}
            label={t('Only these namespaces')}
            help={t('Namespaces separated by commas; * and other glob patterns work.')}
          />
          <FilterField
            {...filterProps('excludedNamespaces', ['excludedNamespaces'])}
            label={t('Not these namespaces')}
            help={t('Namespaces separated by commas.')}
          />
          <FilterField
            {...filterProps('includedResources', ['includedResources'])}
            label={t('Only these resource types')}
            help={t('Resource types separated by commas, for example managedclusters, secrets.')}
          />
          <FilterField
            {...filterProps('excludedResources', ['excludedResources'])}
            label={t('Not these resource types')}
            help={t('Resource types separated by commas.')}
          />
          <FilterField
            {...filterProps('labelSelector', ['labelSelector'])}
            label={t('Label selector')}
            help={t('Only resources with these labels, as in oc: app=web, tier in (a, b), !legacy.')}
          />
          <FilterField
            {...filterProps('orLabelSelectors', ['orLabelSelectors'])}
            label={t('Alternative label selectors')}
            help={t('One selector per line: a resource is restored when it matches any line. Not together with the label selector.')}
            multiline
          />
          <FilterField
            {...filterProps('namespaceMapping', ['namespaceMapping'])}
            label={t('Restore into other namespaces')}
            help={t('source:target pairs separated by commas, for example app:app-restored.')}
          />
          <FilterField
            {...filterProps('restoreStatusResources', ['restoreStatus'])}
            label={t('Also restore the status of')}
            help={t('Resource types whose status is restored too, not only their spec, for example BareMetalHosts.')}
          />
        </Stack>
      </ExpandableSection>
    </Form>
  );
};
