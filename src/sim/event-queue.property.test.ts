import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EventHandler } from './event-handler';
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
