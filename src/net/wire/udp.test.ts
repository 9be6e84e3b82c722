import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { captured } from './fixtures/frames';
import { ipv4 } from './ipv4-addr';
import { udpRepr } from './testing/arbitraries';
import { expectWireError, filledA5, ok } from './testing/assert';
import { isWireError } from './types';
import { emitUdp, parseUdp, udpBufferLen, udpView, UDP_CHECKSUM } from './udp';

const A = ipv4('10.0.0.1');
const B = ipv4('10.0.0.2');
const dgram = captured.udpSmall.bytes.subarray(34);

describe('UDP (RFC 768)', () => {
  it('reads the fields of a captured datagram', () => {
    const u = ok(parseUdp(dgram, A, B));
    expect(u.srcPort).toBe(40001);
    expect(u.dstPort).toBe(5001);
    expect(new TextDecoder().decode(u.payload)).toBe('udp datagram');
  });

  it('agrees field by field between the view and the repr', () => {
    const u = ok(parseUdp(dgram, A, B));
    expect([udpView.srcPort(dgram), udpView.dstPort(dgram), udpView.length(dgram)]).toEqual([u.srcPort, u.dstPort, 8 + u.payload.length]);
    expect(udpView.checksum(dgram)).toBe((dgram[6]! << 8) | dgram[7]!);
  });

  it('writes the captured datagram over a 0xa5-filled buffer', () => {
    const buf = filledA5(dgram.length + 2);
    const repr = { srcPort: 40001, dstPort: 5001, payload: new TextEncoder().encode('udp datagram') };
    expect(emitUdp(repr, buf, 1, A, B)).toBe(dgram.length);
    expect(buf.subarray(1, 1 + dgram.length)).toEqual(dgram);
    expect([buf[0], buf[1 + dgram.length]]).toEqual([0xa5, 0xa5]);
  });

  it('parses then emits the captured datagram unchanged', () => {
    const u = ok(parseUdp(dgram, A, B));
    const buf = new Uint8Array(udpBufferLen(u));
    emitUdp({ ...u, payload: u.payload.slice() }, buf, 0, A, B);
    expect(buf).toEqual(dgram);
  });

  it('treats a zero checksum as none and sends a computed zero as 0xffff', () => {
    const noSum = dgram.slice();
    noSum[UDP_CHECKSUM] = 0;
    noSum[UDP_CHECKSUM + 1] = 0;
    expect(isWireError(parseUdp(noSum, A, B))).toBe(false);
    const buf = new Uint8Array(8);
    emitUdp({ srcPort: 1, dstPort: 2, payload: new Uint8Array(0) }, buf, 0, A, B, false);
    expect([buf[6], buf[7]]).toEqual([0, 0]);
    // Find ports whose checksum computes to zero, then check it goes out as 0xffff and verifies.
    let found = false;
    for (let port = 0; port < 0x10000 && !found; port++) {
      emitUdp({ srcPort: port, dstPort: 0, payload: new Uint8Array(0) }, buf, 0, 0, 0);
      if (buf[6] === 0xff && buf[7] === 0xff) {
        found = true;
        expect(isWireError(parseUdp(buf, 0, 0))).toBe(false);
      }
    }
    expect(found).toBe(true);
  });

  it('rejects truncated datagrams, impossible lengths and bad checksums, naming the field', () => {
    expectWireError(parseUdp(dgram.subarray(0, 7)), 'udp.header', 'truncated');
    expectWireError(parseUdp(dgram.subarray(0, 19)), 'udp.length', 'truncated');
    const short = dgram.slice();
    short[5] = 7;
    expectWireError(parseUdp(short), 'udp.length', 'malformed');
    const bad = dgram.slice();
    bad[10] = bad[10]! ^ 1;
    expectWireError(parseUdp(bad, A, B), 'udp.checksum', 'checksum');
    expectWireError(emitUdp(ok(parseUdp(dgram)), new Uint8Array(19), 0, A, B), 'udp.buffer', 'truncated');
  });

  it('returns any repr unchanged after emit then parse', () => {
    fc.assert(
      fc.property(udpRepr, fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 0xffffffff }), (repr, s, d) => {
        const buf = new Uint8Array(udpBufferLen(repr));
        emitUdp(repr, buf, 0, s, d);
        expect(parseUdp(buf, s, d)).toEqual(repr);
      }),
    );
  });

  it('never throws on random or truncated bytes and names a udp field', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), fc.nat(20), (bytes, cut) => {
        for (const b of [bytes, dgram.subarray(0, cut)]) {
          const r = parseUdp(b, A, B);
          if (isWireError(r)) expect(r.field).toMatch(/^udp\./);
        }
      }),
    );
  });
});
