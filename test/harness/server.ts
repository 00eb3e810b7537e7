import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import * as path from 'node:path';
import type { Duplex } from 'node:stream';

/**
 * The console's server, as far as a plugin can tell: the page with `window.SERVER_FLAGS`, the
 * plugin's files under `/api/plugins/<name>/`, its translations through `/locales/resource.json`,
 * and `/api/kubernetes/*` proxied (HTTP and WebSocket) to an API server, with the console's CSRF
 * double-submit check on mutating requests.
 */
export const PLUGIN_NAME = 'acm-business-continuity';
export const CSRF_COOKIE = 'csrf-token';
export const USER_COOKIE = 'harness-user';
/** The simulator's users: the token is the user's name. */
export const SIMULATOR_USERS = ['admin', 'viewer'];

export type ApiTarget = {
  url: string;
  /** The simulator knows users by bearer token; a real API behind `kubectl proxy` brings its own credentials. */
  userTokens: boolean;
};

export type HarnessServerOptions = {
  /** 0 picks a free port. */
  port: number;
  host?: string;
  api: ApiTarget;
  /** The built plugin (`dist/` or the development build). */
  pluginDist: string;
  /** The built harness page. */
  appDist: string;
  scenario?: string;
  log?: (line: string) => void;
};

export type HarnessServer = { url: string; port: number; close(): Promise<void> };

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'application/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export const parseCookies = (header: string | undefined): Record<string, string> =>
  Object.fromEntries(
    (header ?? '')
      .split(';')
      .map((c) => c.trim())
      .filter(Boolean)
      .map((c) => {
        const i = c.indexOf('=');
        return i < 0 ? [c, ''] : [c.slice(0, i), decodeURIComponent(c.slice(i + 1))];
      }),
  );

/** The user the page is logged in as (first known user when the cookie names none). */
const userOf = (req: http.IncomingMessage): string => {
  const user = parseCookies(req.headers.cookie)[USER_COOKIE];
  return user && SIMULATOR_USERS.includes(user) ? user : SIMULATOR_USERS[0];
};

const sameOrigin = (source: string | undefined, host: string | undefined) => {
  if (!source || !host) return false;
  try {
    return new URL(source).host === host;
  } catch {
    return false;
  }
};

/** Why the console's CSRF check would refuse this request, or undefined when it passes. */
export const csrfRefusal = (req: http.IncomingMessage): string | undefined => {
  if (!MUTATING.has(req.method ?? 'GET')) return undefined;
  const source = req.headers.origin ?? req.headers.referer;
  if (!sameOrigin(source, req.headers.host)) return 'invalid Origin or Referer';
  const cookie = Buffer.from(parseCookies(req.headers.cookie)[CSRF_COOKIE] ?? '');
  const header = Buffer.from(String(req.headers['x-csrftoken'] ?? ''));
  if (cookie.length === 0 || cookie.length !== header.length || !crypto.timingSafeEqual(cookie, header)) return 'invalid CSRFToken';
  return undefined;
};

const sendJSON = (res: http.ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
};

const sendStatus = (res: http.ServerResponse, code: number, reason: string, message: string) =>
  sendJSON(res, code, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code });

/** A file below `root`, or undefined for anything else (missing, a directory, or outside `root`). */
const fileBelow = (root: string, relative: string): string | undefined => {
  const file = path.resolve(root, `.${path.posix.normalize(`/${relative}`)}`);
  if (!file.startsWith(path.resolve(root) + path.sep)) return undefined;
  return fs.existsSync(file) && fs.statSync(file).isFile() ? file : undefined;
};

