// Dutch postcode: 1234 AB; first digit 1-9; SA, SD and SS are never issued. RULES.md §h.

const POSTCODE = /^([1-9][0-9]{3}) ?(?!SA|SD|SS)([A-Z]{2})$/;

/** Lower case letters are accepted; only a-z are: toUpperCase alone would turn "ﬀ" into "FF" and "ı" into "I". */
const upperAscii = (s: string): string => s.replace(/[a-z]/g, (c) => c.toUpperCase());

export function normalizePostcode(input: string): string | null {
  const m = POSTCODE.exec(upperAscii(input.trim()));
  return m ? `${m[1]} ${m[2]}` : null;
}

export function isValidPostcode(input: string): boolean {
  return normalizePostcode(input) !== null;
}

export const POSTCODE_ERROR = 'Dit is geen geldige postcode: gebruik vier cijfers en twee letters, zoals 1234 AB.';

export const POSTCODE_LETTERS_ERROR = 'Dit is geen geldige postcode: SA, SD en SS worden niet gebruikt in postcodes.';

/** null for a valid postcode; otherwise what is wrong with it, in Dutch. */
export function postcodeProblem(input: string): string | null {
  if (isValidPostcode(input)) return null;
  const s = upperAscii(input.trim());
  if (/^[1-9]\d{3} ?(SA|SD|SS)$/.test(s)) return POSTCODE_LETTERS_ERROR;
  if (/^0\d{3} ?[A-Z]{2}$/.test(s)) return 'Dit is geen geldige postcode: een postcode begint niet met een 0.';
  if (/^\d{4}$/.test(s)) return 'Dit is geen geldige postcode: de twee letters ontbreken (zoals 1234 AB).';
  return POSTCODE_ERROR;
}
