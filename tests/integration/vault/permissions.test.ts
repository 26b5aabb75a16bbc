// Checklist #16: vault folder 0700, files 0600, also with a permissive umask.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TEST_MIGRATIONS, PASSPHRASE, sandbox } from './helpers';
import type { Sandbox } from './helpers';

let sb: Sandbox;
let previousUmask: number;
beforeEach(async () => {
  sb = await sandbox('perm');
  previousUmask = process.umask(0); // nothing may rely on the umask to keep files private
});
afterEach(async () => {
  process.umask(previousUmask);
  await sb.cleanup();
});

const mode = (p: string) => statSync(p).mode & 0o777;

describe.skipIf(process.platform === 'win32')('file permissions (POSIX mode bits; Windows uses ACLs, not tested here)', () => {
  it('data folder, vault folder, backups 0700; database, WAL, SHM, keyfile, snapshots, registry 0600', async () => {
    const first = sb.manager({ migrations: TEST_MIGRATIONS.slice(0, 1) });
    const { status } = await first.create({ name: 'Rechten', passphrase: PASSPHRASE });
    first.close();
    const vm = sb.manager(); // unlocking with a newer schema makes a pre-migration snapshot
    await vm.open(status.vault!.path);
    await vm.unlock(PASSPHRASE);
    vm.db().prepare("INSERT INTO people (name) VALUES ('x')").run();

    const folder = status.vault!.path;
    expect(mode(sb.dataDir)).toBe(0o700);
    expect(mode(path.join(sb.dataDir, 'vaults'))).toBe(0o700);
    expect(mode(folder)).toBe(0o700);
    expect(mode(path.join(folder, 'backups'))).toBe(0o700);
    expect(mode(path.join(folder, 'vault.db'))).toBe(0o600);
    expect(existsSync(path.join(folder, 'vault.db-wal'))).toBe(true);
    expect(mode(path.join(folder, 'vault.db-wal'))).toBe(0o600);
    expect(mode(path.join(folder, 'vault.db-shm'))).toBe(0o600);
    expect(mode(path.join(folder, 'vault.key.json'))).toBe(0o600);
    expect(mode(path.join(sb.dataDir, 'vaults.json'))).toBe(0o600);
    const snaps = readdirSync(path.join(folder, 'backups'));
    expect(snaps).toHaveLength(1);
    expect(mode(path.join(folder, 'backups', snaps[0]!))).toBe(0o600);

    // A passphrase change rewrites the keyfile atomically, still 0600, with no temp file left.
    await vm.changePassphrase(PASSPHRASE, 'een ander lang wachtwoord');
    expect(mode(path.join(folder, 'vault.key.json'))).toBe(0o600);
    expect(readdirSync(folder).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
