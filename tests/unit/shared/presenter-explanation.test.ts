// The shared presenter turns an explanation's machine values into what a person reads (issue 7): the expected
// texts are written out by hand from the nl-NL conventions (€ 1.234,56; 95 %; 0,95; 31-12-2026).
import { describe, expect, it } from 'vitest';
import { figureLabel } from '../../../src/shared/budget/norms';
import type { NormTable } from '../../../src/shared/budget/norms';
import { explanationText, inputKind, inputText, normFigureText, presentInputs, presentSource, sourceName } from '../../../src/shared/presenter';

describe('explanation inputs as shown', () => {
  it('amounts in euro, rounded to cents only for display, an unrounded one marked ≈', () => {
    expect(inputText('bijstandsnorm', '1419.46')).toBe('€ 1.419,46');
    expect(inputText('verschil', '-88.15')).toMatch(/^€\s?-88,15$|^-\s?€\s?88,15$/);
    expect(inputText('normpremie', '≈568.55232')).toBe('≈ € 568,55');
    expect(inputText('maximum per maand', '≈929.666667')).toBe('≈ € 929,67');
    expect(inputText('drempelinkomen', '29736.00')).toBe('€ 29.736,00');
  });

  it('factors as decimals, fractions as percentages, counts as whole numbers', () => {
    expect(inputKind('factor', '0.95')).toBe('factor');
    expect(inputText('factor', '0.95')).toBe('0,95');
    expect(inputText('lineaire factor (C)', '0.000123')).toBe('0,000123');
    // E, G and K of art. 475da lid 2 Rv are fractions: 0.1373 is 13,73 %.
    expect(inputText('E (zorgtoeslag, % boven de drempel)', '0.1373')).toBe('13,73 %');
    expect(inputText('E', '0.1373')).toBe('13,73 %');
    expect(inputText('G (afbouw meerpersoons)', '0.22')).toBe('22 %');
    expect(inputText('K (afbouw kindgebonden budget)', '0.076')).toBe('7,6 %');
    expect(inputText('afbouwpercentage', '0.0760')).toBe('7,6 %');
    expect(inputText('verzekerde volwassenen', 2)).toBe('2');
    expect(inputText('kinderen jonger dan 18', 0)).toBe('0');
  });

  it('dates, yes/no, nothing, and text with an amount in it', () => {
    expect(inputText('ingangsdatum', '2026-07-01')).toBe('01-07-2026');
    expect(inputText('woonkostenverhoging', true)).toBe('ja');
    expect(inputText('woonkostenverhoging', false)).toBe('nee');
    expect(inputText('belastbaar inkomen per jaar (C)', null)).toBe('—');
    expect(inputText('kind 1', '6-11 jaar: 120.78')).toBe('6-11 jaar: € 120,78');
    expect(inputText('kind 2', '12-17 jaar: ≈142.096667')).toBe('12-17 jaar: ≈ € 142,10');
    expect(inputText('huishouden', 'Alleenstaande ouder')).toBe('Alleenstaande ouder');
  });

  it('labels keep their words and get nl-NL numbers and dates', () => {
    expect(presentInputs({ '1. Loon (€ 2.190,35 per vier weken)': '2372.88', 'vanaf 2026-07-01': '1.00' })).toEqual([
      { label: '1. Loon (€ 2.190,35 per vier weken)', text: '€ 2.372,88' },
      { label: 'vanaf 01-07-2026', text: '€ 1,00' },
    ]);
  });
});

describe('free text of a rule', () => {
  it('amounts with a decimal point become euro; Dutch thousands groups and article numbers stay', () => {
    expect(explanationText('Stappen: 95 % van de norm (A) 1348.49; uitkomst ≈1348.487.')).toBe('Stappen: 95 % van de norm (A) € 1.348,49; uitkomst ≈ € 1.348,49.');
    expect(explanationText('SZW: drempelinkomen 29.736, afgerond')).toBe('SZW: drempelinkomen 29.736, afgerond');
    expect(explanationText('art. 475da lid 2 Rv, per 2027-01-01')).toBe('art. 475da lid 2 Rv, per 01-01-2027');
    expect(explanationText('D = 29.735,42')).toBe('D = 29.735,42');
  });
});

describe('norm table figures', () => {
  it('amounts in euro, rates and percentages of a table as percentages, ages as numbers', () => {
    expect(normFigureText('bijstandsnormen', 'age_21_to_aow.single.incl_holiday_pay', '1419.46')).toBe('€ 1.419,46');
    expect(normFigureText('beslagvrije_voet', 'formula.zorg_pct', '0.1373')).toBe('13,73 %');
    expect(normFigureText('beslagvrije_voet', 'formula.huur_afbouw_meerpersoons', '0.22')).toBe('22 %');
    expect(normFigureText('kindgebonden_budget', 'phase_out_rate', '0.0760')).toBe('7,6 %');
    expect(normFigureText('zorgverzekering', 'zorgtoeslag.normpremie_pct_single', '0.01912')).toBe('1,912 %');
    expect(normFigureText('bijstandsnormen', 'other.art_31_single_parent_exemption.percentage', '0.125')).toBe('12,5 %');
    expect(normFigureText('bijstandsnormen', 'other.art_31_work_income_exemption.months', '6')).toBe('6');
    expect(normFigureText('aow_leeftijd', 'age_years', '67')).toBe('67');
  });

  it('the label of a figure is Dutch, never the table key', () => {
    const table = {
      group: 'bijstandsnormen',
      figureLabels: {
        'age_21_to_aow.single': 'alleenstaande / alleenstaande ouder (21 jaar tot AOW-leeftijd)',
        institution: 'norm bij verblijf in een inrichting (art. 23 lid 1) en verhoging (art. 23 lid 2)',
      },
    } as unknown as NormTable;
    expect(figureLabel(table, 'age_21_to_aow.single.incl_holiday_pay')).toBe('Alleenstaande (ouder), 21 jaar tot AOW-leeftijd, incl. vakantietoeslag');
    expect(figureLabel(table, 'institution.supplement_couple')).toBe('Inrichting (art. 23), verhoging gehuwden (art. 23 lid 2)');
  });
});

describe('sources', () => {
  it('a readable name, the address and what the source says', () => {
    expect(sourceName('https://wetten.overheid.nl/BWBR0015703/2026-07-01')).toBe('Participatiewet (versie 01-07-2026)');
    expect(sourceName('https://www.svb.nl/nl/kinderbijslag/bedragen')).toBe('Sociale Verzekeringsbank (SVB)');
    expect(presentSource('https://wetten.overheid.nl/BWBR0001827/2026-01-01 (art. 475da Rv)')).toEqual({
      name: 'Wetboek van Burgerlijke Rechtsvordering (versie 01-01-2026)',
      url: 'https://wetten.overheid.nl/BWBR0001827/2026-01-01',
      note: 'art. 475da Rv',
    });
    expect(presentSource('Nibud-budgethandboek 2026')).toEqual({ name: 'Nibud-budgethandboek 2026', url: null, note: '' });
  });
});
