// A real core over a real encrypted vault in a temp folder, with a fixed clock, for the budget tests.
import { expect } from 'vitest';
import type { Core } from '../../../src/core/app';
import type { Envelope } from '../../../src/shared/contract/errors';
import type { ProcedureInput, ProcedureName, ProcedureOutput } from '../../../src/shared/contract/procedures';
import type { DossierDataInput } from '../../../src/shared/dossier/schema';
import { householdInput } from '../../support/budget';
import { startTestCore } from '../../support/core';

export const PASSPHRASE = 'budget test wachtwoord';
/** 15 March 2026, 10:00 local time: "today" for these tests. */
export const NOW = new Date(2026, 2, 15, 10, 0, 0).getTime();

export interface Rig {
  core: Core;
  dataDir: string;
  call<K extends ProcedureName>(name: K, input: ProcedureInput<K>): Promise<ProcedureOutput<K>>;
  fail<K extends ProcedureName>(name: K, input: ProcedureInput<K>): Promise<Extract<Envelope<unknown>, { ok: false }>['error']>;
  cleanup(): Promise<void>;
}

export async function startRig(): Promise<Rig> {
  const { core, dataDir, cleanup } = await startTestCore({ cheapKdf: true, prefix: 'budget', clock: { now: () => NOW } });
  const rig: Rig = {
    core,
    dataDir,
    async call(name, input) {
      const env = await core.router.handle(name, input);
      if (!env.ok) throw new Error(`${name} failed: ${JSON.stringify(env.error)}`);
      return env.value as never;
    },
    async fail(name, input) {
      const env = await core.router.handle(name, input);
      expect(env.ok, `${name} should fail`).toBe(false);
      return (env as Extract<Envelope<unknown>, { ok: false }>).error;
    },
    cleanup,
  };
  await rig.call('vault.create', { name: 'Budget', passphrase: PASSPHRASE });
  return rig;
}

/** Single parent (21-AOW) with three children in bijstand, receiving child benefits; fictitious. */
export function singleParent(overrides: Partial<DossierDataInput> = {}): DossierDataInput {
  return householdInput({
    status: 'stabilisatie',
    typeOfHelp: 'schuldhulpverlening',
    professional: 'Merel de Wit',
    adults: [{ role: 'aanvrager', firstName: 'Sanne', lastName: 'Verbeek', birthDate: '1990-05-20', bsn: '111222333' }],
    children: [
      { firstName: 'Tim', lastName: 'Verbeek', birthDate: '2012-02-10', livingInHousehold: true },
      { firstName: 'Lotte', lastName: 'Verbeek', birthDate: '2016-09-01', livingInHousehold: true },
      { firstName: 'Mees', lastName: 'Verbeek', birthDate: '2021-01-15', livingInHousehold: true },
    ],
    address: { street: 'Esdoornlaan', houseNumber: '12', postcode: '3521 AB', city: 'Utrecht' },
    incomes: [
      { description: 'Bijstand', category: 'uitkering_participatiewet', amount: '1401.50', frequency: 'maand' },
      { description: 'Kinderbijslag', category: 'kinderbijslag', amount: '850.00', frequency: 'kwartaal' },
      { description: 'Zorgtoeslag', category: 'zorgtoeslag', amount: '131.00', frequency: 'maand' },
    ],
    expenses: [
      { description: 'Huur', category: 'huur', amount: '720.00', frequency: 'maand' },
      { description: 'Boodschappen', category: 'voeding', amount: '150.00', frequency: 'week' },
    ],
    ...overrides,
  });
}

/** Single earner (21-AOW), no children, salary above the norm: the BVV needs the stated figure. */
export function earner(overrides: Partial<DossierDataInput> = {}): DossierDataInput {
  return householdInput({
    adults: [{ role: 'aanvrager', firstName: 'Bas', lastName: 'Koster', birthDate: '1980-03-03', bsn: null }],
    address: { street: 'Beukstraat', houseNumber: '4', postcode: '1234 AB', city: 'Amersfoort' },
    incomes: [{ description: 'Loon', category: 'loon', amount: '2100.00', frequency: 'maand' }],
    expenses: [{ description: 'Huur', category: 'huur', amount: '800.00', frequency: 'maand' }],
    ...overrides,
  });
}
