// Stored letters and plans travel with the dossier (issues 7 and 8): the interchange export carries the
// proposal letters, the schuldenoverzicht and the budget plan as PDF attachments, and an import into a fresh
// vault (another office) stores them encrypted in the new dossier, each proposal letter linked to the same
// creditor. Two real cores, two real encrypted vaults.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Envelope } from '../../../src/shared/contract/errors';
import type { ProcedureInput, ProcedureName, ProcedureOutput } from '../../../src/shared/contract/procedures';
import { startTestCore, type TestCoreHandle } from '../../support/core';
import { TestClock } from '../services/helpers';

const PASSPHRASE = 'brieven reizen mee wachtwoord';
const BSN = '111222333';

let from: TestCoreHandle;
let to: TestCoreHandle;

function caller(h: () => TestCoreHandle) {
  async function tryCall<K extends ProcedureName>(name: K, input: ProcedureInput<K>): Promise<Envelope<ProcedureOutput<K>>> {
    return (await h().core.router.handle(name, input)) as Envelope<ProcedureOutput<K>>;
  }
  async function call<K extends ProcedureName>(name: K, input: ProcedureInput<K>): Promise<ProcedureOutput<K>> {
    const env = await tryCall(name, input);
    if (!env.ok) throw new Error(`${name}: ${env.error.message}`);
    return env.value;
  }
  return { call, tryCall };
}
const A = caller(() => from);
const B = caller(() => to);

beforeEach(async () => {
  const clock = new TestClock(Date.UTC(2026, 11, 1, 10, 0));
  from = await startTestCore({ cheapKdf: true, prefix: 'letters-from', clock });
  to = await startTestCore({ cheapKdf: true, prefix: 'letters-to', clock: new TestClock(Date.UTC(2026, 11, 5, 9, 0)) });
  await A.call('vault.create', { name: 'Kantoor Leeuwarden', passphrase: PASSPHRASE });
  await B.call('vault.create', { name: 'Kantoor Sneek', passphrase: PASSPHRASE });
});
afterEach(async () => {
  await from.cleanup();
  await to.cleanup();
});

async function family() {
  const d = await A.call('dossier.create', {
    data: {
      status: 'schuldregeling',
      typeOfHelp: 'schuldhulpverlening',
      professional: 'Merel de Wit',
      adults: [{ role: 'aanvrager', firstName: 'Ilse', lastName: 'Veenstra', birthDate: '1990-04-12', bsn: BSN }],
      children: [{ firstName: 'Pieter', lastName: 'Veenstra', birthDate: '2015-05-01', livingInHousehold: true }],
      address: { street: 'Nieuwestad', houseNumber: '3', postcode: '8911 AA', city: 'Leeuwarden' },
      bankAccounts: [],
      incomes: [{ description: 'Loon', category: 'loon', amount: '2100.00', frequency: 'maand', personRole: 'aanvrager' }],
      expenses: [{ description: 'Huur', category: 'huur', amount: '750.00', frequency: 'maand' }],
      debts: [
        { creditor: 'Woonstad Leeuwarden', reference: 'HUUR-2291', originalAmount: '2000.00', currentAmount: '2000.00', kind: 'concurrent', status: 'open', creditorKind: 'verhuurder' },
        { creditor: 'Vattenfall', originalAmount: '1000.00', currentAmount: '1000.00', kind: 'concurrent', status: 'open', creditorKind: 'energie' },
        { creditor: 'Belastingdienst', reference: 'IB-2024', originalAmount: '1000.00', currentAmount: '1000.00', kind: 'preferent', status: 'open', creditorKind: 'belastingdienst' },
      ],
    },
  });
  await A.call('arrangement.saveInputs', {
    id: d.id,
    params: {
      capacityOverride: { amount: '100.00', reason: 'Vastgesteld met de VTLB-calculator' },
      holidayPayOverride: { amount: '0.00', reason: 'Geen vakantiegeld' },
    },
  });
  return d;
}

