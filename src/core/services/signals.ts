// Signals (systeemfouten) per dossier. Every write runs in one transaction with its audit entry; the log
// names the dossier and the mechanism code, never the private note.
import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/contract/errors';
import { isoDateOf } from '../../shared/dates';
import { fromCents, toCents } from '../../shared/money';
import { QUARTER_PATTERN, type Signal, type SignalData, type SignalFilter } from '../../shared/signals/schema';
import { VOCABULARY_VERSION, type EffectCode, type InstantieCode, type MechanismCode, type RouteCode, type RouteResultCode } from '../../shared/signals/vocabulary';
import type { Db } from '../db/driver';
import type { AuditService } from './audit';
import type { ServiceContext } from './context';

export interface SignalRow {
  id: string;
  dossier_id: string;
  vocabulary_version: string;
  recorded_on: string;
  original_recorded_on: string | null;
  instantie: InstantieCode;
  mechanism: MechanismCode;
  effects: string;
  route: RouteCode;
  route_result: RouteResultCode;
  occurred_on: string | null;
  impact_cents: number | null;
  shortfall_cents: number | null;
  source: Signal['source'];
  source_ref: string | null;
  note: string;
  created_at: number;
  updated_at: number;
  number: string;
}

export interface SignalService {
  create(dossierId: string, data: SignalData): Signal;
  update(id: string, data: SignalData): Signal;
  delete(id: string): void;
  get(id: string): Signal;
  list(filter?: SignalFilter): Signal[];
  /**
   * Import helper (no audit entry of its own): a signal from an interchange file is registered in this vault
   * today (rule R1: it counts in the current quarter, never in one this office may already have exported);
   * the file's `recordedOn` is kept as the original registration date.
   */
  insertImported(db: Db, dossierId: string, data: SignalData & { recordedOn: string; vocabularyVersion: string }): void;
  /** The demo vault's fictitious history: registered on the given (past) date, as if recorded here back then. */
  insertDemo(db: Db, dossierId: string, data: SignalData & { recordedOn: string; vocabularyVersion: string }): void;
  listForDossier(dossierId: string): Signal[];
}

const amountOut = (cents: number | null): string | null => (cents === null ? null : fromCents(cents).toFixed(2));
const centsIn = (amount: string | null | undefined): number | null => (amount === null || amount === undefined || amount === '' ? null : toCents(amount));

