// The beslagvrije voet above the norm (art. 475da-475dc Rv, 2026 text) and the VTLB blocks, against the real
// bundled norm tables. Every expected figure is computed by hand in the comment above it from the statute and
// /work/shared/domain/BVV-VTLB.md (§1 formula, §2 parameters, §3 vectors), never taken from the code.
//
// Parameters 2026 (BVV-VTLB.md §2): A 1401.50 (Jan) / 1419.46 (Jul); B 2002.13 / 2027.79; D 29,735.42;
// E 13.73 %; F 27 %; G 22 %; H 932.93; J 202.52 (eenpersoons) / 200.71 (meerpersoons); minimum-inkomensijkpunt
// 23,425 / 31,500; K 7.6 %; L 9,405; zorg cap 2119/12 − 47 = 129.58333 (single, ALO) and 2 × 2119/12 − 106 =
// 247.16667 (gehuwden).
import Decimal from 'decimal.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { bvvFormula, NormUse, resolveBvvParameters, type BvvLeefsituatie } from '../../../src/shared/budget';
import { computeBudget } from '../../../src/shared/budget/engine';
import { toBudgetJson } from '../../../src/shared/budget/json';
import { buildNormSet, findPeriod, type NormSet } from '../../../src/shared/budget/norms';
import type { NormFile } from '../../../src/shared/budget/norm-schema';
import { loadBundledNormFiles } from '../../../src/core/norms/load';
import { adult, bundledNorms, child, codes, dossier, inputs, RESOURCES, s } from './helpers';

let norms: NormSet;
beforeAll(async () => {
  norms = await bundledNorms();
});

const JAN = '2026-03-15';
const JUL = '2026-07-15';

function params(date: string, leefsituatie: BvvLeefsituatie) {
  const periods = {
    bijstand: findPeriod(norms.bijstandsnormen, date)!,
    bvv: findPeriod(norms.beslagvrije_voet, date)!,
    zorgverzekering: findPeriod(norms.zorgverzekering, date),
    kgb: findPeriod(norms.kindgebonden_budget, date),
  };
  return resolveBvvParameters(new NormUse(norms), periods, leefsituatie, date);
}

describe('art. 475da lid 1 and lid 8: the formula reproduces all eight published maxima of 2026 to the cent', () => {
  /*
   * Lid 8: the maximum is the lid-2 outcome at the income where I × F/12 (single) or I × G/12 (others) equals H,
   * so C* = minimum-inkomensijkpunt + 12 × H / percentage:
   *   single: 23,425 + 12 × 932.93 / 0.27 = 64,888.555..; others: 31,500 + 12 × 932.93 / 0.22 = 82,387.090..
   * Jan single:   1331.425 + 129.58333 (cap) + 730.41 (H − J)                       = 2191.41833 -> 2191.42
   * Jan ALO:      1331.425 + 129.58333 + 732.22 + (82,387.09 − 29,735.42)/12 × 7.6 % = 2526.689 -> 2526.69
   * Jan couple:   1902.0235 + 247.16667 + 732.22                                   = 2881.41017 -> 2881.41
   * Jan couple+k: 1902.0235 + 247.16667 + 732.22 + (82,387.09 − 39,140.42)/12 × 7.6 % = 3155.3058 -> 3155.31
   * Jul: the same terms on 95 % × 1419.46 = 1348.487 and 95 % × 2027.79 = 1926.4005:
   *   2208.48033 -> 2208.48; 2543.751 -> 2543.75; 2905.78717 -> 2905.79; 3179.6828 -> 3179.68.
   * Published (Rv 475da lid 1, texts of 2026-01-01 and 2026-07-01): exactly these eight amounts.
   */
  const published: [string, BvvLeefsituatie, string][] = [
    [JAN, 'alleenstaande', '2191.42'],
    [JAN, 'alleenstaande_ouder', '2526.69'],
    [JAN, 'gehuwden_zonder_kinderen', '2881.41'],
    [JAN, 'gehuwden_met_kinderen', '3155.31'],
    [JUL, 'alleenstaande', '2208.48'],
    [JUL, 'alleenstaande_ouder', '2543.75'],
    [JUL, 'gehuwden_zonder_kinderen', '2905.79'],
    [JUL, 'gehuwden_met_kinderen', '3179.68'],
  ];
  it.each(published)('%s %s -> %s', (date, leefsituatie, max) => {
    const r = params(date, leefsituatie);
    expect(r.params).not.toBeNull();
    const single = leefsituatie === 'alleenstaande';
    const cStar = new Decimal(single ? '23425' : '31500').plus(new Decimal('932.93').times(12).dividedBy(single ? '0.27' : '0.22'));
    const o = bvvFormula(r.params!, leefsituatie, cStar);
    expect(o.uitkomst.toFixed(2)).toBe(max);
    // And the table holds the same published maximum.
    expect(s(r.maximum)).toBe(max);
  });

  it('marks the secondary and derived parameters with their status and sources', () => {
    const p = findPeriod(norms.beslagvrije_voet, JAN)!;
    expect(p.figures['formula.drempelinkomen']).toBe('29735.42');
    expect(p.figureStatus['formula.drempelinkomen']).toBe('derived');
    expect(p.figureStatus['formula.basishuur_eenpersoons']).toBe('secondary');
    expect(p.figureStatus['formula.minimum_inkomensijkpunt_meerpersoons']).toBe('derived');
    expect(p.figureStatus['formula.zorg_pct']).toBeUndefined(); // period status: official (statute)
    expect(p.status).toBe('official');
    expect(p.source.some((x) => x.includes('BWBR0018451'))).toBe(true);
    expect(p.source.some((x) => x.includes('BWBR0008659'))).toBe(true);
  });
});

