// The creditor board of one dossier (issue 8 §4): per creditor the Schuldenknooppunt message steps with
// their dates, a reply reminder when a creditor is late, the clock against the deadline for reaching a
// regeling (NVVK: 120 days), whether the regeling is in force, and, when creditors refuse, the options with
// the figures a dwangakkoord request (art. 287a Fw) needs. Pure: the caller passes "today".
import { addDays, differenceInCalendarDays, format, parseISO } from 'date-fns';
import type Decimal from 'decimal.js';
import { money, sum, toAmountString, ZERO } from '../money';

export const BOARD_STEPS = [
  'saldoverzoek',
  'saldo_ontvangen',
  'voorstel_verstuurd',
  'akkoord',
  'afwijzing',
  'heroverweging',
  'geen_reactie',
] as const;
export type BoardStep = (typeof BOARD_STEPS)[number];

export const BOARD_STEP_LABELS: Record<BoardStep, string> = {
  saldoverzoek: 'Saldoverzoek verstuurd',
  saldo_ontvangen: 'Saldo ontvangen',
  voorstel_verstuurd: 'Betaalvoorstel verstuurd',
  akkoord: 'Akkoord',
  afwijzing: 'Afwijzing',
  heroverweging: 'Heroverweging gevraagd',
  geen_reactie: 'Geen reactie',
};

/** Steps after which we wait for the creditor: the reply deadline runs from their date. */
export const AWAITING_STEPS: readonly BoardStep[] = ['saldoverzoek', 'voorstel_verstuurd', 'heroverweging'];
/** Steps that count as a refusal for the options (heroverweging, dwangakkoord). */
export const REFUSAL_STEPS: readonly BoardStep[] = ['afwijzing', 'geen_reactie'];

export const DEFAULT_DEADLINE_DAYS = 120;
export const DEFAULT_REPLY_DAYS = 30;

export interface BoardSettings {
  /** Days from the start of the creditor phase to reach a regeling (NVVK norm: 120). */
  deadlineDays: number;
  /** Days a creditor gets to answer a saldoverzoek or a voorstel before a reminder is due. */
  replyDays: number;
  /** Start of the creditor phase; null = the date of the first step recorded on the board. */
  startDate: string | null;
}

export interface BoardEvent {
  id: string;
  debtId: string;
  step: BoardStep;
  /** ISO date the step happened. */
  date: string;
  note: string | null;
  /** For "saldo ontvangen": the balance the creditor stated (decimal string). */
  amount: string | null;
  /** Order of entry, to break ties on the same date. */
  createdAt: number;
}

export interface BoardDebt {
  id: string;
  creditor: string;
  kind: 'concurrent' | 'preferent';
  /** The claim as recorded in the dossier (decimal string). */
  currentAmount: string;
}

export type CreditorState = 'niet_benaderd' | 'wacht_op_saldo' | 'saldo_ontvangen' | 'wacht_op_reactie' | 'akkoord' | 'afwijzing' | 'geen_reactie';

export const CREDITOR_STATE_LABELS: Record<CreditorState, string> = {
  niet_benaderd: 'Nog niet benaderd',
  wacht_op_saldo: 'Wacht op saldo',
  saldo_ontvangen: 'Saldo ontvangen',
  wacht_op_reactie: 'Wacht op reactie op voorstel',
  akkoord: 'Akkoord',
  afwijzing: 'Afgewezen',
  geen_reactie: 'Geen reactie',
};

export interface CreditorRow {
  debtId: string;
  creditor: string;
  kind: 'concurrent' | 'preferent';
  state: CreditorState;
  lastStep: BoardStep | null;
  lastDate: string | null;
  /** The claim: the last balance the creditor stated, else the dossier's current amount. */
  claim: Decimal;
  claimSource: 'saldo_schuldeiser' | 'dossier';
  /** When waiting for this creditor: the date by which the reply is expected. */
  replyDue: string | null;
  /** Days past replyDue (> 0 only when overdue). */
  daysOverdue: number;
  /** Dutch reminder text when overdue, else null. */
  reminder: string | null;
  /** Date of the last "akkoord" (when the current state is akkoord). */
  agreedOn: string | null;
  events: BoardEvent[];
}

export type RegelingState = 'niet_gestart' | 'lopend' | 'van_kracht' | 'weigering';

export const REGELING_STATE_LABELS: Record<RegelingState, string> = {
  niet_gestart: 'Nog niet gestart',
  lopend: 'Schuldeisers worden benaderd',
  van_kracht: 'Regeling van kracht',
  weigering: 'Niet alle schuldeisers akkoord',
};

