// Bench rows for the anonymised report: export + verify + sign of 100,000 signals (50,000 households), and the
// association's merge of 500 signed office files (each verified, checked against the ledger rules, added up).
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { mergeReceivedFiles, REGISTER_FORMAT } from '../src/core/systeemfouten/association';
import { canonicalJson, generateOfficeKey, keyIdOf, signEnvelope } from '../src/core/systeemfouten/dsse';
import { PAYLOAD_TYPE, buildExport, toPayload, type ExportPayload } from '../src/shared/systeemfouten/export';
import { verifyPayloadText } from '../src/shared/systeemfouten-verifier/verify';
import { rng, syntheticEvents } from '../tests/support/systeemfouten';
import { ms, row, type BenchRow } from './report';

const META = {
  supersedes: null,
  period: { type: 'quarter' as const, value: '2026-Q1' },
  reporterRole: 'bewind' as const,
  softwareVersion: '0.1.0',
  createdOn: '2026-04-03',
};

export function benchSysteemfouten(): BenchRow[] {
  const { events, households } = syntheticEvents(100_000, 50_000, rng(2026));
  const key = generateOfficeKey().privateKey;
  let t = performance.now();
  const result = buildExport(events, households);
  const tBuild = performance.now() - t;
  if (!result.ok) throw new Error('bench export refused');
  t = performance.now();
  const text = canonicalJson(toPayload(result, { ...META, exportId: randomUUID() }));
  const ok = verifyPayloadText(text).ok;
  const tVerify = performance.now() - t;
  t = performance.now();
  signEnvelope(PAYLOAD_TYPE, text, key);
  const tSign = performance.now() - t;
  const exportRow = row({
    id: 'systeemfouten.export100k',
    label: 'Systeemfouten report of 100,000 signals / 50,000 households',
    size: null,
    figure: `${ms(tBuild + tVerify + tSign)}: ladder+tables ${ms(tBuild)}, canonical JSON + verifier ${ms(tVerify)} (${ok ? 'ok' : 'REFUSED'}), Ed25519 DSSE ${ms(tSign)}`,
    value: ok ? tBuild + tVerify + tSign : null,
    goal: '≤ 10,000 ms',
    limit: 10_000,
  });

  // 500 offices: a handful of office-sized payloads, each office with its own key and export id.
  const templates: ExportPayload[] = [];
  for (let i = 0; i < 8; i++) {
    const s = syntheticEvents(600, 250, rng(i + 1));
    const r = buildExport(s.events, s.households);
    if (r.ok) templates.push(toPayload(r, { ...META, exportId: randomUUID() }));
  }
  const keys: { keyId: string; office: string; publicKeyPem: string; revoked: boolean }[] = [];
  const files: { name: string; text: string }[] = [];
  for (let o = 0; o < 500; o++) {
    const pair = generateOfficeKey();
    keys.push({ keyId: keyIdOf(pair.publicKey), office: `Kantoor ${o}`, publicKeyPem: pair.publicKey.export({ type: 'spki', format: 'pem' }).toString(), revoked: false });
    const payload = { ...templates[o % templates.length]!, exportId: randomUUID() };
    files.push({ name: `kantoor-${o}.json`, text: JSON.stringify(signEnvelope(PAYLOAD_TYPE, canonicalJson(payload), pair.privateKey)) });
  }
  t = performance.now();
  const outcome = mergeReceivedFiles(files, JSON.stringify({ format: REGISTER_FORMAT, version: 1, keys }));
  const tMerge = performance.now() - t;
  return [
    exportRow,
    row({
      id: 'systeemfouten.merge500',
      label: 'Systeemfouten merge of 500 office files (signature, verifier, ledger rules, totals)',
      size: null,
      figure: `${ms(tMerge)} (${outcome.accepted.length} accepted, ${outcome.rejected.length} rejected)`,
      value: tMerge,
      goal: '≤ 10,000 ms',
      limit: 10_000,
    }),
  ];
}
