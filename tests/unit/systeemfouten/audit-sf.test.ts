// Audit (session 12): worked examples from SYSTEEMFOUTEN.md run through the real exporter, mappers,
// verifier and association merge. Expected values are derived by hand from the reference.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { mergeReceivedFiles, REGISTER_FORMAT } from '../../../src/core/systeemfouten/association';
import { canonicalJson, generateOfficeKey, keyIdOf, signEnvelope } from '../../../src/core/systeemfouten/dsse';
import { provinceOfPostcode } from '../../../src/shared/signals/vocabulary';
import { publish, publishable, publishedJsonStat, roundToBase } from '../../../src/shared/systeemfouten/association';
import { DEFAULT_MAPPERS, type SourceHousehold, type SourceSignal } from '../../../src/shared/systeemfouten/collect';
import { PAYLOAD_TYPE, buildExport, toPayload, type ExportEvent, type ExportHousehold, type ExportPayload } from '../../../src/shared/systeemfouten/export';
import { verifyPayloadText } from '../../../src/shared/systeemfouten-verifier/verify';

const HH: ExportHousehold = { region: 'PV26', householdType: 'eenouder', minors: '1', youngestAge: '4-11' };
function ev(household: number, over: Partial<ExportEvent> = {}): ExportEvent {
  return { household, category: 'M2.1', organisation: 'toeslagen', impact: 'onb', shortfall: 'onb', effects: [], route: 'geen', result: 'nvt', ...over };
}
function cellsOf(r: ReturnType<typeof buildExport>, id: string): Record<string, number> {
  if (!r.ok) throw new Error('refused');
  return Object.fromEntries(r.tables.find((t) => t.id === id)!.cells.map((c) => [c.key.join('|'), c.households]));
}

describe('k-anonymity and recoding (2.4, Decisions)', () => {
  it('a combination with k-1 = 9 households is never released; with 5 more small ones the row n.n.b. bucket reaches 14', () => {
    // 300 households, budget floor(0.05*300)=15. 286 toeslagen, 9 cjib, 5 uwv, all else equal.
    // Small-cell households 9+5 = 14 <= 15: ladder stops at L0. Row M2.1: nnb = 9+5 = 14 >= 10.
    const households = Array.from({ length: 300 }, () => HH);
    const events = households.map((_, i) => ev(i, { organisation: i < 9 ? 'cjib' : i < 14 ? 'uwv' : 'toeslagen' }));
    const r = buildExport(events, households);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(Object.values(r.levels).every((l) => l === 0)).toBe(true);
    expect(cellsOf(r, 'T1')).toEqual({ 'M2.1|toeslagen': 286, 'M2.1|nnb': 14 });
    expect(r.recodedHouseholds).toBe(14);
    expect(r.unallocatedHouseholds).toBe(0);
  });

  it('a lone 9-household cell whose buckets stay below k is unallocated, never shown', () => {
    const households = Array.from({ length: 300 }, () => HH);
    const events = households.map((_, i) => ev(i, { organisation: i < 9 ? 'cjib' : 'toeslagen' }));
    const r = buildExport(events, households);
    expect(r.ok && r.unallocatedHouseholds).toBe(9);
    expect(cellsOf(r, 'T1')).toEqual({ 'M2.1|toeslagen': 291 });
    expect(cellsOf(r, 'T0')).toEqual({ 'M2.1': 300 });
  });

  it('ten events of one household never count as ten (H4); 9 households refuse', () => {
    const households = Array.from({ length: 9 }, () => HH);
    const events = [...households.map((_, i) => ev(i)), ...Array.from({ length: 10 }, () => ev(0))];
    const r = buildExport(events, households);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.refusal).toEqual({ code: 'TOO_FEW_HOUSEHOLDS', households: 9, k: 10 });
  });

  it('k can be raised (12) but not lowered (5 -> 10)', () => {
    const households = Array.from({ length: 11 }, () => HH);
    const events = households.map((_, i) => ev(i));
    expect(buildExport(events, households, { k: 5 }).ok && (buildExport(events, households, { k: 5 }) as { k: number }).k).toBe(10);
    expect(buildExport(events, households, { k: 12 }).ok).toBe(false);
  });

  it('the ladder stops at <= 5 %: 20 households, 1 in a small cell stays at L0; 2 coarsen', () => {
    // budget floor(0.05*20) = 1.
    const households = Array.from({ length: 20 }, () => HH);
    const one = buildExport(households.map((_, i) => ev(i, { impact: i === 0 ? 'ge20000' : 'lt250' })), households);
    expect(one.ok && one.levels.impact).toBe(0);
    const two = buildExport(households.map((_, i) => ev(i, { impact: i < 2 ? 'ge20000' : 'lt250' })), households);
    // 2 > 1: impact goes to L1 (ge20000 -> ge5000 still 2), ... the first ladder step is impact.
    expect(two.ok && two.levels.impact).toBeGreaterThanOrEqual(1);
  });
});

