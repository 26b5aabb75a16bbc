// The explanation of a figure ("Toelichting") as Dutch text, for the screen, the PDF and the CLI alike (issue 7):
// input names and values, norm figures and sources in nl-NL notation. The engine keeps machine values (decimal
// strings such as "0.95" or "≈568.55232") in the explanation and the JSON; only what people read is formatted here.
import Decimal from 'decimal.js';
import { formatNlDate } from '../dates';
import { formatEuro } from '../money';
import type { InputValue } from '../budget/explain';
import { normFormField } from '../budget/norm-form';
import type { NormGroup } from '../budget/norm-schema';

/** How an explanation input is shown. */
export type InputKind = 'euro' | 'factor' | 'percent' | 'count' | 'date' | 'text';

const DECIMAL = /^(≈)?(-?\d+(?:\.\d+)?)$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The kind of an input, from its name: the engine writes factors ("factor", "lineaire factor (C)") and the
 * fractions of the BVV formula and the KGB afbouw ("E (zorgtoeslag, % boven de drempel)", "G (afbouw …)",
 * "K", "percentage", "afbouwpercentage") as plain decimals; every other decimal string is an amount in euro.
 */
export function inputKind(key: string, value: InputValue): InputKind {
  if (typeof value === 'number') return 'count';
  if (typeof value !== 'string') return 'text';
  if (ISO_DATE.test(value)) return 'date';
  if (!DECIMAL.test(value)) return 'text';
  if (/factor/i.test(key)) return 'factor';
  if (/^[EFGK](?: \(|$)/.test(key) || /percentage$/i.test(key)) return 'percent';
  return 'euro';
}

/** "1234.5678" -> "1.234,5678": nl-NL notation keeping every digit (factors, counts). */
export function nlNumber(value: Decimal | string | number): string {
  const s = new Decimal(value).toString();
  const [int = '', frac] = s.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return frac !== undefined ? `${grouped},${frac}` : grouped;
}

/** A fraction as a Dutch percentage: "0.1373" -> "13,73 %", "0.95" -> "95 %". */
export function percentOfFraction(value: Decimal | string): string {
  return `${nlNumber(new Decimal(value).times(100))} %`;
}

/** An amount from the engine: "1234.5" -> "€ 1.234,50"; an unrounded one ("≈568.55232") -> "≈ € 568,55". */
function euroText(raw: string): string {
  const m = DECIMAL.exec(raw);
  if (!m) return raw;
  return `${m[1] ? '≈ ' : ''}${formatEuro(m[2]!)}`;
}

/**
 * Free text from the engine (a rule, an input name, a note) in nl-NL notation: ISO dates as 31-12-2026, amounts
 * with a decimal point ("≈120.783333", "1348.49") as euro rounded to cents. The engine writes amounts in its
 * texts with formatEuro; this is the safety net for the ones that still carry the machine notation.
 */
export function explanationText(text: string): string {
  return text
    .replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, (_m, y: string, mo: string, d: string) => `${d}-${mo}-${y}`)
    .replace(/(≈\s?)?(?<![\d.,])(-?\d+\.\d+)(?![\d.,]*\d)/g, (m, approx: string | undefined, num: string) =>
      // "29.736" without ≈ is a Dutch thousands group (as in a source's description), not an amount.
      !approx && /^-?\d{1,3}(\.\d{3})+$/.test(num) ? m : euroText(`${approx ? '≈' : ''}${num}`),
    );
}

/** One input value as shown: "€ 1.234,56", "≈ € 120,78", "95 %", "0,95", "31-12-2026", "ja", "—". */
export function inputText(key: string, value: InputValue): string {
  if (value === null) return '—';
  if (typeof value === 'boolean') return value ? 'ja' : 'nee';
  switch (inputKind(key, value)) {
    case 'count':
      return nlNumber(value as number);
    case 'date':
      return formatNlDate(value as string);
    case 'factor':
      return nlNumber((value as string).replace('≈', ''));
    case 'percent':
      return percentOfFraction((value as string).replace('≈', ''));
    case 'euro':
      return euroText(value as string);
    default:
      return explanationText(String(value));
  }
}

