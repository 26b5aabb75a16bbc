// What changed in a dossier, per item and per field, in Dutch words for the logboek. Amounts, dates of
// money items and status dates are shown old → new; anything that identifies a person (names, birth
// dates, BSN, IBAN, address, phone, e-mail, free-text descriptions) is only named as changed, never shown.
// Items are matched by id, so an edit, an addition and a removal are told apart.
import { EXPENSE_CATEGORY_LABELS, INCOME_CATEGORY_LABELS } from '../../shared/dossier/categories';
import {
  DEBT_STATUS_LABELS,
  DOSSIER_STATUSES,
  DOSSIER_STATUS_LABELS,
  HELP_TYPE_LABELS,
  type Adult,
  type BankAccount,
  type Child,
  type Debt,
  type Dossier,
  type DossierData,
  type Expense,
  type Income,
} from '../../shared/dossier/schema';
import { formatNlDate } from '../../shared/dates';
import { FREQUENCY_LABELS } from '../../shared/frequency';
import { AMOUNT_PATTERN, formatEuro, money } from '../../shared/money';

export type ItemKind = 'income' | 'expense' | 'debt' | 'child' | 'adult' | 'bankAccount';

type Field<T> = {
  key: keyof T & string;
  label: string;
  /** How a value is shown; absent: the field is personal or free text and only named as changed. */
  show?: (v: unknown) => string;
};

const EMPTY = '—';
const euro = (v: unknown) => (typeof v === 'string' && v !== '' ? formatEuro(v) : EMPTY);
const date = (v: unknown) => (typeof v === 'string' && v !== '' ? formatNlDate(v) : EMPTY);
const label = (labels: Record<string, string>) => (v: unknown) => (typeof v === 'string' && v in labels ? labels[v]! : EMPTY);
const yesNo = (v: unknown) => (v ? 'ja' : 'nee');
const role = (v: unknown) => (v === 'aanvrager' ? 'aanvrager' : v === 'partner' ? 'partner' : 'huishouden');

const INCOME_FIELDS: Field<Income>[] = [
  { key: 'description', label: 'omschrijving' },
  { key: 'category', label: 'categorie', show: label(INCOME_CATEGORY_LABELS) },
  { key: 'amount', label: 'bedrag', show: euro },
  { key: 'frequency', label: 'frequentie', show: label(FREQUENCY_LABELS) },
  { key: 'personRole', label: 'ontvanger', show: role },
  { key: 'startDate', label: 'begindatum', show: date },
  { key: 'endDate', label: 'einddatum', show: date },
];
const EXPENSE_FIELDS: Field<Expense>[] = [
  { key: 'description', label: 'omschrijving' },
  { key: 'category', label: 'categorie', show: label(EXPENSE_CATEGORY_LABELS) },
  { key: 'amount', label: 'bedrag', show: euro },
  { key: 'frequency', label: 'frequentie', show: label(FREQUENCY_LABELS) },
  { key: 'startDate', label: 'begindatum', show: date },
  { key: 'endDate', label: 'einddatum', show: date },
];
const DEBT_FIELDS: Field<Debt>[] = [
  { key: 'creditor', label: 'schuldeiser' },
  { key: 'collector', label: 'incassant' },
  { key: 'reference', label: 'kenmerk' },
  { key: 'originalAmount', label: 'oorspronkelijk bedrag', show: euro },
  { key: 'currentAmount', label: 'openstaand bedrag', show: euro },
  { key: 'kind', label: 'soort', show: (v) => String(v) },
  { key: 'status', label: 'status', show: label(DEBT_STATUS_LABELS) },
  { key: 'since', label: 'ontstaan op', show: date },
];
const CHILD_FIELDS: Field<Child>[] = [
  { key: 'firstName', label: 'voornaam' },
  { key: 'lastName', label: 'achternaam' },
  { key: 'birthDate', label: 'geboortedatum' },
  { key: 'livingInHousehold', label: 'woont thuis', show: yesNo },
];
const ADULT_FIELDS: Field<Adult>[] = [
  { key: 'role', label: 'rol', show: role },
  { key: 'firstName', label: 'voornaam' },
  { key: 'lastName', label: 'achternaam' },
  { key: 'birthDate', label: 'geboortedatum' },
  { key: 'bsn', label: 'BSN' },
];
const BANK_FIELDS: Field<BankAccount>[] = [
  { key: 'iban', label: 'IBAN' },
  { key: 'holder', label: 'tenaamstelling' },
  { key: 'description', label: 'omschrijving' },
];

