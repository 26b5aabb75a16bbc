// The beslagvrije voet above the bijstandsnorm (art. 475da-475dc Rv), computed the way the statute and the
// rekenmodule do it (reference: /work/shared/domain/BVV-VTLB.md §1): formula of lid 2 (linear housing term from
// 2026, quadratic 2021-2025), zorg cap (lid 3), maximum (lid 1), woonkostenverhoging on request (lid 5), the
// reductions of art. 475db in their order and the 95 % cap of art. 475dc. The other base rules of art. 475da lid 4
// (no woonadres: 47.5 % of the gehuwdennorm) and art. 475e lid 2 (inrichting) take the formula's place; the
// reductions and the cap apply to them too. Pure: no I/O.
// Exact arithmetic inside the formula, one half-up rounding to cents of its outcome (which reproduces all eight
// statutory maxima of 2026); every later step works in cents.
import type Decimal from 'decimal.js';
import type { BudgetDossier } from './household';
import { formatNlDate } from '../dates';
import { formatEuro, Money, roundCents, sum, ZERO } from '../money';
import { explains, figure, fixedInputs, fmt, fmtNorm, NO_INPUTS, type Figure, type InputValue } from './explain';
import type { Household } from './household';
import type { BudgetInputs } from './inputs';
import { fromNorm, NormUse, type MissingFigure, type NormSet, type NormTableRef, type ResolvedPeriod } from './norms';

/** Fractions fixed by the statute itself (not indexed). */
export const BVV_BASE_FRACTION = new Money('0.95'); // art. 475da lid 2 and art. 475dc lid 1 Rv
export const WOONKOSTEN_FACTOR = new Money('1.10'); // art. 475da lid 5 Rv: 110 % of H
export const PARTNER_MAX_FRACTION = new Money('0.5'); // art. 475db lid 1 a Rv: at most half of the BVV
export const NO_ADDRESS_FRACTION = new Money('0.475'); // art. 475da lid 4 Rv: 47.5 % of the gehuwdennorm (B)
/** From this date the housing term of lid 2 is linear (Kamerstukken 36 608); before it quadratic. */
export const LINEAR_FORMULA_FROM = '2026-01-01';
/** The statute and the rekenmodule treat a difference below one euro as rounding, not as an error. */
export const STATED_BVV_TOLERANCE = new Money('1.00');

/** 95 % of a norm (A or B), half-up to cents: the lower bound, and the basis without the formula (fromNorm). */
const NORM_95_CENTS = (norm: Decimal): Decimal => roundCents(norm.times(BVV_BASE_FRACTION));
/** The standaardpremie per month (lid 3), exact (fromNorm). */
const PER_MONTH = (perYear: Decimal): Decimal => perYear.dividedBy(12);

export type BvvLeefsituatie = 'alleenstaande' | 'alleenstaande_ouder' | 'gehuwden_zonder_kinderen' | 'gehuwden_met_kinderen';
export const BVV_LEEFSITUATIE_LABELS: Record<BvvLeefsituatie, string> = {
  alleenstaande: 'alleenstaande (art. 475da lid 2 a)',
  alleenstaande_ouder: 'alleenstaande ouder (art. 475da lid 2 b)',
  gehuwden_zonder_kinderen: 'gehuwden zonder kinderen (art. 475da lid 2 c)',
  gehuwden_met_kinderen: 'gehuwden met een of meer kinderen (art. 475da lid 2 d)',
};
export const BVV_MAX_KEY: Record<BvvLeefsituatie, string> = {
  alleenstaande: 'single',
  alleenstaande_ouder: 'single_parent',
  gehuwden_zonder_kinderen: 'couple_no_children',
  gehuwden_met_kinderen: 'couple_with_children',
};

export function bvvLeefsituatie(h: Household): BvvLeefsituatie {
  if (h.type === 'alleenstaande') return 'alleenstaande';
  if (h.type === 'alleenstaande_ouder') return 'alleenstaande_ouder';
  return h.childrenUnder18 > 0 ? 'gehuwden_met_kinderen' : 'gehuwden_zonder_kinderen';
}

// ---------------------------------------------------------------------------------------------- the formula

/** Parameters of art. 475da lid 2 for one period and leefsituatie (letters as in the statute). */
export interface BvvFormulaParameters {
  vorm: 'lineair' | 'kwadratisch';
  /** A (alleenstaande, ALO) or B (gehuwden): norm of art. 21 a/b PW incl. vakantietoeslag, per month. */
  norm: Decimal;
  /** D: drempelinkomen per year. */
  D: Decimal;
  /** E: zorgtoeslag percentage above the drempel (fraction). */
  E: Decimal;
  /** Lid 3 cap of the zorg term: standaardpremie / 12 (× 2 for gehuwden) − art. 23 lid 2 PW amount. */
  zorgCap: Decimal;
  /** H: maximale huurgrens per month (linear form). */
  H: Decimal;
  /** J: basishuur per month (eenpersoons for a single debtor, meerpersoons otherwise). */
  J: Decimal;
  /** Linear form: minimum-inkomensijkpunt per year and afbouwpercentage (F or G) as a fraction. */
  miij: Decimal;
  afbouw: Decimal;
  /** Quadratic form: coefficient of C² and of C (normhuur factors of the old Wht). */
  kwadratisch: { c2: Decimal; c1: Decimal } | null;
  /** K: KGB afbouwpercentage (fraction); L: partner increase of the KGB drempel per year. */
  K: Decimal;
  L: Decimal;
}

export interface BvvFormulaOutcome {
  /** 95 % × A or B. */
  basis: Decimal;
  /** D as applied: D, or C when C is lower. */
  Dv: Decimal;
  zorgOngekapt: Decimal;
  /** Zorg term after the lid 3 cap. */
  zorg: Decimal;
  /** I = C − minimum-inkomensijkpunt, floored at 0 (linear form). */
  I: Decimal | null;
  /** Housing term (linear: min(I × F|G / 12, H − J); quadratic: F|H × C² + G|I × C − J), floored at 0. */
  woon: Decimal;
  /** KGB term (alleenstaande ouder, gehuwden met kinderen), floored at 0; 0 otherwise. */
  kgb: Decimal;
  /** Exact sum of the terms. */
  som: Decimal;
  /** The sum rounded half-up to cents: the outcome of lid 2 before the maximum. */
  uitkomst: Decimal;
}

const max0 = (d: Decimal): Decimal => (d.isNegative() ? ZERO : d);
const min = (a: Decimal, b: Decimal): Decimal => (a.lessThan(b) ? a : b);

/**
 * Art. 475da lid 2 Rv for a yearly belastbaar inkomen C (debtor plus spouse). Floors at 0 for I and for the
 * couple KGB term: not in the statute, but without them a low income would get less than 95 % of the norm
 * (BVV-VTLB.md §5 item 1).
 */
export function bvvFormula(p: BvvFormulaParameters, leefsituatie: BvvLeefsituatie, C: Decimal): BvvFormulaOutcome {
  const basis = p.norm.times(BVV_BASE_FRACTION);
  const Dv = C.lessThan(p.D) ? C : p.D;
  const zorgOngekapt = C.minus(Dv).dividedBy(12).times(p.E);
  const zorg = min(zorgOngekapt, p.zorgCap);
  let I: Decimal | null = null;
  let woon: Decimal;
  if (p.vorm === 'lineair') {
    I = max0(C.minus(p.miij));
    woon = min(I.times(p.afbouw).dividedBy(12), p.H.minus(p.J));
  } else {
    const q = p.kwadratisch!;
    woon = max0(q.c2.times(C).times(C).plus(q.c1.times(C)).minus(p.J));
  }
  let kgb = ZERO;
  if (leefsituatie === 'alleenstaande_ouder') kgb = C.minus(Dv).dividedBy(12).times(p.K);
  if (leefsituatie === 'gehuwden_met_kinderen') kgb = max0(C.minus(Dv.plus(p.L)).dividedBy(12).times(p.K));
  const som = basis.plus(zorg).plus(woon).plus(kgb);
  return { basis, Dv, zorgOngekapt, zorg, I, woon, kgb, som, uitkomst: roundCents(som) };
}