describe('BVV above the norm, through the engine (BVV-VTLB.md §3.3 examples, Jan 2026)', () => {
  /*
   * Example 1: alleenstaande ouder, 1 child, net 2000.00/month, C = 33,600.
   *   95 % × 1401.50 = 1331.425; Z = (33,600 − 29,735.42)/12 × 13.73 % = 322.04833 × 0.1373 = 44.21724;
   *   I = 33,600 − 31,500 = 2,100 -> W = 2,100 × 22 % / 12 = 38.50; KGB = 322.04833 × 7.6 % = 24.47567.
   *   Sum 1438.61791 -> 1438.62 (<= max 2526.69); 95 % × 2000 = 1900.00 is not binding -> BVV 1438.62.
   *   Shown terms 1331.43 + 44.22 + 38.50 + 24.48 = 1438.63: one cent more than the once-rounded sum, so an
   *   "afronding" line of −0.01 makes the shown steps add up.
   */
  const alo = (extra: Partial<Parameters<typeof dossier>[0]> = {}) =>
    dossier({
      adults: [adult('aanvrager', '1990-03-10')],
      children: [child('2019-04-01')],
      incomes: [{ description: 'Loon', category: 'loon', amount: '2000.00', frequency: 'maand', personRole: 'aanvrager' }],
      ...extra,
    });
  it('example 1: alleenstaande ouder, C = 33,600 -> 1438.62, steps shown add up', () => {
    const r = computeBudget(alo(), inputs({ belastbaarInkomenPerJaar: { aanvrager: '33600.00' } }), norms, JAN);
    expect(r.beslagvrijeVoet.regime).toBe('inkomen_boven_norm');
    expect(s(r.beslagvrijeVoet.value)).toBe('1438.62');
    const steps = r.bvvBerekening!.steps;
    const v = (k: string) => s(steps.find((x) => x.kind === k)?.figure.value);
    expect([v('basis'), v('zorg'), v('woon'), v('kgb'), v('afronding'), v('formule')]).toEqual(['1331.43', '44.22', '38.50', '24.48', '-0.01', '1438.62']);
    expect(v('inkomenstoets')).toBe('1900.00');
    expect(v('uitkomst')).toBe('1438.62');
    expect(r.bvvBerekening!.vorm).toBe('lineair');
  });

  /*
   * Example 2: gehuwden, 2 children, debtor net 2800.00, partner no income, C = 48,000 (both partners debtor).
   *   95 % × 2002.13 = 1902.0235; Z = (48,000 − 29,735.42)/12 × 13.73 % = 1522.04833 × 0.1373 = 208.97724 (cap 247.17 not reached);
   *   W = (48,000 − 31,500) × 22 % / 12 = 302.50; KGB = (48,000 − 39,140.42)/12 × 7.6 % = 738.29833 × 0.076 = 56.11067.
   *   Sum 2469.61141 -> 2469.61; 95 % × 2800 = 2660.00 not binding -> 2469.61.
   */
  const couple = (partnerIncome: string | null) =>
    dossier({
      adults: [adult('aanvrager', '1985-01-01'), adult('partner', '1986-01-01')],
      children: [child('2015-01-01'), child('2018-01-01')],
      incomes: [
        { description: 'Loon', category: 'loon', amount: '2800.00', frequency: 'maand', personRole: 'aanvrager' },
        ...(partnerIncome ? [{ description: 'Loon partner', category: 'loon' as const, amount: partnerIncome, frequency: 'maand' as const, personRole: 'partner' as const }] : []),
      ],
    });
  it('example 2: gehuwden met kinderen, C = 48,000 -> 2469.61', () => {
    const r = computeBudget(couple(null), inputs({ belastbaarInkomenPerJaar: { aanvrager: '48000.00', partner: '0.00' } }), norms, JAN);
    expect(s(r.beslagvrijeVoet.value)).toBe('2469.61');
    expect(r.bvvBerekening!.leefsituatie).toBe('gehuwden_met_kinderen');
  });

  /*
   * Example 2b (art. 475db lid 1 a): as example 2, partner earns 9,000/yr belastbaar, 600.00 net per month, not
   * attached (beslag on the aanvrager's income). C = 57,000:
   *   Z = (57,000 − 29,735.42)/12 × 13.73 % = 311.95 -> cap 247.16667; W = 25,500 × 22 % / 12 = 467.50;
   *   KGB = (57,000 − 39,140.42)/12 × 7.6 % = 113.11067. Sum 1902.0235 + 247.16667 + 467.50 + 113.11067 = 2729.80084 -> 2729.80.
   *   475db a: − min(600.00, ½ × 2729.80 = 1364.90) = −600.00 -> 2129.80. Cap 95 % × 2800 = 2660.00 -> BVV 2129.80.
   * Afloscapaciteit counts only the debtor's income (2800.00).
   */
  it('example 2b: the partner’s non-attached income is deducted (475db a)', () => {
    const r = computeBudget(couple('600.00'), inputs({ beslagOp: 'aanvrager', belastbaarInkomenPerJaar: { aanvrager: '48000.00', partner: '9000.00' } }), norms, JAN);
    expect(s(r.beslagvrijeVoet.value)).toBe('2129.80');
    const steps = r.bvvBerekening!.steps;
    expect(s(steps.find((x) => x.kind === 'formule')!.figure.value)).toBe('2729.80');
    expect(s(steps.find((x) => x.kind === 'aftrek_partner')!.figure.value)).toBe('-600.00');
    expect(s(r.bvvBerekening!.inkomenSchuldenaar.value)).toBe('2800.00');
  });

  /*
   * All three reductions in their order (475db lid 1 a, b, c). Couple with 2 children, C = 48,000 + 20,000 = 68,000:
   *   Z = cap 247.16667; W = (68,000 − 31,500) × 22 % / 12 = 669.16667; KGB = (68,000 − 39,140.42)/12 × 7.6 % = 182.77734.
   *   Sum 1902.0235 + 247.16667 + 669.16667 + 182.77734 = 3001.13418 -> 3001.13 (<= 3155.31).
   *   a: partner net 1800.00, at most ½ × 3001.13 = 1500.565 ("ten hoogste de helft", BVV-VTLB.md §1.8
   *      bvv − min(income, bvv/2) rounded half-up): 3001.13 − 1500.565 = 1500.565 -> 1500.57, a deduction of 1500.56.
   *   b: own non-attached 100.00: 1400.57.   c: loonheffing auto van de zaak 40.00: 1360.57.
   *   Cap 95 % × 2800.00 = 2660.00 not binding -> 1360.57.
   *   (Taking b before a would give ½ × 2901.13 = 1450.57 and a different result: the order matters.)
   */
  it('applies the reductions in the statutory order, the partner’s at most half', () => {
    const r = computeBudget(
      couple('1800.00'),
      inputs({
        beslagOp: 'aanvrager',
        belastbaarInkomenPerJaar: { aanvrager: '48000.00', partner: '20000.00' },
        nietBeslagenEigenInkomenPerMaand: '100.00',
        loonheffingAutoVanDeZaakPerMaand: '40.00',
      }),
      norms,
      JAN,
    );
    const kinds = r.bvvBerekening!.steps.map((x) => x.kind);
    expect(kinds.indexOf('aftrek_partner')).toBeLessThan(kinds.indexOf('aftrek_eigen'));
    expect(kinds.indexOf('aftrek_eigen')).toBeLessThan(kinds.indexOf('aftrek_auto'));
    const v = (k: string) => s(r.bvvBerekening!.steps.find((x) => x.kind === k)!.figure.value);
    expect(v('formule')).toBe('3001.13');
    expect(v('aftrek_partner')).toBe('-1500.56');
    expect(v('aftrek_eigen')).toBe('-100.00');
    expect(v('aftrek_auto')).toBe('-40.00');
    expect(s(r.beslagvrijeVoet.value)).toBe('1360.57');
  });

  /*
   * Zorg cap (lid 3): single, C = 45,000, net 2600.00 (Jan).
   *   Z uncapped = (45,000 − 29,735.42)/12 × 13.73 % = 1272.04833 × 0.1373 = 174.65224 > cap 129.58333 -> 129.58333.
   *   W = (45,000 − 23,425) × 27 % / 12 = 485.4375. Sum 1331.425 + 129.58333 + 485.4375 = 1946.44583 -> 1946.45.
   *   95 % × 2600 = 2470.00 not binding -> 1946.45.
   */
  it('caps the zorg term at the standaardpremie minus the art. 23 lid 2 amount', () => {
    const d = dossier({ adults: [adult('aanvrager', '1990-01-01')], incomes: [{ description: 'Loon', category: 'loon', amount: '2600.00', frequency: 'maand' }] });
    const r = computeBudget(d, inputs({ belastbaarInkomenPerJaar: { aanvrager: '45000.00' } }), norms, JAN);
    const zorg = r.bvvBerekening!.steps.find((x) => x.kind === 'zorg')!;
    expect(s(zorg.figure.value)).toBe('129.58');
    expect(zorg.figure.explanation.inputs['zonder maximum']).toMatch(/^≈174\.652/);
    expect(s(r.beslagvrijeVoet.value)).toBe('1946.45');
  });

  /*
   * Example 3 (Jul 2026): single, C = 70,000, net 3600.00: 1348.487 + 129.58333 (cap) + min((70,000 − 23,425) × 27 %/12 = 1047.94, 730.41)
   *   = 2208.48033 -> 2208.48 = the maximum.
   */
  it('example 3: a high income reaches the maximum', () => {
    const d = dossier({ adults: [adult('aanvrager', '1990-01-01')], incomes: [{ description: 'Loon', category: 'loon', amount: '3600.00', frequency: 'maand' }] });
    const r = computeBudget(d, inputs({ belastbaarInkomenPerJaar: { aanvrager: '70000.00' } }), norms, JUL);
    expect(s(r.beslagvrijeVoet.value)).toBe('2208.48');
  });

  /*
   * Example 4 and the floors (§5): single at bijstand level, C = 17,000, net 1400.00 (Jan).
   *   Z = 0 (D := C); I = max(0, 17,000 − 23,425) = 0 -> W = 0. 95 % × 1401.50 = 1331.425 -> 1331.43.
   *   95 % cap (475dc): 95 % × 1400.00 = 1330.00 < 1331.43 -> BVV 1330.00.
   */
  it('example 4: the floor on I and the 95 % cap of art. 475dc', () => {
    const d = dossier({ adults: [adult('aanvrager', '1990-01-01')], incomes: [{ description: 'Uitkering', category: 'uitkering_uwv', amount: '1400.00', frequency: 'maand' }] });
    const r = computeBudget(d, inputs({ belastbaarInkomenPerJaar: { aanvrager: '17000.00' } }), norms, JAN);
    const v = (k: string) => s(r.bvvBerekening!.steps.find((x) => x.kind === k)!.figure.value);
    expect(v('woon')).toBe('0.00');
    expect(v('formule')).toBe('1331.43');
    expect(v('inkomenstoets')).toBe('1330.00');
    expect(s(r.beslagvrijeVoet.value)).toBe('1330.00');
  });

  /*
   * Floor on the couple KGB term: gehuwden met kinderen, C = 35,000 (between D and D + L = 39,140.42), net 2300.00.
   *   KGB = (35,000 − 39,140.42)/12 × 7.6 % < 0 -> 0. Z = (35,000 − 29,735.42)/12 × 13.73 % = 60.23564;
   *   W = (35,000 − 31,500) × 22 %/12 = 64.16667. Sum 1902.0235 + 60.23564 + 64.16667 = 2026.42581 -> 2026.43.
   *   95 % × 2300 = 2185.00 not binding -> 2026.43 (without the floor: 2026.43 − 26.22 = 2000.20).
   */
  it('floors the couple KGB term at zero', () => {
    const d = dossier({
      adults: [adult('aanvrager', '1985-01-01'), adult('partner', '1986-01-01')],
      children: [child('2016-01-01')],
      incomes: [{ description: 'Loon', category: 'loon', amount: '2300.00', frequency: 'maand', personRole: 'aanvrager' }],
    });
    const r = computeBudget(d, inputs({ belastbaarInkomenPerJaar: { aanvrager: '35000.00', partner: '0.00' } }), norms, JAN);
    expect(s(r.bvvBerekening!.steps.find((x) => x.kind === 'kgb')!.figure.value)).toBe('0.00');
    expect(s(r.beslagvrijeVoet.value)).toBe('2026.43');
  });

  /*
   * Woonkostenverhoging on request (lid 5): example 1 with rent 1100.00/month.
   *   110 % × H = 1.10 × 932.93 = 1026.223 -> 1026.22; raise = 1100.00 − 1026.22 = 73.78.
   *   1438.62 + 73.78 = 1512.40; 95 % × 2000 = 1900.00 not binding -> 1512.40. Not requested -> 1438.62.
   */
  it('adds the woonkostenverhoging only on request', () => {
    const d = alo({ expenses: [{ description: 'Huur', category: 'huur', amount: '1100.00', frequency: 'maand' }] });
    const asked = computeBudget(d, inputs({ belastbaarInkomenPerJaar: { aanvrager: '33600.00' }, woonkostenverhoging: true }), norms, JAN);
    expect(s(asked.bvvBerekening!.steps.find((x) => x.kind === 'woonkostenverhoging')!.figure.value)).toBe('73.78');
    expect(s(asked.beslagvrijeVoet.value)).toBe('1512.40');
    const notAsked = computeBudget(d, inputs({ belastbaarInkomenPerJaar: { aanvrager: '33600.00' } }), norms, JAN);
    expect(s(notAsked.beslagvrijeVoet.value)).toBe('1438.62');
    // The VTLB's woonlasten correction covers only what the BVV does not: without the raise
    // (1100.00 − 0) − (200.71 + 38.50) = 860.79; with it 860.79 − 73.78 = 787.01. The VTLB itself is the same.
    const woon = (r: typeof asked) => s(r.vtlb.lines.find((l) => l.kind === 'woonlasten')!.figure.value);
    expect(woon(notAsked)).toBe('860.79');
    expect(woon(asked)).toBe('787.01');
    expect(s(asked.vtlb.total.value)).toBe(s(notAsked.vtlb.total.value));
  });
});

