// The bulk dossier read (readMany: one query per table for many dossiers) against the single read: for every
// demo household (persons, accounts, dated items, debts v2, notes, scheme participations) the two agree field by
// field; and the per-handle statement cache hands back one prepared statement per SQL text and database.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultResourcesDir } from '../../../src/core/app';
import { openEncrypted } from '../../../src/core/db/driver';
import { cachedStatement } from '../../../src/core/db/statements';
import { household, makeServiceRig, parsed, type ServiceRig } from './helpers';
import { randomBytes } from 'node:crypto';
import { toInterchangeData } from '../../../src/core/services/interchange';

/** For comparing a file's values with the vault's: keys sorted, empty optional values (undefined, null, '') left out. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined && v !== null && v !== '')
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value;
}

let rig: ServiceRig;
let ids: string[];
beforeAll(() => {
  rig = makeServiceRig();
  const dir = path.join(defaultResourcesDir(), 'demo');
  ids = [];
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    const file = JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as unknown;
    ids.push(...rig.interchange.importFile(file, { markFictitious: true }).imported.map((d) => d.id));
  }
  rig.dossiers.addNote(ids[0]!, 'Tweede notitie, later toegevoegd.');
});
afterAll(() => rig.close());

describe('readMany (bulk dossier read)', () => {
  it('returns for every dossier exactly what read() returns', () => {
    expect(ids.length).toBeGreaterThanOrEqual(9);
    const many = rig.dossiers.readMany(ids);
    expect([...many.keys()].sort()).toEqual([...ids].sort());
    for (const id of ids) expect(many.get(id), id).toEqual(rig.dossiers.read(id));
    // The demo households exercise the optional parts, so the comparison covers them.
    const all = [...many.values()];
    expect(all.some((d) => (d.schemeParticipations ?? []).length > 0)).toBe(true);
    expect(all.some((d) => d.notes.length > 1)).toBe(true);
    expect(all.some((d) => d.debts.some((x) => x.premiumArrears !== null))).toBe(true);
    expect(all.some((d) => d.address === null)).toBe(true);
  });

  it('readManyForBudget (the budget batch\'s lean read) gives every dossier exactly what readForBudget and read() give', () => {
    const many = rig.dossiers.readManyForBudget([...ids, 'bestaat-niet']);
    expect([...many.keys()].sort()).toEqual([...ids].sort());
    for (const id of ids) {
      const single = rig.dossiers.readForBudget(id);
      // Same values in the same key order (the engine's results and their hashes do not depend on it, JSON does).
      expect(JSON.stringify(many.get(id)), id).toBe(JSON.stringify(single));
      const whole = rig.dossiers.read(id);
      expect(many.get(id)).toEqual({ id, number: whole.number, adults: whole.adults, children: whole.children, incomes: whole.incomes, expenses: whole.expenses, address: whole.address, ...(whole.addressKind ? { addressKind: whole.addressKind } : {}) });
    }
    // The demo households hold items in instalments, dated items, foster children and several children.
    const all = [...many.values()];
    expect(all.some((d) => d.incomes.some((x) => x.frequency === 'termijnen') || d.expenses.some((x) => x.frequency === 'termijnen'))).toBe(true);
    expect(all.some((d) => d.children.length > 1)).toBe(true);
  });

  it('read() gives back every field of every demo household as the file holds it (nothing dropped by the shared mapping)', () => {
    const dir = path.join(defaultResourcesDir(), 'demo');
    const fromFiles = readdirSync(dir)
      .filter((n) => n.endsWith('.json'))
      .sort()
      .flatMap((f) => (JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as { dossiers: Record<string, unknown>[] }).dossiers);
    expect(fromFiles).toHaveLength(ids.length);
    fromFiles.forEach((source, i) => {
      const stored = toInterchangeData(rig.dossiers.read(ids[i]!)) as Record<string, unknown>;
      // Every field the file gives is there with the same value (the vault adds defaults the file may leave out).
      for (const key of Object.keys(source)) {
        if (key === 'number' || key === 'notes') continue; // a fresh number in this vault; notes: one was added above
        expect({ v: canonical(stored[key]) }, `${String(source.number)} ${key}`).toMatchObject({ v: canonical(source[key]) });
      }
    });
  });

  it('carries whether each adult is insured, as read() does', () => {
    // Demo 02 is a couple; the partner is recorded as not insured under the Zvw (the aanvrager: not recorded).
    const file = JSON.parse(readFileSync(path.join(defaultResourcesDir(), 'demo', '02-stel-een-verdiener-tieners.json'), 'utf8')) as {
      dossiers: { adults: { role: string; insuredInNl?: boolean }[] }[];
    };
    for (const a of file.dossiers[0]!.adults) if (a.role === 'partner') a.insuredInNl = false;
    const own = makeServiceRig(); // its own vault: the other tests count the demo households
    try {
      const [couple] = own.interchange.importFile(file, { markFictitious: true }).imported;
      const bulk = own.dossiers.readMany([couple!.id]).get(couple!.id)!;
      expect(bulk.adults.map((a) => [a.role, a.insuredInNl])).toEqual([['aanvrager', undefined], ['partner', false]]);
      expect(bulk).toEqual(own.dossiers.read(couple!.id));
    } finally {
      own.close();
    }
  });

  it('reads for the budget exactly the parts of read() the engine uses, and nothing else', () => {
    const budgetParts = (d: Record<string, unknown>) => {
      const { id, number, adults, children, incomes, expenses, address, addressKind } = d;
      return { id, number, adults, children, incomes, expenses, address, ...(addressKind === undefined ? {} : { addressKind }) };
    };
    const many = rig.dossiers.readManyForBudget([...ids, 'bestaat-niet']);
    expect([...many.keys()].sort()).toEqual([...ids].sort());
    for (const id of ids) {
      const whole = budgetParts(rig.dossiers.read(id) as unknown as Record<string, unknown>);
      expect(rig.dossiers.readForBudget(id), id).toEqual(whole);
      expect(many.get(id), id).toEqual(whole);
      // No debts, notes, accounts or contact details travel with it.
      expect(Object.keys(many.get(id)!).sort()).toEqual(Object.keys(whole).sort());
    }
    expect([...many.values()].some((d) => d.addressKind !== undefined)).toBe(true);
    expect(() => rig.dossiers.readForBudget('bestaat-niet')).toThrow(/bestaat niet/);
  });

  it('hands over texts and amounts exactly, whatever characters they hold (the rows travel as JSON from SQLite)', () => {
    const own = makeServiceRig(); // its own vault: the other tests count the demo households
    try {
      // Quotes, a backslash, JSON and HTML look-alikes, accents, an emoji, a tab and a line break, a long text.
      const awkward = ['Huur "oud" \\ nieuw', '{"a":[1,2]} </script>', 'Zoë’s bijbaan — één 🙂', 'tab\there\nline', '\u00e9 x'.repeat(60)];
      const d = own.dossiers.create(
        parsed(
          household({
            adults: [{ role: 'aanvrager', firstName: 'Ëlla "El"', lastName: "O'Neill \\ Ünal", birthDate: '1986-02-28', bsn: '123456782' }],
            incomes: awkward.map((description, i) => ({ description, category: 'loon', amount: i === 0 ? '999999999999.99' : `${i}.0${i}`, frequency: 'maand' })),
            expenses: awkward.map((description, i) => ({ description, category: 'huur', amount: i === 0 ? '0.01' : '12.5', frequency: i === 1 ? 'termijnen' : 'maand', ...(i === 1 ? { instalments: 10 } : {}), ...(i === 2 ? { startDate: '2026-02-01', endDate: '2026-12-31' } : {}) })),
          }),
        ),
      );
      const whole = own.dossiers.read(d.id);
      expect(whole.incomes.map((x) => x.description)).toEqual(awkward);
      expect(whole.expenses.map((x) => x.description)).toEqual(awkward);
      expect(whole.incomes[0]!.amount).toBe('999999999999.99');
      expect(whole.expenses[0]!.amount).toBe('0.01');
      expect(whole.expenses[1]).toMatchObject({ frequency: 'termijnen', instalments: 10 });
      expect(whole.expenses[2]).toMatchObject({ startDate: '2026-02-01', endDate: '2026-12-31' });
      expect(whole.adults[0]).toMatchObject({ firstName: 'Ëlla "El"', lastName: "O'Neill \\ Ünal" });
      // The bulk reads and the budget's single read (rows value by value) agree with it.
      expect(own.dossiers.readMany([d.id]).get(d.id)).toEqual(whole);
      expect(JSON.stringify(own.dossiers.readManyForBudget([d.id]).get(d.id))).toBe(JSON.stringify(own.dossiers.readForBudget(d.id)));
      expect(own.dossiers.readForBudget(d.id).incomes).toEqual(whole.incomes);
    } finally {
      own.close();
    }
  });

  it('leaves out unknown ids, reads a repeated id once, and answers an empty list with an empty map', () => {
    const many = rig.dossiers.readMany(['bestaat-niet', ids[3]!, ids[3]!]);
    expect([...many.keys()]).toEqual([ids[3]]);
    expect(rig.dossiers.readMany([]).size).toBe(0);
  });
});

describe('cachedStatement', () => {
  it('prepares a statement once per database handle and SQL text', () => {
    const a = cachedStatement(rig.db, 'SELECT count(*) AS n FROM dossiers');
    expect(cachedStatement(rig.db, 'SELECT count(*) AS n FROM dossiers')).toBe(a);
    expect(cachedStatement(rig.db, 'SELECT count(*) AS m FROM dossiers')).not.toBe(a);
    expect((a.get() as { n: number }).n).toBe(ids.length);
    // Another handle (as after a lock and unlock) gets its own statement, never one of a closed database.
    const other = openEncrypted(path.join(rig.dir, 'other.db'), randomBytes(32), { create: true });
    try {
      const b = cachedStatement(other, 'SELECT 1 AS one');
      expect(b).not.toBe(cachedStatement(rig.db, 'SELECT 1 AS one'));
      expect(b.get()).toEqual({ one: 1 });
    } finally {
      other.close();
    }
  });
});
