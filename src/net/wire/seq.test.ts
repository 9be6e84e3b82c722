import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { seq, seqAdd, seqDiff, seqGe, seqGt, seqInWindow, seqLe, seqLt, seqMax, seqMin } from './seq';

describe('32-bit sequence arithmetic (RFC 9293 section 3.4)', () => {
  it('wraps addition at 2^32', () => {
    expect(seqAdd(seq(0xffffffff), 1)).toBe(0);
    expect(seqAdd(seq(0xfffffff0), 0x20)).toBe(0x10);
    expect(seqAdd(seq(5), -10)).toBe(0xfffffffb);
    expect(seq(-1)).toBe(0xffffffff);
    expect(seq(2 ** 32 + 7)).toBe(7);
  });

  it('orders numbers across the wrap: 0xfffffff0 comes before 0x10', () => {
    const before = seq(0xfffffff0);
    const after = seq(0x10);
    expect(seqLt(before, after)).toBe(true);
    expect(seqGt(after, before)).toBe(true);
    expect(seqLe(before, before)).toBe(true);
    expect(seqGe(after, after)).toBe(true);
    expect(seqDiff(after, before)).toBe(0x20);
    expect(seqDiff(before, after)).toBe(-0x20);
    expect(seqMax(before, after)).toBe(after);
    expect(seqMin(before, after)).toBe(before);
  });

  it('tests windows that straddle the wrap', () => {
    const lo = seq(0xffffff00);
    const hi = seqAdd(lo, 0x200);
    expect(seqInWindow(seq(0xffffffff), lo, hi)).toBe(true);
    expect(seqInWindow(seq(0), lo, hi)).toBe(true);
    expect(seqInWindow(seq(0xff), lo, hi)).toBe(true);
    expect(seqInWindow(hi, lo, hi)).toBe(false);
    expect(seqInWindow(seq(0xfffffeff), lo, hi)).toBe(false);
  });

  it('agrees with unbounded arithmetic for any base and distances under 2^31', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: -(2 ** 31) + 1, max: 2 ** 31 - 1 }), (base, d) => {
        const a = seq(base);
        const b = seqAdd(a, d);
        expect(seqDiff(b, a)).toBe(d);
        expect(seqLt(a, b)).toBe(d > 0);
        expect(seqGt(a, b)).toBe(d < 0);
        expect(seqLe(a, b)).toBe(d >= 0);
      }),
    );
  });
});
