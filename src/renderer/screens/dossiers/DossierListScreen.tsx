// Dossier list: search as you type (name, number, postcode, BSN) and filters, answered by the core.
import { useEffect, useId, useRef, useState } from 'react';
import type { DossierSummary } from '../../../shared/contract/procedures';
import {
  DOSSIER_STATUSES,
  DOSSIER_STATUS_LABELS,
  HELP_TYPES,
  HELP_TYPE_LABELS,
  type DossierStatus,
  type HelpType,
} from '../../../shared/dossier/schema';
import { FictitiousBadge } from '../../components/Badge';
import { NavLink } from '../../components/NavLink';
import { ScreenHeading } from '../../components/ScreenHeading';
import { Alert } from '../../components/Status';
import { showDateTime } from '../../format';
import { useNavigate } from '../../state/route';
import { errorMessage, useCall } from '../../state/session';
import { ImportDossiersDialog } from './ImportDossiers';

export const SEARCH_DEBOUNCE_MS = 150;

export function DossierListScreen() {
  const call = useCall();
  const navigate = useNavigate();
  const ids = useId();
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<DossierStatus | ''>('');
  const [typeOfHelp, setTypeOfHelp] = useState<HelpType | ''>('');
  const [rows, setRows] = useState<DossierSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);
  // Bumped after an import so the list is asked for again.
  const [reloads, setReloads] = useState(0);
  // The first load runs at once; typing is debounced.
  const loaded = useRef(false);

  useEffect(() => {
    let current = true;
    const timer = setTimeout(
      () => {
        const q = query.trim();
        call('dossier.list', {
          ...(q ? { query: q } : {}),
          ...(status ? { status } : {}),
          ...(typeOfHelp ? { typeOfHelp } : {}),
        }).then(
          (list) => {
            if (!current) return;
            setRows(list);
            setError(null);
          },
          (err: unknown) => {
            if (current) setError(errorMessage(err));
          },
        );
      },
      loaded.current ? SEARCH_DEBOUNCE_MS : 0,
    );
    loaded.current = true;
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [call, query, status, typeOfHelp, reloads]);

  const filtered = query.trim() !== '' || status !== '' || typeOfHelp !== '';

  return (
    <>
      <div className="screen-top">
        <ScreenHeading title="Dossiers">Dossiers</ScreenHeading>
        <div className="actions">
          <button type="button" className="button" onClick={() => setImporting(true)}>
            Dossiers importeren
          </button>
          <button type="button" className="button primary" onClick={() => navigate({ name: 'new-dossier' })}>
            Nieuw dossier
          </button>
        </div>
      </div>
      <div role="search" className="filters" aria-label="Dossiers zoeken en filteren">
        <div className="field field-grow">
          <label htmlFor={`${ids}-zoeken`}>Zoeken</label>
          <input
            id={`${ids}-zoeken`}
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            aria-describedby={`${ids}-zoeken-hint`}
            autoComplete="off"
            spellCheck={false}
          />
          <p id={`${ids}-zoeken-hint`} className="hint">
            Op naam, dossiernummer, postcode of BSN.
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${ids}-status`}>Status</label>
          <select id={`${ids}-status`} value={status} onChange={(e) => setStatus(e.target.value as DossierStatus | '')}>
            <option value="">Alle</option>
            {DOSSIER_STATUSES.map((s) => (
              <option key={s} value={s}>
                {DOSSIER_STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${ids}-hulp`}>Soort hulp</label>
          <select id={`${ids}-hulp`} value={typeOfHelp} onChange={(e) => setTypeOfHelp(e.target.value as HelpType | '')}>
            <option value="">Alle</option>
            {HELP_TYPES.map((s) => (
              <option key={s} value={s}>
                {HELP_TYPE_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
      </div>
      {importing ? <ImportDossiersDialog onClose={() => setImporting(false)} onImported={() => setReloads((n) => n + 1)} /> : null}
      <Alert>{error}</Alert>
      <p className="visually-hidden" role="status">
        {rows === null ? '' : rows.length === 1 ? '1 dossier gevonden' : `${rows.length} dossiers gevonden`}
      </p>
      {rows === null ? null : rows.length === 0 ? (
        <p className="empty">
          Geen dossiers gevonden.
          {!filtered ? ' Maak een nieuw dossier aan om te beginnen.' : null}
        </p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Dossiers</caption>
            <thead>
              <tr>
                <th scope="col">Dossiernummer</th>
                <th scope="col">Naam</th>
                <th scope="col">Postcode</th>
                <th scope="col" className="num">
                  Kinderen
                </th>
                <th scope="col">Status</th>
                <th scope="col">Soort hulp</th>
                <th scope="col">Gewijzigd</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((d) => (
                <tr key={d.id}>
                  <td className="mono">{d.number}</td>
                  <td>
                    <NavLink to={{ name: 'dossier', id: d.id }}>{d.displayName}</NavLink>
                    {d.fictitious ? (
                      <>
                        {' '}
                        <FictitiousBadge />
                      </>
                    ) : null}
                  </td>
                  <td className="nowrap">{d.postcode ?? '—'}</td>
                  <td className="num">{d.childrenCount}</td>
                  <td>{DOSSIER_STATUS_LABELS[d.status]}</td>
                  <td>{HELP_TYPE_LABELS[d.typeOfHelp]}</td>
                  <td className="nowrap">{showDateTime(d.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
