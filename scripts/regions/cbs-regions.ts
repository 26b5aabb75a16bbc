// Derives the dated PC4 -> province table (resources/regions/pc4-provincie-<year>.json and its mirror in
// src/shared/signals/pc4-provinces.ts) from CBS's published files (SYSTEEMFOUTEN.md, Region: "Derive PC4 ->
// gemeente -> COROP/province/landsdeel from CBS 'Gebieden in Nederland' for the reference year"):
//
// 1. Postcode-huisnummer -> buurt/wijk/gemeente, CBS "Buurt, wijk en gemeente <jaar> voor postcode huisnummer"
//    (file pc6hnr<jaar>0801_gwb.csv: addresses of 1 August, borders of 1 January <jaar>). `;`-separated, header
//    `PC6;Huisnummer;Buurt<jaar>;Wijk<jaar>;Gemeente<jaar>`: the year suffix of the last three columns is the
//    year of the municipal borders and must equal --year. Values: PC6 `1011AB`, buurt/wijk/gemeente as numbers
//    (`3630000`, `36300`, `363`; leading zeros may be missing) or with their prefix (`BU`, `WK`, `GM`).
// 2. Gemeente -> province (and landsdeel, COROP), one of:
//    a. CBS StatLine "Gebieden in Nederland <jaar>" (2026: table 86247NED), the plain CSV of its data set:
//       `;`-separated, a `RegioS` column with the gemeente (`GM0363`) and columns `Code_<n>` / `Naam_<n>`
//       whose number n differs from year to year; the province, landsdeel and COROP columns are therefore
//       recognised by their codes (`PV27`, `LD03`, `CR23`; CBS pads them with spaces), never by position.
//    b. CBS "Gemeentelijke indeling op 1 januari <jaar>" as CSV: `Gemeentecode;GemeentecodeGM;Gemeentenaam;
//       Provinciecode;ProvinciecodePV;Provincienaam` (province only; the landsdeel follows from the province).
//
// The app's region ladder is province -> landsdeel -> Nederland (src/shared/systeemfouten/hierarchy.ts); the
// landsdeel of a province is fixed in the vocabulary, COROP is not a level of the v1 hierarchy. So the table
// holds the province per PC4, and a landsdeel in the CBS file that disagrees with the vocabulary stops the run.
// A PC4 whose addresses lie in more than one province maps to null (provincie onbekend), as does every PC4
// without addresses in the file (a new postcode is never guessed).
import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { PROVINCES, type ProvinceCode } from '../../src/shared/signals/vocabulary';

export class RegionsInputError extends Error {
  override name = 'RegionsInputError';
}

export interface SourceFile {
  role: 'pc6' | 'gebieden';
  name: string;
  bytes: number;
  sha256: string;
}

export interface Pc4Range {
  from: number;
  to: number;
  province: ProvinceCode | null;
}

export interface RegionTable {
  format: 'houvast.pc4-provincie';
  version: 1;
  referenceDate: string;
  level: 'provincie';
  source: string[];
  rule: string;
  sourceFiles: SourceFile[];
  derivation: {
    generatedBy: string;
    gebiedenFormat: 'gebieden-in-nederland' | 'gemeentelijke-indeling';
    addresses: number;
    pc4WithAddresses: number;
    pc4SplitOverProvinces: number[];
    pc4SplitOverGemeenten: number;
  };
  ranges: Pc4Range[];
}

const PROVINCE_LANDSDEEL = new Map<string, string>(PROVINCES.map((p) => [p.code, p.landsdeel]));
const isProvince = (code: string): code is ProvinceCode => PROVINCE_LANDSDEEL.has(code);

/** The separator of a file, from its header: CBS writes `;`; a spreadsheet saved as CSV may write `,`. */
const separatorOf = (headerLine: string): string => (headerLine.includes(';') ? ';' : ',');

/** Cells of one line: CBS quotes some exports and pads codes with spaces; quotes and padding are dropped. */
function cells(line: string, sep: string): string[] {
  return line.split(sep).map((c) => c.trim().replace(/^"(.*)"$/, '$1').trim());
}

/** Streams the lines of a file (BOM and CR dropped) while hashing its exact bytes. */
async function readLines(file: string, onLine: (line: string, lineNo: number) => void): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash('sha256');
  let bytes = 0;
  const stream = createReadStream(file);
  stream.on('data', (chunk) => {
    hash.update(chunk);
    bytes += chunk.length;
  });
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let n = 0;
  for await (const raw of lines) {
    n++;
    const line = n === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (line.trim() === '') continue;
    onLine(line, n);
  }
  return { bytes, sha256: hash.digest('hex') };
}

