// The VTLB (vrij te laten bedrag) as the NVVK/Recofa VTLB-calculator builds it (BVV-VTLB.md §4.1): the
// beslagvrije voet plus the nominaal bedrag, block by block, and the afloscapaciteit with the vakantiegeld share
// over the term of the arrangement. Pure: no I/O. Every line is in cents (rounded half-up where it is computed),
// so the VTLB is the exact sum of the lines shown.
import type Decimal from 'decimal.js';
import { ageOn, formatNlDate, lastDayOfPreviousMonth } from '../dates';
import type { BudgetDossier } from './household';
import { formatEuro, Money, roundCents, sum, ZERO } from '../money';
import { BVV_BASE_FRACTION, type BvvDetail, type BvvHooks } from './bvv';
import { explains, figure, fmt, fmtNorm, NO_INPUTS, type Figure, type InputValue } from './explain';
import { childBenefitsHere, type Household } from './household';
import { VTLB_CORRECTION_LABELS, type BudgetInputs, type VtlbCorrectionKind } from './inputs';
import { findPeriod, fromNorm, NormUse, YEAR_TO_MONTH, type NormTableRef, type ResolvedPeriod } from './norms';

/** Term of a minnelijke schuldregeling since 1 July 2023 (NVVK, BVV-VTLB.md §4.2 note). */
export const REGELING_LOOPTIJD_MAANDEN = 18;

export type VtlbLineKind = VtlbCorrectionKind | 'basis' | 'pgl';

export interface VtlbBlockLine {
  kind: VtlbLineKind;
  figure: Figure;
  note: string | null;
}

/** Order of the input corrections in the calculator (BVV-VTLB.md §4.1); computed blocks sit between them. */
const BEFORE_PGL: VtlbCorrectionKind[] = ['arbeidstoeslag'];
const AFTER_INDIVIDUAL: VtlbCorrectionKind[] = ['woon_werk', 'schoolkosten', 'kinderopvang', 'overig'];

interface CountedLine {
  category: string;
  counted: boolean;
  monthly: Decimal;
}

/** Exact monthly sum of the engine's lines of `categories` that count on the reference date. */
export function countedMonthly(lines: readonly CountedLine[], categories: readonly string[]): { total: Decimal; count: number } {
  const counted = lines.filter((x) => x.counted && categories.includes(x.category));
  return { total: sum(counted.map((x) => x.monthly)), count: counted.length };
}

/** Lookups on the engine's income and expense lines for the VTLB. */
export function lineAmounts(incomeLines: readonly CountedLine[], expenseLines: readonly CountedLine[]): Pick<VtlbArgs, 'expensesMonthly' | 'expenseCount' | 'incomeMonthly'> {
  return {
    expensesMonthly: (c) => countedMonthly(expenseLines, [c]).total,
    expenseCount: (c) => countedMonthly(expenseLines, [c]).count,
    incomeMonthly: (c) => countedMonthly(incomeLines, [c]).total,
  };
}

/** The beslagvrije voet as the engine gives it (BudgetResult['beslagvrijeVoet']). */
export type BvvFigure = Figure & { regime: string; lowerBound: Figure | null; upperBound: Figure | null };

export interface VtlbArgs {
  hooks: BvvHooks;
  dossier: BudgetDossier;
  household: Household;
  inputs: BudgetInputs;
  bvv: BvvFigure;
  /** The BVV computation: its fictitious amounts (kop; none for the rules of lid 4 and 475e lid 2) feed the correctie
   *  individuele lasten. */
  bvvDetail: BvvDetail | null;
  bijstand: ResolvedPeriod;
  /** Counted monthly amounts from the dossier. */
  expensesMonthly: (category: string) => Decimal;
  expenseCount: (category: string) => number;
  incomeMonthly: (category: string) => Decimal;
}

/**
 * The VTLB's first line: the beslagvrije voet relabelled, with the same fields in the same order as the engine's
 * figure (what `{ ...bvv, label }` gives), written out: the spread of an object of six fields cost more than this.
 */
