// Generates resources/schema/dossier.schema.json from the zod interchange schema, so the published
// JSON Schema can never drift from what the app validates. Run: npm run gen:schema
// (a unit test fails when the committed file differs from a fresh generation).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { bsn, iban, isoDate, nonNegativeAmount, postcode } from '../src/shared/dossier/schema';
import { closeObjects } from '../src/shared/closed-json-schema';
import { fullInterchangeSchema } from '../src/shared/dossier/interchange-extras';

export const SCHEMA_PATH = fileURLToPath(new URL('../resources/schema/dossier.schema.json', import.meta.url));

// Checks that zod does with refinements are invisible to toJSONSchema. Where a plain JSON Schema keyword can
// express the same rule (or a looser version of it), add it, so other tools reject the obvious mistakes too.
const EXTRA = new Map<unknown, Record<string, unknown>>([
  [isoDate, { format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'Kalenderdatum JJJJ-MM-DD.' }],
  [nonNegativeAmount, { pattern: '^\\d{1,12}(\\.\\d{1,2})?$', description: 'Bedrag in euro als tekst, punt als decimaalteken, hoogstens twee decimalen: "1234.56".' }],
  [bsn, { pattern: '^[0-9 .-]{8,12}$', description: 'BSN, 9 cijfers (8 cijfers krijgen een voorloopnul); moet voldoen aan de elfproef.' }],
  [iban, { pattern: '^[A-Za-z]{2}[0-9]{2}[A-Za-z0-9 ]{10,40}$', description: 'IBAN; spaties en kleine letters zijn toegestaan; moet voldoen aan de mod-97-controle.' }],
  [postcode, { pattern: '^\\s*[1-9][0-9]{3} ?(?![sS][aAdDsS])[A-Za-z]{2}\\s*$', description: 'Nederlandse postcode zoals "1234 AB".' }],
]);

/** The JSON Schema text exactly as committed (stable key order from zod, 2-space indent, trailing newline). */
export function generateDossierSchema(): string {
  // io 'input': describe what a file may contain (defaults make fields optional), not what parsing yields.
  // unrepresentable 'any': refinements (elfproef, mod-97) cannot be expressed; zod still enforces them on import.
  const generated = z.toJSONSchema(fullInterchangeSchema, {
    io: 'input',
    unrepresentable: 'any',
    override: (ctx) => {
      const extra = EXTRA.get(ctx.zodSchema);
      if (extra) Object.assign(ctx.jsonSchema, extra);
    },
  }) as Record<string, unknown>;
  closeObjects(generated);
  const schema = {
    $schema: generated.$schema,
    $id: 'https://houvast.invalid/schema/dossier.schema.json',
    title: 'Houvast dossier-uitwisselbestand',
    description:
      'Een of meer dossiers (huishoudens) in het uitwisselformaat van Houvast. Bedragen zijn tekenreeksen als "1234.56", ' +
      'datums ISO "JJJJ-MM-DD". Controles die JSON Schema niet kan uitdrukken (elfproef BSN, mod-97 IBAN, postcode, ' +
      'precies één aanvrager) doet Houvast bij het importeren. Velden die hier niet staan, worden geweigerd. Zie docs/interchange.md.',
    ...Object.fromEntries(Object.entries(generated).filter(([k]) => k !== '$schema')),
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(SCHEMA_PATH, generateDossierSchema());
  console.log(`Geschreven: ${SCHEMA_PATH}`);
}
