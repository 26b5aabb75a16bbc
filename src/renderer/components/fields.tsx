// Labelled form controls. Each ties its inline error (and hint) to the control with aria-describedby
// and marks it aria-invalid, so screen readers read the Dutch message with the field.
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';

type RegKeys = 'onChange' | 'onBlur' | 'name' | 'ref';

interface Common {
  id: string;
  label: string;
  registration: UseFormRegisterReturn;
  error?: string | undefined;
  hint?: ReactNode;
  className?: string;
}

/** The ARIA wiring every control shares: invalid while it has an error, described by its hint and error. */
function a11y(id: string, hint: unknown, error: unknown) {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-fout` : null].filter(Boolean);
  return { 'aria-invalid': error ? true : undefined, 'aria-describedby': ids.length ? ids.join(' ') : undefined };
}

function Messages({ id, hint, error }: { id: string; hint?: ReactNode; error?: string | undefined }) {
  return (
    <>
      {hint ? (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-fout`} className="field-error">
          {error}
        </p>
      ) : null}
    </>
  );
}

/** Label above the control, messages below: the layout of every field but the checkbox. */
function Field({ id, label, hint, error, className, children }: Omit<Common, 'registration'> & { children: ReactNode }) {
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      <Messages id={id} hint={hint} error={error} />
    </div>
  );
}

export function TextField({
  id,
  label,
  registration,
  error,
  hint,
  className,
  ...rest
}: Common & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'className' | RegKeys>) {
  return (
    <Field id={id} label={label} hint={hint} error={error} className={className}>
      <input id={id} type="text" {...registration} {...rest} {...a11y(id, hint, error)} />
    </Field>
  );
}

export function TextArea({
  id,
  label,
  registration,
  error,
  hint,
  className,
  ...rest
}: Common & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'className' | RegKeys>) {
  return (
    <Field id={id} label={label} hint={hint} error={error} className={className}>
      <textarea id={id} {...registration} {...rest} {...a11y(id, hint, error)} />
    </Field>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField({
  id,
  label,
  registration,
  error,
  hint,
  className,
  options,
  ...rest
}: Common & { options: readonly Option[] } & Omit<
    SelectHTMLAttributes<HTMLSelectElement>,
    'id' | 'className' | RegKeys
  >) {
  return (
    <Field id={id} label={label} hint={hint} error={error} className={className}>
      <select id={id} {...registration} {...rest} {...a11y(id, hint, error)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

export function CheckboxField({ id, label, registration, error, hint, className }: Common) {
  return (
    <div className={`field field-check ${className ?? ''}`}>
      <div className="check-row">
        <input id={id} type="checkbox" {...registration} {...a11y(id, hint, error)} />
        <label htmlFor={id}>{label}</label>
      </div>
      <Messages id={id} hint={hint} error={error} />
    </div>
  );
}

/** Builds a map from value to label into <option>s. */
export function optionsOf<T extends string>(values: readonly T[], labels: Record<T, string>): Option[] {
  return values.map((v) => ({ value: v, label: labels[v] }));
}
