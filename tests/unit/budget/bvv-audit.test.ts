// Audit of the beslagvrije voet and the VTLB against /work/shared/domain/BVV-VTLB.md (§1-§4) and RULES.md b, c,
// through the real engine and the bundled norm tables. Every expected figure is worked out by hand in the comment
// above it from the references, never taken from the code.
//
// Parameters 2026 (BVV-VTLB.md §2): A 1401.50 (Jan) / 1419.46 (Jul); B 2002.13 / 2027.79; D 29,735.42; E 13.73 %;
// F 27 %; G 22 %; H 932.93; J 202.52 (eenpersoons) / 200.71 (meerpersoons); minimum-inkomensijkpunt 23,425 / 31,500;
// K 7.6 %; L 9,405; zorg cap 2119/12 − 47 = 129.58333 (single, ALO), 2 × 2119/12 − 106 = 247.16667 (gehuwden).
// 95 % × A = 1331.425 (Jan) / 1348.487 (Jul); 95 % × B = 1902.0235 / 1926.4005.
import { beforeAll, describe, expect, it } from 'vitest';
import { computeBudget } from '../../../src/shared/budget/engine';
import type { NormSet } from '../../../src/shared/budget/norms';
import { adult, bundledNorms, child, codes, dossier, inputs, s } from './helpers';

let norms: NormSet;
beforeAll(async () => {
  norms = await bundledNorms();
});

const JAN = '2026-03-15';
const JUL = '2026-09-15';

type Ls = 'alleenstaande' | 'alleenstaande_ouder' | 'gehuwden_zonder_kinderen' | 'gehuwden_met_kinderen';
/** A household of the leefsituatie with one net monthly income of the aanvrager. */
function household(ls: Ls, net: string, extra: Partial<Parameters<typeof dossier>[0]> = {}) {
  const couple = ls === 'gehuwden_zonder_kinderen' || ls === 'gehuwden_met_kinderen';
  const kids = ls === 'alleenstaande_ouder' || ls === 'gehuwden_met_kinderen';
  return dossier({
    adults: couple ? [adult('aanvrager', '1985-01-01'), adult('partner', '1986-01-01')] : [adult('aanvrager', '1985-01-01')],
    children: kids ? [child('2016-05-01')] : [],
    incomes: [{ description: 'Loon', category: 'loon', amount: net, frequency: 'maand', personRole: 'aanvrager' }],
    ...extra,
  });
}
const C = (ls: Ls, c: string) =>
  ls === 'gehuwden_zonder_kinderen' || ls === 'gehuwden_met_kinderen' ? { aanvrager: c, partner: '0.00' } : { aanvrager: c };

describe('§3.1: the eight statutory maxima through the engine (lid 1 / lid 8)', () => {
  /* At C* (lid 8: I × F|G / 12 = H): single 23,425 + 12 × 932.93 / 0.27 = 64,888.56; others 31,500 + 12 × 932.93 / 0.22
   * = 82,387.09. Net 6000.00: 95 % = 5700.00, never binding. Expected: the published maxima (§1.3), which the terms
   * reproduce (§3.1 table). Far above C* (150,000) the maximum still holds. */
  const rows: [string, Ls, string, string][] = [
    [JAN, 'alleenstaande', '64888.56', '2191.42'],
    [JAN, 'alleenstaande_ouder', '82387.09', '2526.69'],
    [JAN, 'gehuwden_zonder_kinderen', '82387.09', '2881.41'],
    [JAN, 'gehuwden_met_kinderen', '82387.09', '3155.31'],
    [JUL, 'alleenstaande', '64888.56', '2208.48'],
    [JUL, 'alleenstaande_ouder', '82387.09', '2543.75'],
    [JUL, 'gehuwden_zonder_kinderen', '82387.09', '2905.79'],
    [JUL, 'gehuwden_met_kinderen', '82387.09', '3179.68'],
  ];
  it.each(rows)('%s %s C*=%s -> %s', (date, ls, cStar, max) => {
    const r = computeBudget(household(ls, '6000.00'), inputs({ belastbaarInkomenPerJaar: C(ls, cStar) }), norms, date);
    expect(r.bvvBerekening!.leefsituatie).toBe(ls);
    expect(s(r.beslagvrijeVoet.value)).toBe(max);
    const hi = computeBudget(household(ls, '6000.00'), inputs({ belastbaarInkomenPerJaar: C(ls, '150000.00') }), norms, date);
    expect(s(hi.beslagvrijeVoet.value)).toBe(max);
  });
});

