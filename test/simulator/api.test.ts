import { BACKUP_NAMESPACE, LABELS } from '../../src/k8s/names';
import { backupSchedule, CBO, describeWithCrds, NS, startTestApi, type Body, type TestApi } from './testing';

const BS_PATH = `/apis/${CBO}/namespaces/${NS}/backupschedules`;
const BS_GROUP = 'cluster.open-cluster-management.io';

describeWithCrds('simulator REST API', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  describe('create and read', () => {
    it('creates an object with server-owned metadata and serves it with and without the console prefix', async () => {
      const created = await api.call('POST', BS_PATH, { body: backupSchedule('read-me') });
      expect(created.status).toBe(201);
      const meta = created.body.metadata;
      expect(meta.uid).toMatch(/^[0-9a-f-]{36}$/);
      expect(meta.resourceVersion).toMatch(/^[0-9]+$/);
      expect(meta.generation).toBe(1);
      expect(meta.creationTimestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);

      const viaConsole = await api.call('GET', `${BS_PATH}/read-me`);
      const plain = await fetch(`${api.url}${BS_PATH}/read-me`).then((r) => r.json());
      expect(viaConsole.body).toEqual(created.body);
      expect(plain).toEqual(created.body);
    });

    it('replaces uid, creationTimestamp and generation sent by a client', async () => {
      const body = backupSchedule('client-meta') as Body;
      Object.assign(body.metadata, { uid: 'mine', creationTimestamp: '2020-01-01T00:00:00Z', generation: 7 });
      const res = await api.call('POST', BS_PATH, { body });
      expect(res.status).toBe(201);
      expect(res.body.metadata.uid).not.toBe('mine');
      expect(res.body.metadata.creationTimestamp).not.toBe('2020-01-01T00:00:00Z');
      expect(res.body.metadata.generation).toBe(1);
    });

    it('answers a name clash with 409 AlreadyExists', async () => {
      await api.call('POST', BS_PATH, { body: backupSchedule('clash') });
      const again = await api.call('POST', BS_PATH, { body: backupSchedule('clash') });
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({
        kind: 'Status',
        apiVersion: 'v1',
        status: 'Failure',
        reason: 'AlreadyExists',
        code: 409,
        message: `backupschedules.${BS_GROUP} "clash" already exists`,
        details: { name: 'clash', group: BS_GROUP, kind: 'backupschedules' },
      });
    });

    it('fills generateName with a random suffix', async () => {
      const body = backupSchedule('') as Body;
      delete body.metadata.name;
      body.metadata.generateName = 'gen-';
      const res = await api.call('POST', BS_PATH, { body });
      expect(res.status).toBe(201);
      expect(res.body.metadata.name).toMatch(/^gen-[a-z0-9]{5}$/);
    });

    it('drops status on create for kinds with a status subresource', async () => {
      const res = await api.call('POST', BS_PATH, { body: { ...backupSchedule('no-status'), status: { phase: 'Enabled' } } });
      expect(res.status).toBe(201);
      expect(res.body.status).toBeUndefined();
    });

    it('answers 404 NotFound with the resource and name', async () => {
      const res = await api.call('GET', `${BS_PATH}/nope`);
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ reason: 'NotFound', message: `backupschedules.${BS_GROUP} "nope" not found` });
    });

    it('rejects a body whose namespace differs from the URL', async () => {
      const body = backupSchedule('elsewhere') as Body;
      body.metadata.namespace = 'other';
      const res = await api.call('POST', BS_PATH, { body });
      expect(res.status).toBe(400);
      expect(res.body.reason).toBe('BadRequest');
    });
  });

  describe('schema validation (422)', () => {
    it('reports a missing required field with its path, as the API server words it', async () => {
      const res = await api.call('POST', BS_PATH, { body: backupSchedule('no-cron', {}) });
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({
        kind: 'Status',
        reason: 'Invalid',
        code: 422,
        message: `BackupSchedule.${BS_GROUP} "no-cron" is invalid: spec.veleroSchedule: Required value`,
        details: { name: 'no-cron', group: BS_GROUP, kind: 'BackupSchedule' },
      });
      expect(res.body.details.causes).toEqual([{ reason: 'FieldValueRequired', message: 'Required value', field: 'spec.veleroSchedule' }]);
      expect((await api.call('GET', `${BS_PATH}/no-cron`)).status).toBe(404);
    });

    it('reports a wrong type with its path', async () => {
      const res = await api.call('POST', BS_PATH, { body: backupSchedule('bad-type', { veleroSchedule: '0 * * * *', paused: 'yes' }) });
      expect(res.status).toBe(422);
      expect(res.body.details.causes).toHaveLength(1);
      expect(res.body.details.causes[0].field).toBe('spec.paused');
      expect(res.body.details.causes[0].message).toContain('must be of type boolean');
      expect(res.body.message).toMatch(new RegExp(`^BackupSchedule\\.${BS_GROUP.replace(/\./g, '\\.')} "bad-type" is invalid: spec\\.paused: `));
    });

    it('validates updates and patches too', async () => {
      const created = await api.call('POST', BS_PATH, { body: backupSchedule('validated-later') });
      const put = await api.call('PUT', `${BS_PATH}/validated-later`, { body: { ...created.body, spec: {} } });
      expect(put.status).toBe(422);
      const patch = await api.call('PATCH', `${BS_PATH}/validated-later`, {
        body: { spec: { veleroSchedule: null } },
        contentType: 'application/merge-patch+json',
      });
      expect(patch.status).toBe(422);
      expect(patch.body.details.causes[0].field).toBe('spec.veleroSchedule');
    });
  });

  describe('update', () => {
    it('answers a stale resourceVersion with 409 Conflict and the API server message', async () => {
      const created = await api.call('POST', BS_PATH, { body: backupSchedule('contended') });
      const first = await api.call('PUT', `${BS_PATH}/contended`, { body: { ...created.body, spec: { veleroSchedule: '0 1 * * *' } } });
      expect(first.status).toBe(200);
      expect(first.body.metadata.generation).toBe(2);
      expect(Number(first.body.metadata.resourceVersion)).toBeGreaterThan(Number(created.body.metadata.resourceVersion));

      const stale = await api.call('PUT', `${BS_PATH}/contended`, { body: { ...created.body, spec: { veleroSchedule: '0 2 * * *' } } });
      expect(stale.status).toBe(409);
      expect(stale.body).toMatchObject({
        reason: 'Conflict',
        code: 409,
        message: `Operation cannot be fulfilled on backupschedules.${BS_GROUP} "contended": the object has been modified; please apply your changes to the latest version and try again`,
      });
      expect((await api.call('GET', `${BS_PATH}/contended`)).body.spec.veleroSchedule).toBe('0 1 * * *');
    });

    it('requires a resourceVersion on custom resource updates', async () => {
      const created = await api.call('POST', BS_PATH, { body: backupSchedule('unconditional') });
      const { resourceVersion: _rv, ...meta } = created.body.metadata;
      const res = await api.call('PUT', `${BS_PATH}/unconditional`, { body: { ...created.body, metadata: meta } });
      expect(res.status).toBe(422);
      expect(res.body.details.causes[0].field).toBe('metadata.resourceVersion');
    });

    it('keeps status on main-resource writes and changes only status through /status', async () => {
      const created = await api.call('POST', BS_PATH, { body: backupSchedule('with-status') });
      const statusPut = await api.call('PUT', `${BS_PATH}/with-status/status`, {
        body: { ...created.body, spec: { veleroSchedule: 'ignored' }, status: { phase: 'Enabled', lastMessage: 'Velero schedules are enabled' } },
      });
      expect(statusPut.status).toBe(200);
      expect(statusPut.body.status.phase).toBe('Enabled');
      expect(statusPut.body.spec.veleroSchedule).toBe('0 */6 * * *');
      expect(statusPut.body.metadata.generation).toBe(1);

      const mainPut = await api.call('PUT', `${BS_PATH}/with-status`, {
        body: { ...statusPut.body, spec: { veleroSchedule: '0 3 * * *' }, status: { phase: 'Failed' } },
      });
      expect(mainPut.body.status.phase).toBe('Enabled');
      expect(mainPut.body.spec.veleroSchedule).toBe('0 3 * * *');

      const statusPatch = await api.call('PATCH', `${BS_PATH}/with-status/status`, {
        body: { status: { phase: 'Paused' }, spec: { paused: true } },
        contentType: 'application/merge-patch+json',
      });
      expect(statusPatch.body.status.phase).toBe('Paused');
      expect(statusPatch.body.spec.paused).toBeUndefined();
    });

    it('does not bump the resourceVersion for a no-op update', async () => {
      const created = await api.call('POST', BS_PATH, { body: backupSchedule('noop') });
      const same = await api.call('PUT', `${BS_PATH}/noop`, { body: created.body });
      expect(same.status).toBe(200);
      expect(same.body.metadata.resourceVersion).toBe(created.body.metadata.resourceVersion);
    });
  });

  describe('patch', () => {
    let rv: string;
    beforeAll(async () => {
      rv = (await api.call('POST', BS_PATH, { body: backupSchedule('patched', { veleroSchedule: '0 * * * *', volumeSnapshotLocations: ['a', 'b'] }) })).body
        .metadata.resourceVersion;
    });

    it('applies a merge patch (null removes a key)', async () => {
      const res = await api.call('PATCH', `${BS_PATH}/patched`, {
        body: { metadata: { labels: { team: 'dr' } }, spec: { paused: true, volumeSnapshotLocations: null } },
        contentType: 'application/merge-patch+json',
      });
      expect(res.status).toBe(200);
      expect(res.body.metadata.labels).toEqual({ team: 'dr' });
      expect(res.body.spec).toEqual({ veleroSchedule: '0 * * * *', paused: true });
      expect(Number(res.body.metadata.resourceVersion)).toBeGreaterThan(Number(rv));
    });

    it('applies every JSON patch operation', async () => {
      const res = await api.call('PATCH', `${BS_PATH}/patched`, {
        body: [
          { op: 'test', path: '/spec/paused', value: true },
          { op: 'replace', path: '/spec/paused', value: false },
          { op: 'add', path: '/spec/volumeSnapshotLocations', value: ['x'] },
          { op: 'add', path: '/spec/volumeSnapshotLocations/-', value: 'z' },
          { op: 'add', path: '/spec/volumeSnapshotLocations/1', value: 'y' },
          { op: 'copy', from: '/spec/veleroSchedule', path: '/metadata/annotations' },
          { op: 'remove', path: '/metadata/annotations' },
          { op: 'move', from: '/metadata/labels/team', path: '/metadata/labels/owner' },
          { op: 'remove', path: '/spec/volumeSnapshotLocations/0' },
        ],
        contentType: 'application/json-patch+json',
      });
      expect(res.status).toBe(200);
      expect(res.body.spec).toEqual({ veleroSchedule: '0 * * * *', paused: false, volumeSnapshotLocations: ['y', 'z'] });
      expect(res.body.metadata.labels).toEqual({ owner: 'dr' });
      expect(res.body.metadata.annotations).toBeUndefined();
    });

    it('answers a failed test operation with 422 and changes nothing', async () => {
      const before = (await api.call('GET', `${BS_PATH}/patched`)).body;
      const res = await api.call('PATCH', `${BS_PATH}/patched`, {
        body: [
          { op: 'replace', path: '/spec/paused', value: true },
          { op: 'test', path: '/spec/veleroSchedule', value: '5 5 * * *' },
        ],
        contentType: 'application/json-patch+json',
      });
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ kind: 'Status', reason: 'Invalid', code: 422 });
      expect(res.body.details.causes[0].message).toBe('testing value /spec/veleroSchedule failed: test failed');
      expect((await api.call('GET', `${BS_PATH}/patched`)).body).toEqual(before);
    });

    it('uses a resourceVersion in a patch as a precondition', async () => {
      const res = await api.call('PATCH', `${BS_PATH}/patched`, {
        body: { metadata: { resourceVersion: rv }, spec: { paused: true } },
        contentType: 'application/merge-patch+json',
      });
      expect(res.status).toBe(409);
      expect(res.body.reason).toBe('Conflict');
    });

    it('answers a malformed patch with 400 and an unknown patch type with 415', async () => {
      const malformed = await api.call('PATCH', `${BS_PATH}/patched`, { body: [{ op: 'jump', path: '/spec' }], contentType: 'application/json-patch+json' });
      expect(malformed.status).toBe(400);
      const strategic = await api.call('PATCH', `${BS_PATH}/patched`, { body: { spec: {} }, contentType: 'application/strategic-merge-patch+json' });
      expect(strategic.status).toBe(415);
      expect(strategic.body.reason).toBe('UnsupportedMediaType');
    });

    it('answers a patch of a missing object with 404', async () => {
      const res = await api.call('PATCH', `${BS_PATH}/ghost`, { body: { spec: {} }, contentType: 'application/merge-patch+json' });
      expect(res.status).toBe(404);
    });
  });

  describe('delete', () => {
    it('returns 200 with the object, then 404', async () => {
      await api.call('POST', BS_PATH, { body: backupSchedule('doomed') });
      const res = await api.call('DELETE', `${BS_PATH}/doomed`);
      expect(res.status).toBe(200);
      expect(res.body.kind).toBe('BackupSchedule');
      expect(res.body.metadata.name).toBe('doomed');
      expect((await api.call('GET', `${BS_PATH}/doomed`)).status).toBe(404);
      expect((await api.call('DELETE', `${BS_PATH}/doomed`)).status).toBe(404);
    });

    it('deletes objects controlled by the deleted one', async () => {
      const owner = (await api.call('POST', BS_PATH, { body: backupSchedule('owner') })).body;
      const schedule = {
        apiVersion: 'velero.io/v1',
        kind: 'Schedule',
        metadata: {
          name: 'acm-resources-schedule',
          namespace: NS,
          ownerReferences: [{ apiVersion: CBO, kind: 'BackupSchedule', name: 'owner', uid: owner.metadata.uid, controller: true }],
        },
        spec: { schedule: '0 * * * *', template: {} },
      };
      expect((await api.call('POST', `/apis/velero.io/v1/namespaces/${NS}/schedules`, { body: schedule })).status).toBe(201);
      await api.call('DELETE', `${BS_PATH}/owner`);
      expect((await api.call('GET', `/apis/velero.io/v1/namespaces/${NS}/schedules/acm-resources-schedule`)).status).toBe(404);
    });

    it('waits for finalizers: 202 with deletionTimestamp, gone once the last finalizer is removed', async () => {
      await api.call('POST', BS_PATH, { body: { ...backupSchedule('finalized'), metadata: { name: 'finalized', finalizers: ['example.com/hold'] } } });
      const res = await api.call('DELETE', `${BS_PATH}/finalized`);
      expect(res.status).toBe(202);
      expect(res.body.metadata.deletionTimestamp).toBeDefined();
      const held = await api.call('GET', `${BS_PATH}/finalized`);
      expect(held.status).toBe(200);
      const released = await api.call('PATCH', `${BS_PATH}/finalized`, { body: { metadata: { finalizers: null } }, contentType: 'application/merge-patch+json' });
      expect(released.status).toBe(200);
      expect((await api.call('GET', `${BS_PATH}/finalized`)).status).toBe(404);
    });
  });

  describe('RBAC', () => {
    it('lets the viewer read but not write (403 with the API server message)', async () => {
      await api.call('POST', BS_PATH, { body: backupSchedule('viewed') });
      expect((await api.call('GET', `${BS_PATH}/viewed`, { token: 'viewer' })).status).toBe(200);
      expect((await api.call('GET', BS_PATH, { token: 'viewer' })).status).toBe(200);

      const create = await api.call('POST', BS_PATH, { body: backupSchedule('by-viewer'), token: 'viewer' });
      expect(create.status).toBe(403);
      expect(create.body).toMatchObject({
        kind: 'Status',
        reason: 'Forbidden',
        code: 403,
        message: `backupschedules.${BS_GROUP} is forbidden: User "viewer" cannot create resource "backupschedules" in API group "${BS_GROUP}" in the namespace "${NS}"`,
      });
      const del = await api.call('DELETE', `${BS_PATH}/viewed`, { token: 'viewer' });
      expect(del.status).toBe(403);
      expect(del.body.message).toBe(
        `backupschedules.${BS_GROUP} "viewed" is forbidden: User "viewer" cannot delete resource "backupschedules" in API group "${BS_GROUP}" in the namespace "${NS}"`,
      );
      const status = await api.call('PATCH', `${BS_PATH}/viewed/status`, { body: { status: {} }, contentType: 'application/merge-patch+json', token: 'viewer' });
      expect(status.body.message).toContain('cannot patch resource "backupschedules/status"');
      expect((await api.call('GET', `${BS_PATH}/by-viewer`)).status).toBe(404);
    });

    it('treats a request without a token as admin and an unknown token as unauthenticated', async () => {
      expect((await api.call('POST', BS_PATH, { body: backupSchedule('anonymous-admin') })).status).toBe(201);
      const res = await api.call('GET', BS_PATH, { token: 'nobody' });
      expect(res.status).toBe(401);
      expect(res.body.reason).toBe('Unauthorized');
    });

    it('answers SelfSubjectAccessReviews from the same table', async () => {
      const review = (verb: string) => ({
        apiVersion: 'authorization.k8s.io/v1',
        kind: 'SelfSubjectAccessReview',
        spec: { resourceAttributes: { group: BS_GROUP, resource: 'backupschedules', verb, namespace: BACKUP_NAMESPACE } },
      });
      const path = '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews';
      const adminCreate = await api.call('POST', path, { body: review('create'), token: 'admin' });
      expect(adminCreate.status).toBe(201);
      expect(adminCreate.body.status.allowed).toBe(true);
      expect(adminCreate.body.status.reason).toMatch(/^RBAC: allowed by ClusterRoleBinding/);
      expect(adminCreate.body.spec).toEqual(review('create').spec);

      const viewerCreate = await api.call('POST', path, { body: review('create'), token: 'viewer' });
      expect(viewerCreate.status).toBe(201);
      expect(viewerCreate.body.status.allowed).toBe(false);
      const viewerList = await api.call('POST', path, { body: review('list'), token: 'viewer' });
      expect(viewerList.body.status.allowed).toBe(true);
    });

    it('tells each user who they are (SelfSubjectReview)', async () => {
      const path = '/apis/authentication.k8s.io/v1/selfsubjectreviews';
      const body = { apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview' };
      const viewer = await api.call('POST', path, { body, token: 'viewer' });
      expect(viewer.status).toBe(201);
      expect(viewer.body.status.userInfo.username).toBe('viewer');
      const admin = await api.call('POST', path, { body, token: 'admin' });
      expect(admin.body.status.userInfo.username).toBe('admin');
    });

    it('takes added users into account', async () => {
      api.rbac.addUser('scheduler', {
        name: 'scheduler',
        role: 'bsch-editor',
        binding: 'bsch-editors',
        rules: [{ verbs: ['create', 'get'], apiGroups: [BS_GROUP], resources: ['backupschedules'], namespaces: [NS] }],
      });
      expect((await api.call('POST', BS_PATH, { body: backupSchedule('by-scheduler'), token: 'scheduler' })).status).toBe(201);
      const elsewhere = await api.call('POST', `/apis/${CBO}/namespaces/other/backupschedules`, { body: { ...backupSchedule('x'), metadata: { name: 'x' } }, token: 'scheduler' });
      expect(elsewhere.status).toBe(403);
      expect(elsewhere.body.message).toContain('User "scheduler" cannot create resource "backupschedules"');
    });
  });
});

