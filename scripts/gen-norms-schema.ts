// Generates resources/schema/norms.schema.json from the zod schema (run: npx tsx scripts/gen-norms-schema.ts).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { normsJsonSchemaText } from '../src/shared/budget/norm-json-schema';

const target = fileURLToPath(new URL('../resources/schema/norms.schema.json', import.meta.url));
writeFileSync(target, normsJsonSchemaText());
console.log(`geschreven: ${target}`);