function basisFigure(bvv: BvvFigure): BvvFigure {
  return { label: 'Basis: beslagvrije voet', value: bvv.value, explanation: bvv.explanation, regime: bvv.regime, lowerBound: bvv.lowerBound, upperBound: bvv.upperBound };
}

/**
 * Input names of the VTLB total ("3. PGL-correctie"): a line's number and its label (labels are fixed in code), so each
 * name is made once and kept (an already known name costs V8 no new string to intern, and the objects share hidden
 * classes). Keyed by label, then by number; bounded by the labels and TOTAL_NAMES_KEPT numbers.
 */
const TOTAL_NAMES = new Map<string, string[]>();
/** Line numbers whose names are kept: far more lines than any VTLB has; beyond it names are made as before. */
const TOTAL_NAMES_KEPT = 64;

function totalName(index: number, label: string): string {
  if (index >= TOTAL_NAMES_KEPT) return `${index + 1}. ${label}`;
  let byIndex = TOTAL_NAMES.get(label);
  if (byIndex === undefined) TOTAL_NAMES.set(label, (byIndex = []));
  return (byIndex[index] ??= `${index + 1}. ${label}`);
}

/** Every line of the VTLB by number and label, in order (as lineInputs would hold them). */
function totalInputs(lines: readonly VtlbBlockLine[]): Record<string, InputValue> {
  const inputs: Record<string, InputValue> = {};
  for (let i = 0; i < lines.length; i++) inputs[totalName(i, lines[i]!.figure.label)] = fmt(lines[i]!.figure.value);
  return inputs;
}

function pglLine(args: VtlbArgs, use: NormUse): Figure {
  const h = args.household;
  const aowCount = h.adults.filter((a) => a.ageGroup === 'aow').length;
  if (aowCount === 0) return figure('PGL-correctie', ZERO, 'Niemand in het huishouden heeft de AOW-leeftijd bereikt: geen PGL-correctie.', {});
  const single = h.adults.length === 1;
  const aowKey = single ? 'aow_age.single.incl_holiday_pay' : aowCount === 2 ? 'aow_age.couple.incl_holiday_pay' : 'aow_age.couple_one_aow_other_21plus.incl_holiday_pay';
  const stdKey = single ? 'age_21_to_aow.single.incl_holiday_pay' : 'age_21_to_aow.couple.incl_holiday_pay';
  const aowNorm = use.figure(args.bijstand, aowKey);
  const stdNorm = use.figure(args.bijstand, stdKey);
  const value = aowNorm && stdNorm ? roundCents(aowNorm.times(BVV_BASE_FRACTION).minus(stdNorm.times(BVV_BASE_FRACTION))) : null;
  return figure(
    'PGL-correctie',
    value,
    'Pensioengerechtigde leeftijd: 95 % × AOW-norm − 95 % × norm 21 jaar tot AOW-leeftijd, half-up afgerond op centen (NVVK 09-07-2021).',
    { 'AOW-norm incl. VT': fmtNorm(aowNorm), 'norm 21 tot AOW incl. VT': fmtNorm(stdNorm) },
  );
}

/**
 * Maximum kindgebonden budget per month for the children under 18 this household gets it for (Wkgb art. 2), exact:
 * the same children as the engine's expected kindgebonden budget (no pleegkind, a co-parented child only where this
 * household receives the kinderbijslag).
 */
