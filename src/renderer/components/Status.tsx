// Small feedback blocks: errors are alerts, confirmations are polite status messages.
import type { ReactNode } from 'react';

export function Alert({ children }: { children: ReactNode }) {
  if (!children) return null;
  return (
    <div className="alert" role="alert">
      {children}
    </div>
  );
}

/** A confirmation of what was just done (polite: read out without interrupting); nothing when empty. */
export function Success({ children }: { children?: ReactNode }) {
  if (!children) return null;
  return (
    <p className="success" role="status">
      {children}
    </p>
  );
}

export function Loading({ children = 'Bezig met laden…' }: { children?: ReactNode }) {
  return (
    <p className="loading" role="status">
      {children}
    </p>
  );
}
