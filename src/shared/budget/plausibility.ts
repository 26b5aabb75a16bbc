// Plausibility of a budget (issue 6 part 6): essential lines that are missing and a surplus that is implausibly
// large for the household, each a warning that names what to check; and the vakantiegeld reservation per month.
import type Decimal from 'decimal.js';
import type { ExpenseCategory } from '../dossier/categories';
import { formatEuro, Money, roundCents } from '../money';
import { figure, type BudgetWarning, type Figure } from './explain';

/** Essential costs every household has (Nibud vaste lasten and huishoudelijke uitgaven), by what to look for. */
const ESSENTIALS: { label: string; categories: ExpenseCategory[]; needsHome: boolean }[] = [
  { label: 'huur of hypotheek', categories: ['huur', 'hypotheek'], needsHome: true },
  { label: 'energie', categories: ['energie'], needsHome: true },
  { label: 'zorgverzekering', categories: ['zorgverzekering'], needsHome: false },
  { label: 'voeding', categories: ['voeding'], needsHome: false },
];

/**
 * A surplus counts as implausibly large above both € 250 and 20 % of the income per month: a household living
 * near the bijstandsnorm rarely keeps that much after all costs, so usually a cost is missing or an income is
 * counted twice. (Our threshold; no published norm.)
 */
export const SURPLUS_MIN = new Money('250.00');
export const SURPLUS_FRACTION = new Money('0.20');

export function plausibilityWarnings(args: {
  countedExpenseCategories: readonly string[];
  fixedAddress: boolean;
  income: Decimal;
  saldo: Decimal;
}): BudgetWarning[] {
  const out: BudgetWarning[] = [];
  const have = new Set(args.countedExpenseCategories);
  const missing = ESSENTIALS.filter((e) => (args.fixedAddress || !e.needsHome) && !e.categories.some((c) => have.has(c))).map((e) => e.label);
  if (missing.length > 0) {
    out.push({
      code: 'PLAUSIBILITEIT_ONTBREKENDE_POSTEN',
      message:
        `Controleer de uitgaven: er staat geen ${missing.join(', ').replace(/, ([^,]*)$/, ' en $1')} in het budget. ` +
        'Vul het bedrag in, of leg vast waarom het ontbreekt (bijvoorbeeld betaald door een ander of ingehouden op de uitkering).',
      figure: 'uitgavenPerMaand',
    });
  }
  const limit = roundCents(args.income.times(SURPLUS_FRACTION));
  const threshold = limit.greaterThan(SURPLUS_MIN) ? limit : SURPLUS_MIN;
  if (args.saldo.greaterThan(threshold)) {
    out.push({
      code: 'PLAUSIBILITEIT_GROOT_OVERSCHOT',
      message:
        `Controleer het budget: het overschot van ${formatEuro(args.saldo)} per maand is groot voor dit huishouden (meer dan ${formatEuro(threshold)}, ` +
        'het grootste van € 250 en 20 % van het inkomen). Ontbreken er uitgaven (reserveringen, verzekeringen, aflossingen, school, vervoer), ' +
        'staat een inkomen dubbel of wordt een toeslag of uitkering teruggevorderd?',
      figure: 'saldoPerMaand',
    });
  }
  return out;
}

/** The vakantiegeld reservation per month: the yearly amount (input) / 12, rounded once; 0 without an input. */
export function vakantiegeldReservation(v: { bedragPerJaar: string; maand: number } | null | undefined): Figure {
  if (!v) {
    return figure('Vakantiegeld: reservering per maand', new Money(0), 'Geen vakantiegeld ingevuld bij "Gegevens voor de berekening".', {});
  }
  const monthly = roundCents(new Money(v.bedragPerJaar).dividedBy(12));
  return figure(
    'Vakantiegeld: reservering per maand',
    monthly,
    'Vakantiegeld per jaar / 12, half-up afgerond op centen. Het komt in één keer binnen in de gekozen maand (zie de vooruitblik); ' +
      'reserveer het per maand en geef het niet uit als leefgeld.',
    { 'vakantiegeld per jaar': new Money(v.bedragPerJaar).toFixed(2), 'maand van uitbetaling': v.maand },
  );
}
