// The zorgpremie scheme for one family and the aggregate over a group (RULES.md e.3, e.5). Pure.
// Feasible monthly amount = min(afloscapaciteit, amount that pays the arrears within the scheme's term,
// the scheme's maximum), never below the scheme's minimum; what is not paid within the term is forgiven
// when the scheme says so.
import { displayNameOf } from '../dossier/display-name';
import Decimal from 'decimal.js';
import { figure, fmt, type Figure } from '../budget/explain';
import type { Debt, DossierData } from '../dossier/schema';
import { formatNlDate } from '../dates';
import { formatEuro, Money, ZERO } from '../money';
import type { ParticipantStatus, Scheme, SchemeFamilyStatus } from './scheme';
import { SCHEME_FAMILY_STATUSES, SCHEME_ROUTE_LABELS } from './scheme';
import type { ArrangementCapacity, ProposalMissing } from './types';
import { debtPremiumStage, worstPremiumStage, type PremiumStageInfo } from './zorg';
import { schemeEligibility, TERM_STATES, type SchemeEligibility, type TermCheck, type TermState } from './scheme-conditions';

export interface SchemeParticipation {
  status: ParticipantStatus;
  agreedMonthly: Decimal | null;
  startDate: string | null;
  /** The family takes part although it did not meet the conditions; the professional's reason (migration 014). */
  override?: SchemeOverride | null;
}

export interface SchemeOverride {
  reason: string;
  /** What was not met when the reason was given. */
  reasonsNotMet: string[];
  /** When the reason was recorded (ms since the epoch). */
  at: number;
}

export interface SchemeFamilyInput {
  scheme: Scheme;
  dossier: DossierData & { id: string; number: string };
  /** From the budget via capacityFromBudget (value null = missing). */
  capacity: ArrangementCapacity;
  participation: SchemeParticipation | null;
}

export interface SchemeFamilyResult {
  schemeId: string;
  dossierId: string;
  dossierNumber: string;
  displayName: string;
  city: string | null;
  childrenCount: number;
  fictitious: boolean;
  status: SchemeFamilyStatus;
  debtIds: string[];
  arrears: Figure & { value: Decimal };
  premiumStage: PremiumStageInfo | null;
  feasible: boolean;
  monthly: Figure;
  months: number | null;
  paid: Figure;
  /** Arrears − paid: what is still owed after the term, forgiven or not (null without a monthly amount). */
  remainder: Figure;
  forgiven: Figure;
  summary: string;
  missing: ProposalMissing[];
  warnings: string[];
  /** The scheme's conditions at selection ("voldoet niet" with the reasons). */
  eligibility: SchemeEligibility;
  /** Taken in although "voldoet niet", with the professional's reason; then the agreed amount is the amount. */
  override: SchemeOverride | null;
  agreedMonthly: Decimal | null;
  startDate: string | null;
}

export interface SchemeDashboard {
  schemeId: string;
  referenceDate: string;
  families: number;
  children: number;
  arrears: Decimal;
  monthly: Decimal;
  expectedForgiveness: Decimal;
  byStatus: Record<SchemeFamilyStatus, number>;
  notFeasible: number;
  missingFigures: number;
  /** Participating families by how their conditions hold during the term (scheme-conditions.ts). */
  byTermState: Record<TermState, number>;
  /** The families whose conditions are broken during the term, with why. */
  breached: { dossierId: string; dossierNumber: string; displayName: string; status: SchemeFamilyStatus; reasons: string[] }[];
}

/** Does this debt belong to the scheme's creditor? Creditor or collector contains a match name (case-insensitive). */
export function debtMatchesScheme(scheme: Scheme, debt: Pick<Debt, 'creditor' | 'collector' | 'status'>): boolean {
  if (debt.status === 'betaald') return false;
  const hay = `${debt.creditor}\n${debt.collector ?? ''}`.toLocaleLowerCase('nl-NL');
  return scheme.creditor.matchNames.some((n) => hay.includes(n.toLocaleLowerCase('nl-NL')));
}

