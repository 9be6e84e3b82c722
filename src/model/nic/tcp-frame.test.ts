// TSO/GSO segmentation and LRO/GRO aggregation on real frame bytes: what they
// produce parses with valid checksums, carries the right lengths, ids,
// sequence numbers and flags, and preserves every payload byte in order.
import { describe, expect, it } from 'vitest';
import { FramePool } from '../../net/link';
import {
  TCP_ACK, TCP_FIN, TCP_PSH, buildTcpFrame, isWireError, parseFrame, seq, tcpFrameLen, type Ipv4Repr, type TcpRepr,
} from '../../net/wire';
import { TcpAggregator } from './aggregator';
import { segmentTcpFrame } from './tcp-frame';

const SRC = 0x0a000001;
const DST = 0x0a000002;

function frame(seqNo: number, payload: Uint8Array, flags = TCP_ACK, id = 100, tsVal = 7): Uint8Array {
  const tcp: TcpRepr = {
    srcPort: 40000, dstPort: 5001, seq: seq(seqNo), ack: seq(12345), flags, window: 2000, urgentPointer: 0,
    options: { timestamps: { tsVal, tsEcr: 3 } }, payload,
  };
  const ip: Ipv4Repr = {
    src: SRC, dst: DST, protocol: 6, ttl: 64, identification: id, dscp: 0, ecn: 0, dontFragment: true,
    moreFragments: false, fragmentOffset: 0, payloadLength: 0,
  };
  const buf = new Uint8Array(tcpFrameLen(tcp));
  const n = buildTcpFrame({ dst: 0x020000000002, src: 0x020000000001, etherType: 0x0800 }, ip, tcp, buf);
  if (typeof n !== 'number') throw new Error(n.detail);
  return buf.subarray(0, n);
}

function bytes(n: number, start = 0): Uint8Array {
  const b = new Uint8Array(n);
  for (let i = 0; i < n; i++) b[i] = (start + i * 7) & 0xff;
  return b;
}

function parsed(f: Uint8Array) {
  const p = parseFrame(f);
  if (isWireError(p)) throw new Error(`${p.field}: ${p.detail}`);
  return p;
}

describe('segmentTcpFrame (TSO and GSO)', () => {
  it('cuts a 10,000-byte super-frame into valid MTU-sized frames with advancing seq and ids, FIN and PSH on the last', () => {
    const data = bytes(10_000);
    const out: Uint8Array[] = [];
    const n = segmentTcpFrame(frame(1_000_000, data, TCP_ACK | TCP_PSH | TCP_FIN), 1500, new FramePool(), out);
    const sizes = out.map((f) => f.length);
    console.log(`${n} frames of ${sizes.join(', ')} bytes`);
    expect(n).toBe(7);
    const joined: number[] = [];
    out.forEach((f, i) => {
      const p = parsed(f);
      expect(f.length).toBeLessThanOrEqual(1514);
      expect(p.ip!.identification).toBe(100 + i);
      expect(p.tcp!.seq).toBe((1_000_000 + i * 1448) >>> 0);
      const last = i === out.length - 1;
      expect((p.tcp!.flags & TCP_FIN) !== 0).toBe(last);
      expect((p.tcp!.flags & TCP_PSH) !== 0).toBe(last);
      expect(p.tcp!.options.timestamps).toEqual({ tsVal: 7, tsEcr: 3 });
      joined.push(...p.payload);
    });
    expect(Uint8Array.from(joined)).toEqual(data);
  });

  it('refuses what is not TCP over IPv4', () => {
    const arp = new Uint8Array(60);
    arp[12] = 0x08;
    arp[13] = 0x06;
    expect(segmentTcpFrame(arp, 1500, new FramePool(), [])).toBe(0);
  });
});

describe('TcpAggregator (LRO and GRO)', () => {
  it('merges in-order segments of a flow into one valid frame carrying every byte', () => {
    const data = bytes(1448 * 5);
    const agg = new TcpAggregator(new FramePool());
    const out: Uint8Array[] = [];
    for (let i = 0; i < 5; i++) {
      const flags = i === 4 ? TCP_ACK | TCP_PSH : TCP_ACK;
      expect(agg.offer(frame(5000 + i * 1448, data.subarray(i * 1448, (i + 1) * 1448), flags, 10 + i), out)).toBe(true);
    }
    // PSH closed the aggregate.
    expect(out.length).toBe(1);
    const p = parsed(out[0]!);
    console.log(`merged frame: ${out[0]!.length} bytes, seq ${p.tcp!.seq}, flags 0x${p.tcp!.flags.toString(16)}, ${agg.counters.merged} merges`);
    expect(p.tcp!.seq).toBe(5000);
    expect(p.tcp!.flags).toBe(TCP_ACK | TCP_PSH);
    expect(p.payload).toEqual(data);
    expect(agg.counters.merged).toBe(4);
  });

  it('keeps order: a pure ACK, a gap or a new timestamp flushes the aggregate first', () => {
    const agg = new TcpAggregator(new FramePool());
    const out: Uint8Array[] = [];
    const d = bytes(1000);
    expect(agg.offer(frame(0, d), out)).toBe(true);
    expect(agg.offer(frame(1000, d), out)).toBe(true);
    // Out of order: flushes the two merged, starts again.
    expect(agg.offer(frame(5000, d), out)).toBe(true);
    expect(out.length).toBe(1);
    expect(parsed(out[0]!).payload.length).toBe(2000);
    // A new timestamp value: not mergeable with the held one.
    expect(agg.offer(frame(6000, d, TCP_ACK, 1, 8), out)).toBe(true);
    expect(out.length).toBe(2);
    // A pure ACK of the same flow: the held aggregate goes first, the ACK is passed on.
    expect(agg.offer(frame(7000, new Uint8Array(0)), out)).toBe(false);
    expect(out.length).toBe(3);
    expect(parsed(out[2]!).tcp!.seq).toBe(6000);
    agg.flushAll(out);
    expect(out.length).toBe(3);
  });

  it('never builds an IP datagram above its limit', () => {
    const agg = new TcpAggregator(new FramePool(), 65535);
    const out: Uint8Array[] = [];
    const d = bytes(1448);
    for (let i = 0; i < 100; i++) agg.offer(frame(i * 1448, d), out);
    agg.flushAll(out);
    const lens = out.map((f) => f.length - 14);
    console.log(`100 segments -> ${out.length} aggregates, largest IP datagram ${Math.max(...lens)} B`);
    expect(Math.max(...lens)).toBeLessThanOrEqual(65535);
    expect(out.reduce((s, f) => s + parsed(f).payload.length, 0)).toBe(144_800);
  });
});
