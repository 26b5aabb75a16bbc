// The loopback web shell: serves the harness build of the renderer and carries the contract over a
// WebSocket on the same origin. For development and browser tests only; it binds to 127.0.0.1, and the
// socket needs the per-start random token and our own Origin, so other sites and local users' browsers
// cannot drive the core.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, promises as fsp } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { DEFAULT_MESSAGES, type Envelope } from '../shared/contract/errors';
import { WS_PATH, WS_SESSION_PARAM, WS_SESSION_PATTERN, type WireMessage } from '../shared/contract/wire';
import { contentSecurityPolicy, contentTypeFor } from '../shared/web-policy';
import { silentLogger, type Logger } from '../core/logger';

/** What the web shell needs of the core: the hosted core in a worker (src/core/host) or, in tests, the in-process Core. */
export interface WebCore {
  router: { handle(name: unknown, input: unknown): Promise<Envelope<unknown>> };
  onEvent(listener: (event: string, payload: unknown) => void): () => void;
}

export interface WebServerOptions {
  core: WebCore;
  /** The harness build of the renderer (out/harness). */
  staticDir: string;
  /** Only loopback is allowed: the shell has no TLS and no user accounts. */
  host?: '127.0.0.1';
  /** 0 picks a free port. */
  port?: number;
  logger?: Logger;
}

