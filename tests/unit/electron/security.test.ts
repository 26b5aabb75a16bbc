import * as path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  EXTERNAL_URL_ALLOWLIST,
  contentTypeFor,
  createNavigationGuard,
  createWindowOpenHandler,
  isAllowedExternalUrl,
  isAllowedNavigation,
  isAllowedRequest,
  permissionCheckHandler,
  permissionRequestHandler,
  resolveAppUrl,
  validateSender,
} from '../../../electron/main/security';

describe('validateSender (checklist #3)', () => {
  const cases: [string, unknown, boolean][] = [
    ['our top frame', { url: 'app://app/index.html', parent: null }, true],
    ['our top frame, with hash route', { url: 'app://app/index.html#/dossiers', parent: null }, true],
    ['file://', { url: 'file:///home/user/out/renderer/index.html', parent: null }, false],
    ['https://evil', { url: 'https://evil/', parent: null }, false],
    ['http on our host name', { url: 'http://app/index.html', parent: null }, false],
    ['app://app.evil', { url: 'app://app.evil/index.html', parent: null }, false],
    ['app://evil', { url: 'app://evil/index.html', parent: null }, false],
    ['app://app with a port', { url: 'app://app:8080/index.html', parent: null }, false],
    ['app://app with credentials', { url: 'app://user:pw@app/index.html', parent: null }, false],
    ['a sub-frame of our page', { url: 'app://app/index.html', parent: { url: 'app://app/index.html' } }, false],
    ['a frame whose parent is unknown', { url: 'app://app/index.html' }, false],
    ['undefined URL', { url: undefined, parent: null }, false],
    ['empty URL', { url: '', parent: null }, false],
    ['garbage URL', { url: 'not a url', parent: null }, false],
    ['devtools', { url: 'devtools://devtools/bundled/inspector.html', parent: null }, false],
    ['null frame (destroyed)', null, false],
    ['undefined frame', undefined, false],
  ];
  it.each(cases)('%s → %s', (_name, frame, expected) => {
    expect(validateSender(frame as Parameters<typeof validateSender>[0])).toBe(expected);
  });
});

describe('isAllowedRequest (checklist #8: no network)', () => {
  const cases: [string, boolean][] = [
    ['app://app/index.html', true],
    ['app://app/assets/index-abc.js', true],
    ['devtools://devtools/bundled/inspector.html', true],
    ['app://other/index.html', false],
    ['https://example.org/', false],
    ['http://127.0.0.1:3000/', false],
    ['ws://127.0.0.1:1234/rpc', false],
    ['wss://example.org/', false],
    ['file:///etc/passwd', false],
    ['ftp://example.org/', false],
    ['chrome://gpu', false],
    ['javascript:alert(1)', false],
    ['', false],
    ['nonsense', false],
  ];
  it.each(cases)('%s → %s', (url, expected) => {
    expect(isAllowedRequest(url)).toBe(expected);
  });
  it('refuses non-strings', () => {
    expect(isAllowedRequest(undefined)).toBe(false);
    expect(isAllowedRequest(42)).toBe(false);
  });
});

describe('resolveAppUrl (checklist #6)', () => {
  const root = path.resolve('/srv/houvast/out/renderer');
  const inside = (...p: string[]) => path.join(root, ...p);

  it.each([
    ['app://app/', inside('index.html')],
    ['app://app/index.html', inside('index.html')],
    ['app://app/index.html?x=1#/route', inside('index.html')],
    ['app://app/assets/index-abc.js', inside('assets', 'index-abc.js')],
    ['app://app/assets/font%20name.woff2', inside('assets', 'font name.woff2')],
  ])('%s → a file inside the root', (url, expected) => {
    expect(resolveAppUrl(url, root)).toBe(expected);
  });

  it.each([
    'app://app/../../etc/passwd',
    'app://app/assets/../../../etc/passwd',
    'app://app/%2e%2e/%2e%2e/etc/passwd',
    'app://app/%2E%2E/secret',
    'app://app/.%2e/secret',
    'app://app/..%2f..%2fetc%2fpasswd',
    'app://app/..%5c..%5cwindows%5cwin.ini',
    'app://app/assets%2f..%2f..%2fsecret',
    'app://app//etc/passwd',
    'app://app/%2fetc%2fpasswd',
    'app://app/C:/Windows/win.ini',
    'app://app/c%3a%5cwindows',
    'app://app/index.html%00.png',
    'app://app/%E0%A4%A', // malformed escape
    'app://evil/index.html',
    'app://app.evil/index.html',
    'app://app:1234/index.html',
    'app:///etc/passwd',
    'file:///etc/passwd',
    'https://app/index.html',
    '/etc/passwd',
    '',
  ])('%s → null', (url) => {
    expect(resolveAppUrl(url, root)).toBeNull();
  });

  it('never returns a path outside the root for any of a set of tricky inputs', () => {
    const tricky = ['..', '%2e%2e', '.%2E', '%252e%252e', '...', '....//', '%c0%ae%c0%ae'];
    for (const a of tricky) {
      for (const b of tricky) {
        const out = resolveAppUrl(`app://app/${a}/${b}/secret`, root);
        if (out !== null) expect(out.startsWith(root + path.sep)).toBe(true);
      }
    }
  });
});

