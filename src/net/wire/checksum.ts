// The Internet checksum (RFC 1071) and its incremental update (RFC 1624).
//
// Contract: every function here is allocation-free and never throws.
// A running sum is a plain JS number holding the un-folded sum of big-endian
// 16-bit words. Doubles are exact up to 2^53, and each word adds at most 2^16,
// so a sum can absorb 2^37 words (256 GiB) before it must be folded: the hot
// loop therefore adds without folding and folds once at the end (RFC 1071
// section 2(C), "deferred carries").
//
// Accumulating over several buffers (checksumAdd(checksumAdd(0, a), b)) equals
// the checksum of their concatenation when every buffer but the last has an
// even length, which holds for the header/pseudo-header/payload split of
// TCP and UDP. An odd trailing byte is padded with a zero low byte (RFC 1071
// section 4.1, "if (count > 0) sum += *(unsigned char *)addr").

/** Add bytes[start, end) as big-endian 16-bit words to a running sum. */
export function checksumAdd(sum: number, bytes: Uint8Array, start = 0, end = bytes.length): number {
  let s = sum;
  let i = start;
  // Unrolled by 8 bytes; each group adds four words (at most 2^18), exact.
  const end8 = end - 7;
  for (; i < end8; i += 8) {
    s +=
      ((bytes[i]! << 8) | bytes[i + 1]!) +
      ((bytes[i + 2]! << 8) | bytes[i + 3]!) +
      ((bytes[i + 4]! << 8) | bytes[i + 5]!) +
      ((bytes[i + 6]! << 8) | bytes[i + 7]!);
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
