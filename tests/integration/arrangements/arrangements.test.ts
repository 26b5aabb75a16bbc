// Arrangements and zorgpremie schemes through createCore + the router over a real encrypted vault: debts v2
// survive import/export (version 1 files still import), the proposal and the what-if preview give the figures
// derived by hand below, saved parameters are used, and the scheme batch, participation and dashboard agree
// with a hand computation of RULES.md e.5.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { householdInput, RESOURCES } from '../../support/budget';
import { startRig, type Rig } from '../budget/helpers';

const DATE = '2026-11-23';
let rig: Rig;
beforeAll(async () => {
  rig = await startRig();
});
afterAll(async () => rig.cleanup());

const demo = (name: string): unknown => JSON.parse(readFileSync(path.join(RESOURCES, 'demo', name), 'utf8'));
async function importDemo(name: string): Promise<string> {
  const { imported } = await rig.call('dossier.import', { file: demo(name), onDuplicate: 'copy' });
  return imported[0]!.id;
}

describe('debts v2 in the vault and the interchange file', () => {
  it('imports a version-1 file unchanged with the v2 defaults, exports version 2, and re-imports the same debts', async () => {
    const id = await importDemo('01-eenoudergezin-bijstand.json');
    const d = await rig.call('dossier.get', { id });
    expect(d.debts[0]).toMatchObject({ creditor: 'Zorgverzekeraar Zilverdijk', currentAmount: '598.10', creditorKind: 'overig', verification: 'opgevraagd', inclusion: 'standaard', statement: null });

    const id8 = await importDemo('08-bewind-zorgpremie-regeling.json');
    const d8 = await rig.call('dossier.get', { id: id8 });
    expect(d8.debts[0]).toMatchObject({
      creditorKind: 'zorgverzekeraar',
      statement: { date: '2026-10-15', principal: '1216.80', interest: '0.00', costs: '27.00' },
      verification: 'gecontroleerd',
      recheckAfter: '2027-01-15',
      premiumArrears: { months: 8, monthlyPremium: '152.10', reportedToCak: true, reportedToCakOn: '2026-04-01' },
    });
    const exported = await rig.call('dossier.export', { id: id8, passphrase: 'budget test wachtwoord' });
    const file = JSON.parse(exported.content);
    expect(file.version).toBe(2);
    const { imported } = await rig.call('dossier.import', { file, onDuplicate: 'copy' });
    const again = await rig.call('dossier.get', { id: imported[0]!.id });
    const strip = (xs: typeof again.debts) => xs.map(({ id: _id, ...rest }) => rest);
    expect(strip(again.debts)).toEqual(strip(d8.debts));
    // The family's scheme participation travels with it (with the reason it takes part despite "voldoet niet",
    // as the demo file states it), and a plain dossier.update leaves it alone.
    const demo8 = demo('08-bewind-zorgpremie-regeling.json') as { dossiers: { schemeParticipations: { override: { reason: string } }[] }[] };
    const participation = [
      {
        schemeId: 'voorbeeld-bewind-zorgpremie',
        status: 'lopend',
        agreedMonthly: '35.00',
        startDate: '2026-07-01',
        override: { reason: demo8.dossiers[0]!.schemeParticipations[0]!.override.reason, reasonsNotMet: ['De afloscapaciteit (€ 0,00) is lager dan het minimum van de regeling (€ 35,00 per maand).'] },
      },
    ];
    expect(file.dossiers[0].schemeParticipations).toEqual(participation);
    expect(again.schemeParticipations).toEqual(participation);
    const { id: _i, number: _n, createdAt: _c, updatedAt: _u, schemeParticipations: _s, ...data } = again;
    await rig.call('dossier.update', { id: again.id, data: { ...data, professional: 'Merel de Wit' } });
    expect((await rig.call('dossier.get', { id: again.id })).schemeParticipations).toEqual(participation);
    const dash = await rig.call('schemes.dashboard', { schemeId: 'voorbeeld-bewind-zorgpremie', date: DATE });
    expect(dash.byStatus.lopend).toBe(2);
  });

  it('refuses a statement whose parts do not add up to the saldo, in Dutch, and changes nothing', async () => {
    const error = await rig.fail('dossier.create', {
      data: householdInput({
        adults: [{ role: 'aanvrager', firstName: 'Test', lastName: 'Persoon', birthDate: '1990-01-01' }],
        debts: [
          {
            creditor: 'Energie',
            originalAmount: '100.00',
            currentAmount: '120.00',
            kind: 'concurrent',
            status: 'open',
            statement: { date: '2026-10-01', principal: '100.00', interest: '10.00', costs: '5.00' },
          },
        ],
      }),
    });
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toBe('Hoofdsom, rente en kosten samen moeten gelijk zijn aan het huidige saldo.');
  });
});

