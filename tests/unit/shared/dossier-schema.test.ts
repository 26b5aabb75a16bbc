import { beforeAll, describe, expect, it } from 'vitest';
import { installDutchErrors } from '../../../src/shared/contract/locale';
import {
  dossierDataSchema,
  interchangeSchema,
  type DossierDataInput,
} from '../../../src/shared/dossier/schema';
import { EXPENSE_CATEGORIES, EXPENSE_CATEGORY_GROUP, NIBUD_GROUPS } from '../../../src/shared/dossier/categories';

function base(overrides: Partial<DossierDataInput> = {}): DossierDataInput {
  return {
    status: 'aanmelding',
    typeOfHelp: 'schuldhulpverlening',
    professional: 'Anouk Veldhuis',
    adults: [{ role: 'aanvrager', firstName: 'Fenna', lastName: 'Klaverhoek', birthDate: '1994-03-17', bsn: '999912525' }],
    children: [],
    address: { street: 'Klaprooslaan', houseNumber: '14', postcode: '8021kt', city: 'Zwolle' },
    bankAccounts: [{ iban: 'nl72 ingb 0007 3641 28' }],
    incomes: [],
    expenses: [],
    debts: [],
    ...overrides,
  };
}

function messages(input: unknown): { path: string; message: string }[] {
  const r = dossierDataSchema.safeParse(input);
  if (r.success) return [];
  return r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

const partner = { role: 'partner' as const, firstName: 'Kim', lastName: 'Klaverhoek', birthDate: '1990-01-01', bsn: '999914819' };

describe('dossier schema', () => {
  beforeAll(() => installDutchErrors());

  it('accepts a minimal household and normalises postcode, IBAN and BSN', () => {
    const r = dossierDataSchema.parse(base({ adults: [{ ...base().adults[0]!, bsn: '9999.12.525' }] }));
    expect(r.address?.postcode).toBe('8021 KT');
    expect(r.bankAccounts[0]?.iban).toBe('NL72INGB0007364128');
    expect(r.adults[0]?.bsn).toBe('999912525');
    expect(r.fictitious).toBe(false);
    expect(r.notes).toEqual([]);
    expect(r.statusDates).toEqual({});
  });

  it('requires exactly one aanvrager', () => {
    expect(messages(base({ adults: [{ ...partner }] }))).toContainEqual({
      path: 'adults',
      message: 'Een dossier heeft precies één aanvrager.',
    });
    expect(messages(base({ adults: [base().adults[0]!, { ...partner, role: 'aanvrager' }] }))).toContainEqual({
      path: 'adults',
      message: 'Een dossier heeft precies één aanvrager.',
    });
    expect(messages(base({ adults: [base().adults[0]!, partner] }))).toEqual([]);
  });

  it('allows at most two adults and at least one', () => {
    const three = [base().adults[0]!, partner, { ...partner, bsn: null, firstName: 'Jip' }];
    expect(messages(base({ adults: three }))).toContainEqual({ path: 'adults', message: 'Een dossier heeft hoogstens twee volwassenen.' });
    expect(messages(base({ adults: [] }))).toContainEqual({ path: 'adults', message: 'Een dossier heeft minstens één volwassene.' });
  });

  it('refuses two adults with the same BSN', () => {
    expect(messages(base({ adults: [base().adults[0]!, { ...partner, bsn: '999912525' }] }))).toContainEqual({
      path: 'adults',
      message: 'Twee volwassenen hebben hetzelfde BSN.',
    });
  });

  it('gives Dutch messages for invalid BSN, IBAN, postcode, dates and amounts', () => {
    const bad = messages(
      base({
        adults: [{ ...base().adults[0]!, bsn: '123456789', birthDate: '2025-02-29' }],
        address: { street: 'Klaprooslaan', houseNumber: '14', postcode: '1234 SS', city: 'Zwolle' },
        bankAccounts: [{ iban: 'NL91ABNA0417164301' }],
        incomes: [{ description: 'Loon', category: 'loon', amount: '12,50', frequency: 'maand' }],
        expenses: [{ description: 'Huur', category: 'huur', amount: '-5.00', frequency: 'maand' }],
      }),
    );
    const byPath = Object.fromEntries(bad.map((b) => [b.path, b.message]));
    expect(byPath['adults.0.bsn']).toMatch(/geen geldig BSN/);
    expect(byPath['adults.0.birthDate']).toBe('Vul een geldige datum in (dd-mm-jjjj).');
    expect(byPath['address.postcode']).toMatch(/geen geldige postcode/);
    expect(byPath['bankAccounts.0.iban']).toMatch(/geen geldig IBAN/);
    expect(byPath['incomes.0.amount']).toBe('Vul een bedrag in met hoogstens twee decimalen.');
    expect(byPath['expenses.0.amount']).toBe('Het bedrag mag niet negatief zijn.');
  });

  it('requires names and refuses an end date before the start date', () => {
    const bad = messages(
      base({
        professional: '   ',
        children: [{ firstName: '', lastName: 'X', birthDate: '2020-01-01', livingInHousehold: true }],
        incomes: [
          { description: 'WW', category: 'uitkering_uwv', amount: '100', frequency: 'maand', startDate: '2026-05-01', endDate: '2026-04-30' },
        ],
      }),
    );
    expect(bad).toContainEqual({ path: 'professional', message: 'Verantwoordelijk medewerker is verplicht.' });
    expect(bad).toContainEqual({ path: 'children.0.firstName', message: 'Voornaam is verplicht.' });
    expect(bad).toContainEqual({ path: 'incomes.0.endDate', message: 'De einddatum ligt voor de begindatum.' });
  });

  it('zod messages that the schema does not word itself are Dutch too', () => {
    const bad = messages(base({ status: 'onbekend' as never, children: 'geen' as never }));
    expect(bad.find((b) => b.path === 'status')?.message).not.toMatch(/Invalid|expected/i);
    expect(bad.find((b) => b.path === 'children')?.message).not.toMatch(/Invalid|expected/i);
  });

  it('address may be null (no fixed address)', () => {
    expect(messages(base({ address: null }))).toEqual([]);
  });

  it('interchange file needs the format marker, version 1 or 2 and at least one dossier', () => {
    expect(interchangeSchema.safeParse({ format: 'houvast.dossier', version: 1, dossiers: [base()] }).success).toBe(true);
    expect(interchangeSchema.safeParse({ format: 'houvast.dossier', version: 2, dossiers: [base()] }).success).toBe(true);
    expect(interchangeSchema.safeParse({ format: 'houvast.dossier', version: 3, dossiers: [base()] }).success).toBe(false);
    expect(interchangeSchema.safeParse({ format: 'iets.anders', version: 1, dossiers: [base()] }).success).toBe(false);
    const empty = interchangeSchema.safeParse({ format: 'houvast.dossier', version: 1, dossiers: [] });
    expect(empty.success).toBe(false);
    expect(empty.error?.issues[0]?.message).toBe('Het bestand bevat geen dossiers.');
  });

  it('every expense category belongs to one of the three Nibud groups', () => {
    for (const c of EXPENSE_CATEGORIES) expect(NIBUD_GROUPS).toContain(EXPENSE_CATEGORY_GROUP[c]);
    for (const g of NIBUD_GROUPS) expect(EXPENSE_CATEGORIES.some((c) => EXPENSE_CATEGORY_GROUP[c] === g)).toBe(true);
  });
});
