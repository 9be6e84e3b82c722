import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { captured } from './fixtures/frames';
import { emitIpv4, ipv4Payload, ipv4View, parseIpv4, IPV4_HEADER_LEN } from './ipv4';
import { formatIpv4, ipv4, parseIpv4Addr } from './ipv4-addr';
import { ipv4Repr } from './testing/arbitraries';
import { expectWireError, filledA5, ok } from './testing/assert';
import { IPPROTO_TCP, IPPROTO_UDP, isWireError } from './types';

const synIp = captured.tcpSyn.bytes.subarray(14);
const frag1 = captured.ipv4FirstFragment.bytes.subarray(14);
const frag2 = captured.ipv4LastFragment.bytes.subarray(14);

describe('IPv4 (RFC 791)', () => {
  it('reads every field of a captured header', () => {
    const ip = ok(parseIpv4(synIp));
    expect(ip).toEqual({
      src: ipv4('10.0.0.1'),
      dst: ipv4('10.0.0.2'),
      protocol: IPPROTO_TCP,
      ttl: 64,
      identification: 0x35ba,
      dscp: 0,
      ecn: 0,
      dontFragment: true,
      moreFragments: false,
      fragmentOffset: 0,
      payloadLength: 40,
    });
    expect(ipv4Payload(synIp, ip)).toEqual(synIp.subarray(20, 60));
  });

  it('agrees field by field between the view and the repr', () => {
    for (const b of [synIp, frag1, frag2]) {
      const ip = ok(parseIpv4(b));
      expect([ipv4View.src(b), ipv4View.dst(b), ipv4View.protocol(b), ipv4View.ttl(b), ipv4View.identification(b)]).toEqual([
        ip.src, ip.dst, ip.protocol, ip.ttl, ip.identification,
      ]);
      expect([ipv4View.dontFragment(b), ipv4View.moreFragments(b), ipv4View.fragmentOffset(b)]).toEqual([
        ip.dontFragment, ip.moreFragments, ip.fragmentOffset,
      ]);
      expect(ipv4View.totalLength(b) - ipv4View.headerLength(b)).toBe(ip.payloadLength);
    }
    expect(ipv4View.checksum(synIp)).toBe(0xf0ff);
  });

  it('reads the fragmentation fields of a captured fragment pair', () => {
    const a = ok(parseIpv4(frag1));
    const b = ok(parseIpv4(frag2));
    expect([a.moreFragments, a.fragmentOffset, a.payloadLength, a.protocol]).toEqual([true, 0, 1480, IPPROTO_UDP]);
    expect([b.moreFragments, b.fragmentOffset, b.payloadLength]).toEqual([false, 1480, 576]);
    expect(a.identification).toBe(b.identification);
    expect(a.dontFragment || b.dontFragment).toBe(false);
  });

  it('writes the captured header, checksum included, over a 0xa5-filled buffer', () => {
    for (const bytes of [synIp, frag1, frag2]) {
      const buf = filledA5(IPV4_HEADER_LEN + 1);
      expect(emitIpv4(ok(parseIpv4(bytes)), buf)).toBe(IPV4_HEADER_LEN);
      expect(buf.subarray(0, 20)).toEqual(bytes.subarray(0, 20));
      expect(buf[20]).toBe(0xa5);
    }
  });

  it('ignores Ethernet padding after the total length', () => {
    const padded = new Uint8Array(60);
    padded.set(captured.udpSmall.bytes.subarray(14));
    expect(ok(parseIpv4(padded)).payloadLength).toBe(20);
  });

  it('rejects truncated and impossible lengths, naming the field', () => {
    expectWireError(parseIpv4(synIp.subarray(0, 19)), 'ipv4.header', 'truncated');
    expectWireError(parseIpv4(synIp.subarray(0, 59)), 'ipv4.totalLength', 'truncated');
    const with_ = (at: number, v: number): Uint8Array => {
      const b = synIp.slice();
      b[at] = v;
      return b;
    };
    expectWireError(parseIpv4(with_(0, 0x65)), 'ipv4.version', 'malformed');
    expectWireError(parseIpv4(with_(0, 0x44)), 'ipv4.headerLength', 'malformed');
    expectWireError(parseIpv4(synIp.slice(0, 22).map((x, i) => (i === 0 ? 0x46 : x))), 'ipv4.headerLength', 'truncated');
    expectWireError(parseIpv4(with_(3, 19).map((x, i) => (i === 2 ? 0 : x))), 'ipv4.totalLength', 'malformed');
    expectWireError(parseIpv4(with_(6, 0xc0)), 'ipv4.flags');
    expectWireError(parseIpv4(with_(8, 63)), 'ipv4.checksum', 'checksum');
  });

  it('validates option lengths inside the header', () => {
    // A 24-byte header with one 4-byte option (type 0x94 router alert, RFC 2113).
    const withOption = (opt: number[]): Uint8Array => {
      const b = new Uint8Array(24);
      b.set(synIp.subarray(0, 20));
      b[0] = 0x46;
      b[3] = 24;
      b.set(opt, 20);
      return b;
    };
    // The checksum is not fixed up, so turn verification off to reach the options.
    expect(isWireError(parseIpv4(withOption([0x94, 4, 0, 0]), false))).toBe(false);
    expect(isWireError(parseIpv4(withOption([1, 1, 1, 0]), false))).toBe(false);
    expectWireError(parseIpv4(withOption([0x94, 5, 0, 0]), false), 'ipv4.options.length');
    expectWireError(parseIpv4(withOption([0x94, 1, 0, 0]), false), 'ipv4.options.length');
    expectWireError(parseIpv4(withOption([1, 1, 1, 0x94]), false), 'ipv4.options.length');
  });

  it('refuses to emit what the header cannot carry', () => {
    const ip = ok(parseIpv4(synIp));
    expectWireError(emitIpv4(ip, new Uint8Array(19)), 'ipv4.buffer', 'truncated');
    expectWireError(emitIpv4({ ...ip, payloadLength: 65516 }, new Uint8Array(20)), 'ipv4.totalLength');
    expectWireError(emitIpv4({ ...ip, fragmentOffset: 12 }, new Uint8Array(20)), 'ipv4.fragmentOffset');
    expectWireError(parseIpv4(frag2.slice().map((x, i) => (i === 6 ? 0x1f : i === 7 ? 0xff : x)), false), 'ipv4.fragmentOffset');
  });

  it('converts addresses between text and numbers', () => {
    expect(parseIpv4Addr('192.168.1.254')).toBe(0xc0a801fe);
    expect(formatIpv4(0xc0a801fe)).toBe('192.168.1.254');
    expectWireError(parseIpv4Addr('1.2.3'), 'ipv4.address');
    expectWireError(parseIpv4Addr('1.2.3.256'), 'ipv4.address');
    expectWireError(parseIpv4Addr('1.2.3.04'), 'ipv4.address');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), (a) => {
        expect(parseIpv4Addr(formatIpv4(a))).toBe(a);
      }),
    );
  });

  it('returns any repr unchanged after emit then parse', () => {
    fc.assert(
      fc.property(ipv4Repr, (repr) => {
        const buf = new Uint8Array(20 + repr.payloadLength);
        expect(emitIpv4(repr, buf)).toBe(20);
        expect(parseIpv4(buf)).toEqual(repr);
      }),
    );
  });

  it('never throws on random or truncated bytes and names an ipv4 field', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), fc.nat(60), (bytes, cut) => {
        for (const b of [bytes, synIp.subarray(0, cut), Uint8Array.of(0x45, ...bytes)]) {
          const r = parseIpv4(b);
          if (isWireError(r)) expect(r.field).toMatch(/^ipv4\./);
        }
      }),
    );
  });
});
