#!/usr/bin/env node
// Runs Electronegativity (offline: the one check that needs the network is excluded) and fails on
// HIGH findings with CERTAIN or FIRM confidence that are not justified in
// docs/electronegativity-allowlist.json. The tool itself always exits 0, hence this wrapper.
//
//   node scripts/electronegativity.mjs                 scan the repo
//   node scripts/electronegativity.mjs --csv <file>    only evaluate an existing CSV report
//   options: --allowlist <file>  --keep <file> (copy of the CSV report)
// Exit: 0 clean, 1 blocking findings, 2 the tool or the allowlist could not be used.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BLOCKING_SEVERITIES = new Set(['HIGH', 'CRITICAL']);
const BLOCKING_CONFIDENCES = new Set(['CERTAIN', 'FIRM']);

function arg(name) {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** RFC 4180-ish CSV: quoted fields, doubled quotes, commas and newlines inside quotes. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field), rows.push(row), (row = []), (field = '');
    } else field += c;
  }
  if (field !== '' || row.length > 0) row.push(field), rows.push(row);
  const [header, ...body] = rows.filter((r) => r.some((f) => f.trim() !== ''));
  if (!header) return [];
  const keys = header.map((h) => h.trim().toLowerCase());
  return body.map((r) => Object.fromEntries(keys.map((k, j) => [k, (r[j] ?? '').trim()])));
}

const norm = (file) => file.split(path.sep).join('/').replace(/^\.\//, '');

function loadAllowlist(file) {
  const data = JSON.parse(readFileSync(file, 'utf8'));
  const entries = Array.isArray(data.entries) ? data.entries : null;
  if (!entries) throw new Error(`${file}: expected { "entries": [...] }`);
  for (const [i, e] of entries.entries()) {
    for (const key of ['check', 'file', 'sample', 'justification']) {
      if (typeof e[key] !== 'string' || e[key].trim() === '') throw new Error(`${file}: entry ${i} lacks "${key}"`);
    }
    if (e.justification.trim().length < 40) throw new Error(`${file}: entry ${i} needs a real written justification`);
  }
  return entries;
}

function matches(entry, finding) {
  const file = norm(finding.filename);
  const fileOk = entry.file.endsWith('/**') ? file.startsWith(entry.file.slice(0, -2)) : file === norm(entry.file);
  return entry.check === finding.issue && fileOk && entry.sample.trim() === finding.sample.trim();
}

function runTool(outCsv) {
  const bin = path.join(REPO, 'node_modules/@doyensec/electronegativity/dist/index.js');
  if (!existsSync(bin)) throw new Error('@doyensec/electronegativity is not installed');
  const res = spawnSync(
    process.execPath,
    [bin, '-i', REPO, '-x', 'AvailableSecurityFixesGlobalCheck', '-r', '-v', 'false', '-o', outCsv],
    { cwd: REPO, encoding: 'utf8', timeout: 300_000 },
  );
  if (res.error) throw res.error;
  if (res.status !== 0 || !existsSync(outCsv)) {
    throw new Error(`electronegativity failed (exit ${res.status}): ${(res.stderr || res.stdout || '').slice(-2000)}`);
  }
}

function main() {
  const allowlistFile = path.resolve(arg('--allowlist') ?? path.join(REPO, 'docs/electronegativity-allowlist.json'));
  let csvFile = arg('--csv');
  let tmp = null;
  try {
    const allowlist = loadAllowlist(allowlistFile);
    if (!csvFile) {
      tmp = mkdtempSync(path.join(tmpdir(), 'houvast-eng-'));
      csvFile = path.join(tmp, 'electronegativity.csv');
      runTool(csvFile);
    }
    const keep = arg('--keep');
    if (keep) copyFileSync(csvFile, keep);
    const findings = parseCsv(readFileSync(csvFile, 'utf8'));
    const relevant = findings.filter(
      (f) => BLOCKING_SEVERITIES.has(f.severity.toUpperCase()) && BLOCKING_CONFIDENCES.has(f.confidence.toUpperCase()),
    );
    const blocking = relevant.filter((f) => !allowlist.some((e) => matches(e, f)));
    const justified = relevant.length - blocking.length;
    const unused = allowlist.filter((e) => !findings.some((f) => matches(e, f)));

    const bySeverity = {};
    for (const f of findings) bySeverity[f.severity] = (bySeverity[f.severity] ?? 0) + 1;
    console.log(`electronegativity: ${findings.length} findings ${JSON.stringify(bySeverity)}; ` +
      `${relevant.length} HIGH with CERTAIN/FIRM confidence, ${justified} justified in the allowlist`);
    for (const e of unused) console.log(`  note: allowlist entry no longer matches: ${e.check} ${e.file}`);
    for (const f of blocking) {
      console.log(`  BLOCKING ${f.issue} ${f.severity}/${f.confidence} ${f.filename}:${f.location}  ${f.sample}`);
    }
    return blocking.length > 0 ? 1 : 0;
  } catch (err) {
    console.error(`electronegativity wrapper: ${err instanceof Error ? err.message : String(err)}`);
    return 2;
  } finally {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  }
}

process.exitCode = main();
