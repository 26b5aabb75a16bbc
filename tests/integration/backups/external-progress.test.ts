// The external backup as a job (issue 10 §2): through the router with a jobId it reports the bytes copied as
// job.progress events and stops at job.cancel, leaving no partial folder on the chosen drive, no temp snapshot in
// the vault and no logboek entry. A real core and a real encrypted vault with households in it.
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JobProgress } from '../../../src/core/jobs';
import { defaultResourcesDir } from '../../../src/core/app';
import { startTestCore, type TestCoreHandle } from '../../support/core';

const PASS = 'correct horse battery staple';

let handle: TestCoreHandle;
let usb = '';
let vaultPath = '';
const call = async <T = unknown>(name: string, input: unknown): Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }> =>
  (await handle.core.router.handle(name as never, input as never)) as never;

beforeEach(async () => {
  handle = await startTestCore({ cheapKdf: true, prefix: 'external-backup' });
  const created = await call<{ status: { vault: { path: string } } }>('vault.create', { name: 'Kantoor Oost', passphrase: PASS });
  if (!created.ok) throw new Error(created.error.message);
  vaultPath = created.value.status.vault.path;
  // Households, so the database is more than a page or two.
  const demo = JSON.parse(readFileSync(path.join(defaultResourcesDir(), 'demo', '01-eenoudergezin-bijstand.json'), 'utf8')) as { dossiers: unknown[] };
  const imported = await call('dossier.import', { file: { ...demo, dossiers: Array.from({ length: 200 }, () => demo.dossiers[0]) }, onDuplicate: 'copy' });
  if (!imported.ok) throw new Error(imported.error.message);
  usb = path.join(handle.dataDir, 'usb');
  mkdirSync(usb);
});
afterEach(async () => {
  await handle.cleanup();
});

function progressOf(jobId: string): JobProgress[] {
  const seen: JobProgress[] = [];
  handle.core.onEvent((event, payload) => {
    if (event === 'job.progress' && (payload as JobProgress).jobId === jobId) seen.push(payload as JobProgress);
  });
  return seen;
}

const tempFiles = () => readdirSync(path.join(vaultPath, 'backups')).filter((f) => f.endsWith('.tmp'));

describe('external backup with progress and cancel', () => {
  it('reports the bytes copied, from 0 to the size of the database and keyfile it wrote', async () => {
    const seen = progressOf('backup-job-0001');
    const r = await call<{ path: string }>('vault.backup', { folder: usb, jobId: 'backup-job-0001' });
    if (!r.ok) throw new Error(r.error.message);
    const written = statSync(path.join(r.value.path, 'vault.db')).size + statSync(path.join(r.value.path, 'vault.key.json')).size;
    expect(seen.length).toBeGreaterThanOrEqual(2);
    expect(seen.every((p) => p.operation === 'backup' && p.total === written)).toBe(true);
    expect(seen[0]!.done).toBe(0);
    expect(seen.at(-1)!.done).toBe(written);
    expect(readdirSync(usb)).toEqual([path.basename(r.value.path)]);
    expect(tempFiles()).toEqual([]);
    const log = await call<{ action: string }[]>('audit.list', {});
    expect(log.ok && log.value.filter((e) => e.action === 'vault.backup_created')).toHaveLength(1);
  });

  it('a cancel leaves no folder on the drive, no temp snapshot in the vault and no logboek entry', async () => {
    const seen = progressOf('backup-job-0002');
    // Cancel as soon as the copy has started (the first report), as a user clicking "Annuleren" would.
    const unsubscribe = handle.core.onEvent((event, payload) => {
      if (event === 'job.progress' && (payload as JobProgress).jobId === 'backup-job-0002') void call('job.cancel', { jobId: 'backup-job-0002' });
    });
    const r = await call('vault.backup', { folder: usb, jobId: 'backup-job-0002' });
    unsubscribe();
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'CANCELLED', message: 'Afgebroken. Er is niets gewijzigd.' });
    expect(seen.length).toBeGreaterThanOrEqual(1);
    expect(readdirSync(usb)).toEqual([]);
    expect(tempFiles()).toEqual([]);
    const log = await call<{ action: string }[]>('audit.list', {});
    expect(log.ok && log.value.map((e) => e.action)).not.toContain('vault.backup_created');
    // The vault is as it was and a next backup works.
    const again = await call<{ path: string }>('vault.backup', { folder: usb, jobId: 'backup-job-0003' });
    expect(again.ok).toBe(true);
  });

  it('a lock during the copy stops it the same way', async () => {
    let locked: Promise<unknown> | null = null;
    handle.core.onEvent((event, payload) => {
      if (event === 'job.progress' && (payload as JobProgress).jobId === 'backup-job-0004' && !locked) locked = call('vault.lock', {});
    });
    const r = await call('vault.backup', { folder: usb, jobId: 'backup-job-0004' });
    await locked;
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('CANCELLED');
    expect(readdirSync(usb)).toEqual([]);
    expect(tempFiles()).toEqual([]);
  });
});
