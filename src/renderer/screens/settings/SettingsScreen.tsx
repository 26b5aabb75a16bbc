// Vault settings (name, auto-lock) and changing the password.
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { PASSPHRASE_MIN_LENGTH, newPassphrase, passphrase, settingsSchema, type Settings } from '../../../shared/contract/vault';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/fields';
import { applyServerError, errorOf, fieldId } from '../../components/form-helpers';
import { ScreenHeading } from '../../components/ScreenHeading';
import { Alert, Loading } from '../../components/Status';
import { errorMessage, useSession } from '../../state/session';
import { SchemesSection } from '../arrangement/SchemesSection';
import { NormsSection } from '../norms/NormsSection';
import { BackupSection } from './BackupSection';
import { OfficeSection } from './OfficeSection';

export function SettingsScreen() {
  const { call, status } = useSession();
  // Norm tables and zorgpremie schemes are casework: a vereniging vault has neither.
  const vereniging = status?.vault?.kind === 'vereniging';
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let alive = true;
    call('settings.get', {}).then(
      (s) => alive && setSettings(s),
      (err: unknown) => alive && setError(errorMessage(err)),
    );
    return () => {
      alive = false;
    };
  }, [call]);
  return (
    <>
      <ScreenHeading title="Instellingen">Instellingen</ScreenHeading>
      <Alert>{error}</Alert>
      <div className="settings-grid">
        {settings ? <SettingsForm initial={settings} /> : error ? null : <Loading />}
        <PassphraseForm />
      </div>
      {vereniging ? null : <OfficeSection />}
      <BackupSection />
      {vereniging ? null : <NormsSection />}
      {vereniging ? null : <SchemesSection />}
    </>
  );
}

const SP = 'instellingen';
type SettingsForm = z.input<typeof settingsSchema>;

function SettingsForm({ initial }: { initial: Settings }) {
  const { call, applyStatus } = useSession();
  const [serverError, setServerError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const form = useForm<SettingsForm>({ resolver: zodResolver(settingsSchema), defaultValues: initial });
  const { errors, submitCount, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (v) => {
    setServerError(null);
    setSaved(false);
    try {
      const next = await call('settings.update', v);
      form.reset(next);
      setSaved(true);
      // The auto-lock deadline follows the new setting; show it right away.
      const st = await call('vault.status', {});
      applyStatus(st);
    } catch (err) {
      setServerError(applyServerError(form, err, ''));
    }
  });

  return (
    <form noValidate onSubmit={onSubmit} className="card" aria-labelledby="h-algemeen">
      <h2 id="h-algemeen">Algemeen</h2>
      <ErrorSummary errors={errors} prefix={SP} serverError={serverError} show={submitCount > 0} />
      <TextField
        id={fieldId(SP, 'userName')}
        label="Uw naam"
        registration={form.register('userName')}
        error={errorOf(errors, 'userName')}
        autoComplete="name"
        hint="Staat in het logboek bij wat u doet."
      />
      <TextField
        id={fieldId(SP, 'organisation')}
        label="Organisatie (optioneel)"
        registration={form.register('organisation')}
        error={errorOf(errors, 'organisation')}
        autoComplete="organization"
        hint="Staat als afzender op brieven aan schuldeisers."
      />
      <TextField
        id={fieldId(SP, 'autoLockMinutes')}
        label="Automatisch vergrendelen na (minuten)"
        type="number"
        min={1}
        max={240}
        step={1}
        inputMode="numeric"
        className="field-short"
        registration={form.register('autoLockMinutes', { valueAsNumber: true })}
        error={errorOf(errors, 'autoLockMinutes')}
        hint="Tussen 1 en 240 minuten zonder activiteit. Standaard 10."
      />
      <div className="actions">
        <button type="submit" className="button primary" disabled={isSubmitting}>
          Opslaan
        </button>
      </div>
      <p role="status" className={saved ? 'success' : 'visually-hidden'}>
        {saved ? 'De instellingen zijn opgeslagen.' : ''}
      </p>
    </form>
  );
}

const PP = 'wachtwoord';
const passSchema = z
  .object({ currentPassphrase: passphrase, newPassphrase, repeat: z.string() })
  .refine((v) => v.newPassphrase === v.repeat, { message: 'De wachtwoorden zijn niet gelijk.', path: ['repeat'] });
type PassForm = z.input<typeof passSchema>;

function PassphraseForm() {
  const { call } = useSession();
  const [serverError, setServerError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const form = useForm<PassForm>({
    resolver: zodResolver(passSchema),
    defaultValues: { currentPassphrase: '', newPassphrase: '', repeat: '' },
  });
  const { errors, submitCount, isSubmitting } = form.formState;
  const f = (name: keyof PassForm) => ({ id: fieldId(PP, name), registration: form.register(name), error: errorOf(errors, name) });

  const onSubmit = form.handleSubmit(async (v) => {
    setServerError(null);
    setDone(false);
    try {
      await call('vault.changePassphrase', { currentPassphrase: v.currentPassphrase, newPassphrase: v.newPassphrase });
      form.reset({ currentPassphrase: '', newPassphrase: '', repeat: '' });
      setDone(true);
    } catch (err) {
      setServerError(applyServerError(form, err, ''));
      form.setValue('currentPassphrase', '');
    }
  });

  return (
    <form noValidate onSubmit={onSubmit} className="card" aria-labelledby="h-wachtwoord">
      <h2 id="h-wachtwoord">Wachtwoord wijzigen</h2>
      <ErrorSummary errors={errors} prefix={PP} serverError={serverError} show={submitCount > 0} />
      <TextField {...f('currentPassphrase')} label="Huidig wachtwoord" type="password" autoComplete="current-password" />
      <TextField
        {...f('newPassphrase')}
        label="Nieuw wachtwoord"
        type="password"
        autoComplete="new-password"
        hint={`Minstens ${PASSPHRASE_MIN_LENGTH} tekens. Uw herstelcode blijft geldig.`}
      />
      <TextField {...f('repeat')} label="Herhaal nieuw wachtwoord" type="password" autoComplete="new-password" />
      <div className="actions">
        <button type="submit" className="button primary" disabled={isSubmitting}>
          Wachtwoord wijzigen
        </button>
        {isSubmitting ? (
          <span role="status" className="muted">
            Bezig…
          </span>
        ) : null}
      </div>
      <p role="status" className={done ? 'success' : 'visually-hidden'}>
        {done ? 'Het wachtwoord is gewijzigd.' : ''}
      </p>
    </form>
  );
}
