// Zorgpremie schemes: bundled examples (resources/schemes/*.json, read once) and user copies in the vault
// (a copy with the same id replaces the bundled one), the participation of families, and the computations:
// one family, a group (batch) and the dashboard aggregate. The group is selected in SQL first (debts at the
// scheme's creditor, filters), so only the candidates are read and computed.
import { readdir, readFile } from 'node:fs/promises';
import type Decimal from 'decimal.js';
import { join } from 'node:path';
import {
  aggregateScheme,
  capacityFromBudget,
  computeSchemeFamily,
  debtMatchesScheme,
  debtPremiumStage,
  schemeTermCheck,
  worstPremiumStage,
  type TermCheck,
  schemeSchema,
  type ParticipantStatus,
  type Scheme,
  type SchemeFamilyResult,
  type SchemeFilter,
  type SchemeParticipation,
} from '../../shared/arrangement';
import { computeBudget, NormNotCoveredError, type NormSet } from '../../shared/budget';
import {
  serializeSchemeDashboard,
  serializeSchemeFamily,
  type participantIn,
  type SchemeDashboardOut,
  type SchemeFamilyOut,
  type StoredSchemeOut,
} from '../../shared/contract/arrangements';
import { AppError } from '../../shared/contract/errors';
import { isoDateOf } from '../../shared/dates';
import { fromCents, toCents } from '../../shared/money';
import type { z } from 'zod';
import type { Db } from '../db/driver';
import type { AuditService } from './audit';
import type { BudgetService } from './budget';
import type { ServiceContext } from './context';
import type { DossierService } from './dossiers';
import type { NormsService } from './norms';

export class SchemeFileError extends Error {
  constructor(
    readonly file: string,
    readonly reasons: string[],
  ) {
    super(`Regelingbestand ${file} is ongeldig:\n- ${reasons.join('\n- ')}`);
    this.name = 'SchemeFileError';
  }
}

/** Read and validate every *.json in `<resourcesDir>/schemes`; an invalid bundled file is a packaging error. */
export async function loadBundledSchemes(resourcesDir: string): Promise<Scheme[]> {
  const dir = join(resourcesDir, 'schemes');
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
  } catch {
    return [];
  }
  const out: Scheme[] = [];
  for (const name of names) {
    const parsed = schemeSchema.safeParse(JSON.parse(await readFile(join(dir, name), 'utf8')));
    if (!parsed.success) throw new SchemeFileError(name, parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
    out.push(parsed.data);
  }
  return out;
}

export function bundledSchemesLoader(resourcesDir: string): () => Promise<Scheme[]> {
  let cached: Promise<Scheme[]> | null = null;
  return () => {
    if (!cached) {
      cached = loadBundledSchemes(resourcesDir).catch((err: unknown) => {
        cached = null;
        throw err;
      });
    }
    return cached;
  };
}

export interface SchemeService {
  list(): Promise<{ schemes: StoredSchemeOut[] }>;
  get(id: string): Promise<Scheme>;
  save(scheme: Scheme): Promise<StoredSchemeOut>;
  remove(id: string): Promise<{ removed: true }>;
  family(schemeId: string, dossierId: string, date?: string): Promise<SchemeFamilyOut>;
  batch(
    schemeId: string,
    filters: SchemeFilter,
    date?: string,
    page?: { offset: number; limit: number },
  ): Promise<{ schemeId: string; referenceDate: string; families: SchemeFamilyOut[]; total: number; offset: number }>;
  setParticipant(input: z.output<typeof participantIn>): Promise<SchemeFamilyOut>;
  dashboard(schemeId: string, date?: string): Promise<SchemeDashboardOut>;
}

interface ParticipantRow {
  dossier_id: string;
  status: ParticipantStatus;
  monthly_cents: number | null;
  start_date: string | null;
  reason: string | null;
  reasons_not_met: string | null;
  created_at: number | null;
}

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Writes one family's participation in a scheme (inside the caller's transaction) with its logboek entry; status
 * null removes it, and with it a reason recorded for taking part ("voldoet niet").
 */
