// Unlock the selected vault with its password.
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { AppError } from '../../../shared/contract/errors';
import { contract } from '../../../shared/contract/procedures';
import { Alert } from '../../components/Status';
import { FictitiousBadge } from '../../components/Badge';
import { TextField } from '../../components/fields';
import { errorOf } from '../../components/form-helpers';
import { ScreenHeading } from '../../components/ScreenHeading';
import { UnlockProgress, useVaultMigrating } from '../../components/UnlockProgress';
import { errorMessage, useSession } from '../../state/session';
import { DamagedVaultRestore } from './DamagedVaultRestore';

const schema = contract['vault.unlock'].input;
type Form = z.input<typeof schema>;

export function UnlockScreen({ onRecover }: { onRecover: () => void }) {
  const { status, call, applyStatus, demoPassphrase } = useSession();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const migrating = useVaultMigrating();
  // Once the core has said the vault is damaged, the backups stay offered (also after a mistyped password).
  const [damaged, setDamaged] = useState(false);
  const form = useForm<Form>({ resolver: zodResolver(schema), defaultValues: { passphrase: '' } });
  const vault = status?.vault;

  const onSubmit = form.handleSubmit(async (v) => {
    setError(null);
    setBusy(true);
    try {
      const next = await migrating.during(() => call('vault.unlock', { passphrase: v.passphrase }));
      applyStatus(next);
    } catch (err) {
      setError(errorMessage(err));
      if (err instanceof AppError && err.code === 'VAULT_CORRUPT') setDamaged(true);
      form.setValue('passphrase', '');
      form.setFocus('passphrase');
      setBusy(false);
    }
  });

  const chooseOther = async () => {
    setError(null);
    try {
      applyStatus(await call('vault.close', {}));
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  return (
    <main className="narrow">
      {/* The password is the one thing to do here, so it has the focus from the start. */}
      <ScreenHeading title="Kluis ontgrendelen" takeFocus={false}>
        Kluis ontgrendelen
      </ScreenHeading>
      {vault ? (
        <p className="vault-title">
          <span className="muted">Kluis: </span>
          <strong>{vault.name}</strong> {vault.demo ? <FictitiousBadge /> : null}
        </p>
      ) : null}
      {vault?.demo && demoPassphrase ? (
        <p className="notice">
          Demokluis met fictieve huishoudens. Wachtwoord: <code className="demo-pass">{demoPassphrase}</code>
        </p>
      ) : null}
      <form noValidate onSubmit={onSubmit} className="card" aria-busy={busy}>
        <Alert>{error}</Alert>
        <TextField
          id="ontgrendel-wachtwoord"
          label="Wachtwoord"
          type="password"
          autoComplete="current-password"
          registration={form.register('passphrase')}
          autoFocus
          error={errorOf(form.formState.errors, 'passphrase')}
        />
        <div className="actions">
          <button type="submit" className="button primary" disabled={busy}>
            Ontgrendelen
          </button>
          {busy ? <UnlockProgress busyText="Bezig met ontgrendelen…" step={migrating.step} /> : null}
        </div>
      </form>
      {damaged ? <DamagedVaultRestore /> : null}
      <div className="actions secondary-actions">
        <button type="button" className="button link-button" onClick={onRecover}>
          Herstelcode gebruiken
        </button>
        <button type="button" className="button link-button" onClick={() => void chooseOther()}>
          Andere kluis kiezen
        </button>
      </div>
    </main>
  );
}
