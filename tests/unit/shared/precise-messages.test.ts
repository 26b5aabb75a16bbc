// Error messages say what is actually wrong (issue 7): each case is written from the calendar, the
// postcode rules (RULES.md §h), the IBAN mod-97 check and the way Dutch people write amounts.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { arrangementParamsIn } from '../../../src/shared/contract/arrangements';
import { interchangeSchema } from '../../../src/shared/dossier/schema';
import { amountProblem } from '../../../src/shared/validation/amount';
import { bsnProblem } from '../../../src/shared/validation/bsn';
import { dateProblem } from '../../../src/shared/validation/date';
import { ibanProblem } from '../../../src/shared/validation/iban';
import { postcodeProblem } from '../../../src/shared/validation/postcode';
import { impossibleFacts, questionableFacts } from '../../../src/shared/validation/plausibility';

describe('dates', () => {
  it.each([
    ['29-02-2025', '29-02-2025 bestaat niet (2025 is geen schrikkeljaar)'],
    ['2025-02-29', '29-02-2025 bestaat niet (2025 is geen schrikkeljaar)'],
    // 1900 is divisible by 100 but not by 400: no leap year.
    ['29-2-1900', '29-02-1900 bestaat niet (1900 is geen schrikkeljaar)'],
    ['31-04-2026', '31-04-2026 bestaat niet (april heeft 30 dagen)'],
    ['30-02-2024', '30-02-2024 bestaat niet (februari heeft 29 dagen)'],
    ['12-13-2026', '12-13-2026 bestaat niet (een jaar heeft 12 maanden)'],
    ['gisteren', 'Vul een geldige datum in (dd-mm-jjjj).'],
  ])('%s: %s', (input, message) => {
    expect(dateProblem(input)).toBe(message);
  });
  it('accepts real dates, including 29 February of a leap year (2000, 2024)', () => {
    expect(dateProblem('2024-02-29')).toBeNull();
    expect(dateProblem('2000-02-29')).toBeNull();
  });
});

describe('amounts', () => {
  it.each([
    ['296,-', '296,- is geen bedrag: schrijf 296,00'],
    ['1.296,-', '1.296,- is geen bedrag: schrijf 1.296,00'],
    ['12,345', 'Vul een bedrag in met hoogstens twee decimalen.'],
    ['1,234.56', '1,234.56 is geen bedrag: gebruik een punt voor duizendtallen en een komma voor centen, bijvoorbeeld 1.234,56'],
    ['12 euro', '12 euro is geen bedrag: gebruik alleen cijfers, een punt en een komma, bijvoorbeeld 1.234,56'],
    // A file holds 1234.56; a Dutch grouped amount there is named with the form it should take (not with itself as the example).
    ['1.234,56', '1.234,56 is hier geen bedrag: schrijf 1234.56 (met een punt voor de centen)'],
    ['-12.345.678,5', '-12.345.678,5 is hier geen bedrag: schrijf -12345678.50 (met een punt voor de centen)'],
    // Thirteen digits before the point: only digits were used, the amount is too large (at most 12 digits).
    ['1234567890123.00', 'Dit bedrag is te groot: een bedrag is hoogstens 999.999.999.999,99.'],
    ['-1234567890123', 'Dit bedrag is te groot: een bedrag is hoogstens 999.999.999.999,99.'],
  ])('%s: %s', (input, message) => {
    expect(amountProblem(input)).toBe(message);
  });
});

describe('postcodes, IBANs and BSNs', () => {
  it('names the reserved letter pairs and a leading zero', () => {
    for (const p of ['1234 SA', '1234sd', '1234 SS']) expect(postcodeProblem(p)).toBe('Dit is geen geldige postcode: SA, SD en SS worden niet gebruikt in postcodes.');
    expect(postcodeProblem('0123 AB')).toMatch(/begint niet met een 0/);
    expect(postcodeProblem('1234')).toMatch(/twee letters ontbreken/);
    expect(postcodeProblem('1234 ab')).toBeNull();
    expect(postcodeProblem('1234 ﬀ')).toBe('Dit is geen geldige postcode: gebruik vier cijfers en twee letters, zoals 1234 AB.');
    expect(postcodeProblem('1234 ß')).toBe('Dit is geen geldige postcode: gebruik vier cijfers en twee letters, zoals 1234 AB.');
  });
  it('tells a wrong check digit apart from a wrong length', () => {
    // NL91 ABNA 0417 1643 00 is the textbook valid IBAN; changing its last digit breaks mod-97.
    expect(ibanProblem('NL91 ABNA 0417 1643 00')).toBeNull();
    expect(ibanProblem('NL91 ABNA 0417 1643 01')).toMatch(/het controlegetal van dit IBAN klopt niet/);
    expect(ibanProblem('NL91 ABNA 0417 1643 0')).toBe('Dit is geen geldig IBAN: een Nederlands IBAN heeft 18 tekens, dit zijn er 17.');
  });
  it('tells a wrong length apart from a failed elfproef', () => {
    expect(bsnProblem('1234567')).toBe('Dit is geen geldig BSN: een BSN heeft 9 cijfers, dit zijn er 7.');
    expect(bsnProblem('123456783')).toMatch(/elfproef/);
    expect(bsnProblem('123456782')).toBeNull();
  });
});

