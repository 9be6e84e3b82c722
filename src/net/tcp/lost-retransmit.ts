// Detection of lost retransmissions during SACK recovery, by send order.
//
// RFC 6675 leaves a lost retransmission to the retransmission timer. RACK
// (RFC 8985 section 6.2 and its discussion of lost retransmissions) detects it
// by time instead: once data sent *after* a retransmission is SACKed while the
// retransmitted hole stays open, the retransmission is lost (reordering wider
// than that is taken for loss). Linux did the same by sequence before RACK
// (tcp_mark_lost_retrans kept snd_nxt with each retransmission). We do it that
// way: each retransmission of a recovery is logged with HighData (SND.MAX) at
// the moment it left, so "sent after it" means "at or above that mark".
// Retransmissions leave in non-decreasing mark order, so the lost ones are
// always a prefix of the log; the sender takes the unSACKed bytes of that
// prefix first (sack-recovery.ts) and logs each resend again at the tail.
//
// Contract: a preallocated ring of `capacity` entries (a full log forgets the
// oldest: less detection, never a wrong one); nothing allocates per ACK.
// `nextLost` drops exhausted entries as it looks, an idempotent step, so the
// planner may call it from pollAt().
import type { SeqNumber } from '../wire/seq';
import { seq, seqGt, seqMax } from '../wire/seq';
import type { SackScoreboard } from './sack-scoreboard';

export class RetransmitLog {
  private readonly starts: SeqNumber[];
  private readonly ends: SeqNumber[];
  private readonly marks: SeqNumber[];
  private head = 0;
  private count = 0;
  /** Entries at the head known lost (overtaken by later-sent data). */
  private lost = 0;

  constructor(private readonly capacity = 64) {
    this.starts = new Array<SeqNumber>(capacity).fill(seq(0));
    this.ends = new Array<SeqNumber>(capacity).fill(seq(0));
    this.marks = new Array<SeqNumber>(capacity).fill(seq(0));
  }

  get size(): number {
    return this.count;
  }

  get lostCount(): number {
    return this.lost;
  }

  clear(): void {
    this.head = 0;
    this.count = 0;
    this.lost = 0;
  }

  /** A retransmission of [start, end) left while HighData was `mark`. */
  record(start: SeqNumber, end: SeqNumber, mark: SeqNumber): void {
    if (this.count === this.capacity) this.pop();
    const i = (this.head + this.count) % this.capacity;
    this.starts[i] = start;
    this.ends[i] = end;
    this.marks[i] = mark;
    this.count++;
  }

  /**
   * One past the highest SACKed byte is `highestSacked`: every retransmission
   * that left before the SACKed data above its mark is now known lost.
   * Returns how many became lost.
   */
  markOvertaken(highestSacked: SeqNumber): number {
    let n = 0;
    while (this.lost < this.count && seqGt(highestSacked, this.marks[(this.head + this.lost) % this.capacity]!)) {
      this.lost++;
      n++;
    }
    return n;
  }

  /**
   * The first unSACKed hole at or above `una` within a lost retransmission,
   * written to `out`; false when none is left.
   */
  nextLost(una: SeqNumber, sb: SackScoreboard, out: { start: SeqNumber; end: SeqNumber }): boolean {
    while (this.lost > 0) {
      const from = seqMax(this.starts[this.head]!, una);
      if (seqGt(this.ends[this.head]!, from) && sb.nextHole(from, this.ends[this.head]!, out)) return true;
      this.pop();
    }
    return false;
  }

  /** The head lost entry was resent up to `upTo`. */
  resent(upTo: SeqNumber): void {
    if (this.lost > 0 && seqGt(upTo, this.starts[this.head]!)) this.starts[this.head] = upTo;
  }

  private pop(): void {
    this.head = (this.head + 1) % this.capacity;
    this.count--;
    if (this.lost > 0) this.lost--;
  }
}
