// Generates resources/demo/systeemfouten/kantoren/: fictitious signed office exports (12 offices, 2026) and the
// association's key register, so the vereniging side (houvast report merge|publish, the dashboard) has
// real-looking numbers to show. The private keys are thrown away: the files are demo material only.
// Run: npx tsx scripts/gen-demo-office-exports.ts
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { REGISTER_FORMAT } from '../src/core/systeemfouten/association';
import { canonicalJson, generateOfficeKey, keyIdOf, signEnvelope } from '../src/core/systeemfouten/dsse';
import { PAYLOAD_TYPE, buildExport, toPayload, type ReporterRole } from '../src/shared/systeemfouten/export';
import { rng, syntheticEvents } from '../tests/support/systeemfouten';

const DIR = fileURLToPath(new URL('../resources/demo/systeemfouten/kantoren/', import.meta.url));
const OFFICES: { name: string; households: number; role: ReporterRole; periods: string[] }[] = [
  { name: 'Bewindvoering Noord (fictief)', households: 420, role: 'bewind', periods: ['2026-Q1', '2026-Q2', '2026-Q3'] },
  { name: 'Schuldhulp Rijnmond (fictief)', households: 380, role: 'schuldhulp', periods: ['2026-Q1', '2026-Q2', '2026-Q3'] },
  { name: 'Budgetbeheer Oost (fictief)', households: 260, role: 'bewind', periods: ['2026-Q1', '2026-Q2', '2026-Q3'] },
  { name: 'Kredietbank Zuid (fictief)', households: 300, role: 'schuldhulp', periods: ['2026-Q1', '2026-Q2', '2026-Q3'] },
  { name: 'Bewind & Co West (fictief)', households: 210, role: 'bewind', periods: ['2026-Q1', '2026-Q2', '2026-Q3'] },
  { name: 'Schuldhulp Veluwe (fictief)', households: 180, role: 'schuldhulp', periods: ['2026-Q1', '2026-Q2', '2026-Q3'] },
  { name: 'Bewindvoerders Brabant (fictief)', households: 240, role: 'bewind', periods: ['2026-Q1', '2026-Q2', '2026-Q3'] },
  { name: 'Sociaal Raadslieden Midden (fictief)', households: 150, role: 'other', periods: ['2026-Q1', '2026-Q2', '2026-Q3'] },
  { name: 'Schuldhulp Twente (fictief)', households: 200, role: 'schuldhulp', periods: ['2026-Q1', '2026-Q2', '2026-Q3'] },
  { name: 'Bewind Limburg (fictief)', households: 170, role: 'bewind', periods: ['2026-Q1', '2026-Q2', '2026-Q3'] },
  { name: 'Kleine Bewindpraktijk Zeeland (fictief)', households: 45, role: 'bewind', periods: ['2026-H1'] },
  { name: 'Kleine Schuldhulp Drenthe (fictief)', households: 40, role: 'schuldhulp', periods: ['2026-H1'] },
];

rmSync(DIR, { recursive: true, force: true });
mkdirSync(DIR, { recursive: true });
const keys: { keyId: string; office: string; publicKeyPem: string; revoked: boolean }[] = [];
let seed = 1;
OFFICES.forEach((office, o) => {
  const pair = generateOfficeKey();
  const keyId = keyIdOf(pair.publicKey);
  keys.push({ keyId, office: office.name, publicKeyPem: pair.publicKey.export({ type: 'spki', format: 'pem' }).toString(), revoked: false });
  for (const period of office.periods) {
    const size = office.periods.length === 1 ? office.households * 2 : office.households;
    const { events, households } = syntheticEvents(Math.round(size * 1.4), size, rng(seed++));
    const result = buildExport(events, households);
    if (!result.ok) throw new Error(`${office.name} ${period}: ${JSON.stringify(result.refusal)}`);
    const payload = toPayload(result, {
      exportId: globalThis.crypto.randomUUID(),
      supersedes: null,
      period: { type: period.includes('H') ? 'halfyear' : 'quarter', value: period },
      reporterRole: office.role,
      softwareVersion: '0.1.0',
      createdOn: period.endsWith('Q3') ? '2026-10-05' : period.endsWith('Q2') || period.endsWith('H1') ? '2026-07-06' : '2026-04-06',
    });
    const envelope = signEnvelope(PAYLOAD_TYPE, canonicalJson(payload), pair.privateKey);
    writeFileSync(path.join(DIR, `kantoor-${String(o + 1).padStart(2, '0')}-systeemfouten-${period}.json`), `${JSON.stringify(envelope, null, 2)}\n`);
  }
});
writeFileSync(path.join(DIR, 'sleutelregister.json'), `${JSON.stringify({ format: REGISTER_FORMAT, version: 1, keys }, null, 2)}\n`);
console.log(`Geschreven: ${DIR}`);
