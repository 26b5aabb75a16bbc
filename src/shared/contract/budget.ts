// Contract schemas of the budget, norms and documents procedures, and the serialiser that turns the
// engine's result (Decimal values) into wire data: every amount a "1234.56" string (half-up, the display
// rounding point), with the full-precision value beside it where the engine keeps more decimals.
// Field names avoid the word "key" (the router test rejects output fields named like key material), so a
// norm figure's key is called `name` here.
import type Decimal from 'decimal.js';
import { z } from 'zod';
import {
  BUDGET_JSON_FORMAT,
  BUDGET_JSON_VERSION,
  type BudgetResult,
  type Figure,
  type NormTableRef,
  type Projection,
} from '../budget';
import { AGE_GROUPS, HOUSEHOLD_TYPES } from '../budget/household';
import { budgetInputsSchema, VTLB_CORRECTION_KINDS } from '../budget/inputs';
import {
  checkNormTableUses,
  NormTableList,
  checkTablesWithoutFigures,
  normFigureOut,
  normTableOut,
  normTableRefOf,
  normTableRefOut,
  normTableUseOut,
  resolveNormTableUses,
  usePlanOf,
  withoutTableFigures,
  type NormTableRefOut,
} from './budget-norm-tables';
import {
  checkExplained,
  explanationOnDemandOut,
  explanationPlanOf,
  fillExplanationsOnDemand,
  sameJson,
  withoutExplanations,
  type ExplanationPlan,
} from './budget-explained';
import { aflosDetailOut, bvvDetailOut, bvvInputsOutFields, bvvVtlbJsonFields, serializeAflosDetail, serializeBvvDetail } from './bvv-vtlb';
import { NORM_GROUPS, NORM_ORIGINS, NORM_STATUSES } from '../budget/norm-schema';
import { EXPENSE_CATEGORIES, INCOME_CATEGORIES, NIBUD_GROUPS, type NibudGroup } from '../dossier/categories';
import { ADDRESS_KINDS, isoDate } from '../dossier/schema';
import { FREQUENCIES } from '../frequency';
import { toAmountString } from '../money';

/** Two decimals, half-up: what is shown and exchanged. */
export const amountOut = z.string().regex(/^-?\d+\.\d{2}$/);
/** Full precision, never in exponent notation (e.g. "1234.5666666666666666666666666666666666667"). */
export const exactOut = z.string().regex(/^-?\d+(\.\d+)?$/);

export const inputValueOut = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/**
 * A plain object of names to values that pass `valid`: the rule of z.record(z.string(), <value schema>) as one
 * predicate. A budget answer holds some 700 such names (explanation inputs, the projection's periods), and zod's
 * record runs two schemas and a regular expression per name (a quarter of budget.get's output validation).
 */
const recordOut = <T>(valid: (v: unknown) => v is T, message: string) =>
  z.custom<Record<string, T>>((v) => typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype && everyOwnValue(v as Record<string, unknown>, valid), { message });

/** Object.values(o).every(valid) without the array and the callback per value (a fifth of budget.get's validation). */
function everyOwnValue(o: Record<string, unknown>, valid: (v: unknown) => boolean): boolean {
  const keys = Object.keys(o);
  for (let i = 0; i < keys.length; i++) if (!valid(o[keys[i]!])) return false;
  return true;
}

const isInputValue = (v: unknown): v is string | number | boolean | null =>
  v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));
/** An explanation's named inputs: Dutch names to a string, a finite number, a boolean or null. */
export const inputValuesOut = recordOut(isInputValue, 'explanation inputs: strings, finite numbers, booleans or null only');

const explanationOf = <T extends z.ZodTypeAny>(table: T) =>
  z.object({
    /** The rule in Dutch, including where it rounds. */
    rule: z.string(),
    /** Named inputs; amounts as decimal strings ("≈" prefix when not exact to the cent). */
    inputs: inputValuesOut,
    tables: z.array(table),
  });

/** An explanation as shown: the norm table periods in full. */
export const explanationOut = explanationOf(normTableRefOut);
/** An explanation in a budget answer: the norm tables by reference (budget-norm-tables.ts). */
const explanationUseOut = explanationOf(normTableUseOut);

/** The engine's unrounded value. */
const exactValueOut = exactOut.nullable();
/** The same in a budget answer: absent from a figures-only one, as the explanation is (budget-explained.ts). */
const exactInAnswerOut = exactValueOut.optional();

