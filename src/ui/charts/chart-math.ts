// The charts' arithmetic, as plain functions over typed arrays: scales, line and area
// paths, stacking, extents, the sample nearest a pointer, zooming the time axis and
// ticks. d3 does the maths; React only renders what comes out (STYLE.md). No DOM here.
import { area, bisector, line, scaleLinear, zoomIdentity, type ScaleLinear } from 'd3';

export type Scale = ScaleLinear<number, number>;

/** Nanoseconds to the milliseconds the time axis is labelled in. */
export const NS_PER_MS = 1e6;

export function linearScale(domain: readonly [number, number], range: readonly [number, number]): Scale {
  const [d0, d1] = domain[0] === domain[1] ? [domain[0], domain[0] + 1] : domain;
  return scaleLinear().domain([d0, d1]).range([range[0], range[1]]);
}

/** First and last time; [0, 1] when there is nothing yet. */
export function timeExtent(t: ArrayLike<number>): [number, number] {
  if (t.length === 0) return [0, 1];
  return [t[0]!, t[t.length - 1]!];
}

/** Largest finite value among the columns within [from, to] of t (0 when none). */
export function maxInWindow(t: ArrayLike<number>, cols: readonly ArrayLike<number>[], from: number, to: number): number {
  let m = 0;
  for (const c of cols) {
    for (let i = 0; i < t.length; i++) {
      const ti = t[i]!;
      const v = c[i]!;
      if (ti >= from && ti <= to && Number.isFinite(v) && v > m) m = v;
    }
  }
  return m;
}

/** Cumulative layers for a stacked chart: layers[c][i] = [y0, y1]. NaN counts as 0. */
export function stackColumns(cols: readonly ArrayLike<number>[], n: number): [number, number][][] {
  const base = new Float64Array(n);
  return cols.map((c) => {
    const layer: [number, number][] = new Array(n);
    for (let i = 0; i < n; i++) {
      const v = c[i]!;
      const y0 = base[i]!;
      const y1 = y0 + (Number.isFinite(v) && v > 0 ? v : 0);
      layer[i] = [y0, y1];
      base[i] = y1;
    }
    return layer;
  });
}

/** Top of the stack at each sample. */
export function stackTotals(cols: readonly ArrayLike<number>[], n: number): Float64Array {
  const out = new Float64Array(n);
  for (const c of cols) for (let i = 0; i < n; i++) { const v = c[i]!; if (Number.isFinite(v) && v > 0) out[i] = out[i]! + v; }
  return out;
}

/** SVG path of a line through (t, y); NaN values leave a gap. */
export function linePath(t: ArrayLike<number>, ys: ArrayLike<number>, x: Scale, y: Scale): string {
  const idx = Array.from({ length: t.length }, (_, i) => i);
  return line<number>().defined((i) => Number.isFinite(ys[i]!)).x((i) => x(t[i]!)).y((i) => y(ys[i]!))(idx) ?? '';
}

/** SVG path of one stacked layer. */
export function areaPath(t: ArrayLike<number>, layer: readonly [number, number][], x: Scale, y: Scale): string {
  const idx = Array.from({ length: t.length }, (_, i) => i);
  return area<number>().x((i) => x(t[i]!)).y0((i) => y(layer[i]![0])).y1((i) => y(layer[i]![1]))(idx) ?? '';
}

/** Index of the sample whose time is nearest to `time` (-1 when there are none). */
export function nearestIndex(t: ArrayLike<number>, time: number): number {
  const n = t.length;
  if (n === 0) return -1;
  const arr = Array.from(t);
  const i = bisector<number, number>((d) => d).center(arr, time);
  return Math.max(0, Math.min(n - 1, i));
}

/** A zoom of the time axis as d3-zoom keeps it: scale k ≥ 1 and translation x in px. */
export interface XZoom {
  readonly k: number;
  readonly x: number;
}
export const NO_ZOOM: XZoom = { k: 1, x: 0 };

/** The visible time domain for a zoom over the full domain drawn across [0, width]. */
export function zoomedDomain(full: readonly [number, number], zoom: XZoom, width: number): [number, number] {
  const base = linearScale(full, [0, width]);
  const z = zoomIdentity.translate(zoom.x, 0).scale(zoom.k).rescaleX(base);
  const [a, b] = z.domain() as [number, number];
  return [a, b];
}

/** Keeps a zoom inside the data: k in [1, maxK], and no panning past either end. */
export function clampZoom(zoom: XZoom, width: number, maxK = 200): XZoom {
  const k = Math.min(maxK, Math.max(1, zoom.k));
  const x = Math.min(0, Math.max(width - width * k, zoom.x));
  return { k, x };
}

/** Samples within [from, to] (indices), so markers are drawn only where they show. */
export function visibleRange(t: ArrayLike<number>, from: number, to: number): [number, number] {
  let lo = 0;
  while (lo < t.length && t[lo]! < from) lo++;
  let hi = t.length;
  while (hi > lo && t[hi - 1]! > to) hi--;
  return [lo, hi];
}

/** Tick values and labels; time ticks in ms, values with at most 3 significant digits. */
export function ticks(scale: Scale, count: number, format: (v: number) => string): { v: number; at: number; label: string }[] {
  return scale.ticks(count).map((v) => ({ v, at: scale(v), label: format(v) }));
}

export function formatAxisValue(v: number): string {
  const a = Math.abs(v);
  if (a >= 1e9) return `${trim(v / 1e9)}G`;
  if (a >= 1e6) return `${trim(v / 1e6)}M`;
  if (a >= 1e4) return `${trim(v / 1e3)}k`;
  return trim(v);
}

function trim(v: number): string {
  return String(Number(v.toPrecision(3)));
}