describe('art. 475da lid 7: the raise for an eigen woning is pointed out, never estimated', () => {
  /* Lid 7 (texts of 2026-01-01 and 2026-07-01): belastbaar inkomen below 55,682.78 (alleenstaand) -> the raise may be asked
   * for; its amount is set by AMvB (not read), so only a warning. Single, C = 40,000 < 55,682.78, mortgage in the dossier. */
  const owner = (withMortgage: boolean) =>
    dossier({
      adults: [adult('aanvrager', '1990-01-01')],
      incomes: [{ description: 'Loon', category: 'loon', amount: '2400.00', frequency: 'maand' }],
      expenses: withMortgage ? [{ description: 'Hypotheek', category: 'hypotheek', amount: '900.00', frequency: 'maand' }] : [],
    });
  it('warns an owner-occupier below the income limit, with the limit from the table', () => {
    const r = computeBudget(owner(true), inputs({ belastbaarInkomenPerJaar: { aanvrager: '40000.00' } }), norms, JAN);
    const w = r.warnings.find((x) => x.code === 'BVV_VERHOGING_EIGEN_WONING_MOGELIJK')!;
    expect(w.message).toContain('€ 55.682,78');
    expect(w.message).toContain('niet geschat');
    const above = computeBudget(owner(true), inputs({ belastbaarInkomenPerJaar: { aanvrager: '60000.00' } }), norms, JAN);
    expect(codes(above)).not.toContain('BVV_VERHOGING_EIGEN_WONING_MOGELIJK');
    const tenant = computeBudget(owner(false), inputs({ belastbaarInkomenPerJaar: { aanvrager: '40000.00' } }), norms, JAN);
    expect(codes(tenant)).not.toContain('BVV_VERHOGING_EIGEN_WONING_MOGELIJK');
  });
});

