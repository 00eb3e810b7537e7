import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Button, Content, Spinner } from '@patternfly/react-core';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { CommandBlock } from '../../components/CommandBlock';
import { GuardedButton } from '../../components/GuardedButton';
import { usePluginTranslation } from '../../i18n';
import type { PromotionState } from '../../insight/promotion';
import { BackupScheduleModel } from '../../k8s/models';
import { BACKUP_NAMESPACE, VELERO_DEFAULT_TTL } from '../../k8s/names';
import { validateBackupScheduleForm, type BackupScheduleFormInput } from '../../operand/backupSchedule';
import { createSchedule } from './actions';
import { auditOf, decodeSchedule, scheduleCommand, type Audit, type StoredSchedule } from './manifests';
import { ScheduleFields } from './ScheduleFields';
import { whoAmI } from '../../k8s/currentUser';

type Run = { status: 'idle' | 'running' | 'done' | 'failed'; error?: unknown; form?: BackupScheduleFormInput; audit?: Audit };

export type ScheduleCreation = {
  run: Run;
  create: (form: BackupScheduleFormInput, audit: Audit) => Promise<void>;
  stored: StoredSchedule;
  requested?: Audit;
};

/**
 * Step 4 runs by itself when this page started the promotion: the schedule confirmed then is
 * stored on the activation restore and is created as soon as the restore has finished, by
 * whichever admin's browser has the page open. A second tab gets AlreadyExists, which counts as
 * done; a failure waits for "Try again" rather than looping.
 */
export const useScheduleCreation = (state: PromotionState, mayCreate: { allowed: boolean; loading: boolean }): ScheduleCreation => {
  const restore = state.activationRestore;
  const stored = useMemo(() => decodeSchedule(restore), [restore]);
  const requested = useMemo(() => auditOf(restore), [restore]);
  const [run, setRun] = useState<Run>({ status: 'idle' });
  const attempted = useRef<string>();
  const key = restore?.metadata?.uid ?? restore?.metadata?.name ?? '';
  const allowed = mayCreate.allowed && !mayCreate.loading;

  // The step leaves the page as soon as the cluster shows the schedule, which can be before the
  // create call returns.
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const create = useCallback(async (form: BackupScheduleFormInput, audit: Audit) => {
    setRun({ status: 'running', form, audit });
    try {
      await createSchedule(form, audit);
      if (mounted.current) setRun({ status: 'done', form, audit });
    } catch (error) {
      if (mounted.current) setRun({ status: 'failed', error, form, audit });
    }
  }, []);

  // Once per activation restore and tab.
  useEffect(() => {
    if (!state.canCreateSchedule || !stored.ok || !requested || !allowed || attempted.current === key) return;
    attempted.current = key;
    void create(stored.form, requested);
  }, [state.canCreateSchedule, stored, requested, allowed, key, create]);

  return { run, create, stored, ...(requested ? { requested } : {}) };
};

type Props = {
  state: PromotionState;
  creation: ScheduleCreation;
  /** The schedule proposed when none was stored (activation started elsewhere). */
  suggested?: BackupScheduleFormInput;
  suggestedNote?: string;
  mayCreate: { allowed: boolean; loading: boolean };
};