/** Keys of the formula parameters in the beslagvrije_voet table (BVV-VTLB.md §2). */
export const BVV_FORMULA_KEYS = {
  D: 'formula.drempelinkomen',
  E: 'formula.zorg_pct',
  F: 'formula.huur_afbouw_eenpersoons',
  G: 'formula.huur_afbouw_meerpersoons',
  H: 'formula.maximale_huurgrens',
  J1: 'formula.basishuur_eenpersoons',
  Jm: 'formula.basishuur_meerpersoons',
  miij1: 'formula.minimum_inkomensijkpunt_eenpersoons',
  miijm: 'formula.minimum_inkomensijkpunt_meerpersoons',
  /** Art. 475da lid 7: income limits (per year) below which an owner-occupier may ask for a raise. */
  lid7single: 'formula.lid7_inkomensgrens_eenpersoons',
  lid7multi: 'formula.lid7_inkomensgrens_meerpersoons',
  /** Quadratic form (2021-2025): coefficient of C² × 1,000,000 (the table keeps at most six decimals) and of C. */
  q1c2: 'formula.kwadratisch.eenpersoons_c2_maal_miljoen',
  q1c1: 'formula.kwadratisch.eenpersoons_c',
  qmc2: 'formula.kwadratisch.meerpersoons_c2_maal_miljoen',
  qmc1: 'formula.kwadratisch.meerpersoons_c',
} as const;

export interface ResolvedBvvParameters {
  params: BvvFormulaParameters | null;
  /** A or B, and the art. 23 lid 2 PW amount (the zorg premium the norm itself carries), each when present. */
  norm: Decimal | null;
  pw23: Decimal | null;
  /** Keys (group › key) the period lacks; the formula is then not applied. */
  missing: { group: ResolvedPeriod['group']; period: ResolvedPeriod; key: string }[];
  maximum: Decimal | null;
  /** Inputs for the explanation (named, as decimal strings). */
  shown: Record<string, InputValue>;
}

export interface BvvPeriods {
  bijstand: ResolvedPeriod;
  bvv: ResolvedPeriod;
  zorgverzekering: ResolvedPeriod | null;
  kgb: ResolvedPeriod | null;
}

/** Read the parameters for `leefsituatie` from the periods in force; records every table figure in `use`. */
export function resolveBvvParameters(use: NormUse, periods: BvvPeriods, leefsituatie: BvvLeefsituatie, date: string): ResolvedBvvParameters {
  const missing: ResolvedBvvParameters['missing'] = [];
  const get = (period: ResolvedPeriod | null, key: string, group: ResolvedPeriod['group']): Decimal | null => {
    if (period === null) {
      missing.push({ group, period: periods.bvv, key });
      return null;
    }
    if (!use.has(period, key)) {
      missing.push({ group, period, key });
      return null;
    }
    return use.figure(period, key);
  };
  const single = leefsituatie === 'alleenstaande';
  const couple = leefsituatie === 'gehuwden_zonder_kinderen' || leefsituatie === 'gehuwden_met_kinderen';
  const vorm = date >= LINEAR_FORMULA_FROM ? 'lineair' : 'kwadratisch';
  const k = BVV_FORMULA_KEYS;
  const norm = get(periods.bijstand, couple ? 'age_21_to_aow.couple.incl_holiday_pay' : 'age_21_to_aow.single.incl_holiday_pay', 'bijstandsnormen');
  const D = get(periods.bvv, k.D, 'beslagvrije_voet');
  const E = get(periods.bvv, k.E, 'beslagvrije_voet');
  const J = get(periods.bvv, single ? k.J1 : k.Jm, 'beslagvrije_voet');
  let H: Decimal | null = ZERO;
  let miij: Decimal | null = ZERO;
  let afbouw: Decimal | null = ZERO;
  let kwadratisch: BvvFormulaParameters['kwadratisch'] = null;
  if (vorm === 'lineair') {
    H = get(periods.bvv, k.H, 'beslagvrije_voet');
    // ALO uses the meerpersoons parameters (BVV-VTLB.md §3.1, confirmed by the ALO maxima).
    miij = get(periods.bvv, single ? k.miij1 : k.miijm, 'beslagvrije_voet');
    afbouw = get(periods.bvv, single ? k.F : k.G, 'beslagvrije_voet');
  } else {
    const c2 = get(periods.bvv, single ? k.q1c2 : k.qmc2, 'beslagvrije_voet');
    const c1 = get(periods.bvv, single ? k.q1c1 : k.qmc1, 'beslagvrije_voet');
    if (c2 !== null && c1 !== null) kwadratisch = { c2: c2.dividedBy(1_000_000), c1 };
  }
  const premie = get(periods.zorgverzekering, 'standard_premium_per_year', 'zorgverzekering');
  const pw23 = get(periods.bijstand, couple ? 'institution.supplement_couple' : 'institution.supplement_single', 'bijstandsnormen');
  const withKids = leefsituatie === 'alleenstaande_ouder' || leefsituatie === 'gehuwden_met_kinderen';
  const K = withKids ? get(periods.kgb, 'phase_out_rate', 'kindgebonden_budget') : ZERO;
  const L = leefsituatie === 'gehuwden_met_kinderen' ? get(periods.kgb, 'partner_threshold_increase', 'kindgebonden_budget') : ZERO;
  const maximum = use.has(periods.bvv, BVV_MAX_KEY[leefsituatie]) ? use.figure(periods.bvv, BVV_MAX_KEY[leefsituatie]) : null;
  if (maximum === null) missing.push({ group: 'beslagvrije_voet', period: periods.bvv, key: BVV_MAX_KEY[leefsituatie] });

  const zorgCap = premie !== null && pw23 !== null ? fromNorm(premie, PER_MONTH).times(couple ? 2 : 1).minus(pw23) : null;
  const params: BvvFormulaParameters | null =
    norm && D && E && J && H && miij && afbouw && zorgCap && K && L && (vorm === 'lineair' || kwadratisch !== null)
      ? { vorm, norm, D, E, zorgCap, H, J, miij, afbouw, kwadratisch, K, L }
      : null;
  // Figures only (explain.ts): nothing shows these inputs.
  if (!explains()) return { params, norm, pw23, missing, maximum, shown: NO_INPUTS };
  // Norm figures (NormUse.figure): their texts are remembered (fmtNorm); the zorg cap is worked out anew.
  const shown: Record<string, InputValue> = {
    [couple ? 'B (norm art. 21 b PW, incl. VT)' : 'A (norm art. 21 a PW, incl. VT)']: fmtNorm(norm),
    'D (drempelinkomen, per jaar)': fmtNorm(D),
    'E (zorgtoeslag, % boven de drempel)': E === null ? null : E.toString(),
    'standaardpremie per jaar': fmtNorm(premie),
    [`bedrag art. 23 lid 2 PW`]: fmtNorm(pw23),
    'maximum zorgterm (lid 3)': fmt(zorgCap),
    [single ? 'J (basishuur eenpersoons)' : 'J (basishuur meerpersoons)']: fmtNorm(J),
  };
  if (vorm === 'lineair') {
    shown['H (maximale huurgrens)'] = fmtNorm(H);
    shown[single ? 'minimum-inkomensijkpunt eenpersoons' : 'minimum-inkomensijkpunt meerpersoons'] = fmtNorm(miij);
    shown[single ? 'F (afbouw eenpersoons)' : 'G (afbouw meerpersoons)'] = afbouw === null ? null : afbouw.toString();
  } else {
    shown['kwadratische factor (C²)'] = kwadratisch ? kwadratisch.c2.toString() : null;
    shown['lineaire factor (C)'] = kwadratisch ? kwadratisch.c1.toString() : null;
  }
  if (withKids) shown['K (afbouw kindgebonden budget)'] = K === null ? null : K.toString();
  if (leefsituatie === 'gehuwden_met_kinderen') shown['L (verhoging drempel partners, per jaar)'] = fmtNorm(L);
  shown['maximum (lid 1)'] = fmtNorm(maximum);
  return { params, norm, pw23, missing, maximum, shown };
}