const figureOf = <E extends z.ZodTypeAny, X extends z.ZodTypeAny = typeof exactValueOut>(explanation: E, exact: X = exactValueOut as unknown as X) =>
  z.object({
    label: z.string(),
    /** Two decimals; null = cannot be computed (warnings say why). */
    value: amountOut.nullable(),
    exact,
    explanation,
    /** "voorlopig: de normen per … zijn nog niet gepubliceerd" when the figure rests on a provisional norm. */
    provisional: z.string().nullable().optional(),
  });

export const figureOut = figureOf(explanationOut);
export type FigureOut = z.infer<typeof figureOut>;

/**
 * An explanation as the budget screen holds it: in full, or the shared placeholder of a figures-only answer
 * (budget-explained.ts), fetched when its Toelichting is opened.
 */
export const shownExplanationOut = z.union([explanationOut, explanationOnDemandOut]);
export type ShownExplanation = z.infer<typeof shownExplanationOut>;
/** A figure of the budget screen (resolveBudgetView): its explanation in full or on demand. */
export const budgetFigureOut = figureOf(shownExplanationOut, exactInAnswerOut);
export type BudgetFigureOut = z.infer<typeof budgetFigureOut>;

const incomeLineOut = z.object({
  index: z.number().int(),
  description: z.string(),
  category: z.enum(INCOME_CATEGORIES),
  amount: z.string(),
  frequency: z.enum(FREQUENCIES),
  instalments: z.number().int().nullable().optional(),
  attachable: z.boolean(),
  treatment: z.enum(['inkomen', 'kostenvergoeding']).optional(),
  counted: z.boolean(),
  monthly: amountOut,
  monthlyExact: exactOut,
});

const expenseLineOut = z.object({
  index: z.number().int(),
  description: z.string(),
  category: z.enum(EXPENSE_CATEGORIES),
  group: z.enum(NIBUD_GROUPS),
  amount: z.string(),
  frequency: z.enum(FREQUENCIES),
  instalments: z.number().int().nullable().optional(),
  counted: z.boolean(),
  monthly: amountOut,
  monthlyExact: exactOut,
});

const warningOut = z.object({ code: z.string(), message: z.string(), figure: z.string().optional() });

/** The budget result's schema over a figure's explanation and a norm period reference (full or by reference). */
const budgetResultOf = <E extends z.ZodTypeAny, P extends z.ZodTypeAny>(explanationOut: E, normPeriod: P) => {
  const figureOut = figureOf(explanationOut, exactInAnswerOut);
  return z.object({
    referenceDate: z.string(),
    household: z.object({
      type: z.enum(HOUSEHOLD_TYPES),
      typeLabel: z.string(),
      adults: z.array(z.object({ role: z.enum(['aanvrager', 'partner']), age: z.number().int(), ageGroup: z.enum(AGE_GROUPS) })),
      childrenUnder18: z.number().int(),
      kostendelers: z.number().int(),
      kostendelersA: z.number().int().nullable(),
      fixedAddress: z.boolean(),
      /** Pleegkinderen < 18 in the household (not counted in childrenUnder18). */
      fosterChildrenUnder18: z.number().int().optional(),
      addressKind: z.enum(ADDRESS_KINDS).optional(),
      aowAgeMonths: z.number().int(),
      explanation: explanationOut,
    }),
    bijstandsnorm: figureOut,
    bijstandsnormExclVakantietoeslag: figureOut,
    income: z.object({
      total: figureOut,
      attachable: figureOut,
      nonAttachable: figureOut,
      forAfloscapaciteit: figureOut,
      /** Pleegvergoeding, bijzondere bijstand, pgb: not income; counted in the saldo only. */
      costAllowances: figureOut.optional(),
      lines: z.array(incomeLineOut),
    }),
    beslagvrijeVoet: figureOut.extend({
      regime: z.enum(['inkomen_tot_norm', 'inkomen_boven_norm', 'geen_vast_adres', 'onbekend']),
      lowerBound: figureOut.nullable(),
      upperBound: figureOut.nullable(),
    }),
    vtlb: z.object({
      lines: z.array(z.object({ kind: z.enum(['basis', 'pgl', ...VTLB_CORRECTION_KINDS]), figure: figureOut, note: z.string().nullable() })),
      total: figureOut,
    }),
    afloscapaciteit: figureOut,
    children: z.object({
      kinderbijslagExpected: figureOut,
      kinderbijslagReceived: figureOut,
      kgbExpected: figureOut,
      kgbReceived: figureOut,
      perChild: z.array(
        z.object({
          /** 1-based position of the child in the dossier. */
          child: z.number().int(),
          ageOnQuarterStart: z.number().int().nullable(),
          band: z.enum(['0-5', '6-11', '12-17']).nullable(),
          kinderbijslagPerMonth: figureOut,
          kgbSupplementBand: z.enum(['12-15', '16-17']).nullable(),
        }),
      ),
    }),
    budget: z.object({
      expensesByGroup: z.object({ vaste_lasten: figureOut, reserveringsuitgaven: figureOut, huishoudelijke_uitgaven: figureOut }),
      expensesTotal: figureOut,
      saldo: figureOut,
      leefgeldPerMaand: figureOut,
      leefgeldPerWeek: figureOut,
      vakantiegeldReservering: figureOut.optional(),
      gapToNorm: figureOut,
      lines: z.array(expenseLineOut),
    }),
    normPeriods: z.array(normPeriod),
    missingFigures: z.array(
      z.object({
        group: z.enum(NORM_GROUPS),
        periodStart: z.string(),
        name: z.string(),
        label: z.string(),
        listedAsMissing: z.boolean(),
        message: z.string(),
      }),
    ),
    warnings: z.array(warningOut),
    /** BVV step by step and afloscapaciteit over the term (issue 6 parts 1-2). */
    bvvBerekening: bvvDetailOut(figureOut).nullable(),
    afloscapaciteitDetail: aflosDetailOut(figureOut),
    /** Norms used past their last period (issue 7). */
    provisional: z.object({ from: z.string(), groups: z.array(z.enum(NORM_GROUPS)), message: z.string() }).nullable().optional(),
    /** Entitlement checks (issue 6 part 5). */
    entitlements: z
      .object({
        checks: z.array(
          z.object({
            scheme: z.enum(['kinderbijslag', 'kindgebonden_budget', 'zorgtoeslag']),
            label: z.string(),
            expected: figureOut,
            received: figureOut,
            difference: figureOut,
            tolerance: amountOut.nullable(),
            verdict: z.enum(['in_orde', 'mogelijk_niet_gebruik', 'automatische_wijziging', 'meer_dan_verwacht', 'niet_te_beoordelen']),
            message: z.string(),
          }),
        ),
      })
      .optional(),
  });
};