describe('coarse dimensions (2.3)', () => {
  const h = (births: string[], adults = 1, postcode: string | null = '3511 AB'): SourceHousehold => ({
    key: 'x',
    adults,
    postcode,
    children: births.map((b) => ({ birthDate: b, livingInHousehold: true })),
  });
  it('youngest child age at the end of the quarter: 0-3 / 4-11 / 12-17, 18 is out', () => {
    const end = '2026-09-30';
    expect(DEFAULT_MAPPERS.youngestAge(h(['2022-10-01']), end)).toBe('0-3'); // 3 on 30-9-2026
    expect(DEFAULT_MAPPERS.youngestAge(h(['2022-09-30']), end)).toBe('4-11'); // 4th birthday that day
    expect(DEFAULT_MAPPERS.youngestAge(h(['2014-10-01']), end)).toBe('4-11'); // 11
    expect(DEFAULT_MAPPERS.youngestAge(h(['2014-09-30']), end)).toBe('12-17'); // 12
    expect(DEFAULT_MAPPERS.youngestAge(h(['2008-10-01']), end)).toBe('12-17'); // 17
    expect(DEFAULT_MAPPERS.youngestAge(h(['2008-09-30']), end)).toBeNull(); // 18: no minor
    expect(DEFAULT_MAPPERS.minors(h(['2008-09-30', '2010-01-01', '2012-01-01', '2014-01-01', '2016-01-01']), end)).toBe('4+');
  });
  it('amount bands: one-off < 250 / 250-999 / 1,000-4,999 / 5,000-19,999 / >= 20,000; shortfall < 50 / 50-149 / 150-299 / >= 300', () => {
    const s = (impactAmount: string | null, monthlyShortfall: string | null = null): SourceSignal => ({
      id: 's', householdKey: 'x', instantie: 'uwv', mechanism: 'M1.1', effects: [], route: 'geen', routeResult: 'nvt', impactAmount, monthlyShortfall, note: '',
    });
    const imp = ['249.99', '250.00', '999.99', '1000.00', '4999.99', '5000.00', '19999.99', '20000.00'].map((a) => DEFAULT_MAPPERS.impact(s(a)));
    expect(imp).toEqual(['lt250', '250-999', '250-999', '1000-4999', '1000-4999', '5000-19999', '5000-19999', 'ge20000']);
    const sf = ['49.99', '50.00', '149.99', '150.00', '299.99', '300.00'].map((a) => DEFAULT_MAPPERS.shortfall(s(null, a)));
    expect(sf).toEqual(['lt50', '50-149', '50-149', '150-299', '150-299', 'ge300']);
    expect(DEFAULT_MAPPERS.impact(s(null))).toBe('onb');
  });
  it('region: province from PC4, never finer', () => {
    const cases: [string, string][] = [
      ['1012 AB', 'PV27'], ['3511 AB', 'PV26'], ['9711 AA', 'PV20'], ['8911 AA', 'PV21'], ['9401 AA', 'PV22'], ['7511 AA', 'PV23'],
      ['1315 AA', 'PV24'], ['6811 AA', 'PV25'], ['2511 AA', 'PV28'], ['4331 AA', 'PV29'], ['5611 AA', 'PV30'], ['6211 AA', 'PV31'],
    ];
    for (const [pc, pv] of cases) expect([pc, provinceOfPostcode(pc)]).toEqual([pc, pv]);
    expect(DEFAULT_MAPPERS.region(h([], 1, null))).toBe('PVONB');
  });
});

// ------------------------------------------------------------------------------------------ association

