// budget.batch through createCore + the router over a real encrypted vault: per dossier the same figures as
// budget.get (with and without a date), one household that cannot be computed carries its own error without
// failing the others, and the pages are ordered by dossier number and add up to the whole selection.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BudgetBatchItem } from '../../../src/shared/contract/budget-batch';
import { batchFiguresOfView } from '../../support/budget';
import { earner, singleParent, startRig, type Rig } from './helpers';

let rig: Rig;
const ids: string[] = [];
let uncovered: string;
const NAMES = new Map<string, string>();
beforeAll(async () => {
  rig = await startRig();
  const households = [
    singleParent(),
    earner(),
    singleParent({ adults: [{ role: 'aanvrager', firstName: 'Ida', lastName: 'Mol', birthDate: '1950-02-02', bsn: null }], children: [] }),
    earner({
      adults: [
        { role: 'aanvrager', firstName: 'Bas', lastName: 'Koster', birthDate: '1980-03-03', bsn: null },
        { role: 'partner', firstName: 'Piet', lastName: 'de Vries', birthDate: '1982-04-04', bsn: null },
      ],
      incomes: [{ description: 'Loon', category: 'loon', amount: '650.00', frequency: 'vierweken' }],
    }),
    singleParent({ address: null }),
  ];
  for (const data of households) ids.push((await rig.call('dossier.create', { data })).id);
  // The names the lists show, written out from the adults above (aanvrager "last, first", partner "first last").
  ['Verbeek, Sanne', 'Koster, Bas', 'Mol, Ida', 'Koster, Bas en Piet de Vries', 'Verbeek, Sanne'].forEach((name, i) => NAMES.set(ids[i]!, name));
  // Saved peildatum on one, and a saved peildatum no norm table covers on another (NORM_NOT_COVERED for that one only).
  await rig.call('budget.saveInputs', { id: ids[1]!, inputs: { referenceDate: '2026-01-10', kostendelers: 1 } });
  uncovered = (await rig.call('dossier.create', { data: earner() })).id;
  ids.push(uncovered);
  NAMES.set(uncovered, 'Koster, Bas');
  await rig.call('budget.saveInputs', { id: uncovered, inputs: { referenceDate: '2023-06-01' } });
});
afterAll(async () => rig.cleanup());

/** The batch figures as budget.get shows them for the same dossier and date. */
async function viaGet(id: string, date?: string): Promise<BudgetBatchItem> {
  const v = await rig.call('budget.get', { id, ...(date ? { date } : {}) });
  const dossier = await rig.call('dossier.get', { id });
  return {
    dossierId: id,
    number: dossier.number,
    displayName: NAMES.get(id) ?? null,
    referenceDate: v.referenceDate,
    figures: batchFiguresOfView(v),
    error: null,
  };
}

