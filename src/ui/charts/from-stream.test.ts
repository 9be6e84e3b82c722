// Drives a short real run of the machine model (src/scenario) through the adapter into
// the feed, as the simulation worker's replies would, and checks what the charts and
// the headline get against the model's own figures.
import { beforeAll, describe, expect, it } from 'vitest';
import { applyOverrides, createRun, presetScenario, type Run, type Scenario } from '../../scenario';
import { configFigures } from '../headline/savings';
import { chartRows } from './chart-rows';
import { feedStream, type MetricStreamPart } from './from-stream';
import { MetricFeed } from './metric-feed';

let scenario: Scenario;
let run: Run;

function parts(r: Run, from: number): MetricStreamPart[] {
  return r.worlds.map((w) => ({
    configuration: w.configuration,
    samples: w.metrics.samples.slice(from),
    summary: { ...w.metrics.summary() },
    events: w.metrics.events.filter((e) => e.t > (from === 0 ? -1 : w.metrics.samples.get('t')[from - 1]!)),
    connections: [...w.metrics.connections.values()].map((c) => ({ label: c.label, samples: c.series.slice(0) })),
  }));
}

beforeAll(() => {
  const p = presetScenario('2002-gigabit');
  if (!p.ok) throw new Error('preset');
  const s = applyOverrides(p.scenario, ['warmupMs=4', 'durationMs=12', 'sampleIntervalMs=1', 'configurations=native,offload']);
  if (!s.ok) throw new Error(JSON.stringify(s.errors));
  scenario = s.scenario;
  const r = createRun(scenario);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  run = r.run;
});

describe('metrics from the model into the charts', () => {
  it('announces a run per configuration and appends rows slice by slice', () => {
    const feed = new MetricFeed();
    run.advanceTo(6e6 as never);
    const half = run.worlds[0]!.metrics.samples.length;
    feedStream(feed, parts(run, 0), true, { scenario });
    expect(feed.runs.map((r) => r.info.runId)).toEqual(['native', 'offload']);
    expect(feed.run('native')!.ring.size).toBe(half);
    run.advanceTo(run.end);
    feedStream(feed, parts(run, half), false, { scenario });
    expect(feed.run('native')!.ring.size).toBe(run.worlds[0]!.metrics.samples.length);
    const t = feed.run('native')!.ring.snapshot().t;
    expect(Array.from(t)).toEqual(Array.from(run.worlds[0]!.metrics.samples.get('t')));

    const rows = chartRows(feed.runs, (r) => r.ring.snapshot(), feed.annotations);
    const ids = rows.map((r) => r.def.id);
    expect(ids).toEqual(expect.arrayContaining(['hostCpu', 'iopCpu', 'goodput', 'interrupts', 'cwnd', 'i2oMessages', 'busUtilization']));
    expect(rows.find((r) => r.def.id === 'iopCpu')!.cells.map((c) => c.runId)).toEqual(['offload']);
    const host = rows.find((r) => r.def.id === 'hostCpu')!;
    const native = host.cells.find((c) => c.runId === 'native')!;
    // Host CPU in % by category equals the model's utilization columns × 100.
    const copy = native.data.channels.findIndex((c) => c.label === 'copy');
    expect(copy).toBeGreaterThanOrEqual(0);
    const model = run.worlds[0]!.metrics.samples.get('host.copy');
    expect(native.data.cols[copy]![5]).toBeCloseTo(model[5]! * 100, 9);
    const goodput = rows.find((r) => r.def.id === 'goodput')!.cells[0]!.data;
    expect(goodput.cols[0]![8]).toBeCloseTo(run.worlds[0]!.metrics.samples.get('goodputBps')[8]! / 1e6, 9);
  });

  it('gives the headline the same figures as the model\'s summary (what the CLI prints)', () => {
    const feed = new MetricFeed();
    feedStream(feed, parts(run, 0), true, { scenario });
    for (const w of run.worlds) {
      const m = w.metrics.summary();
      const f = configFigures(feed.summaries.find((s) => s.runId === w.configuration)!);
      expect(f.cyclesPerByte).toBeCloseTo(m.cyclesPerByte, 9);
      expect(f.hostUtilization).toBeCloseTo(m.hostCpuUtil, 9);
      expect(f.serviceDemandUsPerKB).toBeCloseTo(m.serviceDemandUsPerKB, 9);
      expect(f.goodputBitsPerSecond).toBeCloseTo(m.goodputBps, 3);
      if (w.configuration === 'offload') expect(f.iopUtilization).toBeCloseTo(m.iopUtil, 9);
    }
  });

  it('keeps an A/B variant\'s runs apart under their own ids and labels', () => {
    const feed = new MetricFeed();
    feedStream(feed, parts(run, 0), true, { scenario });
    feedStream(feed, parts(run, 0), true, { scenario, variant: { id: 'B', label: 'IOP 1.2 GHz' } });
    expect(feed.runs.map((r) => `${r.info.runId}:${r.info.label}`)).toEqual([
      'native:native', 'offload:offload', 'native.B:native (IOP 1.2 GHz)', 'offload.B:offload (IOP 1.2 GHz)',
    ]);
  });
});

describe('unbounded series', () => {
  it('lists an ssthresh that is still unbounded (no loss yet) without drawing it', () => {
    const feed = new MetricFeed();
    feedStream(feed, parts(run, 0), true, { scenario });
    const rows = chartRows(feed.runs, (r) => r.ring.snapshot(), feed.annotations);
    const ss = rows.find((r) => r.def.id === 'ssthresh');
    expect(ss?.cells.map((c) => c.runId)).toEqual(['native', 'offload']);
  });
});

describe('a live change on the time axis', () => {
  it('becomes a live-change annotation that says what changed and when', () => {
    const r = createRun(scenario);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const live = r.run;
    live.advanceTo(3e6 as never);
    for (const [path, value] of [['faults.wire.loss.model', 'independent'], ['faults.wire.loss.rate', 0.02]] as const) {
      const applied = live.applyLive(path, value);
      if (!applied.ok) throw new Error(applied.error.message);
    }
    live.advanceTo(5e6 as never);
    const feed = new MetricFeed();
    const withChanges = parts(live, 0).map((p, i) => ({
      ...p,
      events: [...(p.events ?? []), ...live.appliedChanges[i]!.map((c) => ({ t: c.t, kind: 'live-change', count: 1, text: c.label }))],
    }));
    feedStream(feed, withChanges, true, { scenario });
    const notes = feed.annotations.filter((n) => n.kind === 'live-change');
    expect(notes.map((n) => n.runId)).toEqual(['native', 'native', 'offload', 'offload']);
    expect(notes[1]!.tNanos).toBe(live.appliedChanges[0]![1]!.t);
    expect(notes[1]!.text).toContain(live.appliedChanges[0]![1]!.label);
    expect(notes[0]!.text).toMatch(/ at 3\.\d{3} ms$/);
  });
});
