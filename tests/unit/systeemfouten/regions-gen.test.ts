// The PC4 -> province table derived from CBS's files (scripts/gen-regions.ts): hand-made fixtures in CBS's
// exact formats (regions-fixtures/: fifteen PC4s, one split over Utrecht and Noord-Holland, one over two
// gemeenten of Utrecht), both forms of the gemeente -> province file, the written table and its mirror, and
// every refusal. Expected provinces are read off the fixture rows by hand, not from the code under test.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { genRegions } from '../../../scripts/gen-regions';
import { deriveRegionTable, type RegionTable } from '../../../scripts/regions/cbs-regions';

const FIXTURES = path.join(import.meta.dirname, 'regions-fixtures');
const PC6 = path.join(FIXTURES, 'pc6hnr20260801_gwb.csv');
const GEBIEDEN = path.join(FIXTURES, 'gebieden-in-nederland-2026.csv');
const GEMEENTEN = path.join(FIXTURES, 'gemeenten-alfabetisch-2026.csv');

/** The province the table gives one PC4 (ranges are contiguous, so exactly one range holds it). */
const at = (t: Pick<RegionTable, 'ranges'>, pc4: number) => t.ranges.filter((r) => r.from <= pc4 && pc4 <= r.to).map((r) => r.province);

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'houvast-regions-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A copy of a fixture with some lines replaced (1-based line numbers of the file). */
function variant(fixture: string, name: string, edit: (lines: string[]) => string[]): string {
  const lines = readFileSync(fixture, 'utf8').split('\r\n');
  const file = path.join(dir, name);
  writeFileSync(file, edit(lines).join('\r\n'));
  return file;
}

describe('deriving the table from CBS files', () => {
  it('a PC4 whose addresses all lie in one province gets it; split over two provinces: onbekend; no addresses: onbekend', async () => {
    const t = await deriveRegionTable({ pc6: PC6, gebieden: GEBIEDEN, year: 2026 });
    const expected: [number, string | null][] = [
      [1011, 'PV27'], // Amsterdam
      [1012, 'PV27'],
      [1391, null], // 1391AA in De Ronde Venen (Utrecht), 1391AB in Gooise Meren (Noord-Holland)
      [3440, 'PV26'], // Utrecht and Nieuwegein: two gemeenten, one province
      [3511, 'PV26'],
      [9711, 'PV20'],
      [8911, 'PV21'],
      [9401, 'PV22'],
      [7511, 'PV23'],
      [1315, 'PV24'],
      [6811, 'PV25'],
      [3011, 'PV28'],
      [4331, 'PV29'],
      [5611, 'PV30'],
      [6211, 'PV31'],
      [1000, null], // no addresses in the file
      [1013, null],
      [9999, null],
    ];
    for (const [pc4, pv] of expected) expect(at(t, pc4), String(pc4)).toEqual([pv]);
    // Contiguous from 1000 to 9999, adjacent ranges never share a value (1011 and 1012 are one range).
    expect(t.ranges[0]!.from).toBe(1000);
    expect(t.ranges.at(-1)!.to).toBe(9999);
    for (let i = 1; i < t.ranges.length; i++) {
      expect(t.ranges[i]!.from).toBe(t.ranges[i - 1]!.to + 1);
      expect(t.ranges[i]!.province).not.toBe(t.ranges[i - 1]!.province);
    }
    expect(t.ranges.find((r) => r.from === 1011)).toEqual({ from: 1011, to: 1012, province: 'PV27' });
  });

  it('"Gebieden in Nederland" and "Gemeentelijke indeling op 1 januari" give the same table', async () => {
    const a = await deriveRegionTable({ pc6: PC6, gebieden: GEBIEDEN, year: 2026 });
    const b = await deriveRegionTable({ pc6: PC6, gebieden: GEMEENTEN, year: 2026 });
    expect(b.ranges).toEqual(a.ranges);
    expect([a.derivation.gebiedenFormat, b.derivation.gebiedenFormat]).toEqual(['gebieden-in-nederland', 'gemeentelijke-indeling']);
    // The numbered columns move from year to year: the same file with its columns in another order still reads.
    // Here: landsdeel, province, COROP instead of COROP, province, landsdeel, renumbered.
    const moved = variant(GEBIEDEN, 'gebieden-2026-anders.csv', (lines) => [
      '"ID";"RegioS";"Code_1";"Naam_2";"Code_3";"Naam_4";"Code_5";"Naam_6";"Code_7";"Naam_8";"SorteringNaam_9"',
      ...lines.slice(1).map((l) => {
        if (l === '') return l;
        const c = l.split(';');
        return [0, 1, 2, 3, 9, 10, 7, 8, 5, 6, 4].map((i) => c[i]).join(';');
      }),
    ]);
    expect((await deriveRegionTable({ pc6: PC6, gebieden: moved, year: 2026 })).ranges).toEqual(a.ranges);
  });

  it('writes the dated table with the reference date, the source files (name, size, SHA-256) and the derivation, and its mirror in src/shared form', async () => {
    const json = path.join(dir, 'pc4-provincie-2026.json');
    const ts = path.join(dir, 'pc4-provinces.ts');
    const log: string[] = [];
    await genRegions(['--pc6', PC6, '--gebieden', GEBIEDEN, '--year', '2026', '--out-json', json, '--out-ts', ts], (l) => log.push(l));
    const doc = JSON.parse(readFileSync(json, 'utf8')) as RegionTable;
    const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');
    expect(doc).toMatchObject({ format: 'houvast.pc4-provincie', version: 1, referenceDate: '2026-01-01', level: 'provincie' });
    expect(doc.sourceFiles).toEqual([
      { role: 'pc6', name: 'pc6hnr20260801_gwb.csv', bytes: statSync(PC6).size, sha256: sha(PC6) },
      { role: 'gebieden', name: 'gebieden-in-nederland-2026.csv', bytes: statSync(GEBIEDEN).size, sha256: sha(GEBIEDEN) },
    ]);
    // 23 address rows in 15 PC4s (counted in the fixture); 1391 over two provinces; 1391 and 3440 over two gemeenten.
    expect(doc.derivation).toMatchObject({ addresses: 23, pc4WithAddresses: 15, pc4SplitOverProvinces: [1391], pc4SplitOverGemeenten: 2 });
    expect(doc.source.join(' ')).toMatch(/pc6hnr20260801_gwb\.csv, adressen van 01-08-2026/);
    expect(doc.rule).toMatch(/null/);
    expect(log.join('\n')).toMatch(/23 adressen, 15 postcodegebieden \(PC4\); 1 over twee of meer provincies/);
    // The mirror holds the same ranges and reference date as the JSON.
    const mirror = (await import(ts)) as { PC4_TABLE_REFERENCE_DATE: string; PC4_PROVINCE_RANGES: [number, number, string | null][] };
    expect(mirror.PC4_TABLE_REFERENCE_DATE).toBe('2026-01-01');
    expect(mirror.PC4_PROVINCE_RANGES.map(([from, to, province]) => ({ from, to, province }))).toEqual(doc.ranges);
    expect(readFileSync(ts, 'utf8')).toMatch(/Mirror of resources\/regions\/pc4-provincie-2026\.json/);
  });
});

