// The stack object (DESIGN.md 1.3): one host's TCP/UDP/IPv4/ARP over one
// Ethernet interface, bound to a processor of the sim kernel. It owns the
// sockets and demultiplexes arriving frames to them, offers the BSD socket
// API (SocketApi, errno values, blocking through continuations), and charges
// every operation to its processor under the DESIGN.md 1.4 categories, using
// the cost table it is handed. The same object is the host kernel's INET
// stack in `native` and the ISM on the card in `offload`; only the processor,
// the cost table and what sits in front of the socket API differ.
//
// Contract: receiveFrame never throws. A malformed or hostile frame is counted
// by reason in `drops` and dropped; a fault inside one connection resets that
// connection alone. Frames handed to receiveFrame are read during the call only.
import {
  Priority, type Layer, type Nanos, type Processor, type Simulator,
} from '../../sim';
import type { ArpOptions } from '../arp';
import { Reassembler, sendTtl, type ReassemblyOptions } from '../ipv4';
import type { FrameSink, Netif } from '../link';
import type { TcpConfig, TcpConnection } from '../tcp';
import type { Ipv4Addr, MacAddr } from '../wire';
import type {
  Accepted, Cont, Fd, GetSockOptValues, Received, Result, ShutdownHow, SockAddr, SocketApi, SockOpt,
  SockOptValues, SockType,
} from './api';
import { DEFAULT_STACK_COSTS, type StackCosts } from './costs';
import { DropCounters } from './drops';
import { isPending, sysError, type SysError } from './errno';
import { Output } from './output';
import { receiveFrame, type RxContext } from './receive';
import { RxParser } from './rx-parse';
import { applySockOpt, readSockOpt } from './sockopt';
import { TcpLayer } from './tcp-layer';
import type { TcpSock } from './tcp-sock';
import { UdpLayer, type UdpSock } from './udp-layer';

export interface StackOptions {
  /** Names the rng streams (`stack:<name>:iss`, ...) and the stack in traces. */
  name: string;
  sim: Simulator;
  processor: Processor;
  mac: MacAddr;
  addr: Ipv4Addr;
  /** Where frames go; may be set later through `stack.netif`. */
  netif?: Netif;
  /** IP MTU (default 1500); TCP's MSS defaults to mtu - 40. */
  mtu?: number;
  costs?: StackCosts;
  /** The NIC computes and verifies checksums: the bytes stay valid, the stack charges nothing for them. */
  checksumOffload?: boolean;
  /** Defaults for new TCP sockets. */
  tcp?: TcpConfig;
  arp?: ArpOptions;
  /** Neighbours known in advance (no ARP exchange needed). */
  staticArp?: readonly { addr: Ipv4Addr; mac: MacAddr }[];
  reassembly?: ReassemblyOptions;
  /** TTL of sent datagrams (default 64, Linux's ip_default_ttl). */
  ttl?: number;
  /** Priorities on the processor: receive and timers run as softirq, calls in process context by default. */
  rxPriority?: Priority;
  appPriority?: Priority;
  /** The layer below IP in trace records: 'netdev' on a host (default), 'hdm' on the card. */
  belowLayer?: Layer;
  /** Maximum open descriptors (default 1024, Linux's RLIMIT_NOFILE soft limit). */
  maxFds?: number;
}

type Sock = TcpSock | UdpSock;

const KIND_REASSEMBLY = 1;

export class Stack implements SocketApi, FrameSink {
  readonly name: string;
  readonly sim: Simulator;
  readonly processor: Processor;
  readonly mac: MacAddr;
  readonly addr: Ipv4Addr;
  readonly mtu: number;
  readonly drops = new DropCounters();
  readonly out: Output;
  readonly tcp: TcpLayer;
  readonly udp: UdpLayer;
  readonly reassembler: Reassembler;
  private readonly fds = new Map<Fd, Sock>();
  private readonly maxFds: number;
  private readonly appPriority: Priority;
  private readonly rx: RxContext;
  private reasmTimer = -1;
  private reasmAt = Number.POSITIVE_INFINITY;
  private readonly reasmHandler = {
    onEvent: (): void => {
      this.reasmTimer = -1;
      this.reasmAt = Number.POSITIVE_INFINITY;
      this.reassembler.expire(this.sim.now);
      this.armReassembly();
    },
  };

