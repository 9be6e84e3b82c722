// The stack's TCP side: segments in (through the demux tables, tcp-demux.ts),
// one timer event per connection at its pollAt(), the connection lifecycle
// (SYN and accept queues, retirement at CLOSED), and the data calls (send,
// recv, poll). The other BSD calls live in tcp-calls.ts.
//
// Every entry point runs inside a batch the Stack opened (see output.ts), so
// that its cycles are charged and the frames it produces leave when the CPU
// has done the work. Waiting calls are completed by `service(sock)`, which the
// batch runs when its job completes.
import type { EventHandler, Nanos, Priority, Rng, Simulator } from '../../sim';
import type { Endpoint, TcpConfig, TcpConnection } from '../tcp';
import { TCP_ACK, TCP_RST, TCP_SYN, seq, type Ipv4Addr, type SeqNumber, type TcpRepr } from '../wire';
import { POLLERR, POLLHUP, POLLIN, POLLOUT } from './api';
import { sysError, type Errno, type SysError } from './errno';
import type { Output } from './output';
import { PortTable } from './ports';
import type { DropCounters } from './drops';
import { TcpSock } from './tcp-sock';
import { TcpWaiters } from './tcp-waiters';
import { TcpCalls } from './tcp-calls';
import { TcpDemux } from './tcp-demux';
import { KIND_LINGER, KIND_TIMER } from './tcp-constants';


export interface TcpLayerOptions {
  sim: Simulator;
  out: Output;
  addr: Ipv4Addr;
  drops: DropCounters;
  config: TcpConfig;
  issRng: Rng;
  portRng: Rng;
  timerPriority: Priority;
}

export interface TcpLayerCounters {
  segmentsIn: number;
  connectionsOpened: number;
  connectionsAccepted: number;
  listenOverflows: number;
  resetsForNoSocket: number;
  internalErrors: number;
}

export class TcpLayer implements EventHandler {
  readonly ports: PortTable<TcpSock>;
  readonly counters: TcpLayerCounters = {
    segmentsIn: 0, connectionsOpened: 0, connectionsAccepted: 0, listenOverflows: 0, resetsForNoSocket: 0, internalErrors: 0,
  };
  /** Defaults for new sockets; SO_SNDBUF/SO_RCVBUF/TCP_NODELAY/TCP_CONGESTION override per socket. */
  readonly config: TcpConfig;
  readonly waiters: TcpWaiters;
  /** Observer of every connection created (for trace sources). */
  onConnection: ((conn: TcpConnection) => void) | null = null;
  readonly sim: Simulator;
  readonly out: Output;
  readonly addr: Ipv4Addr;
  readonly drops: DropCounters;
  readonly issRng: Rng;
  private readonly timerPriority: Priority;
  readonly demux = new TcpDemux();
  /** Every socket with a live connection or a descriptor (for TcpCalls and observers). */
  readonly all = new Set<TcpSock>();
  readonly calls: TcpCalls;
  readonly nextIss = (): SeqNumber => seq(this.issRng.nextU32());
  private readonly emit = (seg: TcpRepr, to: Endpoint): void => this.out.sendTcp(seg, to.addr);
  private readonly serviceFn = (s: TcpSock): void => this.waiters.service(s);
  private readonly from: Endpoint = { addr: 0, port: 0 };

  constructor(o: TcpLayerOptions) {
    this.sim = o.sim;
    this.out = o.out;
    this.addr = o.addr;
    this.drops = o.drops;
    this.config = o.config;
    this.issRng = o.issRng;
    this.timerPriority = o.timerPriority;
    this.ports = new PortTable(o.portRng);
    this.waiters = new TcpWaiters(this, o.sim, o.out);
    this.calls = new TcpCalls(this, o.sim, o.out);
  }

  newSocket(): TcpSock {
    const s = new TcpSock(this.serviceFn, this.config.sndBuf ?? 131072, this.config.rcvBuf ?? 131072);
    s.nodelay = this.config.nodelay ?? false;
    s.congestion = this.config.congestion ?? 'newreno';
    return s;
  }

  /** Live connections (for observers: cwnd traces, counters). */
  connections(): TcpConnection[] {
    const out: TcpConnection[] = [];
    for (const s of this.all) if (s.conn !== null) out.push(s.conn);
    return out;
  }

  /** Bytes accepted into the send buffer now (possibly 0), or an error. */
  sendSome(s: TcpSock, data: Uint8Array): number | SysError {
    const conn = s.conn;
    if (conn === null || s.listening) return sysError(s.remote === null ? 'ENOTCONN' : 'EPIPE');
    const e = this.takeError(s);
    if (e !== null) return e;
    if (s.shutWr) return sysError('EPIPE');
    const st = conn.state;
    if (st === 'SYN-SENT' || st === 'SYN-RECEIVED') return 0;
    if (st !== 'ESTABLISHED' && st !== 'CLOSE-WAIT') return sysError('EPIPE');
    if (data.length === 0) return 0;
    const n = conn.send(data, this.sim.now);
    if (n > 0) {
      this.out.charge('copy', n);
      this.drive(s);
    }
    return n;
  }

