// Dossier list: search as you type (name, number, postcode, BSN, address, creditor, IBAN) and filters,
// answered by the core; sorting by column; search, filters and sort are kept while navigating.
import { useEffect, useId, useMemo, useRef, useState } from 'react';
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
import { useListState, type SortKey } from '../../state/list-state';
import { useNavigate } from '../../state/route';
import { errorMessage, useCall } from '../../state/session';
import { ImportDossiersDialog } from './ImportDossiers';

export const SEARCH_DEBOUNCE_MS = 150;

export function DossierListScreen() {
  const call = useCall();
  const navigate = useNavigate();
  const ids = useId();
  const [list, setList] = useListState();
  const { query, status, typeOfHelp, sort } = list;
  const setQuery = (q: string) => setList((s) => ({ ...s, query: q }));
  const setStatus = (v: DossierStatus | '') => setList((s) => ({ ...s, status: v }));
  const setTypeOfHelp = (v: HelpType | '') => setList((s) => ({ ...s, typeOfHelp: v }));
  const sortBy = (key: SortKey) =>
    setList((s) => ({
      ...s,
      // A new column starts ascending (the change date newest first); the same column flips.
      sort: s.sort.key === key ? { key, dir: s.sort.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: key === 'updated' ? 'desc' : 'asc' },
    }));
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
  const sorted = useMemo(() => (rows ? sortRows(rows, sort.key, sort.dir) : null), [rows, sort.key, sort.dir]);
  const header = (key: SortKey, label: string, className?: string) => (
    <th scope="col" className={className} aria-sort={sort.key === key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
      <button type="button" className="sort-button" onClick={() => sortBy(key)}>
        {label}
        <span aria-hidden="true" className="sort-mark">
          {sort.key === key ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}
        </span>
      </button>
    </th>
  );

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
            Op naam, dossiernummer, adres, postcode, BSN, schuldeiser of IBAN.
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
          <table className="table sortable">
            <caption className="visually-hidden">Dossiers</caption>
            <thead>
              <tr>
                {header('number', 'Dossiernummer')}
                {header('name', 'Naam')}
                {header('postcode', 'Postcode')}
                {header('children', 'Kinderen', 'num')}
                {header('status', 'Status')}
                {header('typeOfHelp', 'Soort hulp')}
                {header('updated', 'Gewijzigd')}
              </tr>
            </thead>
            <tbody>
              {(sorted ?? []).map((d) => (
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

const collator = new Intl.Collator('nl-NL', { sensitivity: 'base', numeric: true });

/** Rows in the chosen order; ties keep the core's order (newest change first). Status follows the process. */
export function sortRows(rows: readonly DossierSummary[], key: SortKey, dir: 'asc' | 'desc'): DossierSummary[] {
  const value = (d: DossierSummary): string | number => {
    switch (key) {
      case 'number':
        return d.number;
      case 'name':
        return d.displayName;
      case 'postcode':
        return d.postcode ?? '';
      case 'children':
        return d.childrenCount;
      case 'status':
        return DOSSIER_STATUSES.indexOf(d.status);
      case 'typeOfHelp':
        return HELP_TYPE_LABELS[d.typeOfHelp];
      case 'updated':
        return d.updatedAt;
    }
  };
  const sign = dir === 'asc' ? 1 : -1;
  return rows
    .map((d, i) => ({ d, i, v: value(d) }))
    .sort((a, b) => {
      const c = typeof a.v === 'number' && typeof b.v === 'number' ? a.v - b.v : collator.compare(String(a.v), String(b.v));
      return c !== 0 ? c * sign : a.i - b.i;
    })
    .map((x) => x.d);
}
