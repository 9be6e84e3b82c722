// The socket-class DDM on the IOP: the ISM (our TCP/IP stack, src/net/stack,
// running on the IOP with the IOP's cost table) behind the socket class's I2O
// messages (src/i2o/socket-class.ts, a reconstruction).
//
// Data path (message driven): SEND names transmit-pool buffers; the DMA engine
// pulls them into IOP memory and the ISM hands the bytes to its stack in
// request order (blocking in the stack while the socket's send buffer is
// full), then replies COMPLETE so the OSM can reuse the buffers. RECV lends
// receive-pool buffers; the ISM pulls received bytes from its stack into them
// by DMA and reports them in RECV_DATA (card/ism-receiver.ts). With no lent
// buffer the data waits in the stack's receive buffer and TCP's window closes:
// backpressure, never loss.
//
// Control path: a real OSM sleeps in the system call until the card's reply.
// A call made with a continuation does so here too: its request carries
// InitiatorContext CTX_CALL, takes effect on the ISM's socket when the IOP
// handles it, after paying the request's handling (ismSocketRequest), and the
// reply completes the call: COMPLETE or ERROR with the errno for BIND, LISTEN,
// SHUTDOWN and SETSOCKOPT, OPTVAL (the option's bytes) or ERROR for
// GETSOCKOPT. A call the SocketApi makes synchronous (no continuation: socket,
// and bind/listen/shutdown/setsockopt called without one, by callers that
// cannot sleep) needs its answer at the call, so it takes effect on the ISM's
// socket at the call through the methods below marked "at the call" or the
// card's option code (ism-socket.ts); its I2O request still travels, is
// dispatched and charged here, and is answered (COMPLETE) or followed by its
// events (CONNECTED, ACCEPTED, ERROR). Close and shutdown travel in order
// behind the data; a CLOSE with its abort word set makes the card's socket
// reset rather than close in order (RFC 9293 3.10.4), decided when the frame
// is handled.
import { Priority, type EventHandler, type Processor } from '../../../sim';
import type { CompletableOp, DecodedSocketFrame, SocketEnvelope, SocketReply, SocketRequestOp } from '../../../i2o';
import {
  isPending, isSysError, sysError, type Accepted, type Fd, type Result, type SockAddr, type SockType,
  type Stack, type SysError,
} from '../../../net/stack';
import { BUS_TO_DEVICE } from '../../bus';
import type { ResolvedIopCosts } from '../../costs';
import { CHILD_HANDLE_BASE, CTX_CALL, CTX_CONTROL, CTX_DATA, type HostMemory } from '../contexts';
import { errnoCode } from '../errno-codes';
import type { IsmReceiver } from './ism-receiver';
import type { DmaEngine } from './dma-engine';
import type { Ddm, IopMessaging } from './iop-messaging';
import { IsmSocket, SendOp, optionReply } from './ism-socket';

