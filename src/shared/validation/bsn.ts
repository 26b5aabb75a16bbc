// BSN: 9 digits passing the elfproef (weights 9..2 and -1), never all zeros. RULES.md §h.

export function normalizeBsn(input: string): string {
  const digits = input.replace(/[\s.-]/g, '');
  return /^\d{8}$/.test(digits) ? `0${digits}` : digits;
}

export function isValidBsn(input: string): boolean {
  const bsn = normalizeBsn(input);
  if (!/^\d{9}$/.test(bsn) || bsn === '000000000') return false;
  let total = 0;
  for (let i = 0; i < 8; i++) total += Number(bsn[i]) * (9 - i);
  total -= Number(bsn[8]);
  return total % 11 === 0;
}

export const BSN_ERROR = 'Dit is geen geldig BSN: het nummer voldoet niet aan de elfproef. Controleer het nummer.';

/** null for a valid BSN; otherwise what is wrong with it, in Dutch. */
export function bsnProblem(input: string): string | null {
  if (isValidBsn(input)) return null;
  const bsn = normalizeBsn(input);
  if (!/^\d*$/.test(bsn)) return 'Dit is geen geldig BSN: een BSN bestaat alleen uit cijfers.';
  if (bsn.length !== 9) return `Dit is geen geldig BSN: een BSN heeft 9 cijfers, dit zijn er ${bsn.length}.`;
  return BSN_ERROR;
}