describe('refusing files that are not what CBS publishes', () => {
  const run = (pc6: string, gebieden: string, year = 2026) => deriveRegionTable({ pc6, gebieden, year });

  it('a postcode file with another header, or the borders of another year', async () => {
    const other = variant(PC6, 'adressen.csv', (l) => ['Postcode;Huisnummer;Buurt2026;Wijk2026;Gemeente2026', ...l.slice(1)]);
    await expect(run(other, GEBIEDEN)).rejects.toThrow(/adressen\.csv: dit is niet het CBS-bestand postcode-huisnummer\. Verwacht de kop PC6;Huisnummer;Buurt2026;Wijk2026;Gemeente2026; gevonden: Postcode;/);
    const lastYear = variant(PC6, 'adressen-2025.csv', (l) => ['PC6;Huisnummer;Buurt2025;Wijk2025;Gemeente2025', ...l.slice(1)]);
    await expect(run(lastYear, GEBIEDEN)).rejects.toThrow(/heeft de gemeentegrenzen van 2025 \(kolom Gemeente2025\), niet van 2026/);
    await expect(run(PC6, GEBIEDEN, 2027)).rejects.toThrow(/pc6hnr20260801_gwb\.csv: dit postcodebestand is van 2026, niet van 2027/);
  });

  it('a malformed postcode row, with its line number', async () => {
    const bad = variant(PC6, 'pc6-kapot.csv', (l) => l.map((x, i) => (i === 4 ? '10X1AB;7;3630000;36300;363' : x)));
    await expect(run(bad, GEBIEDEN)).rejects.toThrow(/pc6-kapot\.csv, regel 5: "10X1AB" is geen postcode \(1234AB\)/);
    const short = variant(PC6, 'pc6-kort.csv', (l) => l.map((x, i) => (i === 2 ? '1011AB;5;3630000' : x)));
    await expect(run(short, GEBIEDEN)).rejects.toThrow(/pc6-kort\.csv, regel 3: 3 kolommen, de kop heeft er 5/);
  });

  it('a gemeente file with another header, an unknown province code, a landsdeel the vocabulary disagrees with', async () => {
    const other = variant(GEMEENTEN, 'gemeenten.csv', (l) => ['Code;Naam;Provincie', ...l.slice(1).map((x) => x.split(';').slice(1, 4).join(';'))]);
    await expect(run(PC6, other)).rejects.toThrow(/gemeenten\.csv: dit is geen CBS-gebiedenbestand\. Verwacht de kop van "Gebieden in Nederland"/);
    const pv99 = variant(GEMEENTEN, 'gemeenten-pv99.csv', (l) => l.map((x) => x.replace(';PV31;', ';PV99;')));
    await expect(run(PC6, pv99)).rejects.toThrow(/gemeenten-pv99\.csv, regel 16: "PV99" is geen provinciecode/);
    const wrongLd = variant(GEBIEDEN, 'gebieden-ld.csv', (l) => l.map((x) => (x.includes('"GM0935"') ? x.replace('"LD04      "', '"LD03      "') : x)));
    await expect(run(PC6, wrongLd)).rejects.toThrow(/GM0935 ligt volgens CBS in PV31 en landsdeel LD03, maar de woordenlijst van Houvast zet PV31 in LD04/);
  });

  it('a gemeente of the postcode file missing from the gemeente file (files of different years)', async () => {
    const missing = variant(GEMEENTEN, 'gemeenten-zonder-maastricht.csv', (l) => l.filter((x) => !x.includes('GM0935')));
    await expect(run(PC6, missing)).rejects.toThrow(/regel 24: gemeente GM0935 staat niet in het gebiedenbestand\. Zijn beide bestanden van 2026\?/);
    await expect(run(path.join(dir, 'bestaat-niet.csv'), GEBIEDEN)).rejects.toThrow(/Bestand niet gevonden/);
  });

  it('the command line: missing arguments print the usage', async () => {
    await expect(genRegions(['--pc6', PC6])).rejects.toThrow(/Gebruik: npm run gen:regions -- --pc6/);
  });
});
