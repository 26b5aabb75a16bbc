// Why a typed amount is not an amount, with the way to write it ("296,- is geen bedrag: schrijf 296,00").
import { AMOUNT_PATTERN } from '../money';

export const AMOUNT_DECIMALS_ERROR = 'Vul een bedrag in met hoogstens twee decimalen.';
const EXAMPLE = 'bijvoorbeeld 1.234,56';
/** The largest amount AMOUNT_PATTERN allows (twelve digits before the point), as a Dutch user writes it. */
const MAX_AMOUNT = '999.999.999.999,99';

/** null when the value is a canonical amount ("1234.56"); otherwise the reason, in Dutch. */
export function amountProblem(value: string): string | null {
  if (AMOUNT_PATTERN.test(value)) return null;
  const s = value.trim();
  if (s === '') return `Vul een bedrag in, ${EXAMPLE}.`;
  // Long input is never repeated back: it is not a mistyped amount.
  const shown = s.length <= 20 ? s : null;
  // Canonical in shape but more than twelve digits before the point: too large, not mistyped.
  if (/^-?\d{13,}(\.\d{1,2})?$/.test(s)) return `Dit bedrag is te groot: een bedrag is hoogstens ${MAX_AMOUNT}.`;
  const whole = /^(-?\d{1,3}(?:\.\d{3})*|-?\d+),-{1,2}$/.exec(s);
  if (whole) return `${s} is geen bedrag: schrijf ${whole[1]},00`;
  // The form has already read "1.234" as thousands; what still has three digits after a separator has too many decimals.
  if (/^-?\d[\d.]*[.,]\d{3,}$/.test(s)) return AMOUNT_DECIMALS_ERROR;
  // Files hold machine amounts ("12.50"); a Dutch amount there ("12,50", "1.234,56") is named with the form it should take.
  const dutch = /^(-?\d+),(\d{1,2})$/.exec(s) ?? /^(-?[1-9]\d{0,2}(?:\.\d{3})+),(\d{1,2})$/.exec(s);
  if (dutch) {
    return `${s} is hier geen bedrag: schrijf ${dutch[1]!.replace(/\./g, '')}.${dutch[2]!.padEnd(2, '0')} (met een punt voor de centen)`;
  }
  if (/^-?\d{1,3}(,\d{3})+(\.\d{1,2})?$/.test(s)) {
    return `${s} is geen bedrag: gebruik een punt voor duizendtallen en een komma voor centen, ${EXAMPLE}`;
  }
  if (shown && /\d/.test(s)) return `${shown} is geen bedrag: gebruik alleen cijfers, een punt en een komma, ${EXAMPLE}`;
  return `Dit is geen bedrag: gebruik alleen cijfers, een punt en een komma, ${EXAMPLE}`;
}
