// The interchange format: the committed JSON Schema is the generated one, every demo household is valid
// under both the JSON Schema (ajv) and zod, and broken files are refused by both, with reasons.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDossierSchema, SCHEMA_PATH } from '../../../scripts/gen-dossier-schema';
import { AppError } from '../../../src/shared/contract/errors';
import { installDutchErrors } from '../../../src/shared/contract/locale';
import { parseInterchange } from '../../../src/core/services/interchange';
import { EXPENSE_CATEGORY_GROUP, NIBUD_GROUPS } from '../../../src/shared/dossier/categories';
import { interchangeSchema } from '../../../src/shared/dossier/schema';
import { FREQUENCIES } from '../../../src/shared/frequency';
import { isValidBsn } from '../../../src/shared/validation/bsn';
import { isValidIban } from '../../../src/shared/validation/iban';
import { isValidPostcode } from '../../../src/shared/validation/postcode';

const DEMO_DIR = fileURLToPath(new URL('../../../resources/demo/', import.meta.url));
const demoFiles = readdirSync(DEMO_DIR)
  .filter((f) => f.endsWith('.json'))
  .sort();
const loadDemo = (f: string) => JSON.parse(readFileSync(path.join(DEMO_DIR, f), 'utf8')) as DemoFile;

interface DemoFile {
  format: string;
  version: number;
  dossiers: {
    fictitious?: boolean;
    adults: { role: string; firstName: string; lastName: string; birthDate: string; bsn?: string | null }[];
    children: { birthDate: string; livingInHousehold: boolean }[];
    address: { postcode: string } | null;
    bankAccounts: { iban: string }[];
    incomes: { category: string; amount: string; frequency: string }[];
    expenses: { category: keyof typeof EXPENSE_CATEGORY_GROUP; amount: string; frequency: string }[];
    debts: { creditor: string; collector?: string; reference?: string; kind: string }[];
    notes?: { text: string }[];
  }[];
}

function makeAjv() {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as object);
}

const validateJson = makeAjv();

beforeAll(() => installDutchErrors());

describe('dossier.schema.json', () => {
  it('is exactly what scripts/gen-dossier-schema.ts generates (run npm run gen:schema after changing the model)', () => {
    expect(readFileSync(SCHEMA_PATH, 'utf8')).toBe(generateDossierSchema());
  });

  it('is a 2020-12 schema that names the format and the versions it reads (1 and 2)', () => {
    const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8'));
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.properties.format.const).toBe('houvast.dossier');
    // Version 2 adds optional fields and blocks; version-1 files stay valid.
    expect(schema.properties.version.anyOf.map((v: { const: number }) => v.const)).toEqual([1, 2]);
    expect(schema.required).toEqual(expect.arrayContaining(['format', 'version', 'dossiers']));
  });
});

