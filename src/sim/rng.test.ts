import { describe, expect, it } from 'vitest';
import { fmix32, fnv1a32, RngStreams, Xoshiro128ss } from './rng';

describe('xoshiro128**', () => {
  it('matches the reference implementation (v1.1) from state {1, 2, 3, 4}', () => {
    // Published in rust-random/rngs, rand_xoshiro/src/xoshiro128starstar.rs, test
    // `reference`: "These values were produced with the reference implementation
    // (v1.1): http://xoshiro.di.unimi.it/xoshiro128starstar.c".
    const r = new Xoshiro128ss(1, 2, 3, 4);
    const expected = [11520, 0, 5927040, 70819200, 2031721883, 1637235492, 1287239034, 3734860849, 3729100597, 4258142804];
    expect(expected.map(() => r.nextU32())).toEqual(expected);
  });

  it('matches a second reference vector taken from the C implementation with a random state', () => {
    // edorfaus/xoshiro-6502, test-rom/testdata.asm: seed bytes 0C 4A 4D 96 ... read
    // as little-endian words, and the C reference's xoshiro128** outputs.
    const r = new Xoshiro128ss(0x964d4a0c, 0xd40ab895, 0xad7fdecb, 0x3006f0f0);
    expect([r.nextU32(), r.nextU32(), r.nextU32(), r.nextU32()]).toEqual([0xf1391922, 0x6fe53806, 0xa5be2840, 0xf510ee70]);
  });

  it('never starts from the all-zero state, which it could not leave', () => {
    const r = new Xoshiro128ss(0, 0, 0, 0);
    const xs = Array.from({ length: 8 }, () => r.nextU32());
    expect(xs.some((x) => x !== 0)).toBe(true);
  });

  it('next() stays in [0, 1) and has a mean near 1/2', () => {
    const r = Xoshiro128ss.fromSeed(7);
    let sum = 0;
    for (let i = 0; i < 20000; i++) {
      const x = r.next();
      if (!(x >= 0 && x < 1)) throw new Error(`next() out of range: ${x}`);
      sum += x;
    }
    expect(Math.abs(sum / 20000 - 0.5)).toBeLessThan(0.01);
  });

  it('int(lo, hi) covers exactly [lo, hi) with near-equal counts', () => {
    const r = Xoshiro128ss.fromSeed(11);
    const counts = new Array<number>(7).fill(0);
    for (let i = 0; i < 70000; i++) {
      const k = r.int(-3, 4);
      if (!(Number.isInteger(k) && k >= -3 && k < 4)) throw new Error(`int out of range: ${k}`);
      counts[k + 3]!++;
    }
    // Chi-square with 6 degrees of freedom: 22.46 is the 0.1% critical value.
    const chi = counts.reduce((s, c) => s + (c - 10000) ** 2 / 10000, 0);
    expect(chi).toBeLessThan(22.46);
  });

  it('int() is uniform on a range of 3 (no modulo bias on either path)', () => {
    // 2^32 is not a multiple of 3: a plain u % 3 would favour 0 by one part in 2^32,
    // too small to see; what this checks is that both paths give every value.
    const r = Xoshiro128ss.fromSeed(13);
    const small = [0, 0, 0];
    const wide = [0, 0, 0];
    for (let i = 0; i < 30000; i++) {
      small[r.int(0, 3)]!++;
      wide[r.int(2 ** 31, 2 ** 31 + 3) - 2 ** 31]!++;
    }
    for (const c of [...small, ...wide]) expect(Math.abs(c - 10000)).toBeLessThan(400);
  });

  it('int() covers ranges between 2^21 and 2^32 and at the 2^21 boundary', () => {
    const r = Xoshiro128ss.fromSeed(17);
    for (const hi of [2 ** 21, 2 ** 21 + 1, 2 ** 31, 2 ** 32]) {
      let max = 0;
      for (let i = 0; i < 2000; i++) {
        const k = r.int(0, hi);
        if (!(Number.isInteger(k) && k >= 0 && k < hi)) throw new Error(`int(0, ${hi}) gave ${k}`);
        max = Math.max(max, k);
      }
      expect(max).toBeGreaterThan(hi * 0.99);
    }
  });

  it('int() handles ranges wider than 2^32', () => {
    const r = Xoshiro128ss.fromSeed(3);
    const hi = 2 ** 40;
    let max = 0;
    for (let i = 0; i < 1000; i++) {
      const k = r.int(0, hi);
      expect(Number.isInteger(k) && k >= 0 && k < hi).toBe(true);
      max = Math.max(max, k);
    }
    expect(max).toBeGreaterThan(2 ** 32);
  });

  it('int() of an empty or reversed range is a RangeError', () => {
    const r = Xoshiro128ss.fromSeed(1);
    expect(() => r.int(5, 5)).toThrow(RangeError);
    expect(() => r.int(5, 2)).toThrow(RangeError);
    expect(() => r.int(0.5, 2)).toThrow(RangeError);
  });

  it('bernoulli(p) comes up true about p of the time, and exactly never or always at 0 and 1', () => {
    const r = Xoshiro128ss.fromSeed(5);
    let n = 0;
    for (let i = 0; i < 20000; i++) if (r.bernoulli(0.3)) n++;
    expect(Math.abs(n / 20000 - 0.3)).toBeLessThan(0.015);
    for (let i = 0; i < 100; i++) {
      expect(r.bernoulli(0)).toBe(false);
      expect(r.bernoulli(1)).toBe(true);
    }
    expect(() => r.bernoulli(1.5)).toThrow(RangeError);
  });

  it('exponential(mean) is positive, finite and has the requested mean', () => {
    const r = Xoshiro128ss.fromSeed(9);
    let sum = 0;
    for (let i = 0; i < 40000; i++) {
      const x = r.exponential(250);
      if (!(x >= 0 && Number.isFinite(x))) throw new Error(`bad exponential draw ${x}`);
      sum += x;
    }
    expect(Math.abs(sum / 40000 - 250)).toBeLessThan(250 * 0.03);
    expect(() => r.exponential(0)).toThrow(RangeError);
  });
});

