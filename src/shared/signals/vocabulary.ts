// The systeemfouten vocabulary (docs/systeemfouten.md, SYSTEEMFOUTEN.md "Taxonomy"). Every field of a
// signal that can ever leave the office is one of these codes; the version is stored with each signal.
// The vocabulary and its hierarchies change only at the turn of the year (rule R5).
import { PC4_PROVINCE_RANGES } from './pc4-provinces';

export const VOCABULARY_VERSION = '2026.1' as const;

/** Instanties (who). `sector` is the L1 level of the organisation hierarchy; `publicSector` its L2. */
export const INSTANTIES = [
  { code: 'belastingdienst', label: 'Belastingdienst', sector: 'rijk' },
  { code: 'toeslagen', label: 'Dienst Toeslagen', sector: 'rijk' },
  { code: 'uwv', label: 'UWV', sector: 'rijk' },
  { code: 'svb', label: 'SVB', sector: 'rijk' },
  { code: 'cak', label: 'CAK', sector: 'rijk' },
  { code: 'cjib', label: 'CJIB', sector: 'rijk' },
  { code: 'duo', label: 'DUO', sector: 'rijk' },
  { code: 'lbio', label: 'LBIO', sector: 'rijk' },
  { code: 'rvig', label: 'RvIG / BRP', sector: 'rijk' },
  { code: 'rdw', label: 'RDW', sector: 'rijk' },
  { code: 'rechtspraak', label: 'Rechtbank (bewind / Wsnp)', sector: 'rijk' },
  { code: 'gemeente', label: 'Gemeente (bijstand, schuldhulp, belastingen)', sector: 'gemeente' },
  { code: 'zorgverzekeraar', label: 'Zorgverzekeraar', sector: 'zorgverzekeraar' },
  { code: 'energie', label: 'Energieleverancier of netbeheerder', sector: 'nuts' },
  { code: 'water', label: 'Drinkwaterbedrijf', sector: 'nuts' },
  { code: 'verhuurder', label: 'Verhuurder of woningcorporatie', sector: 'wonen' },
  { code: 'deurwaarder', label: 'Deurwaarder of incassobureau', sector: 'incasso' },
  { code: 'bank', label: 'Bank', sector: 'bank_krediet' },
  { code: 'krediet', label: 'Achteraf betalen (BNPL) of consumptief krediet', sector: 'bank_krediet' },
  { code: 'telecom', label: 'Telecomaanbieder', sector: 'telecom' },
  { code: 'overig', label: 'Andere organisatie', sector: 'overig' },
] as const;
export type InstantieCode = (typeof INSTANTIES)[number]['code'];
export const INSTANTIE_CODES = INSTANTIES.map((i) => i.code) as unknown as readonly [InstantieCode, ...InstantieCode[]];

export const SECTORS = [
  { code: 'rijk', label: 'Rijksoverheid en uitvoeringsorganisaties', publicSector: 'publiek' },
  { code: 'gemeente', label: 'Gemeenten', publicSector: 'publiek' },
  { code: 'zorgverzekeraar', label: 'Zorgverzekeraars', publicSector: 'privaat' },
  { code: 'nuts', label: 'Energie en water', publicSector: 'privaat' },
  { code: 'wonen', label: 'Verhuurders en corporaties', publicSector: 'privaat' },
  { code: 'incasso', label: 'Deurwaarders en incasso', publicSector: 'privaat' },
  { code: 'bank_krediet', label: 'Banken en krediet', publicSector: 'privaat' },
  { code: 'telecom', label: 'Telecom', publicSector: 'privaat' },
  { code: 'overig', label: 'Overig', publicSector: 'privaat' },
] as const;

/** Mechanisms (what went wrong): the M-groups of the taxonomy. */
export const MECHANISM_GROUPS = [
  { code: 'M1', label: 'Bestaansminimum doorbroken' },
  { code: 'M2', label: 'Terugvordering, herziening of plotselinge stop' },
  { code: 'M3', label: 'Boete- en kostenescalatie' },
  { code: 'M4', label: 'Geen ruimte voor maatwerk' },
  { code: 'M5', label: 'Foute gegevens of ketenfouten' },
  { code: 'M6', label: 'Vertegenwoordiging en digitale toegang' },
  { code: 'M7', label: 'Toegang tot schuldhulp geblokkeerd' },
  { code: 'M8', label: 'Dreigend verlies van basisvoorzieningen' },
  { code: 'M9', label: 'Niet-gebruik en armoedeval' },
  { code: 'M10', label: 'Kosten van bescherming' },
  { code: 'M11', label: 'Commerciële kredietpraktijken' },
  { code: 'M12', label: 'Gevolgen voor kinderen' },
] as const;
export type MechanismGroup = (typeof MECHANISM_GROUPS)[number]['code'];

