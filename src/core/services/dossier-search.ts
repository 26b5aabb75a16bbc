// The dossier list in SQL (issue 10): search through the FTS5 indexes of migrations 007 (trigrams) and 016 (word prefixes), filters,
// sorting and paging in the database, and summaries built only for the rows asked for. A keystroke no longer
// reads every dossier and person.
import { DOSSIER_STATUSES, HELP_TYPES, HELP_TYPE_LABELS, type DossierStatus, type HelpType } from '../../shared/dossier/schema';
import { DOSSIER_SORT_KEYS, type DossierSummary } from '../../shared/contract/procedures';
import { displayNameOf } from '../../shared/dossier/display-name';
import type { Db } from '../db/driver';
import { SEARCH_LETTER_FOLDS } from '../db/migrations/022_search_letters';

export type DossierSortKey = (typeof DOSSIER_SORT_KEYS)[number];

export interface DossierSearch {
  query?: string | undefined;
  status?: DossierStatus | undefined;
  typeOfHelp?: HelpType | undefined;
  sort?: { key: DossierSortKey; dir: 'asc' | 'desc' } | undefined;
  offset?: number | undefined;
  /** Omitted: every match (the full list). */
  limit?: number | undefined;
}

const LETTER_FOLDS = new Map(SEARCH_LETTER_FOLDS);
const FOLDED_LETTER = new RegExp(`[${[...LETTER_FOLDS.keys()].join('')}]`, 'gu');

/**
 * Lower case without accents, as the FTS5 tokenizers fold (remove_diacritics), and the letters without an accent to
 * remove ("ł", "ı", "ø", "ß") as the index text is folded (migration 022): for queries, dossiers.sort_name and the
 * import's duplicate check.
 */
export function foldForSearch(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(FOLDED_LETTER, (c) => LETTER_FOLDS.get(c)!)
    .toLowerCase();
}

/** Words of a query: every word must occur somewhere in the dossier's index text. */
export function searchTokens(query: string | undefined): string[] {
  return (
    foldForSearch(query ?? '')
      .split(/[\s,;]+/)
      .filter(Boolean)
      // A BSN as letters print it ("1234.56.782") is stored as digits only; a dossier number keeps its hyphen.
      .map((t) => (/^\d+(?:\.\d+)+$/.test(t) ? t.replace(/\./g, '') : t))
  );
}

/**
 * The name the list sorts by (dossiers.sort_name, migration 016): the aanvrager's (else the first adult's)
 * "lastname firstname", folded, so the sort runs from an index.
 */
export function sortNameOf(adults: readonly { role: string; firstName: string; lastName: string }[]): string {
  const a = adults.find((x) => x.role === 'aanvrager') ?? adults[0];
  return a ? foldForSearch(`${a.lastName} ${a.firstName}`) : '';
}

const STATUS_ORDER = `CASE d.status ${DOSSIER_STATUSES.map((s, i) => `WHEN '${s}' THEN ${i}`).join(' ')} END`;
const HELP_ORDER = (() => {
  const byLabel = [...HELP_TYPES].sort((a, b) => HELP_TYPE_LABELS[a].localeCompare(HELP_TYPE_LABELS[b], 'nl'));
  return `CASE d.type_of_help ${byLabel.map((t, i) => `WHEN '${t}' THEN ${i}`).join(' ')} END`;
})();
const CHILDREN_ORDER = `(SELECT count(*) FROM persons p WHERE p.dossier_id = d.id AND p.kind = 'child')`;

function orderBy(sort: DossierSearch['sort'], hasMatch: boolean): string {
  const key = sort?.key ?? 'updated';
  const dir = sort ? (sort.dir === 'asc' ? 'ASC' : 'DESC') : 'DESC';
  const tail = 'd.updated_at DESC, d.number DESC';
  switch (key) {
    case 'relevance':
      return hasMatch ? `rank, ${tail}` : tail;
    case 'number':
      return `d.number ${dir}`;
    case 'name':
      // Exactly the order of index dossiers_sort_name (forwards or backwards), so no sort step is needed.
      return dir === 'ASC' ? 'd.sort_name ASC, d.updated_at DESC, d.number DESC' : 'd.sort_name DESC, d.updated_at ASC, d.number ASC';
    case 'postcode':
      return `d.postcode IS NULL, d.postcode ${dir}, ${tail}`;
    case 'children':
      return `${CHILDREN_ORDER} ${dir}, ${tail}`;
    case 'status':
      return `${STATUS_ORDER} ${dir}, ${tail}`;
    case 'typeOfHelp':
      return `${HELP_ORDER} ${dir}, ${tail}`;
    case 'updated':
      return `d.updated_at ${dir}, d.number ${dir}`;
  }
}

