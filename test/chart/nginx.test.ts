/*
 * Runs the chart's real nginx.conf in a real nginx, when one is available (NGINX_BIN, or nginx on
 * PATH; e.g. Debian's package unpacked with `dpkg -x`), and checks what the console would get:
 * TLS on the configured port, content types and cache headers. The paths of the pod (serving
 * cert, dist/, /tmp, mime.types) are mapped to a temporary directory; each mapping must apply,
 * so a path changed in nginx.conf fails here instead of being silently left as it was. As root
 * it runs nginx as nobody with only the /tmp stand-in writable, as in the pod.
 */
import * as fs from 'fs';
import * as https from 'https';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { spawn, spawnSync, type ChildProcess } from 'child_process';

const CONF = path.resolve(__dirname, '../../charts/acm-business-continuity/files/nginx.conf');

const onPath = (cmd: string): string | undefined => {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
};

const nginxBin = process.env.NGINX_BIN || onPath('nginx');
const openssl = onPath('openssl');
const mimeTypes = nginxBin
  ? [process.env.NGINX_MIME_TYPES, path.resolve(path.dirname(nginxBin), '../../etc/nginx/mime.types'), '/etc/nginx/mime.types'].find(
      (f): f is string => !!f && fs.existsSync(f),
    )
  : undefined;
const ready = !!(nginxBin && openssl && mimeTypes);
if (!ready) {
  console.warn('nginx.conf live test skipped: needs nginx (NGINX_BIN or PATH), its mime.types and openssl');
}

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

const get = (port: number, urlPath: string): Promise<Reply> =>
  new Promise((resolve, reject) => {
    const req = https.get({ host: '127.0.0.1', port, path: urlPath, rejectUnauthorized: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
  });

const waitForPort = async (port: number, child: ChildProcess, log: () => string): Promise<void> => {
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}: ${log()}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.destroy();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`nginx did not listen on ${port}: ${log()}`);
};

const ENTRY = 'plugin-entry.4b0f7c5b96046b85d522.min.js';
const CHUNK = '298-chunk-e73100709d0e5e2b4ae7.min.js';
const ASSET = 'assets/0123456789abcdef0123.svg';
const LOCALE = 'locales/ja/plugin__acm-business-continuity.json';

(ready ? describe : describe.skip)('nginx.conf in a real nginx', () => {
  let dir: string;
  let port: number;
  let child: ChildProcess;
  let output = '';

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chart-nginx-'));
    fs.chmodSync(dir, 0o755);
    const html = path.join(dir, 'dist');
    const tls = path.join(dir, 'cert');
    const tmp = path.join(dir, 'tmp');
    for (const d of [html, path.join(html, 'assets'), path.join(html, 'locales', 'ja'), tls, tmp]) fs.mkdirSync(d, { recursive: true, mode: 0o755 });
    fs.writeFileSync(path.join(html, 'plugin-manifest.json'), JSON.stringify({ name: 'acm-business-continuity', loadScripts: [ENTRY] }));
    fs.writeFileSync(path.join(html, ENTRY), 'window.loaded = true;');
    fs.writeFileSync(path.join(html, CHUNK), 'window.chunk = true;');
    fs.writeFileSync(path.join(html, ASSET), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    fs.writeFileSync(path.join(html, LOCALE), JSON.stringify({ Backups: 'バックアップ' }));
    const cert = spawnSync(openssl as string, ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost', '-keyout', path.join(tls, 'tls.key'), '-out', path.join(tls, 'tls.crt')], { encoding: 'utf8' });
    if (cert.status !== 0) throw new Error(cert.stderr);
    fs.chmodSync(path.join(tls, 'tls.key'), 0o644);

    port = await freePort();
    const original = fs.readFileSync(CONF, 'utf8');
    const mapping: [RegExp, string][] = [
      [/\/etc\/nginx\/mime\.types/, mimeTypes as string],
      [/\/var\/serving-cert\//, `${tls}/`],
      [/\/opt\/app-root\/dist;/, `${html};`],
      [/ \/tmp\//, ` ${tmp}/`],
      [/\/dev\/stderr/, path.join(tmp, 'error.log')],
      [/\/dev\/stdout/, path.join(tmp, 'access.log')],
      [/\b9443\b/, String(port)],
    ];
    for (const [from] of mapping) {
      if (!from.test(original)) throw new Error(`nginx.conf no longer contains ${from}: update this test's mapping`);
    }
    // One pass, so that a replacement is never itself replaced again.
    const anyOf = new RegExp(mapping.map(([from]) => `(${from.source})`).join('|'), 'g');
    const conf = original.replace(anyOf, (...groups: string[]) => mapping[groups.slice(1, mapping.length + 1).findIndex((g) => g !== undefined)][1]);
    const confFile = path.join(dir, 'nginx.conf');
    fs.writeFileSync(confFile, conf, { mode: 0o644 });

    const nginxArgs = ['-e', path.join(tmp, 'error.log'), '-c', confFile];
    const setpriv = process.getuid?.() === 0 ? onPath('setpriv') : undefined;
    if (setpriv) fs.chownSync(tmp, 65534, 65534);
    child = setpriv
      ? spawn(setpriv, ['--reuid=65534', '--regid=65534', '--clear-groups', nginxBin as string, ...nginxArgs])
      : spawn(nginxBin as string, nginxArgs);
    child.stdout?.on('data', (d) => (output += d));
    child.stderr?.on('data', (d) => (output += d));
    const errorLog = () => output + (fs.existsSync(path.join(tmp, 'error.log')) ? fs.readFileSync(path.join(tmp, 'error.log'), 'utf8') : '');
    await waitForPort(port, child, errorLog);
  }, 20000);

  afterAll(() => {
    if (child && child.exitCode === null && child.pid) process.kill(child.pid, 'SIGTERM');
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('serves the manifest over TLS as UTF-8 JSON that the browser must revalidate', async () => {
    const r = await get(port, '/plugin-manifest.json');
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(r.headers['cache-control']).toBe('no-cache');
    expect(JSON.parse(r.body).loadScripts).toEqual([ENTRY]);
  });

  it('serves locale files as UTF-8 JSON, revalidated, with their text intact', async () => {
    const r = await get(port, `/${LOCALE}`);
    expect(r.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(r.headers['cache-control']).toBe('no-cache');
    expect(JSON.parse(r.body)).toEqual({ Backups: 'バックアップ' });
  });

  it.each([ENTRY, CHUNK, ASSET])('caches the hashed file %s for good', async (file) => {
    const r = await get(port, `/${file}`);
    expect(r.status).toBe(200);
    expect(r.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('sends scripts as JavaScript', async () => {
    expect((await get(port, `/${ENTRY}`)).headers['content-type']).toMatch(/^application\/javascript\b/);
  });

  it('answers the liveness path and 404 for missing files', async () => {
    expect((await get(port, '/healthz')).status).toBe(200);
    expect((await get(port, '/missing-chunk-0123456789abcdef0123.min.js')).status).toBe(404);
    expect((await get(port, '/nothing-here.json')).status).toBe(404);
  });

  it('writes only inside its /tmp stand-in', () => {
    const pid = fs.readFileSync(path.join(dir, 'tmp', 'nginx.pid'), 'utf8').trim();
    expect(Number(pid)).toBeGreaterThan(0);
    expect(fs.readdirSync(dir).sort()).toEqual(['cert', 'dist', 'nginx.conf', 'tmp']);
  });
});