  /** Bytes read (0 = end of stream), an error, or 'wait'. */
  recvSome(s: TcpSock, into: Uint8Array): number | SysError | 'wait' {
    const conn = s.conn;
    if (conn === null || s.listening) return sysError('ENOTCONN');
    if (into.length === 0) return 0;
    const n = conn.recv(into, this.sim.now);
    if (n > 0) {
      this.out.charge('copy', n);
      // Reading opens the window: let the connection send an update if due.
      this.drive(s);
      return n;
    }
    if (n < 0 || s.shutRd) return 0;
    const e = this.takeError(s);
    if (e !== null) return e;
    const st = conn.state;
    if (st === 'CLOSED') return s.remote === null ? sysError('ENOTCONN') : 0;
    return 'wait';
  }

  poll(s: TcpSock): number {
    const conn = s.conn;
    if (s.listening) return s.acceptQueue.length > 0 ? POLLIN : 0;
    if (conn === null) return POLLOUT | POLLHUP;
    let ev = 0;
    const st = conn.state;
    if (conn.recvAvailable > 0 || conn.isEof || s.shutRd) ev |= POLLIN;
    if ((st === 'ESTABLISHED' || st === 'CLOSE-WAIT') && !s.shutWr && conn.sendSpace > 0) ev |= POLLOUT;
    if (s.pendingError !== null || (conn.error !== null && !s.errorSeen)) ev |= POLLERR | POLLIN | POLLOUT;
    if (st === 'CLOSED' || (s.shutWr && conn.isEof)) ev |= POLLHUP;
    return ev;
  }

  /** The pending connection error, reported once (then cleared, as SO_ERROR does). */
  takeError(s: TcpSock): SysError | null {
    this.noteError(s);
    if (s.pendingError === null) return null;
    const e = s.pendingError;
    s.pendingError = null;
    return sysError(e);
  }

  noteError(s: TcpSock): void {
    const err = s.conn?.error ?? null;
    if (err !== null && !s.errorSeen) {
      s.errorSeen = true;
      s.pendingError = err as Errno;
    }
  }

  /** Applies the per-socket options to a live connection. */
  applyOptions(s: TcpSock): void {
    const conn = s.conn;
    if (conn === null) return;
    conn.setNoDelay(s.nodelay);
    conn.setCongestionControl(s.congestion);
    conn.setBuffers(s.sndBuf, s.rcvBuf);
    if (!s.listening) this.drive(s);
  }

  // ------------------------------------------------------------------ network

  /** One arriving segment (already checksum-verified) from `src`. */
  input(src: Ipv4Addr, seg: TcpRepr): void {
    this.counters.segmentsIn += 1;
    this.out.charge(seg.payload.length > 0 || (seg.flags & 0x03) !== 0 ? 'tcpRx' : 'tcpRxAck', seg.payload.length);
    const s = this.demux.lookup(seg.dstPort, src, seg.srcPort);
    if (s !== undefined) {
      const p = s.parent;
      // Linux tcp_check_req: the handshake's last ACK is dropped while the accept queue is full.
      if (p !== null && s.conn!.state === 'SYN-RECEIVED' && p.acceptQueue.length > p.backlog) {
        this.drops.count('tcp-accept-queue-full');
        return;
      }
      this.processOn(s, seg, src);
      return;
    }
    const l = this.demux.listeners.get(seg.dstPort);
    if (l !== undefined && l.conn !== null) {
      this.processListen(l, seg, src);
      return;
    }
    this.drops.count('tcp-no-socket');
    if ((seg.flags & TCP_RST) === 0) this.resetNoSocket(seg, src);
  }

  onEvent(kind: number, _arg: number, obj: unknown): void {
    const s = obj as TcpSock;
    if (kind === KIND_LINGER) {
      const w = s.closeW;
      if (w !== null) {
        s.closeW = null;
        w.cont(0);
      }
      return;
    }
    s.timer = -1;
    s.timerAt = Number.POSITIVE_INFINITY;
    if (s.conn === null) return;
    s.firedAt = this.sim.now;
    this.out.begin(this.timerPriority);
    this.out.charge('timer');
    this.drive(s);
    this.out.commit();
  }

  /** Dispatches what the connection has due, then updates its timer and queues. */
  drive(s: TcpSock): void {
    const conn = s.conn;
    if (conn === null) return;
    try {
      conn.dispatch(this.sim.now, this.emit);
    } catch {
      this.internalError(s);
      return;
    }
    this.afterConn(s);
  }

  // ------------------------------------------------------------------ internals

  private processOn(s: TcpSock, seg: TcpRepr, src: Ipv4Addr): void {
    this.from.addr = src;
    this.from.port = seg.srcPort;
    try {
      s.conn!.process(seg, this.sim.now, this.from);
    } catch {
      this.internalError(s);
      return;
    }
    this.drive(s);
  }

