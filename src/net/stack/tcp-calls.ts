// The BSD calls on stream sockets (bind, listen, accept, connect, shutdown,
// close) and their errno rules, around the TcpLayer's tables. Linux is the
// reference where POSIX leaves a choice; each rule cites where it comes from.
import type { Nanos, Simulator } from '../../sim';
import { TcpConnection } from '../tcp';
import type { Accepted, Cont, Result, ShutdownHow, SockAddr } from './api';
import { PENDING, sysError, type SysError } from './errno';
import type { Output } from './output';
import { KIND_LINGER, SOMAXCONN } from './tcp-constants';
import type { TcpLayer } from './tcp-layer';
import type { TcpSock } from './tcp-sock';

export class TcpCalls {
  constructor(private readonly layer: TcpLayer, private readonly sim: Simulator, private readonly out: Output) {}

  bind(s: TcpSock, a: SockAddr): 0 | SysError {
    if (s.local !== null) return sysError('EINVAL');
    if (a.addr !== 0 && a.addr !== this.layer.addr) return sysError('EADDRNOTAVAIL');
    if (a.port < 0 || a.port > 65535 || !Number.isInteger(a.port)) return sysError('EINVAL');
    const port = a.port === 0 ? this.layer.ports.ephemeral() : a.port;
    if (port === 0) return sysError('EADDRINUSE');
    if (!this.layer.ports.canBind(port, s)) return sysError('EADDRINUSE');
    s.local = { addr: this.layer.addr, port };
    this.layer.ports.add(port, s);
    return 0;
  }

  listen(s: TcpSock, backlog: number): 0 | SysError {
    if (s.conn !== null && !s.listening) return sysError('EINVAL');
    if (s.local === null) {
      const r = this.bind(s, { addr: 0, port: 0 });
      if (r !== 0) return r;
    }
    const port = s.local!.port;
    const holder = this.layer.demux.listeners.get(port);
    if (holder !== undefined && holder !== s) return sysError('EADDRINUSE');
    s.backlog = Math.max(0, Math.min(SOMAXCONN, Math.floor(backlog)));
    if (s.conn === null) {
      s.conn = new TcpConnection({
        config: this.layer.connConfig(s), local: { addr: this.layer.addr, port }, iss: this.layer.nextIss(), nextIss: this.layer.nextIss,
      });
      s.conn.listen();
      this.layer.demux.listeners.set(port, s);
      this.layer.all.add(s);
    }
    return 0;
  }

  accept(s: TcpSock, cont?: Cont<Accepted>): Result<Accepted> | 'ready' {
    if (!s.listening) return sysError('EINVAL');
    if (s.acceptQueue.length > 0) return 'ready';
    if (s.nonblocking || cont === undefined) return sysError('EAGAIN');
    if (s.acceptW !== null) return sysError('EBUSY');
    s.acceptW = cont;
    return PENDING;
  }

  /** Takes the first connection off a listener's accept queue. */
  takeAccepted(s: TcpSock): TcpSock | undefined {
    const child = s.acceptQueue.shift();
    if (child !== undefined) {
      child.parent = null;
      this.layer.counters.connectionsAccepted += 1;
    }
    return child;
  }

  connect(s: TcpSock, a: SockAddr, cont?: Cont<0>): Result<0> {
    if (s.listening) return sysError('EISCONN');
    if (s.conn !== null) {
      const st = s.conn.state;
      if (st === 'SYN-SENT') return sysError('EALREADY');
      if (st !== 'CLOSED') return sysError('EISCONN');
      // A failed connect leaves the socket reusable (Linux: back to TCP_CLOSE).
      this.layer.retire(s);
      s.conn = null;
    }
    if (a.addr === 0 || a.port <= 0 || a.port > 65535) return sysError('EADDRNOTAVAIL');
    if (s.local === null) {
      const r = this.bind(s, { addr: 0, port: 0 });
      if (r !== 0) return sysError('EADDRNOTAVAIL');
    }
    if (this.layer.demux.lookup(s.local!.port, a.addr, a.port) !== undefined) return sysError('EADDRNOTAVAIL');
    s.remote = { addr: a.addr, port: a.port };
    s.pendingError = null;
    s.errorSeen = false;
    const conn = new TcpConnection({
      config: this.layer.connConfig(s), local: { addr: this.layer.addr, port: s.local!.port }, iss: this.layer.nextIss(),
      tsOffset: this.layer.issRng.nextU32(),
    });
    s.conn = conn;
    this.layer.all.add(s);
    this.layer.demux.insert(s);
    this.layer.counters.connectionsOpened += 1;
    this.layer.onConnection?.(conn);
    conn.connect(s.remote, this.sim.now);
    this.layer.drive(s);
    if (s.nonblocking || cont === undefined) return sysError('EINPROGRESS');
    s.connectW = cont;
    return PENDING;
  }

  shutdown(s: TcpSock, how: ShutdownHow): 0 | SysError {
    const conn = s.conn;
    if (conn === null || s.listening || conn.state === 'CLOSED' || conn.state === 'SYN-SENT') return sysError('ENOTCONN');
    if (how !== 'wr' && !s.shutRd) {
      s.shutRd = true;
      this.out.wake(s);
    }
    if (how !== 'rd' && !s.shutWr) {
      s.shutWr = true;
      conn.shutdownWrite(this.sim.now);
      this.layer.drive(s);
    }
    return 0;
  }

  close(s: TcpSock, cont?: Cont<0>): Result<0> {
    s.released = true;
    this.layer.waiters.failAll(s, 'EBADF');
    const now = this.sim.now;
    if (s.listening) {
      for (const child of [...s.synQueue, ...s.acceptQueue]) {
        child.released = true;
        child.conn?.abort(now);
        this.layer.drive(child);
      }
      s.synQueue.length = 0;
      s.acceptQueue.length = 0;
      this.layer.demux.listeners.delete(s.local!.port);
      s.backlog = -1;
      s.conn = null;
      this.layer.retire(s);
      return 0;
    }
    const conn = s.conn;
    if (conn === null) {
      this.layer.retire(s);
      return 0;
    }
    if (s.linger.onoff && s.linger.seconds === 0) conn.abort(now);
    else conn.close(now);
    this.layer.drive(s);
    const st = conn.state;
    const closing = st === 'FIN-WAIT-1' || st === 'CLOSING' || st === 'LAST-ACK';
    if (s.linger.onoff && s.linger.seconds > 0 && closing && cont !== undefined) {
      // SO_LINGER: wait until the FIN is acknowledged or the time runs out (Linux sk_stream_wait_close).
      const deadline = now + Math.round(s.linger.seconds * 1e9);
      s.closeW = { deadline, cont, timer: this.sim.schedule(deadline as Nanos, this.layer, KIND_LINGER, 0, s) };
      return PENDING;
    }
    return 0;
  }

}
