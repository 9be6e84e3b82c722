// The sweep charts' geometry: for a 1-D sweep, a line per configuration (or the
// simulated gain with the LAWS gain and bound drawn over it, and the crossings of
// gain = 1 marked); for a 2-D sweep, a heatmap of cells coloured on a diverging scale
// centred on gain 1 (or on the metric's middle). Pure functions, tested in node.
import { interpolatePuOr, scaleLog, scaleSequential } from 'd3';
import { findCrossovers, type Crossover } from '../../model/laws';
import type { LawsSweepPoint } from '../../scenario/schema';
import { linePath, linearScale, type Scale } from '../charts/chart-math';
import { SERIES_PALETTE } from '../charts/chart-defs';
import { pointGain, pointGainResolution, type ConfigMetric, type SweepMetric, type SweepPointSummary } from './sweep-types';

export interface SweepLine {
  readonly key: string;
  readonly label: string;
  readonly color: string;
  readonly dashed: boolean;
  readonly path: string;
  readonly points: readonly { x: number; y: number; vx: number; vy: number }[];
}

export interface SweepLinePlot {
  readonly x: Scale;
  readonly y: Scale;
  readonly lines: readonly SweepLine[];
  readonly crossovers: readonly (Crossover & { px: number; source: 'simulated' | 'laws' })[];
  /** y of gain = 1 in px, when the metric is the gain. */
  readonly unityY: number | null;
}

/** The metric of each configuration (or the gain) along a 1-D sweep, in x order; NaN for points not done yet. */
export function seriesOf(points: readonly (SweepPointSummary | undefined)[], metric: SweepMetric): { key: string; ys: number[] }[] {
  if (metric === 'gain') return [{ key: 'simulated gain', ys: points.map((p) => (p ? pointGain(p) : Number.NaN)) }];
  const configs = [...new Set(points.flatMap((p) => p?.configs.map((c) => c.configuration) ?? []))];
  return configs.map((c) => ({
    key: c,
    ys: points.map((p) => p?.configs.find((f) => f.configuration === c)?.[metric as ConfigMetric] ?? Number.NaN),
  }));
}

export function sweepLinePlot(
  xs: readonly number[], points: readonly (SweepPointSummary | undefined)[], metric: SweepMetric,
  laws: readonly LawsSweepPoint[] | null, width: number, height: number,
): SweepLinePlot {
  const series = seriesOf(points, metric).map((s, i) => ({ ...s, label: s.key, color: SERIES_PALETTE[i % SERIES_PALETTE.length]!, dashed: false }));
  if (metric === 'gain' && laws) {
    series.push({ key: 'LAWS gain', label: 'LAWS gain (analytic)', ys: laws.map((l) => l.gain), color: '#D55E00', dashed: true });
    series.push({ key: 'LAWS bound', label: 'LAWS bound max(σ,1+γ)/max(σ,γ)', ys: laws.map((l) => Math.min(l.tightGainBound, 1e6)), color: '#7F7F7F', dashed: true });
  }
  const all = series.flatMap((s) => s.ys).filter(Number.isFinite);
  const top = Math.max(metric === 'gain' ? 1.2 : 0, ...all) * 1.08 || 1;
  const x = linearScale([Math.min(...xs), Math.max(...xs)], [0, width]);
  const y = linearScale([0, top], [height, 0]);
  const lines = series.map((s) => ({
    key: s.key, label: s.label, color: s.color, dashed: s.dashed,
    path: linePath(xs, s.ys, x, y),
    points: xs.map((vx, i) => ({ vx, vy: s.ys[i]!, x: x(vx), y: y(s.ys[i]!) })).filter((p) => Number.isFinite(p.vy)),
  }));
  const crossovers: SweepLinePlot['crossovers'][number][] = [];
  if (metric === 'gain') {
    // The simulated gain is a measurement: within its resolution of 1 it is a tie.
    const simTies = points.map((p) => (p ? pointGainResolution(p) : 0));
    const lawsTies = xs.map(() => 0);
    for (const [source, ys, ties] of [['simulated', series[0]?.ys ?? [], simTies], ['laws', laws?.map((l) => l.gain) ?? [], lawsTies]] as const) {
      const done = xs.map((vx, i) => [vx, ys[i]!, ties[i] ?? 0] as const).filter(([, g]) => Number.isFinite(g));
      const c = findCrossovers(done.map(([vx]) => vx), done.map(([, g]) => g), done.map(([, , t]) => t));
      if (c.ok) for (const k of c.crossovers) crossovers.push({ ...k, px: x(k.x), source });
    }
  }
  return { x, y, lines, crossovers, unityY: metric === 'gain' ? y(1) : null };
}

export interface HeatCell {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly value: number;
  readonly color: string;
  readonly vx: number;
  readonly vy: number;
}

/** A 2-D sweep as cells: first axis across, second up; gains coloured on a log scale centred on 1. */
export function heatmapCells(
  xsA: readonly number[], xsB: readonly number[], points: readonly (SweepPointSummary | undefined)[],
  value: (p: SweepPointSummary) => number, centredOnOne: boolean, width: number, height: number,
): { cells: HeatCell[]; domain: [number, number] } {
  const w = width / xsA.length;
  const h = height / xsB.length;
  const vals = points.map((p) => (p ? value(p) : Number.NaN));
  const finite = vals.filter((v) => Number.isFinite(v) && (!centredOnOne || v > 0));
  let color: (v: number) => string;
  let domain: [number, number];
  if (centredOnOne) {
    const span = Math.max(1.01, ...finite.map((v) => Math.max(v, 1 / v)));
    domain = [1 / span, span];
    const t = scaleLog().domain(domain).range([0, 1]).clamp(true);
    // PuOr runs purple to orange: reversed so that a loss (gain < 1) reads orange, a gain purple.
    color = (v) => interpolatePuOr(1 - t(v));
  } else {
    domain = [Math.min(0, ...finite), Math.max(1e-12, ...finite)];
    const s = scaleSequential(interpolatePuOr).domain(domain);
    color = (v) => s(v);
  }
  const cells = points.map((_, i) => {
    const a = Math.floor(i / xsB.length);
    const b = i % xsB.length;
    const v = vals[i]!;
    return { x: a * w, y: height - (b + 1) * h, w, h, value: v, color: Number.isFinite(v) && (!centredOnOne || v > 0) ? color(v) : 'transparent', vx: xsA[a]!, vy: xsB[b]! };
  });
  return { cells, domain };
}