describe('letters and plans in the dossier interchange file', () => {
  it('exports every stored letter and plan, and an import into a fresh vault restores the same bytes, linked to the same creditor', async () => {
    const d = await family();
    const belasting = d.debts.find((x) => x.creditor === 'Belastingdienst')!.id!;
    const vattenfall = d.debts.find((x) => x.creditor === 'Vattenfall')!.id!;
    const plan = await A.call('budget.createPlan', { id: d.id, date: '2026-12-01' });
    const toBelasting = await A.call('letters.create', { dossierId: d.id, kind: 'voorstel', debtId: belasting, includeBsn: false, recordSent: false });
    const toVattenfall = await A.call('letters.create', { dossierId: d.id, kind: 'voorstel', debtId: vattenfall, includeBsn: false, recordSent: false });
    const overview = await A.call('letters.create', { dossierId: d.id, kind: 'schuldenoverzicht', includeBsn: true, recordSent: false });

    const file = JSON.parse((await A.call('dossier.export', { id: d.id, passphrase: PASSPHRASE })).content);
    expect(file.version).toBe(2);
    const attachments = file.dossiers[0].attachments as { kind: string; fileName: string; debt?: number | null; includesBsn?: boolean; contentBase64: string }[];
    // Oldest first: the plan, then the letters in the order they were made. Debts by position in the file:
    // Woonstad 0, Vattenfall 1, Belastingdienst 2.
    expect(attachments.map((a) => [a.kind, a.fileName, a.debt ?? null, a.includesBsn ?? false])).toEqual([
      ['budgetplan', plan.fileName, null, false],
      ['voorstel', toBelasting.letter.fileName, 2, false],
      ['voorstel', toVattenfall.letter.fileName, 1, false],
      ['schuldenoverzicht', overview.letter.fileName, null, true],
    ]);

    // Another office's vault.
    const { imported } = await B.call('dossier.import', { file, onDuplicate: 'ask' });
    expect(imported).toHaveLength(1);
    const copy = await B.call('dossier.get', { id: imported[0]!.id });
    const newId = (creditor: string) => copy.debts.find((x) => x.creditor === creditor)!.id!;

    const letters = await B.call('letters.list', { dossierId: copy.id });
    // Newest first, as the dossier lists them.
    expect(letters.map((l) => [l.kind, l.fileName, l.debtId, l.includesBsn, l.createdAt])).toEqual([
      ['schuldenoverzicht', overview.letter.fileName, null, true, overview.letter.createdAt],
      ['voorstel', toVattenfall.letter.fileName, newId('Vattenfall'), false, toVattenfall.letter.createdAt],
      ['voorstel', toBelasting.letter.fileName, newId('Belastingdienst'), false, toBelasting.letter.createdAt],
    ]);
    for (const [made, stored] of [
      [overview, letters[0]!],
      [toVattenfall, letters[1]!],
      [toBelasting, letters[2]!],
    ] as const) {
      const got = await B.call('letters.get', { id: stored.id });
      expect(Buffer.from(got.contentBase64, 'base64').equals(Buffer.from(made.contentBase64, 'base64'))).toBe(true);
      expect(stored.size).toBe(made.letter.size);
    }
    const docs = await B.call('documents.list', { dossierId: copy.id });
    expect(docs.map((x) => x.fileName)).toEqual([plan.fileName]);
    expect((await B.call('documents.get', { id: docs[0]!.id })).contentBase64).toBe(plan.contentBase64);

    // Exported again from the second vault, the file carries the same attachments.
    const again = JSON.parse((await B.call('dossier.export', { id: copy.id, passphrase: PASSPHRASE })).content);
    expect(again.dossiers[0].attachments).toEqual(attachments);
  });

  it('refuses a letter that names a debt the dossier does not have, and imports nothing', async () => {
    const d = await family();
    await A.call('letters.create', { dossierId: d.id, kind: 'voorstel', debtId: d.debts[0]!.id!, includeBsn: false, recordSent: false });
    const file = JSON.parse((await A.call('dossier.export', { id: d.id, passphrase: PASSPHRASE })).content);
    file.dossiers[0].attachments[0].debt = 7;
    const env = await B.tryCall('dossier.import', { file, onDuplicate: 'copy' });
    expect(env).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (env.ok) return;
    expect(env.error.issues).toContainEqual({ path: 'dossiers.0.attachments.0.debt', message: 'Er is geen schuld nummer 8 in dit dossier.' });
    expect(await B.call('dossier.list', {})).toEqual([]);
  });

  it('refuses a creditor on a schuldenoverzicht (only a proposal letter is addressed to one)', async () => {
    const d = await family();
    await A.call('letters.create', { dossierId: d.id, kind: 'schuldenoverzicht', includeBsn: false, recordSent: false });
    const file = JSON.parse((await A.call('dossier.export', { id: d.id, passphrase: PASSPHRASE })).content);
    file.dossiers[0].attachments[0].debt = 0;
    const env = await B.tryCall('dossier.import', { file, onDuplicate: 'copy' });
    expect(env).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (env.ok) return;
    expect(env.error.issues).toContainEqual({ path: 'dossiers.0.attachments.0.debt', message: 'Alleen een voorstelbrief hoort bij een schuldeiser.' });
  });
});
