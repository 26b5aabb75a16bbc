import { z } from 'zod';
import { utf8ByteLength } from '../utf8';
import { VAULT_KINDS } from './vault-kind';

export const PASSPHRASE_MIN_LENGTH = 12;

export const newPassphrase = z
  .string()
  .min(PASSPHRASE_MIN_LENGTH, { message: `Kies een wachtwoord van minstens ${PASSPHRASE_MIN_LENGTH} tekens.` })
  .max(1024, { message: 'Het wachtwoord is te lang.' });
export const passphrase = z.string().min(1, { message: 'Vul het wachtwoord in.' }).max(1024);

/** Recovery code: 8 groups of 5 characters from an unambiguous alphabet; case and dashes are ignored. */
/**
 * A path on this machine, typed or picked. A NUL byte can never be part of a path, and no common file system
 * accepts a name of more than 255 bytes: refuse both with a Dutch reason instead of failing inside the
 * file system.
 */
export function localPath(emptyMessage: string) {
  return z
    .string()
    .min(1, { message: emptyMessage })
    .max(4096, { message: 'Dit pad is te lang.' })
    .superRefine((p, ctx) => {
      if (p.includes('\0')) ctx.addIssue({ code: 'custom', message: 'Dit pad bevat een ongeldig teken.' });
      else if (p.split(/[\\/]/).some((part) => utf8ByteLength(part) > 255)) {
        ctx.addIssue({ code: 'custom', message: 'Een map- of bestandsnaam in dit pad is te lang (meer dan 255 tekens).' });
      }
    });
}

export const recoveryCode = z.string().min(1, { message: 'Vul de herstelcode in.' }).max(200);

export const vaultRef = z.object({
  /** Absolute path of the vault folder. */
  path: z.string(),
  name: z.string(),
  /** Demo vaults hold fictitious households only. */
  demo: z.boolean(),
  /** Kantoor (case files) or vereniging (received reports, never case files); absent in older lists = kantoor. */
  kind: z.enum(VAULT_KINDS).optional(),
});

export const vaultStatus = z.object({
  state: z.enum(['none', 'locked', 'unlocked']),
  vault: vaultRef.nullable(),
  /** Epoch ms when the vault locks itself unless there is activity; null when not unlocked. */
  autoLockAt: z.number().nullable(),
  autoLockMinutes: z.number().int(),
  schemaVersion: z.number().int().nullable(),
  /** Something the user must be told about this session, e.g. the last one ended in a crash (Dutch). */
  notice: z.string().max(1000).optional(),
});
export type VaultStatus = z.infer<typeof vaultStatus>;

/**
 * The one-time update of an older vault on unlock (the 'vault.migrating' event): the backup is step 1, each
 * pending migration one step after it, and 'done' (step === steps) once all are committed. Counts and a stage
 * only: no path, no name, nothing from the vault.
 */
export const MIGRATION_STAGES = ['backup', 'migration', 'done'] as const;
export const vaultMigrating = z.object({
  step: z.number().int().positive(),
  steps: z.number().int().positive(),
  stage: z.enum(MIGRATION_STAGES),
});
export type VaultMigrating = z.infer<typeof vaultMigrating>;

export const knownVault = vaultRef.extend({ lastOpenedAt: z.number().nullable() });
export type KnownVault = z.infer<typeof knownVault>;

export const settingsSchema = z.object({
  autoLockMinutes: z
    .number({ message: 'Vul een aantal minuten in.' })
    .int({ message: 'Vul een heel aantal minuten in.' })
    .min(1, { message: 'Automatisch vergrendelen kan na minstens 1 minuut.' })
    .max(240, { message: 'Automatisch vergrendelen kan na hoogstens 240 minuten.' }),
  userName: z.string().trim().min(1, { message: 'Vul uw naam in.' }).max(200),
  /** Printed as the sender on letters to creditors; optional (absent until set). */
  organisation: z.string().trim().max(200, { message: 'De naam van de organisatie is te lang (hoogstens 200 tekens).' }).optional(),
});
export type Settings = z.infer<typeof settingsSchema>;
