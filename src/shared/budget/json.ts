// The CLI / JSON output format of a budget (issue 3 §3; documented in docs/budget-json.md).
// Amounts are strings with two decimals, rounded half-up here (display point); null = not computable.
import type Decimal from 'decimal.js';
import { NIBUD_GROUPS, type NibudGroup } from '../dossier/categories';
import { toAmountString } from '../money';
import type { BudgetResult } from './engine';
import type { BudgetWarning, Explanation, Figure } from './explain';
import type { NormGroup } from './norm-schema';
import type { Projection } from './projection';
import { costAllowancesOf } from './lines';

export const BUDGET_JSON_FORMAT = 'houvast.budget' as const;
export const BUDGET_JSON_VERSION = 1 as const;

export type JsonAmount = string | null;

export interface JsonNormPeriod {
  start: string;
  end: string;
  status: string;
  origin: 'bundled' | 'user';
  source: string[];
  /** Set when the period is used past its end (voorlopig, issue 7). */
  provisionalFrom?: string;
}

export interface BudgetJson extends BvvVtlbJson {
  format: typeof BUDGET_JSON_FORMAT;
  version: typeof BUDGET_JSON_VERSION;
  referenceDate: string;
  normPeriod: Partial<Record<NormGroup, JsonNormPeriod>>;
  householdType: string;
  householdTypeLabel: string;
  ageGroups: string[];
  kostendelers: number;
  bijstandsnorm: JsonAmount;
  bijstandsnormExclVakantietoeslag: JsonAmount;
  beslagvrijeVoet: JsonAmount;
  beslagvrijeVoetRegime: string;
  beslagvrijeVoetGrenzen: { ondergrens: JsonAmount; bovengrens: JsonAmount } | null;
  pglCorrectie: JsonAmount;
  vtlbCorrecties: { soort: string; omschrijving: string; bedrag: JsonAmount; toelichting: string | null }[];
  vtlb: JsonAmount;
  afloscapaciteit: JsonAmount;
  inkomenPerMaand: JsonAmount;
  beslagbaarInkomenPerMaand: JsonAmount;
  nietBeslagbaarInkomenPerMaand: JsonAmount;
  uitgavenPerMaand: JsonAmount;
  uitgavenPerGroep: Record<NibudGroup, JsonAmount>;
  saldoPerMaand: JsonAmount;
  leefgeldPerMaand: JsonAmount;
  leefgeldPerWeek: JsonAmount;
  verschilMetBijstandsnorm: JsonAmount;
  kinderbijslagVerwacht: JsonAmount;
  kinderbijslagOntvangen: JsonAmount;
  kindgebondenBudgetVerwacht: JsonAmount;
  kindgebondenBudgetOntvangen: JsonAmount;
  ontbrekendeNormbedragen: { group: string; periodStart: string; key: string; label: string }[];
  warnings: BudgetWarning[];
  explanation: Record<string, Explanation & { label: string; value: JsonAmount; voorlopig?: string }>;
  projectie?: {
    month: string;
    covered: boolean;
    reason: string | null;
    voorlopig: string | null;
    inkomen: JsonAmount;
    uitgaven: JsonAmount;
    saldo: JsonAmount;
    leefgeld: JsonAmount;
    kostenvergoedingen: JsonAmount;
    vakantiegeld: JsonAmount;
    kindgebondenBudgetVerwacht: JsonAmount;
    bijstandsnorm: JsonAmount;
    afloscapaciteit: JsonAmount;
    kinderbijslagVerwacht: JsonAmount;
    negative: boolean;
    changes: string[];
  }[];
  eersteTekortMaand?: string | null;
  /** Issue 7: "voorlopig: de normen per … zijn nog niet gepubliceerd" when norms were used past their period. */
  voorlopig?: string | null;
  // --- figures that add up and entitlement checks (issue 6 parts 3, 5) ---
  /** Cost allowances per month (in the saldo and leefgeld, not income). */
  kostenvergoedingenPerMaand?: JsonAmount;
  /** Kinderbijslag expected per child: the parts of `kinderbijslagVerwacht`. */
  kinderbijslagPerKind?: { kind: number; leeftijdsgroep: string | null; bedrag: JsonAmount }[];
  /** Expected against received per scheme. */
  aanspraken?: JsonEntitlement[];
  /** Vakantiegeld per year / 12 (input): reserved per month, paid in its month. */
  vakantiegeldReserveringPerMaand?: JsonAmount;
}

export interface JsonEntitlement {
  regeling: string;
  label: string;
  verwacht: JsonAmount;
  ontvangen: JsonAmount;
  /** ontvangen − verwacht. */
  verschil: JsonAmount;
  marge: JsonAmount;
  oordeel: string;
  toelichting: string;
  voorlopig: string | null;
}