/**
 * The result as the screens read it (after resolveBudgetResult): every explanation lists its norm tables in full,
 * or is the placeholder of a figures-only answer (explanations on demand, budget-explained.ts).
 */
export const budgetResultOut = budgetResultOf(shownExplanationOut, normTableRefOut);
// An explanation is absent from every figure of a figures-only answer (`explained: false` on the view, whose check
// requires all or none).
const budgetResultWireShape = budgetResultOf(explanationUseOut.optional(), normTableUseOut).extend({ normTables: z.array(normTableOut) });
let usePlan: ReturnType<typeof usePlanOf> | undefined;
/** The result as budget.get sends it: each norm table once in `normTables`, explanations refer to them. */
export const budgetResultWireOut = budgetResultWireShape.check((payload) => checkNormTableUses(payload, (usePlan ??= usePlanOf(budgetResultWireShape))!));
export type BudgetResultWire = z.infer<typeof budgetResultWireOut>;
export type BudgetResultOut = z.infer<typeof budgetResultOut>;

/**
 * The 24-month projection as budget.get sends it: what the budget screen shows of each month (the chart of the saldo
 * and the table per month: income, cost allowances, expenses, saldo, afloscapaciteit, what changes, and whether the
 * norms are known or provisional). The engine's projection holds more per month (the norm, the VTLB, the expected
 * child benefits, the norm periods in force); the CLI's JSON view (docs/budget-json.md) and the budget plan PDF read
 * those from the engine itself. Sent along they were a third of the answer's names, each serialised and validated
 * on every opening of the screen and read by nothing (issue 10 §1).
 */
export const projectionOut = z.object({
  months: z.array(
    z.object({
      month: z.string(),
      covered: z.boolean(),
      /** "voorlopig: de normen per … zijn nog niet gepubliceerd" when computed with provisional norms. */
      provisional: z.string().nullable().optional(),
      inkomen: amountOut.nullable(),
      uitgaven: amountOut.nullable(),
      saldo: amountOut.nullable(),
      kostenvergoedingen: amountOut.nullable().optional(),
      afloscapaciteit: amountOut.nullable(),
      negative: z.boolean(),
      changes: z.array(z.string()),
    }),
  ),
  firstNegativeMonth: z.string().nullable(),
  firstUncoveredMonth: z.string().nullable(),
  firstProvisionalMonth: z.string().nullable().optional(),
});
export type ProjectionOut = z.infer<typeof projectionOut>;

