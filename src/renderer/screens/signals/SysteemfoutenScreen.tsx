// Systeemfouten for the whole vault: the overview of recorded signals (filter by quarter, instantie,
// mechanism and effect on children) and the anonymised report: the preview "wat verlaat dit kantoor" must be
// shown and confirmed before anything is signed and downloaded. The core computes every figure shown here.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { AppError } from '../../../shared/contract/errors';
import type { ReportPreview } from '../../../shared/contract/reports';
import type { Signal, SignalFilter } from '../../../shared/signals/schema';
import { INSTANTIES, MECHANISM_GROUPS } from '../../../shared/signals/vocabulary';
import { JobProgress, newJobId } from '../../components/JobProgress';
import { ScreenHeading } from '../../components/ScreenHeading';
import { Alert, Loading } from '../../components/Status';
import { downloadBase64, downloadFile } from '../../components/download';
import { hrefOf, useNavigate } from '../../state/route';
import { errorMessage, useCall } from '../../state/session';
import { RecordedOn } from './RecordedOn';
import { EFFECT_LABEL, INSTANTIE_LABEL, MECHANISM_LABEL } from './labels';

export const REPORT_CANCELLED = 'Het ondertekenen is afgebroken. Er is niets ondertekend, vastgelegd of gedownload.';

function previousQuarter(): string {
  const now = new Date();
  const q = Math.floor(now.getMonth() / 3); // current quarter index 0..3
  return q === 0 ? `${now.getFullYear() - 1}-Q4` : `${now.getFullYear()}-Q${q}`;
}

export function SysteemfoutenScreen() {
  return (
    <>
      <ScreenHeading title="Systeemfouten">Systeemfouten</ScreenHeading>
      <SignalOverview />
      <ReportSection />
    </>
  );
}

