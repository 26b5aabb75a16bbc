// Schema migrations: PRAGMA user_version, all pending migrations in ONE transaction, an encrypted
// backup first, and a database from a newer Houvast refused before anything is written.
import { AppError } from '../../shared/contract/errors';
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

export function migrate(db: Db, migrations: readonly Migration[], options: { backup: () => void }): MigrateResult {
  const latest = latestVersion(migrations);
  const from = userVersion(db);
  assertNotFromFuture(from, latest);
  if (from === latest) return { from, to: from, applied: [] };

  // A brand-new database has nothing worth a backup. (Called unqualified so a grep for the driver's
  // forbidden online-backup method stays meaningful.)
  const { backup } = options;
  if (from > 0) backup();

  const pending = migrations.slice(from);
  db.transaction(() => {
    for (const migration of pending) migration.up(db);
    // user_version lives in the database header, which is part of the transaction: it rolls back too.
    db.pragma(`user_version = ${latest}`);
  }).immediate();
  return { from, to: latest, applied: pending.map((m) => m.name) };
}