/** An FTS5 string literal: the token as one phrase, quotes doubled. */
const phrase = (t: string) => `"${t.replace(/"/g, '""')}"`;

/** A one- or two-letter word as FTS5 prefix queries on the words table; its letters and digits only. */
function shortPrefixes(t: string): string[] {
  return t
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((w) => `${phrase(w)}*`);
}

/**
 * A search (a text query) counts its hits exactly up to this many; above it the answer says "more than 1,000" and
 * the page comes in the order of the index instead of by relevance or a column (issue 10: a broad query such as
 * "Belastingdienst" or one letter matches tens of thousands of dossiers, and counting and ranking every hit cost
 * 0.3-0.7 s per keystroke at 100,000 dossiers). The list without a query keeps its exact count (an index count).
 */
export const EXACT_TOTAL_LIMIT = 1000;

/** The order of a page: the one asked for, or the most recently added dossiers first (a broad search). */
export type SearchOrder = 'asked' | 'added';

export interface DossierSearchSql {
  /** Counts the matches, at most `cap` + 1 of them, so a broad query never visits every hit to count. */
  count(cap?: number): string;
  /** The requested page of ids in the order asked for (all matches when the search has no limit). */
  page: string;
  /**
   * The requested page of ids, most recently added first: the FTS5 rowid order (docids are handed out in insert
   * order, migration 007), which FTS5 walks backwards and stops after the page, without a sort step. Null
   * without a text query.
   */
  pageByAdded: string | null;
  params: unknown[];
}

