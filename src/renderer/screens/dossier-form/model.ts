// The dossier form's values are what the user types (Dutch dates, spaced IBANs); these functions convert
// between them and the shared dossier model, keeping field paths identical so schema issues map 1:1.
import {
  addressKindOf,
  DOSSIER_STATUSES,
  type AddressKind,
  type CoParenting,
  type Dossier,
  type DossierDataInput,
  type DossierStatus,
  type HelpType,
} from '../../../shared/dossier/schema';
import { formatIban } from '../../../shared/validation/iban';
import { dateInputToIso, isoToDateInput, optionalDateInputToIso } from '../../format';

export interface AdultForm {
  id?: string | undefined;
  role: 'aanvrager' | 'partner';
  firstName: string;
  lastName: string;
  birthDate: string;
  bsn: string;
  /** Verzekerd voor de Zorgverzekeringswet (issue 6): zorgtoeslag and the VTLB eigen risico count it. */
  insuredInNl: boolean;
}
export interface ChildForm {
  id?: string | undefined;
  firstName: string;
  lastName: string;
  birthDate: string;
  livingInHousehold: boolean;
  /** Pleegkind (issue 6): no kinderbijslag or kindgebonden budget for it. */
  fosterChild: boolean;
  coParenting: CoParenting;
}
export interface AccountForm {
  id?: string | undefined;
  iban: string;
  description: string;
}
export interface DossierFormValues {
  adults: AdultForm[];
  children: ChildForm[];
  noFixedAddress: boolean;
  address: { street: string; houseNumber: string; postcode: string; city: string };
  /** Woonadres, briefadres with full insight, or geen woonadres (for the beslagvrije voet). */
  addressKind: AddressKind;
  contact: { phone: string; email: string };
  bankAccounts: AccountForm[];
  status: DossierStatus;
  /** One dd-mm-jjjj field per status; empty = not set. */
  statusDates: Record<DossierStatus, string>;
  typeOfHelp: HelpType;
  professional: string;
}

export function emptyAdult(role: AdultForm['role']): AdultForm {
  return { role, firstName: '', lastName: '', birthDate: '', bsn: '', insuredInNl: true };
}
export function emptyChild(lastName = ''): ChildForm {
  return { firstName: '', lastName, birthDate: '', livingInHousehold: true, fosterChild: false, coParenting: 'geen' };
}

export function toFormValues(d?: Dossier, professional = ''): DossierFormValues {
  if (!d) {
    return {
      adults: [emptyAdult('aanvrager')],
      children: [],
      noFixedAddress: false,
      address: { street: '', houseNumber: '', postcode: '', city: '' },
      addressKind: 'woonadres',
      contact: { phone: '', email: '' },
      bankAccounts: [],
      status: 'aanmelding',
      statusDates: statusDatesToForm({}),
      typeOfHelp: 'beschermingsbewind',
      professional,
    };
  }
  // The aanvrager always comes first in the form.
  const adults = [...d.adults].sort((a, b) => (a.role === b.role ? 0 : a.role === 'aanvrager' ? -1 : 1));
  return {
    adults: adults.map((a) => ({
      id: a.id,
      role: a.role,
      firstName: a.firstName,
      lastName: a.lastName,
      birthDate: isoToDateInput(a.birthDate),
      bsn: a.bsn ?? '',
      insuredInNl: a.insuredInNl !== false,
    })),
    children: d.children.map((c) => ({
      id: c.id,
      firstName: c.firstName,
      lastName: c.lastName,
      birthDate: isoToDateInput(c.birthDate),
      livingInHousehold: c.livingInHousehold,
      fosterChild: c.fosterChild ?? false,
      coParenting: c.coParenting ?? 'geen',
    })),
    noFixedAddress: d.address === null,
    address: d.address ?? { street: '', houseNumber: '', postcode: '', city: '' },
    addressKind: addressKindOf(d),
    contact: { phone: d.contact.phone ?? '', email: d.contact.email ?? '' },
    bankAccounts: d.bankAccounts.map((b) => ({ id: b.id, iban: formatIban(b.iban), description: b.description ?? '' })),
    status: d.status,
    statusDates: statusDatesToForm(d.statusDates),
    typeOfHelp: d.typeOfHelp,
    professional: d.professional,
  };
}

