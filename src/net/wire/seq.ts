// 32-bit TCP sequence numbers with modular comparison (RFC 9293 section 3.4).
// A SeqNumber is always in [0, 2^32). Comparisons are right across wrap-around
// as long as the two numbers are less than 2^31 apart, which TCP guarantees.

declare const seqBrand: unique symbol;
export type SeqNumber = number & { readonly [seqBrand]: 'SeqNumber' };

export const seq = (n: number): SeqNumber => (n >>> 0) as SeqNumber;

/** a + n, wrapped to 32 bits. */
export const seqAdd = (a: SeqNumber, n: number): SeqNumber => ((a + n) >>> 0) as SeqNumber;

/** Signed distance a - b in (-2^31, 2^31]. */
export const seqDiff = (a: SeqNumber, b: SeqNumber): number => (a - b) | 0;

export const seqLt = (a: SeqNumber, b: SeqNumber): boolean => ((a - b) | 0) < 0;
export const seqLe = (a: SeqNumber, b: SeqNumber): boolean => ((a - b) | 0) <= 0;
export const seqGt = (a: SeqNumber, b: SeqNumber): boolean => ((a - b) | 0) > 0;
export const seqGe = (a: SeqNumber, b: SeqNumber): boolean => ((a - b) | 0) >= 0;
export const seqMax = (a: SeqNumber, b: SeqNumber): SeqNumber => (seqGe(a, b) ? a : b);
export const seqMin = (a: SeqNumber, b: SeqNumber): SeqNumber => (seqLe(a, b) ? a : b);

/** lo <= x < hi in sequence space. */
export const seqInWindow = (x: SeqNumber, lo: SeqNumber, hi: SeqNumber): boolean =>
  seqLe(lo, x) && seqLt(x, hi);
