// What the dossier list was showing (search, filters, sort), kept while the user opens a dossier and
// comes back. It lives in React state below the unlocked app, so it is forgotten on lock like all case
// data (a search may be a client's name).
import { createContext, useContext, useState, type ReactNode } from 'react';
import type { DossierStatus, HelpType } from '../../shared/dossier/schema';

export const SORT_KEYS = ['number', 'name', 'postcode', 'children', 'status', 'typeOfHelp', 'updated'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export interface ListState {
  query: string;
  status: DossierStatus | '';
  typeOfHelp: HelpType | '';
  sort: { key: SortKey; dir: 'asc' | 'desc' };
}

export const INITIAL_LIST_STATE: ListState = { query: '', status: '', typeOfHelp: '', sort: { key: 'updated', dir: 'desc' } };

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
