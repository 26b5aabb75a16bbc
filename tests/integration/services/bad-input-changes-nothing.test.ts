// "Bad input gets a clear Dutch error and changes nothing" (RULES.md §h for BSN, IBAN and postcode; amounts in a
// contract or file are "1234.56"): each bad edit goes through the real router over a real encrypted vault, and the
// stored dossier, the dossier list and the logboek are compared before and after. Messages are written out by hand.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Dossier } from '../../../src/shared/dossier/schema';
import { startTestCore, type TestCoreHandle } from '../../support/core';
import { TestClock, household } from './helpers';

let h: TestCoreHandle;
let d: Dossier;

async function call<T = unknown>(name: string, input: unknown): Promise<T> {
  const env = await h.core.router.handle(name, input);
  if (!env.ok) throw new Error(`${name}: ${env.error.code} ${env.error.message}`);
  return env.value as T;
}
const stored = () => h.core.router.handle('dossier.get', { id: d.id });

beforeEach(async () => {
  h = await startTestCore({ cheapKdf: true, prefix: 'bad-input', clock: new TestClock() });
  await call('vault.create', { name: 'Invoer', passphrase: 'een-lang-wachtwoord-2026', userName: 'Merel de Wit' });
  d = await call<Dossier>('dossier.create', { data: household() });
});
afterEach(async () => {
  await h.cleanup();
});

function data() {
  const { id: _i, number: _n, createdAt: _c, updatedAt: _u, ...rest } = d;
  return rest;
}
function details(postcode: string) {
  return { status: d.status, statusDates: d.statusDates, typeOfHelp: d.typeOfHelp, professional: d.professional, address: { ...d.address!, postcode }, addressKind: d.addressKind, contact: d.contact };
}

const LONE = 'bevat een ongeldig teken (een losse UTF-16-surrogaat, \\uD800–\\uDFFF).';
const ELFPROEF = 'Dit is geen geldig BSN: het nummer voldoet niet aan de elfproef. Controleer het nummer.';

