// Contract pieces of the BVV above the norm and the VTLB (issue 6 parts 1-2): the BVV computation step by step,
// the afloscapaciteit over the term, their JSON (CLI) view and the stored inputs. Kept apart from budget.ts so the
// budget contract only gains a few references.
import { z } from 'zod';
import type { AflosDetail, BvvDetail } from '../budget';
import type { Figure } from '../budget/explain';
import { BESLAG_OP } from '../budget/inputs';
import { toAmountString } from '../money';

export const BVV_STEP_KINDS = [
  'basis',
  'zorg',
  'woon',
  'kgb',
  'afronding',
  'formule',
  'maximum',
  'na_maximum',
  'woonkostenverhoging',
  'verhoging_eigen_woning',
  'inrichting',
  'geen_woonadres',
  'aftrek_partner',
  'aftrek_eigen',
  'aftrek_auto',
  'voor_inkomenstoets',
  'inkomenstoets',
  'uitkomst',
] as const;

const LEEFSITUATIES = ['alleenstaande', 'alleenstaande_ouder', 'gehuwden_zonder_kinderen', 'gehuwden_met_kinderen'] as const;
const amount = z.string().regex(/^-?\d+\.\d{2}$/);

/** Built with the figure schema of budget.ts (passed in to avoid an import cycle). */
export function bvvDetailOut<F extends z.ZodTypeAny>(figureOut: F) {
  return z.object({
    vorm: z.enum(['lineair', 'kwadratisch']).nullable(),
    leefsituatie: z.enum(LEEFSITUATIES),
    leefsituatieLabel: z.string(),
    beslagOp: z.enum(BESLAG_OP),
    belastbaarInkomen: figureOut,
    inkomenSchuldenaar: figureOut,
    inkomenPartnerNietBeslagen: figureOut,
    steps: z.array(z.object({ kind: z.enum(BVV_STEP_KINDS), figure: figureOut })),
    opgave: z
      .object({ amount, date: z.string(), statedBy: z.string(), difference: amount.nullable(), differs: z.boolean() })
      .nullable(),
  });
}

export function aflosDetailOut<F extends z.ZodTypeAny>(figureOut: F) {
  return z.object({
    looptijdMaanden: z.number().int(),
    vakantiegeldPerMaand: figureOut,
    maandelijks: figureOut,
    vakantiegeldOverLooptijd: figureOut,
    totaalOverLooptijd: figureOut,
  });
}

export function serializeBvvDetail<T>(d: BvvDetail | null, fig: (f: Figure) => T) {
  if (d === null) return null;
  return {
    vorm: d.vorm,
    leefsituatie: d.leefsituatie,
    leefsituatieLabel: d.leefsituatieLabel,
    beslagOp: d.beslagOp,
    belastbaarInkomen: fig(d.belastbaarInkomen),
    inkomenSchuldenaar: fig(d.inkomenSchuldenaar),
    inkomenPartnerNietBeslagen: fig(d.inkomenPartnerNietBeslagen),
    steps: d.steps.map((s) => ({ kind: s.kind, figure: fig(s.figure) })),
    opgave: d.opgave
      ? {
          amount: toAmountString(d.opgave.amount),
          date: d.opgave.date,
          statedBy: d.opgave.statedBy,
          difference: d.opgave.difference === null ? null : toAmountString(d.opgave.difference),
          differs: d.opgave.differs,
        }
      : null,
  };
}

export function serializeAflosDetail<T>(a: AflosDetail, fig: (f: Figure) => T) {
  return {
    looptijdMaanden: a.looptijdMaanden,
    vakantiegeldPerMaand: fig(a.vakantiegeldPerMaand),
    maandelijks: fig(a.maandelijks),
    vakantiegeldOverLooptijd: fig(a.vakantiegeldOverLooptijd),
    totaalOverLooptijd: fig(a.totaalOverLooptijd),
  };
}

const jsonAmount = amount.nullable();
/** Fields of the CLI/JSON view (docs/budget-json.md) added for the BVV and the VTLB. */
export const bvvVtlbJsonFields = {
  belastbaarInkomenPerJaar: z.object({ aanvrager: jsonAmount, partner: jsonAmount, totaal: jsonAmount }),
  beslagvrijeVoetBerekening: z
    .object({
      vorm: z.enum(['lineair', 'kwadratisch']).nullable(),
      leefsituatie: z.string(),
      beslagOp: z.string(),
      inkomenSchuldenaar: jsonAmount,
      stappen: z.array(z.object({ soort: z.string(), omschrijving: z.string(), bedrag: jsonAmount })),
      opgave: z.object({ bedrag: jsonAmount, datum: z.string(), door: z.string(), verschil: jsonAmount, wijktAf: z.boolean() }).nullable(),
    })
    .nullable(),
  afloscapaciteitLooptijd: z.object({
    looptijdMaanden: z.number().int(),
    vakantiegeldPerMaand: jsonAmount,
    maandelijkseAfdracht: jsonAmount,
    vakantiegeldOverLooptijd: jsonAmount,
    totaalOverLooptijd: jsonAmount,
  }),
};

/** Stored inputs of the BVV (defaults applied). */
export const bvvInputsOutFields = {
  belastbaarInkomenPerJaar: z.object({ aanvrager: z.string().nullable(), partner: z.string().nullable() }),
  beslagOp: z.enum(BESLAG_OP),
  nietBeslagenEigenInkomenPerMaand: z.string().nullable(),
  loonheffingAutoVanDeZaakPerMaand: z.string().nullable(),
  woonkostenverhoging: z.boolean(),
  verhogingEigenWoning: z.object({ bedragPerMaand: z.string(), bron: z.string() }).nullable().optional(),
  inrichting: z.object({ prijsPerMaand: z.string(), bron: z.string() }).nullable().optional(),
};
