// Norm tables once per budget answer (issue 10 §1). Every explained figure names the norm table periods it used
// and the figures it read from them; listed in full per figure they were most of `budget.get`'s answer (the same
// table repeated in dozens of explanations) and of its building, validation and serialising. On the wire an
// explanation refers to a table by id and names its figures; the answer lists each table once (`normTables`,
// with every figure any explanation names), and `resolveBudgetResult` puts the full references back, so the
// screens show exactly what they showed before. The output schema refuses a reference to a table or a figure
// the answer does not list.
import { z } from 'zod';
import type { NormTableRef } from '../budget/norms';
import { NORM_GROUPS, NORM_ORIGINS, NORM_STATUSES } from '../budget/norm-schema';

export const normFigureOut = z.object({
  /** The figure's name in the table, e.g. "age_21_to_aow.single.incl_holiday_pay". */
  name: z.string(),
  label: z.string(),
  /** As published in the table (decimal string, not rounded). */
  value: z.string(),
  status: z.enum(NORM_STATUSES),
});
export type NormFigureOut = z.infer<typeof normFigureOut>;

export const normTableRefOut = z.object({
  group: z.enum(NORM_GROUPS),
  title: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  status: z.enum(NORM_STATUSES),
  /** "user": the period was imported or entered by a user (Instellingen → Normen). */
  origin: z.enum(NORM_ORIGINS),
  source: z.array(z.string()),
  figures: z.array(normFigureOut),
  /** First day the period is used past its end while the next is unpublished (voorlopig), else null. */
  provisionalFrom: z.string().nullable().optional(),
});
export type NormTableRefOut = z.infer<typeof normTableRefOut>;

/** A table period as an answer lists it once: `id` ("bijstandsnormen@2026-07-01") and every figure the answer uses. */
export const normTableOut = normTableRefOut.extend({ id: z.string(), provisionalFrom: z.string().nullable() });
export type NormTableOut = z.infer<typeof normTableOut>;

/** What an explanation (or the answer's list of periods used) says about one table: its id and the figures read. */
export const normTableUseOut = z.object({ table: z.string(), figures: z.array(z.string()) });
export type NormTableUseOut = z.infer<typeof normTableUseOut>;

type PeriodHeader = Pick<NormTableRef, 'group' | 'title' | 'periodStart' | 'periodEnd' | 'status' | 'origin' | 'source'> & { provisionalFrom?: string | null | undefined };

/** A norm table period as an explanation shows it, with the figures given (in their order). */
export function normTableRefOf(t: PeriodHeader, figures: NormFigureOut[]): NormTableRefOut & { provisionalFrom: string | null } {
  return {
    group: t.group,
    title: t.title,
    periodStart: t.periodStart,
    periodEnd: t.periodEnd,
    status: t.status,
    origin: t.origin,
    source: [...t.source],
    figures,
    provisionalFrom: t.provisionalFrom ?? null,
  };
}

interface Listed {
  out: NormTableOut;
  /** Every figure read from the table in this answer, listed or not (a figures-only answer lists none). */
  byName: Map<string, ReadFigure>;
}

/** What tells two readings of a table's figure apart. */
type ReadFigure = Pick<NormFigureOut, 'label' | 'value' | 'status'>;

const sameHeader = (a: NormTableOut, t: NormTableRef): boolean =>
  a.title === t.title &&
  a.periodEnd === t.periodEnd &&
  a.status === t.status &&
  a.origin === t.origin &&
  a.provisionalFrom === (t.provisionalFrom ?? null) &&
  a.source.length === t.source.length &&
  a.source.every((s, i) => s === t.source[i]);

/**
 * The tables of one answer, each listed once; `use` turns an engine reference into its wire form. `withFigures` false
 * (a figures-only answer): the tables are listed without the figures read from them and a reference names none; only
 * an explanation shows those, and of a period the screen shows its title, dates and origin. The ids stay those of the
 * full answer: the readings of a period are told apart by their figures all the same.
 */
