// node:util parseArgs speaks English; every command line (houvast, houvast budget, npm run web) shows its
// mistakes in Dutch through parseArgsErrorText.
import { parseArgs } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseArgsErrorText } from '../../../src/cli/args';

function errorOf(args: string[]): unknown {
  try {
    parseArgs({ args, options: { port: { type: 'string' } }, strict: true, allowPositionals: false });
  } catch (err) {
    return err;
  }
  throw new Error('parseArgs accepted the arguments');
}

const ENGLISH = /\b(unknown|option|argument|positional|expected|requires)\b/i;

describe('parseArgsErrorText', () => {
  it('names an unknown option in Dutch', () => {
    const text = parseArgsErrorText(errorOf(['--bogus']), '--port 8080');
    expect(text).toBe('Onbekende optie --bogus.');
  });

  it('says which value is missing, with the example', () => {
    const text = parseArgsErrorText(errorOf(['--port']), '--port 8080');
    expect(text).toBe('Een optie mist haar waarde (bijvoorbeeld --port 8080).');
  });

  it('gives a Dutch sentence for any other parse error, never the English original', () => {
    const err = errorOf(['stray']);
    expect((err as Error).message).toMatch(ENGLISH);
    expect(parseArgsErrorText(err, '--port 8080')).toBe('De argumenten konden niet worden gelezen.');
  });
});
