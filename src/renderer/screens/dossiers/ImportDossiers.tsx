// "Dossiers importeren": reads an interchange file (houvast.dossier) in the browser and hands the parsed
// JSON to the core, which imports all of its households or none; every reason is listed on refusal.
import { useState } from 'react';
import { AppError, type IssueDetail } from '../../../shared/contract/errors';
import { Modal } from '../../components/Modal';
import { readJsonFile } from '../../components/read-json-file';
import { errorMessage, useCall } from '../../state/session';
import { FileUploadForm } from '../../components/FileUploadForm';
import { JobProgress, newJobId } from '../../components/JobProgress';
import type { RejectionInfo } from '../norms/Rejection';

/** Generous for many households, yet never reads an unrelated huge file into memory. */
const MAX_BYTES = 20 * 1024 * 1024;

export const NOTHING_IMPORTED = 'Er is niets geïmporteerd.';
export const IMPORT_CANCELLED = 'Het importeren is afgebroken. Er is niets geïmporteerd.';

/** Numbered collections in a dossier: "adults.0" reads as "volwassene 1". */
const ITEM_LABELS: Record<string, string> = {
  dossiers: 'dossier',
  adults: 'volwassene',
  children: 'kind',
  bankAccounts: 'rekening',
  incomes: 'inkomen',
  expenses: 'uitgave',
  debts: 'schuld',
  notes: 'notitie',
};

const FIELD_LABELS: Record<string, string> = {
  format: 'formaat',
  version: 'versie',
  exportedAt: 'exportdatum',
  dossiers: 'dossiers',
  number: 'dossiernummer',
  status: 'status',
  typeOfHelp: 'soort hulp',
  professional: 'verantwoordelijk medewerker',
  statusDates: 'statusdata',
  fictitious: 'fictief',
  adults: 'volwassenen',
  children: 'kinderen',
  address: 'adres',
  contact: 'contactgegevens',
  bankAccounts: 'rekeningen',
  incomes: 'inkomsten',
  expenses: 'uitgaven',
  debts: 'schulden',
  notes: 'notities',
  role: 'rol',
  firstName: 'voornaam',
  lastName: 'achternaam',
  birthDate: 'geboortedatum',
  bsn: 'BSN',
  livingInHousehold: 'woont thuis',
  street: 'straat',
  houseNumber: 'huisnummer',
  postcode: 'postcode',
  city: 'plaats',
  phone: 'telefoon',
  email: 'e-mail',
  iban: 'IBAN',
  holder: 'rekeninghouder',
  description: 'omschrijving',
  category: 'categorie',
  amount: 'bedrag',
  frequency: 'frequentie',
  startDate: 'begindatum',
  endDate: 'einddatum',
  personRole: 'ontvanger',
  creditor: 'schuldeiser',
  collector: 'incassobureau of deurwaarder',
  reference: 'kenmerk',
  originalAmount: 'oorspronkelijk bedrag',
  currentAmount: 'huidig bedrag',
  kind: 'soort schuld',
  since: 'sinds',
  text: 'tekst',
  author: 'auteur',
  createdAt: 'datum',
};

/**
 * A dotted issue path in words: "dossiers.1.adults.0.bsn" → "Dossier 2, volwassene 1, BSN". Indexes count
 * from 1 as people do; unknown keys are kept as they are so no reason is ever hidden.
 */
export function describeIssuePath(path: string): string {
  const parts = path === '(bestand)' ? [] : path.split('.').filter((p) => p !== '');
  const words: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const key = parts[i]!;
    const next = parts[i + 1];
    if (ITEM_LABELS[key] && next !== undefined && /^\d+$/.test(next)) {
      words.push(`${ITEM_LABELS[key]} ${Number(next) + 1}`);
      i++;
    } else if (/^\d+$/.test(key)) {
      words.push(`nr. ${Number(key) + 1}`);
    } else {
      words.push(FIELD_LABELS[key] ?? key);
    }
  }
  if (words.length === 0) return 'Bestand';
  const text = words.join(', ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** One line per issue: "Dossier 2, volwassene 1, BSN: Dit is geen geldig BSN…". */
export function formatIssue(issue: IssueDetail): string {
  return `${describeIssuePath(issue.path)}: ${issue.message}`;
}

/** The refusal as shown: the core's message (always saying nothing was imported) and every reason. */
export function importRejection(err: unknown): RejectionInfo {
  if (err instanceof AppError && err.code === 'CANCELLED') return { message: IMPORT_CANCELLED, reasons: [] };
  const reasons = err instanceof AppError ? (err.issues ?? []).map(formatIssue) : [];
  const message = errorMessage(err);
  return { message: message.includes(NOTHING_IMPORTED) ? message : `${message} ${NOTHING_IMPORTED}`, reasons };
}

/** Dossier numbers named in the result; the rest are counted (an office imports thousands at once). */
const NUMBERS_SHOWN = 10;

const counted = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 });

