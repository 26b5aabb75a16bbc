// Regelingen: a zorgpremie scheme for a group (issue 8 §3). Choose a scheme, see its dashboard (families,
// children, arrears, agreed monthly amounts, expected forgiveness, count per status), select the families
// with arrears at its creditor (filters: gemeente, income source, children), review each family's
// computation in one list, set a family's status, and produce the batch: a letter per family and one
// overview for the creditor (PDF and CSV). All figures are the core's.
import { Fragment, useCallback, useEffect, useId, useRef, useState } from 'react';
import { SCHEME_FAMILY_STATUS_LABELS, SCHEME_ROUTE_LABELS, PARTICIPANT_STATUSES, type ParticipantStatus } from '../../../shared/arrangement/scheme';
import { TERM_STATES, TERM_STATE_LABELS } from '../../../shared/arrangement/scheme-conditions';
import type { SchemeDashboardOut, SchemeFamilyOut, StoredSchemeOut } from '../../../shared/contract/arrangements';
import { AppError } from '../../../shared/contract/errors';
import { INCOME_CATEGORIES, INCOME_CATEGORY_LABELS, type IncomeCategory } from '../../../shared/dossier/categories';
import { FictitiousBadge } from '../../components/Badge';
import { JobProgress, newJobId } from '../../components/JobProgress';
import { downloadBase64 } from '../../components/download';
import { NavLink } from '../../components/NavLink';
import { ScreenHeading } from '../../components/ScreenHeading';
import { Alert, Loading } from '../../components/Status';
import { showDate, showDateTime } from '../../format';
import { errorMessage, useCall } from '../../state/session';
import { euro } from '../budget/view';
import './arrangement.css';

interface Filters {
  gemeente: string;
  incomeSource: IncomeCategory | '';
  children: '' | 'met' | 'zonder';
}

export function SchemesScreen() {
  const call = useCall();
  const [schemes, setSchemes] = useState<StoredSchemeOut[] | null>(null);
  const [schemeId, setSchemeId] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    call('schemes.list', {}).then(
      (r) => {
        setSchemes(r.schemes);
        setSchemeId((s) => s || r.schemes[0]?.scheme.id || '');
      },
      (err: unknown) => setError(errorMessage(err)),
    );
  }, [call]);

  const current = schemes?.find((s) => s.scheme.id === schemeId) ?? null;
  return (
    <>
      <ScreenHeading title="Regelingen">Regelingen zorgpremie</ScreenHeading>
      <Alert>{error}</Alert>
      {!schemes ? (
        error ? null : <Loading />
      ) : schemes.length === 0 ? (
        <p className="muted">Er zijn geen regelingen. Voeg er een toe via Instellingen → Regelingen zorgpremie.</p>
      ) : (
        <div className="stack">
          <div className="field">
            <label htmlFor="regeling-keuze">Regeling</label>
            <select id="regeling-keuze" value={schemeId} onChange={(e) => setSchemeId(e.target.value)}>
              {schemes.map((s) => (
                <option key={s.scheme.id} value={s.scheme.id}>
                  {s.scheme.name}
                </option>
              ))}
            </select>
          </div>
          {current ? <SchemeGroup key={current.scheme.id} stored={current} /> : null}
        </div>
      )}
    </>
  );
}

/** Families per page of the group: enough to review, small enough that a page computes at once. */
const SCHEME_PAGE_SIZE = 50;

