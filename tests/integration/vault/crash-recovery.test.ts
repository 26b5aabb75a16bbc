// Issue 10 (hostile test): after a crash, a deleted or damaged WAL lost confirmed writes silently, and
// interrupted temp files stayed behind. Now a non-empty WAL is kept as a byte copy before the first open,
// the user is told what happened, and temp files of interrupted writes are swept on the next open.
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PASSPHRASE, sandbox, type Sandbox } from './helpers';

let sb: Sandbox;
beforeEach(async () => {
  sb = await sandbox('crash');
});
afterEach(async () => {
  await sb.cleanup();
});

/** The files a crash leaves: copied while the vault is still open (no checkpoint, no clean close). */
async function crashImage(options: { withWal: boolean; withShm?: boolean }): Promise<{ folder: string; walBytes: Buffer | null }> {
  const vm = sb.manager();
  const { status } = await vm.create({ name: 'Crash', passphrase: PASSPHRASE });
  // The schema is in the main file; the rows below exist only in the WAL when the "crash" happens.
  vm.db().pragma('wal_checkpoint(TRUNCATE)');
  const insert = vm.db().prepare('INSERT INTO people (name) VALUES (?)');
  for (let i = 0; i < 20; i++) insert.run(`persoon ${i}`);
  const live = status.vault!.path;
  const image = path.join(sb.dir, 'na-de-crash.houvast');
  mkdirSync(path.join(image, 'backups'), { recursive: true });
  for (const name of ['vault.db', 'vault.key.json', 'vault.session', ...(options.withWal ? ['vault.db-wal'] : []), ...(options.withShm ? ['vault.db-shm'] : [])]) {
    copyFileSync(path.join(live, name), path.join(image, name));
  }
  const walBytes = options.withWal ? readFileSync(path.join(image, 'vault.db-wal')) : null;
  vm.close();
  return { folder: image, walBytes };
}

