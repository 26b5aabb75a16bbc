// The dossier interchange file (resources/schema/dossier.schema.json): import is all or nothing,
// export writes one dossier. Validation uses the same zod schema as the contract, so a file is
// accepted exactly when each of its dossiers would be accepted by dossier.create.
import { AppError, type IssueDetail } from '../../shared/contract/errors';
import { installDutchErrors } from '../../shared/contract/locale';
import {
  INTERCHANGE_FORMAT,
  INTERCHANGE_VERSION,
  type Dossier,
  type DossierData,
} from '../../shared/dossier/schema';
import { fullInterchangeSchema, type FullInterchangeFile } from '../../shared/dossier/interchange-extras';
import { capIssues, parseStrictJson, unknownFields } from '../../shared/strict-json';
import { readDossierExtras, writeDossierExtras } from './dossier-extras';
import type { AuditService } from './audit';
import { exportBoardBlock, importBoardBlock } from './creditor-board';
import type { ServiceContext } from './context';
import type { DossierService } from './dossiers';
import { findDuplicate, impossibleInFile } from './plausibility';
import { isoDateOf } from '../../shared/dates';
import type { SignalService } from './signals';
import type { InterchangeSignal } from '../../shared/signals/schema';
import type { Job } from '../jobs';

/** The async import yields to the event loop after this many dossiers, or after this long. */
const IMPORT_YIELD_EVERY = 10;
const IMPORT_YIELD_MS = 50;

export interface ImportOptions {
  /** Demo vaults: every imported household is marked fictitious whatever the file says. */
  markFictitious?: boolean;
  /**
   * A household already in the vault (same aanvrager): 'ask' refuses the file with CONFLICT and names
   * the matches, 'skip' leaves them out, 'copy' imports them as new dossiers (the default for internal use).
   */
  onDuplicate?: 'ask' | 'skip' | 'copy';
}

export interface InterchangeService {
  /** Validate and import; throws VALIDATION with per-path Dutch reasons and imports nothing. */
  importFile(file: unknown, options?: ImportOptions): { imported: { id: string; number: string }[]; skipped: string[] };
  /**
   * The same import in one transaction, yielding between dossiers: reports progress to `job` and stops, rolling
   * the whole file back, when the job is cancelled (AppError CANCELLED).
   */
  importFileAsync(file: unknown, options?: ImportOptions, job?: Pick<Job, 'progress' | 'throwIfCancelled'>): Promise<{ imported: { id: string; number: string }[]; skipped: string[] }>;
  exportDossier(id: string): { fileName: string; content: string };
}

/** Parse an interchange file; the issues' paths are relative to the file ("dossiers.0.adults.0.bsn"). */
export function parseInterchange(file: unknown): FullInterchangeFile {
  installDutchErrors();
  // JSON text is read strictly (duplicate keys, lone surrogates refused with their place).
  if (typeof file === 'string') {
    const strict = parseStrictJson(file);
    if (!strict.ok) throw invalidFile(strict.issues);
    file = strict.value;
  }
  // Version 1 and 2; version 2's optional blocks (budget inputs, attachments) are read too.
  const parsed = fullInterchangeSchema.safeParse(file);
  if (parsed.success) {
    // A field the format does not have is refused rather than dropped: most often a misspelt optional field.
    const unknown = unknownFields(file, parsed.data);
    if (unknown.length > 0) throw invalidFile(unknown);
    return parsed.data;
  }
  throw invalidFile(
    parsed.error.issues.map((i) => ({
      path: i.path.map(String).join('.') || '(bestand)',
      message: i.message,
    })),
  );
}

/** All reasons counted in the message; at most the first 100 listed, then how many more. */
function invalidFile(issues: IssueDetail[]): AppError {
  const n = issues.length;
  return new AppError(
    'VALIDATION',
    `Het bestand is niet geldig (${n} ${n === 1 ? 'fout' : 'fouten'}). Er is niets geïmporteerd.`,
    capIssues(issues),
  );
}

