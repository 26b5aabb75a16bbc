// Dossier → Systeemfouten: the signals recorded in this dossier, and the form to record one (pre-filled when
// opened from a budget warning or a debt).
import { useCallback, useEffect, useState } from 'react';
import type { Signal, SignalDataInput } from '../../../shared/signals/schema';
import { formatEuro } from '../../../shared/money';
import { Alert, Loading } from '../../components/Status';
import { errorMessage, useCall } from '../../state/session';
import { RecordedOn } from './RecordedOn';
import { EFFECT_LABEL, INSTANTIE_LABEL, MECHANISM_LABEL, RESULT_LABEL, ROUTE_LABEL } from './labels';
import { SignalForm } from './SignalForm';

const EMPTY: SignalDataInput = { instantie: 'overig', mechanism: 'M4.9', effects: [], source: 'dossier' };

export function SignalsTab({ dossierId, prefill, onPrefillUsed }: { dossierId: string; prefill: SignalDataInput | null; onPrefillUsed: () => void }) {
  const call = useCall();
  const [signals, setSignals] = useState<Signal[] | null>(null);
  const [editing, setEditing] = useState<Signal | 'new' | null>(prefill ? 'new' : null);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setSignals(await call('signals.list', { dossierId }));
    } catch (err) {
      setError(errorMessage(err));
    }
  }, [call, dossierId]);
  useEffect(() => void load(), [load]);
  // Opened again from another budget warning or debt while this tab is shown: a fresh pre-filled form.
  useEffect(() => {
    if (prefill) setEditing('new');
  }, [prefill]);

  if (!signals) return error ? <Alert>{error}</Alert> : <Loading>Systeemfouten laden…</Loading>;

  const close = () => {
    setEditing(null);
    onPrefillUsed();
  };

  return (
    <div className="stack">
      {message ? (
        <p className="success" role="status">
          {message}
        </p>
      ) : null}
      <Alert>{error}</Alert>
      {editing ? (
        <SignalForm
          key={editing === 'new' ? JSON.stringify(prefill) : editing.id}
          title={editing === 'new' ? 'Systeemfout melden' : 'Systeemfout wijzigen'}
          initial={editing === 'new' ? (prefill ?? EMPTY) : { ...editing, note: editing.note }}
          onCancel={close}
          onSave={async (data) => {
            if (editing === 'new') await call('signals.create', { dossierId, data });
            else await call('signals.update', { id: editing.id, data });
            setMessage(editing === 'new' ? 'De systeemfout is vastgelegd.' : 'De systeemfout is gewijzigd.');
            close();
            await load();
          }}
        />
      ) : (
        <div className="actions">
          <button type="button" className="button primary" onClick={() => setEditing('new')}>
            Systeemfout melden
          </button>
        </div>
      )}
      {signals.length === 0 ? (
        <p>Nog geen systeemfouten in dit dossier.</p>
      ) : (
        <table className="data-table" aria-label="Systeemfouten in dit dossier">
          <thead>
            <tr>
              <th scope="col">Vastgelegd</th>
              <th scope="col">Instantie</th>
              <th scope="col">Mechanisme</th>
              <th scope="col">Gevolgen</th>
              <th scope="col">Route</th>
              <th scope="col">Schade</th>
              <th scope="col">
                <span className="visually-hidden">Acties</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {signals.map((s) => (
              <tr key={s.id} data-signal={s.mechanism}>
                <td>
                  <RecordedOn signal={s} />
                </td>
                <td>{INSTANTIE_LABEL[s.instantie]}</td>
                <td>{MECHANISM_LABEL[s.mechanism]}</td>
                <td>{s.effects.map((e) => EFFECT_LABEL[e]).join(', ') || '—'}</td>
                <td>
                  {ROUTE_LABEL[s.route]}
                  {s.route !== 'geen' ? ` (${RESULT_LABEL[s.routeResult]})` : ''}
                </td>
                <td className="num nowrap">{s.impactAmount ? formatEuro(s.impactAmount) : s.monthlyShortfall ? `${formatEuro(s.monthlyShortfall)} p/m` : '—'}</td>
                <td className="row-actions">
                  <button type="button" className="button small" onClick={() => setEditing(s)}>
                    Wijzigen
                  </button>
                  <button
                    type="button"
                    className="button small danger-quiet"
                    onClick={async () => {
                      try {
                        await call('signals.delete', { id: s.id });
                        setMessage('De systeemfout is verwijderd.');
                        await load();
                      } catch (err) {
                        setError(errorMessage(err));
                      }
                    }}
                  >
                    Verwijderen
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
