import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { shareEqual } from './structural-share';

const figures = (now: number, busy: number) => ({
  figures: { nowNanos: now, endNanos: 1000, processors: [{ name: 'host', busyNanos: busy }, { name: 'iop', busyNanos: 7 }] },
  eventsPerSecond: null as number | null,
  utilizationRecent: [0.5, 0.25],
});

describe('shareEqual', () => {
  it('returns the previous value itself when nothing changed, so nothing is published', () => {
    const prev = figures(10, 3);
    expect(shareEqual(prev, figures(10, 3))).toBe(prev);
  });

  it('keeps the unchanged parts of the previous value and takes the changed ones from the new', () => {
    const prev = figures(10, 3);
    const next = figures(20, 3);
    const out = shareEqual(prev, next);
    expect(out).not.toBe(prev);
    expect(out).toEqual(next);
    expect(out.figures.processors).toBe(prev.figures.processors);
    expect(out.utilizationRecent).toBe(prev.utilizationRecent);
    expect(out.figures.nowNanos).toBe(20);
  });

  it('shares the elements of an array that stayed while another changed', () => {
    const prev = figures(10, 3);
    const out = shareEqual(prev, figures(10, 4));
    expect(out.figures.processors).not.toBe(prev.figures.processors);
    expect(out.figures.processors[1]).toBe(prev.figures.processors[1]);
    expect(out.figures.processors[0]!.busyNanos).toBe(4);
  });

  it('notices a key that appeared, vanished, or an array that grew', () => {
    const a: Record<string, number> = { x: 1 };
    expect(shareEqual(a, { x: 1, y: 2 })).toEqual({ x: 1, y: 2 });
    expect(shareEqual({ x: 1, y: 2 } as Record<string, number>, { x: 1 })).toEqual({ x: 1 });
    expect(shareEqual([1, 2], [1, 2, 3])).toEqual([1, 2, 3]);
    expect(shareEqual([1, 2, 3], [1, 2])).toEqual([1, 2]);
    expect(shareEqual<unknown>(null, { x: 1 })).toEqual({ x: 1 });
  });

  it('always returns a value deeply equal to the new one, and the old one exactly when they are equal', () => {
    const json = fc.jsonValue({ maxDepth: 3 });
    fc.assert(fc.property(json, json, (a, b) => {
      const out = shareEqual(a, b);
      expect(out).toStrictEqual(b);
      const equal = JSON.stringify(a) === JSON.stringify(b) || Object.is(a, b);
      if (out === a) expect(equal || Object.is(a, b)).toBe(true);
    }));
    fc.assert(fc.property(json, (a) => {
      expect(shareEqual(a, structuredClone(a))).toBe(a);
    }));
  });
});
