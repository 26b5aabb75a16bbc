// The figures a creditor signs for, through the real core: the proposal letter made from a saved proposal over
// a real budget prints the amounts worked out by hand from RULES.md d.1/d.4, every column adds up to the total
// printed beside it, and the afloscapaciteit block adds up (d.1: afloscapaciteit = netto inkomen − VTLB), also
// when only one partner of a couple is the debtor.
//
// Household (fictitious): couple with two children; the aanvrager earns 2,800.00 net per month, the partner
// 600.00; the beslag is on the aanvrager only (art. 475db lid 1 a Rv). So the afloscapaciteit is the aanvrager's
// income minus the VTLB: the letter must print 2,800.00 as the income, not the household's 3,400.00.
//
// Proposal (afloscapaciteit given with a reason, so that the distribution is under test): 123.45 per month,
// 18 months, no holiday pay: A = 123.45 × 18 = 2,222.10. Claims: Belastingdienst 850.00 preferent; Energie
// 1,234.56, Woonstichting 2,500.00, Telecom 415.75 concurrent. Dc = 4,150.31, Dp = 850.00, f = 2:
//   p_conc = 2,222.10 / (4,150.31 + 2 × 850.00) = 2,222.10 / 5,850.31 = 0.379826026.. -> 37,98 %
//   p_pref = 2 × p_conc = 0.759652052.. -> 75,97 %
//   Belastingdienst 850.00 × 0.7596520526 = 645.7042 -> 645.70
//   Energie 1,234.56 × 0.3798260263 = 468.9180 -> 468.92
//   Woonstichting 2,500.00 × 0.3798260263 = 949.5651 -> 949.57
//   Telecom 415.75 × 0.3798260263 = 157.9127 -> 157.91
//   Sum 645.70 + 468.92 + 949.57 + 157.91 = 2,222.10 = A (no cent left over, d.4); claims 5,000.31.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { householdInput } from '../../support/budget';
import { extractPdf, squash } from '../budget-pdf/helpers';
import { startRig, type Rig } from '../budget/helpers';

let rig: Rig;
let dossierId: string;
let debtIds: Record<string, string>;
beforeAll(async () => {
  rig = await startRig();
  const debt = (creditor: string, amount: string, kind: 'preferent' | 'concurrent') => ({
    creditor,
    reference: `K-${creditor.slice(0, 3).toUpperCase()}`,
    originalAmount: amount,
    currentAmount: amount,
    kind,
    status: 'open' as const,
  });
  const d = await rig.call('dossier.create', {
    data: householdInput({
      adults: [
        { role: 'aanvrager', firstName: 'Fictief', lastName: 'Persoon', birthDate: '1985-01-01' },
        { role: 'partner', firstName: 'Fictieve', lastName: 'Partner', birthDate: '1986-01-01' },
      ],
      children: [
        { firstName: 'Kind', lastName: 'Persoon', birthDate: '2015-01-01', livingInHousehold: true },
        { firstName: 'Kind', lastName: 'Persoon', birthDate: '2018-01-01', livingInHousehold: true },
      ],
      incomes: [
        { description: 'Loon', category: 'loon', amount: '2800.00', frequency: 'maand', personRole: 'aanvrager' },
        { description: 'Loon partner', category: 'loon', amount: '600.00', frequency: 'maand', personRole: 'partner' },
      ],
      debts: [
        debt('Belastingdienst', '850.00', 'preferent'),
        debt('Energie', '1234.56', 'concurrent'),
        debt('Woonstichting', '2500.00', 'concurrent'),
        debt('Telecom', '415.75', 'concurrent'),
      ],
    }),
  });
  dossierId = d.id;
  debtIds = Object.fromEntries(d.debts.map((x) => [x.creditor, x.id!]));
  await rig.call('budget.saveInputs', {
    id: dossierId,
    inputs: { referenceDate: '2026-03-15', beslagOp: 'aanvrager', belastbaarInkomenPerJaar: { aanvrager: '48000.00', partner: '9000.00' } },
  });
  await rig.call('arrangement.saveInputs', {
    id: dossierId,
    params: { capacityOverride: { amount: '123.45', reason: 'Afloscapaciteit volgens de kredietbank' }, holidayPayOverride: { amount: '0.00', reason: 'Geen vakantiegeld' } },
  });
});
afterAll(async () => rig.cleanup());

