// The one contract: every operation the renderer, the CLI or a test can ask of the core.
// Each procedure names its input and output schema; the router validates both.
import { officeOut, officeUpdate } from './office';
import { z } from 'zod';
import { jobId } from './jobs';
import {
  DOSSIER_STATUSES,
  HELP_TYPES,
  adultSchema,
  bankAccountSchema,
  childSchema,
  debtSchema,
  dossierDataSchema,
  dossierSchema,
  expenseSchema,
  incomeSchema,
  isoDate,
} from '../dossier/schema';
import {
  addNormPeriodInput,
  budgetInputsSchema,
  budgetView,
  createdPlanOut,
  documentContentOut,
  documentSummaryOut,
  normsListOut,
  normsStoredOut,
} from './budget';
import { knownVault, localPath, newPassphrase, passphrase, recoveryCode, settingsSchema, vaultMigrating, vaultStatus } from './vault';
import { signalDataSchema, signalFilterSchema, signalSchema } from '../signals/schema';
import { associationMergeInput, associationMergeOut, reportExportInput, reportExportOut, reportLedgerOut, reportPreviewInput, reportPreviewOut, reportPublicKeyOut } from './reports';
import { backupInfo, backupInput, backupOutput, restoreBackupInput, restoreBackupOutput } from './backups';
import {
  arrangementParamsIn,
  arrangementView,
  participantIn,
  schemeBatchIn,
  schemeDashboardOut,
  schemeFamilyOut,
  storedSchemeOut,
} from './arrangements';
import { schemeSchema } from '../arrangement/scheme';
import { creditorBoardContract } from './creditor-board';
import { budgetBatchIn, budgetBatchOut } from './budget-batch';
import { monthlyLinesOut } from './monthly-lines';
import { dossierCheckIn } from './dossier-check';
import { debtTotalsOut } from './debt-totals';
import { VAULT_KINDS } from './vault-kind';
import { associationStoreContract } from './association-store';
import { schemeConditionsContract } from './scheme-conditions';

const empty = z.object({}).strict();
const dossierId = z.string().min(1).max(64);

/** Columns the dossier list can be sorted by in the database. */
export const DOSSIER_SORT_KEYS = ['relevance', 'number', 'name', 'postcode', 'children', 'status', 'typeOfHelp', 'updated'] as const;

export const dossierSummary = z.object({
  id: z.string(),
  number: z.string(),
  /** "Jansen, Anna" for the aanvrager (and partner), for lists. */
  displayName: z.string(),
  postcode: z.string().nullable(),
  city: z.string().nullable(),
  status: z.enum(DOSSIER_STATUSES),
  typeOfHelp: z.enum(HELP_TYPES),
  professional: z.string(),
  childrenCount: z.number().int(),
  fictitious: z.boolean(),
  updatedAt: z.number().int(),
});
export type DossierSummary = z.infer<typeof dossierSummary>;

/** A question about a dossier to be saved (an unlikely fact); the user may confirm it. */
export const dossierWarning = z.object({
  /** Field path in the dossier data ("adults.0.bsn"). */
  path: z.string(),
  message: z.string(),
  /** The other dossier the warning is about (a BSN already used there), to link to. */
  dossierId: z.string().optional(),
  dossierNumber: z.string().optional(),
});
export type DossierWarning = z.infer<typeof dossierWarning>;

/** What an import does with a household that is already in the vault. */
export const DUPLICATE_CHOICES = ['ask', 'skip', 'copy'] as const;

export const AUDIT_ACTIONS = [
  'vault.created',
  'vault.unlocked',
  'vault.locked',
  'vault.passphrase_changed',
  'vault.recovered',
  'vault.migrated',
  'settings.changed',
  'dossier.created',
  'dossier.opened',
  'dossier.changed',
  'dossier.closed',
  'dossier.deleted',
  'dossier.imported',
  'dossier.exported',
  'dossier.note_added',
  'dossier.budgetplan_created',
  'norms.imported',
  'norms.removed',
  'vault.backup_created',
  'vault.restored',
  'vault.rollback_found',
  'schemes.changed',
  // systeemfouten
  'signal.created',
  'signal.changed',
  'signal.deleted',
  'report.key_created',
  'report.public_key_exported',
  'report.previewed',
  'report.exported',
  'association.changed',
] as const;

