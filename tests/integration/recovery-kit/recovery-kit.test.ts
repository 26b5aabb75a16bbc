// The herstelkit (issue 7, blocking): one A4 page whose recovery code can be read back from the PDF text,
// every character inside the printable area, and the code read back unlocks the vault. Real core, real
// encrypted vault; the kit is only made for the vault's own code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeFromKit, codeRuns, readRecoveryKit, type RecoveryKitText } from '../../support/recovery-kit-pdf';
import { startTestCore, type TestCoreHandle } from '../../support/core';
import { TestClock } from '../services/helpers';

const PASSPHRASE = 'Herfst-in-Deventer-2026';
const NEW_PASSPHRASE = 'Lente-in-Zwolle-2027!';
// A4 is 210 mm wide: 595.28 pt. A printer needs about 5 mm (14 pt) of margin on each side.
const A4_WIDTH = 595.28;
const PRINTER_MARGIN = 14;

let h: TestCoreHandle;
let code = '';
let kit: RecoveryKitText;
let fileName = '';
const clock = new TestClock(Date.UTC(2026, 10, 30, 10, 0, 0));

async function call<T>(name: string, input: unknown): Promise<T> {
  const env = await h.core.router.handle(name, input);
  if (!env.ok) throw new Error(`${name}: ${env.error.code} ${env.error.message}`);
  return env.value as T;
}

beforeAll(async () => {
  h = await startTestCore({ cheapKdf: true, prefix: 'kit', clock });
  const created = await call<{ recoveryCode: string }>('vault.create', { name: 'Wijkteam Noord-Oost (Zwolle)', passphrase: PASSPHRASE });
  code = created.recoveryCode;
  await call('settings.update', { userName: 'Mirjam de Wit' });
  const out = await call<{ fileName: string; mime: string; contentBase64: string }>('vault.recoveryKit', { recoveryCode: code });
  expect(out.mime).toBe('application/pdf');
  fileName = out.fileName;
  kit = await readRecoveryKit(Buffer.from(out.contentBase64, 'base64'));
});
afterAll(async () => {
  await h.cleanup();
});

describe('the herstelkit PDF', () => {
  it('is one A4 page with the vault name, the dates, the user and what to do with it', () => {
    expect(kit.pageCount).toBe(1);
    expect(Math.round(kit.pageWidth)).toBe(595);
    expect(Math.round(kit.pageHeight)).toBe(842);
    const text = kit.text.replace(/\s+/g, ' ');
    expect(text).toContain('Herstelkit Houvast');
    expect(text).toContain('Wijkteam Noord-Oost (Zwolle)');
    expect(text).toContain('30-11-2026');
    expect(text).toContain('Mirjam de Wit');
    expect(text).toContain('Herstelcode gebruiken');
    expect(text).toMatch(/veilige plek/);
    expect(fileName).toBe('herstelkit-wijkteam-noord-oost-zwolle-2026-11-30.pdf');
  });

  it('prints all 40 characters large, in 8 numbered groups on a fixed grid, inside the printable width of A4', () => {
    const runs = codeRuns(kit);
    expect(runs.map((r) => r.str.replace(/\s+/g, '')).join('')).toHaveLength(40);
    for (const r of runs) {
      expect(r.fontSize).toBeGreaterThanOrEqual(20);
      expect(r.x).toBeGreaterThanOrEqual(PRINTER_MARGIN);
      expect(r.x + r.width).toBeLessThanOrEqual(A4_WIDTH - PRINTER_MARGIN);
    }
    // Each group is labelled; the labels of a row sit on a fixed grid (the layout does not depend on the characters).
    const labels = kit.items.filter((i) => /^Groep [1-8]$/.test(i.str));
    expect(labels.map((l) => l.str).sort()).toEqual(['Groep 1', 'Groep 2', 'Groep 3', 'Groep 4', 'Groep 5', 'Groep 6', 'Groep 7', 'Groep 8']);
    const firstRow = labels.filter((l) => Math.abs(l.y - labels[0]!.y) < 1).map((l) => l.x);
    expect(firstRow).toHaveLength(4);
    const steps = firstRow.slice(1).map((x, i) => x - firstRow[i]!);
    for (const s of steps) expect(Math.abs(s - steps[0]!)).toBeLessThan(0.01);
  });

  it('reads back to exactly the code shown at creation, and never puts it in the metadata', () => {
    expect(codeFromKit(kit)).toBe(code);
    expect(String(kit.title)).toBe('Herstelkit Houvast');
  });

  it('is refused for a code that does not belong to this vault (nothing is printed)', async () => {
    const env = await h.core.router.handle('vault.recoveryKit', { recoveryCode: 'AAAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF-GGGGG-HHHHH' });
    expect(env).toMatchObject({ ok: false, error: { code: 'WRONG_RECOVERY_CODE' } });
  });

  it('the code read back from the paper unlocks the vault', async () => {
    await call('vault.lock', {});
    const status = await call<{ state: string }>('vault.unlockWithRecoveryCode', { recoveryCode: codeFromKit(kit), newPassphrase: NEW_PASSPHRASE });
    expect(status.state).toBe('unlocked');
  });
});
