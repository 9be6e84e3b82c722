// What to send next: the SYN, a retransmission of SND.UNA (fast retransmit or
// partial ACK), a zero-window probe, SACK-recovery choices (sack-recovery.ts)
// or new data (plan.ts).
//
// Contract: `planNext` decides one segment and writes it to `plan`; pollAt()
// calls it to know whether work is due now.
import type { SegmentPlan } from './plan';
import { fill, planData, segmentAt } from './plan';
import { planSackRecovery } from './sack-recovery';
import type { Tcb } from './tcb';
import { seq, seqDiff } from '../wire/seq';

export type { PlanKind, SegmentPlan } from './plan';
export { newPlan } from './plan';

/** States in which data or our FIN may be (re)transmitted. */
/** With SACK, a retransmission of SND.UNA stops where the first SACKed block begins. */
function unaHoleLength(tcb: Tcb, maxLen: number): number {
  if (!tcb.sackOk || !tcb.scoreboard.nextHole(tcb.sndUna, tcb.sndMax, UNA_HOLE)) return maxLen;
  return Math.max(1, Math.min(maxLen, seqDiff(UNA_HOLE.end, UNA_HOLE.start)));
}

const UNA_HOLE = { start: seq(0), end: seq(0) };

function sendingState(tcb: Tcb): boolean {
  const s = tcb.state;
  return s === 'ESTABLISHED' || s === 'CLOSE-WAIT' || s === 'FIN-WAIT-1' || s === 'CLOSING' || s === 'LAST-ACK';
}

export function planNext(tcb: Tcb, maxLen: number, plan: SegmentPlan, superLen = maxLen): boolean {
  if (tcb.state === 'SYN-SENT' || tcb.state === 'SYN-RECEIVED') {
    if (tcb.sndNxt !== tcb.iss) return false;
    return fill(plan, 'syn', tcb.iss, 0, false);
  }
  if (!sendingState(tcb)) return false;
  if (tcb.retransmitUna && segmentAt(tcb, tcb.sndUna, unaHoleLength(tcb, maxLen), 'retransmit-una', plan)) return true;
  if (tcb.probeDue && segmentAt(tcb, tcb.sndUna, 1, 'probe', plan)) return true;
  if (tcb.inRecovery && tcb.sackOk) return planSackRecovery(tcb, maxLen, plan);
  const usable = Math.min(tcb.cc.cwnd + limitedTransmit(tcb), tcb.sndWnd) - seqDiff(tcb.sndNxt, tcb.sndUna);
  return planData(tcb, maxLen, usable, plan, superLen);
}

/**
 * Limited Transmit (RFC 3042; RFC 5681 3.2, a SHOULD): each of the first two
 * duplicate ACKs lets one segment of new data go beyond cwnd (outstanding data
 * at most cwnd + 2·SMSS, cwnd itself unchanged), so that a window too small to
 * produce three duplicate ACKs by itself still reaches fast retransmit instead
 * of waiting for the retransmission timer. Only new data: not during recovery,
 * nor while a go-back-N after a timeout resends what was already sent.
 */
function limitedTransmit(tcb: Tcb): number {
  if (tcb.dupAcks === 0 || tcb.inRecovery || tcb.sndNxt !== tcb.sndMax) return 0;
  return Math.min(tcb.dupAcks, 2) * tcb.sndMss;
}