export const auditEntry = z.object({
  id: z.number().int(),
  at: z.number().int(),
  actor: z.string(),
  action: z.enum(AUDIT_ACTIONS),
  dossierId: z.string().nullable(),
  dossierNumber: z.string().nullable(),
  /** What changed, in words, without personal data (e.g. "Kinderen, Inkomsten"). */
  detail: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntry>;

// ---- item-level edits (remove with undo) -------------------------------------------------------------
/** The stamp of an item (or the household details) as read (src/shared/dossier/stamp.ts): a stale one is refused. */
const stamp = z.string().regex(/^[0-9a-z]{1,16}$/, { message: 'Ongeldige versie.' });
/** The household details the dossier form edits besides persons and bank accounts (dossier.saveDetails). */
const detailsShape = dossierDataSchema.shape;
export const dossierDetails = z.object({
  status: detailsShape.status,
  statusDates: detailsShape.statusDates,
  typeOfHelp: detailsShape.typeOfHelp,
  professional: detailsShape.professional,
  address: detailsShape.address,
  addressKind: detailsShape.addressKind,
  contact: detailsShape.contact,
});
export const ITEM_KINDS = ['income', 'expense', 'debt', 'child', 'adult', 'bankAccount'] as const;
const itemIndex = z.number().int().min(0).max(1000);
/** One removed item with its place in its list: what dossier.removeItem hands back and dossier.restoreItem takes. */
export const removedItem = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('income'), index: itemIndex, item: incomeSchema }),
  z.object({ kind: z.literal('expense'), index: itemIndex, item: expenseSchema }),
  z.object({ kind: z.literal('debt'), index: itemIndex, item: debtSchema }),
  z.object({ kind: z.literal('child'), index: itemIndex, item: childSchema }),
  z.object({ kind: z.literal('adult'), index: itemIndex, item: adultSchema }),
  z.object({ kind: z.literal('bankAccount'), index: itemIndex, item: bankAccountSchema }),
]);
export type RemovedItem = z.infer<typeof removedItem>;
/** One item to add (without id) or edit (with the id it has): the input of dossier.saveItem. */
const savedItemOf = <K extends (typeof ITEM_KINDS)[number], S extends z.ZodType>(kind: K, item: S) =>
  z.object({ id: dossierId, kind: z.literal(kind), item, stamp: stamp.optional() });
export const savedItem = z.discriminatedUnion('kind', [
  savedItemOf('income', incomeSchema),
  savedItemOf('expense', expenseSchema),
  savedItemOf('debt', debtSchema),
  savedItemOf('child', childSchema),
  savedItemOf('adult', adultSchema),
  savedItemOf('bankAccount', bankAccountSchema),
]);
export type SavedItem = z.infer<typeof savedItem>;

// ---- drafts ----
/** Which form a draft belongs to, e.g. "dossier:nieuw" or "dossier:<id>". */
const draftKey = z.string().min(1).max(200).regex(/^[a-z0-9:_-]+$/);
export const draftSummary = z.object({ form: z.string(), dossierId: z.string().nullable(), label: z.string(), updatedAt: z.number().int() });
export type DraftSummary = z.infer<typeof draftSummary>;

function procedure<I extends z.ZodType, O extends z.ZodType>(def: {
  input: I;
  output: O;
  /** Needs an unlocked vault; otherwise the router answers LOCKED or NO_VAULT. */
  unlocked: boolean;
  summary: string;
}) {
  return def;
}

// --- core host: long work ---
// --- end core host: long work ---

