// Small shared types of the TCP module: endpoints, errno values and trace events.
import type { Nanos } from '../../sim/units';
import type { Ipv4Addr } from '../wire/types';
import type { TcpState } from './state';

export interface Endpoint {
  addr: Ipv4Addr;
  port: number;
}

/** The errno a connection ends with when it does not close cleanly. */
export type TcpError = 'ECONNREFUSED' | 'ECONNRESET' | 'ETIMEDOUT';

export type TcpTraceEvent =
  | { kind: 'state'; at: Nanos; from: TcpState; to: TcpState }
  | { kind: 'fast-retransmit'; at: Nanos; seq: number; cwnd: number; ssthresh: number }
  | { kind: 'rto'; at: Nanos; seq: number; rto: number; backoff: number; cwnd: number; ssthresh: number }
  | { kind: 'recovery-enter'; at: Nanos; sack: boolean; recover: number; cwnd: number; ssthresh: number }
  | { kind: 'recovery-exit'; at: Nanos; cwnd: number; ssthresh: number }
  | { kind: 'error'; at: Nanos; error: TcpError };

/** Counters a connection keeps for the model's trace sources. */
export interface TcpCounters {
  segmentsSent: number;
  segmentsReceived: number;
  bytesAcked: number;
  bytesReceived: number;
  retransmits: number;
  fastRetransmits: number;
  /** Retransmissions found lost in SACK recovery and sent again (lost-retransmit.ts). */
  lostRetransmits: number;
  /** ACKs that showed the receiver dropped data it had SACKed (reneging, RFC 2018 8). */
  sackRenegings: number;
  rtoCount: number;
  dupAcksReceived: number;
  /** Segments dropped by the acceptability test (RFC 9293 3.10.7.4) or PAWS. */
  segmentsRejected: number;
  challengeAcks: number;
  resetsSent: number;
}

export function newCounters(): TcpCounters {
  return {
    segmentsSent: 0,
    segmentsReceived: 0,
    bytesAcked: 0,
    bytesReceived: 0,
    retransmits: 0,
    fastRetransmits: 0,
    lostRetransmits: 0,
    sackRenegings: 0,
    rtoCount: 0,
    dupAcksReceived: 0,
    segmentsRejected: 0,
    challengeAcks: 0,
    resetsSent: 0,
  };
}
