// Budget inputs that are not part of the dossier: the BVV stated on a beslaglegger's notice, the number of
// kostendelers, the VTLB correction lines and the reference date. Stored per dossier and sent over the contract.
import { z } from 'zod';
import { amount, isoDate, nonNegativeAmount } from '../dossier/schema';

export const VTLB_CORRECTION_KINDS = [
  'woonlasten',
  'zorgkosten',
  'kindgebonden_budget',
  'arbeidstoeslag',
  'eigen_risico',
  'woon_werk',
  'kinderopvang',
  'schoolkosten',
  'alimentatie',
  'overig',
] as const;
export type VtlbCorrectionKind = (typeof VTLB_CORRECTION_KINDS)[number];

export const VTLB_CORRECTION_LABELS: Record<VtlbCorrectionKind, string> = {
  woonlasten: 'Correctie individuele lasten: woonlasten (werkelijk min fictief)',
  zorgkosten: 'Correctie individuele lasten: zorgkosten (premie en zorgtoeslag, werkelijk min fictief)',
  kindgebonden_budget: 'Correctie individuele lasten: kindgebonden budget (werkelijk min fictief)',
  arbeidstoeslag: 'Arbeidstoeslag',
  eigen_risico: 'Reservering eigen risico zorgverzekering',
  woon_werk: 'Woon-werkverkeer (niet vergoed)',
  kinderopvang: 'Kinderopvang (eigen bijdrage na toeslag)',
  schoolkosten: 'Schoolkosten kinderen',
  alimentatie: 'Betaalde alimentatie',
  overig: 'Overige correctie',
};

/** The "correctie individuele lasten" can be negative (e.g. very low rent, RULES.md c.1 step 3). */
export const VTLB_NEGATIVE_ALLOWED: ReadonlySet<VtlbCorrectionKind> = new Set(['woonlasten', 'zorgkosten', 'kindgebonden_budget']);

export const statedBvvSchema = z.object({
  /** BVV per month as stated on the beslaglegger's mededeling. */
  amount: nonNegativeAmount,
  /** Date of the mededeling. */
  date: isoDate,
  /** Who stated it (deurwaarder, Belastingdienst, CJIB, ...). */
  statedBy: z.string().trim().min(1, { message: 'Vul in wie de beslagvrije voet heeft opgegeven.' }).max(200),
});
export type StatedBvv = z.output<typeof statedBvvSchema>;

export const vtlbCorrectionSchema = z
  .object({
    kind: z.enum(VTLB_CORRECTION_KINDS),
    /** Per month. */
    amount,
    note: z.string().trim().min(1, { message: 'Geef bij elke correctie een toelichting.' }).max(1000),
  })
  .refine((c) => VTLB_NEGATIVE_ALLOWED.has(c.kind) || !c.amount.startsWith('-'), {
    message: 'Alleen een correctie individuele lasten mag negatief zijn.',
    path: ['amount'],
  });
export type VtlbCorrection = z.output<typeof vtlbCorrectionSchema>;

// --- beslagvrije voet above the norm and VTLB (issue 6 parts 1-2): inputs the dossier does not hold ---
export const BESLAG_OP = ['huishouden', 'aanvrager', 'partner'] as const;
export type BeslagOp = (typeof BESLAG_OP)[number];
export const BESLAG_OP_LABELS: Record<BeslagOp, string> = {
  huishouden: 'Beide partners zijn schuldenaar (hele huishouden)',
  aanvrager: 'Alleen de aanvrager is schuldenaar (beslag op zijn of haar inkomen)',
  partner: 'Alleen de partner is schuldenaar (beslag op zijn of haar inkomen)',
};
const optionalMoney = nonNegativeAmount.nullable().default(null);
export const bvvInputFields = {
  /** Belastbaar inkomen per year per adult (jaaropgave, loonstrook, modelmededeling): C of art. 475da lid 2 Rv. */
  belastbaarInkomenPerJaar: z
    .object({ aanvrager: optionalMoney, partner: optionalMoney })
    .default({ aanvrager: null, partner: null }),
  /** Whose income is attached (or in the arrangement); for a couple the other one's income is deducted (475db a). */
  beslagOp: z.enum(BESLAG_OP).default('huishouden'),
  /** Art. 475db lid 1 b: the debtor's own net periodic income that is not attached, per month incl. VT. */
  nietBeslagenEigenInkomenPerMaand: optionalMoney,
  /** Art. 475db lid 1 c: loonheffing on the bijtelling for a company car, per month. */
  loonheffingAutoVanDeZaakPerMaand: optionalMoney,
  /** Art. 475da lid 5: the debtor asks for the woonkostenverhoging (computed from the rent in the dossier). */
  woonkostenverhoging: z.boolean().default(false),
  /**
   * Art. 475da lid 7 (eigen woning, or a rented home without huurtoeslag right): the raise as the beslaglegger
   * computed it (its amount is set by the Besluit beslagvrije voet, not in the references): an input with its source.
   */
  verhogingEigenWoning: z
    .object({
      bedragPerMaand: nonNegativeAmount,
      /** Where the amount comes from (e.g. "modelmededeling CJIB van 12-05-2026"). */
      bron: z.string().trim().min(1, { message: 'Vul in waar het bedrag vandaan komt (bijvoorbeeld de mededeling van de beslaglegger).' }).max(300),
    })
    .nullable()
    .optional(),
  /**
   * Art. 475e lid 2: the debtor stays in an inrichting (care or nursing institution). The BVV is then the price owed
   * for care and nursing + 2/3 of the art. 23 lid 1 PW norm + the art. 23 lid 2 amount. The price is an input.
   */
  inrichting: z
    .object({
      /** Price owed per month for care and nursing (the institution's or the CAK's statement). */
      prijsPerMaand: nonNegativeAmount,
      bron: z.string().trim().min(1, { message: 'Vul in waar de prijs vandaan komt (bijvoorbeeld de beschikking van het CAK).' }).max(300),
    })
    .nullable()
    .optional(),
};
// --- end beslagvrije voet inputs ---

