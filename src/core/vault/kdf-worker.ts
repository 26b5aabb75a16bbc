// Argon2id in a short-lived worker thread. hash-wasm computes it in WebAssembly memory that it keeps for the
// life of the thread and never zeroes: 64 MiB (the KDF's memory cost) plus the module, ~73 MB of RSS held from
// the first unlock on. In a worker that ends after each derivation the memory goes back to the operating system
// and the passphrase's Argon2 blocks do not stay in the core's address space (issue 10 §1: RSS ≤ 250 MB;
// docs/security.md).
//
// Started from source text (eval) like maintenance-worker.ts, for the same reason: the app is bundled by
// electron-vite and run from sources by vitest and tsx; the module's resolved path is passed in.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { takeSecret } from './secret';

export interface Argon2idJob {
  memoryKiB: number;
  iterations: number;
  parallelism: number;
}

// Plain CommonJS for Node's worker eval.
const WORKER_SOURCE = `
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const { argon2id } = require(workerData.hashWasm);
parentPort.once('message', (job) => {
  const password = new Uint8Array(job.password);
  argon2id({
    password,
    salt: new Uint8Array(job.salt),
    iterations: job.iterations,
    parallelism: job.parallelism,
    memorySize: job.memoryKiB,
    hashLength: 32,
    outputType: 'binary',
  }).then(
    (raw) => {
      password.fill(0);
      const out = new ArrayBuffer(raw.length);
      new Uint8Array(out).set(raw);
      raw.fill(0);
      parentPort.postMessage({ ok: true, kek: out }, [out]);
    },
    (err) => {
      password.fill(0);
      parentPort.postMessage({ ok: false, message: String((err && err.message) || err) });
    },
  );
});
`;

let hashWasmPath: string | null = null;
function resolveHashWasm(): string {
  hashWasmPath ??= createRequire(import.meta.url).resolve('hash-wasm');
  return hashWasmPath;
}

/**
 * Argon2id → 32 bytes, computed in a fresh worker thread that ends with it. The password is copied into a buffer
 * that is moved (not copied) to the worker and wiped there; the caller still owns and wipes its own `password`.
 */
export function argon2idInWorker(password: Uint8Array, salt: Uint8Array, job: Argon2idJob): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const transfer = new ArrayBuffer(password.length);
    new Uint8Array(transfer).set(password);
    let worker: Worker;
    try {
      worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { hashWasm: resolveHashWasm() } });
    } catch (err) {
      new Uint8Array(transfer).fill(0);
      reject(err instanceof Error ? err : new Error(String(err)));
      return;
    }
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      // Still here only when it was never sent.
      if (transfer.byteLength > 0) new Uint8Array(transfer).fill(0);
      fn();
      void worker.terminate();
    };
    worker.once('message', (m: { ok: true; kek: ArrayBuffer } | { ok: false; message: string }) =>
      settle(() => (m.ok ? resolve(takeSecret(new Uint8Array(m.kek))) : reject(new Error(`Argon2id: ${m.message}`)))),
    );
    worker.once('error', (err) => settle(() => reject(err)));
    worker.once('exit', () => settle(() => reject(new Error('Argon2id: the worker ended without an answer'))));
    worker.postMessage(
      { password: transfer, salt: Uint8Array.from(salt).buffer, memoryKiB: job.memoryKiB, iterations: job.iterations, parallelism: job.parallelism },
      [transfer],
    );
  });
}
