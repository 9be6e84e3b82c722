// Deterministic payload bytes (DESIGN.md 1.6): the byte at stream offset `o` of
// connection `c` is a pure function of (c, o). A sender fills its buffers with
// `fillPayload`, a receiver checks every delivered byte with `verifyPayload`, and
// nothing has to remember what was sent. Offsets are whole numbers below 2^53.
//
// The generator works a 32-bit word at a time: word w = floor(o / 4) of
// connection c is a 32-bit mix (murmur3 finaliser) of (c, w); byte o is byte
// (o mod 4) of that word, little-endian. No allocation, no state.

const TWO_32 = 4294967296;

/** Murmur3's 32-bit finaliser over (conn, wordLo, wordHi): a well-spread word. */
function payloadWord(conn: number, wordLo: number, wordHi: number): number {
  let h = Math.imul(conn ^ 0x9e3779b9, 0x85ebca6b) ^ wordLo;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h ^= Math.imul(wordHi, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** The single payload byte at `offset` of connection `conn`. */
export function payloadByte(conn: number, offset: number): number {
  const w = Math.floor(offset / 4);
  const word = payloadWord(conn, w >>> 0, Math.floor(w / TWO_32));
  return (word >>> ((offset & 3) * 8)) & 0xff;
}

/** Fills `buf` with the payload of connection `conn` from stream offset `offset`. */
export function fillPayload(conn: number, offset: number, buf: Uint8Array): void {
  const n = buf.length;
  let i = 0;
  // Leading bytes up to a word boundary.
  while (i < n && ((offset + i) & 3) !== 0) {
    buf[i] = payloadByte(conn, offset + i);
    i += 1;
  }
  let w = Math.floor((offset + i) / 4);
  while (i + 4 <= n) {
    const word = payloadWord(conn, w >>> 0, Math.floor(w / TWO_32));
    buf[i] = word & 0xff;
    buf[i + 1] = (word >>> 8) & 0xff;
    buf[i + 2] = (word >>> 16) & 0xff;
    buf[i + 3] = word >>> 24;
    i += 4;
    w += 1;
  }
  while (i < n) {
    buf[i] = payloadByte(conn, offset + i);
    i += 1;
  }
}

/**
 * Checks that `bytes` are the payload of `conn` from `offset`. Returns -1 when
 * every byte matches, else the index (within `bytes`) of the first mismatch.
 */
export function verifyPayload(conn: number, offset: number, bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n && ((offset + i) & 3) !== 0) {
    if (bytes[i] !== payloadByte(conn, offset + i)) return i;
    i += 1;
  }
  let w = Math.floor((offset + i) / 4);
  while (i + 4 <= n) {
    const word = payloadWord(conn, w >>> 0, Math.floor(w / TWO_32));
    const got = (bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24)) >>> 0;
    if (got !== word) {
      for (let k = 0; k < 4; k++) if (bytes[i + k] !== ((word >>> (8 * k)) & 0xff)) return i + k;
    }
    i += 4;
    w += 1;
  }
  while (i < n) {
    if (bytes[i] !== payloadByte(conn, offset + i)) return i;
    i += 1;
  }
  return -1;
}

/**
 * A running checker for one received stream: feed it each delivered chunk in
 * order; it keeps the offset and records the first mismatch.
 */
export class PayloadChecker {
  offset = 0;
  /** Stream offset of the first wrong byte, or -1. */
  firstMismatch = -1;

  constructor(readonly conn: number) {}

  /** Checks the next delivered chunk; returns false once any byte was wrong. */
  accept(chunk: Uint8Array): boolean {
    if (this.firstMismatch < 0) {
      const at = verifyPayload(this.conn, this.offset, chunk);
      if (at >= 0) this.firstMismatch = this.offset + at;
    }
    this.offset += chunk.length;
    return this.firstMismatch < 0;
  }

  get ok(): boolean {
    return this.firstMismatch < 0;
  }
}
