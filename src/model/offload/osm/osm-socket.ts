// The OSM's record of one socket (its struct socket and private data): the
// state the user interface answers from, the data received into receive-pool
// buffers and not yet read, the buffers lent to the card, and the calls
// parked on the socket until the kernel interface wakes them.
import type { Accepted, Cont, Fd, Linger, Received, SockAddr, SockType, Errno } from '../../../net/stack';

export type OsmState = 'idle' | 'connecting' | 'connected' | 'listening';

export interface SendWait {
  data: Uint8Array;
  done: number;
  cont: Cont<number>;
  /** A datagram socket's destination: the datagram goes whole or waits (all or nothing). */
  to?: SockAddr;
  /** Trace span of the parked call: the copies made when it is woken carry it (0: none). */
  span: number;
}

export interface RecvWait {
  into: Uint8Array;
  cont: Cont<number>;
  /** Trace span of the parked call (0: none). */
  span: number;
}

/** A datagram receive parked until a datagram arrives through the pool. */
export interface DatagramWait {
  into: Uint8Array;
  cont: Cont<Received>;
  /** Trace span of the parked call (0: none). */
  span: number;
}

/** A datagram the card wrote into receive-pool buffers (RECVFROM_DATA), not yet read. */
export interface PooledDatagram {
  readonly buffers: readonly number[];
  readonly lengths: readonly number[];
  readonly length: number;
  readonly from: SockAddr;
}

export interface PollWait {
  events: number;
  cont: (revents: number) => void;
}

export class OsmSocket {
  fd: Fd = -1;
  state: OsmState = 'idle';
  nonblocking = false;
  linger: Linger = { onoff: false, seconds: 0 };
  wrShut = false;
  rdShut = false;
  /** An asynchronous error reported by the card, returned once (SO_ERROR semantics). */
  pendingError: Errno | null = null;
  /** The card reported end of stream (or the receive side failed): reads return 0 once the data is gone. */
  rxEof = false;
  /** Received data: receive-pool buffer indices, with the unread range of each. */
  readonly rxBuf: number[] = [];
  readonly rxOff: number[] = [];
  readonly rxEnd: number[] = [];
  rxHead = 0;
  rxBytes = 0;
  /** Receive-pool buffers lent to the card for this socket. */
  readonly lent: number[] = [];
  /** Transmit-pool buffers held by SENDs the card has not completed. */
  txHeld = 0;
  /**
   * The socket's buffer sizes as the application set them (SO_SNDBUF,
   * SO_RCVBUF). The OSM splits each between the card's socket (half by default) and its
   * own pool share (the rest, in buffers), so that data held on both sides
   * never exceeds what the application asked for.
   */
  sndBuf = 131072;
  rcvBuf = 131072;
  txShare = 1;
  rxShare = 1;
  /** The descriptor was closed (the card may still be finishing the close). */
  released = false;
  remote: SockAddr | null = null;
  /** For a listener: connections the card accepted and the application has not yet taken. */
  readonly acceptQueue: OsmSocket[] = [];
  sendW: SendWait | null = null;
  recvW: RecvWait | null = null;
  /** A datagram socket: it has a local port, so buffers are lent to the card for what arrives. */
  bound = false;
  /** A datagram socket: datagrams received through the pool, oldest first. */
  readonly datagrams: PooledDatagram[] = [];
  datagramW: DatagramWait | null = null;
  acceptW: Cont<Accepted> | null = null;
  connectW: Cont<0> | null = null;
  closeW: Cont<0> | null = null;
  pollW: PollWait[] = [];

  constructor(readonly handle: number, readonly type: SockType) {}

  get hasRxData(): boolean {
    return this.rxBytes > 0;
  }
}