describe('art. 475da lid 7: the raise as the beslaglegger computed it, an input with its source', () => {
  const owner = dossier({
    adults: [adult('aanvrager', '1990-01-01')],
    incomes: [{ description: 'Loon', category: 'loon', amount: '2400.00', frequency: 'maand' }],
    expenses: [{ description: 'Hypotheek', category: 'hypotheek', amount: '900.00', frequency: 'maand' }],
  });
  const raise = { bedragPerMaand: '150.00', bron: 'mededeling CJIB van 12-05-2026' };
  /* Jan 2026, single, C = 40,000: 95 % x 1401.50 = 1331.425; Z = (40,000 - 29,735.42) / 12 x 13.73 % = 117.4439;
   * W = (40,000 - 23,425) x 27 % / 12 = 372.9375; sum 1821.8064 -> 1821.81 (< maximum 2191.42). Lid 7 raise 150.00
   * (input) -> 1971.81; 95 % x 2400 = 2280.00 not binding -> BVV 1971.81. */
  it('adds the entered amount after the maximum, with its source, below the income limit', () => {
    const r = computeBudget(owner, inputs({ belastbaarInkomenPerJaar: { aanvrager: '40000.00' }, verhogingEigenWoning: raise }), norms, JAN);
    expect(s(r.beslagvrijeVoet.value)).toBe('1971.81');
    const st = r.bvvBerekening!.steps.find((x) => x.kind === 'verhoging_eigen_woning')!;
    expect(s(st.figure.value)).toBe('150.00');
    expect(st.figure.explanation.rule).toContain('mededeling CJIB van 12-05-2026');
    expect(codes(r)).not.toContain('BVV_VERHOGING_EIGEN_WONING_MOGELIJK');
    expect(toBudgetJson(r).beslagvrijeVoet).toBe('1971.81');
  });
  /* C = 60,000 is not below 55,682.78: the raise does not apply (warning). Z capped 129.58, W capped 730.41:
   * 1331.425 + 129.58 + 730.41 = 2191.415 -> 2191.42 = maximum; 95 % x 2400 = 2280.00 -> BVV 2191.42. */
  it('does not apply it above the income limit of lid 7', () => {
    const r = computeBudget(owner, inputs({ belastbaarInkomenPerJaar: { aanvrager: '60000.00' }, verhogingEigenWoning: raise }), norms, JAN);
    expect(s(r.beslagvrijeVoet.value)).toBe('2191.42');
    expect(r.warnings.find((w) => w.code === 'BVV_VERHOGING_EIGEN_WONING_BOVEN_GRENS')!.message).toContain('€ 55.682,78');
  });
  it('keeps pointing at the raise without an entered amount, and says where to enter it', () => {
    const r = computeBudget(owner, inputs({ belastbaarInkomenPerJaar: { aanvrager: '40000.00' } }), norms, JAN);
    expect(r.warnings.find((w) => w.code === 'BVV_VERHOGING_EIGEN_WONING_MOGELIJK')!.message).toContain('verhoging eigen woning, met de bron');
    expect(() => inputs({ verhogingEigenWoning: { bedragPerMaand: '150.00', bron: '' } })).toThrow(/waar het bedrag vandaan komt/);
  });
});

