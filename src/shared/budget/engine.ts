// The budget rules engine: pure, no I/O. For a dossier, the budget inputs and a NormSet it computes the
// bijstandsnorm, income, beslagvrije voet (2021 rules), VTLB, afloscapaciteit, child benefits check and the
// Nibud budget, each figure with its explanation. Rounding points are listed in README.md (same folder).
import type Decimal from 'decimal.js';
import { ageOn, formatNlDate, lastDayOfPreviousMonth, quarterStartOf } from '../dates';
import type { DossierData } from '../dossier/schema';
import type { BudgetDossier } from './household';
import {
  EXPENSE_CATEGORY_GROUP,
  EXPENSE_CATEGORY_LABELS,
  INCOME_CATEGORY_LABELS,
  NIBUD_GROUP_LABELS,
  NIBUD_GROUPS,
  NON_ATTACHABLE_INCOME,
  VTLB_CORRECTION_EXPENSES,
  incomeTreatment,
  type IncomeTreatment,
  type ExpenseCategory,
  type IncomeCategory,
  type NibudGroup,
} from '../dossier/categories';
import { toMonthly, FREQUENCY_LABELS, type Frequency } from '../frequency';
import { Memo } from '../memo';
import { formatEuro, Money, roundCents, roundCentsRatio, sum, ZERO } from '../money';
import { explains, figure, figuresOnly, fmt, fmtNorm, lineInputs, NO_INPUTS, type BudgetWarning, type Figure, type InputValue } from './explain';
import {
  AGE_GROUP_LABELS,
  childInHousehold,
  determineHousehold,
  HOUSEHOLD_TYPE_LABELS,
  noChildBenefitReason,
  type Household,
} from './household';
import {
  VTLB_CORRECTION_LABELS,
  type BudgetInputs,
  type VtlbCorrectionKind,
} from './inputs';
import { activeOn, monthlyLine } from './lines';
import { applyProvisional, type ProvisionalInfo } from './provisional';
import { plausibilityWarnings } from './plausibility';
import { vakantiegeldSource, type VakantiegeldSource } from './vakantiegeld';
import { atBijstandLevel, checkEntitlements, entitlementBasis, kgbAfbouw, type EntitlementBasis, type Entitlements } from './entitlements';
import { kostendelersHouseholdNorm, verhoging1820 } from './kostendelers';
// BVV above the norm and VTLB (issue 6 parts 1-2) live in their own modules.
import { computeBeslagvrijeVoet, debtorIncomeOf, type BvvDetail } from './bvv';
import { afloscapaciteitDetail, computeVtlbBlocks, countedMonthly, lineAmounts, type AflosDetail } from './vtlb';
import { copyRef, findPeriod, fromNorm, NormUse, QUARTER_TO_MONTH, selectGroupPeriod, type MissingFigure, type NormSet, type NormTableRef, type ResolvedPeriod } from './norms';

/** Fractions fixed by law (not indexed), so they live in code with their article. */
export const HOLIDAY_PAY_EXCL_FRACTION = new Money('0.95'); // RULES.md a.1 (5 % of the norm incl., as published)
export const NUL_AANBOD_SINCE = '2024-07-01'; // NVVK Gedragscode, RULES.md d.1
/** Housemates count as kostendelers from this age (art. 22a Participatiewet since 2023; RULES.md i). */
export const KOSTENDELER_AGE = 27;

export interface IncomeLine {
  index: number;
  description: string;
  category: IncomeCategory;
  amount: string;
  frequency: Frequency;
  attachable: boolean;
  /** "kostenvergoeding" (pleegvergoeding, bijzondere bijstand, pgb): not income, only in the saldo. */
  treatment: IncomeTreatment;
  instalments?: number | null;
  /** Whether the line counts on the reference date (start/end dates). */
  counted: boolean;
  monthly: Decimal;
}

export interface ExpenseLine {
  index: number;
  description: string;
  category: ExpenseCategory;
  group: NibudGroup;
  amount: string;
  frequency: Frequency;
  instalments?: number | null;
  counted: boolean;
  monthly: Decimal;
}

export interface VtlbLine {
  kind: VtlbCorrectionKind | 'basis' | 'pgl';
  figure: Figure;
  note: string | null;
}

export interface ChildBenefitLine {
  /** 1-based position of the child in the dossier (no names in results). */
  child: number;
  ageOnQuarterStart: number | null;
  band: '0-5' | '6-11' | '12-17' | null;
  kinderbijslagPerMonth: Figure;
  kgbSupplementBand: '12-15' | '16-17' | null;
}

export type BvvRegime = 'inkomen_tot_norm' | 'inkomen_boven_norm' | 'geen_vast_adres' | 'onbekend';

export interface BudgetResult {
  referenceDate: string;
  household: Household & { typeLabel: string; explanation: Figure['explanation'] };
  bijstandsnorm: Figure;
  bijstandsnormExclVakantietoeslag: Figure;
  income: {
    total: Figure;
    attachable: Figure;
    nonAttachable: Figure;
    forAfloscapaciteit: Figure;
    /** Cost allowances (pleegvergoeding, bijzondere bijstand, pgb): not income; counted in the saldo only. */
    costAllowances: Figure;
    lines: IncomeLine[];
  };
  beslagvrijeVoet: Figure & { regime: BvvRegime; lowerBound: Figure | null; upperBound: Figure | null };
  vtlb: { lines: VtlbLine[]; total: Figure };
  afloscapaciteit: Figure;
  children: {
    kinderbijslagExpected: Figure;
    kinderbijslagReceived: Figure;
    kgbExpected: Figure;
    kgbReceived: Figure;
    perChild: ChildBenefitLine[];
  };
  budget: {
    expensesByGroup: Record<NibudGroup, Figure>;
    expensesTotal: Figure;
    saldo: Figure;
    /** Income − vaste lasten − reserveringsuitgaven. */
    leefgeldPerMaand: Figure;
    leefgeldPerWeek: Figure;
    gapToNorm: Figure;
    /** Vakantiegeld reserved per month, from the one source (vakantiegeld.ts): not leefgeld. */
    vakantiegeldReservering: Figure;
    lines: ExpenseLine[];
  };
  /** Every table period the calculation consulted (for the header of a report). */
  normPeriods: NormTableRef[];
  missingFigures: MissingFigure[];
  warnings: BudgetWarning[];
  /** Set when a norm table was used past its last period (issue 7); every norm-based figure is marked. */
  provisional: ProvisionalInfo | null;
  /** Kinderbijslag, kindgebonden budget and zorgtoeslag: expected against received (issue 6 part 5). */
  entitlements: Entitlements;
  // --- BVV above the norm and VTLB (issue 6 parts 1-2) ---
  /** The BVV as the rekenmodule builds it (steps, stated-BVV check); null for the no-address rule. */
  bvvBerekening: BvvDetail | null;
  /** Afloscapaciteit with the vakantiegeld share over the term of an arrangement. */
  afloscapaciteitDetail: AflosDetail;
  /** The one vakantiegeld source (vakantiegeld.ts): where it came from, the month it is paid and the amount then. */
  vakantiegeld: { bron: VakantiegeldSource['bron']; maand: number; perJaar: Decimal };
}

