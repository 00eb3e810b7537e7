import { k8sCreate, k8sGet, k8sPatch } from '@openshift-console/dynamic-plugin-sdk';
import { restoreActivates } from '../../insight/hubRole';
import type { ActivationStep } from '../../insight/promotion';
import { describeApiError } from '../../k8s/errors';
import { BackupScheduleModel, RestoreModel } from '../../k8s/models';
import { BACKUP_NAMESPACE } from '../../k8s/names';
import type { BackupSchedule, Restore } from '../../k8s/types';
import type { BackupScheduleFormInput } from '../../operand/backupSchedule';
import { activationPatch, activationRestore, isPromotionObject, promotionSchedule, type Audit } from './manifests';

const fetchRestore = (name: string): Promise<Restore | undefined> =>
  k8sGet<Restore>({ model: RestoreModel, name, ns: BACKUP_NAMESPACE }).catch(() => undefined);

/** Thrown when the plan has nothing to activate; the page keeps the button disabled then. */
export class NothingToActivate extends Error {}

/**
 * Step 1. A failure that only means "already done" — the sync restore's `test` failed because
 * another tab or person activated it, or the activation restore exists because a second tab
 * created it — is the outcome asked for, so it resolves; any other failure is thrown for the
 * dialog to explain.
 */
export const activate = async (activation: ActivationStep, audit: Audit, schedule: BackupScheduleFormInput, now: Date): Promise<void> => {
  if (activation.kind === 'patchSync') {
    try {
      await k8sPatch({ model: RestoreModel, resource: activation.restore, data: activationPatch(activation.restore, audit, schedule) });
    } catch (e) {
      const current = await fetchRestore(activation.restoreName);
      if (current && restoreActivates(current)) return;
      throw e;
    }
    return;
  }
  if (activation.kind === 'create') {
    try {
      await k8sCreate({ model: RestoreModel, data: activationRestore(activation.restoreName, audit, schedule, now) });
    } catch (e) {
      if (describeApiError(e).kind === 'alreadyExists' && isPromotionObject(await fetchRestore(activation.restoreName))) return;
      throw e;
    }
    return;
  }
  throw new NothingToActivate(activation.kind);
};

export type ScheduleOutcome = 'created' | 'alreadyDone';

/**
 * Step 4. The name is fixed, so a second tab gets AlreadyExists; that counts as done only when the
 * existing schedule was written by a promotion, never when someone else's schedule has the name.
 */
export const createSchedule = async (form: BackupScheduleFormInput, audit: Audit): Promise<ScheduleOutcome> => {
  const data = promotionSchedule(form, audit);
  try {
    await k8sCreate({ model: BackupScheduleModel, data });
    return 'created';
  } catch (e) {
    if (describeApiError(e).kind === 'alreadyExists') {
      const existing = await k8sGet<BackupSchedule>({ model: BackupScheduleModel, name: data.metadata?.name ?? '', ns: data.metadata?.namespace }).catch(
        () => undefined,
      );
      if (isPromotionObject(existing)) return 'alreadyDone';
    }
    throw e;
  }
};