describe('art. 475e lid 2: verblijf in een inrichting', () => {
  const single = (loon: string) =>
    dossier({ adults: [adult('aanvrager', '1970-01-01')], incomes: [{ description: 'Pensioen', category: 'aow_pensioen', amount: loon, frequency: 'maand' }] });
  const inrichting = { prijsPerMaand: '2000.00', bron: 'beschikking CAK 2026' };
  /* Jul 2026, alleenstaande: price 2000.00 + 2/3 x 449.44 (art. 23 lid 1 PW) = 299.6267 + 47.00 (art. 23 lid 2)
   * = 2346.6267 -> 2346.63. Income 2600: 95 % = 2470.00 not binding -> 2346.63; income 2400: 2280.00 binds. */
  it('is the price for care + 2/3 of the art. 23 lid 1 norm + the art. 23 lid 2 amount, then the 95 % cap', () => {
    const r = computeBudget(single('2600.00'), inputs({ inrichting }), norms, JUL);
    expect(s(r.beslagvrijeVoet.value)).toBe('2346.63');
    const st = r.bvvBerekening!.steps.find((x) => x.kind === 'inrichting')!;
    expect(st.figure.explanation.rule).toContain('beschikking CAK 2026');
    expect(st.figure.explanation.inputs).toMatchObject({ 'bedrag art. 23 lid 2': '47.00' });
    // No C is needed for this rule.
    expect(codes(r)).not.toContain('BVV_BELASTBAAR_INKOMEN_NODIG');
    expect(s(computeBudget(single('2400.00'), inputs({ inrichting }), norms, JUL).beslagvrijeVoet.value)).toBe('2280.00');
  });
  /* The VTLB's individual corrections compare actual costs with the fictitious amounts of the art. 475da formula
   * (BVV-VTLB.md §4.2); this BVV does not come from that formula, so they are not computed, and the text says why
   * (it used to say the formula's parameters were missing, which is not the case). */
  it('leaves the VTLB corrections out with the inrichting as the reason', () => {
    const d = dossier({
      adults: [adult('aanvrager', '1970-01-01')],
      incomes: [{ description: 'Pensioen', category: 'aow_pensioen', amount: '2600.00', frequency: 'maand' }],
      expenses: [{ description: 'Zorgpremie', category: 'zorgverzekering', amount: '150.00', frequency: 'maand' }],
    });
    const zorg = computeBudget(d, inputs({ inrichting }), norms, JUL).vtlb.lines.find((l) => l.kind === 'zorgkosten')!;
    expect(s(zorg.figure.value)).toBe('0.00');
    expect(zorg.figure.explanation.rule).toContain('inrichting (art. 475e lid 2 Rv)');
    expect(zorg.figure.explanation.rule).not.toContain('parameters');
  });
  /* Jan 2026, gehuwden: 1500.00 + 2/3 x 690.27 = 460.18 + 106.00 = 2066.18; partner 475db a does not apply (household). */
  it('uses the couple norms for gehuwden and says to check when only one partner stays there', () => {
    const d = dossier({
      adults: [adult('aanvrager', '1950-01-01'), adult('partner', '1952-01-01')],
      incomes: [{ description: 'Pensioen', category: 'aow_pensioen', amount: '3000.00', frequency: 'maand' }],
    });
    const r = computeBudget(d, inputs({ inrichting: { prijsPerMaand: '1500.00', bron: 'zorginstelling' } }), norms, JAN);
    expect(s(r.beslagvrijeVoet.value)).toBe('2066.18');
    expect(codes(r)).toContain('BVV_INRICHTING_GEHUWDEN');
  });
});

