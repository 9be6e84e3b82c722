// The trace: one record per layer crossing (DESIGN.md 2.2) written into a
// bounded ring of typed-array columns. When full, the oldest record is
// overwritten and counted in `overwritten`. With `enabled` false, record()
// returns at once, so a run without a trace pays one branch per crossing.
//
// hash() is FNV-1a (32-bit) over every retained record's fields in order, plus
// the overwritten count: two runs of the same (scenario, seed) give the same
// hash, and a test that compares hashes catches any divergence.

import type { LayerId, TraceKind } from './trace-vocab';
import type { Nanos } from './units';

export interface TraceRecord {
  time: Nanos;
  span: number;
  from: LayerId;
  to: LayerId;
  kind: TraceKind;
  bytes: number;
  cycles: number;
  processor: number;
}

export class TraceRing {
  readonly capacity: number;
  enabled = true;
  // Columns, allocated on the first record so that a simulator whose trace
  // is never written (most tests, runs with the trace off) costs no memory.
  // Read them through indexOf(k); do not write.
  time = new Float64Array(0);
  span = new Uint32Array(0);
  from = new Uint8Array(0);
  to = new Uint8Array(0);
  kind = new Uint8Array(0);
  bytes = new Uint32Array(0);
  cycles = new Float64Array(0);
  processor = new Uint8Array(0);
  private head = 0;
  private len = 0;
  private spans = 0;
  // Span tags of objects in flight (pooled frame buffers, I2O requests): set and
  // read only while the trace is enabled, so a run without a trace never touches it.
  private readonly tags = new WeakMap<object, number>();
  private readonly keyed = new Map<number, number>();
  /**
   * The span of the work running now (a socket call in the OSM, an I2O request
   * in the ISM), for records and messages made on its behalf: whoever sets it
   * restores the previous value before returning. 0: none.
   */
  current = 0;
  private lost = 0;
  private written = 0;

  constructor(capacity: number) {
    if (!(capacity >= 1) || !Number.isSafeInteger(capacity)) {
      throw new RangeError(`TraceRing: capacity must be a positive integer, got ${capacity}`);
    }
    this.capacity = capacity;
  }

  private allocate(): void {
    const c = this.capacity;
    this.time = new Float64Array(c);
    this.span = new Uint32Array(c);
    this.from = new Uint8Array(c);
    this.to = new Uint8Array(c);
    this.kind = new Uint8Array(c);
    this.bytes = new Uint32Array(c);
    this.cycles = new Float64Array(c);
    this.processor = new Uint8Array(c);
  }

  /** Records retained. */
  get size(): number {
    return this.len;
  }

  /** Records lost to overwriting. */
  get overwritten(): number {
    return this.lost;
  }

  /** Records ever written (retained + overwritten): a version counter for readers. */
  get totalWritten(): number {
    return this.written;
  }

  record(time: Nanos, span: number, from: LayerId, to: LayerId, kind: TraceKind, bytes: number, cycles: number, processor: number): void {
    if (!this.enabled) return;
    if (this.time.length === 0) this.allocate();
    let i: number;
    if (this.len < this.capacity) {
      i = this.head + this.len;
      if (i >= this.capacity) i -= this.capacity;
      this.len++;
    } else {
      i = this.head;
      this.head = i + 1 === this.capacity ? 0 : i + 1;
      this.lost++;
    }
    this.time[i] = time;
    this.span[i] = span;
    this.from[i] = from;
    this.to[i] = to;
    this.kind[i] = kind;
    this.bytes[i] = bytes;
    this.cycles[i] = cycles;
    this.processor[i] = processor;
    this.written++;
  }

  /**
   * A fresh span id (1, 2, 3, ... per Simulator; 0 means "no span"). Call it only
   * when `enabled`, so that a run without a trace pays nothing; ids are then a
   * pure function of the run, like every record. clear() does not reset it.
   */
  nextSpan(): number {
    this.spans = this.spans === 0xffffffff ? 1 : this.spans + 1;
    return this.spans;
  }

  /** Ties `span` to an object in flight (a frame buffer, a message) until it is tagged again. */
  tag(obj: object, span: number): void {
    this.tags.set(obj, span);
  }

  /** The span tied to `obj` by tag(), or 0. */
  tagOf(obj: object): number {
    return this.tags.get(obj) ?? 0;
  }

  /**
   * Ties `span` to a number naming something in flight that is not an object
   * (an I2O message frame's address) until takeKey() reads it.
   */
  tagKey(key: number, span: number): void {
    if (span !== 0) this.keyed.set(key, span);
  }

  /** The span tied to `key`, or 0; it stays tied. */
  keyTag(key: number): number {
    return this.keyed.get(key) ?? 0;
  }

  /** The span tied to `key`, or 0; the tie is removed. */
  takeKey(key: number): number {
    const s = this.keyed.get(key);
    if (s === undefined) return 0;
    this.keyed.delete(key);
    return s;
  }

  /** Drop every record (the overwritten count and the total restart at 0). */
  clear(): void {
    this.head = 0;
    this.len = 0;
    this.lost = 0;
    this.written = 0;
  }

  /** Column index of the k-th oldest retained record. */
  indexOf(k: number): number {
    const i = this.head + k;
    return i >= this.capacity ? i - this.capacity : i;
  }

  /** Visit retained records oldest first. The record object is reused between calls. */
  forEach(cb: (r: Readonly<TraceRecord>, k: number) => void): void {
    const r: TraceRecord = { time: 0 as Nanos, span: 0, from: 0, to: 0, kind: 0, bytes: 0, cycles: 0, processor: 0 };
    for (let k = 0; k < this.len; k++) {
      const i = this.indexOf(k);
      r.time = this.time[i]! as Nanos;
      r.span = this.span[i]!;
      r.from = this.from[i]!;
      r.to = this.to[i]!;
      r.kind = this.kind[i]!;
      r.bytes = this.bytes[i]!;
      r.cycles = this.cycles[i]!;
      r.processor = this.processor[i]!;
      cb(r, k);
    }
  }

  /** Retained records oldest first, as fresh objects. */
  toArray(): TraceRecord[] {
    const out: TraceRecord[] = [];
    this.forEach((r) => out.push({ ...r }));
    return out;
  }

  /**
   * FNV-1a over the retained records and the overwritten count, as 8 hex
   * digits. Float64 fields are hashed through their bytes as a little-endian
   * machine stores them (every platform this lab runs on).
   */
  hash(): string {
    const f = new Float64Array(1);
    const w = new Uint32Array(f.buffer);
    let h = 0x811c9dc5;
    const mix = (x: number): void => {
      for (let b = 0; b < 4; b++) {
        h ^= (x >>> (8 * b)) & 0xff;
        h = Math.imul(h, 0x01000193);
      }
    };
    const mixF64 = (x: number): void => {
      f[0] = x;
      mix(w[0]!);
      mix(w[1]!);
    };
    mix(this.lost);
    for (let k = 0; k < this.len; k++) {
      const i = this.indexOf(k);
      mixF64(this.time[i]!);
      mix(this.span[i]!);
      mix(this.from[i]! | (this.to[i]! << 8) | (this.kind[i]! << 16) | (this.processor[i]! << 24));
      mix(this.bytes[i]!);
      mixF64(this.cycles[i]!);
    }
    return (h >>> 0).toString(16).padStart(8, '0');
  }
}