describe('demo households', () => {
  it('there are at least six files', () => {
    expect(demoFiles.length).toBeGreaterThanOrEqual(6);
  });

  it.each(demoFiles)('%s validates against the JSON Schema (ajv) and zod', (file) => {
    const data = loadDemo(file);
    const ok = validateJson(data);
    expect(validateJson.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    const parsed = interchangeSchema.safeParse(data);
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  });

  it.each(demoFiles)('%s is marked fictitious everywhere and says so in a note', (file) => {
    for (const d of loadDemo(file).dossiers) {
      expect(d.fictitious).toBe(true);
      expect(d.notes?.some((n) => n.text.includes('Fictief huishouden voor demonstratie'))).toBe(true);
    }
  });

  it.each(demoFiles)('%s uses only test-range BSNs, valid IBANs and valid postcodes', (file) => {
    for (const d of loadDemo(file).dossiers) {
      for (const a of d.adults) {
        if (a.bsn == null) continue;
        expect(a.bsn).toMatch(/^9999\d{5}$/); // never a real person's number
        expect(isValidBsn(a.bsn)).toBe(true);
      }
      for (const b of d.bankAccounts) {
        expect(b.iban).toMatch(/^NL\d{2}(ABNA|INGB|RABO|SNSB|ASNB|TRIO|KNAB|BUNQ|RBRB)\d{10}$/);
        expect(isValidIban(b.iban)).toBe(true);
      }
      if (d.address) expect(isValidPostcode(d.address.postcode)).toBe(true);
    }
  });

  it('BSNs are unique across all demo households', () => {
    const all = demoFiles.flatMap((f) => loadDemo(f).dossiers.flatMap((d) => d.adults.map((a) => a.bsn).filter(Boolean)));
    expect(new Set(all).size).toBe(all.length);
  });

  it('together they cover the required situations', () => {
    const dossiers = demoFiles.flatMap((f) => loadDemo(f).dossiers);
    const ref = '2026-07-01';
    const age = (birth: string) => Number(ref.slice(0, 4)) - Number(birth.slice(0, 4)) - (ref.slice(5) < birth.slice(5) ? 1 : 0);
    const aanvrager = (d: (typeof dossiers)[number]) => d.adults.find((a) => a.role === 'aanvrager')!;
    const home = (d: (typeof dossiers)[number]) => d.children.filter((c) => c.livingInHousehold);

    // single parent in bijstand with three young children
    expect(
      dossiers.some(
        (d) =>
          d.adults.length === 1 &&
          home(d).length >= 3 &&
          home(d).every((c) => age(c.birthDate) < 12) &&
          d.incomes.some((i) => i.category === 'uitkering_participatiewet'),
      ),
    ).toBe(true);
    // couple, one earner, teenagers
    expect(
      dossiers.some(
        (d) =>
          d.adults.length === 2 &&
          d.incomes.some((i) => i.category === 'loon') &&
          home(d).some((c) => age(c.birthDate) >= 13 && age(c.birthDate) <= 19),
      ),
    ).toBe(true);
    // young parent (19) with a baby
    expect(dossiers.some((d) => age(aanvrager(d).birthDate) === 19 && home(d).some((c) => age(c.birthDate) < 1))).toBe(true);
    // AOW-age grandparent with two grandchildren
    expect(
      dossiers.some((d) => age(aanvrager(d).birthDate) >= 67 && home(d).length === 2 && d.incomes.some((i) => i.category === 'aow_pensioen')),
    ).toBe(true);
    // debts at 8+ creditors, preferent and concurrent, with collectors and references
    expect(
      dossiers.some(
        (d) =>
          new Set(d.debts.map((x) => x.creditor)).size >= 7 &&
          d.debts.length >= 8 &&
          d.debts.some((x) => x.kind === 'preferent') &&
          d.debts.some((x) => x.kind === 'concurrent') &&
          d.debts.some((x) => /deurwaarder/i.test(x.collector ?? '')) &&
          d.debts.some((x) => /incasso/i.test(x.collector ?? '')) &&
          d.debts.every((x) => (x.reference ?? '') !== ''),
      ),
    ).toBe(true);
    // no fixed address
    expect(dossiers.some((d) => d.address === null)).toBe(true);
  });

  it('use every frequency and every Nibud expense group', () => {
    const dossiers = demoFiles.flatMap((f) => loadDemo(f).dossiers);
    const freqs = new Set(dossiers.flatMap((d) => [...d.incomes, ...d.expenses].map((i) => i.frequency)));
    expect([...freqs].sort()).toEqual([...FREQUENCIES].sort());
    const groups = new Set(dossiers.flatMap((d) => d.expenses.map((e) => EXPENSE_CATEGORY_GROUP[e.category])));
    expect([...groups].sort()).toEqual([...NIBUD_GROUPS].sort());
  });
});

// A valid base, then one mistake per case. Each case is refused by ajv AND zod; `zodPath` is where zod
// reports it, `ajvPath` (JSON Pointer) where ajv does (null: only zod can see it, e.g. the elfproef).
const base = () => loadDemo('01-eenoudergezin-bijstand.json') as unknown as Record<string, any>;
const broken: { name: string; mutate: (f: Record<string, any>) => void; zodPath: string; ajvPath: string | null }[] = [
  { name: 'wrong format marker', mutate: (f) => (f.format = 'iets.anders'), zodPath: 'format', ajvPath: '/format' },
  { name: 'unknown version', mutate: (f) => (f.version = 3), zodPath: 'version', ajvPath: '/version' },
  { name: 'no dossiers', mutate: (f) => (f.dossiers = []), zodPath: 'dossiers', ajvPath: '/dossiers' },
  { name: 'amount with a comma', mutate: (f) => (f.dossiers[0].incomes[0].amount = '1419,46'), zodPath: 'dossiers.0.incomes.0.amount', ajvPath: '/dossiers/0/incomes/0/amount' },
  { name: 'amount as a number', mutate: (f) => (f.dossiers[0].expenses[0].amount = 687.5), zodPath: 'dossiers.0.expenses.0.amount', ajvPath: '/dossiers/0/expenses/0/amount' },
  { name: 'three decimals', mutate: (f) => (f.dossiers[0].expenses[0].amount = '687.505'), zodPath: 'dossiers.0.expenses.0.amount', ajvPath: '/dossiers/0/expenses/0/amount' },
  { name: 'negative amount', mutate: (f) => (f.dossiers[0].debts[0].currentAmount = '-1.00'), zodPath: 'dossiers.0.debts.0.currentAmount', ajvPath: '/dossiers/0/debts/0/currentAmount' },
  { name: 'Dutch date instead of ISO', mutate: (f) => (f.dossiers[0].adults[0].birthDate = '17-03-1994'), zodPath: 'dossiers.0.adults.0.birthDate', ajvPath: '/dossiers/0/adults/0/birthDate' },
  { name: '29 February in a non-leap year', mutate: (f) => (f.dossiers[0].children[0].birthDate = '2025-02-29'), zodPath: 'dossiers.0.children.0.birthDate', ajvPath: '/dossiers/0/children/0/birthDate' },
  { name: 'unknown frequency', mutate: (f) => (f.dossiers[0].incomes[0].frequency = 'dagelijks'), zodPath: 'dossiers.0.incomes.0.frequency', ajvPath: '/dossiers/0/incomes/0/frequency' },
  { name: 'unknown expense category', mutate: (f) => (f.dossiers[0].expenses[0].category = 'sigaretten'), zodPath: 'dossiers.0.expenses.0.category', ajvPath: '/dossiers/0/expenses/0/category' },
  { name: 'unknown status', mutate: (f) => (f.dossiers[0].status = 'gesloten'), zodPath: 'dossiers.0.status', ajvPath: '/dossiers/0/status' },
  { name: 'postcode with SS', mutate: (f) => (f.dossiers[0].address.postcode = '8021 SS'), zodPath: 'dossiers.0.address.postcode', ajvPath: '/dossiers/0/address' },
  { name: 'postcode starting with 0', mutate: (f) => (f.dossiers[0].address.postcode = '0123 AB'), zodPath: 'dossiers.0.address.postcode', ajvPath: '/dossiers/0/address' },
  { name: 'three adults', mutate: (f) => f.dossiers[0].adults.push({ ...f.dossiers[0].adults[0], role: 'partner', bsn: null }, { ...f.dossiers[0].adults[0], role: 'partner', bsn: null }), zodPath: 'dossiers.0.adults', ajvPath: '/dossiers/0/adults' },
  { name: 'missing household members list', mutate: (f) => delete f.dossiers[0].children, zodPath: 'dossiers.0.children', ajvPath: '/dossiers/0' },
  { name: 'empty first name', mutate: (f) => (f.dossiers[0].adults[0].firstName = ''), zodPath: 'dossiers.0.adults.0.firstName', ajvPath: '/dossiers/0/adults/0/firstName' },
  { name: 'BSN of letters', mutate: (f) => (f.dossiers[0].adults[0].bsn = 'abcdefghi'), zodPath: 'dossiers.0.adults.0.bsn', ajvPath: '/dossiers/0/adults/0/bsn' },
  { name: 'IBAN of the wrong shape', mutate: (f) => (f.dossiers[0].bankAccounts[0].iban = '0007364128'), zodPath: 'dossiers.0.bankAccounts.0.iban', ajvPath: '/dossiers/0/bankAccounts/0/iban' },
  { name: 'e-mail without domain', mutate: (f) => (f.dossiers[0].contact.email = 'fenna@'), zodPath: 'dossiers.0.contact.email', ajvPath: '/dossiers/0/contact/email' },
];

// Refinements JSON Schema cannot express: zod refuses them, ajv cannot see them (documented in docs/interchange.md).
const zodOnly: { name: string; mutate: (f: Record<string, any>) => void; zodPath: string; message: RegExp }[] = [
  { name: 'BSN failing the elfproef', mutate: (f) => (f.dossiers[0].adults[0].bsn = '999912526'), zodPath: 'dossiers.0.adults.0.bsn', message: /elfproef/ },
  { name: 'IBAN failing mod-97', mutate: (f) => (f.dossiers[0].bankAccounts[0].iban = 'NL72INGB0007364129'), zodPath: 'dossiers.0.bankAccounts.0.iban', message: /geen geldig IBAN/ },
  { name: 'no aanvrager', mutate: (f) => (f.dossiers[0].adults[0].role = 'partner'), zodPath: 'dossiers.0.adults', message: /precies één aanvrager/ },
  { name: 'end date before start date', mutate: (f) => Object.assign(f.dossiers[0].incomes[0], { startDate: '2026-05-01', endDate: '2026-04-01' }), zodPath: 'dossiers.0.incomes.0.endDate', message: /einddatum/ },
];

describe('broken files', () => {
  it.each(broken)('$name: refused by ajv and zod, with the place of the mistake', ({ mutate, zodPath, ajvPath }) => {
    const file = base();
    mutate(file);
    expect(validateJson(file)).toBe(false);
    const ajvPaths = (validateJson.errors ?? []).map((e) => e.instancePath);
    if (ajvPath !== null) expect(ajvPaths.some((p) => p === ajvPath || p.startsWith(`${ajvPath}/`))).toBe(true);
    const parsed = interchangeSchema.safeParse(file);
    expect(parsed.success).toBe(false);
    const issues = parsed.error!.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    const issue = issues.find((i) => i.path === zodPath);
    expect(issue, JSON.stringify(issues)).toBeDefined();
    // Dutch reasons: never zod's English defaults.
    for (const i of issues) expect(i.message).not.toMatch(/\b(Invalid|Expected|Required|Too (small|big))\b/);
  });

  it.each(zodOnly)('$name: refused by zod (JSON Schema cannot express it)', ({ mutate, zodPath, message }) => {
    const file = base();
    mutate(file);
    expect(validateJson(file)).toBe(true);
    const parsed = interchangeSchema.safeParse(file);
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.find((i) => i.path.join('.') === zodPath)?.message).toMatch(message);
  });

  it('all mistakes in one file are reported together', () => {
    const file = base();
    const picked = ['amount with a comma', 'negative amount', 'Dutch date instead of ISO', 'unknown frequency', 'unknown expense category'];
    for (const c of broken.filter((b) => picked.includes(b.name))) c.mutate(file);
    const parsed = interchangeSchema.safeParse(file);
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.length).toBeGreaterThanOrEqual(5);
    validateJson(file);
    expect((validateJson.errors ?? []).length).toBeGreaterThanOrEqual(5);
  });
});