describe('the stated BVV is a check, not a substitute', () => {
  const d = () =>
    dossier({
      adults: [adult('aanvrager', '1990-03-10')],
      children: [child('2019-04-01')],
      incomes: [{ description: 'Loon', category: 'loon', amount: '2000.00', frequency: 'maand' }],
    });
  /* Houvast 1438.62 (example 1) against a stated 1400.00: 38.62 apart (> 1.00) -> warning with both figures and the
   * herberekening sentence; the BVV stays Houvast's own figure. */
  it('warns with both computations and the herberekening sentence when they differ by more than € 1', () => {
    const r = computeBudget(d(), inputs({ belastbaarInkomenPerJaar: { aanvrager: '33600.00' }, statedBvv: { amount: '1400.00', date: '2026-02-01', statedBy: 'Deurwaarder Janssen' } }), norms, JAN);
    expect(s(r.beslagvrijeVoet.value)).toBe('1438.62');
    const w = r.warnings.find((x) => x.code === 'BVV_OPGAVE_WIJKT_AF')!;
    expect(w.message).toContain('€ 1.400,00');
    expect(w.message).toContain('€ 1.438,62');
    expect(w.message).toContain('€ 38,62');
    expect(w.message).toContain('Zorgterm');
    expect(w.message).toContain('herberekening');
    expect(s(r.bvvBerekening!.opgave!.difference)).toBe('38.62');
    expect(r.bvvBerekening!.opgave!.differs).toBe(true);
  });
  /* Stated 1438.00: 0.62 apart (<= 1.00) -> no warning. */
  it('accepts a difference of at most € 1', () => {
    const r = computeBudget(d(), inputs({ belastbaarInkomenPerJaar: { aanvrager: '33600.00' }, statedBvv: { amount: '1438.00', date: '2026-02-01', statedBy: 'CJIB' } }), norms, JAN);
    expect(codes(r)).not.toContain('BVV_OPGAVE_WIJKT_AF');
    expect(r.bvvBerekening!.opgave!.differs).toBe(false);
  });
  /* Without C above the norm: no figure (never the stated one), a warning that asks for the belastbaar inkomen. */
  it('asks for the missing belastbaar inkomen and never guesses', () => {
    const r = computeBudget(d(), inputs({ statedBvv: { amount: '1400.00', date: '2026-02-01', statedBy: 'CJIB' } }), norms, JAN);
    expect(r.beslagvrijeVoet.value).toBeNull();
    expect(r.vtlb.total.value).toBeNull();
    expect(r.afloscapaciteit.value).toBeNull();
    const w = r.warnings.find((x) => x.code === 'BVV_BELASTBAAR_INKOMEN_NODIG')!;
    expect(w.message).toContain('belastbaar inkomen');
    expect(w.message).toContain('jaaropgave');
    expect(toBudgetJson(r).beslagvrijeVoet).toBeNull();
  });
  it('asks for the partner’s figure too in a couple', () => {
    const c = dossier({
      adults: [adult('aanvrager', '1985-01-01'), adult('partner', '1986-01-01')],
      incomes: [{ description: 'Loon', category: 'loon', amount: '2800.00', frequency: 'maand' }],
    });
    const r = computeBudget(c, inputs({ belastbaarInkomenPerJaar: { aanvrager: '40000.00' } }), norms, JAN);
    expect(r.beslagvrijeVoet.value).toBeNull();
    expect(r.warnings.find((x) => x.code === 'BVV_BELASTBAAR_INKOMEN_NODIG')!.message).toContain('de partner');
    // The JSON view (and the CLI that prints it) gives no C while the partner's figure is missing.
    expect(toBudgetJson(r).belastbaarInkomenPerJaar).toEqual({ aanvrager: '40000.00', partner: null, totaal: null });
    // With both: C = 40,000 + 12,500 = 52,500 (art. 475da lid 2: debtor and spouse together).
    const both = computeBudget(c, inputs({ belastbaarInkomenPerJaar: { aanvrager: '40000.00', partner: '12500.00' } }), norms, JAN);
    expect(toBudgetJson(both).belastbaarInkomenPerJaar).toEqual({ aanvrager: '40000.00', partner: '12500.00', totaal: '52500.00' });
  });
});