describeWithCrds('list: selectors and pagination', () => {
  let api: TestApi;
  const SEL_NS = 'selectors';
  const path = `/apis/${CBO}/namespaces/${SEL_NS}/backupschedules`;
  const names = (body: Body): string[] => body.items.map((i: Body) => i.metadata.name);
  const list = async (query: string) => {
    const res = await api.call('GET', `${path}?${query}`);
    expect(res.status).toBe(200);
    return names(res.body);
  };

  beforeAll(async () => {
    api = await startTestApi();
    const make = (name: string, labels?: Record<string, string>) =>
      api.call('POST', path, { body: { ...backupSchedule(name, undefined, labels), metadata: { name, labels } } });
    await make('a', { tier: 'gold', region: 'eu' });
    await make('b', { tier: 'silver', region: 'us' });
    await make('c', { tier: 'gold' });
    await make('d');
    await api.call('POST', `/apis/${CBO}/namespaces/other/backupschedules`, { body: { ...backupSchedule('a'), metadata: { name: 'a', labels: { tier: 'gold' } } } });
  });
  afterAll(() => api.close());

  it('filters by label selector with every operator', async () => {
    expect(await list('labelSelector=tier%3Dgold')).toEqual(['a', 'c']);
    expect(await list('labelSelector=tier%3D%3Dgold')).toEqual(['a', 'c']);
    expect(await list('labelSelector=tier!%3Dgold')).toEqual(['b', 'd']);
    expect(await list(`labelSelector=${encodeURIComponent('tier in (gold, silver)')}`)).toEqual(['a', 'b', 'c']);
    expect(await list(`labelSelector=${encodeURIComponent('tier notin (gold)')}`)).toEqual(['b', 'd']);
    expect(await list('labelSelector=region')).toEqual(['a', 'b']);
    expect(await list('labelSelector=!region')).toEqual(['c', 'd']);
    expect(await list(`labelSelector=${encodeURIComponent('tier=gold,region')}`)).toEqual(['a']);
    // `notin` matches objects without the label, as on the API server.
    expect(await list(`labelSelector=${encodeURIComponent('tier in (gold),region notin (eu)')}`)).toEqual(['c']);
  });

  it('lists across namespaces on the cluster-wide path', async () => {
    const res = await api.call('GET', `/apis/${CBO}/backupschedules?labelSelector=tier%3Dgold`);
    expect(res.body.items.map((i: Body) => `${i.metadata.namespace}/${i.metadata.name}`)).toEqual(['other/a', 'selectors/a', 'selectors/c']);
  });

  it('rejects a malformed label selector with 400', async () => {
    const res = await api.call('GET', `${path}?labelSelector=${encodeURIComponent('tier in gold')}`);
    expect(res.status).toBe(400);
    expect(res.body.reason).toBe('BadRequest');
  });

  it('filters by field selector on metadata and on any dotted path', async () => {
    expect(await list('fieldSelector=metadata.name%3Db')).toEqual(['b']);
    expect(await list('fieldSelector=metadata.name!%3Db')).toEqual(['a', 'c', 'd']);
    const all = await api.call('GET', `/apis/${CBO}/backupschedules?fieldSelector=metadata.namespace%3D%3Dother`);
    expect(names(all.body)).toEqual(['a']);

    const evPath = `/api/v1/namespaces/${SEL_NS}/events`;
    for (const [name, subject] of [['e1', 'restore-a'], ['e2', 'restore-b'], ['e3', 'restore-a']]) {
      await api.call('POST', evPath, { body: { apiVersion: 'v1', kind: 'Event', metadata: { name }, involvedObject: { kind: 'Restore', name: subject }, reason: 'Prepare' } });
    }
    const core = await api.call('GET', `${evPath}?fieldSelector=${encodeURIComponent('involvedObject.name=restore-a,involvedObject.kind=Restore')}`);
    expect(names(core.body)).toEqual(['e1', 'e3']);
    // Core lists carry no per-item apiVersion/kind, like the API server's.
    expect(core.body.items[0].kind).toBeUndefined();
    expect(core.body.kind).toBe('EventList');

    const v1Path = `/apis/events.k8s.io/v1/namespaces/${SEL_NS}/events`;
    await api.call('POST', v1Path, { body: { apiVersion: 'events.k8s.io/v1', kind: 'Event', metadata: { name: 'n1' }, regarding: { uid: 'u-1' }, reason: 'R', eventTime: '2025-01-01T00:00:00.000000Z' } });
    await api.call('POST', v1Path, { body: { apiVersion: 'events.k8s.io/v1', kind: 'Event', metadata: { name: 'n2' }, regarding: { uid: 'u-2' }, reason: 'R', eventTime: '2025-01-01T00:00:00.000000Z' } });
    expect(names((await api.call('GET', `${v1Path}?fieldSelector=regarding.uid%3Du-2`)).body)).toEqual(['n2']);
    // One storage, two shapes: core Events show through events.k8s.io/v1 too, and the reverse.
    expect(names((await api.call('GET', `${v1Path}?fieldSelector=regarding.uid!%3Du-2`)).body)).toEqual(['e1', 'e2', 'e3', 'n1']);
    const asV1 = (await api.call('GET', `${v1Path}/e1`)).body;
    expect(asV1).toMatchObject({ apiVersion: 'events.k8s.io/v1', kind: 'Event', regarding: { kind: 'Restore', name: 'restore-a' }, reason: 'Prepare' });
    expect(asV1.involvedObject).toBeUndefined();
    const asCore = (await api.call('GET', `${evPath}/n2`)).body;
    expect(asCore).toMatchObject({ apiVersion: 'v1', kind: 'Event', involvedObject: { uid: 'u-2' } });
    expect(names((await api.call('GET', `${evPath}?fieldSelector=involvedObject.uid%3Du-1`)).body)).toEqual(['n1']);
  });

  it('pages with limit and continue, returning every object exactly once', async () => {
    const pagePath = `/apis/${CBO}/namespaces/paged/backupschedules`;
    const expected: string[] = [];
    for (let i = 0; i < 23; i++) {
      const name = `p-${String(i).padStart(2, '0')}`;
      expected.push(name);
      await api.call('POST', pagePath, { body: { ...backupSchedule(name), metadata: { name } } });
    }
    const seen: string[] = [];
    let token: string | undefined;
    let listRv: string | undefined;
    let pages = 0;
    do {
      const res = await api.call('GET', `${pagePath}?limit=5${token ? `&continue=${encodeURIComponent(token)}` : ''}`);
      expect(res.status).toBe(200);
      pages++;
      listRv ??= res.body.metadata.resourceVersion;
      expect(res.body.metadata.resourceVersion).toBe(listRv);
      seen.push(...names(res.body));
      token = res.body.metadata.continue;
      if (token) expect(res.body.metadata.remainingItemCount).toBe(23 - seen.length);
      else expect(res.body.metadata.remainingItemCount).toBeUndefined();
    } while (token);
    expect(pages).toBe(5);
    expect(seen).toEqual(expected);

    const bad = await api.call('GET', `${pagePath}?limit=5&continue=not-a-token`);
    expect(bad.status).toBe(400);
  });
});

