// The stack's UDP side (RFC 768): sockets by local port, sendto with IPv4
// fragmentation for datagrams larger than the MTU, delivery into bounded
// receive queues. A datagram for a port nobody holds is dropped and counted
// (the ICMP port-unreachable a host would send is not modelled).
import type { Rng, Simulator } from '../../sim';
import { fragmentDatagram } from '../ipv4';
import { UdpSocketState } from '../udp';
import { IPPROTO_UDP, emitUdp, isWireError, type Ipv4Addr, type Ipv4Repr, type UdpRepr } from '../wire';
import type { Cont, Received, Result, SockAddr } from './api';
import { POLLERR, POLLHUP, POLLIN, POLLOUT } from './api';
import type { DropCounters } from './drops';
import { PENDING, sysError, type SysError } from './errno';
import type { Output, WakeTarget } from './output';
import { PortTable } from './ports';
import type { PollWaiter } from './tcp-sock';

const EMPTY = new Uint8Array(0);

/** Largest UDP payload in one IPv4 datagram: 65535 - 20 - 8. */
export const UDP_MAX_PAYLOAD = 65507;

export class UdpSock extends UdpSocketState implements WakeTarget {
  readonly type = 'dgram' as const;
  fd = -1;
  nonblocking = false;
  reuseAddr = false;
  readonly listening = false;
  recvW: { into: Uint8Array; cont: Cont<Received> } | null = null;
  pollW: PollWaiter[] = [];

  constructor(private readonly onService: (s: UdpSock) => void) {
    super();
  }

  service(): void {
    this.onService(this);
  }
}

export class UdpLayer {
  readonly ports: PortTable<UdpSock>;
  private readonly byPort = new Map<number, UdpSock>();
  private readonly scratch = new Uint8Array(65535);
  private readonly ip: Ipv4Repr = {
    src: 0, dst: 0, protocol: IPPROTO_UDP, ttl: 64, identification: 0, dscp: 0, ecn: 0,
    dontFragment: false, moreFragments: false, fragmentOffset: 0, payloadLength: 0,
  };
  private readonly fragIp: Ipv4Repr = { ...this.ip };
  private readonly repr: UdpRepr = { srcPort: 0, dstPort: 0, payload: new Uint8Array(0) };
  private readonly serviceFn = (s: UdpSock): void => this.service(s);
  private readonly emitFragment = (ip: Ipv4Repr, part: Uint8Array): void => this.out.sendIpv4(ip, part);

  constructor(
    private readonly sim: Simulator,
    private readonly out: Output,
    private readonly addr: Ipv4Addr,
    private readonly mtu: number,
    private readonly drops: DropCounters,
    portRng: Rng,
  ) {
    this.ports = new PortTable(portRng);
  }

  newSocket(): UdpSock {
    return new UdpSock(this.serviceFn);
  }

  bind(s: UdpSock, a: SockAddr): 0 | SysError {
    if (s.bound) return sysError('EINVAL');
    if (a.addr !== 0 && a.addr !== this.addr) return sysError('EADDRNOTAVAIL');
    if (a.port < 0 || a.port > 65535 || !Number.isInteger(a.port)) return sysError('EINVAL');
    const port = a.port === 0 ? this.ports.ephemeral() : a.port;
    if (port === 0 || !this.ports.canBind(port, s)) return sysError('EADDRINUSE');
    s.localAddr = this.addr;
    s.localPort = port;
    this.ports.add(port, s);
    if (!this.byPort.has(port)) this.byPort.set(port, s);
    return 0;
  }

  connect(s: UdpSock, a: SockAddr): 0 | SysError {
    if (!s.bound) {
      const r = this.bind(s, { addr: 0, port: 0 });
      if (r !== 0) return r;
    }
    s.remoteAddr = a.addr;
    s.remotePort = a.port;
    return 0;
  }

  close(s: UdpSock): void {
    if (s.bound) {
      this.ports.remove(s.localPort, s);
      if (this.byPort.get(s.localPort) === s) this.byPort.delete(s.localPort);
    }
    const w = s.recvW;
    s.recvW = null;
    s.pollW = [];
    if (w !== null) this.sim.call(this.sim.now, () => w.cont(sysError('EBADF')));
  }

