#!/usr/bin/env node
// `houvast` CLI entry. tsx's ESM loader compiles the TypeScript sources on the fly, so no build step
// is needed; the command itself lives in src/cli/main.ts.
import { register } from 'tsx/esm/api';

// `houvast dossier list | head`: a closed pipe is not an error worth a stack trace.
process.stdout.on('error', (err) => {
  if (err && err.code === 'EPIPE') process.exit(0);
  throw err;
});

register();
const { runCli } = await import(new URL('../src/cli/main.ts', import.meta.url).href);
process.exitCode = await runCli(process.argv.slice(2), {
  env: process.env,
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
});
