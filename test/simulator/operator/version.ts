/**
 * Behaviour that differs between ACM releases (the `release-2.N`, `release-5.x` and `main`
 * branches of the operator and the MultiClusterHub chart), keyed by the simulator's `acmVersion`.
 */

const parse = (v: string): [number, number] => {
  if (v === 'main' || v === '') return [Number.MAX_SAFE_INTEGER, 0];
  const m = /^(\d+)\.(\d+)/.exec(v.replace(/^v/, ''));
  return m ? [Number(m[1]), Number(m[2])] : [Number.MAX_SAFE_INTEGER, 0];
};

/** True when `version` is `min` or newer; `main` and unparsable strings count as newest. */
export const atLeast = (version: string, min: string): boolean => {
  const [a, b] = parse(version);
  const [c, d] = parse(min);
  return a !== c ? a > c : b >= d;
};

export type Features = {
  /** §1: `spec.paused` exists (2.12). */
  pausedField: boolean;
  /** §1: pause and collision set `spec.paused` on Velero schedules (2.15) instead of deleting them. */
  pauseVeleroSchedules: boolean;
  /** §1 collision rule 2: another hub's activation record (2.9, PR #538). */
  collisionRestoreRule: boolean;
  /** §1: rule 1 is skipped when this hub restored after the foreign backup (2.17, PR #1577). */
  failbackSkip: boolean;
  /** §2: events.k8s.io events with reason `VeleroRestoreCreated` (`main`, 5.x). */
  eventsV1: boolean;
  /** §2: `RestoreHooksNotSupported` warning; hooks are not propagated (2.11). */
  hooksWarning: boolean;
  /** §2: `status.completionTimestamp` (2.12). */
  completionTimestamp: boolean;
  /** §2: CleanupAll needs the confirmation annotation (`main`, 5.x). */
  cleanupAllConfirmation: boolean;
  /** §2: `EnabledWithErrors` for sync restores (2.17). */
  enabledWithErrors: boolean;
  /** §2: `veleroGenericResourcesRestoreName` (2.9). */
  genericRestoreName: boolean;
  /** §5: auto-import walks ManagedClusters and picks MSA tokens by expiry (2.15); before, it walked MSA secrets. */
  autoImportByCluster: boolean;
  /** §3: the auto-import templates moved into `backup-restore-enabled` (2.16). */
  mergedAutoImportPolicy: boolean;
  /** §3: `acm-cluster-backup-enabled` template (2.16). */
  clusterBackupEnabledTemplate: boolean;
  /** §3: `vm-config-setup` template (2.13). */
  vmConfigTemplate: boolean;
};

export const featuresOf = (acmVersion: string): Features => ({
  pausedField: atLeast(acmVersion, '2.12'),
  pauseVeleroSchedules: atLeast(acmVersion, '2.15'),
  collisionRestoreRule: atLeast(acmVersion, '2.9'),
  failbackSkip: atLeast(acmVersion, '2.17'),
  eventsV1: atLeast(acmVersion, '5.0'),
  hooksWarning: atLeast(acmVersion, '2.11'),
  completionTimestamp: atLeast(acmVersion, '2.12'),
  cleanupAllConfirmation: atLeast(acmVersion, '5.0'),
  enabledWithErrors: atLeast(acmVersion, '2.17'),
  genericRestoreName: atLeast(acmVersion, '2.9'),
  autoImportByCluster: atLeast(acmVersion, '2.15'),
  mergedAutoImportPolicy: atLeast(acmVersion, '2.16'),
  clusterBackupEnabledTemplate: atLeast(acmVersion, '2.16'),
  vmConfigTemplate: atLeast(acmVersion, '2.13'),
});