// A field the format does not have is refused with its place (issue 10 §4: imports are not silently altered). zod on
// its own drops such a field, so a misspelt optional field would quietly take its default.
describe('fields the format does not have', () => {
  const unknown: { name: string; mutate: (f: Record<string, any>) => void; path: string; ajvPath: string }[] = [
    {
      // "fosterChild" misspelt: without the check the child would silently count as the household's own (kinderbijslag).
      name: 'a misspelt optional field of a child',
      mutate: (f) => (f.dossiers[0].children[0].fosterchild = true),
      path: 'dossiers.0.children.0.fosterchild',
      ajvPath: '/dossiers/0/children/0',
    },
    { name: 'an extra field on the file', mutate: (f) => (f.exportedBy = 'ander pakket'), path: 'exportedBy', ajvPath: '' },
    { name: 'an extra field deep in an expense', mutate: (f) => (f.dossiers[0].expenses[2].bedrag = '12.00'), path: 'dossiers.0.expenses.2.bedrag', ajvPath: '/dossiers/0/expenses/2' },
    { name: 'an extra field in the address', mutate: (f) => (f.dossiers[0].address.land = 'NL'), path: 'dossiers.0.address.land', ajvPath: '/dossiers/0/address' },
  ];

  it.each(unknown)('$name: refused by Houvast and by the JSON Schema, with the place', ({ mutate, path: where, ajvPath }) => {
    const file = base();
    mutate(file);
    let error: unknown;
    try {
      parseInterchange(JSON.stringify(file));
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(AppError);
    const details = (error as AppError).issues ?? [];
    expect(details.map((d) => d.path)).toEqual([where]);
    expect(details[0]!.message).toMatch(/onbekend veld/);
    expect(validateJson(file)).toBe(false);
    expect((validateJson.errors ?? []).some((e) => e.keyword === 'additionalProperties' && e.instancePath === ajvPath)).toBe(true);
  });

  it('every demo household still reads without a complaint', () => {
    for (const f of demoFiles) expect(() => parseInterchange(readFileSync(path.join(DEMO_DIR, f), 'utf8')), f).not.toThrow();
  });
});
