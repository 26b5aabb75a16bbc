// The shell's side of the host protocol (protocol.ts): the web shell and the Electron main process both
// reach the core through this. It looks like the in-process core to its callers (router.handle, onEvent,
// dispose, and a Transport), forwards each call with a request id, relays envelopes and events back, and
// supervises the host: when the thread or process dies, every open call gets a clear Dutch answer, the
// shell hears a 'core.status' event, and 'core.restart' starts a fresh host (its vault locked).
import type { Transport } from '../../shared/contract/client';
import { DEFAULT_MESSAGES, type Envelope } from '../../shared/contract/errors';
import { silentLogger, type Logger } from '../logger';
import { asFromHost, fromJson, toJson, type HostEndpoint, type HostInit } from './protocol';

export const CORE_STOPPED_MESSAGE =
  'De kern van Houvast is onverwacht gestopt. Uw kluis is vergrendeld; wat u had opgeslagen blijft bewaard. Start Houvast opnieuw om verder te werken.';

const STOPPED: Envelope<never> = { ok: false, error: { code: 'INTERNAL', message: CORE_STOPPED_MESSAGE } };

const DISPOSE_GRACE_MS = 15_000;

/** The procedure the renderer calls to start a stopped core again (answered here, not by the core). */
export const RESTART_PROCEDURE = 'core.restart';
/** The event that tells the renderer the core stopped or runs again. */
export const CORE_STATUS_EVENT = 'core.status';

export type HostedCoreState = 'running' | 'stopped' | 'disposed';

export interface HostedCore {
  router: { handle(name: unknown, input: unknown): Promise<Envelope<unknown>> };
  onEvent(listener: (event: string, payload: unknown) => void): () => void;
  /** The same calls as a contract Transport (for createClient). */
  transport: Transport;
  state(): HostedCoreState;
  /** Starts a fresh host after a crash (a running core is left alone). */
  restart(): Promise<void>;
  /** Locks and closes the vault in the host, then ends it. */
  dispose(): Promise<void>;
}

export interface HostedCoreOptions {
  /** Starts the thread or process that runs core-host.ts (called again on restart). */
  spawn: () => HostEndpoint;
  init: HostInit;
  logger?: Logger;
}

interface Host {
  endpoint: HostEndpoint;
  exited: boolean;
  ready: Promise<void>;
}

export async function startHostedCore(options: HostedCoreOptions): Promise<HostedCore> {
  const logger = options.logger ?? silentLogger;
  const listeners = new Set<(event: string, payload: unknown) => void>();
  const pending = new Map<number, (env: Envelope<unknown>) => void>();
  let nextId = 1;
  let state: HostedCoreState = 'running';
  let host: Host;
  let restarting: Promise<void> | null = null;
  let disposing: Promise<void> | null = null;
  let disposedSignal: (() => void) | null = null;

  const emit = (event: string, payload: unknown) => {
    for (const listener of [...listeners]) {
      try {
        listener(event, payload);
      } catch (err) {
        logger.warn('host.listener_failed', { event, error: err });
      }
    }
  };

  const failPending = (env: Envelope<unknown>) => {
    for (const resolve of pending.values()) resolve(env);
    pending.clear();
  };

  function launch(): Host {
    const endpoint = options.spawn();
    const current: Host = { endpoint, exited: false, ready: Promise.resolve() };
    current.ready = new Promise<void>((resolve, reject) => {
      endpoint.onMessage((raw) => {
        const msg = asFromHost(raw);
        if (!msg) return;
        switch (msg.type) {
          case 'ready':
            return resolve();
          case 'init_failed':
            return reject(new Error(msg.message));
          case 'result': {
            const done = pending.get(msg.id);
            if (!done) return;
            pending.delete(msg.id);
            let env: Envelope<unknown>;
            try {
              env = fromJson(msg.envelope) as Envelope<unknown>;
            } catch {
              env = { ok: false, error: { code: 'INTERNAL', message: DEFAULT_MESSAGES.INTERNAL } };
            }
            return done(env);
          }
          case 'event': {
            let payload: unknown;
            try {
              payload = fromJson(msg.payload);
            } catch {
              return;
            }
            return emit(msg.event, payload);
          }
          case 'disposed':
            return disposedSignal?.();
        }
      });
      endpoint.onExit((code) => {
        current.exited = true;
        reject(new Error('De kern van Houvast kon niet starten.'));
        disposedSignal?.();
        if (host !== current || state !== 'running') return;
        // Unexpected: the keys died with the host, so the vault is locked; tell every caller and the shell.
        logger.error('host.exited', { code });
        state = 'stopped';
        failPending(STOPPED);
        emit(CORE_STATUS_EVENT, { state: 'stopped' });
      });
    });
    endpoint.post({ type: 'init', init: options.init });
    return current;
  }

  host = launch();
  try {
    await host.ready;
  } catch (err) {
    host.endpoint.kill();
    throw err;
  }

  async function restart(): Promise<void> {
    if (state !== 'stopped') return;
    restarting ??= (async () => {
      const next = launch();
      host = next;
      try {
        await next.ready;
        state = 'running';
        emit(CORE_STATUS_EVENT, { state: 'running' });
      } catch (err) {
        next.endpoint.kill();
        throw err;
      } finally {
        restarting = null;
      }
    })();
    return restarting;
  }

  async function handle(name: unknown, input: unknown): Promise<Envelope<unknown>> {
    if (name === RESTART_PROCEDURE && state === 'stopped') {
      try {
        await restart();
        return { ok: true, value: { restarted: true } };
      } catch {
        return STOPPED;
      }
    }
    if (state === 'disposed') return { ok: false, error: { code: 'INTERNAL', message: DEFAULT_MESSAGES.INTERNAL } };
    if (state === 'stopped') return STOPPED;
    let wireInput: string | null;
    try {
      wireInput = toJson(input);
    } catch {
      // Not serialisable (a cycle, a BigInt): a real wire could not carry it either.
      return { ok: false, error: { code: 'VALIDATION', message: DEFAULT_MESSAGES.VALIDATION } };
    }
    const id = nextId++;
    return new Promise<Envelope<unknown>>((resolve) => {
      pending.set(id, resolve);
      host.endpoint.post({ type: 'call', id, name: typeof name === 'string' ? name : String(name), input: wireInput });
    });
  }

  const onEvent = (listener: (event: string, payload: unknown) => void) => {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  };

  return {
    router: { handle },
    onEvent,
    transport: {
      invoke: (name, input) => handle(name, input),
      on: (event, listener) => onEvent((name, payload) => name === event && listener(payload)),
    },
    state: () => state,
    restart,
    dispose() {
      disposing ??= (async () => {
        const wasRunning = state === 'running';
        state = 'disposed';
        const current = host;
        if (wasRunning && !current.exited) {
          // A host stuck in long work gets a while to finish, then it is ended (the vault is crash-safe).
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, DISPOSE_GRACE_MS);
            disposedSignal = () => {
              clearTimeout(timer);
              resolve();
            };
            current.endpoint.post({ type: 'dispose' });
          });
        }
        disposedSignal = null;
        failPending({ ok: false, error: { code: 'INTERNAL', message: DEFAULT_MESSAGES.INTERNAL } });
        if (!current.exited) current.endpoint.kill();
        listeners.clear();
      })();
      return disposing;
    },
  };
}
