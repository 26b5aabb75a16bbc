// Helpers for the budget plan PDF tests: a realistic dossier, the real bundled norm tables and text extraction
// with pdfjs-dist (legacy build, runs in Node).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { validateNormFile } from '../../../src/core/norms/load';
import type { Dossier } from '../../../src/shared/dossier/schema';
import { budgetInputsSchema, type BudgetInputs } from '../../../src/shared/budget/inputs';
import type { NormFile } from '../../../src/shared/budget/norm-schema';
import { householdData, RESOURCES, storedDossier } from '../../support/budget';

export { RESOURCES };

/** A valid BSN (11-proef) that must never reach the PDF. */
export const BSN = '111222333';

/**
 * Fictitious single parent (bijstand) with two children at home, rent and the usual costs; receives less
 * kinderbijslag than expected and runs a shortfall, so the plan carries warnings.
 */
export function singleParentDossier(): Dossier {
  const data = householdData({
    number: '2026-0042',
    status: 'stabilisatie',
    typeOfHelp: 'schuldhulpverlening',
    professional: 'Mirjam de Wit',
    adults: [{ role: 'aanvrager', firstName: 'Sanne', lastName: 'Jansen', birthDate: '1991-04-12', bsn: BSN }],
    children: [
      { firstName: 'Noah', lastName: 'Jansen', birthDate: '2018-09-03', livingInHousehold: true },
      { firstName: 'Lotte', lastName: 'Jansen', birthDate: '2013-01-22', livingInHousehold: true },
    ],
    address: { street: 'Lindelaan', houseNumber: '14', postcode: '3512 AB', city: 'Utrecht' },
    incomes: [
      { description: 'Bijstandsuitkering gemeente', category: 'uitkering_participatiewet', amount: '1419.46', frequency: 'maand' },
      { description: 'Kinderbijslag SVB', category: 'kinderbijslag', amount: '362.35', frequency: 'kwartaal' },
      { description: 'Kindgebonden budget', category: 'kindgebonden_budget', amount: '700.00', frequency: 'maand' },
      { description: 'Zorgtoeslag', category: 'zorgtoeslag', amount: '131.00', frequency: 'maand' },
      { description: 'Huurtoeslag', category: 'huurtoeslag', amount: '395.00', frequency: 'maand' },
      { description: 'Alimentatie (gestopt)', category: 'alimentatie', amount: '150.00', frequency: 'maand', endDate: '2026-03-31' },
    ],
    expenses: [
      { description: 'Huur woningcorporatie', category: 'huur', amount: '925.00', frequency: 'maand' },
      { description: 'Energie', category: 'energie', amount: '185.00', frequency: 'maand' },
      { description: 'Water', category: 'water', amount: '27.50', frequency: 'maand' },
      { description: 'Gemeentelijke belastingen', category: 'gemeentelijke_belastingen', amount: '390.00', frequency: 'jaar' },
      { description: 'Zorgverzekering', category: 'zorgverzekering', amount: '168.00', frequency: 'maand' },
      { description: 'Inboedel- en aansprakelijkheidsverzekering', category: 'verzekeringen', amount: '24.00', frequency: 'maand' },
      { description: 'Telefoon en internet', category: 'telefoon_internet', amount: '55.00', frequency: 'maand' },
      { description: 'OV-abonnement', category: 'vervoer', amount: '40.00', frequency: 'vierweken' },
      { description: 'Schoolkosten en ouderbijdrage', category: 'onderwijs', amount: '35.00', frequency: 'maand' },
      { description: 'Sportclub kinderen', category: 'contributies', amount: '35.00', frequency: 'maand' },
      { description: 'Betalingsregeling energieleverancier', category: 'aflossingen', amount: '200.00', frequency: 'maand' },
      { description: 'Kleding en schoenen', category: 'kleding', amount: '110.00', frequency: 'maand' },
      { description: 'Inventaris', category: 'inventaris', amount: '60.00', frequency: 'maand' },
      { description: 'Niet-vergoede ziektekosten', category: 'ziektekosten', amount: '40.00', frequency: 'maand' },
      { description: 'Vrije tijd en uitjes', category: 'vrije_tijd', amount: '60.00', frequency: 'maand' },
      { description: 'Boodschappen', category: 'voeding', amount: '165.00', frequency: 'week' },
      { description: 'Was- en schoonmaakmiddelen', category: 'huishouden', amount: '40.00', frequency: 'maand' },
      { description: 'Persoonlijke verzorging', category: 'persoonlijke_verzorging', amount: '55.00', frequency: 'maand' },
    ],
  });
  return storedDossier(data, { id: 'd-test-42', number: '2026-0042', createdAt: Date.UTC(2026, 0, 5), updatedAt: Date.UTC(2026, 6, 10) });
}

export function budgetInputs(): BudgetInputs {
  return budgetInputsSchema.parse({
    vtlbCorrections: [
      { kind: 'woonlasten', amount: '20.00', note: 'Huur hoger dan de fictieve woonlasten in de beslagvrije voet' },
      { kind: 'eigen_risico', amount: '32.08', note: 'Maandelijkse reservering verplicht eigen risico' },
    ],
  });
}

/** The bundled bijstandsnormen file turned into a user-supplied file for one period (as a user import would be). */
export async function userBijstandsnormenFile(periodStart: string): Promise<NormFile> {
  const raw = JSON.parse(await readFile(join(RESOURCES, 'norms', 'bijstandsnormen.json'), 'utf8')) as {
    origin: string;
    periods: Record<string, unknown>;
  };
  raw.origin = 'user';
  raw.periods = { [periodStart]: raw.periods[periodStart] };
  const v = validateNormFile(raw);
  if (!v.ok) throw new Error(`test norm file invalid: ${v.reasons.join('; ')}`);
  return v.file;
}

export interface ExtractedPdf {
  pages: string[];
  text: string;
  info: Record<string, unknown>;
  metadata: string | null;
}

export async function extractPdf(pdf: Buffer): Promise<ExtractedPdf> {
  const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, disableFontFace: true, useSystemFonts: false }).promise;
  try {
    const pages: string[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      const content = await page.getTextContent();
      pages.push(content.items.map((it) => ('str' in it ? it.str + (it.hasEOL ? '\n' : ' ') : '')).join(''));
    }
    const meta = await doc.getMetadata();
    return { pages, text: pages.join('\n'), info: meta.info as Record<string, unknown>, metadata: meta.metadata ? String(meta.metadata.getRaw()) : null };
  } finally {
    await doc.destroy();
  }
}

/** Whitespace-insensitive: a phrase may wrap over lines or be split into several text runs. */
export function squash(s: string): string {
  return s.replace(/\s+/g, '');
}
