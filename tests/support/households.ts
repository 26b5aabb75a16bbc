// Fictitious households with distinctive, valid personal data, planted by contract and browser tests
// so that searches can find them and leak checks can look for them.
import type { DossierDataInput } from '../../src/shared/dossier/schema';

/** Passes the elfproef; not a real person's number (test range). */
export const PLANTED_BSN = '123456782';
/** Fails the elfproef (last digit changed). */
export const BAD_BSN = '123456783';

export const PLANTED = {
  firstName: 'Fenna',
  lastName: 'Oosterbroek',
  birthDateNl: '14-03-1988',
  birthDateIso: '1988-03-14',
  bsn: PLANTED_BSN,
  street: 'Kruisstraat',
  houseNumber: '17a',
  postcode: '9711 AB',
  city: 'Groningen',
  professional: 'Merel de Wit',
  children: [
    { firstName: 'Jelmer', lastName: 'Oosterbroek', birthDateNl: '02-09-2014', birthDateIso: '2014-09-02', livingInHousehold: true },
    { firstName: 'Sietske', lastName: 'Oosterbroek', birthDateNl: '21-06-2018', birthDateIso: '2018-06-21', livingInHousehold: false },
  ],
} as const;

export function plantedHousehold(overrides: Partial<DossierDataInput> = {}): DossierDataInput {
  return {
    status: 'aanmelding',
    typeOfHelp: 'schuldhulpverlening',
    professional: PLANTED.professional,
    adults: [
      {
        role: 'aanvrager',
        firstName: PLANTED.firstName,
        lastName: PLANTED.lastName,
        birthDate: PLANTED.birthDateIso,
        bsn: PLANTED.bsn,
      },
    ],
    children: PLANTED.children.map((c) => ({
      firstName: c.firstName,
      lastName: c.lastName,
      birthDate: c.birthDateIso,
      livingInHousehold: c.livingInHousehold,
    })),
    address: { street: PLANTED.street, houseNumber: PLANTED.houseNumber, postcode: PLANTED.postcode, city: PLANTED.city },
    bankAccounts: [],
    incomes: [],
    expenses: [],
    debts: [],
    ...overrides,
  };
}
