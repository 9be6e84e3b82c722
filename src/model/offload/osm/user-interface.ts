// The OSM's user interface: the af_inet replacement. It implements SocketApi
// with exactly the native stack's semantics and errno values (the socket-level
// suite runs against it), on top of the other three subsystems.
//
// Every call pays syscall entry/exit, the generic socket layer and the user
// interface on the host CPU (Priority.Kernel, in the caller's context).
// Stream data moves only through the pools: send() copies into transmit
// buffers named by SEND requests, recv() copies out of receive buffers the
// card filled. Calls that must wait park on the socket record and are woken
// by the kernel interface.
//
// What the user interface answers from where (see card/ism.ts): descriptors,
// O_NONBLOCK, shutdown flags, received data, end of stream and asynchronous
// errors live in the OSM's socket record; the state of the connection itself
// (is it connected, reset, bound, which addresses) is the ISM socket's,
// read at the call (a real OSM mirrors it from the card's events), which is
// what makes every errno the native one. bind, listen and shutdown made with
// a continuation instead sleep until the card's reply (CTX_CALL, card/ism.ts)
// and take its errno. Socket options (options.ts) travel as setsockopt(2)
// passes them, in SETSOCKOPT and GETSOCKOPT requests; the card's option code
// (card/ism-socket.ts) decodes them and applies them to, or reads them from,
// the card's socket. A caller with a continuation sleeps until the card's
// reply (CTX_CALL): the card applies the option when it handles the frame and
// answers COMPLETE, OPTVAL or ERROR; the synchronous form runs the same code
// at the call (see setsockopt for what that models). close releases the
// descriptor at once; the socket record and its lent receive buffers are
// freed by the card's COMPLETE(CLOSE) (kernel-interface.ts). A close that must
// reset (unread data, a connection never accepted) says so in its CLOSE's
// abort word, which the card honours when it handles the frame. A datagram socket's sends travel through the transmit
// pool as SENDTO requests (the socket class's datagram send, with the
// destination), one datagram whole per request; a datagram that cannot
// (empty, larger than one frame's SGL or the socket's share, no destination
// yet) is handed to the ISM at the call. Datagrams arrive through the receive
// pool, one RECVFROM_DATA each (card/ism-receiver.ts), once the socket is bound.
//
// Every call, the look-only ones (poll, wait, getsockname, getpeername,
// getsockopt) included, is traced as a span: 'call' crossings app > syscall >
// socket > osm, then 'return' crossings back when it returns or is woken.
import { LAYER, Priority, TRACE_KIND, type Nanos, type Simulator } from '../../../sim';
import { AF_INET, SOCK_DGRAM, SOCK_STREAM, type SocketReply, type SocketRequest } from '../../../i2o';
import {
  PENDING, POLLERR, POLLHUP, UDP_MAX_PAYLOAD, isSysError, sysError, type Accepted, type Cont, type Fd,
  type GetSockOptValues, type Received, type Result, type ShutdownHow, type SockAddr, type SockOpt, type SockOptValues,
  type SockType, type SocketApi, type SysError,
} from '../../../net/stack';
import type { Ism } from '../card/ism';
import { getCardOption, setCardOption } from '../card/ism-socket';
import { CTX_CALL, CTX_CONTROL, FIRST_HOST_HANDLE } from '../contexts';
import { errnoName } from '../errno-codes';
import type { WireSockOpt } from '../../../net/stack/sockopt';
import type { HostWork } from './host-work';
import type { KernelInterface, SocketTable } from './kernel-interface';
import type { MemoryManagement } from './memory';
import type { MessageInterface } from './message-interface';
import { OsmSocket } from './osm-socket';
import { osmReadiness } from './readiness';
import { getRequest, hostOption, noteOption, optionAnswer, optionValue, setRequest } from './options';

const EMPTY = new Uint8Array(0);

export class OsmUserInterface implements SocketApi, SocketTable {
  readonly byHandle = new Map<number, OsmSocket>();
  private readonly fds = new Map<Fd, OsmSocket>();
  private nextHandle = FIRST_HOST_HANDLE;