function maxKgbPerMonth(args: VtlbArgs, use: NormUse, period: ResolvedPeriod): { value: Decimal | null; inputs: Record<string, InputValue> } {
  const date = args.hooks.date;
  const kids = args.dossier.children.filter((c) => childBenefitsHere(c) && c.birthDate <= date && ageOn(c.birthDate, date) < 18);
  const perChild = use.figure(period, 'max_per_child');
  // The alleenstaande-ouderkop is part of a kindgebonden budget: without a child it is given for, there is none.
  const alo = args.household.type === 'alleenstaande_ouder' && kids.length > 0 ? use.figure(period, 'single_parent_supplement') : ZERO;
  // Supplements from the month after the 12th / 16th birthday: age on the last day of the previous month.
  const prevMonthEnd = lastDayOfPreviousMonth(date);
  let s1215 = 0;
  let s1617 = 0;
  for (const c of kids) {
    const age = c.birthDate <= prevMonthEnd ? ageOn(c.birthDate, prevMonthEnd) : -1;
    if (age >= 16 && age < 18) s1617++;
    else if (age >= 12 && age < 16) s1215++;
  }
  const a1215 = s1215 > 0 ? use.figure(period, 'supplement_age_12_15') : ZERO;
  const a1617 = s1617 > 0 ? use.figure(period, 'supplement_age_16_17') : ZERO;
  const words = explains();
  const inputs: Record<string, InputValue> = !words
    ? NO_INPUTS
    : {
        'kinderen jonger dan 18': kids.length,
        'per kind per jaar': fmtNorm(perChild),
        'kinderen 12-15 jaar': s1215,
        'kinderen 16-17 jaar': s1617,
        'alleenstaande-ouderkop per jaar': args.household.type === 'alleenstaande_ouder' && kids.length > 0 ? fmtNorm(alo) : null,
      };
  if (!perChild || !alo || !a1215 || !a1617) return { value: null, inputs };
  const yearly = perChild.times(kids.length).plus(a1215.times(s1215)).plus(a1617.times(s1617)).plus(alo);
  if (words) inputs['maximum per jaar'] = fmt(yearly);
  return { value: yearly.dividedBy(12), inputs };
}

/**
 * Correctie individuele lasten (NVVK 11-05-2021; BVV-VTLB.md §4.2): per item the actual net cost minus the
 * fictitious amount the BVV already holds for it, so the VTLB returns to "minimaal maar toereikend". Our reading
 * of the fictitious amounts: wonen = basishuur J + the BVV's woonterm; zorg = the art. 23 lid 2 PW amount (the
 * normpremie at the drempel) + the BVV's zorgterm; kindgebonden budget = the BVV's KGB term against the maximum
 * KGB not received. May be negative.
 */
