// The pending-event set, ordered by (time, insertion order) so that
// equal-time events dispatch in the order they were scheduled, every run
// (ns-3's scheduler contract).
//
// Structure: a hierarchical timing wheel used as a radix queue over the bits of
// the integer time (Varghese and Lauck's hierarchical wheels; equivalently a
// radix heap with 256-way digits). Time (< 2^53 ns) is read as seven 8-bit
// digits. Relative to a reference time `cur` (<= every event in the wheel), an
// event at time t lives at level L = the highest digit where t differs from
// cur (0 if t == cur), in bucket (L, digit L of t). A bucket is a FIFO linked
// list threaded through the slot arrays. Level 0 buckets hold exact times. To
// find the next event: the lowest non-empty level-0 bucket if any; otherwise
// take the lowest non-empty bucket of the lowest non-empty level, move `cur` to
// the start of its range and re-insert its events one or more levels lower
// ("cascade"). An event cascades at most once per level it descends: a delay
// of d ns costs about log256(d) moves, with no comparisons between events.
//
// Why not a heap: the first version (a 4-ary heap over typed arrays, commit
// 907d459) was measured against this wheel on the kernel bench's mix (4096
// pending events, delays over six orders of magnitude), queue operations
// alone, by CPU time on this project's 2-core machine: about 5 M events/s for
// the heap, dominated by mispredicted comparisons in sift-down, against about
// 11-12 M events/s for the wheel. bench/kernel.bench.ts keeps a textbook
// binary heap of event objects as the baseline.
//
// Order: equal times share a bucket at every level (the bucket depends only on
// t and cur), buckets are appended to in insertion order, and a cascade empties
// its bucket into lower buckets that are empty at that moment (nothing earlier
// is pending), in list order; so each level-0 bucket is in insertion order.
//
// Early events: peekTime() may cascade, moving `cur` forward to the start of
// the next bucket's range while `now` stays behind (a driver that stops at a
// horizon). An event then scheduled in [now, cur) goes to a small binary heap
// on (time, seq), which is drained before the wheel: all its times are < cur
// <= every wheel time.
//
// Cancel is O(1): it clears the slot's handler; the entry is unlinked and its
// slot recycled when reached, or by a sweep if cancelled entries ever outnumber
// live ones (and exceed 1024), so a timer re-armed on every ACK cannot grow the
// queue without bound. Payload slots (handler, kind, arg, obj) are recycled
// through a free list; a slot's generation counter is part of the EventId, so
// an id kept after its event fired or was cancelled matches nothing.
//
// EventId = generation * 2^26 + slot: up to 2^26 events pending at once;
// generations wrap modulo 2^26, so ids stay below 2^52. No allocation per event
// once the arrays have grown (by doubling) to the working size.

import { EarlyHeap } from './early-heap';
import type { EventHandler } from './event-handler';

export type EventId = number;

const SLOT_BITS = 2 ** 26;
const GEN_MASK = SLOT_BITS - 1;
const TWO32 = 4294967296;
const LEVELS = 7;
const BUCKETS = LEVELS * 256;
const COMPACT_MIN = 1024;

export class EventQueue {
  // Wheel.
  private readonly head = new Int32Array(BUCKETS).fill(-1);
  private readonly tail = new Int32Array(BUCKETS);
  private readonly mask = new Uint32Array(LEVELS * 8);
  /** Per level, bit w set when mask word w of that level is non-zero. */
  private readonly summary = new Int32Array(LEVELS);
  private readonly levelCount = new Int32Array(LEVELS);
  private curHi = 0;
  private curLo = 0;
  /** Level-0 bucket found by the last peekTime(), or -1 if the early heap goes first. */
  private nextBucket = -1;
  /** Events before cur, ordered by (time, seq). */
  private readonly early = new EarlyHeap();
  // Slots.
  /** handler of each slot; null once its event is cancelled (a free slot keeps its last handler until reused). */
  readonly handler: (EventHandler | null)[];
  /** kind of each slot: an int32 the handler switches on. */
  kind: Int32Array;
  arg: Float64Array;
  readonly obj: unknown[];
  private time: Float64Array;
  private next: Int32Array;
  private gen: Int32Array;
  private free: Int32Array;
  private nFree = 0;
  private nSlots = 0;
  private cap: number;
  private seq = 0;
  private live = 0;
  private cancelled = 0;
  /** Time of the event last removed by take(). */
  takenTime = 0;

  constructor(initialCapacity = 1024) {
    const c = Math.max(16, initialCapacity | 0);
    this.cap = c;
    this.handler = new Array<EventHandler | null>(c).fill(null);
    this.kind = new Int32Array(c);
    this.arg = new Float64Array(c);
    this.obj = new Array<unknown>(c).fill(undefined);
    this.time = new Float64Array(c);
    this.next = new Int32Array(c);
    this.gen = new Int32Array(c);
    this.free = new Int32Array(c);
  }

