// The merged norm tables are kept per open database (budget.get, the batches and the previews reuse them), and
// every write to the user norm files drops them: after an import, a hand-entered period or a removal the next
// calculation sees the new tables at once. Would fail if the cache were kept across those writes.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultResourcesDir } from '../../../src/core/app';
import { openEncrypted } from '../../../src/core/db/driver';
import { migrate } from '../../../src/core/db/migrate';
import { migrations } from '../../../src/core/db/migrations';
import { silentLogger } from '../../../src/core/logger';
import { createAuditService } from '../../../src/core/services/audit';
import { bundledNormsLoader, createNormsService, type NormsService } from '../../../src/core/services/norms';
import type { Db } from '../../../src/core/db/driver';
import { makeServiceRig, type ServiceRig } from '../services/helpers';

let rig: ServiceRig;
let db: Db;
let norms: NormsService;
beforeAll(() => {
  rig = makeServiceRig();
  db = rig.db;
  const ctx = { db: () => db, clock: rig.clock, logger: silentLogger };
  norms = createNormsService(ctx, { bundled: bundledNormsLoader(defaultResourcesDir()), audit: createAuditService(ctx), actor: () => 'Merel de Wit' });
});
afterAll(() => rig.close());

/** The bundled file's last period re-published from 2027-01-01 with one figure changed. */
function userFile(single: string) {
  const file = JSON.parse(readFileSync(path.join(defaultResourcesDir(), 'norms', 'bijstandsnormen.json'), 'utf8'));
  const { validTo: _validTo, ...last } = file.periods['2026-07-01'];
  const figures = { ...last.figures, 'age_21_to_aow.single.incl_holiday_pay': single };
  return { ...file, origin: 'user', periods: { '2027-01-01': { ...last, figures, status: 'official', source: ['https://www.rijksoverheid.nl/normen-2027'] } } };
}

const singleNorm2027 = async () =>
  (await norms.normSet()).bijstandsnormen!.periods.find((p) => p.start === '2027-01-01')?.figures['age_21_to_aow.single.incl_holiday_pay'] ?? null;

describe('norm set cache', () => {
  it('hands out the same merged tables until a user norm file is stored or removed', async () => {
    const first = await norms.normSet();
    expect(await norms.normSet()).toBe(first);
    expect(await singleNorm2027()).toBeNull();

    const stored = await norms.import(userFile('1500.00'));
    const afterImport = await norms.normSet();
    expect(afterImport).not.toBe(first);
    expect(await singleNorm2027()).toBe('1500.00');
    expect(await norms.normSet()).toBe(afterImport);

    // A later file with the same period start wins, at once.
    await norms.import(JSON.stringify(userFile('1510.00')));
    expect(await singleNorm2027()).toBe('1510.00');

    await norms.addPeriod({
      group: 'bijstandsnormen',
      start: '2027-07-01',
      status: 'official',
      figures: { 'age_21_to_aow.single.incl_holiday_pay': '1520.00' },
      source: 'Staatscourant 2027',
    });
    expect((await norms.normSet()).bijstandsnormen!.periods.some((p) => p.start === '2027-07-01')).toBe(true);

    const list = await norms.list();
    for (const f of list.userFiles.filter((u) => u.id !== stored.id)) norms.removeUserFile(f.id);
    expect(await singleNorm2027()).toBe('1500.00');
    expect((await norms.normSet()).bijstandsnormen!.periods.some((p) => p.start === '2027-07-01')).toBe(false);
    norms.removeUserFile(stored.id);
    expect(await singleNorm2027()).toBeNull();
  });

  it('keeps the tables per open database: another handle (a lock and unlock, another vault) reads its own', async () => {
    await norms.import(userFile('1600.00'));
    expect(await singleNorm2027()).toBe('1600.00');
    const other = openEncrypted(path.join(rig.dir, 'andere-kluis.db'), randomBytes(32), { create: true });
    const own = db;
    try {
      migrate(other, migrations, { backup: () => undefined });
      db = other;
      expect(await singleNorm2027()).toBeNull();
      db = own;
      expect(await singleNorm2027()).toBe('1600.00');
    } finally {
      db = own;
      other.close();
    }
  });
});
