// budget.get / budget.saveInputs through createCore + the router over a real encrypted vault: the figures
// equal a direct engine run over the bundled norms, uncovered dates are refused with the engine's reason,
// and stated BVV inputs are stored and change BVV, VTLB and afloscapaciteit exactly as the engine says.
import Decimal from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultResourcesDir } from '../../../src/core/app';
import { loadBundledNorms } from '../../../src/core/norms/load';
import {
  budgetInputsSchema,
  computeBudget,
  NormNotCoveredError,
  projectBudget,
  toBudgetJson,
  type NormSet,
} from '../../../src/shared/budget';
import { resolveBudgetResult, serializeBudgetResult } from '../../../src/shared/contract/budget';
import { budgetSections } from '../../../src/shared/presenter';
import { dossierDataSchema } from '../../../src/shared/dossier/schema';
import { explained } from '../../support/budget';
import { earner, NOW, singleParent, startRig, type Rig } from './helpers';

let rig: Rig;
let norms: NormSet;
beforeAll(async () => {
  rig = await startRig();
  norms = await loadBundledNorms(defaultResourcesDir());
});
afterAll(async () => rig.cleanup());

const TWO_DECIMALS = /^-?\d+\.\d{2}$/;

function engineMessage(date: string, dossier = dossierDataSchema.parse(singleParent())): string {
  try {
    computeBudget(dossier, budgetInputsSchema.parse({}), norms, date);
  } catch (e) {
    expect(e).toBeInstanceOf(NormNotCoveredError);
    return (e as Error).message;
  }
  throw new Error(`${date} is covered`);
}

