// The core's logger must never write personal data: what looks like a key, BSN, IBAN, e-mail or postcode is
// redacted in any field, and an error keeps only its kind unless it is one of our own (Dutch, data-free) errors.
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/core/logger';
import { AppError } from '../../../src/shared/contract/errors';

function capture(): { lines: string[]; logger: ReturnType<typeof createLogger> } {
  const lines: string[] = [];
  return { lines, logger: createLogger((l) => lines.push(l)) };
}

describe('createLogger', () => {
  it('redacts key material, BSNs, IBANs, e-mail addresses and postcodes in fields', () => {
    const { lines, logger } = capture();
    logger.info('test.fields', {
      key: 'a'.repeat(64),
      nested: { bsn: '111222333', iban: 'NL91ABNA0417164300', list: ['sanne@example.nl', '3512 AB'] },
    });
    expect(lines).toHaveLength(1);
    const line = lines[0]!;
    for (const secret of ['a'.repeat(64), '111222333', 'NL91ABNA0417164300', 'sanne@example.nl', '3512 AB']) {
      expect(line).not.toContain(secret);
    }
    expect(JSON.parse(line)).toMatchObject({ level: 'info', event: 'test.fields', nested: { bsn: '[redacted]' } });
  });

  it('keeps only the name and code of an error whose message could quote personal data', () => {
    const { lines, logger } = capture();
    // A library error quoting refused input, and a file error whose path names a client.
    const refused = new SyntaxError('Unexpected token \'S\', "Sanne Jansen, Lindelaan 14, 12-04-1991" is not valid JSON');
    const fsError = Object.assign(new Error("ENOENT: no such file or directory, open '/home/mw/Jansen Sanne/dossier.json'"), {
      code: 'ENOENT',
      syscall: 'open',
    });
    logger.error('test.errors', { first: refused, second: fsError });
    const line = lines[0]!;
    for (const secret of ['Sanne', 'Jansen', 'Lindelaan', '12-04-1991']) expect(line).not.toContain(secret);
    expect(JSON.parse(line)).toEqual({
      level: 'error',
      event: 'test.errors',
      first: { name: 'SyntaxError' },
      second: { name: 'Error', code: 'ENOENT', syscall: 'open' },
    });
  });

  it('keeps the message of an AppError, still redacted', () => {
    const { lines, logger } = capture();
    logger.warn('test.app_error', { error: new AppError('NOT_FOUND', 'Dossier niet gevonden (BSN 111222333).') });
    expect(JSON.parse(lines[0]!)).toEqual({
      level: 'warn',
      event: 'test.app_error',
      error: { name: 'AppError', code: 'NOT_FOUND', message: 'Dossier niet gevonden (BSN [redacted]).' },
    });
  });
});
