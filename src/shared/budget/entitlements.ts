// Entitlement checks that find real non-use (issue 6 part 5): the kindgebonden budget with its afbouw above the
// drempelinkomen (Wkgb art. 2 lid 7-8), the zorgtoeslag by its law formula (Wet op de zorgtoeslag art. 2,
// RULES.md f.3) and the kinderbijslag, each compared with what the household receives. A difference is
// "mogelijk niet-gebruik" only beyond a tolerance; an automatic kinderbijslag change (age band, indexation) never
// is. A Participatiewet benefit above its own norm asks to check the amount.
import type Decimal from 'decimal.js';
import { ageOn, formatNlDate, lastDayOfPreviousMonth, quarterStartOf } from '../dates';
import type { BudgetDossier } from './household';
import { formatEuro, Money, roundCents, roundCentsRatio, sum, ZERO } from '../money';
import { explains, figure, fmt, fmtNorm, NO_INPUTS, type BudgetWarning, type Figure, type InputValue } from './explain';
import type { Household } from './household';
import { findPeriod, fromNorm, normDecimal, NormUse, QUARTER_TO_MONTH, type NormSet, type NormTableRef, type ResolvedPeriod } from './norms';

/** Tolerance: a difference counts only when larger than € 1 and larger than 1 % of the expected amount. */
/** Wet op de zorgtoeslag art. 2: a couple of whom one is not insured gets half. */
const HALF = new Money('0.5');

/** Where the drempelinkomen comes from: one value in every table (norm notes), derived from the official BVV maxima. */
const DREMPEL_NOTE =
  'Drempelinkomen: 108 % × 12 × het minimumloon van januari (de wet geeft alleen de definitie); het onafgeronde bedrag is afgeleid ' +
  'uit de wettelijke maxima van de beslagvrije voet en in alle tabellen hetzelfde (het gepubliceerde bedrag is dit, afgerond op hele euro\'s).';

export const TOLERANCE_EUR = new Money('1.00');
export const TOLERANCE_FRACTION = new Money('0.01');

export function tolerance(expected: Decimal): Decimal {
  const pct = roundCents(expected.abs().times(TOLERANCE_FRACTION));
  return pct.greaterThan(TOLERANCE_EUR) ? pct : TOLERANCE_EUR;
}

export type EntitlementScheme = 'kinderbijslag' | 'kindgebonden_budget' | 'zorgtoeslag';
export type EntitlementVerdict = 'in_orde' | 'mogelijk_niet_gebruik' | 'automatische_wijziging' | 'meer_dan_verwacht' | 'niet_te_beoordelen';

export const ENTITLEMENT_LABELS: Record<EntitlementScheme, string> = {
  kinderbijslag: 'Kinderbijslag',
  kindgebonden_budget: 'Kindgebonden budget',
  zorgtoeslag: 'Zorgtoeslag',
};

export const VERDICT_LABELS: Record<EntitlementVerdict, string> = {
  in_orde: 'in orde',
  mogelijk_niet_gebruik: 'mogelijk niet-gebruik',
  automatische_wijziging: 'automatische wijziging, geen niet-gebruik',
  meer_dan_verwacht: 'meer ontvangen dan verwacht',
  niet_te_beoordelen: 'niet te beoordelen',
};

export interface EntitlementCheck {
  scheme: EntitlementScheme;
  label: string;
  /** Per month, in cents. */
  expected: Figure;
  received: Figure;
  /** received − expected (negative: less received than expected). */
  difference: Figure;
  tolerance: Decimal | null;
  verdict: EntitlementVerdict;
  /** Dutch explanation of the verdict. */
  message: string;
}

export interface Entitlements {
  checks: EntitlementCheck[];
}

