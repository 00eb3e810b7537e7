/**
 * The HTTP and WebSocket front of the simulated API server: authentication, fault injection,
 * discovery, the REST verbs and watches (chunked HTTP or WebSocket, as the console uses).
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { K8sObject } from '../../src/k8s/types';
import { ApiError, badRequest, internalError, notFoundPath, serviceUnavailable, unauthorized } from './errors';
import type { Faults } from './faults';
import { authorize, handleResource, parseSelectors, present, resolveResource, type ApiContext, type ResourceRoute } from './handlers';
import { tokenFrom, type User } from './rbac';
import { parseApiPath } from './routes';
import { parseResourceVersion, startWatch, type WatchEvent, type WatchSink } from './watch';

export type ServerContext = ApiContext & { faults: Faults; log: (line: string) => void };

export type ApiServer = {
  server: http.Server;
  /** Open watches right now (both transports). */
  openWatches(): number;
  /** Ends every open watch and the server. */
  close(): Promise<void>;
};

const MAX_BODY_BYTES = 3 * 1024 * 1024;

const JSON_HEADERS = { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private' };

const sendJson = (res: http.ServerResponse, code: number, body: unknown): void => {
  const text = JSON.stringify(body);
  res.writeHead(code, { ...JSON_HEADERS, 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
};

const readBody = (req: http.IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        reject(new ApiError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'Request entity too large: limit is 3145728', reason: 'RequestEntityTooLarge', code: 413 }));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });

const isWatch = (query: URLSearchParams): boolean => {
  const w = query.get('watch');
  return w === 'true' || w === '1';
};

/** Answers a raw upgrade socket with an HTTP error, as the API server does before a handshake. */
const refuseUpgrade = (socket: Duplex, err: ApiError): void => {
  const text = JSON.stringify(err.body);
  const reason = http.STATUS_CODES[err.code] ?? 'Error';
  socket.end(
    `HTTP/1.1 ${err.code} ${reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`,
  );
};

const VERSION_INFO = {
  major: '1',
  minor: '32',
  gitVersion: 'v1.32.5',
  gitCommit: '0000000000000000000000000000000000000000',
  gitTreeState: 'clean',
  buildDate: '2025-01-01T00:00:00Z',
  goVersion: 'go1.23.6',
  compiler: 'gc',
  platform: 'linux/amd64',
};

/** Protocols a WebSocket watch may ask for: the API server's framings, preferred in this order. */
const WS_FRAMINGS = ['base64.binary.k8s.io', 'binary.k8s.io'];