/** Debts of a dossier at the scheme's creditor with a saldo above zero, with their ids (1-based position when absent). */
export function schemeDebts(scheme: Scheme, debts: readonly Debt[]): { id: string; debt: Debt }[] {
  return debts
    .map((debt, i) => ({ id: debt.id ?? String(i + 1), debt }))
    .filter(({ debt }) => debtMatchesScheme(scheme, debt) && new Money(debt.currentAmount).greaterThan(0));
}

function ceilCents(d: Decimal): Decimal {
  return new Money(d).toDecimalPlaces(2, Decimal.ROUND_UP);
}


export function computeSchemeFamily(input: SchemeFamilyInput): SchemeFamilyResult {
  const { scheme, dossier, capacity, participation } = input;
  const matched = schemeDebts(scheme, dossier.debts);
  const arrearsValue = matched.reduce((s, m) => s.plus(m.debt.currentAmount), ZERO as Decimal);
  const arrears = figure(
    `Achterstand bij ${scheme.creditor.name}`,
    arrearsValue,
    'Som van het huidige saldo van de schulden bij deze schuldeiser (schuldeiser of incassant bevat een van de namen van de regeling).',
    Object.fromEntries(matched.map((m) => [`schuld ${m.id}`, new Money(m.debt.currentAmount).toFixed(2)])),
  ) as Figure & { value: Decimal };
  const premiumStage = worstPremiumStage(matched.map((m) => debtPremiumStage(m.debt)));

  const missing: ProposalMissing[] = [];
  const warnings: string[] = [];
  const min = new Money(scheme.minMonthly);
  const max = scheme.maxMonthly === null ? null : new Money(scheme.maxMonthly);
  const cap = capacity.monthly.value;
  const maxMonths = scheme.maxMonths;
  const needed = ceilCents(arrearsValue.dividedBy(maxMonths));
  const baseInputs = {
    achterstand: fmt(arrearsValue),
    'maximale looptijd (maanden)': maxMonths,
    'bedrag dat de achterstand binnen de looptijd aflost': fmt(needed),
    afloscapaciteit: fmt(cap),
    'minimum per maand': fmt(min),
    'maximum per maand': max ? fmt(max) : 'geen',
  };

  let monthly: Figure;
  let months: number | null = null;
  let paid: Figure;
  let forgiven: Figure;
  let feasible = false;
  if (cap === null) {
    missing.push({ figure: 'afloscapaciteit', message: 'Vul de budgetgegevens aan: zonder afloscapaciteit is het maandbedrag niet te bepalen.' });
    monthly = figure('Maandbedrag', null, 'Niet te bepalen zonder afloscapaciteit.', baseInputs);
    paid = figure('Afgelost binnen de looptijd', null, 'Niet te bepalen zonder maandbedrag.');
    forgiven = figure('Kwijtgescholden na de looptijd', null, 'Niet te bepalen zonder maandbedrag.');
  } else if (arrearsValue.isZero()) {
    monthly = figure('Maandbedrag', ZERO, 'Geen achterstand bij deze schuldeiser.', baseInputs);
    paid = figure('Afgelost binnen de looptijd', ZERO, 'Geen achterstand.');
    forgiven = figure('Kwijtgescholden na de looptijd', ZERO, 'Geen achterstand.');
  } else {
    // Cents only: the afloscapaciteit is cut down to whole cents (never rounded up past what is available).
    const capCents = new Money(cap).toDecimalPlaces(2, Decimal.ROUND_DOWN);
    let m = Money.min(capCents, needed);
    if (max) m = Money.min(m, max);
    let rule =
      'Maandbedrag = het laagste van: de afloscapaciteit (afgerond naar beneden op centen), het bedrag dat de achterstand binnen de maximale looptijd aflost ' +
      '(achterstand / looptijd, naar boven afgerond op centen) en het maximum van de regeling.';
    if (m.lessThan(min)) {
      if (capCents.greaterThanOrEqualTo(min)) {
        // The arrears are small: paying the minimum clears them sooner.
        m = Money.min(min, arrearsValue);
        rule += ' Dat is lager dan het minimum van de regeling; de afloscapaciteit is voldoende, dus het minimum (of de hele achterstand als die kleiner is).';
      } else {
        m = ZERO;
        rule += ' De afloscapaciteit is lager dan het minimum van de regeling: niet haalbaar.';
      }
    }
    feasible = m.greaterThan(0);
    monthly = figure('Maandbedrag', m, rule, baseInputs);
    if (feasible) {
      months = Math.min(maxMonths, arrearsValue.dividedBy(m).toDecimalPlaces(0, Decimal.ROUND_UP).toNumber());
      const paidValue = Money.min(arrearsValue, m.times(months));
      paid = figure('Afgelost binnen de looptijd', paidValue, 'Het laagste van de achterstand en maandbedrag × aantal maanden (de laatste termijn kan lager zijn).', {
        maandbedrag: fmt(m),
        maanden: months,
        achterstand: fmt(arrearsValue),
      });
      const rest = arrearsValue.minus(paidValue);
      if (scheme.forgiveRemainder) {
        forgiven = figure('Kwijtgescholden na de looptijd', rest, 'Achterstand − afgelost binnen de looptijd; de schuldeiser scheldt de rest kwijt als aan de voorwaarden is voldaan.', {
          achterstand: fmt(arrearsValue),
          afgelost: fmt(paidValue),
        });
      } else {
        forgiven = figure('Kwijtgescholden na de looptijd', ZERO, 'Deze regeling kent geen kwijtschelding; een restschuld blijft bestaan.', { restschuld: fmt(rest) });
        if (rest.greaterThan(0)) warnings.push(`Na de looptijd blijft ${formatEuro(rest)} over; deze regeling scheldt niets kwijt.`);
      }
    } else {
      paid = figure('Afgelost binnen de looptijd', ZERO, 'Niet haalbaar: geen maandbedrag.');
      forgiven = figure('Kwijtgescholden na de looptijd', ZERO, 'Niet haalbaar: geen kwijtschelding via deze regeling.');
      warnings.push(`De afloscapaciteit (${formatEuro(cap)}) is lager dan het minimum van de regeling (${formatEuro(min)} per maand).`);
    }
  }
  // The scheme's conditions the dossier can show (validity, premium, route, term) are tracked in
  // scheme-conditions.ts: a family that does not meet them is "voldoet niet" with the reasons.
  const computedFeasible = feasible;
  const eligibility = schemeEligibility({
    scheme,
    dossier,
    referenceDate: capacity.referenceDate,
    arrears: arrearsValue,
    capacity: cap,
    feasible,
    restAfterTerm: feasible && paid.value ? arrearsValue.minus(paid.value) : null,
  });
  // Taken in with a stated reason at an agreed amount (e.g. under bewind the bewindvoerder pays the guideline
  // amount from the budget while the VTLB leaves no afloscapaciteit): the agreed amount is what is paid, the
  // computed one stays in the rule, and "voldoet niet" keeps its reasons beside the override.
  const override = participation?.override ?? null;
  const agreed = participation?.agreedMonthly ?? null;
  if (override && cap !== null && agreed && agreed.greaterThan(0) && !arrearsValue.isZero() && participation!.status !== 'gestopt') {
    feasible = true;
    months = Math.min(maxMonths, arrearsValue.dividedBy(agreed).toDecimalPlaces(0, Decimal.ROUND_UP).toNumber());
    const paidValue = Money.min(arrearsValue, agreed.times(months));
    const rest = arrearsValue.minus(paidValue);
    monthly = figure(
      'Maandbedrag',
      agreed,
      `Afgesproken bedrag per maand. Het gezin doet mee hoewel het niet aan de voorwaarden voldoet, met deze reden: ${override.reason} ` +
        `Volgens de regel van de regeling zou het maandbedrag ${computedFeasible && monthly.value ? formatEuro(monthly.value) : 'niet haalbaar'} zijn. ${monthly.explanation.rule}`,
      { ...baseInputs, 'afgesproken per maand': fmt(agreed), 'reden': override.reason },
    );
    paid = figure('Afgelost binnen de looptijd', paidValue, 'Het laagste van de achterstand en het afgesproken bedrag × aantal maanden (de laatste termijn kan lager zijn).', {
      'afgesproken per maand': fmt(agreed),
      maanden: months,
      achterstand: fmt(arrearsValue),
    });
    forgiven = scheme.forgiveRemainder
      ? figure('Kwijtgescholden na de looptijd', rest, 'Achterstand − afgelost binnen de looptijd; de schuldeiser scheldt de rest kwijt als aan de voorwaarden is voldaan.', {
          achterstand: fmt(arrearsValue),
          afgelost: fmt(paidValue),
        })
      : figure('Kwijtgescholden na de looptijd', ZERO, 'Deze regeling kent geen kwijtschelding; een restschuld blijft bestaan.', { restschuld: fmt(rest) });
    // The "lower than the minimum" warning described the computed amount, which is not the one paid.
    const notFeasibleWarning = warnings.findIndex((w) => w.startsWith('De afloscapaciteit ('));
    if (notFeasibleWarning >= 0) warnings.splice(notFeasibleWarning, 1);
  }
  if (matched.some((m) => (m.debt.verification ?? 'opgevraagd') !== 'gecontroleerd')) {
    warnings.push('Niet elke achterstand is gecontroleerd; controleer het saldo bij de schuldeiser.');
  }

  let summary = summaryText(scheme, arrearsValue, monthly.value, months, forgiven.value, premiumStage, feasible, cap === null);
  if (override && feasible && !computedFeasible) {
    // The summary goes into the letter to the creditor: the professional's reason stays on the screen (the rule).
    summary += ` Het afgesproken bedrag is hoger dan de berekende afloscapaciteit (${formatEuro(cap ?? ZERO)}); het gezin doet mee met een vastgelegde reden.`;
  }
  const childrenCount = dossier.children.filter((c) => c.livingInHousehold).length;
  // What is still owed after the term, forgiven or not: arrears − paid, so the figures shown add up.
  const remainder = figure(
    'Restant na de looptijd',
    paid.value === null ? null : arrearsValue.minus(paid.value),
    scheme.forgiveRemainder
      ? 'Achterstand − afgelost binnen de looptijd; de schuldeiser scheldt dit kwijt als aan de voorwaarden is voldaan.'
      : 'Achterstand − afgelost binnen de looptijd; deze regeling scheldt niets kwijt, dit blijft verschuldigd.',
    { achterstand: fmt(arrearsValue), afgelost: fmt(paid.value) },
  );
  return {
    schemeId: scheme.id,
    dossierId: dossier.id,
    dossierNumber: dossier.number,
    displayName: displayNameOf(dossier),
    city: dossier.address?.city ?? null,
    childrenCount,
    fictitious: dossier.fictitious,
    status: participation?.status ?? 'kandidaat',
    debtIds: matched.map((m) => m.id),
    arrears,
    premiumStage,
    feasible,
    monthly,
    months,
    paid,
    remainder,
    forgiven,
    summary,
    missing,
    warnings,
    eligibility,
    override,
    agreedMonthly: participation?.agreedMonthly ?? null,
    startDate: participation?.startDate ?? null,
  };
}

