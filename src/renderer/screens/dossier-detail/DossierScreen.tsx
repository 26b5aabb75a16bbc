// One dossier: loads it once (the core logs "opened"), shows it, and switches to the edit form in place.
import { useCallback, useEffect, useState } from 'react';
import { DOSSIER_STATUSES, DOSSIER_STATUS_LABELS, HELP_TYPE_LABELS, type Dossier, type DossierStatus } from '../../../shared/dossier/schema';
import { FictitiousBadge, StatusBadge } from '../../components/Badge';
import { Flash, useFlash } from '../../components/Flash';
import { ScreenHeading } from '../../components/ScreenHeading';
import { Alert, Loading } from '../../components/Status';
import { Tabs } from '../../components/Tabs';
import { displayName } from '../../dossier-view';
import { showDate } from '../../format';
import type { DossierTab } from '../../state/route';
import { errorMessage, useCall } from '../../state/session';
import { ArrangementTab } from '../arrangement/ArrangementTab';
import { CreditorBoardTab } from '../arrangement/CreditorBoardTab';
import { BudgetPanel } from '../budget/BudgetPanel';
import { DossierFormScreen } from '../dossier-form/DossierFormScreen';
import { AuditTab } from './AuditTab';
import { BudgetTab } from './BudgetTab';
import { CloseDialog, DeleteDialog, ExportDialog } from './dialogs';
import { DebtsTab } from './DebtsTab';
import { HouseholdTab } from './HouseholdTab';
import { NotesTab } from './NotesTab';
import { SignalsTab } from '../signals/SignalsTab';
import type { SignalDataInput } from '../../../shared/signals/schema';

const TABS = [
  { id: 'huishouden', label: 'Huishouden' },
  { id: 'budget', label: 'Inkomsten en uitgaven' },
  { id: 'begroting', label: 'Budget' },
  { id: 'schulden', label: 'Schulden' },
  { id: 'regeling', label: 'Regeling' },
  { id: 'schuldeisers', label: 'Schuldeisers' },
  { id: 'notities', label: 'Notities' },
  { id: 'systeemfouten', label: 'Systeemfouten' },
  { id: 'logboek', label: 'Logboek' },
] as const satisfies readonly { id: DossierTab; label: string }[];

type Dialog = 'close' | 'delete' | 'export' | null;

/** How the header names the date each status began ("Aangemeld op 03-02-2026"). */
const STATUS_DATE_PHRASES: Record<DossierStatus, string> = {
  aanmelding: 'Aangemeld op',
  stabilisatie: 'Stabilisatie sinds',
  schuldregeling: 'Schuldregeling sinds',
  nazorg: 'Nazorg sinds',
  afgesloten: 'Afgesloten op',
};

/** The known status dates in the order of the statuses; none known: nothing shown. */
function StatusDates({ dates }: { dates: Dossier['statusDates'] }) {
  const known = DOSSIER_STATUSES.filter((s) => dates[s]);
  if (known.length === 0) return null;
  return (
    <p className="dossier-meta">
      {known.map((s) => (
        <span key={s}>{`${STATUS_DATE_PHRASES[s]} ${showDate(dates[s])}`}</span>
      ))}
    </p>
  );
}