describe('§3.3 recomputations for July 2026 (and example 3 in January)', () => {
  /* Example 1 Jul: 1348.487 + 44.21724 + 38.50 + 24.47567 = 1455.67991 -> 1455.68 (terms rounded one by one would give
   * 1348.49 + 44.22 + 38.50 + 24.48 = 1455.69: the doc's single final rounding is what counts). Cap 1900.00. */
  it('example 1 (ALO, C = 33,600, net 2000) -> 1455.68', () => {
    const r = computeBudget(household('alleenstaande_ouder', '2000.00'), inputs({ belastbaarInkomenPerJaar: { aanvrager: '33600.00' } }), norms, JUL);
    expect(s(r.beslagvrijeVoet.value)).toBe('1455.68');
  });
  /* Example 2 Jul: 1926.4005 + 208.97724 + 302.50 + 56.11067 = 2493.98841 -> 2493.99; cap 2660.00. */
  it('example 2 (gehuwden, 2 kinderen, C = 48,000, net 2800) -> 2493.99', () => {
    const d = household('gehuwden_met_kinderen', '2800.00', { children: [child('2015-01-01'), child('2018-01-01')] });
    const r = computeBudget(d, inputs({ belastbaarInkomenPerJaar: { aanvrager: '48000.00', partner: '0.00' } }), norms, JUL);
    expect(s(r.beslagvrijeVoet.value)).toBe('2493.99');
  });
  /* Example 3 in January: 1331.425 + 129.58333 + min(46,575 × 0.0225, 730.41) = 2191.41833 -> 2191.42 = maximum. */
  it('example 3 in January (single, C = 70,000) -> 2191.42', () => {
    const r = computeBudget(household('alleenstaande', '3600.00'), inputs({ belastbaarInkomenPerJaar: { aanvrager: '70000.00' } }), norms, JAN);
    expect(s(r.beslagvrijeVoet.value)).toBe('2191.42');
  });
  /* Example 4 Jul: C = 17,000 -> Z = 0, I = 0; 1348.487 -> 1348.49; 95 % × 1400 = 1330.00 binds -> 1330.00. */
  it('example 4 in July (single at bijstand level) -> 1330.00', () => {
    const r = computeBudget(household('alleenstaande', '1400.00'), inputs({ belastbaarInkomenPerJaar: { aanvrager: '17000.00' } }), norms, JUL);
    expect(s(r.beslagvrijeVoet.value)).toBe('1330.00');
  });
});

describe('boundaries of the norm (RULES.md b.1 steps 3-4, art. 475dc lid 1)', () => {
  /* Net income exactly at the norm, no C: 95 % × income = 95 % × norm. Jan A: 0.95 × 1401.50 = 1331.425 -> 1331.43;
   * Jan B: 0.95 × 2002.13 = 1902.0235 -> 1902.02; Jul A: 0.95 × 1419.46 = 1348.487 -> 1348.49; Jul B: 0.95 × 2027.79 =
   * 1926.4005 -> 1926.40. Each leefsituatie uses its own norm (ALO: A; gehuwden met of zonder kinderen: B). */
  const atNorm: [string, Ls, string, string][] = [
    [JAN, 'alleenstaande', '1401.50', '1331.43'],
    [JAN, 'alleenstaande_ouder', '1401.50', '1331.43'],
    [JAN, 'gehuwden_zonder_kinderen', '2002.13', '1902.02'],
    [JAN, 'gehuwden_met_kinderen', '2002.13', '1902.02'],
    [JUL, 'alleenstaande', '1419.46', '1348.49'],
    [JUL, 'alleenstaande_ouder', '1419.46', '1348.49'],
    [JUL, 'gehuwden_zonder_kinderen', '2027.79', '1926.40'],
    [JUL, 'gehuwden_met_kinderen', '2027.79', '1926.40'],
  ];
  it.each(atNorm)('%s %s at the norm %s without C -> %s', (date, ls, net, bvv) => {
    const r = computeBudget(household(ls, net), inputs(), norms, date);
    expect(r.beslagvrijeVoet.regime).toBe('inkomen_tot_norm');
    expect(s(r.beslagvrijeVoet.value)).toBe(bvv);
  });
  /* One cent above the norm: the formula needs C; without it no figure (refused, not guessed). With C = 17,000 the
   * formula gives 1331.425 -> 1331.43 and 95 % × 1401.51 = 1331.4345 -> 1331.43: BVV 1331.43. */
  it('one cent above the norm: refuses without C, 1331.43 with a low C', () => {
    const no = computeBudget(household('alleenstaande', '1401.51'), inputs(), norms, JAN);
    expect(no.beslagvrijeVoet.value).toBeNull();
    expect(codes(no)).toContain('BVV_BELASTBAAR_INKOMEN_NODIG');
    const yes = computeBudget(household('alleenstaande', '1401.51'), inputs({ belastbaarInkomenPerJaar: { aanvrager: '17000.00' } }), norms, JAN);
    expect(s(yes.beslagvrijeVoet.value)).toBe('1331.43');
  });
  /* 95 % cap binding above the norm: single, net 1500.00, C = 30,000 (Jan): Z = 264.58/12 × 13.73 % = 3.02724;
   * W = 6,575 × 27 %/12 = 147.9375; 1331.425 + 3.02724 + 147.9375 = 1482.38974 -> 1482.39 > 95 % × 1500 = 1425.00 -> 1425.00. */
  it('the 95 % cap binds just above the norm', () => {
    const r = computeBudget(household('alleenstaande', '1500.00'), inputs({ belastbaarInkomenPerJaar: { aanvrager: '30000.00' } }), norms, JAN);
    expect(s(r.bvvBerekening!.steps.find((x) => x.kind === 'formule')!.figure.value)).toBe('1482.39');
    expect(s(r.beslagvrijeVoet.value)).toBe('1425.00');
  });
});

