// The budget as sections of parts and a total, built only from the figures the engine computed (the budget JSON,
// or only the part of it the sections read), never recomputed: the screen, the PDF and the CLI all show these
// sections, and a property test checks that in each section the parts shown add up to the total shown beside them
// (issue 6 part 3).
import type { JsonAmount, SectionFigures } from '../budget/json';
import { euro } from './format';

export type RowSign = '+' | '−' | '=';

export interface PresentedRow {
  id: string;
  label: string;
  /** The engine's amount ("1234.56"), null when it could not be computed. */
  amount: JsonAmount;
  /** As shown: "€ 1.234,56" or "niet te berekenen". */
  text: string;
  /** "+" / "−": a part added or subtracted; "=": the total of the section (always the last row). */
  sign: RowSign;
}

export interface PresentedSection {
  id: string;
  title: string;
  rows: PresentedRow[];
  /** "voorlopig: …" when the section rests on provisional norms. */
  provisional: string | null;
}

const row = (id: string, label: string, amount: JsonAmount | undefined, sign: RowSign): PresentedRow => ({
  id,
  label,
  amount: amount ?? null,
  text: euro(amount ?? null),
  sign,
});

/** The sections of a budget, in reading order. */
export function budgetSections(j: SectionFigures): PresentedSection[] {
  const allowances = j.kostenvergoedingenPerMaand ?? null;
  const withAllowances = allowances !== null && allowances !== '0.00';
  const sections: PresentedSection[] = [
    {
      id: 'inkomen',
      title: 'Inkomen per maand',
      provisional: null,
      rows: [
        row('beslagbaar', 'Beslagbaar inkomen', j.beslagbaarInkomenPerMaand, '+'),
        row('nietBeslagbaar', 'Niet-beslagbaar inkomen (toeslagen, kinderbijslag, kindgebonden budget)', j.nietBeslagbaarInkomenPerMaand, '+'),
        row('inkomen', 'Inkomen per maand', j.inkomenPerMaand, '='),
      ],
    },
    {
      id: 'uitgaven',
      title: 'Uitgaven per maand',
      provisional: null,
      rows: [
        row('vaste_lasten', 'Vaste lasten', j.uitgavenPerGroep.vaste_lasten, '+'),
        row('reserveringsuitgaven', 'Reserveringsuitgaven', j.uitgavenPerGroep.reserveringsuitgaven, '+'),
        row('huishoudelijke_uitgaven', 'Huishoudelijke uitgaven', j.uitgavenPerGroep.huishoudelijke_uitgaven, '+'),
        row('uitgaven', 'Uitgaven per maand', j.uitgavenPerMaand, '='),
      ],
    },
    {
      id: 'saldo',
      title: 'Saldo per maand',
      provisional: null,
      rows: [
        row('inkomen', 'Inkomen', j.inkomenPerMaand, '+'),
        ...(withAllowances ? [row('kostenvergoedingen', 'Kostenvergoedingen (pleegvergoeding, bijzondere bijstand, pgb)', allowances, '+')] : []),
        row('uitgaven', 'Uitgaven', j.uitgavenPerMaand, '−'),
        row('saldo', 'Saldo per maand', j.saldoPerMaand, '='),
      ],
    },
    {
      id: 'leefgeld',
      title: 'Leefgeld per maand',
      provisional: null,
      rows: [
        row('inkomen', 'Inkomen', j.inkomenPerMaand, '+'),
        ...(withAllowances ? [row('kostenvergoedingen', 'Kostenvergoedingen', allowances, '+')] : []),
        row('vaste_lasten', 'Vaste lasten', j.uitgavenPerGroep.vaste_lasten, '−'),
        row('reserveringsuitgaven', 'Reserveringsuitgaven', j.uitgavenPerGroep.reserveringsuitgaven, '−'),
        // The 1/12 of the yearly payments is in the income but comes in once a year (one vakantiegeld source).
        ...(j.vakantiegeldReserveringPerMaand && j.vakantiegeldReserveringPerMaand !== '0.00'
          ? [row('vakantiegeld', 'Reservering vakantiegeld', j.vakantiegeldReserveringPerMaand, '−')]
          : []),
        row('leefgeld', 'Leefgeld per maand', j.leefgeldPerMaand, '='),
      ],
    },
  ];
  const perChild = j.kinderbijslagPerKind ?? [];
  if (perChild.length > 0) {
    sections.push({
      id: 'kinderbijslag',
      title: 'Kinderbijslag verwacht per maand',
      provisional: j.explanation['kinderbijslagVerwacht']?.voorlopig ?? null,
      rows: [
        ...perChild.map((k) => row(`kind-${k.kind}`, `Kind ${k.kind}${k.leeftijdsgroep ? ` (${k.leeftijdsgroep} jaar)` : ''}`, k.bedrag, '+')),
        row('kinderbijslagVerwacht', 'Kinderbijslag verwacht', j.kinderbijslagVerwacht, '='),
      ],
    });
  }
  sections.push({
    id: 'verschilNorm',
    title: 'Verschil met de bijstandsnorm',
    provisional: j.explanation['verschilMetBijstandsnorm']?.voorlopig ?? null,
    rows: [
      row('beslagbaar', 'Beslagbaar inkomen', j.beslagbaarInkomenPerMaand, '+'),
      row('bijstandsnorm', 'Bijstandsnorm (incl. vakantietoeslag)', j.bijstandsnorm, '−'),
      row('verschil', 'Verschil met de bijstandsnorm', j.verschilMetBijstandsnorm, '='),
    ],
  });
  for (const c of j.aanspraken ?? []) {
    sections.push({
      id: `aanspraak-${c.regeling}`,
      title: `${c.label}: verschil`,
      provisional: c.voorlopig ?? null,
      rows: [
        row('ontvangen', `${c.label} ontvangen`, c.ontvangen, '+'),
        row('verwacht', `${c.label} verwacht`, c.verwacht, '−'),
        row('verschil', 'Verschil (negatief: minder ontvangen dan verwacht)', c.verschil, '='),
      ],
    });
  }
  return sections;
}

/** Plain-text rendering for the terminal: one line per row, totals under a rule. */
export function sectionsText(sections: PresentedSection[], width = 58): string[] {
  const out: string[] = [];
  for (const s of sections) {
    out.push(`${s.title}${s.provisional ? ` (${s.provisional})` : ''}`);
    for (const r of s.rows) {
      if (r.sign === '=') out.push(`  ${' '.repeat(width + 2)} ${'-'.repeat(14)}`);
      const label = r.label.length > width ? `${r.label.slice(0, width - 1)}…` : r.label;
      out.push(`  ${r.sign === '=' ? ' ' : r.sign} ${label.padEnd(width)} ${r.text.padStart(14)}`);
    }
    out.push('');
  }
  return out;
}
