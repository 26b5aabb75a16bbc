// Shared fixtures for the service tests: a real encrypted database in a temp folder, migrated to the
// latest schema, with a clock the test moves by hand.
import { AppError } from '../../../src/shared/contract/errors';
import { expect } from 'vitest';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openEncrypted, type Db } from '../../../src/core/db/driver';
import { migrate } from '../../../src/core/db/migrate';
import { migrations } from '../../../src/core/db/migrations';
import { silentLogger } from '../../../src/core/logger';
import { createAuditService } from '../../../src/core/services/audit';
import type { ServiceContext } from '../../../src/core/services/context';
import { createDossierService } from '../../../src/core/services/dossiers';
import { createInterchangeService } from '../../../src/core/services/interchange';
import { createSettingsService } from '../../../src/core/services/settings';
import { dossierDataSchema, type DossierData, type DossierDataInput } from '../../../src/shared/dossier/schema';

export class TestClock {
  constructor(public t: number = Date.UTC(2026, 2, 15, 10, 0, 0)) {}
  now(): number {
    return this.t;
  }
  advance(ms: number): void {
    this.t += ms;
  }
}

export interface ServiceRig {
  dir: string;
  dbPath: string;
  db: Db;
  clock: TestClock;
  audit: ReturnType<typeof createAuditService>;
  settings: ReturnType<typeof createSettingsService>;
  dossiers: ReturnType<typeof createDossierService>;
  interchange: ReturnType<typeof createInterchangeService>;
  autoLockCalls: number[];
  close(): void;
}

export function makeServiceRig(): ServiceRig {
  const dir = mkdtempSync(path.join(tmpdir(), 'houvast-services-'));
  const dbPath = path.join(dir, 'vault.db');
  const db = openEncrypted(dbPath, randomBytes(32), { create: true });
  migrate(db, migrations, { backup: () => undefined });
  const clock = new TestClock();
  const ctx: ServiceContext = { db: () => db, clock, logger: silentLogger };
  const audit = createAuditService(ctx);
  const autoLockCalls: number[] = [];
  const settings = createSettingsService(ctx, { audit, onAutoLockMinutes: (m) => autoLockCalls.push(m) });
  const actor = () => settings.get().userName;
  const dossiers = createDossierService(ctx, { audit, actor });
  const interchange = createInterchangeService(ctx, { dossiers, audit, actor });
  return {
    dir,
    dbPath,
    db,
    clock,
    audit,
    settings,
    dossiers,
    interchange,
    autoLockCalls,
    close() {
      if (db.open) db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Valid elfproef BSNs from the test range. */
export const BSNS = ['111222333', '123456782', '999912525'];

export function household(overrides: Partial<DossierDataInput> = {}): DossierDataInput {
  return {
    status: 'aanmelding',
    typeOfHelp: 'schuldhulpverlening',
    professional: 'Merel de Wit',
    adults: [
      { role: 'aanvrager', firstName: 'Anna', lastName: 'Jansen', birthDate: '1985-04-12', bsn: BSNS[0] },
      { role: 'partner', firstName: 'Özkan', lastName: 'Yılmaz', birthDate: '1983-11-02', bsn: null },
    ],
    children: [
      { firstName: 'Noor', lastName: 'Jansen', birthDate: '2015-06-01', livingInHousehold: true },
      { firstName: 'Sem', lastName: 'Jansen', birthDate: '2019-01-20', livingInHousehold: false },
    ],
    address: { street: 'Lindelaan', houseNumber: '3', postcode: '3511 AB', city: 'Utrecht' },
    contact: { phone: '06 12345678', email: 'anna@voorbeeld.example' },
    bankAccounts: [{ iban: 'NL91ABNA0417164300', holder: 'A. Jansen', description: 'Betaalrekening' }],
    incomes: [{ description: 'Loon', category: 'loon', amount: '1834.5', frequency: 'maand', personRole: 'aanvrager' }],
    expenses: [{ description: 'Huur', category: 'huur', amount: '712.35', frequency: 'maand', startDate: '2025-01-01' }],
    debts: [
      { creditor: 'Zorgverzekeraar', collector: 'Incassobureau Noord', reference: 'ZV-1', originalAmount: '1200', currentAmount: '980.10', kind: 'concurrent', status: 'open' },
    ],
    ...overrides,
  };
}

/** What the router would hand the service: the parsed (normalised) data. */
export function parsed(input: DossierDataInput): DossierData {
  return dossierDataSchema.parse(input);
}

/** The AppError that `fn` throws; fails the test when it throws something else or nothing. */
export function appError(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return err as AppError;
  }
  throw new Error('expected an AppError');
}
