// Deterministic payload bytes (DESIGN.md 1.6): the byte at stream offset `o` of
// connection `c` is a pure function of (c, o). A sender fills its buffers with
// `fillPayload`, a receiver checks every delivered byte with `verifyPayload`, and
// nothing has to remember what was sent. Offsets are whole numbers below 2^53.
//
// The generator works a 32-bit word at a time. Word w = floor(o / 4) of
// connection c lies in block b = floor(w / 64) (256 bytes); the block's base is a
// 32-bit mix (murmur3 finaliser) of (c, b), and word j = w mod 64 of the block is
// base + j * 0x9e3779b9 (mod 2^32). Byte o is byte (o mod 4) of its word,
// little-endian. So any offset is computable on its own, every 256-byte block of
// every connection starts from an independent hash (a byte moved to another
// offset or connection is caught), and the bulk of the work is one add and one
// 32-bit store or compare per four bytes: the hash runs once per block.
//
// Speed matters here: a 10 GbE run fills and checks ~1.2 GB per simulated
// second. The fast paths go through a Uint32Array view of the caller's buffer
// (four bytes per access) on little-endian hosts; a stream offset that is not
// aligned with the buffer's 4-byte grid splices two neighbouring words. The
// views of the last two buffers are cached (module state that only saves
// allocation; results never depend on it). The word loops go four words at a
// time: four independent stores, or four compares folded into one test of the
// XORed words (a group that differs is re-walked word by word to name the first
// wrong byte), which cuts the loop's branches and bounds to a quarter.

const TWO_32 = 4294967296;
/** Per-word step within a block (odd, so the 16 words of a block differ). */
const STEP = 0x9e3779b9 | 0;
const BLOCK_WORDS = 64; // blockAt shifts by log2(64) = 6
/** STEP times 2, 3 and 4 (mod 2^32): words j+1..j+4 from word j without a chain of adds. */
const STEP2 = Math.imul(2, STEP);
const STEP3 = Math.imul(3, STEP);
const STEP4 = Math.imul(4, STEP);