// The CLI/JSON view (docs/budget-json.md). Its norm figures and missing figures carry a field "key", so they
// are described as string records here (the JSON Schema walk of the router test then sees no field names).
const jsonTableRef = z.object({
  group: z.string(),
  title: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  status: z.string(),
  origin: z.enum(NORM_ORIGINS),
  source: z.array(z.string()),
  figures: z.array(z.record(z.string(), z.string())),
  provisionalFrom: z.string().nullable().optional(),
});
const jsonAmount = amountOut.nullable();
// --- figures that add up and entitlement checks (issue 6 parts 3, 5) ---
const addsUpJsonFields = {
  vakantiegeldReserveringPerMaand: amountOut.nullable().optional(),
  kostenvergoedingenPerMaand: amountOut.nullable().optional(),
  kinderbijslagPerKind: z.array(z.object({ kind: z.number().int(), leeftijdsgroep: z.string().nullable(), bedrag: amountOut.nullable() })).optional(),
  aanspraken: z
    .array(
      z.object({
        regeling: z.string(),
        label: z.string(),
        verwacht: amountOut.nullable(),
        ontvangen: amountOut.nullable(),
        verschil: amountOut.nullable(),
        marge: amountOut.nullable(),
        oordeel: z.string(),
        toelichting: z.string(),
        voorlopig: z.string().nullable(),
      }),
    )
    .optional(),
};

// Every field of toBudgetJson is listed: the router strips unknown fields, so a field added to the engine's JSON
// must be added here too (tests/integration/budget/cli.test.ts compares the CLI's JSON with budget.get's).
export const budgetJsonOut = z.object({
  format: z.literal(BUDGET_JSON_FORMAT),
  version: z.literal(BUDGET_JSON_VERSION),
  referenceDate: z.string(),
  normPeriod: z.record(
    z.string(),
    z.object({ start: z.string(), end: z.string(), status: z.string(), origin: z.enum(NORM_ORIGINS), source: z.array(z.string()), provisionalFrom: z.string().optional() }),
  ),
  householdType: z.string(),
  householdTypeLabel: z.string(),
  ageGroups: z.array(z.string()),
  kostendelers: z.number().int(),
  bijstandsnorm: jsonAmount,
  bijstandsnormExclVakantietoeslag: jsonAmount,
  beslagvrijeVoet: jsonAmount,
  beslagvrijeVoetRegime: z.string(),
  beslagvrijeVoetGrenzen: z.object({ ondergrens: jsonAmount, bovengrens: jsonAmount }).nullable(),
  pglCorrectie: jsonAmount,
  vtlbCorrecties: z.array(z.object({ soort: z.string(), omschrijving: z.string(), bedrag: jsonAmount, toelichting: z.string().nullable() })),
  vtlb: jsonAmount,
  afloscapaciteit: jsonAmount,
  inkomenPerMaand: jsonAmount,
  beslagbaarInkomenPerMaand: jsonAmount,
  nietBeslagbaarInkomenPerMaand: jsonAmount,
  uitgavenPerMaand: jsonAmount,
  uitgavenPerGroep: z.object({ vaste_lasten: jsonAmount, reserveringsuitgaven: jsonAmount, huishoudelijke_uitgaven: jsonAmount }),
  saldoPerMaand: jsonAmount,
  leefgeldPerMaand: jsonAmount.optional(),
  leefgeldPerWeek: jsonAmount,
  verschilMetBijstandsnorm: jsonAmount,
  kinderbijslagVerwacht: jsonAmount,
  kinderbijslagOntvangen: jsonAmount,
  kindgebondenBudgetVerwacht: jsonAmount,
  kindgebondenBudgetOntvangen: jsonAmount,
  ontbrekendeNormbedragen: z.array(z.record(z.string(), z.string())),
  warnings: z.array(warningOut),
  explanation: z.record(
    z.string(),
    z.object({
      label: z.string(),
      value: jsonAmount,
      rule: z.string(),
      inputs: z.record(z.string(), inputValueOut),
      tables: z.array(jsonTableRef),
      voorlopig: z.string().optional(),
    }),
  ),
  projectie: z
    .array(
      z.object({
        month: z.string(),
        covered: z.boolean(),
        reason: z.string().nullable(),
        voorlopig: z.string().nullable().optional(),
        inkomen: jsonAmount,
        uitgaven: jsonAmount,
        saldo: jsonAmount,
        leefgeld: jsonAmount.optional(),
        kostenvergoedingen: jsonAmount.optional(),
        vakantiegeld: jsonAmount.optional(),
        kindgebondenBudgetVerwacht: jsonAmount.optional(),
        bijstandsnorm: jsonAmount,
        afloscapaciteit: jsonAmount,
        kinderbijslagVerwacht: jsonAmount,
        negative: z.boolean(),
        changes: z.array(z.string()),
      }),
    )
    .optional(),
  eersteTekortMaand: z.string().nullable().optional(),
  voorlopig: z.string().nullable().optional(),
  ...bvvVtlbJsonFields,
  ...addsUpJsonFields,
});

