// The budget plan as a job (issue 10 §2): with a jobId it reports its three steps (budget computed, PDF rendered,
// stored) as job.progress events; a cancel before it is stored leaves no document and no logboek entry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { progressOf } from '../../support/jobs';
import { singleParent, startRig, type Rig } from './helpers';

let rig: Rig;
beforeAll(async () => {
  rig = await startRig();
});
afterAll(async () => rig.cleanup());


describe('budget.createPlan as a job', () => {
  it('reports its steps up to stored', async () => {
    const created = await rig.call('dossier.create', { data: singleParent() });
    const seen = progressOf(rig.core, 'plan-job-0001');
    const plan = await rig.call('budget.createPlan', { id: created.id, date: '2026-07-15', jobId: 'plan-job-0001' });
    expect(plan.fileName).toBe(`budgetplan-${created.number}-2026-07-15.pdf`);
    // Throttled: the first and the last report always go out; the steps between may be folded.
    expect(seen.every((p) => p.operation === 'pdf' && p.total === 3)).toBe(true);
    expect(seen[0]).toMatchObject({ done: 0, total: 3 });
    expect(seen.at(-1)).toMatchObject({ operation: 'pdf', done: 3, total: 3 });
    expect(await rig.call('documents.list', { dossierId: created.id })).toHaveLength(1);
  });

  it('a cancel while it is being made stores nothing and logs nothing', async () => {
    const created = await rig.call('dossier.create', { data: singleParent() });
    progressOf(rig.core, 'plan-job-0002', (p) => {
      if (p.done === 0) void rig.call('job.cancel', { jobId: 'plan-job-0002' });
    });
    const error = await rig.fail('budget.createPlan', { id: created.id, date: '2026-07-15', jobId: 'plan-job-0002' });
    expect(error).toMatchObject({ code: 'CANCELLED', message: 'Afgebroken. Er is niets gewijzigd.' });
    expect(await rig.call('documents.list', { dossierId: created.id })).toEqual([]);
    const log = await rig.call('audit.list', { dossierId: created.id });
    expect(log.map((e) => e.action)).not.toContain('dossier.budgetplan_created');
  });
});
