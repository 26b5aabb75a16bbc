// The BVV and VTLB blocks of the budget plan PDF for a working family with a beslag, read back with pdfjs-dist.
// The figures are the hand-computed ones of tests/unit/budget/bvv-vtlb.test.ts (example 1 of BVV-VTLB.md §3.3).
import { beforeAll, describe, expect, it } from 'vitest';
import { renderBudgetPlanPdf } from '../../../src/core/budget/plan-pdf';
import { loadBundledNorms } from '../../../src/core/norms/load';
import { budgetInputsSchema } from '../../../src/shared/budget/inputs';
import { computeBudget } from '../../../src/shared/budget/engine';
import { householdData, storedDossier } from '../../support/budget';
import { extractPdf, RESOURCES, squash } from './helpers';

let text = '';
beforeAll(async () => {
  const norms = await loadBundledNorms(RESOURCES);
  const dossier = storedDossier(
    householdData({
      number: '2026-0107',
      professional: 'Mirjam de Wit',
      adults: [{ role: 'aanvrager', firstName: 'Fenna', lastName: 'Fictief', birthDate: '1990-03-10' }],
      children: [{ firstName: 'Kees', lastName: 'Fictief', birthDate: '2019-04-01', livingInHousehold: true }],
      incomes: [
        { description: 'Loon', category: 'loon', amount: '2000.00', frequency: 'maand' },
        { description: 'Vakantiegeld', category: 'loon', amount: '1920.00', frequency: 'jaar' },
        { description: 'Huurtoeslag', category: 'huurtoeslag', amount: '250.00', frequency: 'maand' },
        { description: 'Zorgtoeslag', category: 'zorgtoeslag', amount: '90.00', frequency: 'maand' },
        { description: 'Kindgebonden budget', category: 'kindgebonden_budget', amount: '400.00', frequency: 'maand' },
      ],
      expenses: [
        { description: 'Huur', category: 'huur', amount: '800.00', frequency: 'maand' },
        { description: 'Zorgverzekering', category: 'zorgverzekering', amount: '150.00', frequency: 'maand' },
      ],
    }),
    { id: 'd7', number: '2026-0107' },
  );
  const inputs = budgetInputsSchema.parse({
    belastbaarInkomenPerJaar: { aanvrager: '33600.00' },
    statedBvv: { amount: '1400.00', date: '2026-02-01', statedBy: 'Deurwaarder Janssen' },
  });
  const result = computeBudget(dossier, inputs, norms, '2026-03-15');
  const pdf = await renderBudgetPlanPdf({ dossier, result, generatedAt: Date.UTC(2026, 2, 15, 9, 0), generatedBy: 'Mirjam de Wit' });
  text = squash((await extractPdf(pdf)).text);
});

const has = (s: string) => text.includes(squash(s));

describe('budget plan PDF: beslagvrije voet and VTLB blocks', () => {
  it('prints the BVV steps of art. 475da-475dc as the calculator does', () => {
    expect(has('Beslagvrije voet en VTLB (zoals de VTLB-calculator)')).toBe(true);
    expect(has('Formule vanaf 1 januari 2026')).toBe(true);
    expect(has('Belastbaar inkomen per jaar (C): € 33.600,00')).toBe(true);
    // 1331.43 + 44.22 + 38.50 + 24.48 − 0.01 = 1438.62 (hand computation in the unit test).
    for (const s of ['95 % van de norm (A) € 1.331,43', 'Zorgterm (zorgtoeslag die wegvalt) € 44,22', 'Woonterm (huurtoeslag die wegvalt, fictief) € 38,50', 'Kindgebonden-budgetterm (afbouw) € 24,48', 'Uitkomst formule art. 475da lid 2 Rv € 1.438,62', 'Maximum (art. 475da lid 1 Rv) € 2.526,69']) {
      expect(has(s), s).toBe(true);
    }
  });

  it('prints the check of the stated BVV with both figures and the difference', () => {
    expect(has('Opgave Deurwaarder Janssen (01-02-2026) € 1.400,00')).toBe(true);
    expect(has('Berekening Houvast € 1.438,62')).toBe(true);
    expect(has('Verschil (Houvast − opgave) € 38,62')).toBe(true);
    expect(has('vraag een herberekening')).toBe(true);
  });

  it('prints the VTLB blocks and the afloscapaciteit with the vakantiegeld share over 18 months', () => {
    for (const s of [
      'Correctie eigen risico zorgverzekering € 32,08',
      'PGL-correctie € 0,00',
      'Correctie individuele lasten: woonlasten (werkelijk min fictief) € 310,79',
      'Correctie individuele lasten: zorgkosten (premie en zorgtoeslag, werkelijk min fictief) € -31,22',
      'Correctie individuele lasten: kindgebonden budget (werkelijk min fictief) € 75,19',
      'Vrij te laten bedrag (VTLB) € 1.825,46',
      'Afloscapaciteit per maand € 334,54',
      'Waarvan vakantiegeld (deel van de afloscapaciteit) € 160,00',
      'Maandelijkse afdracht € 174,54',
      'Totaal over de looptijd (18 maanden) € 6.021,72',
      'Vakantiegeld over de looptijd (18 maanden) € 2.880,00',
    ]) {
      expect(has(s), s).toBe(true);
    }
  });
});