describe('the 2021-2025 quadratic form on a 2025 date', () => {
  /*
   * The bundled 2025 tables lack the quadratic parameters (not found): with a user period that supplies them the
   * old formula applies. Illustrative user parameters for 2025-07-01 (origin "user"): D 28,000; E 13.7 %;
   * J eenpersoons 220.00; C² factor 0.5 × 10⁻⁶; C factor 0.002. Bundled: A 1369.06 (2025-07), standaardpremie 2112
   * (2025), art. 23 lid 2 PW 45.00 (2025-07), maximum single 2093.67.
   * Single, C = 40,000, net 2500.00 (2025-09-15):
   *   95 % × 1369.06 = 1300.607; Z = (40,000 − 28,000)/12 × 0.137 = 137.00, cap 2112/12 − 45 = 131.00 -> 131.00;
   *   W = 0.5e-6 × 40,000² + 0.002 × 40,000 − 220 = 800 + 80 − 220 = 660.00.
   *   Sum 1300.607 + 131.00 + 660.00 = 2091.607 -> 2091.61 (<= 2093.67); 95 % × 2500 = 2375.00 -> BVV 2091.61.
   */
  it('applies (F × C² + G × C) − J with a user-supplied period', async () => {
    const files = await loadBundledNormFiles(RESOURCES);
    const bvvFile = files.find((f) => f.group === 'beslagvrije_voet')!;
    const user: NormFile = {
      ...bvvFile,
      origin: 'user',
      periods: {
        '2025-07-01': {
          status: 'secondary',
          source: ['Testinvoer (illustratieve parameters)'],
          figures: {
            single: '2093.67',
            single_parent: '2264.67',
            couple_no_children: '2771.07',
            couple_with_children: '2888.00',
            'formula.drempelinkomen': '28000',
            'formula.zorg_pct': '0.137',
            'formula.basishuur_eenpersoons': '220.00',
            'formula.basishuur_meerpersoons': '220.00',
            'formula.kwadratisch.eenpersoons_c2_maal_miljoen': '0.5',
            'formula.kwadratisch.eenpersoons_c': '0.002',
            'formula.kwadratisch.meerpersoons_c2_maal_miljoen': '0.5',
            'formula.kwadratisch.meerpersoons_c': '0.002',
          },
        },
      },
    };
    const withUser = buildNormSet([...files, user]);
    const d = dossier({ adults: [adult('aanvrager', '1990-01-01')], incomes: [{ description: 'Loon', category: 'loon', amount: '2500.00', frequency: 'maand' }] });
    const r = computeBudget(d, inputs({ belastbaarInkomenPerJaar: { aanvrager: '40000.00' } }), withUser, '2025-09-15');
    expect(r.bvvBerekening!.vorm).toBe('kwadratisch');
    const v = (k: string) => s(r.bvvBerekening!.steps.find((x) => x.kind === k)!.figure.value);
    expect([v('zorg'), v('woon'), v('formule')]).toEqual(['131.00', '660.00', '2091.61']);
    expect(s(r.beslagvrijeVoet.value)).toBe('2091.61');
  });

  /* With the bundled 2025 tables (parameters not found) the stated BVV stays the input, checked against its bounds. */
  it('falls back to the stated BVV when the parameters are not published', () => {
    const d = dossier({ adults: [adult('aanvrager', '1990-01-01')], incomes: [{ description: 'Loon', category: 'loon', amount: '2500.00', frequency: 'maand' }] });
    const r = computeBudget(d, inputs({ belastbaarInkomenPerJaar: { aanvrager: '40000.00' }, statedBvv: { amount: '1800.00', date: '2025-08-01', statedBy: 'UWV' } }), norms, '2025-09-15');
    expect(s(r.beslagvrijeVoet.value)).toBe('1800.00');
    expect(codes(r)).toContain('BVV_OPGAVE_GEBRUIKT');
    expect(r.missingFigures.some((m) => m.key === 'formula.drempelinkomen' && m.listedAsMissing)).toBe(true);
  });
});

