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

// One DataView per underlying buffer, made on first use and reused after: a
// 32-bit big-endian load per four bytes is more than twice as fast in V8 as
// assembling 16-bit words from bytes, and the cache keeps the hot path free of
// allocation. A 32-bit word w = hi * 2^16 + lo is congruent to hi + lo modulo
// 0xffff, so summing 32-bit words folds to the same checksum.
const views = new WeakMap<ArrayBufferLike, DataView>();

function viewOf(bytes: Uint8Array): DataView {
  let v = views.get(bytes.buffer);
  if (v === undefined) {
    v = new DataView(bytes.buffer);
    views.set(bytes.buffer, v);
  }
  return v;
}

/** Below this many bytes the byte loop beats the DataView lookup. */
const SMALL = 64;
/** Bytes summed before the accumulator is folded: 2^18 32-bit words stay below 2^50. */
const CHUNK = 1 << 20;

/**
 * Add bytes[start, end) as big-endian 16-bit words to a running sum. The
 * result is congruent (mod 0xffff) to the plain word sum, and is zero only
 * if every word is zero, so checksumFold/checksumFinish give the RFC 1071 value.
 */
export function checksumAdd(sum: number, bytes: Uint8Array, start = 0, end = bytes.length): number {
  let s = sum;
  let i = start;
  if (end - start >= SMALL) {
    const v = viewOf(bytes);
    const base = bytes.byteOffset;
    const end16 = end - 15;
    while (i < end16) {
      const stop = Math.min(end16, i + CHUNK);
      let c = 0;
      for (let p = base + i, q = base + stop; p < q; p += 16) {
        c += v.getUint32(p) + v.getUint32(p + 4) + v.getUint32(p + 8) + v.getUint32(p + 12);
      }
      i += ((stop - i + 15) >>> 4) << 4;
      s += c;
      if (s > 2 ** 51) s = checksumFold(s);
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
