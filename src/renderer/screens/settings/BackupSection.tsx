// Instellingen → Back-ups: make an encrypted backup now (in the vault or, with the keyfile, in a chosen
// folder such as a USB drive), see the backups of this vault, and restore one. A restore asks for the
// password again and first saves the current state as a backup, so it can be undone.
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/fields';
import { applyServerError, errorOf, fieldId } from '../../components/form-helpers';
import { Alert, Loading } from '../../components/Status';
import { AppError } from '../../../shared/contract/errors';
import { JobProgress, newJobId } from '../../components/JobProgress';
import { formatSize, showDateTime } from '../../format';
import { useSession } from '../../state/session';
import { BackupTable, useBackupList } from './BackupRestore';

// Kept here too for existing importers; the list and the restore dialog live in BackupRestore.tsx.
export { BACKUP_KIND_LABELS } from './BackupRestore';
export { formatSize } from '../../format';

export const BACKUP_CANCELLED = 'Het maken van de back-up is afgebroken. Er is geen back-up gemaakt.';

export function BackupSection() {
  const { list, error, reload } = useBackupList();
  const [done, setDone] = useState<string | null>(null);

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
        // A restore remounts the unlocked app (session.restored), which then shows the message itself.
        <BackupTable list={list} labelledBy="h-backup-lijst" onRestored={setDone} />
      )}
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
  // The running external backup's id: its progress bar and "Annuleren" follow it.
  const [jobId, setJobId] = useState<string | null>(null);

  const onSubmit = form.handleSubmit(async ({ folder }) => {
    setServerError(null);
    const target = folder.trim();
    // Only the copy to another drive takes long: it runs as a job with progress and "Annuleren".
    const id = target === '' ? null : newJobId();
    setJobId(id);
    try {
      const result = await call('vault.backup', id === null ? {} : { folder: target, jobId: id });
      form.reset({ folder: '' });
      onDone(
        target === ''
          ? `De back-up van ${showDateTime(result.createdAt)} is gemaakt in de kluismap.`
          : `De externe back-up is gemaakt: ${result.path}. Bewaar deze map op een veilige plek; hij opent met het wachtwoord of de herstelcode van nu.`,
      );
    } catch (err) {
      setServerError(err instanceof AppError && err.code === 'CANCELLED' ? BACKUP_CANCELLED : applyServerError(form, err, ''));
    } finally {
      setJobId(null);
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
        {isSubmitting && jobId === null ? (
          <span role="status" className="muted">
            Bezig…
          </span>
        ) : null}
      </div>
      {jobId ? <JobProgress jobId={jobId} label="Externe back-up maken" unit="" format={formatSize} /> : null}
    </form>
  );
}
