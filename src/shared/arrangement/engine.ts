// The proposal engine (RULES.md d.1-d.4): pot = afloscapaciteit × term + holiday-pay contribution for the
// term; concurrent creditors one equal percentage, preferent creditors factor × that percentage (practice,
// not law) capped at 100 %; amounts in cents by the rule of allocate.ts. Pure and fast: the what-if preview
// runs it on every change. Where a figure is missing it says so and distributes nothing.
import Decimal from 'decimal.js';
import { addMonths, endOfMonth, format, parseISO, startOfMonth } from 'date-fns';
import { figure, fmt, type BudgetWarning, type Figure } from '../budget/explain';
import { formatNlDate } from '../dates';
import { formatEuro, fromCents, Money, toCents, ZERO } from '../money';
import { allocateCents, type AllocationClaim } from './allocate';
import {
  DEFAULT_PREFERENT_FACTOR,
  DEFAULT_TERM_MONTHS,
  MINIMUM_MONTHLY_UNTIL_2024_07,
  NUL_AANBOD_FROM,
  standardTermMonths,
  type ArrangementDebt,
  type CreditorAllocation,
  type ExcludedDebt,
  type ProposalInput,
  type ProposalMissing,
  type ProposalResult,
  type ProposalStatus,
  type ScheduledPayment,
} from './types';

export const CENT_RULE =
  'Centenregel: de exacte aandelen volgen uit één percentage voor concurrente schuldeisers en factor × dat percentage voor preferente ' +
  '(hoogstens 100 %). Elk aandeel wordt afgerond op de dichtstbijzijnde cent. Tellen die afgeronde bedragen niet precies op tot het totaal, ' +
  'dan gaan de ontbrekende centen één voor één naar (of de centen te veel één voor één terug van) de schuldeiser voor wie die cent het ' +
  'kleinste (of grootste) deel van zijn gewogen vordering is (deelmethode van Sainte-Laguë); bij gelijkheid eerst de grootste vordering, dan ' +
  'de naam van de schuldeiser, het kenmerk en het nummer. Zo tellen de bedragen precies op tot het totaal, krijgt niemand meer dan zijn ' +
  'vordering, verlaagt een groter totaal nooit iemands bedrag en maakt de volgorde van de schuldeisers niets uit.';

export const NUL_AANBOD_TEXT =
  'De afloscapaciteit is nihil: het inkomen is niet hoger dan het vrij te laten bedrag (VTLB) volgens de VTLB-berekening van de NVVK. ' +
  'Sinds 1 juli 2024 is het VTLB de ondergrens en is een schuldregeling zonder afloscapaciteit (nul-aanbod) mogelijk. Wij stellen u daarom ' +
  'een schuldregeling voor waarin u geen betaling ontvangt. Tijdens de looptijd volgen wij het inkomen; stijgt het inkomen, dan berekenen wij ' +
  'de afloscapaciteit opnieuw en ontvangt u naar rato uw deel. Wij vragen u in ruil daarvoor na afloop van de looptijd finale kwijting te ' +
  'verlenen voor het restant van uw vordering.';

function pct(fraction: Decimal): Decimal {
  return fraction.times(100);
}

/** First day of the month after the reference date. */
export function defaultStartDate(referenceDate: string): string {
  return format(startOfMonth(addMonths(parseISO(referenceDate), 1)), 'yyyy-MM-dd');
}

function dueDate(startDate: string, month: number): string {
  return format(endOfMonth(addMonths(parseISO(startDate), month - 1)), 'yyyy-MM-dd');
}

