// The conditions of a zorgpremie scheme, tracked per family (RULES.md e.3, e.5), not only warned about:
// - at selection: does the family meet them ("voldoet niet" with the reasons; the batch leaves such a family
//   out unless the user overrides with a reason);
// - during the term: do the recorded payments on the creditor board cover every month that has passed, and
//   did no new arrears arise at the creditor ("voorwaarde geschonden", with what happens next per the scheme).
// Pure: no I/O. Kept apart from the scheme engine so the two change independently.
import Decimal from 'decimal.js';
import type { Debt, DossierData } from '../dossier/schema';
import { formatNlDate } from '../dates';
import { formatEuro, Money, ZERO } from '../money';
import { monthLabel } from '../presenter/format';
import type { ParticipantStatus, Scheme } from './scheme';
import type { PremiumStageInfo } from './zorg';

/** Premium debt below which the bijstand route is open without a year of bijstand (RULES.md e.3). */
export const BIJSTAND_ROUTE_DEBT_LIMIT = '600.00';

export interface SchemeEligibility {
  meets: boolean;
  /** Why the family does not meet the conditions, in Dutch (empty when it does). */
  reasons: string[];
}

export interface EligibilityInput {
  scheme: Scheme;
  dossier: Pick<DossierData, 'typeOfHelp' | 'incomes' | 'expenses'>;
  referenceDate: string;
  arrears: Decimal;
  /** Afloscapaciteit per month; null = missing. */
  capacity: Decimal | null;
  feasible: boolean;
  /** What stays unpaid after the term at the feasible amount (before any forgiveness). */
  restAfterTerm: Decimal | null;
}

const yearBefore = (iso: string) => `${String(Number(iso.slice(0, 4)) - 1).padStart(4, '0')}${iso.slice(4)}`;

/** Selection: the scheme's conditions the dossier can show, each failing one with its reason. */
export function schemeEligibility(input: EligibilityInput): SchemeEligibility {
  const { scheme, dossier, referenceDate, arrears, capacity } = input;
  const reasons: string[] = [];
  if (referenceDate < scheme.validFrom || (scheme.validUntil && referenceDate > scheme.validUntil)) {
    reasons.push(`De regeling geldt niet op de peildatum (${formatNlDate(referenceDate)}).`);
  }
  if (arrears.isZero()) reasons.push(`Er is geen achterstand bij ${scheme.creditor.name}.`);
  if (capacity === null) {
    reasons.push('Niet te beoordelen: de afloscapaciteit ontbreekt. Vul de budgetgegevens aan.');
  } else if (!arrears.isZero() && !input.feasible) {
    reasons.push(
      // With a minimum of 0 "lower than the minimum" says nothing: nothing can be paid at all.
      capacity.isZero() && new Money(scheme.minMonthly).isZero()
        ? 'Er is geen afloscapaciteit (€ 0,00 per maand): er kan niets worden betaald.'
        : `De afloscapaciteit (${formatEuro(capacity)}) is lager dan het minimum van de regeling (${formatEuro(scheme.minMonthly)} per maand).`,
    );
  }
  // Term limit: without kwijtschelding the arrears must be paid within the scheme's term.
  if (input.feasible && !scheme.forgiveRemainder && input.restAfterTerm && input.restAfterTerm.greaterThan(0)) {
    reasons.push(
      `Binnen de looptijd van hoogstens ${scheme.maxMonths} maanden is de achterstand niet af te lossen (er blijft ${formatEuro(input.restAfterTerm)} over) en deze regeling scheldt niets kwijt.`,
    );
  }
  if (scheme.conditions.currentPremiumPaid && !dossier.expenses.some((e) => e.category === 'zorgverzekering')) {
    reasons.push('Voorwaarde lopende premie: er staat geen zorgverzekeringspremie in de uitgaven, dus de lopende premie is niet naast de aflossing begroot.');
  }
  if (scheme.route === 'bewind' && dossier.typeOfHelp !== 'beschermingsbewind') {
    reasons.push('Route bewind: dit dossier is geen beschermingsbewind.');
  }
  if (scheme.route === 'bijstand') {
    const bijstand = dossier.incomes.filter(
      (i) => i.category === 'uitkering_participatiewet' && (!i.startDate || i.startDate <= referenceDate) && (!i.endDate || i.endDate >= referenceDate),
    );
    if (bijstand.length === 0) {
      reasons.push('Route bijstand: het dossier heeft op de peildatum geen bijstandsuitkering (Participatiewet).');
    } else {
      const longer = bijstand.some((i) => !!i.startDate && i.startDate <= yearBefore(referenceDate));
      if (!longer && !arrears.lessThan(BIJSTAND_ROUTE_DEBT_LIMIT)) {
        reasons.push(
          `Route bijstand: alleen bij bijstand langer dan 1 jaar of een premieschuld onder ${formatEuro(BIJSTAND_ROUTE_DEBT_LIMIT)}; de bijstand in het dossier begon niet (aantoonbaar) meer dan een jaar voor de peildatum en de achterstand is ${formatEuro(arrears)}.`,
        );
      }
    }
  }
  return { meets: reasons.length === 0, reasons };
}

