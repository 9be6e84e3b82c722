// SYN-SENT (RFC 9293 3.10.7.3): check the ACK, take a reset as refusal, and on
// the peer's SYN either complete the handshake or, without an ACK, go to
// SYN-RECEIVED (simultaneous open, RFC 9293 3.5 Figure 8).
import type { Nanos } from '../../../sim/units';
import type { TcpRepr } from '../../wire/types';
import { TCP_ACK, TCP_RST, TCP_SYN } from '../../wire/types';
import { seqGt, seqLe } from '../../wire/seq';
import type { Tcb } from '../tcb';
import { establish, takePeerSyn } from './handshake';

export function processSynSent(tcb: Tcb, seg: TcpRepr, now: Nanos): void {
  const hasAck = (seg.flags & TCP_ACK) !== 0;
  if (hasAck && (seqLe(seg.ack, tcb.iss) || seqGt(seg.ack, tcb.sndMax))) {
    // Unacceptable ACK: <SEQ=SEG.ACK><CTL=RST> unless it was itself a reset.
    if (!(seg.flags & TCP_RST)) tcb.rstPending = { seq: seg.ack, ack: seg.ack, withAck: false };
    return;
  }
  if (seg.flags & TCP_RST) {
    // Only a reset that acknowledges our SYN counts (RFC 5961 3.2 for SYN-SENT).
    if (hasAck) tcb.fail('ECONNREFUSED');
    return;
  }
  if (!(seg.flags & TCP_SYN)) return;
  takePeerSyn(tcb, seg);
  if (hasAck) {
    // Our SYN is acknowledged: RTT of the SYN unless it was retransmitted (Karn).
    if (tcb.rttSeq !== null) {
      tcb.rtt.sample(now - tcb.rttStart);
      tcb.rttSeq = null;
    }
    tcb.sndUna = seg.ack;
    tcb.sndNxt = seg.ack;
    tcb.timers.stopRtx();
    tcb.ackNow = true;
    establish(tcb);
    return;
  }
  // Simultaneous open: answer <SEQ=ISS><ACK=RCV.NXT><CTL=SYN,ACK>.
  tcb.sndNxt = tcb.iss;
  tcb.timers.stopRtx();
  tcb.setState('SYN-RECEIVED');
}
