import { z } from 'zod';

// The renderer parses without zod's JIT (its CSP forbids eval): see zod-jitless.ts, imported by its entry.

/** How a kind of value is named in a message ("verwacht tekst, maar dit is een getal"). */
const KIND_NAMES: Record<string, string> = {
  string: 'tekst',
  number: 'een getal',
  int: 'een geheel getal',
  bigint: 'een geheel getal',
  boolean: 'ja of nee (true of false)',
  array: 'een lijst',
  object: 'een groep gegevens (object)',
  null: 'leeg (null)',
  date: 'een datum',
  nan: 'geen getal (NaN)',
};

function kindOf(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  if (typeof input === 'number' && Number.isNaN(input)) return 'nan';
  return typeof input;
}

const kindName = (kind: string) => KIND_NAMES[kind] ?? kind;
const valueList = (values: readonly unknown[]) => values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ');

/**
 * Dutch wording for the issues our schemas do not word themselves. zod's own Dutch locale names types in
 * English ("verwacht string, ontving undefined"); these say what is wrong and what to do, and never repeat
 * the value that was given (it may be personal data). Anything not handled here falls back to that locale.
 */
function dutchMessage(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'Dit gegeven ontbreekt; vul het in.';
      return `Ongeldige invoer: verwacht ${kindName(issue.expected)}, maar dit is ${kindName(kindOf(issue.input))}.`;
    case 'invalid_value':
      return issue.values.length === 1
        ? `Ongeldige waarde: hier hoort ${JSON.stringify(issue.values[0])}.`
        : `Ongeldige keuze: kies een van ${valueList(issue.values)}.`;
    case 'too_big': {
      const max = String(issue.maximum);
      if (issue.origin === 'string') return `Te lang: maximaal ${max} tekens.`;
      if (issue.origin === 'array' || issue.origin === 'set') return `Te veel: maximaal ${max}.`;
      return issue.inclusive === false ? `Te groot: moet kleiner zijn dan ${max}.` : `Te groot: maximaal ${max}.`;
    }
    case 'too_small': {
      const min = String(issue.minimum);
      if (issue.origin === 'string') return min === '1' ? 'Dit gegeven is leeg; vul het in.' : `Te kort: minimaal ${min} tekens.`;
      if (issue.origin === 'array' || issue.origin === 'set') return `Te weinig: minimaal ${min}.`;
      return issue.inclusive === false ? `Te klein: moet groter zijn dan ${min}.` : `Te klein: minimaal ${min}.`;
    }
    case 'unrecognized_keys':
      return `${issue.keys.length === 1 ? 'Onbekend veld' : 'Onbekende velden'}: ${issue.keys.join(', ')}. Verwijder ${
        issue.keys.length === 1 ? 'het' : 'ze'
      } of controleer de spelling.`;
    case 'invalid_union':
      return 'Ongeldige invoer: dit gegeven heeft niet een van de toegestane vormen.';
    case 'invalid_format':
      return issue.format === 'regex' ? 'Ongeldige invoer: de vorm klopt niet.' : undefined;
    default:
      return undefined;
  }
}

let installed = false;
/** zod's built-in messages in Dutch, for the few errors our schemas do not word themselves. */
export function installDutchErrors(): void {
  if (installed) return;
  const fallback = z.locales.nl().localeError;
  z.config({ localeError: (issue) => dutchMessage(issue) ?? fallback?.(issue) });
  installed = true;
}
