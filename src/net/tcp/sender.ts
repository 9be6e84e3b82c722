// What to send next: the SYN, a retransmission, SACK-recovery choices (RFC
// 6675 NextSeg), or new data subject to the windows, Nagle (RFC 896) and
// sender SWS avoidance (RFC 9293 3.8.6.2.1).
//
// Contract: `planNext` decides one segment and writes it to `plan`, changing
// nothing else except skipping SND.NXT over SACKed data after a timeout (an
// idempotent step). pollAt() calls it to know whether work is due now.
import type { SeqNumber } from '../wire/seq';
import { seq, seqAdd, seqDiff, seqGt, seqLe, seqLt, seqMax } from '../wire/seq';
import type { Tcb } from './tcb';

export type PlanKind = 'syn' | 'data' | 'retransmit-una' | 'sack-retransmit' | 'probe';

export interface SegmentPlan {
  kind: PlanKind;
  seq: SeqNumber;
  len: number;
  fin: boolean;
}

export function newPlan(): SegmentPlan {
  return { kind: 'data', seq: seq(0), len: 0, fin: false };
}

/** States in which data or our FIN may be (re)transmitted. */
function sendingState(tcb: Tcb): boolean {
  const s = tcb.state;
  return s === 'ESTABLISHED' || s === 'CLOSE-WAIT' || s === 'FIN-WAIT-1' || s === 'CLOSING' || s === 'LAST-ACK';
}

export function planNext(tcb: Tcb, maxLen: number, plan: SegmentPlan): boolean {
  if (tcb.state === 'SYN-SENT' || tcb.state === 'SYN-RECEIVED') {
    if (tcb.sndNxt !== tcb.iss) return false;
    return fill(plan, 'syn', tcb.iss, 0, false);
  }
  if (!sendingState(tcb)) return false;
  if (tcb.retransmitUna && segmentAt(tcb, tcb.sndUna, maxLen, 'retransmit-una', plan)) return true;
  if (tcb.probeDue && segmentAt(tcb, tcb.sndUna, 1, 'probe', plan)) return true;
  if (tcb.inRecovery && tcb.sackOk) return planSackRecovery(tcb, maxLen, plan);
  const usable = Math.min(tcb.cc.cwnd, tcb.sndWnd) - seqDiff(tcb.sndNxt, tcb.sndUna);
  return planData(tcb, maxLen, usable, plan);
}

function fill(plan: SegmentPlan, kind: PlanKind, s: SeqNumber, len: number, fin: boolean): true {
  plan.kind = kind;
  plan.seq = s;
  plan.len = len;
  plan.fin = fin;
  return true;
}

/** Up to maxLen bytes of queued data from `s`, with the FIN if it is next. */
function segmentAt(tcb: Tcb, s: SeqNumber, maxLen: number, kind: PlanKind, plan: SegmentPlan): boolean {
  const avail = Math.max(0, seqDiff(tcb.dataEnd, s));
  const len = Math.min(maxLen, avail);
  const fin = tcb.finQueued && seqAdd(s, len) === tcb.finSeq;
  if (len === 0 && !fin) return false;
  return fill(plan, kind, s, len, fin);
}

/** New data (or go-back-N retransmission after an RTO) within `usable` bytes of window. */
function planData(tcb: Tcb, maxLen: number, usable: number, plan: SegmentPlan): boolean {
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
  let len = Math.max(0, Math.min(maxLen, avail, usable));
  if (retransmission) len = Math.min(len, Math.max(0, seqDiff(tcb.sndMax, s)));
  const finNext = tcb.finQueued && seqLe(s, tcb.finSeq) && seqAdd(s, len) === tcb.finSeq;
  // A FIN beyond the peer's window can wait only if data still needs the window.
  if (len === 0 && !finNext) return false;
  if (!retransmission && len < tcb.sndMss && !finNext && !smallSegmentAllowed(tcb, len, avail)) return false;
  return fill(plan, 'data', s, len, finNext);
}

/**
 * RFC 896 and RFC 9293 3.8.6.2.1: a segment shorter than the MSS goes out only
 * if it empties the queue and nothing is in flight (or TCP_NODELAY is set), or
 * if it fills at least half the largest window the peer offered, or if nothing
 * is in flight (the SWS override: no ACK will come to open the window further).
 */
function smallSegmentAllowed(tcb: Tcb, len: number, avail: number): boolean {
  if (len <= 0) return false;
  const idle = tcb.flightSize === 0;
  if (len === avail) return idle || tcb.nodelay;
  return idle || len >= tcb.maxSndWnd / 2;
}

/** RFC 6675 section 5 step (C) with NextSeg (section 4) rules 1-3. */
function planSackRecovery(tcb: Tcb, maxLen: number, plan: SegmentPlan): boolean {
  const sb = tcb.scoreboard;
  const pipe = sb.pipe(tcb.sndUna, tcb.sndMax, tcb.sndMss);
  const room = tcb.cc.cwnd - pipe;
  if (room < tcb.sndMss) return false;
  const from = seqMax(sb.highRxt ?? tcb.sndUna, tcb.sndUna);
  const hole = HOLE;
  // Rule 1: the first lost, unSACKed byte above HighRxt.
  const lost = sb.lostBoundary(tcb.sndUna, tcb.sndMss);
  if (sb.nextHole(from, lost, hole)) {
    return segmentAt(tcb, hole.start, Math.min(maxLen, seqDiff(hole.end, hole.start)), 'sack-retransmit', plan);
  }
  // Rule 2: new data, if the receiver's window allows.
  const rwndRoom = tcb.sndWnd - seqDiff(tcb.sndNxt, tcb.sndUna);
  if (seqGt(tcb.dataEnd, tcb.sndNxt) || (tcb.finQueued && !tcb.finSent)) {
    if (planData(tcb, maxLen, Math.min(room, rwndRoom), plan)) return true;
  }
  // Rule 3: an unSACKed hole below the highest SACKed byte, lost or not.
  const highest = sb.highestSacked;
  if (highest !== null && sb.nextHole(from, highest, hole)) {
    return segmentAt(tcb, hole.start, Math.min(maxLen, seqDiff(hole.end, hole.start)), 'sack-retransmit', plan);
  }
  return false;
}

const HOLE = { start: seq(0), end: seq(0) };
