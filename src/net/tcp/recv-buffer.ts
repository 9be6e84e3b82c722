// The receive buffer: a ring of bytes with a fixed capacity (SO_RCVBUF).
//
// Contract: [0, length) is in-order data the application has not read yet.
// Bytes past the readable end belong to the out-of-order assembler
// (assembler.ts): `writeAt(off, ...)` stores them `off` bytes past the readable
// end without making them readable, and `commit(n)` makes n more bytes readable
// once the hole before them is filled. Nothing is ever written past capacity:
// the caller trims to `free` first (RFC 9293 3.10.7.4, the window is the buffer).

export class RecvBuffer {
  readonly capacity: number;
  private readonly mem: Uint8Array;
  private head = 0;
  private len = 0;

  constructor(capacity: number) {
    this.capacity = Math.max(1, capacity);
    this.mem = new Uint8Array(this.capacity);
  }

  get length(): number {
    return this.len;
  }

  get free(): number {
    return this.capacity - this.len;
  }

  /** Stores src[srcOff, srcOff+n) at `off` bytes past the readable end. */
  writeAt(off: number, src: Uint8Array, srcOff: number, n: number): void {
    const k = Math.max(0, Math.min(n, this.free - off));
    if (k === 0) return;
    const at = (this.head + this.len + off) % this.capacity;
    const first = Math.min(k, this.capacity - at);
    if (srcOff === 0 && first === src.length) this.mem.set(src, at);
    else copyBytes(this.mem, at, src, srcOff, first);
    if (k > first) copyBytes(this.mem, 0, src, srcOff + first, k - first);
  }

  commit(n: number): void {
    this.len += Math.max(0, Math.min(n, this.free));
  }

  /** Copies up to into.length readable bytes out; returns the count. */
  read(into: Uint8Array): number {
    const n = Math.min(into.length, this.len);
    const first = Math.min(n, this.capacity - this.head);
    into.set(this.mem.subarray(this.head, this.head + first), 0);
    if (n > first) into.set(this.mem.subarray(0, n - first), first);
    this.head = (this.head + n) % this.capacity;
    this.len -= n;
    return n;
  }
}

/** dst[at..] = src[from, from+n) without creating a view object. */
function copyBytes(dst: Uint8Array, at: number, src: Uint8Array, from: number, n: number): void {
  for (let i = 0; i < n; i++) dst[at + i] = src[from + i]!;
}
