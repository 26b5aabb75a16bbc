// The budget plan's "Zo telt het op" section: the presenter's sections (the same the screen and the CLI show),
// each total under the parts it is the sum of, and the entitlement checks (expected against received).
import type { Content, TableCell } from 'pdfmake/interfaces';
import type { BudgetResult } from '../../../shared/budget/engine';
import { VERDICT_LABELS } from '../../../shared/budget/entitlements';
import { toBudgetJson } from '../../../shared/budget/json';
import { budgetSections } from '../../../shared/presenter';
import type { SectionHelpers } from './bvv-vtlb';

export function addsUpSection(n: number, result: BudgetResult, h: SectionHelpers): Content[] {
  const sections = budgetSections(toBudgetJson(result));
  const body: TableCell[][] = [[h.th(''), h.th('Onderdeel'), h.th('Per maand', 'right')]];
  for (const s of sections) {
    body.push([{ text: s.title + (s.provisional ? ` (${s.provisional})` : ''), colSpan: 3, bold: true, margin: [0, 3, 0, 0] }, {}, {}]);
    for (const r of s.rows) {
      const total = r.sign === '=';
      body.push([
        { text: total ? '=' : r.sign, alignment: 'center', bold: total },
        { text: r.label, bold: total },
        { ...(h.amountCell(r.amount, { bold: total, signColor: total }) as object), ...(total ? { decoration: 'overline' } : {}) } as TableCell,
      ]);
    }
  }
  const out: Content[] = [
    h.sectionTitle(n, 'Zo telt het op'),
    { text: 'Elk bedrag per maand is één keer op centen afgerond; elk totaal is de som van de bedragen erboven.', style: 'note', margin: [0, 0, 0, 4] },
    { table: { headerRows: 1, widths: [14, '*', 80], body }, layout: h.tableLayout as never },
  ];
  const checks = result.entitlements.checks;
  if (checks.length > 0) {
    const rows: TableCell[][] = [[h.th('Regeling'), h.th('Verwacht', 'right'), h.th('Ontvangen', 'right'), h.th('Verschil', 'right'), h.th('Oordeel')]];
    for (const c of checks) {
      rows.push([
        c.label,
        h.amountCell(c.expected.value),
        h.amountCell(c.received.value),
        h.amountCell(c.difference.value, { signColor: true }),
        { text: `${VERDICT_LABELS[c.verdict]}${c.expected.provisional ? ' (voorlopig)' : ''}`, fontSize: 8, bold: c.verdict === 'mogelijk_niet_gebruik' },
      ]);
    }
    out.push(
      { text: 'Toeslagen en kinderregelingen: verwacht tegenover ontvangen', style: 'h3', margin: [0, 8, 0, 2] },
      { table: { headerRows: 1, widths: ['*', 62, 62, 62, 120], body: rows }, layout: h.tableLayout as never },
      {
        text: 'Mogelijk niet-gebruik alleen als er meer ontbreekt dan de marge (het grootste van € 1 en 1 % van het verwachte bedrag); een automatische wijziging van de kinderbijslag (leeftijdsgroep, indexatie) is geen niet-gebruik.',
        style: 'note',
      },
    );
  }
  return out;
}
