// The unlocked app: header, navigation and the current screen. Mounted fresh on every unlock and
// unmounted on lock, which drops every piece of decrypted data held in React state.
import { useCallback, useRef, useState } from 'react';
import { FictitiousBadge } from '../../components/Badge';
import { NavLink } from '../../components/NavLink';
import { Alert } from '../../components/Status';
import { useTableCellLabels } from '../../components/table-labels';
import { ListStateProvider } from '../../state/list-state';
import { NavigateContext, type Route } from '../../state/route';
import { errorMessage, useSession } from '../../state/session';
import { AuditLogScreen } from '../audit/AuditLogScreen';
import { BudgetOverviewScreen } from '../overview/BudgetOverviewScreen';
import { DossierScreen } from '../dossier-detail/DossierScreen';
import { DossierFormScreen } from '../dossier-form/DossierFormScreen';
import { DossierListScreen } from '../dossiers/DossierListScreen';
import { SchemesScreen } from '../arrangement/SchemesScreen';
import { SettingsScreen } from '../settings/SettingsScreen';
import { DraftsNotice } from './DraftsNotice';
import { SysteemfoutenScreen } from '../signals/SysteemfoutenScreen';
import { VerenigingScreen } from '../signals/VerenigingScreen';

/** The screens of a vereniging vault (the core refuses everything else there). */
const VERENIGING_ROUTES: Route['name'][] = ['vereniging', 'audit', 'settings'];

/** Routes that are a menu item of their own. */
const TOP_SECTIONS: Route['name'][] = ['audit', 'settings', 'schemes', 'overview', 'systeemfouten', 'vereniging'];

export function AppFrame() {
  const { status, call, applyStatus, notice, clearNotice } = useSession();
  // Every navigation is a new visit, even to the same route: the screen remounts and fetches fresh data
  // (e.g. clicking "Dossiers" on the list shows a dossier created meanwhile).
  // A vereniging vault holds no case files: it opens on the association screen and shows only what it holds.
  const vereniging = status?.vault?.kind === 'vereniging';
  const [{ route, visit }, setNav] = useState<{ route: Route; visit: number }>({ route: { name: vereniging ? 'vereniging' : 'dossiers' }, visit: 0 });
  const [lockError, setLockError] = useState<string | null>(null);
  // The core's word on how this session started (e.g. after a crash); shown until the user has read it.
  const [sessionNoticeRead, setSessionNoticeRead] = useState(false);
  const main = useRef<HTMLElement>(null);
  useTableCellLabels(main);
  const navigate = useCallback(
    (r: Route) => {
      clearNotice();
      setNav((prev) => ({ route: r, visit: prev.visit + 1 }));
    },
    [clearNotice],
  );

  const lock = async () => {
    try {
      applyStatus(await call('vault.lock', {}));
    } catch (err) {
      setLockError(errorMessage(err));
    }
  };

  // The menu item lit for the current route: a top-level screen itself, everything else under Dossiers.
  const section = TOP_SECTIONS.includes(route.name) ? route.name : 'dossiers';

  return (
    <NavigateContext.Provider value={navigate}>
      <a className="skip-link" href="#inhoud" onClick={(e) => {
        e.preventDefault();
        document.querySelector<HTMLElement>('#inhoud h1')?.focus();
      }}>
        Naar de inhoud
      </a>
      <header className="app-header">
        <div className="brand">
          <span className="app-name">Houvast</span>
          {status?.vault ? (
            <span className="header-vault">
              <span className="visually-hidden">Kluis: </span>
              {status.vault.name}
              {status.vault.demo ? (
                <>
                  {' '}
                  <FictitiousBadge />
                </>
              ) : null}
            </span>
          ) : null}
        </div>
        <nav aria-label="Hoofdmenu" className="main-nav">
          {vereniging ? null : (
            <>
              <NavLink to={{ name: 'dossiers' }} current={section === 'dossiers'}>
                Dossiers
              </NavLink>
              <NavLink to={{ name: 'overview' }} current={section === 'overview'}>
                Budgetoverzicht
              </NavLink>
              <NavLink to={{ name: 'schemes' }} current={section === 'schemes'}>
                Regelingen
              </NavLink>
              <NavLink to={{ name: 'systeemfouten' }} current={section === 'systeemfouten'}>
                Systeemfouten
              </NavLink>
            </>
          )}
          <NavLink to={{ name: 'vereniging' }} current={section === 'vereniging'}>
            Vereniging
          </NavLink>
          <NavLink to={{ name: 'audit' }} current={section === 'audit'}>
            Logboek
          </NavLink>
          <NavLink to={{ name: 'settings' }} current={section === 'settings'}>
            Instellingen
          </NavLink>
        </nav>
        <button type="button" className="button lock-button" onClick={() => void lock()}>
          Vergrendelen
        </button>
      </header>
      <Alert>{lockError}</Alert>
      {status?.notice && !sessionNoticeRead ? (
        <div className="warning" role="alert">
          <p>{status.notice}</p>
          <button type="button" className="button" onClick={() => setSessionNoticeRead(true)}>
            Begrepen
          </button>
        </div>
      ) : null}
      <main id="inhoud" className="content" ref={main}>
        {/* A confirmation that outlives the remount (e.g. a restored backup); the screen's h1 keeps the focus. */}
        {notice ? (
          <p role="status" className="success">
            {notice}
          </p>
        ) : null}
        {/* Drafts are dossier forms: a vereniging vault has none. */}
        {vereniging ? null : <DraftsNotice />}
        <ListStateProvider>
          <Screen key={visit} route={vereniging && !VERENIGING_ROUTES.includes(route.name) ? { name: 'vereniging' } : route} />
        </ListStateProvider>
      </main>
    </NavigateContext.Provider>
  );
}

function Screen({ route }: { route: Route }) {
  switch (route.name) {
    case 'dossiers':
      return <DossierListScreen />;
    case 'new-dossier':
      return <DossierFormScreen />;
    case 'dossier':
      return <DossierScreen key={route.id} id={route.id} created={route.created === true} {...(route.tab ? { initialTab: route.tab } : {})} />;
    case 'overview':
      return <BudgetOverviewScreen />;
    case 'schemes':
      return <SchemesScreen />;
    case 'audit':
      return <AuditLogScreen />;
    case 'systeemfouten':
      return <SysteemfoutenScreen />;
    case 'vereniging':
      return <VerenigingScreen />;
    case 'settings':
      return <SettingsScreen />;
  }
}
