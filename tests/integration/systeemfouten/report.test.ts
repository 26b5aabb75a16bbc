// The office side end to end on a real encrypted vault: signals (CRUD, audit, filters, interchange v2), the
// preview and its confirmation (O3), signing (O1), the hash-chained append-only ledger and its rules.
import { createHash, createPublicKey } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contract } from '../../../src/shared/contract/procedures';
import { PAYLOAD_TYPE } from '../../../src/shared/systeemfouten/export';
import { verifyPayloadText } from '../../../src/shared/systeemfouten-verifier/verify';
import { signalDataSchema } from '../../../src/shared/signals/schema';
import { verifyEnvelope, type DsseEnvelope } from '../../../src/core/systeemfouten/dsse';
import { readLedger, verifyLedgerChain } from '../../../src/core/systeemfouten/ledger';
import { parsed, household } from '../services/helpers';
import { silentLogger } from '../../../src/core/logger';
import { createInterchangeService } from '../../../src/core/services/interchange';
import { extractPdf } from '../budget-pdf/helpers';
import { addHouseholds, DAY, makeReportRig, type ReportRig } from './helpers';

let rig: ReportRig;
beforeEach(() => {
  rig = makeReportRig();
});
afterEach(() => rig.close());

const M12 = { instantie: 'toeslagen' as const, mechanism: 'M1.2' as const, effects: ['stress' as const] };

describe('signals in the dossier', () => {
  it('create, update, delete: audit-logged with codes only, the registration date and vocabulary version stay', () => {
    const d = rig.dossiers.create(parsed(household()));
    const s = rig.signals.create(d.id, signalDataSchema.parse({ ...M12, note: 'Geheime notitie over gezin Jansen', impactAmount: '1250.5', source: 'debt', sourceRef: 'd1' }));
    expect(s).toMatchObject({ recordedOn: '2026-03-15', vocabularyVersion: '2026.1', impactAmount: '1250.50', monthlyShortfall: null, route: 'geen', routeResult: 'nvt', source: 'debt' });
    rig.clock.advance(40 * DAY);
    const u = rig.signals.update(s.id, signalDataSchema.parse({ instantie: 'cjib', mechanism: 'M3.1', effects: [] }));
    expect(u).toMatchObject({ recordedOn: '2026-03-15', instantie: 'cjib', mechanism: 'M3.1', note: '' });
    rig.signals.delete(s.id);
    expect(rig.signals.list({ dossierId: d.id })).toEqual([]);
    const log = rig.audit.list({ dossierId: d.id });
    expect(log.map((e) => e.action)).toEqual(['signal.deleted', 'signal.changed', 'signal.created', 'dossier.created']);
    expect(JSON.stringify(log)).not.toMatch(/Geheime|Jansen/);
  });

  it('refuses codes outside the vocabulary with a Dutch message', () => {
    const r = signalDataSchema.safeParse({ instantie: 'Incassobureau Jansen', mechanism: 'M1.2' });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.message).toBe('Kies een instantie.');
    expect(signalDataSchema.safeParse({ ...M12, effects: ['stress', 'stress'] }).success).toBe(false);
  });

  it('the vault overview filters by quarter, instantie, mechanism group and effect on children', () => {
    const [a, b] = addHouseholds(rig, 2, (i) => (i === 0 ? [M12] : [{ instantie: 'cjib', mechanism: 'M3.1' }]));
    rig.clock.advance(30 * DAY); // 2026-04-14: Q2
    rig.signals.create(a!, signalDataSchema.parse({ instantie: 'cak', mechanism: 'M12.1' }));
    expect(rig.signals.list().length).toBe(3);
    expect(rig.signals.list({ quarter: '2026-Q1' }).map((s) => s.mechanism).sort()).toEqual(['M1.2', 'M3.1']);
    expect(rig.signals.list({ quarter: '2026-Q2' }).map((s) => s.mechanism)).toEqual(['M12.1']);
    expect(rig.signals.list({ instantie: 'cjib' }).map((s) => s.dossierId)).toEqual([b]);
    expect(rig.signals.list({ mechanismGroup: 'M1' }).map((s) => s.mechanism)).toEqual(['M1.2']);
    expect(rig.signals.list({ childEffect: true }).map((s) => s.mechanism).sort()).toEqual(['M1.2', 'M12.1']);
    expect(rig.signals.list({ childEffect: false }).map((s) => s.mechanism)).toEqual(['M3.1']);
  });

  it('travel with the dossier in the interchange file (version 2) without their private note; a version-1 file still imports unchanged', () => {
    const ctx = { db: () => rig.db, clock: rig.clock, logger: silentLogger };
    const actor = () => 'Merel';
    const interchange = createInterchangeService(ctx, { dossiers: rig.dossiers, audit: rig.audit, actor, signals: rig.signals });
    const d = rig.dossiers.create(parsed(household()));
    rig.signals.create(d.id, signalDataSchema.parse({ ...M12, note: 'Privé-canary-7Q3X', monthlyShortfall: '75' }));
    const { content } = interchange.exportDossier(d.id);
    const file = JSON.parse(content);
    expect(file.version).toBe(2);
    expect(file.dossiers[0].signals).toEqual([
      expect.objectContaining({ instantie: 'toeslagen', mechanism: 'M1.2', recordedOn: '2026-03-15', vocabularyVersion: '2026.1', monthlyShortfall: '75.00', sourceRef: null }),
    ]);
    // The note "never leaves the vault" (issue 9 §1): not a field of the file, nowhere in its bytes.
    expect(file.dossiers[0].signals[0]).not.toHaveProperty('note');
    expect(content).not.toContain('canary-7Q3X');
    // Round trip, six weeks later: the imported dossier has the signal again, registered here on the import
    // date (rule R1) with its first registration kept beside it; exported again, the first date travels on.
    rig.clock.advance(40 * DAY);
    const { imported } = interchange.importFile(file);
    expect(rig.signals.list({ dossierId: imported[0]!.id })).toEqual([
      expect.objectContaining({ mechanism: 'M1.2', recordedOn: '2026-04-24', originalRecordedOn: '2026-03-15', note: '', monthlyShortfall: '75.00' }),
    ]);
    const again = JSON.parse(interchange.exportDossier(imported[0]!.id).content);
    expect(again.dossiers[0].signals).toEqual([expect.objectContaining({ mechanism: 'M1.2', recordedOn: '2026-03-15' })]);
    expect(again.dossiers[0].signals[0]).not.toHaveProperty('originalRecordedOn');
    const v1 = { format: 'houvast.dossier', version: 1, dossiers: [household({ number: 'V1-1' })] };
    const v1Import = interchange.importFile(v1).imported;
    expect(v1Import.length).toBe(1);
    expect(rig.signals.list({ dossierId: v1Import[0]!.id })).toEqual([]);
    expect(() => interchange.importFile({ ...v1, version: 3 })).toThrow(/niet geldig/);
  });
});

