// Explanations on demand (issue 10 §1). Building, serialising and validating every figure's explanation was about
// a third of budget.get, and the budget screen shows one only when the user opens its "Toelichting". So the screen
// asks budget.get for figures only (`explanations: false`): the same answer without any `explanation` and without
// the figures' unrounded values (`exact`, part of a derivation: the screen shows the amounts), marked
// `explained: false`, and fetches the full answer when a Toelichting is first opened. Where an answer can hold an
// explanation is derived from its schema (as usePlanOf does for norm table references), so a figure added anywhere
// is covered by the check, the stripping and the placeholder alike.
import { z } from 'zod';
import { canonicalJson } from '../canonical-json';

/**
 * What a figure of a figures-only answer carries on the screen instead of its explanation: "asked for when the
 * Toelichting is opened". One shared object, frozen, so the row builders can pass it on and nothing can fill it in.
 */
export interface ExplanationOnDemand {
  readonly onDemand: true;
}
export const EXPLANATION_ON_DEMAND: ExplanationOnDemand = Object.freeze({ onDemand: true as const });

export function isExplanationOnDemand(e: unknown): e is ExplanationOnDemand {
  return e === EXPLANATION_ON_DEMAND;
}

/** The placeholder in a schema (the screens' types): only the shared object itself passes. */
export const explanationOnDemandOut = z.custom<ExplanationOnDemand>(isExplanationOnDemand, { message: 'explanation on demand: the shared placeholder only' });

/**
 * Where a schema can hold an object with an `explanation` (a figure, the household): `here` marks such an object,
 * `exact` one that also holds the engine's unrounded value (a figure), which belongs to its derivation as well.
 */
export type ExplanationPlan = { here: boolean; exact: boolean; keys: [string, ExplanationPlan][] } | { element: ExplanationPlan };

export function explanationPlanOf(schema: z.ZodType): ExplanationPlan | null {
  if (schema instanceof z.ZodNullable || schema instanceof z.ZodOptional) return explanationPlanOf(schema.unwrap() as z.ZodType);
  if (schema instanceof z.ZodArray) {
    const element = explanationPlanOf(schema.element as z.ZodType);
    return element && { element };
  }
  if (schema instanceof z.ZodObject) {
    const shape = schema.shape as Record<string, z.ZodType>;
    const keys: [string, ExplanationPlan][] = [];
    for (const [k, v] of Object.entries(shape)) {
      // An explanation holds no figures of its own.
      if (k === 'explanation') continue;
      const plan = explanationPlanOf(v);
      if (plan) keys.push([k, plan]);
    }
    const here = Object.hasOwn(shape, 'explanation');
    return here || keys.length > 0 ? { here, exact: here && Object.hasOwn(shape, 'exact'), keys } : null;
  }
  return null;
}

/**
 * Calls `visit` with every object at a place of `plan` that can hold an explanation (present or not); `exact`: it can
 * hold the unrounded value too.
 */
export function visitExplained(
  node: unknown,
  plan: ExplanationPlan,
  path: (string | number)[],
  visit: (holder: Record<string, unknown>, path: (string | number)[], exact: boolean) => void,
): void {
  if (typeof node !== 'object' || node === null) return;
  if ('element' in plan) {
    const list = node as unknown[];
    for (let i = 0; i < list.length; i++) {
      path.push(i);
      visitExplained(list[i], plan.element, path, visit);
      path.pop();
    }
    return;
  }
  if (plan.here) visit(node as Record<string, unknown>, path, plan.exact);
  for (const [k, p] of plan.keys) {
    path.push(k);
    visitExplained((node as Record<string, unknown>)[k], p, path, visit);
    path.pop();
  }
}

/**
 * The check of a budget answer (`plan`: explanationPlanOf its schema): an answer marked `explained: false` holds no
 * explanation and no figure's unrounded value (`exact`), any other answer holds every one. The wire schema lets both
 * be absent for figures-only answers; this keeps a full answer from losing one unnoticed.
 */
export function checkExplained(payload: z.core.ParsePayload<{ explained?: false | undefined }>, plan: ExplanationPlan): void {
  const answer = payload.value;
  const explained = answer.explained !== false;
  const issue = (path: (string | number)[], field: string) =>
    payload.issues.push({
      code: 'custom',
      message: explained ? `${field} missing from an answer with explanations` : `${field} in an answer without explanations (explained: false)`,
      path: [...path, field],
      input: answer,
    });
  visitExplained(answer, plan, [], (holder, path, exact) => {
    if ((holder['explanation'] !== undefined) !== explained) issue(path, 'explanation');
    if (exact && (holder['exact'] !== undefined) !== explained) issue(path, 'exact');
  });
}

/**
 * A copy of `value` with every explanation at a place of `plan` left out, and every figure's unrounded value (a full
 * answer as figures-only would be).
 */
export function withoutExplanations<T>(value: T, plan: ExplanationPlan): T {
  // Answers are JSON (they cross the transport as JSON), so a JSON copy is exact.
  const copy = JSON.parse(JSON.stringify(value)) as T;
  visitExplained(copy, plan, [], (holder, _path, exact) => {
    delete holder['explanation'];
    if (exact) delete holder['exact'];
  });
  return copy;
}

/** Puts the placeholder where `value` (a copy the caller owns) has no explanation at a place of `plan`. */
export function fillExplanationsOnDemand(value: unknown, plan: ExplanationPlan): void {
  visitExplained(value, plan, [], (holder) => {
    if (holder['explanation'] === undefined) holder['explanation'] = EXPLANATION_ON_DEMAND;
  });
}

/** Deep equality of two JSON values, whatever the order of their keys (a key holding undefined counts as absent). */
export function sameJson(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}