  constructor(
    private readonly sim: Simulator,
    private readonly work: HostWork,
    private readonly memory: MemoryManagement,
    private readonly msgs: MessageInterface,
    private readonly kernel: KernelInterface,
    private readonly ism: Ism,
    private readonly maxFds = 1024,
  ) {
    kernel.table = this;
  }

  get openFds(): number {
    return this.fds.size;
  }

  /** What the OSM and the card still hold (for tests: all 0 once every socket is closed and the card has answered). */
  get records(): { sockets: number; cardSockets: number; sleepingCalls: number; sendsInFlight: number } {
    return { sockets: this.byHandle.size, cardSockets: this.ism.sockets, sleepingCalls: this.kernel.sleepingCalls, sendsInFlight: this.memory.sendsInFlight };
  }

  // ------------------------------------------------------------ calls

  socket(type: SockType): Fd | SysError {
    return this.call(() => {
      if (type !== 'stream' && type !== 'dgram') return sysError('EPROTOTYPE');
      if (this.fds.size >= this.maxFds) return sysError('EMFILE');
      const handle = this.nextHandle;
      const ismFd = this.ism.open(handle, type);
      if (isSysError(ismFd)) return ismFd;
      this.nextHandle = this.nextHandle >= 0x7ffffff0 ? FIRST_HOST_HANDLE : this.nextHandle + 1;
      const s = new OsmSocket(handle, type);
      this.byHandle.set(handle, s);
      if (type === 'stream') {
        s.sndBuf = this.ism.stack.getsockopt(ismFd, 'SO_SNDBUF') as number;
        s.rcvBuf = this.ism.stack.getsockopt(ismFd, 'SO_RCVBUF') as number;
        this.split(s, ismFd);
      } else {
        // Datagrams wait for the card in the transmit pool, and for the application in the
        // receive pool: the socket's shares from its buffer sizes.
        s.sndBuf = this.ism.stack.getsockopt(ismFd, 'SO_SNDBUF') as number;
        s.rcvBuf = this.ism.stack.getsockopt(ismFd, 'SO_RCVBUF') as number;
        this.memory.setShares(s);
      }
      const proto = type === 'stream' ? 6 : 17;
      this.msgs.request({ op: 'SOCKET', family: AF_INET, type: type === 'stream' ? SOCK_STREAM : SOCK_DGRAM, protocol: proto }, CTX_CONTROL, handle);
      return this.allocFd(s);
    });
  }

  /**
   * bind(2). With a continuation the caller sleeps until the card's reply and
   * the errno is the ISM's (CTX_CALL); without one (the SocketApi's synchronous
   * form) the answer is the card socket's at the call.
   */
  bind(fd: Fd, addr: SockAddr): 0 | SysError;
  bind(fd: Fd, addr: SockAddr, cont?: Cont<0>): Result<0>;
  bind(fd: Fd, addr: SockAddr, cont?: Cont<0>): Result<0> {
    return this.withSock(fd, (s, k) => {
      const fits = Number.isInteger(addr.port) && addr.port >= 0 && addr.port <= 0xffff;
      const msg = { op: 'BIND', handle: s.handle, addr: addr.addr >>> 0, port: addr.port & 0xffff } as const;
      if (cont !== undefined && fits) return this.sleepFor(msg, cont, () => this.noteBound(s, k));
      const r = this.ism.stack.bind(k, addr);
      if (r === 0) this.msgs.request(msg, CTX_CONTROL, s.handle);
      return r;
    });
  }

  /** listen(2); with a continuation it sleeps for the card's reply (see bind). */
  listen(fd: Fd, backlog: number): 0 | SysError;
  listen(fd: Fd, backlog: number, cont?: Cont<0>): Result<0>;
  listen(fd: Fd, backlog: number, cont?: Cont<0>): Result<0> {
    return this.withSock(fd, (s, k) => {
      if (cont !== undefined && s.type === 'stream') {
        const b = Math.max(0, Math.min(0xffff, Math.floor(backlog)));
        return this.sleepFor({ op: 'LISTEN', handle: s.handle, backlog: b }, cont, () => {
          s.state = 'listening';
        });
      }
      // The card's socket keeps the backlog (SYN and accept queues, backlog + 1
      // as in Linux); the card also accepts a few connections ahead into the
      // OSM's queue (card/ism.ts, ACCEPT credits) so accept() needs no round trip.
      const r = this.ism.stack.listen(k, backlog);
      if (r === 0 && s.type === 'stream') {
        s.state = 'listening';
        const b = Math.max(0, Math.min(0xffff, Math.floor(backlog)));
        this.msgs.request({ op: 'LISTEN', handle: s.handle, backlog: b }, CTX_CONTROL, s.handle);
      }
      return r;
    });
  }

