// The group batch of a zorgpremie scheme: for the families the user selected from schemes.batch, a letter to
// the creditor per family (stored encrypted in that family's dossier) and one overview of the batch for the
// creditor (PDF and CSV). Families that were candidates become "voorgesteld". Every figure is the scheme
// engine's; the totals of the overview are sums of the shown lines.
import { addDays, format, parseISO } from 'date-fns';
import type { Job } from '../jobs';
import { SCHEME_FAMILY_STATUS_LABELS, SCHEME_ROUTE_LABELS, type Scheme } from '../../shared/arrangement/scheme';
import type { SchemeFamilyOut } from '../../shared/contract/arrangements';
import { AppError } from '../../shared/contract/errors';
import { isoDateOf } from '../../shared/dates';
import type { Dossier } from '../../shared/dossier/schema';
import { money, sum, toAmountString } from '../../shared/money';
import { renderPdf } from '../budget/plan-pdf/pdfmake';
import {
  buildSchemeLetter,
  buildSchemeOverview,
  schemeOverviewCsv,
  type SchemeFamilyLine,
  type SchemeLetterScheme,
  type SchemeOverviewData,
} from '../arrangement/letters/scheme';
import type { AuditService } from './audit';
import type { ServiceContext } from './context';
import type { CreditorBoardService } from './creditor-board';
import type { DossierService } from './dossiers';
import { writeParticipant, type SchemeService } from './schemes';
import { checkOverrides, recordOverrides } from './scheme-conditions';

export interface BatchFile {
  fileName: string;
  mime: string;
  contentBase64: string;
}

export interface SchemeBatchService {
  produce(input: {
    schemeId: string;
    filters: Parameters<SchemeService['batch']>[1];
    dossierIds: string[];
    includeBsn: boolean;
    /** Families that do not meet the scheme's conditions enter only with a reason. */
    overrides?: { dossierId: string; reason: string }[];
  }, job?: Pick<Job, 'progress' | 'throwIfCancelled'>): Promise<{ files: BatchFile[]; proposed: number }>;
}

/** Days the creditor gets to answer a scheme letter. */
export const SCHEME_REPLY_DAYS = 30;

const safe = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9-]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40) || 'regeling';

export function schemeConditions(s: Scheme): string[] {
  return [
    ...(s.conditions.currentPremiumPaid ? ['De lopende premie wordt tijdens de regeling volledig betaald.'] : []),
    ...(s.conditions.noNewArrears ? ['Er ontstaat tijdens de regeling geen nieuwe premieachterstand.'] : []),
    ...s.conditions.other,
    s.forgiveRemainder
      ? 'Na nakoming van de regeling scheldt de zorgverzekeraar het restant van de achterstand kwijt.'
      : 'Na de looptijd blijft een eventueel restant verschuldigd.',
  ];
}

function line(f: SchemeFamilyOut, dossier: Dossier): SchemeFamilyLine {
  return {
    dossierNumber: f.dossierNumber,
    displayName: f.displayName,
    city: f.city,
    childrenCount: f.childrenCount,
    fictitious: f.fictitious,
    references: dossier.debts.filter((d) => d.id && f.debtIds.includes(d.id) && d.reference).map((d) => d.reference!),
    arrears: f.arrears.value ?? '0.00',
    monthly: f.monthly.value,
    months: f.months,
    paid: f.paid.value,
    forgiven: f.forgiven.value,
    // A scheme that forgives nothing leaves arrears − paid owed: the letter prints that, not the zero forgiven.
    remainder: f.paid.value === null ? null : toAmountString(money(f.arrears.value ?? '0').minus(money(f.paid.value))),
    feasible: f.feasible,
    statusLabel: SCHEME_FAMILY_STATUS_LABELS[f.status],
    summary: f.summary,
    stage: f.premiumStage ? { label: f.premiumStage.label, next: f.premiumStage.next, exits: [...f.premiumStage.exits] } : null,
  };
}