/**
 * localeCompare's order without its cost per call: String.prototype.localeCompare with no arguments is specified
 * (ECMA-402) as the compare of a new Intl.Collator() with no arguments, so one made once compares the same.
 */
const COLLATOR = new Intl.Collator();

/**
 * The collator's order of two norm strings (table group names, period starts), remembered: every run sorts the same
 * few (normPeriods), and a collation costs more than two lookups. Norm data only; bounded and forgotten on lock.
 */
const COLLATED = new Memo<string, Map<string, number>>('norms.collation', 1_000);

function collate(a: string, b: string): number {
  if (a === b) return 0;
  let byOther = COLLATED.get(a);
  let order = byOther?.get(b);
  if (order === undefined) {
    order = COLLATOR.compare(a, b);
    if (byOther === undefined) COLLATED.set(a, (byOther = new Map()));
    byOther.set(b, order);
  }
  return order;
}

const bvvMaxKey = (h: Household): string =>
  h.type === 'alleenstaande' ? 'single' : h.type === 'alleenstaande_ouder' ? 'single_parent' : h.childrenUnder18 > 0 ? 'couple_with_children' : 'couple_no_children';

interface NormKey {
  /** Table key of the norm incl. vakantietoeslag. */
  key: string;
  /** The same key excl. vakantietoeslag (not every table has it). */
  exclKey: string;
  article: string;
}

/** Each norm key once, with its excl. key worked out once rather than for every household. */
function normKeyEntry(key: string, article: string): NormKey {
  return { key, exclKey: key.replace('incl_holiday_pay', 'excl_holiday_pay'), article };
}

const NORM_KEYS = {
  aowSingle: normKeyEntry('aow_age.single.incl_holiday_pay', 'art. 22 onderdeel a'),
  single: normKeyEntry('age_21_to_aow.single.incl_holiday_pay', 'art. 21 onderdeel a'),
  youngSingle: normKeyEntry('age_18_to_20.single.incl_holiday_pay', 'art. 20 lid 1 onderdeel a/b'),
  bothYoung: {
    with_children: normKeyEntry('age_18_to_20.couple_both_18_20_with_children.incl_holiday_pay', 'art. 20 lid 1'),
    no_children: normKeyEntry('age_18_to_20.couple_both_18_20_no_children.incl_holiday_pay', 'art. 20 lid 1'),
  },
  oneYoung: {
    with_children: normKeyEntry('age_18_to_20.couple_one_18_20_one_21plus_with_children.incl_holiday_pay', 'art. 20 lid 1'),
    no_children: normKeyEntry('age_18_to_20.couple_one_18_20_one_21plus_no_children.incl_holiday_pay', 'art. 20 lid 1'),
  },
  aowCouple: normKeyEntry('aow_age.couple.incl_holiday_pay', 'art. 22 onderdeel b'),
  oneAow: normKeyEntry('aow_age.couple_one_aow_other_21plus.incl_holiday_pay', 'art. 22 onderdeel c'),
  couple: normKeyEntry('age_21_to_aow.couple.incl_holiday_pay', 'art. 21 onderdeel b'),
} as const;

/** Table key of the bijstandsnorm (incl. VT) for the household without kostendelers; null when no table has one. */
function normKey(h: Household): NormKey | null {
  const groups = h.adults.map((a) => a.ageGroup);
  const kids = h.childrenUnder18 > 0 ? 'with_children' : 'no_children';
  if (groups.length === 1) {
    const g = groups[0]!;
    if (g === 'aow') return NORM_KEYS.aowSingle;
    if (g === '21-aow') return NORM_KEYS.single;
    return NORM_KEYS.youngSingle;
  }
  const aow = groups.filter((g) => g === 'aow').length;
  const young = groups.filter((g) => g === '18-20').length;
  if (young === 2) return NORM_KEYS.bothYoung[kids];
  if (young === 1) return NORM_KEYS.oneYoung[kids];
  if (aow === 2) return NORM_KEYS.aowCouple;
  if (aow === 1) return NORM_KEYS.oneAow;
  return NORM_KEYS.couple;
}

interface Ctx {
  norms: NormSet;
  date: string;
  /** Toetsingsinkomen and bijstand level for the entitlement checks (entitlements.ts, issue 6 part 5). */
  entitlementBasis?: EntitlementBasis;
  warnings: BudgetWarning[];
  missing: MissingFigure[];
  used: UsedTables;
  /** The BVV computation step by step (bvv.ts); null for the no-address rule. */
  bvvDetail?: BvvDetail | null;
  /** Expense lines counted on the reference date, for the woonkosten of the BVV and the VTLB. */
  expenseLines?: ExpenseLine[];
}

/**
 * The table periods a result used, one per group and period start. Looked up by those two strings of the period
 * itself (their hashes are kept with them) rather than by a key concatenated anew for every figure.
 */
class UsedTables {
  private readonly byGroup = new Map<string, Map<string, NormTableRef>>();

  get(group: string, periodStart: string): NormTableRef | undefined {
    return this.byGroup.get(group)?.get(periodStart);
  }

  set(ref: NormTableRef): void {
    let byStart = this.byGroup.get(ref.group);
    if (byStart === undefined) this.byGroup.set(ref.group, (byStart = new Map()));
    byStart.set(ref.periodStart, ref);
  }

  values(): NormTableRef[] {
    const out: NormTableRef[] = [];
    for (const byStart of this.byGroup.values()) for (const ref of byStart.values()) out.push(ref);
    return out;
  }
}

