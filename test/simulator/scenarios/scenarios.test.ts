import { BACKUP_NAMESPACE, BACKUP_TYPES, CLUSTER_ID_CLAIM, LABELS, LOCAL_CLUSTER_NAME, replicatedPolicyName, VALIDATION_POLICY_NAME, VELERO_SCHEDULE_NAMES } from '../../../src/k8s/names';
import type {
  BackupSchedule,
  BackupStorageLocation,
  ClusterVersion,
  DataProtectionApplication,
  K8sObject,
  KubeEvent,
  ManagedCluster,
  Policy,
  Restore,
  VeleroBackup,
  VeleroRestore,
  VeleroSchedule,
} from '../../../src/k8s/types';
import { createValidator, loadCrds, SHARED_DIR } from '../../support/crds';
import { MESSAGES } from '../operator/backup-schedule';
import { hubProfile, PRIMARY_HUB_ID, SOURCE_HUB_ID, THIS_HUB_CLUSTERS, THIS_HUB_ID } from '../operator/inventory';
import { REFS } from '../operator/refs';
import { typeOfBackup } from '../operator/objects';
import { timestampOfName } from '../operator/time';
import { Store } from '../store';
import { SCENARIOS } from './index';

const NOW = new Date('2025-06-10T14:23:45Z');
const NS = BACKUP_NAMESPACE;

const load = (name: string, acmVersion = '2.15'): Store => {
  const store = new Store({ startTime: NOW });
  SCENARIOS[name].load(store, { acmVersion, bulk: (o) => store.bulkLoad(o) });
  return store;
};

const all = (store: Store): K8sObject[] => store.kinds().flatMap((k) => store.query(k));
const backups = (s: Store) => s.list<VeleroBackup>(REFS.veleroBackup, NS);
const setsOf = (bs: VeleroBackup[]) => {
  const by = new Map<string, VeleroBackup[]>();
  for (const b of bs) {
    const ts = /-(\d{14})$/.exec(b.metadata!.name!)?.[1];
    if (ts) by.set(ts, [...(by.get(ts) ?? []), b]);
  }
  return by;
};
const detail = (s: Store, template: string) =>
  s.get<Policy>(REFS.policy, LOCAL_CLUSTER_NAME, replicatedPolicyName(VALIDATION_POLICY_NAME))!.status!.details!.find((d) => d.templateMeta?.name === template)!;

const SMALL = Object.keys(SCENARIOS).filter((n) => n !== 'large-hub');

describe.each(['2.14', '5.0'])('every scenario on ACM %s', (acmVersion) => {
  const crds = SHARED_DIR ? loadCrds() : [];
  const validate = crds.length ? createValidator(crds) : undefined;

  it.each(SMALL)('%s loads objects the CRD schemas accept', (name) => {
    const store = load(name, acmVersion);
    if (!validate) {
      console.warn('skipping schema checks: ../shared/crds is not present');
      return;
    }
    const problems = all(store).flatMap((o) => (validate(o) ?? []).map((e) => `${o.kind} ${o.metadata?.namespace ?? ''}/${o.metadata?.name}: ${e.field} ${e.message}`));
    expect(problems).toEqual([]);
  });
});

