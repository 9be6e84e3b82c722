// The pending-event set: a 4-ary min-heap ordered by (time, insertion sequence),
// so equal-time events dispatch in the order they were scheduled, every run
// (ns-3's scheduler contract).
//
// Layout, chosen for speed (no allocation per event once warmed up):
// - heap order lives in three parallel typed arrays: hTime (Float64), hSeq
//   (Float64, a counter exact to 2^53), hSlot (Int32, an index into the slots);
// - the payload of an event (handler, kind, arg, obj) lives in slot arrays,
//   recycled through a free list; a slot's generation counter is part of the
//   EventId, so an id kept after its event fired or was cancelled matches
//   nothing and cancelling it is a no-op;
// - cancel is O(1): it clears the slot's handler; the heap entry stays and is
//   skipped (and its slot recycled) when it reaches the top. If cancelled
//   entries ever outnumber live ones (and exceed 1024) the heap is compacted in
//   O(n), so a timer re-armed on every ACK cannot grow the heap without bound.
// Every array grows by doubling.
//
// EventId = generation * 2^26 + slot: up to 2^26 (67 million) events pending at
// once; generations wrap modulo 2^26, so ids stay below 2^52.

import type { EventHandler } from './event-handler';

export type EventId = number;

const SLOT_BITS = 2 ** 26;
const MAX_SLOTS = SLOT_BITS;
const COMPACT_MIN = 1024;

export class EventQueue {
  // Heap, in heap order.
  private hTime: Float64Array;
  private hSeq: Float64Array;
  private hSlot: Int32Array;
  private n = 0;
  private seq = 0;
  // Slots.
  /** handler of each slot; null when the slot is free or its event was cancelled. */
  readonly handler: (EventHandler | null)[];
  /** kind of each slot: an int32 the handler switches on. */
  kind: Int32Array;
  arg: Float64Array;
  readonly obj: unknown[];
  private gen: Int32Array;
  private free: Int32Array;
  private nFree = 0;
  private nSlots = 0;
  private cap: number;
  private cancelled = 0;

  constructor(initialCapacity = 1024) {
    const c = Math.max(16, initialCapacity | 0);
    this.cap = c;
    this.hTime = new Float64Array(c);
    this.hSeq = new Float64Array(c);
    this.hSlot = new Int32Array(c);
    this.handler = new Array<EventHandler | null>(c).fill(null);
    this.kind = new Int32Array(c);
    this.arg = new Float64Array(c);
    this.obj = new Array<unknown>(c).fill(undefined);
    this.gen = new Int32Array(c);
    this.free = new Int32Array(c);
  }

  /** Live (not cancelled) events waiting. */
  get size(): number {
    return this.n - this.cancelled;
  }

  /** Entries in the heap, cancelled ones included (for tests and benchmarks). */
  get heapLength(): number {
    return this.n;
  }

  push(time: number, handler: EventHandler, kind: number, arg: number, obj: unknown): EventId {
    let slot: number;
    if (this.nFree > 0) slot = this.free[--this.nFree]!;
    else {
      if (this.nSlots === this.cap) this.grow();
      slot = this.nSlots++;
    }
    this.handler[slot] = handler;
    this.kind[slot] = kind;
    this.arg[slot] = arg;
    this.obj[slot] = obj;
    const s = this.seq++;
    // Sift up with a hole: parent of i is (i - 1) >> 2.
    const hTime = this.hTime;
    const hSeq = this.hSeq;
    const hSlot = this.hSlot;
    let i = this.n++;
    while (i > 0) {
      const p = (i - 1) >> 2;
      const pt = hTime[p]!;
      if (pt < time || (pt === time && hSeq[p]! < s)) break;
      hTime[i] = pt;
      hSeq[i] = hSeq[p]!;
      hSlot[i] = hSlot[p]!;
      i = p;
    }
    hTime[i] = time;
    hSeq[i] = s;
    hSlot[i] = slot;
    return this.gen[slot]! * SLOT_BITS + slot;
  }

  /** Cancel by id: O(1). Unknown, fired or already cancelled ids are ignored. */
  cancel(id: EventId): boolean {
    const slot = id % SLOT_BITS;
    if (!(slot >= 0 && slot < this.nSlots)) return false;
    if (this.gen[slot] !== (id - slot) / SLOT_BITS) return false;
    if (this.handler[slot] === null) return false;
    this.handler[slot] = null;
    this.obj[slot] = undefined;
    this.gen[slot] = (this.gen[slot]! + 1) % SLOT_BITS;
    this.cancelled++;
    if (this.cancelled > COMPACT_MIN && this.cancelled * 2 > this.n) this.compact();
    return true;
  }

