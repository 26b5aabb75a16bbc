// The dossier data model as zod schemas. The same schemas validate the IPC contract, the interchange
// files (resources/schema/dossier.schema.json is generated from them) and the renderer's forms.
import { z } from 'zod';
import { AMOUNT_PATTERN } from '../money';
import { FREQUENCIES } from '../frequency';
import { isIsoDate } from '../dates';
import { BSN_ERROR, isValidBsn, normalizeBsn } from '../validation/bsn';
import { IBAN_ERROR, isValidIban, normalizeIban } from '../validation/iban';
import { POSTCODE_ERROR, normalizePostcode } from '../validation/postcode';
import { EXPENSE_CATEGORIES, INCOME_CATEGORIES } from './categories';
import { interchangeSignalSchema } from '../signals/schema';

export const DOSSIER_STATUSES = ['aanmelding', 'stabilisatie', 'schuldregeling', 'nazorg', 'afgesloten'] as const;
export type DossierStatus = (typeof DOSSIER_STATUSES)[number];
export const DOSSIER_STATUS_LABELS: Record<DossierStatus, string> = {
  aanmelding: 'Aanmelding',
  stabilisatie: 'Stabilisatie',
  schuldregeling: 'Schuldregeling',
  nazorg: 'Nazorg',
  afgesloten: 'Afgesloten',
};

export const HELP_TYPES = ['beschermingsbewind', 'schuldhulpverlening', 'budgetbeheer'] as const;
export type HelpType = (typeof HELP_TYPES)[number];
export const HELP_TYPE_LABELS: Record<HelpType, string> = {
  beschermingsbewind: 'Beschermingsbewind',
  schuldhulpverlening: 'Schuldhulpverlening',
  budgetbeheer: 'Budgetbeheer',
};

export const ADULT_ROLES = ['aanvrager', 'partner'] as const;
export const DEBT_KINDS = ['concurrent', 'preferent'] as const;
export const DEBT_STATUSES = ['open', 'in_onderzoek', 'betalingsregeling', 'in_schuldregeling', 'betaald', 'betwist'] as const;
export const DEBT_STATUS_LABELS: Record<(typeof DEBT_STATUSES)[number], string> = {
  open: 'Open',
  in_onderzoek: 'Saldo opgevraagd',
  betalingsregeling: 'Betalingsregeling',
  in_schuldregeling: 'In schuldregeling',
  betaald: 'Betaald',
  betwist: 'Betwist',
};

export const isoDate = z.string().refine(isIsoDate, { message: 'Vul een geldige datum in (dd-mm-jjjj).' });
export const optionalIsoDate = isoDate.nullable().optional();
export const amount = z
  .string()
  .regex(AMOUNT_PATTERN, { message: 'Vul een bedrag in met hoogstens twee decimalen.' });
export const nonNegativeAmount = amount.refine((s) => !s.startsWith('-'), { message: 'Het bedrag mag niet negatief zijn.' });
const id = z.string().min(1).max(64).optional();
const name = (label: string) =>
  z.string().trim().min(1, { message: `${label} is verplicht.` }).max(200, { message: `${label} is te lang.` });
const optionalText = (max: number) => z.string().trim().max(max, { message: `Maximaal ${max} tekens.` }).optional();

export const bsn = z
  .string()
  .transform((s) => normalizeBsn(s))
  .refine(isValidBsn, { message: BSN_ERROR });
export const iban = z
  .string()
  .transform((s) => normalizeIban(s))
  .refine(isValidIban, { message: IBAN_ERROR });
export const postcode = z
  .string()
  .transform((s, ctx) => {
    const p = normalizePostcode(s);
    if (p === null) {
      ctx.addIssue({ code: 'custom', message: POSTCODE_ERROR });
      return z.NEVER;
    }
    return p;
  });

export const adultSchema = z.object({
  id,
  role: z.enum(ADULT_ROLES),
  firstName: name('Voornaam'),
  lastName: name('Achternaam'),
  birthDate: isoDate,
  bsn: bsn.nullable().optional(),
});

export const childSchema = z.object({
  id,
  firstName: name('Voornaam'),
  lastName: name('Achternaam'),
  birthDate: isoDate,
  livingInHousehold: z.boolean(),
});

export const addressSchema = z.object({
  street: name('Straat'),
  houseNumber: z.string().trim().min(1, { message: 'Huisnummer is verplicht.' }).max(20),
  postcode,
  city: name('Plaats'),
});

export const bankAccountSchema = z.object({
  id,
  iban,
  holder: optionalText(200),
  description: optionalText(200),
});

const periodFields = {
  startDate: optionalIsoDate,
  endDate: optionalIsoDate,
};

export const incomeSchema = z
  .object({
    id,
    description: name('Omschrijving'),
    category: z.enum(INCOME_CATEGORIES),
    amount: nonNegativeAmount,
    frequency: z.enum(FREQUENCIES),
    /** Which adult receives it (for attachment rules); null = household. */
    personRole: z.enum(ADULT_ROLES).nullable().optional(),
    ...periodFields,
  })
  .refine((i) => !i.startDate || !i.endDate || i.startDate <= i.endDate, {
    message: 'De einddatum ligt voor de begindatum.',
    path: ['endDate'],
  });

