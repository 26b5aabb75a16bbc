// "Normbestand importeren": reads a JSON norm file chosen by the user and hands its text to the core, which
// validates it whole (schema, periods, figures) and stores it only when valid; reasons are listed otherwise.
import { useId, useRef, useState, type FormEvent } from 'react';
import { NORM_GROUP_LABELS, type NormGroup } from '../../../shared/budget/norm-schema';
import { formatNlDate } from '../../../shared/dates';
import { readText } from '../../components/read-json-file';
import { useCall } from '../../state/session';
import { Rejection, rejectionOf, type RejectionInfo } from './Rejection';

/** Norm files are small; anything bigger is not one (and is not read into memory). */
const MAX_BYTES = 2 * 1024 * 1024;

export function NormImport({ onImported }: { onImported: () => void }) {
  const call = useCall();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [missingFile, setMissingFile] = useState(false);
  const [rejection, setRejection] = useState<RejectionInfo | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setRejection(null);
    setDone(null);
    const file = input.current?.files?.[0];
    setMissingFile(!file);
    if (!file) {
      input.current?.focus();
      return;
    }
    if (file.size > MAX_BYTES) {
      setRejection({ message: 'Dit bestand is te groot voor een normbestand. Er is niets opgeslagen.', reasons: [] });
      return;
    }
    setBusy(true);
    try {
      const text = await readText(file);
      const stored = await call('norms.import', { file: text });
      const label = NORM_GROUP_LABELS[stored.group as NormGroup] ?? stored.group;
      setDone(
        `Normtabel “${label}” geïmporteerd: ${stored.periodStarts.length === 1 ? 'periode' : 'perioden'} vanaf ${stored.periodStarts.map(formatNlDate).join(', ')}.` +
          (stored.absentFigures.length > 0
            ? ` Let op: deze bedragen staan wel in de vorige periode maar niet in de nieuwe: ${stored.absentFigures.join(', ')}.`
            : ''),
      );
      if (input.current) input.current.value = '';
      onImported();
    } catch (err) {
      setRejection(rejectionOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form noValidate onSubmit={(e) => void submit(e)} className="card" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>Normbestand importeren</h3>
      <Rejection rejection={rejection} reasonsClassName="rejection-reasons" />
      <div className="field">
        <label htmlFor={`${id}-file`}>Normbestand (JSON)</label>
        <input
          ref={input}
          id={`${id}-file`}
          type="file"
          accept=".json,application/json"
          aria-invalid={missingFile ? true : undefined}
          aria-describedby={`${id}-hint${missingFile ? ` ${id}-fout` : ''}`}
          onChange={() => setMissingFile(false)}
        />
        <p id={`${id}-hint`} className="hint">
          Een bestand in het formaat “houvast.norms” (zie de documentatie). Het wordt in zijn geheel gecontroleerd; bij een fout wordt
          niets opgeslagen.
        </p>
        {missingFile ? (
          <p id={`${id}-fout`} className="field-error" role="alert">
            Kies een normbestand.
          </p>
        ) : null}
      </div>
      <div className="actions">
        <button type="submit" className="button primary" disabled={busy}>
          Importeren
        </button>
        {busy ? (
          <span role="status" className="muted">
            Bezig…
          </span>
        ) : null}
      </div>
      <p role="status" className={done ? 'success' : 'visually-hidden'}>
        {done ?? ''}
      </p>
    </form>
  );
}
