// Wireshark's dissectors judge the lab's bytes: a pcapng written by the
// project's own writer, holding ARP, a TCP handshake with Linux-style options,
// data both ways across a sequence-number wrap, a UDP datagram, a UDP datagram
// split into an IPv4 fragment pair, and a FIN teardown, must show no errors,
// no warnings and no malformed packets with checksum validation on, and
// tshark's reassembled TCP stream must equal the bytes sent.
import { afterAll, describe, expect, it } from 'vitest';
import { MAC_BROADCAST } from './ethernet';
import { captured } from './fixtures/frames';
import { buildArpFrame, buildIpv4Frame, buildTcpFrame, buildUdpFrame, parseFrame } from './frame';
import { ipv4 } from './ipv4-addr';
import { readPcapng } from './pcapng-reader';
import { PcapngWriter } from './pcapng-writer';
import { seq, seqAdd, type SeqNumber } from './seq';
import { ok } from './testing/assert';
import { TSHARK_MISSING_MESSAGE, tsharkAvailable, tsharkExpert, tsharkFields, tsharkFollowTcp, removeTempCaptures, writeTempCapture } from './testing/tshark';
import {
  IPPROTO_UDP,
  TCP_ACK,
  TCP_FIN,
  TCP_PSH,
  TCP_SYN,
  type EthernetRepr,
  type Ipv4Repr,
  type TcpOptions,
} from './types';
import { emitUdp, UDP_HEADER_LEN } from './udp';

afterAll(removeTempCaptures);

const HAVE_TSHARK = tsharkAvailable();
if (!HAVE_TSHARK) console.warn(TSHARK_MISSING_MESSAGE);

const DECODE_AS_DATA = ['-d', 'tcp.port==5000,data', '-d', 'udp.port==5001,data', '-d', 'udp.port==5002,data'];

const C = { mac: 0x020000000001, ip: ipv4('10.0.0.1'), port: 40000 };
const S = { mac: 0x020000000002, ip: ipv4('10.0.0.2'), port: 5000 };

function pattern(n: number, salt: number): Uint8Array {
  const b = new Uint8Array(n);
  for (let i = 0; i < n; i++) b[i] = (i * 7 + salt + (i >> 8)) & 0xff;
  return b;
}

interface Capture {
  file: Uint8Array;
  clientBytes: Uint8Array;
  serverBytes: Uint8Array;
  fragmentedPayload: Uint8Array;
  frames: number;
}

