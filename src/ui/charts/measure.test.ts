import { describe, expect, it } from 'vitest';
import { applyOverrides, presetScenario } from '../../scenario';
import { MeasureSession } from './measure-session';
import { MeasureClient } from './measure-client';
import { MetricFeed } from './metric-feed';
import { inProcessMeasureWorker, until } from './testing/measure-worker';

function scenario() {
  const p = presetScenario('2002-gigabit');
  if (!p.ok) throw new Error('preset');
  const s = applyOverrides(p.scenario, ['warmupMs=2', 'durationMs=5', 'sampleIntervalMs=1', 'configurations=native,offload']);
  if (!s.ok) throw new Error(JSON.stringify(s.errors));
  return s.scenario;
}


describe('measurement', () => {
  it('a session hands over each sample row once, across slices, until the end', () => {
    const made = MeasureSession.create(scenario(), null);
    if (!made.ok) throw new Error(made.error);
    let rows = 0;
    let last = made.session.progress;
    while (!last.done) {
      const s = made.session.slice(3000);
      rows += s.a[0]!.samples.t?.length ?? 0;
      expect(s.nowNanos).toBeGreaterThanOrEqual(last.nowNanos);
      last = s;
    }
    expect(rows).toBe(made.session.a.worlds[0]!.metrics.samples.length);
  });

  it('refuses a scenario that does not validate, naming the field', () => {
    const made = MeasureSession.create({ wire: { bandwidthMbps: 0 } }, null);
    expect(made).toEqual({ ok: false, error: 'scenario: wire.bandwidthMbps must be ≥ 1 Mb/s' });
  });

  it('the client measures only the variant, runs only while asked, keeps the lab\'s own runs and stops at the end', async () => {
    const feed = new MetricFeed();
    feed.announce({ runId: 'offload', configuration: 'offload', label: 'offload', sampleIntervalNanos: 1e6, channels: [] });
    const c = new MeasureClient(inProcessMeasureWorker, feed, () => Date.now());
    c.start(scenario(), { label: 'IOP 1.2 GHz', overrides: ['inic.iopClockMHz=1200'] });
    await until(() => c.state.status === 'ready');
    await new Promise((r) => setTimeout(r, 30));
    expect(feed.runs.map((r) => r.info.runId)).toEqual(['offload']);
    c.setRunning(true);
    await until(() => c.state.status === 'done');
    expect(feed.runs.map((r) => r.info.runId)).toEqual(['offload', 'native.B', 'offload.B']);
    expect(feed.summaries.find((s) => s.runId === 'offload.B')!.iopClockHz).toBe(1200e6);
    c.start(scenario(), null);
    expect(c.state.status).toBe('idle');
    expect(feed.runs.map((r) => r.info.runId)).toEqual(['offload']);
    c.dispose();
  });

  it('never runs the variant past the horizon (the lab\'s clock)', async () => {
    const feed = new MetricFeed();
    const c = new MeasureClient(inProcessMeasureWorker, feed, () => Date.now());
    c.setHorizon(1_500_000);
    c.start(scenario(), { label: 'B', overrides: ['inic.iopClockMHz=1200'] });
    c.setRunning(true);
    await until(() => (c.state.progress?.nowNanos ?? 0) >= 1_500_000);
    await new Promise((r) => setTimeout(r, 50));
    expect(c.state.progress?.nowNanos).toBe(1_500_000);
    c.setHorizon(null);
    await until(() => c.state.status === 'done');
    c.dispose();
  });

  it('says why a variant cannot apply and measures nothing beside the lab', () => {
    const feed = new MetricFeed();
    const c = new MeasureClient(inProcessMeasureWorker, feed, () => Date.now());
    c.start(scenario(), { label: 'bad', overrides: ['inic.iopClockMHz=0'] });
    expect(c.state.error).toMatch(/inic.iopClockMHz must be ≥ 10 MHz/);
    expect(c.state.status).toBe('idle');
    c.dispose();
  });
});