export function createSchemeBatchService(
  ctx: ServiceContext,
  deps: { schemes: SchemeService; dossiers: DossierService; board: CreditorBoardService; audit: AuditService; actor(): string; organisation?: () => string | undefined },
): SchemeBatchService {
  return {
    async produce({ schemeId, filters, dossierIds, includeBsn, overrides = [] }, job) {
      if (dossierIds.length === 0) throw new AppError('VALIDATION', 'Kies minstens één gezin voor de batch.');
      const scheme = await deps.schemes.get(schemeId);
      const batch = await deps.schemes.batch(schemeId, filters);
      const chosen = dossierIds.map((id) => batch.families.find((f) => f.dossierId === id));
      if (chosen.some((f) => !f)) throw new AppError('VALIDATION', 'Een gekozen gezin hoort (niet meer) bij deze selectie. Zoek opnieuw en kies opnieuw.');
      const families = chosen as SchemeFamilyOut[];
      // "Voldoet niet" only with a reason (refused before anything is made); the reasons are kept with the letters.
      checkOverrides(families, overrides);
      const now = ctx.clock.now();
      const letterDate = isoDateOf(now);
      const replyBy = format(addDays(parseISO(letterDate), SCHEME_REPLY_DAYS), 'yyyy-MM-dd');
      const organisation = deps.organisation?.()?.trim();
      const sender = organisation ? `${deps.actor()}, ${organisation}` : deps.actor();
      const s: SchemeLetterScheme = {
        name: scheme.name,
        creditor: scheme.creditor.name,
        gemeente: scheme.gemeente,
        routeLabel: SCHEME_ROUTE_LABELS[scheme.route],
        maxMonths: scheme.maxMonths,
        conditions: schemeConditions(scheme),
        forgiveRemainder: scheme.forgiveRemainder,
      };

      const files: BatchFile[] = [];
      const lines: SchemeFamilyLine[] = [];
      // First every letter is made (progress per letter, a cancel stops here: nothing is stored yet, not even the
      // reasons); then the reasons, the letters and the candidates' "voorgesteld" are stored in one transaction (all
      // or nothing), and the overview made.
      const made: { f: SchemeFamilyOut; fileName: string; pdf: Buffer }[] = [];
      const steps = families.length + 1;
      job?.progress(0, steps);
      for (const f of families) {
        const dossier = deps.dossiers.read(f.dossierId);
        const l = line(f, dossier);
        lines.push(l);
        const adults = [...dossier.adults].sort((x, y) => (x.role === y.role ? 0 : x.role === 'aanvrager' ? -1 : 1));
        const pdf = await renderPdf(
          buildSchemeLetter({
            scheme: s,
            family: l,
            debtors: adults.map((a) => ({ name: `${a.firstName} ${a.lastName}`, birthDate: a.birthDate, bsn: includeBsn ? (a.bsn ?? null) : null })),
            address: dossier.address,
            letterDate,
            replyBy,
            generatedAt: now,
            sender,
          }),
        );
        made.push({ f, fileName: `regeling-${safe(scheme.id)}-${safe(f.dossierNumber)}-${letterDate}.pdf`, pdf });
        job?.progress(made.length, steps);
        job?.throwIfCancelled();
      }
      let proposed = 0;
      const db = ctx.db();
      db.transaction(() => {
        const write = { audit: deps.audit, actor: deps.actor(), now };
        recordOverrides(db, write, schemeId, families, overrides);
        for (const { f, fileName, pdf } of made) {
          deps.board.storeLetter({ dossierId: f.dossierId, debtId: f.debtIds[0] ?? null, kind: 'voorstel', fileName, content: pdf, includesBsn: includeBsn });
          files.push({ fileName, mime: 'application/pdf', contentBase64: pdf.toString('base64') });
          if (f.status === 'kandidaat') {
            writeParticipant(db, write, schemeId, { id: f.dossierId, number: f.dossierNumber }, { status: 'voorgesteld', agreedMonthly: f.feasible ? f.monthly.value : null, startDate: null });
            proposed += 1;
          }
        }
      })();

      const total = (pick: (l: SchemeFamilyLine) => string | null) => toAmountString(sum(lines.map((l) => money(pick(l) ?? '0'))));
      const overview: SchemeOverviewData = {
        scheme: s,
        referenceDate: batch.referenceDate,
        generatedAt: now,
        sender,
        families: lines.map((l) => ({ ...l, statusLabel: l.statusLabel === 'Kandidaat' ? 'Voorgesteld' : l.statusLabel })),
        totals: {
          families: lines.length,
          children: lines.reduce((n, l) => n + l.childrenCount, 0),
          arrears: total((l) => l.arrears),
          monthly: total((l) => l.monthly),
          forgiven: total((l) => l.forgiven),
        },
      };
      const base = `overzicht-${safe(scheme.id)}-${letterDate}`;
      const overviewPdf = await renderPdf(buildSchemeOverview(overview));
      files.push({ fileName: `${base}.pdf`, mime: 'application/pdf', contentBase64: overviewPdf.toString('base64') });
      files.push({ fileName: `${base}.csv`, mime: 'text/csv', contentBase64: Buffer.from(schemeOverviewCsv(overview), 'utf8').toString('base64') });
      // The overview leaves the vault with every family's name: logged as an export for each dossier.
      for (const f of families) deps.audit.append(deps.actor(), 'dossier.exported', f.dossierId, f.dossierNumber, `Overzicht regeling ${scheme.id}`);
      job?.progress(steps, steps);
      return { files, proposed };
    },
  };
}
