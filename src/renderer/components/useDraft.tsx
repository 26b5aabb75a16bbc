// A half-filled form is never lost: while the user types, the values are kept as a draft in the (encrypted)
// vault, shortly after each change and once more when the form goes away (navigation). An auto-lock therefore
// finds the draft already saved. When the form opens again, also after unlocking, the draft is offered back.
// Annuleren on a changed form asks whether to keep the draft or throw the changes away.
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { showDateTime } from '../format';
import { errorMessage, useCall } from '../state/session';
import { Modal } from './Modal';

/** Wait this long after the last change before saving the draft. */
export const DRAFT_DELAY_MS = 800;

export interface DraftOptions {
  /** Which form, e.g. "dossier:nieuw" or "dossier:<id>". */
  form: string;
  /** Shown in the list of drafts; no personal data (e.g. "Dossier 2026-0001 bewerken"). */
  label: string;
  dossierId?: string;
}

export interface Draft {
  /** The offer to restore a draft, and the leave question: render once near the top of the form. */
  ui: ReactNode;
  /** After a successful save: the draft is no longer needed. */
  discard(): Promise<void>;
  /** Annuleren: leaves at once when nothing changed, otherwise asks (keep as draft / throw away / keep editing). */
  leave(go: () => void): void;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function useDraft<T extends FieldValues>(form: UseFormReturn<T, any, any>, options: DraftOptions): Draft {
  const call = useCall();
  const { form: key, label, dossierId } = options;
  const [offer, setOffer] = useState<{ updatedAt: number; data: unknown } | null>(null);
  const [leaving, setLeaving] = useState<(() => void) | null>(null);
  const [error, setError] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const pending = useRef<unknown>(null);
  const done = useRef(false);
  /** The user changed something in this visit (watched ourselves: formState.isDirty is only tracked when rendered). */
  const changed = useRef(false);

  const flush = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const data = pending.current;
    pending.current = null;
    if (data === null || done.current) return;
    void call('drafts.save', { form: key, label, ...(dossierId ? { dossierId } : {}), data }).catch(() => undefined);
  }, [call, key, label, dossierId]);

  // Offer a draft left from before (another visit, or before a lock).
  useEffect(() => {
    let alive = true;
    call('drafts.get', { form: key }).then(
      (d) => {
        if (alive && d) setOffer({ updatedAt: d.updatedAt, data: d.data });
      },
      () => undefined,
    );
    return () => {
      alive = false;
    };
  }, [call, key]);

  // Save shortly after each change by the user; on leaving the form, save what is pending at once.
  useEffect(() => {
    const sub = form.watch((values, info) => {
      if (done.current || info.type !== 'change') return;
      setOffer(null); // typing on replaces an older draft
      changed.current = true;
      pending.current = values;
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(flush, DRAFT_DELAY_MS);
    });
    return () => {
      sub.unsubscribe();
      flush();
    };
  }, [form, flush]);

  const discard = useCallback(async () => {
    // The form stays usable (e.g. the notes form after adding a note): later typing makes a new draft.
    changed.current = false;
    if (timer.current) clearTimeout(timer.current);
    pending.current = null;
    setOffer(null);
    await call('drafts.discard', { form: key }).catch(() => undefined);
  }, [call, key]);

  const restore = () => {
    if (!offer) return;
    // Restored values count as changes (isDirty), so leaving asks again.
    form.reset(offer.data as T, { keepDefaultValues: true });
    changed.current = true;
    setOffer(null);
  };

  const ui = (
    <>
      {offer ? (
        <div className="draft-offer" role="region" aria-label="Concept">
          <p>
            <strong>Er is een concept van dit formulier</strong>, bewaard op {showDateTime(offer.updatedAt)}, dat nog niet is
            opgeslagen. Als u verder typt zonder het terug te zetten, vervangt uw nieuwe invoer dit concept.
          </p>
          <p className="actions">
            <button type="button" className="button primary" onClick={restore}>
              Concept terugzetten
            </button>
            <button
              type="button"
              className="button"
              onClick={() => {
                setOffer(null);
                void call('drafts.discard', { form: key }).catch(() => undefined);
              }}
            >
              Concept weggooien
            </button>
          </p>
        </div>
      ) : null}
      {leaving ? (
        <Modal title="Niet-opgeslagen wijzigingen" onClose={() => setLeaving(null)}>
          <p>U hebt dit formulier gewijzigd zonder op te slaan. Wat wilt u met de wijzigingen doen?</p>
          {error ? <p className="field-error">{error}</p> : null}
          <div className="actions">
            <button
              type="button"
              className="button primary"
              onClick={async () => {
                try {
                  pending.current = form.getValues();
                  if (timer.current) clearTimeout(timer.current);
                  timer.current = null;
                  const data = pending.current;
                  pending.current = null;
                  await call('drafts.save', { form: key, label, ...(dossierId ? { dossierId } : {}), data });
                  done.current = true;
                  const go = leaving;
                  setLeaving(null);
                  go();
                } catch (err) {
                  setError(errorMessage(err));
                }
              }}
            >
              Bewaren als concept
            </button>
            <button
              type="button"
              className="button danger"
              onClick={async () => {
                await discard();
                const go = leaving;
                setLeaving(null);
                go();
              }}
            >
              Wijzigingen weggooien
            </button>
            <button type="button" className="button" onClick={() => setLeaving(null)}>
              Verder bewerken
            </button>
          </div>
        </Modal>
      ) : null}
    </>
  );

  return {
    ui,
    discard,
    leave(go) {
      if (!changed.current) {
        // Nothing typed in this visit: leave, and leave an older draft (if any) alone.
        go();
        return;
      }
      setError(null);
      setLeaving(() => go);
    },
  };
}