function collect(ctx: Ctx, use: NormUse): NormTableRef[] {
  const refs = use.tables();
  for (const r of refs) {
    const prev = ctx.used.get(r.group, r.periodStart);
    if (!prev) ctx.used.set(copyRef(r));
    else for (const f of r.figures) if (!prev.figures.some((x) => x.key === f.key)) prev.figures.push(f);
  }
  for (const m of use.missing) {
    if (!ctx.missing.some((x) => x.key === m.key && x.group === m.group && x.periodStart === m.periodStart)) {
      ctx.missing.push(m);
      ctx.warnings.push({ code: 'NORMBEDRAG_ONTBREEKT', message: m.message });
    }
  }
  return refs;
}

function warn(ctx: Ctx, code: string, message: string, fig?: string): void {
  ctx.warnings.push(fig === undefined ? { code, message } : { code, message, figure: fig });
}

// ---------------------------------------------------------------------------------------------- bijstandsnorm

function computeNorm(ctx: Ctx, h: Household, bijstand: ResolvedPeriod, verhoging = false): { incl: Figure; excl: Figure } {
  const use = new NormUse(ctx.norms);
  const nk = normKey(h);
  // Figures only (explain.ts): no inputs are shown, so none are built (Object.assign below then adds to a fresh {}).
  const inputs: Record<string, InputValue> = !explains()
    ? {}
    : {
        huishouden: HOUSEHOLD_TYPE_LABELS[h.type],
        leeftijdsgroepen: h.adults.map((a) => `${a.role}: ${AGE_GROUP_LABELS[a.ageGroup]}`).join('; '),
        'kinderen jonger dan 18': h.childrenUnder18,
        kostendelers: h.kostendelers,
      };
  let incl: Decimal | null = null;
  let rule: string;
  let exclFromTable: Decimal | null = null;
  const kd = kostendelersHouseholdNorm(h, bijstand, use);
  if (kd !== null) {
    // Kostendelersnorm by its formula for every period (kostendelers.ts).
    Object.assign(inputs, kd.inputs);
    inputs['aantal volwassenen in het huishouden'] = h.adults.length;
    rule = kd.rule;
    incl = kd.incl;
  } else if (nk === null) {
    rule = 'Geen norm voor deze samenstelling.';
  } else {
    incl = use.figure(bijstand, nk.key);
    rule =
      `Bijstandsnorm incl. vakantietoeslag, Participatiewet ${nk.article}, uit de tabel voor de periode. ` +
      'Alleenstaande en alleenstaande ouder hebben dezelfde norm; het gepubliceerde bedrag wordt gebruikt, nooit herberekend.';
    const exclKey = nk.exclKey;
    if (use.has(bijstand, exclKey)) exclFromTable = use.figure(bijstand, exclKey);
  }
  if (h.kostendelersA !== null && kd === null) {
    rule += ' Geen kostendelersnorm: die geldt niet voor een aanvrager van 18 t/m 20 jaar (art. 22a); de kostendelers tellen niet mee.';
  }
  if (verhoging && h.adults.length === 1 && h.adults[0]!.ageGroup === '18-20' && incl !== null) {
    const v = verhoging1820(incl, bijstand, use);
    incl = v.incl;
    rule += v.rule;
    Object.assign(inputs, v.inputs);
    exclFromTable = null;
  } else if (verhoging && h.adults.some((a) => a.ageGroup === '18-20')) {
    warn(ctx, 'VERHOGING_18_20_NIET_TOEGEPAST', 'De verhoging van art. 20 lid 3 is alleen toegepast voor een alleenstaande (ouder) van 18 t/m 20 jaar; voor dit huishouden niet.', 'bijstandsnorm');
  }
  if (h.adults.some((a) => a.age < 18)) {
    warn(ctx, 'JONGER_DAN_18', 'Een volwassene in het dossier is jonger dan 18 jaar; de 18-20-norm is gebruikt.');
  }
  const inclRefs = collect(ctx, use);
  const inclFig = figure('Bijstandsnorm (incl. vakantietoeslag)', incl, rule, inputs, inclRefs);

  let exclFig: Figure;
  if (exclFromTable !== null) {
    exclFig = figure('Bijstandsnorm (excl. vakantietoeslag)', exclFromTable, 'Bedrag excl. vakantietoeslag uit de tabel (zie status: vaak afgeleid als 95 % van de norm incl.).', { 'norm incl. vakantietoeslag': fmt(incl) }, inclRefs);
  } else if (incl !== null) {
    const excl = roundCents(incl.times(HOLIDAY_PAY_EXCL_FRACTION));
    exclFig = figure(
      'Bijstandsnorm (excl. vakantietoeslag)',
      excl,
      // RULES.md a.1: the 4,8 % / 5 % question is a note for the table maintainers; users read the 5 % rule only.
      'Afgeleid (geen gepubliceerd bedrag): norm incl. vakantietoeslag × 0,95, half-up afgerond op centen; ' +
        'vakantietoeslag 5 % (zoals in de gepubliceerde normbedragen).',
      { 'norm incl. vakantietoeslag': fmt(incl), factor: '0.95', status: 'afgeleid' },
      inclRefs,
    );
  } else {
    exclFig = figure('Bijstandsnorm (excl. vakantietoeslag)', null, 'Niet te berekenen: de norm incl. vakantietoeslag ontbreekt.', {}, inclRefs);
  }
  return { incl: inclFig, excl: exclFig };
}

// ---------------------------------------------------------------------------------------------- income

