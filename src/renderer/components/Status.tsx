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

export function Loading({ children = 'Bezig met laden…' }: { children?: ReactNode }) {
  return (
    <p className="loading" role="status">
      {children}
    </p>
  );
}
