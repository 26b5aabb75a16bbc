// The office report export and the association's publication as jobs (issue 10 §2): progress in steps, and a
// cancel only at points before anything is recorded. A cancelled export leaves the ledger, the office key, the
// logboek and the vault's files as they were; a completed one is recorded exactly as without a job.
import { createHash, createPublicKey } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultResourcesDir } from '../../../src/core/app';
import { verifyEnvelope, type DsseEnvelope } from '../../../src/core/systeemfouten/dsse';
import { readLedger } from '../../../src/core/systeemfouten/ledger';
import { AppError } from '../../../src/shared/contract/errors';
import type { ProcedureInput, ProcedureName, ProcedureOutput } from '../../../src/shared/contract/procedures';
import { PAYLOAD_TYPE } from '../../../src/shared/systeemfouten/export';
import { startTestCore, type TestCoreHandle } from '../../support/core';
import { progressOf } from '../../support/jobs';
import { householdsWithSignal } from '../../support/office-exports';
import { addHouseholds, DAY, makeReportRig, type ReportRig } from './helpers';

const M12 = { instantie: 'toeslagen' as const, mechanism: 'M1.2' as const, effects: ['stress' as const] };

/** A job that asks to stop when progress reaches `cancelAt` (as "Annuleren" would), recording every report. */
function fakeJob(cancelAt: number | null = null, onReport?: (done: number) => void) {
  const reports: [number, number][] = [];
  let cancelled = false;
  return {
    reports,
    progress(done: number, total: number) {
      reports.push([done, total]);
      onReport?.(done);
      if (done === cancelAt) cancelled = true;
    },
    throwIfCancelled() {
      if (cancelled) throw new AppError('CANCELLED', 'Afgebroken. Er is niets gewijzigd.');
    },
  };
}

/** The vault's files (without the -shm index, which readers touch), to prove nothing was written. */
function vaultFiles(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    if (name.endsWith('-shm')) continue;
    out[name] = createHash('sha256').update(readFileSync(path.join(dir, name))).digest('hex');
  }
  return out;
}

function recorded(rig: ReportRig) {
  return {
    ledger: readLedger(rig.db),
    keys: rig.db.prepare('SELECT count(*) AS n FROM report_keys').get(),
    logboek: rig.audit.list().map((e) => e.action),
  };
}