describe('arrangement.get and arrangement.preview', () => {
  // A modest afloscapaciteit given by the professional (the old engine's figure for this household), so the
  // distribution tests do not depend on the budget engine.
  const GIVEN = { amount: '70.97', reason: 'Afloscapaciteit volgens VTLB-berekening van de schuldhulp' };
  let id8: string;
  beforeAll(async () => {
    id8 = await importDemo('08-bewind-zorgpremie-regeling.json');
  });

  it('takes the budget engine afloscapaciteit without an override: demo household 08 gets a nul-aanbod', async () => {
    // Bijstand 1419.46 = norm: BVV = 95 % × 1419.46 = 1348.487 -> 1348.49; the VTLB adds the eigen risico
    // (385 / 12 = 32.08) and the correctie individuele lasten, so VTLB > 1419.46 and there is no afloscapaciteit.
    const v = await rig.call('arrangement.get', { id: id8, date: DATE });
    const p = v.proposal;
    // The same afloscapaciteit as the Budget tab shows.
    const budget = await rig.call('budget.get', { id: id8, date: DATE });
    expect(p.monthlyCapacity.exact).toBe(budget.result.afloscapaciteit.exact);
    expect(budget.result.afloscapaciteit.value).toBe('0.00');
    expect(p.status).toBe('nul_aanbod');
    expect(p.pot.value).toBe('0.00');
    expect(p.creditors.every((c) => c.amount.value === '0.00')).toBe(true);
    expect(p.nulAanbodText).toMatch(/schuldregeling zonder afloscapaciteit \(nul-aanbod\)/);
    expect(p.excluded.map((e) => e.creditor)).toEqual(['CJIB']);
  });

  it('distributes a given afloscapaciteit by hand for demo household 08', async () => {
    // The distribution rules, not the budget engine, are under test: the afloscapaciteit is given with a reason.
    // Pot = 70.97 × 18 = 1277.46. CJIB stays out.
    // Concurrent claims 1243.80 + 286.40 = 1530.20; p = 1277.46 / 1530.20 = 83.483 %;
    // Zorgverzekeraar Zuid 1243.80 × p = 1038.364 -> 1038.36; Energie 286.40 × p = 239.096 -> 239.10; sum 1277.46.
    const v = await rig.call('arrangement.preview', { id: id8, date: DATE, params: { capacityOverride: GIVEN } });
    const p = v.proposal;
    expect(p.status).toBe('voorstel');
    expect(p.monthlyCapacity.value).toBe('70.97');
    expect(p.pot.value).toBe('1277.46');
    expect(p.creditors.map((c) => [c.creditor, c.amount.value])).toEqual([
      ['Zorgverzekeraar Zuid', '1038.36'],
      ['Energiebedrijf Stroomwijs', '239.10'],
    ]);
    expect(p.percentages.concurrent.value).toBe('83.48');
    expect(p.excluded.map((e) => e.creditor)).toEqual(['CJIB']);
    expect(p.excluded[0]!.reason).toMatch(/CJIB-boetes/);
    expect(p.totals.amounts.value).toBe('1277.46');
    // The source of every figure is named: the given afloscapaciteit with its reason.
    expect(JSON.stringify(p.monthlyCapacity.explanation)).toContain(GIVEN.reason);
    // Wanbetalersregeling: 8 months, reported to the CAK.
    expect(v.premiumStages).toHaveLength(1);
    expect(v.premiumStages[0]!.stage.stage).toBe('cak');
    expect(v.premiumStages[0]!.stage.exits.join(' ')).toMatch(/36 maanden/);
  });

  it('what-if: another term with its reason, a creditor left out; nothing is saved', async () => {
    const v = await rig.call('arrangement.get', { id: id8, date: DATE });
    const energie = v.proposal.creditors.find((c) => c.creditor.startsWith('Energie'))!.debtId;
    // Given 70.97 × 24 = 1703.28; only Zorgverzekeraar Zuid left (1243.80): paid in full, 459.48 cannot be distributed.
    const w = await rig.call('arrangement.preview', {
      id: id8,
      date: DATE,
      params: { capacityOverride: GIVEN, months: 24, monthsReason: 'Verlengd na inkomensdaling', leaveOut: [energie] },
    });
    expect(w.proposal.pot.value).toBe('1703.28');
    expect(w.proposal.creditors.map((c) => [c.creditor, c.amount.value, c.capped])).toEqual([['Zorgverzekeraar Zuid', '1243.80', true]]);
    expect(w.proposal.totals.surplus.value).toBe('459.48');
    expect(w.proposal.excluded.map((e) => e.creditor)).toEqual(['Energiebedrijf Stroomwijs', 'CJIB']);
    const again = await rig.call('arrangement.get', { id: id8, date: DATE });
    expect(again.paramsUpdatedAt).toBeNull();
    // Still the engine's figure (nul-aanbod), not the what-if's given capacity.
    expect(again.proposal.pot.value).toBe('0.00');
    expect(again.params.capacityOverride).toBeUndefined();
  });

  it('refuses a different term without a reason, in Dutch', async () => {
    const error = await rig.fail('arrangement.preview', { id: id8, params: { months: 24 } });
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toBe('Geef een reden voor een andere looptijd dan 18 maanden.');
  });

  it('saves the parameters and uses them; the log names the section without personal data', async () => {
    const saved = await rig.call('arrangement.saveInputs', {
      id: id8,
      params: { variant: 'saneringskrediet', startDate: '2027-01-01', potOverride: { amount: '1000.00', reason: 'Saneringskrediet Kredietbank Zwolle' } },
    });
    expect(saved.updatedAt).toBeGreaterThan(0);
    const v = await rig.call('arrangement.get', { id: id8, date: DATE });
    expect(v.params.variant).toBe('saneringskrediet');
    // 1000 over 1243.80 + 286.40 = 1530.20: 1243800 / 1530.20 = 812.8349 -> 812.83; 286400 / 1530.20 = 187.1651 -> 187.17;
    // sum 1000.00; paid at once on the start date.
    expect(v.proposal.creditors.map((c) => [c.amount.value, c.schedule])).toEqual([
      ['812.83', [{ month: 1, dueDate: '2027-01-01', amount: '812.83' }]],
      ['187.17', [{ month: 1, dueDate: '2027-01-01', amount: '187.17' }]],
    ]);
    expect(v.proposal.pot.explanation.rule).toContain('Saneringskrediet Kredietbank Zwolle');
    const log = await rig.call('audit.list', { dossierId: id8 });
    expect(log[0]).toMatchObject({ action: 'dossier.changed', detail: 'Schuldregeling' });
  });

  it('gives demo household 09 a nul-aanbod with its letter text, DUO outside the regeling', async () => {
    const id9 = await importDemo('09-nul-aanbod.json');
    const v = await rig.call('arrangement.get', { id: id9, date: DATE });
    expect(v.proposal.status).toBe('nul_aanbod');
    expect(v.proposal.pot.value).toBe('0.00');
    expect(v.proposal.creditors.every((c) => c.amount.value === '0.00')).toBe(true);
    expect(v.proposal.nulAanbodText).toMatch(/schuldregeling zonder afloscapaciteit \(nul-aanbod\)/);
    expect(v.proposal.excluded.map((e) => e.creditor)).toEqual(['DUO']);
  });
});