const K_REQUEST = 1;
const K_SEND_MOVED = 2;

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
    private readonly iop: Processor,
    readonly stack: Stack,
    private readonly costs: ResolvedIopCosts,
    private readonly messaging: IopMessaging,
    private readonly dma: DmaEngine,
    private readonly host: HostMemory,
    private readonly receiver: IsmReceiver,
    /** Largest SEND: SGL elements per frame x transmit buffer size. */
    private readonly maxSendBytes: number,
  ) {
    receiver.onCloseReady = (s) => this.closeFinished(s);
  }

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
    const tr = this.iop.simulator.trace;
    if (tr.enabled) tr.tag(req, tr.current); // the request's span (iop-messaging.ts), for its handling
    this.iop.submit(Priority.SoftIrq, o.category, o.fixed, this, K_REQUEST, 0, req);
  }

  onEvent(kind: number, arg: number, obj: unknown): void {
    if (kind === K_REQUEST) this.handleTraced(obj as DecodedSocketFrame);
    else if (kind === K_SEND_MOVED) this.sendMoved(obj as SendOp, arg);

  }

  /** Handles a request as the current trace span, so its replies and DMA carry the request's span. */
  private handleTraced(req: DecodedSocketFrame): void {
    const tr = this.iop.simulator.trace;
    if (!tr.enabled) return this.handle(req);
    const prev = tr.current;
    tr.current = tr.tagOf(req);
    try {
      this.handle(req);
    } finally {
      tr.current = prev;
    }
  }

  private handle(req: DecodedSocketFrame): void {
    const m = req.socket;
    const env: SocketEnvelope = { initiatorContext: req.frame.initiatorContext, transactionContext: req.frame.transactionContext };
    if (m.op === 'SOCKET') return this.complete('SOCKET', env.transactionContext, env.transactionContext, env);
    if (!('handle' in m) || m.op === 'COMPLETE' || m.op === 'RECV_DATA' || m.op === 'CONNECTED' || m.op === 'ACCEPTED' ||
      m.op === 'CLOSED' || m.op === 'ERROR' || m.op === 'RECVFROM_DATA') return;
    const s = this.byHandle.get(m.handle);
    if (s === undefined) return this.fail(m.handle, 'EBADF', m.op, env);
    // A call sleeping for the answer (CTX_CALL): the request takes effect here, on the card's
    // socket, and the reply carries its errno. Otherwise it took effect at the call (see above).
    const asked = env.initiatorContext === CTX_CALL;
    switch (m.op) {
      case 'BIND': {
        const r = asked ? this.stack.bind(s.fd, { addr: m.addr, port: m.port }) : 0;
        return r === 0 ? this.complete(m.op, s.handle, 0, env) : this.fail(s.handle, r.errno, m.op, env);
      }
      case 'SETSOCKOPT':
      case 'GETSOCKOPT':
        // Asked: the card's option code decodes and applies (or reads) the option now, and the reply
        // says how it went. Not asked: a synchronous setsockopt, applied at the call; acknowledge it.
        return asked ? this.reply(optionReply(this.stack, s, m), env) : this.complete(m.op, s.handle, 0, env);
      case 'LISTEN':
        if (asked) {
          const r = this.stack.listen(s.fd, m.backlog);
          if (r !== 0) return this.fail(s.handle, r.errno, m.op, env);
        }
        s.listening = true;
        s.credit = Math.max(1, Math.min(ACCEPT_AHEAD, m.backlog));
        this.complete('LISTEN', s.handle, 0, env);
        return this.pumpAccept(s);
      case 'ACCEPT':
        s.credit += 1;
        return this.pumpAccept(s);
      case 'CONNECT':
        return;
      case 'SEND':
      case 'SENDTO': {
        const to = m.op === 'SENDTO' ? { addr: m.addr, port: m.port } : null;
        const op = new SendOp(s, env.transactionContext, m.buffers, this.spareStaging.pop() ?? new Uint8Array(this.maxSendBytes), to);
        s.ops.push(op);
        for (let i = 0; i < m.buffers.length; i++) this.dma.transfer(BUS_TO_DEVICE, m.buffers[i]!.length, this, K_SEND_MOVED, i, op);
        return;
      }
      case 'RECV':
        for (const b of m.buffers) s.lent.push(b);
        return this.receiver.pump(s);
      case 'SHUTDOWN':
        s.ops.push({ kind: 'shutdown', how: m.how, transactionContext: env.transactionContext, initiatorContext: env.initiatorContext });
        return this.pumpOps(s);
      case 'CLOSE':
        // Abort: the host asks for a reset (tcp_close's RST for unread data, RFC 2525 2.17, or a
        // connection the application never took). SO_LINGER 0 makes the stack's close send the
        // RST and drop what is queued (RFC 9293 3.10.4); the close still runs after the requests
        // before it, as every close here does.
        if (m.abort === 1 && s.type === 'stream') this.stack.setsockopt(s.fd, 'SO_LINGER', { onoff: true, seconds: 0 });
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
      this.receiver.pump(s);
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
        const data = op.staging.subarray(0, op.total);
        const r = op.to === null ? this.stack.send(s.fd, data, s.sendCont) : this.stack.sendto(s.fd, data, op.to, s.sendCont);
        if (isPending(r)) return;
        this.sendFinished(s, r);
      } else if (op.kind === 'shutdown') {
        s.ops.shift();
        const r = this.stack.shutdown(s.fd, op.how === 0 ? 'rd' : op.how === 1 ? 'wr' : 'rdwr');
        const env = { initiatorContext: op.initiatorContext, transactionContext: op.transactionContext };
        // Only a sleeping call is told the errno; an answered-at-the-call shutdown was checked there.
        if (r !== 0 && op.initiatorContext === CTX_CALL) this.fail(s.handle, r.errno, 'SHUTDOWN', env);
        else this.complete('SHUTDOWN', s.handle, 0, env);
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
    const name = op.to === null ? 'SEND' : 'SENDTO';
    if (isSysError(r)) this.fail(s.handle, r.errno, name, env);
    else this.complete(name, s.handle, r, env);
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
    this.receiver.flushReady(s);
    this.complete('CLOSE', s.handle, s.lent.length - s.lentHead, { initiatorContext: CTX_CONTROL, transactionContext: s.handle });
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

  private complete(request: CompletableOp, handle: number, value: number, env: SocketEnvelope): void {
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