  /** Time of the earliest live event, dropping cancelled entries on the way; -1 if none. */
  peekTime(): number {
    while (this.n > 0) {
      const slot = this.hSlot[0]!;
      if (this.handler[slot] !== null) return this.hTime[0]!;
      this.cancelled--;
      this.release(slot);
      this.removeTop();
    }
    return -1;
  }

  /**
   * Remove the top entry (which must be live: call peekTime() first) and return
   * its slot. The slot's payload stays readable until the next push; the caller
   * reads it and then calls release(slot).
   */
  popSlot(): number {
    const slot = this.hSlot[0]!;
    this.removeTop();
    this.gen[slot] = (this.gen[slot]! + 1) % SLOT_BITS;
    return slot;
  }

  /** Return a slot to the free list once its payload has been read. */
  release(slot: number): void {
    this.handler[slot] = null;
    this.obj[slot] = undefined;
    this.free[this.nFree++] = slot;
  }

  private removeTop(): void {
    const last = --this.n;
    if (last === 0) return;
    const hTime = this.hTime;
    const hSeq = this.hSeq;
    const hSlot = this.hSlot;
    const t = hTime[last]!;
    const s = hSeq[last]!;
    const sl = hSlot[last]!;
    this.siftDown(0, t, s, sl, last);
  }

  /** Place (t, s, sl) at hole i of a heap of length len, moving smaller children up. */
  private siftDown(i: number, t: number, s: number, sl: number, len: number): void {
    const hTime = this.hTime;
    const hSeq = this.hSeq;
    const hSlot = this.hSlot;
    for (;;) {
      const c0 = (i << 2) + 1;
      if (c0 >= len) break;
      // Find the least of up to four children.
      let m = c0;
      let mt = hTime[c0]!;
      let ms = hSeq[c0]!;
      const end = c0 + 4 < len ? c0 + 4 : len;
      for (let c = c0 + 1; c < end; c++) {
        const ct = hTime[c]!;
        if (ct < mt || (ct === mt && hSeq[c]! < ms)) {
          m = c;
          mt = ct;
          ms = hSeq[c]!;
        }
      }
      if (t < mt || (t === mt && s < ms)) break;
      hTime[i] = mt;
      hSeq[i] = ms;
      hSlot[i] = hSlot[m]!;
      i = m;
    }
    hTime[i] = t;
    hSeq[i] = s;
    hSlot[i] = sl;
  }

  /** Drop cancelled entries and rebuild the heap bottom-up: O(n). */
  private compact(): void {
    const hTime = this.hTime;
    const hSeq = this.hSeq;
    const hSlot = this.hSlot;
    let k = 0;
    for (let i = 0; i < this.n; i++) {
      const sl = hSlot[i]!;
      if (this.handler[sl] === null) {
        this.release(sl);
        continue;
      }
      hTime[k] = hTime[i]!;
      hSeq[k] = hSeq[i]!;
      hSlot[k] = sl;
      k++;
    }
    this.n = k;
    this.cancelled = 0;
    for (let i = (k - 2) >> 2; i >= 0; i--) this.siftDown(i, hTime[i]!, hSeq[i]!, hSlot[i]!, k);
  }

  private grow(): void {
    if (this.cap >= MAX_SLOTS) throw new RangeError(`EventQueue: more than ${MAX_SLOTS} events pending`);
    const c = Math.min(this.cap * 2, MAX_SLOTS);
    const f64 = (a: Float64Array): Float64Array => {
      const b = new Float64Array(c);
      b.set(a);
      return b;
    };
    const i32 = (a: Int32Array): Int32Array => {
      const b = new Int32Array(c);
      b.set(a);
      return b;
    };
    this.hTime = f64(this.hTime);
    this.hSeq = f64(this.hSeq);
    this.hSlot = i32(this.hSlot);
    this.kind = i32(this.kind);
    this.arg = f64(this.arg);
    this.gen = i32(this.gen);
    this.free = i32(this.free);
    for (let i = this.cap; i < c; i++) {
      this.handler.push(null);
      this.obj.push(undefined);
    }
    this.cap = c;
  }
}
