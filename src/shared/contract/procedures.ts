// The one contract: every operation the renderer, the CLI or a test can ask of the core.
// Each procedure names its input and output schema; the router validates both.
import { z } from 'zod';
import {
  DOSSIER_STATUSES,
  HELP_TYPES,
  dossierDataSchema,
  dossierSchema,
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
import { knownVault, newPassphrase, passphrase, recoveryCode, settingsSchema, vaultStatus } from './vault';
import { signalDataSchema, signalFilterSchema, signalSchema } from '../signals/schema';
import { associationMergeInput, associationMergeOut, reportExportInput, reportExportOut, reportLedgerOut, reportPreviewInput, reportPreviewOut, reportPublicKeyOut } from './reports';
import { backupInfo, backupInput, backupOutput, restoreBackupInput, restoreBackupOutput } from './backups';

const empty = z.object({}).strict();
const dossierId = z.string().min(1).max(64);

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
  // systeemfouten
  'signal.created',
  'signal.changed',
  'signal.deleted',
  'report.key_created',
  'report.public_key_exported',
  'report.previewed',
  'report.exported',
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

function procedure<I extends z.ZodType, O extends z.ZodType>(def: {
  input: I;
  output: O;
  /** Needs an unlocked vault; otherwise the router answers LOCKED or NO_VAULT. */
  unlocked: boolean;
  summary: string;
}) {
  return def;
}

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
  'vault.create': procedure({
    summary: 'Create a vault, unlock it and return its recovery code (shown once).',
    unlocked: false,
    input: z.object({
      name: z.string().trim().min(1, { message: 'Geef de kluis een naam.' }).max(100),
      /** Vault folder to create (absolute path, must not exist yet); default: <vault folder>/<name>.houvast. */
      path: z.string().min(1).max(4096).optional(),
      passphrase: newPassphrase,
    }),
    output: z.object({ status: vaultStatus, recoveryCode: z.string() }),
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
    input: z.object({ path: z.string().min(1, { message: 'Kies een kluis.' }).max(4096) }),
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
    summary: 'Import an interchange file; all or nothing.',
    unlocked: true,
    input: z.object({ file: z.unknown() }),
    output: z.object({ imported: z.array(z.object({ id: z.string(), number: z.string() })) }),
  }),
  'dossier.export': procedure({
    summary: 'Export one dossier as an interchange file (holds personal data: needs the passphrase again).',
    unlocked: true,
    input: z.object({ id: dossierId, passphrase }),
    output: z.object({ fileName: z.string(), content: z.string() }),
  }),
  'audit.list': procedure({
    summary: 'The append-only audit log, newest first.',
    unlocked: true,
    input: z.object({ dossierId: dossierId.optional(), limit: z.number().int().min(1).max(5000).optional() }),
    output: z.array(auditEntry),
  }),
  'budget.get': procedure({
    summary: 'Budget of a dossier on a reference date (default: saved peildatum, else today), with explanations, projection and the JSON view.',
    unlocked: true,
    input: z.object({ id: dossierId, date: isoDate.optional() }),
    output: budgetView,
  }),
  'budget.saveInputs': procedure({
    summary: 'Save the budget inputs of a dossier (stated BVV, kostendelers, VTLB corrections, peildatum).',
    unlocked: true,
    input: z.object({ id: dossierId, inputs: budgetInputsSchema }),
    output: z.object({ inputs: budgetView.shape.inputs, updatedAt: z.number().int() }),
  }),
  'budget.createPlan': procedure({
    summary: 'Render the budget plan PDF, store it in the dossier and return it.',
    unlocked: true,
    input: z.object({ id: dossierId, date: isoDate.optional() }),
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
} as const;
export type EventName = keyof typeof events;
export type EventPayload<K extends EventName> = z.infer<(typeof events)[K]>;

/** The single RPC channel name used by Electron IPC (defined in channels.ts for the preload). */
export { RPC_CHANNEL, EVENT_CHANNEL } from './channels';
