// The ISM's record of one offloaded socket: its descriptor in the ISM stack,
// the requests it must apply in order (SEND, SHUTDOWN, CLOSE: a close never
// overtakes data sent before it), the host receive buffers lent to it, and,
// for a listener, the accept credit.
import type { DmaBuffer, SocketEnvelope, SocketReply } from '../../../i2o';
import type { Accepted, Cont, SockAddr, SockType } from '../../../net/stack';

export class SendOp {
  readonly kind = 'send' as const;
  /** DMA transfers still in flight; the data goes to the stack when all have landed. */
  pending: number;
  readonly offsets: number[] = [];
  readonly total: number;

  constructor(
    readonly sock: IsmSocket,
    readonly transactionContext: number,
    readonly buffers: readonly DmaBuffer[],
    readonly staging: Uint8Array,
    /** A datagram's destination (SENDTO); null for a stream's SEND. */
    readonly to: SockAddr | null = null,
  ) {
    let at = 0;
    for (const b of buffers) {
      this.offsets.push(at);
      at += b.length;
    }
    this.total = at;
    this.pending = buffers.length;
  }
}

export type IsmOp =
  | SendOp
  | { readonly kind: 'shutdown'; readonly how: number; readonly transactionContext: number; readonly initiatorContext: number }
  | { readonly kind: 'close'; readonly transactionContext: number };

export class IsmSocket {
  readonly ops: IsmOp[] = [];
  opBusy = false;
  /** Host receive-pool buffers lent by RECV requests, filled in order. */
  readonly lent: DmaBuffer[] = [];
  lentHead = 0;
  /** The head buffer's data is being DMA'd to the host. */
  recvDma = false;
  /** Bytes read into the staging buffer for the head lent buffer. */
  filled = 0;
  fillTimer = -1;
  /** Filled buffers (DMA done) not yet reported to the host. */
  ready: DmaBuffer[] = [];
  flushAfterDma = false;
  /** A readiness wait is registered with the stack. */
  waiting = false;
  /** CLOSED or ERROR to send once the filled data has gone to the host. */
  endReply: SocketReply | null = null;
  endEnv: SocketEnvelope = { initiatorContext: 0, transactionContext: 0 };
  /** End of stream or an error was reported: no more RECV_DATA. */
  rxDone = false;
  closed = false;
  closePending = false;
  listening = false;
  accepting = false;
  credit = 0;
  staging: Uint8Array | null = null;
  /** A datagram socket: the datagram read from the stack into `staging`, waiting for lent buffers or its DMA. */
  datagram: { length: number; addr: number; port: number; buffers: DmaBuffer[] } | null = null;
  waitCont: (revents: number) => void = () => undefined;
  sendCont: Cont<number> = () => undefined;
  acceptCont: Cont<Accepted> = () => undefined;
  connectCont: Cont<0> = () => undefined;
  closeCont: Cont<0> = () => undefined;

  constructor(readonly handle: number, readonly fd: number, readonly type: SockType) {}
}