function payloadOf(n: number, over: Partial<ExportPayload> = {}): ExportPayload {
  const households = Array.from({ length: n }, () => HH);
  const r = buildExport(households.map((_, i) => ev(i)), households);
  if (!r.ok) throw new Error('refused');
  return {
    ...toPayload(r, { exportId: randomUUID(), supersedes: null, period: { type: 'quarter', value: '2026-Q1' }, reporterRole: 'bewind', softwareVersion: '0.1.0', createdOn: '2026-04-03' }),
    ...over,
  };
}
const KEYS = Array.from({ length: 4 }, () => generateOfficeKey());
const register = (revoked: number[] = []) =>
  JSON.stringify({
    format: REGISTER_FORMAT,
    version: 1,
    keys: KEYS.map((k, i) => ({ keyId: keyIdOf(k.publicKey), office: `Kantoor ${i}`, publicKeyPem: k.publicKey.export({ type: 'spki', format: 'pem' }).toString(), revoked: revoked.includes(i) })),
  });
const sign = (i: number, p: ExportPayload, name = `f${i}.json`) => ({ name, text: JSON.stringify(signEnvelope(PAYLOAD_TYPE, canonicalJson(p), KEYS[i]!.privateKey)) });

describe('association import and aggregation (2.8, 2.9)', () => {
  it('adds three offices, publishes >= 10 from >= 3 offices rounded to 5; a re-imported file is not counted twice', () => {
    const a = payloadOf(11);
    const files = [sign(0, a), sign(1, payloadOf(12)), sign(2, payloadOf(13)), sign(0, a, 'again.json')];
    const out = mergeReceivedFiles(files, register());
    expect(out.accepted).toHaveLength(3);
    expect(out.rejected.map((r) => r.name)).toEqual(['again.json']);
    const t0 = out.merged!.tables.find((t) => t.id === 'T0')!;
    expect(t0.cells).toEqual([{ key: ['M2.1'], households: 36, events: 36, contributions: [13, 12, 11] }]);
    // 36 rounds to 35.
    expect(publish(out.merged!).tables.find((t) => t.id === 'T0')!.cells[0]!.households).toBe(35);
  });

  it('two offices only: nothing published; one office above 85 %: not published', () => {
    expect(publishable({ key: ['M1'], households: 40, events: 40, contributions: [20, 20] })).toBe(false);
    // 114 of 134 = 85.07 % > 85 %; 113 of 133 = 84.96 %.
    expect(publishable({ key: ['M1'], households: 134, events: 134, contributions: [114, 10, 10] })).toBe(false);
    expect(publishable({ key: ['M1'], households: 133, events: 133, contributions: [113, 10, 10] })).toBe(true);
    // exactly 85 % is not "above 85 %": 17 of 20 is impossible (min 10 each) -> 170 of 200.
    expect(publishable({ key: ['M1'], households: 200, events: 200, contributions: [170, 20, 10] })).toBe(true);
    for (let n = 30; n < 20000; n++) {
      const max = Math.floor((85 * n) / 100);
      expect(publishable({ key: ['M1'], households: n, events: n, contributions: [max, 10, 10] })).toBe(true);
    }
    expect([12, 13, 10, 17, 18].map((n) => roundToBase(n))).toEqual([10, 15, 10, 15, 20]);
  });

  it('a correction replaces its original whatever order the files come in', () => {
    const orig = payloadOf(20);
    const corr = payloadOf(30, { supersedes: orig.exportId });
    // Cells change by 10 (20 -> 30): >= k, accepted.
    for (const order of [[sign(0, orig, 'orig.json'), sign(0, corr, 'corr.json')], [sign(0, corr, 'corr.json'), sign(0, orig, 'orig.json')]]) {
      const out = mergeReceivedFiles([...order, sign(1, payloadOf(10)), sign(2, payloadOf(10))], register());
      expect(out.rejected).toEqual([]);
      expect(out.merged!.tables.find((t) => t.id === 'T0')!.cells[0]!.households).toBe(50);
    }
  });

  it('a correction changing a cell by 1..k-1 is refused', () => {
    const orig = payloadOf(20);
    const out = mergeReceivedFiles([sign(0, orig), sign(0, payloadOf(25, { supersedes: orig.exportId }), 'corr.json')], register());
    expect(out.rejected.map((r) => r.name)).toEqual(['corr.json']);
  });

  it('refuses tampered, wrong-type, revoked-key, unknown-key and malformed files with a Dutch reason', () => {
    const good = sign(0, payloadOf(11));
    const env = JSON.parse(good.text) as { payloadType: string; payload: string; signatures: { keyid: string; sig: string }[] };
    const body = Buffer.from(env.payload, 'base64').toString('utf8').replace('"households":11', '"households":12');
    const tampered = { name: 't.json', text: JSON.stringify({ ...env, payload: Buffer.from(body).toString('base64') }) };
    const wrongType = { name: 'w.json', text: JSON.stringify({ ...env, payloadType: 'application/json' }) };
    const revoked = sign(3, payloadOf(11), 'r.json');
    const unknown = { name: 'u.json', text: JSON.stringify(signEnvelope(PAYLOAD_TYPE, canonicalJson(payloadOf(11)), generateOfficeKey().privateKey)) };
    const malformed = { name: 'm.json', text: '{"payloadType":' };
    const notCanonical = { name: 'c.json', text: JSON.stringify(signEnvelope(PAYLOAD_TYPE, JSON.stringify(payloadOf(11), null, 1), KEYS[1]!.privateKey)) };
    const out = mergeReceivedFiles([tampered, wrongType, revoked, unknown, malformed, notCanonical], register([3]));
    expect(out.accepted).toEqual([]);
    expect(out.rejected.map((r) => r.name)).toEqual(['t.json', 'w.json', 'r.json', 'u.json', 'm.json', 'c.json']);
    for (const r of out.rejected) expect(r.reason).toMatch(/^(Het|De|Onbekend|Ondertekend)/);
  });

  it('the verifier refuses a signed payload with a 9-household cell or an extra free-text field', () => {
    const p = payloadOf(11);
    const small = JSON.parse(canonicalJson(p)) as ExportPayload;
    small.tables[0]!.cells[0]!.households = 9;
    small.tables[0]!.cells[0]!.events = 9;
    expect(verifyPayloadText(canonicalJson(small)).ok).toBe(false);
    expect(verifyPayloadText(canonicalJson({ ...p, note: 'Jan Jansen' })).ok).toBe(false);
    const free = JSON.parse(canonicalJson(p)) as ExportPayload;
    free.tables[1]!.cells[0]!.key[1] = 'Incassobureau Jansen BV';
    expect(verifyPayloadText(canonicalJson(free)).ok).toBe(false);
  });
});

