// One vakantiegeld figure for the whole budget (issue 6, second pass). The source is the dossier: income lines
// that are paid once a year (frequency "per jaar", beslagbaar: vakantiegeld, vakantietoeslag, eindejaarsuitkering).
// They count in the monthly income as 1/12 each; the same lines give the leefgeld reservation, the payment in the
// vakantiegeld month of the projection and the vakantiegeld share of the afloscapaciteit (and so the pot of an
// arrangement). The budget input `vakantiegeld.bedragPerJaar` is only an override, with a reason: how much of
// those yearly payments comes in once a year (at most what they hold).
import type Decimal from 'decimal.js';
import { formatEuro, Money, roundCents, sum, ZERO } from '../money';
import { INCOME_CATEGORY_LABELS, type IncomeCategory } from '../dossier/categories';
import type { Frequency } from '../frequency';
import { explains, figure, fmt, NO_INPUTS, type Figure, type InputValue } from './explain';
import type { BudgetInputs, BeslagOp } from './inputs';

export const MONTH_NAMES = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** Default month of payment (most employers and the gemeente pay in May). */
export const DEFAULT_VAKANTIEGELD_MAAND = 5;

interface Line {
  index: number;
  amount: string;
  category: IncomeCategory;
  frequency: Frequency;
  attachable: boolean;
  treatment: string;
  counted: boolean;
  monthly: Decimal;
}

export interface VakantiegeldSource {
  /** 'dossier': the yearly income lines; 'opgegeven': the override of the budget inputs; 'geen': neither. */
  bron: 'dossier' | 'opgegeven' | 'geen';
  /** Month of payment, 1-12. */
  maand: number;
  /** Household amount per year as paid in the vakantiegeld month (the yearly lines' amounts, or the override). */
  perJaar: Decimal;
  /** Reserved per month: the sum of the yearly lines' monthly amounts (already in cents), or the override / 12 rounded once. */
  reservering: Figure;
  /** The debtor's part per month, for the vakantiegeld share of the afloscapaciteit. */
  schuldenaarPerMaand: Decimal;
  /** Labels of the dossier lines used (for the explanations), e.g. "2. Loon". */
  posten: string[];
  schuldenaarPosten: string[];
}

/** A dossier income line paid once a year: frequency "per jaar", beslagbaar income (no toeslag, no cost allowance). */
export function isYearlyPayment(l: Line): boolean {
  return l.counted && l.treatment === 'inkomen' && l.attachable && l.frequency === 'jaar';
}

const label = (l: Line) => `${l.index + 1}. ${INCOME_CATEGORY_LABELS[l.category]}`;

/**
 * The one vakantiegeld figure. `personOf(index)` gives the adult a dossier income line belongs to (lines without
 * one count as the aanvrager's, as in the beslagvrije voet).
 */