function computeIncome(ctx: Ctx, dossier: BudgetDossier, debtor: BudgetInputs['beslagOp']): BudgetResult['income'] {
  const lines: IncomeLine[] = dossier.incomes.map((i, index) => ({
    index,
    description: i.description,
    category: i.category,
    amount: i.amount,
    frequency: i.frequency,
    attachable: !NON_ATTACHABLE_INCOME.has(i.category),
    treatment: incomeTreatment(i.category),
    instalments: i.instalments ?? null,
    counted: activeOn(i, ctx.date),
    monthly: monthlyLine(i.amount, i.frequency, i.instalments),
  }));
  const allowances = lines.filter((l) => l.counted && l.treatment === 'kostenvergoeding');
  const counted = lines.filter((l) => l.counted && l.treatment === 'inkomen');
  const att = sum(counted.filter((l) => l.attachable).map((l) => l.monthly));
  const non = sum(counted.filter((l) => !l.attachable).map((l) => l.monthly));
  const total = att.plus(non);
  // The afloscapaciteit counts the debtor's attachable income: the household's, or one partner's when the beslag
  // is on that partner alone (the same income the BVV is computed from). Toeslagen and child benefits stay out.
  const forAflos = debtor === 'huishouden' ? att : debtorIncomeOf(lines, dossier, debtor);
  // Each line's entry once: five figures list (some of) the same lines.
  const entries = new Map<IncomeLine, [string, InputValue]>();
  const entryOf = (l: IncomeLine): [string, InputValue] => {
    let e = entries.get(l);
    if (!e) entries.set(l, (e = [`${l.index + 1}. ${INCOME_CATEGORY_LABELS[l.category]} (${formatEuro(l.amount)} ${FREQUENCY_LABELS[l.frequency]})`, fmt(l.monthly)]));
    return e;
  };
  const inputsOf = (ls: IncomeLine[]): Record<string, InputValue> => (!explains() ? NO_INPUTS : lineInputs(ls.map(entryOf)));
  // Each distinct list of lines once: the attachable lines are those of two figures, and often all counted lines.
  const attachableLines = counted.filter((l) => l.attachable);
  const countedInputs = inputsOf(counted);
  const attachableInputs = attachableLines.length === counted.length ? countedInputs : inputsOf(attachableLines);
  const skipped = lines.filter((l) => !l.counted).length;
  const normRule =
    'Elk bedrag omgerekend naar een maand (per week × 52/12, per vier weken × 13/12, per kwartaal / 3, per jaar / 12) en per post één keer ' +
    'half-up afgerond op centen; de som is de som van die afgeronde bedragen. Posten buiten hun begin- en einddatum op de peildatum tellen niet mee' +
    (skipped > 0 ? ` (${skipped} post(en) niet meegeteld).` : '.');
  return {
    lines,
    total: figure('Inkomen per maand', total, `Som van alle inkomsten per maand (zonder kostenvergoedingen). ${normRule}`, countedInputs),
    costAllowances: figure(
      'Kostenvergoedingen per maand',
      sum(allowances.map((l) => l.monthly)),
      'Pleegvergoeding, bijzondere bijstand en persoonsgebonden budget zijn geen inkomen maar vergoedingen voor bepaalde kosten: ' +
        `ze tellen niet mee voor de bijstandsnorm, de beslagvrije voet of de afloscapaciteit, alleen in het saldo tegenover die kosten. ${normRule}`,
      inputsOf(allowances),
    ),
    attachable: figure('Beslagbaar inkomen per maand', att, `Som van de inkomsten die niet onder toeslagen en kinderregelingen vallen. ${normRule}`, attachableInputs),
    nonAttachable: figure(
      'Niet-beslagbaar inkomen per maand',
      non,
      `Zorgtoeslag, huurtoeslag, kindgebonden budget en kinderbijslag zijn niet beslagbaar. ${normRule}`,
      inputsOf(counted.filter((l) => !l.attachable)),
    ),
    forAfloscapaciteit: figure(
      'Netto inkomen voor de afloscapaciteit',
      forAflos,
      (debtor === 'huishouden' ? 'Netto beslagbaar inkomen per maand. ' : `Netto beslagbaar inkomen per maand van ${debtor === 'partner' ? 'de partner' : 'de aanvrager'} alleen: het beslag ligt op één partner (posten zonder ontvanger tellen als van de aanvrager). `) +
        'Toeslagen, kindgebonden budget en kinderbijslag tellen hier niet mee: zij dekken kosten ' +
        '(huur, zorgpremie, kinderen). Huurtoeslag, zorgtoeslag en kindgebonden budget worden in de VTLB via de correctie individuele lasten ' +
        'met die kosten verrekend; de kinderbijslag blijft voor de kinderen. ' + normRule,
      debtor === 'huishouden' ? attachableInputs : inputsOf(attachableLines.filter((l) => (dossier.incomes[l.index]?.personRole === 'partner') === (debtor === 'partner'))),
    ),
  };
}

// ---------------------------------------------------------------------------------------------- beslagvrije voet

function computeBvv(
  ctx: Ctx,
  h: Household,
  inputs: BudgetInputs,
  bijstand: ResolvedPeriod,
  bvvPeriod: ResolvedPeriod,
  dossier: BudgetDossier,
  income: BudgetResult['income'],
): BudgetResult['beslagvrijeVoet'] {
  const use = new NormUse(ctx.norms);
  // The norm of the BVV (A or B): recorded among the tables used, and reported when the table lacks it.
  use.figure(bijstand, h.type !== 'gehuwden' ? 'age_21_to_aow.single.incl_holiday_pay' : 'age_21_to_aow.couple.incl_holiday_pay');
  const under21 = h.adults.some((a) => a.ageGroup === '18-20');
  const aow = h.adults.some((a) => a.ageGroup === 'aow');
  // Figures only (explain.ts): the note appears in explanations alone.
  const normNote = !explains()
    ? ''
    : 'De beslagvrije voet gebruikt altijd de norm 21 jaar tot AOW-leeftijd (art. 475da lid 2 Rv)' +
      (under21 ? '; ook voor een schuldenaar jonger dan 21' : '') +
      (aow ? '; de hogere AOW-norm telt alleen in de VTLB (PGL-correctie)' : '') +
      '.';
  // Art. 475da-475dc Rv step by step (bvv.ts), the no-address rule of lid 4 included.
  collect(ctx, use);
  const housing = countedMonthly(ctx.expenseLines ?? [], ['huur', 'hypotheek']);
  const out = computeBeslagvrijeVoet({
    hooks: bvvHooks(ctx),
    dossier,
    household: h,
    inputs,
    incomeLines: income.lines,
    periods: {
      bijstand,
      bvv: bvvPeriod,
      zorgverzekering: findPeriod(ctx.norms.zorgverzekering, ctx.date),
      kgb: findPeriod(ctx.norms.kindgebonden_budget, ctx.date),
    },
    woonkosten: housing.count === 0 ? null : housing.total,
    normNote,
  });
  ctx.bvvDetail = out.detail;
  // Written out rather than spread: a spread copy plus three more properties cost more than the whole literal.
  const f = out.figure;
  return { label: f.label, value: f.value, explanation: f.explanation, regime: out.regime, lowerBound: out.lowerBound, upperBound: out.upperBound };
}

function bvvHooks(ctx: Ctx) {
  return {
    norms: ctx.norms,
    date: ctx.date,
    collect: (use: NormUse) => collect(ctx, use),
    warn: (code: string, message: string, fig?: string) => warn(ctx, code, message, fig),
    addMissing: (m: MissingFigure) => {
      if (!ctx.missing.some((x) => x.key === m.key && x.group === m.group && x.periodStart === m.periodStart)) ctx.missing.push(m);
    },
  };
}

// ---------------------------------------------------------------------------------------------- VTLB

