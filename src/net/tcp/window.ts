// The receive window we advertise (RFC 9293 3.8.6.2.2 receiver SWS avoidance,
// RFC 7323 2 window scaling) and when a pure window update is worth sending.
//
// Contract: the window is the free space of the receive buffer. Its right edge
// (RCV.NXT + RCV.WND) only moves right, and only by at least
// min(RCV.BUFF / 2, Eff.snd.MSS) at a time, so a slow reader does not invite
// tiny segments. The window field in a SYN is never scaled (RFC 7323 2.2).
import { seqAdd, seqDiff } from '../wire/seq';
import type { Tcb } from './tcb';

/** RFC 9293 3.8.6.2.2: Fr = 1/2 of the buffer or one MSS, whichever is smaller. */
function swsThreshold(tcb: Tcb): number {
  return Math.min(Math.floor(tcb.recvBuf.capacity / 2), tcb.rcvMss);
}

/** The raw 16-bit window field for a segment sent now; records the right edge advertised. */
export function advertiseWindow(tcb: Tcb, syn: boolean): number {
  const free = tcb.recvBuf.free;
  if (syn) {
    const field = Math.min(free, 0xffff);
    tcb.rcvAdvRight = seqAdd(tcb.rcvNxt, field);
    return field;
  }
  const candidate = seqAdd(tcb.rcvNxt, free);
  const held = seqDiff(tcb.rcvAdvRight, tcb.rcvNxt);
  const grow = seqDiff(candidate, tcb.rcvAdvRight);
  const wnd = held < 0 || grow >= swsThreshold(tcb) ? free : Math.min(held, free);
  const field = Math.min(wnd >>> tcb.rcvWscale, 0xffff);
  tcb.rcvAdvRight = seqAdd(tcb.rcvNxt, field << tcb.rcvWscale);
  return field;
}

/** RCV.WND: what the peer may send beyond RCV.NXT by our last advertisement. */
export function receiveWindow(tcb: Tcb): number {
  return Math.max(0, seqDiff(tcb.rcvAdvRight, tcb.rcvNxt));
}

/**
 * After the application reads: a window update is due when the right edge
 * can move by the SWS threshold and the new window at least doubles what the
 * peer currently may send (Linux's rule in tcp_cleanup_rbuf), most importantly
 * when we had closed the window.
 */
export function windowUpdateWanted(tcb: Tcb): boolean {
  const s = tcb.state;
  if (s !== 'ESTABLISHED' && s !== 'FIN-WAIT-1' && s !== 'FIN-WAIT-2') return false;
  if (tcb.finReceived) return false;
  const current = receiveWindow(tcb);
  // What could be advertised: the 16-bit field bounds it (RFC 7323 2.3).
  const candidate = Math.min(tcb.recvBuf.free, 0xffff << tcb.rcvWscale);
  const grow = candidate - current;
  return grow >= swsThreshold(tcb) && candidate >= 2 * current;
}
