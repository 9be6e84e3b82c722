// Loss detection by duplicate ACKs and the recovery phase around it:
// fast retransmit / fast recovery (RFC 5681 3.2) with NewReno's partial-ACK
// rule (RFC 6582), or, when SACK was negotiated, the conservative SACK-based
// recovery of RFC 6675 section 5 (its pipe and NextSeg are applied by sender.ts),
// with lost retransmissions detected by send order (lost-retransmit.ts).
import type { Nanos } from '../../sim/units';
import { seqGe, seqLt } from '../wire/seq';
import { DUP_THRESH } from './sack-scoreboard';
import type { Tcb } from './tcb';

/** An ACK that acknowledged nothing new but met RFC 5681's duplicate-ACK test. */
export function onDuplicateAck(tcb: Tcb, now: Nanos): void {
  tcb.dupAcks++;
  tcb.counters.dupAcksReceived++;
  if (tcb.inRecovery) {
    // RFC 5681 3.2 step 4; with SACK the pipe estimate replaces inflation (RFC 6675 5).
    if (!tcb.sackOk) tcb.cc.onDupAck(now);
    return;
  }
  const lost = tcb.sackOk && tcb.scoreboard.isLost(tcb.sndUna, tcb.sndUna, tcb.sndMss);
  if (tcb.dupAcks >= DUP_THRESH || lost) maybeEnterRecovery(tcb, now);
}

/**
 * RFC 6582 3.2 step 1 / RFC 6675 5: enter recovery unless this loss belongs to
 * a recovery episode that already ended (SND.UNA has not passed `recover`).
 */
function maybeEnterRecovery(tcb: Tcb, now: Nanos): void {
  if (seqLt(tcb.sndUna, tcb.recover)) return;
  tcb.inRecovery = true;
  tcb.recover = tcb.sndMax;
  tcb.cc.onEnterRecovery(now, tcb.flightSize, !tcb.sackOk);
  tcb.scoreboard.highRxt = null;
  tcb.rtxLog.clear();
  tcb.retransmitUna = true;
  tcb.counters.fastRetransmits++;
  tcb.onTrace?.({
    kind: 'fast-retransmit', at: now, seq: tcb.sndUna, cwnd: tcb.cc.cwnd, ssthresh: tcb.cc.ssthresh,
  });
  tcb.onTrace?.({
    kind: 'recovery-enter', at: now, sack: tcb.sackOk, recover: tcb.recover, cwnd: tcb.cc.cwnd, ssthresh: tcb.cc.ssthresh,
  });
}

/** SND.UNA advanced by `acked` bytes of sequence space (`dataAcked` of them data). */
export function onNewAck(tcb: Tcb, acked: number, dataAcked: number, now: Nanos): void {
  tcb.dupAcks = 0;
  if (!tcb.inRecovery) {
    tcb.cc.onAck(dataAcked, now, tcb.rtt.srtt);
    return;
  }
  if (seqGe(tcb.sndUna, tcb.recover)) {
    // Full ACK: RFC 6582 3.2 step 4 / RFC 6675 5 (recovery ends at RecoveryPoint).
    tcb.inRecovery = false;
    tcb.scoreboard.highRxt = null;
    tcb.rtxLog.clear();
    tcb.cc.onExitRecovery(now, tcb.flightSize);
    tcb.onTrace?.({ kind: 'recovery-exit', at: now, cwnd: tcb.cc.cwnd, ssthresh: tcb.cc.ssthresh });
    return;
  }
  if (!tcb.sackOk) {
    // RFC 6582 3.2 step 5: a partial ACK means the next hole is lost too.
    tcb.cc.onPartialAck(acked, now);
    tcb.retransmitUna = true;
  }
}

/** RFC 6298 5.4-5.6 side: a retransmission timeout ends any recovery episode. */
export function abandonRecovery(tcb: Tcb): void {
  tcb.inRecovery = false;
  tcb.dupAcks = 0;
  tcb.retransmitUna = false;
  // RFC 6582 section 4 / RFC 6675 5.1: recover = HighData after a timeout, so
  // duplicate ACKs for data sent before the timeout cannot start a new recovery.
  tcb.recover = tcb.sndMax;
  tcb.scoreboard.highRxt = null;
  tcb.rtxLog.clear();
}

/**
 * After an ACK's SACK blocks are in the scoreboard: retransmissions that data
 * sent after them has overtaken are lost (lost-retransmit.ts; RFC 8985 6.2).
 * One congestion response per recovery episode (RFC 6675 5, RFC 5681 3.2):
 * the resend does not reduce cwnd again, as Linux's tcp_mark_lost_retrans did not.
 */
export function detectLostRetransmissions(tcb: Tcb): void {
  if (!tcb.inRecovery || !tcb.sackOk) return;
  const high = tcb.scoreboard.highestSacked;
  if (high !== null) tcb.rtxLog.markOvertaken(high);
}
