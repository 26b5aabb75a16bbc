// Data that cannot be true, on a real encrypted vault: refused on create, update and import (nothing
// changes), questioned before saving (a BSN used in another dossier, with that dossier's number), a
// household already in the vault offered to skip or copy on import, and search over creditor, IBAN,
// street and city. The clock stands on 15-03-2026.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appError, BSNS, household, makeServiceRig, parsed, type ServiceRig } from './helpers';

let rig: ServiceRig;
beforeEach(() => {
  rig = makeServiceRig();
});
afterEach(() => rig.close());

const file = (dossiers: unknown[]) => ({ format: 'houvast.dossier', version: 1, dossiers });
const count = () => (rig.db.prepare('SELECT count(*) AS n FROM dossiers').get() as { n: number }).n;

describe('refused: facts that cannot be true', () => {
  it('refuses an adult younger than 16 and a child born in the future on create; nothing is stored', () => {
    const h = household();
    // 16 on 16-03-2026, one day after the clock: still 15.
    h.adults[1] = { ...h.adults[1]!, birthDate: '2010-03-16' };
    h.children[0] = { ...h.children[0]!, birthDate: '2026-03-16' };
    const err = appError(() => rig.dossiers.create(parsed(h)));
    expect(err.code).toBe('VALIDATION');
    expect(err.issues?.map((i) => i.path)).toEqual(['data.adults.1.birthDate', 'data.children.0.birthDate']);
    expect(err.issues?.[0]?.message).toMatch(/minstens 16 jaar; met deze geboortedatum is deze persoon 15/);
    expect(count()).toBe(0);
  });

  it('refuses an adult older than anyone alive (a year typed as 0026); nothing is stored', () => {
    const h = household();
    // 15-03-2026 − 31-12-0026: 1999 years old (birthday not yet reached this year).
    h.adults[0] = { ...h.adults[0]!, birthDate: '0026-12-31' };
    const err = appError(() => rig.dossiers.create(parsed(h)));
    expect(err.code).toBe('VALIDATION');
    expect(err.issues?.map((i) => i.path)).toEqual(['data.adults.0.birthDate']);
    expect(err.issues?.[0]?.message).toBe('Met geboortedatum 31-12-0026 is deze persoon 1999 jaar: controleer het jaartal.');
    expect(count()).toBe(0);
  });

  it('refuses a child older than the adults and status dates out of order on update; the stored dossier stays', () => {
    const d = rig.dossiers.create(parsed(household()));
    const bad = household({ statusDates: { aanmelding: '2026-02-01', afgesloten: '2026-01-15' } });
    bad.children[1] = { ...bad.children[1]!, birthDate: '1980-01-01' };
    const err = appError(() => rig.dossiers.update(d.id, parsed(bad)));
    expect(err.issues?.map((i) => i.path).sort()).toEqual(['data.children.1.birthDate', 'data.statusDates.afgesloten']);
    expect(rig.dossiers.read(d.id).children[1]!.birthDate).toBe('2019-01-20');
  });

  it('refuses an import file with such facts whole, naming dossier and field', () => {
    const h = household();
    h.children[0] = { ...h.children[0]!, birthDate: '2027-01-01' };
    const err = appError(() => rig.interchange.importFile(file([household(), h])));
    expect(err.code).toBe('VALIDATION');
    expect(err.message).toMatch(/Er is niets geïmporteerd/);
    expect(err.issues).toEqual([{ path: 'dossiers.1.children.0.birthDate', message: expect.stringMatching(/^01-01-2027 ligt in de toekomst/) }]);
    expect(count()).toBe(0);
  });
});