export class NormTableList {
  private readonly listed = new Map<string, Listed>();
  /**
   * What each reference object was listed as. The engine hands the same reference to several figures (38 uses of
   * 10 objects in a typical answer); looked up again it lands in the same table, since a table's header never
   * changes and its figures are only added to. The search and the figure checks were half of the serialiser.
   */
  private readonly byRef = new Map<NormTableRef, NormTableUseOut>();

  constructor(private readonly withFigures = true) {}

  use(t: NormTableRef): NormTableUseOut {
    let known = this.byRef.get(t);
    if (known === undefined) this.byRef.set(t, (known = this.find(t)));
    // A copy per use: the answer holds no object twice.
    return { table: known.table, figures: known.figures.slice() };
  }

  private find(t: NormTableRef): NormTableUseOut {
    const base = `${t.group}@${t.periodStart}`;
    // One id per period. A reference to the same period that differs (provisionally used from another day, or a
    // figure read with another label) is listed apart ("~2"), so resolving never changes what a figure showed.
    for (let n = 1; ; n++) {
      const id = n === 1 ? base : `${base}~${n}`;
      const known = this.listed.get(id);
      if (known === undefined) {
        const out: NormTableOut = { ...normTableRefOf(t, []), id };
        const entry = { out, byName: new Map<string, ReadFigure>() };
        this.listed.set(id, entry);
        return this.add(entry, t);
      }
      if (sameHeader(known.out, t) && t.figures.every((f) => fits(known.byName.get(f.key), f))) return this.add(known, t);
    }
  }

  /** Lists `t` as use() does, without a reference to hand out (a figure sent without its explanation). */
  list(t: NormTableRef): void {
    if (!this.byRef.has(t)) this.byRef.set(t, this.find(t));
  }

  tables(): NormTableOut[] {
    return [...this.listed.values()].map((l) => l.out);
  }

  private add(entry: Listed, t: NormTableRef): NormTableUseOut {
    const names: string[] = [];
    for (const f of t.figures) {
      if (!entry.byName.has(f.key)) {
        if (this.withFigures) {
          const fig: NormFigureOut = { name: f.key, label: f.label, value: f.value, status: f.status };
          entry.byName.set(f.key, fig);
          entry.out.figures.push(fig);
        } else entry.byName.set(f.key, f);
      }
      if (this.withFigures) names.push(f.key);
    }
    return { table: entry.out.id, figures: names };
  }
}

function fits(known: ReadFigure | undefined, f: NormTableRef['figures'][number]): boolean {
  return known === undefined || (known.label === f.label && known.value === f.value && known.status === f.status);
}

/** A figures-only answer's tables and periods used as a full answer's become: without the figures read from them. */
export function withoutTableFigures<R extends { normTables: NormTableOut[]; normPeriods: NormTableUseOut[] }>(result: R): R {
  return { ...result, normTables: result.normTables.map((t) => ({ ...t, figures: [] })), normPeriods: result.normPeriods.map((u) => ({ ...u, figures: [] })) };
}

/**
 * The check of a figures-only answer (`at`: where its result is): its tables and the periods it used name no figure
 * (only explanations show them, and it has none).
 */
export function checkTablesWithoutFigures(payload: z.core.ParsePayload<object>, at: string[]): void {
  let result: unknown = payload.value;
  for (const k of at) result = (result as Record<string, unknown>)[k];
  const { normTables, normPeriods } = result as { normTables: NormTableOut[]; normPeriods: NormTableUseOut[] };
  const issue = (path: (string | number)[]) =>
    payload.issues.push({ code: 'custom', message: 'figures of a norm table in an answer without explanations (explained: false)', path: [...at, ...path, 'figures'], input: payload.value });
  normTables.forEach((t, i) => t.figures.length > 0 && issue(['normTables', i]));
  normPeriods.forEach((u, i) => u.figures.length > 0 && issue(['normPeriods', i]));
}

/**
 * Where an answer's schema can hold a reference (an instance of normTableUseOut): the keys and array elements that
 * lead there, nothing else. Derived from the schema itself, so a figure added anywhere is checked too; the check
 * then reads only those places instead of every object of the answer (a walk over all of them cost as much as a
 * third of the output validation, the answers' objects having many shapes).
 */
