// After a recalculation ("Berekenen", saving the inputs for the calculation, an edited income or expense) the
// figures whose shown amount changed are marked for a few seconds, the first of them is scrolled into view and
// a polite live region says which ones changed (issue 7). The comparison is of the text the screen shows (each
// amount cell carries data-figure-id and data-figure-label); nothing is recomputed here.
import { createContext, useContext, useEffect, useRef, useState, type RefObject } from 'react';

/** How long changed figures stay marked. */
export const CHANGED_MARK_MS = 5000;

const ChangedFigures = createContext<ReadonlySet<string>>(new Set());
export const ChangedFiguresProvider = ChangedFigures.Provider;

/** Whether the figure with this id changed in the last recalculation (while it is marked). */
export function useFigureChanged(id: string): boolean {
  return useContext(ChangedFigures).has(id);
}

type Snapshot = Map<string, { label: string; text: string }>;

function snapshot(root: HTMLElement): Snapshot {
  const out: Snapshot = new Map();
  for (const el of Array.from(root.querySelectorAll<HTMLElement>('[data-figure-id]'))) {
    const id = el.dataset['figureId']!;
    if (!out.has(id)) out.set(id, { label: el.dataset['figureLabel'] ?? id, text: (el.textContent ?? '').trim() });
  }
  return out;
}

/** "Saldo, Leefgeld en Uitgaven per maand"; more than five: the first five and how many more. */
function listLabels(labels: string[]): string {
  const shown = labels.slice(0, 5);
  const more = labels.length - shown.length;
  if (more > 0) return `${shown.join(', ')} en ${more} meer`;
  return shown.length > 1 ? `${shown.slice(0, -1).join(', ')} en ${shown.at(-1)}` : (shown[0] ?? '');
}

function reducedMotion(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/**
 * Compares the shown figures with those before the last recalculation each time `version` changes (a new
 * result on screen). Returns the ids to mark and the announcement for the live region.
 */
export function useRecalculationChanges(
  root: RefObject<HTMLElement | null>,
  version: unknown,
  scope: string,
  /** Said after "Opnieuw berekend", e.g. "voor peildatum 01-08-2026", so a repeated result is announced again. */
  context: string,
): { changed: ReadonlySet<string>; announcement: string } {
  const previous = useRef<{ scope: string; figures: Snapshot } | null>(null);
  const [changed, setChanged] = useState<ReadonlySet<string>>(new Set());
  const [announcement, setAnnouncement] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    const el = root.current;
    if (!el || version === null || version === undefined) return;
    const now = snapshot(el);
    const before = previous.current;
    previous.current = { scope, figures: now };
    // The first result for a dossier is no recalculation: nothing to compare with.
    if (!before || before.scope !== scope || now.size === 0) return;
    const ids = [...now.entries()].filter(([id, f]) => before.figures.has(id) && before.figures.get(id)!.text !== f.text).map(([id]) => id);
    if (timer.current) clearTimeout(timer.current);
    setChanged(new Set(ids));
    const labels = [...new Set(ids.map((id) => now.get(id)!.label))];
    setAnnouncement(
      ids.length === 0
        ? `Opnieuw berekend ${context}: geen bedragen gewijzigd.`
        : `Opnieuw berekend ${context}: ${ids.length === 1 ? '1 bedrag' : `${ids.length} bedragen`} gewijzigd: ${listLabels(labels)}.`,
    );
    timer.current = setTimeout(() => setChanged(new Set()), CHANGED_MARK_MS);
    const first = ids.length > 0 ? el.querySelector<HTMLElement>(`[data-figure-id="${ids[0]!}"]`) : null;
    // Focus stays where the user is (the button or form); only the view moves, without animation when asked.
    first?.scrollIntoView?.({ block: 'center', behavior: reducedMotion() ? 'auto' : 'smooth' });
    // context changes with version: the comparison runs once per new result.
  }, [root, version, scope]);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  return { changed, announcement };
}