export const expenseSchema = z
  .object({
    id,
    description: name('Omschrijving'),
    category: z.enum(EXPENSE_CATEGORIES),
    amount: nonNegativeAmount,
    frequency: z.enum(FREQUENCIES),
    ...periodFields,
  })
  .refine((i) => !i.startDate || !i.endDate || i.startDate <= i.endDate, {
    message: 'De einddatum ligt voor de begindatum.',
    path: ['endDate'],
  });

export const debtSchema = z.object({
  id,
  creditor: name('Schuldeiser'),
  collector: optionalText(200),
  reference: optionalText(100),
  originalAmount: nonNegativeAmount,
  currentAmount: nonNegativeAmount,
  kind: z.enum(DEBT_KINDS),
  status: z.enum(DEBT_STATUSES),
  since: optionalIsoDate,
});

export const noteSchema = z.object({
  id,
  createdAt: z.number().int().nonnegative().optional(),
  author: optionalText(200),
  text: z.string().trim().min(1, { message: 'Een notitie mag niet leeg zijn.' }).max(20_000),
});

export const statusDatesSchema = z.object(
  Object.fromEntries(DOSSIER_STATUSES.map((s) => [s, optionalIsoDate])) as Record<DossierStatus, typeof optionalIsoDate>,
);

/** Everything a professional enters about a household. */
export const dossierDataSchema = z
  .object({
    number: z.string().trim().max(40).optional(),
    status: z.enum(DOSSIER_STATUSES),
    typeOfHelp: z.enum(HELP_TYPES),
    professional: name('Verantwoordelijk medewerker'),
    statusDates: statusDatesSchema.partial().default({}),
    /** Demo households are fictitious and say so everywhere they are shown. */
    fictitious: z.boolean().default(false),
    adults: z
      .array(adultSchema)
      .min(1, { message: 'Een dossier heeft minstens één volwassene.' })
      .max(2, { message: 'Een dossier heeft hoogstens twee volwassenen.' }),
    children: z.array(childSchema).max(20),
    address: addressSchema.nullable(),
    contact: z
      .object({
        phone: z
          .string()
          .trim()
          .regex(/^(\+?[0-9 ()-]{6,20})?$/, { message: 'Vul een geldig telefoonnummer in.' })
          .optional(),
        email: z.union([z.literal(''), z.email({ message: 'Vul een geldig e-mailadres in.' })]).optional(),
      })
      .default({}),
    bankAccounts: z.array(bankAccountSchema).max(10),
    incomes: z.array(incomeSchema).max(200),
    expenses: z.array(expenseSchema).max(400),
    debts: z.array(debtSchema).max(200),
    notes: z.array(noteSchema).max(2000).default([]),
  })
  .superRefine((d, ctx) => {
    const aanvragers = d.adults.filter((a) => a.role === 'aanvrager').length;
    if (aanvragers !== 1) {
      ctx.addIssue({ code: 'custom', path: ['adults'], message: 'Een dossier heeft precies één aanvrager.' });
    }
    const bsns = d.adults.map((a) => a.bsn).filter(Boolean);
    if (new Set(bsns).size !== bsns.length) {
      ctx.addIssue({ code: 'custom', path: ['adults'], message: 'Twee volwassenen hebben hetzelfde BSN.' });
    }
  });

export type DossierData = z.output<typeof dossierDataSchema>;
export type DossierDataInput = z.input<typeof dossierDataSchema>;
export type Adult = z.output<typeof adultSchema>;
export type Child = z.output<typeof childSchema>;
export type Income = z.output<typeof incomeSchema>;
export type Expense = z.output<typeof expenseSchema>;
export type Debt = z.output<typeof debtSchema>;
export type Note = z.output<typeof noteSchema>;
export type BankAccount = z.output<typeof bankAccountSchema>;
export type Address = z.output<typeof addressSchema>;

/** A stored dossier: the data plus what the vault adds. */
export const dossierSchema = dossierDataSchema.and(
  z.object({
    id: z.string(),
    number: z.string(),
    createdAt: z.number().int(),
    updatedAt: z.number().int(),
  }),
);
export type Dossier = DossierData & { id: string; number: string; createdAt: number; updatedAt: number };

/** The interchange file: one or more dossiers with a format marker and version. */
export const INTERCHANGE_FORMAT = 'houvast.dossier' as const;
/** Version written on export. Version 1 files (before signals and the other v2 blocks) still import unchanged. */
export const INTERCHANGE_VERSION = 2 as const;
export const INTERCHANGE_VERSIONS = [1, 2] as const;

// --- v2 block: systeemfouten signals (optional; absent in version-1 files) ---
/** Extra fields a dossier may carry in an interchange file of version 2. */
export const interchangeDossierExtras = z.object({
  signals: z.array(interchangeSignalSchema).max(1000).default([]),
});
// --- end v2 block: signals ---

export const interchangeDossierSchema = dossierDataSchema.and(interchangeDossierExtras);
export type InterchangeDossier = z.output<typeof interchangeDossierSchema>;

export const interchangeSchema = z.object({
  format: z.literal(INTERCHANGE_FORMAT),
  version: z.union(INTERCHANGE_VERSIONS.map((v) => z.literal(v)), {
    message: 'Deze versie van het uitwisselbestand kent Houvast niet (verwacht: 1 of 2).',
  }),
  exportedAt: z.string().optional(),
  dossiers: z.array(interchangeDossierSchema).min(1, { message: 'Het bestand bevat geen dossiers.' }),
});
export type InterchangeFile = z.output<typeof interchangeSchema>;
