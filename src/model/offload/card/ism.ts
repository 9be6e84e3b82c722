// The socket-class DDM on the IOP: the ISM (our TCP/IP stack, src/net/stack,
// running on the IOP with the IOP's cost table) behind the socket class's I2O
// messages (src/i2o/socket-class.ts, a reconstruction).
//
// Data path (message driven): SEND names transmit-pool buffers; the DMA engine
// pulls them into IOP memory and the ISM hands the bytes to its stack in
// request order (blocking in the stack while the socket's send buffer is
// full), then replies COMPLETE so the OSM can reuse the buffers. RECV lends
// receive-pool buffers; the ISM pulls received bytes from its stack into them
// by DMA, one RECV_DATA per buffer. With no lent buffer the data waits in the
// stack's receive buffer and TCP's window closes: backpressure, never loss.
// End of stream is CLOSED(peer FIN); a connection error is ERROR(errno).
//
// Control path: the OSM's user interface needs the answer of socket, bind,
// listen, connect, setsockopt... at the call (the SocketApi is synchronous
// there; a real OSM sleeps in the syscall for the reply), so those take
// effect on the ISM's socket at the call through the methods below marked
// "at the call"; their I2O requests still travel, are dispatched and charged
// here, and are answered (COMPLETE) or followed by their events (CONNECTED,
// ACCEPTED, ERROR). Close and shutdown travel in order behind the data.
import { Priority, type EventHandler, type Nanos, type Processor, type Simulator } from '../../../sim';
import {
  CLOSED_PEER_FIN, type DecodedSocketFrame, type SocketEnvelope, type SocketReply,
  type SocketRequestOp,
} from '../../../i2o';
import {
  POLLIN, isPending, isSysError, sysError, type Accepted, type Fd, type Result, type SockAddr, type SockType,
  type Stack, type SysError,
} from '../../../net/stack';
import { BUS_TO_DEVICE, BUS_TO_HOST } from '../../bus';
import type { ResolvedIopCosts } from '../../costs';
import { CHILD_HANDLE_BASE, CTX_CONTROL, CTX_DATA, type HostMemory } from '../contexts';
import { errnoCode } from '../errno-codes';
import type { DmaEngine } from './dma-engine';
import type { Ddm, IopMessaging } from './iop-messaging';
import { IsmSocket, SendOp } from './ism-socket';

const K_REQUEST = 1;
const K_SEND_MOVED = 2;
const K_RECV_MOVED = 3;
const K_FILL_TIMER = 4;

/**
 * Connections the ISM accepts ahead of the application into the OSM's queue
 * (at most the backlog). ESTIMATE: enough that a burst of accepts needs no
 * I2O round trip each, small next to the listen backlog.
 */
const ACCEPT_AHEAD = 8;

export class Ism implements Ddm, EventHandler {
  private readonly byHandle = new Map<number, IsmSocket>();
  private nextChild = CHILD_HANDLE_BASE;
  private readonly spareStaging: Uint8Array[] = [];

  constructor(
    private readonly sim: Simulator,
    private readonly iop: Processor,
    readonly stack: Stack,
    private readonly costs: ResolvedIopCosts,
    private readonly messaging: IopMessaging,
    private readonly dma: DmaEngine,
    private readonly host: HostMemory,
    /** Largest SEND: SGL elements per frame x transmit buffer size. */
    private readonly maxSendBytes: number,
    private readonly rxBufferBytes: number,
    /** Longest a partly filled receive buffer waits for more data before it goes to the host. */
    private readonly fillTimeout: Nanos,
    /** Most filled buffers one RECV_DATA reports. */
    private readonly batchBuffers: number,
  ) {}

  // ---------------------------------------------------------- at the call

  /** Creates the ISM's socket for a new OSM handle. */
  open(handle: number, type: SockType): Fd | SysError {
    const fd = this.stack.socket(type);
    if (isSysError(fd)) return fd;
    this.byHandle.set(handle, this.record(handle, fd, type));
    return fd;
  }

  /** The ISM descriptor behind a handle, or -1. */
  fdOf(handle: number): Fd {
    return this.byHandle.get(handle)?.fd ?? -1;
  }

  /** Starts the handshake; CONNECTED or ERROR follows as an event. */
  connect(handle: number, addr: SockAddr): Result<0> {
    const s = this.byHandle.get(handle);
    if (s === undefined) return sysError('EBADF');
    return this.stack.connect(s.fd, addr, s.connectCont);
  }

