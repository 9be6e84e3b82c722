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
// Trace (docs trace-convention): each call gets a span at entry and records
// 'call' crossings app > syscall > socket > inet (> tcp | udp for the calls that
// reach the protocol: connect, accept, send, recv, sendto, recvfrom, shutdown,
// close), then the 'return' crossings back up when it returns, or, for a call
// that blocked, when its continuation runs after the wake-up.
//
// Semantics are exactly the Stack's (same results, same errno values): this
// layer only adds cost and counts. Sends that find the socket buffer full
// (partial, EAGAIN or PENDING) are counted as backpressure events.
import {
  ChargeList, LAYER, Priority, TRACE_KIND, type EventHandler, type LayerId, type Processor,
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
  constructor(readonly cont: (r: unknown) => void, readonly result: unknown, readonly span: number, readonly deep: LayerId) {}
}

const KIND_WAKE = 1;
const INET = LAYER.inet;

export class HostSocketLayer implements SocketApi, EventHandler {
  readonly counters: SocketLayerCounters = { syscalls: 0, contextSwitches: 0, sendBufferFull: 0 };
  private readonly charges = new ChargeList();
  private readonly switchCycles: number;

  constructor(readonly stack: Stack, private readonly cpu: Processor, private readonly costs: HostLayerCosts) {
    this.switchCycles = opCycles(costs.contextSwitch);
  }

  socket(type: SockType): Fd | SysError {
    const sp = this.enter(INET);
    return this.leave(this.stack.socket(type), sp, INET);
  }

  bind(fd: Fd, addr: SockAddr): 0 | SysError {
    const sp = this.enter(INET);
    return this.leave(this.stack.bind(fd, addr), sp, INET);
  }

  listen(fd: Fd, backlog: number): 0 | SysError {
    const sp = this.enter(INET);
    return this.leave(this.stack.listen(fd, backlog), sp, INET);
  }

  accept(fd: Fd, cont?: Cont<Accepted>): Result<Accepted> {
    const d = this.protoOf(fd);
    const sp = this.enter(d);
    return this.leave(this.stack.accept(fd, this.sleeper(cont, sp, d)), sp, d);
  }

  connect(fd: Fd, addr: SockAddr, cont?: Cont<0>): Result<0> {
    const d = this.protoOf(fd);
    const sp = this.enter(d);
    return this.leave(this.stack.connect(fd, addr, this.sleeper(cont, sp, d)), sp, d);
  }

  send(fd: Fd, data: Uint8Array, cont?: Cont<number>): Result<number> {
    const d = this.protoOf(fd);
    const sp = this.enter(d, data.length);
    return this.leave(this.noteSend(this.stack.send(fd, data, this.sleeper(cont, sp, d)), data.length), sp, d);
  }

  recv(fd: Fd, into: Uint8Array, cont?: Cont<number>): Result<number> {
    const d = this.protoOf(fd);
    const sp = this.enter(d);
    return this.leave(this.stack.recv(fd, into, this.sleeper(cont, sp, d)), sp, d);
  }

  sendto(fd: Fd, data: Uint8Array, to: SockAddr, cont?: Cont<number>): Result<number> {
    const d = this.protoOf(fd);
    const sp = this.enter(d, data.length);
    return this.leave(this.noteSend(this.stack.sendto(fd, data, to, this.sleeper(cont, sp, d)), data.length), sp, d);
  }

  recvfrom(fd: Fd, into: Uint8Array, cont?: Cont<Received>): Result<Received> {
    const d = this.protoOf(fd);
    const sp = this.enter(d);
    return this.leave(this.stack.recvfrom(fd, into, this.sleeper(cont, sp, d)), sp, d);
  }

  shutdown(fd: Fd, how: ShutdownHow): 0 | SysError {
    const d = this.protoOf(fd);
    const sp = this.enter(d);
    return this.leave(this.stack.shutdown(fd, how), sp, d);
  }

  close(fd: Fd, cont?: Cont<0>): Result<0> {
    const d = this.protoOf(fd);
    const sp = this.enter(d);
    return this.leave(this.stack.close(fd, this.sleeper(cont, sp, d)), sp, d);
  }

  setsockopt<K extends SockOpt>(fd: Fd, opt: K, value: SockOptValues[K]): 0 | SysError {
    const sp = this.enter(INET);
    return this.leave(this.stack.setsockopt(fd, opt, value), sp, INET);
  }

  getsockopt<K extends keyof GetSockOptValues>(fd: Fd, opt: K): GetSockOptValues[K] | SysError {
    const sp = this.enter(INET);
    return this.leave(this.stack.getsockopt(fd, opt), sp, INET);
  }