// --- one vakantiegeld source (issue 6, second pass) ---
const month = z
  .number({ message: 'Kies een maand.' })
  .int({ message: 'Kies een maand.' })
  .min(1, { message: 'Kies een maand van 1 tot en met 12.' })
  .max(12, { message: 'Kies een maand van 1 tot en met 12.' });
export const vakantiegeldInputSchema = z
  .object({
    /** Month the vakantiegeld is paid. */
    maand: month.default(5),
    /** Override of the dossier's yearly income lines, per year (net); null = use the dossier. */
    bedragPerJaar: nonNegativeAmount.nullable().default(null),
    /** Why the dossier's amount is overridden; required with an amount. */
    reden: z.string().trim().max(500, { message: 'Maximaal 500 tekens.' }).nullable().default(null),
  })
  .refine((v) => v.bedragPerJaar === null || (v.reden ?? '').length > 0, {
    message: 'Geef een reden waarom u afwijkt van het vakantiegeld in het dossier.',
    path: ['reden'],
  });
/** Reason given to an amount stored before the dossier became the one source (it was then the only place for it). */
export const LEGACY_VAKANTIEGELD_REDEN =
  'overgenomen uit de eerdere invoer "Vakantiegeld per jaar" bij de budgetgegevens; zet het vakantiegeld als inkomenspost per jaar in het dossier en haal dit bedrag weg';
/** Stored inputs from before: `{ bedragPerJaar, maand }` without a reason read as an override with the reason above. */
function legacyVakantiegeld(v: unknown): unknown {
  if (v && typeof v === 'object' && !('reden' in v) && typeof (v as { bedragPerJaar?: unknown }).bedragPerJaar === 'string') {
    return { ...v, reden: LEGACY_VAKANTIEGELD_REDEN };
  }
  return v;
}
// --- end one vakantiegeld source ---

// --- entitlement checks and vakantiegeld (issue 6 parts 5-6): inputs the dossier does not hold ---
export const entitlementInputFields = {
  /**
   * Toetsingsinkomen of the household for the kindgebonden budget and the zorgtoeslag: gross income per calendar
   * year (Awir), aanvrager and partner together. Absent: the checks fall back on the bijstandsnorm test.
   */
  toetsingsinkomenPerJaar: nonNegativeAmount.nullable().default(null),
  /**
   * Vakantiegeld: the month it is paid (default May) and, only as an override with a reason, an amount per year
   * that replaces the dossier's yearly income lines (vakantiegeld.ts). The dossier is the one source.
   */
  vakantiegeld: z.preprocess(legacyVakantiegeld, vakantiegeldInputSchema.nullable().default(null)),
};
// --- end entitlement inputs ---

export const budgetInputsSchema = z.object({
  /** Peildatum; absent = today (the caller resolves it with its Clock, see resolveReferenceDate). */
  referenceDate: isoDate.nullable().optional(),
  statedBvv: statedBvvSchema.nullable().optional(),
  /** Kostendelende medebewoners: housemates of 27 or older other than the aanvrager and partner. */
  kostendelers: z
    .number({ message: 'Vul een aantal in.' })
    .int({ message: 'Vul een heel aantal in.' })
    .min(0, { message: 'Het aantal kan niet negatief zijn.' })
    .max(20, { message: 'Hoogstens 20 kostendelers.' })
    .default(0),
  vtlbCorrections: z.array(vtlbCorrectionSchema).max(50).default([]),
  /** Art. 20 lid 3 Participatiewet: an 18-20-year-old who cannot fall back on his parents (verhoging). */
  geenBeroepOpOuders: z.boolean().optional(),
  ...bvvInputFields,
  ...entitlementInputFields,
});
export type BudgetInputs = z.output<typeof budgetInputsSchema>;
export type BudgetInputsInput = z.input<typeof budgetInputsSchema>;

export const EMPTY_BUDGET_INPUTS: BudgetInputs = {
  referenceDate: null,
  statedBvv: null,
  kostendelers: 0,
  vtlbCorrections: [],
  belastbaarInkomenPerJaar: { aanvrager: null, partner: null },
  beslagOp: 'huishouden',
  nietBeslagenEigenInkomenPerMaand: null,
  loonheffingAutoVanDeZaakPerMaand: null,
  woonkostenverhoging: false,
  toetsingsinkomenPerJaar: null,
  vakantiegeld: null,
};
