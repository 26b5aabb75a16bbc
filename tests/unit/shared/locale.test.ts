// zod's fallback messages, as users see them in import reasons and contract errors: Dutch words (no
// "string", "undefined", "expected"), a hint what to do, and never the value that was given.
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { installDutchErrors } from '../../../src/shared/contract/locale';

const ENGLISH = /\b(string|undefined|boolean|array|object|expected|received|invalid|required|keys?)\b/i;

function messages(schema: z.ZodType, input: unknown): Record<string, string> {
  const r = schema.safeParse(input);
  expect(r.success).toBe(false);
  return Object.fromEntries(r.error!.issues.map((i) => [i.path.join('.') || '(root)', i.message]));
}

beforeAll(() => installDutchErrors());

describe('installDutchErrors', () => {
  it('says a missing field must be filled in, and names the kind of value expected in Dutch', () => {
    const m = messages(z.object({ name: z.string(), amount: z.string(), ok: z.boolean(), list: z.array(z.string()) }), {
      amount: 12,
      ok: 'Sanne Jansen',
      list: {},
    });
    expect(m).toEqual({
      name: 'Dit gegeven ontbreekt; vul het in.',
      amount: 'Ongeldige invoer: verwacht tekst, maar dit is een getal.',
      ok: 'Ongeldige invoer: verwacht ja of nee (true of false), maar dit is tekst.',
      list: 'Ongeldige invoer: verwacht een lijst, maar dit is een groep gegevens (object).',
    });
  });

  it('lists the choices, gives limits in Dutch units and asks to remove unknown fields', () => {
    const schema = z.strictObject({
      status: z.enum(['aanmelding', 'nazorg']),
      format: z.literal('houvast.dossier'),
      text: z.string().max(3),
      filled: z.string().min(1),
      count: z.number().max(5),
      items: z.array(z.string()).min(1),
    });
    const m = messages(schema, { status: 'Jansen', format: 'x', text: 'Lindelaan', filled: '', count: 6, items: [], extra: 1 });
    expect(m).toEqual({
      status: 'Ongeldige keuze: kies een van aanmelding, nazorg.',
      format: 'Ongeldige waarde: hier hoort "houvast.dossier".',
      text: 'Te lang: maximaal 3 tekens.',
      filled: 'Dit gegeven is leeg; vul het in.',
      count: 'Te groot: maximaal 5.',
      items: 'Te weinig: minimaal 1.',
      '(root)': 'Onbekend veld: extra. Verwijder het of controleer de spelling.',
    });
  });

  it('never uses English words or repeats the given value', () => {
    const given = 'Sanne Jansen, Lindelaan 14';
    const schemas: z.ZodType[] = [z.number(), z.boolean(), z.enum(['a', 'b']), z.string().max(3), z.string().regex(/^\d+$/), z.union([z.number(), z.null()])];
    for (const schema of schemas) {
      for (const message of Object.values(messages(schema, given))) {
        expect(message).not.toMatch(ENGLISH);
        expect(message).not.toContain('Sanne');
        expect(message).not.toContain('Lindelaan');
      }
    }
  });
});
