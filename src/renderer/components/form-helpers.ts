// Glue between react-hook-form, the shared zod schemas and the core's error envelopes.
import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldErrors, FieldValues, Path, Resolver, UseFormSetError } from 'react-hook-form';
import { get } from 'react-hook-form';
import type { z } from 'zod';
import { AppError } from '../../shared/contract/errors';

export interface FlatError {
  name: string;
  message: string;
}

function isFieldError(v: unknown): v is { type: unknown; message?: unknown } {
  return typeof v === 'object' && v !== null && 'type' in v && !Array.isArray(v);
}

/** Every message in a (nested) FieldErrors tree, with the dotted name of the field it belongs to. */
export function flattenErrors(errors: FieldErrors | undefined, base = ''): FlatError[] {
  const out: FlatError[] = [];
  if (!errors) return out;
  for (const key of Object.keys(errors)) {
    if (key === 'ref') continue;
    const value = (errors as Record<string, unknown>)[key];
    const name = key === 'root' ? base : base ? `${base}.${key}` : key;
    if (isFieldError(value)) {
      if (typeof value.message === 'string' && value.message) out.push({ name, message: value.message });
    } else if (typeof value === 'object' && value !== null) {
      out.push(...flattenErrors(value as FieldErrors, name));
    }
  }
  return out;
}

/** The error message of one field, for its inline display. */
export function errorOf(errors: FieldErrors, name: string): string | undefined {
  const e = get(errors, name) as { message?: unknown } | undefined;
  return typeof e?.message === 'string' ? e.message : undefined;
}

/** DOM id of a field: stable, unique within a form (prefix) and valid in CSS selectors. */
export function fieldId(prefix: string, name: string): string {
  return `${prefix}-${name.replace(/\./g, '-')}`;
}

/**
 * A zod resolver over the shared schema for forms whose values are what the user types (Dutch dates and
 * amounts): toInput turns the form values into the schema's input first. Paths stay the same, so the
 * schema's issues land on the matching fields.
 */
export function mappedResolver<TForm extends FieldValues, TOut>(
  schema: z.ZodType<TOut>,
  toInput: (values: TForm) => unknown,
): Resolver<TForm, unknown, TOut> {
  const inner = zodResolver(schema as never) as unknown as Resolver<FieldValues, unknown, TOut>;
  return ((values: TForm, context: unknown, options: Parameters<Resolver<FieldValues, unknown, TOut>>[2]) =>
    inner(toInput(values) as FieldValues, context, options)) as unknown as Resolver<TForm, unknown, TOut>;
}

/**
 * Puts the core's validation issues on the form's fields (path "data.adults.0.bsn" -> "adults.0.bsn",
 * after stripping `stripPrefix`). Returns the messages that belong to no field, plus the main message.
 */
export function applyServerError<T extends FieldValues>(
  form: { setError: UseFormSetError<T> },
  err: unknown,
  stripPrefix = 'data.',
): string {
  if (!(err instanceof AppError)) return 'Er ging iets mis. Er is niets gewijzigd.';
  for (const issue of err.issues ?? []) {
    const path = issue.path.startsWith(stripPrefix) ? issue.path.slice(stripPrefix.length) : issue.path;
    if (path && issue.path.startsWith(stripPrefix)) {
      form.setError(path as Path<T>, { type: 'server', message: issue.message });
    }
  }
  return err.message;
}
