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

describe('saving one item (dossier.saveItem)', () => {
  async function auditCount(): Promise<number> {
    // Only changes count: opening the dossier to compare is logged as a read.
    return (await call<AuditEntry[]>('audit.list', { dossierId: d.id, limit: 100 })).filter((e) => e.action === 'dossier.changed').length;
  }

  it('adds an income without an id: it gets one, the others stay as they were, the logboek says what was added', async () => {
    const saved = await call<Dossier>('dossier.saveItem', {
      id: d.id,
      kind: 'income',
      item: { description: 'Bijbaan', category: 'loon', amount: '250', frequency: 'maand', personRole: 'partner' },
    });
    expect(saved.incomes).toHaveLength(2);
    expect(saved.incomes[0]).toEqual(d.incomes[0]);
    expect(saved.incomes[1]).toMatchObject({ description: 'Bijbaan', amount: '250.00', personRole: 'partner' });
    expect(saved.incomes[1]!.id).toMatch(/\S/);
    expect(saved.adults).toEqual(d.adults);
    expect(saved.bankAccounts).toEqual(d.bankAccounts);
    expect(await lastDetail()).toBe('Inkomsten: inkomst 2 (Loon) toegevoegd: € 250,00 per maand');
  });

  it('edits an expense by its id and logs old → new per field', async () => {
    const rent = d.expenses[0]!;
    const saved = await call<Dossier>('dossier.saveItem', { id: d.id, kind: 'expense', item: { ...rent, amount: '750', endDate: '2026-12-31' } });
    expect(saved.expenses).toEqual([{ ...rent, amount: '750.00', endDate: '2026-12-31' }]);
    expect(await lastDetail()).toBe('Uitgaven: uitgave 1 (Huur): bedrag € 712,35 → € 750,00, einddatum — → 31-12-2026');
    // Saved again unchanged: nothing to log.
    const before = await auditCount();
    await call('dossier.saveItem', { id: d.id, kind: 'expense', item: saved.expenses[0] });
    expect(await auditCount()).toBe(before);
  });

  it('edits a person and a bank account without writing a BSN or IBAN into the logboek', async () => {
    const partner = d.adults.find((a) => a.role === 'partner')!;
    await call('dossier.saveItem', { id: d.id, kind: 'adult', item: { ...partner, bsn: BSNS[1] } });
    expect(await lastDetail()).toBe('Volwassenen: partner: BSN gewijzigd');
    const saved = await call<Dossier>('dossier.saveItem', { id: d.id, kind: 'bankAccount', item: { iban: 'NL20 INGB 0001 2345 67', holder: 'Ö. Yılmaz' } });
    expect(saved.bankAccounts.map((b) => b.iban)).toEqual(['NL91ABNA0417164300', 'NL20INGB0001234567']);
    await call('dossier.saveItem', { id: d.id, kind: 'child', item: { ...d.children[1]!, livingInHousehold: true } });
    const text = JSON.stringify(await call('audit.list', {}));
    for (const pii of [BSNS[1]!, 'NL20', 'INGB', 'Yılmaz', 'Sem']) expect(text).not.toContain(pii);
  });

  it('answers NOT_FOUND for an id that is not (or no longer) in the dossier, and changes nothing', async () => {
    const before = await call<Dossier>('dossier.get', { id: d.id });
    const count = await auditCount();
    await expect(
      call('dossier.saveItem', { id: d.id, kind: 'debt', item: { ...d.debts[0]!, id: 'bestaat-niet', currentAmount: '1' } }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // An id from another list is not found either: an income id does not edit a debt.
    await expect(call('dossier.saveItem', { id: d.id, kind: 'debt', item: { ...d.debts[0]!, id: d.incomes[0]!.id } })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await call<Dossier>('dossier.get', { id: d.id })).toEqual(before);
    expect(await auditCount()).toBe(count);
  });

  it('refuses what breaks an item or the whole dossier, with the issue on the item, and changes nothing', async () => {
    const before = await call<Dossier>('dossier.get', { id: d.id });
    const count = await auditCount();
    const refused = async (input: unknown) => {
      const env = await h.core.router.handle('dossier.saveItem', input);
      expect(env.ok).toBe(false);
      return env.ok ? null : env.error;
    };
    // The item itself: an amount that is not an amount.
    const amount = await refused({ id: d.id, kind: 'income', item: { description: 'Loon', category: 'loon', amount: 'veel', frequency: 'maand' } });
    expect(amount).toMatchObject({ code: 'VALIDATION' });
    expect(amount!.issues!.map((i) => i.path)).toContain('item.amount');
    // A BSN that fails the elfproef.
    const partner = d.adults.find((a) => a.role === 'partner')!;
    const bsn = await refused({ id: d.id, kind: 'adult', item: { ...partner, bsn: '123456789' } });
    expect(bsn!.issues!.map((i) => i.path)).toContain('item.bsn');
    // Whole-dossier rules: the aanvrager's BSN on the partner too; a second aanvrager; a third adult.
    const twice = await refused({ id: d.id, kind: 'adult', item: { ...partner, bsn: BSNS[0] } });
    expect(twice).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('Twee volwassenen hebben hetzelfde BSN.') });
    const second = await refused({ id: d.id, kind: 'adult', item: { ...partner, role: 'aanvrager' } });
    expect(second).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('precies één aanvrager') });
    const third = await refused({ id: d.id, kind: 'adult', item: { role: 'partner', firstName: 'Piet', lastName: 'Klaassen', birthDate: '1980-01-01' } });
    expect(third).toMatchObject({ code: 'VALIDATION' });
    // Facts that cannot be true (the test clock says 15-03-2026): a child born next year, reported on the item.
    const unborn = await refused({ id: d.id, kind: 'child', item: { ...d.children[0]!, birthDate: '2027-01-01' } });
    expect(unborn).toMatchObject({ code: 'VALIDATION' });
    expect(unborn!.issues!.map((i) => i.path)).toEqual(['item.birthDate']);
    expect(await call<Dossier>('dossier.get', { id: d.id })).toEqual(before);
    expect(await auditCount()).toBe(count);
  });
});
