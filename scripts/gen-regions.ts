// npm run gen:regions -- --pc6 <pc6hnr<jaar>0801_gwb.csv> --gebieden <Gebieden in Nederland <jaar>.csv> --year <jaar>
// Writes resources/regions/pc4-provincie-<jaar>.json and its mirror src/shared/signals/pc4-provinces.ts from CBS's
// files (formats and rules: scripts/regions/cbs-regions.ts; how and when: docs/systeemfouten.md, "The region table").
// --out-json / --out-ts write elsewhere (a dry run to compare before replacing the shipped table).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { deriveRegionTable, regionTableJson, regionTableMirror, RegionsInputError } from './regions/cbs-regions';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export const GEN_REGIONS_USAGE =
  'Gebruik: npm run gen:regions -- --pc6 <pc6hnr20260801_gwb.csv> --gebieden <gebieden-in-nederland-2026.csv> --year 2026 [--out-json <bestand>] [--out-ts <bestand>]';

export async function genRegions(argv: string[], log: (line: string) => void = console.log): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { pc6: { type: 'string' }, gebieden: { type: 'string' }, year: { type: 'string' }, 'out-json': { type: 'string' }, 'out-ts': { type: 'string' } },
    strict: true,
  });
  if (!values.pc6 || !values.gebieden || !values.year || !/^\d{4}$/.test(values.year)) throw new RegionsInputError(GEN_REGIONS_USAGE);
  const year = Number(values.year);
  const table = await deriveRegionTable({ pc6: values.pc6, gebieden: values.gebieden, year });
  const jsonPath = values['out-json'] ?? path.join(ROOT, 'resources', 'regions', `pc4-provincie-${year}.json`);
  const tsPath = values['out-ts'] ?? path.join(ROOT, 'src', 'shared', 'signals', 'pc4-provinces.ts');
  writeFileSync(jsonPath, regionTableJson(table));
  writeFileSync(tsPath, regionTableMirror(table, `resources/regions/pc4-provincie-${year}.json`));
  const d = table.derivation;
  log(`${d.addresses} adressen, ${d.pc4WithAddresses} postcodegebieden (PC4); ${d.pc4SplitOverProvinces.length} over twee of meer provincies (onbekend), ${d.pc4SplitOverGemeenten} over twee of meer gemeenten.`);
  log(`${table.ranges.length} reeksen. Geschreven: ${jsonPath} en ${tsPath}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  genRegions(process.argv.slice(2)).catch((err: unknown) => {
    console.error(err instanceof RegionsInputError || (err instanceof Error && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS')) ? err.message : err);
    process.exit(1);
  });
}