/** Step 4 as the admin sees it: what will be created, is being created, or failed and how to finish it. */
export const ScheduleStep = ({ state, creation, suggested, suggestedNote, mayCreate }: Props) => {
  const { t } = usePluginTranslation();
  const { run, create, stored, requested } = creation;
  const restore = state.activationRestore;
  const [edited, setEdited] = useState<BackupScheduleFormInput>();
  // The suggestion may arrive after the page (the backups load separately); edits win once made.
  const manual = edited ?? suggested;
  const allowed = mayCreate.allowed && !mayCreate.loading;

  // The step's own line says which schedule exists.
  if (state.steps.find((s) => s.id === 'schedule')?.status === 'done') return null;

  if (run.status === 'failed' && run.form && run.audit) {
    const { form, audit } = run;
    return (
      <div data-testid="schedule-step-failed">
        <ApiErrorAlert error={run.error} context={{ verb: 'create', model: BackupScheduleModel, name: form.name, namespace: form.namespace ?? BACKUP_NAMESPACE }} />
        <p className="pf-v6-u-mt-sm">{t('The promotion stopped at this step. Try again, or create the schedule with this command:')}</p>
        <CommandBlock command={scheduleCommand(form, audit)} id="schedule-step-command" label={t('Copy the command for step 4')} />
        <Button variant="secondary" className="pf-v6-u-mt-sm" onClick={() => void create(form, audit)}>
          {t('Try again')}
        </Button>
      </div>
    );
  }

  if (run.status === 'running' || run.status === 'done') {
    return (
      <p data-testid="schedule-step-running">
        <Spinner size="md" aria-hidden /> {t('Creating BackupSchedule {{name}}…', { name: run.form?.name ?? '' })}
      </p>
    );
  }

  if (stored.ok && requested) {
    const f = stored.form;
    const values = { name: f.name, cron: f.veleroSchedule, ttl: f.veleroTtl || VELERO_DEFAULT_TTL };
    const what = f.useManagedServiceAccount
      ? t('BackupSchedule {{name}}: {{cron}}, backups kept {{ttl}}, auto-import tokens on.', values)
      : t('BackupSchedule {{name}}: {{cron}}, backups kept {{ttl}}, no auto-import tokens.', values);
    return (
      <div data-testid="schedule-step-stored">
        <p>{what}</p>
        {!state.canCreateSchedule ? (
          <Content component="small">{t('Created automatically as soon as the restore has finished, from the values confirmed at the start.')}</Content>
        ) : !allowed ? (
          <>
            <Alert
              variant="info"
              isInline
              title={mayCreate.loading ? t('Checking your permissions…') : t('Waiting for an administrator')}
              data-testid="schedule-step-waiting-admin"
            >
              {t('You may not create BackupSchedules here. The schedule is created when someone who may opens this page, or with this command:')}
            </Alert>
            <CommandBlock command={scheduleCommand(f, requested)} id="schedule-step-command" label={t('Copy the command for step 4')} />
          </>
        ) : null}
      </div>
    );
  }

  // Nothing to prepare while the activation is stuck: the failure above says what to do first.
  if (state.steps.find((s) => s.id === 'restore')?.status === 'failed') {
    return <p data-testid="schedule-step-blocked">{t('Waits until the restore has finished.')}</p>;
  }

  // Started elsewhere, or the stored values are unusable: the admin decides.
  const errors = manual ? validateBackupScheduleForm(manual) : {};
  const invalid = Object.keys(errors).length > 0;
  return (
    <div data-testid="schedule-step-manual">
      <p>
        {stored.ok === false && stored.reason !== 'missing'
          ? t('The schedule stored on restore {{name}} cannot be used (edited by hand?). Choose its values again.', { name: restore?.metadata?.name ?? '' })
          : t('The activation was not started from this page, so no schedule was chosen. Create it here once the restore has finished.')}
      </p>
      {manual && <ScheduleFields form={manual} errors={errors} onChange={setEdited} note={suggestedNote} />}
      <GuardedButton
        variant="primary"
        className="pf-v6-u-mt-md"
        disabledReason={
          !state.canCreateSchedule
            ? t('Wait until the restore has finished.')
            : !manual || invalid
              ? t('Correct the schedule first.')
              : mayCreate.loading
                ? t('Checking your permissions…')
                : !mayCreate.allowed
                  ? t('You do not have permission to create BackupSchedules in namespace {{namespaceName}}.', { namespaceName: BACKUP_NAMESPACE })
                  : undefined
        }
        onClick={async () => {
          if (!manual) return;
          await create(manual, { user: await whoAmI(), time: new Date().toISOString() });
        }}
      >
        {t('Create BackupSchedule')}
      </GuardedButton>
    </div>
  );
};