const amt = (d: Decimal | null | undefined): JsonAmount => (d === null || d === undefined ? null : toAmountString(d));
const val = (f: Figure | null): JsonAmount => (f === null ? null : amt(f.value));

// --- BVV above the norm and VTLB (issue 6 parts 1-2) ---
export interface BvvVtlbJson {
  /** C per adult, as entered (null = not entered). */
  /** `totaal`: C as the engine counts it (the partner only in a couple); null while a figure it needs is missing. */
  belastbaarInkomenPerJaar: { aanvrager: JsonAmount; partner: JsonAmount; totaal: JsonAmount };
  /** The BVV step by step as the rekenmodule shows it; null for the no-address rule. */
  beslagvrijeVoetBerekening: {
    vorm: 'lineair' | 'kwadratisch' | null;
    leefsituatie: string;
    beslagOp: string;
    inkomenSchuldenaar: JsonAmount;
    stappen: { soort: string; omschrijving: string; bedrag: JsonAmount }[];
    opgave: { bedrag: JsonAmount; datum: string; door: string; verschil: JsonAmount; wijktAf: boolean } | null;
  } | null;
  afloscapaciteitLooptijd: {
    looptijdMaanden: number;
    vakantiegeldPerMaand: JsonAmount;
    maandelijkseAfdracht: JsonAmount;
    vakantiegeldOverLooptijd: JsonAmount;
    totaalOverLooptijd: JsonAmount;
  };
}

function vtlbExplained(r: BudgetResult): [string, Figure][] {
  let n = 0;
  return r.vtlb.lines.map((l): [string, Figure] => [l.kind === 'basis' ? 'vtlbBasis' : l.kind === 'pgl' ? 'pglCorrectie' : `vtlbCorrectie${++n}`, l.figure]);
}

function bvvVtlbJson(r: BudgetResult): BvvVtlbJson {
  const b = r.bvvBerekening;
  const a = r.afloscapaciteitDetail;
  const c = b?.belastbaarInkomen.explanation.inputs ?? {};
  const asAmount = (v: unknown): JsonAmount => (typeof v === 'string' ? v : null);
  return {
    belastbaarInkomenPerJaar: { aanvrager: asAmount(c['aanvrager']), partner: asAmount(c['partner']), totaal: b ? val(b.belastbaarInkomen) : null },
    beslagvrijeVoetBerekening: b
      ? {
          vorm: b.vorm,
          leefsituatie: b.leefsituatie,
          beslagOp: b.beslagOp,
          inkomenSchuldenaar: val(b.inkomenSchuldenaar),
          stappen: b.steps.map((st) => ({ soort: st.kind, omschrijving: st.figure.label, bedrag: val(st.figure) })),
          opgave: b.opgave
            ? { bedrag: amt(b.opgave.amount), datum: b.opgave.date, door: b.opgave.statedBy, verschil: amt(b.opgave.difference), wijktAf: b.opgave.differs }
            : null,
        }
      : null,
    afloscapaciteitLooptijd: {
      looptijdMaanden: a.looptijdMaanden,
      vakantiegeldPerMaand: val(a.vakantiegeldPerMaand),
      maandelijkseAfdracht: val(a.maandelijks),
      vakantiegeldOverLooptijd: val(a.vakantiegeldOverLooptijd),
      totaalOverLooptijd: val(a.totaalOverLooptijd),
    },
  };
}
// --- end BVV / VTLB ---

/** The names of the JSON view that the presenter's sections read (presenter/budget.ts). */
type SectionAmountName =
  | 'bijstandsnorm'
  | 'inkomenPerMaand'
  | 'beslagbaarInkomenPerMaand'
  | 'nietBeslagbaarInkomenPerMaand'
  | 'uitgavenPerMaand'
  | 'uitgavenPerGroep'
  | 'saldoPerMaand'
  | 'leefgeldPerMaand'
  | 'verschilMetBijstandsnorm'
  | 'kinderbijslagVerwacht'
  | 'kostenvergoedingenPerMaand'
  | 'kinderbijslagPerKind'
  | 'aanspraken'
  | 'vakantiegeldReserveringPerMaand';

/**
 * What the sections are built from: those amounts and, of the explanations, only whether a figure is provisional.
 * The whole JSON view is one (the CLI and the PDF pass it); budget.get builds only this part: building every
 * explanation entry only to read two of them cost about a tenth of the call.
 */
export type SectionFigures = Pick<BudgetJson, SectionAmountName> & {
  explanation: Readonly<Record<string, { voorlopig?: string } | undefined>>;
};

