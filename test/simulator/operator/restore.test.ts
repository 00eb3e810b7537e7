import { BACKUP_NAMESPACE, LABELS, LATEST, SKIP } from '../../../src/k8s/names';
import type { KubeEvent, ManagedCluster, Restore, VeleroBackup, VeleroRestore } from '../../../src/k8s/types';
import { boot, type Harness, REFS } from './harness';
import { hubProfile, PRIMARY_HUB_ID, SOURCE_HUB_ID, THIS_HUB_ID } from './inventory';
import { resolveBackup } from './restore';
import { HOUR, MINUTE, SECOND, timestampOfName } from './time';

const NS = BACKUP_NAMESPACE;

const createRestore = (h: Harness, name: string, spec: Partial<Restore['spec']>, annotations?: Record<string, string>): Restore =>
  h.store.create<Restore>({
    apiVersion: 'cluster.open-cluster-management.io/v1beta1',
    kind: 'Restore',
    metadata: { name, namespace: NS, ...(annotations ? { annotations } : {}) },
    spec: { cleanupBeforeRestore: 'CleanupRestored', veleroManagedClustersBackupName: LATEST, veleroCredentialsBackupName: LATEST, veleroResourcesBackupName: LATEST, ...spec },
  });

const restore = (h: Harness, name: string) => h.get<Restore>(REFS.restore, NS, name)!;
const ownedBy = (h: Harness, name: string) =>
  h.list<VeleroRestore>(REFS.veleroRestore, NS).filter((v) => v.metadata?.ownerReferences?.some((o) => o.kind === 'Restore' && o.name === name && o.controller));
/** Every distinct (phase, lastMessage) the Restore went through, in order. */
const phases = (h: Harness, name: string): [string, string][] => {
  const out: [string, string][] = [];
  for (const c of h.changes) {
    if (c.obj.kind !== 'Restore' || c.obj.apiVersion !== 'cluster.open-cluster-management.io/v1beta1' || c.obj.metadata?.name !== name) continue;
    const s = (c.obj as Restore).status;
    if (!s?.phase) continue;
    const last = out[out.length - 1];
    if (!last || last[0] !== s.phase || last[1] !== s.lastMessage) out.push([s.phase, s.lastMessage ?? '']);
  }
  return out;
};
const latest = (h: Harness, type: 'credentials' | 'resources' | 'resourcesGeneric' | 'managedClusters') =>
  resolveBackup(h.list<VeleroBackup>(REFS.veleroBackup, NS), type, LATEST)!;