describe('data that cannot be true', () => {
  const today = '2026-11-30';
  const base = {
    adults: [{ birthDate: '1990-05-01' }],
    children: [{ birthDate: '2015-01-01' }],
    statusDates: { aanmelding: '2026-01-10' },
  };

  it('accepts a plausible household', () => {
    expect(impossibleFacts(base, today)).toEqual([]);
    expect(questionableFacts(base, today)).toEqual([]);
  });

  it('refuses an adult younger than 16 (15 years and 364 days on 30-11-2026)', () => {
    const issues = impossibleFacts({ ...base, adults: [{ birthDate: '2010-12-01' }], children: [] }, today);
    expect(issues).toEqual([{ path: 'adults.0.birthDate', message: expect.stringMatching(/minstens 16 jaar.*is deze persoon 15\./) }]);
    // Sixteen exactly today is allowed.
    expect(impossibleFacts({ ...base, adults: [{ birthDate: '2010-11-30' }], children: [] }, today)).toEqual([]);
  });

  it('refuses a child born tomorrow and a child older than every adult', () => {
    expect(impossibleFacts({ ...base, children: [{ birthDate: '2026-12-01' }] }, today)).toEqual([
      { path: 'children.0.birthDate', message: '01-12-2026 ligt in de toekomst: een kind wordt pas opgenomen als het geboren is.' },
    ]);
    expect(impossibleFacts({ ...base, children: [{ birthDate: '1989-01-01' }] }, today)[0]?.path).toBe('children.0.birthDate');
  });

  it('questions a child born when the oldest adult was 14, not one born when the adult was 15', () => {
    // Adult born 01-05-1990: 14 on 30-04-2005, 15 from 01-05-2005.
    expect(questionableFacts({ ...base, children: [{ birthDate: '2005-04-30' }] }, today)).toEqual([
      { path: 'children.0.birthDate', message: 'Bij de geboorte van dit kind was de oudste volwassene in het dossier 14 jaar. Klopt de geboortedatum?' },
    ]);
    expect(questionableFacts({ ...base, children: [{ birthDate: '2005-05-01' }] }, today)).toEqual([]);
  });

  it('refuses a phase before the aanmelding or after the afsluiting, and questions reversed middle phases', () => {
    expect(impossibleFacts({ ...base, statusDates: { aanmelding: '2026-03-01', stabilisatie: '2026-02-01' } }, today)).toEqual([
      { path: 'statusDates.stabilisatie', message: 'De datum stabilisatie (01-02-2026) ligt voor de aanmelding (01-03-2026).' },
    ]);
    expect(impossibleFacts({ ...base, statusDates: { aanmelding: '2026-01-01', nazorg: '2026-06-01', afgesloten: '2026-05-01' } }, today)).toEqual([
      { path: 'statusDates.afgesloten', message: 'De afsluiting (01-05-2026) ligt voor de datum nazorg (01-06-2026).' },
    ]);
    const q = questionableFacts({ ...base, statusDates: { stabilisatie: '2026-04-01', schuldregeling: '2026-03-01' } }, today);
    expect(q).toEqual([
      { path: 'statusDates.schuldregeling', message: 'De datum schuldregeling (01-03-2026) ligt voor de datum stabilisatie (01-04-2026). Klopt dat?' },
    ]);
  });
});

describe('amounts in the other inputs (creditor board in a file, arrangement overrides)', () => {
  const GROUPED = '1.234,56 is hier geen bedrag: schrijf 1234.56 (met een punt voor de centen)';
  it('a payment of "1.234,56" in a dossier file is named as 1234.56, not as "hoogstens twee decimalen"', () => {
    const file = JSON.parse(readFileSync('resources/demo/08-bewind-zorgpremie-regeling.json', 'utf8'));
    file.creditorBoards[0].payments[0].amount = '1.234,56';
    const r = interchangeSchema.safeParse(file);
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['creditorBoards.0.payments.0.amount', GROUPED]]);
  });
  it('an arrangement override of "1.234,56" is named the same way', () => {
    const r = arrangementParamsIn.safeParse({ capacityOverride: { amount: '1.234,56', reason: 'Opgegeven door de schuldhulpverlener' } });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['capacityOverride.amount', GROUPED]]);
  });
});