/** Build the conversation frame by frame, as two Linux hosts would exchange it. */
function buildCapture(): Capture {
  const writer = new PcapngWriter({ application: 'offload-lab wire test' });
  const iface = writer.addInterface({ name: 'lab0' });
  const buf = new Uint8Array(2048);
  let now = 1_000_000; // ns
  let ipId = 0x1000;
  let frames = 0;
  const put = (len: number | { wireError: true }): void => {
    if (typeof len !== 'number') throw new Error(`frame not built: ${JSON.stringify(len)}`);
    expect(writer.writePacket(iface, now, buf.subarray(0, len))).toBeUndefined();
    frames++;
    now += 12_345;
  };
  const eth = (from: typeof C, to: typeof C): EthernetRepr => ({ src: from.mac, dst: to.mac, etherType: 0x0800 });
  const ip = (from: typeof C, to: typeof C, extra: Partial<Ipv4Repr> = {}): Ipv4Repr => ({
    src: from.ip, dst: to.ip, protocol: 6, ttl: 64, identification: ipId++, dscp: 0, ecn: 0,
    dontFragment: true, moreFragments: false, fragmentOffset: 0, payloadLength: 0, ...extra,
  });

  // ARP: who-has 10.0.0.2, and the reply.
  put(buildArpFrame({ src: C.mac, dst: MAC_BROADCAST, etherType: 0 },
    { operation: 1, senderMac: C.mac, senderIp: C.ip, targetMac: 0, targetIp: S.ip }, buf));
  put(buildArpFrame({ src: S.mac, dst: C.mac, etherType: 0 },
    { operation: 2, senderMac: S.mac, senderIp: S.ip, targetMac: C.mac, targetIp: C.ip }, buf));

  // TCP. The server's ISN sits just below 2^32, so its data wraps the sequence space.
  let cSeq: SeqNumber = seq(1_000_000);
  let sSeq: SeqNumber = seq(0xfffffff0);
  let cTs = 100;
  let sTs = 5000;
  const seg = (from: typeof C, to: typeof C, s: SeqNumber, a: SeqNumber, flags: number, window: number, options: TcpOptions, payload: Uint8Array = new Uint8Array(0)): void => {
    put(buildTcpFrame(eth(from, to), ip(from, to), {
      srcPort: from.port, dstPort: to.port, seq: s, ack: a, flags, window, urgentPointer: 0, options, payload,
    }, buf));
  };
  const cTsOpt = (): TcpOptions => ({ timestamps: { tsVal: cTs++, tsEcr: sTs } });
  const sTsOpt = (): TcpOptions => ({ timestamps: { tsVal: sTs++, tsEcr: cTs } });

  seg(C, S, cSeq, seq(0), TCP_SYN, 64240, { mss: 1460, sackPermitted: true, timestamps: { tsVal: cTs, tsEcr: 0 }, windowScale: 7 });
  seg(S, C, sSeq, seqAdd(cSeq, 1), TCP_SYN | TCP_ACK, 65160, { mss: 1460, sackPermitted: true, timestamps: { tsVal: sTs, tsEcr: cTs }, windowScale: 7 });
  cSeq = seqAdd(cSeq, 1);
  sSeq = seqAdd(sSeq, 1);
  seg(C, S, cSeq, sSeq, TCP_ACK, 502, cTsOpt());

  const clientBytes = pattern(3000, 1);
  for (let off = 0; off < clientBytes.length; off += 1448) {
    const chunk = clientBytes.subarray(off, Math.min(off + 1448, clientBytes.length));
    const last = off + chunk.length === clientBytes.length;
    seg(C, S, cSeq, sSeq, TCP_ACK | (last ? TCP_PSH : 0), 502, cTsOpt(), chunk);
    cSeq = seqAdd(cSeq, chunk.length);
  }
  seg(S, C, sSeq, cSeq, TCP_ACK, 509, sTsOpt());

  const serverBytes = pattern(2000, 99);
  for (let off = 0; off < serverBytes.length; off += 1448) {
    const chunk = serverBytes.subarray(off, Math.min(off + 1448, serverBytes.length));
    const last = off + chunk.length === serverBytes.length;
    seg(S, C, sSeq, cSeq, TCP_ACK | (last ? TCP_PSH : 0), 509, sTsOpt(), chunk);
    sSeq = seqAdd(sSeq, chunk.length);
  }
  seg(C, S, cSeq, sSeq, TCP_ACK, 502, cTsOpt());

  // A UDP datagram that fits in one frame.
  put(buildUdpFrame(eth(C, S), ip(C, S, { protocol: IPPROTO_UDP, dontFragment: false }),
    { srcPort: 40001, dstPort: 5001, payload: new TextEncoder().encode('a datagram from the lab') }, buf));

  // A UDP datagram of 2008 bytes carried in two IPv4 fragments (RFC 791 section 2.3):
  // 1480 bytes at offset 0 with MF, then 528 bytes at offset 1480.
  const fragmentedPayload = pattern(2000, 42);
  const datagram = new Uint8Array(UDP_HEADER_LEN + fragmentedPayload.length);
  emitUdp({ srcPort: 40002, dstPort: 5002, payload: fragmentedPayload }, datagram, 0, C.ip, S.ip);
  const fragId = ipId++;
  const first = datagram.subarray(0, 1480);
  const rest = datagram.subarray(1480);
  const fragIp = (offset: number, more: boolean, len: number): Ipv4Repr =>
    ip(C, S, { protocol: IPPROTO_UDP, identification: fragId, dontFragment: false, moreFragments: more, fragmentOffset: offset, payloadLength: len });
  put(buildIpv4Frame(eth(C, S), fragIp(0, true, first.length), first, buf));
  put(buildIpv4Frame(eth(C, S), fragIp(1480, false, rest.length), rest, buf));

  // Teardown: FIN from the client, FIN+ACK from the server, last ACK.
  seg(C, S, cSeq, sSeq, TCP_FIN | TCP_ACK, 502, cTsOpt());
  cSeq = seqAdd(cSeq, 1);
  seg(S, C, sSeq, cSeq, TCP_FIN | TCP_ACK, 509, sTsOpt());
  sSeq = seqAdd(sSeq, 1);
  seg(C, S, cSeq, sSeq, TCP_ACK, 502, cTsOpt());

  return { file: writer.toBytes(), clientBytes, serverBytes, fragmentedPayload, frames };
}

