// Instellingen → Back-ups: make an encrypted backup now (in the vault or, with the keyfile, in a chosen
// folder such as a USB drive), see the backups of this vault, and restore one. A restore asks for the
// password again and first saves the current state as a backup, so it can be undone.
import { useCallback, useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { BackupInfo } from '../../../shared/contract/backups';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/fields';
import { applyServerError, errorOf, fieldId } from '../../components/form-helpers';
import { Modal } from '../../components/Modal';
import { Alert, Loading } from '../../components/Status';
import { showDateTime } from '../../format';
import { errorMessage, useSession } from '../../state/session';

export const BACKUP_KIND_LABELS: Record<BackupInfo['kind'], string> = {
  auto: 'Automatisch',
  manual: 'Handmatig',
  'pre-migration': 'Voor een update',
  'before-restore': 'Voor terugzetten',
};

const sizeFormat = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });

/** "12 kB", "3,4 MB" (decimal units, as file managers show them). */
export function formatSize(bytes: number): string {
  if (bytes < 1_000_000) return `${Math.max(1, Math.round(bytes / 1000))} kB`;
  if (bytes < 1_000_000_000) return `${sizeFormat.format(bytes / 1_000_000)} MB`;
  return `${sizeFormat.format(bytes / 1_000_000_000)} GB`;
}

