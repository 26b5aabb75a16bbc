// The norm files a user imported or entered by hand, each removable (the bundled tables are not).
// Removing asks for confirmation; later calculations then use the bundled tables again.
import { useState } from 'react';
import { Modal } from '../../components/Modal';
import { DataTable, hiddenCol } from '../../components/DataTable';
import { Alert } from '../../components/Status';
import { errorMessage, useCall } from '../../state/session';
import { formatNlDate, formatNlDateTime } from '../../../shared/dates';
import type { NormsList } from './NormsSection';

type UserFile = NormsList['userFiles'][number];

export function UserNormFiles({ files, onRemoved }: { files: UserFile[]; onRemoved: (message: string) => void }) {
  const call = useCall();
  const [confirming, setConfirming] = useState<UserFile | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (files.length === 0) return null;

  const remove = async (file: UserFile) => {
    setBusy(true);
    setError(null);
    try {
      await call('norms.removeUserFile', { id: file.id });
      setConfirming(null);
      onRemoved(`Het normbestand “${file.title}” is verwijderd. Berekeningen gebruiken weer de meegeleverde normen.`);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="h-user-norms">
      <h3 id="h-user-norms">Door gebruiker ingevoerde normbestanden</h3>
      <DataTable caption="Door gebruiker ingevoerde normbestanden" columns={['Normtabel', 'Perioden vanaf', 'Bron', 'Ingevoerd op', hiddenCol('Acties')]}>
        {files.map((f) => (
          <tr key={f.id}>
            <td>{f.title}</td>
            <td className="nowrap">{f.periodStarts.map(formatNlDate).join(', ')}</td>
            <td className="norm-sources">{f.source}</td>
            <td className="nowrap">{formatNlDateTime(f.importedAt)}</td>
            <td>
              <button
                type="button"
                className="button small danger-quiet"
                aria-label={`Normbestand ${f.title} verwijderen`}
                onClick={() => {
                  setError(null);
                  setConfirming(f);
                }}
              >
                Verwijderen
              </button>
            </td>
          </tr>
        ))}
      </DataTable>
      {confirming ? (
        <Modal title="Normbestand verwijderen" onClose={() => setConfirming(null)}>
          <p>
            U verwijdert “{confirming.title}” (perioden vanaf {confirming.periodStarts.map(formatNlDate).join(', ')}). Nieuwe
            berekeningen gebruiken dan weer de meegeleverde normen; een datum die alleen dit bestand dekte, wordt niet meer berekend.
            Opgeslagen budgetplannen blijven zoals ze zijn.
          </p>
          <Alert>{error}</Alert>
          <div className="actions">
            <button type="button" className="button danger" disabled={busy} onClick={() => void remove(confirming)}>
              Definitief verwijderen
            </button>
            <button type="button" className="button" onClick={() => setConfirming(null)}>
              Annuleren
            </button>
          </div>
        </Modal>
      ) : null}
    </section>
  );
}
