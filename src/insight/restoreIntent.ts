/**
 * What a Restore spec is for, in the words of the restore presets (`operand/restore.ts`), so the
 * history names each restore the way the form offered it.
 */
import { msg, type Message } from '../k8s/message';
import type { RestoreSpec } from '../k8s/types';
import { RESTORE_PRESETS, RESTORE_PRESET_IDS, type RestorePreset, type RestorePresetDefinition } from '../operand/restore';
import { backupNameKind, type BackupName } from './restoreObjects';

/** A preset, or a passive-sync restore whose managed clusters were later set to `latest` (§2 activation). */
export type RestoreIntentId = RestorePreset | 'activatedSync';

export type RestoreIntent = {
  id: RestoreIntentId;
  /** For `custom`: the preset whose backups it restores before its own filters narrow them. */
  basedOn?: RestoreIntentId;
  label: Message;
  /** One sentence: what happens to this hub and to the managed clusters. */
  effect: Message;
  /** Velero filters narrow what is restored (ACM 2.12+ fields). */
  filtered: boolean;
  /** True when managed clusters are restored (they move to this hub). */
  restoresManagedClusters: boolean;
  notes: Message[];
};

type SpecLike = { spec?: Partial<RestoreSpec> };

const FILTER_FIELDS = [
  'includedNamespaces',
  'includedResources',
  'excludedNamespaces',
  'excludedResources',
  'labelSelector',
  'orLabelSelectors',
  'namespaceMapping',
] as const satisfies readonly (keyof RestoreSpec)[];

const hasValue = (v: unknown): boolean => {
  if (v === undefined || v === null) return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') return Object.keys(v as object).length > 0;
  return true;
};

const filterFieldsUsed = (spec: Partial<RestoreSpec>): (keyof RestoreSpec)[] => FILTER_FIELDS.filter((f) => hasValue(spec[f]));

/** A preset's `''` stands for "a backup the user picks", so it matches a backup name. */
const presetValueMatches = (presetValue: string, kind: BackupName): boolean => {
  if (presetValue === '') return kind === 'named';
  return backupNameKind(presetValue) === kind;
};

const EFFECTS: Record<Exclude<RestoreIntentId, 'byBackupName' | 'custom'>, Message> = {
  passive: msg('Restores hub data (credentials and resources) once; the managed clusters stay with the primary hub and this hub stays passive.'),
  passiveSync: msg('Restores hub data and keeps restoring each new backup; the managed clusters stay with the primary hub until this restore is activated.'),
  activatedSync: msg('Kept hub data in sync, then activated the managed clusters: they move to this hub, which becomes the primary hub, and syncing stops.'),
  activation: msg('Restores the managed-cluster activation data on top of the passive data already on this hub: the managed clusters move to this hub, which becomes the primary hub.'),
  full: msg('Restores hub data and managed clusters from the latest backups: the managed clusters move to this hub, which becomes the primary hub.'),
  managedClustersOnly: msg('Restores managed-cluster activation data without cleaning anything up: the restored managed clusters move to this hub, next to the clusters it already manages.'),
};

const ACTIVATED_SYNC_LABEL = msg('Passive restore, kept in sync, then activated');

const NOTE_FILTERED = msg('Filters limit what is restored: only the matching namespaces, resources or labels come back.');
const NOTE_SYNC_IGNORED = msg(
  'syncRestoreWithNewBackups is set but the operator ignores it: syncing needs credentials and resources set to latest and managed clusters set to skip.',
);
const NOTE_HOOKS = msg('Restore hooks are set but not used: since ACM 2.11 the operator does not pass them to Velero.');
const NOTE_RECONNECT = msg(
  'Clusters created by Hive reconnect to this hub on their own; imported clusters reconnect only through ManagedServiceAccount auto-import or a manual auto-import-secret.',
);

const presetEntries = (): [RestorePreset, RestorePresetDefinition][] =>
  RESTORE_PRESET_IDS.filter((id) => id !== 'custom').map((id) => [id, RESTORE_PRESETS[id]]);

/**
 * The preset whose backup names and sync setting the spec has. Cleanup breaks ties (activation
 * and "managed clusters only" differ only there): same value first, then same "cleans up or
 * not", then the presets' own order.
 */
