// Schema migrations: PRAGMA user_version, all pending migrations in ONE transaction, an encrypted
// backup first, and a database from a newer Houvast refused before anything is written.
import { AppError } from '../../shared/contract/errors';
import type { VaultMigrating } from '../../shared/contract/vault';
import type { Db } from './driver';
import { userVersion } from './driver';
import type { Migration } from './migrations/types';

export interface MigrateResult {
  from: number;
  to: number;
  applied: string[];
}

/** Migrations must be numbered 1..n without gaps, in order; a mistake here is a programming error. */
export function latestVersion(migrations: readonly Migration[]): number {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) {
      throw new Error(`migration list out of order: position ${i + 1} has version ${m.version} (${m.name})`);
    }
  });
  return migrations.length;
}

/** Throws DB_FROM_FUTURE when the database is newer than this build. Reads only. */
export function assertNotFromFuture(version: number, latest: number): void {
  if (version > latest) {
    throw new AppError(
      'DB_FROM_FUTURE',
      'Deze kluis is gemaakt met een nieuwere versie van Houvast. Werk Houvast bij; de kluis is niet gewijzigd.',
    );
  }
}

export interface MigrateOptions {
  /** Makes the encrypted backup; runs before anything is written, only for an existing database. */
  backup: () => void;
  /**
   * Told what comes next while an existing database is updated (for a progress display; issue 10 §2): the backup
   * (step 1), each pending migration, then 'done' after the commit. Not called for a new or up-to-date database.
   * There is no cancel: the migrations are one transaction that must finish (or roll back on an error).
   */
  onStep?: (step: VaultMigrating) => void;
}

export function migrate(db: Db, migrations: readonly Migration[], options: MigrateOptions): MigrateResult {
  const latest = latestVersion(migrations);
  const from = userVersion(db);
  assertNotFromFuture(from, latest);
  if (from === latest) return { from, to: from, applied: [] };

  const pending = migrations.slice(from);
  // A brand-new database has nothing worth a backup, nor an update worth showing.
  const existing = from > 0;
  const steps = pending.length + 1;
  const tell = (step: number, stage: VaultMigrating['stage']) => {
    if (!existing || !options.onStep) return;
    try {
      options.onStep({ step, steps, stage });
    } catch {
      // Only a message: a failing display must neither stop the update nor roll it back.
    }
  };

  // Called unqualified so a grep for the driver's forbidden online-backup method stays meaningful.
  const { backup } = options;
  if (existing) {
    tell(1, 'backup');
    backup();
  }

  db.transaction(() => {
    pending.forEach((migration, i) => {
      tell(i + 2, 'migration');
      migration.up(db);
    });
    // user_version lives in the database header, which is part of the transaction: it rolls back too.
    db.pragma(`user_version = ${latest}`);
  }).immediate();
  tell(steps, 'done');
  return { from, to: latest, applied: pending.map((m) => m.name) };
}
