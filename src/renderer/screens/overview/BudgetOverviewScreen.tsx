// Budgetoverzicht (issue 10 §1): the key figures of every household in the vault at a glance, so the office sees
// which households have a tekort, an income under the bijstandsnorm, warnings, provisional figures or no figures
// at all, and opens that household's budget from its row. The core computes them page by page (budget.batch, by
// dossier number); the screen only sorts, filters and counts the rows it was given, and shows 50 at a time so the
// DOM stays small at 10,000 households. No money totals: only counts, which always add up to what is listed.
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type Decimal from 'decimal.js';
import { OVERVIEW_BATCH_SIZE, type BudgetBatchItem } from '../../../shared/contract/budget-batch';
import { isoDate } from '../../../shared/dossier/schema';
import { amountDecimal } from '../../../shared/money';
import { NavLink } from '../../components/NavLink';
import { PagerButton, SortHeader } from '../../components/SortablePaging';
import { ScreenHeading } from '../../components/ScreenHeading';
import { Alert } from '../../components/Status';
import { dateInputToIso, showDate } from '../../format';
import { errorMessage, useCall } from '../../state/session';
import { euro, isNegative } from '../budget/view';
import './overview.css';

/** Rows shown at once. */
export const OVERVIEW_PAGE_SIZE = 50;

const count = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 });

type Figure = 'inkomen' | 'bijstandsnorm' | 'beslagvrijeVoet' | 'vtlb' | 'afloscapaciteit' | 'saldo';
type SortKey = 'number' | Figure | 'warnings';
interface Sort {
  key: SortKey;
  dir: 'asc' | 'desc';
}

export const OVERVIEW_FILTERS = ['alle', 'tekort', 'onderNorm', 'waarschuwingen', 'voorlopig', 'fout'] as const;
export type OverviewFilter = (typeof OVERVIEW_FILTERS)[number];
const FILTER_LABELS: Record<OverviewFilter, string> = {
  alle: 'Alle huishoudens',
  tekort: 'Tekort (saldo negatief)',
  onderNorm: 'Inkomen onder de bijstandsnorm',
  waarschuwingen: 'Met waarschuwingen',
  voorlopig: 'Voorlopig',
  fout: 'Niet te berekenen',
};

/** What each filter asks of a household, decided once when its row arrives. */
function matches(item: BudgetBatchItem): Record<OverviewFilter, boolean> {
  const f = item.figures;
  const inkomen = f?.inkomen == null ? null : amountDecimal(f.inkomen);
  const norm = f?.bijstandsnorm == null ? null : amountDecimal(f.bijstandsnorm);
  return {
    alle: true,
    tekort: isNegative(f?.saldo),
    onderNorm: inkomen !== null && norm !== null && inkomen.lessThan(norm),
    waarschuwingen: (f?.warnings ?? 0) > 0,
    voorlopig: (f?.provisional ?? null) !== null,
    fout: item.error !== null,
  };
}

interface Row {
  item: BudgetBatchItem;
  is: Record<OverviewFilter, boolean>;
}

type Run = { state: 'running' | 'stopped' | 'done'; total: number };

const COLUMNS: { key: Figure; label: string }[] = [
  { key: 'inkomen', label: 'Inkomen' },
  { key: 'bijstandsnorm', label: 'Bijstandsnorm' },
  { key: 'beslagvrijeVoet', label: 'Beslagvrije voet' },
  { key: 'vtlb', label: 'VTLB' },
  { key: 'afloscapaciteit', label: 'Afloscapaciteit' },
  { key: 'saldo', label: 'Saldo' },
];

/** Numbers like "2026-0012" compare by their digits ("2026-10000" after "2026-9999"). */
const byNumber = new Intl.Collator('nl-NL', { numeric: true });

