// One figure with its derivation on demand: the button "Toelichting" (aria-expanded) opens the rule, the named
// inputs and the norm table periods used (period, status, origin, sources as plain text: no links, the app is
// offline and must never open a browser by itself).
// The budget screen first shows figures only (issue 10 §1): a figure then carries the placeholder
// EXPLANATION_ON_DEMAND, and opening its Toelichting asks the screen (ExplanationsProvider) for the explanations
// of the whole budget; the row says it is loading and shows the explanation once it is there.
import { createContext, Fragment, useContext, useEffect, useId, useState, type ReactNode } from 'react';
import type { z } from 'zod';
import type { explanationOut, NormTableRefOut } from '../../../shared/contract/budget';
import { isExplanationOnDemand, type ExplanationOnDemand } from '../../../shared/contract/budget-explained';
import { explanationText, presentInputs, presentSource } from '../../../shared/presenter';
import { useFigureChanged } from './changes';
import { euro, isNegative, normFigure, originLabel, periodLabel, statusLabel } from './view';

export type Explanation = z.infer<typeof explanationOut>;

/**
 * Fetches the explanations of the budget on screen and shows them (the screen's view is replaced by the full one).
 * Settles when done; rejects with a Dutch message when they could not be fetched.
 */
type LoadExplanations = () => Promise<void>;
const ExplanationsLoader = createContext<LoadExplanations | null>(null);
/** Offered by the budget screen to rows whose explanation is on demand. */
export const ExplanationsProvider = ExplanationsLoader.Provider;

export interface FigureRow {
  /** Stable key (the JSON explanation key). */
  id: string;
  label: string;
  /** Decimal string; null = cannot be computed. */
  value: string | null;
  /** In full, or on demand (fetched when the Toelichting is opened); none: no Toelichting. */
  explanation?: Explanation | ExplanationOnDemand | undefined;
  /** Shown under the label (e.g. the note of a VTLB correction line). */
  note?: ReactNode;
  /** Bold total row. */
  total?: boolean;
  /** Text instead of an amount (e.g. the household type). */
  text?: string;
  /** Negative amounts in red with a minus (for saldo-like figures). */
  signed?: boolean;
  /** "voorlopig: de normen per … zijn nog niet gepubliceerd" when the figure rests on a provisional norm. */
  provisional?: string | null | undefined;
}

