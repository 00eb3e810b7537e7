import { backupSchedule, CBO, describeWithCrds, httpWatch, NS, startTestApi, waitFor, wsWatch, type Body, type TestApi, type WatchClient } from './testing';

const BS_PATH = `/apis/${CBO}/namespaces/${NS}/backupschedules`;

type Transport = 'websocket' | 'http';
const open = (transport: Transport, url: string): Promise<WatchClient> => (transport === 'websocket' ? wsWatch(url) : httpWatch(url));

const summary = (events: Body[]): string[] => events.map((e) => `${e.type} ${e.object.metadata?.name ?? e.object.reason}`);

for (const transport of ['websocket', 'http'] as Transport[]) {
  describeWithCrds(`watch over ${transport}`, () => {
    let api: TestApi;
    const clients: WatchClient[] = [];
    const watch = async (query: string, path = BS_PATH) => {
      const c = await open(transport, `${api.base}${path}?watch=true${query ? `&${query}` : ''}`);
      clients.push(c);
      return c;
    };
    const create = (name: string, labels?: Record<string, string>) => api.call('POST', BS_PATH, { body: backupSchedule(name, undefined, labels) });
    const mergePatch = (name: string, body: unknown) => api.call('PATCH', `${BS_PATH}/${name}`, { body, contentType: 'application/merge-patch+json' });

    beforeEach(async () => {
      api = await startTestApi({ historySize: 20 });
    });
    afterEach(async () => {
      clients.splice(0).forEach((c) => c.close());
      await api.close();
    });

    it('starts with ADDED for existing objects when no resourceVersion is given, then streams changes', async () => {
      await create('one');
      await create('two');
      const w = await watch('');
      await waitFor(() => w.events.length === 2, 3000, 'initial events');
      expect(summary(w.events)).toEqual(['ADDED one', 'ADDED two']);
      await mergePatch('one', { spec: { paused: true } });
      await api.call('DELETE', `${BS_PATH}/two`);
      await waitFor(() => w.events.length === 4, 3000, 'live events');
      expect(summary(w.events.slice(2))).toEqual(['MODIFIED one', 'DELETED two']);
      expect(w.events[2].object.spec.paused).toBe(true);
      expect(w.events[2].object.apiVersion).toBe(CBO);
    });

    it('resumes from a resourceVersion, replaying exactly the later changes', async () => {
      await create('before');
      const listRv = (await api.call('GET', BS_PATH)).body.metadata.resourceVersion;
      await create('after');
      await mergePatch('before', { metadata: { labels: { touched: 'yes' } } });
      await api.call('DELETE', `${BS_PATH}/after`);

      const w = await watch(`resourceVersion=${listRv}`);
      await waitFor(() => w.events.length === 3, 3000, 'replay');
      expect(summary(w.events)).toEqual(['ADDED after', 'MODIFIED before', 'DELETED after']);
      const rvs = w.events.map((e: Body) => Number(e.object.metadata.resourceVersion));
      expect(rvs.every((rv: number, i: number) => rv > Number(listRv) && (i === 0 || rv > rvs[i - 1]))).toBe(true);

      await create('live');
      await waitFor(() => w.events.length === 4, 3000, 'live event');
      expect(summary(w.events)[3]).toBe('ADDED live');
      await new Promise((r) => setTimeout(r, 50));
      expect(w.events).toHaveLength(4);
    });

    it('sends a 410 Expired ERROR for a resourceVersion older than the history, and ends', async () => {
      await create('first');
      const oldRv = (await api.call('GET', BS_PATH)).body.metadata.resourceVersion;
      for (let i = 0; i < 30; i++) await mergePatch('first', { metadata: { annotations: { n: String(i) } } });
      const w = await watch(`resourceVersion=${oldRv}`);
      await w.closed;
      expect(w.events).toHaveLength(1);
      expect(w.events[0].type).toBe('ERROR');
      expect(w.events[0].object).toMatchObject({ kind: 'Status', status: 'Failure', code: 410, reason: 'Expired' });
      expect((w.events[0].object as Body).message).toMatch(/^too old resource version: \d+ \(\d+\)$/);
    });

    it('applies label selectors, sending DELETED when an object stops matching and ADDED when it starts', async () => {
      await create('gold', { tier: 'gold' });
      await create('silver', { tier: 'silver' });
      const w = await watch('labelSelector=tier%3Dgold');
      await waitFor(() => w.events.length === 1, 3000, 'initial');
      expect(summary(w.events)).toEqual(['ADDED gold']);
      await mergePatch('silver', { spec: { paused: true } });
      await mergePatch('gold', { metadata: { labels: { tier: 'bronze' } } });
      await mergePatch('silver', { metadata: { labels: { tier: 'gold' } } });
      await waitFor(() => w.events.length === 3, 3000, 'transitions');
      expect(summary(w.events)).toEqual(['ADDED gold', 'DELETED gold', 'ADDED silver']);
    });

    it('applies field selectors and namespaces', async () => {
      await create('wanted');
      await create('other');
      await api.call('POST', `/apis/${CBO}/namespaces/elsewhere/backupschedules`, { body: { ...backupSchedule('wanted'), metadata: { name: 'wanted' } } });
      const w = await watch('fieldSelector=metadata.name%3Dwanted');
      await waitFor(() => w.events.length === 1, 3000, 'initial');
      await mergePatch('other', { spec: { paused: true } });
      await mergePatch('wanted', { spec: { paused: true } });
      await waitFor(() => w.events.length === 2, 3000, 'change');
      expect(w.events.map((e: Body) => `${e.type} ${e.object.metadata.namespace}/${e.object.metadata.name}`)).toEqual([
        `ADDED ${NS}/wanted`,
        `MODIFIED ${NS}/wanted`,
      ]);
    });

    it('watches cluster-wide across namespaces', async () => {
      const w = await watch('', `/apis/${CBO}/backupschedules`);
      await create('here');
      await api.call('POST', `/apis/${CBO}/namespaces/there/backupschedules`, { body: { ...backupSchedule('there'), metadata: { name: 'there' } } });
      await waitFor(() => w.events.length === 2, 3000, 'events');
      expect(summary(w.events)).toEqual(['ADDED here', 'ADDED there']);
    });
  });
}

