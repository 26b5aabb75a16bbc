// Progress of long work in the core (an import of many dossiers, an external backup): a progress bar from the core's
// 'job.progress' events and "Annuleren", which asks the core to stop; the core rolls everything back.
import { useEffect, useState } from 'react';
import { useSession } from '../state/session';

/** A fresh id for one piece of long work (random: it names nothing). */
export function newJobId(): string {
  return crypto.randomUUID();
}

export function JobProgress({
  jobId,
  label,
  unit,
  format = String,
}: {
  jobId: string;
  label: string;
  /** Word after the count ("dossiers"); empty when `format` already says it (a size). */
  unit: string;
  /** How a count is shown (e.g. bytes as "3,2 MB"); default: the number. */
  format?: (value: number) => string;
}) {
  const { on, call } = useSession();
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [cancelling, setCancelling] = useState(false);

  useEffect(
    () =>
      on('job.progress', (p) => {
        if (p.jobId === jobId) setProgress({ done: p.done, total: p.total });
      }),
    [on, jobId],
  );

  const cancel = async () => {
    setCancelling(true);
    try {
      await call('job.cancel', { jobId });
    } catch {
      // The work may have just ended; its own answer says how.
    }
  };

  const text = cancelling
    ? 'Bezig met afbreken… er wordt niets opgeslagen.'
    : progress
      ? `${label}: ${format(progress.done)} van ${format(progress.total)}${unit ? ` ${unit}` : ''}`
      : `${label}…`;
  return (
    <div className="job-progress">
      <progress aria-label={label} {...(progress && progress.total > 0 ? { value: progress.done, max: progress.total } : {})} />
      <span role="status" className="muted">
        {text}
      </span>
      <button type="button" className="button" onClick={() => void cancel()} disabled={cancelling}>
        Annuleren
      </button>
    </div>
  );
}
