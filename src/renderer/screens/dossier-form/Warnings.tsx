// Questions before saving (a BSN already used in another dossier, an unlikely birth date): the user
// checks each one (links to the field and to the other dossier) and then saves anyway or corrects.
import { useLayoutEffect, useRef } from 'react';
import type { DossierWarning } from '../../../shared/contract/procedures';
import { fieldId } from '../../components/form-helpers';
import { NavLink } from '../../components/NavLink';

export function SaveWarnings({
  warnings,
  prefix,
  context,
  busy,
  onConfirm,
  onCorrect,
}: {
  warnings: DossierWarning[];
  prefix: string;
  context: (name: string) => string | null;
  busy: boolean;
  onConfirm: () => void;
  onCorrect: () => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  // Before paint, not in a passive effect: a passive effect can run after the user's first click in the panel
  // and take the focus back from the field that click focused.
  useLayoutEffect(() => {
    heading.current?.focus();
  }, []);
  const focusField = (path: string) => document.getElementById(fieldId(prefix, path))?.focus();
  return (
    <section className="save-warnings" aria-labelledby={`${prefix}-waarschuwingen`}>
      <h2 id={`${prefix}-waarschuwingen`} ref={heading} tabIndex={-1}>
        Klopt dit?
      </h2>
      <p>Het dossier is nog niet opgeslagen. Controleer deze gegevens:</p>
      <ul>
        {warnings.map((w) => (
          <li key={`${w.path}:${w.message}`}>
            <a
              href={`#${fieldId(prefix, w.path)}`}
              onClick={(e) => {
                e.preventDefault();
                focusField(w.path);
              }}
            >
              {context(w.path) ? <span className="summary-context">{`${context(w.path)}: `}</span> : null}
              {w.message}
            </a>
            {w.dossierId && w.dossierNumber ? (
              <>
                {' '}
                <NavLink to={{ name: 'dossier', id: w.dossierId }}>{`Dossier ${w.dossierNumber} openen`}</NavLink>
              </>
            ) : null}
          </li>
        ))}
      </ul>
      <div className="actions">
        <button type="button" className="button primary" onClick={onConfirm} disabled={busy}>
          Toch opslaan
        </button>
        <button
          type="button"
          className="button"
          onClick={() => {
            onCorrect();
            if (warnings[0]) focusField(warnings[0].path);
          }}
        >
          Gegevens aanpassen
        </button>
      </div>
    </section>
  );
}
