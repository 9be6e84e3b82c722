// The latency histogram: percentiles within 1/128 of an exact sort, exact for
// small values, and NaN when empty.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Histogram } from './histogram';

function exact(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.max(0, Math.ceil(q * s.length) - 1)]!;
}

describe('Histogram', () => {
  it('reads percentiles within 0.8% of the exact order statistic', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 2 ** 40 }), { minLength: 1, maxLength: 400 }), fc.constantFrom(0.5, 0.9, 0.99), (xs, q) => {
      const h = new Histogram();
      for (const x of xs) h.record(x);
      const want = exact(xs, q);
      const got = h.percentile(q);
      expect(Math.abs(got - want)).toBeLessThanOrEqual(Math.max(0.5, want / 128));
    }));
  });

  it('is exact below 64 and keeps count, mean, min and max', () => {
    const h = new Histogram();
    for (const v of [3, 7, 7, 50, 63]) h.record(v);
    expect(h.percentile(0.5)).toBe(7);
    expect(h.percentile(0.99)).toBe(63);
    expect(h.count).toBe(5);
    expect(h.mean).toBeCloseTo(26, 10);
    expect([h.min, h.max]).toEqual([3, 63]);
  });

  it('gives NaN when empty and starts over after reset', () => {
    const h = new Histogram();
    expect(h.percentile(0.5)).toBeNaN();
    h.record(1000);
    h.reset();
    expect(h.count).toBe(0);
    expect(h.percentile(0.9)).toBeNaN();
  });
});
