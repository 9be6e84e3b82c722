// The first check of RFC 9293 3.10.7.4: is the segment acceptable, with PAWS
// (RFC 7323 section 5) in front of it and TS.Recent maintenance (RFC 7323 4.3).
import type { TcpRepr } from '../../wire/types';
import { TCP_RST } from '../../wire/types';
import { seqAdd, seqDiff, seqLe, seqLt } from '../../wire/seq';
import { segmentLength } from '../reset';
import type { Tcb } from '../tcb';
import { receiveWindow } from '../window';

/** RFC 7323 5.3: TSval older than TS.Recent (modular 32-bit comparison). */
function pawsRejects(tcb: Tcb, seg: TcpRepr): boolean {
  const ts = seg.options.timestamps;
  if (!tcb.tsOk || ts === undefined || seg.flags & TCP_RST) return false;
  return ((ts.tsVal - tcb.tsRecent) | 0) < 0;
}

/**
 * RFC 9293 3.10.7.4, the four cases of the acceptability test. A zero window
 * still admits a segment starting at RCV.NXT so its ACK and RST are processed
 * ("special allowance should be made to accept valid ACKs, URGs, and RSTs");
 * its text is trimmed away later.
 */
export function isAcceptable(tcb: Tcb, seg: TcpRepr): boolean {
  if (pawsRejects(tcb, seg)) return false;
  const len = segmentLength(seg);
  const wnd = receiveWindow(tcb);
  const start = seg.seq;
  if (wnd === 0) return start === tcb.rcvNxt;
  if (len === 0) return inWindow(tcb, start, wnd);
  return inWindow(tcb, start, wnd) || inWindow(tcb, seqAdd(start, len - 1), wnd);
}

function inWindow(tcb: Tcb, s: TcpRepr['seq'], wnd: number): boolean {
  const d = seqDiff(s, tcb.rcvNxt);
  return d >= 0 && d < wnd;
}

/** RFC 7323 4.3 (2): remember TSval of a segment that covers Last.ACK.sent. */
export function updateTsRecent(tcb: Tcb, seg: TcpRepr): void {
  const ts = seg.options.timestamps;
  if (!tcb.tsOk || ts === undefined) return;
  if (seqLe(seg.seq, tcb.lastAckSent) && ((ts.tsVal - tcb.tsRecent) | 0) >= 0) tcb.tsRecent = ts.tsVal;
}

/** True when the segment lies wholly below RCV.NXT (an old duplicate). */
export function isOldDuplicate(tcb: Tcb, seg: TcpRepr): boolean {
  return seqLe(seqAdd(seg.seq, segmentLength(seg)), tcb.rcvNxt) && seqLt(seg.seq, tcb.rcvNxt);
}
