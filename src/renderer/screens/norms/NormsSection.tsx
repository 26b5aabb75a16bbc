// Instellingen → Normen: the norm tables per group with their periods (van/tot), status, sources and origin
// (meegeleverd / door gebruiker ingevoerd), and the two ways to add norms without a new release: importing a
// norm file and entering a period by hand. Both are validated by the core, which stores nothing on rejection.
import { useCallback, useEffect, useState } from 'react';
import type { z } from 'zod';
import type { normsListOut } from '../../../shared/contract/budget';
import { DataTable } from '../../components/DataTable';
import { Loading, Alert } from '../../components/Status';
import { errorMessage, useCall } from '../../state/session';
import { formatNlDate } from '../../../shared/dates';
import { normFigure, originLabel, statusLabel } from '../budget/view';
import { NormImport } from './NormImport';
import { NormPeriodForm } from './NormPeriodForm';
import { UserNormFiles } from './UserNormFiles';
import '../budget/budget.css';
import './norms.css';

export type NormsList = z.infer<typeof normsListOut>;
export type NormGroupView = NormsList['groups'][number];

export function NormsSection() {
  const call = useCall();
  const [list, setList] = useState<NormsList | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [added, setAdded] = useState<string | null>(null);
  const [removed, setRemoved] = useState<string | null>(null);

  const reload = useCallback(async () => {
    try {
      setList(await call('norms.list', {}));
      setError(null);
    } catch (err) {
      setError(errorMessage(err));
    }
  }, [call]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return (
    <section className="norms" aria-labelledby="h-normen">
      <h2 id="h-normen">Normen</h2>
      <p className="muted">
        De bedragen waarmee Houvast budgetten berekent, per periode met bron en status. Een berekening gebruikt de periode die op de
        peildatum geldt; voor een datum zonder periode wordt niets berekend. Nieuwe bedragen kunt u hier toevoegen zonder nieuwe versie
        van Houvast; ze worden in de kluis bewaard en overal gemarkeerd als “door gebruiker ingevoerd”.
      </p>
      <Alert>{error}</Alert>
      <div className="norms-actions settings-grid">
        <NormImport onImported={() => void reload()} />
        <div className="card">
          <h3 id="h-hand">Periode met de hand invoeren</h3>
          {adding && list ? (
            <NormPeriodForm
              groups={list.groups}
              onDone={(message) => {
                setAdding(false);
                setAdded(message);
                if (message) void reload();
              }}
            />
          ) : (
            <>
              <p className="muted small">Voor een normgroep een nieuwe periode met bedragen en bron invoeren.</p>
              <p role="status" className={added ? 'success' : 'visually-hidden'}>
                {added ?? ''}
              </p>
              <button
                type="button"
                className="button"
                onClick={() => {
                  setAdded(null);
                  setAdding(true);
                }}
                disabled={!list}
              >
                Periode invoeren
              </button>
            </>
          )}
        </div>
      </div>
      <p role="status" className={removed ? 'success' : 'visually-hidden'}>
        {removed ?? ''}
      </p>
      {list ? (
        <UserNormFiles
          files={list.userFiles}
          onRemoved={(message) => {
            setRemoved(message);
            void reload();
          }}
        />
      ) : null}
      {list === null && !error ? <Loading>Normen worden geladen…</Loading> : null}
      {list?.groups.map((g) => <NormGroupCard key={g.group} group={g} />)}
    </section>
  );
}

function NormGroupCard({ group: g }: { group: NormGroupView }) {
  const periods = [...g.periods].reverse();
  return (
    <section className="card norm-group" aria-labelledby={`h-norm-${g.group}`}>
      <h3 id={`h-norm-${g.group}`}>{g.label}</h3>
      <p className="small muted norm-group-meta">
        {g.title}. Eenheid: {g.unit}. {g.coverage}
      </p>
      <DataTable caption={`Perioden ${g.label}`} className="norm-periods" columns={['Van', 'Tot en met', 'Status', 'Herkomst', 'Bron', 'Bedragen']}>
        {periods.map((p) => (
          <tr key={p.start} className={p.current ? 'current-period' : undefined}>
            <td className="nowrap">
              {formatNlDate(p.start)}
              {p.current ? <span className="badge badge-status current-badge">geldt nu</span> : null}
            </td>
            <td className="nowrap">{formatNlDate(p.end)}</td>
            <td>{statusLabel(p.status)}</td>
            <td>
              {p.origin === 'user' ? <span className="badge badge-user">{originLabel(p.origin)}</span> : originLabel(p.origin)}
            </td>
            <td className="norm-sources">
              <ul className="source-list">
                {p.source.map((s) => (
                  <li key={s} className="source">
                    {s}
                  </li>
                ))}
              </ul>
            </td>
            <td>
              <details className="norm-figures">
                <summary>
                  {p.figures.length} bedragen<span className="visually-hidden"> vanaf {formatNlDate(p.start)}</span>
                </summary>
                <ul>
                  {p.figures.map((f) => (
                    <li key={f.name}>
                      {f.label}: <strong className="nowrap">{normFigure(f.name, f.value)}</strong>
                      {f.status !== p.status ? <span className="muted"> ({statusLabel(f.status)})</span> : null}
                    </li>
                  ))}
                </ul>
                {p.missing.length > 0 ? <p className="small muted">Ontbreekt: {p.missing.join('; ')}</p> : null}
                {p.notes.length > 0 ? <p className="small muted">{p.notes.join(' ')}</p> : null}
              </details>
            </td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}