describeWithCrds('WebSocket specifics', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('refuses an upgrade without Origin with 403', async () => {
    const err = await wsWatch(`${api.base}${BS_PATH}?watch=true`, { origin: null }).then(
      () => undefined,
      (e: Body) => e,
    );
    expect(err).toBeDefined();
    expect(err.statusCode).toBe(403);
    expect(JSON.parse(err.body)).toMatchObject({ kind: 'Status', code: 403, reason: 'Forbidden' });
  });

  it('speaks the base64 framing when asked and takes a bearer token from the subprotocol', async () => {
    const token = Buffer.from('viewer').toString('base64url');
    const w = await wsWatch(`${api.base}${BS_PATH}?watch=true`, { protocols: [`base64url.bearer.authorization.k8s.io.${token}`, 'base64.binary.k8s.io'] });
    await api.call('POST', BS_PATH, { body: backupSchedule('framed') });
    await waitFor(() => w.events.length === 1, 3000, 'event');
    expect(w.events[0]).toMatchObject({ type: 'ADDED', object: { metadata: { name: 'framed' } } });
    w.close();

    const bad = Buffer.from('nobody').toString('base64url');
    const refused = await wsWatch(`${api.base}${BS_PATH}?watch=true`, { protocols: [`base64url.bearer.authorization.k8s.io.${bad}`] }).catch((e: Body) => e);
    expect(refused.statusCode).toBe(401);
  });

  it('answers an unknown resource with 404 before the handshake', async () => {
    const refused = await wsWatch(`${api.base}/apis/example.com/v1/widgets?watch=true`).catch((e: Body) => e);
    expect(refused.statusCode).toBe(404);
  });
});
