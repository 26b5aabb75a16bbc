// Item-level removal with undo, and the per-field logboek (issue 7 "the case file guards its data", issue 10
// "editing one item sends that item"): through the real router and a real encrypted vault. Expected log
// lines are written out by hand from the household in helpers.ts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../src/shared/contract/procedures';
import type { Dossier } from '../../../src/shared/dossier/schema';
import { startTestCore, type TestCoreHandle } from '../../support/core';
import { BSNS, TestClock, household } from './helpers';

let h: TestCoreHandle;
let d: Dossier;

async function call<T = any>(name: string, input: unknown): Promise<T> {
  const env = await h.core.router.handle(name, input);
  if (!env.ok) throw Object.assign(new Error(`${name}: ${env.error.code} ${env.error.message}`), { code: env.error.code });
  return env.value as T;
}
async function lastDetail(): Promise<string | null> {
  const [e] = await call<AuditEntry[]>('audit.list', { dossierId: d.id, limit: 1 });
  return e?.action === 'dossier.changed' ? e.detail : null;
}
function strip(x: Dossier) {
  const { id: _i, number: _n, createdAt: _c, updatedAt: _u, ...data } = x;
  return data;
}

beforeEach(async () => {
  h = await startTestCore({ cheapKdf: true, prefix: 'items', clock: new TestClock() });
  await call('vault.create', { name: 'Items', passphrase: 'een-lang-wachtwoord-2026', userName: 'Merel de Wit' });
  d = await call<Dossier>('dossier.create', { data: household() });
});
afterEach(async () => {
  await h.cleanup();
});

describe('removing one item', () => {
  it('removes an income, logs what it was, and the undo puts it back in its place with the same id', async () => {
    const income = d.incomes[0]!;
    const out = await call<{ dossier: Dossier; removed: { kind: string; index: number; item: { id: string } } }>('dossier.removeItem', {
      id: d.id,
      kind: 'income',
      itemId: income.id,
    });
    expect(out.dossier.incomes).toEqual([]);
    expect(out.removed).toMatchObject({ kind: 'income', index: 0, item: { id: income.id, amount: '1834.50' } });
    expect(await lastDetail()).toBe('Inkomsten: inkomst 1 (Loon) verwijderd (was € 1.834,50 per maand)');

    const back = await call<Dossier>('dossier.restoreItem', { id: d.id, removed: out.removed });
    expect(back.incomes).toEqual([income]);
    expect(await lastDetail()).toBe('Inkomsten: inkomst 1 (Loon) toegevoegd: € 1.834,50 per maand');
    // A second undo of the same removal is refused and changes nothing.
    await expect(call('dossier.restoreItem', { id: d.id, removed: out.removed })).rejects.toMatchObject({ code: 'VALIDATION' });
    expect((await call<Dossier>('dossier.get', { id: d.id })).incomes).toHaveLength(1);
  });

  it('puts a removed child back between the others', async () => {
    const [first, second] = d.children;
    const out = await call<{ removed: unknown }>('dossier.removeItem', { id: d.id, kind: 'child', itemId: first!.id });
    expect(await lastDetail()).toBe('Kinderen: kind 1 verwijderd');
    const back = await call<Dossier>('dossier.restoreItem', { id: d.id, removed: out.removed });
    expect(back.children.map((c) => c.id)).toEqual([first!.id, second!.id]);
  });

  it('never writes a BSN, IBAN or name into the logboek; refuses to remove the aanvrager', async () => {
    const partner = d.adults.find((a) => a.role === 'partner')!;
    await call('dossier.removeItem', { id: d.id, kind: 'adult', itemId: partner.id });
    expect(await lastDetail()).toBe('Volwassenen: partner verwijderd');
    await call('dossier.removeItem', { id: d.id, kind: 'bankAccount', itemId: d.bankAccounts[0]!.id });
    expect(await lastDetail()).toBe('Bankrekeningen: bankrekening 1 verwijderd');
    const aanvrager = d.adults.find((a) => a.role === 'aanvrager')!;
    await expect(call('dossier.removeItem', { id: d.id, kind: 'adult', itemId: aanvrager.id })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(call('dossier.removeItem', { id: d.id, kind: 'debt', itemId: 'bestaat-niet' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const text = JSON.stringify(await call('audit.list', {}));
    for (const pii of ['Anna', 'Jansen', 'Özkan', 'Noor', BSNS[0]!, 'NL91', '3511', 'Lindelaan']) expect(text).not.toContain(pii);
  });
});

describe('the logboek per field', () => {
  it('shows amounts and dates old → new and only names personal fields', async () => {
    const data = strip(d);
    data.expenses = [{ ...data.expenses[0]!, amount: '750', endDate: '2026-12-31' }];
    data.debts = [{ ...data.debts[0]!, currentAmount: '900.10', status: 'betalingsregeling', since: '2025-06-01' }];
    data.adults = data.adults.map((a) => (a.role === 'aanvrager' ? { ...a, bsn: BSNS[1]!, firstName: 'Anne' } : a));
    data.address = { ...data.address!, street: 'Kerkstraat' };
    await call('dossier.update', { id: d.id, data });
    expect((await lastDetail())!.split('\n')).toEqual([
      'Volwassenen: aanvrager: voornaam gewijzigd, BSN gewijzigd',
      'Adres: straat gewijzigd',
      'Uitgaven: uitgave 1 (Huur): bedrag € 712,35 → € 750,00, einddatum — → 31-12-2026',
      'Schulden: schuld 1 (concurrent): openstaand bedrag € 980,10 → € 900,10, status Open → Betalingsregeling, ontstaan op — → 01-06-2025',
    ]);
  });
});