describe('a bad edit is refused with a Dutch reason and changes nothing', () => {
  const cases: [string, string, () => unknown, string, string][] = [
    // 1+2+3+4+5+6+7+8 weighted 9..2, minus 9: 147, not a multiple of 11.
    ['BSN 123456789', 'dossier.update', () => ({ id: d.id, data: { ...data(), adults: [{ ...d.adults[0]!, bsn: '123456789' }, d.adults[1]!] } }), 'data.adults.0.bsn', ELFPROEF],
    // Weighted sum 0: refused although 0 is a multiple of 11.
    ['BSN 000000000', 'dossier.saveItem', () => ({ id: d.id, kind: 'adult', item: { ...d.adults[0]!, bsn: '000000000' } }), 'item.bsn', ELFPROEF],
    // 8 digits get a leading zero: 012345678 gives 8+14+18+20+20+18+14-8 = 104, not a multiple of 11.
    ['BSN 12345678', 'dossier.saveItem', () => ({ id: d.id, kind: 'adult', item: { ...d.adults[0]!, bsn: '12345678' } }), 'item.bsn', ELFPROEF],
    ['IBAN NL91ABNA0417164301', 'dossier.saveItem', () => ({ id: d.id, kind: 'bankAccount', item: { ...d.bankAccounts[0]!, iban: 'NL91 ABNA 0417 1643 01' } }), 'item.iban', 'Dit is geen geldig IBAN: het controlegetal van dit IBAN klopt niet. Controleer het nummer.'],
    ['postcode 1234 SA', 'dossier.saveDetails', () => ({ id: d.id, details: details('1234 SA') }), 'details.address.postcode', 'Dit is geen geldige postcode: SA, SD en SS worden niet gebruikt in postcodes.'],
    ['postcode 0999 AB', 'dossier.saveDetails', () => ({ id: d.id, details: details('0999 AB') }), 'details.address.postcode', 'Dit is geen geldige postcode: een postcode begint niet met een 0.'],
    // "ﬀ" is no pair of letters A-Z, even though it upper-cases to "FF".
    ['postcode 1234 ﬀ', 'dossier.saveDetails', () => ({ id: d.id, details: details('1234 ﬀ') }), 'details.address.postcode', 'Dit is geen geldige postcode: gebruik vier cijfers en twee letters, zoals 1234 AB.'],
    ['amount 1.234 in the contract', 'dossier.saveItem', () => ({ id: d.id, kind: 'income', item: { ...d.incomes[0]!, amount: '1.234' } }), 'item.amount', 'Vul een bedrag in met hoogstens twee decimalen.'],
    ['amount 1.234,56 in the contract', 'dossier.update', () => ({ id: d.id, data: { ...data(), incomes: [{ ...d.incomes[0]!, amount: '1.234,56' }] } }), 'data.incomes.0.amount', '1.234,56 is hier geen bedrag: schrijf 1234.56 (met een punt voor de centen)'],
    ['birth date 12-04-1985 in the contract', 'dossier.update', () => ({ id: d.id, data: { ...data(), adults: [{ ...d.adults[0]!, birthDate: '12-04-1985' }, d.adults[1]!] } }), 'data.adults.0.birthDate', 'Vul een geldige datum in (dd-mm-jjjj).'],
    // A lone UTF-16 surrogate would be stored as U+FFFD: the text silently altered (hostile test, session 14).
    ['a lone surrogate in a name', 'dossier.update', () => ({ id: d.id, data: { ...data(), adults: [{ ...d.adults[0]!, lastName: 'Jansen\ud800' }, d.adults[1]!] } }), 'data.adults.0.lastName', LONE],
    ['a lone surrogate in a note', 'dossier.addNote', () => ({ id: d.id, text: 'Gebeld \udc00 met de verhuurder' }), 'text', LONE],
    ['a lone surrogate in a household imported as an object', 'dossier.import', () => ({ file: { format: 'houvast.dossier', version: 2, dossiers: [{ ...data(), adults: [{ ...d.adults[0]!, firstName: 'An\ud800na' }, d.adults[1]!] }] }, onDuplicate: 'copy' }), 'file.dossiers.0.adults.0.firstName', LONE],
    // 2,000 nested arrays (4 KB) exhausted the call stack: INTERNAL before.
    ['a file nested 2,000 levels deep', 'dossier.import', () => ({ file: `${'['.repeat(2000)}${']'.repeat(2000)}`, onDuplicate: 'copy' }), '(bestand)', 'Het bestand is te diep genest (meer dan 64 niveaus, regel 1, kolom 65); dit is geen bestand in een formaat van Houvast.'],
  ];
  it.each(cases)('%s', async (_label, procedure, input, path, message) => {
    const logBefore = await call('audit.list', { limit: 1000 });
    const listBefore = await call('dossier.list', {});
    const env = await h.core.router.handle(procedure, input());
    expect(env.ok).toBe(false);
    if (env.ok) return;
    expect(env.error.code).toBe('VALIDATION');
    expect(JSON.stringify(env.error)).toContain(JSON.stringify({ path, message }));
    expect(await call('audit.list', { limit: 1000 })).toEqual(logBefore);
    expect(await call('dossier.list', {})).toEqual(listBefore);
    expect(await stored()).toEqual({ ok: true, value: d });
  });

  it('an import file with one bad amount imports nothing and logs nothing', async () => {
    const logBefore = await call('audit.list', { limit: 1000 });
    const listBefore = await call('dossier.list', {});
    const file = { format: 'houvast.dossier', version: 2, dossiers: [{ ...data(), incomes: [{ ...d.incomes[0]!, amount: '1.234,56' }] }] };
    const env = await h.core.router.handle('dossier.import', { file, onDuplicate: 'copy' });
    expect(env.ok).toBe(false);
    if (env.ok) return;
    expect(env.error.code).toBe('VALIDATION');
    expect(JSON.stringify(env.error)).toContain(
      JSON.stringify({ path: 'dossiers.0.incomes.0.amount', message: '1.234,56 is hier geen bedrag: schrijf 1234.56 (met een punt voor de centen)' }),
    );
    expect(await call('audit.list', { limit: 1000 })).toEqual(logBefore);
    expect(await call('dossier.list', {})).toEqual(listBefore);
  });
  it('an import file with a field the format does not have (a misspelt optional field) imports nothing and says where', async () => {
    const logBefore = await call('audit.list', { limit: 1000 });
    const listBefore = await call('dossier.list', {});
    // "fosterchild" for fosterChild: dropped, the child would silently count as the household's own.
    const child = { firstName: 'Sem', lastName: 'Test', birthDate: '2015-04-01', livingInHousehold: true, fosterchild: true };
    const file = { format: 'houvast.dossier', version: 2, dossiers: [{ ...data(), children: [child] }] };
    const env = await h.core.router.handle('dossier.import', { file, onDuplicate: 'copy' });
    expect(env.ok).toBe(false);
    if (env.ok) return;
    expect(env.error.code).toBe('VALIDATION');
    expect(env.error.issues?.map((i) => i.path)).toEqual(['dossiers.0.children.0.fosterchild']);
    expect(env.error.issues?.[0]?.message).toMatch(/^onbekend veld/);
    expect(await call('audit.list', { limit: 1000 })).toEqual(logBefore);
    expect(await call('dossier.list', {})).toEqual(listBefore);
  });
});
