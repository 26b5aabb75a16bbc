// Contract schemas for backups and restore (used by procedures.ts). Pure TypeScript.
import { z } from 'zod';
import { jobId } from './jobs';
import { localPath, passphrase, vaultStatus } from './vault';

export const BACKUP_KINDS = ['auto', 'manual', 'pre-migration', 'before-restore'] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];

/** A snapshot file name in the vault's backups/ folder, e.g. "2026-03-01T09-00-00.000Z-auto.db". */
export const backupId = z
  .string()
  .max(200)
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}\.\d{3}Z-[a-z0-9_-]+\.db$/, { message: 'Kies een back-up uit de lijst.' });

export const backupInfo = z.object({
  id: z.string(),
  /** Epoch ms. */
  createdAt: z.number().int(),
  kind: z.enum(BACKUP_KINDS),
  sizeBytes: z.number().int().nonnegative(),
});
export type BackupInfo = z.infer<typeof backupInfo>;

export const backupInput = z.object({
  /** Absolute path of an existing folder (e.g. a USB drive) for an external backup; default: the vault's backups/. */
  folder: localPath('Kies een map.').optional(),
  /** Progress (bytes copied) as job.progress events and job.cancel for an external backup (issue 10 §2). */
  jobId: jobId.optional(),
});

export const backupOutput = z.object({ path: z.string(), createdAt: z.number().int() });

export const restoreBackupInput = z.object({ id: backupId, passphrase });

export const restoreBackupOutput = z.object({
  status: vaultStatus,
  restoredFrom: z.string(),
  /** The snapshot of the state before the restore: restoring it undoes the restore. */
  undoId: z.string().nullable(),
  /**
   * false when the vault's own logboek could not be read (a damaged vault), so its entries from after the backup
   * were not carried into the restored vault; they stay in the undo snapshot.
   */
  logboekCarried: z.boolean(),
});
export type RestoreBackupOutput = z.infer<typeof restoreBackupOutput>;