describe('the common base', () => {
  it.each(SMALL.filter((n) => n !== 'no-operator'))('%s: hub identity, OADP and the validation policy', (name) => {
    const s = load(name);
    const cv = s.list<ClusterVersion>(REFS.clusterVersion)[0];
    expect(cv.spec!.clusterID).toBe(THIS_HUB_ID);
    const local = s.get<ManagedCluster>(REFS.managedCluster, undefined, LOCAL_CLUSTER_NAME)!;
    expect(local.metadata!.labels).toMatchObject({ [LABELS.localCluster]: 'true', [LABELS.clusterId]: THIS_HUB_ID });
    expect(local.status!.clusterClaims).toContainEqual({ name: CLUSTER_ID_CLAIM, value: THIS_HUB_ID });
    for (const c of THIS_HUB_CLUSTERS) {
      const mc = s.get<ManagedCluster>(REFS.managedCluster, undefined, c.name)!;
      expect(mc.status!.conditions).toContainEqual(expect.objectContaining({ type: 'ManagedClusterConditionAvailable', status: 'True' }));
      expect(Boolean(mc.spec!.managedClusterClientConfigs?.[0]?.url)).toBe(c.url !== undefined);
      expect(s.get(REFS.namespace, undefined, c.name)).toBeDefined();
    }
    const dpa = s.get<DataProtectionApplication>(REFS.dpa, NS, 'dpa-sample')!;
    expect(dpa.status!.conditions).toContainEqual(expect.objectContaining({ type: 'Reconciled', status: 'True', reason: 'Complete' }));
    const bsl = s.get<BackupStorageLocation>(REFS.bsl, NS, 'dpa-sample-1')!;
    expect(bsl.status!.phase).toBe('Available');
    // The operator only accepts a BSL some controller owns (CBO `isValidStorageLocationDefined`).
    expect(bsl.metadata!.ownerReferences![0]).toMatchObject({ kind: 'DataProtectionApplication', name: 'dpa-sample', uid: dpa.metadata!.uid });
    expect(s.get(REFS.subscription, NS, 'redhat-oadp-operator')).toBeDefined();

    const root = s.get<Policy>(REFS.policy, NS, VALIDATION_POLICY_NAME)!;
    const rep = s.get<Policy>(REFS.policy, LOCAL_CLUSTER_NAME, replicatedPolicyName(VALIDATION_POLICY_NAME))!;
    const templates = (root.spec!['policy-templates'] ?? []).map((t) => t.objectDefinition.metadata!.name);
    expect(rep.status!.details!.map((d) => d.templateMeta!.name)).toEqual(templates);
    expect(root.status!.compliant).toBe(rep.status!.compliant);
    for (const d of rep.status!.details!) {
      expect(d.history!.length).toBeLessThanOrEqual(10);
      const times = d.history!.map((e) => Date.parse(e.lastTimestamp!));
      expect([...times].sort((a, b) => b - a)).toEqual(times);
      for (const e of d.history!) expect(e.message).toMatch(/^(Compliant; notification|NonCompliant; violation) - /);
      if (d.compliant !== 'Pending') expect(d.history![0].message!.split(';')[0]).toBe(d.compliant);
      expect(s.get(REFS.configurationPolicy, LOCAL_CLUSTER_NAME, d.templateMeta!.name!)).toBeDefined();
    }
  });
});

describe('fresh', () => {
  it('has nothing to restore and says so in the policy', () => {
    const s = load('fresh');
    expect(backups(s)).toHaveLength(0);
    expect(s.list(REFS.backupSchedule, NS)).toHaveLength(0);
    expect(s.list(REFS.restore, NS)).toHaveLength(0);
    for (const t of ['backup-schedule-cron-enabled', 'acm-managed-clusters-schedule-backups-available', 'acm-resources-schedule-backups-available']) {
      expect(detail(s, t).compliant).toBe('NonCompliant');
    }
    expect(detail(s, 'backup-storage-location-available').compliant).toBe('Compliant');
    expect(detail(s, 'oadp-channel-validation').compliant).toBe('Pending');
  });
});

