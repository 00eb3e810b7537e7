import { useMemo } from 'react';
import { usePluginTranslation } from '../../i18n';
import type { RestoredType } from '../../insight/restoreObjects';
import type { Severity } from '../../components/SeverityLabel';
import type { TimelineSeverity } from '../../insight/restoreTimeline';

/** The backup types in the admin's words. */
export const useTypeLabels = (): Record<RestoredType, string> => {
  const { t } = usePluginTranslation();
  return useMemo(
    () => ({
      credentials: t('Credentials'),
      resources: t('Resources'),
      resourcesGeneric: t('Generic resources'),
      managedClusters: t('Managed clusters'),
    }),
    [t],
  );
};

/** The insight layer's severities are a subset of the labels' ones. */
export const toSeverity = (s: TimelineSeverity): Severity => s;