/** The rows in the order asked: amounts as decimals (never floats); a missing figure last in either direction. */
export function sortRows(rows: readonly Row[], sort: Sort): Row[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  if (sort.key === 'number') return [...rows].sort((a, b) => sign * byNumber.compare(a.item.number ?? '\uffff', b.item.number ?? '\uffff'));
  if (sort.key === 'warnings') {
    return [...rows].sort((a, b) => {
      const x = a.item.figures?.warnings ?? null;
      const y = b.item.figures?.warnings ?? null;
      if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
      return sign * (x - y);
    });
  }
  const key = sort.key;
  // Parsed once per row, not once per comparison.
  const keyed = rows.map((row): [Decimal | null, Row] => {
    const v = row.item.figures?.[key] ?? null;
    return [v === null ? null : amountDecimal(v), row];
  });
  keyed.sort(([x], [y]) => {
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return sign * x.comparedTo(y);
  });
  return keyed.map(([, row]) => row);
}

export function BudgetOverviewScreen() {
  const call = useCall();
  const ids = useId();
  const [rows, setRows] = useState<Row[]>([]);
  const [run, setRun] = useState<Run | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sort, setSort] = useState<Sort>({ key: 'number', dir: 'asc' });
  const [filter, setFilter] = useState<OverviewFilter>('alle');
  const [page, setPage] = useState(0);
  const [dateInput, setDateInput] = useState('');
  const [dateError, setDateError] = useState<string | null>(null);
  /** The date the rows were computed for (null: each household's own peildatum, else today). */
  const [date, setDate] = useState<string | null>(null);
  // Each computation has its own number; "Stoppen", a new computation and leaving the screen end the older one.
  const current = useRef(0);

  // Where the computation stands: only pages shown count, so "Verder berekenen" resumes after the last one shown.
  const progress = useRef<{ date: string | null; offset: number; seen: Set<string> }>({ date: null, offset: 0, seen: new Set() });

  /** Asks for the pages from `progress` on, until all are in or this computation is no longer the current one. */
  const computeRest = useCallback(async () => {
    const me = ++current.current;
    const at = progress.current;
    setError(null);
    setRun((r) => ({ state: 'running', total: r?.total ?? 0 }));
    for (;;) {
      let answer;
      try {
        answer = await call('budget.batch', { ...(at.date ? { date: at.date } : {}), page: { offset: at.offset, limit: OVERVIEW_BATCH_SIZE } });
      } catch (err) {
        if (me !== current.current) return;
        setError(errorMessage(err));
        setRun((r) => (r ? { ...r, state: 'stopped' } : r));
        return;
      }
      if (me !== current.current) return;
      // A dossier added or removed meanwhile shifts the pages by number: never list a household twice.
      const fresh = answer.items.filter((i) => !at.seen.has(i.dossierId));
      for (const i of fresh) at.seen.add(i.dossierId);
      at.offset += answer.items.length;
      const done = answer.items.length === 0 || at.offset >= answer.total;
      setRows((prev) => [...prev, ...fresh.map((item) => ({ item, is: matches(item) }))]);
      setRun({ state: done ? 'done' : 'running', total: answer.total });
      if (done) return;
    }
  }, [call]);

  const compute = useCallback(
    (forDate: string | null) => {
      progress.current = { date: forDate, offset: 0, seen: new Set() };
      setRows([]);
      setPage(0);
      setDate(forDate);
      setRun({ state: 'running', total: 0 });
      return computeRest();
    },
    [computeRest],
  );

  useEffect(() => {
    void compute(null);
    // Leaving the screen: the running computation asks for no further page and sets no state.
    return () => {
      current.current++;
    };
  }, [compute]);

  const stop = () => {
    current.current++;
    setRun((r) => (r ? { ...r, state: 'stopped' } : r));
  };

  const submitDate = () => {
    const iso = dateInputToIso(dateInput);
    if (iso === '') {
      setDateError(null);
      void compute(null);
      return;
    }
    const parsed = isoDate.safeParse(iso);
    if (!parsed.success) {
      setDateError(parsed.error.issues[0]?.message ?? 'Vul een geldige datum in (dd-mm-jjjj).');
      return;
    }
    setDateError(null);
    void compute(parsed.data);
  };

  const counts = useMemo(() => {
    const c = Object.fromEntries(OVERVIEW_FILTERS.map((f) => [f, 0])) as Record<OverviewFilter, number>;
    for (const r of rows) for (const f of OVERVIEW_FILTERS) if (r.is[f]) c[f]++;
    return c;
  }, [rows]);
  const listed = useMemo(() => {
    const chosen = filter === 'alle' ? rows : rows.filter((r) => r.is[filter]);
    // The core answers by dossier number: that order needs no sorting.
    return sort.key === 'number' && sort.dir === 'asc' ? chosen : sortRows(chosen, sort);
  }, [rows, filter, sort]);

  const pages = Math.max(1, Math.ceil(listed.length / OVERVIEW_PAGE_SIZE));
  const shownPage = Math.min(page, pages - 1);
  const shown = listed.slice(shownPage * OVERVIEW_PAGE_SIZE, (shownPage + 1) * OVERVIEW_PAGE_SIZE);
  const computed = rows.length;
  const total = Math.max(run?.total ?? 0, computed);

  const sortBy = (key: SortKey) => {
    setSort((s) => (s.key === key ? { key, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: 'asc' }));
    setPage(0);
  };
  const header = (key: SortKey, label: string, className?: string) => (
    <SortHeader key={key} label={label} className={className} sorted={sort.key === key ? sort.dir : null} onSort={() => sortBy(key)} />
  );
  const pagerButton = (label: string, target: number, enabled: boolean) => <PagerButton label={label} enabled={enabled} onGo={() => setPage(target)} />;

  const empty = run?.state === 'done' && total === 0;
  const progressText =
    run === null
      ? ''
      : empty
        ? 'Er zijn nog geen huishoudens in deze kluis. Maak eerst een dossier aan; dan ziet u hier zijn budget.'
        : run.state === 'done'
          ? `Berekend: ${count.format(computed)} van ${count.format(total)} huishoudens.`
          : run.state === 'stopped'
            ? `Gestopt: ${count.format(computed)} van ${count.format(total)} huishoudens berekend.`
            : `Berekend: ${count.format(computed)} van ${run.total > 0 ? count.format(total) : '…'} huishoudens`;

  return (
    <>
      <ScreenHeading title="Budgetoverzicht">Budgetoverzicht</ScreenHeading>
      <p className="muted">
        De kerncijfers van het budget van alle huishoudens in deze kluis, per maand. Kies een huishouden om zijn budget te openen.
      </p>
      <form
        noValidate
        className="filters"
        aria-label="Peildatum van het overzicht"
        onSubmit={(e) => {
          e.preventDefault();
          submitDate();
        }}
      >
        <div className="field field-date">
          <label htmlFor={`${ids}-peildatum`}>Peildatum</label>
          <div className="input-action">
            <input
              id={`${ids}-peildatum`}
              value={dateInput}
              onChange={(e) => setDateInput(e.target.value)}
              placeholder="dd-mm-jjjj"
              inputMode="numeric"
              autoComplete="off"
              aria-describedby={`${ids}-peildatum-hint${dateError ? ` ${ids}-peildatum-fout` : ''}`}
              aria-invalid={dateError ? true : undefined}
            />
            <button type="submit" className="button">
              Berekenen
            </button>
          </div>
          <p id={`${ids}-peildatum-hint`} className="hint">
            Leeg: per huishouden de eigen peildatum, anders vandaag.
          </p>
          {dateError ? (
            <p id={`${ids}-peildatum-fout`} className="field-error">
              {dateError}
            </p>
          ) : null}
        </div>
      </form>

      <div className="job-progress overview-progress">
        {empty ? null : (
          <progress aria-label="Voortgang van de berekening" {...(run && total > 0 ? { value: computed, max: total } : run?.state === 'done' ? { value: 1, max: 1 } : {})} />
        )}
        <span role="status" aria-live="polite" className="muted">
          {progressText}
          {date && run ? ` Peildatum ${showDate(date)}.` : null}
        </span>
        {/* One button that changes its words, so the keyboard focus stays on it. */}
        {run?.state === 'running' || run?.state === 'stopped' ? (
          <button type="button" className="button" onClick={run.state === 'running' ? stop : () => void computeRest()}>
            {run.state === 'running' ? 'Stoppen' : 'Verder berekenen'}
          </button>
        ) : null}
      </div>
      <Alert>{error}</Alert>

      {computed === 0 ? null : (
        <>
          <fieldset className="overview-filters">
            <legend>Tonen</legend>
            {OVERVIEW_FILTERS.map((f) => (
              <div key={f} className="check-row">
                <input
                  id={`${ids}-filter-${f}`}
                  type="radio"
                  name={`${ids}-filter`}
                  value={f}
                  checked={filter === f}
                  onChange={() => {
                    setFilter(f);
                    setPage(0);
                  }}
                />
                <label htmlFor={`${ids}-filter-${f}`}>
                  {f === 'alle' ? `${FILTER_LABELS[f]}: ${count.format(counts[f])}` : `${FILTER_LABELS[f]}: ${count.format(counts[f])} van ${count.format(computed)}`}
                </label>
              </div>
            ))}
          </fieldset>
          {listed.length === 0 ? (
            <p className="muted" role="status">
              Geen huishoudens bij dit filter.
            </p>
          ) : (
            <>
              <div className="table-wrap">
                <table className="table sortable overview">
                  <caption>
                    {`${FILTER_LABELS[filter]}: ${count.format(shownPage * OVERVIEW_PAGE_SIZE + 1)}–${count.format(shownPage * OVERVIEW_PAGE_SIZE + shown.length)} van ${count.format(listed.length)}`}
                  </caption>
                  <thead>
                    <tr>
                      {header('number', 'Dossier')}
                      {COLUMNS.map((c) => header(c.key, c.label, 'num'))}
                      {header('warnings', 'Waarschuwingen', 'num')}
                      <th scope="col">Status</th>
                    </tr>
                  </thead>
                  <tbody>
                    {shown.map(({ item }) => (
                      <tr key={item.dossierId}>
                        <th scope="row">
                          {item.number === null ? (
                            'Onbekend dossier'
                          ) : (
                            <NavLink to={{ name: 'dossier', id: item.dossierId, tab: 'begroting' }}>
                              <span className="mono">{item.number}</span> {item.displayName}
                            </NavLink>
                          )}
                        </th>
                        {COLUMNS.map((c) => (
                          <td key={c.key} className={`num nowrap${c.key === 'saldo' && isNegative(item.figures?.saldo) ? ' negative-amount' : ''}`}>
                            <Amount value={item.figures?.[c.key] ?? null} />
                          </td>
                        ))}
                        <td className="num">{item.figures ? item.figures.warnings : <Amount value={null} />}</td>
                        <td>
                          <Status item={item} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {pages > 1 ? (
                <nav className="pager actions" aria-label="Pagina's van het budgetoverzicht">
                  {pagerButton('Eerste', 0, shownPage > 0)}
                  {pagerButton('Vorige', shownPage - 1, shownPage > 0)}
                  <span className="pager-position">
                    Pagina {count.format(shownPage + 1)} van {count.format(pages)}
                  </span>
                  {pagerButton('Volgende', shownPage + 1, shownPage < pages - 1)}
                  {pagerButton('Laatste', pages - 1, shownPage < pages - 1)}
                </nav>
              ) : null}
            </>
          )}
        </>
      )}
    </>
  );
}

/** An amount as the budget screen shows it; a figure that cannot be computed is a dash, read out in words. */
function Amount({ value }: { value: string | null }) {
  if (value !== null) return <>{euro(value)}</>;
  return (
    <>
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">niet te berekenen</span>
    </>
  );
}

/** "Voorlopig" (with why), or why the household could not be computed. */
function Status({ item }: { item: BudgetBatchItem }) {
  if (item.error) return <span className="overview-error">{item.error.message}</span>;
  const provisional = item.figures?.provisional ?? null;
  if (provisional === null) return null;
  return (
    <span title={provisional}>
      Voorlopig<span className="visually-hidden"> ({provisional})</span>
    </span>
  );
}