export function writeParticipant(
  db: Db,
  deps: { audit: AuditService; actor: string; now: number },
  schemeId: string,
  d: { id: string; number: string },
  p: { status: ParticipantStatus | null; agreedMonthly?: string | null | undefined; startDate?: string | null | undefined },
): void {
  if (p.status === null) {
    db.prepare('DELETE FROM scheme_participants WHERE scheme_id = ? AND dossier_id = ?').run(schemeId, d.id);
    // Back to candidate: a reason given for taking part no longer applies.
    db.prepare('DELETE FROM scheme_condition_overrides WHERE scheme_id = ? AND dossier_id = ?').run(schemeId, d.id);
  } else {
    db.prepare(
      `INSERT INTO scheme_participants (scheme_id, dossier_id, status, monthly_cents, start_date, updated_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (scheme_id, dossier_id) DO UPDATE SET status = excluded.status, monthly_cents = excluded.monthly_cents,
         start_date = excluded.start_date, updated_at = excluded.updated_at`,
    ).run(schemeId, d.id, p.status, p.agreedMonthly ? toCents(p.agreedMonthly) : null, p.startDate ?? null, deps.now);
  }
  deps.audit.append(deps.actor, 'dossier.changed', d.id, d.number, 'Regeling zorgpremie');
}

