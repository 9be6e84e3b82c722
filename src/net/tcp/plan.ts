// Building blocks of the sender's choice: the plan record, a segment of
// queued data at a given sequence number, and new data subject to the windows,
// Nagle (RFC 896, Minshall's variant) and sender SWS avoidance (RFC 9293 3.8.6.2.1).
//
// Contract: these functions write the chosen segment to `plan` and change
// nothing else, except that planData skips SND.NXT over SACKed data after a
// timeout (an idempotent step), so pollAt() may call them freely.
import type { SeqNumber } from '../wire/seq';
import { seq, seqAdd, seqDiff, seqLe, seqLt } from '../wire/seq';
import type { Tcb } from './tcb';

export type PlanKind = 'syn' | 'data' | 'retransmit-una' | 'sack-retransmit' | 'lost-retransmit' | 'probe';

export interface SegmentPlan {
  kind: PlanKind;
  seq: SeqNumber;
  len: number;
  fin: boolean;
}

export function newPlan(): SegmentPlan {
  return { kind: 'data', seq: seq(0), len: 0, fin: false };
}

export function fill(plan: SegmentPlan, kind: PlanKind, s: SeqNumber, len: number, fin: boolean): true {
  plan.kind = kind;
  plan.seq = s;
  plan.len = len;
  plan.fin = fin;
  return true;
}

/** Up to maxLen bytes of queued data from `s`, with the FIN if it is next. */
export function segmentAt(tcb: Tcb, s: SeqNumber, maxLen: number, kind: PlanKind, plan: SegmentPlan): boolean {
  const avail = Math.max(0, seqDiff(tcb.dataEnd, s));
  const len = Math.min(maxLen, avail);
  const fin = tcb.finQueued && seqAdd(s, len) === tcb.finSeq;
  if (len === 0 && !fin) return false;
  return fill(plan, kind, s, len, fin);
}

/** New data (or go-back-N retransmission after an RTO) within `usable` bytes of window. */
export function planData(tcb: Tcb, maxLen: number, usable: number, plan: SegmentPlan, superLen = maxLen): boolean {
  let s = tcb.sndNxt;
  if (tcb.sackOk && seqLt(s, tcb.sndMax)) {
    // After a timeout, skip what the receiver already holds (RFC 6675 5.1 allows it).
    let skipped = tcb.scoreboard.skipSacked(s);
    while (skipped !== s && seqLt(skipped, tcb.sndMax)) {
      s = skipped;
      skipped = tcb.scoreboard.skipSacked(s);
    }
    s = skipped;
    usable -= seqDiff(s, tcb.sndNxt);
    tcb.sndNxt = s;
  }
  const retransmission = seqLt(s, tcb.sndMax);
  const avail = Math.max(0, seqDiff(tcb.dataEnd, s));
  let len = Math.max(0, Math.min(retransmission ? maxLen : superLen, avail, usable));
  if (retransmission) len = Math.min(len, Math.max(0, seqDiff(tcb.sndMax, s)));
  if (!retransmission && superLen > maxLen && tsoShouldDefer(tcb, len, superLen, avail)) return false;
  if (len > maxLen) len = superSegmentLen(tcb, len, maxLen, avail);
  const finNext = tcb.finQueued && seqLe(s, tcb.finSeq) && seqAdd(s, len) === tcb.finSeq;
  // A FIN beyond the peer's window can wait only if data still needs the window.
  if (len === 0 && !finNext) return false;
  if (!retransmission && len < tcb.sndMss && !finNext && !smallSegmentAllowed(tcb, len, avail)) return false;
  return fill(plan, 'data', s, len, finNext);
}

/**
 * Linux tcp_tso_should_defer (tcp_tso_win_divisor = 3): with super-segments
 * on, new data that the window cuts short waits while data is in flight (an
 * ACK will open more) and less than a third of the window is free, so the NIC
 * or the GSO layer gets sizeable super-segments rather than one or two MSS at
 * each ACK. No timer is needed: the ACKs of the data in flight end the wait.
 */
function tsoShouldDefer(tcb: Tcb, len: number, superLen: number, avail: number): boolean {
  if (len >= superLen || len >= avail || tcb.flightSize === 0) return false;
  return len < Math.min(tcb.cc.cwnd, tcb.sndWnd) / 3;
}

/**
 * Linux tcp_mss_split_point: a super-segment is whole MSS-sized segments; a
 * short tail rides along only when it ends the queue and Nagle would let it go
 * (TCP_NODELAY, or nothing in flight).
 */
function superSegmentLen(tcb: Tcb, len: number, maxLen: number, avail: number): number {
  const partial = len % maxLen;
  if (partial === 0) return len;
  if (len === avail && !nagleHolds(tcb)) return len;
  return len - partial;
}

/**
 * Nagle's rule (RFC 896; RFC 1122 4.2.3.4) in Minshall's variant, as Linux
 * implements it (tcp_nagle_check, tcp_minshall_check): a short segment that
 * empties the queue is held only while a previously sent *short* segment is
 * unacknowledged, not while any data is. Full-sized segments in flight no
 * longer hold the tail of a write, and a stream of small writes keeps at most
 * one short segment outstanding, which avoids Nagle waiting on the peer's
 * delayed-ACK timer after every full segment.
 */
export function nagleHolds(tcb: Tcb): boolean {
  if (tcb.nodelay || tcb.flightSize === 0) return false;
  return seqLt(tcb.sndUna, tcb.sndSml) && seqLe(tcb.sndSml, tcb.sndMax);
}

/**
 * RFC 9293 3.8.6.2.1 and Nagle: a segment shorter than the MSS goes out if it
 * empties the queue and Nagle does not hold it (see nagleHolds), or if it fills
 * at least half the largest window the peer offered, or if nothing is in flight
 * (the SWS override: no ACK will come to open the window further).
 */
function smallSegmentAllowed(tcb: Tcb, len: number, avail: number): boolean {
  if (len <= 0) return false;
  const idle = tcb.flightSize === 0;
  if (len === avail) return !nagleHolds(tcb);
  return idle || len >= tcb.maxSndWnd / 2;
}

