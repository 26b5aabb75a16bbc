// The budget plan PDF: made by the core (stored in the dossier's documents) and downloaded here, plus the
// list of plans made before, each downloadable again.
import { useCallback, useEffect, useState } from 'react';
import type { DocumentSummary } from '../../../shared/contract/budget';
import { formatNlDate, formatNlDateTime } from '../../../shared/dates';
import { Alert } from '../../components/Status';
import { formatSize } from '../../format';
import { errorMessage, useCall } from '../../state/session';
import { downloadBase64 } from '../../components/download';
import { JobProgress, newJobId } from '../../components/JobProgress';
import { AppError } from '../../../shared/contract/errors';

export const PLAN_CANCELLED = 'Het maken van het budgetplan is afgebroken. Er is niets opgeslagen.';

export function BudgetPlans({ dossierId, referenceDate, disabled }: { dossierId: string; referenceDate: string | null; disabled: boolean }) {
  const call = useCall();
  const [docs, setDocs] = useState<DocumentSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The running plan's id: its progress and "Annuleren" follow it.
  const [jobId, setJobId] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  // The plan is a document for others (creditors, a court): the BSN only when the professional asks for it.
  const [includeBsn, setIncludeBsn] = useState(false);

  const reload = useCallback(async () => {
    try {
      const list = await call('documents.list', { dossierId });
      setDocs(list.filter((d) => d.kind === 'budgetplan'));
    } catch (err) {
      setError(errorMessage(err));
    }
  }, [call, dossierId]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const create = async () => {
    setBusy(true);
    setError(null);
    setMessage(null);
    const id = newJobId();
    setJobId(id);
    try {
      const plan = await call('budget.createPlan', {
        id: dossierId,
        ...(referenceDate ? { date: referenceDate } : {}),
        ...(includeBsn ? { includeBsn: true } : {}),
        jobId: id,
      });
      downloadBase64(plan.fileName, plan.contentBase64, plan.mime);
      setMessage(`Het budgetplan ${plan.fileName} is opgeslagen in het dossier en gedownload. Het bevat persoonsgegevens: bewaar het veilig.`);
      await reload();
    } catch (err) {
      setError(err instanceof AppError && err.code === 'CANCELLED' ? PLAN_CANCELLED : errorMessage(err));
    } finally {
      setBusy(false);
      setJobId(null);
    }
  };

  const download = async (doc: DocumentSummary) => {
    setError(null);
    try {
      const file = await call('documents.get', { id: doc.id });
      downloadBase64(file.fileName, file.contentBase64, file.mime);
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  return (
    <section className="card" aria-labelledby="h-budgetplan">
      <div className="section-head">
        <h2 id="h-budgetplan">Budgetplan</h2>
        <button type="button" className="button primary" onClick={() => void create()} disabled={busy || disabled}>
          Budgetplan maken (PDF)
        </button>
      </div>
      <p className="muted small">
        Het budgetplan bevat de samenvatting van het huishouden, inkomsten, uitgaven, normen, afloscapaciteit en de toelichting bij elk
        bedrag, met de peildatum en de gebruikte normperiodes. Kantoornaam, adres en logo komen uit Instellingen › Kantoor.
      </p>
      <div className="field field-check">
        <div className="check-row">
          <input id="budgetplan-bsn" type="checkbox" checked={includeBsn} onChange={(e) => setIncludeBsn(e.target.checked)} />
          <label htmlFor="budgetplan-bsn">BSN vermelden in het budgetplan</label>
        </div>
      </div>
      {busy && jobId ? <JobProgress jobId={jobId} label="Budgetplan maken" unit="stappen" /> : null}
      {message ? (
        <p role="status" className="success">
          {message}
        </p>
      ) : null}
      <Alert>{error}</Alert>
      <h3 id="h-opgeslagen-plannen">Opgeslagen budgetplannen</h3>
      {docs === null ? null : docs.length === 0 ? (
        <p className="muted">Er zijn nog geen budgetplannen gemaakt.</p>
      ) : (
        <div className="table-wrap">
          <table className="table" aria-labelledby="h-opgeslagen-plannen">
            <thead>
              <tr>
                <th scope="col">Bestand</th>
                <th scope="col">Gemaakt op</th>
                <th scope="col">Peildatum</th>
                <th scope="col" className="num">
                  Grootte
                </th>
                <th scope="col">
                  <span className="visually-hidden">Acties</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {docs.map((d) => (
                <tr key={d.id}>
                  <td className="mono small">{d.fileName}</td>
                  <td className="nowrap">{formatNlDateTime(d.createdAt)}</td>
                  <td className="nowrap">{d.referenceDate ? formatNlDate(d.referenceDate) : '—'}</td>
                  <td className="num nowrap">{formatSize(d.size)}</td>
                  <td className="row-actions">
                    <button type="button" className="button small" onClick={() => void download(d)} aria-label={`${d.fileName} downloaden`}>
                      Downloaden
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
