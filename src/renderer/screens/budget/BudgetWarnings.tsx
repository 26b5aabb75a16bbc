// The engine's warnings, prominent and grouped by kind with a text label (not colour alone): shortfall,
// beslagvrije voet, possible non-use of child benefits, missing figures, other.
import type { BudgetResultOut } from '../../../shared/contract/budget';
import { canReportWarning } from '../../../shared/signals/prefill';

type Warning = BudgetResultOut['warnings'][number];
type Kind = 'tekort' | 'bvv' | 'niet-gebruik' | 'ontbreekt' | 'let-op';

const KIND_LABELS: Record<Kind, string> = {
  tekort: 'Tekort',
  bvv: 'Beslagvrije voet',
  'niet-gebruik': 'Mogelijk niet-gebruik',
  ontbreekt: 'Ontbrekend gegeven',
  'let-op': 'Let op',
};

export function warningKind(code: string): Kind {
  if (code === 'TEKORT') return 'tekort';
  if (code.startsWith('MOGELIJK_NIET_GEBRUIK')) return 'niet-gebruik';
  if (code.startsWith('BVV_') || code === 'GEEN_VAST_ADRES') return code === 'BVV_OPGAVE_NODIG' ? 'ontbreekt' : 'bvv';
  if (code.includes('ONTBREEKT') || code.includes('ONBEKEND') || code.includes('GEEN_TABEL') || code.includes('NIET_ONDERSTEUND')) return 'ontbreekt';
  return 'let-op';
}

const ORDER: Kind[] = ['tekort', 'bvv', 'niet-gebruik', 'ontbreekt', 'let-op'];

export function BudgetWarnings({
  warnings,
  onReport,
  statedBvvDifference = null,
}: {
  warnings: readonly Warning[];
  onReport?: ((code: string) => void) | undefined;
  /** Houvast's BVV minus the stated one, when a BVV was stated: decides whether a difference is a systeemfout. */
  statedBvvDifference?: string | null | undefined;
}) {
  if (warnings.length === 0) {
    return (
      <p className="budget-ok" role="status">
        <span aria-hidden="true">✓</span> Geen signalen bij deze berekening.
      </p>
    );
  }
  const sorted = [...warnings].sort((a, b) => ORDER.indexOf(warningKind(a.code)) - ORDER.indexOf(warningKind(b.code)));
  return (
    <div className="budget-warnings" role="alert" aria-labelledby="h-signalen">
      <h3 id="h-signalen">
        <span aria-hidden="true">⚠ </span>
        {warnings.length === 1 ? '1 signaal' : `${warnings.length} signalen`} bij deze berekening
      </h3>
      <ul>
        {sorted.map((w, i) => {
          const kind = warningKind(w.code);
          return (
            <li key={`${w.code}-${i}`} className={`budget-warning warning-${kind}`} data-code={w.code}>
              <span className="warning-kind">{KIND_LABELS[kind]}</span>
              <span className="warning-text">{w.message}</span>
              {onReport && canReportWarning(w.code, { statedBvvDifference }) ? (
                <button type="button" className="button small" onClick={() => onReport(w.code)}>
                  Meld systeemfout
                </button>
              ) : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
