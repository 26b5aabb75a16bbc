// Geometry for the hand-rolled SVG charts. Amounts come in as decimal strings; they are turned into JS
// numbers here for drawing only (pixel positions), never for money arithmetic: every amount shown as text is
// formatted from the original string.

export function toNumber(value: string | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

/** "Nice" axis ticks (1, 2, 2.5, 5 × 10^k) covering [min, max], always including 0. */
export function niceTicks(min: number, max: number, target = 5): number[] {
  const lo = Math.min(0, min);
  const hi = Math.max(0, max);
  if (hi === lo) return [0, 100];
  const raw = (hi - lo) / target;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * pow).find((s) => s >= raw) ?? 10 * pow;
  const ticks: number[] = [];
  for (let t = Math.floor(lo / step) * step; t <= hi + step * 1e-9; t += step) ticks.push(Math.round(t * 100) / 100);
  if (ticks[ticks.length - 1]! < hi) ticks.push(ticks[ticks.length - 1]! + step);
  return ticks;
}

/** Whole-euro axis label in nl-NL ("€ 1.500", "-€ 250"). */
export function axisEuro(n: number): string {
  return new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(n).replace(/\u00a0/g, ' ');
}
