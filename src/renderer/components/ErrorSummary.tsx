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
  const list = show ? inFieldOrder(flattenErrors(errors), prefix) : [];
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

/**
 * The errors in the order their fields appear on the screen (zod and the core report them in their own
 * order; field ids hold only letters, digits and dashes, so they are safe in a selector). An error on a group ("adults") goes where the group's first field is; unknown ones go last.
 */
export function inFieldOrder<T extends { name: string }>(list: T[], prefix: string): T[] {
  if (typeof document === 'undefined' || list.length < 2) return list;
  const elementOf = (name: string): Element | null =>
    document.getElementById(fieldId(prefix, name)) ?? document.querySelector(`[id^="${fieldId(prefix, name)}-"]`);
  const placed = list.map((item, index) => ({ item, index, el: elementOf(item.name) }));
  placed.sort((a, b) => {
    if (a.el && b.el && a.el !== b.el) return a.el.compareDocumentPosition(b.el) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
    if (a.el && !b.el) return -1;
    if (!a.el && b.el) return 1;
    return a.index - b.index;
  });
  return placed.map((p) => p.item);
}
