import { describe, expect, it } from 'vitest';
import type { RunConfiguration, RunStreamInfo } from '../model-data';
import { chartRows } from './chart-rows';
import { inGroup } from './chart-groups';
import { MetricFeed } from './metric-feed';

const info = (runId: RunConfiguration): RunStreamInfo => ({
  runId, configuration: runId, label: runId, sampleIntervalNanos: 1e6,
  channels: [
    { key: 'goodput.goodput', chart: 'goodput', label: 'goodput', unit: 'Mb/s' },
    { key: 'hostCpu.tcp', chart: 'hostCpu', label: 'tcp', unit: '%' },
  ],
});

function feed(): MetricFeed {
  const f = new MetricFeed();
  for (const id of ['native', 'offload'] as const) {
    f.announce(info(id));
    f.append({ runId: id, tNanos: [1e6, 2e6, 3e6], values: [[900, 940, 950], [30, 34, 35]] });
  }
  return f;
}

describe('chart rows', () => {
  it('gives one row per chart some run has data for, one card per run', () => {
    const f = feed();
    const rows = chartRows(f.runs, (r) => r.ring.snapshot(), f.annotations);
    expect(rows.map((r) => r.def.id)).toEqual(['hostCpu', 'goodput']);
    expect(rows[0]!.cells.map((c) => c.runId)).toEqual(['native', 'offload']);
  });

  it('computes only the charts of the shown group and copies no samples for the others', () => {
    const f = feed();
    const copied: string[] = [];
    const rows = chartRows(f.runs, (r) => { copied.push(r.info.runId); return r.ring.snapshot(); }, f.annotations, (id) => inGroup('throughput', id));
    expect(rows.map((r) => r.def.id)).toEqual(['goodput']);
    const none = chartRows(f.runs, (r) => { copied.push(`x.${r.info.runId}`); return r.ring.snapshot(); }, f.annotations, () => false);
    expect(none).toEqual([]);
    expect(copied.filter((c) => c.startsWith('x.'))).toEqual([]);
  });
});
