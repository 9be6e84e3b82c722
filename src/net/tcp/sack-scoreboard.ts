// The sender's SACK scoreboard and the RFC 6675 section 4 functions over it:
// IsLost, pipe and NextSeg's choice among holes.
//
// Contract: holds the SACKed ranges above SND.UNA (HighACK), sorted and merged,
// at most `maxRanges` of them (further ranges are ignored: less information,
// never wrong). `highRxt` is one past the highest byte retransmitted in the
// current recovery (RFC 6675's HighRxt, kept exclusive). Preallocated arrays:
// updating on an ACK allocates nothing.
import type { SeqNumber } from '../wire/seq';
import { seqDiff, seqGe, seqGt, seqLe, seqLt, seqMax, seqMin } from '../wire/seq';
import type { TcpSackBlock } from '../wire/types';

/** RFC 6675 section 2: DupThresh = 3. */
export const DUP_THRESH = 3;

export class SackScoreboard {
  private readonly left: SeqNumber[] = [];
  private readonly right: SeqNumber[] = [];
  private count = 0;
  readonly maxRanges: number;
  highRxt: SeqNumber | null = null;

  constructor(maxRanges = 32) {
    this.maxRanges = maxRanges;
  }

  get rangeCount(): number {
    return this.count;
  }

  get isEmpty(): boolean {
    return this.count === 0;
  }

  clear(): void {
    this.count = 0;
    this.highRxt = null;
  }

  /** Drops the SACKed ranges (receiver reneging) but keeps HighRxt for pipe. */
  forgetSacked(): void {
    this.count = 0;
  }

  /**
   * Adds the blocks of one ACK that lie within (una, sndMax]; returns the number
   * of bytes newly SACKed (0 when the ACK brought no new SACK information).
   */
  update(blocks: readonly TcpSackBlock[] | undefined, una: SeqNumber, sndMax: SeqNumber): number {
    if (blocks === undefined) return 0;
    let fresh = 0;
    for (let b = 0; b < blocks.length; b++) {
      const blk = blocks[b]!;
      const l = seqMax(blk.left, una);
      const r = seqMin(blk.right, sndMax);
      // RFC 2018 / RFC 6675: ignore blocks below SND.UNA, beyond what we sent, or empty.
      if (!seqLt(l, r) || seqGt(blk.right, sndMax) || seqLt(blk.left, una)) continue;
      fresh += this.insert(l, r);
    }
    return fresh;
  }

  /** SND.UNA advanced: forget ranges below it. */
  advance(una: SeqNumber): void {
    let k = 0;
    while (k < this.count && seqLe(this.right[k]!, una)) k++;
    if (k > 0) this.remove(0, k);
    if (this.count > 0 && seqLt(this.left[0]!, una)) this.left[0] = una;
    if (this.highRxt !== null && seqLe(this.highRxt, una)) this.highRxt = null;
  }

  isSacked(s: SeqNumber): boolean {
    for (let i = 0; i < this.count; i++) {
      if (seqLe(this.left[i]!, s) && seqLt(s, this.right[i]!)) return true;
    }
    return false;
  }

  /** Highest SACKed sequence number plus one, or null. */
  get highestSacked(): SeqNumber | null {
    return this.count === 0 ? null : this.right[this.count - 1]!;
  }

  /**
   * Every unSACKed byte below the returned sequence number is lost by RFC 6675
   * IsLost: DupThresh discontiguous SACKed ranges lie above it, or more than
   * (DupThresh - 1) * SMSS SACKed bytes do. Returns `una` when nothing is lost.
   */
  lostBoundary(una: SeqNumber, mss: number): SeqNumber {
    let bytes = 0;
    for (let i = this.count - 1, n = 1; i >= 0; i--, n++) {
      bytes += seqDiff(this.right[i]!, this.left[i]!);
      if (n >= DUP_THRESH || bytes > (DUP_THRESH - 1) * mss) return seqMax(this.left[i]!, una);
    }
    return una;
  }

