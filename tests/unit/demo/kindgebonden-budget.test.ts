// The demo households are fictitious but must be lawful: a kindgebonden budget above what the law gives would
// teach a professional the wrong figure. Amounts by hand from RULES.md f.2 (2026: 2,580 per child, supplement
// 724 for a child of 12-15 from the month after the 12th birthday, ALO-kop 3,416 for a single parent; no afbouw
// below the drempelinkomen, and both families live on bijstand).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

function kgbLine(file: string) {
  const text = readFileSync(path.join(__dirname, '../../../resources/demo', file), 'utf8');
  const dossier = (JSON.parse(text) as { dossiers: { incomes: { category: string; amount: string; frequency: string; startDate?: string }[]; children: { birthDate: string }[] }[] }).dossiers[0]!;
  return { line: dossier.incomes.find((i) => i.category === 'kindgebonden_budget')!, children: dossier.children.map((c) => c.birthDate) };
}

describe('demo kindgebonden budget (2026)', () => {
  it('demo 08: two children of 10 and 5, single parent: 2 x 2,580 + 3,416 = 8,576 a year', () => {
    const { line, children } = kgbLine('08-bewind-zorgpremie-regeling.json');
    expect(children).toEqual(['2016-04-30', '2020-12-12']);
    expect(line).toMatchObject({ amount: '8576.00', frequency: 'jaar', startDate: '2026-01-01' });
  });

  it('demo 09: children of 13 and 9, single parent: 2 x 2,580 + 724 + 3,416 = 9,300 a year', () => {
    const { line, children } = kgbLine('09-nul-aanbod.json');
    expect(children).toEqual(['2013-07-19', '2017-03-03']);
    expect(line).toMatchObject({ amount: '9300.00', frequency: 'jaar', startDate: '2026-01-01' });
  });
});