export interface PresentedInput {
  label: string;
  text: string;
}

/** The inputs of an explanation in their order, each with a Dutch label and its value as shown. */
export function presentInputs(inputs: Readonly<Record<string, InputValue>>): PresentedInput[] {
  return Object.entries(inputs).map(([k, v]) => ({ label: explanationText(k), text: inputText(k, v) }));
}

/**
 * A figure of a norm table: amounts in euro; fractions (percentages, afbouw, rates) as percentages; months,
 * ages and counts as plain numbers.
 */
export function normFigureText(group: NormGroup | string, name: string, value: string): string {
  if (!DECIMAL.test(value)) return value;
  if (/(^|[._])(pct|percentage|rate|fraction)($|[._])|afbouw/.test(name)) return percentOfFraction(value);
  if (group === 'aow_leeftijd' || /months|age_years|age_extra/.test(name)) return nlNumber(value);
  return euroText(value);
}

/** The Dutch label of a norm figure (the norm-entry form's wording), for a table reference without one. */
export function normFigureLabel(group: NormGroup, name: string, tableLabel: string): string {
  return normFormField(group, name, tableLabel).label;
}

/** Laws on wetten.overheid.nl by their BWB id, so a source reads as a name rather than a code. */
const LAWS: Record<string, string> = {
  BWBR0015703: 'Participatiewet',
  BWBR0001827: 'Wetboek van Burgerlijke Rechtsvordering',
  BWBR0002368: 'Algemene Kinderbijslagwet',
  BWBR0022751: 'Wet op het kindgebonden budget',
  BWBR0018451: 'Wet op de zorgtoeslag',
  BWBR0018450: 'Zorgverzekeringswet',
  BWBR0008659: 'Wet op de huurtoeslag',
  BWBR0002221: 'Algemene Ouderdomswet',
  BWBR0050536: 'Regeling standaardpremie zorgverzekering',
};
const SITES: Record<string, string> = {
  'rijksoverheid.nl': 'Rijksoverheid',
  'svb.nl': 'Sociale Verzekeringsbank (SVB)',
  'belastingdienst.nl': 'Belastingdienst',
  'toeslagen.nl': 'Dienst Toeslagen',
  'nibud.nl': 'Nibud',
  'nvvk.nl': 'NVVK',
  'cak.nl': 'CAK',
  'uwv.nl': 'UWV',
  'cbs.nl': 'CBS',
};

/** A readable Dutch name for a source URL: "Participatiewet (versie 01-07-2026)", "Rijksoverheid", else the site. */
export function sourceName(url: string): string {
  const m = /^https?:\/\/([^/?#\s]+)([^?#\s]*)/.exec(url);
  if (!m) return url;
  const host = m[1]!.toLowerCase().replace(/^www\./, '');
  if (host === 'wetten.overheid.nl') {
    const law = /\/(BWBR\d{7})(?:\/(\d{4}-\d{2}-\d{2}))?/.exec(m[2] ?? '');
    if (law) {
      const name = LAWS[law[1]!] ?? `Wet ${law[1]}`;
      return law[2] ? `${name} (versie ${formatNlDate(law[2])})` : name;
    }
    return 'wetten.overheid.nl';
  }
  const site = Object.entries(SITES).find(([h]) => host === h || host.endsWith(`.${h}`));
  return site ? site[1] : host;
}

export interface PresentedSource {
  /** "Participatiewet (versie 01-07-2026)"; the whole text for a source without a URL. */
  name: string;
  url: string | null;
  /** What the source says beside its URL, in nl-NL notation ("", when nothing). */
  note: string;
}

/** A source entry ("URL (description)" or free text) as a readable name, its URL and the description. */
export function presentSource(source: string): PresentedSource {
  const m = /(https?:\/\/[^\s)]+)/.exec(source);
  if (!m) return { name: explanationText(source), url: null, note: '' };
  const url = m[1]!;
  const rest = source
    .replace(url, '')
    .trim()
    .replace(/^\((.*)\)$/s, '$1')
    .trim();
  return { name: sourceName(url), url, note: explanationText(rest) };
}