type UsePlan = { use: true } | { element: UsePlan } | { keys: [string, UsePlan][] };

export function usePlanOf(schema: z.ZodType): UsePlan | null {
  if (schema === normTableUseOut) return { use: true };
  if (schema instanceof z.ZodNullable || schema instanceof z.ZodOptional) return usePlanOf(schema.unwrap() as z.ZodType);
  if (schema instanceof z.ZodArray) {
    const element = usePlanOf(schema.element as z.ZodType);
    return element && { element };
  }
  if (schema instanceof z.ZodObject) {
    const keys: [string, UsePlan][] = [];
    for (const [k, v] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
      const plan = usePlanOf(v);
      if (plan) keys.push([k, plan]);
    }
    return keys.length > 0 ? { keys } : null;
  }
  return null;
}

function visitUses(node: unknown, plan: UsePlan, path: (string | number)[], visit: (use: NormTableUseOut, path: (string | number)[]) => void): void {
  if (typeof node !== 'object' || node === null) return;
  if ('use' in plan) visit(node as NormTableUseOut, path);
  else if ('element' in plan) {
    const list = node as unknown[];
    for (let i = 0; i < list.length; i++) {
      path.push(i);
      visitUses(list[i], plan.element, path, visit);
      path.pop();
    }
  } else {
    for (const [k, p] of plan.keys) {
      path.push(k);
      visitUses((node as Record<string, unknown>)[k], p, path, visit);
      path.pop();
    }
  }
}

const isExplanation = <T>(v: unknown): v is { tables: T[] } => typeof v === 'object' && v !== null && Array.isArray((v as { tables?: unknown }).tables);

/**
 * The check of a budget answer (`plan`: usePlanOf its schema): every referenced table and figure is listed in
 * `normTables`, each id once. A plain check on zod's payload, not superRefine: superRefine adds a property to the
 * payload object, which made every payload zod handles in the answer polymorphic (a third more validation time).
 */
export function checkNormTableUses(payload: z.core.ParsePayload<{ normTables: NormTableOut[] }>, plan: UsePlan): void {
  const answer = payload.value;
  const issue = (message: string, path: (string | number)[]) => payload.issues.push({ code: 'custom', message, path, input: answer });
  const names = new Map<string, Set<string>>();
  answer.normTables.forEach((t, i) => {
    if (names.has(t.id)) issue(`norm table ${t.id} listed twice`, ['normTables', i, 'id']);
    names.set(t.id, new Set(t.figures.map((f) => f.name)));
  });
  visitUses(answer, plan, [], (use, path) => {
    const listed = names.get(use.table);
    if (listed === undefined) issue(`norm table ${use.table} is not in normTables`, [...path, 'table']);
    else {
      for (let i = 0; i < use.figures.length; i++) {
        const n = use.figures[i]!;
        if (!listed.has(n)) issue(`figure ${n} is not in norm table ${use.table}`, [...path, 'figures', i]);
      }
    }
  });
}

/**
 * The answer as the screens read it: each reference replaced by the full table period with the figures it names
 * (in its order), `normTables` left out. A copy: the answer itself is not changed. Assumes a validated answer.
 */
export function resolveNormTableUses(answer: { normTables: NormTableOut[]; normPeriods: NormTableUseOut[] }): Record<string, unknown> {
  const tables = new Map(answer.normTables.map((t) => [t.id, { table: t, byName: new Map(t.figures.map((f) => [f.name, f])) }]));
  const resolve = (use: NormTableUseOut): NormTableRefOut => {
    const { table, byName } = tables.get(use.table)!;
    return normTableRefOf(table, use.figures.map((n) => ({ ...byName.get(n)! })));
  };
  const copy = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(copy);
    if (node === null || typeof node !== 'object') return node;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) {
      out[k] = k === 'explanation' && isExplanation<NormTableUseOut>(v) ? { ...(copy(v) as object), tables: v.tables.map(resolve) } : copy(v);
    }
    return out;
  };
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(answer)) {
    if (k === 'normTables') continue;
    out[k] = k === 'normPeriods' ? answer.normPeriods.map(resolve) : copy(v);
  }
  return out;
}
