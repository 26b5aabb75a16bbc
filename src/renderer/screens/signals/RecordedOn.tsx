// The registration date of a signal, and for an imported one the date it was first registered elsewhere
// (rule R1: the report counts it in the quarter of the import; the dossier still shows its history).
import type { Signal } from '../../../shared/signals/schema';
import { showDate } from '../../format';

export function RecordedOn({ signal }: { signal: Pick<Signal, 'recordedOn' | 'originalRecordedOn'> }) {
  return (
    <>
      <span className="nowrap">{showDate(signal.recordedOn)}</span>
      {signal.originalRecordedOn ? (
        <div className="muted" data-original-recorded-on>
          geïmporteerd; oorspronkelijk vastgelegd op {showDate(signal.originalRecordedOn)}
        </div>
      ) : null}
    </>
  );
}