describe('budget.get', () => {
  it('gives the same figures as the engine run directly over the bundled norms', async () => {
    const created = await rig.call('dossier.create', { data: singleParent() });
    const view = await rig.call('budget.get', { id: created.id, date: '2026-07-15' });

    const stored = await rig.call('dossier.get', { id: created.id });
    const inputs = budgetInputsSchema.parse({});
    const direct = computeBudget(stored, inputs, norms, '2026-07-15');
    const projection = projectBudget(stored, inputs, norms, '2026-07-15', 24);

    expect(view.referenceDate).toBe('2026-07-15');
    expect(view.sections).toEqual(JSON.parse(JSON.stringify(budgetSections(toBudgetJson(direct, projection)))));
    expect(view.result).toEqual(JSON.parse(JSON.stringify(serializeBudgetResult(direct))));
    expect(view.projection.months).toHaveLength(24);
    // Each month as the screen shows it: the engine's amounts to the cent, and its saldo the sum of the parts beside it.
    view.projection.months.forEach((m, i) => {
      const own = projection.months[i]!;
      expect(m.month).toBe(own.month);
      expect([m.inkomen, m.uitgaven, m.saldo, m.afloscapaciteit]).toEqual([own.inkomen, own.uitgaven, own.saldo, own.afloscapaciteit].map((d) => d?.toFixed(2) ?? null));
      expect(new Decimal(m.inkomen!).plus(m.kostenvergoedingen ?? 0).minus(m.uitgaven!).toFixed(2)).toBe(m.saldo);
    });
    // Only what the screen shows is sent (the CLI's JSON view and the PDF read the rest from the engine).
    expect(Object.keys(view.projection.months[0]!).sort()).toEqual(
      ['afloscapaciteit', 'changes', 'covered', 'inkomen', 'kostenvergoedingen', 'month', 'negative', 'provisional', 'saldo', 'uitgaven'],
    );

    // Spot checks against the published table (RULES.md): single parent 21-AOW, 2026-07: 1419.46.
    expect(view.result.household.type).toBe('alleenstaande_ouder');
    expect(view.result.bijstandsnorm.value).toBe('1419.46');
    expect(view.result.bijstandsnorm.value).toBe(direct.bijstandsnorm.value!.toFixed(2));
    expect(view.result.afloscapaciteit.value).toBe(direct.afloscapaciteit.value!.toFixed(2));
    expect(view.result.beslagvrijeVoet.regime).toBe('inkomen_tot_norm');
    // Weekly groceries: the month figure keeps full precision beside the two-decimal amount.
    const weekly = view.result.budget.lines.find((l) => l.frequency === 'week')!;
    expect(weekly.monthly).toBe('650.00');
    expect(weekly.monthlyExact).toBe('650');
    const quarterly = view.result.income.lines.find((l) => l.frequency === 'kwartaal')!;
    // Round once (issue 6): 850.00 per quarter / 3 = 283.333.. -> 283.33, and that rounded line is what is summed.
    expect(quarterly.monthly).toBe('283.33');
    expect(quarterly.monthlyExact).toBe('283.33');
    // Every figure has its derivation, and the norm periods name their source and origin.
    // (Each table is sent once and referred to; resolved, the explanation lists it in full.)
    const shown = resolveBudgetResult(view.result);
    expect(explained(shown.bijstandsnorm.explanation).tables[0]).toMatchObject({ group: 'bijstandsnormen', periodStart: '2026-07-01', origin: 'bundled' });
    expect(explained(shown.bijstandsnorm.explanation).tables[0]!.figures[0]).toMatchObject({ name: 'age_21_to_aow.single.incl_holiday_pay', value: '1419.46' });
    const r = view.result;
    for (const [key, f] of Object.entries({ bijstandsnorm: r.bijstandsnorm, beslagvrijeVoet: r.beslagvrijeVoet, vtlb: r.vtlb.total, afloscapaciteit: r.afloscapaciteit, inkomen: r.income.total, uitgaven: r.budget.expensesTotal, saldo: r.budget.saldo })) {
      expect(f.value, key).toMatch(TWO_DECIMALS);
    }
  });

  it('uses today from the clock when no date is given, and the saved peildatum before that', async () => {
    const created = await rig.call('dossier.create', { data: singleParent() });
    expect((await rig.call('budget.get', { id: created.id })).referenceDate).toBe('2026-03-15');
    await rig.call('budget.saveInputs', { id: created.id, inputs: { referenceDate: '2026-01-10' } });
    expect((await rig.call('budget.get', { id: created.id })).referenceDate).toBe('2026-01-10');
    expect((await rig.call('budget.get', { id: created.id, date: '2026-08-01' })).referenceDate).toBe('2026-08-01');
  });

  it('refuses a date after the last table and before the first with NORM_NOT_COVERED and the engine\'s reason', async () => {
    const created = await rig.call('dossier.create', { data: singleParent() });
    // The bundled tables end 2026-12-31; six months after that they are used provisionally, so 2027-07-01 is the
    // first refused date (issue 7).
    for (const date of ['2027-07-01', '2023-12-31']) {
      const error = await rig.fail('budget.get', { id: created.id, date });
      expect(error.code, date).toBe('NORM_NOT_COVERED');
      expect(error.message, date).toBe(engineMessage(date));
      expect(error.message).toContain('Er is geen normtabel "Bijstandsnormen"');
    }
  });

  it('answers NOT_FOUND for an unknown dossier and VALIDATION for a date that does not exist', async () => {
    expect((await rig.fail('budget.get', { id: 'bestaat-niet' })).code).toBe('NOT_FOUND');
    expect((await rig.fail('budget.get', { id: 'x', date: '2026-02-30' })).code).toBe('VALIDATION');
  });
});

