// JSON Schema text of the norm file format, generated from the zod schema (refinements such as date checks
// and period overlap are enforced by validateNormData only). Fields the format does not have are refused.
import { z } from 'zod';
import { closeObjects } from '../closed-json-schema';
import { normFileSchema } from './norm-schema';

export function normsJsonSchemaText(): string {
  const schema = z.toJSONSchema(normFileSchema, { io: 'input', target: 'draft-2020-12' });
  closeObjects(schema);
  return `${JSON.stringify({ ...schema, $id: 'https://houvast.local/schema/norms.schema.json', title: 'Houvast normtabel' }, null, 2)}\n`;
}
