// `houvast report register|merge|publish --vault` (issue 9 §3) in process against real encrypted vaults: the
// received files and their verdicts are kept in a vereniging vault, so the ledger rules (duplicates, one export
// per office and period, corrections) hold across every file ever received, not only those of one command
// line; publishing works from the store and gives what the file-only mode gives for the same accepted files.
// A kantoor vault is refused in Dutch. Uses the fictitious demo office exports plus an office key made here.
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultResourcesDir } from '../../../src/core/app';
import { canonicalJson, generateOfficeKey, keyIdOf, signEnvelope } from '../../../src/core/systeemfouten/dsse';
import { KANTOOR_REFUSAL } from '../../../src/shared/contract/vault-kind';
import { PAYLOAD_TYPE } from '../../../src/shared/systeemfouten/export';
import { runCliCaptured } from './helpers';

const DEMO = path.join(defaultResourcesDir(), 'demo', 'systeemfouten', 'kantoren');
const REGISTER = JSON.parse(readFileSync(path.join(DEMO, 'sleutelregister.json'), 'utf8')) as { keys: { keyId: string; office: string; publicKeyPem: string }[] };
const DEMO_FILES = ['kantoor-01-systeemfouten-2026-Q1.json', 'kantoor-02-systeemfouten-2026-Q1.json', 'kantoor-03-systeemfouten-2026-Q1.json'];

let root: string;
let data: string;
const cli = (...args: string[]) => runCliCaptured(args, data, root);
const write = (name: string, content: unknown) => writeFileSync(path.join(root, name), typeof content === 'string' ? content : JSON.stringify(content));
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'houvast-report-vault-'));
  data = path.join(root, 'data');
  for (const f of DEMO_FILES) write(f, readFileSync(path.join(DEMO, f), 'utf8'));
  // The three demo offices' public keys as the office files `houvast report key` writes.
  for (const name of DEMO_FILES) {
    const office = REGISTER.keys.find((k) => k.office === officeOf(name))!;
    write(`sleutel-${name.slice(0, 10)}.json`, { format: 'houvast.kantoorsleutel', version: 1, keyId: office.keyId, publicKeyPem: office.publicKeyPem });
  }
}, 30_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The register names the demo offices; the n-th file belongs to the n-th office in the register. */
function officeOf(file: string): string {
  return REGISTER.keys[Number(file.slice(8, 10)) - 1]!.office;
}

/** A fourth office whose reports are signed here, so it can send a second report and corrections. */
const own = generateOfficeKey();
const base = JSON.parse(Buffer.from((JSON.parse(readFileSync(path.join(DEMO, 'kantoor-01-systeemfouten-2026-Q2.json'), 'utf8')) as { payload: string }).payload, 'base64').toString('utf8')) as Record<
  string,
  unknown
>;
const ownReport = (exportId: string, supersedes: string | null) => signEnvelope(PAYLOAD_TYPE, canonicalJson({ ...base, exportId, supersedes }), own.privateKey);
const A = randomUUID();
const C = randomUUID();