const WARNING_CODES: Record<EntitlementScheme, string> = {
  kinderbijslag: 'MOGELIJK_NIET_GEBRUIK_KINDERBIJSLAG',
  kindgebonden_budget: 'MOGELIJK_NIET_GEBRUIK_KGB',
  zorgtoeslag: 'MOGELIJK_NIET_GEBRUIK_ZORGTOESLAG',
};
const WHERE: Record<EntitlementScheme, string> = {
  kinderbijslag: 'Controleer de aanvraag bij de SVB.',
  kindgebonden_budget: 'Controleer de aanvraag en het geschatte inkomen bij Dienst Toeslagen.',
  zorgtoeslag: 'Controleer de aanvraag en het geschatte inkomen bij Dienst Toeslagen.',
};
const FIGURE_KEYS: Record<EntitlementScheme, string> = {
  kinderbijslag: 'kinderbijslagVerwacht',
  kindgebonden_budget: 'kindgebondenBudgetVerwacht',
  zorgtoeslag: 'zorgtoeslagVerwacht',
};

/**
 * Judge one scheme. `automatic` is the amount expected before an automatic change (previous quarter's band or
 * table); a shortfall that matches it is that change, not non-use.
 */
export function judge(
  scheme: EntitlementScheme,
  expected: Figure,
  received: Decimal,
  warnings: BudgetWarning[],
  automatic: { amount: Decimal; reason: string } | null = null,
): EntitlementCheck {
  const label = ENTITLEMENT_LABELS[scheme];
  const receivedFig = figure(`${label} ontvangen per maand`, received, `Som van de inkomensposten "${label}" op de peildatum, per maand.`, {});
  const exp = expected.value;
  if (exp === null) {
    return {
      scheme,
      label,
      expected,
      received: receivedFig,
      difference: figure(`${label}: verschil`, null, 'Niet te berekenen: het verwachte bedrag ontbreekt.', {}),
      tolerance: null,
      verdict: 'niet_te_beoordelen',
      message: `${label}: het verwachte bedrag is niet te berekenen; zie de toelichting.`,
    };
  }
  const diff = received.minus(exp);
  const tol = tolerance(exp);
  const difference = figure(
    `${label}: verschil (ontvangen − verwacht)`,
    diff,
    'Ontvangen min verwacht per maand. Een verschil telt pas boven de marge: de grootste van € 1 en 1 % van het verwachte bedrag.',
    { ontvangen: fmt(received), verwacht: fmt(exp), marge: fmt(tol) },
  );
  let verdict: EntitlementVerdict = 'in_orde';
  let message = `${label}: ontvangen ${formatEuro(received)}, verwacht ${formatEuro(exp)}; het verschil valt binnen de marge van ${formatEuro(tol)}.`;
  if (diff.negated().greaterThan(tol)) {
    if (automatic && received.minus(automatic.amount).abs().lessThanOrEqualTo(tolerance(automatic.amount))) {
      verdict = 'automatische_wijziging';
      message =
        `${label}: ontvangen ${formatEuro(received)}, verwacht ${formatEuro(exp)}. Het verschil komt door ${automatic.reason}; ` +
        'de uitkeringsinstantie past het bedrag zelf aan. Geen niet-gebruik.';
    } else {
      verdict = 'mogelijk_niet_gebruik';
      message =
        `Mogelijk niet-gebruik: het huishouden ontvangt ${formatEuro(received)} ${label.toLowerCase()} per maand, verwacht is ${formatEuro(exp)} ` +
        `(${formatEuro(diff.negated())} minder, meer dan de marge van ${formatEuro(tol)}). ${WHERE[scheme]}`;
      warnings.push({ code: WARNING_CODES[scheme], message, figure: FIGURE_KEYS[scheme] });
    }
  } else if (diff.greaterThan(tol)) {
    verdict = 'meer_dan_verwacht';
    message =
      `${label}: ontvangen ${formatEuro(received)}, verwacht ${formatEuro(exp)}: ${formatEuro(diff)} meer dan verwacht. ` +
      'Controleer de beschikking; bij toeslagen kan te veel ontvangen bedrag worden teruggevorderd.';
  }
  return { scheme, label, expected, received: receivedFig, difference, tolerance: tol, verdict, message };
}

// ---------------------------------------------------------------------------------------------- kindgebonden budget

export interface KgbAfbouw {
  monthly: Decimal | null;
  rule: string;
  inputs: Record<string, InputValue>;
  warning: BudgetWarning | null;
}

