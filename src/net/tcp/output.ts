// dispatch(): fire due timers, then emit every segment that is due now: a
// pending reset, the SYN or SYN-ACK, retransmissions, new data and FIN,
// a zero-window probe, and a pure ACK or window update if nothing else carried
// the acknowledgment. Also arms the retransmission and persist timers.
import type { Nanos } from '../../sim/units';
import type { SeqNumber } from '../wire/seq';
import { seqAdd, seqGt, seqLe, seqLt, seqMax } from '../wire/seq';
import type { TcpRepr } from '../wire/types';
import { TCP_ACK, TCP_FIN, TCP_PSH, TCP_SYN } from '../wire/types';
import type { SegmentWriter } from './segment-writer';
import type { SegmentPlan } from './sender';
import { TIMESTAMP_OPTION_BYTES } from './options';
import { noteDataSent } from './quick-ack';
import { planNext } from './sender';
import type { Tcb } from './tcb';
import { fireTimers } from './timer-events';
import type { Endpoint } from './types';
import { windowUpdateWanted } from './window';

export type EmitFn = (seg: TcpRepr, to: Endpoint) => void;

/** Upper bound on segments per dispatch call, a guard against a runaway loop. */
const MAX_SEGMENTS_PER_DISPATCH = 4096;

export function dispatchTcb(tcb: Tcb, w: SegmentWriter, plan: SegmentPlan, now: Nanos, emit: EmitFn): number {
  tcb.tick(now);
  let n = 0;
  if (tcb.state !== 'CLOSED') fireTimers(tcb, now);
  if (tcb.rstPending !== null) {
    const r = tcb.rstPending;
    tcb.rstPending = null;
    const seg = w.buildReset(tcb.local.port, tcb.remote.port, r.seq, r.withAck ? r.ack : null);
    tcb.counters.resetsSent++;
    tcb.counters.segmentsSent++;
    emit(seg, tcb.remote);
    n++;
  }
  if (tcb.state === 'CLOSED' || tcb.state === 'LISTEN') return n;
  while (n < MAX_SEGMENTS_PER_DISPATCH) {
    const maxLen = tcb.sndMss - w.sackBytes(tcb);
    if (!planNext(tcb, maxLen, plan, superSegmentBytes(tcb, maxLen))) break;
    emitPlanned(tcb, w, plan, now, emit);
    n++;
  }
  if (tcb.ackNow || windowUpdateWanted(tcb)) {
    if (tcb.state !== 'SYN-SENT') {
      emit(w.build(tcb, tcb.sndNxt, TCP_ACK, null), tcb.remote);
      n++;
    }
    tcb.ackNow = false;
  }
  armTimers(tcb, now);
  return n;
}

/** IPv4 header (20) plus the largest TCP header (60): what a super-packet's payload leaves room for. */
const SUPER_HEADER_ROOM = 80;

/**
 * Largest payload of a TSO/GSO super-segment now (Linux tcp_tso_autosize with
 * sk_gso_max_size): whole segments of `maxLen` within gsoMaxBytes - 1 less the
 * headers, or just `maxLen` when super-segments are off. They are off while the
 * peer's MSS clamps ours, because the NIC or the GSO layer cuts a super-segment
 * into frames as large as the MTU allows, which then equal `maxLen` exactly.
 */
function superSegmentBytes(tcb: Tcb, maxLen: number): number {
  const gso = tcb.cfg.gsoMaxBytes;
  if (gso <= 0 || tcb.sndMss + (tcb.tsOk ? TIMESTAMP_OPTION_BYTES : 0) !== tcb.cfg.mss) return maxLen;
  const room = Math.min(gso - 1, 0xffff) - SUPER_HEADER_ROOM;
  return Math.max(maxLen, room - (room % maxLen));
}

