// budget.batch's stored key figures (migration 023, src/core/services/budget-key-figures.ts) over a real encrypted
// vault: a household's figures are served from the store only while nothing they were computed from has changed.
// To see whether a row was served or computed, the stored row of a household is given a figure no computation gives
// (saldo 999.99) before each step: a served row shows it, a computed one shows budget.get's figures again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, defaultResourcesDir } from '../../../src/core/app';
import { silentLogger } from '../../../src/core/logger';
import type { BudgetBatchItem } from '../../../src/shared/contract/budget-batch';
import type { Dossier } from '../../../src/shared/dossier/schema';
import { batchFiguresOfView } from '../../support/budget';
import { CHEAP_KDF, startTestCore, type TestCoreHandle } from '../../support/core';
import { earner, NOW, PASSPHRASE, singleParent } from './helpers';

const DAY = 24 * 60 * 60 * 1000;
const MARK = '999.99';
let now = NOW;
const clock = { now: () => now };
let handle: TestCoreHandle;
let core: TestCoreHandle['core'];
let folder: string;

async function call<T = any>(name: string, input: unknown = {}): Promise<T> {
  const env = await core.router.handle(name, input);
  if (!env.ok) throw new Error(`${name}: ${env.error.code} ${env.error.message}`);
  return env.value as T;
}

const ids: string[] = [];
beforeAll(async () => {
  handle = await startTestCore({ cheapKdf: true, prefix: 'key-figures', clock });
  core = handle.core;
  folder = (await call<{ status: { vault: { path: string } } }>('vault.create', { name: 'Budget', passphrase: PASSPHRASE })).status.vault.path;
  for (const data of [singleParent(), earner(), singleParent({ address: null })]) ids.push((await call<Dossier>('dossier.create', { data })).id);
  // The second household has a saved peildatum: its default date does not move with the clock.
  await call('budget.saveInputs', { id: ids[1], inputs: { referenceDate: '2026-01-10', kostendelers: 1 } });
});
afterAll(async () => {
  await core.dispose();
  await handle.cleanup();
});

function storedRows(): { dossier_id: string; reference_date: string; item: string }[] {
  return core.vault.db().prepare('SELECT dossier_id, reference_date, item FROM budget_key_figures ORDER BY dossier_id').all() as never;
}

/** Gives every stored row a saldo no household has: a batch that serves a stored row shows it. */
function markStored(): void {
  core.vault.db().prepare("UPDATE budget_key_figures SET item = json_set(item, '$.figures.saldo', ?)").run(MARK);
}

async function batch(input: Record<string, unknown> = {}): Promise<Map<string, BudgetBatchItem>> {
  const out = await call<{ items: BudgetBatchItem[] }>('budget.batch', input);
  return new Map(out.items.map((i) => [i.dossierId, i]));
}

/** The figures budget.get computes now for the same dossier and date. */
async function fresh(id: string, date?: string): Promise<BudgetBatchItem['figures']> {
  return batchFiguresOfView(await call('budget.get', { id, ...(date ? { date } : {}), explanations: false }));
}

describe('budget.batch stores what it computed', () => {
  it('stores one row per household and serves it again while nothing changed', async () => {
    const first = await batch();
    expect(storedRows().map((r) => r.dossier_id)).toEqual([...ids].sort());
    for (const id of ids) expect(first.get(id)!.figures).toEqual(await fresh(id));
    markStored();
    const second = await batch();
    for (const id of ids) expect(second.get(id)!.figures!.saldo).toBe(MARK);
    // Everything but the figure changed in the store is what was computed.
    for (const id of ids) expect({ ...second.get(id)!, figures: { ...second.get(id)!.figures, saldo: first.get(id)!.figures!.saldo } }).toEqual(first.get(id));
  });

  // Every way the app writes a household, each checked on its own household state (the store primed and marked).
  const writes: [string, (id: string) => Promise<unknown>][] = [
    ['an income added', (id) => call('dossier.saveItem', { id, kind: 'income', item: { description: 'Bijbaan', category: 'loon', amount: '250', frequency: 'maand', personRole: 'aanvrager' } })],
    ['an expense changed', async (id) => {
      const d = await call<Dossier>('dossier.get', { id });
      return call('dossier.saveItem', { id, kind: 'expense', item: { ...d.expenses[0]!, amount: '801.10' } });
    }],
    ['an expense removed', async (id) => {
      const d = await call<Dossier>('dossier.get', { id });
      return call('dossier.removeItem', { id, kind: 'expense', itemId: d.expenses[0]!.id });
    }],
    ['a child removed', async (id) => {
      const d = await call<Dossier>('dossier.get', { id });
      return call('dossier.removeItem', { id, kind: 'child', itemId: d.children[0]!.id });
    }],
    ['the budget inputs saved', (id) => call('budget.saveInputs', { id, inputs: { kostendelers: 2 } })],
    ['the whole dossier replaced', (id) => call('dossier.update', { id, data: singleParent({ incomes: [{ description: 'Loon', category: 'loon', amount: '1900.00', frequency: 'maand' }] }) })],
  ];
  it.each(writes)('computes a household again after %s, and only that one', async (_what, write) => {
    const target = ids[0]!;
    await batch();
    const before = (await batch()).get(target)!;
    markStored();
    await write(target);
    const after = await batch();
    expect(after.get(target)!.figures).toEqual(await fresh(target));
    expect(after.get(target)!.figures!.saldo).not.toBe(MARK);
    // The others were not written: still served from the store.
    for (const other of ids.slice(1)) expect(after.get(other)!.figures!.saldo).toBe(MARK);
    expect(before.dossierId).toBe(target);
  });

  it('computes a household again when its name changes (the lists show it), and drops a deleted one', async () => {
    const target = ids[2]!;
    await batch();
    markStored();
    const d = await call<Dossier>('dossier.get', { id: target });
    await call('dossier.saveItem', { id: target, kind: 'adult', item: { ...d.adults[0]!, lastName: 'Bakker' } });
    const after = (await batch()).get(target)!;
    expect(after.displayName).toBe('Bakker, Sanne');
    expect(after.figures!.saldo).not.toBe(MARK);

    const extra = (await call<Dossier>('dossier.create', { data: earner() })).id;
    await batch();
    expect(storedRows().some((r) => r.dossier_id === extra)).toBe(true);
    await call('dossier.delete', { id: extra, confirmNumber: (await call<Dossier>('dossier.get', { id: extra })).number });
    expect(storedRows().some((r) => r.dossier_id === extra)).toBe(false);
    expect((await batch({ dossierIds: [extra] })).get(extra)!.error!.code).toBe('NOT_FOUND');
  });

  it('removes a dossier\'s row with any write to its household tables, whichever code writes them', async () => {
    const db = core.vault.db();
    const writes = [
      'UPDATE dossiers SET street = street WHERE id = ?',
      "UPDATE persons SET first_name = first_name WHERE dossier_id = ? AND kind = 'adult'",
      'UPDATE incomes SET description = description WHERE dossier_id = ?',
      'DELETE FROM expenses WHERE dossier_id = ? AND sort_order = 0',
      "INSERT INTO budget_inputs (dossier_id, inputs, updated_at) VALUES (?, '{}', 0) ON CONFLICT (dossier_id) DO UPDATE SET updated_at = 1",
    ];
    for (const sql of writes) {
      await batch();
      expect(storedRows().map((r) => r.dossier_id), sql).toEqual([...ids].sort());
      db.prepare(sql).run(ids[0]);
      expect(storedRows().map((r) => r.dossier_id), sql).toEqual(ids.slice(1).sort());
    }
  });
});