// ---------------------------------------------------------------------------------------------- the BVV in steps

export type BvvStepKind =
  | 'basis'
  | 'zorg'
  | 'woon'
  | 'kgb'
  | 'afronding'
  | 'formule'
  | 'maximum'
  | 'na_maximum'
  | 'woonkostenverhoging'
  | 'verhoging_eigen_woning'
  | 'inrichting'
  | 'geen_woonadres'
  | 'aftrek_partner'
  | 'aftrek_eigen'
  | 'aftrek_auto'
  | 'voor_inkomenstoets'
  | 'inkomenstoets'
  | 'uitkomst';

export interface BvvStep {
  kind: BvvStepKind;
  figure: Figure;
}

export interface StatedBvvCheck {
  amount: Decimal;
  date: string;
  statedBy: string;
  /** Houvast's figure minus the stated one; null when Houvast has no figure. */
  difference: Decimal | null;
  /** More than € 1 apart. */
  differs: boolean;
}

/** The BVV computation as the rekenmodule shows it, next to the engine's beslagvrijeVoet figure. */
export interface BvvDetail {
  vorm: 'lineair' | 'kwadratisch' | null;
  leefsituatie: BvvLeefsituatie;
  leefsituatieLabel: string;
  beslagOp: BudgetInputs['beslagOp'];
  /** C: belastbaar inkomen per year of debtor + spouse; null when not entered. */
  belastbaarInkomen: Figure;
  /** Net monthly income incl. VT of the debtor(s) from periodic claims (a-i): what the 95 % cap looks at. */
  inkomenSchuldenaar: Figure;
  /** Net non-attached periodic income of the spouse (475db a); zero when the whole household is the debtor. */
  inkomenPartnerNietBeslagen: Figure;
  steps: BvvStep[];
  /** The fictitious amounts inside the BVV (exact), for the VTLB's correctie individuele lasten; null when the
   *  formula was not applied. */
  kop: { zorg: Decimal; woon: Decimal; kgb: Decimal; J: Decimal; pw23: Decimal; aangenomen: boolean; woonkostenverhoging: Decimal } | null;
  opgave: StatedBvvCheck | null;
}

export interface BvvHooks {
  norms: NormSet;
  date: string;
  collect(use: NormUse): NormTableRef[];
  warn(code: string, message: string, figure?: string): void;
  /** Report table figures that are absent (one warning for all of them is given by the caller's message). */
  addMissing(m: MissingFigure): void;
}

export interface BvvIncomeLine {
  index: number;
  attachable: boolean;
  counted: boolean;
  monthly: Decimal;
}

export interface BvvArgs {
  hooks: BvvHooks;
  dossier: BudgetDossier;
  household: Household;
  inputs: BudgetInputs;
  incomeLines: readonly BvvIncomeLine[];
  periods: BvvPeriods;
  /** Rent and mortgage per month from the dossier (for lid 5), exact. */
  woonkosten: Decimal | null;
  /** Explanation text about the age groups (from the engine). */
  normNote: string;
}

export interface BvvOutcome {
  figure: Figure;
  regime: 'inkomen_tot_norm' | 'inkomen_boven_norm' | 'geen_vast_adres';
  lowerBound: Figure | null;
  upperBound: Figure | null;
  detail: BvvDetail;
}

const LABEL = 'Beslagvrije voet';

const HERBEREKENING =
  'Vraag de beslaglegger schriftelijk om een herberekening van de beslagvrije voet (art. 475d lid 3 Rv) en stuur deze berekening mee; ' +
  'een verhoging werkt terug tot de datum van het beslag als de gegevens binnen vier weken worden doorgegeven (art. 475i lid 4 Rv).';

const BELASTBAAR_HINT =
  'Het belastbaar inkomen per jaar staat op de jaaropgave (fiscaal loon), op de loonstrook (loon voor de loonheffing × 12 of × 13) ' +
  'of op de modelmededeling van de beslaglegger.';

/** Net monthly income of each role from periodic claims (attachable categories), counted on the reference date. */
function incomeByRole(args: Pick<BvvArgs, 'incomeLines' | 'dossier'>): { aanvrager: Decimal; partner: Decimal; aanvragerLines: number; partnerLines: number } {
  let aanvrager: Decimal = ZERO;
  let partner: Decimal = ZERO;
  let aanvragerLines = 0;
  let partnerLines = 0;
  for (const l of args.incomeLines) {
    if (!l.counted || !l.attachable) continue;
    const role = args.dossier.incomes[l.index]?.personRole ?? null;
    // Household income without a recipient counts as the aanvrager's: the aanvrager is the debtor by default.
    if (role === 'partner') {
      partner = partner.plus(l.monthly);
      partnerLines++;
    } else {
      aanvrager = aanvrager.plus(l.monthly);
      aanvragerLines++;
    }
  }
  return { aanvrager, partner, aanvragerLines, partnerLines };
}

/**
 * The debtor's net monthly income from periodic claims (art. 475dc lid 1): the whole household's, or one partner's
 * when the beslag is on that partner alone (`beslagOp`, only for a couple).
 */
export function debtorIncomeOf(incomeLines: readonly BvvIncomeLine[], dossier: BudgetDossier, beslagOp: BudgetInputs['beslagOp']): Decimal {
  const byRole = incomeByRole({ incomeLines, dossier });
  return beslagOp === 'partner' ? byRole.partner : beslagOp === 'aanvrager' ? byRole.aanvrager : byRole.aanvrager.plus(byRole.partner);
}

/**
 * The BVV of a household: its base (the formula of art. 475da lid 2 with the maximum and the raises on request; or,
 * without a woonadres, 47.5 % of B under lid 4; or the inrichting rule of art. 475e lid 2), then the reductions of
 * art. 475db and the 95 % cap of art. 475dc. A missing norm gives a null figure and a warning.
 */
