// Reflow (WCAG 1.4.10): on a narrow window (or at 200 % zoom) tables are shown as stacked rows, each cell
// with its column's name in front (CSS reads it from data-label). The names are copied from each table's
// own header cells, so every table in the app reflows without repeating its headers in the markup.
import { useEffect, type RefObject } from 'react';

/** Sets data-label on every body and footer cell of every `.table` under `root` (only where it changed). */
export function labelTableCells(root: ParentNode): void {
  for (const table of Array.from(root.querySelectorAll<HTMLTableElement>('table.table'))) labelTable(table);
}

function labelTable(table: HTMLTableElement): void {
  const names: string[] = [];
  const headRow = table.tHead?.rows[0];
  if (headRow) {
    for (const th of Array.from(headRow.cells)) {
      const text = (th.textContent ?? '').replace(/[▲▼]/g, '').trim();
      for (let i = 0; i < th.colSpan; i++) names.push(text);
    }
  }
  const rows = [...Array.from(table.tBodies).flatMap((b) => Array.from(b.rows)), ...Array.from(table.tFoot?.rows ?? [])];
  for (const row of rows) {
    let column = 0;
    for (const cell of Array.from(row.cells)) {
      const label = cell.tagName === 'TD' ? (names[column] ?? '') : '';
      if (label && cell.getAttribute('data-label') !== label) cell.setAttribute('data-label', label);
      else if (!label && cell.hasAttribute('data-label')) cell.removeAttribute('data-label');
      column += cell.colSpan;
    }
  }
}

/** Where tables reflow into stacked rows; the same width as the media query in app.css. */
export const NARROW_QUERY = '(max-width: 60rem)';

/**
 * Keeps the labels up to date while the content below `ref` changes, but only while the window is narrow
 * enough for the stacked layout (wide windows never show them, so they cost nothing there).
 */
export function useTableCellLabels(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const root = ref.current;
    if (!root || typeof window.matchMedia !== 'function') return;
    const narrow = window.matchMedia(NARROW_QUERY);
    let observer: MutationObserver | null = null;
    const follow = () => {
      if (narrow.matches && !observer) {
        labelTableCells(root);
        // Only structure and text changes are observed, so setting the attributes does not call this
        // again; only the tables a change touched are labelled again.
        observer = new MutationObserver((records) => {
          const tables = new Set<HTMLTableElement>();
          for (const r of records) {
            const el = r.target instanceof Element ? r.target : r.target.parentElement;
            const table = el?.closest<HTMLTableElement>('table.table');
            if (table) tables.add(table);
            else if (el) for (const t of Array.from(el.querySelectorAll<HTMLTableElement>('table.table'))) tables.add(t);
          }
          for (const t of tables) labelTable(t);
        });
        observer.observe(root, { childList: true, subtree: true, characterData: true });
      } else if (!narrow.matches && observer) {
        observer.disconnect();
        observer = null;
      }
    };
    follow();
    narrow.addEventListener('change', follow);
    return () => {
      narrow.removeEventListener('change', follow);
      observer?.disconnect();
    };
  }, [ref]);
}
