// A 2-D sweep as a heatmap: the first parameter across, the second up, each cell the
// chosen figure (gain on a log scale centred on 1: purple where offload gains, orange
// where it loses), points still running left blank.
import { formatAxisValue } from '../charts/chart-math';
import { heatmapCells } from './sweep-plot';
import { pointGain, SWEEP_METRICS, type ConfigMetric, type SweepMetric, type SweepPointSummary } from './sweep-types';

export interface SweepHeatmapProps {
  readonly xsA: readonly number[];
  readonly xsB: readonly number[];
  readonly labelA: string;
  readonly labelB: string;
  readonly points: readonly (SweepPointSummary | undefined)[];
  readonly metric: SweepMetric;
  readonly configuration: string;
}

const W = 640;
const H = 320;
const M = { left: 70, right: 16, top: 10, bottom: 40 };

export function SweepHeatmap({ xsA, xsB, labelA, labelB, points, metric, configuration }: SweepHeatmapProps) {
  const pw = W - M.left - M.right;
  const ph = H - M.top - M.bottom;
  const value = metric === 'gain'
    ? pointGain
    : (p: SweepPointSummary) => p.configs.find((c) => c.configuration === configuration)?.[metric as ConfigMetric] ?? Number.NaN;
  const { cells, domain } = heatmapCells(xsA, xsB, points, value, metric === 'gain', pw, ph);
  const unit = SWEEP_METRICS[metric].unit;
  return (
    <svg width="100%" viewBox={`0 0 ${W} ${H}`} role="img" data-testid="sweep.heatmap" aria-label={`${SWEEP_METRICS[metric].label} over ${labelA} and ${labelB}`}>
      <g transform={`translate(${M.left},${M.top})`}>
        {cells.map((c, i) => (
          <g key={i}>
            <rect x={c.x} y={c.y} width={c.w - 1} height={c.h - 1} fill={c.color} stroke="var(--border)" data-testid="sweep.cell" data-value={c.value}>
              <title>{`${labelA} ${formatAxisValue(c.vx)}, ${labelB} ${formatAxisValue(c.vy)}: ${Number.isFinite(c.value) ? formatAxisValue(c.value) : 'running…'} ${unit}`}</title>
            </rect>
            {c.w > 40 && c.h > 18 && Number.isFinite(c.value) ? (
              <text x={c.x + c.w / 2} y={c.y + c.h / 2 + 4} textAnchor="middle" fontSize={10} fill="#111">{formatAxisValue(c.value)}</text>
            ) : null}
          </g>
        ))}
        {xsA.map((v, i) => <text key={`a${i}`} x={(i + 0.5) * (pw / xsA.length)} y={ph + 14} textAnchor="middle" fontSize={10} fill="var(--muted)">{formatAxisValue(v)}</text>)}
        {xsB.map((v, i) => <text key={`b${i}`} x={-4} y={ph - (i + 0.5) * (ph / xsB.length) + 4} textAnchor="end" fontSize={10} fill="var(--muted)">{formatAxisValue(v)}</text>)}
        <text x={pw} y={ph + 32} textAnchor="end" fontSize={11} fill="var(--muted)">{labelA}</text>
        <text x={-M.left + 2} y={-1} fontSize={11} fill="var(--muted)">{labelB}</text>
      </g>
      <text x={W - M.right} y={H - 4} textAnchor="end" fontSize={10} fill="var(--muted)">
        {metric === 'gain' ? `colour: gain from ${domain[0].toFixed(2)} (orange, offload loses) to ${domain[1].toFixed(2)} (purple, offload gains)` : `colour: ${formatAxisValue(domain[0])} to ${formatAxisValue(domain[1])} ${unit}`}
      </text>
    </svg>
  );
}