  accept(fd: Fd, cont?: Cont<Accepted>): Result<Accepted> {
    return this.withSock(fd, (s) => {
      if (s.type !== 'stream') return sysError('EOPNOTSUPP');
      if (s.state !== 'listening') return sysError('EINVAL');
      const child = s.acceptQueue.shift();
      if (child !== undefined) {
        const cfd = this.adopt(child);
        if (cfd < 0) {
          this.abandon(child);
          return sysError('EMFILE');
        }
        this.msgs.request({ op: 'ACCEPT', handle: s.handle }, CTX_CONTROL, s.handle);
        return { fd: cfd, remote: { ...child.remote! } };
      }
      if (s.nonblocking || cont === undefined) return sysError('EAGAIN');
      if (s.acceptW !== null) return sysError('EBUSY');
      s.acceptW = this.traced(cont);
      return PENDING;
    });
  }

  connect(fd: Fd, addr: SockAddr, cont?: Cont<0>): Result<0> {
    return this.withSock(fd, (s, k) => {
      if (s.type === 'dgram') return this.ism.stack.connect(k, addr);
      const r = this.ism.connect(s.handle, addr);
      if (r !== PENDING) return r;
      s.state = 'connecting';
      s.pendingError = null;
      this.msgs.request({ op: 'CONNECT', handle: s.handle, addr: addr.addr >>> 0, port: addr.port & 0xffff }, CTX_CONTROL, s.handle);
      if (s.nonblocking || cont === undefined) return sysError('EINPROGRESS');
      s.connectW = this.traced(cont);
      return PENDING;
    });
  }

  send(fd: Fd, data: Uint8Array, cont?: Cont<number>): Result<number> {
    return this.withSock(fd, (s, k) => {
      if (s.type === 'dgram') return this.datagramOut(s, k, data, null, cont);
      if (s.pendingError !== null) return this.kernel.takeError(s);
      if (s.wrShut) return sysError('EPIPE');
      const probe = this.ism.stack.send(k, EMPTY);
      if (isSysError(probe)) return probe;
      if (data.length === 0) return 0;
      if (s.sendW !== null) return sysError('EBUSY');
      const n = s.state === 'connected' ? this.memory.copyIn(s, data, 0) : 0;
      if (n === data.length) return n;
      if (s.nonblocking || cont === undefined) return n > 0 ? n : sysError('EAGAIN');
      s.sendW = { data, done: n, cont: this.traced(cont), span: this.sim.trace.current };
      if (s.state === 'connected') this.kernel.txWaiters.add(s);
      return PENDING;
    });
  }

  recv(fd: Fd, into: Uint8Array, cont?: Cont<number>): Result<number> {
    return this.withSock(fd, (s, k) => {
      if (s.type === 'dgram') {
        const bytes = (x: Received | SysError): number | SysError => (isSysError(x) ? x : x.bytes);
        const r = this.datagramIn(s, into, cont === undefined ? undefined : (x) => cont(bytes(x)));
        return r === PENDING ? r : bytes(r as Received | SysError);
      }
      if (s.state === 'listening') return sysError('ENOTCONN');
      if (into.length === 0) return this.ism.stack.recv(k, EMPTY);
      if (s.rxBytes > 0) {
        const n = this.memory.copyOut(s, into);
        this.memory.lend(s);
        this.kernel.lendStarved();
        return n;
      }
      if (s.rdShut) return 0;
      if (s.pendingError !== null) return this.kernel.takeError(s);
      if (s.rxEof) return 0;
      if (s.state === 'idle') {
        const probe = this.ism.stack.recv(k, EMPTY);
        if (isSysError(probe)) return probe;
        return 0;
      }
      if (s.nonblocking || cont === undefined) return sysError('EAGAIN');
      if (s.recvW !== null) return sysError('EBUSY');
      s.recvW = { into, cont: this.traced(cont), span: this.sim.trace.current };
      return PENDING;
    });
  }

