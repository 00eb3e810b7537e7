import * as fs from 'fs';
import * as path from 'path';
import * as yaml from 'js-yaml';
import type { Restore, RestoreSpec } from '../k8s/types';
import { buildRestore, presetInput, RESTORE_PRESETS, type RestorePreset } from '../operand/restore';
import { restoreIntent } from './restoreIntent';

const SAMPLES = path.resolve(__dirname, '../../../shared/samples/cluster-backup-operator');
const haveSamples = fs.existsSync(SAMPLES);
if (!haveSamples) console.warn(`restoreIntent: operator samples not found at ${SAMPLES}; skipping the sample tests.`);

const listYaml = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    return d.isDirectory() ? listYaml(p) : d.name.endsWith('.yaml') ? [p] : [];
  });

const spec = (s: Partial<RestoreSpec>): Restore => ({ spec: s as RestoreSpec });

// Every Restore sample the operator ships, and what it is for.
const EXPECTED: Record<string, { id: string; basedOn?: string; filtered: boolean }> = {
  'cluster_v1beta1_restore.yaml': { id: 'full', filtered: false },
  'cluster_v1beta1_restore_options.yaml': { id: 'custom', basedOn: 'full', filtered: true },
  'cluster_v1beta1_restore_passive.yaml': { id: 'passive', filtered: false },
  'cluster_v1beta1_restore_passive_activate.yaml': { id: 'activation', filtered: false },
  'cluster_v1beta1_restore_passive_sync.yaml': { id: 'passiveSync', filtered: false },
  'cluster_v1beta1_restore_status.yaml': { id: 'full', filtered: false },
  'usecases/move-all-clusters/move-all-managed-clusters.yaml': { id: 'full', filtered: false },
  'usecases/move-clusters/move-managed-clusters-step0.yaml': { id: 'custom', basedOn: 'full', filtered: true },
  'usecases/move-clusters/move-managed-clusters-step1.yaml': { id: 'custom', basedOn: 'full', filtered: true },
  'usecases/move-clusters/move-managed-clusters-step2.yaml': { id: 'managedClustersOnly', filtered: true },
};

