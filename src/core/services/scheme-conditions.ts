// Tracked zorgpremie scheme conditions (issue 8 §3). At selection the scheme engine marks a family
// "voldoet niet" (src/shared/arrangement/scheme-conditions.ts); the batch takes such a family only with a
// reason, which is kept here. During the term the recorded payments on the creditor board and the debts at
// the creditor decide whether a condition was broken. Kept apart from schemes.ts / scheme-batch.ts (their
// data loading is tuned elsewhere): this module reads only the one dossier it is asked about.
import { debtMatchesScheme, schemeTermCheck, debtPremiumStage, worstPremiumStage, type ParticipantStatus, type Scheme } from '../../shared/arrangement';
import { AppError } from '../../shared/contract/errors';
import { serializeTermCheck, type SchemeConditionsOut } from '../../shared/contract/scheme-conditions';
import type { SchemeFamilyOut } from '../../shared/contract/arrangements';
import { isoDateOf } from '../../shared/dates';
import { fromCents } from '../../shared/money';
import type { Db } from '../db/driver';
import type { AuditService } from './audit';
import type { ServiceContext } from './context';
import type { DossierService } from './dossiers';

export interface SchemeConditionsService {
  forDossier(dossierId: string, date?: string): Promise<SchemeConditionsOut[]>;
}


/**
 * The batch's rule: every chosen family that does not meet the scheme's conditions needs a reason. Refuses the
 * whole batch in Dutch (nothing is made) when one lacks it. Stores nothing: the reasons are recorded with the
 * letters (recordOverrides), so a batch that is refused or cancelled leaves them as they were.
 */
export function checkOverrides(families: readonly SchemeFamilyOut[], overrides: readonly { dossierId: string; reason: string }[]): void {
  const reasonOf = reasonsOf(overrides);
  // A reason recorded earlier (a batch or the dossier file) still holds; a new one replaces it.
  const lacking = families.filter((f) => !f.eligibility.meets && !reasonOf.get(f.dossierId) && !f.override);
  if (lacking.length > 0) {
    const n = lacking.length;
    throw new AppError(
      'VALIDATION',
      `${n === 1 ? 'Eén gekozen gezin voldoet' : `${n} gekozen gezinnen voldoen`} niet aan de voorwaarden van de regeling. Er is niets gemaakt: laat ${n === 1 ? 'het' : 'ze'} weg of geef per gezin een reden om ${n === 1 ? 'het' : 'ze'} toch op te nemen.`,
      lacking.map((f) => ({ path: `overrides.${f.dossierId}`, message: `${f.displayName} (${f.dossierNumber}): ${f.eligibility.reasons.join(' ')}` })),
    );
  }
}

const reasonsOf = (overrides: readonly { dossierId: string; reason: string }[]) => new Map(overrides.map((o) => [o.dossierId, o.reason.trim()]));

/**
 * Stores the reasons of a checked batch (inside the caller's transaction, with its letters) and logs each
 * override without its text.
 */
export function recordOverrides(
  db: Db,
  deps: { audit: AuditService; actor: string; now: number },
  schemeId: string,
  families: readonly SchemeFamilyOut[],
  overrides: readonly { dossierId: string; reason: string }[],
): void {
  const reasonOf = reasonsOf(overrides);
  const upsert = db.prepare(
    `INSERT INTO scheme_condition_overrides (scheme_id, dossier_id, reason, reasons_not_met, created_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (scheme_id, dossier_id) DO UPDATE SET reason = excluded.reason, reasons_not_met = excluded.reasons_not_met, created_at = excluded.created_at`,
  );
  for (const f of families) {
    if (f.eligibility.meets || !reasonOf.get(f.dossierId)) continue;
    upsert.run(schemeId, f.dossierId, reasonOf.get(f.dossierId)!, JSON.stringify(f.eligibility.reasons), deps.now);
    // The reason may hold personal details: it stays in its table, the log only says that it happened.
    deps.audit.append(deps.actor, 'dossier.changed', f.dossierId, f.dossierNumber, `Regeling ${schemeId}: opgenomen ondanks "voldoet niet" (reden vastgelegd)`);
  }
}

export function createSchemeConditionsService(
  ctx: ServiceContext,
  deps: { dossiers: DossierService; scheme(id: string): Promise<Scheme> },
): SchemeConditionsService {
  return {
    async forDossier(dossierId, date) {
      const dossier = deps.dossiers.read(dossierId);
      const referenceDate = date ?? isoDateOf(ctx.clock.now());
      const db = ctx.db();
      const participations = db
        .prepare('SELECT scheme_id, status, monthly_cents, start_date FROM scheme_participants WHERE dossier_id = ? ORDER BY scheme_id')
        .all(dossierId) as { scheme_id: string; status: ParticipantStatus; monthly_cents: number | null; start_date: string | null }[];
      const payments = (
        db.prepare('SELECT debt_id, month, amount_cents FROM arrangement_payments WHERE dossier_id = ? ORDER BY month').all(dossierId) as {
          debt_id: string;
          month: string;
          amount_cents: number;
        }[]
      ).map((p) => ({ debtId: p.debt_id, month: p.month, amount: fromCents(p.amount_cents) }));
      const out: SchemeConditionsOut[] = [];
      for (const p of participations) {
        let scheme: Scheme;
        try {
          scheme = await deps.scheme(p.scheme_id);
        } catch (err) {
          // A participation in a scheme the vault no longer knows (removed, or from an imported file) is skipped.
          if (err instanceof AppError && err.code === 'NOT_FOUND') continue;
          throw err;
        }
        // Paid debts too: payments recorded on them still count for their months.
        const debts = dossier.debts
          .map((debt, i) => ({ id: debt.id ?? String(i + 1), debt }))
          .filter((d) => debtMatchesScheme(scheme, { ...d.debt, status: 'open' }));
        const override = db
          .prepare('SELECT reason, reasons_not_met, created_at FROM scheme_condition_overrides WHERE scheme_id = ? AND dossier_id = ?')
          .get(scheme.id, dossierId) as { reason: string; reasons_not_met: string; created_at: number } | undefined;
        const term = schemeTermCheck({
          scheme,
          participation: { status: p.status, agreedMonthly: p.monthly_cents === null ? null : fromCents(p.monthly_cents), startDate: p.start_date },
          debts,
          payments,
          premiumStage: worstPremiumStage(debts.map((d) => debtPremiumStage(d.debt))),
          hasPremiumExpense: dossier.expenses.some((e) => e.category === 'zorgverzekering'),
          referenceDate,
        });
        out.push({
          schemeId: scheme.id,
          schemeName: scheme.name,
          creditor: scheme.creditor.name,
          status: p.status,
          override: override ? { reason: override.reason, reasonsNotMet: JSON.parse(override.reasons_not_met) as string[], at: override.created_at } : null,
          term: serializeTermCheck(term),
        });
      }
      return out;
    },
  };
}