export const createApiServer = (ctx: ServerContext): ApiServer => {
  const watches = new Set<() => void>();

  const userOf = (authorization: string | undefined, protocols: readonly string[] = []): User => {
    const user = ctx.rbac.userFor(tokenFrom(authorization, protocols));
    if (!user) throw unauthorized();
    return user;
  };

  /** Validates a watch request; returns what `startWatch` needs. */
  const prepareWatch = (route: ResourceRoute, query: URLSearchParams, user: User) => {
    const r = resolveResource(ctx.registry, route);
    if (route.name !== undefined || !r.verbs.includes('watch')) throw notFoundPath();
    authorize(ctx.rbac, user, r, { verb: 'watch', namespace: route.namespace });
    const rv = parseResourceVersion(query.get('resourceVersion'));
    if (rv === undefined) throw badRequest(`invalid resource version: ${query.get('resourceVersion')}`);
    const { labels, fields } = parseSelectors(query);
    const timeout = Number(query.get('timeoutSeconds') ?? '0');
    return {
      filter: { kind: r.key, namespace: route.namespace, labels, fields, view: (o: K8sObject) => present(r, o) },
      rv,
      presentObj: (o: K8sObject) => present(r, o),
      timeoutMs: Number.isFinite(timeout) && timeout > 0 ? timeout * 1000 : undefined,
    };
  };

  /** Runs a watch on a sink until either side ends it; `cut` drops the connection abruptly. */
  const runWatch = (prepared: ReturnType<typeof prepareWatch>, sink: WatchSink, cut: () => void): (() => void) => {
    const timers: NodeJS.Timeout[] = [];
    let stopped = false;
    let unsubscribe: () => void = () => undefined;
    const stop = () => {
      if (stopped) return;
      stopped = true;
      unsubscribe();
      timers.forEach(clearTimeout);
      watches.delete(stop);
    };
    watches.add(stop);
    const wrapped: WatchSink = {
      send: (e) => !stopped && sink.send(e),
      end: () => {
        stop();
        sink.end();
      },
    };
    unsubscribe = startWatch(ctx.store, prepared.filter, prepared.rv, prepared.presentObj, wrapped);
    if (stopped) return stop;
    if (prepared.timeoutMs) timers.push(setTimeout(() => wrapped.end(), prepared.timeoutMs));
    const lifetime = ctx.faults.watchLifetimeMs();
    if (lifetime) {
      timers.push(
        setTimeout(() => {
          stop();
          cut();
        }, lifetime),
      );
    }
    return stop;
  };

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://simulator');
    const method = req.method ?? 'GET';
    const path = parseApiPath(url.pathname);
    const watch = method === 'GET' && isWatch(url.searchParams);
    await ctx.faults.delay();
    if (!watch && ctx.faults.shouldFail()) throw serviceUnavailable();
    const user = userOf(req.headers.authorization);
    if (!path) throw notFoundPath();
    if (path.type === 'version') return sendJson(res, 200, VERSION_INFO);
    if (path.type === 'discovery') {
      const doc = ctx.registry.discovery(path.segments);
      if (!doc) throw notFoundPath();
      return sendJson(res, 200, doc);
    }
    if (watch) {
      const prepared = prepareWatch(path, url.searchParams, user);
      res.writeHead(200, { ...JSON_HEADERS, 'Transfer-Encoding': 'chunked' });
      res.flushHeaders();
      const stop = runWatch(
        prepared,
        { send: (e: WatchEvent) => res.write(`${JSON.stringify(e)}\n`), end: () => res.end() },
        () => res.destroy(),
      );
      res.on('close', stop);
      return;
    }
    const body = method === 'GET' ? '' : await readBody(req);
    const out = handleResource(ctx, {
      method,
      route: path,
      query: url.searchParams,
      user,
      contentType: req.headers['content-type'] ?? '',
      body,
    });
    if (method !== 'GET') ctx.log(`${method} ${url.pathname} ${out.code}`);
    sendJson(res, out.code, out.body);
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      const apiErr = err instanceof ApiError ? err : internalError(err);
      if (!(err instanceof ApiError)) ctx.log(`simulator: ${req.method} ${req.url} failed: ${(err as Error).stack ?? err}`);
      else if (req.method !== 'GET' || apiErr.code >= 500) ctx.log(`${req.method} ${req.url} ${apiErr.code} ${apiErr.body.reason}`);
      if (res.headersSent) res.destroy();
      else sendJson(res, apiErr.code, apiErr.body);
    });
  });

  const wss = new WebSocketServer({
    noServer: true,
    handleProtocols: (protocols) => {
      const offered = [...protocols];
      // A browser fails the handshake when it offered protocols and none is chosen.
      return WS_FRAMINGS.find((p) => protocols.has(p)) ?? offered[0] ?? false;
    },
  });

  server.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    const upgrade = async () => {
      const url = new URL(req.url ?? '/', 'http://simulator');
      // The API server refuses WebSocket requests that carry no Origin.
      if (!req.headers.origin) {
        throw new ApiError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'websocket: request origin not allowed', reason: 'Forbidden', code: 403 });
      }
      const path = parseApiPath(url.pathname);
      if (!path || path.type !== 'resource') throw notFoundPath();
      if (!isWatch(url.searchParams)) throw badRequest('only watch requests are served over WebSocket');
      const protocols = (req.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim()).filter(Boolean);
      const user = userOf(req.headers.authorization, protocols);
      const prepared = prepareWatch(path, url.searchParams, user);
      await ctx.faults.delay();
      wss.handleUpgrade(req, socket, head, (ws: WebSocket) => {
        const framing = ws.protocol;
        const sink: WatchSink = {
          send: (e) => {
            if (ws.readyState !== ws.OPEN) return;
            const text = JSON.stringify(e);
            if (framing === 'base64.binary.k8s.io') ws.send(Buffer.from(text).toString('base64'));
            else if (framing === 'binary.k8s.io') ws.send(Buffer.from(text), { binary: true });
            else ws.send(text);
          },
          end: () => ws.close(1000),
        };
        const stop = runWatch(prepared, sink, () => ws.terminate());
        ws.on('close', stop);
        ws.on('error', stop);
      });
    };
    upgrade().catch((err: unknown) => refuseUpgrade(socket, err instanceof ApiError ? err : internalError(err)));
  });

  return {
    server,
    openWatches: () => watches.size,
    close: () =>
      new Promise<void>((resolve) => {
        for (const stop of [...watches]) stop();
        for (const ws of wss.clients) ws.terminate();
        wss.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
};

export type ApiServerOptions = ServerContext & { port?: number; host?: string };

export type RunningApiServer = { url: string; port: number; openWatches(): number; close(): Promise<void> };

/** The API server alone over a given store and registry (no scenario, no operator): for tests. */
export const startApiServer = async (opts: ApiServerOptions): Promise<RunningApiServer> => {
  const api = createApiServer(opts);
  const host = opts.host ?? '127.0.0.1';
  const requested = opts.port ?? 0;
  await new Promise<void>((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) => {
      api.server.off('listening', onListening);
      reject(err.code === 'EADDRINUSE' ? new Error(`port ${requested} on ${host} is busy (another process is listening there)`) : err);
    };
    const onListening = () => {
      api.server.off('error', onError);
      resolve();
    };
    api.server.once('error', onError);
    api.server.once('listening', onListening);
    api.server.listen(requested, host);
  });
  const port = (api.server.address() as AddressInfo).port;
  const displayHost = host.includes(':') ? `[${host}]` : host;
  return { url: `http://${displayHost}:${port}`, port, openWatches: api.openWatches, close: () => api.close() };
};