export function computeBeslagvrijeVoet(args: BvvArgs): BvvOutcome {
  const { hooks, household: h, inputs } = args;
  // Figures only (explain.ts): the explanations' texts and inputs are left out, so they are not built.
  const words = explains();
  const use = new NormUse(hooks.norms);
  const leefsituatie = bvvLeefsituatie(h);
  const couple = h.adults.length >= 2;
  const beslagOp = couple ? inputs.beslagOp : 'huishouden';
  // Art. 475da lid 4: without a woonadres in the BRP the base is 47.5 % of B, not the formula (h.fixedAddress is
  // false only then; a briefadres with insight counts as fixed, art. 475e lid 1). No formula parameters are read.
  const noAddress = !h.fixedAddress;
  const resolved = noAddress ? noAddressParameters(use, args.periods) : resolveBvvParameters(use, args.periods, leefsituatie, hooks.date);
  // A or B; for the no-address rule B.
  const norm = resolved.norm;

  // Who is the debtor: the whole household (a joint debt arrangement: both incomes count, nothing is deducted
  // for the spouse), or one adult with the other one's income as the spouse's non-attached income (475db a).
  const byRole = incomeByRole(args);
  const debtorIncome = beslagOp === 'partner' ? byRole.partner : beslagOp === 'aanvrager' ? byRole.aanvrager : byRole.aanvrager.plus(byRole.partner);
  const partnerIncomeExact = beslagOp === 'partner' ? byRole.aanvrager : beslagOp === 'aanvrager' ? byRole.partner : ZERO;
  const partnerIncome = roundCents(partnerIncomeExact);
  const beslagOpText =
    beslagOp === 'huishouden'
      ? couple
        ? 'beide partners zijn schuldenaar (inkomen van het hele huishouden)'
        : 'de aanvrager is schuldenaar'
      : beslagOp === 'aanvrager'
        ? 'alleen het inkomen van de aanvrager (posten zonder ontvanger tellen als van de aanvrager)'
        : 'alleen het inkomen van de partner';
  const inkomenSchuldenaar = figure(
    'Netto inkomen schuldenaar per maand (incl. vakantiegeld)',
    debtorIncome,
    `Netto periodiek inkomen (loon, uitkering, pensioen, alimentatie, overig; art. 475c lid 1 a-i Rv) op de peildatum: ${beslagOpText}. ` +
      'Toeslagen en kinderregelingen tellen niet mee. Elke post per maand half-up afgerond op centen, dan opgeteld.',
    words ? { 'beslag op': beslagOpText, 'inkomen aanvrager': fmt(byRole.aanvrager), 'inkomen partner': couple ? fmt(byRole.partner) : null } : NO_INPUTS,
  );
  const partnerFig = figure(
    'Niet-beslagen inkomen echtgenoot per maand',
    partnerIncome,
    beslagOp === 'huishouden'
      ? 'Beide partners zijn schuldenaar: er is geen niet-beslagen inkomen van de echtgenoot (art. 475db lid 1 a Rv niet van toepassing).'
      : 'Netto periodiek inkomen van de echtgenoot dat niet onder het beslag valt (art. 475db lid 1 a Rv), half-up afgerond op centen.',
    words ? { 'inkomen echtgenoot': fmt(partnerIncomeExact) } : NO_INPUTS,
  );

  // C: belastbaar inkomen of debtor + spouse (art. 475da lid 2, 475d lid 1).
  const bi = inputs.belastbaarInkomenPerJaar;
  const missingC: string[] = [];
  if (bi.aanvrager === null) missingC.push('de aanvrager');
  if (couple && bi.partner === null) missingC.push('de partner');
  const C = missingC.length === 0 ? new Money(bi.aanvrager!).plus(couple ? new Money(bi.partner!) : ZERO) : null;
  const belastbaarFig = figure(
    'Belastbaar inkomen per jaar (C)',
    C,
    'C = belastbaar inkomen als jaarbedrag van de schuldenaar en, als hij gehuwd is of samenwoont, zijn echtgenoot (art. 475da lid 2 en 475d lid 1 Rv). ' +
      BELASTBAAR_HINT,
    words ? { aanvrager: bi.aanvrager, partner: couple ? bi.partner : null } : NO_INPUTS,
  );

  const above = !noAddress && norm !== null && debtorIncome.greaterThan(norm);
  const stated = inputs.statedBvv ?? null;
  const baseInputs: Record<string, InputValue> = !words
    ? NO_INPUTS
    : {
        leefsituatie: BVV_LEEFSITUATIE_LABELS[leefsituatie],
        'netto inkomen schuldenaar per maand': fmt(debtorIncome),
        ...(noAddress ? {} : { 'belastbaar inkomen per jaar (C)': fmt(C) }),
        ...(stated ? { 'opgegeven beslagvrije voet': stated.amount, 'opgegeven op': formatNlDate(stated.date), 'opgegeven door': stated.statedBy } : {}),
      };
  // The detail and the outcome are written out, not spread: a copy of seven properties plus three more cost more
  // than the whole literal, on every run.
  const detailOf = (steps: BvvStep[], kop: BvvDetail['kop'], opgave: StatedBvvCheck | null): BvvDetail => ({
    // The formula is applied only with C; without it (income up to the norm) only 95 % of the norm and the cap are.
    vorm: !noAddress && resolved.params && C !== null ? resolved.params.vorm : null,
    leefsituatie,
    leefsituatieLabel: BVV_LEEFSITUATIE_LABELS[leefsituatie],
    beslagOp,
    belastbaarInkomen: belastbaarFig,
    inkomenSchuldenaar,
    inkomenPartnerNietBeslagen: partnerFig,
    steps,
    kop,
    opgave,
  });
  const lower = norm === null ? null : fromNorm(norm, NORM_95_CENTS);
  const regime = noAddress ? 'geen_vast_adres' : above ? 'inkomen_boven_norm' : 'inkomen_tot_norm';
  const outcome = (fig: Figure, refs: NormTableRef[], detail: BvvDetail): BvvOutcome => ({
    figure: fig,
    regime,
    lowerBound: above
      ? figure('Ondergrens beslagvrije voet', lower, '95 % van de norm (A of B) incl. vakantietoeslag, half-up afgerond op centen: de eerste term van art. 475da lid 2 Rv.', words ? { norm: fmtNorm(norm) } : NO_INPUTS, refs)
      : null,
    upperBound: above
      ? figure('Bovengrens beslagvrije voet (maximum)', resolved.maximum, 'Wettelijke maximale beslagvrije voet voor deze leefsituatie (art. 475da lid 1 Rv).', words ? { leefsituatie: BVV_LEEFSITUATIE_LABELS[leefsituatie] } : NO_INPUTS, refs)
      : null,
    detail,
  });

  const fail = (rule: string, code: string, message: string): BvvOutcome => {
    hooks.warn(code, message, 'beslagvrijeVoet');
    const refs = hooks.collect(use);
    const opgave = stated ? { amount: new Money(stated.amount), date: stated.date, statedBy: stated.statedBy, difference: null, differs: false } : null;
    return outcome(figure(LABEL, null, rule, baseInputs, refs), refs, detailOf([], null, opgave));
  };

  if (norm === null) {
    return fail(noAddress ? 'Geen vast woonadres: 47,5 % van de gehuwdennorm, maar die ontbreekt.' : 'Niet te berekenen: de norm 21 jaar tot AOW-leeftijd ontbreekt.', 'BVV_NORM_ONTBREEKT', 'De bijstandsnorm voor de beslagvrije voet ontbreekt in de tabel; de beslagvrije voet is niet berekend.');
  }
  // Art. 475e lid 2 (inrichting): its own rule, no formula parameters or C needed. Without a woonadres lid 4 decides.
  const inrichting = noAddress ? null : (inputs.inrichting ?? null);
  /** The base is the formula of lid 2 (or, without C at or below the norm, 95 % of the norm). */
  const formulaRule = !noAddress && inrichting === null;
  const reportMissing = (): void => {
    for (const m of resolved.missing) {
      hooks.addMissing({
        group: m.group,
        periodStart: m.period.start,
        key: m.key,
        label: m.key,
        listedAsMissing: m.period.missing.some((x) => m.key.startsWith(`${x.split(' ')[0]!}.`) || m.key === x.split(' ')[0]),
        message: `Ontbrekend normbedrag voor de beslagvrije voet: ${m.key} (${m.group}, vanaf ${formatNlDate(m.period.start)}). Dit bedrag wordt niet geschat.`,
      });
    }
  };
  if (resolved.params === null && above && formulaRule) {
    reportMissing();
    return statedFallback(args, use, norm, debtorIncome, resolved, detailOf, baseInputs);
  }
  if (C === null && above && formulaRule) {
    return fail(
      `Inkomen boven de norm: de beslagvrije voet volgt uit de formule van art. 475da lid 2 Rv met het belastbaar inkomen (C). Zonder dat inkomen niet te berekenen; er wordt niets geschat. ${args.normNote}`,
      'BVV_BELASTBAAR_INKOMEN_NODIG',
      `Het inkomen ligt boven de bijstandsnorm. Vul het belastbaar inkomen per jaar in van ${missingC.join(' en ')} om de beslagvrije voet te berekenen. ${BELASTBAAR_HINT}` +
        (stated ? ` De opgegeven beslagvrije voet (${formatEuro(stated.amount)}, ${stated.statedBy}) kan pas daarna worden gecontroleerd.` : ''),
    );
  }

  const steps: BvvStep[] = [];
  const refsNow = () => hooks.collect(use);
  const step = (kind: BvvStepKind, label: string, value: Decimal, rule: string, inputs: Record<string, InputValue> = NO_INPUTS) => {
    steps.push({ kind, figure: figure(label, value, rule, inputs) });
    return value;
  };
  let kop: BvvDetail['kop'] = null;
  let afterMax: Decimal;
  const p = resolved.params;
  if (noAddress) {
    afterMax = noAddressBvv(norm, step);
    hooks.warn('GEEN_VAST_ADRES', 'Geen vast woonadres in het dossier: de beslagvrije voet is 47,5 % van de gehuwdennorm (art. 475da lid 4 Rv). Een normale beslagvrije voet geldt als de schuldenaar de deurwaarder inzicht geeft in woonsituatie en inkomen (art. 475e lid 1 Rv).', 'beslagvrijeVoet');
    const ignored = [
      ...(inputs.woonkostenverhoging ? ['de woonkostenverhoging (art. 475da lid 5 Rv)'] : []),
      ...(inputs.verhogingEigenWoning ? ['de verhoging eigen woning (art. 475da lid 7 Rv)'] : []),
      ...(inputs.inrichting ? ['de regel voor verblijf in een inrichting (art. 475e lid 2 Rv)'] : []),
    ];
    if (ignored.length > 0) {
      hooks.warn(
        'BVV_GEEN_WOONADRES_INVOER_NIET_GEBRUIKT',
        `Zonder woonadres rekent Houvast met 47,5 % van de gehuwdennorm (art. 475da lid 4 Rv); ${ignored.join(' en ')} is niet toegepast. Beoordeel dit met de beslaglegger.`,
        'beslagvrijeVoet',
      );
    }
  } else if (inrichting !== null) {
    afterMax = inrichtingBvv(args, use, inrichting, couple, step);
  } else if (p !== null && C !== null) {
    const o = bvvFormula(p, leefsituatie, C);
    const partsShown = [roundCents(o.basis), roundCents(o.zorg), roundCents(o.woon), ...(o.kgb.isZero() && leefsituatie !== 'alleenstaande_ouder' && leefsituatie !== 'gehuwden_met_kinderen' ? [] : [roundCents(o.kgb)])];
    step('basis', couple ? '95 % van de gehuwdennorm (B)' : '95 % van de norm (A)', roundCents(o.basis), '95 % × A of B (art. 475da lid 2 Rv); in de formule onafgerond, hier getoond op centen.', words ? { norm: fmtNorm(p.norm), onafgerond: fmt(o.basis) } : NO_INPUTS);
    step(
      'zorg',
      'Zorgterm (zorgtoeslag die wegvalt)',
      roundCents(o.zorg),
      `(C − D) / 12 × E, met D = drempelinkomen of C als dat lager is, ten hoogste de standaardpremie / 12${couple ? ' × 2' : ''} min het bedrag van art. 23 lid 2 PW (art. 475da lid 2 en 3 Rv).`,
      words ? { C: fmt(C), D: fmt(o.Dv), E: p.E.toString(), 'zonder maximum': fmt(o.zorgOngekapt), maximum: fmt(p.zorgCap) } : NO_INPUTS,
    );
    step(
      'woon',
      'Woonterm (huurtoeslag die wegvalt, fictief)',
      roundCents(o.woon),
      p.vorm === 'lineair'
        ? `min(I × ${leefsituatie === 'alleenstaande' ? 'F' : 'G'} / 12, H − J), met I = C − minimum-inkomensijkpunt, niet lager dan 0 (art. 475da lid 2 Rv, tekst vanaf 1 januari 2026). De werkelijke huur telt hier niet mee.`
        : '(factor × C² + factor × C) − J, niet lager dan 0 (art. 475da lid 2 Rv, tekst 2021-2025).',
      !words ? NO_INPUTS : p.vorm === 'lineair' ? { I: fmt(o.I), percentage: p.afbouw.toString(), H: fmtNorm(p.H), J: fmtNorm(p.J), 'H − J': fmt(p.H.minus(p.J)) } : { C: fmt(C), J: fmtNorm(p.J) },
    );
    if (partsShown.length === 4) {
      step(
        'kgb',
        'Kindgebonden-budgetterm (afbouw)',
        roundCents(o.kgb),
        leefsituatie === 'alleenstaande_ouder'
          ? '(C − D) / 12 × K (art. 475da lid 2 b Rv).'
          : '(C − (D + L)) / 12 × K, niet lager dan 0 (art. 475da lid 2 d Rv).',
        words ? { C: fmt(C), D: fmt(o.Dv), L: leefsituatie === 'gehuwden_met_kinderen' ? fmt(p.L) : null, K: p.K.toString() } : NO_INPUTS,
      );
    }
    const diff = o.uitkomst.minus(sum(partsShown));
    if (!diff.isZero()) {
      step('afronding', 'Afronding', diff, 'De formule rekent met onafgeronde termen en rondt de uitkomst één keer af op centen; dit is het verschil met de som van de getoonde afgeronde termen.');
    }
    step('formule', 'Uitkomst formule art. 475da lid 2 Rv', o.uitkomst, 'Som van de termen, exact berekend en één keer half-up afgerond op centen.', words ? { 'exacte som': fmt(o.som) } : NO_INPUTS);
    const maximum = resolved.maximum;
    if (maximum !== null) step('maximum', 'Maximum (art. 475da lid 1 Rv)', maximum, 'Wettelijke maximale beslagvrije voet voor deze leefsituatie.');
    afterMax = maximum !== null && o.uitkomst.greaterThan(maximum) ? maximum : o.uitkomst;
    step('na_maximum', 'Beslagvrije voet volgens art. 475da', afterMax, 'De uitkomst van de formule, niet hoger dan het maximum.');
    kop = { zorg: o.zorg, woon: o.woon, kgb: o.kgb, J: p.J, pw23: resolved.pw23!, aangenomen: false, woonkostenverhoging: ZERO };
  } else {
    // Income at or below the norm without C (or without the formula parameters): the compensation terms are not
    // computed; 95 % of the norm is then the basis, and the 95 %-of-income cap below decides (475dc lid 1).
    afterMax = step(
      'basis',
      couple ? '95 % van de gehuwdennorm (B)' : '95 % van de norm (A)',
      fromNorm(norm, NORM_95_CENTS),
      '95 % × A of B (art. 475da lid 2 Rv), half-up afgerond op centen. Het inkomen ligt niet boven de norm: de compensatietermen ' +
        '(zorg, wonen, kindgebonden budget) zijn zonder belastbaar inkomen niet berekend; de toets aan 95 % van het inkomen beslist.',
      words ? { norm: fmtNorm(norm) } : NO_INPUTS,
    );
    // At or below the norm the compensation terms are taken as 0 (C below the drempelinkomen and the
    // minimum-inkomensijkpunt); the VTLB says so where it uses them.
    if (p !== null) kop = { zorg: ZERO, woon: ZERO, kgb: ZERO, J: p.J, pw23: resolved.pw23!, aangenomen: true, woonkostenverhoging: ZERO };
  }

  // Lid 5: woonkostenverhoging on request.
  let bvv = afterMax;
  if (!formulaRule) {
    // Lid 5 belongs to the formula's BVV: for an inrichting it is reported here, without a woonadres above.
    if (inputs.woonkostenverhoging && inrichting !== null) {
      hooks.warn('WOONKOSTENVERHOGING_NIET_BIJ_INRICHTING', 'De woonkostenverhoging (art. 475da lid 5 Rv) hoort bij de beslagvrije voet van art. 475da, niet bij verblijf in een inrichting (art. 475e lid 2 Rv); niet toegepast.', 'beslagvrijeVoet');
    }
  } else if (inputs.woonkostenverhoging) {
    const H = use.has(args.periods.bvv, BVV_FORMULA_KEYS.H) ? use.figure(args.periods.bvv, BVV_FORMULA_KEYS.H) : null;
    if (H === null || args.woonkosten === null) {
      hooks.warn(
        'WOONKOSTENVERHOGING_NIET_BEREKEND',
        H === null
          ? 'De woonkostenverhoging is gevraagd, maar de maximale huurgrens ontbreekt in de normtabel; niet berekend.'
          : 'De woonkostenverhoging is gevraagd, maar het dossier bevat geen huur of hypotheek; niet berekend.',
        'beslagvrijeVoet',
      );
    } else {
      const drempel = roundCents(H.times(WOONKOSTEN_FACTOR));
      const wk = roundCents(args.woonkosten);
      const raise = wk.greaterThan(drempel) ? wk.minus(drempel) : ZERO;
      // The VTLB's woonlasten correction covers only what the BVV does not already (BVV-VTLB.md §4.1, ch. 5.2).
      if (kop !== null) kop = { ...kop, woonkostenverhoging: raise };
      bvv = bvv.plus(
        step(
          'woonkostenverhoging',
          'Woonkostenverhoging (art. 475da lid 5 Rv, op verzoek)',
          raise,
          'Op verzoek: als de woonkosten ten minste 110 % van de maximale huurgrens (H) zijn, wordt de beslagvrije voet verhoogd met het deel daarboven, ' +
            'voor een bij regeling bepaalde termijn (lid 5), ten hoogste zes maanden te verlengen (lid 6). Woonkosten = huur en hypotheek uit het dossier per maand.',
          { woonkosten: fmt(wk), 'H': fmt(H), '110 % van H': fmt(drempel) },
        ),
      );
      if (couple && beslagOp !== 'huishouden' && raise.greaterThan(0) && partnerIncome.greaterThan(0)) {
        hooks.warn(
          'WOONKOSTENVERHOGING_PARTNER',
          'Bij een gehuwde schuldenaar wordt de woonkostenverhoging alleen toegekend voor zover het niet-beslagen inkomen van de echtgenoot de hogere woonkosten niet kan dragen (art. 475da lid 5 Rv). Beoordeel dit bij het verzoek.',
          'beslagvrijeVoet',
        );
      }
    }
  }

  // Lid 7: an owner-occupier (or a tenant without huurtoeslag right) below the income limit may ask for a raise whose
  // amount the Besluit beslagvrije voet sets; it is not in the tables, so Houvast points it out and never estimates it.
  const date = hooks.date;
  const mortgage = args.dossier.expenses.some((e) => e.category === 'hypotheek' && (!e.startDate || e.startDate <= date) && (!e.endDate || e.endDate >= date));
  const lid7Key = leefsituatie === 'alleenstaande' ? BVV_FORMULA_KEYS.lid7single : BVV_FORMULA_KEYS.lid7multi;
  const lid7Limit = !noAddress && C !== null && use.has(args.periods.bvv, lid7Key) ? use.figure(args.periods.bvv, lid7Key) : null;
  const lid7 = inputs.verhogingEigenWoning ?? null;
  if (lid7 !== null && formulaRule) {
    // The amount is the beslaglegger's (Besluit beslagvrije voet, not in the references): used as entered, with its
    // source, only while C is below the statutory income limit of lid 7.
    if (lid7Limit !== null && C !== null && !C.lessThan(lid7Limit)) {
      hooks.warn(
        'BVV_VERHOGING_EIGEN_WONING_BOVEN_GRENS',
        `De opgegeven verhoging voor de eigen woning (${formatEuro(lid7.bedragPerMaand)}, ${lid7.bron}) is niet toegepast: het belastbaar inkomen ` +
          `(${formatEuro(C)} per jaar) ligt niet onder de grens van art. 475da lid 7 Rv (${formatEuro(lid7Limit)}).`,
        'beslagvrijeVoet',
      );
    } else {
      const amount = new Money(lid7.bedragPerMaand);
      bvv = bvv.plus(
        step(
          'verhoging_eigen_woning',
          'Verhoging eigen woning (art. 475da lid 7 Rv, op verzoek)',
          amount,
          `Bedrag zoals berekend door de beslaglegger (invoer; het Besluit beslagvrije voet bepaalt het en Houvast rekent het niet zelf uit). Bron: ${lid7.bron}. ` +
            'Geldt voor een eigen woning of een huurwoning zonder recht op huurtoeslag, zolang het belastbaar inkomen onder de grens van lid 7 ligt.',
          { bedrag: fmt(amount), bron: lid7.bron, 'belastbaar inkomen per jaar': fmt(C), 'inkomensgrens lid 7': fmt(lid7Limit) },
        ),
      );
      if (C === null || lid7Limit === null) {
        hooks.warn('BVV_VERHOGING_EIGEN_WONING_ONGETOETST', 'De verhoging voor de eigen woning is toegepast zoals opgegeven, maar niet getoetst aan de inkomensgrens van art. 475da lid 7 Rv: vul het belastbaar inkomen in.', 'beslagvrijeVoet');
      }
      if (!mortgage) {
        hooks.warn('BVV_VERHOGING_EIGEN_WONING_GEEN_HYPOTHEEK', 'De verhoging van art. 475da lid 7 Rv is opgegeven, maar het dossier bevat geen hypotheek: controleer of het om een eigen woning of een huurwoning zonder recht op huurtoeslag gaat.', 'beslagvrijeVoet');
      }
    }
  } else if (mortgage && C !== null && lid7Limit !== null && formulaRule) {
    if (C.lessThan(lid7Limit)) {
      hooks.warn(
        'BVV_VERHOGING_EIGEN_WONING_MOGELIJK',
        `Het dossier bevat een hypotheek en het belastbaar inkomen (${formatEuro(C)} per jaar) ligt onder ${formatEuro(lid7Limit)}: de schuldenaar kan de ` +
          'beslaglegger vragen de beslagvrije voet te verhogen (art. 475da lid 7 Rv, eigen woning). Het bedrag staat in het Besluit beslagvrije voet ' +
          'en is niet in Houvast opgenomen; het wordt niet geschat. Heeft de beslaglegger het berekend, vul het dan in bij "Gegevens voor de berekening" ' +
          '(verhoging eigen woning, met de bron).',
        'beslagvrijeVoet',
      );
    }
  }

  // Art. 475db: reductions in their statutory order.
  if (couple && beslagOp !== 'huishouden') {
    // "Ten hoogste de helft": half of an odd number of cents ends in half a cent; the deduction is then rounded
    // down, so what remains is half the BVV rounded half-up (BVV-VTLB.md §1.8: bvv − min(income, bvv/2), rounded).
    const half = bvv.times(PARTNER_MAX_FRACTION);
    const a = partnerIncome.lessThan(half) ? partnerIncome : half.toDecimalPlaces(2, Money.ROUND_DOWN);
    bvv = bvv.minus(
      step('aftrek_partner', 'Aftrek niet-beslagen inkomen echtgenoot (art. 475db lid 1 a Rv)', a.negated(), 'Netto niet-beslagen periodiek inkomen van de echtgenoot incl. vakantiegeld, ten hoogste de helft van de beslagvrije voet (een halve cent valt niet onder de aftrek).', {
        'inkomen echtgenoot': fmt(partnerIncome),
        'helft van de beslagvrije voet': fmt(half),
      }).negated(),
    );
  }
  const own = inputs.nietBeslagenEigenInkomenPerMaand === null ? ZERO : new Money(inputs.nietBeslagenEigenInkomenPerMaand);
  if (own.greaterThan(0)) {
    bvv = bvv.minus(
      step('aftrek_eigen', 'Aftrek eigen niet-beslagen inkomen (art. 475db lid 1 b Rv)', own.negated(), 'Netto periodiek inkomen van de schuldenaar zelf dat niet onder het beslag valt, incl. vakantiegeld (invoer).', { bedrag: fmt(own) }).negated(),
    );
    if (own.greaterThan(roundCents(debtorIncome))) {
      hooks.warn('NIET_BESLAGEN_INKOMEN_TE_HOOG', `Het opgegeven niet-beslagen eigen inkomen (${formatEuro(own)}) is hoger dan het netto inkomen van de schuldenaar in het dossier (${formatEuro(debtorIncome)}).`, 'beslagvrijeVoet');
    }
  }
  const auto = inputs.loonheffingAutoVanDeZaakPerMaand === null ? ZERO : new Money(inputs.loonheffingAutoVanDeZaakPerMaand);
  if (auto.greaterThan(0)) {
    bvv = bvv.minus(
      step('aftrek_auto', 'Aftrek loonheffing auto van de zaak (art. 475db lid 1 c Rv)', auto.negated(), 'Loonheffing over de bijtelling voor privégebruik van een auto van de zaak (invoer), als de schuldenaar die inhouding niet per 1 januari heeft beëindigd.', { bedrag: fmt(auto) }).negated(),
    );
  }
  if (bvv.isNegative()) bvv = ZERO;
  if (noAddress && steps.some((s) => s.kind.startsWith('aftrek_'))) {
    step('voor_inkomenstoets', 'Beslagvrije voet na aftrek', bvv, 'Beslagvrije voet volgens art. 475da lid 4 min de aftrek van art. 475db, niet lager dan 0.');
  } else if (steps.some((s) => s.kind === 'woonkostenverhoging' || s.kind === 'verhoging_eigen_woning' || s.kind.startsWith('aftrek_'))) {
    step('voor_inkomenstoets', 'Beslagvrije voet na verhoging en aftrek', bvv, 'Beslagvrije voet volgens art. 475da na de verhoging en de aftrek van art. 475db, niet lager dan 0.');
  }
  // Art. 475dc lid 1: never more than 95 % of the debtor's monthly income from periodic claims (incl. the own
  // non-attached income: "zijn vorderingen tot periodieke betaling").
  const cap = roundCents(debtorIncome.times(BVV_BASE_FRACTION));
  step('inkomenstoets', '95 % van het netto inkomen (art. 475dc lid 1 Rv)', cap, '95 % van het netto maandinkomen incl. vakantiegeld van de schuldenaar uit periodieke vorderingen, half-up afgerond op centen.', { inkomen: fmt(debtorIncome) });
  // Without the formula (income up to the norm and no C, or no parameters) 95 % of the norm stands in for it, which
  // is right only while the 95 % cap decides: the formula is never lower. When the reductions of art. 475db bring the
  // figure below that cap, the formula's terms count, so C (or, without parameters, the beslaglegger's figure) is
  // needed; the figure from 95 % of the norm would understate the BVV.
  if (formulaRule && !steps.some((x) => x.kind === 'formule') && bvv.lessThan(cap)) {
    if (p === null) {
      reportMissing();
      return statedFallback(args, use, norm, debtorIncome, resolved, detailOf, baseInputs);
    }
    return fail(
      `De aftrek van art. 475db Rv brengt de beslagvrije voet onder 95 % van het inkomen: dan telt de formule van art. 475da lid 2 Rv met het belastbaar inkomen (C). Zonder dat inkomen niet te berekenen; er wordt niets geschat. ${args.normNote}`,
      'BVV_BELASTBAAR_INKOMEN_NODIG',
      `Na de aftrek van het niet-beslagen inkomen (art. 475db Rv) hangt de beslagvrije voet af van de formule van art. 475da lid 2 Rv. Vul het belastbaar inkomen per jaar in van ${missingC.join(' en ')} om de beslagvrije voet te berekenen. ${BELASTBAAR_HINT}`,
    );
  }
  const value = bvv.greaterThan(cap) ? cap : bvv;
  const capped = bvv.greaterThan(cap);
  step('uitkomst', 'Beslagvrije voet (uitkomst)', value, capped ? 'Het laagste van beide: 95 % van het inkomen (art. 475dc lid 1 Rv).' : 'Het laagste van beide: de beslagvrije voet volgens art. 475da/475db.');

  // The stated BVV is a check, never a substitute.
  let opgave: StatedBvvCheck | null = null;
  if (stated) {
    const amount = new Money(stated.amount);
    const difference = value.minus(amount);
    const differs = difference.abs().greaterThan(STATED_BVV_TOLERANCE);
    opgave = { amount, date: stated.date, statedBy: stated.statedBy, difference, differs };
    if (differs) {
      const ours = steps
        .filter((s) => s.kind !== 'maximum' && s.kind !== 'inkomenstoets' && s.kind !== 'uitkomst')
        .map((s) => `${s.figure.label} ${formatEuro(s.figure.value!)}`)
        .join('; ');
      hooks.warn(
        'BVV_OPGAVE_WIJKT_AF',
        `De beslagvrije voet van ${stated.statedBy} (${formatEuro(amount)}, opgave van ${formatNlDate(stated.date)}) wijkt ${formatEuro(difference.abs())} ` +
          `af van de berekening van Houvast (${formatEuro(value)}). Opgave beslaglegger: ${formatEuro(amount)}. ` +
          `Berekening Houvast: ${ours}; 95 % van het inkomen ${formatEuro(cap)}; beslagvrije voet ${formatEuro(value)}. ` +
          (difference.isPositive() ? 'De opgegeven beslagvrije voet is te laag: er wordt mogelijk te veel ingehouden. ' : 'De opgegeven beslagvrije voet is hoger dan berekend. ') +
          HERBEREKENING,
        'beslagvrijeVoet',
      );
    }
    if (stated.date < args.periods.bvv.start) {
      hooks.warn('BVV_OPGAVE_VEROUDERD', `De opgave van de beslagvrije voet (${formatNlDate(stated.date)}) is ouder dan de huidige normperiode (vanaf ${formatNlDate(args.periods.bvv.start)}); vraag een actuele opgave.`, 'beslagvrijeVoet');
    }
  }

  const refs = refsNow();
  for (const s of steps) s.figure.explanation.tables = refs;
  const rule = !words
    ? ''
    : (
        (noAddress
          ? 'Geen woonadres in Nederland (art. 475da lid 4 Rv): 47,5 % van de gehuwdennorm (art. 21 b PW, incl. vakantietoeslag), half-up afgerond op centen, in plaats van de formule van lid 2'
          : p !== null && C !== null
          ? `Art. 475da lid 2 Rv (${p.vorm === 'lineair' ? 'tekst vanaf 1 januari 2026, lineaire woonterm' : 'tekst 2021-2025, kwadratische woonterm'}): 95 % van de norm plus de zorg-, woon-` +
            `${leefsituatie === 'alleenstaande_ouder' || leefsituatie === 'gehuwden_met_kinderen' ? ' en kindgebonden-budget' : ''}term, één keer afgerond op centen, niet hoger dan het maximum (lid 1)`
          : '95 % van de norm (art. 475da lid 2 Rv)') +
        (inrichting !== null ? ' — hier vervangen door de regel voor verblijf in een inrichting (art. 475e lid 2 Rv)' : '') +
        (inputs.woonkostenverhoging && formulaRule ? ', plus de woonkostenverhoging op verzoek (lid 5)' : '') +
        (steps.some((s) => s.kind === 'verhoging_eigen_woning') ? ', plus de verhoging voor de eigen woning op verzoek (lid 7, bedrag van de beslaglegger)' : '') +
        '; dan de aftrek van art. 475db in de wettelijke volgorde (inkomen echtgenoot ten hoogste de helft, eigen niet-beslagen inkomen, loonheffing auto van de zaak); ' +
        `ten slotte nooit meer dan 95 % van het netto inkomen (art. 475dc lid 1 Rv). Stappen: ${steps.map((s) => `${s.figure.label} ${s.figure.value === null ? 'niet te berekenen' : formatEuro(s.figure.value)}`).join('; ')}.${noAddress ? '' : ` ${args.normNote}`}`);
  // Some twenty inputs from three places, all named in code: one object filled by name (explain.ts), not two spreads.
  const allInputs = words ? fixedInputs(baseInputs, resolved.shown, { 'beslag op': beslagOpText }) : NO_INPUTS;
  return outcome(figure(LABEL, value, rule, allInputs, refs), refs, detailOf(steps, kop, opgave));
}

