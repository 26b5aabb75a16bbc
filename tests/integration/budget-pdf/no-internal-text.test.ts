// Issue 7: no internal key, English word or machine-notation number reaches a person. Every demo household (and
// two that take the other branches of the rules: the BVV formula with a belastbaar inkomen, kostendelers, a
// stated BVV and VTLB corrections), on three dates (one with provisional norms), is computed with the real
// engine and norm tables; then every explanation as the screen shows it (the shared presenter), the CLI's text
// and the budget plan PDF's text are scanned. The machine values stay in the JSON (checked at the end).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatBudgetText } from '../../../src/cli/commands/budget';
import { renderBudgetPlanPdf } from '../../../src/core/budget/plan-pdf';
import { loadBundledNorms } from '../../../src/core/norms/load';
import { computeBudgetView } from '../../../src/core/services/budget';
import { parseInterchange } from '../../../src/core/services/interchange';
import type { Explanation } from '../../../src/shared/budget/explain';
import { budgetInputsSchema, type BudgetInputs } from '../../../src/shared/budget/inputs';
import type { NormSet } from '../../../src/shared/budget/norms';
import type { DossierData } from '../../../src/shared/dossier/schema';
import { explanationText, normFigureText, presentInputs, presentSource } from '../../../src/shared/presenter';
import { householdData, storedDossier } from '../../support/budget';
import { internalBits } from '../../support/internal-bits';
import { budgetInputs, extractPdf, RESOURCES, singleParentDossier } from './helpers';

const DATES = ['2026-03-01', '2026-11-01', '2027-02-15'];

interface Case {
  name: string;
  dossier: DossierData;
  inputs: BudgetInputs;
}

function demoCases(): Case[] {
  const dir = path.join(RESOURCES, 'demo');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const [dossier] = parseInterchange(JSON.parse(readFileSync(path.join(dir, f), 'utf8'))).dossiers;
      let inputs = budgetInputsSchema.parse({});
      try {
        inputs = budgetInputsSchema.parse(JSON.parse(readFileSync(path.join(dir, 'invoer', f), 'utf8')));
      } catch {
        // Most demo households have no budget inputs file.
      }
      return { name: f, dossier: dossier!, inputs };
    });
}

/** A couple with children, both earning, with a belastbaar inkomen (BVV formula: E, G, K), a housemate and a stated BVV. */
const FORMULA: Case = {
  name: 'gehuwden met kinderen, formule, kostendeler',
  dossier: householdData({
    adults: [
      { role: 'aanvrager', firstName: 'Fictief', lastName: 'Persoon', birthDate: '1985-05-01' },
      { role: 'partner', firstName: 'Fictief', lastName: 'Partner', birthDate: '1987-08-12' },
    ],
    children: [
      { firstName: 'Kind', lastName: 'Persoon', birthDate: '2012-03-01', livingInHousehold: true },
      { firstName: 'Kind', lastName: 'Persoon', birthDate: '2019-10-10', livingInHousehold: true },
    ],
    incomes: [
      { description: 'Loon', category: 'loon', amount: '2450.00', frequency: 'maand', personRole: 'aanvrager' },
      { description: 'Loon partner', category: 'loon', amount: '640.00', frequency: 'vierweken', personRole: 'partner' },
      { description: 'Kinderbijslag', category: 'kinderbijslag', amount: '620.00', frequency: 'kwartaal' },
    ],
    expenses: [
      { description: 'Huur', category: 'huur', amount: '980.00', frequency: 'maand' },
      { description: 'Zorgverzekering', category: 'zorgverzekering', amount: '310.00', frequency: 'maand' },
      { description: 'Boodschappen', category: 'voeding', amount: '160.00', frequency: 'week' },
    ],
  }),
  inputs: budgetInputsSchema.parse({
    belastbaarInkomenPerJaar: { aanvrager: '34000.00', partner: '8000.00' },
    kostendelers: 1,
    statedBvv: { amount: '2100.00', date: '2026-02-01', statedBy: 'Deurwaarder' },
    toetsingsinkomenPerJaar: '42000.00',
    vakantiegeld: { bedragPerJaar: '1600.00', maand: 5 },
    woonkostenverhoging: true,
  }),
};

const CASES: Case[] = [...demoCases(), { name: 'alleenstaande ouder met VTLB-correcties', dossier: singleParentDossier(), inputs: budgetInputs() }, FORMULA];

