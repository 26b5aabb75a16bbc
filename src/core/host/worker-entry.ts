// The core inside a worker_threads Worker (web shell): the protocol over the worker's parentPort.
import { parentPort } from 'node:worker_threads';
import { serveCore } from './core-host';

if (!parentPort) throw new Error('core worker: no parentPort');
const port = parentPort;
serveCore(
  {
    post: (message) => port.postMessage(message),
    onMessage: (listener) => void port.on('message', listener),
  },
  // After dispose the thread has nothing left to do: let it end.
  { onDisposed: () => port.close() },
);
