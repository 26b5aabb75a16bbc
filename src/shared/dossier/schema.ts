// The dossier data model as zod schemas. The same schemas validate the IPC contract, the interchange
// files (resources/schema/dossier.schema.json is generated from them) and the renderer's forms.
import { z } from 'zod';
import { AMOUNT_PATTERN } from '../money';
import { FREQUENCIES, MAX_INSTALMENTS, MIN_INSTALMENTS } from '../frequency';
import { isIsoDate } from '../dates';
import { amountProblem } from '../validation/amount';
import { bsnProblem, normalizeBsn } from '../validation/bsn';
import { dateProblem } from '../validation/date';
import { ibanProblem, normalizeIban } from '../validation/iban';
import { normalizePostcode, postcodeProblem } from '../validation/postcode';
import { EXPENSE_CATEGORIES, INCOME_CATEGORIES } from './categories';
import { creditorBoardsField } from '../creditor-board/interchange';
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

/** Adds the issue `problem` finds (a Dutch reason that says what is wrong), if any. */
const checkedBy =
  (problem: (v: string) => string | null) =>
  (value: string, ctx: z.RefinementCtx): void => {
    const message = problem(value);
    if (message !== null) ctx.addIssue({ code: 'custom', message });
  };

// The error functions word each refusal precisely; the checks themselves stay plain (so the JSON Schema keeps its pattern).
export const isoDate = z.string().refine(isIsoDate, { error: (issue) => dateProblem(String(issue.input)) ?? 'Vul een geldige datum in (dd-mm-jjjj).' });
export const optionalIsoDate = isoDate.nullable().optional();
export const amount = z
  .string()
  .regex(AMOUNT_PATTERN, { error: (issue) => amountProblem(String(issue.input)) ?? 'Vul een bedrag in met hoogstens twee decimalen.' });
export const nonNegativeAmount = amount.refine((s) => !s.startsWith('-'), { message: 'Het bedrag mag niet negatief zijn.' });
const id = z.string().min(1).max(64).optional();
const name = (label: string) =>
  z.string().trim().min(1, { message: `${label} is verplicht.` }).max(200, { message: `${label} is te lang.` });
const optionalText = (max: number) => z.string().trim().max(max, { message: `Maximaal ${max} tekens.` }).optional();

export const bsn = z
  .string()
  .transform((s) => normalizeBsn(s))
  .superRefine(checkedBy(bsnProblem));
export const iban = z
  .string()
  .transform((s) => normalizeIban(s))
  .superRefine(checkedBy(ibanProblem));
