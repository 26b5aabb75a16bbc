// Synthetic vaults for the benchmark (issue 10 §3): realistic households (1-2 adults, 0-4 children, 2-6
// incomes, 8-15 expenses, 0-12 debts with creditors of every kind, notes, valid postcodes, elfproef BSNs and
// mod-97 IBANs), deterministic from a seed, written through the contract (`dossier.import` of interchange
// files of 1,000 households, as an office would import them), and cached in the temp folder per size + seed
// so a second run reuses them. Only fictitious data: every household is marked `fictitious`.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCore, defaultResourcesDir, type Core } from '../src/core/app';
import { migrations } from '../src/core/db/migrations';
import { silentLogger } from '../src/core/logger';
import type { KdfParams } from '../src/core/vault';
import type { CreditorKind, DossierDataInput, DossierStatus } from '../src/shared/dossier/schema';
import { DOSSIER_STATUSES } from '../src/shared/dossier/schema';
import { INTERCHANGE_FORMAT } from '../src/shared/dossier/schema';

/** Bump when the households change shape: cached vaults of an older generator are not reused. */
export const GENERATOR_VERSION = 2;
export const BENCH_PASSPHRASE = 'benchmark wachtwoord 2026';
/** The generated households are plausible on this date (birth dates, status dates, peildatum). */
export const REFERENCE_DATE = '2026-11-23';
export const CHUNK = 1000;

// ---- deterministic randomness ---------------------------------------------------------------------------

/** mulberry32: small, fast and good enough for test data; the same seed gives the same households. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const int = (r: Rand, min: number, max: number) => min + Math.floor(r() * (max - min + 1));
const pick = <T>(r: Rand, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
const chance = (r: Rand, p: number) => r() < p;
const cents = (r: Rand, min: number, max: number) => (int(r, min * 100, max * 100) / 100).toFixed(2);
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function isoDay(r: Rand, fromYear: number, toIso: string, fromIso?: string): string {
  const from = fromIso ? Date.parse(fromIso) : Date.UTC(fromYear, 0, 1);
  const to = Date.parse(toIso);
  const t = from + Math.floor(r() * Math.max(1, to - from));
  return new Date(t).toISOString().slice(0, 10);
}

// ---- identifiers that pass the app's validators ---------------------------------------------------------

/** The n-th BSN of a sequence (97 numbers apart, then the first that passes the elfproef): unique per n. */
export function elfproefBsn(n: number): string {
  for (let v = 100_000_000 + n * 97; ; v++) {
    const s = String(v);
    let total = 0;
    for (let i = 0; i < 8; i++) total += Number(s[i]) * (9 - i);
    total -= Number(s[8]);
    if (total % 11 === 0) return s;
  }
}

function mod97(numeric: string): number {
  let rem = 0;
  for (let i = 0; i < numeric.length; i += 7) rem = Number(String(rem) + numeric.slice(i, i + 7)) % 97;
  return rem;
}

/** A Dutch IBAN with correct mod-97 check digits. */
export function dutchIban(bank: string, account: number): string {
  const bban = `${bank}${String(account).padStart(10, '0')}`;
  const numeric = `${bban}NL00`.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  return `NL${pad(98 - mod97(numeric))}${bban}`;
}

const POSTCODE_LETTERS = 'ABCEGHJKLMNPRTVWXZ';
/** Never SA, SD or SS (not issued): the first letter is never S. */
function postcode(r: Rand): string {
  return `${int(r, 1000, 9999)} ${pick(r, [...POSTCODE_LETTERS])}${pick(r, [...POSTCODE_LETTERS + 'S'])}`;
}

// ---- word lists -----------------------------------------------------------------------------------------

