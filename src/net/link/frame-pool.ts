// Frame buffers reused by exact length. A bulk flow uses two or three frame
// sizes (full segments, ACKs), so a free list per length keeps the steady state
// allocation-free while every buffer is exactly one frame long (no subarray view
// has to be made to hand it on). Buffers are kept, never released: the pool's
// size is the peak number of frames in flight, which the callers bound.
//
// Lookup: the free lists live in a Map by length, with the two lengths used
// last cached in fields, so the usual take/give (a full segment, an ACK) does
// no hashing at all. (A plain array indexed by length would fall into V8's
// slow dictionary elements for lengths above ~1 KiB.)

export class FramePool {
  private readonly free = new Map<number, Uint8Array[]>();
  private lenA = -1;
  private listA: Uint8Array[] = [];
  private lenB = -1;
  private listB: Uint8Array[] = [];
  /** Buffers ever created (a measure of the pool's footprint). */
  allocated = 0;

  /** A buffer of exactly `len` bytes holding a copy of `src` (its first `len` bytes). */
  copyOf(src: Uint8Array, len = src.length): Uint8Array {
    const buf = this.take(len);
    buf.set(len === src.length ? src : src.subarray(0, len));
    return buf;
  }

  /** A buffer of exactly `len` bytes, contents unspecified. */
  take(len: number): Uint8Array {
    const list = this.listFor(len);
    if (list.length > 0) return list.pop()!;
    this.allocated += 1;
    return new Uint8Array(len);
  }

  /** Returns a buffer taken from this pool. */
  give(buf: Uint8Array): void {
    this.listFor(buf.length).push(buf);
  }

  /** The free list for `len`, made on first use; the last two lengths asked for are cached. */
  private listFor(len: number): Uint8Array[] {
    if (len === this.lenA) return this.listA;
    if (len === this.lenB) {
      // Swap so the most recent length is checked first.
      const l = this.listB;
      this.lenB = this.lenA;
      this.listB = this.listA;
      this.lenA = len;
      this.listA = l;
      return l;
    }
    let list = this.free.get(len);
    if (list === undefined) {
      list = [];
      this.free.set(len, list);
    }
    this.lenB = this.lenA;
    this.listB = this.listA;
    this.lenA = len;
    this.listA = list;
    return list;
  }
}