describe('report.export as a job (service)', () => {
  let rig: ReportRig;
  beforeEach(() => {
    rig = makeReportRig();
    addHouseholds(rig, 55, () => [M12]);
    rig.clock.advance(20 * DAY);
  });
  afterEach(() => rig.close());

  // Step 1 is "checked and signed in memory", step 2 "CSV and PDF rendered"; both cancel points come before step 3.
  for (const cancelAt of [0, 1, 2]) {
    it(`a cancel asked at step ${cancelAt} leaves the ledger, the office key, the logboek and the files unchanged`, async () => {
      const preview = rig.reports.preview({ period: '2026-Q1' });
      expect(preview.refusal).toBeNull();
      const before = recorded(rig);
      const files = vaultFiles(rig.dir);
      const job = fakeJob(cancelAt);
      await expect(rig.reports.export({ period: '2026-Q1', previewHash: preview.previewHash! }, job)).rejects.toMatchObject({ code: 'CANCELLED' });
      expect(recorded(rig)).toEqual(before);
      expect(before.ledger).toEqual([]);
      expect(before.keys).toEqual({ n: 0 });
      expect(vaultFiles(rig.dir)).toEqual(files);
      // Stopped at the first safe point after the request: never reached "recorded".
      expect(job.reports.map(([d]) => d)).toEqual(cancelAt === 2 ? [0, 1, 2] : [0, 1]);
      // The period is still free: the same preview exports afterwards.
      const done = await rig.reports.export({ period: '2026-Q1', previewHash: preview.previewHash! });
      expect(readLedger(rig.db).map((e) => e.exportId)).toEqual([done.exportId]);
    });
  }

  it('a completed job reports every step and records exactly what an export without a job records', async () => {
    const preview = rig.reports.preview({ period: '2026-Q1' });
    const job = fakeJob();
    const result = await rig.reports.export({ period: '2026-Q1', previewHash: preview.previewHash! }, job);
    expect(job.reports).toEqual([
      [0, 3],
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
    const ledger = readLedger(rig.db);
    expect(ledger).toHaveLength(1);
    expect(ledger[0]).toMatchObject({ exportId: result.exportId, period: '2026-Q1', keyId: result.keyId, payloadSha256: result.payloadSha256, envelope: result.envelope });
    expect(rig.audit.list().map((e) => e.action)).toEqual(expect.arrayContaining(['report.key_created', 'report.exported']));
    // The files handed out are the ones the ledger keeps (a later download gives the same bytes).
    const again = await rig.reports.download(result.exportId);
    expect({ envelope: again.envelope, csv: again.csv, keyId: again.keyId, payloadSha256: again.payloadSha256 }).toEqual({
      envelope: result.envelope,
      csv: result.csv,
      keyId: result.keyId,
      payloadSha256: result.payloadSha256,
    });
    const env = JSON.parse(result.envelope) as DsseEnvelope;
    expect(verifyEnvelope(env, PAYLOAD_TYPE, createPublicKey(rig.reports.publicKey().publicKeyPem))).toBe(true);
    expect(Buffer.from(result.pdfBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('a first export whose key is made meanwhile (public key downloaded while the PDF renders) is signed with that one key', async () => {
    const preview = rig.reports.preview({ period: '2026-Q1' });
    let madeMeanwhile = '';
    const job = fakeJob(null, (done) => {
      if (done === 1) madeMeanwhile = rig.reports.publicKey().keyId;
    });
    const result = await rig.reports.export({ period: '2026-Q1', previewHash: preview.previewHash! }, job);
    expect(result.keyId).toBe(madeMeanwhile);
    expect(rig.db.prepare('SELECT count(*) AS n FROM report_keys').get()).toEqual({ n: 1 });
    expect(readLedger(rig.db)[0]!.keyId).toBe(madeMeanwhile);
    const env = JSON.parse(result.envelope) as DsseEnvelope;
    expect(verifyEnvelope(env, PAYLOAD_TYPE, createPublicKey(rig.reports.publicKey().publicKeyPem))).toBe(true);
  });
});

// ---- through the contract: real jobs (job.progress events, job.cancel) ------------------------------------

const DIR = path.join(defaultResourcesDir(), 'demo', 'systeemfouten', 'kantoren');
const REGISTER = JSON.parse(readFileSync(path.join(DIR, 'sleutelregister.json'), 'utf8')) as { keys: { office: string; publicKeyPem: string }[] };
const FILES = readdirSync(DIR)
  .filter((n) => n.startsWith('kantoor-'))
  .sort()
  .map((name) => ({ name, text: readFileSync(path.join(DIR, name), 'utf8') }));

describe('the jobs through the contract', () => {
  let h: TestCoreHandle;
  // An import registers its signals on the import date (rule R1): the office imports during 2026-Q2 and exports
  // that quarter once it is over.
  let now = 0;
  beforeEach(async () => {
    now = Date.parse('2026-06-10T10:00:00Z');
    h = await startTestCore({ cheapKdf: true, prefix: 'publish-job', clock: { now: () => now } });
  });
  afterEach(async () => h.cleanup());

  async function call<K extends ProcedureName>(name: K, input: ProcedureInput<K>): Promise<ProcedureOutput<K>> {
    const env = await h.core.router.handle(name, input);
    if (!env.ok) throw new Error(`${name}: ${env.error.message}`);
    return env.value as ProcedureOutput<K>;
  }

  it('report.export: job.cancel while it runs records nothing; the same preview then exports with every step reported', async () => {
    await call('vault.create', { name: 'Kantoor', passphrase: 'een lang genoeg wachtwoord' });
    await call('dossier.import', { file: householdsWithSignal(55, false) });
    now = Date.parse('2026-07-15T10:00:00Z');
    const preview = await call('report.preview', { period: '2026-Q2' });
    expect(preview.refusal).toBeNull();
    const logBefore = (await call('audit.list', {})).map((e) => e.action);
    progressOf(h.core, 'export-job-0001', (p) => {
      if (p.done === 0) void h.core.router.handle('job.cancel', { jobId: 'export-job-0001' });
    });
    const cancelled = await h.core.router.handle('report.export', { period: '2026-Q2', previewHash: preview.previewHash!, jobId: 'export-job-0001' });
    expect(cancelled).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect((await call('report.ledger', {})).entries).toEqual([]);
    expect((await call('audit.list', {})).map((e) => e.action)).toEqual(logBefore);

    const seen = progressOf(h.core, 'export-job-0002');
    const done = await call('report.export', { period: '2026-Q2', previewHash: preview.previewHash!, jobId: 'export-job-0002' });
    expect(seen[0]).toMatchObject({ operation: 'pdf', done: 0, total: 3 });
    expect(seen.at(-1)).toMatchObject({ operation: 'pdf', done: 3, total: 3 });
    expect((await call('report.ledger', {})).entries.map((e) => e.exportId)).toEqual([done.exportId]);
  }, 60_000);

  it('association.merge (picked files, nothing stored): progress in two steps, and a cancel answers CANCELLED', async () => {
    const register = readFileSync(path.join(DIR, 'sleutelregister.json'), 'utf8');
    progressOf(h.core, 'merge-job-0001', (p) => {
      if (p.done === 0) void h.core.router.handle('job.cancel', { jobId: 'merge-job-0001' });
    });
    expect(await h.core.router.handle('association.merge', { files: FILES, register, jobId: 'merge-job-0001' })).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    const seen = progressOf(h.core, 'merge-job-0002');
    const withJob = await call('association.merge', { files: FILES, register, jobId: 'merge-job-0002' });
    expect(seen[0]).toMatchObject({ operation: 'pdf', done: 0, total: 2 });
    expect(seen.at(-1)).toMatchObject({ done: 2, total: 2 });
    const without = await call('association.merge', { files: FILES, register });
    expect(withJob.published).toEqual(without.published);
    expect(withJob.csv).toBe(without.csv);
  }, 60_000);

  it('association.store.publish: a cancel stores no publication and logs nothing; a completed job publishes what a publication without a job does', async () => {
    await call('vault.create', { name: 'Vereniging', passphrase: 'vereniging kluis wachtwoord', kind: 'vereniging' });
    for (const k of REGISTER.keys) await call('association.store.registerKey', { office: k.office, publicKeyPem: k.publicKeyPem, registeredOn: '2026-01-05' });
    await call('association.store.receive', { files: FILES });
    const logBefore = (await call('audit.list', {})).map((e) => e.action);

    progressOf(h.core, 'publish-job-0001', (p) => {
      if (p.done === 0) void h.core.router.handle('job.cancel', { jobId: 'publish-job-0001' });
    });
    const cancelled = await h.core.router.handle('association.store.publish', { year: '2026', jobId: 'publish-job-0001' });
    expect(cancelled).toMatchObject({ ok: false, error: { code: 'CANCELLED', message: 'Afgebroken. Er is niets gewijzigd.' } });
    expect((await call('association.store.get', {})).publications).toEqual([]);
    expect((await call('audit.list', {})).map((e) => e.action)).toEqual(logBefore);

    const seen = progressOf(h.core, 'publish-job-0002');
    const withJob = await call('association.store.publish', { year: '2026', jobId: 'publish-job-0002' });
    expect(seen.every((p) => p.operation === 'pdf' && p.total === 3)).toBe(true);
    expect(seen[0]).toMatchObject({ done: 0, total: 3 });
    expect(seen.at(-1)).toMatchObject({ done: 3, total: 3 });
    const without = await call('association.store.publish', { year: '2026' });
    expect(withJob.publicationId).toBeTruthy();
    expect(withJob.published).toEqual(without.published);
    expect(withJob.csv).toBe(without.csv);
    expect(withJob.jsonStat).toEqual(without.jsonStat);
    expect((await call('association.store.get', {})).publications).toHaveLength(2);
  }, 60_000);
});
