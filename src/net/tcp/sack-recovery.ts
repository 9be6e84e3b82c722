// Conservative SACK-based loss recovery, RFC 6675 section 5 step (C): while
// cwnd - pipe >= 1 SMSS, send what NextSeg (section 4) picks: (1) the first
// lost, unSACKed byte above HighRxt, (2) new data, (3) an unSACKed byte below
// the highest SACKed one; ahead of those, retransmissions found lost
// (lost-retransmit.ts). Entering and leaving recovery is loss-recovery.ts.
import { seq, seqDiff, seqGt, seqMax } from '../wire/seq';
import type { SegmentPlan } from './plan';
import { planData, segmentAt } from './plan';
import type { Tcb } from './tcb';

/** RFC 6675 section 5 step (C) with NextSeg (section 4) rules 1-3. */
export function planSackRecovery(tcb: Tcb, maxLen: number, plan: SegmentPlan): boolean {
  const sb = tcb.scoreboard;
  const hole = HOLE;
  // Before NextSeg: a retransmission found lost (lost-retransmit.ts) goes again.
  // Its bytes still count in pipe (they lie below HighRxt) although they left
  // the network, so resending them keeps what is in flight within cwnd.
  if (tcb.rtxLog.nextLost(tcb.sndUna, sb, hole)) {
    return segmentAt(tcb, hole.start, Math.min(maxLen, seqDiff(hole.end, hole.start)), 'lost-retransmit', plan);
  }
  const pipe = sb.pipe(tcb.sndUna, tcb.sndMax, tcb.sndMss);
  const room = tcb.cc.cwnd - pipe;
  if (room < tcb.sndMss) return false;
  const from = seqMax(sb.highRxt ?? tcb.sndUna, tcb.sndUna);
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