/** Stored budget inputs as handed out (defaults applied). */
export const budgetInputsOut = z.object({
  referenceDate: z.string().nullable().optional(),
  statedBvv: z.object({ amount: z.string(), date: z.string(), statedBy: z.string() }).nullable().optional(),
  kostendelers: z.number().int(),
  vtlbCorrections: z.array(z.object({ kind: z.enum(VTLB_CORRECTION_KINDS), amount: z.string(), note: z.string() })),
  ...bvvInputsOutFields,
  toetsingsinkomenPerJaar: z.string().nullable().optional(),
  vakantiegeld: z.object({ maand: z.number().int(), bedragPerJaar: z.string().nullable(), reden: z.string().nullable() }).nullable().optional(),
  /** Art. 20 lid 3 Participatiewet (18-20 without parental support). */
  geenBeroepOpOuders: z.boolean().optional(),
});

/** A section of the budget as presented (src/shared/presenter/budget.ts): parts and the total beside them. */
export const presentedSectionOut = z.object({
  id: z.string(),
  title: z.string(),
  rows: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      amount: amountOut.nullable(),
      text: z.string(),
      sign: z.enum(['+', '−', '=']),
    }),
  ),
  provisional: z.string().nullable(),
});

const budgetViewShape = z.object({
  dossierId: z.string(),
  referenceDate: z.string(),
  inputs: budgetInputsOut,
  /** When the inputs were last saved; null = never (defaults). */
  inputsUpdatedAt: z.number().int().nullable(),
  /** The engine's result; its norm tables once, by reference (resolveBudgetView gives what the screens show). */
  result: budgetResultWireOut,
  /** 24 months from the reference date. */
  projection: projectionOut,
  /** The presenter's sections (parts and their total) as the screen shows them; built in the core from the CLI's
   *  JSON view (docs/budget-json.md), which itself is not shipped again beside `result` and `projection`. */
  sections: z.array(presentedSectionOut),
  /**
   * false: asked with `explanations: false`, no figure carries its explanation (the budget screen; the full answer
   * follows when a Toelichting is opened). Absent in a full answer, which is thereby the same as before the option.
   */
  explained: z.literal(false).optional(),
});
let viewPlan: ExplanationPlan | null | undefined;
/** budget.get's answer: explanations on every figure, or (explained: false) on none. */
export const budgetView = budgetViewShape.check((payload) => {
  checkExplained(payload, (viewPlan ??= explanationPlanOf(budgetViewShape))!);
  if (payload.value.explained === false) checkTablesWithoutFigures(payload, ['result']);
});
/** budget.get's answer as sent. */
export type BudgetViewWire = z.infer<typeof budgetView>;
/** budget.get's answer as the screens read it: its result resolved (resolveBudgetView). */
export type BudgetView = Omit<BudgetViewWire, 'result'> & { result: BudgetResultOut };

let resultPlan: ExplanationPlan | null | undefined;
const resultPlanOf = () => (resultPlan ??= explanationPlanOf(budgetResultWireShape))!;

/**
 * The result with every norm table reference replaced by the table period it names (what the screens show); a
 * figure without its explanation (a figures-only answer) gets the shared placeholder EXPLANATION_ON_DEMAND.
 */
export function resolveBudgetResult(r: BudgetResultWire): BudgetResultOut {
  const resolved = resolveNormTableUses(r);
  fillExplanationsOnDemand(resolved, resultPlanOf());
  return resolved as BudgetResultOut;
}

export function resolveBudgetView(v: BudgetViewWire): BudgetView {
  return { ...v, result: resolveBudgetResult(v.result) };
}

/** Whether a view was answered without explanations (its figures carry the placeholder). */
export const explainedView = (v: Pick<BudgetViewWire, 'explained'>): boolean => v.explained !== false;

/**
 * A full answer as `explanations: false` gives it: every explanation and the figures read from the norm tables left
 * out, marked `explained: false`. What the figures-only answer must equal (tests, the bench's guard) and how the
 * screen checks that the full answer it fetched for a Toelichting has the figures it shows.
 */
