import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { captured, tcpAckWithSack } from './fixtures/frames';
import { ipv4 } from './ipv4-addr';
import { seq, seqDiff } from './seq';
import { emitTcp, parseTcp, tcpBufferLen, tcpHeaderLen, tcpView } from './tcp';
import { tcpOptionsLen } from './tcp-options';
import { tcpRepr } from './testing/arbitraries';
import { expectWireError, filledA5, ok } from './testing/assert';
import { isWireError, TCP_ACK, TCP_FIN, TCP_PSH, TCP_SYN, type TcpRepr } from './types';

const A = ipv4('10.0.0.1');
const B = ipv4('10.0.0.2');
const l4 = (frame: Uint8Array): Uint8Array => frame.subarray(34);
const syn = l4(captured.tcpSyn.bytes);

describe('TCP (RFC 9293) segments', () => {
  it('reads every field and option of a captured Linux SYN', () => {
    const t = ok(parseTcp(syn, A, B));
    expect(t).toEqual({
      srcPort: 52160,
      dstPort: 5000,
      seq: seq(0x34b0ad05),
      ack: seq(0),
      flags: TCP_SYN,
      window: 64240,
      urgentPointer: 0,
      options: { mss: 1460, sackPermitted: true, timestamps: { tsVal: 0x4e80db3e, tsEcr: 0 }, windowScale: 10 },
      payload: new Uint8Array(0),
    });
  });

  it('agrees field by field between the view and the repr', () => {
    const seg = l4(captured.tcpDataFromServer.bytes);
    const t = ok(parseTcp(seg, B, A));
    expect([tcpView.srcPort(seg), tcpView.dstPort(seg), tcpView.seq(seg), tcpView.ack(seg)]).toEqual([t.srcPort, t.dstPort, t.seq, t.ack]);
    expect([tcpView.flags(seg), tcpView.window(seg), tcpView.urgentPointer(seg)]).toEqual([t.flags, t.window, t.urgentPointer]);
    expect([tcpView.headerLength(seg), tcpView.payloadLength(seg), tcpView.checksum(seg)]).toEqual([32, 17, (seg[16]! << 8) | seg[17]!]);
  });

  it('reads data, flags and timestamps of captured segments', () => {
    const d = ok(parseTcp(l4(captured.tcpDataFromClient.bytes), A, B));
    expect(d.flags).toBe(TCP_PSH | TCP_ACK);
    expect(new TextDecoder().decode(d.payload)).toBe('hello from client');
    expect(d.options).toEqual({ timestamps: { tsVal: 0x4e80db3f, tsEcr: 0xb48465fe } });
    const fin = ok(parseTcp(l4(captured.tcpFinFromServer.bytes), B, A));
    expect(fin.flags).toBe(TCP_FIN | TCP_ACK);
    expect(seqDiff(fin.ack, ok(parseTcp(syn)).seq)).toBe(19);
  });

  it('reads the SACK blocks of a captured duplicate ACK', () => {
    const t = ok(parseTcp(l4(tcpAckWithSack), A, B));
    const blocks = t.options.sackBlocks!;
    expect(blocks).toHaveLength(2);
    // Relative to the ACK, as tshark shows them: SLE=101361 SRE=102809 SLE=76745 SRE=99913 with ACK 75297.
    expect(seqDiff(blocks[0]!.left, t.ack)).toBe(101361 - 75297);
    expect(seqDiff(blocks[0]!.right, blocks[0]!.left)).toBe(1448);
    expect(seqDiff(blocks[1]!.left, t.ack)).toBe(76745 - 75297);
    expect(seqDiff(blocks[1]!.right, blocks[1]!.left)).toBe(99913 - 76745);
    expect(t.options.timestamps).toBeDefined();
  });

  it('writes captured segments byte for byte over a 0xa5-filled buffer, in Linux option layout', () => {
    const cases: Array<[Uint8Array, number, number]> = [
      [captured.tcpSyn.bytes, A, B],
      [captured.tcpSynAck.bytes, B, A],
      [captured.tcpAck.bytes, A, B],
      [captured.tcpDataFromServer.bytes, B, A],
      [captured.tcpFinFromClient.bytes, A, B],
      [tcpAckWithSack, A, B],
    ];
    for (const [frame, src, dst] of cases) {
      const seg = l4(frame);
      const repr = ok(parseTcp(seg, src, dst));
      const copy: TcpRepr = { ...repr, payload: repr.payload.slice() };
      const buf = filledA5(seg.length + 4);
      expect(emitTcp(copy, buf, 2, src, dst)).toBe(seg.length);
      expect(buf.subarray(2, 2 + seg.length)).toEqual(seg);
      expect([buf[1], buf[2 + seg.length]]).toEqual([0xa5, 0xa5]);
      expect(tcpBufferLen(repr)).toBe(seg.length);
    }
  });

  it('rejects truncated segments and impossible data offsets, naming the field', () => {
    expectWireError(parseTcp(syn.subarray(0, 19)), 'tcp.header', 'truncated');
    expectWireError(parseTcp(syn.subarray(0, 39)), 'tcp.dataOffset', 'truncated');
    const withByte = (at: number, v: number): Uint8Array => {
      const b = syn.slice();
      b[at] = v;
      return b;
    };
    expectWireError(parseTcp(withByte(12, 0x40)), 'tcp.dataOffset', 'malformed');
    expectWireError(parseTcp(withByte(12, 0xf0)), 'tcp.dataOffset', 'truncated');
    expectWireError(parseTcp(withByte(30, 0x55), A, B), 'tcp.checksum', 'checksum');
    expectWireError(parseTcp(syn, A, ipv4('10.0.0.3')), 'tcp.checksum', 'checksum');
  });

  it('rejects options with bad lengths, naming the option', () => {
    // The SYN's options start at 20: mss(20) sackOK(24) TS(26) nop(36) wscale(37).
    const withByte = (at: number, v: number): Uint8Array => {
      const b = syn.slice();
      b[at] = v;
      return b;
    };
    expectWireError(parseTcp(withByte(21, 5)), 'tcp.options.mss');
    expectWireError(parseTcp(withByte(21, 1)), 'tcp.options.length');
    expectWireError(parseTcp(withByte(25, 3)), 'tcp.options.sackPermitted');
    expectWireError(parseTcp(withByte(27, 9)), 'tcp.options.timestamps');
    expectWireError(parseTcp(withByte(38, 4)), 'tcp.options.length'); // runs past the header
    expectWireError(parseTcp(withByte(38, 2)), 'tcp.options.windowScale');
    expectWireError(parseTcp(withByte(36, 3)), 'tcp.options.length'); // leaves a kind with no length byte
    // A SACK option of length 10 where only 4 bytes remain.
    const sack = l4(tcpAckWithSack).slice();
    sack[35] = 11;
    expectWireError(parseTcp(sack), 'tcp.options.sack');
  });

  it('stops at EOL and skips unknown options by their length', () => {
    const b = syn.slice();
    b.set([0x22, 4, 0xde, 0xad], 20); // an unknown kind in place of MSS
    b[24] = 0; // EOL where SACK-permitted was: the rest is padding
    expect(ok(parseTcp(b)).options).toEqual({});
  });

  it('leaves out the SACK blocks that do not fit in 40 bytes of options', () => {
    const blocks = [1, 2, 3, 4].map((i) => ({ left: seq(i * 100), right: seq(i * 100 + 50) }));
    expect(tcpOptionsLen({ sackBlocks: blocks })).toBe(36);
    expect(tcpOptionsLen({ timestamps: { tsVal: 1, tsEcr: 2 }, sackBlocks: blocks })).toBe(40);
    const repr: TcpRepr = {
      srcPort: 1, dstPort: 2, seq: seq(0), ack: seq(0), flags: TCP_ACK, window: 0, urgentPointer: 0,
      options: { timestamps: { tsVal: 1, tsEcr: 2 }, sackBlocks: blocks }, payload: new Uint8Array(0),
    };
    const buf = new Uint8Array(tcpBufferLen(repr));
    emitTcp(repr, buf, 0, A, B);
    expect(ok(parseTcp(buf, A, B)).options.sackBlocks).toEqual(blocks.slice(0, 3));
    expect(tcpHeaderLen(repr)).toBe(60);
  });

  it('refuses to emit into a buffer that is too small', () => {
    const repr = ok(parseTcp(syn));
    expectWireError(emitTcp(repr, new Uint8Array(39), 0, A, B), 'tcp.buffer', 'truncated');
    expectWireError(emitTcp(repr, new Uint8Array(40), 1, A, B), 'tcp.buffer', 'truncated');
  });

  it('returns any repr unchanged after emit then parse, checksum verified', () => {
    fc.assert(
      fc.property(tcpRepr, fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 0xffffffff }), (repr, src, dst) => {
        const buf = new Uint8Array(tcpBufferLen(repr));
        expect(emitTcp(repr, buf, 0, src, dst)).toBe(buf.length);
        expect(parseTcp(buf, src, dst)).toEqual(repr);
      }),
    );
  });

  it('never throws on random or truncated bytes and names a tcp field', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), fc.nat(40), (bytes, cut) => {
        const headed = new Uint8Array(20 + bytes.length);
        headed.set(syn.subarray(0, 20));
        headed.set(bytes, 20);
        headed[12] = (5 + (bytes[0] ?? 0) % 11) << 4; // random options under a valid data offset
        for (const b of [bytes, syn.subarray(0, cut), headed]) {
          const r = parseTcp(b, A, B);
          if (isWireError(r)) expect(r.field).toMatch(/^tcp\./);
        }
      }),
    );
  });
});
