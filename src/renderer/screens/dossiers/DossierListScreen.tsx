// Dossier list: one page at a time from the core (dossier.search: FTS5 search, filters, sorting and paging
// in SQL, with the total), so the screen stays fast at tens of thousands of dossiers. Search as you type
// (name, number, postcode, BSN, address, creditor, IBAN) is debounced and a late answer to an older request
// is dropped; search, filters, sort and page are kept while navigating (in memory only, see list-state).
// A search with more than 1,000 hits gets "meer dan 1.000" and the most recently added dossiers first from the
// core (counting and ranking every hit would make each keystroke wait); the screen says so and pages on.
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
import { PagerButton, SortHeader } from '../../components/SortablePaging';
import { Alert } from '../../components/Status';
import { showDateTime } from '../../format';
import { DEFAULT_SORT, useListState, type ColumnSortKey, type ListState } from '../../state/list-state';
import { useNavigate } from '../../state/route';
import { errorMessage, useCall } from '../../state/session';
import { ImportDossiersDialog } from './ImportDossiers';

export const SEARCH_DEBOUNCE_MS = 150;
export const PAGE_SIZE = 50;

const count = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 });

/**
 * "1–50 van 10.000 dossiers", "1 dossier", "Geen dossiers gevonden."; with a lower bound (a search with more than
 * 1,000 hits): "1–50 van meer dan 1.000 dossiers — maak de zoekopdracht specifieker".
 */
export function rangeText(page: number, shown: number, total: number, lowerBound = false): string {
  const from = page * PAGE_SIZE + 1;
  const range = `${count.format(from)}–${count.format(from + shown - 1)}`;
  if (lowerBound) return `${range} van meer dan ${count.format(total)} dossiers — maak de zoekopdracht specifieker`;
  if (total === 0) return 'Geen dossiers gevonden.';
  if (total === 1) return '1 dossier';
  return `${range} van ${count.format(total)} dossiers`;
}

/** What the range line adds about the order of the rows shown. */
function orderText(order: 'asked' | 'added', sortKey: string): string {
  if (order === 'added') return '. Laatst toegevoegd eerst; op relevantie of een kolom sorteren kan bij 1.000 dossiers of minder.';
  return sortKey === 'relevance' ? ', de best passende eerst' : '';
}

/** The list state after typing: back to page 1; ranked by relevance while searching unless a column was chosen. */
export function withQuery(s: ListState, query: string): ListState {
  const searching = query.trim() !== '';
  const wasSearching = s.query.trim() !== '';
  let sort = s.sort;
  if (searching && !wasSearching && sort.key === DEFAULT_SORT.key && sort.dir === DEFAULT_SORT.dir) sort = { key: 'relevance', dir: 'desc' };
  if (!searching && sort.key === 'relevance') sort = DEFAULT_SORT;
  return { ...s, query, sort, page: 0 };
}

interface Page {
  items: DossierSummary[];
  total: number;
  totalIsLowerBound: boolean;
  order: 'asked' | 'added';
  /** The page these rows belong to (the state may already ask for another). */
  page: number;
}