export function createSchemeService(
  ctx: ServiceContext,
  deps: {
    dossiers: DossierService;
    budget: BudgetService;
    norms: NormsService;
    audit: AuditService;
    actor(): string;
    bundled: () => Promise<Scheme[]>;
  },
): SchemeService {
  function userSchemes(): { scheme: Scheme; updatedAt: number }[] {
    const rows = ctx.db().prepare('SELECT id, content, updated_at FROM schemes ORDER BY id').all() as { id: string; content: string; updated_at: number }[];
    return rows.flatMap((r) => {
      const parsed = schemeSchema.safeParse(JSON.parse(r.content));
      if (!parsed.success) {
        // Written through the same schema; an unreadable row is skipped and logged (no content in the log).
        ctx.logger.error('schemes.row_invalid', { paths: parsed.error.issues.map((i) => i.path.join('.')) });
        return [];
      }
      return [{ scheme: parsed.data, updatedAt: r.updated_at }];
    });
  }

  async function list(): Promise<{ schemes: StoredSchemeOut[] }> {
    const bundled = await deps.bundled();
    const user = userSchemes();
    const userIds = new Set(user.map((u) => u.scheme.id));
    const bundledIds = new Set(bundled.map((b) => b.id));
    const schemes: StoredSchemeOut[] = [
      ...bundled.filter((b) => !userIds.has(b.id)).map((scheme) => ({ scheme, origin: 'bundled' as const, replacesBundled: false, updatedAt: null })),
      ...user.map((u) => ({ scheme: u.scheme, origin: 'user' as const, replacesBundled: bundledIds.has(u.scheme.id), updatedAt: u.updatedAt })),
    ];
    schemes.sort((a, b) => a.scheme.name.localeCompare(b.scheme.name, 'nl') || a.scheme.id.localeCompare(b.scheme.id));
    return { schemes };
  }

  async function get(id: string): Promise<Scheme> {
    const found = (await list()).schemes.find((s) => s.scheme.id === id);
    if (!found) throw new AppError('NOT_FOUND', 'Deze regeling bestaat niet (meer). Kies een regeling uit de lijst.');
    return found.scheme;
  }

  function participations(schemeId: string): Map<string, SchemeParticipation> {
    // With the reason a family was taken in despite "voldoet niet" (migration 014), when there is one.
    const rows = ctx
      .db()
      .prepare(
        `SELECT p.dossier_id, p.status, p.monthly_cents, p.start_date, o.reason, o.reasons_not_met, o.created_at
           FROM scheme_participants p LEFT JOIN scheme_condition_overrides o ON o.scheme_id = p.scheme_id AND o.dossier_id = p.dossier_id
          WHERE p.scheme_id = ?`,
      )
      .all(schemeId) as ParticipantRow[];
    return new Map(
      rows.map((r) => [
        r.dossier_id,
        {
          status: r.status,
          agreedMonthly: r.monthly_cents === null ? null : fromCents(r.monthly_cents),
          startDate: r.start_date,
          override: r.reason === null ? null : { reason: r.reason, reasonsNotMet: JSON.parse(r.reasons_not_met ?? '[]') as string[], at: r.created_at ?? 0 },
        },
      ]),
    );
  }

  /** Dossier ids with a debt at the scheme's creditor (SQL narrows; the engine's name match decides). */
  function candidateIds(scheme: Scheme, filters: SchemeFilter, includeAllParticipants: boolean): string[] {
    const where: string[] = [];
    const args: unknown[] = [];
    const nameMatch = scheme.creditor.matchNames.map(() => "(lower(x.creditor) LIKE ? ESCAPE '\\' OR lower(coalesce(x.collector, '')) LIKE ? ESCAPE '\\')").join(' OR ');
    for (const n of scheme.creditor.matchNames) {
      const pattern = `%${likeEscape(n.toLowerCase())}%`;
      args.push(pattern, pattern);
    }
    where.push(`d.id IN (SELECT x.dossier_id FROM debts x WHERE x.status <> 'betaald' AND x.current_cents > 0 AND (${nameMatch}))`);
    const gemeente = filters.gemeente ?? scheme.gemeente;
    const filterSql: string[] = [];
    const filterArgs: unknown[] = [];
    if (gemeente !== '') {
      filterSql.push('lower(coalesce(d.city, \'\')) = lower(?)');
      filterArgs.push(gemeente.trim());
    }
    if (filters.incomeSource) {
      filterSql.push('EXISTS (SELECT 1 FROM incomes i WHERE i.dossier_id = d.id AND i.category = ?)');
      filterArgs.push(filters.incomeSource);
    }
    if (filters.children) {
      filterSql.push(`${filters.children === 'met' ? '' : 'NOT '}EXISTS (SELECT 1 FROM persons p WHERE p.dossier_id = d.id AND p.kind = 'child' AND p.living_in_household = 1)`);
    }
    const filtered = filterSql.length > 0 ? ` AND ${filterSql.join(' AND ')}` : '';
    const participants = includeAllParticipants
      ? ' OR d.id IN (SELECT dossier_id FROM scheme_participants WHERE scheme_id = ?)'
      : ` OR (d.id IN (SELECT dossier_id FROM scheme_participants WHERE scheme_id = ?)${filtered})`;
    const sql = `SELECT d.id FROM dossiers d WHERE (${where[0]}${filtered})${participants} ORDER BY d.number`;
    const all = [...args, ...filterArgs, scheme.id, ...(includeAllParticipants ? [] : filterArgs)];
    return (ctx.db().prepare(sql).all(...all) as { id: string }[]).map((r) => r.id);
  }

  async function computeFamilies(scheme: Scheme, ids: readonly string[], referenceDate: string): Promise<SchemeFamilyResult[]> {
    return (await computeFamiliesWith(scheme, ids, referenceDate)).families;
  }

  async function computeFamiliesWith(scheme: Scheme, ids: readonly string[], referenceDate: string) {
    const norms: NormSet = await deps.norms.normSet();
    const parts = participations(scheme.id);
    // Bulk reads (a few set-based queries for the whole group) instead of 1 + 8 queries per family.
    const dossiers = deps.dossiers.readMany(ids);
    return { dossiers, parts, families: computeEach(scheme, ids, referenceDate, norms, parts, dossiers) };
  }

  function computeEach(
    scheme: Scheme,
    ids: readonly string[],
    referenceDate: string,
    norms: NormSet,
    parts: Map<string, SchemeParticipation>,
    dossiers: ReturnType<DossierService['readMany']>,
  ): SchemeFamilyResult[] {
    const allInputs = deps.budget.inputsMany(ids);
    return ids.map((id) => {
      const dossier = dossiers.get(id);
      if (!dossier) throw new AppError('NOT_FOUND', 'Dit dossier bestaat niet (meer).');
      const inputs = allInputs.get(id)!;
      let result;
      try {
        result = computeBudget(dossier, inputs, norms, referenceDate);
      } catch (err) {
        if (err instanceof NormNotCoveredError) throw new AppError('NORM_NOT_COVERED', err.message);
        throw err;
      }
      return computeSchemeFamily({
        scheme,
        dossier,
        capacity: capacityFromBudget(result, `Budget van dossier ${dossier.number}`),
        participation: parts.get(id) ?? null,
      });
    });
  }

  /**
   * The conditions during the term for every participating family (as schemes.conditions shows them per
   * dossier): the payments of all participants in one query, then the pure check per family.
   */
  function termChecks(
    scheme: Scheme,
    parts: Map<string, SchemeParticipation>,
    dossiers: ReturnType<DossierService['readMany']>,
    referenceDate: string,
  ): Map<string, TermCheck> {
    const payments = new Map<string, { debtId: string; month: string; amount: Decimal }[]>();
    const rows = ctx
      .db()
      .prepare(
        `SELECT a.dossier_id, a.debt_id, a.month, a.amount_cents FROM arrangement_payments a
          WHERE a.dossier_id IN (SELECT dossier_id FROM scheme_participants WHERE scheme_id = ?) ORDER BY a.month`,
      )
      .all(scheme.id) as { dossier_id: string; debt_id: string; month: string; amount_cents: number }[];
    for (const r of rows) {
      const list = payments.get(r.dossier_id) ?? [];
      list.push({ debtId: r.debt_id, month: r.month, amount: fromCents(r.amount_cents) });
      payments.set(r.dossier_id, list);
    }
    const out = new Map<string, TermCheck>();
    for (const [id, p] of parts) {
      const dossier = dossiers.get(id);
      if (!dossier) continue;
      // Paid debts too: payments recorded on them still count for their months.
      const debts = dossier.debts.map((debt, i) => ({ id: debt.id ?? String(i + 1), debt })).filter((d) => debtMatchesScheme(scheme, { ...d.debt, status: 'open' }));
      out.set(
        id,
        schemeTermCheck({
          scheme,
          participation: { status: p.status, agreedMonthly: p.agreedMonthly, startDate: p.startDate },
          debts,
          payments: payments.get(id) ?? [],
          premiumStage: worstPremiumStage(debts.map((d) => debtPremiumStage(d.debt))),
          hasPremiumExpense: dossier.expenses.some((e) => e.category === 'zorgverzekering'),
          referenceDate,
        }),
      );
    }
    return out;
  }

  // One reference date for the whole group (the given date, else today), so every row is comparable.
  const dateOf = (date?: string) => date ?? isoDateOf(ctx.clock.now());

  async function family(schemeId: string, dossierId: string, date?: string): Promise<SchemeFamilyOut> {
    const scheme = await get(schemeId);
    deps.dossiers.read(dossierId); // NOT_FOUND for an unknown dossier
    const [f] = await computeFamilies(scheme, [dossierId], dateOf(date));
    return serializeSchemeFamily(f!);
  }

  return {
    list,
    get,
    async save(scheme) {
      const valid = schemeSchema.parse(scheme);
      const now = ctx.clock.now();
      const db = ctx.db();
      db.transaction(() => {
        db.prepare('INSERT INTO schemes (id, content, updated_at) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET content = excluded.content, updated_at = excluded.updated_at').run(
          valid.id,
          JSON.stringify(valid),
          now,
        );
        deps.audit.append(deps.actor(), 'schemes.changed', null, null, `Regeling ${valid.id} opgeslagen`);
      })();
      const bundled = await deps.bundled();
      return { scheme: valid, origin: 'user', replacesBundled: bundled.some((b) => b.id === valid.id), updatedAt: now };
    },
    async remove(id) {
      const db = ctx.db();
      const removed = db.transaction(() => {
        const info = db.prepare('DELETE FROM schemes WHERE id = ?').run(id);
        if (info.changes > 0) deps.audit.append(deps.actor(), 'schemes.changed', null, null, `Regeling ${id} verwijderd`);
        return info.changes > 0;
      })();
      if (!removed) {
        const bundled = await deps.bundled();
        if (bundled.some((b) => b.id === id)) throw new AppError('FORBIDDEN', 'Een meegeleverde regeling kan niet worden verwijderd; pas een kopie aan.');
        throw new AppError('NOT_FOUND', 'Deze regeling bestaat niet (meer). Er is niets verwijderd.');
      }
      return { removed: true };
    },
    family,
    async batch(schemeId, filters, date, page) {
      const scheme = await get(schemeId);
      const referenceDate = dateOf(date);
      const ids = candidateIds(scheme, filters, false);
      // Only the page is computed: the group is selected in SQL first, so the total is known without the engine.
      const offset = page?.offset ?? 0;
      const pageIds = page ? ids.slice(offset, offset + page.limit) : ids;
      const families = await computeFamilies(scheme, pageIds, referenceDate);
      return { schemeId, referenceDate, families: families.map(serializeSchemeFamily), total: ids.length, offset };
    },
    async setParticipant(input) {
      const scheme = await get(input.schemeId);
      const db = ctx.db();
      const now = ctx.clock.now();
      db.transaction(() => {
        const d = deps.dossiers.read(input.dossierId);
        writeParticipant(db, { audit: deps.audit, actor: deps.actor(), now }, scheme.id, d, input);
      })();
      return family(scheme.id, input.dossierId);
    },
    async dashboard(schemeId, date) {
      const scheme = await get(schemeId);
      const referenceDate = dateOf(date);
      const { families, dossiers, parts } = await computeFamiliesWith(scheme, candidateIds(scheme, {}, true), referenceDate);
      return serializeSchemeDashboard(aggregateScheme(scheme.id, referenceDate, families, termChecks(scheme, parts, dossiers, referenceDate)));
    },
  };
}