/** Art. 475da lid 4 Rv: the norm for gehuwden (B), read alone: the formula's parameters play no part. */
function noAddressParameters(use: NormUse, periods: BvvPeriods): ResolvedBvvParameters {
  const B = use.figure(periods.bijstand, 'age_21_to_aow.couple.incl_holiday_pay');
  return { params: null, norm: B, pw23: null, missing: [], maximum: null, shown: explains() ? { 'B (gehuwdennorm incl. VT)': fmtNorm(B) } : NO_INPUTS };
}

/** Art. 475da lid 4 Rv (no woonadres in Nederland): 47.5 % × B, rounded half-up to cents once. */
function noAddressBvv(
  B: Decimal,
  step: (kind: BvvStepKind, label: string, value: Decimal, rule: string, inputs?: Record<string, InputValue>) => Decimal,
): Decimal {
  const exact = B.times(NO_ADDRESS_FRACTION);
  return step(
    'geen_woonadres',
    'Beslagvrije voet zonder woonadres (art. 475da lid 4 Rv)',
    roundCents(exact),
    '47,5 % van de norm voor gehuwden (art. 21 b Participatiewet, incl. vakantietoeslag), half-up afgerond op centen: de schuldenaar heeft geen woonadres ' +
      'in Nederland (BRP). De formule van lid 2 en het maximum gelden hier niet; de aftrek van art. 475db en de grens van 95 % van het inkomen wel.',
    explains() ? { 'B (gehuwdennorm incl. VT)': fmtNorm(B), '47,5 % van B (onafgerond)': fmt(exact) } : NO_INPUTS,
  );
}

