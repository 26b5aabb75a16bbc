// The household as it really is (issue 6 part 4): kostendelersnorm by its formula, art. 20 lid 3, pleegkinderen,
// co-ouderschap, briefadres vs geen woonadres, the new income/expense categories and instalments. Every expected
// figure is computed by hand in the comment above it from RULES.md and the bundled norm tables.
import { beforeAll, describe, expect, it } from 'vitest';
import { computeBudget } from '../../../src/shared/budget/engine';
import { determineHousehold } from '../../../src/shared/budget/household';
import { kostendelersNormPerPerson } from '../../../src/shared/budget/kostendelers';
import type { NormSet } from '../../../src/shared/budget/norms';
import {
  COST_ALLOWANCE_INCOME,
  EXPENSE_CATEGORY_GROUP,
  NON_ATTACHABLE_INCOME,
  incomeTreatment,
} from '../../../src/shared/dossier/categories';
import { expenseSchema, interchangeSchema } from '../../../src/shared/dossier/schema';
import { toMonthly } from '../../../src/shared/frequency';
import { Money } from '../../../src/shared/money';
import { adult, bundledNorms, child, codes, dossier, inputs } from './helpers';

let norms: NormSet;
beforeAll(async () => {
  norms = await bundledNorms();
});
const s = (d: { toFixed(n: number): string } | null) => (d === null ? null : d.toFixed(2));
const single21 = () => adult('aanvrager', '1986-01-01');

describe('kostendelersnorm by formula ((40 + 30A)/A % of the gehuwdennorm, half-up to cents)', () => {
  /* The published 2024-01 per-person amounts (RULES a.1) from B = 1834.04:
   * A=2 50 % = 917.02; A=3 43.33 % = 794.7507 -> 794.75; A=4 40 % = 733.616 -> 733.62; A=5 38 % = 696.9352 -> 696.94;
   * A=6 36.67 % = 672.4813 -> 672.48; A=7 = 655.0143 -> 655.01; A=8 35 % = 641.914 -> 641.91. */
  it('reproduces the published 2024-01 list', () => {
    const b = new Money('1834.04');
    expect([2, 3, 4, 5, 6, 7, 8].map((a) => kostendelersNormPerPerson(b, a).toFixed(2))).toEqual([
      '917.02', '794.75', '733.62', '696.94', '672.48', '655.01', '641.91',
    ]);
  });

  /* Single 21+ (A = 1 + kostendelers).
   * 2025-01 (B 1922.07): A=2 961.035 -> 961.04; A=3 1922.07 x 1.3 / 3 = 832.897 -> 832.90.
   * 2026-01 (B 2002.13): A=2 1001.065 -> 1001.07; A=3 2602.769 / 3 = 867.5897 -> 867.59.
   * 2026-07 (B 2027.79, no per-person list in the table): A=2 1013.895 -> 1013.90; A=3 2636.127 / 3 = 878.709 -> 878.71. */
  it.each([
    ['2025-03-01', 1, '961.04'],
    ['2025-03-01', 2, '832.90'],
    ['2026-03-01', 1, '1001.07'],
    ['2026-03-01', 2, '867.59'],
    ['2026-07-15', 1, '1013.90'],
    ['2026-07-15', 2, '878.71'],
  ])('single on %s with %i kostendeler(s): %s', (date, kostendelers, expected) => {
    const r = computeBudget(dossier({ adults: [single21()] }), inputs({ kostendelers }), norms, date);
    expect(s(r.bijstandsnorm.value)).toBe(expected);
    expect(r.household.kostendelersA).toBe(kostendelers + 1);
  });

  /* Couple 21+ with 2 kostendelers: A = 4, 40 % per person, two persons.
   * 2025-01: 0.4 x 1922.07 = 768.828 -> 768.83, x 2 = 1537.66. 2026-07: 0.4 x 2027.79 = 811.116 -> 811.12, x 2 = 1622.24. */
  it.each([
    ['2025-03-01', '1537.66'],
    ['2026-07-15', '1622.24'],
  ])('couple with two kostendelers (A = 4) on %s: %s', (date, expected) => {
    const d = dossier({ adults: [single21(), adult('partner', '1988-05-05')] });
    const r = computeBudget(d, inputs({ kostendelers: 2 }), norms, date);
    expect(s(r.bijstandsnorm.value)).toBe(expected);
    expect(r.household.kostendelersA).toBe(4);
  });

  /* AOW age (art. 22a lid 2, the AOW gehuwdennorm art. 22 b): single born 1955 with 1 kostendeler (A = 2):
   * 2026-07 0.5 x 2176.10 = 1088.05; 2026-01 0.5 x 2144.16 = 1072.08.
   * AOW couple with 1 kostendeler (A = 3), 2026-07: 2176.10 x 1.3 / 3 = 942.9767 -> 942.98, x 2 = 1885.96. */
  it('includes AOW-age households', () => {
    const aow = adult('aanvrager', '1955-01-01');
    expect(s(computeBudget(dossier({ adults: [aow] }), inputs({ kostendelers: 1 }), norms, '2026-07-15').bijstandsnorm.value)).toBe('1088.05');
    expect(s(computeBudget(dossier({ adults: [aow] }), inputs({ kostendelers: 1 }), norms, '2026-03-01').bijstandsnorm.value)).toBe('1072.08');
    const couple = dossier({ adults: [aow, adult('partner', '1956-02-02')] });
    const r = computeBudget(couple, inputs({ kostendelers: 1 }), norms, '2026-07-15');
    expect(s(r.bijstandsnorm.value)).toBe('1885.96');
    expect(codes(r)).not.toContain('KOSTENDELERSNORM_NIET_ONDERSTEUND');
  });

  /* An 18-20 aanvrager has no kostendelersnorm: born 2007-01-19, 19 on 2026-07-15 -> 18-20 single norm 350.42,
   * kostendelers or not. */
  it('applies none for an 18-20 aanvrager', () => {
    const young = dossier({ adults: [adult('aanvrager', '2007-01-19')] });
    const r = computeBudget(young, inputs({ kostendelers: 2 }), norms, '2026-07-15');
    expect(s(r.bijstandsnorm.value)).toBe('350.42');
    expect(r.bijstandsnorm.explanation.rule).toContain('Geen kostendelersnorm');
  });

  /* Couple of one 18-20 and one 21+ partner, no children, 1 kostendeler -> A = 3 (art. 22a lid 3):
   * table amount 350.42 + the 21+ partner's kostendelersnorm 878.71 = 1229.13 (2026-07). */
  it('gives a young partner the art. 22a lid 3 amount', () => {
    const d = dossier({ adults: [single21(), adult('partner', '2007-01-19')] });
    const r = computeBudget(d, inputs({ kostendelers: 1 }), norms, '2026-07-15');
    expect(s(r.bijstandsnorm.value)).toBe('1229.13');
  });
});

