/**
 * Contract: what the operand layer builds is what the real API accepts (the upstream CRD schemas)
 * and what the operator's own samples say (same spec fields and values). Both live beside the
 * repository in `../shared`; a plain clone has no such folder, so the suite is skipped there.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as yaml from 'js-yaml';
import { SHARED_DIR, createValidator, loadCrds, type CrdInfo } from '../support/crds';
import { buildBackupSchedule, pauseScheduleOps, updateScheduleOps, type BackupScheduleFormInput } from '../../src/operand/backupSchedule';
import {
  RESTORE_PRESETS,
  RESTORE_PRESET_IDS,
  activateSyncRestoreOps,
  buildRestore,
  presetInput,
  type RestoreFormInput,
  type RestorePreset,
} from '../../src/operand/restore';
import type { JsonPatchOp } from '../../src/operand/patch';
import { validateRestoreSpec } from '../../src/operand/restoreRules';
import type { BackupSchedule, Restore } from '../../src/k8s/types';

const CRDS_DIR = path.resolve(__dirname, '../../../shared/crds');
const SAMPLES_DIR = path.resolve(__dirname, '../../../shared/samples/cluster-backup-operator');
const available = SHARED_DIR !== undefined && fs.existsSync(CRDS_DIR) && fs.existsSync(SAMPLES_DIR);

if (!available) {
  process.stdout.write('contract tests skipped: ../shared/crds not found (they need the shared CRDs beside the repository)\n');
}
const contract = available ? describe : describe.skip;

const NOW = new Date(Date.UTC(2026, 10, 25, 19, 3));

const loadSample = <T>(file: string): T => yaml.load(fs.readFileSync(path.join(SAMPLES_DIR, file), 'utf8')) as T;

/** RFC 6902 as the API server applies it, enough for the ops the operand layer emits. */
const applyPatch = <T>(doc: T, ops: JsonPatchOp[]): T => {
  const out = JSON.parse(JSON.stringify(doc));
  for (const op of ops) {
    const segments = op.path.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    const last = segments.pop() as string;
    let parent = out;
    for (const s of segments) {
      if (parent[s] === undefined) throw new Error(`path ${op.path} does not exist`);
      parent = parent[s];
    }
    if (op.op === 'test') {
      if (JSON.stringify(parent[last]) !== JSON.stringify(op.value)) throw new Error(`test failed at ${op.path}`);
    } else if (op.op === 'replace') {
      if (!(last in parent)) throw new Error(`replace of missing ${op.path}`);
      parent[last] = op.value;
    } else if (op.op === 'add') {
      parent[last] = op.value;
    } else {
      delete parent[last];
    }
  }
  return out;
};

/** Names that look like the Velero backups the schedules produce (§1). */
const BACKUP_NAMES = {
  veleroManagedClustersBackupName: 'acm-managed-clusters-schedule-20261125180000',
  veleroCredentialsBackupName: 'acm-credentials-schedule-20261125180000',
  veleroResourcesBackupName: 'acm-resources-schedule-20261125180000',
};

/** Each preset as the form would submit it: byBackupName needs its backups chosen. */
const presetForm = (preset: RestorePreset): RestoreFormInput =>
  presetInput(preset, preset === 'byBackupName' ? BACKUP_NAMES : {}, NOW);

const FULL_SCHEDULE: BackupScheduleFormInput = {
  name: 'schedule-acm',
  veleroSchedule: 'CRON_TZ=Europe/Paris 0 */2 * * 1-5',
  veleroTtl: '240h',
  useManagedServiceAccount: true,
  managedServiceAccountTTL: '480h',
  noBackupOnStart: true,
  volumeSnapshotLocations: ['default', 'aws-east'],
  paused: false,
  useOwnerReferencesInBackup: true,
  skipImmediately: true,
};

// describe.skip still runs describe bodies, so nothing reads ../shared outside hooks and tests.
let crds: CrdInfo[] = [];
let validate: ReturnType<typeof createValidator> = () => undefined;
beforeAll(() => {
  if (!available) return;
  crds = loadCrds(CRDS_DIR);
  validate = createValidator(crds);
});