export function sectionFiguresOf(r: BudgetResult): SectionFigures {
  const provisional = (f: Figure) => (f.provisional ? { voorlopig: f.provisional } : {});
  return {
    ...sectionAmountsOf(r),
    explanation: { kinderbijslagVerwacht: provisional(r.children.kinderbijslagExpected), verschilMetBijstandsnorm: provisional(r.budget.gapToNorm) },
  };
}

function sectionAmountsOf(r: BudgetResult): Pick<BudgetJson, SectionAmountName> {
  return {
    bijstandsnorm: val(r.bijstandsnorm),
    inkomenPerMaand: val(r.income.total),
    beslagbaarInkomenPerMaand: val(r.income.attachable),
    nietBeslagbaarInkomenPerMaand: val(r.income.nonAttachable),
    uitgavenPerMaand: val(r.budget.expensesTotal),
    uitgavenPerGroep: Object.fromEntries(NIBUD_GROUPS.map((g) => [g, val(r.budget.expensesByGroup[g])])) as Record<NibudGroup, JsonAmount>,
    saldoPerMaand: val(r.budget.saldo),
    leefgeldPerMaand: val(r.budget.leefgeldPerMaand),
    verschilMetBijstandsnorm: val(r.budget.gapToNorm),
    kinderbijslagVerwacht: val(r.children.kinderbijslagExpected),
    ...addsUpJson(r),
  };
}

