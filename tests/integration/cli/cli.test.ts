// The `houvast` CLI as a user runs it, in-process (issue 10: no test switch in shipped code): runCli with the
// same arguments, environment and streams as bin/houvast.mjs hands it, a real encrypted vault in a temp data
// folder, and cheap Argon2id parameters passed as an embedding option (never readable from the environment).
// One test starts the real binary on a pseudo-terminal.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/main';
import { DEBT_V2_DEFAULTS, interchangeSchema } from '../../../src/shared/dossier/schema';
import { CHEAP_KDF } from '../../support/core';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = path.join(ROOT, 'bin', 'houvast.mjs');
const DEMO = path.join(ROOT, 'resources', 'demo', '05-gezin-meerdere-schuldeisers.json');
const DEMO_SINGLE = path.join(ROOT, 'resources', 'demo', '01-eenoudergezin-bijstand.json');
const PASSPHRASE = 'lang genoeg wachtwoord 2026';

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

let dataDir: string;
let work: string;

function collect(stream: PassThrough): () => string {
  let text = '';
  stream.setEncoding('utf8').on('data', (d: string) => (text += d));
  return () => text;
}

async function run(args: string[], env: Record<string, string | undefined> = {}, input: string[] = []): Promise<Result> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out = collect(stdout);
  const err = collect(stderr);
  // Not a TTY and already at its end: the CLI must never wait for input.
  const stdin = Readable.from(input) as unknown as NodeJS.ReadStream;
  const code = await runCli(
    args,
    {
      env: { HOUVAST_DATA_DIR: dataDir, HOUVAST_PASSPHRASE: PASSPHRASE, ...env },
      stdin,
      stdout: stdout as unknown as NodeJS.WritableStream,
      stderr: stderr as unknown as NodeJS.WritableStream,
      cwd: work,
    },
    { kdf: CHEAP_KDF },
  );
  stdout.end();
  stderr.end();
  await new Promise((resolve) => setImmediate(resolve));
  return { code, stdout: out(), stderr: err() };
}

const errText = (r: Result) => r.stderr;

const demoData = JSON.parse(readFileSync(DEMO, 'utf8'));
/** Personal data from the demo file that must never appear on stderr. */
const PII = ['Boomgaardt', 'Dennis', '999914042', '999914819', 'NL68TRIO2198450367', '3067 BV', 'Havikstraat', '1986-02-14'];

function expectNoPii(text: string) {
  for (const p of PII) expect(text).not.toContain(p);
}

/**
 * Data of a dossier without what the vault adds (ids, number, note timestamps); an absent optional
 * field and an explicit null mean the same in the interchange format.
 */
function comparable(d: Record<string, unknown>) {
  const strip = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(strip);
    if (x && typeof x === 'object') {
      return Object.fromEntries(
        Object.entries(x)
          .filter(([k, v]) => !['id', 'number', 'createdAt', 'updatedAt'].includes(k) && v !== null && v !== undefined)
          .map(([k, v]) => [k, strip(v)]),
      );
    }
    return x;
  };
  return strip(d);
}

beforeAll(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'houvast-cli-data-'));
  work = mkdtempSync(path.join(tmpdir(), 'houvast-cli-work-'));
});
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

