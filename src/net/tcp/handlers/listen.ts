// LISTEN (RFC 9293 3.10.7.2): resets are ignored, an ACK earns a reset, a SYN
// creates a child connection in SYN-RECEIVED.
import type { TcpRepr } from '../../wire/types';
import { TCP_ACK, TCP_RST, TCP_SYN } from '../../wire/types';
import type { Tcb } from '../tcb';
import { takePeerSyn } from './handshake';

export type ListenVerdict = 'ignore' | 'reset' | 'accept';

export function judgeListen(seg: TcpRepr): ListenVerdict {
  if (seg.flags & TCP_RST) return 'ignore';
  // "Any acknowledgment is bad if it arrives on a connection still in the LISTEN state."
  if (seg.flags & TCP_ACK) return 'reset';
  if (seg.flags & TCP_SYN) return 'accept';
  return 'ignore';
}

/** Prepares a fresh child TCB (its ISS already set) from the peer's SYN. */
export function openChild(child: Tcb, seg: TcpRepr): void {
  child.active = false;
  takePeerSyn(child, seg);
  // The SYN-ACK goes out at the next dispatch: <SEQ=ISS><ACK=RCV.NXT><CTL=SYN,ACK>.
  child.sndNxt = child.iss;
  child.sndMax = child.iss;
  child.setState('SYN-RECEIVED');
}
