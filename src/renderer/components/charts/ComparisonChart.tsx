// Horizontal bars comparing a household's monthly income with the bijstandsnorm, the VTLB and its expenses.
// Plain SVG rendered by React (no library, no network, no inline <style>): colours come from charts.css.
import { useId } from 'react';
import { formatEuro } from '../../../shared/money';
import { toNumber } from './scale';
import './charts.css';

export type BarTone = 'income' | 'norm' | 'vtlb' | 'expense' | 'neutral';

export interface Bar {
  id: string;
  label: string;
  /** Decimal string; null = not computable (no bar, the text says so). */
  value: string | null;
  tone: BarTone;
}

const W = 720;
const LABEL_W = 230;
const VALUE_W = 120;
const ROW = 40;
const BAR_H = 24;

export function ComparisonChart({ title, bars }: { title: string; bars: readonly Bar[] }) {
  const titleId = useId();
  const nums = bars.map((b) => toNumber(b.value));
  const max = Math.max(1, ...nums.map((n) => (n === null ? 0 : Math.abs(n))));
  const plotW = W - LABEL_W - VALUE_W;
  const height = bars.length * ROW + 8;
  const summary = bars.map((b) => `${b.label}: ${b.value === null ? 'niet te berekenen' : formatEuro(b.value)}`).join('; ');
  return (
    <figure className="chart">
      <figcaption id={titleId} className="chart-title">
        {title}
      </figcaption>
      <svg
        className="chart-svg chart-svg-bars"
        viewBox={`0 0 ${W} ${height}`}
        role="img"
        aria-labelledby={titleId}
        aria-describedby={`${titleId}-desc`}
        preserveAspectRatio="xMinYMin meet"
      >
        <desc id={`${titleId}-desc`}>{summary}</desc>
        <line className="chart-axis" x1={LABEL_W} x2={LABEL_W} y1={0} y2={height - 4} />
        {bars.map((b, i) => {
          const n = nums[i] ?? null;
          const y = i * ROW + 4;
          const w = n === null ? 0 : Math.max(2, (Math.abs(n) / max) * plotW);
          return (
            <g key={b.id} className={`chart-bar tone-${b.tone}`}>
              <text className="chart-label" x={LABEL_W - 10} y={y + BAR_H / 2} dominantBaseline="middle" textAnchor="end">
                {b.label}
              </text>
              {n !== null ? <rect x={LABEL_W} y={y} width={w} height={BAR_H} rx={3} /> : null}
              <text className="chart-value" x={LABEL_W + w + 8} y={y + BAR_H / 2} dominantBaseline="middle">
                {b.value === null ? 'niet te berekenen' : formatEuro(b.value)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
