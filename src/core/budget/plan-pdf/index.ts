// The Dutch budget plan PDF ("Budgetplan", issue 3 §3): household, income, expenses, norms, VTLB,
// afloscapaciteit, warnings and the derivation of every figure, rendered in memory (no temp files).
import { buildBudgetPlanDocument, type BudgetPlanInput } from './document';
import { renderPdf } from './pdfmake';

export type { BudgetPlanInput } from './document';
export { buildBudgetPlanDocument } from './document';

/** File name offered for download / storage in the dossier, e.g. "budgetplan-2026-0001-2026-07-15.pdf". */
export function budgetPlanFileName(dossierNumber: string, referenceDate: string): string {
  const safe = dossierNumber.replace(/[^A-Za-z0-9-]+/g, '_');
  return `budgetplan-${safe}-${referenceDate}.pdf`;
}

/**
 * Render the budget plan as a PDF. The PDF metadata holds only the title "Budgetplan <dossiernummer>" (no names,
 * BSN or other personal data); the content names the household members because the plan is meant for the
 * professional, the client, creditors and the judge.
 */
export async function renderBudgetPlanPdf(input: BudgetPlanInput): Promise<Buffer> {
  return renderPdf(buildBudgetPlanDocument(input));
}
