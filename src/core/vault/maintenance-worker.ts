// The full integrity check and the automatic snapshot of an unlocked vault, run in a worker thread with
// its own connection, so an unlock (and every request after it) never waits for work that reads every page.
//
// The worker is started from source text (eval) rather than a file: the app is bundled by electron-vite and
// run from sources by vitest and tsx, and a separate worker file would need its own build entry in each.
// It loads the same driver module the core uses (its resolved path is passed in), keys the connection
// exactly as src/core/db/driver.ts does, and wipes its copy of the key as soon as the connection holds it.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

export interface MaintenanceJob {
  dbPath: string;
  /** The data key; copied into a buffer that is transferred (moved, not copied) to the worker. */
  dataKey: Buffer;
  nativeBinding?: string;
  /** Empty 0600 file to VACUUM INTO when a snapshot is due (only after the check passed); null for none. */
  snapshotTmp: string | null;
}

export type MaintenanceOutcome =
  | { kind: 'done'; integrity: 'ok' | 'corrupt'; snapshotWritten: boolean }
  /** The worker could not do its work (driver failed to load, disk error): no verdict on the data. */
  | { kind: 'failed'; code: string };

// Plain CommonJS for Node's worker eval. Mirrors applyCipher() and checkIntegrity(); keep them in step.
const WORKER_SOURCE = `
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const Database = require(workerData.driver);
const HEX = '0123456789abcdef';
// A lower CPU priority for this thread, so an unlock or a screen that runs meanwhile is not slowed by a check
// that reads every page (issue 10 §1). On Linux the nice value belongs to the calling thread; elsewhere it
// would lower the whole process, so it is left alone there.
if (process.platform === 'linux') {
  try { require('node:os').setPriority(10); } catch (_) { /* not allowed: the check runs at normal priority */ }
}
parentPort.once('message', (job) => {
  const key = new Uint8Array(job.key);
  const raw = Buffer.alloc(67);
  let db = null;
  try {
    db = new Database(job.dbPath, Object.assign({ fileMustExist: true }, job.nativeBinding ? { nativeBinding: job.nativeBinding } : {}));
    db.pragma("cipher='sqlcipher'");
    db.pragma('legacy=4');
    raw[0] = 0x78; raw[1] = 0x27; raw[66] = 0x27;
    for (let i = 0; i < 32; i++) {
      raw[2 + 2 * i] = HEX.charCodeAt(key[i] >> 4);
      raw[3 + 2 * i] = HEX.charCodeAt(key[i] & 0x0f);
    }
    db.key(raw);
    raw.fill(0);
    key.fill(0);
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    db.pragma('temp_store=MEMORY');
    let integrity = 'corrupt';
    try {
      const rows = db.pragma('integrity_check(20)', { simple: false });
      const values = rows.map((r) => (r && typeof r === 'object' ? Object.values(r)[0] : r));
      if (values.length === 1 && values[0] === 'ok') integrity = 'ok';
    } catch (err) {
      const code = String((err && err.code) || '');
      if (!/^SQLITE_(CORRUPT|NOTADB|IOERR)/.test(code)) throw err;
    }
    let snapshotWritten = false;
    if (integrity === 'ok' && job.snapshotTmp) {
      db.prepare('VACUUM INTO ?').run(job.snapshotTmp);
      const fd = fs.openSync(job.snapshotTmp, 'r+');
      try { fs.fsyncSync(fd); } finally { fs.closeSync(fd); }
      snapshotWritten = true;
    }
    parentPort.postMessage({ kind: 'done', integrity, snapshotWritten });
  } catch (err) {
    parentPort.postMessage({ kind: 'failed', code: String((err && (err.code || err.name)) || 'Error') });
  } finally {
    raw.fill(0);
    key.fill(0);
    // Not read-only on purpose: when the vault was locked meanwhile this is the last connection, and SQLite
    // then folds the WAL back and removes it on close, as the lock itself would have.
    if (db) { try { db.close(); } catch (_) { /* nothing left to do */ } }
  }
});
`;

let driverPath: string | null = null;
function resolveDriver(): string {
  driverPath ??= createRequire(import.meta.url).resolve('better-sqlite3-multiple-ciphers');
  return driverPath;
}

/**
 * Runs one maintenance job in a fresh worker thread. Never rejects: a worker that cannot start or dies
 * gives `{kind: 'failed'}`. The worker keeps the process alive until it is done, so a snapshot that was
 * started is finished (or its temp file is swept on the next open).
 */
export function runMaintenanceJob(job: MaintenanceJob): Promise<MaintenanceOutcome> {
  return new Promise((resolve) => {
    // A buffer of our own that is moved to the worker: after postMessage no copy of it stays on this thread.
    const transfer = new ArrayBuffer(job.dataKey.length);
    new Uint8Array(transfer).set(job.dataKey);
    let settled = false;
    const finish = (outcome: MaintenanceOutcome) => {
      if (settled) return;
      settled = true;
      if (transfer.byteLength > 0) new Uint8Array(transfer).fill(0); // still here only when it was never sent
      resolve(outcome);
    };
    let worker: Worker;
    try {
      worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver: resolveDriver() } });
    } catch (err) {
      finish({ kind: 'failed', code: String((err as { code?: unknown }).code ?? 'WORKER_START') });
      return;
    }
    // The job ends when the thread has ended, not at its answer: the answer comes before its connection closes (and
    // folds the WAL into the file), and nothing may take the file (a lock, another process) while it is open.
    let answer: MaintenanceOutcome | null = null;
    worker.once('message', (message: MaintenanceOutcome) => (answer ??= message));
    worker.once('error', (err) => (answer ??= { kind: 'failed', code: String((err as { code?: unknown }).code ?? err.name) }));
    worker.once('exit', () => finish(answer ?? { kind: 'failed', code: 'WORKER_EXIT' }));
    worker.postMessage(
      { dbPath: job.dbPath, key: transfer, nativeBinding: job.nativeBinding ?? null, snapshotTmp: job.snapshotTmp },
      [transfer],
    );
  });
}