  sendto(fd: Fd, data: Uint8Array, to: SockAddr, cont?: Cont<number>): Result<number> {
    const s = this.fds.get(fd);
    if (s !== undefined && s.type === 'stream') return this.send(fd, data, cont);
    return this.withSock(fd, (s, k) => this.datagramOut(s, k, data, to, cont));
  }

  recvfrom(fd: Fd, into: Uint8Array, cont?: Cont<Received>): Result<Received> {
    const st = this.fds.get(fd);
    if (st !== undefined && st.type === 'stream') {
      // A stream socket ignores the address part (recv(2)): the peer is the source.
      const from = st.remote === null ? { addr: 0, port: 0 } : { ...st.remote };
      const wrap = (n: number | SysError): Received | SysError => (typeof n === 'number' ? { bytes: n, length: n, from } : n);
      const r = this.recv(fd, into, cont === undefined ? undefined : (x) => cont(wrap(x)));
      return r === PENDING ? r : wrap(r as number | SysError);
    }
    return this.withSock(fd, (s) => {
      if (s.type !== 'dgram') return sysError('EOPNOTSUPP');
      return this.datagramIn(s, into, cont);
    });
  }

  /** shutdown(2); with a continuation a stream's sleeps for the card's reply (see bind). */
  shutdown(fd: Fd, how: ShutdownHow): 0 | SysError;
  shutdown(fd: Fd, how: ShutdownHow, cont?: Cont<0>): Result<0>;
  shutdown(fd: Fd, how: ShutdownHow, cont?: Cont<0>): Result<0> {
    return this.withSock(fd, (s, k) => {
      if (s.type === 'dgram') return this.ism.stack.shutdown(k, how);
      if (cont !== undefined && s.state !== 'listening') {
        const code = how === 'rd' ? 0 : how === 'wr' ? 1 : 2;
        return this.sleepFor({ op: 'SHUTDOWN', handle: s.handle, how: code }, cont, () => {
          if (how !== 'wr') s.rdShut = true;
          if (how !== 'rd') s.wrShut = true;
          this.kernel.markDirty(s);
        });
      }
      const peer = this.ism.stack.getpeername(k);
      if (isSysError(peer) || s.state === 'listening') return sysError('ENOTCONN');
      if (how !== 'wr') s.rdShut = true;
      if (how !== 'rd') s.wrShut = true;
      this.msgs.request({ op: 'SHUTDOWN', handle: s.handle, how: how === 'rd' ? 0 : how === 'wr' ? 1 : 2 }, CTX_CONTROL, s.handle);
      this.kernel.markDirty(s);
      return 0;
    });
  }

