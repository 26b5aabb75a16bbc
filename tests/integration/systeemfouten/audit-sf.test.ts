// Audit (session 12): the office side on a real vault with planted identifiers and a k-1 combination,
// checked against SYSTEEMFOUTEN.md (Decisions, 2.4, 2.6, 2.7, 2.8).
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canonicalJson, generateOfficeKey, signEnvelope } from '../../../src/core/systeemfouten/dsse';
import type { ProcedureInput, ProcedureName, ProcedureOutput } from '../../../src/shared/contract/procedures';
import { PAYLOAD_TYPE, buildExport, toPayload, type ExportPayload } from '../../../src/shared/systeemfouten/export';
import { startTestCore } from '../../support/core';
import { signalDataSchema } from '../../../src/shared/signals/schema';
import { verifyPayloadText } from '../../../src/shared/systeemfouten-verifier/verify';
import { extractPdf } from '../budget-pdf/helpers';
import { household, parsed } from '../services/helpers';
import { DAY, makeReportRig, type ReportRig } from './helpers';

let rig: ReportRig;
beforeEach(() => {
  rig = makeReportRig();
});
afterEach(() => rig.close());

// 11-proof BSNs: 111222333 (9+8+7+12+10+8+9+6-3 = 66 = 6*11), 123456782 (9+16+21+24+25+24+21+16-2 = 154 = 14*11).
const BSN = ['111222333', '123456782'];
const IBAN = 'NL91ABNA0417164300';
const CANARIES = ['111222333', '123456782', '111 222 333', '1234.56.782', IBAN, 'NL91 ABNA 0417 1643 00', 'Kanariestraat', 'Zoë', 'Kanariehof', '1987-03-14', '14-03-1987', '3511 KA', '3511KA', 'Geheim-kanarie', 'Incassobureau Kanarie'];

describe('office export with planted identifiers and a k-1 combination', () => {
  it('exports only codes, every count 0 or >= 10; refuses an open quarter, a second export and a small correction', async () => {
    // 60 households in 2026-Q1; households 0..8 (9 = k-1) report CJIB, the rest Toeslagen.
    for (let i = 0; i < 60; i++) {
      const d = rig.dossiers.create(
        parsed(
          household({
            number: `KAN-${i}`,
            adults: [{ role: 'aanvrager', firstName: 'Zoë', lastName: `van 't Kanariehof${i}`, birthDate: '1987-03-14', bsn: i < 2 ? BSN[i]! : null }],
            children: [{ firstName: 'Kanariekind', lastName: 'Kanariehof', birthDate: '2018-05-05', livingInHousehold: true }],
            address: { street: 'Kanariestraat', houseNumber: String(i + 1), postcode: '3511 KA', city: 'Kanariedorp' },
            bankAccounts: [{ iban: IBAN, holder: 'Z. Kanariehof', description: 'Geheim-kanarie rekening' }],
          }),
        ),
      );
      rig.signals.create(
        d.id,
        signalDataSchema.parse({ instantie: i < 9 ? 'cjib' : 'toeslagen', mechanism: 'M1.2', effects: ['stress'], impactAmount: '1234.56', note: `Geheim-kanarie ${BSN[0]} ${IBAN} Incassobureau Kanarie 14-03-1987` }),
      );
    }
    expect(rig.reports.preview({ period: '2026-Q1' }).refusal).toMatch(/nog niet voorbij/);
    rig.clock.advance(20 * DAY); // 2026-04-04
    const preview = rig.reports.preview({ period: '2026-Q1' });
    expect(preview.refusal).toBeNull();
    const res = await rig.reports.export({ period: '2026-Q1', previewHash: preview.previewHash! });
    const env = JSON.parse(res.envelope) as { payload: string };
    const payloadText = Buffer.from(env.payload, 'base64').toString('utf8');
    expect(verifyPayloadText(payloadText).ok).toBe(true);
    const payload = JSON.parse(payloadText) as { tables: { id: string; cells: { key: string[]; households: number }[]; rows?: { households: number }[] }[]; privacy: { unallocatedHouseholds: number; recodedHouseholds: number } };
    for (const t of payload.tables) {
      for (const c of [...t.cells, ...(t.rows ?? [])]) expect(c.households === 0 || c.households >= 10).toBe(true);
    }
    // The 9 CJIB households are not a cell of their own in T1.
    const t1 = payload.tables.find((t) => t.id === 'T1')!;
    expect(t1.cells.some((c) => c.key[1] === 'cjib')).toBe(false);
    const pdf = await extractPdf(Buffer.from(res.pdfBase64, 'base64'));
    const channels = [res.envelope, payloadText, res.csv, pdf.text, JSON.stringify(pdf.info), pdf.metadata ?? '', res.fileBase, Buffer.from(res.pdfBase64, 'base64').toString('latin1')];
    for (const ch of channels) {
      for (const c of CANARIES) {
        expect(ch.includes(c), c).toBe(false);
        expect(ch.toLowerCase().includes(c.toLowerCase()), c).toBe(false);
      }
      expect(ch.includes(Buffer.from(BSN[0]!).toString('base64'))).toBe(false);
    }
    // R3: one accepted export per period.
    expect(rig.reports.preview({ period: '2026-Q1' }).refusal).toMatch(/al een rapport geaccepteerd/);
    // R4: a correction that changes a cell by 1 (one household deleted) is refused.
    const one = rig.dossiers.list().find((d) => d.number === 'KAN-59')!;
    expect(rig.reports.preview({ period: '2026-Q1', supersedes: res.exportId }).refusal).toBeNull();
    rig.signals.delete(rig.signals.list({ dossierId: one.id })[0]!.id);
    expect(rig.reports.preview({ period: '2026-Q1', supersedes: res.exportId }).refusal).toMatch(/minder dan 10 huishoudens/);
    // Overlap: a year export over 2026 is refused while 2026-Q1 stands (after the year ends).
    rig.clock.advance(300 * DAY);
    expect(rig.reports.preview({ period: '2026' }).refusal).toMatch(/overlapt/);
  });
});