export function figuresOnlyOf(v: BudgetViewWire): BudgetViewWire {
  const figures = withoutExplanations(v, (viewPlan ??= explanationPlanOf(budgetViewShape))!);
  return { ...figures, result: withoutTableFigures(figures.result), explained: false };
}

/** Whether a full answer shows exactly the figures of a figures-only one (all but the explanations). */
export function sameFigures(figuresOnly: BudgetViewWire, full: BudgetViewWire): boolean {
  return sameJson(figuresOnlyOf(full), figuresOnly);
}

// ---------------------------------------------------------------------------------------------- norms

export const normPeriodOut = z.object({
  start: z.string(),
  /** Last day, inclusive. */
  end: z.string(),
  status: z.enum(NORM_STATUSES),
  origin: z.enum(NORM_ORIGINS),
  source: z.array(z.string()),
  figures: z.array(normFigureOut),
  /** Figures the table lists as not published. */
  missing: z.array(z.string()),
  notes: z.array(z.string()),
  /** The user norm file the period came from (origin "user"). */
  userFileId: z.string().nullable(),
  /** Whether the period covers today. */
  current: z.boolean(),
});

export const normGroupOut = z.object({
  group: z.enum(NORM_GROUPS),
  label: z.string(),
  title: z.string(),
  unit: z.string(),
  indexationDates: z.array(z.string()),
  source: z.array(z.string()),
  /** Dutch summary of the dates covered, e.g. "Beschikbaar: 01-01-2024 t/m 31-12-2026." */
  coverage: z.string(),
  periods: z.array(normPeriodOut),
});

export const userNormFileOut = z.object({
  id: z.string(),
  group: z.enum(NORM_GROUPS),
  title: z.string(),
  source: z.string(),
  importedAt: z.number().int(),
  periodStarts: z.array(z.string()),
});

export const normsListOut = z.object({
  groups: z.array(normGroupOut),
  userFiles: z.array(userNormFileOut),
});

export const normsStoredOut = z.object({
  id: z.string(),
  group: z.enum(NORM_GROUPS),
  periodStarts: z.array(z.string()),
  /** Figures the previous period of this group has that the new period(s) lack: calculations needing them
   *  will report them as missing. */
  absentFigures: z.array(z.string()),
  /** What the file changes, per period (issue 7: a norm update says what it changes). */
  changes: z
    .array(
      z.object({
        periodStart: z.string(),
        /** nieuw: a period that did not exist; vervangt: replaces the period with the same start date. */
        kind: z.enum(['nieuw', 'vervangt']),
        /** The period it replaces came with Houvast (bundled) or from an earlier user file. */
        replacedOrigin: z.enum(NORM_ORIGINS).nullable(),
        changed: z.array(z.object({ name: z.string(), label: z.string(), from: z.string(), to: z.string() })),
        added: z.array(z.object({ name: z.string(), label: z.string(), value: z.string() })),
        removed: z.array(z.object({ name: z.string(), label: z.string(), value: z.string() })),
        unchanged: z.number().int(),
      }),
    )
    .optional(),
  /** The changes in one Dutch sentence per period. */
  summary: z.array(z.string()).optional(),
});

const figureName = z.string().regex(/^[a-z0-9_]+(\.[a-z0-9_]+)*$/, { message: 'Ongeldige naam van een bedrag.' });
const figureValue = z.string().regex(/^\d{1,9}(\.\d{1,6})?$/, { message: 'Een bedrag is een getal zoals "1401.50" (hoogstens zes decimalen).' });

export const addNormPeriodInput = z.object({
  group: z.enum(NORM_GROUPS, { message: 'Kies een normgroep.' }),
  /** First day of the period. */
  start: isoDate,
  /** Optional last day; default: the day before the next period or the next indexation date. */
  validTo: isoDate.optional(),
  status: z.enum(NORM_STATUSES).default('official'),
  figures: z.record(figureName, figureValue),
  /** Where the figures come from: a URL or a description of the publication. */
  source: z.string().trim().min(1, { message: 'Noem de bron van de bedragen (URL of omschrijving).' }).max(2000),
  note: z.string().trim().max(2000).optional(),
});

// ---------------------------------------------------------------------------------------------- documents

export const DOCUMENT_KINDS = ['budgetplan'] as const;