/** Uint32Array reads and writes are little-endian on this host. */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** Murmur3's 32-bit finaliser over (conn, blockLo, blockHi): a block's base word (signed 32-bit). */
function blockBase(conn: number, blockLo: number, blockHi: number): number {
  let h = Math.imul(conn ^ 0x9e3779b9, 0x85ebca6b) ^ blockLo;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h ^= Math.imul(blockHi, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** Base word of the block holding word `w` (a whole number). */
function blockAt(conn: number, w: number): number {
  // Below 2^31 words (8 GiB into a stream) the block number is a shift and its
  // high half is zero; beyond, the same values by float division.
  if (w < 0x80000000) return blockBase(conn, w >>> 6, 0);
  const b = Math.floor(w / BLOCK_WORDS);
  return blockBase(conn, b >>> 0, Math.floor(b / TWO_32));
}

/** Word `w` (a whole number) of connection `conn`, as a signed 32-bit value. */
function payloadWord(conn: number, w: number): number {
  return (blockAt(conn, w) + Math.imul(w % BLOCK_WORDS, STEP)) | 0;
}

/** The single payload byte at `offset` of connection `conn`. */
export function payloadByte(conn: number, offset: number): number {
  return (payloadWord(conn, Math.floor(offset / 4)) >>> ((offset % 4) * 8)) & 0xff;
}

/**
 * A Uint32Array over all of `buf`'s underlying buffer, cached for the last two
 * buffers seen (a sender's and a receiver's application buffer), so the hot
 * calls make no view object; the caller indexes it by (byteOffset + i) / 4.
 */
let cacheBufA: ArrayBufferLike | null = null;
let cacheU32A: Uint32Array<ArrayBufferLike> = new Uint32Array(0);
let cacheBufB: ArrayBufferLike | null = null;
let cacheU32B: Uint32Array<ArrayBufferLike> = new Uint32Array(0);

function wordsOf(buf: Uint8Array): Uint32Array<ArrayBufferLike> {
  const ab = buf.buffer;
  // A buffer that grew (resizable) since its view was made gets a fresh view.
  const need = (buf.byteOffset + buf.length) >>> 2;
  if (ab === cacheBufA && cacheU32A.length >= need) return cacheU32A;
  if (ab === cacheBufB && cacheU32B.length >= need) return cacheU32B;
  cacheBufB = cacheBufA;
  cacheU32B = cacheU32A;
  cacheBufA = ab;
  cacheU32A = new Uint32Array(ab, 0, ab.byteLength >>> 2);
  return cacheU32A;
}

/** First index i >= 0 with (byteOffset + i) on a 4-byte boundary, capped at n. */
function headLength(buf: Uint8Array): number {
  return Math.min(buf.length, (4 - (buf.byteOffset & 3)) & 3);
}

/** Fills `buf` with the payload of connection `conn` from stream offset `offset`. */
export function fillPayload(conn: number, offset: number, buf: Uint8Array): void {
  const n = buf.length;
  const head = LITTLE_ENDIAN ? headLength(buf) : n;
  for (let i = 0; i < head; i++) buf[i] = payloadByte(conn, offset + i);
  const words = (n - head) >>> 2;
  if (words > 0) {
    const u = wordsOf(buf);
    const u0 = (buf.byteOffset + head) >>> 2;
    const o = offset + head;
    const s = o % 4;
    // Word w = floor(o / 4) is word j of its block; the loops hash at block starts only.
    let w = Math.floor(o / 4);
    let j = w % BLOCK_WORDS;
    let k = 0;
    if (s === 0) {
      while (k < words) {
        const end = Math.min(words, k + BLOCK_WORDS - j);
        let x = (blockAt(conn, w) + Math.imul(j, STEP)) | 0;
        for (const end4 = end - 3; k < end4; k += 4) {
          u[u0 + k] = x;
          u[u0 + k + 1] = (x + STEP) | 0;
          u[u0 + k + 2] = (x + STEP2) | 0;
          u[u0 + k + 3] = (x + STEP3) | 0;
          x = (x + STEP4) | 0;
        }
        for (; k < end; k++) {
          u[u0 + k] = x;
          x = (x + STEP) | 0;
        }
        w += BLOCK_WORDS - j;
        j = 0;
      }
    } else {
      // Buffer word k holds bytes s..3 of word w + k and 0..s-1 of word w + k + 1.
      const lo = 8 * s;
      const hi = 32 - lo;
      let prev = payloadWord(conn, w);
      w += 1;
      j = w % BLOCK_WORDS;
      while (k < words) {
        const end = Math.min(words, k + BLOCK_WORDS - j);
        let x = (blockAt(conn, w) + Math.imul(j, STEP)) | 0;
        for (const end4 = end - 3; k < end4; k += 4) {
          const x1 = (x + STEP) | 0;
          const x2 = (x + STEP2) | 0;
          const x3 = (x + STEP3) | 0;
          u[u0 + k] = (prev >>> lo) | (x << hi);
          u[u0 + k + 1] = (x >>> lo) | (x1 << hi);
          u[u0 + k + 2] = (x1 >>> lo) | (x2 << hi);
          u[u0 + k + 3] = (x2 >>> lo) | (x3 << hi);
          prev = x3;
          x = (x + STEP4) | 0;
        }
        for (; k < end; k++) {
          u[u0 + k] = (prev >>> lo) | (x << hi);
          prev = x;
          x = (x + STEP) | 0;
        }
        w += BLOCK_WORDS - j;
        j = 0;
      }
    }
  }
  for (let i = head + 4 * words; i < n; i++) buf[i] = payloadByte(conn, offset + i);
}

/** Index of the first byte of `buf[from..from+4)` that differs from word `want`'s bytes. */
function firstDiff(buf: Uint8Array, from: number, want: number): number {
  for (let k = 0; k < 3; k++) if (buf[from + k] !== ((want >>> (8 * k)) & 0xff)) return from + k;
  return from + 3;
}

/**
 * Checks that `bytes` (its first `length` bytes) are the payload of `conn` from
 * `offset`. Returns -1 when every byte matches, else the index (within
 * `bytes`) of the first mismatch.
 */
export function verifyPayload(conn: number, offset: number, bytes: Uint8Array, length = bytes.length): number {
  const n = Math.min(length, bytes.length);
  const head = LITTLE_ENDIAN ? headLength(bytes) : n;
  for (let i = 0; i < head; i++) if (bytes[i] !== payloadByte(conn, offset + i)) return i;
  const words = (n - head) >>> 2;
  if (words > 0) {
    const u = wordsOf(bytes);
    const u0 = (bytes.byteOffset + head) >>> 2;
    const o = offset + head;
    const s = o % 4;
    let w = Math.floor(o / 4);
    let j = w % BLOCK_WORDS;
    let k = 0;
    if (s === 0) {
      while (k < words) {
        const end = Math.min(words, k + BLOCK_WORDS - j);
        let x = (blockAt(conn, w) + Math.imul(j, STEP)) | 0;
        const end4 = end - 3;
        for (; k < end4; k += 4) {
          const d = (u[u0 + k]! ^ x) | (u[u0 + k + 1]! ^ ((x + STEP) | 0)) | (u[u0 + k + 2]! ^ ((x + STEP2) | 0)) | (u[u0 + k + 3]! ^ ((x + STEP3) | 0));
          if (d !== 0) break;
          x = (x + STEP4) | 0;
        }
        for (; k < end; k++) {
          if ((u[u0 + k]! | 0) !== x) return firstDiff(bytes, head + 4 * k, x);
          x = (x + STEP) | 0;
        }
        w += BLOCK_WORDS - j;
        j = 0;
      }
    } else {
      const lo = 8 * s;
      const hi = 32 - lo;
      let prev = payloadWord(conn, w);
      w += 1;
      j = w % BLOCK_WORDS;
      while (k < words) {
        const end = Math.min(words, k + BLOCK_WORDS - j);
        let x = (blockAt(conn, w) + Math.imul(j, STEP)) | 0;
        const end4 = end - 3;
        for (; k < end4; k += 4) {
          const x1 = (x + STEP) | 0;
          const x2 = (x + STEP2) | 0;
          const x3 = (x + STEP3) | 0;
          const d = (u[u0 + k]! ^ ((prev >>> lo) | (x << hi))) | (u[u0 + k + 1]! ^ ((x >>> lo) | (x1 << hi))) |
            (u[u0 + k + 2]! ^ ((x1 >>> lo) | (x2 << hi))) | (u[u0 + k + 3]! ^ ((x2 >>> lo) | (x3 << hi)));
          if (d !== 0) break;
          prev = x3;
          x = (x + STEP4) | 0;
        }
        for (; k < end; k++) {
          const want = (prev >>> lo) | (x << hi);
          if ((u[u0 + k]! | 0) !== want) return firstDiff(bytes, head + 4 * k, want);
          prev = x;
          x = (x + STEP) | 0;
        }
        w += BLOCK_WORDS - j;
        j = 0;
      }
    }
  }
  for (let i = head + 4 * words; i < n; i++) if (bytes[i] !== payloadByte(conn, offset + i)) return i;
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

  /** Checks the next delivered chunk (its first `length` bytes); returns false once any byte was wrong. */
  accept(chunk: Uint8Array, length = chunk.length): boolean {
    const n = Math.min(length, chunk.length);
    if (this.firstMismatch < 0) {
      const at = verifyPayload(this.conn, this.offset, chunk, n);
      if (at >= 0) this.firstMismatch = this.offset + at;
    }
    this.offset += n;
    return this.firstMismatch < 0;
  }

  get ok(): boolean {
    return this.firstMismatch < 0;
  }
}
