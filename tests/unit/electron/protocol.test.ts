// The app:// handler against a real folder: serves the renderer with the CSP header, and a traversal
// never reads a file next to the root.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createAppProtocolHandler } from '../../../electron/main/protocol';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/security';

let base: string;
let root: string;

beforeAll(() => {
  base = mkdtempSync(path.join(tmpdir(), 'houvast-protocol-'));
  root = path.join(base, 'renderer');
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Houvast</title>');
  writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(path.join(base, 'secret.txt'), 'SECRET-MARKER');
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('app:// protocol handler', () => {
  it('serves index.html for the root with the CSP and nosniff headers', async () => {
    const handler = createAppProtocolHandler(root, (f) => readFile(f));
    const res = await handler({ url: 'app://app/', method: 'GET' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await res.text()).toContain('<title>Houvast</title>');
  });

  it('serves assets with their content type', async () => {
    const handler = createAppProtocolHandler(root, (f) => readFile(f));
    const res = await handler({ url: 'app://app/assets/app.js' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await res.text()).toBe('console.log(1)');
  });

  it.each(['app://app/../secret.txt', 'app://app/%2e%2e/secret.txt', 'app://app/..%2fsecret.txt', 'app://evil/secret.txt'])(
    '%s is 404 and the file next to the root is never read',
    async (url) => {
      const read = vi.fn((f: string) => readFile(f));
      const res = await createAppProtocolHandler(root, read)({ url });
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain('SECRET-MARKER');
      for (const [file] of read.mock.calls) expect(file.startsWith(root + path.sep)).toBe(true);
    },
  );

  it('a missing file is 404 with the CSP header', async () => {
    const res = await createAppProtocolHandler(root, (f) => readFile(f))({ url: 'app://app/nope.js' });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('refuses methods other than GET/HEAD', async () => {
    const read = vi.fn((f: string) => readFile(f));
    const res = await createAppProtocolHandler(root, read)({ url: 'app://app/index.html', method: 'POST' });
    expect(res.status).toBe(405);
    expect(read).not.toHaveBeenCalled();
  });
});