/** The SQL of a search: counts, the requested page of ids, and their parameters. */
export function dossierSearchSql(q: DossierSearch): DossierSearchSql {
  const tokens = searchTokens(q.query);
  // Trigrams need three characters; shorter words are word prefixes in dossier_words (migration 016), which
  // has prefix indexes of one and two characters and the same rowids as the trigram table.
  const long = tokens.filter((t) => [...t].length >= 3);
  const short = tokens.filter((t) => [...t].length < 3).flatMap(shortPrefixes);
  const where: string[] = [];
  const params: unknown[] = [];
  let from = 'dossiers d';
  if (long.length > 0) {
    from = 'dossier_search s JOIN dossier_search_ids m ON m.docid = s.rowid JOIN dossiers d ON d.id = m.dossier_id';
    where.push('dossier_search MATCH ?');
    params.push(long.map(phrase).join(' AND '));
    if (short.length > 0) {
      // The unary + keeps this IN list out of the trigram table's xBestIndex: pushed down, FTS5 ran the trigram
      // MATCH once per rowid of the short word ("Wendy B": 72,000 rowids, 19 s at 100,000 dossiers). Now the
      // list is built once and checked per trigram match.
      where.push('+s.rowid IN (SELECT rowid FROM dossier_words WHERE dossier_words MATCH ?)');
      params.push(short.join(' AND '));
    }
  } else if (short.length > 0) {
    from = 'dossier_words s JOIN dossier_search_ids m ON m.docid = s.rowid JOIN dossiers d ON d.id = m.dossier_id';
    where.push('dossier_words MATCH ?');
    params.push(short.join(' AND '));
  }
  if (q.status) {
    where.push('d.status = ?');
    params.push(q.status);
  }
  if (q.typeOfHelp) {
    where.push('d.type_of_help = ?');
    params.push(q.typeOfHelp);
  }
  const hasMatch = long.length > 0 || short.length > 0;
  const clause = `FROM ${from} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
  const page = q.limit !== undefined ? ` LIMIT ${whole(q.limit)} OFFSET ${whole(q.offset ?? 0)}` : '';
  return {
    count: (cap) => (cap === undefined ? `SELECT count(*) ${clause}` : `SELECT count(*) FROM (SELECT 1 ${clause} LIMIT ${whole(cap) + 1})`),
    page: `SELECT d.id ${clause} ORDER BY ${orderBy(q.sort, hasMatch)}${page}`,
    pageByAdded: hasMatch ? `SELECT d.id ${clause} ORDER BY s.rowid DESC${page}` : null,
    params,
  };
}

const whole = (n: number) => Math.max(0, Math.trunc(n));

/** Every matching dossier id in the order asked for (the unpaged list of the CLI). */
export function searchDossierIds(db: Db, q: DossierSearch): string[] {
  const sql = dossierSearchSql(q);
  return db.prepare(sql.page).pluck().all(...sql.params) as string[];
}

export interface DossierSearchPage {
  ids: string[];
  /** Exact, or with `totalIsLowerBound` a lower bound: at least this many match, and more than that. */
  total: number;
  totalIsLowerBound: boolean;
  order: SearchOrder;
}

/**
 * One page of matching dossier ids with their total. A search with more than EXACT_TOTAL_LIMIT hits counts only
 * as far as the page needs (at least EXACT_TOTAL_LIMIT, so the answer says "more than 1,000" and whether a
 * next page exists) and lists the most recently added first; at or below the limit the count is exact and the
 * order is the one asked for (relevance: bm25 over at most 1,000 hits).
 */
export function searchDossierPage(db: Db, q: DossierSearch & { offset: number; limit: number }): DossierSearchPage {
  const sql = dossierSearchSql(q);
  if (sql.pageByAdded === null) {
    const total = db.prepare(sql.count()).pluck().get(...sql.params) as number;
    return { ids: db.prepare(sql.page).pluck().all(...sql.params) as string[], total, totalIsLowerBound: false, order: 'asked' };
  }
  const cap = Math.max(EXACT_TOTAL_LIMIT, whole(q.offset) + whole(q.limit));
  const counted = db.prepare(sql.count(cap)).pluck().get(...sql.params) as number;
  const order: SearchOrder = counted > EXACT_TOTAL_LIMIT ? 'added' : 'asked';
  const ids = db.prepare(order === 'added' ? sql.pageByAdded : sql.page).pluck().all(...sql.params) as string[];
  return { ids, total: Math.min(counted, cap), totalIsLowerBound: counted > cap, order };
}

interface SummaryRow {
  id: string;
  number: string;
  postcode: string | null;
  city: string | null;
  status: DossierStatus;
  type_of_help: HelpType;
  professional: string;
  fictitious: number;
  updated_at: number;
}

interface PersonRow {
  dossier_id: string;
  kind: 'adult' | 'child';
  role: string | null;
  first_name: string;
  last_name: string;
}

const CHUNK = 500;

/** List summaries for these ids, in the given order; reads only their rows. */
export function summariesFor(db: Db, ids: readonly string[]): DossierSummary[] {
  const rows = new Map<string, SummaryRow>();
  const persons = new Map<string, PersonRow[]>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const marks = chunk.map(() => '?').join(',');
    for (const r of db
      .prepare(`SELECT id, number, postcode, city, status, type_of_help, professional, fictitious, updated_at FROM dossiers WHERE id IN (${marks})`)
      .all(...chunk) as SummaryRow[]) {
      rows.set(r.id, r);
    }
    for (const p of db
      .prepare(`SELECT dossier_id, kind, role, first_name, last_name FROM persons WHERE dossier_id IN (${marks}) ORDER BY dossier_id, sort_order`)
      .all(...chunk) as PersonRow[]) {
      const list = persons.get(p.dossier_id);
      if (list) list.push(p);
      else persons.set(p.dossier_id, [p]);
    }
  }
  const out: DossierSummary[] = [];
  for (const id of ids) {
    const r = rows.get(id);
    if (!r) continue;
    const people = persons.get(id) ?? [];
    const adults = people.filter((p) => p.kind === 'adult').map((a) => ({ role: a.role as 'aanvrager' | 'partner', firstName: a.first_name, lastName: a.last_name }));
    out.push({
      id: r.id,
      number: r.number,
      displayName: displayNameOf({ adults }),
      postcode: r.postcode,
      city: r.city,
      status: r.status,
      typeOfHelp: r.type_of_help,
      professional: r.professional,
      childrenCount: people.filter((p) => p.kind === 'child').length,
      fictitious: r.fictitious === 1,
      updatedAt: r.updated_at,
    });
  }
  return out;
}
