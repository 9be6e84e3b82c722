// The real-time driver: the simulation's clock follows the wall clock, events
// run no earlier than their wall instant, and a stopped driver runs nothing.
import { describe, expect, it } from 'vitest';
import { Simulator } from '../../sim';
import { millis } from '../../sim/units';
import type { Nanos } from '../../sim/units';
import { RealtimeDriver } from './realtime-driver';

/** A wall clock a test moves by hand. */
function manualClock(): { now: bigint; read: () => bigint } {
  const c = { now: 1_000_000_000n, read: () => c.now };
  return c;
}

describe('RealtimeDriver', () => {
  it('catchUp runs the events due by the wall clock and none that are later', () => {
    const sim = new Simulator({ seed: 1 });
    const clock = manualClock();
    const fired: number[] = [];
    for (const ms of [1, 5, 9]) sim.call(millis(ms), (s) => fired.push(s.now));
    const d = new RealtimeDriver(sim, { wallClock: clock.read, autoTick: false });
    d.start();
    clock.now += 6_000_000n;
    expect(d.catchUp()).toBe(true);
    expect(fired).toEqual([millis(1), millis(5)]);
    expect(sim.now).toBe(millis(6));
    clock.now += 10_000_000n;
    d.catchUp();
    expect(fired).toEqual([millis(1), millis(5), millis(9)]);
    expect(sim.now).toBe(millis(16));
  });

  it('catchUp stops after a slice of events when the model lags, and finishes on the next call', () => {
    const sim = new Simulator({ seed: 1 });
    const clock = manualClock();
    let count = 0;
    for (let i = 0; i < 10; i++) sim.call(millis(1), () => { count += 1; });
    const d = new RealtimeDriver(sim, { wallClock: clock.read, sliceEvents: 4, autoTick: false });
    d.start();
    clock.now += 2_000_000n;
    expect(d.catchUp()).toBe(false);
    expect(count).toBe(4);
    d.catchUp();
    d.catchUp();
    expect(count).toBe(10);
  });

  it('fires a timer no earlier than its wall instant when left to run by itself', async () => {
    const sim = new Simulator({ seed: 1 });
    const t0 = process.hrtime.bigint();
    let firedAtWall = -1n;
    let firedAtSim = -1 as number;
    sim.call(millis(30) as Nanos, (s) => { firedAtWall = process.hrtime.bigint() - t0; firedAtSim = s.now; });
    const d = new RealtimeDriver(sim);
    d.start();
    // Wait for the timer rather than a fixed time: on a loaded machine the
    // driver's ticks may come late, but never early.
    for (let waited = 0; firedAtWall < 0n && waited < 5000; waited += 10) await new Promise((r) => setTimeout(r, 10));
    d.stop();
    expect(firedAtSim).toBe(millis(30));
    expect(firedAtWall).toBeGreaterThanOrEqual(30_000_000n);
    expect(sim.now).toBeGreaterThanOrEqual(millis(30));
  });

  it('runs nothing once stopped', async () => {
    const sim = new Simulator({ seed: 1 });
    let fired = false;
    sim.call(millis(20), () => { fired = true; });
    const d = new RealtimeDriver(sim);
    d.start();
    d.stop();
    await new Promise((r) => setTimeout(r, 60));
    expect(fired).toBe(false);
  });
});
