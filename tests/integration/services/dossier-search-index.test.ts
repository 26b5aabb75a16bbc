// Issue 10 §1, migration 016: one- and two-letter queries answered from the words index (word prefixes, accents
// folded), and the sort by name from dossiers.sort_name, kept by every writer of the adults. Expected hits and
// orders follow by hand from the names written here; the query plans show an index is used, not a scan.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDossierItemsService } from '../../../src/core/services/dossier-items';
import { dossierSearchSql, type DossierSearch } from '../../../src/core/services/dossier-search';
import { household, makeServiceRig, parsed, type ServiceRig } from './helpers';

let rig: ServiceRig;
beforeEach(() => {
  rig = makeServiceRig();
});
afterEach(() => rig.close());

type Adult = { role: 'aanvrager' | 'partner'; firstName: string; lastName: string };
/** A household whose only words are these names, its number and one shared address (no debts, no accounts). */
function create(...adults: Adult[]) {
  rig.clock.advance(1000);
  return rig.dossiers.create(
    parsed(
      household({
        adults: adults.map((a) => ({ ...a, birthDate: '1980-01-01', bsn: null })),
        children: [],
        address: { street: 'Kerkstraat', houseNumber: '1', postcode: '8011 AB', city: 'Zwolle' },
        bankAccounts: [],
        debts: [],
      }),
    ),
  );
}
const aanvrager = (firstName: string, lastName: string): Adult => ({ role: 'aanvrager', firstName, lastName });
const surnames = (q: DossierSearch & { limit: number }) => rig.dossiers.search(q).items.map((d) => d.displayName.split(',')[0]);

describe('one- and two-letter queries', () => {
  it('match the start of any word, accent- and case-insensitive, ranked and paged with the total', () => {
    const jansen = create(aanvrager('Anna', 'Jansen'));
    const jaarsveld = create(aanvrager('Piet', 'van Jaarsveld'));
    const jager = create(aanvrager('Sophie', 'Jäger'));
    const bakker = create(aanvrager('Jéroen', 'Bakker'));
    const hajar = create(aanvrager('Omar', 'Hajar'));
    create(aanvrager('Mees', 'Visser'));
    const numbers = (query: string) => rig.dossiers.list({ query }).map((d) => d.number).sort();

    const ja = [jansen.number, jaarsveld.number, jager.number].sort();
    expect(numbers('ja')).toEqual(ja); // not Hajar: "ja" is in the middle of that word
    expect(numbers('JÄ')).toEqual(ja);
    expect(numbers('j')).toEqual([...ja, bakker.number].sort()); // Jéroen
    expect(numbers('je')).toEqual([bakker.number]);
    expect(numbers('o')).toEqual([hajar.number]);
    expect(numbers('ja p')).toEqual([jaarsveld.number]); // every word must match
    expect(numbers('ja sop')).toEqual([jager.number]); // a short and a long word together
    expect(numbers('ja vis')).toEqual([]);

    const first = rig.dossiers.search({ query: 'ja', limit: 2 });
    const second = rig.dossiers.search({ query: 'ja', limit: 2, offset: 2 });
    expect(first.total).toBe(3);
    expect(second.total).toBe(3);
    expect(first.items).toHaveLength(2);
    expect(second.items).toHaveLength(1);
    expect([...first.items, ...second.items].map((d) => d.number).sort()).toEqual(ja);
    expect(rig.dossiers.search({ query: 'ja', sort: { key: 'relevance', dir: 'desc' }, limit: 10 }).total).toBe(3);
  });

  it('follow renames and deletes in the same transaction', () => {
    const d = create(aanvrager('Piet', 'van Jaarsveld'));
    expect(rig.dossiers.list({ query: 'ja' }).map((x) => x.number)).toEqual([d.number]);
    const data = rig.dossiers.read(d.id);
    const { id: _i, createdAt: _c, updatedAt: _u, ...rest } = data;
    rig.dossiers.update(d.id, { ...rest, adults: [{ ...rest.adults[0]!, lastName: 'van Dam' }] });
    expect(rig.dossiers.list({ query: 'ja' })).toEqual([]);
    expect(rig.dossiers.list({ query: 'da' }).map((x) => x.number)).toEqual([d.number]);
    rig.dossiers.delete(d.id, d.number);
    expect(rig.dossiers.list({ query: 'da' })).toEqual([]);
    expect(rig.db.prepare('SELECT count(*) FROM dossier_words').pluck().get()).toBe(0);
  });
});

