import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { createElement } from 'react';
import { CHART_DEFS } from './chart-defs';
import { buildChartModel, type ChartData } from './chart-model';
import { NO_ZOOM } from './chart-math';
import { chartCsv, chartJson, exportFileName } from './export-data';
import { standaloneSvg } from './svg-export';
import { ChartSvgBody } from './ChartSvg';

const data: ChartData = {
  channels: [
    { key: 'latency.p50', chart: 'latency', label: 'p50', unit: 'µs' },
    { key: 'latency.p99', chart: 'latency', label: 'p99, tail', unit: 'µs' },
  ],
  t: [0, 10e6, 20e6],
  cols: [[12.5, 13, Number.NaN], [40, 55.25, 61]],
  annotations: [{ runId: 'offload', tNanos: 10e6, kind: 'pool-exhausted', text: 'tx pool empty' }],
};

describe('chart exports', () => {
  it('writes CSV with a time column in ms, one quoted-when-needed column per series, empty cells for gaps', () => {
    const csv = chartCsv(CHART_DEFS.latency, data);
    expect(csv.split('\r\n')).toEqual([
      'time_ms,p50 (µs),"p99, tail (µs)"',
      '0,12.5,40',
      '10,13,55.25',
      '20,,61',
      '',
    ]);
  });

  it('writes JSON with the series, their units, nulls for gaps and the annotations', () => {
    const j = chartJson(CHART_DEFS.latency, 'offload', data);
    expect(j.timeMs).toEqual([0, 10, 20]);
    expect(j.series[0]).toEqual({ key: 'latency.p50', label: 'p50', unit: 'µs', values: [12.5, 13, null] });
    expect(j.annotations).toEqual([{ timeMs: 10, kind: 'pool-exhausted', text: 'tx pool empty' }]);
    expect(JSON.parse(JSON.stringify(j))).toEqual(j);
  });

  it('names files after the chart and the run', () => {
    expect(exportFileName('hostCpu', 'offload @ 1.2 GHz', 'svg')).toBe('offload-lab-hostCpu-offload-1.2-GHz.svg');
  });

  it('exports an SVG that stands alone and holds the paths, legend and axis labels the chart shows', () => {
    const model = buildChartModel({ def: CHART_DEFS.latency, data, width: 420, height: 210, zoom: NO_ZOOM, hoverNanos: null });
    const inner = renderToStaticMarkup(createElement(ChartSvgBody, { model, unit: 'µs' }));
    const svg = standaloneSvg(inner, 420, 210, 'Latency percentiles (µs), offload');
    expect(svg.startsWith('<?xml')).toBe(true);
    expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(svg).toContain('<title>Latency percentiles (µs), offload</title>');
    expect(svg).not.toContain('var(--');
    for (const s of model.series) expect(svg).toContain(`d="${s.path}"`);
    expect(svg).toContain('>p50</text>');
    expect(svg).toContain('>p99, tail</text>');
    expect(svg).toContain('simulated time (ms)');
    expect(svg).toContain('data-kind="pool-exhausted"');
    expect(svg).toContain('<title>pool exhausted: tx pool empty</title>');
  });
});
