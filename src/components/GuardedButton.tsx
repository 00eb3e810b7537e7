import type { ComponentProps, ReactNode } from 'react';
import { Button, Tooltip } from '@patternfly/react-core';

type GuardedButtonProps = Omit<ComponentProps<typeof Button>, 'isAriaDisabled' | 'isDisabled'> & {
  /** Why the action is not possible now (already translated); the button is disabled when set. */
  disabledReason?: string;
  children: ReactNode;
};

/**
 * A button that, when the action is not possible (no permission, a rule of the operator), stays
 * visible but disabled, and says why on hover and focus.
 */
export const GuardedButton = ({ disabledReason, children, ...rest }: GuardedButtonProps) =>
  disabledReason ? (
    <Tooltip content={disabledReason}>
      <Button {...rest} isAriaDisabled data-disabled-reason={disabledReason}>
        {children}
      </Button>
    </Tooltip>
  ) : (
    <Button {...rest}>{children}</Button>
  );