export const contract = {
  'app.info': procedure({
    summary: 'Version, known vaults and the default vault folder.',
    unlocked: false,
    input: empty,
    output: z.object({
      version: z.string(),
      defaultVaultFolder: z.string(),
      knownVaults: z.array(knownVault),
      /** The demo vault's passphrase is public on purpose: it only ever holds fictitious data. */
      demoPassphrase: z.string(),
    }),
  }),
  'vault.status': procedure({ summary: 'Current vault state.', unlocked: false, input: empty, output: vaultStatus }),
  // --- core host (the core in its own thread or process) ---
  'core.restart': procedure({
    summary: 'Start the core again after it stopped unexpectedly (answered by the shell; a running core answers restarted: false).',
    unlocked: false,
    input: empty,
    output: z.object({ restarted: z.boolean() }),
  }),
  'job.cancel': procedure({
    summary: 'Stop long work started with this jobId where that is safe (an import rolls back entirely). cancelled: false when no such job runs.',
    unlocked: false,
    input: z.object({ jobId }),
    output: z.object({ cancelled: z.boolean() }),
  }),
  // --- end core host ---
  'vault.create': procedure({
    summary: 'Create a vault, unlock it and return its recovery code (shown once).',
    unlocked: false,
    input: z.object({
      name: z.string().trim().min(1, { message: 'Geef de kluis een naam.' }).max(100),
      /** Vault folder to create (absolute path, must not exist yet); default: <vault folder>/<name>.houvast. */
      path: localPath('Kies een plek voor de kluis.').optional(),
      passphrase: newPassphrase,
      /** Kantoor (case files; the default) or vereniging (received office reports, never case files). */
      kind: z.enum(VAULT_KINDS).default('kantoor'),
      /** The user's name, for the logboek and every PDF (optional for the CLI; the app asks it). */
      userName: settingsSchema.shape.userName.optional(),
    }),
    output: z.object({ status: vaultStatus, recoveryCode: z.string() }),
  }),
  'vault.recoveryKit': procedure({
    summary: 'The herstelkit: a one-page PDF with the recovery code (checked against the vault first), made in memory.',
    unlocked: true,
    input: z.object({ recoveryCode }),
    output: z.object({ fileName: z.string(), mime: z.literal('application/pdf'), contentBase64: z.string() }),
  }),
  'vault.createDemo': procedure({
    summary: 'Create (or reuse) the demo vault with fictitious households and leave it locked.',
    unlocked: false,
    input: empty,
    output: z.object({ status: vaultStatus, passphrase: z.string() }),
  }),
  'vault.open': procedure({
    summary: 'Select an existing vault folder; it stays locked.',
    unlocked: false,
    input: z.object({ path: localPath('Kies een kluis.') }),
    output: vaultStatus,
  }),
  'vault.unlock': procedure({
    summary: 'Unlock the selected vault with its passphrase.',
    unlocked: false,
    input: z.object({ passphrase }),
    output: vaultStatus,
  }),
  'vault.unlockWithRecoveryCode': procedure({
    summary: 'Unlock with the recovery code and set a new passphrase.',
    unlocked: false,
    input: z.object({ recoveryCode, newPassphrase }),
    output: vaultStatus,
  }),
  'vault.lock': procedure({ summary: 'Lock now.', unlocked: false, input: empty, output: vaultStatus }),
  'vault.close': procedure({ summary: 'Lock and deselect the vault.', unlocked: false, input: empty, output: vaultStatus }),
  'vault.backup': procedure({
    summary: 'Encrypted backup now: into the vault\'s backups/ folder, or with the keyfile into a chosen folder.',
    unlocked: true,
    input: backupInput,
    output: backupOutput,
  }),
  'vault.listBackups': procedure({
    summary: 'Snapshots of the selected vault (also while locked, so a damaged vault can be restored).',
    unlocked: false,
    input: empty,
    output: z.array(backupInfo),
  }),
  'vault.restoreBackup': procedure({
    summary: 'Restore a snapshot (passphrase asked again); the current state is saved first as the undo.',
    unlocked: false,
    input: restoreBackupInput,
    output: restoreBackupOutput,
  }),
  'vault.changePassphrase': procedure({
    summary: 'Re-wrap the data key under a new passphrase.',
    unlocked: true,
    input: z.object({ currentPassphrase: passphrase, newPassphrase }),
    output: z.object({ changed: z.literal(true) }),
  }),
  'session.touch': procedure({
    summary: 'User activity: postpones the auto-lock.',
    unlocked: true,
    input: empty,
    output: vaultStatus,
  }),
  'settings.get': procedure({ summary: 'Vault settings.', unlocked: true, input: empty, output: settingsSchema }),
  'settings.update': procedure({
    summary: 'Change vault settings.',
    unlocked: true,
    input: settingsSchema.partial(),
    output: settingsSchema,
  }),
  'settings.office.get': procedure({ summary: 'The office printed on documents (name, address, logo).', unlocked: true, input: empty, output: officeOut }),
  'settings.office.update': procedure({
    summary: 'Change the office printed on documents; logo: null removes it, absent keeps it.',
    unlocked: true,
    input: officeUpdate,
    output: officeOut,
  }),
  'dossier.list': procedure({
    summary: 'Search and filter dossiers.',
    unlocked: true,
    input: z.object({
      query: z.string().max(200).optional(),
      status: z.enum(DOSSIER_STATUSES).optional(),
      typeOfHelp: z.enum(HELP_TYPES).optional(),
    }),
    output: z.array(dossierSummary),
  }),
  'dossier.search': procedure({
    summary:
      'One page of dossiers: search (FTS), filters and sorting in the database, and the total count (exact up to 1,000 hits of a query; above that "more than", most recently added first).',
    unlocked: true,
    input: z.object({
      query: z.string().max(200).optional(),
      status: z.enum(DOSSIER_STATUSES).optional(),
      typeOfHelp: z.enum(HELP_TYPES).optional(),
      /** Default: relevance when there is a query, else most recently changed first. */
      sort: z.object({ key: z.enum(DOSSIER_SORT_KEYS), dir: z.enum(['asc', 'desc']) }).optional(),
      offset: z.number().int().min(0).max(10_000_000).default(0),
      limit: z.number().int().min(1).max(500).default(50),
    }),
    output: z.object({
      items: z.array(dossierSummary),
      /** Exact up to 1,000 hits of a query; above that a lower bound (see totalIsLowerBound). */
      total: z.number().int().nonnegative(),
      /** More than `total` match: a query with over 1,000 hits is counted only as far as the page needs. */
      totalIsLowerBound: z.boolean(),
      /** 'asked': the sort asked for; 'added': most recently added first, the order of a query with over 1,000 hits. */
      order: z.enum(['asked', 'added']),
    }),
  }),
  'dossier.get': procedure({
    summary: 'One dossier (logged as opened).',
    unlocked: true,
    input: z.object({ id: dossierId }),
    output: dossierSchema,
  }),
  'dossier.create': procedure({
    summary: 'Create a dossier.',
    unlocked: true,
    input: z.object({ data: dossierDataSchema }),
    output: dossierSchema,
  }),
  'dossier.update': procedure({
    summary: 'Replace a dossier\'s data.',
    unlocked: true,
    input: z.object({ id: dossierId, data: dossierDataSchema }),
    output: dossierSchema,
  }),
  'dossier.check': procedure({
    summary: 'Questions to confirm before saving a dossier (unlikely facts, a BSN used in another dossier); saves nothing.',
    unlocked: true,
    // Only the changed persons' birth dates and BSNs and the status dates, never the whole dossier (dossier-check.ts).
    input: dossierCheckIn,
    output: z.object({ warnings: z.array(dossierWarning) }),
  }),
  'dossier.removeItem': procedure({
    summary: 'Remove one income, expense, debt, person or bank account; returns the item so it can be put back.',
    unlocked: true,
    input: z.object({ id: dossierId, kind: z.enum(ITEM_KINDS), itemId: z.string().min(1).max(64), stamp: stamp.optional() }),
    output: z.object({ dossier: dossierSchema, removed: removedItem }),
  }),
  'dossier.saveItem': procedure({
    summary: 'Add one income, expense, debt, person or bank account, or edit it by its id; only that item crosses.',
    unlocked: true,
    input: savedItem,
    output: dossierSchema,
  }),
  // ---- dossier.monthlyLines: the monthly figures of the "Inkomsten en uitgaven" tab (src/shared/contract/monthly-lines.ts)
  'dossier.monthlyLines': procedure({
    summary: 'Monthly equivalent of each income and expense line (rounded per line, half-up) and the monthly totals, each the sum of its lines; reads only, logs nothing.',
    unlocked: true,
    input: z.object({ id: dossierId }),
    output: monthlyLinesOut,
  }),
  // ---- dossier.debtTotals: the figures of the Schulden tab (src/shared/contract/debt-totals.ts)
  'dossier.debtTotals': procedure({
    summary: 'The number of debts (and of those not paid) and the totals of their original and current amounts, each the sum of the rows; reads only, logs nothing.',
    unlocked: true,
    input: z.object({ id: dossierId }),
    output: debtTotalsOut,
  }),
  'dossier.saveDetails': procedure({
    summary: 'Save the household details (status, dates, help, professional, address, contact) without persons or accounts; refused when stale.',
    unlocked: true,
    input: z.object({ id: dossierId, details: dossierDetails, stamp: stamp.optional() }),
    output: dossierSchema,
  }),
  'dossier.restoreItem': procedure({
    summary: 'Undo a removal: put the removed item back in its place.',
    unlocked: true,
    input: z.object({ id: dossierId, removed: removedItem }),
    output: dossierSchema,
  }),
  'dossier.addNote': procedure({
    summary: 'Append a note.',
    unlocked: true,
    input: z.object({ id: dossierId, text: z.string().trim().min(1, { message: 'Een notitie mag niet leeg zijn.' }).max(20_000) }),
    output: dossierSchema,
  }),
  'dossier.close': procedure({
    summary: 'Close a dossier (status afgesloten, dated today).',
    unlocked: true,
    input: z.object({ id: dossierId }),
    output: dossierSchema,
  }),
  'dossier.delete': procedure({
    summary: 'Delete a dossier for real; the caller confirms by repeating its number.',
    unlocked: true,
    input: z.object({ id: dossierId, confirmNumber: z.string() }),
    output: z.object({ deleted: z.literal(true) }),
  }),
  'dossier.import': procedure({
    summary: 'Import an interchange file; all or nothing. Households already in the vault: ask (CONFLICT), skip or import as a copy.',
    unlocked: true,
    input: z.object({
      file: z.unknown(),
      onDuplicate: z.enum(DUPLICATE_CHOICES).optional(),
      /** The caller's id for this import: progress comes as 'job.progress' events and 'job.cancel' stops it. */
      jobId: jobId.optional(),
    }),
    output: z.object({
      imported: z.array(z.object({ id: z.string(), number: z.string() })),
      /** Numbers of the dossiers already in the vault whose household was skipped. */
      skipped: z.array(z.string()).default([]),
    }),
  }),
  'dossier.export': procedure({
    summary: 'Export one dossier as an interchange file (holds personal data: needs the passphrase again).',
    unlocked: true,
    input: z.object({ id: dossierId, passphrase }),
    output: z.object({ fileName: z.string(), content: z.string() }),
  }),
  // ---- drafts of half-filled forms (issue 7) ----
  'drafts.save': procedure({
    summary: 'Keep a half-filled form as a draft in the vault (replaces the previous draft of that form).',
    unlocked: true,
    input: z.object({
      form: draftKey,
      dossierId: dossierId.nullable().optional(),
      label: z.string().trim().min(1).max(200),
      data: z.unknown(),
    }),
    output: z.object({ updatedAt: z.number().int() }),
  }),
  'drafts.get': procedure({
    summary: 'The draft of one form, or null.',
    unlocked: true,
    input: z.object({ form: draftKey }),
    output: draftSummary.extend({ data: z.unknown() }).nullable(),
  }),
  'drafts.list': procedure({
    summary: 'All drafts, newest first (without their data).',
    unlocked: true,
    input: empty,
    output: z.array(draftSummary),
  }),
  'drafts.discard': procedure({
    summary: 'Delete the draft of one form (after saving it, or when the user throws it away).',
    unlocked: true,
    input: z.object({ form: draftKey }),
    output: z.object({ discarded: z.literal(true) }),
  }),
  'audit.list': procedure({
    summary: 'The append-only audit log, newest first.',
    unlocked: true,
    input: z.object({ dossierId: dossierId.optional(), limit: z.number().int().min(1).max(5000).optional() }),
    output: z.array(auditEntry),
  }),
  'audit.verify': procedure({
    summary: 'Checks the logboek\'s hash chain from the first row to the last.',
    unlocked: true,
    input: empty,
    output: z.object({ intact: z.boolean(), count: z.number().int(), brokenAtId: z.number().int().nullable() }),
  }),
  'budget.get': procedure({
    summary:
      'Budget of a dossier on a reference date (default: saved peildatum, else today), with explanations, projection and the JSON view. ' +
      'explanations: false (default true) leaves out every explanation and marks the answer explained: false (the budget screen, which fetches them when a Toelichting is opened).',
    unlocked: true,
    input: z.object({ id: dossierId, date: isoDate.optional(), explanations: z.boolean().optional() }),
    output: budgetView,
  }),
  // ---- budget.batch (issue 10 §1): key figures of many households, paged (src/shared/contract/budget-batch.ts)
  'budget.batch': procedure({
    summary: 'Key figures (income, bijstandsnorm, BVV, VTLB, afloscapaciteit, saldo, warnings) of many dossiers, one page ordered by dossier number; a dossier that cannot be computed carries its error code.',
    unlocked: true,
    input: budgetBatchIn,
    output: budgetBatchOut,
  }),
  'budget.saveInputs': procedure({
    summary: 'Save the budget inputs of a dossier (stated BVV, kostendelers, VTLB corrections, peildatum).',
    unlocked: true,
    input: z.object({ id: dossierId, inputs: budgetInputsSchema }),
    output: z.object({ inputs: budgetView.shape.inputs, updatedAt: z.number().int() }),
  }),
  'budget.createPlan': procedure({
    summary: 'Render the budget plan PDF, store it in the dossier and return it; with a jobId: progress in steps and job.cancel before it is stored.',
    unlocked: true,
    /** includeBsn: print the BSN of the adults in the header (off by default: the plan goes to others). */
    input: z.object({ id: dossierId, date: isoDate.optional(), includeBsn: z.boolean().optional(), jobId: jobId.optional() }),
    output: createdPlanOut,
  }),
  'documents.list': procedure({
    summary: 'Documents stored in a dossier, newest first (without content).',
    unlocked: true,
    input: z.object({ dossierId }),
    output: z.array(documentSummaryOut),
  }),
  'documents.get': procedure({
    summary: 'One stored document with its content (base64).',
    unlocked: true,
    input: z.object({ id: z.string().min(1).max(64) }),
    output: documentContentOut,
  }),
  'norms.list': procedure({
    summary: 'Norm tables per group with their periods, sources, status and origin (bundled / user).',
    unlocked: true,
    input: empty,
    output: normsListOut,
  }),
  'norms.import': procedure({
    summary: 'Import a norm-table file (JSON text or object); rejected whole with reasons when invalid.',
    unlocked: true,
    input: z.object({ file: z.unknown() }),
    output: normsStoredOut,
  }),
  'norms.addPeriod': procedure({
    summary: 'Enter a norm period by hand with its source (stored as a user norm file).',
    unlocked: true,
    input: addNormPeriodInput,
    output: normsStoredOut,
  }),
  'norms.removeUserFile': procedure({
    summary: 'Remove a user-supplied norm file (bundled tables cannot be removed); later calculations no longer use it.',
    unlocked: true,
    input: z.object({ id: z.string().min(1).max(64) }),
    output: z.object({ removed: z.literal(true) }),
  }),
  // Creditor board, payments and letters (issue 8 §4): src/shared/contract/creditor-board.ts
  ...creditorBoardContract,
  ...schemeConditionsContract,
  // ---- payment arrangements (schuldregeling proposals) and zorgpremie schemes
  'arrangement.get': procedure({
    summary: 'The schuldregeling proposal of a dossier with its saved parameters, over the budget on the date (default: budget peildatum, else today).',
    unlocked: true,
    input: z.object({ id: dossierId, date: isoDate.optional() }),
    output: arrangementView,
  }),
  'arrangement.preview': procedure({
    summary: 'What-if: the proposal for the given parameters (term, factor, left-out creditors, overrides); nothing is saved.',
    unlocked: true,
    input: z.object({ id: dossierId, date: isoDate.optional(), params: arrangementParamsIn }),
    output: arrangementView,
  }),
  'arrangement.saveInputs': procedure({
    summary: 'Save the arrangement parameters of a dossier (term with reason, factor, variant, start date, overrides with reasons).',
    unlocked: true,
    input: z.object({ id: dossierId, params: arrangementParamsIn }),
    output: z.object({ params: arrangementParamsIn, updatedAt: z.number().int() }),
  }),
  'schemes.list': procedure({
    summary: 'Zorgpremie schemes: bundled (resources/schemes) and user copies, a user copy replacing a bundled one with the same id.',
    unlocked: true,
    input: empty,
    output: z.object({ schemes: z.array(storedSchemeOut) }),
  }),
  'schemes.save': procedure({
    summary: 'Store a scheme (new, or an edited copy of a bundled one) after validation.',
    unlocked: true,
    input: z.object({ scheme: schemeSchema }),
    output: storedSchemeOut,
  }),
  'schemes.remove': procedure({
    summary: 'Remove a user scheme (a bundled one comes back if it was replaced); participations stay stored.',
    unlocked: true,
    input: z.object({ id: z.string().min(1).max(64) }),
    output: z.object({ removed: z.literal(true) }),
  }),
  'schemes.family': procedure({
    summary: 'The scheme for one family: feasible monthly amount, term, what is forgiven, CAK stage and exit, in plain Dutch.',
    unlocked: true,
    input: z.object({ schemeId: z.string().min(1).max(64), dossierId, date: isoDate.optional() }),
    output: schemeFamilyOut,
  }),
  'schemes.batch': procedure({
    summary: "Every dossier with arrears at the scheme's creditor (filters: gemeente, income source, children), each with its computation.",
    unlocked: true,
    input: schemeBatchIn,
    output: z.object({
      schemeId: z.string(),
      referenceDate: z.string(),
      families: z.array(schemeFamilyOut),
      /** Families in the whole group (all pages), and where this page starts. */
      total: z.number().int().min(0),
      offset: z.number().int().min(0),
    }),
  }),
  'schemes.setParticipant': procedure({
    summary: 'Set (or clear) the status of a family in a scheme, with the agreed monthly amount and start date.',
    unlocked: true,
    input: participantIn,
    output: schemeFamilyOut,
  }),
  'schemes.dashboard': procedure({
    summary: 'Aggregate of a scheme: families, children, arrears, monthly amounts, expected forgiveness, count per status.',
    unlocked: true,
    input: z.object({ schemeId: z.string().min(1).max(64), date: isoDate.optional() }),
    output: schemeDashboardOut,
  }),
  // --- systeemfouten: signals and the anonymised report ---
  'signals.list': procedure({
    summary: 'Signals of one dossier or of the whole vault, filtered by quarter, instantie, mechanism group and effect on children.',
    unlocked: true,
    input: signalFilterSchema,
    output: z.array(signalSchema),
  }),
  'signals.create': procedure({
    summary: 'Record a signal (systeemfout) in a dossier; registered today with the current vocabulary version.',
    unlocked: true,
    input: z.object({ dossierId, data: signalDataSchema }),
    output: signalSchema,
  }),
  'signals.update': procedure({
    summary: 'Change a signal (its registration date and vocabulary version stay).',
    unlocked: true,
    input: z.object({ id: z.string().min(1).max(64), data: signalDataSchema }),
    output: signalSchema,
  }),
  'signals.delete': procedure({
    summary: 'Delete a signal.',
    unlocked: true,
    input: z.object({ id: z.string().min(1).max(64) }),
    output: z.object({ deleted: z.literal(true) }),
  }),
  'report.preview': procedure({
    summary: 'What would leave this office for a period ("wat verlaat dit kantoor"): every table, the privacy levels, the suppressed share, or the refusal.',
    unlocked: true,
    input: reportPreviewInput,
    output: reportPreviewOut,
  }),
  'report.export': procedure({
    summary: 'Build, verify independently, sign (Ed25519, DSSE) and record in the ledger the anonymised report of a period; returns the signed JSON, CSV and PDF. Needs the confirmation of the preview.',
    unlocked: true,
    input: reportExportInput,
    output: reportExportOut,
  }),
  'report.download': procedure({
    summary: 'The signed JSON, CSV and PDF of an accepted export again (from the envelope kept in the ledger).',
    unlocked: true,
    input: z.object({ exportId: z.string().min(1).max(64) }),
    output: reportExportOut,
  }),
  'report.publicKey': procedure({
    summary: 'The office report key\'s public part (PEM) and key id, for registration with the association (made on first use).',
    unlocked: true,
    input: empty,
    output: reportPublicKeyOut,
  }),
  'report.ledger': procedure({
    summary: 'The export ledger (append-only, hash-chained): accepted exports and whether the chain is intact.',
    unlocked: true,
    input: empty,
    output: reportLedgerOut,
  }),
  'association.merge': procedure({
    summary: 'Vereniging: verify received office reports one by one (signature against the key register, schema, verifier, ledger rules), add up the accepted ones without office identity and publish (>= 10 households, >= 3 offices, <= 85 %, rounded to 5).',
    unlocked: false,
    input: associationMergeInput,
    output: associationMergeOut,
  }),
  ...associationStoreContract,
  // --- end systeemfouten ---
} as const;

