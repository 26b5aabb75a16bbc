// The dossier interchange file (resources/schema/dossier.schema.json): import is all or nothing,
// export writes one dossier. Validation uses the same zod schema as the contract, so a file is
// accepted exactly when each of its dossiers would be accepted by dossier.create.
import { AppError, type IssueDetail } from '../../shared/contract/errors';
import { installDutchErrors } from '../../shared/contract/locale';
import {
  INTERCHANGE_FORMAT,
  INTERCHANGE_VERSION,
  interchangeSchema,
  type Dossier,
  type DossierData,
  type InterchangeFile,
} from '../../shared/dossier/schema';
import type { AuditService } from './audit';
import type { ServiceContext } from './context';
import type { DossierService } from './dossiers';
import type { SignalService } from './signals';
import type { InterchangeSignal } from '../../shared/signals/schema';

export interface ImportOptions {
  /** Demo vaults: every imported household is marked fictitious whatever the file says. */
  markFictitious?: boolean;
}

export interface InterchangeService {
  /** Validate and import; throws VALIDATION with per-path Dutch reasons and imports nothing. */
  importFile(file: unknown, options?: ImportOptions): { imported: { id: string; number: string }[] };
  exportDossier(id: string): { fileName: string; content: string };
}

/** Parse an interchange file; the issues' paths are relative to the file ("dossiers.0.adults.0.bsn"). */
export function parseInterchange(file: unknown): InterchangeFile {
  installDutchErrors();
  const parsed = interchangeSchema.safeParse(file);
  if (parsed.success) return parsed.data;
  const issues: IssueDetail[] = parsed.error.issues.map((i) => ({
    path: i.path.map(String).join('.') || '(bestand)',
    message: i.message,
  }));
  const n = issues.length;
  throw new AppError(
    'VALIDATION',
    `Het bestand is niet geldig (${n} ${n === 1 ? 'fout' : 'fouten'}). Er is niets geïmporteerd.`,
    issues,
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

/** A stored signal as it travels (v2 block): without vault ids or a reference to a vault-internal debt id. */
export function toInterchangeSignal(s: ReturnType<SignalService['listForDossier']>[number]): InterchangeSignal {
  return {
    vocabularyVersion: s.vocabularyVersion,
    recordedOn: s.recordedOn,
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
    note: s.note,
  };
}

export function exportFileName(number: string): string {
  return `dossier-${number.replace(/[^A-Za-z0-9_-]+/g, '_')}.json`;
}

export function createInterchangeService(
  ctx: ServiceContext,
  deps: { dossiers: DossierService; audit: AuditService; actor(): string; signals?: SignalService },
): InterchangeService {
  return {
    importFile(file, options = {}) {
      const parsed = parseInterchange(file);
      const db = ctx.db();
      const imported = db.transaction(() => {
        const actor = deps.actor();
        return parsed.dossiers.map(({ signals, ...data }) => {
          // A number that is already taken in this vault gets a fresh one rather than failing the file.
          const result = deps.dossiers.insert(db, options.markFictitious ? { ...data, fictitious: true } : data, {
            keepNumberIfFree: true,
          });
          // v2: the dossier's signals keep their registration date and vocabulary version (they decide the report quarter).
          for (const signal of signals ?? []) deps.signals?.insertImported(db, result.id, { ...signal, sourceRef: null });
          deps.audit.append(actor, 'dossier.imported', result.id, result.number, null);
          return result;
        });
      })();
      ctx.logger.info('dossier.imported', { count: imported.length });
      return { imported };
    },

    exportDossier(id) {
      const dossier = deps.dossiers.read(id);
      const file = {
        format: INTERCHANGE_FORMAT,
        version: INTERCHANGE_VERSION,
        exportedAt: new Date(ctx.clock.now()).toISOString(),
        dossiers: [{ ...toInterchangeData(dossier), signals: (deps.signals?.listForDossier(id) ?? []).map(toInterchangeSignal) }],
      };
      deps.audit.append(deps.actor(), 'dossier.exported', dossier.id, dossier.number, null);
      return { fileName: exportFileName(dossier.number), content: `${JSON.stringify(file, null, 2)}\n` };
    },
  };
}
