// Node-side clients for the web shell's WebSocket. The transport is the renderer's own code
// (src/renderer/transport/ws.ts) running on the `ws` package, so the parity tests exercise the exact
// client the browser uses; only the Origin header is added, as a browser would.
import WebSocket from 'ws';
import type { Transport } from '../../src/shared/contract/client';
import { createWsTransport } from '../../src/renderer/transport/ws';
import { WS_PATH, WS_SESSION_PARAM } from '../../src/shared/contract/wire';

export interface ClosableTransport extends Transport {
  close(): Promise<void>;
}

/** The session id of "the one browser tab" these Node clients stand in for. */
export const TEST_SESSION = 'parity-test-session-0123456789';

export function wsUrl(port: number, token: string, session: string | null = TEST_SESSION): string {
  const base = `ws://127.0.0.1:${port}${WS_PATH}?token=${encodeURIComponent(token)}`;
  return session === null ? base : `${base}&${WS_SESSION_PARAM}=${encodeURIComponent(session)}`;
}

let nextOrigin = '';
let lastSocket: WebSocket | null = null;

/**
 * Stands in for the browser's WebSocket (the renderer's transport uses the global, also for
 * WebSocket.OPEN at call time, so it stays installed): a `ws` socket that sends the Origin a browser
 * would send for the harness page.
 */
class BrowserLikeWebSocket extends WebSocket {
  constructor(address: string) {
    super(address, { origin: nextOrigin });
    lastSocket = this;
  }
}

/** The renderer's WebSocket transport, connected from Node with the given Origin header. */
export function createNodeWsTransport(url: string, origin: string): ClosableTransport {
  (globalThis as { WebSocket?: unknown }).WebSocket = BrowserLikeWebSocket;
  nextOrigin = origin;
  const transport = createWsTransport(url);
  const socket = lastSocket;
  return {
    ...transport,
    close: () =>
      new Promise<void>((resolve) => {
        if (!socket || socket.readyState === WebSocket.CLOSED) return resolve();
        socket.once('close', () => resolve());
        socket.close();
      }),
  };
}

export type UpgradeOutcome = { opened: true; socket: WebSocket } | { opened: false; status: number | null };

/** Attempts a raw connection and reports whether the server accepted it (and with what HTTP status if not). */
export function tryConnect(url: string, headers: Record<string, string> = {}): Promise<UpgradeOutcome> {
  return new Promise((resolve) => {
    const { origin, ...rest } = headers;
    const socket = new WebSocket(url, { ...(origin !== undefined ? { origin } : {}), headers: rest });
    socket.once('open', () => resolve({ opened: true, socket }));
    socket.once('unexpected-response', (_req, res) => {
      resolve({ opened: false, status: res.statusCode ?? null });
      socket.terminate();
    });
    socket.once('error', () => resolve({ opened: false, status: null }));
  });
}

/** Resolves with the close code the server sent. */
export function closeCode(socket: WebSocket): Promise<number> {
  return new Promise((resolve) => socket.once('close', (code) => resolve(code)));
}