export type Contract = typeof contract;
export type ProcedureName = keyof Contract;
export type ProcedureInput<K extends ProcedureName> = z.input<Contract[K]['input']>;
export type ProcedureParsedInput<K extends ProcedureName> = z.output<Contract[K]['input']>;
export type ProcedureOutput<K extends ProcedureName> = z.output<Contract[K]['output']>;

export const PROCEDURE_NAMES = Object.keys(contract) as ProcedureName[];

export function isProcedureName(name: unknown): name is ProcedureName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

/** Events the core pushes to the renderer. */
export const events = {
  'vault.status': vaultStatus,
  /** An unlock (or a restore of an older backup) is updating the vault to this version's schema (backup first, then the migrations); not cancellable. */
  'vault.migrating': vaultMigrating,
  // --- core host ---
  /** The core's thread or process stopped unexpectedly (its vault is locked), or runs again after a restart. */
  'core.status': z.object({ state: z.enum(['stopped', 'running']) }),
  /** Progress of long work started with a jobId (throttled; the last report has done === total). */
  'job.progress': z.object({ jobId, operation: z.enum(['import', 'backup', 'pdf']), done: z.number().int().nonnegative(), total: z.number().int().nonnegative() }),
  // --- end core host ---
} as const;
export type EventName = keyof typeof events;
export type EventPayload<K extends EventName> = z.infer<(typeof events)[K]>;

/** The single RPC channel name used by Electron IPC (defined in channels.ts for the preload). */
export { RPC_CHANNEL, EVENT_CHANNEL } from './channels';