describe('art. 20 lid 3 verhoging for 18-20 (input)', () => {
  /* 2026-07: 350.42 + 762.24 = 1112.66 (below the 21+ single norm 1419.46, so not capped); excl. 0.95 x 1112.66 =
   * 1057.027 -> 1057.03. 2025-07: no verhoging in the law yet -> 337.98. */
  it('adds the verhoging when the parents cannot support, from 2026', () => {
    const young = dossier({ adults: [adult('aanvrager', '2007-01-19')] });
    const r = computeBudget(young, inputs({ geenBeroepOpOuders: true }), norms, '2026-07-15');
    expect(s(r.bijstandsnorm.value)).toBe('1112.66');
    expect(s(r.bijstandsnormExclVakantietoeslag.value)).toBe('1057.03');
    expect(s(computeBudget(young, inputs(), norms, '2026-07-15').bijstandsnorm.value)).toBe('350.42');
    const older = dossier({ adults: [adult('aanvrager', '2006-01-19')] });
    expect(s(computeBudget(older, inputs({ geenBeroepOpOuders: true }), norms, '2025-07-15').bijstandsnorm.value)).toBe('337.98');
  });
});

describe('pleegkinderen', () => {
  const foster = { ...child('2018-02-01'), fosterChild: true };
  /* Single 21+ with one pleegkind (8): the pleegkind does not make an alleenstaande ouder; no kinderbijslag or KGB
   * expected. Pleegvergoeding 600.00/month: a cost allowance, not income, not attachable.
   * Income: bijstand 1348.49 + kinderbijslag 363.00 / 3 = 121.00 -> total 1469.49, attachable 1348.49.
   * Saldo = 1469.49 + 600.00 - 1000.00 = 1069.49. Kinderbijslag received for a pleegkind -> terugvordering risk. */
  it('treats the pleegvergoeding as a cost allowance and flags kinderbijslag received', () => {
    const d = dossier({
      adults: [single21()],
      children: [foster],
      incomes: [
        { description: 'Bijstand', category: 'uitkering_participatiewet', amount: '1348.49', frequency: 'maand' },
        { description: 'Pleegvergoeding', category: 'pleegvergoeding', amount: '600.00', frequency: 'maand' },
        { description: 'Kinderbijslag', category: 'kinderbijslag', amount: '363.00', frequency: 'kwartaal' },
      ],
      expenses: [{ description: 'Huur', category: 'huur', amount: '1000.00', frequency: 'maand' }],
    });
    const r = computeBudget(d, inputs(), norms, '2026-07-15');
    expect(r.household.type).toBe('alleenstaande');
    expect(r.household.fosterChildrenUnder18).toBe(1);
    expect(s(r.children.kinderbijslagExpected.value)).toBe('0.00');
    expect(s(r.children.kgbExpected.value)).toBe('0.00');
    expect(r.children.perChild[0]!.kinderbijslagPerMonth.explanation.rule).toContain('Pleegkind');
    expect(s(r.income.total.value)).toBe('1469.49');
    expect(s(r.income.attachable.value)).toBe('1348.49');
    expect(s(r.income.costAllowances.value)).toBe('600.00');
    expect(s(r.budget.saldo.value)).toBe('1069.49');
    expect(codes(r)).toContain('KINDERBIJSLAG_PLEEGKIND_TERUGVORDERING');
    expect(codes(r)).not.toContain('MOGELIJK_NIET_GEBRUIK_KINDERBIJSLAG');
  });

  it('does not flag a pleegkind household without kinderbijslag', () => {
    const d = dossier({
      adults: [single21()],
      children: [foster],
      incomes: [{ description: 'Pleegvergoeding', category: 'pleegvergoeding', amount: '600.00', frequency: 'maand' }],
    });
    const r = computeBudget(d, inputs(), norms, '2026-07-15');
    expect(codes(r)).not.toContain('KINDERBIJSLAG_PLEEGKIND_TERUGVORDERING');
    expect(s(r.income.total.value)).toBe('0.00');
  });
});