/** "€ 1.234,56" -> cents. */
const cents = (s: string) => Number(s.replace(/[€\s.]/g, '').replace(',', ''));

async function letterText(debtId: string): Promise<string> {
  const out = await rig.call('letters.create', { dossierId, kind: 'voorstel', debtId, includeBsn: false, recordSent: false });
  return squash((await extractPdf(Buffer.from(out.contentBase64, 'base64'))).text);
}

describe('the proposal letter a creditor signs', () => {
  it('prints the hand-computed percentage and amount, and an overview whose columns add up to the printed totals', async () => {
    const t = await letterText(debtIds.Woonstichting!);
    expect(t).toContain(squash('Wij bieden u 37,98% van uw vordering van € 2.500,00, dat is € 949,57'));
    expect(t).toContain(squash('Concurrente schuldeisers krijgen 37,98%, preferente schuldeisers 75,97%'));
    for (const line of [
      'Belastingdienst K-BEL preferent € 850,00 75,97% € 645,70',
      'Energie K-ENE concurrent € 1.234,56 37,98% € 468,92',
      'Woonstichting K-WOO concurrent € 2.500,00 37,98% € 949,57',
      'Telecom K-TEL concurrent € 415,75 37,98% € 157,91',
    ]) {
      expect(t).toContain(squash(line));
    }
    expect(t).toContain(squash('Totaal € 5.000,31 € 2.222,10'));
    expect(t).toContain(squash('Beschikbaar voor de schuldeisers over de looptijd: € 2.222,10'));
    // The acceptance slip repeats the same offer.
    expect(t).toContain(squash('Aangeboden 37,98% van de vordering, € 949,57'));
  });

  /* Only concurrent creditors: capacity 100.00 × 18 = 1,800.00 over claims 1,000.00 + 3,000.00 = 4,000.00 -> 45,00 %,
   * 450.00 and 1,350.00. The letter names no preferent percentage or factor that applies to nobody. */
  it('names no preferent percentage when every creditor is concurrent', async () => {
    const d = await rig.call('dossier.create', {
      data: householdInput({
        adults: [{ role: 'aanvrager', firstName: 'Fictief', lastName: 'Concurrent', birthDate: '1985-01-01' }],
        incomes: [{ description: 'Loon', category: 'loon', amount: '2000.00', frequency: 'maand' }],
        debts: [
          { creditor: 'Energie', reference: 'E-1', originalAmount: '1000.00', currentAmount: '1000.00', kind: 'concurrent', status: 'open' },
          { creditor: 'Telecom', reference: 'T-1', originalAmount: '3000.00', currentAmount: '3000.00', kind: 'concurrent', status: 'open' },
        ],
      }),
    });
    await rig.call('arrangement.saveInputs', {
      id: d.id,
      params: { capacityOverride: { amount: '100.00', reason: 'Afloscapaciteit volgens de kredietbank' }, holidayPayOverride: { amount: '0.00', reason: 'Geen vakantiegeld' } },
    });
    const out = await rig.call('letters.create', { dossierId: d.id, kind: 'voorstel', debtId: d.debts[1]!.id!, includeBsn: false, recordSent: false });
    const t = squash((await extractPdf(Buffer.from(out.contentBase64, 'base64'))).text);
    expect(t).toContain(squash('Wij bieden u 45,00% van uw vordering van € 3.000,00, dat is € 1.350,00'));
    expect(t).toContain(squash('Alle schuldeisers zijn concurrent en krijgen 45,00%.'));
    expect(t).not.toContain(squash('preferente schuldeisers'));
    expect(t).toContain(squash('Totaal € 4.000,00 € 1.800,00'));
  });

  it('prints the debtor’s own income when only one partner is the debtor, so that income − VTLB = afloscapaciteit', async () => {
    const t = await letterText(debtIds.Telecom!);
    const m = /Nettoinkomen(€[\d.,]+)Vrijtelatenbedrag\(VTLB\)(€[\d.,]+)Afloscapaciteit\(inkomenminVTLB,nietlagerdannul\)(€[\d.,]+)/.exec(t);
    expect(m, 'the afloscapaciteit block').not.toBeNull();
    const [income, vtlb, aflos] = [cents(m![1]!), cents(m![2]!), cents(m![3]!)];
    // The aanvrager's own net income, not the household's 3,400.00.
    expect(income).toBe(280000);
    expect(income - vtlb).toBe(aflos);
  });
});