/**
 * The kindgebonden budget per month from the yearly maximum (per child + supplements + ALO-kop). With the
 * toetsingsinkomen T: maximum − afbouw% × (T − drempelinkomen), never below 0 (Wkgb art. 2 lid 7-8; with a partner
 * the drempel includes the partner increase). Without T: at bijstand level no afbouw is assumed; above it the
 * amount is unknown (null) and the user is asked for T.
 */
export function kgbAfbouw(args: {
  yearlyMax: Decimal;
  partners: boolean;
  toetsingsinkomen: Decimal | null;
  atNormLevel: boolean;
  period: ResolvedPeriod;
  use: NormUse;
}): KgbAfbouw {
  const { yearlyMax, partners, toetsingsinkomen: t, atNormLevel, period, use } = args;
  if (t !== null) {
    // The unrounded drempelinkomen (derived); the published *_approx figures are rounded to whole euros.
    const dKey = partners ? 'drempelinkomen_partners' : 'drempelinkomen_single';
    // A table a user entered before these keys existed (copied from the bundled one) has the drempelinkomen only
    // under the *_approx key, then the unrounded figure: it is used there rather than leaving the afbouw out.
    const legacyKey = partners ? 'income_up_to_which_maximum_partners_approx' : 'income_up_to_which_maximum_single_approx';
    const d = use.figure(period, period.figures[dKey] === undefined && period.figures[legacyKey] !== undefined ? legacyKey : dKey);
    const rate = use.figure(period, 'phase_out_rate');
    if (d === null || rate === null) {
      return {
        monthly: null,
        rule: 'Afbouw boven het drempelinkomen: het drempelinkomen of het afbouwpercentage ontbreekt in de tabel; niet berekend.',
        inputs: { toetsingsinkomen: fmt(t) },
        warning: { code: 'KGB_AFBOUW_ONBEKEND', message: 'Het drempelinkomen of het afbouwpercentage van het kindgebonden budget ontbreekt in de normtabel; het verwachte bedrag is niet berekend.', figure: 'kindgebondenBudgetVerwacht' },
      };
    }
    const excess = t.minus(d);
    const reduction = excess.greaterThan(0) ? excess.times(rate) : ZERO;
    const yearly = yearlyMax.minus(reduction);
    const net = yearly.isNegative() ? ZERO : yearly;
    return {
      monthly: roundCentsRatio(net, 1, 12),
      rule:
        `Afbouw (Wkgb art. 2 lid ${partners ? '8' : '7'}): maximum per jaar − afbouwpercentage × (toetsingsinkomen − drempelinkomen${partners ? ' incl. partnerverhoging' : ''}), ` +
        'niet lager dan 0; per maand: / 12, half-up afgerond op centen. ' + DREMPEL_NOTE,
      inputs: !explains()
        ? NO_INPUTS
        : {
            'toetsingsinkomen per jaar': fmt(t),
            drempelinkomen: fmtNorm(d),
            afbouwpercentage: rate.toString(),
            'inkomen boven het drempelinkomen': fmt(excess.greaterThan(0) ? excess : ZERO),
            afbouw: fmt(reduction),
            'kindgebonden budget per jaar': fmt(net),
          },
      warning: null,
    };
  }
  if (atNormLevel) {
    return {
      monthly: roundCentsRatio(yearlyMax, 1, 12),
      rule: 'Inkomen op bijstandsniveau en geen toetsingsinkomen ingevuld: aangenomen dat het toetsingsinkomen onder het drempelinkomen ligt, dus geen afbouw; per maand / 12, half-up afgerond op centen.',
      inputs: {},
      warning: null,
    };
  }
  return {
    monthly: null,
    rule: 'Inkomen boven bijstandsniveau: het kindgebonden budget wordt afgebouwd naar het toetsingsinkomen, dat niet is ingevuld; niet berekend.',
    inputs: {},
    warning: {
      code: 'KGB_AFBOUW_ONBEKEND',
      message: `Het kindgebonden budget hangt af van het toetsingsinkomen (bruto per jaar). Vul het toetsingsinkomen van het huishouden in bij "Gegevens voor de berekening"; maximaal ${formatEuro(yearlyMax.dividedBy(12))} per maand.`,
      figure: 'kindgebondenBudgetVerwacht',
    },
  };
}

// ---------------------------------------------------------------------------------------------- zorgtoeslag