describe('passive restore of another hub (new-hub)', () => {
  let h: Harness;
  afterEach(() => {
    const problems = [...h.schemaProblems, ...h.logs];
    h.stop();
    expect(problems).toEqual([]);
  });

  it.each(['2.14', '5.0'])('runs Started → Running → FinishedWithErrors with the Velero restores of §2 (ACM %s)', (acmVersion) => {
    h = boot('new-hub', { acmVersion });
    const creds = latest(h, 'credentials');
    const resources = latest(h, 'resources');
    const generic = latest(h, 'resourcesGeneric');
    createRestore(h, 'restore-acm-passive', { veleroManagedClustersBackupName: SKIP });
    h.advance(10 * MINUTE);

    const name = (b: VeleroBackup) => `restore-acm-passive-${b.metadata!.name}`;
    const vrs = ownedBy(h, 'restore-acm-passive');
    expect(vrs.map((v) => v.metadata!.name).sort()).toEqual([name(creds), name(generic), name(resources)].sort());
    for (const v of vrs) {
      expect(v.metadata!.labels).toEqual({ [LABELS.backupCluster]: SOURCE_HUB_ID });
      expect(v.spec!.existingResourcePolicy).toBe('update');
    }
    const byName = (n: string) => vrs.find((v) => v.metadata!.name === n)!;
    expect(byName(name(creds)).spec!.labelSelector).toEqual({ matchExpressions: [{ key: LABELS.backup, operator: 'NotIn', values: ['cluster-activation'] }] });
    expect(byName(name(creds)).spec!.includeClusterResources).toBeUndefined();
    expect(byName(name(resources)).spec!.includeClusterResources).toBe(true);
    // The other hub's generic backups are empty: Velero calls that PartiallyFailed (§2 caveat).
    expect(byName(name(generic)).status).toMatchObject({ phase: 'PartiallyFailed', errors: 1 });
    expect(byName(name(creds)).status!.phase).toBe('Completed');
    expect(byName(name(creds)).status!.progress!.itemsRestored).toBe(creds.status!.progress!.totalItems);

    const seen = phases(h, 'restore-acm-passive');
    expect(seen[0]).toEqual(['Started', 'Prepare to restore, cleaning up resources']);
    expect(seen).toContainEqual(['Started', 'Restore restore-acm-passive started']);
    expect(seen.some(([p, m]) => p === 'Running' && /^Velero restore restore-acm-passive-acm-.+ is currently executing$/.test(m))).toBe(true);
    expect(seen[seen.length - 1]).toEqual(['FinishedWithErrors', 'Velero restores have run to completion but encountered 1+ errors']);
    const status = restore(h, 'restore-acm-passive').status!;
    expect(status).toMatchObject({
      veleroCredentialsRestoreName: name(creds),
      veleroResourcesRestoreName: name(resources),
      veleroGenericResourcesRestoreName: name(generic),
    });
    expect(status.completionTimestamp).toBeDefined();
    expect(status.veleroManagedClustersRestoreName).toBeUndefined();
    // Passive data: the other hub's cluster namespaces, no ManagedClusters.
    const source = hubProfile(SOURCE_HUB_ID).clusters;
    for (const c of source) {
      expect(h.get(REFS.namespace, undefined, c.name)).toBeDefined();
      expect(h.get(REFS.managedCluster, undefined, c.name)).toBeUndefined();
    }

    const events = [...h.list<KubeEvent>(REFS.event, NS), ...h.list<KubeEvent>(REFS.eventV1, NS)];
    const created = vrs.map((v) => v.metadata!.name!);
    if (acmVersion === '5.0') {
      const e = h.list<KubeEvent>(REFS.eventV1, NS).filter((x) => x.reason === 'VeleroRestoreCreated');
      expect(e.map((x) => x.note).sort()).toEqual(created.map((n) => `Velero restore created: ${n}`).sort());
      for (const x of e) {
        expect(x).toMatchObject({ action: 'CreateRestore', reportingController: 'restore-controller', type: 'Normal', regarding: { kind: 'Restore', name: 'restore-acm-passive' } });
      }
      expect(h.list<KubeEvent>(REFS.event, NS).filter((x) => x.reason === 'Velero restore created:')).toHaveLength(0);
    } else {
      const e = h.list<KubeEvent>(REFS.event, NS).filter((x) => x.reason === 'Velero restore created:');
      expect(e.map((x) => x.message).sort()).toEqual(created.sort());
      for (const x of e) expect(x).toMatchObject({ source: { component: 'Restore controller' }, type: 'Normal', involvedObject: { kind: 'Restore', name: 'restore-acm-passive' } });
      expect(events.filter((x) => x.reason === 'VeleroRestoreCreated')).toHaveLength(0);
    }
  });

  it('restores everything, credentials first, then runs the post-restore tasks (§2, §5)', () => {
    h = boot('new-hub', { acmVersion: '5.0' });
    const creds = latest(h, 'credentials');
    const mc = latest(h, 'managedClusters');
    createRestore(h, 'restore-acm', {});
    h.advance(2 * SECOND);
    expect(restore(h, 'restore-acm').status).toMatchObject({ phase: 'Started', lastMessage: `waiting for restore to complete restore-acm-${creds.metadata!.name}` });
    expect(ownedBy(h, 'restore-acm')).toHaveLength(1);
    h.advance(15 * MINUTE);

    const r = restore(h, 'restore-acm');
    expect(r.status).toMatchObject({ phase: 'FinishedWithErrors', veleroManagedClustersRestoreName: `restore-acm-${mc.metadata!.name}` });
    expect(r.status!.completionTimestamp).toBeDefined();
    expect(ownedBy(h, 'restore-acm')).toHaveLength(4);

    const records = h.list<VeleroBackup>(REFS.veleroBackup, NS).filter((b) => b.metadata!.name!.startsWith('acm-restore-clusters-'));
    expect(records).toHaveLength(1);
    expect(records[0].metadata!.labels).toMatchObject({
      [LABELS.restoreCluster]: THIS_HUB_ID,
      [LABELS.backupCluster]: SOURCE_HUB_ID,
      [LABELS.acmHubDr]: 'true',
      [LABELS.acmRestoreName]: 'restore-acm',
      'acm-managed-clusters-schedule': mc.metadata!.name,
    });
    expect(records[0].metadata!.name).toMatch(/^acm-restore-clusters-\d{14}$/);

    const messages = r.status!.messages!;
    expect(messages).toContain('Cannot reimport cluster eks-loyalty, no serverUrl property');
    expect(messages).toContain('Created auto-import-secret for (store-fleet-east)');
    expect(messages).toContain('managed cluster prod-aws-east-1 already available');
    for (const m of messages) {
      expect(m).toMatch(/^(managed cluster \S+ already available|Cannot reimport cluster \S+, no serverUrl property|No suitable MSA secret found for cluster \(\S+\)|Created auto-import-secret for \(\S+\))$/);
    }
    const secret = h.get(REFS.secret, 'store-fleet-east', 'auto-import-secret')!;
    expect(secret.metadata!.labels).toEqual({ 'cluster.open-cluster-management.io/restore-auto-import-secret': 'true' });

    // The restored clusters reconnect: Hive ones by themselves, imported ones through the secret.
    h.advance(10 * MINUTE);
    const available = (n: string) =>
      h.get<ManagedCluster>(REFS.managedCluster, undefined, n)!.status!.conditions!.some((c) => c.type === 'ManagedClusterConditionAvailable' && c.status === 'True');
    expect(available('retail-hub-aws-01')).toBe(true);
    expect(available('store-fleet-east')).toBe(true);
    expect(available('eks-loyalty')).toBe(false);
  });

  it('sets completionTimestamp from 2.12 on', () => {
    h = boot('new-hub', { acmVersion: '2.11' });
    createRestore(h, 'restore-acm-passive', { veleroManagedClustersBackupName: SKIP });
    h.advance(10 * MINUTE);
    expect(restore(h, 'restore-acm-passive').status!.phase).toBe('FinishedWithErrors');
    expect(restore(h, 'restore-acm-passive').status!.completionTimestamp).toBeUndefined();
  });

  it('errors when a named backup does not exist', () => {
    h = boot('new-hub', { acmVersion: '2.15' });
    createRestore(h, 'restore-acm-named', {
      veleroManagedClustersBackupName: 'acm-managed-clusters-schedule-20200101000000',
      veleroCredentialsBackupName: SKIP,
      veleroResourcesBackupName: SKIP,
    });
    h.advance(MINUTE);
    expect(restore(h, 'restore-acm-named').status).toMatchObject({
      phase: 'Error',
      lastMessage: 'Backup acm-managed-clusters-schedule-20200101000000 Not found for resource type: managedClusters',
    });
    expect(ownedBy(h, 'restore-acm-named')).toHaveLength(0);
  });

  it.each([
    ['2.14', true],
    ['2.10', false],
  ])('hooks on %s: warning %s, never propagated after 2.11', (acmVersion, warned) => {
    h = boot('new-hub', { acmVersion });
    createRestore(h, 'restore-hooks', { veleroManagedClustersBackupName: SKIP, hooks: { resources: [{ name: 'h1' }] } });
    h.advance(5 * MINUTE);
    const warnings = h.list<KubeEvent>(REFS.event, NS).filter((e) => e.reason === 'RestoreHooksNotSupported');
    expect(warnings.length > 0).toBe(warned);
    if (warned) expect(warnings[0].type).toBe('Warning');
    for (const v of ownedBy(h, 'restore-hooks')) expect('hooks' in (v.spec as object)).toBe(!warned);
  });

  it('requires the confirmation annotation for CleanupAll on 5.x only', () => {
    h = boot('new-hub', { acmVersion: '5.0' });
    createRestore(h, 'restore-all', { cleanupBeforeRestore: 'CleanupAll', veleroManagedClustersBackupName: SKIP });
    h.advance(MINUTE);
    expect(restore(h, 'restore-all').status).toMatchObject({
      phase: 'FinishedWithErrors',
      lastMessage:
        'cleanupBeforeRestore=CleanupAll requires the cluster.open-cluster-management.io/restore-cleanup-all-confirmed=true annotation on the Restore resource to confirm mass deletion of ACM-scoped hub resources',
    });
    createRestore(h, 'restore-all-confirmed', { cleanupBeforeRestore: 'CleanupAll', veleroManagedClustersBackupName: SKIP }, {
      'cluster.open-cluster-management.io/restore-cleanup-all-confirmed': 'true',
    });
    h.advance(10 * MINUTE);
    expect(restore(h, 'restore-all-confirmed').status!.phase).toBe('FinishedWithErrors');
    expect(restore(h, 'restore-all-confirmed').status!.lastMessage).toBe('Velero restores have run to completion but encountered 1+ errors');
    h.stop();
    h = boot('new-hub', { acmVersion: '2.14' });
    createRestore(h, 'restore-all', { cleanupBeforeRestore: 'CleanupAll', veleroManagedClustersBackupName: SKIP });
    h.advance(MINUTE);
    expect(ownedBy(h, 'restore-all').length).toBeGreaterThan(0);
  });

  it('notes an invalid sync option in the message', () => {
    h = boot('new-hub', { acmVersion: '2.15' });
    createRestore(h, 'restore-sync-bad', { syncRestoreWithNewBackups: true, veleroManagedClustersBackupName: SKIP, veleroCredentialsBackupName: SKIP });
    h.advance(10 * MINUTE);
    expect(restore(h, 'restore-sync-bad').status!.lastMessage).toMatch(/ ; SyncRestoreWithNewBackups option is ignored because VeleroCredentialsBackupName should be set to latest\.$/);
  });
});

