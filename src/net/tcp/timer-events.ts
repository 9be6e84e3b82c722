// What happens when a timer deadline passes (called from dispatch with `now`):
// the retransmission timeout (RFC 6298 5.4-5.7, RFC 5681 (4), RFC 1122 4.2.3.5
// giving up after synRetries or dataRetries), the persist timer (RFC 9293 3.8.6.1), the
// delayed-ACK timeout (RFC 1122 4.2.3.2) and the end of TIME-WAIT.
import type { Nanos } from '../../sim/units';
import { abandonRecovery } from './loss-recovery';
import { noteDelayedAckFired } from './quick-ack';
import type { Tcb } from './tcb';

export function fireTimers(tcb: Tcb, now: Nanos): void {
  const t = tcb.timers;
  if (t.timeWaitAt <= now) {
    t.timeWaitAt = Infinity;
    if (tcb.state === 'TIME-WAIT') tcb.enterClosed();
    return;
  }
  if (t.delayedAckAt <= now) {
    t.stopDelayedAck();
    tcb.ackNow = true;
    noteDelayedAckFired(tcb);
  }
  if (t.rtx.at <= now) {
    if (t.rtx.kind === 'retransmit') onRetransmitTimeout(tcb, now);
    else if (t.rtx.kind === 'persist') onPersistTimeout(tcb, now);
  }
}

function onRetransmitTimeout(tcb: Tcb, now: Nanos): void {
  const t = tcb.timers;
  t.stopRtx();
  if (tcb.flightSize === 0) return;
  tcb.retries++;
  const handshake = tcb.state === 'SYN-SENT' || tcb.state === 'SYN-RECEIVED';
  // RFC 1122 4.2.3.5: separate R2 thresholds for a SYN (>= 3 min suggested)
  // and for data (>= 100 s required); the defaults are Linux's counts.
  if (tcb.retries > (handshake ? tcb.cfg.synRetries : tcb.cfg.dataRetries)) {
    tcb.fail('ETIMEDOUT');
    return;
  }
  if (handshake) tcb.synRetransmitted = true;
  else tcb.cc.onRto(now, tcb.flightSize, tcb.retries > 1);
  // RFC 6298 (5.5): back off; (5.6) the timer restarts when the segment is resent.
  tcb.rtt.backoff();
  tcb.counters.rtoCount++;
  tcb.onTrace?.({
    kind: 'rto', at: now, seq: tcb.sndUna, rto: tcb.rtt.rto, backoff: tcb.rtt.backoffCount,
    cwnd: tcb.cc.cwnd, ssthresh: tcb.cc.ssthresh,
  });
  abandonRecovery(tcb);
  // Karn: the timed segment is about to be retransmitted.
  tcb.rttSeq = null;
  // Go back N: resend from SND.UNA as the window reopens (RFC 5681 3.1 slow start).
  tcb.sndNxt = tcb.sndUna;
}

function onPersistTimeout(tcb: Tcb, now: Nanos): void {
  const t = tcb.timers;
  tcb.probeDue = true;
  t.persistBackoff++;
  // RFC 1122 4.2.2.17: keep probing, with exponential backoff, as long as the
  // peer keeps answering; the interval is bounded by rtoMax.
  t.armPersist(now, tcb.rtt.rto, tcb.cfg.rtoMax);
}
