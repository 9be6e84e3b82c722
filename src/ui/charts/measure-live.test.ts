import { describe, expect, it } from 'vitest';
import { applyOverrides, presetScenario } from '../../scenario';
import type { LiveChange } from '../../scenario/run';
import { MeasureClient } from './measure-client';
import type { MeasureLiveChange } from './measure-live';
import { MeasureSession, type MeasureSlice } from './measure-session';
import { MetricFeed } from './metric-feed';
import { inProcessMeasureWorker, until } from './testing/measure-worker';

/** The variant's scenario (B): a short run with independent loss at rate 0, which a live change raises. */
function variantScenario(extra: string[] = []) {
  const p = presetScenario('2002-gigabit');
  if (!p.ok) throw new Error('preset');
  const s = applyOverrides(p.scenario, [
    'warmupMs=1', 'durationMs=8', 'sampleIntervalMs=0.5', 'configurations=native,offload',
    'faults.wire.loss.model=independent', 'faults.wire.loss.rate=0', 'inic.iopClockMHz=1200', ...extra,
  ]);
  if (!s.ok) throw new Error(JSON.stringify(s.errors));
  return s.scenario;
}

const T = 2e6;
const loss: MeasureLiveChange = { nanos: T, path: 'faults.wire.loss.rate', value: 0.05 };

function session(live: readonly MeasureLiveChange[] = [], extra: string[] = []): MeasureSession {
  const made = MeasureSession.create(variantScenario(extra), null, live);
  if (!made.ok) throw new Error(made.error);
  return made.session;
}

/** Everything a session recorded up to `nanos` (advanced there in slices of 1500 events, bounded by the lab's clock). */
function runTo(s: MeasureSession, nanos: number): MeasureSlice {
  while (s.progress.nowNanos < nanos) s.slice(1500, nanos);
  const all = s.rewind(nanos);
  if (typeof all === 'string') throw new Error(all);
  return all;
}

const eventsOf = (slice: MeasureSlice, kind: string) => slice.a.flatMap((p) => (p.events ?? []).filter((e) => e.kind === kind));
const lossAfter = (slice: MeasureSlice, t: number) => slice.a.flatMap((p) => (p.events ?? []).filter((e) => e.kind !== 'live-change' && e.t > t));

