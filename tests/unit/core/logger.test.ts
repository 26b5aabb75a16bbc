// The core's logger must never write personal data: what looks like a key, BSN, IBAN, e-mail or postcode is
// redacted in any field, and an error keeps only its kind unless it is one of our own (Dutch, data-free) errors.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCliLogger, createLogFileWriter, createLogger, logFilePath } from '../../../src/core/logger';
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

describe('redaction of what patterns alone would miss', () => {
  it('drops fields named like personal data whatever they hold, and BSNs and IBANs in their written forms', () => {
    const { lines, logger } = capture();
    logger.info('test.shapes', {
      name: 'Fenna Oosterbroek', // a name passes every pattern: the field name gives it away
      first_name: 'Fenna',
      userName: 'Merel de Wit',
      address: { street: 'Kruisstraat', houseNumber: '17a', city: 'Groningen' },
      birthDate: '1988-03-14',
      spaced: 'rekening NL91 ABNA 0417 1643 00 en nl91abna0417164300',
      dotted: 'bsn 123.456.782 of 123 456 782',
      leadingZeroDropped: 'bsn 11222335 (van 011222335)',
      asNumber: 123456782,
      harmless: { count: 12345678, sizeBytes: 123456789 - 1, vaultId: '5b0e2f57-2f62-4c55-9a7e-1f4c5d1b2a3c' },
      '123456782': 'a BSN as a key',
    });
    const line = lines[0]!;
    for (const secret of ['Fenna', 'Oosterbroek', 'Merel', 'Kruisstraat', '17a', 'Groningen', '1988-03-14', 'NL91 ABNA', 'nl91abna', '123.456.782', '123 456 782', '11222335', '123456782']) {
      expect(line, secret).not.toContain(secret);
    }
    const parsed = JSON.parse(line);
    expect(parsed).toMatchObject({ name: '[redacted]', address: '[redacted]', asNumber: '[redacted]' });
    // What is not personal data survives, so the line still helps.
    expect(parsed.harmless).toEqual({ count: 12345678, sizeBytes: 123456788, vaultId: '5b0e2f57-2f62-4c55-9a7e-1f4c5d1b2a3c' });
  });

  it('a writer that throws never breaks the caller', () => {
    const logger = createLogger(() => {
      throw new Error('disk full');
    });
    expect(() => logger.error('test.unwritable', { n: 1 })).not.toThrow();
  });
});

describe('the log file', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'houvast-logfile-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('appends timestamped, redacted lines to <data>/logs/houvast.log, private to the user', () => {
    const at = Date.UTC(2026, 10, 30, 14, 0, 0);
    const logger = createLogger(createLogFileWriter({ dataDir: dir, now: () => at }));
    logger.info('vault.unlocked', { vaultId: 'v1' });
    logger.error('import.failed', { error: new SyntaxError('"Fenna Oosterbroek 123456782" is not valid JSON'), iban: 'NL91ABNA0417164300' });
    const file = path.join(dir, 'logs', 'houvast.log');
    expect(logFilePath(dir)).toBe(file);
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines).toEqual([
      { time: '2026-11-30T14:00:00.000Z', level: 'info', event: 'vault.unlocked', vaultId: 'v1' },
      { time: '2026-11-30T14:00:00.000Z', level: 'error', event: 'import.failed', error: { name: 'SyntaxError' }, iban: '[redacted]' },
    ]);
    if (process.platform !== 'win32') {
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(statSync(path.join(dir, 'logs')).mode & 0o777).toBe(0o700);
    }
  });

  it('rotates before a line would pass the size limit and keeps three old files, dropping the oldest', () => {
    const write = createLogFileWriter({ dataDir: dir, maxBytes: 400, keep: 3, now: () => 0 });
    const logger = createLogger(write);
    // Each line is 100 bytes with its newline: {"time":"1970-01-01T00:00:00.000Z","level":"info","event":"e","n":"<padding>"}
    const line = (n: number) => logger.info('e', { n: `${n}`.padStart(3, '0') + '-'.repeat(27) });
    for (let n = 0; n < 18; n++) line(n);
    const files = readdirSync(path.join(dir, 'logs')).sort();
    expect(files).toEqual(['houvast.log', 'houvast.log.1', 'houvast.log.2', 'houvast.log.3']);
    const numbers = (name: string) =>
      readFileSync(path.join(dir, 'logs', name), 'utf8')
        .trimEnd()
        .split('\n')
        .map((l) => Number((JSON.parse(l) as { n: string }).n.slice(0, 3)));
    // 4 lines of 100 bytes fill 400 bytes exactly; the 5th starts a new file. 18 lines: 0-3, 4-7, 8-11, 12-15,
    // 16-17; with three old files kept, lines 0-3 are gone.
    expect(numbers('houvast.log')).toEqual([16, 17]);
    expect(numbers('houvast.log.1')).toEqual([12, 13, 14, 15]);
    expect(numbers('houvast.log.2')).toEqual([8, 9, 10, 11]);
    expect(numbers('houvast.log.3')).toEqual([4, 5, 6, 7]);
    for (const f of files) expect(statSync(path.join(dir, 'logs', f)).size).toBeLessThanOrEqual(400);
  });

  it('continues an existing file after a restart and counts its size', () => {
    createLogger(createLogFileWriter({ dataDir: dir, maxBytes: 250, now: () => 0 })).info('eerste');
    const again = createLogger(createLogFileWriter({ dataDir: dir, maxBytes: 250, now: () => 0 }));
    again.info('tweede');
    expect(readFileSync(logFilePath(dir), 'utf8').split('\n').filter(Boolean)).toHaveLength(2);
    again.info('derde-die-niet-meer-past-'.repeat(5));
    expect(readdirSync(path.join(dir, 'logs')).sort()).toEqual(['houvast.log', 'houvast.log.1']);
  });
});

describe('the CLI logger', () => {
  it('is silent by default, and writes stderr or the log file only when asked', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'houvast-clilog-'));
    try {
      const stderr: string[] = [];
      createCliLogger({}, dir, (l) => stderr.push(l)).error('cli.unexpected', { error: new Error('x') });
      expect(stderr).toEqual([]);
      expect(existsSync(path.join(dir, 'logs'))).toBe(false);
      createCliLogger({ HOUVAST_DEBUG: '1' }, dir, (l) => stderr.push(l)).warn('cli.een');
      expect(stderr).toHaveLength(1);
      expect(existsSync(path.join(dir, 'logs'))).toBe(false);
      createCliLogger({ HOUVAST_LOG_FILE: '1' }, dir, (l) => stderr.push(l)).warn('cli.twee');
      expect(stderr).toHaveLength(1);
      expect(readFileSync(logFilePath(dir), 'utf8')).toContain('"event":"cli.twee"');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
