// Proposal letters and the schuldenoverzicht as PDFs, rendered in memory with the budget plan's pdfmake setup
// (bundled fonts only, no file or network access).
import { renderPdf } from '../../budget/plan-pdf/pdfmake';
import { buildDebtOverview, buildProposalLetter, type LetterData } from './document';

export type { LetterData, LetterCreditorLine, LetterExcludedLine, LetterPerson } from './document';
export { buildDebtOverview, buildProposalLetter } from './document';

const safe = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9-]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40) || 'schuldeiser';

/** "voorstel-2026-0012-Woonstad_Leeuwarden-2026-12-01.pdf": the creditor's name, never the debtor's. */
export function proposalLetterFileName(dossierNumber: string, creditor: string, date: string): string {
  return `voorstel-${safe(dossierNumber)}-${safe(creditor)}-${date}.pdf`;
}

export function debtOverviewFileName(dossierNumber: string, date: string): string {
  return `schuldenoverzicht-${safe(dossierNumber)}-${date}.pdf`;
}

export function renderProposalLetter(data: LetterData): Promise<Buffer> {
  return renderPdf(buildProposalLetter(data));
}

export function renderDebtOverview(data: LetterData): Promise<Buffer> {
  return renderPdf(buildDebtOverview(data));
}
