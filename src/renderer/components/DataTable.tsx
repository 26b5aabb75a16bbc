// One data table as every screen draws it: scrolled on its own when too wide, a caption for screen readers,
// column headers (numbers right-aligned, an action column named for screen readers only), the body rows and an
// optional footer with the totals. Reflow on narrow windows reads the column names from these headers
// (table-labels.ts).
import type { ReactNode } from 'react';

/** A column header: its name, or the name with how it is shown. */
export type Column = string | { label: string; num?: boolean; hidden?: boolean };

/** A right-aligned column of amounts or counts. */
export const numCol = (label: string): Column => ({ label, num: true });
/** A column whose name only screen readers hear (e.g. "Acties" above the row buttons). */
export const hiddenCol = (label: string): Column => ({ label, hidden: true });

export function DataTable({
  caption,
  columns,
  children,
  foot,
  wrap = true,
  className,
}: {
  /** Read by screen readers; the table's accessible name. */
  caption: string;
  columns: readonly Column[];
  /** The body rows. */
  children: ReactNode;
  /** The footer rows (totals). */
  foot?: ReactNode;
  /** false: no scroll wrapper (a table inside a disclosure that scrolls itself). */
  wrap?: boolean;
  /** Extra classes of the table itself (its own column widths). */
  className?: string;
}) {
  const table = (
    <table className={className ? `table ${className}` : 'table'}>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {columns.map((c) => {
            const col = typeof c === 'string' ? { label: c } : c;
            return (
              <th key={col.label} scope="col" className={col.num ? 'num' : undefined}>
                {col.hidden ? <span className="visually-hidden">{col.label}</span> : col.label}
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody>{children}</tbody>
      {foot ? <tfoot>{foot}</tfoot> : null}
    </table>
  );
  return wrap ? <div className="table-wrap">{table}</div> : table;
}

/** A cell with an amount (or a percentage): right-aligned, never broken; `total` in a footer row. */
export function NumCell({ children, total = false }: { children: ReactNode; total?: boolean }) {
  return <td className={total ? 'num nowrap total' : 'num nowrap'}>{children}</td>;
}
