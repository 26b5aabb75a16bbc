// The creditor board, payments and stored letters of a dossier. Every write runs in one transaction with its
// audit entry (no personal data in the log: the step or month, never a name or an amount). The figures are
// computed by src/shared/creditor-board on "today" from the injected clock.
import { randomUUID } from 'node:crypto';
import { toArrangementDebt } from '../../shared/arrangement/inclusion';
import type { ArrangementView } from '../../shared/contract/arrangements';
import { AppError } from '../../shared/contract/errors';
import { serializeBoard, type BoardView, type LetterSummary } from '../../shared/contract/creditor-board';
import {
  BOARD_STEP_LABELS,
  computeBoard,
  DEFAULT_DEADLINE_DAYS,
  DEFAULT_REPLY_DAYS,
  type BoardDebt,
  type BoardEvent,
  type BoardSettings,
  type BoardStep,
} from '../../shared/creditor-board/board';
import { computeProgress, type Payment } from '../../shared/creditor-board/payments';
import { recalculate } from '../../shared/creditor-board/recalc';
import { isoDateOf } from '../../shared/dates';
import type { Debt, Dossier } from '../../shared/dossier/schema';
import { fromCents, toAmountString, toCents } from '../../shared/money';
import type { BoardInterchange } from '../../shared/creditor-board/interchange';
import type { Db } from '../db/driver';
import type { AuditService } from './audit';
import type { ServiceContext } from './context';
import type { DossierService } from './dossiers';

/** The dossier's proposal as the board needs it: the amount per debt id over the whole term, and what a
 *  recalculation in schuldbemiddeling needs (term, variant, current afloscapaciteit per month). */
export interface ProposalFacts {
  offers: Record<string, string>;
  months: number;
  variant: 'schuldbemiddeling' | 'saneringskrediet';
  monthlyCapacity: string | null;
}
export type OffersLookup = (dossier: Dossier) => Promise<ProposalFacts | null>;

/** Which debts are on the board: those taking part in the regeling and not yet paid. */
export type InclusionCheck = (debt: Debt) => boolean;

export interface CreditorBoardService {
  view(dossierId: string): Promise<BoardView>;
  addEvent(input: { dossierId: string; debtId: string; step: BoardStep; date: string; note?: string | undefined; amount?: string | undefined }): Promise<BoardView>;
  removeEvent(dossierId: string, eventId: string): Promise<BoardView>;
  saveSettings(input: { dossierId: string; deadlineDays: number; replyDays: number; startDate: string | null }): Promise<BoardView>;
  recordPayment(input: { dossierId: string; debtId: string; month: string; amount: string; paidOn: string; note?: string | undefined }): Promise<BoardView>;
  removePayment(dossierId: string, paymentId: string): Promise<BoardView>;
  /** Board debts of a dossier (for letters and the proposal). */
  boardDebts(dossier: Dossier): Debt[];
  settings(dossierId: string): BoardSettings;
  /** Store a generated letter in the dossier. */
  storeLetter(input: { dossierId: string; debtId: string | null; kind: LetterSummary['kind']; fileName: string; content: Buffer; includesBsn: boolean }): LetterSummary;
  listLetters(dossierId: string): LetterSummary[];
  getLetter(id: string): { id: string; fileName: string; mime: string; contentBase64: string };
}

interface EventRow {
  id: string;
  debt_id: string;
  step: BoardStep;
  event_date: string;
  note: string | null;
  amount_cents: number | null;
  created_at: number;
}
interface PaymentRow {
  id: string;
  debt_id: string;
  month: string;
  amount_cents: number;
  paid_on: string;
  note: string | null;
  created_at: number;
}
interface LetterRow {
  id: string;
  dossier_id: string;
  debt_id: string | null;
  kind: LetterSummary['kind'];
  file_name: string;
  created_at: number;
  size: number;
  includes_bsn: number;
}

const PDF_MIME = 'application/pdf';

/** The engine's inclusion rule (CJIB and DUO out by default, the user's override with a reason). */
export const isInRegeling: InclusionCheck = (d) => toArrangementDebt(d, 0).included;