function individualCorrections(args: VtlbArgs, use: NormUse): { kind: VtlbCorrectionKind; figure: Figure }[] {
  const kop = args.bvvDetail?.kop ?? null;
  const out: { kind: VtlbCorrectionKind; figure: Figure }[] = [];
  const assumed = kop?.aangenomen
    ? ' Inkomen tot de norm zonder belastbaar inkomen: de fictieve termen van de beslagvrije voet zijn 0 genomen (inkomen onder het drempelinkomen en het minimum-inkomensijkpunt); vul het belastbaar inkomen in voor de exacte berekening.'
    : '';
  const notComputed = (kind: VtlbCorrectionKind, why: string): void => {
    out.push({ kind, figure: figure(VTLB_CORRECTION_LABELS[kind], ZERO, `Niet berekend: ${why} Vul zo nodig een correctie in.`, {}) });
  };
  // Without a woonadres (art. 475da lid 4) the BVV holds no fictitious housing, zorg or KGB amounts to set the actual
  // costs against, so these corrections are not computed (BVV-VTLB.md §4.2 defines them against the formula's terms).
  const noKop =
    args.bvv.regime === 'geen_vast_adres'
      ? 'de beslagvrije voet is niet met de formule van art. 475da Rv berekend (geen vast woonadres), dus er zijn geen fictieve bedragen om mee te vergelijken.'
      : args.bvvDetail === null || args.bvv.value === null
        ? 'de beslagvrije voet is niet berekend, dus er zijn geen fictieve bedragen om mee te vergelijken.'
        : (args.inputs.inrichting ?? null) !== null
          ? 'de beslagvrije voet volgt uit de regel voor verblijf in een inrichting (art. 475e lid 2 Rv), niet uit de formule van art. 475da Rv, dus er zijn geen fictieve bedragen om mee te vergelijken.'
          : 'de parameters van de formule van art. 475da Rv ontbreken voor deze periode.';

  // Wonen.
  if (kop === null) notComputed('woonlasten', noKop);
  else if (args.expenseCount('huur') + args.expenseCount('hypotheek') === 0) {
    notComputed('woonlasten', 'het dossier bevat geen huur of hypotheek.');
    args.hooks.warn('VTLB_WOONLASTEN_ONBEKEND', 'Het dossier bevat geen huur of hypotheek: de correctie woonlasten in de VTLB is niet berekend.', 'vtlb');
  } else {
    const rent = args.expensesMonthly('huur').plus(args.expensesMonthly('hypotheek'));
    const ht = args.incomeMonthly('huurtoeslag');
    const fict = kop.J.plus(kop.woon).plus(kop.woonkostenverhoging);
    const value = roundCents(rent.minus(ht).minus(fict));
    out.push({
      kind: 'woonlasten',
      figure: figure(
        VTLB_CORRECTION_LABELS.woonlasten,
        value,
        '(Werkelijke huur of hypotheek − ontvangen huurtoeslag) − (basishuur J + woonterm van de beslagvrije voet + woonkostenverhoging in de beslagvrije voet), ' +
          'half-up afgerond op centen; kan negatief zijn.' + assumed,
        !explains()
          ? NO_INPUTS
          : {
              'huur en hypotheek per maand': fmt(rent),
              'huurtoeslag per maand': fmt(ht),
              'basishuur J': fmt(kop.J),
              'woonterm beslagvrije voet': fmt(kop.woon),
              'woonkostenverhoging (art. 475da lid 5 Rv)': fmt(kop.woonkostenverhoging),
              'fictief totaal': fmt(fict),
            },
      ),
    });
  }

  // Zorg.
  if (kop === null) notComputed('zorgkosten', noKop);
  else if (args.expenseCount('zorgverzekering') === 0) {
    notComputed('zorgkosten', 'het dossier bevat geen premie zorgverzekering.');
    args.hooks.warn('VTLB_ZORGPREMIE_ONBEKEND', 'Het dossier bevat geen premie zorgverzekering: de correctie zorgkosten in de VTLB is niet berekend.', 'vtlb');
  } else {
    const premie = args.expensesMonthly('zorgverzekering');
    const zt = args.incomeMonthly('zorgtoeslag');
    const fict = kop.pw23.plus(kop.zorg);
    const value = roundCents(premie.minus(zt).minus(fict));
    out.push({
      kind: 'zorgkosten',
      figure: figure(
        VTLB_CORRECTION_LABELS.zorgkosten,
        value,
        '(Werkelijke premie zorgverzekering − ontvangen zorgtoeslag) − (bedrag art. 23 lid 2 PW + zorgterm van de beslagvrije voet), half-up afgerond op centen; kan negatief zijn.' + assumed,
        explains() ? { 'premie per maand': fmt(premie), 'zorgtoeslag per maand': fmt(zt), 'bedrag art. 23 lid 2 PW': fmt(kop.pw23), 'zorgterm beslagvrije voet': fmt(kop.zorg), 'fictief totaal': fmt(fict) } : NO_INPUTS,
      ),
    });
  }

  // Kindgebonden budget.
  if (args.household.childrenUnder18 > 0) {
    const period = findPeriod(args.hooks.norms.kindgebonden_budget, args.hooks.date);
    if (kop === null) notComputed('kindgebonden_budget', noKop);
    else if (period === null) notComputed('kindgebonden_budget', `er is geen tabel kindgebonden budget voor ${formatNlDate(args.hooks.date)}.`);
    else {
      const max = maxKgbPerMonth(args, use, period);
      if (max.value === null) notComputed('kindgebonden_budget', 'een bedrag van het kindgebonden budget ontbreekt in de tabel.');
      else {
        const received = args.incomeMonthly('kindgebonden_budget');
        const value = roundCents(max.value.minus(received).minus(kop.kgb));
        out.push({
          kind: 'kindgebonden_budget',
          figure: figure(
            VTLB_CORRECTION_LABELS.kindgebonden_budget,
            value,
            '(Maximaal kindgebonden budget per maand − ontvangen kindgebonden budget) − kindgebonden-budgetterm van de beslagvrije voet, half-up afgerond op centen; kan negatief zijn.' + assumed,
            explains() ? { ...max.inputs, 'maximum per maand': fmt(max.value), 'ontvangen per maand': fmt(received), 'term beslagvrije voet': fmt(kop.kgb) } : NO_INPUTS,
          ),
        });
      }
    }
  }
  return out;
}

