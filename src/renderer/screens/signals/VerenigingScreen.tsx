// Vereniging (association) side in the same app. In a vereniging vault: the office key register, the received
// office reports (checked one by one on receipt, rejections with their reason) and publishing from that store,
// all kept encrypted in the vault. Anywhere: choose a register and reports as files and merge them without
// storing (as before). The outcome: the verdicts, the downloads and a dashboard whose every chart is drawn from
// the published (suppressed, rounded) cells only and has its table beside it. Every figure comes from the core.
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import type { AssociationStoreOut } from '../../../shared/contract/association-store';
import { AppError } from '../../../shared/contract/errors';
import type { ProcedureOutput } from '../../../shared/contract/procedures';
import { JobProgress, newJobId } from '../../components/JobProgress';
import { ScreenHeading } from '../../components/ScreenHeading';
import { Alert } from '../../components/Status';
import { downloadBase64, downloadFile } from '../../components/download';
import { readText } from '../../components/read-json-file';
import { showDate, showDateTime } from '../../format';
import { errorMessage, useCall, useSession } from '../../state/session';
import '../../components/charts/charts.css';

type Outcome = ProcedureOutput<'association.merge'>;

export const PUBLISH_CANCELLED = 'Het publiceren is afgebroken. Er is geen publicatie gemaakt of bewaard.';
export const MERGE_CANCELLED = 'Het samenvoegen is afgebroken. Er is niets samengevoegd.';
type Published = NonNullable<Outcome['published']>;

export function VerenigingScreen() {
  const { status } = useSession();
  const vereniging = status?.vault?.kind === 'vereniging';
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  return (
    <>
      <ScreenHeading title="Vereniging">Vereniging: rapporten samenvoegen en publiceren</ScreenHeading>
      {vereniging ? (
        <StoreSections onOutcome={setOutcome} />
      ) : (
        <p className="muted">
          Deze kluis is een kantoorkluis. Hier kunt u rapporten en een sleutelregister als bestanden kiezen en samenvoegen; bewaren kan alleen in een
          verenigingskluis.
        </p>
      )}
      <PickedFiles onOutcome={setOutcome} open={!vereniging} />
      {outcome ? <OutcomeView outcome={outcome} /> : null}
    </>
  );
}

// ------------------------------------------------------------------------------------- vereniging vault

