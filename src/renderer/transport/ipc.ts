// Transport over the Electron preload bridge (window.houvast: invoke/on/off only).
import type { Transport } from '../../shared/contract/client';
import type { Envelope } from '../../shared/contract/errors';

export interface PreloadBridge {
  invoke(name: string, input: unknown): Promise<Envelope<unknown>>;
  on(event: string, listener: (payload: unknown) => void): void;
  off(event: string, listener: (payload: unknown) => void): void;
}

export function createIpcTransport(bridge: PreloadBridge): Transport {
  return {
    invoke: (name, input) => bridge.invoke(name, input),
    on(event, listener) {
      bridge.on(event, listener);
      return () => bridge.off(event, listener);
    },
  };
}
