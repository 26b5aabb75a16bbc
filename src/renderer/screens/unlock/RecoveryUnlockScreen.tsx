// Unlock with the recovery code and choose a new password at the same time.
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { PASSPHRASE_MIN_LENGTH, newPassphrase, recoveryCode } from '../../../shared/contract/vault';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/fields';
import { applyServerError, errorOf, fieldId } from '../../components/form-helpers';
import { ScreenHeading } from '../../components/ScreenHeading';
import { UnlockProgress, useVaultMigrating } from '../../components/UnlockProgress';
import { useSession } from '../../state/session';

const schema = z
  .object({ recoveryCode, newPassphrase, repeat: z.string() })
  .refine((v) => v.newPassphrase === v.repeat, { message: 'De wachtwoorden zijn niet gelijk.', path: ['repeat'] });
type Form = z.input<typeof schema>;
const P = 'herstel';

export function RecoveryUnlockScreen({ onBack }: { onBack: () => void }) {
  const { call, applyStatus, status } = useSession();
  const [serverError, setServerError] = useState<string | null>(null);
  const migrating = useVaultMigrating();
  const form = useForm<Form>({ resolver: zodResolver(schema), defaultValues: { recoveryCode: '', newPassphrase: '', repeat: '' } });
  const { errors, isSubmitting, submitCount } = form.formState;
  const f = (name: keyof Form) => ({ id: fieldId(P, name), registration: form.register(name), error: errorOf(errors, name) });

  const onSubmit = form.handleSubmit(async (v) => {
    setServerError(null);
    try {
      applyStatus(await migrating.during(() => call('vault.unlockWithRecoveryCode', { recoveryCode: v.recoveryCode, newPassphrase: v.newPassphrase })));
    } catch (err) {
      setServerError(applyServerError(form, err, ''));
    }
  });

  return (
    <main className="narrow">
      <ScreenHeading title="Ontgrendelen met herstelcode">Ontgrendelen met herstelcode</ScreenHeading>
      {status?.vault ? (
        <p className="vault-title">
          <span className="muted">Kluis: </span>
          <strong>{status.vault.name}</strong>
        </p>
      ) : null}
      <p className="lead">Vul de herstelcode in die u bij het maken van de kluis hebt bewaard, en kies een nieuw wachtwoord.</p>
      <form noValidate onSubmit={onSubmit} className="card" aria-busy={isSubmitting}>
        <ErrorSummary errors={errors} prefix={P} serverError={serverError} show={submitCount > 0} />
        <TextField
          {...f('recoveryCode')}
          label="Herstelcode"
          autoComplete="off"
          spellCheck={false}
          className="mono-input"
          hint="Acht groepen van vijf tekens. Streepjes, spaties en hoofdletters maken niet uit."
        />
        <TextField
          {...f('newPassphrase')}
          label="Nieuw wachtwoord"
          type="password"
          autoComplete="new-password"
          hint={`Minstens ${PASSPHRASE_MIN_LENGTH} tekens.`}
        />
        <TextField {...f('repeat')} label="Herhaal nieuw wachtwoord" type="password" autoComplete="new-password" />
        <div className="actions">
          <button type="submit" className="button primary" disabled={isSubmitting}>
            Herstellen en ontgrendelen
          </button>
          <button type="button" className="button" onClick={onBack}>
            Terug
          </button>
          {isSubmitting ? <UnlockProgress busyText="Bezig met herstellen…" step={migrating.step} /> : null}
        </div>
      </form>
    </main>
  );
}
