// Inline forms (an income, an expense, a debt) close on Escape, like a dialog, without saving; callers pass
// what their "Annuleren" does, so unsaved typing is asked about the same way.
import type { KeyboardEvent } from 'react';

export function closeOnEscape(close: () => void) {
  return (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || e.defaultPrevented) return;
    e.preventDefault();
    close();
  };
}