// ------------------------------------------------------------------------------------------- during the term

export const TERM_STATES = ['niet_gestart', 'in_orde', 'geschonden', 'beeindigd'] as const;
export type TermState = (typeof TERM_STATES)[number];
export const TERM_STATE_LABELS: Record<TermState, string> = {
  niet_gestart: 'Nog niet gestart',
  in_orde: 'Voorwaarden nagekomen',
  geschonden: 'Voorwaarde geschonden',
  beeindigd: 'Beëindigd',
};

export interface TermMonth {
  /** yyyy-mm */
  month: string;
  due: Decimal;
  paid: Decimal;
  missed: boolean;
}

export interface TermCheckInput {
  scheme: Scheme;
  participation: { status: ParticipantStatus; agreedMonthly: Decimal | null; startDate: string | null };
  /** The dossier's debts at the scheme's creditor, paid ones included (their payments count). */
  debts: readonly { id: string; debt: Debt }[];
  /** Payments recorded on the creditor board (all of the dossier's; only the scheme's debts count). */
  payments: readonly { debtId: string; month: string; amount: Decimal }[];
  premiumStage: PremiumStageInfo | null;
  hasPremiumExpense: boolean;
  referenceDate: string;
}

export interface TermCheck {
  state: TermState;
  stateLabel: string;
  startDate: string | null;
  agreedMonthly: Decimal | null;
  /** Every month that has passed within the term, with what was due and what was paid. */
  months: TermMonth[];
  missedMonths: string[];
  newArrears: { debtId: string; creditor: string; since: string; amount: Decimal }[];
  /** Why the state is what it is, in Dutch. */
  reasons: string[];
  /** What happens next when a condition is broken (the scheme's own text, else the law's). */
  next: string[];
  warnings: string[];
}

const monthOf = (iso: string) => iso.slice(0, 7);
function addMonths(month: string, n: number): string {
  const total = Number(month.slice(0, 4)) * 12 + (Number(month.slice(5, 7)) - 1) + n;
  return `${String(Math.floor(total / 12)).padStart(4, '0')}-${String((total % 12) + 1).padStart(2, '0')}`;
}

/** What happens when a condition is broken: the scheme's agreement, else what RULES.md e.1/e.3 set. */
export function breachConsequences(scheme: Scheme, stage: PremiumStageInfo | null): string[] {
  if (scheme.onBreach && scheme.onBreach.length > 0) return [...scheme.onBreach];
  const out: string[] = [];
  out.push(
    scheme.forgiveRemainder
      ? `${scheme.creditor.name} mag de regeling beëindigen; de kwijtschelding van de restschuld geldt alleen als de voorwaarden zijn nagekomen.`
      : `${scheme.creditor.name} mag de regeling beëindigen en de hele resterende achterstand opeisen.`,
  );
  if (stage && (stage.stage === 'cak' || stage.stage === 'melding')) {
    out.push('Valt het gezin uit de regeling, dan begint de bestuursrechtelijke premie via het CAK opnieuw (art. 18d lid 4 Zvw).');
  } else {
    out.push(`Loopt de premieachterstand op tot 6 maandpremies, dan meldt ${scheme.creditor.name} het gezin bij het CAK en volgt de bestuursrechtelijke premie (art. 18c en 18d Zvw).`);
  }
  out.push(
    scheme.route === 'bijstand'
      ? 'Route bijstand: de gemeente houdt premie en aflossing in op de uitkering; vraag de gemeente waarom de inhouding niet is doorgekomen en meld de oplossing aan de zorgverzekeraar.'
      : 'Route bewind: betaal de gemiste termijn(en) en de lopende premie zo snel mogelijk en meld dit aan de zorgverzekeraar, voordat die de regeling beëindigt.',
  );
  return out;
}

