// Removing one item from a dossier: first a confirmation, then the removal (only this item crosses the contract)
// and a bar with "Ongedaan maken" that puts it back in its place. The logboek records both (in the core).
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { RemovedItem } from '../../../shared/contract/procedures';
import type { Dossier } from '../../../shared/dossier/schema';
import { Modal } from '../../components/Modal';
import { Alert } from '../../components/Status';
import { errorMessage, useCall } from '../../state/session';

export type RemovableKind = RemovedItem['kind'];

interface Asking {
  kind: RemovableKind;
  itemId: string;
  /** What the user sees, e.g. "Inkomst ‘Loon’". */
  label: string;
  /** What else goes with it, in one sentence (optional). */
  consequence?: string | undefined;
}

export interface Removal {
  /** Ask to remove an item (opens the confirmation). */
  ask(kind: RemovableKind, itemId: string | undefined, label: string, consequence?: string): void;
  /** The confirmation dialog, the undo bar and errors: render once in the tab. */
  ui: ReactNode;
}

export function useRemoval(dossier: Dossier, onChange: (d: Dossier) => void): Removal {
  const call = useCall();
  const [asking, setAsking] = useState<Asking | null>(null);
  const [undo, setUndo] = useState<{ removed: RemovedItem; label: string } | null>(null);
  const [restored, setRestored] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const undoRef = useRef<HTMLButtonElement>(null);
  const restoredRef = useRef<HTMLParagraphElement>(null);

  // The row (and its button) is gone: focus goes to the undo button, so Enter undoes at once.
  useEffect(() => {
    if (undo) undoRef.current?.focus();
  }, [undo]);
  useEffect(() => {
    if (restored) restoredRef.current?.focus();
  }, [restored]);

  const confirm = async () => {
    if (!asking) return;
    setBusy(true);
    setError(null);
    try {
      const out = await call('dossier.removeItem', { id: dossier.id, kind: asking.kind, itemId: asking.itemId });
      onChange(out.dossier as Dossier);
      setRestored(null);
      setUndo({ removed: out.removed, label: asking.label });
      setAsking(null);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const doUndo = async () => {
    if (!undo) return;
    setBusy(true);
    setError(null);
    try {
      onChange((await call('dossier.restoreItem', { id: dossier.id, removed: undo.removed })) as Dossier);
      setRestored(`${undo.label} is teruggezet.`);
      setUndo(null);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const ui = (
    <>
      {asking ? (
        <Modal title={`${asking.label} verwijderen?`} onClose={() => setAsking(null)}>
          <p>
            {asking.label} wordt uit het dossier verwijderd.{asking.consequence ? ` ${asking.consequence}` : ''} U kunt dit
            direct daarna ongedaan maken. In het logboek komt te staan wat er is verwijderd.
          </p>
          <Alert>{error}</Alert>
          <div className="actions">
            <button type="button" className="button danger" onClick={() => void confirm()} disabled={busy}>
              Verwijderen
            </button>
            <button type="button" className="button" onClick={() => setAsking(null)}>
              Annuleren
            </button>
          </div>
        </Modal>
      ) : null}
      <div role="status" className="undo-region">
        {undo ? (
          <p className="undo-bar">
            <span>{undo.label} is verwijderd.</span>{' '}
            <button ref={undoRef} type="button" className="button small" onClick={() => void doUndo()} disabled={busy}>
              Ongedaan maken
            </button>
          </p>
        ) : null}
        {restored ? (
          <p ref={restoredRef} tabIndex={-1} className="success">
            {restored}
          </p>
        ) : null}
      </div>
      {!asking ? <Alert>{error}</Alert> : null}
    </>
  );

  return {
    ask(kind, itemId, label, consequence) {
      if (!itemId) return;
      setError(null);
      setAsking({ kind, itemId, label, consequence });
    },
    ui,
  };
}