(haveSamples ? describe : describe.skip)('restoreIntent on the operator samples', () => {
  const restores = haveSamples
    ? listYaml(SAMPLES)
        .map((file) => ({ file: path.relative(SAMPLES, file), doc: yaml.load(fs.readFileSync(file, 'utf8')) as Restore }))
        .filter(({ doc }) => doc?.kind === 'Restore')
    : [];

  it('finds every Restore sample this test knows, and no other', () => {
    expect(restores.map((r) => r.file).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('%s', (file, expected) => {
    const sample = restores.find((r) => r.file === file);
    expect(sample).toBeDefined();
    const intent = restoreIntent(sample!.doc);
    expect(intent.id).toBe(expected.id);
    expect(intent.basedOn).toBe(expected.basedOn);
    expect(intent.filtered).toBe(expected.filtered);
  });
});

describe('restoreIntent and the presets', () => {
  it.each(['passive', 'passiveSync', 'activation', 'full', 'managedClustersOnly'] as RestorePreset[])('recognises the %s preset it came from', (preset) => {
    const intent = restoreIntent(buildRestore(presetInput(preset, {}, new Date('2025-01-01T00:00:00Z'))));
    expect(intent.id).toBe(preset);
    expect(intent.label).toEqual(RESTORE_PRESETS[preset].title);
  });

  it('recognises the by-name preset once the backups are chosen', () => {
    const input = presetInput('byBackupName', {
      veleroManagedClustersBackupName: 'acm-managed-clusters-schedule-20250101120000',
      veleroCredentialsBackupName: 'acm-credentials-schedule-20250101120000',
      veleroResourcesBackupName: 'acm-resources-schedule-20250101120000',
    });
    const intent = restoreIntent(buildRestore(input));
    expect(intent.id).toBe('byBackupName');
    expect(intent.effect.key).toMatch(/managed clusters move to this hub/);
  });

  it('tells activation from moving clusters by the cleanup option', () => {
    const base = { veleroManagedClustersBackupName: 'latest', veleroCredentialsBackupName: 'skip', veleroResourcesBackupName: 'skip' };
    expect(restoreIntent(spec({ ...base, cleanupBeforeRestore: 'CleanupRestored' })).id).toBe('activation');
    expect(restoreIntent(spec({ ...base, cleanupBeforeRestore: 'None' })).id).toBe('managedClustersOnly');
    // CleanupAll cleans up, like activation does.
    expect(restoreIntent(spec({ ...base, cleanupBeforeRestore: 'CleanupAll' })).id).toBe('activation');
  });
});

describe('restoreIntent edge cases', () => {
  const passiveSync: Partial<RestoreSpec> = {
    syncRestoreWithNewBackups: true,
    cleanupBeforeRestore: 'CleanupRestored',
    veleroManagedClustersBackupName: 'skip',
    veleroCredentialsBackupName: 'latest',
    veleroResourcesBackupName: 'latest',
  };

  it('names a sync restore whose managed clusters were set to latest an activated sync restore', () => {
    const intent = restoreIntent(spec({ ...passiveSync, veleroManagedClustersBackupName: 'latest' }));
    expect(intent.id).toBe('activatedSync');
    expect(intent.restoresManagedClusters).toBe(true);
    expect(intent.effect.key).toMatch(/syncing stops/);
  });

  it('reads backup names the way the operator does (trimmed, any case)', () => {
    const intent = restoreIntent(spec({ ...passiveSync, veleroManagedClustersBackupName: ' Skip ', veleroCredentialsBackupName: 'LATEST' }));
    expect(intent.id).toBe('passiveSync');
  });

  it('does not call a sync restore passive-sync when the operator ignores the sync flag', () => {
    const intent = restoreIntent(spec({ ...passiveSync, veleroResourcesBackupName: 'acm-resources-schedule-20250101120000' }));
    expect(intent.id).toBe('byBackupName');
    expect(intent.notes.map((n) => n.key)).toContainEqual(expect.stringMatching(/operator ignores it/));
  });

  it('reads a restore whose sync flag is ignored by its backup names alone', () => {
    const intent = restoreIntent(spec({ ...passiveSync, veleroCredentialsBackupName: 'skip' }));
    expect(intent.id).toBe('custom');
    expect(intent.notes.map((n) => n.key)).toContainEqual(expect.stringMatching(/operator ignores it/));
  });

  it('says nothing is restored when every type is skip', () => {
    const intent = restoreIntent(
      spec({ cleanupBeforeRestore: 'None', veleroManagedClustersBackupName: 'skip', veleroCredentialsBackupName: 'skip', veleroResourcesBackupName: 'skip' }),
    );
    expect(intent.id).toBe('custom');
    expect(intent.effect.key).toMatch(/^Restores nothing/);
    expect(intent.restoresManagedClusters).toBe(false);
  });

  it('treats a mix of chosen backups and latest as a restore of chosen backups, keeping clusters when skipped', () => {
    const intent = restoreIntent(
      spec({
        cleanupBeforeRestore: 'CleanupRestored',
        veleroManagedClustersBackupName: 'skip',
        veleroCredentialsBackupName: 'acm-credentials-schedule-20250101120000',
        veleroResourcesBackupName: 'latest',
      }),
    );
    expect(intent.id).toBe('byBackupName');
    expect(intent.effect.key).toMatch(/stay with their current hub/);
    expect(intent.restoresManagedClusters).toBe(false);
  });

  it('makes a filtered preset custom unless the preset expects those filters', () => {
    const mcOnly: Partial<RestoreSpec> = {
      cleanupBeforeRestore: 'None',
      veleroManagedClustersBackupName: 'latest',
      veleroCredentialsBackupName: 'skip',
      veleroResourcesBackupName: 'skip',
    };
    expect(restoreIntent(spec({ ...mcOnly, includedResources: ['ManagedCluster'] })).id).toBe('managedClustersOnly');
    const narrowed = restoreIntent(spec({ ...mcOnly, includedNamespaces: ['cls-1'] }));
    expect(narrowed).toMatchObject({ id: 'custom', basedOn: 'managedClustersOnly', filtered: true });
    const syncFiltered = restoreIntent(spec({ ...passiveSync, excludedNamespaces: ['x'] }));
    expect(syncFiltered).toMatchObject({ id: 'custom', basedOn: 'passiveSync' });
    expect(syncFiltered.effect.key).toMatch(/stay with their current hub/);
  });

  it('ignores empty filter lists', () => {
    const intent = restoreIntent(
      spec({
        cleanupBeforeRestore: 'CleanupRestored',
        veleroManagedClustersBackupName: 'latest',
        veleroCredentialsBackupName: 'latest',
        veleroResourcesBackupName: 'latest',
        includedNamespaces: [],
        namespaceMapping: {},
      }),
    );
    expect(intent).toMatchObject({ id: 'full', filtered: false });
  });

  it('notes ignored hooks and how restored clusters reconnect', () => {
    const intent = restoreIntent(
      spec({
        cleanupBeforeRestore: 'CleanupRestored',
        veleroManagedClustersBackupName: 'latest',
        veleroCredentialsBackupName: 'latest',
        veleroResourcesBackupName: 'latest',
        hooks: { resources: [] },
      }),
    );
    const keys = intent.notes.map((n) => n.key);
    expect(keys).toContainEqual(expect.stringMatching(/hooks are set but not used/));
    expect(keys).toContainEqual(expect.stringMatching(/Hive reconnect/));
  });

  it('survives a missing or empty spec', () => {
    expect(restoreIntent({}).id).toBe('custom');
    expect(restoreIntent(spec({ veleroManagedClustersBackupName: '' })).id).toBe('custom');
  });
});
