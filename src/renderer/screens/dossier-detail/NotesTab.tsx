// Notes, newest first; adding one goes through dossier.addNote (the core stamps time and author).
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { contract } from '../../../shared/contract/procedures';
import type { Dossier } from '../../../shared/dossier/schema';
import { TextArea } from '../../components/fields';
import { errorOf } from '../../components/form-helpers';
import { Alert } from '../../components/Status';
import { useDraft } from '../../components/useDraft';
import { showDateTime } from '../../format';
import { errorMessage, useCall } from '../../state/session';

const schema = z.object({ text: contract['dossier.addNote'].input.shape.text });

export function NotesTab({ dossier, onChange }: { dossier: Dossier; onChange: (d: Dossier) => void }) {
  const call = useCall();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<z.input<typeof schema>>({ resolver: zodResolver(schema), defaultValues: { text: '' } });
  const notes = [...dossier.notes].reverse();
  // A half-written note is kept as a draft in the vault (navigation, auto-lock) and offered back here.
  const draft = useDraft(form, { form: `note:${dossier.id}`, label: `Notitie (dossier ${dossier.number})`, dossierId: dossier.id });

  const onSubmit = form.handleSubmit(async (v) => {
    setError(null);
    try {
      onChange((await call('dossier.addNote', { id: dossier.id, text: v.text })) as Dossier);
      await draft.discard();
      form.reset({ text: '' });
    } catch (err) {
      setError(errorMessage(err));
    }
  });

  return (
    <div className="stack">
      {draft.ui}
      <form noValidate onSubmit={onSubmit} className="card">
        <Alert>{error}</Alert>
        <TextArea
          id="nieuwe-notitie"
          label="Nieuwe notitie"
          rows={4}
          registration={form.register('text')}
          error={errorOf(form.formState.errors, 'text')}
        />
        <div className="actions">
          <button type="submit" className="button primary" disabled={form.formState.isSubmitting}>
            Notitie toevoegen
          </button>
        </div>
      </form>
      <section aria-labelledby="h-notities">
        <h2 id="h-notities">Notities ({notes.length})</h2>
        {notes.length === 0 ? (
          <p className="muted">Nog geen notities.</p>
        ) : (
          <ol className="notes">
            {notes.map((n, i) => (
              <li key={n.id ?? i} className="note">
                <p className="note-meta">
                  {n.createdAt ? showDateTime(n.createdAt) : 'Datum onbekend'}
                  {n.author ? ` · ${n.author}` : ''}
                </p>
                <p className="note-text">{n.text}</p>
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
