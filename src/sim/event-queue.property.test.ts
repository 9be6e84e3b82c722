import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EventHandler } from './event-handler';
import { Xoshiro128ss } from './rng';
import { Simulator } from './simulator';
import type { Nanos } from './units';

type Op =
  | { op: 'schedule'; delay: number }
  | { op: 'cancel'; pick: number }
  | { op: 'step' }
  | { op: 'runFor'; until: number; max: number };

// Delays from equal times to beyond 2^32 ns, so that every level of the wheel,
// the 32-bit boundary and the early heap (scheduling after runFor stopped at a
// horizon) are exercised.
const delayArb = fc.oneof(
  fc.integer({ min: 0, max: 3 }),
  fc.integer({ min: 0, max: 300 }),
  fc.integer({ min: 0, max: 1e6 }),
  fc.integer({ min: 0, max: 2 ** 34 }),
  fc.integer({ min: 0, max: 2 ** 50 }),
);

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ op: fc.constant('schedule' as const), delay: delayArb }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('cancel' as const), pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('step' as const) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('runFor' as const), until: delayArb, max: fc.integer({ min: 0, max: 5 }) }) },
);

describe('event queue (property)', () => {
  it('random schedule/cancel/step sequences dispatch in (time, seq) order and run exactly the events not cancelled', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 300 }), (ops) => {
        const sim = new Simulator({ seed: 0 });
        const fired: { time: number; seq: number }[] = [];
        const h: EventHandler = { onEvent: (_k, seq, _o, s) => fired.push({ time: s.now, seq }) };
        const ids: number[] = [];
        const time: number[] = [];
        const live = new Set<number>();
        for (const o of ops) {
          if (o.op === 'schedule') {
            const seq = ids.length;
            time.push(sim.now + o.delay);
            ids.push(sim.after(o.delay as Nanos, h, 0, seq));
            live.add(seq);
          } else if (o.op === 'cancel' && ids.length > 0) {
            const seq = o.pick % ids.length;
            sim.cancel(ids[seq]!);
            live.delete(seq);
          } else if (o.op === 'step') {
            const before = fired.length;
            if (sim.step()) live.delete(fired[before]!.seq);
          } else if (o.op === 'runFor') {
            const before = fired.length;
            const target = sim.now + o.until;
            sim.runFor({ until: target as Nanos, maxEvents: o.max });
            for (const f of fired.slice(before)) live.delete(f.seq);
            expect(sim.now).toBeLessThanOrEqual(target);
          }
          expect(sim.pending).toBe(live.size);
        }
        const stepped = fired.length;
        sim.runFor({});
        // Everything not cancelled fired exactly once; nothing cancelled fired.
        const seqs = fired.map((f) => f.seq);
        expect(new Set(seqs).size).toBe(seqs.length);
        for (const s of live) expect(seqs.slice(stepped)).toContain(s);
        expect(fired.length - stepped).toBe(live.size);
        // Each firing happened at its scheduled time, in non-decreasing (time, seq) order.
        for (let i = 0; i < fired.length; i++) {
          const f = fired[i]!;
          expect(f.time).toBe(time[f.seq]);
          if (i > 0) {
            const p = fired[i - 1]!;
            expect(p.time < f.time || (p.time === f.time && p.seq < f.seq)).toBe(true);
          }
        }
      }),
      { numRuns: 400, seed: 20261125 },
    );
  });
});

describe('event queue against a reference model (long random runs)', () => {
  it('matches a sorted-list model through sweeps, horizons and peeks over 20,000 operations', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), (seed) => {
        const rng = Xoshiro128ss.fromSeed(seed);
        const sim = new Simulator({ seed });
        const fired: number[] = [];
        const h: EventHandler = { onEvent: (_k, seq) => fired.push(seq) };
        // Model: live events as (time, seq), and the order they must fire in.
        const model = new Map<number, number>();
        const ids: number[] = [];
        const expected: number[] = [];
        const fireModelUpTo = (t: number, max: number): void => {
          const due = [...model.entries()].filter(([, time]) => time <= t).sort((a, b) => a[1] - b[1] || a[0] - b[0]);
          for (const [seq] of due.slice(0, max)) {
            expected.push(seq);
            model.delete(seq);
          }
        };
        for (let i = 0; i < 20000; i++) {
          const r = rng.next();
          if (r < 0.55) {
            const scale = [4, 300, 70000, 2 ** 33][rng.int(0, 4)]!;
            const at = sim.now + rng.int(0, scale);
            const seq = ids.length;
            ids.push(sim.schedule(at as Nanos, h, 0, seq));
            model.set(seq, at);
          } else if (r < 0.9) {
            // Cancel a recent id (often still pending) or an old one (often fired).
            const seq = rng.bernoulli(0.8) ? Math.max(0, ids.length - 1 - rng.int(0, 64)) : rng.int(0, Math.max(1, ids.length));
            if (seq < ids.length) {
              sim.cancel(ids[seq]!);
              model.delete(seq);
            }
          } else if (r < 0.905) {
            // A timer re-armed many times: piles up cancelled entries until a sweep.
            let seq = ids.length;
            let at = sim.now + rng.int(0, 2 ** 30);
            ids.push(sim.schedule(at as Nanos, h, 0, seq));
            model.set(seq, at);
            for (let k = 0; k < 300; k++) {
              sim.cancel(ids[seq]!);
              model.delete(seq);
              seq = ids.length;
              at = sim.now + rng.int(0, 2 ** 30);
              ids.push(sim.schedule(at as Nanos, h, 0, seq));
              model.set(seq, at);
            }
          } else if (r < 0.97) {
            const max = rng.int(0, 20);
            const before = fired.length;
            sim.runFor({ maxEvents: max });
            // The events run are the first `max` of the model's order, whatever their time.
            fireModelUpTo(Infinity, fired.length - before);
          } else {
            const until = sim.now + rng.int(0, 5000);
            const next = sim.peekTime();
            const modelNext = model.size === 0 ? undefined : Math.min(...model.values());
            if (next !== modelNext) return false;
            sim.runFor({ until: until as Nanos });
            fireModelUpTo(until, Infinity);
          }
          if (sim.pending !== model.size) return false;
        }
        sim.runFor({});
        fireModelUpTo(Infinity, Infinity);
        expect(fired).toEqual(expected);
        return true;
      }),
      { numRuns: 6, seed: 7 },
    );
  });
});
