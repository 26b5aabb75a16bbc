// Issue 10, the lead's decision for broad searches: a query counts its hits exactly up to 1,000; above that the
// answer is "more than 1,000" (a lower bound) and the page lists the most recently added dossiers first, without
// visiting every hit. One real encrypted vault of 1,061 households imported in a known order; every expected
// count and order follows by hand from the households written here:
//   1,000 "Fenna Visser" (status aanmelding), then 60 "Bakker" (status nazorg; the 30th has a partner who is a
//   Bakker too), then one "Sophie Jäger" with a BSN, an IBAN and postcode 1234 AB. All live on the Kerkstraat in
//   Zwolle, postcode 8011 AB except Jäger's, so "kerkstraat" matches 1,061 and "visser" exactly 1,000.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXACT_TOTAL_LIMIT, dossierSearchSql } from '../../../src/core/services/dossier-search';
import type { DossierDataInput } from '../../../src/shared/dossier/schema';
import { BSNS, household, makeServiceRig, type ServiceRig } from './helpers';

const VISSERS = 1000;
const BAKKERS = 60;
const TOTAL = VISSERS + BAKKERS + 1;

let rig: ServiceRig;
/** Dossier ids in the order they were imported (added). */
let added: string[];

/** A birth date per household, so no two are alike (1960-01-01 plus i days). */
const born = (i: number) => new Date(Date.UTC(1960, 0, 1 + i)).toISOString().slice(0, 10);

function plain(i: number, firstName: string, lastName: string, extra: Partial<DossierDataInput> = {}): DossierDataInput {
  return household({
    adults: [{ role: 'aanvrager', firstName, lastName, birthDate: born(i), bsn: null }],
    children: [],
    address: { street: 'Kerkstraat', houseNumber: String(i + 1), postcode: '8011 AB', city: 'Zwolle' },
    bankAccounts: [],
    debts: [],
    incomes: [],
    expenses: [],
    ...extra,
  });
}

beforeAll(() => {
  rig = makeServiceRig();
  const households: DossierDataInput[] = [];
  for (let i = 0; i < VISSERS; i++) households.push(plain(i, 'Fenna', 'Visser'));
  for (let i = 0; i < BAKKERS; i++) {
    const n = VISSERS + i;
    const data = plain(n, 'Kees', 'Bakker', { status: 'nazorg' });
    if (i === 29) data.adults.push({ role: 'partner', firstName: 'Lies', lastName: 'Bakker', birthDate: born(n), bsn: null });
    households.push(data);
  }
  households.push(
    plain(TOTAL - 1, 'Sophie', 'Jäger', {
      adults: [{ role: 'aanvrager', firstName: 'Sophie', lastName: 'Jäger', birthDate: born(TOTAL - 1), bsn: BSNS[1]! }],
      address: { street: 'Kerkstraat', houseNumber: '99', postcode: '1234 AB', city: 'Zwolle' },
      bankAccounts: [{ iban: 'NL91ABNA0417164300', holder: 'S. Jäger', description: 'Betaalrekening' }],
    }),
  );
  const result = rig.interchange.importFile({ format: 'houvast.dossier', version: 1, dossiers: households });
  added = result.imported.map((d) => d.id);
  expect(added).toHaveLength(TOTAL);
}, 120_000);
afterAll(() => rig.close());

const page = (query: string, offset = 0, extra: { status?: 'nazorg' } = {}) => rig.dossiers.search({ query, offset, limit: 50, ...extra });
/** The ids expected on a page in "most recently added first" order. */
const newestFirst = (offset: number, limit = 50) => [...added].reverse().slice(offset, offset + limit);

