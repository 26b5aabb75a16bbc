// Payments in a regeling: what was paid per creditor and month, and the progress per creditor and for the
// whole regeling against what was offered (the stored proposal) or, without one, the claim. Every shown
// total is the sum of the shown lines (amounts are stored in cents, so nothing needs rounding).
import type Decimal from 'decimal.js';
import { money, sum, ZERO } from '../money';

export interface Payment {
  id: string;
  debtId: string;
  /** "YYYY-MM": the month of the regeling the payment belongs to. */
  month: string;
  amount: string;
  /** ISO date the money was paid. */
  paidOn: string;
  note: string | null;
  createdAt: number;
}

export interface PaymentTarget {
  debtId: string;
  creditor: string;
  /** What the creditor gets over the whole term (offer), or the claim when no proposal is stored. */
  target: string;
}

export interface CreditorProgress {
  debtId: string;
  creditor: string;
  target: Decimal;
  paid: Decimal;
  /** target − paid, never below 0. */
  remaining: Decimal;
  /** paid / target in percent, 1 decimal half-up, capped display at what was paid (may exceed 100 on overpayment). */
  percent: Decimal;
  months: number;
  lastPaidOn: string | null;
}

export interface RegelingProgress {
  creditors: CreditorProgress[];
  target: Decimal;
  paid: Decimal;
  remaining: Decimal;
  percent: Decimal;
  /** Months with at least one payment, ascending. */
  months: string[];
  /** Per month the total paid (for the month table). */
  perMonth: { month: string; paid: Decimal }[];
}

function percentOf(part: Decimal, whole: Decimal): Decimal {
  return whole.isZero() ? (part.isZero() ? ZERO : money(100)) : part.div(whole).times(100).toDecimalPlaces(1);
}

export function computeProgress(targets: readonly PaymentTarget[], payments: readonly Payment[]): RegelingProgress {
  const creditors = targets.map((t): CreditorProgress => {
    const own = payments.filter((p) => p.debtId === t.debtId);
    const target = money(t.target);
    const paid = sum(own.map((p) => money(p.amount)));
    const remaining = Decimal_max0(target.minus(paid));
    return {
      debtId: t.debtId,
      creditor: t.creditor,
      target,
      paid,
      remaining,
      percent: percentOf(paid, target),
      months: new Set(own.map((p) => p.month)).size,
      lastPaidOn: own.map((p) => p.paidOn).sort().at(-1) ?? null,
    };
  });
  const months = [...new Set(payments.map((p) => p.month))].sort();
  const target = sum(creditors.map((c) => c.target));
  const paid = sum(creditors.map((c) => c.paid));
  const remaining = sum(creditors.map((c) => c.remaining));
  return {
    creditors,
    target,
    paid,
    remaining,
    percent: percentOf(paid, target),
    months,
    perMonth: months.map((m) => ({ month: m, paid: sum(payments.filter((p) => p.month === m).map((p) => money(p.amount))) })),
  };
}

function Decimal_max0(d: Decimal): Decimal {
  return d.isNegative() ? ZERO : d;
}
