// Seeded randomness: xoshiro128** 1.1 (Blackman and Vigna, https://prng.di.unimi.it/),
// a published 32-bit generator with a 2^128 - 1 period, checked against its
// reference vectors in rng.test.ts.
//
// Streams: one generator per random source (per link direction, per workload),
// so that adding a draw in one place does not shift the numbers seen elsewhere.
// A stream's 128-bit state is derived from (seed, name): the name is hashed with
// FNV-1a and mixed with the seed through murmur3's fmix32 finaliser, and that
// word drives splitmix32, whose successive outputs fill the four state words
// (the seeding the xoshiro authors recommend: never seed from raw, correlated
// words). The all-zero state, which xoshiro cannot leave, is replaced.
//
// Misuse (an empty or reversed int range, a probability outside [0,1], a
// non-positive mean) is a programming error and throws RangeError.

export interface Rng {
  /** Uniform 32-bit unsigned integer. */
  nextU32(): number;
  /** Uniform in [0, 1) with 53 random bits. */
  next(): number;
  /** Uniform integer in [lo, hiExclusive), without modulo bias. */
  int(lo: number, hiExclusive: number): number;
  /** true with probability p. */
  bernoulli(p: number): boolean;
  /** Exponentially distributed with the given mean (e.g. Poisson inter-arrival gaps). */
  exponential(mean: number): number;
}

const TWO32 = 4294967296;
const TWO53 = 9007199254740992;
const TWO21 = 2097152;

/** murmur3's 32-bit finaliser: a bijective avalanche mix. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a, 32 bits, over the UTF-16 code units of s. */
export function fnv1a32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** xoshiro128** over four 32-bit state words. */
export class Xoshiro128ss implements Rng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  constructor(s0: number, s1: number, s2: number, s3: number) {
    this.s0 = s0 | 0;
    this.s1 = s1 | 0;
    this.s2 = s2 | 0;
    this.s3 = s3 | 0;
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 0x9e3779b9 | 0;
  }

  /** A generator whose state comes from splitmix32 run from `seed`. */
  static fromSeed(seed: number): Xoshiro128ss {
    let x = seed >>> 0;
    const next = (): number => {
      // splitmix32: golden-ratio increment, then a mix (Steele, Lea, Flood 2014).
      x = (x + 0x9e3779b9) >>> 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    return new Xoshiro128ss(next(), next(), next(), next());
  }

  nextU32(): number {
    const s1 = this.s1;
    // result = rotl(s1 * 5, 7) * 9
    const m = Math.imul(s1, 5);
    const result = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
    const t = s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= s1;
    this.s1 = s1 ^ this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = (this.s3 << 11) | (this.s3 >>> 21);
    return result;
  }

  next(): number {
    const hi = this.nextU32() >>> 5; // 27 bits
    const lo = this.nextU32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / TWO53;
  }

  int(lo: number, hiExclusive: number): number {
    const range = hiExclusive - lo;
    if (range >= 1 && range <= TWO21 && (lo | 0) === lo && (hiExclusive | 0) === hiExclusive) {
      // Lemire's multiply-and-reject ("Fast random integer generation in an
      // interval", 2019): u * range < 2^53 is exact; the low 32 bits of the
      // product decide rejection, the high bits are the result. Unbiased.
      // (m >>> 0 is m mod 2^32, exact for an integer below 2^53.)
      let m = this.nextU32() * range;
      let l = m >>> 0;
      if (l < range) {
        const t = TWO32 % range;
        while (l < t) {
          m = this.nextU32() * range;
          l = m >>> 0;
        }
      }
      return lo + ((m / TWO32) | 0);
    }
    return this.intWide(lo, hiExclusive);
  }

  /** int() for ranges above 2^21 or bounds outside int32: plain rejection sampling. */
  private intWide(lo: number, hiExclusive: number): number {
    const range = hiExclusive - lo;
    if (!(range >= 1) || !Number.isSafeInteger(lo) || !Number.isSafeInteger(hiExclusive)) {
      throw new RangeError(`Rng.int: empty or non-integer range [${lo}, ${hiExclusive})`);
    }
    if (range <= TWO32) {
      // Accept only the largest multiple of range below 2^32.
      const limit = TWO32 - (TWO32 % range);
      for (;;) {
        const u = this.nextU32();
        if (u < limit) return lo + (u % range);
      }
    }
    const limit = TWO53 - (TWO53 % range);
    for (;;) {
      const u = this.next() * TWO53;
      if (u < limit) return lo + (u % range);
    }
  }

  bernoulli(p: number): boolean {
    if (!(p >= 0 && p <= 1)) throw new RangeError(`Rng.bernoulli: p=${p} outside [0, 1]`);
    return this.next() < p;
  }

  exponential(mean: number): number {
    if (!(mean > 0) || !Number.isFinite(mean)) throw new RangeError(`Rng.exponential: mean=${mean}`);
    // 1 - next() lies in (0, 1], so the log is finite.
    return -mean * Math.log(1 - this.next());
  }
}

/** Independent named streams derived from one seed. */
export class RngStreams {
  readonly seed: number;
  private readonly mixedSeed: number;
  private readonly made = new Map<string, Rng>();

  /** Any safe integer; seeds that differ in any bit give different streams. */
  constructor(seed: number) {
    this.seed = seed;
    const hi = Math.floor(seed / 4294967296) >>> 0;
    this.mixedSeed = fmix32((seed >>> 0) ^ fmix32(hi ^ 0x5bd1e995));
  }

  /** The stream named `name`: the same object on every call with that name. */
  stream(name: string): Rng {
    let r = this.made.get(name);
    if (r === undefined) {
      r = Xoshiro128ss.fromSeed(fmix32(this.mixedSeed ^ fmix32(fnv1a32(name))));
      this.made.set(name, r);
    }
    return r;
  }
}
