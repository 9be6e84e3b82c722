// Ready-made sockets, one per state, each reached by driving the machine with
// real segments (never by writing its fields), with LOCAL_ISS and REMOTE_ISS
// as the two initial sequence numbers. Options are off by default so the
// per-state tests see plain segments; pass `config` and `peerOptions` to test
// them.
import { expect } from 'vitest';
import type { Nanos } from '../../../sim/units';
import type { SeqNumber } from '../../wire/seq';
import { seq, seqAdd } from '../../wire/seq';
import type { TcpOptions } from '../../wire/types';
import { TCP_ACK, TCP_FIN, TCP_SYN } from '../../wire/types';
import type { TcpConfig } from '../config';
import { TcpConnection } from '../connection';
import { recvSeg, sendSeg } from './helpers';
import { LOCAL, LOCAL_ISS, REMOTE, finSeg, lseq, rseq, seg, synAckSeg, synSeg } from './segments';

export const TEST_CONFIG: TcpConfig = {
  windowScale: false,
  sack: false,
  timestamps: false,
  delayedAck: false,
};

export interface SocketOpts {
  config?: TcpConfig;
  /** Options the peer's SYN (or SYN-ACK) carries. */
  peerOptions?: TcpOptions;
  /** Window the peer advertises in its SYN. */
  peerWindow?: number;
  iss?: number;
  remoteIss?: number;
  tsOffset?: number;
  /** ISS source for the children of a listener. */
  nextIss?: () => SeqNumber;
}

export function newSocket(opts: SocketOpts = {}): TcpConnection {
  return new TcpConnection({
    config: { ...TEST_CONFIG, ...opts.config },
    local: LOCAL,
    iss: opts.iss === undefined ? LOCAL_ISS : (opts.iss >>> 0) as typeof LOCAL_ISS,
    tsOffset: opts.tsOffset ?? 0,
    nextIss: opts.nextIss,
  });
}

export function listenSocket(opts: SocketOpts = {}): TcpConnection {
  const s = newSocket(opts);
  s.listen();
  return s;
}

export function synSentSocket(opts: SocketOpts = {}): TcpConnection {
  const s = newSocket(opts);
  s.connect(REMOTE, 0 as Nanos);
  const syn = recvSeg(s);
  expect(syn.flags).toBe(TCP_SYN);
  return s;
}

/** Passive open: the child a listener made from the peer's SYN, its SYN-ACK already sent. */
export function synReceivedSocket(opts: SocketOpts = {}): TcpConnection {
  const l = listenSocket({ nextIss: () => LOCAL_ISS, ...opts });
  const child = sendSeg(l, synSeg({ window: opts.peerWindow ?? 65535 }, opts.peerOptions ?? { mss: 1460 }));
  expect(child).not.toBeNull();
  const synAck = recvSeg(child!);
  expect(synAck.flags).toBe(TCP_SYN | TCP_ACK);
  return child!;
}

/** Active open completed: SND.UNA = LOCAL_ISS+1, RCV.NXT = REMOTE_ISS+1. */
export function establishedSocket(opts: SocketOpts = {}): TcpConnection {
  const s = synSentSocket(opts);
  const ack = seqAdd(opts.iss === undefined ? LOCAL_ISS : seq(opts.iss), 1);
  sendSeg(s, synAckSeg({ window: opts.peerWindow ?? 65535, ack }, opts.peerOptions ?? { mss: 1460 }));
  const reply = recvSeg(s);
  expect(reply.flags).toBe(TCP_ACK);
  expect(s.state).toBe('ESTABLISHED');
  return s;
}

export function finWait1Socket(opts: SocketOpts = {}): TcpConnection {
  const s = establishedSocket(opts);
  s.close(0 as Nanos);
  const fin = recvSeg(s);
  expect(fin.flags & TCP_FIN).toBe(TCP_FIN);
  return s;
}

export function finWait2Socket(opts: SocketOpts = {}): TcpConnection {
  const s = finWait1Socket(opts);
  sendSeg(s, seg({ ack: lseq(1) }));
  expect(s.state).toBe('FIN-WAIT-2');
  return s;
}

export function closeWaitSocket(opts: SocketOpts = {}): TcpConnection {
  const s = establishedSocket(opts);
  sendSeg(s, finSeg());
  const ack = recvSeg(s);
  expect(ack.ack).toBe(rseq(1));
  expect(s.state).toBe('CLOSE-WAIT');
  return s;
}

export function lastAckSocket(opts: SocketOpts = {}): TcpConnection {
  const s = closeWaitSocket(opts);
  s.close(0 as Nanos);
  const fin = recvSeg(s);
  expect(fin.flags & TCP_FIN).toBe(TCP_FIN);
  expect(s.state).toBe('LAST-ACK');
  return s;
}

/** Simultaneous close: both FINs crossed; ours is not yet acknowledged. */
export function closingSocket(opts: SocketOpts = {}): TcpConnection {
  const s = finWait1Socket(opts);
  sendSeg(s, finSeg({ ack: lseq(0) }));
  const ack = recvSeg(s);
  expect(ack.ack).toBe(rseq(1));
  expect(s.state).toBe('CLOSING');
  return s;
}

export function timeWaitSocket(opts: SocketOpts = {}): TcpConnection {
  const s = finWait2Socket(opts);
  sendSeg(s, finSeg({ ack: lseq(1) }));
  const ack = recvSeg(s);
  expect(ack.ack).toBe(seqAdd(rseq(0), 1));
  expect(s.state).toBe('TIME-WAIT');
  return s;
}
