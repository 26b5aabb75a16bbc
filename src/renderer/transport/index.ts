// Picks the transport: the Electron preload bridge when present, else (harness build only) the WebSocket.
import { createClient, type Client } from '../../shared/contract/client';
import { createIpcTransport, type PreloadBridge } from './ipc';

declare global {
  interface Window {
    houvast?: PreloadBridge;
  }
}

declare const __HOUVAST_HARNESS__: boolean;

let client: Client | null = null;

export async function getClient(): Promise<Client> {
  if (client) return client;
  if (window.houvast) {
    client = createClient(createIpcTransport(window.houvast));
  } else if (typeof __HOUVAST_HARNESS__ !== 'undefined' && __HOUVAST_HARNESS__) {
    // Only the harness build defines __HOUVAST_HARNESS__ as true, so the WebSocket code is
    // dropped from the Electron build.
    const { createWsTransport, wsUrlFromLocation, tabSession } = await import('./ws');
    client = createClient(createWsTransport(wsUrlFromLocation(window.location, tabSession(window.sessionStorage))));
  } else {
    throw new Error('Houvast kan geen verbinding maken met de kern.');
  }
  return client;
}