export function DossierListScreen() {
  const call = useCall();
  const navigate = useNavigate();
  const ids = useId();
  const [list, setList] = useListState();
  const { query, status, typeOfHelp, sort, page } = list;
  const setQuery = (q: string) => setList((s) => withQuery(s, q));
  const setStatus = (v: DossierStatus | '') => setList((s) => ({ ...s, status: v, page: 0 }));
  const setTypeOfHelp = (v: HelpType | '') => setList((s) => ({ ...s, typeOfHelp: v, page: 0 }));
  const setPage = (p: number) => setList((s) => ({ ...s, page: p }));
  const sortBy = (key: ColumnSortKey) =>
    setList((s) => ({
      ...s,
      page: 0,
      // A new column starts ascending (the change date newest first); the same column flips.
      sort: s.sort.key === key ? { key, dir: s.sort.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: key === 'updated' ? 'desc' : 'asc' },
    }));
  const [result, setResult] = useState<Page | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);
  // Bumped after an import so the page is asked for again.
  const [reloads, setReloads] = useState(0);
  // Only the answer to the latest request is shown: a slow answer to an older keystroke is dropped.
  const latest = useRef(0);
  // Typing is debounced; the first load, filters, sort and paging are asked for at once.
  const askedQuery = useRef<string | null>(null);
  const rangeRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    const q = query.trim();
    const typed = askedQuery.current !== null && askedQuery.current !== q;
    askedQuery.current = q;
    const seq = ++latest.current;
    const timer = setTimeout(
      () => {
        setLoading(true);
        call('dossier.search', {
          ...(q ? { query: q } : {}),
          ...(status ? { status } : {}),
          ...(typeOfHelp ? { typeOfHelp } : {}),
          sort,
          offset: page * PAGE_SIZE,
          limit: PAGE_SIZE,
        }).then(
          (res) => {
            if (seq !== latest.current) return;
            setLoading(false);
            setError(null);
            // The page no longer exists (dossiers were removed): show the last one that does.
            if (res.items.length === 0 && res.total > 0 && page > 0) {
              setPage(Math.ceil(res.total / PAGE_SIZE) - 1);
              return;
            }
            setResult({ ...res, page });
          },
          (err: unknown) => {
            if (seq !== latest.current) return;
            setLoading(false);
            setError(errorMessage(err));
          },
        );
      },
      typed ? SEARCH_DEBOUNCE_MS : 0,
    );
    return () => clearTimeout(timer);
    // sort is compared by its parts: a new object with the same key and direction asks nothing new.
  }, [call, query, status, typeOfHelp, sort.key, sort.dir, page, reloads]);

  const filtered = query.trim() !== '' || status !== '' || typeOfHelp !== '';
  const total = result?.total ?? 0;
  // With a lower bound the last page is not known: at least one more page follows the pages counted.
  const more = result?.totalIsLowerBound ?? false;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const shownPage = result?.page ?? 0;
  // A broad search is not in the sort asked for, so no column shows a sort mark.
  const sortedBy = result?.order === 'added' ? null : sort;
  const goTo = (p: number) => {
    if (p < 0 || (p >= pages && !more) || p === page) return;
    setPage(p);
    rangeRef.current?.scrollIntoView?.({ block: 'nearest' });
  };
  const header = (key: ColumnSortKey, label: string, className?: string) => (
    <SortHeader label={label} className={className} sorted={sortedBy?.key === key ? sortedBy.dir : null} onSort={() => sortBy(key)} />
  );
  const pagerButton = (label: string, target: number, enabled: boolean) => <PagerButton label={label} enabled={enabled} onGo={() => goTo(target)} />;

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
      <p ref={rangeRef} className="list-range" role="status">
        {result === null ? '' : rangeText(shownPage, result.items.length, total, more)}
        {result !== null && total === 0 && !filtered ? ' Maak een nieuw dossier aan om te beginnen.' : null}
        {result !== null && total > 0 ? orderText(result.order, sort.key) : null}
      </p>
      {result === null || total === 0 ? null : (
        <>
          <div className="table-wrap" aria-busy={loading}>
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
                {result.items.map((d) => (
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
          {pages > 1 || more ? (
            <nav className="pager actions" aria-label="Pagina's van de dossierlijst">
              {pagerButton('Eerste', 0, shownPage > 0)}
              {pagerButton('Vorige', shownPage - 1, shownPage > 0)}
              <span className="pager-position">
                Pagina {count.format(shownPage + 1)} van {more ? 'meer dan ' : ''}
                {count.format(pages)}
              </span>
              {pagerButton('Volgende', shownPage + 1, shownPage < pages - 1 || more)}
              {pagerButton('Laatste', pages - 1, shownPage < pages - 1 && !more)}
            </nav>
          ) : null}
        </>
      )}
    </>
  );
}