/** "2026-0001, 2026-0002" or, for more than NUMBERS_SHOWN, the first of them "en nog 1.490". */
function someNumbers(numbers: readonly string[]): string {
  if (numbers.length <= NUMBERS_SHOWN) return numbers.join(', ');
  return `${numbers.slice(0, NUMBERS_SHOWN).join(', ')} en nog ${counted.format(numbers.length - NUMBERS_SHOWN)}`;
}

export function importedMessage(imported: { number: string }[], skipped: string[] = []): string {
  const n = imported.length;
  const done = n === 0 ? 'Geen dossiers geïmporteerd.' : `${counted.format(n)} ${n === 1 ? 'dossier' : 'dossiers'} geïmporteerd: ${someNumbers(imported.map((d) => d.number))}.`;
  if (skipped.length === 0) return done;
  const k = skipped.length;
  return `${done} ${counted.format(k)} ${k === 1 ? 'huishouden' : 'huishoudens'} overgeslagen (al in de kluis als ${someNumbers([...new Set(skipped)])}).`;
}

export function ImportDossiers({ onImported, onClose }: { onImported: () => void; onClose?: () => void }) {
  const call = useCall();
  const refusal = (message: string): RejectionInfo => ({ message: `${message} ${NOTHING_IMPORTED}`, reasons: [] });
  // A file with households already in the vault waits here for the user's choice: skip them or copy them.
  const [pending, setPending] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ done: string } | { error: string } | null>(null);
  // The running import's id: its progress bar and "Annuleren" follow it.
  const [jobId, setJobId] = useState<string | null>(null);
  // A new key clears the form's refusal once the choice has been carried out.
  const [formKey, setFormKey] = useState(0);

  const choose = async (onDuplicate: 'skip' | 'copy') => {
    setBusy(true);
    const id = newJobId();
    setJobId(id);
    try {
      const result = await call('dossier.import', { file: pending, onDuplicate, jobId: id });
      setPending(null);
      setFormKey((k) => k + 1);
      setOutcome({ done: importedMessage(result.imported, result.skipped) });
      onImported();
    } catch (err) {
      setOutcome({ error: err instanceof AppError && err.code === 'CANCELLED' ? IMPORT_CANCELLED : errorMessage(err) });
    } finally {
      setBusy(false);
      setJobId(null);
    }
  };
  const progress = jobId ? <JobProgress jobId={jobId} label="Dossiers importeren" unit="dossiers" /> : null;

  return (
    <>
    <FileUploadForm
      key={formKey}
      title="Dossiers importeren"
      fileLabel="Bestand met dossiers (JSON)"
      hint={
        <>
          Een bestand in het formaat “houvast.dossier” (zie de documentatie). Alle dossiers in het bestand worden gecontroleerd; bij
          één fout wordt niets geïmporteerd. Systeemfouten in het bestand worden vastgelegd op de importdatum en tellen mee in het
          lopende kwartaal; de datum waarop ze eerder zijn vastgelegd blijft bij het dossier zichtbaar.
        </>
      }
      missingFileMessage="Kies een bestand met dossiers."
      maxBytes={MAX_BYTES}
      busyContent={progress}
      tooBig={refusal('Dit bestand is te groot voor een bestand met dossiers.')}
      rejectionOf={importRejection}
      onUploaded={onImported}
      extraActions={
        onClose ? (
          <button type="button" className="button" onClick={onClose}>
            Sluiten
          </button>
        ) : null
      }
      upload={async (file) => {
        setPending(null);
        setOutcome(null);
        const parsed = await readJsonFile(file);
        // Never echo the content: it may hold personal data.
        if (!parsed.ok) {
          return { rejection: { ...refusal('Dit bestand kan niet worden gelezen.'), reasons: parsed.issues.map(formatIssue) } };
        }
        const id = newJobId();
        setJobId(id);
        try {
          const result = await call('dossier.import', { file: parsed.value, onDuplicate: 'ask', jobId: id });
          return { done: importedMessage(result.imported, result.skipped) };
        } catch (err) {
          // CONFLICT: households already in the vault; the refusal names them, the choice follows below it.
          if (err instanceof AppError && err.code === 'CONFLICT') setPending(parsed.value);
          throw err;
        } finally {
          setJobId(null);
        }
      }}
    />
    {pending !== null && busy ? progress : null}
    {pending !== null ? (
      <div className="actions duplicate-choice" role="group" aria-label="Dossiers die al in de kluis staan">
        <button type="button" className="button primary" disabled={busy} onClick={() => void choose('skip')}>
          Overslaan, de rest importeren
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => void choose('copy')}>
          Als kopie importeren
        </button>
      </div>
    ) : null}
    {outcome && 'error' in outcome ? <p role="alert" className="alert">{outcome.error}</p> : null}
    <p role="status" className={outcome && 'done' in outcome ? 'success' : 'visually-hidden'}>
      {outcome && 'done' in outcome ? outcome.done : ''}
    </p>
    </>
  );
}

/** The import form in a dialog, opened from the dossier list. */
export function ImportDossiersDialog({ onClose, onImported }: { onClose: () => void; onImported: () => void }) {
  return (
    <Modal title="Dossiers importeren" onClose={onClose}>
      <ImportDossiers onImported={onImported} onClose={onClose} />
    </Modal>
  );
}
