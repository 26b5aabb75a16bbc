// Letters of a dossier's regeling: the proposal letter per creditor and the schuldenoverzicht, filled from the
// saved proposal (the arrangement service, i.e. the engine) and the budget it rests on, rendered to PDF and
// stored encrypted in the dossier. The BSN is printed only when the user asks for it.
import { addDays, format, parseISO } from 'date-fns';
import type { ArrangementView } from '../../shared/contract/arrangements';
import type { LetterSummary } from '../../shared/contract/creditor-board';
import { AppError } from '../../shared/contract/errors';
import { isoDateOf } from '../../shared/dates';
import { NORM_GROUP_LABELS } from '../../shared/budget/norm-schema';
import { formatNlDate } from '../../shared/dates';
import type { Dossier } from '../../shared/dossier/schema';
import { toAmountString } from '../../shared/money';
import { standardTermMonths } from '../../shared/arrangement/types';
import {
  debtOverviewFileName,
  proposalLetterFileName,
  renderDebtOverview,
  renderProposalLetter,
  type LetterCreditorLine,
  type LetterData,
} from '../arrangement/letters';
import type { ServiceContext } from './context';
import type { BudgetService } from './budget';
import type { CreditorBoardService } from './creditor-board';

export interface CreateLetterInput {
  dossierId: string;
  kind: 'voorstel' | 'schuldenoverzicht';
  debtId?: string | undefined;
  includeBsn: boolean;
  /** Also record "betaalvoorstel verstuurd" on the creditor board (letter date). */
  recordSent: boolean;
}

export interface LettersService {
  create(input: CreateLetterInput): Promise<{ letter: LetterSummary; contentBase64: string }>;
  /** The letter data for one dossier (also used by the scheme batch). */
  letterData(dossier: Dossier, view: ArrangementView, opts: { includeBsn: boolean; debtId: string | null }): Promise<LetterData>;
}