describe('the total of a search', () => {
  it('is exact up to 1,000 hits, ranked by relevance as asked', () => {
    expect(EXACT_TOTAL_LIMIT).toBe(1000);
    const visser = page('visser');
    expect(visser).toMatchObject({ total: 1000, totalIsLowerBound: false, order: 'asked' });
    expect(visser.items).toHaveLength(50);
    expect(visser.items.every((d) => d.displayName === 'Visser, Fenna')).toBe(true);

    // Relevance: the one household with two Bakkers (aanvrager and partner) ranks first of the 60.
    const bakker = rig.dossiers.search({ query: 'bakker', sort: { key: 'relevance', dir: 'desc' }, limit: 50 });
    expect(bakker).toMatchObject({ total: 60, totalIsLowerBound: false, order: 'asked' });
    expect(bakker.items[0]!.id).toBe(added[VISSERS + 29]);
    expect(bakker.items[0]!.displayName).toBe('Bakker, Kees en Lies Bakker');

    // A column sort is honoured at or below 1,000 hits: "visser" by number, descending, starts with the last Visser imported.
    const byNumber = rig.dossiers.search({ query: 'visser', sort: { key: 'number', dir: 'desc' }, limit: 50 });
    expect(byNumber.order).toBe('asked');
    expect(byNumber.items.map((d) => d.number)).toEqual(byNumber.items.map((d) => d.number).sort().reverse());
  });

  it('above 1,000 hits says "at least 1,000, and more" and lists the most recently added first', () => {
    for (const query of ['kerkstraat', 'zwolle', 'k', 'zw', '8011']) {
      const first = page(query);
      expect(first, query).toMatchObject({ total: 1000, totalIsLowerBound: true, order: 'added' });
      const expected = query === '8011' ? newestFirst(1) : newestFirst(0);
      expect(first.items.map((d) => d.id), query).toEqual(expected);
    }
    // The sort asked for cannot be honoured over every hit; the answer says which order it gave.
    const byName = rig.dossiers.search({ query: 'kerkstraat', sort: { key: 'name', dir: 'asc' }, limit: 50 });
    expect(byName).toMatchObject({ totalIsLowerBound: true, order: 'added' });
    expect(byName.items.map((d) => d.id)).toEqual(newestFirst(0));
  });

  it('pages stably through every hit in that order; the last pages know the exact total', () => {
    const seen: string[] = [];
    for (let offset = 0; offset < TOTAL; offset += 50) {
      const p = page('kerkstraat', offset);
      expect(p.order).toBe('added');
      expect(p.items.map((d) => d.id), `offset ${offset}`).toEqual(newestFirst(offset));
      // Counted as far as this page needs (at least 1,000): a lower bound while more follow, exact at the end.
      if (offset + 50 < TOTAL) expect(p, `offset ${offset}`).toMatchObject({ total: Math.max(1000, offset + 50), totalIsLowerBound: true });
      else expect(p, `offset ${offset}`).toMatchObject({ total: TOTAL, totalIsLowerBound: false });
      seen.push(...p.items.map((d) => d.id));
    }
    expect(seen).toEqual([...added].reverse());
    expect(new Set(seen).size).toBe(TOTAL);
    // Asking the same page again gives the same rows.
    expect(page('kerkstraat', 500).items.map((d) => d.id)).toEqual(newestFirst(500));
    expect(page('kerkstraat', TOTAL)).toMatchObject({ items: [], total: TOTAL, totalIsLowerBound: false });
  });

  it('counts filters in: a broad query narrowed by status is exact again and ranked', () => {
    const nazorg = page('kerkstraat', 0, { status: 'nazorg' });
    expect(nazorg).toMatchObject({ total: BAKKERS, totalIsLowerBound: false, order: 'asked' });
    expect(nazorg.items.every((d) => d.status === 'nazorg')).toBe(true);
    expect(page('kerkstraat b')).toMatchObject({ total: BAKKERS, totalIsLowerBound: false, order: 'asked' });
  });

  it('the list without a query keeps its exact count and the order asked for', () => {
    const all = rig.dossiers.search({ limit: 50 });
    expect(all).toMatchObject({ total: TOTAL, totalIsLowerBound: false, order: 'asked' });
  });
});

describe('narrow searches are unchanged in a vault with broad ones', () => {
  it('accent-insensitive names, postcode with and without space, BSN and IBAN find the one household', () => {
    const jager = added[TOTAL - 1];
    for (const query of ['jager', 'JÄGER', 'sophie jäger', '1234 AB', '1234ab', BSNS[1]!, 'NL91ABNA0417164300', 'nl91abna', 'ja', 'so ja']) {
      const p = page(query);
      expect(p, query).toMatchObject({ total: 1, totalIsLowerBound: false, order: 'asked' });
      expect(p.items.map((d) => d.id), query).toEqual([jager]);
    }
    expect(page('onbekend')).toMatchObject({ items: [], total: 0, totalIsLowerBound: false });
  });
});

describe('query plans of a broad search', () => {
  const plan = (sql: string, params: unknown[]) =>
    (rig.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail);

  it('the page in "added" order walks the FTS5 index backwards and stops after the page: no sort step, no scan', () => {
    for (const query of ['kerkstraat', 'k', 'zwolle kerkstraat']) {
      const sql = dossierSearchSql({ query, limit: 50 });
      const steps = plan(sql.pageByAdded!, sql.params);
      const text = `${query}: ${steps.join(' | ')}`;
      // The FTS5 table first, with its MATCH; FTS5 consumes the rowid order (no sort step follows).
      expect(steps[0], text).toMatch(/^SCAN s VIRTUAL TABLE INDEX \d+:M/);
      expect(steps.filter((s) => s.includes('TEMP B-TREE')), text).toEqual([]);
      expect(steps.filter((s) => /^SCAN (d|m)\b/.test(s)), text).toEqual([]);
    }
  });

  it('the count stops after 1,001 hits', () => {
    const sql = dossierSearchSql({ query: 'kerkstraat', limit: 50 });
    expect(sql.count(EXACT_TOTAL_LIMIT)).toMatch(/LIMIT 1001\)$/);
    expect(rig.db.prepare(sql.count(EXACT_TOTAL_LIMIT)).pluck().get(...sql.params)).toBe(1001);
    // Without a bound (the unpaged list) the same clause counts them all.
    expect(rig.db.prepare(sql.count()).pluck().get(...sql.params)).toBe(TOTAL);
  });

  it('visits only the page: the FTS5 rows a broad first page reads do not grow with the hits', () => {
    // A function of the FTS5 row in the WHERE clause runs once per row the loop visits.
    const rowsVisited = (query: string, which: 'pageByAdded' | 'page') => {
      let n = 0;
      rig.db.function('visit', (_rowid: unknown) => ++n);
      const sql = dossierSearchSql({ query, limit: 50, sort: { key: 'relevance', dir: 'desc' } });
      rig.db.prepare(sql[which]!.replace(' WHERE ', ' WHERE visit(s.rowid) AND ')).all(...sql.params);
      return n;
    };
    expect(rowsVisited('kerkstraat', 'pageByAdded')).toBe(50);
    expect(rowsVisited('k', 'pageByAdded')).toBe(50);
    // The ranked page, used only at or below 1,000 hits, visits every hit to rank it.
    expect(rowsVisited('kerkstraat', 'page')).toBe(TOTAL);
  });
});
