// Frame buffers reused by exact length. A bulk flow uses two or three frame
// sizes (full segments, ACKs), so a free list per length keeps the steady state
// allocation-free while every buffer is exactly one frame long (no subarray view
// has to be made to hand it on). Buffers are kept, never released: the pool's
// size is the peak number of frames in flight, which the callers bound.

export class FramePool {
  private readonly free: (Uint8Array[] | undefined)[] = [];
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
    const list = this.free[len];
    const b = list?.pop();
    if (b !== undefined) return b;
    this.allocated += 1;
    return new Uint8Array(len);
  }

  /** Returns a buffer taken from this pool. */
  give(buf: Uint8Array): void {
    let list = this.free[buf.length];
    if (list === undefined) {
      list = [];
      this.free[buf.length] = list;
    }
    list.push(buf);
  }
}