describe('a pcapng written by the lab', () => {
  const capture = buildCapture();

  it('reads back with the project reader, every frame parsing with good checksums', () => {
    const f = ok(readPcapng(capture.file));
    expect(f.interfaces[0]!.tsResolution).toEqual({ base: 10, exponent: 9 });
    expect(f.packets).toHaveLength(capture.frames);
    for (const p of f.packets) ok(parseFrame(p.data));
    expect(f.packets[0]!.data.length).toBeGreaterThanOrEqual(60);
    expect(f.packets[1]!.timestampNs - f.packets[0]!.timestampNs).toBe(12_345n);
  });

  describe.skipIf(!HAVE_TSHARK)(HAVE_TSHARK ? 'judged by tshark' : TSHARK_MISSING_MESSAGE, () => {
    const path = HAVE_TSHARK ? writeTempCapture(capture.file, 'wire.pcapng') : '';

    it('shows zero errors, zero warnings and zero malformed packets with checksum validation on', () => {
      const report = tsharkExpert(path, DECODE_AS_DATA);
      const serious = report.entries.filter((e) => e.severity === 'error' || e.severity === 'warning');
      expect(serious).toEqual([]);
      expect(report.errors).toBe(0);
      expect(report.warnings).toBe(0);
      expect(report.malformed).toBe(0);
      expect(report.chats).toBeGreaterThan(0); // the SYN at least: tshark did read the file
    });

    it('finds every checksum good and every frame where it belongs', () => {
      const fields = ['frame.number', 'eth.type', 'ip.flags.mf', 'ip.checksum.status', 'tcp.checksum.status', 'udp.checksum.status'];
      const rows = tsharkFields(path, fields, undefined, DECODE_AS_DATA);
      expect(rows).toHaveLength(capture.frames);
      for (const [n, type, mf, ipSum, tcpSum, udpSum] of rows) {
        if (type === '0x0806') continue; // ARP
        expect(ipSum, `frame ${n} IPv4`).toBe('1'); // 1 = Good
        // A first fragment has no transport checksum of its own; the last one carries the reassembled datagram's.
        expect([tcpSum, udpSum].filter((s) => s !== ''), `frame ${n}`).toEqual(mf === '1' ? [] : ['1']);
      }
    });

    it('reassembles the fragment pair into the UDP datagram that was sent', () => {
      const rows = tsharkFields(path, ['ip.frag_offset', 'udp.length', 'udp.checksum.status', 'data.data'], 'udp.dstport == 5002', DECODE_AS_DATA);
      expect(rows).toHaveLength(1);
      const [, udpLength, udpSum, data] = rows[0]!;
      expect(udpLength).toBe(String(8 + capture.fragmentedPayload.length));
      expect(udpSum).toBe('1');
      expect(data).toBe(Buffer.from(capture.fragmentedPayload).toString('hex'));
    });

    it('reassembles the TCP stream into exactly the bytes sent each way, across the sequence wrap', () => {
      const stream = tsharkFollowTcp(path, 0, DECODE_AS_DATA);
      expect(stream.node0).toBe('10.0.0.1:40000');
      expect(stream.node1).toBe('10.0.0.2:5000');
      expect(stream.fromNode0).toEqual(capture.clientBytes);
      expect(stream.fromNode1).toEqual(capture.serverBytes);
    });

    it('would notice a bad checksum and a malformed frame (the judge can say no)', () => {
      const w = new PcapngWriter();
      w.addInterface();
      const badSum = captured.tcpSyn.bytes.slice();
      badSum[60] = badSum[60]! ^ 0xff;
      w.writePacket(0, 0, badSum);
      const malformed = captured.tcpDataFromClient.bytes.slice();
      malformed[46] = 0xf0; // TCP data offset 15 words: header beyond the segment
      w.writePacket(0, 1, malformed);
      w.writePacket(0, 2, captured.tcpSyn.bytes.subarray(0, 40)); // cut inside the TCP header
      const report = tsharkExpert(writeTempCapture(w.toBytes()), DECODE_AS_DATA);
      expect(report.entries.some((e) => e.severity === 'error' && e.group === 'Checksum')).toBe(true);
      expect(report.errors).toBeGreaterThanOrEqual(3);
      expect(report.malformed).toBeGreaterThanOrEqual(1);
    });

    it('sees the options in the Linux layout it expects', () => {
      const rows = tsharkFields(path, ['tcp.options.mss_val', 'tcp.options.wscale.shift', 'tcp.options.sack_perm', 'tcp.options.timestamp.tsval'], 'tcp.flags.syn == 1');
      expect(rows.map((r) => [r[0], r[1], r[3]])).toEqual([['1460', '7', '100'], ['1460', '7', '5000']]);
    });
  });
});
