// dossier.check through the real router and an encrypted vault (issue 10 §5, "edit what changed"): the input takes
// only the facts the questions read (birth dates, adults' BSNs, status dates), with untouched persons named by id;
// a whole dossier with names, addresses, BSNs and IBANs is refused. The questions are the same as before; every
// expected message is worked out by hand from the rules in src/shared/validation/plausibility.ts. Clock: 15-03-2026.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contract, type DossierWarning } from '../../src/shared/contract/procedures';
import type { Dossier } from '../../src/shared/dossier/schema';
import { valueOf as value } from '../support/envelope';
import { startTestCore, type TestCoreHandle } from '../support/core';
import { PLANTED, PLANTED_BSN, plantedHousehold } from '../support/households';
import { TestClock } from '../integration/services/helpers';

const PASS = 'een lang genoeg wachtwoord';
const OTHER_BSN = '111222333';
const IBAN = 'NL91ABNA0417164300';
let rig: TestCoreHandle;
const call = (name: string, input: unknown) => rig.core.router.handle(name, input);

const warnings = async (input: unknown) => value<{ warnings: DossierWarning[] }>(await call('dossier.check', input)).warnings;

let fenna: Dossier; // PLANTED: aanvrager born 14-03-1988 (BSN 123456782), children born 02-09-2014 and 21-06-2018
let bram: Dossier; // aanvrager born 08-08-1979 (BSN 111222333), no children
beforeEach(async () => {
  rig = await startTestCore({ cheapKdf: true, prefix: 'dossier-check', clock: new TestClock() });
  value(await call('vault.create', { name: 'Kantoor', passphrase: PASS }));
  fenna = value<Dossier>(await call('dossier.create', { data: plantedHousehold({ bankAccounts: [{ iban: IBAN }] }) }));
  bram = value<Dossier>(
    await call('dossier.create', {
      data: plantedHousehold({ adults: [{ role: 'aanvrager', firstName: 'Bram', lastName: 'Smit', birthDate: '1979-08-08', bsn: OTHER_BSN }], children: [] }),
    }),
  );
});
afterEach(async () => {
  await rig.cleanup();
});

const refs = (d: Dossier) => ({ adults: d.adults.map((a) => ({ id: a.id! })), children: d.children.map((c) => ({ id: c.id! })) });

describe('dossier.check takes only what its questions read', () => {
  it('refuses a whole dossier, with every BSN and IBAN, in any shape', async () => {
    const { id: _id, number: _n, createdAt: _c, updatedAt: _u, ...whole } = fenna;
    const attempts = [
      // The old input: the whole dossier under "data".
      { id: fenna.id, data: whole },
      // The dossier's fields at the top level.
      { id: fenna.id, ...whole },
      // Whole persons (names, BSN) where only their facts or their id are meant.
      { id: fenna.id, adults: whole.adults, children: whole.children },
      // An id with the person's data beside it.
      { id: fenna.id, adults: [{ ...whole.adults[0], id: fenna.adults[0]!.id }], children: [] },
    ];
    for (const input of attempts) {
      expect(contract['dossier.check'].input.safeParse(input).success, JSON.stringify(Object.keys(input))).toBe(false);
      expect(await call('dossier.check', input)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
    // What the form sends for an untouched dossier is taken.
    expect(await warnings({ id: fenna.id, ...refs(fenna) })).toEqual([]);
  });

  it('asks about a BSN already used in another dossier, naming it, from the one changed adult', async () => {
    // Bram's BSN changed to Fenna's: only his birth date and the new BSN cross.
    expect(await warnings({ id: bram.id, adults: [{ birthDate: '1979-08-08', bsn: PLANTED_BSN }], children: [] })).toEqual([
      { path: 'adults.0.bsn', message: `Dit BSN staat al in dossier ${fenna.number}. Is dit dezelfde persoon?`, dossierId: fenna.id, dossierNumber: fenna.number },
    ]);
    // A new dossier with Bram's BSN: every person is sent, still only birth date and BSN.
    expect(await warnings({ adults: [{ birthDate: '1990-01-01', bsn: OTHER_BSN }], children: [] })).toEqual([
      { path: 'adults.0.bsn', message: `Dit BSN staat al in dossier ${bram.number}. Is dit dezelfde persoon?`, dossierId: bram.id, dossierNumber: bram.number },
    ]);
    // Fenna's own BSN, read from the vault by id, is no question for her own dossier.
    expect(await warnings({ id: fenna.id, adults: [{ id: fenna.adults[0]!.id! }], children: [] })).toEqual([]);
  });

  it('reads the untouched persons from the vault: a new child is judged against the stored adult, at its place in the form', async () => {
    // Fenna (oldest adult) was born 14-03-1988; on 01-01-2000 she was 11 (12 only on 14-03-2000): below 15, asked.
    const question = 'Bij de geboorte van dit kind was de oudste volwassene in het dossier 11 jaar. Klopt de geboortedatum?';
    const { adults, children } = refs(fenna);
    expect(await warnings({ id: fenna.id, adults, children: [...children, { birthDate: '2000-01-01' }] })).toEqual([
      { path: 'children.2.birthDate', message: question },
    ]);
    expect(await warnings({ id: fenna.id, adults, children: [{ birthDate: '2000-01-01' }, ...children] })).toEqual([
      { path: 'children.0.birthDate', message: question },
    ]);
    // Born on 14-03-2003 she was 15: not asked.
    expect(await warnings({ id: fenna.id, adults, children: [...children, { birthDate: '2003-03-14' }] })).toEqual([]);
  });

  it('asks about status dates out of order only when they are sent (changed)', async () => {
    const { adults, children } = refs(fenna);
    // Schuldregeling (01-02-2026) before stabilisatie (01-03-2026): the middle phases may repeat, so it is asked.
    expect(await warnings({ id: fenna.id, adults, children, statusDates: { aanmelding: '2026-01-05', stabilisatie: '2026-03-01', schuldregeling: '2026-02-01' } })).toEqual([
      { path: 'statusDates.schuldregeling', message: 'De datum schuldregeling (01-02-2026) ligt voor de datum stabilisatie (01-03-2026). Klopt dat?' },
    ]);
  });

  it('refuses a person named by an id the dossier does not hold, or by id in a new dossier; nothing is asked', async () => {
    expect(await call('dossier.check', { id: fenna.id, adults: [{ id: 'bestaat-niet' }], children: [] })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', issues: [{ path: 'adults.0' }] },
    });
    // Bram's adult is not Fenna's.
    expect(await call('dossier.check', { id: fenna.id, adults: [{ id: bram.adults[0]!.id! }], children: [] })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await call('dossier.check', { adults: [{ id: fenna.adults[0]!.id! }], children: [] })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', issues: [{ path: 'adults.0' }] },
    });
    // An invalid BSN in a changed adult gets its own Dutch message on its field.
    const bad = await call('dossier.check', { id: fenna.id, adults: [{ birthDate: PLANTED.birthDateIso, bsn: '123456783' }], children: [] });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'adults.0.bsn', message: expect.stringMatching(/^Dit is geen geldig BSN/) }] } });
  });
});