  /** Live (not cancelled) events waiting. */
  get size(): number {
    return this.live;
  }

  /** Queue an event at `time`, an integer in [reference time, 2^53): the Simulator passes time >= now. */
  push(time: number, handler: EventHandler, kind: number, arg: number, obj: unknown): EventId {
    // Kept small so that it inlines into the caller: an EventId above 2^31 is
    // then never boxed as a heap number.
    const slot = this.nFree > 0 ? this.free[--this.nFree]! : this.newSlot();
    this.handler[slot] = handler;
    this.kind[slot] = kind;
    this.arg[slot] = arg;
    this.obj[slot] = obj;
    this.time[slot] = time;
    this.live++;
    this.place(slot, time);
    return this.gen[slot]! * SLOT_BITS + slot;
  }

  private newSlot(): number {
    if (this.nSlots === this.cap) this.growSlots();
    return this.nSlots++;
  }

  /** Into the wheel, or into the early heap if time is before cur. */
  private place(slot: number, time: number): void {
    const s = this.seq++;
    const hi = (time / TWO32) | 0;
    if (hi < this.curHi || (hi === this.curHi && time >>> 0 < this.curLo)) this.early.push(time, s, slot);
    else this.insert(slot, hi, time >>> 0);
  }

  /** Cancel by id: O(1). Unknown, fired or already cancelled ids are ignored. */
  cancel(id: EventId): boolean {
    const slot = id % SLOT_BITS;
    if (!(slot >= 0 && slot < this.nSlots)) return false;
    if (this.gen[slot] !== (id - slot) / SLOT_BITS) return false;
    if (this.handler[slot] === null) return false;
    this.handler[slot] = null;
    this.obj[slot] = undefined;
    this.gen[slot] = (this.gen[slot]! + 1) & GEN_MASK;
    this.live--;
    this.cancelled++;
    if (this.cancelled > COMPACT_MIN && this.cancelled > this.live) this.sweep();
    return true;
  }

  /** Time of the earliest live event, or -1 if none. Call popSlot() right after to take it. */
  peekTime(): number {
    const handler = this.handler;
    for (;;) {
      if (this.early.n > 0) {
        const s = this.early.topSlot();
        if (handler[s] !== null) {
          this.nextBucket = -1;
          return this.early.topTime();
        }
        this.early.removeTop();
        this.dropCancelled(s);
        continue;
      }
      if (this.levelCount[0]! > 0) {
        const b = this.lowestDigit(0);
        const s = this.head[b]!;
        if (handler[s] !== null) {
          this.nextBucket = b;
          return this.time[s]!;
        }
        this.unlinkHead(b, 0);
        this.dropCancelled(s);
        continue;
      }
      if (!this.cascade()) return -1;
    }
  }

  /**
   * Remove the event found by the last peekTime() and return its slot; call it
   * only directly after a peekTime() that found an event, with no push or
   * cancel in between. The slot's payload stays readable until release(slot).
   */
  popSlot(): number {
    let slot: number;
    const b = this.nextBucket;
    if (b < 0) {
      slot = this.early.topSlot();
      this.early.removeTop();
    } else {
      slot = this.head[b]!;
      this.unlinkHead(b, 0);
      // cur moves to this event's time: only digit 0 changes.
      this.curLo = this.time[slot]! >>> 0;
    }
    this.gen[slot] = (this.gen[slot]! + 1) & GEN_MASK;
    this.live--;
    return slot;
  }

  /**
   * Remove the earliest live event if its time is <= limit and return its
   * slot (its time is then in takenTime); -1 if nothing is pending, -2 if the
   * earliest event is later than limit (it stays queued).
   */
  take(limit: number): number {
    const t = this.peekTime();
    if (t < 0) return -1;
    if (t > limit) return -2;
    this.takenTime = t;
    return this.popSlot();
  }

  /**
   * Return a slot to the free list once its payload has been read. Its
   * generation already moved on when it was popped, so no old id matches it;
   * obj is cleared so that the queue keeps no payload alive.
   */
  release(slot: number): void {
    this.obj[slot] = undefined;
    this.free[this.nFree++] = slot;
  }

  private dropCancelled(slot: number): void {
    this.cancelled--;
    this.free[this.nFree++] = slot;
  }

