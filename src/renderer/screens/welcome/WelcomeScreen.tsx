// First screen without a selected vault: known vaults, a new vault, the demo, or a vault elsewhere.
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { contract } from '../../../shared/contract/procedures';
import { showDateTime } from '../../format';
import { Alert } from '../../components/Status';
import { FictitiousBadge } from '../../components/Badge';
import { TextField } from '../../components/fields';
import { ScreenHeading } from '../../components/ScreenHeading';
import { errorMessage, useSession } from '../../state/session';

const openSchema = contract['vault.open'].input;
type OpenForm = z.input<typeof openSchema>;

export function WelcomeScreen({ onCreate }: { onCreate: () => void }) {
  const { info, call, applyStatus, setDemoPassphrase } = useSession();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const form = useForm<OpenForm>({ resolver: zodResolver(openSchema), defaultValues: { path: '' } });

  const open = async (path: string) => {
    setError(null);
    setBusy('open');
    try {
      applyStatus(await call('vault.open', { path }));
    } catch (err) {
      setError(errorMessage(err));
      setBusy(null);
    }
  };

  const openDemo = async () => {
    setError(null);
    setBusy('demo');
    try {
      const res = await call('vault.createDemo', {});
      setDemoPassphrase(res.passphrase);
      applyStatus(res.status);
    } catch (err) {
      setError(errorMessage(err));
      setBusy(null);
    }
  };

  const known = info?.knownVaults ?? [];
  const pathError = form.formState.errors.path?.message;

  return (
    <main className="narrow" aria-busy={busy !== null}>
      <ScreenHeading title="Welkom">Welkom bij Houvast</ScreenHeading>
      <p className="lead">
        Houvast bewaart de dossiers van de huishoudens die u begeleidt in een versleutelde kluis op deze computer.
        Niemand anders kan erin zonder uw wachtwoord.
      </p>
      <Alert>{error}</Alert>

      <section className="card" aria-labelledby="kluizen-titel">
        <h2 id="kluizen-titel">Uw kluizen</h2>
        {known.length === 0 ? (
          <p>Er zijn op deze computer nog geen kluizen gebruikt.</p>
        ) : (
          <ul className="vault-list">
            {known.map((v) => (
              <li key={v.path} className="vault-item">
                <div>
                  <span className="vault-name">{v.name}</span> {v.demo ? <FictitiousBadge /> : null}
                  <span className="muted small vault-meta">
                    {v.lastOpenedAt ? `Laatst geopend ${showDateTime(v.lastOpenedAt)}` : 'Nog niet geopend'}
                  </span>
                </div>
                <button type="button" className="button" aria-label={`Kluis ${v.name} openen`} onClick={() => void open(v.path)}>
                  Openen
                </button>
              </li>
            ))}
          </ul>
        )}
        <div className="actions">
          <button type="button" className="button primary" onClick={onCreate}>
            Nieuwe kluis maken
          </button>
          <button type="button" className="button" onClick={() => void openDemo()} disabled={busy === 'demo'}>
            Demokluis openen
          </button>
        </div>
        <p className="hint">De demokluis bevat alleen fictieve huishoudens om Houvast te leren kennen.</p>
      </section>

      <section className="card" aria-labelledby="elders-titel">
        <h2 id="elders-titel">Kluis op een andere plek</h2>
        <form noValidate onSubmit={form.handleSubmit((v) => open(v.path))}>
          <TextField
            id="open-path"
            label="Pad naar een bestaande kluis"
            registration={form.register('path')}
            error={pathError}
            hint="Bijvoorbeeld een map op een gedeelde schijf die eindigt op .houvast."
            autoComplete="off"
            spellCheck={false}
          />
          <div className="actions">
            <button type="submit" className="button">
              Kluis openen
            </button>
          </div>
        </form>
      </section>
    </main>
  );
}