/** Empty optional values (undefined, null, '') are the same; amounts compare by value ("12.5" = "12.50"). */
function norm(v: unknown): unknown {
  if (v === undefined || v === null || v === '') return null;
  if (typeof v === 'string' && AMOUNT_PATTERN.test(v)) return money(v).toFixed(2);
  return v;
}

function fieldChanges<T>(fields: Field<T>[], before: T, after: T): string[] {
  const out: string[] = [];
  for (const f of fields) {
    const a = (before as Record<string, unknown>)[f.key];
    const b = (after as Record<string, unknown>)[f.key];
    if (norm(a) === norm(b)) continue;
    out.push(f.show ? `${f.label} ${f.show(a)} → ${f.show(b)}` : `${f.label} gewijzigd`);
  }
  return out;
}

/** A short name for an item that holds no personal data: its kind, position and (for money) category. */
export function itemName(kind: ItemKind, item: unknown, index: number): string {
  const n = index + 1;
  switch (kind) {
    case 'income':
      return `inkomst ${n} (${INCOME_CATEGORY_LABELS[(item as Income).category] ?? 'onbekend'})`;
    case 'expense':
      return `uitgave ${n} (${EXPENSE_CATEGORY_LABELS[(item as Expense).category] ?? 'onbekend'})`;
    case 'debt':
      return `schuld ${n} (${(item as Debt).kind})`;
    case 'child':
      return `kind ${n}`;
    case 'adult':
      return (item as Adult).role === 'aanvrager' ? 'aanvrager' : 'partner';
    case 'bankAccount':
      return `bankrekening ${n}`;
  }
}

/** The non-personal facts worth keeping about a removed or added item (amounts and periods of money items). */
export function itemSummary(kind: ItemKind, item: unknown): string {
  switch (kind) {
    case 'income':
    case 'expense': {
      const x = item as Income | Expense;
      const period = [x.startDate ? `vanaf ${formatNlDate(x.startDate)}` : '', x.endDate ? `t/m ${formatNlDate(x.endDate)}` : ''].filter(Boolean).join(' ');
      return `${formatEuro(x.amount)} ${FREQUENCY_LABELS[x.frequency]}${period ? `, ${period}` : ''}`;
    }
    case 'debt': {
      const d = item as Debt;
      return `openstaand ${formatEuro(d.currentAmount)} van ${formatEuro(d.originalAmount)}, ${DEBT_STATUS_LABELS[d.status]}`;
    }
    default:
      return '';
  }
}

function listChanges<T extends { id?: string | undefined }>(
  section: string,
  kind: ItemKind,
  fields: Field<T>[],
  before: readonly T[],
  after: readonly T[],
): string | null {
  const parts: string[] = [];
  // Match by id; an item sent without id (CLI, older clients) is matched with the item at its position when
  // that one is not claimed by id, so an unchanged list without ids reads as unchanged.
  const afterIds = new Set(after.map((x) => x.id).filter(Boolean));
  const match: (number | null)[] = after.map((a) => {
    const i = a.id ? before.findIndex((b) => b.id === a.id) : -1;
    return i >= 0 ? i : null;
  });
  after.forEach((a, i) => {
    const b = before[i];
    if (match[i] === null && !a.id && b && !(b.id && afterIds.has(b.id)) && !match.includes(i)) match[i] = i;
  });
  const matched = new Set(match.filter((m): m is number => m !== null));
  before.forEach((b, i) => {
    if (matched.has(i)) return;
    const summary = itemSummary(kind, b);
    parts.push(`${itemName(kind, b, i)} verwijderd${summary ? ` (was ${summary})` : ''}`);
  });
  after.forEach((a, i) => {
    const m = match[i];
    const prev = m !== null && m !== undefined ? { x: before[m]!, i: m } : undefined;
    if (!prev) {
      const summary = itemSummary(kind, a);
      parts.push(`${itemName(kind, a, i)} toegevoegd${summary ? `: ${summary}` : ''}`);
      return;
    }
    const changes = fieldChanges(fields, prev.x, a);
    if (changes.length > 0) parts.push(`${itemName(kind, a, i)}: ${changes.join(', ')}`);
  });
  return parts.length > 0 ? `${section}: ${parts.join('; ')}` : null;
}

