import type { ReactNode } from 'react';
import { Bullseye, EmptyState, EmptyStateBody, EmptyStateFooter, Spinner } from '@patternfly/react-core';
import { CubesIcon, LockIcon } from '@patternfly/react-icons';
import { describeApiError, type ApiErrorContext } from '../k8s/errors';
import { usePluginTranslation } from '../i18n';
import { ApiErrorAlert } from './ApiErrorAlert';

export const LoadingState = ({ label }: { label?: string }) => {
  const { t } = usePluginTranslation();
  return (
    <Bullseye>
      <Spinner size="xl" aria-label={label ?? t('Loading')} />
    </Bullseye>
  );
};

/** Nothing exists yet: say so, and say what to do. */
export const EmptyMessage = ({ title, children, action }: { title: string; children?: ReactNode; action?: ReactNode }) => (
  <EmptyState titleText={title} headingLevel="h2" icon={CubesIcon} data-testid="empty-state">
    {children && <EmptyStateBody>{children}</EmptyStateBody>}
    {action && <EmptyStateFooter>{action}</EmptyStateFooter>}
  </EmptyState>
);

/**
 * The state of a page whose main watch failed: "not installed" (404 on the kind), "forbidden"
 * (403) and any other error are distinct, each with what to do next.
 */
export const LoadErrorState = ({ error, context, notInstalledHelp }: { error: unknown; context?: ApiErrorContext; notInstalledHelp?: ReactNode }) => {
  const { tm, t } = usePluginTranslation();
  const described = describeApiError(error, context);
  if (described.kind === 'notInstalled') {
    return (
      <EmptyState titleText={tm(described.title)} headingLevel="h2" icon={CubesIcon} data-testid="not-installed">
        <EmptyStateBody>
          {described.detail && <p>{tm(described.detail)}</p>}
          {notInstalledHelp ?? (
            <p>
              {t(
                'Enable the cluster-backup component of the MultiClusterHub (spec.overrides.components, name cluster-backup, enabled true). It installs the cluster-backup-operator and OADP in open-cluster-management-backup.',
              )}
            </p>
          )}
        </EmptyStateBody>
      </EmptyState>
    );
  }
  if (described.kind === 'forbidden') {
    return (
      <EmptyState titleText={tm(described.title)} headingLevel="h2" icon={LockIcon} data-testid="forbidden">
        {described.detail && <EmptyStateBody>{tm(described.detail)}</EmptyStateBody>}
      </EmptyState>
    );
  }
  return <ApiErrorAlert error={error} context={context} />;
};