function StoreSections({ onOutcome }: { onOutcome: (o: Outcome) => void }) {
  const call = useCall();
  const [store, setStore] = useState<AssociationStoreOut | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [office, setOffice] = useState('');
  const [pem, setPem] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [busy, setBusy] = useState(false);
  const [publishJob, setPublishJob] = useState<string | null>(null);

  const load = useCallback(() => call('association.store.get', {}).then(setStore), [call]);
  useEffect(() => {
    load().catch((err: unknown) => setError(errorMessage(err)));
  }, [load]);

  const run = async (work: () => Promise<void>) => {
    setError(null);
    setMessage(null);
    setBusy(true);
    try {
      await work();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const register = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      setStore(await call('association.store.registerKey', { office, publicKeyPem: pem }));
      setMessage(`De sleutel van ${office.trim()} is geregistreerd.`);
      setOffice('');
      setPem('');
    });
  };
  const receive = (e: FormEvent) => {
    e.preventDefault();
    if (files.length === 0) {
      setError('Kies minstens één rapportbestand.');
      return;
    }
    void run(async () => {
      const texts = await Promise.all(files.map(async (f) => ({ name: f.name, text: await readText(f) })));
      const r = await call('association.store.receive', { files: texts });
      setStore(r.store);
      const ok = r.received.filter((x) => x.accepted).length;
      setMessage(`${ok} ${ok === 1 ? 'rapport' : 'rapporten'} geaccepteerd, ${r.received.length - ok} afgewezen.`);
    });
  };
  const publish = (e: FormEvent) => {
    e.preventDefault();
    const jobId = newJobId();
    setPublishJob(jobId);
    void run(async () => {
      try {
        const r = await call('association.store.publish', { year: year.trim(), jobId });
        onOutcome(r);
        setMessage(r.publicationId ? `De publicatie over ${year.trim()} is gemaakt en bewaard.` : 'Er is niets te publiceren.');
        await load();
      } catch (err) {
        if (err instanceof AppError && err.code === 'CANCELLED') throw new AppError('CANCELLED', PUBLISH_CANCELLED);
        throw err;
      } finally {
        setPublishJob(null);
      }
    });
  };
  const open = (id: string) => void run(async () => onOutcome(await call('association.store.publication', { id })));
  const revoke = (keyId: string, name: string) =>
    void run(async () => {
      setStore(await call('association.store.revokeKey', { keyId }));
      setMessage(`De sleutel van ${name} is ingetrokken.`);
    });

  return (
    <div className="stack">
      <Alert>{error}</Alert>
      {message ? (
        <p className="success" role="status">
          {message}
        </p>
      ) : null}
      <section aria-labelledby="h-ver-register" className="card">
        <h2 id="h-ver-register">Sleutelregister</h2>
        <p className="muted small">De publieke rapportsleutels van de kantoren. De naam van een kantoor komt nooit in een totaal.</p>
        {store && store.keys.length > 0 ? (
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">Geregistreerde kantoorsleutels</caption>
              <thead>
                <tr>
                  <th scope="col">Kantoor</th>
                  <th scope="col">Sleutel</th>
                  <th scope="col">Geregistreerd</th>
                  <th scope="col">Ingetrokken</th>
                  <th scope="col">
                    <span className="visually-hidden">Acties</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {store.keys.map((k) => (
                  <tr key={k.keyId}>
                    <th scope="row">{k.office}</th>
                    <td className="mono small">{k.keyId.slice(0, 16)}…</td>
                    <td>{showDate(k.registeredOn)}</td>
                    <td>{k.revokedOn ? showDate(k.revokedOn) : '—'}</td>
                    <td className="row-actions">
                      {k.revokedOn ? null : (
                        <button type="button" className="button small danger-quiet" disabled={busy} onClick={() => revoke(k.keyId, k.office)}>
                          Intrekken<span className="visually-hidden"> voor {k.office}</span>
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="muted">Nog geen sleutels geregistreerd.</p>
        )}
        <form className="stack" onSubmit={register} aria-label="Kantoorsleutel registreren">
          <div className="field">
            <label htmlFor="ver-office">Naam van het kantoor</label>
            <input id="ver-office" value={office} onChange={(e) => setOffice(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="ver-pem">Publieke sleutel (PEM)</label>
            <textarea id="ver-pem" rows={4} value={pem} onChange={(e) => setPem(e.target.value)} />
          </div>
          <div className="actions">
            <button type="submit" className="button" disabled={busy}>
              Sleutel registreren
            </button>
          </div>
        </form>
      </section>

      <section aria-labelledby="h-ver-ontvangen" className="card">
        <h2 id="h-ver-ontvangen">Ontvangen rapporten</h2>
        <form className="stack" onSubmit={receive} aria-label="Rapporten ontvangen">
          <div className="field">
            <label htmlFor="ver-receive">Rapporten van kantoren (JSON)</label>
            <input id="ver-receive" type="file" multiple accept=".json,application/json" onChange={(e) => setFiles([...(e.target.files ?? [])])} />
          </div>
          <div className="actions">
            <button type="submit" className="button primary" disabled={busy}>
              Controleren en bewaren
            </button>
          </div>
        </form>
        {store && store.files.length > 0 ? (
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">Ontvangen rapporten</caption>
              <thead>
                <tr>
                  <th scope="col">Bestand</th>
                  <th scope="col">Ontvangen</th>
                  <th scope="col">Kantoor</th>
                  <th scope="col">Periode</th>
                  <th scope="col">Oordeel</th>
                </tr>
              </thead>
              <tbody>
                {store.files.map((f) => (
                  <tr key={f.id}>
                    <th scope="row">{f.fileName}</th>
                    <td className="nowrap">{showDateTime(f.receivedAt)}</td>
                    <td>{f.office ?? '—'}</td>
                    <td>{f.period ?? '—'}</td>
                    <td>{f.status === 'geaccepteerd' ? 'Geaccepteerd' : `Afgewezen: ${f.reason ?? ''}`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>

      <section aria-labelledby="h-ver-publiceren" className="card">
        <h2 id="h-ver-publiceren">Publiceren</h2>
        <form className="filters" onSubmit={publish} aria-label="Publiceren">
          <div className="field">
            <label htmlFor="ver-year">Jaar</label>
            <input id="ver-year" inputMode="numeric" className="field-short" value={year} onChange={(e) => setYear(e.target.value)} />
          </div>
          <div className="form-actions">
            <button type="submit" className="button primary" disabled={busy}>
              Publicatie maken
            </button>
          </div>
        </form>
        {publishJob ? <JobProgress jobId={publishJob} label="Publicatie maken" unit="stappen" /> : null}
        {store && store.publications.length > 0 ? (
          <ul aria-label="Eerdere publicaties">
            {store.publications.map((p) => (
              <li key={p.id}>
                {p.year}, {showDateTime(p.createdAt)} ({p.files} {p.files === 1 ? 'rapport' : 'rapporten'}){' '}
                <button type="button" className="button small" onClick={() => open(p.id)}>
                  Tonen<span className="visually-hidden"> publicatie {p.year} van {showDateTime(p.createdAt)}</span>
                </button>
              </li>
            ))}
          </ul>
        ) : null}
      </section>
    </div>
  );
}

// ------------------------------------------------------------------------------------- picked files

function PickedFiles({ onOutcome, open }: { onOutcome: (o: Outcome) => void; open: boolean }) {
  const call = useCall();
  const [register, setRegister] = useState<File | null>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [jobId, setJobId] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (!register || files.length === 0) {
      setError('Kies het sleutelregister en minstens één rapportbestand.');
      return;
    }
    setBusy(true);
    const id = newJobId();
    setJobId(id);
    try {
      const texts = await Promise.all(files.map(async (f) => ({ name: f.name, text: await readText(f) })));
      onOutcome(await call('association.merge', { files: texts, register: await readText(register), jobId: id }));
    } catch (err) {
      setError(err instanceof AppError && err.code === 'CANCELLED' ? MERGE_CANCELLED : errorMessage(err));
    } finally {
      setBusy(false);
      setJobId(null);
    }
  };

  return (
    <details className="card" open={open}>
      <summary>Bestanden kiezen en samenvoegen zonder te bewaren</summary>
      <form className="stack" onSubmit={(e) => void submit(e)}>
        <div className="field">
          <label htmlFor="ver-register">Sleutelregister (JSON)</label>
          <input id="ver-register" type="file" accept=".json,application/json" onChange={(e) => setRegister(e.target.files?.[0] ?? null)} />
        </div>
        <div className="field">
          <label htmlFor="ver-files">Ontvangen rapporten van kantoren (JSON)</label>
          <input id="ver-files" type="file" multiple accept=".json,application/json" onChange={(e) => setFiles([...(e.target.files ?? [])])} />
        </div>
        <div className="actions">
          <button type="submit" className="button primary" disabled={busy}>
            Controleren en samenvoegen
          </button>
        </div>
      </form>
      {busy && jobId ? <JobProgress jobId={jobId} label="Samenvoegen" unit="stappen" /> : null}
      <Alert>{error}</Alert>
    </details>
  );
}

// ------------------------------------------------------------------------------------- the outcome

function OutcomeView({ outcome }: { outcome: Outcome }) {
  const p = outcome.published;
  return (
    <section className="stack" aria-labelledby="h-ver-result">
      <h2 id="h-ver-result">
        {outcome.accepted.length} goedgekeurd, {outcome.rejected.length} afgekeurd
      </h2>
      {outcome.rejected.length > 0 ? (
        <ul aria-label="Afgekeurde bestanden">
          {outcome.rejected.map((r) => (
            <li key={r.name}>
              <strong>{r.name}</strong>: {r.reason}
            </li>
          ))}
        </ul>
      ) : null}
      {p ? (
        <>
          <p className="small">
            {p.year}, perioden {p.periods.join(', ')}, {p.offices} kantoren. {p.rules}
          </p>
          <div className="actions">
            {outcome.csv ? (
              <button type="button" className="button" onClick={() => downloadFile(`systeemfouten-${p.year}-publicatie.csv`, outcome.csv ?? '', 'text/csv')}>
                CSV downloaden
              </button>
            ) : null}
            {outcome.jsonStat ? (
              <button type="button" className="button" onClick={() => downloadFile(`systeemfouten-${p.year}-publicatie.json`, outcome.jsonStat ?? '', 'application/json')}>
                JSON-stat downloaden
              </button>
            ) : null}
            {outcome.pdfBase64 ? (
              <button type="button" className="button" onClick={() => downloadBase64(`systeemfouten-${p.year}-publicatie.pdf`, outcome.pdfBase64 ?? '')}>
                PDF downloaden
              </button>
            ) : null}
          </div>
          <Dashboard p={p} />
        </>
      ) : null}
    </section>
  );
}

function Dashboard({ p }: { p: Published }) {
  return (
    <section className="stack" aria-labelledby="h-ver-dashboard">
      <h2 id="h-ver-dashboard">Dashboard {p.year}</h2>
      <p className="muted small">Alle grafieken tonen alleen gepubliceerde cellen (minstens 10 huishoudens uit minstens 3 kantoren, afgerond op 5); bij elke grafiek staat de tabel.</p>
      <BarsWithTable
        title="Huishoudens per kwartaal"
        note={`Per kwartaal apart gepubliceerd volgens dezelfde regels: de som van de gepubliceerde cellen van T0.${
          p.coarserPeriods.length > 0 ? ` Rapporten over ${p.coarserPeriods.join(', ')} (kleine kantoren) tellen mee in het jaar, niet in een kwartaal.` : ''
        }`}
        rows={p.quarters.map((q) => ({ key: q.period, label: q.period, households: q.households }))}
        extraColumn={{ heading: 'Kantoren', values: Object.fromEntries(p.quarters.map((q) => [q.period, String(q.offices)])) }}
      />
      {p.charts.map((c) => (
        <BarsWithTable key={c.id} title={c.title} note={c.note} rows={c.rows} />
      ))}
    </section>
  );
}

const W = 640;
const LABEL_W = 250;
const VALUE_W = 60;
const ROW = 26;
const BAR_H = 16;
/** At most this many bars; the table beside the chart lists every row. */
const MAX_BARS = 15;

/** A horizontal bar chart (an image with a text description) and the same figures as a table. */
function BarsWithTable({
  title,
  note,
  rows,
  extraColumn,
}: {
  title: string;
  note: string;
  rows: { key: string; label: string; households: number }[];
  extraColumn?: { heading: string; values: Record<string, string> };
}) {
  const id = useId();
  const bars = rows.slice(0, MAX_BARS);
  const max = Math.max(1, ...bars.map((r) => r.households));
  const height = bars.length * ROW + 6;
  const plot = W - LABEL_W - VALUE_W;
  return (
    <figure className="chart" aria-labelledby={`${id}-t`}>
      <figcaption id={`${id}-t`} className="chart-title">
        {title}
      </figcaption>
      <p className="muted small">{note}</p>
      {rows.length === 0 ? (
        <p>Geen cellen die aan de publicatieregels voldoen.</p>
      ) : (
        <>
          <svg className="chart-svg chart-svg-bars" viewBox={`0 0 ${W} ${height}`} role="img" aria-labelledby={`${id}-t`} aria-describedby={`${id}-d`} preserveAspectRatio="xMinYMin meet">
            <desc id={`${id}-d`}>{bars.map((r) => `${r.label}: ${r.households}`).join('; ')}</desc>
            <line className="chart-axis" x1={LABEL_W} x2={LABEL_W} y1={0} y2={height - 3} />
            {bars.map((r, i) => {
              const y = i * ROW + 4;
              const w = Math.max(2, (r.households / max) * plot);
              return (
                <g key={r.key} className="tone-income">
                  <text className="chart-tick" x={LABEL_W - 8} y={y + BAR_H / 2} dominantBaseline="middle" textAnchor="end">
                    {r.label.length > 38 ? `${r.label.slice(0, 37)}…` : r.label}
                  </text>
                  <rect x={LABEL_W} y={y} width={w} height={BAR_H} rx={2} />
                  <text className="chart-value" x={LABEL_W + w + 6} y={y + BAR_H / 2} dominantBaseline="middle">
                    {r.households}
                  </text>
                </g>
              );
            })}
          </svg>
          <details>
            <summary>Tabel bij “{title}”</summary>
            <div className="table-wrap">
              <table className="table">
                <caption>{title}</caption>
                <thead>
                  <tr>
                    <th scope="col">{title.replace(/^Huishoudens per /, '').replace(/^./, (c) => c.toUpperCase())}</th>
                    <th scope="col" className="num">
                      Huishoudens
                    </th>
                    {extraColumn ? (
                      <th scope="col" className="num">
                        {extraColumn.heading}
                      </th>
                    ) : null}
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.key}>
                      <th scope="row">{r.label}</th>
                      <td className="num">{r.households}</td>
                      {extraColumn ? <td className="num">{extraColumn.values[r.key] ?? ''}</td> : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </>
      )}
    </figure>
  );
}
