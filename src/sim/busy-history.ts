// A processor's busy intervals, for utilization over any window.
//
// Intervals are kept in a ring of the last `capacity` intervals (default
// 16384); an interval that starts where the previous one ended is merged into
// it, so a saturated processor uses one entry however long it stays busy. Each
// entry also stores the busy time accumulated before it, so the busy time up to
// any instant t is one binary search: B(t) = before[i] + min(t, end[i]) - start[i].
// busy(from, to) = B(to) - B(from) is exact for every window that starts at or
// after `historyStart` (the end of the newest evicted interval, 0 while nothing
// has been evicted); for earlier windows the answer is unknown and NaN is
// returned rather than a guess.

export class BusyHistory {
  readonly capacity: number;
  private readonly start: Float64Array;
  private readonly end: Float64Array;
  private readonly before: Float64Array;
  private head = 0;
  private len = 0;
  private evictedEnd = 0;
  private evictedBusy = 0;

  constructor(capacity = 16384) {
    this.capacity = Math.max(2, capacity | 0);
    this.start = new Float64Array(this.capacity);
    this.end = new Float64Array(this.capacity);
    this.before = new Float64Array(this.capacity);
  }

  /** Earliest instant from which busy() is exact. */
  get historyStart(): number {
    return this.evictedEnd;
  }

  /** Intervals retained (after merging). */
  get length(): number {
    return this.len;
  }

  /**
   * Record busy [s, e). Intervals arrive in order of start (s not before the
   * previous start); one that touches or overlaps the newest interval is
   * merged into it, so busy time is the measure of the union. Empty intervals
   * are ignored.
   */
  add(s: number, e: number): void {
    if (!(e > s)) return;
    if (this.len > 0) {
      const last = (this.head + this.len - 1) % this.capacity;
      if (s <= this.end[last]!) {
        if (e > this.end[last]!) this.end[last] = e;
        return;
      }
      const beforeNext = this.before[last]! + this.end[last]! - this.start[last]!;
      if (this.len === this.capacity) this.evict();
      const i = (this.head + this.len) % this.capacity;
      this.start[i] = s;
      this.end[i] = e;
      this.before[i] = beforeNext;
      this.len++;
      return;
    }
    const i = this.head;
    this.start[i] = s;
    this.end[i] = e;
    this.before[i] = this.evictedBusy;
    this.len = 1;
  }

  /** Busy time in [0, t); NaN if t is before historyStart. */
  busyUntil(t: number): number {
    if (t < this.evictedEnd) return NaN;
    // Last interval with start <= t.
    let lo = 0;
    let hi = this.len - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const i = (this.head + mid) % this.capacity;
      if (this.start[i]! <= t) {
        found = i;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found < 0) return this.evictedBusy;
    const e = this.end[found]!;
    return this.before[found]! + (t < e ? t : e) - this.start[found]!;
  }

  private evict(): void {
    const i = this.head;
    this.evictedBusy = this.before[i]! + this.end[i]! - this.start[i]!;
    this.evictedEnd = this.end[i]!;
    this.head = (i + 1) % this.capacity;
    this.len--;
  }
}