export interface WebServer {
  /** http://127.0.0.1:PORT/#token=TOKEN (the hash never reaches a server log or a Referer). */
  url: string;
  origin: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/** Large enough for an interchange import of a big household; small enough to bound memory. */
const MAX_MESSAGE_BYTES = 32 * 1024 * 1024;


/** The renderer's CSP (ENGINEERING.md §9 #7) plus only this server's own WebSocket. */
export function harnessCsp(port: number): string {
  return contentSecurityPolicy([`ws://127.0.0.1:${port}`]);
}

export function securityHeaders(port: number): Record<string, string> {
  return {
    'Content-Security-Policy': harnessCsp(port),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
    // Not part of the CSP string (kept identical to the Electron one); framing and cross-origin
    // embedding are refused with their own headers.
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}

/**
 * Maps a request path to a file inside rootDir, or null when the path is malformed or escapes it
 * (`..`, encoded `%2e%2e`, backslashes, NUL, absolute paths). Pure: the caller still checks symlinks.
 */
export function resolveStaticPath(rootDir: string, requestPath: string): string | null {
  const root = path.resolve(rootDir);
  const qIndex = requestPath.search(/[?#]/);
  const rawPath = qIndex === -1 ? requestPath : requestPath.slice(0, qIndex);
  if (!rawPath.startsWith('/')) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/');
  if (segments.some((s) => s === '..' || s === '.')) return null;
  const relative = decoded === '/' || decoded.endsWith('/') ? `${decoded}index.html` : decoded;
  const full = path.resolve(root, `.${relative}`);
  const rel = path.relative(root, full);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return null;
  return full;
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

function tokenMatches(expected: string, given: string | null): boolean {
  if (given === null) return false;
  // Hash both sides so the comparison is constant-time regardless of the given length.
  return timingSafeEqual(sha256(expected), sha256(given));
}

function rejectUpgrade(socket: Duplex, status: number, reason: string): void {
  socket.write(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  socket.destroy();
}

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const { core } = options;
  const logger = options.logger ?? silentLogger;
  const host = options.host ?? '127.0.0.1';
  if (host !== '127.0.0.1') throw new Error('The web shell binds to 127.0.0.1 only.');
  const staticRoot = await fsp.realpath(path.resolve(options.staticDir));
  const token = randomBytes(32).toString('base64url');
  /** Hash of the session the token was first used with: the token is good for that browser tab only. */
  let boundSession: Buffer | null = null;
  let port = 0;
  let origin = '';
  let headers: Record<string, string> = {};

  const server = createServer((req, res) => {
    void serveStatic(req, res).catch((err: unknown) => {
      logger.error('web.static_failed', { error: err });
      if (!res.headersSent) sendText(res, 500, 'Interne fout.');
      else res.destroy();
    });
  });

  function hostAllowed(req: IncomingMessage): boolean {
    // Refuses DNS-rebinding: a page on another name that resolves to 127.0.0.1 sends its own Host.
    return req.headers.host === `127.0.0.1:${port}`;
  }

  function sendText(res: ServerResponse, status: number, text: string): void {
    res.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(text);
  }

  async function serveStatic(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!hostAllowed(req)) return sendText(res, 421, 'Onbekende host.');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return sendText(res, 405, 'Methode niet toegestaan.');
    }
    const file = resolveStaticPath(staticRoot, req.url ?? '/');
    if (file === null) return sendText(res, 400, 'Ongeldig pad.');
    let real: string;
    try {
      real = await fsp.realpath(file);
    } catch {
      return sendText(res, 404, 'Niet gevonden.');
    }
    // A symlink inside the build must not lead outside it either.
    const rel = path.relative(staticRoot, real);
    if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return sendText(res, 404, 'Niet gevonden.');
    const stat = await fsp.stat(real);
    if (!stat.isFile()) return sendText(res, 404, 'Niet gevonden.');
    res.writeHead(200, {
      ...headers,
      'Content-Type': contentTypeFor(real),
      'Content-Length': String(stat.size),
    });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(real).pipe(res);
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    let url: URL;
    try {
      url = new URL(req.url ?? '/', origin);
    } catch {
      return rejectUpgrade(socket, 400, 'Bad Request');
    }
    if (url.pathname !== WS_PATH) return rejectUpgrade(socket, 404, 'Not Found');
    if (!hostAllowed(req)) return rejectUpgrade(socket, 421, 'Misdirected Request');
    if (req.headers.origin !== origin) {
      logger.warn('web.ws_rejected', { reason: 'origin' });
      return rejectUpgrade(socket, 403, 'Forbidden');
    }
    if (!tokenMatches(token, url.searchParams.get('token'))) {
      logger.warn('web.ws_rejected', { reason: 'token' });
      return rejectUpgrade(socket, 401, 'Unauthorized');
    }
    const session = url.searchParams.get(WS_SESSION_PARAM) ?? '';
    if (!WS_SESSION_PATTERN.test(session)) {
      logger.warn('web.ws_rejected', { reason: 'session' });
      return rejectUpgrade(socket, 401, 'Unauthorized');
    }
    if (boundSession === null) boundSession = sha256(session);
    else if (!timingSafeEqual(boundSession, sha256(session))) {
      logger.warn('web.ws_rejected', { reason: 'second_client' });
      return rejectUpgrade(socket, 401, 'Unauthorized');
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  wss.on('connection', (ws: WebSocket) => {
    ws.on('error', (err) => logger.warn('web.ws_error', { error: err }));
    ws.on('message', (data: RawData, isBinary: boolean) => {
      void onMessage(ws, data, isBinary);
    });
  });

  async function onMessage(ws: WebSocket, data: RawData, isBinary: boolean): Promise<void> {
    let msg: unknown;
    try {
      if (isBinary) throw new Error('binary');
      msg = JSON.parse(String(data));
    } catch {
      // Our own client only sends JSON text; anything else is not worth an answer.
      ws.close(1003, 'JSON only');
      return;
    }
    const id = (msg as { id?: unknown } | null)?.id;
    if (typeof msg !== 'object' || msg === null || Array.isArray(msg) || typeof id !== 'number' || !Number.isSafeInteger(id)) {
      ws.close(1008, 'bad request');
      return;
    }
    const { name, input } = msg as { name?: unknown; input?: unknown };
    let envelope: Envelope<unknown>;
    try {
      // The router never throws by design; this only guards against a broken core.
      envelope = await core.router.handle(name, input);
    } catch (err) {
      logger.error('web.router_threw', { error: err });
      envelope = { ok: false, error: { code: 'INTERNAL', message: DEFAULT_MESSAGES.INTERNAL } };
    }
    send(ws, { id, envelope });
  }

  function send(ws: WebSocket, message: WireMessage): void {
    if (ws.readyState !== ws.OPEN) return;
    ws.send(JSON.stringify(message));
  }

  const unsubscribe = core.onEvent((event, payload) => {
    for (const client of wss.clients) send(client, { event, payload });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  headers = securityHeaders(port);
  logger.info('web.listening', { port });

  let closed: Promise<void> | null = null;
  return {
    url: `${origin}/#token=${token}`,
    origin,
    port,
    token,
    close() {
      closed ??= (async () => {
        unsubscribe();
        for (const client of wss.clients) client.terminate();
        await new Promise<void>((resolve) => wss.close(() => resolve()));
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      })();
      return closed;
    },
  };
}