describe('boundaries of the formula terms (§1.2, §2 saturation points, §5 floors)', () => {
  /* C exactly D, single Jan: Z = 0; I = 29,735.42 − 23,425 = 6,310.42, W = 6,310.42 × 0.27 / 12 = 141.98445;
   * 1331.425 + 141.98445 = 1473.40945 -> 1473.41. Net 3000 (cap 2850). */
  it('single, C = D -> 1473.41', () => {
    const r = computeBudget(household('alleenstaande', '3000.00'), inputs({ belastbaarInkomenPerJaar: { aanvrager: '29735.42' } }), norms, JAN);
    expect(s(r.beslagvrijeVoet.value)).toBe('1473.41');
  });
  /* Couple, C = meerpersoons MIIJ 31,500: W = 0; Z = 1,764.58/12 × 13.73 % = 20.18974; 1902.0235 + 20.18974 = 1922.21324 -> 1922.21. */
  it('gehuwden, C = minimum-inkomensijkpunt -> 1922.21', () => {
    const r = computeBudget(household('gehuwden_zonder_kinderen', '3000.00'), inputs({ belastbaarInkomenPerJaar: { aanvrager: '31500.00', partner: '0.00' } }), norms, JAN);
    expect(s(r.beslagvrijeVoet.value)).toBe('1922.21');
  });
  /* ALO with D < C < MIIJ(meerpersoons): C = 30,000: Z = 3.02724; I = max(0, 30,000 − 31,500) = 0; KGB = 264.58/12 × 7.6 % =
   * 1.67567; 1331.425 + 3.02724 + 1.67567 = 1336.12791 -> 1336.13. (With the eenpersoons MIIJ it would be higher: ALO uses
   * the meerpersoons figures, §3.1.) */
  it('ALO between D and the meerpersoons MIIJ -> 1336.13', () => {
    const r = computeBudget(household('alleenstaande_ouder', '3000.00'), inputs({ belastbaarInkomenPerJaar: { aanvrager: '30000.00' } }), norms, JAN);
    expect(s(r.beslagvrijeVoet.value)).toBe('1336.13');
  });
  /* Couple with children, C = D + L = 39,140.42: KGB = 0; Z = 9,405/12 × 13.73 % = 107.608875; W = 7,640.42 × 22 %/12 =
   * 140.07437; 1902.0235 + 107.608875 + 140.07437 = 2149.70674 -> 2149.71. */
  it('gehuwden met kinderen, C = D + L -> 2149.71', () => {
    const r = computeBudget(household('gehuwden_met_kinderen', '3000.00'), inputs({ belastbaarInkomenPerJaar: { aanvrager: '39140.42', partner: '0.00' } }), norms, JAN);
    expect(s(r.bvvBerekening!.steps.find((x) => x.kind === 'kgb')!.figure.value)).toBe('0.00');
    expect(s(r.beslagvrijeVoet.value)).toBe('2149.71');
  });
  /* The woonterm reaches H − J for a single at C = 55,887.67: W = 32,462.67 × 0.0225 = 730.41008 -> capped 730.41;
   * Z capped 129.58333: 1331.425 + 129.58333 + 730.41 = 2191.41833 -> 2191.42 (= the maximum). */
  it('single at the woonterm saturation point -> 2191.42', () => {
    const r = computeBudget(household('alleenstaande', '4000.00'), inputs({ belastbaarInkomenPerJaar: { aanvrager: '55887.67' } }), norms, JAN);
    expect(s(r.bvvBerekening!.steps.find((x) => x.kind === 'woon')!.figure.value)).toBe('730.41');
    expect(s(r.beslagvrijeVoet.value)).toBe('2191.42');
  });
});