  /** Datagram sockets and closed handles are released here at once. */
  forget(handle: number): void {
    const s = this.byHandle.get(handle);
    if (s === undefined) return;
    s.closed = true;
    this.byHandle.delete(handle);
    this.stack.close(s.fd);
  }

  // ---------------------------------------------------------- messages

  receive(req: DecodedSocketFrame): void {
    const o = this.costs.ops.ismSocketRequest;
    this.iop.submit(Priority.SoftIrq, o.category, o.fixed, this, K_REQUEST, 0, req);
  }

  onEvent(kind: number, arg: number, obj: unknown): void {
    if (kind === K_REQUEST) this.handle(obj as DecodedSocketFrame);
    else if (kind === K_SEND_MOVED) this.sendMoved(obj as SendOp, arg);
    else if (kind === K_RECV_MOVED) this.recvMoved(obj as IsmSocket, arg);
    else if (kind === K_FILL_TIMER) this.fillTimedOut(obj as IsmSocket);
  }

  private handle(req: DecodedSocketFrame): void {
    const m = req.socket;
    const env: SocketEnvelope = { initiatorContext: req.frame.initiatorContext, transactionContext: req.frame.transactionContext };
    if (m.op === 'SOCKET') return this.complete('SOCKET', env.transactionContext, env.transactionContext, env);
    if (!('handle' in m) || m.op === 'COMPLETE' || m.op === 'RECV_DATA' || m.op === 'CONNECTED' || m.op === 'ACCEPTED' ||
      m.op === 'CLOSED' || m.op === 'ERROR') return;
    const s = this.byHandle.get(m.handle);
    if (s === undefined) return this.fail(m.handle, 'EBADF', m.op, env);
    switch (m.op) {
      case 'BIND':
      case 'SETSOCKOPT':
      case 'GETSOCKOPT':
        return this.complete(m.op, s.handle, 0, env);
      case 'LISTEN':
        s.listening = true;
        s.credit = Math.max(1, Math.min(ACCEPT_AHEAD, m.backlog));
        this.complete('LISTEN', s.handle, 0, env);
        return this.pumpAccept(s);
      case 'ACCEPT':
        s.credit += 1;
        return this.pumpAccept(s);
      case 'CONNECT':
        return;
      case 'SEND': {
        const op = new SendOp(s, env.transactionContext, m.buffers, this.spareStaging.pop() ?? new Uint8Array(this.maxSendBytes));
        s.ops.push(op);
        for (let i = 0; i < m.buffers.length; i++) this.dma.transfer(BUS_TO_DEVICE, m.buffers[i]!.length, this, K_SEND_MOVED, i, op);
        return;
      }
      case 'RECV':
        for (const b of m.buffers) s.lent.push(b);
        return this.pumpRecv(s);
      case 'SHUTDOWN':
        s.ops.push({ kind: 'shutdown', how: m.how, transactionContext: env.transactionContext });
        return this.pumpOps(s);
      case 'CLOSE':
        s.ops.push({ kind: 'close', transactionContext: env.transactionContext });
        return this.pumpOps(s);
    }
  }

  private record(handle: number, fd: Fd, type: SockType): IsmSocket {
    const s = new IsmSocket(handle, fd, type);
    s.connectCont = (r) => {
      if (s.closed) return;
      if (isSysError(r)) return this.fail(s.handle, r.errno, 'CONNECT', { initiatorContext: CTX_CONTROL, transactionContext: s.handle });
      const local = this.stack.getsockname(s.fd);
      const remote = this.stack.getpeername(s.fd);
      if (isSysError(local) || isSysError(remote)) return;
      this.reply({
        op: 'CONNECTED', handle: s.handle, localAddr: local.addr >>> 0, localPort: local.port,
        remoteAddr: remote.addr >>> 0, remotePort: remote.port,
      }, { initiatorContext: CTX_CONTROL, transactionContext: s.handle });
    };
    s.acceptCont = (r) => this.acceptResult(s, r);
    s.waitCont = () => {
      s.waiting = false;
      this.pumpRecv(s);
    };
    s.sendCont = (r) => {
      this.sendFinished(s, r);
      this.pumpOps(s);
    };
    s.closeCont = () => {
      this.closeFinished(s);
    };
    return s;
  }

  // ---------------------------------------------------------- transmit