describe('questioned: facts to confirm', () => {
  it('warns that a BSN is already used in another dossier, naming it; not for the dossier itself', () => {
    const first = rig.dossiers.create(parsed(household()));
    const other = household({ adults: [{ role: 'aanvrager', firstName: 'Bram', lastName: 'Smit', birthDate: '1979-08-08', bsn: BSNS[0] }] });
    expect(rig.dossiers.check(parsed(other))).toEqual([
      {
        path: 'adults.0.bsn',
        message: `Dit BSN staat al in dossier ${first.number}. Is dit dezelfde persoon?`,
        dossierId: first.id,
        dossierNumber: first.number,
      },
    ]);
    expect(rig.dossiers.check(parsed(household()), first.id)).toEqual([]);
  });

  it('does not ask again about what the stored dossier already held', () => {
    const first = rig.dossiers.create(parsed(household()));
    const same = household({ adults: [{ role: 'aanvrager', firstName: 'Bram', lastName: 'Smit', birthDate: '1979-08-08', bsn: BSNS[0] }] });
    // Saved after the user confirmed the question.
    const second = rig.dossiers.create(parsed(same));
    expect(rig.dossiers.check(parsed(same), second.id)).toEqual([]);
    // A new child born when the oldest adult (1979-08-08) was 13 is new: that is asked.
    const withChild = household({ ...same, children: [{ firstName: 'Jip', lastName: 'Smit', birthDate: '1993-01-01', livingInHousehold: true }] });
    expect(rig.dossiers.check(parsed(withChild), second.id).map((w) => w.path)).toEqual(['children.0.birthDate']);
    expect(first.number).not.toBe(second.number);
  });

  it('asks about a child born when the oldest adult was 13', () => {
    const h = household();
    // The partner (oldest adult) was born 02-11-1983; on 01-01-1997 he was 13.
    h.children[0] = { ...h.children[0]!, birthDate: '1997-01-01' };
    expect(rig.dossiers.check(parsed(h)).map((w) => [w.path, w.message])).toEqual([
      ['children.0.birthDate', 'Bij de geboorte van dit kind was de oudste volwassene in het dossier 13 jaar. Klopt de geboortedatum?'],
    ]);
  });
});

describe('import of a household already in the vault', () => {
  it('asks first (CONFLICT, nothing imported), then skips or imports as a copy', () => {
    const existing = rig.dossiers.create(parsed(household()));
    // Same aanvrager without BSN: recognised by name (accents and case ignored) and birth date.
    const sameByName = household({ adults: [{ role: 'aanvrager', firstName: 'ANNA', lastName: 'Jánsen', birthDate: '1985-04-12', bsn: null }] });
    const other = household({ adults: [{ role: 'aanvrager', firstName: 'Bram', lastName: 'Smit', birthDate: '1979-08-08', bsn: BSNS[2] }] });
    const f = file([household(), other, sameByName]);

    const err = appError(() => rig.interchange.importFile(f, { onDuplicate: 'ask' }));
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toMatch(/^2 huishoudens in dit bestand staan al in de kluis\. Er is niets geïmporteerd/);
    expect(err.issues).toEqual([
      { path: 'dossiers.0', message: `Staat al in de kluis als dossier ${existing.number}.` },
      { path: 'dossiers.2', message: `Staat al in de kluis als dossier ${existing.number}.` },
    ]);
    expect(count()).toBe(1);

    const skipped = rig.interchange.importFile(f, { onDuplicate: 'skip' });
    expect(skipped.imported).toHaveLength(1);
    expect(skipped.skipped).toEqual([existing.number, existing.number]);
    expect(count()).toBe(2);

    const copied = rig.interchange.importFile(file([household()]), { onDuplicate: 'copy' });
    expect(copied.imported).toHaveLength(1);
    expect(copied.imported[0]!.number).not.toBe(existing.number);
    expect(count()).toBe(3);
  });
});

describe('search', () => {
  it('also finds creditor, collector, IBAN (typed with or without spaces), street and city', () => {
    const d = rig.dossiers.create(parsed(household()));
    rig.dossiers.create(
      parsed(
        household({
          adults: [{ role: 'aanvrager', firstName: 'Bram', lastName: 'Smit', birthDate: '1979-08-08', bsn: BSNS[2] }],
          address: { street: 'Dorpsstraat', houseNumber: '1', postcode: '7411 AA', city: 'Deventer' },
          bankAccounts: [],
          debts: [],
        }),
      ),
    );
    const found = (query: string) => rig.dossiers.list({ query }).map((s) => s.number);
    expect(found('zorgverzekeraar')).toEqual([d.number]);
    expect(found('incassobureau noord')).toEqual([d.number]);
    expect(found('NL91 ABNA 0417 1643 00')).toEqual([d.number]);
    expect(found('nl91abna0417164300')).toEqual([d.number]);
    expect(found('lindelaan')).toEqual([d.number]);
    expect(found('utrecht')).toEqual([d.number]);
    expect(found('deventer')).toHaveLength(1);
    expect(found('deventer lindelaan')).toEqual([]);
  });
});
