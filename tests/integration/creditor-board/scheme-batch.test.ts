// The zorgpremie scheme batch on the demo vault through the real core: the families at the scheme's creditor,
// a letter per selected family stored in its dossier, one overview (PDF and CSV) for the creditor whose
// totals are the sums of its lines, candidates marked "voorgesteld", and no BSN unless chosen.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../src/core/app';
import { SCHEME_FAMILY_STATUS_LABELS } from '../../../src/shared/arrangement/scheme';
import { startDemoCore } from '../../support/core';
import { extractPdf, squash } from '../budget-pdf/helpers';
import { TestClock } from '../services/helpers';

let core: Core;
let rig: Awaited<ReturnType<typeof startDemoCore>>;
const call: typeof rig.call = (name, input) => rig.call(name, input);

beforeEach(async () => {
  rig = await startDemoCore('scheme', new TestClock(Date.UTC(2026, 10, 30, 10, 0)));
  ({ core } = rig);
});
afterEach(() => rig.cleanup());

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

    // Every family, those that do not meet the scheme's conditions with a reason (see the test below).
    const overrides = batch.families.filter((f) => !f.eligibility.meets).map((f) => ({ dossierId: f.dossierId, reason: 'Afgestemd met de zorgverzekeraar' }));
    const out = await call('schemes.produceBatch', { schemeId: SCHEME, dossierIds: batch.families.map((f) => f.dossierId), overrides });
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

  it('leaves out a family that does not meet the conditions unless the user gives a reason, and keeps that reason', async () => {
    // The one demo family outside the conditions (Molenbeek) takes part with a reason; made a candidate again,
    // its reason goes with the participation.
    const before = await call('schemes.batch', { schemeId: SCHEME });
    const yara = before.families.find((f) => f.displayName.includes('Yara'))!;
    expect(yara.override).not.toBeNull();
    await call('schemes.setParticipant', { schemeId: SCHEME, dossierId: yara.dossierId, status: null });
    const batch = await call('schemes.batch', { schemeId: SCHEME });
    const failing = batch.families.filter((f) => !f.eligibility.meets);
    expect(failing.every((f) => !f.override)).toBe(true);
    expect(failing.length, 'the demo vault has a family outside the scheme\'s conditions').toBeGreaterThan(0);
    for (const f of failing) expect(f.eligibility.reasons.length, f.dossierNumber).toBeGreaterThan(0);
    const one = failing[0]!;

    const refused = await core.router.handle('schemes.produceBatch', { schemeId: SCHEME, dossierIds: [one.dossierId] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: 'Eén gekozen gezin voldoet niet aan de voorwaarden van de regeling. Er is niets gemaakt: laat het weg of geef per gezin een reden om het toch op te nemen.' } });
    if (!refused.ok) expect(refused.error.issues).toEqual([{ path: `overrides.${one.dossierId}`, message: `${one.displayName} (${one.dossierNumber}): ${one.eligibility.reasons.join(' ')}` }]);
    // Nothing was made: no letter, no status change.
    expect((await call('letters.list', { dossierId: one.dossierId })).filter((l) => l.fileName.startsWith(`regeling-${SCHEME}-`))).toEqual([]);
    const short = await core.router.handle('schemes.produceBatch', { schemeId: SCHEME, dossierIds: [one.dossierId], overrides: [{ dossierId: one.dossierId, reason: 'kort' }] });
    expect(short).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });

    const reason = 'Zorgverzekeraar gaat akkoord; bewind is aangevraagd bij de rechtbank';
    const out = await call('schemes.produceBatch', { schemeId: SCHEME, dossierIds: [one.dossierId], overrides: [{ dossierId: one.dossierId, reason }] });
    expect(out.files.filter((f) => f.fileName.startsWith(`regeling-${SCHEME}-`))).toHaveLength(1);
    const [c] = await call('schemes.conditions', { dossierId: one.dossierId });
    expect(c).toMatchObject({ schemeId: SCHEME, status: one.status === 'kandidaat' ? 'voorgesteld' : one.status, override: { reason, reasonsNotMet: one.eligibility.reasons } });
    // The log says it happened, without the reason's text.
    const log = await call('audit.list', { dossierId: one.dossierId });
    expect(log.some((e) => e.detail === `Regeling ${SCHEME}: opgenomen ondanks "voldoet niet" (reden vastgelegd)`)).toBe(true);
    expect(log.some((e) => (e.detail ?? '').includes(reason))).toBe(false);
  });

  it('shows the demo family in the bewind scheme consistently: taken in with a reason, at the agreed amount', async () => {
    const batch = await call('schemes.batch', { schemeId: SCHEME });
    const yara = batch.families.find((f) => f.displayName.includes('Yara'))!;
    // Under the VTLB the afloscapaciteit is nil (demo file: bijstand 1.419,46 against a VTLB above it), so the
    // family does not meet the scheme's minimum of 35,00; the demo file records why it takes part anyway.
    expect(yara.eligibility).toEqual({ meets: false, reasons: ['De afloscapaciteit (€ 0,00) is lager dan het minimum van de regeling (€ 35,00 per maand).'] });
    expect(yara.override?.reason).toMatch(/^Onder bewind betaalt de bewindvoerder de lopende premie en het richtbedrag van € 35 per maand/);
    // The agreed 35,00 is what is paid: 1.243,80 / 35,00 = 35,54 -> 36 months (the scheme's maximum), and
    // 36 × 35,00 = 1.260,00 covers the arrears, so nothing is left to forgive.
    expect(yara).toMatchObject({ status: 'lopend', feasible: true, months: 36, agreedMonthly: '35.00' });
    expect(yara.monthly.value).toBe('35.00');
    expect(yara.paid.value).toBe('1243.80');
    expect(yara.forgiven.value).toBe('0.00');
    expect(yara.summary).not.toMatch(/niet haalbaar/);
    expect(yara.summary).toContain('Het afgesproken bedrag is hoger dan de berekende afloscapaciteit (€ 0,00); het gezin doet mee met een vastgelegde reden.');
    // The reason is the professional's note: shown with the rule on screen, never in the summary the letter prints.
    expect(yara.summary).not.toContain(yara.override!.reason);
    expect(yara.monthly.explanation.rule).toContain(yara.override!.reason);
    expect(yara.warnings.join(' ')).not.toMatch(/lager dan het minimum/);
    // The batch takes it without a new reason.
    const out = await call('schemes.produceBatch', { schemeId: SCHEME, dossierIds: [yara.dossierId] });
    expect(out.proposed).toBe(0);
  });

  it('prints what stays owed after the term in the letter of a scheme that forgives nothing (RULES.md e.5)', async () => {
    // A copy of the bundled scheme with at most 24 months and no kwijtschelding. The Molenbeek family pays the
    // agreed 35.00: min(24, ceil(1,243.80 / 35.00) = 36) = 24 months, 35.00 × 24 = 840.00 paid, and
    // 1,243.80 − 840.00 = 403.80 stays owed (not forgiven, so not zero): 840.00 + 403.80 = 1,243.80.
    const { schemes } = await call('schemes.list', {});
    const bundled = schemes.find((x) => x.scheme.id === SCHEME)!.scheme;
    await call('schemes.save', { scheme: { ...bundled, maxMonths: 24, forgiveRemainder: false } });
    const batch = await call('schemes.batch', { schemeId: SCHEME });
    const yara = batch.families.find((f) => f.displayName.includes('Yara'))!;
    expect([yara.monthly.value, yara.months, yara.paid.value]).toEqual(['35.00', 24, '840.00']);
    const out = await call('schemes.produceBatch', { schemeId: SCHEME, dossierIds: [yara.dossierId] });
    const letter = out.files.find((f) => f.fileName === `regeling-${SCHEME}-${yara.dossierNumber}-2026-11-30.pdf`)!;
    const text = squash((await extractPdf(Buffer.from(letter.contentBase64, 'base64'))).text);
    expect(text).toContain(squash('Premieachterstand € 1.243,80'));
    expect(text).toContain(squash('Totaal betaald in de regeling € 840,00'));
    expect(text).toContain(squash('Restant na de looptijd € 403,80'));
  });

  it('flags "voorwaarde geschonden" from the payments on the creditor board, per dossier and on the dashboard', async () => {
    const batch = await call('schemes.batch', { schemeId: SCHEME });
    const yara = batch.families.find((f) => f.displayName.includes('Yara'))!;
    // The demo file: running since 1 July 2026 at 35,00 a month, paid July to November; today is 30 November
    // 2026, so July to October are over and paid in full.
    let [c] = await call('schemes.conditions', { dossierId: yara.dossierId });
    expect(c!.term).toMatchObject({ state: 'in_orde', missedMonths: [], next: [] });
    expect(c!.term.months.map((m) => [m.month, m.paid])).toEqual([
      ['2026-07', '35.00'],
      ['2026-08', '35.00'],
      ['2026-09', '35.00'],
      ['2026-10', '35.00'],
    ]);
    let dash = await call('schemes.dashboard', { schemeId: SCHEME });
    expect(dash.byTermState).toEqual({ niet_gestart: 0, in_orde: 1, geschonden: 0, beeindigd: 0 });
    expect(dash.breached).toEqual([]);

    // The October payment was recorded by mistake: October is missed.
    const board = await call('board.get', { dossierId: yara.dossierId });
    const october = board.payments.find((p) => p.month === '2026-10')!;
    await call('payments.remove', { dossierId: yara.dossierId, paymentId: october.id });
    [c] = await call('schemes.conditions', { dossierId: yara.dossierId });
    expect(c!.term).toMatchObject({ state: 'geschonden', missedMonths: ['2026-10'], reasons: ['Geen betaling vastgelegd voor oktober 2026 (afgesproken € 35,00).'] });
    expect(c!.term.next.length).toBeGreaterThan(0);
    dash = await call('schemes.dashboard', { schemeId: SCHEME });
    expect(dash.byTermState).toEqual({ niet_gestart: 0, in_orde: 0, geschonden: 1, beeindigd: 0 });
    expect(dash.breached).toEqual([
      { dossierId: yara.dossierId, dossierNumber: yara.dossierNumber, displayName: 'Molenbeek, Yara', status: 'lopend', reasons: ['Geen betaling vastgelegd voor oktober 2026 (afgesproken € 35,00).'] },
    ]);

    // Half paid is still a breach; paid in full it holds again.
    await call('payments.record', { dossierId: yara.dossierId, debtId: october.debtId, month: '2026-10', amount: '20.00', paidOn: '2026-10-29' });
    dash = await call('schemes.dashboard', { schemeId: SCHEME });
    expect(dash.breached[0]!.reasons).toEqual(['In oktober 2026 is € 20,00 betaald van de afgesproken € 35,00.']);
    await call('payments.record', { dossierId: yara.dossierId, debtId: october.debtId, month: '2026-10', amount: '15.00', paidOn: '2026-10-30' });
    [c] = await call('schemes.conditions', { dossierId: yara.dossierId });
    expect(c!.term.state).toBe('in_orde');
    dash = await call('schemes.dashboard', { schemeId: SCHEME });
    expect(dash.byTermState.geschonden).toBe(0);
    expect(dash.breached).toEqual([]);
  });

  it('as a job: reports a step per letter and the overview; a cancel stores no letter and proposes no family', async () => {
    const batch = await call('schemes.batch', { schemeId: SCHEME });
    const chosen = batch.families.map((f) => f.dossierId);
    const overrides = batch.families.filter((f) => !f.eligibility.meets).map((f) => ({ dossierId: f.dossierId, reason: 'Afgestemd met de zorgverzekeraar' }));
    expect(chosen.length).toBeGreaterThan(0);
    const lettersBefore = await Promise.all(chosen.map(async (id) => (await call('letters.list', { dossierId: id })).length));
    const statusBefore = batch.families.filter((f) => chosen.includes(f.dossierId)).map((f) => f.status);

    const seen: { jobId: string; operation: string; done: number; total: number }[] = [];
    core.onEvent((event, payload) => {
      if (event !== 'job.progress') return;
      const p = payload as (typeof seen)[number];
      seen.push(p);
      if (p.jobId === 'scheme-job-0001' && p.done === 0) void core.router.handle('job.cancel', { jobId: 'scheme-job-0001' });
    });
    const cancelled = await core.router.handle('schemes.produceBatch', { schemeId: SCHEME, dossierIds: chosen, overrides, jobId: 'scheme-job-0001' });
    expect(cancelled.ok).toBe(false);
    if (!cancelled.ok) expect(cancelled.error.code).toBe('CANCELLED');
    expect(await Promise.all(chosen.map(async (id) => (await call('letters.list', { dossierId: id })).length))).toEqual(lettersBefore);
    const after = await call('schemes.batch', { schemeId: SCHEME });
    expect(after.families.filter((f) => chosen.includes(f.dossierId)).map((f) => f.status)).toEqual(statusBefore);

    const out = await call('schemes.produceBatch', { schemeId: SCHEME, dossierIds: chosen, overrides, jobId: 'scheme-job-0002' });
    expect(out.files.filter((f) => f.fileName.startsWith('regeling-'))).toHaveLength(chosen.length);
    const mine = seen.filter((p) => p.jobId === 'scheme-job-0002');
    // One step per letter and one for storing and the overview; throttled, but the first and the last always go out.
    expect(mine.every((p) => p.operation === 'pdf' && p.total === chosen.length + 1)).toBe(true);
    expect(mine[0]!.done).toBe(0);
    expect(mine.at(-1)!.done).toBe(chosen.length + 1);
  });

  it('a cancelled batch records no "voldoet niet" reason either: a new one is not kept, an earlier one stays as it was', async () => {
    // The demo family outside the conditions (Molenbeek) takes part with a reason recorded in the demo file.
    const first = await call('schemes.batch', { schemeId: SCHEME });
    const yara = first.families.find((f) => f.displayName.includes('Yara'))!;
    const demoReason = yara.override!.reason;
    const overrideLog = async () =>
      (await call('audit.list', { dossierId: yara.dossierId })).filter((e) => e.detail === `Regeling ${SCHEME}: opgenomen ondanks "voldoet niet" (reden vastgelegd)`).length;
    let jobs = 0;
    const cancelled = async (reason: string) => {
      const jobId = `scheme-job-reden-${++jobs}`;
      const stop = core.onEvent((event, payload) => {
        const p = payload as { jobId: string; done: number };
        if (event === 'job.progress' && p.jobId === jobId && p.done === 0) void core.router.handle('job.cancel', { jobId });
      });
      const env = await core.router.handle('schemes.produceBatch', { schemeId: SCHEME, dossierIds: [yara.dossierId], overrides: [{ dossierId: yara.dossierId, reason }], jobId });
      stop();
      expect(env).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    };

    // An earlier reason, replaced in a batch that is then cancelled: the earlier one stays, nothing logged.
    const logged = await overrideLog();
    await cancelled('Nieuwe reden die niet bewaard mag worden na annuleren');
    expect((await call('schemes.conditions', { dossierId: yara.dossierId }))[0]!.override?.reason).toBe(demoReason);
    expect(await overrideLog()).toBe(logged);

    // Back to candidate (the reason goes with the participation); a reason typed for a cancelled batch is not kept.
    await call('schemes.setParticipant', { schemeId: SCHEME, dossierId: yara.dossierId, status: null });
    await cancelled('Zorgverzekeraar gaat akkoord; bewind is aangevraagd');
    const again = (await call('schemes.batch', { schemeId: SCHEME })).families.find((f) => f.dossierId === yara.dossierId)!;
    expect(again).toMatchObject({ status: 'kandidaat', override: null });
    expect(await call('schemes.conditions', { dossierId: yara.dossierId })).toEqual([]);
    expect(await overrideLog()).toBe(logged);
    expect((await call('letters.list', { dossierId: yara.dossierId })).filter((l) => l.fileName.startsWith(`regeling-${SCHEME}-`))).toEqual([]);
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
