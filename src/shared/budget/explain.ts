// Every figure the engine produces carries its derivation: the rule (Dutch), the named inputs and the norm
// table periods it used, so a professional can show a creditor or a judge how it was reached.
import type Decimal from 'decimal.js';
import type { NormTableRef } from './norms';
import { Memo } from '../memo';
import { centsText } from '../money';

export type InputValue = string | number | boolean | null;

export interface Explanation {
  /** The rule in Dutch, including where it rounds. */
  rule: string;
  /** Named input values; amounts as decimal strings (see fmt). */
  inputs: Record<string, InputValue>;
  /** Norm table periods used (group, period, sources, status, origin, figures). Empty when no table was used. */
  tables: NormTableRef[];
}

export interface Figure {
  /** Dutch label for display. */
  label: string;
  /** null = cannot be computed; the result's warnings say why. */
  value: Decimal | null;
  explanation: Explanation;
  /** Set when the figure rests on a norm used past its period (issue 7): "voorlopig: de normen per … ". */
  provisional?: string | null;
}

export interface BudgetWarning {
  code: string;
  message: string;
  /** Name of the figure the warning is about (key in the JSON output), if any. */
  figure?: string;
}

// Figures only (issue 10 §1): the projection's later months and budget.batch read figures, never the Dutch
// explanation, so they run the engine with `figuresOnly`. The engine is synchronous, so the switch holds exactly
// for that one call. Only what an explanation shows is left out (its rule text and named inputs); the figures,
// warnings and the norm tables each figure used are computed as always (a test compares both modes).
let explaining = true;

/** Run `compute` (a synchronous engine call) without building explanation texts and inputs. */
export function figuresOnly<T>(compute: () => T): T {
  const was = explaining;
  explaining = false;
  try {
    return compute();
  } finally {
    explaining = was;
  }
}

/** Whether explanations are being built (false inside figuresOnly): lets a caller skip costly explanation inputs. */
export function explains(): boolean {
  return explaining;
}

/** Amount for an explanation: two decimals when exact to the cent, otherwise up to 6 decimals (marked ≈). */
export function fmt(value: Decimal | null | undefined): string | null {
  if (value === null || value === undefined || !explaining) return null;
  return amountText(value);
}

function amountText(value: Decimal): string {
  return centsText(value) ?? (value.decimalPlaces() <= 2 ? value.toFixed(2) : `≈${value.toDecimalPlaces(6).toString()}`);
}

/**
 * fmt for a norm figure or a value worked out from norm figures alone (NormUse.figure, fromNorm): one shared Decimal
 * per figure, so its text is remembered instead of printed again for every household. Norm data only; bounded and
 * forgotten on lock (memo.ts).
 */
export function fmtNorm(value: Decimal | null | undefined): string | null {
  if (value === null || value === undefined || !explaining) return null;
  let text = NORM_TEXTS.get(value);
  if (text === undefined) NORM_TEXTS.set(value, (text = amountText(value)));
  return text;
}

const NORM_TEXTS = new Memo<Decimal, string>('norms.text', 2_000);

/**
 * The named inputs of every explanation in figures-only mode: none. One shared object, frozen so that nothing can
 * add to it; callers pass it instead of building inputs that figure() would drop (`explains() ? {…} : NO_INPUTS`).
 */
export const NO_INPUTS: Record<string, InputValue> = Object.freeze({});

/**
 * Named inputs keyed by a household's own lines ("3. Huur (€ 712,00 per maand)"), or many gathered from several
 * places, as one object in V8's dictionary mode. V8 gives every new sequence of property names its own hidden class,
 * about 1 µs a name no object had before (and every household's line names are new), and spreads of long objects
 * into one another take its slow path; a dictionary only hashes the names. The same prototype and the same order of
 * names (a repeated name keeps its place and takes the later value, as in a spread), so nothing else can tell.
 */
export function lineInputs(entries: readonly (readonly [string, InputValue])[]): Record<string, InputValue> {
  // No names, nothing to hash: a plain empty object is all the same to every reader.
  if (entries.length === 0) return {};
  const inputs: Record<string, InputValue> = { dictionary: null, mode: null };
  // Deleting a property other than the last one turns the object into a dictionary (V8; elsewhere merely empty).
  delete inputs['dictionary'];
  delete inputs['mode'];
  // An indexed loop: no iterator for the list nor for each pair.
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    inputs[entry[0]] = entry[1];
  }
  return inputs;
}

/**
 * Named inputs gathered from several objects whose names are fixed in code (norm labels, not a household's lines),
 * stored one by one into a plain object: runs with the same names share V8's hidden classes, which costs less than
 * lineInputs' dictionary (that one suits names new to every household). The same names, order and values as a spread
 * of the parts (a repeated name keeps its place and takes the later value).
 */
export function fixedInputs(...parts: readonly Record<string, InputValue>[]): Record<string, InputValue> {
  const inputs: Record<string, InputValue> = {};
  for (const part of parts) for (const name of Object.keys(part)) inputs[name] = part[name]!;
  return inputs;
}

export function figure(label: string, value: Decimal | null, rule: string, inputs: Record<string, InputValue> = NO_INPUTS, tables: NormTableRef[] = []): Figure {
  if (!explaining) return { label, value, explanation: { rule: '', inputs: NO_INPUTS, tables } };
  return { label, value, explanation: { rule, inputs, tables } };
}
