// Entry of the core's worker thread in the web shell (src/web/core-worker.ts). The web shell runs from
// TypeScript sources through tsx, and a worker does not inherit tsx's module hooks: register them for this
// thread, then load the real entry.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