describe('zorgpremie schemes', () => {
  const SCHEME = 'voorbeeld-bijstand-gemeentepolis';
  let id8: string;
  let idLow: string;
  beforeAll(async () => {
    id8 = await importDemo('08-bewind-zorgpremie-regeling.json');
    // Income 1041.60 per month (≤ norm 1419.46): BVV = 95 % × 1041.60 = 989.52 (art. 475dc Rv). VTLB = BVV + eigen
    // risico for the one insured adult (385 / 12 = 32.083 -> 32.08) + correctie individuele lasten: no rent or premium
    // entered (0.00), and the full kindgebonden budget is received (Wkgb 2026: 2580 per child + 3416 ALO-kop = 5996 per
    // year, one child of 7), so werkelijk min fictief = 0.00. VTLB = 989.52 + 32.08 = 1021.60;
    // afloscapaciteit = 1041.60 − 1021.60 = 20.00 (kindgebonden budget is not beslagbaar, so not in the netto inkomen).
    // Arrears 900.00 at Zorgverzekeraar Zuid.
    const low = await rig.call('dossier.create', {
      data: householdInput({
        adults: [{ role: 'aanvrager', firstName: 'Kim', lastName: 'Laagland', birthDate: '1988-06-01' }],
        children: [{ firstName: 'Bo', lastName: 'Laagland', birthDate: '2019-05-05', livingInHousehold: true }],
        address: { street: 'Dijkstraat', houseNumber: '2', postcode: '8011 AA', city: 'Zwolle' },
        incomes: [
          { description: 'WW', category: 'uitkering_uwv', amount: '1041.60', frequency: 'maand' },
          { description: 'Kindgebonden budget', category: 'kindgebonden_budget', amount: '5996.00', frequency: 'jaar' },
        ],
        debts: [
          {
            creditor: 'Zorgverzekeraar Zuid',
            originalAmount: '900.00',
            currentAmount: '900.00',
            kind: 'concurrent',
            status: 'open',
            creditorKind: 'zorgverzekeraar',
            premiumArrears: { months: 5, monthlyPremium: '150.00' },
          },
        ],
      }),
    });
    idLow = low.id;
  });

  it('lists the bundled schemes', async () => {
    const { schemes } = await rig.call('schemes.list', {});
    expect(schemes.map((s) => [s.scheme.id, s.origin])).toEqual(
      expect.arrayContaining([
        ['voorbeeld-bewind-zorgpremie', 'bundled'],
        ['voorbeeld-bijstand-gemeentepolis', 'bundled'],
      ]),
    );
  });

  it('computes each family in the group by hand (RULES.md e.5)', async () => {
    const batch = await rig.call('schemes.batch', { schemeId: SCHEME, date: DATE, filters: {} });
    const byId = new Map(batch.families.map((f) => [f.dossierId, f]));
    // 08: bijstand at the norm, afloscapaciteit 0.00 (VTLB = BVV 1348.49 + eigen risico 32.08 + correcties > 1419.46).
    // Arrears 1243.80, term 36: 1243.80 / 36 = 34.55 needed; min(0.00, 34.55, max 75.00) = 0.00 < minimum 10.00 and
    // the afloscapaciteit itself is below the minimum: not feasible, nothing paid, nothing forgiven via the scheme.
    const budget8 = await rig.call('budget.get', { id: id8, date: DATE });
    expect(budget8.result.afloscapaciteit.value).toBe('0.00');
    const f8 = byId.get(id8)!;
    expect([f8.arrears.value, f8.monthly.value, f8.months, f8.paid.value, f8.forgiven.value]).toEqual(['1243.80', '0.00', null, '0.00', '0.00']);
    expect(f8.feasible).toBe(false);
    expect(f8.warnings.join(' ')).toContain('De afloscapaciteit (€ 0,00) is lager dan het minimum van de regeling (€ 10,00 per maand).');
    expect(f8.summary).toContain('De regeling is niet haalbaar');
    expect(f8.premiumStage?.stage).toBe('cak');
    expect(f8.summary).toMatch(/uitstroomroute/);
    // Low income: 900 / 36 = 25.00 needed, afloscapaciteit 20.00 (≥ minimum 10.00): 20.00 × 36 = 720.00 paid, 180.00 forgiven.
    const low = byId.get(idLow)!;
    const budgetLow = await rig.call('budget.get', { id: idLow, date: DATE });
    expect(budgetLow.result.afloscapaciteit.value).toBe('20.00');
    expect(low.feasible).toBe(true);
    expect([low.monthly.value, low.months, low.paid.value, low.forgiven.value]).toEqual(['20.00', 36, '720.00', '180.00']);
    expect(low.premiumStage?.stage).toBe('aankondiging');
    expect(low.summary).toContain('€ 180,00 kwijt');
    expect(low.status).toBe('kandidaat');

    const noKids = await rig.call('schemes.batch', { schemeId: SCHEME, date: DATE, filters: { children: 'zonder' } });
    expect(noKids.families).toEqual([]);
    const elsewhere = await rig.call('schemes.batch', { schemeId: SCHEME, date: DATE, filters: { gemeente: 'Utrecht' } });
    expect(elsewhere.families).toEqual([]);
    // Income source: the Molenbeek family lives on bijstand, the Laagland family on WW.
    const bijstand = await rig.call('schemes.batch', { schemeId: SCHEME, date: DATE, filters: { incomeSource: 'uitkering_participatiewet' } });
    expect(bijstand.families.map((x) => x.dossierId)).toContain(id8);
    expect(bijstand.families.map((x) => x.dossierId)).not.toContain(idLow);
    const ww = await rig.call('schemes.batch', { schemeId: SCHEME, date: DATE, filters: { incomeSource: 'uitkering_uwv' } });
    expect(ww.families.map((x) => x.dossierId)).toEqual([idLow]);
  });

  it('records participation and aggregates the dashboard', async () => {
    const f = await rig.call('schemes.setParticipant', { schemeId: SCHEME, dossierId: idLow, status: 'lopend', agreedMonthly: '20.00', startDate: '2027-01-01' });
    expect(f.status).toBe('lopend');
    const dash = await rig.call('schemes.dashboard', { schemeId: SCHEME, date: DATE });
    // Families with arrears at Zorgverzekeraar Zuid in Zwolle: the two 08 imports of this file and the low-income one.
    const batch = await rig.call('schemes.batch', { schemeId: SCHEME, date: DATE, filters: {} });
    expect(dash.families).toBe(batch.families.length);
    expect(dash.byStatus.lopend).toBe(1);
    expect(dash.byStatus.kandidaat).toBe(batch.families.length - 1);
    const arrears = batch.families.reduce((s, x) => s + Math.round(Number(x.arrears.value) * 100), 0);
    expect(dash.arrears).toBe((arrears / 100).toFixed(2));
    expect(dash.children).toBe(batch.families.reduce((s, x) => s + x.childrenCount, 0));
    // Only the low-income family is feasible; every 08 import has no afloscapaciteit.
    expect(dash.notFeasible).toBe(batch.families.length - 1);
    expect(dash.expectedForgiveness).toBe('180.00');
  });

  it('pages the group by dossier number: the pages together are the whole group, each with the total', async () => {
    const all = await rig.call('schemes.batch', { schemeId: SCHEME, date: DATE, filters: {} });
    expect(all.total).toBe(all.families.length);
    expect(all.families.length).toBeGreaterThanOrEqual(3);
    const pages = [];
    for (let offset = 0; offset < all.total; offset += 2) {
      const page = await rig.call('schemes.batch', { schemeId: SCHEME, date: DATE, filters: {}, page: { offset, limit: 2 } });
      expect(page).toMatchObject({ total: all.total, offset });
      expect(page.families.length).toBe(Math.min(2, all.total - offset));
      pages.push(...page.families);
    }
    expect(pages).toEqual(all.families);
    expect((await rig.call('schemes.batch', { schemeId: SCHEME, date: DATE, filters: {}, page: { offset: 100, limit: 2 } })).families).toEqual([]);
    expect((await rig.fail('schemes.batch', { schemeId: SCHEME, filters: {}, page: { offset: 0, limit: 0 } })).code).toBe('VALIDATION');
  });

  it('stores an edited copy of a bundled scheme, and refuses to remove a bundled one', async () => {
    const { schemes } = await rig.call('schemes.list', {});
    const bundled = schemes.find((s) => s.scheme.id === SCHEME)!.scheme;
    const saved = await rig.call('schemes.save', { scheme: { ...bundled, minMonthly: '25.00' } });
    expect(saved).toMatchObject({ origin: 'user', replacesBundled: true });
    const low = await rig.call('schemes.family', { schemeId: SCHEME, dossierId: idLow, date: DATE });
    // Afloscapaciteit 20.00 < minimum 25.00: not feasible.
    expect(low.feasible).toBe(false);
    expect(low.warnings.join(' ')).toMatch(/lager dan het minimum/);
    await rig.call('schemes.remove', { id: SCHEME });
    const back = await rig.call('schemes.family', { schemeId: SCHEME, dossierId: idLow, date: DATE });
    expect(back.monthly.value).toBe('20.00');
    const error = await rig.fail('schemes.remove', { id: SCHEME });
    expect(error.code).toBe('FORBIDDEN');
    const invalid = await rig.fail('schemes.save', { scheme: { ...bundled, maxMonths: 48 } });
    expect(invalid.code).toBe('VALIDATION');
  });
});