describe('co-ouderschap per child', () => {
  /* Single parent; child 1 (born 2016-03-01, 10 on 2026-07-01: 6-11 band 362.35 per quarter) lives mostly with the
   * other parent but this household receives its kinderbijslag; child 2 (born 2019-05-01, 7) lives here, the other
   * parent receives its kinderbijslag. Expected kinderbijslag: only child 1, 362.35 / 3 = 120.7833 -> 120.78.
   * KGB: one child + alleenstaande-ouderkop (child 2 lives here): (2580 + 3416) / 12 = 499.6667 -> 499.67. */
  it('expects benefits only for the children whose kinderbijslag this household receives', () => {
    const d = dossier({
      adults: [single21()],
      children: [
        { ...child('2016-03-01', false), coParenting: 'wij_ontvangen_kinderbijslag' },
        { ...child('2019-05-01', true), coParenting: 'andere_ouder_ontvangt_kinderbijslag' },
      ],
      incomes: [{ description: 'Bijstand', category: 'uitkering_participatiewet', amount: '1348.49', frequency: 'maand' }],
    });
    const r = computeBudget(d, inputs(), norms, '2026-07-15');
    expect(s(r.children.kinderbijslagExpected.value)).toBe('120.78');
    expect(s(r.children.kgbExpected.value)).toBe('499.67');
    const other = r.children.perChild.find((p) => p.child === 2)!;
    expect(s(other.kinderbijslagPerMonth.value)).toBe('0.00');
    expect(other.kinderbijslagPerMonth.explanation.rule).toContain('andere ouder');
  });
});

describe('briefadres with insight vs geen woonadres (art. 475e lid 1 / 475da lid 4 Rv)', () => {
  const income = [{ description: 'Bijstand', category: 'uitkering_participatiewet' as const, amount: '1419.46', frequency: 'maand' as const }];
  /* Briefadres with full insight: the normal BVV, income = norm 1419.46 -> 95 % = 1348.487 -> 1348.49. */
  it('gives the normal beslagvrije voet with a briefadres and full insight', () => {
    const d = dossier({ adults: [single21()], address: null, addressKind: 'briefadres_met_inzicht', incomes: income });
    const r = computeBudget(d, inputs(), norms, '2026-07-15');
    expect(r.household.fixedAddress).toBe(true);
    expect(r.beslagvrijeVoet.regime).not.toBe('geen_vast_adres');
    expect(s(r.beslagvrijeVoet.value)).toBe('1348.49');
    expect(codes(r)).not.toContain('GEEN_VAST_ADRES');
  });

  /* Geen woonadres chosen even with a (post)address filled in: 0.475 x 2027.79 = 963.20025 -> 963.20. */
  it('gives 47.5 % of the gehuwdennorm without a woonadres', () => {
    const d = dossier({ adults: [single21()], addressKind: 'geen_woonadres', incomes: income });
    const r = computeBudget(d, inputs(), norms, '2026-07-15');
    expect(r.beslagvrijeVoet.regime).toBe('geen_vast_adres');
    expect(s(r.beslagvrijeVoet.value)).toBe('963.20');
  });

  it('keeps format version 1 behaviour: no address means geen woonadres', () => {
    const d = dossier({ adults: [single21()], address: null, incomes: income });
    expect(computeBudget(d, inputs(), norms, '2026-07-15').household.addressKind).toBe('geen_woonadres');
  });
});

