// `npm run web`: the same app in a browser, for machines without a display or an Electron binary.
// Usage: tsx src/web/main.ts [--data-dir <dir>] [--port <n>]   (HOUVAST_DATA_DIR also sets the data dir)
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parseArgsErrorText } from '../cli/args';
import { defaultResourcesDir } from '../core/app';
import { startCoreWorker } from './core-worker';
import { createAppLogger } from '../core/logger';
import { AppError } from '../shared/contract/errors';
import { defaultDataDir } from '../core/paths';
import { startWebServer } from './server';

const STATIC_DIR = fileURLToPath(new URL('../../out/harness', import.meta.url));

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  let values: { 'data-dir'?: string; port?: string };
  try {
    ({ values } = parseArgs({
      options: { 'data-dir': { type: 'string' }, port: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    fail(`${parseArgsErrorText(err, '--port 8080')}\nGebruik: npm run web -- [--data-dir <map>] [--port <nummer>]`);
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail('--port moet een getal tussen 0 en 65535 zijn.');
  const dataDir = path.resolve(values['data-dir'] ?? process.env.HOUVAST_DATA_DIR ?? defaultDataDir());
  if (!existsSync(path.join(STATIC_DIR, 'index.html'))) {
    fail('De webversie is nog niet gebouwd: voer "npm run web" uit (dat bouwt eerst out/harness).');
  }

  // Redacted lines to stderr and to <data>/logs/houvast.log (rotating); the core's worker writes there too.
  const logger = createAppLogger(dataDir);
  // The core runs in a worker thread: key derivation, PDFs, imports and backups never hold up the server.
  const core = await startCoreWorker({ dataDir, resourcesDir: defaultResourcesDir() }, logger);
  const server = await startWebServer({ core, staticDir: STATIC_DIR, host: '127.0.0.1', port, logger });

  process.stdout.write(
    [
      'Houvast draait in de browser (alleen op deze computer bereikbaar).',
      `Gegevensmap: ${dataDir}`,
      `Open: ${server.url}`,
      'Stoppen: Ctrl+C',
      '',
    ].join('\n'),
  );

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    // Lock and close the vault before exiting so no key material outlives the process longer than needed.
    await server.close();
    await core.dispose();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((err: unknown) => {
  // AppError messages are written for users; other errors show only their kind (a message might
  // carry a path with a client's name in it).
  const detail = err instanceof AppError ? err.message : err instanceof Error ? err.name : 'onbekende fout';
  process.stderr.write(`Houvast kon niet starten: ${detail}\n`);
  process.exit(1);
});