export const postcode = z
  .string()
  .transform((s, ctx) => {
    const p = normalizePostcode(s);
    if (p === null) {
      ctx.addIssue({ code: 'custom', message: postcodeProblem(s) ?? 'Dit is geen geldige postcode.' });
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
  // --- insured per adult (issue 6, second pass; interchange version 2, optional) ---
  /** Verzekerd voor de Zorgverzekeringswet (in Nederland); absent = yes. Zorgtoeslag and the VTLB eigen risico count it. */
  insuredInNl: z.boolean().optional(),
});

// --- household as it really is (issue 6 part 4): foster children, co-parenting, address situation ---
/** Co-ouderschap per child: who receives the kinderbijslag (and so the kindgebonden budget) for it. */
export const CO_PARENTING = ['geen', 'wij_ontvangen_kinderbijslag', 'andere_ouder_ontvangt_kinderbijslag'] as const;
export type CoParenting = (typeof CO_PARENTING)[number];
export const CO_PARENTING_LABELS: Record<CoParenting, string> = {
  geen: 'Geen co-ouderschap',
  wij_ontvangen_kinderbijslag: 'Co-ouderschap, dit huishouden ontvangt de kinderbijslag',
  andere_ouder_ontvangt_kinderbijslag: 'Co-ouderschap, de andere ouder ontvangt de kinderbijslag',
};

/**
 * Where the household lives, for the beslagvrije voet: a woonadres in the BRP; a briefadres (or an address not
 * in the BRP) while the debtor gives the deurwaarder insight into his situation (art. 475e lid 1 Rv: normal BVV);
 * or no woonadres (art. 475da lid 4 Rv: 47.5 % of the gehuwdennorm). Absent: woonadres when an address is
 * filled in, otherwise geen woonadres (as in format version 1).
 */
export const ADDRESS_KINDS = ['woonadres', 'briefadres_met_inzicht', 'geen_woonadres'] as const;
export type AddressKind = (typeof ADDRESS_KINDS)[number];
export const ADDRESS_KIND_LABELS: Record<AddressKind, string> = {
  woonadres: 'Woonadres in de BRP',
  briefadres_met_inzicht: 'Briefadres, volledig inzicht gegeven aan de deurwaarder (art. 475e lid 1 Rv)',
  geen_woonadres: 'Geen woonadres (beslagvrije voet 47,5 % van de gehuwdennorm)',
};
export function addressKindOf(d: { address: unknown; addressKind?: AddressKind | null | undefined }): AddressKind {
  return d.addressKind ?? (d.address === null ? 'geen_woonadres' : 'woonadres');
}

export const childSchema = z.object({
  id,
  firstName: name('Voornaam'),
  lastName: name('Achternaam'),
  birthDate: isoDate,
  livingInHousehold: z.boolean(),
  /** Pleegkind: placed with a pleegvergoeding; no kinderbijslag or kindgebonden budget for it. */
  fosterChild: z.boolean().optional(),
  coParenting: z.enum(CO_PARENTING).optional(),
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

/** Instalments per year, required with frequency "termijnen" (the amount is then per instalment). */
const instalmentsField = {
  instalments: z
    .number({ message: 'Vul het aantal termijnen in.' })
    .int({ message: 'Vul een heel aantal termijnen in.' })
    .min(MIN_INSTALMENTS, { message: `Minimaal ${MIN_INSTALMENTS} termijn per jaar.` })
    .max(MAX_INSTALMENTS, { message: `Hoogstens ${MAX_INSTALMENTS} termijnen per jaar.` })
    .nullable()
    .optional(),
};
const instalmentsRefine: [
  (i: { frequency: string; instalments?: number | null | undefined }) => boolean,
  { message: string; path: string[] },
] = [
  (i) => i.frequency !== 'termijnen' || (i.instalments ?? null) !== null,
  { message: 'Vul in hoeveel termijnen per jaar worden betaald.', path: ['instalments'] },
];

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
    ...instalmentsField,
  })
  .refine(...instalmentsRefine)
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
    ...instalmentsField,
  })
  .refine(...instalmentsRefine)
  .refine((i) => !i.startDate || !i.endDate || i.startDate <= i.endDate, {
    message: 'De einddatum ligt voor de begindatum.',
    path: ['endDate'],
  });

// ---- Debts v2 (payment arrangements; interchange version 2) -------------------------------------------
// Every v2 field is optional with a default, so version-1 files and older vault rows read unchanged.

/** The kind of creditor (who the debt is owed to), separate from `kind` (preferent / concurrent). */
export const CREDITOR_KINDS = [
  'zorgverzekeraar',
  'belastingdienst',
  'toeslagen',
  'gemeente',
  'verhuurder',
  'energie',
  'water',
  'telecom',
  'cjib',
  'duo',
  'uwv_svb',
  'bank',
  'particulier',
  'overig',
] as const;
export type CreditorKind = (typeof CREDITOR_KINDS)[number];
export const CREDITOR_KIND_LABELS: Record<CreditorKind, string> = {
  zorgverzekeraar: 'Zorgverzekeraar',
  belastingdienst: 'Belastingdienst',
  toeslagen: 'Dienst Toeslagen',
  gemeente: 'Gemeente',
  verhuurder: 'Verhuurder / woningcorporatie',
  energie: 'Energie',
  water: 'Water',
  telecom: 'Telecom',
  cjib: 'CJIB',
  duo: 'DUO',
  uwv_svb: 'UWV / SVB (terugvordering)',
  bank: 'Bank / kredietverstrekker',
  particulier: 'Particulier',
  overig: 'Overig',
};

