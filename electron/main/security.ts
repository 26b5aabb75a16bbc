// Security decisions of the Electron shell as pure functions of URLs and frames, so every rule is
// unit-tested without the Electron binary. index.ts only wires these into Electron's hooks.
// No `electron` import here on purpose.
import * as path from 'node:path';
import { contentSecurityPolicy, contentTypeFor } from '../../src/shared/web-policy';

export { contentTypeFor };

/** Our own scheme and host: the renderer lives at app://app/. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * The Content-Security-Policy sent as a header with every app:// response (and mirrored as a <meta> in
 * index.html). No inline script, no eval, no remote origin of any kind.
 */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

/** Headers on every app:// response besides Content-Type. */
export const RESPONSE_SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
});

function parseUrl(url: unknown): URL | null {
  if (typeof url !== 'string' || url.length === 0) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True for app://app/... exactly: no other host, no port, no credentials. */
export function isAppUrl(url: unknown): boolean {
  const u = parseUrl(url);
  return (
    u !== null &&
    u.protocol === `${APP_SCHEME}:` &&
    u.host === APP_HOST &&
    u.username === '' &&
    u.password === ''
  );
}

/** The part of Electron's WebFrameMain that sender validation looks at. */
export interface FrameLike {
  url?: string | null;
  parent?: unknown;
}

/**
 * IPC sender check: only the top frame of our own app://app page may call the core. A sub-frame
 * (parent !== null), a destroyed frame, a file:// page or any other origin is refused. There is no
 * test-mode bypass.
 */
export function validateSender(frame: FrameLike | null | undefined): boolean {
  if (!frame || typeof frame !== 'object') return false;
  if (frame.parent !== null) return false;
  return isAppUrl(frame.url);
}

/** Schemes the session may load at all. Everything else (http, https, ws, file, ftp, ...) is cancelled. */
export const ALLOWED_REQUEST_SCHEMES: readonly string[] = Object.freeze(['app:', 'devtools:']);

/** Predicate for session.webRequest.onBeforeRequest: the app never talks to a network. */
export function isAllowedRequest(url: unknown): boolean {
  const u = parseUrl(url);
  if (!u || !ALLOWED_REQUEST_SCHEMES.includes(u.protocol)) return false;
  // app: only for our own host, so a crafted app://other/ cannot reach a different resolver.
  return u.protocol === 'devtools:' || isAppUrl(url);
}

/**
 * External links that may be opened in the user's browser. Empty by default: an offline app for
 * sensitive data has no reason to open the web. Entries are exact https URLs.
 */
export const EXTERNAL_URL_ALLOWLIST: readonly string[] = Object.freeze([]);

export function isAllowedExternalUrl(url: unknown, allowlist: readonly string[] = EXTERNAL_URL_ALLOWLIST): boolean {
  const u = parseUrl(url);
  if (!u || u.protocol !== 'https:' || u.username !== '' || u.password !== '') return false;
  return allowlist.some((entry) => {
    const e = parseUrl(entry);
    return e !== null && e.protocol === 'https:' && e.href === u.href;
  });
}

/** Renderer-initiated navigation never leaves the loaded page: the app is a single page. */
export function isAllowedNavigation(_url: unknown): boolean {
  return false;
}

export interface PreventableEvent {
  preventDefault(): void;
}

/**
 * Handler for 'will-navigate', 'will-redirect' and 'will-frame-navigate': always prevents; an
 * allowlisted https URL is handed to the system browser instead.
 */
export function createNavigationGuard(openExternal: (url: string) => void, allowlist = EXTERNAL_URL_ALLOWLIST) {
  return (event: PreventableEvent, url: string): void => {
    if (isAllowedNavigation(url)) return;
    event.preventDefault();
    if (isAllowedExternalUrl(url, allowlist)) openExternal(url);
  };
}

/** Handler for webContents.setWindowOpenHandler: never a new window; allowlisted links go to the browser. */
export function createWindowOpenHandler(openExternal: (url: string) => void, allowlist = EXTERNAL_URL_ALLOWLIST) {
  return (details: { url: string }): { action: 'deny' } => {
    if (isAllowedExternalUrl(details.url, allowlist)) openExternal(details.url);
    return { action: 'deny' };
  };
}

/** session.setPermissionRequestHandler: camera, microphone, notifications, geolocation, ... all denied. */
export function permissionRequestHandler(
  _webContents: unknown,
  _permission: string,
  callback: (granted: boolean) => void,
): void {
  callback(false);
}

/** session.setPermissionCheckHandler: every check answers "not granted". */
export function permissionCheckHandler(..._args: unknown[]): boolean {
  return false;
}

/**
 * Maps an app://app/<path> URL to a file under rootDir, or null. Refuses other schemes and hosts,
 * ports and credentials, `..` segments (also percent-encoded), encoded slashes or backslashes that
 * would smuggle a separator, NUL bytes, drive letters and absolute paths; the result must stay
 * inside rootDir. The root path maps to index.html.
 */
export function resolveAppUrl(url: unknown, rootDir: string): string | null {
  if (!isAppUrl(url)) return null;
  const u = new URL(url as string);
  // The URL parser already removed literal dot segments; a raw '..' or encoded dots left in the
  // input string is a traversal attempt in any case, so refuse it outright.
  const raw = (url as string).split(/[?#]/, 1)[0] ?? '';
  if (/(^|[/\\])\.\.([/\\]|$)/.test(raw.replace(/%2e/gi, '.'))) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  // Exactly one leading slash: '//etc/passwd' is an absolute path in disguise.
  if (!decoded.startsWith('/') || decoded.startsWith('//')) return null;
  const rel = decoded.slice(1) === '' ? 'index.html' : decoded.slice(1);
  const segments = rel.split('/');
  if (segments.some((s) => s === '..' || s === '.')) return null;
  if (/^[a-zA-Z]:/.test(rel) || path.isAbsolute(rel)) return null;
  const root = path.resolve(rootDir);
  const full = path.resolve(root, ...segments);
  if (full !== root && !full.startsWith(root + path.sep)) return null;
  return full;
}

