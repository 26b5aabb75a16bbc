// Prepared statements kept per open database handle: preparing costs more than running the small queries the
// services issue on every screen change. Keyed by the handle itself, so a lock (which closes the handle) or a
// switch to another vault starts from an empty cache and no statement outlives its database.
import type Database from 'better-sqlite3-multiple-ciphers';
import type { Db } from './driver';

const caches = new WeakMap<Db, Map<string, Database.Statement>>();

/** The prepared statement for `sql` on this open database, prepared on first use. */
export function cachedStatement(db: Db, sql: string): Database.Statement {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let stmt = cache.get(sql);
  if (!stmt) {
    stmt = db.prepare(sql);
    cache.set(sql, stmt);
  }
  return stmt;
}

