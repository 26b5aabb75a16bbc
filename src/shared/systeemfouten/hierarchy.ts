// The generalisation hierarchies of the anonymised report (SYSTEEMFOUTEN.md 2.3): for every dimension a
// list of levels, each a total map from the finest (L0) code to the code at that level. Levels are nested
// partitions ending in the single node "*". "nnb" (niet nader bekend) is the bucket small cells move up into;
// for the category at sub-code level the bucket of an M-group is "<group>.nnb".
import {
  EFFECTS,
  INSTANTIES,
  MECHANISMS,
  MECHANISM_GROUPS,
  PROVINCES,
  LANDSDELEN,
  ROUTES,
  ROUTE_RESULTS,
  SECTORS,
  VOCABULARY_VERSION,
} from '../signals/vocabulary';

export const HIERARCHY_VERSION = VOCABULARY_VERSION;
export const TOP = '*';
export const NNB = 'nnb';

export const DIMENSIONS = [
  'category',
  'organisation',
  'region',
  'householdType',
  'minors',
  'youngestAge',
  'impact',
  'shortfall',
  'effect',
  'route',
  'result',
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export interface Hierarchy {
  /** L0 codes, in display order. */
  codes: readonly string[];
  /** levels[i] maps an L0 code to its code at level i (levels[0] is the identity). */
  levels: readonly Record<string, string>[];
  /** Dutch labels of every code at every level. */
  labels: Record<string, string>;
  /** Dutch name of the dimension and of each level. */
  name: string;
  levelNames: readonly string[];
}

function build(name: string, levelNames: string[], rows: { code: string; label: string; up: string[] }[], extraLabels: Record<string, string>): Hierarchy {
  const codes = rows.map((r) => r.code);
  const levels: Record<string, string>[] = [Object.fromEntries(codes.map((c) => [c, c]))];
  for (let i = 0; i < levelNames.length - 1; i++) levels.push(Object.fromEntries(rows.map((r) => [r.code, r.up[i]!])));
  const labels: Record<string, string> = { [TOP]: 'Alle', [NNB]: 'n.n.b.', ...extraLabels };
  for (const r of rows) labels[r.code] = r.label;
  return { name, codes, levels, labels, levelNames };
}

const sectorOf = Object.fromEntries(SECTORS.map((s) => [s.code, s]));

export const HIERARCHIES: Record<Dimension, Hierarchy> = {
  category: build(
    'Mechanisme',
    ['subcode', 'M-groep', 'alle'],
    MECHANISMS.map((m) => ({ code: m.code, label: `${m.code} ${m.label}`, up: [m.group, TOP] })),
    Object.fromEntries([
      ...MECHANISM_GROUPS.map((g) => [g.code, `${g.code} ${g.label}`]),
      ...MECHANISM_GROUPS.map((g) => [`${g.code}.nnb`, `${g.code} ${g.label}, n.n.b.`]),
    ]),
  ),
  organisation: build(
    'Instantie',
    ['organisatie', 'sector', 'publiek/privaat', 'alle'],
    INSTANTIES.map((i) => ({ code: i.code, label: i.label, up: [`sector:${i.sector}`, sectorOf[i.sector]!.publicSector, TOP] })),
    Object.fromEntries([...SECTORS.map((s) => [`sector:${s.code}`, s.label]), ['publiek', 'Publiek'], ['privaat', 'Privaat']]),
  ),
  region: build(
    'Regio',
    ['provincie', 'landsdeel', 'Nederland'],
    [
      ...PROVINCES.map((p) => ({ code: p.code, label: p.label, up: [p.landsdeel, TOP] })),
      { code: 'PVONB', label: 'Provincie onbekend', up: ['LDONB', TOP] },
    ],
    Object.fromEntries([...LANDSDELEN.map((l) => [l.code, l.label]), ['LDONB', 'Landsdeel onbekend']]),
  ),
  householdType: build(
    'Huishouden',
    ['type', 'alle'],
    [
      { code: 'eenouder', label: 'Eenoudergezin', up: [TOP] },
      { code: 'tweeouder', label: 'Tweeoudergezin', up: [TOP] },
      { code: 'overig', label: 'Ander huishouden', up: [TOP] },
    ],
    {},
  ),
  minors: build(
    'Minderjarigen',
    ['aantal', 'band', 'alle'],
    [
      { code: '1', label: '1 kind', up: ['1-2', TOP] },
      { code: '2', label: '2 kinderen', up: ['1-2', TOP] },
      { code: '3', label: '3 kinderen', up: ['3+', TOP] },
      { code: '4+', label: '4 of meer kinderen', up: ['3+', TOP] },
    ],
    { '1-2': '1 of 2 kinderen', '3+': '3 of meer kinderen' },
  ),
  youngestAge: build(
    'Leeftijd jongste kind',
    ['drie banden', 'twee banden', 'alle'],
    [
      { code: '0-3', label: '0-3 jaar', up: ['0-11', TOP] },
      { code: '4-11', label: '4-11 jaar', up: ['0-11', TOP] },
      { code: '12-17', label: '12-17 jaar', up: ['12-17', TOP] },
    ],
    { '0-11': '0-11 jaar' },
  ),
  impact: build(
    'Financiële schade (eenmalig)',
    ['vijf banden', 'drie banden', 'alle'],
    [
      { code: 'lt250', label: 'minder dan € 250', up: ['lt1000', TOP] },
      { code: '250-999', label: '€ 250 - € 999', up: ['lt1000', TOP] },
      { code: '1000-4999', label: '€ 1.000 - € 4.999', up: ['1000-4999', TOP] },
      { code: '5000-19999', label: '€ 5.000 - € 19.999', up: ['ge5000', TOP] },
      { code: 'ge20000', label: '€ 20.000 of meer', up: ['ge5000', TOP] },
      { code: 'onb', label: 'onbekend', up: ['onb', TOP] },
    ],
    { lt1000: 'minder dan € 1.000', ge5000: '€ 5.000 of meer' },
  ),
  shortfall: build(
    'Maandelijks tekort onder het minimum',
    ['vier banden', 'twee banden', 'alle'],
    [
      { code: 'lt50', label: 'minder dan € 50', up: ['lt150', TOP] },
      { code: '50-149', label: '€ 50 - € 149', up: ['lt150', TOP] },
      { code: '150-299', label: '€ 150 - € 299', up: ['ge150', TOP] },
      { code: 'ge300', label: '€ 300 of meer', up: ['ge150', TOP] },
      { code: 'onb', label: 'onbekend', up: ['onb', TOP] },
    ],
    { lt150: 'minder dan € 150', ge150: '€ 150 of meer' },
  ),
  effect: build(
    'Gevolg voor huishouden en kinderen',
    ['gevolg', 'ernst', 'alle'],
    EFFECTS.map((e) => ({ code: e.code, label: e.label, up: [e.severity, TOP] })),
    { matig: 'Matig', ernstig: 'Ernstig' },
  ),
  route: build('Geprobeerde route', ['route', 'alle'], ROUTES.map((r) => ({ code: r.code, label: r.label, up: [TOP] })), {}),
  result: build('Resultaat', ['resultaat', 'alle'], ROUTE_RESULTS.map((r) => ({ code: r.code, label: r.label, up: [TOP] })), {}),
};

/** Level index per dimension. */
export type Levels = Record<Dimension, number>;

export const START_LEVELS: Levels = Object.fromEntries(DIMENSIONS.map((d) => [d, 0])) as Levels;

export function topLevel(d: Dimension): number {
  return HIERARCHIES[d].levels.length - 1;
}

/** The agreed ladder: one dimension coarsened one level per step, amounts first, category (to M-group) late. */
export const LADDER: readonly Dimension[] = [
  'impact',
  'shortfall',
  'youngestAge',
  'minors',
  'impact',
  'shortfall',
  'organisation',
  'region',
  'youngestAge',
  'minors',
  'householdType',
  'result',
  'route',
  'region',
  'organisation',
  'effect',
  'category',
  'organisation',
  'effect',
];
// The category climbs only to the M-group: a report without mechanisms is worthless, so what still fails
// then is recoded upward or refused (unallocated above the budget), never published as "*".


/** The fixed table set (SYSTEEMFOUTEN.md 2.1). T6 and T7 may hold a household in several cells of a row. */
export const TABLES = [
  { id: 'T0', dims: ['category'] },
  { id: 'T1', dims: ['category', 'organisation'] },
  { id: 'T2', dims: ['category', 'region'] },
  { id: 'T3', dims: ['category', 'householdType', 'minors'] },
  { id: 'T4', dims: ['category', 'youngestAge'] },
  { id: 'T5a', dims: ['category', 'impact'] },
  { id: 'T5b', dims: ['category', 'shortfall'] },
  { id: 'T6', dims: ['category', 'effect'] },
  { id: 'T7', dims: ['category', 'route', 'result'] },
] as const satisfies readonly { id: string; dims: readonly Dimension[] }[];
export type TableId = (typeof TABLES)[number]['id'];

export const TABLE_TITLES: Record<TableId, string> = {
  T0: 'Huishoudens per mechanisme',
  T1: 'Mechanisme naar instantie',
  T2: 'Mechanisme naar regio',
  T3: 'Mechanisme naar huishouden en aantal kinderen',
  T4: 'Mechanisme naar leeftijd jongste kind',
  T5a: 'Mechanisme naar eenmalige financiële schade',
  T5b: 'Mechanisme naar maandelijks tekort',
  T6: 'Mechanisme naar gevolg voor huishouden en kinderen',
  T7: 'Mechanisme naar geprobeerde route en resultaat',
};

/** The n.n.b. bucket one step up for a category code at sub-code level ("M1.2" -> "M1.nnb"), else "nnb". */
export function categoryBucket(code: string, level: number): string {
  if (level === 0 && code !== NNB && !code.endsWith('.nnb')) return `${HIERARCHIES.category.levels[1]![code]}.nnb`;
  return NNB;
}

/** Label of a code in a dimension (n.n.b. buckets included). */
export function labelOf(d: Dimension, code: string): string {
  return HIERARCHIES[d].labels[code] ?? code;
}