describe('houvast CLI', () => {
  let number = '';

  it('vault init creates the vault in the default folder and shows the recovery code once, with a warning', async () => {
    const r = await run(['vault', 'init']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/HERSTELCODE/);
    expect(r.stdout).toMatch(/([A-Z0-9]{5}-){7}[A-Z0-9]{5}/);
    expect(r.stdout).toMatch(/voorgoed verloren/);
    expect(r.stdout).not.toContain(PASSPHRASE);
    expect(existsSync(path.join(dataDir, 'vaults', 'houvast.houvast'))).toBe(true);
  });

  it('vault init refuses to overwrite an existing vault', async () => {
    const r = await run(['vault', 'init']);
    expect(r.code).toBe(1);
    expect(errText(r)).toMatch(/^Fout: .*kluis/m);
  });

  it('imports a demo household', async () => {
    const r = await run(['dossier', 'import', DEMO]);
    expect(r.code, r.stderr).toBe(0);
    const m = /(\S+)\s+\(id /.exec(r.stdout);
    expect(m).not.toBeNull();
    number = m![1]!;
    expect(r.stdout).toMatch(/^1 dossier geïmporteerd/);
    expectNoPii(r.stderr);
  });

  it('dossier list --json gives an array of summaries containing it', async () => {
    const r = await run(['dossier', 'list', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(Array.isArray(rows)).toBe(true);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      number,
      displayName: expect.stringContaining('Boomgaardt'),
      postcode: '3067 BV',
      city: 'Rotterdam',
      status: 'schuldregeling',
      typeOfHelp: 'schuldhulpverlening',
      childrenCount: 3,
      fictitious: true,
    });
    expectNoPii(r.stderr);
  });

  it('dossier list --query filters; the text table marks fictitious households', async () => {
    const hit = await run(['dossier', 'list', '--query', 'boomgaardt']);
    expect(hit.code).toBe(0);
    expect(hit.stdout).toContain(number);
    expect(hit.stdout).toMatch(/Fictief/);
    const miss = await run(['dossier', 'list', '--json', '--query', 'Onbekendenaam']);
    expect(miss.code).toBe(0);
    expect(JSON.parse(miss.stdout)).toEqual([]);
  });

  it('dossier list --query - reads the search term from stdin, so no name or BSN stands on the command line', async () => {
    const hit = await run(['dossier', 'list', '--json', '--query', '-'], {}, ['999914042\n']);
    expect(hit.code, hit.stderr).toBe(0);
    expect(JSON.parse(hit.stdout).map((d: { number: string }) => d.number)).toEqual([number]);
    const miss = await run(['dossier', 'list', '--json', '--query', '-'], {}, ['Onbekendenaam\n']);
    expect(JSON.parse(miss.stdout)).toEqual([]);
    const empty = await run(['dossier', 'list', '--query', '-'], {}, ['\n']);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/Geen zoekterm/);
  });

  it('dossier export <number> prints the dossier as imported (modulo ids and number)', async () => {
    const r = await run(['dossier', 'export', number]);
    expect(r.code, r.stderr).toBe(0);
    const exported = interchangeSchema.parse(JSON.parse(r.stdout));
    expect(exported.dossiers).toHaveLength(1);
    expect(exported.dossiers[0]!.number).toBe(number);
    const original = interchangeSchema.parse(demoData);
    // A version-1 file has no debts-v2 fields; the vault fills in their defaults (interchange version 2).
    const withDefaults = { ...original.dossiers[0]!, debts: original.dossiers[0]!.debts.map((d) => ({ ...DEBT_V2_DEFAULTS, ...d })) };
    expect(comparable(exported.dossiers[0]!)).toEqual(comparable(withDefaults));
    expectNoPii(r.stderr);
  });

  it('dossier export --out writes a private file and never overwrites', async () => {
    const out = path.join(work, 'export.json');
    const r = await run(['dossier', 'export', number, '--out', 'export.json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(statSync(out).mode & 0o777).toBe(0o600);
    const viaId = JSON.parse((await run(['dossier', 'list', '--json'])).stdout)[0].id as string;
    const byId = await run(['dossier', 'export', viaId]);
    expect(JSON.parse(readFileSync(out, 'utf8')).dossiers).toEqual(JSON.parse(byId.stdout).dossiers);
    const again = await run(['dossier', 'export', number, '--out', 'export.json']);
    expect(again.code).toBe(1);
    expect(errText(again)).toMatch(/bestaat al/);
    expectNoPii(again.stderr);
  });

  it('export of an unknown dossier fails in Dutch', async () => {
    const r = await run(['dossier', 'export', 'bestaat-niet']);
    expect(r.code).toBe(1);
    expect(errText(r)).toMatch(/^Fout: Geen dossier gevonden/m);
    expect(r.stdout).toBe('');
  });

  it('an invalid file is rejected with every reason, and nothing of it is imported', async () => {
    const good = JSON.parse(readFileSync(DEMO_SINGLE, 'utf8'));
    const bad = structuredClone(good.dossiers[0]);
    bad.adults[0].bsn = '123456789';
    bad.address.postcode = '1234 SS';
    bad.incomes[0].amount = '1419,46';
    bad.bankAccounts[0].iban = 'NL72INGB0007364129';
    const file = path.join(work, 'ongeldig.json');
    // The first dossier is valid: all or nothing means it is not imported either.
    writeFileSync(file, JSON.stringify({ ...good, dossiers: [good.dossiers[0], bad] }));
    const r = await run(['dossier', 'import', file]);
    expect(r.code).toBe(1);
    const err = errText(r);
    expect(err).toMatch(/niets geïmporteerd/);
    expect(err).toMatch(/^ {2}dossiers\.1\.adults\.0\.bsn: Dit is geen geldig BSN/m);
    expect(err).toMatch(/^ {2}dossiers\.1\.address\.postcode: Dit is geen geldige postcode/m);
    expect(err).toMatch(/^ {2}dossiers\.1\.incomes\.0\.amount: 1419,46 is hier geen bedrag: schrijf 1419\.46/m);
    expect(err).toMatch(/^ {2}dossiers\.1\.bankAccounts\.0\.iban: Dit is geen geldig IBAN/m);
    expect(err).not.toContain('Klaverhoek');
    expect(err).not.toContain('123456789');
    const list = await run(['dossier', 'list', '--json']);
    expect(JSON.parse(list.stdout)).toHaveLength(1);
  });

  it('a file with a duplicated key, invalid UTF-8 or a lone surrogate is refused with the place, not altered', async () => {
    const before = JSON.parse((await run(['dossier', 'list', '--json'])).stdout).length;
    const demo = readFileSync(DEMO_SINGLE, 'utf8');
    const dup = path.join(work, 'dubbel.json');
    // A second "lastName" in the first adult: JSON.parse would silently keep the last one.
    writeFileSync(dup, demo.replace('"lastName":', '"lastName": "Verstopt", "lastName":'));
    const r1 = await run(['dossier', 'import', dup]);
    expect(r1.code).toBe(1);
    expect(r1.stderr).toMatch(/dossiers\.0\.adults\.0: de sleutel "lastName" staat twee keer/);
    expect(r1.stderr).not.toContain('Verstopt');

    const latin1 = path.join(work, 'latin1.json');
    writeFileSync(latin1, Buffer.concat([Buffer.from('{"format":"houvast.dossier","x":"Gr'), Buffer.from([0xfc]), Buffer.from('n"}')]));
    const r2 = await run(['dossier', 'import', latin1]);
    expect(r2.code).toBe(1);
    expect(r2.stderr).toMatch(/geen geldige UTF-8-tekst \(byte 36, regel 1\)/);

    const lone = path.join(work, 'surrogaat.json');
    writeFileSync(lone, demo.replace('"lastName": "', '"lastName": "\\ud800'));
    const r3 = await run(['dossier', 'import', lone]);
    expect(r3.code).toBe(1);
    expect(r3.stderr).toMatch(/dossiers\.0\.adults\.0\.lastName: bevat een ongeldig teken/);
    expect(JSON.parse((await run(['dossier', 'list', '--json'])).stdout)).toHaveLength(before);
  });

  it('a file that is not JSON, or does not exist, is refused without echoing its content', async () => {
    const file = path.join(work, 'kapot.json');
    writeFileSync(file, '{"naam": "Geheime Achternaam", ');
    const r = await run(['dossier', 'import', file]);
    expect(r.code).toBe(1);
    expect(errText(r)).toMatch(/geen geldige JSON/);
    expect(r.stderr).not.toContain('Geheime');
    const missing = await run(['dossier', 'import', path.join(work, 'nergens.json')]);
    expect(missing.code).toBe(1);
    expect(errText(missing)).toMatch(/bestaat niet/);
  });

  it('a wrong passphrase exits non-zero with a Dutch message and no output', async () => {
    const r = await run(['dossier', 'list', '--json'], { HOUVAST_PASSPHRASE: 'dit is niet het wachtwoord' });
    expect(r.code).toBe(1);
    expect(errText(r)).toMatch(/^Fout: Het wachtwoord is onjuist/m);
    expect(r.stdout).toBe('');
  });

  it.each([['--passphrase', 'geheim123456'], ['--passphrase=geheim123456'], ['--password', 'geheim123456']])(
    'refuses a passphrase argument (%s) with an explanation',
    async (...flag) => {
      const r = await run(['dossier', 'list', ...flag]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/niet als argument/);
      expect(r.stderr).toMatch(/HOUVAST_PASSPHRASE/);
      expect(r.stderr).not.toContain('geheim123456');
      expect(r.stdout).toBe('');
    },
  );

  it('without HOUVAST_PASSPHRASE and without a terminal it says what to do instead of waiting', async () => {
    const r = await run(['dossier', 'list'], { HOUVAST_PASSPHRASE: undefined });
    expect(r.code).toBe(2);
    expect(errText(r)).toMatch(/Geen wachtwoord.*HOUVAST_PASSPHRASE/);
  });

  it('--vault selects another vault; a missing vault is a Dutch error', async () => {
    const other = path.join(work, 'tweede.houvast');
    const init = await run(['vault', 'init', '--vault', other, '--name', 'Tweede kluis']);
    expect(init.code, init.stderr).toBe(0);
    const list = await run(['dossier', 'list', '--json', '--vault', other]);
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout)).toEqual([]);
    const missing = await run(['dossier', 'list', '--vault', path.join(work, 'nergens.houvast')]);
    expect(missing.code).toBe(1);
    expect(errText(missing)).toMatch(/^Fout: /m);
    const wrongName = await run(['dossier', 'list', '--vault', work]);
    expect(wrongName.code).toBe(2);
    expect(errText(wrongName)).toMatch(/\.houvast/);
  });

  it('help, usage errors and exit codes', async () => {
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    for (const c of ['vault init', 'dossier import', 'dossier list', 'dossier export']) expect(help.stdout).toContain(c);
    const topic = await run(['help', 'dossier', 'export']);
    expect(topic.code).toBe(0);
    expect(topic.stdout).toMatch(/--out/);
    const unknown = await run(['dossier', 'verwijder']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Onbekende opdracht/);
    const badOption = await run(['dossier', 'list', '--wat']);
    expect(badOption.code).toBe(2);
    expect(badOption.stderr).toMatch(/Onbekende optie/);
    const none = await run([]);
    expect(none.code).toBe(2);
  });

  it('a household already in the vault is refused and named until --dubbel says what to do', async () => {
    // The first vault, where the demo household was imported (another test opened a second vault since).
    const vault = ['--vault', path.join(dataDir, 'vaults', 'houvast.houvast')];
    const again = await run(['dossier', 'import', DEMO, ...vault]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^Fout: Eén huishouden in dit bestand staat al in de kluis\. Er is niets geïmporteerd/m);
    expect(again.stderr).toContain(`Staat al in de kluis als dossier ${number}.`);
    expect(again.stderr).toMatch(/--dubbel overslaan of --dubbel kopie/);
    const skipped = await run(['dossier', 'import', DEMO, '--dubbel', 'overslaan', ...vault]);
    expect(skipped.code, skipped.stderr).toBe(0);
    expect(skipped.stdout).toMatch(/^0 dossiers geïmporteerd/);
    const copied = await run(['dossier', 'import', DEMO, '--dubbel', 'kopie', ...vault]);
    expect(copied.code, copied.stderr).toBe(0);
    expect(copied.stdout).toMatch(/^1 dossier geïmporteerd/);
    expect((await run(['dossier', 'import', DEMO, '--dubbel', 'misschien', ...vault])).code).toBe(2);
  });
});

