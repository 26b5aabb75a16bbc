// The verifier's own copy of the code lists per dimension and level (hierarchy version 2026.1). Written
// separately from the exporter's hierarchies on purpose: a mistake in one is caught by the other
// (tests/unit/systeemfouten/verifier.test.ts compares the two lists).
export const VERIFIER_HIERARCHY_VERSION = '2026.1';

const groups = ['M1', 'M2', 'M3', 'M4', 'M5', 'M6', 'M7', 'M8', 'M9', 'M10', 'M11', 'M12'];
const subcodes = [
  'M1.1', 'M1.2', 'M1.3', 'M1.9', 'M2.1', 'M2.2', 'M2.3', 'M2.9', 'M3.1', 'M3.2', 'M3.3', 'M3.9', 'M4.1', 'M4.2', 'M4.9',
  'M5.1', 'M5.2', 'M5.9', 'M6.1', 'M6.2', 'M6.9', 'M7.1', 'M7.2', 'M7.9', 'M8.1', 'M8.2', 'M8.9', 'M9.1', 'M9.2', 'M9.9',
  'M10.1', 'M10.9', 'M11.1', 'M11.9', 'M12.1', 'M12.9',
];

/** Per dimension: the codes allowed at L0, L1, ... (the last level is always the single "*"). */
export const LEVEL_CODES: Record<string, string[][]> = {
  category: [subcodes, groups, ['*']],
  organisation: [
    ['belastingdienst', 'toeslagen', 'uwv', 'svb', 'cak', 'cjib', 'duo', 'lbio', 'rvig', 'rdw', 'rechtspraak', 'gemeente',
      'zorgverzekeraar', 'energie', 'water', 'verhuurder', 'deurwaarder', 'bank', 'krediet', 'telecom', 'overig'],
    ['sector:rijk', 'sector:gemeente', 'sector:zorgverzekeraar', 'sector:nuts', 'sector:wonen', 'sector:incasso',
      'sector:bank_krediet', 'sector:telecom', 'sector:overig'],
    ['publiek', 'privaat'],
    ['*'],
  ],
  region: [
    ['PV20', 'PV21', 'PV22', 'PV23', 'PV24', 'PV25', 'PV26', 'PV27', 'PV28', 'PV29', 'PV30', 'PV31', 'PVONB'],
    ['LD01', 'LD02', 'LD03', 'LD04', 'LDONB'],
    ['*'],
  ],
  householdType: [['eenouder', 'tweeouder', 'overig'], ['*']],
  minors: [['1', '2', '3', '4+'], ['1-2', '3+'], ['*']],
  youngestAge: [['0-3', '4-11', '12-17'], ['0-11', '12-17'], ['*']],
  impact: [['lt250', '250-999', '1000-4999', '5000-19999', 'ge20000', 'onb'], ['lt1000', '1000-4999', 'ge5000', 'onb'], ['*']],
  shortfall: [['lt50', '50-149', '150-299', 'ge300', 'onb'], ['lt150', 'ge150', 'onb'], ['*']],
  effect: [
    ['geen', 'materieel', 'school', 'nieuwe_schulden', 'stress', 'afsluiting', 'ontruiming', 'jeugdzorg'],
    ['geen', 'matig', 'ernstig'],
    ['*'],
  ],
  route: [['geen', 'contact', 'klacht', 'bezwaar', 'ombudsman', 'pmm', 'mfo', 'stellateam', 'rechter'], ['*']],
  result: [['nvt', 'loopt', 'opgelost', 'deels', 'niet_opgelost'], ['*']],
};

/** The n.n.b. buckets of the category at sub-code level. */
export const CATEGORY_GROUP_BUCKETS = groups.map((g) => `${g}.nnb`);

export const EXPECTED_TABLES: [string, string[]][] = [
  ['T0', ['category']],
  ['T1', ['category', 'organisation']],
  ['T2', ['category', 'region']],
  ['T3', ['category', 'householdType', 'minors']],
  ['T4', ['category', 'youngestAge']],
  ['T5a', ['category', 'impact']],
  ['T5b', ['category', 'shortfall']],
  ['T6', ['category', 'effect']],
  ['T7', ['category', 'route', 'result']],
];
