// Vereniging (association) side in the same app: choose the key register and the received office reports;
// the core checks each file on its own (rejections with their reason), adds up the accepted ones without
// office identity and publishes only safe cells. A dashboard of the published tables and the downloads.
import { useState, type FormEvent } from 'react';
import type { ProcedureOutput } from '../../../shared/contract/procedures';
import { ScreenHeading } from '../../components/ScreenHeading';
import { Alert } from '../../components/Status';
import { downloadBase64, downloadFile } from '../../components/download';
import { errorMessage, useCall } from '../../state/session';
import '../../components/charts/charts.css';

type Outcome = ProcedureOutput<'association.merge'>;
type PublishedTable = NonNullable<Outcome['published']>['tables'][number];

const CHART_TABLES = ['T0', 'T1', 'T2', 'T6'];

export function VerenigingScreen() {
  const call = useCall();
  const [register, setRegister] = useState<File | null>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (!register || files.length === 0) {
      setError('Kies het sleutelregister en minstens één rapportbestand.');
      return;
    }
    setBusy(true);
    try {
      const texts = await Promise.all(files.map(async (f) => ({ name: f.name, text: await f.text() })));
      setOutcome(await call('association.merge', { files: texts, register: await register.text() }));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const p = outcome?.published ?? null;
  return (
    <>
      <ScreenHeading title="Vereniging">Vereniging: rapporten samenvoegen en publiceren</ScreenHeading>
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
      <Alert>{error}</Alert>
      {outcome ? (
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
                <button type="button" className="button" onClick={() => downloadFile(`systeemfouten-${p.year}-publicatie.csv`, outcome.csv ?? '', 'text/csv')}>
                  CSV downloaden
                </button>
                <button type="button" className="button" onClick={() => downloadFile(`systeemfouten-${p.year}-publicatie.json`, outcome.jsonStat ?? '', 'application/json')}>
                  JSON-stat downloaden
                </button>
                <button type="button" className="button" onClick={() => downloadBase64(`systeemfouten-${p.year}-publicatie.pdf`, outcome.pdfBase64 ?? '')}>
                  PDF downloaden
                </button>
              </div>
              {p.tables
                .filter((t) => CHART_TABLES.includes(t.id))
                .map((t) => (
                  <CountChart key={t.id} table={t} />
                ))}
            </>
          ) : null}
        </section>
      ) : null}
    </>
  );
}

/** Horizontal bars of a published table's cells (largest first, at most 15), with the numbers as text. */
function CountChart({ table }: { table: PublishedTable }) {
  const cells = [...table.cells].sort((a, b) => b.households - a.households).slice(0, 15);
  const max = Math.max(1, ...cells.map((c) => c.households));
  return (
    <figure className="chart">
      <figcaption className="chart-title">
        {table.id}: {table.title}
      </figcaption>
      {cells.length === 0 ? (
        <p>Geen cellen die aan de publicatieregels voldoen.</p>
      ) : (
        <table className="data-table" aria-label={`${table.id}: ${table.title}`}>
          <tbody>
            {cells.map((c) => (
              <tr key={c.key.join('|')}>
                <th scope="row">{c.labels.join(' · ')}</th>
                <td className="bar-cell">
                  <svg width="300" height="14" aria-hidden="true" className="tone-income">
                    <rect x="0" y="2" height="10" width={Math.round((c.households / max) * 300)} />
                  </svg>
                </td>
                <td className="num">{c.households}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </figure>
  );
}
