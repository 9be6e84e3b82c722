// The Internet checksum (RFC 1071) and its incremental update (RFC 1624).
//
// Contract: every function here is allocation-free and never throws.
// A running sum is a plain JS number holding an un-folded sum of big-endian
// words. Doubles are exact up to 2^53, so the hot loop adds without folding
// and folds rarely (RFC 1071 section 2(C), "deferred carries"); callers fold
// once at the end with checksumFold or checksumFinish.
//
// Accumulating over several buffers (checksumAdd(checksumAdd(0, a), b)) equals
// the checksum of their concatenation when every buffer but the last has an
// even length, which holds for the header/pseudo-header/payload split of
// TCP and UDP. An odd trailing byte is padded with a zero low byte (RFC 1071
// section 4.1, "if (count > 0) sum += *(unsigned char *)addr").

// The bulk of a long buffer is summed as native 32-bit words through a
// Uint32Array over its underlying buffer (made once per buffer and kept in a
// WeakMap, so the hot path allocates nothing). A 32-bit word w = hi * 2^16 + lo
// is congruent to hi + lo modulo 0xffff, so a sum of 32-bit words folds to the
// same one's complement sum as the 16-bit words it holds. The words are loaded
// in the host's byte order and the folded sum is byte-swapped when needed: the
// one's complement sum is byte-order independent up to a swap (RFC 1071 section
// 2(B)), and a region that starts an odd number of bytes into the checksummed
// range contributes its sum swapped too (its bytes pair the other way round).
// Two accumulators, each fed by a pair of loads, halve the chain of dependent
// floating-point adds that bounded the one-accumulator loop (RFC 1071 section
// 4's unrolled loops, in JS numbers: exact while below 2^53).
const views = new WeakMap<ArrayBufferLike, Uint32Array<ArrayBufferLike>>();

/** Native 32-bit loads are little-endian on this host (so a BE 16-bit sum is their sum swapped). */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * The last buffer's view, checked before the WeakMap: in a bulk run about half
 * the calls sum the same buffer as the call before (a frame built then handed on
 * from a LIFO pool), and a pointer compare is cheaper than a hash lookup. It keeps
 * at most one buffer alive.
 */
let lastBuffer: ArrayBufferLike | null = null;
let lastView: Uint32Array<ArrayBufferLike> = new Uint32Array(0);

/** A Uint32Array over every whole word of `bytes`' buffer, covering at least `words` of them. */
function wordsOf(bytes: Uint8Array, words: number): Uint32Array<ArrayBufferLike> {
  const ab = bytes.buffer;
  if (ab === lastBuffer && lastView.length >= words) return lastView;
  let v = views.get(ab);
  // A resizable buffer that grew since its view was made gets a fresh view.
  if (v === undefined || v.length < words) {
    v = new Uint32Array(ab, 0, ab.byteLength >>> 2);
    views.set(ab, v);
  }
  lastBuffer = ab;
  lastView = v;
  return v;
}

/** Below this many bytes the byte loop beats the view lookup. */
const SMALL = 64;
/** Words summed before the accumulators are folded: 2^18 words below 2^32 stay below 2^50. */
const CHUNK_WORDS = 1 << 18;

/** `x` (a 16-bit value) with its two bytes exchanged. */
function swap16(x: number): number {
  return ((x & 0xff) << 8) | (x >>> 8);
}

/** Native-order sum of words u[k, kEnd), folded to 16 bits (1..0xffff unless every word is zero). */
function sumWords(u: Uint32Array<ArrayBufferLike>, k: number, kEnd: number): number {
  let a = 0;
  let b = 0;
  const k4 = kEnd - 3;
  for (; k < k4; k += 4) {
    a += u[k]! + u[k + 1]!;
    b += u[k + 2]! + u[k + 3]!;
  }
  for (; k < kEnd; k++) a += u[k]!;
  return checksumFold(a + b);
}

/**
 * Add bytes[start, end) as big-endian 16-bit words to a running sum. The
 * result is congruent (mod 0xffff) to the plain word sum, and is zero only
 * if every word is zero, so checksumFold/checksumFinish give the RFC 1071 value.
 */