describe('minors: children living in the household, co-parenting included (app definition)', () => {
  it('a co-parented child whose kinderbijslag this household receives counts even when not marked as living here', () => {
    // 10 single parents whose only child is co-parented with kinderbijslag received here (livingInHousehold false):
    // in scope, minors 1, youngest 4-11 (born 2018-05-05, 7 on 2026-03-31). 10 whose child is co-parented with the
    // other parent receiving the kinderbijslag and not living here: no minor in this household, out of scope.
    for (let i = 0; i < 20; i++) {
      const d = rig.dossiers.create(
        parsed(
          household({
            adults: [{ role: 'aanvrager', firstName: 'Anna', lastName: `Co${i}`, birthDate: '1985-04-12', bsn: null }],
            children: [
              { firstName: 'Kind', lastName: `Co${i}`, birthDate: '2018-05-05', livingInHousehold: false, coParenting: i < 10 ? 'wij_ontvangen_kinderbijslag' : 'andere_ouder_ontvangt_kinderbijslag' },
            ],
          }),
        ),
      );
      rig.signals.create(d.id, signalDataSchema.parse({ instantie: 'toeslagen', mechanism: 'M1.2' }));
    }
    rig.clock.advance(20 * DAY);
    const p = rig.reports.preview({ period: '2026-Q1' });
    expect(p.households).toBe(10);
    expect(p.outOfScopeHouseholds).toBe(10);
    const t3 = p.tables.find((t) => t.id === 'T3')!;
    expect(t3.cells.map((c) => [c.key, c.households])).toEqual([[['M1.2', 'eenouder', '1'], 10]]);
    const t4 = p.tables.find((t) => t.id === 'T4')!;
    expect(t4.cells.map((c) => [c.key, c.households])).toEqual([[['M1.2', '4-11'], 10]]);
  });
});

describe('vereniging vault: a correction received in the same batch before its original (R4)', () => {
  function payloadOf(n: number, supersedes: string | null = null): ExportPayload {
    const households = Array.from({ length: n }, () => ({ region: 'PV26', householdType: 'eenouder', minors: '1', youngestAge: '4-11' }));
    const events = households.map((_, i) => ({ household: i, category: 'M2.1', organisation: 'toeslagen', impact: 'onb', shortfall: 'onb', effects: [], route: 'geen', result: 'nvt' }));
    const r = buildExport(events, households);
    if (!r.ok) throw new Error('refused');
    return toPayload(r, { exportId: randomUUID(), supersedes, period: { type: 'quarter', value: '2026-Q1' }, reporterRole: 'bewind', softwareVersion: '0.1.0', createdOn: '2026-04-03' });
  }
  it('accepts both, in either order, and publishes the corrected figures', async () => {
    const h = await startTestCore({ cheapKdf: true, prefix: 'audit-sf' });
    try {
      const call = async <K extends ProcedureName>(name: K, input: ProcedureInput<K>): Promise<ProcedureOutput<K>> => {
        const env = await h.core.router.handle(name, input);
        if (!env.ok) throw new Error(`${name}: ${env.error.message}`);
        return env.value as ProcedureOutput<K>;
      };
      await call('vault.create', { name: 'Branchevereniging', passphrase: 'vereniging kluis wachtwoord', kind: 'vereniging' });
      const keys = [0, 1, 2].map(() => generateOfficeKey());
      for (let i = 0; i < 3; i++) await call('association.store.registerKey', { office: `Kantoor ${i}`, publicKeyPem: keys[i]!.publicKey.export({ type: 'spki', format: 'pem' }).toString() });
      const sign = (i: number, p: ExportPayload, name: string) => ({ name, text: JSON.stringify(signEnvelope(PAYLOAD_TYPE, canonicalJson(p), keys[i]!.privateKey)) });
      const orig = payloadOf(20);
      const corr = payloadOf(30, orig.exportId); // every cell changes by 10 = k
      const res = await call('association.store.receive', {
        files: [sign(0, corr, 'correctie.json'), sign(0, orig, 'origineel.json'), sign(1, payloadOf(10), 'b.json'), sign(2, payloadOf(10), 'c.json')],
      });
      expect(res.received.map((r) => [r.name, r.accepted])).toEqual([
        ['correctie.json', true],
        ['origineel.json', true],
        ['b.json', true],
        ['c.json', true],
      ]);
      const pub = await call('association.store.publish', { year: '2026' });
      // 30 + 10 + 10 = 50 households in M2.1 (the original's 20 replaced).
      expect(pub.published!.tables.find((t) => t.id === 'T0')!.cells.map((c) => c.households)).toEqual([50]);
    } finally {
      await h.cleanup();
    }
  });
});