describe('primary-healthy', () => {
  const s = load('primary-healthy');

  it('has the five Velero schedules of schedule-acm, Enabled, with status copies', () => {
    const bs = s.get<BackupSchedule>(REFS.backupSchedule, NS, 'schedule-acm')!;
    expect(bs.spec).toEqual({ veleroSchedule: '0 */1 * * *', veleroTtl: '120h', useManagedServiceAccount: true });
    expect(bs.status).toMatchObject({ phase: 'Enabled', lastMessage: 'Velero schedules are enabled' });
    const vs = s.list<VeleroSchedule>(REFS.veleroSchedule, NS);
    expect(vs.map((v) => v.metadata!.name).sort()).toEqual(Object.values(VELERO_SCHEDULE_NAMES).sort());
    for (const v of vs) {
      expect(v.metadata!.labels![LABELS.scheduleName]).toBe('schedule-acm');
      expect(BACKUP_TYPES).toContain(v.metadata!.labels![LABELS.scheduleType]);
      expect(VELERO_SCHEDULE_NAMES[v.metadata!.labels![LABELS.scheduleType] as keyof typeof VELERO_SCHEDULE_NAMES]).toBe(v.metadata!.name);
      expect(v.metadata!.labels![LABELS.backupCluster]).toBe(THIS_HUB_ID);
      expect(v.metadata!.ownerReferences![0]).toMatchObject({ kind: 'BackupSchedule', name: 'schedule-acm', uid: bs.metadata!.uid, controller: true });
    }
    expect(bs.status!.veleroScheduleResources!.metadata!.uid).toBe(vs.find((v) => v.metadata!.name === 'acm-resources-schedule')!.metadata!.uid);
  });

  it('has hourly backup sets of the last two days that group by timestamp', () => {
    const sets = setsOf(backups(s));
    expect(sets.size).toBeGreaterThanOrEqual(48);
    expect(sets.size).toBeLessThanOrEqual(53);
    const stamps = [...sets.keys()].sort();
    for (const ts of stamps) {
      const types = sets.get(ts)!.map((b) => b.metadata!.labels![LABELS.veleroScheduleName]).sort();
      // Validation backups live one interval + 5 minutes: only the newest sets keep theirs.
      expect(types.filter((t) => t !== VELERO_SCHEDULE_NAMES.validation)).toEqual(
        Object.values(VELERO_SCHEDULE_NAMES).filter((n) => n !== VELERO_SCHEDULE_NAMES.validation).sort(),
      );
    }
    expect(sets.get(stamps[stamps.length - 1])).toHaveLength(5);
    const phases = backups(s).map((b) => b.status!.phase);
    expect(phases.filter((p) => p === 'PartiallyFailed')).toHaveLength(1);
    expect(phases.filter((p) => p !== 'Completed' && p !== 'PartiallyFailed')).toEqual([]);
    const partial = backups(s).find((b) => b.status!.phase === 'PartiallyFailed')!;
    expect(partial.status).toMatchObject({ warnings: 4, errors: 1 });
    const newest = new Date(timestampOfName(`x-${stamps[stamps.length - 1]}`)!).toISOString().replace('.000', '');
    for (const v of s.list<VeleroSchedule>(REFS.veleroSchedule, NS)) expect(v.status!.lastBackup).toBe(newest);
  });

  it('keeps MSA objects for the imported clusters (§5)', () => {
    for (const c of THIS_HUB_CLUSTERS.filter((x) => x.origin === 'imported')) {
      expect(s.get(REFS.msa, c.name, 'auto-import-account')).toBeDefined();
      expect(s.get(REFS.secret, c.name, 'auto-import-account')!.metadata!.labels).toMatchObject({ [LABELS.backup]: 'msa' });
      expect(s.get(REFS.addon, c.name, 'managed-serviceaccount')).toBeDefined();
      expect(s.get(REFS.manifestWork, c.name, 'addon-managed-serviceaccount-import')).toBeDefined();
    }
    expect(s.get(REFS.msa, 'edge-rhel-retail-07', 'auto-import-account-pair')).toBeDefined();
    for (const c of THIS_HUB_CLUSTERS.filter((x) => x.origin === 'hive')) expect(s.get(REFS.msa, c.name, 'auto-import-account')).toBeUndefined();
  });

  it('has a fully compliant validation policy', () => {
    const rep = s.get<Policy>(REFS.policy, LOCAL_CLUSTER_NAME, replicatedPolicyName(VALIDATION_POLICY_NAME))!;
    expect(rep.status!.details!.filter((d) => d.compliant !== 'Compliant').map((d) => d.templateMeta!.name)).toEqual([]);
    expect(rep.status!.compliant).toBe('Compliant');
    // The backup runs leave their trace in the in-progress template's history.
    expect(detail(s, 'acm-backup-in-progress-report').history!.some((e) => e.message!.startsWith('NonCompliant'))).toBe(true);
  });
});

describe('new-hub', () => {
  it("holds another hub's backup sets and nothing of its own", () => {
    const s = load('new-hub');
    const bs = backups(s);
    expect(new Set(bs.map((b) => b.metadata!.labels![LABELS.backupCluster]))).toEqual(new Set([SOURCE_HUB_ID]));
    expect(setsOf(bs).size).toBe(5);
    expect(bs.every((b) => b.spec!.ttl === '120h0m0s' || b.metadata!.labels![LABELS.scheduleType] === 'validation')).toBe(true);
    expect(s.list(REFS.backupSchedule, NS)).toHaveLength(0);
    expect(s.list(REFS.restore, NS)).toHaveLength(0);
  });
});

