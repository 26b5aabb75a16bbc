// The core: one VaultManager, the services over its database, and the router that every shell
// (Electron IPC, the web shell, the CLI, tests) calls. Shells never reach past the router.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tuneCoreHeap } from './heap';
import { AppError, DEFAULT_MESSAGES } from '../shared/contract/errors';
import type { VaultStatus } from '../shared/contract/vault';
import { systemClock, type Clock } from '../shared/dates';
import { migrations } from './db/migrations';
import { createLogger, type Logger } from './logger';
import { createRouter, type Handlers, type Router } from './router';
import { createJobs, type Job, type JobOperation } from './jobs';
import { budgetPlanFileName, renderBudgetPlanPdf } from './budget/plan-pdf';
import { createOfficeService } from './services/office';
import { auditChainHead, auditHashAt, carryAuditRows, createAuditService, readAuditRows, type AuditAction, type CarriedAuditRow } from './services/audit';
import { createBackupService } from './services/backups';
import { createBudgetService } from './services/budget';
import { createKeyFiguresRefresh } from './services/key-figures-refresh';
import { recoveryKitFileName, renderRecoveryKitPdf } from './recovery-kit';
import { createArrangementService } from './services/arrangements';
import { bundledSchemesLoader, createSchemeService } from './services/schemes';
import { createCreditorBoardService, isInRegeling, proposalOffers } from './services/creditor-board';
import { createLettersService } from './services/letters';
import { createLetterExportService } from './services/letter-export';
import { createSchemeBatchService } from './services/scheme-batch';
import { createSchemeConditionsService } from './services/scheme-conditions';
import { refusalInVault } from '../shared/contract/vault-kind';
import type { ServiceContext } from './services/context';
import { DEMO_PASSPHRASE, createDemo } from './services/demo';
import { createDocumentsService } from './services/documents';
import { createDossierService } from './services/dossiers';
import { createDossierItemsService } from './services/dossier-items';
import { createDebtTotalsService } from './services/debt-totals';
import { createMonthlyLinesService } from './services/monthly-lines';
import { createDraftsService } from './services/drafts';
import { createInterchangeService } from './services/interchange';
import { bundledNormsLoader, createNormsService } from './services/norms';
import { createSettingsService } from './services/settings';
import { createSignalService } from './services/signals';
import { interchangeSignalSchema } from '../shared/signals/schema';
import { createReportService } from './systeemfouten/service';
import { MERGE_STEPS, mergeReceivedFiles, mergeResult } from './systeemfouten/association';
import { createAssociationStore } from './systeemfouten/association-store';
import { VaultManager, type KdfParams, type VaultTimers } from './vault';
import { isUnreadable } from './vault/vault-manager';
import { corruptVaultError } from './vault/backups';
import type { Db } from './db/driver';
import { rollbackLogDetail } from './vault/rollback-anchor';

export interface CoreOptions {
  /** The app's data folder (vault registry, default vault folder). */
  dataDir: string;
  /** The repo's or the package's resources/ (demo households, norm tables, schemas). */
  resourcesDir: string;
  clock?: Clock;
  logger?: Logger;
  /** Argon2id parameters for new wraps; tests pass cheap ones. */
  kdf?: KdfParams;
  /** Driver build for Electron's ABI. */
  nativeBinding?: string;
  timers?: VaultTimers;
  /** App version for app.info; default: the version in package.json beside resources/. */
  version?: string;
}

export interface Core {
  router: Router;
  /** Pushed events ('vault.status' on every state change, auto-lock included). Returns an unsubscribe. */
  onEvent(listener: (event: string, payload: unknown) => void): () => void;
  /** Lock and close the vault. */
  dispose(): Promise<void>;
  /** For tests and shells that need to look at the vault state directly. */
  vault: VaultManager;
  /** Resolves when the session's background work has ended: the vault's maintenance and the key figures' refresh. */
  idle(): Promise<void>;
}

