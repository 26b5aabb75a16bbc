// Offices for the association-side tests: interchange files of households with one signal each, and a real
// office core (its own encrypted vault and report key) that imports them and exports one signed report.
import { createCore, defaultResourcesDir } from '../../src/core/app';
import { silentLogger } from '../../src/core/logger';
import { startTestCore } from './core';

/** n households with a signal (Toeslagen, M2.1) first registered in 2026-Q2, all in postcode 3511 (province Utrecht). */
export function householdsWithSignal(n: number, fictitious: boolean) {
  return {
    format: 'houvast.dossier',
    version: 2,
    dossiers: Array.from({ length: n }, (_, i) => ({
      status: 'stabilisatie',
      typeOfHelp: 'beschermingsbewind',
      professional: 'Demo Medewerker',
      fictitious,
      adults: [{ role: 'aanvrager', firstName: 'Demo', lastName: `Huishouden ${i + 1}`, birthDate: '1988-02-03' }],
      children: [{ firstName: 'Kind', lastName: `Huishouden ${i + 1}`, birthDate: '2017-04-05', livingInHousehold: true }],
      address: { street: 'Demostraat', houseNumber: String(i + 1), postcode: '3511 AB', city: 'Utrecht' },
      bankAccounts: [],
      incomes: [],
      expenses: [],
      debts: [],
      signals: [{ recordedOn: '2026-05-15', instantie: 'toeslagen', mechanism: 'M2.1', effects: ['stress'], note: 'Fictief' }],
    })),
  };
}

/** An office as its app would run it: a kantoor vault with n such households, its 2026-Q2 report and public key. */
export async function officeReport(prefix: string, households: number): Promise<{ envelope: string; keyId: string; publicKeyPem: string }> {
  // An import registers its signals on the import date (rule R1): this office imports during 2026-Q2, then exports
  // that quarter once it is over.
  let now = Date.parse('2026-06-10T10:00:00Z');
  const office = await startTestCore({ cheapKdf: true, prefix, clock: { now: () => now } });
  try {
    const call = async <T>(name: string, input: unknown): Promise<T> => {
      const env = await office.core.router.handle(name, input);
      if (!env.ok) throw new Error(`${name}: ${env.error.message}`);
      return env.value as T;
    };
    await call('vault.create', { name: prefix, passphrase: 'een lang genoeg wachtwoord' });
    await call('dossier.import', { file: householdsWithSignal(households, false) });
    now = Date.parse('2026-07-15T10:00:00Z');
    const preview = await call<{ previewHash: string | null; refusal: string | null }>('report.preview', { period: '2026-Q2' });
    if (preview.refusal !== null) throw new Error(`report.preview: ${preview.refusal}`);
    const r = await call<{ envelope: string }>('report.export', { period: '2026-Q2', previewHash: preview.previewHash });
    const key = await call<{ keyId: string; publicKeyPem: string }>('report.publicKey', {});
    return { envelope: r.envelope, ...key };
  } finally {
    await office.cleanup();
  }
}

/**
 * Households the demo office imported during 2026-Q2, into the demo vault of `dataDir` (the app must have locked it:
 * one program at a time). An import registers its signals on the import date (rule R1) and the app's own core runs
 * on the real clock, so they go in through a second core on the same vault folder whose clock stands in June; it
 * locks and closes again.
 */
export async function importIntoDemoVaultDuringQ2(dataDir: string, file: unknown): Promise<void> {
  // The vault's own key derivation parameters are in its keyfile: the core's defaults do not matter here.
  const core = await createCore({ dataDir, resourcesDir: defaultResourcesDir(), logger: silentLogger, clock: { now: () => Date.parse('2026-06-10T10:00:00Z') } });
  try {
    const call = async <T>(name: string, input: unknown): Promise<T> => {
      const env = await core.router.handle(name, input);
      if (!env.ok) throw new Error(`${name}: ${env.error.message}`);
      return env.value as T;
    };
    // The demo vault exists already: this opens it and hands out its (public) demo passphrase.
    const { passphrase } = await call<{ passphrase: string }>('vault.createDemo', {});
    await call('vault.unlock', { passphrase });
    await call('dossier.import', { file });
    await call('vault.lock', {});
  } finally {
    await core.dispose();
  }
}
