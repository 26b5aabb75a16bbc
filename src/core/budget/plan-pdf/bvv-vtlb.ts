// The beslagvrije voet and VTLB blocks of the budget plan, laid out as the VTLB-calculator does it: the BVV
// (art. 475da-475dc Rv) step by step, the check of the beslaglegger's stated figure, then the VTLB lines in
// block order and the afloscapaciteit with the vakantiegeld share over the term. Only engine figures are printed.
import type Decimal from 'decimal.js';
import type { Content, TableCell } from 'pdfmake/interfaces';
import type { BudgetResult } from '../../../shared/budget/engine';
import { formatNlDate } from '../../../shared/dates';
import { euro } from './format';

export interface SectionHelpers {
  sectionTitle(n: number, text: string): Content;
  th(text: string, alignment?: 'left' | 'right'): TableCell;
  amountCell(value: Decimal | string | null | undefined, opts?: { bold?: boolean; signColor?: boolean }): TableCell;
  tableLayout: unknown;
  muted: string;
}

type Row = { label: string; value: Decimal | string | null; bold?: boolean; indent?: boolean; sign?: boolean; note?: string };

function table(rows: Row[], h: SectionHelpers): Content {
  return {
    table: {
      headerRows: 1,
      widths: ['*', 70, 190],
      body: [
        [h.th('Onderdeel'), h.th('Bedrag', 'right'), h.th('Toelichting')],
        ...rows.map((r): TableCell[] => [
          { text: r.label, bold: r.bold ?? false, margin: [r.indent ? 10 : 0, 0, 0, 0] },
          h.amountCell(r.value, { bold: r.bold ?? false, signColor: r.sign ?? false }),
          { text: r.note ?? '', fontSize: 8, color: h.muted },
        ]),
      ],
    },
    layout: h.tableLayout as never,
  };
}

export function bvvVtlbSection(n: number, result: BudgetResult, h: SectionHelpers): Content[] {
  const b = result.bvvBerekening;
  const out: Content[] = [h.sectionTitle(n, 'Beslagvrije voet en VTLB (zoals de VTLB-calculator)')];
  if (b) {
    const c = b.belastbaarInkomen;
    out.push({ text: 'Beslagvrije voet (art. 475da-475dc Rv)', style: 'h3' });
    // Without a woonadres (art. 475da lid 4) neither the leefsituatie nor C enters the computation.
    const noAddress = result.beslagvrijeVoet.regime === 'geen_vast_adres';
    out.push({
      text: noAddress
        ? 'Geen woonadres in Nederland: 47,5 % van de gehuwdennorm (art. 475da lid 4 Rv), min de aftrek van art. 475db Rv, getoetst aan 95 % van het inkomen (art. 475dc lid 1 Rv).'
        : `Leefsituatie: ${b.leefsituatieLabel}. ` +
          (b.vorm === 'lineair'
            ? 'Formule vanaf 1 januari 2026 (lineaire woonterm). '
            : b.vorm === 'kwadratisch'
              ? 'Formule 2021-2025 (kwadratische woonterm). '
              : result.beslagvrijeVoet.regime === 'inkomen_tot_norm'
                ? 'Inkomen tot de norm, zonder belastbaar inkomen: 95 % van de norm, getoetst aan 95 % van het inkomen. '
                : 'De formule is niet toegepast (zie de waarschuwingen). ') +
          `Belastbaar inkomen per jaar (C): ${euro(c.value)}.`,
      style: 'note',
      margin: [0, 0, 0, 4],
    });
    const rows: Row[] = [{ label: b.inkomenSchuldenaar.label, value: b.inkomenSchuldenaar.value }];
    if (b.beslagOp !== 'huishouden') rows.push({ label: b.inkomenPartnerNietBeslagen.label, value: b.inkomenPartnerNietBeslagen.value });
    for (const s of b.steps) {
      rows.push({
        label: s.figure.label,
        value: s.figure.value,
        bold: s.kind === 'formule' || s.kind === 'uitkomst',
        indent: ['zorg', 'woon', 'kgb', 'afronding'].includes(s.kind),
        sign: s.kind.startsWith('aftrek_') || s.kind === 'afronding',
      });
    }
    out.push(table(rows, h));
    const o = b.opgave;
    if (o) {
      out.push({ text: 'Controle van de opgave van de beslaglegger', style: 'h3' });
      out.push(
        table(
          [
            { label: `Opgave ${o.statedBy} (${formatNlDate(o.date)})`, value: o.amount },
            { label: 'Berekening Houvast', value: result.beslagvrijeVoet.value },
            ...(o.difference !== null
              ? [{ label: 'Verschil (Houvast − opgave)', value: o.difference, bold: true, sign: true, note: o.differs ? 'Meer dan € 1: vraag een herberekening (art. 475d Rv).' : 'Niet meer dan € 1.' }]
              : []),
          ],
          h,
        ),
      );
    }
  }
  out.push({ text: 'Vrij te laten bedrag (VTLB)', style: 'h3' });
  const vtlbRows: Row[] = result.vtlb.lines.map((l) => ({
    label: l.figure.label,
    value: l.figure.value,
    indent: l.kind !== 'basis',
    sign: true,
    note: l.note ?? undefined,
  }));
  vtlbRows.push({ label: result.vtlb.total.label, value: result.vtlb.total.value, bold: true });
  out.push(table(vtlbRows, h));
  const a = result.afloscapaciteitDetail;
  out.push({ text: 'Afloscapaciteit', style: 'h3' });
  out.push(
    table(
      [
        { label: 'Netto inkomen schuldenaar', value: b ? b.inkomenSchuldenaar.value : result.income.forAfloscapaciteit.value },
        { label: 'VTLB', value: result.vtlb.total.value },
        { label: 'Afloscapaciteit per maand', value: result.afloscapaciteit.value, bold: true, note: 'nooit negatief' },
        { label: a.vakantiegeldPerMaand.label, value: a.vakantiegeldPerMaand.value, indent: true },
        { label: a.maandelijks.label, value: a.maandelijks.value, indent: true },
        { label: a.totaalOverLooptijd.label, value: a.totaalOverLooptijd.value, bold: true },
        { label: a.vakantiegeldOverLooptijd.label, value: a.vakantiegeldOverLooptijd.value, indent: true },
      ],
      h,
    ),
  );
  return out;
}
