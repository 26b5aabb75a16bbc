// The recovery code, shown exactly once after creating a vault, with the herstelkit: a one-page PDF made by the
// core in memory and handed straight to the browser's download (never stored by the app).
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { CheckboxField } from '../../components/fields';
import { errorOf } from '../../components/form-helpers';
import { ScreenHeading } from '../../components/ScreenHeading';
import { downloadBase64 } from '../../components/download';
import { useSession } from '../../state/session';

const schema = z.object({
  stored: z.boolean().refine((v) => v, { message: 'Bevestig dat u de herstelcode veilig hebt bewaard.' }),
});
type Form = z.input<typeof schema>;

export function RecoveryCodeScreen({ code, onDone }: { code: string; onDone: () => void }) {
  const form = useForm<Form>({ resolver: zodResolver(schema), defaultValues: { stored: false } });
  const { call } = useSession();
  const [kit, setKit] = useState<{ busy: boolean; message: string | null; error: string | null }>({ busy: false, message: null, error: null });
  const groups = code.split(/[-\s]+/).filter(Boolean);

  const downloadKit = async () => {
    setKit({ busy: true, message: null, error: null });
    try {
      const out = await call('vault.recoveryKit', { recoveryCode: code });
      downloadBase64(out.fileName, out.contentBase64, out.mime);
      setKit({ busy: false, message: `De herstelkit is gedownload als ${out.fileName}. Druk hem af en verwijder daarna het bestand.`, error: null });
    } catch (err) {
      setKit({ busy: false, message: null, error: err instanceof Error ? err.message : 'De herstelkit kon niet worden gemaakt.' });
    }
  };

  return (
    <main className="narrow">
      <ScreenHeading title="Uw herstelcode">Uw herstelcode</ScreenHeading>
      <div className="card">
        <p>
          Met deze herstelcode kunt u de kluis openen als u uw wachtwoord vergeten bent. U ziet de code <strong>maar één keer</strong>.
        </p>
        {/* Each group is its own box that never breaks inside; the row wraps between groups at any width. */}
        <p className="recovery-code" data-testid="recovery-code">
          {groups.map((g, i) => (
            <span key={i} className="recovery-group" data-testid="recovery-group">
              {g}
            </span>
          )).flatMap((el, i) => (i === 0 ? [el] : [' ', el]))}
        </p>
        <ul className="instructions">
          <li>Download de herstelkit (één A4 met de code en wat u ermee doet) en druk hem af, of schrijf de code over op papier.</li>
          <li>Bewaar het papier op een veilige plek, bijvoorbeeld in een afgesloten kast, niet bij de computer.</li>
          <li>Sla de code niet op in een bestand of e-mail op deze computer.</li>
        </ul>
        <div className="actions no-print">
          <button type="button" className="button primary" onClick={() => void downloadKit()} disabled={kit.busy}>
            Herstelkit downloaden (PDF)
          </button>
          <button type="button" className="button" onClick={() => window.print()}>
            Deze pagina afdrukken
          </button>
        </div>
        <div role="status" className="no-print">
          {kit.busy ? <p className="muted">Bezig met maken van de herstelkit…</p> : null}
          {kit.message ? <p>{kit.message}</p> : null}
        </div>
        {kit.error ? (
          <p role="alert" className="field-error no-print">
            {kit.error}
          </p>
        ) : null}
        <form noValidate onSubmit={form.handleSubmit(onDone)} className="no-print">
          <CheckboxField
            id="herstelcode-bewaard"
            label="Ik heb de herstelcode veilig bewaard"
            registration={form.register('stored')}
            error={errorOf(form.formState.errors, 'stored')}
          />
          <div className="actions">
            <button type="submit" className="button primary">
              Verder
            </button>
          </div>
        </form>
      </div>
    </main>
  );
}
