// Dossier → Schuldeisers: the zorgpremie schemes this family takes part in and whether their conditions hold
// during the term (schemes.conditions): each month that is over with what was due and what was paid, new
// arrears, "voorwaarde geschonden" with what happens next, and the reason given when the family entered the
// scheme despite "voldoet niet". Every figure and text comes from the core; this panel only shows it.
import { useEffect, useState } from 'react';
import type { SchemeConditionsOut } from '../../../shared/contract/scheme-conditions';
import { Alert } from '../../components/Status';
import { showDate, showDateTime } from '../../format';
import { errorMessage, useCall } from '../../state/session';
import { euro, monthLabel } from '../budget/view';

/** `refresh` changes whenever payments change (the board view), so the check follows them. */
export function SchemeConditionsPanel({ dossierId, refresh }: { dossierId: string; refresh: unknown }) {
  const call = useCall();
  const [items, setItems] = useState<SchemeConditionsOut[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let alive = true;
    call('schemes.conditions', { dossierId }).then(
      (r) => alive && setItems(r),
      (err: unknown) => alive && setError(errorMessage(err)),
    );
    return () => {
      alive = false;
    };
  }, [call, dossierId, refresh]);
  if (error) return <Alert>{error}</Alert>;
  if (!items || items.length === 0) return null;
  return (
    <section aria-labelledby="h-regeling-voorwaarden">
      <h2 id="h-regeling-voorwaarden">Voorwaarden regeling zorgpremie</h2>
      {items.map((c) => (
        <div key={c.schemeId} className="subcard" role="group" aria-label={`Voorwaarden ${c.schemeName}`}>
          <h3>{c.schemeName}</h3>
          <p>
            <span className={`term-state term-state-${c.term.state}`}>{c.term.stateLabel}</span>
            {c.term.startDate ? (
              <span className="muted small">
                {' '}
                · gestart {showDate(c.term.startDate)}
                {c.term.agreedMonthly ? ` · ${euro(c.term.agreedMonthly)} per maand` : ''}
              </span>
            ) : null}
          </p>
          <ul className="reasons">
            {c.term.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
          {c.term.next.length > 0 ? (
            <div className="warning">
              <p className="explanation-heading">Wat er nu gebeurt</p>
              <ul className="reasons">
                {c.term.next.map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            </div>
          ) : null}
          {c.term.warnings.map((w) => (
            <p key={w} className="notice">
              {w}
            </p>
          ))}
          {c.term.months.length > 0 ? (
            <details>
              <summary>Betalingen per maand ({c.term.months.length})</summary>
              <div className="table-wrap">
                <table className="table">
                  <caption className="visually-hidden">Betalingen per maand voor {c.schemeName}</caption>
                  <thead>
                    <tr>
                      <th scope="col">Maand</th>
                      <th scope="col" className="num">
                        Afgesproken
                      </th>
                      <th scope="col" className="num">
                        Betaald
                      </th>
                      <th scope="col">Stand</th>
                    </tr>
                  </thead>
                  <tbody>
                    {c.term.months.map((m) => (
                      <tr key={m.month}>
                        <th scope="row">{monthLabel(m.month)}</th>
                        <td className="num nowrap">{euro(m.due)}</td>
                        <td className="num nowrap">{euro(m.paid)}</td>
                        <td>{m.missed ? 'gemist' : 'betaald'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </details>
          ) : null}
          {c.override ? (
            <p className="small muted">
              Opgenomen ondanks &quot;voldoet niet&quot; ({showDateTime(c.override.at)}): {c.override.reason}
            </p>
          ) : null}
        </div>
      ))}
    </section>
  );
}