export function BackupSection() {
  const { call } = useSession();
  const [list, setList] = useState<BackupInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [restoring, setRestoring] = useState<BackupInfo | null>(null);

  const reload = useCallback(async () => {
    try {
      setList(await call('vault.listBackups', {}));
      setError(null);
    } catch (err) {
      setError(errorMessage(err));
    }
  }, [call]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return (
    <section className="card backups" aria-labelledby="h-backups">
      <h2 id="h-backups">Back-ups</h2>
      <p className="muted">
        Houvast maakt bij het ontgrendelen elke dag een versleutelde back-up in de kluismap en bewaart er daarvan een aantal (de
        laatste 7 dagen, 4 weken en 12 maanden). Maak daarnaast geregeld een externe back-up op een andere schijf: die map bevat
        ook het sleutelbestand en opent met het wachtwoord of de herstelcode van dat moment.
      </p>
      <BackupForm
        onDone={(message) => {
          setDone(message);
          void reload();
        }}
      />
      <p role="status" className={done ? 'success' : 'visually-hidden'}>
        {done ?? ''}
      </p>
      <Alert>{error}</Alert>
      <h3 id="h-backup-lijst">Back-ups in deze kluis</h3>
      {list === null ? (
        error ? null : (
          <Loading />
        )
      ) : list.length === 0 ? (
        <p className="muted">Er zijn nog geen back-ups.</p>
      ) : (
        <div className="table-wrap">
          <table className="table" aria-labelledby="h-backup-lijst">
            <thead>
              <tr>
                <th scope="col">Datum</th>
                <th scope="col">Soort</th>
                <th scope="col" className="num">
                  Grootte
                </th>
                <th scope="col">
                  <span className="visually-hidden">Actie</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((b) => (
                <tr key={b.id}>
                  <td className="nowrap" id={`backup-${b.id}`}>
                    {showDateTime(b.createdAt)}
                  </td>
                  <td>{BACKUP_KIND_LABELS[b.kind]}</td>
                  <td className="num nowrap">{formatSize(b.sizeBytes)}</td>
                  <td>
                    <button
                      type="button"
                      className="button"
                      aria-describedby={`backup-${b.id}`}
                      onClick={() => {
                        setDone(null);
                        setRestoring(b);
                      }}
                    >
                      Terugzetten
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {restoring ? (
        <RestoreDialog
          backup={restoring}
          onClose={(message) => {
            setRestoring(null);
            if (message) {
              setDone(message);
              void reload();
            }
          }}
        />
      ) : null}
    </section>
  );
}

const BP = 'backup';
type BackupFormValues = { folder: string };

function BackupForm({ onDone }: { onDone: (message: string) => void }) {
  const { call } = useSession();
  const [serverError, setServerError] = useState<string | null>(null);
  const form = useForm<BackupFormValues>({ defaultValues: { folder: '' } });
  const { errors, submitCount, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async ({ folder }) => {
    setServerError(null);
    const target = folder.trim();
    try {
      const result = await call('vault.backup', target === '' ? {} : { folder: target });
      form.reset({ folder: '' });
      onDone(
        target === ''
          ? `De back-up van ${showDateTime(result.createdAt)} is gemaakt in de kluismap.`
          : `De externe back-up is gemaakt: ${result.path}. Bewaar deze map op een veilige plek; hij opent met het wachtwoord of de herstelcode van nu.`,
      );
    } catch (err) {
      setServerError(applyServerError(form, err, ''));
    }
  });

  return (
    <form noValidate onSubmit={onSubmit} aria-label="Back-up maken">
      <ErrorSummary errors={errors} prefix={BP} serverError={serverError} show={submitCount > 0} />
      <TextField
        id={fieldId(BP, 'folder')}
        label="Map voor een externe back-up (optioneel)"
        registration={form.register('folder')}
        error={errorOf(errors, 'folder')}
        autoComplete="off"
        spellCheck={false}
        hint="Volledig pad van een bestaande map, bijvoorbeeld op een USB-schijf. Leeg laten: de back-up komt in de kluismap."
      />
      <div className="actions">
        <button type="submit" className="button primary" disabled={isSubmitting}>
          Nu een back-up maken
        </button>
        {isSubmitting ? (
          <span role="status" className="muted">
            Bezig…
          </span>
        ) : null}
      </div>
    </form>
  );
}

const RP = 'terugzetten';
type RestoreFormValues = { passphrase: string };

function RestoreDialog({ backup, onClose }: { backup: BackupInfo; onClose: (message: string | null) => void }) {
  const { call, applyStatus } = useSession();
  const [serverError, setServerError] = useState<string | null>(null);
  const form = useForm<RestoreFormValues>({ defaultValues: { passphrase: '' } });
  const { errors, submitCount, isSubmitting } = form.formState;
  const when = showDateTime(backup.createdAt);

  const onSubmit = form.handleSubmit(async ({ passphrase }) => {
    setServerError(null);
    try {
      const result = await call('vault.restoreBackup', { id: backup.id, passphrase });
      applyStatus(result.status);
      onClose(
        `De back-up van ${when} is teruggezet. De stand van daarvoor is bewaard als back-up “${BACKUP_KIND_LABELS['before-restore']}”; ` +
          'zet die terug om dit ongedaan te maken.',
      );
    } catch (err) {
      form.setValue('passphrase', '');
      setServerError(applyServerError(form, err, ''));
    }
  });

  return (
    <Modal title="Back-up terugzetten" onClose={() => onClose(null)}>
      <form noValidate onSubmit={onSubmit}>
        <p>
          U zet de back-up van <strong>{when}</strong> ({BACKUP_KIND_LABELS[backup.kind].toLowerCase()}) terug. Wat daarna in de kluis is
          gewijzigd, staat er dan niet meer in.
        </p>
        <p>
          Houvast bewaart eerst de huidige stand van de kluis als back-up (“{BACKUP_KIND_LABELS['before-restore']}”). Zo kunt u het
          terugzetten ongedaan maken door die back-up terug te zetten.
        </p>
        <ErrorSummary errors={errors} prefix={RP} serverError={serverError} show={submitCount > 0} />
        <TextField
          id={fieldId(RP, 'passphrase')}
          label="Wachtwoord"
          type="password"
          autoComplete="current-password"
          registration={form.register('passphrase', { required: 'Vul het wachtwoord in.' })}
          error={errorOf(errors, 'passphrase')}
          hint="Ter bevestiging vraagt Houvast het wachtwoord van de kluis opnieuw."
        />
        <div className="actions">
          <button type="submit" className="button primary" disabled={isSubmitting}>
            Terugzetten
          </button>
          <button type="button" className="button" onClick={() => onClose(null)} disabled={isSubmitting}>
            Annuleren
          </button>
          {isSubmitting ? (
            <span role="status" className="muted">
              Bezig met terugzetten…
            </span>
          ) : null}
        </div>
      </form>
    </Modal>
  );
}