describe('budget plan PDF: beslagvrije voet without a woonadres (art. 475da lid 4 Rv)', () => {
  /*
   * Couple without a woonadres, beslag on the aanvrager (loon 900.00); the partner earns 2000.00, not attached (Jan).
   * 47.5 % × B = 0.475 × 2002.13 = 951.01175 -> 951.01 (BVV-VTLB.md §1.7). Art. 475db lid 1 a: at most half,
   * 951.01 − 475.505 = 475.505 -> 475.51 (a deduction of 475.50 shown). Cap 0.95 × 900.00 = 855.00 -> BVV 475.51.
   * VTLB = 475.51 + eigen risico 2 × 32.08 = 64.16 (+ PGL 0, no individual corrections) = 539.67;
   * afloscapaciteit = the debtor's 900.00 − 539.67 = 360.33.
   */
  let noAddress = '';
  beforeAll(async () => {
    const norms = await loadBundledNorms(RESOURCES);
    const dossier = storedDossier(
      householdData({
        number: '2026-0108',
        professional: 'Mirjam de Wit',
        adults: [
          { role: 'aanvrager', firstName: 'Fenna', lastName: 'Fictief', birthDate: '1990-03-10' },
          { role: 'partner', firstName: 'Joris', lastName: 'Fictief', birthDate: '1989-06-01' },
        ],
        address: null,
        incomes: [
          { description: 'Loon', category: 'loon', amount: '900.00', frequency: 'maand', personRole: 'aanvrager' },
          { description: 'Loon partner', category: 'loon', amount: '2000.00', frequency: 'maand', personRole: 'partner' },
        ],
      }),
      { id: 'd8', number: '2026-0108' },
    );
    const result = computeBudget(dossier, budgetInputsSchema.parse({ beslagOp: 'aanvrager' }), norms, '2026-03-15');
    const pdf = await renderBudgetPlanPdf({ dossier, result, generatedAt: Date.UTC(2026, 2, 15, 9, 0), generatedBy: 'Mirjam de Wit' });
    noAddress = squash((await extractPdf(pdf)).text);
  });
  const hasNa = (s: string) => noAddress.includes(squash(s));

  it('prints 47.5 % of B, the spouse deduction and the cap, without leefsituatie or C', () => {
    expect(hasNa('Geen woonadres in Nederland: 47,5 % van de gehuwdennorm (art. 475da lid 4 Rv)')).toBe(true);
    expect(hasNa('Belastbaar inkomen per jaar (C)')).toBe(false);
    for (const s of [
      'Beslagvrije voet zonder woonadres (art. 475da lid 4 Rv) € 951,01',
      'Aftrek niet-beslagen inkomen echtgenoot (art. 475db lid 1 a Rv) € -475,50',
      'Beslagvrije voet na aftrek € 475,51',
      '95 % van het netto inkomen (art. 475dc lid 1 Rv) € 855,00',
      'Beslagvrije voet (uitkomst) € 475,51',
      'Vrij te laten bedrag (VTLB) € 539,67',
      'Netto inkomen schuldenaar € 900,00',
      'Afloscapaciteit per maand € 360,33',
    ]) {
      expect(hasNa(s), s).toBe(true);
    }
  });
});
