// The send buffer: a ring of bytes with a fixed capacity (SO_SNDBUF) holding
// everything the application wrote that the peer has not yet acknowledged.
//
// Contract: byte 0 is the oldest unacknowledged data byte. `segment(off, len)`
// returns the bytes [off, off+len) as a Uint8Array that stays valid until the
// next call; it is copied into a scratch area that shares the ring's memory
// (copyWithin, no allocation) and the view for each length is created once and
// kept, so emitting full-size segments allocates nothing.

export class SendBuffer {
  readonly capacity: number;
  private readonly mem: Uint8Array;
  private readonly scratchAt: number;
  private readonly scratchLen: number;
  private readonly views = new Map<number, Uint8Array>();
  private head = 0;
  private len = 0;

  constructor(capacity: number, maxSegment: number) {
    this.capacity = Math.max(1, capacity);
    this.scratchLen = Math.max(1, maxSegment);
    this.scratchAt = this.capacity;
    this.mem = new Uint8Array(this.capacity + this.scratchLen);
  }

  get length(): number {
    return this.len;
  }

  get free(): number {
    return this.capacity - this.len;
  }

  /** Copies as much of `data` as fits; returns the count taken. */
  write(data: Uint8Array): number {
    const n = Math.min(this.free, data.length);
    if (n === 0) return 0;
    const tail = (this.head + this.len) % this.capacity;
    const first = Math.min(n, this.capacity - tail);
    if (first === data.length) this.mem.set(data, tail);
    else this.mem.set(data.subarray(0, first), tail);
    if (n > first) this.mem.set(data.subarray(first, n), 0);
    this.len += n;
    return n;
  }

  /** Drops the `n` oldest bytes (they were acknowledged). */
  consume(n: number): void {
    const k = Math.min(n, this.len);
    this.head = (this.head + k) % this.capacity;
    this.len -= k;
  }

  /** The bytes [off, off+len) (len <= maxSegment), valid until the next call. */
  segment(off: number, len: number): Uint8Array {
    const n = Math.max(0, Math.min(len, this.len - off, this.scratchLen));
    const start = (this.head + off) % this.capacity;
    const first = Math.min(n, this.capacity - start);
    this.mem.copyWithin(this.scratchAt, start, start + first);
    if (n > first) this.mem.copyWithin(this.scratchAt + first, 0, n - first);
    let v = this.views.get(n);
    if (v === undefined) {
      v = this.mem.subarray(this.scratchAt, this.scratchAt + n);
      this.views.set(n, v);
    }
    return v;
  }
}