export function checksumAdd(sum: number, bytes: Uint8Array, start = 0, end = bytes.length): number {
  let s = sum;
  let i = start;
  if (end - start >= SMALL) {
    // Head: bytes up to the first 4-byte boundary of the underlying buffer, each
    // high or low in its 16-bit word by its parity within [start, end).
    const base = bytes.byteOffset;
    const head = i + ((4 - ((base + i) & 3)) & 3);
    for (; i < head; i++) s += ((i - start) & 1) === 0 ? bytes[i]! << 8 : bytes[i]!;
    const odd = ((head - start) & 1) === 1;
    const k0 = (base + i) >>> 2;
    const kEnd = k0 + ((end - i) >>> 2);
    const u = wordsOf(bytes, kEnd);
    for (let k = k0; k < kEnd; k += CHUNK_WORDS) {
      const r = sumWords(u, k, Math.min(kEnd, k + CHUNK_WORDS));
      s += LITTLE_ENDIAN !== odd ? swap16(r) : r;
    }
    i += 4 * (kEnd - k0);
    if (odd) {
      // Tail after an odd head: bytes pair as (low, high) from here on.
      for (; i < end; i++) s += ((i - start) & 1) === 0 ? bytes[i]! << 8 : bytes[i]!;
      return s;
    }
  }
  const end2 = end - 1;
  for (; i < end2; i += 2) s += (bytes[i]! << 8) | bytes[i + 1]!;
  if (i < end) s += bytes[i]! << 8;
  return s;
}

/** Add one 16-bit word to a running sum. */
export function checksumAddU16(sum: number, word: number): number {
  return sum + (word & 0xffff);
}

/** Add a 32-bit value as two 16-bit words (an IPv4 address, a sequence number). */
export function checksumAddU32(sum: number, value: number): number {
  return sum + ((value >>> 16) & 0xffff) + (value & 0xffff);
}

/** Fold carries into 16 bits: the one's complement sum (RFC 1071 section 2(C)). */
export function checksumFold(sum: number): number {
  let s = sum;
  // Above 2^32 bit operators would truncate, so fold with arithmetic first.
  while (s > 0xffffffff) s = (s % 0x10000) + Math.floor(s / 0x10000);
  while (s > 0xffff) s = (s & 0xffff) + (s >>> 16);
  return s;
}

/** The checksum field value: the complement of the folded sum. */
export function checksumFinish(sum: number): number {
  return ~checksumFold(sum) & 0xffff;
}

/** RFC 1071 checksum of bytes[start, end). Zero over a region that holds a correct checksum. */
export function internetChecksum(bytes: Uint8Array, start = 0, end = bytes.length): number {
  return checksumFinish(checksumAdd(0, bytes, start, end));
}

/**
 * Sum of the IPv4 pseudo-header used by TCP and UDP (RFC 9293 section 3.1,
 * RFC 768): source, destination, zero+protocol, and the transport length.
 */
export function pseudoHeaderSum(src: number, dst: number, protocol: number, length: number): number {
  return checksumAddU32(checksumAddU32(0, src), dst) + (protocol & 0xff) + (length & 0xffff);
}

/**
 * RFC 1624 equation 3: the new checksum after one 16-bit word of the covered
 * data changes from oldWord to newWord, HC' = ~(~HC + ~m + m'). RFC 1624
 * section 3 replaces RFC 1141's HC + m + ~m', which can yield 0x0000 where a
 * full recomputation gives 0xffff.
 */
export function checksumUpdate16(checksum: number, oldWord: number, newWord: number): number {
  const s = (~checksum & 0xffff) + (~oldWord & 0xffff) + (newWord & 0xffff);
  return ~checksumFold(s) & 0xffff;
}

/** RFC 1624 update for a 32-bit field (an address rewritten by NAT, say). */
export function checksumUpdate32(checksum: number, oldValue: number, newValue: number): number {
  const s =
    (~checksum & 0xffff) +
    (~(oldValue >>> 16) & 0xffff) +
    (~oldValue & 0xffff) +
    ((newValue >>> 16) & 0xffff) +
    (newValue & 0xffff);
  return ~checksumFold(s) & 0xffff;
}