  sendto(s: UdpSock, data: Uint8Array, to: SockAddr | null): number | SysError {
    const dst = to ?? (s.connected ? { addr: s.remoteAddr, port: s.remotePort } : null);
    if (dst === null) return sysError('EDESTADDRREQ');
    if (dst.port <= 0 || dst.port > 65535 || dst.addr === 0) return sysError('EINVAL');
    if (data.length > UDP_MAX_PAYLOAD) return sysError('EMSGSIZE');
    if (!s.bound) {
      const r = this.bind(s, { addr: 0, port: 0 });
      if (r !== 0) return sysError('EAGAIN');
    }
    const repr = this.repr;
    repr.srcPort = s.localPort;
    repr.dstPort = dst.port;
    repr.payload = data;
    const len = emitUdp(repr, this.scratch, 0, this.addr, dst.addr, true);
    repr.payload = EMPTY;
    if (isWireError(len)) return sysError('EINVAL');
    this.out.charge('copy', data.length);
    this.out.charge('udpTx', data.length);
    this.out.charge('checksum', len);
    const ip = this.ip;
    ip.dst = dst.addr;
    ip.identification = this.out.nextId();
    ip.payloadLength = len;
    if (this.out.ipTap !== null) {
      ip.src = this.addr;
      this.out.ipTap('tx', ip, this.scratch.subarray(0, len));
    }
    const r = fragmentDatagram(ip, this.scratch.subarray(0, len), this.mtu, this.fragIp, this.emitFragment);
    if (typeof r !== 'number') return sysError('EMSGSIZE');
    s.counters.datagramsOut += 1;
    s.counters.bytesOut += data.length;
    return data.length;
  }

  recvfrom(s: UdpSock, into: Uint8Array, cont?: Cont<Received>): Result<Received> {
    const r = this.take(s, into);
    if (r !== null) return r;
    if (s.nonblocking || cont === undefined) return sysError('EAGAIN');
    if (s.recvW !== null) return sysError('EBUSY');
    s.recvW = { into, cont };
    return PENDING;
  }

  poll(s: UdpSock): number {
    return (s.queued > 0 ? POLLIN : 0) | POLLOUT;
  }

  /** A checksum-verified datagram from `src`. */
  input(src: Ipv4Addr, udp: UdpRepr): void {
    this.out.charge('udpRx', udp.payload.length);
    const s = this.byPort.get(udp.dstPort);
    if (s === undefined) {
      this.drops.count('udp-no-port');
      return;
    }
    const before = s.counters.rcvbufDrops;
    if (!s.deliver(src, udp.srcPort, udp.payload)) {
      this.drops.count(s.counters.rcvbufDrops > before ? 'udp-rcvbuf-full' : 'udp-not-from-peer');
      return;
    }
    if (s.recvW !== null || s.pollW.length > 0) this.out.wake(s);
  }

  private take(s: UdpSock, into: Uint8Array): Received | null {
    const d = s.take();
    if (d === undefined) return null;
    const n = Math.min(into.length, d.data.length);
    into.set(n === d.data.length ? d.data : d.data.subarray(0, n));
    this.out.charge('copy', n);
    return { bytes: n, length: d.data.length, from: { addr: d.from, port: d.fromPort } };
  }

  private service(s: UdpSock): void {
    this.out.begin(this.out.appPriority);
    try {
      const w = s.recvW;
      if (w !== null) {
        const r = this.take(s, w.into);
        if (r !== null) {
          s.recvW = null;
          w.cont(r);
        }
      }
      if (s.pollW.length > 0) {
        const ev = this.poll(s);
        const fire = s.pollW.filter((p) => (ev & (p.events | POLLERR | POLLHUP)) !== 0);
        s.pollW = s.pollW.filter((p) => (ev & (p.events | POLLERR | POLLHUP)) === 0);
        for (const p of fire) p.cont(ev);
      }
    } finally {
      this.out.commit();
    }
  }
}
