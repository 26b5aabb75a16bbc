// How far V8 lets the core's heap grow between full collections (issue 10 §1: RSS ≤ 250 MB at 100,000 dossiers).
//
// On a machine with gigabytes of RAM, V8 lets the old generation grow to about four times what survived the
// last full collection before it collects again. The core's live heap is small (~20-25 MB after a collection:
// code, schemas, norms), but long work over many households (budget.batch, the scheme selection, reports)
// keeps promoting short-lived objects (the rows of a read slice, a page's answer), so the old generation filled
// up to ~110-130 MB of garbage before each full collection, and that growth, not any data held, set the process's
// peak: 348 MB over 30,000 households against 193 MB after the unlock (docs/bench.md, session 6, H2).
// Growing by half instead keeps the garbage near the live size: 226 MB over the same households, at no
// measurable CPU cost (a full collection of ~25 MB live takes 10-40 ms, about one per 1,500 households).
import v8 from 'node:v8';

/** Old generation growth between full collections: 1 + this / 100 times what survived the last one. */
export const HEAP_GROWING_PERCENT = 50;

let tuned = false;

/** Applies the core's heap growth once per process (V8 flags are process-wide; they only lower the peak). */
export function tuneCoreHeap(): void {
  if (tuned) return;
  tuned = true;
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
