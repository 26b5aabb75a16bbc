// Starts the core in a worker_threads Worker (the web shell; tests of the protocol): the server's event
// loop stays free while the core derives keys, renders PDFs, imports or backs up. It lives in the web shell
// because its boot file registers tsx (the shell runs from TypeScript sources); the core knows nothing of tsx.
import { Worker } from 'node:worker_threads';
import type { Logger } from '../core/logger';
import { startHostedCore, type HostedCore } from '../core/host/core-client';
import type { HostEndpoint, HostInit } from '../core/host/protocol';

const BOOT = new URL('./worker-boot.mjs', import.meta.url);
const ENTRY = new URL('../core/host/worker-entry.ts', import.meta.url).href;

export function spawnCoreWorker(): HostEndpoint {
  const worker = new Worker(BOOT, { workerData: { entry: ENTRY } });
  // An error inside the worker ends it; 'exit' reports that to the supervisor.
  worker.on('error', () => undefined);
  return {
    post: (message) => worker.postMessage(message),
    onMessage: (listener) => void worker.on('message', listener),
    onExit: (listener) => void worker.once('exit', (code) => listener(code)),
    kill: () => void worker.terminate(),
  };
}

export function startCoreWorker(init: HostInit, logger?: Logger): Promise<HostedCore> {
  return startHostedCore({ spawn: spawnCoreWorker, init, ...(logger ? { logger } : {}) });
}
