// Dossiers: a household with its persons, bank accounts, incomes, expenses, debts and notes.
// Every write runs in one transaction together with its audit entry, so the log and the data never
// disagree. Money is stored as integer cents and handed out as "1234.50" strings.
import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/contract/errors';
import type { DossierSummary, DossierWarning } from '../../shared/contract/procedures';
import { isoDateOf } from '../../shared/dates';
import {
  DEBT_V2_DEFAULTS,
  DOSSIER_STATUSES,
  type Debt,
  type Dossier,
  type DossierData,
  type DossierStatus,
  type HelpType,
} from '../../shared/dossier/schema';
import { centsToAmount, toCents } from '../../shared/money';
import type { BudgetDossier } from '../../shared/budget/household';
import type { Db } from '../db/driver';
import { cachedStatement } from '../db/statements';
import { REGION_HISTORY_START } from '../db/migrations/020_dossier_regions';
import { provinceOfPostcode } from '../../shared/signals/vocabulary';
import type { AuditService } from './audit';
import { describeChanges } from './dossier-changes';
import type { ServiceContext } from './context';
import { timeOrderedId } from './time-ordered-id';
import { searchDossierIds, searchDossierPage, sortNameOf, summariesFor, type DossierSearch, type SearchOrder } from './dossier-search';
export { foldForSearch } from './dossier-search';
import { dossierWarnings, refuseImpossible, resolveCheckInput, type CheckInput } from './plausibility';

export type ListQuery = DossierSearch;

export interface DossierService {
  create(data: DossierData): Dossier;
  /** Reads a dossier and logs that it was opened. */
  get(id: string): Dossier;
  update(id: string, data: DossierData): Dossier;
  list(query?: ListQuery): DossierSummary[];
  /** One page of matches (ranked when asked) and how many match in all. */
  /** One page (limit required): see searchDossierPage for the total above 1,000 hits and the order then. */
  search(query: ListQuery & { limit: number }): { items: DossierSummary[]; total: number; totalIsLowerBound: boolean; order: SearchOrder };
  close(id: string): Dossier;
  delete(id: string, confirmNumber: string): void;
  addNote(id: string, text: string): Dossier;
  /**
   * Questions to confirm before saving (saves nothing). `id`: the dossier being edited; persons given only by id are
   * read from it, and what it already held was asked about before.
   */
  check(input: CheckInput, id?: string): DossierWarning[];
  /** Store helpers for import/export (no audit entry of their own). */
  insert(db: Db, data: DossierData, options?: { keepNumberIfFree?: boolean }): { id: string; number: string };
  read(id: string): Dossier;
  /** Many dossiers at once with one query per table (batch computations); unknown ids are absent from the map. */
  readMany(ids: readonly string[]): Map<string, Dossier>;
  /** Only what the budget engine reads (people, items, address): half the queries of read() (budget.get). */
  readForBudget(id: string): BudgetDossierRead;
  /** readMany for the budget (budget.batch): the same parts as readForBudget. */
  readManyForBudget(ids: readonly string[]): Map<string, BudgetDossierRead>;
}

/** A dossier as the budget reads it: BudgetDossier with its id and number. */
export type BudgetDossierRead = BudgetDossier & Pick<Dossier, 'id' | 'number'>;

export const DOSSIER_NUMBER_PATTERN = /^(\d{4})-(\d{4,})$/;

/** Section names for the audit log: they say what changed without any personal data. */
const SECTIONS = {
  status: 'Status',
  help: 'Begeleiding',
  adults: 'Volwassenen',
  children: 'Kinderen',
  address: 'Adres',
  contact: 'Contactgegevens',
  bankAccounts: 'Bankrekeningen',
  incomes: 'Inkomsten',
  expenses: 'Uitgaven',
  debts: 'Schulden',
} as const;

interface DossierRow {
  id: string;
  number: string;
  status: DossierStatus;
  type_of_help: HelpType;
  professional: string;
  fictitious: number;
  street: string | null;
  house_number: string | null;
  postcode: string | null;
  city: string | null;
  address_kind: DossierData['addressKind'] | null;
  phone: string | null;
  email: string | null;
  date_aanmelding: string | null;
  date_stabilisatie: string | null;
  date_schuldregeling: string | null;
  date_nazorg: string | null;
  date_afgesloten: string | null;
  created_at: number;
  updated_at: number;
}

const DATE_COLUMN: Record<DossierStatus, keyof DossierRow> = {
  aanmelding: 'date_aanmelding',
  stabilisatie: 'date_stabilisatie',
  schuldregeling: 'date_schuldregeling',
  nazorg: 'date_nazorg',
  afgesloten: 'date_afgesloten',
};

const SUB_TABLES = ['persons', 'bank_accounts', 'incomes', 'expenses', 'debts'] as const;

/** Empty optional text is stored as NULL and handed out as absent. */
const orNull = (v: string | null | undefined): string | null => (v === undefined || v === null || v === '' ? null : v);
const orUndef = (v: string | null): string | undefined => (v === null ? undefined : v);
const amountOut = centsToAmount;

/**
 * "In N termijnen per jaar" is stored as frequency 'jaar' plus the instalments column (migration 005 keeps the
 * frequency CHECK of version 1); every other frequency as itself with instalments NULL.
 */