function SignalOverview() {
  const call = useCall();
  const navigate = useNavigate();
  const [filter, setFilter] = useState<SignalFilter>({});
  const [rows, setRows] = useState<Signal[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let alive = true;
    call('signals.list', filter).then(
      (r) => alive && (setRows(r), setError(null)),
      (err: unknown) => alive && setError(errorMessage(err)),
    );
    return () => {
      alive = false;
    };
  }, [call, filter]);

  const set = (patch: Partial<SignalFilter>) =>
    setFilter((f) => Object.fromEntries(Object.entries({ ...f, ...patch }).filter(([, v]) => v !== undefined && v !== '')) as SignalFilter);

  return (
    <section className="stack" aria-labelledby="h-overzicht">
      <h2 id="h-overzicht">Vastgelegde systeemfouten</h2>
      <div className="filters" role="group" aria-label="Filters">
        <label>
          Kwartaal (bijv. 2026-Q3){' '}
          <input
            id="filter-quarter"
            defaultValue=""
            onBlur={(e) => set({ quarter: /^\d{4}-Q[1-4]$/.test(e.target.value.trim()) ? e.target.value.trim() : undefined })}
          />
        </label>
        <label>
          Instantie{' '}
          <select id="filter-instantie" value={filter.instantie ?? ''} onChange={(e) => set({ instantie: (e.target.value || undefined) as SignalFilter['instantie'] })}>
            <option value="">Alle</option>
            {INSTANTIES.map((i) => (
              <option key={i.code} value={i.code}>
                {i.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Mechanisme{' '}
          <select id="filter-mechanism" value={filter.mechanismGroup ?? ''} onChange={(e) => set({ mechanismGroup: e.target.value || undefined })}>
            <option value="">Alle</option>
            {MECHANISM_GROUPS.map((g) => (
              <option key={g.code} value={g.code}>
                {g.code} {g.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Gevolg voor kinderen{' '}
          <select
            id="filter-children"
            value={filter.childEffect === undefined ? '' : filter.childEffect ? 'ja' : 'nee'}
            onChange={(e) => set({ childEffect: e.target.value === '' ? undefined : e.target.value === 'ja' })}
          >
            <option value="">Alle</option>
            <option value="ja">Met gevolg</option>
            <option value="nee">Zonder gevolg</option>
          </select>
        </label>
      </div>
      <Alert>{error}</Alert>
      {!rows ? (
        <Loading />
      ) : rows.length === 0 ? (
        <p>Geen systeemfouten bij deze filters.</p>
      ) : (
        <table className="data-table" aria-label="Systeemfouten in de kluis">
          <thead>
            <tr>
              <th scope="col">Vastgelegd</th>
              <th scope="col">Dossier</th>
              <th scope="col">Instantie</th>
              <th scope="col">Mechanisme</th>
              <th scope="col">Gevolgen</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((s) => (
              <tr key={s.id}>
                <td>
                  <RecordedOn signal={s} />
                </td>
                <td className="mono">
                  <a
                    href={hrefOf({ name: 'dossier', id: s.dossierId })}
                    onClick={(e) => {
                      e.preventDefault();
                      navigate({ name: 'dossier', id: s.dossierId });
                    }}
                  >
                    {s.dossierNumber}
                  </a>
                </td>
                <td>{INSTANTIE_LABEL[s.instantie]}</td>
                <td>{MECHANISM_LABEL[s.mechanism]}</td>
                <td>{s.effects.map((e) => EFFECT_LABEL[e]).join(', ') || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="small">{rows ? `${rows.length} ${rows.length === 1 ? 'systeemfout' : 'systeemfouten'}` : ''}</p>
    </section>
  );
}

function ReportSection() {
  const call = useCall();
  const [period, setPeriod] = useState(previousQuarter());
  const [preview, setPreview] = useState<ReportPreview | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [jobId, setJobId] = useState<string | null>(null);

  const show = useCallback(
    async (e: FormEvent) => {
      e.preventDefault();
      setError(null);
      setDone(null);
      setConfirmed(false);
      setPreview(null);
      try {
        setPreview(await call('report.preview', { period: period.trim() }));
      } catch (err) {
        setError(errorMessage(err));
      }
    },
    [call, period],
  );

  const sign = async () => {
    if (!preview?.previewHash) return;
    setBusy(true);
    setError(null);
    const id = newJobId();
    setJobId(id);
    try {
      const r = await call('report.export', { period: preview.period, reporterRole: preview.reporterRole, previewHash: preview.previewHash, jobId: id });
      downloadFile(`${r.fileBase}.json`, r.envelope, 'application/json');
      downloadFile(`${r.fileBase}.csv`, r.csv, 'text/csv');
      downloadBase64(`${r.fileBase}.pdf`, r.pdfBase64);
      setDone(`Het rapport over ${r.period} is ondertekend en gedownload (JSON, CSV en PDF). Export-id ${r.exportId}.`);
      setPreview(null);
    } catch (err) {
      setError(err instanceof AppError && err.code === 'CANCELLED' ? REPORT_CANCELLED : errorMessage(err));
    } finally {
      setBusy(false);
      setJobId(null);
    }
  };

  const downloadKey = async () => {
    try {
      const key = await call('report.publicKey', {});
      downloadFile('kantoorsleutel.json', `${JSON.stringify({ format: 'houvast.kantoorsleutel', version: 1, keyId: key.keyId, publicKeyPem: key.publicKeyPem }, null, 2)}\n`, 'application/json');
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  return (
    <section className="stack" aria-labelledby="h-rapport">
      <h2 id="h-rapport">Geanonimiseerd rapport voor de vereniging</h2>
      <p>
        Het rapport bevat alleen tellingen van huishoudens (elke telling 0 of minstens 10), geen namen, adressen, datums of notities. U ziet
        eerst precies wat dit kantoor verlaat.
      </p>
      <form className="actions" onSubmit={(e) => void show(e)}>
        <label htmlFor="report-period">Periode (2026-Q3, 2026-H1 of 2026)</label>
        <input id="report-period" value={period} onChange={(e) => setPeriod(e.target.value)} />
        <button type="submit" className="button">
          Toon wat dit kantoor verlaat
        </button>
        <button type="button" className="button" onClick={() => void downloadKey()}>
          Publieke sleutel downloaden
        </button>
      </form>
      <Alert>{error}</Alert>
      {done ? (
        <p className="success" role="status">
          {done}
        </p>
      ) : null}
      {preview ? <PreviewView preview={preview} /> : null}
      <LedgerList version={done} onError={setError} />
      {preview?.ok ? (
        <div className="stack">
          <label className="checkbox">
            <input id="report-confirm" type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} /> Ik heb gecontroleerd wat
            dit kantoor verlaat
          </label>
          <div className="actions">
            <button type="button" className="button primary" disabled={!confirmed || busy} onClick={() => void sign()}>
              Ondertekenen en downloaden
            </button>
          </div>
          {busy && jobId ? <JobProgress jobId={jobId} label="Rapport ondertekenen" unit="stappen" /> : null}
        </div>
      ) : null}
    </section>
  );
}

function PreviewView({ preview }: { preview: ReportPreview }) {
  return (
    <div className="stack report-preview" aria-labelledby="h-preview">
      <h3 id="h-preview">Wat verlaat dit kantoor: {preview.period}</h3>
      {preview.refusal ? (
        <div className="budget-warnings" role="alert">
          <p>
            <strong>Geweigerd:</strong> {preview.refusal}
          </p>
        </div>
      ) : null}
      <dl className="totals">
        <div>
          <dt>Huishoudens</dt>
          <dd>{preview.households}</dd>
        </div>
        <div>
          <dt>Signalen</dt>
          <dd>{preview.signals}</dd>
        </div>
        <div>
          <dt>In n.n.b.-buckets</dt>
          <dd>{preview.recodedHouseholds}</dd>
        </div>
        <div>
          <dt>Weggelaten (niet toegewezen)</dt>
          <dd>
            {preview.unallocatedHouseholds} ({preview.suppressedShare})
          </dd>
        </div>
        <div>
          <dt>Buiten het rapport (geen minderjarig kind thuis)</dt>
          <dd>{preview.outOfScopeHouseholds}</dd>
        </div>
        <div>
          <dt>k (minimum per telling)</dt>
          <dd>{preview.k}</dd>
        </div>
      </dl>
      <table className="data-table" aria-label="Detailniveaus">
        <caption>Detailniveaus (privacyniveaus)</caption>
        <tbody>
          {preview.levels.map((l) => (
            <tr key={l.dimension}>
              <th scope="row">{l.name}</th>
              <td>{l.levelName}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {preview.tables.map((t) => (
        <table key={t.id} className="data-table" aria-label={`${t.id}: ${t.title}`}>
          <caption>
            {t.id}: {t.title}
          </caption>
          <thead>
            <tr>
              {t.dims.map((d) => (
                <th key={d} scope="col">
                  {d}
                </th>
              ))}
              <th scope="col" className="num">
                Huishoudens
              </th>
              <th scope="col" className="num">
                Signalen
              </th>
            </tr>
          </thead>
          <tbody>
            {t.cells.length === 0 ? (
              <tr>
                <td colSpan={t.dims.length + 2}>Geen cellen.</td>
              </tr>
            ) : (
              t.cells.map((c) => (
                <tr key={c.key.join('|')}>
                  {c.labels.map((l, i) => (
                    <td key={i}>{l}</td>
                  ))}
                  <td className="num">{c.households}</td>
                  <td className="num">{c.events}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      ))}
    </div>
  );
}

/** Accepted exports (the ledger), each downloadable again from its signed envelope. */
function LedgerList({ version, onError }: { version: string | null; onError: (e: string) => void }) {
  const call = useCall();
  const [ledger, setLedger] = useState<{ intact: boolean; entries: { exportId: string; period: string; supersedes: string | null; signals: number; createdAt: number }[] } | null>(null);
  useEffect(() => {
    call('report.ledger', {}).then(setLedger, (err: unknown) => onError(errorMessage(err)));
  }, [call, version, onError]);
  if (!ledger || ledger.entries.length === 0) return null;
  return (
    <table className="data-table" aria-label="Verzonden rapporten">
      <caption>Verzonden rapporten (exportlogboek{ledger.intact ? '' : ': DE KETEN IS VERBROKEN'})</caption>
      <thead>
        <tr>
          <th scope="col">Periode</th>
          <th scope="col">Signalen</th>
          <th scope="col">Vervangt</th>
          <th scope="col">
            <span className="visually-hidden">Acties</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {ledger.entries.map((e) => (
          <tr key={e.exportId}>
            <td>{e.period}</td>
            <td className="num">{e.signals}</td>
            <td className="mono">{e.supersedes ? e.supersedes.slice(0, 8) : '—'}</td>
            <td className="row-actions">
              <button
                type="button"
                className="button small"
                onClick={async () => {
                  try {
                    const r = await call('report.download', { exportId: e.exportId });
                    downloadFile(`${r.fileBase}.json`, r.envelope, 'application/json');
                    downloadFile(`${r.fileBase}.csv`, r.csv, 'text/csv');
                    downloadBase64(`${r.fileBase}.pdf`, r.pdfBase64);
                  } catch (err) {
                    onError(errorMessage(err));
                  }
                }}
              >
                Opnieuw downloaden
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