describe('couple where only one partner is the debtor (art. 475db lid 1 a)', () => {
  /*
   * §1.5 / §1.8: bvv −= min(partner income, bvv / 2), rounded half-up once at the end; the statute: "ten hoogste de
   * helft". Couple, 2 children, C = 48,000 + 20,000 = 68,000 (Jan): 1902.0235 + 247.16667 + 669.16667 + 182.77734 =
   * 3001.13418 -> 3001.13. Partner net 1800.00 > half. Half of 3001.13 = 1500.565: the deduction may not exceed it,
   * so 3001.13 − 1500.565 = 1500.565 -> 1500.57 (exact path: 3001.13418 / 2 = 1500.56709 -> 1500.57 as well).
   * Then − own non-attached 100.00 − loonheffing auto 40.00 = 1360.57. Cap 95 % × 2800 = 2660.00 -> 1360.57.
   */
  it('never deducts more than half of the BVV for the spouse’s income', () => {
    const d = dossier({
      adults: [adult('aanvrager', '1985-01-01'), adult('partner', '1986-01-01')],
      children: [child('2015-01-01'), child('2018-01-01')],
      incomes: [
        { description: 'Loon', category: 'loon', amount: '2800.00', frequency: 'maand', personRole: 'aanvrager' },
        { description: 'Loon partner', category: 'loon', amount: '1800.00', frequency: 'maand', personRole: 'partner' },
      ],
    });
    const r = computeBudget(
      d,
      inputs({
        beslagOp: 'aanvrager',
        belastbaarInkomenPerJaar: { aanvrager: '48000.00', partner: '20000.00' },
        nietBeslagenEigenInkomenPerMaand: '100.00',
        loonheffingAutoVanDeZaakPerMaand: '40.00',
      }),
      norms,
      JAN,
    );
    const v = (k: string) => s(r.bvvBerekening!.steps.find((x) => x.kind === k)!.figure.value);
    expect(v('formule')).toBe('3001.13');
    expect(v('aftrek_partner')).toBe('-1500.56');
    expect(s(r.beslagvrijeVoet.value)).toBe('1360.57');
  });

  /*
   * Debtor's own income below B, spouse earning: aanvrager 1500.00, partner 1500.00 net, beslag on the aanvrager.
   * With C = 20,000 + 20,000 = 40,000 (Jan, no children): Z = 855.38167 × 13.73 % = 117.44390; W = 8,500 × 22 %/12 =
   * 155.83333; 1902.0235 + 117.4439 + 155.83333 = 2175.30073 -> 2175.30. 475db a: − min(1500.00, 1087.65) -> 1087.65.
   * 95 % × 1500.00 = 1425.00 does not bind -> BVV 1087.65. The outcome depends on C (the formula), so without C the
   * BVV cannot be computed: refused, not 95 % × B halved (951.01), which would understate it.
   */
  it('needs C when the spouse deduction makes the formula matter, even with the debtor’s income below the norm', () => {
    const d = dossier({
      adults: [adult('aanvrager', '1985-01-01'), adult('partner', '1986-01-01')],
      incomes: [
        { description: 'Loon', category: 'loon', amount: '1500.00', frequency: 'maand', personRole: 'aanvrager' },
        { description: 'Loon partner', category: 'loon', amount: '1500.00', frequency: 'maand', personRole: 'partner' },
      ],
    });
    const withC = computeBudget(d, inputs({ beslagOp: 'aanvrager', belastbaarInkomenPerJaar: { aanvrager: '20000.00', partner: '20000.00' } }), norms, JAN);
    expect(s(withC.beslagvrijeVoet.value)).toBe('1087.65');
    const noC = computeBudget(d, inputs({ beslagOp: 'aanvrager' }), norms, JAN);
    expect(noC.beslagvrijeVoet.value).toBeNull();
    expect(codes(noC)).toContain('BVV_BELASTBAAR_INKOMEN_NODIG');
  });
});

