// The Dutch norm-entry form (issue 7): readable labels and sections for the figures of a norm period instead of
// internal keys, and the "copy and index by x %" helper. Pure: used by the renderer and its tests.
import type Decimal from 'decimal.js';
import { Money, roundCents } from '../money';
import type { NormGroup } from './norm-schema';

export interface NormFormField {
  name: string;
  label: string;
  section: string;
  /** Money amounts follow an indexation; percentages, fractions, ages and counts do not. */
  indexable: boolean;
}

export interface NormFormSection {
  title: string;
  fields: NormFormField[];
}

const SUFFIX: Record<string, string> = {
  incl_holiday_pay: 'incl. vakantietoeslag',
  excl_holiday_pay: 'excl. vakantietoeslag',
  holiday_pay: 'vakantietoeslag',
  amount: '',
  max_per_month: 'maximaal per maand',
  max_per_year: 'maximaal per jaar',
  percentage: 'percentage',
  months: 'aantal maanden',
  fraction: 'deel van de gehuwdennorm',
  with_children: 'met kinderen',
  without_children: 'zonder kinderen',
  single: 'alleenstaande (ouder)',
  couple: 'gehuwden',
  supplement_single: 'verhoging alleenstaande (ouder) (art. 23 lid 2)',
  supplement_couple: 'verhoging gehuwden (art. 23 lid 2)',
  amount_per_year: 'bedrag per jaar',
  income_limit_per_year: 'inkomensgrens per jaar',
  aow_age_max_per_month: 'AOW-leeftijd, maximaal per maand',
  aow_age_percentage: 'AOW-leeftijd, percentage',
  below_aow_age_max_months: 'onder de AOW-leeftijd, maximaal aantal maanden',
  below_aow_age_percentage: 'onder de AOW-leeftijd, percentage',
  medical_hours_limited_percentage: 'medisch urenbeperkt, percentage',
};

/** Bijstandsnormen: the household and age group in words, as the law and the published tables name them. */
const BIJSTAND_PREFIX: [string, string, string][] = [
  ['age_21_to_aow.single', '21 jaar tot AOW-leeftijd', 'Alleenstaande (ouder), 21 jaar tot AOW-leeftijd'],
  ['age_21_to_aow.couple', '21 jaar tot AOW-leeftijd', 'Gehuwden / samenwonenden, beiden 21 jaar tot AOW-leeftijd'],
  ['aow_age.single', 'AOW-leeftijd', 'Alleenstaande (ouder), AOW-leeftijd'],
  ['aow_age.couple_one_aow_other_21plus', 'AOW-leeftijd', 'Gehuwden, één AOW-leeftijd en één 21 jaar of ouder'],
  ['aow_age.couple', 'AOW-leeftijd', 'Gehuwden, beiden AOW-leeftijd'],
  ['age_18_to_20.single', '18 t/m 20 jaar', 'Alleenstaande (ouder), 18 t/m 20 jaar'],
  ['age_18_to_20.couple_both_18_20_no_children', '18 t/m 20 jaar', 'Gehuwden, beiden 18 t/m 20 jaar, zonder kinderen'],
  ['age_18_to_20.couple_both_18_20_with_children', '18 t/m 20 jaar', 'Gehuwden, beiden 18 t/m 20 jaar, met kinderen'],
  ['age_18_to_20.couple_one_18_20_one_21plus_no_children', '18 t/m 20 jaar', 'Gehuwden, één 18 t/m 20 en één 21 jaar of ouder, zonder kinderen'],
  ['age_18_to_20.couple_one_18_20_one_21plus_with_children', '18 t/m 20 jaar', 'Gehuwden, één 18 t/m 20 en één 21 jaar of ouder, met kinderen'],
  ['age_18_to_20_supplement_no_parental_support', '18 t/m 20 jaar', 'Verhoging 18 t/m 20 jaar zonder steun van de ouders (art. 20 lid 3)'],
  ['young_partner_with_cost_sharers', 'Kostendelers', 'Partner van 18 t/m 20 jaar met kostendelers (art. 22a lid 3)'],
  ['cost_sharer_per_person', 'Kostendelers', 'Kostendelersnorm per persoon, aantal kostendelers'],
  ['institution', 'Verblijf in een inrichting', 'Inrichting (art. 23)'],
  ['reduction_no_housing_costs', 'Overige bedragen', 'Verlaging bij geen woonkosten (10 % van de gehuwdennorm)'],
];

