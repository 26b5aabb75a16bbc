// What the dossier list was showing (search, filters, sort, page), kept while the user opens a dossier and
// comes back. It lives in React state below the unlocked app, so it is forgotten on lock like all case
// data (a search may be a client's name); never in localStorage.
import { createContext, useContext, useState, type ReactNode } from 'react';
import type { DOSSIER_SORT_KEYS } from '../../shared/contract/procedures';
import type { DossierStatus, HelpType } from '../../shared/dossier/schema';

/** The core's sort keys: the columns, and 'relevance' (the search ranking) while a search is typed. */
export type SortKey = (typeof DOSSIER_SORT_KEYS)[number];
export type ColumnSortKey = Exclude<SortKey, 'relevance'>;

export interface ListState {
  query: string;
  status: DossierStatus | '';
  typeOfHelp: HelpType | '';
  sort: { key: SortKey; dir: 'asc' | 'desc' };
  /** Zero-based page of PAGE_SIZE rows. */
  page: number;
}

export const DEFAULT_SORT: ListState['sort'] = { key: 'updated', dir: 'desc' };
export const INITIAL_LIST_STATE: ListState = { query: '', status: '', typeOfHelp: '', sort: DEFAULT_SORT, page: 0 };

type Ctx = [ListState, (update: (s: ListState) => ListState) => void];
const ListStateContext = createContext<Ctx | null>(null);

export function ListStateProvider({ children }: { children: ReactNode }) {
  const value = useState<ListState>(INITIAL_LIST_STATE);
  return <ListStateContext.Provider value={value}>{children}</ListStateContext.Provider>;
}

/** The remembered list state; without a provider (a screen tested alone) it is kept per mount. */
export function useListState(): Ctx {
  const ctx = useContext(ListStateContext);
  const local = useState<ListState>(INITIAL_LIST_STATE);
  return ctx ?? local;
}