/** Every explanation in a result (figures, the household, BVV steps, VTLB lines, checks), wherever it sits. */
function explanations(node: unknown, out: { label: string; e: Explanation }[] = [], label = ''): { label: string; e: Explanation }[] {
  if (node === null || typeof node !== 'object') return out;
  if (Array.isArray(node)) {
    for (const x of node) explanations(x, out, label);
    return out;
  }
  const o = node as Record<string, unknown>;
  if (typeof o['rule'] === 'string' && o['inputs'] && Array.isArray(o['tables'])) {
    out.push({ label, e: o as unknown as Explanation });
    return out;
  }
  const own = typeof o['label'] === 'string' ? (o['label'] as string) : label;
  for (const v of Object.values(o)) if (typeof v === 'object') explanations(v, out, own);
  return out;
}

/** The explanation as the Toelichting on the screen shows it (the same presenter as the PDF and the CLI). */
function shown(label: string, e: Explanation): string {
  return [
    label,
    explanationText(e.rule),
    ...presentInputs(e.inputs).flatMap((i) => [i.label, i.text]),
    ...e.tables.flatMap((t) => [
      t.title,
      ...t.figures.flatMap((f) => [f.label, normFigureText(t.group, f.key, f.value)]),
      ...t.source.map(presentSource).flatMap((s) => [s.name, s.url ?? '', s.note]),
    ]),
  ].join('\n');
}

let norms: NormSet;
beforeAll(async () => {
  norms = await loadBundledNorms(RESOURCES);
});

describe('no internal key, English word or machine number in what people read (every demo household)', () => {
  it('covers the branches it is meant to: the BVV formula, kostendelers, provisional norms', () => {
    const { result } = computeBudgetView(FORMULA.dossier, FORMULA.inputs, norms, '2026-11-01');
    const all = explanations(result).map((x) => Object.keys(x.e.inputs).join('|')).join('|');
    expect(all).toContain('E (zorgtoeslag, % boven de drempel)');
    expect(all).toContain('G (afbouw meerpersoons)');
    expect(all).toContain('K (afbouw kindgebonden budget)');
    expect(computeBudgetView(FORMULA.dossier, FORMULA.inputs, norms, '2027-02-15').result.provisional).not.toBeNull();
  });

  it('the Toelichting of every figure, the warnings and the CLI text', () => {
    const seen: Record<string, string[]> = {};
    for (const c of CASES) {
      for (const date of DATES) {
        const { result, json } = computeBudgetView(c.dossier, c.inputs, norms, date);
        const list = explanations(result);
        expect(list.length).toBeGreaterThan(20);
        for (const { label, e } of list) {
          const bits = internalBits(shown(label, e));
          if (bits.length > 0) seen[`${c.name} ${date} Toelichting ${label}`] = [...new Set(bits)];
        }
        const warnings = internalBits([...result.warnings.map((w) => w.message), ...result.missingFigures.map((m) => m.message)].join('\n'));
        if (warnings.length > 0) seen[`${c.name} ${date} waarschuwingen`] = [...new Set(warnings)];
        const cli = internalBits(formatBudgetText(json));
        if (cli.length > 0) seen[`${c.name} ${date} CLI`] = [...new Set(cli)];
      }
    }
    expect(seen).toEqual({});
  });

  it('the budget plan PDF of every household', async () => {
    const seen: Record<string, string[]> = {};
    for (const [i, c] of CASES.entries()) {
      const date = DATES[i % DATES.length]!;
      const { result, projection } = computeBudgetView(c.dossier, c.inputs, norms, date);
      const dossier = storedDossier(c.dossier, { id: `d-${i}`, number: `2026-${String(i + 1).padStart(4, '0')}` });
      const pdf = await extractPdf(await renderBudgetPlanPdf({ dossier, result, projection, generatedAt: Date.UTC(2026, 10, 1, 9), generatedBy: 'Mirjam de Wit' }));
      const bits = internalBits(pdf.text);
      if (bits.length > 0) seen[`${c.name} ${date}`] = [...new Set(bits)];
    }
    expect(seen).toEqual({});
  }, 120_000);

  it('the CLI --json keeps the machine values and keys (docs/budget-json.md)', () => {
    const { json } = computeBudgetView(FORMULA.dossier, FORMULA.inputs, norms, '2026-11-01');
    const bvv = json.explanation['beslagvrijeVoet']!;
    // E of art. 475da lid 2 Rv for 2026 as the table publishes it: a fraction with a decimal point.
    expect(bvv.inputs['E (zorgtoeslag, % boven de drempel)']).toBe('0.1373');
    expect(bvv.tables.flatMap((t) => t.figures.map((f) => f.key))).toContain('formula.zorg_pct');
    expect(json.bijstandsnorm).toMatch(/^\d+\.\d{2}$/);
  });
});
