// The machine-readable proposal (`houvast arrangement --json`, docs/arrangement-json.md): the same figures
// as the app's Schuldregeling tab (both come from computeProposal), money as strings with two decimals.
import type Decimal from 'decimal.js';
import type { Figure } from '../budget/explain';
import { toAmountString } from '../money';
import type { ProposalResult } from './types';

export const ARRANGEMENT_JSON_FORMAT = 'houvast.arrangement' as const;
export const ARRANGEMENT_JSON_VERSION = 1 as const;

export interface ArrangementJsonFigure {
  label: string;
  value: string | null;
  rule: string;
  inputs: Record<string, string | number | boolean | null>;
}

export interface ArrangementJson {
  format: typeof ARRANGEMENT_JSON_FORMAT;
  version: typeof ARRANGEMENT_JSON_VERSION;
  referenceDate: string;
  status: ProposalResult['status'];
  variant: ProposalResult['variant'];
  startDate: string;
  pot: string | null;
  months: number;
  factor: string;
  afloscapaciteit: string | null;
  percentages: { concurrent: string | null; preferent: string | null };
  creditors: {
    creditor: string;
    reference: string | null;
    kind: 'preferent' | 'concurrent';
    creditorKind: string;
    claim: string;
    percentage: string;
    amount: string;
  }[];
  excluded: { creditor: string; reference: string | null; creditorKind: string; claim: string; reason: string }[];
  totals: { claims: string | null; amounts: string | null; surplus: string | null };
  nulAanbodText: string | null;
  explanation: {
    pot: ArrangementJsonFigure;
    afloscapaciteit: ArrangementJsonFigure;
    vakantiegeld: ArrangementJsonFigure;
    concurrentPercentage: ArrangementJsonFigure;
    preferentPercentage: ArrangementJsonFigure;
    centRule: string;
    source: string;
  };
  missing: { figure: string; message: string }[];
  warnings: { code: string; message: string }[];
}

const money = (d: Decimal | null): string | null => (d === null ? null : toAmountString(d));

function fig(f: Figure): ArrangementJsonFigure {
  return { label: f.label, value: money(f.value), rule: f.explanation.rule, inputs: { ...f.explanation.inputs } };
}

export function toArrangementJson(r: ProposalResult, referenceDate: string): ArrangementJson {
  return {
    format: ARRANGEMENT_JSON_FORMAT,
    version: ARRANGEMENT_JSON_VERSION,
    referenceDate,
    status: r.status,
    variant: r.variant,
    startDate: r.startDate,
    pot: money(r.pot.value),
    months: r.months,
    factor: r.factor.toFixed(),
    afloscapaciteit: money(r.monthlyCapacity.value),
    percentages: { concurrent: money(r.percentages.concurrent.value), preferent: money(r.percentages.preferent.value) },
    creditors: r.creditors.map((c) => ({
      creditor: c.creditor,
      reference: c.reference,
      kind: c.kind,
      creditorKind: c.creditorKind,
      claim: toAmountString(c.claim),
      percentage: toAmountString(c.percentage),
      amount: toAmountString(c.amount.value),
    })),
    excluded: r.excluded.map((e) => ({ creditor: e.creditor, reference: e.reference, creditorKind: e.creditorKind, claim: toAmountString(e.claim), reason: e.reason })),
    totals: { claims: money(r.totals.claims.value), amounts: money(r.totals.amounts.value), surplus: money(r.totals.surplus.value) },
    nulAanbodText: r.nulAanbodText,
    explanation: {
      pot: fig(r.pot),
      afloscapaciteit: fig(r.monthlyCapacity),
      vakantiegeld: fig(r.holidayPay),
      concurrentPercentage: fig(r.percentages.concurrent),
      preferentPercentage: fig(r.percentages.preferent),
      centRule: r.centRule,
      source: r.source,
    },
    missing: r.missing.map((m) => ({ ...m })),
    warnings: [...r.missing.map((m) => ({ code: 'ONTBREEKT', message: m.message })), ...r.warnings.map((w) => ({ code: w.code, message: w.message }))],
  };
}
