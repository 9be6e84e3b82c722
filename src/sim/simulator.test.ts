import { describe, expect, it } from 'vitest';
import type { EventHandler } from './event-handler';
import { Simulator } from './simulator';
import { nanos, type Nanos } from './units';

/** Records (now, kind, arg) of every event it receives. */
class Log implements EventHandler {
  readonly seen: [number, number, number][] = [];
  onEvent(kind: number, arg: number, _obj: unknown, sim: Simulator): void {
    this.seen.push([sim.now, kind, arg]);
  }
}

const T = (n: number): Nanos => nanos(n);

describe('Simulator', () => {
  it('runs events in time order', () => {
    const sim = new Simulator({ seed: 1 });
    const log = new Log();
    sim.schedule(T(30), log, 3);
    sim.schedule(T(10), log, 1);
    sim.schedule(T(20), log, 2);
    sim.runUntil(T(100));
    expect(log.seen.map((e) => e[1])).toEqual([1, 2, 3]);
    expect(log.seen.map((e) => e[0])).toEqual([10, 20, 30]);
  });

  it('runUntil(t) runs equal-time events in schedule order', () => {
    const sim = new Simulator({ seed: 1 });
    const log = new Log();
    for (let i = 0; i < 50; i++) sim.schedule(T(5), log, 0, i);
    sim.schedule(T(4), log, 0, -1);
    sim.runUntil(T(5));
    expect(log.seen.map((e) => e[2])).toEqual([-1, ...Array.from({ length: 50 }, (_, i) => i)]);
  });

  it('runs an event scheduled for now by a running event after the ones already due now', () => {
    const sim = new Simulator({ seed: 1 });
    const order: string[] = [];
    sim.call(T(10), (s) => {
      order.push('a');
      s.call(s.now, () => order.push('c'));
    });
    sim.call(T(10), () => order.push('b'));
    sim.runUntil(T(10));
    expect(order).toEqual(['a', 'b', 'c']);
  });

  it('passes kind, arg and obj through to the handler', () => {
    const sim = new Simulator({ seed: 1 });
    const got: unknown[] = [];
    const payload = { frame: 1 };
    sim.after(T(7), { onEvent: (k, a, o) => got.push(k, a, o) }, 9, 2.5, payload);
    sim.step();
    expect(got).toEqual([9, 2.5, payload]);
    expect(got[2]).toBe(payload);
  });

  it('cancel() stops an event from running and leaves the others', () => {
    const sim = new Simulator({ seed: 1 });
    const log = new Log();
    const a = sim.schedule(T(1), log, 1);
    sim.schedule(T(2), log, 2);
    sim.cancel(a);
    expect(sim.pending).toBe(1);
    sim.runUntil(T(10));
    expect(log.seen.map((e) => e[1])).toEqual([2]);
  });

  it('a stale id (fired or cancelled) cancels nothing, even after its slot is reused', () => {
    const sim = new Simulator({ seed: 1 });
    const log = new Log();
    const fired = sim.schedule(T(1), log, 1);
    sim.runUntil(T(1));
    const cancelled = sim.schedule(T(2), log, 2);
    sim.cancel(cancelled);
    sim.runUntil(T(2));
    // Both slots are now free; new events reuse them.
    sim.schedule(T(3), log, 3);
    sim.schedule(T(3), log, 4);
    sim.cancel(fired);
    sim.cancel(cancelled);
    sim.cancel(cancelled);
    sim.cancel(123456789);
    sim.cancel(-1);
    expect(sim.pending).toBe(2);
    sim.runUntil(T(3));
    expect(log.seen.map((e) => e[1])).toEqual([1, 3, 4]);
  });

  it('cancelling the event that is running is a no-op', () => {
    const sim = new Simulator({ seed: 1 });
    let id = -1;
    let ran = 0;
    id = sim.call(T(1), (s) => {
      ran++;
      s.cancel(id);
    });
    sim.call(T(2), () => ran++);
    sim.runUntil(T(5));
    expect(ran).toBe(2);
  });

  it('runUntil(t) advances now to t even when no event is pending', () => {
    const sim = new Simulator({ seed: 1 });
    sim.runUntil(T(1000));
    expect(sim.now).toBe(1000);
    sim.call(T(1500), () => undefined);
    sim.runUntil(T(1200));
    expect(sim.now).toBe(1200);
    expect(sim.pending).toBe(1);
  });

  it('runFor stops on the event budget, at until, or when empty, and says which', () => {
    const sim = new Simulator({ seed: 1 });
    const log = new Log();
    for (let i = 1; i <= 10; i++) sim.schedule(T(i * 10), log, i);
    expect(sim.runFor({ maxEvents: 3 })).toEqual({ events: 3, reason: 'budget' });
    expect(sim.now).toBe(30);
    expect(sim.runFor({ until: T(55) })).toEqual({ events: 2, reason: 'until' });
    expect(sim.now).toBe(55);
    expect(sim.runFor({ maxEvents: 2, until: T(1000) })).toEqual({ events: 2, reason: 'budget' });
    expect(sim.now).toBe(70);
    expect(sim.runFor({ until: T(1000) })).toEqual({ events: 3, reason: 'empty' });
    expect(sim.now).toBe(1000);
    expect(sim.runFor({})).toEqual({ events: 0, reason: 'empty' });
    expect(sim.eventsProcessed).toBe(10);
  });

  it('step() runs one event and reports false when none is left', () => {
    const sim = new Simulator({ seed: 1 });
    const log = new Log();
    sim.schedule(T(4), log, 1);
    expect(sim.peekTime()).toBe(4);
    expect(sim.step()).toBe(true);
    expect(sim.now).toBe(4);
    expect(sim.step()).toBe(false);
    expect(sim.peekTime()).toBeUndefined();
  });

  it('peekTime() skips cancelled events', () => {
    const sim = new Simulator({ seed: 1 });
    const log = new Log();
    const a = sim.schedule(T(4), log, 1);
    sim.schedule(T(9), log, 2);
    sim.cancel(a);
    expect(sim.peekTime()).toBe(9);
  });

  it('rejects scheduling in the past or at a fractional time', () => {
    const sim = new Simulator({ seed: 1 });
    const log = new Log();
    sim.runUntil(T(100));
    expect(() => sim.schedule(T(99), log)).toThrow(RangeError);
    expect(() => sim.schedule(100.5 as Nanos, log)).toThrow(RangeError);
    expect(() => sim.schedule(NaN as Nanos, log)).toThrow(RangeError);
    expect(() => sim.runUntil(T(50))).toThrow(RangeError);
    expect(sim.pending).toBe(0);
  });

  it('keeps order through heavy cancellation (the heap compacts itself)', () => {
    const sim = new Simulator({ seed: 1 });
    const fired: number[] = [];
    const h: EventHandler = { onEvent: (_k, a) => fired.push(a) };
    const keep: number[] = [];
    for (let i = 0; i < 20000; i++) {
      const id = sim.schedule(T(1 + ((i * 7919) % 5000)), h, 0, i);
      if (i % 10 === 0) keep.push(i);
      else sim.cancel(id);
    }
    expect(sim.pending).toBe(keep.length);
    sim.runUntil(T(10000));
    const expected = keep.slice().sort((x, y) => ((x * 7919) % 5000) - ((y * 7919) % 5000) || x - y);
    expect(fired).toEqual(expected);
  });
});

