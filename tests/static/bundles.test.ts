// Static checks on the built bundles (checklist #1, #2, #8): windows only with WINDOW_OPTIONS, no
// network URL literals outside a reviewed allowlist, and a CommonJS preload that needs only electron.
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILD_TIMEOUT_MS, OUT, ensureBuilt, filesUnder, read, rel } from './built';

beforeAll(() => ensureBuilt(), BUILD_TIMEOUT_MS);

/**
 * URL literals that may appear in the bundles because they are never fetched: XML namespaces that
 * React and the DOM need, and the base of React's error-decoder links (text in error messages).
 * Each prefix is a reviewed decision; add new ones only with a reason.
 */
export const URL_LITERAL_ALLOWLIST: readonly string[] = [
  'http://www.w3.org/', // SVG / XLink / MathML / XML namespaces (identifiers, not requests)
  'https://react.dev/errors/', // React production error messages link here; never requested
  'https://reactjs.org/docs/error-decoder.html', // older React error text
  'http://json-schema.org/', // zod's JSON Schema $schema identifiers (z.toJSONSchema); never requested
  'https://json-schema.org/', // same, newer drafts
  'https://github.com/date-fns/', // date-fns error text pointing to its docs; never requested
  'http://[', // zod's URL validator template for IPv6 hosts; a pattern, not a request
];

const BUNDLE_EXTENSIONS = ['.js', '.cjs', '.mjs', '.html', '.css'];

export function networkLiterals(source: string): string[] {
  return [...source.matchAll(/\b(?:https?|wss?):\/\/[^\s"'`)<>\\]*/gi)].map((m) => m[0]);
}

export function disallowedLiterals(source: string, allowlist = URL_LITERAL_ALLOWLIST): string[] {
  return networkLiterals(source).filter((url) => !allowlist.some((prefix) => url.startsWith(prefix)));
}

describe('BrowserWindow construction in out/main', () => {
  it('every new BrowserWindow( uses WINDOW_OPTIONS', () => {
    const files = filesUnder(path.join(OUT, 'main'), ['.js', '.cjs', '.mjs']);
    expect(files.length).toBeGreaterThan(0);
    let count = 0;
    for (const file of files) {
      const source = read(file);
      for (const match of source.matchAll(/new\s+[\w$.]*BrowserWindow\s*\(([^)]*)\)/g)) {
        count++;
        expect(match[1]!.trim(), `${rel(file)}: ${match[0]}`).toMatch(/^WINDOW_OPTIONS(\$\d+)?$/);
      }
      // A BaseWindow/WebContentsView would bypass the constant as well.
      expect(source, rel(file)).not.toMatch(/new\s+[\w$.]*(BaseWindow|BrowserView|WebContentsView)\s*\(/);
    }
    expect(count).toBe(1);
  });

  it('the check recognises a window built with other options', () => {
    const bad = 'const w = new electron.BrowserWindow({ webPreferences: { nodeIntegration: true } })';
    const m = [...bad.matchAll(/new\s+[\w$.]*BrowserWindow\s*\(([^)]*)\)/g)];
    expect(m).toHaveLength(1);
    expect(m[0]![1]!.trim()).not.toMatch(/^WINDOW_OPTIONS(\$\d+)?$/);
  });
});

describe('no network URL literals (checklist #8)', () => {
  it.each(['main', 'preload', 'renderer'])('out/%s has only allowlisted http(s)/ws(s) literals', (dir) => {
    const files = filesUnder(path.join(OUT, dir), BUNDLE_EXTENSIONS);
    expect(files.length).toBeGreaterThan(0);
    const found: string[] = [];
    for (const file of files) for (const url of disallowedLiterals(read(file))) found.push(`${rel(file)}: ${url}`);
    expect(found).toEqual([]);
  });

  it('the scan finds literals it should', () => {
    expect(disallowedLiterals('fetch("https://api.example.org/x"); new WebSocket(`ws://127.0.0.1:1`)')).toEqual([
      'https://api.example.org/x',
      'ws://127.0.0.1:1',
    ]);
    expect(disallowedLiterals('ns="http://www.w3.org/2000/svg"')).toEqual([]);
  });
});

describe('preload bundle (checklist #2)', () => {
  it('is CommonJS and requires nothing but electron (a sandboxed preload cannot load packages)', () => {
    const source = read(path.join(OUT, 'preload/index.cjs'));
    expect(source).not.toMatch(/^\s*import\s/m);
    expect(source).not.toMatch(/^\s*export\s/m);
    const required = [...source.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
    expect(source).toContain('exposeInMainWorld("houvast"');
  });

  it('is small: it does not bundle the contract or zod', () => {
    const source = read(path.join(OUT, 'preload/index.cjs'));
    expect(source.length).toBeLessThan(20_000);
    expect(source).not.toMatch(/\bzod\b|ZodError/);
  });
});