type FrequencyValue = DossierData['incomes'][number]['frequency'];
function frequencyColumns(x: { frequency: FrequencyValue; instalments?: number | null }): [FrequencyValue, number | null] {
  return x.frequency === 'termijnen' ? ['jaar', x.instalments ?? null] : [x.frequency, null];
}
function frequencyOut(frequency: FrequencyValue, instalments: number | null): { frequency: FrequencyValue; instalments?: number } {
  return instalments === null ? { frequency } : { frequency: 'termijnen', instalments };
}

/** Lower case without diacritics, so "ozdemir" finds "Özdemir". */

/** Ids the client sent are kept (stable keys in forms) unless missing or repeated within the list. */
function itemIds<T extends { id?: string | undefined }>(items: readonly T[]): string[] {
  const seen = new Set<string>();
  return items.map((item) => {
    const id = item.id && !seen.has(item.id) ? item.id : randomUUID();
    seen.add(id);
    return id;
  });
}

export function createDossierService(ctx: ServiceContext, deps: { audit: AuditService; actor(): string }): DossierService {
  const today = () => isoDateOf(ctx.clock.now());

  function nextNumber(db: Db): string {
    const year = new Date(ctx.clock.now()).getFullYear();
    const row = cachedStatement(db, 'SELECT last FROM dossier_number_seq WHERE year = ?').get(year) as { last: number } | undefined;
    let next = (row?.last ?? 0) + 1;
    const taken = cachedStatement(db, 'SELECT 1 FROM dossiers WHERE number = ?');
    // A number typed in by hand (or imported) may already sit ahead of the counter.
    while (taken.get(formatNumber(year, next))) next += 1;
    cachedStatement(db,
      'INSERT INTO dossier_number_seq (year, last) VALUES (?, ?) ON CONFLICT (year) DO UPDATE SET last = excluded.last',
    ).run(year, next);
    return formatNumber(year, next);
  }

  function numberTaken(db: Db, number: string, exceptId?: string): boolean {
    const row = cachedStatement(db, 'SELECT id FROM dossiers WHERE number = ?').get(number) as { id: string } | undefined;
    return row !== undefined && row.id !== exceptId;
  }

  function writeMain(db: Db, id: string, number: string, data: DossierData, createdAt: number, updatedAt: number, insert: boolean): void {
    const values = {
      id,
      number,
      status: data.status,
      type_of_help: data.typeOfHelp,
      professional: data.professional,
      fictitious: data.fictitious ? 1 : 0,
      street: data.address?.street ?? null,
      house_number: data.address?.houseNumber ?? null,
      postcode: data.address?.postcode ?? null,
      city: data.address?.city ?? null,
      address_kind: data.addressKind ?? null,
      phone: orNull(data.contact?.phone),
      email: orNull(data.contact?.email),
      date_aanmelding: data.statusDates.aanmelding ?? null,
      date_stabilisatie: data.statusDates.stabilisatie ?? null,
      date_schuldregeling: data.statusDates.schuldregeling ?? null,
      date_nazorg: data.statusDates.nazorg ?? null,
      date_afgesloten: data.statusDates.afgesloten ?? null,
      // Every writer of the adults (create, update, import, item edits) comes through here with the whole dossier.
      sort_name: sortNameOf(data.adults),
      created_at: createdAt,
      updated_at: updatedAt,
    };
    const columns = Object.keys(values);
    if (insert) {
      cachedStatement(db, `INSERT INTO dossiers (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`).run(values);
    } else {
      const sets = columns.filter((c) => c !== 'id' && c !== 'created_at').map((c) => `${c} = @${c}`);
      cachedStatement(db, `UPDATE dossiers SET ${sets.join(', ')} WHERE id = @id`).run(values);
    }
    recordRegion(db, id, values.postcode);
  }

  /**
   * The province of the address from today on, when it differs from the last one recorded (migration 020): the
   * systeemfouten report counts a household in the province it lived in at the end of the quarter. A new dossier's
   * first row holds for every earlier day too (no earlier address is known).
   */
  function recordRegion(db: Db, id: string, postcode: string | null): void {
    const province = provinceOfPostcode(postcode);
    const last = cachedStatement(db, 'SELECT province FROM dossier_regions WHERE dossier_id = ? ORDER BY from_date DESC LIMIT 1').get(id) as
      | { province: string | null }
      | undefined;
    if (last && last.province === province) return;
    cachedStatement(
      db,
      'INSERT INTO dossier_regions (dossier_id, from_date, province) VALUES (?, ?, ?) ON CONFLICT (dossier_id, from_date) DO UPDATE SET province = excluded.province',
    ).run(id, last ? today() : REGION_HISTORY_START, province);
  }

  function writeItems(db: Db, dossierId: string, data: DossierData): void {
    const person = cachedStatement(db,
      `INSERT INTO persons (id, dossier_id, kind, role, first_name, last_name, birth_date, bsn, living_in_household, sort_order, foster_child, co_parenting, insured_nl)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const personIds = itemIds([...data.adults, ...data.children]);
    let order = 0;
    for (const a of data.adults) {
      const insured = a.insuredInNl === undefined ? null : a.insuredInNl ? 1 : 0;
      person.run(personIds[order], dossierId, 'adult', a.role, a.firstName, a.lastName, a.birthDate, a.bsn ?? null, null, order, null, null, insured);
      order += 1;
    }
    for (const c of data.children) {
      const foster = c.fosterChild === undefined ? null : c.fosterChild ? 1 : 0;
      person.run(personIds[order], dossierId, 'child', null, c.firstName, c.lastName, c.birthDate, null, c.livingInHousehold ? 1 : 0, order, foster, c.coParenting ?? null, null);
      order += 1;
    }

    const bank = cachedStatement(db, 'INSERT INTO bank_accounts (id, dossier_id, iban, holder, description, sort_order) VALUES (?, ?, ?, ?, ?, ?)');
    itemIds(data.bankAccounts).forEach((id, i) => {
      const b = data.bankAccounts[i]!;
      bank.run(id, dossierId, b.iban, orNull(b.holder), orNull(b.description), i);
    });

    const income = cachedStatement(db,
      `INSERT INTO incomes (id, dossier_id, description, category, amount_cents, frequency, person_role, start_date, end_date, sort_order, instalments)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    itemIds(data.incomes).forEach((id, i) => {
      const x = data.incomes[i]!;
      const [frequency, instalments] = frequencyColumns(x);
      income.run(id, dossierId, x.description, x.category, toCents(x.amount), frequency, x.personRole ?? null, x.startDate ?? null, x.endDate ?? null, i, instalments);
    });

    const expense = cachedStatement(db,
      `INSERT INTO expenses (id, dossier_id, description, category, amount_cents, frequency, start_date, end_date, sort_order, instalments)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    itemIds(data.expenses).forEach((id, i) => {
      const x = data.expenses[i]!;
      const [frequency, instalments] = frequencyColumns(x);
      expense.run(id, dossierId, x.description, x.category, toCents(x.amount), frequency, x.startDate ?? null, x.endDate ?? null, i, instalments);
    });

    const debt = cachedStatement(db,
      `INSERT INTO debts (id, dossier_id, creditor, collector, reference, original_cents, current_cents, kind, status, since, sort_order,
         creditor_kind, kind_reason, statement_date, statement_principal_cents, statement_interest_cents, statement_costs_cents,
         verification, recheck_after, inclusion, inclusion_reason, arrears_months, arrears_premium_cents, arrears_reported_to_cak, arrears_reported_on)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    itemIds(data.debts).forEach((id, i) => {
      const d = data.debts[i]!;
      const st = d.statement ?? null;
      const pa = d.premiumArrears ?? null;
      debt.run(
        id, dossierId, d.creditor, orNull(d.collector), orNull(d.reference), toCents(d.originalAmount), toCents(d.currentAmount), d.kind, d.status, d.since ?? null, i,
        d.creditorKind ?? 'overig', orNull(d.kindReason),
        st ? st.date : null, st ? toCents(st.principal) : null, st ? toCents(st.interest) : null, st ? toCents(st.costs) : null,
        d.verification ?? 'opgevraagd', d.recheckAfter ?? null, d.inclusion ?? 'standaard', orNull(d.inclusionReason),
        pa ? pa.months : null, pa?.monthlyPremium ? toCents(pa.monthlyPremium) : null, pa ? (pa.reportedToCak ? 1 : 0) : null, pa?.reportedToCakOn ?? null,
      );
    });
  }

  function writeNotes(db: Db, dossierId: string, data: DossierData, now: number): void {
    const note = cachedStatement(db, 'INSERT INTO notes (id, dossier_id, created_at, author, text) VALUES (?, ?, ?, ?, ?)');
    itemIds(data.notes).forEach((id, i) => {
      const n = data.notes[i]!;
      note.run(id, dossierId, n.createdAt ?? now, orNull(n.author), n.text);
    });
  }

  /** The status being entered gets today's date unless the professional already filled one in. */
  function withStatusDate(data: DossierData, previous: DossierStatus | null): DossierData {
    if (previous === data.status || data.statusDates[data.status]) return data;
    return { ...data, statusDates: { ...data.statusDates, [data.status]: today() } };
  }

  function insert(db: Db, data: DossierData, options: { keepNumberIfFree?: boolean } = {}): { id: string; number: string } {
    const requested = data.number?.trim() || undefined;
    let number: string;
    if (requested && !numberTaken(db, requested)) {
      number = requested;
    } else if (requested && !options.keepNumberIfFree) {
      throw new AppError('VALIDATION', 'Dit dossiernummer is al in gebruik.', [
        { path: 'data.number', message: 'Dit dossiernummer is al in gebruik.' },
      ]);
    } else {
      number = nextNumber(db);
    }
    const now = ctx.clock.now();
    const id = timeOrderedId(now);
    const stored = withStatusDate(data, null);
    withSearchDeferred(db, id, () => {
      writeMain(db, id, number, stored, now, now, true);
      writeItems(db, id, stored);
      writeNotes(db, id, stored, now);
      writeSchemeParticipations(db, id, stored, now);
    });
    return { id, number };
  }

  /** Interchange version 2: the family's zorgpremie schemes (table scheme_participants, migration 005). */
  function writeSchemeParticipations(db: Db, dossierId: string, data: DossierData, now: number): void {
    const stmt = cachedStatement(db,
      'INSERT INTO scheme_participants (scheme_id, dossier_id, status, monthly_cents, start_date, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    const overrideStmt = cachedStatement(db,
      'INSERT INTO scheme_condition_overrides (scheme_id, dossier_id, reason, reasons_not_met, created_at) VALUES (?, ?, ?, ?, ?)',
    );
    for (const p of data.schemeParticipations ?? []) {
      stmt.run(p.schemeId, dossierId, p.status, p.agreedMonthly ? toCents(p.agreedMonthly) : null, p.startDate ?? null, now);
      // The reason a family takes part despite "voldoet niet" (migration 014) travels with its participation.
      if (p.override) overrideStmt.run(p.schemeId, dossierId, p.override.reason, JSON.stringify(p.override.reasonsNotMet), now);
    }
  }

  function readRow(db: Db, id: string): DossierRow {
    const row = cachedStatement(db, 'SELECT * FROM dossiers WHERE id = ?').get(id) as DossierRow | undefined;
    if (!row) throw new AppError('NOT_FOUND', 'Dit dossier bestaat niet (meer).');
    return row;
  }

  /** One dossier: its rows, mapped by assembleDossier (the same mapping readMany uses, so the two cannot drift). */
  function read(id: string): Dossier {
    const db = ctx.db();
    const row = readRow(db, id);
    const all = (table: string, order = 'sort_order') =>
      cachedStatement(db, `SELECT * FROM ${table} WHERE dossier_id = ? ORDER BY ${order}`).all(id) as Row[];
    const raw = <R extends unknown[]>(table: string, columns: string) => rawByDossier<R>(db, table, columns, '= ?', id).get(id) ?? [];
    return assembleDossier(row, {
      persons: raw<PersonRaw>('persons', PERSON_COLUMNS),
      banks: all('bank_accounts'),
      incomes: raw<IncomeRaw>('incomes', INCOME_COLUMNS),
      expenses: raw<ExpenseRaw>('expenses', EXPENSE_COLUMNS),
      debts: all('debts'),
      notes: all('notes', 'created_at, row_id'),
      schemes: cachedStatement(db, `${PARTICIPATION_SQL} WHERE p.dossier_id = ? ORDER BY p.scheme_id`).all(id) as Row[],
    });
  }

  /** Which sections differ, compared without generated ids, key order or empty optional fields. */
  function changedSections(before: Dossier, after: DossierData): string[] {
    const items = (list: readonly object[]) => canon(list.map(({ id: _id, ...rest }: { id?: unknown }) => rest));
    const out: string[] = [];
    if (before.status !== after.status || canon(before.statusDates) !== canon(after.statusDates)) out.push(SECTIONS.status);
    if (before.typeOfHelp !== after.typeOfHelp || before.professional !== after.professional) out.push(SECTIONS.help);
    if (items(before.adults) !== items(after.adults)) out.push(SECTIONS.adults);
    if (items(before.children) !== items(after.children)) out.push(SECTIONS.children);
    if (canon(before.address) !== canon(after.address) || (before.addressKind ?? null) !== (after.addressKind ?? null)) out.push(SECTIONS.address);
    if (canon(before.contact) !== canon(after.contact)) out.push(SECTIONS.contact);
    if (items(before.bankAccounts) !== items(after.bankAccounts)) out.push(SECTIONS.bankAccounts);
    if (items(before.incomes) !== items(after.incomes.map(canonAmounts))) out.push(SECTIONS.incomes);
    if (items(before.expenses) !== items(after.expenses.map(canonAmounts))) out.push(SECTIONS.expenses);
    if (items(before.debts) !== items(after.debts.map(canonAmounts).map(withDebtDefaults))) out.push(SECTIONS.debts);
    return out;
  }

  return {
    insert,
    read,
    readMany: (ids) => readDossiersBulk(ctx.db(), ids),
    readForBudget: (id) => readBudgetOne(ctx.db(), id),
    readManyForBudget: (ids) => readBudgetBulk(ctx.db(), ids),

    create(data) {
      const db = ctx.db();
      refuseImpossible(data, today(), 'data.');
      const created = db.transaction(() => {
        const result = insert(db, data);
        deps.audit.append(deps.actor(), 'dossier.created', result.id, result.number, null);
        return result;
      })();
      return read(created.id);
    },

    get(id) {
      const dossier = read(id);
      deps.audit.append(deps.actor(), 'dossier.opened', dossier.id, dossier.number, null);
      return dossier;
    },

    update(id, data) {
      const db = ctx.db();
      db.transaction(() => {
        const before = read(id);
        const requested = data.number?.trim();
        if (requested && requested !== before.number) {
          throw new AppError('VALIDATION', 'Het dossiernummer kan niet worden gewijzigd.', [
            { path: 'data.number', message: 'Het dossiernummer kan niet worden gewijzigd.' },
          ]);
        }
        // Status dates the form did not send are kept; an explicit null clears one.
        const statusDates = { ...before.statusDates };
        for (const [status, date] of Object.entries(data.statusDates) as [DossierStatus, string | null | undefined][]) {
          if (date !== undefined) statusDates[status] = date;
        }
        const next = withStatusDate({ ...data, statusDates }, before.status);
        refuseImpossible(next, today(), 'data.', before);
        const sections = changedSections(before, next);
        if (sections.length === 0) return;
        withSearchDeferred(db, id, () => {
          writeMain(db, id, before.number, next, before.createdAt, ctx.clock.now(), false);
          for (const table of SUB_TABLES) cachedStatement(db, `DELETE FROM ${table} WHERE dossier_id = ?`).run(id);
          writeItems(db, id, next);
        });
        // Per item and field (old → new for amounts and dates; personal fields only named), one line per section.
        const detail = describeChanges(before, next);
        deps.audit.append(deps.actor(), 'dossier.changed', id, before.number, detail.length > 0 ? detail.join('\n') : sections.join(', '));
      })();
      return read(id);
    },

    list(q = {}) {
      const db = ctx.db();
      return summariesFor(db, searchDossierIds(db, q));
    },

    search(q) {
      const db = ctx.db();
      const { ids, ...rest } = searchDossierPage(db, { ...q, offset: q.offset ?? 0 });
      return { items: summariesFor(db, ids), ...rest };
    },

    close(id) {
      const db = ctx.db();
      db.transaction(() => {
        const row = readRow(db, id);
        cachedStatement(db, 'UPDATE dossiers SET status = ?, date_afgesloten = ?, updated_at = ? WHERE id = ?').run(
          'afgesloten',
          today(),
          ctx.clock.now(),
          id,
        );
        deps.audit.append(deps.actor(), 'dossier.closed', id, row.number, null);
      })();
      return read(id);
    },

    delete(id, confirmNumber) {
      const db = ctx.db();
      db.transaction(() => {
        const row = readRow(db, id);
        if (confirmNumber.trim() !== row.number) {
          throw new AppError('VALIDATION', 'Het dossiernummer klopt niet. Het dossier is niet verwijderd.', [
            { path: 'confirmNumber', message: 'Typ het dossiernummer over om te bevestigen.' },
          ]);
        }
        // ON DELETE CASCADE removes persons, accounts, incomes, expenses, debts and notes.
        cachedStatement(db, 'DELETE FROM dossiers WHERE id = ?').run(id);
        deps.audit.append(deps.actor(), 'dossier.deleted', id, row.number, null);
      })();
      // Move the (zeroed) pages from the WAL into the main file and empty the WAL, so no older page
      // version with the deleted data stays behind in the -wal file.
      try {
        db.pragma('wal_checkpoint(TRUNCATE)');
      } catch (err) {
        ctx.logger.warn('dossier.delete_checkpoint_failed', { error: err });
      }
    },

    check(input, id) {
      const stored = id ? read(id) : null;
      const warnings = dossierWarnings(ctx.db(), resolveCheckInput(input, stored), today(), id);
      if (!stored || warnings.length === 0) return warnings;
      // What the stored dossier already held was asked about (and confirmed) before: ask only about what is new.
      const asked = new Set(dossierWarnings(ctx.db(), stored, today(), id).map((w) => `${w.path}=${w.message}`));
      return warnings.filter((w) => !asked.has(`${w.path}=${w.message}`));
    },

    addNote(id, text) {
      const db = ctx.db();
      db.transaction(() => {
        const row = readRow(db, id);
        const now = ctx.clock.now();
        cachedStatement(db, 'INSERT INTO notes (id, dossier_id, created_at, author, text) VALUES (?, ?, ?, ?, ?)').run(
          randomUUID(),
          id,
          now,
          deps.actor(),
          text,
        );
        cachedStatement(db, 'UPDATE dossiers SET updated_at = ? WHERE id = ?').run(now, id);
        deps.audit.append(deps.actor(), 'dossier.note_added', id, row.number, null);
      })();
      return read(id);
    },
  };
}

/**
 * Writes a whole dossier with its search row built once at the end instead of after every person, debt and
 * bank account (migration 012: the triggers skip a marked dossier; removing the mark indexes it). Runs inside
 * the caller's transaction, so the index never disagrees with the data.
 */
function withSearchDeferred(db: Db, dossierId: string, write: () => void): void {
  // Its own (nested) transaction too, so a mark can never outlive a failed or interrupted write.
  db.transaction(() => {
    cachedStatement(db, 'INSERT INTO dossier_search_deferred (dossier_id) VALUES (?)').run(dossierId);
    write();
    cachedStatement(db, 'DELETE FROM dossier_search_deferred WHERE dossier_id = ?').run(dossierId);
  })();
}

function formatNumber(year: number, n: number): string {
  return `${year}-${String(n).padStart(4, '0')}`;
}

/** Amounts as the store hands them out ("12.5" -> "12.50"), so comparing before/after is fair. */
function canonAmounts<T extends object>(item: T): T {
  const out = { ...item } as Record<string, unknown>;
  for (const key of ['amount', 'originalAmount', 'currentAmount']) {
    const v = out[key];
    if (typeof v === 'string') out[key] = amountOut(toCents(v));
  }
  // Debts v2: nested amounts compare canonically too.
  for (const key of ['statement', 'premiumArrears']) {
    const v = out[key];
    if (v && typeof v === 'object') {
      const nested = { ...(v as Record<string, unknown>) };
      for (const k of ['principal', 'interest', 'costs', 'monthlyPremium']) {
        if (typeof nested[k] === 'string') nested[k] = amountOut(toCents(nested[k]));
      }
      out[key] = nested;
    }
  }
  return out as T;
}

// A participation with the reason the family takes part despite "voldoet niet" (migration 014), if any.
const PARTICIPATION_SQL = `SELECT p.dossier_id, p.scheme_id, p.status, p.monthly_cents, p.start_date, o.reason AS override_reason, o.reasons_not_met AS override_not_met
  FROM scheme_participants p LEFT JOIN scheme_condition_overrides o ON o.scheme_id = p.scheme_id AND o.dossier_id = p.dossier_id`;
interface ParticipationRow {
  dossier_id: string;
  scheme_id: string;
  status: NonNullable<DossierData['schemeParticipations']>[number]['status'];
  monthly_cents: number | null;
  start_date: string | null;
  override_reason: string | null;
  override_not_met: string | null;
}
function participationOut(r: ParticipationRow): NonNullable<DossierData['schemeParticipations']>[number] {
  return {
    schemeId: r.scheme_id,
    status: r.status,
    agreedMonthly: r.monthly_cents === null ? null : amountOut(r.monthly_cents),
    startDate: r.start_date,
    ...(r.override_reason === null ? {} : { override: { reason: r.override_reason, reasonsNotMet: JSON.parse(r.override_not_met ?? '[]') as string[] } }),
  };
}

/** A debt as the vault returns it: the v2 defaults filled in (debts v2, migration 005). */
function withDebtDefaults<T extends Debt>(d: T): T {
  return {
    ...d,
    creditorKind: d.creditorKind ?? DEBT_V2_DEFAULTS.creditorKind,
    verification: d.verification ?? DEBT_V2_DEFAULTS.verification,
    inclusion: d.inclusion ?? DEBT_V2_DEFAULTS.inclusion,
    premiumArrears: d.premiumArrears ? { ...d.premiumArrears, reportedToCak: d.premiumArrears.reportedToCak ?? false } : null,
  };
}

/** Stable JSON for comparisons: sorted keys, empty optional values (undefined, null, '') dropped. */
function canon(value: unknown): string {
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') {
      return Object.fromEntries(
        Object.keys(v)
          .sort()
          .filter((k) => {
            const x = (v as Record<string, unknown>)[k];
            return x !== undefined && x !== null && x !== '';
          })
          .map((k) => [k, walk((v as Record<string, unknown>)[k])]),
      );
    }
    return v;
  };
  return JSON.stringify(walk(value) ?? null);
}