/** 2/3 of the art. 23 lid 1 PW norm in the rule of art. 475e lid 2 Rv. */
const INRICHTING_NORM_FRACTION = new Money(2).dividedBy(3);

/**
 * Art. 475e lid 2 Rv (verblijf in een inrichting): price owed for care and nursing (input) + 2/3 × the art. 23 lid 1
 * PW norm + the art. 23 lid 2 amount, for a single person or a couple; exact sum rounded half-up once.
 */
function inrichtingBvv(
  args: BvvArgs,
  use: NormUse,
  inrichting: { prijsPerMaand: string; bron: string },
  couple: boolean,
  step: (kind: BvvStepKind, label: string, value: Decimal, rule: string, inputs?: Record<string, InputValue>) => Decimal,
): Decimal {
  const period = args.periods.bijstand;
  const normKey = couple ? 'institution.couple' : 'institution.single';
  const supKey = couple ? 'institution.supplement_couple' : 'institution.supplement_single';
  const norm = use.has(period, normKey) ? use.figure(period, normKey) : null;
  const sup = use.has(period, supKey) ? use.figure(period, supKey) : null;
  const price = new Money(inrichting.prijsPerMaand);
  if (norm === null || sup === null) {
    args.hooks.warn('BVV_INRICHTING_NORM_ONTBREEKT', 'De norm voor verblijf in een inrichting (art. 23 Participatiewet) ontbreekt in de tabel; alleen de prijs voor verpleging en verzorging is gebruikt.', 'beslagvrijeVoet');
  }
  const twoThirds = norm === null ? ZERO : norm.times(INRICHTING_NORM_FRACTION);
  const value = roundCents(price.plus(twoThirds).plus(sup ?? ZERO));
  if (couple) {
    args.hooks.warn(
      'BVV_INRICHTING_GEHUWDEN',
      'Verblijf in een inrichting bij gehuwden: gerekend met de normen voor gehuwden (art. 23 lid 1 en 2 Participatiewet). Verblijft maar één partner in de inrichting, controleer dan de berekening met de beslaglegger.',
      'beslagvrijeVoet',
    );
  }
  return step(
    'inrichting',
    'Beslagvrije voet bij verblijf in een inrichting (art. 475e lid 2 Rv)',
    value,
    `Prijs voor verpleging en verzorging (invoer; bron: ${inrichting.bron}) + 2/3 × de norm van art. 23 lid 1 Participatiewet + het bedrag van art. 23 lid 2, ` +
      'exact opgeteld en één keer half-up afgerond op centen. Het maximum en de verhogingen van art. 475da gelden hier niet; de aftrek van art. 475db en ' +
      'de grens van 95 % van het inkomen wel.',
    { prijs: fmt(price), bron: inrichting.bron, [`norm art. 23 lid 1 (${couple ? 'gehuwden' : 'alleenstaande'})`]: fmt(norm), '2/3 van de norm': fmt(twoThirds), 'bedrag art. 23 lid 2': fmt(sup) },
  );
}

