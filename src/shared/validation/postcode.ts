// Dutch postcode: 1234 AB; first digit 1-9; SA, SD and SS are never issued. RULES.md §h.

const POSTCODE = /^([1-9][0-9]{3}) ?(?!SA|SD|SS)([A-Z]{2})$/;

export function normalizePostcode(input: string): string | null {
  const m = POSTCODE.exec(input.trim().toUpperCase());
  return m ? `${m[1]} ${m[2]}` : null;
}

export function isValidPostcode(input: string): boolean {
  return normalizePostcode(input) !== null;
}

export const POSTCODE_ERROR = 'Dit is geen geldige postcode: gebruik vier cijfers en twee letters, zoals 1234 AB.';
