// Confirmations for closing, deleting (type the number) and exporting (password again) a dossier.
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { passphrase } from '../../../shared/contract/vault';
import type { Dossier } from '../../../shared/dossier/schema';
import { Modal } from '../../components/Modal';
import { Alert } from '../../components/Status';
import { downloadFile } from '../../components/download';
import { TextField } from '../../components/fields';
import { errorOf } from '../../components/form-helpers';
import { useNavigate } from '../../state/route';
import { errorMessage, useCall } from '../../state/session';

export function CloseDialog({ dossier, onClose, onDone }: { dossier: Dossier; onClose: () => void; onDone: (d: Dossier) => void }) {
  const call = useCall();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      onDone((await call('dossier.close', { id: dossier.id })) as Dossier);
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };
  return (
    <Modal title="Dossier afsluiten?" onClose={onClose}>
      <p>
        Het dossier {dossier.number} krijgt de status Afgesloten, met vandaag als datum. De gegevens blijven bewaard en u kunt
        het dossier later weer bewerken.
      </p>
      <Alert>{error}</Alert>
      <div className="actions">
        <button type="button" className="button primary" onClick={() => void confirm()} disabled={busy}>
          Dossier afsluiten
        </button>
        <button type="button" className="button" onClick={onClose}>
          Annuleren
        </button>
      </div>
    </Modal>
  );
}

export function DeleteDialog({ dossier, onClose }: { dossier: Dossier; onClose: () => void }) {
  const call = useCall();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const schema = z.object({
    confirmNumber: z
      .string()
      .trim()
      .refine((v) => v === dossier.number, { message: 'Het dossiernummer klopt niet. Er is niets verwijderd.' }),
  });
  const form = useForm<z.input<typeof schema>>({ resolver: zodResolver(schema), defaultValues: { confirmNumber: '' } });
  const onSubmit = form.handleSubmit(async (v) => {
    setError(null);
    try {
      await call('dossier.delete', { id: dossier.id, confirmNumber: v.confirmNumber });
      navigate({ name: 'dossiers' });
    } catch (err) {
      setError(errorMessage(err));
    }
  });
  return (
    <Modal title="Dossier definitief verwijderen?" onClose={onClose}>
      <form noValidate onSubmit={onSubmit}>
        <p>
          Alle gegevens van dit dossier worden definitief verwijderd: het huishouden, de inkomsten, uitgaven, schulden en
          notities. Dit kan niet ongedaan worden gemaakt. In het logboek blijft alleen staan dat het dossier is verwijderd.
        </p>
        <p>
          Dossiernummer: <strong className="mono">{dossier.number}</strong>
        </p>
        <Alert>{error}</Alert>
        <TextField
          id="verwijder-nummer"
          label="Typ het dossiernummer ter bevestiging"
          registration={form.register('confirmNumber')}
          error={errorOf(form.formState.errors, 'confirmNumber')}
          autoComplete="off"
          spellCheck={false}
        />
        <div className="actions">
          <button type="submit" className="button danger" disabled={form.formState.isSubmitting}>
            Definitief verwijderen
          </button>
          <button type="button" className="button" onClick={onClose}>
            Annuleren
          </button>
        </div>
      </form>
    </Modal>
  );
}

const exportSchema = z.object({ passphrase });

export function ExportDialog({ dossier, onClose, onDone }: { dossier: Dossier; onClose: () => void; onDone: () => void }) {
  const call = useCall();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<z.input<typeof exportSchema>>({ resolver: zodResolver(exportSchema), defaultValues: { passphrase: '' } });
  const onSubmit = form.handleSubmit(async (v) => {
    setError(null);
    try {
      const file = await call('dossier.export', { id: dossier.id, passphrase: v.passphrase });
      downloadFile(file.fileName, file.content, 'application/json');
      onDone();
    } catch (err) {
      setError(errorMessage(err));
      form.setValue('passphrase', '');
    }
  });
  return (
    <Modal title="Dossier exporteren" onClose={onClose}>
      <form noValidate onSubmit={onSubmit}>
        <p>
          Het exportbestand bevat alle persoonsgegevens van dit dossier, onversleuteld. Bevestig met uw wachtwoord en bewaar het
          bestand op een veilige plek.
        </p>
        <Alert>{error}</Alert>
        <TextField
          id="export-wachtwoord"
          label="Wachtwoord"
          type="password"
          autoComplete="current-password"
          registration={form.register('passphrase')}
          error={errorOf(form.formState.errors, 'passphrase')}
        />
        <div className="actions">
          <button type="submit" className="button primary" disabled={form.formState.isSubmitting}>
            Exporteren
          </button>
          <button type="button" className="button" onClick={onClose}>
            Annuleren
          </button>
        </div>
      </form>
    </Modal>
  );
}
