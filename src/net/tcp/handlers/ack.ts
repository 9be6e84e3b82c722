// ACK processing in the synchronized states (RFC 9293 3.10.7.4, fifth step):
// advance SND.UNA, free the send buffer, take RTT samples (RFC 6298 with
// Karn's rule, RFC 7323 RTTM), drive congestion control and loss recovery,
// detect duplicate ACKs (RFC 5681 section 2), and update the send window.
import type { Nanos } from '../../../sim/units';
import type { TcpRepr } from '../../wire/types';
import { TCP_FIN, TCP_SYN } from '../../wire/types';
import { seqAdd, seqDiff, seqGt, seqLe, seqLt, seqMin } from '../../wire/seq';
import { detectLostRetransmissions, onDuplicateAck, onNewAck } from '../loss-recovery';
import type { Tcb } from '../tcb';

/** Returns false when the segment must be dropped (an ACK for data never sent). */
export function processAck(tcb: Tcb, seg: TcpRepr, now: Nanos): boolean {
  const ack = seg.ack;
  if (seqGt(ack, tcb.sndMax)) {
    // RFC 9293 3.10.7.4: "If the ACK acks something not yet sent ... send an ACK, drop".
    tcb.ackNow = true;
    return false;
  }
  if (seqDiff(tcb.sndUna, ack) > tcb.maxSndWnd) {
    // RFC 5961 5.2: an ACK older than SND.UNA - MAX.SND.WND is answered and dropped.
    tcb.ackNow = true;
    tcb.counters.challengeAcks++;
    return false;
  }
  const wnd = seg.window << tcb.sndWscale;
  const newlySacked = tcb.sackOk ? tcb.scoreboard.update(seg.options.sackBlocks, tcb.sndUna, tcb.sndMax) : 0;
  if (seqGt(ack, tcb.sndUna)) {
    const acked = seqDiff(ack, tcb.sndUna);
    const dataStart = tcb.dataStart;
    // Data bytes acknowledged: the part of [SND.UNA, ack) inside the buffered data.
    const dataAcked = Math.max(0, seqDiff(seqMin(ack, tcb.dataEnd), dataStart));
    tcb.sendBuf.consume(dataAcked);
    tcb.bufSeq = seqAdd(tcb.bufSeq, dataAcked);
    tcb.counters.bytesAcked += dataAcked;
    sampleRtt(tcb, seg, ack, now);
    tcb.sndUna = ack;
    if (seqLt(tcb.sndNxt, ack)) tcb.sndNxt = ack;
    tcb.retries = 0;
    tcb.scoreboard.advance(ack);
    if (tcb.sackOk && tcb.scoreboard.isSacked(ack)) {
      // The cumulative ACK stops at data the receiver had SACKed: it reneged
      // (RFC 2018 section 8), so what it reported no longer holds. Forget the
      // SACKed ranges, as Linux's tcp_check_sack_reneging does, so that no
      // retransmission skips data the receiver no longer has.
      tcb.scoreboard.forgetSacked();
      tcb.counters.sackRenegings++;
      // Go-back-N after an RTO may already have skipped that data: resume at
      // the ACK; in recovery, resend SND.UNA (Linux forces a timeout instead).
      if (seqGt(tcb.sndNxt, ack) && seqLt(tcb.sndNxt, tcb.sndMax)) tcb.sndNxt = ack;
      else if (tcb.inRecovery) tcb.retransmitUna = true;
    }
    if (tcb.rtxHigh !== null && seqLe(tcb.rtxHigh, ack)) tcb.rtxHigh = null;
    onNewAck(tcb, acked, dataAcked, now);
    // RFC 6298 (5.2), (5.3): stop when all is acknowledged, else restart.
    if (tcb.flightSize === 0) tcb.timers.stopRtx();
    else if (tcb.timers.rtx.kind === 'retransmit') tcb.timers.armRetransmit(now, tcb.rtt.rto);
  } else if (ack === tcb.sndUna && isDuplicateAck(tcb, seg, wnd, newlySacked)) {
    onDuplicateAck(tcb, now);
  }
  if (newlySacked > 0) detectLostRetransmissions(tcb);
  updateWindow(tcb, seg, wnd);
  return true;
}

/**
 * RFC 5681 section 2 "DUPLICATE ACKNOWLEDGMENT": outstanding data, no payload,
 * neither SYN nor FIN, ACK equal to SND.UNA, and an unchanged window. RFC 6675
 * counts an ACK that brings new SACK information as well.
 */
function isDuplicateAck(tcb: Tcb, seg: TcpRepr, wnd: number, newlySacked: number): boolean {
  // Answers to zero-window probes repeat the ACK too; they say nothing about loss.
  if (tcb.flightSize === 0 || wnd === 0) return false;
  if (tcb.sackOk && newlySacked > 0) return true;
  return seg.payload.length === 0 && (seg.flags & (TCP_SYN | TCP_FIN)) === 0 && wnd === tcb.sndWnd;
}

/** RFC 6298 with Karn's rule; timestamps (RFC 7323 4.1) for retransmitted data. */
function sampleRtt(tcb: Tcb, seg: TcpRepr, ack: TcpRepr['ack'], now: Nanos): void {
  if (tcb.rttSeq !== null && seqGt(ack, tcb.rttSeq)) {
    tcb.rtt.sample(now - tcb.rttStart);
    tcb.rttSeq = null;
    return;
  }
  const ts = seg.options.timestamps;
  // Karn's rule forbids timing retransmitted segments unless the echo says which
  // transmission was acknowledged (RFC 7323 4.1, RFC 6298 section 3). An echo
  // older than our latest retransmission is a stale TS.Recent (the receiver saw
  // only duplicates) and would count the whole timeout as round-trip time.
  if (tcb.tsOk && ts !== undefined && ts.tsEcr !== 0 && tcb.rtxHigh !== null
    && ((ts.tsEcr - tcb.lastRtxTsVal) | 0) >= 0) {
    const ticks = (tcb.tsVal() - ts.tsEcr) | 0;
    if (ticks >= 0) tcb.rtt.sample(ticks * tcb.cfg.tsTick);
  }
}

/** RFC 9293 3.10.7.4: SND.WL1/SND.WL2 keep old segments from updating the window. */
function updateWindow(tcb: Tcb, seg: TcpRepr, wnd: number): void {
  if (seqLt(tcb.sndWl1, seg.seq) || (tcb.sndWl1 === seg.seq && seqLe(tcb.sndWl2, seg.ack))) {
    tcb.sndWnd = wnd;
    tcb.sndWl1 = seg.seq;
    tcb.sndWl2 = seg.ack;
    if (wnd > tcb.maxSndWnd) tcb.maxSndWnd = wnd;
  }
}
