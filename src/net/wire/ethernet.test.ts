import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { emitEthernet, ethernetView, formatMac, isMulticastMac, parseEthernet, parseMac, ETHERNET_HEADER_LEN, MAC_BROADCAST } from './ethernet';
import { captured } from './fixtures/frames';
import { ethernetRepr } from './testing/arbitraries';
import { expectWireError, filledA5, ok } from './testing/assert';
import { ETHERTYPE_ARP, ETHERTYPE_IPV4, isWireError } from './types';

const syn = captured.tcpSyn.bytes;

describe('Ethernet II', () => {
  it('reads the fields of a captured frame', () => {
    const eth = ok(parseEthernet(syn));
    expect(formatMac(eth.dst)).toBe('02:00:00:00:00:02');
    expect(formatMac(eth.src)).toBe('02:00:00:00:00:01');
    expect(eth.etherType).toBe(ETHERTYPE_IPV4);
    const arp = ok(parseEthernet(captured.arpRequest.bytes));
    expect(arp.dst).toBe(MAC_BROADCAST);
    expect(arp.etherType).toBe(ETHERTYPE_ARP);
  });

  it('agrees field by field between the view and the repr', () => {
    const eth = ok(parseEthernet(syn));
    expect([ethernetView.dst(syn), ethernetView.src(syn), ethernetView.etherType(syn)]).toEqual([eth.dst, eth.src, eth.etherType]);
  });

  it('writes the captured header over a 0xa5-filled buffer', () => {
    const buf = filledA5(ETHERNET_HEADER_LEN + 1);
    expect(emitEthernet({ dst: 0x020000000002, src: 0x020000000001, etherType: 0x0800 }, buf)).toBe(14);
    expect(buf.subarray(0, 14)).toEqual(syn.subarray(0, 14));
    expect(buf[14]).toBe(0xa5);
  });

  it('parses then emits the captured header unchanged', () => {
    const buf = new Uint8Array(14);
    emitEthernet(ok(parseEthernet(syn)), buf);
    expect(buf).toEqual(syn.subarray(0, 14));
  });

  it('rejects a truncated header and an 802.3 length in place of an EtherType', () => {
    expectWireError(parseEthernet(syn.subarray(0, 13)), 'ethernet.header', 'truncated');
    const llc = syn.slice(0, 20);
    llc[12] = 0x05;
    llc[13] = 0xdc; // 1500: an 802.3 length field
    expectWireError(parseEthernet(llc), 'ethernet.etherType', 'unsupported');
    expectWireError(emitEthernet({ dst: 0, src: 0, etherType: 0x800 }, new Uint8Array(13)), 'ethernet.buffer');
  });

  it('formats and parses MAC addresses', () => {
    expect(parseMac('aa:BB:cc:00:01:ff')).toBe(0xaabbcc0001ff);
    expect(parseMac('02-00-00-00-00-01')).toBe(0x020000000001);
    expect(formatMac(0xaabbcc0001ff)).toBe('aa:bb:cc:00:01:ff');
    expectWireError(parseMac('aa:bb:cc'), 'mac');
    expectWireError(parseMac('aa:bb:cc:dd:ee:fg'), 'mac');
    expect(isMulticastMac(MAC_BROADCAST)).toBe(true);
    expect(isMulticastMac(0x020000000001)).toBe(false);
    fc.assert(fc.property(fc.integer({ min: 0, max: 2 ** 48 - 1 }), (m) => {
      expect(parseMac(formatMac(m))).toBe(m);
    }));
  });

  it('returns any repr unchanged after emit then parse', () => {
    fc.assert(
      fc.property(ethernetRepr, (repr) => {
        const buf = new Uint8Array(14);
        emitEthernet(repr, buf);
        expect(parseEthernet(buf)).toEqual(repr);
      }),
    );
  });

  it('never throws on random bytes and names an ethernet field when it refuses them', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        const r = parseEthernet(bytes);
        if (isWireError(r)) expect(r.field).toMatch(/^ethernet\./);
      }),
    );
  });
});