const matchPreset = (kinds: { mc: BackupName; creds: BackupName; res: BackupName }, sync: boolean, cleanup: string | undefined): RestorePreset | undefined => {
  let best: RestorePreset | undefined;
  let bestScore = -1;
  for (const [id, p] of presetEntries()) {
    if (p.syncRestoreWithNewBackups !== sync) continue;
    if (
      !presetValueMatches(p.veleroManagedClustersBackupName, kinds.mc) ||
      !presetValueMatches(p.veleroCredentialsBackupName, kinds.creds) ||
      !presetValueMatches(p.veleroResourcesBackupName, kinds.res)
    ) {
      continue;
    }
    const score = p.cleanupBeforeRestore === cleanup ? 2 : (p.cleanupBeforeRestore === 'None') === (cleanup === 'None') ? 1 : 0;
    if (score > bestScore) {
      best = id;
      bestScore = score;
    }
  }
  return best;
};

const customEffect = (kinds: { mc: BackupName; creds: BackupName; res: BackupName }): Message => {
  if (kinds.mc === 'skip' && kinds.creds === 'skip' && kinds.res === 'skip') {
    return msg('Restores nothing: every backup type is set to skip.');
  }
  if (kinds.mc !== 'skip') {
    return msg('Restores the chosen parts of the backups, managed clusters included: the restored managed clusters move to this hub.');
  }
  return msg('Restores the chosen parts of the hub data; the managed clusters stay with their current hub.');
};

const byNameEffect = (mc: BackupName): Message =>
  mc === 'skip'
    ? msg('Restores hub data from the chosen backups; the managed clusters stay with their current hub.')
    : msg('Restores the chosen backups, managed clusters included: the managed clusters move to this hub, which becomes the primary hub.');

const labelOf = (id: RestoreIntentId): Message => (id === 'activatedSync' ? ACTIVATED_SYNC_LABEL : RESTORE_PRESETS[id].title);

/**
 * Recognises the intent of a Restore (or of a draft spec). Names are read as the operator reads
 * them (trimmed, lower-cased). Sync counts only when the operator would honour it (§2); an
 * ignored sync flag is reported as a note, not as a passive-sync intent.
 */
export const restoreIntent = (restore: SpecLike): RestoreIntent => {
  const spec = restore.spec ?? {};
  const kinds = {
    mc: backupNameKind(spec.veleroManagedClustersBackupName),
    creds: backupNameKind(spec.veleroCredentialsBackupName),
    res: backupNameKind(spec.veleroResourcesBackupName),
  };
  const notes: Message[] = [];
  const syncRequested = spec.syncRestoreWithNewBackups === true;
  const syncValid = syncRequested && (kinds.mc === 'skip' || kinds.mc === 'latest') && kinds.creds === 'latest' && kinds.res === 'latest';
  if (syncRequested && !syncValid) notes.push(NOTE_SYNC_IGNORED);

  const filters = filterFieldsUsed(spec);
  const filtered = filters.length > 0;
  const restoresManagedClusters = kinds.mc === 'latest' || kinds.mc === 'named';

  let id: RestoreIntentId;
  let basedOn: RestoreIntentId | undefined;
  if (syncValid && kinds.mc === 'latest') {
    id = 'activatedSync';
  } else {
    id =
      matchPreset(kinds, syncValid, spec.cleanupBeforeRestore) ??
      (kinds.mc === 'named' || kinds.creds === 'named' || kinds.res === 'named' ? 'byBackupName' : 'custom');
  }
  if (filtered && id !== 'custom') {
    const allowed = id === 'activatedSync' ? [] : (RESTORE_PRESETS[id].sample?.userFields ?? []);
    if (!filters.every((f) => allowed.includes(f))) {
      basedOn = id;
      id = 'custom';
    }
  }

  let effect: Message;
  if (id === 'custom') effect = customEffect(kinds);
  else if (id === 'byBackupName') effect = byNameEffect(kinds.mc);
  else effect = EFFECTS[id];

  if (filtered) notes.push(NOTE_FILTERED);
  if (spec.hooks && Object.keys(spec.hooks).length > 0) notes.push(NOTE_HOOKS);
  if (restoresManagedClusters) notes.push(NOTE_RECONNECT);

  return { id, ...(basedOn ? { basedOn } : {}), label: labelOf(id), effect, filtered, restoresManagedClusters, notes };
};
