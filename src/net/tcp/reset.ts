// Reset generation (RFC 9293 3.10.7.1, 3.10.7.2, 3.10.7.3) and reset acceptance
// (RFC 5961 section 3.2, adopted by RFC 9293 3.10.7.4).
import type { SeqNumber } from '../wire/seq';
import { seq, seqAdd } from '../wire/seq';
import type { TcpRepr } from '../wire/types';
import { TCP_ACK, TCP_FIN, TCP_RST, TCP_SYN } from '../wire/types';
import { receiveWindow } from './window';
import type { Tcb } from './tcb';

/** SEG.LEN: payload plus one for each of SYN and FIN (RFC 9293 3.4). */
export function segmentLength(seg: TcpRepr): number {
  return seg.payload.length + (seg.flags & TCP_SYN ? 1 : 0) + (seg.flags & TCP_FIN ? 1 : 0);
}

export interface ResetReply {
  seq: SeqNumber;
  /** The ACK field, or null for a reset without the ACK bit. */
  ack: SeqNumber | null;
}

/**
 * The reset that answers `seg` when no connection exists for it (RFC 9293
 * 3.10.7.1): none for a reset; <SEQ=SEG.ACK><CTL=RST> if it carried an ACK;
 * otherwise <SEQ=0><ACK=SEG.SEQ+SEG.LEN><CTL=RST,ACK>.
 */
export function resetFor(seg: TcpRepr): ResetReply | null {
  if (seg.flags & TCP_RST) return null;
  if (seg.flags & TCP_ACK) return { seq: seg.ack, ack: null };
  return { seq: seq(0), ack: seqAdd(seg.seq, segmentLength(seg)) };
}

export type RstVerdict = 'reset' | 'challenge' | 'ignore';

/**
 * RFC 5961 3.2: a reset whose sequence number is exactly RCV.NXT resets the
 * connection; one elsewhere in the window only earns a challenge ACK (so a blind
 * attacker must guess the exact number); one outside the window is dropped.
 */
export function judgeReset(tcb: Tcb, seg: TcpRepr): RstVerdict {
  if (seg.seq === tcb.rcvNxt) return 'reset';
  const off = (seg.seq - tcb.rcvNxt) | 0;
  return off > 0 && off < Math.max(1, receiveWindow(tcb)) ? 'challenge' : 'ignore';
}