export function rowToSignal(r: SignalRow): Signal {
  return {
    id: r.id,
    dossierId: r.dossier_id,
    dossierNumber: r.number,
    vocabularyVersion: r.vocabulary_version,
    recordedOn: r.recorded_on,
    originalRecordedOn: r.original_recorded_on,
    instantie: r.instantie,
    mechanism: r.mechanism,
    effects: JSON.parse(r.effects) as EffectCode[],
    route: r.route,
    routeResult: r.route_result,
    occurredOn: r.occurred_on,
    impactAmount: amountOut(r.impact_cents),
    monthlyShortfall: amountOut(r.shortfall_cents),
    source: r.source,
    sourceRef: r.source_ref,
    note: r.note,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** First and last day of a quarter "2026-Q3". */
export function quarterRange(q: string): { start: string; end: string } {
  const m = QUARTER_PATTERN.exec(q);
  if (!m) throw new AppError('VALIDATION', 'Kies een kwartaal als 2026-Q3.');
  const year = m[1]!;
  const n = Number(m[2]);
  const startMonth = (n - 1) * 3 + 1;
  const endMonth = startMonth + 2;
  const lastDay = new Date(Date.UTC(Number(year), endMonth, 0)).getUTCDate();
  return { start: `${year}-${String(startMonth).padStart(2, '0')}-01`, end: `${year}-${String(endMonth).padStart(2, '0')}-${lastDay}` };
}

const SELECT = 'SELECT s.*, d.number FROM signals s JOIN dossiers d ON d.id = s.dossier_id';

export function createSignalService(ctx: ServiceContext, deps: { audit: AuditService; actor(): string }): SignalService {
  function dossierNumber(db: Db, dossierId: string): string {
    const row = db.prepare('SELECT number FROM dossiers WHERE id = ?').get(dossierId) as { number: string } | undefined;
    if (!row) throw new AppError('NOT_FOUND', 'Dit dossier bestaat niet (meer).');
    return row.number;
  }

  function read(db: Db, id: string): Signal {
    const row = db.prepare(`${SELECT} WHERE s.id = ?`).get(id) as SignalRow | undefined;
    if (!row) throw new AppError('NOT_FOUND', 'Dit signaal bestaat niet (meer).');
    return rowToSignal(row);
  }

  /** `dates.original` is written on insert only: an update never changes either date. */
  function write(db: Db, id: string, dossierId: string, data: SignalData, dates: { recordedOn: string; original: string | null }, vocabularyVersion: string, createdAt: number, now: number): void {
    db.prepare(
      `INSERT INTO signals (id, dossier_id, vocabulary_version, recorded_on, original_recorded_on, instantie, mechanism, effects, route, route_result,
         occurred_on, impact_cents, shortfall_cents, source, source_ref, note, created_at, updated_at)
       VALUES (@id, @dossier_id, @vocabulary_version, @recorded_on, @original_recorded_on, @instantie, @mechanism, @effects, @route, @route_result,
         @occurred_on, @impact_cents, @shortfall_cents, @source, @source_ref, @note, @created_at, @updated_at)
       ON CONFLICT (id) DO UPDATE SET instantie = excluded.instantie, mechanism = excluded.mechanism, effects = excluded.effects,
         route = excluded.route, route_result = excluded.route_result, occurred_on = excluded.occurred_on,
         impact_cents = excluded.impact_cents, shortfall_cents = excluded.shortfall_cents, note = excluded.note,
         updated_at = excluded.updated_at`,
    ).run({
      id,
      dossier_id: dossierId,
      vocabulary_version: vocabularyVersion,
      recorded_on: dates.recordedOn,
      original_recorded_on: dates.original,
      instantie: data.instantie,
      mechanism: data.mechanism,
      effects: JSON.stringify(data.effects),
      route: data.route,
      route_result: data.routeResult,
      occurred_on: data.occurredOn ?? null,
      impact_cents: centsIn(data.impactAmount),
      shortfall_cents: centsIn(data.monthlyShortfall),
      source: data.source,
      source_ref: data.sourceRef ?? null,
      note: data.note ?? '',
      created_at: createdAt,
      updated_at: now,
    });
  }

  return {
    create(dossierId, data) {
      const db = ctx.db();
      const id = randomUUID();
      db.transaction(() => {
        const number = dossierNumber(db, dossierId);
        const now = ctx.clock.now();
        write(db, id, dossierId, data, { recordedOn: isoDateOf(now), original: null }, VOCABULARY_VERSION, now, now);
        deps.audit.append(deps.actor(), 'signal.created', dossierId, number, `Systeemfout ${data.mechanism} (${data.instantie})`);
      })();
      return read(db, id);
    },

    update(id, data) {
      const db = ctx.db();
      db.transaction(() => {
        const before = read(db, id);
        // The registration date and vocabulary version stay: they decide the report quarter (rule R1).
        write(db, id, before.dossierId, data, { recordedOn: before.recordedOn, original: before.originalRecordedOn }, before.vocabularyVersion, before.createdAt, ctx.clock.now());
        deps.audit.append(deps.actor(), 'signal.changed', before.dossierId, before.dossierNumber, `Systeemfout ${data.mechanism} (${data.instantie})`);
      })();
      return read(db, id);
    },

    delete(id) {
      const db = ctx.db();
      db.transaction(() => {
        const before = read(db, id);
        db.prepare('DELETE FROM signals WHERE id = ?').run(id);
        deps.audit.append(deps.actor(), 'signal.deleted', before.dossierId, before.dossierNumber, `Systeemfout ${before.mechanism}`);
      })();
    },

    get(id) {
      return read(ctx.db(), id);
    },

    list(filter = {}) {
      const db = ctx.db();
      const where: string[] = [];
      const params: unknown[] = [];
      if (filter.dossierId) {
        dossierNumber(db, filter.dossierId);
        where.push('s.dossier_id = ?');
        params.push(filter.dossierId);
      }
      if (filter.quarter) {
        const r = quarterRange(filter.quarter);
        where.push('s.recorded_on BETWEEN ? AND ?');
        params.push(r.start, r.end);
      }
      if (filter.instantie) {
        where.push('s.instantie = ?');
        params.push(filter.instantie);
      }
      if (filter.mechanismGroup) {
        where.push("s.mechanism LIKE ? ESCAPE '\\'");
        params.push(`${filter.mechanismGroup}.%`);
      }
      if (filter.childEffect !== undefined) {
        // "Effect on children": any effect other than 'geen', or the children mechanism M12.
        const hasEffect = `(EXISTS (SELECT 1 FROM json_each(s.effects) WHERE value <> 'geen') OR s.mechanism LIKE 'M12.%')`;
        where.push(filter.childEffect ? hasEffect : `NOT ${hasEffect}`);
      }
      const rows = db
        .prepare(`${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY s.recorded_on DESC, s.created_at DESC, s.id`)
        .all(...params) as SignalRow[];
      return rows.map(rowToSignal);
    },

    listForDossier(dossierId) {
      const rows = ctx.db().prepare(`${SELECT} WHERE s.dossier_id = ? ORDER BY s.recorded_on, s.created_at, s.id`).all(dossierId) as SignalRow[];
      return rows.map(rowToSignal);
    },

    insertImported(db, dossierId, data) {
      const now = ctx.clock.now();
      write(db, randomUUID(), dossierId, data, { recordedOn: isoDateOf(now), original: data.recordedOn }, data.vocabularyVersion, now, now);
    },

    insertDemo(db, dossierId, data) {
      const now = ctx.clock.now();
      write(db, randomUUID(), dossierId, data, { recordedOn: data.recordedOn, original: null }, data.vocabularyVersion, now, now);
    },
  };
}