contract('operand output against the upstream CRD schemas', () => {

  it.each(RESTORE_PRESET_IDS.map((p) => [p]))('the %s restore preset builds a Restore the API server accepts', (preset) => {
    const restore = buildRestore(presetForm(preset));
    expect(validate(restore)).toEqual([]);
  });

  it('a restore with every option set (filters, mapping, CleanupAll confirmation) is accepted', () => {
    const restore = buildRestore(
      presetInput(
        'custom',
        {
          cleanupBeforeRestore: 'CleanupAll',
          cleanupAllConfirmed: true,
          restorePVs: false,
          preserveNodePorts: true,
          restoreStatus: { includedResources: ['BareMetalHosts'] },
          includedNamespaces: ['app-a', 'app-b'],
          excludedResources: ['ManagedCluster'],
          orLabelSelectors: [{ matchExpressions: [{ key: 'name', operator: 'In', values: ['vb-managed-cls-2'] }] }],
          namespaceMapping: { 'app-a': 'app-a-restored' },
          annotations: { 'example.com/ticket': 'DR-42' },
        },
        NOW,
      ),
    );
    expect(validate(restore)).toEqual([]);
  });

  it('a minimal and a complete BackupSchedule are accepted', () => {
    expect(validate(buildBackupSchedule({ name: 'schedule-acm', veleroSchedule: '0 */1 * * *' }))).toEqual([]);
    expect(validate(buildBackupSchedule(FULL_SCHEDULE))).toEqual([]);
  });

  it('patched objects stay valid: pause, edit and activation', () => {
    const bs: BackupSchedule = { ...buildBackupSchedule(FULL_SCHEDULE), metadata: { name: 'schedule-acm', namespace: 'open-cluster-management-backup', resourceVersion: '7' } };
    const paused = applyPatch(bs, pauseScheduleOps(bs, true));
    expect(paused.spec.paused).toBe(true);
    expect(validate(paused)).toEqual([]);
    const edited = applyPatch(bs, updateScheduleOps(bs, { name: 'schedule-acm', veleroSchedule: '@daily', veleroTtl: '72h' }));
    expect(edited.spec).toStrictEqual({ veleroSchedule: '@daily', veleroTtl: '72h' });
    expect(validate(edited)).toEqual([]);

    const sync = buildRestore(presetForm('passiveSync'));
    const activated = applyPatch(sync, activateSyncRestoreOps(sync, { reason: 'primary hub lost', user: 'admin', time: '2026-11-25T19:03:00Z' }));
    expect(activated.spec.veleroManagedClustersBackupName).toBe('latest');
    expect(validate(activated)).toEqual([]);
    expect(validateRestoreSpec(activated.spec, { operation: 'update' }).filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('the schemas are really checked: broken objects get API-server field errors', () => {
    const restore = buildRestore(presetForm('passiveSync')) as unknown as { spec: Record<string, unknown> };
    restore.spec.syncRestoreWithNewBackups = 'yes';
    delete restore.spec.veleroCredentialsBackupName;
    expect(validate(restore as unknown as Restore)).toEqual(
      expect.arrayContaining([
        { field: 'spec.veleroCredentialsBackupName', message: 'Required value' },
        expect.objectContaining({ field: 'spec.syncRestoreWithNewBackups', message: expect.stringContaining('must be of type boolean') }),
      ]),
    );
    const bs = buildBackupSchedule({ name: 'schedule-acm', veleroSchedule: '0 * * * *' }) as unknown as { spec: Record<string, unknown> };
    bs.spec.volumeSnapshotLocations = 'default';
    delete bs.spec.veleroSchedule;
    expect(validate(bs as unknown as BackupSchedule)).toEqual(
      expect.arrayContaining([
        { field: 'spec.veleroSchedule', message: 'Required value' },
        expect.objectContaining({ field: 'spec.volumeSnapshotLocations', message: expect.stringContaining('must be of type array') }),
      ]),
    );
  });
});

contract('restore presets reproduce the operator samples', () => {
  const mapped = RESTORE_PRESET_IDS.filter((p) => RESTORE_PRESETS[p].sample && p !== 'byBackupName' && p !== 'managedClustersOnly');

  it.each(mapped.map((p) => [p, RESTORE_PRESETS[p].sample?.file]))('%s builds the spec of %s', (preset, file) => {
    const sample = loadSample<Restore>(file as string);
    expect(buildRestore(presetForm(preset as RestorePreset)).spec).toStrictEqual(sample.spec);
  });

  it('managedClustersOnly is move-managed-clusters-step2 without its cluster filters, and with them is the whole sample', () => {
    const sample = loadSample<Restore>('usecases/move-clusters/move-managed-clusters-step2.yaml');
    const { includedResources, orLabelSelectors, ...base } = sample.spec;
    expect(RESTORE_PRESETS.managedClustersOnly.sample?.userFields).toEqual(['includedResources', 'orLabelSelectors']);
    expect(buildRestore(presetForm('managedClustersOnly')).spec).toStrictEqual(base);
    expect(buildRestore(presetInput('managedClustersOnly', { includedResources, orLabelSelectors }, NOW)).spec).toStrictEqual(sample.spec);
  });

  it('byBackupName is the full restore sample with the chosen backups in place of latest', () => {
    const sample = loadSample<Restore>('cluster_v1beta1_restore.yaml');
    expect(buildRestore(presetForm('byBackupName')).spec).toStrictEqual({ ...sample.spec, ...BACKUP_NAMES });
  });

  it.each([
    ['cluster_v1beta1_restore_options.yaml'],
    ['cluster_v1beta1_restore_status.yaml'],
    ['usecases/move-all-clusters/move-all-managed-clusters.yaml'],
    ['usecases/move-clusters/move-managed-clusters-step0.yaml'],
    ['usecases/move-clusters/move-managed-clusters-step1.yaml'],
  ])('the custom form reproduces %s', (file) => {
    const sample = loadSample<Restore>(file);
    const restore = buildRestore(presetInput('custom', { name: sample.metadata?.name, ...sample.spec }, NOW));
    expect(restore.spec).toStrictEqual(sample.spec);
    expect(restore.metadata).toStrictEqual(sample.metadata);
  });

  it('the sample names and namespace come out as in the samples', () => {
    const sample = loadSample<Restore>('cluster_v1beta1_restore_passive_sync.yaml');
    expect(buildRestore(presetInput('passiveSync', { name: 'restore-acm-passive-sync' }, NOW)).metadata).toStrictEqual(sample.metadata);
  });

  it.each([
    ['cluster_v1beta1_backupschedule.yaml', { name: 'schedule-acm', veleroSchedule: '0 */1 * * *', veleroTtl: '120h' }],
    [
      'cluster_v1beta1_backupschedule_msa.yaml',
      { name: 'schedule-acm-msa', veleroSchedule: '0 */1 * * *', veleroTtl: '120h', useManagedServiceAccount: true, paused: false },
    ],
  ])('the schedule builder reproduces %s', (file, input) => {
    const sample = loadSample<BackupSchedule>(file as string);
    const built = buildBackupSchedule(input as BackupScheduleFormInput);
    expect(built).toStrictEqual(sample);
  });
});

contract('the CRD loader and validator the contract tests and the hub simulator share', () => {
  const velero = (kind: string, extra: Record<string, unknown>) => ({ apiVersion: 'velero.io/v1', kind, metadata: { name: 'x', namespace: 'velero' }, ...extra });
  const rd = (spec: Record<string, unknown>) => ({
    apiVersion: 'volsync.backube/v1alpha1',
    kind: 'ReplicationDestination',
    metadata: { name: 'rd', namespace: 'app' },
    spec,
  });

  it('reads names, scope, versions and the status subresource of every CRD, recursively', () => {
    const restore = crds.find((c) => c.kind === 'Restore' && c.group === 'cluster.open-cluster-management.io');
    expect(restore).toMatchObject({ plural: 'restores', singular: 'restore', namespaced: true, shortNames: ['crst'] });
    expect(restore?.versions).toEqual([expect.objectContaining({ name: 'v1beta1', served: true, storage: true, statusSubresource: true })]);
    expect(crds.find((c) => c.kind === 'ManagedCluster')?.namespaced).toBe(false);
    expect(crds.find((c) => c.kind === 'ManagedClusterAddOn')?.versions.map((v) => v.name).sort()).toEqual(['v1alpha1', 'v1beta1']);
    expect(loadCrds(CRDS_DIR)).toBe(crds);
  });

  it('answers undefined for kinds and versions no CRD serves', () => {
    expect(validate({ apiVersion: 'v1', kind: 'Secret' })).toBeUndefined();
    expect(validate({ apiVersion: 'cluster.open-cluster-management.io/v1', kind: 'Restore' })).toBeUndefined();
    expect(validate({ kind: 'Restore' })).toBeUndefined();
  });

  it('reports enum, nullable and int-or-string the way the API server does', () => {
    expect(validate(velero('Backup', { status: { phase: 'Done' } }))).toEqual([
      { field: 'status.phase', message: expect.stringMatching(/^Unsupported value: "Done": supported values: "New", "Queued"/) },
    ]);
    expect(validate(velero('Restore', { spec: { backupName: 'b', excludedNamespaces: null } }))).toEqual([]);
    expect(validate(rd({ rsyncTLS: { capacity: '10Gi' } }))).toEqual([]);
    expect(validate(rd({ rsyncTLS: { capacity: 10 } }))).toEqual([]);
    expect(validate(rd({ rsyncTLS: { capacity: 'ten gigs' } }))).toEqual([
      { field: 'spec.rsyncTLS.capacity', message: expect.stringContaining('spec.rsyncTLS.capacity in body should match') },
    ]);
    expect(validate(rd({ rsyncTLS: { capacity: true } }))).toHaveLength(1);
  });

  it('names list items by index and map entries by key', () => {
    const restore = {
      apiVersion: 'cluster.open-cluster-management.io/v1beta1',
      kind: 'Restore',
      metadata: { name: 'r' },
      spec: {
        cleanupBeforeRestore: 'None',
        veleroManagedClustersBackupName: 'skip',
        veleroCredentialsBackupName: 'latest',
        veleroResourcesBackupName: 'latest',
        includedNamespaces: ['ok', 3],
        namespaceMapping: { 'team-a': false },
      },
    };
    const errors = validate(restore);
    expect(errors?.map((e) => e.field).sort()).toEqual(['spec.includedNamespaces[1]', 'spec.namespaceMapping.team-a']);
  });

  it('checks object names like the API server: required unless generateName, DNS-1123 subdomain', () => {
    const bs = (metadata: Record<string, unknown>) => ({
      apiVersion: 'cluster.open-cluster-management.io/v1beta1',
      kind: 'BackupSchedule',
      metadata,
      spec: { veleroSchedule: '0 * * * *' },
    });
    expect(validate(bs({}))).toEqual([{ field: 'metadata.name', message: 'Required value: name or generateName is required' }]);
    expect(validate(bs({ generateName: 'schedule-' }))).toEqual([]);
    expect(validate(bs({ name: 'Schedule_ACM' }))?.[0]).toMatchObject({ field: 'metadata.name', message: expect.stringContaining('RFC 1123 subdomain') });
  });

  it('is fast enough to sit behind every simulated write', () => {
    const obj = buildRestore(presetForm('passiveSync'));
    validate(obj);
    const start = Date.now();
    for (let i = 0; i < 2000; i++) validate(obj);
    expect(Date.now() - start).toBeLessThan(1000);
  });
});
