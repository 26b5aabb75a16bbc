// The `houvast` command as a user runs it: bin/houvast.mjs in a child process, stdin closed at once, and
// what it wrote to stdout and stderr with its exit code.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const HOUVAST_BIN = path.join(REPO_ROOT, 'bin', 'houvast.mjs');

export interface BinResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runHouvastBin(args: string[], opts: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<BinResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [HOUVAST_BIN, ...args], { cwd: opts.cwd, ...(opts.env ? { env: opts.env } : {}), stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.stdin.end();
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
