// What every service needs: the open database (through an accessor, so a locked vault answers LOCKED
// instead of the service holding a stale handle), a clock tests can control, and the redacting logger.
import type { Clock } from '../../shared/dates';
import type { Db } from '../db/driver';
import type { Logger } from '../logger';

export interface ServiceContext {
  db(): Db;
  clock: Clock;
  logger: Logger;
}
