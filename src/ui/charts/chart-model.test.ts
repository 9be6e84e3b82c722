import { describe, expect, it } from 'vitest';
import type { ChannelSpec } from '../model-data';
import { CHART_DEFS } from './chart-defs';
import { buildChartModel, naturalYMax, type ChartData } from './chart-model';
import { NO_ZOOM } from './chart-math';
import { legendLayout } from './legend-layout';
import { annotationMarks } from './annotation-marks';
import { linearScale } from './chart-math';

const ch = (chart: 'hostCpu' | 'goodput', label: string, unit: string): ChannelSpec => ({ key: `${chart}.${label}`, chart, label, unit });

function cpuData(n: number): ChartData {
  const t = Float64Array.from({ length: n }, (_, i) => i * 1e6);
  return {
    channels: [ch('hostCpu', 'tcp', '%'), ch('hostCpu', 'copy', '%')],
    t,
    cols: [Float64Array.from(t, () => 10), Float64Array.from(t, (_, i) => i)],
    annotations: [{ runId: 'native', tNanos: 5e6, kind: 'loss', text: 'segment lost' }],
  };
}

describe('chart model', () => {
  it('places the legend in a band above the plot, so it never covers data', () => {
    const m = buildChartModel({ def: CHART_DEFS.hostCpu, data: cpuData(10), width: 420, height: 210, zoom: NO_ZOOM, hoverNanos: null });
    const legendBottom = 6 + m.legend.height;
    expect(m.plot.top).toBeGreaterThanOrEqual(legendBottom);
    for (const it of m.legend.items) expect(6 + it.y + 12).toBeLessThanOrEqual(m.plot.top);
  });

  it('stacks host CPU by category on a 0-100 % axis, one area per category', () => {
    const m = buildChartModel({ def: CHART_DEFS.hostCpu, data: cpuData(10), width: 420, height: 210, zoom: NO_ZOOM, hoverNanos: null });
    expect(m.yMax).toBe(100);
    expect(m.series.map((s) => [s.label, s.kind])).toEqual([['tcp', 'area'], ['copy', 'area']]);
    expect(m.series.every((s) => s.path.startsWith('M'))).toBe(true);
    expect(m.yTicks.map((t) => t.label)).toContain('100');
  });

  it('reads the values of every series at the sample nearest the pointer', () => {
    const m = buildChartModel({ def: CHART_DEFS.hostCpu, data: cpuData(10), width: 420, height: 210, zoom: NO_ZOOM, hoverNanos: 3.2e6 });
    expect(m.hover?.tNanos).toBe(3e6);
    expect(m.hover?.rows.map((r) => `${r.label}=${r.value}`)).toEqual(['tcp=10%', 'copy=3%']);
  });

  it('draws markers at samples when they are far apart and none when they crowd', () => {
    const sparse = buildChartModel({ def: CHART_DEFS.hostCpu, data: cpuData(10), width: 420, height: 210, zoom: NO_ZOOM, hoverNanos: null });
    expect(sparse.series[0]!.markers).toHaveLength(10);
    const dense = buildChartModel({ def: CHART_DEFS.hostCpu, data: cpuData(400), width: 420, height: 210, zoom: NO_ZOOM, hoverNanos: null });
    expect(dense.series[0]!.markers).toHaveLength(0);
    // Zoomed in 20x, the few visible samples get their markers back.
    const zoomed = buildChartModel({ def: CHART_DEFS.hostCpu, data: cpuData(400), width: 420, height: 210, zoom: { k: 20, x: 0 }, hoverNanos: null });
    expect(zoomed.series[0]!.markers.length).toBeGreaterThan(0);
    expect(zoomed.visibleNanos[1]).toBeLessThan(dense.visibleNanos[1]);
  });

  it('puts each annotation on the time axis where its event happened', () => {
    const m = buildChartModel({ def: CHART_DEFS.hostCpu, data: cpuData(11), width: 420, height: 210, zoom: NO_ZOOM, hoverNanos: null });
    expect(m.annotations).toHaveLength(1);
    expect(m.annotations[0]!.x).toBeCloseTo(m.plot.width / 2);
    expect(m.annotations[0]!.text).toBe('loss: segment lost');
  });

  it('scales a line chart to its data, or to a top shared with its neighbours', () => {
    const data: ChartData = { channels: [ch('goodput', 'goodput', 'Mb/s')], t: [0, 1e6, 2e6], cols: [[100, 900, 500]], annotations: [] };
    expect(naturalYMax(CHART_DEFS.goodput, data, 0, 2e6)).toBeCloseTo(972);
    const shared = buildChartModel({ def: CHART_DEFS.goodput, data, width: 420, height: 210, zoom: NO_ZOOM, hoverNanos: null, sharedYMax: 2000 });
    expect(shared.yMax).toBe(2000);
  });

  it('reports an empty chart when there are no samples, with no time ticks', () => {
    const m = buildChartModel({ def: CHART_DEFS.goodput, data: { channels: [], t: [], cols: [], annotations: [] }, width: 300, height: 200, zoom: NO_ZOOM, hoverNanos: 1 });
    expect(m.empty).toBe(true);
    expect(m.hover).toBeNull();
    expect(m.xTicks).toEqual([]);
  });
});

describe('legend layout', () => {
  it('wraps items into rows that fit the width', () => {
    const items = Array.from({ length: 8 }, (_, i) => ({ key: `k${i}`, label: `category-${i}`, color: '#000' }));
    const l = legendLayout(items, 200);
    expect(l.items.every((it) => it.x + 14 + it.label.length * 6.6 <= 200 + 12)).toBe(true);
    expect(new Set(l.items.map((it) => it.y)).size).toBeGreaterThan(1);
    expect(legendLayout([], 200).height).toBe(0);
  });
});

describe('annotation marks', () => {
  it('merges events of one kind closer than a few pixels into one counted mark', () => {
    const x = linearScale([0, 100], [0, 100]);
    const notes = [10, 11, 12, 50].map((t) => ({ runId: 'r', tNanos: t, kind: 'rto' as const, text: `at ${t}` }));
    const marks = annotationMarks([...notes, { runId: 'r', tNanos: 11, kind: 'loss', text: 'x' }, { runId: 'r', tNanos: 200, kind: 'loss', text: 'off-screen' }], x);
    expect(marks.map((m) => [m.kind, m.count])).toEqual([['rto', 3], ['loss', 1], ['rto', 1]]);
    expect(marks[0]!.text).toBe('RTO ×3: at 10, …');
  });
});

describe('chart legend of events', () => {
  it('names each kind of event marked on the time axis in the legend band', () => {
    const m = buildChartModel({ def: CHART_DEFS.hostCpu, data: cpuData(10), width: 420, height: 210, zoom: NO_ZOOM, hoverNanos: null });
    expect(m.legend.items.map((i) => i.label)).toEqual(['tcp', 'copy', 'loss']);
    expect(m.legend.items[2]!.key).toBe('note.loss');
  });
});