  private sendMoved(op: SendOp, i: number): void {
    const b = op.buffers[i]!;
    const src = this.host.read(b.address, b.length);
    if (src !== null) op.staging.set(src, op.offsets[i]!);
    op.pending -= 1;
    if (op.pending === 0) this.pumpOps(op.sock);
  }

  private pumpOps(s: IsmSocket): void {
    while (!s.opBusy && s.ops.length > 0) {
      const op = s.ops[0]!;
      if (op.kind === 'send') {
        if (op.pending > 0) return;
        s.opBusy = true;
        const r = this.stack.send(s.fd, op.staging.subarray(0, op.total), s.sendCont);
        if (isPending(r)) return;
        this.sendFinished(s, r);
      } else if (op.kind === 'shutdown') {
        s.ops.shift();
        this.stack.shutdown(s.fd, op.how === 0 ? 'rd' : op.how === 1 ? 'wr' : 'rdwr');
        this.complete('SHUTDOWN', s.handle, 0, { initiatorContext: CTX_CONTROL, transactionContext: op.transactionContext });
      } else {
        s.opBusy = true;
        const r = this.stack.close(s.fd, s.closeCont);
        if (isPending(r)) return;
        this.closeFinished(s);
        return;
      }
    }
  }

  private sendFinished(s: IsmSocket, r: number | SysError): void {
    const op = s.ops.shift() as SendOp;
    s.opBusy = false;
    this.spareStaging.push(op.staging);
    const env = { initiatorContext: CTX_DATA, transactionContext: op.transactionContext };
    if (isSysError(r)) this.fail(s.handle, r.errno, 'SEND', env);
    else this.complete('SEND', s.handle, r, env);
  }

  private closeFinished(s: IsmSocket): void {
    if (s.recvDma) {
      s.closePending = true;
      return;
    }
    s.ops.shift();
    s.opBusy = false;
    s.closed = true;
    this.byHandle.delete(s.handle);
    // Filled buffers are reported; those still lent go back with the completion.
    this.flushReady(s);
    this.complete('CLOSE', s.handle, s.lent.length - s.lentHead, { initiatorContext: CTX_CONTROL, transactionContext: s.handle });
  }

  // ---------------------------------------------------------- receive

  // The ISM fills the lent buffer at the head with what its socket holds
  // (non-blocking reads, then a readiness wait) and DMAs it to the host when
  // it is full. Filled buffers are reported together in one RECV_DATA when
  // `batchBuffers` are ready, at end of stream or an error, when no lent
  // buffer is left, or when the stream pauses for `fillTimeout` (a partly
  // filled buffer then goes too): a burst shares DMAs and replies, a lone
  // message waits at most `fillTimeout`.
  private pumpRecv(s: IsmSocket): void {
    if (s.recvDma || s.rxDone || s.closed) return;
    if (s.lentHead >= s.lent.length) {
      // Every lent buffer is filled: the host must have them back before it can lend more.
      if (s.ready.length > 0) this.flushReady(s);
      return;
    }
    const b = s.lent[s.lentHead]!;
    if (s.staging === null) s.staging = new Uint8Array(this.rxBufferBytes);
    const cap = Math.min(b.length, s.staging.length);
    let progressed = false;
    for (;;) {
      const r = this.stack.recv(s.fd, s.staging.subarray(s.filled, cap));
      if (typeof r === 'number' && r > 0) {
        s.filled += r;
        progressed = true;
        if (s.filled === cap) return this.deliver(s);
        continue;
      }
      if (isSysError(r) && r.errno === 'EAGAIN') {
        // A gap timer: restarted whenever data came in.
        if ((s.filled > 0 || s.ready.length > 0) && (progressed || s.fillTimer < 0)) {
          if (s.fillTimer >= 0) this.sim.cancel(s.fillTimer);
          s.fillTimer = this.sim.schedule((this.sim.now + this.fillTimeout) as Nanos, this, K_FILL_TIMER, 0, s);
        }
        if (!s.waiting) {
          s.waiting = true;
          this.stack.wait(s.fd, POLLIN, s.waitCont);
        }
        return;
      }
      // End of stream (0) or a connection error: hand over what is filled, then report it.
      const env = { initiatorContext: CTX_CONTROL, transactionContext: s.handle };
      s.rxDone = true;
      s.endReply = isSysError(r)
        ? { op: 'ERROR', handle: s.handle, errno: errnoCode(r.errno), failed: 'RECV' }
        : { op: 'CLOSED', handle: s.handle, reason: CLOSED_PEER_FIN };
      s.endEnv = env;
      if (s.filled > 0) return this.deliver(s);
      return this.sendEnd(s);
    }
  }