export function createLettersService(
  ctx: ServiceContext,
  deps: {
    budget: BudgetService;
    arrangement: (dossierId: string) => Promise<ArrangementView>;
    board: CreditorBoardService;
    actor(): string;
    /** The sender organisation from the settings (empty: not set). */
    organisation(): string | undefined;
    version: string;
  },
): LettersService {
  async function letterData(dossier: Dossier, view: ArrangementView, opts: { includeBsn: boolean; debtId: string | null }): Promise<LetterData> {
    const p = view.proposal;
    const b = await deps.budget.compute(dossier.id, view.referenceDate);
    const now = ctx.clock.now();
    const letterDate = isoDateOf(now);
    const replyDays = deps.board.settings(dossier.id).replyDays;
    const creditors: LetterCreditorLine[] = p.creditors.map((c) => ({
      debtId: c.debtId,
      creditor: c.creditor,
      reference: c.reference,
      kind: c.kind,
      claim: c.claim,
      percentage: c.percentage.value ?? '0.00',
      amount: c.amount.value ?? '0.00',
    }));
    const addressee = opts.debtId ? (creditors.find((c) => c.debtId === opts.debtId) ?? null) : null;
    const adults = [...dossier.adults].sort((x, y) => (x.role === y.role ? 0 : x.role === 'aanvrager' ? -1 : 1));
    const amount = (d: { value: string | null }) => d.value;
    // The income the afloscapaciteit was computed from (the debtor's own when only one partner is the debtor):
    // the letter's income − VTLB must give its afloscapaciteit.
    const debtorIncome = b.result.income.forAfloscapaciteit.value;
    const notes: string[] = [];
    if (view.params.monthsReason && p.months !== standardTermMonths(p.startDate)) notes.push(`Afwijkende looptijd van ${p.months} maanden: ${view.params.monthsReason}`);
    for (const [label, o] of [
      ['Afloscapaciteit', view.params.capacityOverride],
      ['Vakantiegeld', view.params.holidayPayOverride],
      ['Totaal voor de schuldeisers', view.params.potOverride],
    ] as const) {
      if (o) notes.push(`${label} vastgesteld op ${o.amount.replace('.', ',')} euro: ${o.reason}`);
    }
    return {
      dossierNumber: dossier.number,
      fictitious: dossier.fictitious,
      letterDate,
      replyBy: format(addDays(parseISO(letterDate), replyDays), 'yyyy-MM-dd'),
      generatedAt: now,
      sender: { name: deps.actor(), professional: dossier.professional, organisation: deps.organisation()?.trim() || null },
      debtors: adults.map((a) => ({ name: `${a.firstName} ${a.lastName}`, birthDate: a.birthDate, bsn: opts.includeBsn ? (a.bsn ?? null) : null })),
      address: dossier.address,
      addressee,
      creditors,
      excluded: p.excluded.map((e) => ({ creditor: e.creditor, reference: e.reference, claim: e.claim, reason: e.reason })),
      totals: { claims: p.totals.claims.value ?? '0.00', amounts: p.totals.amounts.value ?? '0.00' },
      proposal: {
        status: p.status,
        variant: p.variant,
        months: p.months,
        startDate: p.startDate,
        concurrentPct: p.percentages.concurrent.value ?? '0.00',
        preferentPct: p.percentages.preferent.value ?? '0.00',
        factor: p.factor,
        monthlyCapacity: amount(p.monthlyCapacity),
        pot: amount(p.pot),
        holidayPay: amount(p.holidayPay),
        nulAanbodText: p.nulAanbodText,
        notes,
      },
      budget: {
        referenceDate: view.referenceDate,
        income: debtorIncome ? toAmountString(debtorIncome) : null,
        vtlb: b.result.vtlb.total.value ? toAmountString(b.result.vtlb.total.value) : null,
        afloscapaciteit: b.result.afloscapaciteit.value ? toAmountString(b.result.afloscapaciteit.value) : null,
        calculator: `Houvast ${deps.version} (VTLB-methode Recofa/NVVK)`,
        normPeriods: b.result.normPeriods.map((r) => `${NORM_GROUP_LABELS[r.group]} vanaf ${formatNlDate(r.periodStart)}`),
      },
    };
  }

  return {
    letterData,
    async create({ dossierId, kind, debtId, includeBsn, recordSent }) {
      const view = await deps.arrangement(dossierId);
      const p = view.proposal;
      if (p.status === 'ontbreekt') {
        throw new AppError('VALIDATION', `Er is nog geen volledig voorstel: ${p.missing.map((m) => m.message).join(' ')}`);
      }
      if (kind === 'voorstel' && (!debtId || !p.creditors.some((c) => c.debtId === debtId))) {
        throw new AppError('VALIDATION', 'Kies een schuldeiser die in de regeling zit.', [{ path: 'debtId', message: 'Kies een schuldeiser die in de regeling zit.' }]);
      }
      const b = await deps.budget.compute(dossierId, view.referenceDate);
      const data = await letterData(b.dossier, view, { includeBsn, debtId: kind === 'voorstel' ? debtId! : null });
      const pdf = kind === 'voorstel' ? await renderProposalLetter(data) : await renderDebtOverview(data);
      const fileName =
        kind === 'voorstel' ? proposalLetterFileName(b.dossier.number, data.addressee!.creditor, data.letterDate) : debtOverviewFileName(b.dossier.number, data.letterDate);
      const letter = deps.board.storeLetter({ dossierId, debtId: kind === 'voorstel' ? debtId! : null, kind, fileName, content: pdf, includesBsn: includeBsn });
      if (recordSent && kind === 'voorstel') {
        await deps.board.addEvent({ dossierId, debtId: debtId!, step: 'voorstel_verstuurd', date: data.letterDate, note: `Brief ${fileName}` });
      }
      return { letter, contentBase64: pdf.toString('base64') };
    },
  };
}
