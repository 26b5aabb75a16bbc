// IBAN: ISO 13616 mod-97 check. Dutch IBANs also get the NL shape check. RULES.md §h.

export function normalizeIban(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase();
}

function mod97(numeric: string): number {
  // Chunked so no number ever exceeds safe integer range.
  let remainder = 0;
  for (let i = 0; i < numeric.length; i += 7) {
    remainder = Number(String(remainder) + numeric.slice(i, i + 7)) % 97;
  }
  return remainder;
}

export function isValidIban(input: string): boolean {
  const iban = normalizeIban(input);
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(iban)) return false;
  if (iban.startsWith('NL') && !/^NL\d{2}[A-Z]{4}\d{10}$/.test(iban)) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  const numeric = rearranged.replace(/[A-Z]/g, (ch) => String(ch.charCodeAt(0) - 55));
  return mod97(numeric) === 1;
}

/** Display in groups of four: "NL91 ABNA 0417 1643 00". */
export function formatIban(input: string): string {
  return normalizeIban(input).replace(/(.{4})(?=.)/g, '$1 ');
}

export const IBAN_ERROR = 'Dit is geen geldig IBAN: controleer het nummer (bijvoorbeeld NL91 ABNA 0417 1643 00).';

export const IBAN_CHECKSUM_ERROR = 'Dit is geen geldig IBAN: het controlegetal van dit IBAN klopt niet. Controleer het nummer.';

/** null for a valid IBAN; otherwise what is wrong with it, in Dutch. */
export function ibanProblem(input: string): string | null {
  if (isValidIban(input)) return null;
  const iban = normalizeIban(input);
  if (iban.startsWith('NL') && iban.length !== 18) {
    return `Dit is geen geldig IBAN: een Nederlands IBAN heeft 18 tekens, dit zijn er ${iban.length}.`;
  }
  if (/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(iban) && (!iban.startsWith('NL') || /^NL\d{2}[A-Z]{4}\d{10}$/.test(iban))) {
    return IBAN_CHECKSUM_ERROR;
  }
  return IBAN_ERROR;
}