  /** Link slot (time hi:lo, not below cur) at the tail of its bucket. */
  private insert(slot: number, hi: number, lo: number): void {
    let level: number;
    let digit: number;
    const xh = hi ^ this.curHi;
    if (xh !== 0) {
      level = 4 + ((31 - Math.clz32(xh)) >> 3);
      digit = (hi >>> ((level - 4) << 3)) & 255;
    } else {
      const xl = lo ^ this.curLo;
      level = xl === 0 ? 0 : (31 - Math.clz32(xl)) >> 3;
      digit = (lo >>> (level << 3)) & 255;
    }
    const b = (level << 8) | digit;
    this.next[slot] = -1;
    if (this.head[b]! < 0) {
      this.head[b] = slot;
      this.mask[(level << 3) | (digit >> 5)] = this.mask[(level << 3) | (digit >> 5)]! | (1 << (digit & 31));
      this.summary[level] = this.summary[level]! | (1 << (digit >> 5));
    } else this.next[this.tail[b]!] = slot;
    this.tail[b] = slot;
    this.levelCount[level] = this.levelCount[level]! + 1;
  }

  private unlinkHead(b: number, level: number): void {
    const n = this.next[this.head[b]!]!;
    this.head[b] = n;
    if (n < 0) this.clearBit(level, b & 255);
    this.levelCount[level] = this.levelCount[level]! - 1;
  }

  /** Mark bucket (level, digit) empty. */
  private clearBit(level: number, digit: number): void {
    const w = (level << 3) | (digit >> 5);
    const m = this.mask[w]! & ~(1 << (digit & 31));
    this.mask[w] = m;
    if (m === 0) this.summary[level] = this.summary[level]! & ~(1 << (digit >> 5));
  }

  /** Bucket index of the lowest non-empty digit of a level (which must be non-empty). */
  private lowestDigit(level: number): number {
    const sm = this.summary[level]!;
    const w = 31 - Math.clz32(sm & -sm);
    const m = this.mask[(level << 3) | w]!;
    return (level << 8) | (w << 5) | (31 - Math.clz32(m & -m));
  }

  /**
   * Level 0 is empty: empty the lowest bucket of the lowest non-empty level
   * into lower levels, after moving cur to the start of that bucket's range.
   * false if the wheel is empty.
   */
  private cascade(): boolean {
    let level = 1;
    while (level < LEVELS && this.levelCount[level] === 0) level++;
    if (level === LEVELS) return false;
    const b = this.lowestDigit(level);
    const digit = b & 255;
    if (level >= 4) {
      const sh = (level - 4) << 3;
      const keep = sh + 8;
      this.curHi = (keep >= 32 ? 0 : (this.curHi >>> keep) << keep) | (digit << sh);
      this.curLo = 0;
    } else {
      const sh = level << 3;
      const keep = sh + 8;
      this.curLo = ((keep >= 32 ? 0 : (this.curLo >>> keep) << keep) | (digit << sh)) >>> 0;
    }
    let s = this.head[b]!;
    this.head[b] = -1;
    this.clearBit(level, digit);
    const handler = this.handler;
    const time = this.time;
    const next = this.next;
    let moved = 0;
    while (s >= 0) {
      const n = next[s]!;
      moved++;
      if (handler[s] === null) this.dropCancelled(s);
      else {
        const t = time[s]!;
        this.insert(s, (t / TWO32) | 0, t >>> 0);
      }
      s = n;
    }
    this.levelCount[level] = this.levelCount[level]! - moved;
    return true;
  }

  // ---- maintenance --------------------------------------------------------

  /** Unlink every cancelled entry (wheel and early heap): O(buckets + entries). */
  private sweep(): void {
    const handler = this.handler;
    const next = this.next;
    for (let b = 0; b < BUCKETS; b++) {
      let s = this.head[b]!;
      if (s < 0) continue;
      const level = b >> 8;
      let h = -1;
      let t = -1;
      let dropped = 0;
      while (s >= 0) {
        const n = next[s]!;
        if (handler[s] === null) {
          this.release(s);
          dropped++;
        } else {
          if (h < 0) h = s;
          else next[t] = s;
          t = s;
          next[s] = -1;
        }
        s = n;
      }
      this.head[b] = h;
      if (t >= 0) this.tail[b] = t;
      else this.clearBit(level, b & 255);
      this.levelCount[level] = this.levelCount[level]! - dropped;
    }
    this.early.filter(
      (slot) => handler[slot] !== null,
      (slot) => this.release(slot),
    );
    this.cancelled = 0;
  }

  private growSlots(): void {
    if (this.cap >= SLOT_BITS) throw new RangeError(`EventQueue: more than ${SLOT_BITS} events pending`);
    const c = Math.min(this.cap * 2, SLOT_BITS);
    const i32 = (a: Int32Array): Int32Array => {
      const b = new Int32Array(c);
      b.set(a);
      return b;
    };
    const f64 = (a: Float64Array): Float64Array => {
      const b = new Float64Array(c);
      b.set(a);
      return b;
    };
    this.kind = i32(this.kind);
    this.arg = f64(this.arg);
    this.time = f64(this.time);
    this.next = i32(this.next);
    this.gen = i32(this.gen);
    this.free = i32(this.free);
    for (let i = this.cap; i < c; i++) {
      this.handler.push(null);
      this.obj.push(undefined);
    }
    this.cap = c;
  }
}
