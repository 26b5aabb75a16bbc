// budget.get hands its result on the reference date to the projection, which then skips recomputing the first
// month: the projection must be the same as one computed from scratch, for every demo household and several
// reference dates (mid-month, provisional norms, a month whose successors are not covered).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultResourcesDir } from '../../../src/core/app';
import { budgetInputsSchema, computeBudget, projectBudget, type NormSet } from '../../../src/shared/budget';
import { interchangeSchema, type DossierData } from '../../../src/shared/dossier/schema';
import { bundledNorms } from '../../support/budget';

let norms: NormSet;
const households: DossierData[] = [];
beforeAll(async () => {
  norms = await bundledNorms();
  const dir = path.join(defaultResourcesDir(), 'demo');
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    households.push(...(interchangeSchema.parse(JSON.parse(readFileSync(path.join(dir, f), 'utf8'))).dossiers as DossierData[]));
  }
});

describe('projectBudget with the result on the reference date', () => {
  it('gives the same 24 months as a projection computed from scratch', () => {
    const inputs = budgetInputsSchema.parse({ vakantiegeld: { bedragPerJaar: '1200.00', maand: 5 } });
    expect(households.length).toBeGreaterThanOrEqual(9);
    for (const d of households) {
      for (const date of ['2026-03-15', '2026-11-23', '2027-05-31']) {
        const result = computeBudget(d, inputs, norms, date);
        expect(projectBudget(d, inputs, norms, date, 24, result), date).toEqual(projectBudget(d, inputs, norms, date, 24));
      }
    }
  });
});
