import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { captured, tcpAckWithSack } from './fixtures/frames';
import { buildArpFrame, buildIpv4Frame, buildTcpFrame, buildUdpFrame, parseFrame, tcpFrameLen } from './frame';
import { ethernetRepr, ipv4Repr, tcpRepr, udpRepr } from './testing/arbitraries';
import { expectWireError, filledA5, ok } from './testing/assert';
import { isWireError, type TcpRepr, type UdpRepr } from './types';

describe('whole frames', () => {
  it('parses every captured frame into its layers and rebuilds it byte for byte', () => {
    for (const [name, { bytes }] of Object.entries(captured)) {
      const f = ok(parseFrame(bytes));
      const buf = filledA5(Math.max(60, bytes.length));
      let n: ReturnType<typeof parseFrame> | number;
      if (f.arp) n = buildArpFrame(f.eth, f.arp, buf);
      else if (f.tcp) n = buildTcpFrame(f.eth, f.ip!, { ...f.tcp, payload: f.tcp.payload.slice() }, buf);
      else if (f.udp) n = buildUdpFrame(f.eth, f.ip!, { ...f.udp, payload: f.udp.payload.slice() }, buf);
      else n = buildIpv4Frame(f.eth, f.ip!, f.payload.slice(), buf);
      expect(n, name).toBe(buf.length);
      expect(buf.subarray(0, bytes.length), name).toEqual(bytes);
      // Frames under 60 bytes (ARP, the small UDP datagram) are padded with zeros.
      expect(buf.subarray(bytes.length).every((b) => b === 0), name).toBe(true);
    }
  });

  it('names the layers it found', () => {
    expect(ok(parseFrame(captured.arpRequest.bytes)).arp?.operation).toBe(1);
    const data = ok(parseFrame(captured.tcpDataFromServer.bytes));
    expect(new TextDecoder().decode(data.payload)).toBe('reply from server');
    expect(ok(parseFrame(tcpAckWithSack)).tcp?.options.sackBlocks).toHaveLength(2);
    const frag = ok(parseFrame(captured.ipv4FirstFragment.bytes));
    expect(frag.udp).toBeUndefined();
    expect(frag.payload.length).toBe(1480);
    const last = ok(parseFrame(captured.ipv4LastFragment.bytes));
    expect(last.payload.length).toBe(576);
    expect(last.payload[575]).toBe(255); // the datagram's last byte: bytes 0..255 repeated
  });

  it('reports the failing layer of a damaged frame', () => {
    expectWireError(parseFrame(captured.tcpSyn.bytes.subarray(0, 10)), 'ethernet.header');
    expectWireError(parseFrame(captured.tcpSyn.bytes.subarray(0, 50)), 'ipv4.totalLength');
    const bad = captured.tcpSyn.bytes.slice();
    bad[60] = bad[60]! ^ 0xff;
    expectWireError(parseFrame(bad), 'tcp.checksum', 'checksum');
    expectWireError(parseFrame(captured.arpReply.bytes.subarray(0, 30)), 'arp.packet');
    expectWireError(buildTcpFrame(ok(parseFrame(captured.tcpSyn.bytes)).eth, ok(parseFrame(captured.tcpSyn.bytes)).ip!, ok(parseFrame(captured.tcpSyn.bytes)).tcp!, new Uint8Array(73)), 'frame.buffer');
  });

  it('round-trips random TCP and UDP frames and never throws on random bytes', () => {
    fc.assert(
      fc.property(ethernetRepr, ipv4Repr, tcpRepr, udpRepr, (eth, ip, tcp: TcpRepr, udp: UdpRepr) => {
        const unfragmented = { ...ip, moreFragments: false, fragmentOffset: 0 };
        const buf = new Uint8Array(tcpFrameLen(tcp) + 100);
        const n = buildTcpFrame(eth, unfragmented, tcp, buf);
        const f = ok(parseFrame(buf.subarray(0, n as number)));
        expect(f.tcp).toEqual(tcp);
        expect(f.ip).toEqual({ ...unfragmented, protocol: 6, payloadLength: f.ip!.payloadLength });
        const m = buildUdpFrame(eth, unfragmented, udp, buf);
        expect(ok(parseFrame(buf.subarray(0, m as number))).udp).toEqual(udp);
      }),
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 120 }), (bytes) => {
        const withIp = Uint8Array.of(2, 0, 0, 0, 0, 1, 2, 0, 0, 0, 0, 2, 8, 0, 0x45, ...bytes);
        for (const b of [bytes, withIp]) {
          const r = parseFrame(b);
          if (isWireError(r)) expect(r.field).toMatch(/^(ethernet|arp|ipv4|tcp|udp)\./);
        }
      }),
    );
  });
});