describe('passive-sync', () => {
  const s = load('passive-sync', '5.0');
  const r = s.get<Restore>(REFS.restore, NS, 'restore-acm-passive-sync')!;
  const vrs = s.list<VeleroRestore>(REFS.veleroRestore, NS);

  it('has an Enabled sync restore of the sample spec', () => {
    expect(r.spec).toEqual({
      syncRestoreWithNewBackups: true,
      restoreSyncInterval: '10m',
      cleanupBeforeRestore: 'CleanupRestored',
      veleroManagedClustersBackupName: 'skip',
      veleroCredentialsBackupName: 'latest',
      veleroResourcesBackupName: 'latest',
    });
    expect(r.status).toMatchObject({ phase: 'Enabled', lastMessage: 'Velero restores have run to completion, restore will continue to sync with new backups' });
  });

  it('has the Velero restores it made, named <restore>-<backup>, of existing backups', () => {
    expect(vrs.length).toBeGreaterThan(100);
    const names = new Set(backups(s).map((b) => b.metadata!.name));
    for (const v of vrs) {
      expect(v.metadata!.name).toBe(`restore-acm-passive-sync-${v.spec!.backupName}`);
      expect(names.has(v.spec!.backupName)).toBe(true);
      expect(v.metadata!.ownerReferences![0]).toMatchObject({ kind: 'Restore', name: 'restore-acm-passive-sync', uid: r.metadata!.uid, controller: true });
      expect(v.metadata!.labels![LABELS.backupCluster]).toBe(PRIMARY_HUB_ID);
      expect(v.status!.phase).toBe('Completed');
    }
    for (const field of ['veleroCredentialsRestoreName', 'veleroResourcesRestoreName', 'veleroGenericResourcesRestoreName'] as const) {
      expect(vrs.map((v) => v.metadata!.name)).toContain(r.status![field]);
    }
    const newestResources = backups(s)
      .filter((b) => typeOfBackup(b) === 'resources')
      .sort((a, b) => Date.parse(b.status!.startTimestamp!) - Date.parse(a.status!.startTimestamp!))[0];
    expect(r.status!.veleroResourcesRestoreName).toBe(`restore-acm-passive-sync-${newestResources.metadata!.name}`);
  });

  it('records recent events in the 5.x spelling', () => {
    const events = s.list<KubeEvent>(REFS.eventV1, NS);
    expect(events.length).toBeGreaterThan(0);
    for (const e of events) {
      expect(e).toMatchObject({ reason: 'VeleroRestoreCreated', action: 'CreateRestore', reportingController: 'restore-controller', regarding: { name: 'restore-acm-passive-sync', uid: r.metadata!.uid } });
      expect(vrs.map((v) => `Velero restore created: ${v.metadata!.name}`)).toContain(e.note);
    }
  });

  it("holds the primary's clusters only as passive data", () => {
    for (const c of hubProfile(PRIMARY_HUB_ID).clusters) {
      expect(s.get(REFS.managedCluster, undefined, c.name)).toBeUndefined();
      expect(s.get(REFS.namespace, undefined, c.name)).toBeDefined();
    }
    expect(detail(s, 'backup-schedule-cron-enabled').compliant).toBe('Compliant');
  });
});

describe.each([
  ['2.15', true],
  ['2.14', false],
])('collision on %s', (acmVersion, paused) => {
  const s = load('collision', acmVersion);

  it('has schedule-acm in BackupCollision naming the other hub’s backup', () => {
    const bs = s.get<BackupSchedule>(REFS.backupSchedule, NS, 'schedule-acm')!;
    expect(bs.status!.phase).toBe('BackupCollision');
    const m = /^Backup (acm-resources-schedule-\d{14}), from cluster/.exec(bs.status!.lastMessage!)!;
    expect(bs.status!.lastMessage).toBe(MESSAGES.collisionBackup(m[1], PRIMARY_HUB_ID, THIS_HUB_ID));
    expect(bs.status!.lastMessage).toContain('resource to  resume');
    const foreign = s.get<VeleroBackup>(REFS.veleroBackup, NS, m[1])!;
    expect(foreign.metadata!.labels![LABELS.backupCluster]).toBe(PRIMARY_HUB_ID);
    // It was the newest resources backup when the collision was detected; ours stopped then.
    const ours = backups(s).filter((b) => b.metadata!.labels![LABELS.backupCluster] === THIS_HUB_ID);
    expect(Math.max(...ours.map((b) => Date.parse(b.status!.startTimestamp!)))).toBeLessThan(Date.parse(foreign.status!.startTimestamp!) + 10 * 60_000);
    const newestOverall = backups(s)
      .filter((b) => typeOfBackup(b) === 'resources')
      .sort((a, b) => Date.parse(b.status!.startTimestamp!) - Date.parse(a.status!.startTimestamp!))[0];
    expect(newestOverall.metadata!.labels![LABELS.backupCluster]).toBe(PRIMARY_HUB_ID);
    const vs = s.list<VeleroSchedule>(REFS.veleroSchedule, NS);
    if (paused) expect(vs.map((v) => v.spec!.paused)).toEqual([true, true, true, true, true]);
    else expect(vs).toHaveLength(0);
  });
});

