// The household through the real core and vault (issue 6 part 4): the art. 20 lid 3 input is stored and used;
// pleegkind, co-ouderschap, address kind and instalments survive the vault.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explained, householdInput } from '../../support/budget';
import { startRig, type Rig } from './helpers';

let rig: Rig;
beforeAll(async () => {
  rig = await startRig();
});
afterAll(async () => rig.cleanup());

describe('household through the core', () => {
  /* Born 2007-01-19: 19 on 2026-07-15. 18-20 single norm 350.42 + verhoging 762.24 = 1112.66 (2026-07 table). */
  it('stores the art. 20 lid 3 input and uses it', async () => {
    const created = await rig.call('dossier.create', {
      data: householdInput({ adults: [{ role: 'aanvrager', firstName: 'Fictief', lastName: 'Jong', birthDate: '2007-01-19' }] }),
    });
    expect((await rig.call('budget.get', { id: created.id, date: '2026-07-15' })).result.bijstandsnorm.value).toBe('350.42');
    await rig.call('budget.saveInputs', { id: created.id, inputs: { geenBeroepOpOuders: true } });
    const view = await rig.call('budget.get', { id: created.id, date: '2026-07-15' });
    expect(view.inputs.geenBeroepOpOuders).toBe(true);
    expect(view.result.bijstandsnorm.value).toBe('1112.66');
  });

  it('keeps pleegkind, co-ouderschap, address kind and instalments through the vault', async () => {
    const data = householdInput({
      adults: [{ role: 'aanvrager', firstName: 'Fictief', lastName: 'Pleeg', birthDate: '1960-05-05' }],
      children: [
        { firstName: 'Kind', lastName: 'Een', birthDate: '2016-01-01', livingInHousehold: true, fosterChild: true },
        { firstName: 'Kind', lastName: 'Twee', birthDate: '2018-01-01', livingInHousehold: false, coParenting: 'wij_ontvangen_kinderbijslag' },
      ],
      address: null,
      addressKind: 'briefadres_met_inzicht',
      incomes: [{ description: 'Pleegvergoeding', category: 'pleegvergoeding', amount: '600.00', frequency: 'maand' }],
      expenses: [{ description: 'Gemeente', category: 'gemeentelijke_belastingen', amount: '64.00', frequency: 'termijnen', instalments: 10 }],
    });
    const created = await rig.call('dossier.create', { data });
    const read = await rig.call('dossier.get', { id: created.id });
    expect(read.addressKind).toBe('briefadres_met_inzicht');
    expect(read.children.map((c) => [c.fosterChild, c.coParenting])).toEqual([[true, undefined], [undefined, 'wij_ontvangen_kinderbijslag']]);
    expect(read.expenses[0]).toMatchObject({ frequency: 'termijnen', instalments: 10, amount: '64.00' });
    const view = await rig.call('budget.get', { id: created.id, date: '2026-07-15' });
    // 64.00 x 10 / 12 = 53.333... -> 53.33; the pleegvergoeding is no income.
    expect(view.result.budget.expensesTotal.value).toBe('53.33');
    expect(view.result.income.total.value).toBe('0.00');
    expect(view.result.household.fixedAddress).toBe(true);
  });

  /* Couple, partner not insured under the Zvw: kept through the vault; the VTLB eigen risico counts one insured adult
   * (385 / 12 = 32.0833.. -> 32.08) and the zorgtoeslag check says so. */
  it('keeps "not insured" per adult through the vault and counts it', async () => {
    const created = await rig.call('dossier.create', {
      data: householdInput({
        adults: [
          { role: 'aanvrager', firstName: 'Fictief', lastName: 'Verzekerd', birthDate: '1985-05-05' },
          { role: 'partner', firstName: 'Fictief', lastName: 'Buitenland', birthDate: '1986-06-06', insuredInNl: false },
        ],
        incomes: [{ description: 'Loon', category: 'loon', amount: '1800.00', frequency: 'maand', personRole: 'aanvrager' }],
      }),
    });
    const read = await rig.call('dossier.get', { id: created.id });
    expect(read.adults.map((a) => a.insuredInNl)).toEqual([undefined, false]);
    const view = await rig.call('budget.get', { id: created.id, date: '2026-07-15' });
    expect(view.result.vtlb.lines.find((l) => l.kind === 'eigen_risico')!.figure.value).toBe('32.08');
    const zt = view.result.entitlements!.checks.find((c) => c.scheme === 'zorgtoeslag')!;
    expect(explained(zt.expected.explanation).rule).toContain('50 %');
  });
});
