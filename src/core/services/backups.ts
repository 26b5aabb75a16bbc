// Backups and restore as the router sees them: the VaultManager does the file work; this adds the
// audit entries (no paths, no personal data) and re-applies the vault's own settings after a restore.
import type { BackupInfo, RestoreBackupOutput } from '../../shared/contract/backups';
import { formatNlDateTime } from '../../shared/dates';
import { parseSnapshotName } from '../vault/backups';
import type { CopyJob } from '../vault/external-backup';
import type { VaultManager } from '../vault/vault-manager';
import type { AuditAction } from './audit';

export interface BackupService {
  create(input: { folder?: string | undefined }, job?: CopyJob): Promise<{ path: string; createdAt: number }>;
  list(): BackupInfo[];
  restore(input: { id: string; passphrase: string }): Promise<RestoreBackupOutput>;
}

const KIND_WORDS: Record<BackupInfo['kind'], string> = {
  auto: 'automatische back-up',
  manual: 'handmatige back-up',
  'pre-migration': 'back-up van voor een update',
  'before-restore': 'stand van voor het terugzetten',
};

function describe(id: string): string {
  const parsed = parseSnapshotName(id);
  return parsed ? `${KIND_WORDS[parsed.kind]} van ${formatNlDateTime(parsed.createdAt)}` : 'back-up';
}

export function createBackupService(deps: {
  vault: VaultManager;
  /** Vault-level audit entry through the open database. */
  log: (action: AuditAction, detail: string | null) => void;
  /** The restored database carries its own settings (auto-lock minutes): the session follows them. */
  autoLockMinutes: () => number;
}): BackupService {
  const { vault } = deps;
  return {
    async create({ folder }, job) {
      const result = await vault.createBackup(folder !== undefined ? { folder, job } : {});
      deps.log('vault.backup_created', folder !== undefined ? 'Externe back-up in een gekozen map' : 'Handmatige back-up in de kluismap');
      return result;
    },
    list() {
      return vault.listBackups();
    },
    async restore({ id, passphrase }) {
      const result = await vault.restoreBackup(id, passphrase);
      const minutes = deps.autoLockMinutes();
      if (vault.status().autoLockMinutes !== minutes) vault.setAutoLockMinutes(minutes);
      const undo = result.undoId ? ` De stand van daarvoor is bewaard als ${describe(result.undoId)}.` : '';
      const kept =
        result.carried > 0
          ? ` ${result.carried} ${result.carried === 1 ? 'logboekregel' : 'logboekregels'} van na deze back-up ${result.carried === 1 ? 'is' : 'zijn'} bewaard.`
          : '';
      const lost = result.logboekCarried
        ? ''
        : ' Het logboek van de kluis van vóór het terugzetten kon niet worden gelezen en is niet overgenomen; het zit in de bewaarde stand.';
      deps.log('vault.restored', `Teruggezet: ${describe(id)}.${undo}${kept}${lost}`);
      const { carried: _carried, ...out } = result;
      return { ...out, status: vault.status() };
    },
  };
}
