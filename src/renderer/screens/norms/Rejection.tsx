// The core's refusal of a norm file or period, with its reasons: norms are accepted whole or not at all.
import { AppError } from '../../../shared/contract/errors';
import { errorMessage } from '../../state/session';

export interface RejectionInfo {
  message: string;
  reasons: string[];
}

export function rejectionOf(err: unknown): RejectionInfo {
  // A file that cannot be read is no AppError; errorMessage then says nothing was changed.
  const reasons = err instanceof AppError ? (err.issues ?? []).map((i) => i.message) : [];
  return { message: errorMessage(err), reasons };
}

export function Rejection({ rejection, reasonsClassName }: { rejection: RejectionInfo | null; reasonsClassName?: string }) {
  if (!rejection) return null;
  return (
    <div className="error-summary" role="alert">
      <p className="error-summary-title">{rejection.message}</p>
      {rejection.reasons.length > 0 ? (
        <ul className={reasonsClassName}>
          {rejection.reasons.map((r, i) => (
            <li key={i}>{r}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
