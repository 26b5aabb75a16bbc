// The budget plan PDF, rendered from a realistic dossier with the real engine and the real bundled norm tables,
// then read back with pdfjs-dist: content, formatting, explanations, warnings and metadata without personal data.
import { beforeAll, describe, expect, it } from 'vitest';
import { renderBudgetPlanPdf, budgetPlanFileName } from '../../../src/core/budget/plan-pdf';
import { loadBundledNorms } from '../../../src/core/norms/load';
import { computeBudget, type BudgetResult } from '../../../src/shared/budget/engine';
import type { NormSet } from '../../../src/shared/budget/norms';
import { projectBudget } from '../../../src/shared/budget/projection';
import { formatNlDate, formatNlDateTime } from '../../../src/shared/dates';
import { formatEuro } from '../../../src/shared/money';
import { BSN, budgetInputs, extractPdf, RESOURCES, singleParentDossier, squash, userBijstandsnormenFile, type ExtractedPdf } from './helpers';

const REFERENCE_DATE = '2026-07-15';
const GENERATED_AT = Date.UTC(2026, 6, 15, 9, 30);
const GENERATED_BY = 'Mirjam de Wit';

let norms: NormSet;
let result: BudgetResult;
let pdf: Buffer;
let extracted: ExtractedPdf;
const dossier = singleParentDossier();

const has = (needle: string) => squash(extracted.text).includes(squash(needle));

beforeAll(async () => {
  norms = await loadBundledNorms(RESOURCES);
  result = computeBudget(dossier, budgetInputs(), norms, REFERENCE_DATE);
  pdf = await renderBudgetPlanPdf({ dossier, result, generatedAt: GENERATED_AT, generatedBy: GENERATED_BY });
  extracted = await extractPdf(pdf);
});

describe('budget plan PDF (single parent, two children, bijstand)', () => {
  it('is a PDF with several pages numbered "Pagina x van n"', () => {
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const n = extracted.pages.length;
    expect(n).toBeGreaterThan(1);
    extracted.pages.forEach((p, i) => expect(squash(p)).toContain(squash(`Pagina ${i + 1} van ${n}`)));
  });

  it('has the title, dossier number, reference date and generation time', () => {
    expect(extracted.pages[0]).toContain('Budgetplan');
    expect(has(dossier.number)).toBe(true);
    expect(has(formatNlDate(REFERENCE_DATE))).toBe(true);
    expect(has(formatNlDateTime(GENERATED_AT))).toBe(true);
    expect(has(GENERATED_BY)).toBe(true);
  });

  it('shows the figures exactly as the engine computed them, formatted nl-NL', () => {
    // Sanity on the scenario itself, so the assertions below test real numbers.
    expect(result.household.type).toBe('alleenstaande_ouder');
    expect(result.afloscapaciteit.value).not.toBeNull();
    // Bijstand with rent 925.00 and huurtoeslag 395.00: the VTLB's correctie individuele lasten (net rent above the
    // basishuur) lifts the VTLB above the income, so the afloscapaciteit is 0 (nul-aanbod), still printed as € 0,00.
    expect(result.afloscapaciteit.value!.isZero()).toBe(true);
    for (const f of [
      result.bijstandsnorm,
      result.bijstandsnormExclVakantietoeslag,
      result.beslagvrijeVoet,
      result.vtlb.total,
      result.afloscapaciteit,
      result.income.total,
      result.budget.expensesTotal,
      result.budget.saldo,
      result.budget.leefgeldPerWeek,
      result.children.kinderbijslagExpected,
    ]) {
      expect(has(formatEuro(f.value!)), `${f.label} ${formatEuro(f.value!)}`).toBe(true);
    }
    // The key figures appear on page 1.
    expect(squash(extracted.pages[0]!)).toContain(squash(formatEuro(result.afloscapaciteit.value!)));
    expect(squash(extracted.pages[0]!)).toContain(squash(formatEuro(result.bijstandsnorm.value!)));
    // Dutch notation, not "1419.46".
    expect(extracted.text).not.toContain(result.bijstandsnorm.value!.toFixed(2));
  });

  it('lists the household with names, ages and living situation', () => {
    expect(has('Alleenstaande ouder')).toBe(true);
    for (const p of [...dossier.adults, ...dossier.children]) expect(has(`${p.firstName} ${p.lastName}`)).toBe(true);
    expect(has('35 jaar')).toBe(true); // aanvrager, born 1991-04-12, on 2026-07-15
    expect(has('Woont thuis')).toBe(true);
  });

  it('lists income and expense lines with Nibud groups and subtotals', () => {
    for (const i of dossier.incomes) expect(has(i.description), i.description).toBe(true);
    expect(has('telt niet mee op de peildatum')).toBe(true); // alimentatie ended before the reference date
    for (const e of dossier.expenses) expect(has(e.description), e.description).toBe(true);
    for (const label of ['Vaste lasten', 'Reserveringsuitgaven', 'Huishoudelijke uitgaven']) expect(has(`Subtotaal ${label.toLowerCase()}`)).toBe(true);
    expect(has(formatEuro(result.budget.expensesByGroup.vaste_lasten.value!))).toBe(true);
    expect(has(formatEuro(result.income.attachable.value!))).toBe(true);
    expect(has(formatEuro(result.income.nonAttachable.value!))).toBe(true);
  });

  it('shows VTLB correction lines with their notes', () => {
    for (const l of result.vtlb.lines) expect(has(l.figure.label), l.figure.label).toBe(true);
    expect(has('Huur hoger dan de fictieve woonlasten')).toBe(true);
  });

  it('prints every warning prominently', () => {
    const codes = result.warnings.map((w) => w.code);
    expect(codes).toContain('MOGELIJK_NIET_GEBRUIK_KINDERBIJSLAG');
    expect(codes).toContain('TEKORT');
    expect(has(`Let op: ${result.warnings.length} waarschuwingen`)).toBe(true);
    for (const w of result.warnings) {
      expect(squash(extracted.pages[0]!), w.code).toContain(squash(w.message));
    }
  });

  it('explains figures with rule, norm table period, status and source URL', () => {
    const ref = result.bijstandsnorm.explanation.tables[0]!;
    expect(ref.periodStart).toBe('2026-07-01');
    expect(has(`${formatNlDate(ref.periodStart)} t/m ${formatNlDate(ref.periodEnd)}`)).toBe(true);
    const url = ref.source.map((s) => /(https?:\/\/[^\s)]+)/.exec(s)?.[1]).find(Boolean)!;
    expect(url).toMatch(/^https:\/\//);
    expect(has(url)).toBe(true);
    expect(has('Bijlage: hoe de bedragen zijn berekend')).toBe(true);
    expect(has(result.afloscapaciteit.explanation.rule)).toBe(true);
    // Sources as readable names with their URL.
    expect(has(`Participatiewet (versie ${formatNlDate(ref.periodStart)}): ${url}`)).toBe(true);
    expect(has('officieel')).toBe(true);
    expect(has('meegeleverd met Houvast')).toBe(true);
    // Footer names the norm periods used.
    expect(squash(extracted.pages.at(-1)!)).toContain(squash(`Bijstandsnormen ${formatNlDate(ref.periodStart)}`));
    // Bundled norms only: nothing is marked as user-supplied.
    expect(has('door gebruiker ingevoerd')).toBe(false);
  });

  it('keeps personal data out of the PDF metadata, and the BSN out of the whole document', () => {
    expect(extracted.info['Title']).toBe(`Budgetplan ${dossier.number}`);
    for (const key of ['Author', 'Subject', 'Keywords']) expect(extracted.info[key] ?? '').toBe('');
    const meta = JSON.stringify(extracted.info) + (extracted.metadata ?? '');
    for (const secret of [BSN, 'Sanne', 'Jansen', 'Noah', 'Lotte', GENERATED_BY, 'Lindelaan', '3512']) expect(meta).not.toContain(secret);
    expect(extracted.text).not.toContain(BSN);
    expect(pdf.toString('latin1')).not.toContain(BSN);
  });

  it('offers a safe file name', () => {
    expect(budgetPlanFileName('2026/0042 x', REFERENCE_DATE)).toBe('budgetplan-2026_0042_x-2026-07-15.pdf');
  });
});