/**
 * Zorgtoeslag per month by the law formula (RULES.md f.3): standaardpremie (× 2 with a partner) − normpremie,
 * normpremie = percentage × drempelinkomen + 13,73 % × (toetsingsinkomen − drempelinkomen, if positive); nothing
 * above the income limit. Only for insured adults: none insured gives nothing; a couple of whom one is insured
 * gets half (Wzt art. 2, RULES.md f.3).
 */
export function zorgtoeslagExpected(args: {
  norms: NormSet;
  date: string;
  partners: boolean;
  toetsingsinkomen: Decimal | null;
  atNormLevel: boolean;
  /** Adults insured under the Zvw (default: all). Art. 2 Wzt: none -> nothing; a couple with one -> 50 %. */
  insuredAdults?: number;
}): { figure: Figure; tables: NormTableRef[]; missing: NormUse['missing'] } {
  const label = 'Zorgtoeslag verwacht per maand';
  const period = findPeriod(args.norms.zorgverzekering, args.date);
  const use = new NormUse(args.norms);
  if (!period) {
    return { figure: figure(label, null, 'Geen tabel zorgverzekering/zorgtoeslag voor de peildatum.', {}), tables: [], missing: [] };
  }
  const premium = use.figure(period, 'standard_premium_per_year');
  const pct = use.figure(period, args.partners ? 'zorgtoeslag.normpremie_pct_partners' : 'zorgtoeslag.normpremie_pct_single');
  const pctAbove = use.figure(period, 'zorgtoeslag.normpremie_pct_above_threshold');
  const d = use.figure(period, 'zorgtoeslag.drempelinkomen');
  const limit = use.has(period, args.partners ? 'zorgtoeslag.income_limit_partners' : 'zorgtoeslag.income_limit_single')
    ? use.figure(period, args.partners ? 'zorgtoeslag.income_limit_partners' : 'zorgtoeslag.income_limit_single')
    : null;
  const done = (value: Decimal | null, rule: string, inputs: Record<string, InputValue>) => {
    const tables = use.tables();
    return { figure: figure(label, value, rule, inputs, tables), tables, missing: use.missing };
  };
  if (premium === null || pct === null || pctAbove === null || d === null) {
    return done(null, 'Niet te berekenen: een parameter van de zorgtoeslag ontbreekt in de tabel (zie ontbrekende normbedragen).', {});
  }
  const adults = args.partners ? 2 : 1;
  const insured = Math.min(args.insuredAdults ?? adults, adults);
  if (insured === 0) {
    return done(
      ZERO,
      'Geen zorgtoeslag: ' + (args.partners ? 'geen van beide partners is' : 'de aanvrager is niet') +
        ' verzekerd voor de Zorgverzekeringswet (Wet op de zorgtoeslag art. 2: alleen een verzekerde heeft aanspraak).',
      { 'verzekerde volwassenen': 0 },
    );
  }
  const half = args.partners && insured === 1;
  const t = args.toetsingsinkomen ?? (args.atNormLevel ? null : undefined);
  if (t === undefined) {
    return done(null, 'Inkomen boven bijstandsniveau en geen toetsingsinkomen ingevuld: de zorgtoeslag is niet te berekenen.', {});
  }
  const standard = args.partners ? premium.times(2) : premium;
  const excess = t === null ? ZERO : t.minus(d);
  const normpremie = pct.times(d).plus(excess.greaterThan(0) ? excess.times(pctAbove) : ZERO);
  const yearlyRaw = standard.minus(normpremie);
  const aboveLimit = t !== null && limit !== null && t.greaterThan(limit);
  const full = aboveLimit || yearlyRaw.isNegative() ? ZERO : yearlyRaw;
  const yearly = half ? full.times(HALF) : full;
  return done(
    roundCentsRatio(yearly, 1, 12),
    `Wet op de zorgtoeslag art. 2: standaardpremie${args.partners ? ' × 2 (met partner)' : ''} − normpremie; normpremie = ` +
      `${args.partners ? '4,289' : '1,912'} % × drempelinkomen + 13,73 % × (toetsingsinkomen − drempelinkomen, als dat positief is). ` +
      'Boven de inkomensgrens geen zorgtoeslag. ' +
      (half ? 'Eén van de partners is niet verzekerd voor de Zorgverzekeringswet: 50 % van de uitkomst (art. 2 Wzt). ' : '') +
      'Per maand: / 12, half-up afgerond op centen. ' +
      (t === null
        ? 'Geen toetsingsinkomen ingevuld; inkomen op bijstandsniveau: aangenomen dat het toetsingsinkomen onder het drempelinkomen ligt.'
        : DREMPEL_NOTE),
    !explains()
      ? NO_INPUTS
      : {
          standaardpremie: fmt(standard),
          'toetsingsinkomen per jaar': t === null ? 'niet ingevuld (bijstandsniveau)' : fmt(t),
          drempelinkomen: fmtNorm(d),
          normpremie: fmt(normpremie),
          inkomensgrens: fmtNorm(limit),
          'verzekerde volwassenen': insured,
          'zorgtoeslag per jaar': fmt(yearly),
        },
  );
}

