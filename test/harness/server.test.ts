import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { WebSocket, WebSocketServer } from 'ws';
import { startHarnessServer, type HarnessServer } from './server';

/** The harness server's console behaviours: CSRF double-submit, the user's token, what it serves. */
type Seen = { method?: string; url?: string; headers: http.IncomingHttpHeaders; body: string };

const startFakeApi = async () => {
  const seen: Seen[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      seen.push({ method: req.method, url: req.url, headers: req.headers, body });
      res.writeHead(201, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ kind: 'Echo' }));
    });
  });
  const sockets = new WebSocketServer({ server });
  sockets.on('connection', (socket, req) => {
    seen.push({ method: 'WEBSOCKET', url: req.url, headers: req.headers, body: '' });
    socket.send(JSON.stringify({ type: 'ADDED', object: { kind: 'Echo' } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        sockets.clients.forEach((c) => c.terminate());
        sockets.close();
        server.close(() => resolve());
      }),
  };
};

const request = (url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) =>
  new Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
    const req = http.request(url, { method: init.method ?? 'GET', headers: init.headers }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(init.body);
  });

describe('harness server', () => {
  let api: Awaited<ReturnType<typeof startFakeApi>>;
  let harness: HarnessServer;
  let dirs: { plugin: string; app: string };
  const SSAR = '/api/kubernetes/apis/authorization.k8s.io/v1/selfsubjectaccessreviews';

  beforeAll(async () => {
    api = await startFakeApi();
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'harness-server-'));
    dirs = { plugin: path.join(tmp, 'plugin'), app: path.join(tmp, 'app') };
    fs.mkdirSync(path.join(dirs.plugin, 'locales/ja'), { recursive: true });
    fs.mkdirSync(dirs.app);
    fs.writeFileSync(path.join(dirs.plugin, 'plugin-manifest.json'), '{"name":"acm-business-continuity"}');
    fs.writeFileSync(path.join(dirs.plugin, 'locales/ja/plugin__acm-business-continuity.json'), '{"Overview":"概要"}');
    fs.writeFileSync(path.join(tmp, 'secret.txt'), 'outside');
    harness = await startHarnessServer({ port: 0, api: { url: api.url, userTokens: true }, pluginDist: dirs.plugin, appDist: dirs.app });
  });

  afterAll(async () => {
    await harness.close();
    await api.close();
  });

  beforeEach(() => {
    api.seen.length = 0;
  });

  const pageCookies = async () => {
    const page = await request(`${harness.url}/business-continuity/overview`);
    const csrf = String(page.headers['set-cookie']).match(/csrf-token=([^;]+)/)?.[1] as string;
    return { csrf, page };
  };

  test('serves the page with SERVER_FLAGS and a csrf-token cookie', async () => {
    const { csrf, page } = await pageCookies();
    expect(page.status).toBe(200);
    expect(page.body).toContain('"consolePlugins":["acm-business-continuity"]');
    expect(page.body).toContain('"basePath":"/"');
    expect(csrf).toMatch(/^[\w-]{20,}$/);
  });

  test('refuses a mutating request without the CSRF double-submit, and forwards nothing', async () => {
    const origin = harness.url;
    const noToken = await request(`${harness.url}${SSAR}`, { method: 'POST', headers: { Origin: origin }, body: '{}' });
    const mismatch = await request(`${harness.url}${SSAR}`, {
      method: 'POST',
      headers: { Origin: origin, Cookie: 'csrf-token=abc', 'X-CSRFToken': 'abd' },
      body: '{}',
    });
    const otherOrigin = await request(`${harness.url}${SSAR}`, {
      method: 'POST',
      headers: { Origin: 'http://evil.example', Cookie: 'csrf-token=abc', 'X-CSRFToken': 'abc' },
      body: '{}',
    });
    expect([noToken.status, mismatch.status, otherOrigin.status]).toEqual([403, 403, 403]);
    expect(JSON.parse(noToken.body)).toEqual({ error: 'invalid CSRFToken' });
    expect(JSON.parse(otherOrigin.body)).toEqual({ error: 'invalid Origin or Referer' });
    expect(api.seen).toEqual([]);
  });

  test('forwards a mutating request with the double-submit, as the cookie user, without browser cookies', async () => {
    const { csrf } = await pageCookies();
    const answer = await request(`${harness.url}${SSAR}`, {
      method: 'POST',
      headers: { Origin: harness.url, Cookie: `csrf-token=${csrf}; harness-user=viewer`, 'X-CSRFToken': csrf, 'Content-Type': 'application/json' },
      body: '{"kind":"SelfSubjectAccessReview"}',
    });
    expect(answer.status).toBe(201);
    expect(api.seen).toHaveLength(1);
    const [forwarded] = api.seen;
    expect(forwarded).toMatchObject({ method: 'POST', url: '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', body: '{"kind":"SelfSubjectAccessReview"}' });
    expect(forwarded.headers.authorization).toBe('Bearer viewer');
    expect(forwarded.headers.cookie).toBeUndefined();
    expect(forwarded.headers['x-csrftoken']).toBeUndefined();
  });

  test('reads need no CSRF token; an unknown user cookie falls back to admin', async () => {
    const answer = await request(`${harness.url}/api/kubernetes/apis?x=1`, { headers: { Cookie: 'harness-user=root' } });
    expect(answer.status).toBe(201);
    expect(api.seen.map((s) => [s.url, s.headers.authorization])).toEqual([['/apis?x=1', 'Bearer admin']]);
  });

  test('proxies watches over WebSocket with the user token and an Origin, and refuses other origins', async () => {
    const url = `${harness.url.replace('http', 'ws')}/api/kubernetes/api/v1/namespaces/ns/secrets?watch=true&resourceVersion=5`;
    const socket = new WebSocket(url, { headers: { Origin: harness.url, Cookie: 'harness-user=viewer' } });
    const first = await new Promise<string>((resolve, reject) => {
      socket.once('message', (data) => resolve(String(data)));
      socket.once('error', reject);
    });
    socket.close();
    expect(JSON.parse(first)).toEqual({ type: 'ADDED', object: { kind: 'Echo' } });
    expect(api.seen.map((s) => [s.method, s.url, s.headers.authorization, s.headers.origin, s.headers.cookie])).toEqual([
      ['WEBSOCKET', '/api/v1/namespaces/ns/secrets?watch=true&resourceVersion=5', 'Bearer viewer', api.url, undefined],
    ]);

    const foreign = new WebSocket(url, { headers: { Origin: 'http://evil.example' } });
    foreign.on('error', () => undefined);
    const refused = await new Promise<string>((resolve) =>
      foreign.once('unexpected-response', (req, res) => {
        req.destroy();
        resolve(String(res.statusCode));
      }),
    );
    expect(refused).toBe('403');
  });

  test('serves the plugin files and its locales, and nothing outside them', async () => {
    const manifest = await request(`${harness.url}/api/plugins/acm-business-continuity/plugin-manifest.json`);
    const missing = await request(`${harness.url}/api/plugins/acm-business-continuity/plugin-entry.js`);
    const outside = await request(`${harness.url}/api/plugins/acm-business-continuity/..%2Fsecret.txt`);
    const otherPlugin = await request(`${harness.url}/api/plugins/other/plugin-manifest.json`);
    const malformed = await request(`${harness.url}/api/plugins/acm-business-continuity/%E0%A4%A`);
    const locales = await request(`${harness.url}/locales/resource.json?lng=ja&ns=plugin__acm-business-continuity`);
    expect([manifest.status, missing.status, outside.status, otherPlugin.status, malformed.status, locales.status]).toEqual([200, 404, 404, 404, 400, 200]);
    expect(JSON.parse(locales.body)).toEqual({ Overview: '概要' });
  });
});

describe('harness server against a real API (kubectl proxy)', () => {
  test('sends no user token: the proxy brings its own credentials', async () => {
    const api = await startFakeApi();
    const harness = await startHarnessServer({ port: 0, api: { url: api.url, userTokens: false }, pluginDist: os.tmpdir(), appDist: os.tmpdir() });
    try {
      await request(`${harness.url}/api/kubernetes/api/v1/namespaces`, { headers: { Cookie: 'harness-user=viewer', Authorization: 'Bearer x' } });
      expect(api.seen.map((s) => s.headers.authorization)).toEqual([undefined]);
    } finally {
      await harness.close();
      await api.close();
    }
  });
});
