// `npm run bench`: performance figures to watch over time, not a test (docs/bench.md). For every size asked
// (`--size 1000,10000`, default 1,000 and 10,000; 100,000 only on request), a synthetic vault is generated
// through the contract or reused from the cache (bench/generate.ts), then measured in a child process of its
// own so the peak RSS belongs to that size alone (bench/measure.ts). Then the rows later features added
// (bench/extras.ts, bench/systeemfouten.ts). Every figure is printed beside its goal and anchor;
// `--json <file>` writes them too.
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureExtras } from './extras';
import { defaultCacheRoot, ensureVault, type GeneratedVault, type GenerateOptions } from './generate';
import { measureSize } from './measure';
import { count, errorRow, formatRows, seconds, type BenchJson, type BenchRow } from './report';
import { benchSysteemfouten } from './systeemfouten';

export interface BenchArgs {
  sizes: number[];
  seed: number;
  json: string | null;
  cacheRoot: string;
  child: number | null;
  /** (child) The parent generated the vault in this run. */
  generatedNow: boolean;
}

const USAGE = 'npm run bench -- [--size 1000,10000[,100000]] [--json <file>] [--seed <n>] [--cache <folder>]';

export function parseArgs(argv: readonly string[]): BenchArgs {
  const out: BenchArgs = { sizes: [1000, 10_000], seed: 2026, json: null, cacheRoot: defaultCacheRoot(), child: null, generatedNow: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const next = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value. Usage: ${USAGE}`);
      return v;
    };
    if (a === '--size' || a === '--sizes') {
      out.sizes = next()
        .split(',')
        .map((s) => Number(s.replace(/[_.]/g, '').trim()));
      if (out.sizes.some((n) => !Number.isInteger(n) || n < 1 || n > 1_000_000)) throw new Error(`--size takes whole numbers of dossiers, e.g. 1000,10000. Usage: ${USAGE}`);
    } else if (a === '--json') out.json = path.resolve(next());
    else if (a === '--seed') out.seed = Number(next());
    else if (a === '--cache') out.cacheRoot = path.resolve(next());
    else if (a === '--child') out.child = Number(next());
    else if (a === '--generated-now') out.generatedNow = true;
    else throw new Error(`Unknown option ${a}. Usage: ${USAGE}`);
  }
  return out;
}

/** Measures one size in a fresh process (its own peak RSS) and returns its rows. */
function measureInChild(args: BenchArgs, size: number, generatedNow: boolean): Promise<BenchRow[]> {
  return new Promise((resolve, reject) => {
    // The child inherits tsx's loader through process.execArgv.
    const flags = ['--child', String(size), '--seed', String(args.seed), '--cache', args.cacheRoot, ...(generatedNow ? ['--generated-now'] : [])];
    const child = fork(fileURLToPath(import.meta.url), flags, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let rows: BenchRow[] | null = null;
    child.on('message', (m) => {
      rows = m as BenchRow[];
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (rows) resolve(rows);
      else reject(new Error(`the measuring process for ${count(size)} dossiers stopped (exit code ${code})`));
    });
  });
}

async function vaultFor(args: BenchArgs, size: number, profile: GenerateOptions['profile'] = 'office'): Promise<GeneratedVault> {
  const started = Date.now();
  let lastPrint = 0;
  const vault = await ensureVault({
    size,
    seed: args.seed,
    profile,
    cacheRoot: args.cacheRoot,
    onProgress: (done, total, lastMs, lastCpuMs) => {
      if (Date.now() - lastPrint < 5000 && done < total) return;
      lastPrint = Date.now();
      process.stderr.write(`  generating ${count(total)} dossiers (${profile}): ${count(done)} done, last 1,000 in ${seconds(lastMs)} (${seconds(lastCpuMs)} CPU)\n`);
    },
  });
  process.stderr.write(
    vault.cached
      ? `Vault of ${count(size)} dossiers (${profile}, seed ${args.seed}): reused from the cache ${vault.dir}\n`
      : `Vault of ${count(size)} dossiers (${profile}, seed ${args.seed}): generated in ${seconds(Date.now() - started)} and cached in ${vault.dir}\n`,
  );
  return vault;
}

async function child(args: BenchArgs, size: number): Promise<void> {
  const vault = await ensureVault({ size, seed: args.seed, cacheRoot: args.cacheRoot });
  const work = mkdtempSync(path.join(tmpdir(), 'houvast-bench-work-'));
  try {
    const rows = await measureSize({ vault, workDir: work, generatedThisRun: args.generatedNow });
    await new Promise<void>((resolve) => process.send!(rows, () => resolve()));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.child !== null) return child(args, args.child);

  const startedAt = new Date().toISOString();
  const rows: BenchRow[] = [];
  for (const size of args.sizes) {
    try {
      // Generated here (progress on stderr) so the measuring process only reads the cache.
      const vault = await vaultFor(args, size);
      process.stderr.write(`Measuring ${count(size)} dossiers...\n`);
      rows.push(...(await measureInChild(args, size, !vault.cached)));
    } catch (err) {
      rows.push(errorRow('size', `Vault of ${count(size)} dossiers`, size, '-', err));
    }
  }
  process.stderr.write('Measuring the rows of later features (budget plan, schuldregeling, zorgpremie scheme, systeemfouten)...\n');
  const work = mkdtempSync(path.join(tmpdir(), 'houvast-bench-work-'));
  try {
    rows.push(...(await measureExtras(await vaultFor(args, 1000, 'scheme'), work)));
  } catch (err) {
    rows.push(errorRow('extras', 'Budget plan, schuldregeling and zorgpremie scheme', 1000, '-', err));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  try {
    rows.push(...benchSysteemfouten());
  } catch (err) {
    rows.push(errorRow('systeemfouten', 'Systeemfouten report', null, '-', err));
  }

  console.log(`Houvast bench, ${startedAt.slice(0, 16).replace('T', ' ')} UTC, ${cpus().length} CPU cores, Node ${process.version}; sizes ${args.sizes.map(count).join(', ')}, seed ${args.seed}`);
  console.log(formatRows(rows));
  if (args.json) {
    const out: BenchJson = { format: 'houvast.bench', version: 1, startedAt, machine: { cpus: cpus().length, node: process.version, platform: process.platform }, sizes: args.sizes, rows };
    writeFileSync(args.json, `${JSON.stringify(out, null, 2)}\n`);
    console.log(`Figures written to ${args.json}`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? `${err.name}: ${err.message}` : err);
    process.exit(1);
  });
}
