// The budget screen's projection table (the text alternative of the saldo chart) adds up: with a pleegvergoeding
// (a cost allowance: no income, but counted in the saldo) its column stands beside Inkomen, Uitgaven and Saldo, so
// each month's saldo is inkomen + kostenvergoedingen − uitgaven as shown. Real engine on the bundled norm tables;
// the expected figures are computed by hand from the dossier's amounts.
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ProjectionSection } from '../../src/renderer/screens/budget/BudgetCharts';
import { projectBudget, type NormSet } from '../../src/shared/budget';
import { budgetInputsSchema } from '../../src/shared/budget/inputs';
import { serializeProjection } from '../../src/shared/contract/budget';
import { bundledNorms, householdData, storedDossier } from '../support/budget';

let norms: NormSet;
beforeAll(async () => {
  norms = await bundledNorms();
});
afterEach(cleanup);

const dossierWith = (allowance: boolean) =>
  storedDossier(
    householdData({
      adults: [{ role: 'aanvrager', firstName: 'Fictief', lastName: 'Persoon', birthDate: '1985-03-01' }],
      incomes: [
        // 100.00 × 52 / 12 = 433.333… → 433.33
        { description: 'Loon', category: 'loon', amount: '100.00', frequency: 'week' },
        // 250.00 × 13 / 12 = 270.8333… → 270.83
        { description: 'WW', category: 'uitkering_uwv', amount: '250.00', frequency: 'vierweken' },
        ...(allowance ? [{ description: 'Pleegvergoeding', category: 'pleegvergoeding' as const, amount: '600.00', frequency: 'maand' as const }] : []),
      ],
      expenses: [
        { description: 'Huur', category: 'huur', amount: '800.00', frequency: 'maand' },
        // 80.00 × 52 / 12 = 346.666… → 346.67
        { description: 'Boodschappen', category: 'voeding', amount: '80.00', frequency: 'week' },
      ],
    }),
    { id: 'd-proj', number: '2026-0778' },
  );

const inputs = budgetInputsSchema.parse({});

describe('projection table on the budget screen', () => {
  it('with a pleegvergoeding: Inkomen € 704,16 + Kostenvergoedingen € 600,00 − Uitgaven € 1.146,67 = Saldo € 157,49', () => {
    // Income 433.33 + 270.83 = 704.16; expenses 800.00 + 346.67 = 1146.67; saldo 704.16 + 600.00 − 1146.67 = 157.49.
    render(<ProjectionSection projection={serializeProjection(projectBudget(dossierWith(true), inputs, norms, '2026-07-15'))} />);
    const table = screen.getByRole('table', { name: /Verwachting per maand/ });
    const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent?.trim());
    expect(headers.slice(0, 5)).toEqual(['Maand', 'Inkomen', 'Kostenvergoedingen', 'Uitgaven', 'Saldo']);
    const first = within(table).getAllByRole('row')[1]!;
    const cells = within(first).getAllByRole('cell').map((c) => c.textContent?.replace(/\s+/g, ' ').trim());
    expect(cells.slice(0, 4)).toEqual(['€ 704,16', '€ 600,00', '€ 1.146,67', '€ 157,49']);
  });

  it('without cost allowances the table keeps Inkomen, Uitgaven and Saldo only (704.16 − 1146.67 = −442.51)', () => {
    render(<ProjectionSection projection={serializeProjection(projectBudget(dossierWith(false), inputs, norms, '2026-07-15'))} />);
    const table = screen.getByRole('table', { name: /Verwachting per maand/ });
    const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent?.trim());
    expect(headers).not.toContain('Kostenvergoedingen');
    const cells = within(within(table).getAllByRole('row')[1]!).getAllByRole('cell').map((c) => c.textContent?.replace(/\s+/g, ' ').trim());
    expect(cells[0]).toBe('€ 704,16');
    expect(cells[1]).toBe('€ 1.146,67');
    expect(cells[2]).toMatch(/^€ -442,51|^-€ 442,51|^− ?€ 442,51|^€ −442,51/);
  });
});
