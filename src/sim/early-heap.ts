// A small binary min-heap of (time, seq, slot) ordered by (time, seq): the
// event queue's holding area for events scheduled before its wheel's
// reference time (see event-queue.ts). Rarely used, so kept plain; it grows by
// doubling and allocates nothing per event once grown.

export class EarlyHeap {
  private time = new Float64Array(16);
  private seq = new Float64Array(16);
  private slot = new Int32Array(16);
  /** Entries held. */
  n = 0;

  /** Time of the least entry (n > 0). */
  topTime(): number {
    return this.time[0]!;
  }

  /** Slot of the least entry (n > 0). */
  topSlot(): number {
    return this.slot[0]!;
  }

  push(t: number, s: number, slot: number): void {
    if (this.n === this.time.length) this.grow();
    const time = this.time;
    const seq = this.seq;
    let i = this.n++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = time[p]!;
      if (pt < t || (pt === t && seq[p]! < s)) break;
      time[i] = pt;
      seq[i] = seq[p]!;
      this.slot[i] = this.slot[p]!;
      i = p;
    }
    time[i] = t;
    seq[i] = s;
    this.slot[i] = slot;
  }

  removeTop(): void {
    const n = --this.n;
    if (n === 0) return;
    const time = this.time;
    const seq = this.seq;
    const t = time[n]!;
    const s = seq[n]!;
    const sl = this.slot[n]!;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      let ct = time[c]!;
      let cs = seq[c]!;
      if (c + 1 < n) {
        const dt = time[c + 1]!;
        const ds = seq[c + 1]!;
        if (dt < ct || (dt === ct && ds < cs)) {
          c++;
          ct = dt;
          cs = ds;
        }
      }
      if (t < ct || (t === ct && s < cs)) break;
      time[i] = ct;
      seq[i] = cs;
      this.slot[i] = this.slot[c]!;
      i = c;
    }
    time[i] = t;
    seq[i] = s;
    this.slot[i] = sl;
  }

  /** Keep only the entries whose slot passes `keep`; hand the others to `drop`. */
  filter(keep: (slot: number) => boolean, drop: (slot: number) => void): void {
    const n = this.n;
    const t = this.time.slice(0, n);
    const q = this.seq.slice(0, n);
    const sl = this.slot.slice(0, n);
    this.n = 0;
    for (let i = 0; i < n; i++) {
      if (keep(sl[i]!)) this.push(t[i]!, q[i]!, sl[i]!);
      else drop(sl[i]!);
    }
  }

  private grow(): void {
    const c = this.time.length * 2;
    const t = new Float64Array(c);
    t.set(this.time);
    const q = new Float64Array(c);
    q.set(this.seq);
    const s = new Int32Array(c);
    s.set(this.slot);
    this.time = t;
    this.seq = q;
    this.slot = s;
  }
}
