// One TCP socket as the stack sees it: the BSD-level state around a
// TcpConnection (binding, options, listen queues, the calls waiting on it, its
// timer event). The protocol itself lives in the connection.
import type { EventId } from '../../sim';
import type { CongestionName, TcpConnection } from '../tcp';
import type { Accepted, Cont, Linger, SockAddr } from './api';
import type { Errno } from './errno';
import type { WakeTarget } from './output';

export interface SendWaiter {
  data: Uint8Array;
  done: number;
  cont: Cont<number>;
}

export interface RecvWaiter {
  into: Uint8Array;
  cont: Cont<number>;
}

export interface PollWaiter {
  events: number;
  cont: (revents: number) => void;
}

export interface CloseWaiter {
  deadline: number;
  cont: Cont<0>;
  timer: EventId;
}

export class TcpSock implements WakeTarget {
  readonly type = 'stream' as const;
  fd = -1;
  conn: TcpConnection | null = null;
  local: SockAddr | null = null;
  remote: SockAddr | null = null;
  nonblocking = false;
  reuseAddr = false;
  linger: Linger = { onoff: false, seconds: 0 };
  nodelay = false;
  congestion: CongestionName = 'newreno';
  sndBuf: number;
  rcvBuf: number;
  /** Listen backlog; -1 when not listening. */
  backlog = -1;
  readonly synQueue: TcpSock[] = [];
  readonly acceptQueue: TcpSock[] = [];
  /** The listener a not-yet-accepted child belongs to. */
  parent: TcpSock | null = null;
  /** Demux bucket key while in the 4-tuple table, else -1. */
  key = -1;
  timer: EventId = -1;
  timerAt = Number.POSITIVE_INFINITY;
  /** When the timer event last fired (guards against a same-instant spin). */
  firedAt = -1;
  shutRd = false;
  shutWr = false;
  /** The pending SO_ERROR (set when the connection fails, cleared when reported). */
  pendingError: Errno | null = null;
  errorSeen = false;
  /** Whether close() has released the descriptor (the connection may live on). */
  released = false;
  sendW: SendWaiter | null = null;
  recvW: RecvWaiter | null = null;
  acceptW: Cont<Accepted> | null = null;
  connectW: Cont<0> | null = null;
  closeW: CloseWaiter | null = null;
  pollW: PollWaiter[] = [];

  constructor(private readonly onService: (s: TcpSock) => void, sndBuf: number, rcvBuf: number) {
    this.sndBuf = sndBuf;
    this.rcvBuf = rcvBuf;
  }

  get listening(): boolean {
    return this.backlog >= 0;
  }

  get hasWaiters(): boolean {
    return this.sendW !== null || this.recvW !== null || this.acceptW !== null || this.connectW !== null ||
      this.closeW !== null || this.pollW.length > 0;
  }

  service(): void {
    this.onService(this);
  }
}
