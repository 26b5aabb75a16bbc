// Key hygiene (ENGINEERING.md checklist 12, issue 10 §4): a key buffer wiped with fill(0) leaves no copy of the key
// anywhere in the process's memory. Buffer.alloc(32) failed this (V8 moved the 32 bytes out of its heap on first
// native use and left the original behind); the test reads the child's memory through /proc, so it runs on Linux
// where the kernel lets a parent read its own child (otherwise it says why it is skipped).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';

const CHILD = new URL('../../support/secret-residue-child.mjs', import.meta.url).pathname;

function canReadOwnChildMemory(): boolean {
  if (process.platform !== 'linux') return false;
  try {
    const scope = readFileSync('/proc/sys/kernel/yama/ptrace_scope', 'utf8').trim();
    return scope === '0' || scope === '1';
  } catch {
    return true; // no Yama: the classic rule (same user) applies
  }
}

/** Every readable mapping of `pid` searched for `needle`; returns the number of places it was found. */
function occurrences(pid: number, needle: Buffer): number {
  let found = 0;
  const fd = openSync(`/proc/${pid}/mem`, 'r');
  try {
    for (const line of readFileSync(`/proc/${pid}/maps`, 'utf8').split('\n')) {
      const m = /^([0-9a-f]+)-([0-9a-f]+) (\S+)/.exec(line);
      if (!m || !m[3]!.startsWith('r') || line.includes('[vvar]')) continue;
      const start = Number.parseInt(m[1]!, 16);
      const end = Number.parseInt(m[2]!, 16);
      const chunk = Buffer.alloc(8 * 1024 * 1024 + needle.length);
      for (let pos = start; pos < end; pos += 8 * 1024 * 1024) {
        let n: number;
        try {
          n = readSync(fd, chunk, 0, Math.min(chunk.length, end - pos), pos);
        } catch {
          break;
        }
        for (let i = chunk.subarray(0, n).indexOf(needle); i !== -1 && i < n; i = chunk.subarray(0, n).indexOf(needle, i + 1)) found++;
      }
    }
  } finally {
    closeSync(fd);
  }
  return found;
}

let child: ChildProcess | null = null;
afterEach(() => {
  child?.kill('SIGKILL');
  child = null;
});

describe('a wiped key buffer', () => {
  it.skipIf(!canReadOwnChildMemory())('leaves no copy of the key in the process (32 bytes, the size of a data key)', async () => {
    const key = randomBytes(32);
    const masked = Buffer.from(key.map((b) => b ^ 0x5a));
    child = spawn(process.execPath, ['--expose-gc', CHILD, masked.toString('hex')], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      child!.stdout!.on('data', (d: Buffer) => d.toString().includes('ready') && resolve());
      child!.on('exit', (code) => reject(new Error(`child exited ${code}`)));
    });
    // Searched for in this process's memory too, only in `key`: the needle must not be counted in the child.
    expect(occurrences(child.pid!, key)).toBe(0);
  }, 30_000);
});