/** The data part of a stored dossier, without the vault's internal ids. */
export function toInterchangeData(d: Dossier): DossierData {
  const { id: _id, createdAt: _c, updatedAt: _u, ...data } = d;
  const noId = <T extends { id?: string | undefined }>(items: T[]) => items.map(({ id: _i, ...rest }) => rest as T);
  return {
    ...data,
    adults: noId(data.adults),
    children: noId(data.children),
    bankAccounts: noId(data.bankAccounts),
    incomes: noId(data.incomes),
    expenses: noId(data.expenses),
    debts: noId(data.debts),
    notes: noId(data.notes),
  };
}

/** A stored signal as it travels (v2 block): without vault ids, a reference to a vault-internal debt id or the private note. */
export function toInterchangeSignal(s: ReturnType<SignalService['listForDossier']>[number]): InterchangeSignal {
  return {
    vocabularyVersion: s.vocabularyVersion,
    // The first registration travels on; the next vault registers it again on its import date (R1).
    recordedOn: s.originalRecordedOn ?? s.recordedOn,
    instantie: s.instantie,
    mechanism: s.mechanism,
    effects: s.effects,
    route: s.route,
    routeResult: s.routeResult,
    occurredOn: s.occurredOn,
    impactAmount: s.impactAmount,
    monthlyShortfall: s.monthlyShortfall,
    source: s.source,
    sourceRef: null,
    // The private note never leaves the vault (issue 9): not in the report, and not in this file either.
  };
}

export function exportFileName(number: string): string {
  return `dossier-${number.replace(/[^A-Za-z0-9_-]+/g, '_')}.json`;
}