describe('houvast report with a vereniging vault', () => {
  it('vault init --soort makes a vereniging vault; a kantoor vault is refused for merge and publish', async () => {
    expect((await cli('vault', 'init', '--soort', 'onzin', '--vault', 'x.houvast')).code).toBe(2);
    const made = await cli('vault', 'init', '--soort', 'vereniging', '--vault', 'vereniging.houvast');
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toMatch(/^Verenigingskluis gemaakt: .*vereniging\.houvast/);
    expect((await cli('vault', 'init', '--vault', 'kantoor.houvast')).code).toBe(0);

    const merge = await cli('report', 'merge', DEMO_FILES[0]!, '--vault', 'kantoor.houvast');
    expect(merge.code).toBe(1);
    expect(merge.stderr).toContain(KANTOOR_REFUSAL);
    const publish = await cli('report', 'publish', '--vault', 'kantoor.houvast', '--out', root);
    expect(publish.code).toBe(1);
    expect(publish.stderr).toContain(KANTOOR_REFUSAL);
    const register = await cli('report', 'register', '--vault', 'kantoor.houvast', '--add', 'sleutel-kantoor-01.json', '--office', 'X');
    expect(register.code).toBe(1);
    expect(register.stderr).toContain(KANTOOR_REFUSAL);
    // Usage: the register file and --out belong to the file-only mode.
    expect((await cli('report', 'merge', DEMO_FILES[0]!, '--vault', 'vereniging.houvast', '--out', 'x.json')).code).toBe(2);
  }, 60_000);

  it('keeps received files and verdicts in the vault: duplicates and second reports are refused in a later run, corrections apply', async () => {
    for (const name of DEMO_FILES) {
      const r = await cli('report', 'register', '--vault', 'vereniging.houvast', '--add', `sleutel-${name.slice(0, 10)}.json`, '--office', officeOf(name), '--json');
      expect(r.code, r.stderr).toBe(0);
    }
    write('eigen-sleutel.json', { format: 'houvast.kantoorsleutel', version: 1, keyId: keyIdOf(own.publicKey), publicKeyPem: own.publicKey.export({ type: 'spki', format: 'pem' }).toString() });
    const reg = await cli('report', 'register', '--vault', 'vereniging.houvast', '--add', 'eigen-sleutel.json', '--office', 'Kantoor Vier', '--json');
    expect(JSON.parse(reg.stdout)).toEqual({ ok: true, keys: 4 });

    // Run 1: three demo offices, our office's report A and a tampered copy.
    const first = JSON.parse(read(DEMO_FILES[0]!)) as { payload: string };
    write('gewijzigd.json', { ...first, payload: Buffer.from(Buffer.from(first.payload, 'base64').toString('utf8').replace('"households":', '"households": ')).toString('base64') });
    write('eigen-A.json', ownReport(A, null));
    const run1 = await cli('report', 'merge', ...DEMO_FILES, 'eigen-A.json', 'gewijzigd.json', '--vault', 'vereniging.houvast', '--json');
    expect(run1.code).toBe(1);
    expect(JSON.parse(run1.stdout)).toEqual({
      ok: false,
      accepted: [...DEMO_FILES, 'eigen-A.json'].map((name) => ({ name })),
      rejected: [{ name: 'gewijzigd.json', reason: 'De handtekening klopt niet: het bestand is na ondertekening gewijzigd.' }],
      acceptedInVault: 4,
    });
    const pub1 = path.join(root, 'publicatie1');
    mkdirSync(pub1);
    const p1 = await cli('report', 'publish', '--vault', 'vereniging.houvast', '--out', pub1, '--json');
    expect(p1.code, p1.stderr).toBe(0);

    // Run 2, a new command line: only duplicates of what the vault already holds. Each is refused with its
    // reason; the vault's accepted files and the publication stay exactly as they were.
    write('kopie-anders-opgemaakt.json', JSON.stringify(first, null, 2));
    write('eigen-B.json', ownReport(randomUUID(), null));
    const run2 = await cli('report', 'merge', DEMO_FILES[0]!, 'kopie-anders-opgemaakt.json', 'eigen-B.json', '--vault', 'vereniging.houvast', '--json');
    expect(run2.code).toBe(1);
    expect(JSON.parse(run2.stdout)).toEqual({
      ok: false,
      accepted: [],
      rejected: [
        { name: DEMO_FILES[0], reason: 'Dit bestand is al eerder ontvangen (dubbel).' },
        { name: 'kopie-anders-opgemaakt.json', reason: 'Dit rapport (dezelfde export-id) is al eerder verwerkt.' },
        { name: 'eigen-B.json', reason: 'Over 2026-Q2 is al een rapport geaccepteerd. Een correctie vervangt de hele periode en verwijst naar dat rapport.' },
      ],
      acceptedInVault: 4,
    });
    const text = await cli('report', 'merge', 'eigen-B.json', '--vault', 'vereniging.houvast');
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('Afgekeurd: 1 bestand(en)\n  eigen-B.json: Over 2026-Q2 is al een rapport geaccepteerd.');
    const pub2 = path.join(root, 'publicatie2');
    mkdirSync(pub2);
    expect((await cli('report', 'publish', '--vault', 'vereniging.houvast', '--out', pub2)).code).toBe(0);
    for (const f of readdirSync(pub1).filter((n) => !n.endsWith('.pdf'))) expect(readFileSync(path.join(pub2, f), 'utf8'), f).toBe(readFileSync(path.join(pub1, f), 'utf8'));

    // Run 3: a correction of A is accepted; a second correction that still points at A (no longer in force) is not.
    write('eigen-C.json', ownReport(C, A));
    write('eigen-D.json', ownReport(randomUUID(), A));
    const run3 = await cli('report', 'merge', 'eigen-C.json', 'eigen-D.json', '--vault', 'vereniging.houvast', '--json');
    expect(JSON.parse(run3.stdout)).toEqual({
      ok: false,
      accepted: [{ name: 'eigen-C.json' }],
      rejected: [{ name: 'eigen-D.json', reason: 'De correctie verwijst niet naar het geldende rapport van deze periode.' }],
      acceptedInVault: 5,
    });
  }, 120_000);

  it('publishes from the store what the file-only mode publishes for the same accepted files', async () => {
    const pub = path.join(root, 'publicatie-kluis');
    mkdirSync(pub);
    const fromVault = await cli('report', 'publish', '--vault', 'vereniging.houvast', '--year', '2026', '--out', pub, '--json');
    expect(fromVault.code, fromVault.stderr).toBe(0);
    const v = JSON.parse(fromVault.stdout);
    // All five stored files are re-checked; C replaces A, so A is not counted.
    expect(v).toMatchObject({ ok: true, year: '2026', publicationId: expect.any(String), rejected: [] });
    expect(v.cells).toBeGreaterThan(0);
    expect(v.accepted.map((a: { name: string }) => a.name)).toEqual([...DEMO_FILES, 'eigen-C.json']);

    // File-only mode on the same files (and register) gives the same published tables.
    const register = path.join(root, 'register.json');
    for (const name of DEMO_FILES) expect((await cli('report', 'register', register, '--add', `sleutel-${name.slice(0, 10)}.json`, '--office', officeOf(name))).code).toBe(0);
    expect((await cli('report', 'register', register, '--add', 'eigen-sleutel.json', '--office', 'Kantoor Vier')).code).toBe(0);
    const merged = path.join(root, 'totalen.json');
    expect((await cli('report', 'merge', ...DEMO_FILES, 'eigen-A.json', 'eigen-C.json', '--register', register, '--out', merged)).code).toBe(0);
    const filesOut = path.join(root, 'publicatie-bestanden');
    mkdirSync(filesOut);
    expect((await cli('report', 'publish', merged, '--out', filesOut)).code).toBe(0);
    const names = ['systeemfouten-2026-publicatie.csv', 'systeemfouten-2026-publicatie.json'];
    expect(readdirSync(pub).sort()).toEqual([...names, 'systeemfouten-2026-publicatie.pdf'].sort());
    for (const n of names) expect(readFileSync(path.join(pub, n), 'utf8'), n).toBe(readFileSync(path.join(filesOut, n), 'utf8'));
    expect(readFileSync(path.join(pub, names[0]!), 'utf8').startsWith('\uFEFFtabel;titel;')).toBe(true);
    // Office names never reach a published file.
    for (const n of names) for (const k of [...REGISTER.keys, { office: 'Kantoor Vier' }]) expect(readFileSync(path.join(pub, n), 'utf8')).not.toContain(k.office);
  }, 120_000);
});