  private deliver(s: IsmSocket): void {
    if (s.fillTimer >= 0) {
      this.sim.cancel(s.fillTimer);
      s.fillTimer = -1;
    }
    s.recvDma = true;
    this.dma.transfer(BUS_TO_HOST, s.filled, this, K_RECV_MOVED, s.filled, s);
  }

  private sendEnd(s: IsmSocket): void {
    const m = s.endReply;
    if (m === null || s.closed || (m.op === 'ERROR' && m.errno === errnoCode('EBADF'))) return;
    s.endReply = null;
    this.reply(m, s.endEnv);
  }

  private recvMoved(s: IsmSocket, n: number): void {
    const b = s.lent[s.lentHead++]!;
    this.host.write(b.address, s.staging!.subarray(0, n));
    if (s.lentHead > 64 && s.lentHead * 2 > s.lent.length) {
      s.lent.splice(0, s.lentHead);
      s.lentHead = 0;
    }
    s.filled = 0;
    s.recvDma = false;
    s.ready.push({ address: b.address, length: n });
    if (s.ready.length >= this.batchBuffers || s.flushAfterDma || s.endReply !== null || s.closePending) this.flushReady(s);
    if (s.endReply !== null) this.sendEnd(s);
    if (s.closePending) {
      s.closePending = false;
      this.closeFinished(s);
      return;
    }
    this.pumpRecv(s);
  }

  /** The stream paused: what is filled goes to the host. */
  private fillTimedOut(s: IsmSocket): void {
    s.fillTimer = -1;
    if (s.closed) return;
    if (s.recvDma) s.flushAfterDma = true;
    else if (s.filled > 0) {
      s.flushAfterDma = true;
      this.deliver(s);
    } else this.flushReady(s);
  }

  /** One RECV_DATA for every buffer the DMA engine has filled since the last. */
  private flushReady(s: IsmSocket): void {
    s.flushAfterDma = false;
    if (s.ready.length === 0) return;
    const buffers = s.ready;
    s.ready = [];
    this.reply({ op: 'RECV_DATA', handle: s.handle, flags: 0, buffers }, { initiatorContext: CTX_DATA, transactionContext: s.handle });
  }

  // ---------------------------------------------------------- accept

  private pumpAccept(l: IsmSocket): void {
    if (l.accepting || l.closed || !l.listening || l.credit <= 0) return;
    l.accepting = true;
    const r = this.stack.accept(l.fd, l.acceptCont);
    if (!isPending(r)) this.acceptResult(l, r);
  }

  private acceptResult(l: IsmSocket, r: Accepted | SysError): void {
    l.accepting = false;
    if (isSysError(r) || l.closed) return;
    const handle = this.nextChild;
    this.nextChild = this.nextChild >= 0xfffffff0 ? CHILD_HANDLE_BASE : this.nextChild + 1;
    this.byHandle.set(handle, this.record(handle, r.fd, 'stream'));
    const local = this.stack.getsockname(r.fd);
    const la = isSysError(local) ? { addr: 0, port: 0 } : local;
    l.credit -= 1;
    this.reply({
      op: 'ACCEPTED', listenHandle: l.handle, handle, localAddr: la.addr >>> 0, localPort: la.port,
      remoteAddr: r.remote.addr >>> 0, remotePort: r.remote.port,
    }, { initiatorContext: CTX_CONTROL, transactionContext: l.handle });
    this.pumpAccept(l);
  }

  // ---------------------------------------------------------- replies

  private complete(request: 'SOCKET' | 'BIND' | 'LISTEN' | 'SEND' | 'SHUTDOWN' | 'CLOSE' | 'SETSOCKOPT' | 'GETSOCKOPT', handle: number, value: number, env: SocketEnvelope): void {
    this.reply({ op: 'COMPLETE', request, handle, value }, env);
  }

  private fail(handle: number, errno: SysError['errno'], failed: SocketRequestOp, env: SocketEnvelope): void {
    this.reply({ op: 'ERROR', handle, errno: errnoCode(errno), failed }, env);
  }

  private reply(m: SocketReply, env: SocketEnvelope): void {
    this.messaging.reply(m, env);
  }

  /** Handles live on the card (for tests and traces). */
  get sockets(): number {
    return this.byHandle.size;
  }
}