export function computeProposal(input: ProposalInput): ProposalResult {
  const { capacity, params } = input;
  const factor = new Money(params.factor ?? DEFAULT_PREFERENT_FACTOR);
  const variant = params.variant ?? 'schuldbemiddeling';
  const startDate = params.startDate ?? defaultStartDate(capacity.referenceDate);
  // The standard term follows the start of the regeling: 36 months before 1 July 2023, 18 since (RULES.md d.1).
  const standardMonths = standardTermMonths(startDate);
  const months = params.months ?? standardMonths;
  const leaveOut = new Set(params.leaveOut ?? []);
  const warnings: BudgetWarning[] = [];
  const missing: ProposalMissing[] = [];

  // ---- which debts
  const included: ArrangementDebt[] = [];
  const excluded: ExcludedDebt[] = [];
  for (const d of input.debts) {
    const out = (reason: string) =>
      excluded.push({ debtId: d.id, creditor: d.creditor, reference: d.reference, creditorKind: d.creditorKind, claim: d.claim, reason });
    if (!d.included) out(d.inclusionNote ?? 'Buiten de regeling.');
    else if (leaveOut.has(d.id)) out('Weggelaten in deze berekening (wat-als).');
    else included.push(d);
  }

  // ---- pot
  const termNote =
    months !== standardMonths
      ? `afwijkende looptijd: ${params.monthsReason ?? 'geen reden opgegeven'}`
      : standardMonths === DEFAULT_TERM_MONTHS
        ? 'standaardlooptijd sinds 1 juli 2023'
        : 'standaardlooptijd van een regeling die vóór 1 juli 2023 begon';
  let monthlyCapacity: Figure;
  if (params.capacityOverride) {
    monthlyCapacity = figure(
      'Afloscapaciteit per maand (opgegeven)',
      params.capacityOverride.amount,
      `Opgegeven afloscapaciteit in plaats van de berekende: ${params.capacityOverride.reason}`,
      { 'berekende afloscapaciteit': fmt(capacity.monthly.value), bron: capacity.source },
    );
  } else {
    monthlyCapacity = {
      ...capacity.monthly,
      explanation: { ...capacity.monthly.explanation, inputs: { ...capacity.monthly.explanation.inputs, bron: capacity.source } },
    };
  }
  // Before 1 July 2024 NVVK members asked a minimum monthly amount even when the VTLB was higher than the income;
  // a nul-aanbod is possible only for a regeling starting on or after that date (RULES.md d.1, d.4).
  if (!params.potOverride && startDate < NUL_AANBOD_FROM && monthlyCapacity.value !== null && monthlyCapacity.value.lessThan(MINIMUM_MONTHLY_UNTIL_2024_07)) {
    const below = monthlyCapacity.value;
    monthlyCapacity = figure(
      'Afloscapaciteit per maand (minimale afdracht)',
      new Money(MINIMUM_MONTHLY_UNTIL_2024_07),
      `De regeling begint vóór 1 juli 2024: NVVK-leden vroegen toen een minimale afdracht van ${formatEuro(new Money(MINIMUM_MONTHLY_UNTIL_2024_07))} per maand (ca. 5 % van de bijstandsnorm), ook als het VTLB hoger was dan het inkomen; een nul-aanbod is pas sinds 1 juli 2024 mogelijk.`,
      { afloscapaciteit: fmt(below), 'minimale afdracht': MINIMUM_MONTHLY_UNTIL_2024_07, startdatum: startDate, bron: capacity.source },
    );
    warnings.push({
      code: 'MINIMALE_AFDRACHT',
      message: `De afloscapaciteit (${formatEuro(below)}) is lager dan de minimale afdracht van ${formatEuro(new Money(MINIMUM_MONTHLY_UNTIL_2024_07))} per maand die vóór 1 juli 2024 gold; het voorstel rekent met de minimale afdracht.`,
      figure: 'monthlyCapacity',
    });
  }
  const holidayYear = params.holidayPayOverride ? params.holidayPayOverride.amount : capacity.holidayPayPerYear.value;
  let holidayPay: Figure;
  if (holidayYear === null) {
    holidayPay = figure('Vakantiegeld voor de looptijd', null, 'Niet te berekenen: de vakantiegeldafdracht ontbreekt.', {});
  } else {
    const value = holidayYear.times(months).dividedBy(12);
    holidayPay = figure(
      'Vakantiegeld voor de looptijd',
      value,
      'Vakantiegeldafdracht per jaar × looptijd in maanden / 12 (NVVK: de afdracht hoort bij het aantal maanden van de regeling). ' +
        (params.holidayPayOverride ? `Opgegeven: ${params.holidayPayOverride.reason}` : capacity.holidayPayPerYear.explanation.rule),
      { 'per jaar': fmt(holidayYear), looptijd: months },
    );
  }

  let pot: Figure;
  let potCents: number | null = null;
  if (params.potOverride) {
    potCents = toCents(params.potOverride.amount);
    pot = figure('Totaal voor de schuldeisers', params.potOverride.amount, `Opgegeven totaal in plaats van het berekende: ${params.potOverride.reason}`, {
      'berekende afloscapaciteit per maand': fmt(capacity.monthly.value),
      looptijd: months,
      bron: capacity.source,
    });
  } else {
    if (monthlyCapacity.value === null) {
      missing.push({
        figure: 'afloscapaciteit',
        message:
          'De afloscapaciteit ontbreekt: vul de budgetgegevens aan (inkomen, VTLB) of geef een afloscapaciteit op met een reden. Er wordt niets verdeeld.',
      });
    }
    if (holidayPay.value === null) {
      missing.push({ figure: 'vakantiegeld', message: 'De vakantiegeldafdracht ontbreekt: geef die op met een reden. Er wordt niets verdeeld.' });
    }
    if (monthlyCapacity.value !== null && holidayPay.value !== null) {
      const exact = monthlyCapacity.value.times(months).plus(holidayPay.value);
      const rounded = new Money(exact).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
      potCents = toCents(rounded);
      pot = figure(
        'Totaal voor de schuldeisers',
        rounded,
        `Afloscapaciteit per maand × looptijd (${months} maanden, ${termNote}) + vakantiegeld voor de looptijd, half-up afgerond op centen.`,
        { 'afloscapaciteit per maand': fmt(monthlyCapacity.value), looptijd: months, vakantiegeld: fmt(holidayPay.value), exact: fmt(exact), bron: capacity.source },
      );
    } else {
      pot = figure('Totaal voor de schuldeisers', null, 'Niet te berekenen: ' + missing.map((m) => m.figure).join(' en ') + ' ontbreekt.', {});
    }
  }

  // The part of the total that the monthly afloscapaciteit brings in over the term, shown beside the holiday pay so
  // that the total is the sum of the parts shown (monthly × months is exact in cents; the total rounds only the
  // holiday pay). Not a part of a stated total.
  const capacityOverTerm =
    !params.potOverride && monthlyCapacity.value !== null
      ? figure(`Afloscapaciteit over de looptijd (${months} maanden)`, monthlyCapacity.value.times(months), `Afloscapaciteit per maand × looptijd (${months} maanden).`, {
          'afloscapaciteit per maand': fmt(monthlyCapacity.value),
          looptijd: months,
        })
      : figure(
          `Afloscapaciteit over de looptijd (${months} maanden)`,
          null,
          params.potOverride ? 'Niet van toepassing: het totaal is opgegeven.' : 'Niet te berekenen: de afloscapaciteit ontbreekt.',
          {},
        );

  // ---- distribution
  const claimsCents = included.map((d) => toCents(d.claim.toDecimalPlaces(2, Decimal.ROUND_HALF_UP)));
  const totalClaims = included.reduce((s, d) => s.plus(d.claim), ZERO as Decimal);
  const dc = included.filter((d) => d.kind === 'concurrent').reduce((s, d) => s.plus(d.claim), ZERO as Decimal);
  const dp = included.filter((d) => d.kind === 'preferent').reduce((s, d) => s.plus(d.claim), ZERO as Decimal);
  const claimsFig = figure('Totaal van de vorderingen in de regeling', totalClaims, 'Som van de vorderingen op de peildatum van de schulden in de regeling.', {
    concurrent: fmt(dc),
    preferent: fmt(dp),
    'aantal schuldeisers': included.length,
  });

  const status: ProposalStatus = potCents === null ? 'ontbreekt' : potCents === 0 ? 'nul_aanbod' : 'voorstel';
  const creditors: CreditorAllocation[] = [];
  let level: Decimal = ZERO;
  let distributed = 0;
  if (potCents !== null) {
    const claims: AllocationClaim[] = included.map((d, i) => ({
      id: d.id,
      claimCents: claimsCents[i]!,
      factor: d.kind === 'preferent' ? factor : new Money(1),
      creditor: d.creditor,
      reference: d.reference,
    }));
    const alloc = allocateCents(potCents, claims);
    level = alloc.level;
    distributed = alloc.totalCents;
    const schedules = buildSchedules(variant, months, startDate, monthlyCapacity.value, holidayPay.value, potCents, claims, !!params.potOverride);
    included.forEach((d, i) => {
      const cents = alloc.cents.get(d.id) ?? 0;
      const amount = fromCents(cents);
      const fraction = d.kind === 'preferent' ? Money.min(1, level.times(factor)) : level;
      const exactShare = d.claim.times(fraction);
      creditors.push({
        debtId: d.id,
        creditor: d.creditor,
        reference: d.reference,
        creditorKind: d.creditorKind,
        kind: d.kind,
        claim: d.claim,
        percentage: pct(fraction),
        capped: cents >= claimsCents[i]!,
        amount: figure(
          `Aanbod aan ${d.creditor}`,
          amount,
          `Vordering × ${d.kind === 'preferent' ? 'preferent' : 'concurrent'} percentage, in centen volgens de centenregel.`,
          { vordering: fmt(d.claim), percentage: fmt(pct(fraction)), 'exact aandeel': fmt(exactShare), ...(d.inclusionNote ? { opmerking: d.inclusionNote } : {}) },
        ) as Figure & { value: Decimal },
        schedule: schedules.get(d.id) ?? [],
      });
    });
  }

  const concurrentPct = status === 'ontbreekt' ? null : pct(level);
  const preferentPct = status === 'ontbreekt' ? null : pct(Money.min(1, level.times(factor)));
  const factorInputs = { factor: factor.toFixed(), 'concurrente vorderingen (Dc)': fmt(dc), 'preferente vorderingen (Dp)': fmt(dp), totaal: fmt(pot.value) };
  const percentages = {
    concurrent: figure(
      'Percentage concurrente schuldeisers',
      concurrentPct,
      'p = totaal / (Dc + factor × Dp); als de preferente schuldeisers daarmee boven 100 % komen: 100 % voor hen en p = (totaal − Dp) / Dc (hoogstens 100 %).',
      factorInputs,
    ),
    preferent: figure(
      'Percentage preferente schuldeisers',
      preferentPct,
      `Factor × het concurrente percentage, hoogstens 100 %. De factor (standaard 2) is een gebruik in de praktijk, geen wettelijke regel.`,
      factorInputs,
    ),
  };

  const amountsTotal = fromCents(distributed);
  const surplus = potCents === null ? null : fromCents(Math.max(0, potCents - distributed));
  if (surplus && surplus.greaterThan(0)) {
    warnings.push({
      code: 'OVERSCHOT',
      message: `Het totaal (${formatEuro(fromCents(potCents!))}) is hoger dan alle vorderingen samen: iedere schuldeiser krijgt 100 % en ${formatEuro(surplus)} blijft over.`,
      figure: 'pot',
    });
  }
  if (status !== 'ontbreekt' && included.length === 0) {
    warnings.push({ code: 'GEEN_SCHULDEN', message: 'Er zijn geen schulden in de regeling om te verdelen.' });
  }
  // The saldi a proposal rests on: say which ones are not checked, out of date or disputed.
  const names = (ds: ArrangementDebt[]) => ds.map((d) => d.creditor).join(', ');
  const unchecked = included.filter((d) => d.verification !== undefined && d.verification !== 'gecontroleerd');
  if (unchecked.length > 0) {
    warnings.push({ code: 'SALDO_NIET_GECONTROLEERD', message: `Het saldo is nog niet gecontroleerd bij: ${names(unchecked)}. Controleer het voordat u het voorstel verstuurt.` });
  }
  const stale = included.filter((d) => d.recheckAfter && d.recheckAfter < capacity.referenceDate);
  if (stale.length > 0) {
    warnings.push({ code: 'SALDO_VEROUDERD', message: `Vraag het saldo opnieuw op bij: ${names(stale)} (de controledatum is verstreken).` });
  }
  const disputed = included.filter((d) => d.disputed);
  if (disputed.length > 0) {
    warnings.push({ code: 'BETWIST', message: `Betwiste vordering in het voorstel: ${names(disputed)}.` });
  }
  if (months !== standardMonths) {
    warnings.push({ code: 'AFWIJKENDE_LOOPTIJD', message: `Looptijd ${months} maanden in plaats van ${standardMonths}: ${params.monthsReason ?? 'geen reden opgegeven'}.` });
  }

  return {
    status,
    variant,
    months,
    factor,
    startDate,
    monthlyCapacity,
    capacityOverTerm,
    holidayPay,
    pot,
    percentages,
    creditors,
    excluded,
    totals: {
      claims: claimsFig,
      amounts: figure('Totaal aangeboden', status === 'ontbreekt' ? null : amountsTotal, 'Som van de bedragen per schuldeiser hierboven.', {}),
      surplus: figure('Niet te verdelen', surplus, 'Totaal − wat de schuldeisers kunnen ontvangen (alleen als alle vorderingen volledig worden betaald).', {}),
    },
    centRule: CENT_RULE,
    nulAanbodText: status === 'nul_aanbod' ? NUL_AANBOD_TEXT : null,
    missing,
    warnings,
    source:
      (params.potOverride ? 'Opgegeven totaal; ' : params.capacityOverride ? 'Opgegeven afloscapaciteit; ' : '') +
      `budget: ${capacity.source}. Looptijd vanaf ${formatNlDate(startDate)}.`,
  };
}

