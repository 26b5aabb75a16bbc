// Display helpers in nl-NL (the shared modules do the real work).
import { AUDIT_ACTIONS } from '../shared/contract/procedures';
import { ageOn, formatNlDate, formatNlDateTime, isoDateOf, parseNlDate } from '../shared/dates';
import { parseEuroInput, toAmountString } from '../shared/money';

const sizeNumber = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });
const KIB = 1024;

/**
 * A file size as "240 kB", "3,2 MB", "2,3 GB": 1024-based, as Windows Explorer counts; never below
 * "1 kB". The unit is chosen after rounding, so 1 MB never shows as "1024 kB".
 */
export function formatSize(bytes: number): string {
  const kb = Math.max(1, Math.round(bytes / KIB));
  if (kb < KIB) return `${kb} kB`;
  const mb = bytes / KIB ** 2;
  if (Math.round(mb * 10) < KIB * 10) return `${sizeNumber.format(mb)} MB`;
  return `${sizeNumber.format(bytes / KIB ** 3)} GB`;
}

export function showDate(iso: string | null | undefined): string {
  return iso ? formatNlDate(iso) : '—';
}

export function showDateTime(ms: number): string {
  return formatNlDateTime(ms);
}

export function today(): string {
  return isoDateOf(Date.now());
}

export function ageOf(birthDate: string): number {
  return ageOn(birthDate, today());
}

/** What the user typed as a date -> ISO when it is one; otherwise the text itself, for the schema to refuse. */
export function dateInputToIso(input: string): string {
  const s = input.trim();
  if (s === '') return '';
  return parseNlDate(s) ?? s;
}

/** An optional date field: empty means null. */
export function optionalDateInputToIso(input: string): string | null {
  return input.trim() === '' ? null : dateInputToIso(input);
}

export function isoToDateInput(iso: string | null | undefined): string {
  return iso ? formatNlDate(iso) : '';
}

/** "1.234,56" -> "1234.56"; text that is no amount is passed on for the schema to refuse. */
export function amountInputToCanonical(input: string): string {
  const d = parseEuroInput(input);
  return d ? toAmountString(d) : input.trim();
}

/** "1234.5" -> "1.234,50" for editing. */
export function canonicalToAmountInput(amount: string): string {
  const [int = '0', frac = ''] = amount.replace('-', '').split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${amount.startsWith('-') ? '-' : ''}${grouped},${frac.padEnd(2, '0')}`;
}

// Partial: actions added to the contract later still show (as their code) until they get words here.
export const AUDIT_ACTION_LABELS: Partial<Record<(typeof AUDIT_ACTIONS)[number], string>> & Record<string, string | undefined> = {
  'vault.created': 'Kluis aangemaakt',
  'vault.unlocked': 'Kluis ontgrendeld',
  'vault.locked': 'Kluis vergrendeld',
  'vault.passphrase_changed': 'Wachtwoord gewijzigd',
  'vault.recovered': 'Ontgrendeld met herstelcode',
  'vault.migrated': 'Kluis bijgewerkt naar nieuwe versie',
  'settings.changed': 'Instellingen gewijzigd',
  'dossier.created': 'Dossier aangemaakt',
  'dossier.opened': 'Dossier geopend',
  'dossier.changed': 'Dossier gewijzigd',
  'dossier.closed': 'Dossier afgesloten',
  'dossier.deleted': 'Dossier verwijderd',
  'dossier.imported': 'Dossier geïmporteerd',
  'dossier.exported': 'Dossier geëxporteerd',
  'dossier.note_added': 'Notitie toegevoegd',
  'dossier.budgetplan_created': 'Budgetplan gemaakt',
  'norms.imported': 'Normen geïmporteerd',
  'norms.removed': 'Normen verwijderd',
  'vault.backup_created': 'Back-up gemaakt',
  'vault.restored': 'Back-up teruggezet',
  'vault.rollback_found': 'Oudere stand van de kluis ontdekt',
  'schemes.changed': 'Regeling zorgpremie gewijzigd',
  'signal.created': 'Systeemfout vastgelegd',
  'signal.changed': 'Systeemfout gewijzigd',
  'signal.deleted': 'Systeemfout verwijderd',
  'report.key_created': 'Rapportsleutel gemaakt',
  'report.public_key_exported': 'Publieke rapportsleutel opgehaald',
  'report.previewed': 'Systeemfouten-rapport bekeken',
  'report.exported': 'Systeemfouten-rapport ondertekend',
  'association.changed': 'Vereniging: register, rapporten of publicatie',
};
