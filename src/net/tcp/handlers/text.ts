// Segment text and FIN (RFC 9293 3.10.7.4, seventh and eighth steps): trim to
// the window, store in order or hand to the assembler, decide how soon to ACK
// (RFC 1122 4.2.3.2 delayed ACK; RFC 5681 4.2 immediate ACK for out-of-order
// data and for data that fills a hole), and take the FIN once every byte before
// it has arrived.
import type { Nanos } from '../../../sim/units';
import type { TcpRepr } from '../../wire/types';
import { TCP_FIN, TCP_SYN } from '../../wire/types';
import { seqAdd, seqDiff, seqLe, seqLt, seqMax, seqMin } from '../../wire/seq';
import { acceptsText } from '../state';
import { enterQuickAck, inQuickAck, noteDataReceived } from '../quick-ack';
import type { Tcb } from '../tcb';
import { receiveWindow } from '../window';
import { enterTimeWait } from './time-wait';

export function processText(tcb: Tcb, seg: TcpRepr, now: Nanos): void {
  const payload = seg.payload;
  const start = seg.flags & TCP_SYN ? seqAdd(seg.seq, 1) : seg.seq;
  const end = seqAdd(start, payload.length);
  if (payload.length > 0) {
    if (acceptsText(tcb.state) && !tcb.finReceived) storeText(tcb, payload, start, end, now);
    // RFC 9293: text in CLOSE-WAIT, CLOSING, LAST-ACK, TIME-WAIT is ignored.
  }
  if (seg.flags & TCP_FIN && tcb.peerFinSeq === null) {
    // Remember the FIN if every byte before it is held or could be: it is
    // consumed when RCV.NXT reaches it, even if it arrived out of order.
    const storedAll = payload.length === 0 || seqLe(end, tcb.rcvNxt) || tcb.assembler.holds(seqMax(start, tcb.rcvNxt), end);
    if (storedAll && seqLe(end, seqAdd(tcb.rcvNxt, receiveWindow(tcb)))) tcb.peerFinSeq = end;
    else tcb.ackNow = true;
  }
  takeFin(tcb, now);
}

function storeText(tcb: Tcb, payload: Uint8Array, start: TcpRepr['seq'], end: TcpRepr['seq'], now: Nanos): void {
  // A payload longer than the MSS we advertised can only be an LRO/GRO aggregate:
  // like Linux (tcp_measure_rcv_mss reads gso_size), it does not raise the estimate.
  if (payload.length > tcb.rcvMss) tcb.rcvMss = Math.min(payload.length, tcb.cfg.mss);
  // RFC 9293 3.10.7.4: trim to the window we advertised (which never exceeds
  // the free buffer space); a zero window takes nothing, like Linux.
  const lo = seqMax(start, tcb.rcvNxt);
  const hi = seqMin(end, seqAdd(tcb.rcvNxt, Math.min(receiveWindow(tcb), tcb.recvBuf.free)));
  if (!seqLt(lo, hi)) {
    // Old duplicate or no room: ACK at once so the sender learns where we are.
    tcb.ackNow = true;
    // A retransmission of data we hold: Linux tcp_data_queue enters quick-ACK mode.
    if (seqLe(end, tcb.rcvNxt)) enterQuickAck(tcb);
    return;
  }
  const off = seqDiff(lo, tcb.rcvNxt);
  const n = seqDiff(hi, lo);
  const srcOff = seqDiff(lo, start);
  if (off > 0) {
    // Out of order: hold it, and send an immediate duplicate ACK (RFC 5681 4.2).
    if (tcb.assembler.add(lo, hi)) tcb.recvBuf.writeAt(off, payload, srcOff, n);
    tcb.ackNow = true;
    return;
  }
  const hadHoles = !tcb.assembler.isEmpty;
  tcb.recvBuf.writeAt(0, payload, srcOff, n);
  const contiguousEnd = tcb.assembler.advance(hi);
  const delivered = seqDiff(contiguousEnd, tcb.rcvNxt);
  tcb.recvBuf.commit(delivered);
  tcb.rcvNxt = contiguousEnd;
  tcb.counters.bytesReceived += delivered;
  tcb.unackedBytes += delivered;
  noteDataReceived(tcb, payload.length, now);
  if (hadHoles || !tcb.cfg.delayedAck || tcb.unackedBytes >= 2 * tcb.rcvMss || inQuickAck(tcb)) {
    // RFC 5681 4.2: ACK a segment that fills a hole at once; RFC 1122 4.2.3.2:
    // ACK at least every second full-sized segment, or sooner (Linux quick-ACK
    // mode, quick-ack.ts).
    tcb.ackNow = true;
  } else {
    tcb.timers.armDelayedAck(now, tcb.cfg.delayedAckTimeout);
  }
}

/** RFC 9293 3.10.7.4, eighth step, once RCV.NXT has reached the FIN. */
function takeFin(tcb: Tcb, now: Nanos): void {
  if (tcb.peerFinSeq === null || tcb.finReceived || tcb.rcvNxt !== tcb.peerFinSeq) return;
  tcb.finReceived = true;
  tcb.rcvNxt = seqAdd(tcb.rcvNxt, 1);
  tcb.ackNow = true;
  switch (tcb.state) {
    case 'SYN-RECEIVED':
    case 'ESTABLISHED':
      tcb.setState('CLOSE-WAIT');
      break;
    case 'FIN-WAIT-1':
      // Our FIN not yet acknowledged: simultaneous close (RFC 9293 3.6, Figure 13).
      if (tcb.finAcked) enterTimeWait(tcb, now);
      else tcb.setState('CLOSING');
      break;
    case 'FIN-WAIT-2':
      enterTimeWait(tcb, now);
      break;
    default:
      break;
  }
}
