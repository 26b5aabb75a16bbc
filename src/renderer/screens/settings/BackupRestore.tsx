// The list of a vault's backups with "Terugzetten" per row, and the dialog that asks the password again.
// Shared by Instellingen → Back-ups and the unlock screen of a damaged vault. A successful restore goes
// through session.restored(): the unlocked tree remounts, so no screen keeps showing the replaced data.
import { useCallback, useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { BackupInfo, RestoreBackupOutput } from '../../../shared/contract/backups';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/fields';
import { applyServerError, errorOf, fieldId } from '../../components/form-helpers';
import { Modal } from '../../components/Modal';
import { UnlockProgress, useVaultMigrating } from '../../components/UnlockProgress';
import { formatSize, showDateTime } from '../../format';
import { errorMessage, useSession } from '../../state/session';

export const BACKUP_KIND_LABELS: Record<BackupInfo['kind'], string> = {
  auto: 'Automatisch',
  manual: 'Handmatig',
  'pre-migration': 'Voor een update',
  'before-restore': 'Voor terugzetten',
};

/** The selected vault's backups ('vault.listBackups' also answers while the vault is locked). */
export function useBackupList(): { list: BackupInfo[] | null; error: string | null; reload: () => Promise<void> } {
  const { call } = useSession();
  const [list, setList] = useState<BackupInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);
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
  return { list, error, reload };
}

export function BackupTable({
  list,
  labelledBy,
  damaged = false,
  onRestored,
}: {
  list: BackupInfo[];
  /** Id of the heading that names the table. */
  labelledBy: string;
  /** The vault could not be opened: the dialog says the damaged state is kept, and success means unlocked. */
  damaged?: boolean;
  /** Called with the success message just before the session remounts the unlocked app. */
  onRestored?: (message: string) => void;
}) {
  const [restoring, setRestoring] = useState<BackupInfo | null>(null);
  return (
    <>
      <div className="table-wrap">
        <table className="table" aria-labelledby={labelledBy}>
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
                  <button type="button" className="button" aria-describedby={`backup-${b.id}`} onClick={() => setRestoring(b)}>
                    Terugzetten
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {restoring ? (
        <RestoreDialog
          backup={restoring}
          damaged={damaged}
          onCancel={() => setRestoring(null)}
          onRestored={(message) => {
            setRestoring(null);
            onRestored?.(message);
          }}
        />
      ) : null}
    </>
  );
}

const RP = 'terugzetten';
type RestoreFormValues = { passphrase: string };

function RestoreDialog({
  backup,
  damaged,
  onCancel,
  onRestored,
}: {
  backup: BackupInfo;
  damaged: boolean;
  onCancel: () => void;
  onRestored: (message: string) => void;
}) {
  const { call, restored } = useSession();
  const [serverError, setServerError] = useState<string | null>(null);
  // A backup from before an update of Houvast is updated again when it is restored (issue 10 §2): show its steps.
  const migrating = useVaultMigrating();
  const form = useForm<RestoreFormValues>({ defaultValues: { passphrase: '' } });
  const { errors, submitCount, isSubmitting } = form.formState;
  const when = showDateTime(backup.createdAt);
  const undoLabel = BACKUP_KIND_LABELS['before-restore'];

  const successMessage = (result: RestoreBackupOutput) => {
    const kept = result.undoId
      ? damaged
        ? ` De beschadigde stand van de kluis is bewaard als back-up “${undoLabel}”; er is niets verwijderd.`
        : ` De stand van daarvoor is bewaard als back-up “${undoLabel}”; zet die terug om dit ongedaan te maken.`
      : '';
    // The damaged vault's logboek could not be read, so its last entries are only in the kept copy: say so.
    const logboek = result.logboekCarried
      ? ''
      : ' Het logboek van de beschadigde kluis kon niet worden gelezen; de regels van na deze back-up staan alleen in die bewaarde back-up.';
    return `De back-up van ${when} is teruggezet${damaged ? ' en de kluis is ontgrendeld' : ''}.${kept}${logboek}`;
  };

  const onSubmit = form.handleSubmit(async ({ passphrase }) => {
    setServerError(null);
    try {
      const result = await migrating.during(() => call('vault.restoreBackup', { id: backup.id, passphrase }));
      const message = successMessage(result);
      onRestored(message);
      restored(result.status, message);
    } catch (err) {
      form.setValue('passphrase', '');
      setServerError(applyServerError(form, err, ''));
    }
  });

  return (
    // Escape does not close the dialog while the restore runs, as "Annuleren" cannot: the restore goes on regardless.
    <Modal title="Back-up terugzetten" onClose={isSubmitting ? () => undefined : onCancel}>
      <form noValidate onSubmit={onSubmit}>
        <p>
          U zet de back-up van <strong>{when}</strong> ({BACKUP_KIND_LABELS[backup.kind].toLowerCase()}) terug. Wat daarna in de kluis is
          gewijzigd, staat er dan niet meer in.
        </p>
        {damaged ? (
          <p>
            Houvast bewaart eerst de huidige, beschadigde stand van de kluis als back-up (“{undoLabel}”). Er wordt niets verwijderd: u of uw
            beheerder kunt die later nog onderzoeken, of het terugzetten ongedaan maken door die back-up terug te zetten.
          </p>
        ) : (
          <p>
            Houvast bewaart eerst de huidige stand van de kluis als back-up (“{undoLabel}”). Zo kunt u het terugzetten ongedaan maken door
            die back-up terug te zetten.
          </p>
        )}
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
          <button type="button" className="button" onClick={onCancel} disabled={isSubmitting}>
            Annuleren
          </button>
          {isSubmitting ? (
            <UnlockProgress busyText="Bezig met terugzetten…" doneText="Kluis is bijgewerkt. Bezig met terugzetten…" step={migrating.step} />
          ) : null}
        </div>
      </form>
    </Modal>
  );
}
