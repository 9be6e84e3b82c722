// Handshake steps shared by the passive (LISTEN) and active (SYN-SENT) sides:
// taking the peer's SYN and fixing the negotiated options.
import type { TcpRepr } from '../../wire/types';
import { seqAdd } from '../../wire/seq';
import { negotiate } from '../options';
import type { Tcb } from '../tcb';

/** RFC 9293 3.10.7.2 / 3.10.7.3: RCV.NXT = SEG.SEQ + 1, IRS = SEG.SEQ; options fixed. */
export function takePeerSyn(tcb: Tcb, seg: TcpRepr): void {
  tcb.irs = seg.seq;
  tcb.rcvNxt = seqAdd(seg.seq, 1);
  tcb.rcvAdvRight = tcb.rcvNxt;
  const neg = negotiate(tcb.cfg, seg.options);
  tcb.wsOk = neg.windowScale;
  tcb.tsOk = neg.timestamps;
  tcb.sackOk = neg.sack;
  tcb.sndWscale = neg.sndWscale;
  tcb.rcvWscale = neg.rcvWscale;
  tcb.applyMss(neg.sndMss);
  // The peer's full segments carry min(its MSS, ours) less the timestamp bytes,
  // the same arithmetic as our own send MSS; raised later by what arrives.
  tcb.rcvMss = neg.sndMss;
  if (tcb.tsOk && seg.options.timestamps) tcb.tsRecent = seg.options.timestamps.tsVal;
  // RFC 7323 2.2: the window field of a SYN is never scaled.
  tcb.sndWnd = seg.window;
  tcb.maxSndWnd = Math.max(tcb.maxSndWnd, seg.window);
  tcb.sndWl1 = seg.seq;
  tcb.sndWl2 = seg.ack;
}

/**
 * The handshake completed: RFC 5681 3.1 initial window (one segment if our SYN
 * or SYN-ACK had to be retransmitted), and a close the application asked for
 * while the handshake ran now takes effect (RFC 9293 3.10.4).
 */
export function establish(tcb: Tcb): void {
  tcb.setState('ESTABLISHED');
  tcb.retries = 0;
  if (tcb.synRetransmitted) {
    tcb.cc.setInitialWindow(tcb.sndMss);
    tcb.rtt.afterSynTimeout();
  }
  if (tcb.finQueued) tcb.setState('FIN-WAIT-1');
}