  constructor(o: StackOptions) {
    this.name = o.name;
    this.sim = o.sim;
    this.processor = o.processor;
    this.mac = o.mac;
    this.addr = o.addr;
    this.mtu = o.mtu ?? 1500;
    this.maxFds = o.maxFds ?? 1024;
    this.appPriority = o.appPriority ?? Priority.Kernel;
    this.out = new Output({
      sim: o.sim, processor: o.processor, netif: o.netif ?? { transmit: () => undefined }, mac: o.mac, addr: o.addr,
      costs: o.costs ?? DEFAULT_STACK_COSTS, checksumOffload: o.checksumOffload ?? false, ttl: sendTtl(o.ttl), arp: o.arp,
      belowLayer: o.belowLayer, appPriority: this.appPriority,
    });
    for (const n of o.staticArp ?? []) this.out.arp.addStatic(n.addr, n.mac);
    this.reassembler = new Reassembler(o.reassembly);
    const rng = (what: string) => o.sim.rng.stream(`stack:${o.name}:${what}`);
    this.tcp = new TcpLayer({
      sim: o.sim, out: this.out, addr: o.addr, drops: this.drops,
      config: { mss: this.mtu - 40, ...o.tcp }, issRng: rng('iss'), portRng: rng('tcp-ports'),
      timerPriority: o.rxPriority ?? Priority.SoftIrq,
    });
    this.tcp.waiters.allocFd = (s) => this.allocFd(s);
    this.udp = new UdpLayer(o.sim, this.out, o.addr, this.mtu, this.drops, rng('udp-ports'));
    this.rx = {
      sim: o.sim, out: this.out, mac: o.mac, addr: o.addr, drops: this.drops, tcp: this.tcp, udp: this.udp,
      reassembler: this.reassembler, rxPriority: o.rxPriority ?? Priority.SoftIrq,
      onFragmentHeld: () => this.armReassembly(),
      parser: new RxParser(),
      cpuId: o.processor.id,
    };
  }

  get netif(): Netif {
    return this.out.netif;
  }

  set netif(n: Netif) {
    this.out.netif = n;
  }

  /** Swaps the cost table (e.g. when the machine model assigns one). */
  set costs(c: StackCosts) {
    this.out.costs = c;
  }

  set checksumOffload(on: boolean) {
    this.out.checksumOffload = on;
  }

  // ------------------------------------------------------------ network side

  receiveFrame(frame: Uint8Array): void {
    receiveFrame(this.rx, frame);
  }

  /** The TCP connection behind a descriptor (for trace sources: cwnd, ssthresh...). */
  connectionOf(fd: Fd): TcpConnection | null {
    const s = this.fds.get(fd);
    return s !== undefined && s.type === 'stream' ? s.conn : null;
  }

  /** Called with every TcpConnection the stack creates (connect, or a listener's child): attach trace listeners here. */
  set onConnection(fn: ((conn: TcpConnection) => void) | null) {
    this.tcp.onConnection = fn;
  }

  /** Every live TCP connection, including those closed by the application but not yet CLOSED. */
  connections(): TcpConnection[] {
    return this.tcp.connections();
  }

  /** Open descriptors. */
  get openFds(): number {
    return this.fds.size;
  }

  // ------------------------------------------------------------ socket API

  socket(type: SockType): Fd | SysError {
    return this.call(() => {
      if (type !== 'stream' && type !== 'dgram') return sysError('EPROTOTYPE');
      const s = type === 'stream' ? this.tcp.newSocket() : this.udp.newSocket();
      const fd = this.allocFd(s);
      return fd < 0 ? sysError('EMFILE') : fd;
    });
  }

  bind(fd: Fd, addr: SockAddr): 0 | SysError {
    return this.withSock(fd, (s) => (s.type === 'stream' ? this.tcp.calls.bind(s, addr) : this.udp.bind(s, addr)));
  }

  listen(fd: Fd, backlog: number): 0 | SysError {
    return this.withSock(fd, (s) => (s.type === 'stream' ? this.tcp.calls.listen(s, backlog) : sysError('EOPNOTSUPP')));
  }

  accept(fd: Fd, cont?: Cont<Accepted>): Result<Accepted> {
    return this.withSock(fd, (s) => {
      if (s.type !== 'stream') return sysError('EOPNOTSUPP');
      const r = this.tcp.calls.accept(s, cont);
      if (r !== 'ready') return r;
      return this.tcp.waiters.accepted(this.tcp.calls.takeAccepted(s)!);
    });
  }

  connect(fd: Fd, addr: SockAddr, cont?: Cont<0>): Result<0> {
    return this.withSock(fd, (s) => (s.type === 'stream' ? this.tcp.calls.connect(s, addr, cont) : this.udp.connect(s, addr)));
  }

  send(fd: Fd, data: Uint8Array, cont?: Cont<number>): Result<number> {
    return this.withSock(fd, (s) => {
      this.out.charge('socketCall');
      return s.type === 'stream' ? this.tcp.waiters.send(s, data, cont) : this.udp.sendto(s, data, null);
    });
  }

  recv(fd: Fd, into: Uint8Array, cont?: Cont<number>): Result<number> {
    return this.withSock(fd, (s) => {
      this.out.charge('socketCall');
      if (s.type === 'stream') return this.tcp.waiters.recv(s, into, cont);
      const r = this.udp.recvfrom(s, into, cont === undefined ? undefined : (x) => cont(typeof x === 'object' && 'bytes' in x ? x.bytes : x));
      return typeof r === 'object' && 'bytes' in r ? r.bytes : r;
    });
  }