describe('new categories', () => {
  it('classifies each new income category', () => {
    const table = {
      partneralimentatie: { attachable: true, treatment: 'inkomen' },
      kinderalimentatie: { attachable: false, treatment: 'inkomen' },
      kinderopvangtoeslag: { attachable: false, treatment: 'inkomen' },
      pleegvergoeding: { attachable: false, treatment: 'kostenvergoeding' },
      bijzondere_bijstand: { attachable: false, treatment: 'kostenvergoeding' },
      pgb: { attachable: false, treatment: 'kostenvergoeding' },
    } as const;
    for (const [c, t] of Object.entries(table)) {
      const cat = c as keyof typeof table;
      expect({ c, attachable: !NON_ATTACHABLE_INCOME.has(cat), treatment: incomeTreatment(cat) }).toEqual({ c, ...t });
    }
    expect([...COST_ALLOWANCE_INCOME].sort()).toEqual(['bijzondere_bijstand', 'pgb', 'pleegvergoeding']);
    expect(EXPENSE_CATEGORY_GROUP.alimentatie_betaald).toBe('vaste_lasten');
    expect(EXPENSE_CATEGORY_GROUP.bewindskosten).toBe('vaste_lasten');
    expect(EXPENSE_CATEGORY_GROUP.eigen_bijdrage_wmo_cak).toBe('vaste_lasten');
  });

  /* Bijstand 1000.00 + partneralimentatie 300.00 (attachable) + kinderalimentatie 150.00 (income, not attachable)
   * + bijzondere bijstand 80.00 and pgb 400.00 (cost allowances) + kinderopvangtoeslag 200.00 (not attachable):
   * total income 1650.00, attachable 1300.00, not attachable 350.00, cost allowances 480.00. */
  it('counts each in the right total', () => {
    const d = dossier({
      adults: [single21()],
      incomes: [
        { description: 'Bijstand', category: 'uitkering_participatiewet', amount: '1000.00', frequency: 'maand' },
        { description: 'Partneralimentatie', category: 'partneralimentatie', amount: '300.00', frequency: 'maand' },
        { description: 'Kinderalimentatie', category: 'kinderalimentatie', amount: '150.00', frequency: 'maand' },
        { description: 'Bijzondere bijstand', category: 'bijzondere_bijstand', amount: '80.00', frequency: 'maand' },
        { description: 'Pgb', category: 'pgb', amount: '400.00', frequency: 'maand' },
        { description: 'KOT', category: 'kinderopvangtoeslag', amount: '200.00', frequency: 'maand' },
      ],
    });
    const r = computeBudget(d, inputs(), norms, '2026-07-15');
    expect(s(r.income.total.value)).toBe('1650.00');
    expect(s(r.income.attachable.value)).toBe('1300.00');
    expect(s(r.income.nonAttachable.value)).toBe('350.00');
    expect(s(r.income.costAllowances.value)).toBe('480.00');
  });

  /* Alimentatie paid 250.00/month: an expense in the vaste lasten and a VTLB correction of 250.00; bewindskosten
   * 120.00 and Wmo eigen bijdrage 21.20 are expenses only: vaste lasten = 250.00 + 120.00 + 21.20 = 391.20. */
  it('makes alimentatie paid an expense and a VTLB correction', () => {
    const d = dossier({
      adults: [single21()],
      incomes: [{ description: 'Bijstand', category: 'uitkering_participatiewet', amount: '1419.46', frequency: 'maand' }],
      expenses: [
        { description: 'Alimentatie', category: 'alimentatie_betaald', amount: '250.00', frequency: 'maand' },
        { description: 'Bewindvoerder', category: 'bewindskosten', amount: '120.00', frequency: 'maand' },
        { description: 'CAK', category: 'eigen_bijdrage_wmo_cak', amount: '21.20', frequency: 'maand' },
      ],
    });
    const r = computeBudget(d, inputs(), norms, '2026-07-15');
    expect(s(r.budget.expensesByGroup.vaste_lasten.value)).toBe('391.20');
    const line = r.vtlb.lines.find((l) => l.kind === 'alimentatie');
    expect(s(line?.figure.value ?? null)).toBe('250.00');
    expect(r.vtlb.lines.filter((l) => l.figure.label.toLowerCase().includes('bewind'))).toEqual([]);
  });
});