/**
 * The offers of the dossier's proposal (the engine over the saved parameters), or null when it cannot be
 * computed (a figure is missing, no norm table covers the date): then progress is measured against the claims.
 */
export function proposalOffers(get: (dossierId: string) => Promise<ArrangementView>): OffersLookup {
  return async (dossier) => {
    try {
      const v = await get(dossier.id);
      if (v.proposal.status === 'ontbreekt') return null;
      return {
        offers: Object.fromEntries(v.proposal.creditors.map((c) => [c.debtId, c.amount.value ?? '0.00'])),
        months: v.proposal.months,
        variant: v.proposal.variant,
        monthlyCapacity: v.proposal.monthlyCapacity.value,
      };
    } catch (err) {
      if (err instanceof AppError) return null;
      throw err;
    }
  };
}

/** Default inclusion when the engine's rule is not supplied: out when excluded or paid. */
export const defaultInclusion: InclusionCheck = (d) => d.status !== 'betaald' && (d as { inclusion?: string }).inclusion !== 'uitsluiten';

export function createCreditorBoardService(
  ctx: ServiceContext,
  deps: { dossiers: DossierService; audit: AuditService; actor(): string; offers?: OffersLookup; included?: InclusionCheck },
): CreditorBoardService {
  const included = deps.included ?? defaultInclusion;
  const today = () => isoDateOf(ctx.clock.now());

  function boardDebts(dossier: Dossier): Debt[] {
    return dossier.debts.filter((d) => d.id && d.status !== 'betaald' && included(d));
  }

  function settings(dossierId: string): BoardSettings {
    const row = ctx.db().prepare('SELECT deadline_days, reply_days, start_date FROM creditor_board_settings WHERE dossier_id = ?').get(dossierId) as
      | { deadline_days: number; reply_days: number; start_date: string | null }
      | undefined;
    return row
      ? { deadlineDays: row.deadline_days, replyDays: row.reply_days, startDate: row.start_date }
      : { deadlineDays: DEFAULT_DEADLINE_DAYS, replyDays: DEFAULT_REPLY_DAYS, startDate: null };
  }

  function events(dossierId: string): BoardEvent[] {
    const rows = ctx.db().prepare('SELECT * FROM creditor_board_events WHERE dossier_id = ? ORDER BY event_date, created_at').all(dossierId) as EventRow[];
    return rows.map((r) => ({
      id: r.id,
      debtId: r.debt_id,
      step: r.step,
      date: r.event_date,
      note: r.note,
      amount: r.amount_cents === null ? null : toAmountString(fromCents(r.amount_cents)),
      createdAt: r.created_at,
    }));
  }

  function payments(dossierId: string): Payment[] {
    const rows = ctx.db().prepare('SELECT * FROM arrangement_payments WHERE dossier_id = ? ORDER BY month, paid_on, created_at').all(dossierId) as PaymentRow[];
    return rows.map((r) => ({
      id: r.id,
      debtId: r.debt_id,
      month: r.month,
      amount: toAmountString(fromCents(r.amount_cents)),
      paidOn: r.paid_on,
      note: r.note,
      createdAt: r.created_at,
    }));
  }

  async function view(dossierId: string): Promise<BoardView> {
    const dossier = deps.dossiers.read(dossierId);
    const proposal = deps.offers ? await deps.offers(dossier) : null;
    const offers = proposal?.offers ?? null;
    // With a proposal, the board holds exactly its creditors (a creditor left out in the what-if is not asked).
    const debts = boardDebts(dossier).filter((d) => !offers || offers[d.id!] !== undefined);
    const boardDebtsIn: BoardDebt[] = debts.map((d) => ({ id: d.id!, creditor: d.creditor, kind: d.kind, currentAmount: d.currentAmount }));
    const now = today();
    const board = computeBoard({ debts: boardDebtsIn, events: events(dossierId), settings: settings(dossierId), today: now, offers });
    const pays = payments(dossierId);
    const targets = board.creditors.map((c) => ({
      debtId: c.debtId,
      creditor: c.creditor,
      target: offers?.[c.debtId] ?? toAmountString(c.claim),
    }));
    const progress = computeProgress(targets, pays);
    // Schuldbemiddeling pays what is reserved: with payments made, show what the current afloscapaciteit
    // brings over the remaining months.
    const recalc =
      proposal && proposal.variant === 'schuldbemiddeling' && proposal.monthlyCapacity !== null && pays.length > 0
        ? recalculate({
            term: proposal.months,
            monthsPaid: progress.months.length,
            monthlyCapacity: proposal.monthlyCapacity,
            creditors: board.creditors.map((c) => ({
              debtId: c.debtId,
              creditor: c.creditor,
              claim: toAmountString(c.claim),
              offer: proposal.offers[c.debtId] ?? '0.00',
              paid: toAmountString(progress.creditors.find((p) => p.debtId === c.debtId)!.paid),
            })),
          })
        : null;
    // After a recalculation the creditors expect what was paid plus the remaining months: progress follows that.
    const finalProgress = recalc
      ? computeProgress(recalc.lines.map((l) => ({ debtId: l.debtId, creditor: l.creditor, target: toAmountString(l.total) })), pays)
      : progress;
    return serializeBoard(dossierId, now, board, pays, finalProgress, offers ? 'voorstel' : 'vordering', recalc);
  }

  /** The dossier and the debt must exist (and the debt be on the board); returns the dossier number. */
  function checkDebt(dossierId: string, debtId: string): string {
    const dossier = deps.dossiers.read(dossierId);
    if (!boardDebts(dossier).some((d) => d.id === debtId)) {
      throw new AppError('VALIDATION', 'Deze schuld staat niet (meer) op het schuldeisersbord.', [{ path: 'debtId', message: 'Kies een schuldeiser van het bord.' }]);
    }
    return dossier.number;
  }

  const audit = (dossierId: string, number: string, detail: string) => deps.audit.append(deps.actor(), 'dossier.changed', dossierId, number, detail);

  return {
    view,
    boardDebts,
    settings,

    async addEvent({ dossierId, debtId, step, date, note, amount }) {
      const db = ctx.db();
      db.transaction(() => {
        const number = checkDebt(dossierId, debtId);
        if (date > today()) throw new AppError('VALIDATION', 'Een stap kan niet in de toekomst liggen.', [{ path: 'date', message: 'Kies vandaag of een eerdere datum.' }]);
        if (amount !== undefined && step !== 'saldo_ontvangen') {
          throw new AppError('VALIDATION', 'Alleen bij "saldo ontvangen" hoort een bedrag.', [{ path: 'amount', message: 'Laat het bedrag leeg bij deze stap.' }]);
        }
        db.prepare(
          'INSERT INTO creditor_board_events (id, dossier_id, debt_id, step, event_date, note, amount_cents, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        ).run(randomUUID(), dossierId, debtId, step, date, note?.trim() || null, amount === undefined ? null : toCents(amount), ctx.clock.now());
        audit(dossierId, number, `Schuldeisersbord: ${BOARD_STEP_LABELS[step]}`);
      })();
      return view(dossierId);
    },

    async removeEvent(dossierId, eventId) {
      const db = ctx.db();
      db.transaction(() => {
        const number = deps.dossiers.read(dossierId).number;
        const row = db.prepare('SELECT step FROM creditor_board_events WHERE id = ? AND dossier_id = ?').get(eventId, dossierId) as { step: BoardStep } | undefined;
        if (!row) throw new AppError('NOT_FOUND', 'Deze stap bestaat niet (meer).');
        db.prepare('DELETE FROM creditor_board_events WHERE id = ?').run(eventId);
        audit(dossierId, number, `Schuldeisersbord: stap "${BOARD_STEP_LABELS[row.step]}" verwijderd`);
      })();
      return view(dossierId);
    },

    async saveSettings({ dossierId, deadlineDays, replyDays, startDate }) {
      const db = ctx.db();
      db.transaction(() => {
        const number = deps.dossiers.read(dossierId).number;
        db.prepare(
          `INSERT INTO creditor_board_settings (dossier_id, deadline_days, reply_days, start_date, updated_at) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (dossier_id) DO UPDATE SET deadline_days = excluded.deadline_days, reply_days = excluded.reply_days,
             start_date = excluded.start_date, updated_at = excluded.updated_at`,
        ).run(dossierId, deadlineDays, replyDays, startDate, ctx.clock.now());
        audit(dossierId, number, 'Schuldeisersbord: termijnen');
      })();
      return view(dossierId);
    },

    async recordPayment({ dossierId, debtId, month, amount, paidOn, note }) {
      const db = ctx.db();
      db.transaction(() => {
        const number = checkDebt(dossierId, debtId);
        if (paidOn > today()) throw new AppError('VALIDATION', 'Een betaling kan niet in de toekomst liggen.', [{ path: 'paidOn', message: 'Kies vandaag of een eerdere datum.' }]);
        db.prepare(
          'INSERT INTO arrangement_payments (id, dossier_id, debt_id, month, amount_cents, paid_on, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        ).run(randomUUID(), dossierId, debtId, month, toCents(amount), paidOn, note?.trim() || null, ctx.clock.now());
        audit(dossierId, number, `Betaling vastgelegd (${month})`);
      })();
      return view(dossierId);
    },

    async removePayment(dossierId, paymentId) {
      const db = ctx.db();
      db.transaction(() => {
        const number = deps.dossiers.read(dossierId).number;
        const row = db.prepare('SELECT month FROM arrangement_payments WHERE id = ? AND dossier_id = ?').get(paymentId, dossierId) as { month: string } | undefined;
        if (!row) throw new AppError('NOT_FOUND', 'Deze betaling bestaat niet (meer).');
        db.prepare('DELETE FROM arrangement_payments WHERE id = ?').run(paymentId);
        audit(dossierId, number, `Betaling verwijderd (${row.month})`);
      })();
      return view(dossierId);
    },

    storeLetter({ dossierId, debtId, kind, fileName, content, includesBsn }) {
      const db = ctx.db();
      const id = randomUUID();
      const createdAt = ctx.clock.now();
      db.transaction(() => {
        const row = db.prepare('SELECT number FROM dossiers WHERE id = ?').get(dossierId) as { number: string } | undefined;
        if (!row) throw new AppError('NOT_FOUND', 'Dit dossier bestaat niet (meer).');
        db.prepare(
          'INSERT INTO arrangement_letters (id, dossier_id, debt_id, kind, file_name, mime, created_at, content, includes_bsn) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
        ).run(id, dossierId, debtId, kind, fileName, PDF_MIME, createdAt, content, includesBsn ? 1 : 0);
        deps.audit.append(deps.actor(), 'dossier.changed', dossierId, row.number, `Brief gemaakt: ${fileName}${includesBsn ? ' (met BSN)' : ''}`);
      })();
      return { id, dossierId, debtId, kind, fileName, createdAt, size: content.length, includesBsn };
    },

    listLetters(dossierId) {
      deps.dossiers.read(dossierId);
      const rows = ctx
        .db()
        .prepare(
          'SELECT id, dossier_id, debt_id, kind, file_name, created_at, length(content) AS size, includes_bsn FROM arrangement_letters WHERE dossier_id = ? ORDER BY created_at DESC, rowid DESC',
        )
        .all(dossierId) as LetterRow[];
      return rows.map((r) => ({
        id: r.id,
        dossierId: r.dossier_id,
        debtId: r.debt_id,
        kind: r.kind,
        fileName: r.file_name,
        createdAt: r.created_at,
        size: r.size,
        includesBsn: r.includes_bsn === 1,
      }));
    },

    getLetter(id) {
      const row = ctx
        .db()
        .prepare('SELECT l.id, l.dossier_id, l.file_name, l.mime, l.content, d.number FROM arrangement_letters l JOIN dossiers d ON d.id = l.dossier_id WHERE l.id = ?')
        .get(id) as { id: string; dossier_id: string; file_name: string; mime: string; content: Buffer; number: string } | undefined;
      if (!row) throw new AppError('NOT_FOUND', 'Deze brief bestaat niet (meer).');
      // A letter holds personal data: taking it out of the vault is an export.
      deps.audit.append(deps.actor(), 'dossier.exported', row.dossier_id, row.number, `Document ${row.file_name} opgehaald`);
      return { id: row.id, fileName: row.file_name, mime: row.mime, contentBase64: Buffer.from(row.content).toString('base64') };
    },
  };
}

// ---------------------------------------------------------------------------------------------- interchange

/** The board block of one dossier for the interchange file (debts by position); null when there is nothing. */
export function exportBoardBlock(db: Db, dossier: Dossier, dossierIndex: number): BoardInterchange | null {
  const position = new Map(dossier.debts.map((d, i) => [d.id, i]));
  const settings = db.prepare('SELECT deadline_days, reply_days, start_date FROM creditor_board_settings WHERE dossier_id = ?').get(dossier.id) as
    | { deadline_days: number; reply_days: number; start_date: string | null }
    | undefined;
  const events = (db.prepare('SELECT * FROM creditor_board_events WHERE dossier_id = ? ORDER BY event_date, created_at').all(dossier.id) as EventRow[]).filter((e) =>
    position.has(e.debt_id),
  );
  const payments = (db.prepare('SELECT * FROM arrangement_payments WHERE dossier_id = ? ORDER BY month, paid_on, created_at').all(dossier.id) as PaymentRow[]).filter((p) =>
    position.has(p.debt_id),
  );
  if (!settings && events.length === 0 && payments.length === 0) return null;
  return {
    dossier: dossierIndex,
    ...(settings ? { settings: { deadlineDays: settings.deadline_days, replyDays: settings.reply_days, startDate: settings.start_date } } : {}),
    events: events.map((e) => ({
      debt: position.get(e.debt_id)!,
      step: e.step,
      date: e.event_date,
      note: e.note,
      amount: e.amount_cents === null ? null : toAmountString(fromCents(e.amount_cents)),
    })),
    payments: payments.map((p) => ({ debt: position.get(p.debt_id)!, month: p.month, amount: toAmountString(fromCents(p.amount_cents)), paidOn: p.paid_on, note: p.note })),
  };
}

/**
 * Store an imported board block for a freshly inserted dossier (inside the import's transaction).
 * `debtIds` are the new dossier's debt ids in file order; a position outside them is refused in Dutch.
 */
export function importBoardBlock(db: Db, dossierId: string, debtIds: readonly string[], block: BoardInterchange, path: string, now: number): void {
  const debtAt = (i: number, where: string): string => {
    const id = debtIds[i];
    if (!id) throw new AppError('VALIDATION', `Het bestand is niet geldig (1 fout). Er is niets geïmporteerd.`, [{ path: where, message: `Er is geen schuld nummer ${i + 1} in dit dossier.` }]);
    return id;
  };
  if (block.settings) {
    db.prepare('INSERT INTO creditor_board_settings (dossier_id, deadline_days, reply_days, start_date, updated_at) VALUES (?, ?, ?, ?, ?)').run(
      dossierId,
      block.settings.deadlineDays,
      block.settings.replyDays,
      block.settings.startDate,
      now,
    );
  }
  const ev = db.prepare('INSERT INTO creditor_board_events (id, dossier_id, debt_id, step, event_date, note, amount_cents, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  block.events.forEach((e, i) => {
    // Entry order is kept through created_at, so steps on the same date stay in their order.
    ev.run(randomUUID(), dossierId, debtAt(e.debt, `${path}.events.${i}.debt`), e.step, e.date, e.note ?? null, e.amount ? toCents(e.amount) : null, now + i);
  });
  const pay = db.prepare('INSERT INTO arrangement_payments (id, dossier_id, debt_id, month, amount_cents, paid_on, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  block.payments.forEach((p, i) => {
    pay.run(randomUUID(), dossierId, debtAt(p.debt, `${path}.payments.${i}.debt`), p.month, toCents(p.amount), p.paidOn, p.note ?? null, now + i);
  });
}
