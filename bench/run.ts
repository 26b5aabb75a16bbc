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
  /** Only the sizes asked for, not the rows of later features (a long run at 100,000). */
  skipExtras: boolean;
}

const USAGE = 'npm run bench -- [--size 1000,10000[,100000]] [--json <file>] [--seed <n>] [--cache <folder>] [--skip-extras]';

export function parseArgs(argv: readonly string[]): BenchArgs {
  const out: BenchArgs = { sizes: [1000, 10_000], seed: 2026, json: null, cacheRoot: defaultCacheRoot(), child: null, generatedNow: false, skipExtras: false };
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
    else if (a === '--skip-extras') out.skipExtras = true;
    else throw new Error(`Unknown option ${a}. Usage: ${USAGE}`);
  }
  return out;
}

/**
 * This file bundled as the app's core is built (electron-vite: our code in one ESM file, npm packages loaded
 * from node_modules), into out/bench/. The measuring child runs it with plain Node, so its peak RSS and its
 * timings are those of compiled JavaScript, not of tsx compiling TypeScript on the fly (~70-85 MB more).
 * Two levels below the repository, like src/core/app.ts, so the core finds resources/ the same way.
 */
async function bundleForChild(): Promise<string> {
  const { build } = await import('esbuild');
  const outfile = fileURLToPath(new URL('../out/bench/run.mjs', import.meta.url));
  await build({ entryPoints: [fileURLToPath(import.meta.url)], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'warning' });
  return outfile;
}

let bundled: Promise<string> | null = null;

/** Measures one size in a fresh process (its own peak RSS) and returns its rows. */
function measureInChild(vault: GeneratedVault, generatedNow: boolean): Promise<BenchRow[]> {
  bundled ??= bundleForChild();
  return bundled.then((entry) => forkChild(entry, vault, generatedNow));
}

function forkChild(entry: string, vault: GeneratedVault, generatedNow: boolean): Promise<BenchRow[]> {
  return new Promise((resolve, reject) => {
    const flags = ['--child', String(vault.size), ...(generatedNow ? ['--generated-now'] : [])];
    // execArgv empty: not tsx's loader (the bundle is plain JavaScript).
    const child = fork(entry, flags, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], execArgv: [] });
    let rows: BenchRow[] | null = null;
    child.on('message', (m) => {
      // The vault this process found or generated, once the child listens: the bundle's migrations hash
      // differently (their compiled text is part of the cache key), so the child must not look it up itself.
      if (m === 'ready') child.send(vault);
      else rows = m as BenchRow[];
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (rows) resolve(rows);
      else reject(new Error(`the measuring process for ${count(vault.size)} dossiers stopped (exit code ${code})`));
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

async function child(args: BenchArgs): Promise<void> {
  const vault = await new Promise<GeneratedVault>((resolve) => {
    process.once('message', (m) => resolve(m as GeneratedVault));
    process.send!('ready');
  });
  const work = mkdtempSync(path.join(tmpdir(), 'houvast-bench-work-'));
  try {
    const rows = await measureSize({ vault, workDir: work, generatedThisRun: args.generatedNow, runtime: 'bundled' });
    await new Promise<void>((resolve) => process.send!(rows, () => resolve()));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The rows of later features: a scheme vault of 1,000 dossiers, and the systeemfouten report without a vault. */
async function extraRows(args: BenchArgs): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
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
  return rows;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.child !== null) return child(args);

  const startedAt = new Date().toISOString();
  const rows: BenchRow[] = [];
  for (const size of args.sizes) {
    try {
      // Generated here (progress on stderr) so the measuring process only reads the cache.
      const vault = await vaultFor(args, size);
      process.stderr.write(`Measuring ${count(size)} dossiers...\n`);
      rows.push(...(await measureInChild(vault, !vault.cached)));
    } catch (err) {
      rows.push(errorRow('size', `Vault of ${count(size)} dossiers`, size, '-', err));
    }
  }
  if (!args.skipExtras) rows.push(...(await extraRows(args)));

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