export function vakantiegeldSource(
  lines: readonly Line[],
  personOf: (index: number) => 'aanvrager' | 'partner',
  input: BudgetInputs['vakantiegeld'] | undefined,
  beslagOp: BeslagOp,
  warn: (code: string, message: string, fig?: string) => void,
): VakantiegeldSource {
  const maand = input?.maand ?? DEFAULT_VAKANTIEGELD_MAAND;
  const yearly = lines.filter(isYearlyPayment);
  const debtorLines = yearly.filter((l) => beslagOp === 'huishouden' || personOf(l.index) === beslagOp);
  const fromLines = sum(yearly.map((l) => l.monthly));
  const posten = yearly.map(label);
  const schuldenaarPosten = debtorLines.map(label);
  const monthName = MONTH_NAMES[maand - 1]!;
  const override = input?.bedragPerJaar ?? null;
  // Figures only (explain.ts): the inputs appear in the explanation alone.
  const words = explains();
  const inputs: Record<string, InputValue> = !words
    ? NO_INPUTS
    : {
        'jaarlijkse posten in het dossier': posten.join('; ') || 'geen',
        'per maand in het inkomen': fmt(fromLines),
        'maand van uitbetaling': monthName,
      };
  if (override !== null) {
    // The override says how much of the dossier's yearly payments comes in once a year (e.g. 0 when the employer
    // pays the vakantiegeld monthly). It can never exceed what the income holds: that would reserve money the
    // budget does not count.
    const asked = new Money(override);
    const linesYear = sum(yearly.map((l) => new Money(l.amount)));
    const perJaar = asked.greaterThan(linesYear) ? linesYear : asked;
    const askedMonthly = roundCents(perJaar.dividedBy(12));
    const monthly = askedMonthly.greaterThan(fromLines) ? fromLines : askedMonthly;
    const debtorLines0 = sum(debtorLines.map((l) => l.monthly));
    const reden = input?.reden ?? '';
    if (asked.greaterThan(linesYear)) {
      warn(
        'VAKANTIEGELD_NIET_IN_DOSSIER',
        `Bij de budgetgegevens staat vakantiegeld van ${formatEuro(asked)} per jaar, maar het dossier heeft ${yearly.length === 0 ? 'geen inkomen per jaar' : `maar ${formatEuro(linesYear)} aan inkomen per jaar`}. ` +
          'Het vakantiegeld telt alleen mee als het als inkomenspost "per jaar" in het dossier staat (bij de persoon die het ontvangt): voeg het daar toe ' +
          `en haal het bedrag bij de budgetgegevens weg. Gerekend is met ${formatEuro(perJaar)} per jaar.`,
        'vakantiegeldReserveringPerMaand',
      );
    }
    return {
      bron: 'opgegeven',
      maand,
      perJaar,
      reservering: figure(
        'Vakantiegeld: reservering per maand',
        monthly,
        `Opgegeven deel van de jaarlijkse inkomsten dat in één keer binnenkomt, per jaar / 12, half-up afgerond op centen; ten hoogste wat het dossier als inkomen per jaar heeft. Reden: ${reden} ` +
          `Het komt in één keer binnen in ${monthName} (zie de vooruitblik); reserveer het per maand en geef het niet uit als leefgeld.`,
        words ? { ...inputs, 'opgegeven vakantiegeld per jaar': asked.toFixed(2), 'gebruikt per jaar': perJaar.toFixed(2), reden } : NO_INPUTS,
      ),
      schuldenaarPerMaand: beslagOp === 'huishouden' || monthly.lessThan(debtorLines0) ? monthly : debtorLines0,
      posten,
      schuldenaarPosten: [`opgegeven vakantiegeld (${reden})`],
    };
  }
  if (yearly.length === 0) {
    return {
      bron: 'geen',
      maand,
      perJaar: ZERO,
      reservering: figure(
        'Vakantiegeld: reservering per maand',
        ZERO,
        'Geen vakantiegeld: het dossier heeft geen inkomen dat één keer per jaar wordt betaald. Voeg het vakantiegeld toe als inkomenspost "per jaar" ' +
          '(netto bedrag, bij de persoon die het ontvangt).',
        inputs,
      ),
      schuldenaarPerMaand: ZERO,
      posten,
      schuldenaarPosten,
    };
  }
  return {
    bron: 'dossier',
    maand,
    perJaar: sum(yearly.map((l) => new Money(l.amount))),
    reservering: figure(
      'Vakantiegeld: reservering per maand',
      fromLines,
      'Uit het dossier: de inkomsten die één keer per jaar worden betaald (vakantiegeld, vakantietoeslag, eindejaarsuitkering; frequentie "per jaar"), ' +
        `elk per jaar / 12 en afgerond op centen, opgeteld. Ze tellen zo mee in het maandinkomen, maar komen in één keer binnen in ${monthName} ` +
        '(zie de vooruitblik): reserveer dit bedrag per maand en geef het niet uit als leefgeld.',
      inputs,
    ),
    schuldenaarPerMaand: sum(debtorLines.map((l) => l.monthly)),
    posten,
    schuldenaarPosten,
  };
}
