// Transport over the web shell's loopback WebSocket (development and browser tests only).
import type { Transport } from '../../shared/contract/client';
import type { Envelope } from '../../shared/contract/errors';
import { WS_PATH, WS_SESSION_PARAM, type WireMessage, type WireRequest } from '../../shared/contract/wire';

const DISCONNECTED: Envelope<never> = {
  ok: false,
  error: { code: 'INTERNAL', message: 'De verbinding met Houvast is verbroken. Herlaad de pagina.' },
};

/** WebSocket.OPEN; a literal so the transport also runs with Node's `ws` package in parity tests. */
const OPEN = 1;

type SocketCtor = new (url: string) => WebSocket;

export function createWsTransport(url: string, SocketImpl: SocketCtor = globalThis.WebSocket): Transport {
  let nextId = 1;
  const pending = new Map<number, (env: Envelope<unknown>) => void>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const socket = new SocketImpl(url);
  const opened = new Promise<void>((resolve, reject) => {
    socket.addEventListener('open', () => resolve(), { once: true });
    socket.addEventListener('error', () => reject(new Error('websocket error')), { once: true });
  });
  socket.addEventListener('message', (ev) => {
    const msg = JSON.parse(String(ev.data)) as WireMessage;
    if ('id' in msg) {
      pending.get(msg.id)?.(msg.envelope);
      pending.delete(msg.id);
    } else {
      listeners.get(msg.event)?.forEach((l) => l(msg.payload));
    }
  });
  socket.addEventListener('close', () => {
    for (const resolve of pending.values()) resolve(DISCONNECTED);
    pending.clear();
  });
  return {
    async invoke(name, input) {
      try {
        await opened;
      } catch {
        return DISCONNECTED;
      }
      if (socket.readyState !== OPEN) return DISCONNECTED;
      const id = nextId++;
      const req: WireRequest = { id, name, input };
      return new Promise((resolve) => {
        pending.set(id, resolve);
        socket.send(JSON.stringify(req));
      });
    },
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener);
      return () => set.delete(listener);
    },
  };
}

/** The harness page is opened as http://127.0.0.1:PORT/#token=...; the token authorises the socket. */
export function wsUrlFromLocation(loc: Location, session: string): string {
  const token = new URLSearchParams(loc.hash.replace(/^#/, '')).get('token') ?? '';
  return `ws://${loc.host}${WS_PATH}?token=${encodeURIComponent(token)}&${WS_SESSION_PARAM}=${encodeURIComponent(session)}`;
}

export const TAB_SESSION_KEY = 'houvast.session';

/** This tab's random session id: kept across reloads of the tab, never shared with another tab. */
export function tabSession(storage: Storage): string {
  let session = storage.getItem(TAB_SESSION_KEY);
  if (!session) {
    const bytes = crypto.getRandomValues(new Uint8Array(24));
    session = btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    storage.setItem(TAB_SESSION_KEY, session);
  }
  return session;
}
