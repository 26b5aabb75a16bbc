// The in-process transport: what the CLI and tests use (and what Electron's ipcMain handler amounts to).
// Input and output go through a JSON round trip so it behaves like a real wire: no shared object
// references, no Dates, functions or undefined values slipping through.
import type { Transport } from '../shared/contract/client';
import { DEFAULT_MESSAGES, type Envelope } from '../shared/contract/errors';
import type { Core } from './app';

function roundTrip(value: unknown): unknown {
  if (value === undefined) return undefined;
  return JSON.parse(JSON.stringify(value)) as unknown;
}

export function createInProcessTransport(core: Pick<Core, 'router' | 'onEvent'>): Transport {
  return {
    async invoke(name, input) {
      let wireInput: unknown;
      try {
        wireInput = roundTrip(input);
      } catch {
        // Not serialisable (a cycle, a BigInt): a real wire could not carry it either.
        return { ok: false, error: { code: 'VALIDATION', message: DEFAULT_MESSAGES.VALIDATION } };
      }
      return roundTrip(await core.router.handle(name, wireInput)) as Envelope<unknown>;
    },
    on(event, listener) {
      return core.onEvent((name, payload) => {
        if (name === event) listener(roundTrip(payload));
      });
    },
  };
}
