// The JSON Schema (draft 2020-12) of the signed payload: enums for every code, additionalProperties: false
// everywhere, counts 0 or >= k. Generated from the hierarchies (resources/schema/systeemfouten-export.schema.json,
// written by `npm run gen:schema`); the schema itself is a guard other tools can run.
import { HIERARCHIES, HIERARCHY_VERSION, NNB, TABLES, type Dimension } from './hierarchy';
import { MIN_K, PAYLOAD_SCHEMA, PAYLOAD_SCHEMA_VERSION, PERIOD_TYPES, REPORTER_ROLES } from './export';
import { MECHANISM_GROUPS } from '../signals/vocabulary';

function codesOf(d: Dimension): string[] {
  const all = new Set<string>();
  for (const level of HIERARCHIES[d].levels) for (const v of Object.values(level)) all.add(v);
  all.add(NNB);
  if (d === 'category') for (const g of MECHANISM_GROUPS) all.add(`${g.code}.nnb`);
  return [...all];
}

const count = { anyOf: [{ const: 0 }, { type: 'integer', minimum: MIN_K, maximum: 10_000_000 }] };

export function systeemfoutenJsonSchema(): Record<string, unknown> {
  const levels = Object.fromEntries(
    (Object.keys(HIERARCHIES) as Dimension[]).map((d) => [d, { enum: HIERARCHIES[d].levels.map((_, i) => `L${i}`) }]),
  );
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://houvast.invalid/schema/systeemfouten-export.schema.json',
    title: 'Systeemfouten-rapport (ondertekende inhoud)',
    description:
      'Geanonimiseerde teltabellen van verschillende huishoudens per periode. Elke telling is 0 of minstens k; alle waarden zijn codes. ' +
      'Zie docs/systeemfouten.md. Regels die JSON Schema niet kan uitdrukken (één niveau per dimensie, groepsonthulling in T6, ' +
      'de bounds-audit) controleert de onafhankelijke verificateur.',
    type: 'object',
    additionalProperties: false,
    required: ['schema', 'schemaVersion', 'hierarchyVersion', 'exportId', 'supersedes', 'period', 'reporterRole', 'privacy', 'tables', 'software', 'createdOn'],
    properties: {
      schema: { const: PAYLOAD_SCHEMA },
      schemaVersion: { const: PAYLOAD_SCHEMA_VERSION },
      hierarchyVersion: { const: HIERARCHY_VERSION },
      exportId: { type: 'string', pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$' },
      supersedes: { anyOf: [{ type: 'null' }, { type: 'string', pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$' }] },
      period: {
        type: 'object',
        additionalProperties: false,
        required: ['type', 'value'],
        properties: { type: { enum: [...PERIOD_TYPES] }, value: { type: 'string', pattern: '^20\\d\\d(-Q[1-4]|-H[12])?$' } },
      },
      reporterRole: { enum: [...REPORTER_ROLES] },
      privacy: {
        type: 'object',
        additionalProperties: false,
        required: ['unit', 'k', 'rule', 'levels', 'recodedHouseholds', 'unallocatedHouseholds'],
        properties: {
          unit: { const: 'household' },
          k: { type: 'integer', minimum: MIN_K, maximum: 1000 },
          rule: { const: '0-or->=k, global recoding, no blanks' },
          levels: { type: 'object', additionalProperties: false, required: Object.keys(levels), properties: levels },
          recodedHouseholds: { type: 'integer', minimum: 0 },
          unallocatedHouseholds: { type: 'integer', minimum: 0 },
        },
      },
      tables: {
        type: 'array',
        minItems: TABLES.length,
        maxItems: TABLES.length,
        prefixItems: TABLES.map((t) => {
          const dims = t.dims as readonly Dimension[];
          const key = { type: 'array', minItems: dims.length, maxItems: dims.length, prefixItems: dims.map((d) => ({ enum: codesOf(d) })), items: false };
          const cells = {
            type: 'array',
            items: { type: 'object', additionalProperties: false, required: ['key', 'households', 'events'], properties: { key, households: count, events: { type: 'integer', minimum: 0 } } },
          };
          const properties: Record<string, unknown> = { id: { const: t.id }, dims: { const: [...dims] }, cells };
          if (t.id === 'T6') {
            properties.rows = {
              type: 'array',
              items: {
                type: 'object',
                additionalProperties: false,
                required: ['key', 'households'],
                properties: { key: { type: 'array', minItems: 1, maxItems: 1, prefixItems: [{ enum: codesOf('category') }], items: false }, households: count },
              },
            };
          }
          return { type: 'object', additionalProperties: false, required: Object.keys(properties), properties };
        }),
        items: false,
      },
      software: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'version'],
        properties: { name: { const: 'houvast' }, version: { type: 'string', pattern: '^\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}$' } },
      },
      createdOn: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
    },
  };
}
