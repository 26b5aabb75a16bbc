// The errors of a form in one place, announced (role="alert"); each links to its field.
import type { FieldErrors } from 'react-hook-form';
import { fieldId, flattenErrors } from './form-helpers';

export function ErrorSummary({
  errors,
  prefix,
  serverError,
  show,
  context,
}: {
  /** Names the part of the form a field is in ("Kind 2"), where labels repeat. */
  context?: (name: string) => string | null;
  errors: FieldErrors;
  prefix: string;
  serverError?: string | null;
  /** Only after a submit attempt: no alarm while the user is still typing. */
  show: boolean;
}) {
  const list = show ? flattenErrors(errors) : [];
  if (!serverError && list.length === 0) return null;
  return (
    <div className="error-summary" role="alert">
      {serverError ? <p className="error-summary-title">{serverError}</p> : null}
      {list.length > 0 ? (
        <>
          {!serverError ? <p className="error-summary-title">Controleer de volgende gegevens:</p> : null}
          <ul>
            {list.map((e) => (
              <li key={`${e.name}:${e.message}`}>
                <a
                  href={`#${fieldId(prefix, e.name)}`}
                  onClick={(ev) => {
                    ev.preventDefault();
                    document.getElementById(fieldId(prefix, e.name))?.focus();
                  }}
                >
                  {context?.(e.name) ? <span className="summary-context">{`${context(e.name)}: `}</span> : null}
                  <span>{e.message}</span>
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
