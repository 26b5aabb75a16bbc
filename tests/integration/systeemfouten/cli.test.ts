// `houvast report ...` end to end (in-process runCli, real encrypted vaults): three offices import households
// with signals during a past quarter (the clock set back for the import: an import registers on its date),
// export and register their keys; the association merges their files while rejecting malformed, tampered,
// duplicate, unregistered-key, future-version and overlapping files one by one with a Dutch reason, then publishes. Every command has --json and exits non-zero on refusal.
import { readFileSync, readdirSync, writeFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { canonicalJson, generateOfficeKey, signEnvelope } from '../../../src/core/systeemfouten/dsse';
import { PAYLOAD_TYPE } from '../../../src/shared/systeemfouten/export';
import { household } from '../services/helpers';
import { runCliCaptured } from './helpers';

let root: string;

const cli = (args: string[], dataDir: string) => runCliCaptured(args, dataDir, root);

/** An interchange file of n households, each with a signal registered in 2026-Q2. */
function officeFile(n: number, office: number): unknown {
  return {
    format: 'houvast.dossier',
    version: 2,
    dossiers: Array.from({ length: n }, (_, i) => ({
      ...household({
        number: `K${office}-${i}`,
        adults: [{ role: 'aanvrager', firstName: 'Anna', lastName: `Jansen${office}x${i}`, birthDate: '1985-04-12', bsn: null }],
        children: [{ firstName: 'Noor', lastName: 'Jansen', birthDate: '2017-06-01', livingInHousehold: true }],
      }),
      signals: [
        { recordedOn: '2026-05-12', instantie: 'toeslagen', mechanism: 'M1.2', effects: ['stress'], note: `Privé ${office}-${i}` },
        ...(i % 2 === 0 ? [{ recordedOn: '2026-06-02', instantie: 'cjib', mechanism: 'M3.1', effects: [] }] : []),
      ],
    })),
  };
}

const offices = [0, 1, 2].map((o) => ({ o, data: '', vault: '', out: '' }));

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'houvast-report-cli-'));
  for (const office of offices) {
    office.data = path.join(root, `data${office.o}`);
    office.vault = path.join(root, `kantoor${office.o}.houvast`);
    office.out = path.join(root, `out${office.o}`);
    mkdirSync(office.out);
    writeFileSync(path.join(root, `import${office.o}.json`), JSON.stringify(officeFile(55 + office.o * 10, office.o)));
    expect((await cli(['vault', 'init', '--vault', office.vault], office.data)).code).toBe(0);
    // Imported signals are registered on the import date (rule R1): the offices import during 2026-Q2.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-06-10T10:00:00Z'));
    try {
      expect((await cli(['dossier', 'import', `import${office.o}.json`, '--vault', office.vault], office.data)).code).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  }
}, 120_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('houvast report', () => {
  it('export: prints the preview, refuses without --yes when there is no terminal, writes three files with --yes', async () => {
    const o = offices[0]!;
    const noYes = await cli(['report', 'export', '--period', '2026-Q2', '--out', o.out, '--vault', o.vault], o.data);
    expect(noYes.code).toBe(1);
    expect(noYes.stdout).toContain('Wat verlaat dit kantoor: systeemfouten-rapport 2026-Q2');
    expect(noYes.stdout).toMatch(/T0: Huishoudens per mechanisme/);
    expect(noYes.stderr).toMatch(/Bevestig met --yes/);
    expect(readdirSync(o.out)).toEqual([]);
    for (const office of offices) {
      const r = await cli(['report', 'export', '--period', '2026-Q2', '--out', office.out, '--yes', '--json', '--vault', office.vault], office.data);
      expect(r.code, r.stderr).toBe(0);
      const json = JSON.parse(r.stdout);
      expect(json).toMatchObject({ ok: true, period: '2026-Q2' });
      expect(readdirSync(office.out).sort()).toEqual(['systeemfouten-2026-Q2.csv', 'systeemfouten-2026-Q2.json', 'systeemfouten-2026-Q2.pdf']);
      expect(readFileSync(path.join(office.out, 'systeemfouten-2026-Q2.json'), 'utf8')).not.toMatch(/Jansen|Privé/);
      expect((await cli(['report', 'key', '--out', path.join(root, `sleutel${office.o}.json`), '--vault', office.vault], office.data)).code).toBe(0);
    }
    // The same period again: refused, non-zero, nothing written.
    const again = await cli(['report', 'export', '--period', '2026-Q2', '--out', root, '--yes', '--json', '--vault', o.vault], o.data);
    expect(again.code).toBe(1);
    expect(JSON.parse(again.stdout).refusal).toMatch(/al een rapport geaccepteerd/);
    // A period that has not ended: refused.
    const future = await cli(['report', 'export', '--period', '2099-Q1', '--out', root, '--yes', '--vault', o.vault], o.data);
    expect(future.code).toBe(1);
    expect(future.stderr).toMatch(/nog niet voorbij/);
  }, 120_000);

  it('register, verify, merge with rejections, publish', async () => {
    const register = path.join(root, 'register.json');
    for (const office of offices) {
      const r = await cli(['report', 'register', register, '--add', `sleutel${office.o}.json`, '--office', `Kantoor ${office.o}`, '--json'], root);
      expect(r.code, r.stderr).toBe(0);
    }
    const files = offices.map((o) => path.join(o.out, 'systeemfouten-2026-Q2.json'));
    const ok = await cli(['report', 'verify', files[0]!, '--register', register, '--json'], root);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ ok: true, signature: 'ok', period: '2026-Q2' });

    // Bad files, each for one reason.
    const good = JSON.parse(readFileSync(files[1]!, 'utf8'));
    const payload = JSON.parse(Buffer.from(good.payload, 'base64').toString('utf8'));
    const bad: Record<string, unknown> = {
      'kapot.json': '{"payloadType": ',
      'gewijzigd.json': { ...good, payload: Buffer.from(canonicalJson({ ...payload, reporterRole: 'other' })).toString('base64') },
      'onbekende-sleutel.json': signEnvelope(PAYLOAD_TYPE, canonicalJson(payload), generateOfficeKey().privateKey),
      'ander-type.json': { ...good, payloadType: 'application/json' },
    };
    for (const [name, content] of Object.entries(bad)) writeFileSync(path.join(root, name), typeof content === 'string' ? content : JSON.stringify(content));
    const tampered = await cli(['report', 'verify', 'gewijzigd.json', '--register', register], root);
    expect(tampered.code).toBe(1);
    expect(tampered.stderr).toMatch(/handtekening klopt niet/);

    const merged = path.join(root, 'totalen.json');
    const m = await cli(['report', 'merge', ...files, files[0]!, ...Object.keys(bad), '--register', register, '--out', merged, '--json'], root);
    expect(m.code).toBe(1); // some files were rejected
    const result = JSON.parse(m.stdout);
    expect(result.accepted.map((a: { period: string }) => a.period)).toEqual(['2026-Q2', '2026-Q2', '2026-Q2']);
    const reasons = Object.fromEntries(result.rejected.map((r: { name: string; reason: string }) => [path.basename(r.name), r.reason]));
    expect(reasons).toEqual({
      'kapot.json': 'Het bestand is geen geldige JSON.',
      'gewijzigd.json': 'De handtekening klopt niet: het bestand is na ondertekening gewijzigd.',
      'onbekende-sleutel.json': 'Ondertekend met een sleutel die niet in het sleutelregister staat.',
      'ander-type.json': expect.stringMatching(/^Onbekend soort inhoud/),
      'systeemfouten-2026-Q2.json': 'Dit rapport (dezelfde export-id) is al eerder verwerkt.',
    });
    const totals = JSON.parse(readFileSync(merged, 'utf8'));
    expect(totals).toMatchObject({ format: 'houvast.vereniging.totalen', year: '2026', offices: 3, files: 3 });
    // Office identity stripped: no key id, no office name in the totals.
    const text = JSON.stringify(totals);
    expect(text).not.toMatch(/Kantoor \d/);
    for (const o of offices) expect(text).not.toContain(JSON.parse(readFileSync(path.join(root, `sleutel${o.o}.json`), 'utf8')).keyId);
    // T0 by hand: office 0 has 55 households (all M1.2, 28 also M3.1), office 1 65 (33), office 2 75 (38).
    const t0 = totals.tables.find((t: { id: string }) => t.id === 'T0').cells;
    expect(t0).toEqual([
      { key: ['M1.2'], households: 195, events: 195, contributions: [75, 65, 55] },
      { key: ['M3.1'], households: 99, events: 99, contributions: [38, 33, 28] },
    ]);

    const pubDir = path.join(root, 'publicatie');
    mkdirSync(pubDir);
    const p = await cli(['report', 'publish', merged, '--out', pubDir, '--json'], root);
    expect(p.code, p.stderr).toBe(0);
    expect(readdirSync(pubDir).sort()).toEqual(['systeemfouten-2026-publicatie.csv', 'systeemfouten-2026-publicatie.json', 'systeemfouten-2026-publicatie.pdf']);
    const csv = readFileSync(path.join(pubDir, 'systeemfouten-2026-publicatie.csv'), 'utf8');
    expect(csv.startsWith('\uFEFFtabel;titel;')).toBe(true);
    // 195 -> 195 (already a multiple of 5); 99 -> 100.
    expect(csv).toMatch(/T0;Huishoudens per mechanisme;Mechanisme;M1\.2 Beslagvrije voet niet toegepast bij verrekening;;;;;195;195/);
    expect(csv).toMatch(/T0;Huishoudens per mechanisme;Mechanisme;M3\.1 Verhoging van boetes \(CJIB\);;;;;100;100/);
    const jsonStat = JSON.parse(readFileSync(path.join(pubDir, 'systeemfouten-2026-publicatie.json'), 'utf8'));
    expect(jsonStat).toMatchObject({ version: '2.0', class: 'collection' });
    expect(jsonStat.link.item[0]).toMatchObject({ class: 'dataset', id: ['category'], size: [2], value: { '0': 195, '1': 100 } });
  }, 120_000);

  it('a future schema version is refused with its own reason; usage errors exit 2', async () => {
    const key = generateOfficeKey();
    const keyFile = path.join(root, 'toekomst-sleutel.json');
    writeFileSync(
      keyFile,
      JSON.stringify({ format: 'houvast.kantoorsleutel', version: 1, keyId: (await import('../../../src/core/systeemfouten/dsse')).keyIdOf(key.publicKey), publicKeyPem: key.publicKey.export({ type: 'spki', format: 'pem' }).toString() }),
    );
    const register = path.join(root, 'register2.json');
    expect((await cli(['report', 'register', register, '--add', keyFile, '--office', 'Toekomst'], root)).code).toBe(0);
    const good = JSON.parse(readFileSync(path.join(offices[0]!.out, 'systeemfouten-2026-Q2.json'), 'utf8'));
    const payload = JSON.parse(Buffer.from(good.payload, 'base64').toString('utf8'));
    writeFileSync(path.join(root, 'toekomst.json'), JSON.stringify(signEnvelope(PAYLOAD_TYPE, canonicalJson({ ...payload, schemaVersion: '2.0.0' }), key.privateKey)));
    const r = await cli(['report', 'verify', 'toekomst.json', '--register', register, '--json'], root);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).reason).toMatch(/nieuwere schemaversie \(2\.0\.0\)/);
    expect((await cli(['report', 'export', '--out', root], root)).code).toBe(2);
    expect((await cli(['report', 'frobnicate'], root)).code).toBe(2);
    expect((await cli(['report', 'export', '--period', '2026-Q2', '--out', root, '--passphrase=x'], root)).code).toBe(2);
  }, 60_000);

  it('export refuses a folder it cannot write before signing anything; download writes the files of an accepted export again; --json answers every refusal', async () => {
    const o = offices[0]!;
    const original = path.join(o.out, 'systeemfouten-2026-Q2.json');
    const before = readFileSync(original);
    const exportId = JSON.parse(Buffer.from(JSON.parse(before.toString('utf8')).payload, 'base64').toString('utf8')).exportId as string;
    const correct = (out: string) => cli(['report', 'export', '--period', '2026-Q2', '--supersedes', exportId, '--out', out, '--yes', '--json', '--vault', o.vault], o.data);

    // A correction into the folder of the original: its three files are there already.
    const exists = await correct(o.out);
    expect(exists.code).toBe(1);
    expect(JSON.parse(exists.stdout)).toEqual({ ok: false, error: `Het bestand bestaat al: ${original}. Kies een andere map; er is niets ondertekend of overschreven.` });
    expect(readFileSync(original).equals(before)).toBe(true);
    const missing = await correct(path.join(root, 'bestaat-niet'));
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stdout).error).toBe(`De map bestaat niet: ${path.join(root, 'bestaat-niet')}. Er is niets ondertekend.`);
    // Neither attempt was recorded: a correction must name the period's current report, and exportId still is.
    const fresh = path.join(root, 'correctie');
    mkdirSync(fresh);
    const ok = await correct(fresh);
    expect(ok.code, ok.stderr).toBe(0);
    const correction = JSON.parse(ok.stdout) as { exportId: string; files: { json: string } };
    expect(correction.exportId).not.toBe(exportId);

    // The signed files again, byte for byte, from the ledger.
    const again = path.join(root, 'opnieuw');
    mkdirSync(again);
    const d = await cli(['report', 'download', '--export-id', correction.exportId, '--out', again, '--json', '--vault', o.vault], o.data);
    expect(d.code, d.stderr).toBe(0);
    expect(readdirSync(again).sort()).toEqual(['systeemfouten-2026-Q2.csv', 'systeemfouten-2026-Q2.json', 'systeemfouten-2026-Q2.pdf']);
    expect(readFileSync(path.join(again, 'systeemfouten-2026-Q2.json')).equals(readFileSync(correction.files.json))).toBe(true);
    const twice = await cli(['report', 'download', '--export-id', correction.exportId, '--out', again, '--json', '--vault', o.vault], o.data);
    expect(twice.code).toBe(1);
    expect(JSON.parse(twice.stdout)).toMatchObject({ ok: false, error: expect.stringMatching(/^Het bestand bestaat al: /) });

    // --json: a usage error and a file that is not what the command needs answer on stdout too.
    const lowK = await cli(['report', 'export', '--period', '2026-Q3', '--out', root, '--k', '9', '--json'], root);
    expect(lowK.code).toBe(2);
    expect(JSON.parse(lowK.stdout)).toEqual({ ok: false, error: '--k is een geheel getal van minstens 10 (k kan alleen omhoog).' });
    // Digits only: "1e1" is no way to write 10 here (Number() would read it so).
    for (const k of ['1e1', '0x10', '12.0']) {
      const odd = await cli(['report', 'export', '--period', '2026-Q3', '--out', root, '--k', k, '--json'], root);
      expect(odd.code, k).toBe(2);
      expect(JSON.parse(odd.stdout), k).toEqual({ ok: false, error: '--k is een geheel getal van minstens 10 (k kan alleen omhoog).' });
    }
    const notMerged = await cli(['report', 'publish', original, '--out', root, '--json'], root);
    expect(notMerged.code).toBe(1);
    expect(JSON.parse(notMerged.stdout)).toEqual({ ok: false, error: 'Dit is geen bestand met landelijke totalen (maak het met: houvast report merge).' });
  }, 120_000);
});