export const documentSummaryOut = z.object({
  id: z.string(),
  dossierId: z.string(),
  kind: z.enum(DOCUMENT_KINDS),
  fileName: z.string(),
  mime: z.string(),
  createdAt: z.number().int(),
  /** Bytes. */
  size: z.number().int(),
  referenceDate: z.string().nullable(),
  normPeriods: z.array(z.object({ group: z.enum(NORM_GROUPS), start: z.string(), end: z.string(), origin: z.enum(NORM_ORIGINS) })),
});
export type DocumentSummary = z.infer<typeof documentSummaryOut>;

export const documentContentOut = z.object({
  id: z.string(),
  dossierId: z.string(),
  fileName: z.string(),
  mime: z.string(),
  contentBase64: z.string(),
});

export const createdPlanOut = z.object({
  documentId: z.string(),
  fileName: z.string(),
  mime: z.string(),
  contentBase64: z.string(),
});

export { budgetInputsSchema };
export { normTableRefOut, type NormTableRefOut } from './budget-norm-tables';

// ---------------------------------------------------------------------------------------------- serialiser

const amountOf = (d: Decimal | null): string | null => (d === null ? null : toAmountString(d));
const exactOf = (d: Decimal | null): string | null => (d === null ? null : d.toFixed());

function tableRefOut(t: NormTableRef): NormTableRefOut {
  return normTableRefOf(
    t,
    t.figures.map((f) => ({ name: f.key, label: f.label, value: f.value, status: f.status })),
  );
}

const figureWith =
  <T>(table: (t: NormTableRef) => T) =>
  (f: Figure) => ({
    label: f.label,
    value: amountOf(f.value),
    exact: exactOf(f.value),
    explanation: { rule: f.explanation.rule, inputs: f.explanation.inputs, tables: f.explanation.tables.map(table) },
    provisional: f.provisional ?? null,
  });

/** A figure with its norm tables in full (the arrangement procedures). */
export const serializeFigure: (f: Figure) => FigureOut = figureWith(tableRefOut);

/**
 * A figure without its explanation and its unrounded value (`explanations: false`). Its norm tables are still listed,
 * in the order the full answer lists them, so `normTables` has the full answer's tables and ids (without the figures
 * read from them, which only explanations show) and the figures-only answer is exactly the full one without its
 * derivations (budget-explained.ts).
 */
const figureWithout =
  (list: (t: NormTableRef) => void) =>
  (f: Figure): WireFigure => {
    for (const t of f.explanation.tables) list(t);
    return { label: f.label, value: amountOf(f.value), provisional: f.provisional ?? null };
  };

type WireFigure = BudgetResultWire['bijstandsnorm'];

/**
 * The engine result as wire data (amounts as strings), each norm table listed once (budget-norm-tables.ts).
 * `explained` false: no explanation on any figure nor the household (the engine ran figures-only; its rule texts
 * and inputs are empty anyway), and the norm tables without the figures read from them.
 */