/** `363`, `0363` or `GM0363` -> `GM0363`; null when it is not a gemeente code. */
function gemeenteCode(value: string): string | null {
  const m = /^(?:GM)?(\d{1,4})$/i.exec(value);
  return m ? `GM${m[1]!.padStart(4, '0')}` : null;
}

export interface Gebieden {
  format: RegionTable['derivation']['gebiedenFormat'];
  provinceOf: Map<string, ProvinceCode>;
}

export async function readGebieden(file: string): Promise<Gebieden & { sourceFile: SourceFile }> {
  const name = path.basename(file);
  let header: string[] | null = null;
  let format: Gebieden['format'] | null = null;
  let sep = ';';
  const rows: { lineNo: number; values: string[] }[] = [];
  const meta = await readLines(file, (line, lineNo) => {
    if (!header) {
      sep = separatorOf(line);
      header = cells(line, sep);
      if (header.includes('RegioS') && header.some((h) => /^Code_\d+$/.test(h))) format = 'gebieden-in-nederland';
      else if (header.includes('GemeentecodeGM') && header.includes('ProvinciecodePV')) format = 'gemeentelijke-indeling';
      else
        throw new RegionsInputError(
          `${name}: dit is geen CBS-gebiedenbestand. Verwacht de kop van "Gebieden in Nederland" (RegioS;Code_1;Naam_2;…) of van "Gemeentelijke indeling op 1 januari" (Gemeentecode;GemeentecodeGM;Gemeentenaam;Provinciecode;ProvinciecodePV;Provincienaam); gevonden: ${header.slice(0, 6).join(';')}.`,
        );
      return;
    }
    const values = cells(line, sep);
    if (values.length !== header.length) throw new RegionsInputError(`${name}, regel ${lineNo}: ${values.length} kolommen, de kop heeft er ${header.length}.`);
    rows.push({ lineNo, values });
  });
  if (!header || !format) throw new RegionsInputError(`${name}: het bestand is leeg.`);
  const h: string[] = header;
  if (rows.length === 0) throw new RegionsInputError(`${name}: het bestand heeft geen gemeenten.`);

  const col = (label: string) => h.indexOf(label);
  let gmCol: number;
  let pvCol: number;
  let ldCol = -1;
  if (format === 'gemeentelijke-indeling') {
    gmCol = col('GemeentecodeGM');
    pvCol = col('ProvinciecodePV');
  } else {
    gmCol = col('RegioS');
    // The Code_<n> column whose every value is a province (landsdeel) code: the numbering shifts per year.
    const codeColumns = h.flatMap((label, i) => (/^Code_\d+$/.test(label) ? [i] : []));
    const columnOf = (pattern: RegExp, what: string, required: boolean): number => {
      const found = codeColumns.filter((i) => rows.every((r) => pattern.test(r.values[i]!)));
      if (found.length === 1) return found[0]!;
      if (found.length === 0 && !required) return -1;
      throw new RegionsInputError(
        found.length === 0
          ? `${name}: geen kolom Code_<n> met voor elke gemeente een ${what}; is dit "Gebieden in Nederland"?`
          : `${name}: meer dan één kolom met ${what}s (${found.map((i) => h[i]).join(', ')}).`,
      );
    };
    pvCol = columnOf(/^PV\d\d$/, 'provinciecode (PV20…PV31)', true);
    ldCol = columnOf(/^LD0[1-4]$/, 'landsdeelcode (LD01…LD04)', false);
  }

  const provinceOf = new Map<string, ProvinceCode>();
  for (const { lineNo, values } of rows) {
    const gm = /^GM\d{4}$/.test(values[gmCol]!) ? values[gmCol]! : null;
    if (!gm) throw new RegionsInputError(`${name}, regel ${lineNo}: "${values[gmCol]}" is geen gemeentecode (GM0363).`);
    const pv = values[pvCol]!;
    if (!isProvince(pv)) throw new RegionsInputError(`${name}, regel ${lineNo}: "${pv}" is geen provinciecode (PV20…PV31).`);
    if (ldCol >= 0 && values[ldCol] !== PROVINCE_LANDSDEEL.get(pv)) {
      throw new RegionsInputError(
        `${name}, regel ${lineNo}: ${gm} ligt volgens CBS in ${pv} en landsdeel ${values[ldCol]}, maar de woordenlijst van Houvast zet ${pv} in ${PROVINCE_LANDSDEEL.get(pv)}. Werk eerst de woordenlijst bij (src/shared/signals/vocabulary.ts).`,
      );
    }
    const before = provinceOf.get(gm);
    if (before !== undefined && before !== pv) throw new RegionsInputError(`${name}, regel ${lineNo}: ${gm} staat er twee keer in, in ${before} en in ${pv}.`);
    provinceOf.set(gm, pv);
  }
  return { format, provinceOf, sourceFile: { role: 'gebieden', name, ...meta } };
}

