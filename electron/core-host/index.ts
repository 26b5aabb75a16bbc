// Entry of Electron's utility process that runs the core (started by electron/main/core-process.ts). The
// vault's keys live only in this process: main and the renderer see envelopes and events. Everything but
// this adapter is src/core/host, tested in plain Node with a worker thread.
import { serveCore } from '../../src/core/host/core-host';

const port = process.parentPort;
serveCore(
  {
    post: (message) => port.postMessage(message),
    onMessage: (listener) => void port.on('message', (event) => listener(event.data)),
  },
  // After an orderly dispose the vault is locked and closed: end the process.
  { onDisposed: () => process.exit(0) },
);