export function serializeBudgetResult(r: BudgetResult, explained = true): BudgetResultWire {
  const tables = new NormTableList(explained);
  const use = (t: NormTableRef) => tables.use(t);
  const fig: (f: Figure) => WireFigure = explained ? figureWith(use) : figureWithout((t) => tables.list(t));
  const byGroup = Object.fromEntries(NIBUD_GROUPS.map((g) => [g, fig(r.budget.expensesByGroup[g])])) as Record<NibudGroup, ReturnType<typeof fig>>;
  // The household's tables next, in the order the answer has always listed them.
  const h = r.household.explanation;
  let household: Pick<BudgetResultWire['household'], 'explanation'> = {};
  if (explained) household = { explanation: { rule: h.rule, inputs: h.inputs, tables: h.tables.map(use) } };
  else for (const t of h.tables) tables.list(t);
  return {
    referenceDate: r.referenceDate,
    household: {
      type: r.household.type,
      typeLabel: r.household.typeLabel,
      adults: r.household.adults.map((a) => ({ role: a.role, age: a.age, ageGroup: a.ageGroup })),
      childrenUnder18: r.household.childrenUnder18,
      kostendelers: r.household.kostendelers,
      kostendelersA: r.household.kostendelersA,
      fixedAddress: r.household.fixedAddress,
      fosterChildrenUnder18: r.household.fosterChildrenUnder18,
      addressKind: r.household.addressKind,
      aowAgeMonths: r.household.aowAgeMonths,
      ...household,
    },
    bijstandsnorm: fig(r.bijstandsnorm),
    bijstandsnormExclVakantietoeslag: fig(r.bijstandsnormExclVakantietoeslag),
    income: {
      total: fig(r.income.total),
      attachable: fig(r.income.attachable),
      nonAttachable: fig(r.income.nonAttachable),
      forAfloscapaciteit: fig(r.income.forAfloscapaciteit),
      costAllowances: fig(r.income.costAllowances),
      lines: r.income.lines.map((l) => ({
        index: l.index,
        description: l.description,
        category: l.category,
        amount: l.amount,
        frequency: l.frequency,
        instalments: l.instalments ?? null,
        attachable: l.attachable,
        treatment: l.treatment,
        counted: l.counted,
        monthly: toAmountString(l.monthly),
        monthlyExact: l.monthly.toFixed(),
      })),
    },
    beslagvrijeVoet: {
      ...fig(r.beslagvrijeVoet),
      regime: r.beslagvrijeVoet.regime,
      lowerBound: r.beslagvrijeVoet.lowerBound ? fig(r.beslagvrijeVoet.lowerBound) : null,
      upperBound: r.beslagvrijeVoet.upperBound ? fig(r.beslagvrijeVoet.upperBound) : null,
    },
    vtlb: { lines: r.vtlb.lines.map((l) => ({ kind: l.kind, figure: fig(l.figure), note: l.note })), total: fig(r.vtlb.total) },
    afloscapaciteit: fig(r.afloscapaciteit),
    children: {
      kinderbijslagExpected: fig(r.children.kinderbijslagExpected),
      kinderbijslagReceived: fig(r.children.kinderbijslagReceived),
      kgbExpected: fig(r.children.kgbExpected),
      kgbReceived: fig(r.children.kgbReceived),
      perChild: r.children.perChild.map((c) => ({
        child: c.child,
        ageOnQuarterStart: c.ageOnQuarterStart,
        band: c.band,
        kinderbijslagPerMonth: fig(c.kinderbijslagPerMonth),
        kgbSupplementBand: c.kgbSupplementBand,
      })),
    },
    budget: {
      expensesByGroup: byGroup,
      expensesTotal: fig(r.budget.expensesTotal),
      saldo: fig(r.budget.saldo),
      leefgeldPerMaand: fig(r.budget.leefgeldPerMaand),
      leefgeldPerWeek: fig(r.budget.leefgeldPerWeek),
      ...(r.budget.vakantiegeldReservering ? { vakantiegeldReservering: fig(r.budget.vakantiegeldReservering) } : {}),
      gapToNorm: fig(r.budget.gapToNorm),
      lines: r.budget.lines.map((l) => ({
        index: l.index,
        description: l.description,
        category: l.category,
        group: l.group,
        amount: l.amount,
        frequency: l.frequency,
        instalments: l.instalments ?? null,
        counted: l.counted,
        monthly: toAmountString(l.monthly),
        monthlyExact: l.monthly.toFixed(),
      })),
    },
    normPeriods: r.normPeriods.map(use),
    missingFigures: r.missingFigures.map((m) => ({
      group: m.group,
      periodStart: m.periodStart,
      name: m.key,
      label: m.label,
      listedAsMissing: m.listedAsMissing,
      message: m.message,
    })),
    warnings: r.warnings.map((w) => ({ ...w })),
    bvvBerekening: serializeBvvDetail(r.bvvBerekening, fig),
    afloscapaciteitDetail: serializeAflosDetail(r.afloscapaciteitDetail, fig),
    provisional: r.provisional ? { from: r.provisional.from, groups: [...r.provisional.groups], message: r.provisional.message } : null,
    entitlements: {
      checks: r.entitlements.checks.map((c) => ({
        scheme: c.scheme,
        label: c.label,
        expected: fig(c.expected),
        received: fig(c.received),
        difference: fig(c.difference),
        tolerance: c.tolerance === null ? null : toAmountString(c.tolerance),
        verdict: c.verdict,
        message: c.message,
      })),
    },
    normTables: tables.tables(),
  };
}

/** The engine's projection as budget.get sends it (projectionOut: the months as the screen shows them). */
export function serializeProjection(p: Projection): ProjectionOut {
  return {
    months: p.months.map((m) => ({
      month: m.month,
      covered: m.covered,
      provisional: m.provisional,
      inkomen: amountOf(m.inkomen),
      uitgaven: amountOf(m.uitgaven),
      saldo: amountOf(m.saldo),
      kostenvergoedingen: amountOf(m.kostenvergoedingen),
      afloscapaciteit: amountOf(m.afloscapaciteit),
      negative: m.negative,
      changes: [...m.changes],
    })),
    firstNegativeMonth: p.firstNegativeMonth,
    firstUncoveredMonth: p.firstUncoveredMonth,
    firstProvisionalMonth: p.firstProvisionalMonth,
  };
}
