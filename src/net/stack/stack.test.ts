import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  Processor, Simulator, categoryIndex, gbps, hz, layerName, micros, millis, seconds, type LayerId, type Nanos,
} from '../../sim';
import { Link } from '../link';
import { fillPayload } from '../payload';
import {
  IPPROTO_UDP, TCP_ACK, TCP_RST, TCP_SYN, buildIpv4Frame, buildTcpFrame, parseFrame, isWireError, seq,
  type Ipv4Repr, type TcpRepr,
} from '../wire';
import type { Fd } from './api';
import { isSysError } from './errno';
import { Stack } from './stack';
import { ADDR_A, ADDR_B, MAC_A, MAC_B, twoHosts, type TwoHostWorld } from './testing/world';
import { connectPair, type SocketWorld } from './testing/socket-suite';
import { runBulk } from '../scenario-tests/harness';

const MS = 1_000_000;

function socketWorld(w: TwoHostWorld): SocketWorld {
  return { client: w.a, server: w.b, clientAddr: ADDR_A, serverAddr: ADDR_B, deadAddr: 0x0a000063, run: (ns) => w.runFor(ns) };
}

function ipHeader(over: Partial<Ipv4Repr> = {}): Ipv4Repr {
  return {
    src: ADDR_A, dst: ADDR_B, protocol: 6, ttl: 64, identification: 1, dscp: 0, ecn: 0, dontFragment: true,
    moreFragments: false, fragmentOffset: 0, payloadLength: 0, ...over,
  };
}

function tcpSeg(over: Partial<TcpRepr> = {}): TcpRepr {
  return {
    srcPort: 40000, dstPort: 9999, seq: seq(1000), ack: seq(0), flags: TCP_SYN, window: 65535, urgentPointer: 0,
    options: {}, payload: new Uint8Array(0), ...over,
  };
}

function frameOf(tcp: TcpRepr, ip = ipHeader()): Uint8Array {
  const buf = new Uint8Array(2000);
  const n = buildTcpFrame({ dst: MAC_B, src: MAC_A, etherType: 0x0800 }, ip, tcp, buf) as number;
  return buf.slice(0, n);
}

/** Records frames leaving host b (on the wire b -> a) with their times. */
function tapB(w: TwoHostWorld): { t: number; f: Uint8Array }[] {
  const out: { t: number; f: Uint8Array }[] = [];
  w.link.bToA.tap = { onFrame: (t, f) => void out.push({ t, f: f.slice() }) };
  return out;
}