function summaryText(
  scheme: Scheme,
  arrears: Decimal,
  monthly: Decimal | null,
  months: number | null,
  forgiven: Decimal | null,
  stage: PremiumStageInfo | null,
  feasible: boolean,
  missingCapacity: boolean,
): string {
  const parts: string[] = [];
  parts.push(`Achterstand bij ${scheme.creditor.name}: ${formatEuro(arrears)}.`);
  if (missingCapacity) {
    parts.push('Het maandbedrag is nog niet te bepalen: de afloscapaciteit ontbreekt.');
  } else if (feasible && monthly && months !== null) {
    parts.push(`Via de regeling "${scheme.name}" (${SCHEME_ROUTE_LABELS[scheme.route]}) betaalt het gezin ${formatEuro(monthly)} per maand gedurende ${months} ${months === 1 ? 'maand' : 'maanden'}.`);
    if (forgiven && forgiven.greaterThan(0)) parts.push(`Na de looptijd scheldt ${scheme.creditor.name} ${formatEuro(forgiven)} kwijt, als aan de voorwaarden is voldaan.`);
    else parts.push('De achterstand is binnen de looptijd afgelost.');
  } else if (!arrears.isZero()) {
    parts.push('De regeling is niet haalbaar: de afloscapaciteit is lager dan het minimum per maand.');
  }
  if (stage) {
    parts.push(`Wanbetalersregeling: ${stage.label.toLocaleLowerCase('nl-NL')}.`);
    if (stage.stage === 'cak' || stage.stage === 'melding') {
      parts.push(
        'Een betalingsregeling met de zorgverzekeraar is een uitstroomroute (art. 18d lid 2 onder c Zvw): de bestuursrechtelijke premie stopt vanaf de maand erna; valt het gezin uit de regeling, dan begint die opnieuw.',
      );
    } else if (stage.stage !== 'geen') {
      parts.push('Een betalingsregeling nu voorkomt de melding bij het CAK zolang de nieuwe premies worden betaald.');
    }
  }
  return parts.join(' ');
}