function computeVtlb(ctx: Ctx, h: Household, inputs: BudgetInputs, bvv: BudgetResult['beslagvrijeVoet'], bijstand: ResolvedPeriod, dossier: BudgetDossier, income: BudgetResult['income']): BudgetResult['vtlb'] {
  // The calculator's blocks (vtlb.ts); amounts from the engine's lines counted on the reference date, exact per month.
  const amounts = lineAmounts(income.lines, ctx.expenseLines ?? []);
  return computeVtlbBlocks({
    hooks: bvvHooks(ctx),
    dossier,
    household: h,
    inputs,
    bvv,
    bvvDetail: ctx.bvvDetail ?? null,
    bijstand,
    // Named rather than spread (a copy of a fresh object every run).
    expensesMonthly: amounts.expensesMonthly,
    expenseCount: amounts.expenseCount,
    incomeMonthly: amounts.incomeMonthly,
  });
}

// ---------------------------------------------------------------------------------------------- children

function quarterStart(date: string): string {
  return quarterStartOf(date);
}

const noBenefitReason = noChildBenefitReason;
const benefitsExpected = (c: DossierData['children'][number]): boolean => noBenefitReason(c) === null;

/** Each child's band and kinderbijslag, stored one by one (as Object.fromEntries would, at less cost). */
function perChildInputs(perChild: ChildBenefitLine[]): Record<string, InputValue> {
  const inputs: Record<string, InputValue> = {};
  for (const p of perChild) inputs[`kind ${p.child}`] = p.band === null ? 'geen' : `${p.band} jaar: ${fmt(p.kinderbijslagPerMonth.value)}`;
  return inputs;
}

