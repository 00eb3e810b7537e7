import { useMemo, useRef, useState } from 'react';
import { k8sCreate } from '@openshift-console/dynamic-plugin-sdk';
import { Alert, Wizard, WizardStep } from '@patternfly/react-core';
import { isNotInstalledError, isSettled } from '../../components/apiState';
import { LoadErrorState } from '../../components/PageStates';
import { usePluginTranslation } from '../../i18n';
import { msg } from '../../k8s/message';
import { RestoreModel } from '../../k8s/models';
import { BACKUP_NAMESPACE } from '../../k8s/names';
import type { Restore } from '../../k8s/types';
import { buildRestore, presetInput, validateRestoreForm, type RestoreFormInput, type RestorePreset } from '../../operand/restore';
import { useNavigate } from '../../router';
import { restorePaths } from './paths';
import { restorePreflight, type PreflightCheck } from './preflight';
import { asLoadError, failed, type RestoreHub } from './useRestoreHub';
import { useRestorePermissions } from './usePermissions';
import { BackupsStep, CLEANUP_ALL_WORD, EMPTY_FILTERS, type FilterText } from './wizard/BackupsStep';
import type { FormIssue } from './wizard/FieldIssues';
import { parseList, parseMapping, parseSelector, parseSelectorLines } from './wizard/filterText';
import { IntentStep } from './wizard/IntentStep';
import { ReviewStep } from './wizard/ReviewStep';

const STEP1_FIELDS = ['name', 'namespace'];

/** The filters as spec fields, and what could not be read. */
const applyFilters = (filters: FilterText): { patch: Partial<RestoreFormInput>; issues: FormIssue[] } => {
  const issues: FormIssue[] = [];
  const patch: Partial<RestoreFormInput> = {
    includedNamespaces: parseList(filters.includedNamespaces),
    excludedNamespaces: parseList(filters.excludedNamespaces),
    includedResources: parseList(filters.includedResources),
    excludedResources: parseList(filters.excludedResources),
  };
  const selector = parseSelector(filters.labelSelector);
  if (selector.error) issues.push({ field: 'labelSelector', severity: 'error', message: selector.error });
  else if (selector.value) patch.labelSelector = selector.value;
  const orSelectors = parseSelectorLines(filters.orLabelSelectors);
  if (orSelectors.error) issues.push({ field: 'orLabelSelectors', severity: 'error', message: orSelectors.error });
  else if (orSelectors.value) patch.orLabelSelectors = orSelectors.value;
  const mapping = parseMapping(filters.namespaceMapping);
  if (mapping.error) issues.push({ field: 'namespaceMapping', severity: 'error', message: mapping.error });
  else if (mapping.value) patch.namespaceMapping = mapping.value;
  const statusResources = parseList(filters.restoreStatusResources);
  if (statusResources.length > 0) patch.restoreStatus = { includedResources: statusResources };
  return { patch, issues };
};

/** What a watch that failed means for the preflight: it cannot vouch for what it did not see. */
const unreadable = (id: string, error: unknown, what: string): PreflightCheck[] =>
  !failed(error) ? [] : [{ id, status: 'warning', message: msg('The {{what}} on this hub could not be read, so this check could not run. The operator still applies its rules.', { what }) }];

/**
 * The guided creation of a Restore: intent, what to restore, review. The form validates as it
 * is typed with the operator's own webhook rules; Create stays disabled while anything blocks it,
 * and is sent at most once at a time.
 */
