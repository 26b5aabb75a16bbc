// Contract of the association's store in a vereniging vault (issue 9 §3): the office key register, the
// received office report files and the published tables. Only a vereniging vault runs these procedures
// (vault-kind.ts); merging picked files (association.merge) works without a vault, as before.
import { z } from 'zod';
import { jobId } from './jobs';
import { associationMergeOut } from './reports';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Vul een geldige datum in (dd-mm-jjjj).' });

function procedure<I extends z.ZodType, O extends z.ZodType>(def: { input: I; output: O; unlocked: boolean; summary: string }) {
  return def;
}

export const associationStoreOut = z.object({
  keys: z.array(z.object({ keyId: z.string(), office: z.string(), registeredOn: z.string(), revokedOn: z.string().nullable() })),
  files: z.array(
    z.object({
      id: z.string(),
      fileName: z.string(),
      sha256: z.string(),
      receivedAt: z.number().int(),
      status: z.enum(['geaccepteerd', 'afgewezen']),
      reason: z.string().nullable(),
      /** The office of an accepted file (from the register; never part of any total). */
      office: z.string().nullable(),
      period: z.string().nullable(),
    }),
  ),
  publications: z.array(z.object({ id: z.string(), year: z.string(), createdAt: z.number().int(), files: z.number().int() })),
});
export type AssociationStoreOut = z.infer<typeof associationStoreOut>;

const fileIn = z.object({ name: z.string().trim().min(1).max(300), text: z.string().max(5_000_000) });

export const associationStoreContract = {
  'association.store.get': procedure({
    summary: 'Vereniging vault: the office key register, the received report files (with their verdicts) and the publications.',
    unlocked: true,
    input: z.object({}).strict(),
    output: associationStoreOut,
  }),
  'association.store.registerKey': procedure({
    summary: 'Vereniging vault: register an office\'s public report key (Ed25519, PEM) with the office name.',
    unlocked: true,
    input: z.object({
      office: z.string().trim().min(1, { message: 'Vul de naam van het kantoor in.' }).max(200),
      publicKeyPem: z.string().trim().min(1, { message: 'Plak de publieke sleutel van het kantoor.' }).max(10_000),
      registeredOn: isoDate.optional(),
    }),
    output: associationStoreOut,
  }),
  'association.store.revokeKey': procedure({
    summary: 'Vereniging vault: revoke an office key; files signed with it are refused from then on.',
    unlocked: true,
    input: z.object({ keyId: z.string().min(1).max(200) }),
    output: associationStoreOut,
  }),
  'association.store.receive': procedure({
    summary: 'Vereniging vault: check received office report files one by one against the register and store them with their verdict.',
    unlocked: true,
    input: z.object({ files: z.array(fileIn).min(1, { message: 'Kies minstens één rapportbestand.' }).max(1000) }),
    output: z.object({
      received: z.array(z.object({ name: z.string(), accepted: z.boolean(), reason: z.string().nullable() })),
      store: associationStoreOut,
    }),
  }),
  'association.store.publish': procedure({
    summary: 'Vereniging vault: re-check the year\'s stored files, apply the ledger rules, add them up and publish; the publication is stored.',
    unlocked: true,
    /** jobId: progress as job.progress events; job.cancel stops it before the publication is stored (issue 10 §2). */
    input: z.object({ year: z.string().regex(/^\d{4}$/, { message: 'Kies een jaar (jjjj).' }), jobId: jobId.optional() }),
    output: associationMergeOut.extend({ publicationId: z.string().nullable() }),
  }),
  'association.store.publication': procedure({
    summary: 'Vereniging vault: a stored publication with its downloads (CSV, JSON-stat, PDF).',
    unlocked: true,
    input: z.object({ id: z.string().min(1).max(64) }),
    output: associationMergeOut,
  }),
} as const;