/**
 * Payments per creditor. Saneringskrediet: everything at the start. Schuldbemiddeling: month m pays out what
 * the cumulative reservation through month m buys under the cent rule minus what was paid before (never
 * negative: more pot never lowers an amount); the holiday-pay contribution falls in the last month. With a
 * stated total (potOverride) the total is spread in equal monthly parts (cents rounded half-up cumulatively).
 */
function buildSchedules(
  variant: 'schuldbemiddeling' | 'saneringskrediet',
  months: number,
  startDate: string,
  monthly: Decimal | null,
  holiday: Decimal | null,
  potCents: number,
  claims: AllocationClaim[],
  overridden: boolean,
): Map<string, ScheduledPayment[]> {
  const out = new Map<string, ScheduledPayment[]>(claims.map((c) => [c.id, []]));
  if (potCents === 0 || claims.length === 0) return out;
  if (variant === 'saneringskrediet') {
    const alloc = allocateCents(potCents, claims);
    for (const c of claims) {
      const n = alloc.cents.get(c.id) ?? 0;
      if (n > 0) out.get(c.id)!.push({ month: 1, dueDate: startDate, amount: fromCents(n) });
    }
    return out;
  }
  const perMonth = !overridden && monthly !== null && holiday !== null ? monthly : new Money(potCents).dividedBy(100).dividedBy(months);
  const previous = new Map<string, number>(claims.map((c) => [c.id, 0]));
  for (let m = 1; m <= months; m++) {
    const due = dueDate(startDate, m);
    const cumulative =
      m === months ? potCents : Math.min(potCents, toCents(new Money(perMonth).times(m).toDecimalPlaces(2, Decimal.ROUND_HALF_UP)));
    const alloc = allocateCents(cumulative, claims);
    for (const c of claims) {
      const now = alloc.cents.get(c.id) ?? 0;
      const paid = now - previous.get(c.id)!;
      if (paid > 0) out.get(c.id)!.push({ month: m, dueDate: due, amount: fromCents(paid) });
      previous.set(c.id, now);
    }
  }
  return out;
}
