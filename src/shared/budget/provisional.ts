// Provisional norms (issue 7): after the last known period of a table the engine goes on with its figures
// for at most six months, and every figure that rests on a norm carries the mark "voorlopig: de normen per
// <datum> zijn nog niet gepubliceerd" (screen, PDF, CLI and JSON all show it).
import { formatNlDate } from '../dates';
import type { BudgetResult } from './engine';
import type { Figure } from './explain';
import { NORM_GROUP_LABELS, type NormGroup } from './norm-schema';
import { provisionalMessage, type NormTableRef } from './norms';

export interface ProvisionalInfo {
  /** First day whose norms are not published (the earliest over the groups used). */
  from: string;
  /** Groups computed with provisional figures. */
  groups: NormGroup[];
  /** "voorlopig: de normen per 01-01-2027 zijn nog niet gepubliceerd". */
  message: string;
}

/**
 * `fromOf` gives a reference's provisional start: its own by default; the projection passes that of another month
 * with the same periods (projection.ts), instead of copying every reference to set it.
 */
export function provisionalOf(refs: readonly NormTableRef[], fromOf: (r: NormTableRef) => string | null = (r) => r.provisionalFrom): ProvisionalInfo | null {
  let from: string | null = null;
  const groups: NormGroup[] = [];
  for (const r of refs) {
    const f = fromOf(r);
    if (f === null) continue;
    // The earliest start; the groups in the order of their first provisional reference.
    if (from === null || f < from) from = f;
    if (!groups.includes(r.group)) groups.push(r.group);
  }
  return from === null ? null : { from, groups, message: provisionalMessage(from) };
}

/** Every figure of a result that rests on a norm table (directly or through another norm figure). */
export function normBasedFigures(r: Omit<BudgetResult, 'provisional'>): Figure[] {
  return [
    r.bijstandsnorm,
    r.bijstandsnormExclVakantietoeslag,
    r.beslagvrijeVoet,
    ...(r.beslagvrijeVoet.lowerBound ? [r.beslagvrijeVoet.lowerBound] : []),
    ...(r.beslagvrijeVoet.upperBound ? [r.beslagvrijeVoet.upperBound] : []),
    ...r.vtlb.lines.map((l) => l.figure),
    r.vtlb.total,
    r.afloscapaciteit,
    r.children.kinderbijslagExpected,
    ...r.children.perChild.map((c) => c.kinderbijslagPerMonth),
    r.children.kgbExpected,
    r.budget.gapToNorm,
    ...r.entitlements.checks.flatMap((c) => [c.expected, c.difference]),
  ];
}

/**
 * Marks the result and its norm-based figures as provisional when a table period was used past its end. Sets
 * `r.provisional` in place (the engine builds the result with `provisional: null` as its last key): no copy of the
 * whole result per run.
 */
export function applyProvisional(r: BudgetResult): BudgetResult {
  const info = provisionalOf(r.normPeriods);
  if (info !== null) {
    for (const f of normBasedFigures(r)) f.provisional = info.message;
    const groups = info.groups.map((g) => NORM_GROUP_LABELS[g].toLowerCase()).join(', ');
    r.warnings.unshift({
      code: 'VOORLOPIGE_NORMEN',
      message:
        `Voorlopig: de normen per ${formatNlDate(info.from)} zijn nog niet gepubliceerd. ` +
        `Er is gerekend met de laatst bekende normen (${groups}); controleer de bedragen zodra de nieuwe normen bekend zijn.`,
    });
  }
  r.provisional = info;
  return r;
}
