// Optimistic concurrency for item-level edits (issue 10 §5): two windows (two clients of one core, one real
// encrypted vault) read the same dossier; the first saves a change to an adult; the second, still holding the
// old adult, is refused with a clear Dutch message and changes nothing, while its edits of other items (read
// with their own stamps) go through. Removal and the household details are checked the same way.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Dossier } from '../../../src/shared/dossier/schema';
import { detailsOf, detailsStamp, itemStamp } from '../../../src/shared/dossier/stamp';
import { startTestCore, type TestCoreHandle } from '../../support/core';

const PASS = 'correct horse battery staple';
let handle: TestCoreHandle;

type Result<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
const call = async <T = Dossier>(name: string, input: unknown): Promise<Result<T>> => (await handle.core.router.handle(name as never, input as never)) as never;
const value = async <T = Dossier>(name: string, input: unknown): Promise<T> => {
  const r = await call<T>(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value;
};

let id = '';
beforeEach(async () => {
  handle = await startTestCore({ cheapKdf: true, prefix: 'item-stamps' });
  await value('vault.create', { name: 'Kantoor West', passphrase: PASS });
  const created = await value('dossier.create', {
    data: {
      status: 'aanmelding',
      typeOfHelp: 'schuldhulpverlening',
      professional: 'M. de Vries',
      adults: [
        { role: 'aanvrager', firstName: 'Noor', lastName: 'Bakker', birthDate: '1990-04-12', bsn: '111222333' },
        { role: 'partner', firstName: 'Sem', lastName: 'Bakker', birthDate: '1989-11-30', bsn: null },
      ],
      children: [{ firstName: 'Lieke', lastName: 'Bakker', birthDate: '2016-06-01', livingInHousehold: true }],
      address: { street: 'Lindelaan', houseNumber: '4', postcode: '3511 AB', city: 'Utrecht' },
      contact: {},
      bankAccounts: [{ iban: 'NL91ABNA0417164300' }],
      incomes: [],
      expenses: [],
      debts: [],
    },
  });
  id = created.id;
});
afterEach(async () => {
  await handle.cleanup();
});

describe('two windows editing one dossier', () => {
  it('a save with the stamp of an adult that changed meanwhile is refused and changes nothing', async () => {
    const windowA = await value('dossier.get', { id });
    const windowB = await value('dossier.get', { id });
    const partnerA = windowA.adults.find((a) => a.role === 'partner')!;
    const partnerB = windowB.adults.find((a) => a.role === 'partner')!;
    expect(itemStamp(partnerA)).toBe(itemStamp(partnerB));

    // Window A adds the partner's BSN.
    const savedA = await value('dossier.saveItem', { id, kind: 'adult', item: { ...partnerA, bsn: '123456782' }, stamp: itemStamp(partnerA) });
    expect(savedA.adults.find((a) => a.role === 'partner')!.bsn).toBe('123456782');

    // Window B, still showing the old partner, changes the first name: refused, nothing changed.
    const stale = await call('dossier.saveItem', { id, kind: 'adult', item: { ...partnerB, firstName: 'Samuel' }, stamp: itemStamp(partnerB) });
    expect(stale.ok).toBe(false);
    if (!stale.ok) {
      expect(stale.error.code).toBe('CONFLICT');
      expect(stale.error.message).toBe('Deze volwassene is intussen gewijzigd (bijvoorbeeld in een ander venster); laad het dossier opnieuw. Er is niets gewijzigd.');
    }
    const now = await value('dossier.get', { id });
    expect(now).toEqual(savedA);

    // Window B's edit of another item (the child, read with its own stamp) is not blocked by A's change.
    const childB = windowB.children[0]!;
    const savedB = await value('dossier.saveItem', { id, kind: 'child', item: { ...childB, livingInHousehold: false }, stamp: itemStamp(childB) });
    expect(savedB.children[0]!.livingInHousehold).toBe(false);
    expect(savedB.adults.find((a) => a.role === 'partner')!.bsn).toBe('123456782');

    // After reloading, window B's stamp is current again and its save goes through.
    const reloaded = savedB.adults.find((a) => a.role === 'partner')!;
    const again = await value('dossier.saveItem', { id, kind: 'adult', item: { ...reloaded, firstName: 'Samuel' }, stamp: itemStamp(reloaded) });
    expect(again.adults.find((a) => a.role === 'partner')!.firstName).toBe('Samuel');
  });

  it('a removal with a stale stamp is refused; so is a details save when the details changed meanwhile', async () => {
    const windowA = await value('dossier.get', { id });
    const windowB = await value('dossier.get', { id });
    const accountA = windowA.bankAccounts[0]!;
    await value('dossier.saveItem', { id, kind: 'bankAccount', item: { ...accountA, description: 'Leefgeld' }, stamp: itemStamp(accountA) });
    const accountB = windowB.bankAccounts[0]!;
    const removal = await call('dossier.removeItem', { id, kind: 'bankAccount', itemId: accountB.id, stamp: itemStamp(accountB) });
    expect(removal.ok).toBe(false);
    if (!removal.ok) expect(removal.error).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/^Deze bankrekening is intussen gewijzigd .*laad het dossier opnieuw/) });
    expect((await value('dossier.get', { id })).bankAccounts).toHaveLength(1);

    // Details: A moves the status on; B's change of the phone number, based on the old details, is refused.
    const detailsA = await value('dossier.saveDetails', { id, details: { ...detailsOf(windowA), status: 'stabilisatie' }, stamp: detailsStamp(windowA) });
    expect(detailsA.status).toBe('stabilisatie');
    expect(detailsA.adults).toEqual((await value('dossier.get', { id })).adults); // persons untouched by a details save
    const staleDetails = await call('dossier.saveDetails', { id, details: { ...detailsOf(windowB), contact: { phone: '030 123 4567' } }, stamp: detailsStamp(windowB) });
    expect(staleDetails.ok).toBe(false);
    if (!staleDetails.ok) expect(staleDetails.error.message).toMatch(/^De gegevens van het huishouden zijn intussen gewijzigd/);
    const after = await value('dossier.get', { id });
    expect(after.status).toBe('stabilisatie');
    expect(after.contact.phone).toBeUndefined();
  });
});