// ---------------------------------------------------------------------------------------------- bulk read

type Row = Record<string, unknown> & { dossier_id: string };

/**
 * Many dossiers with a few set-based queries (one per table, the ids passed as one JSON array) instead of 1 + 8
 * queries per dossier: the batch budget and the scheme group read thousands at once. Maps with assembleDossier, as
 * read() does (a test compares the two for every demo household).
 */
function readDossiersBulk(db: Db, ids: readonly string[]): Map<string, Dossier> {
  const out = new Map<string, Dossier>();
  if (ids.length === 0) return out;
  const idsJson = JSON.stringify([...new Set(ids)]);
  const inIds = 'IN (SELECT value FROM json_each(?))';
  const rows = cachedStatement(db, `SELECT * FROM dossiers WHERE id ${inIds}`).all(idsJson) as DossierRow[];
  const byDossier = (table: string, order: string): Map<string, Row[]> => {
    const m = new Map<string, Row[]>();
    const all = cachedStatement(db, `SELECT * FROM ${table} WHERE dossier_id ${inIds} ORDER BY dossier_id, ${order}`).all(idsJson) as Row[];
    for (const r of all) {
      const list = m.get(r.dossier_id);
      if (list) list.push(r);
      else m.set(r.dossier_id, [r]);
    }
    return m;
  };
  const persons = rawByDossier<PersonRaw>(db, 'persons', PERSON_COLUMNS, inIds, idsJson);
  const banks = byDossier('bank_accounts', 'sort_order');
  const incomes = rawByDossier<IncomeRaw>(db, 'incomes', INCOME_COLUMNS, inIds, idsJson);
  const expenses = rawByDossier<ExpenseRaw>(db, 'expenses', EXPENSE_COLUMNS, inIds, idsJson);
  const debts = byDossier('debts', 'sort_order');
  const notes = byDossier('notes', 'created_at, row_id');
  const schemes = new Map<string, Row[]>();
  for (const r of cachedStatement(db, `${PARTICIPATION_SQL} WHERE p.dossier_id ${inIds} ORDER BY p.dossier_id, p.scheme_id`).all(idsJson) as Row[]) {
    const list = schemes.get(r.dossier_id);
    if (list) list.push(r);
    else schemes.set(r.dossier_id, [r]);
  }
  const empty: Row[] = [];
  for (const row of rows) {
    out.set(row.id, assembleDossier(row, {
      persons: persons.get(row.id) ?? [],
      banks: banks.get(row.id) ?? empty,
      incomes: incomes.get(row.id) ?? [],
      expenses: expenses.get(row.id) ?? [],
      debts: debts.get(row.id) ?? empty,
      notes: notes.get(row.id) ?? empty,
      schemes: schemes.get(row.id) ?? empty,
    }));
  }
  return out;
}

