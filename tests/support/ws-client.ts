// Node-side clients for the web shell's WebSocket. The transport is the renderer's own code
// (src/renderer/transport/ws.ts) running on the `ws` package, so the parity tests exercise the exact
// client the browser uses; only the Origin header is added, as a browser would.
import WebSocket from 'ws';
import type { Transport } from '../../src/shared/contract/client';
import { createWsTransport } from '../../src/renderer/transport/ws';
import { WS_PATH } from '../../src/shared/contract/wire';

export interface ClosableTransport extends Transport {
  close(): Promise<void>;
}

export function wsUrl(port: number, token: string): string {
  return `ws://127.0.0.1:${port}${WS_PATH}?token=${encodeURIComponent(token)}`;
}

/** The renderer's WebSocket transport, connected from Node with the given Origin header. */
export function createNodeWsTransport(url: string, origin: string): ClosableTransport {
  let socket: WebSocket | null = null;
  class OriginWebSocket extends WebSocket {
    constructor(address: string) {
      super(address, { origin });
      socket = this;
    }
  }
  const g = globalThis as { WebSocket?: unknown };
  const previous = g.WebSocket;
  g.WebSocket = OriginWebSocket;
  let transport: Transport;
  try {
    transport = createWsTransport(url);
  } finally {
    g.WebSocket = previous;
  }
  return {
    ...transport,
    close: () =>
      new Promise<void>((resolve) => {
        const s = socket;
        if (!s || s.readyState === WebSocket.CLOSED) return resolve();
        s.once('close', () => resolve());
        s.close();
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
