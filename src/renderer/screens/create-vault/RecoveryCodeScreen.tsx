// The recovery code, shown exactly once after creating a vault.
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { CheckboxField } from '../../components/fields';
import { errorOf } from '../../components/form-helpers';
import { ScreenHeading } from '../../components/ScreenHeading';

const schema = z.object({
  stored: z.boolean().refine((v) => v, { message: 'Bevestig dat u de herstelcode veilig hebt bewaard.' }),
});
type Form = z.input<typeof schema>;

export function RecoveryCodeScreen({ code, onDone }: { code: string; onDone: () => void }) {
  const form = useForm<Form>({ resolver: zodResolver(schema), defaultValues: { stored: false } });
  const groups = code.split(/[-\s]+/).filter(Boolean);
  return (
    <main className="narrow">
      <ScreenHeading title="Uw herstelcode">Uw herstelcode</ScreenHeading>
      <div className="card">
        <p>
          Met deze herstelcode kunt u de kluis openen als u uw wachtwoord vergeten bent. U ziet de code <strong>maar één keer</strong>.
        </p>
        <p className="recovery-code" data-testid="recovery-code">
          {groups.map((g, i) => (
            <span key={i} className="recovery-group">
              {g}
              {i < groups.length - 1 ? ' ' : ''}
            </span>
          ))}
        </p>
        <ul className="instructions">
          <li>Druk de code af of schrijf hem over op papier.</li>
          <li>Bewaar het papier op een veilige plek, bijvoorbeeld in een afgesloten kast, niet bij de computer.</li>
          <li>Sla de code niet op in een bestand of e-mail op deze computer.</li>
        </ul>
        <div className="actions no-print">
          <button type="button" className="button" onClick={() => window.print()}>
            Afdrukken
          </button>
        </div>
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
