// Out-of-order reassembly bookkeeping (RFC 9293 3.10.7.4, seventh step: "segments
// with higher beginning sequence numbers may be held for later processing").
//
// Contract: the assembler remembers which sequence ranges beyond RCV.NXT have
// been stored (the bytes themselves live in the receive buffer past its readable
// end). The hole list is bounded: a range that would need more than `maxRanges`
// separate entries is refused and its bytes are not counted as received, so a
// hostile peer cannot make the list grow. It also yields the SACK blocks of RFC
// 2018 section 4: the block holding the most recent segment first, then the
// others from most to least recently touched. Arrays are preallocated: adding a
// range allocates nothing.
import type { SeqNumber } from '../wire/seq';
import { seqGt, seqLe, seqLt, seqMax, seqMin } from '../wire/seq';

export class Assembler {
  readonly maxRanges: number;
  private readonly left: SeqNumber[];
  private readonly right: SeqNumber[];
  private readonly stamp: number[];
  private count = 0;
  private clock = 0;

  constructor(maxRanges = 16) {
    this.maxRanges = maxRanges;
    this.left = new Array<SeqNumber>(maxRanges);
    this.right = new Array<SeqNumber>(maxRanges);
    this.stamp = new Array<number>(maxRanges).fill(0);
  }

  get rangeCount(): number {
    return this.count;
  }

  get isEmpty(): boolean {
    return this.count === 0;
  }

  /** Range i in ascending order, for tests and the SACK encoder. */
  rangeAt(i: number): { left: SeqNumber; right: SeqNumber } | undefined {
    if (i < 0 || i >= this.count) return undefined;
    return { left: this.left[i]!, right: this.right[i]! };
  }

  /** Records [l, r) as held; false when the hole list is full (bytes not kept). */
  add(l: SeqNumber, r: SeqNumber): boolean {
    if (!seqLt(l, r)) return true;
    const t = ++this.clock;
    // Find the first range whose right edge reaches l (candidates to merge).
    let i = 0;
    while (i < this.count && seqLt(this.right[i]!, l)) i++;
    if (i < this.count && seqLe(this.left[i]!, r)) {
      // Overlaps or touches range i: widen it, then swallow followers it reaches.
      this.left[i] = seqMin(this.left[i]!, l);
      this.right[i] = seqMax(this.right[i]!, r);
      this.stamp[i] = t;
      let j = i + 1;
      while (j < this.count && seqLe(this.left[j]!, this.right[i]!)) {
        this.right[i] = seqMax(this.right[i]!, this.right[j]!);
        j++;
      }
      this.removeRange(i + 1, j - (i + 1));
      return true;
    }
    if (this.count === this.maxRanges) return false;
    for (let k = this.count; k > i; k--) {
      this.left[k] = this.left[k - 1]!;
      this.right[k] = this.right[k - 1]!;
      this.stamp[k] = this.stamp[k - 1]!;
    }
    this.left[i] = l;
    this.right[i] = r;
    this.stamp[i] = t;
    this.count++;
    return true;
  }

  /**
   * RCV.NXT reached `nxt`: drops ranges now below it and returns the new
   * contiguous end (nxt extended through any range that begins at or before it).
   */
  advance(nxt: SeqNumber): SeqNumber {
    let end = nxt;
    let k = 0;
    while (k < this.count && seqLe(this.left[k]!, end)) {
      end = seqMax(end, this.right[k]!);
      k++;
    }
    this.removeRange(0, k);
    return end;
  }

  /** True if [l, r) is entirely held already. */
  holds(l: SeqNumber, r: SeqNumber): boolean {
    for (let i = 0; i < this.count; i++) {
      if (seqLe(this.left[i]!, l) && seqLe(r, this.right[i]!)) return true;
    }
    return false;
  }

  /**
   * Fills `out` with up to out.length SACK blocks, most recently touched first
   * (RFC 2018 section 4), and returns how many were written.
   */
  sackBlocks(out: { left: SeqNumber; right: SeqNumber }[], max: number): number {
    const n = Math.min(max, this.count, out.length);
    let lastStamp = Infinity;
    for (let b = 0; b < n; b++) {
      let best = -1;
      for (let i = 0; i < this.count; i++) {
        const s = this.stamp[i]!;
        if (s < lastStamp && (best < 0 || s > this.stamp[best]!)) best = i;
      }
      if (best < 0) return b;
      const blk = out[b]!;
      blk.left = this.left[best]!;
      blk.right = this.right[best]!;
      lastStamp = this.stamp[best]!;
    }
    return n;
  }

  clear(): void {
    this.count = 0;
  }

  /** Highest right edge held, or undefined when empty. */
  get highest(): SeqNumber | undefined {
    if (this.count === 0) return undefined;
    let h = this.right[0]!;
    for (let i = 1; i < this.count; i++) if (seqGt(this.right[i]!, h)) h = this.right[i]!;
    return h;
  }

  private removeRange(at: number, n: number): void {
    if (n <= 0) return;
    for (let k = at; k + n < this.count; k++) {
      this.left[k] = this.left[k + n]!;
      this.right[k] = this.right[k + n]!;
      this.stamp[k] = this.stamp[k + n]!;
    }
    this.count -= n;
  }
}
