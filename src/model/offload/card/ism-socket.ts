// The ISM's record of one offloaded socket: its descriptor in the ISM stack,
// the requests it must apply in order (SEND, SHUTDOWN, CLOSE: a close never
// overtakes data sent before it), the host receive buffers lent to it, and,
// for a listener, the accept credit. Also the card's side of the socket
// options: SETSOCKOPT and GETSOCKOPT decoded from their optval bytes, applied
// to or read from the ISM stack's socket, and the reply that says how it went.
import type { DmaBuffer, SocketEnvelope, SocketReply, SocketRequest } from '../../../i2o';
import {
  isSysError, sysError, type Accepted, type Cont, type Errno, type Fd, type SockAddr, type SockType, type Stack,
  type SysError,
} from '../../../net/stack';
import { optionFromC, optionToC, sockOptByCode } from '../../../net/stack/sockopt';
import { errnoCode } from '../errno-codes';

type OptionRequest = Extract<SocketRequest, { op: 'SETSOCKOPT' | 'GETSOCKOPT' }>;

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

// ---------------------------------------------------------- socket options

/**
 * The card's answer to a SETSOCKOPT: the option named by (level, name),
 * decoded from its optval bytes and applied to the stack's socket `fd`.
 * Unknown (level, name) is ENOPROTOOPT; a value of the wrong length decodes
 * to null, which the stack refuses with the errno it gives any value with no
 * C form, so the errno is the native one in every case (net/stack/sockopt.ts).
 */
export function setCardOption(stack: Stack, fd: Fd, level: number, name: number, optval: Uint8Array): 0 | SysError {
  const opt = sockOptByCode(level, name);
  if (opt === null) return sysError('ENOPROTOOPT');
  if (opt === 'SO_TYPE' || opt === 'SO_ERROR') return sysError('ENOPROTOOPT'); // read-only, as in Linux's sock_setsockopt
  return stack.setsockopt(fd, opt, optionFromC(opt, optval) as never);
}

/**
 * The card's answer to a GETSOCKOPT: the option read from the stack's socket
 * `fd` as optval bytes, cut to the `optlen` the caller has room for (Linux
 * copies min(len, sizeof value)). SO_ERROR travels as the errno's number.
 */
export function getCardOption(stack: Stack, fd: Fd, level: number, name: number, optlen: number): Uint8Array | SysError {
  const opt = sockOptByCode(level, name);
  if (opt === null) return sysError('ENOPROTOOPT');
  const v = stack.getsockopt(fd, opt);
  if (isSysError(v)) return v;
  const c = optionToC(opt, opt === 'SO_ERROR' ? (v === null ? 0 : errnoCode(v as Errno)) : v);
  return c.subarray(0, Math.min(c.length, optlen));
}

/** The reply the card sends for an option request: COMPLETE, OPTVAL (a GETSOCKOPT's value) or ERROR. */
export function optionReply(stack: Stack, s: IsmSocket, m: OptionRequest): SocketReply {
  const r = m.op === 'SETSOCKOPT'
    ? setCardOption(stack, s.fd, m.level, m.name, m.optval)
    : getCardOption(stack, s.fd, m.level, m.name, m.optlen);
  if (isSysError(r)) return { op: 'ERROR', handle: s.handle, errno: errnoCode(r.errno), failed: m.op };
  if (r === 0) return { op: 'COMPLETE', request: 'SETSOCKOPT', handle: s.handle, value: 0 };
  return { op: 'OPTVAL', level: m.level, name: m.name, optval: r };
}