function emitPlanned(tcb: Tcb, w: SegmentWriter, p: SegmentPlan, now: Nanos, emit: EmitFn): void {
  let flags = TCP_ACK;
  if (p.kind === 'syn') flags = tcb.state === 'SYN-SENT' ? TCP_SYN : TCP_SYN | TCP_ACK;
  if (p.fin) flags |= TCP_FIN;
  const end = seqAdd(p.seq, p.len + (p.kind === 'syn' ? 1 : 0) + (p.fin ? 1 : 0));
  // PSH when the segment empties the queue (RFC 9293 3.9.1, as BSD and Linux do).
  if (p.len > 0 && seqAdd(p.seq, p.len) === tcb.dataEnd) flags |= TCP_PSH;
  const payload = p.len > 0 ? tcb.sendBuf.segment(p.seq - tcb.dataStart >>> 0, p.len) : null;
  const retransmission = p.kind === 'syn' ? tcb.synRetransmitted : seqLt(p.seq, tcb.sndMax);
  noteSent(tcb, p.seq, end, retransmission, now);
  if (!retransmission && p.len > 0) {
    noteDataSent(tcb, now);
    // Minshall's Nagle (Linux tcp_minshall_update): remember the end of a short
    // segment, one that is not a whole number of full-sized segments.
    if (p.len % (tcb.sndMss - w.sackBytes(tcb)) !== 0) tcb.sndSml = seqAdd(p.seq, p.len);
  }
  switch (p.kind) {
    case 'retransmit-una':
      tcb.retransmitUna = false;
      if (tcb.sackOk) raiseHighRxt(tcb, end);
      if (tcb.sackOk && tcb.inRecovery) tcb.rtxLog.record(p.seq, end, tcb.sndMax);
      break;
    case 'sack-retransmit':
      raiseHighRxt(tcb, end);
      tcb.rtxLog.record(p.seq, end, tcb.sndMax);
      break;
    case 'lost-retransmit':
      raiseHighRxt(tcb, end);
      tcb.rtxLog.resent(end);
      tcb.rtxLog.record(p.seq, end, tcb.sndMax);
      tcb.counters.lostRetransmits++;
      break;
    case 'probe':
      tcb.probeDue = false;
      if (seqLt(tcb.sndNxt, end)) tcb.sndNxt = end;
      break;
    default:
      if (seqLe(tcb.sndNxt, p.seq) || p.kind === 'syn') tcb.sndNxt = end;
      else if (seqLt(tcb.sndNxt, end)) tcb.sndNxt = end;
      break;
  }
  if (seqGt(end, tcb.sndMax)) tcb.sndMax = end;
  emit(w.build(tcb, p.seq, flags, payload), tcb.remote);
  // RFC 6298 (5.1): start the timer when data goes out and it is not running.
  if (p.kind !== 'probe') tcb.timers.ensureRetransmit(now, tcb.rtt.rto);
}

function raiseHighRxt(tcb: Tcb, end: SeqNumber): void {
  const sb = tcb.scoreboard;
  sb.highRxt = sb.highRxt === null ? end : seqMax(sb.highRxt, end);
}

/** Counters, RTT timing (Karn's rule) and RTTM bookkeeping for a segment sent now. */
function noteSent(tcb: Tcb, start: SeqNumber, end: SeqNumber, retransmission: boolean, now: Nanos): void {
  if (retransmission) {
    tcb.counters.retransmits++;
    if (tcb.rttSeq !== null && seqLe(start, tcb.rttSeq) && seqLt(tcb.rttSeq, end)) tcb.rttSeq = null;
    tcb.rtxHigh = tcb.rtxHigh === null ? end : seqMax(tcb.rtxHigh, end);
    if (tcb.tsOk) tcb.lastRtxTsVal = tcb.tsVal();
  } else if (tcb.rttSeq === null && seqLt(start, end)) {
    tcb.rttSeq = start;
    tcb.rttStart = now;
  }
}

/** Retransmission timer while data is outstanding; persist timer while the peer's window is zero. */
function armTimers(tcb: Tcb, now: Nanos): void {
  const t = tcb.timers;
  if (tcb.state === 'CLOSED' || tcb.state === 'TIME-WAIT') return;
  const waitingForWindow = tcb.sndWnd === 0 && seqLt(tcb.sndUna, tcb.dataEnd) && isSynchronizedSender(tcb);
  if (waitingForWindow) {
    if (t.rtx.kind !== 'persist') {
      t.persistBackoff = 0;
      t.armPersist(now, tcb.rtt.rto, tcb.cfg.rtoMax);
    }
    return;
  }
  if (t.rtx.kind === 'persist') {
    t.stopRtx();
    t.persistBackoff = 0;
  }
  if (tcb.flightSize > 0) t.ensureRetransmit(now, tcb.rtt.rto);
  else t.stopRtx();
}

function isSynchronizedSender(tcb: Tcb): boolean {
  const s = tcb.state;
  return s === 'ESTABLISHED' || s === 'CLOSE-WAIT' || s === 'FIN-WAIT-1' || s === 'CLOSING' || s === 'LAST-ACK';
}

/** Whether dispatch would emit something if called now (for pollAt). */
export function hasImmediateWork(tcb: Tcb, w: SegmentWriter, plan: SegmentPlan): boolean {
  if (tcb.rstPending !== null) return true;
  if (tcb.state === 'CLOSED' || tcb.state === 'LISTEN') return false;
  if (tcb.ackNow && tcb.state !== 'SYN-SENT') return true;
  if (windowUpdateWanted(tcb)) return true;
  const maxLen = tcb.sndMss - w.sackBytes(tcb);
  // The same super-segment size dispatch uses, so a deferred TSO send is not seen as due work.
  return planNext(tcb, maxLen, plan, superSegmentBytes(tcb, maxLen));
}