describe('one active thing per namespace (§2 Rules)', () => {
  let h: Harness;
  afterEach(() => {
    const problems = [...h.schemaProblems, ...h.logs];
    h.stop();
    expect(problems).toEqual([]);
  });

  it('ignores a Restore while another is not finished', () => {
    h = boot('restore-failed', { acmVersion: '2.15' });
    createRestore(h, 'restore-acm-again', { veleroManagedClustersBackupName: SKIP });
    h.advance(MINUTE);
    expect(restore(h, 'restore-acm-again').status).toMatchObject({
      phase: 'FinishedWithErrors',
      lastMessage:
        'This resource is ignored because Restore resource restore-acm-activate is currently active, before creating another resource verify that any active resources are removed.',
    });
    expect(ownedBy(h, 'restore-acm-again')).toHaveLength(0);
  });

  it('ignores a Restore while a BackupSchedule is active', () => {
    h = boot('primary-healthy', { acmVersion: '2.15' });
    createRestore(h, 'restore-acm', {});
    h.advance(MINUTE);
    expect(restore(h, 'restore-acm').status).toMatchObject({
      phase: 'FinishedWithErrors',
      lastMessage:
        'This resource is ignored because BackupSchedule resource schedule-acm is currently active, before creating another resource verify that any active resources are removed.',
    });
  });
});