const COMMON_LAST = ['de Jong', 'Jansen', 'de Vries', 'van den Berg', 'van Dijk', 'Bakker', 'Janssen', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder', 'de Groot', 'Bos', 'Vos', 'Peters', 'Hendriks', 'van Leeuwen', 'Dekker', 'Brouwer', 'de Wit', 'Dijkstra', 'Smits', 'de Graaf', 'van der Meer', 'Kok', 'Jacobs', 'de Haan', 'Vermeulen', 'van den Heuvel', 'Yılmaz', 'El Amrani', 'Kaya', 'Öztürk', 'Bouzid', 'Nguyen', 'Ramdin', 'Çelik', 'Benali', 'Sewnath'];
const ROOTS = ['Klaver', 'Molen', 'Berg', 'Veld', 'Brink', 'Dijk', 'Wijk', 'Horst', 'Kamp', 'Broek', 'Linde', 'Rozen', 'Eiken', 'Water', 'Zand', 'Steen', 'Hout', 'Heide', 'Esch', 'Schouten', 'Koren', 'Hazel', 'Wilgen', 'Beuken'];
const SUFFIXES = ['hoek', 'man', 'sma', 'ink', 'huis', 'stra', 'beek', 'gaard', 'berg', 'veld', 'kamp', 'brink', 'horst', 'dijk'];
const FIRST = ['Anna', 'Mohamed', 'Sanne', 'Daan', 'Fatima', 'Lars', 'Noor', 'Kevin', 'Priya', 'Bram', 'Yasmin', 'Joost', 'Emma', 'Ayoub', 'Lotte', 'Ruben', 'Zeynep', 'Thijs', 'Chantal', 'Mehmet', 'Iris', 'Sven', 'Esra', 'Roy', 'Mariska', 'Dewi', 'Jeroen', 'Samira', 'Niels', 'Renée', 'Gökhan', 'Linda', 'Bilal', 'Femke', 'Ricardo', 'Naima', 'Marco', 'Shanti', 'Wendy', 'Hüseyin'];
const CHILD_FIRST = ['Sem', 'Lieke', 'Noah', 'Julia', 'Liam', 'Mila', 'Adam', 'Tess', 'Finn', 'Yara', 'Luuk', 'Saar', 'Milan', 'Nora', 'Levi', 'Zoë', 'Mees', 'Lina', 'Ilyas', 'Fleur', 'Jayden', 'Amira', 'Jesse', 'Evi', 'Daniël', 'Sofía'];
export const CITIES = ['Amsterdam', 'Rotterdam', 'Den Haag', 'Utrecht', 'Eindhoven', 'Groningen', 'Tilburg', 'Almere', 'Breda', 'Nijmegen', 'Apeldoorn', 'Haarlem', 'Arnhem', 'Enschede', 'Zwolle', 'Leeuwarden', 'Maastricht', 'Dordrecht', 'Emmen', 'Heerlen', "'s-Hertogenbosch", 'Súdwest-Fryslân'];
const STREETS = ['Klaprooslaan', 'Dorpsstraat', 'Kerkstraat', 'Molenweg', 'Julianastraat', 'Beatrixlaan', 'Stationsweg', 'Schoolstraat', 'Parallelweg', 'Eikenlaan', 'Wilhelminastraat', 'Van Goghstraat', 'Rembrandtplein', 'Zonnebloemstraat', 'Prins Bernhardlaan', 'Industrieweg', 'Merelstraat', 'Lindelaan', 'Havenkade', 'Oranjestraat'];
const PROFESSIONALS = ['Anouk Veldhuis', 'Merel de Wit', 'Jeroen Smits', 'Fatma Aydın', 'Pieter Brandsma', 'Lisa Nooij'];
const BANKS = ['INGB', 'ABNA', 'RABO', 'SNSB', 'ASNB', 'TRIO', 'KNAB', 'BUNQ', 'RBRB'];
const COLLECTORS = ['Intrum', 'Flanderijn gerechtsdeurwaarders', 'GGN', 'Vesting Finance', 'Lowell', 'Cannock'];

interface CreditorTemplate {
  name: (city: string) => string;
  kind: CreditorKind;
  preferent?: boolean;
  min: number;
  max: number;
}
const CREDITORS: CreditorTemplate[] = [
  { name: () => 'Belastingdienst', kind: 'belastingdienst', preferent: true, min: 150, max: 6000 },
  { name: () => 'Dienst Toeslagen', kind: 'toeslagen', preferent: true, min: 200, max: 9000 },
  { name: (c) => `Gemeente ${c}`, kind: 'gemeente', preferent: true, min: 80, max: 2500 },
  { name: (c) => `Woonstichting ${c}`, kind: 'verhuurder', min: 400, max: 5500 },
  { name: () => pickFixed(['Vattenfall', 'Eneco', 'Essent', 'Budget Energie']), kind: 'energie', min: 120, max: 2200 },
  { name: () => pickFixed(['Vitens', 'Evides', 'Brabant Water', 'Waternet']), kind: 'water', min: 40, max: 600 },
  { name: () => pickFixed(['KPN', 'Odido', 'Vodafone', 'Ziggo']), kind: 'telecom', min: 60, max: 1400 },
  { name: () => 'CJIB', kind: 'cjib', preferent: true, min: 100, max: 1800 },
  { name: () => 'DUO', kind: 'duo', min: 500, max: 15000 },
  { name: () => pickFixed(['UWV', 'SVB']), kind: 'uwv_svb', preferent: true, min: 200, max: 7000 },
  { name: () => pickFixed(['Santander Consumer Finance', 'Findio', 'Lender & Spender', 'In3']), kind: 'bank', min: 300, max: 12000 },
  { name: () => pickFixed(['Wehkamp', 'Otto', 'Klarna', 'Bol.com', 'Fitness Plaza']), kind: 'overig', min: 50, max: 1500 },
  { name: () => pickFixed(['Zilveren Kruis', 'CZ', 'VGZ', 'Menzis', 'Zorgverzekeraar Zuid']), kind: 'zorgverzekeraar', min: 130, max: 3200 },
  { name: () => pickFixed(['J. de Boer (oud-huisgenoot)', 'familie Yılmaz', 'M. Visser (oom)']), kind: 'particulier', min: 100, max: 3000 },
];
// CreditorTemplate.name picks with the household's own generator: set per household before use.
let creditorRand: Rand = Math.random;
function pickFixed<T>(list: readonly T[]): T {
  return pick(creditorRand, list);
}

const NOTES = [
  'Intake gehad; aanvrager brengt volgende week de loonstroken en de brieven van de schuldeisers mee.',
  'Saldo-opgaven opgevraagd bij alle schuldeisers.',
  'Huisbezoek: kinderen hebben geen winterjas; aanvraag Stichting Leergeld besproken.',
  'Beslag op loon door deurwaarder; beslagvrije voet laten herberekenen.',
  'Toeslagen gecontroleerd; huurtoeslag stond te laag.',
  'Afspraak met de woonstichting over een betalingsregeling voor de huurachterstand.',
  'Budgetplan besproken en ondertekend.',
];

// ---- households -------------------------------------------------------------------------------------------

/** The household number `n` of a generator seeded with `seed`: the same (seed, n) always gives the same household. */
export function household(seed: number, n: number, profile: VaultProfile = 'office'): DossierDataInput {
  const r = rng((seed * 2_654_435_761) ^ (n * 40_503 + 1));
  creditorRand = r;
  const lastName = chance(r, 0.6) ? pick(r, COMMON_LAST) : `${pick(r, ROOTS)}${pick(r, SUFFIXES)}`;
  const adults: DossierDataInput['adults'] = [
    { role: 'aanvrager', firstName: pick(r, FIRST), lastName, birthDate: isoDay(r, 1962, '2003-06-30'), bsn: elfproefBsn(n * 2) },
  ];
  if (chance(r, 0.45)) {
    adults.push({
      role: 'partner',
      firstName: pick(r, FIRST),
      lastName: chance(r, 0.5) ? lastName : pick(r, COMMON_LAST),
      birthDate: isoDay(r, 1962, '2003-06-30'),
      bsn: chance(r, 0.9) ? elfproefBsn(n * 2 + 1) : null,
    });
  }
  // Children are born after the oldest adult turned 18 and before the reference date.
  const oldest = adults.map((a) => a.birthDate).sort()[0]!;
  const from = `${Number(oldest.slice(0, 4)) + 19}-01-01`;
  const childCount = int(r, 0, 4);
  const children: DossierDataInput['children'] = Array.from({ length: childCount }, () => ({
    firstName: pick(r, CHILD_FIRST),
    lastName,
    birthDate: isoDay(r, 0, '2026-10-31', from > '2008-01-01' ? from : '2008-01-01'),
    livingInHousehold: chance(r, 0.92),
    ...(chance(r, 0.05) ? { coParenting: 'wij_ontvangen_kinderbijslag' as const } : {}),
  }));

  // One household in twelve lives in Zwolle with premium arrears at Zorgverzekeraar Zuid: the group scheme's families
  // (seven in ten in the 'scheme' profile, the zorgpremie group scheme's bench vault).
  const schemeFamily = profile === 'scheme' ? n % 10 < 7 : n % 12 === 5;
  const city = schemeFamily ? 'Zwolle' : pick(r, CITIES);
  const noAddress = !schemeFamily && chance(r, 0.02);
  const address = noAddress ? null : { street: pick(r, STREETS), houseNumber: `${int(r, 1, 240)}${chance(r, 0.15) ? pick(r, ['a', 'b', '-2', ' bis']) : ''}`, postcode: postcode(r), city };

  const bankAccounts = Array.from({ length: int(r, 1, 2) }, (_, i) => ({
    iban: dutchIban(pick(r, BANKS), (n * 2 + i) * 9973 + int(r, 0, 9972)),
    holder: `${adults[0]!.firstName[0]}. ${lastName}`,
    description: i === 0 ? 'Betaalrekening' : pick(r, ['Beheerrekening', 'Leefgeldrekening', 'Spaarrekening']),
  }));

  const incomes: DossierDataInput['incomes'] = [];
  const main = pick(r, ['loon', 'uitkering_participatiewet', 'uitkering_uwv', 'loon', 'uitkering_participatiewet'] as const);
  const [lo, hi] = main === 'loon' ? [1300, 2800] : main === 'uitkering_uwv' ? [1150, 2100] : [1050, 1900];
  incomes.push({ description: main === 'loon' ? 'Loon' : main === 'uitkering_uwv' ? 'WW-uitkering' : 'Bijstand', category: main, amount: cents(r, lo, hi), frequency: main === 'loon' && chance(r, 0.3) ? 'vierweken' : 'maand', personRole: 'aanvrager' });
  if (adults.length === 2 && chance(r, 0.5)) incomes.push({ description: 'Loon partner', category: 'loon', amount: cents(r, 400, 1900), frequency: 'maand', personRole: 'partner' });
  if (childCount > 0) {
    incomes.push({ description: 'Kinderbijslag', category: 'kinderbijslag', amount: cents(r, 280, 1100), frequency: 'kwartaal', personRole: null });
    if (chance(r, 0.8)) incomes.push({ description: 'Kindgebonden budget', category: 'kindgebonden_budget', amount: cents(r, 90, 600), frequency: 'maand' });
  }
  const extra = [
    { description: 'Zorgtoeslag', category: 'zorgtoeslag', amount: cents(r, 90, 260), frequency: 'maand' },
    { description: 'Huurtoeslag', category: 'huurtoeslag', amount: cents(r, 80, 420), frequency: 'maand' },
    { description: 'Kinderalimentatie', category: 'kinderalimentatie', amount: cents(r, 100, 450), frequency: 'maand' },
    { description: 'Vakantiegeld', category: main, amount: cents(r, 600, 1500), frequency: 'jaar', personRole: 'aanvrager' },
  ] as const;
  const target = int(r, 2, 6);
  for (const x of extra) if (incomes.length < target && chance(r, 0.75)) incomes.push({ ...x });
  while (incomes.length < 2) incomes.push({ description: 'Zorgtoeslag', category: 'zorgtoeslag', amount: cents(r, 90, 260), frequency: 'maand' });

  const expenseTemplates = [
    { description: 'Huur', category: 'huur', amount: cents(r, 450, 1100), frequency: 'maand' },
    { description: 'Energie', category: 'energie', amount: cents(r, 90, 260), frequency: 'maand' },
    { description: 'Water', category: 'water', amount: cents(r, 15, 40), frequency: 'maand' },
    { description: 'Gemeentelijke belastingen', category: 'gemeentelijke_belastingen', amount: cents(r, 40, 90), frequency: 'termijnen', instalments: 10 },
    { description: 'Zorgverzekering', category: 'zorgverzekering', amount: cents(r, 140, 320), frequency: 'maand' },
    { description: 'Aansprakelijkheids- en inboedelverzekering', category: 'verzekeringen', amount: cents(r, 12, 35), frequency: 'maand' },
    { description: 'Telefoon en internet', category: 'telefoon_internet', amount: cents(r, 30, 85), frequency: 'maand' },
    { description: 'Openbaar vervoer', category: 'vervoer', amount: cents(r, 20, 120), frequency: 'maand' },
    { description: 'Voeding', category: 'voeding', amount: cents(r, 60, 160), frequency: 'week' },
    { description: 'Kleding en schoenen', category: 'kleding', amount: cents(r, 40, 120), frequency: 'maand' },
    { description: 'Was- en schoonmaakmiddelen', category: 'huishouden', amount: cents(r, 15, 40), frequency: 'maand' },
    { description: 'Persoonlijke verzorging', category: 'persoonlijke_verzorging', amount: cents(r, 15, 50), frequency: 'maand' },
    { description: 'Schoolkosten', category: 'onderwijs', amount: cents(r, 50, 400), frequency: 'jaar' },
    { description: 'Sportclub kinderen', category: 'contributies', amount: cents(r, 60, 180), frequency: 'kwartaal' },
    { description: 'Kosten bewind', category: 'bewindskosten', amount: cents(r, 100, 140), frequency: 'maand' },
    { description: 'Inventaris', category: 'inventaris', amount: cents(r, 30, 90), frequency: 'maand' },
    { description: 'Niet-vergoede ziektekosten', category: 'ziektekosten', amount: cents(r, 10, 40), frequency: 'maand' },
  ] as const;
  // School and sports only with children, the bewindvoerder's fee only under bewind or budgetbeheer.
  const typeOfHelp = pick(r, ['beschermingsbewind', 'schuldhulpverlening', 'budgetbeheer'] as const);
  const fitting = expenseTemplates.filter(
    (e) => (childCount > 0 || (e.category !== 'onderwijs' && e.category !== 'contributies')) && (typeOfHelp !== 'schuldhulpverlening' || e.category !== 'bewindskosten'),
  );
  const expenseCount = Math.min(fitting.length, int(r, 8, 15));
  const expenses: DossierDataInput['expenses'] = fitting.slice(0, expenseCount).map((e) => ({ ...e }));

  const debtCount = int(r, 0, 12);
  const debts: DossierDataInput['debts'] = [];
  for (let i = 0; i < debtCount; i++) {
    const c = pick(r, CREDITORS);
    const saldo = cents(r, c.min, c.max);
    debts.push({
      creditor: c.name(city),
      collector: chance(r, 0.25) ? pick(r, COLLECTORS) : undefined,
      reference: `${pick(r, ['VB', 'DOS', 'NR', 'REF'])}-${int(r, 100000, 999999)}`,
      originalAmount: ((Math.round(Number(saldo) * 100) + int(r, 0, 30000)) / 100).toFixed(2),
      currentAmount: saldo,
      kind: c.preferent ? 'preferent' : 'concurrent',
      status: pick(r, ['open', 'open', 'open', 'in_onderzoek', 'betalingsregeling', 'betwist'] as const),
      since: isoDay(r, 2019, '2026-09-30'),
      creditorKind: c.kind,
      verification: pick(r, ['opgevraagd', 'ontvangen', 'gecontroleerd'] as const),
      ...(c.kind === 'zorgverzekeraar' ? { premiumArrears: { months: int(r, 1, 9), reportedToCak: false } } : {}),
    });
  }
  if (schemeFamily) {
    debts.push({
      creditor: 'Zorgverzekeraar Zuid',
      originalAmount: '900.00',
      currentAmount: `${600 + (n % 900)}.00`,
      kind: 'concurrent',
      status: 'open',
      creditorKind: 'zorgverzekeraar',
      premiumArrears: { months: 2 + (n % 8) },
    });
  }

  const status: DossierStatus = pick(r, ['aanmelding', 'stabilisatie', 'stabilisatie', 'schuldregeling', 'schuldregeling', 'nazorg', 'afgesloten']);
  const aanmelding = isoDay(r, 2023, '2026-06-30');
  const statusDates: Record<string, string> = { aanmelding };
  let last = aanmelding;
  for (const s of DOSSIER_STATUSES.slice(1, DOSSIER_STATUSES.indexOf(status) + 1)) {
    last = isoDay(r, 0, REFERENCE_DATE, last);
    statusDates[s] = last;
  }
  const notes = Array.from({ length: int(r, 1, 4) }, () => ({ text: pick(r, NOTES), author: pick(r, PROFESSIONALS) }));

  return {
    status,
    typeOfHelp,
    professional: pick(r, PROFESSIONALS),
    statusDates,
    fictitious: true,
    adults,
    children,
    address,
    ...(noAddress ? { addressKind: 'geen_woonadres' as const } : {}),
    contact: { phone: `06 ${int(r, 1000, 9999)} ${int(r, 1000, 9999)}`, email: chance(r, 0.6) ? `${adults[0]!.firstName.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '')}${n}@voorbeeld.example` : '' },
    bankAccounts,
    incomes,
    expenses,
    debts,
    notes,
  };
}

/** An interchange file (as text, the way a file arrives) holding households [from, to). */
export function interchangeText(seed: number, from: number, to: number, profile: VaultProfile = 'office'): string {
  const dossiers: DossierDataInput[] = [];
  for (let n = from; n < to; n++) dossiers.push(household(seed, n, profile));
  return JSON.stringify({ format: INTERCHANGE_FORMAT, version: 2, exportedAt: `${REFERENCE_DATE}T09:00:00.000Z`, dossiers });
}

// ---- vaults through the contract ----------------------------------------------------------------------

export async function call<T = unknown>(core: Core, name: string, input: unknown): Promise<T> {
  const env = await core.router.handle(name as never, input);
  if (!env.ok) throw new Error(`${name}: ${env.error.code} ${env.error.message} ${(env.error.issues ?? []).slice(0, 3).map((i) => `${i.path}: ${i.message}`).join('; ')}`);
  return env.value as T;
}

export interface GeneratedVault {
  /** Folder with the data folder and the vault (never used directly: the bench works on a copy). */
  dir: string;
  vaultFolder: string;
  size: number;
  seed: number;
  /** True when this run reused a vault generated earlier. */
  cached: boolean;
  meta: VaultMeta;
}

export interface VaultMeta {
  generatorVersion: number;
  schemaVersion: number;
  size: number;
  seed: number;
  generatedAt: string;
  /** Wall time of the whole generation, and of each `dossier.import` of 1,000 households in order. */
  totalMs: number;
  chunkMs: number[];
  /** CPU time of the same imports (on a shared machine the steadier figure). */
  chunkCpuMs?: number[];
}

/** 'office': a mixed case load; 'scheme': seven in ten families are candidates for the zorgpremie group scheme. */
export type VaultProfile = 'office' | 'scheme';

export interface GenerateOptions {
  size: number;
  seed: number;
  profile?: VaultProfile;
  /** Default: <tmp>/houvast-bench-cache. */
  cacheRoot?: string;
  /** Argon2id parameters; default the app's own (tests pass cheap ones). */
  kdf?: KdfParams;
  chunk?: number;
  onProgress?: (done: number, size: number, lastChunkMs: number, lastChunkCpuMs: number) => void;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function defaultCacheRoot(): string {
  return path.join(tmpdir(), 'houvast-bench-cache');
}

export const VAULT_FOLDER_NAME = 'bench.houvast';

/** The cached vault of this size and seed, generated first when there is none. */
export async function ensureVault(opts: GenerateOptions): Promise<GeneratedVault> {
  const root = opts.cacheRoot ?? defaultCacheRoot();
  const schemaVersion = migrations.length;
  const profile = opts.profile ?? 'office';
  // The migrations' own text in the key: a changed trigger or index (same schema number) is a new vault.
  const schemaHash = createHash('sha256')
    .update(migrations.map((m) => `${m.name}\n${m.up.toString()}`).join('\n'))
    .digest('hex')
    .slice(0, 8);
  const key = `v${GENERATOR_VERSION}-s${schemaVersion}-${schemaHash}-${profile}-${opts.size}-seed${opts.seed}${opts.kdf ? `-kdf${opts.kdf.memoryKiB}` : ''}`;
  const dir = path.join(root, key);
  const metaFile = path.join(dir, 'meta.json');
  if (existsSync(metaFile)) {
    const meta = JSON.parse(await readFile(metaFile, 'utf8')) as VaultMeta;
    return { dir, vaultFolder: path.join(dir, 'data', VAULT_FOLDER_NAME), size: opts.size, seed: opts.seed, cached: true, meta };
  }
  // Built under a temporary name and renamed when complete: an interrupted run never leaves a half vault in the cache.
  // Half-built vaults of runs that were stopped are swept here.
  for (const name of existsSync(root) ? await readdir(root) : []) {
    const pid = /\.building-(\d+)$/.exec(name)?.[1];
    if (pid && !processAlive(Number(pid))) await rm(path.join(root, name), { recursive: true, force: true });
  }
  const building = `${dir}.building-${process.pid}`;
  await rm(building, { recursive: true, force: true });
  await mkdir(path.join(building, 'data'), { recursive: true, mode: 0o700 });
  const started = performance.now();
  const core = await createCore({ dataDir: path.join(building, 'data'), resourcesDir: defaultResourcesDir(), logger: silentLogger, ...(opts.kdf ? { kdf: opts.kdf } : {}) });
  const chunkMs: number[] = [];
  const chunkCpuMs: number[] = [];
  try {
    await call(core, 'vault.create', { name: 'Benchmark', passphrase: BENCH_PASSPHRASE, path: path.join(building, 'data', VAULT_FOLDER_NAME), userName: 'Benchmark' });
    const chunk = opts.chunk ?? CHUNK;
    for (let from = 0; from < opts.size; from += chunk) {
      const text = interchangeText(opts.seed, from, Math.min(opts.size, from + chunk), profile);
      const t = performance.now();
      const cpu = process.cpuUsage();
      await call(core, 'dossier.import', { file: text, onDuplicate: 'copy' });
      const used = process.cpuUsage(cpu);
      // Activity, as a user importing file after file: on a loaded machine 100,000 take longer than the
      // 10-minute auto-lock, which locked the vault between two imports (session 6).
      await call(core, 'session.touch', {});
      chunkMs.push(performance.now() - t);
      chunkCpuMs.push((used.user + used.system) / 1000);
      opts.onProgress?.(Math.min(opts.size, from + chunk), opts.size, chunkMs.at(-1)!, chunkCpuMs.at(-1)!);
    }
    await call(core, 'vault.close', {});
  } finally {
    await core.dispose();
  }
  const meta: VaultMeta = {
    generatorVersion: GENERATOR_VERSION,
    schemaVersion,
    size: opts.size,
    seed: opts.seed,
    generatedAt: new Date().toISOString(),
    totalMs: performance.now() - started,
    chunkMs,
    chunkCpuMs,
  };
  await writeFile(path.join(building, 'meta.json'), JSON.stringify(meta, null, 2));
  await rm(dir, { recursive: true, force: true });
  await rename(building, dir);
  return { dir, vaultFolder: path.join(dir, 'data', VAULT_FOLDER_NAME), size: opts.size, seed: opts.seed, cached: false, meta };
}
