// Dutch display helpers for the budget plan PDF. Amounts go through formatEuro (half-up to cents at display);
// explanation inputs are decimal strings that are shown in nl-NL notation without changing their precision.
import type Decimal from 'decimal.js';
import { formatNlDate } from '../../../shared/dates';
import { euro as presentEuro } from '../../../shared/presenter';
import type { InputValue } from '../../../shared/budget/explain';
import { NORM_GROUP_LABELS, NORM_STATUS_LABELS, type NormGroup, type NormOrigin, type NormStatus } from '../../../shared/budget/norm-schema';

export const NOT_COMPUTABLE = 'niet te berekenen';
export const USER_SUPPLIED = 'door gebruiker ingevoerd';

/** "€ 1.234,56", or a Dutch "not computable" marker for a null figure: the shared presenter's formatting. */
export function euro(value: Decimal | string | null | undefined): string {
  return presentEuro(value);
}

/** "2026-07-01" -> "01-07-2026"; tolerates null. */
export function nlDate(iso: string | null | undefined): string {
  return iso ? formatNlDate(iso) : '—';
}

const DECIMAL_STRING = /^(≈)?(-)?(\d+)(?:\.(\d+))?$/;

/** Group thousands with "." and use "," as decimal separator, keeping every digit ("1419.46" -> "1.419,46"). */
export function nlDecimalString(s: string): string {
  const m = DECIMAL_STRING.exec(s);
  if (!m) return s;
  const [, approx = '', minus = '', int = '', frac] = m;
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${approx}${minus}${grouped}${frac !== undefined ? `,${frac}` : ''}`;
}

/** Amounts ("(1419.46 per maand)") and ISO dates inside free text in nl-NL notation. */
export function nlNumbersInText(text: string): string {
  return text
    .replace(/(?<![\d.])\d+\.\d+(?![\d.])/g, (x) => nlDecimalString(x))
    .replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, (_, y: string, m: string, d: string) => `${d}-${m}-${y}`);
}

export function inputValue(v: InputValue): string {
  if (v === null) return '—';
  if (typeof v === 'boolean') return v ? 'ja' : 'nee';
  if (typeof v === 'number') return String(v);
  return nlDecimalString(v);
}

export function statusLabel(status: NormStatus): string {
  return NORM_STATUS_LABELS[status];
}

export function originLabel(origin: NormOrigin): string {
  return origin === 'user' ? USER_SUPPLIED : 'meegeleverd met Houvast';
}

export function groupLabel(group: NormGroup): string {
  return NORM_GROUP_LABELS[group];
}

/** Source entries are "URL (description)" or free text; split off the URL so it can be a link. */
export function splitSource(source: string): { url: string | null; text: string } {
  const m = /(https?:\/\/[^\s)]+)/.exec(source);
  if (!m) return { url: null, text: source };
  return { url: m[1]!, text: source };
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
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return url;
  }
  const host = u.hostname.replace(/^www\./, '');
  if (host === 'wetten.overheid.nl') {
    const m = /\/(BWBR\d{7})(?:\/(\d{4}-\d{2}-\d{2}))?/.exec(u.pathname);
    if (m) {
      const law = LAWS[m[1]!] ?? `Wet ${m[1]}`;
      return m[2] ? `${law} (versie ${nlDate(m[2])})` : law;
    }
    return 'wetten.overheid.nl';
  }
  const site = Object.entries(SITES).find(([h]) => host === h || host.endsWith(`.${h}`));
  if (site) return site[1];
  return host;
}