/** Sub-codes (L0 of the category hierarchy). Each group ends with ".9 overig" so every case has a code. */
export const MECHANISMS = [
  { code: 'M1.1', group: 'M1', label: 'Beslagvrije voet te laag vastgesteld' },
  { code: 'M1.2', group: 'M1', label: 'Beslagvrije voet niet toegepast bij verrekening' },
  { code: 'M1.3', group: 'M1', label: 'Gestapelde inhoudingen onder het bestaansminimum' },
  { code: 'M1.9', group: 'M1', label: 'Bestaansminimum anders doorbroken' },
  { code: 'M2.1', group: 'M2', label: 'Terugvordering toeslag' },
  { code: 'M2.2', group: 'M2', label: 'Uitkering of toeslag plotseling gestopt' },
  { code: 'M2.3', group: 'M2', label: 'Herziening op verkeerde inkomensschatting' },
  { code: 'M2.9', group: 'M2', label: 'Andere terugvordering of stop' },
  { code: 'M3.1', group: 'M3', label: 'Verhoging van boetes (CJIB)' },
  { code: 'M3.2', group: 'M3', label: 'Incasso- en deurwaarderskosten' },
  { code: 'M3.3', group: 'M3', label: 'Bestuursrechtelijke premie (wanbetalersregeling)' },
  { code: 'M3.9', group: 'M3', label: 'Andere kostenescalatie' },
  { code: 'M4.1', group: 'M4', label: 'Geen betalingsregeling mogelijk' },
  { code: 'M4.2', group: 'M4', label: 'Hardheidsclausule niet toegepast' },
  { code: 'M4.9', group: 'M4', label: 'Ander gebrek aan maatwerk' },
  { code: 'M5.1', group: 'M5', label: 'Fout in de BRP-registratie' },
  { code: 'M5.2', group: 'M5', label: 'Risicosignaal zonder opvolging' },
  { code: 'M5.9', group: 'M5', label: 'Andere gegevens- of ketenfout' },
  { code: 'M6.1', group: 'M6', label: 'Bewindvoerder kan niet digitaal namens cliënt handelen' },
  { code: 'M6.2', group: 'M6', label: 'Alleen digitale post' },
  { code: 'M6.9', group: 'M6', label: 'Ander toegangsprobleem' },
  { code: 'M7.1', group: 'M7', label: 'Wachttijd schuldhulp boven de norm' },
  { code: 'M7.2', group: 'M7', label: 'Toegang tot schuldhulp geweigerd' },
  { code: 'M7.9', group: 'M7', label: 'Andere blokkade van schuldhulp' },
  { code: 'M8.1', group: 'M8', label: 'Dreigende afsluiting energie of water' },
  { code: 'M8.2', group: 'M8', label: 'Dreigende ontruiming' },
  { code: 'M8.9', group: 'M8', label: 'Ander dreigend verlies van basisvoorziening' },
  { code: 'M9.1', group: 'M9', label: 'Toeslag of voorziening niet aangevraagd' },
  { code: 'M9.2', group: 'M9', label: 'Armoedeval na inkomensstijging' },
  { code: 'M9.9', group: 'M9', label: 'Ander niet-gebruik' },
  { code: 'M10.1', group: 'M10', label: 'Bankkosten van de beheerrekening' },
  { code: 'M10.9', group: 'M10', label: 'Andere kosten van bescherming' },
  { code: 'M11.1', group: 'M11', label: 'Achteraf betalen (BNPL)' },
  { code: 'M11.9', group: 'M11', label: 'Andere kredietpraktijk' },
  { code: 'M12.1', group: 'M12', label: 'Kinderbijslag of kindgebonden budget niet ontvangen' },
  { code: 'M12.9', group: 'M12', label: 'Ander gevolg voor kinderen' },
] as const;
export type MechanismCode = (typeof MECHANISMS)[number]['code'];
export const MECHANISM_CODES = MECHANISMS.map((m) => m.code) as unknown as readonly [MechanismCode, ...MechanismCode[]];

/** Effect on the household and children (multi-select). `severity` is the L1 level. */
export const EFFECTS = [
  { code: 'geen', label: 'Geen of onbekend', severity: 'geen' },
  { code: 'materieel', label: 'Materiële tekorten', severity: 'matig' },
  { code: 'school', label: 'Schoolactiviteiten gemist', severity: 'matig' },
  { code: 'nieuwe_schulden', label: 'Nieuwe schulden', severity: 'matig' },
  { code: 'stress', label: 'Stress of gezondheidsklachten', severity: 'matig' },
  { code: 'afsluiting', label: '(Dreigende) afsluiting energie of water', severity: 'ernstig' },
  { code: 'ontruiming', label: '(Dreigende) ontruiming', severity: 'ernstig' },
  { code: 'jeugdzorg', label: 'Jeugdzorg of (dreigende) uithuisplaatsing', severity: 'ernstig' },
] as const;
export type EffectCode = (typeof EFFECTS)[number]['code'];
export const EFFECT_CODES = EFFECTS.map((e) => e.code) as unknown as readonly [EffectCode, ...EffectCode[]];

