// A zorgpremie scheme is data, not code (RULES.md e.3, e.5): one creditor (a zorgverzekeraar), one gemeente,
// a route (bijstand: max. 3 years; bewind: max. 36 months), conditions, kwijtschelding of the restschuld after
// the term, minimum/maximum monthly amounts. Bundled examples: resources/schemes/*.json; users edit copies
// in the vault (a user copy with the same id replaces the bundled one).
import { z } from 'zod';
import { amount, isoDate, optionalIsoDate, PARTICIPANT_STATUSES } from '../dossier/schema';
import { INCOME_CATEGORIES } from '../dossier/categories';
import { Money } from '../money';

export const SCHEME_FORMAT = 'houvast.scheme' as const;
export const SCHEME_VERSION = 1 as const;

export const SCHEME_ROUTES = ['bijstand', 'bewind'] as const;
export type SchemeRoute = (typeof SCHEME_ROUTES)[number];
export const SCHEME_ROUTE_LABELS: Record<SchemeRoute, string> = {
  bijstand: 'Bijstand (gemeente houdt premie en aflossing in, max. 3 jaar)',
  bewind: 'Beschermingsbewind (bewindvoerder betaalt premie en aflossing, max. 36 maanden)',
};
/** Upper bound of the term per route (RULES.md e.3: bijstand max. 3 years, bewind max. 36 months). */
export const SCHEME_ROUTE_MAX_MONTHS: Record<SchemeRoute, number> = { bijstand: 36, bewind: 36 };

export const SCHEME_ORIGINS = ['bundled', 'user'] as const;
export type SchemeOrigin = (typeof SCHEME_ORIGINS)[number];

/** Where a family stands in a scheme. 'kandidaat' is never stored: it is a family with arrears not yet enrolled. */
export { PARTICIPANT_STATUSES };
export type ParticipantStatus = (typeof PARTICIPANT_STATUSES)[number];
export const SCHEME_FAMILY_STATUSES = ['kandidaat', ...PARTICIPANT_STATUSES] as const;
export type SchemeFamilyStatus = (typeof SCHEME_FAMILY_STATUSES)[number];
export const SCHEME_FAMILY_STATUS_LABELS: Record<SchemeFamilyStatus, string> = {
  kandidaat: 'Kandidaat',
  voorgesteld: 'Voorgesteld',
  akkoord: 'Akkoord',
  lopend: 'Lopend',
  afgerond: 'Afgerond',
  gestopt: 'Gestopt',
};

const positiveAmount = amount.refine((s) => !s.startsWith('-'), { message: 'Het bedrag mag niet negatief zijn.' });

export const schemeSchema = z
  .object({
    format: z.literal(SCHEME_FORMAT),
    version: z.literal(SCHEME_VERSION),
    /** Lowercase letters, digits and dashes; unique in the vault. */
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, { message: 'Gebruik kleine letters, cijfers en streepjes (2-63 tekens).' }),
    name: z.string().trim().min(1, { message: 'Naam is verplicht.' }).max(200),
    creditor: z.object({
      /** As shown in letters, e.g. "Zorgverzekeraar Zuid". */
      name: z.string().trim().min(1, { message: 'Schuldeiser is verplicht.' }).max(200),
      /** A debt belongs to the scheme when its creditor (or collector) contains one of these (case-insensitive). */
      matchNames: z.array(z.string().trim().min(2).max(200)).min(1, { message: 'Geef minstens één naam om schulden te herkennen.' }).max(20),
    }),
    gemeente: z.string().trim().min(1, { message: 'Gemeente is verplicht.' }).max(200),
    route: z.enum(SCHEME_ROUTES),
    /** Maximum term in months (≤ 36 for both routes). */
    maxMonths: z.number().int().min(1).max(36, { message: 'De looptijd is hoogstens 36 maanden.' }),
    minMonthly: positiveAmount,
    /** null = no maximum. */
    maxMonthly: positiveAmount.nullable(),
    conditions: z.object({
      /** The current premium must be paid (by the gemeente / the bewindvoerder). */
      currentPremiumPaid: z.boolean(),
      /** No new arrears during the term. */
      noNewArrears: z.boolean(),
      /** Further conditions, in Dutch, printed in the letter. */
      other: z.array(z.string().trim().min(1).max(500)).max(20),
    }),
    /** The creditor forgives the restschuld after the term when the conditions were met. */
    forgiveRemainder: z.boolean(),
    /**
     * What happens when a condition is broken during the term (a missed month, new arrears), in Dutch, as
     * agreed with the creditor; absent = the consequences the law sets (scheme-conditions.ts).
     */
    onBreach: z.array(z.string().trim().min(1).max(500)).max(20).optional(),
    validFrom: isoDate,
    validUntil: optionalIsoDate,
    source: z.array(z.string().trim().min(1).max(500)).max(20),
    notes: z.array(z.string().trim().min(1).max(1000)).max(20),
  })
  .superRefine((s, ctx) => {
    if (s.maxMonthly !== null && new Money(s.maxMonthly).lessThan(s.minMonthly)) {
      ctx.addIssue({ code: 'custom', path: ['maxMonthly'], message: 'Het maximum per maand is lager dan het minimum.' });
    }
    if (s.maxMonths > SCHEME_ROUTE_MAX_MONTHS[s.route]) {
      ctx.addIssue({ code: 'custom', path: ['maxMonths'], message: `De looptijd is voor deze route hoogstens ${SCHEME_ROUTE_MAX_MONTHS[s.route]} maanden.` });
    }
    if (s.validUntil && s.validUntil < s.validFrom) {
      ctx.addIssue({ code: 'custom', path: ['validUntil'], message: 'De einddatum ligt voor de begindatum.' });
    }
  });
export type Scheme = z.output<typeof schemeSchema>;
export type SchemeInput = z.input<typeof schemeSchema>;

/** Group filters of the batch (all optional; combined with AND). */
export const schemeFilterSchema = z.object({
  /** Matches the dossier's plaats (case-insensitive); default: the scheme's gemeente. Empty string = every plaats. */
  gemeente: z.string().trim().max(200).optional(),
  /** At least one counted income of this category (e.g. uitkering_participatiewet). */
  incomeSource: z.enum(INCOME_CATEGORIES).optional(),
  /** 'met': at least one child living in the household; 'zonder': none. */
  children: z.enum(['met', 'zonder']).optional(),
});
export type SchemeFilter = z.output<typeof schemeFilterSchema>;
