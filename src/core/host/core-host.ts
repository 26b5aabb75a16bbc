// The core's side of the host protocol (protocol.ts): runs inside the worker thread or utility process,
// creates the core on 'init', answers every 'call' with the router's envelope and forwards core events.
// The vault's keys live only here: the shell on the other side sees envelopes and events, never a key.
import { DEFAULT_MESSAGES, type Envelope } from '../../shared/contract/errors';
import { createCore, type Core } from '../app';
import { createAppLogger, silentLogger } from '../logger';
import { asToHost, fromJson, toJson, type HostInit, type HostPort } from './protocol';

export type CoreFactory = (init: HostInit) => Core | Promise<Core>;

export const defaultCoreFactory: CoreFactory = (init) =>
  createCore({
    dataDir: init.dataDir,
    resourcesDir: init.resourcesDir,
    // Redacted, to stderr and the rotating <data>/logs/houvast.log, so support questions can be answered later.
    logger: init.silent ? silentLogger : createAppLogger(init.dataDir),
    ...(init.version ? { version: init.version } : {}),
    ...(init.nativeBinding ? { nativeBinding: init.nativeBinding } : {}),
    ...(init.kdf ? { kdf: init.kdf } : {}),
  });

const INTERNAL: Envelope<never> = { ok: false, error: { code: 'INTERNAL', message: DEFAULT_MESSAGES.INTERNAL } };

/**
 * Serves the core over `port`. `onDisposed` runs after a 'dispose' message has locked and closed the vault
 * (the entry point ends the thread or process there).
 */
export function serveCore(port: HostPort, options: { factory?: CoreFactory; onDisposed?: () => void } = {}): void {
  const factory = options.factory ?? defaultCoreFactory;
  let core: Core | null = null;
  let starting: Promise<Core> | null = null;

  const answer = (id: number, envelope: Envelope<unknown>) => {
    let text: string;
    try {
      text = JSON.stringify(envelope);
    } catch {
      text = JSON.stringify(INTERNAL);
    }
    port.post({ type: 'result', id, envelope: text });
  };

  port.onMessage((raw) => {
    const msg = asToHost(raw);
    if (!msg) return;
    if (msg.type === 'init') {
      if (starting) return;
      starting = Promise.resolve()
        .then(() => factory(msg.init))
        .then((created) => {
          core = created;
          created.onEvent((event, payload) => {
            try {
              port.post({ type: 'event', event, payload: toJson(payload) });
            } catch {
              // An event that cannot be serialised is dropped; the next state change sends a fresh one.
            }
          });
          port.post({ type: 'ready' });
          return created;
        });
      starting.catch(() => {
        // Only the kind of error: a message could hold a path with a client's name in it.
        port.post({ type: 'init_failed', message: 'De kern van Houvast kon niet starten.' });
      });
      return;
    }
    if (msg.type === 'call') {
      const { id, name, input } = msg;
      void (async () => {
        if (!core) return answer(id, INTERNAL);
        let parsed: unknown;
        try {
          parsed = fromJson(input);
        } catch {
          return answer(id, { ok: false, error: { code: 'VALIDATION', message: DEFAULT_MESSAGES.VALIDATION } });
        }
        try {
          // The router never throws by design; this only guards against a broken core.
          answer(id, await core.router.handle(name, parsed));
        } catch {
          answer(id, INTERNAL);
        }
      })();
      return;
    }
    // dispose: lock and close the vault, then let the entry point end the thread or process.
    void (async () => {
      try {
        if (starting) await (await starting.catch(() => null))?.dispose();
      } finally {
        core = null;
        port.post({ type: 'disposed' });
        options.onDisposed?.();
      }
    })();
  });
}