// ---------------------------------------------------------------------------------------------- kinderbijslag

/**
 * What the kinderbijslag per month was in the previous quarter (its bands and its table), for the children that
 * get kinderbijslag now: a shortfall equal to the step to the new quarter is the SVB's automatic change.
 */
export function previousQuarterKinderbijslag(
  dossier: BudgetDossier,
  perChild: { child: number; band: string | null }[],
  norms: NormSet,
  quarterStartIso: string,
): { amount: Decimal; reason: string } | null {
  const prevQs = quarterStartOf(lastDayOfPreviousMonth(quarterStartIso));
  const period = findPeriod(norms.kinderbijslag, prevQs);
  const current = findPeriod(norms.kinderbijslag, quarterStartIso);
  if (!period) return null;
  const parts: Decimal[] = [];
  const changes: string[] = [];
  for (const p of perChild) {
    if (p.band === null) continue;
    const c = dossier.children[p.child - 1];
    if (!c || c.birthDate > prevQs) continue;
    const age = ageOn(c.birthDate, prevQs);
    const band = age <= 5 ? '0-5' : age <= 11 ? '6-11' : age <= 17 ? '12-17' : null;
    if (band === null) continue;
    const raw = period.figures[band === '0-5' ? 'age_0_5' : band === '6-11' ? 'age_6_11' : 'age_12_17'];
    if (raw === undefined) return null;
    parts.push(fromNorm(normDecimal(raw), QUARTER_TO_MONTH));
    if (band !== p.band) changes.push(`kind ${p.child} van ${band} naar ${p.band} jaar`);
  }
  if (current && current.start !== period.start) changes.push(`nieuwe bedragen vanaf ${formatNlDate(current.start)}`);
  if (changes.length === 0) return null;
  return { amount: sum(parts), reason: `de automatische aanpassing per ${formatNlDate(quarterStartIso)} (${changes.join('; ')})` };
}

// ---------------------------------------------------------------------------------------------- Participatiewet

const ABOVE_NORM = 'Het inkomen ligt boven de bijstandsnorm';
const PW_ABOVE_NORM = 'De bijstandsuitkering is hoger dan de bijstandsnorm: controleer eerst het bedrag (zie hierboven)';

/** A Participatiewet benefit above the household's own norm: ask to check the amount, never "income above the norm". */
export function participatiewetAboveNorm(pw: Decimal, norm: Decimal | null, periodStart: string | null): BudgetWarning | null {
  if (norm === null || pw.isZero()) return null;
  if (!pw.minus(norm).greaterThan(tolerance(norm))) return null;
  return {
    code: 'PARTICIPATIEWET_CONTROLEER_HET_BEDRAG',
    message:
      `Controleer het bedrag: de bijstandsuitkering (${formatEuro(pw)} per maand) is hoger dan de bijstandsnorm van dit huishouden ` +
      `(${formatEuro(norm)} incl. vakantietoeslag${periodStart ? `, normperiode vanaf ${formatNlDate(periodStart)}` : ''}). ` +
      'Staat het juiste bedrag op de beschikking, is er vakantiegeld, een nabetaling of bijzondere bijstand meegeteld, of hoort de uitkering bij een andere periode?',
    figure: 'bijstandsnorm',
  };
}

