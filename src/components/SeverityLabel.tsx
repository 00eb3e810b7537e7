import type { ReactNode } from 'react';
import { Label } from '@patternfly/react-core';
import {
  CheckCircleIcon,
  ExclamationCircleIcon,
  ExclamationTriangleIcon,
  InProgressIcon,
  InfoCircleIcon,
  PauseCircleIcon,
  QuestionCircleIcon,
} from '@patternfly/react-icons';

export type Severity = 'healthy' | 'warning' | 'critical' | 'unknown' | 'info' | 'progress' | 'paused';

const LOOK: Record<Severity, { color: 'green' | 'orange' | 'red' | 'grey' | 'blue' | 'purple'; icon: ReactNode }> = {
  healthy: { color: 'green', icon: <CheckCircleIcon /> },
  warning: { color: 'orange', icon: <ExclamationTriangleIcon /> },
  critical: { color: 'red', icon: <ExclamationCircleIcon /> },
  // Unknown is never shown in a healthy colour (DESIGN §6).
  unknown: { color: 'grey', icon: <QuestionCircleIcon /> },
  info: { color: 'blue', icon: <InfoCircleIcon /> },
  progress: { color: 'blue', icon: <InProgressIcon /> },
  paused: { color: 'purple', icon: <PauseCircleIcon /> },
};

/** A status in words with a colour and an icon, so colour is never the only signal. */
export const SeverityLabel = ({ severity, children }: { severity: Severity; children: ReactNode }) => (
  <Label color={LOOK[severity].color} icon={LOOK[severity].icon} data-severity={severity}>
    {children}
  </Label>
);
