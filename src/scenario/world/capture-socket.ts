// The 'socket' capture point: a SocketApi that forwards every call to the
// server's own API unchanged and, while a sink is set, records what crossed
// it: a data call (send, sendto, recv, recvfrom) as one record carrying the
// bytes that moved and a comment naming the call and its result; any other
// call that changes a socket (socket, bind, listen, accept, connect,
// shutdown, close) as a record with no bytes. A call that blocks is recorded
// when it completes, with the bytes it moved by then. Options, names and
// polls are not recorded (they move nothing). With no sink set, each call
// costs one branch and nothing else.
import type { Nanos, Simulator } from '../../sim';
import {
  isPending, isSysError, type Accepted, type Cont, type Fd, type GetSockOptValues, type Received, type Result, type ShutdownHow,
  type SockAddr, type SockOpt, type SockOptValues, type SockType, type SocketApi, type SysError,
} from '../../net/stack';
import { formatIpv4 } from '../../net/wire';
import type { CaptureSink } from './capture';

const NONE = new Uint8Array(0);

function addr(a: SockAddr): string {
  return `${formatIpv4(a.addr)}:${a.port}`;
}

function outcome(r: unknown): string {
  if (isSysError(r as SysError)) return `-1 ${(r as SysError).errno}`;
  if (typeof r === 'number') return String(r);
  return 'ok';
}

export class SocketCapture implements SocketApi {
  sink: CaptureSink | null = null;

  constructor(private readonly sim: Simulator, private readonly api: SocketApi) {}

  private note(out: boolean, bytes: Uint8Array, comment: string): void {
    this.sink!.frame(this.sim.now as Nanos, out ? 'server->peer' : 'peer->server', bytes, comment);
  }

  /** Records `r` now unless the call is pending (its wrapped continuation records it then). */
  private settle<T>(r: Result<T>, rec: (x: T | SysError) => void): Result<T> {
    if (!isPending(r)) rec(r);
    return r;
  }

  private wrap<T>(cont: Cont<T> | undefined, rec: (x: T | SysError) => void): Cont<T> | undefined {
    if (cont === undefined || this.sink === null) return cont;
    return (x) => {
      if (this.sink !== null) rec(x);
      cont(x);
    };
  }

  private control<T>(name: string, r: T, out = true): T {
    if (this.sink !== null) this.note(out, NONE, `${name} = ${outcome(r)}`);
    return r;
  }

  socket(type: SockType): Fd | SysError {
    return this.control(`socket(${type})`, this.api.socket(type));
  }

  bind(fd: Fd, a: SockAddr): 0 | SysError;
  bind(fd: Fd, a: SockAddr, cont?: Cont<0>): Result<0>;
  bind(fd: Fd, a: SockAddr, cont?: Cont<0>): Result<0> {
    // The continuation is forwarded: on offload the call sleeps for the card's reply.
    if (this.sink === null) return this.api.bind(fd, a, cont);
    const rec = (x: 0 | SysError): void => this.note(true, NONE, `bind(fd ${fd}, ${addr(a)}) = ${outcome(x)}`);
    return this.settle(this.api.bind(fd, a, this.wrap(cont, rec)), rec);
  }

  listen(fd: Fd, backlog: number): 0 | SysError;
  listen(fd: Fd, backlog: number, cont?: Cont<0>): Result<0>;
  listen(fd: Fd, backlog: number, cont?: Cont<0>): Result<0> {
    if (this.sink === null) return this.api.listen(fd, backlog, cont);
    const rec = (x: 0 | SysError): void => this.note(true, NONE, `listen(fd ${fd}, ${backlog}) = ${outcome(x)}`);
    return this.settle(this.api.listen(fd, backlog, this.wrap(cont, rec)), rec);
  }

  accept(fd: Fd, cont?: Cont<Accepted>): Result<Accepted> {
    if (this.sink === null) return this.api.accept(fd, cont);
    const rec = (x: Accepted | SysError): void => {
      this.note(false, NONE, isSysError(x) ? `accept(fd ${fd}) = ${outcome(x)}` : `accept(fd ${fd}) = fd ${x.fd} from ${addr(x.remote)}`);
    };
    return this.settle(this.api.accept(fd, this.wrap(cont, rec)), rec);
  }

  connect(fd: Fd, a: SockAddr, cont?: Cont<0>): Result<0> {
    if (this.sink === null) return this.api.connect(fd, a, cont);
    const rec = (x: 0 | SysError): void => this.note(true, NONE, `connect(fd ${fd}, ${addr(a)}) = ${outcome(x)}`);
    return this.settle(this.api.connect(fd, a, this.wrap(cont, rec)), rec);
  }

