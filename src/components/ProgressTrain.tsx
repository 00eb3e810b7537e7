import type { ReactNode } from 'react';
import { ProgressStep, ProgressStepper } from '@patternfly/react-core';
import { InProgressIcon } from '@patternfly/react-icons';
import { usePluginTranslation } from '../i18n';

export type TrainStepStatus = 'pending' | 'active' | 'done' | 'failed' | 'warning';

export type TrainStep = {
  id: string;
  /** Already translated. */
  title: string;
  /** A short line under the title (already translated). */
  description?: ReactNode;
  status: TrainStepStatus;
};

const VARIANT: Record<TrainStepStatus, 'pending' | 'info' | 'success' | 'danger' | 'warning'> = {
  pending: 'pending',
  active: 'info',
  done: 'success',
  failed: 'danger',
  warning: 'warning',
};

/**
 * Named steps of a long operation with the state of each, derived by the caller from real status.
 * The state is in the icon and in words for screen readers, never in the colour alone.
 */
export const ProgressTrain = ({ steps, ariaLabel, vertical }: { steps: TrainStep[]; ariaLabel: string; vertical?: boolean }) => {
  const { t } = usePluginTranslation();
  const words: Record<TrainStepStatus, string> = {
    pending: t('Not started'),
    active: t('In progress'),
    done: t('Done'),
    failed: t('Failed'),
    warning: t('Needs attention'),
  };
  return (
    <ProgressStepper aria-label={ariaLabel} isVertical={vertical} data-testid="progress-train">
      {steps.map((step) => (
        <ProgressStep
          key={step.id}
          id={`train-step-${step.id}`}
          titleId={`train-step-${step.id}-title`}
          variant={VARIANT[step.status]}
          isCurrent={step.status === 'active' || step.status === 'failed'}
          icon={step.status === 'active' ? <InProgressIcon /> : undefined}
          description={step.description}
          aria-label={`${step.title}: ${words[step.status]}`}
          data-testid={`train-step-${step.id}`}
          data-status={step.status}
        >
          {step.title}
        </ProgressStep>
      ))}
    </ProgressStepper>
  );
};