describe('the variant follows the lab\'s live changes at the lab\'s instants', () => {
  it('a change applied when B reaches its instant equals a fresh B that replays it there, and is marked on B\'s time axis', () => {
    const live = session();
    runTo(live, T);
    const r = live.setLive([loss], T);
    if (typeof r === 'string') throw new Error(r);
    expect(r.reset).toBe(false);
    expect(eventsOf(r.slice, 'live-change').map((e) => [e.t, e.text])).toEqual([[T, 'loss rate 0 % → 5 %'], [T, 'loss rate 0 % → 5 %']]);
    const after = runTo(live, 6e6);
    expect(after).toEqual(runTo(session([loss]), 6e6));
    // The change did something: losses (and the retransmissions behind them) after it.
    expect(lossAfter(after, T).length).toBeGreaterThan(0);
  });

  it('each of B\'s worlds takes a change at the instant the lab\'s world of its configuration did, as a fresh replay does', () => {
    const apart: MeasureLiveChange = { ...loss, byConfiguration: { native: T, offload: T + 40_000 } };
    const live = session();
    runTo(live, T);
    const r = live.setLive([apart], T);
    if (typeof r === 'string') throw new Error(r);
    expect(r.slice.a.map((p) => [p.configuration, (p.events ?? []).filter((e) => e.kind === 'live-change').map((e) => e.t)])).toEqual([['native', [T]], ['offload', [T + 40_000]]]);
    expect(runTo(live, 5e6)).toEqual(runTo(session([apart]), 5e6));
    expect(runTo(session([apart]), 5e6)).not.toEqual(runTo(session([loss]), 5e6));
  });

  it('a change B is still behind is applied by advancing B to its instant, never past the lab\'s clock', () => {
    const live = session();
    runTo(live, 1e6);
    const r = live.setLive([loss], T);
    if (typeof r === 'string') throw new Error(r);
    expect(r.slice.nowNanos).toBe(T);
    expect(runTo(live, 5e6)).toEqual(runTo(session([loss]), 5e6));
    // The lab's clock behind the change (it was made ahead of where the lab stands now): B waits.
    const waiting = session();
    runTo(waiting, 1e6);
    const w = waiting.setLive([loss], 1.5e6);
    if (typeof w === 'string') throw new Error(w);
    expect(w.slice.nowNanos).toBe(1e6);
  });

  it('before the change\'s instant B is exactly B without it; after it, losses appear that B without it has not', () => {
    expect(runTo(session([loss]), T - 1)).toEqual(runTo(session(), T - 1));
    // At the instant itself: the same but for the change's own mark.
    const at = runTo(session([loss]), T);
    const bare = runTo(session(), T);
    expect(at.a.map((p) => ({ ...p, events: p.events?.filter((e) => e.kind !== 'live-change') }))).toEqual(bare.a);
    expect(eventsOf(at, 'live-change').length).toBe(2);
    const without = runTo(session(), 6e6);
    expect(lossAfter(without, T)).toEqual([]);
    expect(lossAfter(runTo(session([loss]), 6e6), T).length).toBeGreaterThan(0);
  });

  it('rewound before the change and run forward again, B reapplies it at its instant', () => {
    const live = session();
    runTo(live, T);
    if (typeof live.setLive([loss], T) === 'string') throw new Error('live');
    runTo(live, 5e6);
    const back = live.rewind(1.2e6);
    if (typeof back === 'string') throw new Error(back);
    expect(eventsOf(back, 'live-change')).toEqual([]);
    expect(back).toEqual(runTo(session(), 1.2e6));
    expect(runTo(live, 5e6)).toEqual(runTo(session([loss]), 5e6));
  });

  it('a truncated log is honoured: a dropped change B had applied is undone by a replay, one it had not is simply forgotten', () => {
    const applied = session();
    runTo(applied, 3e6);
    if (typeof applied.setLive([{ ...loss, nanos: 3e6 }], 3e6) === 'string') throw new Error('live');
    runTo(applied, 4e6);
    // The lab went back to 1 ms and made another change there: its log is now that change alone.
    const other: MeasureLiveChange = { nanos: 1e6, path: 'faults.wire.loss.rate', value: 0.02 };
    if (typeof applied.rewind(1e6) === 'string') throw new Error('rewind');
    const r = applied.setLive([other], 1e6);
    if (typeof r === 'string') throw new Error(r);
    expect(runTo(applied, 5e6)).toEqual(runTo(session([other]), 5e6));
    // A change past B (the lab had gone back before it) dropped with no change in its place.
    const pending = session([{ ...loss, nanos: 4e6 }]);
    runTo(pending, 2e6);
    const p = pending.setLive([], 2e6);
    if (typeof p === 'string') throw new Error(p);
    expect(p.reset).toBe(false);
    expect(runTo(pending, 6e6)).toEqual(runTo(session(), 6e6));
    // Dropped after B applied it, with the lab's clock still past it (B stood ahead): rebuilt without it.
    const ahead = session([loss]);
    runTo(ahead, 4e6);
    const d = ahead.setLive([], 4e6);
    if (typeof d === 'string') throw new Error(d);
    expect(d.reset).toBe(true);
    expect(d.slice).toEqual(runTo(session(), 4e6));
  });

  it('a change the variant refuses is reported with its reason and B runs on without it', () => {
    const refusing = session([], ['faults.wire.loss.model=gilbert-elliott']);
    runTo(refusing, T);
    const r = refusing.setLive([loss], T);
    if (typeof r === 'string') throw new Error(r);
    expect(r.slice.refused).toEqual([{ index: 0, nanos: T, path: 'faults.wire.loss.rate', message: expect.stringContaining("applies only when faults.wire.loss.model is 'independent'") }]);
    expect(eventsOf(r.slice, 'live-change')).toEqual([]);
    expect(runTo(refusing, 4e6)).toEqual({ ...runTo(session([], ['faults.wire.loss.model=gilbert-elliott']), 4e6), refused: r.slice.refused });
  });
});