describe('merging offices that reported at different levels (2.8 step 6: n.n.b. buckets)', () => {
  /** An office payload with the region at landsdeel level (L1): PV26 -> LD03 in T2. */
  function atLandsdeel(n: number): ExportPayload {
    const p = payloadOf(n);
    return {
      ...p,
      privacy: { ...p.privacy, levels: { ...p.privacy.levels, region: 'L1' } },
      tables: p.tables.map((t) => (t.id === 'T2' ? { ...t, cells: t.cells.map((c) => ({ ...c, key: [c.key[0]!, 'LD03'] })) } : t)),
    };
  }
  it('a coarser office value beside finer ones is published as the n.n.b. part of its node', () => {
    expect(verifyPayloadText(canonicalJson(atLandsdeel(10))).ok).toBe(true);
    const keys = Array.from({ length: 6 }, () => generateOfficeKey());
    const reg = JSON.stringify({
      format: REGISTER_FORMAT,
      version: 1,
      keys: keys.map((k, i) => ({ keyId: keyIdOf(k.publicKey), office: `K${i}`, publicKeyPem: k.publicKey.export({ type: 'spki', format: 'pem' }).toString(), revoked: false })),
    });
    const files = keys.map((k, i) => ({ name: `${i}.json`, text: JSON.stringify(signEnvelope(PAYLOAD_TYPE, canonicalJson(i < 3 ? payloadOf(10) : atLandsdeel(10)), k.privateKey)) }));
    const out = mergeReceivedFiles(files, reg);
    expect(out.rejected).toEqual([]);
    const t2 = publish(out.merged!).tables.find((t) => t.id === 'T2')!;
    // Utrecht: 30 households from the three province-level offices; the three landsdeel-level offices' 30 are
    // West-Nederland households whose province is not given: not the West-Nederland total (which is >= 60).
    expect(t2.cells.map((c) => [c.key[1], c.labels[1], c.households])).toEqual([
      ['LD03', 'West-Nederland, n.n.b.', 30],
      ['PV26', 'Utrecht', 30],
    ]);
    expect(JSON.stringify(publishedJsonStat(publish(out.merged!)))).toContain('West-Nederland, n.n.b.');
    // All offices at landsdeel level: LD03 is the whole landsdeel, no n.n.b.
    const only = mergeReceivedFiles(files.slice(3), reg);
    expect(publish(only.merged!).tables.find((t) => t.id === 'T2')!.cells.map((c) => c.labels[1])).toEqual(['West-Nederland']);
  });
});
