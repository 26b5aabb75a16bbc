// In-app navigation as plain state: the harness URL's hash carries the connection token, and the Electron
// build has nothing to gain from URLs, so no router is needed. Routes hold ids only, never case data.
import { createContext, useContext } from 'react';

export type Route =
  | { name: 'dossiers' }
  | { name: 'new-dossier' }
  /** `created`: just made, so the screen confirms it (a flag, no case data); `tab`: the tab it opens on. */
  | { name: 'dossier'; id: string; created?: boolean; tab?: DossierTab }
  | { name: 'overview' }
  | { name: 'schemes' }
  | { name: 'audit' }
  | { name: 'systeemfouten' }
  | { name: 'vereniging' }
  | { name: 'settings' };

/** The tabs of a dossier (DossierScreen), by id. */
export type DossierTab = 'huishouden' | 'budget' | 'begroting' | 'schulden' | 'regeling' | 'schuldeisers' | 'notities' | 'systeemfouten' | 'logboek';

export type Navigate = (route: Route) => void;

export const NavigateContext = createContext<Navigate>(() => undefined);

export function useNavigate(): Navigate {
  return useContext(NavigateContext);
}

/** href for a route, only so links look and behave like links (clicks are handled in-app). */
export function hrefOf(route: Route): string {
  return route.name === 'dossier' ? `#dossier-${route.id}` : `#${route.name}`;
}