async function exportQ1(r: ReportRig, period = '2026-Q1') {
  const preview = r.reports.preview({ period });
  expect(preview.refusal).toBeNull();
  return { preview, result: await r.reports.export({ period, previewHash: preview.previewHash! }) };
}

describe('the anonymised report', () => {
  it('refuses a quarter that has not ended, a quarter of a small office, and too few households', () => {
    addHouseholds(rig, 12, () => [M12]);
    expect(rig.reports.preview({ period: '2026-Q1' }).refusal).toMatch(/nog niet voorbij/);
    rig.clock.advance(20 * DAY);
    const p = rig.reports.preview({ period: '2026-Q1' });
    expect(p.ok).toBe(false);
    expect(p.refusal).toMatch(/Te weinig huishoudens dit kwartaal \(12, minder dan 50\): exporteer per halfjaar of per jaar/);
    expect(p.previewHash).toBeNull();
    rig.clock.advance(400 * DAY);
    expect(rig.reports.preview({ period: '2026' })).toMatchObject({ ok: true, households: 12 });
    expect(rig.reports.preview({ period: '2025' }).refusal).toMatch(/Te weinig huishoudens in 2025: 0, minder dan 10/);
  });

  it('a half-year or year is refused until its last day has passed, a future period too; only quarter, half-year and year are periods', () => {
    addHouseholds(rig, 12, () => [M12]); // registered on 2026-03-15
    const notOver = /^De periode \S+ is nog niet voorbij\./;
    for (const period of ['2026-H1', '2026', '2027-Q1', '2027']) expect(rig.reports.preview({ period }).refusal, period).toMatch(notOver);
    rig.clock.advance(107 * DAY); // 2026-06-30: the last day of H1 is still part of it
    expect(rig.reports.preview({ period: '2026-H1' }).refusal).toMatch(notOver);
    rig.clock.advance(DAY); // 2026-07-01
    expect(rig.reports.preview({ period: '2026-H1' })).toMatchObject({ ok: true, periodType: 'halfyear', households: 12 });
    expect(rig.reports.preview({ period: '2026' }).refusal).toMatch(notOver);
    for (const period of ['2026-Q5', '2026-Q0', '2026-H3', '2026-03', '2026-M03', '26-Q1', '2026-q1', '2026-Q1-01']) {
      const r = contract['report.preview'].input.safeParse({ period });
      expect(r.success, period).toBe(false);
      expect(r.error!.issues[0]!.message).toBe('Kies een periode als 2026-Q3 (kwartaal), 2026-H1 (halfjaar) of 2026 (jaar).');
    }
  });

  it('O3: nothing is signed without the confirmed preview, and a change after the preview invalidates it', async () => {
    const ids = addHouseholds(rig, 55, () => [M12]);
    rig.clock.advance(20 * DAY);
    await expect(rig.reports.export({ period: '2026-Q1', previewHash: 'a'.repeat(64) })).rejects.toThrow(/voorbeeld/);
    const preview = rig.reports.preview({ period: '2026-Q1' });
    expect(preview).toMatchObject({ ok: true, households: 55, signals: 55, k: 10, suppressedShare: '0,0 %' });
    expect(preview.tables.map((t) => t.id)).toEqual(['T0', 'T1', 'T2', 'T3', 'T4', 'T5a', 'T5b', 'T6', 'T7']);
    // A late registration dated in Q1 cannot happen (registration is "now"); a deletion can:
    rig.signals.delete(rig.signals.list({ dossierId: ids[0] })[0]!.id);
    await expect(rig.reports.export({ period: '2026-Q1', previewHash: preview.previewHash! })).rejects.toThrow(/veranderd sinds het voorbeeld/);
    expect(readLedger(rig.db)).toEqual([]);
    expect(rig.db.prepare('SELECT count(*) AS n FROM report_keys').get()).toEqual({ n: 0 });
  });

  it('signs a canonical payload (O1: any changed byte, another payloadType or another key fails) and records it in the ledger', async () => {
    addHouseholds(rig, 60, (i) => [M12, ...(i % 2 ? [{ instantie: 'cjib' as const, mechanism: 'M3.1' as const }] : [])]);
    rig.clock.advance(20 * DAY);
    const { result } = await exportQ1(rig);
    const env = JSON.parse(result.envelope) as DsseEnvelope;
    expect(env.payloadType).toBe(PAYLOAD_TYPE);
    expect(env.signatures).toHaveLength(1);
    const key = rig.reports.publicKey();
    expect(key.keyId).toBe(result.keyId);
    const pub = createPublicKey(key.publicKeyPem);
    expect(verifyEnvelope(env, PAYLOAD_TYPE, pub)).toBe(true);
    const payloadText = Buffer.from(env.payload, 'base64').toString('utf8');
    expect(verifyPayloadText(payloadText).ok).toBe(true);
    const payload = JSON.parse(payloadText);
    expect(payload).toMatchObject({ period: { type: 'quarter', value: '2026-Q1' }, supersedes: null, reporterRole: 'schuldhulp', createdOn: '2026-04-04' });
    // Office identity only in the envelope: the payload has no key id, no name, no path.
    expect(payloadText).not.toContain(result.keyId);
    // Tampering: flip every byte of the payload in turn (sampled) -> verification fails.
    const body = Buffer.from(env.payload, 'base64');
    for (let i = 0; i < body.length; i += Math.max(1, Math.floor(body.length / 97))) {
      const t = Buffer.from(body);
      t[i] = t[i]! ^ 0x01;
      expect(verifyEnvelope({ ...env, payload: t.toString('base64') }, PAYLOAD_TYPE, pub), `byte ${i}`).toBe(false);
    }
    expect(verifyEnvelope({ ...env, payloadType: 'application/json' }, 'application/json', pub)).toBe(false);
    expect(verifyEnvelope(env, 'application/vnd.other+json', pub)).toBe(false);
    const other = makeReportRig();
    try {
      const otherKey = createPublicKey(other.reports.publicKey().publicKeyPem);
      expect(verifyEnvelope(env, PAYLOAD_TYPE, otherKey)).toBe(false);
    } finally {
      other.close();
    }
    // The key is made once and kept (encrypted) in the vault; its creation and export are logged.
    expect(rig.reports.publicKey().keyId).toBe(key.keyId);
    expect(rig.audit.list().map((e) => e.action)).toEqual(expect.arrayContaining(['report.key_created', 'report.exported', 'report.public_key_exported', 'report.previewed']));
    // CSV and PDF come from the signed payload.
    expect(result.csv.startsWith('\uFEFFSysteemfouten-rapport')).toBe(true);
    expect(result.csv).toContain(`SHA-256 van de inhoud;${result.payloadSha256}`);
    expect(Buffer.from(result.pdfBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    // Both link themselves to the JSON by the SHA-256 of the signed payload bytes (SYSTEEMFOUTEN.md §2.8).
    const sha = createHash('sha256').update(Buffer.from(env.payload, 'base64')).digest('hex');
    expect(result.payloadSha256).toBe(sha);
    const pdf = await extractPdf(Buffer.from(result.pdfBase64, 'base64'));
    expect(pdf.text.replace(/\s+/g, ' ')).toContain(`SHA-256 van de ondertekende inhoud: ${sha}`);
    expect(pdf.text).toContain('2026-Q1');
  });

  it('the ledger: one export per period, whole-period corrections only, hash chain intact, UPDATE and DELETE refused', async () => {
    addHouseholds(rig, 60, () => [M12]);
    rig.clock.advance(20 * DAY);
    const first = (await exportQ1(rig)).result;
    // A second export of the same period is refused...
    expect(rig.reports.preview({ period: '2026-Q1' }).refusal).toMatch(/al een rapport geaccepteerd/);
    // ... a correction that changes a cell by fewer than k households is refused too.
    const sneaky = rig.dossiers.create(parsed(household()));
    rig.db.prepare("INSERT INTO signals (id, dossier_id, vocabulary_version, recorded_on, instantie, mechanism, effects, route, route_result, source, note, created_at, updated_at) VALUES ('late', ?, '2026.1', '2026-03-20', 'toeslagen', 'M1.2', '[]', 'geen', 'nvt', 'dossier', '', 0, 0)").run(sneaky.id);
    expect(rig.reports.preview({ period: '2026-Q1', supersedes: first.exportId }).refusal).toMatch(/minder dan 10 huishoudens/);
    // Overlapping periods are refused.
    rig.clock.advance(200 * DAY);
    expect(rig.reports.preview({ period: '2026-H1' }).refusal).toMatch(/overlapt/);
    const ledger = rig.reports.ledger();
    expect(ledger.intact).toBe(true);
    expect(ledger.entries).toEqual([expect.objectContaining({ seq: 1, exportId: first.exportId, period: '2026-Q1', signals: 60 })]);
    expect(() => rig.db.prepare("UPDATE report_ledger SET period = '2026-Q2'").run()).toThrow(/append-only/);
    expect(() => rig.db.prepare('DELETE FROM report_ledger').run()).toThrow(/append-only/);
    // INSERT OR REPLACE removes a conflicting row without firing the delete trigger: refused on every unique key.
    const cols = 'export_id, period, schema_version, supersedes, levels, cells, signal_ids, payload_sha256, key_id, created_at, prev_hash, hash, envelope';
    const replace = (seq: number | null, exportId: string, hash: string) =>
      rig.db.prepare(`INSERT OR REPLACE INTO report_ledger (seq, ${cols}) VALUES (?, ?, '2026-Q1', '1.0.0', NULL, '{}', '{}', '[]', 'aa', 'k', 0, 'genesis', ?, '{}')`).run(seq, exportId, hash);
    const firstHash = (rig.db.prepare('SELECT hash FROM report_ledger WHERE seq = 1').get() as { hash: string }).hash;
    expect(() => replace(null, first.exportId, 'other')).toThrow(/append-only/);
    expect(() => replace(1, 'other-id', 'other')).toThrow(/append-only/);
    expect(() => replace(null, 'other-id', firstHash)).toThrow(/append-only/);
    expect(rig.reports.ledger().entries.map((e) => e.exportId)).toEqual([first.exportId]);
    // A forged row (bypassing the service) breaks the chain.
    rig.db.prepare("INSERT INTO report_ledger (export_id, period, schema_version, supersedes, levels, cells, signal_ids, payload_sha256, key_id, created_at, prev_hash, hash, envelope) VALUES ('x', '2026-Q2', '1.0.0', NULL, '{}', '{}', '[]', 'aa', 'k', 0, 'genesis', 'forged', '{}')").run();
    expect(verifyLedgerChain(readLedger(rig.db))).toEqual({ intact: false, brokenAt: 2 });
    expect(rig.reports.ledger().intact).toBe(false);
  });

  it('nothing is signed while the ledger\'s chain is broken: an earlier export could be missing from it', async () => {
    addHouseholds(rig, 60, () => [M12]); // registered 2026-03-15 (Q1)
    rig.clock.advance(20 * DAY); // 2026-04-04
    await exportQ1(rig);
    addHouseholds(rig, 60, () => [M12]); // registered in Q2
    rig.clock.advance(90 * DAY); // 2026-07-03: Q2 is over
    const before = rig.reports.preview({ period: '2026-Q2' });
    expect(before).toMatchObject({ ok: true, refusal: null });
    // A row written outside Houvast, not extending the chain (the triggers only stop changes and replacements).
    rig.db.prepare("INSERT INTO report_ledger (export_id, period, schema_version, supersedes, levels, cells, signal_ids, payload_sha256, key_id, created_at, prev_hash, hash, envelope) VALUES ('x', '2025-Q4', '1.0.0', NULL, '{}', '{}', '[]', 'aa', 'k', 0, 'genesis', 'forged', '{}')").run();
    const after = rig.reports.preview({ period: '2026-Q2' });
    expect(after).toMatchObject({ ok: false, previewHash: null });
    expect(after.refusal).toBe(
      'Het exportlogboek van deze kluis is beschadigd (de keten van verzonden rapporten klopt niet meer). Zolang dat zo is, wordt er geen rapport ondertekend: een eerder verzonden rapport kan ontbreken. Zet een back-up terug of vraag uw beheerder om hulp.',
    );
    // The preview shown before the damage does not sign either.
    await expect(rig.reports.export({ period: '2026-Q2', previewHash: before.previewHash! })).rejects.toThrow();
    expect(readLedger(rig.db).map((e) => e.period)).toEqual(['2026-Q1', '2025-Q4']);
  });

  it('a correction that changes cells by >= k replaces the whole period', async () => {
    addHouseholds(rig, 60, () => [M12]);
    rig.clock.advance(20 * DAY);
    const first = (await exportQ1(rig)).result;
    // Ten more households turn out to belong to Q1 (e.g. restored from a backup): +10 in every cell they touch.
    const extra = addHouseholds(rig, 10, () => []);
    for (const id of extra) rig.db.prepare("INSERT INTO signals (id, dossier_id, vocabulary_version, recorded_on, instantie, mechanism, effects, route, route_result, source, note, created_at, updated_at) VALUES (?, ?, '2026.1', '2026-03-20', 'toeslagen', 'M1.2', '[\"stress\"]', 'geen', 'nvt', 'dossier', '', 0, 0)").run(`c-${id}`, id);
    const preview = rig.reports.preview({ period: '2026-Q1', supersedes: first.exportId });
    expect(preview.refusal).toBeNull();
    const second = await rig.reports.export({ period: '2026-Q1', supersedes: first.exportId, previewHash: preview.previewHash! });
    expect(JSON.parse(Buffer.from(JSON.parse(second.envelope).payload, 'base64').toString()).supersedes).toBe(first.exportId);
    expect(rig.reports.ledger().entries.map((e) => e.supersedes)).toEqual([null, first.exportId]);
    // A lost download: the same signed files again, from the envelope kept in the ledger.
    const again = await rig.reports.download(first.exportId);
    expect(again.envelope).toBe(first.envelope);
    expect(again.csv).toBe(first.csv);
    await expect(rig.reports.download('nope')).rejects.toThrow(/niet in het exportlogboek/);
  });

  it('fictitious households count only in a demo vault', async () => {
    addHouseholds(rig, 60, () => [M12]);
    rig.db.prepare('UPDATE dossiers SET fictitious = 1').run();
    rig.clock.advance(20 * DAY);
    expect(rig.reports.preview({ period: '2026-Q1' }).households).toBe(0);
  });
});

describe('R1: a signal imported into this vault counts in the quarter of the import', () => {
  /** n households from another office, each with one CJIB signal it registered there on `recordedOn`. */
  const otherOffice = (n: number, recordedOn: string) => ({
    format: 'houvast.dossier',
    version: 2,
    dossiers: Array.from({ length: n }, (_, i) => ({
      ...household({
        number: `ELDERS-${i}`,
        adults: [{ role: 'aanvrager', firstName: 'Bea', lastName: `Elders${i}`, birthDate: '1986-05-06', bsn: null }],
        children: [{ firstName: 'Kim', lastName: `Elders${i}`, birthDate: '2016-03-04', livingInHousehold: true }],
      }),
      signals: [{ recordedOn, occurredOn: '2025-12-01', instantie: 'cjib', mechanism: 'M3.1', effects: [], note: 'Privé elders' }],
    })),
  });

  it('signals from a quarter this office already exported appear in the current quarter, the exported one is untouched, the ledger refuses nothing new', async () => {
    const interchange = createInterchangeService({ db: () => rig.db, clock: rig.clock, logger: silentLogger }, { dossiers: rig.dossiers, audit: rig.audit, actor: () => 'Merel', signals: rig.signals });
    addHouseholds(rig, 60, () => [M12]); // registered 15-03-2026 (Q1)
    rig.clock.advance(20 * DAY); // 04-04-2026 (Q2)
    const first = (await exportQ1(rig)).result;
    // 55 households whose signals the other office registered on 10-02-2026, inside the Q1 reported here.
    interchange.importFile(otherOffice(55, '2026-02-10'));
    const imported = rig.signals.list({ instantie: 'cjib' });
    expect(imported).toHaveLength(55);
    for (const s of imported) expect(s).toMatchObject({ recordedOn: '2026-04-04', originalRecordedOn: '2026-02-10', occurredOn: '2025-12-01' });
    // A change later on keeps both dates.
    rig.clock.advance(DAY);
    const changed = rig.signals.update(imported[0]!.id, signalDataSchema.parse({ instantie: 'cjib', mechanism: 'M3.1', effects: ['stress'], occurredOn: '2025-12-01' }));
    expect(changed).toMatchObject({ recordedOn: '2026-04-04', originalRecordedOn: '2026-02-10', effects: ['stress'] });
    expect(rig.signals.list({ quarter: '2026-Q1' })).toHaveLength(60);
    expect(rig.signals.list({ quarter: '2026-Q2' }).map((s) => s.mechanism)).toEqual(Array(55).fill('M3.1'));

    // The exported quarter: a second report is still refused, and a correction would carry exactly what was sent.
    expect(rig.reports.preview({ period: '2026-Q1' }).refusal).toMatch(/al een rapport geaccepteerd/);
    const correction = rig.reports.preview({ period: '2026-Q1', supersedes: first.exportId });
    expect(correction).toMatchObject({ refusal: null, households: 60, signals: 60 });
    const sent = JSON.parse(Buffer.from(JSON.parse(first.envelope).payload, 'base64').toString('utf8')) as { tables: { id: string; cells: { key: string[]; households: number }[] }[] };
    const cellsOf = (tables: { id: string; cells: { key: string[]; households: number }[] }[]) => tables.flatMap((t) => t.cells.map((c) => `${t.id}|${c.key.join('|')}|${c.households}`)).sort();
    expect(cellsOf(correction.tables)).toEqual(cellsOf(sent.tables));

    // The current quarter: once it is over, the imported households are reported there, and accepted.
    rig.clock.advance(100 * DAY); // 14-07-2026 (Q3)
    const q2 = rig.reports.preview({ period: '2026-Q2' });
    expect(q2).toMatchObject({ refusal: null, households: 55, signals: 55 });
    expect(q2.tables.find((t) => t.id === 'T0')!.cells.map((c) => [c.key, c.households])).toEqual([[['M3.1'], 55]]);
    const second = await rig.reports.export({ period: '2026-Q2', previewHash: q2.previewHash! });
    expect(rig.reports.ledger()).toMatchObject({ intact: true });
    expect(rig.reports.ledger().entries.map((e) => [e.period, e.supersedes, e.signals])).toEqual([
      ['2026-Q1', null, 60],
      ['2026-Q2', null, 55],
    ]);
    expect(second.envelope).not.toMatch(/Elders|Privé/);
  });
});
