// A real encrypted vault with the signal and report services, and a generator of households with signals.
import type { Logger } from '../../../src/core/logger';
import { createSignalService } from '../../../src/core/services/signals';
import { createReportService } from '../../../src/core/systeemfouten/service';
import type { SignalDataInput } from '../../../src/shared/signals/schema';
import { signalDataSchema } from '../../../src/shared/signals/schema';
import { makeServiceRig, parsed, household, type ServiceRig } from '../services/helpers';

export interface ReportRig extends ServiceRig {
  signals: ReturnType<typeof createSignalService>;
  reports: ReturnType<typeof createReportService>;
}

export function makeReportRig(opts: { logger?: Logger; fictitious?: boolean } = {}): ReportRig {
  const rig = makeServiceRig();
  const ctx = { db: () => rig.db, clock: rig.clock, logger: opts.logger ?? { info() {}, warn() {}, error() {} } };
  const actor = () => rig.settings.get().userName;
  const signals = createSignalService(ctx, { audit: rig.audit, actor });
  const reports = createReportService(ctx, { audit: rig.audit, actor, softwareVersion: '0.1.0', includeFictitious: () => opts.fictitious === true });
  return { ...rig, signals, reports };
}

const POSTCODES = ['3511 AB', '1012 AB', '9711 AA', '5611 AA', '6811 AA', '2511 AA', '8911 AA', '4331 AA'];

/** n households (one or two adults, 1-3 children at home) each with the given signals, recorded "now". */
export function addHouseholds(rig: ReportRig, n: number, signalsOf: (i: number) => SignalDataInput[]): string[] {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const kids = 1 + (i % 3);
    const d = rig.dossiers.create(
      parsed(
        household({
          adults:
            i % 2 === 0
              ? [{ role: 'aanvrager', firstName: 'Anna', lastName: `Jansen${i}`, birthDate: '1985-04-12', bsn: null }]
              : [
                  { role: 'aanvrager', firstName: 'Anna', lastName: `Jansen${i}`, birthDate: '1985-04-12', bsn: null },
                  { role: 'partner', firstName: 'Piet', lastName: `Jansen${i}`, birthDate: '1984-01-02', bsn: null },
                ],
          children: Array.from({ length: kids }, (_, c) => ({ firstName: `Kind${c}`, lastName: `Jansen${i}`, birthDate: `201${c + 2}-06-01`, livingInHousehold: true })),
          address: { street: 'Lindelaan', houseNumber: String(i + 1), postcode: POSTCODES[i % POSTCODES.length]!, city: 'Plaats' },
        }),
      ),
    );
    for (const s of signalsOf(i)) rig.signals.create(d.id, signalDataSchema.parse(s));
    ids.push(d.id);
  }
  return ids;
}

export const DAY = 24 * 3600 * 1000;

export const CLI_PASSPHRASE = 'lang genoeg wachtwoord 2026';

/** `houvast ...` in process, with its own data folder, a cheap KDF and no terminal (never waits for input). */
export async function runCliCaptured(args: string[], dataDir: string, cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const [{ PassThrough }, { runCli }] = await Promise.all([import('node:stream'), import('../../../src/cli/main')]);
  let stdout = '';
  let stderr = '';
  const out = new PassThrough();
  const err = new PassThrough();
  out.on('data', (d) => (stdout += d));
  err.on('data', (d) => (stderr += d));
  const code = await runCli(args, {
    env: { HOUVAST_DATA_DIR: dataDir, HOUVAST_KDF_TEST: '1', HOUVAST_PASSPHRASE: CLI_PASSPHRASE },
    stdin: new PassThrough() as unknown as NodeJS.ReadStream,
    stdout: out,
    stderr: err,
    cwd,
  });
  return { code, stdout, stderr: stderr.replace(/^Waarschuwing: HOUVAST_KDF_TEST=1.*\n/m, '') };
}