describe('budget.saveInputs', () => {
  it('stores the belastbaar inkomen and a stated BVV; the BVV is computed and the stated one checked', async () => {
    const created = await rig.call('dossier.create', { data: earner() });
    const date = '2026-03-01';

    const before = await rig.call('budget.get', { id: created.id, date });
    expect(before.inputsUpdatedAt).toBeNull();
    expect(before.result.beslagvrijeVoet.regime).toBe('inkomen_boven_norm');
    expect(before.result.beslagvrijeVoet.value).toBeNull();
    expect(before.result.vtlb.total.value).toBeNull();
    expect(before.result.afloscapaciteit.value).toBeNull();
    expect({ ondergrens: before.result.beslagvrijeVoet.lowerBound?.value, bovengrens: before.result.beslagvrijeVoet.upperBound?.value }).toEqual({ ondergrens: '1331.43', bovengrens: '2191.42' });
    expect(before.result.warnings.map((w) => w.code)).toContain('BVV_BELASTBAAR_INKOMEN_NODIG');

    const inputs = {
      statedBvv: { amount: '1500.00', date: '2026-02-01', statedBy: 'Deurwaarderskantoor' },
      kostendelers: 0,
      vtlbCorrections: [{ kind: 'woon_werk' as const, amount: '40.00', note: 'Bus naar het werk, niet vergoed' }],
      belastbaarInkomenPerJaar: { aanvrager: '32000.00', partner: null },
      beslagOp: 'huishouden' as const,
      nietBeslagenEigenInkomenPerMaand: null,
      loonheffingAutoVanDeZaakPerMaand: null,
      woonkostenverhoging: false,
      toetsingsinkomenPerJaar: null,
      vakantiegeld: null,
    };
    const saved = await rig.call('budget.saveInputs', { id: created.id, inputs });
    expect(saved.inputs).toEqual({ ...inputs });
    expect(saved.updatedAt).toBe(NOW);

    const after = await rig.call('budget.get', { id: created.id, date });
    expect(after.inputs).toEqual(inputs);
    expect(after.inputsUpdatedAt).toBe(saved.updatedAt);
    const stored = await rig.call('dossier.get', { id: created.id });
    const direct = computeBudget(stored, budgetInputsSchema.parse(inputs), norms, date);
    expect(after.result).toEqual(JSON.parse(JSON.stringify(serializeBudgetResult(direct))));
    expect(after.sections).toEqual(JSON.parse(JSON.stringify(budgetSections(toBudgetJson(direct, projectBudget(stored, budgetInputsSchema.parse(inputs), norms, date, 24))))));
    // Art. 475da lid 2 Rv (Jan 2026, single, C = 32,000): 1331.425 + (32,000 − 29,735.42)/12 × 13.73 % = 25.91057
    // + (32,000 − 23,425) × 27 %/12 = 192.9375 -> 1550.27307 -> 1550.27; 95 % × 2100 = 1995.00 not binding.
    expect(after.result.beslagvrijeVoet.value).toBe('1550.27');
    // VTLB = 1550.27 + eigen risico 385/12 = 32.08 + PGL 0 + woonlasten (800.00 − 0) − (J 202.52 + 192.9375) = 404.5425 -> 404.54
    //   + woon-werk 40.00 = 2026.89 (no premium in the dossier: no zorg correction).
    expect(after.result.vtlb.total.value).toBe('2026.89');
    expect(after.result.afloscapaciteit.value).toBe('73.11'); // 2100 - 2026.89
    // The stated 1500.00 is 50.27 lower: a check warning, not a substitute.
    expect(after.result.warnings.map((w) => w.code)).toContain('BVV_OPGAVE_WIJKT_AF');
    expect(after.result.bvvBerekening!.opgave).toMatchObject({ amount: '1500.00', difference: '50.27', differs: true });
    expect(explained(after.result.beslagvrijeVoet.explanation).inputs['opgegeven door']).toBe('Deurwaarderskantoor');

    // The change is in the audit log without the figures.
    const log = await rig.call('audit.list', { dossierId: created.id });
    expect(log.filter((e) => e.action === 'dossier.changed').map((e) => e.detail)).toEqual(['Budgetgegevens']);
  });

  it('refuses invalid inputs and keeps the stored ones', async () => {
    const created = await rig.call('dossier.create', { data: earner() });
    await rig.call('budget.saveInputs', { id: created.id, inputs: { kostendelers: 1 } });
    const error = await rig.fail('budget.saveInputs', {
      id: created.id,
      inputs: { vtlbCorrections: [{ kind: 'woon_werk', amount: '-10.00', note: 'negatief' }] },
    });
    expect(error.code).toBe('VALIDATION');
    expect(error.issues?.some((i) => i.path.startsWith('inputs.vtlbCorrections.0'))).toBe(true);
    expect((await rig.call('budget.get', { id: created.id, date: '2026-03-01' })).inputs.kostendelers).toBe(1);
    expect((await rig.fail('budget.saveInputs', { id: 'bestaat-niet', inputs: {} })).code).toBe('NOT_FOUND');
  });
});
