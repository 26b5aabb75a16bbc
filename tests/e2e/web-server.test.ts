// The web shell over real HTTP: security headers, content types, the path-traversal guard and the
// loopback-only binding. The core is irrelevant here (static files only), so a recording stand-in is used;
// the contract over the socket is covered by tests/contract/parity.test.ts with the real core.
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveStaticPath, startWebServer, type WebCore, type WebServer } from '../../src/web/server';

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP/1.1 request, so paths reach the server exactly as written (no client-side normalisation). */
function rawGet(port: number, target: string, host = `127.0.0.1:${port}`, method = 'GET'): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path: target, headers: { Host: host } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('web shell HTTP', () => {
  let root: string;
  let staticDir: string;
  let server: WebServer;
  const broadcasts: ((event: string, payload: unknown) => void)[] = [];
  const core: WebCore = {
    router: { handle: async () => ({ ok: true, value: null }) },
    onEvent(listener) {
      broadcasts.push(listener);
      return () => broadcasts.splice(broadcasts.indexOf(listener), 1);
    },
  };

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'houvast-webhttp-'));
    staticDir = path.join(root, 'harness');
    await mkdir(path.join(staticDir, 'assets'), { recursive: true });
    await writeFile(path.join(staticDir, 'index.html'), '<!doctype html><title>Houvast</title>');
    await writeFile(path.join(staticDir, 'assets', 'app.js'), 'console.log(1)');
    await writeFile(path.join(staticDir, 'assets', 'app.css'), 'body{}');
    await writeFile(path.join(staticDir, 'assets', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    await writeFile(path.join(staticDir, 'assets', 'font.woff2'), 'x');
    await writeFile(path.join(root, 'secret.txt'), 'GEHEIM');
    await symlink(path.join(root, 'secret.txt'), path.join(staticDir, 'assets', 'link.txt'));
    server = await startWebServer({ core, staticDir, host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await server?.close();
    await rm(root, { recursive: true, force: true });
  });

  it('hands out a loopback URL with a 256-bit token in the hash', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/#token=${server.token}`);
    expect(Buffer.from(server.token, 'base64url')).toHaveLength(32);
  });

  it('serves the index with the strict CSP and the other security headers', async () => {
    const res = await rawGet(server.port, '/');
    expect(res.status).toBe(200);
    expect(res.body).toContain('<title>Houvast</title>');
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; " +
        `connect-src 'self' ws://127.0.0.1:${server.port}; object-src 'none'; base-uri 'none'; form-action 'none'`,
    );
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-frame-options']).toBe('DENY');
  });

  it('sends the CSP on errors too', async () => {
    const res = await rawGet(server.port, '/bestaat-niet.js');
    expect(res.status).toBe(404);
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it.each([
    ['/assets/app.js', 'text/javascript; charset=utf-8'],
    ['/assets/app.css', 'text/css; charset=utf-8'],
    ['/assets/logo.svg', 'image/svg+xml'],
    ['/assets/font.woff2', 'font/woff2'],
    ['/index.html?x=1', 'text/html; charset=utf-8'],
  ])('serves %s as %s', async (target, type) => {
    const res = await rawGet(server.port, target);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(type);
  });

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E%2Fsecret.txt',
    '/assets/%2e%2e/%2e%2e/secret.txt',
    '/..%5csecret.txt',
    '/%00index.html',
    '/%zz',
    '//etc/passwd',
    '/assets/link.txt',
    'http://127.0.0.1/../secret.txt',
  ])('never serves a file outside the build for %s', async (target) => {
    const res = await rawGet(server.port, target);
    expect([400, 404]).toContain(res.status);
    expect(res.body).not.toContain('GEHEIM');
    expect(res.body).not.toContain('root:');
  });

  it('refuses other methods and foreign Host headers', async () => {
    expect((await rawGet(server.port, '/', undefined, 'POST')).status).toBe(405);
    expect((await rawGet(server.port, '/', `evil.example:${server.port}`)).status).toBe(421);
    expect((await rawGet(server.port, '/', `localhost:${server.port}`)).status).toBe(421);
  });

  it('listens on 127.0.0.1 only', async () => {
    // Every other local address (here: the IPv6 loopback) must find nothing listening.
    const refused = await new Promise<boolean>((resolve) => {
      const s = connect({ host: '::1', port: server.port });
      s.once('connect', () => {
        s.destroy();
        resolve(false);
      });
      s.once('error', () => resolve(true));
    });
    expect(refused).toBe(true);
    await expect(startWebServer({ core, staticDir, host: '0.0.0.0' as '127.0.0.1' })).rejects.toThrow(/127\.0\.0\.1/);
  });

  it('unsubscribes from core events on close', async () => {
    const other = await startWebServer({ core, staticDir, port: 0 });
    const before = broadcasts.length;
    await other.close();
    expect(broadcasts.length).toBe(before - 1);
  });
});

describe('resolveStaticPath', () => {
  const root = path.resolve('/srv/harness');
  it.each([
    ['/', path.join(root, 'index.html')],
    ['/assets/a.js', path.join(root, 'assets/a.js')],
    ['/assets/', path.join(root, 'assets/index.html')],
    ['/a%20b.js?x#y', path.join(root, 'a b.js')],
  ])('maps %s inside the root', (input, expected) => {
    expect(resolveStaticPath(root, input)).toBe(expected);
  });
  it.each(['/..', '/../x', '/a/../../x', '/%2e%2e/x', '/.%2e/x', '/a\\..\\x', '/%5c..%5cx', '/%00', '/%E0%A4%A', 'x', '', 'http://h/x', '/./x'])(
    'refuses %j',
    (input) => {
      expect(resolveStaticPath(root, input)).toBeNull();
    },
  );
});
