import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { arpView, emitArp, parseArp, ARP_LEN, ARP_REPLY, ARP_REQUEST } from './arp';
import { formatMac } from './ethernet';
import { captured } from './fixtures/frames';
import { formatIpv4 } from './ipv4-addr';
import { arpRepr } from './testing/arbitraries';
import { expectWireError, filledA5, ok } from './testing/assert';
import { isWireError } from './types';

const request = captured.arpRequest.bytes.subarray(14);
const reply = captured.arpReply.bytes.subarray(14);

describe('ARP (RFC 826)', () => {
  it('reads the fields of a captured request and reply', () => {
    const q = ok(parseArp(request));
    expect(q.operation).toBe(ARP_REQUEST);
    expect(formatMac(q.senderMac)).toBe('02:00:00:00:00:01');
    expect(formatIpv4(q.senderIp)).toBe('10.0.0.1');
    expect(q.targetMac).toBe(0);
    expect(formatIpv4(q.targetIp)).toBe('10.0.0.2');
    const r = ok(parseArp(reply));
    expect(r.operation).toBe(ARP_REPLY);
    expect(formatMac(r.senderMac)).toBe('02:00:00:00:00:02');
    expect(formatMac(r.targetMac)).toBe('02:00:00:00:00:01');
  });

  it('agrees field by field between the view and the repr', () => {
    const r = ok(parseArp(reply));
    expect([arpView.operation(reply), arpView.senderMac(reply), arpView.senderIp(reply), arpView.targetMac(reply), arpView.targetIp(reply)]).toEqual([
      r.operation, r.senderMac, r.senderIp, r.targetMac, r.targetIp,
    ]);
  });

  it('writes the captured reply over a 0xa5-filled buffer', () => {
    const buf = filledA5(ARP_LEN + 2);
    const n = emitArp(
      { operation: 2, senderMac: 0x020000000002, senderIp: 0x0a000002, targetMac: 0x020000000001, targetIp: 0x0a000001 },
      buf,
      1,
    );
    expect(n).toBe(ARP_LEN);
    expect(buf.subarray(1, 29)).toEqual(reply);
    expect([buf[0], buf[29]]).toEqual([0xa5, 0xa5]);
  });

  it('parses then emits the captured request unchanged', () => {
    const buf = new Uint8Array(ARP_LEN);
    emitArp(ok(parseArp(request)), buf);
    expect(buf).toEqual(request);
  });

  it('rejects truncated packets and impossible types and lengths, naming the field', () => {
    expectWireError(parseArp(request.subarray(0, 27)), 'arp.packet', 'truncated');
    const bad = (at: number, v: number): Uint8Array => {
      const b = request.slice();
      b[at] = v;
      return b;
    };
    expectWireError(parseArp(bad(1, 6)), 'arp.hardwareType');
    expectWireError(parseArp(bad(2, 0x86)), 'arp.protocolType');
    expectWireError(parseArp(bad(4, 8)), 'arp.hardwareLength');
    expectWireError(parseArp(bad(5, 16)), 'arp.protocolLength');
    expectWireError(parseArp(bad(7, 3)), 'arp.operation');
    expectWireError(emitArp(ok(parseArp(request)), new Uint8Array(27)), 'arp.buffer');
  });

  it('returns any repr unchanged after emit then parse', () => {
    fc.assert(
      fc.property(arpRepr, (repr) => {
        const buf = new Uint8Array(ARP_LEN);
        emitArp(repr, buf);
        expect(parseArp(buf)).toEqual(repr);
      }),
    );
  });

  it('never throws on random or truncated bytes and names an arp field', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), fc.nat(28), (bytes, cut) => {
        for (const b of [bytes, request.subarray(0, cut)]) {
          const r = parseArp(b);
          if (isWireError(r)) expect(r.field).toMatch(/^arp\./);
        }
      }),
    );
  });
});