describe('permission handlers (checklist #9)', () => {
  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen'])(
    'request for %s is denied',
    (permission) => {
      const callback = vi.fn();
      permissionRequestHandler({}, permission, callback);
      expect(callback).toHaveBeenCalledTimes(1);
      expect(callback).toHaveBeenCalledWith(false);
    },
  );
  it('every permission check answers false', () => {
    expect(permissionCheckHandler({}, 'media', 'app://app', {})).toBe(false);
    expect(permissionCheckHandler(null, 'clipboard-sanitized-write', 'app://app', {})).toBe(false);
  });
});

describe('navigation, new windows, openExternal (checklist #5)', () => {
  it('the allowlist is empty by default, so nothing opens externally', () => {
    expect(EXTERNAL_URL_ALLOWLIST).toEqual([]);
    expect(isAllowedExternalUrl('https://www.nibud.nl/')).toBe(false);
  });

  it('openExternal: only exact https entries of an explicit list', () => {
    const list = ['https://www.nibud.nl/', 'https://www.rijksoverheid.nl/onderwerpen/schulden'];
    expect(isAllowedExternalUrl('https://www.nibud.nl/', list)).toBe(true);
    expect(isAllowedExternalUrl('https://www.rijksoverheid.nl/onderwerpen/schulden', list)).toBe(true);
    expect(isAllowedExternalUrl('http://www.nibud.nl/', list)).toBe(false);
    expect(isAllowedExternalUrl('https://www.nibud.nl.evil.com/', list)).toBe(false);
    expect(isAllowedExternalUrl('https://user@www.nibud.nl/', list)).toBe(false);
    expect(isAllowedExternalUrl('https://www.nibud.nl/other', list)).toBe(false);
    expect(isAllowedExternalUrl('file:///etc/passwd', list)).toBe(false);
    expect(isAllowedExternalUrl('javascript:alert(1)', list)).toBe(false);
    expect(isAllowedExternalUrl(undefined, list)).toBe(false);
    // An http entry in the list does not make http allowed.
    expect(isAllowedExternalUrl('http://example.org/', ['http://example.org/'])).toBe(false);
  });

  it('navigation is never allowed, not even within app://app', () => {
    for (const url of ['app://app/index.html', 'https://evil/', 'file:///etc/passwd', 'about:blank']) {
      expect(isAllowedNavigation(url)).toBe(false);
    }
  });

  it('the navigation guard prevents every navigation and opens only allowlisted links externally', () => {
    const open = vi.fn();
    const guard = createNavigationGuard(open, ['https://www.nibud.nl/']);
    for (const url of ['https://evil/', 'app://app/other.html', 'https://www.nibud.nl/']) {
      const event = { preventDefault: vi.fn() };
      guard(event, url);
      expect(event.preventDefault).toHaveBeenCalledTimes(1);
    }
    expect(open).toHaveBeenCalledTimes(1);
    expect(open).toHaveBeenCalledWith('https://www.nibud.nl/');
  });

  it('the default guard opens nothing', () => {
    const open = vi.fn();
    const event = { preventDefault: vi.fn() };
    createNavigationGuard(open)(event, 'https://www.nibud.nl/');
    expect(event.preventDefault).toHaveBeenCalled();
    expect(open).not.toHaveBeenCalled();
  });

  it('the window-open handler always denies', () => {
    const open = vi.fn();
    const handler = createWindowOpenHandler(open, ['https://www.nibud.nl/']);
    expect(handler({ url: 'https://evil/' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'app://app/index.html' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'https://www.nibud.nl/' })).toEqual({ action: 'deny' });
    expect(open).toHaveBeenCalledTimes(1);
  });
});

describe('CSP constant (checklist #7)', () => {
  it('is exactly the policy of the design', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'",
    );
  });
});

describe('contentTypeFor', () => {
  it('knows the renderer asset types and falls back to opaque bytes', () => {
    expect(contentTypeFor('/x/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('/x/a.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('/x/a.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('/x/a.woff2')).toBe('font/woff2');
    expect(contentTypeFor('/x/a.exe')).toBe('application/octet-stream');
  });
});