  /**
   * close(2), as the split driver does it: the descriptor is released at the
   * call (Linux's close never waits for the protocol), parked calls fail with
   * EBADF, and CLOSE travels behind the socket's data. The OSM's socket record
   * (its handle, the receive buffers lent to the card) lives until the card's
   * COMPLETE(CLOSE) (kernel-interface.ts), which the card sends once its
   * stack's close is done, so after lingering. A caller with a continuation
   * on a connected stream with SO_LINGER > 0 sleeps until that reply (the
   * card's linger outcome: the peer acknowledged everything) or until its
   * linger time runs out, and close returns 0 either way, as Linux's does.
   */
  close(fd: Fd, cont?: Cont<0>): Result<0> {
    return this.withSock(fd, (s, k) => {
      const lingers = s.type === 'stream' && s.linger.onoff && s.linger.seconds > 0 && cont !== undefined &&
        s.state === 'connected' && s.pendingError === null && !isSysError(this.ism.stack.getpeername(k));
      this.fds.delete(fd);
      s.fd = -1;
      s.released = true;
      this.failParked(s);
      // Linux resets a connection closed with unread data (tcp_close; RFC 2525
      // 2.17): part of the receive queue is in the OSM's buffers, which only the
      // OSM sees, so the OSM decides and its CLOSE asks the card to abort.
      const abort = s.type === 'stream' && s.rxBytes > 0;
      this.memory.discard(s);
      this.kernel.txWaiters.delete(s);
      for (const child of s.acceptQueue) this.abandon(child);
      s.acceptQueue.length = 0;
      this.msgs.request(abort ? { op: 'CLOSE', handle: s.handle, abort: 1 } : { op: 'CLOSE', handle: s.handle }, CTX_CONTROL, s.handle);
      if (!lingers) return 0;
      // The caller's own timeout, as sk_stream_wait_close sleeps with the linger time in the caller's context:
      // the card's CLOSE waits behind the data still queued on it, so its reply can come later than that.
      const w = this.traced(cont!);
      s.closeW = w;
      this.sim.call((this.sim.now + Math.round(s.linger.seconds * 1e9)) as Nanos, () => {
        if (s.closeW !== w) return;
        s.closeW = null;
        this.kernel.inBatch(() => this.kernel.wake(w, 0));
      });
      return PENDING;
    });
  }

  /**
   * setsockopt(2). O_NONBLOCK is the host's (options.ts); every other option
   * is encoded as setsockopt(2) passes it and is the card's. With a
   * continuation the call is what a split driver's setsockopt is: the caller
   * sleeps until the card's reply to its SETSOCKOPT (CTX_CALL); the card's
   * option code (card/ism-socket.ts) decodes and applies it when the IOP
   * handles the frame, and the reply's errno (ERROR) or success (COMPLETE) is
   * the answer; the OSM records the option only then. Without one, the
   * SocketApi's synchronous form, for callers that cannot sleep (workloads
   * set up in one event, tests, the bridge): it models that same exchange
   * with the caller's wait taken out. The card's option code runs on the
   * card's socket at the call, so the answer, errno included, is the one the
   * reply would carry and the next call already sees the option, and a
   * successful option's SETSOCKOPT still travels and is charged on both sides
   * (CTX_CONTROL; the card acknowledges it without applying it twice). A
   * failed one sends nothing: nothing on the card changes.
   */
  setsockopt<K extends SockOpt>(fd: Fd, opt: K, value: SockOptValues[K]): 0 | SysError;
  setsockopt<K extends SockOpt>(fd: Fd, opt: K, value: SockOptValues[K], cont?: Cont<0>): Result<0>;
  setsockopt<K extends SockOpt>(fd: Fd, opt: K, value: SockOptValues[K], cont?: Cont<0>): Result<0> {
    return this.withSock(fd, (s, k) => {
      if (opt === 'O_NONBLOCK') {
        if (typeof value !== 'boolean') return sysError('EINVAL');
        s.nonblocking = value;
        // A datagram call the pool cannot carry is the ISM's at the call (datagramOut), and blocks by its socket's flag.
        if (s.type === 'dgram') this.ism.stack.setsockopt(k, 'O_NONBLOCK', value);
        return 0;
      }
      const o = opt as Exclude<SockOpt, 'O_NONBLOCK'>;
      const msg = setRequest(s, o, value as SockOptValues[typeof o], this.memory);
      if (msg === null) return sysError('ENOPROTOOPT');
      if (cont !== undefined) {
        return this.ask(msg, cont, (m) => {
          if (m.op === 'ERROR') return sysError(errnoName(m.errno));
          if (!s.released) noteOption(s, opt, value, this.memory);
          return 0;
        });
      }
      const r = setCardOption(this.ism.stack, k, msg.level, msg.name, msg.optval);
      if (r !== 0) return r;
      noteOption(s, opt, value, this.memory);
      this.msgs.request(msg, CTX_CONTROL, s.handle);
      return 0;
    });
  }