export function emptyStatusCounts(): Record<SchemeFamilyStatus, number> {
  return Object.fromEntries(SCHEME_FAMILY_STATUSES.map((s) => [s, 0])) as Record<SchemeFamilyStatus, number>;
}

/**
 * Aggregate for the scheme dashboard. Money sums of cent amounts, exact. `terms` holds the term check of every
 * participating family (by dossier id); candidates have none.
 */
export function aggregateScheme(
  schemeId: string,
  referenceDate: string,
  families: readonly SchemeFamilyResult[],
  terms: ReadonlyMap<string, TermCheck> = new Map(),
): SchemeDashboard {
  const byTermState = Object.fromEntries(TERM_STATES.map((s) => [s, 0])) as Record<TermState, number>;
  const breached: SchemeDashboard['breached'] = [];
  for (const f of families) {
    const t = terms.get(f.dossierId);
    if (!t || f.status === 'kandidaat') continue;
    byTermState[t.state] += 1;
    if (t.state === 'geschonden') breached.push({ dossierId: f.dossierId, dossierNumber: f.dossierNumber, displayName: f.displayName, status: f.status, reasons: [...t.reasons] });
  }
  const byStatus = emptyStatusCounts();
  let arrears: Decimal = ZERO;
  let monthly: Decimal = ZERO;
  let forgiven: Decimal = ZERO;
  let children = 0;
  let notFeasible = 0;
  let missingFigures = 0;
  for (const f of families) {
    byStatus[f.status] += 1;
    arrears = arrears.plus(f.arrears.value);
    children += f.childrenCount;
    if (f.status === 'gestopt') continue;
    monthly = monthly.plus(f.agreedMonthly ?? f.monthly.value ?? ZERO);
    forgiven = forgiven.plus(f.forgiven.value ?? ZERO);
    if (f.missing.length > 0) missingFigures += 1;
    else if (!f.feasible && !f.arrears.value.isZero()) notFeasible += 1;
  }
  return { schemeId, referenceDate, families: families.length, children, arrears, monthly, expectedForgiveness: forgiven, byStatus, notFeasible, missingFigures, byTermState, breached };
}