export interface Pc4Tally {
  provinces: Map<number, Set<ProvinceCode>>;
  gemeenten: Map<number, Set<string>>;
  addresses: number;
}

export async function readPc6(file: string, year: number, gebieden: Gebieden): Promise<Pc4Tally & { sourceFile: SourceFile }> {
  const name = path.basename(file);
  const fromName = /^pc6hnr(\d{4})\d{4}_gwb\.csv$/i.exec(name);
  if (fromName && Number(fromName[1]) !== year) throw new RegionsInputError(`${name}: dit postcodebestand is van ${fromName[1]}, niet van ${year}.`);
  const expected = `PC6;Huisnummer;Buurt${year};Wijk${year};Gemeente${year}`;
  const tally: Pc4Tally = { provinces: new Map(), gemeenten: new Map(), addresses: 0 };
  let header: string[] | null = null;
  let pcCol = -1;
  let gmCol = -1;
  let sep = ';';
  const meta = await readLines(file, (line, lineNo) => {
    if (!header) {
      sep = separatorOf(line);
      header = cells(line, sep);
      const gemeenteColumns = header.filter((h) => /^Gemeente\d{4}$/.test(h));
      if (header[0] !== 'PC6' || header[1] !== 'Huisnummer' || gemeenteColumns.length !== 1) {
        throw new RegionsInputError(`${name}: dit is niet het CBS-bestand postcode-huisnummer. Verwacht de kop ${expected}; gevonden: ${header.join(';')}.`);
      }
      if (gemeenteColumns[0] !== `Gemeente${year}`) {
        throw new RegionsInputError(`${name}: dit postcodebestand heeft de gemeentegrenzen van ${gemeenteColumns[0]!.slice(-4)} (kolom ${gemeenteColumns[0]}), niet van ${year}.`);
      }
      pcCol = 0;
      gmCol = header.indexOf(`Gemeente${year}`);
      return;
    }
    const values = cells(line, sep);
    if (values.length !== header.length) throw new RegionsInputError(`${name}, regel ${lineNo}: ${values.length} kolommen, de kop heeft er ${header.length}.`);
    const pc6 = values[pcCol]!.replace(/\s+/g, '').toUpperCase();
    if (!/^[1-9]\d{3}[A-Z]{2}$/.test(pc6)) throw new RegionsInputError(`${name}, regel ${lineNo}: "${values[pcCol]}" is geen postcode (1234AB).`);
    const gm = gemeenteCode(values[gmCol]!);
    if (!gm) throw new RegionsInputError(`${name}, regel ${lineNo}: "${values[gmCol]}" is geen gemeentecode.`);
    const pv = gebieden.provinceOf.get(gm);
    if (!pv) throw new RegionsInputError(`${name}, regel ${lineNo}: gemeente ${gm} staat niet in het gebiedenbestand. Zijn beide bestanden van ${year}?`);
    const pc4 = Number(pc6.slice(0, 4));
    let p = tally.provinces.get(pc4);
    if (!p) tally.provinces.set(pc4, (p = new Set()));
    p.add(pv);
    let g = tally.gemeenten.get(pc4);
    if (!g) tally.gemeenten.set(pc4, (g = new Set()));
    g.add(gm);
    tally.addresses++;
  });
  if (!header) throw new RegionsInputError(`${name}: het bestand is leeg.`);
  if (tally.addresses === 0) throw new RegionsInputError(`${name}: het bestand heeft geen adressen.`);
  return { ...tally, sourceFile: { role: 'pc6', name, ...meta } };
}

