// A minute before the vault locks itself for inactivity, say so and offer to keep working. The seconds left are
// shown but not announced every second; the warning itself is announced once (role="alert"). Half-filled
// forms are kept as drafts in the vault either way (see useDraft), so a lock never loses them.
import { useEffect, useRef, useState } from 'react';
import { errorMessage, useSession } from '../state/session';

export const WARN_BEFORE_LOCK_MS = 60_000;

export function AutoLockWarning() {
  const { status, call, applyStatus } = useSession();
  const at = status?.state === 'unlocked' ? status.autoLockAt : null;
  const [now, setNow] = useState(() => Date.now());
  const [error, setError] = useState<string | null>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (at === null) return;
    setNow(Date.now());
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, [at]);

  const left = at === null ? Infinity : at - now;
  const showing = left <= WARN_BEFORE_LOCK_MS && left > 0;

  useEffect(() => {
    if (showing) setError(null);
  }, [showing]);

  if (!showing) return null;
  const seconds = Math.max(1, Math.ceil(left / 1000));

  const keepWorking = async () => {
    try {
      applyStatus(await call('session.touch', {}));
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  return (
    <div className="autolock-warning" role="region" aria-label="Automatisch vergrendelen">
      <p role="alert">
        <strong>De kluis wordt binnen een minuut vergrendeld</strong> omdat u een tijd niets hebt gedaan. Wat u nog niet hebt
        opgeslagen, wordt als concept bewaard en na het ontgrendelen weer aangeboden.
      </p>
      <p className="autolock-actions">
        <button ref={buttonRef} type="button" className="button primary" onClick={() => void keepWorking()}>
          Ik werk nog door
        </button>
        <span className="muted" aria-hidden="true">
          Nog {seconds} {seconds === 1 ? 'seconde' : 'seconden'}
        </span>
      </p>
      {error ? <p className="field-error">{error}</p> : null}
    </div>
  );
}
