// Public surface of the vault layer for createCore and the shells.
export { VaultManager, DEFAULT_AUTO_LOCK_MINUTES, VAULT_DB_NAME, BACKUPS_DIR_NAME, vaultFolderName } from './vault-manager';
export type { VaultManagerOptions, VaultTimers, CreateVaultInput } from './vault-manager';
export { DEFAULT_KDF, KEYFILE_NAME } from './keyfile';
export type { KdfParams } from './keyfile';