  sendto(fd: Fd, data: Uint8Array, to: SockAddr, _cont?: Cont<number>): Result<number> {
    return this.withSock(fd, (s) => {
      this.out.charge('socketCall');
      // A stream socket ignores the address (Linux: EISCONN only when it differs; the lab keeps it simple).
      return s.type === 'stream' ? this.tcp.waiters.send(s, data, _cont) : this.udp.sendto(s, data, to);
    });
  }

  recvfrom(fd: Fd, into: Uint8Array, cont?: Cont<Received>): Result<Received> {
    return this.withSock(fd, (s) => {
      this.out.charge('socketCall');
      if (s.type === 'dgram') return this.udp.recvfrom(s, into, cont);
      // A stream socket ignores the address part (recv(2)): report the peer as the source.
      const from = s.remote === null ? { addr: 0, port: 0 } : { ...s.remote };
      const wrap = (n: number | SysError): Received | SysError => (typeof n === 'number' ? { bytes: n, length: n, from } : n);
      const r = this.tcp.waiters.recv(s, into, cont === undefined ? undefined : (x) => cont(wrap(x)));
      return isPending(r) ? r : wrap(r);
    });
  }

  shutdown(fd: Fd, how: ShutdownHow): 0 | SysError {
    return this.withSock(fd, (s) => (s.type === 'stream' ? this.tcp.calls.shutdown(s, how) : s.connected ? 0 : sysError('ENOTCONN')));
  }

  close(fd: Fd, cont?: Cont<0>): Result<0> {
    return this.withSock(fd, (s) => {
      this.fds.delete(fd);
      s.fd = -1;
      if (s.type === 'stream') return this.tcp.calls.close(s, cont);
      this.udp.close(s);
      return 0;
    });
  }

  setsockopt<K extends SockOpt>(fd: Fd, opt: K, value: SockOptValues[K]): 0 | SysError {
    return this.withSock(fd, (s) => applySockOpt(this.tcp, s, opt, value));
  }

  getsockopt<K extends keyof GetSockOptValues>(fd: Fd, opt: K): GetSockOptValues[K] | SysError {
    const s = this.fds.get(fd);
    if (s === undefined) return sysError('EBADF');
    return readSockOpt(this.tcp, s, opt);
  }

  getsockname(fd: Fd): SockAddr | SysError {
    const s = this.fds.get(fd);
    if (s === undefined) return sysError('EBADF');
    if (s.type === 'stream') return s.local !== null ? { ...s.local } : { addr: 0, port: 0 };
    return { addr: s.bound ? s.localAddr : 0, port: s.localPort };
  }

  getpeername(fd: Fd): SockAddr | SysError {
    const s = this.fds.get(fd);
    if (s === undefined) return sysError('EBADF');
    if (s.type === 'stream') {
      const st = s.conn?.state;
      if (s.remote === null || st === undefined || st === 'SYN-SENT' || st === 'CLOSED') return sysError('ENOTCONN');
      return { ...s.remote };
    }
    return s.connected ? { addr: s.remoteAddr, port: s.remotePort } : sysError('ENOTCONN');
  }

  poll(fd: Fd): number | SysError {
    const s = this.fds.get(fd);
    if (s === undefined) return sysError('EBADF');
    return s.type === 'stream' ? this.tcp.poll(s) : this.udp.poll(s);
  }

  wait(fd: Fd, events: number, cont: (revents: number) => void): 0 | SysError {
    const s = this.fds.get(fd);
    if (s === undefined) return sysError('EBADF');
    const ev = this.poll(fd) as number;
    if ((ev & (events | 0x018)) !== 0) {
      this.sim.call(this.sim.now, () => cont(ev));
      return 0;
    }
    s.pollW.push({ events, cont });
    return 0;
  }

  // ------------------------------------------------------------ internals

  private allocFd(s: Sock): Fd {
    if (this.fds.size >= this.maxFds) return -1;
    // Lowest free descriptor, as POSIX requires of socket() and accept().
    let fd = 3;
    while (this.fds.has(fd)) fd += 1;
    this.fds.set(fd, s);
    s.fd = fd;
    return fd;
  }

  /** Runs one socket call as a batch: syscall entry charged, frames released when the CPU is done. */
  private call<T>(fn: () => T): T {
    this.out.begin(this.appPriority);
    try {
      this.out.charge('syscall');
      return fn();
    } finally {
      this.out.commit();
    }
  }

  private withSock<T>(fd: Fd, fn: (s: Sock) => T | SysError): T | SysError {
    return this.call(() => {
      const s = this.fds.get(fd);
      if (s === undefined) return sysError('EBADF');
      return fn(s);
    });
  }

  private armReassembly(): void {
    const t = this.reassembler.nextDeadline();
    if (t === this.reasmAt) return;
    if (this.reasmTimer >= 0) this.sim.cancel(this.reasmTimer);
    this.reasmAt = t;
    this.reasmTimer = t === Number.POSITIVE_INFINITY ? -1
      : this.sim.schedule(Math.max(t, this.sim.now) as Nanos, this.reasmHandler, KIND_REASSEMBLY);
  }
}

