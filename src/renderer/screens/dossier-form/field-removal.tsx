// Removing a partner, a child or a bank account in the dossier form asks first and can be undone at once
// (the item goes back in its place with what was typed). Nothing changes in the vault until "Opslaan".
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Modal } from '../../components/Modal';

export interface FieldRemoval {
  ask(index: number, label: string): void;
  ui: ReactNode;
}

export function useFieldRemoval<V>(array: { remove(index: number): void; insert(index: number, value: V): void; valueAt(index: number): V }): FieldRemoval {
  const [asking, setAsking] = useState<{ index: number; label: string } | null>(null);
  const [undo, setUndo] = useState<{ index: number; value: V; label: string } | null>(null);
  const undoRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (undo) undoRef.current?.focus();
  }, [undo]);

  const ui = (
    <>
      {asking ? (
        <Modal title={`${asking.label} verwijderen?`} onClose={() => setAsking(null)}>
          <p>
            {asking.label} wordt uit het formulier gehaald. Het dossier verandert pas als u op Opslaan klikt, en u kunt dit
            direct ongedaan maken.
          </p>
          <div className="actions">
            <button
              type="button"
              className="button danger"
              onClick={() => {
                const value = array.valueAt(asking.index);
                array.remove(asking.index);
                setUndo({ index: asking.index, value, label: asking.label });
                setAsking(null);
              }}
            >
              Verwijderen
            </button>
            <button type="button" className="button" onClick={() => setAsking(null)}>
              Annuleren
            </button>
          </div>
        </Modal>
      ) : null}
      <div role="status">
        {undo ? (
          <p className="undo-bar">
            <span>{undo.label} is uit het formulier gehaald.</span>{' '}
            <button
              ref={undoRef}
              type="button"
              className="button small"
              onClick={() => {
                array.insert(undo.index, undo.value);
                setUndo(null);
              }}
            >
              Ongedaan maken
            </button>
          </p>
        ) : null}
      </div>
    </>
  );
  return {
    ask(index, label) {
      setAsking({ index, label });
    },
    ui,
  };
}