const sendFile = (res: http.ServerResponse, file: string | undefined) => {
  if (!file) {
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end('not found');
    return;
  }
  // Builds change under a running harness: never let the browser keep an old file.
  res.writeHead(200, { 'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
  fs.createReadStream(file).pipe(res);
};

const indexHtml = (opts: HarnessServerOptions) => {
  const serverFlags = {
    basePath: '/',
    consolePlugins: [PLUGIN_NAME],
    i18nNamespaces: [`plugin__${PLUGIN_NAME}`],
    releaseVersion: '4.19.0',
    consoleVersion: 'harness',
    kubeAPIServerURL: opts.api.url,
    loadTestFactor: 1,
    GOARCH: 'amd64',
    GOOS: 'linux',
    userSettingsLocation: 'localstorage',
  };
  const harness = {
    users: opts.api.userTokens ? SIMULATOR_USERS : [],
    api: opts.api.userTokens ? 'simulator' : opts.api.url,
    scenario: opts.scenario,
  };
  const json = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Console harness</title>
    <script>window.SERVER_FLAGS = ${json(serverFlags)}; window.HARNESS = ${json(harness)};</script>
    <script defer src="/static/harness.js"></script>
  </head>
  <body>
    <div id="app"></div>
  </body>
</html>
`;
};

/** Request headers for the API: no browser cookies or CSRF token, the user's token for the simulator. */
const apiHeaders = (req: http.IncomingMessage, api: ApiTarget, target: URL): http.OutgoingHttpHeaders => {
  const headers: http.OutgoingHttpHeaders = { ...req.headers, host: target.host };
  delete headers.cookie;
  delete headers['x-csrftoken'];
  delete headers.authorization;
  if (api.userTokens) headers.authorization = `Bearer ${userOf(req)}`;
  return headers;
};

const targetPath = (target: URL, url: string) => `${target.pathname.replace(/\/$/, '')}${url.slice('/api/kubernetes'.length) || '/'}`;

const requestFor = (target: URL) => (target.protocol === 'https:' ? https.request : http.request);

export const startHarnessServer = async (opts: HarnessServerOptions): Promise<HarnessServer> => {
  const log = opts.log ?? (() => undefined);
  const target = new URL(opts.api.url);
  const request = requestFor(target);
  const upgraded = new Set<Duplex>();

  const proxy = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const refusal = csrfRefusal(req);
    if (refusal) {
      sendJSON(res, 403, { error: refusal });
      return;
    }
    const upstream = request(
      {
        protocol: target.protocol,
        hostname: target.hostname,
        port: target.port,
        method: req.method,
        path: targetPath(target, req.url ?? '/'),
        headers: apiHeaders(req, opts.api, target),
        rejectUnauthorized: false,
      },
      (answer) => {
        const headers = { ...answer.headers };
        delete headers.connection;
        res.writeHead(answer.statusCode ?? 502, headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', (e) => {
      log(`proxy: ${req.method} ${req.url}: ${e.message}`);
      if (!res.headersSent) sendStatus(res, 502, 'ServiceUnavailable', `The API server at ${opts.api.url} did not answer: ${e.message}`);
      else res.destroy();
    });
    req.pipe(upstream);
  };

  const serveLocales = (url: URL, res: http.ServerResponse) => {
    const lng = url.searchParams.get('lng') ?? '';
    const ns = url.searchParams.get('ns') ?? '';
    if (ns !== `plugin__${PLUGIN_NAME}` || !/^[A-Za-z-]+$/.test(lng)) {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found');
      return;
    }
    sendFile(res, fileBelow(opts.pluginDist, `locales/${lng}/${ns}.json`));
  };

  const handle = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://harness');
    const { pathname } = url;
    if (pathname.startsWith('/api/kubernetes/')) return proxy(req, res);
    const pluginPrefix = `/api/plugins/${PLUGIN_NAME}/`;
    if (pathname.startsWith(pluginPrefix)) return sendFile(res, fileBelow(opts.pluginDist, decodeURIComponent(pathname.slice(pluginPrefix.length))));
    if (pathname === '/locales/resource.json') return serveLocales(url, res);
    if (pathname.startsWith('/static/')) return sendFile(res, fileBelow(opts.appDist, decodeURIComponent(pathname.slice('/static/'.length))));
    if (pathname.startsWith('/api/') || req.method !== 'GET') {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found');
      return;
    }
    // Every other address is a page of the single-page app.
    const cookies = parseCookies(req.headers.cookie);
    const setCookies = [];
    if (!cookies[CSRF_COOKIE]) setCookies.push(`${CSRF_COOKIE}=${crypto.randomBytes(32).toString('base64url')}; Path=/; SameSite=Strict`);
    res.writeHead(200, { 'Content-Type': CONTENT_TYPES['.html'], 'Cache-Control': 'no-store', ...(setCookies.length ? { 'Set-Cookie': setCookies } : {}) });
    res.end(indexHtml(opts));
  };

  /** Watches: the browser's upgrade is replayed to the API server and the two sockets are joined. */
  const upgrade = (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    const refuse = (status: string) => {
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    };
    if (!(req.url ?? '').startsWith('/api/kubernetes/')) return refuse('404 Not Found');
    // As the console: a websocket from another origin is refused.
    if (!sameOrigin(req.headers.origin, req.headers.host)) return refuse('403 Forbidden');
    const headers = apiHeaders(req, opts.api, target);
    // The API server refuses a websocket without Origin: present the proxy's own.
    headers.origin = target.origin;
    const upstream = request({
      protocol: target.protocol,
      hostname: target.hostname,
      port: target.port,
      method: 'GET',
      path: targetPath(target, req.url ?? '/'),
      headers,
      rejectUnauthorized: false,
    });
    const rawHeaders = (raw: string[]) => raw.reduce((lines, value, i) => (i % 2 ? `${lines}${raw[i - 1]}: ${value}\r\n` : lines), '');
    upstream.on('upgrade', (answer, apiSocket, apiHead) => {
      socket.write(`HTTP/1.1 101 Switching Protocols\r\n${rawHeaders(answer.rawHeaders)}\r\n`);
      if (apiHead.length) socket.write(apiHead);
      if (head.length) apiSocket.write(head);
      upgraded.add(socket);
      upgraded.add(apiSocket);
      const end = () => {
        socket.destroy();
        apiSocket.destroy();
        upgraded.delete(socket);
        upgraded.delete(apiSocket);
      };
      apiSocket.on('error', end).on('close', end);
      socket.on('error', end).on('close', end);
      apiSocket.pipe(socket);
      socket.pipe(apiSocket);
    });
    upstream.on('response', (answer) => {
      // Not upgraded (403, 404, 410 …): hand the API's answer to the browser as it is.
      socket.write(`HTTP/1.1 ${answer.statusCode} ${answer.statusMessage}\r\n${rawHeaders(answer.rawHeaders)}\r\n`);
      answer.pipe(socket);
    });
    upstream.on('error', (e) => {
      log(`proxy: websocket ${req.url}: ${e.message}`);
      refuse('502 Bad Gateway');
    });
    socket.on('error', () => upstream.destroy());
    upstream.end();
  };

  const server = http.createServer((req, res) => {
    try {
      handle(req, res);
    } catch (e) {
      // A malformed address (bad percent-encoding) must not bring the harness down.
      log(`harness: ${req.method} ${req.url}: ${(e as Error).message}`);
      if (!res.headersSent) res.writeHead(400, { 'Content-Type': 'text/plain' });
      res.end('bad request');
    }
  });
  server.on('upgrade', upgrade);
  server.on('clientError', (_e, socket: Socket) => socket.destroy());

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = opts.host && opts.host !== '0.0.0.0' && opts.host !== '::' ? opts.host : 'localhost';
  return {
    url: `http://${host === '127.0.0.1' ? 'localhost' : host}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        upgraded.forEach((s) => s.destroy());
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
};