/**
 * readDossiersBulk for the budget (budget.batch): only the dossier columns and the three tables the engine reads,
 * mapped straight into its input (no whole Dossier first). Unknown ids are absent from the map.
 */
function readBudgetBulk(db: Db, ids: readonly string[]): Map<string, BudgetDossierRead> {
  const out = new Map<string, BudgetDossierRead>();
  if (ids.length === 0) return out;
  const idsJson = JSON.stringify([...new Set(ids)]);
  const inIds = 'IN (SELECT value FROM json_each(?))';
  const rows = cachedStatement(db, `SELECT ${BUDGET_ROW_COLUMNS} FROM dossiers WHERE id ${inIds}`).all(idsJson) as BudgetRow[];
  const persons = rawByDossier<PersonRaw>(db, 'persons', PERSON_COLUMNS, inIds, idsJson);
  const incomes = rawByDossier<IncomeRaw>(db, 'incomes', INCOME_COLUMNS, inIds, idsJson);
  const expenses = rawByDossier<ExpenseRaw>(db, 'expenses', EXPENSE_COLUMNS, inIds, idsJson);
  for (const row of rows) out.set(row.id, budgetParts(row, persons.get(row.id) ?? [], incomes.get(row.id) ?? [], expenses.get(row.id) ?? []));
  return out;
}

