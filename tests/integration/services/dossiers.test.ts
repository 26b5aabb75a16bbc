// Dossier service on a real encrypted database: create/read/update/delete, numbering, search, filters,
// the audit trail each write leaves, and money stored as integer cents.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isValidBsn } from '../../../src/shared/validation/bsn';
import { appError, BSNS, household, makeServiceRig, parsed, type ServiceRig } from './helpers';

let rig: ServiceRig;
beforeEach(() => {
  rig = makeServiceRig();
});
afterEach(() => rig.close());

describe('dossier service', () => {
  it('uses valid test BSNs', () => {
    for (const b of BSNS) expect(isValidBsn(b)).toBe(true);
  });

  it('creates and reads back a household exactly, money as integer cents', () => {
    const d = rig.dossiers.create(parsed(household()));
    expect(d.number).toBe('2026-0001');
    expect(d.createdAt).toBe(rig.clock.now());
    expect(d.statusDates).toEqual({ aanmelding: '2026-03-15' });
    expect(d.adults.map((a) => [a.role, a.firstName, a.bsn])).toEqual([
      ['aanvrager', 'Anna', BSNS[0]],
      ['partner', 'Özkan', null],
    ]);
    expect(d.children.map((c) => [c.firstName, c.livingInHousehold])).toEqual([
      ['Noor', true],
      ['Sem', false],
    ]);
    expect(d.address).toEqual({ street: 'Lindelaan', houseNumber: '3', postcode: '3511 AB', city: 'Utrecht' });
    expect(d.contact).toEqual({ phone: '06 12345678', email: 'anna@voorbeeld.example' });
    expect(d.bankAccounts[0]).toMatchObject({ iban: 'NL91ABNA0417164300', holder: 'A. Jansen' });
    expect(d.incomes[0]).toMatchObject({ amount: '1834.50', frequency: 'maand', personRole: 'aanvrager' });
    expect(d.expenses[0]).toMatchObject({ amount: '712.35', startDate: '2025-01-01', endDate: null });
    expect(d.debts[0]).toMatchObject({ originalAmount: '1200.00', currentAmount: '980.10', collector: 'Incassobureau Noord' });
    // Stored as exact integers, never REAL.
    const cents = rig.db.prepare('SELECT amount_cents, typeof(amount_cents) AS t FROM incomes').get() as { amount_cents: number; t: string };
    expect(cents).toEqual({ amount_cents: 183450, t: 'integer' });
    expect(rig.db.prepare('SELECT original_cents, current_cents FROM debts').get()).toEqual({ original_cents: 120000, current_cents: 98010 });
    // Reading it again (as a fresh get) gives the same dossier.
    expect(rig.dossiers.get(d.id)).toEqual(d);
  });

  it('numbers dossiers per year and never reuses a number, not even after a delete', () => {
    const a = rig.dossiers.create(parsed(household()));
    const b = rig.dossiers.create(parsed(household()));
    expect([a.number, b.number]).toEqual(['2026-0001', '2026-0002']);
    rig.dossiers.delete(b.id, b.number);
    expect(rig.dossiers.create(parsed(household())).number).toBe('2026-0003');
    rig.clock.t = Date.UTC(2027, 0, 2, 12);
    expect(rig.dossiers.create(parsed(household())).number).toBe('2027-0001');
  });

  it('keeps a free number typed in by hand, skips it when counting, and refuses a taken one', () => {
    const manual = rig.dossiers.create(parsed(household({ number: '2026-0001' })));
    expect(manual.number).toBe('2026-0001');
    expect(rig.dossiers.create(parsed(household())).number).toBe('2026-0002');
    const err = appError(() => rig.dossiers.create(parsed(household({ number: '2026-0001' }))));
    expect(err.code).toBe('VALIDATION');
    expect(err.message).toBe('Dit dossiernummer is al in gebruik.');
    expect(rig.dossiers.list()).toHaveLength(2);
  });

  it('update replaces sub-items in one transaction, names the changed sections in the log, dates a new status', () => {
    const d = rig.dossiers.create(parsed(household()));
    rig.clock.advance(86_400_000);
    const data = parsed({
      ...household(),
      status: 'stabilisatie',
      children: [{ firstName: 'Noor', lastName: 'Jansen', birthDate: '2015-06-01', livingInHousehold: true }],
      incomes: [
        { description: 'Loon', category: 'loon', amount: '1900', frequency: 'maand' },
        { description: 'Kinderbijslag', category: 'kinderbijslag', amount: '300.12', frequency: 'kwartaal' },
      ],
    });
    const updated = rig.dossiers.update(d.id, data);
    expect(updated.number).toBe(d.number);
    expect(updated.createdAt).toBe(d.createdAt);
    expect(updated.updatedAt).toBe(rig.clock.now());
    expect(updated.status).toBe('stabilisatie');
    expect(updated.statusDates).toEqual({ aanmelding: '2026-03-15', stabilisatie: '2026-03-16' });
    expect(updated.children.map((c) => c.firstName)).toEqual(['Noor']);
    expect(updated.incomes.map((i) => i.amount)).toEqual(['1900.00', '300.12']);
    expect(rig.db.prepare("SELECT count(*) AS n FROM persons WHERE kind = 'child'").get()).toEqual({ n: 1 });
    const [entry] = rig.audit.list({ dossierId: d.id, limit: 1 });
    expect(entry).toMatchObject({ action: 'dossier.changed', dossierNumber: d.number, actor: 'Medewerker' });
    // Per item and field; amounts and status dates old → new, nothing that names a person.
    expect(entry!.detail).toBe(
      [
        'Status: Aanmelding → Stabilisatie, datum stabilisatie — → 16-03-2026',
        'Kinderen: kind 2 verwijderd',
        'Inkomsten: inkomst 1 (Loon): bedrag € 1.834,50 → € 1.900,00, ontvanger aanvrager → huishouden; inkomst 2 (Kinderbijslag) toegevoegd: € 300,12 per kwartaal',
      ].join('\n'),
    );
    // Saving the same data again changes nothing and logs nothing.
    const before = rig.audit.list().length;
    rig.dossiers.update(d.id, parsed({ ...household(), ...{ status: 'stabilisatie' }, statusDates: updated.statusDates, children: updated.children, incomes: updated.incomes }));
    expect(rig.audit.list().length).toBe(before);
  });

  it('a failing update leaves the old data and writes no log entry', () => {
    const d = rig.dossiers.create(parsed(household()));
    const auditBefore = rig.audit.list().length;
    const err = appError(() => rig.dossiers.update(d.id, parsed(household({ number: '2099-0001', children: [] }))));
    expect(err.code).toBe('VALIDATION');
    expect(rig.dossiers.read(d.id).children).toHaveLength(2);
    expect(rig.audit.list().length).toBe(auditBefore);
    expect(appError(() => rig.dossiers.update('nope', parsed(household()))).code).toBe('NOT_FOUND');
  });

  it('keeps sub-item ids the client sent, and makes repeated ones unique', () => {
    const d = rig.dossiers.create(parsed(household()));
    const [noor, sem] = d.children;
    const updated = rig.dossiers.update(d.id, parsed({ ...household(), children: [{ ...sem! }, { ...noor!, id: sem!.id }] }));
    expect(updated.children[0]!.id).toBe(sem!.id);
    expect(updated.children[1]!.id).not.toBe(sem!.id);
  });

  describe('list and search', () => {
    let ids: Record<string, string>;
    beforeEach(() => {
      const a = rig.dossiers.create(parsed(household()));
      rig.clock.advance(1000);
      const b = rig.dossiers.create(
        parsed(
          household({
            typeOfHelp: 'beschermingsbewind',
            status: 'nazorg',
            adults: [{ role: 'aanvrager', firstName: 'Pieter', lastName: 'de Vries', birthDate: '1950-01-01', bsn: BSNS[1] }],
            children: [{ firstName: 'Fleur', lastName: 'Bakker', birthDate: '2012-02-02', livingInHousehold: true }],
            address: { street: 'Dorpsstraat', houseNumber: '1', postcode: '9711ab', city: 'Groningen' },
          }),
        ),
      );
      rig.clock.advance(1000);
      const c = rig.dossiers.create(parsed(household({ adults: [{ role: 'aanvrager', firstName: 'Zoë', lastName: 'Ünal', birthDate: '1990-01-01' }], children: [], address: null })));
      ids = { a: a.id, b: b.id, c: c.id };
    });

    const search = (query: string) => rig.dossiers.list({ query }).map((s) => s.id);

    it('lists newest change first, with summaries', () => {
      const list = rig.dossiers.list();
      expect(list.map((s) => s.id)).toEqual([ids.c, ids.b, ids.a]);
      expect(list[2]).toMatchObject({
        number: '2026-0001',
        displayName: 'Jansen, Anna en Özkan Yılmaz',
        postcode: '3511 AB',
        city: 'Utrecht',
        childrenCount: 2,
        fictitious: false,
      });
      expect(list[0]).toMatchObject({ postcode: null, city: null, childrenCount: 0 });
      // An edit moves a dossier to the top.
      rig.clock.advance(1000);
      rig.dossiers.addNote(ids.a!, 'Gebeld');
      expect(rig.dossiers.list()[0]!.id).toBe(ids.a);
    });

    it('finds by adult and child names, case and accent insensitive, all words must match', () => {
      expect(search('jansen')).toEqual([ids.a]);
      expect(search('Fleur')).toEqual([ids.b]);
      expect(search('de vries')).toEqual([ids.b]);
      expect(search('PIETER vries')).toEqual([ids.b]);
      expect(search('ozkan')).toEqual([ids.a]);
      expect(search('zoe unal')).toEqual([ids.c]);
      expect(search('anna fleur')).toEqual([]);
      expect(search('  ')).toHaveLength(3);
    });

    it('finds by dossier number, postcode with or without space, and BSN', () => {
      expect(search('2026-0002')).toEqual([ids.b]);
      expect(search('9711 AB')).toEqual([ids.b]);
      expect(search('9711ab')).toEqual([ids.b]);
      expect(search('3511')).toEqual([ids.a]);
      expect(search(BSNS[1]!)).toEqual([ids.b]);
      expect(search(BSNS[0]!.slice(0, 5))).toEqual([ids.a]);
      expect(search('Zzyzx')).toEqual([]);
    });

    it('filters by status and type of help, combined with a query', () => {
      expect(rig.dossiers.list({ status: 'nazorg' }).map((s) => s.id)).toEqual([ids.b]);
      expect(rig.dossiers.list({ typeOfHelp: 'schuldhulpverlening' }).map((s) => s.id)).toEqual([ids.c, ids.a]);
      expect(rig.dossiers.list({ typeOfHelp: 'beschermingsbewind', query: 'jansen' })).toEqual([]);
      expect(rig.dossiers.list({ status: 'afgesloten' })).toEqual([]);
    });
  });

  it('closes a dossier with today as closing date', () => {
    const d = rig.dossiers.create(parsed(household()));
    rig.clock.t = Date.UTC(2026, 5, 30, 9);
    const closed = rig.dossiers.close(d.id);
    expect(closed.status).toBe('afgesloten');
    expect(closed.statusDates.afgesloten).toBe('2026-06-30');
    expect(rig.audit.list({ dossierId: d.id })[0]).toMatchObject({ action: 'dossier.closed' });
  });

  it('deletes only with the right number, and then every row of the dossier is gone', () => {
    const keep = rig.dossiers.create(parsed(household()));
    const d = rig.dossiers.create(parsed(household()));
    rig.dossiers.addNote(d.id, 'Eerste gesprek gehad');
    const wrong = appError(() => rig.dossiers.delete(d.id, keep.number));
    expect(wrong.code).toBe('VALIDATION');
    expect(wrong.message).toBe('Het dossiernummer klopt niet. Het dossier is niet verwijderd.');
    expect(rig.dossiers.read(d.id).notes).toHaveLength(1);

    rig.dossiers.delete(d.id, ` ${d.number} `);
    expect(appError(() => rig.dossiers.get(d.id)).code).toBe('NOT_FOUND');
    for (const table of ['persons', 'bank_accounts', 'incomes', 'expenses', 'debts', 'notes']) {
      const n = rig.db.prepare(`SELECT count(*) AS n FROM ${table} WHERE dossier_id = ?`).get(d.id) as { n: number };
      expect(n.n, table).toBe(0);
    }
    expect(rig.dossiers.read(keep.id).children).toHaveLength(2);
    // The log keeps the fact, not the data.
    const entry = rig.audit.list({ dossierId: d.id })[0]!;
    expect(entry).toMatchObject({ action: 'dossier.deleted', dossierNumber: d.number, detail: null });
  });

  it('appends notes with author and time', () => {
    const d = rig.dossiers.create(parsed(household()));
    rig.settings.update({ userName: 'Kees Bakker' });
    rig.clock.advance(5000);
    const withNote = rig.dossiers.addNote(d.id, 'Afspraak gemaakt met de woningcorporatie');
    expect(withNote.notes).toEqual([
      { id: expect.any(String), createdAt: rig.clock.now(), author: 'Kees Bakker', text: 'Afspraak gemaakt met de woningcorporatie' },
    ]);
    expect(rig.audit.list({ dossierId: d.id })[0]).toMatchObject({ action: 'dossier.note_added', actor: 'Kees Bakker', detail: null });
  });

  it('logs opened on get, not on internal reads', () => {
    const d = rig.dossiers.create(parsed(household()));
    rig.dossiers.read(d.id);
    expect(rig.audit.list({ dossierId: d.id }).map((e) => e.action)).toEqual(['dossier.created']);
    rig.dossiers.get(d.id);
    expect(rig.audit.list({ dossierId: d.id }).map((e) => e.action)).toEqual(['dossier.opened', 'dossier.created']);
  });
});
