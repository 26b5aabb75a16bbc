// The payload's JSON Schema: generated from the hierarchies (committed file = fresh generation), strict
// (additionalProperties false everywhere, enums for every code), and it accepts exactly what the exporter signs.
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { SYSTEEMFOUTEN_SCHEMA_PATH, generateSysteemfoutenSchema } from '../../../scripts/gen-systeemfouten-schema';
import { canonicalJson } from '../../../src/core/systeemfouten/dsse';
import { buildExport, toPayload } from '../../../src/shared/systeemfouten/export';
import { rng, syntheticEvents, Q1_META } from '../../support/systeemfouten';

const META = Q1_META;

const schema = JSON.parse(readFileSync(SYSTEEMFOUTEN_SCHEMA_PATH, 'utf8'));
const validate = new Ajv2020({ strict: true, allErrors: true }).compile(schema);

function payload(seed: number) {
  const { events, households } = syntheticEvents(3000, 1200, rng(seed));
  const r = buildExport(events, households);
  if (!r.ok) throw new Error('refused');
  return JSON.parse(canonicalJson(toPayload(r, META)));
}

describe('systeemfouten-export.schema.json', () => {
  it('is exactly what scripts/gen-systeemfouten-schema.ts generates (npm run gen:schema)', () => {
    expect(readFileSync(SYSTEEMFOUTEN_SCHEMA_PATH, 'utf8')).toBe(generateSysteemfoutenSchema());
  });

  it('sets additionalProperties false on every object and uses no free string for a code', () => {
    const walk = (node: unknown, where: string): void => {
      if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${where}[${i}]`));
      if (!node || typeof node !== 'object') return;
      const o = node as Record<string, unknown>;
      if (o.type === 'object') expect(o.additionalProperties, where).toBe(false);
      // Strings are enums or constants, except the export id, period value, version and date (patterned).
      if (o.type === 'string') expect(typeof o.pattern, where).toBe('string');
      for (const [k, v] of Object.entries(o)) walk(v, `${where}.${k}`);
    };
    walk(schema, '$');
  });

  it('accepts real exports and refuses an extra field, free text, a count below k', () => {
    for (const seed of [1, 2, 3]) expect(validate(payload(seed)), JSON.stringify(validate.errors?.slice(0, 2))).toBe(true);
    const p1 = payload(1);
    p1.note = 'vrije tekst';
    expect(validate(p1)).toBe(false);
    const p2 = payload(1);
    p2.tables[1].cells[0].key[1] = 'Incassobureau Jansen';
    expect(validate(p2)).toBe(false);
    const p3 = payload(1);
    p3.tables[0].cells[0].households = 9;
    expect(validate(p3)).toBe(false);
    const p4 = payload(1);
    p4.tables[0].cells[0].postcode = '3511AB';
    expect(validate(p4)).toBe(false);
  });
});
