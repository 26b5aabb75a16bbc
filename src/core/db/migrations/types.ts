import type { Db } from '../driver';

/** A schema migration. Migrations are additive unless a reviewed decision says otherwise. */
export interface Migration {
  /** 1, 2, 3 ... : the PRAGMA user_version after this migration has run. */
  version: number;
  name: string;
  up(db: Db): void;
}