export interface BoardClock {
  startDate: string;
  deadline: string;
  deadlineDays: number;
  daysElapsed: number;
  /** Negative when the deadline has passed. */
  daysLeft: number;
  expired: boolean;
  /** Dutch one-liner, e.g. "Dag 45 van 120: nog 75 dagen (uiterlijk 12-03-2027)." */
  text: string;
}

export interface DwangakkoordFigures {
  totalClaims: Decimal;
  creditorsTotal: number;
  agreedCount: number;
  agreedClaims: Decimal;
  /** Share of the total claims held by agreeing creditors, in percent (2 decimals, half-up). */
  agreedSharePct: Decimal;
  refusingCount: number;
  refusingClaims: Decimal;
  refusingSharePct: Decimal;
  pendingCount: number;
  pendingClaims: Decimal;
  refusing: { debtId: string; creditor: string; claim: Decimal; offered: Decimal | null; state: CreditorState }[];
}

export interface BoardResult {
  settings: BoardSettings;
  creditors: CreditorRow[];
  regeling: RegelingState;
  /** Date the regeling came into force (the last akkoord), when in force. */
  inForceSince: string | null;
  clock: BoardClock | null;
  reminders: string[];
  counts: Record<CreditorState, number>;
  /** Present when at least one creditor refused or did not reply. */
  dwangakkoord: DwangakkoordFigures | null;
  /** Dutch explanation of the options when creditors refuse. */
  options: string[];
}

const nl = (iso: string) => format(parseISO(iso), 'dd-MM-yyyy');
const plusDays = (iso: string, days: number) => format(addDays(parseISO(iso), days), 'yyyy-MM-dd');
const daysBetween = (from: string, to: string) => differenceInCalendarDays(parseISO(to), parseISO(from));

function stateOf(step: BoardStep | null): CreditorState {
  switch (step) {
    case null:
      return 'niet_benaderd';
    case 'saldoverzoek':
      return 'wacht_op_saldo';
    case 'saldo_ontvangen':
      return 'saldo_ontvangen';
    case 'voorstel_verstuurd':
    case 'heroverweging':
      return 'wacht_op_reactie';
    case 'akkoord':
      return 'akkoord';
    case 'afwijzing':
      return 'afwijzing';
    case 'geen_reactie':
      return 'geen_reactie';
  }
}

const REMINDER_WHAT: Partial<Record<BoardStep, string>> = {
  saldoverzoek: 'het saldoverzoek',
  voorstel_verstuurd: 'het betaalvoorstel',
  heroverweging: 'het verzoek om heroverweging',
};

/** Percentage of part in whole, 2 decimals half-up; 0 when the whole is 0. */
function pct(part: Decimal, whole: Decimal): Decimal {
  return whole.isZero() ? ZERO : part.div(whole).times(100).toDecimalPlaces(2);
}

export function sortEvents(events: readonly BoardEvent[]): BoardEvent[] {
  return [...events].sort((a, b) => (a.date === b.date ? a.createdAt - b.createdAt : a.date < b.date ? -1 : 1));
}