  getsockname(fd: Fd): SockAddr | SysError {
    const sp = this.enter(INET);
    return this.leave(this.stack.getsockname(fd), sp, INET);
  }

  getpeername(fd: Fd): SockAddr | SysError {
    const sp = this.enter(INET);
    return this.leave(this.stack.getpeername(fd), sp, INET);
  }

  poll(fd: Fd): number | SysError {
    const sp = this.enter(INET);
    return this.leave(this.stack.poll(fd), sp, INET);
  }

  wait(fd: Fd, events: number, cont: (revents: number) => void): 0 | SysError {
    const sp = this.enter(INET);
    const now = this.stack.poll(fd);
    // Ready now: the Stack answers from a fresh event without sleeping.
    if (typeof now === 'number' && (now & (events | POLLERR | POLLHUP)) !== 0) return this.leave(this.stack.wait(fd, events, cont), sp, INET);
    const r = this.stack.wait(fd, events, this.sleeper(cont, sp, INET)!);
    // Registered: the call returns when the wake-up runs; an error returns now.
    return r === 0 ? r : this.leave(r, sp, INET);
  }

  /** The layer below inet a call on `fd` reaches (trace only; inet when the trace is off or fd is bad). */
  private protoOf(fd: Fd): LayerId {
    if (!this.stack.sim.trace.enabled) return INET;
    const t = this.stack.getsockopt(fd, 'SO_TYPE');
    return t === 'stream' ? LAYER.tcp : t === 'dgram' ? LAYER.udp : INET;
  }

  /** The Kernel job of the system call and socket layer, in the caller's context. */
  private enter(deep: LayerId, bytes = 0): number {
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
    if (!tr.enabled) return 0;
    const span = tr.nextSpan();
    const now = this.stack.sim.now;
    // bytes: the data a send carries down (0 for control calls).
    tr.record(now, span, LAYER.app, LAYER.syscall, TRACE_KIND.call, bytes, sc, this.cpu.id);
    tr.record(now, span, LAYER.syscall, LAYER.socket, TRACE_KIND.call, bytes, kc, this.cpu.id);
    tr.record(now, span, LAYER.socket, LAYER.inet, TRACE_KIND.call, bytes, 0, this.cpu.id);
    if (deep !== INET) tr.record(now, span, LAYER.inet, deep, TRACE_KIND.call, bytes, 0, this.cpu.id);
    return span;
  }

  /** Records the 'return' crossings of call `span` (0: trace off) unless it blocked; passes `r` through. */
  private leave<T>(r: T, span: number, deep: LayerId): T {
    if (span !== 0 && !isPending(r as Result<unknown>)) this.returned(span, deep);
    return r;
  }

  private returned(span: number, deep: LayerId): void {
    const tr = this.stack.sim.trace;
    if (!tr.enabled) return;
    const now = this.stack.sim.now;
    const cpu = this.cpu.id;
    if (deep !== INET) tr.record(now, span, deep, LAYER.inet, TRACE_KIND.return, 0, 0, cpu);
    tr.record(now, span, LAYER.inet, LAYER.socket, TRACE_KIND.return, 0, 0, cpu);
    tr.record(now, span, LAYER.socket, LAYER.syscall, TRACE_KIND.return, 0, 0, cpu);
    tr.record(now, span, LAYER.syscall, LAYER.app, TRACE_KIND.return, 0, 0, cpu);
  }

  private noteSend<T>(r: Result<T>, wanted: number): Result<T> {
    if (isPending(r) || (isSysError(r) && r.errno === 'EAGAIN') || (typeof r === 'number' && r < wanted)) {
      this.counters.sendBufferFull++;
    }
    return r;
  }

  /** Wraps a continuation so that its call (which only happens after PENDING) is a wake-up. */
  private sleeper<T>(cont: ((r: T) => void) | undefined, span: number, deep: LayerId): ((r: T) => void) | undefined {
    if (cont === undefined) return undefined;
    return (r: T) => this.wake(cont as (r: unknown) => void, r, span, deep);
  }

  private wake(cont: (r: unknown) => void, r: unknown, span: number, deep: LayerId): void {
    this.counters.contextSwitches++;
    this.cpu.submit(Priority.Kernel, this.costs.contextSwitch.category, this.switchCycles, this, KIND_WAKE, 0, new Wake(cont, r, span, deep));
  }

  onEvent(_kind: number, _arg: number, obj: unknown): void {
    const w = obj as Wake;
    // The blocked call returns now, as its continuation runs.
    if (w.span !== 0) this.returned(w.span, w.deep);
    w.cont(w.result);
  }
}