/** The VTLB in the calculator's block order. */
export function computeVtlbBlocks(args: VtlbArgs): { lines: VtlbBlockLine[]; total: Figure } {
  const { hooks, inputs } = args;
  const use = new NormUse(hooks.norms);
  const lines: VtlbBlockLine[] = [];
  const inputLine = (c: BudgetInputs['vtlbCorrections'][number], rule: string, extra: Record<string, InputValue> = NO_INPUTS, tables: NormTableRef[] = []): VtlbBlockLine => ({
    kind: c.kind,
    figure: figure(VTLB_CORRECTION_LABELS[c.kind], new Money(c.amount), rule, explains() ? { bedrag: c.amount, toelichting: c.note, ...extra } : NO_INPUTS, tables),
    note: c.note,
  });
  const manual = 'Correctie ingevoerd door de medewerker (geen gepubliceerd normbedrag).';
  const inputsOf = (kind: VtlbCorrectionKind) => inputs.vtlbCorrections.filter((c) => c.kind === kind);

  lines.push({ kind: 'basis', figure: basisFigure(args.bvv), note: null });
  for (const k of BEFORE_PGL) for (const c of inputsOf(k)) lines.push(inputLine(c, manual));

  // Correctie eigen risico: the verplicht eigen risico per insured adult, per month (entered lines replace it).
  const zvw = findPeriod(hooks.norms.zorgverzekering, hooks.date);
  const erUse = new NormUse(hooks.norms);
  const perYear = zvw && erUse.has(zvw, 'mandatory_deductible_per_year') ? erUse.figure(zvw, 'mandatory_deductible_per_year') : null;
  const perMonth = perYear === null ? null : fromNorm(perYear, YEAR_TO_MONTH);
  const erRefs = hooks.collect(erUse);
  const erInputs = inputsOf('eigen_risico');
  // Eigen risico per insured adult (dossier: insuredInNl per adult, absent = insured).
  const insured = args.household.adults.filter((a) => a.insured).length;
  if (erInputs.length > 0) {
    for (const c of erInputs) {
      const line = inputLine(c, manual + ' Vervangt de berekende correctie eigen risico; getoetst aan het verplicht eigen risico per maand.', { 'verplicht eigen risico per maand per verzekerde': fmt(perMonth) }, erRefs);
      lines.push(line);
      if (perMonth !== null && new Money(c.amount).greaterThan(perMonth.times(insured))) {
        hooks.warn('EIGEN_RISICO_TE_HOOG', `De reservering eigen risico (${formatEuro(c.amount)}) is hoger dan het verplicht eigen risico per maand voor ${insured} verzekerde(n) (${formatEuro(perMonth.times(insured))}).`, 'vtlb');
      }
    }
  } else {
    const n = insured;
    lines.push({
      kind: 'eigen_risico',
      figure: figure(
        'Correctie eigen risico zorgverzekering',
        perMonth === null ? null : perMonth.times(n),
        'Verplicht eigen risico per jaar / 12, half-up afgerond op centen, maal het aantal volwassenen dat verzekerd is voor de Zorgverzekeringswet ' +
          '(kinderen hebben geen eigen risico; een volwassene die niet in Nederland verzekerd is telt niet mee, zie het dossier).',
        !explains()
          ? NO_INPUTS
          : {
              'verplicht eigen risico per jaar': fmtNorm(perYear),
              'per maand per verzekerde': fmtNorm(perMonth),
              'verzekerde volwassenen': n,
              ...(n < args.household.adults.length ? { 'niet verzekerde volwassenen': args.household.adults.length - n } : {}),
            },
        erRefs,
      ),
      note: null,
    });
  }

  const pgl = pglLine(args, use);
  pgl.explanation.tables = hooks.collect(use);
  lines.push({ kind: 'pgl', figure: pgl, note: null });

  // Correctie individuele lasten: computed per item unless the professional entered that item.
  const indUse = new NormUse(hooks.norms);
  const computed = individualCorrections(args, indUse);
  const indRefs = hooks.collect(indUse);
  for (const kind of ['woonlasten', 'zorgkosten', 'kindgebonden_budget'] as const) {
    const entered = inputsOf(kind);
    if (entered.length > 0) {
      for (const c of entered) lines.push(inputLine(c, manual + ' Vervangt de berekende correctie voor dit onderdeel.'));
    } else {
      const c = computed.find((x) => x.kind === kind);
      if (c) {
        c.figure.explanation.tables = indRefs;
        lines.push({ kind, figure: c.figure, note: null });
      }
    }
  }
  for (const k of AFTER_INDIVIDUAL) for (const c of inputsOf(k)) lines.push(inputLine(c, manual));
  // Alimentatie paid (dossier expense "alimentatie_betaald") is a VTLB correction; an entered line replaces it.
  const alimentatie = inputsOf('alimentatie');
  if (alimentatie.length > 0) {
    for (const c of alimentatie) lines.push(inputLine(c, manual + ' Vervangt de betaalde alimentatie uit de uitgaven.'));
  } else if (args.expenseCount('alimentatie_betaald') > 0) {
    const paid = roundCents(args.expensesMonthly('alimentatie_betaald'));
    lines.push({
      kind: 'alimentatie',
      figure: figure(
        VTLB_CORRECTION_LABELS.alimentatie,
        paid,
        'Betaalde alimentatie (uitgaven "Alimentatie (betaald)") per maand, half-up afgerond op centen: in de VTLB-berekening verhoogt ' +
          'een wettelijke onderhoudsverplichting het vrij te laten bedrag.',
        { 'betaald per maand': fmt(paid) },
      ),
      note: null,
    });
  }

  const parts = lines.map((l) => l.figure.value);
  const total = parts.some((p) => p === null) ? null : sum(parts as Decimal[]);
  const totalFig = figure(
    'Vrij te laten bedrag (VTLB)',
    total,
    'VTLB = beslagvrije voet + nominaal bedrag, in de volgorde van de VTLB-calculator: arbeidstoeslag, eigen risico, PGL-correctie, ' +
      'correctie individuele lasten (wonen, zorg, kindgebonden budget), overige correcties. Elke regel is een bedrag in centen; het VTLB is hun som.',
    explains() ? totalInputs(lines) : NO_INPUTS,
    [],
  );
  if (total === null) {
    hooks.warn('VTLB_ONBEKEND', 'Het VTLB kan niet worden berekend omdat ' + (args.bvv.value === null ? 'de beslagvrije voet ontbreekt.' : 'een onderdeel ontbreekt.'), 'vtlb');
  }
  return { lines, total: totalFig };
}

