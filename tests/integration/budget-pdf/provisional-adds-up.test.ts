// The budget plan PDF on a date after the last bundled norm table (issue 7: voorlopig, marked on every norm-based
// figure) and its "Zo telt het op" section from the shared presenter (issue 6 part 3), read back with pdfjs-dist.
import { beforeAll, describe, expect, it } from 'vitest';
import { renderBudgetPlanPdf } from '../../../src/core/budget/plan-pdf';
import { loadBundledNorms } from '../../../src/core/norms/load';
import { computeBudget, type BudgetResult } from '../../../src/shared/budget/engine';
import { toBudgetJson } from '../../../src/shared/budget/json';
import type { NormSet } from '../../../src/shared/budget/norms';
import { projectBudget } from '../../../src/shared/budget/projection';
import { budgetSections } from '../../../src/shared/presenter';
import { budgetInputs, extractPdf, RESOURCES, singleParentDossier, squash, type ExtractedPdf } from './helpers';

let norms: NormSet;
let result: BudgetResult;
let extracted: ExtractedPdf;
const dossier = singleParentDossier();
const has = (needle: string) => squash(extracted.text).includes(squash(needle));

beforeAll(async () => {
  norms = await loadBundledNorms(RESOURCES);
  result = computeBudget(dossier, budgetInputs(), norms, '2027-03-01');
  const projection = projectBudget(dossier, budgetInputs(), norms, '2027-03-01');
  const pdf = await renderBudgetPlanPdf({ dossier, result, projection, generatedAt: Date.UTC(2027, 2, 1, 9), generatedBy: 'Mirjam de Wit' });
  extracted = await extractPdf(pdf);
});

describe('budget plan PDF with provisional norms (peildatum 01-03-2027)', () => {
  it('says on page 1 that the norms per 01-01-2027 are not published and computes with the 2026-07 figures', () => {
    expect(squash(extracted.pages[0]!)).toContain(squash('Voorlopig: de normen per 01-01-2027 zijn nog niet gepubliceerd'));
    // Alleenstaande ouder, art. 21 a per 2026-07-01: 1419.46, marked provisional.
    expect(has('€ 1.419,46 *')).toBe(true);
  });

  it('shows every presenter section with its parts and total, as the screen and the CLI do', () => {
    expect(has('Zo telt het op')).toBe(true);
    for (const s of budgetSections(toBudgetJson(result))) {
      expect(has(s.title), s.title).toBe(true);
      for (const r of s.rows) expect(has(r.text), `${s.title}: ${r.label} ${r.text}`).toBe(true);
    }
  });

  it('lists the entitlement checks', () => {
    expect(has('Toeslagen en kinderregelingen: verwacht tegenover ontvangen')).toBe(true);
    expect(has('Zorgtoeslag')).toBe(true);
  });

  it('prints all 24 months; months without norms keep income and saldo and say "normen nog niet bekend"', () => {
    // From 2027-07 no table covers the month, not even provisionally.
    expect(has('07-2027')).toBe(true);
    expect(has('02-2029')).toBe(true);
    expect(has('normen nog niet bekend')).toBe(true);
  });
});