/** Verification of the saldo with the creditor. */
export const VERIFICATION_STATUSES = ['opgevraagd', 'ontvangen', 'gecontroleerd'] as const;
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];
export const VERIFICATION_STATUS_LABELS: Record<VerificationStatus, string> = {
  opgevraagd: 'Opgevraagd',
  ontvangen: 'Ontvangen',
  gecontroleerd: 'Gecontroleerd',
};

/**
 * Whether the debt takes part in a schuldregeling: 'standaard' follows the creditor kind (CJIB and DUO stay
 * out, see src/shared/arrangement/inclusion.ts), 'opnemen' / 'uitsluiten' override it with a stated reason.
 */
export const ARRANGEMENT_INCLUSIONS = ['standaard', 'opnemen', 'uitsluiten'] as const;
export type ArrangementInclusion = (typeof ARRANGEMENT_INCLUSIONS)[number];
export const ARRANGEMENT_INCLUSION_LABELS: Record<ArrangementInclusion, string> = {
  standaard: 'Standaard',
  opnemen: 'Wel in de regeling',
  uitsluiten: 'Buiten de regeling',
};

/** The saldo as stated by the creditor on a dated statement (peildatum), split into its parts. */
export const debtStatementSchema = z.object({
  date: isoDate,
  principal: nonNegativeAmount,
  interest: nonNegativeAmount,
  costs: nonNegativeAmount,
});
export type DebtStatement = z.output<typeof debtStatementSchema>;

/** Zorgverzekeraar only: premium arrears in monthly premiums (wanbetalersregeling, Zvw art. 18a-18g). */
export const premiumArrearsSchema = z.object({
  /** Unpaid monthly premiums (rente and incassokosten not counted, art. 18c lid 1). */
  months: z.number().int().min(0).max(600),
  monthlyPremium: nonNegativeAmount.nullable().optional(),
  /** Reported to the CAK (bestuursrechtelijke premie), and when. */
  reportedToCak: z.boolean().optional(),
  reportedToCakOn: optionalIsoDate,
});
export type PremiumArrears = z.output<typeof premiumArrearsSchema>;

// Optional without zod defaults on purpose: code (and other branches' fixtures) that builds a Debt without
// them stays valid; readers apply the defaults below (the vault always returns them filled in).
export const debtV2Fields = {
  /** Default 'overig'. */
  creditorKind: z.enum(CREDITOR_KINDS).optional(),
  /** Why the debt is preferent or concurrent (e.g. "voorrecht art. 21 Invorderingswet"). */
  kindReason: optionalText(500),
  statement: debtStatementSchema.nullable().optional(),
  /** Default 'opgevraagd'. */
  verification: z.enum(VERIFICATION_STATUSES).optional(),
  /** After this date the saldo must be asked again. */
  recheckAfter: optionalIsoDate,
  /** Default 'standaard'. */
  inclusion: z.enum(ARRANGEMENT_INCLUSIONS).optional(),
  inclusionReason: optionalText(500),
  premiumArrears: premiumArrearsSchema.nullable().optional(),
};

/** The defaults of the v2 fields for a debt that has none (version-1 files, rows from before migration 005). */
export const DEBT_V2_DEFAULTS = {
  creditorKind: 'overig',
  verification: 'opgevraagd',
  inclusion: 'standaard',
} as const satisfies { creditorKind: CreditorKind; verification: VerificationStatus; inclusion: ArrangementInclusion };

export const debtSchema = z
  .object({
    id,
    creditor: name('Schuldeiser'),
    /** The collecting party (incassobureau, deurwaarder), if not the creditor itself. */
    collector: optionalText(200),
    reference: optionalText(100),
    originalAmount: nonNegativeAmount,
    currentAmount: nonNegativeAmount,
    kind: z.enum(DEBT_KINDS),
    status: z.enum(DEBT_STATUSES),
    since: optionalIsoDate,
    ...debtV2Fields,
  })
  .superRefine((d, ctx) => {
    if (d.statement) {
      const parts = toCentsSafe(d.statement.principal) + toCentsSafe(d.statement.interest) + toCentsSafe(d.statement.costs);
      if (parts !== toCentsSafe(d.currentAmount)) {
        ctx.addIssue({
          code: 'custom',
          path: ['statement'],
          message: 'Hoofdsom, rente en kosten samen moeten gelijk zijn aan het huidige saldo.',
        });
      }
    }
    if ((d.inclusion ?? 'standaard') !== 'standaard' && !d.inclusionReason?.trim()) {
      ctx.addIssue({ code: 'custom', path: ['inclusionReason'], message: 'Geef een reden waarom u afwijkt van de standaard.' });
    }
    if (d.premiumArrears && (d.creditorKind ?? 'overig') !== 'zorgverzekeraar') {
      ctx.addIssue({ code: 'custom', path: ['premiumArrears'], message: 'Een premieachterstand hoort bij een zorgverzekeraar.' });
    }
  });

