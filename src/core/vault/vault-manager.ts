// The vault manager: the one object the core talks to about vaults. It creates, opens, unlocks (with the
// passphrase or the recovery code), locks and restores a vault, and owns the only handle to the encrypted
// database and the only copy of the data key. The parts live in modules of their own:
//   lock-state.ts              the lock state machine (none → locked → unlocked, generations)
//   secret.ts / keyfile.ts     key handling (SecretKey, wiping) and the wrapped keys in vault.key.json
//   auto-lock.ts               the inactivity timer
//   registry.ts                the list of known vaults (vaults.json)
//   background-maintenance.ts  backups scheduling: the integrity check and daily snapshot after unlock
//   backups.ts                 snapshot naming, retention, quick and full checks, file replacement
//   external-backup.ts         the backup to a folder the user picks (progress, cancel, complete or absent)
//   restore.ts                 restoring a snapshot (verify, undo snapshot, carried logboek, staged replacement)
//
// Concurrency: create/open/unlock/recovery/changePassphrase run one at a time (a promise queue).
// lock()/close() are synchronous so a timer or a power event locks at once; an unlock that is still
// deriving its key when that happens notices the lock (its lock-state ticket is stale) and discards its key.
import { randomUUID } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { chmod, open, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { AppError, DEFAULT_MESSAGES } from '../../shared/contract/errors';
import { PASSPHRASE_MIN_LENGTH } from '../../shared/contract/vault';
import type { KnownVault, VaultMigrating, VaultStatus } from '../../shared/contract/vault';
import type { Clock } from '../../shared/dates';
import { forgetMemos } from '../../shared/memo';
import type { BackupInfo, RestoreBackupOutput } from '../../shared/contract/backups';
import { snapshot, snapshotToTemp } from '../db/backup';
import { openEncrypted, userVersion } from '../db/driver';
import type { Db } from '../db/driver';
import { latestVersion, migrate } from '../db/migrate';
import type { Migration } from '../db/migrations/types';
import type { Logger } from '../logger';
import { defaultVaultFolder } from '../paths';
import { DEFAULT_RETENTION, MANUAL_LABEL, automaticSnapshotDue, checkReadOnly, corruptVaultError, listSnapshots, quickCheck } from './backups';
import type { RetentionPolicy } from './backups';
import { FILE_MODE, ensurePrivateDir } from './fs-atomic';
import {
  DEFAULT_KDF,
  KEYFILE_NAME,
  createKeyfile,
  generateDataKey,
  isWeakerThan,
  readKeyfile,
  unwrapKey,
  wrapKey,
  writeKeyfile,
} from './keyfile';
import type { KdfParams, Keyfile } from './keyfile';
import { crashNotice, inspectCrash, markSessionClosed, markSessionOpen, sweepInterruptedWrites, type CrashFinding } from './crash-recovery';
import { SESSION_LOCK_FILE, trySessionLock, vaultInUseError, type SessionLock } from './session-lock';
import { compareWithAnchor, readAnchor, rollbackNotice, writeAnchor, type ChainHead, type ChainHeadReader } from './rollback-anchor';
import { bindIdentity, reconcileIdentity } from './identity';
import type { VaultKind } from '../../shared/contract/vault-kind';
import { generateRecoveryCode, parseRecoveryCode } from './recovery-code';
import { SecretKey, secretFromString, wipe } from './secret';
import { AutoLockTimer, DEFAULT_AUTO_LOCK_MINUTES, defaultTimers } from './auto-lock';
import type { VaultTimers } from './auto-lock';
import { VaultRegistry } from './registry';
import { LockState } from './lock-state';
import { assertExternalFolder, writeExternalBackup, type CopyJob } from './external-backup';
import { restoreSnapshot, restoreSource, type RestoreCarry } from './restore';
import { BACKUP_FAILED_NOTICE, BackgroundMaintenance, INTEGRITY_FAILED_NOTICE } from './background-maintenance';

export const VAULT_DB_NAME = 'vault.db';
export const BACKUPS_DIR_NAME = 'backups';
export const VAULT_FOLDER_SUFFIX = '.houvast';
export { REGISTRY_FILE_NAME } from './registry';

/** Shown after an unlock that found the keyfile's name, demo flag or kind changed (the database's copy was restored). */
export const KEYFILE_IDENTITY_REPAIRED_NOTICE =
  'De naam of de soort van deze kluis in het sleutelbestand was gewijzigd buiten Houvast om. Houvast heeft de gegevens ' +
  'uit de versleutelde kluis zelf teruggezet. Heeft u dit niet zelf gedaan, laat dan nagaan wie toegang heeft tot de map van de kluis.';
export { BACKUP_FOLDER_SUFFIX } from './external-backup';
export { DEFAULT_AUTO_LOCK_MINUTES, MAX_AUTO_LOCK_MINUTES, MIN_AUTO_LOCK_MINUTES } from './auto-lock';
export type { VaultTimers } from './auto-lock';

export interface VaultManagerOptions {
  dataDir: string;
  clock: Clock;
  logger: Logger;
  /** The logboek's chain head, for the check that an older copy was not put back (rollback-anchor.ts). */
  chainHead?: ChainHeadReader;
  /** Argon2id parameters for new wraps; default 64 MiB, t=3, p=4. Tests pass cheap ones. */
  kdf?: KdfParams;
  /** Driver build for another ABI (the Electron shell passes its own). */
  nativeBinding?: string;
  migrations: readonly Migration[];
  /** Injected for tests; default: the global setTimeout/clearTimeout (unref'd so the CLI can exit). */
  timers?: VaultTimers;
  onStatusChange?: (status: VaultStatus) => void;
  /** Runs while the database is still open, just before any lock (manual, auto or close): for the audit log. */
  onBeforeLock?: (db: Db, reason: 'manual' | 'auto' | 'close') => void;
  /**
   * A restore replaces the whole database file; this carries data that must outlive that (the logboek) from
   * the current database into the restored one (restore.ts). `write`'s return value is handed back by
   * restoreBackup().
   */
  restoreCarry?: RestoreCarry;
  /** Runs after migrations were applied on unlock, with the database open. */
  onMigrated?: (db: Db, from: number, to: number) => void;
  /**
   * Runs on unlock, with the database open, when the rollback check found an older copy of the vault (the chain no
   * longer holds the head this computer saw last): for the logboek. Before the anchor is moved to the new head.
   */
  onRolledBack?: (db: Db, anchor: ChainHead, head: ChainHead | null) => void;
  /** Progress of the one-time update of an older vault while an unlock (or a restore) runs it (migrate.ts onStep). */
  onMigrating?: (step: VaultMigrating) => void;
  autoLockMinutes?: number;
  /**
   * Background maintenance after every unlock (background-maintenance.ts): the full integrity check, then,
   * when it passed and the newest automatic snapshot is 24 h old, a new `<vault>/backups/<timestamp>-auto.db`
   * and pruning by the retention policy. It runs in a worker thread after the unlock has returned. Off unless
   * set (createCore turns it on), so tools and tests that count snapshot files see only the ones they cause.
   */
  automaticBackups?: boolean | { retention?: RetentionPolicy };
}

export interface CreateVaultInput {
  name: string;
  /** Vault folder to create; default `<dataDir>/vaults/<name>.houvast`. Must not exist or be empty. */
  path?: string;
  passphrase: string;
  demo?: boolean;
  /** Kantoor (default) or vereniging; fixed for the vault's life. */
  kind?: VaultKind;
}

/** Called when the current vault is about to be replaced by another (after every check passed). */
export interface SwitchHooks {
  beforeSwitch?: () => void;
}

interface Selected {
  path: string;
  vaultId: string;
  name: string;
  demo: boolean;
  kind: VaultKind;
}

interface Unlocked {
  db: Db;
  /** The only long-lived copy of the data key; lock() disposes it (zero-fill). */
  key: SecretKey;
  schemaVersion: number;
}

/** Folder name for a vault name: keeps letters and digits, drops what file systems reject. */
export function vaultFolderName(name: string): string {
  const cleaned = name
    .normalize('NFC')
    .replace(/[<>:"/\\|?*\u0000-\u001f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+|\.+$/g, '')
    .slice(0, 80)
    .trim();
  return `${cleaned === '' ? 'kluis' : cleaned}${VAULT_FOLDER_SUFFIX}`;
}

function wrongPassphrase(): AppError {
  return new AppError('WRONG_PASSPHRASE', DEFAULT_MESSAGES.WRONG_PASSPHRASE);
}

function wrongRecoveryCode(): AppError {
  return new AppError('WRONG_RECOVERY_CODE', DEFAULT_MESSAGES.WRONG_RECOVERY_CODE);
}

function assertNewPassphrase(value: string, field: string): void {
  if (value.length < PASSPHRASE_MIN_LENGTH) {
    const message = `Kies een wachtwoord van minstens ${PASSPHRASE_MIN_LENGTH} tekens.`;
    throw new AppError('VALIDATION', message, [{ path: field, message }]);
  }
}

export class VaultManager {
  private readonly dataDir: string;
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly kdf: KdfParams;
  private readonly nativeBinding: string | undefined;
  private readonly migrations: readonly Migration[];
  private readonly latestSchema: number;
  private readonly onStatusChange: ((status: VaultStatus) => void) | undefined;
  private readonly onBeforeLock: VaultManagerOptions['onBeforeLock'];
  private readonly onMigrated: VaultManagerOptions['onMigrated'];
  private readonly onRolledBack: VaultManagerOptions['onRolledBack'];
  private readonly onMigrating: VaultManagerOptions['onMigrating'];
  private readonly restoreCarry: VaultManagerOptions['restoreCarry'];
  private readonly retention: RetentionPolicy | null;
  private readonly chainHead: ChainHeadReader | undefined;

  private readonly state = new LockState<Selected, Unlocked>();
  /** Clock time of the last in-session check for a due automatic snapshot (see touch()). */
  private lastSessionSnapshotCheck = 0;
  private readonly maintenance: BackgroundMaintenance;
  /** Set by a background check that found damage or a failed automatic snapshot; cleared on lock. */
  private maintenanceNotice: string | null = null;
  /** Set by commitUnlock when the keyfile's name/demo flag disagreed with the database's. */
  private keyfileRepair: Keyfile | null = null;
  /** What the user must be told about this session's start (an unclean shutdown); cleared on lock. */
  private notice: string | null = null;
  /** This process's hold on the open vault's folder, from the start of a session to its end (session-lock.ts). */
  private sessionLock: SessionLock | null = null;
  /** Locks of sessions that ended while their background job still had the database open (see lockInternal). */
  private readonly releasing = new Set<SessionLock>();
  private readonly autoLock: AutoLockTimer;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly registry: VaultRegistry;

  constructor(options: VaultManagerOptions) {
    this.dataDir = path.resolve(options.dataDir);
    this.clock = options.clock;
    this.logger = options.logger;
    this.kdf = { ...(options.kdf ?? DEFAULT_KDF) };
    this.nativeBinding = options.nativeBinding;
    this.chainHead = options.chainHead;
    this.migrations = options.migrations;
    this.latestSchema = latestVersion(options.migrations);
    this.onStatusChange = options.onStatusChange;
    this.onBeforeLock = options.onBeforeLock;
    this.onMigrated = options.onMigrated;
    this.onRolledBack = options.onRolledBack;
    this.onMigrating = options.onMigrating;
    this.restoreCarry = options.restoreCarry;
    const auto = options.automaticBackups;
    this.retention = !auto ? null : { ...DEFAULT_RETENTION, ...(auto === true ? {} : auto.retention) };
    this.maintenance = new BackgroundMaintenance(this.logger);
    this.autoLock = new AutoLockTimer(
      this.clock,
      options.timers ?? defaultTimers,
      () => {
        if (this.state.session && this.lockInternal('auto')) this.emit();
      },
      options.autoLockMinutes ?? DEFAULT_AUTO_LOCK_MINUTES,
    );
    this.registry = new VaultRegistry(this.dataDir, this.logger);
  }

  /** Where new vaults go unless the user picks a folder. */
  vaultFolder(): string {
    return defaultVaultFolder(this.dataDir);
  }

  status(): VaultStatus {
    const sel = this.state.selected;
    return {
      state: this.state.phase,
      vault: sel ? { path: sel.path, name: sel.name, demo: sel.demo, kind: sel.kind } : null,
      autoLockAt: this.state.session ? this.autoLock.at : null,
      autoLockMinutes: this.autoLock.minutes,
      schemaVersion: this.state.session ? this.state.session.schemaVersion : null,
      ...(this.state.session && this.currentNotice() ? { notice: this.currentNotice()! } : {}),
    };
  }

  /** The open database, or AppError NO_VAULT / LOCKED. */
  db(): Db {
    if (!this.state.selected) throw new AppError('NO_VAULT', DEFAULT_MESSAGES.NO_VAULT);
    if (!this.state.session) throw new AppError('LOCKED', DEFAULT_MESSAGES.LOCKED);
    return this.state.session.db;
  }

  /** Create a new vault folder with keyfile and database; it is left selected and unlocked. */
  create(input: CreateVaultInput, hooks: SwitchHooks = {}): Promise<{ recoveryCode: string; status: VaultStatus }> {
    return this.exclusive(async () => {
      const name = input.name.trim();
      if (name === '') {
        const message = 'Geef de kluis een naam.';
        throw new AppError('VALIDATION', message, [{ path: 'name', message }]);
      }
      assertNewPassphrase(input.passphrase, 'passphrase');
      const folder = path.resolve(input.path ?? path.join(this.vaultFolder(), vaultFolderName(name)));
      const existing = await readdir(folder).catch((err: NodeJS.ErrnoException) => {
        if (err.code === 'ENOENT') return null;
        if (err.code === 'ENOTDIR') return ['(file)'];
        throw unusablePlace(err);
      });
      if (existing && existing.length > 0) {
        throw new AppError('VAULT_EXISTS', 'Op deze plek staat al een kluis of een andere map met bestanden. Kies een andere naam of plek.');
      }
      const folderExisted = existing !== null;
      const backupsDir = path.join(folder, BACKUPS_DIR_NAME);
      // The folders first: a place that cannot hold a vault must fail before the open vault is closed.
      await this.prepareVaultFolder(folder, backupsDir, folderExisted);

      // Creating a vault replaces the current selection.
      hooks.beforeSwitch?.();
      this.closeInternal();

      const dbPath = path.join(folder, VAULT_DB_NAME);
      const keyfilePath = path.join(folder, KEYFILE_NAME);
      const vaultId = randomUUID();
      const demo = input.demo ?? false;
      const kind: VaultKind = input.kind ?? 'kantoor';
      let dataKey: Buffer | null = generateDataKey();
      const passphrase = secretFromString(input.passphrase);
      const recovery = generateRecoveryCode();
      let db: Db | null = null;
      try {
        const keyfile = await createKeyfile({
          vaultId,
          name,
          demo,
          kind,
          createdAt: this.clock.now(),
          dataKey,
          passphrase,
          recoverySecret: recovery.secret,
          kdf: this.kdf,
        });
        // Keyfile first: a database must never exist without the means to open it.
        await writeKeyfile(keyfilePath, keyfile);
        // An empty file created with 0600 becomes the database; SQLite gives -wal/-shm the same mode.
        await (await open(dbPath, 'wx', FILE_MODE)).close();
        await chmod(dbPath, FILE_MODE).catch(() => undefined);
        this.holdFolder(folder);
        db = openEncrypted(dbPath, dataKey, this.openOptions());
        const result = migrate(db, this.migrations, { backup: () => this.snapshotBeforeMigration(db as Db, backupsDir, 0) });
        bindIdentity(db, { vaultId, name, demo, kind });
        this.saveAnchor(vaultId, db);
        this.state.select({ path: folder, vaultId, name, demo, kind });
        this.state.enter({ db, key: new SecretKey(dataKey), schemaVersion: result.to });
        this.notice = null;
        this.markOpen(folder);
        db = null;
        dataKey = null; // ownership moved to this.state.session
      } catch (err) {
        db?.close();
        wipe(dataKey);
        this.releaseFolder();
        await this.removeHalfCreatedVault(folder, folderExisted);
        this.logger.error('vault.create_failed', { error: err });
        throw err;
      } finally {
        wipe(passphrase, recovery.secret);
      }
      this.autoLock.restart();
      this.logger.info('vault.created', { vaultId, demo });
      await this.rememberOpened({ path: folder, name, demo, kind });
      return { recoveryCode: recovery.code, status: this.status() };
    });
  }

  /**
   * Select an existing vault folder (or its vault.db / vault.key.json); it stays locked. `beforeSwitch` runs
   * only once the new vault proved openable, just before the current one is closed (a failed open changes
   * nothing and logs nothing).
   */
  open(vaultPath: string, hooks: SwitchHooks = {}): Promise<VaultStatus> {
    return this.exclusive(async () => {
      const folder = resolveVaultFolder(vaultPath);
      // A background job of the previous session must close its connection before files are swept.
      await this.maintenance.idle();
      const keyfile = await readKeyfile(path.join(folder, KEYFILE_NAME));
      hooks.beforeSwitch?.();
      this.closeInternal();
      this.sweepIfFree(folder);
      const kind = keyfile.kind ?? 'kantoor';
      this.state.select({ path: folder, vaultId: keyfile.vaultId, name: keyfile.name, demo: keyfile.demo, kind });
      await this.rememberOpened({ path: folder, name: keyfile.name, demo: keyfile.demo, kind });
      return this.status();
    });
  }

  /** Unlock the selected vault. A wrong passphrase throws WRONG_PASSPHRASE and changes nothing. */
  unlock(passphrase: string): Promise<VaultStatus> {
    // Captured at call time: a lock() requested after this call must win over it.
    const generation = this.state.ticket();
    return this.exclusive(async () => {
      const sel = this.requireSelected();
      const keyfile = await this.readSelectedKeyfile(sel);
      const secret = secretFromString(passphrase);
      let dataKey: Buffer | null = null;
      try {
        dataKey = await this.unwrapWithPassphrase(keyfile, secret, 'vault.unlock_failed');
        if (this.state.session) {
          // Already unlocked (e.g. a second window): the passphrase was right; keep the open session.
          this.assertSameKey(dataKey);
          return this.status();
        }
        this.holdFolder(sel.path);
        const crash = this.inspectCrashBeforeOpen(sel);
        this.probe(sel, dataKey);
        if (isWeakerThan(keyfile.passphrase.kdf, this.kdf)) {
          // Parameters from an older or cheaper setup: raise them while we hold the passphrase.
          const rewrapped: Keyfile = {
            ...keyfile,
            passphrase: await wrapKey(dataKey, secret, { vaultId: keyfile.vaultId, purpose: 'passphrase' }, this.kdf),
          };
          await writeKeyfile(path.join(sel.path, KEYFILE_NAME), rewrapped);
          this.logger.info('vault.kdf_upgraded', { vaultId: keyfile.vaultId, purpose: 'passphrase' });
        }
        this.commitUnlock(sel, keyfile, dataKey, generation, crash);
        dataKey = null; // owned by this.state.session now
      } finally {
        wipe(secret, dataKey);
        if (!this.state.session) this.releaseFolder();
      }
      await this.repairKeyfileIdentity();
      this.startMaintenance();
      return this.status();
    });
  }

  /**
   * Unlock with the recovery code and set a new passphrase. The recovery code stays valid.
   * A wrong code throws WRONG_RECOVERY_CODE and changes nothing.
   */
  unlockWithRecoveryCode(recoveryCode: string, newPassphrase: string): Promise<VaultStatus> {
    const generation = this.state.ticket();
    return this.exclusive(async () => {
      assertNewPassphrase(newPassphrase, 'newPassphrase');
      const sel = this.requireSelected();
      const keyfile = await this.readSelectedKeyfile(sel);
      const recoverySecret = parseRecoveryCode(recoveryCode);
      if (!recoverySecret) {
        this.logger.warn('vault.recovery_failed', { reason: 'malformed_code' });
        throw wrongRecoveryCode();
      }
      let newSecret: Buffer | null = null;
      let dataKey: Buffer | null = null;
      try {
        const ctx = { vaultId: keyfile.vaultId };
        dataKey = await unwrapKey(keyfile.recovery, recoverySecret, { ...ctx, purpose: 'recovery' });
        if (!dataKey) {
          this.logger.warn('vault.recovery_failed', { reason: 'wrong_code' });
          throw wrongRecoveryCode();
        }
        let crash: CrashFinding = { kind: 'none' };
        if (this.state.session) this.assertSameKey(dataKey);
        else {
          this.holdFolder(sel.path);
          crash = this.inspectCrashBeforeOpen(sel);
          this.probe(sel, dataKey);
        }
        newSecret = secretFromString(newPassphrase);
        const updated: Keyfile = {
          ...keyfile,
          passphrase: await wrapKey(dataKey, newSecret, { ...ctx, purpose: 'passphrase' }, this.kdf),
          recovery: isWeakerThan(keyfile.recovery.kdf, this.kdf)
            ? await wrapKey(dataKey, recoverySecret, { ...ctx, purpose: 'recovery' }, this.kdf)
            : keyfile.recovery,
        };
        if (!this.state.isCurrent(generation)) {
          throw new AppError('LOCKED', 'Het ontgrendelen is afgebroken omdat de kluis intussen is vergrendeld.');
        }
        await writeKeyfile(path.join(sel.path, KEYFILE_NAME), updated);
        this.logger.info('vault.recovered', { vaultId: keyfile.vaultId });
        if (!this.state.session) {
          this.commitUnlock(sel, keyfile, dataKey, generation, crash);
          dataKey = null;
        }
      } finally {
        wipe(recoverySecret, newSecret, dataKey);
        if (!this.state.session) this.releaseFolder();
      }
      await this.repairKeyfileIdentity();
      this.startMaintenance();
      return this.status();
    });
  }

  /** Re-wrap the data key under a new passphrase (the database itself is not re-encrypted). */
  changePassphrase(currentPassphrase: string, newPassphrase: string): Promise<void> {
    return this.exclusive(async () => {
      this.db(); // NO_VAULT / LOCKED
      assertNewPassphrase(newPassphrase, 'newPassphrase');
      const sel = this.requireSelected();
      const keyfile = await this.readSelectedKeyfile(sel);
      const current = secretFromString(currentPassphrase);
      let next: Buffer | null = null;
      let dataKey: Buffer | null = null;
      try {
        // Our own copy: a lock() during the KDF zero-fills the session key, never this one.
        dataKey = await this.unwrapWithPassphrase(keyfile, current, 'vault.passphrase_change_failed');
        if (this.state.session) this.assertSameKey(dataKey);
        next = secretFromString(newPassphrase);
        const updated: Keyfile = {
          ...keyfile,
          passphrase: await wrapKey(dataKey, next, { vaultId: keyfile.vaultId, purpose: 'passphrase' }, this.kdf),
        };
        await writeKeyfile(path.join(sel.path, KEYFILE_NAME), updated);
        this.logger.info('vault.passphrase_changed', { vaultId: keyfile.vaultId });
      } finally {
        wipe(current, next, dataKey);
      }
      if (this.state.session) this.autoLock.restart();
    });
  }

  /**
   * Re-authentication (e.g. before a plaintext export): the passphrase must open this vault's keyfile
   * and yield the key of the open session. Throws NO_VAULT / LOCKED / WRONG_PASSPHRASE; changes nothing.
   */
  verifyPassphrase(passphrase: string): Promise<void> {
    return this.exclusive(async () => {
      this.db(); // NO_VAULT / LOCKED
      const sel = this.requireSelected();
      const keyfile = await this.readSelectedKeyfile(sel);
      const secret = secretFromString(passphrase);
      let dataKey: Buffer | null = null;
      try {
        dataKey = await this.unwrapWithPassphrase(keyfile, secret, 'vault.reauth_failed');
        if (this.state.session) this.assertSameKey(dataKey);
      } finally {
        wipe(secret, dataKey);
      }
    });
  }

  /**
   * Checks that `recoveryCode` opens this (unlocked) vault, without changing anything; for the herstelkit,
   * so a kit is only ever printed with a code that works. Returns the vault's name and creation time.
   */
  verifyRecoveryCode(recoveryCode: string): Promise<{ name: string; createdAt: number }> {
    return this.exclusive(async () => {
      this.db(); // NO_VAULT / LOCKED
      const sel = this.requireSelected();
      const keyfile = await this.readSelectedKeyfile(sel);
      const recoverySecret = parseRecoveryCode(recoveryCode);
      if (!recoverySecret) throw wrongRecoveryCode();
      let dataKey: Buffer | null = null;
      try {
        dataKey = await unwrapKey(keyfile.recovery, recoverySecret, { vaultId: keyfile.vaultId, purpose: 'recovery' });
        if (!dataKey) throw wrongRecoveryCode();
        this.assertSameKey(dataKey);
      } finally {
        wipe(recoverySecret, dataKey);
      }
      return { name: keyfile.name, createdAt: keyfile.createdAt };
    });
  }

  /** Lock now: checkpoint and close the database, zero-fill the data key. Idempotent. */
  lock(): VaultStatus {
    const changed = this.lockInternal('manual');
    if (changed) this.emit();
    return this.status();
  }

  /** Lock and deselect the vault. */
  close(): VaultStatus {
    const changed = this.closeInternal();
    if (changed) this.emit();
    return this.status();
  }

  /** User activity: postpone the auto-lock. No effect unless unlocked. */
  touch(): VaultStatus {
    if (this.state.session) {
      this.autoLock.restart();
      this.automaticSnapshotDuringSession();
    }
    return this.status();
  }

  /**
   * Long work (a job) holds the auto-lock off while it runs, so an import or a backup is never cut off; when
   * the deadline passed meanwhile, the release of the last hold locks at once. Returns the release.
   */
  holdAutoLock(): () => void {
    return this.autoLock.hold();
  }

  /**
   * A vault that stays unlocked for days (the user keeps working) still gets its daily snapshot: activity
   * checks, at most once an hour, whether one is due, and then starts the background job (check + snapshot).
   */
  private automaticSnapshotDuringSession(): void {
    if (!this.state.session || !this.state.selected || !this.retention) return;
    const now = this.clock.now();
    if (now - this.lastSessionSnapshotCheck < 60 * 60_000) return;
    this.lastSessionSnapshotCheck = now;
    try {
      if (!automaticSnapshotDue(listSnapshots(path.join(this.state.selected.path, BACKUPS_DIR_NAME)), now)) return;
    } catch (err) {
      this.logger.warn('vault.auto_backup_failed', { error: err });
      return;
    }
    this.startMaintenance();
  }

  /**
   * Resolves when no background job (integrity check, automatic snapshot, registry write) is running. Shells await it
   * before the process exits so a snapshot in progress is completed; unlock, open and restore await it too.
   */
  async idle(): Promise<void> {
    await Promise.all([this.maintenance.idle(), this.registry.settled()]);
  }

  /**
   * Starts the background job for the unlocked session, unless maintenance is off or a job runs. Called
   * at the very end of an unlock, so the unlock's answer never waits for it. Its findings reach the user as
   * the status notice of the session that started it (and are logged either way).
   */
  private startMaintenance(): void {
    const session = this.state.session;
    const sel = this.state.selected;
    if (!session || !sel || !this.retention) return;
    const generation = this.state.ticket();
    const job = this.maintenance.start({
      dbPath: path.join(sel.path, VAULT_DB_NAME),
      backupsDir: path.join(sel.path, BACKUPS_DIR_NAME),
      dataKey: session.key.bytes,
      now: this.clock.now(),
      retention: this.retention,
      ...(this.nativeBinding ? { nativeBinding: this.nativeBinding } : {}),
    });
    void job?.then((report) => {
      const notice = report.integrity === 'corrupt' ? INTEGRITY_FAILED_NOTICE : report.failed ? BACKUP_FAILED_NOTICE : null;
      if (!notice || !this.state.isCurrent(generation) || !this.state.session) return;
      this.maintenanceNotice = notice;
      this.emit();
    });
  }

  private currentNotice(): string | null {
    const parts = [this.notice, this.maintenanceNotice].filter((n): n is string => n !== null);
    return parts.length > 0 ? parts.join(' ') : null;
  }

  setAutoLockMinutes(minutes: number): VaultStatus {
    this.autoLock.setMinutes(minutes);
    if (this.state.session) this.autoLock.restart();
    this.emit();
    return this.status();
  }

  /** Vaults this installation has seen (paths, names, demo flag; no client data). */
  async knownVaults(): Promise<KnownVault[]> {
    return this.exclusive(() => this.registry.list());
  }

  /** Remove a vault from the list of known vaults; its files are left alone. */
  forget(vaultPath: string): Promise<void> {
    return this.exclusive(async () => {
      await this.registry.forget(path.resolve(vaultPath));
    });
  }

  // ---- backups -----------------------------------------------------------------------------------

  /** Snapshots in the selected vault's backups/ folder, newest first (no client data: names, dates, sizes). */
  listBackups(): BackupInfo[] {
    const sel = this.requireSelected();
    return listSnapshots(path.join(sel.path, BACKUPS_DIR_NAME)).map(({ id, createdAt, kind, sizeBytes }) => ({
      id,
      createdAt,
      kind,
      sizeBytes,
    }));
  }

  /**
   * Manual backup of the open vault. Without a folder: an encrypted snapshot in the vault's backups/
   * (never pruned). With a folder (absolute, existing; e.g. a USB drive): a backup folder written by
   * external-backup.ts, which reports progress to `job` and can be cancelled until the last moment.
   */
  createBackup(options: { folder?: string; job?: CopyJob } = {}): Promise<{ path: string; createdAt: number }> {
    return this.exclusive(async () => {
      this.db(); // NO_VAULT / LOCKED
      const sel = this.requireSelected();
      let parent: string | null = null;
      if (options.folder !== undefined) {
        parent = assertExternalFolder(options.folder, sel.path);
        await this.readSelectedKeyfile(sel); // the keyfile we copy must belong to this vault
      }
      // Synchronous from here up to the snapshot: a lock() cannot close the database under it.
      const db = this.db();
      const createdAt = this.clock.now();
      const backupsDir = path.join(sel.path, BACKUPS_DIR_NAME);
      if (parent === null) {
        const file = snapshot(db, backupsDir, MANUAL_LABEL, this.clock);
        this.logger.info('vault.backup_created', { file: path.basename(file), kind: 'manual' });
        return { path: file, createdAt };
      }
      const snapshotFile = snapshotToTemp(db, backupsDir);
      try {
        const target = await writeExternalBackup({
          parent,
          stem: vaultFolderName(sel.name).slice(0, -VAULT_FOLDER_SUFFIX.length),
          createdAt,
          snapshotFile,
          keyfile: { source: path.join(sel.path, KEYFILE_NAME), name: KEYFILE_NAME },
          dbName: VAULT_DB_NAME,
          job: options.job,
        });
        this.logger.info('vault.backup_created', { kind: 'external' });
        return { path: target, createdAt };
      } catch (err) {
        if (err instanceof AppError && err.code === 'CANCELLED') this.logger.info('vault.backup_cancelled', { kind: 'external' });
        else this.logger.warn('vault.backup_failed', { error: err });
        throw err;
      } finally {
        rmSync(snapshotFile, { force: true });
      }
    });
  }

  /**
   * Restore a snapshot from the vault's backups/ folder (works locked or unlocked; the passphrase is
   * asked again either way). The snapshot must open with this vault's key, pass integrity_check and not
   * come from a newer Houvast. The current state is first saved as a 'before-restore' snapshot (the
   * undo), then the database file is replaced crash-safely and reopened (migrating an older snapshot,
   * with its own pre-migration snapshot). The vault is unlocked afterwards. Any refusal changes nothing.
   */
  restoreBackup(id: string, passphrase: string): Promise<RestoreBackupOutput & { carried: number }> {
    const generation = this.state.ticket();
    return this.exclusive(async () => {
      const sel = this.requireSelected();
      const backupsDir = path.join(sel.path, BACKUPS_DIR_NAME);
      const source = restoreSource(backupsDir, id);
      const keyfile = await this.readSelectedKeyfile(sel);
      // A background job's connection must be closed before the database file is replaced under it.
      await this.maintenance.idle();
      const secret = secretFromString(passphrase);
      let dataKey: Buffer | null = null;
      let restored: { undoId: string | null; carried: number; carryUnreadable: boolean };
      try {
        dataKey = await this.unwrapWithPassphrase(keyfile, secret, 'vault.restore_failed');
        if (!this.state.isCurrent(generation, sel)) {
          throw new AppError('LOCKED', 'Het terugzetten is afgebroken omdat de kluis intussen is vergrendeld. Er is niets gewijzigd.');
        }
        if (this.state.session) this.assertSameKey(dataKey);
        // Never replace the database under another process's open session.
        this.holdFolder(sel.path);
        const key = dataKey;
        // Synchronous from here on: nothing can interleave with the file replacement.
        restored = restoreSnapshot({
          folder: sel.path,
          dbName: VAULT_DB_NAME,
          backupsDir,
          source,
          dataKey: key,
          latestSchema: this.latestSchema,
          openOptions: this.openOptions(),
          clock: this.clock,
          logger: this.logger,
          carry: this.restoreCarry,
          session: {
            current: () => this.state.session?.db ?? null,
            close: () => void this.lockInternal('restore'),
            reopen: () => {
              // Restored on purpose: the chain may now end before this computer's anchor; it is set afresh.
              this.commitUnlock(sel, keyfile, key, this.state.ticket(), { kind: 'none' }, false);
              return this.db();
            },
          },
        });
        dataKey = null; // owned by this.state.session now
        this.logger.info('vault.restored', { vaultId: keyfile.vaultId, from: id, undo: restored.undoId });
      } finally {
        wipe(secret, dataKey);
        if (!this.state.session) this.releaseFolder();
      }
      await this.rememberOpened(sel);
      this.startMaintenance();
      return { status: this.status(), restoredFrom: id, undoId: restored.undoId, logboekCarried: !restored.carryUnreadable, carried: restored.carried };
    });
  }

  // ---- internals -------------------------------------------------------------------------------

  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private openOptions(extra: { readonly?: boolean } = {}) {
    return { ...extra, ...(this.nativeBinding ? { nativeBinding: this.nativeBinding } : {}) };
  }

  private requireSelected(): Selected {
    if (!this.state.selected) throw new AppError('NO_VAULT', DEFAULT_MESSAGES.NO_VAULT);
    return this.state.selected;
  }

  private async readSelectedKeyfile(sel: Selected): Promise<Keyfile> {
    const keyfile = await readKeyfile(path.join(sel.path, KEYFILE_NAME));
    if (keyfile.vaultId !== sel.vaultId) {
      // The folder's contents were replaced while selected: refuse rather than guess.
      throw new AppError('VAULT_CORRUPT', 'De kluis is op schijf vervangen. Open de kluis opnieuw. Er is niets gewijzigd.');
    }
    return keyfile;
  }

  /** The data key unwrapped with the passphrase; a wrong one is logged as `failedEvent` and throws WRONG_PASSPHRASE. */
  private async unwrapWithPassphrase(keyfile: Keyfile, secret: Buffer, failedEvent: string): Promise<Buffer> {
    const dataKey = await unwrapKey(keyfile.passphrase, secret, { vaultId: keyfile.vaultId, purpose: 'passphrase' });
    if (!dataKey) {
      this.logger.warn(failedEvent, { reason: 'wrong_passphrase' });
      throw wrongPassphrase();
    }
    return dataKey;
  }

  /** Puts the vault first in the list of known vaults and tells listeners the status changed. */
  private async rememberOpened(vault: { path: string; name: string; demo: boolean; kind: VaultKind }): Promise<void> {
    await this.registry.remember({ path: vault.path, name: vault.name, demo: vault.demo, kind: vault.kind, lastOpenedAt: this.clock.now() });
    this.emit();
  }

  /**
   * As rememberOpened, but the unlock answers without waiting for the registry file (an fsync'd write of
   * 5-70 ms on a busy disk): the list is a convenience for the start screen (registry.ts) and never fails an
   * operation. idle() waits for the write, so a shell that exits still saves it.
   */
  private rememberOpenedInBackground(vault: { path: string; name: string; demo: boolean; kind: VaultKind }): void {
    void this.registry.remember({ path: vault.path, name: vault.name, demo: vault.demo, kind: vault.kind, lastOpenedAt: this.clock.now() });
    this.emit();
  }

  private assertSameKey(dataKey: Buffer): void {
    const held = this.state.session?.key;
    if (held && !held.equals(dataKey)) {
      throw new AppError('VAULT_CORRUPT', 'Het sleutelbestand hoort niet bij de geopende kluis. Er is niets gewijzigd.');
    }
  }

  /**
   * Read-only look at the database before anything is written: the key must fit and the schema must
   * not be newer than this build (DB_FROM_FUTURE leaves the file byte-for-byte untouched).
   */
  private probe(sel: Selected, dataKey: Buffer): void {
    const dbPath = path.join(sel.path, VAULT_DB_NAME);
    if (!existsSync(dbPath)) {
      throw new AppError('VAULT_CORRUPT', 'Het databasebestand van de kluis ontbreekt. Er is niets gewijzigd.');
    }
    this.readingOrCorrupt('probe', () => checkReadOnly(dbPath, dataKey, {
      openOptions: this.openOptions(),
      latestSchema: this.latestSchema,
      logger: this.logger,
      corrupt: () => {
        // The key was just unwrapped (GCM-authenticated), so it is the right one: the file is damaged.
        this.logger.error('vault.corrupt', { stage: 'open' });
        return corruptVaultError();
      },
      check: (db) => {
        try {
          quickCheck(db, dbPath);
        } catch (err) {
          if (err instanceof AppError) this.logger.error('vault.corrupt', { stage: 'quick_check' });
          throw err;
        }
      },
    }));
  }

  /**
   * Runs `read`; a disk I/O or corruption error from SQLite becomes the Dutch corrupt-vault error (which offers
   * the backups) instead of INTERNAL. Seen when the WAL was deleted or damaged while another process still had
   * the vault open: its index then points at frames that are gone or unreadable.
   */
  private readingOrCorrupt<T>(stage: string, read: () => T): T {
    try {
      return read();
    } catch (err) {
      if (!isUnreadable(err)) throw err;
      this.logger.error('vault.corrupt', { stage, error: err });
      throw corruptVaultError();
    }
  }

  /** Writes back the database's name and demo flag when the keyfile had been changed, and remembers the vault. */
  private async repairKeyfileIdentity(): Promise<void> {
    const repair = this.keyfileRepair;
    this.keyfileRepair = null;
    const sel = this.state.selected;
    if (!sel) return;
    if (repair) {
      try {
        // Re-read: only name and demo change; the wrapped keys stay as they are on disk now.
        const current = await readKeyfile(path.join(sel.path, KEYFILE_NAME));
        await writeKeyfile(path.join(sel.path, KEYFILE_NAME), { ...current, name: repair.name, demo: repair.demo, kind: repair.kind ?? 'kantoor' });
      } catch (err) {
        this.logger.warn('vault.keyfile_repair_failed', { error: err });
      }
    }
    this.rememberOpenedInBackground(sel);
  }

  /** Before this process first opens the database: keep a non-empty WAL left by a crash (never throws). */
  private inspectCrashBeforeOpen(sel: Selected): CrashFinding {
    if (this.maintenance.isRunningFor(path.join(sel.path, VAULT_DB_NAME))) {
      // This process locked the vault cleanly while its background job still reads it: the WAL that may be
      // left belongs to the job's open connection, not to a crash. Nothing to keep, nothing to say.
      return { kind: 'none' };
    }
    try {
      const finding = inspectCrash(sel.path, VAULT_DB_NAME, this.clock.now());
      if (finding.kind !== 'none') this.logger.warn('vault.unclean_shutdown', { kind: finding.kind });
      return finding;
    } catch (err) {
      this.logger.warn('vault.crash_inspection_failed', { error: err });
      return { kind: 'none' };
    }
  }

  /** Synchronous from here on: nothing can interleave between the generation check and the state change. */
  private commitUnlock(sel: Selected, keyfile: Keyfile, dataKey: Buffer, generation: number, crash: CrashFinding = { kind: 'none' }, checkRollback = true): void {
    if (!this.state.isCurrent(generation, sel)) {
      throw new AppError('LOCKED', 'Het ontgrendelen is afgebroken omdat de kluis intussen is vergrendeld.');
    }
    const dbPath = path.join(sel.path, VAULT_DB_NAME);
    const backupsDir = path.join(sel.path, BACKUPS_DIR_NAME);
    const db = this.readingOrCorrupt('open', () => openEncrypted(dbPath, dataKey, this.openOptions()));
    let schemaVersion: number;
    try {
      const before = userVersion(db);
      const result = migrate(db, this.migrations, {
        backup: () => this.snapshotBeforeMigration(db, backupsDir, before),
        onStep: this.onMigrating,
      });
      if (result.applied.length > 0) {
        this.logger.info('vault.migrated', { vaultId: keyfile.vaultId, from: result.from, to: result.to });
        try {
          this.onMigrated?.(db, result.from, result.to);
        } catch (err) {
          this.logger.warn('vault.migrated_listener_failed', { error: err });
        }
      }
      schemaVersion = result.to;
      // The daily snapshot is the background job's (startMaintenance, after the unlock has returned).
      this.lastSessionSnapshotCheck = this.clock.now();
    } catch (err) {
      db.close();
      if (err instanceof AppError) throw err;
      if (isUnreadable(err)) {
        this.logger.error('vault.corrupt', { stage: 'migrate', error: err });
        throw corruptVaultError();
      }
      this.logger.error('vault.migration_failed', { vaultId: keyfile.vaultId, error: err });
      throw new AppError(
        'INTERNAL',
        'De kluis kon niet worden bijgewerkt naar deze versie van Houvast. Er is niets gewijzigd.',
      );
    }
    // The database's copy of the name and demo flag wins over the (unauthenticated) keyfile's.
    const { identity, keyfileChanged } = this.readingOrCorrupt('identity', () => {
      try {
        return reconcileIdentity(db, { vaultId: keyfile.vaultId, name: keyfile.name, demo: keyfile.demo, kind: keyfile.kind ?? 'kantoor' });
      } catch (err) {
        db.close();
        throw err;
      }
    });
    this.state.select({ ...sel, name: identity.name, demo: identity.demo, kind: identity.kind });
    this.state.enter({ db, key: new SecretKey(dataKey), schemaVersion });
    // A keyfile whose name or kind differed from the database's was changed outside Houvast: say so, not only repair it.
    const rolledBack = this.compareAndAnchor(keyfile.vaultId, db, checkRollback);
    this.notice = [crashNotice(crash), keyfileChanged ? KEYFILE_IDENTITY_REPAIRED_NOTICE : null, rolledBack].filter((n) => n !== null).join(' ') || null;
    this.markOpen(sel.path);
    if (keyfileChanged) {
      this.logger.warn('vault.keyfile_identity_repaired', { vaultId: keyfile.vaultId });
      this.keyfileRepair = { ...keyfile, name: identity.name, demo: identity.demo, kind: identity.kind };
    }
    this.autoLock.restart();
    this.logger.info('vault.unlocked', { vaultId: keyfile.vaultId });
  }

  private snapshotBeforeMigration(db: Db, backupsDir: string, fromVersion: number): void {
    const file = snapshot(db, backupsDir, `pre-migration-v${fromVersion}`, this.clock);
    this.logger.info('vault.backup_created', { file: path.basename(file) });
  }

  /** 'restore' closes the session for a file replacement: no before-lock listener (it is no lock). */
  private lockInternal(reason: 'manual' | 'auto' | 'close' | 'restore'): boolean {
    this.autoLock.cancel();
    const session = this.state.leave();
    if (!session) return false;
    try {
      if (reason !== 'restore') this.onBeforeLock?.(session.db, reason);
    } catch (err) {
      // Locking must never fail because a listener failed.
      this.logger.warn('vault.before_lock_listener_failed', { error: err });
    }
    if (this.state.selected) this.saveAnchor(this.state.selected.vaultId, session.db);
    try {
      // Fold the WAL back into the (encrypted) main file so no -wal is left behind. While a background job
      // reads, TRUNCATE would wait for it (up to the busy timeout): a lock must be immediate, so fold what
      // can be folded now; the job's connection, the last to close, folds the rest and removes the WAL.
      session.db.pragma(this.maintenance.busy ? 'wal_checkpoint(PASSIVE)' : 'wal_checkpoint(TRUNCATE)');
    } catch (err) {
      this.logger.warn('vault.checkpoint_failed', { error: err });
    }
    try {
      session.db.close();
    } catch (err) {
      this.logger.error('vault.close_failed', { error: err });
    }
    session.key.dispose();
    // The shared memos hold amounts and dates of the households computed in this session (memo.ts).
    forgetMemos();
    this.notice = null;
    this.maintenanceNotice = null;
    if (this.state.selected) {
      try {
        markSessionClosed(this.state.selected.path);
      } catch (err) {
        this.logger.warn('vault.session_marker_failed', { error: err });
      }
    }
    // A restore closes the session to replace the file and reopens it: it keeps the folder meanwhile. A background
    // job still reading (and, on close, folding its WAL into the file) keeps it too, until the job is done.
    if (reason !== 'restore') this.releaseFolderWhenIdle();
    this.logger.info(reason === 'restore' ? 'vault.closed_for_restore' : 'vault.locked', { reason });
    return true;
  }

  /**
   * The rollback check (rollback-anchor.ts): the notice when the chain no longer holds the head this computer saw
   * last, then the anchor moved to the current head. Never fails an unlock: an unreadable anchor is no anchor.
   */
  private compareAndAnchor(vaultId: string, db: Db, check: boolean): string | null {
    if (!this.chainHead) return null;
    let notice: string | null = null;
    try {
      const anchor = check ? readAnchor(this.dataDir, vaultId) : null;
      if (anchor && compareWithAnchor(anchor, this.chainHead.hashAt(db, anchor.id)) === 'rolled_back') {
        this.logger.warn('vault.rolled_back', { vaultId, anchorId: anchor.id });
        const head = this.chainHead.head(db);
        notice = rollbackNotice(anchor, head);
        try {
          this.onRolledBack?.(db, anchor, head);
        } catch (err) {
          this.logger.warn('vault.rolled_back_listener_failed', { error: err });
        }
      }
    } catch (err) {
      this.logger.warn('vault.anchor_unreadable', { error: err });
    }
    this.saveAnchor(vaultId, db);
    return notice;
  }

  private saveAnchor(vaultId: string, db: Db): void {
    if (!this.chainHead) return;
    try {
      const head = this.chainHead.head(db);
      if (head) writeAnchor(this.dataDir, vaultId, head);
    } catch (err) {
      this.logger.warn('vault.anchor_write_failed', { error: err });
    }
  }

  /** Take this vault's folder for a session (session-lock.ts); VAULT_IN_USE when another process has it. */
  private holdFolder(folder: string): void {
    if (this.sessionLock?.folder === folder) return;
    this.releaseFolder();
    for (const pending of this.releasing) {
      if (pending.folder !== folder) continue;
      // Still ours from the last session (its background job has not finished): keep it.
      this.releasing.delete(pending);
      this.sessionLock = pending;
      return;
    }
    let lock: SessionLock | null;
    try {
      lock = trySessionLock(folder, this.openOptions());
    } catch (err) {
      // A folder where no lock file can be made (read-only media): the session itself will say what fails.
      this.logger.warn('vault.session_lock_failed', { error: err });
      return;
    }
    if (!lock) {
      this.logger.warn('vault.in_use_elsewhere', {});
      throw vaultInUseError();
    }
    this.sessionLock = lock;
  }

  private releaseFolder(): void {
    const lock = this.sessionLock;
    this.sessionLock = null;
    this.releaseLock(lock);
  }

  private releaseFolderWhenIdle(): void {
    const lock = this.sessionLock;
    this.sessionLock = null;
    if (!lock) return;
    if (!this.maintenance.busy) {
      this.releaseLock(lock);
      return;
    }
    this.releasing.add(lock);
    void this.maintenance.idle().then(() => {
      // Unless a new session took it back meanwhile.
      if (this.releasing.delete(lock)) this.releaseLock(lock);
    });
  }

  private releaseLock(lock: SessionLock | null): void {
    try {
      lock?.release();
    } catch (err) {
      this.logger.warn('vault.session_lock_release_failed', { error: err });
    }
  }

  /** Temp files of interrupted writes are swept only when no other process has the vault open: they may be its own. */
  private sweepIfFree(folder: string): void {
    let probe: SessionLock | null = null;
    try {
      probe = trySessionLock(folder, this.openOptions());
    } catch (err) {
      this.logger.warn('vault.session_lock_failed', { error: err });
    }
    if (!probe) return;
    try {
      const swept = sweepInterruptedWrites(folder, BACKUPS_DIR_NAME);
      if (swept > 0) this.logger.info('vault.interrupted_writes_swept', { count: swept });
    } finally {
      probe.release();
    }
  }

  /** A crash leaves this marker behind, so the next unlock can tell (see crash-recovery.ts). */
  private markOpen(folder: string): void {
    try {
      markSessionOpen(folder, this.clock.now());
    } catch (err) {
      this.logger.warn('vault.session_marker_failed', { error: err });
    }
  }

  private closeInternal(): boolean {
    const locked = this.lockInternal('close');
    this.releaseFolder();
    const hadSelection = this.state.deselect();
    return locked || hadSelection;
  }

  private emit(): void {
    if (!this.onStatusChange) return;
    try {
      this.onStatusChange(this.status());
    } catch (err) {
      this.logger.warn('vault.status_listener_failed', { error: err });
    }
  }

  /** Creates the vault folder and its backups/; a place that cannot be used throws a Dutch AppError. */
  private async prepareVaultFolder(folder: string, backupsDir: string, folderExisted: boolean): Promise<void> {
    let made = false;
    try {
      await ensurePrivateDir(folder);
      made = true;
      await ensurePrivateDir(backupsDir);
    } catch (err) {
      // Only what this call made is removed: a failed mkdir on a (dangling) symlink leaves the link alone.
      if (made) await this.removeHalfCreatedVault(folder, folderExisted);
      this.logger.warn('vault.create_place_unusable', { error: err });
      throw unusablePlace(err as NodeJS.ErrnoException);
    }
  }

  private async removeHalfCreatedVault(folder: string, folderExisted: boolean): Promise<void> {
    try {
      if (!folderExisted) {
        await rm(folder, { recursive: true, force: true });
        return;
      }
      for (const name of [VAULT_DB_NAME, `${VAULT_DB_NAME}-wal`, `${VAULT_DB_NAME}-shm`, KEYFILE_NAME, SESSION_LOCK_FILE]) {
        await rm(path.join(folder, name), { force: true });
      }
      await rm(path.join(folder, BACKUPS_DIR_NAME), { recursive: true, force: true });
    } catch (err) {
      this.logger.warn('vault.create_cleanup_failed', { error: err });
    }
  }

}

/** SQLite could not read the file: an I/O error (e.g. a short read of the WAL) or a damaged page. */
export function isUnreadable(err: unknown): boolean {
  const code = String((err as { code?: unknown } | null)?.code ?? '');
  return code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_NOTADB');
}

/** A file system error at the place chosen for a new vault, in words the user can act on. */
function unusablePlace(err: NodeJS.ErrnoException): AppError {
  const say = (message: string) => new AppError('VALIDATION', message, [{ path: 'path', message }]);
  switch (err.code) {
    case 'ENOENT':
      return say('Deze plek bestaat niet: een map of snelkoppeling in het pad wijst nergens heen. Kies een andere plek.');
    case 'ENAMETOOLONG':
    case 'ERR_INVALID_ARG_VALUE':
    case 'ERR_INVALID_ARG_TYPE':
      return say('Dit pad is te lang of bevat een ongeldig teken. Kies een andere plek met een korter pad.');
    case 'ELOOP':
      return say('Dit pad bevat een snelkoppeling die naar zichzelf verwijst. Kies een andere plek.');
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return say('Houvast mag op deze plek geen map maken. Kies een andere plek, of controleer de rechten op de map.');
    case 'ENOTDIR':
    case 'EEXIST':
      return say('Op deze plek staat al een bestand of een snelkoppeling. Kies een andere naam of plek.');
    default:
      return say('Op deze plek kan geen kluis worden gemaakt. Kies een andere plek.');
  }
}

/** Accept the vault folder itself or one of the two files inside it. */
function resolveVaultFolder(input: string): string {
  const resolved = path.resolve(input);
  const base = path.basename(resolved);
  return base === VAULT_DB_NAME || base === KEYFILE_NAME ? path.dirname(resolved) : resolved;
}