const NOT_INDEXED = /(percentage|fraction|_pct|rate|months|age_years|age_extra_months)/;

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function suffixLabel(rest: string): string {
  if (rest === '') return '';
  return rest
    .split('.')
    .map((p) => SUFFIX[p] ?? p.replace(/_/g, ' '))
    .filter(Boolean)
    .join(', ');
}

/**
 * One figure as a form field: Dutch label and section. `tableLabel` is the label from the norm table
 * (figureLabels, Dutch for the prefix), used for groups without their own wording here.
 */
export function normFormField(group: NormGroup, name: string, tableLabel: string): NormFormField {
  const indexable = group !== 'aow_leeftijd' && !NOT_INDEXED.test(name);
  if (group === 'bijstandsnormen') {
    const hit = BIJSTAND_PREFIX.find(([p]) => name === p || name.startsWith(`${p}.`));
    if (hit) {
      const [p, section, label] = hit;
      const rest = name === p ? '' : name.slice(p.length + 1);
      const suffix = p === 'cost_sharer_per_person' ? `${rest} personen` : suffixLabel(rest);
      return { name, section, label: suffix ? `${label}, ${suffix}` : label, indexable };
    }
  }
  // Other groups (and other.* bijstand figures): the table's Dutch prefix label, the technical rest in words.
  const m = /^(.*) \(([a-z0-9_.]+)\)$/.exec(tableLabel);
  const label = m ? `${m[1]}, ${suffixLabel(m[2]!)}`.replace(/, $/, '') : tableLabel === name ? suffixLabel(name) : tableLabel;
  const section = group === 'bijstandsnormen' ? 'Overige bedragen' : group === 'beslagvrije_voet' && name.startsWith('formula.') ? 'Parameters van de formule' : 'Bedragen';
  return { name, section, label: capitalise(label), indexable };
}

/** The fields grouped in sections, in a stable order: sections as first met, fields in the table's order. */
export function normFormSections(group: NormGroup, figures: readonly { name: string; label: string }[]): NormFormSection[] {
  const order = group === 'bijstandsnormen' ? ['21 jaar tot AOW-leeftijd', 'AOW-leeftijd', '18 t/m 20 jaar', 'Kostendelers', 'Verblijf in een inrichting', 'Overige bedragen'] : [];
  const sections = new Map<string, NormFormField[]>();
  for (const s of order) sections.set(s, []);
  for (const f of figures) {
    const field = normFormField(group, f.name, f.label);
    if (!sections.has(field.section)) sections.set(field.section, []);
    sections.get(field.section)!.push(field);
  }
  return [...sections.entries()].filter(([, fs]) => fs.length > 0).map(([title, fields]) => ({ title, fields }));
}

/** "2,5" / "2.5" / "-1" → Decimal percentage, or null when it is not a percentage between -50 and 50. */
export function parsePercentage(input: string): Decimal | null {
  const s = input.trim().replace('%', '').trim().replace(',', '.');
  if (!/^-?\d{1,2}(\.\d{1,4})?$/.test(s)) return null;
  const d = new Money(s);
  return d.abs().greaterThan(50) ? null : d;
}

/**
 * An amount raised by an indexation percentage: value × (1 + pct / 100), half-up to cents. The published new
 * norms are rounded the same way from the unrounded indexation, so check them against the publication.
 */
export function indexAmount(value: string, pct: Decimal): string {
  return roundCents(new Money(value).times(new Money(100).plus(pct)).dividedBy(100)).toFixed(2);
}
