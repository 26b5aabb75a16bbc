// One office, several registered keys (a second laptop, a new key without revoking the old one): the ledger
// rules and the publication rule count offices, not keys (SYSTEEMFOUTEN.md R3: one accepted export per office
// and period; §2.9: cells from at least 3 offices). Real signatures over the fictitious demo office exports,
// through the file-only merge and through a real encrypted vereniging vault.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultResourcesDir } from '../../../src/core/app';
import { mergeReceivedFiles, REGISTER_FORMAT } from '../../../src/core/systeemfouten/association';
import { canonicalJson, generateOfficeKey, keyIdOf, signEnvelope } from '../../../src/core/systeemfouten/dsse';
import { publish } from '../../../src/shared/systeemfouten/association';
import { PAYLOAD_TYPE } from '../../../src/shared/systeemfouten/export';
import type { ProcedureInput, ProcedureName, ProcedureOutput } from '../../../src/shared/contract/procedures';
import { startTestCore, type TestCoreHandle } from '../../support/core';

const DIR = path.join(defaultResourcesDir(), 'demo', 'systeemfouten', 'kantoren');

/** The payload of a demo office's report of a quarter, as the office signed it. */
function demoPayload(quarter: string): Record<string, unknown> {
  const env = JSON.parse(readFileSync(path.join(DIR, `kantoor-01-systeemfouten-2026-${quarter}.json`), 'utf8')) as { payload: string };
  return JSON.parse(Buffer.from(env.payload, 'base64').toString('utf8')) as Record<string, unknown>;
}

const keys = Array.from({ length: 3 }, () => generateOfficeKey());
const pem = (i: number) => keys[i]!.publicKey.export({ type: 'spki', format: 'pem' }).toString();
// Three keys of one office; the third typed with other case and spacing by whoever registered it.
const OFFICES = ['Bewind Noord', 'Bewind Noord', '  bewind   NOORD '];

/** A report signed with key i; a new export id unless the payload's own is kept. */
function signed(i: number, payload: Record<string, unknown>, name: string): { name: string; text: string } {
  return { name, text: JSON.stringify(signEnvelope(PAYLOAD_TYPE, canonicalJson({ ...payload, exportId: randomUUID() }), keys[i]!.privateKey)) };
}

const registerText = JSON.stringify({
  format: REGISTER_FORMAT,
  version: 1,
  keys: keys.map((k, i) => ({ keyId: keyIdOf(k.publicKey), office: OFFICES[i], publicKeyPem: pem(i), revoked: false })),
});

const SECOND = 'Over 2026-Q1 is al een rapport geaccepteerd. Een correctie vervangt de hele periode en verwijst naar dat rapport.';

describe('an office with several keys (file-only merge)', () => {
  it('cannot report a period twice by signing the second report with its other key', () => {
    const q1 = demoPayload('Q1');
    const outcome = mergeReceivedFiles([signed(0, q1, 'eerste.json'), signed(1, q1, 'tweede.json'), signed(2, q1, 'derde.json')], registerText);
    expect(outcome.accepted.map((a) => a.name)).toEqual(['eerste.json']);
    expect(outcome.rejected).toEqual([
      { name: 'tweede.json', reason: SECOND },
      { name: 'derde.json', reason: SECOND },
    ]);
  });

  it('counts as one office: three quarters under three keys publish nothing (a cell needs 3 offices)', () => {
    const outcome = mergeReceivedFiles(
      ['Q1', 'Q2', 'Q3'].map((q, i) => signed(i, demoPayload(q), `${q}.json`)),
      registerText,
    );
    expect(outcome.accepted).toHaveLength(3);
    expect(outcome.merged!.offices).toBe(1);
    for (const t of outcome.merged!.tables) for (const c of t.cells) expect(c.contributions).toHaveLength(1);
    expect(publish(outcome.merged!).tables.flatMap((t) => t.cells)).toEqual([]);
  });
});

describe('an office with several keys (vereniging vault)', () => {
  let h: TestCoreHandle;
  beforeEach(async () => {
    h = await startTestCore({ cheapKdf: true, prefix: 'office-keys' });
  });
  afterEach(async () => h.cleanup());

  async function call<K extends ProcedureName>(name: K, input: ProcedureInput<K>): Promise<ProcedureOutput<K>> {
    const env = await h.core.router.handle(name, input);
    if (!env.ok) throw new Error(`${name}: ${env.error.message}`);
    return env.value as ProcedureOutput<K>;
  }

  it('refuses at receipt a second report of a period signed with the office\'s other key, in the same or a later batch', async () => {
    await call('vault.create', { name: 'Branchevereniging', passphrase: 'vereniging kluis wachtwoord', kind: 'vereniging' });
    for (let i = 0; i < 3; i++) await call('association.store.registerKey', { office: OFFICES[i]!, publicKeyPem: pem(i) });
    const q1 = demoPayload('Q1');
    const first = await call('association.store.receive', { files: [signed(0, q1, 'eerste.json'), signed(1, q1, 'tweede.json')] });
    expect(first.received).toEqual([
      { name: 'eerste.json', accepted: true, reason: null },
      { name: 'tweede.json', accepted: false, reason: SECOND },
    ]);
    const later = await call('association.store.receive', { files: [signed(2, q1, 'derde.json')] });
    expect(later.received).toEqual([{ name: 'derde.json', accepted: false, reason: SECOND }]);
  });
});