  send(fd: Fd, data: Uint8Array, cont?: Cont<number>): Result<number> {
    if (this.sink === null) return this.api.send(fd, data, cont);
    const rec = (x: number | SysError): void => {
      this.note(true, typeof x === 'number' ? data.subarray(0, x) : NONE, `send(fd ${fd}, ${data.length} B) = ${outcome(x)}`);
    };
    return this.settle(this.api.send(fd, data, this.wrap(cont, rec)), rec);
  }

  recv(fd: Fd, into: Uint8Array, cont?: Cont<number>): Result<number> {
    if (this.sink === null) return this.api.recv(fd, into, cont);
    const rec = (x: number | SysError): void => {
      this.note(false, typeof x === 'number' ? into.subarray(0, x) : NONE, `recv(fd ${fd}, ${into.length} B) = ${outcome(x)}`);
    };
    return this.settle(this.api.recv(fd, into, this.wrap(cont, rec)), rec);
  }

  sendto(fd: Fd, data: Uint8Array, to: SockAddr, cont?: Cont<number>): Result<number> {
    if (this.sink === null) return this.api.sendto(fd, data, to, cont);
    const rec = (x: number | SysError): void => {
      this.note(true, typeof x === 'number' ? data.subarray(0, x) : NONE, `sendto(fd ${fd}, ${data.length} B, ${addr(to)}) = ${outcome(x)}`);
    };
    return this.settle(this.api.sendto(fd, data, to, this.wrap(cont, rec)), rec);
  }

  recvfrom(fd: Fd, into: Uint8Array, cont?: Cont<Received>): Result<Received> {
    if (this.sink === null) return this.api.recvfrom(fd, into, cont);
    const rec = (x: Received | SysError): void => {
      if (isSysError(x)) this.note(false, NONE, `recvfrom(fd ${fd}, ${into.length} B) = ${outcome(x)}`);
      else this.note(false, into.subarray(0, x.bytes), `recvfrom(fd ${fd}, ${into.length} B) = ${x.bytes} from ${addr(x.from)}`);
    };
    return this.settle(this.api.recvfrom(fd, into, this.wrap(cont, rec)), rec);
  }

  shutdown(fd: Fd, how: ShutdownHow): 0 | SysError;
  shutdown(fd: Fd, how: ShutdownHow, cont?: Cont<0>): Result<0>;
  shutdown(fd: Fd, how: ShutdownHow, cont?: Cont<0>): Result<0> {
    if (this.sink === null) return this.api.shutdown(fd, how, cont);
    const rec = (x: 0 | SysError): void => this.note(true, NONE, `shutdown(fd ${fd}, ${how}) = ${outcome(x)}`);
    return this.settle(this.api.shutdown(fd, how, this.wrap(cont, rec)), rec);
  }

  close(fd: Fd, cont?: Cont<0>): Result<0> {
    if (this.sink === null) return this.api.close(fd, cont);
    const rec = (x: 0 | SysError): void => this.note(true, NONE, `close(fd ${fd}) = ${outcome(x)}`);
    return this.settle(this.api.close(fd, this.wrap(cont, rec)), rec);
  }

  // Options are not recorded; the continuation is forwarded (on offload the call sleeps for the card's reply).
  setsockopt<K extends SockOpt>(fd: Fd, opt: K, value: SockOptValues[K]): 0 | SysError;
  setsockopt<K extends SockOpt>(fd: Fd, opt: K, value: SockOptValues[K], cont?: Cont<0>): Result<0>;
  setsockopt<K extends SockOpt>(fd: Fd, opt: K, value: SockOptValues[K], cont?: Cont<0>): Result<0> {
    return this.api.setsockopt(fd, opt, value, cont);
  }

  getsockopt<K extends keyof GetSockOptValues>(fd: Fd, opt: K): GetSockOptValues[K] | SysError;
  getsockopt<K extends keyof GetSockOptValues>(fd: Fd, opt: K, cont?: Cont<GetSockOptValues[K]>): Result<GetSockOptValues[K]>;
  getsockopt<K extends keyof GetSockOptValues>(fd: Fd, opt: K, cont?: Cont<GetSockOptValues[K]>): Result<GetSockOptValues[K]> {
    return this.api.getsockopt(fd, opt, cont);
  }

  getsockname(fd: Fd): SockAddr | SysError {
    return this.api.getsockname(fd);
  }

  getpeername(fd: Fd): SockAddr | SysError {
    return this.api.getpeername(fd);
  }

  poll(fd: Fd): number | SysError {
    return this.api.poll(fd);
  }

  wait(fd: Fd, events: number, cont: (revents: number) => void): 0 | SysError {
    return this.api.wait(fd, events, cont);
  }
}