describe('no woonadres (art. 475da lid 4) with the 95 % cap of art. 475dc on the debtor’s income', () => {
  /* 47.5 % × B: Jan 0.475 × 2002.13 = 951.01175 -> 951.01 (§1.7). Couple, beslag on the aanvrager only, who earns
   * 400.00 net; the partner earns 2000.00 (not attached). 475db lid 1 a (which reduces every BVV of art. 475da, lid 4
   * included): at most half, 951.01 − 475.505 = 475.505 -> 475.51. 475dc lid 1: at most 95 % of the income the debtor
   * receives from his periodic claims = 0.95 × 400.00 = 380.00 -> BVV 380.00 (on the household's 2400.00 the cap
   * would be 2280.00 and the BVV 475.51). This case used 900.00 and expected 855.00 before the reductions of art.
   * 475db were applied to lid 4: with them 900.00 gives 475.51, below its cap. */
  it('caps at 95 % of the debtor’s own income', () => {
    const d = dossier({
      adults: [adult('aanvrager', '1985-01-01'), adult('partner', '1986-01-01')],
      address: null,
      incomes: [
        { description: 'Loon', category: 'loon', amount: '400.00', frequency: 'maand', personRole: 'aanvrager' },
        { description: 'Loon partner', category: 'loon', amount: '2000.00', frequency: 'maand', personRole: 'partner' },
      ],
    });
    const single = computeBudget(dossier({ adults: [adult('aanvrager', '1985-01-01')], address: null, incomes: [{ description: 'Loon', category: 'loon', amount: '2000.00', frequency: 'maand' }] }), inputs(), norms, JAN);
    expect(s(single.beslagvrijeVoet.value)).toBe('951.01');
    const r = computeBudget(d, inputs({ beslagOp: 'aanvrager' }), norms, JAN);
    expect(r.beslagvrijeVoet.regime).toBe('geen_vast_adres');
    expect(s(r.beslagvrijeVoet.value)).toBe('380.00');
  });
});

describe('VTLB: PGL-correctie (§4.2, RULES.md c.1 step 2)', () => {
  /* Jan: single 0.95 × (1564.69 − 1401.50) = 155.0305 -> 155.03; couple 0.95 × (2144.16 − 2002.13) = 134.9285 -> 134.93
   * (one or both partners at AOW age: art. 22 b and c are equal). Jul: 0.95 × (1587.34 − 1419.46) = 159.486 -> 159.49;
   * 0.95 × (2176.10 − 2027.79) = 140.8945 -> 140.89. Net 1300 / 1800 (at or below the norm): no C needed. */
  const rows: [string, string[], string, string][] = [
    [JAN, ['1950-01-01'], '1300.00', '155.03'],
    [JAN, ['1950-01-01', '1951-01-01'], '1800.00', '134.93'],
    [JAN, ['1950-01-01', '1980-01-01'], '1800.00', '134.93'],
    [JUL, ['1950-01-01'], '1300.00', '159.49'],
    [JUL, ['1950-01-01', '1951-01-01'], '1800.00', '140.89'],
  ];
  it.each(rows)('%s adults born %j -> %s', (date, births, net, pgl) => {
    const d = dossier({
      adults: births.map((b, i) => adult(i === 0 ? 'aanvrager' : 'partner', b)),
      incomes: [{ description: 'AOW', category: 'aow_pensioen', amount: net, frequency: 'maand', personRole: 'aanvrager' }],
    });
    const r = computeBudget(d, inputs(), norms, date);
    expect(s(r.vtlb.lines.find((l) => l.kind === 'pgl')!.figure.value)).toBe(pgl);
  });
});

describe('afloscapaciteit counts the debtor’s income (RULES.md c.1)', () => {
  /* Example 2b household (Jan): BVV 2129.80 (§3.3). VTLB = BVV + corrections; afloscapaciteit = the debtor's net
   * income 2800.00 − VTLB (the spouse's 600.00 is not the debtor's). */
  it('afloscapaciteit = 2800.00 − VTLB', () => {
    const d = dossier({
      adults: [adult('aanvrager', '1985-01-01'), adult('partner', '1986-01-01')],
      children: [child('2015-01-01'), child('2018-01-01')],
      incomes: [
        { description: 'Loon', category: 'loon', amount: '2800.00', frequency: 'maand', personRole: 'aanvrager' },
        { description: 'Loon partner', category: 'loon', amount: '600.00', frequency: 'maand', personRole: 'partner' },
      ],
    });
    const r = computeBudget(d, inputs({ beslagOp: 'aanvrager', belastbaarInkomenPerJaar: { aanvrager: '48000.00', partner: '9000.00' } }), norms, JAN);
    expect(s(r.beslagvrijeVoet.value)).toBe('2129.80');
    expect(s(r.afloscapaciteit.value)).toBe(s(r.vtlb.total.value!.negated().plus(2800)));
  });
});