/** Whole cents of a validated amount string (the regex guarantees at most two decimals). */
function toCentsSafe(amount: string): number {
  const [whole = '0', frac = ''] = amount.replace('-', '').split('.');
  const cents = Number(whole) * 100 + Number((frac + '00').slice(0, 2));
  return amount.startsWith('-') ? -cents : cents;
}
// ---- end debts v2 --------------------------------------------------------------------------------------

// ---- Scheme participation (zorgpremie schemes; interchange version 2) ---------------------------------
/** Where a family stands in a zorgpremie scheme (src/shared/arrangement/scheme.ts); no row = a candidate. */
export const PARTICIPANT_STATUSES = ['voorgesteld', 'akkoord', 'lopend', 'afgerond', 'gestopt'] as const;
export const schemeParticipationSchema = z.object({
  schemeId: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, { message: 'Onbekende regeling.' }),
  status: z.enum(PARTICIPANT_STATUSES),
  agreedMonthly: nonNegativeAmount.nullable().optional(),
  startDate: optionalIsoDate,
  /**
   * The family takes part although it did not meet the scheme's conditions ("voldoet niet"), with the
   * professional's reason and what was not met at the time. Absent = no such reason.
   */
  override: z
    .object({
      reason: z.string().trim().min(10, { message: 'Geef een reden van minstens 10 tekens waarom dit gezin toch meedoet.' }).max(1000),
      reasonsNotMet: z.array(z.string().trim().min(1).max(1000)).max(20).default([]),
    })
    .nullable()
    .optional(),
});
export type SchemeParticipationData = z.output<typeof schemeParticipationSchema>;
// ---- end scheme participation --------------------------------------------------------------------------

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
    /** See ADDRESS_KINDS; absent = derived from `address` (format version 1). */
    addressKind: z.enum(ADDRESS_KINDS).nullable().optional(),
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
    /**
     * Interchange version 2: the family's zorgpremie schemes. Written on import and create; dossier.update leaves
     * them alone (they change through schemes.setParticipant).
     */
    schemeParticipations: z.array(schemeParticipationSchema).max(20).optional(),
  })
  .superRefine((d, ctx) => {
    const aanvragers = d.adults.filter((a) => a.role === 'aanvrager').length;
    if (aanvragers !== 1) {
      ctx.addIssue({ code: 'custom', path: ['adults'], message: 'Een dossier heeft precies één aanvrager.' });
    }
    const schemeIds = (d.schemeParticipations ?? []).map((p) => p.schemeId);
    if (new Set(schemeIds).size !== schemeIds.length) {
      ctx.addIssue({ code: 'custom', path: ['schemeParticipations'], message: 'Een regeling staat twee keer bij dit dossier.' });
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
/** Written on export. Version 2 adds optional fields and blocks (household, debts v2, creditor boards, signals,
 * budget inputs and attachments: see interchange-extras.ts); version-1 files still import unchanged. */
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
  version: z.union([z.literal(1), z.literal(2)], { message: 'Onbekende versie van het bestand: Houvast leest versie 1 en 2.' }),
  exportedAt: z.string().optional(),
  dossiers: z.array(interchangeDossierSchema).min(1, { message: 'Het bestand bevat geen dossiers.' }),
  // ---- creditor board and payments (version 2, optional): src/shared/creditor-board/interchange.ts
  creditorBoards: creditorBoardsField,
});
export type InterchangeFile = z.output<typeof interchangeSchema>;