describe('budget plan PDF with user-supplied norms and a projection', () => {
  it('marks user-supplied norm tables "door gebruiker ingevoerd" and prints the projection', async () => {
    const userNorms = await loadBundledNorms(RESOURCES, [await userBijstandsnormenFile('2026-07-01')]);
    const inputs = budgetInputs();
    const r = computeBudget(dossier, inputs, userNorms, REFERENCE_DATE);
    expect(r.bijstandsnorm.explanation.tables[0]!.origin).toBe('user');
    const projection = projectBudget(dossier, inputs, userNorms, REFERENCE_DATE);
    const out = await extractPdf(await renderBudgetPlanPdf({ dossier, result: r, generatedAt: GENERATED_AT, generatedBy: GENERATED_BY, projection }));
    const text = squash(out.text);
    expect(text).toContain(squash('Normbedragen door gebruiker ingevoerd'));
    expect(text).toContain(squash('Bijstandsnormen 01-07-2026 t/m 31-12-2026 officieel door gebruiker ingevoerd'));
    expect(squash(out.pages.at(-1)!)).toContain(squash('Bijstandsnormen 01-07-2026 (door gebruiker ingevoerd)'));
    expect(text).toContain(squash('Vooruitblik 24 maanden'));
    const first = projection.months[0]!;
    expect(text).toContain(squash(`${first.month.slice(5)}-${first.month.slice(0, 4)}`));
  });

  it('shows "niet te berekenen" for a figure the engine could not compute', async () => {
    // Income above the norm without the belastbaar inkomen: BVV, VTLB and afloscapaciteit are null (engine asks for it).
    const rich = { ...dossier, incomes: [{ description: 'Loon werkgever', category: 'loon' as const, amount: '2600.00', frequency: 'maand' as const }] };
    const r = computeBudget(rich, budgetInputs(), norms, REFERENCE_DATE);
    expect(r.beslagvrijeVoet.value).toBeNull();
    expect(r.afloscapaciteit.value).toBeNull();
    const out = await extractPdf(await renderBudgetPlanPdf({ dossier: rich, result: r, generatedAt: GENERATED_AT, generatedBy: GENERATED_BY }));
    expect(squash(out.text)).toContain(squash('niet te berekenen'));
    expect(squash(out.pages[0]!)).toContain(squash(r.warnings.find((w) => w.code === 'BVV_BELASTBAAR_INKOMEN_NODIG')!.message));
    expect(squash(out.text)).toContain(squash(formatEuro(r.beslagvrijeVoet.lowerBound!.value!)));
  });
});