describe('VTLB blocks and afloscapaciteit', () => {
  /*
   * Example 1 household (ALO, 1 child aged 6, Jan 2026, C = 33,600, BVV 1438.62) with rent 800.00, huurtoeslag 250.00,
   * zorgpremie 150.00, zorgtoeslag 90.00, kindgebonden budget received 400.00, vakantiegeld 1920.00 per year.
   * Net income: loon 2000.00 + vakantiegeld 1920/12 = 160.00 -> 2160.00; 95 % cap 2052.00, not binding.
   * Blocks (calculator order):
   *   basis 1438.62
   *   eigen risico: 385 / 12 = 32.0833 -> 32.08 × 1 adult = 32.08
   *   PGL 0.00
   *   woonlasten: (800.00 − 250.00) − (J 200.71 + W 38.50) = 550.00 − 239.21 = 310.79
   *   zorg: (150.00 − 90.00) − (47.00 + Z 44.21724) = 60.00 − 91.21724 = −31.21724 -> −31.22 (negative allowed)
   *   KGB: max (2580 + 3416)/12 = 499.66667; (499.66667 − 400.00) − 24.47567 = 75.19100 -> 75.19
   *   VTLB = 1438.62 + 32.08 + 0 + 310.79 − 31.22 + 75.19 = 1825.46
   * Afloscapaciteit = 2160.00 − 1825.46 = 334.54; vakantiegeld share min(160.00, 334.54) = 160.00; monthly 174.54;
   *   over 18 months: vakantiegeld 2880.00, total 6021.72.
   */
  const household = () =>
    dossier({
      adults: [adult('aanvrager', '1990-03-10')],
      children: [child('2019-04-01')],
      incomes: [
        { description: 'Loon', category: 'loon', amount: '2000.00', frequency: 'maand' },
        { description: 'Vakantiegeld', category: 'loon', amount: '1920.00', frequency: 'jaar' },
        { description: 'Huurtoeslag', category: 'huurtoeslag', amount: '250.00', frequency: 'maand' },
        { description: 'Zorgtoeslag', category: 'zorgtoeslag', amount: '90.00', frequency: 'maand' },
        { description: 'KGB', category: 'kindgebonden_budget', amount: '400.00', frequency: 'maand' },
      ],
      expenses: [
        { description: 'Huur', category: 'huur', amount: '800.00', frequency: 'maand' },
        { description: 'Zorgpremie', category: 'zorgverzekering', amount: '150.00', frequency: 'maand' },
      ],
    });
  it('builds the VTLB in the calculator order with the correctie individuele lasten from the dossier', () => {
    const r = computeBudget(household(), inputs({ belastbaarInkomenPerJaar: { aanvrager: '33600.00' } }), norms, JAN);
    expect(s(r.beslagvrijeVoet.value)).toBe('1438.62');
    expect(r.vtlb.lines.map((l) => l.kind)).toEqual(['basis', 'eigen_risico', 'pgl', 'woonlasten', 'zorgkosten', 'kindgebonden_budget']);
    expect(r.vtlb.lines.map((l) => s(l.figure.value))).toEqual(['1438.62', '32.08', '0.00', '310.79', '-31.22', '75.19']);
    expect(s(r.vtlb.total.value)).toBe('1825.46');
    expect(s(r.afloscapaciteit.value)).toBe('334.54');
    const a = r.afloscapaciteitDetail;
    expect([s(a.vakantiegeldPerMaand.value), s(a.maandelijks.value), s(a.vakantiegeldOverLooptijd.value), s(a.totaalOverLooptijd.value)]).toEqual(['160.00', '174.54', '2880.00', '6021.72']);
    expect(a.looptijdMaanden).toBe(18);
  });

  /* A pleegkind gives no kindgebonden budget (the engine expects none for it), so the VTLB's maximum KGB does not
   * count it either: with a foster child beside the own child the KGB line stays (499.66667 − 400.00) − 24.47567
   * = 75.19 (counting it would give (2 × 2580 + 3416)/12 = 714.66667 and 290.19). */
  it('counts the same children for the maximum kindgebonden budget as the engine (no pleegkind)', () => {
    const d = household();
    d.children.push({ ...child('2020-06-01'), fosterChild: true });
    const r = computeBudget(d, inputs({ belastbaarInkomenPerJaar: { aanvrager: '33600.00' } }), norms, JAN);
    expect(s(r.vtlb.lines.find((l) => l.kind === 'kindgebonden_budget')!.figure.value)).toBe('75.19');
  });

  /* An entered correction replaces the computed one for that item and keeps the calculator order: arbeidstoeslag
   * before the eigen risico, woon-werk after the individual corrections. 1825.46 − 310.79 + 100.00 + 50.05 + 20.00 = 1684.72. */
  it('lets an entered line replace a computed item and keeps the block order', () => {
    const r = computeBudget(
      household(),
      inputs({
        belastbaarInkomenPerJaar: { aanvrager: '33600.00' },
        vtlbCorrections: [
          { kind: 'woon_werk', amount: '20.00', note: 'reiskosten' },
          { kind: 'woonlasten', amount: '100.00', note: 'servicekosten niet in de huur' },
          { kind: 'arbeidstoeslag', amount: '50.05', note: 'werkt meer dan 18 uur' },
        ],
      }),
      norms,
      JAN,
    );
    expect(r.vtlb.lines.map((l) => l.kind)).toEqual(['basis', 'arbeidstoeslag', 'eigen_risico', 'pgl', 'woonlasten', 'zorgkosten', 'kindgebonden_budget', 'woon_werk']);
    expect(s(r.vtlb.total.value)).toBe('1684.72');
  });

  /* Afloscapaciteit floored at 0: same household with a loon of 1500.00 (C 25,000: at most the norm? 1500 + 160 > 1401.50, so
   * the formula: Z = 0 (C < D), I = 0 -> W = 0, KGB 0 -> 1331.43; cap 95 % × 1660 = 1577.00 -> BVV 1331.43).
   * VTLB = 1331.43 + 32.08 + 0 + (550.00 − 200.71 = 349.29) + (60.00 − 47.00 = 13.00) + (499.67 − 400 = 99.66667 -> 99.67) = 1825.47.
   * 1660.00 − 1825.47 < 0 -> 0.00, vakantiegeld share 0.00. */
  it('floors the afloscapaciteit at zero, vakantiegeld share included', () => {
    const d = household();
    d.incomes[0]!.amount = '1500.00';
    const r = computeBudget(d, inputs({ belastbaarInkomenPerJaar: { aanvrager: '25000.00' } }), norms, JAN);
    expect(s(r.beslagvrijeVoet.value)).toBe('1331.43');
    expect(s(r.vtlb.total.value)).toBe('1825.47');
    expect(s(r.afloscapaciteit.value)).toBe('0.00');
    expect(s(r.afloscapaciteitDetail.vakantiegeldPerMaand.value)).toBe('0.00');
  });
});
