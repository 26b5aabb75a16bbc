// The contract's output schemas as the core runs them: compiled ahead of time by zod (`z.compile`, zod ≥ 4.5),
// which generates a specialised validator per schema with the same results and the same issues (a value the
// generated code refuses is parsed again by zod's runtime, which gives the issues). Every procedure's output is
// still validated in full (issue 10 §1: budget.get's answer has ~1,700 keys; the runtime parser spent most of
// its time dispatching between them, a quarter of the procedure).
//
// Core only: compiling generates code with `new Function`, which the renderer's CSP refuses (zod-jitless.ts).
//
// A schema compiled whole becomes one function, and for an answer as large as the budget's that function is too
// large for V8 to optimise: it ran slower than the runtime parser. So a large object or array is rebuilt around
// compiled parts (its checks kept), each part small enough to be optimised.
import { z } from 'zod';

/** Schema nodes a compiled part may hold; larger containers are split into compiled parts. */
export const COMPILED_PART_LIMIT = 120;

type Def = z.core.$ZodTypeDef & Record<string, unknown>;

const defOf = (s: z.core.$ZodType): Def => s._zod.def as Def;

/** The number of schema nodes the generated code of `schema` would contain (each use of a shared part counts). */
export function schemaWeight(schema: z.core.$ZodType, seen = new Map<z.core.$ZodType, number>()): number {
  const known = seen.get(schema);
  if (known !== undefined) return known;
  seen.set(schema, 1); // a cycle (z.lazy) counts once and is never entered again
  let weight = 1;
  for (const child of childrenOf(schema)) weight += schemaWeight(child, seen);
  seen.set(schema, weight);
  return weight;
}

function childrenOf(schema: z.core.$ZodType): z.core.$ZodType[] {
  const def = defOf(schema);
  switch (def.type) {
    case 'object':
      return Object.values(def['shape'] as Record<string, z.core.$ZodType>);
    case 'array':
      return [def['element'] as z.core.$ZodType];
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
      return [def['innerType'] as z.core.$ZodType];
    case 'union':
      return def['options'] as z.core.$ZodType[];
    case 'record':
      return [def['keyType'] as z.core.$ZodType, def['valueType'] as z.core.$ZodType];
    case 'pipe':
      return [def['in'] as z.core.$ZodType, def['out'] as z.core.$ZodType];
    case 'tuple':
      return def['items'] as z.core.$ZodType[];
    default:
      return [];
  }
}

/**
 * `schema` with zod's compiled fast path: whole when small, else rebuilt around compiled parts (object shape,
 * array element, optional or nullable inner schema). Whatever zod cannot compile keeps its runtime parser.
 */
export function compiledSchema<T extends z.core.$ZodType>(schema: T, limit = COMPILED_PART_LIMIT): T {
  // A part used in many places (a figure: ~60 in a budget answer) is compiled once and shared, so its one
  // function runs often enough to be optimised early, instead of sixty copies each running once per answer.
  let compiled = COMPILED.get(limit);
  if (!compiled) COMPILED.set(limit, (compiled = new WeakMap()));
  const known = compiled.get(schema);
  if (known) return known as T;
  const made = compileParts(schema, limit);
  compiled.set(schema, made);
  return made;
}

/** Compiled schemas by part limit and source schema (schemas are module constants: this holds no data). */
const COMPILED = new Map<number, WeakMap<z.core.$ZodType, z.core.$ZodType>>();

function compileParts<T extends z.core.$ZodType>(schema: T, limit: number): T {
  if (schemaWeight(schema) <= limit) return z.compile(schema);
  const def = defOf(schema);
  const rebuilt = (changes: Record<string, unknown>): T => z.core.clone(schema, z.core.util.mergeDefs(def, changes) as z.core.$ZodTypeDef) as T;
  switch (def.type) {
    case 'object': {
      const shape = def['shape'] as Record<string, z.core.$ZodType>;
      return rebuilt({ shape: Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, compiledSchema(v, limit)])) });
    }
    case 'array':
      return rebuilt({ element: compiledSchema(def['element'] as z.core.$ZodType, limit) });
    case 'optional':
    case 'nullable':
      return rebuilt({ innerType: compiledSchema(def['innerType'] as z.core.$ZodType, limit) });
    default:
      return z.compile(schema);
  }
}
