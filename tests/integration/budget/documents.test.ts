// budget.createPlan renders the budget plan PDF, stores it in the dossier inside the encrypted vault and
// logs it; documents.list / documents.get hand it back; deleting the dossier removes its documents.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { singleParent, startRig, type Rig } from './helpers';

let rig: Rig;
beforeAll(async () => {
  rig = await startRig();
});
afterAll(async () => rig.cleanup());

describe('budget.createPlan and documents', () => {
  it('stores a PDF in the dossier that documents.get returns and documents.list lists', async () => {
    const created = await rig.call('dossier.create', { data: singleParent() });
    expect(await rig.call('documents.list', { dossierId: created.id })).toEqual([]);

    const plan = await rig.call('budget.createPlan', { id: created.id, date: '2026-07-15' });
    const pdf = Buffer.from(plan.contentBase64, 'base64');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(plan.mime).toBe('application/pdf');
    expect(plan.fileName).toBe(`budgetplan-${created.number}-2026-07-15.pdf`);

    const listed = await rig.call('documents.list', { dossierId: created.id });
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({
      id: plan.documentId,
      dossierId: created.id,
      kind: 'budgetplan',
      fileName: plan.fileName,
      mime: 'application/pdf',
      size: pdf.length,
      referenceDate: '2026-07-15',
    });
    expect(listed[0]!.normPeriods).toContainEqual({ group: 'bijstandsnormen', start: '2026-07-01', end: '2026-12-31', origin: 'bundled' });

    const got = await rig.call('documents.get', { id: plan.documentId });
    expect(got).toMatchObject({ id: plan.documentId, dossierId: created.id, fileName: plan.fileName, mime: 'application/pdf' });
    expect(Buffer.from(got.contentBase64, 'base64').equals(pdf)).toBe(true);

    const log = await rig.call('audit.list', { dossierId: created.id });
    expect(log.find((e) => e.action === 'dossier.budgetplan_created')).toMatchObject({ dossierNumber: created.number, detail: 'Peildatum 2026-07-15' });
    // Taking the stored plan out of the vault is logged as an export of this dossier.
    expect(log.find((e) => e.action === 'dossier.exported')).toMatchObject({ dossierNumber: created.number, detail: `Document ${plan.fileName} opgehaald` });

    // Encrypted at rest like everything else: neither the database nor its WAL holds the PDF in the clear.
    const vaultDir = rig.core.vault.status().vault!.path;
    const files = readdirSync(vaultDir).filter((f) => /\.db(-wal)?$/.test(f));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const bytes = readFileSync(path.join(vaultDir, f));
      expect(bytes.includes(Buffer.from('%PDF-')), f).toBe(false);
      expect(bytes.includes(pdf.subarray(0, 64)), f).toBe(false);
    }
  });

  it('refuses a plan for an uncovered date and stores nothing', async () => {
    const created = await rig.call('dossier.create', { data: singleParent() });
    const error = await rig.fail('budget.createPlan', { id: created.id, date: '2027-07-01' });
    expect(error.code).toBe('NORM_NOT_COVERED');
    expect(await rig.call('documents.list', { dossierId: created.id })).toEqual([]);
    expect((await rig.fail('documents.get', { id: 'bestaat-niet' })).code).toBe('NOT_FOUND');
    expect((await rig.fail('documents.list', { dossierId: 'bestaat-niet' })).code).toBe('NOT_FOUND');
  });

  it('removes the documents and budget inputs with their dossier', async () => {
    const created = await rig.call('dossier.create', { data: singleParent() });
    await rig.call('budget.saveInputs', { id: created.id, inputs: { kostendelers: 0, referenceDate: '2026-07-15' } });
    const plan = await rig.call('budget.createPlan', { id: created.id });
    const db = rig.core.vault.db();
    const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table} WHERE dossier_id = ?`).get(created.id) as { n: number }).n;
    expect(count('documents')).toBe(1);
    expect(count('budget_inputs')).toBe(1);

    await rig.call('dossier.delete', { id: created.id, confirmNumber: created.number });
    expect((await rig.fail('documents.get', { id: plan.documentId })).code).toBe('NOT_FOUND');
    expect(count('documents')).toBe(0);
    expect(count('budget_inputs')).toBe(0);
  });
});