/** Contiguous ranges over 1000-9999: a province where every address of the PC4 lies in it, otherwise null. */
export function rangesOf(provinces: Map<number, Set<ProvinceCode>>): Pc4Range[] {
  const ranges: Pc4Range[] = [];
  for (let pc4 = 1000; pc4 <= 9999; pc4++) {
    const set = provinces.get(pc4);
    const province = set && set.size === 1 ? [...set][0]! : null;
    const last = ranges[ranges.length - 1];
    if (last && last.province === province) last.to = pc4;
    else ranges.push({ from: pc4, to: pc4, province });
  }
  return ranges;
}

export async function deriveRegionTable(opts: { pc6: string; gebieden: string; year: number }): Promise<RegionTable> {
  if (!Number.isInteger(opts.year) || opts.year < 2000 || opts.year > 2100) throw new RegionsInputError(`Ongeldig jaar: ${opts.year}.`);
  for (const f of [opts.pc6, opts.gebieden]) {
    let ok = false;
    try {
      ok = statSync(f).isFile();
    } catch {
      ok = false;
    }
    if (!ok) throw new RegionsInputError(`Bestand niet gevonden: ${f}`);
  }
  const gebieden = await readGebieden(opts.gebieden);
  const tally = await readPc6(opts.pc6, opts.year, gebieden);
  const split = [...tally.provinces].filter(([, s]) => s.size > 1).map(([pc4]) => pc4).sort((a, b) => a - b);
  const addressesOn = /^pc6hnr(\d{4})(\d\d)(\d\d)_gwb\.csv$/i.exec(tally.sourceFile.name);
  return {
    format: 'houvast.pc4-provincie',
    version: 1,
    referenceDate: `${opts.year}-01-01`,
    level: 'provincie',
    source: [
      `CBS, Buurt, wijk en gemeente ${opts.year} voor postcode huisnummer (${tally.sourceFile.name}${addressesOn ? `, adressen van ${addressesOn[3]}-${addressesOn[2]}-${addressesOn[1]}` : ''}): postcode -> gemeente, gemeentegrenzen van 1 januari ${opts.year}.`,
      gebieden.format === 'gebieden-in-nederland'
        ? `CBS, Gebieden in Nederland ${opts.year} (${gebieden.sourceFile.name}): gemeente -> provincie (en landsdeel, gecontroleerd tegen de woordenlijst).`
        : `CBS, Gemeentelijke indeling op 1 januari ${opts.year} (${gebieden.sourceFile.name}): gemeente -> provincie.`,
      'Afgeleid met scripts/gen-regions.ts (npm run gen:regions).',
    ],
    rule: 'Een postcodegebied (PC4) waarvan de adressen in meer dan een provincie liggen, of dat geen adressen heeft in het CBS-bestand, heeft provincie null: in het rapport \'Provincie onbekend\' (n.n.b.), nooit een mogelijk verkeerde provincie.',
    sourceFiles: [tally.sourceFile, gebieden.sourceFile],
    derivation: {
      generatedBy: 'scripts/gen-regions.ts',
      gebiedenFormat: gebieden.format,
      addresses: tally.addresses,
      pc4WithAddresses: tally.provinces.size,
      pc4SplitOverProvinces: split,
      pc4SplitOverGemeenten: [...tally.gemeenten.values()].filter((s) => s.size > 1).length,
    },
    ranges: rangesOf(tally.provinces),
  };
}

/** The JSON as committed (two-space indent, one range per line block, as before). */
export function regionTableJson(table: RegionTable): string {
  return `${JSON.stringify(table, null, 2)}\n`;
}

/** The mirror in src/shared (pure: no file reads there), with the same ranges and reference date. */
export function regionTableMirror(table: RegionTable, jsonPath: string): string {
  const lines = table.ranges.map((r) => `  [${r.from}, ${r.to}, ${r.province === null ? 'null' : `"${r.province}"`}],`);
  return `// PC4 -> province, a dated table (issue 9, SYSTEEMFOUTEN.md: region at province level or coarser, never PC4
// or gemeente). Mirror of ${jsonPath} (source files, reference date and rule are there; a unit test keeps the two
// equal). Generated by scripts/gen-regions.ts from CBS's files: do not edit by hand. A PC4 whose addresses lie in
// more than one province, or that has no addresses in the CBS file, maps to null: "Provincie onbekend" (n.n.b.).
import type { ProvinceCode } from './vocabulary';

export const PC4_TABLE_REFERENCE_DATE = '${table.referenceDate}';

/** [first PC4, last PC4, province or null], contiguous from 1000 to 9999. */
export const PC4_PROVINCE_RANGES: readonly (readonly [number, number, ProvinceCode | null])[] = [
${lines.join('\n')}
];
`;
}