export const CreateRestoreWizard = ({ hub, now }: { hub: RestoreHub; now: Date }) => {
  const { t } = usePluginTranslation();
  const navigate = useNavigate();
  const permissions = useRestorePermissions();
  const [input, setInput] = useState<RestoreFormInput>(() => presetInput('passiveSync'));
  const [nameEdited, setNameEdited] = useState(false);
  const [cleanupTyped, setCleanupTyped] = useState('');
  const [filters, setFilters] = useState<FilterText>(EMPTY_FILTERS);
  const [advancedOpen, setAdvancedOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [createError, setCreateError] = useState<unknown>();
  // State updates are not synchronous: a second click before the re-render must still be refused.
  const sending = useRef(false);

  const { patch: filterPatch, issues: filterIssues } = useMemo(() => applyFilters(filters), [filters]);
  const effective: RestoreFormInput = useMemo(
    () => ({ ...input, ...filterPatch, cleanupAllConfirmed: input.cleanupBeforeRestore === 'CleanupAll' && cleanupTyped.trim() === CLEANUP_ALL_WORD }),
    [input, filterPatch, cleanupTyped],
  );
  const issues: FormIssue[] = useMemo(
    () => [...validateRestoreForm(effective).map((i) => ({ ...i, field: String(i.field) })), ...filterIssues],
    [effective, filterIssues],
  );
  const restore: Restore = useMemo(() => buildRestore(effective), [effective]);

  // A watch that failed will not load by waiting: its check reports it, and Create is not held back for it.
  const loaded = [hub.restores, hub.schedules, hub.backups].every(isSettled);
  const preflight = useMemo(
    () =>
      restorePreflight({
        input: effective,
        schedules: hub.schedules.data,
        restores: hub.restores.data,
        backups: failed(hub.backups.error) ? undefined : hub.backups.data,
        hubId: hub.hubId,
        now,
      }),
    [effective, hub.schedules.data, hub.restores.data, hub.backups.data, hub.backups.error, hub.hubId, now],
  );
  const checks = [
    ...unreadable('schedules-unreadable', hub.schedules.error, 'BackupSchedules'),
    ...unreadable('restores-unreadable', hub.restores.error, 'Restores'),
    ...unreadable('backups-unreadable', hub.backups.error, 'Velero backups'),
    ...preflight.checks,
  ];

  const errorsIn = (fields?: string[]) => issues.some((i) => i.severity === 'error' && (!fields || fields.includes(i.field)));
  const step1Invalid = errorsIn(STEP1_FIELDS);
  const step2Invalid = issues.some((i) => i.severity === 'error' && !STEP1_FIELDS.includes(i.field));
  const createBlocked = step1Invalid || step2Invalid || preflight.blocked || !loaded || pending || Boolean(permissions.create.reason);

  const choosePreset = (preset: RestorePreset) => {
    setInput((current) => presetInput(preset, nameEdited ? { name: current.name } : {}));
    setCleanupTyped('');
    setCreateError(undefined);
  };

  const create = async () => {
    if (createBlocked || sending.current) return;
    sending.current = true;
    setPending(true);
    setCreateError(undefined);
    try {
      const created = await k8sCreate<Restore>({ model: RestoreModel, data: restore });
      sending.current = false;
      navigate(restorePaths.details(created?.metadata?.name ?? restore.metadata?.name ?? ''));
    } catch (e) {
      sending.current = false;
      setCreateError(e);
      setPending(false);
    }
  };

  if (isNotInstalledError(hub.restores.error)) {
    return <LoadErrorState error={asLoadError(hub.restores.error)} context={{ verb: 'list', model: RestoreModel, namespace: BACKUP_NAMESPACE }} />;
  }

  return (
    <>
      {permissions.create.reason && !permissions.create.loading && (
        <Alert variant="info" isInline title={permissions.create.reason} className="pf-v6-u-mb-md" data-testid="create-forbidden" />
      )}
      <Wizard onClose={() => navigate(restorePaths.history)} height="auto" shouldFocusContent={false} data-testid="restore-wizard">
        <WizardStep
          name={t('Intent')}
          id="restore-step-intent"
          status={step1Invalid ? 'error' : 'default'}
          footer={{ isNextDisabled: step1Invalid, cancelButtonText: t('Cancel'), nextButtonText: t('Next'), backButtonText: t('Back') }}
        >
          <IntentStep
            preset={input.preset}
            onPreset={choosePreset}
            name={input.name}
            onName={(name) => {
              setNameEdited(true);
              setInput((current) => ({ ...current, name }));
            }}
            issues={issues}
          />
        </WizardStep>
        <WizardStep
          name={t('What to restore')}
          id="restore-step-backups"
          isDisabled={step1Invalid}
          status={step2Invalid ? 'error' : 'default'}
          footer={{ isNextDisabled: step2Invalid, cancelButtonText: t('Cancel'), nextButtonText: t('Next'), backButtonText: t('Back') }}
        >
          <BackupsStep
            input={input}
            onInput={(patch) => setInput((current) => ({ ...current, ...patch }))}
            cleanupTyped={cleanupTyped}
            onCleanupTyped={setCleanupTyped}
            filters={filters}
            onFilters={(patch) => setFilters((current) => ({ ...current, ...patch }))}
            advancedOpen={advancedOpen}
            onAdvancedOpen={setAdvancedOpen}
            backups={hub.backups.data}
            hubId={hub.hubId}
            now={now}
            issues={issues}
          />
        </WizardStep>
        <WizardStep
          name={t('Review')}
          id="restore-step-review"
          isDisabled={step1Invalid || step2Invalid}
          footer={{
            nextButtonText: t('Create'),
            onNext: () => void create(),
            isNextDisabled: createBlocked,
            nextButtonProps: { isLoading: pending },
            isBackDisabled: pending,
            cancelButtonText: t('Cancel'),
            backButtonText: t('Back'),
          }}
        >
          <ReviewStep restore={restore} checks={checks} checking={!loaded} issues={issues} createError={createError} />
        </WizardStep>
      </Wizard>
    </>
  );
};
