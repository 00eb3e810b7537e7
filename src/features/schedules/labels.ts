import { useMemo } from 'react';
import type { BackupKind } from '../../insight/backups';
import { usePluginTranslation } from '../../i18n';

/**
 * Words for the operator's identifiers. Each label is a literal key so that extraction finds it;
 * sorting stays on the identifiers, never on the translated text.
 */
export const useBackupKindLabel = () => {
  const { t } = usePluginTranslation();
  return useMemo(() => {
    const labels: Record<BackupKind, string> = {
      credentials: t('Credentials'),
      resources: t('Resources'),
      resourcesGeneric: t('Generic resources'),
      managedClusters: t('Managed clusters'),
      validation: t('Validation heartbeat'),
      activationRecord: t('Activation record'),
      other: t('Other'),
    };
    return (kind: BackupKind): string => labels[kind];
  }, [t]);
};

/** What each Velero schedule puts in its backups (§1), one line each. */
export const useBackupKindDescription = () => {
  const { t } = usePluginTranslation();
  return useMemo(() => {
    const d: Record<BackupKind, string> = {
      credentials: t('Secrets and ConfigMaps of the hub: cluster credentials, Hive secrets, anything labelled for backup.'),
      resources: t('ACM resources: policies, applications, placements, cluster sets and the rest of the hub configuration.'),
      resourcesGeneric: t('Any resource labelled cluster.open-cluster-management.io/backup.'),
      managedClusters: t('What activates the managed clusters on a restore hub: ManagedClusters, add-on configs, Hive deployments and pools.'),
      validation: t('Only the BackupSchedule itself, kept for one interval: a heartbeat the validation policy checks.'),
      activationRecord: t('Written by a restore that activated the managed clusters; not a restore point.'),
      other: t('A backup the backup operator did not create.'),
    };
    return (kind: BackupKind): string => d[kind];
  }, [t]);
};