export function createInterchangeService(
  ctx: ServiceContext,
  deps: { dossiers: DossierService; audit: AuditService; actor(): string; signals?: SignalService },
): InterchangeService {
  /** Validates the whole file and decides per dossier; `insert` writes one (inside the caller's transaction). */
  function prepareImport(file: unknown, options: ImportOptions) {
    const parsed = parseInterchange(file);
    const impossible = impossibleInFile(parsed.dossiers, isoDateOf(ctx.clock.now()));
    if (impossible.length > 0) {
      const n = impossible.length;
      throw new AppError('VALIDATION', `Het bestand bevat ${n === 1 ? 'een gegeven dat' : `${n} gegevens die`} niet kan kloppen. Er is niets geïmporteerd.`, impossible);
    }
    const db = ctx.db();
    // Creditor board blocks (version 2) name their dossier by position in the file.
    const boards = parsed.creditorBoards ?? [];
    boards.forEach((b, i) => {
      if (b.dossier >= parsed.dossiers.length) {
        throw new AppError('VALIDATION', 'Het bestand is niet geldig (1 fout). Er is niets geïmporteerd.', [
          { path: `creditorBoards.${i}.dossier`, message: `Er is geen dossier nummer ${b.dossier + 1} in dit bestand.` },
        ]);
      }
    });
    const choice = options.onDuplicate ?? 'copy';
    const duplicates = parsed.dossiers.map((data) => (choice === 'copy' ? null : findDuplicate(db, data)));
    if (choice === 'ask' && duplicates.some(Boolean)) {
      const n = duplicates.filter(Boolean).length;
      throw new AppError(
        'CONFLICT',
        `${n === 1 ? 'Eén huishouden' : `${n} huishoudens`} in dit bestand ${n === 1 ? 'staat' : 'staan'} al in de kluis. Er is niets geïmporteerd: kies of u ${n === 1 ? 'het' : 'ze'} overslaat of als kopie importeert.`,
        duplicates.flatMap((d, i) => (d ? [{ path: `dossiers.${i}`, message: `Staat al in de kluis als dossier ${d.number}.` }] : [])),
      );
    }
    const skipped = duplicates.flatMap((d) => (d && choice === 'skip' ? [d.number] : []));
    const indexes = parsed.dossiers.flatMap((_d, index) => (choice === 'skip' && duplicates[index] ? [] : [index]));
    const insert = (index: number, actor: string) => {
      const { signals, ...data } = parsed.dossiers[index]!;
      // A number that is already taken in this vault gets a fresh one rather than failing the file.
      const { budgetInputs, attachments, ...household } = data;
      const result = deps.dossiers.insert(db, options.markFictitious ? { ...household, fictitious: true } : household, {
        keepNumberIfFree: true,
      });
      // Stored in file order, so the new debt ids line up with the file's positions (letters, boards).
      const debtIds = deps.dossiers.read(result.id).debts.map((d) => d.id!);
      writeDossierExtras(db, result.id, { budgetInputs, attachments }, ctx.clock.now(), debtIds, `dossiers.${index}`);
      boards.forEach((b, i) => {
        if (b.dossier !== index) return;
        importBoardBlock(db, result.id, debtIds, b, `creditorBoards.${i}`, ctx.clock.now());
      });
      // v2: the dossier's signals are registered here today (R1: they count in the current quarter, never in one this
      // office may already have exported); the file's date is kept as the original registration, the vocabulary version stays.
      for (const signal of signals ?? []) deps.signals?.insertImported(db, result.id, { ...signal, sourceRef: null });
      deps.audit.append(actor, 'dossier.imported', result.id, result.number, null);
      return result;
    };
    return { skipped, indexes, insert };
  }

  return {
    importFile(file, options = {}) {
      const plan = prepareImport(file, options);
      const db = ctx.db();
      const imported = db.transaction(() => {
        const actor = deps.actor();
        return plan.indexes.map((index) => plan.insert(index, actor));
      })();
      ctx.logger.info('dossier.imported', { count: imported.length, skipped: plan.skipped.length });
      return { imported, skipped: plan.skipped };
    },

    async importFileAsync(file, options = {}, job) {
      const plan = prepareImport(file, options);
      const db = ctx.db();
      const total = plan.indexes.length;
      job?.progress(0, total);
      // One transaction for the whole file, as in importFile; between dossiers it yields to the event loop so
      // progress goes out and a cancel gets through (app.ts holds other calls back while an import runs).
      db.exec('BEGIN IMMEDIATE');
      const imported: { id: string; number: string }[] = [];
      try {
        const actor = deps.actor();
        let lastYield = performance.now();
        for (const [n, index] of plan.indexes.entries()) {
          imported.push(plan.insert(index, actor));
          if ((n + 1) % IMPORT_YIELD_EVERY === 0 || performance.now() - lastYield > IMPORT_YIELD_MS) {
            job?.progress(n + 1, total);
            await new Promise<void>((resolve) => setImmediate(resolve));
            lastYield = performance.now();
            job?.throwIfCancelled();
          }
        }
        job?.throwIfCancelled();
        db.exec('COMMIT');
      } catch (err) {
        // Cancelled or failed: nothing of the file stays (the vault may have closed, which rolls back too).
        if (db.open && db.inTransaction) db.exec('ROLLBACK');
        throw err;
      }
      job?.progress(total, total);
      ctx.logger.info('dossier.imported', { count: imported.length, skipped: plan.skipped.length });
      return { imported, skipped: plan.skipped };
    },

    exportDossier(id) {
      const dossier = deps.dossiers.read(id);
      const creditorBoardsOf = (d: Dossier) => {
        const block = exportBoardBlock(ctx.db(), d, 0);
        return block ? { creditorBoards: [block] } : {};
      };
      const file = {
        format: INTERCHANGE_FORMAT,
        version: INTERCHANGE_VERSION,
        exportedAt: new Date(ctx.clock.now()).toISOString(),
        // Everything the dossier holds: household data, then budget inputs, stored documents and signals.
        dossiers: [
          {
            ...toInterchangeData(dossier),
            ...readDossierExtras(
              ctx.db(),
              id,
              dossier.debts.map((d) => d.id!),
            ),
            signals: (deps.signals?.listForDossier(id) ?? []).map(toInterchangeSignal),
          },
        ],
        ...creditorBoardsOf(dossier),
      };
      deps.audit.append(deps.actor(), 'dossier.exported', dossier.id, dossier.number, null);
      return { fileName: exportFileName(dossier.number), content: `${JSON.stringify(file, null, 2)}\n` };
    },
  };
}
