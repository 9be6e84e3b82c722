// A 1-D sweep as lines: each configuration's figure, or the simulated offload gain
// with the LAWS gain and bound (dashed) over it, gain = 1 drawn, and each crossing of
// gain 1 marked and labelled with where offload starts (or stops) losing.
import type { LawsSweepPoint } from '../../scenario/schema';
import { formatAxisValue } from '../charts/chart-math';
import { legendLayout } from '../charts/legend-layout';
import { sweepLinePlot } from './sweep-plot';
import { SWEEP_METRICS, type SweepMetric, type SweepPointSummary } from './sweep-types';

export interface SweepLineChartProps {
  readonly xs: readonly number[];
  readonly xLabel: string;
  /** The swept parameter's unit ('' when it has none): on the axis title, the tooltips and the crossover labels. */
  readonly xUnit: string;
  readonly points: readonly (SweepPointSummary | undefined)[];
  readonly metric: SweepMetric;
  readonly laws: readonly LawsSweepPoint[] | null;
}

const W = 640;
const H = 300;
const M = { left: 52, right: 16, top: 8, bottom: 40 };

export function SweepLineChart({ xs, xLabel, xUnit, points, metric, laws }: SweepLineChartProps) {
  const withUnit = (v: number) => `${formatAxisValue(v)}${xUnit ? ` ${xUnit}` : ''}`;
  const pw = W - M.left - M.right;
  const probe = sweepLinePlot(xs, points, metric, laws, pw, 100);
  const legend = legendLayout(probe.lines.map((l) => ({ key: l.key, label: l.label, color: l.color })), pw);
  const top = M.top + legend.height;
  const ph = H - top - M.bottom;
  const plot = sweepLinePlot(xs, points, metric, laws, pw, ph);
  const m = SWEEP_METRICS[metric];
  return (
    <svg width="100%" viewBox={`0 0 ${W} ${H}`} role="img" data-testid="sweep.lineChart" aria-label={`${m.label} against ${xLabel}`}>
      <g transform={`translate(${M.left},${M.top})`}>
        {legend.items.map((it) => (
          <g key={it.key} transform={`translate(${it.x},${it.y})`}>
            <rect width={10} height={10} y={1} rx={2} fill={it.color} />
            <text x={14} y={10} fontSize={11} fill="var(--fg)">{it.label}</text>
          </g>
        ))}
      </g>
      <g transform={`translate(${M.left},${top})`}>
        {plot.y.ticks(5).map((v) => (
          <g key={`y${v}`}>
            <line x1={0} x2={pw} y1={plot.y(v)} y2={plot.y(v)} stroke="var(--chart-grid)" />
            <text x={-6} y={plot.y(v) + 4} textAnchor="end" fontSize={11} fill="var(--muted)">{formatAxisValue(v)}</text>
          </g>
        ))}
        {plot.x.ticks(6).map((v) => (
          <text key={`x${v}`} x={plot.x(v)} y={ph + 15} textAnchor="middle" fontSize={11} fill="var(--muted)">{formatAxisValue(v)}</text>
        ))}
        <line x1={0} x2={pw} y1={ph} y2={ph} stroke="var(--muted)" />
        <text x={pw} y={ph + 32} textAnchor="end" fontSize={11} fill="var(--muted)">{xUnit ? `${xLabel} (${xUnit})` : xLabel}</text>
        <text x={-M.left + 2} y={-2} fontSize={11} fill="var(--muted)">{m.unit}</text>
        {plot.unityY !== null ? (
          <g>
            <line x1={0} x2={pw} y1={plot.unityY} y2={plot.unityY} stroke="var(--fg)" strokeDasharray="2 4" />
            <text x={4} y={plot.unityY - 4} fontSize={10} fill="var(--muted)">gain 1: offload neither gains nor loses</text>
          </g>
        ) : null}
        {plot.lines.map((l) => (
          <g key={l.key} data-testid={`sweep.line.${l.key.replace(/\s+/g, '-')}`} data-points={l.points.length}>
            <path d={l.path} fill="none" stroke={l.color} strokeWidth={2} strokeDasharray={l.dashed ? '6 4' : undefined} />
            {l.points.map((p) => (
              <circle key={p.vx} cx={p.x} cy={p.y} r={3} fill={l.color}>
                <title>{`${l.label} at ${withUnit(p.vx)}: ${formatAxisValue(p.vy)} ${m.unit}`}</title>
              </circle>
            ))}
          </g>
        ))}
        {plot.crossovers.map((c, i) => (
          <g key={`c${i}`} data-testid={`sweep.crossover.${c.source}`} data-x={c.x} data-direction={c.direction}>
            <line x1={c.px} x2={c.px} y1={0} y2={ph} stroke={c.source === 'laws' ? '#D55E00' : 'var(--fg)'} strokeWidth={1.5} />
            {/* Labels sit on the side of the rule with more room, so they are never cut off. */}
            <text x={c.px > pw / 2 ? c.px - 4 : c.px + 4} textAnchor={c.px > pw / 2 ? 'end' : 'start'} y={12 + (c.source === 'laws' ? 14 : 0)}
              fontSize={11} fontWeight={700} fill="var(--fg)" paintOrder="stroke" stroke="var(--surface)" strokeWidth={3}>
              {`${c.source === 'laws' ? 'LAWS' : 'simulated'}: offload loses ${c.direction === 'loses' ? 'above' : 'below'} ${withUnit(c.x)}`}
            </text>
          </g>
        ))}
      </g>
    </svg>
  );
}