describe('Stack', () => {
  it('answers a segment for a port nobody listens on with a reset (RFC 9293 3.10.7.1)', () => {
    const w = twoHosts({ staticArp: true });
    const sent = tapB(w);
    w.b.receiveFrame(frameOf(tcpSeg()));
    w.runFor(MS);
    expect(w.b.drops.get('tcp-no-socket')).toBe(1);
    expect(sent.length).toBe(1);
    const p = parseFrame(sent[0]!.f);
    if (isWireError(p)) throw new Error(p.detail);
    expect(p.tcp!.flags).toBe(TCP_RST | TCP_ACK);
    expect(p.tcp!.ack).toBe(1001);
    expect(p.ip!.ttl).toBe(64);
  });

  it('never answers a reset with a reset', () => {
    const w = twoHosts({ staticArp: true });
    const sent = tapB(w);
    w.b.receiveFrame(frameOf(tcpSeg({ flags: TCP_RST })));
    w.runFor(MS);
    expect(sent.length).toBe(0);
  });

  it('counts malformed frames by reason and drops them', () => {
    const w = twoHosts({ staticArp: true });
    const good = frameOf(tcpSeg());
    const badIpSum = good.slice();
    badIpSum[24] = badIpSum[24]! ^ 0xff;
    const badTcpSum = good.slice();
    badTcpSum[50] = badTcpSum[50]! ^ 0x01;
    const notForUs = good.slice();
    notForUs[0] = 0x04;
    const otherIp = frameOf(tcpSeg(), ipHeader({ dst: 0x0a000009 }));
    w.b.receiveFrame(good.subarray(0, 10));
    w.b.receiveFrame(good.subarray(0, 30));
    w.b.receiveFrame(badIpSum);
    w.b.receiveFrame(badTcpSum);
    w.b.receiveFrame(notForUs);
    w.b.receiveFrame(otherIp);
    w.runFor(MS);
    expect(w.b.drops.snapshot()).toEqual({
      'ethernet-not-for-us': 1,
      'ethernet-truncated': 1,
      'ipv4-checksum': 1,
      'ipv4-not-for-us': 1,
      'ipv4-truncated': 1,
      'tcp-checksum': 1,
    });
  });

  it('survives arbitrary hostile frames without throwing, and an established connection carries on intact', () => {
    const w = twoHosts({ seed: 3, staticArp: true });
    const [c, s] = connectPair(socketWorld(w), 7000);
    const template = frameOf(tcpSeg({ dstPort: 7000, flags: TCP_ACK, payload: new Uint8Array(100) }));
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ minLength: 0, maxLength: 1600 }),
          fc.array(fc.tuple(fc.nat({ max: template.length - 1 }), fc.nat({ max: 255 })), { maxLength: 8 }).map((edits) => {
            const f = template.slice();
            for (const [i, v] of edits) f[i] = v;
            return f;
          }),
        ),
        (frame) => {
          expect(() => w.b.receiveFrame(frame)).not.toThrow();
        },
      ),
      { numRuns: 400, seed: 42 },
    );
    w.runFor(10 * MS);
    // The connection still moves 200 KB intact both ways after the barrage.
    const data = new Uint8Array(200_000);
    fillPayload(77, 0, data);
    let sent = 0;
    const send = (): void => {
      while (sent < data.length) {
        const r = w.a.send(c, data.subarray(sent), (x) => { if (!isSysError(x)) { sent += x; send(); } });
        if (typeof r !== 'number') return;
        sent += r;
      }
    };
    send();
    const got = new Uint8Array(200_000);
    let n = 0;
    for (let i = 0; i < 200 && n < got.length; i++) {
      w.runFor(MS);
      for (;;) {
        const r = w.b.recv(s, got.subarray(n));
        if (typeof r !== 'number' || r === 0) break;
        n += r;
      }
    }
    expect(n).toBe(200_000);
    expect(Buffer.from(got).equals(Buffer.from(data))).toBe(true);
    expect(w.b.drops.get('internal-error')).toBe(0);
    expect(w.b.drops.get('tcp-internal-error')).toBe(0);
  });

  it('well-formed hostile segments aimed at a live connection (random seq, ack, flags, options) do not break it', () => {
    const w = twoHosts({ seed: 8, staticArp: true });
    const [c, s] = connectPair(socketWorld(w), 7000);
    const clientPort = (w.a.getsockname(c) as { port: number }).port;
    const before = w.b.connectionOf(s)!.counters.segmentsReceived;
    fc.assert(
      fc.property(
        fc.record({
          seq: fc.nat({ max: 0xffffffff }), ack: fc.nat({ max: 0xffffffff }), flags: fc.nat({ max: 0xff }),
          window: fc.nat({ max: 0xffff }), urgentPointer: fc.nat({ max: 0xffff }),
          mss: fc.option(fc.nat({ max: 0xffff }), { nil: undefined }),
          windowScale: fc.option(fc.nat({ max: 255 }), { nil: undefined }),
          ts: fc.option(fc.tuple(fc.nat({ max: 0xffffffff }), fc.nat({ max: 0xffffffff })), { nil: undefined }),
          payload: fc.uint8Array({ maxLength: 200 }),
        }),
        (h) => {
          // A reset whose sequence number is exactly right would legitimately end the connection
          // (RFC 5961 3.2); random 32-bit numbers hit it with negligible probability.
          const seg = tcpSeg({
            srcPort: clientPort, dstPort: 7000, seq: seq(h.seq), ack: seq(h.ack), flags: h.flags, window: h.window,
            urgentPointer: h.urgentPointer, payload: h.payload,
            options: { mss: h.mss, windowScale: h.windowScale, timestamps: h.ts && { tsVal: h.ts[0], tsEcr: h.ts[1] } },
          });
          expect(() => w.b.receiveFrame(frameOf(seg))).not.toThrow();
        },
      ),
      { numRuns: 300, seed: 43 },
    );
    w.runFor(10 * MS);
    // Every one of them reached the connection (checksums valid, 4-tuple right).
    expect(w.b.connectionOf(s)!.counters.segmentsReceived - before).toBeGreaterThanOrEqual(300);
    expect(w.b.connectionOf(s)!.state).toBe('ESTABLISHED');
    const data = new Uint8Array(100_000);
    fillPayload(78, 0, data);
    let sent = 0;
    const pump = (): void => {
      while (sent < data.length) {
        const r = w.a.send(c, data.subarray(sent), (x) => { if (!isSysError(x)) { sent += x; pump(); } });
        if (typeof r !== 'number') return;
        sent += r;
      }
    };
    pump();
    const got = new Uint8Array(100_000);
    let n = 0;
    for (let i = 0; i < 200 && n < got.length; i++) {
      w.runFor(MS);
      for (;;) {
        const r = w.b.recv(s, got.subarray(n));
        if (typeof r !== 'number' || r === 0) break;
        n += r;
      }
    }
    expect(n).toBe(100_000);
    expect(Buffer.from(got).equals(Buffer.from(data))).toBe(true);
    expect(w.b.drops.get('tcp-internal-error')).toBe(0);
  });

  it('charges its work to its processor under the DESIGN.md 1.4 categories', () => {
    const w = twoHosts({ seed: 4 });
    const r = runBulk(w, 500_000);
    expect(r.received).toBe(500_000);
    const rx = w.cpuB.cyclesByCategory();
    const tx = w.cpuA.cyclesByCategory();
    for (const cat of ['syscall', 'socket', 'copy', 'checksum', 'tcp', 'ip'] as const) {
      expect(rx[categoryIndex(cat)]).toBeGreaterThan(0);
      expect(tx[categoryIndex(cat)]).toBeGreaterThan(0);
    }
    // Copy and checksum scale with the bytes: about a cycle and half a cycle per byte (the default table).
    expect(rx[categoryIndex('copy')]).toBeGreaterThan(500_000);
    expect(rx[categoryIndex('checksum')]).toBeGreaterThan(250_000);
    expect(rx[categoryIndex('udp')]).toBe(0);
  });

  it('with checksum offload charges no checksum cycles, yet its frames carry valid checksums', () => {
    const w = twoHosts({ seed: 4, checksumOffload: true });
    const r = runBulk(w, 300_000);
    expect(r.received).toBe(300_000);
    expect(w.cpuA.cyclesByCategory()[categoryIndex('checksum')]).toBe(0);
    expect(w.cpuB.cyclesByCategory()[categoryIndex('checksum')]).toBe(0);
    expect(w.b.drops.get('tcp-checksum')).toBe(0);
    expect(w.a.drops.get('tcp-checksum')).toBe(0);
  });

  it('releases frames only when its processor has done the work', () => {
    const timeOfSyn = (clock: number): number => {
      const sim = new Simulator({ seed: 1 });
      const link = new Link(sim, { rate: gbps(1), delay: micros(1) });
      const cpu = new Processor(sim, { name: 'slow', clock: hz(clock) });
      const a = new Stack({ name: 'a', sim, processor: cpu, mac: MAC_A, addr: ADDR_A, netif: link.aToB, staticArp: [{ addr: ADDR_B, mac: MAC_B }] });
      let at = -1;
      link.aToB.tap = { onFrame: (t) => void (at = at < 0 ? t : at) };
      const fd = a.socket('stream') as Fd;
      a.connect(fd, { addr: ADDR_B, port: 80 });
      sim.runUntil(seconds(1));
      return at;
    };
    const fast = timeOfSyn(3e9);
    const slow = timeOfSyn(1e6);
    expect(fast).toBeLessThan(2000);
    // The connect call's syscall, socket and TCP/IP send work (a few thousand cycles) take milliseconds at 1 MHz.
    expect(slow).toBeGreaterThan(1_000_000);
  });

  it('resolves its peer with ARP before the first frame, and drops what waits for an address nobody has', () => {
    const w = twoHosts({ seed: 9 });
    const r = runBulk(w, 10_000);
    expect(r.received).toBe(10_000);
    expect(w.a.out.counters.arpRequestsOut).toBe(1);
    expect(w.b.out.counters.arpRepliesOut).toBe(1);
    const fd = w.a.socket('stream') as Fd;
    w.a.connect(fd, { addr: 0x0a000063, port: 80 });
    w.runFor(seconds(5));
    expect(w.a.out.arp.counters.failed).toBeGreaterThanOrEqual(1);
    expect(w.a.out.arp.counters.unresolvedDrops).toBeGreaterThanOrEqual(1);
  });

  it('keeps sending to a neighbour whose entry went stale while refreshing it (no frame waits)', () => {
    const w = twoHosts({ seed: 9 });
    expect(runBulk(w, 10_000, { port: 5001 }).received).toBe(10_000);
    w.runFor(seconds(31));
    expect(runBulk(w, 10_000, { port: 5002, conn: 8 }).received).toBe(10_000);
    // Only the very first frame had to wait for resolution; later the stale entry was refreshed.
    expect(w.a.out.arp.counters.queued).toBe(1);
    expect(w.a.out.arp.counters.refreshes).toBeGreaterThanOrEqual(1);
    expect(w.a.out.arp.counters.expired).toBe(0);
  });

  it('drops and counts datagrams beyond a UDP socket\'s SO_RCVBUF', () => {
    const w = twoHosts({ seed: 2, staticArp: true });
    const u = w.b.socket('dgram') as Fd;
    w.b.bind(u, { addr: 0, port: 9000 });
    expect(w.b.setsockopt(u, 'SO_RCVBUF', 5000)).toBe(0);
    const v = w.a.socket('dgram') as Fd;
    for (let i = 0; i < 10; i++) expect(w.a.sendto(v, new Uint8Array(1000), { addr: ADDR_B, port: 9000 })).toBe(1000);
    w.runFor(10 * MS);
    expect(w.b.drops.get('udp-rcvbuf-full')).toBe(5);
    let n = 0;
    while (!isSysError(w.b.recvfrom(u, new Uint8Array(2000)))) n += 1;
    expect(n).toBe(5);
    w.b.receiveFrame(new Uint8Array(0));
    expect(w.b.drops.get('ethernet-truncated')).toBe(1);
  });

  it('drops a lone fragment when reassembly times out after 30 s', () => {
    const w = twoHosts({ staticArp: true });
    const buf = new Uint8Array(2000);
    const n = buildIpv4Frame(
      { dst: MAC_B, src: MAC_A, etherType: 0x0800 },
      ipHeader({ protocol: IPPROTO_UDP, moreFragments: true, dontFragment: false, payloadLength: 800 }),
      new Uint8Array(800), buf,
    ) as number;
    w.b.receiveFrame(buf.subarray(0, n));
    expect(w.b.reassembler.pendingDatagrams).toBe(1);
    w.runFor(seconds(29.9));
    expect(w.b.reassembler.pendingDatagrams).toBe(1);
    w.runFor(millis(200));
    expect(w.b.reassembler.pendingDatagrams).toBe(0);
    expect(w.b.reassembler.counters.timeouts).toBe(1);
  });

  it('records its layer crossings in the sim trace: tcp/ip segments and ip/netdev frames, with cycles', () => {
    const w = twoHosts({ seed: 4, staticArp: true });
    runBulk(w, 20_000);
    const recs = w.sim.trace.toArray();
    const names = (r: { from: number; to: number }) => `${layerName(r.from as LayerId)}>${layerName(r.to as LayerId)}`;
    const byA = recs.filter((r) => r.processor === w.cpuA.id).map(names);
    const byB = recs.filter((r) => r.processor === w.cpuB.id).map(names);
    for (const k of ['tcp>ip', 'ip>netdev', 'netdev>ip', 'ip>tcp']) {
      expect(byA).toContain(k);
      expect(byB).toContain(k);
    }
    const dataIn = recs.filter((r) => r.processor === w.cpuB.id && names(r) === 'ip>tcp' && r.bytes > 0);
    expect(dataIn.reduce((n, r) => n + r.bytes, 0)).toBe(20_000);
    expect(recs.filter((r) => names(r) === 'tcp>ip').every((r) => r.cycles > 0)).toBe(true);
  });

  it('is deterministic: the same seed gives the same frames at the same times', () => {
    const trace = (): string => {
      const w = twoHosts({ seed: 21, faultsAtoB: { loss: 0.02 } });
      const out: string[] = [];
      w.link.aToB.tap = { onFrame: (t: Nanos, f) => void out.push(`${t}:${f.length}:${f[38]}`) };
      runBulk(w, 100_000);
      return out.join(',');
    };
    expect(trace()).toBe(trace());
  });
});