  /**
   * getsockopt(2). The host's options (options.ts) are answered from the OSM's
   * record, with no frame. The others are the card's socket's: with a
   * continuation the caller sleeps until the card's reply to its GETSOCKOPT
   * and takes the value its OPTVAL carries, or the errno of an ERROR. Without
   * one (the synchronous form, see setsockopt) the card's option code reads
   * the card's socket at the call, the value the OPTVAL would carry, and
   * nothing is sent: a read changes nothing on the card (except that reading
   * SO_ERROR clears it, which the read at the call does too).
   */
  getsockopt<K extends keyof GetSockOptValues>(fd: Fd, opt: K): GetSockOptValues[K] | SysError;
  getsockopt<K extends keyof GetSockOptValues>(fd: Fd, opt: K, cont?: Cont<GetSockOptValues[K]>): Result<GetSockOptValues[K]>;
  getsockopt<K extends keyof GetSockOptValues>(fd: Fd, opt: K, cont?: Cont<GetSockOptValues[K]>): Result<GetSockOptValues[K]> {
    return this.withSock(fd, (s, k) => {
      const own = hostOption(s, opt);
      if (own !== undefined) return own;
      if (opt === 'SO_ERROR' && s.type === 'stream' && s.pendingError !== null) {
        return this.kernel.takeError(s).errno as GetSockOptValues[K];
      }
      const o = opt as WireSockOpt;
      const msg = getRequest(s, o);
      if (msg === null) return sysError('ENOPROTOOPT');
      if (cont !== undefined) return this.ask(msg, cont, (m) => optionAnswer(o, m) as GetSockOptValues[K] | SysError);
      const bytes = getCardOption(this.ism.stack, k, msg.level, msg.name, msg.optlen);
      return isSysError(bytes) ? bytes : optionValue(o, bytes) as GetSockOptValues[K];
    });
  }

  getsockname(fd: Fd): SockAddr | SysError {
    return this.withSock(fd, (_s, k) => this.ism.stack.getsockname(k));
  }

  getpeername(fd: Fd): SockAddr | SysError {
    return this.withSock(fd, (_s, k) => this.ism.stack.getpeername(k));
  }

  poll(fd: Fd): number | SysError {
    return this.withSock(fd, (s) => this.readiness(s));
  }

  wait(fd: Fd, events: number, cont: (revents: number) => void): 0 | SysError {
    // A wait that registers sleeps: its 'return' crossings are recorded when it is woken (as native).
    let parked = false;
    return this.withSock(fd, (s, k) => {
      if (s.type === 'stream' && s.state === 'idle') {
        const now = this.ism.stack.poll(k);
        const ready = typeof now === 'number' && (now & (events | POLLERR | POLLHUP)) !== 0;
        const r = this.ism.stack.wait(k, events, ready ? cont : this.traced(cont));
        parked = r === 0 && !ready;
        return r;
      }
      const ev = this.readiness(s);
      if ((ev & (events | POLLERR | POLLHUP)) !== 0) {
        this.sim.call(this.sim.now, () => cont(ev));
        return 0;
      }
      s.pollW.push({ events, cont: this.traced(cont) });
      parked = true;
      return 0;
    }, () => parked);
  }

  // ------------------------------------------------------------ SocketTable

  readiness(s: OsmSocket): number {
    return osmReadiness(s, this.ism.stack, this.ism.fdOf(s.handle), this.memory.tx);
  }

  /** A connection the card accepted for listener `l` takes the listener's buffer sizes (the card's child did). */
  inherit(child: OsmSocket, l: OsmSocket): void {
    child.sndBuf = l.sndBuf;
    child.rcvBuf = l.rcvBuf;
    this.memory.setShares(child);
  }

  adopt(child: OsmSocket): number {
    if (this.fds.size >= this.maxFds) return -1;
    return this.allocFd(child);
  }

  abandon(child: OsmSocket): void {
    child.released = true;
    // As Linux's inet_csk_listen_stop does for a connection nobody accepted: a reset, not a FIN.
    this.msgs.request({ op: 'CLOSE', handle: child.handle, abort: 1 }, CTX_CONTROL, child.handle);
  }

  // ------------------------------------------------------------ internals