/** During the term: every passed month paid in full, and no new arrears at the creditor. */
export function schemeTermCheck(input: TermCheckInput): TermCheck {
  const { scheme, participation: p, referenceDate } = input;
  const base = { startDate: p.startDate, agreedMonthly: p.agreedMonthly, months: [] as TermMonth[], missedMonths: [] as string[], newArrears: [] as TermCheck['newArrears'], warnings: [] as string[] };
  const done = (state: TermState, reasons: string[], extra: Partial<TermCheck> = {}): TermCheck => ({
    ...base,
    ...extra,
    state,
    stateLabel: TERM_STATE_LABELS[state],
    reasons,
    next: state === 'geschonden' ? breachConsequences(scheme, input.premiumStage) : [],
  });
  if (p.status === 'afgerond' || p.status === 'gestopt') {
    return done('beeindigd', [p.status === 'afgerond' ? 'De regeling is afgerond.' : 'De regeling is gestopt.']);
  }
  if (p.status === 'voorgesteld') return done('niet_gestart', ['De regeling is voorgesteld; de voorwaarden gelden vanaf de start.']);
  if (!p.startDate || !p.agreedMonthly || p.agreedMonthly.isZero()) {
    return done('niet_gestart', ['Leg de startdatum en het afgesproken bedrag per maand vast; daarna volgt Houvast de betalingen.']);
  }
  if (p.startDate > referenceDate) return done('niet_gestart', [`De regeling start op ${formatNlDate(p.startDate)}.`]);

  // Debts that arose at the creditor on or after the start are new arrears; the others are what the scheme pays.
  const newDebts = input.debts.filter((d) => !!d.debt.since && d.debt.since >= p.startDate!);
  const schemeIds = new Set(input.debts.filter((d) => !newDebts.includes(d)).map((d) => d.id));
  const newArrears = scheme.conditions.noNewArrears
    ? newDebts.map((d) => ({ debtId: d.id, creditor: d.debt.creditor, since: d.debt.since!, amount: new Money(d.debt.currentAmount) }))
    : [];

  // A month is due once it is over: from the start month up to the month before the peildatum, within the term,
  // and, once the arrears are paid off (every debt of the scheme paid or at zero), up to the last payment.
  const first = monthOf(p.startDate);
  const lastOver = addMonths(monthOf(referenceDate), -1);
  const lastInTerm = addMonths(first, scheme.maxMonths - 1);
  let last = lastOver < lastInTerm ? lastOver : lastInTerm;
  const paidIn = new Map<string, Decimal>();
  for (const pay of input.payments) {
    if (!schemeIds.has(pay.debtId) || pay.month < first) continue;
    paidIn.set(pay.month, (paidIn.get(pay.month) ?? ZERO).plus(pay.amount));
  }
  const originals = input.debts.filter((d) => schemeIds.has(d.id));
  const paidOff = originals.length > 0 && originals.every((d) => d.debt.status === 'betaald' || new Money(d.debt.currentAmount).isZero());
  if (paidOff) {
    const lastPayment = [...paidIn.keys()].sort().at(-1) ?? addMonths(first, -1);
    if (lastPayment < last) last = lastPayment;
  }
  const months: TermMonth[] = [];
  for (let m = first; m <= last; m = addMonths(m, 1)) {
    const paid = paidIn.get(m) ?? ZERO;
    months.push({ month: m, due: p.agreedMonthly, paid, missed: paid.lessThan(p.agreedMonthly) });
  }
  const missed = months.filter((m) => m.missed);
  const reasons: string[] = [];
  for (const m of missed) {
    reasons.push(
      m.paid.isZero()
        ? `Geen betaling vastgelegd voor ${monthLabel(m.month)} (afgesproken ${formatEuro(m.due)}).`
        : `In ${monthLabel(m.month)} is ${formatEuro(m.paid)} betaald van de afgesproken ${formatEuro(m.due)}.`,
    );
  }
  for (const n of newArrears) {
    reasons.push(`Nieuwe achterstand bij ${n.creditor} sinds ${formatNlDate(n.since)}: ${formatEuro(n.amount)}.`);
  }
  const warnings: string[] = [];
  if (scheme.conditions.currentPremiumPaid && !input.hasPremiumExpense) {
    warnings.push('De lopende premie moet tijdens de regeling betaald worden; er staat geen zorgverzekeringspremie in de uitgaven van dit dossier.');
  }
  const extra = { months, missedMonths: missed.map((m) => m.month), newArrears, warnings };
  if (reasons.length > 0) return done('geschonden', reasons, extra);
  return done(
    'in_orde',
    [paidOff ? 'De achterstand is afgelost.' : months.length === 0 ? `De regeling loopt sinds ${formatNlDate(p.startDate)}; de eerste maand is nog niet voorbij.` : `Alle ${months.length} ${months.length === 1 ? 'maand' : 'maanden'} sinds de start zijn volledig betaald.`],
    extra,
  );
}
