// The zorgpremie scheme batch on the demo vault through the real core: the families at the scheme's creditor,
// a letter per selected family stored in its dossier, one overview (PDF and CSV) for the creditor whose
// totals are the sums of its lines, candidates marked "voorgesteld", and no BSN unless chosen.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, defaultResourcesDir, type Core } from '../../../src/core/app';
import { silentLogger } from '../../../src/core/logger';
import type { ProcedureInput, ProcedureName, ProcedureOutput } from '../../../src/shared/contract/procedures';
import { SCHEME_FAMILY_STATUS_LABELS } from '../../../src/shared/arrangement/scheme';
import { CHEAP_KDF } from '../../support/core';
import { extractPdf, squash } from '../budget-pdf/helpers';
import { TestClock } from '../services/helpers';

let dataDir: string;
let core: Core;

async function call<K extends ProcedureName>(name: K, input: ProcedureInput<K>): Promise<ProcedureOutput<K>> {
  const env = await core.router.handle(name, input);
  if (!env.ok) throw new Error(`${name}: ${env.error.message}`);
  return env.value as ProcedureOutput<K>;
}

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'houvast-scheme-'));
  core = createCore({ dataDir, resourcesDir: defaultResourcesDir(), logger: silentLogger, kdf: CHEAP_KDF, clock: new TestClock(Date.UTC(2026, 10, 30, 10, 0)) });
  const { passphrase } = await call('vault.createDemo', {});
  await call('vault.unlock', { passphrase });
});
afterEach(async () => {
  await core.dispose();
  await rm(dataDir, { recursive: true, force: true });
});

const SCHEME = 'voorbeeld-bewind-zorgpremie';

describe('scheme batch on the demo vault', () => {
  it('produces a letter per family and one overview (PDF, CSV) for the creditor', async () => {
    const batch = await call('schemes.batch', { schemeId: SCHEME });
    const yara = batch.families.find((f) => f.displayName.includes('Yara'));
    expect(yara, 'the Molenbeek family in Zwolle owes Zorgverzekeraar Zuid').toBeTruthy();
    // Arrears as in the demo file: € 1.243,80.
    expect(yara!.arrears.value).toBe('1243.80');
    const candidates = batch.families.filter((f) => f.status === 'kandidaat').length;
    const before = await call('schemes.dashboard', { schemeId: SCHEME });

    const out = await call('schemes.produceBatch', { schemeId: SCHEME, dossierIds: batch.families.map((f) => f.dossierId) });
    // Only candidates move to "voorgesteld"; a family already in the scheme keeps its status.
    expect(out.proposed).toBe(candidates);
    const names = out.files.map((f) => f.fileName);
    expect(names.filter((n) => n.startsWith(`regeling-${SCHEME}-`))).toHaveLength(batch.families.length);
    expect(names).toContain(`overzicht-${SCHEME}-2026-11-30.pdf`);
    expect(names).toContain(`overzicht-${SCHEME}-2026-11-30.csv`);

    // The letter for the Molenbeek family: its figures, the slip, no BSN.
    const letter = out.files.find((f) => f.fileName === `regeling-${SCHEME}-${yara!.dossierNumber}-2026-11-30.pdf`)!;
    const text = squash((await extractPdf(Buffer.from(letter.contentBase64, 'base64'))).text);
    expect(text).toContain(squash('Premieachterstand € 1.243,80'));
    expect(text).toContain(squash('Yara Molenbeek'));
    expect(text).toContain(squash('Antwoordstrook'));
    expect(text).toContain(squash('uiterlijk 30-12-2026'));
    expect(text).toContain(squash(yara!.summary));
    const dossier = await call('dossier.get', { id: yara!.dossierId });
    for (const a of dossier.adults) if (a.bsn) expect(text).not.toContain(a.bsn);
    // Stored in the family's dossier.
    expect((await call('letters.list', { dossierId: yara!.dossierId })).map((l) => l.fileName)).toContain(letter.fileName);

    // CSV: one row per family; the total row is the sum of the rows (in cents, by the test).
    const csv = Buffer.from(out.files.find((f) => f.fileName.endsWith('.csv'))!.contentBase64, 'base64').toString('utf8');
    expect(csv.startsWith('\uFEFFDossier;Naam;Plaats;Kinderen;Kenmerk;Achterstand;Per maand;Maanden;Totaal betaald;Kwijtschelding;Haalbaar;Status\r\n')).toBe(true);
    const rows = csv.replace('\uFEFF', '').trim().split('\r\n').slice(1).map((r) => r.split(';'));
    const body = rows.slice(0, -1);
    const total = rows.at(-1)!;
    expect(body).toHaveLength(batch.families.length);
    const yRow = body.find((r) => r[0] === yara!.dossierNumber)!;
    expect(yRow[1]).toBe(yara!.displayName);
    expect(yRow[5]).toBe('1243,80');
    expect(yRow[11]).toBe(yara!.status === 'kandidaat' ? 'Voorgesteld' : SCHEME_FAMILY_STATUS_LABELS[yara!.status]);
    const cents = (s: string) => (s === '' ? 0 : Math.round(Number(s.replace(',', '.')) * 100));
    for (const col of [5, 6, 9]) expect(cents(total[col]!)).toBe(body.reduce((n, r) => n + cents(r[col]!), 0));

    // The overview PDF names the creditor and the totals.
    const overview = squash((await extractPdf(Buffer.from(out.files.find((f) => f.fileName.endsWith('.pdf') && f.fileName.startsWith('overzicht'))!.contentBase64, 'base64'))).text);
    expect(overview).toContain(squash('Schuldeiser Zorgverzekeraar Zuid · gemeente Zwolle'));
    expect(overview).toContain(squash(`Totaal (${batch.families.length} gezinnen)`));

    // The dashboard counts them as voorgesteld now.
    const dash = await call('schemes.dashboard', { schemeId: SCHEME });
    expect(dash.byStatus.voorgesteld).toBe(before.byStatus.voorgesteld + candidates);
    expect(dash.byStatus.kandidaat).toBe(before.byStatus.kandidaat - candidates);
  });

  it('refuses an empty selection and a family outside the selection, in Dutch', async () => {
    const empty = await core.router.handle('schemes.produceBatch', { schemeId: SCHEME, dossierIds: [] });
    expect(empty).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: 'Kies minstens één gezin voor de batch.' } });
    const list = await call('dossier.list', { query: 'Klaverhoek' });
    const outside = await core.router.handle('schemes.produceBatch', { schemeId: SCHEME, dossierIds: [list[0]!.id] });
    expect(outside).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('gives every demo household a board and a schuldenoverzicht, or a Dutch reason why not', async () => {
    for (const d of await call('dossier.list', {})) {
      const board = await call('board.get', { dossierId: d.id });
      expect(board.creditors.every((c) => /^\d+\.\d{2}$/.test(c.claim)), d.number).toBe(true);
      const env = await core.router.handle('letters.create', { dossierId: d.id, kind: 'schuldenoverzicht' });
      if (!env.ok) {
        // Only a proposal that lacks a figure may refuse, and it says what is missing.
        expect(env.error.code, `${d.number}: ${env.error.message}`).toBe('VALIDATION');
        expect(env.error.message).toMatch(/^Er is nog geen volledig voorstel: /);
      }
    }
  });
});
