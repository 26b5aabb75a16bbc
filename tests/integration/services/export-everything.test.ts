// Dossier export holds everything the dossier holds (issue 7): household data, budget inputs and the stored
// budget plans as PDF attachments; import restores all of it byte for byte. Version-1 files (without the
// version-2 blocks) still import. Real core, real encrypted vaults.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSPHRASE, singleParent, startRig, type Rig } from '../budget/helpers';

let rig: Rig;
beforeAll(async () => {
  rig = await startRig();
});
afterAll(async () => rig.cleanup());

const INPUTS: { referenceDate: string; statedBvv: { amount: string; date: string; statedBy: string }; kostendelers: number; vtlbCorrections: { kind: 'woon_werk'; amount: string; note: string }[] } = {
  referenceDate: '2026-07-15',
  statedBvv: { amount: '1500.00', date: '2026-06-01', statedBy: 'Deurwaarder' },
  kostendelers: 1,
  vtlbCorrections: [{ kind: 'woon_werk', amount: '25.00', note: 'Reiskosten' }],
};

describe('dossier export and import of everything', () => {
  it('exports budget inputs and stored plans, and an import brings them back identically', async () => {
    const created = await rig.call('dossier.create', { data: singleParent() });
    await rig.call('budget.saveInputs', { id: created.id, inputs: INPUTS });
    const plan = await rig.call('budget.createPlan', { id: created.id, date: '2026-07-15' });
    const [stored] = await rig.call('documents.list', { dossierId: created.id });

    const exported = await rig.call('dossier.export', { id: created.id, passphrase: PASSPHRASE });
    const file = JSON.parse(exported.content);
    expect(file.version).toBe(2);
    const [d] = file.dossiers;
    // What was saved (with the defaults the inputs schema adds), exactly.
    const saved = (await rig.call('budget.get', { id: created.id })).inputs;
    expect(d.budgetInputs).toMatchObject(INPUTS);
    expect(d.budgetInputs).toEqual(saved);
    expect(d.attachments).toHaveLength(1);
    expect(d.attachments[0]).toMatchObject({ kind: 'budgetplan', fileName: plan.fileName, mime: 'application/pdf', referenceDate: '2026-07-15', createdAt: stored!.createdAt });
    expect(d.attachments[0].contentBase64).toBe(plan.contentBase64);

    const { imported } = await rig.call('dossier.import', { file, onDuplicate: 'copy' });
    expect(imported).toHaveLength(1);
    const copy = imported[0]!;
    expect(copy.id).not.toBe(created.id);
    const view = await rig.call('budget.get', { id: copy.id });
    expect(view.inputs).toEqual(saved);
    const docs = await rig.call('documents.list', { dossierId: copy.id });
    expect(docs).toHaveLength(1);
    expect(docs[0]).toMatchObject({ kind: 'budgetplan', fileName: plan.fileName, referenceDate: '2026-07-15', createdAt: stored!.createdAt, size: stored!.size });
    expect(docs[0]!.normPeriods).toEqual(stored!.normPeriods);
    const got = await rig.call('documents.get', { id: docs[0]!.id });
    expect(got.contentBase64).toBe(plan.contentBase64);
  });

  it('refuses a file whose attachment is not a PDF, and imports nothing of it', async () => {
    const created = await rig.call('dossier.create', { data: singleParent() });
    const file = JSON.parse((await rig.call('dossier.export', { id: created.id, passphrase: PASSPHRASE })).content);
    const before = (await rig.call('dossier.list', {})).length;
    file.dossiers[0].attachments = [
      { kind: 'budgetplan', fileName: 'plan.pdf', mime: 'application/pdf', createdAt: 1, contentBase64: Buffer.from('<html>').toString('base64') },
    ];
    const error = await rig.fail('dossier.import', { file, onDuplicate: 'copy' });
    expect(error.code).toBe('VALIDATION');
    expect(error.issues).toContainEqual({ path: 'dossiers.0.attachments.0.contentBase64', message: 'De bijlage is geen PDF-bestand.' });
    expect((await rig.call('dossier.list', {})).length).toBe(before);
  });

  it('still imports a version-1 file (no budget inputs, no attachments)', async () => {
    const created = await rig.call('dossier.create', { data: singleParent() });
    const file = JSON.parse((await rig.call('dossier.export', { id: created.id, passphrase: PASSPHRASE })).content);
    const { budgetInputs: _b, attachments: _a, ...household } = file.dossiers[0];
    const { imported } = await rig.call('dossier.import', { file: { format: 'houvast.dossier', version: 1, dossiers: [household] }, onDuplicate: 'copy' });
    expect(await rig.call('documents.list', { dossierId: imported[0]!.id })).toEqual([]);
  });
});
