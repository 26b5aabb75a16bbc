// The message protocol between a shell and the core running in its own thread or process (a worker_threads
// Worker in the web shell, Electron's utilityProcess in the desktop app). Inputs, envelopes and event
// payloads travel as JSON text: the same wire semantics as the in-process transport and the WebSocket
// (no shared references, no Dates or functions slipping through), and one string is cheaper to copy across
// a thread or process boundary than a large object graph.
import type { KdfParams } from '../vault';

/** What the host needs to create the core. Only plain data crosses: no clock, logger or timers. */
export interface HostInit {
  dataDir: string;
  resourcesDir: string;
  version?: string;
  /** Driver build for Electron's ABI (the utility process loads it). */
  nativeBinding?: string;
  /** Argon2id parameters for new wraps; contract tests pass cheap ones. */
  kdf?: KdfParams;
  /** Quiet logging (tests). */
  silent?: boolean;
}

/** Shell -> host. */
export type ToHost =
  | { type: 'init'; init: HostInit }
  | { type: 'call'; id: number; name: string; input: string | null }
  | { type: 'dispose' };

/** Host -> shell. */
export type FromHost =
  | { type: 'ready' }
  | { type: 'init_failed'; message: string }
  | { type: 'result'; id: number; envelope: string }
  | { type: 'event'; event: string; payload: string | null }
  | { type: 'disposed' };

/** One end of the channel, whatever carries it (a worker's parentPort, a utility process's parentPort). */
export interface HostPort {
  post(message: FromHost): void;
  onMessage(listener: (message: unknown) => void): void;
}

/** The shell's handle on a running host (a Worker, a UtilityProcess). */
export interface HostEndpoint {
  post(message: ToHost): void;
  onMessage(listener: (message: unknown) => void): void;
  /** Called once when the thread or process ends, for whatever reason. */
  onExit(listener: (code: number | null) => void): void;
  /** Ends the thread or process at once. */
  kill(): void;
}

export function toJson(value: unknown): string | null {
  return value === undefined ? null : JSON.stringify(value);
}

export function fromJson(text: string | null): unknown {
  return text === null ? undefined : (JSON.parse(text) as unknown);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Narrow guards: the host and the shell are ours, but a malformed message must never throw. */
export function asToHost(v: unknown): ToHost | null {
  if (!isRecord(v)) return null;
  if (v.type === 'init' && isRecord(v.init) && typeof v.init.dataDir === 'string' && typeof v.init.resourcesDir === 'string') {
    return v as unknown as ToHost;
  }
  if (v.type === 'call' && typeof v.id === 'number' && typeof v.name === 'string' && (typeof v.input === 'string' || v.input === null)) {
    return v as unknown as ToHost;
  }
  if (v.type === 'dispose') return { type: 'dispose' };
  return null;
}

export function asFromHost(v: unknown): FromHost | null {
  if (!isRecord(v)) return null;
  switch (v.type) {
    case 'ready':
    case 'disposed':
      return { type: v.type };
    case 'init_failed':
      return typeof v.message === 'string' ? { type: 'init_failed', message: v.message } : null;
    case 'result':
      return typeof v.id === 'number' && typeof v.envelope === 'string' ? (v as unknown as FromHost) : null;
    case 'event':
      return typeof v.event === 'string' && (typeof v.payload === 'string' || v.payload === null) ? (v as unknown as FromHost) : null;
    default:
      return null;
  }
}