  /** Gives the card's socket its part of each buffer (half by default) and the OSM its share of the pools. */
  private split(s: OsmSocket, k: Fd): void {
    this.ism.stack.setsockopt(k, 'SO_SNDBUF', this.memory.cardShare(s.sndBuf));
    this.ism.stack.setsockopt(k, 'SO_RCVBUF', this.memory.cardShare(s.rcvBuf));
    this.memory.setShares(s);
  }

  private datagramOut(s: OsmSocket, k: Fd, data: Uint8Array, to: SockAddr | null, cont?: Cont<number>): Result<number> {
    const peer = to === null ? this.ism.stack.getpeername(k) : null;
    const dst = to ?? (peer === null || isSysError(peer) ? null : peer);
    const pooled = dst !== null && dst.addr !== 0 && dst.port > 0 && dst.port <= 65535 && data.length <= UDP_MAX_PAYLOAD &&
      s.sendW === null && this.memory.datagramFits(s, data.length) && this.boundForSend(k);
    if (!pooled) {
      // The ISM answers at the call (its errno is the native one); the bytes are copied once all the same.
      this.work.op('copy', 1, data.length);
      return to === null ? this.ism.stack.send(k, data, cont) : this.ism.stack.sendto(k, data, to, cont);
    }
    if (this.memory.copyInDatagram(s, data, dst)) return data.length;
    // The pool or the socket's share is full: as a full UDP send buffer, block or EAGAIN.
    if (s.nonblocking || cont === undefined) return sysError('EAGAIN');
    s.sendW = { data, done: 0, cont: this.traced(cont), to: { ...dst }, span: this.sim.trace.current };
    this.kernel.txWaiters.add(s);
    return PENDING;
  }

  /**
   * A datagram receive: the oldest datagram the card wrote into the receive
   * pool (RECVFROM_DATA), copied out once; the emptied buffers are lent again.
   * With none, a blocking call sleeps until one arrives (the kernel interface
   * wakes it), a non-blocking one gets EAGAIN, as the UDP layer answers.
   */
  private datagramIn(s: OsmSocket, into: Uint8Array, cont?: Cont<Received>): Result<Received> {
    if (s.datagrams.length > 0) {
      const r = this.memory.copyOutDatagram(s, into);
      this.memory.lend(s);
      this.kernel.lendStarved();
      return r;
    }
    if (s.nonblocking || cont === undefined) return sysError('EAGAIN');
    if (s.datagramW !== null) return sysError('EBUSY');
    s.datagramW = { into, cont: this.traced(cont), span: this.sim.trace.current };
    return PENDING;
  }

  /**
   * Posts a control request the caller sleeps on (InitiatorContext CTX_CALL): the
   * call returns PENDING and completes when the card's reply arrives, with the
   * reply's errno; `done` records the OSM's side of a success first.
   */
  private sleepFor(msg: SocketRequest, cont: Cont<0>, done: () => void): Result<0> {
    return this.ask(msg, cont, (m) => {
      if (m.op === 'ERROR') return sysError(errnoName(m.errno));
      done();
      return 0;
    });
  }

  /** Posts `msg` with InitiatorContext CTX_CALL; the caller sleeps until `answer` reads the card's reply. */
  private ask<T>(msg: SocketRequest, cont: Cont<T>, answer: (reply: SocketReply) => T | SysError): Result<T> {
    const id = this.kernel.sleep(this.traced(cont), answer);
    this.msgs.request(msg, CTX_CALL, id);
    return PENDING;
  }

  /** A datagram socket sending unbound gets an ephemeral port now, as udp_sendmsg's autobind does. */
  private boundForSend(k: Fd): boolean {
    const name = this.ism.stack.getsockname(k);
    if (isSysError(name)) return false;
    return name.port !== 0 || this.ism.stack.bind(k, { addr: 0, port: 0 }) === 0;
  }

