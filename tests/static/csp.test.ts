// Checklist #7: the CSP in the built index.html and in the app:// header constant.
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, RESPONSE_SECURITY_HEADERS } from '../../electron/main/security';
import { BUILD_TIMEOUT_MS, OUT, ensureBuilt, read } from './built';

beforeAll(() => ensureBuilt(), BUILD_TIMEOUT_MS);

type Policy = Map<string, string[]>;

export function parsePolicy(text: string): Policy {
  const policy: Policy = new Map();
  for (const part of text.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (!name) continue;
    expect(policy.has(name.toLowerCase()), `duplicate directive ${name}`).toBe(false);
    policy.set(name.toLowerCase(), sources);
  }
  return policy;
}

function assertStrict(text: string) {
  const policy = parsePolicy(text);
  expect(policy.get('default-src')).toEqual(["'none'"]);
  expect(policy.get('object-src')).toEqual(["'none'"]);
  expect(policy.get('base-uri')).toEqual(["'none'"]);
  expect(policy.get('form-action')).toEqual(["'none'"]);
  const script = policy.get('script-src') ?? policy.get('default-src')!;
  expect(script).not.toContain("'unsafe-inline'");
  expect(script).not.toContain("'unsafe-eval'");
  expect(script).not.toContain("'wasm-unsafe-eval'");
  for (const [name, sources] of policy) {
    for (const source of sources) {
      expect(source, `${name} allows everything`).not.toMatch(/^\*$|^\w+:\/\/\*|^\*\./);
      expect(source, `${name} allows eval`).not.toBe("'unsafe-eval'");
      expect(source, `${name} allows a network scheme`).not.toMatch(/^(https?|wss?):$/);
      expect(source, `${name} allows a remote origin`).not.toMatch(/^(https?|wss?):\/\//);
    }
  }
}

function metaPolicies(html: string): string[] {
  const metas = html.match(/<meta\b[^>]*>/gis) ?? [];
  return metas
    .filter((m) => /http-equiv\s*=\s*["']content-security-policy["']/i.test(m))
    .map((m) => (m.match(/content\s*=\s*"([^"]*)"/is) ?? m.match(/content\s*=\s*'([^']*)'/is))?.[1] ?? '')
    .map((c) => c.replace(/\s+/g, ' ').trim());
}

describe('Content-Security-Policy', () => {
  it('the header constant is strict', () => {
    assertStrict(CONTENT_SECURITY_POLICY);
    expect(RESPONSE_SECURITY_HEADERS['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  it('the built main bundle carries every directive of that policy (assembled in src/shared/web-policy.ts)', () => {
    const bundle = read(path.join(OUT, 'main/index.js'));
    // The policy is joined at run time; each directive must be in the bundle as written, and nothing looser.
    for (const directive of CONTENT_SECURITY_POLICY.split('; ')) {
      const literal = directive.startsWith('connect-src') ? "connect-src 'self'" : directive;
      expect(bundle, literal).toContain(literal);
    }
    expect(bundle).not.toMatch(/unsafe-(eval|inline)/);
  });

  it('out/renderer/index.html carries the same policy as a <meta http-equiv>', () => {
    const html = read(path.join(OUT, 'renderer/index.html'));
    const policies = metaPolicies(html);
    expect(policies).toHaveLength(1);
    assertStrict(policies[0]!);
    expect(parsePolicy(policies[0]!)).toEqual(parsePolicy(CONTENT_SECURITY_POLICY));
  });

  it('out/renderer/index.html has no inline script, inline handler or remote script', () => {
    const html = read(path.join(OUT, 'renderer/index.html'));
    for (const tag of html.match(/<script\b[^>]*>[\s\S]*?<\/script>/gi) ?? []) {
      expect(tag, 'inline script').toMatch(/<script\b[^>]*\ssrc=/i);
      expect(tag.replace(/<script\b[^>]*>|<\/script>/gi, '').trim()).toBe('');
      expect(tag).not.toMatch(/src=["']?(https?:)?\/\//i);
    }
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
  });

  it('the checks themselves catch a weak policy', () => {
    expect(() => assertStrict("default-src 'none'; script-src 'self' 'unsafe-inline'")).toThrow();
    expect(() => assertStrict("default-src 'none'; script-src 'self' 'unsafe-eval'")).toThrow();
    expect(() => assertStrict("default-src 'none'; img-src *")).toThrow();
    expect(() => assertStrict("default-src 'none'; connect-src https://api.example.org")).toThrow();
    expect(() => assertStrict("default-src 'self'")).toThrow();
  });
});