describe('after a crash', () => {
  it('a non-empty WAL is replayed, kept as a byte copy first, and the user is told', async () => {
    const { folder, walBytes } = await crashImage({ withWal: true });
    expect(walBytes!.length).toBeGreaterThan(0);
    const vm = sb.manager();
    await vm.open(folder);
    const status = await vm.unlock(PASSPHRASE);
    expect(vm.db().prepare('SELECT COUNT(*) AS n FROM people').get()).toEqual({ n: 20 });
    expect(status.notice).toMatch(/niet netjes afgesloten.*hersteld/);
    const copies = readdirSync(path.join(folder, 'herstel'));
    expect(copies).toHaveLength(1);
    expect(readFileSync(path.join(folder, 'herstel', copies[0]!)).equals(walBytes!)).toBe(true);

    // A clean lock ends the story: the next session starts without a notice and without a new copy.
    vm.lock();
    expect(existsSync(path.join(folder, 'vault.session'))).toBe(false);
    const again = await vm.unlock(PASSPHRASE);
    expect(again.notice).toBeUndefined();
    expect(readdirSync(path.join(folder, 'herstel'))).toHaveLength(1);
  });

  it('a crash whose WAL was deleted is not silent', async () => {
    const { folder } = await crashImage({ withWal: false });
    const vm = sb.manager();
    await vm.open(folder);
    const status = await vm.unlock(PASSPHRASE);
    expect(status.notice).toMatch(/logbestand van de database ontbreekt.*kunnen daardoor ontbreken/);
    // Exactly what the notice warns about: the rows that were only in the WAL are gone.
    expect(vm.db().prepare('SELECT COUNT(*) AS n FROM people').get()).toEqual({ n: 0 });
    expect(existsSync(path.join(folder, 'herstel'))).toBe(false);
  });

  // A real crash leaves the -shm of the dead session; SQLite rebuilds it from the WAL on the first open, so a
  // WAL deleted or emptied afterwards still opens (the hostile test's I/O error needed a live process, which
  // session-lock.test.ts now keeps out).
  for (const variant of ['deleted', 'emptied'] as const) {
    it(`a crash whose WAL was ${variant} while its stale -shm stayed still opens, and is not silent`, async () => {
      const { folder } = await crashImage({ withWal: variant === 'emptied', withShm: true });
      if (variant === 'emptied') writeFileSync(path.join(folder, 'vault.db-wal'), '');
      const vm = sb.manager();
      await vm.open(folder);
      const status = await vm.unlock(PASSPHRASE);
      expect(status.state).toBe('unlocked');
      expect(status.notice).toMatch(/logbestand van de database ontbreekt.*kunnen daardoor ontbreken/);
      expect(vm.db().prepare('SELECT COUNT(*) AS n FROM people').get()).toEqual({ n: 0 });
      vm.db().prepare('INSERT INTO people (name) VALUES (?)').run('na de crash');
      vm.lock();
      await vm.unlock(PASSPHRASE);
      expect(vm.db().prepare('SELECT COUNT(*) AS n FROM people').get()).toEqual({ n: 1 });
    });
  }

  // Hostile test: bytes changed inside the WAL's frames left the vault half unlocked (INTERNAL, then every
  // call INTERNAL) under a notice that said the changes were recovered. SQLite replays a WAL only up to its
  // first damaged frame; the notice must say that the rest is lost.
  it('a damaged WAL is kept as a copy, only its intact frames are replayed, and the notice says the changes could not be recovered', async () => {
    const { folder } = await crashImage({ withWal: true, withShm: true });
    const walPath = path.join(folder, 'vault.db-wal');
    const damaged = readFileSync(walPath);
    for (let i = 32 + 24 + 100; i < damaged.length; i += 7) damaged[i]! ^= 0xff;
    writeFileSync(walPath, damaged);
    const vm = sb.manager();
    await vm.open(folder);
    const status = await vm.unlock(PASSPHRASE);
    expect(status.state).toBe('unlocked');
    expect(status.notice).toMatch(/konden niet worden hersteld.*herstel/);
    expect(status.notice).not.toMatch(/zijn hersteld/);
    expect(vm.db().prepare('SELECT COUNT(*) AS n FROM people').get()).toEqual({ n: 0 });
    const copies = readdirSync(path.join(folder, 'herstel'));
    expect(copies).toHaveLength(1);
    expect(readFileSync(path.join(folder, 'herstel', copies[0]!)).equals(damaged)).toBe(true);
    // The session works: a write, a clean lock and the next unlock without a notice.
    vm.db().prepare('INSERT INTO people (name) VALUES (?)').run('na de crash');
    vm.lock();
    const again = await vm.unlock(PASSPHRASE);
    expect(again.notice).toBeUndefined();
    expect(vm.db().prepare('SELECT COUNT(*) AS n FROM people').get()).toEqual({ n: 1 });
  });

  it('a normal session start says nothing', async () => {
    const vm = sb.manager();
    const { status } = await vm.create({ name: 'Gewoon', passphrase: PASSPHRASE });
    expect(status.notice).toBeUndefined();
    vm.lock();
    expect((await vm.unlock(PASSPHRASE)).notice).toBeUndefined();
  });
});

describe('interrupted writes', () => {
  it('their hidden temp files are swept when the vault is opened; other files are left alone', async () => {
    const vm = sb.manager();
    const { status } = await vm.create({ name: 'Wees', passphrase: PASSPHRASE });
    vm.close();
    const folder = status.vault!.path;
    const orphans = [
      '.vault.key.json.0123456789ab.tmp',
      '.vault.db.a1b2c3d4e5f6.restore.tmp',
      '.vault.db.a1b2c3d4e5f6.restore.tmp-wal',
      path.join('backups', '.abcdef012345.snapshot.tmp'),
      path.join('backups', '.abcdef012345.snapshot.tmp-journal'),
    ];
    const keep = ['notities.txt', path.join('backups', 'eigen-bestand.tmp'), '.vault.key.json.tmp'];
    for (const f of [...orphans, ...keep]) writeFileSync(path.join(folder, f), 'x');
    const again = sb.manager();
    await again.open(folder);
    for (const f of orphans) expect(existsSync(path.join(folder, f)), f).toBe(false);
    for (const f of keep) expect(existsSync(path.join(folder, f)), f).toBe(true);
    await again.unlock(PASSPHRASE);
  });
});