function computeChildren(ctx: Ctx, dossier: BudgetDossier, h: Household, income: BudgetResult['income'], norm: Figure): BudgetResult['children'] {
  const qs = quarterStart(ctx.date);
  const perChild: ChildBenefitLine[] = [];
  const inHousehold = dossier.children.map((c, i) => ({ c, i })).filter(({ c }) => childInHousehold(c));
  const received = sum(income.lines.filter((l) => l.counted && l.category === 'kinderbijslag').map((l) => l.monthly));
  const kgbReceived = sum(income.lines.filter((l) => l.counted && l.category === 'kindgebonden_budget').map((l) => l.monthly));

  // Kinderbijslag: band by age on the first day of the quarter (AKW art. 12 lid 3); monthly = quarterly / 3.
  const kbUse = new NormUse(ctx.norms);
  // A child born on the quarter's first day belongs to the household on that day: kinderbijslag for that quarter
  // (AKW art. 12 lid 3: age on the first day of the quarter, 0 for a child born that day).
  const eligible = inHousehold.filter(({ c }) => benefitsExpected(c) && c.birthDate <= qs && ageOn(c.birthDate, qs) < 18);
  const kbPeriod = eligible.length > 0 ? selectGroupPeriod(ctx.norms, 'kinderbijslag', qs) : null;
  const kbParts: Decimal[] = [];
  let kbMissing = false;
  for (const { c, i } of inHousehold) {
    const born = c.birthDate <= qs;
    const age = born ? ageOn(c.birthDate, qs) : null;
    const band = age === null || age >= 18 ? null : age <= 5 ? '0-5' : age <= 11 ? '6-11' : '12-17';
    let fig: Figure;
    const noBenefit = noBenefitReason(c);
    if (noBenefit !== null) {
      fig = figure('Kinderbijslag per maand', ZERO, noBenefit, { leeftijd: age });
    } else if (band === null || kbPeriod === null) {
      fig = figure(
        'Kinderbijslag per maand',
        ZERO,
        age === null
          ? 'Kind geboren na de eerste dag van het kwartaal: kinderbijslag vanaf het volgende kwartaal.'
          : 'Kind is op de eerste dag van het kwartaal 18 of ouder: geen kinderbijslag.',
        { 'eerste dag kwartaal': formatNlDate(qs), leeftijd: age },
      );
    } else {
      const key = band === '0-5' ? 'age_0_5' : band === '6-11' ? 'age_6_11' : 'age_12_17';
      const perQuarter = kbUse.figure(kbPeriod, key);
      if (perQuarter === null) kbMissing = true;
      // Rounded once per child, so the expected total is the sum of the amounts shown per child.
      const monthly = perQuarter === null ? null : fromNorm(perQuarter, QUARTER_TO_MONTH);
      if (monthly) kbParts.push(monthly);
      fig = figure(
        'Kinderbijslag per maand',
        monthly,
        'Kwartaalbedrag voor de leeftijdsgroep op de eerste dag van het kwartaal (AKW art. 12 lid 3), gedeeld door 3, half-up afgerond op centen.',
        { 'eerste dag kwartaal': formatNlDate(qs), 'leeftijd op die dag': age, leeftijdsgroep: band, 'bedrag per kwartaal': fmtNorm(perQuarter) },
      );
    }
    // KGB supplements start the month after the 12th / 16th birthday: age on the last day of the previous month.
    const lastDayPrevMonth = lastDayOfPreviousMonth(ctx.date);
    const ageEndPrevMonth = c.birthDate <= lastDayPrevMonth ? ageOn(c.birthDate, lastDayPrevMonth) : -1;
    perChild.push({
      child: i + 1,
      ageOnQuarterStart: age,
      band,
      kinderbijslagPerMonth: fig,
      kgbSupplementBand: ageEndPrevMonth >= 16 && ageEndPrevMonth < 18 ? '16-17' : ageEndPrevMonth >= 12 && ageEndPrevMonth < 16 ? '12-15' : null,
    });
  }
  const kbRefs = collect(ctx, kbUse);
  for (const p of perChild) p.kinderbijslagPerMonth.explanation.tables = kbRefs;
  const expected = kbMissing ? null : sum(kbParts);
  const expectedFig = figure(
    'Kinderbijslag verwacht per maand',
    expected,
    'Som per kind van het kwartaalbedrag voor de leeftijdsgroep op de eerste dag van het kwartaal, gedeeld door 3 (AKW art. 12). ' +
      'Alleen kinderen die in het huishouden wonen.',
    explains() ? perChildInputs(perChild) : NO_INPUTS,
    kbRefs,
  );
  const fosterInHousehold = inHousehold.filter(({ c }) => c.fosterChild).length;
  if (fosterInHousehold > 0 && roundCents(received).greaterThan(roundCents(expected ?? ZERO))) {
    // Pleegouders who receive a pleegvergoeding have no right to kinderbijslag (AKW); the SVB claims it back.
    warn(
      ctx,
      'KINDERBIJSLAG_PLEEGKIND_TERUGVORDERING',
      `Er wordt ${formatEuro(received)} kinderbijslag per maand ontvangen, verwacht is ${formatEuro(expected ?? ZERO)}. Voor een pleegkind ` +
        'waarvoor een pleegvergoeding wordt ontvangen bestaat geen recht op kinderbijslag (en dus ook niet op kindgebonden budget): ' +
        'risico op terugvordering door de SVB. Meld de situatie bij de SVB en reserveer het bedrag.',
      'kinderbijslagOntvangen',
    );
  }
  const receivedFig = figure('Kinderbijslag ontvangen per maand', received, 'Som van de inkomensposten "Kinderbijslag" op de peildatum, per maand.', { 'ontvangen per maand': fmt(received) });
  // Whether less received is non-use is judged in entitlements.ts (tolerance, automatic band changes).

  // Kindgebonden budget (Wkgb art. 2): maximum = per child + age supplements (from the month after the 12th / 16th
  // birthday) + alleenstaande-ouderkop; afbouw needs the drempelinkomen, which is not published.
  const kgbChildren = perChild.filter((p) => {
    const c = dossier.children[p.child - 1]!;
    return benefitsExpected(c) && c.birthDate <= ctx.date && ageOn(c.birthDate, ctx.date) < 18;
  });
  let kgbFig: Figure;
  if (kgbChildren.length === 0) {
    kgbFig = figure('Kindgebonden budget verwacht per maand', ZERO, 'Geen kinderen jonger dan 18 in het huishouden: geen kindgebonden budget.', {});
  } else {
    const kgbPeriod = findPeriod(ctx.norms.kindgebonden_budget, ctx.date);
    if (!kgbPeriod) {
      kgbFig = figure('Kindgebonden budget verwacht per maand', null, 'Geen tabel kindgebonden budget voor de peildatum.', {});
      warn(ctx, 'KGB_GEEN_TABEL', `Er is geen tabel kindgebonden budget voor ${formatNlDate(ctx.date)}; het verwachte bedrag is niet berekend.`, 'kindgebondenBudgetVerwacht');
    } else {
      const u = new NormUse(ctx.norms);
      const perChildAmount = u.figure(kgbPeriod, 'max_per_child');
      const s1215 = kgbChildren.some((p) => p.kgbSupplementBand === '12-15') ? u.figure(kgbPeriod, 'supplement_age_12_15') : ZERO;
      const s1617 = kgbChildren.some((p) => p.kgbSupplementBand === '16-17') ? u.figure(kgbPeriod, 'supplement_age_16_17') : ZERO;
      const alo = h.type === 'alleenstaande_ouder' ? u.figure(kgbPeriod, 'single_parent_supplement') : ZERO;
      let yearly: Decimal | null = null;
      if (perChildAmount && s1215 && s1617 && alo) {
        yearly = perChildAmount.times(kgbChildren.length);
        for (const p of kgbChildren) {
          if (p.kgbSupplementBand === '12-15') yearly = yearly.plus(s1215);
          if (p.kgbSupplementBand === '16-17') yearly = yearly.plus(s1617);
        }
        yearly = yearly.plus(alo);
      }
      const attachable = income.attachable.value!;
      const basis = ctx.entitlementBasis ?? entitlementBasis(null, income);
      let monthly: Decimal | null = null;
      let rule =
        'Maximaal kindgebonden budget: bedrag per kind + verhoging 12-15 / 16-17 jaar (vanaf de maand na de 12e / 16e verjaardag) + ' +
        'alleenstaande-ouderkop, per jaar. ';
      let afbouwInputs: Record<string, InputValue> = {};
      if (yearly !== null) {
        // Afbouw above the drempelinkomen from the toetsingsinkomen (entitlements.ts).
        const af = kgbAfbouw({ yearlyMax: yearly, partners: h.adults.length === 2, toetsingsinkomen: basis.toetsingsinkomen, atNormLevel: atBijstandLevel(basis, income, norm.value), period: kgbPeriod, use: u });
        monthly = af.monthly;
        rule += af.rule;
        afbouwInputs = af.inputs;
        if (af.warning) warn(ctx, af.warning.code, af.warning.message, af.warning.figure);
      }
      kgbFig = figure(
        'Kindgebonden budget verwacht per maand',
        monthly,
        rule,
        !explains()
          ? NO_INPUTS
          : {
              'kinderen jonger dan 18': kgbChildren.length,
              'per kind per jaar': fmtNorm(perChildAmount),
              'alleenstaande-ouderkop per jaar': h.type === 'alleenstaande_ouder' ? fmtNorm(alo) : null,
              'maximum per jaar': fmt(yearly),
              'beslagbaar inkomen per maand': fmt(attachable),
              'bijstandsnorm': fmt(norm.value),
              ...afbouwInputs,
            },
        collect(ctx, u),
      );
    }
  }
  return {
    kinderbijslagExpected: expectedFig,
    kinderbijslagReceived: receivedFig,
    kgbExpected: kgbFig,
    kgbReceived: figure('Kindgebonden budget ontvangen per maand', kgbReceived, 'Som van de inkomensposten "Kindgebonden budget" op de peildatum, per maand.', {}),
    perChild,
  };
}

// ---------------------------------------------------------------------------------------------- budget

