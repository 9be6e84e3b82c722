import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { captured, hex } from './fixtures/frames';
import { LINKTYPE_ETHERNET } from './pcapng';
import { readPcapng } from './pcapng-reader';
import { PcapngWriter } from './pcapng-writer';
import { expectWireError, ok } from './testing/assert';
import { isWireError } from './types';

const fixture = new Uint8Array(readFileSync(new URL('./fixtures/capture.pcapng', import.meta.url)));

describe('pcapng reader', () => {
  it('reads the capture dumpcap wrote: section, interface, nanosecond timestamps, every frame', () => {
    const f = ok(readPcapng(fixture));
    expect(f.section.application).toMatch(/^Dumpcap \(Wireshark\)/);
    expect(f.interfaces).toHaveLength(1);
    expect(f.interfaces[0]).toMatchObject({ linkType: LINKTYPE_ETHERNET, snapLen: 262144, tsResolution: { base: 10, exponent: 9 } });
    expect(f.skippedBlocks).toBe(1); // dumpcap's closing interface statistics block
    const frames = Object.values(captured);
    expect(f.packets).toHaveLength(frames.length);
    f.packets.forEach((p, i) => {
      expect(p.data).toEqual(frames[i]!.bytes);
      expect(p.timestampNs).toBe(frames[i]!.timestampNs);
      expect(p.originalLength).toBe(p.data.length);
    });
  });

  it('reads a big-endian file, microsecond resolution by default', () => {
    // Hand-built in network byte order: SHB, an IDB without if_tsresol, one EPB of 3 bytes.
    const be = hex(
      '0a0d0d0a 0000001c 1a2b3c4d 0001 0000 ffffffffffffffff 0000001c' +
        '00000001 00000014 0001 0000 00000000 00000014' +
        '00000006 00000024 00000000 00000000 000f4241 00000003 00000005 abcdef00 00000024',
    );
    const f = ok(readPcapng(be));
    expect(f.interfaces[0]!.tsResolution).toEqual({ base: 10, exponent: 6 });
    expect(f.packets).toEqual([{ interfaceId: 0, timestampNs: 1_000_001_000n, data: Uint8Array.of(0xab, 0xcd, 0xef), originalLength: 5 }]);
  });

  it('rejects truncated files and impossible block lengths, naming the field', () => {
    expectWireError(readPcapng(fixture.subarray(0, 8)), 'pcapng.shb', 'truncated');
    expectWireError(readPcapng(fixture.subarray(0, fixture.length - 2)), /^pcapng\.(block|blockTotalLength)$/);
    expectWireError(readPcapng(fixture.subarray(0, fixture.length - 4)), 'pcapng.blockTotalLength', 'truncated');
    const at = (o: number, v: number): Uint8Array => {
      const b = fixture.slice();
      new DataView(b.buffer).setUint32(o, v, true);
      return b;
    };
    const shbLen = new DataView(fixture.buffer, fixture.byteOffset).getUint32(4, true);
    expectWireError(readPcapng(at(4, 10)), 'pcapng.blockTotalLength', 'malformed');
    expectWireError(readPcapng(at(4, shbLen + 2)), 'pcapng.blockTotalLength', 'malformed');
    expectWireError(readPcapng(at(4, shbLen + 4)), 'pcapng.blockTotalLength', 'malformed'); // trailing copy differs
    expectWireError(readPcapng(at(0, 6)), 'pcapng.shb', 'malformed');
    expectWireError(readPcapng(at(8, 0x12345678)), 'pcapng.shb.byteOrderMagic');
  });

  it('rejects an enhanced packet block whose captured length overruns it or whose interface is unknown', () => {
    const w = new PcapngWriter();
    w.addInterface();
    w.writePacket(0, 5, captured.udpSmall.bytes);
    const good = w.toBytes();
    const epb = good.length - (32 + 56); // the EPB is last: 32 bytes of framing and fields + 56 of data (54 padded)
    expect(new DataView(good.buffer).getUint32(epb, true)).toBe(6);
    const withU32 = (o: number, v: number): Uint8Array => {
      const b = good.slice();
      new DataView(b.buffer).setUint32(o, v, true);
      return b;
    };
    expectWireError(readPcapng(withU32(epb + 20, 57)), 'pcapng.epb.capturedLength');
    expectWireError(readPcapng(withU32(epb + 8, 1)), 'pcapng.epb.interfaceId');
  });
});