  private processListen(l: TcpSock, seg: TcpRepr, src: Ipv4Addr): void {
    const syn = (seg.flags & (TCP_SYN | TCP_ACK | TCP_RST)) === TCP_SYN;
    // Linux tcp_conn_request: SYNs are dropped while the accept queue is full
    // (ack_backlog > backlog) or the SYN queue holds `backlog` requests.
    if (syn && (l.acceptQueue.length > l.backlog || l.synQueue.length >= Math.max(1, l.backlog))) {
      this.counters.listenOverflows += 1;
      this.drops.count('tcp-listen-overflow');
      return;
    }
    let child: TcpConnection | null;
    try {
      child = l.conn!.process(seg, this.sim.now, { addr: src, port: seg.srcPort });
      l.conn!.dispatch(this.sim.now, this.emit);
    } catch {
      this.counters.internalErrors += 1;
      this.drops.count('tcp-internal-error');
      return;
    }
    if (child === null) return;
    const c = this.newSocket();
    c.conn = child;
    c.local = { addr: this.addr, port: seg.dstPort };
    c.remote = { addr: src, port: seg.srcPort };
    c.parent = l;
    c.nodelay = l.nodelay;
    c.congestion = l.congestion;
    c.sndBuf = l.sndBuf;
    c.rcvBuf = l.rcvBuf;
    c.linger = { ...l.linger };
    l.synQueue.push(c);
    this.all.add(c);
    this.demux.insert(c);
    this.onConnection?.(child);
    this.drive(c);
  }

  private afterConn(s: TcpSock): void {
    const conn = s.conn!;
    this.reschedule(s);
    const st = conn.state;
    const p = s.parent;
    if (p !== null && st !== 'SYN-RECEIVED') {
      const i = p.synQueue.indexOf(s);
      if (i >= 0) {
        p.synQueue.splice(i, 1);
        if (st !== 'CLOSED') {
          p.acceptQueue.push(s);
          this.out.wake(p);
        } else {
          s.parent = null;
        }
      }
    }
    this.noteError(s);
    if (st === 'CLOSED') this.retire(s);
    if (s.hasWaiters) this.out.wake(s);
  }

  private reschedule(s: TcpSock): void {
    const conn = s.conn!;
    // Timer times may come out fractional (RTO arithmetic); events run on whole nanoseconds.
    let t: number = Math.ceil(conn.pollAt());
    const now = this.sim.now;
    if (t <= now && s.firedAt === now) {
      // The connection asks for attention at the instant it just had it: give
      // it the next nanosecond rather than spin at one time.
      t = now + 1;
    }
    if (t === s.timerAt) return;
    if (s.timer >= 0) this.sim.cancel(s.timer);
    s.timerAt = t;
    s.timer = t === Number.POSITIVE_INFINITY ? -1 : this.sim.schedule(Math.max(t, now) as Nanos, this, KIND_TIMER, 0, s);
  }

  /** Removes a connection that reached CLOSED (or a socket that is gone) from every table. */
  retire(s: TcpSock): void {
    if (s.key >= 0) this.demux.remove(s);
    if (s.timer >= 0) {
      this.sim.cancel(s.timer);
      s.timer = -1;
      s.timerAt = Number.POSITIVE_INFINITY;
    }
    if (s.parent !== null) {
      const q = s.parent.synQueue.indexOf(s);
      if (q >= 0) s.parent.synQueue.splice(q, 1);
    }
    if (s.released) {
      if (s.local !== null) this.ports.remove(s.local.port, s);
      this.all.delete(s);
    }
  }

  private internalError(s: TcpSock): void {
    // A bug in one connection must not take the stack down: that connection is
    // dropped silently, the others carry on.
    this.counters.internalErrors += 1;
    this.drops.count('tcp-internal-error');
    s.pendingError = 'ECONNRESET';
    s.errorSeen = true;
    s.conn = null;
    this.retire(s);
    if (s.hasWaiters) this.out.wake(s);
  }

  private resetNoSocket(seg: TcpRepr, src: Ipv4Addr): void {
    // RFC 9293 3.10.7.1: a segment for no connection is answered with a reset.
    const ack = (seg.flags & TCP_ACK) !== 0;
    const len = seg.payload.length + (seg.flags & TCP_SYN ? 1 : 0) + (seg.flags & 0x01 ? 1 : 0);
    const rst = this.rst;
    rst.srcPort = seg.dstPort;
    rst.dstPort = seg.srcPort;
    rst.seq = ack ? seg.ack : seq(0);
    rst.ack = ack ? seq(0) : seq(seg.seq + len);
    rst.flags = ack ? TCP_RST : TCP_RST | TCP_ACK;
    this.counters.resetsForNoSocket += 1;
    this.out.sendTcp(rst, src);
  }

  private readonly rst: TcpRepr = {
    srcPort: 0, dstPort: 0, seq: seq(0), ack: seq(0), flags: TCP_RST, window: 0, urgentPointer: 0, options: {},
    payload: new Uint8Array(0),
  };

  connConfig(s: TcpSock): TcpConfig {
    return { ...this.config, sndBuf: s.sndBuf, rcvBuf: s.rcvBuf, nodelay: s.nodelay, congestion: s.congestion };
  }

}