export const ROUTES = [
  { code: 'geen', label: 'Nog geen route' },
  { code: 'contact', label: 'Telefoon of contact' },
  { code: 'klacht', label: 'Klacht' },
  { code: 'bezwaar', label: 'Bezwaar' },
  { code: 'ombudsman', label: 'Ombudsman' },
  { code: 'pmm', label: 'PMM' },
  { code: 'mfo', label: 'MFO' },
  { code: 'stellateam', label: 'Stellateam' },
  { code: 'rechter', label: 'Rechter' },
] as const;
export type RouteCode = (typeof ROUTES)[number]['code'];
export const ROUTE_CODES = ROUTES.map((r) => r.code) as unknown as readonly [RouteCode, ...RouteCode[]];

export const ROUTE_RESULTS = [
  { code: 'nvt', label: 'Niet van toepassing' },
  { code: 'loopt', label: 'Loopt nog' },
  { code: 'opgelost', label: 'Opgelost' },
  { code: 'deels', label: 'Deels opgelost' },
  { code: 'niet_opgelost', label: 'Niet opgelost' },
] as const;
export type RouteResultCode = (typeof ROUTE_RESULTS)[number]['code'];
export const ROUTE_RESULT_CODES = ROUTE_RESULTS.map((r) => r.code) as unknown as readonly [RouteResultCode, ...RouteResultCode[]];

/** Provinces (CBS codes) and landsdelen. */
export const PROVINCES = [
  { code: 'PV20', label: 'Groningen', landsdeel: 'LD01' },
  { code: 'PV21', label: 'Fryslân', landsdeel: 'LD01' },
  { code: 'PV22', label: 'Drenthe', landsdeel: 'LD01' },
  { code: 'PV23', label: 'Overijssel', landsdeel: 'LD02' },
  { code: 'PV24', label: 'Flevoland', landsdeel: 'LD02' },
  { code: 'PV25', label: 'Gelderland', landsdeel: 'LD02' },
  { code: 'PV26', label: 'Utrecht', landsdeel: 'LD03' },
  { code: 'PV27', label: 'Noord-Holland', landsdeel: 'LD03' },
  { code: 'PV28', label: 'Zuid-Holland', landsdeel: 'LD03' },
  { code: 'PV29', label: 'Zeeland', landsdeel: 'LD03' },
  { code: 'PV30', label: 'Noord-Brabant', landsdeel: 'LD04' },
  { code: 'PV31', label: 'Limburg', landsdeel: 'LD04' },
] as const;
export type ProvinceCode = (typeof PROVINCES)[number]['code'];
export const LANDSDELEN = [
  { code: 'LD01', label: 'Noord-Nederland' },
  { code: 'LD02', label: 'Oost-Nederland' },
  { code: 'LD03', label: 'West-Nederland' },
  { code: 'LD04', label: 'Zuid-Nederland' },
] as const;

/**
 * Province of a postcode from its PC4 digits, by the dated table in pc4-provinces.ts (resources/regions). Null
 * when the postcode is missing or its PC4 range touches more than one province: the report then says
 * "Provincie onbekend" rather than risk a wrong province.
 */
export function provinceOfPostcode(postcode: string | null | undefined): ProvinceCode | null {
  const m = /^\s*([1-9][0-9]{3})/.exec(postcode ?? '');
  if (!m) return null;
  const pc4 = Number(m[1]);
  for (const [lo, hi, pv] of PC4_PROVINCE_RANGES) if (pc4 >= lo && pc4 <= hi) return pv;
  return null;
}

/** Dutch labels for every code, for screens, the PDF and the CSV. */
export const CODE_LABELS: Record<string, string> = Object.fromEntries([
  ...INSTANTIES.map((x) => [x.code, x.label]),
  ...MECHANISM_GROUPS.map((x) => [x.code, x.label]),
  ...MECHANISMS.map((x) => [x.code, x.label]),
  ...EFFECTS.map((x) => [x.code, x.label]),
  ...ROUTES.map((x) => [x.code, x.label]),
  ...ROUTE_RESULTS.map((x) => [x.code, x.label]),
  ...PROVINCES.map((x) => [x.code, x.label]),
  ...LANDSDELEN.map((x) => [x.code, x.label]),
]);