/** A table of figures; each row can unfold its explanation in the row below it. */
export function FigureTable({ caption, rows }: { caption: string; rows: readonly FigureRow[] }) {
  return (
    <div className="table-wrap">
      <table className="table figure-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Onderdeel</th>
            <th scope="col" className="num">
              Bedrag
            </th>
            <th scope="col">
              <span className="visually-hidden">Toelichting</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <FigureTableRow key={r.id} row={r} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Fetches in a row that did not bring the explanation (each overtaken by a newer calculation) before the row gives up. */
const MAX_ATTEMPTS = 5;

function FigureTableRow({ row }: { row: FigureRow }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const onDemand = isExplanationOnDemand(row.explanation);
  const loadExplanations = useContext(ExplanationsLoader);
  const [loading, setLoading] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  /** Fetches done while the row waited: one that did not bring its explanation (a newer calculation) leads to another. */
  const [attempts, setAttempts] = useState(0);
  // An open row without its explanation fetches them (after a click, or when a recalculation brought figures
  // only while the row stayed open); it shows the explanation as soon as the screen has it.
  useEffect(() => {
    // Shown: the count starts again for the next calculation.
    if (!onDemand && attempts > 0) setAttempts(0);
    if (!open || !onDemand || loading || failed !== null) return;
    if (!loadExplanations || attempts >= MAX_ATTEMPTS) {
      setFailed('De toelichting is nu niet beschikbaar.');
      return;
    }
    let current = true;
    setLoading(true);
    loadExplanations().then(
      () => {
        if (!current) return;
        setLoading(false);
        setAttempts((n) => n + 1);
      },
      (err: unknown) => {
        if (!current) return;
        setLoading(false);
        setFailed(err instanceof Error ? err.message : String(err));
      },
    );
    return () => {
      // The explanation arrived (onDemand false), the row closed or the screen changed: this fetch marks nothing more.
      current = false;
      setLoading(false);
    };
    // Not on `loading`: setting it must not end the fetch it marks.
  }, [open, onDemand, failed, loadExplanations, attempts]);
  const negative = row.signed && isNegative(row.value);
  const missing = row.text === undefined && row.value === null;
  const changed = useFigureChanged(row.id);
  const rowClass = [row.total ? 'figure-total' : '', changed ? 'figure-changed' : ''].filter(Boolean).join(' ');
  return (
    <Fragment>
      <tr className={rowClass || undefined}>
        <th scope="row" className="figure-label">
          {row.label}
          {changed ? <span className="changed-badge"> gewijzigd</span> : null}
          {row.note ? <span className="figure-note">{row.note}</span> : null}
          {row.provisional ? <span className="figure-note provisional-note">{row.provisional}</span> : null}
        </th>
        <td
          className={`num nowrap figure-value${negative ? ' negative-amount' : ''}${missing ? ' missing-amount' : ''}`}
          data-figure-id={row.id}
          data-figure-label={row.label}
        >
          {row.text ?? euro(row.value)}
          {row.provisional ? <abbr title={row.provisional} className="provisional-mark"> *</abbr> : null}
        </td>
        <td className="row-actions">
          {row.explanation ? (
            <button
              type="button"
              className="button small toelichting-button"
              aria-expanded={open}
              aria-controls={panelId}
              aria-busy={loading && onDemand}
              onClick={() => {
                // Closing forgets a failure, so opening again tries again.
                if (open) {
                  setFailed(null);
                  setAttempts(0);
                }
                setOpen((o) => !o);
              }}
            >
              Toelichting<span className="visually-hidden"> bij {row.label}</span>
              <span aria-hidden="true" className="chevron">
                {open ? '▴' : '▾'}
              </span>
            </button>
          ) : null}
        </td>
      </tr>
      {row.explanation ? (
        <tr className="explanation-row" id={panelId} hidden={!open}>
          <td colSpan={3}>
            {!open ? null : !isExplanationOnDemand(row.explanation) ? (
              <ExplanationView explanation={row.explanation} label={row.label} />
            ) : failed !== null ? (
              <p className="alert" role="alert">
                De toelichting bij {row.label} kon niet worden geladen. {failed} Sluit de toelichting en open haar opnieuw om het nog eens te proberen.
              </p>
            ) : (
              <p className="muted small" role="status">
                Toelichting wordt geladen…
              </p>
            )}
          </td>
        </tr>
      ) : null}
    </Fragment>
  );
}

export function ExplanationView({ explanation, label }: { explanation: Explanation; label: string }) {
  // Dutch labels and nl-NL values from the shared presenter; the engine's machine notation stays in the JSON.
  const inputs = presentInputs(explanation.inputs);
  return (
    <div className="explanation" role="region" aria-label={`Toelichting bij ${label}`}>
      <p className="explanation-rule">
        <span className="explanation-heading">Regel</span>
        {explanationText(explanation.rule)}
      </p>
      {inputs.length > 0 ? (
        <>
          <p className="explanation-heading">Gegevens</p>
          <dl className="explanation-inputs">
            {inputs.map((i) => (
              <div key={i.label}>
                <dt>{i.label}</dt>
                <dd>{i.text}</dd>
              </div>
            ))}
          </dl>
        </>
      ) : null}
      {explanation.tables.length > 0 ? (
        <>
          <p className="explanation-heading">Normtabel</p>
          {explanation.tables.map((t) => (
            <NormTableRefView key={`${t.group}@${t.periodStart}`} table={t} />
          ))}
        </>
      ) : (
        <p className="muted small">Geen normtabel gebruikt.</p>
      )}
    </div>
  );
}

function NormTableRefView({ table }: { table: NormTableRefOut }) {
  return (
    <div className="norm-ref">
      <p className="norm-ref-title">
        {table.title}{' '}
        {table.origin === 'user' ? <span className="badge badge-user">door gebruiker ingevoerd</span> : null}
      </p>
      <dl className="norm-ref-meta">
        <div>
          <dt>Periode</dt>
          <dd>{periodLabel(table.periodStart, table.periodEnd)}</dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>{statusLabel(table.status)}</dd>
        </div>
        <div>
          <dt>Herkomst</dt>
          <dd>{originLabel(table.origin)}</dd>
        </div>
      </dl>
      {table.figures.length > 0 ? (
        <ul className="norm-ref-figures">
          {table.figures.map((f) => (
            <li key={f.name}>
              {f.label}: <strong className="nowrap">{normFigure(f.name, f.value, table.group)}</strong>
              {f.status !== table.status ? <span className="muted"> ({statusLabel(f.status)})</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
      <p className="explanation-heading">Bron</p>
      <ul className="source-list">
        {table.source.map((s) => (
          <SourceItem key={s} source={s} />
        ))}
      </ul>
    </div>
  );
}

/** A source by its readable name ("Participatiewet (versie 01-07-2026)"), its address as plain text and what it says. */
export function SourceItem({ source }: { source: string }) {
  const p = presentSource(source);
  return (
    <li className="source">
      {p.name}
      {p.url ? (
        <>
          {': '}
          <span className="source-url">{p.url}</span>
        </>
      ) : null}
      {p.note ? <span className="muted"> ({p.note})</span> : null}
    </li>
  );
}
