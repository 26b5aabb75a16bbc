// Create a vault: name, password twice, and an explicit acknowledgement that nobody can recover the data
// without the password or the recovery code.
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { contract } from '../../../shared/contract/procedures';
import { PASSPHRASE_MIN_LENGTH, newPassphrase, settingsSchema } from '../../../shared/contract/vault';
import { VAULT_KINDS, VAULT_KIND_LABELS } from '../../../shared/contract/vault-kind';
import { ErrorSummary } from '../../components/ErrorSummary';
import { CheckboxField, TextField } from '../../components/fields';
import { applyServerError, errorOf, fieldId } from '../../components/form-helpers';
import { ScreenHeading } from '../../components/ScreenHeading';
import { useSession } from '../../state/session';

export const createVaultSchema = z
  .object({
    name: contract['vault.create'].input.shape.name,
    kind: z.enum(VAULT_KINDS),
    userName: settingsSchema.shape.userName,
    passphrase: newPassphrase,
    repeat: z.string(),
    understood: z.boolean().refine((v) => v, { message: 'Bevestig dat u dit begrijpt.' }),
  })
  .refine((v) => v.passphrase === v.repeat, { message: 'De wachtwoorden zijn niet gelijk.', path: ['repeat'] });
type CreateForm = z.input<typeof createVaultSchema>;

const P = 'nieuwe-kluis';

export function CreateVaultScreen({ onCancel }: { onCancel: () => void }) {
  const { call, applyStatus, setRecoveryCode, refreshInfo } = useSession();
  const [serverError, setServerError] = useState<string | null>(null);
  const form = useForm<CreateForm>({
    resolver: zodResolver(createVaultSchema),
    defaultValues: { name: '', kind: 'kantoor', userName: '', passphrase: '', repeat: '', understood: false },
  });
  const { errors, isSubmitting, submitCount } = form.formState;
  const f = (name: keyof CreateForm) => ({ id: fieldId(P, name), registration: form.register(name), error: errorOf(errors, name) });

  const onSubmit = form.handleSubmit(async (v) => {
    setServerError(null);
    try {
      const res = await call('vault.create', { name: v.name, kind: v.kind, userName: v.userName, passphrase: v.passphrase });
      // The recovery code screen comes first; the status makes the app unlocked behind it.
      setRecoveryCode(res.recoveryCode);
      applyStatus(res.status);
      void refreshInfo();
    } catch (err) {
      setServerError(applyServerError(form, err, ''));
    }
  });

  return (
    <main className="narrow">
      <ScreenHeading title="Nieuwe kluis maken">Nieuwe kluis maken</ScreenHeading>
      <p className="lead">Een kluis is een versleuteld bestand op deze computer met de dossiers van uw huishoudens.</p>
      <form noValidate onSubmit={onSubmit} className="card" aria-busy={isSubmitting}>
        <ErrorSummary errors={errors} prefix={P} serverError={serverError} show={submitCount > 0} />
        <TextField {...f('name')} label="Naam van de kluis" autoComplete="off" hint="Bijvoorbeeld de naam van uw team of praktijk." />
        <fieldset className="plain-fieldset" aria-describedby={`${P}-soort-hint`}>
          <legend>Soort kluis</legend>
          <p id={`${P}-soort-hint`} className="hint">
            Dit ligt vast zodra de kluis bestaat. Een verenigingskluis bevat nooit dossiers van huishoudens.
          </p>
          {VAULT_KINDS.map((k) => (
            <div key={k} className="check-row">
              <input id={`${P}-soort-${k}`} type="radio" value={k} {...form.register('kind')} />
              <label htmlFor={`${P}-soort-${k}`}>{VAULT_KIND_LABELS[k]}</label>
            </div>
          ))}
        </fieldset>
        <TextField
          {...f('userName')}
          label="Uw naam"
          autoComplete="name"
          hint="Komt in het logboek bij alles wat u doet en op elke PDF die u maakt. U kunt dit later wijzigen bij Instellingen."
        />
        <TextField
          {...f('passphrase')}
          label="Wachtwoord"
          type="password"
          autoComplete="new-password"
          hint={`Minstens ${PASSPHRASE_MIN_LENGTH} tekens. Een zin van een paar woorden is sterk en goed te onthouden.`}
        />
        <TextField {...f('repeat')} label="Herhaal wachtwoord" type="password" autoComplete="new-password" />
        <div className="warning" id="kluis-waarschuwing">
          <h2 className="warning-title">Belangrijk: bewaar uw wachtwoord en herstelcode goed</h2>
          <p>
            Na het maken van de kluis krijgt u één keer een herstelcode. Bent u zowel het wachtwoord als de herstelcode
            kwijt, dan kan <strong>niemand</strong> uw gegevens terughalen: ook Houvast en de helpdesk niet.
          </p>
        </div>
        <CheckboxField {...f('understood')} label="Ik begrijp dat mijn gegevens verloren zijn zonder wachtwoord én herstelcode" />
        <div className="actions">
          <button type="submit" className="button primary" disabled={isSubmitting}>
            Kluis maken
          </button>
          <button type="button" className="button" onClick={onCancel}>
            Terug
          </button>
          {isSubmitting ? (
            <span role="status" className="muted">
              Bezig met maken van de kluis…
            </span>
          ) : null}
        </div>
      </form>
    </main>
  );
}
