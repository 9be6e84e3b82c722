// The host's system-call and socket layers in front of the INET stack
// (DESIGN.md 1.2: app > syscall > socket > inet): the BSD socket API the
// applications of `native` and `stateless` machines call. Each call charges
// system call entry and exit ('syscall') and the socket layer ('socket') on the
// host CPU at Priority.Kernel, in the calling application's context, then runs
// the Stack's call, which charges the protocol work and the copy itself.
//
// A call that blocks (returns PENDING) puts the application to sleep; when the
// Stack completes it, the wake-up is a context switch: counted, and charged
// from the profile's contextSwitch operation (which the profile files under
// 'syscall': schedule() runs on the system call's way out and back), and the
// application's continuation runs when that CPU work is done.
//
// Semantics are exactly the Stack's (same results, same errno values): this
// layer only adds cost and counts. Sends that find the socket buffer full
// (partial, EAGAIN or PENDING) are counted as backpressure events.
import {
  ChargeList, LAYER, Priority, TRACE_KIND, type EventHandler, type Processor,
} from '../../sim';
import {
  POLLERR, POLLHUP, isPending, isSysError, type Accepted, type Cont, type Fd, type GetSockOptValues, type Received,
  type Result, type ShutdownHow, type SockAddr, type SocketApi, type SockOpt, type SockOptValues, type SockType,
  type Stack, type SysError,
} from '../../net/stack';
import { opCycles, type HostLayerCosts } from './costs';

export interface SocketLayerCounters {
  syscalls: number;
  /** Wake-ups of a blocked application (each a context switch). */
  contextSwitches: number;
  /** Sends that found the socket send buffer full. */
  sendBufferFull: number;
}

class Wake {
  constructor(readonly cont: (r: unknown) => void, readonly result: unknown) {}
}

const KIND_WAKE = 1;

export class HostSocketLayer implements SocketApi, EventHandler {
  readonly counters: SocketLayerCounters = { syscalls: 0, contextSwitches: 0, sendBufferFull: 0 };
  private readonly charges = new ChargeList();
  private readonly switchCycles: number;

  constructor(readonly stack: Stack, private readonly cpu: Processor, private readonly costs: HostLayerCosts) {
    this.switchCycles = opCycles(costs.contextSwitch);
  }

  socket(type: SockType): Fd | SysError {
    this.enter();
    return this.stack.socket(type);
  }

  bind(fd: Fd, addr: SockAddr): 0 | SysError {
    this.enter();
    return this.stack.bind(fd, addr);
  }

  listen(fd: Fd, backlog: number): 0 | SysError {
    this.enter();
    return this.stack.listen(fd, backlog);
  }

  accept(fd: Fd, cont?: Cont<Accepted>): Result<Accepted> {
    this.enter();
    return this.stack.accept(fd, this.sleeper(cont));
  }

  connect(fd: Fd, addr: SockAddr, cont?: Cont<0>): Result<0> {
    this.enter();
    return this.stack.connect(fd, addr, this.sleeper(cont));
  }

  send(fd: Fd, data: Uint8Array, cont?: Cont<number>): Result<number> {
    this.enter();
    return this.noteSend(this.stack.send(fd, data, this.sleeper(cont)), data.length);
  }

  recv(fd: Fd, into: Uint8Array, cont?: Cont<number>): Result<number> {
    this.enter();
    return this.stack.recv(fd, into, this.sleeper(cont));
  }

  sendto(fd: Fd, data: Uint8Array, to: SockAddr, cont?: Cont<number>): Result<number> {
    this.enter();
    return this.noteSend(this.stack.sendto(fd, data, to, this.sleeper(cont)), data.length);
  }

  recvfrom(fd: Fd, into: Uint8Array, cont?: Cont<Received>): Result<Received> {
    this.enter();
    return this.stack.recvfrom(fd, into, this.sleeper(cont));
  }

  shutdown(fd: Fd, how: ShutdownHow): 0 | SysError {
    this.enter();
    return this.stack.shutdown(fd, how);
  }

  close(fd: Fd, cont?: Cont<0>): Result<0> {
    this.enter();
    return this.stack.close(fd, this.sleeper(cont));
  }

  setsockopt<K extends SockOpt>(fd: Fd, opt: K, value: SockOptValues[K]): 0 | SysError {
    this.enter();
    return this.stack.setsockopt(fd, opt, value);
  }

  getsockopt<K extends keyof GetSockOptValues>(fd: Fd, opt: K): GetSockOptValues[K] | SysError {
    this.enter();
    return this.stack.getsockopt(fd, opt);
  }

  getsockname(fd: Fd): SockAddr | SysError {
    this.enter();
    return this.stack.getsockname(fd);
  }

  getpeername(fd: Fd): SockAddr | SysError {
    this.enter();
    return this.stack.getpeername(fd);
  }

  poll(fd: Fd): number | SysError {
    this.enter();
    return this.stack.poll(fd);
  }

  wait(fd: Fd, events: number, cont: (revents: number) => void): 0 | SysError {
    this.enter();
    const now = this.stack.poll(fd);
    // Ready now: the Stack answers from a fresh event without sleeping.
    if (typeof now === 'number' && (now & (events | POLLERR | POLLHUP)) !== 0) return this.stack.wait(fd, events, cont);
    return this.stack.wait(fd, events, this.sleeper(cont)!);
  }

  /** The Kernel job of the system call and socket layer, in the caller's context. */
  private enter(): void {
    this.counters.syscalls++;
    const c = this.charges.clear();
    const s = this.costs.syscall;
    const k = this.costs.socketLayer;
    const sc = opCycles(s);
    const kc = opCycles(k);
    if (sc > 0) c.add(s.category, sc);
    if (kc > 0) c.add(k.category, kc);
    if (c.total > 0) this.cpu.submit(Priority.Kernel, c, 0);
    const tr = this.stack.sim.trace;
    if (tr.enabled) {
      const now = this.stack.sim.now;
      tr.record(now, 0, LAYER.app, LAYER.syscall, TRACE_KIND.call, 0, sc, this.cpu.id);
      tr.record(now, 0, LAYER.syscall, LAYER.socket, TRACE_KIND.call, 0, kc, this.cpu.id);
      tr.record(now, 0, LAYER.socket, LAYER.inet, TRACE_KIND.call, 0, 0, this.cpu.id);
    }
  }

  private noteSend<T>(r: Result<T>, wanted: number): Result<T> {
    if (isPending(r) || (isSysError(r) && r.errno === 'EAGAIN') || (typeof r === 'number' && r < wanted)) {
      this.counters.sendBufferFull++;
    }
    return r;
  }

  /** Wraps a continuation so that its call (which only happens after PENDING) is a wake-up. */
  private sleeper<T>(cont: ((r: T) => void) | undefined): ((r: T) => void) | undefined {
    if (cont === undefined) return undefined;
    return (r: T) => this.wake(cont as (r: unknown) => void, r);
  }

  private wake(cont: (r: unknown) => void, r: unknown): void {
    this.counters.contextSwitches++;
    this.cpu.submit(Priority.Kernel, this.costs.contextSwitch.category, this.switchCycles, this, KIND_WAKE, 0, new Wake(cont, r));
  }

  onEvent(_kind: number, _arg: number, obj: unknown): void {
    const w = obj as Wake;
    w.cont(w.result);
  }
}