/** resources/ of this checkout, for tsx and vitest runs (the packaged app passes its own). */
export function defaultResourcesDir(): string {
  return fileURLToPath(new URL('../../resources', import.meta.url));
}

function packageVersion(resourcesDir: string): string {
  for (const candidate of [path.join(resourcesDir, '..', 'package.json'), fileURLToPath(new URL('../../package.json', import.meta.url))]) {
    try {
      const version = (JSON.parse(readFileSync(candidate, 'utf8')) as { version?: unknown }).version;
      if (typeof version === 'string') return version;
    } catch {
      // try the next place
    }
  }
  return '0.0.0';
}

export function createCore(opts: CoreOptions): Core {
  tuneCoreHeap();
  const clock = opts.clock ?? systemClock;
  const logger = opts.logger ?? createLogger();
  const version = opts.version ?? packageVersion(opts.resourcesDir);
  const listeners = new Set<(event: string, payload: unknown) => void>();

  const emit = (event: string, payload: unknown) => {
    for (const listener of [...listeners]) {
      try {
        listener(event, payload);
      } catch (err) {
        logger.warn('core.listener_failed', { event, error: err });
      }
    }
  };

  // Long work with progress and cancel (issue 10 §2). While an import runs (it yields between dossiers inside
  // one transaction), other calls wait for it, so nothing else can slip into, or be rolled back with, its
  // transaction; status, cancel and the session touch answer at once; a lock cancels the import first.
  const jobs = createJobs((event, payload) => emit(event, payload));
  let exclusive: Promise<unknown> | null = null;
  const waitForExclusive = async () => {
    while (exclusive) await exclusive.catch(() => undefined);
  };
  const runExclusive = async <T>(work: () => Promise<T>): Promise<T> => {
    await waitForExclusive();
    const running = work();
    exclusive = running;
    try {
      return await running;
    } finally {
      if (exclusive === running) exclusive = null;
    }
  };

  const vault = new VaultManager({
    dataDir: opts.dataDir,
    clock,
    logger,
    migrations,
    ...(opts.kdf ? { kdf: opts.kdf } : {}),
    ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
    ...(opts.timers ? { timers: opts.timers } : {}),
    onStatusChange: (status: VaultStatus) => emit('vault.status', status),
    // Manual locks are logged by lockWithAudit with their reason; the timer's lock is logged here,
    // while the database is still open.
    onBeforeLock: (db, reason) => {
      if (reason === 'auto') auditOn(db, 'vault.locked', 'Automatisch na inactiviteit');
    },
    onMigrated: (db, from, to) => auditOn(db, 'vault.migrated', `Schemaversie ${from} naar ${to}`),
    // The notice tells the user once; the logboek keeps it (the chain of the older copy carries on from here).
    onRolledBack: (db, anchor, head) => auditOn(db, 'vault.rollback_found', rollbackLogDetail(anchor, head)),
    // An older copy of the vault put back outside Houvast is told apart by the logboek's chain head.
    chainHead: { head: auditChainHead, hashAt: auditHashAt },
    // Issue 10 §2: the first unlock after an update can take a while; the unlock screen shows these steps.
    onMigrating: (step) => emit('vault.migrating', step),
    // The logboek survives a restore: entries made after the backup are carried into the restored database.
    restoreCarry: {
      read: (db) => (db ? readAuditRows(db) : []),
      write: (db, rows) => carryAuditRows(db, rows as CarriedAuditRow[]),
    },
    // Daily encrypted snapshots on unlock, pruned by the retention policy (src/core/vault/backups.ts).
    automaticBackups: true,
  });

  /**
   * Long work as a job: progress and cancel by the caller's jobId, and the auto-lock waits for it (a job is
   * never cut off by inactivity; if the deadline passed meanwhile, the vault locks right after it ends).
   */
  const withJob = async <T>(jobId: string | undefined, operation: JobOperation, work: (job: Job) => Promise<T>): Promise<T> => {
    const job = jobs.start(jobId, operation);
    const release = vault.holdAutoLock();
    try {
      return await work(job);
    } finally {
      job.end();
      release();
    }
  };

  /** Audit entry written through a given open database (used while the vault is changing state). */
  function auditOn(db: Db, action: AuditAction, detail: string): void {
    const bound: ServiceContext = { db: () => db, clock, logger };
    const boundAudit = createAuditService(bound);
    const userName = createSettingsService(bound, { audit: boundAudit }).get().userName;
    boundAudit.append(userName, action, null, null, detail);
  }

  const ctx: ServiceContext = { db: () => vault.db(), clock, logger };
  const audit = createAuditService(ctx);
  const settings = createSettingsService(ctx, {
    audit,
    onAutoLockMinutes: (minutes) => vault.setAutoLockMinutes(minutes),
  });
  const actor = () => settings.get().userName;
  const dossiers = createDossierService(ctx, { audit, actor });
  const dossierItems = createDossierItemsService({ dossiers });
  const monthlyLines = createMonthlyLinesService({ dossiers });
  const debtTotals = createDebtTotalsService({ dossiers });
  const drafts = createDraftsService(ctx);
  const signals = createSignalService(ctx, { audit, actor });
  const interchange = createInterchangeService(ctx, { dossiers, audit, actor, signals });
  // Bundled norm tables are read once per process; user tables come from the vault on every calculation.
  const norms = createNormsService(ctx, { bundled: bundledNormsLoader(opts.resourcesDir), audit, actor });
  const budget = createBudgetService(ctx, { dossiers, norms, audit, actor, version });
  const keyFiguresRefresh = createKeyFiguresRefresh({
    refreshAfter: (afterNumber, limit) => budget.refreshKeyFigures(afterNumber, limit),
    handle: () => vault.db(),
    waitForExclusive,
    logger,
  });
  const office = createOfficeService(ctx, { audit });
  const documents = createDocumentsService(ctx, {
    budget,
    office: () => office.get(),
    audit,
    actor,
    renderBudgetPlan: renderBudgetPlanPdf,
    fileName: budgetPlanFileName,
  });

  const arrangements = createArrangementService(ctx, { dossiers, budget, norms, audit, actor });
  const board = createCreditorBoardService(ctx, { dossiers, audit, actor, included: isInRegeling, offers: proposalOffers((id) => arrangements.get(id)) });
  const letterExport = createLetterExportService(ctx, { audit, actor, vaultPath: () => vault.status().vault?.path ?? null });
  const letters = createLettersService(ctx, { budget, arrangement: (id) => arrangements.get(id), board, actor, organisation: () => settings.get().organisation, version });
  const schemes = createSchemeService(ctx, { dossiers, budget, norms, audit, actor, bundled: bundledSchemesLoader(opts.resourcesDir) });
  const schemeBatch = createSchemeBatchService(ctx, { schemes, dossiers, board, audit, actor, organisation: () => settings.get().organisation });
  const schemeConditions = createSchemeConditionsService(ctx, { dossiers, scheme: (id) => schemes.get(id) });
  const associationStore = createAssociationStore({ db: () => ctx.db(), clock: ctx.clock, log: (detail) => audit.append(actor(), 'association.changed', null, null, detail) });
  // The anonymised report counts fictitious households only in the demo vault (never mixed with real ones).
  const reports = createReportService(ctx, { audit, actor, softwareVersion: version, includeFictitious: () => vault.status().vault?.demo === true });

  /** Vault-level audit entry; only while the database is open. */
  const logVault = (action: AuditAction, detail: string | null = null) => {
    audit.append(actor(), action, null, null, detail);
  };

  const backups = createBackupService({ vault, log: logVault, autoLockMinutes: () => settings.get().autoLockMinutes });

  /** After any unlock: the vault's own auto-lock setting applies; the stored key figures are brought up to date. */
  const afterUnlock = (action: AuditAction) => {
    const minutes = settings.get().autoLockMinutes;
    if (vault.status().autoLockMinutes !== minutes) vault.setAutoLockMinutes(minutes);
    logVault(action);
    startKeyFiguresRefresh();
  };

  /**
   * Only an office vault holds households (a vereniging vault holds received reports). The refresh waits for the
   * unlock's background integrity check and snapshot: the two together raised the process's peak memory by some
   * 30 MB at 100,000 households (bench, session 16).
   */
  let refreshStarting: Promise<void> = Promise.resolve();
  const startKeyFiguresRefresh = () => {
    if ((vault.status().vault?.kind ?? 'kantoor') !== 'kantoor') return;
    const opened = vault.db();
    refreshStarting = vault.idle().then(() => {
      // Still the vault that was unlocked (not locked, not switched, not restored meanwhile).
      if (vault.status().state === 'unlocked' && vault.db() === opened) keyFiguresRefresh.start();
    }, () => undefined);
  };

  /**
   * The first write after an unlock can still meet a page SQLite cannot read (a WAL damaged under another
   * process's index): then the vault is locked again, never left half unlocked, and the backups are offered.
   */
  const afterUnlockOrLock = (action: AuditAction) => {
    try {
      afterUnlock(action);
    } catch (err) {
      if (!isUnreadable(err)) throw err;
      logger.error('vault.corrupt', { stage: 'after_unlock', error: err });
      vault.lock();
      throw corruptVaultError();
    }
  };

  const lockWithAudit = (detail: string) => {
    if (vault.status().state === 'unlocked') {
      try {
        logVault('vault.locked', detail);
      } catch (err) {
        // Locking must never fail because the log could not be written.
        logger.warn('audit.lock_entry_failed', { error: err });
      }
    }
  };

  /** A demo vault only ever holds fictitious households: whatever is added there is marked so. */
  const inDemoVault = () => vault.status().vault?.demo === true;
  const markIfDemo = <T extends { fictitious: boolean }>(data: T): T => (inDemoVault() ? { ...data, fictitious: true } : data);

  /** A plaintext export needs the passphrase again: checked against the keyfile, no state changes. */
  const verifyPassphrase = (passphrase: string): Promise<void> => vault.verifyPassphrase(passphrase);

  const handlers: Handlers = {
    'app.info': async () => ({
      version,
      defaultVaultFolder: vault.vaultFolder(),
      knownVaults: await vault.knownVaults(),
      demoPassphrase: DEMO_PASSPHRASE,
    }),
    'vault.status': () => vault.status(),
    // The core in this process is running; a shell hosting it elsewhere answers a restart itself (host/core-client.ts).
    'core.restart': () => ({ restarted: false }),
    'vault.create': async ({ name, path: folder, passphrase, userName, kind }) => {
      const { recoveryCode } = await vault.create(
        { name, passphrase, kind, ...(folder ? { path: folder } : {}) },
        { beforeSwitch: () => lockWithAudit('Andere kluis gemaakt') },
      );
      // Before the first logboek entry, so even 'vault.created' carries the user's own name.
      if (userName !== undefined) settings.initialise({ userName });
      afterUnlock('vault.created');
      return { status: vault.status(), recoveryCode };
    },
    'vault.recoveryKit': async ({ recoveryCode }) => {
      const vaultInfo = await vault.verifyRecoveryCode(recoveryCode);
      const generatedAt = clock.now();
      const pdf = await renderRecoveryKitPdf({
        recoveryCode,
        vaultName: vaultInfo.name,
        vaultCreatedAt: vaultInfo.createdAt,
        generatedAt,
        generatedBy: actor(),
      });
      return { fileName: recoveryKitFileName(vaultInfo.name, generatedAt), mime: 'application/pdf' as const, contentBase64: pdf.toString('base64') };
    },
    'vault.createDemo': () => {
      lockWithAudit('Demokluis geopend');
      return createDemo({
        vault,
        dataDir: opts.dataDir,
        resourcesDir: opts.resourcesDir,
        afterCreate: () => afterUnlock('vault.created'),
        importFile: (file) => interchange.importFile(file, { markFictitious: true }),
        saveBudgetInputs: (id, inputs) => budget.saveInputs(id, inputs),
        // Demo systeemfouten keep their (past) registration dates, so the demo can show a report.
        addDemoSignals: (imported, list) => {
          const first = (imported as { imported: { id: string }[] }).imported[0];
          if (!first) return;
          const db = vault.db();
          for (const raw of list) {
            const s = interchangeSignalSchema.parse(raw);
            signals.insertDemo(db, first.id, { ...s, sourceRef: null });
          }
        },
      });
    },
    'vault.open': ({ path: folder }) => vault.open(folder, { beforeSwitch: () => lockWithAudit('Andere kluis gekozen') }),
    'vault.unlock': async ({ passphrase }) => {
      const wasUnlocked = vault.status().state === 'unlocked';
      await vault.unlock(passphrase);
      if (!wasUnlocked) afterUnlockOrLock('vault.unlocked');
      return vault.status();
    },
    'vault.unlockWithRecoveryCode': async ({ recoveryCode, newPassphrase }) => {
      await vault.unlockWithRecoveryCode(recoveryCode, newPassphrase);
      afterUnlockOrLock('vault.recovered');
      return vault.status();
    },
    'vault.lock': () => {
      lockWithAudit('Handmatig');
      return vault.lock();
    },
    'vault.close': () => {
      lockWithAudit('Kluis gesloten');
      return vault.close();
    },
    // Only the external backup is long (a copy to a slow drive): it runs as a job with progress and cancel.
    'vault.backup': ({ folder, jobId }) =>
      folder === undefined ? backups.create({}) : withJob(jobId, 'backup', (job) => backups.create({ folder }, job)),
    'vault.listBackups': () => backups.list(),
    'vault.restoreBackup': async (input) => {
      const restored = await backups.restore(input);
      if (vault.status().state === 'unlocked') startKeyFiguresRefresh();
      return restored;
    },
    'vault.changePassphrase': async ({ currentPassphrase, newPassphrase }) => {
      await vault.changePassphrase(currentPassphrase, newPassphrase);
      logVault('vault.passphrase_changed');
      return { changed: true as const };
    },
    'session.touch': () => vault.touch(),
    'settings.get': () => settings.get(),
    'settings.update': (patch) => settings.update(patch),
    'dossier.list': (query) => dossiers.list(query),
    'dossier.search': (query) => dossiers.search(query),
    'dossier.get': ({ id }) => dossiers.get(id),
    'dossier.create': ({ data }) => dossiers.create(markIfDemo(data)),
    'dossier.update': ({ id, data }) => dossiers.update(id, markIfDemo(data)),
    'dossier.saveItem': ({ id, stamp, ...saved }) => dossierItems.save(id, saved, stamp),
    'dossier.removeItem': ({ id, kind, itemId, stamp }) => dossierItems.remove(id, kind, itemId, stamp),
    // The stored dossier keeps its own fictitious flag: the details do not carry it.
    'dossier.saveDetails': ({ id, details, stamp }) => dossierItems.saveDetails(id, details, stamp),
    'dossier.restoreItem': ({ id, removed }) => dossierItems.restore(id, removed),
    'dossier.monthlyLines': ({ id }) => monthlyLines.of(id),
    'dossier.debtTotals': ({ id }) => debtTotals.of(id),
    'dossier.addNote': ({ id, text }) => dossiers.addNote(id, text),
    'dossier.close': ({ id }) => dossiers.close(id),
    'dossier.delete': ({ id, confirmNumber }) => {
      dossiers.delete(id, confirmNumber);
      return { deleted: true as const };
    },
    'dossier.import': ({ file, onDuplicate, jobId }) =>
      runExclusive(() =>
        withJob(jobId, 'import', (job) => interchange.importFileAsync(file, { markFictitious: inDemoVault(), onDuplicate: onDuplicate ?? 'ask' }, job)),
      ),
    'job.cancel': ({ jobId }) => ({ cancelled: jobs.cancel(jobId) }),
    'dossier.check': ({ id, ...facts }) => ({ warnings: dossiers.check(facts, id) }),
    'dossier.export': async ({ id, passphrase }) => {
      dossiers.read(id); // NOT_FOUND before spending a KDF run
      await verifyPassphrase(passphrase);
      // The vault may have locked while the KDF ran: vault.db() inside the export answers LOCKED then.
      return interchange.exportDossier(id);
    },
    'audit.list': ({ dossierId, limit }) => audit.list({ ...(dossierId ? { dossierId } : {}), ...(limit ? { limit } : {}) }),
    'audit.verify': () => audit.verify(),
    'drafts.save': (input) => drafts.save(input),
    'drafts.get': ({ form }) => drafts.get(form),
    'drafts.list': () => drafts.list(),
    'drafts.discard': ({ form }) => {
      drafts.discard(form);
      return { discarded: true as const };
    },
    'budget.get': ({ id, date, explanations }) => budget.get(id, date, explanations),
    'budget.batch': (input) => budget.batch(input),
    'budget.saveInputs': ({ id, inputs }) => budget.saveInputs(id, inputs),
    'budget.createPlan': ({ id, date, includeBsn, jobId }) =>
      withJob(jobId, 'pdf', (job) => documents.createBudgetPlan(id, date, { includeBsn: includeBsn === true, job })),
    'settings.office.get': () => office.get(),
    'settings.office.update': (patch) => office.update(patch, actor()),
    'documents.list': ({ dossierId }) => documents.list(dossierId),
    'documents.get': ({ id }) => documents.get(id),
    'norms.list': () => norms.list(),
    'norms.import': ({ file }) => norms.import(file),
    'norms.addPeriod': (input) => norms.addPeriod(input),
    'norms.removeUserFile': ({ id }) => norms.removeUserFile(id),
    // Creditor board, payments and letters
    'board.get': ({ dossierId }) => board.view(dossierId),
    'board.addEvent': (input) => board.addEvent(input),
    'board.removeEvent': ({ dossierId, eventId }) => board.removeEvent(dossierId, eventId),
    'board.saveSettings': (input) => board.saveSettings(input),
    'payments.record': (input) => board.recordPayment(input),
    'payments.remove': ({ dossierId, paymentId }) => board.removePayment(dossierId, paymentId),
    'letters.create': (input) => letters.create(input),
    'letters.list': ({ dossierId }) => board.listLetters(dossierId),
    'letters.get': ({ id }) => board.getLetter(id),
    'letters.exportToFolder': (input) => letterExport.exportToFolder(input),
    'schemes.produceBatch': ({ jobId, ...input }) => withJob(jobId, 'pdf', (job) => schemeBatch.produce(input, job)),
    'schemes.conditions': ({ dossierId, date }) => schemeConditions.forDossier(dossierId, date),
    // Payment arrangements (proposal engine) and zorgpremie schemes
    'arrangement.get': ({ id, date }) => arrangements.get(id, date),
    'arrangement.preview': ({ id, date, params }) => arrangements.preview(id, params, date),
    'arrangement.saveInputs': ({ id, params }) => arrangements.saveInputs(id, params),
    'schemes.list': () => schemes.list(),
    'schemes.save': ({ scheme }) => schemes.save(scheme),
    'schemes.remove': ({ id }) => schemes.remove(id),
    'schemes.family': ({ schemeId, dossierId, date }) => schemes.family(schemeId, dossierId, date),
    'schemes.batch': ({ schemeId, filters, date, page }) => schemes.batch(schemeId, filters, date, page),
    'schemes.setParticipant': (input) => schemes.setParticipant(input),
    'schemes.dashboard': ({ schemeId, date }) => schemes.dashboard(schemeId, date),
    'signals.list': (filter) => signals.list(filter),
    'signals.create': ({ dossierId, data }) => signals.create(dossierId, data),
    'signals.update': ({ id, data }) => signals.update(id, data),
    'signals.delete': ({ id }) => {
      signals.delete(id);
      return { deleted: true as const };
    },
    'report.preview': (req) => reports.preview(req),
    'report.export': ({ jobId, ...req }) => withJob(jobId, 'pdf', (job) => reports.export(req, job)),
    'report.download': ({ exportId }) => reports.download(exportId),
    'association.merge': ({ files, register, jobId }) =>
      withJob(jobId, 'pdf', async (job) => {
        job.progress(0, MERGE_STEPS);
        let outcome;
        try {
          outcome = mergeReceivedFiles(files, register);
        } catch (err) {
          throw new AppError('VALIDATION', err instanceof Error ? err.message : 'Het sleutelregister kan niet worden gelezen.');
        }
        job.progress(1, MERGE_STEPS);
        // Nothing is stored: stopping is safe until the answer.
        job.throwIfCancelled();
        const result = await mergeResult(outcome);
        job.progress(MERGE_STEPS, MERGE_STEPS);
        return result;
      }),
    'association.store.get': () => associationStore.view(),
    'association.store.registerKey': (input) => associationStore.registerKey(input),
    'association.store.revokeKey': ({ keyId }) => associationStore.revokeKey(keyId),
    'association.store.receive': ({ files }) => associationStore.receive(files),
    'association.store.publish': ({ year, jobId }) => withJob(jobId, 'pdf', (job) => associationStore.publish(year, job)),
    'association.store.publication': ({ id }) => associationStore.publication(id),
    'report.publicKey': () => reports.publicKey(),
    'report.ledger': () => reports.ledger(),
  };

  /** Answer at once, also while an import runs: they neither read nor write the dossiers. */
  const NEVER_WAIT = new Set<string>(['app.info', 'vault.status', 'session.touch', 'job.cancel', 'core.restart', 'dossier.import']);
  /** Stop running jobs (an import rolls back, a backup leaves nothing) before they run. */
  const CANCEL_FIRST = new Set<string>(['vault.lock', 'vault.close', 'vault.open', 'vault.create', 'vault.createDemo', 'vault.restoreBackup']);
  const gated = Object.fromEntries(
    Object.entries(handlers).map(([name, handler]) => {
      const h = handler as (input: unknown) => unknown;
      if (NEVER_WAIT.has(name)) return [name, h];
      return [
        name,
        async (input: unknown) => {
          // Any running job (an import, a backup, a PDF batch) stops safely first.
          if (CANCEL_FIRST.has(name)) jobs.cancelAll();
          // The key figures' refresh runs only while no call comes in (key-figures-refresh.ts).
          keyFiguresRefresh.touch();
          await waitForExclusive();
          try {
            return await h(input);
          } finally {
            keyFiguresRefresh.touch();
          }
        },
      ];
    }),
  ) as unknown as Handlers;

  const router = createRouter(
    gated,
    {
      assertUnlocked: () => void vault.db(),
      // A vereniging vault holds no case files: only the procedures of its kind run (shared/contract/vault-kind.ts).
      assertAllowed: (name) => {
        const refusal = refusalInVault(vault.status().vault?.kind ?? 'kantoor', name);
        if (refusal) throw new AppError('FORBIDDEN', refusal);
      },
    },
    logger,
  );

  return {
    router,
    vault,
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    idle: async () => {
      await vault.idle();
      await refreshStarting;
      await keyFiguresRefresh.settled();
    },
    async dispose() {
      // A running import is stopped and rolled back before the vault closes.
      jobs.cancelAll();
      keyFiguresRefresh.stop();
      await waitForExclusive();
      lockWithAudit('Programma afgesloten');
      vault.close();
      // A background snapshot in progress finishes (it holds its own connection; the key is already wiped here).
      await vault.idle();
      listeners.clear();
    },
  };
}
