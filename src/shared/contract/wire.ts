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