/**
 * budget.get's read of one dossier: the same columns, tables and mapping as readBudgetBulk, by id, in one statement
 * (each table's rows as one JSON text, as rawByDossier reads them). Four statements cost four lookups of the
 * statement, four read transactions and a JS value per column; at 100,000 dossiers one statement read a household
 * ~25 µs sooner, warm or cold (issue 10 §1: budget.get ≤ 1 ms).
 */
function readBudgetOne(db: Db, id: string): BudgetDossierRead {
  const row = cachedStatement(db, BUDGET_ONE_SQL).get(id) as (BudgetRow & { persons: string; incomes: string; expenses: string }) | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'Dit dossier bestaat niet (meer).');
  return budgetParts(row, rowsOf<PersonRaw>(row.persons), rowsOf<IncomeRaw>(row.incomes), rowsOf<ExpenseRaw>(row.expenses));
}

/**
 * The person, income and expense rows every read selects, as arrays in this column order (`.raw()`: no object with
 * named keys per row), mapped only by budgetParts(): the budget's batch reads thousands of them at once.
 */
const PERSON_COLUMNS = 'dossier_id, id, kind, role, first_name, last_name, birth_date, bsn, living_in_household, foster_child, co_parenting, insured_nl';
type PersonRaw = [
  dossierId: string,
  id: string,
  kind: 'adult' | 'child',
  role: 'aanvrager' | 'partner' | null,
  firstName: string,
  lastName: string,
  birthDate: string,
  bsn: string | null,
  livingInHousehold: number | null,
  fosterChild: number | null,
  coParenting: DossierData['children'][number]['coParenting'] | null,
  insuredNl: number | null,
];
const INCOME_COLUMNS = 'dossier_id, id, description, category, amount_cents, frequency, instalments, start_date, end_date, person_role';
const EXPENSE_COLUMNS = 'dossier_id, id, description, category, amount_cents, frequency, instalments, start_date, end_date';
type ItemRaw<C> = [
  dossierId: string,
  id: string,
  description: string,
  category: C,
  amountCents: number,
  frequency: FrequencyValue,
  instalments: number | null,
  startDate: string | null,
  endDate: string | null,
];
type IncomeRaw = [...ItemRaw<DossierData['incomes'][number]['category']>, personRole: 'aanvrager' | 'partner' | null];
type ExpenseRaw = ItemRaw<DossierData['expenses'][number]['category']>;
/** The dossier columns budgetParts() reads (the budget's reads select only these). */
const BUDGET_ROW_COLUMNS = 'id, number, street, house_number, postcode, city, address_kind';
type BudgetRow = Pick<DossierRow, 'id' | 'number' | 'street' | 'house_number' | 'postcode' | 'city' | 'address_kind'>;

