// Segment templates for tests: a base segment from the remote peer with spread
// overrides, plus the endpoints and initial sequence numbers the ready-made
// sockets use.
import type { SeqNumber } from '../../wire/seq';
import { seq, seqAdd } from '../../wire/seq';
import type { TcpOptions, TcpRepr } from '../../wire/types';
import { TCP_ACK, TCP_FIN, TCP_RST, TCP_SYN } from '../../wire/types';
import type { Endpoint } from '../types';

export const LOCAL: Endpoint = { addr: 0x0a000001, port: 80 };
export const REMOTE: Endpoint = { addr: 0x0a000002, port: 49152 };
export const LOCAL_ISS = seq(10_000);
export const REMOTE_ISS = seq(20_000);

export const EMPTY = new Uint8Array(0);

/** A segment from REMOTE to LOCAL; by default an ACK right after both SYNs. */
export function seg(over: Partial<TcpRepr> = {}): TcpRepr {
  return {
    srcPort: REMOTE.port,
    dstPort: LOCAL.port,
    seq: seqAdd(REMOTE_ISS, 1),
    ack: seqAdd(LOCAL_ISS, 1),
    flags: TCP_ACK,
    window: 65535,
    urgentPointer: 0,
    options: {},
    payload: EMPTY,
    ...over,
  };
}

export function synSeg(over: Partial<TcpRepr> = {}, options: TcpOptions = { mss: 1460 }): TcpRepr {
  return seg({ seq: REMOTE_ISS, ack: seq(0), flags: TCP_SYN, options, ...over });
}

export function synAckSeg(over: Partial<TcpRepr> = {}, options: TcpOptions = { mss: 1460 }): TcpRepr {
  return seg({ seq: REMOTE_ISS, ack: seqAdd(LOCAL_ISS, 1), flags: TCP_SYN | TCP_ACK, options, ...over });
}

export function finSeg(over: Partial<TcpRepr> = {}): TcpRepr {
  return seg({ flags: TCP_FIN | TCP_ACK, ...over });
}

export function rstSeg(over: Partial<TcpRepr> = {}): TcpRepr {
  return seg({ flags: TCP_RST, ...over });
}

/** Deterministic bytes: byte i of a stream is (i * 31 + 7) & 0xff. */
export function pattern(len: number, from = 0): Uint8Array {
  const out = new Uint8Array(len);
  for (let i = 0; i < len; i++) out[i] = ((from + i) * 31 + 7) & 0xff;
  return out;
}

/** Local sequence number `n` bytes after our SYN. */
export const lseq = (n: number): SeqNumber => seqAdd(LOCAL_ISS, 1 + n);
/** Remote sequence number `n` bytes after the peer's SYN. */
export const rseq = (n: number): SeqNumber => seqAdd(REMOTE_ISS, 1 + n);