describe('instalments per year', () => {
  /* Gemeentelijke belastingen 64.00 in 10 termijnen: 64 x 10 / 12 = 53.3333... per month (53.33 shown). */
  it('normalises "in N termijnen per jaar" to amount x N / 12 exactly', () => {
    expect(toMonthly(new Money('64.00'), 'termijnen', 10).equals(new Money(640).dividedBy(12))).toBe(true);
    expect(toMonthly(new Money('100.00'), 'termijnen', 12).toFixed(2)).toBe('100.00');
    expect(() => toMonthly(new Money('64.00'), 'termijnen')).toThrow();
    const d = dossier({
      adults: [single21()],
      expenses: [{ description: 'Gemeente', category: 'gemeentelijke_belastingen', amount: '64.00', frequency: 'termijnen', instalments: 10 }],
    });
    const r = computeBudget(d, inputs(), norms, '2026-07-15');
    expect(s(r.budget.expensesTotal.value)).toBe('53.33');
  });

  it('requires the number of instalments, with a Dutch message', () => {
    const bad = expenseSchema.safeParse({ description: 'Gemeente', category: 'gemeentelijke_belastingen', amount: '64.00', frequency: 'termijnen' });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]).toMatchObject({ path: ['instalments'], message: 'Vul in hoeveel termijnen per jaar worden betaald.' });
    expect(expenseSchema.safeParse({ description: 'G', category: 'huur', amount: '1.00', frequency: 'termijnen', instalments: 53 }).success).toBe(false);
  });
});

describe('interchange format version 1', () => {
  /* A version-1 file (no addressKind, fosterChild, coParenting, instalments, new categories) imports unchanged. */
  it('still imports, with the same data', () => {
    const v1 = {
      format: 'houvast.dossier',
      version: 1,
      dossiers: [
        {
          status: 'aanmelding',
          typeOfHelp: 'budgetbeheer',
          professional: 'Merel de Wit',
          adults: [{ role: 'aanvrager', firstName: 'Fictief', lastName: 'Persoon', birthDate: '1986-01-01' }],
          children: [{ firstName: 'Kind', lastName: 'Persoon', birthDate: '2018-01-01', livingInHousehold: true }],
          address: null,
          bankAccounts: [],
          incomes: [{ description: 'Alimentatie', category: 'alimentatie', amount: '100.00', frequency: 'maand' }],
          expenses: [{ description: 'Gemeente', category: 'gemeentelijke_belastingen', amount: '600.00', frequency: 'jaar' }],
          debts: [],
        },
      ],
    };
    const parsed = interchangeSchema.parse(v1);
    expect(parsed.version).toBe(1);
    const d = parsed.dossiers[0]!;
    expect(d.addressKind).toBeUndefined();
    expect(d.children[0]).toEqual({ firstName: 'Kind', lastName: 'Persoon', birthDate: '2018-01-01', livingInHousehold: true });
    expect(d.expenses[0]).toEqual({ description: 'Gemeente', category: 'gemeentelijke_belastingen', amount: '600.00', frequency: 'jaar' });
    const r = computeBudget(d, inputs(), norms, '2026-07-15');
    expect(r.household.type).toBe('alleenstaande_ouder');
    expect(r.beslagvrijeVoet.regime).toBe('geen_vast_adres');
  });
});

describe('the household in the result', () => {
  it('holds every field determineHousehold gives, in its order, then the type label and the explanation', () => {
    // The engine writes the result's household out field by field (no spread copy): a field added to Household
    // must not go missing there.
    const d = dossier({ adults: [adult('aanvrager', '1980-03-01'), adult('partner', '1982-07-15')], children: [child('2015-05-05')] });
    const h = determineHousehold(d, 1, '2026-11-23', norms);
    const r = computeBudget(d, inputs({ kostendelers: 1 }), norms, '2026-11-23');
    expect(Object.keys(r.household)).toEqual([...Object.keys(h), 'typeLabel', 'explanation']);
    const { typeLabel, explanation: _e, ...rest } = r.household;
    expect(rest).toEqual(h);
    expect(typeLabel).toBe('Gehuwden / samenwonenden');
  });
});