function computeExpenses(ctx: Ctx, dossier: BudgetDossier, income: BudgetResult['income'], norm: Figure, vakantiegeld: VakantiegeldSource): BudgetResult['budget'] {
  const lines: ExpenseLine[] = dossier.expenses.map((e, index) => ({
    index,
    description: e.description,
    category: e.category,
    group: EXPENSE_CATEGORY_GROUP[e.category],
    amount: e.amount,
    frequency: e.frequency,
    instalments: e.instalments ?? null,
    counted: activeOn(e, ctx.date),
    monthly: monthlyLine(e.amount, e.frequency, e.instalments),
  }));
  // The counted lines per group in one pass; the groups in NIBUD_GROUPS' order (the order of the result's keys).
  const perGroup: Record<NibudGroup, ExpenseLine[]> = { vaste_lasten: [], reserveringsuitgaven: [], huishoudelijke_uitgaven: [] };
  for (const l of lines) if (l.counted) perGroup[l.group].push(l);
  const byGroup = {} as Record<NibudGroup, Figure>;
  for (const g of NIBUD_GROUPS) {
    const ls = perGroup[g];
    byGroup[g] = figure(
      NIBUD_GROUP_LABELS[g],
      sum(ls.map((l) => l.monthly)),
      'Som van de uitgaven in deze Nibud-groep, elk omgerekend naar een maand en per post één keer half-up afgerond op centen.',
      !explains() ? NO_INPUTS : lineInputs(ls.map((l) => [`${l.index + 1}. ${EXPENSE_CATEGORY_LABELS[l.category]} (${formatEuro(l.amount)} ${FREQUENCY_LABELS[l.frequency]})`, fmt(l.monthly)])),
    );
  }
  const total = sum(NIBUD_GROUPS.map((g) => byGroup[g].value!));
  // Money in for the saldo and leefgeld: income plus cost allowances (pleegvergoeding etc.), which pay for costs listed here.
  const inc = income.total.value!.plus(income.costAllowances.value ?? ZERO);
  const saldo = inc.minus(total);
  const fixed = byGroup.vaste_lasten.value!;
  const reserved = byGroup.reserveringsuitgaven.value!;
  // Leefgeld in bewind terms: what is left for daily life after vaste lasten and reserveringen (issue 6 part 6),
  // including the vakantiegeld reservation: the 1/12 of a yearly payment in the income does not come in monthly.
  const vgReserved = vakantiegeld.reservering.value!;
  const leefgeldMonth = inc.minus(fixed).minus(reserved).minus(vgReserved);
  const leefgeld = roundCentsRatio(leefgeldMonth, 12, 52);
  if (saldo.isNegative()) {
    warn(ctx, 'TEKORT', `Het huishouden komt ${formatEuro(saldo.negated())} per maand tekort.`, 'saldoPerMaand');
  }
  const gap = norm.value === null ? null : income.attachable.value!.minus(norm.value);
  return {
    lines,
    expensesByGroup: byGroup,
    expensesTotal: figure('Uitgaven per maand', total, 'Som van alle uitgaven per maand (vaste lasten + reserveringsuitgaven + huishoudelijke uitgaven).', explains() ? groupTotalsInputs(byGroup) : NO_INPUTS),
    saldo: figure('Saldo per maand', saldo, 'Inkomen per maand + kostenvergoedingen − uitgaven per maand; negatief is een tekort.', { inkomen: fmt(income.total.value), kostenvergoedingen: fmt(income.costAllowances.value), uitgaven: fmt(total) }),
    leefgeldPerMaand: figure(
      'Leefgeld per maand',
      leefgeldMonth,
      'Leefgeld = inkomen per maand − vaste lasten − reserveringsuitgaven − reservering vakantiegeld (de huishoudelijke uitgaven worden van het leefgeld betaald; ' +
        'het vakantiegeld telt als 1/12 per maand in het inkomen maar komt één keer per jaar binnen).',
      { inkomen: fmt(inc), 'vaste lasten': fmt(fixed), reserveringsuitgaven: fmt(reserved), 'reservering vakantiegeld': fmt(vgReserved) },
    ),
    leefgeldPerWeek: figure(
      'Leefgeld per week',
      leefgeld,
      'Leefgeld per maand × 12 / 52, half-up afgerond op centen.',
      { 'leefgeld per maand': fmt(leefgeldMonth), inkomen: fmt(inc), 'vaste lasten': fmt(fixed), reserveringsuitgaven: fmt(reserved), 'reservering vakantiegeld': fmt(vgReserved) },
    ),
    gapToNorm: figure(
      'Verschil met de bijstandsnorm',
      gap,
      'Beslagbaar inkomen per maand (zonder toeslagen en kinderregelingen) − bijstandsnorm incl. vakantietoeslag voor dit huishouden; negatief = onder de norm.',
      { 'beslagbaar inkomen': fmt(income.attachable.value), bijstandsnorm: fmt(norm.value) },
      norm.explanation.tables,
    ),
    vakantiegeldReservering: vakantiegeld.reservering,
  };
}

/**
 * The group totals by label, in NIBUD_GROUPS' order: stored one by one rather than by Object.fromEntries, whose
 * generic path cost more than the rest of the figure (the labels are constants, so every household's object shares
 * one hidden class).
 */
function groupTotalsInputs(byGroup: Record<NibudGroup, Figure>): Record<string, InputValue> {
  const inputs: Record<string, InputValue> = {};
  for (const g of NIBUD_GROUPS) inputs[NIBUD_GROUP_LABELS[g]] = fmt(byGroup[g].value);
  return inputs;
}

// ---------------------------------------------------------------------------------------------- entry point

/**
 * Compute the budget for a dossier on `referenceDate`. Throws NormNotCoveredError when a required table
 * (bijstandsnormen, beslagvrije_voet, aow_leeftijd, and kinderbijslag when there are children) has no period
 * for the date. Everything else that cannot be computed becomes a null figure plus a warning.
 */
