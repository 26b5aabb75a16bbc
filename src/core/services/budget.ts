// Budget per dossier: the stored budget inputs (stated BVV, kostendelers, VTLB corrections) and the engine run
// over the dossier with the vault's norm tables. `computeBudgetView` is the one place that turns (dossier,
// inputs, norms, date) into what the app and the CLI show, so both give the same figures.
import {
  budgetInputsSchema,
  computeBudget,
  computeBudgetFigures,
  EMPTY_BUDGET_INPUTS,
  keyFiguresOf,
  NormNotCoveredError,
  projectBudget,
  sectionFiguresOf,
  toBudgetJson,
  type BudgetInputs,
  type BudgetJson,
  type BudgetDossier,
  type BudgetResult,
  type NormSet,
  type Projection,
} from '../../shared/budget';
import { displayNameOf } from '../../shared/dossier/display-name';
import { serializeBudgetResult, serializeProjection, type BudgetViewWire } from '../../shared/contract/budget';
import { AppError } from '../../shared/contract/errors';
import { BUDGET_BATCH_DEFAULT_LIMIT, type BudgetBatchIn, type BudgetBatchItem, type BudgetBatchOut } from '../../shared/contract/budget-batch';
import { isoDateOf } from '../../shared/dates';
import type { Dossier } from '../../shared/dossier/schema';
import { budgetSections } from '../../shared/presenter';
import { cachedStatement } from '../db/statements';
import type { AuditService } from './audit';
import { keyFiguresBasis, readStoredKeyFigures, storeKeyFigures, type KeyFiguresToStore, type StoredItem } from './budget-key-figures';
import type { ServiceContext } from './context';
import type { BudgetDossierRead, DossierService } from './dossiers';
import type { NormsService } from './norms';

export const PROJECTION_MONTHS = 24;

export interface ComputedBudget {
  result: BudgetResult;
  projection: Projection;
  json: BudgetJson;
}

/**
 * Pure: run the engine and the projection. An uncovered date becomes AppError NORM_NOT_COVERED with the
 * engine's Dutch message (NormNotCoveredError already is one; it is re-thrown as a plain AppError so every
 * transport sees the same shape).
 */
export function computeBudgetView(dossier: BudgetDossier, inputs: BudgetInputs, norms: NormSet, referenceDate: string): ComputedBudget {
  const { result, projection } = computeBudgetAndProjection(dossier, inputs, norms, referenceDate);
  return { result, projection, json: toBudgetJson(result, projection) };
}

/**
 * computeBudgetView without the CLI's JSON view (budget.get builds only the sections' part of it). `explained`
 * false: the engine figures-only (explain.ts), for an answer without explanations.
 */
function computeBudgetAndProjection(
  dossier: BudgetDossier,
  inputs: BudgetInputs,
  norms: NormSet,
  referenceDate: string,
  explained = true,
): Omit<ComputedBudget, 'json'> {
  try {
    const result = (explained ? computeBudget : computeBudgetFigures)(dossier, inputs, norms, referenceDate);
    return { result, projection: projectBudget(dossier, inputs, norms, referenceDate, PROJECTION_MONTHS, result) };
  } catch (err) {
    if (err instanceof NormNotCoveredError) throw new AppError('NORM_NOT_COVERED', err.message);
    throw err;
  }
}

export interface BudgetService {
  /** Stored inputs (defaults when none were saved) and when they were saved. */
  inputs(dossierId: string): { inputs: BudgetInputs; updatedAt: number | null };
  saveInputs(dossierId: string, inputs: BudgetInputs): { inputs: BudgetInputs; updatedAt: number };
  /** Reference date: `date`, else the stored inputs' peildatum, else today (clock). */
  compute(dossierId: string, date?: string): Promise<ComputedBudget & { dossier: Dossier; inputs: BudgetInputs; inputsUpdatedAt: number | null; referenceDate: string }>;
  /**
   * What budget.get sends: each norm table once (resolveBudgetView gives what the screens show). `explanations`
   * false: the same answer without any explanation, marked `explained: false` (the budget screen's first call).
   */
  get(dossierId: string, date?: string, explanations?: boolean): Promise<BudgetViewWire>;
  /** Stored inputs of many dossiers at once (defaults where none were saved), for the batch computations. */
  inputsMany(dossierIds: readonly string[]): Map<string, BudgetInputs>;
  /** Key figures of one page of dossiers (budget.batch). */
  batch(query: BudgetBatchIn): Promise<BudgetBatchOut>;
  /**
   * Brings the stored key figures of the next `limit` households after this dossier number (by number) up to date
   * for their default date; the last number done, or null when none were left (key-figures-refresh.ts).
   */
  refreshKeyFigures(afterNumber: string, limit: number): Promise<string | null>;
}

interface InputsRow {
  inputs: string;
  updated_at: number;
}

