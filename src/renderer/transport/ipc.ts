// Transport over the Electron preload bridge (window.houvast: invoke/on/off only).
import type { Transport } from '../../shared/contract/client';
import type { Envelope } from '../../shared/contract/errors';

export interface PreloadBridge {
  invoke(name: string, input: unknown): Promise<Envelope<unknown>>;
  /** Returns an unsubscribe function: through contextBridge, off() cannot match the copied listener. */
  on(event: string, listener: (payload: unknown) => void): void | (() => void);
  off(event: string, listener: (payload: unknown) => void): void;
}

export function createIpcTransport(bridge: PreloadBridge): Transport {
  return {
    invoke: (name, input) => bridge.invoke(name, input),
    on(event, listener) {
      const unsubscribe = bridge.on(event, listener);
      return typeof unsubscribe === 'function' ? unsubscribe : () => bridge.off(event, listener);
    },
  };
}