/** The one-dossier statement as a constant: built per call, its text was copied and hashed again to find it. */
const BUDGET_ONE_SQL = `SELECT ${BUDGET_ROW_COLUMNS},
  (SELECT json_group_array(json_array(${PERSON_COLUMNS}, sort_order)) FROM persons WHERE dossier_id = d.id) AS persons,
  (SELECT json_group_array(json_array(${INCOME_COLUMNS}, sort_order)) FROM incomes WHERE dossier_id = d.id) AS incomes,
  (SELECT json_group_array(json_array(${EXPENSE_COLUMNS}, sort_order)) FROM expenses WHERE dossier_id = d.id) AS expenses
  FROM dossiers d WHERE d.id = ?`;

/** Items in their stored order: the rows come grouped by dossier, sorted here (no temporary B-tree in SQLite). */
const bySortOrder = (a: readonly unknown[], b: readonly unknown[]) => (a[a.length - 1] as number) - (b[b.length - 1] as number);

/**
 * The raw rows of one table for many dossiers, grouped by dossier, each group in its stored order.
 * Each dossier's rows come as one JSON text built by SQLite (json_array per row: the same values in the same column
 * order as `.raw()` rows, numbers as numbers, NULL as null) and read with JSON.parse. better-sqlite3 makes a JS value
 * per column per row, which was four fifths of reading the budget of all households (issue 10 §1: 115,000 expense rows
 * of 10,000 dossiers, ~0.08 s in SQLite, ~0.3-0.4 s to hand over value by value, about half that as JSON). One text per
 * dossier keeps every text as small as one dossier.
 */
