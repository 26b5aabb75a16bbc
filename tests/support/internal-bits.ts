// What must never reach a screen, a PDF or the CLI's text (issue 7): internal keys (snake_case, camelCase,
// dotted contract names), English words from the source, and numbers in machine notation (a decimal point).
// Shared by the e2e scans and the explanation/PDF scan over every demo household.

/** English words and source field names that are not also Dutch words. */
export const ENGLISH_WORDS = [
  'undefined', 'null', 'NaN', 'Infinity', 'true', 'false', '[object', 'error', 'invalid',
  // Field names from the source (src/shared/dossier/schema.ts) that are not also Dutch words.
  'adults', 'children', 'address', 'incomes', 'expenses', 'debts', 'creditor', 'collector', 'reference', 'description',
  'category', 'frequency', 'amount', 'holder', 'street', 'city', 'phone', 'fictitious', 'since', 'birthDate',
];

/** Each internal bit found in `text`, named by its kind ("snake_case: age_21_to_aow"); URLs are skipped. */
export function internalBits(text: string): string[] {
  const clean = text.replace(/https?:\/\/\S+|www\.\S+/g, ' ');
  const found: string[] = [];
  for (const m of clean.matchAll(/\b[a-z]+(?:_[a-z0-9]+)+\b/g)) found.push(`snake_case: ${m[0]}`);
  // Two lower-case letters at least, so units such as kB are not taken for keys.
  for (const m of clean.matchAll(/\b[a-z]{2,}[A-Z][A-Za-z]*\b/g)) found.push(`camelCase: ${m[0]}`);
  for (const m of clean.matchAll(/\b(?:vault|dossier|settings|norms|budget|audit|documents|session|app)\.[a-zA-Z_]+\b/g)) found.push(`key: ${m[0]}`);
  for (const m of clean.matchAll(/(?<![\d.,])\d+\.\d+(?![\d.,])/g)) {
    if (!/^\d{1,3}(\.\d{3})+$/.test(m[0])) found.push(`decimal dot: ${m[0]}`);
  }
  for (const w of ENGLISH_WORDS) {
    const re = new RegExp(`(^|[^\\p{L}\\[])${w.replace(/[[\]]/g, '\\$&')}(?![\\p{L}])`, 'giu');
    if (re.test(clean)) found.push(`English: ${w}`);
  }
  return found;
}
