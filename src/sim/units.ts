// Branded units. Values are plain numbers at run time; the brand keeps a
// nanosecond from being passed where a cycle count is expected. Make them only
// through the constructors below.
//
// Time is integer nanoseconds held in a JS number: exact up to 2^53 ns (about
// 104 days of simulated time), far beyond any run.

declare const brand: unique symbol;
type Brand<T, B extends string> = T & { readonly [brand]: B };

export type Nanos = Brand<number, 'Nanos'>;
export type Cycles = Brand<number, 'Cycles'>;
export type Hz = Brand<number, 'Hz'>;
export type Bytes = Brand<number, 'Bytes'>;
export type BitsPerSecond = Brand<number, 'BitsPerSecond'>;

export const nanos = (n: number): Nanos => Math.round(n) as Nanos;
export const micros = (us: number): Nanos => Math.round(us * 1e3) as Nanos;
export const millis = (ms: number): Nanos => Math.round(ms * 1e6) as Nanos;
export const seconds = (s: number): Nanos => Math.round(s * 1e9) as Nanos;
export const cycles = (c: number): Cycles => c as Cycles;
export const hz = (h: number): Hz => h as Hz;
export const mhz = (m: number): Hz => (m * 1e6) as Hz;
export const ghz = (g: number): Hz => (g * 1e9) as Hz;
export const bytes = (b: number): Bytes => b as Bytes;
export const bps = (b: number): BitsPerSecond => b as BitsPerSecond;
export const gbps = (g: number): BitsPerSecond => (g * 1e9) as BitsPerSecond;

export const ZERO_NANOS = 0 as Nanos;

/** Service time of `c` cycles on a processor clocked at `f`, rounded up to a whole ns. */
export function cyclesToNanos(c: Cycles | number, f: Hz): Nanos {
  return Math.ceil((c * 1e9) / f) as Nanos;
}

/** Time to serialise `n` bytes at `rate`, rounded up to a whole ns. */
export function bytesToNanos(n: number, rate: BitsPerSecond): Nanos {
  return Math.ceil((n * 8 * 1e9) / rate) as Nanos;
}

/** Readable time: "0 ns", "850 ns", "12.500 µs", "1.234 ms", "2.000 s". */
export function formatNanos(t: Nanos | number): string {
  const a = Math.abs(t);
  if (a < 1e3) return `${t} ns`;
  if (a < 1e6) return `${(t / 1e3).toFixed(3)} µs`;
  if (a < 1e9) return `${(t / 1e6).toFixed(3)} ms`;
  return `${(t / 1e9).toFixed(3)} s`;
}