describe('restore-failed', () => {
  const s = load('restore-failed', '2.14');

  it('has an Error restore (named backup missing) and a FinishedWithErrors one (empty generic backup)', () => {
    const activate = s.get<Restore>(REFS.restore, NS, 'restore-acm-activate')!;
    expect(activate.status!.phase).toBe('Error');
    expect(activate.status!.lastMessage).toBe(`Backup ${activate.spec.veleroManagedClustersBackupName} Not found for resource type: managedClusters`);
    expect(s.get(REFS.veleroBackup, NS, activate.spec.veleroManagedClustersBackupName)).toBeUndefined();

    const passive = s.get<Restore>(REFS.restore, NS, 'restore-acm-passive')!;
    expect(passive.status).toMatchObject({ phase: 'FinishedWithErrors', lastMessage: 'Velero restores have run to completion but encountered 1+ errors' });
    const vrs = s.list<VeleroRestore>(REFS.veleroRestore, NS);
    const partial = vrs.filter((v) => v.status!.phase === 'PartiallyFailed');
    expect(partial).toHaveLength(1);
    expect(partial[0].metadata!.name).toBe(passive.status!.veleroGenericResourcesRestoreName);
    expect(s.get<VeleroBackup>(REFS.veleroBackup, NS, partial[0].spec!.backupName!)!.status!.progress!.totalItems).toBe(0);
    const events = s.list<KubeEvent>(REFS.event, NS).filter((e) => e.reason === 'Velero restore created:');
    expect(events.map((e) => e.message).sort()).toEqual(vrs.map((v) => v.metadata!.name).sort());
    expect(detail(s, 'acm-backup-phase-validation').compliant).toBe('NonCompliant');
  });
});

describe('promotion-in-progress', () => {
  it('has the activated sync restore Running, its managed-clusters restore InProgress', () => {
    const s = load('promotion-in-progress');
    const r = s.get<Restore>(REFS.restore, NS, 'restore-acm-passive-sync')!;
    expect(r.spec.veleroManagedClustersBackupName).toBe('latest');
    expect(r.status!.phase).toBe('Running');
    const mc = s.get<VeleroRestore>(REFS.veleroRestore, NS, r.status!.veleroManagedClustersRestoreName!)!;
    expect(mc.status!.phase).toBe('InProgress');
    expect(r.status!.lastMessage).toBe(`Velero restore ${mc.metadata!.name} is currently executing`);
    const others = s.list<VeleroRestore>(REFS.veleroRestore, NS).filter((v) => v.metadata!.name !== mc.metadata!.name);
    expect(others.every((v) => v.status!.phase === 'Completed')).toBe(true);
    expect(others.filter((v) => v.metadata!.name!.endsWith('-active'))).toHaveLength(2);
    const restored = s.list<ManagedCluster>(REFS.managedCluster).filter((m) => m.metadata!.labels![LABELS.veleroRestoreName] === mc.metadata!.name);
    expect(restored.length).toBeGreaterThan(0);
  });
});

describe('no-operator', () => {
  it('leaves the backup APIs out and places no policy', () => {
    expect(SCENARIOS['no-operator'].omitKinds).toEqual(
      expect.arrayContaining(['cluster.open-cluster-management.io/BackupSchedule', 'cluster.open-cluster-management.io/Restore', 'velero.io/Backup', 'oadp.openshift.io/DataProtectionApplication']),
    );
    const s = load('no-operator');
    expect(s.list(REFS.policy)).toHaveLength(0);
    expect(s.get(REFS.namespace, undefined, NS)).toBeUndefined();
    expect(s.list<ClusterVersion>(REFS.clusterVersion)[0].spec!.clusterID).toBe(THIS_HUB_ID);
    expect(s.get(REFS.managedCluster, undefined, LOCAL_CLUSTER_NAME)).toBeDefined();
  });
});

describe('scenarios load whatever the time of day', () => {
  // The scenarios are placed relative to "now"; two hubs writing hourly can land on the same
  // backup name at some minutes of the hour. Every third minute must load (a clash spans several).
  it.each(Object.keys(SCENARIOS).filter((n) => n !== 'large-hub'))('%s at any minute of an hour', (name) => {
    for (let minute = 0; minute < 60; minute += 3) {
      const store = new Store({ startTime: new Date(Date.UTC(2026, 10, 25, 20, minute, 10)) });
      expect(() => SCENARIOS[name].load(store, { acmVersion: '2.15', bulk: (o) => store.bulkLoad(o) })).not.toThrow();
    }
  });
});