export function createBudgetService(
  ctx: ServiceContext,
  deps: { dossiers: DossierService; norms: NormsService; audit: AuditService; actor(): string; version: string },
): BudgetService {
  function inputs(dossierId: string): { inputs: BudgetInputs; updatedAt: number | null } {
    const row = cachedStatement(ctx.db(), 'SELECT inputs, updated_at FROM budget_inputs WHERE dossier_id = ?').get(dossierId) as InputsRow | undefined;
    return inputsOf(row);
  }

  function inputsOf(row: InputsRow | undefined): { inputs: BudgetInputs; updatedAt: number | null } {
    if (!row) return { inputs: { ...EMPTY_BUDGET_INPUTS, vtlbCorrections: [] }, updatedAt: null };
    const parsed = budgetInputsSchema.safeParse(JSON.parse(row.inputs));
    if (!parsed.success) {
      // Written through the same schema; a row that no longer parses must not silently change figures.
      ctx.logger.error('budget.inputs_invalid', { paths: parsed.error.issues.map((i) => i.path.join('.')) });
      throw new AppError('INTERNAL', 'De opgeslagen budgetgegevens van dit dossier kunnen niet worden gelezen. Er is niets gewijzigd; zet zo nodig een back-up terug (Instellingen → Back-ups).');
    }
    return { inputs: parsed.data, updatedAt: row.updated_at };
  }

  async function compute(dossierId: string, date?: string) {
    const dossier = deps.dossiers.read(dossierId);
    const c = await computeFor(dossier, date);
    return { ...c, json: toBudgetJson(c.result, c.projection), dossier };
  }

  async function computeFor(dossier: BudgetDossier & { id: string }, date?: string, explained = true) {
    const stored = inputs(dossier.id);
    const referenceDate = date ?? stored.inputs.referenceDate ?? isoDateOf(ctx.clock.now());
    const norms = await deps.norms.normSet();
    const computed = computeBudgetAndProjection(dossier, stored.inputs, norms, referenceDate, explained);
    return { ...computed, inputs: stored.inputs, inputsUpdatedAt: stored.updatedAt, referenceDate };
  }

  /**
   * Dossiers read at once within a batch page. Small, so a slice's rows die young: held while 250 households were
   * computed, they outlived two scavenges and were promoted, and the old generation grew with garbage (bench at
   * 100,000: peak RSS with the batch 236-255 MB with 250, 228-235 MB with 50; the same time within the noise).
   */
  const READ_SLICE = 50;

  /**
   * One page of key figures (budget-batch.ts). A household's stored figures (budget-key-figures.ts) are served when
   * they were computed from its current data on the same date and basis; the others are computed (bulk reads, one
   * norm set, the engine figures-only once per household) and stored for the next call.
   */
  async function batch(query: BudgetBatchIn): Promise<BudgetBatchOut> {
    const db = ctx.db();
    const offset = query.page?.offset ?? 0;
    const limit = query.page?.limit ?? BUDGET_BATCH_DEFAULT_LIMIT;
    let total: number;
    let pageIds: string[];
    if (query.dossierIds !== undefined) {
      // The chosen dossiers by number; ids that do not exist (any more) come last, each with NOT_FOUND.
      const wanted = [...new Set(query.dossierIds)];
      const known = cachedStatement(db, 'SELECT id FROM dossiers WHERE id IN (SELECT value FROM json_each(?)) ORDER BY number')
        .all(JSON.stringify(wanted)) as { id: string }[];
      const found = new Set(known.map((r) => r.id));
      const ordered = [...known.map((r) => r.id), ...wanted.filter((id) => !found.has(id))];
      total = ordered.length;
      pageIds = ordered.slice(offset, offset + limit);
    } else {
      total = (cachedStatement(db, 'SELECT count(*) AS n FROM dossiers').get() as { n: number }).n;
      pageIds = (cachedStatement(db, 'SELECT id FROM dossiers ORDER BY number LIMIT ? OFFSET ?').all(limit, offset) as { id: string }[]).map((r) => r.id);
    }
    const norms = await deps.norms.normSet();
    const basis = keyFiguresBasis(deps.version, norms);
    const today = isoDateOf(ctx.clock.now());
    const items: (BudgetBatchItem | null)[] = new Array<BudgetBatchItem | null>(pageIds.length).fill(null);
    const stale: number[] = [];
    const stored = readStoredKeyFigures(db, pageIds);
    pageIds.forEach((dossierId, i) => {
      const s = stored.get(dossierId);
      if (s && s.basis === basis && s.referenceDate === (query.date ?? s.peildatum ?? today)) {
        items[i] = { dossierId, ...(JSON.parse(s.item) as StoredItem) };
      } else {
        stale.push(i);
      }
    });
    if (stale.length > 0) {
      const staleIds = stale.map((i) => pageIds[i]!);
      const inputRows = new Map(
        (cachedStatement(db, 'SELECT dossier_id, inputs, updated_at FROM budget_inputs WHERE dossier_id IN (SELECT value FROM json_each(?))').all(
          JSON.stringify(staleIds),
        ) as (InputsRow & { dossier_id: string })[]).map((r) => [r.dossier_id, r]),
      );
      const toStore: KeyFiguresToStore[] = [];
      // The dossiers are read in slices: a page of 10,000 whole dossiers held at once took ~400 MB (bench).
      let dossiers = new Map<string, BudgetDossierRead>();
      stale.forEach((index, n) => {
        const dossierId = pageIds[index]!;
        if (n % READ_SLICE === 0) dossiers = deps.dossiers.readManyForBudget(staleIds.slice(n, n + READ_SLICE));
        const dossier = dossiers.get(dossierId);
        if (!dossier) {
          items[index] = { dossierId, number: null, displayName: null, referenceDate: null, figures: null, error: { code: 'NOT_FOUND', message: 'Dit dossier bestaat niet (meer).' } };
          return;
        }
        let referenceDate: string | null = query.date ?? null;
        const displayName = displayNameOf(dossier);
        try {
          const saved = inputsOf(inputRows.get(dossierId));
          const date = query.date ?? saved.inputs.referenceDate ?? today;
          referenceDate = date;
          let item: StoredItem & { referenceDate: string };
          try {
            // Key figures only: the engine without its explanation texts (same figures and warnings).
            const figures = keyFiguresOf(computeBudgetFigures(dossier, saved.inputs, norms, date));
            item = { number: dossier.number, displayName, referenceDate: date, figures, error: null };
          } catch (err) {
            // No norm table for this date: as certain as figures, so stored as well.
            if (!(err instanceof NormNotCoveredError)) throw err;
            item = { number: dossier.number, displayName, referenceDate: date, figures: null, error: { code: 'NORM_NOT_COVERED', message: err.message } };
          }
          items[index] = { dossierId, ...item };
          toStore.push({ dossierId, peildatum: saved.inputs.referenceDate ?? null, basis, item });
        } catch (err) {
          // One household that cannot be computed (unreadable inputs, a fault) never fails the page; not stored.
          if (err instanceof AppError) {
            items[index] = { dossierId, number: dossier.number, displayName, referenceDate, figures: null, error: { code: err.code, message: err.message } };
            return;
          }
          ctx.logger.error('budget.batch_failed', { error: err });
          items[index] = { dossierId, number: dossier.number, displayName, referenceDate, figures: null, error: { code: 'INTERNAL', message: 'De berekening van dit dossier is mislukt.' } };
        }
      });
      try {
        storeKeyFigures(db, toStore);
      } catch (err) {
        // Only a cache: the page is answered all the same, and these households are computed again next time.
        ctx.logger.warn('budget.key_figures_not_stored', { error: err });
      }
    }
    return { total, offset, limit, items: items as BudgetBatchItem[] };
  }

  function inputsMany(dossierIds: readonly string[]): Map<string, BudgetInputs> {
    const rows = new Map(
      (cachedStatement(ctx.db(), 'SELECT dossier_id, inputs, updated_at FROM budget_inputs WHERE dossier_id IN (SELECT value FROM json_each(?))').all(
        JSON.stringify(dossierIds),
      ) as (InputsRow & { dossier_id: string })[]).map((r) => [r.dossier_id, r]),
    );
    return new Map(dossierIds.map((id) => [id, inputsOf(rows.get(id)).inputs]));
  }

  async function refreshKeyFigures(afterNumber: string, limit: number): Promise<string | null> {
    const next = cachedStatement(ctx.db(), 'SELECT id, number FROM dossiers WHERE number > ? ORDER BY number LIMIT ?').all(afterNumber, limit) as { id: string; number: string }[];
    if (next.length === 0) return null;
    await batch({ dossierIds: next.map((r) => r.id), page: { offset: 0, limit: next.length } });
    return next[next.length - 1]!.number;
  }

  return {
    inputs,
    inputsMany,
    batch,
    refreshKeyFigures,
    saveInputs(dossierId, next) {
      const db = ctx.db();
      const now = ctx.clock.now();
      const valid = budgetInputsSchema.parse(next);
      db.transaction(() => {
        const d = deps.dossiers.read(dossierId);
        db.prepare(
          'INSERT INTO budget_inputs (dossier_id, inputs, updated_at) VALUES (?, ?, ?) ON CONFLICT (dossier_id) DO UPDATE SET inputs = excluded.inputs, updated_at = excluded.updated_at',
        ).run(dossierId, JSON.stringify(valid), now);
        deps.audit.append(deps.actor(), 'dossier.changed', dossierId, d.number, 'Budgetgegevens');
      })();
      return { inputs: valid, updatedAt: now };
    },
    compute,
    async get(dossierId, date, explanations = true) {
      // Only the parts of the dossier the budget reads (the PDF and letters use compute(), with the whole dossier).
      const c = await computeFor(deps.dossiers.readForBudget(dossierId), date, explanations);
      return {
        dossierId,
        referenceDate: c.referenceDate,
        inputs: c.inputs,
        inputsUpdatedAt: c.inputsUpdatedAt,
        result: serializeBudgetResult(c.result, explanations),
        projection: serializeProjection(c.projection),
        // The sections read the JSON view's figures, never its projection (the screen has that as `projection`).
        sections: budgetSections(sectionFiguresOf(c.result)),
        // Only when false: a full answer stays exactly what it was before the option.
        ...(explanations ? {} : { explained: false as const }),
      };
    },
  };
}
