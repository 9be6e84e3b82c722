// The bridge's plumbing against the real Linux kernel, with raw packets built by
// src/net/wire: a namespace, a TUN moved into it, socat carrying IP packets as
// UDP datagrams on loopback. No TCP machine of ours is involved, so a failure
// here is in the plumbing (or the wire formats), not in the stack.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  IPPROTO_TCP, TCP_ACK, TCP_RST, TCP_SYN, emitIpv4With, emitTcp, ipv4, ipv4Payload, isWireError,
  parseIpv4, parseTcp, seq, seqAdd, IPV4_HEADER_LEN,
} from '../../net/wire';
import type { Ipv4Repr, TcpRepr } from '../../net/wire';
import { Namespace, DEFAULT_KERNEL_ADDR, DEFAULT_LAB_ADDR, sweepStaleNamespaces } from './namespace';
import { runHost } from './host-command';
import { spawnSync } from 'node:child_process';
import { UdpTunnel } from './udp-tunnel';
import { impairBothWays } from './impairment';
import { eventually, interopSkipReason, namespaceExists } from './test-support';

const skip = interopSkipReason();
if (skip) console.warn(skip);

const LAB = ipv4(DEFAULT_LAB_ADDR);
const KERNEL = ipv4(DEFAULT_KERNEL_ADDR);

interface Seen { ip: Ipv4Repr; tcp: TcpRepr }

/** A TCP/IPv4 packet from the lab's address, as the TUN carries it (no Ethernet). */
function tcpPacket(tcp: TcpRepr, id: number): Uint8Array {
  const buf = new Uint8Array(IPV4_HEADER_LEN + 60);
  const ip: Ipv4Repr = {
    src: LAB, dst: KERNEL, protocol: IPPROTO_TCP, ttl: 64, identification: id, dscp: 0, ecn: 0,
    dontFragment: true, moreFragments: false, fragmentOffset: 0, payloadLength: 0,
  };
  const n = emitTcp(tcp, buf, IPV4_HEADER_LEN, LAB, KERNEL);
  if (isWireError(n)) throw new Error(n.detail);
  const h = emitIpv4With(ip, buf, 0, IPPROTO_TCP, n);
  if (isWireError(h)) throw new Error(h.detail);
  return buf.subarray(0, IPV4_HEADER_LEN + n);
}

function syn(srcPort: number, dstPort: number, iss: number): TcpRepr {
  return {
    srcPort, dstPort, seq: seq(iss), ack: seq(0), flags: TCP_SYN, window: 64240, urgentPointer: 0,
    options: { mss: 1460 }, payload: new Uint8Array(0),
  };
}