describe('sort by name', () => {
  it('is right after create, update, import and item edits (the aanvrager counts, folded)', () => {
    const visser = create(aanvrager('Mees', 'Visser'));
    create(aanvrager('Jeroen', 'Bakker'));
    create(aanvrager('Anna', 'de Vries'));
    create(aanvrager('Ali', 'Özdemir'));
    // The partner is listed first, but the aanvrager's name is the one sorted by.
    const zeeman = create({ role: 'partner', firstName: 'Bea', lastName: 'Aarts' }, aanvrager('Kees', 'Zeeman'));
    const asc = () => surnames({ sort: { key: 'name', dir: 'asc' }, limit: 100 });
    // bakker < de vries < ozdemir < visser < zeeman
    expect(asc()).toEqual(['Bakker', 'de Vries', 'Özdemir', 'Visser', 'Zeeman']);
    expect(rig.db.prepare("SELECT sort_name FROM dossiers WHERE sort_name LIKE 'oz%'").pluck().get()).toBe('ozdemir ali');

    // Update: Visser is renamed Aalders and moves to the front.
    const { id: _i, createdAt: _c, updatedAt: _u, ...data } = rig.dossiers.read(visser.id);
    rig.dossiers.update(visser.id, { ...data, adults: [{ ...data.adults[0]!, lastName: 'Aalders' }] });
    expect(asc()).toEqual(['Aalders', 'Bakker', 'de Vries', 'Özdemir', 'Zeeman']);

    // Import: Élise Mulder lands between de Vries and Özdemir.
    const imported = household({ adults: [{ role: 'aanvrager', firstName: 'Élise', lastName: 'Mulder', birthDate: '1975-05-05', bsn: null }], children: [] });
    rig.interchange.importFile({ format: 'houvast.dossier', version: 1, dossiers: [imported] });
    expect(asc()).toEqual(['Aalders', 'Bakker', 'de Vries', 'Mulder', 'Özdemir', 'Zeeman']);

    // Item edits: removing and restoring the partner (Aarts) leaves the dossier sorted by its aanvrager.
    const items = createDossierItemsService({ dossiers: rig.dossiers });
    const partnerId = rig.dossiers.read(zeeman.id).adults.find((a) => a.role === 'partner')!.id!;
    const { removed } = items.remove(zeeman.id, 'adult', partnerId);
    expect(asc()).toEqual(['Aalders', 'Bakker', 'de Vries', 'Mulder', 'Özdemir', 'Zeeman']);
    items.restore(zeeman.id, removed);
    expect(asc()).toEqual(['Aalders', 'Bakker', 'de Vries', 'Mulder', 'Özdemir', 'Zeeman']);

    expect(surnames({ sort: { key: 'name', dir: 'desc' }, limit: 100 })).toEqual(['Zeeman', 'Özdemir', 'Mulder', 'de Vries', 'Bakker', 'Aalders']);
    expect(surnames({ sort: { key: 'name', dir: 'asc' }, limit: 2, offset: 2 })).toEqual(['de Vries', 'Mulder']);
  });
});

describe('query plans', () => {
  const plan = (sql: string, params: unknown[]) =>
    (rig.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail);

  beforeEach(() => {
    create(aanvrager('Anna', 'Jansen'));
    create(aanvrager('Mees', 'Visser'));
  });

  it('answers a short query from the words index, not a scan of the dossiers', () => {
    for (const query of ['j', 'ja', 'ja sop']) {
      const sql = dossierSearchSql({ query, limit: 50 });
      for (const text of [sql.page, sql.count(1000)]) {
        const steps = plan(text, sql.params);
        // An FTS5 MATCH ('M' in the index string) on a virtual table, then lookups by key.
        expect(steps.some((s) => /VIRTUAL TABLE INDEX \d+:M/.test(s)), `${query}: ${steps.join(' | ')}`).toBe(true);
        expect(steps.filter((s) => /^SCAN (d|m)\b/.test(s)), `${query}: ${steps.join(' | ')}`).toEqual([]);
      }
    }
  });

  it('a long and a short word together: one trigram MATCH, then the rowids of the short word checked against it', () => {
    // Pushed into the trigram table as "rowid IN (list)", FTS5 ran the trigram MATCH once per rowid of the short
    // word's list ("=M" in the index string): 19 s for "Wendy B" at 100,000 dossiers.
    for (const query of ['jansen a', 'an jansen', 'vis m']) {
      const sql = dossierSearchSql({ query, limit: 50 });
      for (const text of [sql.page, sql.count(1000)]) {
        const steps = plan(text, sql.params);
        const trigram = steps.find((s) => /^SCAN s VIRTUAL TABLE/.test(s));
        expect(trigram, steps.join(' | ')).toMatch(/VIRTUAL TABLE INDEX \d+:M/);
        expect(trigram, steps.join(' | ')).not.toMatch(/:=M|:M=|=/);
      }
    }
    expect(surnames({ query: 'jansen a', limit: 50 })).toEqual(['Jansen']);
    expect(surnames({ query: 'jansen m', limit: 50 })).toEqual([]);
  });

  it('sorts by name along index dossiers_sort_name, without a sort step', () => {
    for (const dir of ['asc', 'desc'] as const) {
      const sql = dossierSearchSql({ sort: { key: 'name', dir }, limit: 50 });
      const steps = plan(sql.page, sql.params);
      expect(steps.join(' | ')).toContain('SCAN d USING INDEX dossiers_sort_name');
      expect(steps.filter((s) => s.includes('TEMP B-TREE')), steps.join(' | ')).toEqual([]);
    }
  });
});