const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

describe('houvast CLI on a terminal', () => {
  // `script` (util-linux) gives the CLI a real pseudo-terminal so the hidden prompt is exercised.
  it.skipIf(!hasScript)('vault init asks the passphrase twice without echoing it', async () => {
    const vault = path.join(work, 'tty.houvast');
    const secret = 'terminal wachtwoord 2026';
    const child = spawn('script', ['-qfec', `"${process.execPath}" "${BIN}" vault init --vault "${vault}"`, '/dev/null'], {
      cwd: work,
      // The real binary with the real Argon2id parameters.
      env: { ...process.env, HOUVAST_DATA_DIR: dataDir, HOUVAST_PASSPHRASE: '' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    const waitFor = (re: RegExp) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timeout waiting for ${re}`)), 20_000);
        const check = () => {
          if (re.test(out)) {
            clearTimeout(timer);
            child.stdout.off('data', check);
            resolve();
          }
        };
        child.stdout.on('data', check);
        check();
      });
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
    await waitFor(/Nieuw wachtwoord/);
    child.stdin.write(`${secret}\r`);
    await waitFor(/Herhaal het wachtwoord/);
    child.stdin.write(`${secret}\r`);
    const code = await closed;
    expect(code, out).toBe(0);
    expect(out).toMatch(/HERSTELCODE/);
    expect(out).not.toContain(secret);
    const list = await run(['dossier', 'list', '--json', '--vault', vault], { HOUVAST_PASSPHRASE: secret });
    expect(list.code, list.stderr).toBe(0);
  });
});