export function toBudgetJson(r: BudgetResult, projection?: Projection): BudgetJson {
  const normPeriod: BudgetJson['normPeriod'] = {};
  for (const t of r.normPeriods) {
    // One period per group on a single reference date; kinderbijslag uses the quarter start (same half-year).
    normPeriod[t.group] = { start: t.periodStart, end: t.periodEnd, status: t.status, origin: t.origin, source: t.source, ...(t.provisionalFrom ? { provisionalFrom: t.provisionalFrom } : {}) };
  }
  const explained: [string, Figure][] = [
    ['bijstandsnorm', r.bijstandsnorm],
    ['bijstandsnormExclVakantietoeslag', r.bijstandsnormExclVakantietoeslag],
    ['beslagvrijeVoet', r.beslagvrijeVoet],
    ...(r.beslagvrijeVoet.lowerBound ? ([['beslagvrijeVoetOndergrens', r.beslagvrijeVoet.lowerBound]] as [string, Figure][]) : []),
    ...(r.beslagvrijeVoet.upperBound ? ([['beslagvrijeVoetBovengrens', r.beslagvrijeVoet.upperBound]] as [string, Figure][]) : []),
    ...vtlbExplained(r),
    ...(r.bvvBerekening ? r.bvvBerekening.steps.map((st): [string, Figure] => [`bvvStap_${st.kind}`, st.figure]) : []),
    ['vtlb', r.vtlb.total],
    ['afloscapaciteit', r.afloscapaciteit],
    ['inkomenPerMaand', r.income.total],
    ['beslagbaarInkomenPerMaand', r.income.attachable],
    ['nietBeslagbaarInkomenPerMaand', r.income.nonAttachable],
    ['inkomenVoorAfloscapaciteit', r.income.forAfloscapaciteit],
    ['uitgavenPerMaand', r.budget.expensesTotal],
    ...NIBUD_GROUPS.map((g): [string, Figure] => [`uitgaven_${g}`, r.budget.expensesByGroup[g]]),
    ['saldoPerMaand', r.budget.saldo],
    ['leefgeldPerMaand', r.budget.leefgeldPerMaand],
    ...(r.budget.vakantiegeldReservering ? ([['vakantiegeldReserveringPerMaand', r.budget.vakantiegeldReservering]] as [string, Figure][]) : []),
    ['leefgeldPerWeek', r.budget.leefgeldPerWeek],
    ['verschilMetBijstandsnorm', r.budget.gapToNorm],
    ['kinderbijslagVerwacht', r.children.kinderbijslagExpected],
    ['kinderbijslagOntvangen', r.children.kinderbijslagReceived],
    ['kindgebondenBudgetVerwacht', r.children.kgbExpected],
    ...r.entitlements.checks.filter((c) => c.scheme === 'zorgtoeslag').map((c): [string, Figure] => ['zorgtoeslagVerwacht', c.expected]),
  ];
  const a = sectionAmountsOf(r);
  const out: BudgetJson = {
    format: BUDGET_JSON_FORMAT,
    version: BUDGET_JSON_VERSION,
    referenceDate: r.referenceDate,
    normPeriod,
    householdType: r.household.type,
    householdTypeLabel: r.household.typeLabel,
    ageGroups: r.household.adults.map((a) => `${a.role}: ${a.ageGroup}`),
    kostendelers: r.household.kostendelers,
    bijstandsnorm: a.bijstandsnorm,
    bijstandsnormExclVakantietoeslag: val(r.bijstandsnormExclVakantietoeslag),
    beslagvrijeVoet: val(r.beslagvrijeVoet),
    beslagvrijeVoetRegime: r.beslagvrijeVoet.regime,
    beslagvrijeVoetGrenzen: r.beslagvrijeVoet.lowerBound
      ? { ondergrens: val(r.beslagvrijeVoet.lowerBound), bovengrens: r.beslagvrijeVoet.upperBound ? val(r.beslagvrijeVoet.upperBound) : null }
      : null,
    pglCorrectie: val(r.vtlb.lines.find((l) => l.kind === 'pgl')?.figure ?? null),
    vtlbCorrecties: r.vtlb.lines.filter((l) => l.kind !== 'basis' && l.kind !== 'pgl').map((l) => ({ soort: l.kind, omschrijving: l.figure.label, bedrag: val(l.figure), toelichting: l.note })),
    ...bvvVtlbJson(r),
    vtlb: val(r.vtlb.total),
    afloscapaciteit: val(r.afloscapaciteit),
    inkomenPerMaand: a.inkomenPerMaand,
    beslagbaarInkomenPerMaand: a.beslagbaarInkomenPerMaand,
    nietBeslagbaarInkomenPerMaand: a.nietBeslagbaarInkomenPerMaand,
    uitgavenPerMaand: a.uitgavenPerMaand,
    uitgavenPerGroep: a.uitgavenPerGroep,
    saldoPerMaand: a.saldoPerMaand,
    leefgeldPerMaand: a.leefgeldPerMaand,
    leefgeldPerWeek: val(r.budget.leefgeldPerWeek),
    verschilMetBijstandsnorm: a.verschilMetBijstandsnorm,
    kinderbijslagVerwacht: a.kinderbijslagVerwacht,
    kinderbijslagOntvangen: val(r.children.kinderbijslagReceived),
    kindgebondenBudgetVerwacht: val(r.children.kgbExpected),
    kindgebondenBudgetOntvangen: val(r.children.kgbReceived),
    ontbrekendeNormbedragen: r.missingFigures.map((m) => ({ group: m.group, periodStart: m.periodStart, key: m.key, label: m.label })),
    warnings: r.warnings,
    voorlopig: r.provisional?.message ?? null,
    vakantiegeldReserveringPerMaand: a.vakantiegeldReserveringPerMaand,
    kostenvergoedingenPerMaand: a.kostenvergoedingenPerMaand,
    kinderbijslagPerKind: a.kinderbijslagPerKind,
    aanspraken: a.aanspraken,
    explanation: Object.fromEntries(
      explained.map(([k, f]) => [k, { label: f.label, value: val(f), ...f.explanation, ...(f.provisional ? { voorlopig: f.provisional } : {}) }]),
    ),
  };
  if (projection) {
    out.projectie = projection.months.map((m) => ({
      month: m.month,
      covered: m.covered,
      reason: m.reason,
      voorlopig: m.provisional,
      inkomen: amt(m.inkomen),
      uitgaven: amt(m.uitgaven),
      saldo: amt(m.saldo),
      leefgeld: amt(m.leefgeld),
      kostenvergoedingen: amt(m.kostenvergoedingen),
      vakantiegeld: amt(m.vakantiegeld),
      kindgebondenBudgetVerwacht: amt(m.kgbVerwacht),
      bijstandsnorm: amt(m.bijstandsnorm),
      afloscapaciteit: amt(m.afloscapaciteit),
      kinderbijslagVerwacht: amt(m.kinderbijslagVerwacht),
      negative: m.negative,
      changes: m.changes,
    }));
    out.eersteTekortMaand = projection.firstNegativeMonth;
  }
  return out;
}

// --- figures that add up and entitlement checks (issue 6 parts 3, 5) ---
function addsUpJson(r: BudgetResult): Pick<BudgetJson, 'kostenvergoedingenPerMaand' | 'kinderbijslagPerKind' | 'aanspraken' | 'vakantiegeldReserveringPerMaand'> {
  return {
    vakantiegeldReserveringPerMaand: r.budget.vakantiegeldReservering ? val(r.budget.vakantiegeldReservering) : null,
    kostenvergoedingenPerMaand: amt(costAllowancesOf(r)),
    kinderbijslagPerKind: r.children.perChild.map((c) => ({ kind: c.child, leeftijdsgroep: c.band, bedrag: val(c.kinderbijslagPerMonth) })),
    aanspraken: r.entitlements.checks.map((c) => ({
      regeling: c.scheme,
      label: c.label,
      verwacht: val(c.expected),
      ontvangen: val(c.received),
      verschil: val(c.difference),
      marge: amt(c.tolerance),
      oordeel: c.verdict,
      toelichting: c.message,
      voorlopig: c.expected.provisional ?? null,
    })),
  };
}