describe('budget.batch', () => {
  it('gives every dossier the figures of budget.get on the given date', async () => {
    const batch = await rig.call('budget.batch', { date: '2026-07-15', page: { offset: 0, limit: 100 } });
    expect(batch.total).toBe(ids.length);
    expect(batch.items.map((i) => i.dossierId).sort()).toEqual([...ids].sort());
    for (const item of batch.items) expect(item, item.dossierId).toEqual(await viaGet(item.dossierId, '2026-07-15'));
    // Spot check against the published table (RULES.md): single parent 21-AOW from 2026-07-01: 1419.46.
    expect(batch.items.find((i) => i.dossierId === ids[0])!.figures!.bijstandsnorm).toBe('1419.46');
    // Provisional norms (issue 7) are named per household, as budget.get does.
    const late = await rig.call('budget.batch', { date: '2027-02-01', dossierIds: [ids[0]!] });
    expect(late.items[0]!.figures!.provisional).toMatch(/^voorlopig: de normen per 01-01-2027/);
  });

  it('without a date uses each saved peildatum (else today), and one uncomputable dossier does not fail the rest', async () => {
    const batch = await rig.call('budget.batch', {});
    expect(batch.items).toHaveLength(ids.length);
    const bad = batch.items.find((i) => i.dossierId === uncovered)!;
    expect(bad.figures).toBeNull();
    expect(bad.referenceDate).toBe('2023-06-01');
    const getError = await rig.fail('budget.get', { id: uncovered });
    expect(bad.error).toEqual({ code: 'NORM_NOT_COVERED', message: getError.message });
    for (const item of batch.items.filter((i) => i.dossierId !== uncovered)) expect(item, item.dossierId).toEqual(await viaGet(item.dossierId));
    expect(batch.items.find((i) => i.dossierId === ids[1])!.referenceDate).toBe('2026-01-10');
    expect(batch.items.find((i) => i.dossierId === ids[0])!.referenceDate).toBe('2026-03-15');
  });

  it('computes only the chosen dossiers, and names an unknown one NOT_FOUND', async () => {
    const batch = await rig.call('budget.batch', { date: '2026-07-15', dossierIds: ['bestaat-niet', ids[2]!, ids[0]!, ids[0]!] });
    expect(batch.total).toBe(3);
    // By dossier number; ids that do not exist come last.
    expect(batch.items.map((i) => i.dossierId)).toEqual([ids[0], ids[2], 'bestaat-niet']);
    expect(batch.items[2]).toMatchObject({ number: null, displayName: null, figures: null, error: { code: 'NOT_FOUND' } });
    expect(batch.items[1]).toEqual(await viaGet(ids[2]!, '2026-07-15'));
  });

  it('pages by dossier number: the pages together are the whole selection, each with the total', async () => {
    const all = await rig.call('budget.batch', { date: '2026-07-15', page: { offset: 0, limit: 100 } });
    const numbers = all.items.map((i) => i.number!);
    expect(numbers).toEqual([...numbers].sort());
    const pages: BudgetBatchItem[] = [];
    for (let offset = 0; offset < all.total; offset += 4) {
      const page = await rig.call('budget.batch', { date: '2026-07-15', page: { offset, limit: 4 } });
      expect(page).toMatchObject({ total: all.total, offset, limit: 4 });
      expect(page.items.length).toBe(Math.min(4, all.total - offset));
      pages.push(...page.items);
    }
    expect(pages).toEqual(all.items);
    expect((await rig.call('budget.batch', { page: { offset: 50, limit: 10 } })).items).toEqual([]);
    // Default page: the first 100.
    expect((await rig.call('budget.batch', { date: '2026-07-15' })).limit).toBe(100);
    for (const page of [{ offset: 0, limit: 0 }, { offset: -1, limit: 10 }, { offset: 0, limit: 10_001 }]) {
      expect((await rig.fail('budget.batch', { page })).code).toBe('VALIDATION');
    }
  });

  it('a page larger than the slice it reads at a time gives every household its own figures (600 households)', async () => {
    // Households that differ in size and income, so a figure placed with the wrong dossier shows.
    for (let n = 0; n < 594; n++) {
      const loon = (900 + n * 3).toFixed(2);
      const data = n % 2 === 0 ? earner({ incomes: [{ description: 'Loon', category: 'loon', amount: loon, frequency: 'maand' }] }) : singleParent();
      await rig.call('dossier.create', { data });
    }
    const all = await rig.call('budget.batch', { date: '2026-07-15', page: { offset: 0, limit: 1000 } });
    expect(all.total).toBe(600);
    expect(all.items).toHaveLength(600);
    const one: BudgetBatchItem[] = [];
    for (const item of all.items) one.push(...(await rig.call('budget.batch', { date: '2026-07-15', dossierIds: [item.dossierId] })).items);
    expect(all.items).toEqual(one);
    expect(new Set(all.items.map((i) => i.figures?.inkomen)).size).toBeGreaterThan(290);
  });
});