  /** A closed descriptor's parked calls fail with EBADF, as the native close does. */
  private failParked(s: OsmSocket): void {
    const bad = sysError('EBADF');
    if (s.sendW !== null) this.work.complete(s.sendW.cont, bad);
    if (s.recvW !== null) this.work.complete(s.recvW.cont, bad);
    if (s.acceptW !== null) this.work.complete(s.acceptW, bad);
    if (s.connectW !== null) this.work.complete(s.connectW, bad);
    if (s.datagramW !== null) this.work.complete(s.datagramW.cont, bad);
    s.datagramW = null;
    for (const p of s.pollW) this.work.complete(p.cont, POLLHUP);
    s.sendW = s.recvW = null;
    s.acceptW = null;
    s.connectW = null;
    s.pollW = [];
  }

  private allocFd(s: OsmSocket): Fd {
    // Lowest free descriptor, as POSIX requires of socket() and accept().
    let fd = 3;
    while (this.fds.has(fd)) fd += 1;
    this.fds.set(fd, s);
    s.fd = fd;
    return fd;
  }

  /**
   * Runs a socket call. Trace (docs trace-convention): the call gets a span,
   * 'call' crossings app > syscall > socket > osm, and is the current span while
   * it runs, so the I2O messages it makes carry it (message-interface.ts); it
   * records its 'return' crossings osm > socket > syscall > app when it returns,
   * or, if it parked, when the parked continuation runs (traced()).
   */
  private call<T>(fn: () => T, parked?: () => boolean): T {
    this.work.begin(Priority.Kernel);
    const tr = this.sim.trace;
    const prev = tr.current;
    try {
      this.work.op('syscall');
      this.work.op('socketLayer');
      this.work.op('osmUserInterface');
      if (tr.enabled) {
        const span = tr.nextSpan();
        tr.current = span;
        const now = this.sim.now;
        const o = this.work.costs.ops;
        const cpu = this.work.cpuId;
        tr.record(now, span, LAYER.app, LAYER.syscall, TRACE_KIND.call, 0, o.syscall.fixed, cpu);
        tr.record(now, span, LAYER.syscall, LAYER.socket, TRACE_KIND.call, 0, o.socketLayer.fixed, cpu);
        tr.record(now, span, LAYER.socket, LAYER.osm, TRACE_KIND.call, 0, o.osmUserInterface.fixed, cpu);
      }
      const r = fn();
      if (tr.enabled && r !== PENDING && parked?.() !== true) this.returned(tr.current);
      return r;
    } finally {
      this.kernel.flush();
      this.work.commit();
      tr.current = prev;
    }
  }

  /** The 'return' crossings of call `span` (nothing for span 0). */
  private returned(span: number): void {
    const tr = this.sim.trace;
    if (span === 0 || !tr.enabled) return;
    const now = this.sim.now;
    const cpu = this.work.cpuId;
    tr.record(now, span, LAYER.osm, LAYER.socket, TRACE_KIND.return, 0, 0, cpu);
    tr.record(now, span, LAYER.socket, LAYER.syscall, TRACE_KIND.return, 0, 0, cpu);
    tr.record(now, span, LAYER.syscall, LAYER.app, TRACE_KIND.return, 0, 0, cpu);
  }

  /** A parked call's continuation that first records the call's return (itself with the trace off). */
  private traced<T>(cont: (v: T) => void): (v: T) => void {
    const tr = this.sim.trace;
    const span = tr.enabled ? tr.current : 0;
    if (span === 0) return cont;
    return (v: T) => {
      this.returned(span);
      cont(v);
    };
  }

  private withSock<T>(fd: Fd, fn: (s: OsmSocket, ismFd: Fd) => T | SysError, parked?: () => boolean): T | SysError {
    return this.call(() => {
      const s = this.fds.get(fd);
      if (s === undefined) return sysError('EBADF');
      const k = this.ism.fdOf(s.handle);
      const r = fn(s, k);
      if (s.type === 'dgram' && !s.bound) this.noteBound(s, k);
      return r;
    }, parked);
  }

  /**
   * A datagram socket that got a local port (bind, connect, or a send's autobind)
   * can receive: from now on buffers are lent to the card for its datagrams.
   */
  private noteBound(s: OsmSocket, k: Fd): void {
    if (s.released) return;
    const name = this.ism.stack.getsockname(k);
    if (isSysError(name) || name.port === 0) return;
    s.bound = true;
    this.memory.lend(s);
  }
}
