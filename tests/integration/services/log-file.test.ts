// Issue 10: the log file in the data folder answers support questions after the fact, and never holds
// personal data. Canary households (names, BSN, IBAN, address) go through a real core writing the real
// log file: through events, failing imports whose errors quote them, a path that names a client, and a
// router error; none of them may reach the file, while the events themselves must be there.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, defaultResourcesDir } from '../../../src/core/app';
import { createLogFileWriter, createLogger, logFilePath } from '../../../src/core/logger';
import { CHEAP_KDF, makeTempDir } from '../../support/core';
import { PLANTED, PLANTED_BSN, plantedHousehold } from '../../support/households';

const IBAN = 'NL91ABNA0417164300';
const CANARIES = [PLANTED.firstName, PLANTED.lastName, PLANTED_BSN, IBAN, 'NL91 ABNA 0417 1643 00', PLANTED.street, PLANTED.postcode, PLANTED.city, PLANTED.birthDateIso, 'fenna@oosterbroek.nl'];

let dataDir: string;
beforeEach(async () => {
  dataDir = await makeTempDir('logfile');
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('the log file of a real core', () => {
  it('records what happened (events, failures) and none of the canary personal data', async () => {
    const core = createCore({
      dataDir,
      resourcesDir: defaultResourcesDir(),
      logger: createLogger(createLogFileWriter({ dataDir })),
      kdf: CHEAP_KDF,
    });
    const call = (name: string, input: unknown) => core.router.handle(name, input) as Promise<{ ok: boolean; error?: { code: string } }>;
    try {
      expect((await call('vault.create', { name: 'Kantoor', passphrase: 'een goed wachtwoord' })).ok).toBe(true);
      const household = plantedHousehold({ bankAccounts: [{ id: 'b1', iban: IBAN, holder: `${PLANTED.firstName} ${PLANTED.lastName}` }] });
      expect((await call('dossier.create', { data: household })).ok).toBe(true);
      expect((await call('dossier.search', { query: PLANTED.lastName })).ok).toBe(true);
      // Failing imports whose contents (and the library errors about them) quote the canaries.
      const quoting = `{"naam": "${PLANTED.firstName} ${PLANTED.lastName}", "bsn": "${PLANTED_BSN}", "iban": "${IBAN}", "email": "fenna@oosterbroek.nl",`;
      expect((await call('dossier.import', { file: quoting })).ok).toBe(false);
      expect((await call('norms.import', { file: quoting })).ok).toBe(false);
      expect((await call('dossier.import', { file: { format: 'houvast.dossiers', version: 1, dossiers: [{ ...household, adults: [{ firstName: PLANTED.firstName, bsn: '123456783' }] }] } })).ok).toBe(false);
      // A folder that names a client, with files that are no vault.
      const clientFolder = path.join(dataDir, `${PLANTED.firstName} ${PLANTED.lastName} ${PLANTED_BSN}`);
      mkdirSync(clientFolder);
      writeFileSync(path.join(clientFolder, 'vault.key.json'), `{"naam":"${PLANTED.lastName}"`);
      expect((await call('vault.open', { path: clientFolder })).ok).toBe(false);
      expect((await call('vault.unlock', { passphrase: 'verkeerd wachtwoord' })).ok).toBe(false);
      await call('vault.lock', {});
    } finally {
      await core.dispose();
    }

    expect(readdirSync(path.join(dataDir, 'logs'))).toEqual(['houvast.log']);
    const text = readFileSync(logFilePath(dataDir), 'utf8');
    const events = text.trimEnd().split('\n').map((l) => (JSON.parse(l) as { event: string }).event);
    // Useful for support: the vault's life and the failures are there, in order.
    expect(events).toContain('vault.created');
    expect(events).toContain('vault.locked');
    expect(events.indexOf('vault.created')).toBeLessThan(events.lastIndexOf('vault.locked'));
    for (const canary of CANARIES) expect(text, canary).not.toContain(canary);
    expect(text.toLowerCase()).not.toContain(PLANTED.lastName.toLowerCase());
  });
});