describe.skipIf(skip !== null)('the bridge plumbing to the Linux kernel', () => {
  let tunnel: UdpTunnel;
  let ns: Namespace;
  const seen: Seen[] = [];
  const bad: string[] = [];

  beforeAll(async () => {
    const t = await UdpTunnel.open();
    if (typeof t === 'string') throw new Error(t);
    tunnel = t;
    tunnel.onPacket((p) => {
      // Copy: the datagram's buffer is node's; parse and verify every checksum.
      const bytes = p.slice();
      const ip = parseIpv4(bytes, true);
      if (isWireError(ip)) { bad.push(`ipv4 ${ip.field}: ${ip.detail}`); return; }
      if (ip.protocol !== IPPROTO_TCP) return;
      const tcp = parseTcp(ipv4Payload(bytes, ip), ip.src, ip.dst);
      if (isWireError(tcp)) { bad.push(`tcp ${tcp.field}: ${tcp.detail}`); return; }
      seen.push({ ip, tcp });
    });
    const n = await Namespace.open({ userPort: tunnel.userPort, socatPort: tunnel.socatPort });
    if (typeof n === 'string') { tunnel.close(); throw new Error(n); }
    ns = n;
  });

  afterAll(async () => {
    const name = ns?.name;
    await ns?.close();
    tunnel?.close();
    if (name) expect(namespaceExists(name)).toBe(false);
  });

  it('answers a SYN to a kernel nc -l listener with a SYN-ACK whose checksums are valid', async () => {
    const nc = ns.start(['nc', '-l', '9000']);
    expect(typeof nc).not.toBe('string');
    expect(await eventually(() => ns.isListening(9000), 5000)).toBe(true);
    const iss = 0x12345678;
    tunnel.send(tcpPacket(syn(40000, 9000, iss), 1));
    const got = await eventually(() => seen.some((s) => s.tcp.dstPort === 40000), 5000);
    expect(got).toBe(true);
    const reply = seen.find((s) => s.tcp.dstPort === 40000)!;
    expect(reply.ip.src).toBe(KERNEL);
    expect(reply.ip.dst).toBe(LAB);
    expect(reply.tcp.srcPort).toBe(9000);
    expect(reply.tcp.flags & (TCP_SYN | TCP_ACK | TCP_RST)).toBe(TCP_SYN | TCP_ACK);
    expect(reply.tcp.ack).toBe(seqAdd(seq(iss), 1));
    expect(reply.tcp.options.mss).toBeGreaterThan(0);
    expect(bad).toEqual([]);
    // Abort our half-open connection so the kernel stops retransmitting its SYN-ACK.
    tunnel.send(tcpPacket({ ...syn(40000, 9000, iss + 1), flags: TCP_RST, options: {} }, 2));
    if (typeof nc !== 'string') await ns.stop(nc);
  });

  it('answers a SYN to a closed port with a RST-ACK', async () => {
    tunnel.send(tcpPacket(syn(40001, 9001, 1000), 3));
    expect(await eventually(() => seen.some((s) => s.tcp.dstPort === 40001), 5000)).toBe(true);
    const reply = seen.find((s) => s.tcp.dstPort === 40001)!;
    expect(reply.tcp.flags & (TCP_RST | TCP_ACK)).toBe(TCP_RST | TCP_ACK);
    expect(reply.tcp.ack).toBe(seq(1001));
    expect(bad).toEqual([]);
  });

  it('carries the kernel\'s own SYN to 10.77.0.2 out through the tunnel', async () => {
    const nc = ns.start(['nc', '-z', '-w', '2', DEFAULT_LAB_ADDR, '8080']);
    expect(await eventually(() => seen.some((s) => s.tcp.dstPort === 8080 && s.tcp.flags === TCP_SYN), 5000)).toBe(true);
    const synSeen = seen.find((s) => s.tcp.dstPort === 8080)!;
    expect(synSeen.ip.src).toBe(KERNEL);
    expect(synSeen.ip.dst).toBe(LAB);
    expect(bad).toEqual([]);
    if (typeof nc !== 'string') await ns.stop(nc);
  });

  it('ignores datagrams that do not come from socat', async () => {
    const { default: dgram } = await import('node:dgram');
    const stranger = dgram.createSocket('udp4');
    const before = tunnel.receivedPackets;
    await new Promise<void>((r) => stranger.send(new Uint8Array(20), tunnel.userPort, '127.0.0.1', () => r()));
    expect(await eventually(() => tunnel.foreignDatagrams > 0, 2000)).toBe(true);
    expect(tunnel.receivedPackets).toBe(before);
    stranger.close();
  });

  it('shapes both directions once impaired: the lab\'s packets pass through the ifb and still arrive', async () => {
    // tbf stands in for netem here (not every kernel has netem); the redirect is the same.
    const r = impairBothWays(ns, ['tbf', 'rate', '100mbit', 'burst', '64kb', 'latency', '50ms']);
    expect(r.ok ? '' : r.message).toBe('');
    const nc = ns.start(['nc', '-l', '9002']);
    expect(await eventually(() => ns.isListening(9002), 5000)).toBe(true);
    tunnel.send(tcpPacket(syn(40002, 9002, 5000), 4));
    expect(await eventually(() => seen.some((s) => s.tcp.dstPort === 40002), 5000)).toBe(true);
    const ifb = ns.tunName.replace(/^olt/, 'olb');
    const stats = ns.run(['tc', '-s', 'qdisc', 'show', 'dev', ifb]);
    const sent = stats.ok ? Number(/Sent \d+ bytes (\d+) pkt/.exec(stats.stdout)?.[1] ?? 0) : 0;
    expect(sent).toBeGreaterThan(0);
    tunnel.send(tcpPacket({ ...syn(40002, 9002, 5001), flags: TCP_RST, options: {} }, 5));
    if (typeof nc !== 'string') await ns.stop(nc);
  });
});

describe.skipIf(skip !== null)('sweepStaleNamespaces', () => {
  it('deletes a namespace left by a dead bridge process and keeps one whose process lives', () => {
    const dead = spawnSync('true').pid!; // exited by now
    const stale = `offlab-${dead}-1`;
    const live = `offlab-${process.pid}-99`;
    try {
      expect(runHost('ip', ['netns', 'add', stale]).ok).toBe(true);
      expect(runHost('ip', ['netns', 'add', live]).ok).toBe(true);
      expect(sweepStaleNamespaces()).toContain(stale);
      expect(namespaceExists(stale)).toBe(false);
      expect(namespaceExists(live)).toBe(true);
    } finally {
      runHost('ip', ['netns', 'del', stale]);
      runHost('ip', ['netns', 'del', live]);
    }
  });
});