/** One line per changed section, e.g. "Inkomsten: inkomst 1 (Loon): bedrag € 1.834,50 → € 1.900,00". */
export function describeChanges(before: Dossier, after: DossierData): string[] {
  const out: string[] = [];
  const status: string[] = [];
  if (before.status !== after.status) status.push(`${DOSSIER_STATUS_LABELS[before.status]} → ${DOSSIER_STATUS_LABELS[after.status]}`);
  for (const s of DOSSIER_STATUSES) {
    const a = before.statusDates[s] ?? null;
    const b = after.statusDates[s] ?? null;
    if (norm(a) !== norm(b)) status.push(`datum ${DOSSIER_STATUS_LABELS[s].toLowerCase()} ${date(a)} → ${date(b)}`);
  }
  if (status.length > 0) out.push(`Status: ${status.join(', ')}`);
  const help: string[] = [];
  if (before.typeOfHelp !== after.typeOfHelp) help.push(`soort hulp ${HELP_TYPE_LABELS[before.typeOfHelp]} → ${HELP_TYPE_LABELS[after.typeOfHelp]}`);
  if (before.professional !== after.professional) help.push(`verantwoordelijk medewerker ${before.professional} → ${after.professional}`);
  if (help.length > 0) out.push(`Begeleiding: ${help.join(', ')}`);
  const push = (line: string | null) => {
    if (line) out.push(line);
  };
  push(listChanges('Volwassenen', 'adult', ADULT_FIELDS, before.adults, after.adults));
  push(listChanges('Kinderen', 'child', CHILD_FIELDS, before.children, after.children));
  const addr = (['street', 'houseNumber', 'postcode', 'city'] as const).filter((k) => norm(before.address?.[k]) !== norm(after.address?.[k]));
  if (addr.length > 0) {
    const names = { street: 'straat', houseNumber: 'huisnummer', postcode: 'postcode', city: 'plaats' } as const;
    out.push(`Adres: ${addr.map((k) => names[k]).join(', ')} gewijzigd`);
  }
  const contact = (['phone', 'email'] as const).filter((k) => norm(before.contact[k]) !== norm(after.contact[k]));
  if (contact.length > 0) out.push(`Contactgegevens: ${contact.map((k) => (k === 'phone' ? 'telefoon' : 'e-mail')).join(', ')} gewijzigd`);
  push(listChanges('Bankrekeningen', 'bankAccount', BANK_FIELDS, before.bankAccounts, after.bankAccounts));
  push(listChanges('Inkomsten', 'income', INCOME_FIELDS, before.incomes, after.incomes));
  push(listChanges('Uitgaven', 'expense', EXPENSE_FIELDS, before.expenses, after.expenses));
  push(listChanges('Schulden', 'debt', DEBT_FIELDS, before.debts, after.debts));
  return out;
}

export const SECTION_OF_KIND: Record<ItemKind, string> = {
  income: 'Inkomsten',
  expense: 'Uitgaven',
  debt: 'Schulden',
  child: 'Kinderen',
  adult: 'Volwassenen',
  bankAccount: 'Bankrekeningen',
};