  isLost(s: SeqNumber, una: SeqNumber, mss: number): boolean {
    return !this.isSacked(s) && seqLt(s, this.lostBoundary(una, mss));
  }

  /** UnSACKed bytes in [a, b). */
  unsackedIn(a: SeqNumber, b: SeqNumber): number {
    if (!seqLt(a, b)) return 0;
    let n = seqDiff(b, a);
    for (let i = 0; i < this.count; i++) {
      const l = seqMax(this.left[i]!, a);
      const r = seqMin(this.right[i]!, b);
      if (seqLt(l, r)) n -= seqDiff(r, l);
    }
    return n;
  }

  /**
   * RFC 6675 SetPipe: octets outstanding = unSACKed octets not yet lost, plus
   * octets retransmitted (up to HighRxt).
   */
  pipe(una: SeqNumber, sndMax: SeqNumber, mss: number): number {
    const lost = this.lostBoundary(una, mss);
    let p = this.unsackedIn(seqMax(lost, una), sndMax);
    if (this.highRxt !== null) p += this.unsackedIn(una, seqMin(this.highRxt, sndMax));
    return p;
  }

  /**
   * The first unSACKed byte at or after `from` and below `limit`, with the end of
   * its hole, written to `out`; false when there is none.
   */
  nextHole(from: SeqNumber, limit: SeqNumber, out: { start: SeqNumber; end: SeqNumber }): boolean {
    let s = from;
    for (let i = 0; i < this.count && seqLt(s, limit); i++) {
      if (seqLe(this.right[i]!, s)) continue;
      if (seqLt(s, this.left[i]!)) {
        out.start = s;
        out.end = seqMin(this.left[i]!, limit);
        return true;
      }
      s = this.right[i]!;
    }
    if (seqLt(s, limit)) {
      out.start = s;
      out.end = limit;
      return true;
    }
    return false;
  }

  /** End of the SACKed range that starts at or covers `s`, or `s` itself. */
  skipSacked(s: SeqNumber): SeqNumber {
    for (let i = 0; i < this.count; i++) {
      if (seqLe(this.left[i]!, s) && seqLt(s, this.right[i]!)) return this.right[i]!;
    }
    return s;
  }

  private insert(l: SeqNumber, r: SeqNumber): number {
    let i = 0;
    while (i < this.count && seqLt(this.right[i]!, l)) i++;
    if (i < this.count && seqLe(this.left[i]!, r)) {
      const before = this.coveredFrom(i);
      this.left[i] = seqMin(this.left[i]!, l);
      this.right[i] = seqMax(this.right[i]!, r);
      let j = i + 1;
      let absorbed = 0;
      while (j < this.count && seqLe(this.left[j]!, this.right[i]!)) {
        absorbed += seqDiff(this.right[j]!, this.left[j]!);
        this.right[i] = seqMax(this.right[i]!, this.right[j]!);
        j++;
      }
      this.remove(i + 1, j - (i + 1));
      return seqDiff(this.right[i]!, this.left[i]!) - before - absorbed;
    }
    if (this.count >= this.maxRanges) return 0;
    for (let k = this.count; k > i; k--) {
      this.left[k] = this.left[k - 1]!;
      this.right[k] = this.right[k - 1]!;
    }
    this.left[i] = l;
    this.right[i] = r;
    this.count++;
    return seqDiff(r, l);
  }

  private coveredFrom(i: number): number {
    return seqDiff(this.right[i]!, this.left[i]!);
  }

  private remove(at: number, n: number): void {
    for (let k = at; k + n < this.count; k++) {
      this.left[k] = this.left[k + n]!;
      this.right[k] = this.right[k + n]!;
    }
    this.count -= n;
  }

  /** True when [a, b) lies wholly inside one SACKed range. */
  covers(a: SeqNumber, b: SeqNumber): boolean {
    for (let i = 0; i < this.count; i++) {
      if (seqLe(this.left[i]!, a) && seqGe(this.right[i]!, b)) return true;
    }
    return false;
  }
}
