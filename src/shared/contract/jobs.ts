// Contract pieces for long work (issue 10 §2): the caller names a job with its own id, so it can cancel it
// before the call returns and tell its progress events apart. Pure TypeScript.
import { z } from 'zod';

/** The caller's own id for long work (random, so it names nothing). */
export const jobId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, { message: 'Ongeldige taak-id.' });