describeWithCrds('discovery', () => {
  let api: TestApi;
  let omitted: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
    omitted = await startTestApi({ omitKinds: [`${BS_GROUP}/BackupSchedule`] });
  });
  afterAll(async () => {
    await api.close();
    await omitted.close();
  });

  it('lists groups, versions and resources with status subresources', async () => {
    const groups = (await api.call('GET', '/apis')).body;
    expect(groups.kind).toBe('APIGroupList');
    const cbo = groups.groups.find((g: Body) => g.name === BS_GROUP);
    expect(cbo.versions.map((v: Body) => v.version).sort()).toEqual(['v1', 'v1beta1', 'v1beta2'].sort());
    expect(cbo.preferredVersion.version).toBe('v1');

    const resources = (await api.call('GET', `/apis/${CBO}`)).body;
    expect(resources.kind).toBe('APIResourceList');
    const bsch = resources.resources.find((r: Body) => r.name === 'backupschedules');
    expect(bsch).toMatchObject({ singularName: 'backupschedule', namespaced: true, kind: 'BackupSchedule', shortNames: ['bsch'] });
    expect(bsch.verbs).toEqual(expect.arrayContaining(['get', 'list', 'watch', 'create', 'update', 'patch', 'delete']));
    expect(resources.resources.find((r: Body) => r.name === 'backupschedules/status')).toMatchObject({ verbs: ['get', 'patch', 'update'] });

    const core = (await api.call('GET', '/api/v1')).body;
    expect(core.resources.map((r: Body) => r.name)).toEqual(expect.arrayContaining(['namespaces', 'secrets', 'configmaps', 'events', 'pods']));
    expect((await api.call('GET', '/api')).body.versions).toEqual(['v1']);
    expect((await api.call('GET', '/apis/authorization.k8s.io/v1')).body.resources[0]).toMatchObject({ name: 'selfsubjectaccessreviews', verbs: ['create'] });
    expect((await api.call('GET', '/apis/config.openshift.io')).body).toMatchObject({ kind: 'APIGroup', name: 'config.openshift.io' });
  });

  it('leaves an omitted kind out of discovery and answers its endpoints with 404 like an unknown resource', async () => {
    const resources = (await omitted.call('GET', `/apis/${CBO}`)).body;
    const namesServed = resources.resources.map((r: Body) => r.name);
    expect(namesServed).not.toContain('backupschedules');
    expect(namesServed).toContain('restores');
    for (const [method, path] of [
      ['GET', BS_PATH],
      ['GET', `/apis/${CBO}/backupschedules`],
      ['GET', `${BS_PATH}/schedule-acm`],
    ]) {
      const res = await omitted.call(method, path);
      expect(res.status).toBe(404);
      expect(res.body).toEqual({
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: 'the server could not find the requested resource',
        reason: 'NotFound',
        details: {},
        code: 404,
      });
    }
    expect((await omitted.call('POST', BS_PATH, { body: backupSchedule('x') })).status).toBe(404);
  });

  it('serves the object in the version asked for', async () => {
    const v1alpha1 = `/apis/addon.open-cluster-management.io/v1alpha1/namespaces/cluster1/managedclusteraddons`;
    const created = await api.call('POST', v1alpha1, {
      body: { apiVersion: 'addon.open-cluster-management.io/v1alpha1', kind: 'ManagedClusterAddOn', metadata: { name: 'volsync' }, spec: {} },
    });
    expect(created.status).toBe(201);
    const asBeta = await api.call('GET', `/apis/addon.open-cluster-management.io/v1beta1/namespaces/cluster1/managedclusteraddons/volsync`);
    expect(asBeta.body.apiVersion).toBe('addon.open-cluster-management.io/v1beta1');
  });
});

describe('without the shared CRDs', () => {
  it('still serves the plugin kinds, with schema checks off and one warning', async () => {
    const lines: string[] = [];
    const { KindRegistry } = await import('./discovery');
    const registry = new KindRegistry({ crdDir: null, log: (l) => lines.push(l) });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/schema checks are off/);
    expect(registry.schemaChecks).toBe(false);
    expect(registry.resource(BS_GROUP, 'v1beta1', 'backupschedules')).toBeDefined();
    expect(registry.resource('velero.io', 'v1', 'backups')).toBeDefined();

    const api = await startTestApi({ crdDir: null });
    try {
      const res = await api.call('POST', BS_PATH, { body: backupSchedule('unchecked', {}) });
      expect(res.status).toBe(201);
      const labelled = await api.call('GET', `/apis/velero.io/v1/namespaces/${NS}/backups?labelSelector=${encodeURIComponent(`${LABELS.veleroScheduleName}=x`)}`);
      expect(labelled.status).toBe(200);
    } finally {
      await api.close();
    }
  });
});
