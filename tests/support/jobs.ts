// The job.progress events of one job (src/core/jobs.ts) as a core emits them, for the tests of long work.
import type { JobProgress } from '../../src/core/jobs';

/** Collects the reports of `jobId`; `onReport` sees each as it arrives (e.g. to ask job.cancel at a step). */
export function progressOf(core: { onEvent(listener: (event: string, payload: unknown) => void): () => void }, jobId: string, onReport?: (p: JobProgress) => void): JobProgress[] {
  const seen: JobProgress[] = [];
  core.onEvent((event, payload) => {
    const p = payload as JobProgress;
    if (event !== 'job.progress' || p.jobId !== jobId) return;
    seen.push(p);
    onReport?.(p);
  });
  return seen;
}
