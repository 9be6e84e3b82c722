// Blocking stream-socket calls: how a call that cannot complete now is parked
// on its socket, and how `service(sock)` completes it once the socket is ready.
// service runs when the CPU job of the work that changed the socket completes,
// so a woken caller sees the cost of that work in its latency.
//
// POSIX semantics kept: a blocking send returns only when all its bytes are
// queued (or with the count queued so far when an error cuts it short); a
// blocking recv returns as soon as any byte (or end of stream, or an error) is
// there; connect completes on ESTABLISHED or with the connection's error.
import type { Simulator } from '../../sim';
import type { Accepted, Cont, Fd, Result } from './api';
import { POLLERR, POLLHUP } from './api';
import { PENDING, isSysError, sysError, type Errno } from './errno';
import type { Output } from './output';
import type { TcpLayer } from './tcp-layer';
import type { TcpSock } from './tcp-sock';

export class TcpWaiters {
  /** Gives an accepted child its descriptor (the Stack owns the fd table). */
  allocFd: (s: TcpSock) => Fd = () => -1;

  constructor(private readonly layer: TcpLayer, private readonly sim: Simulator, private readonly out: Output) {}

  send(s: TcpSock, data: Uint8Array, cont?: Cont<number>): Result<number> {
    const r = this.layer.sendSome(s, data);
    if (isSysError(r)) return r;
    if (r === data.length) return r;
    if (s.nonblocking || cont === undefined) return r > 0 ? r : sysError('EAGAIN');
    if (s.sendW !== null) return sysError('EBUSY');
    s.sendW = { data, done: r, cont };
    return PENDING;
  }

  recv(s: TcpSock, into: Uint8Array, cont?: Cont<number>): Result<number> {
    const r = this.layer.recvSome(s, into);
    if (r !== 'wait') return r;
    if (s.nonblocking || cont === undefined) return sysError('EAGAIN');
    if (s.recvW !== null) return sysError('EBUSY');
    s.recvW = { into, cont };
    return PENDING;
  }

  accepted(child: TcpSock): Accepted {
    return { fd: this.allocFd(child), remote: { addr: child.remote!.addr, port: child.remote!.port } };
  }

  /** Completes whatever waits on `s` and can complete now. */
  service(s: TcpSock): void {
    this.out.begin(this.out.appPriority);
    try {
      this.serviceConnect(s);
      this.serviceAccept(s);
      this.serviceRecv(s);
      this.serviceSend(s);
      this.serviceClose(s);
      this.servicePoll(s);
    } finally {
      this.out.commit();
    }
  }

  /** Fails every parked call on `s` (its descriptor was closed), from a fresh event. */
  failAll(s: TcpSock, errno: Errno): void {
    const conts: Cont<never>[] = [];
    if (s.sendW !== null) conts.push(s.sendW.cont);
    if (s.recvW !== null) conts.push(s.recvW.cont);
    if (s.acceptW !== null) conts.push(s.acceptW);
    if (s.connectW !== null) conts.push(s.connectW);
    const polls = s.pollW;
    s.sendW = s.recvW = null;
    s.acceptW = null;
    s.connectW = null;
    s.pollW = [];
    if (conts.length === 0 && polls.length === 0) return;
    const err = sysError(errno);
    this.sim.call(this.sim.now, () => {
      for (const c of conts) c(err);
      for (const p of polls) p.cont(POLLHUP);
    });
  }

  private serviceConnect(s: TcpSock): void {
    const w = s.connectW;
    if (w === null) return;
    const conn = s.conn;
    const st = conn?.state ?? 'CLOSED';
    if (st === 'SYN-SENT') return;
    s.connectW = null;
    if (st === 'CLOSED' || conn === null) {
      w(this.layer.takeError(s) ?? sysError('ECONNREFUSED'));
      return;
    }
    w(0);
  }

  private serviceAccept(s: TcpSock): void {
    const w = s.acceptW;
    if (w === null || s.acceptQueue.length === 0) return;
    s.acceptW = null;
    const child = this.layer.calls.takeAccepted(s)!;
    w(this.accepted(child));
  }

  private serviceRecv(s: TcpSock): void {
    const w = s.recvW;
    if (w === null) return;
    const r = this.layer.recvSome(s, w.into);
    if (r === 'wait') return;
    s.recvW = null;
    w.cont(r);
  }

  private serviceSend(s: TcpSock): void {
    const w = s.sendW;
    if (w === null) return;
    const rest = w.done === 0 ? w.data : w.data.subarray(w.done);
    const r = this.layer.sendSome(s, rest);
    if (isSysError(r)) {
      s.sendW = null;
      w.cont(w.done > 0 ? w.done : r);
      return;
    }
    w.done += r;
    if (w.done < w.data.length) return;
    s.sendW = null;
    w.cont(w.done);
  }

  private serviceClose(s: TcpSock): void {
    const w = s.closeW;
    if (w === null) return;
    const st = s.conn?.state ?? 'CLOSED';
    if (st === 'FIN-WAIT-1' || st === 'CLOSING' || st === 'LAST-ACK') return;
    s.closeW = null;
    this.sim.cancel(w.timer);
    w.cont(0);
  }

  private servicePoll(s: TcpSock): void {
    if (s.pollW.length === 0) return;
    const ev = this.layer.poll(s);
    const keep = [];
    const fire = [];
    for (const w of s.pollW) {
      if ((ev & (w.events | POLLERR | POLLHUP)) !== 0) fire.push(w);
      else keep.push(w);
    }
    s.pollW = keep;
    for (const w of fire) w.cont(ev);
  }
}
