// Segment arrival in SYN-RECEIVED and the synchronized states (RFC 9293
// 3.10.7.4), in the RFC's order: sequence check, RST, SYN, ACK, text, FIN.
// Each step lives in its own module; this file only sequences them and holds
// the per-state consequences of an acknowledged FIN.
import type { Nanos } from '../../../sim/units';
import type { TcpRepr } from '../../wire/types';
import { TCP_ACK, TCP_FIN, TCP_RST, TCP_SYN } from '../../wire/types';
import { seqAdd, seqGt, seqLe, seqLt } from '../../wire/seq';
import { judgeReset, segmentLength } from '../reset';
import { enterQuickAck } from '../quick-ack';
import type { Tcb } from '../tcb';
import { isAcceptable, updateTsRecent } from './acceptability';
import { processAck } from './ack';
import { establish } from './handshake';
import { processText } from './text';
import { enterTimeWait } from './time-wait';

export function processSynchronized(tcb: Tcb, seg: TcpRepr, now: Nanos): void {
  // A repeated SYN in SYN-RECEIVED: our SYN-ACK was lost; send it again.
  if (tcb.state === 'SYN-RECEIVED' && seg.flags & TCP_SYN && !(seg.flags & TCP_ACK) && seg.seq === tcb.irs) {
    tcb.sndNxt = tcb.iss;
    return;
  }
  // Simultaneous open: the peer's SYN-ACK repeats its SYN and acknowledges ours.
  // RFC 9293 Figure 8 takes it to ESTABLISHED although the SYN octet is old (as
  // Linux does: SEG.SEQ + 1 = RCV.NXT and SEG.ACK = SND.NXT).
  if (tcb.state === 'SYN-RECEIVED' && tcb.active && seg.flags & TCP_SYN && seg.flags & TCP_ACK
    && !(seg.flags & TCP_RST) && seqAdd(seg.seq, 1) === tcb.rcvNxt && seg.ack === tcb.sndNxt && seqGt(seg.ack, tcb.iss)) {
    completeHandshake(tcb, seg, now);
    return;
  }
  // TIME-WAIT: a retransmitted FIN is acknowledged and restarts the 2*MSL wait.
  if (tcb.state === 'TIME-WAIT' && seg.flags & TCP_FIN && !(seg.flags & TCP_RST)
    && seqAdd(seg.seq, segmentLength(seg)) === tcb.rcvNxt) {
    tcb.ackNow = true;
    enterTimeWait(tcb, now);
    return;
  }
  // First: sequence number check (and PAWS).
  if (!isAcceptable(tcb, seg)) {
    tcb.counters.segmentsRejected++;
    if (!(seg.flags & TCP_RST)) tcb.ackNow = true;
    // Data we already hold came again: our ACK was probably lost, so ACK
    // promptly for a while (Linux tcp_send_dupack enters quick-ACK mode).
    if (!(seg.flags & TCP_RST) && seg.payload.length > 0 && seqLt(seg.seq, tcb.rcvNxt)) enterQuickAck(tcb);
    return;
  }
  // Second: RST (RFC 5961 3.2).
  if (seg.flags & TCP_RST) {
    processReset(tcb, seg);
    return;
  }
  // Fourth: SYN in a synchronized state earns a challenge ACK (RFC 5961 4.2).
  if (seg.flags & TCP_SYN) {
    tcb.ackNow = true;
    tcb.counters.challengeAcks++;
    return;
  }
  // Fifth: without ACK the segment is dropped.
  if (!(seg.flags & TCP_ACK)) return;
  if (tcb.state === 'SYN-RECEIVED') {
    if (!(seqGt(seg.ack, tcb.sndUna) && seqLe(seg.ack, tcb.sndMax))) {
      // <SEQ=SEG.ACK><CTL=RST>
      tcb.rstPending = { seq: seg.ack, ack: seg.ack, withAck: false };
      return;
    }
    completeHandshake(tcb, seg, now);
  } else if (!processAck(tcb, seg, now)) {
    return;
  }
  updateTsRecent(tcb, seg);
  afterAck(tcb, now);
  if (tcb.state === 'CLOSED') return;
  // Seventh and eighth: text and FIN.
  processText(tcb, seg, now);
}

/** SYN-RECEIVED: our SYN is acknowledged (RFC 9293 3.10.7.4, fifth step). */
function completeHandshake(tcb: Tcb, seg: TcpRepr, now: Nanos): void {
  if (tcb.rttSeq !== null) {
    tcb.rtt.sample(now - tcb.rttStart);
    tcb.rttSeq = null;
  }
  tcb.sndUna = seg.ack;
  if (seqGt(tcb.sndUna, tcb.sndNxt)) tcb.sndNxt = tcb.sndUna;
  tcb.timers.stopRtx();
  // A SYN-ACK's window is never scaled; any other segment's is (RFC 7323 2.2).
  tcb.sndWnd = seg.flags & TCP_SYN ? seg.window : seg.window << tcb.sndWscale;
  tcb.maxSndWnd = Math.max(tcb.maxSndWnd, tcb.sndWnd);
  tcb.sndWl1 = seg.seq;
  tcb.sndWl2 = seg.ack;
  establish(tcb);
}

/** State changes that an acknowledged FIN brings (RFC 9293 3.10.7.4, fifth step). */
function afterAck(tcb: Tcb, now: Nanos): void {
  if (!tcb.finAcked) return;
  switch (tcb.state) {
    case 'FIN-WAIT-1':
      tcb.setState('FIN-WAIT-2');
      break;
    case 'CLOSING':
      enterTimeWait(tcb, now);
      break;
    case 'LAST-ACK':
      tcb.enterClosed();
      break;
    default:
      break;
  }
}

function processReset(tcb: Tcb, seg: TcpRepr): void {
  const verdict = judgeReset(tcb, seg);
  if (verdict === 'challenge') {
    tcb.ackNow = true;
    tcb.counters.challengeAcks++;
    return;
  }
  if (verdict === 'ignore') return;
  switch (tcb.state) {
    case 'SYN-RECEIVED':
      // Passive open: back to LISTEN, which for a child means it simply ends.
      // Active (simultaneous) open: the connection was refused.
      if (tcb.active) tcb.fail('ECONNREFUSED');
      else tcb.enterClosed();
      break;
    case 'ESTABLISHED':
    case 'FIN-WAIT-1':
    case 'FIN-WAIT-2':
    case 'CLOSE-WAIT':
      tcb.fail('ECONNRESET');
      break;
    default:
      // CLOSING, LAST-ACK, TIME-WAIT: close without an error.
      tcb.enterClosed();
      break;
  }
}