function SchemeGroup({ stored }: { stored: StoredSchemeOut }) {
  const call = useCall();
  const s = stored.scheme;
  const [dashboard, setDashboard] = useState<SchemeDashboardOut | null>(null);
  const [filters, setFilters] = useState<Filters>({ gemeente: s.gemeente, incomeSource: '', children: '' });
  const [families, setFamilies] = useState<SchemeFamilyOut[] | null>(null);
  // The group is loaded a page at a time (issue 10): `total` families in all, this page from `offset`.
  const [total, setTotal] = useState(0);
  const [offset, setOffset] = useState(0);
  const seenPages = useRef<Set<number>>(new Set());
  const [selected, setSelected] = useState<Set<string>>(new Set());
  // Reasons to take a family that does not meet the scheme's conditions anyway ("voldoet niet").
  const [overrides, setOverrides] = useState<Record<string, string>>({});
  const [includeBsn, setIncludeBsn] = useState(false);
  const [busy, setBusy] = useState(false);
  // The batch's letters are long work in the core: progress per letter, and "Annuleren" stores nothing (reasons too).
  const [batchJob, setBatchJob] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const wire = (f: Filters) => ({
    gemeente: f.gemeente.trim(),
    ...(f.incomeSource ? { incomeSource: f.incomeSource } : {}),
    ...(f.children ? { children: f.children } : {}),
  });

  const refreshDashboard = useCallback(() => call('schemes.dashboard', { schemeId: s.id }).then(setDashboard), [call, s.id]);
  useEffect(() => {
    refreshDashboard().catch((err: unknown) => setError(errorMessage(err)));
  }, [refreshDashboard]);

  /** A new search starts at the first page with a fresh selection; other pages add their feasible candidates once. */
  const search = async (f = filters, from = 0, fresh = true) => {
    setError(null);
    setBusy(true);
    try {
      const r = await call('schemes.batch', { schemeId: s.id, filters: wire(f), page: { offset: from, limit: SCHEME_PAGE_SIZE } });
      setFamilies(r.families);
      setTotal(r.total);
      setOffset(r.offset);
      if (fresh) seenPages.current = new Set();
      const firstVisit = !seenPages.current.has(r.offset);
      seenPages.current.add(r.offset);
      // Preselected: feasible candidates that meet the scheme's conditions ("voldoet niet" only with a reason).
      const feasible = r.families.filter((x) => x.status === 'kandidaat' && x.feasible && x.eligibility.meets).map((x) => x.dossierId);
      if (fresh) setSelected(new Set(feasible));
      else if (firstVisit) setSelected((sel) => new Set([...sel, ...feasible]));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const produce = async () => {
    setError(null);
    setMessage(null);
    setBusy(true);
    const jobId = newJobId();
    setBatchJob(jobId);
    try {
      // A reason recorded earlier stands unless a new one is typed.
      const notMet = new Set((families ?? []).filter((f) => !f.eligibility.meets && (!f.override || (overrides[f.dossierId] ?? '').trim() !== '')).map((f) => f.dossierId));
      const given = [...selected].filter((id) => notMet.has(id)).map((id) => ({ dossierId: id, reason: overrides[id] ?? '' }));
      const r = await call('schemes.produceBatch', { schemeId: s.id, filters: wire(filters), dossierIds: [...selected], includeBsn, overrides: given, jobId });
      for (const f of r.files) downloadBase64(f.fileName, f.contentBase64, f.mime);
      setMessage(
        `De batch is gemaakt: ${r.files.length - 2} ${r.files.length - 2 === 1 ? 'brief' : 'brieven'} (bewaard in de dossiers) en het overzicht voor ${s.creditor.name} als PDF en CSV. ${r.proposed} ${r.proposed === 1 ? 'gezin staat' : 'gezinnen staan'} nu op "Voorgesteld".`,
      );
      // The proposed families are no longer candidates: this page again, with a fresh selection.
      await Promise.all([search(filters, offset, true), refreshDashboard()]);
    } catch (err) {
      setError(
        err instanceof AppError && err.code === 'CANCELLED'
          ? 'De batch is afgebroken. Er is niets bewaard: geen brief, geen reden om een gezin toch op te nemen en geen gezin op "Voorgesteld".'
          : errorMessage(err),
      );
    } finally {
      setBusy(false);
      setBatchJob(null);
    }
  };

  const replaced = (f: SchemeFamilyOut) => {
    setFamilies((list) => list?.map((x) => (x.dossierId === f.dossierId ? f : x)) ?? null);
    void refreshDashboard();
  };

  return (
    <div className="stack">
      <section aria-labelledby="h-regeling-info" className="card">
        <h2 id="h-regeling-info">{s.name}</h2>
        <dl className="dl">
          <div>
            <dt>Schuldeiser</dt>
            <dd>{s.creditor.name}</dd>
          </div>
          <div>
            <dt>Gemeente</dt>
            <dd>{s.gemeente}</dd>
          </div>
          <div>
            <dt>Route</dt>
            <dd>{SCHEME_ROUTE_LABELS[s.route]}</dd>
          </div>
          <div>
            <dt>Looptijd</dt>
            <dd>hoogstens {s.maxMonths} maanden</dd>
          </div>
          <div>
            <dt>Per maand</dt>
            <dd>
              minstens {euro(s.minMonthly)}
              {s.maxMonthly ? `, hoogstens ${euro(s.maxMonthly)}` : ''}
            </dd>
          </div>
          <div>
            <dt>Restant</dt>
            <dd>{s.forgiveRemainder ? 'wordt kwijtgescholden na nakoming' : 'blijft verschuldigd'}</dd>
          </div>
        </dl>
        {stored.origin === 'user' ? <p className="small muted">Door gebruiker aangepast (Instellingen → Regelingen zorgpremie).</p> : null}
      </section>
      {dashboard ? <Dashboard d={dashboard} /> : null}
      <section aria-labelledby="h-selectie">
        <h2 id="h-selectie">Gezinnen selecteren</h2>
        <form
          className="filters"
          aria-label="Selectie"
          onSubmit={(e) => {
            e.preventDefault();
            void search();
          }}
        >
          <div className="field">
            <label htmlFor="f-gemeente">Gemeente (plaats)</label>
            <input id="f-gemeente" aria-describedby="f-gemeente-hint" value={filters.gemeente} onChange={(e) => setFilters({ ...filters, gemeente: e.target.value })} />
            <p id="f-gemeente-hint" className="hint">
              Leeg: alle plaatsen
            </p>
          </div>
          <div className="field">
            <label htmlFor="f-inkomen">Inkomensbron</label>
            <select id="f-inkomen" value={filters.incomeSource} onChange={(e) => setFilters({ ...filters, incomeSource: e.target.value as Filters['incomeSource'] })}>
              <option value="">Alle</option>
              {INCOME_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {INCOME_CATEGORY_LABELS[c]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="f-kinderen">Kinderen</label>
            <select id="f-kinderen" value={filters.children} onChange={(e) => setFilters({ ...filters, children: e.target.value as Filters['children'] })}>
              <option value="">Alle gezinnen</option>
              <option value="met">Met kinderen thuis</option>
              <option value="zonder">Zonder kinderen thuis</option>
            </select>
          </div>
          <div className="form-actions">
            <button type="submit" className="button primary" disabled={busy}>
              Gezinnen zoeken
            </button>
          </div>
        </form>
        <Alert>{error}</Alert>
        {message ? (
          <p className="success" role="status">
            {message}
          </p>
        ) : null}
        {families ? (
          families.length === 0 ? (
            <p className="muted" role="status">
              Geen gezinnen met een achterstand bij {s.creditor.name} in deze selectie.
            </p>
          ) : (
            <>
              <p role="status" className="muted">
                {total} {total === 1 ? 'gezin' : 'gezinnen'} met een achterstand bij {s.creditor.name}.
                {total > families.length ? ` Gezinnen ${offset + 1} t/m ${offset + families.length} worden getoond.` : ''}
              </p>
              <FamilyTable
                schemeId={s.id}
                families={families}
                selected={selected}
                setSelected={setSelected}
                onReplaced={replaced}
                overrides={overrides}
                setOverride={(id, reason) => setOverrides((o) => ({ ...o, [id]: reason }))}
              />
              {total > SCHEME_PAGE_SIZE ? (
                <nav className="form-actions" aria-label="Pagina's met gezinnen">
                  <button type="button" className="button" disabled={busy || offset === 0} onClick={() => void search(filters, Math.max(0, offset - SCHEME_PAGE_SIZE), false)}>
                    Vorige {SCHEME_PAGE_SIZE}
                  </button>
                  <button type="button" className="button" disabled={busy || offset + families.length >= total} onClick={() => void search(filters, offset + SCHEME_PAGE_SIZE, false)}>
                    Volgende {SCHEME_PAGE_SIZE}
                  </button>
                </nav>
              ) : null}
              <div className="field-check">
                <div className="check-row">
                  <input id="batch-bsn" type="checkbox" checked={includeBsn} onChange={(e) => setIncludeBsn(e.target.checked)} />
                  <label htmlFor="batch-bsn">BSN in de brieven opnemen</label>
                </div>
              </div>
              <div className="form-actions">
                <button type="button" className="button primary" disabled={busy || selected.size === 0} onClick={() => void produce()}>
                  Batch maken voor {selected.size} {selected.size === 1 ? 'gezin' : 'gezinnen'}
                </button>
              </div>
              {batchJob ? <JobProgress jobId={batchJob} label="Brieven maken" unit="stappen" /> : null}
            </>
          )
        ) : null}
      </section>
    </div>
  );
}

function Dashboard({ d }: { d: SchemeDashboardOut }) {
  return (
    <section aria-labelledby="h-dashboard">
      <h2 id="h-dashboard">Stand van de regeling</h2>
      <div role="group" aria-label="Totalen regeling">
        <dl className="totals">
          <div>
            <dt>Gezinnen</dt>
            <dd>{d.families}</dd>
          </div>
          <div>
            <dt>Kinderen</dt>
            <dd>{d.children}</dd>
          </div>
          <div>
            <dt>Achterstand</dt>
            <dd>{euro(d.arrears)}</dd>
          </div>
          <div>
            <dt>Per maand</dt>
            <dd>{euro(d.monthly)}</dd>
          </div>
          <div>
            <dt>Verwachte kwijtschelding</dt>
            <dd>{euro(d.expectedForgiveness)}</dd>
          </div>
        </dl>
      </div>
      <p className="small">
        {Object.entries(d.byStatus)
          .map(([k, n]) => `${SCHEME_FAMILY_STATUS_LABELS[k as keyof typeof SCHEME_FAMILY_STATUS_LABELS]}: ${n}`)
          .join(' · ')}
      </p>
      <p className="small">
        Voorwaarden tijdens de looptijd:{' '}
        {TERM_STATES.map((k) => `${TERM_STATE_LABELS[k]}: ${d.byTermState[k]}`).join(' · ')}
      </p>
      {d.breached.length > 0 ? (
        <div className="notice" role="group" aria-label="Voorwaarde geschonden">
          <p>
            <strong>
              Voorwaarde geschonden bij {d.breached.length} {d.breached.length === 1 ? 'gezin' : 'gezinnen'}
            </strong>
          </p>
          <ul>
            {d.breached.map((b) => (
              <li key={b.dossierId}>
                <NavLink to={{ name: 'dossier', id: b.dossierId }}>{b.displayName}</NavLink> <span className="muted small mono">{b.dossierNumber}</span> ({SCHEME_FAMILY_STATUS_LABELS[b.status]}):{' '}
                {b.reasons.join(' ')}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {d.notFeasible > 0 || d.missingFigures > 0 ? (
        <p className="notice">
          {d.notFeasible > 0 ? `${d.notFeasible} ${d.notFeasible === 1 ? 'gezin kan' : 'gezinnen kunnen'} het minimum per maand niet betalen. ` : ''}
          {d.missingFigures > 0 ? `Bij ${d.missingFigures} ${d.missingFigures === 1 ? 'gezin ontbreken' : 'gezinnen ontbreken'} gegevens voor de berekening.` : ''}
        </p>
      ) : null}
      <p className="muted small">Peildatum {showDate(d.referenceDate)}.</p>
    </section>
  );
}

function FamilyTable({
  schemeId,
  families,
  selected,
  setSelected,
  onReplaced,
  overrides,
  setOverride,
}: {
  schemeId: string;
  families: SchemeFamilyOut[];
  selected: Set<string>;
  setSelected: (s: Set<string>) => void;
  onReplaced: (f: SchemeFamilyOut) => void;
  overrides: Record<string, string>;
  setOverride: (dossierId: string, reason: string) => void;
}) {
  const toggle = (id: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    setSelected(next);
  };
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">Gezinnen in de regeling</caption>
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">Kiezen</span>
            </th>
            <th scope="col">Gezin</th>
            <th scope="col">Plaats</th>
            <th scope="col" className="num">
              Kinderen
            </th>
            <th scope="col" className="num">
              Achterstand
            </th>
            <th scope="col" className="num">
              Per maand
            </th>
            <th scope="col" className="num">
              Maanden
            </th>
            <th scope="col" className="num">
              Kwijtschelding
            </th>
            <th scope="col">Status</th>
            <th scope="col">
              <span className="visually-hidden">Toelichting</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {families.map((f) => (
            <FamilyRow
              key={f.dossierId}
              schemeId={schemeId}
              f={f}
              checked={selected.has(f.dossierId)}
              onToggle={(on) => toggle(f.dossierId, on)}
              onReplaced={onReplaced}
              override={overrides[f.dossierId] ?? ''}
              setOverride={(reason) => setOverride(f.dossierId, reason)}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function FamilyRow({
  schemeId,
  f,
  checked,
  onToggle,
  onReplaced,
  override,
  setOverride,
}: {
  schemeId: string;
  f: SchemeFamilyOut;
  checked: boolean;
  onToggle: (on: boolean) => void;
  onReplaced: (f: SchemeFamilyOut) => void;
  override: string;
  setOverride: (reason: string) => void;
}) {
  const call = useCall();
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState<ParticipantStatus | ''>(f.status === 'kandidaat' ? '' : f.status);
  const [error, setError] = useState<string | null>(null);
  const panel = useId();
  const save = async () => {
    setError(null);
    try {
      onReplaced(await call('schemes.setParticipant', { schemeId, dossierId: f.dossierId, status: status || null, agreedMonthly: status ? (f.agreedMonthly ?? (f.feasible ? f.monthly.value : null)) : null, startDate: f.startDate }));
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  return (
    <Fragment>
      <tr>
        <td>
          <input type="checkbox" aria-label={`${f.displayName} in de batch`} checked={checked} onChange={(e) => onToggle(e.target.checked)} />
        </td>
        <th scope="row">
          <NavLink to={{ name: 'dossier', id: f.dossierId }}>{f.displayName}</NavLink> {f.fictitious ? <FictitiousBadge /> : null}
          <span className="muted small mono"> {f.dossierNumber}</span>
        </th>
        <td>{f.city ?? '—'}</td>
        <td className="num">{f.childrenCount}</td>
        <td className="num nowrap">{euro(f.arrears.value)}</td>
        <td className="num nowrap">{f.feasible ? euro(f.monthly.value) : 'niet haalbaar'}</td>
        <td className="num">{f.months ?? '—'}</td>
        <td className="num nowrap">{euro(f.forgiven.value)}</td>
        <td>
          {SCHEME_FAMILY_STATUS_LABELS[f.status]}
          {f.eligibility.meets ? null : f.override ? (
            <div className="small">
              <strong>Doet mee met een reden</strong>
              <p className="muted">
                Voldoet niet: {f.eligibility.reasons.join(' ')} Reden ({showDateTime(f.override.at)}): {f.override.reason}
              </p>
            </div>
          ) : (
            <div className="small">
              <strong className="notice-text">Voldoet niet</strong>
              <ul className="reasons">
                {f.eligibility.reasons.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
              {checked ? (
                <div className="field">
                  <label htmlFor={`${panel}-reden`}>Reden om {f.displayName} toch op te nemen</label>
                  <input id={`${panel}-reden`} value={override} onChange={(e) => setOverride(e.target.value)} />
                </div>
              ) : null}
            </div>
          )}
        </td>
        <td className="row-actions">
          <button type="button" className="button small" aria-expanded={open} aria-controls={panel} onClick={() => setOpen((o) => !o)}>
            Toelichting<span className="visually-hidden"> bij {f.displayName}</span>
          </button>
        </td>
      </tr>
      <tr className="explanation-row" id={panel} hidden={!open}>
        <td colSpan={10}>
          {open ? (
            <div className="explanation" role="region" aria-label={`Toelichting bij ${f.displayName}`}>
              <p>{f.summary}</p>
              {f.premiumStage ? (
                <>
                  <p>
                    <strong>{f.premiumStage.label}.</strong> {f.premiumStage.next}
                  </p>
                  <ul>
                    {f.premiumStage.exits.map((x) => (
                      <li key={x}>{x}</li>
                    ))}
                  </ul>
                </>
              ) : null}
              {[...f.missing.map((m) => m.message), ...f.warnings].length > 0 ? (
                <ul>
                  {[...f.missing.map((m) => m.message), ...f.warnings].map((w) => (
                    <li key={w}>{w}</li>
                  ))}
                </ul>
              ) : null}
              <p className="explanation-heading">Regel voor het bedrag per maand</p>
              <p>{f.monthly.explanation.rule}</p>
              <div className="whatif-grid">
                <div className="field">
                  <label htmlFor={`${panel}-status`}>Status in de regeling</label>
                  <select id={`${panel}-status`} value={status} onChange={(e) => setStatus(e.target.value as ParticipantStatus | '')}>
                    <option value="">Kandidaat (niet ingeschreven)</option>
                    {PARTICIPANT_STATUSES.map((p) => (
                      <option key={p} value={p}>
                        {SCHEME_FAMILY_STATUS_LABELS[p]}
                      </option>
                    ))}
                  </select>
                </div>
                <button type="button" className="button small" onClick={() => void save()}>
                  Status opslaan
                </button>
              </div>
              <Alert>{error}</Alert>
            </div>
          ) : null}
        </td>
      </tr>
    </Fragment>
  );
}