function rawByDossier<R extends unknown[]>(db: Db, table: string, columns: string, where: string, arg: string): Map<string, R[]> {
  const m = new Map<string, R[]>();
  const groups = cachedStatement(db, `SELECT dossier_id, json_group_array(json_array(${columns}, sort_order)) FROM ${table} WHERE dossier_id ${where} GROUP BY dossier_id`)
    .raw(true)
    .all(arg) as [string, string][];
  for (const [dossierId, rows] of groups) m.set(dossierId, rowsOf<R>(rows));
  return m;
}

/** One dossier's rows of a table from their JSON group (json_array per row, sort_order last), in stored order. */
function rowsOf<R extends unknown[]>(json: string): R[] {
  const list = JSON.parse(json) as R[];
  if (list.length > 1) list.sort(bySortOrder);
  return list;
}

/** People, items and address of a dossier: the budget's whole input, and that part of every dossier read. */
function budgetParts(row: BudgetRow, persons: readonly PersonRaw[], incomes: readonly IncomeRaw[], expenses: readonly ExpenseRaw[]): BudgetDossierRead {
  const adults: BudgetDossierRead['adults'] = [];
  const children: BudgetDossierRead['children'] = [];
  for (const p of persons) {
    if (p[2] === 'adult') adults.push({ id: p[1], role: p[3]!, firstName: p[4], lastName: p[5], birthDate: p[6], bsn: p[7], ...(p[11] === null ? {} : { insuredInNl: p[11] === 1 }) });
    else {
      children.push({
        id: p[1],
        firstName: p[4],
        lastName: p[5],
        birthDate: p[6],
        livingInHousehold: p[8] === 1,
        ...(p[9] === null ? {} : { fosterChild: p[9] === 1 }),
        ...(p[10] === null ? {} : { coParenting: p[10] }),
      });
    }
  }
  return {
    id: row.id,
    number: row.number,
    adults,
    children,
    incomes: incomes.map((x) => ({
      id: x[1],
      description: x[2],
      category: x[3],
      amount: amountOut(x[4]),
      ...frequencyOut(x[5], x[6]),
      personRole: x[9],
      startDate: x[7],
      endDate: x[8],
    })),
    expenses: expenses.map((x) => ({ id: x[1], description: x[2], category: x[3], amount: amountOut(x[4]), ...frequencyOut(x[5], x[6]), startDate: x[7], endDate: x[8] })),
    address:
      row.street !== null && row.house_number !== null && row.postcode !== null && row.city !== null
        ? { street: row.street, houseNumber: row.house_number, postcode: row.postcode, city: row.city }
        : null,
    ...(row.address_kind ? { addressKind: row.address_kind } : {}),
  };
}