describe('passive sync and activation', () => {
  let h: Harness;
  afterEach(() => {
    const problems = [...h.schemaProblems, ...h.logs];
    h.stop();
    expect(problems).toEqual([]);
  });

  it('restores the primary’s new backups on the sync interval', () => {
    h = boot('passive-sync', { acmVersion: '2.15' });
    const before = new Set(ownedBy(h, 'restore-acm-passive-sync').map((v) => v.metadata!.name));
    const firstPrimarySet = latest(h, 'resources').metadata!.name;
    h.advance(HOUR + 20 * MINUTE);
    const newest = latest(h, 'resources');
    expect(newest.metadata!.name).not.toBe(firstPrimarySet);
    expect(newest.metadata!.labels![LABELS.backupCluster]).toBe(PRIMARY_HUB_ID);
    const added = ownedBy(h, 'restore-acm-passive-sync').filter((v) => !before.has(v.metadata!.name));
    expect(added.map((v) => v.spec!.backupName)).toContain(newest.metadata!.name);
    expect(added).toHaveLength(3);
    const r = restore(h, 'restore-acm-passive-sync');
    expect(r.status).toMatchObject({ phase: 'Enabled', lastMessage: 'Velero restores have run to completion, restore will continue to sync with new backups' });
    expect(r.status!.veleroResourcesRestoreName).toBe(`restore-acm-passive-sync-${newest.metadata!.name}`);
    const seen = phases(h, 'restore-acm-passive-sync');
    expect(seen).toContainEqual(['Started', 'Restore restore-acm-passive-sync started']);
  });

  it('activates: -active restores and managed clusters, then the record and auto-import', () => {
    h = boot('passive-sync', { acmVersion: 'main' });
    const r0 = restore(h, 'restore-acm-passive-sync');
    h.store.update({ ...r0, spec: { ...r0.spec, veleroManagedClustersBackupName: LATEST } });
    h.advance(10 * MINUTE);
    const seen = phases(h, 'restore-acm-passive-sync');
    expect(seen.some(([p, m]) => p === 'Started' && /^waiting for restore to complete restore-acm-passive-sync-acm-credentials-schedule-\d{14}-active$/.test(m))).toBe(true);
    expect(seen.some(([p, m]) => p === 'Running' && /acm-managed-clusters-schedule-\d{14} is currently executing$/.test(m))).toBe(true);

    const r = restore(h, 'restore-acm-passive-sync');
    expect(r.status!.phase).toBe('Finished');
    expect(r.status!.lastMessage).toBe('All Velero restores have run successfully');
    const names = ownedBy(h, 'restore-acm-passive-sync').map((v) => v.metadata!.name!);
    expect(names.filter((n) => n.endsWith('-active')).map((n) => n.replace(/-\d{14}-active$/, ''))).toEqual(
      expect.arrayContaining(['restore-acm-passive-sync-acm-credentials-schedule', 'restore-acm-passive-sync-acm-resources-generic-schedule']),
    );
    const active = ownedBy(h, 'restore-acm-passive-sync').find((n) => n.metadata!.name!.includes('credentials') && n.metadata!.name!.endsWith('-active'))!;
    expect(active.spec!.labelSelector).toEqual({ matchExpressions: [{ key: LABELS.backup, operator: 'In', values: ['cluster-activation'] }] });
    expect(r.status!.veleroManagedClustersRestoreName).toMatch(/^restore-acm-passive-sync-acm-managed-clusters-schedule-\d{14}$/);

    const record = h.list<VeleroBackup>(REFS.veleroBackup, NS).find((b) => b.metadata!.name!.startsWith('acm-restore-clusters-'))!;
    expect(record.metadata!.labels![LABELS.restoreCluster]).toBe(THIS_HUB_ID);
    expect(record.metadata!.labels![LABELS.backupCluster]).toBe(PRIMARY_HUB_ID);
    for (const c of hubProfile(PRIMARY_HUB_ID).clusters) expect(h.get(REFS.managedCluster, undefined, c.name)).toBeDefined();
    expect(r.status!.messages).toContain('Cannot reimport cluster eks-payments, no serverUrl property');
    expect(r.status!.messages).toContain('Created auto-import-secret for (ocp-onprem-dc1)');

    // Sync has stopped, and the old primary (seeing the record) stops writing.
    const activatedAt = h.store.now().getTime();
    h.advance(2 * HOUR);
    const primaryStamps = h
      .list<VeleroBackup>(REFS.veleroBackup, NS, { [LABELS.backupCluster]: PRIMARY_HUB_ID })
      .map((b) => timestampOfName(b.metadata!.name!) ?? 0);
    expect(Math.max(...primaryStamps)).toBeLessThan(activatedAt);
    expect(restore(h, 'restore-acm-passive-sync').status!.phase).toBe('Finished');
  });

  it('finishes the promotion left in flight', () => {
    h = boot('promotion-in-progress', { acmVersion: '2.16' });
    expect(restore(h, 'restore-acm-passive-sync').status!.phase).toBe('Running');
    h.advance(10 * MINUTE);
    const r = restore(h, 'restore-acm-passive-sync');
    expect(r.status!.phase).toBe('Finished');
    expect(r.status!.messages!.length).toBeGreaterThan(0);
    expect(h.list<VeleroBackup>(REFS.veleroBackup, NS).some((b) => b.metadata!.name!.startsWith('acm-restore-clusters-'))).toBe(true);
  });
});
