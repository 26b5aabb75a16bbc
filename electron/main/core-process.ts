// The core in Electron's utilityProcess (issue 10 §2): main forks electron/core-host/index.ts and talks to it
// through the host protocol (src/core/host). This is the only Electron-specific part; the protocol, the host
// and the supervision (crash answers, restart) are plain Node and tested with a worker thread.
import type { HostEndpoint } from '../../src/core/host/protocol';

/** The parts of Electron's UtilityProcess the endpoint uses. */
export interface UtilityProcessLike {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  once(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
}

/** Built next to the main bundle (electron.vite.config.ts: the main build's second entry). */
export const CORE_HOST_FILE = 'core-host.js';

export function utilityProcessEndpoint(child: UtilityProcessLike): HostEndpoint {
  return {
    post: (message) => child.postMessage(message),
    onMessage: (listener) => void child.on('message', listener),
    onExit: (listener) => void child.once('exit', (code) => listener(code)),
    kill: () => void child.kill(),
  };
}