export interface AflosDetail {
  /** Months of the arrangement (18 since 1 July 2023). */
  looptijdMaanden: number;
  /** Part of the monthly afloscapaciteit that only comes in once a year (vakantiegeld, eindejaarsuitkering). */
  vakantiegeldPerMaand: Figure;
  /** What is paid every month: afloscapaciteit − vakantiegeld share. */
  maandelijks: Figure;
  vakantiegeldOverLooptijd: Figure;
  totaalOverLooptijd: Figure;
}

/**
 * Afloscapaciteit = income − VTLB, floored at 0, with the share that arrives only with the yearly payments
 * (income lines "per jaar" of the debtor: vakantiegeld, eindejaarsuitkering) shown separately over the term.
 */
export function afloscapaciteitDetail(aflos: Decimal | null, yearlyMonthly: Decimal, yearlyLines: string[], bron: 'dossier' | 'opgegeven' | 'geen' = 'dossier'): AflosDetail {
  const n = REGELING_LOOPTIJD_MAANDEN;
  const share = aflos === null ? null : roundCents(yearlyMonthly.lessThan(aflos) ? yearlyMonthly : aflos);
  const rounded = aflos === null ? null : roundCents(aflos);
  const monthly = rounded === null || share === null ? null : rounded.minus(share);
  const words = explains();
  const inputs: Record<string, InputValue> = !words
    ? NO_INPUTS
    : {
        'jaarlijkse inkomsten per maand': fmt(yearlyMonthly),
        posten: yearlyLines.join('; ') || 'geen',
        bron: bron === 'opgegeven' ? 'opgegeven vakantiegeld (budgetgegevens)' : 'inkomensposten per jaar in het dossier',
      };
  return {
    looptijdMaanden: n,
    vakantiegeldPerMaand: figure(
      'Waarvan vakantiegeld (deel van de afloscapaciteit)',
      share,
      'Het deel van de afloscapaciteit dat alleen met de jaarlijkse uitbetaling binnenkomt: de inkomsten per jaar van de schuldenaar (vakantiegeld, eindejaarsuitkering) / 12, ' +
        'niet meer dan de afloscapaciteit; half-up afgerond op centen. ' +
        (bron === 'opgegeven'
          ? `Bron: het ${yearlyLines.join('; ')} bij de budgetgegevens, dat de posten in het dossier vervangt.`
          : 'Bron: de inkomensposten per jaar in het dossier, dezelfde als voor de reservering en de vooruitblik.') +
        (share !== null && share.greaterThan(0) && monthly !== null && monthly.isZero()
          ? ' Hier is de hele afloscapaciteit vakantiegeld, en dat klopt met de regels: het inkomen dat elke maand binnenkomt is niet hoger dan het VTLB, ' +
            'dus elke maand is er niets af te dragen. De afloscapaciteit is het inkomen inclusief vakantiegeld (per maand gerekend) min het VTLB; ' +
            'bij een inkomen op of onder de bijstandsnorm is de beslagvrije voet ten hoogste 95 % van dat inkomen inclusief vakantiegeld (art. 475dc lid 1 Rv), ' +
            'zodat wat boven het VTLB overblijft pas met de jaarlijkse uitbetaling van het vakantiegeld binnenkomt.'
          : ''),
      inputs,
    ),
    maandelijks: figure('Maandelijkse afdracht', monthly, 'Afloscapaciteit (afgerond op centen) − vakantiegelddeel: wat elke maand kan worden afgedragen.', { afloscapaciteit: fmt(rounded), vakantiegelddeel: fmt(share) }),
    vakantiegeldOverLooptijd: figure(
      `Vakantiegeld over de looptijd (${n} maanden)`,
      share === null ? null : share.times(n),
      `Vakantiegelddeel per maand × ${n} maanden: het bedrag dat de boedel uit vakantiegeld en eindejaarsuitkering ontvangt (NVVK: looptijd 18 maanden sinds 1 juli 2023).`,
      { 'per maand': fmt(share), maanden: n },
    ),
    totaalOverLooptijd: figure(
      `Totaal over de looptijd (${n} maanden)`,
      rounded === null ? null : rounded.times(n),
      `Afloscapaciteit per maand (afgerond op centen) × ${n} = maandelijkse afdracht × ${n} + vakantiegeld over de looptijd.`,
      { 'per maand': fmt(rounded), maanden: n },
    ),
  };
}
