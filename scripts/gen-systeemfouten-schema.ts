// Generates resources/schema/systeemfouten-export.schema.json from the hierarchies (npm run gen:schema runs it
// too); a unit test fails when the committed file differs from a fresh generation.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { systeemfoutenJsonSchema } from '../src/shared/systeemfouten/json-schema';

export const SYSTEEMFOUTEN_SCHEMA_PATH = fileURLToPath(new URL('../resources/schema/systeemfouten-export.schema.json', import.meta.url));

export function generateSysteemfoutenSchema(): string {
  return `${JSON.stringify(systeemfoutenJsonSchema(), null, 2)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(SYSTEEMFOUTEN_SCHEMA_PATH, generateSysteemfoutenSchema());
  console.log(`Geschreven: ${SYSTEEMFOUTEN_SCHEMA_PATH}`);
}