/** A lab log entry as the store holds it: the lab's two worlds a little apart, the lab's clock the earlier. */
const labChange = (nanos: number, value: number, path = 'faults.wire.loss.rate'): LiveChange => ({
  path, value, at: [{ events: 1000, nowNanos: nanos }, { events: 1200, nowNanos: nanos + 5000 }],
});

describe('the measure client sends the lab\'s live log to the variant', () => {
  const base = () => {
    const p = presetScenario('2002-gigabit');
    if (!p.ok) throw new Error('preset');
    const s = applyOverrides(p.scenario, ['warmupMs=1', 'durationMs=8', 'sampleIntervalMs=0.5', 'configurations=native,offload', 'faults.wire.loss.model=independent', 'faults.wire.loss.rate=0']);
    if (!s.ok) throw new Error('scenario');
    return s.scenario;
  };
  const notes = (feed: MetricFeed) => feed.annotations.filter((a) => a.runId === 'offload.B' && a.kind === 'live-change');

  it('a change in the lab\'s log is marked on B\'s charts at the lab\'s clock, and a refusal is said, not thrown', async () => {
    const feed = new MetricFeed();
    const c = new MeasureClient(inProcessMeasureWorker, feed, () => Date.now());
    c.start(base(), { label: 'IOP 1.2 GHz', overrides: ['inic.iopClockMHz=1200'] }, [], ['native', 'offload']);
    c.setHorizon(T);
    c.setRunning(true);
    await until(() => c.state.progress?.nowNanos === T);
    c.setLive([labChange(T, 0.05)], ['native', 'offload']);
    await until(() => notes(feed).length === 1);
    // Each of B's worlds where the lab's world of its configuration took it.
    expect(notes(feed)[0]!.tNanos).toBe(T + 5000);
    expect(feed.annotations.filter((a) => a.runId === 'native.B' && a.kind === 'live-change').map((a) => a.tNanos)).toEqual([T]);
    expect(notes(feed)[0]!.text).toContain('loss rate 0 % → 5 %');
    c.setHorizon(5e6);
    await until(() => c.state.progress?.nowNanos === 5e6);
    expect(feed.annotations.some((a) => a.runId === 'offload.B' && a.kind !== 'live-change' && a.tNanos > T)).toBe(true);
    // Truncated (the lab went back to 1 ms and changed its history there): B follows.
    c.setHorizon(1e6);
    c.setLive([], ['native', 'offload']);
    await until(() => c.state.progress?.nowNanos === 1e6);
    c.setHorizon(3e6);
    await until(() => c.state.progress?.nowNanos === 3e6);
    expect(notes(feed)).toEqual([]);
    c.dispose();

    const refused = new MeasureClient(inProcessMeasureWorker, new MetricFeed(), () => Date.now());
    refused.start(base(), { label: 'Gilbert-Elliott loss', overrides: ['faults.wire.loss.model=gilbert-elliott'] });
    refused.setHorizon(1e6);
    refused.setRunning(true);
    await until(() => refused.state.progress?.nowNanos === 1e6);
    refused.setLive([labChange(1e6, 0.05)]);
    await until(() => refused.state.error !== null);
    expect(refused.state.error).toMatch(/^The A\/B variant refused the live change of faults\.wire\.loss\.rate at 1\.000 ms \(.*'independent'.*\); B runs on without it\.$/);
    expect(refused.state.status).not.toBe('failed');
    refused.setHorizon(2e6);
    await until(() => refused.state.progress?.nowNanos === 2e6);
    refused.dispose();
  });
});