describe('pcapng writer', () => {
  it('lays out SHB, IDB with if_tsresol 9 and EPB byte for byte', () => {
    const w = new PcapngWriter();
    expect(w.addInterface({ snapLen: 65535 })).toBe(0);
    expect(w.writePacket(0, 0x1_0000_0002n, Uint8Array.of(1, 2, 3))).toBeUndefined();
    expect(w.toBytes()).toEqual(
      hex(
        // SHB: type, length 28, magic, version 1.0, section length -1, length.
        '0a0d0d0a 1c000000 4d3c2b1a 0100 0000 ffffffffffffffff 1c000000' +
          // IDB: type 1, length 32, Ethernet, reserved, snaplen 65535, if_tsresol(9)=9 padded, end, length.
          '01000000 20000000 0100 0000 ffff0000 0900 0100 09000000 00000000 20000000' +
          // EPB: type 6, length 36, iface 0, ts high 1, ts low 2, caplen 3, origlen 3, data padded, length.
          '06000000 24000000 00000000 01000000 02000000 03000000 03000000 01020300 24000000',
      ),
    );
  });

  it('reads back what it wrote, options and comments included', () => {
    const w = new PcapngWriter({ application: 'offload-lab', comment: 'a test' });
    w.addInterface({ name: 'host0', description: 'simulated host NIC', snapLen: 0 });
    w.addInterface({ name: 'card0' });
    w.writePacket(1, 123_456_789_012, captured.tcpSyn.bytes, 74, 'the SYN');
    w.writePacket(0, 2n ** 63n, captured.arpRequest.bytes, 60);
    const f = ok(readPcapng(w.toBytes()));
    expect(f.section).toEqual({ application: 'offload-lab', comment: 'a test' });
    expect(f.interfaces.map((i) => i.name)).toEqual(['host0', 'card0']);
    expect(f.interfaces[0]!.description).toBe('simulated host NIC');
    expect(f.packets[0]).toEqual({ interfaceId: 1, timestampNs: 123_456_789_012n, data: captured.tcpSyn.bytes, originalLength: 74, comment: 'the SYN' });
    expect(f.packets[1]).toMatchObject({ interfaceId: 0, timestampNs: 2n ** 63n, originalLength: 60 });
  });

  it('streams in pieces with flush() that join into one valid file', () => {
    const w = new PcapngWriter();
    w.addInterface();
    w.writePacket(0, 1, captured.tcpSyn.bytes);
    const first = w.flush();
    w.writePacket(0, 2, captured.tcpSynAck.bytes);
    w.writePacket(0, 3, captured.tcpAck.bytes);
    const second = w.flush();
    expect(w.flush()).toHaveLength(0);
    const joined = new Uint8Array(first.length + second.length);
    joined.set(first);
    joined.set(second, first.length);
    const f = ok(readPcapng(joined));
    expect(f.packets.map((p) => p.data)).toEqual([captured.tcpSyn.bytes, captured.tcpSynAck.bytes, captured.tcpAck.bytes]);
  });

  it('refuses packets it cannot describe, naming the field', () => {
    const w = new PcapngWriter();
    w.addInterface({ snapLen: 10 });
    expectWireError(w.writePacket(1, 0, new Uint8Array(4)), 'pcapng.epb.interfaceId');
    expectWireError(w.writePacket(0, -1, new Uint8Array(4)), 'pcapng.epb.timestamp');
    expectWireError(w.writePacket(0, 1.5, new Uint8Array(4)), 'pcapng.epb.timestamp');
    expectWireError(w.writePacket(0, 0, new Uint8Array(11)), 'pcapng.epb.capturedLength');
    expectWireError(w.writePacket(0, 0, new Uint8Array(4), 3), 'pcapng.epb.originalLength');
  });

  it('round-trips random packets, and reading random or cut files never throws', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ ts: fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }), data: fc.uint8Array({ maxLength: 70 }) }), { maxLength: 6 }),
        fc.nat(),
        (packets, cut) => {
          const w = new PcapngWriter();
          w.addInterface();
          for (const p of packets) w.writePacket(0, p.ts, p.data);
          const bytes = w.toBytes();
          const f = ok(readPcapng(bytes));
          expect(f.packets.map((p) => [p.timestampNs, p.data])).toEqual(packets.map((p) => [p.ts, p.data]));
          const r = readPcapng(bytes.subarray(0, cut % (bytes.length + 1)));
          if (isWireError(r)) expect(r.field).toMatch(/^pcapng\./);
        },
      ),
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const r = readPcapng(Uint8Array.of(0x0a, 0x0d, 0x0d, 0x0a, ...bytes));
        if (isWireError(r)) expect(r.field).toMatch(/^pcapng\./);
      }),
    );
  });
});
