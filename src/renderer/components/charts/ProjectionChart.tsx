// Saldo per month over the coming months as columns around a zero line: months with a shortfall in red
// (and marked "tekort"), months no norm table covers shaded and labelled "geen normtabel". Plain SVG by React.
import { useId } from 'react';
import { formatEuro } from '../../../shared/money';
import { axisEuro, niceTicks, toNumber } from './scale';
import './charts.css';

export interface ProjectionPoint {
  /** "YYYY-MM". */
  month: string;
  covered: boolean;
  /** Decimal string or null (uncovered). */
  saldo: string | null;
  negative: boolean;
}

const W = 760;
const H = 300;
const LEFT = 78;
const RIGHT = 12;
const TOP = 16;
const BOTTOM = 56;
const MONTHS = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];

function monthName(month: string): string {
  return MONTHS[Number(month.slice(5, 7)) - 1] ?? month;
}

export function ProjectionChart({ title, points }: { title: string; points: readonly ProjectionPoint[] }) {
  const titleId = useId();
  const hatchId = `${titleId.replace(/:/g, '')}-hatch`;
  const values = points.map((p) => (p.covered ? toNumber(p.saldo) : null));
  const present = values.filter((v): v is number => v !== null);
  const ticks = niceTicks(Math.min(0, ...present), Math.max(0, ...present), 5);
  const lo = ticks[0]!;
  const hi = ticks[ticks.length - 1]!;
  const plotH = H - TOP - BOTTOM;
  const y = (v: number) => TOP + ((hi - v) / (hi - lo)) * plotH;
  const slot = (W - LEFT - RIGHT) / Math.max(1, points.length);
  const barW = Math.max(4, slot * 0.66);
  const x = (i: number) => LEFT + i * slot;

  // Contiguous runs of uncovered months get one shaded block with one label.
  const runs: { from: number; to: number }[] = [];
  points.forEach((p, i) => {
    if (p.covered) return;
    const last = runs[runs.length - 1];
    if (last && last.to === i - 1) last.to = i;
    else runs.push({ from: i, to: i });
  });

  const negatives = points.filter((p) => p.covered && p.negative).length;
  const uncovered = points.length - points.filter((p) => p.covered).length;
  const summary =
    `${points.length} maanden vanaf ${points[0] ? `${monthName(points[0].month)} ${points[0].month.slice(0, 4)}` : ''}. ` +
    (negatives ? `${negatives} maanden met een tekort. ` : 'Geen maanden met een tekort. ') +
    (uncovered ? `${uncovered} maanden zonder normtabel.` : '');

  return (
    <figure className="chart">
      <figcaption id={titleId} className="chart-title">
        {title}
      </figcaption>
      <svg className="chart-svg" viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={titleId} aria-describedby={`${titleId}-desc`}>
        <desc id={`${titleId}-desc`}>{summary}</desc>
        <defs>
          <pattern id={hatchId} patternUnits="userSpaceOnUse" width={8} height={8} patternTransform="rotate(45)">
            <rect className="hatch-bg" width={8} height={8} />
            <line className="hatch-line" x1={0} y1={0} x2={0} y2={8} />
          </pattern>
        </defs>
        {runs.map((r) => {
          const rx = x(r.from);
          const rw = (r.to - r.from + 1) * slot;
          const wide = rw >= 96;
          const cx = rx + rw / 2;
          const cy = TOP + plotH / 2;
          return (
            <g key={r.from} className="chart-uncovered">
              <rect x={rx} y={TOP} width={rw} height={plotH} fill={`url(#${hatchId})`} />
              <text
                className="chart-uncovered-label"
                x={cx}
                y={cy}
                textAnchor="middle"
                dominantBaseline="middle"
                transform={wide ? undefined : `rotate(-90 ${cx} ${cy})`}
              >
                geen normtabel
              </text>
            </g>
          );
        })}
        {ticks.map((t) => (
          <g key={t}>
            <line className={t === 0 ? 'chart-zero' : 'chart-grid'} x1={LEFT} x2={W - RIGHT} y1={y(t)} y2={y(t)} />
            <text className="chart-tick" x={LEFT - 8} y={y(t)} textAnchor="end" dominantBaseline="middle">
              {axisEuro(t)}
            </text>
          </g>
        ))}
        {points.map((p, i) => {
          const v = values[i] ?? null;
          const cx = x(i) + slot / 2;
          const newYear = i === 0 || p.month.endsWith('-01');
          return (
            <g key={p.month}>
              {v !== null ? (
                <rect
                  className={p.negative ? 'chart-col negative' : 'chart-col'}
                  x={cx - barW / 2}
                  y={Math.min(y(v), y(0))}
                  width={barW}
                  height={Math.max(1, Math.abs(y(v) - y(0)))}
                >
                  <title>{`${monthName(p.month)} ${p.month.slice(0, 4)}: saldo ${formatEuro(p.saldo!)}`}</title>
                </rect>
              ) : null}
              {p.negative ? (
                <text className="chart-neg-mark" x={cx} y={y(v ?? 0) + 12} textAnchor="middle">
                  ▼
                </text>
              ) : null}
              <text className="chart-month" x={cx} y={H - BOTTOM + 16} textAnchor="middle">
                {monthName(p.month)}
              </text>
              {newYear ? (
                <text className="chart-year" x={cx} y={H - BOTTOM + 32} textAnchor="middle">
                  {p.month.slice(0, 4)}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <ul className="chart-legend" aria-label="Legenda">
        <li>
          <span className="legend-swatch swatch-positive" aria-hidden="true" /> saldo positief
        </li>
        <li>
          <span className="legend-swatch swatch-negative" aria-hidden="true" /> tekort (▼)
        </li>
        <li>
          <span className="legend-swatch swatch-uncovered" aria-hidden="true" /> geen normtabel: niet berekend
        </li>
      </ul>
    </figure>
  );
}
