// One chart's drawing, computed from data: the plot box below the legend band, axes
// with ticks, a path per series (lines, or stacked areas), markers at the samples when
// they are far enough apart to read, event annotations on the time axis, and the
// values under the pointer. Pure: the same input gives the same model, so it is
// tested without a DOM and the SVG (and its export) render exactly this.
import { categoryColor } from '../live/category-colors';
import type { ChannelSpec, RunAnnotation } from '../model-data';
import { ANNOTATION_COLOR, ANNOTATION_LABEL, annotationMarks, type AnnotationMark } from './annotation-marks';
import type { ChartDef } from './chart-defs';
import { SERIES_PALETTE } from './chart-defs';
import {
  NS_PER_MS, areaPath, formatAxisValue, linePath, linearScale, maxInWindow, nearestIndex, stackColumns,
  stackTotals, ticks, timeExtent, visibleRange, zoomedDomain, type XZoom,
} from './chart-math';
import { legendLayout, type LegendLayout } from './legend-layout';

export interface ChartData {
  readonly channels: readonly ChannelSpec[];
  readonly t: ArrayLike<number>;
  /** One column per channel, same order. */
  readonly cols: readonly ArrayLike<number>[];
  readonly annotations: readonly RunAnnotation[];
}

export interface ChartInput {
  readonly def: ChartDef;
  readonly data: ChartData;
  readonly width: number;
  readonly height: number;
  readonly zoom: XZoom;
  /** A y top shared with the chart's neighbours (other runs), so they compare at a glance. */
  readonly sharedYMax?: number;
  /** Simulated time under the pointer, or null. */
  readonly hoverNanos: number | null;
}

export interface SeriesDrawing {
  readonly key: string;
  readonly label: string;
  readonly color: string;
  readonly path: string;
  readonly kind: 'line' | 'area';
  readonly markers: readonly { x: number; y: number }[];
}

export interface HoverReadout {
  readonly x: number;
  readonly tNanos: number;
  readonly rows: readonly { label: string; color: string; value: string; y: number }[];
}

export interface ChartModel {
  readonly width: number;
  readonly height: number;
  readonly plot: { left: number; top: number; width: number; height: number };
  readonly legend: LegendLayout;
  readonly xTicks: readonly { at: number; label: string }[];
  readonly yTicks: readonly { at: number; label: string }[];
  readonly series: readonly SeriesDrawing[];
  readonly annotations: readonly AnnotationMark[];
  readonly hover: HoverReadout | null;
  readonly visibleNanos: readonly [number, number];
  readonly yMax: number;
  readonly empty: boolean;
}

const MARGIN = { left: 48, right: 12, top: 6, bottom: 30 };
/** Markers at samples only when they are at least this far apart. */
const MARKER_MIN_PX = 7;

export function seriesColor(def: ChartDef, ch: ChannelSpec, i: number): string {
  return def.kind === 'stacked' ? categoryColor(ch.label) : SERIES_PALETTE[i % SERIES_PALETTE.length]!;
}

/** The y top a chart would pick on its own within a time window (for sharing across runs). */
export function naturalYMax(def: ChartDef, data: ChartData, from: number, to: number): number {
  if (def.yMax !== undefined) return def.yMax;
  const n = data.t.length;
  const m = def.kind === 'stacked' ? maxInWindow(data.t, [stackTotals(data.cols, n)], from, to) : maxInWindow(data.t, data.cols, from, to);
  return m > 0 ? m * 1.08 : 1;
}

export function formatValue(v: number, unit: string): string {
  if (v === Number.POSITIVE_INFINITY) return 'unbounded';
  if (!Number.isFinite(v)) return '–';
  return `${formatAxisValue(v)}${unit === '%' || unit.startsWith('/') ? '' : ' '}${unit}`;
}

export function buildChartModel(inp: ChartInput): ChartModel {
  const { def, data, width, height } = inp;
  const n = data.t.length;
  const items = data.channels.map((ch, i) => ({ key: ch.key, label: ch.label, color: seriesColor(def, ch, i) }));
  // Event kinds get a legend entry too (a triangle), so the marks on the time axis explain themselves.
  const kinds = [...new Set(data.annotations.map((a) => a.kind))];
  const noteItems = kinds.map((k) => ({ key: `note.${k}`, label: ANNOTATION_LABEL[k], color: ANNOTATION_COLOR[k] }));
  const legend = legendLayout([...items, ...noteItems], width - MARGIN.left - MARGIN.right);
  const plot = {
    left: MARGIN.left,
    top: MARGIN.top + legend.height,
    width: Math.max(10, width - MARGIN.left - MARGIN.right),
    height: Math.max(10, height - MARGIN.top - legend.height - MARGIN.bottom),
  };
  const full = timeExtent(data.t);
  const [from, to] = zoomedDomain(full, inp.zoom, plot.width);
  const x = linearScale([from, to], [0, plot.width]);
  const yMax = inp.sharedYMax ?? naturalYMax(def, data, from, to);
  const y = linearScale([0, yMax], [plot.height, 0]);
  const [lo, hi] = visibleRange(data.t, from, to);
  const showMarkers = hi - lo > 0 && plot.width / Math.max(1, hi - lo) >= MARKER_MIN_PX;

  let series: SeriesDrawing[];
  if (def.kind === 'stacked') {
    const layers = stackColumns(data.cols, n);
    series = layers.map((layer, c) => ({
      ...items[c]!,
      kind: 'area' as const,
      path: areaPath(data.t, layer, x, y),
      markers: showMarkers ? range(lo, hi).map((i) => ({ x: x(data.t[i]!), y: y(layer[i]![1]) })) : [],
    }));
  } else {
    series = data.cols.map((col, c) => ({
      ...items[c]!,
      kind: 'line' as const,
      path: linePath(data.t, col, x, y),
      markers: showMarkers ? range(lo, hi).filter((i) => Number.isFinite(col[i]!)).map((i) => ({ x: x(data.t[i]!), y: y(col[i]!) })) : [],
    }));
  }

  let hover: HoverReadout | null = null;
  if (inp.hoverNanos !== null && n > 0) {
    const i = nearestIndex(data.t, inp.hoverNanos);
    const layers = def.kind === 'stacked' ? stackColumns(data.cols, n) : null;
    hover = {
      x: x(data.t[i]!),
      tNanos: data.t[i]!,
      rows: data.channels.map((ch, c) => {
        const v = data.cols[c]![i]!;
        const top = layers ? layers[c]![i]![1] : v;
        return { label: ch.label, color: items[c]!.color, value: formatValue(v, def.unit), y: Number.isFinite(top) ? y(top) : Number.NaN };
      }),
    };
  }

  return {
    width, height, plot, legend,
    // No samples, no time axis: over the stand-in extent of 1 ns the ticks read
    // "2e-7 ... 0.0000 ms", which meant nothing beside "no samples yet".
    xTicks: n === 0 ? [] : ticks(x, Math.max(2, Math.floor(plot.width / 90)), (v) => formatAxisValue(v / NS_PER_MS)).map(({ at, label }) => ({ at, label })),
    yTicks: ticks(y, Math.max(2, Math.floor(plot.height / 28)), formatAxisValue).map(({ at, label }) => ({ at, label })),
    series,
    annotations: annotationMarks(data.annotations, x),
    hover,
    visibleNanos: [from, to],
    yMax,
    empty: n === 0,
  };
}

function range(lo: number, hi: number): number[] {
  return Array.from({ length: Math.max(0, hi - lo) }, (_, k) => lo + k);
}