// ---------------------------------------------------------------------------------------------- engine hook

interface IncomeLike {
  attachable: Figure;
  lines: { counted: boolean; attachable: boolean; category: string; monthly: Decimal }[];
}

export interface EntitlementBasis {
  /** Toetsingsinkomen per year as entered; null = not entered. */
  toetsingsinkomen: Decimal | null;
  /** The attachable income is a Participatiewet benefit only: the household lives at bijstand level. */
  participatiewetOnly: boolean;
  /** Participatiewet benefit per month. */
  participatiewet: Decimal;
}

export function entitlementBasis(toetsingsinkomenPerJaar: string | null | undefined, income: IncomeLike): EntitlementBasis {
  const att = income.lines.filter((l) => l.counted && l.attachable);
  const pw = att.filter((l) => l.category === 'uitkering_participatiewet');
  return {
    toetsingsinkomen: toetsingsinkomenPerJaar ? new Money(toetsingsinkomenPerJaar) : null,
    participatiewetOnly: pw.length > 0 && pw.length === att.length,
    participatiewet: sum(pw.map((l) => l.monthly)),
  };
}

/** Whether the household's income is at bijstand level (for the afbouw assumptions without a toetsingsinkomen). */
export function atBijstandLevel(basis: EntitlementBasis, income: IncomeLike, norm: Decimal | null): boolean {
  return basis.participatiewetOnly || (norm !== null && income.attachable.value!.lessThanOrEqualTo(norm));
}

/**
 * All checks for the result: kinderbijslag and kindgebonden budget (expected amounts from the engine's children
 * block), zorgtoeslag (computed here), and the Participatiewet amount against its norm.
 */
export function checkEntitlements(args: {
  dossier: BudgetDossier;
  norms: NormSet;
  date: string;
  household: Household;
  income: IncomeLike;
  children: { kinderbijslagExpected: Figure; kgbExpected: Figure; perChild: { child: number; band: string | null }[] };
  norm: Figure;
  basis: EntitlementBasis;
  warnings: BudgetWarning[];
  record: (refs: NormTableRef[], missing: NormUse['missing']) => void;
}): Entitlements {
  const { dossier, norms, date, household: h, income, children, norm, basis, warnings } = args;
  const received = (category: string) => sum(income.lines.filter((l) => l.counted && l.category === category).map((l) => l.monthly));
  const checks: EntitlementCheck[] = [];
  const hasChildren = children.perChild.some((c) => c.band !== null) || !received('kinderbijslag').isZero();
  if (hasChildren) {
    const qs = quarterStartOf(date);
    checks.push(judge('kinderbijslag', children.kinderbijslagExpected, received('kinderbijslag'), warnings, previousQuarterKinderbijslag(dossier, children.perChild, norms, qs)));
  }
  if (hasChildren || !received('kindgebonden_budget').isZero()) {
    checks.push(judge('kindgebonden_budget', children.kgbExpected, received('kindgebonden_budget'), warnings));
  }
  if (h.adults.length > 0) {
    const zt = zorgtoeslagExpected({
      norms,
      date,
      partners: h.adults.length === 2,
      toetsingsinkomen: basis.toetsingsinkomen,
      atNormLevel: atBijstandLevel(basis, income, norm.value),
      insuredAdults: h.adults.filter((a) => a.insured).length,
    });
    args.record(zt.tables, zt.missing);
    checks.push(judge('zorgtoeslag', zt.figure, received('zorgtoeslag'), warnings));
  }
  const pwWarning = participatiewetAboveNorm(basis.participatiewet, norm.value, norm.explanation.tables.find((t) => t.group === 'bijstandsnormen')?.periodStart ?? null);
  if (pwWarning) {
    warnings.push(pwWarning);
    if (basis.participatiewetOnly) {
      // The benefit itself is above its norm: that is a reason to check the amount, not "income above the norm".
      for (const w of warnings) {
        if (w !== pwWarning && w.message.startsWith(ABOVE_NORM)) w.message = `${PW_ABOVE_NORM}${w.message.slice(ABOVE_NORM.length)}`;
      }
    }
  }
  return { checks };
}
