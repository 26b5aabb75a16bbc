// Backups scheduling: after an unlock has returned (and, during a long session, on activity at most once an
// hour) the full integrity check runs in a worker thread, and when it passes and the daily automatic snapshot
// is due, the snapshot is written by the same worker and old automatic snapshots are pruned.
//
// Order matters: a damaged database is never snapshotted and never causes pruning, so the good backups
// survive until the user restores one. One job at a time; open and restore wait for a running job (see
// VaultManager), because its connection must be closed before files are swept or replaced. An unlock does
// not wait: a second connection beside the job's is ordinary SQLite.
// A lock does not stop a running job: it finishes (a complete snapshot or none), then wipes its key copy.
import { rmSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from '../logger';
import { commitSnapshot, reserveSnapshotTemp } from '../db/backup';
import { AUTO_LABEL, automaticSnapshotDue, listSnapshots, pruneAutomaticSnapshots } from './backups';
import type { RetentionPolicy } from './backups';
import { runMaintenanceJob } from './maintenance-worker';

export interface MaintenanceRequest {
  dbPath: string;
  backupsDir: string;
  dataKey: Buffer;
  nativeBinding?: string;
  /** Clock time the job was scheduled: the automatic snapshot's name and the due check use it. */
  now: number;
  /** Automatic snapshots with this retention; null: the integrity check only. */
  retention: RetentionPolicy | null;
}

export interface MaintenanceReport {
  integrity: 'ok' | 'corrupt' | 'unknown';
  /** File name of the automatic snapshot written, if any. */
  snapshot: string | null;
  /** The job could not run or a snapshot was due and could not be written. */
  failed: boolean;
}

export const INTEGRITY_FAILED_NOTICE =
  'Bij de controle van de kluis zijn beschadigde gegevens gevonden. Er is daarom geen automatische back-up ' +
  'gemaakt en er zijn geen oude back-ups opgeruimd. Zet een back-up terug (Instellingen, Back-ups) of vraag ' +
  'uw beheerder om hulp. Er is niets verwijderd.';

export const BACKUP_FAILED_NOTICE =
  'De dagelijkse automatische back-up van de kluis is niet gelukt. Maak zelf een back-up (Instellingen, ' +
  'Back-ups) en vraag uw beheerder om hulp als dit blijft gebeuren.';

export class BackgroundMaintenance {
  private running: Promise<MaintenanceReport> | null = null;
  private runningFor: string | null = null;

  constructor(private readonly logger: Logger) {}

  /** True while a job runs. */
  get busy(): boolean {
    return this.running !== null;
  }

  /** True while a job runs on this database file. */
  isRunningFor(dbPath: string): boolean {
    return this.running !== null && this.runningFor === dbPath;
  }

  /** Resolves when no job is running (at once when idle). Never rejects. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /**
   * Starts a job unless one is running (then returns null). The caller keeps its own key: the job
   * transfers a copy to the worker before this returns, so the caller may wipe its key right after.
   */
  start(request: MaintenanceRequest): Promise<MaintenanceReport> | null {
    if (this.running) return null;
    const job = this.run(request).finally(() => {
      this.running = null;
      this.runningFor = null;
    });
    this.running = job;
    this.runningFor = request.dbPath;
    return job;
  }

  private run(request: MaintenanceRequest): Promise<MaintenanceReport> {
    const { backupsDir, retention, now } = request;
    let tmp: string | null = null;
    let prepared = true;
    try {
      if (retention !== null && automaticSnapshotDue(listSnapshots(backupsDir), now)) tmp = reserveSnapshotTemp(backupsDir);
    } catch (err) {
      prepared = false;
      this.logger.warn('vault.auto_backup_failed', { error: err });
    }
    // Started synchronously so the key copy is made (and transferred) before this returns.
    const outcome = runMaintenanceJob({
      dbPath: request.dbPath,
      dataKey: request.dataKey,
      snapshotTmp: tmp,
      ...(request.nativeBinding ? { nativeBinding: request.nativeBinding } : {}),
    });
    return outcome.then((result) => {
      const report: MaintenanceReport = { integrity: 'unknown', snapshot: null, failed: !prepared };
      if (result.kind === 'failed') {
        this.logger.warn('vault.maintenance_failed', { code: result.code });
        report.failed = true;
      } else {
        report.integrity = result.integrity;
        if (result.integrity === 'corrupt') this.logger.error('vault.corrupt', { stage: 'background_integrity_check' });
        else this.logger.info('vault.integrity_checked', { result: 'ok' });
      }
      try {
        if (tmp && result.kind === 'done' && result.snapshotWritten) {
          const file = commitSnapshot(tmp, backupsDir, AUTO_LABEL, now);
          tmp = null;
          report.snapshot = path.basename(file);
          this.logger.info('vault.backup_created', { file: report.snapshot, kind: 'auto' });
        }
        if (retention && report.integrity === 'ok') {
          const pruned = pruneAutomaticSnapshots(backupsDir, retention);
          if (pruned.length > 0) this.logger.info('vault.backups_pruned', { count: pruned.length });
        }
      } catch (err) {
        this.logger.warn('vault.auto_backup_failed', { error: err });
        report.failed = true;
      } finally {
        if (tmp) removeQuietly(tmp);
      }
      return report;
    });
  }
}

function removeQuietly(file: string): void {
  try {
    rmSync(file, { force: true });
  } catch {
    // A leftover temp file is swept on the next open (crash-recovery.ts).
  }
}