/** One dossier from its rows: the only mapping of dossier rows, used by read() and readDossiersBulk(). */
function assembleDossier(
  row: DossierRow,
  rows: { persons: PersonRaw[]; banks: Row[]; incomes: IncomeRaw[]; expenses: ExpenseRaw[]; debts: Row[]; notes: Row[]; schemes: Row[] },
): Dossier {
  const statusDates: DossierData['statusDates'] = {};
  for (const s of DOSSIER_STATUSES) {
    const v = row[DATE_COLUMN[s]] as string | null;
    if (v !== null) statusDates[s] = v;
  }
  const contact: DossierData['contact'] = {};
  if (row.phone !== null) contact.phone = row.phone;
  if (row.email !== null) contact.email = row.email;
  const parts = budgetParts(row, rows.persons, rows.incomes, rows.expenses);
  // Row values typed as the columns are declared (src/core/db/migrations).
  const banks = rows.banks as unknown as { id: string; iban: string; holder: string | null; description: string | null }[];
  const debts = rows.debts as unknown as {
    id: string;
    creditor: string;
    collector: string | null;
    reference: string | null;
    original_cents: number;
    current_cents: number;
    kind: DossierData['debts'][number]['kind'];
    status: DossierData['debts'][number]['status'];
    since: string | null;
    creditor_kind: Debt['creditorKind'];
    kind_reason: string | null;
    statement_date: string | null;
    statement_principal_cents: number | null;
    statement_interest_cents: number | null;
    statement_costs_cents: number | null;
    verification: Debt['verification'];
    recheck_after: string | null;
    inclusion: Debt['inclusion'];
    inclusion_reason: string | null;
    arrears_months: number | null;
    arrears_premium_cents: number | null;
    arrears_reported_to_cak: number | null;
    arrears_reported_on: string | null;
  }[];
  const notes = rows.notes as unknown as { id: string; created_at: number; author: string | null; text: string }[];
  const schemes = rows.schemes as unknown as ParticipationRow[];
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    typeOfHelp: row.type_of_help,
    professional: row.professional,
    statusDates,
    fictitious: row.fictitious === 1,
    adults: parts.adults,
    children: parts.children,
    address: parts.address,
    ...(parts.addressKind ? { addressKind: parts.addressKind } : {}),
    contact,
    bankAccounts: banks.map((b) => ({ id: b.id, iban: b.iban, holder: orUndef(b.holder), description: orUndef(b.description) })),
    incomes: parts.incomes,
    expenses: parts.expenses,
    debts: debts.map((d) => ({
      id: d.id,
      creditor: d.creditor,
      collector: orUndef(d.collector),
      reference: orUndef(d.reference),
      originalAmount: amountOut(d.original_cents),
      currentAmount: amountOut(d.current_cents),
      kind: d.kind,
      status: d.status,
      since: d.since,
      creditorKind: d.creditor_kind,
      kindReason: orUndef(d.kind_reason),
      statement:
        d.statement_date !== null
          ? {
              date: d.statement_date,
              principal: amountOut(d.statement_principal_cents ?? 0),
              interest: amountOut(d.statement_interest_cents ?? 0),
              costs: amountOut(d.statement_costs_cents ?? 0),
            }
          : null,
      verification: d.verification,
      recheckAfter: d.recheck_after,
      inclusion: d.inclusion,
      inclusionReason: orUndef(d.inclusion_reason),
      premiumArrears:
        d.arrears_months !== null
          ? {
              months: d.arrears_months,
              monthlyPremium: d.arrears_premium_cents !== null ? amountOut(d.arrears_premium_cents) : null,
              reportedToCak: d.arrears_reported_to_cak === 1,
              reportedToCakOn: d.arrears_reported_on,
            }
          : null,
    })),
    notes: notes.map((n) => ({ id: n.id, createdAt: n.created_at, author: orUndef(n.author), text: n.text })),
    ...(schemes.length === 0
      ? {}
      : {
          schemeParticipations: schemes.map(participationOut),
        }),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
