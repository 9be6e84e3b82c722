// The Run: configurations side by side on one clock, deterministic in (scenario,
// seed), advanced to a time, in event-budget slices, or one event at a time.
import { describe, expect, it } from 'vitest';
import type { Nanos } from '../../sim';
import { CaptureRing } from '../world';
import { readPcapng } from '../../net/wire';
import { PcapngCapture } from '../world';
import { createRun } from './create';
import { runResults } from './results';
import { scenarioOf } from './testing';

const base = () => scenarioOf('2002-gigabit', ['warmupMs=1', 'durationMs=4']);

function mustRun(configurations: ('native' | 'stateless' | 'offload')[] = ['native', 'offload']) {
  const r = createRun(base(), { configurations });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.run;
}

describe('Run', () => {
  it('gives every configuration its own simulator seeded alike and runs them to the same end', () => {
    const run = mustRun();
    expect(run.worlds.map((w) => w.configuration)).toEqual(['native', 'offload']);
    expect(run.worlds[0]!.sim).not.toBe(run.worlds[1]!.sim);
    run.runToEnd();
    expect(run.done).toBe(true);
    for (const w of run.worlds) expect(w.sim.now).toBe(run.end);
  });

  it('is a pure function of scenario and seed: two runs give identical results, another seed differs', () => {
    const a = mustRun();
    const b = mustRun();
    a.runToEnd();
    b.runToEnd();
    expect(JSON.stringify(runResults(a))).toBe(JSON.stringify(runResults(b)));
    const other = createRun(scenarioOf('2002-gigabit', ['warmupMs=1', 'durationMs=4', 'seed=99', 'faults.wire.loss.model=independent', 'faults.wire.loss.rate=0.02']), { configurations: ['native'] });
    const same = createRun(scenarioOf('2002-gigabit', ['warmupMs=1', 'durationMs=4', 'seed=1', 'faults.wire.loss.model=independent', 'faults.wire.loss.rate=0.02']), { configurations: ['native'] });
    if (!other.ok || !same.ok) throw new Error('set-up');
    other.run.runToEnd();
    same.run.runToEnd();
    expect(runResults(other.run).configurations[0]!.simEvents).not.toBe(runResults(same.run).configurations[0]!.simEvents);
  });

  it('advanceTo brings every world to the same time', () => {
    const run = mustRun(['native', 'stateless', 'offload']);
    run.advanceTo(1_234_567 as Nanos);
    for (const w of run.worlds) expect(w.sim.now).toBe(1_234_567);
    expect(run.now).toBe(1_234_567);
  });

  it('runFor splits an event budget between the worlds and keeps them within one quantum of each other', () => {
    const run = mustRun();
    const r = run.runFor({ maxEvents: 5000 });
    expect(r.events).toBeLessThanOrEqual(5000);
    expect(r.events).toBeGreaterThan(4000);
    const [a, b] = run.worlds.map((w) => w.sim.eventsProcessed);
    console.log(`events after one 5000-event slice: native ${a}, offload ${b}, clocks ${run.worlds.map((w) => w.sim.now).join(', ')} ns`);
    expect(Math.abs(run.worlds[0]!.sim.now - run.worlds[1]!.sim.now)).toBeLessThanOrEqual(run.quantum);
  });

  it('step runs the earliest event across worlds, so the run clock never goes back', () => {
    const run = mustRun();
    let last = run.now;
    for (let i = 0; i < 2000; i++) {
      expect(run.step()).toBe(true);
      expect(run.now).toBeGreaterThanOrEqual(last);
      last = run.now;
    }
    const [a, b] = run.worlds.map((w) => w.sim.now);
    expect(Math.max(a!, b!) - Math.min(a!, b!)).toBeLessThan(1_000_000);
  });

  it('samples metrics every sampleInterval into typed columns', () => {
    const r = createRun(scenarioOf('2002-gigabit', ['warmupMs=1', 'durationMs=4', 'sampleIntervalMs=0.01']), { configurations: ['native'] });
    if (!r.ok) throw new Error('set-up');
    const run = r.run;
    run.runToEnd();
    const m = run.worlds[0]!.metrics;
    const t = m.samples.get('t');
    expect(t.length).toBe(400);
    expect(t[1]! - t[0]!).toBe(10_000);
    const g = m.samples.get('goodputBps');
    expect(Math.max(...g)).toBeGreaterThan(5e8);
    expect(m.connections.size).toBeGreaterThan(0);
  });

  it('captures the wire into a ring and into pcapng that the reader parses (I2O frames on their own interface)', () => {
    const ring = new CaptureRing(1000);
    const r1 = createRun(base(), { configurations: ['native'], capture: ring });
    if (!r1.ok) throw new Error('set-up');
    r1.run.advanceTo(500_000 as Nanos);
    const frames = ring.frames();
    expect(frames.length).toBeGreaterThan(10);
    expect(frames.some((f) => f.source === 'peer->server')).toBe(true);
    const pcap = new PcapngCapture('test');
    const r2 = createRun(base(), { configurations: ['offload'], capture: pcap });
    if (!r2.ok) throw new Error('set-up');
    r2.run.advanceTo(500_000 as Nanos);
    const file = readPcapng(pcap.flush());
    if ('wireError' in file) throw new Error(JSON.stringify(file));
    console.log(`pcapng: ${file.packets.length} packets on ${file.interfaces.length} interfaces`);
    expect(file.interfaces.length).toBe(2);
    expect(file.packets.some((p) => p.interfaceId === 1)).toBe(true);
    expect(file.packets.some((p) => p.interfaceId === 0)).toBe(true);
  });
});

describe('metricsSince', () => {
  it('hands out each sample row and event once, in slices as the run goes on', async () => {
    const { metricsSince, newCursor } = await import('./updates');
    const r = createRun(scenarioOf('2002-gigabit', ['warmupMs=1', 'durationMs=4', 'sampleIntervalMs=0.5']), { configurations: ['native', 'offload'] });
    if (!r.ok) throw new Error('set-up');
    const cursor = newCursor(r.run);
    r.run.advanceTo(2_000_000 as Nanos);
    const a = metricsSince(r.run, cursor);
    r.run.runToEnd();
    const b = metricsSince(r.run, cursor);
    const c = metricsSince(r.run, cursor);
    expect(a[0]!.columns.t!.length).toBe(4);
    expect(b[0]!.columns.t!.length).toBe(4);
    expect(c[1]!.columns.t!.length).toBe(0);
    expect(Array.from(b[0]!.columns.t!)).toEqual([2_500_000, 3_000_000, 3_500_000, 4_000_000]);
    expect(a[1]!.connections.length).toBeGreaterThan(0);
  });
});

describe('createRun errors', () => {
  it('names the path when a scenario asks for what the model cannot build', () => {
    const r = createRun(scenarioOf('2002-gigabit', ['peer.count=3']));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.path).toBe('peer.count');
  });
});