export function DossierScreen({ id, created = false, initialTab = 'huishouden' }: { id: string; created?: boolean; initialTab?: DossierTab }) {
  const call = useCall();
  const [dossier, setDossier] = useState<Dossier | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [tab, setTab] = useState<string>(initialTab);
  const [dialog, setDialog] = useState<Dialog>(null);
  // Confirmations disappear by themselves after a few seconds.
  const [message, setMessage] = useFlash();
  /** A signal form pre-filled from a budget warning or a debt (two clicks: report, save). */
  const [signalPrefill, setSignalPrefill] = useState<SignalDataInput | null>(null);
  const reportSignal = useCallback((prefill: SignalDataInput) => {
    setSignalPrefill(prefill);
    setTab('systeemfouten');
  }, []);
  useEffect(() => {
    if (created) setMessage('Het dossier is aangemaakt.');
  }, [created, setMessage]);

  useEffect(() => {
    let alive = true;
    call('dossier.get', { id }).then(
      (d) => alive && setDossier(d as Dossier),
      (err: unknown) => alive && setError(errorMessage(err)),
    );
    return () => {
      alive = false;
    };
  }, [call, id]);

  const replace = useCallback((d: Dossier) => setDossier(d), []);

  if (error && !dossier) {
    return (
      <>
        <ScreenHeading title="Dossier">Dossier niet geopend</ScreenHeading>
        <Alert>{error}</Alert>
      </>
    );
  }
  if (!dossier) return <Loading>Dossier wordt geopend…</Loading>;
  if (editing) {
    return (
      <DossierFormScreen
        dossier={dossier}
        onSaved={(d) => {
          setDossier(d);
          setEditing(false);
          setMessage('De wijzigingen zijn opgeslagen.');
        }}
        onCancel={() => setEditing(false)}
      />
    );
  }

  return (
    <>
      <div className="screen-top">
        <div>
          <ScreenHeading title="Dossier">
            {displayName(dossier)} {dossier.fictitious ? <FictitiousBadge /> : null}
          </ScreenHeading>
          <p className="dossier-meta">
            <span>
              Dossiernummer <strong className="mono">{dossier.number}</strong>
            </span>
            <span>
              Status <StatusBadge>{DOSSIER_STATUS_LABELS[dossier.status]}</StatusBadge>
            </span>
            <span>{HELP_TYPE_LABELS[dossier.typeOfHelp]}</span>
            <span>Medewerker: {dossier.professional}</span>
          </p>
          <StatusDates dates={dossier.statusDates} />
        </div>
        <div className="actions header-actions">
          <button type="button" className="button" onClick={() => setEditing(true)}>
            Bewerken
          </button>
          {dossier.status !== 'afgesloten' ? (
            <button type="button" className="button" onClick={() => setDialog('close')}>
              Dossier afsluiten
            </button>
          ) : null}
          <button type="button" className="button" onClick={() => setDialog('export')}>
            Exporteren
          </button>
          <button type="button" className="button danger" onClick={() => setDialog('delete')}>
            Verwijderen
          </button>
        </div>
      </div>
      <Flash message={message} />
      <Tabs tabs={TABS} selected={tab} onSelect={setTab} label="Onderdelen van het dossier">
        {tab === 'huishouden' ? <HouseholdTab dossier={dossier} onChange={replace} /> : null}
        {tab === 'budget' ? <BudgetTab dossier={dossier} onChange={replace} /> : null}
        {tab === 'begroting' ? <BudgetPanel dossierId={dossier.id} version={dossier.updatedAt} onEditItems={() => setTab('budget')} onReportSignal={reportSignal} /> : null}
        {tab === 'schulden' ? <DebtsTab dossier={dossier} onChange={replace} onReportSignal={reportSignal} /> : null}
        {tab === 'regeling' ? <ArrangementTab dossierId={dossier.id} version={dossier.updatedAt} /> : null}
        {tab === 'schuldeisers' ? <CreditorBoardTab dossierId={dossier.id} version={dossier.updatedAt} /> : null}
        {tab === 'notities' ? <NotesTab dossier={dossier} onChange={replace} /> : null}
        {tab === 'systeemfouten' ? (
          <SignalsTab dossierId={dossier.id} prefill={signalPrefill} onPrefillUsed={() => setSignalPrefill(null)} />
        ) : null}
        {tab === 'logboek' ? <AuditTab dossierId={dossier.id} version={dossier.updatedAt} /> : null}
      </Tabs>
      {dialog === 'close' ? (
        <CloseDialog
          dossier={dossier}
          onClose={() => setDialog(null)}
          onDone={(d) => {
            setDossier(d);
            setDialog(null);
            setMessage('Het dossier is afgesloten.');
          }}
        />
      ) : null}
      {dialog === 'delete' ? <DeleteDialog dossier={dossier} onClose={() => setDialog(null)} /> : null}
      {dialog === 'export' ? (
        <ExportDialog
          dossier={dossier}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            setMessage('Het exportbestand is gedownload. Het bevat persoonsgegevens: bewaar het veilig.');
          }}
        />
      ) : null}
    </>
  );
}
