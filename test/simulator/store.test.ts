import type { K8sObject } from '../../src/k8s/types';
import { KindRegistry } from './discovery';
import { Store } from './store';
import type { Change } from './store';

const BSCH = { apiVersion: 'cluster.open-cluster-management.io/v1beta1', kind: 'BackupSchedule' };
const SCHEDULE = { apiVersion: 'velero.io/v1', kind: 'Schedule' };
const NS = 'open-cluster-management-backup';

type WithSpec = K8sObject & { spec: Record<string, unknown> };
const bs = (name: string, spec: Record<string, unknown> = { veleroSchedule: '0 * * * *' }): WithSpec => ({ ...BSCH, metadata: { name, namespace: NS }, spec });

describe('Store', () => {
  it('runs the simulated clock at timeScale from startTime, and stamps objects with it', async () => {
    const start = new Date('2025-06-01T00:00:00Z');
    const store = new Store({ timeScale: 3600, startTime: start });
    await new Promise((r) => setTimeout(r, 60));
    const elapsed = store.now().getTime() - start.getTime();
    expect(elapsed).toBeGreaterThanOrEqual(50 * 3600);
    expect(elapsed).toBeLessThan(5000 * 3600);
    const created = store.create(bs('clocked'));
    expect(new Date(created.metadata!.creationTimestamp!).getTime()).toBeGreaterThan(start.getTime());
  });

  it('fills uid, a growing global resourceVersion, and bumps generation only on spec changes', () => {
    const store = new Store();
    const a = store.create(bs('a'));
    const b = store.create(bs('b'));
    expect(a.metadata!.uid).not.toBe(b.metadata!.uid);
    expect(Number(b.metadata!.resourceVersion)).toBe(Number(a.metadata!.resourceVersion) + 1);
    expect(a.metadata!.generation).toBe(1);
    const labelled = store.update({ ...a, metadata: { ...a.metadata, labels: { x: 'y' } } });
    expect(labelled.metadata!.generation).toBe(1);
    const respec = store.update({ ...labelled, spec: { veleroSchedule: '5 * * * *' } });
    expect(respec.metadata!.generation).toBe(2);
    const status = store.update({ ...respec, status: { phase: 'Enabled' } } as K8sObject);
    expect(status.metadata!.generation).toBe(2);
    expect(status.metadata!.uid).toBe(a.metadata!.uid);
    expect(status.metadata!.creationTimestamp).toBe(a.metadata!.creationTimestamp);
  });

  it('keeps the uid, creationTimestamp and generation a scenario or controller gives', () => {
    const store = new Store();
    const given = { ...bs('aged'), metadata: { name: 'aged', namespace: NS, uid: 'fixed-uid', creationTimestamp: '2025-01-01T00:00:00Z', generation: 4 } };
    const created = store.create(given);
    expect(created.metadata).toMatchObject({ uid: 'fixed-uid', creationTimestamp: '2025-01-01T00:00:00Z', generation: 4 });
    store.bulkLoad([{ ...given, metadata: { ...given.metadata, name: 'aged-bulk' } }]);
    expect(store.get(BSCH, NS, 'aged-bulk')!.metadata!.creationTimestamp).toBe('2025-01-01T00:00:00Z');
    const fresh = store.insert({ ...given, metadata: { ...given.metadata, name: 'from-a-client' } });
    expect(fresh.metadata!.uid).not.toBe('fixed-uid');
    expect(fresh.metadata!.generation).toBe(1);
  });

  it('throws on a duplicate create and on updating a missing object', () => {
    const store = new Store();
    store.create(bs('dup'));
    expect(() => store.create(bs('dup'))).toThrow(/AlreadyExists/);
    expect(() => store.update(bs('missing'))).toThrow(/NotFound/);
  });

  it('hands out copies: changing a returned object does not change the store', () => {
    const store = new Store();
    const created = store.create(bs('copy'));
    created.spec.veleroSchedule = 'mutated';
    const got = store.get<WithSpec>(BSCH, NS, 'copy')!;
    expect(got.spec.veleroSchedule).toBe('0 * * * *');
    got.spec.veleroSchedule = 'mutated again';
    expect(store.list<WithSpec>(BSCH, NS)[0].spec.veleroSchedule).toBe('0 * * * *');
  });

  it('scopes cluster-scoped kinds without a namespace and lists by equality labels', () => {
    const store = new Store({ traitsOf: new KindRegistry({ log: () => undefined }).traitsOf });
    const mc = { apiVersion: 'cluster.open-cluster-management.io/v1', kind: 'ManagedCluster' };
    store.create({ ...mc, metadata: { name: 'c1', namespace: 'ignored', labels: { vendor: 'OpenShift' } } });
    store.create({ ...mc, metadata: { name: 'c2', labels: { vendor: 'EKS' } } });
    expect(store.get(mc, undefined, 'c1')!.metadata!.namespace).toBeUndefined();
    expect(store.list(mc, undefined, { vendor: 'EKS' }).map((o) => o.metadata!.name)).toEqual(['c2']);
    expect(store.list(mc).map((o) => o.metadata!.name)).toEqual(['c1', 'c2']);
  });

  it('cascades deletes to controlled objects only', () => {
    const store = new Store();
    const owner = store.create(bs('owner'));
    const ref = { apiVersion: BSCH.apiVersion, kind: BSCH.kind, name: 'owner', uid: owner.metadata!.uid! };
    store.create({ ...SCHEDULE, metadata: { name: 'controlled', namespace: NS, ownerReferences: [{ ...ref, controller: true }] } });
    store.create({ ...SCHEDULE, metadata: { name: 'referencing', namespace: NS, ownerReferences: [ref] } });
    const seen: string[] = [];
    store.onChange((type, o) => seen.push(`${type} ${o.kind} ${o.metadata!.name}`));
    store.remove(BSCH, NS, 'owner');
    expect(seen).toEqual(['DELETED BackupSchedule owner', 'DELETED Schedule controlled']);
    expect(store.list(SCHEDULE, NS).map((o) => o.metadata!.name)).toEqual(['referencing']);
  });

  it('holds an object with finalizers until the last one is removed', () => {
    const store = new Store();
    store.create({ ...bs('held'), metadata: { name: 'held', namespace: NS, finalizers: ['a/b'] } });
    store.remove(BSCH, NS, 'held');
    const marked = store.get(BSCH, NS, 'held')!;
    expect(marked.metadata!.deletionTimestamp).toBeDefined();
    store.update({ ...marked, metadata: { ...marked.metadata, finalizers: [] } });
    expect(store.get(BSCH, NS, 'held')).toBeUndefined();
  });

  it('skips no-op updates: no new resourceVersion, no event', () => {
    const store = new Store();
    const a = store.create(bs('same'));
    const events: string[] = [];
    store.onChange((t) => events.push(t));
    const again = store.update({ ...a, metadata: { ...a.metadata, resourceVersion: '999' } });
    expect(again.metadata!.resourceVersion).toBe(a.metadata!.resourceVersion);
    expect(events).toEqual([]);
  });

  it('delivers changes made inside a listener after the current one, to every listener in order', () => {
    const store = new Store();
    const first: string[] = [];
    const second: string[] = [];
    store.onChange((type, o) => {
      first.push(`${type} ${o.metadata!.name}`);
      if (o.metadata!.name === 'trigger' && type === 'ADDED') store.create(bs('reaction'));
    });
    store.onChange((type, o) => second.push(`${type} ${o.metadata!.name}`));
    store.create(bs('trigger'));
    expect(first).toEqual(['ADDED trigger', 'ADDED reaction']);
    expect(second).toEqual(['ADDED trigger', 'ADDED reaction']);
  });

  it('records core and events.k8s.io Events, naming them when the caller did not', () => {
    const store = new Store();
    store.recordEvent({ apiVersion: 'v1', kind: 'Event', involvedObject: { kind: 'Restore', name: 'restore-acm', namespace: NS }, reason: 'Prepare' } as K8sObject);
    store.recordEvent({ apiVersion: 'events.k8s.io/v1', kind: 'Event', metadata: { name: 'given', namespace: NS }, regarding: { name: 'r' }, reason: 'X' } as K8sObject);
    type AnyEvent = K8sObject & { firstTimestamp?: string; count?: number; eventTime?: string; involvedObject?: { name?: string }; regarding?: { name?: string } };
    const core = store.list<AnyEvent>({ apiVersion: 'v1', kind: 'Event' }, NS);
    expect(core).toHaveLength(2);
    const recorded = core.find((e) => e.metadata!.name !== 'given')!;
    expect(recorded.metadata!.name).toMatch(/^restore-acm\.[0-9a-f]{16}$/);
    expect(recorded.firstTimestamp).toBeDefined();
    expect(recorded.count).toBe(1);
    // Both groups read the same events, each in its own shape.
    const v1 = store.list<AnyEvent>({ apiVersion: 'events.k8s.io/v1', kind: 'Event' }, NS);
    expect(v1.map((e) => e.apiVersion)).toEqual(['events.k8s.io/v1', 'events.k8s.io/v1']);
    const given = v1.find((e) => e.metadata!.name === 'given')!;
    expect(given.eventTime).toMatch(/\.\d{6}Z$/);
    expect(v1.find((e) => e !== given)!.regarding?.name).toBe('restore-acm');
    expect(core.find((e) => e.metadata!.name === 'given')!.involvedObject?.name).toBe('r');
  });

  it('keeps a bounded history: resume works inside it and is refused beyond it', () => {
    const store = new Store({ historySize: 10 });
    const a = store.create(bs('h'));
    const startRv = Number(a.metadata!.resourceVersion);
    for (let i = 0; i < 5; i++) store.update({ ...store.get(BSCH, NS, 'h')!, metadata: { ...a.metadata, labels: { i: String(i) } } });
    const since = store.changesSince(startRv) as Change[];
    expect(since.map((c) => c.type)).toEqual(['MODIFIED', 'MODIFIED', 'MODIFIED', 'MODIFIED', 'MODIFIED']);
    for (let i = 5; i < 30; i++) store.update({ ...store.get(BSCH, NS, 'h')!, metadata: { ...a.metadata, labels: { i: String(i) } } });
    expect(store.changesSince(startRv)).toBe('expired');
    const recent = store.changesSince(store.currentResourceVersion() - 3) as Change[];
    expect(recent).toHaveLength(3);
  });

  it('bulk-loads without notifications, and a resume from inside the loaded range is expired', () => {
    const store = new Store();
    const events: string[] = [];
    store.onChange((t) => events.push(t));
    store.bulkLoad([bs('b1'), bs('b2')]);
    expect(events).toEqual([]);
    expect(store.list(BSCH, NS)).toHaveLength(2);
    expect(store.changesSince(0)).toBe('expired');
    expect(store.changesSince(store.currentResourceVersion())).toEqual([]);
  });

  it('copes with a large hub: 30,000 objects load and list quickly', () => {
    const store = new Store({ traitsOf: new KindRegistry({ log: () => undefined }).traitsOf });
    const objs: K8sObject[] = [];
    for (let i = 0; i < 2000; i++) {
      objs.push({ apiVersion: 'cluster.open-cluster-management.io/v1', kind: 'ManagedCluster', metadata: { name: `cluster-${i}`, labels: { vendor: i % 3 ? 'OpenShift' : 'EKS' } } });
    }
    for (let i = 0; i < 3600; i++) {
      objs.push({ apiVersion: 'velero.io/v1', kind: 'Backup', metadata: { name: `b-${i}`, namespace: NS, labels: { 'velero.io/schedule-name': `s-${i % 5}` } } });
    }
    for (let i = 0; i < 500; i++) objs.push({ ...bs(`r-${i}`, {}), kind: 'Restore' });
    for (let i = 0; i < 23900; i++) {
      objs.push({ apiVersion: 'v1', kind: 'Event', metadata: { name: `e-${i}`, namespace: NS }, involvedObject: { name: `r-${i % 500}` } } as K8sObject);
    }
    let t = performance.now();
    store.bulkLoad(objs);
    const loadMs = performance.now() - t;
    expect(store.count()).toBe(30000);

    t = performance.now();
    const backups = store.list({ apiVersion: 'velero.io/v1', kind: 'Backup' }, NS, { 'velero.io/schedule-name': 's-1' });
    const labelMs = performance.now() - t;
    expect(backups).toHaveLength(720);

    store.query('/Event', { namespace: NS });
    t = performance.now();
    const events = store.query('/Event', { namespace: NS, fields: [{ path: 'involvedObject.name', op: '=', value: 'r-7' }] });
    const fieldMs = performance.now() - t;
    expect(events).toHaveLength(48);

    console.log(`store: bulk load of 30,000 objects ${loadMs.toFixed(0)} ms; label list (720 of 3,600) ${labelMs.toFixed(1)} ms; field-selected events (48 of 23,900) ${fieldMs.toFixed(1)} ms`);
    expect(loadMs).toBeLessThan(5000);
    expect(labelMs).toBeLessThan(100);
    expect(fieldMs).toBeLessThan(200);
  });
});