function statusDatesToForm(dates: Dossier['statusDates']): Record<DossierStatus, string> {
  return Object.fromEntries(DOSSIER_STATUSES.map((s) => [s, isoToDateInput(dates[s])])) as Record<DossierStatus, string>;
}

/**
 * Every status is sent: an emptied field goes as null, which the core takes as "clear this date" (a
 * date left out would be kept). The status being entered still gets today's date when left empty.
 */
function statusDatesFromForm(v: Record<DossierStatus, string>): Record<DossierStatus, string | null> {
  return Object.fromEntries(DOSSIER_STATUSES.map((s) => [s, optionalDateInputToIso(v[s] ?? '')])) as Record<
    DossierStatus,
    string | null
  >;
}

function opt(s: string): string | undefined {
  const t = s.trim();
  return t === '' ? undefined : t;
}

/** Form values -> dossier data (input of the shared schema); `base` keeps what the form does not edit. */
export function fromFormValues(v: DossierFormValues, base?: Dossier): DossierDataInput {
  const holders = new Map((base?.bankAccounts ?? []).map((b) => [b.id, b.holder]));
  return {
    ...(base ? stripStored(base) : {}),
    status: v.status,
    statusDates: statusDatesFromForm(v.statusDates),
    typeOfHelp: v.typeOfHelp,
    professional: v.professional,
    adults: v.adults.map((a) => ({
      ...(a.id ? { id: a.id } : {}),
      role: a.role,
      firstName: a.firstName,
      lastName: a.lastName,
      birthDate: dateInputToIso(a.birthDate),
      bsn: a.bsn.trim() === '' ? null : a.bsn,
      // Only "not insured" is sent: absent means insured, so an untouched version-1 dossier stays as it was.
      ...(a.insuredInNl ? {} : { insuredInNl: false }),
    })),
    children: v.children.map((c) => ({
      ...(c.id ? { id: c.id } : {}),
      firstName: c.firstName,
      lastName: c.lastName,
      birthDate: dateInputToIso(c.birthDate),
      livingInHousehold: c.livingInHousehold,
      // Only what differs from the default is sent, so an untouched version-1 dossier stays as it was.
      ...(c.fosterChild ? { fosterChild: true } : {}),
      ...(c.coParenting !== 'geen' ? { coParenting: c.coParenting } : {}),
    })),
    address: v.noFixedAddress ? null : { ...v.address },
    addressKind: addressKindOut(v, base),
    contact: { phone: v.contact.phone.trim(), email: v.contact.email.trim() },
    bankAccounts: v.bankAccounts.map((b) => ({
      ...(b.id ? { id: b.id } : {}),
      iban: b.iban,
      holder: (b.id ? holders.get(b.id) : undefined) ?? undefined,
      description: opt(b.description),
    })),
    incomes: base?.incomes ?? [],
    expenses: base?.expenses ?? [],
    debts: base?.debts ?? [],
    notes: base?.notes ?? [],
  };
}

/** The address kind is stored when it was stored before or differs from what the address alone implies. */
function addressKindOut(v: DossierFormValues, base?: Dossier): AddressKind | undefined {
  const implied: AddressKind = v.noFixedAddress ? 'geen_woonadres' : 'woonadres';
  return base?.addressKind || v.addressKind !== implied ? v.addressKind : undefined;
}

/** The stored dossier without what the vault adds (id, timestamps): the input of dossier.update. */
export function stripStored(d: Dossier): DossierDataInput {
  const { id: _id, createdAt: _c, updatedAt: _u, ...data } = d;
  return data;
}
