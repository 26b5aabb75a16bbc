// The budget screen's "Afloscapaciteit over de looptijd" card: no total stands under rows it is not the sum of.
// The afloscapaciteit per month is X = monthly afdracht M + vakantiegeld share V (shown beside each other, M the
// total of X − V); over the term the total is 18 × X, of which 18 × V is vakantiegeld: that row is "waarvan", after
// the total, not a part above it. Real engine on the bundled norm tables; checked against the engine's own parts.
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AflosLooptijd } from '../../src/renderer/screens/budget/BvvBerekening';
import { computeBudget, type NormSet } from '../../src/shared/budget';
import { budgetInputsSchema } from '../../src/shared/budget/inputs';
import { resolveBudgetResult, serializeBudgetResult } from '../../src/shared/contract/budget';
import { formatEuro, Money } from '../../src/shared/money';
import { bundledNorms, householdData } from '../support/budget';

let norms: NormSet;
beforeAll(async () => {
  norms = await bundledNorms();
});
afterEach(cleanup);

describe('Afloscapaciteit over de looptijd', () => {
  it('shows the total over the term first and the holiday pay over the term as "waarvan", not as a part above a total', () => {
    const data = householdData({
      adults: [{ role: 'aanvrager', firstName: 'Fictief', lastName: 'Persoon', birthDate: '1985-03-01' }],
      incomes: [
        { description: 'Loon', category: 'loon', amount: '2400.00', frequency: 'maand' },
        // 1000.00 / 12 = 83.333… → 83.33 per month, paid once a year.
        { description: 'Vakantiegeld', category: 'loon', amount: '1000.00', frequency: 'jaar' },
      ],
      expenses: [{ description: 'Huur', category: 'huur', amount: '700.00', frequency: 'maand' }],
    });
    const inputs = budgetInputsSchema.parse({ belastbaarInkomenPerJaar: { aanvrager: '36000.00', partner: null } });
    const r = resolveBudgetResult(serializeBudgetResult(computeBudget(data, inputs, norms, '2026-07-15')));
    render(<AflosLooptijd result={r} />);
    const table = screen.getByRole('table', { name: 'Afloscapaciteit over de looptijd' });
    const rows = within(table).getAllByRole('row').slice(1).filter((tr) => !tr.classList.contains('explanation-row'));
    const labels = rows.map((tr) => within(tr).getByRole('rowheader').textContent ?? '');
    expect(labels.map((l) => l.replace(/Toelichting.*$/, '').trim())).toEqual([
      'Per maand',
      'Waarvan vakantiegeld (deel van de afloscapaciteit)',
      'Maandelijkse afdracht',
      'Totaal over de looptijd (18 maanden)',
      'waarvan vakantiegeld over de looptijd (18 maanden)',
    ]);
    const totals = rows.map((tr) => tr.classList.contains('figure-total'));
    expect(totals).toEqual([false, false, true, false, false]);
    // The monthly total adds up: X − V = M, each as shown.
    const a = r.afloscapaciteitDetail!;
    const x = new Money(r.afloscapaciteit.value!);
    expect(x.greaterThan(0)).toBe(true);
    expect(x.minus(a.vakantiegeldPerMaand.value!).toFixed(2)).toBe(new Money(a.maandelijks.value!).toFixed(2));
    expect(rows[4]!.textContent).toContain(formatEuro(new Money(a.vakantiegeldPerMaand.value!).times(18)));
  });
});