export function computeBoard(input: {
  debts: readonly BoardDebt[];
  events: readonly BoardEvent[];
  settings: BoardSettings;
  today: string;
  /** Amount offered per debt id over the whole term (from the stored proposal), when known. */
  offers?: Readonly<Record<string, string>> | null;
}): BoardResult {
  const { settings, today } = input;
  const sorted = sortEvents(input.events);
  const creditors: CreditorRow[] = input.debts.map((d) => {
    const events = sorted.filter((e) => e.debtId === d.id);
    const last = events.at(-1) ?? null;
    const saldo = [...events].reverse().find((e) => e.step === 'saldo_ontvangen' && e.amount !== null);
    const state = stateOf(last?.step ?? null);
    let replyDue: string | null = null;
    let daysOverdue = 0;
    let reminder: string | null = null;
    if (last && AWAITING_STEPS.includes(last.step)) {
      replyDue = plusDays(last.date, settings.replyDays);
      daysOverdue = Math.max(0, daysBetween(replyDue, today));
      if (daysOverdue > 0) {
        reminder =
          `Herinnering: ${d.creditor} heeft niet gereageerd op ${REMINDER_WHAT[last.step]} van ${nl(last.date)}; ` +
          `een reactie werd uiterlijk ${nl(replyDue)} verwacht (${daysOverdue} ${daysOverdue === 1 ? 'dag' : 'dagen'} te laat).`;
      }
    }
    return {
      debtId: d.id,
      creditor: d.creditor,
      kind: d.kind,
      state,
      lastStep: last?.step ?? null,
      lastDate: last?.date ?? null,
      claim: saldo?.amount ? money(saldo.amount) : money(d.currentAmount),
      claimSource: saldo ? 'saldo_schuldeiser' : 'dossier',
      replyDue,
      daysOverdue,
      reminder,
      agreedOn: state === 'akkoord' ? last!.date : null,
      events,
    };
  });

  const counts = Object.fromEntries(Object.keys(CREDITOR_STATE_LABELS).map((k) => [k, 0])) as Record<CreditorState, number>;
  for (const c of creditors) counts[c.state] += 1;

  const anyEvent = sorted.length > 0;
  const allAgreed = creditors.length > 0 && creditors.every((c) => c.state === 'akkoord');
  const refusing = creditors.filter((c) => c.state === 'afwijzing' || c.state === 'geen_reactie');
  const regeling: RegelingState = allAgreed ? 'van_kracht' : refusing.length > 0 ? 'weigering' : anyEvent ? 'lopend' : 'niet_gestart';
  const inForceSince = allAgreed ? creditors.map((c) => c.agreedOn!).sort().at(-1)! : null;

  const startDate = settings.startDate ?? sorted[0]?.date ?? null;
  let clock: BoardClock | null = null;
  if (startDate) {
    const deadline = plusDays(startDate, settings.deadlineDays);
    // The clock stops when the regeling is in force.
    const until = inForceSince ?? today;
    const daysElapsed = daysBetween(startDate, until);
    const daysLeft = daysBetween(until, deadline);
    const expired = daysLeft < 0;
    const text = inForceSince
      ? `Regeling bereikt op dag ${daysElapsed} van ${settings.deadlineDays} (gestart ${nl(startDate)}).`
      : expired
        ? `Dag ${daysElapsed} van ${settings.deadlineDays}: de termijn is ${-daysLeft} ${-daysLeft === 1 ? 'dag' : 'dagen'} verstreken (uiterlijk ${nl(deadline)}).`
        : `Dag ${daysElapsed} van ${settings.deadlineDays}: nog ${daysLeft} ${daysLeft === 1 ? 'dag' : 'dagen'} (uiterlijk ${nl(deadline)}).`;
    clock = { startDate, deadline, deadlineDays: settings.deadlineDays, daysElapsed, daysLeft, expired, text };
  }

  const reminders = creditors.flatMap((c) => (c.reminder ? [c.reminder] : []));
  if (clock?.expired && !inForceSince) {
    reminders.unshift(`De termijn van ${settings.deadlineDays} dagen voor het bereiken van een regeling is op ${nl(clock.deadline)} verstreken.`);
  }

  let dwangakkoord: DwangakkoordFigures | null = null;
  const options: string[] = [];
  if (refusing.length > 0) {
    const totalClaims = sum(creditors.map((c) => c.claim));
    const agreed = creditors.filter((c) => c.state === 'akkoord');
    const pending = creditors.filter((c) => !agreed.includes(c) && !refusing.includes(c));
    const agreedClaims = sum(agreed.map((c) => c.claim));
    const refusingClaims = sum(refusing.map((c) => c.claim));
    dwangakkoord = {
      totalClaims,
      creditorsTotal: creditors.length,
      agreedCount: agreed.length,
      agreedClaims,
      agreedSharePct: pct(agreedClaims, totalClaims),
      refusingCount: refusing.length,
      refusingClaims,
      refusingSharePct: pct(refusingClaims, totalClaims),
      pendingCount: pending.length,
      pendingClaims: sum(pending.map((c) => c.claim)),
      refusing: refusing.map((c) => ({
        debtId: c.debtId,
        creditor: c.creditor,
        claim: c.claim,
        offered: input.offers?.[c.debtId] !== undefined ? money(input.offers[c.debtId]!) : null,
        state: c.state,
      })),
    };
    options.push(
      'Heroverweging: vraag de schuldeiser het voorstel opnieuw te bekijken, met uitleg waarom een hoger bedrag niet haalbaar is en wat de andere schuldeisers hebben besloten.',
      'Dwangakkoord (art. 287a Faillissementswet): verzoek de rechtbank de weigerende schuldeiser te bevelen in te stemmen, omdat hij in redelijkheid niet tot weigering kan komen, gelet op de belangen van de schuldenaar en de andere schuldeisers. Het verzoek gaat samen met een verzoek tot toepassing van de Wsnp.',
      'Lukt geen van beide: verzoek tot toelating tot de wettelijke schuldsaneringsregeling (Wsnp).',
    );
  }

  return { settings, creditors, regeling, inForceSince, clock, reminders, counts, dwangakkoord, options };
}

/** Amounts of the figures as wire strings (2 decimals). */
export const amountString = (d: Decimal): string => toAmountString(d);
