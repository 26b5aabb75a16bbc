// Income and expense categories. Expense categories follow Nibud's structure (RULES.md §g);
// income categories say whether the income is attachable (toeslagen and child benefits are not).

export const INCOME_CATEGORIES = [
  'loon',
  'uitkering_participatiewet',
  'uitkering_uwv',
  'aow_pensioen',
  'alimentatie',
  'zorgtoeslag',
  'huurtoeslag',
  'kindgebonden_budget',
  'kinderbijslag',
  'overig',
  // --- household as it really is (issue 6 part 4) ---
  'partneralimentatie',
  'kinderalimentatie',
  'pleegvergoeding',
  'bijzondere_bijstand',
  'pgb',
  'kinderopvangtoeslag',
] as const;
export type IncomeCategory = (typeof INCOME_CATEGORIES)[number];

export const INCOME_CATEGORY_LABELS: Record<IncomeCategory, string> = {
  loon: 'Loon',
  uitkering_participatiewet: 'Bijstandsuitkering (Participatiewet)',
  uitkering_uwv: 'Uitkering UWV (WW, WIA, Wajong, ZW)',
  aow_pensioen: 'AOW of pensioen',
  alimentatie: 'Alimentatie ontvangen (soort niet opgegeven)',
  zorgtoeslag: 'Zorgtoeslag',
  huurtoeslag: 'Huurtoeslag',
  kindgebonden_budget: 'Kindgebonden budget',
  kinderbijslag: 'Kinderbijslag',
  overig: 'Overig inkomen',
  partneralimentatie: 'Partneralimentatie (ontvangen)',
  kinderalimentatie: 'Kinderalimentatie (ontvangen)',
  pleegvergoeding: 'Pleegvergoeding',
  bijzondere_bijstand: 'Bijzondere bijstand',
  pgb: 'Persoonsgebonden budget (pgb)',
  kinderopvangtoeslag: 'Kinderopvangtoeslag',
};

/** Toeslagen and child benefits are not attachable by ordinary creditors (RULES.md §b.1 step 8). */
export const NON_ATTACHABLE_INCOME: ReadonlySet<IncomeCategory> = new Set([
  'zorgtoeslag',
  'huurtoeslag',
  'kindgebonden_budget',
  'kinderbijslag',
  'kinderopvangtoeslag',
  'kinderalimentatie',
  'pleegvergoeding',
  'bijzondere_bijstand',
  'pgb',
]);

/**
 * Money that comes in to pay for specific costs, not income: a pleegvergoeding pays for the foster child,
 * bijzondere bijstand for the cost it was granted for, a pgb for the care bought with it. It is neither
 * income for the bijstandsnorm or the beslagvrije voet nor attachable; it only counts in the monthly saldo,
 * against the costs it covers.
 */
export const COST_ALLOWANCE_INCOME: ReadonlySet<IncomeCategory> = new Set(['pleegvergoeding', 'bijzondere_bijstand', 'pgb']);

export type IncomeTreatment = 'inkomen' | 'kostenvergoeding';
export const incomeTreatment = (c: IncomeCategory): IncomeTreatment => (COST_ALLOWANCE_INCOME.has(c) ? 'kostenvergoeding' : 'inkomen');

export const NIBUD_GROUPS = ['vaste_lasten', 'reserveringsuitgaven', 'huishoudelijke_uitgaven'] as const;
export type NibudGroup = (typeof NIBUD_GROUPS)[number];

export const NIBUD_GROUP_LABELS: Record<NibudGroup, string> = {
  vaste_lasten: 'Vaste lasten',
  reserveringsuitgaven: 'Reserveringsuitgaven',
  huishoudelijke_uitgaven: 'Huishoudelijke uitgaven',
};

export const EXPENSE_CATEGORY_GROUP = {
  huur: 'vaste_lasten',
  hypotheek: 'vaste_lasten',
  energie: 'vaste_lasten',
  water: 'vaste_lasten',
  gemeentelijke_belastingen: 'vaste_lasten',
  zorgverzekering: 'vaste_lasten',
  verzekeringen: 'vaste_lasten',
  telefoon_internet: 'vaste_lasten',
  vervoer: 'vaste_lasten',
  kinderopvang: 'vaste_lasten',
  onderwijs: 'vaste_lasten',
  contributies: 'vaste_lasten',
  aflossingen: 'vaste_lasten',
  // --- household as it really is (issue 6 part 4) ---
  alimentatie_betaald: 'vaste_lasten',
  bewindskosten: 'vaste_lasten',
  eigen_bijdrage_wmo_cak: 'vaste_lasten',
  kleding: 'reserveringsuitgaven',
  inventaris: 'reserveringsuitgaven',
  onderhoud: 'reserveringsuitgaven',
  ziektekosten: 'reserveringsuitgaven',
  vrije_tijd: 'reserveringsuitgaven',
  voeding: 'huishoudelijke_uitgaven',
  huishouden: 'huishoudelijke_uitgaven',
  persoonlijke_verzorging: 'huishoudelijke_uitgaven',
  diversen: 'huishoudelijke_uitgaven',
} as const satisfies Record<string, NibudGroup>;

export type ExpenseCategory = keyof typeof EXPENSE_CATEGORY_GROUP;
export const EXPENSE_CATEGORIES = Object.keys(EXPENSE_CATEGORY_GROUP) as [ExpenseCategory, ...ExpenseCategory[]];

export const EXPENSE_CATEGORY_LABELS: Record<ExpenseCategory, string> = {
  huur: 'Huur',
  hypotheek: 'Hypotheek',
  energie: 'Energie',
  water: 'Water',
  gemeentelijke_belastingen: 'Gemeentelijke belastingen',
  zorgverzekering: 'Zorgverzekering',
  verzekeringen: 'Overige verzekeringen',
  telefoon_internet: 'Telefoon en internet',
  vervoer: 'Vervoer',
  kinderopvang: 'Kinderopvang',
  onderwijs: 'Onderwijs en school',
  contributies: 'Contributies en abonnementen',
  aflossingen: 'Aflossingen',
  alimentatie_betaald: 'Alimentatie (betaald)',
  bewindskosten: 'Kosten bewind of budgetbeheer',
  eigen_bijdrage_wmo_cak: 'Eigen bijdrage Wmo / CAK',
  kleding: 'Kleding en schoenen',
  inventaris: 'Inventaris',
  onderhoud: 'Onderhoud huis en tuin',
  ziektekosten: 'Niet-vergoede ziektekosten',
  vrije_tijd: 'Vrije tijd en vakantie',
  voeding: 'Voeding',
  huishouden: 'Was- en schoonmaakmiddelen',
  persoonlijke_verzorging: 'Persoonlijke verzorging',
  diversen: 'Diversen',
};

/** Alimentatie paid is an expense and, in a debt arrangement, a correction on the VTLB (RULES.md c.1). */
export const VTLB_CORRECTION_EXPENSES: ReadonlySet<ExpenseCategory> = new Set(['alimentatie_betaald']);
