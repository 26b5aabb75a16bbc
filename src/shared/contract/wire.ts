// Wire format of the web shell's WebSocket (the Electron shell uses ipcRenderer.invoke instead).
// Client -> server: { id, name, input }. Server -> client: { id, envelope } or { event, payload }.
import type { Envelope } from './errors';

export interface WireRequest {
  id: number;
  name: string;
  input: unknown;
}
export type WireMessage = { id: number; envelope: Envelope<unknown> } | { event: string; payload: unknown };

/** Path of the WebSocket endpoint on the web shell's own origin; the token goes in ?token=. */
export const WS_PATH = '/rpc';

/**
 * The browser tab's own random session id goes in ?session=. The first client that presents the token binds
 * it to its session; any other client (another tab, another local process that saw the URL) is refused,
 * while a reload of the same tab (sessionStorage survives it) reconnects.
 */
export const WS_SESSION_PARAM = 'session';
export const WS_SESSION_PATTERN = /^[A-Za-z0-9_-]{22,128}$/;