describe('RngStreams', () => {
  const take = (s: RngStreams, name: string): number[] => {
    const r = s.stream(name);
    return Array.from({ length: 6 }, () => r.nextU32());
  };

  it('gives the same sequence for the same seed and name', () => {
    expect(take(new RngStreams(42), 'link/a->b')).toEqual(take(new RngStreams(42), 'link/a->b'));
  });

  it('gives different sequences for different names or seeds', () => {
    const a = take(new RngStreams(42), 'link/a->b');
    expect(take(new RngStreams(42), 'link/b->a')).not.toEqual(a);
    expect(take(new RngStreams(43), 'link/a->b')).not.toEqual(a);
  });

  it('keeps streams independent: drawing from one does not shift another', () => {
    const s1 = new RngStreams(1);
    const s2 = new RngStreams(1);
    s1.stream('noise').nextU32();
    s1.stream('noise').nextU32();
    expect(take(s1, 'flow')).toEqual(take(s2, 'flow'));
  });

  it('derives the recorded golden sequence for seed 42, stream "link/a->b"', () => {
    // Pins the seeding (FNV-1a of the name, fmix32, splitmix32): changing it would
    // silently change every scenario's results for a given seed.
    expect(take(new RngStreams(42), 'link/a->b').slice(0, 3)).toEqual([1430182824, 1744845722, 4232002810]);
  });

  it('returns the same stream object for a name', () => {
    const s = new RngStreams(1);
    expect(s.stream('x')).toBe(s.stream('x'));
  });

  it('separates seeds that differ only above 32 bits', () => {
    expect(take(new RngStreams(2 ** 32 + 1), 'x')).not.toEqual(take(new RngStreams(1), 'x'));
  });
});

describe('hash helpers', () => {
  it('fnv1a32 matches the published FNV-1a test values', () => {
    // From the FNV reference test suite (isthe.com/chongo/tech/comp/fnv): "" and "a".
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
  });

  it('fmix32 maps 0 to 0 and mixes neighbours far apart', () => {
    expect(fmix32(0)).toBe(0);
    const a = fmix32(1);
    const b = fmix32(2);
    let bits = 0;
    for (let x = (a ^ b) >>> 0; x; x >>>= 1) bits += x & 1;
    expect(bits).toBeGreaterThan(8);
  });
});