export function computeBudget(dossier: BudgetDossier, inputs: BudgetInputs, norms: NormSet, referenceDate: string): BudgetResult {
  const ctx: Ctx = { norms, date: referenceDate, warnings: [], missing: [], used: new UsedTables() };
  const bijstand = selectGroupPeriod(norms, 'bijstandsnormen', referenceDate);
  const bvvPeriod = selectGroupPeriod(norms, 'beslagvrije_voet', referenceDate);
  const h = determineHousehold(dossier, inputs.kostendelers, referenceDate, norms);
  for (const t of h.tables) ctx.used.set(t);
  const periodsUse = new NormUse(norms);
  periodsUse.period(bijstand);
  periodsUse.period(bvvPeriod);
  collect(ctx, periodsUse);

  const { incl, excl } = computeNorm(ctx, h, bijstand, inputs.geenBeroepOpOuders === true);
  // A child of 27 or older living at home is a kostendeler (art. 22a lid 1; RULES.md i). The number is the user's
  // input (housemates the dossier does not list count too), so a number below the dossier's own such children is asked about.
  const adultChildren = dossier.children.filter((c) => c.livingInHousehold && c.birthDate <= referenceDate && ageOn(c.birthDate, referenceDate) >= KOSTENDELER_AGE).length;
  if (adultChildren > h.kostendelers) {
    warn(
      ctx,
      'KOSTENDELERS_ONVOLLEDIG',
      `${adultChildren === 1 ? 'Een thuiswonend kind is' : `${adultChildren} thuiswonende kinderen zijn`} ${KOSTENDELER_AGE} jaar of ouder en ` +
        `${adultChildren === 1 ? 'telt' : 'tellen'} als kostendeler (art. 22a Participatiewet), maar het opgegeven aantal kostendelers is ${h.kostendelers}. ` +
        'Vul het aantal kostendelers aan: de bijstandsnorm is dan lager.',
      'bijstandsnorm',
    );
  }
  const income = computeIncome(ctx, dossier, h.adults.length >= 2 ? inputs.beslagOp : 'huishouden');
  ctx.entitlementBasis = entitlementBasis(inputs.toetsingsinkomenPerJaar, income);
  ctx.bvvDetail = null;
  // The one vakantiegeld figure (vakantiegeld.ts): reservation, projection month and afloscapaciteit share.
  const vgBeslagOp = h.adults.length === 2 ? inputs.beslagOp : 'huishouden';
  const vakantiegeld = vakantiegeldSource(
    income.lines,
    (i) => (dossier.incomes[i]?.personRole === 'partner' ? 'partner' : 'aanvrager'),
    inputs.vakantiegeld,
    vgBeslagOp,
    (code, message, fig) => warn(ctx, code, message, fig),
  );
  // Expenses first: the BVV (woonkosten) and the VTLB (rent, premium) read their counted lines.
  const budget = computeExpenses(ctx, dossier, income, incl, vakantiegeld);
  ctx.expenseLines = budget.lines;
  const bvv = computeBvv(ctx, h, inputs, bijstand, bvvPeriod, dossier, income);
  const vtlb = computeVtlb(ctx, h, inputs, bvv, bijstand, dossier, income);

  let aflos: Figure;
  const v = vtlb.total.value;
  const bvvDetail = (ctx.bvvDetail ?? null) as BvvDetail | null;
  // The income counted is the debtor's (the whole household unless one partner is the only debtor), as shown.
  const inc = income.forAfloscapaciteit.value!;
  if (v === null) {
    aflos = figure('Afloscapaciteit', null, 'Niet te berekenen zonder VTLB.', { inkomen: fmt(inc) });
  } else {
    const raw = inc.minus(v);
    const value = raw.isNegative() ? ZERO : raw;
    const nulAanbod = !raw.greaterThan(0);
    aflos = figure(
      'Afloscapaciteit',
      value,
      'Afloscapaciteit = netto inkomen − VTLB per maand, nooit negatief. Beide zijn in centen (elke post één keer afgerond), het verschil dus ook.' +
        (nulAanbod
          ? referenceDate >= NUL_AANBOD_SINCE
            ? ' Geen afloscapaciteit: sinds 1 juli 2024 is een schuldregeling met nul-aanbod mogelijk.'
            : ' Geen afloscapaciteit; vóór 1 juli 2024 vroegen NVVK-leden een minimale afdracht (ca. € 64 per maand).'
          : ''),
      { 'netto inkomen': fmt(inc), VTLB: fmt(v), verschil: fmt(raw) },
    );
  }
  const aflosDetail = afloscapaciteitDetail(aflos.value, vakantiegeld.schuldenaarPerMaand, vakantiegeld.schuldenaarPosten, vakantiegeld.bron);
  const children = computeChildren(ctx, dossier, h, income, incl);
  // Plausibility (plausibility.ts, issue 6 part 6).
  ctx.warnings.push(
    ...plausibilityWarnings({
      countedExpenseCategories: budget.lines.filter((l) => l.counted).map((l) => l.category),
      fixedAddress: h.fixedAddress,
      income: income.total.value!,
      saldo: budget.saldo.value!,
    }),
  );
  const entitlements = checkEntitlements({
    dossier, norms, date: referenceDate, household: h, income, children, norm: incl, basis: ctx.entitlementBasis!, warnings: ctx.warnings,
    record: (refs, missing) => {
      const use = new NormUse(norms);
      use.missing.push(...missing);
      collect(ctx, use);
      for (const r of refs) if (!ctx.used.get(r.group, r.periodStart)) ctx.used.set(r);
    },
  });

  const typeLabel = HOUSEHOLD_TYPE_LABELS[h.type];
  return applyProvisional({
    referenceDate,
    // Written out rather than spread (a copy of ten properties and two more, every run): every field of Household.
    household: {
      type: h.type,
      adults: h.adults,
      childrenUnder18: h.childrenUnder18,
      fosterChildrenUnder18: h.fosterChildrenUnder18,
      kostendelers: h.kostendelers,
      kostendelersA: h.kostendelersA,
      fixedAddress: h.fixedAddress,
      addressKind: h.addressKind,
      aowAgeMonths: h.aowAgeMonths,
      tables: h.tables,
      typeLabel,
      // Without its words in figures-only mode, like every figure's explanation (explain.ts).
      explanation: !explains()
        ? { rule: '', inputs: NO_INPUTS, tables: h.tables }
        : {
            rule:
              'Twee volwassenen in het dossier: gehuwden/samenwonenden; één volwassene met een thuiswonend kind jonger dan 18: alleenstaande ouder; ' +
              'anders alleenstaande. Leeftijdsgroep per volwassene op de peildatum: 18-20, 21 tot AOW-leeftijd, AOW-leeftijd (uit de tabel AOW-leeftijd).',
            inputs: {
              volwassenen: h.adults.length,
              leeftijden: h.adults.map((a) => `${a.role} ${a.age}`).join(', '),
              'thuiswonende kinderen jonger dan 18': h.childrenUnder18,
              kostendelers: h.kostendelers,
              'vast woonadres': h.fixedAddress,
            },
            tables: h.tables,
          },
    },
    bijstandsnorm: incl,
    bijstandsnormExclVakantietoeslag: excl,
    income,
    beslagvrijeVoet: bvv,
    vtlb,
    afloscapaciteit: aflos,
    children,
    budget,
    entitlements,
    normPeriods: ctx.used.values().sort((a, b) => collate(a.group, b.group) || collate(a.periodStart, b.periodStart)),
    missingFigures: ctx.missing,
    warnings: ctx.warnings,
    bvvBerekening: bvvDetail,
    afloscapaciteitDetail: aflosDetail,
    vakantiegeld: { bron: vakantiegeld.bron, maand: vakantiegeld.maand, perJaar: vakantiegeld.perJaar },
    provisional: null,
  });
}

/**
 * The same computation without the explanations' rule texts and named inputs (explain.ts, `figuresOnly`): every
 * figure, warning and norm table as computeBudget gives them. For callers that read figures only (the projection's
 * later months, budget.batch).
 */
export function computeBudgetFigures(dossier: BudgetDossier, inputs: BudgetInputs, norms: NormSet, referenceDate: string): BudgetResult {
  return figuresOnly(() => computeBudget(dossier, inputs, norms, referenceDate));
}
