// The pieces every sortable, paged table shares (the dossier list, the budget overview): a column header that sorts
// by its column and says so (aria-sort), and a pager button.

/** A <th> whose button sorts by this column; `sorted` is its direction when the table is sorted by it. */
export function SortHeader({ label, sorted, onSort, className }: { label: string; sorted: 'asc' | 'desc' | null; onSort: () => void; className?: string | undefined }) {
  return (
    <th scope="col" className={className} aria-sort={sorted === null ? undefined : sorted === 'asc' ? 'ascending' : 'descending'}>
      <button type="button" className="sort-button" onClick={onSort}>
        {label}
        <span aria-hidden="true" className="sort-mark">
          {sorted === null ? '' : sorted === 'asc' ? ' ▲' : ' ▼'}
        </span>
      </button>
    </th>
  );
}

/** A pager button. At the ends it stays focusable (aria-disabled), so the keyboard focus is not lost on the last page. */
export function PagerButton({ label, enabled, onGo }: { label: string; enabled: boolean; onGo: () => void }) {
  return (
    <button type="button" className="button" aria-disabled={!enabled} onClick={() => (enabled ? onGo() : undefined)}>
      {label}
    </button>
  );
}
