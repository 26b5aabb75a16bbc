// "Normbestand importeren": reads a JSON norm file chosen by the user strictly and hands it to the core, which
// validates it whole (schema, periods, figures) and stores it only when valid; reasons are listed otherwise.
import { NORM_GROUP_LABELS, type NormGroup } from '../../../shared/budget/norm-schema';
import { formatNlDate } from '../../../shared/dates';
import { readJsonFile } from '../../components/read-json-file';
import { issueLine } from '../../../shared/strict-json';
import { useCall } from '../../state/session';
import { FileUploadForm } from '../../components/FileUploadForm';
import { rejectionOf } from './Rejection';

/** Norm files are small; anything bigger is not one (and is not read into memory). */
const MAX_BYTES = 2 * 1024 * 1024;

export function NormImport({ onImported }: { onImported: () => void }) {
  const call = useCall();
  return (
    <FileUploadForm
      title="Normbestand importeren"
      heading
      className="card"
      fileLabel="Normbestand (JSON)"
      hint={
        <>
          Een bestand in het formaat “houvast.norms” (zie de documentatie). Het wordt in zijn geheel gecontroleerd; bij een fout wordt
          niets opgeslagen.
        </>
      }
      missingFileMessage="Kies een normbestand."
      maxBytes={MAX_BYTES}
      tooBig={{ message: 'Dit bestand is te groot voor een normbestand. Er is niets opgeslagen.', reasons: [] }}
      rejectionOf={rejectionOf}
      reasonsClassName="rejection-reasons"
      onUploaded={onImported}
      upload={async (file) => {
        // Strict reading: invalid UTF-8, a duplicated key or a lone surrogate is refused with its place, not
        // silently altered into a different norm figure.
        const parsed = await readJsonFile(file);
        if (!parsed.ok) return { rejection: { message: 'Dit bestand kan niet worden gelezen. Er is niets opgeslagen.', reasons: parsed.issues.map(issueLine) } };
        const stored = await call('norms.import', { file: parsed.value });
        const label = NORM_GROUP_LABELS[stored.group as NormGroup] ?? stored.group;
        return {
          done:
            `Normtabel “${label}” geïmporteerd: ${stored.periodStarts.length === 1 ? 'periode' : 'perioden'} vanaf ${stored.periodStarts.map(formatNlDate).join(', ')}.` +
            // What the update changes, per period (new, or replacing a period with its changed amounts).
            (stored.summary && stored.summary.length > 0 ? ` ${stored.summary.join(' ')}` : '') +
            (stored.absentFigures.length > 0
              ? ` Let op: deze bedragen staan wel in de vorige periode maar niet in de nieuwe: ${stored.absentFigures.join(', ')}.`
              : ''),
        };
      }}
    />
  );
}
