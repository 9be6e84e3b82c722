import { describe, expect, it } from 'vitest';
import { applyOverrides, presetScenario } from '../../scenario';
import { MeasureClient } from './measure-client';
import { MeasureSession } from './measure-session';
import { MetricFeed } from './metric-feed';
import { inProcessMeasureWorker, until } from './testing/measure-worker';

function scenario() {
  const p = presetScenario('2002-gigabit');
  if (!p.ok) throw new Error('preset');
  const s = applyOverrides(p.scenario, ['warmupMs=1', 'durationMs=6', 'sampleIntervalMs=0.5', 'configurations=native,offload']);
  if (!s.ok) throw new Error(JSON.stringify(s.errors));
  return s.scenario;
}

const variant = { label: 'IOP 1.2 GHz', overrides: ['inic.iopClockMHz=1200'] };


function variantScenario() {
  const r = applyOverrides(scenario(), variant.overrides);
  if (!r.ok) throw new Error('variant');
  return r.scenario;
}

/** Sample times of a run in the feed. */
const times = (feed: MetricFeed, runId: string) => Array.from(feed.run(runId)!.ring.snapshot().t);

describe('the variant follows the lab back in time', () => {
  it('a session rewound to an instant holds exactly what a fresh session run to that instant holds', () => {
    const made = MeasureSession.create(variantScenario(), null);
    const fresh = MeasureSession.create(variantScenario(), null);
    if (!made.ok || !fresh.ok) throw new Error('session');
    while (made.session.progress.nowNanos < 4e6) made.session.slice(2000, 4e6);
    const back = made.session.rewind(1.5e6);
    const ref = fresh.session.rewind(1.5e6);
    if (typeof back === 'string' || typeof ref === 'string') throw new Error('rewind');
    expect(back.nowNanos).toBe(1.5e6);
    expect(back).toEqual(ref);
    expect(back.a[0]!.samples.t!.length).toBeGreaterThan(0);
    for (const t of Array.from(back.a[0]!.samples.t!)) expect(t).toBeLessThanOrEqual(1.5e6);
  });

  it('when the lab\'s clock goes back, the client rewinds the variant to it and its charts restart from there', async () => {
    const feed = new MetricFeed();
    const c = new MeasureClient(inProcessMeasureWorker, feed, () => Date.now());
    c.start(scenario(), variant);
    c.setHorizon(4e6);
    c.setRunning(true);
    await until(() => c.state.progress?.nowNanos === 4e6);
    const ahead = times(feed, 'offload.B');
    expect(ahead[ahead.length - 1]).toBeGreaterThan(2e6);
    // Back (or the scrubber): the lab is now at 1.7 ms.
    c.setHorizon(1.7e6);
    await until(() => c.state.progress?.nowNanos === 1.7e6);
    const back = times(feed, 'offload.B');
    expect(back.length).toBeGreaterThan(0);
    expect(back.length).toBeLessThan(ahead.length);
    expect(back).toEqual(ahead.filter((t) => t <= 1.7e6));
    // Forward again with the lab: B runs on from there, never past it.
    c.setHorizon(3e6);
    await until(() => c.state.progress?.nowNanos === 3e6);
    expect(times(feed, 'offload.B')).toEqual(ahead.filter((t) => t <= 3e6));
    c.dispose();
  });
});