describe('a stored row of another date, norm set or app version is not served', () => {
  it('computes a household without a saved peildatum again the next day, and serves one with a peildatum', async () => {
    await batch();
    markStored();
    now = NOW + DAY;
    const next = await batch();
    expect(next.get(ids[0]!)!.referenceDate).toBe('2026-03-16');
    expect(next.get(ids[0]!)!.figures).toEqual(await fresh(ids[0]!));
    expect(next.get(ids[1]!)!.referenceDate).toBe('2026-01-10');
    expect(next.get(ids[1]!)!.figures!.saldo).toBe(MARK);
    // An explicit date is another reference date for every household.
    const dated = await batch({ date: '2026-07-15' });
    for (const id of ids) expect(dated.get(id)!.figures).toEqual(await fresh(id, '2026-07-15'));
    now = NOW;
  });

  it('computes every household again after a norm table is imported', async () => {
    await batch();
    markStored();
    const file = JSON.parse(JSON.stringify((await import('../../../resources/norms/bijstandsnormen.json')).default));
    const { validTo: _validTo, ...last } = file.periods['2026-07-01'];
    await call('norms.import', { file: { ...file, origin: 'user', periods: { '2027-01-01': { ...last, status: 'official', source: ['https://www.rijksoverheid.nl/normen-2027'] } } } });
    const after = await batch();
    for (const id of ids) expect(after.get(id)!.figures).toEqual(await fresh(id));
  });

  it('computes every household again in another version of the app', async () => {
    await batch();
    markStored();
    expect((await batch()).get(ids[0]!)!.figures!.saldo).toBe(MARK);
    await core.dispose();
    core = await createCore({ dataDir: handle.dataDir, resourcesDir: defaultResourcesDir(), logger: silentLogger, kdf: CHEAP_KDF, clock, version: '99.0.0' });
    handle.core = core;
    await call('vault.open', { path: folder });
    await call('vault.unlock', { passphrase: PASSPHRASE });
    const after = await batch();
    for (const id of ids) expect(after.get(id)!.figures).toEqual(await fresh(id));
  });
});

describe('after an unlock the stored figures are brought up to date in the background', () => {
  it('stores every household\'s figures for its default date while the core is idle', async () => {
    await call('vault.lock');
    now = NOW + 2 * DAY;
    await call('vault.unlock', { passphrase: PASSPHRASE });
    await core.idle();
    const rows = new Map(storedRows().map((r) => [r.dossier_id, r.reference_date]));
    expect(rows).toEqual(new Map([[ids[0]!, '2026-03-17'], [ids[1]!, '2026-01-10'], [ids[2]!, '2026-03-17']]));
    markStored();
    const served = await batch();
    for (const id of ids) expect(served.get(id)!.figures!.saldo).toBe(MARK);
    now = NOW;
  });

  it('stops at a lock, and a lock right after the unlock leaves the vault as it was', async () => {
    await call('vault.lock');
    now = NOW + 3 * DAY;
    await call('vault.unlock', { passphrase: PASSPHRASE });
    await call('vault.lock');
    await core.idle();
    await call('vault.unlock', { passphrase: PASSPHRASE });
    // Nothing was computed for the new day before the lock (the pass waits for a quiet core first).
    expect(storedRows().filter((r) => r.reference_date === '2026-03-18')).toHaveLength(0);
    await core.idle();
    expect(storedRows().filter((r) => r.reference_date === '2026-03-18').map((r) => r.dossier_id).sort()).toEqual([ids[0]!, ids[2]!].sort());
    now = NOW;
  });
});