/** Periods without the formula parameters (2021-2025 as bundled): the stated BVV, checked against its bounds. */
function statedFallback(
  args: BvvArgs,
  use: NormUse,
  norm: Decimal,
  debtorIncome: Decimal,
  resolved: ResolvedBvvParameters,
  detailOf: (steps: BvvStep[], kop: BvvDetail['kop'], opgave: StatedBvvCheck | null) => BvvDetail,
  baseInputs: Record<string, InputValue>,
): BvvOutcome {
  const { hooks, inputs } = args;
  const stated = inputs.statedBvv ?? null;
  const lower = fromNorm(norm, NORM_95_CENTS);
  const upper = resolved.maximum;
  const refs = hooks.collect(use);
  const bounds = {
    lowerBound: figure('Ondergrens beslagvrije voet', lower, '95 % van de norm (A of B) incl. vakantietoeslag, half-up afgerond op centen.', { norm: fmt(norm) }, refs),
    upperBound: figure('Bovengrens beslagvrije voet (maximum)', upper, 'Wettelijke maximale beslagvrije voet voor deze leefsituatie (art. 475da lid 1 Rv).', {}, refs),
  };
  const boundsText = `tussen ${formatEuro(lower)} en ${upper ? formatEuro(upper) : 'het (ontbrekende) maximum'}`;
  const why = `De parameters van de formule van art. 475da lid 2 Rv voor de periode vanaf ${formatNlDate(args.periods.bvv.start)} ontbreken in de normtabel (niet gevonden); ze worden niet geschat.`;
  if (!stated) {
    hooks.warn('BVV_OPGAVE_NODIG', `${why} Vul de beslagvrije voet in die de beslaglegger heeft opgegeven; die hoort ${boundsText} te liggen.`, 'beslagvrijeVoet');
    return {
      figure: figure(LABEL, null, `Inkomen boven de norm: ${why} Zonder opgave van de beslaglegger niet te berekenen. ${args.normNote}`, baseInputs, refs),
      regime: 'inkomen_boven_norm',
      ...bounds,
      detail: detailOf([], null, null),
    };
  }
  const value = new Money(stated.amount);
  hooks.warn('BVV_OPGAVE_GEBRUIKT', `${why} De opgegeven beslagvrije voet (${formatEuro(value)}, ${stated.statedBy}) is gebruikt en getoetst aan de grenzen.`, 'beslagvrijeVoet');
  if (value.lessThan(lower)) hooks.warn('BVV_ONDER_ONDERGRENS', `De opgegeven beslagvrije voet (${formatEuro(value)}) is lager dan de ondergrens ${formatEuro(lower)} (95 % van de norm). Mogelijk te veel beslag: ${HERBEREKENING}`, 'beslagvrijeVoet');
  if (upper !== null && value.greaterThan(upper)) hooks.warn('BVV_BOVEN_MAXIMUM', `De opgegeven beslagvrije voet (${formatEuro(value)}) is hoger dan het wettelijk maximum ${formatEuro(upper)}.`, 'beslagvrijeVoet');
  if (value.greaterThan(roundCents(debtorIncome.times(BVV_BASE_FRACTION)))) {
    hooks.warn('BVV_BOVEN_95_PROCENT', `De opgegeven beslagvrije voet is hoger dan 95 % van het inkomen (${formatEuro(debtorIncome.times(BVV_BASE_FRACTION))}); dat kan niet (art. 475dc lid 1 Rv).`, 'beslagvrijeVoet');
  }
  if (stated.date < args.periods.bvv.start) {
    hooks.warn('BVV_OPGAVE_VEROUDERD', `De opgave van de beslagvrije voet (${formatNlDate(stated.date)}) is ouder dan de huidige normperiode (vanaf ${formatNlDate(args.periods.bvv.start)}); vraag een actuele opgave.`, 'beslagvrijeVoet');
  }
  return {
    figure: figure(
      LABEL,
      value,
      `Inkomen boven de norm: ${why} De beslagvrije voet zoals opgegeven door de beslaglegger (invoer), getoetst aan de ondergrens (95 % van de norm) en het maximum. ${args.normNote}`,
      { ...baseInputs, ondergrens: fmt(lower), bovengrens: fmt(upper) },
      refs,
    ),
    regime: 'inkomen_boven_norm',
    ...bounds,
    detail: detailOf([], null, { amount: value, date: stated.date, statedBy: stated.statedBy, difference: ZERO, differs: false }),
  };
}