describe('Simulator event queue internals', () => {
  it('an event scheduled after runFor stopped at a horizon still runs before later events', () => {
    const sim = new Simulator({ seed: 1 });
    const log = new Log();
    sim.schedule(T(1_000_000), log, 1);
    expect(sim.runFor({ until: T(10) })).toEqual({ events: 0, reason: 'until' });
    sim.schedule(T(500), log, 2);
    sim.schedule(T(500), log, 3);
    sim.schedule(T(20), log, 4);
    sim.runFor({});
    expect(log.seen.map((e) => e[1])).toEqual([4, 2, 3, 1]);
    expect(log.seen.map((e) => e[0])).toEqual([20, 500, 500, 1_000_000]);
  });

  it('orders events across the 32-bit boundary and far into simulated time', () => {
    const sim = new Simulator({ seed: 1 });
    const log = new Log();
    const times = [2 ** 32 + 5, 2 ** 32 - 1, 2 ** 32, 2 ** 45 + 3, 2 ** 52, 7, 2 ** 32 + 5, 2 ** 40];
    times.forEach((t, i) => sim.schedule(T(t), log, i));
    sim.runFor({});
    expect(log.seen.map((e) => e[0])).toEqual([...times].sort((a, b) => a - b));
    // The two events at 2^32 + 5 keep their schedule order.
    expect(log.seen.filter((e) => e[0] === 2 ** 32 + 5).map((e) => e[1])).toEqual([0, 6]);
  });

  it('pending stays exact and memory stays bounded when a timer is re-armed many times', () => {
    const sim = new Simulator({ seed: 1 });
    const log = new Log();
    let id = sim.after(T(200_000_000), log, 1);
    for (let i = 0; i < 50_000; i++) {
      sim.cancel(id);
      id = sim.after(T(200_000_000 + i), log, 1, i);
    }
    expect(sim.pending).toBe(1);
    sim.runFor({});
    expect(log.seen).toEqual([[200_000_000 + 49_999, 1, 49_999]]);
  });
});
