// Plain-text output for the terminal. Only what the user asked for goes to stdout.
import { DOSSIER_STATUS_LABELS, HELP_TYPE_LABELS } from '../shared/dossier/schema';
import type { DossierSummary } from '../shared/contract/procedures';

function pad(text: string, width: number): string {
  const chars = Array.from(text);
  return chars.length >= width ? chars.slice(0, width).join('') : text + ' '.repeat(width - chars.length);
}

/** A fixed-width table of dossier summaries; fictitious households are marked. */
export function formatDossierTable(rows: DossierSummary[]): string {
  if (rows.length === 0) return 'Geen dossiers gevonden.\n';
  const headers = ['Nummer', 'Naam', 'Postcode', 'Plaats', 'Status', 'Soort hulp', 'Kinderen', 'Fictief'];
  const cells = rows.map((r) => [
    r.number,
    r.displayName,
    r.postcode ?? '-',
    r.city ?? '-',
    DOSSIER_STATUS_LABELS[r.status],
    HELP_TYPE_LABELS[r.typeOfHelp],
    String(r.childrenCount),
    r.fictitious ? 'ja' : '',
  ]);
  const widths = headers.map((h, i) => Math.min(48, Math.max(Array.from(h).length, ...cells.map((c) => Array.from(c[i]!).length))));
  const line = (cols: string[]) =>
    cols
      .map((c, i) => pad(c, widths[i]!))
      .join('  ')
      .trimEnd();
  const count = rows.length === 1 ? '1 dossier' : `${rows.length} dossiers`;
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line), '', count].join('\n') + '\n';
}
