// Renders one ChartModel as SVG: grid, stacked areas or lines, markers at samples,
// axes, event annotations on the time axis, the legend in its own band above the
// plot, and the pointer's rule and dots. Colours of text and grid come from CSS
// variables, which the SVG export replaces by concrete colours.
import { memo } from 'react';
import type { ChartModel } from './chart-model';
import { ANNOTATION_COLOR } from './annotation-marks';

/** Memoized: an off-screen chart whose model did not change costs nothing per frame. */
export const ChartSvgBody = memo(function ChartSvgBody({ model, unit }: { model: ChartModel; unit: string }) {
  const { plot, legend } = model;
  const clipId = `clip-${Math.round(plot.width)}-${Math.round(plot.height)}`;
  return (
    <>
      <defs>
        <clipPath id={clipId}>
          <rect x={0} y={-2} width={plot.width} height={plot.height + 4} />
        </clipPath>
      </defs>
      <g className="chart-legend" transform={`translate(${plot.left},6)`}>
        {legend.items.map((it) => (
          <g key={it.key} transform={`translate(${it.x},${it.y})`}>
            {it.key.startsWith('note.')
              ? <path d="M0,11 L10,11 L5,2 Z" fill={it.color} />
              : <rect width={10} height={10} y={1} rx={2} fill={it.color} />}
            <text x={14} y={10} fill="var(--fg)">{it.label}</text>
          </g>
        ))}
      </g>
      <g transform={`translate(${plot.left},${plot.top})`}>
        {model.yTicks.map((t, i) => (
          <g key={i}>
            <line x1={0} x2={plot.width} y1={t.at} y2={t.at} stroke="var(--chart-grid)" />
            <text x={-6} y={t.at + 4} textAnchor="end" fill="var(--muted)">{t.label}</text>
          </g>
        ))}
        <g clipPath={`url(#${clipId})`}>
          {model.series.map((s) => (s.kind === 'area'
            ? <path key={s.key} d={s.path} fill={s.color} fillOpacity={0.85} stroke={s.color} strokeWidth={0.5} data-series={s.label} />
            : <path key={s.key} d={s.path} fill="none" stroke={s.color} strokeWidth={1.8} data-series={s.label} />))}
          {model.series.map((s) => (s.markers.length === 0 ? null : (
            <g key={`m${s.key}`} fill={s.color}>
              {s.markers.map((m, i) => <circle key={i} cx={m.x} cy={m.y} r={1.8} />)}
            </g>
          )))}
        </g>
        <line x1={0} x2={plot.width} y1={plot.height} y2={plot.height} stroke="var(--muted)" />
        {model.xTicks.map((t, i) => (
          <g key={i} transform={`translate(${t.at},${plot.height})`}>
            <line y2={4} stroke="var(--muted)" />
            {/* A label at the plot's right end would be centred past the SVG's edge and cut ("100(" for 1000): it ends there instead. */}
            <text y={15} textAnchor={t.at > plot.width - 16 ? 'end' : 'middle'} fill="var(--muted)">{t.label}</text>
          </g>
        ))}
        <text x={plot.width} y={plot.height + 27} textAnchor="end" fill="var(--muted)">simulated time (ms)</text>
        <text x={-plot.left + 2} y={-4} fill="var(--muted)" className="chart-unit">{unit}</text>
        {model.annotations.map((a, i) => (
          <g key={`a${i}`} className="chart-annotation" data-kind={a.kind}>
            {/* A rule across the plot only while the events are few enough to read; otherwise marks on the axis alone. */}
            {model.annotations.length <= 6 ? <line x1={a.x} x2={a.x} y1={0} y2={plot.height} stroke={ANNOTATION_COLOR[a.kind]} strokeDasharray="3 3" /> : null}
            <path d={`M${a.x - 4},${plot.height + 1} L${a.x + 4},${plot.height + 1} L${a.x},${plot.height - 6} Z`} fill={ANNOTATION_COLOR[a.kind]}>
              <title>{a.text}</title>
            </path>
          </g>
        ))}
        {model.hover ? (
          <g className="chart-hover" pointerEvents="none">
            <line x1={model.hover.x} x2={model.hover.x} y1={0} y2={plot.height} stroke="var(--fg)" strokeOpacity={0.5} />
            {model.hover.rows.map((r) => (Number.isFinite(r.y)
              ? <circle key={r.label} cx={model.hover!.x} cy={r.y} r={3.5} fill={r.color} stroke="var(--surface)" />
              : null))}
          </g>
        ) : null}
      </g>
    </>
  );
});
